#pragma once
// UsageService (issue 13, spec "Usage Tracking"): what the workspace used, per day in its usage
// time zone, and the limits the administrator sets on it.
//
// Use is counted from the tables that record it, never kept twice: leads a scrape stored (leads
// with a scrape job, by created_at), leads enriched (enriched_at), AI calls that answered, their
// tokens and their spend (ai_calls), e-mails sent (campaign messages by sent_at, inbox replies).
// Limits (per day and per month, for leads scraped, enrichments, AI tokens and e-mails sent) are
// enforced through core::UsageGate by the services that use them: a scrape pauses, an enrichment
// or AI request is refused (429 with the limit named), a campaign holds its sends until the
// period resets. AI spend has its own budgets (AI settings) and is shown here beside them.

#include "fliptech/core/clock.h"
#include "fliptech/core/usagegate.h"
#include "fliptech/leads/actor.h"
#include "fliptech/storage/database.h"

#include <QJsonObject>
#include <QTimeZone>

#include <memory>

namespace fliptech::analytics {

class UsageService final : public core::UsageGate
{
public:
    UsageService(std::shared_ptr<storage::Database> db, const core::Clock &clock);

    // {time_zone, day: {start, end}, month: {start, end}, metrics: [{metric, label, today,
    //  this_month, daily_limit, monthly_limit, remaining_today, remaining_this_month}]}.
    core::Result<QJsonObject> current();
    // {time_zone, items: [{metric, label, daily_limit, monthly_limit, updated_at}], ai_budgets}.
    core::Result<QJsonObject> limits();
    // {time_zone?, limits: {metric: {daily_limit?: n | null, monthly_limit?: n | null}}}: the
    // limits given change (null: none), the rest stay; all or nothing. Returns limits().
    core::Result<QJsonObject> setLimits(const leads::Actor &actor, const QJsonObject &request);
    // Per day of [from, to) in `zone` (at most 400 days): {time_zone, period, days: [{date, start,
    // <metric>: n, ...}], totals: {<metric>: n}}; `metric` (optional) keeps one.
    core::Result<QJsonObject> history(const QDateTime &from, const QDateTime &to, const QTimeZone &zone, const QString &metric);

    // history() of the last `days` days up to today's end, in the usage time zone.
    core::Result<QJsonObject> lastDays(int days);

    core::Result<core::UsageAllowance> allowance(const QString &metric) override;

    // The metrics counted, and those that take a limit.
    static QStringList metrics();
    static QStringList limitedMetrics();

    // The zone days and months are counted in (usage settings; UTC until set).
    core::Result<QTimeZone> timeZone();

private:
    // The limits set, by metric: rows of (metric, daily_limit, monthly_limit, updated_at).
    core::Result<QHash<QString, storage::Row>> limitRows();
    // Each metric's total over [start, end) for every window, one statement per metric.
    core::Result<QHash<QString, QList<qint64>>> counts(const QList<QPair<QDateTime, QDateTime>> &windows, const QStringList &which);

    std::shared_ptr<storage::Database> m_db;
    const core::Clock &m_clock;
};

} // namespace fliptech::analytics
