#include "fliptech/storage/database.h"

#include "fliptech/storage/logging.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QTimeZone>

#include <cstdio>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

Q_LOGGING_CATEGORY(lcStorage, "fliptech.storage")

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

namespace {

QAtomicInt g_nextId{1};
thread_local std::unordered_map<int, int> t_txDepth;

// Prepared SQLite statements of this thread, per connection handle: parsing a statement costs
// more than running most of ours. Finalized before their connection closes.
struct StatementCache {
    std::unordered_map<std::string, sqlite3_stmt *> byText;
};
thread_local std::unordered_map<sqlite3 *, StatementCache> t_statements;

void finalizeStatements(sqlite3 *handle)
{
    auto it = t_statements.find(handle);
    if (it == t_statements.end())
        return;
    for (auto &entry : it->second.byText)
        sqlite3_finalize(entry.second);
    t_statements.erase(it);
}

// PostgreSQL: each statement text is prepared once per connection (PQprepare) and then only
// executed: an unnamed statement is planned on every call, which for a table with many indexes
// costs more than running it on a lead list page (docs/benchmarks.md).
// Keyed by connection and its backend pid, so a new connection at a reused address starts empty.
struct PgStatementCache {
    int pid = 0;
    int next = 0;
    std::unordered_map<std::string, std::string> names;
};
thread_local std::unordered_map<pg_conn *, PgStatementCache> t_pgStatements;
constexpr size_t kMaxPgStatements = 1000; // beyond: run unnamed (ad-hoc SQL should not grow it forever)

// PostgreSQL type OIDs we convert (pg_type.h).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26,
              kFloat4 = 700, kFloat8 = 701, kDate = 1082, kTimestamp = 1114, kTimestamptz = 1184;

// "?" placeholders -> "$n", skipping string literals, quoted identifiers and comments.
QByteArray toPgPlaceholders(const QString &sql)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + 16);
    int n = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '\'' || c == '"') {
            const qsizetype end = in.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? in.size() - 1 : end;
            out.append(in.constData() + i, stop - i + 1);
            i = stop;
        } else if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {
            const qsizetype end = in.indexOf('\n', i);
            const qsizetype stop = end < 0 ? in.size() - 1 : end;
            out.append(in.constData() + i, stop - i + 1);
            i = stop;
        } else if (c == '?') {
            out.append('$').append(QByteArray::number(++n));
        } else {
            out.append(c);
        }
    }
    return out;
}

