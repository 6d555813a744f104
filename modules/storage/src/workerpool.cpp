#include "fliptech/storage/workerpool.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostInfo>
#include <QThread>

#include <exception>

namespace fliptech::storage {

void JobContext::setProgress(int percent, const QString &message, std::optional<ProgressEvent> event)
{
    if (m_reporter)
        m_reporter(m_job.id, ProgressReport{percent, message, std::move(event), m_job.createdBy});
}

namespace {
QAtomicInt g_poolSerial{1};

// An outcome that cannot be recorded: the job's lease expires and it runs again (handlers are
// written to be run again), so it is logged, not lost.
template <typename R>
void logUnrecorded(const R &result, qint64 jobId, const char *what)
{
    if (!result)
        qCWarning(lcJobs).noquote() << "cannot" << what << "job" << jobId << "(it will run again when its lease expires):" << result.error().message;
}
} // namespace

WorkerPool::WorkerPool(std::shared_ptr<Database> db, JobQueue &queue, const core::Clock &clock, Options options)
    : m_db(std::move(db)), m_queue(queue), m_clock(clock), m_options(std::move(options))
{
    m_idPrefix = QStringLiteral("%1:%2:%3%4")
                     .arg(QHostInfo::localHostName())
                     .arg(QCoreApplication::applicationPid())
                     .arg(m_options.name)
                     .arg(g_poolSerial.fetchAndAddRelaxed(1));
    connect(&m_queue, &JobQueue::jobsAvailable, this, &WorkerPool::wake, Qt::DirectConnection);
    connect(&m_queue, &JobQueue::cancelRequested, this, &WorkerPool::wake, Qt::DirectConnection); // the heartbeat reads it now
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::registerHandler(const QString &type, JobHandler handler)
{
    Q_ASSERT(!m_running.load());
    m_handlers.insert(type, std::move(handler));
}

QStringList WorkerPool::workerIds() const
{
    QStringList ids;
    for (int i = 0; i < m_options.workers; ++i)
        ids << QStringLiteral("%1:w%2").arg(m_idPrefix).arg(i);
    return ids;
}

void WorkerPool::start()
{
    if (m_running.exchange(true))
        return;
    m_stopping.store(false);
    for (int i = 0; i < m_options.workers; ++i) {
        QThread *t = QThread::create([this, i] { workerLoop(i); });
        t->setObjectName(QStringLiteral("job-worker-%1").arg(i));
        m_threads.push_back(t);
        t->start();
    }
    m_heartbeat = QThread::create([this] { heartbeatLoop(); });
    m_heartbeat->setObjectName(QStringLiteral("job-heartbeat"));
    m_heartbeat->start();
    m_reporter = QThread::create([this] { reporterLoop(); });
    m_reporter->setObjectName(QStringLiteral("job-reporter"));
    m_reporter->start();
}

void WorkerPool::stop(std::chrono::milliseconds timeout)
{
    if (!m_running.load())
        return;
    m_stopping.store(true);
    wake();
    const QDeadlineTimer deadline(timeout.count());
    for (QThread *t : m_threads) {
        if (!t->wait(deadline))
            qCWarning(lcJobs) << "a job handler did not stop in time; its lease will expire and the job will run again";
    }
    m_heartbeat->wait();
    {
        QMutexLocker lock(&m_reportMutex);
        m_reportWake.wakeAll();
    }
    m_reporter->wait();
    for (QThread *t : m_threads)
        if (t->isFinished())
            delete t;
    m_threads.clear();
    delete m_heartbeat;
    m_heartbeat = nullptr;
    delete m_reporter;
    m_reporter = nullptr;
    m_running.store(false);
}

void WorkerPool::wake()
{
    QMutexLocker lock(&m_mutex);
    ++m_wakeSerial;
    m_wake.wakeAll();
}

bool WorkerPool::isCancelRequested(qint64 jobId)
{
    QMutexLocker lock(&m_mutex);
    return m_cancelRequested.contains(jobId);
}

void WorkerPool::workerLoop(int index)
{
    const QString workerId = QStringLiteral("%1:w%2").arg(m_idPrefix).arg(index);
    const bool reaper = index == 0; // one worker per pool also re-queues crashed workers' jobs
    qint64 nextReapMs = 0;
    while (!m_stopping.load()) {
        if (reaper && m_clock.monotonicMs() >= nextReapMs) {
            if (auto r = m_queue.reapExpired(); !r) // the next round reaps what this one could not
                qCWarning(lcJobs).noquote() << workerId << "cannot re-queue expired jobs:" << r.error().message;
            nextReapMs = m_clock.monotonicMs() + std::max<qint64>(250, m_options.lease.count() / 4);
        }
        quint64 serial;
        {
            QMutexLocker lock(&m_mutex);
            serial = m_wakeSerial;
        }
        auto claimed = m_queue.claim(m_options.queues, workerId, m_options.batchSize, m_options.lease);
        if (!claimed) {
            qCWarning(lcJobs).noquote() << workerId << "cannot claim jobs:" << claimed.error().message;
            QThread::msleep(500);
            continue;
        }
        if (claimed->isEmpty()) {
            QMutexLocker lock(&m_mutex);
            if (serial == m_wakeSerial && !m_stopping.load())
                m_wake.wait(&m_mutex, QDeadlineTimer(m_options.idlePoll.count()));
            continue;
        }
        Q_EMIT busyChanged(++m_busy);
        QList<qint64> done;
        const QList<Job> &jobs = *claimed;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const Job &job = jobs[i];
            if (m_stopping.load()) {
                QList<qint64> rest;
                for (qsizetype k = i; k < jobs.size(); ++k)
                    rest << jobs[k].id;
                if (auto r = m_queue.release(rest, workerId); !r) // their leases expire and they run then
                    qCWarning(lcJobs).noquote() << workerId << "cannot release jobs:" << r.error().message;
                break;
            }
            JobOutcome outcome;
            const auto handler = m_handlers.constFind(job.type);
            if (handler == m_handlers.constEnd()) {
                outcome = JobOutcome::failedPermanently(QStringLiteral("no handler for job type '%1'").arg(job.type));
            } else {
                JobContext ctx(job, [this](qint64 id, ProgressReport r) { report(id, std::move(r)); },
                               [this, id = job.id] { return m_stopping.load() || isCancelRequested(id); });
                try {
                    outcome = (*handler)(ctx);
                } catch (const std::exception &e) {
                    outcome = JobOutcome::failed(QStringLiteral("handler threw: %1").arg(QString::fromUtf8(e.what())));
                } catch (...) {
                    outcome = JobOutcome::failed(QStringLiteral("handler threw an unknown exception"));
                }
            }
            flushProgress(job.id);
            switch (outcome.kind) {
            case JobOutcome::Kind::Done:
                if (outcome.result.isEmpty())
                    done << job.id; // completed together with the rest of the batch
                else
                    logUnrecorded(m_queue.complete(job.id, workerId, outcome.result), job.id, "complete");
                break;
            case JobOutcome::Kind::Failed:
            case JobOutcome::Kind::FailedPermanently:
                logUnrecorded(m_queue.fail(job.id, workerId, outcome.error, outcome.kind == JobOutcome::Kind::FailedPermanently), job.id, "fail");
                break;
            case JobOutcome::Kind::Cancelled: {
                // Asked by the user: seen at a heartbeat, or (a handler that stopped on a signal of
                // its own before the next one) in the job's row.
                bool requested = isCancelRequested(job.id);
                if (!requested) {
                    auto row = m_queue.get(job.id);
                    requested = row && row->cancelRequested;
                }
                if (requested)
                    logUnrecorded(m_queue.markCancelled(job.id, workerId), job.id, "cancel");
                else
                    logUnrecorded(m_queue.release({job.id}, workerId), job.id, "release"); // stopping: run it again later
                break;
            }
            }
            {
                QMutexLocker lock(&m_mutex);
                m_cancelRequested.remove(job.id);
            }
            m_processed.fetch_add(1);
        }
        if (auto r = m_queue.completeBatch(done, workerId); !r)
            qCWarning(lcJobs).noquote() << workerId << "cannot complete jobs:" << r.error().message;
        Q_EMIT busyChanged(--m_busy);
    }
}

void WorkerPool::heartbeatLoop()
{
    const QStringList ids = workerIds();
    const qint64 interval = std::max<qint64>(100, m_options.lease.count() / 3);
    while (!m_stopping.load()) {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_stopping.load())
                m_wake.wait(&m_mutex, QDeadlineTimer(interval));
        }
        if (m_stopping.load())
            break;
        if (m_busy.load() == 0)
            continue;
        auto cancelled = m_queue.heartbeat(ids, m_options.lease);
        if (!cancelled) {
            qCWarning(lcJobs).noquote() << "heartbeat failed:" << cancelled.error().message;
            continue;
        }
        if (!cancelled->isEmpty()) {
            QMutexLocker lock(&m_mutex);
            for (qint64 id : *cancelled)
                m_cancelRequested.insert(id);
        }
    }
}

} // namespace fliptech::storage


