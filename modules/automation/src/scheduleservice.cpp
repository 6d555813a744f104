#include "fliptech/automation/scheduleservice.h"

#include "fliptech/automation/checks.h"
#include "storedjson.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSchedules, "fliptech.automation.schedules")

namespace fliptech::automation {

using core::ErrorCode;
using core::fieldError;
using core::makeError;
using storage::Database;

namespace {

const QString kColumns = QStringLiteral(
    "s.id, s.name, s.description, s.cron_expression, s.timezone, s.task_type, s.task_config, s.is_active, s.misfire_policy, "
    "s.last_run_at, s.next_run_at, s.created_by, s.created_at, s.updated_at, "
    "(SELECT l.status FROM schedule_logs l WHERE l.schedule_id = s.id ORDER BY l.id DESC LIMIT 1)");

const QString kLogColumns = QStringLiteral("id, schedule_id, status, fired_by, due_at, started_at, completed_at, job_id, error_message, results, requested_by");

QJsonValue idOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong());
}

const QStringList kFields{QStringLiteral("name"),     QStringLiteral("description"), QStringLiteral("cron_expression"), QStringLiteral("timezone"),
                          QStringLiteral("task_type"), QStringLiteral("task_config"), QStringLiteral("is_active"),       QStringLiteral("misfire_policy")};

QJsonObject logJson(const storage::Row &r)
{
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("schedule_id"), r.value(1).toLongLong()},
            {QStringLiteral("status"), r.value(2).toString()},
            {QStringLiteral("fired_by"), r.value(3).toString()},
            {QStringLiteral("due_at"), Database::timestampJson(r.value(4))},
            {QStringLiteral("started_at"), Database::timestampJson(r.value(5))},
            {QStringLiteral("completed_at"), Database::timestampJson(r.value(6))},
            {QStringLiteral("job_id"), idOrNull(r.value(7))},
            {QStringLiteral("error_message"), r.value(8).isNull() ? QJsonValue() : QJsonValue(r.value(8).toString())},
            {QStringLiteral("results"), r.value(9).isNull() ? QJsonValue() : storedJson(r.value(9))},
            {QStringLiteral("requested_by"), idOrNull(r.value(10))}};
}

} // namespace

ScheduleService::ScheduleService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events, const core::Clock &clock,
                                 QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_jobs(jobs), m_events(events), m_clock(clock)
{
}

ScheduleService::~ScheduleService()
{
    stopFiring();
}

void ScheduleService::registerTask(TaskType type)
{
    QMutexLocker lock(&m_tasksMutex);
    m_tasks.insert(type.name, std::move(type));
}

QJsonArray ScheduleService::taskTypes() const
{
    QMutexLocker lock(&m_tasksMutex);
    QStringList names = m_tasks.keys();
    std::sort(names.begin(), names.end());
    QJsonArray out;
    for (const QString &n : names) {
        const TaskType &t = m_tasks[n];
        out.append(QJsonObject{{QStringLiteral("name"), t.name},
                               {QStringLiteral("label"), t.label},
                               {QStringLiteral("description"), t.description},
                               {QStringLiteral("settings"), t.settings},
                               {QStringLiteral("admin_only"), t.adminOnly}});
    }
    return out;
}

namespace {

QJsonObject scheduleJson(const storage::Row &r, const QDateTime &now)
{
    const QString expression = r.value(3).toString();
    const QString zoneId = r.value(4).toString();
    QJsonArray upcoming;
    if (r.value(7).toBool()) {
        auto cron = CronExpression::parse(expression);
        auto zone = CronExpression::zone(zoneId);
        if (cron && zone) {
            const QDateTime stored = Database::toDateTime(r.value(10));
            QDateTime from = stored.isValid() ? stored.addSecs(-1) : now;
            for (const QDateTime &t : cron->nextRuns(from, *zone, 3))
                upcoming.append(Database::isoTimestamp(t));
        }
    }
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("name"), r.value(1).toString()},
            {QStringLiteral("description"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
            {QStringLiteral("cron_expression"), expression},
            {QStringLiteral("timezone"), zoneId},
            {QStringLiteral("task_type"), r.value(5).toString()},
            {QStringLiteral("task_config"), storedJson(r.value(6)).toObject()},
            {QStringLiteral("is_active"), r.value(7).toBool()},
            {QStringLiteral("misfire_policy"), r.value(8).toString()},
            {QStringLiteral("last_run_at"), Database::timestampJson(r.value(9))},
            {QStringLiteral("next_run_at"), Database::timestampJson(r.value(10))},
            {QStringLiteral("next_runs"), upcoming},
            {QStringLiteral("created_by"), idOrNull(r.value(11))},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(12))},
            {QStringLiteral("updated_at"), Database::timestampJson(r.value(13))},
            {QStringLiteral("last_status"), r.value(14).isNull() ? QJsonValue() : QJsonValue(r.value(14).toString())}};
}

} // namespace

