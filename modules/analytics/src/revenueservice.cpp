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
    : m_db(std::move(db)), m_leads(leads), m_clock(clock), m_facts(std::make_unique<FactStore>(m_db)),
      m_raw(qEnvironmentVariable("FLIPTECH_ANALYTICS_RAW") == QLatin1String("1"))
{
}

RevenueService::~RevenueService() = default;

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

using Group = FactStore::Group;
using Sums = FactStore::Sums;
using Table = FactStore::Table;

QString groupName(Group g)
{
    switch (g) {
    case Group::Source: return QStringLiteral("source");
    case Group::Campaign: return QStringLiteral("campaign");
    case Group::Location: return QStringLiteral("location");
    case Group::CostType: return QStringLiteral("cost_type");
    case Group::Overall: break;
    }
    return QStringLiteral("overall");
}

// The sums of FactStore::sums() from SQL over the tables: the reference the facts are tested
// against, and the answer where they cannot be held in memory.
core::Result<Table> sqlSums(Database &db, const Query &q, const QDateTime &from, const QDateTime &to, Group group, unsigned measures,
                            const QList<QDateTime> &starts)
{
    const qsizetype buckets = qMax<qsizetype>(1, starts.size());
    Table out;
    auto row = [&out, buckets](const QString &key) -> QList<Sums> & {
        QList<Sums> &r = out[key];
        if (r.isEmpty())
            r.resize(buckets);
        return r;
    };
    const bool byType = group == Group::CostType;
    const Grouping g = byType ? Grouping{{}, {}, {}, QStringLiteral("c.cost_type")} : *groupingFor(groupName(group));
    struct Fact {
        FactStore::Measure measure;
        QString from, time, test, amount;
        bool cost;
    };
    const Fact facts[] = {
        {FactStore::LeadsIn, QStringLiteral("leads l ") + g.leadJoin, QStringLiteral("l.created_at"), {}, QStringLiteral("0"), false},
        {FactStore::Conversions, QStringLiteral("conversions v JOIN leads l ON l.id = v.lead_id ") + g.leadJoin, QStringLiteral("v.conversion_date"),
         QStringLiteral("v.currency = 'USD' AND "), QStringLiteral("v.revenue_amount_cents"), false},
        {FactStore::Sends, QStringLiteral("campaign_recipients r JOIN leads l ON l.id = r.lead_id ") + g.leadJoin, QStringLiteral("r.sent_at"), {}, QStringLiteral("0"), false},
        {FactStore::Costs, QStringLiteral("costs c ") + kCostLeadJoin + u' ' + g.costJoin, QStringLiteral("c.created_at"), QStringLiteral("c.currency = 'USD' AND "),
         QStringLiteral("c.amount_cents"), true},
    };
    for (const Fact &f : facts) {
        if (!(measures & f.measure) || (byType && !f.cost))
            continue;
        auto put = [&f](Sums &s, qint64 count, qint64 amount) {
            switch (f.measure) {
            case FactStore::LeadsIn: s.leadsIn += count; break;
            case FactStore::Conversions: s.conversions += count, s.revenue += amount; break;
            case FactStore::Sends: s.sends += count; break;
            case FactStore::Costs: s.cost += amount, s.costCount += count; break;
            }
        };
        QVariantList params{db.timestamp(from), db.timestamp(to)};
        const QString where = filterWhere(q, params, f.cost ? kCostColumns : kLeadColumns);
        const QString key = f.cost ? g.costKey : g.leadKey;
        if (starts.isEmpty()) {
            auto rows = db.select(QStringLiteral("SELECT %1, COUNT(*), COALESCE(SUM(%2), 0) FROM %3 WHERE %4 >= ? AND %4 < ? AND %5%6 GROUP BY 1")
                                      .arg(key, f.amount, f.from, f.time, f.test, where),
                                  params);
            if (!rows)
                return rows.error();
            for (const auto &r : *rows)
                put(row(r.value(0).toString())[0], r.value(1).toLongLong(), r.value(2).toLongLong());
        } else {
            auto rows = db.select(QStringLiteral("SELECT %1, %4, %2 FROM %3 WHERE %4 >= ? AND %4 < ? AND %5%6").arg(key, f.amount, f.from, f.time, f.test, where), params);
            if (!rows)
                return rows.error();
            for (const auto &r : *rows)
                if (const qsizetype i = bucketIndex(starts, Database::toDateTime(r.value(1))); i >= 0)
                    put(row(r.value(0).toString())[i], 1, r.value(2).toLongLong());
        }
    }
    return out;
}

