#include "fliptech/analytics/revenueservice.h"

#include "fliptech/analytics/forecast.h"
#include "ratios.h"

#include "fliptech/core/money.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"

#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace fliptech::analytics {

using core::ErrorCode;
using storage::Database;

namespace {
constexpr qint64 kMaxAmountCents = 100'000'000'000LL; // a billion dollars: a typo, not a deal

QString iso(const QDateTime &t) { return Database::isoTimestamp(t); }

// An ISO 8601 date-time; without an offset it is a time of `zone` (never the machine's).
QDateTime withZone(const QString &text, const QTimeZone &zone = QTimeZone::utc())
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), zone);
    return t;
}


core::Result<qint64> amountOf(const QJsonObject &request)
{
    const QJsonValue cents = request.value(QStringLiteral("amount_cents"));
    const QJsonValue amount = request.value(QStringLiteral("amount"));
    qint64 value = 0;
    if (!cents.isUndefined()) {
        if (!cents.isDouble() || cents.toDouble() != double(cents.toInteger()))
            return core::fieldError(QStringLiteral("amount_cents"), QStringLiteral("must be a whole number of cents"));
        value = cents.toInteger();
    } else if (amount.isString()) {
        if (!core::Money::parse(amount.toString().trimmed(), &value))
            return core::fieldError(QStringLiteral("amount"), QStringLiteral("must be an amount such as \"1250\" or \"1250.50\""));
    } else if (amount.isDouble()) {
        // A JSON number is read through its decimal text, never as a binary fraction.
        if (!core::Money::parse(QString::number(amount.toDouble(), 'f', 2), &value) || QString::number(amount.toDouble(), 'f', 2).toDouble() != amount.toDouble())
            return core::fieldError(QStringLiteral("amount"), QStringLiteral("must have at most two decimals (send it as text, e.g. \"1250.50\")"));
    } else {
        return core::fieldError(QStringLiteral("amount"), QStringLiteral("is required (\"1250.50\", or amount_cents)"));
    }
    if (value < 0 || value > kMaxAmountCents)
        return core::fieldError(cents.isUndefined() ? QStringLiteral("amount") : QStringLiteral("amount_cents"),
                                QStringLiteral("must be between 0 and 1,000,000,000.00"));
    return value;
}

core::Result<QString> currencyOf(const QJsonObject &request)
{
    const QString c = request.value(QStringLiteral("currency")).toString(QStringLiteral("USD")).trimmed().toUpper();
    static const QRegularExpression re(QStringLiteral("^[A-Z]{3}$"));
    if (!re.match(c).hasMatch())
        return core::fieldError(QStringLiteral("currency"), QStringLiteral("must be an ISO 4217 code such as USD or EUR"));
    return c;
}

// A date or date-time of a request; a date is noon UTC of that day (a whole day in any zone
// people work in), a date-time as given.
core::Result<QDateTime> whenOf(const QJsonObject &request, const char *field, const QDateTime &fallback)
{
    const QJsonValue v = request.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return core::fieldError(QLatin1String(field), QStringLiteral("must be an ISO 8601 date or date-time"));
    // A bare date first: Qt reads "2026-03-05" as a date-time too (midnight, local time).
    const QString text = v.toString().trimmed();
    const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    QDateTime t = day.isValid() ? QDateTime(day, QTime(12, 0), Qt::UTC) : withZone(text);
    if (!t.isValid() || t.date().year() < 1970 || t.date().year() > 2200)
        return core::fieldError(QLatin1String(field), QStringLiteral("must be an ISO 8601 date or date-time, e.g. 2026-11-30"));
    return t.toUTC();
}

// The bucket a moment falls in (starts ascending; -1 before the first).
qsizetype bucketIndex(const QList<QDateTime> &starts, const QDateTime &at)
{
    return qsizetype(std::upper_bound(starts.cbegin(), starts.cend(), at) - starts.cbegin()) - 1;
}

// A bucket's label: its first local day ("2026-03-02"), or its month ("2026-03").
QString bucketLabel(const QDateTime &start, const QTimeZone &zone, const QString &bucket)
{
    const QDate local = start.toTimeZone(zone).date();
    return bucket == QLatin1String("month") ? local.toString(QStringLiteral("yyyy-MM")) : local.toString(Qt::ISODate);
}

QJsonValue nullableId(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); }
} // namespace

// --- the query -----------------------------------------------------------------------------

core::Result<Query> Query::parse(const QHash<QString, QString> &params, const QDateTime &now)
{
    Query q;
    const QString tz = params.value(QStringLiteral("tz"), params.value(QStringLiteral("time_zone"))).trimmed();
    if (!tz.isEmpty()) {
        q.zone = QTimeZone(tz.toUtf8());
        if (!q.zone.isValid())
            return core::fieldError(QStringLiteral("tz"), QStringLiteral("must be an IANA time zone, e.g. America/Chicago"));
    }
    auto moment = [&q](const QString &text, bool end, QDateTime *out) -> bool {
        // A date is the whole day in the zone: `to` is the start of the next day. (Checked
        // first: Qt would read a bare date as a date-time at local midnight.)
        const QDate d = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
        const QDateTime t = d.isValid() ? QDateTime(end ? d.addDays(1) : d, QTime(0, 0), q.zone) : withZone(text, q.zone);
        if (!t.isValid())
            return false;
        *out = t.toUTC();
        return true;
    };
    q.to = now.toUTC().addSecs(1);
    q.from = now.toUTC().addDays(-30);
    for (const char *name : {"from", "to"}) {
        const QString v = params.value(QLatin1String(name)).trimmed();
        if (v.isEmpty())
            continue;
        if (!moment(v, qstrcmp(name, "to") == 0, qstrcmp(name, "to") == 0 ? &q.to : &q.from))
            return core::fieldError(QLatin1String(name), QStringLiteral("must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z"));
    }
    if (q.from >= q.to)
        return core::fieldError(QStringLiteral("from"), QStringLiteral("must be before to"));
    if (q.from.daysTo(q.to) > 3700)
        return core::fieldError(QStringLiteral("from"), QStringLiteral("must be at most ten years before to"));
    q.source = params.value(QStringLiteral("source")).trimmed();
    for (const auto &[name, slot] : {std::pair{"campaign_id", &q.campaignId}, std::pair{"location_group_id", &q.locationGroupId}, std::pair{"user_id", &q.userId}}) {
        const QString v = params.value(QLatin1String(name)).trimmed();
        if (v.isEmpty())
            continue;
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id < 1)
            return core::fieldError(QLatin1String(name), QStringLiteral("must be a positive whole number"));
        *slot = id;
    }
    return q;
}

QJsonObject Query::periodJson() const
{
    QJsonObject o{{QStringLiteral("from"), iso(from)}, {QStringLiteral("to"), iso(to)}, {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())}};
    if (!source.isEmpty())
        o.insert(QStringLiteral("source"), source);
    if (campaignId)
        o.insert(QStringLiteral("campaign_id"), *campaignId);
    if (locationGroupId)
        o.insert(QStringLiteral("location_group_id"), *locationGroupId);
    if (userId)
        o.insert(QStringLiteral("user_id"), *userId);
    return o;
}

