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
    explicit Transaction(Database &db, Mode mode = Mode::Immediate);
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
    bool m_active = false;
    core::Error m_error;
};

} // namespace fliptech::storage
