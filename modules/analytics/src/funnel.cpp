// The lead funnel (issue 13, spec 2.10 "lead-funnel"): scraped → enriched → contacted → replied
// → qualified → won over the leads that came in during the period.
#include "fliptech/analytics/factstore.h"
#include "fliptech/analytics/revenueservice.h"

#include "fliptech/storage/database.h"
#include "ratios.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <array>

namespace fliptech::analytics {

using storage::Database;

namespace {
constexpr int kStages = 6;
const std::array<const char *, kStages> kStageNames{"scraped", "enriched", "contacted", "replied", "qualified", "won"};

// The median of whole seconds, in hours with one decimal (null when there is none).
QJsonValue medianHours(QList<qint64> seconds)
{
    if (seconds.isEmpty())
        return QJsonValue();
    std::sort(seconds.begin(), seconds.end());
    const qsizetype n = seconds.size();
    const qint64 twice = n % 2 == 1 ? 2 * seconds.at(n / 2) : seconds.at(n / 2 - 1) + seconds.at(n / 2);
    // twice the median in seconds → hours, rounded to a tenth.
    return double(qRound64(double(twice) / 720.0)) / 10.0;
}

// The funnel's answer from its counts and gaps (in whole seconds).
QJsonObject funnelJson(const Query &q, const std::array<qint64, kStages> &counts, const std::array<QList<qint64>, kStages> &gaps)
{
    QJsonArray out;
    for (int s = 0; s < kStages; ++s)
        out.append(QJsonObject{{QStringLiteral("stage"), QLatin1String(kStageNames.at(s))},
                               {QStringLiteral("leads"), counts[s]},
                               {QStringLiteral("rate_from_previous"), s == 0 ? QJsonValue() : rate(counts[s], counts[s - 1])},
                               {QStringLiteral("rate_from_start"), rate(counts[s], counts[0])},
                               {QStringLiteral("median_hours_from_previous"), s == 0 ? QJsonValue() : medianHours(gaps[s])},
                               {QStringLiteral("timed"), s == 0 ? QJsonValue() : QJsonValue(qint64(gaps[s].size()))}});
    return QJsonObject{{QStringLiteral("period"), q.periodJson()}, {QStringLiteral("stages"), out}};
}

} // namespace

QStringList RevenueService::funnelStages()
{
    QStringList out;
    for (const char *name : kStageNames)
        out << QLatin1String(name);
    return out;
}

core::Result<QJsonObject> RevenueService::leadFunnel(const Query &q) { return funnel(q, -1, nullptr); }

core::Result<QJsonObject> RevenueService::funnel(const Query &q, int idsOfStage, QList<qint64> *ids)
{
    // Stages at or beyond "qualified": the pipeline's stages from "qualified" on, and won.
    auto stages = m_db->select(QStringLiteral("SELECT stage_key, kind, position FROM deal_stages ORDER BY position"));
    if (!stages)
        return stages.error();
    int qualifiedPosition = 1 << 30;
    for (const auto &r : *stages)
        if (r.value(0).toString() == QLatin1String("qualified"))
            qualifiedPosition = r.value(2).toInt();
    QSet<QString> qualifiedOrLater{QStringLiteral("qualified"), QStringLiteral("won")};
    for (const auto &r : *stages)
        if ((r.value(1).toString() == QLatin1String("open") && r.value(2).toInt() >= qualifiedPosition) || r.value(1).toString() == QLatin1String("won"))
            qualifiedOrLater.insert(r.value(0).toString());

    std::array<qint64, kStages> counts{};
    std::array<QList<qint64>, kStages> gaps;
    if (!m_raw) {
        auto facts = m_facts->funnel(q, qualifiedOrLater, ids ? idsOfStage : -1);
        if (facts) {
            counts = facts->counts;
            gaps = facts->gapSeconds;
            if (ids)
                ids->append(facts->ids);
            return funnelJson(q, counts, gaps);
        }
        if (facts.error().code != core::ErrorCode::Unavailable)
            return facts.error();
    }
    QVariantList params{m_db->timestamp(q.from), m_db->timestamp(q.to)};
    const QString where = leadFilter(q, params);
    auto rows = m_db->select(
        QStringLiteral("SELECT l.id, l.created_at, l.enriched_at, l.last_contacted_at, l.status, l.deal_stage, "
                       "(SELECT MIN(r.sent_at) FROM campaign_recipients r WHERE r.lead_id = l.id), "
                       "(SELECT MIN(m.created_at) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.lead_id = l.id AND m.direction = 'outbound'), "
                       "(SELECT MIN(r.replied_at) FROM campaign_recipients r WHERE r.lead_id = l.id), "
                       "(SELECT MIN(m.created_at) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.lead_id = l.id AND m.direction = 'inbound' "
                       "AND m.auto_reply = %2), "
                       "(SELECT MIN(v.conversion_date) FROM conversions v WHERE v.lead_id = l.id) "
                       "FROM leads l WHERE l.created_at >= ? AND l.created_at < ? AND %1")
            .arg(where, m_db->boolLiteral(false)),
        params);
    if (!rows)
        return rows.error();
    auto earliest = [](const QVariant &a, const QVariant &b) -> QDateTime {
        const QDateTime x = a.isNull() ? QDateTime() : Database::toDateTime(a), y = b.isNull() ? QDateTime() : Database::toDateTime(b);
        if (!x.isValid())
            return y;
        if (!y.isValid())
            return x;
        return qMin(x, y);
    };
    struct Lead {
        qint64 id = 0;
        std::array<QDateTime, kStages> at;
        std::array<bool, kStages> reached{};
    };
    QList<Lead> leads;
    QList<qint64> qualifiedIds;
    for (const auto &r : *rows) {
        Lead l;
        l.id = r.value(0).toLongLong();
        l.at[0] = Database::toDateTime(r.value(1));
        l.reached[0] = true;
        if (!r.value(2).isNull()) {
            l.at[1] = Database::toDateTime(r.value(2));
            l.reached[1] = true;
        }
        l.at[2] = earliest(r.value(6), r.value(7));
        if (!l.at[2].isValid() && !r.value(3).isNull())
            l.at[2] = Database::toDateTime(r.value(3));
        l.reached[2] = l.at[2].isValid();
        l.at[3] = earliest(r.value(8), r.value(9));
        l.reached[3] = l.at[3].isValid();
        l.reached[4] = qualifiedOrLater.contains(r.value(4).toString()) || qualifiedOrLater.contains(r.value(5).toString());
        if (!r.value(10).isNull()) {
            l.at[5] = Database::toDateTime(r.value(10));
            l.reached[5] = true;
        }
        if (l.reached[4] || l.reached[5])
            qualifiedIds << l.id;
        leads.append(l);
    }
    // When each became qualified: the first status or stage change into a qualified-or-later value.
    QHash<qint64, QDateTime> qualifiedAt;
    for (qsizetype start = 0; start < qualifiedIds.size(); start += 500) {
        const QList<qint64> chunk = qualifiedIds.mid(start, 500);
        QVariantList ids;
        for (qint64 id : chunk)
            ids << id;
        auto changes = m_db->select(QStringLiteral("SELECT entity_id, created_at, details FROM activity_log WHERE entity_type = 'lead' AND action = 'lead_status_changed' "
                                                   "AND entity_id IN (%1) ORDER BY created_at, id")
                                        .arg(Database::placeholders(ids.size())),
                                    ids);
        if (!changes)
            return changes.error();
        for (const auto &c : *changes) {
            const qint64 id = c.value(0).toLongLong();
            if (qualifiedAt.contains(id))
                continue;
            const QJsonObject diff = QJsonDocument::fromJson(c.value(2).toString().toUtf8()).object().value(QStringLiteral("changes")).toObject();
            for (const char *field : {"status", "deal_stage"})
                if (qualifiedOrLater.contains(diff.value(QLatin1String(field)).toObject().value(QStringLiteral("to")).toString())) {
                    qualifiedAt.insert(id, Database::toDateTime(c.value(1)));
                    break;
                }
        }
    }
    for (Lead &l : leads) {
        if (l.reached[4] || l.reached[5])
            l.at[4] = qualifiedAt.value(l.id, l.reached[5] ? l.at[5] : QDateTime());
        l.reached[4] = l.reached[4] || l.reached[5];
        // Reaching a stage counts for every stage before it.
        for (int s = kStages - 2; s >= 0; --s)
            l.reached[s] = l.reached[s] || l.reached[s + 1];
        if (ids && idsOfStage >= 0 && idsOfStage < kStages && l.reached[idsOfStage])
            ids->append(l.id);
        for (int s = 0; s < kStages; ++s) {
            counts[s] += l.reached[s];
            if (s > 0 && l.at[s].isValid() && l.at[s - 1].isValid() && l.at[s] >= l.at[s - 1])
                gaps[s].append(l.at[s - 1].secsTo(l.at[s]));
        }
    }
    return funnelJson(q, counts, gaps);
}

} // namespace fliptech::analytics
