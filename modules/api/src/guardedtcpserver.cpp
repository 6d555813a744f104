#include "fliptech/api/guardedtcpserver.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace fliptech::api {

namespace {
QByteArray plainError(int status, const char *reason, const char *code, const char *message)
{
    const QByteArray body = QByteArray("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent) : QTcpServer(parent), m_limits(limits) {}

core::Result<std::unique_ptr<GuardedTcpServer>> GuardedTcpServer::bind(const ListenAddress &address, Limits limits)
{
    auto server = std::make_unique<GuardedTcpServer>(limits);
    if (!server->listen(address.address, address.port))
        return core::makeError(core::ErrorCode::Unavailable,
                               QStringLiteral("cannot listen on %1:%2: %3").arg(address.host).arg(address.port).arg(server->errorString()));
    return server;
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_open->load() >= m_limits.maxConnections) {
        refuse(socketDescriptor);
        return;
    }
    ++*m_open; // until the socket is destroyed, in whichever thread serves it
    if (m_dispatch)
        m_dispatch(socketDescriptor);
    else
        adopt(socketDescriptor);
}

void GuardedTcpServer::refuse(qintptr socketDescriptor)
{
    QTcpSocket *socket = open(socketDescriptor);
    if (!socket)
        return;
    socket->write(plainError(503, "Service Unavailable", "unavailable", "too many open connections; retry shortly"));
    socket->flush();
    socket->disconnectFromHost();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    Q_EMIT rejected(503);
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

void GuardedTcpServer::adopt(qintptr socketDescriptor)
{
    QTcpSocket *socket = open(socketDescriptor);
    if (!socket) {
        --*m_open;
        return;
    }
    // TCP_NODELAY: a response larger than one segment (a page of 50 leads is ~50 KB) otherwise
    // waits for the client's delayed ACK on its last segment (Nagle): 40 ms per request.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QObject::destroyed, [open = m_open] { --*open; });

    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start();

    // Bytes received since the last response began: one request's size, near enough.
    // Past the budget the request is answered 413 at once; what the client still sends is
    // read and dropped (closing on unread data would reset the connection before the client
    // reads the answer), and the connection closes once the client goes quiet.
    struct Budget {
        qint64 limit = 0;
        qint64 pending = 0;
        qint64 drained = 0;
        bool rejected = false;
    };
    auto *budget = new Budget;
    connect(socket, &QObject::destroyed, socket, [budget] { delete budget; });
    auto *quiet = new QTimer(socket);
    quiet->setSingleShot(true);
    quiet->setInterval(200);
    connect(quiet, &QTimer::timeout, socket, [socket] { socket->disconnectFromHost(); });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, idle, quiet, budget] {
        idle->start();
        if (budget->rejected) {
            budget->drained += socket->readAll().size();
            if (budget->drained > 64 * m_limits.maxRequestBytes)
                socket->abort();
            else
                quiet->start();
            return;
        }
        if (budget->pending == 0)
            budget->limit = socket->peek(21).startsWith("POST /api/v1/uploads/") ? m_limits.maxUploadBytes : m_limits.maxRequestBytes;
        budget->pending += socket->bytesAvailable();
        if (budget->pending > budget->limit) {
            budget->rejected = true;
            socket->readAll(); // QHttpServer never sees this request
            socket->write(plainError(413, "Payload Too Large", "payload_too_large",
                                     budget->limit > m_limits.maxRequestBytes ? "the upload is larger than this server accepts" : "the request is larger than this server accepts (1 MiB)"));
            quiet->start();
            Q_EMIT rejected(413);
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [idle, budget] {
        idle->start();
        if (!budget->rejected)
            budget->pending = 0;
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_pending.append(socket);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_pending.removeOne(socket); });
    // QHttpServer 6.4 listens to this (private) signal and then takes nextPendingConnection().
    QMetaObject::invokeMethod(this, "pendingConnectionAvailable", Qt::DirectConnection);
    Q_EMIT newConnection();
}

} // namespace fliptech::api
