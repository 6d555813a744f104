#include "fliptech/analytics/factstore.h"

#include "fliptech/storage/database.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <tuple>
#include <limits>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcFacts, "fliptech.analytics.facts")

namespace fliptech::analytics {

using storage::Database;

namespace {
constexpr qint64 kDayMs = 86'400'000;
constexpr int kChunk = 50'000;              // rows per read of a full load
constexpr qint64 kMaxLeadRangeIds = 200'000; // more changed lead ids than this: read them all again
constexpr int kMaxDays = 90;                // more changed days of a kind than this: read it all again
constexpr qint64 kPruneAfterMs = 3 * kDayMs; // the log keeps three days
constexpr qint64 kReloadAfterMs = 2 * kDayMs; // a process that has not looked for two days reads everything

// Strings as small numbers (0: NULL).
class Dict
{
public:
    quint32 code(const QVariant &v)
    {
        if (v.isNull())
            return 0;
        const QString s = v.toString();
        if (auto it = m_codes.constFind(s); it != m_codes.cend())
            return *it;
        m_names.append(s);
        const auto c = quint32(m_names.size());
        m_codes.insert(s, c);
        return c;
    }
    // 0 when the text was never seen (nothing has it).
    quint32 find(const QString &s) const { return m_codes.value(s, 0); }
    QString name(quint32 c) const { return c == 0 ? QString() : m_names.at(qsizetype(c) - 1); }
    qsizetype size() const { return m_names.size(); }
    void clear()
    {
        m_codes.clear();
        m_names.clear();
    }

private:
    QHash<QString, quint32> m_codes;
    QStringList m_names;
};

struct LeadFact {
    qint64 created = 0; // ms since the epoch, UTC
    quint32 source = 0, city = 0, location = 0, user = 0, stage = 0;
    bool exists = false, deleted = false;
};
struct DealInfo {
    qint64 value = 0;
    bool hasValue = false;
    qint32 closeDay = 0; // Julian day, 0: none
    qint64 convertedMs = std::numeric_limits<qint64>::min(), lostMs = std::numeric_limits<qint64>::min(); // min: none
};
constexpr qint64 kNever = std::numeric_limits<qint64>::min();
// The funnel's times of a lead (ms; kNever: not reached): enriched, first contact (the first
// campaign or inbox e-mail out, else last_contacted_at), first reply (campaign or inbox, not an
// auto-reply), first conversion (any currency); and its status.
struct FunnelFact {
    qint64 enriched = kNever, contacted = kNever, replied = kNever, converted = kNever;
    quint32 status = 0;
};
// A change of a lead's status or stage (the activity log), in the order they happened.
struct StatusChange {
    quint32 lead = 0;
    qint64 at = 0, id = 0;
    quint32 status = 0, stage = 0; // the values changed to (0: not changed)
    bool operator<(const StatusChange &o) const { return std::tie(lead, at, id) < std::tie(o.lead, o.at, o.id); }
};
qint64 earliestOf(qint64 a, qint64 b) { return a == kNever ? b : b == kNever ? a : qMin(a, b); }
struct ConversionFact {
    qint64 at = 0, revenue = 0;
    quint32 lead = 0;
    bool usd = false;
};
struct CostFact {
    qint64 at = 0, amount = 0;
    quint32 lead = 0, campaign = 0, createdBy = 0;
    quint16 source = 0, type = 0;
};
struct SendFact {
    qint64 at = 0;
    quint32 lead = 0;
};

template <typename T>
bool earlier(const T &a, const T &b)
{
    return a.at < b.at;
}

qint64 msOf(const QDateTime &t) { return t.toMSecsSinceEpoch(); }
qint64 dayOf(qint64 ms) { return ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs; }

quint32 id32(const QVariant &v, bool *overflow)
{
    if (v.isNull())
        return 0;
    const qint64 x = v.toLongLong();
    if (x < 1 || x > std::numeric_limits<quint32>::max()) {
        *overflow = true;
        return 0;
    }
    return quint32(x);
}
} // namespace

struct FactStore::Data {
    bool loaded = false;
    bool unusable = false; // ids or dictionaries beyond what the arrays hold: the SQL answers
    Dict sources, cities, types, stages;
    std::vector<LeadFact> leads; // by id
    qint64 leadCount = 0;
    QHash<quint32, DealInfo> deals; // leads in a stage
    std::vector<FunnelFact> funnel; // by lead id, as leads
    std::vector<StatusChange> statusChanges; // by lead, then time
    std::vector<ConversionFact> conversions; // by time
    std::vector<CostFact> costs;             // by time
    std::vector<SendFact> sends;             // by time
    std::vector<std::pair<quint32, quint32>> members; // (lead, campaign), by lead
    std::vector<quint32> memberOffsets, memberCampaigns; // the campaigns of lead i: [offsets[i], offsets[i + 1])
    // Where this process is in the log. SQLite: the newest row applied (its n and last lead id)
    // and the newest day's seq;
    // PostgreSQL: the oldest transaction running when it last looked, and the rows applied since.
    qint64 lastId = 0, lastHi = 0, lastSeq = 0;
    int lastN = 0;
    quint64 xmin = 0;
    QHash<qint64, quint64> applied;
    qint64 lastSyncMs = 0, lastPruneMs = 0, loadMs = 0;

    LeadFact *lead(quint32 id) { return id < leads.size() && leads[id].exists ? &leads[id] : nullptr; }
    const LeadFact *lead(quint32 id) const { return id < leads.size() && leads[id].exists ? &leads[id] : nullptr; }

    void rebuildMembers()
    {
        std::sort(members.begin(), members.end());
        memberOffsets.assign(leads.size() + 1, 0);
        memberCampaigns.clear();
        memberCampaigns.reserve(members.size());
        size_t i = 0;
        for (size_t l = 0; l < leads.size(); ++l) {
            memberOffsets[l] = quint32(memberCampaigns.size());
            for (; i < members.size() && members[i].first == l; ++i)
                memberCampaigns.push_back(members[i].second);
            // (pairs of ids beyond the leads held are of leads gone; never read)
            while (i < members.size() && members[i].first < l)
                ++i;
        }
        memberOffsets[leads.size()] = quint32(memberCampaigns.size());
    }
    bool inCampaign(quint32 lead, quint32 campaign) const
    {
        if (lead + 1 >= memberOffsets.size())
            return false;
        for (quint32 k = memberOffsets[lead]; k < memberOffsets[lead + 1]; ++k)
            if (memberCampaigns[k] == campaign)
                return true;
        return false;
    }
};

// What a query's filters become in the store's terms.
struct FactStore::Filter {
    bool none = true;
    bool bySource = false;
    quint32 source = 0; // 0 with bySource: a source nothing has
    bool byCampaign = false;
    quint32 campaign = 0;
    bool byLocations = false;
    QSet<quint32> locations;
    bool byUser = false;
    quint32 user = 0;
    QHash<quint32, QString> locationNames;
    QHash<QString, QPair<QString, int>> stageKinds; // key -> kind, probability

