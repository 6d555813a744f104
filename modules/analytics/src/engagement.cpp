// E-mail engagement (issue 13, spec 2.10): how each template did over a period
// (/analytics/templates/performance) and the analytics overview (/analytics/dashboard) that puts
// leads, outreach, replies and revenue side by side.
#include "fliptech/analytics/revenueservice.h"

#include "fliptech/storage/database.h"
#include "ratios.h"

namespace fliptech::analytics {

using storage::Database;

namespace {
QString iso(const QDateTime &t) { return Database::isoTimestamp(t); }

struct Engagement {
    qint64 sent = 0, opened = 0, clicked = 0, replied = 0, bounced = 0, leads = 0, converted = 0;
    QJsonObject json() const
    {
        return QJsonObject{{QStringLiteral("sent"), sent},
                           {QStringLiteral("opened"), opened},
                           {QStringLiteral("clicked"), clicked},
                           {QStringLiteral("replied"), replied},
                           {QStringLiteral("bounced"), bounced},
                           {QStringLiteral("open_rate"), rate(opened, sent)},
                           {QStringLiteral("click_rate"), rate(clicked, sent)},
                           {QStringLiteral("reply_rate"), rate(replied, sent)},
                           {QStringLiteral("bounce_rate"), rate(bounced, sent)},
                           {QStringLiteral("leads"), leads},
                           {QStringLiteral("leads_converted"), converted},
                           {QStringLiteral("conversion_rate"), rate(converted, leads)}};
    }
};

// The aggregate columns of an engagement query over messages `m` and their recipients `r`.
const QString kEngagementColumns = QStringLiteral(
    "COUNT(*), SUM(CASE WHEN m.opened_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN m.clicked_at IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN m.replied_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN m.status = 'bounced' OR m.bounced_at IS NOT NULL THEN 1 ELSE 0 END), "
    "COUNT(DISTINCT r.lead_id), "
    "COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM conversions v WHERE v.lead_id = r.lead_id AND v.conversion_date >= m.sent_at) THEN r.lead_id END)");

Engagement engagementOf(const storage::Row &r, int first)
{
    Engagement e;
    qint64 *fields[] = {&e.sent, &e.opened, &e.clicked, &e.replied, &e.bounced, &e.leads, &e.converted};
    for (int i = 0; i < 7; ++i)
        *fields[i] = r.value(first + i).toLongLong();
    return e;
}
} // namespace

// Messages sent in the period to leads that pass the filters; a campaign filter keeps that
// campaign's messages (not every message to a lead that was once in it).
QString RevenueService::messageFilter(const Query &q, QVariantList &params) const
{
    params << m_db->timestamp(q.from) << m_db->timestamp(q.to);
    Query leadsOnly = q;
    leadsOnly.campaignId.reset();
    QString where = QStringLiteral("m.sent_at >= ? AND m.sent_at < ? AND ") + leadFilter(leadsOnly, params);
    if (q.campaignId) {
        where += QStringLiteral(" AND m.campaign_id = ?");
        params << *q.campaignId;
    }
    return where;
}

core::Result<QJsonObject> RevenueService::templatePerformance(const Query &q)
{
    QVariantList params;
    const QString where = messageFilter(q, params);
    auto rows = m_db->select(QStringLiteral("SELECT m.template_id, MAX(t.name), %1 FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                            "JOIN leads l ON l.id = r.lead_id LEFT JOIN templates t ON t.id = m.template_id WHERE %2 "
                                            "GROUP BY m.template_id ORDER BY COUNT(*) DESC, m.template_id")
                                 .arg(kEngagementColumns, where),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (const auto &r : *rows) {
        const Engagement e = engagementOf(r, 2);
        QJsonObject o = e.json();
        o.insert(QStringLiteral("template_id"), r.value(0).isNull() ? QJsonValue() : QJsonValue(r.value(0).toLongLong()));
        o.insert(QStringLiteral("name"), r.value(0).isNull() ? QStringLiteral("(deleted template)") : r.value(1).toString());
        items.append(o);
    }
    // Leads across templates are counted once: their own query.
    QVariantList totalParams;
    const QString totalWhere = messageFilter(q, totalParams);
    auto total = m_db->selectOne(QStringLiteral("SELECT %1 FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id JOIN leads l ON l.id = r.lead_id "
                                                "WHERE %2")
                                     .arg(kEngagementColumns, totalWhere),
                                 totalParams);
    if (!total)
        return total.error();
    return QJsonObject{{QStringLiteral("period"), q.periodJson()}, {QStringLiteral("items"), items}, {QStringLiteral("overall"), engagementOf(*total, 0).json()}};
}

core::Result<QJsonObject> RevenueService::analyticsDashboard(const Query &q)
{
    auto revenue = dashboard(q);
    if (!revenue)
        return revenue.error();
    // Leads in the period (the dashboard counted them) against the period as long before it.
    const qint64 length = q.from.secsTo(q.to);
    auto leadsBefore = sums(q, q.from.addSecs(-length), q.from, int(FactStore::Group::Overall), FactStore::LeadsIn);
    if (!leadsBefore)
        return leadsBefore.error();
    qint64 before = 0;
    for (const QList<FactStore::Sums> &row : std::as_const(*leadsBefore))
        before += row.first().leadsIn;
    const qint64 now = revenue->value(QStringLiteral("leads_created")).toInteger();

    // Replies that came in (the inbox), and the conversations they started.
    QVariantList rParams{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString rWhere = leadFilter(q, rParams);
    auto replies = m_db->selectOne(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT c.lead_id) FROM messages mi JOIN conversations c ON c.id = mi.conversation_id "
                                                  "JOIN leads l ON l.id = c.lead_id WHERE mi.direction = 'inbound' AND mi.created_at >= ? AND mi.created_at < ? AND %1")
                                       .arg(rWhere),
                                   rParams);
    if (!replies)
        return replies.error();
    // The e-mails of the period: the templates' overall line.
    auto templates = templatePerformance(q);
    if (!templates)
        return templates.error();
    auto sources = bySource(q);
    if (!sources)
        return sources.error();

    QJsonArray topSources, topTemplates;
    for (const QJsonValue &v : sources->value(QStringLiteral("items")).toArray())
        if (topSources.size() < 5)
            topSources.append(v);
    for (const QJsonValue &v : templates->value(QStringLiteral("items")).toArray())
        if (topTemplates.size() < 5)
            topTemplates.append(v);
    return QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("period"), q.periodJson()},
                       {QStringLiteral("leads"), QJsonObject{{QStringLiteral("new"), now},
                                                             {QStringLiteral("previous"), before},
                                                             {QStringLiteral("previous_from"), iso(q.from.addSecs(-length))},
                                                             {QStringLiteral("change_percent"), percent(now - before, before)}}},
                       {QStringLiteral("email"), templates->value(QStringLiteral("overall"))},
                       {QStringLiteral("replies"), QJsonObject{{QStringLiteral("received"), replies->value(0).toLongLong()},
                                                               {QStringLiteral("leads"), replies->value(1).toLongLong()}}},
                       {QStringLiteral("revenue"), *revenue},
                       {QStringLiteral("top_sources"), topSources},
                       {QStringLiteral("top_templates"), topTemplates}};
}

} // namespace fliptech::analytics
