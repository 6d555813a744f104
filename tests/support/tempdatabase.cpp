#include "tempdatabase.h"

#include "fliptech/storage/migrator.h"
#include "testenv.h"

#include <QRandomGenerator>
#include <QUrl>

#include <libpq-fe.h>

namespace fliptech::test {

namespace {
// Runs one statement on the admin connection; empty string on success, else the error.
QString adminExec(const QString &adminUrl, const QByteArray &sql)
{
    PGconn *c = PQconnectdb(adminUrl.toUtf8().constData());
    QString err;
    if (PQstatus(c) != CONNECTION_OK) {
        err = QString::fromUtf8(PQerrorMessage(c)).trimmed();
    } else {
        PGresult *r = PQexec(c, sql.constData());
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            err = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
    }
    PQfinish(c);
    return err;
}
} // namespace

TempDatabase::TempDatabase() : TempDatabase(backendUnderTest()) {}

TempDatabase::TempDatabase(storage::Backend backend)
{
    if (backend == storage::Backend::Postgres) {
        createPostgres();
        return;
    }
    if (!m_dir.isValid()) {
        m_reason = QStringLiteral("cannot create a temporary folder");
        return;
    }
    m_url = storage::DatabaseUrl::sqliteFile(m_dir.filePath(QStringLiteral("test.db")));
    m_valid = true;
}

void TempDatabase::createPostgres()
{
    m_url.backend = storage::Backend::Postgres;
    const QString admin = postgresAdminUrl();
    if (admin.isEmpty()) {
        m_reason = QStringLiteral("no PostgreSQL server: FLIPTECH_TEST_PG_URL is not set (scripts/test.sh sets it)");
        return;
    }
    m_pgName = QStringLiteral("fliptech_test_%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
    if (const QString err = adminExec(admin, "CREATE DATABASE " + m_pgName.toUtf8()); !err.isEmpty()) {
        m_reason = QStringLiteral("cannot create a PostgreSQL test database: ") + err;
        m_pgName.clear();
        return;
    }
    QUrl u(admin);
    u.setPath(u'/' + m_pgName);
    auto parsed = storage::DatabaseUrl::parse(u.toString());
    if (!parsed) {
        m_reason = parsed.error().message;
        return;
    }
    m_url = *parsed;
    m_valid = true;
}

TempDatabase::~TempDatabase()
{
    if (!m_pgName.isEmpty())
        adminExec(postgresAdminUrl(), "DROP DATABASE IF EXISTS " + m_pgName.toUtf8() + " WITH (FORCE)");
}

std::shared_ptr<storage::Database> TempDatabase::open(bool migrate)
{
    auto db = storage::Database::open(m_url);
    if (!db) {
        qWarning("TempDatabase: %s", qPrintable(db.error().message));
        return nullptr;
    }
    if (migrate) {
        storage::Migrator m(**db);
        if (auto r = m.migrate(); !r) {
            qWarning("TempDatabase: %s", qPrintable(r.error().message));
            return nullptr;
        }
    }
    return *db;
}

} // namespace fliptech::test
