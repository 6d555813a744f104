#include "fliptech/analytics/usageservice.h"

#include "fliptech/analytics/revenueservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"

#include <QJsonArray>

namespace fliptech::analytics {

using core::ErrorCode;
using storage::Database;

namespace {
constexpr qint64 kPicodollarsPerCent = 10'000'000'000LL;
constexpr qint64 kMaxLimit = 1'000'000'000'000LL;
constexpr int kMaxHistoryDays = 400;

struct MetricInfo {
    const char *key;
    const char *label;
    bool limited;
};
constexpr MetricInfo kMetrics[] = {
    {"leads_scraped", "Leads scraped", true},  {"enrichments", "Leads enriched", true}, {"ai_calls", "AI calls", false},
    {"ai_tokens", "AI tokens", true},          {"ai_spend_cents", "AI spend (cents)", false}, {"emails_sent", "E-mails sent", true},
};

// Where each metric is counted: one statement per source over every window. Each aggregate
// adds into its metric (e-mails come from two tables).
struct Aggregate {
    const char *metric;
    const char *expression;
};
struct Source {
    const char *table;
    const char *time;
    const char *where;
    QList<Aggregate> aggregates;
};
const QList<Source> &sources()
{
    static const QList<Source> s{
        {"leads", "created_at", "t.scrape_job_id IS NOT NULL", {{"leads_scraped", "COUNT(*)"}}},
        {"leads", "enriched_at", "t.enriched_at IS NOT NULL", {{"enrichments", "COUNT(*)"}}},
        {"ai_calls",
         "created_at",
         "1 = 1",
         {{"ai_calls", "SUM(CASE WHEN t.status = 'ok' THEN 1 ELSE 0 END)"},
          {"ai_tokens", "SUM(CASE WHEN t.status = 'ok' THEN t.prompt_tokens + t.completion_tokens ELSE 0 END)"},
          {"ai_spend_cents", "SUM(t.cost_picodollars)"}}},
        {"campaign_messages", "sent_at", "t.sent_at IS NOT NULL", {{"emails_sent", "COUNT(*)"}}},
        {"messages", "created_at", "t.direction = 'outbound'", {{"emails_sent", "COUNT(*)"}}},
    };
    return s;
}

const MetricInfo *infoOf(const QString &metric)
{
    for (const auto &m : kMetrics)
        if (metric == QLatin1String(m.key))
            return &m;
    return nullptr;
}

QString iso(const QDateTime &t) { return Database::isoTimestamp(t); }

QJsonValue optional(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); }

// The day and the month `now` falls in, in `zone` (UTC bounds).
QPair<QDateTime, QDateTime> dayOf(const QDateTime &now, const QTimeZone &zone)
{
    const QDate d = now.toTimeZone(zone).date();
    return {QDateTime(d, QTime(0, 0), zone).toUTC(), QDateTime(d.addDays(1), QTime(0, 0), zone).toUTC()};
}
QPair<QDateTime, QDateTime> monthOf(const QDateTime &now, const QTimeZone &zone)
{
    const QDate d = now.toTimeZone(zone).date();
    const QDate first(d.year(), d.month(), 1);
    return {QDateTime(first, QTime(0, 0), zone).toUTC(), QDateTime(first.addMonths(1), QTime(0, 0), zone).toUTC()};
}
} // namespace