// Every key's sums added up (one bucket, or all of them with -1).
Sums total(const Table &t, qsizetype bucket = -1)
{
    Sums out;
    for (const QList<Sums> &row : t)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (bucket >= 0 && i != bucket)
                continue;
            const Sums &s = row.at(i);
            out.leadsIn += s.leadsIn;
            out.conversions += s.conversions;
            out.revenue += s.revenue;
            out.sends += s.sends;
            out.cost += s.cost;
            out.costCount += s.costCount;
        }
    return out;
}
} // namespace

core::Result<FactStore::Table> RevenueService::sums(const Query &q, const QDateTime &from, const QDateTime &to, int group, unsigned measures,
                                                      const QList<QDateTime> &starts)
{
    if (!m_raw) {
        auto t = m_facts->sums(q, from, to, Group(group), measures, starts);
        if (t || t.error().code != ErrorCode::Unavailable)
            return t;
    }
    return sqlSums(*m_db, q, from, to, Group(group), measures, starts);
}

core::Result<qint64> RevenueService::leadsConverted(const Query &q)
{
    if (!m_raw) {
        auto n = m_facts->leadsConvertedWithin(q);
        if (n || n.error().code != ErrorCode::Unavailable)
            return n;
    }
    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to), m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString where = leadFilter(q, params);
    auto r = m_db->selectOne(QStringLiteral("SELECT COUNT(*) FROM leads l WHERE EXISTS (SELECT 1 FROM conversions v WHERE v.lead_id = l.id AND v.conversion_date >= ? "
                                            "AND v.conversion_date < ?) AND l.created_at >= ? AND l.created_at < ? AND %1")
                                 .arg(where),
                             params);
    if (!r)
        return r.error();
    return r->value(0).toLongLong();
}

core::Result<QList<FactStore::Deal>> RevenueService::deals(const Query &q)
{
    QVariantList params;
    const QString where = leadFilter(q, params);
    auto rows = m_db->select(QStringLiteral("SELECT l.deal_stage, l.deal_value_cents, CAST(l.expected_close_date AS TEXT), l.id, l.conversion_date, l.lost_at "
                                            "FROM leads l WHERE l.deal_stage IS NOT NULL AND %1")
                                 .arg(where),
                             params);
    if (!rows)
        return rows.error();
    QList<FactStore::Deal> out;
    auto ms = [](const QVariant &v) { return v.isNull() ? std::nullopt : std::optional<qint64>(Database::toDateTime(v).toMSecsSinceEpoch()); };
    for (const auto &r : *rows)
        out.append({r.value(0).toString(), r.value(1).toLongLong(), !r.value(1).isNull(), QDate::fromString(r.value(2).toString().left(10), Qt::ISODate),
                    r.value(3).toLongLong(), ms(r.value(4)), ms(r.value(5))});
    return out;
}

core::Result<FactStore::DealTotals> RevenueService::dealTotals(const Query &q, const QJsonArray &stages, int perStage)
{
    QHash<QString, QString> kinds;
    for (const QJsonValue &v : stages)
        kinds.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject().value(QStringLiteral("kind")).toString());
    if (!m_raw) {
        auto t = m_facts->dealTotals(q, kinds, perStage);
        if (t || t.error().code != ErrorCode::Unavailable)
            return t;
    }
    auto list = deals(q);
    if (!list)
        return list.error();
    return FactStore::totalDeals(*list, kinds, perStage);
}