QDateTime parseTimestamp(const char *text, int len)
{
    // PostgreSQL's "2026-11-25 19:26:33.123456+00" (the session's time zone is UTC; fraction and
    // offset optional) and our SQLite text "2026-11-25T19:26:33.123Z". Parsed by position:
    // QDateTime::fromString builds a local time first, and its mktime() re-reads /etc/localtime
    // on every call (65 % of a lead-list request, by perf).
    auto digits = [text](int at, int n) {
        int v = 0;
        for (int i = 0; i < n; ++i) {
            const char c = text[at + i];
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (len < 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
        return QDateTime::fromString(QString::fromLatin1(text, len), Qt::ISODate).toUTC(); // infinity, BC: rare
    const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2), sec = digits(17, 2);
    int pos = 19, ms = 0;
    if (pos < len && text[pos] == '.') {
        int scale = 100;
        for (++pos; pos < len && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
            ms += (text[pos] - '0') * scale;
            scale /= 10;
        }
    }
    int offsetSeconds = 0;
    if (pos < len && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        const int oh = pos + 3 <= len ? digits(pos + 1, 2) : 0;
        const int om = (pos + 6 <= len && text[pos + 3] == ':') ? digits(pos + 4, 2) : 0;
        offsetSeconds = sign * (qMax(0, oh) * 3600 + qMax(0, om) * 60);
    } else if (pos + 1 == len && text[pos] == 'Z') {
        // UTC
    } else if (pos < len) {
        return QDateTime::fromString(QString::fromLatin1(text, len), Qt::ISODateWithMs).toUTC(); // whatever else Qt reads
    }
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0)
        return {};
    QDateTime dt(QDate(y, mo, d), QTime(h, mi, sec, ms), Qt::UTC);
    return offsetSeconds ? dt.addSecs(-offsetSeconds) : dt;
}

QVariant pgValue(const PGresult *res, int row, int col, Oid type)
{
    if (PQgetisnull(res, row, col))
        return QVariant();
    const char *v = PQgetvalue(res, row, col);
    const int len = PQgetlength(res, row, col);
    switch (type) {
    case kBool: return QVariant(v[0] == 't');
    case kInt8:
    case kInt2:
    case kInt4:
    case kOid: return QVariant(QByteArray::fromRawData(v, len).toLongLong());
    case kFloat4:
    case kFloat8: return QVariant(QByteArray::fromRawData(v, len).toDouble());
    case kTimestamp:
    case kTimestamptz: return QVariant(parseTimestamp(v, len));
    case kDate: return QVariant(QDate::fromString(QString::fromLatin1(v, len), Qt::ISODate));
    case kBytea: {
        size_t outLen = 0;
        unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(v), &outLen);
        QByteArray b(reinterpret_cast<const char *>(raw), qsizetype(outLen));
        PQfreemem(raw);
        return QVariant(b);
    }
    default: return QVariant(QString::fromUtf8(v, len)); // text, varchar, json(b), numeric, inet
    }
}

// Text form of a bind value for libpq; std::nullopt for SQL NULL.
std::optional<QByteArray> pgParam(const QVariant &v, bool *binary)
{
    *binary = false;
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    switch (v.typeId()) {
    case QMetaType::Bool: return QByteArray(v.toBool() ? "t" : "f");
    case QMetaType::QDateTime: return Database::isoTimestamp(v.toDateTime()).toUtf8();
    case QMetaType::QDate: return v.toDate().toString(Qt::ISODate).toUtf8();
    case QMetaType::Double: return QByteArray::number(v.toDouble(), 'g', 17);
    case QMetaType::QByteArray: *binary = true; return v.toByteArray();
    default: return v.toString().toUtf8();
    }
}

} // namespace

QVariant Row::value(QStringView column) const
{
    if (!m_columns)
        return QVariant();
    const qsizetype i = m_columns->indexOf(column);
    return i < 0 ? QVariant() : m_values.value(i);
}

Database::Database(const DatabaseUrl &url) : m_url(url), m_id(g_nextId.fetchAndAddRelaxed(1))
{
    if (m_url.backend == Backend::Sqlite && m_url.inMemory)
        m_memoryUri = QStringLiteral("file:fliptech-mem-%1-%2?mode=memory&cache=shared")
                          .arg(QCoreApplication::applicationPid())
                          .arg(m_id);
}

Database::~Database()
{
    if (sqlite3 *h = sqliteHandle())
        finalizeStatements(h); // this thread's; other threads finalized theirs when they finished
    QMutexLocker lock(&m_mutex);
    // Only this thread's connection may be opened and closed here (QtSql refuses, with a warning,
    // to hand out another thread's); the others are dropped from the registry, which closes them.
    const QString mine = connectionName();
    for (const QString &name : std::as_const(m_connectionNames)) {
        if (name == mine) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

core::Result<std::shared_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    const QString driver = url.backend == Backend::Postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the Qt SQL driver %1 is not installed (Debian: %2)")
                             .arg(driver, url.backend == Backend::Postgres ? QStringLiteral("libqt6sql6-psql")
                                                                           : QStringLiteral("libqt6sql6-sqlite")));
    std::shared_ptr<Database> db(new Database(url));
    if (auto st = db->ensureConnected(); !st)
        return st.error();
    return db;
}

QString Database::connectionName() const
{
    return QStringLiteral("fliptech-%1-%2").arg(m_id).arg(quintptr(QThread::currentThread()), 0, 16);
}