UsageService::UsageService(std::shared_ptr<storage::Database> db, const core::Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

QStringList UsageService::metrics()
{
    QStringList out;
    for (const auto &m : kMetrics)
        out << QLatin1String(m.key);
    return out;
}

QStringList UsageService::limitedMetrics()
{
    QStringList out;
    for (const auto &m : kMetrics)
        if (m.limited)
            out << QLatin1String(m.key);
    return out;
}

core::Result<QTimeZone> UsageService::timeZone()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT time_zone FROM usage_settings WHERE id = 1"));
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::Result<QTimeZone>(QTimeZone::utc()) : core::Result<QTimeZone>(row.error());
    const QTimeZone z(row->value(0).toString().toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

core::Result<QHash<QString, QList<qint64>>> UsageService::counts(const QList<QPair<QDateTime, QDateTime>> &windows, const QStringList &which)
{
    QHash<QString, QList<qint64>> out;
    for (const QString &m : which)
        out.insert(m, QList<qint64>(windows.size(), 0));
    if (windows.isEmpty())
        return out;
    QStringList values;
    QVariantList windowParams;
    for (qsizetype i = 0; i < windows.size(); ++i) {
        values << QStringLiteral("(%1, %2, %2)").arg(i).arg(m_db->timestampParam());
        windowParams << m_db->timestamp(windows.at(i).first) << m_db->timestamp(windows.at(i).second);
    }
    const QString cte = QStringLiteral("WITH w (i, s, e) AS (VALUES %1) ").arg(values.join(QLatin1Char(',')));
    for (const Source &source : sources()) {
        QStringList expressions;
        QList<QString> targets;
        for (const Aggregate &a : source.aggregates)
            if (which.contains(QLatin1String(a.metric))) {
                expressions << QStringLiteral("COALESCE(%1, 0)").arg(QLatin1String(a.expression));
                targets << QLatin1String(a.metric);
            }
        if (expressions.isEmpty())
            continue;
        const QString sql = cte + QStringLiteral("SELECT w.i, %1 FROM w JOIN %2 t ON t.%3 >= w.s AND t.%3 < w.e WHERE %4 GROUP BY w.i")
                                      .arg(expressions.join(QStringLiteral(", ")), QLatin1String(source.table), QLatin1String(source.time),
                                           QLatin1String(source.where));
        auto rows = m_db->select(sql, windowParams);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            const qsizetype i = r.value(0).toLongLong();
            if (i < 0 || i >= windows.size())
                continue;
            for (qsizetype k = 0; k < targets.size(); ++k)
                out[targets.at(k)][i] += r.value(int(k) + 1).toLongLong();
        }
    }
    // Spend is summed in picodollars (exact); shown in whole cents, rounded down.
    if (out.contains(QStringLiteral("ai_spend_cents")))
        for (qint64 &v : out[QStringLiteral("ai_spend_cents")])
            v /= kPicodollarsPerCent;
    return out;
}

core::Result<QHash<QString, storage::Row>> UsageService::limitRows()
{
    auto rows = m_db->select(QStringLiteral("SELECT metric, daily_limit, monthly_limit, updated_at FROM usage_limits"));
    if (!rows)
        return rows.error();
    QHash<QString, storage::Row> out;
    for (const auto &r : *rows)
        out.insert(r.value(0).toString(), r);
    return out;
}

core::Result<core::UsageAllowance> UsageService::allowance(const QString &metric)
{
    const MetricInfo *info = infoOf(metric);
    if (!info || !info->limited)
        return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" is not a metric that takes a limit").arg(metric));
    auto row = m_db->selectOne(QStringLiteral("SELECT daily_limit, monthly_limit FROM usage_limits WHERE metric = ?"), {metric});
    if (!row && row.error().code != ErrorCode::NotFound)
        return row.error();
    core::UsageAllowance a;
    if (!row || (row->value(0).isNull() && row->value(1).isNull()))
        return a; // no limit: nothing to count
    auto z = timeZone();
    if (!z)
        return z.error();
    const QDateTime now = m_clock.now();
    const auto day = dayOf(now, *z), month = monthOf(now, *z);
    auto used = counts({day, month}, {metric});
    if (!used)
        return used.error();
    const QList<qint64> &u = used->value(metric);
    for (int p = 0; p < 2; ++p) {
        if (row->value(p).isNull())
            continue;
        const qint64 limit = row->value(p).toLongLong();
        const qint64 left = qMax<qint64>(0, limit - u.at(p));
        // The tightest limit binds; of two with nothing left, the one that lasts longer.
        if (!a.remaining || left < *a.remaining || (left == *a.remaining && p == 1)) {
            a.remaining = left;
            a.period = p == 0 ? QStringLiteral("day") : QStringLiteral("month");
            a.limit = limit;
            a.used = u.at(p);
            a.resetsAt = p == 0 ? day.second : month.second;
        }
    }
    return a;
}

