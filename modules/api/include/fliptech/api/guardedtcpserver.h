#pragma once
// GuardedTcpServer: the socket server handed to QHttpServer. QHttpServer 6.4 keeps every
// connection open forever, buffers bodies without limit and takes any framing, so this server
// reads each request's framing itself (HttpFramer) before QHttpServer does: malformed requests
// are answered 400/431/505 and closed, a head is screened (Host, authentication, body size)
// before its body is accepted, slow clients meet deadlines, idle connections close, and the
// open connections are capped in all and per client address.
//
// One QHttpServer thread cannot use more than one core, so the API runs several: the listening
// GuardedTcpServer accepts and hands each connection (round robin) to a dispatcher; on each
// HTTP thread a non-listening GuardedTcpServer adopts it and feeds its own QHttpServer.

#include "fliptech/api/httpframer.h"
#include "fliptech/api/listenaddress.h"
#include "fliptech/core/error.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace fliptech::api {

// Filled by the head screen for a body to spool: where to write it, and what to run once the
// body is gone (a per-user upload count). An empty path: not spooled (QHttpServer buffers the
// body, within the size limit). Move-only; whoever holds it last runs `release`.
struct SpoolRequest {
    QString path;
    std::function<void()> release;
    SpoolRequest() = default;
    SpoolRequest(SpoolRequest &&other) noexcept : path(std::move(other.path)), release(std::exchange(other.release, nullptr)) {}
    SpoolRequest &operator=(SpoolRequest &&other) noexcept
    {
        if (this != &other) {
            done();
            path = std::move(other.path);
            release = std::exchange(other.release, nullptr);
        }
        return *this;
    }
    SpoolRequest(const SpoolRequest &) = delete;
    SpoolRequest &operator=(const SpoolRequest &) = delete;
    ~SpoolRequest() { done(); }

private:
    void done()
    {
        if (release)
            std::exchange(release, nullptr)();
    }
};

// An upload's body, written to a file as it arrived instead of being held in memory by
// QHttpServer. The head screen asks for it (SpoolRequest); the request QHttpServer then sees
// has no body and a header naming the spool, and the route takes the file with
// GuardedTcpServer::takeSpooledBody(). The file is removed with the last reference unless
// kept (moved into the file store); the screen's request is released then too.
struct SpooledBody {
    QString path;
    qint64 size = 0;
    bool keep = false;
    SpoolRequest lease; // released after the file is gone (members go after the destructor's body)
    ~SpooledBody();
};

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits {
        int maxConnections = 512;
        int idleTimeoutMs = 30000;
        qint64 maxRequestBytes = (1 << 20) + (64 << 10); // a body when no head screen names the route's limit
        int maxConnectionsPerAddress = 128; // one client cannot hold every slot (a quarter of them); wrk -c50 or a proxy pool fits
        int headTimeoutMs = 10000;         // a request head must arrive within this
        int minBodyBytesPerSecond = 1024;  // after bodyGraceMs, a body slower than this is cut
        int bodyGraceMs = 10000;
        HttpFramer::Limits framing;
    };
    // Screens a request on its head (Host, credentials, route's body limit, whether to spool the
    // body to a file); without one, every body may be maxRequestBytes long.
    using HeadScreen = std::function<std::optional<Refusal>(const RequestHead &head, qint64 *maxBodyBytes, SpoolRequest *spool)>;
    // The header a spooled request carries to QHttpServer (a client's own is refused).
    static QByteArray spoolHeader() { return QByteArrayLiteral("X-FlipTech-Spooled-Body"); }
    // The body spooled for the request being handled on `connection`, named by `token` (the
    // spool header's value); once. Null when there is none.
    static std::shared_ptr<SpooledBody> takeSpooledBody(const QTcpSocket *connection, const QByteArray &token);
    void setHeadScreen(HeadScreen screen) { m_screen = std::move(screen); }
    // The connection whose request this thread is handling (inside QHttpServer's handler), or null.
    static QTcpSocket *currentConnection();
    // The request being handled asked to close after its answer (Connection: close, HTTP/1.0):
    // the connection closes once what is written has been sent.
    static bool willClose(const QTcpSocket *connection);
    // For an answer written in pieces (a streamed file): close once `lastPiece` is gone instead.
    static void closeWhenDestroyed(QTcpSocket *connection, QObject *lastPiece);
    // TLS for every connection (--tls-cert/--tls-key); a null configuration serves plain HTTP.
    void setTls(const QSslConfiguration &tls) { m_tls = tls; }
    bool isTls() const { return !m_tls.isNull(); }
    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);
    // A listening server on `address`, or why not ("cannot listen on ...: address in use").
    static core::Result<std::unique_ptr<GuardedTcpServer>> bind(const ListenAddress &address, Limits limits);
    int openConnections() const { return m_open->load(); }

    // Accepted connections go to `dispatch` (which makes another server adopt() them) instead
    // of being served here. The cap on open connections is checked before dispatching.
    void setDispatcher(std::function<void(qintptr)> dispatch) { m_dispatch = std::move(dispatch); }
    // Counts open connections with `other`, which accepts them (one cap for all HTTP threads).
    void shareConnectionCount(const GuardedTcpServer &other)
    {
        m_open = other.m_open;
        m_perAddress = other.m_perAddress;
    }
    // Serves a connection accepted (and counted) by the listening server: TLS, idle timeout,
    // byte budget, then queued for QHttpServer. Runs in this server's thread.
    void adopt(qintptr socketDescriptor);

    bool hasPendingConnections() const override { return !m_pending.isEmpty(); }
    QTcpSocket *nextPendingConnection() override;

Q_SIGNALS:
    // A connection was refused or cut: the HTTP status that was sent (400, 408, 413, 431, 503...).
    void rejected(int status);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QTcpSocket *open(qintptr socketDescriptor); // TLS started when configured; null when the descriptor is bad
    void refuse(qintptr socketDescriptor, int status, const char *reason, const char *message);
    void screenBytes(QTcpSocket *socket, struct Connection *c);
    // Frames new bytes and screens their heads; false when the connection was refused. With
    // `spool`, the first head whose body the screen wants spooled is put there.
    struct PendingSpool {
        RequestHead head;
        SpoolRequest request;
    };
    bool frame(QTcpSocket *socket, Connection *c, const QByteArray &data, std::optional<PendingSpool> *spool);
    void spoolBytes(QTcpSocket *socket, Connection *c);
    void answerAndClose(QTcpSocket *socket, Connection *c, const Refusal &refusal);
    void drain(QTcpSocket *socket, Connection *c);
    bool takeAddressSlot(qintptr socketDescriptor, QHostAddress *peer);

    struct AddressCounts {
        QMutex mutex;
        QHash<QHostAddress, int> open;
    };

    Limits m_limits;
    HeadScreen m_screen;
    std::shared_ptr<AddressCounts> m_perAddress = std::make_shared<AddressCounts>();
    QSslConfiguration m_tls;
    std::shared_ptr<std::atomic<int>> m_open = std::make_shared<std::atomic<int>>(0);
    std::function<void(qintptr)> m_dispatch;
    QList<QTcpSocket *> m_pending;
};

} // namespace fliptech::api