    bool lead(const Data &d, quint32 id, const LeadFact &l) const
    {
        if (l.deleted)
            return false;
        if (none)
            return true;
        return (!bySource || (source != 0 && l.source == source)) && (!byCampaign || d.inCampaign(id, campaign)) &&
               (!byLocations || (l.location != 0 && locations.contains(l.location))) && (!byUser || l.user == user);
    }
    bool cost(const CostFact &c, const LeadFact *l) const
    {
        if (none)
            return true;
        if (bySource && (source == 0 || (c.source != 0 ? c.source : (l ? l->source : 0)) != source))
            return false;
        if (byCampaign && c.campaign != campaign)
            return false;
        if (byLocations && (!l || l->location == 0 || !locations.contains(l->location)))
            return false;
        if (byUser && ((l && l->user != 0) ? l->user : c.createdBy) != user)
            return false;
        return true;
    }
};

FactStore::FactStore(std::shared_ptr<storage::Database> db) : m_db(std::move(db)), m_data(std::make_unique<Data>()) {}

FactStore::~FactStore() = default;

void FactStore::invalidate()
{
    QWriteLocker lock(&m_lock);
    m_data = std::make_unique<Data>();
}

FactStore::Size FactStore::size() const
{
    QReadLocker lock(&m_lock);
    const Data &d = *m_data;
    Size s;
    s.leads = d.leadCount;
    s.conversions = qint64(d.conversions.size());
    s.costs = qint64(d.costs.size());
    s.sends = qint64(d.sends.size());
    s.memberships = qint64(d.members.size());
    s.bytes = qint64(d.leads.capacity() * sizeof(LeadFact) + d.conversions.capacity() * sizeof(ConversionFact) + d.costs.capacity() * sizeof(CostFact) +
                     d.sends.capacity() * sizeof(SendFact) + d.members.capacity() * sizeof(std::pair<quint32, quint32>) +
                     (d.memberOffsets.capacity() + d.memberCampaigns.capacity()) * sizeof(quint32) + size_t(d.deals.size()) * 64 +
                     d.funnel.capacity() * sizeof(FunnelFact) + d.statusChanges.capacity() * sizeof(StatusChange));
    s.lastLoadMs = d.loadMs;
    s.usable = d.loaded && !d.unusable;
    return s;
}

// --- reading the database ------------------------------------------------------------------

namespace {
// A timestamp column as whole milliseconds since the epoch (rounded down, so comparisons with
// millisecond bounds agree with the SQL's).
QString epochMs(const Database &db, const QString &column)
{
    return db.isPostgres() ? QStringLiteral("floor(extract(epoch FROM %1) * 1000)::bigint").arg(column)
                           : QStringLiteral("CAST(round((julianday(%1) - 2440587.5) * 86400000.0) AS INTEGER)").arg(column);
}

// Reads `sql` (its first column an id, ascending; "WHERE ... id > ?" and "ORDER BY id LIMIT n"
// appended by the caller's text through %1) in chunks by id.
core::Status readByIdChunks(Database &db, const QString &sqlWithIdTest, const QVariantList &params, const std::function<void(const storage::Row &)> &each)
{
    qint64 after = -1;
    while (true) {
        auto rows = db.select(sqlWithIdTest.arg(kChunk), QVariantList{after} + params);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            each(r);
        if (rows->size() < kChunk)
            return {};
        after = rows->last().value(0).toLongLong();
    }
}
} // namespace

core::Status FactStore::reloadLeads(Data &d, const QList<QPair<qint64, qint64>> &ranges)
{
    bool overflow = false;
    QHash<quint32, qint64> lastContacted;
    auto take = [&d, &overflow, &lastContacted](const storage::Row &r, int offset) {
        const quint32 id = id32(r.value(offset), &overflow);
        if (overflow)
            return;
        if (id >= d.leads.size()) {
            if (id > 4 * quint64(d.leadCount) + 2'000'000) { // ids far sparser than rows: not for arrays
                overflow = true;
                return;
            }
            d.leads.resize(size_t(id) + 1 + d.leads.size() / 8);
        }
        if (d.funnel.size() < d.leads.size())
            d.funnel.resize(d.leads.size());
        FunnelFact &funnel = d.funnel[id];
        funnel = FunnelFact{};
        funnel.enriched = r.value(offset + 10).isNull() ? kNever : r.value(offset + 10).toLongLong();
        if (!r.value(offset + 11).isNull())
            lastContacted.insert(id, r.value(offset + 11).toLongLong());
        funnel.status = d.stages.code(r.value(offset + 12));
        LeadFact &l = d.leads[id];
        if (!l.exists)
            ++d.leadCount;
        l.exists = true;
        l.created = r.value(offset + 1).toLongLong();
        l.deleted = r.value(offset + 2).toBool();
        l.source = d.sources.code(r.value(offset + 3));
        l.city = d.cities.code(r.value(offset + 4));
        l.location = id32(r.value(offset + 5), &overflow);
        l.user = id32(r.value(offset + 6), &overflow);
        l.stage = d.stages.code(r.value(offset + 7));
        if (l.stage != 0) {
            DealInfo deal;
            deal.hasValue = !r.value(offset + 8).isNull();
            deal.value = r.value(offset + 8).toLongLong();
            const QDate close = QDate::fromString(r.value(offset + 9).toString().left(10), Qt::ISODate);
            deal.closeDay = close.isValid() ? qint32(close.toJulianDay()) : 0;
            if (!r.value(offset + 13).isNull())
                deal.convertedMs = r.value(offset + 13).toLongLong();
            if (!r.value(offset + 14).isNull())
                deal.lostMs = r.value(offset + 14).toLongLong();
            d.deals.insert(id, deal);
        } else {
            d.deals.remove(id);
        }
    };
    const QString columns = QStringLiteral("id, %1, deleted_at IS NOT NULL, source, city, location_id, assigned_to, deal_stage, deal_value_cents, "
                                           "CAST(expected_close_date AS TEXT), %2, %3, status, %4, %5")
                                .arg(epochMs(*m_db, QStringLiteral("created_at")), epochMs(*m_db, QStringLiteral("enriched_at")),
                                     epochMs(*m_db, QStringLiteral("last_contacted_at")), epochMs(*m_db, QStringLiteral("conversion_date")),
                                     epochMs(*m_db, QStringLiteral("lost_at")));
    // The funnel's firsts of the leads read: campaign sends and replies (with the campaigns),
    // inbox messages, conversions, status changes.
    QHash<quint32, qint64> firstOut, firstReply, firstConversion;
    auto recipient = [&](const storage::Row &r, int offset) {
        const quint32 lead = id32(r.value(offset), &overflow);
        d.members.emplace_back(lead, id32(r.value(offset + 1), &overflow));
        if (!r.value(offset + 2).isNull())
            firstOut[lead] = earliestOf(firstOut.value(lead, kNever), r.value(offset + 2).toLongLong());
        if (!r.value(offset + 3).isNull())
            firstReply[lead] = earliestOf(firstReply.value(lead, kNever), r.value(offset + 3).toLongLong());
    };
    const QString recipientColumns = QStringLiteral("lead_id, campaign_id, %1, %2").arg(epochMs(*m_db, QStringLiteral("sent_at")), epochMs(*m_db, QStringLiteral("replied_at")));
    auto message = [&](const storage::Row &r) { // id, lead, outbound, auto-reply, at
        const quint32 lead = id32(r.value(1), &overflow);
        QHash<quint32, qint64> &first = r.value(2).toBool() ? firstOut : firstReply;
        if (r.value(2).toBool() || !r.value(3).toBool())
            first[lead] = earliestOf(first.value(lead, kNever), r.value(4).toLongLong());
    };
    const QString messageColumns = QStringLiteral("m.id, c.lead_id, m.direction = 'outbound', m.auto_reply, %1").arg(epochMs(*m_db, QStringLiteral("m.created_at")));
    std::vector<StatusChange> changes;
    auto change = [&](const storage::Row &r) { // id, lead, at, details
        const QJsonObject diff = QJsonDocument::fromJson(r.value(3).toString().toUtf8()).object().value(QStringLiteral("changes")).toObject();
        StatusChange c;
        c.id = r.value(0).toLongLong();
        c.lead = id32(r.value(1), &overflow);
        c.at = r.value(2).toLongLong();
        const QJsonValue status = diff.value(QStringLiteral("status")).toObject().value(QStringLiteral("to")),
                         stage = diff.value(QStringLiteral("deal_stage")).toObject().value(QStringLiteral("to"));
        c.status = status.isString() ? d.stages.code(status.toString()) : 0;
        c.stage = stage.isString() ? d.stages.code(stage.toString()) : 0;
        if (c.status != 0 || c.stage != 0)
            changes.push_back(c);
    };
    const QString changeColumns = QStringLiteral("id, entity_id, %1, details").arg(epochMs(*m_db, QStringLiteral("created_at")));
    const QString changeTest = QStringLiteral("entity_type = 'lead' AND action = 'lead_status_changed'");
    if (ranges.isEmpty()) { // everything
        d.leads.clear();
        d.deals.clear();
        d.leadCount = 0;
        d.members.clear();
        if (auto st = readByIdChunks(*m_db, QStringLiteral("SELECT %1 FROM leads WHERE id > ? ORDER BY id LIMIT %2").arg(columns, QStringLiteral("%1")), {},
                                     [&](const storage::Row &r) { take(r, 0); });
            !st)
            return st;
        d.statusChanges.clear();
        if (auto st = readByIdChunks(*m_db, QStringLiteral("SELECT id, %1 FROM campaign_recipients WHERE id > ? ORDER BY id LIMIT %2").arg(recipientColumns, QStringLiteral("%1")),
                                     {}, [&](const storage::Row &r) { recipient(r, 1); });
            !st)
            return st;
        if (auto st = readByIdChunks(*m_db, QStringLiteral("SELECT %1 FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id > ? ORDER BY m.id LIMIT %2")
                                                .arg(messageColumns, QStringLiteral("%1")),
                                     {}, message);
            !st)
            return st;
        if (auto st = readByIdChunks(*m_db, QStringLiteral("SELECT %1 FROM activity_log WHERE %2 AND id > ? ORDER BY id LIMIT %3").arg(changeColumns, changeTest, QStringLiteral("%1")),
                                     {}, change);
            !st)
            return st;
        auto conversions = m_db->select(QStringLiteral("SELECT lead_id, %1 FROM conversions GROUP BY lead_id").arg(epochMs(*m_db, QStringLiteral("MIN(conversion_date)"))));
        if (!conversions)
            return conversions.error();
        for (const auto &r : *conversions)
            firstConversion.insert(id32(r.value(0), &overflow), r.value(1).toLongLong());
    } else {
        for (const auto &[lo, hi] : ranges) {
            // Gone until read again: a lead deleted is simply not found.
            for (qint64 id = qMax<qint64>(lo, 0); id <= hi && id < qint64(d.leads.size()); ++id)
                if (d.leads[size_t(id)].exists) {
                    d.leads[size_t(id)] = LeadFact{};
                    d.deals.remove(quint32(id));
                    --d.leadCount;
                }
            auto rows = m_db->select(QStringLiteral("SELECT %1 FROM leads WHERE id BETWEEN ? AND ?").arg(columns), {lo, hi});
            if (!rows)
                return rows.error();
            for (const auto &r : *rows)
                take(r, 0);
            auto first = std::lower_bound(d.members.begin(), d.members.end(), std::pair<quint32, quint32>(quint32(qMax<qint64>(lo, 0)), 0));
            auto last = std::upper_bound(first, d.members.end(), std::pair<quint32, quint32>(quint32(qMin<qint64>(hi, std::numeric_limits<quint32>::max())),
                                                                                              std::numeric_limits<quint32>::max()));
            d.members.erase(first, last);
            auto pairs = m_db->select(QStringLiteral("SELECT %1 FROM campaign_recipients WHERE lead_id BETWEEN ? AND ?").arg(recipientColumns), {lo, hi});
            if (!pairs)
                return pairs.error();
            for (const auto &r : *pairs)
                recipient(r, 0);
            std::sort(d.members.begin(), d.members.end()); // (mostly sorted: cheap)
            auto messages = m_db->select(QStringLiteral("SELECT %1 FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.lead_id BETWEEN ? AND ?")
                                             .arg(messageColumns),
                                         {lo, hi});
            if (!messages)
                return messages.error();
            for (const auto &r : *messages)
                message(r);
            auto conversions = m_db->select(QStringLiteral("SELECT lead_id, %1 FROM conversions WHERE lead_id BETWEEN ? AND ? GROUP BY lead_id")
                                                .arg(epochMs(*m_db, QStringLiteral("MIN(conversion_date)"))),
                                            {lo, hi});
            if (!conversions)
                return conversions.error();
            for (const auto &r : *conversions)
                firstConversion.insert(id32(r.value(0), &overflow), r.value(1).toLongLong());
            auto statusRows = m_db->select(QStringLiteral("SELECT %1 FROM activity_log WHERE %2 AND entity_id BETWEEN ? AND ?").arg(changeColumns, changeTest), {lo, hi});
            if (!statusRows)
                return statusRows.error();
            std::erase_if(d.statusChanges, [lo, hi](const StatusChange &c) { return c.lead >= lo && c.lead <= hi; });
            for (const auto &r : *statusRows)
                change(r);
        }
    }
    // The funnel's times of the leads read: what their rows, sends, messages and conversions say.
    d.funnel.resize(d.leads.size());
    auto combine = [&](quint32 id) {
        FunnelFact &f = d.funnel[id];
        if (!d.leads[id].exists) {
            f = FunnelFact{};
            return;
        }
        f.contacted = firstOut.value(id, kNever);
        if (f.contacted == kNever)
            f.contacted = lastContacted.value(id, kNever);
        f.replied = firstReply.value(id, kNever);
        f.converted = firstConversion.value(id, kNever);
    };
    if (ranges.isEmpty()) {
        for (quint32 id = 0; id < d.leads.size(); ++id)
            combine(id);
    } else {
        for (const auto &[lo, hi] : ranges)
            for (qint64 id = qMax<qint64>(lo, 0); id <= hi && id < qint64(d.leads.size()); ++id)
                combine(quint32(id));
    }
    d.statusChanges.insert(d.statusChanges.end(), changes.begin(), changes.end());
    std::sort(d.statusChanges.begin(), d.statusChanges.end());
    if (overflow)
        d.unusable = true;
    d.rebuildMembers();
    return {};
}

core::Status FactStore::reloadDays(Data &d, const QString &kind, const QSet<qint64> &days)
{
    bool overflow = false;
    QString columns, from, where, time;
    if (kind == QLatin1String("conversion")) {
        time = QStringLiteral("conversion_date");
        columns = QStringLiteral("id, %1, revenue_amount_cents, lead_id, currency = 'USD'").arg(epochMs(*m_db, time));
        from = QStringLiteral("conversions");
    } else if (kind == QLatin1String("cost")) {
        time = QStringLiteral("c.created_at");
        columns = QStringLiteral("c.id, %1, c.amount_cents, CASE c.related_entity_type WHEN 'lead' THEN c.related_entity_id "
                                 "WHEN 'conversation' THEN (SELECT cv.lead_id FROM conversations cv WHERE cv.id = c.related_entity_id) END, "
                                 "COALESCE(c.campaign_id, CASE WHEN c.related_entity_type = 'campaign' THEN c.related_entity_id END), c.created_by, c.source, c.cost_type")
                      .arg(epochMs(*m_db, time));
        from = QStringLiteral("costs c");
        where = QStringLiteral("c.currency = 'USD' AND ");
    } else {
        time = QStringLiteral("sent_at");
        columns = QStringLiteral("id, %1, lead_id").arg(epochMs(*m_db, time));
        from = QStringLiteral("campaign_recipients");
        where = QStringLiteral("sent_at IS NOT NULL AND ");
    }
    std::vector<ConversionFact> conversions;
    std::vector<CostFact> costs;
    std::vector<SendFact> sends;
    auto take = [&](const storage::Row &r) {
        if (kind == QLatin1String("conversion")) {
            conversions.push_back({r.value(1).toLongLong(), r.value(2).toLongLong(), id32(r.value(3), &overflow), r.value(4).toBool()});
        } else if (kind == QLatin1String("cost")) {
            CostFact c;
            c.at = r.value(1).toLongLong();
            c.amount = r.value(2).toLongLong();
            c.lead = id32(r.value(3), &overflow);
            c.campaign = id32(r.value(4), &overflow);
            c.createdBy = id32(r.value(5), &overflow);
            const quint32 source = d.sources.code(r.value(6)), type = d.types.code(r.value(7));
            if (source > 0xffff || type > 0xffff)
                overflow = true;
            c.source = quint16(source);
            c.type = quint16(type);
            costs.push_back(c);
        } else {
            sends.push_back({r.value(1).toLongLong(), id32(r.value(2), &overflow)});
        }
    };
    const bool all = days.isEmpty();
    QList<qint64> sorted(days.cbegin(), days.cend());
    std::sort(sorted.begin(), sorted.end());
    if (all) {
        if (auto st = readByIdChunks(*m_db, QStringLiteral("SELECT %1 FROM %2 WHERE %3%4 > ? ORDER BY %4 LIMIT %5")
                                                .arg(columns, from, where, kind == QLatin1String("cost") ? QStringLiteral("c.id") : QStringLiteral("id"), QStringLiteral("%1")),
                                     {}, take);
            !st)
            return st;
    } else {
        // Runs of consecutive days, one read each.
        for (qsizetype i = 0; i < sorted.size();) {
            qsizetype j = i;
            while (j + 1 < sorted.size() && sorted.at(j + 1) == sorted.at(j) + 1)
                ++j;
            const QDateTime a = QDateTime::fromMSecsSinceEpoch(sorted.at(i) * kDayMs, Qt::UTC), b = QDateTime::fromMSecsSinceEpoch((sorted.at(j) + 1) * kDayMs, Qt::UTC);
            auto rows = m_db->select(QStringLiteral("SELECT %1 FROM %2 WHERE %3%4 >= ? AND %4 < ?").arg(columns, from, where, time), {m_db->timestamp(a), m_db->timestamp(b)});
            if (!rows)
                return rows.error();
            for (const auto &r : *rows)
                take(r);
            i = j + 1;
        }
    }
    if (overflow)
        d.unusable = true;
    // The days read replace what was held for them; the rest stays, in time order.
    auto replace = [&](auto &held, auto &fresh) {
        using T = typename std::decay_t<decltype(held)>::value_type;
        std::sort(fresh.begin(), fresh.end(), earlier<T>);
        if (all) {
            held.swap(fresh);
            held.shrink_to_fit();
            return;
        }
        std::decay_t<decltype(held)> kept;
        kept.reserve(held.size() + fresh.size());
        for (const T &x : held)
            if (!days.contains(dayOf(x.at)))
                kept.push_back(x);
        std::decay_t<decltype(held)> merged(kept.size() + fresh.size());
        std::merge(kept.begin(), kept.end(), fresh.begin(), fresh.end(), merged.begin(), earlier<T>);
        held.swap(merged);
    };
    if (kind == QLatin1String("conversion"))
        replace(d.conversions, conversions);
    else if (kind == QLatin1String("cost"))
        replace(d.costs, costs);
    else
        replace(d.sends, sends);
    return {};
}

core::Status FactStore::loadAll(Data &d)
{
    QElapsedTimer timer;
    timer.start();
    d = Data{};
    // Where the log is, before anything is read: what is written meanwhile is read again.
    if (m_db->isPostgres()) {
        auto snap = m_db->selectOne(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"));
        if (!snap)
            return snap.error();
        d.xmin = snap->value(0).toString().toULongLong();
    } else {
        auto last = m_db->select(QStringLiteral("SELECT id, n, hi FROM analytics_changes ORDER BY id DESC LIMIT 1"));
        if (!last)
            return last.error();
        if (!last->isEmpty()) {
            d.lastId = last->first().value(0).toLongLong();
            d.lastN = last->first().value(1).toInt();
            d.lastHi = last->first().value(2).toLongLong();
        }
        auto seq = m_db->selectOne(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM analytics_days"));
        if (!seq)
            return seq.error();
        d.lastSeq = seq->value(0).toLongLong();
    }
    if (auto st = reloadLeads(d, {}); !st)
        return st;
    for (const QString &kind : {QStringLiteral("conversion"), QStringLiteral("cost"), QStringLiteral("send")})
        if (auto st = reloadDays(d, kind, {}); !st)
            return st;
    d.loaded = true;
    d.loadMs = timer.elapsed();
    qCInfo(lcFacts) << "analytics facts loaded:" << d.leadCount << "leads," << d.conversions.size() << "conversions," << d.costs.size() << "costs,"
                    << d.sends.size() << "sends in" << d.loadMs << "ms";
    return {};
}

core::Status FactStore::sync()
{
    QMutexLocker one(&m_syncMutex);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool needLoad = false;
    {
        QReadLocker lock(&m_lock);
        needLoad = !m_data->loaded || now - m_data->lastSyncMs > kReloadAfterMs;
    }
    if (needLoad) {
        auto fresh = std::make_unique<Data>();
        if (auto st = loadAll(*fresh); !st)
            return st;
        fresh->lastSyncMs = now;
        QWriteLocker lock(&m_lock);
        m_data = std::move(fresh);
        return {};
    }

    // The rows not applied yet.
    Data &d = *m_data; // only this function changes it, under the mutex; readers see it whole
    struct Change {
        qint64 id;
        QString kind;
        qint64 lo, hi;
        QString day;
        int n;
        quint64 txid;
    };
    QList<Change> changes;
    quint64 newXmin = 0;
    qint64 newSeq = d.lastSeq;
    if (m_db->isPostgres()) {
        auto snap = m_db->selectOne(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"));
        if (!snap)
            return snap.error();
        newXmin = snap->value(0).toString().toULongLong();
        auto rows = m_db->select(QStringLiteral("SELECT id, kind, lo, hi, day, n, txid::text FROM analytics_changes WHERE txid >= ?::xid8 ORDER BY id"),
                                 {QString::number(d.xmin)});
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            if (!d.applied.contains(r.value(0).toLongLong()))
                changes.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toLongLong(), r.value(3).toLongLong(), r.value(4).toString(),
                                r.value(5).toInt(), r.value(6).toString().toULongLong()});
    } else {
        auto rows = m_db->select(QStringLiteral("SELECT id, kind, lo, hi, day, n FROM analytics_changes WHERE id >= ? ORDER BY id"), {d.lastId});
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            Change c{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toLongLong(), r.value(3).toLongLong(), r.value(4).toString(), r.value(5).toInt(), 0};
            if (c.id == d.lastId) {
                if (c.n == d.lastN)
                    continue;
                c.lo = qMax(c.lo, d.lastHi); // the row grew since: its ids from the last one seen
            }
            changes.append(c);
        }
        auto dayRows = m_db->select(QStringLiteral("SELECT kind, day, seq FROM analytics_days WHERE seq > ?"), {d.lastSeq});
        if (!dayRows)
            return dayRows.error();
        for (const auto &r : *dayRows) {
            changes.append({0, r.value(0).toString(), 0, 0, r.value(1).toString(), 0, 0});
            newSeq = qMax(newSeq, r.value(2).toLongLong());
        }
    }
    const bool prune = now - d.lastPruneMs > 3'600'000;
    if (changes.isEmpty() && !prune) {
        QWriteLocker lock(&m_lock);
        d.lastSyncMs = now;
        if (m_db->isPostgres()) {
            d.xmin = newXmin;
            d.applied.removeIf([newXmin](const auto &it) { return it.value() < newXmin; });
        }
        return {};
    }

    // Gather what they name.
    QList<QPair<qint64, qint64>> ranges;
    qint64 ids = 0;
    QHash<QString, QSet<qint64>> days;
    for (const Change &c : std::as_const(changes)) {
        if (c.kind == QLatin1String("lead")) {
            ranges.append({c.lo, c.hi});
            ids += c.hi - c.lo + 1;
        } else {
            const QDate day = QDate::fromString(c.day, Qt::ISODate);
            if (day.isValid())
                days[c.kind].insert(QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() / kDayMs);
        }
    }
    std::sort(ranges.begin(), ranges.end());
    QList<QPair<qint64, qint64>> merged;
    for (const auto &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.first <= merged.last().second + 1)
            merged.last().second = qMax(merged.last().second, r.second);
        else
            merged.append(r);
    }