core::Result<QJsonObject> UsageService::current()
{
    auto z = timeZone();
    if (!z)
        return z.error();
    const QDateTime now = m_clock.now();
    const auto day = dayOf(now, *z), month = monthOf(now, *z);
    auto used = counts({day, month}, metrics());
    if (!used)
        return used.error();
    auto limitOf = limitRows();
    if (!limitOf)
        return limitOf.error();
    QJsonArray items;
    for (const auto &m : kMetrics) {
        const QString key = QLatin1String(m.key);
        const QList<qint64> &u = used->value(key);
        QJsonObject o{{QStringLiteral("metric"), key}, {QStringLiteral("label"), QLatin1String(m.label)}, {QStringLiteral("today"), u.at(0)},
                      {QStringLiteral("this_month"), u.at(1)}, {QStringLiteral("limited"), m.limited}};
        if (m.limited) {
            const storage::Row r = limitOf->value(key);
            const QVariant daily = r.value(1), monthly = r.value(2);
            o.insert(QStringLiteral("daily_limit"), optional(daily));
            o.insert(QStringLiteral("monthly_limit"), optional(monthly));
            o.insert(QStringLiteral("remaining_today"), daily.isNull() ? QJsonValue() : QJsonValue(qMax<qint64>(0, daily.toLongLong() - u.at(0))));
            o.insert(QStringLiteral("remaining_this_month"), monthly.isNull() ? QJsonValue() : QJsonValue(qMax<qint64>(0, monthly.toLongLong() - u.at(1))));
        }
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("time_zone"), QString::fromUtf8(z->id())},
                       {QStringLiteral("day"), QJsonObject{{QStringLiteral("start"), iso(day.first)}, {QStringLiteral("end"), iso(day.second)}}},
                       {QStringLiteral("month"), QJsonObject{{QStringLiteral("start"), iso(month.first)}, {QStringLiteral("end"), iso(month.second)}}},
                       {QStringLiteral("items"), items}};
}

core::Result<QJsonObject> UsageService::limits()
{
    auto z = timeZone();
    if (!z)
        return z.error();
    auto of = limitRows();
    if (!of)
        return of.error();
    QJsonArray items;
    for (const auto &m : kMetrics) {
        if (!m.limited)
            continue;
        const storage::Row r = of->value(QLatin1String(m.key));
        items.append(QJsonObject{{QStringLiteral("metric"), QLatin1String(m.key)},
                                 {QStringLiteral("label"), QLatin1String(m.label)},
                                 {QStringLiteral("daily_limit"), optional(r.value(1))},
                                 {QStringLiteral("monthly_limit"), optional(r.value(2))},
                                 {QStringLiteral("updated_at"), r.value(3).isNull() ? QJsonValue() : QJsonValue(iso(Database::toDateTime(r.value(3))))}});
    }
    QJsonObject budgets{{QStringLiteral("set_with"), QStringLiteral("PUT /api/v1/ai/settings")}};
    if (auto ai = m_db->selectOne(QStringLiteral("SELECT daily_budget_cents, monthly_budget_cents, budget_time_zone FROM ai_settings WHERE id = 1"))) {
        budgets.insert(QStringLiteral("daily_budget_cents"), optional(ai->value(0)));
        budgets.insert(QStringLiteral("monthly_budget_cents"), optional(ai->value(1)));
        budgets.insert(QStringLiteral("time_zone"), ai->value(2).toString());
    } else if (ai.error().code != ErrorCode::NotFound) {
        return ai.error();
    }
    return QJsonObject{{QStringLiteral("time_zone"), QString::fromUtf8(z->id())}, {QStringLiteral("items"), items}, {QStringLiteral("ai_budgets"), budgets}};
}

