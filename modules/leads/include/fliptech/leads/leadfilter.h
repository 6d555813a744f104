#pragma once
// LeadFilter: the one filter language that the list endpoint, the desktop's filter bar, saved
// segments, bulk operations and exports share. It is a JSON object; every field name and value
// is checked (an unknown field is an error naming it) and becomes parameterised SQL.
//
// {
//   "q": "plumber austin",                       full-text (prefix match on every word)
//   "status": "new" | ["new", "contacted"],      also deal_stage, source, enrichment_status,
//                                                city, region, country, category
//   "tags": {"any": [...], "all": [...], "none": [...]}    tag names or ids
//   "score": {"min": 50, "max": 90},             also qualification_score, contacted_count
//   "has_email": true, "has_phone": false, "has_website": true,
//   "location_group_id": 3, "assigned_to": 7, "ids": [1, 2, 3],
//   "created_at": {"from": "2026-01-01T00:00:00Z", "to": "..."}, also updated_at, last_contacted_at
//   "deleted": "exclude" (default) | "only" | "include"
// }

#include "fliptech/core/error.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <QVariantList>

#include <optional>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

struct SqlCondition {
    QString where;        // "l.status IN (?, ?) AND ..." (lead alias "l"), never empty ("1=1")
    QVariantList params;
    // What "l" is: the leads, or lead_tag_list (one tag's taggings with the list's hot columns
    // named as on leads, "id" the lead's id; see LeadFilter::listTag).
    QString from = QStringLiteral("leads l");
};

// The lead's columns a tagging copies (lead_tags.lead_status, ... : what lead_tag_list reads),
// and the same of a lead aliased "l": a statement that tags leads it reads names both, e.g.
// INSERT INTO lead_tags (lead_id, tag_id, <taggingCopies>) SELECT l.id, ?, <leadCopies> FROM leads l ...
// (one that does not is completed by a trigger, at the cost of a second write).
QString taggingCopies();
QString leadCopies();

struct LeadSort {
    QString field = QStringLiteral("created_at");
    bool descending = true;
    // "score", "-score" (descending), or empty for the default (newest first).
    static core::Result<LeadSort> parse(const QString &text);
    QString toString() const { return (descending ? QStringLiteral("-") : QString()) + field; }
};

class LeadFilter final
{
public:
    LeadFilter() = default;
    static core::Result<LeadFilter> fromJson(const QJsonObject &json);
    // The leads with these ids (at most 10,000); `withTrash` includes deleted ones.
    static core::Result<LeadFilter> ofIds(const QList<qint64> &ids, bool withTrash = false);
    // Flat query parameters (status=new,contacted&score_min=50&tags_any=a,b&has_email=true&
    // created_from=...&q=...) or a whole filter as JSON in `filter=`; `limit`, `cursor`, `sort`
    // and `order` are not filter fields and are ignored here.
    static core::Result<LeadFilter> fromQuery(const QUrlQuery &query);

    const QJsonObject &json() const { return m_json; }
    bool isEmpty() const { return m_json.isEmpty(); }
    QString freeText() const { return m_json.value(QStringLiteral("q")).toString(); }
    // The filter as a condition on the leads; with `listTagId` (the id of listTag()), on that
    // tag's rows of lead_tag_list instead, which answer the same leads.
    SqlCondition toSql(const storage::Database &db, std::optional<qint64> listTagId = std::nullopt) const;
    // The tag (a name or an id) whose rows of lead_tag_list a list of this filter reads best:
    // the filter asks for one tag ("tags": {"any": [one]}) and tests otherwise only columns the
    // view holds (status, city, score, created_at, has_*; tags all/none, q and ids as sets of
    // ids), live leads only; with `sort`, also one of its indexes' orders (newest, score, id).
    std::optional<QJsonValue> listTag(const LeadSort *sort = nullptr) const;

    // The words of a free-text query as a full-text match expression, or empty when it has no
    // words. Only letters and digits survive, so nothing a user types can change its meaning.
    // With `prefix` every word also matches the words it begins ("plumb" finds "plumbing").
    static QString matchExpression(const storage::Database &db, const QString &text, bool prefix = true);

private:
    explicit LeadFilter(QJsonObject json) : m_json(std::move(json)) {}
    QJsonObject m_json;
};

} // namespace fliptech::leads