core::Result<QJsonObject> RevenueService::dashboard(const Query &q)
{
    const qint64 length = q.from.secsTo(q.to);
    auto period = sums(q, q.from, q.to, int(Group::Overall), FactStore::LeadsIn | FactStore::Conversions | FactStore::Costs);
    if (!period)
        return period.error();
    auto earlier = sums(q, q.from.addSecs(-length), q.from, int(Group::Overall), FactStore::Conversions);
    if (!earlier)
        return earlier.error();
    auto converted = leadsConverted(q);
    if (!converted)
        return converted.error();
    auto stages = pipeline();
    if (!stages)
        return stages.error();
    auto totals = dealTotals(q, *stages, 0);
    if (!totals)
        return totals.error();
    qint64 openDeals = 0, openValue = 0, openWeighted = 0;
    for (const QJsonValue &v : std::as_const(*stages))
        if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("open")) {
            const FactStore::DealSums sums = totals->byStage.value(v.toObject().value(QStringLiteral("key")).toString());
            openDeals += sums.valued;
            openValue += sums.value;
            openWeighted += sums.value * v.toObject().value(QStringLiteral("probability")).toInteger();
        }
    const Sums now = total(*period), before = total(*earlier);
    const qint64 revenue = now.revenue, conversions = now.conversions, cost = now.cost;
    const qint64 leadsCreated = now.leadsIn, leadsConverted = *converted;
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("period"), q.periodJson()},
                       {QStringLiteral("revenue_cents"), revenue},
                       {QStringLiteral("revenue"), core::Money{revenue}.toString()},
                       {QStringLiteral("conversions"), conversions},
                       {QStringLiteral("previous"),
                        QJsonObject{{QStringLiteral("from"), iso(q.from.addSecs(-length))}, {QStringLiteral("to"), iso(q.from)},
                                    {QStringLiteral("revenue_cents"), before.revenue}, {QStringLiteral("conversions"), before.conversions}}},
                       {QStringLiteral("change_percent"), percent(revenue - before.revenue, before.revenue)},
                       {QStringLiteral("average_deal_cents"), conversions > 0 ? QJsonValue(divRound(revenue, conversions)) : QJsonValue()},
                       {QStringLiteral("leads_created"), leadsCreated},
                       {QStringLiteral("leads_converted"), leadsConverted},
                       {QStringLiteral("conversion_rate"), rate(leadsConverted, leadsCreated)},
                       {QStringLiteral("open_deals"), openDeals},
                       {QStringLiteral("pipeline_value_cents"), openValue},
                       {QStringLiteral("weighted_pipeline_cents"), divRound(openWeighted, 100)},
                       {QStringLiteral("spend_cents"), cost},
                       {QStringLiteral("profit_cents"), revenue - cost},
                       {QStringLiteral("roi_percent"), percent(revenue - cost, cost)}};
}

