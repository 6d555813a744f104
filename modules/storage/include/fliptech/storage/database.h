#pragma once
// Database: one data store (SQLite file or PostgreSQL database) and the connections to it.
// A QSqlDatabase belongs to one thread (QtSql's rule), so connection() hands each calling
// thread its own, opened on first use and removed when the thread finishes.
// Queries go through select()/execute() on the native handles (libpq PQexecParams: one round
// trip with server-side parameters, where QPSQL's text PREPARE/EXECUTE needs three; sqlite3
// statements that are always reset, so none keeps a stale snapshot). Placeholders are "?".

#include "fliptech/core/error.h"
#include "fliptech/storage/databaseurl.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <memory>

struct pg_conn;
struct pg_cancel;
struct sqlite3;

namespace fliptech::storage {

// One result row: values by index or by column name.
class Row final
{
public:
    Row() = default;
    Row(std::shared_ptr<const QStringList> columns, QVariantList values)
        : m_columns(std::move(columns)), m_values(std::move(values)) {}
    int count() const { return int(m_values.size()); }
    QVariant value(int index) const { return m_values.value(index); }
    QVariant value(QStringView column) const;
    QStringList columns() const { return m_columns ? *m_columns : QStringList(); }
    const QVariantList &values() const { return m_values; }

private:
    std::shared_ptr<const QStringList> m_columns;
    QVariantList m_values;
};

using Rows = QList<Row>;

// Stops the statement running on one thread's connection, from any other thread (the
// desktop drops a slow filter the user has already changed). Made on the thread whose
// connection it cancels, and only used while that thread still runs queries on it.
class QueryCanceller final
{
public:
    ~QueryCanceller();
    QueryCanceller(const QueryCanceller &) = delete;
    QueryCanceller &operator=(const QueryCanceller &) = delete;
    // The running statement (if any) ends with an error; the connection stays usable.
    void cancel();

private:
    friend class Database;
    QueryCanceller() = default;
    sqlite3 *m_sqlite = nullptr;
    pg_cancel *m_pg = nullptr;
};

struct ExecResult {
    qint64 rowsAffected = 0;
};

class Database final : public std::enable_shared_from_this<Database>
{
public:
    // Opens (and checks) a connection on the calling thread. Errors say what to fix.
    static core::Result<std::shared_ptr<Database>> open(const DatabaseUrl &url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    Backend backend() const { return m_url.backend; }
    bool isPostgres() const { return m_url.backend == Backend::Postgres; }
    QString driverName() const { return isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }

    // The calling thread's connection, opened (or re-opened after a lost connection) on demand.
    QSqlDatabase connection();
    core::Status ensureConnected();
    // Drops the calling thread's connection (the next call opens a fresh one).
    void closeThreadConnection();

    core::Result<Rows> select(const QString &sql, const QVariantList &params = {});
    // First row, or NotFound.
    core::Result<Row> selectOne(const QString &sql, const QVariantList &params = {});
    // selectOne() that gives up after about `budgetMs` of work (ErrorCode::Cancelled), for an
    // answer that is only worth having when it is cheap: a progress handler on SQLite,
    // statement_timeout on PostgreSQL (outside a transaction; inside one it runs to the end).
    core::Result<Row> selectOneWithin(const QString &sql, const QVariantList &params, qint64 budgetMs);
    core::Result<ExecResult> execute(const QString &sql, const QVariantList &params = {});
    // Runs a statement without parameters and without preparing it (DDL, BEGIN, PRAGMA).
    core::Status executeRaw(const QString &sql);

    // After an unexpected exit: what is wrong with the stored file (empty: nothing). SQLite runs
    // PRAGMA quick_check (pages, indexes, constraints); PostgreSQL recovers by itself, so there
    // only the connection is checked.
    core::Result<QStringList> checkConsistency();

    // Timestamps: UTC; TEXT "yyyy-MM-ddTHH:mm:ss.zzzZ" on SQLite, TIMESTAMPTZ on PostgreSQL.
    QVariant timestamp(const QDateTime &utc) const;
    // Written and read by position, not through QDateTime's locale-aware formatter and parser
    // (they were a quarter of an /auth/me request).
    static QString isoTimestamp(const QDateTime &utc);
    static void appendIsoTimestamp(QByteArray &out, const QDateTime &utc); // the same, onto `out`
    static QDateTime toDateTime(const QVariant &value);
    // A timestamp column as JSON: its ISO text, or null for NULL.
    static QJsonValue timestampJson(const QVariant &value);
    // JSON bind value ("?" works for TEXT; PostgreSQL needs a cast: use jsonParam() in SQL).
    QString jsonParam() const { return isPostgres() ? QStringLiteral("?::jsonb") : QStringLiteral("?"); }
    // A timestamp placeholder where PostgreSQL cannot infer the type (CASE, COALESCE, SELECT list).
    QString timestampParam() const { return isPostgres() ? QStringLiteral("?::timestamptz") : QStringLiteral("?"); }
    // An IP address parameter (INET in PostgreSQL, TEXT in SQLite).
    QString inetParam() const { return isPostgres() ? QStringLiteral("?::inet") : QStringLiteral("?"); }
    // "?, ?, ?": n parameter placeholders for an IN list or a multi-row VALUES.
    static QString placeholders(qsizetype n);
    // A LIKE pattern matching `text` anywhere, its own % _ and \ taken literally: use it with
    // "LIKE ? ESCAPE '\\'".
    static QString likeContains(const QString &text);
    // Boolean literal values for SQL text (the only non-parameter values we ever splice in).
    QString boolLiteral(bool b) const;

    // libpq handle of the calling thread's connection (PostgreSQL only), for COPY and LISTEN.
    pg_conn *pgHandle();
    sqlite3 *sqliteHandle();
    // A canceller for the calling thread's connection (opened if need be); null if none opens.
    std::unique_ptr<QueryCanceller> cancellerForThisThread();

    // Transaction depth bookkeeping for Transaction (savepoints when nested).
    int &transactionDepth();

private:
    explicit Database(const DatabaseUrl &url);
    QString connectionName() const;
    core::Status openConnection(QSqlDatabase &db);

    DatabaseUrl m_url;
    int m_id;
    QString m_memoryUri;
    QMutex m_mutex;
    QSet<QString> m_connectionNames;
};

} // namespace fliptech::storage