core::Result<QJsonArray> ScheduleService::list()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM schedules s ORDER BY s.name, s.id").arg(kColumns));
    if (!rows)
        return rows.error();
    const QDateTime now = m_clock.now();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(scheduleJson(r, now));
    return out;
}

core::Result<QJsonObject> ScheduleService::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM schedules s WHERE s.id = ?").arg(kColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No schedule %1").arg(id)) : row.error();
    return scheduleJson(*row, m_clock.now());
}

core::Result<QJsonObject> ScheduleService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> ScheduleService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Result<QJsonObject> ScheduleService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &f)
{
    const bool creating = !id;
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!kFields.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not a field of a schedule (%1)").arg(kFields.join(QStringLiteral(", "))));
    QJsonObject merged;
    if (id) {
        auto current = get(*id);
        if (!current)
            return current.error();
        if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("schedule %1").arg(*id), QStringLiteral("change")); !st)
            return st.error();
        for (const QString &k : kFields)
            merged.insert(k, current->value(k));
    }
    for (auto it = f.begin(); it != f.end(); ++it)
        merged.insert(it.key(), it.value());

    const QJsonValue nameValue = merged.value(QStringLiteral("name"));
    const QString name = nameValue.toString().trimmed();
    if (!nameValue.isString() || name.isEmpty() || name.size() > 200)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QJsonValue description = merged.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isNull() && (!description.isString() || description.toString().size() > 2000))
        return fieldError(QStringLiteral("description"), QStringLiteral("must be text of at most 2000 characters"));
    const QJsonValue cronValue = merged.value(QStringLiteral("cron_expression"));
    if (!cronValue.isString())
        return fieldError(QStringLiteral("cron_expression"), QStringLiteral("is required: five fields (minute hour day-of-month month day-of-week) or a macro such as @daily"));
    auto cron = CronExpression::parse(cronValue.toString());
    if (!cron)
        return cron.error();
    const QJsonValue zoneValue = merged.value(QStringLiteral("timezone"));
    if (!zoneValue.isUndefined() && !zoneValue.isString())
        return fieldError(QStringLiteral("timezone"), QStringLiteral("must be the name of an IANA time zone (e.g. America/New_York)"));
    const QString zoneId = zoneValue.toString(QStringLiteral("UTC")).trimmed();
    auto zone = CronExpression::zone(zoneId);
    if (!zone)
        return zone.error();
    const QString taskName = merged.value(QStringLiteral("task_type")).toString();
    TaskType task;
    {
        QMutexLocker lock(&m_tasksMutex);
        if (!m_tasks.contains(taskName)) {
            QStringList names = m_tasks.keys();
            std::sort(names.begin(), names.end());
            return fieldError(QStringLiteral("task_type"), taskName.isEmpty() ? QStringLiteral("is required (one of %1)").arg(names.join(QStringLiteral(", ")))
                                                                              : QStringLiteral("'%1' is not a task this FlipTech Pro can run (one of %2)")
                                                                                    .arg(taskName.left(80), names.join(QStringLiteral(", "))));
        }
        task = m_tasks.value(taskName);
    }
    if (task.adminOnly && !actor.isAdmin)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Only an administrator may schedule a %1").arg(task.label.toLower()));
    const QJsonValue configValue = merged.value(QStringLiteral("task_config"));
    if (!configValue.isUndefined() && !configValue.isNull() && !configValue.isObject())
        return fieldError(QStringLiteral("task_config"), QStringLiteral("must be an object"));
    const QJsonObject config = configValue.toObject();
    if (task.validate)
        if (auto st = task.validate(config); !st)
            return st.error();
    const QJsonValue active = merged.value(QStringLiteral("is_active"));
    if (!active.isUndefined() && !active.isBool())
        return fieldError(QStringLiteral("is_active"), QStringLiteral("must be true or false"));
    const QString misfire = merged.value(QStringLiteral("misfire_policy")).toString(QStringLiteral("run_once"));
    if (misfire != u"run_once" && misfire != u"skip")
        return fieldError(QStringLiteral("misfire_policy"), QStringLiteral("must be run_once (a run missed while nothing ran happens once at the next start) or skip"));

    const QDateTime now = m_clock.now();
    const bool isActive = active.toBool(true);
    // The next run: kept when nothing that decides it changed, else counted from now.
    QVariant next;
    if (isActive) {
        const bool same = id && f.value(QStringLiteral("cron_expression")).isUndefined() && f.value(QStringLiteral("timezone")).isUndefined() &&
                          (f.value(QStringLiteral("is_active")).isUndefined() || merged.value(QStringLiteral("is_active")) == QJsonValue(true));
        QDateTime kept;
        if (same) {
            auto row = m_db->selectOne(QStringLiteral("SELECT next_run_at, is_active FROM schedules WHERE id = ?"), {*id});
            if (!row)
                return row.error();
            if (row->value(1).toBool())
                kept = Database::toDateTime(row->value(0));
        }
        const auto n = kept.isValid() ? std::optional<QDateTime>(kept) : cron->next(now, *zone);
        if (n)
            next = m_db->timestamp(*n);
    }
    const QVariant descriptionParam = description.isString() ? QVariant(description.toString()) : QVariant();
    const QVariant nowParam = m_db->timestamp(now);
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE schedules SET name = ?, description = ?, cron_expression = ?, timezone = ?, task_type = ?, task_config = %1, "
                                                 "is_active = %2, misfire_policy = ?, next_run_at = %3, updated_at = %3 WHERE id = ?")
                                      .arg(m_db->jsonParam(), m_db->boolLiteral(isActive), m_db->timestampParam()),
                                  {name, descriptionParam, cron->text(), zoneId, taskName, jsonText(config), misfire, next, nowParam, *id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return makeError(ErrorCode::NotFound, QStringLiteral("No schedule %1").arg(*id));
    } else {
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO schedules (name, description, cron_expression, timezone, task_type, task_config, is_active, "
                                                  "misfire_policy, next_run_at, created_by, created_at, updated_at) "
                                                  "VALUES (?, ?, ?, ?, ?, %1, %2, ?, %3, ?, %3, %3) RETURNING id")
                                       .arg(m_db->jsonParam(), m_db->boolLiteral(isActive), m_db->timestampParam()),
                                   {name, descriptionParam, cron->text(), zoneId, taskName, jsonText(config), misfire, next,
                                    actor.userId ? QVariant(*actor.userId) : QVariant(), nowParam, nowParam});
        if (!row)
            return row.error();
        id = row->value(0).toLongLong();
    }
    auto saved = get(*id);
    if (saved) {
        announce(QStringLiteral("schedule_changed"), {{QStringLiteral("schedule_id"), *id}, {QStringLiteral("action"), creating ? QStringLiteral("created") : QStringLiteral("updated")}});
        Q_EMIT changed();
    }
    return saved;
}

