#include "fliptech/storage/jobqueue.h"

#include "fliptech/core/json.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/logging.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcJobs, "fliptech.jobs")

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

namespace {

const char *const kStateNames[] = {"queued", "running", "done", "dead", "cancelled"};

QJsonObject parseJson(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

const QString kJobColumns = QStringLiteral(
    "id, queue, type, payload, priority, state, attempts, max_attempts, run_at, locked_by, locked_until, "
    "cancel_requested, progress, last_error, result, created_by");

Job jobFromRow(const Row &r)
{
    Job j;
    j.id = r.value(0).toLongLong();
    j.queue = r.value(1).toString();
    j.type = r.value(2).toString();
    j.payload = parseJson(r.value(3));
    j.priority = r.value(4).toInt();
    j.state = jobStateFromName(r.value(5).toString()).value_or(JobState::Queued);
    j.attempts = r.value(6).toInt();
    j.maxAttempts = r.value(7).toInt();
    j.runAt = Database::toDateTime(r.value(8));
    j.lockedBy = r.value(9).toString();
    j.lockedUntil = Database::toDateTime(r.value(10));
    j.cancelRequested = r.value(11).toBool();
    j.progress = r.value(12).isNull() ? -1 : r.value(12).toInt();
    j.lastError = r.value(13).toString();
    j.result = parseJson(r.value(14));
    if (!r.value(15).isNull())
        j.createdBy = r.value(15).toLongLong();
    return j;
}

} // namespace

QString jobStateName(JobState state)
{
    return QString::fromLatin1(kStateNames[int(state)]);
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (int i = 0; i < 5; ++i)
        if (name == QLatin1String(kStateNames[i]))
            return JobState(i);
    return std::nullopt;
}

QJsonObject Job::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("queue"), queue},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("payload"), payload},
                  {QStringLiteral("priority"), priority},
                  {QStringLiteral("state"), jobStateName(state)},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("max_attempts"), maxAttempts},
                  {QStringLiteral("run_at"), Database::isoTimestamp(runAt)}};
    if (progress >= 0)
        o.insert(QStringLiteral("progress"), progress);
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), lastError);
    if (!result.isEmpty())
        o.insert(QStringLiteral("result"), result);
    return o;
}

std::chrono::milliseconds BackoffPolicy::delayAfter(int attempts, double random01) const
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const double full = std::min(double(cap.count()), double(base.count()) * std::ldexp(1.0, exponent));
    const double jittered = full / 2 + (full / 2) * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(jittered));
}

JobQueue::JobQueue(std::shared_ptr<Database> db, const core::Clock &clock, EventStore *events,
                   std::function<double()> random01)
    : m_db(std::move(db)), m_clock(clock), m_events(events), m_random(std::move(random01))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

core::Result<qint64> JobQueue::enqueue(const JobSpec &spec)
{
    auto ids = enqueueBatch({spec});
    if (!ids)
        return ids.error();
    return ids->first();
}