int &Database::transactionDepth()
{
    return t_txDepth[m_id];
}

core::Status Database::openConnection(QSqlDatabase &db)
{
    if (m_url.backend == Backend::Sqlite) {
        if (m_url.inMemory) {
            db.setDatabaseName(m_memoryUri);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000"));
        } else {
            const QFileInfo fi(m_url.path);
            if (!QDir().mkpath(fi.absolutePath()))
                return makeError(ErrorCode::Unavailable,
                                 QStringLiteral("cannot create the folder %1 for the database").arg(fi.absolutePath()));
            db.setDatabaseName(m_url.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        if (!db.open())
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("cannot open the SQLite database %1: %2")
                                 .arg(m_url.inMemory ? QStringLiteral("in memory") : m_url.path, db.lastError().text()));
        // A 32 MiB page cache per connection: a million leads' hot index pages stay in memory
        // instead of being read from the file on every query (the 2 MiB default did). No mmap:
        // mapped pages count as the process's memory, and a scan over a million rows mapped
        // half a gigabyte (measured by bench_leadspage).
        QStringList pragmas{QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=NORMAL"),
                            QStringLiteral("PRAGMA cache_size=-32768")};
        if (!m_url.inMemory)
            pragmas.prepend(QStringLiteral("PRAGMA journal_mode=WAL"));
        for (const QString &p : pragmas) {
            char *err = nullptr;
            if (sqlite3_exec(sqliteHandle(), p.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
                const QString msg = QString::fromUtf8(err ? err : "unknown error");
                sqlite3_free(err);
                db.close();
                return makeError(ErrorCode::Unavailable,
                                 QStringLiteral("%1 is not a usable SQLite database: %2").arg(m_url.path, msg));
            }
        }
        return {};
    }
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setUserName(m_url.user);
    db.setPassword(m_url.password);
    db.setDatabaseName(m_url.database);
    QStringList opts;
    QMap<QString, QString> o = m_url.options;
    if (!o.contains(QStringLiteral("connect_timeout")))
        o.insert(QStringLiteral("connect_timeout"), QStringLiteral("5"));
    if (!o.contains(QStringLiteral("application_name")))
        o.insert(QStringLiteral("application_name"), QStringLiteral("fliptech"));
    for (auto it = o.begin(); it != o.end(); ++it)
        opts << it.key() + u'=' + it.value();
    db.setConnectOptions(opts.join(u';'));
    if (!db.open())
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot connect to %1: %2")
                                                     .arg(m_url.redacted(), db.lastError().databaseText().trimmed()));
    PGresult *r = PQexec(pgHandle(), "SET TIME ZONE 'UTC'");
    PQclear(r);
    return {};
}

QSqlDatabase Database::connection()
{
    const QString name = connectionName();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isValid() && db.isOpen())
        return db;
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(m_url.backend == Backend::Postgres ? QStringLiteral("QPSQL")
                                                                          : QStringLiteral("QSQLITE"),
                                       name);
        {
            QMutexLocker lock(&m_mutex);
            m_connectionNames.insert(name);
        }
        // Remove the connection when its thread ends (QtSql connections are per thread).
        QThread *thread = QThread::currentThread();
        if (thread != QCoreApplication::instance()->thread()) {
            // Pool threads can outlive the Database (the global pool ends with the application):
            // then only the QtSql connection is left to remove.
            std::weak_ptr<Database> weak = weak_from_this();
            QObject::connect(thread, &QThread::finished, thread, [weak, name] {
                const std::shared_ptr<Database> self = weak.lock();
                if (self) {
                    if (sqlite3 *h = self->sqliteHandle())
                        finalizeStatements(h);
                }
                {
                    QSqlDatabase d = QSqlDatabase::database(name, false);
                    if (d.isOpen())
                        d.close();
                }
                QSqlDatabase::removeDatabase(name);
                if (self) {
                    QMutexLocker lock(&self->m_mutex);
                    self->m_connectionNames.remove(name);
                }
            }, Qt::DirectConnection);
        }
    }
    if (auto st = openConnection(db); !st)
        qCWarning(lcStorage).noquote() << st.error().message;
    return db;
}