core::Status ScheduleService::remove(const leads::Actor &actor, qint64 id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("schedule %1").arg(id), QStringLiteral("delete")); !st)
        return st;
    auto done = m_db->execute(QStringLiteral("DELETE FROM schedules WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("No schedule %1").arg(id));
    announce(QStringLiteral("schedule_changed"), {{QStringLiteral("schedule_id"), id}, {QStringLiteral("action"), QStringLiteral("deleted")}});
    Q_EMIT changed();
    return {};
}

core::Result<qint64> ScheduleService::queueRun(qint64 scheduleId, const QString &firedBy, const QDateTime &due, const QDateTime &now,
                                               std::optional<qint64> requestedBy, const QJsonObject &results)
{
    if (!m_jobs)
        return makeError(ErrorCode::Unavailable, QStringLiteral("no job queue"));
    auto log = m_db->selectOne(QStringLiteral("INSERT INTO schedule_logs (schedule_id, status, fired_by, due_at, started_at, requested_by, results) "
                                              "VALUES (?, 'queued', ?, %1, %1, ?, %2) RETURNING id")
                                   .arg(m_db->timestampParam(), m_db->jsonParam()),
                               {scheduleId, firedBy, due.isValid() ? m_db->timestamp(due) : QVariant(), m_db->timestamp(now),
                                requestedBy ? QVariant(*requestedBy) : QVariant(), results.isEmpty() ? QVariant() : QVariant(jsonText(results))});
    // started_at is when the run was queued; due_at stays null for a manual run.
    if (!log)
        return log.error();
    const qint64 logId = log->value(0).toLongLong();
    storage::JobSpec spec(runType, {{QStringLiteral("log_id"), logId}, {QStringLiteral("schedule_id"), scheduleId}});
    spec.queue = queue;
    spec.maxAttempts = 3;
    spec.createdBy = requestedBy;
    auto job = m_jobs->enqueue(spec);
    if (!job)
        return job.error();
    if (auto set = m_db->execute(QStringLiteral("UPDATE schedule_logs SET job_id = ? WHERE id = ?"), {*job, logId}); !set)
        return set.error();
    return logId;
}

core::Result<QJsonObject> ScheduleService::runNow(const leads::Actor &actor, qint64 id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    {
        QMutexLocker lock(&m_tasksMutex);
        const auto task = m_tasks.constFind(current->value(QStringLiteral("task_type")).toString());
        if (task == m_tasks.constEnd())
            return makeError(ErrorCode::Unavailable, QStringLiteral("This FlipTech Pro cannot run the task '%1'").arg(current->value(QStringLiteral("task_type")).toString()));
        if (task->adminOnly && !actor.isAdmin)
            return makeError(ErrorCode::Forbidden, QStringLiteral("Only an administrator may run a %1").arg(task->label.toLower()));
    }
    const QDateTime now = m_clock.now();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto logId = queueRun(id, QStringLiteral("manual"), {}, now, actor.userId, {});
    if (!logId)
        return logId.error();
    if (auto touched = m_db->execute(QStringLiteral("UPDATE schedules SET last_run_at = %1 WHERE id = ?").arg(m_db->timestampParam()), {m_db->timestamp(now), id});
        !touched)
        return touched.error();
    auto log = m_db->selectOne(QStringLiteral("SELECT %1 FROM schedule_logs WHERE id = ?").arg(kLogColumns), {*logId});
    if (!log)
        return log.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    const QJsonObject out = logJson(*log);
    announce(QStringLiteral("schedule_run"), {{QStringLiteral("schedule_id"), id}, {QStringLiteral("log_id"), *logId}, {QStringLiteral("status"), QStringLiteral("queued")}});
    return QJsonObject{{QStringLiteral("log_id"), *logId}, {QStringLiteral("job_id"), out.value(QStringLiteral("job_id"))}, {QStringLiteral("status"), QStringLiteral("queued")}};
}

core::Result<QJsonArray> ScheduleService::logs(qint64 id, int limit)
{
    if (auto exists = m_db->selectOne(QStringLiteral("SELECT id FROM schedules WHERE id = ?"), {id}); !exists)
        return exists.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No schedule %1").arg(id)) : exists.error();
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM schedule_logs WHERE schedule_id = ? ORDER BY id DESC LIMIT ?").arg(kLogColumns),
                             {id, std::clamp(limit, 1, 1000)});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(logJson(r));
    return out;
}

