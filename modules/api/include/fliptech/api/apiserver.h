#pragma once
// ApiServer: the embedded HTTP server (QHttpServer on our own GuardedTcpServer) with its
// route table. Routes are registered per path; the server answers 405 (with Allow) for a
// known path with another method, and a JSON 404 for anything else.

#include "fliptech/api/guardedtcpserver.h"
#include "fliptech/api/httpmetrics.h"
#include "fliptech/api/listenaddress.h"
#include "fliptech/core/error.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class HealthController;

class ApiServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
    struct Route {
        QHttpServerRequest::Method method;
        QString path;
        QString summary;
        Handler handler;
    };

    explicit ApiServer(engine::Engine &engine, GuardedTcpServer::Limits limits = {}, QObject *parent = nullptr);
    ~ApiServer() override;

    // Binds the socket. Fails (and writes nothing anywhere) when the port is taken.
    core::Status listen(const ListenAddress &address);
    void close();
    bool isListening() const;
    QUrl url() const;
    quint16 port() const;
    const QList<Route> &routes() const { return m_routes; }
    HttpMetrics &metrics() { return m_metrics; }

Q_SIGNALS:
    void listeningChanged(bool listening);

private:
    void addRoute(QHttpServerRequest::Method method, const QString &path, const QString &summary, Handler handler);
    void registerRoutes();
    QHttpServerResponse dispatch(const QString &path, const QHttpServerRequest &request);
    QHttpServerResponse finish(QHttpServerResponse &&response);

    engine::Engine &m_engine;
    GuardedTcpServer::Limits m_limits;
    std::unique_ptr<QHttpServer> m_http;
    GuardedTcpServer *m_tcp = nullptr;
    HttpMetrics m_metrics;
    std::unique_ptr<HealthController> m_health;
    QList<Route> m_routes;
    ListenAddress m_address;
};

} // namespace fliptech::api
