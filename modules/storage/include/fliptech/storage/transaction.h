#pragma once
// Transaction: RAII; rolls back unless commit() was called. Nested transactions on the same
// thread become savepoints. Immediate mode takes SQLite's write lock up front (BEGIN IMMEDIATE)
// so read-then-write sequences never fail with a busy snapshot.

#include "fliptech/core/error.h"

namespace fliptech::storage {

class Database;

class Transaction final
{
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database &db, Mode mode = Mode::Deferred);
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
