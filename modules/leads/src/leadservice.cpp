#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/eventcause.h"

#include "fliptech/core/json.h"
#include "fliptech/core/validation.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/normalize.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <algorithm>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcLeads, "fliptech.leads")

namespace fliptech::leads {

using core::ErrorCode;
using storage::Transaction;

namespace {

// Columns that are never NULL sort without a NULLS clause (so an index can serve the order).
bool notNullColumn(const QString &f)
{
    static const QSet<QString> s = {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("source"),
                                    QStringLiteral("contacted_count"), QStringLiteral("created_at"), QStringLiteral("updated_at")};
    return s.contains(f);
}

// SQLite: the index to walk in the order asked for, when a filter matches so many of the
// `leads` live leads that walking finds a page (51 rows after about 51 x leads / matches
// entries, each checked inside the index) sooner than collecting and sorting every match,
// which SQLite's planner prefers whenever an index narrows the filter at all. Collecting costs
// a match a few index entries when the sort key is in the filter's index (newest, score), but
// a seek of its 1 KB row when it is not (name, last contacted): walking pays from about
// sqrt(40 x leads) matches for the first, sqrt(3 x leads) for the others (measured on 1M
// leads). PostgreSQL weighs the two itself.
QString walkIndex(const LeadFilter &filter, const LeadSort &sort, qint64 total, qint64 leads)
{
    if (total <= 0)
        return {};
    if (filter.json().value(QStringLiteral("deleted")).toString(QStringLiteral("exclude")) != QLatin1String("exclude"))
        return {}; // the list indexes hold live leads only
    struct Walk {
        QString index;
        double factor;
    };
    static const QHash<QString, Walk> bySort = {{QStringLiteral("created_at"), {QStringLiteral("leads_list_created_idx"), 40}},
                                                {QStringLiteral("score"), {QStringLiteral("leads_list_score_idx"), 40}},
                                                {QStringLiteral("name"), {QStringLiteral("leads_list_name_idx"), 3}},
                                                {QStringLiteral("last_contacted_at"), {QStringLiteral("leads_list_contacted_idx"), 3}}};
    const auto it = bySort.constFind(sort.field);
    if (it == bySort.cend() || double(total) * double(total) <= it->factor * double(leads))
        return {};
    // Only where the index holds every column the filter tests (ids, the tag and full-text sets
    // are checked against the id it holds); any other column would cost a row seek per entry.
    static const QSet<QString> held = {QStringLiteral("status"), QStringLiteral("city"), QStringLiteral("score"), QStringLiteral("has_email"),
                                       QStringLiteral("has_phone"), QStringLiteral("has_website"), QStringLiteral("tags"), QStringLiteral("q"),
                                       QStringLiteral("ids"), QStringLiteral("deleted")};
    const bool flagsHeld = sort.field != QLatin1String("last_contacted_at");
    for (auto f = filter.json().begin(); f != filter.json().end(); ++f) {
        const bool flag = f.key().startsWith(QLatin1String("has_"));
        if ((!held.contains(f.key()) && f.key() != sort.field) || (flag && !flagsHeld))
            return {};
    }
    return it->index;
}

// The NULL tail of a sort is read by id: when walking pays (see walkIndex), SQLite walks the
// table itself newest id first ("NOT INDEXED"; the rowid is not an index).
QString tailIndex(const QString &walk)
{
    return walk.isEmpty() ? QString() : QStringLiteral("NOT INDEXED");
}

// A filter in the order of a sort, NULLs last, as consecutive ranges that each an index reads
// in order: the non-NULL values, then (for a column that may be NULL) the NULL tail, read by id.
// "NULLS LAST" or "... OR column IS NULL" made both databases collect and sort every match.
struct SortRange {
    QString where;
    bool nullTail = false;
};
QList<SortRange> sortRanges(const QString &where, const LeadSort &sort)
{
    const LeadField *field = sort.field == QLatin1String("id") ? nullptr : leadField(sort.field);
    if (!field || notNullColumn(field->name))
        return {{where, false}};
    return {{where + QStringLiteral(" AND l.%1 IS NOT NULL").arg(field->name), false},
            {where + QStringLiteral(" AND l.%1 IS NULL").arg(field->name), true}};
}

QString encodeCursor(const QJsonValue &value, qint64 id)
{
    return QString::fromLatin1(core::json::compact(QJsonArray{value, id}).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

core::Error badCursor()
{
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("cursor is not one this server gave out (start again without it)"),
                           {{QStringLiteral("cursor"), QStringLiteral("invalid")}});
}

QJsonObject diffOf(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject changes;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.key() == QLatin1String("updated_at") || it.key() == QLatin1String("tags"))
            continue;
        if (before.value(it.key()) != it.value())
            changes.insert(it.key(), QJsonObject{{QStringLiteral("from"), before.value(it.key())}, {QStringLiteral("to"), it.value()}});
    }
    return changes;
}

} // namespace

QJsonObject BulkReport::toJson() const
{
    return {{QStringLiteral("matched"), matched}, {QStringLiteral("changed"), changed},
            {QStringLiteral("failed_batches"), failedBatches}, {QStringLiteral("cancelled"), cancelled}};
}

LeadService::LeadService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_events(events), m_clock(clock)
{
    m_recount.setMaxThreadCount(1);
}

LeadService::~LeadService()
{
    m_recount.waitForDone();
}

thread_local int LeadService::t_quiet = 0;

namespace {
constexpr qint64 kPageCacheMs = 1000;
constexpr qint64 kCountFreshMs = 5000;
constexpr int kPageCacheEntries = 128;
} // namespace

void LeadService::touch()
{
    ++m_generation;
    if (!t_quiet)
        Q_EMIT leadsChanged();
}

namespace {
thread_local std::optional<EventCause> t_cause;
}

CauseScope::CauseScope(EventCause cause) : m_previous(t_cause)
{
    t_cause = cause;
}

CauseScope::~CauseScope()
{
    t_cause = m_previous;
}

std::optional<EventCause> CauseScope::current()
{
    return t_cause;
}

void LeadService::announce(const QString &type, const QJsonObject &payload, std::optional<qint64> userId)
{
    touch();
    if (!m_events || t_quiet)
        return;
    QJsonObject body = payload;
    if (t_cause) // made by a rule: the rules engine cuts loops by it
        body.insert(QStringLiteral("cause"), QJsonObject{{QStringLiteral("rule_id"), t_cause->ruleId}, {QStringLiteral("depth"), t_cause->depth}});
    // The change is committed; a lost event only delays other desktops' refresh to their next
    // change or F5.
    if (auto e = m_events->append(type, QStringLiteral("leads"), body, userId); !e)
        qCWarning(lcLeads).noquote() << "cannot announce" << type << e.error().message;
}

QJsonObject LeadService::rowToJson(const QVariantList &values) const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), values.value(0).toLongLong());
    const auto &fields = leadFields();
    for (qsizetype i = 0; i < fields.size(); ++i)
        o.insert(fields[i].name, fieldToJson(fields[i], values.value(i + 1)));
    return o;
}

core::Result<QHash<qint64, QJsonArray>> LeadService::tagsOf(const QVariantList &ids)
{
    QHash<qint64, QJsonArray> tags;
    if (ids.isEmpty())
        return tags;
    auto rows = m_db->select(QStringLiteral("SELECT lt.lead_id, t.id, t.name, t.color FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id "
                                            "WHERE lt.lead_id IN (%1) ORDER BY lower(t.name)").arg(storage::Database::placeholders(ids.size())), ids);
    if (!rows)
        return rows.error();
    for (const auto &r : *rows)
        tags[r.value(0).toLongLong()].append(QJsonObject{{QStringLiteral("id"), r.value(1).toLongLong()},
                                                         {QStringLiteral("name"), r.value(2).toString()},
                                                         {QStringLiteral("color"), r.value(3).isNull() ? QJsonValue() : QJsonValue(r.value(3).toString())}});
    return tags;
}

core::Status LeadService::attachTags(QJsonArray &items)
{
    QVariantList ids;
    for (const auto &item : std::as_const(items))
        ids << item.toObject().value(QStringLiteral("id")).toInteger();
    auto tags = tagsOf(ids);
    if (!tags)
        return tags.error();
    for (int i = 0; i < items.size(); ++i) {
        QJsonObject o = items[i].toObject();
        o.insert(QStringLiteral("tags"), tags->value(o.value(QStringLiteral("id")).toInteger()));
        items[i] = o;
    }
    return {};
}

