#include "fliptech/api/guardedtcpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace fliptech::api {

namespace {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 417: return "Expectation Failed";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    }
    return "Error";
}

QByteArray plainError(const Refusal &r)
{
    QByteArray message = r.message.toUtf8();
    message.replace('\\', "\\\\").replace('"', "\\\"");
    const QByteArray body = "{\"error\":{\"code\":\"" + r.code + "\",\"message\":\"" + message + '"' +
                            (r.details.isEmpty() ? QByteArray() : ",\"details\":" + r.details) + "}}";
    return "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n" + r.extraHeaders +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

thread_local QTcpSocket *t_current = nullptr;
constexpr const char *kCloseAfter = "fliptech_close_after_response";

// Spooled bodies waiting for their handler, by token; each bound to its connection.
struct SpoolRegistry {
    QMutex mutex;
    QHash<QByteArray, std::pair<const QTcpSocket *, std::shared_ptr<SpooledBody>>> bodies;
};
SpoolRegistry &spools()
{
    static SpoolRegistry r;
    return r;
}

void forgetSpools(const QTcpSocket *connection)
{
    QMutexLocker lock(&spools().mutex);
    for (auto it = spools().bodies.begin(); it != spools().bodies.end();)
        it = it->first == connection ? spools().bodies.erase(it) : std::next(it);
}

// The head QHttpServer sees for a spooled request: the same request line and headers, without
// a body (Content-Length: 0) and with the spool's token.
QByteArray spooledHead(const RequestHead &head, const QByteArray &token)
{
    QByteArray out = head.method.toByteArray() + ' ' + head.target.toByteArray() + " HTTP/1." + QByteArray::number(head.minorVersion) + "\r\n";
    for (const auto &[name, value] : head.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 ||
            name.compare("Expect", Qt::CaseInsensitive) == 0)
            continue;
        out += name.toByteArray() + ": " + value.toByteArray() + "\r\n";
    }
    return out + "Content-Length: 0\r\n" + GuardedTcpServer::spoolHeader() + ": " + token + "\r\n\r\n";
}

} // namespace

SpooledBody::~SpooledBody()
{
    if (!keep && !path.isEmpty())
        QFile::remove(path);
}

std::shared_ptr<SpooledBody> GuardedTcpServer::takeSpooledBody(const QTcpSocket *connection, const QByteArray &token)
{
    QMutexLocker lock(&spools().mutex);
    auto it = spools().bodies.find(token);
    if (it == spools().bodies.end() || it->first != connection)
        return nullptr;
    auto body = it->second;
    spools().bodies.erase(it);
    return body;
}

// A body being written to its file.
struct Spool {
    RequestHead head;   // its raw bytes owned here: the views point into head.raw
    QFile file;
    qint64 remaining = 0;
    std::shared_ptr<SpooledBody> body;
};

// What the server keeps per connection while QHttpServer serves it.
struct Connection {
    HttpFramer framer;
    QHostAddress peer;
    QElapsedTimer clock;     // since the current head or body began
    qint64 bodyStartedMs = -1;
    bool rejected = false;
    qint64 drained = 0;
    QTimer *quiet = nullptr; // closes a refused connection once the client stops sending
    qint64 framedUnread = 0; // bytes at the front of the socket's buffer already framed
    std::unique_ptr<Spool> spool; // an upload's body on its way to a file
};

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent) : QTcpServer(parent), m_limits(limits) {}

core::Result<std::unique_ptr<GuardedTcpServer>> GuardedTcpServer::bind(const ListenAddress &address, Limits limits)
{
    auto server = std::make_unique<GuardedTcpServer>(limits);
    if (!server->listen(address.address, address.port))
        return core::makeError(core::ErrorCode::Unavailable,
                               QStringLiteral("cannot listen on %1:%2: %3").arg(address.host).arg(address.port).arg(server->errorString()));
    return server;
}

QTcpSocket *GuardedTcpServer::currentConnection()
{
    return t_current;
}

bool GuardedTcpServer::willClose(const QTcpSocket *connection)
{
    return connection && connection->property(kCloseAfter).toBool();
}