    QWriteLocker lock(&m_lock);
    core::Status st;
    if (ids > kMaxLeadRangeIds || merged.size() > 5000)
        st = reloadLeads(d, {});
    else if (!merged.isEmpty())
        st = reloadLeads(d, merged);
    for (auto it = days.cbegin(); st && it != days.cend(); ++it)
        st = reloadDays(d, it.key(), it.value().size() > kMaxDays ? QSet<qint64>{} : it.value());
    if (!st) {
        d.loaded = false; // half applied: read everything at the next figure
        return st;
    }
    d.lastSeq = newSeq;
    for (const Change &c : std::as_const(changes)) {
        if (c.id == 0)
            continue; // a day of analytics_days (SQLite)
        if (m_db->isPostgres()) {
            d.applied.insert(c.id, c.txid);
        } else if (c.id >= d.lastId) {
            d.lastId = c.id;
            d.lastN = c.n;
            d.lastHi = c.hi;
        }
    }
    if (m_db->isPostgres()) {
        d.xmin = newXmin;
        d.applied.removeIf([newXmin](const auto &it) { return it.value() < newXmin; });
    }
    d.lastSyncMs = now;
    if (prune)
        d.lastPruneMs = now;
    lock.unlock();
    if (prune) {
        const QDateTime cutoff = QDateTime::fromMSecsSinceEpoch(now - kPruneAfterMs, Qt::UTC);
        core::logDiscarded(m_db->execute(QStringLiteral("DELETE FROM analytics_changes WHERE created_at < ? AND id < (SELECT MAX(id) FROM analytics_changes)"),
                                         {m_db->timestamp(cutoff)}),
                           "the analytics change log kept longer; the next hour tries again");
    }
    if (!changes.isEmpty())
        qCDebug(lcFacts) << "analytics facts: applied" << changes.size() << "changes (" << ids << "lead ids," << days.size() << "kinds of days)";
    return {};
}