core::Result<qint64> LeadService::count(const LeadFilter &filter)
{
    auto t = total(filter, true);
    if (!t)
        return t.error();
    return t->value;
}

core::Result<LeadTotal> LeadService::total(const LeadFilter &filter, bool exact)
{
    auto listed = listCondition(filter, nullptr);
    if (!listed)
        return listed.error();
    const SqlCondition &cond = *listed;
    QString key = cond.from + u'\x1f' + cond.where;
    for (const QVariant &p : cond.params)
        key += u'\x1f' + p.toString();
    const quint64 gen = m_generation.load();
    const qint64 now = m_clock.monotonicMs();
    const QString sql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(cond.from, cond.where);
    {
        QMutexLocker lock(&m_countMutex);
        const auto it = m_counts.find(key);
        if (it != m_counts.end() && it->generation == gen && (it->exact || !exact)) {
            // Nothing changed through this service: only another process could have changed
            // the count, so an old one is answered now and counted again once in the background.
            if (now - it->atMs >= kCountFreshMs && !it->refreshing) {
                it->refreshing = true;
                m_recount.start([this, key, sql, cond, gen, wasExact = it->exact] {
                    auto fresh = wasExact ? [&]() -> core::Result<LeadTotal> {
                        auto row = m_db->selectOne(sql, cond.params);
                        if (!row)
                            return row.error();
                        return LeadTotal{row->value(0).toLongLong(), true};
                    }()
                                          : countBounded(cond);
                    const qint64 at = m_clock.monotonicMs();
                    QMutexLocker relock(&m_countMutex);
                    const auto again = m_counts.find(key);
                    if (again == m_counts.end() || again->generation != gen)
                        return; // changed meanwhile: the next request counts afresh
                    again->refreshing = false;
                    if (fresh) {
                        again->count = fresh->value;
                        again->exact = fresh->exact;
                        again->atMs = at;
                    }
                });
            }
            return LeadTotal{it->count, it->exact};
        }
    }
    core::Result<LeadTotal> counted = LeadTotal{};
    if (exact) {
        auto row = m_db->selectOne(sql, cond.params);
        if (!row)
            return row.error();
        counted = LeadTotal{row->value(0).toLongLong(), true};
    } else {
        counted = countBounded(cond);
        if (!counted)
            return counted.error();
    }
    QMutexLocker lock(&m_countMutex);
    if (m_counts.size() > 256)
        m_counts.clear();
    m_counts.insert(key, {counted->value, gen, now, false, counted->exact});
    return *counted;
}

core::Result<LeadTotal> LeadService::countBounded(const SqlCondition &cond)
{
    const QString &where = cond.where;
    const QVariantList &params = cond.params;
    // SQLite (which has no estimate to ask for): counted exactly when that is cheap (an index
    // narrows the filter to some tens of thousands of entries: a few milliseconds), else given
    // up after 15 ms (exactCountBudgetMs). First, rather than after the bounded count below: for
    // most filters that count was read twice (a city with a score range: 10,001 entries, then
    // all 17,855 again).
    const bool sqliteBudget = !m_db->isPostgres() && m_exactCountBudgetMs > 0;
    if (sqliteBudget) {
        if (auto all = m_db->selectOneWithin(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(cond.from, where), params, m_exactCountBudgetMs))
            return LeadTotal{all->value(0).toLongLong(), true};
        else if (all.error().code != ErrorCode::Cancelled)
            return all.error();
    }
    // Exact while there are few: the count stops at the limit, so it never costs more than
    // reading the candidates for that many matches. (Given a time budget too, it turned a
    // tag's 8,400 leads into PostgreSQL's semi-join estimate, half the real count, and a cold
    // connection's exact counts into estimates: measured, not kept.)
    auto row = m_db->selectOne(boundedCountSql(cond), params);
    if (!row)
        return row.error();
    const qint64 bounded = row->value(0).toLongLong();
    if (bounded <= exactTotalLimit)
        return LeadTotal{bounded, true};
    if (m_db->isPostgres()) {
        // Many: the planner's estimate (from the statistics ANALYZE keeps), which costs a
        // planning and no execution; counting the sample below would cost as much as counting
        // exactly whenever an index narrows the filter.
        auto plan = m_db->selectOne(QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM %1 WHERE %2").arg(cond.from, where), params);
        if (!plan)
            return plan.error();
        const QJsonArray doc = QJsonDocument::fromJson(plan->value(0).toString().toUtf8()).array();
        const double rows = doc.at(0).toObject().value(QStringLiteral("Plan")).toObject().value(QStringLiteral("Plan Rows")).toDouble();
        return LeadTotal{qMax<qint64>(exactTotalLimit + 1, qRound64(rows)), false};
    }
    // Many, on SQLite, too many to count in the budget: the estimate, the matches among a fixed
    // sample of ids (16 slices spread over the id range, 2 % of it), scaled to the whole range.
    // The same slices every time, so an unchanged filter gets the same estimate; ids are not
    // correlated with any filter field, so the sample is fair.
    auto bounds = idBounds();
    if (!bounds)
        return bounds.error();
    const qint64 lo = bounds->first, hi = bounds->second;
    const qint64 span = hi - lo + 1;
    constexpr int slices = 16;
    const qint64 width = qMax<qint64>(1024, span / 50 / slices);
    if (width * slices * 2 >= span) {
        auto all = m_db->selectOne(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(cond.from, where), params);
        if (!all)
            return all.error();
        return LeadTotal{all->value(0).toLongLong(), true};
    }
    QStringList ranges;
    const qint64 stride = span / slices;
    for (int i = 0; i < slices; ++i) {
        // A fixed offset inside each stride (not its start: imports fill ids in blocks).
        const qint64 first = lo + i * stride + ((i * 7919) % qMax<qint64>(1, stride - width));
        // Numbers of our own, written into the SQL so that the planner sees how narrow the
        // slices are (bound, SQLite read every row of them instead of the filter's index).
        ranges << QStringLiteral("l.id BETWEEN %1 AND %2").arg(first).arg(first + width - 1);
    }
    // The slices' rows by id ("NOT INDEXED": the rowid is not an index), 20,000 rows, about 8 ms
    // at 1M leads: the filter's own index would cost what the exact count that ran out of time
    // above costs (a broad score range: 390 ms, its 520,000 entries each checked for the id).
    const QString from = cond.from == SqlCondition().from && !m_db->isPostgres() ? cond.from + QStringLiteral(" NOT INDEXED") : cond.from;
    auto sample = m_db->selectOne(QStringLiteral("SELECT count(*) FROM %1 WHERE (%2) AND (%3)").arg(from, where, ranges.join(QStringLiteral(" OR "))),
                                  params);
    if (!sample)
        return sample.error();
    const double estimate = double(sample->value(0).toLongLong()) * double(span) / double(width * slices);
    // More than the limit, known: an estimate below it would contradict the count above.
    return LeadTotal{qMax<qint64>(exactTotalLimit + 1, qRound64(estimate)), false};
}

core::Result<std::pair<qint64, qint64>> LeadService::idBounds()
{
    // (Two sub-selects: SQLite answers min() or max() from the end of the key, but not both at once.)
    auto bounds = m_db->selectOne(QStringLiteral("SELECT (SELECT min(id) FROM leads), (SELECT max(id) FROM leads)"));
    if (!bounds)
        return bounds.error();
    return std::pair<qint64, qint64>{bounds->value(0).toLongLong(), bounds->value(1).toLongLong()};
}

core::Result<QString> LeadService::walkIndexFor(const LeadFilter &filter, const SqlCondition &cond, const LeadSort &sort, qint64 total)
{
    if (m_db->isPostgres() || cond.from != SqlCondition().from)
        return QString(); // (a tag's list reads a range of that tag's index whatever the order)
    auto b = idBounds(); // the ids between the lowest and the highest: about the number of leads
    if (!b)
        return b.error();
    return walkIndex(filter, sort, total, qMax<qint64>(0, b->second - b->first + 1));
}

core::Result<storage::Rows> LeadService::pageIds(const SqlCondition &cond, const LeadSort &sort, int limit, qint64 offset, bool reverse,
                                                 const QString &index)
{
    auto rows = m_db->select(pageIdsSql(cond, sort, limit, offset, reverse, index), cond.params);
    if (!rows && !index.isEmpty()) {
        // A hint SQLite cannot follow ("no such index": a bulk load is rebuilding it; "no query
        // solution") costs speed, never the answer.
        qCWarning(lcLeads).noquote() << "reading without" << index << "-" << rows.error().message;
        return m_db->select(pageIdsSql(cond, sort, limit, offset, reverse, {}), cond.params);
    }
    return rows;
}

QString LeadService::pageIdsSql(const SqlCondition &cond, const LeadSort &sort, int limit, qint64 offset, bool reverse, const QString &index)
{
    // Only the id and the sort key: an index that holds the filter's columns and the sort key
    // answers this alone (a covering scan), so a page reads 50 wide rows, not every match.
    const QString key = sort.field == QLatin1String("id") ? QStringLiteral("l.id") : QStringLiteral("l.") + sort.field;
    const bool desc = sort.descending != reverse;
    const QString dir = desc ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString hint = index.isEmpty() ? QString() : index == QLatin1String("NOT INDEXED") ? QString(u' ' + index) : QString(QStringLiteral(" INDEXED BY ") + index);
    QString sql = QStringLiteral("SELECT l.id, %1 FROM %2%3 WHERE %4 ORDER BY ").arg(key, cond.from, hint, cond.where);
    sql += sort.field == QLatin1String("id") ? QString(QStringLiteral("l.id") + dir) : QString(key + dir + QStringLiteral(", l.id") + dir);
    sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    if (offset > 0)
        sql += QStringLiteral(" OFFSET ") + QString::number(offset);
    return sql;
}

QString LeadService::boundedCountSql(const SqlCondition &cond)
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 WHERE %2 LIMIT %3) s").arg(cond.from, cond.where, QString::number(exactTotalLimit + 1));
}

