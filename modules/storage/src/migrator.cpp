#include "fliptech/storage/migrator.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/logging.h"
#include "fliptech/storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

namespace {
// An arbitrary, fixed key: serialises concurrent migrators on one PostgreSQL database.
constexpr qint64 kMigrationLockKey = 0x46'4c'49'50'4d'49'47; // "FLIPMIG"
} // namespace

Migrator::Migrator(Database &db, QString root) : m_db(db), m_root(std::move(root)) {}

QList<Migration> Migrator::available() const
{
    const QString dir = m_root + (m_db.isPostgres() ? QStringLiteral("/postgres") : QStringLiteral("/sqlite"));
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const auto m = re.match(f);
        if (!m.hasMatch())
            continue;
        QFile file(dir + u'/' + f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        out.append(Migration{m.captured(1).toInt(), m.captured(2), QString::fromUtf8(file.readAll())});
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion() const
{
    const auto all = available();
    return all.isEmpty() ? 0 : all.last().version;
}

core::Status Migrator::ensureTable()
{
    const QString ts = m_db.isPostgres() ? QStringLiteral("TIMESTAMPTZ NOT NULL DEFAULT now()")
                                         : QStringLiteral("TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
    return m_db.executeRaw(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                          "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at %1)")
                               .arg(ts));
}

core::Result<int> Migrator::currentVersion()
{
    const QString probe = m_db.isPostgres()
        ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                         "AND table_name = 'schema_migrations'")
        : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    auto exists = m_db.selectOne(probe);
    if (!exists)
        return exists.error();
    if (exists->value(0).toLongLong() == 0)
        return 0;
    auto row = m_db.selectOne(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!row)
        return row.error();
    return int(row->value(0).toLongLong());
}

core::Result<int> Migrator::migrate()
{
    const QList<Migration> all = available();
    const int latest = all.isEmpty() ? 0 : all.last().version;

    // Refuse a newer schema before writing anything at all.
    auto before = currentVersion();
    if (!before)
        return before.error();
    if (*before > latest)
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("the database %1 has schema version %2, newer than this FlipTech Pro "
                                        "understands (%3): upgrade FlipTech Pro, or point it at another database")
                             .arg(m_db.url().redacted())
                             .arg(*before)
                             .arg(latest));
    if (*before == latest)
        return 0;

    if (auto st = ensureTable(); !st)
        return st.error();
    if (m_db.isPostgres()) {
        if (auto r = m_db.execute(QStringLiteral("SELECT pg_advisory_lock(?)"), {kMigrationLockKey}); !r)
            return r.error();
    }
    int applied = 0;
    core::Result<int> outcome = 0;
    for (const Migration &m : all) {
        // A SQLite migration that rebuilds a table (SQLite's documented procedure: create the
        // new table, copy, drop the old, rename) says so on a line of its own; foreign keys are
        // off around its transaction (dropping a parent table would otherwise run its children's
        // ON DELETE actions) and checked before it commits.
        const bool rebuilds = !m_db.isPostgres() && m.sql.contains(QLatin1String("-- fliptech: rebuilds-tables"));
        if (rebuilds)
            if (auto off = m_db.executeRaw(QStringLiteral("PRAGMA foreign_keys = OFF")); !off) {
                outcome = off.error();
                break;
            }
        auto foreignKeysBackOn = qScopeGuard([&] {
            if (rebuilds)
                core::logDiscarded(m_db.executeRaw(QStringLiteral("PRAGMA foreign_keys = ON")), "foreign keys back on after a table rebuild");
        });
        Transaction tx(m_db, Transaction::Mode::Immediate);
        if (!tx.isActive()) {
            outcome = tx.error();
            break;
        }
        // Another process may have applied it while we waited for the lock.
        auto done = m_db.select(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"), {m.version});
        if (!done) {
            outcome = done.error();
            break;
        }
        if (!done->isEmpty())
            continue;
        if (auto st = m_db.executeRaw(m.sql); !st) {
            outcome = makeError(ErrorCode::DatabaseError,
                                QStringLiteral("migration %1_%2 failed: %3")
                                    .arg(m.version, 4, 10, QLatin1Char('0'))
                                    .arg(m.name, st.error().message));
            break;
        }
        if (rebuilds) {
            auto broken = m_db.select(QStringLiteral("PRAGMA foreign_key_check"));
            if (!broken || !broken->isEmpty()) {
                outcome = broken ? makeError(ErrorCode::DatabaseError, QStringLiteral("migration %1_%2 left rows whose foreign keys point nowhere (table %3)")
                                                                           .arg(m.version, 4, 10, QLatin1Char('0'))
                                                                           .arg(m.name, broken->first().value(0).toString()))
                                 : core::Result<int>(broken.error());
                break;
            }
        }
        if (auto r = m_db.execute(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                                  {m.version, m.name});
            !r) {
            outcome = r.error();
            break;
        }
        if (auto st = tx.commit(); !st) {
            outcome = st.error();
            break;
        }
        qCInfo(lcStorage).noquote() << "applied migration" << m.version << m.name;
        ++applied;
    }
    if (m_db.isPostgres())
        core::logDiscarded(m_db.execute(QStringLiteral("SELECT pg_advisory_unlock(?)"), {kMigrationLockKey}),
                           "the migration lock; it is the session's and goes with the connection");
    if (!outcome)
        return outcome.error();
    return applied;
}

} // namespace fliptech::storage
