// LeadService: bulk operations, duplicates and merge.
#include "fliptech/core/json.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/normalize.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <QScopeGuard>
#include <QSet>

namespace fliptech::leads {

using core::ErrorCode;
using storage::Transaction;

namespace {

QVariantList toVariants(const QList<qint64> &ids)
{
    QVariantList v;
    v.reserve(ids.size());
    for (qint64 id : ids)
        v << id;
    return v;
}

const QList<std::pair<QString, BulkRequest::Action>> &actionNames()
{
    using A = BulkRequest::Action;
    static const QList<std::pair<QString, A>> names = {
        {QStringLiteral("update"), A::Update},         {QStringLiteral("set_status"), A::SetStatus},
        {QStringLiteral("set_stage"), A::SetStage},    {QStringLiteral("add_tags"), A::AddTags},
        {QStringLiteral("remove_tags"), A::RemoveTags}, {QStringLiteral("delete"), A::Delete},
        {QStringLiteral("restore"), A::Restore},       {QStringLiteral("purge"), A::Purge},
        {QStringLiteral("export"), A::Export}};
    return names;
}

} // namespace

core::Result<BulkRequest::Action> BulkRequest::actionFromName(const QString &name)
{
    for (const auto &[n, a] : actionNames())
        if (n == name)
            return a;
    QStringList known;
    for (const auto &p : actionNames())
        known << p.first;
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("unknown bulk action '%1'").arg(name.left(40)),
                           {{QStringLiteral("action"), QString(QStringLiteral("one of ") + known.join(QStringLiteral(", ")))}});
}

core::Result<BulkRequest> BulkRequest::fromJson(const QJsonObject &json)
{
    BulkRequest r;
    auto action = actionFromName(json.value(QStringLiteral("action")).toString());
    if (!action)
        return action.error();
    r.action = *action;
    const bool hasIds = json.contains(QStringLiteral("ids"));
    const bool hasFilter = json.contains(QStringLiteral("filter"));
    if (hasIds == hasFilter)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("choose the leads by 'ids' or by 'filter' (one of the two)"),
                               {{QStringLiteral("ids"), QStringLiteral("give ids or filter")}});
    if (hasIds) {
        const QJsonArray ids = json.value(QStringLiteral("ids")).toArray();
        if (ids.isEmpty() || ids.size() > 100000)
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("ids must list 1 to 100000 leads"),
                                   {{QStringLiteral("ids"), QStringLiteral("1 to 100000 ids")}});
        for (const auto &v : ids)
            r.ids << v.toInteger();
    } else {
        auto f = LeadFilter::fromJson(json.value(QStringLiteral("filter")).toObject());
        if (!f)
            return f.error();
        r.filter = *f;
    }
    r.fields = json.value(QStringLiteral("fields")).toObject();
    r.value = json.value(QStringLiteral("value")).toString().trimmed();
    for (const auto &t : json.value(QStringLiteral("tags")).toArray())
        if (!t.toString().trimmed().isEmpty())
            r.tags << t.toString().trimmed();
    using A = Action;
    if (r.action == A::Update && r.fields.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("an update needs the fields to set"), {{QStringLiteral("fields"), QStringLiteral("required")}});
    if ((r.action == A::SetStatus || r.action == A::SetStage) && (r.value.isEmpty() || r.value.size() > 50))
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("give the new value (1 to 50 characters)"), {{QStringLiteral("value"), QStringLiteral("required")}});
    if ((r.action == A::AddTags || r.action == A::RemoveTags) && r.tags.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("name the tags"), {{QStringLiteral("tags"), QStringLiteral("required")}});
    if (r.action == A::Export) {
        r.format = json.value(QStringLiteral("format")).toString(QStringLiteral("csv"));
        if (r.format != QLatin1String("csv") && r.format != QLatin1String("json"))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("export as csv or json"), {{QStringLiteral("format"), QStringLiteral("csv or json")}});
        for (const auto &c : json.value(QStringLiteral("columns")).toArray())
            r.columns << c.toString();
        if (r.ids.size() > 10000) // the exporter selects ids through the filter language
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("export up to 10000 leads by id, or any number by filter"),
                                   {{QStringLiteral("ids"), QStringLiteral("at most 10000 for an export")}});
    }
    return r;
}