core::Status Database::ensureConnected()
{
    QSqlDatabase db = connection();
    if (db.isOpen())
        return {};
    return openConnection(db);
}

void Database::closeThreadConnection()
{
    const QString name = connectionName();
    if (sqlite3 *h = sqliteHandle())
        finalizeStatements(h);
    if (pg_conn *c = pgHandle())
        t_pgStatements.erase(c);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
}

QueryCanceller::~QueryCanceller()
{
    if (m_pg)
        PQfreeCancel(m_pg);
}

void QueryCanceller::cancel()
{
    if (m_sqlite)
        sqlite3_interrupt(m_sqlite);
    if (m_pg) {
        char error[256];
        (void)PQcancel(m_pg, error, sizeof error); // best effort: the query may have ended already
    }
}

std::unique_ptr<QueryCanceller> Database::cancellerForThisThread()
{
    if (!ensureConnected())
        return nullptr;
    std::unique_ptr<QueryCanceller> c(new QueryCanceller);
    if (isPostgres()) {
        if (pg_conn *conn = pgHandle())
            c->m_pg = PQgetCancel(conn);
        return c->m_pg ? std::move(c) : nullptr;
    }
    c->m_sqlite = sqliteHandle();
    return c->m_sqlite ? std::move(c) : nullptr;
}

pg_conn *Database::pgHandle()
{
    QSqlDatabase db = QSqlDatabase::database(connectionName(), false);
    if (!isPostgres() || !db.isOpen())
        return nullptr;
    const QVariant h = db.driver()->handle();
    if (qstrcmp(h.typeName(), "PGconn*") != 0 && qstrcmp(h.typeName(), "pg_conn*") != 0)
        return nullptr;
    return *static_cast<pg_conn *const *>(h.data());
}

sqlite3 *Database::sqliteHandle()
{
    QSqlDatabase db = QSqlDatabase::database(connectionName(), false);
    if (isPostgres() || !db.isOpen())
        return nullptr;
    const QVariant h = db.driver()->handle();
    if (qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(h.data());
}

QVariant Database::timestamp(const QDateTime &utc) const
{
    if (!utc.isValid())
        return QVariant();
    return isoTimestamp(utc);
}

void Database::appendIsoTimestamp(QByteArray &out, const QDateTime &utc)
{
    if (!utc.isValid())
        return;
    const QDateTime t = utc.timeSpec() == Qt::UTC ? utc : utc.toUTC();
    const QDate d = t.date();
    const QTime tm = t.time();
    if (d.year() < 0 || d.year() > 9999) {
        out += t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toLatin1();
        return;
    }
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(), d.day(), tm.hour(),
                                tm.minute(), tm.second(), tm.msec());
    out.append(buf, n);
}

QString Database::isoTimestamp(const QDateTime &utc)
{
    QByteArray out;
    appendIsoTimestamp(out, utc);
    return QString::fromLatin1(out);
}

QJsonValue Database::timestampJson(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(isoTimestamp(toDateTime(value)));
}

QDateTime Database::toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    const QByteArray text = value.toString().toLatin1();
    return parseTimestamp(text.constData(), int(text.size()));
}

QString Database::likeContains(const QString &text)
{
    QString needle = text;
    needle.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + needle + u'%';
}

QString Database::placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}

