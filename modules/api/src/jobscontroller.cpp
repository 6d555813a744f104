// JobsController: /api/v1/jobs/{id} — how a client follows long work it started (imports, bulk
// operations, exports) without a WebSocket: state, progress, result, and a cancel button.
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/jobqueue.h"

#include <memory>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {

class JobsController final
{
public:
    explicit JobsController(storage::JobQueue &jobs) : m_jobs(jobs) {}

    QHttpServerResponse getAction(RequestContext &c)
    {
        auto job = visibleJob(c);
        return job ? jsonResponse(toJson(*job)) : errorResponse(job.error());
    }

    QHttpServerResponse cancelAction(RequestContext &c)
    {
        auto job = visibleJob(c);
        if (!job)
            return errorResponse(job.error());
        auto cancelled = m_jobs.cancel(job->id);
        if (!cancelled)
            return errorResponse(cancelled.error());
        if (!*cancelled)
            return errorResponse(core::ErrorCode::Conflict, QStringLiteral("job %1 has already finished (%2)")
                                                                .arg(job->id).arg(storage::jobStateName(job->state)));
        auto now = m_jobs.get(job->id);
        return now ? jsonResponse(toJson(*now), 202) : errorResponse(now.error());
    }

    static QJsonObject schema()
    {
        return s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("type"), s::string()}, {QStringLiteral("state"), s::string()},
                          {QStringLiteral("progress"), s::integer()}, {QStringLiteral("attempts"), s::integer()},
                          {QStringLiteral("last_error"), s::string()},
                          {QStringLiteral("result"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}},
                         {}, true);
    }

private:
    // Someone else's job is "not found" (its existence is not theirs to learn), unless admin.
    core::Result<storage::Job> visibleJob(const RequestContext &c)
    {
        auto job = m_jobs.get(c.idParam());
        if (!job)
            return job.error();
        if (!c.principal->atLeast(Role::Admin) && job->createdBy != c.principal->userId)
            return core::makeError(core::ErrorCode::NotFound, QStringLiteral("job %1 does not exist").arg(c.idParam()));
        return job;
    }

    static QJsonObject toJson(const storage::Job &job)
    {
        QJsonObject o = job.toJson();
        o.remove(QStringLiteral("payload")); // what the job was given, actor and addresses included
        o.remove(QStringLiteral("queue"));
        o.remove(QStringLiteral("priority"));
        return o;
    }

    storage::JobQueue &m_jobs;
};

} // namespace

void registerJobRoutes(RouteTable &table, engine::Engine &engine)
{
    auto jobs = std::make_shared<JobsController>(engine.jobs());
    const QString tag = QStringLiteral("jobs");
    table.add({M::Get, QStringLiteral("/api/v1/jobs/{id}"), Role::Viewer, tag,
               QStringLiteral("A job you started (import, bulk action, export): state, progress 0-100, result"), {},
               JobsController::schema(), 200, [jobs](RequestContext &c) { return jobs->getAction(c); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/jobs/{id}/cancel"), Role::Viewer, tag,
               QStringLiteral("Cancel a job you started: a queued one at once, a running one stops at its next step"), {},
               JobsController::schema(), 202, [jobs](RequestContext &c) { return jobs->cancelAction(c); }, {}, {}, {}});
}

} // namespace fliptech::api