core::Result<SqlCondition> LeadService::listCondition(const LeadFilter &filter, const LeadSort *sort)
{
    const std::optional<QJsonValue> tag = filter.listTag(sort);
    if (!tag)
        return filter.toSql(*m_db);
    if (tag->isDouble())
        return filter.toSql(*m_db, qint64(tag->toDouble()));
    auto id = m_db->select(QStringLiteral("SELECT id FROM tags WHERE lower(name) = lower(?)"), {tag->toString()});
    if (!id)
        return id.error();
    if (id->isEmpty())
        return filter.toSql(*m_db); // no such tag: nothing matches, as the leads' condition says
    return filter.toSql(*m_db, id->first().value(0).toLongLong());
}

core::Result<QJsonObject> LeadService::queryPlans(const LeadFilter &filter, const LeadSort &sort)
{
    auto pageCond = listCondition(filter, &sort);
    if (!pageCond)
        return pageCond.error();
    auto countCond = listCondition(filter, nullptr);
    if (!countCond)
        return countCond.error();
    auto total = this->total(filter);
    if (!total)
        return total.error();
    auto explain = [&](const QString &sql, const QVariantList &params) -> core::Result<QString> {
        auto rows = m_db->select((m_db->isPostgres() ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + sql, params);
        if (!rows)
            return rows.error();
        QStringList lines;
        for (const auto &r : *rows)
            lines << r.value(m_db->isPostgres() ? 0 : 3).toString();
        return lines.join(u'\n');
    };
    auto walk = walkIndexFor(filter, *pageCond, sort, total->value);
    if (!walk)
        return walk.error();
    // The first range of the first page (the non-NULL values of a sort that may be NULL).
    SqlCondition first = *pageCond;
    first.where = sortRanges(pageCond->where, sort).first().where;
    auto page = explain(pageIdsSql(first, sort, 51, 0, false, *walk), first.params);
    if (!page)
        return page.error();
    auto count = explain(boundedCountSql(*countCond), countCond->params);
    if (!count)
        return count.error();
    return QJsonObject{{QStringLiteral("page"), *page}, {QStringLiteral("total"), *count},
                       {QStringLiteral("total_value"), total->value}, {QStringLiteral("total_exact"), total->exact}};
}

core::Result<storage::Rows> LeadService::rowsOf(const storage::Rows &idRows)
{
    if (idRows.isEmpty())
        return storage::Rows();
    QVariantList ids;
    ids.reserve(idRows.size());
    for (const auto &r : idRows)
        ids << r.value(0);
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM leads l WHERE l.id IN (%2)").arg(leadSelectColumns(*m_db), storage::Database::placeholders(ids.size())),
                             ids);
    if (!rows)
        return rows.error();
    QHash<qint64, qsizetype> at;
    at.reserve(rows->size());
    for (qsizetype i = 0; i < rows->size(); ++i)
        at.insert(rows->at(i).value(0).toLongLong(), i);
    storage::Rows ordered;
    ordered.reserve(rows->size());
    for (const auto &r : idRows)
        if (const auto it = at.constFind(r.value(0).toLongLong()); it != at.cend())
            ordered.append(rows->at(*it));
    return ordered;
}

// A page is read as consecutive ranges of the sort, each an index range on its own (see
// sortRanges()); after a cursor:
//  - the rest of the cursor's value: column = v AND id beyond the cursor's;
//  - the values beyond (these two are one row-value range on PostgreSQL);
//  - for a column that may be NULL, the NULL tail.
// One query with "(column, id) > (v, id)" made SQLite walk every entry equal to v from the
// start (after an import every lead has the same created_at; docs/benchmarks.md).
core::Result<QList<LeadService::PageRange>> LeadService::pageRanges(const SqlCondition &cond, const LeadSort &sort, const QString &cursor)
{
    const QString &where = cond.where;
    const QVariantList &params = cond.params;
    QList<PageRange> ranges;
    auto range = [&](const QString &w, const QVariantList &p, bool nullTail = false) { ranges.append({{w, p, cond.from}, nullTail}); };
    if (cursor.isEmpty()) {
        for (const SortRange &r : sortRanges(where, sort))
            range(r.where, params, r.nullTail);
        return ranges;
    }
    const QJsonArray c = QJsonDocument::fromJson(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding)).array();
    if (c.size() != 2 || !c.at(1).isDouble())
        return badCursor();
    const qint64 lastId = c.at(1).toInteger();
    const QString cmp = sort.descending ? QStringLiteral("<") : QStringLiteral(">");
    const LeadField *sortField = sort.field == QLatin1String("id") ? nullptr : leadField(sort.field);
    if (!sortField) {
        range(where + QStringLiteral(" AND l.id %1 ?").arg(cmp), params + QVariantList{lastId});
        return ranges;
    }
    const QString col = QStringLiteral("l.") + sortField->name;
    QString valueError;
    const QVariant v = fieldFromJson(*m_db, *sortField, c.at(0), &valueError);
    if (!valueError.isEmpty())
        return badCursor();
    const QString ph = fieldPlaceholder(*m_db, *sortField);
    if (v.isNull()) {
        // Already in the NULL tail.
        range(where + QStringLiteral(" AND %1 IS NULL AND l.id %2 ?").arg(col, cmp), params + QVariantList{lastId}, true);
    } else if (m_db->isPostgres()) {
        // PostgreSQL bounds a B-tree scan by the row value itself: one range.
        range(where + QStringLiteral(" AND (%1, l.id) %2 (%3, ?)").arg(col, cmp, ph), params + QVariantList{v, lastId});
    } else {
        range(where + QStringLiteral(" AND %1 = %2 AND l.id %3 ?").arg(col, ph, cmp), params + QVariantList{v, lastId});
        range(where + QStringLiteral(" AND %1 %2 %3").arg(col, cmp, ph), params + QVariantList{v});
    }
    if (!v.isNull() && !notNullColumn(sortField->name))
        range(where + QStringLiteral(" AND %1 IS NULL").arg(col), params, true);
    return ranges;
}

