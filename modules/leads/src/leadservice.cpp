#include "fliptech/leads/leadservice.h"

#include "fliptech/core/json.h"
#include "fliptech/core/validation.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/normalize.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

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

QString orderBy(const LeadSort &sort, bool reverse = false)
{
    const bool desc = sort.descending != reverse;
    const QString dir = desc ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    if (sort.field == QLatin1String("id"))
        return QStringLiteral("l.id") + dir;
    // NULLs last in the normal direction (first when the window is read backwards).
    const QString nulls = notNullColumn(sort.field) ? QString() : (reverse ? QStringLiteral(" NULLS FIRST") : QStringLiteral(" NULLS LAST"));
    return QStringLiteral("l.") + sort.field + dir + nulls + QStringLiteral(", l.id") + dir;
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

void LeadService::announce(const QString &type, const QJsonObject &payload, std::optional<qint64> userId)
{
    touch();
    if (!m_events || t_quiet)
        return;
    // The change is committed; a lost event only delays other desktops' refresh to their next
    // change or F5.
    if (auto e = m_events->append(type, QStringLiteral("leads"), payload, userId); !e)
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
    const SqlCondition cond = filter.toSql(*m_db);
    QString key = cond.where;
    for (const QVariant &p : cond.params)
        key += u'\x1f' + p.toString();
    const quint64 gen = m_generation.load();
    const qint64 now = m_clock.monotonicMs();
    const QString sql = QStringLiteral("SELECT count(*) FROM leads l WHERE ") + cond.where;
    {
        QMutexLocker lock(&m_countMutex);
        const auto it = m_counts.find(key);
        if (it != m_counts.end() && it->generation == gen) {
            // Nothing changed through this service: only another process could have changed
            // the count, so an old one is answered now and recounted once in the background.
            if (now - it->atMs >= kCountFreshMs && !it->refreshing) {
                it->refreshing = true;
                m_recount.start([this, key, sql, params = cond.params, gen] {
                    auto row = m_db->selectOne(sql, params);
                    const qint64 at = m_clock.monotonicMs();
                    QMutexLocker relock(&m_countMutex);
                    const auto again = m_counts.find(key);
                    if (again == m_counts.end() || again->generation != gen)
                        return; // changed meanwhile: the next request counts afresh
                    again->refreshing = false;
                    if (row) {
                        again->count = row->value(0).toLongLong();
                        again->atMs = at;
                    }
                });
            }
            return it->count;
        }
    }
    auto row = m_db->selectOne(sql, cond.params);
    if (!row)
        return row.error();
    const qint64 n = row->value(0).toLongLong();
    QMutexLocker lock(&m_countMutex);
    if (m_counts.size() > 256)
        m_counts.clear();
    m_counts.insert(key, {n, gen, now});
    return n;
}

core::Result<LeadPage> LeadService::list(const ListOptions &options)
{
    const int limit = qBound(1, options.limit, maxReadPageSize);
    SqlCondition cond = options.filter.toSql(*m_db);
    QString where = cond.where;
    QVariantList params = cond.params;
    const LeadSort &sort = options.sort;
    const LeadField *sortField = sort.field == QLatin1String("id") ? nullptr : leadField(sort.field);

    // A page after a cursor is read as consecutive ranges, each an index range on its own:
    //  - the rest of the cursor's value: column = v AND id beyond the cursor's;
    //  - values beyond v (these two are one row-value range on PostgreSQL);
    //  - for a column that may be NULL, the NULL tail (NULLS LAST).
    // One query with "(column, id) > (v, id)" made SQLite walk every entry equal to v from the
    // start (after an import every lead has the same created_at: 240 ms a page, not 1 ms), and
    // "... OR column IS NULL" made it collect and sort every match.
    struct Range {
        QString where;
        QVariantList params;
    };
    QList<Range> ranges;
    if (options.cursor.isEmpty()) {
        ranges.append({where, params});
    } else {
        const QByteArray raw = QByteArray::fromBase64(options.cursor.toLatin1(), QByteArray::Base64UrlEncoding);
        const QJsonArray c = QJsonDocument::fromJson(raw).array();
        if (c.size() != 2 || !c.at(1).isDouble())
            return badCursor();
        const qint64 lastId = c.at(1).toInteger();
        const QString cmp = sort.descending ? QStringLiteral("<") : QStringLiteral(">");
        if (!sortField) {
            ranges.append({where + QStringLiteral(" AND l.id %1 ?").arg(cmp), params + QVariantList{lastId}});
        } else {
            QString valueError;
            const QVariant v = fieldFromJson(*m_db, *sortField, c.at(0), &valueError);
            if (!valueError.isEmpty())
                return badCursor();
            const QString ph = fieldPlaceholder(*m_db, *sortField);
            const QString col = QStringLiteral("l.") + sortField->name;
            if (v.isNull()) {
                // Already in the NULL tail.
                ranges.append({where + QStringLiteral(" AND %1 IS NULL AND l.id %2 ?").arg(col, cmp), params + QVariantList{lastId}});
            } else if (m_db->isPostgres()) {
                // PostgreSQL bounds a B-tree scan by the row value itself: one range.
                ranges.append({where + QStringLiteral(" AND (%1, l.id) %2 (%3, ?)").arg(col, cmp, ph), params + QVariantList{v, lastId}});
            } else {
                ranges.append({where + QStringLiteral(" AND %1 = %2 AND l.id %3 ?").arg(col, ph, cmp), params + QVariantList{v, lastId}});
                ranges.append({where + QStringLiteral(" AND %1 %2 %3").arg(col, cmp, ph), params + QVariantList{v}});
            }
            if (!v.isNull() && !notNullColumn(sortField->name))
                ranges.append({where + QStringLiteral(" AND %1 IS NULL").arg(col), params});
        }
    }
    auto rangeSql = [&](const Range &r, int rows) {
        return QStringLiteral("SELECT %1 FROM leads l WHERE %2 ORDER BY %3 LIMIT %4")
            .arg(leadSelectColumns(*m_db), r.where, orderBy(sort), QString::number(rows));
    };

    const QString sql = rangeSql(ranges.first(), limit + 1);
    const quint64 gen = m_generation.load();
    const qint64 now = m_clock.monotonicMs();
    QString pageKey;
    if (options.asJsonText) {
        pageKey = sql + (options.withTotal ? u'T' : u'-');
        for (const QVariant &p : std::as_const(ranges.first().params))
            pageKey += u'\x1f' + p.toString();
        QMutexLocker lock(&m_pageMutex);
        const auto it = m_pages.constFind(pageKey);
        if (it != m_pages.cend() && it->generation == gen && now - it->atMs < kPageCacheMs)
            return it->page;
    }
    auto rows = m_db->select(sql, ranges.first().params);
    if (!rows)
        return rows.error();
    for (qsizetype i = 1; i < ranges.size() && rows->size() <= limit; ++i) {
        auto more = m_db->select(rangeSql(ranges.at(i), int(limit + 1 - rows->size())), ranges.at(i).params);
        if (!more)
            return more.error();
        rows->append(*more);
    }
    LeadPage page;
    const qsizetype n = qMin<qsizetype>(rows->size(), limit);
    page.count = int(n);
    if (rows->size() > limit) {
        const QVariantList &last = rows->at(n - 1).values();
        const QJsonValue sortValue = sortField ? fieldToJson(*sortField, last.value(int(sortField - leadFields().constData()) + 1)) : QJsonValue();
        page.nextCursor = encodeCursor(sortValue, last.value(0).toLongLong());
    }
    QVariantList ids;
    for (qsizetype i = 0; i < n; ++i)
        ids << rows->at(i).value(0);
    auto tags = tagsOf(ids);
    if (!tags)
        return tags.error();
    if (options.asJsonText) {
        page.itemsJson.reserve(n * 1200);
        page.itemsJson += '[';
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                page.itemsJson += ',';
            const qint64 id = rows->at(i).value(0).toLongLong();
            const auto t = tags->constFind(id);
            appendLeadJson(page.itemsJson, rows->at(i).values(), t == tags->cend() ? QByteArray() : core::json::compact(*t));
        }
        page.itemsJson += ']';
    } else {
        for (qsizetype i = 0; i < n; ++i) {
            QJsonObject o = rowToJson(rows->at(i).values());
            o.insert(QStringLiteral("tags"), tags->value(rows->at(i).value(0).toLongLong()));
            page.items.append(o);
        }
    }
    if (options.withTotal) {
        if (options.cursor.isEmpty() && page.nextCursor.isEmpty()) {
            page.total = page.count; // the whole result is on this page
        } else {
            auto total = count(options.filter);
            if (!total)
                return total.error();
            page.total = *total;
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
    const SqlCondition cond = filter.toSql(*m_db);
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
    const QString sql = QStringLiteral("SELECT %1 FROM leads l WHERE %2 ORDER BY %3 LIMIT %4 OFFSET %5")
                            .arg(leadSelectColumns(*m_db), cond.where, orderBy(sort, fromEnd), QString::number(take), QString::number(skip));
    auto rows = m_db->select(sql, cond.params);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (const auto &r : *rows)
        items.append(rowToJson(r.values()));
    if (fromEnd) {
        QJsonArray reversed;
        for (qsizetype i = items.size() - 1; i >= 0; --i)
            reversed.append(items.at(i));
        items = reversed;
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
    for (const char *k : {"status", "source", "deal_currency", "contacted_count"}) { // NOT NULL columns
        const QString key = QString::fromLatin1(k);
        if (values->contains(key) && values->value(key).isNull())
            problems.insert(key, QStringLiteral("cannot be empty"));
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
    if (changes.isEmpty())
        touch();
    else
        announce(QStringLiteral("lead_updated"), {{QStringLiteral("id"), id}, {QStringLiteral("fields"), QJsonArray::fromStringList(changes.keys())}});
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
        auto ins = m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at) VALUES (?, ?, %1) ON CONFLICT DO NOTHING")
                                     .arg(m_db->timestampParam()),
                                 {leadId, *id, storage::Database::isoTimestamp(m_clock.now())});
        if (!ins)
            return ins.error();
        if (ins->rowsAffected)
            added.append(*id);
    }
    if (!added.isEmpty()) {
        if (auto st = logActivity(actor, QStringLiteral("lead_tagged"), QStringLiteral("lead"), leadId, {{QStringLiteral("tag_ids"), added}}); !st)
            return st.error();
        // The tags and their activity entry are written; only the lead's "updated" time would lag.
        (void)m_db->execute(QStringLiteral("UPDATE leads SET updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                            {storage::Database::isoTimestamp(m_clock.now()), leadId});
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
