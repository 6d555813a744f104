#pragma once
// ApiServer: the embedded HTTP server. QHttpServer (6.4) only parses and writes; every request
// goes through our middleware, in DESIGN.md's order — request id, Host check, CORS, rate limit,
// authentication, role check, body limit and JSON parsing/validation, controller, security
// headers — and is dispatched through the RouteTable, which also generates the OpenAPI document.

#include "fliptech/api/guardedtcpserver.h"
#include "fliptech/api/httpmetrics.h"
#include "fliptech/api/listenaddress.h"
#include "fliptech/api/ratelimiter.h"
#include "fliptech/api/routetable.h"
#include "fliptech/api/websockethub.h"
#include "fliptech/core/error.h"

#include <QHttpServer>
#include <QMutex>
#include <QThreadPool>
#include <QObject>
#include <QSet>
#include <QUrl>

class QWebSocket;

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

struct ApiOptions {
    GuardedTcpServer::Limits limits;
    QStringList corsOrigins;       // CORS_ORIGINS
    int rateLimitPerMinute = 1200; // RATE_LIMIT_PER_MINUTE per caller; 0 disables
    QStringList allowedHosts;      // extra Host names accepted (behind a proxy); the bound ones always are
    qint64 maxJsonBytes = 1 << 20; // 1 MiB
    QSslConfiguration tls;         // null: plain HTTP
    int threads = 0;               // HTTP threads (FLIPTECH_HTTP_THREADS); 0: one per core
    bool metricsFromLoopback = true; // /metrics for callers on this machine (FLIPTECH_METRICS_LOOPBACK=0: keys only)
    bool allowWebSocketQueryToken = false; // ?token= on /ws/* (FLIPTECH_WS_QUERY_TOKEN=1), for old clients only
    int maxUploadsPerUser = 2;     // uploads one account may send at the same time (each spooled to a file)
};

class ApiServer final : public QObject
{
    Q_OBJECT
public:
    // The engine must be connected (its services exist); serving starts with listen()/serve().
    explicit ApiServer(engine::Engine &engine, ApiOptions options = {}, QObject *parent = nullptr);
    ~ApiServer() override;

    // Binds the socket and serves. Fails (and writes nothing anywhere) when the port is taken.
    core::Status listen(const ListenAddress &address);
    // Serves on a socket bound earlier (the application binds before touching the database).
    void serve(std::unique_ptr<GuardedTcpServer> socket, const ListenAddress &address);
    void close();
    bool isListening() const;
    int threadCount() const { return int(m_workers.size()); }
    int openConnections() const { return m_tcp ? m_tcp->openConnections() : 0; }
    QUrl url() const;
    quint16 port() const;
    const RouteTable &routes() const { return m_routes; }
    HttpMetrics &metrics() { return m_metrics; }
    QJsonObject openApi() const;
    WebSocketHub *webSockets() const { return m_hub.get(); }

Q_SIGNALS:
    void listeningChanged(bool listening);

private:
    struct Worker;
    std::unique_ptr<Worker> startWorker(int index, const GuardedTcpServer &acceptor);
    void handOver(std::unique_ptr<QWebSocket> socket, GuardedTcpServer *from);
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // A slow route (Route marked off-thread) after the middleware: its controller runs on the
    // pool and the answer is written back on the calling HTTP thread.
    void respondFromPool(const Route &route, RequestContext ctx, const QString &requestId, const QByteArray &allowedOrigin,
                         QHttpServerResponder &&responder);
    // The response, or (*deferred set) nothing yet: the route runs off-thread.
    QHttpServerResponse process(const QHttpServerRequest &request, const QString &requestId, QByteArray *allowedOrigin,
                                RequestContext *handled, const Route **deferred);
    // Host check and CORS origin; the error when the request stops there.
    std::optional<core::Error> screen(const QHttpServerRequest &request, QByteArray *allowedOrigin) const;
    static core::Error rateLimited(int waitSeconds);
    // Role, then an API key's scopes.
    static core::Status authorize(const Route &route, const auth::Principal &principal);
    // Host and Origin, on the raw header values: for requests and WebSocket upgrades alike.
    std::optional<core::Error> screenHostAndOrigin(const QByteArray &host, const QByteArray &origin, QByteArray *allowedOrigin) const;
    // A request on its head alone, before its body is read (GuardedTcpServer calls it): Host
    // and Origin, the route's body limit, and credentials for a body bound for a route that needs them.
    // An upload's body is spooled to a file (never whole in memory), at most maxUploadsPerUser
    // at a time per account.
    std::optional<Refusal> screenHead(const RequestHead &head, qint64 *maxBodyBytes, SpoolRequest *spool) const;
    // Rate limit, authentication, role, body: fills ctx, or says why the request is refused.
    core::Status admit(const QHttpServerRequest &request, const Route &route, RequestContext &ctx);
    QHttpServerResponse invoke(const Route &route, RequestContext &ctx) const;
    void decorate(QHttpServerResponse &response, const QString &requestId, const QByteArray &allowedOrigin);
    static RequestContext contextFor(const QHttpServerRequest &request, const QHash<QString, QString> &params, const QString &requestId);
    static QString requestIdOf(const QHttpServerRequest &request);

    engine::Engine &m_engine;
    ApiOptions m_options;
    RouteTable m_routes;
    RateLimiter m_limiter;
    RateLimiter m_publicLimiter;
    WsTickets m_wsTickets; // sign-in routes: per address and per account (Route::perAddressPerMinute)
    std::unique_ptr<GuardedTcpServer> m_tcp; // accepts; the workers' QHttpServers serve
    std::vector<std::unique_ptr<Worker>> m_workers;
    unsigned m_nextWorker = 0; // dealt on the accepting thread only
    HttpMetrics m_metrics;
    ListenAddress m_address;
    QSet<QString> m_hosts;
    std::unique_ptr<WebSocketHub> m_hub;
    QThreadPool m_pool;
    // Uploads in progress per account (counted from head to handler; any HTTP thread).
    struct UploadCounts {
        QMutex mutex;
        QHash<qint64, int> byUser;
    };
    std::shared_ptr<UploadCounts> m_uploads = std::make_shared<UploadCounts>();
};

} // namespace fliptech::api
