#include "fliptech/api/healthcontroller.h"

#include "fliptech/api/apierror.h"
#include "fliptech/api/httpmetrics.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"

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

QHttpServerResponse HealthController::metrics()
{
    QHttpServerResponse r(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), m_metrics.render(m_engine));
    return r;
}

} // namespace fliptech::api
