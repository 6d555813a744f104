#include "fliptech/api/healthcontroller.h"

#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/httpmetrics.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"

#include <QHostAddress>
#include <QJsonObject>

namespace fliptech::api {

QHttpServerResponse HealthController::health()
{
    auto version = m_engine.schemaVersion();
    const bool pg = m_engine.options().database.backend == storage::Backend::Postgres;
    QJsonObject db{{QStringLiteral("driver"), pg ? QStringLiteral("postgres") : QStringLiteral("sqlite")}};
    if (version)
        db.insert(QStringLiteral("schema_version"), *version);
    else
        db.insert(QStringLiteral("error"), version.error().message);
    const QJsonObject body{{QStringLiteral("status"), version ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                           {QStringLiteral("version"), QStringLiteral(FLIPTECH_VERSION)},
                           {QStringLiteral("database"), db}};
    return jsonResponse(body, version ? 200 : 503);
}

QHttpServerResponse HealthController::metrics(const RequestContext &c)
{
    const bool loopback = QHostAddress(c.client.ip).isLoopback();
    const bool allowed = (c.principal && (c.principal->scopes.contains(QStringLiteral("metrics")) ||
                                          (c.principal->atLeast(auth::Role::Admin) && (!c.principal->apiKeyId || c.principal->scopes.contains(QStringLiteral("admin")))))) ||
                         (!c.principal && loopback && m_loopbackMetrics);
    if (!allowed)
        return errorResponse(c.principal ? core::makeError(core::ErrorCode::Forbidden, QStringLiteral("metrics need an API key with the 'metrics' scope, or an admin"),
                                                                           {{QStringLiteral("required_scope"), QStringLiteral("metrics")}})
                                         : core::makeError(core::ErrorCode::Unauthorized,
                                                           QStringLiteral("metrics need an API key with the 'metrics' scope (Prometheus: bearer_token)%1")
                                                               .arg(m_loopbackMetrics ? QStringLiteral(" or a caller on this machine") : QString())));
    return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), m_metrics.render(m_engine));
}

void registerHealthRoutes(RouteTable &table, engine::Engine &engine, HttpMetrics &metrics, bool loopbackMetrics)
{
    using M = QHttpServerRequest::Method;
    auto controller = std::make_shared<HealthController>(engine, metrics, loopbackMetrics);
    const QJsonObject healthSchema = schema::object(
        {{QStringLiteral("status"), schema::enumOf({QStringLiteral("ok"), QStringLiteral("unavailable")})},
         {QStringLiteral("version"), schema::string()},
         {QStringLiteral("database"), schema::object({{QStringLiteral("driver"), schema::enumOf({QStringLiteral("sqlite"), QStringLiteral("postgres")})},
                                                      {QStringLiteral("schema_version"), schema::integer()},
                                                      {QStringLiteral("error"), schema::string()}}, {}, true)}},
        {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/health"), std::nullopt, QStringLiteral("system"),
               QStringLiteral("Liveness and database status (503 when the database is down)"), {}, healthSchema, 200,
               [controller](RequestContext &) { return controller->health(); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/metrics"), std::nullopt, QStringLiteral("system"),
               QStringLiteral("Prometheus metrics (text exposition format): an API key with the 'metrics' scope, an admin, or a "
                              "caller on this machine unless FLIPTECH_METRICS_LOOPBACK=0"), {}, {}, 200,
               [controller](RequestContext &c) { return controller->metrics(c); }, {}, {}, {}});
    table.setScope(M::Get, QStringLiteral("/metrics"), QStringLiteral("metrics"));
}

} // namespace fliptech::api