// --- the figures ---------------------------------------------------------------------------

core::Status FactStore::loadLocationNames(Filter &f)
{
    auto rows = m_db->select(QStringLiteral("SELECT id, name FROM locations"));
    if (!rows)
        return rows.error();
    for (const auto &r : *rows)
        if (!r.value(1).isNull())
            f.locationNames.insert(quint32(r.value(0).toLongLong()), r.value(1).toString());
    return {};
}

core::Result<FactStore::Filter> FactStore::filterFor(const Query &q)
{
    Filter f;
    if (q.locationGroupId) {
        auto rows = m_db->select(QStringLiteral("SELECT location_id FROM location_group_members WHERE group_id = ?"), {*q.locationGroupId});
        if (!rows)
            return rows.error();
        f.byLocations = true;
        for (const auto &r : *rows)
            f.locations.insert(quint32(r.value(0).toLongLong()));
    }
    f.byCampaign = q.campaignId.has_value();
    f.campaign = q.campaignId && *q.campaignId <= std::numeric_limits<quint32>::max() ? quint32(*q.campaignId) : 0;
    f.byUser = q.userId.has_value();
    f.user = q.userId && *q.userId <= std::numeric_limits<quint32>::max() ? quint32(*q.userId) : 0;
    f.bySource = !q.source.isEmpty();
    f.none = !f.bySource && !f.byCampaign && !f.byLocations && !f.byUser;
    return f;
}

