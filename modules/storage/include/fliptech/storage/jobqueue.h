#pragma once
// JobQueue: durable background work in the `jobs` table, shared by every process on the database.
// Jobs are claimed under a lease (locked_by, locked_until); a crashed worker's lease expires and
// the job runs again. Failures back off exponentially with jitter; a job that keeps failing is
// marked dead, never dropped. PostgreSQL claims with FOR UPDATE SKIP LOCKED; SQLite's single
// UPDATE ... RETURNING takes the write lock for the whole statement.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace fliptech::storage {

class Database;
class EventStore;

enum class JobState { Queued, Running, Done, Dead, Cancelled };
QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString &name);

struct JobSpec {
    JobSpec() = default;
    explicit JobSpec(QString type_, QJsonObject payload_ = {}) : type(std::move(type_)), payload(std::move(payload_)) {}
    QString type;
    QJsonObject payload;
    QString queue = QStringLiteral("normal");
    int priority = 0; // higher runs first
    QDateTime runAt;  // invalid: now
    int maxAttempts = 5;
    std::optional<qint64> createdBy;
};

struct Job {
    qint64 id = 0;
    QString queue;
    QString type;
    QJsonObject payload;
    int priority = 0;
    JobState state = JobState::Queued;
    int attempts = 0;
    int maxAttempts = 0;
    QDateTime runAt;
    QString lockedBy;
    QDateTime lockedUntil;
    bool cancelRequested = false;
    int progress = -1;
    QString lastError;
    QJsonObject result;
    std::optional<qint64> createdBy;
    QJsonObject toJson() const;
};

// An event published with a job's progress (e.g. import_progress, for the user who asked).
struct ProgressEvent {
    QString type;
    QString channel;
    QJsonObject payload;
    std::optional<qint64> userId;
};

struct BackoffPolicy {
    std::chrono::milliseconds base{5000};
    std::chrono::milliseconds cap{3600 * 1000};
    // Delay before attempt n+1 after n failed attempts: base * 2^(n-1), capped, with "equal
    // jitter" (half fixed, half random) so a burst of failures does not retry in lock-step.
    std::chrono::milliseconds delayAfter(int attempts, double random01) const;
};

class JobQueue final : public QObject
{
    Q_OBJECT
public:
    // random01 returns a uniform number in [0, 1); tests pass a fixed one.
    JobQueue(std::shared_ptr<Database> db, const core::Clock &clock, EventStore *events = nullptr,
             std::function<double()> random01 = {});

    core::Result<qint64> enqueue(const JobSpec &spec);
    // One statement per 500 jobs: how bulk producers (imports, campaigns) enqueue.
    core::Result<QList<qint64>> enqueueBatch(const QList<JobSpec> &specs);

    // Claims up to `max` runnable jobs of the given queues for `workerId` until now + lease.
    core::Result<QList<Job>> claim(const QStringList &queues, const QString &workerId, int max,
                                   std::chrono::milliseconds lease);
    // Extends the lease of everything `workerIds` hold; returns ids whose cancellation was asked.
    core::Result<QList<qint64>> heartbeat(const QStringList &workerIds, std::chrono::milliseconds lease);
    // Marks done, if `workerId` still holds the job (a stale worker's completion is ignored).
    core::Result<bool> complete(qint64 id, const QString &workerId, const QJsonObject &result = {});
    core::Result<int> completeBatch(const QList<qint64> &ids, const QString &workerId);
    // Records a failed attempt: queued again after a backoff, or dead after max_attempts
    // (at once when `permanent`).
    core::Result<JobState> fail(qint64 id, const QString &workerId, const QString &error, bool permanent = false);
    // Gives claimed jobs back untouched (graceful stop): they do not count as an attempt.
    core::Result<int> release(const QList<qint64> &ids, const QString &workerId);
    // Marks a running job cancelled (after its handler stopped on request).
    core::Result<bool> markCancelled(qint64 id, const QString &workerId);
    // Only while the job runs (a late report never overwrites its outcome).
    core::Status setProgress(qint64 id, int percent, const QString &message = {},
                             const std::optional<ProgressEvent> &event = std::nullopt, std::optional<qint64> userId = std::nullopt);

    // A queued job is cancelled at once; a running one is asked to stop. False if already finished.
    core::Result<bool> cancel(qint64 id);
    // Dead/cancelled jobs back to the queue with fresh attempts.
    core::Result<bool> retry(qint64 id);
    // A queued job waiting for a later time runs at `at` instead: true when it was moved (false
    // when it is not queued or already due by then).
    core::Result<bool> runSooner(qint64 id, const QDateTime &at);
    // Expired leases (crashed workers): back to the queue, or dead if out of attempts.
    core::Result<int> reapExpired();

    core::Result<Job> get(qint64 id);
    core::Result<QMap<QString, qint64>> countsByState();
    // Queued jobs whose time has come (not those waiting for a later run_at, such as the next
    // inbox check): what "waiting" means to a person watching the status bar.
    core::Result<qint64> countDue();
    // Whether a job of this type is queued or running (for jobs that must not pile up).
    core::Result<bool> hasActive(const QString &type);

    BackoffPolicy &backoff() { return m_backoff; }

Q_SIGNALS:
    // Emitted (in the enqueuing thread) after new work was committed: wakes idle workers.
    void jobsAvailable();
    // Emitted (in the cancelling thread) after a running job was asked to stop: wakes the pools'
    // heartbeat, so a handler in this process sees isCancelled() at once, not a heartbeat later.
    void cancelRequested();

private:
    core::Result<QList<qint64>> insertChunk(const QList<JobSpec> &specs, qsizetype from, qsizetype count);

    std::shared_ptr<Database> m_db;
    const core::Clock &m_clock;
    EventStore *m_events;
    std::function<double()> m_random;
    BackoffPolicy m_backoff;
};

} // namespace fliptech::storage