core::Result<QJsonObject> RevenueService::roi(const Query &q, const QString &groupBy)
{
    const auto g = groupingFor(groupBy.isEmpty() ? QStringLiteral("overall") : groupBy);
    if (!g)
        return core::fieldError(QStringLiteral("group_by"), QStringLiteral("must be overall, source, campaign or location"));
    const QString name = groupBy.isEmpty() ? QStringLiteral("overall") : groupBy;
    const Group group = name == QLatin1String("source")     ? Group::Source
                        : name == QLatin1String("campaign") ? Group::Campaign
                        : name == QLatin1String("location") ? Group::Location
                                                            : Group::Overall;
    auto table = sums(q, q.from, q.to, int(group), FactStore::LeadsIn | FactStore::Conversions | FactStore::Costs);
    if (!table)
        return table.error();
    QMap<QString, Totals> by;
    for (auto it = table->cbegin(); it != table->cend(); ++it) {
        const Sums t = total(Table{{it.key(), it.value()}});
        by.insert(it.key(), Totals{t.revenue, t.conversions, t.leadsIn, t.cost});
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
    // Counts, values and each stage's first cards at once (filters apply; the period does not: a
    // board is now). Then the cards' details in one read.
    auto totals = dealTotals(q, *stages, limit);
    if (!totals)
        return totals.error();
    QList<qint64> ids;
    for (const QList<qint64> &first : std::as_const(totals->first))
        ids.append(first);
    QHash<qint64, QJsonObject> cards;
    for (qsizetype start = 0; start < ids.size(); start += 500) {
        QVariantList chunk;
        for (qint64 id : ids.mid(start, 500))
            chunk << id;
        auto rows = m_db->select(QStringLiteral("SELECT l.id, l.name, l.company, l.deal_value_cents, l.expected_close_date, l.assigned_to, l.revenue_amount_cents "
                                                "FROM leads l WHERE l.id IN (%1)")
                                     .arg(Database::placeholders(chunk.size())),
                                 chunk);
        if (!rows)
            return rows.error();
        auto opt = [](const QVariant &x) { return x.isNull() ? QJsonValue() : QJsonValue(x.toLongLong()); };
        for (const auto &r : *rows)
            cards.insert(r.value(0).toLongLong(),
                         QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                                     {QStringLiteral("name"), r.value(1).toString()},
                                     {QStringLiteral("company"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
                                     {QStringLiteral("deal_value_cents"), opt(r.value(3))},
                                     {QStringLiteral("expected_close_date"), r.value(4).isNull() ? QJsonValue() : QJsonValue(r.value(4).toString().left(10))},
                                     {QStringLiteral("assigned_to"), opt(r.value(5))},
                                     {QStringLiteral("revenue_cents"), opt(r.value(6))}});
    }
    QJsonArray columns;
    for (const QJsonValue &v : *stages) {
        const QJsonObject stage = v.toObject();
        const QString key = stage.value(QStringLiteral("key")).toString();
        const FactStore::DealSums sums = totals->byStage.value(key);
        const qint64 count = sums.deals, value = sums.value;
        QJsonArray leadsOut;
        for (qint64 id : totals->first.value(key))
            if (cards.contains(id)) // (a lead deleted since the facts were read is left out)
                leadsOut.append(cards.value(id));
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
        std::optional<QList<qint64>> fromFacts;
        if (!m_raw) {
            const auto measure = figure == QLatin1String("revenue") ? FactStore::Conversions : costs ? FactStore::Costs : FactStore::LeadsIn;
            std::optional<Group> group;
            if (!groupBy.isEmpty())
                group = groupBy == QLatin1String("cost_type") ? Group::CostType
                        : groupBy == QLatin1String("source")  ? Group::Source
                        : groupBy == QLatin1String("campaign") ? Group::Campaign
                                                               : Group::Location;
            auto found = m_facts->leadIds(q, measure, group, key);
            if (found)
                fromFacts = *found;
            else if (found.error().code != ErrorCode::Unavailable)
                return found.error();
        }
        QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
        QString sql;
        if (fromFacts) {
            ids = *fromFacts;
        } else if (figure == QLatin1String("revenue")) {
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
        if (!fromFacts) {
            auto rows = m_db->select(sql, params + keyParams);
            if (!rows)
                return rows.error();
            for (const auto &r : *rows)
                ids << r.value(0).toLongLong();
        }
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
    auto table = sums(q, starts.first(), q.to, int(Group::Overall), FactStore::Conversions, starts);
    if (!table)
        return table.error();
    QList<qint64> revenue(starts.size(), 0), count(starts.size(), 0);
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const Sums t = total(*table, i);
        revenue[i] = t.revenue;
        count[i] = t.conversions;
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
    auto stages = pipeline();
    if (!stages)
        return stages.error();
    auto totals = dealTotals(q, *stages, 0);
    if (!totals)
        return totals.error();
    struct Bucket {
        qint64 deals = 0, value = 0, weightedTimes100 = 0;
    };
    QMap<QString, Bucket> byMonth;
    Bucket overdue, noDate, all;
    const int thisMonthKey = thisMonth.year() * 12 + thisMonth.month() - 1;
    for (const QJsonValue &v : std::as_const(*stages)) {
        if (v.toObject().value(QStringLiteral("kind")).toString() != QLatin1String("open"))
            continue;
        const qint64 probability = v.toObject().value(QStringLiteral("probability")).toInteger();
        const QMap<int, FactStore::DealSums> months = totals->byStageAndMonth.value(v.toObject().value(QStringLiteral("key")).toString());
        for (auto it = months.cbegin(); it != months.cend(); ++it) {
            Bucket *b = it.key() < 0 ? &noDate : it.key() < thisMonthKey ? &overdue : &byMonth[QDate(it.key() / 12, it.key() % 12 + 1, 1).toString(QStringLiteral("yyyy-MM"))];
            for (Bucket *x : {b, &all}) {
                x->deals += it->valued;
                x->value += it->value;
                x->weightedTimes100 += it->value * probability;
            }
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
    auto table = sums(q, q.from, q.to, int(Group::Overall), FactStore::LeadsIn | FactStore::Sends | FactStore::Costs, starts);
    if (!table)
        return table.error();
    QList<qint64> created(starts.size(), 0), contacted(starts.size(), 0), cost(starts.size(), 0);
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const Sums t = total(*table, i);
        created[i] = t.leadsIn;
        contacted[i] = t.sends;
        cost[i] = t.cost;
    }
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
    QJsonArray items;
    qint64 totalCents = 0;
    if (groupBy == QLatin1String("period")) {
        const QString bucket = bucketName.isEmpty() ? QStringLiteral("month") : bucketName;
        if (bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
            return core::fieldError(QStringLiteral("bucket"), QStringLiteral("must be day, week or month"));
        const QList<QDateTime> starts = bucketStarts(q.from, q.to, q.zone, bucket);
        auto table = sums(q, q.from, q.to, int(Group::CostType), FactStore::Costs, starts);
        if (!table)
            return table.error();
        for (qsizetype i = 0; i < starts.size(); ++i) {
            QJsonObject types;
            for (auto it = table->cbegin(); it != table->cend(); ++it)
                if (it.value().at(i).costCount > 0)
                    types.insert(it.key(), it.value().at(i).cost);
            const Sums t = total(*table, i);
            totalCents += t.cost;
            items.append(QJsonObject{{QStringLiteral("key"), bucketLabel(starts.at(i), q.zone, bucket)},
                                     {QStringLiteral("start"), iso(starts.at(i))},
                                     {QStringLiteral("end"), iso(i + 1 < starts.size() ? starts.at(i + 1) : q.to)},
                                     {QStringLiteral("cost_cents"), t.cost},
                                     {QStringLiteral("count"), t.costCount},
                                     {QStringLiteral("by_type"), types}});
        }
    } else {
        Group group;
        if (groupBy == QLatin1String("cost_type"))
            group = Group::CostType;
        else if (groupBy == QLatin1String("source"))
            group = Group::Source;
        else if (groupBy == QLatin1String("campaign"))
            group = Group::Campaign;
        else
            return core::fieldError(QStringLiteral("group_by"), QStringLiteral("must be cost_type, source, campaign or period"));
        auto table = sums(q, q.from, q.to, int(group), FactStore::Costs);
        if (!table)
            return table.error();
        QList<std::tuple<qint64, QString, qint64>> rows; // cost, key, count: the largest first, then by key
        for (auto it = table->cbegin(); it != table->cend(); ++it)
            if (it.value().first().costCount > 0)
                rows.append({it.value().first().cost, it.key(), it.value().first().costCount});
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
            return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
        });
        for (const auto &[cost, key, count] : std::as_const(rows)) {
            items.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("cost_cents"), cost}, {QStringLiteral("count"), count}});
            totalCents += cost;
        }
    }
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("period"), q.periodJson()}, {QStringLiteral("group_by"), groupBy},
                       {QStringLiteral("total_cents"), totalCents}, {QStringLiteral("items"), items}};
}

} // namespace fliptech::analytics
