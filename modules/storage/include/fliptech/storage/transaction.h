#pragma once
// Transaction: RAII; rolls back unless commit() was called. Nested transactions on the same
// thread become savepoints. Immediate mode (the default) takes SQLite's write lock up front
// (BEGIN IMMEDIATE, waiting out the busy timeout) so read-then-write sequences never fail with a
// busy snapshot: begun as a reader, SQLite refuses the upgrade at once ("database is locked")
// when another connection wrote meanwhile — a job's progress report was enough (bench_scraper).
// Deferred is for a transaction that only reads.

#include "fliptech/core/error.h"

namespace fliptech::storage {

class Database;

class Transaction final
{
public:
    enum class Mode { Deferred, Immediate };
    // Inside another transaction: a savepoint (its work undone alone on rollback), or joining
    // the outer one (no statement at all: commit and rollback do nothing; the caller must then
    // fail the outer transaction on any error, as a batch of messages read together does).
    enum class Nesting { Savepoint, Join };
    explicit Transaction(Database &db, Mode mode = Mode::Immediate, Nesting nesting = Nesting::Savepoint);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when BEGIN itself failed (then error() says why and nothing runs).
    bool isActive() const { return m_active; }
    const core::Error &error() const { return m_error; }
    core::Status commit();
    void rollback();

private:
    Database &m_db;
    int m_level = 0; // 1 = outermost
    bool m_joined = false;
    bool m_active = false;
    core::Error m_error;
};

} // namespace fliptech::storage