core::Result<QList<qint64>> JobQueue::insertChunk(const QList<JobSpec> &specs, qsizetype from, qsizetype count)
{
    const QDateTime now = m_clock.now();
    const QString row = QStringLiteral("(?,?,%1,?,?,?,?,?,?)").arg(m_db->jsonParam());
    QString sql = QStringLiteral("INSERT INTO jobs (queue, type, payload, priority, max_attempts, run_at, "
                                 "created_by, created_at, updated_at) VALUES ");
    QVariantList params;
    params.reserve(count * 9);
    for (qsizetype i = from; i < from + count; ++i) {
        const JobSpec &s = specs[i];
        if (i > from)
            sql += u',';
        sql += row;
        params << s.queue << s.type << QString::fromUtf8(core::json::compact(s.payload)) << s.priority
               << std::max(1, s.maxAttempts) << m_db->timestamp(s.runAt.isValid() ? s.runAt : now)
               << (s.createdBy ? QVariant(*s.createdBy) : QVariant()) << m_db->timestamp(now) << m_db->timestamp(now);
    }
    sql += QStringLiteral(" RETURNING id");
    auto rows = m_db->select(sql, params);
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    ids.reserve(rows->size());
    for (const Row &r : *rows)
        ids << r.value(0).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

core::Result<QList<qint64>> JobQueue::enqueueBatch(const QList<JobSpec> &specs)
{
    for (const JobSpec &s : specs)
        if (s.type.isEmpty() || s.queue.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("a job needs a type and a queue"));
    QList<qint64> all;
    all.reserve(specs.size());
    constexpr qsizetype kChunk = 500; // well under SQLite's 32766 bound parameters
    for (qsizetype from = 0; from < specs.size(); from += kChunk) {
        auto ids = insertChunk(specs, from, std::min(kChunk, specs.size() - from));
        if (!ids)
            return ids.error();
        all += *ids;
    }
    // A bulk producer changes the table's shape: without fresh statistics PostgreSQL's planner
    // guesses a handful of queued rows and sorts all of them for every claim instead of walking
    // the index. Autovacuum would catch up only a minute later.
    if (m_db->isPostgres() && specs.size() >= 1000)
        core::logDiscarded(m_db->executeRaw(QStringLiteral("ANALYZE jobs")), "planner statistics; autovacuum analyzes later");
    if (!all.isEmpty())
        Q_EMIT jobsAvailable();
    return all;
}

core::Result<QList<Job>> JobQueue::claim(const QStringList &queues, const QString &workerId, int max,
                                         std::chrono::milliseconds lease)
{
    if (queues.isEmpty() || max <= 0)
        return QList<Job>();
    const QDateTime now = m_clock.now();
    const QString lock = m_db->isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
    const QString sql = QStringLiteral(
        "UPDATE jobs SET state = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1, "
        "started_at = ?, updated_at = ? "
        "WHERE id IN (SELECT id FROM jobs%4 WHERE state = 'queued' AND queue IN (%1) AND run_at <= ? "
        "ORDER BY priority DESC, run_at, id LIMIT ?%2) "
        "RETURNING %3").arg(Database::placeholders(queues.size()), lock, kJobColumns,
                            // SQLite's planner otherwise picks jobs_state_idx and sorts every queued job.
                            m_db->isPostgres() ? QString() : QStringLiteral(" INDEXED BY jobs_claim_idx"));
    QVariantList params{workerId, m_db->timestamp(now.addMSecs(lease.count())), m_db->timestamp(now),
                        m_db->timestamp(now)};
    for (const QString &q : queues)
        params << q;
    params << m_db->timestamp(now) << max;
    auto rows = m_db->select(sql, params);
    if (!rows)
        return rows.error();
    QList<Job> jobs;
    jobs.reserve(rows->size());
    for (const Row &r : *rows)
        jobs << jobFromRow(r);
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        if (a.runAt != b.runAt)
            return a.runAt < b.runAt;
        return a.id < b.id;
    });
    return jobs;
}

core::Result<QList<qint64>> JobQueue::heartbeat(const QStringList &workerIds, std::chrono::milliseconds lease)
{
    if (workerIds.isEmpty())
        return QList<qint64>();
    const QDateTime now = m_clock.now();
    QVariantList params{m_db->timestamp(now.addMSecs(lease.count())), m_db->timestamp(now)};
    for (const QString &w : workerIds)
        params << w;
    auto rows = m_db->select(QStringLiteral("UPDATE jobs SET locked_until = ?, updated_at = ? "
                                            "WHERE state = 'running' AND locked_by IN (%1) "
                                            "RETURNING id, cancel_requested")
                                 .arg(Database::placeholders(workerIds.size())),
                             params);
    if (!rows)
        return rows.error();
    QList<qint64> cancelled;
    for (const Row &r : *rows)
        if (r.value(1).toBool())
            cancelled << r.value(0).toLongLong();
    return cancelled;
}

core::Result<bool> JobQueue::complete(qint64 id, const QString &workerId, const QJsonObject &result)
{
    const QDateTime now = m_clock.now();
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'done', result = %1, progress = 100, "
                                          "locked_by = NULL, locked_until = NULL, updated_at = ?, finished_at = ? "
                                          "WHERE id = ? AND state = 'running' AND locked_by = ?")
                               .arg(m_db->jsonParam()),
                           {result.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(core::json::compact(result))),
                            m_db->timestamp(now), m_db->timestamp(now), id, workerId});
    if (!r)
        return r.error();
    return r->rowsAffected == 1;
}