core::Result<QList<qint64>> LeadService::resolve(const BulkRequest &request)
{
    LeadFilter filter;
    if (request.filter) {
        filter = *request.filter;
    } else {
        if (request.ids.size() > 10000) {
            // Large id lists are checked in slices (statement parameter limits).
            QList<qint64> out;
            for (qsizetype i = 0; i < request.ids.size(); i += 10000) {
                BulkRequest slice = request;
                slice.ids = request.ids.mid(i, 10000);
                auto part = resolve(slice);
                if (!part)
                    return part.error();
                out += *part;
            }
            std::sort(out.begin(), out.end());
            return out;
        }
        // Restore and purge act on the trash too.
        auto f = LeadFilter::ofIds(request.ids, request.action == BulkRequest::Action::Restore ||
                                                    request.action == BulkRequest::Action::Purge);
        if (!f)
            return f.error();
        filter = *f;
    }
    const SqlCondition cond = filter.toSql(*m_db);
    auto rows = m_db->select(QStringLiteral("SELECT l.id FROM leads l WHERE %1 ORDER BY l.id").arg(cond.where), cond.params);
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    ids.reserve(rows->size());
    for (const auto &r : *rows)
        ids << r.value(0).toLongLong();
    return ids;
}

core::Status LeadService::bulkBatch(const Actor &actor, const BulkRequest &request, const QList<qint64> &ids, qint64 *changed)
{
    using A = BulkRequest::Action;
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    const QString in = storage::Database::placeholders(ids.size());
    const QVariantList idParams = toVariants(ids);
    Transaction tx(*m_db, Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    qint64 n = 0;
    switch (request.action) {
    case A::Update:
    case A::SetStatus:
    case A::SetStage: {
        QJsonObject fields = request.fields;
        if (request.action == A::SetStatus)
            fields = {{QStringLiteral("status"), request.value}};
        else if (request.action == A::SetStage)
            fields = {{QStringLiteral("deal_stage"), request.value}};
        // Field by field through update(): the same validation and a diff per lead.
        for (qint64 id : ids) {
            auto before = get(id);
            if (!before)
                continue; // deleted meanwhile
            auto after = update(actor, id, fields);
            if (!after)
                return after.error();
            n += *before != *after;
        }
        break;
    }
    case A::AddTags:
    case A::RemoveTags:
        for (const QString &name : request.tags) {
            auto tag = tagIdFor(name, request.action == A::AddTags);
            if (!tag) {
                if (tag.error().code == ErrorCode::NotFound)
                    continue; // removing a tag nobody has
                return tag.error();
            }
            QVariantList params{*tag};
            params += idParams;
            auto done = request.action == A::AddTags
                ? m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at, %3) SELECT l.id, ?, %1, %4 FROM leads l "
                                               "WHERE l.id IN (%2) ON CONFLICT DO NOTHING")
                                    .arg(m_db->timestampParam(), in, taggingCopies(), leadCopies()),
                                QVariantList{*tag, now} + idParams)
                : m_db->execute(QStringLiteral("DELETE FROM lead_tags WHERE tag_id = ? AND lead_id IN (%1)").arg(in), params);
            if (!done)
                return done.error();
            n += done->rowsAffected;
            for (qint64 id : ids)
                if (auto st = logActivity(actor, request.action == A::AddTags ? QStringLiteral("lead_tagged") : QStringLiteral("lead_untagged"),
                                          QStringLiteral("lead"), id, {{QStringLiteral("tag_ids"), QJsonArray{*tag}}, {QStringLiteral("bulk"), true}});
                    !st)
                    return st;
        }
        break;
    case A::Delete:
    case A::Restore: {
        const bool del = request.action == A::Delete;
        auto done = m_db->execute(QStringLiteral("UPDATE leads SET deleted_at = %1, updated_at = %2 WHERE id IN (%3) AND deleted_at IS %4")
                                      .arg(del ? m_db->timestampParam() : QStringLiteral("NULL"), m_db->timestampParam(), in,
                                           del ? QStringLiteral("NULL") : QStringLiteral("NOT NULL")),
                                  (del ? QVariantList{now, now} : QVariantList{now}) + idParams);
        if (!done)
            return done.error();
        n = done->rowsAffected;
        for (qint64 id : ids)
            if (auto st = logActivity(actor, del ? QStringLiteral("lead_deleted") : QStringLiteral("lead_restored"), QStringLiteral("lead"), id,
                                      {{QStringLiteral("bulk"), true}});
                !st)
                return st;
        break;
    }
    case A::Purge: {
        if (!actor.isAdmin)
            return core::makeError(ErrorCode::Forbidden, QStringLiteral("only an admin can purge leads"));
        auto done = m_db->execute(QStringLiteral("DELETE FROM leads WHERE id IN (%1)").arg(in), idParams);
        if (!done)
            return done.error();
        n = done->rowsAffected;
        if (auto moved = m_db->execute(QStringLiteral("UPDATE activity_log SET entity_type = 'purged_lead' WHERE entity_type = 'lead' AND entity_id IN (%1)").arg(in),
                                       idParams);
            !moved)
            return moved.error();
        if (auto st = logActivity(actor, QStringLiteral("leads_purged"), QStringLiteral("purged_lead"), ids.first(),
                                  {{QStringLiteral("ids"), QJsonArray::fromVariantList(idParams)}});
            !st)
            return st;
        break;
    }
    case A::Export:
        return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("an export changes no lead"));
    }
    if (auto st = tx.commit(); !st)
        return st;
    *changed += n;
    return {};
}