RevenueService::RevenueService(std::shared_ptr<storage::Database> db, leads::LeadService &leads, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_clock(clock)
{
}

namespace {
// A cost's lead: the one it names, or its conversation's.
const QString kCostLeadJoin = QStringLiteral(
    "LEFT JOIN leads cl ON cl.id = CASE c.related_entity_type WHEN 'lead' THEN c.related_entity_id "
    "WHEN 'conversation' THEN (SELECT cv.lead_id FROM conversations cv WHERE cv.id = c.related_entity_id) END");
const QString kCostCampaign = QStringLiteral("COALESCE(c.campaign_id, CASE WHEN c.related_entity_type = 'campaign' THEN c.related_entity_id END)");

// Where a query's filters read their values, for leads (`l`) and for costs (`c`, their lead `cl`).
struct FilterColumns {
    QString always;       // a test every row passes through (or empty)
    QString source;       // an expression
    QString campaignTest; // a whole test with one ?
    QString location;     // an expression: a location id
    QString user;         // an expression: a user id
};

const FilterColumns kLeadColumns{QStringLiteral("l.deleted_at IS NULL"), QStringLiteral("l.source"),
                                 QStringLiteral("EXISTS (SELECT 1 FROM campaign_recipients fr WHERE fr.lead_id = l.id AND fr.campaign_id = ?)"),
                                 QStringLiteral("l.location_id"), QStringLiteral("l.assigned_to")};
const FilterColumns kCostColumns{{}, QStringLiteral("COALESCE(c.source, cl.source)"), kCostCampaign + QStringLiteral(" = ?"), QStringLiteral("cl.location_id"),
                                 QStringLiteral("COALESCE(cl.assigned_to, c.created_by)")};

QString filterWhere(const Query &q, QVariantList &params, const FilterColumns &columns)
{
    QStringList where;
    if (!columns.always.isEmpty())
        where << columns.always;
    if (!q.source.isEmpty()) {
        where << columns.source + QStringLiteral(" = ?");
        params << q.source;
    }
    if (q.campaignId) {
        where << columns.campaignTest;
        params << *q.campaignId;
    }
    if (q.locationGroupId) {
        where << columns.location + QStringLiteral(" IN (SELECT location_id FROM location_group_members WHERE group_id = ?)");
        params << *q.locationGroupId;
    }
    if (q.userId) {
        where << columns.user + QStringLiteral(" = ?");
        params << *q.userId;
    }
    return where.isEmpty() ? QStringLiteral("1 = 1") : where.join(QStringLiteral(" AND "));
}
} // namespace

QString RevenueService::leadFilter(const Query &q, QVariantList &params) const { return filterWhere(q, params, kLeadColumns); }

QString RevenueService::costFilter(const Query &q, QVariantList &params) const { return filterWhere(q, params, kCostColumns); }

// --- the pipeline --------------------------------------------------------------------------

core::Result<QJsonArray> RevenueService::pipeline()
{
    auto rows = m_db->select(QStringLiteral("SELECT stage_key, name, probability_percent, kind, position FROM deal_stages ORDER BY position"));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("key"), r.value(0).toString()},
                               {QStringLiteral("name"), r.value(1).toString()},
                               {QStringLiteral("probability"), r.value(2).toInt()},
                               {QStringLiteral("kind"), r.value(3).toString()},
                               {QStringLiteral("position"), r.value(4).toInt()}});
    return out;
}

core::Result<QJsonArray> RevenueService::setPipeline(const QJsonObject &request)
{
    const QJsonValue stagesValue = request.value(QStringLiteral("stages"));
    if (!stagesValue.isArray() || stagesValue.toArray().size() < 2 || stagesValue.toArray().size() > 30)
        return core::fieldError(QStringLiteral("stages"), QStringLiteral("must be a list of 2 to 30 stages"));
    static const QRegularExpression keyRe(QStringLiteral("^[a-z][a-z0-9_]{0,49}$"));
    QStringList keys;
    int won = 0, lost = 0;
    const QJsonArray stages = stagesValue.toArray();
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const QString path = QStringLiteral("stages[%1]").arg(i);
        const QJsonObject s = stages.at(i).toObject();
        const QString key = s.value(QStringLiteral("key")).toString();
        if (!keyRe.match(key).hasMatch())
            return core::fieldError(path + QStringLiteral(".key"), QStringLiteral("must be lower-case letters, digits and _ (e.g. \"demo_booked\")"));
        if (keys.contains(key))
            return core::fieldError(path + QStringLiteral(".key"), QStringLiteral("appears twice"));
        keys << key;
        const QString name = s.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty() || name.size() > 100)
            return core::fieldError(path + QStringLiteral(".name"), QStringLiteral("must be 1 to 100 characters"));
        const QJsonValue p = s.value(QStringLiteral("probability"));
        if (!p.isDouble() || p.toDouble() != double(p.toInteger()) || p.toInteger() < 0 || p.toInteger() > 100)
            return core::fieldError(path + QStringLiteral(".probability"), QStringLiteral("must be a whole percentage from 0 to 100"));
        const QString kind = s.value(QStringLiteral("kind")).toString(QStringLiteral("open"));
        if (kind != QLatin1String("open") && kind != QLatin1String("won") && kind != QLatin1String("lost"))
            return core::fieldError(path + QStringLiteral(".kind"), QStringLiteral("must be open, won or lost"));
        won += kind == QLatin1String("won");
        lost += kind == QLatin1String("lost");
        if (kind == QLatin1String("won") && p.toInteger() != 100)
            return core::fieldError(path + QStringLiteral(".probability"), QStringLiteral("must be 100 for a won stage"));
        if (kind == QLatin1String("lost") && p.toInteger() != 0)
            return core::fieldError(path + QStringLiteral(".probability"), QStringLiteral("must be 0 for a lost stage"));
    }
    if (won != 1 || lost != 1)
        return core::fieldError(QStringLiteral("stages"), QStringLiteral("must hold exactly one won and one lost stage"));
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // A stage leads still sit in cannot disappear: it would hide their deals.
    auto used = m_db->select(QStringLiteral("SELECT deal_stage, COUNT(*) FROM leads WHERE deal_stage IS NOT NULL AND deleted_at IS NULL GROUP BY deal_stage"));
    if (!used)
        return used.error();
    for (const auto &r : *used)
        if (!keys.contains(r.value(0).toString()))
            return core::makeError(ErrorCode::Conflict,
                                   QStringLiteral("%1 lead(s) are in the stage \"%2\": move them before removing it").arg(r.value(1).toLongLong()).arg(r.value(0).toString()),
                                   {{QStringLiteral("stages"), QStringLiteral("leaves out a stage in use")}});
    if (auto done = m_db->execute(QStringLiteral("DELETE FROM deal_stages")); !done)
        return done.error();
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const QJsonObject s = stages.at(i).toObject();
        if (auto done = m_db->execute(QStringLiteral("INSERT INTO deal_stages (stage_key, name, probability_percent, kind, position, updated_at) VALUES (?, ?, ?, ?, ?, %1)")
                                          .arg(m_db->timestampParam()),
                                      {s.value(QStringLiteral("key")).toString(), s.value(QStringLiteral("name")).toString().trimmed(),
                                       int(s.value(QStringLiteral("probability")).toInteger()), s.value(QStringLiteral("kind")).toString(QStringLiteral("open")), int(i + 1),
                                       m_db->timestamp(m_clock.now())});
            !done)
            return done.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return pipeline();
}

// --- won and lost --------------------------------------------------------------------------

