#pragma once
// WebSocketHub: /ws/scraper, /ws/workflows, /ws/notifications, /ws/conversations,
// /ws/campaigns, /ws/demo-sites. Clients authenticate with ?token= (an access token or API
// key) or the "bearer, <token>" Sec-WebSocket-Protocol; ?since=<event id> replays what they
// missed from the EventStore before live events, so a reconnecting client misses nothing.
// Events addressed to a user reach only that user's sockets. Pings every 30 s; silent peers
// are dropped. (Qt 6.4 upgrades before we can answer 401, so a refused socket is closed with
// 1008 "policy violation" and a reason.)

#include "fliptech/auth/authservice.h"
#include "fliptech/storage/eventstore.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

class QTimer;
class QWebSocket;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class WebSocketHub final : public QObject
{
    Q_OBJECT
public:
    static const QStringList &channels(); // "scraper", "notifications", ...

    WebSocketHub(engine::Engine &engine, QStringList allowedOrigins, QObject *parent = nullptr);
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
    };
    void deliver(const storage::Event &event);
    void send(Client &client, const storage::Event &event);
    void refuse(QWebSocket *socket, const QString &reason);
    void pingAll();

    engine::Engine &m_engine;
    QStringList m_allowedOrigins;
    std::vector<Client> m_clients;
    QTimer *m_ping = nullptr;
};

} // namespace fliptech::api
