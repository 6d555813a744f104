#include "fliptech/leads/leadfilter.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace fliptech::leads {

using core::ErrorCode;

namespace {

const QStringList &textListFields()
{
    static const QStringList f = {QStringLiteral("status"), QStringLiteral("deal_stage"), QStringLiteral("source"),
                                  QStringLiteral("enrichment_status"), QStringLiteral("city"), QStringLiteral("region"),
                                  QStringLiteral("country"), QStringLiteral("category")};
    return f;
}
const QStringList &rangeFields()
{
    static const QStringList f = {QStringLiteral("score"), QStringLiteral("qualification_score"), QStringLiteral("contacted_count")};
    return f;
}
const QStringList &timeFields()
{
    static const QStringList f = {QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("last_contacted_at")};
    return f;
}
const QStringList &boolFields()
{
    static const QStringList f = {QStringLiteral("has_email"), QStringLiteral("has_phone"), QStringLiteral("has_website")};
    return f;
}

core::Error invalid(const QString &field, const QString &problem)
{
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("filter.%1 %2").arg(field, problem),
                           {{QStringLiteral("filter.") + field, problem}});
}

// A field the filter language does not have: 400, naming it (a typo, not a bad value).
core::Error unknownField(const QString &field, const QString &problem)
{
    return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("filter.%1 %2").arg(field, problem),
                           {{QStringLiteral("filter.") + field, problem}});
}

bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble())) && std::abs(v.toDouble()) < 9e15;
}

QStringList splitList(const QString &v)
{
    QStringList out;
    for (const QString &p : v.split(u',', Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

QJsonValue listValue(const QString &v)
{
    const QStringList parts = splitList(v);
    return parts.size() == 1 ? QJsonValue(parts.first()) : QJsonValue(QJsonArray::fromStringList(parts));
}

} // namespace

QString taggingCopies()
{
    return QStringLiteral("lead_status, lead_score, lead_city, lead_created_at, lead_has_email, lead_has_phone, lead_has_website, lead_deleted_at");
}

QString leadCopies()
{
    return QStringLiteral("l.status, l.score, l.city, l.created_at, l.has_email, l.has_phone, l.has_website, l.deleted_at");
}

core::Result<LeadSort> LeadSort::parse(const QString &text)
{
    LeadSort s;
    if (text.trimmed().isEmpty())
        return s;
    QString f = text.trimmed();
    s.descending = f.startsWith(u'-');
    if (s.descending || f.startsWith(u'+'))
        f.remove(0, 1);
    const LeadField *field = f == QLatin1String("id") ? nullptr : leadField(f);
    if (f != QLatin1String("id") && (!field || !field->sortable))
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("cannot sort by '%1'").arg(f.left(60)),
                               {{QStringLiteral("sort"), QStringLiteral("not a sortable field")}});
    s.field = f;
    return s;
}

core::Result<LeadFilter> LeadFilter::ofIds(const QList<qint64> &ids, bool withTrash)
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(id);
    QJsonObject json{{QStringLiteral("ids"), list}};
    if (withTrash)
        json.insert(QStringLiteral("deleted"), QStringLiteral("include"));
    return fromJson(json);
}