core::Result<QJsonObject> RevenueService::markConverted(const leads::Actor &actor, qint64 leadId, const QJsonObject &request)
{
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!QStringList{QStringLiteral("amount"), QStringLiteral("amount_cents"), QStringLiteral("currency"), QStringLiteral("date"), QStringLiteral("stage"),
                         QStringLiteral("notes")}
                 .contains(it.key()))
            return core::fieldError(it.key(), QStringLiteral("is not a field of a conversion"));
    auto amount = amountOf(request);
    if (!amount)
        return amount.error();
    auto currency = currencyOf(request);
    if (!currency)
        return currency.error();
    const QDateTime now = m_clock.now().toUTC();
    auto date = whenOf(request, "date", now);
    if (!date)
        return date.error();
    if (*date > now.addDays(1))
        return core::fieldError(QStringLiteral("date"), QStringLiteral("cannot be in the future"));
    const QJsonValue notes = request.value(QStringLiteral("notes"));
    if (!notes.isUndefined() && !notes.isNull() && (!notes.isString() || notes.toString().size() > 5000))
        return core::fieldError(QStringLiteral("notes"), QStringLiteral("must be text of at most 5,000 characters"));
    auto stages = pipeline();
    if (!stages)
        return stages.error();
    QString wonStage;
    for (const QJsonValue &s : *stages)
        if (s.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("won"))
            wonStage = s.toObject().value(QStringLiteral("key")).toString();
    const QString stage = request.value(QStringLiteral("stage")).toString(wonStage);
    bool known = false;
    for (const QJsonValue &s : *stages)
        known = known || s.toObject().value(QStringLiteral("key")).toString() == stage;
    if (!known)
        return core::fieldError(QStringLiteral("stage"), QStringLiteral("must be a stage of the pipeline (GET /revenue/pipeline)"));
    auto lead = m_leads.get(leadId);
    if (!lead)
        return lead.error();

    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO conversions (lead_id, revenue_amount_cents, currency, conversion_date, deal_stage, notes, created_by, created_at) "
                                              "VALUES (?, ?, ?, %1, ?, ?, ?, %1) RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {leadId, *amount, *currency, m_db->timestamp(*date), stage, notes.isString() ? QVariant(notes.toString()) : QVariant(),
                                actor.userId ? QVariant(*actor.userId) : QVariant(), m_db->timestamp(now)});
    if (!row)
        return row.error();
    const qint64 conversionId = row->value(0).toLongLong();
    auto total = m_db->selectOne(QStringLiteral("SELECT COALESCE(SUM(revenue_amount_cents), 0), MAX(conversion_date) FROM conversions WHERE lead_id = ? AND currency = ?"),
                                 {leadId, *currency});
    if (!total)
        return total.error();
    // Through the lead service: the activity log, the search index and the live update.
    auto updated = m_leads.update(actor, leadId,
                                  {{QStringLiteral("status"), QStringLiteral("won")},
                                   {QStringLiteral("deal_stage"), stage},
                                   {QStringLiteral("revenue_amount_cents"), total->value(0).toLongLong()},
                                   {QStringLiteral("conversion_date"), iso(Database::toDateTime(total->value(1)))}});
    if (!updated)
        return updated.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return QJsonObject{{QStringLiteral("conversion"),
                        QJsonObject{{QStringLiteral("id"), conversionId},
                                    {QStringLiteral("lead_id"), leadId},
                                    {QStringLiteral("amount_cents"), *amount},
                                    {QStringLiteral("amount"), core::Money{*amount, *currency}.toString()},
                                    {QStringLiteral("currency"), *currency},
                                    {QStringLiteral("date"), iso(*date)},
                                    {QStringLiteral("stage"), stage},
                                    {QStringLiteral("notes"), notes.isString() ? notes : QJsonValue()}}},
                       {QStringLiteral("lead"), *updated}};
}

core::Result<QJsonObject> RevenueService::markLost(const leads::Actor &actor, qint64 leadId, const QJsonObject &request)
{
    for (auto it = request.begin(); it != request.end(); ++it)
        if (it.key() != QLatin1String("reason"))
            return core::fieldError(it.key(), QStringLiteral("is not a field here (only reason)"));
    const QJsonValue reason = request.value(QStringLiteral("reason"));
    if (!reason.isString() || reason.toString().trimmed().isEmpty() || reason.toString().size() > 1000)
        return core::fieldError(QStringLiteral("reason"), QStringLiteral("is required: why the deal was lost (at most 1,000 characters)"));
    auto lostStage = m_db->selectOne(QStringLiteral("SELECT stage_key FROM deal_stages WHERE kind = 'lost' ORDER BY position LIMIT 1"));
    if (!lostStage)
        return lostStage.error();
    if (auto lead = m_leads.get(leadId); !lead)
        return lead.error();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE leads SET lost_reason = ?, lost_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                  {reason.toString().trimmed(), m_db->timestamp(m_clock.now()), leadId});
        !done)
        return done.error();
    auto updated = m_leads.update(actor, leadId, {{QStringLiteral("status"), QStringLiteral("lost")}, {QStringLiteral("deal_stage"), lostStage->value(0).toString()}});
    if (!updated)
        return updated.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    QJsonObject out = *updated;
    out.insert(QStringLiteral("lost_reason"), reason.toString().trimmed());
    return out;
}

// --- the figures ---------------------------------------------------------------------------

core::Result<QJsonObject> RevenueService::dashboard(const Query &q)
{
    auto revenueIn = [this, &q](const QDateTime &from, const QDateTime &to) -> core::Result<QPair<qint64, qint64>> {
        QVariantList params{m_db->timestamp(from), m_db->timestamp(to)};
        const QString where = leadFilter(q, params);
        auto r = m_db->selectOne(QStringLiteral("SELECT COALESCE(SUM(v.revenue_amount_cents), 0), COUNT(*) FROM conversions v JOIN leads l ON l.id = v.lead_id "
                                                "WHERE v.conversion_date >= ? AND v.conversion_date < ? AND v.currency = 'USD' AND %1")
                                     .arg(where),
                                 params);
        if (!r)
            return r.error();
        return qMakePair(r->value(0).toLongLong(), r->value(1).toLongLong());
    };
    auto now = revenueIn(q.from, q.to);
    if (!now)
        return now.error();
    const qint64 length = q.from.secsTo(q.to);
    auto before = revenueIn(q.from.addSecs(-length), q.from);
    if (!before)
        return before.error();

    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    QString where = leadFilter(q, params);
    auto created = m_db->selectOne(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM conversions v WHERE v.lead_id = l.id AND v.conversion_date >= ? "
                                                  "AND v.conversion_date < ?) THEN 1 ELSE 0 END) FROM leads l WHERE l.created_at >= ? AND l.created_at < ? AND %1")
                                       .arg(where),
                                   QVariantList{m_db->timestamp(q.from), m_db->timestamp(q.to)} + params);
    if (!created)
        return created.error();
    QVariantList openParams;
    where = leadFilter(q, openParams);
    auto open = m_db->selectOne(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(l.deal_value_cents), 0), COALESCE(SUM(l.deal_value_cents * s.probability_percent), 0) "
                                               "FROM leads l JOIN deal_stages s ON s.stage_key = l.deal_stage WHERE s.kind = 'open' AND l.deal_value_cents IS NOT NULL AND %1")
                                    .arg(where),
                                openParams);
    if (!open)
        return open.error();
    QVariantList costParams{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString costWhere = costFilter(q, costParams);
    auto spend = m_db->selectOne(QStringLiteral("SELECT COALESCE(SUM(c.amount_cents), 0) FROM costs c %1 WHERE c.created_at >= ? AND c.created_at < ? AND c.currency = 'USD' AND %2")
                                     .arg(kCostLeadJoin, costWhere),
                                 costParams);
    if (!spend)
        return spend.error();
    const qint64 revenue = now->first, conversions = now->second, cost = spend->value(0).toLongLong();
    const qint64 leadsCreated = created->value(0).toLongLong(), leadsConverted = created->value(1).toLongLong();
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("period"), q.periodJson()},
                       {QStringLiteral("revenue_cents"), revenue},
                       {QStringLiteral("revenue"), core::Money{revenue}.toString()},
                       {QStringLiteral("conversions"), conversions},
                       {QStringLiteral("previous"),
                        QJsonObject{{QStringLiteral("from"), iso(q.from.addSecs(-length))}, {QStringLiteral("to"), iso(q.from)},
                                    {QStringLiteral("revenue_cents"), before->first}, {QStringLiteral("conversions"), before->second}}},
                       {QStringLiteral("change_percent"), percent(revenue - before->first, before->first)},
                       {QStringLiteral("average_deal_cents"), conversions > 0 ? QJsonValue(divRound(revenue, conversions)) : QJsonValue()},
                       {QStringLiteral("leads_created"), leadsCreated},
                       {QStringLiteral("leads_converted"), leadsConverted},
                       {QStringLiteral("conversion_rate"), rate(leadsConverted, leadsCreated)},
                       {QStringLiteral("open_deals"), open->value(0).toLongLong()},
                       {QStringLiteral("pipeline_value_cents"), open->value(1).toLongLong()},
                       {QStringLiteral("weighted_pipeline_cents"), divRound(open->value(2).toLongLong(), 100)},
                       {QStringLiteral("spend_cents"), cost},
                       {QStringLiteral("profit_cents"), revenue - cost},
                       {QStringLiteral("roi_percent"), percent(revenue - cost, cost)}};
}

