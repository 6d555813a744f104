// Several processes on one database: a worker killed mid-job, two workers draining a queue,
// events crossing from one process to another.
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace fliptech;

class TestMultiProcess final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<storage::JobQueue> m_q;

    QString helper() const { return test::binDir() + QStringLiteral("/fliptech_storage_helper"); }

    std::unique_ptr<QProcess> startHelper(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(helper(), args);
        if (!p->waitForStarted(10000))
            return nullptr;
        return p;
    }
    static bool waitForLine(QProcess &p, const QByteArray &prefix, int timeoutMs, QByteArray *line = nullptr)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            while (p.canReadLine()) {
                const QByteArray l = p.readLine().trimmed();
                if (l.startsWith(prefix)) {
                    if (line)
                        *line = l;
                    return true;
                }
            }
            if (p.state() == QProcess::NotRunning)
                return false;
            p.waitForReadyRead(50);
        }
        return false;
    }
    qint64 scalar(const QString &sql)
    {
        auto r = m_db->selectOne(sql);
        return r ? r->value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        QVERIFY(m_db->executeRaw(QStringLiteral("CREATE TABLE test_runs (job_id BIGINT NOT NULL, pid BIGINT NOT NULL)")).ok());
        m_q = std::make_unique<storage::JobQueue>(m_db, core::SystemClock::instance());
    }
    void cleanup()
    {
        m_q.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void killedWorkersJobRunsAgainAndCompletesOnce()
    {
        auto id = m_q->enqueue(storage::JobSpec{QStringLiteral("hang_once")});
        QVERIFY(id.ok());
        auto a = startHelper({QStringLiteral("work"), m_tmp->url().toString(), QStringLiteral("1000"), QStringLiteral("1"),
                              QStringLiteral("600000")});
        QVERIFY(a);
        QVERIFY2(waitForLine(*a, "hanging", 20000), a->readAllStandardError().constData());
        QCOMPARE(m_q->get(*id)->state, storage::JobState::Running);
        a->kill(); // SIGKILL: no clean-up, no release
        QVERIFY(a->waitForFinished(10000));

        QElapsedTimer t;
        t.start();
        auto b = startHelper({QStringLiteral("work"), m_tmp->url().toString(), QStringLiteral("1000"), QStringLiteral("1"),
                              QStringLiteral("500")});
        QVERIFY(b);
        QVERIFY(b->waitForFinished(30000));
        QCOMPARE(b->exitCode(), 0);
        auto job = m_q->get(*id);
        QCOMPARE(job->state, storage::JobState::Done);
        QCOMPARE(job->attempts, 2);
        QVERIFY(job->lastError.contains(QStringLiteral("lease expired")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM test_runs")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT pid) FROM test_runs")), 2);
        qInfo("re-run after the kill took %lld ms (lease 1000 ms)", t.elapsed());
    }

    void twoWorkerProcessesDrainTenThousandJobsExactlyOnce()
    {
        constexpr int kJobs = 10000;
        QList<storage::JobSpec> specs(kJobs, storage::JobSpec{QStringLiteral("record")});
        QVERIFY(m_q->enqueueBatch(specs).ok());
        const QStringList args{QStringLiteral("work"), m_tmp->url().toString(), QStringLiteral("30000"), QStringLiteral("2"),
                               QStringLiteral("300")};
        auto a = startHelper(args);
        auto b = startHelper(args);
        QVERIFY(a && b);
        QVERIFY(a->waitForFinished(240000));
        QVERIFY(b->waitForFinished(240000));
        // (How a helper ended, and what it said, when it did not end well.)
        for (QProcess *p : {a.get(), b.get()})
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     qPrintable(QStringLiteral("exit status %1, code %2: %3")
                                    .arg(p->exitStatus() == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
                                    .arg(p->exitCode())
                                    .arg(QString::fromLocal8Bit(p->readAllStandardError().right(2000)))));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE state = 'done'")), kJobs);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM test_runs")), kJobs);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT job_id) FROM test_runs")), kJobs);
        QCOMPARE(scalar(QStringLiteral("SELECT max(attempts) FROM jobs")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT pid) FROM test_runs")), 2); // both did work
    }

    void eventFromOneProcessReachesAnotherWithinASecond()
    {
        auto listener = startHelper({QStringLiteral("listen"), m_tmp->url().toString(), QStringLiteral("30")});
        QVERIFY(listener);
        QVERIFY(waitForLine(*listener, "ready", 20000));
        storage::EventStore events(m_db, core::SystemClock::instance());
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer t;
            t.start();
            auto id = events.append(QStringLiteral("scrape_progress"), QStringLiteral("scraper"));
            QVERIFY(id.ok());
            QByteArray line;
            QVERIFY(waitForLine(*listener, "event", 5000, &line));
            const qint64 elapsed = t.elapsed();
            QCOMPARE(line, QByteArray("event " + QByteArray::number(*id) + " scrape_progress"));
            QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
            qInfo("round %d: delivered across processes in %lld ms", round, elapsed);
        }
        listener->kill();
        listener->waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestMultiProcess)
#include "tst_multiprocess.moc"