core::Result<BulkReport> LeadService::bulk(const Actor &actor, const BulkRequest &request, const std::function<void(qint64, qint64)> &progress,
                                           const std::function<bool()> &cancelled)
{
    if (request.action == BulkRequest::Action::Purge && !actor.isAdmin)
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("only an admin can purge leads"));
    if (request.action == BulkRequest::Action::Export) // it writes a file: LeadJobs::exportLeads
        return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("an export is written by LeadJobs::exportLeads"));
    if (request.action == BulkRequest::Action::Update) {
        // Check the fields once, before anything runs.
        QHash<QString, QVariant> values;
        if (auto v = validateFields(request.fields, false, &values); !v)
            return v.error();
    }
    auto ids = resolve(request);
    if (!ids)
        return ids.error();
    BulkReport report;
    report.matched = ids->size();
    ++t_quiet;
    auto loud = qScopeGuard([] { --t_quiet; });
    for (qsizetype i = 0; i < ids->size(); i += bulkBatchSize) {
        if (cancelled && cancelled()) {
            report.cancelled = true;
            break;
        }
        const QList<qint64> batch = ids->mid(i, bulkBatchSize);
        if (auto st = bulkBatch(actor, request, batch, &report.changed); !st) {
            report.failedBatches.append(QJsonObject{{QStringLiteral("first_id"), batch.first()}, {QStringLiteral("last_id"), batch.last()},
                                                    {QStringLiteral("count"), batch.size()}, {QStringLiteral("error"), st.error().message}});
        }
        if (progress)
            progress(qMin<qint64>(i + bulkBatchSize, ids->size()), ids->size());
    }
    --t_quiet;
    loud.dismiss();
    announce(QStringLiteral("leads_bulk_done"), report.toJson(), actor.userId);
    return report;
}