void GuardedTcpServer::closeWhenDestroyed(QTcpSocket *connection, QObject *lastPiece)
{
    if (!connection)
        return;
    connection->setProperty(kCloseAfter, false);
    QObject::connect(lastPiece, &QObject::destroyed, connection, [c = QPointer<QTcpSocket>(connection)] {
        if (c)
            c->disconnectFromHost();
    });
}

bool GuardedTcpServer::takeAddressSlot(qintptr socketDescriptor, QHostAddress *peer)
{
#ifdef Q_OS_UNIX
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    if (::getpeername(int(socketDescriptor), reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        *peer = QHostAddress(reinterpret_cast<const sockaddr *>(&addr));
#else
    Q_UNUSED(socketDescriptor)
#endif
    QMutexLocker lock(&m_perAddress->mutex);
    int &n = m_perAddress->open[*peer];
    if (n >= m_limits.maxConnectionsPerAddress)
        return false;
    ++n;
    return true;
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_open->load() >= m_limits.maxConnections) {
        refuse(socketDescriptor, 503, "unavailable", "too many open connections; retry shortly");
        return;
    }
    QHostAddress peer;
    if (!takeAddressSlot(socketDescriptor, &peer)) {
        refuse(socketDescriptor, 429, "too_many_connections", "too many open connections from your address; close some and retry");
        return;
    }
    ++*m_open; // until the socket is destroyed, in whichever thread serves it
    if (m_dispatch)
        m_dispatch(socketDescriptor);
    else
        adopt(socketDescriptor);
}

void GuardedTcpServer::refuse(qintptr socketDescriptor, int status, const char *code, const char *message)
{
    QTcpSocket *socket = open(socketDescriptor);
    if (!socket)
        return;
    socket->write(plainError(Refusal{status, code, QString::fromUtf8(message), status == 503 || status == 429 ? "Retry-After: 5\r\n" : ""}));
    socket->flush();
    socket->disconnectFromHost();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // A client that never reads its answer is not kept waiting for.
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
    Q_EMIT rejected(status);
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    return m_pending.isEmpty() ? nullptr : m_pending.takeFirst();
}

QTcpSocket *GuardedTcpServer::open(qintptr socketDescriptor)
{
    QTcpSocket *socket = nullptr;
    if (isTls()) {
        // QHttpServer reads the decrypted stream through the QTcpSocket interface.
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return nullptr;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &) { ssl->abort(); });
        ssl->startServerEncryption();
    }
    return socket;
}

void GuardedTcpServer::answerAndClose(QTcpSocket *socket, Connection *c, const Refusal &refusal)
{
    // QHttpServer never sees this request: what arrived is taken (here and, while the client
    // goes on sending, by the first readyRead handler, before QHttpServer's), the answer is
    // written, and the connection closes once the client goes quiet (closing on unread data
    // would reset it before the client reads the answer). A slow client gets no such patience.
    c->rejected = true;
    socket->setReadBufferSize(64 << 10); // what is drained is never held in bulk
    socket->readAll();
    socket->write(plainError(refusal));
    Q_EMIT rejected(refusal.status);
    QTimer::singleShot(refusal.status == 408 ? 2000 : 10000, socket, [socket] { socket->abort(); }); // however it goes, it ends
    if (refusal.status == 408) {
        socket->disconnectFromHost();
        return;
    }
    c->quiet = new QTimer(socket);
    c->quiet->setSingleShot(true);
    c->quiet->setInterval(200);
    connect(c->quiet, &QTimer::timeout, socket, [socket] { socket->disconnectFromHost(); });
    c->quiet->start();
}

void GuardedTcpServer::drain(QTcpSocket *socket, Connection *c)
{
    c->drained += socket->readAll().size();
    if (c->drained > 64 * m_limits.maxRequestBytes || !c->quiet)
        socket->abort();
    else
        c->quiet->start();
}