core::Result<int> JobQueue::completeBatch(const QList<qint64> &ids, const QString &workerId)
{
    if (ids.isEmpty())
        return 0;
    const QDateTime now = m_clock.now();
    QVariantList params{m_db->timestamp(now), m_db->timestamp(now), workerId};
    for (qint64 id : ids)
        params << id;
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'done', progress = 100, locked_by = NULL, "
                                          "locked_until = NULL, updated_at = ?, finished_at = ? "
                                          "WHERE state = 'running' AND locked_by = ? AND id IN (%1)")
                               .arg(Database::placeholders(ids.size())),
                           params);
    if (!r)
        return r.error();
    return int(r->rowsAffected);
}

core::Result<JobState> JobQueue::fail(qint64 id, const QString &workerId, const QString &error, bool permanent)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT attempts, max_attempts, type FROM jobs "
                                              "WHERE id = ? AND state = 'running' AND locked_by = ?"),
                               {id, workerId});
    if (!row)
        return row.error().code == ErrorCode::NotFound
            ? makeError(ErrorCode::Conflict, QStringLiteral("job %1 is no longer held by %2").arg(id).arg(workerId))
            : row.error();
    const int attempts = row->value(0).toInt();
    const int maxAttempts = row->value(1).toInt();
    const QDateTime now = m_clock.now();
    const bool dead = permanent || attempts >= maxAttempts;
    const QDateTime runAt = dead ? now : now.addMSecs(m_backoff.delayAfter(attempts, m_random()).count());
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = ?, run_at = ?, last_error = ?, locked_by = NULL, "
                                          "locked_until = NULL, updated_at = ?, finished_at = ? "
                                          "WHERE id = ? AND state = 'running' AND locked_by = ?"),
                           {dead ? QStringLiteral("dead") : QStringLiteral("queued"), m_db->timestamp(runAt),
                            error.left(4000), m_db->timestamp(now), dead ? m_db->timestamp(now) : QVariant(), id,
                            workerId});
    if (!r)
        return r.error();
    if (dead) {
        qCWarning(lcJobs).noquote() << "job" << id << row->value(2).toString() << "is dead after" << attempts
                                    << "attempts:" << error;
        if (m_events)
            core::logDiscarded(m_events->append(QStringLiteral("job_dead"), QStringLiteral("jobs"),
                                                {{QStringLiteral("job_id"), id},
                                                 {QStringLiteral("type"), row->value(2).toString()},
                                                 {QStringLiteral("error"), error.left(500)}}),
                               "the job_dead event; the job's row says it is dead, the event only tells watchers sooner");
    }
    return dead ? JobState::Dead : JobState::Queued;
}

core::Result<int> JobQueue::release(const QList<qint64> &ids, const QString &workerId)
{
    if (ids.isEmpty())
        return 0;
    QVariantList params{m_db->timestamp(m_clock.now()), workerId};
    for (qint64 id : ids)
        params << id;
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'queued', attempts = attempts - 1, locked_by = NULL, "
                                          "locked_until = NULL, updated_at = ? "
                                          "WHERE state = 'running' AND locked_by = ? AND id IN (%1)")
                               .arg(Database::placeholders(ids.size())),
                           params);
    if (!r)
        return r.error();
    if (r->rowsAffected > 0)
        Q_EMIT jobsAvailable();
    return int(r->rowsAffected);
}

core::Result<bool> JobQueue::markCancelled(qint64 id, const QString &workerId)
{
    const QDateTime now = m_clock.now();
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'cancelled', locked_by = NULL, locked_until = NULL, "
                                          "updated_at = ?, finished_at = ? WHERE id = ? AND state = 'running' AND locked_by = ?"),
                           {m_db->timestamp(now), m_db->timestamp(now), id, workerId});
    if (!r)
        return r.error();
    return r->rowsAffected == 1;
}

core::Status JobQueue::setProgress(qint64 id, int percent, const QString &message, const std::optional<ProgressEvent> &event,
                                  std::optional<qint64> userId)
{
    percent = std::clamp(percent, 0, 100);
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND state = 'running'"),
                           {percent, m_db->timestamp(m_clock.now()), id});
    if (!r)
        return r.error();
    if (r->rowsAffected == 0 || !m_events)
        return {};
    QJsonObject payload{{QStringLiteral("job_id"), id}, {QStringLiteral("progress"), percent}};
    if (!message.isEmpty())
        payload.insert(QStringLiteral("message"), message);
    if (auto e = m_events->append(QStringLiteral("job_progress"), QStringLiteral("jobs"), payload, userId); !e)
        return e.error();
    if (event) {
        if (auto e = m_events->append(event->type, event->channel, event->payload, event->userId); !e)
            return e.error();
    }
    return {};
}