core::Result<QJsonArray> LeadService::duplicates(int limit)
{
    limit = qBound(1, limit, 1000);
    QJsonArray groups;
    const QString agg = m_db->isPostgres() ? QStringLiteral("string_agg(id::text, ',' ORDER BY id)") : QStringLiteral("group_concat(id, ',')");
    auto addGroups = [&](const QString &key, const QString &expr) -> core::Status {
        auto rows = m_db->select(QStringLiteral("SELECT %1 AS k, %2 FROM leads WHERE deleted_at IS NULL AND %1 IS NOT NULL AND %1 <> '' "
                                                "GROUP BY %1 HAVING count(*) > 1 ORDER BY count(*) DESC, %1 LIMIT %3")
                                     .arg(expr, agg, QString::number(limit)));
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            QJsonArray ids;
            QStringList parts = r.value(1).toString().split(u',');
            std::sort(parts.begin(), parts.end(), [](const QString &a, const QString &b) { return a.toLongLong() < b.toLongLong(); });
            for (const QString &p : parts)
                ids.append(p.toLongLong());
            groups.append(QJsonObject{{QStringLiteral("match"), key}, {QStringLiteral("value"), r.value(0).toString()}, {QStringLiteral("lead_ids"), ids}});
        }
        return {};
    };
    if (auto st = addGroups(QStringLiteral("email"), QStringLiteral("lower(email)")); !st)
        return st.error();
    if (auto st = addGroups(QStringLiteral("phone"), QStringLiteral("phone")); !st)
        return st.error();
    if (auto st = addGroups(QStringLiteral("website_domain"), QStringLiteral("website_domain")); !st)
        return st.error();
    // Fuzzy company names: the key is computed here (punctuation, case and legal suffixes
    // ignored), so "Joe's Plumbing LLC" and "JOES PLUMBING" meet.
    auto rows = m_db->select(QStringLiteral("SELECT id, company FROM leads WHERE deleted_at IS NULL AND company IS NOT NULL ORDER BY id"));
    if (!rows)
        return rows.error();
    QHash<QString, QJsonArray> byCompany;
    QHash<QString, QString> display;
    for (const auto &r : *rows) {
        QString key = companyKey(r.value(1).toString());
        key.remove(u'\'');
        key.remove(u' ');
        if (key.size() < 3)
            continue;
        byCompany[key].append(r.value(0).toLongLong());
        display.insert(key, r.value(1).toString());
    }
    QList<std::pair<QString, QJsonArray>> companyGroups;
    for (auto it = byCompany.begin(); it != byCompany.end(); ++it)
        if (it.value().size() > 1)
            companyGroups.append({it.key(), it.value()});
    std::sort(companyGroups.begin(), companyGroups.end(), [](const auto &a, const auto &b) {
        return a.second.size() != b.second.size() ? a.second.size() > b.second.size() : a.first < b.first;
    });
    // A group already found by an exact key is not repeated.
    QSet<QString> seen;
    for (const auto &g : std::as_const(groups))
        seen.insert(QString::fromUtf8(core::json::compact(g.toObject().value(QStringLiteral("lead_ids")).toArray())));
    for (const auto &[key, ids] : std::as_const(companyGroups)) {
        if (companyGroups.indexOf({key, ids}) >= limit)
            break;
        if (seen.contains(QString::fromUtf8(core::json::compact(ids))))
            continue;
        groups.append(QJsonObject{{QStringLiteral("match"), QStringLiteral("company")}, {QStringLiteral("value"), display.value(key)},
                                  {QStringLiteral("lead_ids"), ids}});
    }
    return groups;
}