core::Result<QJsonObject> ScheduleService::preview(const QJsonObject &request) const
{
    static const QStringList allowed{QStringLiteral("cron_expression"), QStringLiteral("timezone"), QStringLiteral("count"), QStringLiteral("from")};
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!allowed.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not a field of a preview (cron_expression, timezone, count, from)"));
    const QJsonValue cronValue = request.value(QStringLiteral("cron_expression"));
    if (!cronValue.isString())
        return fieldError(QStringLiteral("cron_expression"), QStringLiteral("is required: five fields (minute hour day-of-month month day-of-week) or a macro such as @daily"));
    auto cron = CronExpression::parse(cronValue.toString());
    if (!cron)
        return cron.error();
    const QJsonValue zoneValue = request.value(QStringLiteral("timezone"));
    if (!zoneValue.isUndefined() && !zoneValue.isString())
        return fieldError(QStringLiteral("timezone"), QStringLiteral("must be the name of an IANA time zone (e.g. America/New_York)"));
    auto zone = CronExpression::zone(zoneValue.toString(QStringLiteral("UTC")));
    if (!zone)
        return zone.error();
    const QJsonValue countValue = request.value(QStringLiteral("count"));
    if (!countValue.isUndefined() && (!countValue.isDouble() || countValue.toDouble() != double(countValue.toInt()) || countValue.toInt() < 1 || countValue.toInt() > 100))
        return fieldError(QStringLiteral("count"), QStringLiteral("must be a whole number from 1 to 100"));
    QDateTime from = m_clock.now();
    const QJsonValue fromValue = request.value(QStringLiteral("from"));
    if (!fromValue.isUndefined()) {
        from = QDateTime::fromString(fromValue.toString(), Qt::ISODateWithMs);
        if (!fromValue.isString() || !from.isValid() || from.timeSpec() == Qt::LocalTime)
            return fieldError(QStringLiteral("from"), QStringLiteral("must be an ISO 8601 date-time with its offset (e.g. 2026-03-08T00:00:00Z)"));
    }
    QJsonArray runs;
    for (const QDateTime &t : cron->nextRuns(from, *zone, countValue.toInt(10))) {
        const QDateTime local = t.toTimeZone(*zone);
        runs.append(QJsonObject{{QStringLiteral("at"), Database::isoTimestamp(t)},
                                {QStringLiteral("local"), local.toString(Qt::ISODate)},
                                {QStringLiteral("abbreviation"), zone->abbreviation(t)}});
    }
    return QJsonObject{{QStringLiteral("cron_expression"), cron->text()}, {QStringLiteral("timezone"), QString::fromUtf8(zone->id())}, {QStringLiteral("runs"), runs}};
}