core::Result<bool> JobQueue::cancel(qint64 id)
{
    const QDateTime now = m_clock.now();
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'cancelled', updated_at = ?, finished_at = ? "
                                          "WHERE id = ? AND state = 'queued'"),
                           {m_db->timestamp(now), m_db->timestamp(now), id});
    if (!r)
        return r.error();
    if (r->rowsAffected == 1)
        return true;
    auto running = m_db->execute(QStringLiteral("UPDATE jobs SET cancel_requested = %1, updated_at = ? "
                                                "WHERE id = ? AND state = 'running'")
                                     .arg(m_db->boolLiteral(true)),
                                 {m_db->timestamp(now), id});
    if (!running)
        return running.error();
    if (running->rowsAffected == 1)
        Q_EMIT cancelRequested();
    return running->rowsAffected == 1;
}

core::Result<bool> JobQueue::retry(qint64 id)
{
    const QDateTime now = m_clock.now();
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET state = 'queued', attempts = 0, run_at = ?, last_error = NULL, "
                                          "cancel_requested = %1, updated_at = ?, finished_at = NULL "
                                          "WHERE id = ? AND state IN ('dead', 'cancelled')")
                               .arg(m_db->boolLiteral(false)),
                           {m_db->timestamp(now), m_db->timestamp(now), id});
    if (!r)
        return r.error();
    if (r->rowsAffected == 1)
        Q_EMIT jobsAvailable();
    return r->rowsAffected == 1;
}

core::Result<bool> JobQueue::runSooner(qint64 id, const QDateTime &at)
{
    auto r = m_db->execute(QStringLiteral("UPDATE jobs SET run_at = ?, updated_at = ? WHERE id = ? AND state = 'queued' AND run_at > ?"),
                           {m_db->timestamp(at), m_db->timestamp(m_clock.now()), id, m_db->timestamp(at)});
    if (!r)
        return r.error();
    if (r->rowsAffected == 1)
        Q_EMIT jobsAvailable();
    return r->rowsAffected == 1;
}

core::Result<int> JobQueue::reapExpired()
{
    const QDateTime now = m_clock.now();
    auto r = m_db->execute(QStringLiteral(
                               "UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END, "
                               "finished_at = CASE WHEN attempts >= max_attempts THEN %1 ELSE NULL END, "
                               "last_error = 'lease expired: the worker stopped responding', "
                               "locked_by = NULL, locked_until = NULL, run_at = ?, updated_at = ? "
                               "WHERE state = 'running' AND locked_until < ?").arg(m_db->timestampParam()),
                           {m_db->timestamp(now), m_db->timestamp(now), m_db->timestamp(now), m_db->timestamp(now)});
    if (!r)
        return r.error();
    if (r->rowsAffected > 0) {
        qCInfo(lcJobs) << "re-queued" << r->rowsAffected << "jobs whose worker stopped responding";
        Q_EMIT jobsAvailable();
    }
    return int(r->rowsAffected);
}

core::Result<Job> JobQueue::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kJobColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound
            ? makeError(ErrorCode::NotFound, QStringLiteral("job %1 does not exist").arg(id))
            : row.error();
    return jobFromRow(*row);
}

core::Result<QMap<QString, qint64>> JobQueue::countsByState()
{
    auto rows = m_db->select(QStringLiteral("SELECT state, count(*) FROM jobs GROUP BY state"));
    if (!rows)
        return rows.error();
    QMap<QString, qint64> counts;
    for (int i = 0; i < 5; ++i)
        counts.insert(jobStateName(JobState(i)), 0);
    for (const Row &r : *rows)
        counts.insert(r.value(0).toString(), r.value(1).toLongLong());
    return counts;
}

core::Result<qint64> JobQueue::countDue()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT count(*) FROM jobs WHERE state = 'queued' AND run_at <= %1").arg(m_db->timestampParam()),
                               {m_db->timestamp(m_clock.now())});
    if (!row)
        return row.error();
    return row->value(0).toLongLong();
}

core::Result<bool> JobQueue::hasActive(const QString &type)
{
    auto rows = m_db->select(QStringLiteral("SELECT 1 FROM jobs WHERE type = ? AND state IN ('queued', 'running') LIMIT 1"), {type});
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

} // namespace fliptech::storage
