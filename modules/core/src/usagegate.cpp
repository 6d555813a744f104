#include "fliptech/core/usagegate.h"

#include <QJsonObject>
#include <QLocale>

namespace fliptech::core {

Status UsageGate::admit(const QString &metric, qint64 quantity, const QString &what, const QDateTime &now)
{
    auto a = allowance(metric);
    if (!a)
        return a.error();
    if (!a->remaining || *a->remaining >= quantity)
        return {};
    return refusal(metric, *a, what, now);
}

bool UsageGate::isLimit(const Error &error) { return error.details.value(QStringLiteral("reason")).toString() == QLatin1String("usage_limit"); }

Error UsageGate::refusal(const QString &metric, const UsageAllowance &a, const QString &what, const QDateTime &now)
{
    const QLocale c = QLocale::c();
    const QString period = a.period == QLatin1String("month") ? QStringLiteral("monthly") : QStringLiteral("daily");
    const QString message = QStringLiteral("The %1 limit of %2 %3 is reached (%4 used). It resets at %5 UTC; an administrator can raise it in "
                                           "Settings → Usage (PUT /api/v1/usage/limits).")
                                .arg(period, c.toString(a.limit), what, c.toString(a.used), a.resetsAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return makeError(ErrorCode::RateLimited, message,
                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("usage_limit")},
                                 {QStringLiteral("metric"), metric},
                                 {QStringLiteral("period"), a.period},
                                 {QStringLiteral("limit"), a.limit},
                                 {QStringLiteral("used"), a.used},
                                 {QStringLiteral("resets_at"), a.resetsAt.toUTC().toString(Qt::ISODate)},
                                 {QStringLiteral("retry_after"), qMax<qint64>(1, now.secsTo(a.resetsAt))}});
}

} // namespace fliptech::core
