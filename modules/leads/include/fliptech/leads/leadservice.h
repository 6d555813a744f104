#pragma once
// LeadService: leads and everything done to them — create, read, update, soft delete with
// restore and purge, paged and filtered lists, tags on leads, bulk operations, duplicates and
// merge — with every change recorded in activity_log as a field-level diff. The API's
// controllers and the desktop's pages both work through it.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/storage/database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QMutex>
#include <QThreadPool>
#include <QObject>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage

namespace fliptech::leads {

struct LeadPage {
    QJsonArray items;      // or, with ListOptions::asJsonText, the same as JSON text:
    QByteArray itemsJson;  // "[{...},{...}]"
    int count = 0;         // leads on this page
    qint64 total = 0;
    bool totalExact = true; // false: `total` is an estimate (see LeadService::total)
    QString nextCursor; // empty on the last page
};

// How many leads a filter matches: exact, or (past LeadService::exactTotalLimit) an estimate.
struct LeadTotal {
    qint64 value = 0;
    bool exact = true;
};

struct ListOptions {
    LeadFilter filter;
    LeadSort sort;
    int limit = 50;
    QString cursor;
    bool withTotal = true;
    bool asJsonText = false; // fill LeadPage::itemsJson instead of items (the API's list)
    bool exactTotal = false; // count every match, however many (otherwise estimated past exactTotalLimit)
};

// A bulk operation over leads chosen by ids or by a filter.
struct BulkRequest {
    enum class Action { Update, SetStatus, SetStage, AddTags, RemoveTags, Delete, Restore, Purge, Export };
    Action action = Action::Update;
    QList<qint64> ids;                 // or
    std::optional<LeadFilter> filter;  // one of the two
    QJsonObject fields;                // Update
    QString value;                     // SetStatus / SetStage
    QStringList tags;                  // AddTags / RemoveTags (names; missing ones are created for AddTags)
    QString format = QStringLiteral("csv"); // Export: csv or json (written by LeadJobs::exportLeads, not bulk())
    QStringList columns;               // Export: empty for every field
    static core::Result<BulkRequest> fromJson(const QJsonObject &json);
    static core::Result<Action> actionFromName(const QString &name);
};

struct BulkReport {
    qint64 matched = 0;
    qint64 changed = 0;
    QJsonArray failedBatches; // [{first_id, last_id, count, error}]
    bool cancelled = false;
    QJsonObject toJson() const;
};

class LeadService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxPageSize = 500;     // what a client may ask for
    static constexpr int maxReadPageSize = 5000; // what the service reads in one go (exports)
    static constexpr int bulkBatchSize = 500;