namespace fliptech::storage {

void WorkerPool::report(qint64 jobId, ProgressReport report)
{
    // Outside a transaction the handler's own connection is free: write at once, in order.
    // Inside one (an import's chunk or COPY), PostgreSQL takes it on the reporter thread's
    // connection (MVCC: nothing waits); SQLite has one writer, which the handler holds, so it
    // waits for the handler's next report outside its transaction, or for the job's end.
    if (m_db->transactionDepth() == 0) {
        {
            QMutexLocker lock(&m_reportMutex);
            m_reports.remove(jobId);
            m_deferred.remove(jobId);
        }
        write(jobId, report);
        return;
    }
    QMutexLocker lock(&m_reportMutex);
    if (!m_db->isPostgres()) {
        m_deferred.insert(jobId, std::move(report));
        return;
    }
    m_reports.insert(jobId, std::move(report));
    m_reportWake.wakeOne();
}

void WorkerPool::write(qint64 jobId, const ProgressReport &report)
{
    // Progress is advisory: a lost write is followed by the next one or by the job's end.
    if (auto st = m_queue.setProgress(jobId, report.percent, report.message, report.event, report.userId); !st)
        qCWarning(lcJobs).noquote() << "cannot record progress of job" << jobId << st.error().message;
}

void WorkerPool::flushProgress(qint64 jobId)
{
    std::optional<ProgressReport> pending;
    {
        QMutexLocker lock(&m_reportMutex);
        for (QHash<qint64, ProgressReport> *map : {&m_reports, &m_deferred}) {
            if (auto it = map->find(jobId); it != map->end()) {
                pending = std::move(*it);
                map->erase(it);
            }
        }
    }
    QMutexLocker writing(&m_writeMutex); // a write under way lands before the job's outcome
    if (pending)
        write(jobId, *pending);
}

void WorkerPool::reporterLoop()
{
    while (!m_stopping.load()) {
        QHash<qint64, ProgressReport> reports;
        {
            QMutexLocker lock(&m_reportMutex);
            if (m_reports.isEmpty() && !m_stopping.load())
                m_reportWake.wait(&m_reportMutex, QDeadlineTimer(500));
            reports = std::exchange(m_reports, {});
        }
        if (reports.isEmpty())
            continue;
        {
            QMutexLocker writing(&m_writeMutex);
            for (auto it = reports.cbegin(); it != reports.cend(); ++it)
                write(it.key(), *it);
        }
        QThread::msleep(100); // at most ten writes a second per job, whatever the handler's pace
    }
}

} // namespace fliptech::storage
