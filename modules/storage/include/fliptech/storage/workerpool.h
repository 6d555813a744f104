#pragma once
// WorkerPool: threads that claim jobs from the JobQueue and run the handler registered for
// their type. Each worker thread has its own database connection. A heartbeat thread keeps
// the leases of running jobs alive and passes cancellation requests to their handlers.
// stop() lets running jobs finish (handlers see isCancelled()), gives unstarted claimed jobs
// back to the queue, and joins the threads.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/storage/jobqueue.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace fliptech::storage {

class Database;

// What a handler returns.
struct JobOutcome {
    enum class Kind { Done, Failed, FailedPermanently, Cancelled };
    Kind kind = Kind::Done;
    QString error;
    QJsonObject result;
    static JobOutcome done(QJsonObject result = {}) { return {Kind::Done, {}, std::move(result)}; }
    static JobOutcome failed(QString error) { return {Kind::Failed, std::move(error), {}}; }
    static JobOutcome failedPermanently(QString error) { return {Kind::FailedPermanently, std::move(error), {}}; }
    static JobOutcome cancelled() { return {Kind::Cancelled, {}, {}}; }
    // Done with the result; an error tried again only when it may pass (Unavailable: a service
    // not answering), else the job ends (a missing row, a refusal).
    static JobOutcome of(const core::Result<QJsonObject> &r)
    {
        if (r)
            return done(*r);
        return r.error().code == core::ErrorCode::Unavailable ? failed(r.error().message) : failedPermanently(r.error().message);
    }
};

// Progress recorded by a handler and written by the pool's reporter thread, on that thread's
// own connection: a handler's connection may be inside its transaction or a COPY, where another
// statement would abort the COPY (PostgreSQL) or be rolled back with the work it reports.
struct ProgressReport {
    int percent = 0;
    QString message;
    std::optional<ProgressEvent> event;
    std::optional<qint64> userId; // who started the job: its job_progress is theirs
};

class WorkerPool;

// Handed to a handler while it runs.
class JobContext final
{
public:
    using Reporter = std::function<void(qint64 jobId, ProgressReport report)>;
    JobContext(const Job &job, Reporter reporter, std::function<bool()> cancelled)
        : m_job(job), m_reporter(std::move(reporter)), m_cancelled(std::move(cancelled)) {}
    const Job &job() const { return m_job; }
    const QJsonObject &payload() const { return m_job.payload; }
    // True when the user cancelled the job or the application is stopping: return soon.
    bool isCancelled() const { return m_cancelled && m_cancelled(); }
    // Records progress (0-100) and publishes a job_progress event (plus `event` when given).
    // Returns at once: the pool's reporter writes it within ~100 ms, the latest value of each
    // job winning, so a handler may call this as often as it likes.
    void setProgress(int percent, const QString &message = {}, std::optional<ProgressEvent> event = std::nullopt);

private:
    const Job &m_job;
    Reporter m_reporter;
    std::function<bool()> m_cancelled;
};

using JobHandler = std::function<JobOutcome(JobContext &)>;

class WorkerPool final : public QObject
{
    Q_OBJECT
public:
    struct Options {
        int workers = 2;
        QStringList queues{QStringLiteral("high"), QStringLiteral("normal"), QStringLiteral("low")};
        int batchSize = 16;                      // jobs claimed per round trip
        std::chrono::milliseconds lease{30000};  // a silent worker's jobs run again after this
        std::chrono::milliseconds idlePoll{500}; // look for other processes' jobs this often
        QString name = QStringLiteral("pool");
    };

    WorkerPool(std::shared_ptr<Database> db, JobQueue &queue, const core::Clock &clock, Options options);
    ~WorkerPool() override;

    // Register before start(). A job whose type has no handler fails permanently.
    void registerHandler(const QString &type, JobHandler handler);
    void start();
    // Graceful: waits up to `timeout` for running handlers, releasing what did not start.
    void stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(15000));
    bool isRunning() const { return m_running.load(); }
    int busyWorkers() const { return m_busy.load(); }
    QStringList workerIds() const;
    qint64 processedCount() const { return m_processed.load(); }

Q_SIGNALS:
    void busyChanged(int busyWorkers);

private:
    void workerLoop(int index);
    void heartbeatLoop();
    void reporterLoop();
    void report(qint64 jobId, ProgressReport report);
    void write(qint64 jobId, const ProgressReport &report);
    // Writes what a finished job still had to report, before its outcome.
    void flushProgress(qint64 jobId);
    void wake();
    bool isCancelRequested(qint64 jobId);

    std::shared_ptr<Database> m_db;
    JobQueue &m_queue;
    const core::Clock &m_clock;
    Options m_options;
    QHash<QString, JobHandler> m_handlers;
    QString m_idPrefix;
    std::vector<QThread *> m_threads;
    QThread *m_heartbeat = nullptr;
    QThread *m_reporter = nullptr;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_busy{0};
    std::atomic<qint64> m_processed{0};
    QMutex m_mutex;
    QWaitCondition m_wake;
    quint64 m_wakeSerial = 0;
    QSet<qint64> m_cancelRequested;
    QMutex m_reportMutex; // guards m_reports only: a handler never waits for a write
    QMutex m_writeMutex;  // held while the reporter writes
    QWaitCondition m_reportWake;
    QHash<qint64, ProgressReport> m_reports;  // for the reporter thread (PostgreSQL)
    QHash<qint64, ProgressReport> m_deferred; // SQLite, reported inside the handler's transaction
};

} // namespace fliptech::storage
