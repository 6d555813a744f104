#pragma once
// ScheduleService (issue 15, spec 2.4 "Schedule page", tables schedules and schedule_logs): cron
// schedules in an IANA time zone, each running a task (a scrape, enrichment of a segment, an
// inbox sync, an analytics export, a database backup, ...).
//
// Firing goes through the database, so with several desktops and headless servers on one
// PostgreSQL each due run happens exactly once: a process claims a run by moving the schedule's
// next_run_at from the due time to the following one (compare and set, in the transaction that
// logs the run and queues its job); whoever loses the race changes nothing. A run found more than
// a minute late (everything was off) follows the schedule's misfire policy: run once now, or skip;
// either is logged, with how many runs were missed. The run itself is a job
// (automation.schedule_run) on the queue; a task that only queues work does so in the transaction
// that records the run, so a crash never runs it twice.

#include "fliptech/automation/backgroundround.h"
#include "fliptech/automation/cron.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
class JobQueue;
class WorkerPool;
} // namespace fliptech::storage

namespace fliptech::automation {

// A kind of work schedules run. The engine registers those whose services exist; a schedule
// naming any other is refused when it is saved.
struct TaskType {
    QString name;        // "database_backup"
    QString label;       // "Database backup"
    QString description; // what it does, for people
    QString settings;    // the shape of its task_config, for API users
    bool adminOnly = false;
    // True when run() only queues jobs: it then runs inside the transaction that records the run.
    bool queuesWork = true;
    // Checks a task_config; errors name the field ("task_config.segment_id").
    std::function<core::Status(const QJsonObject &config)> validate;
    // Does the work or queues it, as `actor`; what it returns goes into the run's log
    // (a "job_id" member is also kept as the log's job).
    std::function<core::Result<QJsonObject>(const leads::Actor &actor, const QJsonObject &config)> run;
};

class ScheduleService final : public QObject
{
    Q_OBJECT
public:
    static inline const QString runType = QStringLiteral("automation.schedule_run");
    // The queue runs wait in (the work a task queues goes to that work's own queue).
    static inline const QString queue = QStringLiteral("automation");
    // A run found later than this after its due time was missed (misfire policy).
    static constexpr qint64 misfireGraceSecs = 60;

    ScheduleService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events, const core::Clock &clock,
                    QObject *parent = nullptr);
    ~ScheduleService() override;

    void registerTask(TaskType type);
    // [{name, label, description, settings, admin_only}], by name.
    QJsonArray taskTypes() const;

    core::Result<QJsonArray> list();
    // {id, name, description, cron_expression, timezone, task_type, task_config, is_active,
    //  misfire_policy, last_run_at, next_run_at, next_runs: [3 UTC times], last_status, ...}.
    core::Result<QJsonObject> get(qint64 id);
    // {name, description?, cron_expression, timezone = UTC, task_type, task_config = {},
    //  is_active = true, misfire_policy = run_once|skip}; every mistake names its field.
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    // The fields given change (the rest stay); a new expression, zone or activation counts the
    // next run from now (no burst of missed runs).
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(const leads::Actor &actor, qint64 id);
    // Queues a run now, whatever the schedule says (also when paused): {log_id, job_id, status}.
    core::Result<QJsonObject> runNow(const leads::Actor &actor, qint64 id);
    // Its runs, newest first: [{id, status, fired_by, due_at, started_at, completed_at, job_id,
    //  error_message, results, requested_by}].
    core::Result<QJsonArray> logs(qint64 id, int limit = 100);
    // {cron_expression, timezone = UTC, count = 10 (1-100), from = now}: {cron_expression,
    //  timezone, runs: [{at (UTC), local}]} or the reason the expression or zone is refused.
    core::Result<QJsonObject> preview(const QJsonObject &request) const;

    // Fires every run due at `now` that no other process fired first; returns how many this
    // call claimed (runs queued, and missed runs skipped).
    core::Result<int> fireDue(const QDateTime &now);
    // The earliest next run of an active schedule.
    core::Result<std::optional<QDateTime>> nextDue();

    void registerHandlers(storage::WorkerPool &workers);
    // Fires due runs in this process from now on: a timer armed for the next due run (a minute at
    // most, for what other processes change), re-armed when a schedule changes here. The
    // statements run on a thread of their own, never on the caller's (the GUI's) thread.
    void startFiring();
    void stopFiring();

Q_SIGNALS:
    // A schedule was created, changed or removed in this process (the desktop refreshes).
    void changed();

private:
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);
    core::Result<QJsonObject> runOne(const QJsonObject &payload);
    core::Result<leads::Actor> actorOf(const QVariant &userId);
    core::Result<qint64> queueRun(qint64 scheduleId, const QString &firedBy, const QDateTime &due, const QDateTime &now,
                                  std::optional<qint64> requestedBy, const QJsonObject &results);
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue *m_jobs;
    storage::EventStore *m_events;
    const core::Clock &m_clock;
    mutable QMutex m_tasksMutex;
    QHash<QString, TaskType> m_tasks;
    std::unique_ptr<BackgroundRound> m_firing;
};

} // namespace fliptech::automation
