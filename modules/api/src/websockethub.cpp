#include "fliptech/api/websockethub.h"

#include "fliptech/engine/engine.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QRandomGenerator>
#include <QWebSocket>

namespace fliptech::api {

const QStringList &WebSocketHub::channels()
{
    static const QStringList list{QStringLiteral("scraper"), QStringLiteral("workflows"), QStringLiteral("notifications"),
                                  QStringLiteral("conversations"), QStringLiteral("campaigns"), QStringLiteral("demo-sites")};
    return list;
}

QString WsTickets::issue(const QString &credential, qint64 nowMs)
{
    const QString ticket = QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                                               QByteArray::number(QRandomGenerator::system()->generate64(), 36));
    QMutexLocker lock(&m_mutex);
    for (auto it = m_tickets.begin(); it != m_tickets.end();)
        it = it->expiresMs <= nowMs ? m_tickets.erase(it) : std::next(it);
    m_tickets.insert(ticket, Entry{credential, nowMs + lifetimeMs});
    return ticket;
}

std::optional<QString> WsTickets::redeem(const QString &ticket, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tickets.find(ticket);
    if (it == m_tickets.end())
        return std::nullopt;
    const Entry e = *it;
    m_tickets.erase(it); // single use, whatever happens next
    if (e.expiresMs <= nowMs)
        return std::nullopt;
    return e.credential;
}

QString WebSocketHub::relayChannel(const QString &channel)
{
    if (channel == QLatin1String("leads") || channel == QLatin1String("jobs"))
        return QStringLiteral("notifications");
    return channel;
}

WebSocketHub::WebSocketHub(engine::Engine &engine, QStringList allowedOrigins, WsTickets &tickets, bool allowQueryToken, QObject *parent)
    : QObject(parent), m_engine(engine), m_allowedOrigins(std::move(allowedOrigins)), m_tickets(tickets), m_allowQueryToken(allowQueryToken)
{
    m_checkedGeneration = m_engine.auth().generation();
    m_check = new QTimer(this);
    m_check->setInterval(250);
    connect(m_check, &QTimer::timeout, this, &WebSocketHub::revalidate);
    m_check->start();
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
    QString problem;
    const QString token = credentialOf(socket, &problem);
    auto principal = token.isEmpty() ? core::Result<auth::Principal>(core::makeError(core::ErrorCode::Unauthorized, problem))
                                     : m_engine.auth().authenticate(token);
    if (!principal) {
        refuse(socket, QStringLiteral("unauthorized: ") + principal.error().message);
        return;
    }
    Client client{socket, channel, principal->userId, 0, m_engine.clock().monotonicMs(), token};
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
            QStringList sources{channel};
            if (channel == QLatin1String("notifications"))
                sources << QStringLiteral("leads") << QStringLiteral("jobs");
            auto missed = m_engine.events().since(client.lastSentId ? client.lastSentId : since, 500, sources);
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
    const QString channel = relayChannel(event.channel);
    for (Client &c : m_clients)
        if (c.channel == channel)
            send(c, event);
}

QString WebSocketHub::credentialOf(QWebSocket *socket, QString *problem)
{
    const QUrlQuery query(socket->requestUrl());
    if (const QString ticket = query.queryItemValue(QStringLiteral("ticket")); !ticket.isEmpty()) {
        if (auto credential = m_tickets.redeem(ticket, m_engine.clock().monotonicMs()))
            return *credential;
        *problem = QStringLiteral("the ticket is unknown, used or expired; ask POST /api/v1/ws/ticket for a new one");
        return {};
    }
    // "Sec-WebSocket-Protocol: bearer, <token>" for clients that cannot get a ticket first.
    const QStringList protocols = QString::fromLatin1(socket->request().rawHeader("Sec-WebSocket-Protocol")).split(u',');
    if (protocols.size() == 2 && protocols[0].trimmed() == QLatin1String("bearer"))
        return protocols[1].trimmed();
    if (const QString token = query.queryItemValue(QStringLiteral("token")); !token.isEmpty()) {
        if (m_allowQueryToken)
            return token;
        *problem = QStringLiteral("tokens in the address are off (they end up in logs and history): use ?ticket= from "
                                  "POST /api/v1/ws/ticket, or the 'bearer' subprotocol");
        return {};
    }
    *problem = QStringLiteral("no ticket or token");
    return {};
}

void WebSocketHub::revalidate()
{
    // At once when accounts changed here; every few seconds for changes made elsewhere (another
    // process) and for tokens that expire.
    const quint64 generation = m_engine.auth().generation();
    const qint64 now = m_engine.clock().monotonicMs();
    if (generation == m_checkedGeneration && now - m_lastFullCheckMs < 1000)
        return;
    m_checkedGeneration = generation;
    m_lastFullCheckMs = now;
    QList<QWebSocket *> ended;
    for (Client &c : m_clients) {
        auto p = m_engine.auth().authenticate(c.credential);
        if (!p) {
            c.socket->close(QWebSocketProtocol::CloseCode(4001), p.error().message.left(120));
            ended << c.socket;
        }
    }
    if (!ended.isEmpty())
        std::erase_if(m_clients, [&ended](const Client &c) { return ended.contains(c.socket); });
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
