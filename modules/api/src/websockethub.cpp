#include "fliptech/api/websockethub.h"

#include "fliptech/engine/engine.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace fliptech::api {

const QStringList &WebSocketHub::channels()
{
    static const QStringList list{QStringLiteral("scraper"), QStringLiteral("workflows"), QStringLiteral("notifications"),
                                  QStringLiteral("conversations"), QStringLiteral("campaigns"), QStringLiteral("demo-sites")};
    return list;
}

WebSocketHub::WebSocketHub(engine::Engine &engine, QStringList allowedOrigins, QObject *parent)
    : QObject(parent), m_engine(engine), m_allowedOrigins(std::move(allowedOrigins))
{
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, &WebSocketHub::deliver);
    m_ping = new QTimer(this);
    m_ping->setInterval(30000);
    connect(m_ping, &QTimer::timeout, this, &WebSocketHub::pingAll);
    m_ping->start();
}

WebSocketHub::~WebSocketHub()
{
    for (Client &c : m_clients) {
        c.socket->disconnect(this);
        c.socket->abort();
        delete c.socket;
    }
}

void WebSocketHub::setPingIntervalMs(int ms)
{
    m_ping->setInterval(ms);
}

void WebSocketHub::refuse(QWebSocket *socket, const QString &reason)
{
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    socket->deleteLater();
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    const QString channel = socket->requestUrl().path().section(u'/', 2, 2);
    if (!channels().contains(channel)) {
        refuse(socket, QStringLiteral("unknown channel"));
        return;
    }
    const QString origin = socket->origin();
    const QString host = socket->requestUrl().authority();
    if (!origin.isEmpty() && !m_allowedOrigins.contains(origin) && origin != QStringLiteral("http://") + host) {
        refuse(socket, QStringLiteral("origin not allowed"));
        return;
    }
    const QUrlQuery query(socket->requestUrl());
    QString token = query.queryItemValue(QStringLiteral("token"));
    if (token.isEmpty()) {
        // "Sec-WebSocket-Protocol: bearer, <token>" for clients that cannot put it in the URL.
        const QStringList protocols = QString::fromLatin1(socket->request().rawHeader("Sec-WebSocket-Protocol")).split(u',');
        if (protocols.size() == 2 && protocols[0].trimmed() == QLatin1String("bearer"))
            token = protocols[1].trimmed();
    }
    auto principal = token.isEmpty() ? core::Result<auth::Principal>(core::makeError(core::ErrorCode::Unauthorized, QStringLiteral("no token")))
                                     : m_engine.auth().authenticate(token);
    if (!principal) {
        refuse(socket, QStringLiteral("unauthorized: ") + principal.error().message);
        return;
    }
    Client client{socket, channel, principal->userId, 0, m_engine.clock().monotonicMs()};
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        std::erase_if(m_clients, [socket](const Client &c) { return c.socket == socket; });
        socket->deleteLater();
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
        for (Client &c : m_clients)
            if (c.socket == socket)
                c.lastPongMs = m_engine.clock().monotonicMs();
    });
    // Replay what this client missed, then it is live; lastSentId stops any double delivery.
    bool ok = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
    if (ok && since >= 0) {
        for (;;) {
            auto missed = m_engine.events().since(client.lastSentId ? client.lastSentId : since, 500, {channel});
            if (!missed)
                break;
            for (const storage::Event &e : *missed)
                send(client, e);
            if (missed->size() < 500)
                break;
        }
    } else if (auto last = m_engine.events().lastId()) {
        client.lastSentId = *last;
    }
    m_clients.push_back(client);
}

void WebSocketHub::send(Client &client, const storage::Event &event)
{
    if (event.id <= client.lastSentId)
        return;
    client.lastSentId = event.id;
    if (event.userId && *event.userId != client.userId)
        return; // someone else's notification
    client.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact)));
}

void WebSocketHub::deliver(const storage::Event &event)
{
    for (Client &c : m_clients)
        if (c.channel == event.channel)
            send(c, event);
}

void WebSocketHub::pingAll()
{
    const qint64 now = m_engine.clock().monotonicMs();
    const qint64 limit = 3LL * m_ping->interval(); // two missed pongs, and some slack
    for (Client &c : m_clients) {
        if (now - c.lastPongMs > limit)
            c.socket->abort(); // dead peer: disconnected() removes it
        else
            c.socket->ping();
    }
}

} // namespace fliptech::api