bool GuardedTcpServer::frame(QTcpSocket *socket, Connection *c, const QByteArray &data, std::optional<PendingSpool> *spool)
{
    int heads = 0;
    const HttpFramer::Result r = c->framer.feed(data, [&](const RequestHead &head, qint64 *maxBody) -> std::optional<Refusal> {
        *maxBody = m_limits.maxRequestBytes;
        const bool first = heads++ == 0;
        if (!m_screen)
            return std::nullopt;
        SpoolRequest want; // released when it goes out of scope untaken
        if (auto refused = m_screen(head, maxBody, &want))
            return refused;
        // Spooled: a Content-Length body whose head is the first unread thing on the socket
        // (not behind a pipelined request QHttpServer has yet to read). Otherwise QHttpServer
        // buffers it as before, within the same size limit.
        if (!want.path.isEmpty() && spool && first && !head.chunked && head.contentLength && *head.contentLength <= *maxBody)
            spool->emplace(PendingSpool{head, std::move(want)});
        return std::nullopt;
    });
    if (r.refusal) {
        if (spool)
            spool->reset();
        answerAndClose(socket, c, *r.refusal);
        return false;
    }
    if (r.closeRequested)
        socket->setProperty(kCloseAfter, true);
    if (r.continueWanted)
        socket->write("HTTP/1.1 100 Continue\r\n\r\n"); // the head passed: send the body
    if (c->framer.inBody()) {
        if (c->bodyStartedMs < 0)
            c->bodyStartedMs = c->clock.elapsed();
    } else {
        c->bodyStartedMs = -1;
    }
    return true;
}

void GuardedTcpServer::screenBytes(QTcpSocket *socket, Connection *c)
{
    if (c->spool) {
        const QByteArray data = socket->peek(socket->bytesAvailable());
        if (frame(socket, c, data, nullptr))
            spoolBytes(socket, c);
        return;
    }
    // QHttpServer reads one request at a time and signals readyRead again for what it left:
    // the first `framedUnread` bytes waiting now were framed before; only the rest is new.
    const bool wasIdle = c->framer.idle();
    const qint64 available = socket->bytesAvailable();
    const qint64 seen = std::min(c->framedUnread, available);
    const QByteArray data = socket->peek(available).mid(seen);
    if (wasIdle && !data.isEmpty())
        c->clock.restart(); // a new request's head begins
    std::optional<PendingSpool> pending;
    if (!frame(socket, c, data, seen == 0 && wasIdle ? &pending : nullptr) || !pending)
        return;
    // The body goes to a file as it comes: the head (and any empty lines before it) is taken
    // off the socket here, and QHttpServer sees the request once the body is complete.
    qsizetype lead = 0;
    while (lead < data.size() && (data[lead] == '\r' || data[lead] == '\n'))
        ++lead;
    if (socket->isTransactionStarted())
        socket->commitTransaction(); // see spoolBytes
    socket->read(lead + pending->head.raw.size());
    auto spool = std::make_unique<Spool>();
    spool->head = pending->head;
    spool->remaining = *pending->head.contentLength;
    spool->body = std::make_shared<SpooledBody>();
    spool->body->path = pending->request.path;
    spool->body->lease = std::move(pending->request);
    spool->file.setFileName(spool->body->path);
    if (!spool->file.open(QIODevice::WriteOnly)) {
        answerAndClose(socket, c, Refusal{503, "unavailable", QStringLiteral("the upload cannot be stored now: %1").arg(spool->file.errorString()), {}});
        return;
    }
    c->spool = std::move(spool);
    spoolBytes(socket, c);
}

void GuardedTcpServer::spoolBytes(QTcpSocket *socket, Connection *c)
{
    Spool &spool = *c->spool;
    // QHttpServer reads inside a transaction it leaves open while a request is partial; it has
    // read nothing of this one (its head was taken off before), so ending it drops nothing, and
    // what is read here is consumed (and the head put back below is read by it afresh).
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    const qint64 n = std::min(spool.remaining, socket->bytesAvailable());
    if (n > 0) {
        const QByteArray chunk = socket->read(n);
        if (spool.file.write(chunk) != chunk.size()) {
            answerAndClose(socket, c, Refusal{507, "insufficient_storage", QStringLiteral("the upload cannot be stored: %1").arg(spool.file.errorString()), {}});
            c->spool.reset();
            return;
        }
        spool.remaining -= chunk.size();
        spool.body->size += chunk.size();
    }
    if (spool.remaining > 0)
        return;
    // Complete: QHttpServer's handler (it runs next, on this readyRead) reads the request
    // without its body, and the route takes the file by the token.
    spool.file.close();
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                             QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    {
        QMutexLocker lock(&spools().mutex);
        spools().bodies.insert(token, {socket, spool.body});
    }
    const QByteArray head = spooledHead(spool.head, token);
    c->spool.reset();
    for (qsizetype i = head.size() - 1; i >= 0; --i)
        socket->ungetChar(head[i]);
}