core::Result<LeadFilter> LeadFilter::fromJson(const QJsonObject &json)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("q")) {
            if (!v.isString() || v.toString().size() > 500)
                return invalid(key, QStringLiteral("must be text of at most 500 characters"));
        } else if (textListFields().contains(key)) {
            const QJsonArray arr = v.isArray() ? v.toArray() : QJsonArray{v};
            if (arr.isEmpty() || arr.size() > 100)
                return invalid(key, QStringLiteral("must be a value or a list of 1 to 100 values"));
            for (const auto &e : arr)
                if (!e.isString() || e.toString().size() > 300)
                    return invalid(key, QStringLiteral("must be text (or a list of text)"));
        } else if (rangeFields().contains(key)) {
            if (!v.isObject())
                return invalid(key, QStringLiteral("must be an object like {\"min\": 1, \"max\": 10}"));
            const QJsonObject r = v.toObject();
            for (auto rit = r.begin(); rit != r.end(); ++rit) {
                if (rit.key() != QLatin1String("min") && rit.key() != QLatin1String("max"))
                    return unknownField(key + u'.' + rit.key(), QStringLiteral("is not a known field (use min, max)"));
                if (!isWholeNumber(rit.value()))
                    return invalid(key + u'.' + rit.key(), QStringLiteral("must be a whole number"));
            }
        } else if (timeFields().contains(key)) {
            if (!v.isObject())
                return invalid(key, QStringLiteral("must be an object like {\"from\": \"2026-01-01T00:00:00Z\", \"to\": ...}"));
            const QJsonObject r = v.toObject();
            for (auto rit = r.begin(); rit != r.end(); ++rit) {
                if (rit.key() != QLatin1String("from") && rit.key() != QLatin1String("to"))
                    return unknownField(key + u'.' + rit.key(), QStringLiteral("is not a known field (use from, to)"));
                if (!rit.value().isString() || !QDateTime::fromString(rit.value().toString(), Qt::ISODateWithMs).isValid())
                    return invalid(key + u'.' + rit.key(), QStringLiteral("must be a date-time such as 2026-01-31T00:00:00Z"));
            }
        } else if (boolFields().contains(key)) {
            if (!v.isBool())
                return invalid(key, QStringLiteral("must be true or false"));
        } else if (key == QLatin1String("tags")) {
            if (!v.isObject())
                return invalid(key, QStringLiteral("must be an object like {\"any\": [\"hot\"], \"none\": [\"spam\"]}"));
            const QJsonObject t = v.toObject();
            for (auto tit = t.begin(); tit != t.end(); ++tit) {
                if (tit.key() != QLatin1String("any") && tit.key() != QLatin1String("all") && tit.key() != QLatin1String("none"))
                    return unknownField(key + u'.' + tit.key(), QStringLiteral("is not a known field (use any, all, none)"));
                if (!tit.value().isArray() || tit.value().toArray().size() > 100)
                    return invalid(key + u'.' + tit.key(), QStringLiteral("must be a list of tag names or ids"));
                for (const auto &e : tit.value().toArray())
                    if (!e.isString() && !isWholeNumber(e))
                        return invalid(key + u'.' + tit.key(), QStringLiteral("must be a list of tag names or ids"));
            }
        } else if (key == QLatin1String("location_group_id") || key == QLatin1String("assigned_to")) {
            if (!isWholeNumber(v))
                return invalid(key, QStringLiteral("must be an id"));
        } else if (key == QLatin1String("ids")) {
            if (!v.isArray() || v.toArray().size() > 10000)
                return invalid(key, QStringLiteral("must be a list of at most 10000 ids"));
            for (const auto &e : v.toArray())
                if (!isWholeNumber(e))
                    return invalid(key, QStringLiteral("must be a list of ids"));
        } else if (key == QLatin1String("deleted")) {
            const QString d = v.toString();
            if (d != QLatin1String("exclude") && d != QLatin1String("only") && d != QLatin1String("include"))
                return invalid(key, QStringLiteral("must be exclude, only or include"));
        } else {
            return unknownField(key, QStringLiteral("is not a known filter field"));
        }
    }
    return LeadFilter(json);
}

core::Result<LeadFilter> LeadFilter::fromQuery(const QUrlQuery &query)
{
    QJsonObject json;
    static const QSet<QString> notFilters = {QStringLiteral("limit"), QStringLiteral("cursor"), QStringLiteral("sort"),
                                             QStringLiteral("order"), QStringLiteral("offset"), QStringLiteral("count"), QStringLiteral("columns"),
                                             QStringLiteral("format"), QStringLiteral("total")};
    for (const auto &[rawKey, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString key = rawKey;
        const QString value = rawValue;
        if (notFilters.contains(key))
            continue;
        if (key == QLatin1String("filter")) {
            auto parsed = core::json::parseObject(value.toUtf8());
            if (!parsed)
                return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("filter is not a JSON object: ") + parsed.error().message,
                                       {{QStringLiteral("filter"), parsed.error().message}});
            for (auto it = parsed->begin(); it != parsed->end(); ++it)
                json.insert(it.key(), it.value());
            continue;
        }
        auto number = [&](const QString &field, const QString &text) -> std::optional<core::Error> {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            if (!ok)
                return invalid(field, QStringLiteral("must be a whole number"));
            json.insert(field, n);
            return std::nullopt;
        };
        bool handled = false;
        for (const QString &r : rangeFields()) {
            for (const char *suffix : {"_min", "_max"}) {
                if (key == r + QLatin1String(suffix)) {
                    bool ok = false;
                    const qint64 n = value.toLongLong(&ok);
                    if (!ok)
                        return invalid(key, QStringLiteral("must be a whole number"));
                    QJsonObject range = json.value(r).toObject();
                    range.insert(QString::fromLatin1(suffix + 1), n);
                    json.insert(r, range);
                    handled = true;
                }
            }
        }
        for (const QString &t : timeFields()) {
            const QString base = t.chopped(3); // created_at -> created
            for (const char *suffix : {"_from", "_to"}) {
                if (key == base + QLatin1String(suffix) || key == t + QLatin1String(suffix)) {
                    QJsonObject range = json.value(t).toObject();
                    range.insert(QString::fromLatin1(suffix + 1), value);
                    json.insert(t, range);
                    handled = true;
                }
            }
        }
        if (handled)
            continue;
        if (key.startsWith(QLatin1String("tags_"))) {
            QJsonObject tags = json.value(QStringLiteral("tags")).toObject();
            tags.insert(key.mid(5), QJsonArray::fromStringList(splitList(value)));
            json.insert(QStringLiteral("tags"), tags);
        } else if (boolFields().contains(key)) {
            if (value != QLatin1String("true") && value != QLatin1String("false"))
                return invalid(key, QStringLiteral("must be true or false"));
            json.insert(key, value == QLatin1String("true"));
        } else if (key == QLatin1String("location_group_id") || key == QLatin1String("assigned_to")) {
            if (auto e = number(key, value))
                return *e;
        } else if (key == QLatin1String("ids")) {
            QJsonArray ids;
            for (const QString &p : splitList(value)) {
                bool ok = false;
                ids.append(p.toLongLong(&ok));
                if (!ok)
                    return invalid(key, QStringLiteral("must be a list of ids"));
            }
            json.insert(key, ids);
        } else if (textListFields().contains(key)) {
            json.insert(key, listValue(value));
        } else {
            json.insert(key, value); // q, deleted; anything else is refused by fromJson
        }
    }
    return fromJson(json);
}

