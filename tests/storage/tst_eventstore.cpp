#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace fliptech;

class TestEventStore final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<storage::EventStore> m_events;

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_events = std::make_unique<storage::EventStore>(m_db, core::SystemClock::instance());
    }
    void cleanup()
    {
        m_events.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void appendAndReplay()
    {
        qint64 last = 0;
        for (int i = 0; i < 10; ++i) {
            auto id = m_events->append(QStringLiteral("scrape_progress"), i % 2 ? QStringLiteral("scraper") : QStringLiteral("campaigns"),
                                       {{QStringLiteral("progress"), i * 10}});
            QVERIFY(id.ok());
            QVERIFY(*id > last);
            last = *id;
        }
        auto all = m_events->since(0);
        QCOMPARE(all->size(), 10);
        QCOMPARE(all->at(3).payload.value(QStringLiteral("progress")).toInt(), 30);
        auto tail = m_events->since(all->at(6).id);
        QCOMPARE(tail->size(), 3);
        QCOMPARE(tail->first().id, all->at(7).id);
        auto scraper = m_events->since(0, 100, {QStringLiteral("scraper")});
        QCOMPARE(scraper->size(), 5);
        auto limited = m_events->since(0, 4);
        QCOMPARE(limited->size(), 4);
        QCOMPARE(m_events->lastId().value(), last);
        const QJsonObject json = all->first().toJson();
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("scrape_progress"));
        QCOMPARE(json.value(QStringLiteral("event_id")).toInteger(), all->first().id);
    }

    void userTargetedEventsKeepTheirUser()
    {
        auto user = m_db->selectOne(QStringLiteral("INSERT INTO users (email, password_hash) VALUES ('a@b.c', 'x') RETURNING id"));
        QVERIFY(user.ok());
        auto id = m_events->append(QStringLiteral("notification"), QStringLiteral("notifications"),
                                   {{QStringLiteral("title"), QStringLiteral("Reply from Joe's Pizza")}},
                                   user->value(0).toLongLong());
        QVERIFY(id.ok());
        auto e = m_events->since(*id - 1);
        QCOMPARE(e->first().userId.value(), user->value(0).toLongLong());
    }

    void rejectsEventsWithoutTypeOrChannel()
    {
        QCOMPARE(m_events->append(QString(), QStringLiteral("x")).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(m_events->append(QStringLiteral("x"), QString()).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(m_events->lastId().value(), 0);
    }

    void subscribersGetEveryEventOnceInOrderFromAnyThread()
    {
        QVERIFY(m_events->append(QStringLiteral("before"), QStringLiteral("x")).ok()); // not replayed to new watchers
        QVERIFY(m_events->startWatching(100).ok());
        QSignalSpy spy(m_events.get(), &storage::EventStore::eventAppended);
        constexpr int kThreads = 4, kEach = 50;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads << QThread::create([this, t] {
                for (int i = 0; i < kEach; ++i)
                    (void)m_events->append(QStringLiteral("tick"), QStringLiteral("t%1").arg(t), {{QStringLiteral("i"), i}});
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), kThreads * kEach, 10000);
        QTest::qWait(300);
        QCOMPARE(spy.size(), kThreads * kEach); // no duplicates
        qint64 previous = 0;
        for (const auto &args : spy) {
            const auto e = args.at(0).value<storage::Event>();
            QCOMPARE(e.type, QStringLiteral("tick"));
            QVERIFY(e.id > previous);
            previous = e.id;
        }
    }

    void anotherConnectionSeesEventsWithinASecond()
    {
        // A second Database object: its own connections, as another process would have.
        auto other = storage::Database::open(m_tmp->url());
        QVERIFY(other.ok());
        storage::EventStore watcher(*other, core::SystemClock::instance());
        QVERIFY(watcher.startWatching().ok());
        QSignalSpy spy(&watcher, &storage::EventStore::eventAppended);
        QElapsedTimer timer;
        timer.start();
        auto id = m_events->append(QStringLiteral("notification"), QStringLiteral("notifications"));
        QVERIFY(id.ok());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 1000);
        QCOMPARE(spy.first().at(0).value<storage::Event>().id, *id);
        qInfo("delivered to the other connection in %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
