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
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