namespace {
struct Totals {
    qint64 revenue = 0, conversions = 0, leads = 0, cost = 0;
};

QJsonObject totalsJson(const QString &keyName, const QString &key, const Totals &t)
{
    return QJsonObject{{keyName, key},
                       {QStringLiteral("revenue_cents"), t.revenue},
                       {QStringLiteral("conversions"), t.conversions},
                       {QStringLiteral("leads"), t.leads},
                       {QStringLiteral("cost_cents"), t.cost},
                       {QStringLiteral("profit_cents"), t.revenue - t.cost},
                       {QStringLiteral("roi_percent"), percent(t.revenue - t.cost, t.cost)},
                       {QStringLiteral("cost_per_lead_cents"), t.leads > 0 ? QJsonValue(divRound(t.cost, t.leads)) : QJsonValue()},
                       {QStringLiteral("cost_per_conversion_cents"), t.conversions > 0 ? QJsonValue(divRound(t.cost, t.conversions)) : QJsonValue()}};
}

// How a grouping reads its key from a conversion's or lead's row (`l`) and from a cost (`c`, `cl`).
struct Grouping {
    QString leadJoin, leadKey, costJoin, costKey;
};

std::optional<Grouping> groupingFor(const QString &groupBy)
{
    if (groupBy == QLatin1String("overall"))
        return Grouping{{}, QStringLiteral("'overall'"), {}, QStringLiteral("'overall'")};
    if (groupBy == QLatin1String("source"))
        return Grouping{{}, QStringLiteral("COALESCE(l.source, '(none)')"), {}, QStringLiteral("COALESCE(c.source, cl.source, '(none)')")};
    if (groupBy == QLatin1String("campaign"))
        return Grouping{QStringLiteral("JOIN campaign_recipients gr ON gr.lead_id = l.id"), QStringLiteral("CAST(gr.campaign_id AS TEXT)"), {},
                        QStringLiteral("COALESCE(CAST(") + kCostCampaign + QStringLiteral(" AS TEXT), '(none)')")};
    if (groupBy == QLatin1String("location"))
        return Grouping{QStringLiteral("LEFT JOIN locations gl ON gl.id = l.location_id"), QStringLiteral("COALESCE(gl.name, l.city, '(unknown)')"),
                        QStringLiteral("LEFT JOIN locations gl ON gl.id = cl.location_id"), QStringLiteral("COALESCE(gl.name, cl.city, '(unknown)')")};
    return std::nullopt;
}
} // namespace

core::Result<QJsonObject> RevenueService::roi(const Query &q, const QString &groupBy)
{
    const auto g = groupingFor(groupBy.isEmpty() ? QStringLiteral("overall") : groupBy);
    if (!g)
        return core::fieldError(QStringLiteral("group_by"), QStringLiteral("must be overall, source, campaign or location"));
    QMap<QString, Totals> by;
    {
        QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
        const QString where = leadFilter(q, params);
        auto rows = m_db->select(QStringLiteral("SELECT %1, COALESCE(SUM(v.revenue_amount_cents), 0), COUNT(*) FROM conversions v JOIN leads l ON l.id = v.lead_id %2 "
                                                "WHERE v.conversion_date >= ? AND v.conversion_date < ? AND v.currency = 'USD' AND %3 GROUP BY 1")
                                     .arg(g->leadKey, g->leadJoin, where),
                                 params);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            Totals &t = by[r.value(0).toString()];
            t.revenue += r.value(1).toLongLong();
            t.conversions += r.value(2).toLongLong();
        }
    }
    {
        QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
        const QString where = leadFilter(q, params);
        auto rows = m_db->select(QStringLiteral("SELECT %1, COUNT(*) FROM leads l %2 WHERE l.created_at >= ? AND l.created_at < ? AND %3 GROUP BY 1")
                                     .arg(g->leadKey, g->leadJoin, where),
                                 params);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            by[r.value(0).toString()].leads += r.value(1).toLongLong();
    }
    {
        QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
        const QString where = costFilter(q, params);
        auto rows = m_db->select(QStringLiteral("SELECT %1, COALESCE(SUM(c.amount_cents), 0) FROM costs c %2 %3 WHERE c.created_at >= ? AND c.created_at < ? "
                                                "AND c.currency = 'USD' AND %4 GROUP BY 1")
                                     .arg(g->costKey, kCostLeadJoin, g->costJoin, where),
                                 params);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            by[r.value(0).toString()].cost += r.value(1).toLongLong();
    }
    // Campaigns by name.
    QHash<QString, QString> names;
    if (groupBy == QLatin1String("campaign")) {
        auto rows = m_db->select(QStringLiteral("SELECT id, name FROM campaigns"));
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            names.insert(r.value(0).toString(), r.value(1).toString());
    }
    Totals overall;
    QJsonArray items;
    for (auto it = by.cbegin(); it != by.cend(); ++it) {
        QJsonObject o = totalsJson(QStringLiteral("key"), it.key(), it.value());
        if (groupBy == QLatin1String("campaign") && it.key() != QLatin1String("(none)")) {
            o.insert(QStringLiteral("campaign_id"), it.key().toLongLong());
            o.insert(QStringLiteral("name"), names.value(it.key()));
        }
        items.append(o);
        overall.revenue += it.value().revenue;
        overall.cost += it.value().cost;
        overall.conversions += it.value().conversions;
        overall.leads += it.value().leads;
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("period"), q.periodJson()},
                       {QStringLiteral("group_by"), groupBy.isEmpty() ? QStringLiteral("overall") : groupBy},
                       {QStringLiteral("items"), items},
                       // A lead in two campaigns counts in each: the campaign rows can add up to more.
                       {QStringLiteral("overall"), totalsJson(QStringLiteral("key"), QStringLiteral("overall"), overall)}};
}