void GuardedTcpServer::adopt(qintptr socketDescriptor)
{
    QTcpSocket *socket = open(socketDescriptor);
    if (!socket) {
        --*m_open;
        return;
    }
    // TCP_NODELAY: a response larger than one segment (a page of 50 leads is ~50 KB) otherwise
    // waits for the client's delayed ACK on its last segment (Nagle) on every request.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *c = new Connection{HttpFramer(m_limits.framing), socket->peerAddress(), {}, -1, false, 0, nullptr, 0, nullptr};
    c->clock.start();
    connect(socket, &QObject::destroyed, [open = m_open, counts = m_perAddress, c, socket] {
        forgetSpools(socket); // a body its handler never took (the file goes with it)
        --*open;
        {
            QMutexLocker lock(&counts->mutex);
            if (auto it = counts->open.find(c->peer); it != counts->open.end() && --*it <= 0)
                counts->open.erase(it);
        }
        delete c;
    });

    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start();

    // Deadlines that bytes trickling in do not reset: the head within headTimeoutMs of its
    // first byte (of the connection, for the first), a body at a minimum rate after a grace.
    auto *deadline = new QTimer(socket);
    deadline->setInterval(std::max(50, std::min(m_limits.headTimeoutMs, m_limits.bodyGraceMs) / 4));
    connect(deadline, &QTimer::timeout, socket, [this, socket, c] {
        if (c->rejected)
            return;
        const qint64 now = c->clock.elapsed();
        if (c->framer.inHead() && now > m_limits.headTimeoutMs) {
            answerAndClose(socket, c, Refusal{408, "request_timeout", QStringLiteral("the request head took longer than %1 s").arg(m_limits.headTimeoutMs / 1000), {}});
            return;
        }
        if (c->framer.inBody() && c->bodyStartedMs >= 0) {
            const qint64 inBody = now - c->bodyStartedMs;
            if (inBody > m_limits.bodyGraceMs && c->framer.bodyBytesSeen() * 1000 < qint64(m_limits.minBodyBytesPerSecond) * inBody)
                answerAndClose(socket, c, Refusal{408, "request_timeout", QStringLiteral("the body arrives slower than %1 bytes a second").arg(m_limits.minBodyBytesPerSecond), {}});
        }
    });
    deadline->start();
    // A connection that opens and sends nothing gets the head deadline too.
    QTimer::singleShot(m_limits.headTimeoutMs, socket, [this, socket, c] {
        if (!c->rejected && c->framer.idle() && socket->bytesToWrite() == 0 && c->clock.elapsed() >= m_limits.headTimeoutMs &&
            socket->property("fliptech_served").isNull())
            answerAndClose(socket, c, Refusal{408, "request_timeout", QStringLiteral("no request arrived within %1 s").arg(m_limits.headTimeoutMs / 1000), {}});
    });

    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, c, idle] {
        idle->start();
        if (c->rejected) {
            drain(socket, c);
            return;
        }
        screenBytes(socket, c);
        if (!c->rejected)
            t_current = socket; // QHttpServer's handler runs next, on this thread
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket, idle] {
        idle->start();
        socket->setProperty("fliptech_served", true);
        if (socket->bytesToWrite() == 0 && socket->property(kCloseAfter).toBool())
            socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_pending.append(socket);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_pending.removeOne(socket); });
    // QHttpServer 6.4 listens to this (private) signal and then takes nextPendingConnection().
    QMetaObject::invokeMethod(this, "pendingConnectionAvailable", Qt::DirectConnection);
    Q_EMIT newConnection();
    // After QHttpServer's own handler (connected just now): its request has been handled, and
    // what it left in the buffer has been framed already.
    connect(socket, &QTcpSocket::readyRead, socket, [socket, c] {
        t_current = nullptr;
        if (!c->rejected)
            c->framedUnread = socket->bytesAvailable();
    });
}

} // namespace fliptech::api