// Up to limit + 1 ids (the one past the page says there is a next), range after range; where
// the NULL tail's rows begin among them.
core::Result<LeadService::PageIds> LeadService::readPageIds(const QList<PageRange> &ranges, const LeadSort &sort, int limit, const QString &index)
{
    LeadSort byId = sort;
    byId.field = QStringLiteral("id");
    PageIds out;
    for (qsizetype i = 0; i < ranges.size() && out.rows.size() <= limit; ++i) {
        const PageRange &r = ranges.at(i);
        auto more = pageIds(r.cond, r.nullTail ? byId : sort, int(limit + 1 - out.rows.size()), 0, false, r.nullTail ? tailIndex(index) : index);
        if (!more)
            return more.error();
        out.rows.append(*more);
        if (r.nullTail && !more->isEmpty())
            out.firstTailRow = qMin(out.firstTailRow, out.rows.size() - more->size());
    }
    return out;
}

// The page's leads with their tags, as JSON text (the API) or objects (the desktop).
core::Status LeadService::fillItems(LeadPage &page, const storage::Rows &idRows, bool asJsonText)
{
    auto rows = rowsOf(idRows);
    if (!rows)
        return rows.error();
    QVariantList ids;
    for (const auto &r : std::as_const(*rows))
        ids << r.value(0);
    auto tags = tagsOf(ids);
    if (!tags)
        return tags.error();
    if (!asJsonText) {
        for (const auto &r : std::as_const(*rows)) {
            QJsonObject o = rowToJson(r.values());
            o.insert(QStringLiteral("tags"), tags->value(r.value(0).toLongLong()));
            page.items.append(o);
        }
        return {};
    }
    page.itemsJson.reserve(rows->size() * 1200);
    page.itemsJson += '[';
    for (qsizetype i = 0; i < rows->size(); ++i) {
        if (i)
            page.itemsJson += ',';
        const auto t = tags->constFind(rows->at(i).value(0).toLongLong());
        appendLeadJson(page.itemsJson, rows->at(i).values(), t == tags->cend() ? QByteArray() : core::json::compact(*t));
    }
    page.itemsJson += ']';
    return {};
}

core::Result<LeadPage> LeadService::list(const ListOptions &options)
{
    const int limit = qBound(1, options.limit, maxReadPageSize);
    const LeadSort &sort = options.sort;
    auto cond = listCondition(options.filter, &sort);
    if (!cond)
        return cond.error();
    auto ranges = pageRanges(*cond, sort, options.cursor);
    if (!ranges)
        return ranges.error();

    const quint64 gen = m_generation.load();
    const qint64 now = m_clock.monotonicMs();
    QString pageKey;
    if (options.asJsonText) {
        pageKey = ranges->first().cond.from + ranges->first().cond.where + sort.toString() + QString::number(limit) + (options.withTotal ? u'T' : u'-') + (options.exactTotal ? u'E' : u'-');
        for (const QVariant &p : std::as_const(ranges->first().cond.params))
            pageKey += u'\x1f' + p.toString();
        QMutexLocker lock(&m_pageMutex);
        const auto it = m_pages.constFind(pageKey);
        if (it != m_pages.cend() && it->generation == gen && now - it->atMs < kPageCacheMs)
            return it->page;
    }
    // The total first: it is cheap (see total()), and how many leads match decides how SQLite
    // reads the page.
    std::optional<LeadTotal> total;
    QString index;
    if (options.withTotal || !m_db->isPostgres()) {
        auto t = this->total(options.filter, options.exactTotal);
        if (!t)
            return t.error();
        total = *t;
        auto walk = walkIndexFor(options.filter, *cond, sort, total->value);
        if (!walk)
            return walk.error();
        index = *walk;
    }
    auto ids = readPageIds(*ranges, sort, limit, index);
    if (!ids)
        return ids.error();
    LeadPage page;
    const qsizetype n = qMin<qsizetype>(ids->rows.size(), limit);
    page.count = int(n);
    if (ids->rows.size() > limit) {
        const storage::Row &last = ids->rows.at(n - 1);
        const LeadField *sortField = sort.field == QLatin1String("id") ? nullptr : leadField(sort.field);
        const QJsonValue sortValue = sortField && n - 1 < ids->firstTailRow ? fieldToJson(*sortField, last.value(1)) : QJsonValue();
        page.nextCursor = encodeCursor(sortValue, last.value(0).toLongLong());
        ids->rows.resize(n);
    }
    if (auto st = fillItems(page, ids->rows, options.asJsonText); !st)
        return st.error();
    if (options.withTotal && total) {
        page.total = total->value;
        page.totalExact = total->exact;
        if (!page.totalExact) // never fewer than this page shows
            page.total = qMax(page.total, qint64(page.count) + (page.nextCursor.isEmpty() ? 0 : 1));
        if (options.cursor.isEmpty() && page.nextCursor.isEmpty() && page.total != page.count) {
            // The whole result is on this page: a count from before a change another process made.
            page.total = page.count;
            page.totalExact = true;
        }
    }
    if (options.asJsonText) {
        QMutexLocker lock(&m_pageMutex);
        if (m_pages.size() >= kPageCacheEntries)
            m_pages.clear();
        m_pages.insert(pageKey, {page, gen, now}); // the generation read before the query: a change since makes it stale
    }
    return page;
}

core::Result<QJsonArray> LeadService::window(const LeadFilter &filter, const LeadSort &sort, qint64 offset, int limit, qint64 total)
{
    auto listed = listCondition(filter, &sort);
    if (!listed)
        return listed.error();
    const SqlCondition &cond = *listed;
    limit = qBound(1, limit, 5000);
    offset = qMax<qint64>(0, offset);
    const bool fromEnd = total > 0 && offset > total / 2;
    qint64 skip = offset;
    int take = limit;
    if (fromEnd) {
        // Rows [offset, offset+limit) are rows [total-offset-limit, total-offset) read backwards.
        const qint64 endExclusive = qMin(total, offset + limit);
        skip = total - endExclusive;
        take = int(endExclusive - offset);
        if (take <= 0)
            return QJsonArray();
    }
    // The sort's ranges (see sortRanges()); read backwards, the NULL tail comes first.
    QList<SortRange> ranges = sortRanges(cond.where, sort);
    if (fromEnd)
        std::reverse(ranges.begin(), ranges.end());
    LeadSort byId = sort;
    byId.field = QStringLiteral("id");
    auto walk = walkIndexFor(filter, cond, sort, total);
    if (!walk)
        return walk.error();
    storage::Rows idRows;
    for (const SortRange &r : std::as_const(ranges)) {
        if (idRows.size() >= take)
            break;
        auto part = pageIds({r.where, cond.params, cond.from}, r.nullTail ? byId : sort, int(take - idRows.size()), skip, fromEnd,
                            r.nullTail ? tailIndex(*walk) : *walk);
        if (!part)
            return part.error();
        if (part->isEmpty() && skip > 0 && ranges.size() > 1) {
            // The window starts past this range: skip what it holds.
            auto counted = m_db->selectOne(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(cond.from, r.where), cond.params);
            if (!counted)
                return counted.error();
            skip = qMax<qint64>(0, skip - counted->value(0).toLongLong());
            continue;
        }
        idRows.append(*part);
        skip = 0;
    }
    auto rows = rowsOf(idRows);
    if (!rows)
        return rows.error();
    QJsonArray items;
    if (fromEnd) {
        for (qsizetype i = rows->size() - 1; i >= 0; --i)
            items.append(rowToJson(rows->at(i).values()));
    } else {
        for (const auto &r : std::as_const(*rows))
            items.append(rowToJson(r.values()));
    }
    if (auto st = attachTags(items); !st)
        return st.error();
    return items;
}

core::Result<QJsonObject> LeadService::get(qint64 id, bool includeDeleted)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM leads l WHERE l.id = ?%2")
                                   .arg(leadSelectColumns(*m_db), includeDeleted ? QString() : QStringLiteral(" AND l.deleted_at IS NULL")),
                               {id});
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("lead %1 does not exist").arg(id));
        return row.error();
    }
    QJsonArray items{rowToJson(row->values())};
    if (auto st = attachTags(items); !st)
        return st.error();
    return items.first().toObject();
}