QString Database::boolLiteral(bool b) const
{
    if (isPostgres())
        return b ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

namespace {

struct NativeOutcome {
    Rows rows;
    qint64 affected = 0;
};

struct SqliteStmt {
    sqlite3_stmt *stmt = nullptr;
    ~SqliteStmt() { sqlite3_finalize(stmt); }
};

} // namespace

// Shared by select() and execute(): runs one statement on the native handle.
static core::Result<NativeOutcome> runNative(Database &self, const QString &sql, const QVariantList &params,
                                         bool wantRows)
{
    if (auto st = self.ensureConnected(); !st)
        return st.error();
    NativeOutcome out;
    if (self.isPostgres()) {
        PGconn *conn = self.pgHandle();
        const QByteArray text = toPgPlaceholders(sql);
        std::vector<std::optional<QByteArray>> values;
        std::vector<const char *> ptrs;
        std::vector<int> lengths, formats;
        values.reserve(size_t(params.size()));
        for (const QVariant &p : params) {
            bool binary = false;
            values.push_back(pgParam(p, &binary));
            formats.push_back(binary ? 1 : 0);
        }
        for (const auto &v : values) {
            ptrs.push_back(v ? v->constData() : nullptr);
            lengths.push_back(v ? int(v->size()) : 0);
        }
        PGresult *res = nullptr;
        PgStatementCache &cache = t_pgStatements[conn];
        if (const int pid = PQbackendPID(conn); cache.pid != pid) {
            cache = PgStatementCache{};
            cache.pid = pid;
        }
        const std::string key(text.constData(), size_t(text.size()));
        auto hit = cache.names.find(key);
        if (hit == cache.names.end() && cache.names.size() < kMaxPgStatements) {
            const std::string name = "ft_" + std::to_string(cache.next++);
            PGresult *prepared = PQprepare(conn, name.c_str(), text.constData(), int(params.size()), nullptr);
            if (PQresultStatus(prepared) == PGRES_COMMAND_OK) {
                PQclear(prepared);
                hit = cache.names.emplace(key, name).first;
            } else {
                res = prepared; // the statement's own error (syntax, types): reported below
            }
        }
        if (!res) {
            res = hit != cache.names.end()
                ? PQexecPrepared(conn, hit->second.c_str(), int(params.size()), ptrs.data(), lengths.data(), formats.data(), 0)
                : PQexecParams(conn, text.constData(), int(params.size()), nullptr, ptrs.data(), lengths.data(), formats.data(), 0);
        }
        const ExecStatusType status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const QString sqlstate = QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE));
            QString msg = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
            PQclear(res);
            const bool lost = PQstatus(conn) != CONNECTION_OK;
            if (lost) {
                self.closeThreadConnection();
                msg = QStringLiteral("lost the connection to %1: %2").arg(self.url().redacted(), msg);
            }
            const ErrorCode code = lost ? ErrorCode::Unavailable
                                        : sqlstate == QLatin1String("23505") ? ErrorCode::Conflict
                                                                               : ErrorCode::DatabaseError;
            return makeError(code, msg, {{QStringLiteral("sqlstate"), sqlstate}});
        }
        const char *tuples = PQcmdTuples(res);
        out.affected = (tuples && *tuples) ? QByteArray(tuples).toLongLong() : 0;
        if (wantRows && status == PGRES_TUPLES_OK) {
            const int nf = PQnfields(res);
            auto cols = std::make_shared<QStringList>();
            std::vector<Oid> types;
            for (int c = 0; c < nf; ++c) {
                cols->append(QString::fromUtf8(PQfname(res, c)));
                types.push_back(PQftype(res, c));
            }
            const int nt = PQntuples(res);
            out.rows.reserve(nt);
            std::shared_ptr<const QStringList> shared = cols;
            for (int r = 0; r < nt; ++r) {
                QVariantList vals;
                vals.reserve(nf);
                for (int c = 0; c < nf; ++c)
                    vals.append(pgValue(res, r, c, types[size_t(c)]));
                out.rows.append(Row(shared, std::move(vals)));
            }
        }
        PQclear(res);
        return out;
    }

    sqlite3 *h = self.sqliteHandle();
    const QByteArray text = sql.toUtf8();
    StatementCache &cache = t_statements[h];
    const std::string key(text.constData(), size_t(text.size()));
    SqliteStmt s;
    int rc = SQLITE_OK;
    if (auto hit = cache.byText.find(key); hit != cache.byText.end()) {
        s.stmt = hit->second;
        cache.byText.erase(hit); // checked out; returned below once reset
    } else {
        rc = sqlite3_prepare_v3(h, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &s.stmt, nullptr);
        if (rc != SQLITE_OK)
            return makeError(ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(h)));
    }
    // Back into the cache (reset, bindings cleared) however this function returns; a statement
    // whose text is not cached (a nested use of the same SQL) is finalized instead.
    struct ReturnToCache {
        SqliteStmt &s;
        StatementCache &cache;
        const std::string &key;
        ~ReturnToCache()
        {
            if (!s.stmt)
                return;
            sqlite3_reset(s.stmt);
            sqlite3_clear_bindings(s.stmt);
            if (cache.byText.size() < 256 && cache.byText.emplace(key, s.stmt).second)
                s.stmt = nullptr;
        }
    } giveBack{s, cache, key};
    for (int i = 0; i < params.size(); ++i) {
        const QVariant &v = params[i];
        const int idx = i + 1;
        if (!v.isValid() || v.isNull()) {
            sqlite3_bind_null(s.stmt, idx);
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::Bool: sqlite3_bind_int(s.stmt, idx, v.toBool() ? 1 : 0); break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong: sqlite3_bind_int64(s.stmt, idx, v.toLongLong()); break;
        case QMetaType::Double: sqlite3_bind_double(s.stmt, idx, v.toDouble()); break;
        case QMetaType::QDateTime: {
            const QByteArray t = Database::isoTimestamp(v.toDateTime()).toUtf8();
            sqlite3_bind_text(s.stmt, idx, t.constData(), int(t.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray b = v.toByteArray();
            sqlite3_bind_blob(s.stmt, idx, b.constData(), int(b.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray t = v.toString().toUtf8();
            sqlite3_bind_text(s.stmt, idx, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        }
        }
    }
    const int nc = sqlite3_column_count(s.stmt);
    std::shared_ptr<QStringList> cols;
    if (wantRows && nc > 0) {
        cols = std::make_shared<QStringList>();
        for (int c = 0; c < nc; ++c)
            cols->append(QString::fromUtf8(sqlite3_column_name(s.stmt, c)));
    }
    std::shared_ptr<const QStringList> shared = cols;
    while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
        if (!wantRows)
            continue;
        QVariantList vals;
        vals.reserve(nc);
        for (int c = 0; c < nc; ++c) {
            switch (sqlite3_column_type(s.stmt, c)) {
            case SQLITE_INTEGER: vals.append(QVariant(qlonglong(sqlite3_column_int64(s.stmt, c)))); break;
            case SQLITE_FLOAT: vals.append(QVariant(sqlite3_column_double(s.stmt, c))); break;
            case SQLITE_TEXT:
                vals.append(QVariant(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s.stmt, c)),
                                                       sqlite3_column_bytes(s.stmt, c))));
                break;
            case SQLITE_BLOB:
                vals.append(QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(s.stmt, c)),
                                                sqlite3_column_bytes(s.stmt, c))));
                break;
            default: vals.append(QVariant());
            }
        }
        out.rows.append(Row(shared, std::move(vals)));
    }
    if (rc != SQLITE_DONE) {
        const int ext = sqlite3_extended_errcode(h);
        const bool unique = ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY;
        return makeError(unique ? ErrorCode::Conflict
                                : (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? ErrorCode::Unavailable
                                                                             : ErrorCode::DatabaseError,
                         QString::fromUtf8(sqlite3_errmsg(h)), {{QStringLiteral("sqlite_code"), ext}});
    }
    out.affected = sqlite3_changes(h);
    return out;
}

