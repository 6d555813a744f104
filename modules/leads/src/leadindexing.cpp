#include "fliptech/leads/leadindexing.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcLeads)

namespace fliptech::leads {

using core::ErrorCode;
using storage::Transaction;

namespace {

// Search entries indexed per transaction: ~0.5 s of work, so other writers wait no longer.
constexpr qint64 searchChunk = 50000;

QString quoted(const QString &name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

QJsonObject IndexingState::toJson() const
{
    return {{QStringLiteral("pending"), pending()}, {QStringLiteral("indexes"), indexes}, {QStringLiteral("search_backlog"), searchBacklog}};
}

LeadIndexing::LeadIndexing(std::shared_ptr<storage::Database> db) : m_db(std::move(db)) {}

core::Status LeadIndexing::addToSearch(storage::Database &db, const QString &where, const QVariantList &params)
{
    auto indexed = db.execute(
        db.isPostgres()
            ? QStringLiteral("INSERT INTO lead_search (lead_id, document) "
                             "SELECT id, lead_search_vector(name, company, email, phone, website_domain, city, description) FROM leads WHERE %1 "
                             "ON CONFLICT (lead_id) DO UPDATE SET document = EXCLUDED.document").arg(where)
            : QStringLiteral("INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description) "
                             "SELECT id, name, company, email, phone, website_domain, city, description FROM leads WHERE ") + where,
        params);
    if (!indexed)
        return indexed.error();
    return {};
}

QString LeadIndexing::notInBacklog()
{
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM bulkload_search_backlog b WHERE b.lo <= leads.id AND b.hi >= leads.id)");
}

core::Result<IndexingState> LeadIndexing::state() const
{
    IndexingState s;
    auto row = m_db->selectOne(QStringLiteral("SELECT (SELECT count(*) FROM bulkload_indexes), "
                                              "(SELECT coalesce(sum(hi - lo + 1), 0) FROM bulkload_search_backlog)"));
    if (!row)
        return row.error();
    s.indexes = row->value(0).toLongLong();
    s.searchBacklog = row->value(1).toLongLong();
    return s;
}

core::Status LeadIndexing::deferIndexes(storage::Database &db)
{
    if (db.isPostgres()) {
        // Recorded before the drops (a crash in between leaves them to the job: it builds back
        // what is gone and skips what is still there), and again after: an indexing job that
        // finished building one meanwhile has crossed it off.
        auto indexes = db.select(QStringLiteral("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                                                "WHERE i.indrelid = 'leads'::regclass AND NOT i.indisunique AND NOT i.indisprimary"));
        if (!indexes)
            return indexes.error();
        auto record = [&]() -> core::Status {
            for (const auto &r : *indexes)
                if (auto done = db.execute(QStringLiteral("INSERT INTO bulkload_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"),
                                           {r.value(0), r.value(1)});
                    !done)
                    return done.error();
            return {};
        };
        if (auto st = record(); !st)
            return st;
        for (const auto &r : *indexes)
            if (auto st = db.executeRaw(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS ") + quoted(r.value(0).toString())); !st)
                return st;
        return record();
    }
    auto indexes = db.select(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL"));
    if (!indexes)
        return indexes.error();
    for (const auto &r : *indexes) {
        const QString name = r.value(0).toString();
        const QString sql = r.value(1).toString();
        if (sql.startsWith(QLatin1String("CREATE UNIQUE"), Qt::CaseInsensitive))
            continue; // a unique key keeps guarding while rows come in
        auto recorded = db.execute(QStringLiteral("INSERT OR IGNORE INTO bulkload_indexes (name, sql) VALUES (?, ?)"), {name, sql});
        if (!recorded)
            return recorded.error();
        if (auto st = db.executeRaw(QStringLiteral("DROP INDEX ") + quoted(name)); !st)
            return st;
    }
    return {};
}

core::Status LeadIndexing::queueForSearch(storage::Database &db, qint64 fromId)
{
    auto maxId = db.selectOne(QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"));
    if (!maxId)
        return maxId.error();
    qint64 lo = fromId, hi = maxId->value(0).toLongLong();
    if (hi < lo)
        return {};
    // One range for touching or overlapping ones: an id is never queued twice.
    auto near = db.selectOne(QStringLiteral("SELECT min(lo), max(hi) FROM bulkload_search_backlog WHERE lo <= ? AND hi >= ?"), {hi + 1, lo - 1});
    if (!near)
        return near.error();
    if (!near->value(0).isNull()) {
        lo = qMin(lo, near->value(0).toLongLong());
        hi = qMax(hi, near->value(1).toLongLong());
    }
    auto removed = db.execute(QStringLiteral("DELETE FROM bulkload_search_backlog WHERE lo <= ? AND hi >= ?"), {hi + 1, lo - 1});
    if (!removed)
        return removed.error();
    auto added = db.execute(QStringLiteral("INSERT INTO bulkload_search_backlog (lo, hi) VALUES (?, ?)"), {lo, hi});
    if (!added)
        return added.error();
    return {};
}

core::Result<IndexingState> LeadIndexing::run(const Progress &progress, const std::function<bool()> &cancelled)
{
    auto before = state();
    if (!before || !before->pending())
        return before;
    auto rows = m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads"));
    if (!rows)
        return rows.error();
    // Work in rows: an index reads the whole table; the backlog, its own rows.
    const qint64 tableRows = qMax<qint64>(1, rows->value(0).toLongLong());
    const qint64 total = before->indexes * tableRows + before->searchBacklog;
    qint64 done = 0;
    auto report = [&] {
        if (progress)
            progress(qMin(done, total), total);
    };
    report();
    // Runs `step` in its own short transaction until it finds nothing left (nullopt); each step
    // says how much work it did. Cancelled: stops between steps.
    using Step = std::function<core::Result<std::optional<qint64>>()>;
    auto steps = [&](const Step &step) -> core::Status {
        for (;;) {
            if (cancelled && cancelled())
                return core::makeError(ErrorCode::Cancelled, QStringLiteral("indexing was paused; it goes on from here next time"));
            Transaction tx(*m_db, Transaction::Mode::Immediate);
            if (!tx.isActive())
                return tx.error();
            auto did = step();
            if (!did)
                return did.error();
            if (!*did)
                return {};
            if (auto st = tx.commit(); !st)
                return st;
            done += **did;
            report();
        }
    };
    // Nothing left when the query finds no row.
    auto next = [&](const QString &sql) -> core::Result<std::optional<storage::Row>> {
        auto row = m_db->selectOne(sql);
        if (!row)
            return row.error().code == ErrorCode::NotFound ? core::Result<std::optional<storage::Row>>(std::nullopt) : row.error();
        return std::optional<storage::Row>(*row);
    };
    const auto buildIndex = [&]() -> core::Result<std::optional<qint64>> {
        auto index = next(QStringLiteral("SELECT name, sql FROM bulkload_indexes ORDER BY created_at, name LIMIT 1"));
        if (!index || !*index)
            return index ? core::Result<std::optional<qint64>>(std::nullopt) : index.error();
        const QString name = (*index)->value(0).toString();
        auto exists = m_db->selectOne(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"), {name});
        if (!exists && exists.error().code != ErrorCode::NotFound)
            return exists.error();
        if (!exists)
            if (auto st = m_db->executeRaw((*index)->value(1).toString()); !st)
                return st.error();
        if (auto gone = m_db->execute(QStringLiteral("DELETE FROM bulkload_indexes WHERE name = ?"), {name}); !gone)
            return gone.error();
        return std::optional<qint64>(tableRows);
    };
    const auto indexForSearch = [&]() -> core::Result<std::optional<qint64>> {
        auto range = next(QStringLiteral("SELECT lo, hi FROM bulkload_search_backlog ORDER BY lo LIMIT 1"));
        if (!range || !*range)
            return range ? core::Result<std::optional<qint64>>(std::nullopt) : range.error();
        const qint64 lo = (*range)->value(0).toLongLong(), hi = (*range)->value(1).toLongLong();
        const qint64 end = qMin(hi, lo + searchChunk - 1);
        if (auto st = addToSearch(*m_db, QStringLiteral("id BETWEEN ? AND ?"), {lo, end}); !st)
            return st.error();
        auto moved = end == hi ? m_db->execute(QStringLiteral("DELETE FROM bulkload_search_backlog WHERE lo = ?"), {lo})
                               : m_db->execute(QStringLiteral("UPDATE bulkload_search_backlog SET lo = ? WHERE lo = ?"), {end + 1, lo});
        if (!moved)
            return moved.error();
        return std::optional<qint64>(end - lo + 1);
    };
    if (m_db->isPostgres()) {
        if (auto st = buildConcurrently(progress, cancelled, tableRows, total); !st)
            return st.error();
        done = before->indexes * tableRows;
    } else if (auto st = steps(buildIndex); !st) {
        return st.error();
    }
    if (auto st = steps(indexForSearch); !st)
        return st.error();
    // Statistics for the planner now that the indexes are back. SQLite reads every index whole
    // (2.5 s at 1M leads): with analysis_limit it takes the first entries of each index for the
    // whole, and a city and a status then looked equally selective (1,001 rows each), so city x
    // status x score walked the status's 133,000 entries instead of the city's 25,000 (17 -> 3 ms).
    core::logDiscarded(m_db->executeRaw(m_db->isPostgres() ? QStringLiteral("ANALYZE leads, lead_search, lead_tags")
                                                           : QStringLiteral("ANALYZE leads; ANALYZE lead_tags")),
                       "planner statistics; the planner works without them until the next ANALYZE");
    qCInfo(lcLeads) << "indexing caught up:" << before->indexes << "indexes," << before->searchBacklog << "leads for search";
    return state();
}

core::Status LeadIndexing::buildConcurrently(const Progress &progress, const std::function<bool()> &cancelled, qint64 perIndex, qint64 total)
{
    // Memory for the sorts of an index build (the server's default, 64 MB, spills a million
    // rows to disk); this connection's setting, put back at the end.
    if (auto st = m_db->executeRaw(QStringLiteral("SET maintenance_work_mem = '256MB'")); !st)
        return st;
    auto reset = qScopeGuard([&] {
        core::logDiscarded(m_db->executeRaw(QStringLiteral("RESET maintenance_work_mem")), "a session setting; the next index build sets it again");
    });
    qint64 done = 0;
    for (;;) {
        if (cancelled && cancelled())
            return core::makeError(ErrorCode::Cancelled, QStringLiteral("indexing was paused; it goes on from here next time"));
        auto next = m_db->select(QStringLiteral("SELECT b.name, b.sql, i.indisvalid FROM bulkload_indexes b "
                                                "LEFT JOIN pg_class c ON c.relname = b.name AND c.relkind = 'i' "
                                                "LEFT JOIN pg_index i ON i.indexrelid = c.oid ORDER BY b.created_at, b.name LIMIT 1"));
        if (!next)
            return next.error();
        if (next->isEmpty())
            break;
        const QString name = next->at(0).value(0).toString();
        QString sql = next->at(0).value(1).toString();
        const QVariant valid = next->at(0).value(2);
        // A concurrent build that failed half-way leaves an invalid index behind: it goes first.
        if (!valid.isNull() && !valid.toBool())
            if (auto st = m_db->executeRaw(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS ") + quoted(name)); !st)
                return st;
        if (valid.isNull() || !valid.toBool()) {
            sql.replace(QRegularExpression(QStringLiteral("^CREATE INDEX ")), QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS "));
            if (auto st = m_db->executeRaw(sql); !st)
                return st;
        }
        if (auto gone = m_db->execute(QStringLiteral("DELETE FROM bulkload_indexes WHERE name = ?"), {name}); !gone)
            return gone.error();
        done += perIndex;
        if (progress)
            progress(qMin(done, total), total);
    }
    return {};
}

} // namespace fliptech::leads