core::Result<QJsonObject> UsageService::setLimits(const leads::Actor &actor, const QJsonObject &request)
{
    for (auto it = request.begin(); it != request.end(); ++it)
        if (it.key() != QLatin1String("limits") && it.key() != QLatin1String("time_zone"))
            return core::fieldError(it.key(), QStringLiteral("is not a field of the usage limits (limits, time_zone)"));
    QString zoneName;
    if (request.contains(QStringLiteral("time_zone"))) {
        const QJsonValue v = request.value(QStringLiteral("time_zone"));
        if (!v.isString() || !QTimeZone(v.toString().toUtf8()).isValid())
            return core::fieldError(QStringLiteral("time_zone"), QStringLiteral("must be an IANA time zone, e.g. America/Chicago"));
        zoneName = v.toString();
    }
    const QJsonValue given = request.value(QStringLiteral("limits"));
    if (!given.isUndefined() && !given.isObject())
        return core::fieldError(QStringLiteral("limits"), QStringLiteral("must be an object: {metric: {daily_limit, monthly_limit}}"));
    if (given.isUndefined() && zoneName.isEmpty())
        return core::fieldError(QStringLiteral("limits"), QStringLiteral("is required (or time_zone)"));
    auto existing = limitRows();
    if (!existing)
        return existing.error();
    QHash<QString, QPair<QVariant, QVariant>> next;
    for (auto it = existing->cbegin(); it != existing->cend(); ++it)
        next.insert(it.key(), {it.value().value(1), it.value().value(2)});
    QStringList changed;
    const QJsonObject limitsIn = given.toObject();
    for (auto it = limitsIn.begin(); it != limitsIn.end(); ++it) {
        const QString field = QStringLiteral("limits.") + it.key();
        if (!limitedMetrics().contains(it.key()))
            return core::fieldError(field, QStringLiteral("is not a metric that takes a limit (%1)").arg(limitedMetrics().join(QStringLiteral(", "))));
        if (!it.value().isObject())
            return core::fieldError(field, QStringLiteral("must be an object: {daily_limit, monthly_limit}"));
        const QJsonObject o = it.value().toObject();
        QPair<QVariant, QVariant> &slot = next[it.key()];
        for (auto f = o.begin(); f != o.end(); ++f) {
            const bool daily = f.key() == QLatin1String("daily_limit");
            if (!daily && f.key() != QLatin1String("monthly_limit"))
                return core::fieldError(field + u'.' + f.key(), QStringLiteral("is not a limit (daily_limit, monthly_limit)"));
            const QJsonValue v = f.value();
            QVariant value;
            if (!v.isNull()) {
                if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < 0 || v.toInteger() > kMaxLimit)
                    return core::fieldError(field + u'.' + f.key(), QStringLiteral("must be a whole number from 0 to 1,000,000,000,000, or null for no limit"));
                value = v.toInteger();
            }
            (daily ? slot.first : slot.second) = value;
        }
        changed << it.key();
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    for (const QString &metric : std::as_const(changed)) {
        const auto &[daily, monthly] = next.value(metric);
        auto done = m_db->execute(QStringLiteral("INSERT INTO usage_limits (metric, daily_limit, monthly_limit, updated_by, updated_at) VALUES (?, ?, ?, ?, %1) "
                                                 "ON CONFLICT (metric) DO UPDATE SET daily_limit = excluded.daily_limit, monthly_limit = excluded.monthly_limit, "
                                                 "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                                      .arg(m_db->timestampParam()),
                                  {metric, daily, monthly, actor.userId ? QVariant(*actor.userId) : QVariant(), now});
        if (!done)
            return done.error();
    }
    if (!zoneName.isEmpty())
        if (auto done = m_db->execute(QStringLiteral("UPDATE usage_settings SET time_zone = ?, updated_at = %1 WHERE id = 1").arg(m_db->timestampParam()), {zoneName, now});
            !done)
            return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return limits();
}

core::Result<QJsonObject> UsageService::history(const QDateTime &from, const QDateTime &to, const QTimeZone &zone, const QString &metric)
{
    if (!metric.isEmpty() && !infoOf(metric))
        return core::fieldError(QStringLiteral("metric"), QStringLiteral("must be one of %1").arg(metrics().join(QStringLiteral(", "))));
    if (from.daysTo(to) > kMaxHistoryDays)
        return core::fieldError(QStringLiteral("from"), QStringLiteral("must be at most %1 days before to").arg(kMaxHistoryDays));
    const QList<QDateTime> starts = RevenueService::bucketStarts(from, to, zone, QStringLiteral("day"));
    QList<QPair<QDateTime, QDateTime>> windows;
    for (qsizetype i = 0; i < starts.size(); ++i)
        windows.append({starts.at(i), i + 1 < starts.size() ? starts.at(i + 1) : to});
    const QStringList which = metric.isEmpty() ? metrics() : QStringList{metric};
    auto used = counts(windows, which);
    if (!used)
        return used.error();
    QJsonArray days;
    QJsonObject totals;
    for (qsizetype i = 0; i < windows.size(); ++i) {
        QJsonObject d{{QStringLiteral("date"), windows.at(i).first.toTimeZone(zone).date().toString(Qt::ISODate)},
                      {QStringLiteral("start"), iso(windows.at(i).first)},
                      {QStringLiteral("end"), iso(windows.at(i).second)}};
        for (const QString &m : which)
            d.insert(m, used->value(m).at(i));
        days.append(d);
    }
    for (const QString &m : which) {
        qint64 sum = 0;
        for (qint64 v : used->value(m))
            sum += v;
        totals.insert(m, sum);
    }
    return QJsonObject{{QStringLiteral("time_zone"), QString::fromUtf8(zone.id())},
                       {QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), iso(from)}, {QStringLiteral("to"), iso(to)}}},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("totals"), totals}};
}

core::Result<QJsonObject> UsageService::lastDays(int days)
{
    auto z = timeZone();
    if (!z)
        return z.error();
    const QDate today = m_clock.now().toTimeZone(*z).date();
    const int n = qBound(1, days, kMaxHistoryDays);
    return history(QDateTime(today.addDays(1 - n), QTime(0, 0), *z).toUTC(), QDateTime(today.addDays(1), QTime(0, 0), *z).toUTC(), *z, {});
}

} // namespace fliptech::analytics
