#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"
#include "tempdatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace fliptech;
using namespace std::chrono_literals;
using storage::JobOutcome;
using storage::JobSpec;
using storage::JobState;

class TestWorkerPool final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<storage::EventStore> m_events;
    std::unique_ptr<storage::JobQueue> m_q;
    std::unique_ptr<storage::WorkerPool> m_pool;

    void makePool(int workers = 2, std::chrono::milliseconds lease = 30s)
    {
        storage::WorkerPool::Options o;
        o.workers = workers;
        o.lease = lease;
        o.idlePoll = 50ms;
        m_pool = std::make_unique<storage::WorkerPool>(m_db, *m_q, core::SystemClock::instance(), o);
    }
    JobState state(qint64 id) { return m_q->get(id)->state; }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_events = std::make_unique<storage::EventStore>(m_db, core::SystemClock::instance());
        m_q = std::make_unique<storage::JobQueue>(m_db, core::SystemClock::instance(), m_events.get());
        m_q->backoff().base = 20ms;
    }
    void cleanup()
    {
        m_pool.reset();
        m_q.reset();
        m_events.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void runsEveryJobOnceWithItsHandler()
    {
        makePool(2);
        std::atomic<int> sum{0};
        std::atomic<int> runs{0};
        m_pool->registerHandler(QStringLiteral("add"), [&](storage::JobContext &ctx) {
            sum += ctx.payload().value(QStringLiteral("n")).toInt();
            ++runs;
            return JobOutcome::done();
        });
        QList<JobSpec> specs;
        for (int i = 1; i <= 200; ++i)
            specs << JobSpec{QStringLiteral("add"), {{QStringLiteral("n"), i}}};
        QVERIFY(m_q->enqueueBatch(specs).ok());
        m_pool->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_q->countsByState()->value(QStringLiteral("done")), 200, 20000);
        QCOMPARE(runs.load(), 200);
        QCOMPARE(sum.load(), 200 * 201 / 2);
        QCOMPARE(m_pool->processedCount(), 200);
    }

    void resultIsStored()
    {
        makePool(1);
        m_pool->registerHandler(QStringLiteral("answer"), [](storage::JobContext &) {
            return JobOutcome::done({{QStringLiteral("answer"), 42}});
        });
        auto id = m_q->enqueue(JobSpec{QStringLiteral("answer")});
        m_pool->start();
        QTRY_COMPARE_WITH_TIMEOUT(state(*id), JobState::Done, 10000);
        QCOMPARE(m_q->get(*id)->result.value(QStringLiteral("answer")).toInt(), 42);
    }

    void failingHandlerRetriesThenSucceeds()
    {
        makePool(1);
        std::atomic<int> calls{0};
        m_pool->registerHandler(QStringLiteral("flaky"), [&](storage::JobContext &ctx) {
            if (++calls < 3)
                return JobOutcome::failed(QStringLiteral("try again (attempt %1)").arg(ctx.job().attempts));
            return JobOutcome::done();
        });
        auto id = m_q->enqueue(JobSpec{QStringLiteral("flaky")});
        m_pool->start();
        QTRY_COMPARE_WITH_TIMEOUT(state(*id), JobState::Done, 10000);
        QCOMPARE(calls.load(), 3);
        QCOMPARE(m_q->get(*id)->attempts, 3);
    }

    void throwingHandlerAndUnknownTypeEndDead()
    {
        makePool(1);
        m_pool->registerHandler(QStringLiteral("throws"), [](storage::JobContext &) -> JobOutcome {
            throw std::runtime_error("boom");
        });
        JobSpec t{QStringLiteral("throws")};
        t.maxAttempts = 2;
        auto thrower = m_q->enqueue(t);
        auto unknown = m_q->enqueue(JobSpec{QStringLiteral("no-such-type")});
        m_pool->start();
        QTRY_COMPARE_WITH_TIMEOUT(state(*thrower), JobState::Dead, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(state(*unknown), JobState::Dead, 10000);
        QVERIFY(m_q->get(*thrower)->lastError.contains(QStringLiteral("boom")));
        QCOMPARE(m_q->get(*thrower)->attempts, 2);
        QVERIFY(m_q->get(*unknown)->lastError.contains(QStringLiteral("no handler for job type 'no-such-type'")));
        QCOMPARE(m_q->get(*unknown)->attempts, 1);
    }

    void progressIsPublishedAsEvents()
    {
        // The handler's progress is written on another connection while it runs (its own may be
        // inside a transaction or a COPY), and is visible to everyone before the job ends.
        QVERIFY(m_events->startWatching(50).ok());
        QSignalSpy spy(m_events.get(), &storage::EventStore::eventAppended);
        makePool(1);
        std::atomic<bool> seen{false};
        m_pool->registerHandler(QStringLiteral("long"), [&](storage::JobContext &ctx) {
            ctx.setProgress(10);
            ctx.setProgress(25, QStringLiteral("page 1 of 4")); // the latest value wins
            for (int i = 0; i < 1000 && !seen.load(); ++i)
                QThread::msleep(10);
            return JobOutcome::done();
        });
        auto id = m_q->enqueue(JobSpec{QStringLiteral("long")});
        m_pool->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_q->get(*id)->progress == 25, 5000);
        QCOMPARE(m_q->get(*id)->state, storage::JobState::Running);
        // The reporter may have written 10 before 25 arrived; the last event is the latest value.
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.last().at(0).value<storage::Event>().payload.value(QStringLiteral("progress")).toInt() == 25, 5000);
        seen.store(true);
        QVERIFY(spy.size() <= 2);
        const auto first = spy.last().at(0).value<storage::Event>();
        QCOMPARE(first.type, QStringLiteral("job_progress"));
        QCOMPARE(first.payload.value(QStringLiteral("job_id")).toInteger(), *id);
        QCOMPARE(first.payload.value(QStringLiteral("progress")).toInt(), 25);
        QCOMPARE(first.payload.value(QStringLiteral("message")).toString(), QStringLiteral("page 1 of 4"));
        QTRY_COMPARE_WITH_TIMEOUT(m_q->get(*id)->state, storage::JobState::Done, 5000);
        QCOMPARE(m_q->get(*id)->progress, 100);
    }

    void progressInsideTheHandlersTransaction()
    {
        // A handler that reports while its own connection holds a transaction (an import's chunk
        // or COPY): nothing is written on that connection, the handler's work is not disturbed.
        // PostgreSQL: the report is visible at once (another connection writes it). SQLite: the
        // handler holds the one write lock, so its report lands with its next one outside.
        makePool(1);
        std::atomic<bool> seenInside{false};
        std::atomic<bool> seen{false};
        m_pool->registerHandler(QStringLiteral("tx"), [&](storage::JobContext &ctx) {
            {
                storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
                if (!m_events->append(QStringLiteral("work"), QStringLiteral("jobs")))
                    return JobOutcome::failed(QStringLiteral("write failed"));
                ctx.setProgress(40);
                for (int i = 0; i < 1000 && !seenInside.load() && m_db->isPostgres(); ++i)
                    QThread::msleep(10);
                if (!tx.commit().ok())
                    return JobOutcome::failed(QStringLiteral("commit failed"));
            }
            ctx.setProgress(60);
            for (int i = 0; i < 1000 && !seen.load(); ++i)
                QThread::msleep(10);
            return JobOutcome::done();
        });
        auto id = m_q->enqueue(JobSpec{QStringLiteral("tx")});
        m_pool->start();
        if (m_db->isPostgres()) {
            QTRY_VERIFY_WITH_TIMEOUT(m_q->get(*id)->progress == 40, 5000);
            seenInside.store(true);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_q->get(*id)->progress == 60, 5000);
        QCOMPARE(m_q->get(*id)->state, storage::JobState::Running);
        seen.store(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_q->get(*id)->state, storage::JobState::Done, 5000);
        auto work = m_db->selectOne(QStringLiteral("SELECT count(*) FROM events WHERE type = 'work'"));
        QCOMPARE(work->value(0).toInt(), 1);
    }

    void cancellingARunningJobStopsItsHandler()
    {
        makePool(1, 300ms); // heartbeat every 100 ms
        std::atomic<bool> started{false};
        m_pool->registerHandler(QStringLiteral("forever"), [&](storage::JobContext &ctx) {
            started = true;
            while (!ctx.isCancelled())
                QThread::msleep(10);
            return JobOutcome::cancelled();
        });
        auto id = m_q->enqueue(JobSpec{QStringLiteral("forever")});
        m_pool->start();
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 10000);
        QVERIFY(m_q->cancel(*id).value());
        QTRY_COMPARE_WITH_TIMEOUT(state(*id), JobState::Cancelled, 10000);
    }

    void stopReleasesRunningAndClaimedJobs()
    {
        makePool(1);
        std::atomic<int> started{0};
        m_pool->registerHandler(QStringLiteral("slow"), [&](storage::JobContext &ctx) {
            ++started;
            while (!ctx.isCancelled())
                QThread::msleep(10);
            return JobOutcome::cancelled(); // stopping, not cancelled by a user: runs again later
        });
        QList<JobSpec> specs(5, JobSpec{QStringLiteral("slow")});
        auto ids = m_q->enqueueBatch(specs);
        m_pool->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.load(), 1, 10000);
        m_pool->stop();
        QVERIFY(!m_pool->isRunning());
        auto counts = m_q->countsByState();
        QCOMPARE(counts->value(QStringLiteral("queued")), 5);
        QCOMPARE(counts->value(QStringLiteral("running")), 0);
        for (qint64 id : *ids)
            QCOMPARE(m_q->get(id)->attempts, 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