    LeadService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock,
                QObject *parent = nullptr);
    ~LeadService() override;

    // Past this many matches a total is estimated unless asked for exactly.
    static constexpr qint64 exactTotalLimit = 10000;

    core::Result<LeadPage> list(const ListOptions &options);
    // Exact number of leads a filter matches; counted once per filter and reused until a lead
    // changes here (or for 5 s, for changes made by other machines).
    core::Result<qint64> count(const LeadFilter &filter);
    // The number of leads a filter matches without counting them all: exact up to
    // exactTotalLimit (a count that stops there); past it exact too on SQLite when the count
    // finishes within exactCountBudgetMs, otherwise estimated (PostgreSQL: the planner's
    // estimate; SQLite: a fixed sample of the table, 16 slices of ids, 2 % of it, at least
    // 16,384 ids) and flagged as one. `exact` counts every match. Cached like count().
    core::Result<LeadTotal> total(const LeadFilter &filter, bool exact = false);
    // SQLite: how long an exact count past exactTotalLimit may take before total() estimates
    // instead (default 15 ms; 0 always estimates there, as tests of the estimate need).
    void setExactCountBudgetMs(qint64 ms) { m_exactCountBudgetMs = ms; }
    // The plans the database picks for a list request: its first page's ids ("page") and its
    // bounded count ("total"), as EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL) prints
    // them. Tests check them against the index map in docs/architecture.md.
    core::Result<QJsonObject> queryPlans(const LeadFilter &filter, const LeadSort &sort);
    // Rows [offset, offset+limit) of a sorted filter, for the desktop's windowed model. Pages past
    // the middle are read from the other end, so the last row is as quick as the first.
    core::Result<QJsonArray> window(const LeadFilter &filter, const LeadSort &sort, qint64 offset, int limit, qint64 total);
    core::Result<QJsonObject> get(qint64 id, bool includeDeleted = false);
    // Many at once (the ones not deleted; a missing id is left out): by id.
    core::Result<QHash<qint64, QJsonObject>> getMany(const QList<qint64> &ids);

    core::Result<QJsonObject> create(const Actor &actor, const QJsonObject &fields);

    // Leads from a source that names them (a scraper): each row's fields include source and
    // source_id; a row whose (source, source_id) is stored already updates that lead with its
    // fields (source and source_id aside), the others are added. One transaction for all, one
    // "lead_created" activity per added lead, one change announced. A row with an invalid field
    // is left out and counted in `rejected` with its message. A new row whose e-mail address is
    // a stored lead's (from any source, or earlier in the same batch) is that business seen
    // again: it fills only the fields that lead lacks, and is counted in `merged` (and `updated`).
    struct SourceUpsert {
        int added = 0;
        int updated = 0;
        int merged = 0;
        int rejected = 0;
        QStringList problems;                 // the first few rejected rows' messages
        QList<QPair<qint64, QString>> addedIds; // (lead id, source_id) of the added ones
    };
    core::Result<SourceUpsert> upsertBySource(const Actor &actor, const QList<QJsonObject> &rows);
    // replace (PUT): writable fields not given are cleared; otherwise (PATCH) only given ones change.
    core::Result<QJsonObject> update(const Actor &actor, qint64 id, const QJsonObject &fields, bool replace = false);
    core::Status remove(const Actor &actor, qint64 id);
    core::Result<QJsonObject> restore(const Actor &actor, qint64 id);
    core::Status purge(const Actor &actor, qint64 id);

    static constexpr int maxTagsPerRequest = 100;
    core::Result<QJsonArray> addTags(const Actor &actor, qint64 leadId, const QJsonArray &tagsByNameOrId);
    core::Status removeTag(const Actor &actor, qint64 leadId, qint64 tagId);

    // Ids a bulk request selects (ordered by id).
    core::Result<QList<qint64>> resolve(const BulkRequest &request);
    // Runs in batches of bulkBatchSize, each all-or-nothing; progress(done, total) after each.
    core::Result<BulkReport> bulk(const Actor &actor, const BulkRequest &request,
                                  const std::function<void(qint64, qint64)> &progress = {},
                                  const std::function<bool()> &cancelled = {});

    // Groups of leads that look like the same business: same e-mail, phone or website domain,
    // or the same company name once punctuation and legal suffixes are gone.
    core::Result<QJsonArray> duplicates(int limit = 100);
    // Merges `others` into `survivor`: `choices` maps a field to the id of the lead whose value
    // wins. Tags, notes, activity, conversations, campaigns and conversions move to the survivor.
    core::Result<QJsonObject> merge(const Actor &actor, qint64 survivor, const QList<qint64> &others, const QJsonObject &choices);

    // Records a change of an entity in activity_log.
    core::Status logActivity(const Actor &actor, const QString &action, const QString &entityType, qint64 entityId,
                             const QJsonObject &details = {});
    // Something about leads changed (count caches and views refresh).
    void touch();
    // touch(), and the change told to every other process on the database (an event on the
    // "leads" channel, which their engines turn into their own touch()).
    void announce(const QString &type, const QJsonObject &payload, std::optional<qint64> userId = std::nullopt);
    quint64 generation() const { return m_generation.load(); }

    storage::Database &database() { return *m_db; }

    // Holds back per-lead signals and events on this thread while it lives (bulk work publishes
    // one summary instead).
    class QuietScope final
    {
    public:
        QuietScope() { ++t_quiet; }
        ~QuietScope() { --t_quiet; }
        QuietScope(const QuietScope &) = delete;
        QuietScope &operator=(const QuietScope &) = delete;
    };

Q_SIGNALS:
    // Emitted (from any thread) after leads changed.
    void leadsChanged();