// The facts, current, held for reading, with the query's filters in their terms.
struct FactStore::Reading {
    Reading(QReadWriteLock *lock, const Data &data, Filter filter) : locker(lock), d(data), f(std::move(filter)) {}
    QReadLocker locker;
    const Data &d;
    Filter f;
};

core::Result<std::unique_ptr<FactStore::Reading>> FactStore::read(const Query &q, bool locationNames)
{
    if (auto st = sync(); !st)
        return st.error();
    auto found = filterFor(q);
    if (!found)
        return found.error();
    Filter f = *found;
    if (locationNames)
        if (auto st = loadLocationNames(f); !st)
            return st.error();
    auto reading = std::make_unique<Reading>(&m_lock, *m_data, std::move(f));
    if (reading->d.unusable || !reading->d.loaded)
        return core::makeError(core::ErrorCode::Unavailable, QStringLiteral("the analytics facts cannot be held in memory here"));
    if (reading->f.bySource)
        reading->f.source = reading->d.sources.find(q.source);
    return reading;
}

// A key of a grouping, as the figures show it (and the SQL groups it).
QString FactStore::keyName(const Data &d, const Filter &f, Group group, quint64 key)
{
    switch (group) {
    case Group::Overall: return QStringLiteral("overall");
    case Group::Source: return key == 0 ? QStringLiteral("(none)") : d.sources.name(quint32(key));
    case Group::CostType: return d.types.name(quint32(key));
    case Group::Campaign: return key == 0 ? QStringLiteral("(none)") : QString::number(key);
    case Group::Location: {
        const quint32 location = quint32(key >> 32), city = quint32(key & 0xffffffffu);
        const QString name = f.locationNames.value(location);
        if (!name.isNull())
            return name;
        return city != 0 ? d.cities.name(city) : QStringLiteral("(unknown)");
    }
    }
    return {};
}