core::Result<QJsonObject> LeadService::merge(const Actor &actor, qint64 survivor, const QList<qint64> &others, const QJsonObject &choices)
{
    if (others.isEmpty() || others.contains(survivor))
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("name the leads to merge into the survivor (not the survivor itself)"),
                               {{QStringLiteral("merge_ids"), QStringLiteral("one or more other leads")}});
    Transaction tx(*m_db, Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    auto kept = get(survivor);
    if (!kept)
        return kept.error();
    QHash<qint64, QJsonObject> leads{{survivor, *kept}};
    for (qint64 id : others) {
        auto l = get(id);
        if (!l)
            return l.error();
        leads.insert(id, *l);
    }
    // Field values: the chosen lead's, else the survivor's, else the first other lead that has one.
    QJsonObject fields;
    for (auto it = choices.begin(); it != choices.end(); ++it) {
        const LeadField *f = leadField(it.key());
        if (!f || !f->writable)
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("'%1' is not a field that can be chosen").arg(it.key().left(60)),
                                   {{it.key(), QStringLiteral("not a writable lead field")}});
        const qint64 from = it.value().toInteger();
        if (!leads.contains(from))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the value of '%1' must come from one of the merged leads").arg(it.key()),
                                   {{it.key(), QStringLiteral("not one of the merged leads")}});
        fields.insert(it.key(), leads.value(from).value(it.key()));
    }
    for (const auto &f : leadFields()) {
        if (!f.writable || fields.contains(f.name) || !kept->value(f.name).isNull())
            continue;
        for (qint64 id : others) {
            if (!leads.value(id).value(f.name).isNull()) {
                fields.insert(f.name, leads.value(id).value(f.name));
                break;
            }
        }
    }
    const QString in = storage::Database::placeholders(others.size());
    const QVariantList otherIds = toVariants(others);
    auto run = [&](const QString &sql, const QVariantList &params) -> core::Status {
        auto done = m_db->execute(sql, params);
        if (!done)
            return done.error();
        return {};
    };
    const QVariantList moveParams = QVariantList{survivor} + otherIds;
    const QStringList steps = {
        QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at) SELECT ?, tag_id, created_at FROM lead_tags WHERE lead_id IN (%1) ON CONFLICT DO NOTHING"),
        QStringLiteral("UPDATE notes SET lead_id = ? WHERE lead_id IN (%1)"),
        QStringLiteral("UPDATE conversions SET lead_id = ? WHERE lead_id IN (%1)"),
        QStringLiteral("UPDATE conversations SET lead_id = ? WHERE lead_id IN (%1)"),
        QStringLiteral("UPDATE demo_sites SET lead_id = ? WHERE lead_id IN (%1)"),
        QStringLiteral("UPDATE videos SET lead_id = ? WHERE lead_id IN (%1)"),
        // A campaign that had both leads keeps the survivor's recipient row.
        QStringLiteral("UPDATE campaign_recipients SET lead_id = ? WHERE lead_id IN (%1) AND campaign_id NOT IN "
                       "(SELECT campaign_id FROM campaign_recipients WHERE lead_id = ?)"),
        QStringLiteral("UPDATE activity_log SET entity_id = ? WHERE entity_type = 'lead' AND entity_id IN (%1)"),
    };
    for (const QString &step : steps) {
        QVariantList params = moveParams;
        if (step.contains(QLatin1String("campaign_recipients")))
            params << survivor;
        if (auto st = run(step.arg(in), params); !st)
            return st.error();
    }
    QJsonObject snapshot;
    for (qint64 id : others)
        snapshot.insert(QString::number(id), leads.value(id));
    if (auto st = run(QStringLiteral("DELETE FROM leads WHERE id IN (%1)").arg(in), otherIds); !st)
        return st.error();
    if (!fields.isEmpty()) {
        auto updated = update(actor, survivor, fields);
        if (!updated)
            return updated.error();
    }
    if (auto st = logActivity(actor, QStringLiteral("leads_merged"), QStringLiteral("lead"), survivor,
                              {{QStringLiteral("merged_ids"), QJsonArray::fromVariantList(otherIds)}, {QStringLiteral("merged_leads"), snapshot}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    announce(QStringLiteral("leads_merged"), {{QStringLiteral("id"), survivor}, {QStringLiteral("merged_ids"), QJsonArray::fromVariantList(otherIds)}});
    return get(survivor);
}

} // namespace fliptech::leads
