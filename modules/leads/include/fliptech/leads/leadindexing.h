#pragma once
// LeadIndexing: the indexes a large import left for later. Keeping the list and search indexes
// current row by row makes a million-row import take minutes; building them afterwards takes
// seconds. So an import that is large next to the table drops the non-unique lead indexes
// (deferIndexes) and queues its rows for search (queueForSearch); run() then
// builds them back (SQLite: in short transactions, so other writers get in between;
// PostgreSQL: CREATE INDEX CONCURRENTLY, so nobody waits) and can be cancelled and resumed:
// the bookkeeping (bulkload_indexes, bulkload_search_backlog) is in the database and
// survives a crash. Until it has run, lists filter without those indexes (correct, slower)
// and search does not find the queued leads.

#include "fliptech/core/error.h"

#include <QJsonObject>
#include <QVariantList>

#include <functional>
#include <memory>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

struct IndexingState {
    qint64 indexes = 0;        // lead indexes to build
    qint64 searchBacklog = 0;  // leads not in the search index yet (at most)
    bool pending() const { return indexes > 0 || searchBacklog > 0; }
    QJsonObject toJson() const;
};

class LeadIndexing final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit LeadIndexing(std::shared_ptr<storage::Database> db);

    core::Result<IndexingState> state() const;
    // Builds every deferred index and indexes the search backlog. Cancelled: stops between
    // steps (what is done stays done); the next run goes on from there.
    core::Result<IndexingState> run(const Progress &progress = {}, const std::function<bool()> &cancelled = {});

    // Records and drops the non-unique lead indexes. SQLite: inside the importer's transaction.
    // PostgreSQL: before it, with no transaction open (DROP INDEX CONCURRENTLY).
    static core::Status deferIndexes(storage::Database &db);
    // Inside the importer's transaction: leads with id >= fromId go to the search backlog.
    static core::Status queueForSearch(storage::Database &db, qint64 fromId);
    // The leads matching `where` (over leads, unaliased) into the search index (SQLite's
    // leads_fts, PostgreSQL's lead_search).
    static core::Status addToSearch(storage::Database &db, const QString &where, const QVariantList &params);
    // SQL that keeps ids in the backlog out of a statement over leads (alias `leads`; SQLite).
    static QString notInBacklog();

private:
    core::Status buildConcurrently(const Progress &progress, const std::function<bool()> &cancelled, qint64 perIndex, qint64 total);
    std::shared_ptr<storage::Database> m_db;
};

} // namespace fliptech::leads