core::Result<QHash<qint64, QJsonObject>> LeadService::getMany(const QList<qint64> &ids)
{
    QHash<qint64, QJsonObject> out;
    constexpr qsizetype perQuery = 500;
    for (qsizetype from = 0; from < ids.size(); from += perQuery) {
        QVariantList chunk;
        for (qsizetype i = from; i < std::min(ids.size(), from + perQuery); ++i)
            chunk << ids.at(i);
        auto rows = m_db->select(QStringLiteral("SELECT %1 FROM leads l WHERE l.id IN (%2) AND l.deleted_at IS NULL")
                                     .arg(leadSelectColumns(*m_db), storage::Database::placeholders(chunk.size())),
                                 chunk);
        if (!rows)
            return rows.error();
        QJsonArray items;
        for (const auto &r : *rows)
            items.append(rowToJson(r.values()));
        if (auto st = attachTags(items); !st)
            return st.error();
        for (const QJsonValue &v : items)
            out.insert(v.toObject().value(QStringLiteral("id")).toInteger(), v.toObject());
    }
    return out;
}

core::Result<QJsonObject> LeadService::validateFields(const QJsonObject &fields, bool forCreate, QHash<QString, QVariant> *values)
{
    QJsonObject problems;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const LeadField *f = leadField(it.key());
        if (!f || !f->writable) {
            problems.insert(it.key(), f ? QStringLiteral("cannot be set") : QStringLiteral("is not a lead field"));
            continue;
        }
        QString error;
        const QVariant v = fieldFromJson(*m_db, *f, it.value(), &error);
        if (!error.isEmpty()) {
            problems.insert(it.key(), error);
            continue;
        }
        values->insert(f->name, v);
    }
    // Contact data: checked and normalised the same way everywhere.
    if (values->contains(QStringLiteral("email")) && !values->value(QStringLiteral("email")).isNull()) {
        const QString email = normalizeEmail(values->value(QStringLiteral("email")).toString());
        if (email.isEmpty())
            problems.insert(QStringLiteral("email"), QStringLiteral("not a valid address"));
        else
            values->insert(QStringLiteral("email"), email);
    }
    if (values->contains(QStringLiteral("phone")) && !values->value(QStringLiteral("phone")).isNull()) {
        const QString country = values->value(QStringLiteral("country")).toString();
        const QString e164 = normalizePhone(values->value(QStringLiteral("phone")).toString(),
                                            callingCode(country).isEmpty() ? QStringLiteral("US") : country);
        if (!e164.isEmpty())
            values->insert(QStringLiteral("phone"), e164);
    }
    if (values->contains(QStringLiteral("website"))) {
        const QString domain = websiteDomain(values->value(QStringLiteral("website")).toString());
        values->insert(QStringLiteral("website_domain"), domain.isEmpty() ? QVariant() : QVariant(domain));
    }
    if (values->contains(QStringLiteral("name")) && !values->value(QStringLiteral("name")).isNull() &&
        !fields.contains(QStringLiteral("first_name")) && !fields.contains(QStringLiteral("last_name"))) {
        const PersonName n = splitName(values->value(QStringLiteral("name")).toString());
        if (forCreate) {
            values->insert(QStringLiteral("first_name"), n.first.isEmpty() ? QVariant() : QVariant(n.first));
            values->insert(QStringLiteral("last_name"), n.last.isEmpty() ? QVariant() : QVariant(n.last));
        }
    } else if (forCreate && values->value(QStringLiteral("name")).isNull() &&
               (!values->value(QStringLiteral("first_name")).isNull() || !values->value(QStringLiteral("last_name")).isNull())) {
        values->insert(QStringLiteral("name"), QString(values->value(QStringLiteral("first_name")).toString() + u' ' +
                                                values->value(QStringLiteral("last_name")).toString()).trimmed());
    }
    static const QString notNull[] = {QStringLiteral("status"), QStringLiteral("source"), QStringLiteral("deal_currency"),
                                      QStringLiteral("contacted_count")}; // NOT NULL columns
    for (const QString &key : notNull)
        if (const auto it = values->constFind(key); it != values->cend() && it->isNull())
            problems.insert(key, QStringLiteral("cannot be empty"));
    if (const QVariant st = values->value(QStringLiteral("email_status")); !st.isNull() &&
        !QStringList{QStringLiteral("valid"), QStringLiteral("risky"), QStringLiteral("invalid")}.contains(st.toString()))
        problems.insert(QStringLiteral("email_status"), QStringLiteral("must be valid, risky or invalid"));
    // A new address has not been checked: what was said of the old one goes.
    if (!forCreate && values->contains(QStringLiteral("email")) && !values->contains(QStringLiteral("email_status"))) {
        values->insert(QStringLiteral("email_status"), QVariant());
        values->insert(QStringLiteral("email_checked_at"), QVariant());
        values->insert(QStringLiteral("email_verification"), QVariant());
    }
    if (values->contains(QStringLiteral("deal_currency")) && values->value(QStringLiteral("deal_currency")).toString().size() != 3)
        problems.insert(QStringLiteral("deal_currency"), QStringLiteral("must be a 3-letter currency code"));
    // References name rows that exist (the database would refuse them with an opaque error).
    for (const auto &[key, table] : {std::pair{QStringLiteral("assigned_to"), QStringLiteral("users")},
                                     std::pair{QStringLiteral("location_id"), QStringLiteral("locations")}}) {
        if (problems.contains(key) || !values->contains(key) || values->value(key).isNull())
            continue;
        auto found = m_db->selectOne(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {values->value(key)});
        if (!found && found.error().code != ErrorCode::NotFound)
            return found.error();
        if (!found)
            problems.insert(key, QStringLiteral("%1 %2 does not exist").arg(key == QLatin1String("assigned_to") ? QStringLiteral("user")
                                                                                                               : QStringLiteral("location"))
                                     .arg(values->value(key).toLongLong()));
    }
    if (forCreate) {
        bool identified = false;
        for (const char *k : {"name", "company", "email", "phone", "website"})
            identified |= !values->value(QString::fromLatin1(k)).isNull();
        if (!identified && problems.isEmpty())
            problems.insert(QStringLiteral("name"), QStringLiteral("give at least a name, company, email, phone or website"));
    }
    if (!problems.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the lead has invalid fields"), problems);
    return QJsonObject();
}

core::Status LeadService::sourceHolder(const QVariant &source, const QVariant &sourceId, qint64 exceptId)
{
    if (sourceId.isNull() || source.isNull())
        return {};
    auto row = m_db->selectOne(QStringLiteral("SELECT id FROM leads WHERE source = ? AND source_id = ? AND id <> ?"), {source, sourceId, exceptId});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::Status() : core::Status(row.error());
    return sourceConflict(source, sourceId, row->value(0).toLongLong());
}

core::Error LeadService::sourceConflict(const QVariant &source, const QVariant &sourceId, std::optional<qint64> holder)
{
    // In the product's words: which lead holds it, never the database's constraint text.
    const QString who = holder ? QStringLiteral("lead %1").arg(*holder) : QStringLiteral("another lead");
    return core::makeError(ErrorCode::Conflict,
                           QStringLiteral("%1 already has source '%2' with source_id '%3'").arg(who, source.toString().left(50), sourceId.toString().left(200)),
                           {{QStringLiteral("source_id"), holder ? QStringLiteral("already used by lead %1 for this source").arg(*holder)
                                                                 : QStringLiteral("already used for this source")}});
}