core::Result<int> ScheduleService::fireDue(const QDateTime &now)
{
    auto rows = m_db->select(QStringLiteral("SELECT id, cron_expression, timezone, next_run_at, misfire_policy FROM schedules "
                                            "WHERE is_active = %1 AND next_run_at <= %2 ORDER BY next_run_at LIMIT 100")
                                 .arg(m_db->boolLiteral(true), m_db->timestampParam()),
                             {m_db->timestamp(now)});
    if (!rows)
        return rows.error();
    int fired = 0;
    for (const auto &r : *rows) {
        const qint64 id = r.value(0).toLongLong();
        const QDateTime due = Database::toDateTime(r.value(3));
        auto cron = CronExpression::parse(r.value(1).toString());
        auto zone = CronExpression::zone(r.value(2).toString());
        if (!cron || !zone) { // written before a rule changed (or a zone left the tz database): stop it, and say why in its log
            storage::Transaction tx(*m_db);
            if (!tx.isActive())
                return tx.error();
            auto stopped = m_db->execute(QStringLiteral("UPDATE schedules SET is_active = %1, next_run_at = NULL WHERE id = ? AND next_run_at = %2")
                                             .arg(m_db->boolLiteral(false), m_db->timestampParam()),
                                         {id, m_db->timestamp(due)});
            if (!stopped)
                return stopped.error();
            if (stopped->rowsAffected == 1) {
                const QString why = (!cron ? cron.error() : zone.error()).message;
                if (auto logged = m_db->execute(QStringLiteral("INSERT INTO schedule_logs (schedule_id, status, fired_by, due_at, started_at, completed_at, error_message) "
                                                               "VALUES (?, 'failed', 'schedule', %1, %1, %1, ?)").arg(m_db->timestampParam()),
                                                {id, m_db->timestamp(due), m_db->timestamp(now), m_db->timestamp(now), QString(QStringLiteral("Paused: ") + why)});
                    !logged)
                    return logged.error();
            }
            if (auto st = tx.commit(); !st)
                return st.error();
            continue;
        }
        const bool late = due.secsTo(now) > misfireGraceSecs;
        int missed = 0;
        std::optional<QDateTime> next;
        if (late) {
            QDateTime t = due;
            ++missed;
            while (missed < 10000) {
                auto n = cron->next(t, *zone);
                if (!n || *n > now)
                    break;
                t = *n;
                ++missed;
            }
            next = cron->next(now, *zone);
        } else {
            next = cron->next(due, *zone);
        }
        const bool skip = late && r.value(4).toString() == u"skip";
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        // The claim: only the process that moves next_run_at from this due time fires it.
        auto claimed = m_db->execute(QStringLiteral("UPDATE schedules SET next_run_at = %1%2 WHERE id = ? AND is_active = %3 AND next_run_at = %1")
                                         .arg(m_db->timestampParam(), skip ? QString() : QStringLiteral(", last_run_at = ") + m_db->timestampParam(),
                                              m_db->boolLiteral(true)),
                                     skip ? QVariantList{next ? m_db->timestamp(*next) : QVariant(), id, m_db->timestamp(due)}
                                          : QVariantList{next ? m_db->timestamp(*next) : QVariant(), m_db->timestamp(now), id, m_db->timestamp(due)});
        if (!claimed)
            return claimed.error();
        if (claimed->rowsAffected != 1)
            continue; // another process fired it, or it changed meanwhile
        QJsonObject payload{{QStringLiteral("schedule_id"), id}, {QStringLiteral("due_at"), Database::isoTimestamp(due)}};
        if (skip) {
            const QString why = QStringLiteral("Skipped: %1 run%2 from %3 were missed while FlipTech Pro was not running, and this schedule skips missed runs")
                                    .arg(missed)
                                    .arg(missed == 1 ? QString() : QStringLiteral("s"))
                                    .arg(Database::isoTimestamp(due));
            auto logged = m_db->execute(QStringLiteral("INSERT INTO schedule_logs (schedule_id, status, fired_by, due_at, started_at, completed_at, error_message, results) "
                                                       "VALUES (?, 'skipped', 'misfire', %1, %1, %1, ?, %2)")
                                            .arg(m_db->timestampParam(), m_db->jsonParam()),
                                        {id, m_db->timestamp(due), m_db->timestamp(now), m_db->timestamp(now), why,
                                         jsonText(QJsonObject{{QStringLiteral("missed_runs"), missed}})});
            if (!logged)
                return logged.error();
            payload.insert(QStringLiteral("status"), QStringLiteral("skipped"));
            payload.insert(QStringLiteral("missed_runs"), missed);
        } else {
            auto logId = queueRun(id, late ? QStringLiteral("misfire") : QStringLiteral("schedule"), due, now, std::nullopt,
                                  late ? QJsonObject{{QStringLiteral("missed_runs"), missed}} : QJsonObject{});
            if (!logId)
                return logId.error();
            payload.insert(QStringLiteral("log_id"), *logId);
            payload.insert(QStringLiteral("status"), QStringLiteral("queued"));
        }
        if (auto st = tx.commit(); !st)
            return st.error();
        ++fired;
        announce(QStringLiteral("schedule_run"), payload);
    }
    return fired;
}