QString LeadFilter::matchExpression(const storage::Database &db, const QString &text, bool prefix)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words;
    for (const QString &w : text.split(nonWord, Qt::SkipEmptyParts)) {
        if (words.size() >= 12)
            break;
        words << w.toLower();
    }
    if (words.isEmpty())
        return {};
    QStringList terms;
    for (const QString &w : std::as_const(words))
        terms << (db.isPostgres() ? QString(prefix ? w + QStringLiteral(":*") : w)
                                  : QString(u'"' + w + (prefix ? QStringLiteral("\"*") : QStringLiteral("\""))));
    return terms.join(db.isPostgres() ? QStringLiteral(" & ") : QStringLiteral(" "));
}

std::optional<QJsonValue> LeadFilter::listTag(const LeadSort *sort) const
{
    static const QSet<QString> held = {QStringLiteral("status"), QStringLiteral("city"), QStringLiteral("score"), QStringLiteral("created_at"),
                                       QStringLiteral("has_email"), QStringLiteral("has_phone"), QStringLiteral("has_website"), QStringLiteral("tags"),
                                       QStringLiteral("q"), QStringLiteral("ids"), QStringLiteral("deleted")};
    static const QSet<QString> orders = {QStringLiteral("created_at"), QStringLiteral("score"), QStringLiteral("id")};
    const QJsonArray any = m_json.value(QStringLiteral("tags")).toObject().value(QStringLiteral("any")).toArray();
    if (any.size() != 1 || m_json.value(QStringLiteral("deleted")).toString(QStringLiteral("exclude")) != QLatin1String("exclude"))
        return std::nullopt;
    if (sort && !orders.contains(sort->field))
        return std::nullopt;
    for (auto it = m_json.begin(); it != m_json.end(); ++it)
        if (!held.contains(it.key()))
            return std::nullopt;
    return any.first();
}