core::Result<QJsonObject> LeadService::create(const Actor &actor, const QJsonObject &fields)
{
    QHash<QString, QVariant> values;
    if (auto v = validateFields(fields, true, &values); !v)
        return v.error();
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    QStringList cols, phs;
    QVariantList params;
    for (const auto &f : leadFields()) {
        if (!values.contains(f.name) || values.value(f.name).isNull())
            continue;
        cols << f.name;
        phs << fieldPlaceholder(*m_db, f);
        params << values.value(f.name);
    }
    cols << QStringLiteral("created_by") << QStringLiteral("created_at") << QStringLiteral("updated_at");
    phs << QStringLiteral("?") << m_db->timestampParam() << m_db->timestampParam();
    params << (actor.userId ? QVariant(*actor.userId) : QVariant()) << now << now;
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    const QVariant source = values.value(QStringLiteral("source"), QStringLiteral("manual"));
    if (auto held = sourceHolder(source, values.value(QStringLiteral("source_id")), 0); !held)
        return held.error();
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO leads (%1) VALUES (%2) RETURNING id").arg(cols.join(QStringLiteral(", ")), phs.join(QStringLiteral(", "))),
                               params);
    if (!row) {
        if (row.error().code == ErrorCode::Conflict) // the only unique key a lead can hit: (source, source_id)
            return sourceConflict(source, values.value(QStringLiteral("source_id")), std::nullopt);
        return row.error();
    }
    const qint64 id = row->value(0).toLongLong();
    auto lead = get(id);
    if (!lead)
        return lead.error();
    if (auto st = logActivity(actor, QStringLiteral("lead_created"), QStringLiteral("lead"), id,
                              {{QStringLiteral("changes"), diffOf({}, *lead)}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    announce(QStringLiteral("lead_created"), {{QStringLiteral("id"), id}});
    return lead;
}

core::Result<LeadService::SourceUpsert> LeadService::upsertBySource(const Actor &actor, const QList<QJsonObject> &rows)
{
    SourceUpsert out;
    // Checked first, outside the transaction: the same rules as one lead at a time.
    struct Valid {
        QString source, sourceId;
        QHash<QString, QVariant> values;
    };
    QList<Valid> valid;
    for (const QJsonObject &fields : rows) {
        Valid v;
        if (auto ok = validateFields(fields, true, &v.values); !ok) {
            ++out.rejected;
            if (out.problems.size() < 5) // "source_id 123: email: not a valid address"
                out.problems << QStringLiteral("%1 %2: %3").arg(fields.value(QStringLiteral("source_id")).toVariant().toString(), ok.error().message,
                                                               QString::fromUtf8(core::json::compact(ok.error().details)));
            continue;
        }
        v.source = v.values.value(QStringLiteral("source")).toString();
        v.sourceId = v.values.value(QStringLiteral("source_id")).toString();
        if (v.source.isEmpty() || v.sourceId.isEmpty()) {
            ++out.rejected;
            if (out.problems.size() < 5)
                out.problems << QStringLiteral("a row without source and source_id");
            continue;
        }
        valid << v;
    }
    if (valid.isEmpty())
        return out;
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    // Immediate: it reads, then writes. Begun as a reader, SQLite refused the upgrade ("database is
    // locked", no waiting) whenever the job queue's reporter had written meanwhile (bench_scraper).
    Transaction tx(*m_db, Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    // What is stored already, by (source, source_id); and the rows that stand for a lead of
    // another source (referredTo: filled, never overwritten).
    QHash<QString, qint64> referredTo;
    // (One source and a list of ids a statement: an OR of (source, source_id) pairs had
    // PostgreSQL test every pair against every row its bitmap scan found.)
    QHash<QString, qint64> known;
    {
        QHash<QString, QVariantList> idsBySource;
        for (const Valid &v : std::as_const(valid))
            idsBySource[v.source] << v.sourceId;
        for (auto it = idsBySource.cbegin(); it != idsBySource.cend(); ++it) {
            for (qsizetype i = 0; i < it->size(); i += 500) {
                const QVariantList chunk = it->mid(i, 500);
                auto found = m_db->select(QStringLiteral("SELECT source, source_id, id FROM leads WHERE source = ? AND source_id IN (%1)")
                                              .arg(storage::Database::placeholders(chunk.size())),
                                          QVariantList{it.key()} + chunk);
                if (!found)
                    return found.error();
                for (const auto &r : *found)
                    known.insert(r.value(0).toString() + u'\x1f' + r.value(1).toString(), r.value(2).toLongLong());
                // Rows seen before as another lead's business (merged by e-mail, below).
                auto referred = m_db->select(QStringLiteral("SELECT source, source_id, lead_id FROM lead_source_refs WHERE source = ? AND source_id IN (%1)")
                                                 .arg(storage::Database::placeholders(chunk.size())),
                                             QVariantList{it.key()} + chunk);
                if (!referred)
                    return referred.error();
                for (const auto &r : *referred) {
                    const QString key = r.value(0).toString() + u'\x1f' + r.value(1).toString();
                    if (!known.contains(key))
                        referredTo.insert(key, r.value(2).toLongLong());
                }
            }
        }
    }
    // The same listing twice in one batch: the last one's fields win (as if it updated the first).
    QList<Valid> rowsToWrite;
    {
        QHash<QString, qsizetype> at;
        for (const Valid &v : std::as_const(valid)) {
            const QString key = v.source + u'\x1f' + v.sourceId;
            if (const auto it = at.constFind(key); it != at.cend()) {
                rowsToWrite[*it] = v;
                ++out.updated;
                continue;
            }
            at.insert(key, rowsToWrite.size());
            rowsToWrite << v;
        }
    }
    // A business another source's lead stands for: its empty fields filled, nothing overwritten.
    auto fillEmpty = [&](qint64 leadId, const Valid &v) -> core::Status {
        QStringList sets;
        QVariantList params;
        for (const auto &f : leadFields()) {
            if (!f.writable || f.name == QLatin1String("source") || f.name == QLatin1String("source_id") || !v.values.contains(f.name) ||
                v.values.value(f.name).isNull())
                continue;
            sets << QStringLiteral("%1 = COALESCE(%1, %2)").arg(f.name, fieldPlaceholder(*m_db, f));
            params << v.values.value(f.name);
        }
        if (!v.values.value(QStringLiteral("website_domain")).isNull()) {
            sets << QStringLiteral("website_domain = COALESCE(website_domain, ?)");
            params << v.values.value(QStringLiteral("website_domain"));
        }
        if (auto done = m_db->execute(QStringLiteral("UPDATE leads SET %1updated_at = %2 WHERE id = ?")
                                          .arg(sets.isEmpty() ? QString() : sets.join(QStringLiteral(", ")) + QStringLiteral(", "), m_db->timestampParam()),
                                      params + QVariantList{now, leadId});
            !done)
            return done.error();
        return {};
    };
    if (!referredTo.isEmpty()) {
        QList<Valid> rest;
        for (const Valid &v : std::as_const(rowsToWrite)) {
            const auto it = referredTo.constFind(v.source + u'\x1f' + v.sourceId);
            if (it == referredTo.cend()) {
                rest << v;
                continue;
            }
            if (auto filled = fillEmpty(*it, v); !filled)
                return filled.error();
            ++out.updated;
        }
        rowsToWrite = rest;
    }
    // Not known by source: the same business by its e-mail address (a lead from another source,
    // or an earlier row of this batch) fills that lead's empty fields instead of adding a twin.
    // (E-mail only: the lead's other keys, phone and website domain, have no index to ask.)
    {
        QHash<QString, qsizetype> firstByEmail; // lower-case address -> row that adds it
        QVariantList emails;
        for (qsizetype i = 0; i < rowsToWrite.size(); ++i) {
            const Valid &v = rowsToWrite.at(i);
            if (known.contains(v.source + u'\x1f' + v.sourceId))
                continue;
            const QString email = v.values.value(QStringLiteral("email")).toString().toLower();
            if (!email.isEmpty() && !firstByEmail.contains(email)) {
                firstByEmail.insert(email, i);
                emails << email;
            }
        }
        QHash<QString, qint64> stored;
        for (qsizetype i = 0; i < emails.size(); i += 500) {
            const QVariantList chunk = emails.mid(i, 500);
            auto found = m_db->select(QStringLiteral("SELECT lower(email), id FROM leads WHERE email IS NOT NULL AND lower(email) IN (%1) AND deleted_at IS NULL")
                                          .arg(storage::Database::placeholders(chunk.size())),
                                      chunk);
            if (!found)
                return found.error();
            for (const auto &r : *found)
                stored.insert(r.value(0).toString(), r.value(1).toLongLong());
        }
        QList<Valid> kept;
        kept.reserve(rowsToWrite.size());
        for (qsizetype i = 0; i < rowsToWrite.size(); ++i) {
            const Valid &v = rowsToWrite.at(i);
            const QString email = v.values.value(QStringLiteral("email")).toString().toLower();
            const bool isKnown = known.contains(v.source + u'\x1f' + v.sourceId);
            if (isKnown || email.isEmpty() || (!stored.contains(email) && firstByEmail.value(email) == i)) {
                kept << v;
                continue;
            }
            ++out.merged;
            ++out.updated;
            if (!stored.contains(email))
                continue; // a twin of a row this batch adds: that one stands for both
            if (auto filled = fillEmpty(stored.value(email), v); !filled)
                return filled.error();
            if (auto remembered = m_db->execute(QStringLiteral("INSERT INTO lead_source_refs (source, source_id, lead_id, created_at) VALUES (?, ?, ?, %1) "
                                                               "ON CONFLICT (source, source_id) DO NOTHING").arg(m_db->timestampParam()),
                                                {v.source, v.sourceId, stored.value(email), now});
                !remembered)
                return remembered.error();
        }
        rowsToWrite = kept;
    }
    // Grouped by the columns they set, written many rows a statement (a statement a lead made a
    // page of 120 listings 240 statements: 48 pages/s).
    struct Group {
        QList<const LeadField *> fields;
        QList<const Valid *> inserts, updates;
    };
    QHash<QString, Group> groups;
    for (const Valid &v : std::as_const(rowsToWrite)) {
        // The row's set fields in leadFields() order (the list is one array: its addresses are
        // its order). Walking the row's few values, not all 45 fields: two string hashes per
        // field per row were a tenth of a scrape's time.
        QList<const LeadField *> fields;
        fields.reserve(v.values.size());
        for (auto it = v.values.cbegin(); it != v.values.cend(); ++it)
            if (!it.value().isNull())
                if (const LeadField *f = leadField(it.key()))
                    fields << f;
        std::sort(fields.begin(), fields.end());
        QString signature;
        for (const LeadField *f : std::as_const(fields))
            signature += f->name + u',';
        Group &g = groups[signature];
        g.fields = fields;
        (known.contains(v.source + u'\x1f' + v.sourceId) ? g.updates : g.inserts) << &v;
    }
    constexpr qsizetype chunk = 100;
    const QString ts = m_db->timestampParam();
    for (const Group &g : std::as_const(groups)) {
        QStringList cols;
        for (const LeadField *f : g.fields)
            cols << f->name;
        for (qsizetype start = 0; start < g.inserts.size(); start += chunk) {
            const auto part = g.inserts.mid(start, chunk);
            QStringList tuples;
            QVariantList params;
            for (const Valid *v : part) {
                QStringList phs;
                for (const LeadField *f : g.fields) {
                    phs << fieldPlaceholder(*m_db, *f);
                    params << v->values.value(f->name);
                }
                phs << QStringLiteral("?") << ts << ts;
                params << (actor.userId ? QVariant(*actor.userId) : QVariant()) << now << now;
                tuples << u'(' + phs.join(QStringLiteral(", ")) + u')';
            }
            auto inserted = m_db->select(QStringLiteral("INSERT INTO leads (%1, created_by, created_at, updated_at) VALUES %2 RETURNING id, source, source_id")
                                             .arg(cols.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", "))),
                                         params);
            if (!inserted)
                return inserted.error();
            QStringList activity;
            QVariantList activityParams;
            for (const auto &r : *inserted) {
                const qint64 id = r.value(0).toLongLong();
                out.addedIds.append({id, r.value(2).toString()});
                ++out.added;
                activity << QStringLiteral("(?, 'lead_created', 'lead', ?, %1, ?, ?, %2)").arg(m_db->jsonParam(), ts);
                activityParams << (actor.userId ? QVariant(*actor.userId) : QVariant()) << id
                               << QString::fromUtf8(core::json::compact(QJsonObject{{QStringLiteral("source"), r.value(1).toString()},
                                                                                    {QStringLiteral("source_id"), r.value(2).toString()}}))
                               << (actor.ip.isEmpty() ? QVariant() : QVariant(actor.ip))
                               << (actor.userAgent.isEmpty() ? QVariant() : QVariant(actor.userAgent.left(500))) << now;
            }
            if (!activity.isEmpty())
                if (auto logged = m_db->execute(QStringLiteral("INSERT INTO activity_log (user_id, action, entity_type, entity_id, details, ip_address, user_agent, "
                                                               "created_at) VALUES %1").arg(activity.join(QStringLiteral(", "))),
                                                activityParams);
                    !logged)
                    return logged.error();
        }
        // Known ones: one UPDATE ... FROM (VALUES ...) a chunk; VALUES columns are column1, column2, ...
        QStringList sets;
        for (qsizetype c = 0; c < g.fields.size(); ++c)
            if (g.fields.at(c)->name != QLatin1String("source") && g.fields.at(c)->name != QLatin1String("source_id"))
                sets << QStringLiteral("%1 = v.column%2").arg(g.fields.at(c)->name).arg(c + 2);
        for (qsizetype start = 0; start < g.updates.size(); start += chunk) {
            const auto part = g.updates.mid(start, chunk);
            QStringList tuples;
            QVariantList params;
            for (const Valid *v : part) {
                QStringList phs{m_db->isPostgres() ? QStringLiteral("?::bigint") : QStringLiteral("?")};
                params << known.value(v->source + u'\x1f' + v->sourceId);
                for (const LeadField *f : g.fields) {
                    phs << fieldPlaceholder(*m_db, *f);
                    params << v->values.value(f->name);
                }
                tuples << u'(' + phs.join(QStringLiteral(", ")) + u')';
            }
            auto done = m_db->execute(QStringLiteral("UPDATE leads SET %1updated_at = %2 FROM (VALUES %3) AS v WHERE leads.id = v.column1")
                                          .arg(sets.isEmpty() ? QString() : sets.join(QStringLiteral(", ")) + QStringLiteral(", "), ts,
                                               tuples.join(QStringLiteral(", "))),
                                      QVariantList{now} + params);
            if (!done)
                return done.error();
            out.updated += int(part.size());
        }
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    if (out.added || out.updated)
        announce(QStringLiteral("leads_changed"), {{QStringLiteral("added"), out.added}, {QStringLiteral("updated"), out.updated}}, actor.userId);
    return out;
}

core::Result<QJsonObject> LeadService::update(const Actor &actor, qint64 id, const QJsonObject &fields, bool replace)
{
    QHash<QString, QVariant> values;
    if (auto v = validateFields(fields, false, &values); !v)
        return v.error();
    if (replace) {
        // PUT: the lead becomes what was sent; writable fields that were left out are cleared.
        for (const auto &f : leadFields()) {
            if (!f.writable || values.contains(f.name))
                continue;
            if (f.name == QLatin1String("status"))
                values.insert(f.name, QStringLiteral("new"));
            else if (f.name == QLatin1String("source") || f.name == QLatin1String("deal_currency") || f.name == QLatin1String("contacted_count") ||
                     f.name == QLatin1String("source_id") || f.name == QLatin1String("source_url"))
                continue; // provenance and counters are not the caller's to clear
            else
                values.insert(f.name, QVariant());
        }
        if (!values.contains(QStringLiteral("website")))
            values.insert(QStringLiteral("website_domain"), QVariant());
    }
    Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto before = get(id, true);
    if (!before)
        return before.error();
    if (!before->value(QStringLiteral("deleted_at")).isNull())
        return core::makeError(ErrorCode::Conflict, QStringLiteral("lead %1 is in the trash: restore it first").arg(id));
    if (values.isEmpty())
        return before;
    QStringList sets;
    QVariantList params;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const LeadField *f = leadField(it.key());
        sets << it.key() + QStringLiteral(" = ") + fieldPlaceholder(*m_db, *f);
        params << it.value();
    }
    sets << QStringLiteral("updated_at = ") + m_db->timestampParam();
    params << storage::Database::isoTimestamp(m_clock.now()) << id;
    const QVariant source = values.contains(QStringLiteral("source")) ? values.value(QStringLiteral("source"))
                                                                      : before->value(QStringLiteral("source")).toVariant();
    const QVariant sourceId = values.contains(QStringLiteral("source_id")) ? values.value(QStringLiteral("source_id"))
                                                                           : before->value(QStringLiteral("source_id")).toVariant();
    if (values.contains(QStringLiteral("source")) || values.contains(QStringLiteral("source_id")))
        if (auto held = sourceHolder(source, sourceId, id); !held)
            return held.error();
    auto done = m_db->execute(QStringLiteral("UPDATE leads SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))), params);
    if (!done)
        return done.error().code == ErrorCode::Conflict ? sourceConflict(source, sourceId, std::nullopt) : done.error();
    auto after = get(id);
    if (!after)
        return after.error();
    const QJsonObject changes = diffOf(*before, *after);
    if (!changes.isEmpty()) {
        const bool statusChange = changes.contains(QStringLiteral("status")) || changes.contains(QStringLiteral("deal_stage"));
        if (auto st = logActivity(actor, statusChange ? QStringLiteral("lead_status_changed") : QStringLiteral("lead_updated"),
                                  QStringLiteral("lead"), id, {{QStringLiteral("changes"), changes}});
            !st)
            return st.error();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    if (changes.isEmpty()) {
        touch();
    } else {
        // What changed, from and to, for rules ("status changed to won"); long texts are left to the lead itself.
        QJsonObject event{{QStringLiteral("id"), id}, {QStringLiteral("fields"), QJsonArray::fromStringList(changes.keys())}};
        if (core::json::compact(changes).size() <= 4096)
            event.insert(QStringLiteral("changes"), changes);
        announce(QStringLiteral("lead_updated"), event);
    }
    return after;
}

core::Status LeadService::remove(const Actor &actor, qint64 id)
{
    Transaction tx(*m_db);
    auto done = m_db->execute(QStringLiteral("UPDATE leads SET deleted_at = %1, updated_at = %1 WHERE id = ? AND deleted_at IS NULL").arg(m_db->timestampParam()),
                              {storage::Database::isoTimestamp(m_clock.now()), storage::Database::isoTimestamp(m_clock.now()), id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("lead %1 does not exist").arg(id));
    if (auto st = logActivity(actor, QStringLiteral("lead_deleted"), QStringLiteral("lead"), id); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    announce(QStringLiteral("lead_deleted"), {{QStringLiteral("id"), id}});
    return {};
}

core::Result<QJsonObject> LeadService::restore(const Actor &actor, qint64 id)
{
    Transaction tx(*m_db);
    auto done = m_db->execute(QStringLiteral("UPDATE leads SET deleted_at = NULL, updated_at = %1 WHERE id = ? AND deleted_at IS NOT NULL").arg(m_db->timestampParam()),
                              {storage::Database::isoTimestamp(m_clock.now()), id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("lead %1 is not in the trash").arg(id));
    if (auto st = logActivity(actor, QStringLiteral("lead_restored"), QStringLiteral("lead"), id); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    announce(QStringLiteral("lead_restored"), {{QStringLiteral("id"), id}});
    return get(id);
}

core::Status LeadService::purge(const Actor &actor, qint64 id)
{
    if (!actor.isAdmin)
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("only an admin can purge leads"));
    Transaction tx(*m_db);
    auto before = get(id, true);
    if (!before)
        return before.error();
    auto done = m_db->execute(QStringLiteral("DELETE FROM leads WHERE id = ?"), {id});
    if (!done)
        return done.error();
    // The log keeps what was purged (the only copy left), under its own entity type: SQLite may
    // give the id to the next new lead, which must not inherit this one's history.
    if (auto moved = m_db->execute(QStringLiteral("UPDATE activity_log SET entity_type = 'purged_lead' WHERE entity_type = 'lead' AND entity_id = ?"), {id});
        !moved)
        return moved.error();
    if (auto st = logActivity(actor, QStringLiteral("lead_purged"), QStringLiteral("purged_lead"), id, {{QStringLiteral("lead"), *before}}); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    announce(QStringLiteral("lead_purged"), {{QStringLiteral("id"), id}});
    return {};
}

core::Result<qint64> LeadService::tagIdFor(const QJsonValue &nameOrId, bool create)
{
    if (nameOrId.isDouble()) {
        const qint64 id = nameOrId.toInteger();
        auto row = m_db->selectOne(QStringLiteral("SELECT id FROM tags WHERE id = ?"), {id});
        if (!row)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("tag %1 does not exist").arg(id));
        return id;
    }
    const QString name = nameOrId.toString().trimmed();
    if (name.isEmpty() || name.size() > 100)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("a tag name is 1 to 100 characters"),
                               {{QStringLiteral("tags"), QStringLiteral("1 to 100 characters")}});
    auto row = m_db->selectOne(QStringLiteral("SELECT id FROM tags WHERE lower(name) = lower(?)"), {name});
    if (row)
        return row->value(0).toLongLong();
    if (row.error().code != ErrorCode::NotFound)
        return row.error();
    if (!create)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("tag '%1' does not exist").arg(name));
    auto ins = m_db->selectOne(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, %1) RETURNING id").arg(m_db->timestampParam()),
                               {name, storage::Database::isoTimestamp(m_clock.now())});
    if (!ins)
        return ins.error();
    return ins->value(0).toLongLong();
}

core::Result<QJsonArray> LeadService::addTags(const Actor &actor, qint64 leadId, const QJsonArray &tags)
{
    if (tags.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("name at least one tag"), {{QStringLiteral("tags"), QStringLiteral("empty")}});
    if (tags.size() > maxTagsPerRequest)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("at most %1 tags at once").arg(maxTagsPerRequest),
                               {{QStringLiteral("tags"), QStringLiteral("%1 given; at most %2").arg(tags.size()).arg(maxTagsPerRequest)}});
    Transaction tx(*m_db);
    auto lead = get(leadId);
    if (!lead)
        return lead.error();
    QJsonArray added;
    for (const auto &t : tags) {
        auto id = tagIdFor(t, true);
        if (!id)
            return id.error();
        auto ins = m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at, %2) SELECT l.id, ?, %1, %3 FROM leads l "
                                                "WHERE l.id = ? ON CONFLICT DO NOTHING")
                                     .arg(m_db->timestampParam(), taggingCopies(), leadCopies()),
                                 {*id, storage::Database::isoTimestamp(m_clock.now()), leadId});
        if (!ins)
            return ins.error();
        if (ins->rowsAffected)
            added.append(*id);
    }
    if (!added.isEmpty()) {
        if (auto st = logActivity(actor, QStringLiteral("lead_tagged"), QStringLiteral("lead"), leadId, {{QStringLiteral("tag_ids"), added}}); !st)
            return st.error();
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE leads SET updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                         {storage::Database::isoTimestamp(m_clock.now()), leadId}),
                           "the lead's updated time; its tags and their activity entry are written");
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    announce(QStringLiteral("lead_tagged"), {{QStringLiteral("id"), leadId}, {QStringLiteral("tag_ids"), added}});
    auto after = get(leadId);
    if (!after)
        return after.error();
    return after->value(QStringLiteral("tags")).toArray();
}

