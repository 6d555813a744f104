#include "fliptech/leads/leadjobs.h"

#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

namespace fliptech::leads {

using storage::JobContext;
using storage::JobOutcome;

LeadJobs::LeadJobs(LeadService &leads, LeadImporter &importer, FileStore &files, storage::JobQueue &jobs, storage::EventStore *events)
    : m_leads(leads), m_importer(importer), m_files(files), m_jobs(jobs), m_events(events)
{
}

QJsonObject LeadJobs::actorToJson(const Actor &a)
{
    return {{QStringLiteral("user_id"), a.userId ? QJsonValue(*a.userId) : QJsonValue()}, {QStringLiteral("is_admin"), a.isAdmin},
            {QStringLiteral("ip"), a.ip}};
}

Actor LeadJobs::actorFromJson(const QJsonObject &j)
{
    Actor a;
    if (j.value(QStringLiteral("user_id")).isDouble())
        a.userId = j.value(QStringLiteral("user_id")).toInteger();
    a.isAdmin = j.value(QStringLiteral("is_admin")).toBool();
    a.ip = j.value(QStringLiteral("ip")).toString();
    return a;
}

void LeadJobs::notify(const Actor &actor, const QString &type, const QJsonObject &payload)
{
    if (m_events)
        (void)m_events->append(type, QStringLiteral("notifications"), payload, actor.userId);
}

core::Result<qint64> LeadJobs::enqueueImport(const Actor &actor, qint64 fileId, const QJsonObject &options)
{
    if (auto o = ImportOptions::fromJson(options); !o)
        return o.error();
    auto file = m_files.get(fileId);
    if (!file)
        return file.error();
    storage::JobSpec spec(importType, {{QStringLiteral("file_id"), fileId}, {QStringLiteral("options"), options},
                                       {QStringLiteral("actor"), actorToJson(actor)}});
    spec.maxAttempts = 1; // an import either commits whole or leaves nothing: the user decides to retry
    spec.createdBy = actor.userId;
    return m_jobs.enqueue(spec);
}

core::Result<qint64> LeadJobs::enqueueBulk(const Actor &actor, const QJsonObject &request)
{
    auto r = BulkRequest::fromJson(request);
    if (!r)
        return r.error();
    if (r->action == BulkRequest::Action::Purge && !actor.isAdmin)
        return core::makeError(core::ErrorCode::Forbidden, QStringLiteral("only an admin can purge leads"));
    storage::JobSpec spec(bulkType, {{QStringLiteral("request"), request}, {QStringLiteral("actor"), actorToJson(actor)}});
    spec.maxAttempts = 1;
    spec.createdBy = actor.userId;
    return m_jobs.enqueue(spec);
}

void LeadJobs::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(importType, [this](JobContext &ctx) -> JobOutcome {
        const Actor actor = actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const qint64 jobId = ctx.job().id;
        auto options = ImportOptions::fromJson(ctx.payload().value(QStringLiteral("options")).toObject());
        if (!options)
            return JobOutcome::failedPermanently(options.error().userMessage());
        auto file = m_files.get(ctx.payload().value(QStringLiteral("file_id")).toInteger());
        if (!file)
            return JobOutcome::failedPermanently(file.error().userMessage());
        int lastPercent = -1;
        auto report = m_importer.run(
            actor, file->path, *options,
            [&](qint64 done, qint64 total) {
                const int percent = total > 0 ? int(done * 100 / total) : 0;
                if (percent == lastPercent)
                    return;
                lastPercent = percent;
                ctx.setProgress(percent);
                notify(actor, QStringLiteral("import_progress"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("progress"), percent}});
            },
            [&] { return ctx.isCancelled(); }, file->originalName);
        if (!report) {
            notify(actor, QStringLiteral("import_failed"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("error"), report.error().userMessage()}});
            if (report.error().code == core::ErrorCode::Cancelled)
                return JobOutcome::cancelled();
            return JobOutcome::failedPermanently(report.error().userMessage());
        }
        QJsonObject result = report->toJson();
        notify(actor, QStringLiteral("import_done"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("report"), result}});
        return JobOutcome::done(result);
    });
    pool.registerHandler(bulkType, [this](JobContext &ctx) -> JobOutcome {
        const Actor actor = actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const qint64 jobId = ctx.job().id;
        auto request = BulkRequest::fromJson(ctx.payload().value(QStringLiteral("request")).toObject());
        if (!request)
            return JobOutcome::failedPermanently(request.error().userMessage());
        auto report = m_leads.bulk(
            actor, *request,
            [&](qint64 done, qint64 total) {
                const int percent = total > 0 ? int(done * 100 / total) : 100;
                ctx.setProgress(percent);
                notify(actor, QStringLiteral("bulk_progress"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("progress"), percent},
                                                                 {QStringLiteral("done"), done}, {QStringLiteral("total"), total}});
            },
            [&] { return ctx.isCancelled(); });
        if (!report)
            return JobOutcome::failedPermanently(report.error().userMessage());
        notify(actor, QStringLiteral("bulk_done"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("report"), report->toJson()}});
        return report->cancelled ? JobOutcome::cancelled() : JobOutcome::done(report->toJson());
    });
}

} // namespace fliptech::leads
