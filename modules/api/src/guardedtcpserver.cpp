#include "fliptech/api/guardedtcpserver.h"

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

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_limits.maxConnections) {
        socket->write(plainError(503, "Service Unavailable", "unavailable", "too many open connections; retry shortly"));
        socket->flush();
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        Q_EMIT rejected(503);
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });

    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start();

    // Bytes received since the last response began: one request's size, near enough.
    auto *pending = new qint64(0);
    connect(socket, &QObject::destroyed, socket, [pending] { delete pending; });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, idle, pending] {
        idle->start();
        *pending += socket->bytesAvailable();
        if (*pending > m_limits.maxRequestBytes) {
            socket->readAll();
            socket->write(plainError(413, "Payload Too Large", "payload_too_large",
                                     "the request is larger than this server accepts (1 MiB)"));
            socket->flush();
            socket->abort();
            Q_EMIT rejected(413);
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [idle, pending] {
        idle->start();
        *pending = 0;
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    addPendingConnection(socket);
}

} // namespace fliptech::api