core::Result<QJsonObject> RevenueService::bySource(const Query &q)
{
    auto r = roi(q, QStringLiteral("source"));
    if (!r)
        return r.error();
    QList<QJsonObject> rows;
    for (const QJsonValue &v : r->value(QStringLiteral("items")).toArray()) {
        QJsonObject o = v.toObject();
        o.insert(QStringLiteral("source"), o.take(QStringLiteral("key")));
        rows.append(o);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("revenue_cents")).toInteger() > b.value(QStringLiteral("revenue_cents")).toInteger();
    });
    QJsonArray items;
    for (const QJsonObject &o : std::as_const(rows))
        items.append(o);
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("period"), q.periodJson()}, {QStringLiteral("items"), items}};
}

core::Result<QJsonObject> RevenueService::board(const Query &q, int perStage)
{
    const int limit = qBound(1, perStage, 500);
    auto stages = pipeline();
    if (!stages)
        return stages.error();
    // Counts and values of every stage at once (filters apply; the period does not: a board is now).
    QVariantList params;
    const QString where = leadFilter(q, params);
    auto totals = m_db->select(QStringLiteral("SELECT l.deal_stage, COUNT(*), COALESCE(SUM(l.deal_value_cents), 0) FROM leads l WHERE l.deal_stage IS NOT NULL AND %1 "
                                              "GROUP BY l.deal_stage")
                                   .arg(where),
                               params);
    if (!totals)
        return totals.error();
    QHash<QString, QPair<qint64, qint64>> byStage;
    for (const auto &r : *totals)
        byStage.insert(r.value(0).toString(), {r.value(1).toLongLong(), r.value(2).toLongLong()});
    QJsonArray columns;
    for (const QJsonValue &v : *stages) {
        const QJsonObject stage = v.toObject();
        const QString key = stage.value(QStringLiteral("key")).toString(), kind = stage.value(QStringLiteral("kind")).toString();
        // Open deals: the largest first; won and lost: the latest first.
        const QString order = kind == QLatin1String("won")    ? QStringLiteral("l.conversion_date DESC, l.id DESC")
                              : kind == QLatin1String("lost") ? QStringLiteral("l.lost_at DESC, l.id DESC")
                                                              : QStringLiteral("l.deal_value_cents DESC, l.id");
        QVariantList leadParams{key};
        const QString leadWhere = leadFilter(q, leadParams);
        auto rows = m_db->select(QStringLiteral("SELECT l.id, l.name, l.company, l.deal_value_cents, l.expected_close_date, l.assigned_to, l.revenue_amount_cents "
                                                "FROM leads l WHERE l.deal_stage = ? AND %1 ORDER BY %2 LIMIT %3")
                                     .arg(leadWhere, order)
                                     .arg(limit),
                                 leadParams);
        if (!rows)
            return rows.error();
        QJsonArray leadsOut;
        for (const auto &r : *rows) {
            auto opt = [](const QVariant &x) { return x.isNull() ? QJsonValue() : QJsonValue(x.toLongLong()); };
            leadsOut.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                                        {QStringLiteral("name"), r.value(1).toString()},
                                        {QStringLiteral("company"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
                                        {QStringLiteral("deal_value_cents"), opt(r.value(3))},
                                        {QStringLiteral("expected_close_date"), r.value(4).isNull() ? QJsonValue() : QJsonValue(r.value(4).toString().left(10))},
                                        {QStringLiteral("assigned_to"), opt(r.value(5))},
                                        {QStringLiteral("revenue_cents"), opt(r.value(6))}});
        }
        const auto [count, value] = byStage.value(key);
        QJsonObject column = stage;
        column.insert(QStringLiteral("count"), count);
        column.insert(QStringLiteral("value_cents"), value);
        column.insert(QStringLiteral("weighted_cents"), divRound(value * stage.value(QStringLiteral("probability")).toInteger(), 100));
        column.insert(QStringLiteral("leads"), leadsOut);
        column.insert(QStringLiteral("more"), qMax<qint64>(0, count - qint64(leadsOut.size())));
        columns.append(column);
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("stages"), columns}};
}

core::Result<QJsonObject> RevenueService::moveDeal(const leads::Actor &actor, qint64 leadId, const QString &stageKey, const QJsonObject &details)
{
    auto stages = pipeline();
    if (!stages)
        return stages.error();
    QString kind;
    for (const QJsonValue &v : *stages)
        if (v.toObject().value(QStringLiteral("key")).toString() == stageKey)
            kind = v.toObject().value(QStringLiteral("kind")).toString();
    if (kind.isEmpty())
        return core::fieldError(QStringLiteral("stage"), QStringLiteral("is not a stage of the pipeline"));
    if (kind == QLatin1String("won")) {
        QJsonObject request = details;
        request.insert(QStringLiteral("stage"), stageKey);
        auto won = markConverted(actor, leadId, request);
        if (!won)
            return won.error();
        return won->value(QStringLiteral("lead")).toObject();
    }
    if (kind == QLatin1String("lost"))
        return markLost(actor, leadId, details);
    return m_leads.update(actor, leadId, {{QStringLiteral("deal_stage"), stageKey}});
}

core::Result<QJsonObject> RevenueService::drillDown(const Query &q, const QString &figure, const QString &groupBy, const QString &key)
{
    static constexpr int kMaxIds = 10000; // what a lead filter's "ids" holds
    QList<qint64> ids;
    if (figure == QLatin1String("funnel")) {
        const QStringList stages = funnelStages();
        if (!stages.contains(key))
            return core::fieldError(QStringLiteral("key"), QStringLiteral("must be a funnel stage (%1)").arg(stages.join(QStringLiteral(", "))));
        auto f = funnel(q, int(stages.indexOf(key)), &ids);
        if (!f)
            return f.error();
    } else if (figure == QLatin1String("revenue") || figure == QLatin1String("leads") || figure == QLatin1String("costs")) {
        const bool costs = figure == QLatin1String("costs");
        QString join, test;
        QVariantList keyParams;
        if (!groupBy.isEmpty()) {
            if (costs && groupBy == QLatin1String("cost_type")) {
                test = QStringLiteral(" AND c.cost_type = ?");
            } else {
                const auto g = groupBy == QLatin1String("overall") ? std::nullopt : groupingFor(groupBy);
                if (!g)
                    return core::fieldError(QStringLiteral("group_by"), costs ? QStringLiteral("must be cost_type, source, campaign or location")
                                                                                : QStringLiteral("must be source, campaign or location"));
                join = costs ? g->costJoin : g->leadJoin;
                test = QStringLiteral(" AND %1 = ?").arg(costs ? g->costKey : g->leadKey);
            }
            if (key.isEmpty())
                return core::fieldError(QStringLiteral("key"), QStringLiteral("is required with group_by (the bar or slice: a source, a location, ...)"));
            keyParams << key;
        }
        QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
        QString sql;
        if (figure == QLatin1String("revenue")) {
            const QString where = leadFilter(q, params);
            sql = QStringLiteral("SELECT DISTINCT l.id FROM conversions v JOIN leads l ON l.id = v.lead_id %1 WHERE v.conversion_date >= ? AND v.conversion_date < ? "
                                 "AND v.currency = 'USD' AND %2%3 ORDER BY l.id")
                      .arg(join, where, test);
        } else if (figure == QLatin1String("leads")) {
            const QString where = leadFilter(q, params);
            sql = QStringLiteral("SELECT l.id FROM leads l %1 WHERE l.created_at >= ? AND l.created_at < ? AND %2%3 ORDER BY l.id").arg(join, where, test);
        } else {
            const QString where = costFilter(q, params);
            // A cost that belongs to no lead (rent, software) has none to show.
            sql = QStringLiteral("SELECT DISTINCT cl.id FROM costs c %1 %2 WHERE c.created_at >= ? AND c.created_at < ? AND c.currency = 'USD' AND %3%4 "
                                 "AND cl.id IS NOT NULL AND cl.deleted_at IS NULL ORDER BY cl.id")
                      .arg(kCostLeadJoin, join, where, test);
        }
        auto rows = m_db->select(sql, params + keyParams);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            ids << r.value(0).toLongLong();
    } else {
        return core::fieldError(QStringLiteral("figure"), QStringLiteral("must be revenue, leads, costs or funnel"));
    }
    std::sort(ids.begin(), ids.end());
    QJsonArray list;
    for (qsizetype i = 0; i < ids.size() && i < kMaxIds; ++i)
        list.append(ids.at(i));
    QJsonObject out{{QStringLiteral("figure"), figure},
                    {QStringLiteral("period"), q.periodJson()},
                    {QStringLiteral("count"), qint64(ids.size())},
                    {QStringLiteral("lead_ids"), list},
                    {QStringLiteral("truncated"), ids.size() > kMaxIds},
                    {QStringLiteral("filter"), QJsonObject{{QStringLiteral("ids"), list}}}};
    if (!groupBy.isEmpty())
        out.insert(QStringLiteral("group_by"), groupBy);
    if (!key.isEmpty())
        out.insert(QStringLiteral("key"), key);
    return out;
}

