#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QTest>

using namespace fliptech;
using namespace std::chrono_literals;
using storage::JobSpec;
using storage::JobState;

class TestJobQueue final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<storage::EventStore> m_events;
    std::unique_ptr<storage::JobQueue> m_q;
    const QString w1 = QStringLiteral("host:1:w1");
    const QString w2 = QStringLiteral("host:2:w1");
    const QStringList normal{QStringLiteral("normal")};

    JobSpec spec(const QString &type, int priority = 0, QDateTime runAt = {}, QString queue = QStringLiteral("normal"))
    {
        JobSpec s;
        s.type = type;
        s.priority = priority;
        s.runAt = runAt;
        s.queue = queue;
        s.payload = {{QStringLiteral("name"), type}};
        return s;
    }
    QStringList claimTypes(const QStringList &queues, int max, const QString &worker)
    {
        auto jobs = m_q->claim(queues, worker, max, 30s);
        FT_EXPECT(jobs.ok(), jobs.ok() ? "" : qPrintable(jobs.error().message));
        QStringList types;
        if (jobs)
            for (const auto &j : *jobs)
                types << j.type;
        return types;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_clock = std::make_unique<test::FakeClock>();
        m_events = std::make_unique<storage::EventStore>(m_db, *m_clock);
        // A fixed "random" number makes the jittered backoff exact: half fixed + 0.5 * half.
        m_q = std::make_unique<storage::JobQueue>(m_db, *m_clock, m_events.get(), [] { return 0.5; });
    }
    void cleanup()
    {
        m_q.reset();
        m_events.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void claimsByPriorityThenRunAtThenId()
    {
        const QDateTime now = m_clock->now();
        QVERIFY(m_q->enqueue(spec(QStringLiteral("low-old"), 0, now.addSecs(-60))).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("high-new"), 10, now)).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("low-new-a"), 0, now)).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("high-old"), 10, now.addSecs(-30))).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("low-new-b"), 0, now)).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("future"), 100, now.addSecs(60))).ok());
        QVERIFY(m_q->enqueue(spec(QStringLiteral("other-queue"), 100, now, QStringLiteral("email"))).ok());
        QCOMPARE(claimTypes(normal, 2, w1), (QStringList{QStringLiteral("high-old"), QStringLiteral("high-new")}));
        FT_STOP_IF_FAILED();
        QCOMPARE(claimTypes(normal, 10, w2),
                 (QStringList{QStringLiteral("low-old"), QStringLiteral("low-new-a"), QStringLiteral("low-new-b")}));
        FT_STOP_IF_FAILED();
        QCOMPARE(claimTypes(normal, 10, w2), QStringList());
        FT_STOP_IF_FAILED();
        m_clock->advance(60'000);
        QCOMPARE(claimTypes(normal, 10, w2), QStringList{QStringLiteral("future")});
        FT_STOP_IF_FAILED();
        QCOMPARE(claimTypes({QStringLiteral("email")}, 10, w2), QStringList{QStringLiteral("other-queue")});
        FT_STOP_IF_FAILED();
    }

    void claimRecordsTheLease()
    {
        auto id = m_q->enqueue(spec(QStringLiteral("t")));
        QVERIFY(id.ok());
        auto jobs = m_q->claim(normal, w1, 1, 45s);
        QCOMPARE(jobs->size(), 1);
        QCOMPARE(jobs->first().payload.value(QStringLiteral("name")).toString(), QStringLiteral("t"));
        auto job = m_q->get(*id);
        QCOMPARE(job->state, JobState::Running);
        QCOMPARE(job->attempts, 1);
        QCOMPARE(job->lockedBy, w1);
        QCOMPARE(job->lockedUntil, m_clock->now().addSecs(45));
        QVERIFY(m_q->complete(*id, w1, {{QStringLiteral("leads"), 7}}).value());
        job = m_q->get(*id);
        QCOMPARE(job->state, JobState::Done);
        QCOMPARE(job->result.value(QStringLiteral("leads")).toInt(), 7);
        QVERIFY(job->lockedBy.isEmpty());
    }

    void failuresBackOffExponentiallyThenDie()
    {
        JobSpec s = spec(QStringLiteral("flaky"));
        s.maxAttempts = 3;
        auto id = m_q->enqueue(s);
        QVERIFY(id.ok());
        // base 5 s: delays 5 s * 2^(n-1), equal jitter at 0.5 -> 3.75 s, then 7.5 s.
        const qint64 expected[] = {3750, 7500};
        for (int attempt = 1; attempt <= 2; ++attempt) {
            QCOMPARE(claimTypes(normal, 1, w1).size(), 1);
            FT_STOP_IF_FAILED();
            auto st = m_q->fail(*id, w1, QStringLiteral("timeout #%1").arg(attempt));
            QCOMPARE(st.value(), JobState::Queued);
            m_clock->advance(expected[attempt - 1] - 1);
            QCOMPARE(claimTypes(normal, 1, w1).size(), 0);
            FT_STOP_IF_FAILED();
            m_clock->advance(1);
        }
        QCOMPARE(claimTypes(normal, 1, w1).size(), 1);
        FT_STOP_IF_FAILED();
        QCOMPARE(m_q->fail(*id, w1, QStringLiteral("timeout #3")).value(), JobState::Dead);
        auto job = m_q->get(*id);
        QCOMPARE(job->state, JobState::Dead);
        QCOMPARE(job->attempts, 3);
        QCOMPARE(job->lastError, QStringLiteral("timeout #3"));
        m_clock->advance(24 * 3600 * 1000LL);
        QCOMPARE(claimTypes(normal, 1, w1).size(), 0); // dead letters are kept, never run again by themselves
        auto events = m_events->since(0);
        FT_STOP_IF_FAILED();
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().type, QStringLiteral("job_dead"));
        QCOMPARE(events->first().payload.value(QStringLiteral("job_id")).toInteger(), *id);
        // An operator can retry it.
        QVERIFY(m_q->retry(*id).value());
        QCOMPARE(m_q->get(*id)->attempts, 0);
        QCOMPARE(claimTypes(normal, 1, w1), QStringList{QStringLiteral("flaky")});
        FT_STOP_IF_FAILED();
    }

    void backoffIsCappedAndJittered()
    {
        storage::BackoffPolicy p;
        QCOMPARE(p.delayAfter(1, 0.0).count(), 2500);
        QCOMPARE(p.delayAfter(1, 1.0).count(), 5000);
        QCOMPARE(p.delayAfter(4, 0.0).count(), 20000);
        QCOMPARE(p.delayAfter(40, 1.0).count(), 3600 * 1000);
    }

    void permanentFailureIsDeadAtOnce()
    {
        auto id = m_q->enqueue(spec(QStringLiteral("bad-input")));
        QCOMPARE(claimTypes(normal, 1, w1).size(), 1);
        FT_STOP_IF_FAILED();
        QCOMPARE(m_q->fail(*id, w1, QStringLiteral("no such lead"), true).value(), JobState::Dead);
        QCOMPARE(m_q->get(*id)->attempts, 1);
    }

    void expiredLeaseRunsAgainAndStaleWorkerCannotComplete()
    {
        auto id = m_q->enqueue(spec(QStringLiteral("crashy")));
        QVERIFY(m_q->claim(normal, w1, 1, 1000ms)->size() == 1);
        QCOMPARE(m_q->reapExpired().value(), 0);
        m_clock->advance(1001);
        QCOMPARE(m_q->reapExpired().value(), 1);
        QCOMPARE(m_q->get(*id)->state, JobState::Queued);
        QCOMPARE(claimTypes(normal, 1, w2), QStringList{QStringLiteral("crashy")});
        FT_STOP_IF_FAILED();
        QCOMPARE(m_q->complete(*id, w1).value(), false); // the first worker woke up too late
        QCOMPARE(m_q->complete(*id, w2).value(), true);
        QCOMPARE(m_q->complete(*id, w2).value(), false); // and nobody completes it twice
        auto job = m_q->get(*id);
        QCOMPARE(job->state, JobState::Done);
        QCOMPARE(job->attempts, 2);
    }

    void expiredLeaseOnLastAttemptIsDead()
    {
        JobSpec s = spec(QStringLiteral("crashy"));
        s.maxAttempts = 1;
        auto id = m_q->enqueue(s);
        QVERIFY(m_q->claim(normal, w1, 1, 1000ms)->size() == 1);
        m_clock->advance(2000);
        QCOMPARE(m_q->reapExpired().value(), 1);
        QCOMPARE(m_q->get(*id)->state, JobState::Dead);
        QVERIFY(m_q->get(*id)->lastError.contains(QStringLiteral("lease expired")));
    }

    void heartbeatExtendsLeaseAndReportsCancellation()
    {
        auto a = m_q->enqueue(spec(QStringLiteral("a")));
        auto b = m_q->enqueue(spec(QStringLiteral("b")));
        QCOMPARE(m_q->claim(normal, w1, 2, 1000ms)->size(), 2);
        m_clock->advance(900);
        QVERIFY(m_q->heartbeat({w1}, 1000ms)->isEmpty());
        m_clock->advance(900);
        QCOMPARE(m_q->reapExpired().value(), 0); // still alive thanks to the heartbeat
        QCOMPARE(m_q->cancel(*b).value(), true);
        QCOMPARE(m_q->get(*b)->state, JobState::Running); // running: asked, not forced
        QCOMPARE(m_q->heartbeat({w1}, 1000ms).value(), QList<qint64>{*b});
        QVERIFY(m_q->markCancelled(*b, w1).value());
        QCOMPARE(m_q->get(*b)->state, JobState::Cancelled);
        QCOMPARE(m_q->get(*a)->state, JobState::Running);
    }

    void cancelQueuedAndFinished()
    {
        auto id = m_q->enqueue(spec(QStringLiteral("x")));
        QCOMPARE(m_q->cancel(*id).value(), true);
        QCOMPARE(m_q->get(*id)->state, JobState::Cancelled);
        QCOMPARE(claimTypes(normal, 5, w1).size(), 0);
        FT_STOP_IF_FAILED();
        QCOMPARE(m_q->cancel(*id).value(), false);
        QCOMPARE(m_q->get(987654).error().code, core::ErrorCode::NotFound);
    }

    void releaseDoesNotCountAnAttempt()
    {
        auto id = m_q->enqueue(spec(QStringLiteral("x")));
        QCOMPARE(m_q->claim(normal, w1, 1, 30s)->size(), 1);
        QCOMPARE(m_q->release({*id}, w1).value(), 1);
        auto job = m_q->get(*id);
        QCOMPARE(job->state, JobState::Queued);
        QCOMPARE(job->attempts, 0);
    }

    void batchEnqueueAndCounts()
    {
        QList<JobSpec> specs;
        for (int i = 0; i < 1234; ++i)
            specs << spec(QStringLiteral("bulk"), i % 3);
        auto ids = m_q->enqueueBatch(specs);
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), 1234);
        QCOMPARE(QSet<qint64>(ids->begin(), ids->end()).size(), 1234);
        auto claimed = m_q->claim(normal, w1, 100, 30s);
        QCOMPARE(claimed->size(), 100);
        QList<qint64> done;
        for (const auto &j : *claimed) {
            QCOMPARE(j.priority, 2); // the highest priority first
            done << j.id;
        }
        QCOMPARE(m_q->completeBatch(done, w1).value(), 100);
        auto counts = m_q->countsByState();
        QCOMPARE(counts->value(QStringLiteral("done")), 100);
        QCOMPARE(counts->value(QStringLiteral("queued")), 1134);
        QCOMPARE(counts->value(QStringLiteral("dead")), 0);
    }

    void rejectsJobsWithoutType()
    {
        auto r = m_q->enqueue(JobSpec{});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(m_q->countsByState()->value(QStringLiteral("queued")), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
#include "testenv.h"
