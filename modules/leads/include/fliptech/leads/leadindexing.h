#pragma once
// LeadIndexing: the indexes a large SQLite import left for later. Keeping twenty B-tree
// indexes and the full-text index current row by row makes a million-row import take minutes;
// building them afterwards takes seconds. So an import that is large next to the table drops
// the lead indexes in its own transaction (deferIndexes) and queues its rows for search
// (queueForSearch); run() then builds them back in short transactions, so other writers get in
// between, and can be cancelled and resumed: the bookkeeping (bulkload_indexes,
// bulkload_search_backlog) is in the database and survives a crash. Until it has run, lists
// filter without those indexes (correct, slower) and search does not find the queued leads.
// PostgreSQL imports keep their indexes live (COPY); everything here is a no-op there.

#include "fliptech/core/error.h"

#include <QJsonObject>

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

    // Inside the importer's transaction: records and drops the non-unique lead indexes.
    static core::Status deferIndexes(storage::Database &db);
    // Inside the importer's transaction: leads with id >= fromId go to the search backlog.
    static core::Status queueForSearch(storage::Database &db, qint64 fromId);
    // SQL that keeps ids in the backlog out of a statement over leads (alias `leads`).
    static QString notInBacklog();

private:
    std::shared_ptr<storage::Database> m_db;
};

} // namespace fliptech::leads