SqlCondition LeadFilter::toSql(const storage::Database &db, std::optional<qint64> listTagId) const
{
    SqlCondition out;
    if (listTagId)
        out.from = QStringLiteral("lead_tag_list l");
    QStringList where;
    QVariantList params;
    const QString deleted = m_json.value(QStringLiteral("deleted")).toString(QStringLiteral("exclude"));
    if (deleted == QLatin1String("exclude"))
        where << QStringLiteral("l.deleted_at IS NULL");
    else if (deleted == QLatin1String("only"))
        where << QStringLiteral("l.deleted_at IS NOT NULL");

    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("q")) {
            const QString match = matchExpression(db, v.toString());
            if (match.isEmpty())
                continue;
            if (db.isPostgres())
                where << QStringLiteral("l.id IN (SELECT lead_id FROM lead_search WHERE document @@ to_tsquery('simple', ?))");
            else
                where << QStringLiteral("l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)");
            params << match;
        } else if (textListFields().contains(key)) {
            const QJsonArray arr = v.isArray() ? v.toArray() : QJsonArray{v};
            if (arr.size() == 1) {
                where << QStringLiteral("l.%1 = ?").arg(key); // key comes from the whitelist above
                params << arr.first().toString();
            } else {
                where << QStringLiteral("l.%1 IN (%2)").arg(key, storage::Database::placeholders(arr.size()));
                for (const auto &e : arr)
                    params << e.toString();
            }
        } else if (rangeFields().contains(key)) {
            const QJsonObject r = v.toObject();
            if (r.contains(QStringLiteral("min"))) {
                where << QStringLiteral("l.%1 >= ?").arg(key);
                params << qint64(r.value(QStringLiteral("min")).toDouble());
            }
            if (r.contains(QStringLiteral("max"))) {
                where << QStringLiteral("l.%1 <= ?").arg(key);
                params << qint64(r.value(QStringLiteral("max")).toDouble());
            }
        } else if (timeFields().contains(key)) {
            const QJsonObject r = v.toObject();
            if (r.contains(QStringLiteral("from"))) {
                where << QStringLiteral("l.%1 >= %2").arg(key, db.timestampParam());
                params << db.timestamp(QDateTime::fromString(r.value(QStringLiteral("from")).toString(), Qt::ISODateWithMs).toUTC());
            }
            if (r.contains(QStringLiteral("to"))) {
                where << QStringLiteral("l.%1 <= %2").arg(key, db.timestampParam());
                params << db.timestamp(QDateTime::fromString(r.value(QStringLiteral("to")).toString(), Qt::ISODateWithMs).toUTC());
            }
        } else if (boolFields().contains(key)) {
            // Computed columns (email present and not empty, ...) that the list indexes hold.
            where << (v.toBool() ? QStringLiteral("l.%1") : QStringLiteral("NOT l.%1")).arg(key);
        } else if (key == QLatin1String("tags")) {
            const QJsonObject t = v.toObject();
            // The tags as a condition on lt.tag_id: names through the tags table, ids as given.
            auto tagMatch = [&](const QJsonArray &list) {
                QStringList parts;
                QStringList names;
                QVariantList ids;
                for (const auto &e : list) {
                    if (e.isString())
                        names << e.toString().toLower();
                    else
                        ids << qint64(e.toDouble());
                }
                if (!names.isEmpty()) {
                    parts << QStringLiteral("lt.tag_id IN (SELECT t.id FROM tags t WHERE lower(t.name) IN (%1))").arg(storage::Database::placeholders(names.size()));
                    for (const auto &n : std::as_const(names))
                        params << n;
                }
                if (!ids.isEmpty()) {
                    parts << QStringLiteral("lt.tag_id IN (%1)").arg(storage::Database::placeholders(ids.size()));
                    params << ids;
                }
                return parts.isEmpty() ? QStringLiteral("1 = 0") : u'(' + parts.join(QStringLiteral(" OR ")) + u')';
            };
            // "any" as a set of lead ids read from the tag index; "none" and "all" as look-ups of
            // the lead's own tags (primary key (lead_id, tag_id)).
            if (listTagId) {
                where << QStringLiteral("l.tag_id = ?");
                params << *listTagId;
            } else if (const QJsonArray any = t.value(QStringLiteral("any")).toArray(); !any.isEmpty())
                // (On SQLite "+l.id": the set is checked against the ids of whatever index the
                // planner walks, not used to seek 1 KB rows one by one.)
                where << (db.isPostgres() ? QStringLiteral("l.id") : QStringLiteral("+l.id")) +
                             QStringLiteral(" IN (SELECT lt.lead_id FROM lead_tags lt WHERE ") + tagMatch(any) + u')';
            if (const QJsonArray all = t.value(QStringLiteral("all")).toArray(); !all.isEmpty()) {
                where << QStringLiteral("(SELECT count(*) FROM lead_tags lt WHERE lt.lead_id = l.id AND ") + tagMatch(all) + QStringLiteral(") >= ?");
                params << qint64(all.size());
            }
            if (const QJsonArray none = t.value(QStringLiteral("none")).toArray(); !none.isEmpty())
                where << QStringLiteral("NOT EXISTS (SELECT 1 FROM lead_tags lt WHERE lt.lead_id = l.id AND ") + tagMatch(none) + u')';
        } else if (key == QLatin1String("location_group_id")) {
            where << QStringLiteral("l.location_id IN (SELECT location_id FROM location_group_members WHERE group_id = ?)");
            params << qint64(v.toDouble());
        } else if (key == QLatin1String("assigned_to")) {
            where << QStringLiteral("l.assigned_to = ?");
            params << qint64(v.toDouble());
        } else if (key == QLatin1String("ids")) {
            const QJsonArray arr = v.toArray();
            if (arr.isEmpty()) {
                where << QStringLiteral("1 = 0");
                continue;
            }
            where << QStringLiteral("l.id IN (%1)").arg(storage::Database::placeholders(arr.size()));
            for (const auto &e : arr)
                params << qint64(e.toDouble());
        }
    }
    if (where.isEmpty())
        where << QStringLiteral("1 = 1");
    out.where = where.join(QStringLiteral(" AND "));
    out.params = std::move(params);
    return out;
}

} // namespace fliptech::leads
