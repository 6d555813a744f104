#pragma once
// GuardedTcpServer: the socket server handed to QHttpServer. QHttpServer 6.4 keeps every
// connection open forever and buffers bodies without limit, so this server closes idle
// connections, caps how many are open, and cuts off a request that grows past a byte budget.
//
// One QHttpServer thread cannot use more than one core, so the API runs several: the listening
// GuardedTcpServer accepts and hands each connection (round robin) to a dispatcher; on each
// HTTP thread a non-listening GuardedTcpServer adopts it and feeds its own QHttpServer.

#include "fliptech/api/listenaddress.h"
#include "fliptech/core/error.h"

#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <functional>
#include <memory>

namespace fliptech::api {

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits {
        int maxConnections = 512;
        int idleTimeoutMs = 30000;
        qint64 maxRequestBytes = (1 << 20) + (64 << 10); // 1 MiB body + headers
        // File uploads (POST /api/v1/uploads/...) may be larger: a CSV of a million leads.
        qint64 maxUploadBytes = (200LL << 20) + (64 << 10);
    };
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
    void shareConnectionCount(const GuardedTcpServer &other) { m_open = other.m_open; }
    // Serves a connection accepted (and counted) by the listening server: TLS, idle timeout,
    // byte budget, then queued for QHttpServer. Runs in this server's thread.
    void adopt(qintptr socketDescriptor);

    bool hasPendingConnections() const override { return !m_pending.isEmpty(); }
    QTcpSocket *nextPendingConnection() override;

Q_SIGNALS:
    // A connection was refused or cut: the HTTP status that was sent (413, 503).
    void rejected(int status);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QTcpSocket *open(qintptr socketDescriptor); // TLS started when configured; null when the descriptor is bad
    void refuse(qintptr socketDescriptor);

    Limits m_limits;
    QSslConfiguration m_tls;
    std::shared_ptr<std::atomic<int>> m_open = std::make_shared<std::atomic<int>>(0);
    std::function<void(qintptr)> m_dispatch;
    QList<QTcpSocket *> m_pending;
};

} // namespace fliptech::api
