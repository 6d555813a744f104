#pragma once
// FactStore: what the figures count, held in this process's memory in a compact form — every
// lead (when it came in, its source, place, salesperson, deal), USD conversions, USD costs (with
// the lead they belong to), campaign e-mails sent and the campaigns each lead is in — so that a
// figure over any period, time zone, filter and grouping is one pass over arrays (a year of a
// million-lead workspace in milliseconds) instead of joins over millions of rows.
//
// Loaded on first use, then kept current from `analytics_changes`, which triggers fill on every
// write that changes a figure (migration 0028): before each figure the store reads the rows it
// has not applied and reads again the leads and the days they name. So every answer sees every
// write committed before it was asked, from any process. The SQL the figures were written in
// first stays as the reference (RevenueService with FLIPTECH_ANALYTICS_RAW=1, and the tests
// that compare both after random writes).
//
// Thread-safe: figures read side by side; catching up takes the store for itself.

#include "fliptech/analytics/query.h"
#include "fliptech/core/error.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QReadWriteLock>
#include <QSet>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace fliptech::storage {
class Database;
}

namespace fliptech::analytics {

class FactStore final
{
public:
    explicit FactStore(std::shared_ptr<storage::Database> db);
    ~FactStore();
    FactStore(const FactStore &) = delete;
    FactStore &operator=(const FactStore &) = delete;

    // How the sums are grouped: one "overall" key, or the lead's (a cost's own, else its lead's)
    // source, campaign (a lead in two campaigns counts in both; a cost's own campaign, else
    // "(none)"), location (its name, else the lead's city, else "(unknown)") or cost type.
    enum class Group { Overall, Source, Campaign, Location, CostType };
    enum Measure : unsigned { LeadsIn = 1, Conversions = 2, Sends = 4, Costs = 8 };
    struct Sums {
        qint64 leadsIn = 0, conversions = 0, revenue = 0, sends = 0, cost = 0, costCount = 0;
    };
    // Per key, per bucket (bucketStarts ascending, the first at or before `from`; none: one
    // bucket), what came in during [from, to) that passes the query's filters: leads created,
    // USD conversions and their revenue, campaign e-mails sent (to leads that pass), USD costs.
    using Table = QMap<QString, QList<Sums>>;
    core::Result<Table> sums(const Query &q, const QDateTime &from, const QDateTime &to, Group group, unsigned measures,
                             const QList<QDateTime> &bucketStarts = {});
    // Leads created in the query's period (and filters) with a conversion, in any currency, in it.
    core::Result<qint64> leadsConvertedWithin(const Query &q);

    // The leads behind a figure, ascending: created in the period (LeadsIn), with a USD
    // conversion in it (Conversions), or owning its USD costs (Costs; a lead deleted shows no
    // costs) — with `group`, only those whose key under it is `key`.
    core::Result<QList<qint64>> leadIds(const Query &q, Measure measure, std::optional<Group> group, const QString &key);

    // The lead funnel of the query (RevenueService::leadFunnel says what each stage means): per
    // stage the leads that reached it or a later one, the gaps (whole seconds) between a stage
    // and the one before for the leads with both times in order, and the ids of the leads that
    // reached stage `idsOfStage` (none: -1). `qualifiedOrLater`: the statuses and stages that
    // count as qualified.
    struct Funnel {
        std::array<qint64, 6> counts{};
        std::array<QList<qint64>, 6> gapSeconds;
        QList<qint64> ids;
    };
    core::Result<Funnel> funnel(const Query &q, const QSet<QString> &qualifiedOrLater, int idsOfStage);

    struct Deal {
        QString stage;
        qint64 valueCents = 0;
        bool hasValue = false;
        QDate expectedClose;
        qint64 leadId = 0;
        std::optional<qint64> convertedMs, lostMs; // the lead's conversion_date and lost_at
    };
    // The deals now (leads in a stage) of the query's filters, totalled (its period does not
    // apply): per stage the deals, those with a value and their value; the same per stage and
    // expected close month (year × 12 + month − 1; −1: none); and each stage's first `perStage`
    // lead ids in the board's order (open stages the largest value first, won the latest
    // conversion, lost the latest loss; those without one last; ties by id, ascending for open
    // stages, descending for won and lost). `stageKinds`: the pipeline's stages (key → open, won
    // or lost); deals in other stages are not counted.
    struct DealSums {
        qint64 deals = 0, valued = 0, value = 0;
    };
    struct DealTotals {
        QHash<QString, DealSums> byStage;
        QHash<QString, QMap<int, DealSums>> byStageAndMonth;
        QHash<QString, QList<qint64>> first;
    };
    core::Result<DealTotals> dealTotals(const Query &q, const QHash<QString, QString> &stageKinds, int perStage);
    // The same from a list of deals (the SQL's).
    static DealTotals totalDeals(const QList<Deal> &deals, const QHash<QString, QString> &stageKinds, int perStage);

    // Loads everything again at the next figure (tests; a log pruned past this process).
    void invalidate();
    // What the store holds, for the benchmark's report.
    struct Size {
        qint64 leads = 0, conversions = 0, costs = 0, sends = 0, memberships = 0, bytes = 0;
        qint64 lastLoadMs = 0;
        bool usable = false; // loaded, and within what the arrays hold (else the SQL answers)
    };
    Size size() const;

private:
    struct Data;
    struct Filter;
    struct Reading;
    core::Result<std::unique_ptr<Reading>> read(const Query &q, bool locationNames);
    core::Status sync();
    core::Status loadAll(Data &d);
    core::Status reloadLeads(Data &d, const QList<QPair<qint64, qint64>> &ranges);
    core::Status reloadDays(Data &d, const QString &kind, const QSet<qint64> &days);
    core::Result<Filter> filterFor(const Query &q);
    core::Status loadLocationNames(Filter &f);
    static QString keyName(const Data &d, const Filter &f, Group group, quint64 key);

    std::shared_ptr<storage::Database> m_db;
    mutable QReadWriteLock m_lock; // the data
    QMutex m_syncMutex;            // one catch-up at a time
    std::unique_ptr<Data> m_data;
};

} // namespace fliptech::analytics