core::Result<std::optional<QDateTime>> ScheduleService::nextDue()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT MIN(next_run_at) FROM schedules WHERE is_active = %1").arg(m_db->boolLiteral(true)));
    if (!row)
        return row.error();
    if (row->value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(Database::toDateTime(row->value(0)));
}

core::Result<leads::Actor> ScheduleService::actorOf(const QVariant &userId)
{
    if (userId.isNull())
        return leads::Actor::system();
    auto row = m_db->selectOne(QStringLiteral("SELECT role, is_active FROM users WHERE id = ?"), {userId});
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return leads::Actor::system();
        return row.error();
    }
    if (!row->value(1).toBool())
        return makeError(ErrorCode::Forbidden, QStringLiteral("The account that owns this schedule is deactivated: an administrator must take the schedule over"));
    leads::Actor actor;
    actor.userId = userId.toLongLong();
    actor.isAdmin = row->value(0).toString() == u"admin";
    return actor;
}

core::Result<QJsonObject> ScheduleService::runOne(const QJsonObject &payload)
{
    const qint64 logId = payload.value(QStringLiteral("log_id")).toInteger();
    auto row = m_db->selectOne(QStringLiteral("SELECT l.status, l.schedule_id, s.task_type, s.task_config, s.created_by, l.requested_by "
                                              "FROM schedule_logs l JOIN schedules s ON s.id = l.schedule_id WHERE l.id = ?"),
                               {logId});
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return QJsonObject{{QStringLiteral("skipped"), QStringLiteral("the schedule was deleted")}};
        return row.error();
    }
    const QString status = row->value(0).toString();
    if (status != u"queued" && status != u"running")
        return QJsonObject{{QStringLiteral("skipped"), QStringLiteral("already %1").arg(status)}};
    const qint64 scheduleId = row->value(1).toLongLong();
    const QJsonObject config = storedJson(row->value(3)).toObject();
    std::optional<TaskType> task;
    {
        QMutexLocker lock(&m_tasksMutex);
        if (auto it = m_tasks.constFind(row->value(2).toString()); it != m_tasks.constEnd())
            task = *it;
    }
    auto record = [&](const core::Result<QJsonObject> &outcome) -> core::Status {
        const QDateTime done = m_clock.now();
        const QJsonObject results = outcome ? *outcome : QJsonObject{};
        const QJsonValue job = results.value(QStringLiteral("job_id"));
        auto set = m_db->execute(QStringLiteral("UPDATE schedule_logs SET status = ?, completed_at = %1, error_message = ?, results = %2, "
                                                "job_id = COALESCE(?, job_id) WHERE id = ?")
                                     .arg(m_db->timestampParam(), m_db->jsonParam()),
                                 {outcome ? QStringLiteral("success") : QStringLiteral("failed"), m_db->timestamp(done),
                                  outcome ? QVariant() : QVariant(outcome.error().userMessage()), outcome ? QVariant(jsonText(results)) : QVariant(),
                                  job.isDouble() ? QVariant(job.toInteger()) : QVariant(), logId});
        if (!set)
            return set.error();
        return {};
    };
    core::Result<QJsonObject> outcome = QJsonObject{};
    const QVariant who = row->value(5).isNull() ? row->value(4) : row->value(5);
    auto actor = actorOf(who);
    if (!task)
        outcome = makeError(ErrorCode::Unavailable, QStringLiteral("This FlipTech Pro cannot run the task '%1'").arg(row->value(2).toString()));
    else if (!actor)
        outcome = actor.error();
    else if (task->validate)
        if (auto st = task->validate(config); !st)
            outcome = st.error();
    if (outcome && task && task->queuesWork) {
        // The work queued and the run recorded together: a crash between them cannot run it twice.
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        outcome = task->run(*actor, config);
        if (outcome) {
            if (auto st = record(outcome); !st)
                return st.error();
            if (auto st = tx.commit(); !st)
                return st.error();
            if (m_events)
                m_events->committed(); // what the task announced, delivered now
        } else {
            tx.rollback();
            if (auto st = record(outcome); !st)
                return st.error();
        }
    } else {
        if (outcome && task) {
            if (auto set = m_db->execute(QStringLiteral("UPDATE schedule_logs SET status = 'running' WHERE id = ? AND status = 'queued'"), {logId}); !set)
                return set.error();
            outcome = task->run(*actor, config);
        }
        if (auto st = record(outcome); !st)
            return st.error();
    }
    QJsonObject event{{QStringLiteral("schedule_id"), scheduleId},
                      {QStringLiteral("log_id"), logId},
                      {QStringLiteral("status"), outcome ? QStringLiteral("success") : QStringLiteral("failed")}};
    if (!outcome)
        event.insert(QStringLiteral("error_message"), outcome.error().userMessage());
    announce(QStringLiteral("schedule_run"), event);
    return outcome ? *outcome : QJsonObject{{QStringLiteral("error"), outcome.error().userMessage()}};
}

