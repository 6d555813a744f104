#pragma once
// PgCopyWriter: COPY table (columns) FROM STDIN on the calling thread's PostgreSQL connection,
// fed text-format rows in blocks: the PostgreSQL writer of bulk loads (SqliteRowWriter is
// SQLite's). While a COPY is open nothing else may run on the connection; end() finishes it
// (the rows are then part of the caller's transaction), and a writer destroyed or aborted
// before end() cancels it, so the caller's transaction fails and nothing is written.

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QStringList>

namespace fliptech::storage {

class Database;

class PgCopyWriter final
{
public:
    explicit PgCopyWriter(Database &db);
    ~PgCopyWriter();
    PgCopyWriter(const PgCopyWriter &) = delete;
    PgCopyWriter &operator=(const PgCopyWriter &) = delete;

    core::Status start(const QString &table, const QStringList &columns);
    // Rows in COPY text format (tab-separated, \N for NULL, each ending in a newline).
    core::Status send(const QByteArray &rows);
    // Ends the COPY; a row the database refused is the error.
    core::Status end();
    // Cancels an open COPY (nothing it sent is kept).
    void abort(const char *reason = "cancelled");
    bool isOpen() const { return m_open; }

    // A value escaped for COPY text format (backslash, tab, newline, carriage return).
    static QString escape(const QString &value);

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace fliptech::storage