private:
    // A conflict naming the lead (other than exceptId) that holds (source, source_id), if any.
    core::Status sourceHolder(const QVariant &source, const QVariant &sourceId, qint64 exceptId);
    static core::Error sourceConflict(const QVariant &source, const QVariant &sourceId, std::optional<qint64> holder);
    core::Result<QJsonObject> validateFields(const QJsonObject &fields, bool forCreate, QHash<QString, QVariant> *values);
    QJsonObject rowToJson(const QVariantList &values) const;
    core::Status attachTags(QJsonArray &items);
    // Tags of these leads: id -> [{id, name, color}].
    core::Result<QHash<qint64, QJsonArray>> tagsOf(const QVariantList &ids);
    core::Result<qint64> tagIdFor(const QJsonValue &nameOrId, bool create);
    core::Status bulkBatch(const Actor &actor, const BulkRequest &request, const QList<qint64> &ids, qint64 *changed);

    // While a bulk operation runs on this thread, per-lead signals and events are held back
    // (one summary event is published at the end).
    static thread_local int t_quiet;

    std::shared_ptr<storage::Database> m_db;
    storage::EventStore *m_events;
    const core::Clock &m_clock;
    std::atomic<quint64> m_generation{1};
    qint64 m_exactCountBudgetMs = 15;
    struct CountEntry {
        qint64 count;
        quint64 generation;
        qint64 atMs;
        bool refreshing = false;
        bool exact = true;
    };
    // One index range of a page (see pageRanges in the .cpp).
    struct PageRange {
        SqlCondition cond;
        bool nullTail = false;
    };
    struct PageIds {
        storage::Rows rows;
        qsizetype firstTailRow = std::numeric_limits<qsizetype>::max(); // rows from here on have a NULL sort value
    };
    core::Result<QList<PageRange>> pageRanges(const SqlCondition &cond, const LeadSort &sort, const QString &cursor);
    core::Result<PageIds> readPageIds(const QList<PageRange> &ranges, const LeadSort &sort, int limit, const QString &index);
    core::Status fillItems(LeadPage &page, const storage::Rows &idRows, bool asJsonText);
    // The ids of a page: the sorted filter, read where possible from an index alone.
    // `index`: SQLite's INDEXED BY (see walkIndex in the .cpp), or empty for the planner's choice.
    core::Result<storage::Rows> pageIds(const SqlCondition &cond, const LeadSort &sort, int limit, qint64 offset, bool reverse,
                                        const QString &index);
    // The full rows of these ids, in the order given.
    core::Result<storage::Rows> rowsOf(const storage::Rows &idRows);
    QString pageIdsSql(const SqlCondition &cond, const LeadSort &sort, int limit, qint64 offset, bool reverse, const QString &index);
    static QString boundedCountSql(const SqlCondition &cond);
    // The filter as SQL on what a list of it reads best (with `sort`, for its pages; without, for
    // its count): one tag's rows of lead_tag_list (LeadFilter::listTag), else the leads.
    core::Result<SqlCondition> listCondition(const LeadFilter &filter, const LeadSort *sort);
    // The lowest and highest lead id.
    core::Result<std::pair<qint64, qint64>> idBounds();
    // SQLite: the index a page of this filter and sort should walk (see walkIndex in the .cpp),
    // or empty for the planner's choice (always on PostgreSQL).
    core::Result<QString> walkIndexFor(const LeadFilter &filter, const SqlCondition &cond, const LeadSort &sort, qint64 total);
    core::Result<LeadTotal> countBounded(const SqlCondition &cond);
    // Counts older than their time but not changed here are answered at once and counted again
    // in the background (the count of a large filter takes 100+ ms and stalls its HTTP thread).
    QThreadPool m_recount;
    QMutex m_countMutex;
    QHash<QString, CountEntry> m_counts;
    // Pages of the API's list (asJsonText), by query: the same page asked again (a web client
    // refreshing, teammates on the same view) is served without the database until a lead
    // changes through this service, or for a second (changes by other processes).
    struct PageEntry {
        LeadPage page;
        quint64 generation;
        qint64 atMs;
    };
    QMutex m_pageMutex;
    QHash<QString, PageEntry> m_pages;
};

} // namespace fliptech::leads