core::Result<Rows> Database::select(const QString &sql, const QVariantList &params)
{
    auto r = runNative(*this, sql, params, true);
    if (!r)
        return r.error();
    return std::move(r).value().rows;
}

core::Result<Row> Database::selectOne(const QString &sql, const QVariantList &params)
{
    auto r = select(sql, params);
    if (!r)
        return r.error();
    if (r->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such row"));
    return r->first();
}

core::Result<Row> Database::selectOneWithin(const QString &sql, const QVariantList &params, qint64 budgetMs)
{
    if (isPostgres()) {
        // statement_timeout, set for this statement alone (outside a transaction only: a
        // timeout inside one would abort it).
        if (transactionDepth() > 0)
            return selectOne(sql, params);
        if (auto st = executeRaw(QStringLiteral("SET statement_timeout = %1").arg(qMax<qint64>(1, budgetMs))); !st)
            return st.error();
        auto row = selectOne(sql, params);
        core::logDiscarded(executeRaw(QStringLiteral("SET statement_timeout = 0")),
                           "a statement timeout left set; every bounded statement sets its own");
        if (!row && row.error().details.value(QStringLiteral("sqlstate")).toString() == QLatin1String("57014"))
            return makeError(ErrorCode::Cancelled, QStringLiteral("stopped after %1 ms").arg(budgetMs));
        return row;
    }
    sqlite3 *h = sqliteHandle();
    if (!h)
        return selectOne(sql, params);
    struct Budget {
        QElapsedTimer timer;
        qint64 ms;
        bool spent = false;
    } budget{{}, budgetMs};
    budget.timer.start();
    // Called every 10,000 virtual-machine steps (a few hundred microseconds).
    sqlite3_progress_handler(h, 10000, [](void *p) {
        auto *b = static_cast<Budget *>(p);
        b->spent = b->timer.elapsed() > b->ms;
        return b->spent ? 1 : 0;
    }, &budget);
    auto row = selectOne(sql, params);
    sqlite3_progress_handler(h, 0, nullptr, nullptr);
    if (budget.spent)
        return makeError(ErrorCode::Cancelled, QStringLiteral("stopped after %1 ms").arg(budgetMs));
    return row;
}

core::Result<ExecResult> Database::execute(const QString &sql, const QVariantList &params)
{
    auto r = runNative(*this, sql, params, false);
    if (!r)
        return r.error();
    return ExecResult{r->affected};
}

core::Status Database::executeRaw(const QString &sql)
{
    if (auto st = ensureConnected(); !st)
        return st.error();
    const QByteArray text = sql.toUtf8();
    if (isPostgres()) {
        PGconn *conn = pgHandle();
        PGresult *res = PQexec(conn, text.constData());
        const ExecStatusType status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
            const QString msg = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
            PQclear(res);
            if (PQstatus(conn) != CONNECTION_OK) {
                closeThreadConnection();
                return makeError(ErrorCode::Unavailable, QStringLiteral("lost the connection: ") + msg);
            }
            return makeError(ErrorCode::DatabaseError, msg);
        }
        PQclear(res);
        return {};
    }
    char *err = nullptr;
    const int rc = sqlite3_exec(sqliteHandle(), text.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : "unknown error");
        sqlite3_free(err);
        return makeError(rc == SQLITE_BUSY ? ErrorCode::Unavailable : ErrorCode::DatabaseError, msg);
    }
    return {};
}

} // namespace fliptech::storage

namespace fliptech::storage {

core::Result<QStringList> Database::checkConsistency()
{
    if (isPostgres()) {
        if (auto r = selectOne(QStringLiteral("SELECT 1")); !r)
            return r.error();
        return QStringList{};
    }
    auto rows = select(QStringLiteral("PRAGMA quick_check(20)"));
    if (!rows)
        return rows.error();
    QStringList problems;
    for (const Row &r : *rows) {
        const QString line = r.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    return problems;
}

} // namespace fliptech::storage
