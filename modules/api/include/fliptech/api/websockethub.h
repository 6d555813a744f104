#pragma once
// WebSocketHub: /ws/scraper, /ws/workflows, /ws/notifications, /ws/conversations,
// /ws/campaigns, /ws/demo-sites. Clients authenticate with ?ticket= (single use, 30 s, from
// POST /api/v1/ws/ticket: no credential in URLs, access logs or browser history) or the
// "bearer, <token>" Sec-WebSocket-Protocol; ?token= only when the compatibility setting allows
// it. ?since=<event id> replays what they missed from the EventStore before live events, so a
// reconnecting client misses nothing. Events addressed to a user reach only that user's
// sockets; lead and job events (internal channels "leads" and "jobs") are relayed on
// /ws/notifications. A socket whose session is revoked, user deactivated or token expired is
// closed with 4001 and the reason. Pings every 30 s; silent peers are dropped. (Qt 6.4
// upgrades before we can answer 401, so a refused socket is closed with 1008 and a reason.)

#include "fliptech/auth/authservice.h"
#include "fliptech/storage/eventstore.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QTimer;
class QWebSocket;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

// Single-use tickets for opening a WebSocket: issued to an authenticated caller over HTTP
// (any HTTP thread), redeemed once by the hub within their lifetime.
class WsTickets final
{
public:
    static constexpr qint64 lifetimeMs = 30000;
    QString issue(const QString &credential, qint64 nowMs);
    // The credential the ticket was issued for; nullopt when unknown, used or expired.
    std::optional<QString> redeem(const QString &ticket, qint64 nowMs);

private:
    struct Entry {
        QString credential;
        qint64 expiresMs = 0;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_tickets;
};

class WebSocketHub final : public QObject
{
    Q_OBJECT
public:
    static const QStringList &channels(); // "scraper", "notifications", ...
    // The WebSocket channel an event of `channel` is relayed on (leads, jobs -> notifications).
    static QString relayChannel(const QString &channel);

    WebSocketHub(engine::Engine &engine, QStringList allowedOrigins, WsTickets &tickets, bool allowQueryToken,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;
    // Takes a socket QHttpServer upgraded on /ws/<channel>.
    void accept(std::unique_ptr<QWebSocket> socket);
    int clientCount() const { return int(m_clients.size()); }
    void setPingIntervalMs(int ms);

private:
    struct Client {
        QWebSocket *socket = nullptr;
        QString channel;
        qint64 userId = 0;
        qint64 lastSentId = 0;
        qint64 lastPongMs = 0;
        QString credential; // checked again when accounts change and every few seconds
    };
    // Closes (4001) the sockets whose credential no longer holds.
    void revalidate();
    QString credentialOf(QWebSocket *socket, QString *problem);
    void deliver(const storage::Event &event);
    void send(Client &client, const storage::Event &event);
    void refuse(QWebSocket *socket, const QString &reason);
    void pingAll();

    engine::Engine &m_engine;
    QStringList m_allowedOrigins;
    std::vector<Client> m_clients;
    QTimer *m_ping = nullptr;
    QTimer *m_check = nullptr;
    WsTickets &m_tickets;
    bool m_allowQueryToken = false;
    quint64 m_checkedGeneration = 0;
    qint64 m_lastFullCheckMs = 0;
};

} // namespace fliptech::api