void ScheduleService::registerHandlers(storage::WorkerPool &workers)
{
    workers.registerHandler(runType, [this](storage::JobContext &c) {
        auto ran = runOne(c.payload());
        // A task that failed is recorded in the schedule's log (not retried); only a database
        // failure while recording leaves the job to run again.
        return ran ? storage::JobOutcome::done(*ran) : storage::JobOutcome::failed(ran.error().message);
    });
}

void ScheduleService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("workflows"), payload), "announcing a schedule change (clients refresh on their next read)");
}

void ScheduleService::startFiring()
{
    if (m_firing)
        return;
    m_firing = std::make_unique<BackgroundRound>(m_db, [this] {
        if (auto fired = fireDue(m_clock.now()); !fired)
            qCWarning(lcSchedules) << "could not fire the schedules due:" << fired.error().message;
        qint64 delayMs = 60000; // at most a minute: what other processes change shows within it
        if (auto next = nextDue(); next && *next)
            delayMs = std::clamp<qint64>(m_clock.now().msecsTo(**next), 0, 60000);
        return std::chrono::milliseconds(delayMs);
    });
    connect(this, &ScheduleService::changed, m_firing.get(), &BackgroundRound::kick);
    if (m_events)
        connect(m_events, &storage::EventStore::eventAppended, m_firing.get(), [this](const storage::Event &e) {
            if (!e.local && e.type == u"schedule_changed")
                m_firing->kick();
        });
    m_firing->start();
}

void ScheduleService::stopFiring()
{
    m_firing.reset();
}

} // namespace fliptech::automation
