#pragma once
// SqliteRowWriter: one prepared INSERT on the calling thread's SQLite connection, fed rows of
// UTF-8 fields straight from a caller's buffer (no QVariant per value): the writer of bulk
// loads. Use it inside the caller's transaction; it lives no longer than that thread's work.

#include "fliptech/core/error.h"

#include <QStringList>
#include <QVariantList>

struct sqlite3;
struct sqlite3_stmt;

namespace fliptech::storage {

class Database;

class SqliteRowWriter final
{
public:
    explicit SqliteRowWriter(Database &db);
    ~SqliteRowWriter();
    SqliteRowWriter(const SqliteRowWriter &) = delete;
    SqliteRowWriter &operator=(const SqliteRowWriter &) = delete;

    // INSERT INTO table (columns): the first `fields` columns come with each row, the others are
    // `constants` bound once.
    core::Status prepare(const QString &table, const QStringList &columns, int fields, const QVariantList &constants);
    // One row: `spans` holds an (offset into text, length) pair per field; length -1 is NULL.
    // A unique key violation is a Conflict.
    core::Status insert(const char *text, const qint32 *spans);

private:
    core::Status error() const;
    Database &m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_fields = 0;
};

} // namespace fliptech::storage