QList<QDateTime> RevenueService::bucketStarts(const QDateTime &from, const QDateTime &to, const QTimeZone &zone, const QString &bucket)
{
    QDate d = from.toTimeZone(zone).date();
    if (bucket == QLatin1String("week"))
        d = d.addDays(1 - d.dayOfWeek());
    else if (bucket == QLatin1String("month"))
        d = QDate(d.year(), d.month(), 1);
    QList<QDateTime> out;
    while (true) {
        const QDateTime start = QDateTime(d, QTime(0, 0), zone).toUTC();
        if (start >= to || out.size() > 4000)
            break;
        out.append(start);
        d = bucket == QLatin1String("month") ? d.addMonths(1) : d.addDays(bucket == QLatin1String("week") ? 7 : 1);
    }
    // The first bucket starts with the period, whatever the calendar says.
    if (out.isEmpty() || out.first() > from)
        out.prepend(from);
    else if (out.first() < from)
        out.first() = from;
    return out;
}

core::Result<QJsonObject> RevenueService::trends(const Query &q, const QString &bucketName)
{
    const QString bucket = bucketName.isEmpty() ? QStringLiteral("day") : bucketName;
    if (bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
        return core::fieldError(QStringLiteral("bucket"), QStringLiteral("must be day, week or month"));
    if (bucket == QLatin1String("day") && q.from.daysTo(q.to) > 1100)
        return core::fieldError(QStringLiteral("bucket"), QStringLiteral("day buckets cover at most three years: choose week or month"));
    const QList<QDateTime> starts = bucketStarts(q.from, q.to, q.zone, bucket);
    QVariantList params{m_db->timestamp(starts.first()), m_db->timestamp(q.to)};
    const QString where = leadFilter(q, params);
    auto rows = m_db->select(QStringLiteral("SELECT v.conversion_date, v.revenue_amount_cents FROM conversions v JOIN leads l ON l.id = v.lead_id "
                                            "WHERE v.conversion_date >= ? AND v.conversion_date < ? AND v.currency = 'USD' AND %1")
                                 .arg(where),
                             params);
    if (!rows)
        return rows.error();
    QList<qint64> revenue(starts.size(), 0), count(starts.size(), 0);
    for (const auto &r : *rows) {
        const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(0)));
        if (i < 0)
            continue;
        revenue[i] += r.value(1).toLongLong();
        ++count[i];
    }
    QJsonArray items;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const QDateTime end = i + 1 < starts.size() ? starts.at(i + 1) : q.to;
        const QString label = bucketLabel(starts.at(i), q.zone, bucket);
        items.append(QJsonObject{{QStringLiteral("start"), iso(starts.at(i))},
                                 {QStringLiteral("end"), iso(end)},
                                 {QStringLiteral("label"), label},
                                 {QStringLiteral("revenue_cents"), revenue.at(i)},
                                 {QStringLiteral("conversions"), count.at(i)}});
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("period"), q.periodJson()}, {QStringLiteral("bucket"), bucket},
                       {QStringLiteral("items"), items}};
}