core::Result<FactStore::Table> FactStore::sums(const Query &q, const QDateTime &fromTime, const QDateTime &toTime, Group group, unsigned measures,
                                                 const QList<QDateTime> &bucketStarts)
{
    auto reading = read(q, group == Group::Location);
    if (!reading)
        return reading.error();
    const Data &d = (*reading)->d;
    const Filter &f = (*reading)->f;

    const qint64 from = msOf(fromTime), to = msOf(toTime);
    std::vector<qint64> starts;
    for (const QDateTime &s : bucketStarts)
        starts.push_back(msOf(s));
    const qsizetype buckets = qMax<qsizetype>(1, qsizetype(starts.size()));
    auto bucketOf = [&starts](qint64 at) -> qsizetype {
        if (starts.empty())
            return 0;
        return qsizetype(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
    };
    // Keys as numbers while counting; names at the end.
    std::unordered_map<quint64, std::vector<Sums>> acc;
    auto slot = [&acc, buckets](quint64 key, qsizetype bucket) -> Sums & {
        auto &v = acc[key];
        if (v.empty())
            v.resize(size_t(buckets));
        return v[size_t(bucket)];
    };
    constexpr quint64 kNone = 0;
    auto leadKey = [&](const LeadFact &l) -> quint64 {
        switch (group) {
        case Group::Source: return l.source;
        case Group::Location: return (quint64(l.location) << 32) | l.city;
        default: return kNone;
        }
    };
    // Adds `add` to the lead's key(s): its campaigns when grouped so (none: not counted).
    auto forLeadKeys = [&](quint32 id, const LeadFact &l, qsizetype bucket, auto add) {
        if (group == Group::Campaign) {
            if (id + 1 >= d.memberOffsets.size())
                return;
            for (quint32 k = d.memberOffsets[id]; k < d.memberOffsets[id + 1]; ++k)
                add(slot(d.memberCampaigns[k], bucket));
            return;
        }
        if (group == Group::CostType)
            return; // lead figures have no cost type
        add(slot(leadKey(l), bucket));
    };

    if (measures & LeadsIn) {
        for (quint32 id = 0; id < d.leads.size(); ++id) {
            const LeadFact &l = d.leads[id];
            if (!l.exists || l.created < from || l.created >= to || !f.lead(d, id, l))
                continue;
            const qsizetype b = bucketOf(l.created);
            if (b >= 0)
                forLeadKeys(id, l, b, [](Sums &s) { ++s.leadsIn; });
        }
    }
    auto range = [from, to](const auto &v) {
        using T = typename std::decay_t<decltype(v)>::value_type;
        T a, b;
        a.at = from;
        b.at = to;
        return std::pair(std::lower_bound(v.begin(), v.end(), a, earlier<T>), std::lower_bound(v.begin(), v.end(), b, earlier<T>));
    };
    if (measures & Conversions) {
        const auto [first, last] = range(d.conversions);
        for (auto it = first; it != last; ++it) {
            const LeadFact *l = d.lead(it->lead);
            if (!it->usd || !l || !f.lead(d, it->lead, *l))
                continue;
            const qsizetype b = bucketOf(it->at);
            if (b >= 0)
                forLeadKeys(it->lead, *l, b, [r = it->revenue](Sums &s) {
                    ++s.conversions;
                    s.revenue += r;
                });
        }
    }
    if (measures & Sends) {
        const auto [first, last] = range(d.sends);
        for (auto it = first; it != last; ++it) {
            const LeadFact *l = d.lead(it->lead);
            if (!l || !f.lead(d, it->lead, *l))
                continue;
            const qsizetype b = bucketOf(it->at);
            if (b >= 0)
                forLeadKeys(it->lead, *l, b, [](Sums &s) { ++s.sends; });
        }
    }
    if (measures & Costs) {
        const auto [first, last] = range(d.costs);
        for (auto it = first; it != last; ++it) {
            const LeadFact *l = d.lead(it->lead);
            if (!f.cost(*it, l))
                continue;
            const qsizetype b = bucketOf(it->at);
            if (b < 0)
                continue;
            quint64 key = kNone;
            switch (group) {
            case Group::Source: key = it->source != 0 ? it->source : (l ? l->source : 0); break;
            case Group::Campaign: key = it->campaign; break;
            case Group::Location: key = l ? ((quint64(l->location) << 32) | l->city) : 0; break;
            case Group::CostType: key = it->type; break;
            case Group::Overall: break;
            }
            Sums &s = slot(key, b);
            s.cost += it->amount;
            ++s.costCount;
        }
    }

    Table out;
    for (const auto &[key, values] : acc) {
        const QString name = keyName(d, f, group, key);
        QList<Sums> &row = out[name];
        if (row.isEmpty())
            row.resize(buckets);
        for (qsizetype i = 0; i < buckets; ++i) {
            const Sums &s = values[size_t(i)];
            Sums &t = row[i];
            t.leadsIn += s.leadsIn;
            t.conversions += s.conversions;
            t.revenue += s.revenue;
            t.sends += s.sends;
            t.cost += s.cost;
            t.costCount += s.costCount;
        }
    }
    return out;
}

core::Result<qint64> FactStore::leadsConvertedWithin(const Query &q)
{
    auto reading = read(q, false);
    if (!reading)
        return reading.error();
    const Data &d = (*reading)->d;
    const Filter *filter = &(*reading)->f;
    const qint64 from = msOf(q.from), to = msOf(q.to);
    ConversionFact a, b;
    a.at = from;
    b.at = to;
    std::vector<quint32> leads;
    for (auto it = std::lower_bound(d.conversions.begin(), d.conversions.end(), a, earlier<ConversionFact>),
              end = std::lower_bound(d.conversions.begin(), d.conversions.end(), b, earlier<ConversionFact>);
         it != end; ++it)
        leads.push_back(it->lead);
    std::sort(leads.begin(), leads.end());
    leads.erase(std::unique(leads.begin(), leads.end()), leads.end());
    qint64 n = 0;
    for (quint32 id : leads) {
        const LeadFact *l = d.lead(id);
        if (l && l->created >= from && l->created < to && filter->lead(d, id, *l))
            ++n;
    }
    return n;
}

core::Result<QList<qint64>> FactStore::leadIds(const Query &q, Measure measure, std::optional<Group> group, const QString &key)
{
    auto reading = read(q, group == Group::Location);
    if (!reading)
        return reading.error();
    const Data &d = (*reading)->d;
    const Filter &f = (*reading)->f;
    const qint64 from = msOf(q.from), to = msOf(q.to);
    // Whether a lead's (or a cost's) key under the grouping is `key`.
    auto leadMatches = [&](quint32 id, const LeadFact &l) {
        if (!group)
            return true;
        switch (*group) {
        case Group::Source: return keyName(d, f, *group, l.source) == key;
        case Group::Location: return keyName(d, f, *group, (quint64(l.location) << 32) | l.city) == key;
        case Group::Campaign: {
            bool ok = false;
            const quint32 c = key.toUInt(&ok);
            return ok && c != 0 && QString::number(c) == key && d.inCampaign(id, c);
        }
        default: return false;
        }
    };
    std::vector<quint32> ids;
    if (measure == LeadsIn) {
        for (quint32 id = 0; id < d.leads.size(); ++id) {
            const LeadFact &l = d.leads[id];
            if (l.exists && l.created >= from && l.created < to && f.lead(d, id, l) && leadMatches(id, l))
                ids.push_back(id);
        }
    } else if (measure == Conversions) {
        ConversionFact a, b;
        a.at = from;
        b.at = to;
        for (auto it = std::lower_bound(d.conversions.begin(), d.conversions.end(), a, earlier<ConversionFact>),
                  end = std::lower_bound(d.conversions.begin(), d.conversions.end(), b, earlier<ConversionFact>);
             it != end; ++it) {
            const LeadFact *l = d.lead(it->lead);
            if (it->usd && l && f.lead(d, it->lead, *l) && leadMatches(it->lead, *l))
                ids.push_back(it->lead);
        }
    } else if (measure == Costs) {
        CostFact a, b;
        a.at = from;
        b.at = to;
        for (auto it = std::lower_bound(d.costs.begin(), d.costs.end(), a, earlier<CostFact>), end = std::lower_bound(d.costs.begin(), d.costs.end(), b, earlier<CostFact>);
             it != end; ++it) {
            const LeadFact *l = d.lead(it->lead);
            if (!l || l->deleted || !f.cost(*it, l))
                continue;
            bool match = true;
            if (group) {
                quint64 k = 0;
                switch (*group) {
                case Group::Source: k = it->source != 0 ? it->source : l->source; break;
                case Group::Campaign: k = it->campaign; break;
                case Group::Location: k = (quint64(l->location) << 32) | l->city; break;
                case Group::CostType: k = it->type; break;
                case Group::Overall: break;
                }
                match = keyName(d, f, *group, k) == key;
            }
            if (match)
                ids.push_back(it->lead);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QList<qint64> out;
    out.reserve(qsizetype(ids.size()));
    for (quint32 id : ids)
        out.append(id);
    return out;
}

core::Result<FactStore::Funnel> FactStore::funnel(const Query &q, const QSet<QString> &qualifiedOrLater, int idsOfStage)
{
    auto reading = read(q, false);
    if (!reading)
        return reading.error();
    const Data &d = (*reading)->d;
    const Filter &f = (*reading)->f;
    QSet<quint32> qualified;
    for (const QString &value : qualifiedOrLater)
        if (const quint32 code = d.stages.find(value); code != 0)
            qualified.insert(code);
    const qint64 from = msOf(q.from), to = msOf(q.to);
    Funnel out;
    constexpr int kStages = 6;
    for (quint32 id = 0; id < d.leads.size(); ++id) {
        const LeadFact &l = d.leads[id];
        if (!l.exists || l.created < from || l.created >= to || !f.lead(d, id, l))
            continue;
        const FunnelFact &ff = d.funnel[id];
        std::array<qint64, kStages> at{l.created, ff.enriched, ff.contacted, ff.replied, kNever, ff.converted};
        std::array<bool, kStages> reached{true, ff.enriched != kNever, ff.contacted != kNever, ff.replied != kNever,
                                          qualified.contains(ff.status) || qualified.contains(l.stage), ff.converted != kNever};
        if (reached[4] || reached[5]) {
            // When it became qualified: the first change of status or stage into a qualified-or-later value.
            StatusChange key;
            key.lead = id;
            key.at = std::numeric_limits<qint64>::min();
            for (auto it = std::lower_bound(d.statusChanges.begin(), d.statusChanges.end(), key); it != d.statusChanges.end() && it->lead == id; ++it)
                if ((it->status != 0 && qualified.contains(it->status)) || (it->stage != 0 && qualified.contains(it->stage))) {
                    at[4] = it->at;
                    break;
                }
            if (at[4] == kNever && reached[5])
                at[4] = at[5];
        }
        reached[4] = reached[4] || reached[5];
        for (int s = kStages - 2; s >= 0; --s) // reaching a stage counts for every stage before it
            reached[size_t(s)] = reached[size_t(s)] || reached[size_t(s) + 1];
        if (idsOfStage >= 0 && idsOfStage < kStages && reached[size_t(idsOfStage)])
            out.ids.append(id);
        for (int s = 0; s < kStages; ++s) {
            out.counts[size_t(s)] += reached[size_t(s)];
            if (s > 0 && at[size_t(s)] != kNever && at[size_t(s) - 1] != kNever && at[size_t(s)] >= at[size_t(s) - 1])
                out.gapSeconds[size_t(s)].append((at[size_t(s)] - at[size_t(s) - 1]) / 1000);
        }
    }
    return out;
}

namespace {
struct Card {
    qint64 id = 0;
    std::optional<qint64> key;
};
// A stage's first `n` cards in the board's order.
QList<qint64> firstCards(std::vector<Card> &cards, bool open, int n)
{
    const size_t k = std::min(cards.size(), size_t(qMax(0, n)));
    std::partial_sort(cards.begin(), cards.begin() + qsizetype(k), cards.end(), [open](const Card &a, const Card &b) {
        if (a.key.has_value() != b.key.has_value())
            return a.key.has_value();
        if (a.key && *a.key != *b.key)
            return *a.key > *b.key;
        return open ? a.id < b.id : a.id > b.id;
    });
    QList<qint64> out;
    for (size_t i = 0; i < k; ++i)
        out.append(cards[i].id);
    return out;
}
int monthKey(const QDate &d) { return d.isValid() ? d.year() * 12 + d.month() - 1 : -1; }
void addDeal(FactStore::DealSums &s, bool hasValue, qint64 value)
{
    ++s.deals;
    if (hasValue) {
        ++s.valued;
        s.value += value;
    }
}
} // namespace

FactStore::DealTotals FactStore::totalDeals(const QList<Deal> &deals, const QHash<QString, QString> &stageKinds, int perStage)
{
    DealTotals out;
    QHash<QString, std::vector<Card>> cards;
    for (const Deal &d : deals) {
        const auto kind = stageKinds.constFind(d.stage);
        if (kind == stageKinds.cend())
            continue;
        addDeal(out.byStage[d.stage], d.hasValue, d.valueCents);
        addDeal(out.byStageAndMonth[d.stage][monthKey(d.expectedClose)], d.hasValue, d.valueCents);
        cards[d.stage].push_back({d.leadId, *kind == QLatin1String("won")    ? d.convertedMs
                                            : *kind == QLatin1String("lost") ? d.lostMs
                                            : d.hasValue                     ? std::optional<qint64>(d.valueCents)
                                                                             : std::nullopt});
    }
    for (auto it = cards.begin(); it != cards.end(); ++it)
        out.first.insert(it.key(), firstCards(it.value(), stageKinds.value(it.key()) == QLatin1String("open"), perStage));
    return out;
}

core::Result<FactStore::DealTotals> FactStore::dealTotals(const Query &q, const QHash<QString, QString> &stageKinds, int perStage)
{
    auto reading = read(q, false);
    if (!reading)
        return reading.error();
    const Data &d = (*reading)->d;
    const Filter &f = (*reading)->f;
    // The pipeline's stages by code: 0 open, 1 won, 2 lost.
    QHash<quint32, int> kinds;
    for (auto it = stageKinds.cbegin(); it != stageKinds.cend(); ++it)
        if (const quint32 code = d.stages.find(it.key()); code != 0)
            kinds.insert(code, it.value() == QLatin1String("won") ? 1 : it.value() == QLatin1String("lost") ? 2 : 0);
    std::unordered_map<quint32, DealSums> byStage;
    std::unordered_map<quint64, DealSums> byMonth; // stage << 32 | (month key + 1)
    std::unordered_map<quint32, std::vector<Card>> cards;
    for (auto it = d.deals.cbegin(); it != d.deals.cend(); ++it) {
        const LeadFact *l = d.lead(it.key());
        if (!l || !f.lead(d, it.key(), *l))
            continue;
        const auto kind = kinds.constFind(l->stage);
        if (kind == kinds.cend())
            continue;
        addDeal(byStage[l->stage], it->hasValue, it->value);
        const int month = it->closeDay != 0 ? monthKey(QDate::fromJulianDay(it->closeDay)) : -1;
        addDeal(byMonth[(quint64(l->stage) << 32) | quint32(month + 1)], it->hasValue, it->value);
        std::optional<qint64> key;
        if (*kind == 1 && it->convertedMs != std::numeric_limits<qint64>::min())
            key = it->convertedMs;
        else if (*kind == 2 && it->lostMs != std::numeric_limits<qint64>::min())
            key = it->lostMs;
        else if (*kind == 0 && it->hasValue)
            key = it->value;
        cards[l->stage].push_back({qint64(it.key()), key});
    }
    DealTotals out;
    for (const auto &[code, sums] : byStage)
        out.byStage.insert(d.stages.name(code), sums);
    for (const auto &[key, sums] : byMonth)
        out.byStageAndMonth[d.stages.name(quint32(key >> 32))].insert(int(key & 0xffffffffu) - 1, sums);
    for (auto &[code, list] : cards)
        out.first.insert(d.stages.name(code), firstCards(list, kinds.value(code) == 0, perStage));
    return out;
}

} // namespace fliptech::analytics
