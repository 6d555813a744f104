#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTest>
#include <QElapsedTimer>
#include <QWaitCondition>
#include <QMutex>
#include <QTimeZone>

#include <libpq-fe.h>

using namespace fliptech;

class TestDatabase final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;

    qint64 count(const QString &sql)
    {
        auto r = m_db->selectOne(sql);
        return r ? r->value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open(true);
        QVERIFY(m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_tmp.reset();
    }

    void valuesRoundTrip()
    {
        const QString nasty = QStringLiteral("O'Brien \"quoted\" ; DROP TABLE leads; -- ? $1 ünïcödé 😀");
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7, 890), QTimeZone::utc());
        auto ins = m_db->selectOne(QStringLiteral("INSERT INTO leads (name, contacted_count, deal_value_cents, last_contacted_at, "
                                                  "lead_source_metadata, source) VALUES (?, ?, ?, ?, %1, ?) RETURNING id")
                                       .arg(m_db->jsonParam()),
                                   {nasty, 3, qint64(9007199254740993LL), m_db->timestamp(when),
                                    QStringLiteral("{\"a\":[1,2]}"), QStringLiteral("manual")});
        QVERIFY2(ins.ok(), ins.ok() ? "" : qPrintable(ins.error().message));
        auto row = m_db->selectOne(QStringLiteral("SELECT name, contacted_count, deal_value_cents, last_contacted_at, "
                                                  "lead_source_metadata, score, email FROM leads WHERE id = ?"),
                                   {ins->value(0)});
        QVERIFY(row.ok());
        QCOMPARE(row->value(QStringLiteral("name")).toString(), nasty);
        QCOMPARE(row->value(QStringLiteral("contacted_count")).toLongLong(), 3);
        QCOMPARE(row->value(QStringLiteral("deal_value_cents")).toLongLong(), 9007199254740993LL);
        QCOMPARE(storage::Database::toDateTime(row->value(QStringLiteral("last_contacted_at"))), when);
        QCOMPARE(QJsonDocument::fromJson(row->value(QStringLiteral("lead_source_metadata")).toString().toUtf8())
                     .object().value(QStringLiteral("a")).toArray().size(), 2);
        QVERIFY(row->value(QStringLiteral("score")).isNull());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads")), 1); // the injection string did nothing
    }

    void timestampsComeBackExactly_data()
    {
        QTest::addColumn<QString>("literal");
        QTest::addColumn<QString>("utc");
        QTest::newRow("utc with micros") << "2026-11-25T19:26:33.123456Z" << "2026-11-25T19:26:33.123Z";
        QTest::newRow("no fraction") << "2026-01-01T00:00:00Z" << "2026-01-01T00:00:00.000Z";
        QTest::newRow("one digit fraction") << "2026-01-01T00:00:00.5Z" << "2026-01-01T00:00:00.500Z";
        QTest::newRow("positive offset") << "2026-03-01T01:30:00+02:00" << "2026-02-28T23:30:00.000Z";
        QTest::newRow("negative offset with minutes") << "2026-06-30T22:00:00-03:30" << "2026-07-01T01:30:00.000Z";
        QTest::newRow("leap day") << "2028-02-29T12:00:00Z" << "2028-02-29T12:00:00.000Z";
    }
    void timestampsComeBackExactly()
    {
        QFETCH(QString, literal);
        QFETCH(QString, utc);
        auto r = m_db->selectOne(QStringLiteral("SELECT %1").arg(m_db->timestampParam()),
                                 {m_db->timestamp(QDateTime::fromString(literal, Qt::ISODateWithMs))});
        QVERIFY(r.ok());
        const QDateTime got = storage::Database::toDateTime(r->value(0));
        QCOMPARE(storage::Database::isoTimestamp(got), utc);
        QCOMPARE(got.timeSpec(), Qt::UTC);
    }
    // Text read back from SQLite (or written by hand, by older versions) is parsed by position.
    void textTimestampsParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty: not a timestamp
        QTest::newRow("ours") << "2026-11-25T19:26:33.123Z" << "2026-11-25T19:26:33.123Z";
        QTest::newRow("no fraction") << "2026-11-25T19:26:33Z" << "2026-11-25T19:26:33.000Z";
        QTest::newRow("space, no zone") << "2026-11-25 19:26:33" << "2026-11-25T19:26:33.000Z";
        QTest::newRow("offset") << "2026-11-25T19:26:33.5+01:00" << "2026-11-25T18:26:33.500Z";
        QTest::newRow("date only") << "2026-11-25" << "2026-11-25T00:00:00.000Z";
        QTest::newRow("month 13") << "2026-13-25T19:26:33Z" << "";
        QTest::newRow("letters") << "2026-1x-25T19:26:33Z" << "";
        QTest::newRow("trailing junk") << "2026-11-25T19:26:33Zjunk" << "";
        QTest::newRow("empty") << "" << "";
    }
    void textTimestampsParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const QDateTime got = storage::Database::toDateTime(text);
        QCOMPARE(got.isValid(), !utc.isEmpty());
        if (got.isValid()) {
            QCOMPARE(storage::Database::isoTimestamp(got), utc);
            QCOMPARE(got.timeSpec(), Qt::UTC);
        }
    }
    // A query another thread runs is stopped from here (the desktop drops a filter the user
    // has changed again); the connection answers the next query as usual.
    void queryCancelledFromAnotherThread()
    {
        std::unique_ptr<storage::QueryCanceller> canceller;
        QMutex mutex;
        QWaitCondition started;
        core::Result<storage::Row> outcome = core::makeError(core::ErrorCode::Internal, QStringLiteral("not run"));
        qint64 ranMs = 0;
        core::Result<storage::Row> after = outcome;
        QThread *worker = QThread::create([&] {
            {
                QMutexLocker lock(&mutex);
                canceller = m_db->cancellerForThisThread();
                started.wakeAll();
            }
            QElapsedTimer t;
            t.start();
            // Minutes of work unless stopped.
            outcome = m_db->selectOne(m_db->isPostgres() ? QStringLiteral("SELECT pg_sleep(120)")
                                                         : QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 4000000000) "
                                                                          "SELECT count(*) FROM c"));
            ranMs = t.elapsed();
            after = m_db->selectOne(QStringLiteral("SELECT 41 + 1"));
        });
        {
            QMutexLocker lock(&mutex);
            worker->start();
            started.wait(&mutex);
        }
        QVERIFY(canceller);
        QTest::qWait(300); // the query is running
        canceller->cancel();
        QVERIFY(worker->wait(20000));
        delete worker;
        QVERIFY(!outcome.ok());
        QVERIFY2(ranMs < 10000, qPrintable(QString::number(ranMs)));
        QVERIFY(after.ok());
        QCOMPARE(after->value(0).toInt(), 42);
    }

    // A query given a budget: a cheap one answers, an expensive one stops soon after it with
    // Cancelled, and the connection keeps no trace of the budget.
    void selectWithinBudget()
    {
        auto quick = m_db->selectOneWithin(QStringLiteral("SELECT 6 * 7"), {}, 50);
        QVERIFY(quick.ok());
        QCOMPARE(quick->value(0).toInt(), 42);
        QElapsedTimer t;
        t.start();
        auto slow = m_db->selectOneWithin(m_db->isPostgres() ? QStringLiteral("SELECT pg_sleep(30)")
                                                             : QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 4000000000) "
                                                                              "SELECT count(*) FROM c"),
                                          {}, 50);
        QVERIFY(!slow.ok());
        QCOMPARE(slow.error().code, core::ErrorCode::Cancelled);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        // No budget left behind: a query longer than it runs to the end.
        auto after = m_db->selectOne(m_db->isPostgres() ? QStringLiteral("SELECT pg_sleep(0.2) IS NULL")
                                                        : QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) "
                                                                         "SELECT count(*) > 0 FROM c"));
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
    }

    void errorsAreClassified()
    {
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES (?)"), {QStringLiteral("Hot")}).ok());
        auto dup = m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES (?)"), {QStringLiteral("hot")});
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, core::ErrorCode::Conflict);
        auto bad = m_db->select(QStringLiteral("SELEC nonsense"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, core::ErrorCode::DatabaseError);
        QVERIFY(!bad.error().message.isEmpty());
        auto none = m_db->selectOne(QStringLiteral("SELECT id FROM tags WHERE name = ?"), {QStringLiteral("absent")});
        QCOMPARE(none.error().code, core::ErrorCode::NotFound);
    }

    void transactionRollsBackUnlessCommitted()
    {
        {
            storage::Transaction tx(*m_db);
            QVERIFY(tx.isActive());
            QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('gone')")).ok());
        } // no commit
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tags")), 0);
        {
            storage::Transaction outer(*m_db, storage::Transaction::Mode::Immediate);
            QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('kept')")).ok());
            {
                storage::Transaction inner(*m_db);
                QVERIFY(inner.isActive());
                QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('inner-gone')")).ok());
            }
            {
                storage::Transaction inner(*m_db);
                QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('inner-kept')")).ok());
                QVERIFY(inner.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        auto names = m_db->select(QStringLiteral("SELECT name FROM tags ORDER BY name"));
        QVERIFY(names.ok());
        QCOMPARE(names->size(), 2);
        QCOMPARE(names->at(0).value(0).toString(), QStringLiteral("inner-kept"));
        QCOMPARE(names->at(1).value(0).toString(), QStringLiteral("kept"));

        // Joining: no savepoint; the inner work lives and dies with the outer transaction.
        {
            storage::Transaction outer(*m_db);
            {
                storage::Transaction joined(*m_db, storage::Transaction::Mode::Immediate, storage::Transaction::Nesting::Join);
                QVERIFY(joined.isActive());
                QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('joined-not-committed')")).ok());
            } // its rollback does nothing: the row stays in the outer transaction
            {
                storage::Transaction joined(*m_db, storage::Transaction::Mode::Immediate, storage::Transaction::Nesting::Join);
                QVERIFY(joined.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tags WHERE name = 'joined-not-committed'")), 1);
        {
            storage::Transaction outer(*m_db);
            {
                storage::Transaction joined(*m_db, storage::Transaction::Mode::Immediate, storage::Transaction::Nesting::Join);
                QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('joined-rolled-back')")).ok());
                QVERIFY(joined.commit().ok());
            }
        } // the outer one rolls back: so does the joined work
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tags WHERE name = 'joined-rolled-back'")), 0);
        // Alone, Join is an ordinary transaction.
        {
            storage::Transaction alone(*m_db, storage::Transaction::Mode::Immediate, storage::Transaction::Nesting::Join);
            QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('alone-gone')")).ok());
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tags WHERE name = 'alone-gone'")), 0);
    }

    void eachThreadHasItsOwnConnection()
    {
        // An uncommitted write on this thread is invisible to another thread's connection.
        storage::Transaction tx(*m_db);
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('mine')")).ok());
        qint64 seenByOther = -1;
        QThread *t = QThread::create([&] {
            auto r = m_db->selectOne(QStringLiteral("SELECT count(*) FROM tags"));
            seenByOther = r ? r->value(0).toLongLong() : -2;
        });
        t->start();
        QVERIFY(t->wait(20000));
        delete t;
        QCOMPARE(seenByOther, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tags")), 1);
        QVERIFY(tx.commit().ok());
    }

    void reconnectsAfterLostConnection()
    {
        if (!m_db->isPostgres())
            QSKIP("a SQLite file cannot lose its connection");
        auto pid = m_db->selectOne(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid.ok());
        PGconn *admin = PQconnectdb(test::postgresAdminUrl().toUtf8().constData());
        PGresult *r = PQexec(admin, QByteArray("SELECT pg_terminate_backend(" + QByteArray::number(pid->value(0).toLongLong()) + ")").constData());
        PQclear(r);
        PQfinish(admin);
        auto lost = m_db->selectOne(QStringLiteral("SELECT 1"));
        QVERIFY(!lost.ok());
        QCOMPARE(lost.error().code, core::ErrorCode::Unavailable);
        auto back = m_db->selectOne(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QVERIFY(back->value(0).toLongLong() != pid->value(0).toLongLong());
    }

    void unreachableServerSaysSo()
    {
        storage::DatabaseUrl url;
        url.backend = storage::Backend::Postgres;
        url.host = QStringLiteral("127.0.0.1");
        url.port = test::freePort();
        url.database = QStringLiteral("nothing");
        url.user = QStringLiteral("nobody");
        auto db = storage::Database::open(url);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, core::ErrorCode::Unavailable);
        QVERIFY2(db.error().message.contains(QStringLiteral("cannot connect to PostgreSQL")), qPrintable(db.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
