#include "fliptech/storage/databaseurl.h"

#include <QTest>

using fliptech::storage::Backend;
using fliptech::storage::DatabaseUrl;

class TestDatabaseUrl final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("sqlite file") << QStringLiteral("sqlite:///home/me/ft.db") << true << QString();
        QTest::newRow("sqlite memory") << QStringLiteral("sqlite::memory:") << true << QString();
        QTest::newRow("sqlite relative") << QStringLiteral("sqlite://ft.db") << false << QStringLiteral("absolute");
        QTest::newRow("sqlite empty path") << QStringLiteral("sqlite://") << false << QStringLiteral("absolute");
        QTest::newRow("postgres full") << QStringLiteral("postgresql://u:p%40ss@db.example:6543/crm?sslmode=require") << true << QString();
        QTest::newRow("postgres short scheme") << QStringLiteral("postgres://h/crm") << true << QString();
        QTest::newRow("postgres no db") << QStringLiteral("postgresql://h:5432") << false << QStringLiteral("name the database");
        QTest::newRow("postgres bad option") << QStringLiteral("postgresql://h/db?evil=1") << false << QStringLiteral("unknown option 'evil'");
        QTest::newRow("postgres no host") << QStringLiteral("postgresql:///db") << false << QStringLiteral("not valid");
        QTest::newRow("mysql") << QStringLiteral("mysql://h/db") << false << QStringLiteral("not understood");
        QTest::newRow("garbage") << QStringLiteral("'; DROP TABLE leads; --") << false << QStringLiteral("not understood");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, errorMentions);
        auto r = DatabaseUrl::parse(text);
        QCOMPARE(r.ok(), ok);
        if (!ok)
            QVERIFY2(r.error().message.contains(errorMentions), qPrintable(r.error().message));
    }
    void fields()
    {
        auto r = DatabaseUrl::parse(QStringLiteral("postgresql://u:p%40ss@db.example:6543/crm?sslmode=require"));
        QVERIFY(r.ok());
        QCOMPARE(r->backend, Backend::Postgres);
        QCOMPARE(r->host, QStringLiteral("db.example"));
        QCOMPARE(r->port, 6543);
        QCOMPARE(r->user, QStringLiteral("u"));
        QCOMPARE(r->password, QStringLiteral("p@ss"));
        QCOMPARE(r->database, QStringLiteral("crm"));
        QCOMPARE(r->options.value(QStringLiteral("sslmode")), QStringLiteral("require"));
        // The password never shows in what we print.
        QVERIFY(!r->redacted().contains(QStringLiteral("p@ss")));
        QCOMPARE(r->redacted(), QStringLiteral("PostgreSQL u@db.example:6543/crm"));
        // And the URL round-trips.
        auto again = DatabaseUrl::parse(r->toString());
        QVERIFY(again.ok());
        QCOMPARE(again->password, QStringLiteral("p@ss"));

        auto s = DatabaseUrl::parse(QStringLiteral("sqlite:///tmp/a/../ft.db"));
        QVERIFY(s.ok());
        QCOMPARE(s->path, QStringLiteral("/tmp/ft.db"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
