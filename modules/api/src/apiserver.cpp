#include "fliptech/api/apiserver.h"

#include "fliptech/api/apierror.h"
#include "fliptech/api/healthcontroller.h"
#include "fliptech/engine/engine.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcApi, "fliptech.api")

namespace fliptech::api {

namespace {
QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("OTHER");
    }
}
} // namespace

ApiServer::ApiServer(engine::Engine &engine, GuardedTcpServer::Limits limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_limits(limits)
{
    m_health = std::make_unique<HealthController>(m_engine, m_metrics);
    registerRoutes();
}

ApiServer::~ApiServer() = default;

void ApiServer::addRoute(QHttpServerRequest::Method method, const QString &path, const QString &summary, Handler handler)
{
    m_routes.append(Route{method, path, summary, std::move(handler)});
}

void ApiServer::registerRoutes()
{
    using M = QHttpServerRequest::Method;
    addRoute(M::Get, QStringLiteral("/api/v1/health"), QStringLiteral("Liveness and database status"),
             [this](const QHttpServerRequest &) { return m_health->health(); });
    addRoute(M::Get, QStringLiteral("/metrics"), QStringLiteral("Prometheus metrics"),
             [this](const QHttpServerRequest &) { return m_health->metrics(); });
}

QHttpServerResponse ApiServer::finish(QHttpServerResponse &&response)
{
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    m_metrics.countRequest(int(response.statusCode()));
    return std::move(response);
}

QHttpServerResponse ApiServer::dispatch(const QString &path, const QHttpServerRequest &request)
{
    QStringList allowed;
    for (const Route &r : std::as_const(m_routes)) {
        if (r.path != path)
            continue;
        if (r.method == request.method() ||
            (request.method() == QHttpServerRequest::Method::Head && r.method == QHttpServerRequest::Method::Get))
            return finish(r.handler(request));
        allowed << methodName(r.method);
    }
    const QString allow = allowed.join(QStringLiteral(", "));
    auto out = errorResponse(core::ErrorCode::MethodNotAllowed,
                             QStringLiteral("%1 is not allowed on %2; use %3").arg(methodName(request.method()), path, allow));
    out.setHeader(QByteArrayLiteral("Allow"), allow.toLatin1());
    return finish(std::move(out));
}

core::Status ApiServer::listen(const ListenAddress &address)
{
    close();
    m_http = std::make_unique<QHttpServer>();
    QSet<QString> paths;
    for (const Route &r : std::as_const(m_routes))
        paths.insert(r.path);
    for (const QString &path : std::as_const(paths))
        m_http->route(path, [this, path](const QHttpServerRequest &request) { return dispatch(path, request); });
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        finish(errorResponse(core::ErrorCode::NotFound, QStringLiteral("no such endpoint: %1 %2")
                                                           .arg(methodName(request.method()), request.url().path())))
            .write(std::move(responder));
    });
    m_tcp = new GuardedTcpServer(m_limits, m_http.get());
    connect(m_tcp, &GuardedTcpServer::rejected, this, [this](int status) { m_metrics.countRequest(status); });
    if (!m_tcp->listen(address.address, address.port)) {
        const QString why = m_tcp->errorString();
        m_http.reset();
        m_tcp = nullptr;
        return core::makeError(core::ErrorCode::Unavailable,
                               QStringLiteral("cannot listen on %1:%2: %3").arg(address.host).arg(address.port).arg(why));
    }
    m_http->bind(m_tcp);
    m_address = address;
    qCInfo(lcApi).noquote() << "listening on" << url().toString();
    Q_EMIT listeningChanged(true);
    return {};
}

void ApiServer::close()
{
    if (!m_http)
        return;
    m_http.reset();
    m_tcp = nullptr;
    Q_EMIT listeningChanged(false);
}

bool ApiServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl ApiServer::url() const
{
    if (!isListening())
        return {};
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_address.host == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : m_address.host);
    u.setPort(port());
    return u;
}

} // namespace fliptech::api