core::Result<QJsonObject> RevenueService::forecast(const Query &q, int historyMonths, int horizon)
{
    if (historyMonths < 3 || historyMonths > 120)
        return core::fieldError(QStringLiteral("history_months"), QStringLiteral("must be from 3 to 120"));
    if (horizon < 1 || horizon > 24)
        return core::fieldError(QStringLiteral("months"), QStringLiteral("must be from 1 to 24"));
    const QDate today = m_clock.now().toTimeZone(q.zone).date();
    const QDate thisMonth(today.year(), today.month(), 1);
    Query history = q;
    history.from = QDateTime(thisMonth.addMonths(-historyMonths), QTime(0, 0), q.zone).toUTC();
    history.to = QDateTime(thisMonth, QTime(0, 0), q.zone).toUTC();
    auto monthly = trends(history, QStringLiteral("month"));
    if (!monthly)
        return monthly.error();
    QList<qint64> series;
    QJsonArray past;
    for (const QJsonValue &v : monthly->value(QStringLiteral("items")).toArray()) {
        series.append(v.toObject().value(QStringLiteral("revenue_cents")).toInteger());
        past.append(QJsonObject{{QStringLiteral("month"), v.toObject().value(QStringLiteral("label"))},
                                {QStringLiteral("revenue_cents"), v.toObject().value(QStringLiteral("revenue_cents"))}});
    }
    const Projection p = projectMonthly(series, thisMonth.addMonths(-historyMonths).month(), horizon);
    QJsonArray ahead;
    for (int h = 0; h < p.months.size(); ++h)
        ahead.append(QJsonObject{{QStringLiteral("month"), thisMonth.addMonths(h).toString(QStringLiteral("yyyy-MM"))},
                                 {QStringLiteral("revenue_cents"), p.months.at(h).pointCents},
                                 {QStringLiteral("low_cents"), p.months.at(h).lowCents},
                                 {QStringLiteral("high_cents"), p.months.at(h).highCents}});

    // The open pipeline by expected close month.
    QVariantList params;
    const QString where = leadFilter(q, params);
    auto deals = m_db->select(QStringLiteral("SELECT l.expected_close_date, l.deal_value_cents, s.probability_percent FROM leads l JOIN deal_stages s ON s.stage_key = l.deal_stage "
                                             "WHERE s.kind = 'open' AND l.deal_value_cents IS NOT NULL AND %1")
                                  .arg(where),
                              params);
    if (!deals)
        return deals.error();
    struct Bucket {
        qint64 deals = 0, value = 0, weightedTimes100 = 0;
    };
    QMap<QString, Bucket> byMonth;
    Bucket overdue, noDate, all;
    for (const auto &r : *deals) {
        const qint64 value = r.value(1).toLongLong(), weighted = value * r.value(2).toLongLong();
        Bucket *b = &noDate;
        if (!r.value(0).isNull()) {
            const QDate close = QDate::fromString(r.value(0).toString().left(10), Qt::ISODate);
            b = !close.isValid() ? &noDate : close < thisMonth ? &overdue : &byMonth[close.toString(QStringLiteral("yyyy-MM"))];
        }
        for (Bucket *x : {b, &all}) {
            ++x->deals;
            x->value += value;
            x->weightedTimes100 += weighted;
        }
    }
    auto bucketJson = [](const Bucket &b) {
        return QJsonObject{{QStringLiteral("deals"), b.deals}, {QStringLiteral("value_cents"), b.value}, {QStringLiteral("weighted_cents"), divRound(b.weightedTimes100, 100)}};
    };
    QJsonArray closing;
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it) {
        QJsonObject o = bucketJson(it.value());
        o.insert(QStringLiteral("month"), it.key());
        closing.append(o);
    }
    QJsonObject pipelineJson = bucketJson(all);
    pipelineJson.insert(QStringLiteral("open_deals"), pipelineJson.take(QStringLiteral("deals")));
    pipelineJson.insert(QStringLiteral("by_close_month"), closing);
    pipelineJson.insert(QStringLiteral("overdue"), bucketJson(overdue));
    pipelineJson.insert(QStringLiteral("no_date"), bucketJson(noDate));
    return QJsonObject{
        {QStringLiteral("currency"), QStringLiteral("USD")},
        {QStringLiteral("method"),
         p.seasonal ? QStringLiteral("least-squares line through the monthly revenue plus each calendar month's average departure from it, 95 % prediction interval (Student's t)")
                    : QStringLiteral("least-squares line through the monthly revenue, 95 % prediction interval (Student's t); month-of-year effects need 24 months")},
        {QStringLiteral("history"), past},
        {QStringLiteral("projection"), p.ok ? QJsonValue(ahead) : QJsonValue()},
        {QStringLiteral("fit"), p.ok ? QJsonValue(QJsonObject{{QStringLiteral("months_used"), int(series.size())},
                                                             {QStringLiteral("slope_cents_per_month"), qRound64(p.slopeCentsPerMonth)},
                                                             {QStringLiteral("residual_sd_cents"), qRound64(p.residualSdCents)},
                                                             {QStringLiteral("degrees_of_freedom"), p.degreesOfFreedom},
                                                             {QStringLiteral("seasonal"), p.seasonal}})
                                     : QJsonValue(QStringLiteral("fewer than 3 months of history: no projection"))},
        {QStringLiteral("pipeline"), pipelineJson}};
}

core::Result<QJsonObject> RevenueService::activityTrends(const Query &q, const QString &bucketName)
{
    const QString bucket = bucketName.isEmpty() ? QStringLiteral("day") : bucketName;
    if (bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
        return core::fieldError(QStringLiteral("bucket"), QStringLiteral("must be day, week or month"));
    if (bucket == QLatin1String("day") && q.from.daysTo(q.to) > 1100)
        return core::fieldError(QStringLiteral("bucket"), QStringLiteral("day buckets cover at most three years: choose week or month"));
    auto revenue = trends(q, bucket);
    if (!revenue)
        return revenue.error();
    const QList<QDateTime> starts = bucketStarts(q.from, q.to, q.zone, bucket);
    QList<qint64> created(starts.size(), 0), contacted(starts.size(), 0), cost(starts.size(), 0);
    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    QString where = leadFilter(q, params);
    auto leads = m_db->select(QStringLiteral("SELECT l.created_at FROM leads l WHERE l.created_at >= ? AND l.created_at < ? AND %1").arg(where), params);
    if (!leads)
        return leads.error();
    for (const auto &r : *leads)
        if (const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(0))); i >= 0)
            ++created[i];
    params = {m_db->timestamp(q.from), m_db->timestamp(q.to)};
    where = leadFilter(q, params);
    auto sends = m_db->select(QStringLiteral("SELECT r.sent_at FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id WHERE r.sent_at >= ? AND r.sent_at < ? AND %1")
                                  .arg(where),
                              params);
    if (!sends)
        return sends.error();
    for (const auto &r : *sends)
        if (const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(0))); i >= 0)
            ++contacted[i];
    QVariantList costParams{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString costWhere = costFilter(q, costParams);
    auto costs = m_db->select(QStringLiteral("SELECT c.created_at, c.amount_cents FROM costs c %1 WHERE c.created_at >= ? AND c.created_at < ? AND c.currency = 'USD' AND %2")
                                  .arg(kCostLeadJoin, costWhere),
                              costParams);
    if (!costs)
        return costs.error();
    for (const auto &r : *costs)
        if (const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(0))); i >= 0)
            cost[i] += r.value(1).toLongLong();
    QJsonArray items;
    const QJsonArray money = revenue->value(QStringLiteral("items")).toArray();
    for (qsizetype i = 0; i < starts.size(); ++i) {
        QJsonObject o = money.at(i).toObject();
        o.insert(QStringLiteral("leads_created"), created.at(i));
        o.insert(QStringLiteral("emails_sent"), contacted.at(i));
        o.insert(QStringLiteral("cost_cents"), cost.at(i));
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("period"), q.periodJson()}, {QStringLiteral("bucket"), bucket},
                       {QStringLiteral("items"), items}};
}

// --- costs ---------------------------------------------------------------------------------

core::Result<QJsonObject> RevenueService::addCost(const leads::Actor &actor, const QJsonObject &request)
{
    static const QStringList allowed{QStringLiteral("amount"), QStringLiteral("amount_cents"), QStringLiteral("cost_type"), QStringLiteral("description"),
                                     QStringLiteral("date"),   QStringLiteral("source"),       QStringLiteral("campaign_id"), QStringLiteral("currency")};
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!allowed.contains(it.key()))
            return core::fieldError(it.key(), QStringLiteral("is not a field of a cost"));
    auto amount = amountOf(request);
    if (!amount)
        return amount.error();
    auto currency = currencyOf(request);
    if (!currency)
        return currency.error();
    const QString type = request.value(QStringLiteral("cost_type")).toString(QStringLiteral("operating"));
    static const QStringList types{QStringLiteral("operating"), QStringLiteral("advertising"), QStringLiteral("software"), QStringLiteral("contractor"),
                                   QStringLiteral("scraping"),  QStringLiteral("enrichment"),  QStringLiteral("email"),    QStringLiteral("other")};
    if (!types.contains(type))
        return core::fieldError(QStringLiteral("cost_type"), QStringLiteral("must be one of %1").arg(types.join(QStringLiteral(", "))));
    const QString description = request.value(QStringLiteral("description")).toString().trimmed();
    if (description.isEmpty() || description.size() > 500)
        return core::fieldError(QStringLiteral("description"), QStringLiteral("is required: what it was for (at most 500 characters)"));
    const QDateTime now = m_clock.now().toUTC();
    auto date = whenOf(request, "date", now);
    if (!date)
        return date.error();
    const QString source = request.value(QStringLiteral("source")).toString().trimmed();
    if (source.size() > 50)
        return core::fieldError(QStringLiteral("source"), QStringLiteral("must be at most 50 characters"));
    const QJsonValue campaign = request.value(QStringLiteral("campaign_id"));
    if (!campaign.isUndefined() && !campaign.isNull()) {
        if (!campaign.isDouble() || campaign.toInteger() < 1)
            return core::fieldError(QStringLiteral("campaign_id"), QStringLiteral("must be the id of a campaign"));
        auto exists = m_db->selectOne(QStringLiteral("SELECT id FROM campaigns WHERE id = ?"), {campaign.toInteger()});
        if (!exists)
            return exists.error().code == ErrorCode::NotFound ? core::fieldError(QStringLiteral("campaign_id"), QStringLiteral("names no campaign")) : exists.error();
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, description, source, campaign_id, created_by, created_at) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, %1) RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {type, *amount, *currency, description, source.isEmpty() ? QVariant() : QVariant(source),
                                campaign.isDouble() ? QVariant(campaign.toInteger()) : QVariant(), actor.userId ? QVariant(*actor.userId) : QVariant(),
                                m_db->timestamp(*date)});
    if (!row)
        return row.error();
    return QJsonObject{{QStringLiteral("id"), row->value(0).toLongLong()},
                       {QStringLiteral("cost_type"), type},
                       {QStringLiteral("amount_cents"), *amount},
                       {QStringLiteral("amount"), core::Money{*amount, *currency}.toString()},
                       {QStringLiteral("currency"), *currency},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("date"), iso(*date)},
                       {QStringLiteral("source"), source.isEmpty() ? QJsonValue() : QJsonValue(source)},
                       {QStringLiteral("campaign_id"), campaign.isDouble() ? QJsonValue(campaign.toInteger()) : QJsonValue()}};
}