core::Status LeadService::removeTag(const Actor &actor, qint64 leadId, qint64 tagId)
{
    Transaction tx(*m_db);
    auto done = m_db->execute(QStringLiteral("DELETE FROM lead_tags WHERE lead_id = ? AND tag_id = ?"), {leadId, tagId});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("lead %1 does not have tag %2").arg(leadId).arg(tagId));
    if (auto st = logActivity(actor, QStringLiteral("lead_untagged"), QStringLiteral("lead"), leadId, {{QStringLiteral("tag_ids"), QJsonArray{tagId}}}); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    announce(QStringLiteral("lead_untagged"), {{QStringLiteral("id"), leadId}, {QStringLiteral("tag_ids"), QJsonArray{tagId}}});
    return {};
}

core::Status LeadService::logActivity(const Actor &actor, const QString &action, const QString &entityType, qint64 entityId,
                                      const QJsonObject &details)
{
    auto done = m_db->execute(QStringLiteral("INSERT INTO activity_log (user_id, action, entity_type, entity_id, details, ip_address, user_agent, created_at) "
                                             "VALUES (?, ?, ?, ?, %1, ?, ?, %2)").arg(m_db->jsonParam(), m_db->timestampParam()),
                              {actor.userId ? QVariant(*actor.userId) : QVariant(), action, entityType, entityId,
                               details.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(core::json::compact(details))),
                               actor.ip.isEmpty() ? QVariant() : QVariant(actor.ip),
                               actor.userAgent.isEmpty() ? QVariant() : QVariant(actor.userAgent.left(500)),
                               storage::Database::isoTimestamp(m_clock.now())});
    if (!done)
        return done.error();
    return {};
}

} // namespace fliptech::leads
