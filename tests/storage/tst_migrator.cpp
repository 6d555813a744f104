#include "fliptech/storage/database.h"
#include "fliptech/storage/migrator.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fliptech;

namespace {
void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

qint64 count(storage::Database &db, const QString &sql, const QVariantList &params = {})
{
    auto r = db.selectOne(sql, params);
    return r ? r->value(0).toLongLong() : -1;
}

QString tableExistsSql(const storage::Database &db)
{
    return db.isPostgres() ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")
                           : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
}
} // namespace

class TestMigrator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshDatabaseReachesLatestAndRerunIsNoOp()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        auto db = tmp.open(false);
        QVERIFY(db);
        storage::Migrator m(*db);
        QVERIFY(m.latestVersion() >= 1);
        QCOMPARE(*m.currentVersion(), 0);
        auto applied = m.migrate();
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QCOMPARE(*applied, m.available().size());
        QCOMPARE(*m.currentVersion(), m.latestVersion());
        QCOMPARE(count(*db, tableExistsSql(*db), {QStringLiteral("leads")}), 1);

        auto again = m.migrate();
        QVERIFY(again.ok());
        QCOMPARE(*again, 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM schema_migrations")), qint64(m.available().size()));
    }

    void refusesNewerSchemaAndTouchesNothing()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        auto db = tmp.open(true);
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')")).ok());
        const qint64 before = count(*db, QStringLiteral("SELECT count(*) FROM schema_migrations"));
        storage::Migrator m(*db);
        auto r = m.migrate();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::SchemaTooNew);
        QVERIFY2(r.error().message.contains(QStringLiteral("9999")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("upgrade FlipTech Pro")));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM schema_migrations")), before);
    }

    void failedMigrationLeavesNothingBehind()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        auto db = tmp.open(false);
        QVERIFY(db);
        QTemporaryDir root;
        for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            writeFile(root.filePath(dialect + QStringLiteral("/0001_first.sql")), "CREATE TABLE first_table (id INTEGER NOT NULL);");
            writeFile(root.filePath(dialect + QStringLiteral("/0002_broken.sql")),
                      "CREATE TABLE half_done (id INTEGER);\nINSERT INTO first_table (id) VALUES (1);\n"
                      "SELECT * FROM no_such_table;");
            writeFile(root.filePath(dialect + QStringLiteral("/notes.txt")), "ignored");
        }
        storage::Migrator m(*db, root.path());
        QCOMPARE(m.available().size(), 2);
        auto r = m.migrate();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("0002_broken")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("no_such_table")));
        QCOMPARE(*m.currentVersion(), 1);
        QCOMPARE(count(*db, tableExistsSql(*db), {QStringLiteral("first_table")}), 1);
        QCOMPARE(count(*db, tableExistsSql(*db), {QStringLiteral("half_done")}), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM first_table")), 0);
    }

    // An upgrade keeps what a database holds: 0010 rebuilds scrape_jobs on SQLite (with foreign
    // keys off around it), and a lead's scrape_job_id still names its scrape afterwards.
    void upgradeThroughATableRebuildKeepsData()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        auto db = tmp.open(false);
        QVERIFY(db);
        const QList<storage::Migration> all = storage::Migrator(*db).available();
        QVERIFY(all.size() >= 10);
        QTemporaryDir root;
        const QString dialect = db->isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite");
        for (const auto &m : all)
            if (m.version < 10)
                writeFile(root.filePath(QStringLiteral("%1/%2_%3.sql").arg(dialect).arg(m.version, 4, 10, QLatin1Char('0')).arg(m.name)), m.sql.toUtf8());
        QVERIFY(storage::Migrator(*db, root.path()).migrate().ok());
        QVERIFY(db->execute(QStringLiteral("INSERT INTO scrape_jobs (id, job_key, source, status) VALUES (7, 'k7', 'craigslist', 'completed')")).ok());
        QVERIFY(db->execute(QStringLiteral("INSERT INTO leads (first_name, scrape_job_id) VALUES ('Kept', 7)")).ok());
        storage::Migrator full(*db);
        auto r = full.migrate();
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(*full.currentVersion(), full.latestVersion());
        QCOMPARE(count(*db, QStringLiteral("SELECT scrape_job_id FROM leads WHERE first_name = 'Kept'")), qint64(7));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM scrape_jobs WHERE id = 7 AND status = 'completed'")), qint64(1));
        // The new status is allowed, an unknown one still refused, and foreign keys are on again.
        QVERIFY(db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'paused' WHERE id = 7")).ok());
        QVERIFY(!db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'napping' WHERE id = 7")).ok());
        QVERIFY(!db->execute(QStringLiteral("INSERT INTO leads (first_name, scrape_job_id) VALUES ('Orphan', 999)")).ok());
        // Deleting the scrape still clears its leads' reference (the rebuilt table is their parent).
        QVERIFY(db->execute(QStringLiteral("DELETE FROM scrape_jobs WHERE id = 7")).ok());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM leads WHERE first_name = 'Kept' AND scrape_job_id IS NULL")), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