core::Result<QJsonObject> RevenueService::costs(const Query &q, int limit)
{
    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString where = costFilter(q, params);
    auto total = m_db->selectOne(QStringLiteral("SELECT COALESCE(SUM(c.amount_cents), 0), COUNT(*) FROM costs c %1 WHERE c.created_at >= ? AND c.created_at < ? "
                                                "AND c.currency = 'USD' AND %2")
                                     .arg(kCostLeadJoin, where),
                                 params);
    if (!total)
        return total.error();
    auto rows = m_db->select(QStringLiteral("SELECT c.id, c.cost_type, c.amount_cents, c.currency, c.description, c.created_at, COALESCE(c.source, cl.source), %1, "
                                            "c.related_entity_type, c.related_entity_id FROM costs c %2 WHERE c.created_at >= ? AND c.created_at < ? AND c.currency = 'USD' "
                                            "AND %3 ORDER BY c.created_at DESC, c.id DESC LIMIT %4")
                                 .arg(kCostCampaign, kCostLeadJoin, where)
                                 .arg(qBound(1, limit, 1000)),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (const auto &r : *rows)
        items.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                                 {QStringLiteral("cost_type"), r.value(1).toString()},
                                 {QStringLiteral("amount_cents"), r.value(2).toLongLong()},
                                 {QStringLiteral("currency"), r.value(3).toString()},
                                 {QStringLiteral("description"), r.value(4).toString()},
                                 {QStringLiteral("date"), iso(Database::toDateTime(r.value(5)))},
                                 {QStringLiteral("source"), r.value(6).isNull() ? QJsonValue() : QJsonValue(r.value(6).toString())},
                                 {QStringLiteral("campaign_id"), nullableId(r.value(7))},
                                 {QStringLiteral("related_entity_type"), r.value(8).isNull() ? QJsonValue() : QJsonValue(r.value(8).toString())},
                                 {QStringLiteral("related_entity_id"), nullableId(r.value(9))}});
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("period"), q.periodJson()},
                       {QStringLiteral("total_cents"), total->value(0).toLongLong()},
                       {QStringLiteral("count"), total->value(1).toLongLong()},
                       {QStringLiteral("items"), items}};
}

core::Result<QJsonObject> RevenueService::costBreakdown(const Query &q, const QString &groupByName, const QString &bucketName)
{
    const QString groupBy = groupByName.isEmpty() ? QStringLiteral("cost_type") : groupByName;
    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString where = costFilter(q, params);
    QJsonArray items;
    qint64 total = 0;
    if (groupBy == QLatin1String("period")) {
        const QString bucket = bucketName.isEmpty() ? QStringLiteral("month") : bucketName;
        if (bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
            return core::fieldError(QStringLiteral("bucket"), QStringLiteral("must be day, week or month"));
        const QList<QDateTime> starts = bucketStarts(q.from, q.to, q.zone, bucket);
        auto rows = m_db->select(QStringLiteral("SELECT c.created_at, c.amount_cents, c.cost_type FROM costs c %1 WHERE c.created_at >= ? AND c.created_at < ? "
                                                "AND c.currency = 'USD' AND %2")
                                     .arg(kCostLeadJoin, where),
                                 params);
        if (!rows)
            return rows.error();
        QList<QMap<QString, qint64>> byType(starts.size());
        QList<qint64> sums(starts.size(), 0), counts(starts.size(), 0);
        for (const auto &r : *rows) {
            const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(0)));
            if (i < 0)
                continue;
            sums[i] += r.value(1).toLongLong();
            ++counts[i];
            byType[i][r.value(2).toString()] += r.value(1).toLongLong();
            total += r.value(1).toLongLong();
        }
        for (qsizetype i = 0; i < starts.size(); ++i) {
            QJsonObject types;
            for (auto it = byType.at(i).cbegin(); it != byType.at(i).cend(); ++it)
                types.insert(it.key(), it.value());
            items.append(QJsonObject{{QStringLiteral("key"), bucketLabel(starts.at(i), q.zone, bucket)},
                                     {QStringLiteral("start"), iso(starts.at(i))},
                                     {QStringLiteral("end"), iso(i + 1 < starts.size() ? starts.at(i + 1) : q.to)},
                                     {QStringLiteral("cost_cents"), sums.at(i)},
                                     {QStringLiteral("count"), counts.at(i)},
                                     {QStringLiteral("by_type"), types}});
        }
    } else {
        QString key;
        if (groupBy == QLatin1String("cost_type"))
            key = QStringLiteral("c.cost_type");
        else if (groupBy == QLatin1String("source"))
            key = QStringLiteral("COALESCE(c.source, cl.source, '(none)')");
        else if (groupBy == QLatin1String("campaign"))
            key = QStringLiteral("COALESCE(CAST(") + kCostCampaign + QStringLiteral(" AS TEXT), '(none)')");
        else
            return core::fieldError(QStringLiteral("group_by"), QStringLiteral("must be cost_type, source, campaign or period"));
        auto rows = m_db->select(QStringLiteral("SELECT %1, COALESCE(SUM(c.amount_cents), 0), COUNT(*) FROM costs c %2 WHERE c.created_at >= ? AND c.created_at < ? "
                                                "AND c.currency = 'USD' AND %3 GROUP BY 1 ORDER BY 2 DESC, 1")
                                     .arg(key, kCostLeadJoin, where),
                                 params);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            items.append(QJsonObject{{QStringLiteral("key"), r.value(0).toString()}, {QStringLiteral("cost_cents"), r.value(1).toLongLong()}, {QStringLiteral("count"), r.value(2).toLongLong()}});
            total += r.value(1).toLongLong();
        }
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("period"), q.periodJson()}, {QStringLiteral("group_by"), groupBy},
                       {QStringLiteral("total_cents"), total}, {QStringLiteral("items"), items}};
}

} // namespace fliptech::analytics
