#include "fliptech/leads/leadjobs.h"

#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadexporter.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcLeads)

namespace fliptech::leads {

using storage::JobContext;
using storage::JobOutcome;

LeadJobs::LeadJobs(LeadService &leads, LeadImporter &importer, LeadExporter &exporter, LeadIndexing &indexing, FileStore &files,
                   storage::JobQueue &jobs, storage::EventStore *events)
    : m_leads(leads), m_importer(importer), m_exporter(exporter), m_indexing(indexing), m_files(files), m_jobs(jobs), m_events(events)
{
}

core::Result<QJsonObject> LeadJobs::exportLeads(const Actor &actor, const BulkRequest &request,
                                                const std::function<void(qint64, qint64)> &progress, const std::function<bool()> &cancelled)
{
    auto selection = request.filter ? core::Result<LeadFilter>(*request.filter) : LeadFilter::ofIds(request.ids);
    if (!selection)
        return selection.error();
    const LeadFilter &filter = *selection;
    auto counted = m_leads.count(filter);
    if (!counted)
        return counted.error();
    const bool csv = request.format != QLatin1String("json");
    const QString path = m_files.newPath(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return core::makeError(core::ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    const qint64 total = *counted;
    auto written = m_exporter.write(&out, filter, *LeadSort::parse(QStringLiteral("id")), csv ? LeadExporter::Format::Csv : LeadExporter::Format::Json,
                                    request.columns, cancelled, [&](qint64 n) {
                                        if (progress)
                                            progress(qMin(n, total), total);
                                    });
    out.close();
    if (!written) {
        QFile::remove(path); // nothing half-written stays behind
        return written.error();
    }
    const QString name = QStringLiteral("leads-%1.%2").arg(QDate::currentDate().toString(Qt::ISODate), csv ? QStringLiteral("csv") : QStringLiteral("json"));
    auto file = m_files.adopt(actor, path, name, csv ? QStringLiteral("text/csv") : QStringLiteral("application/json"));
    if (!file) {
        QFile::remove(path);
        return file.error();
    }
    QJsonObject f = file->toJson();
    f.insert(QStringLiteral("download_url"), QStringLiteral("/api/v1/files/%1/download").arg(file->id));
    return QJsonObject{{QStringLiteral("matched"), total}, {QStringLiteral("exported"), *written}, {QStringLiteral("file"), f}};
}

core::Result<qint64> LeadJobs::enqueueForLeads(storage::JobQueue &jobs, const QString &type, const Actor &actor, const QList<qint64> &leadIds,
                                               const QString &queue)
{
    if (leadIds.isEmpty() || leadIds.size() > 10000)
        return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("lead_ids must list 1 to 10,000 leads"),
                               {{QStringLiteral("lead_ids"), QStringLiteral("must list 1 to 10,000 leads")}});
    QJsonArray ids;
    for (qint64 id : leadIds)
        ids.append(id);
    storage::JobSpec spec(type, {{QStringLiteral("lead_ids"), ids}, {QStringLiteral("actor"), actorToJson(actor)}});
    spec.queue = queue;
    spec.maxAttempts = 1;
    spec.createdBy = actor.userId;
    return jobs.enqueue(spec);
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

storage::ProgressEvent LeadJobs::progressEvent(const Actor &actor, const QString &type, const QJsonObject &payload)
{
    return {type, QStringLiteral("notifications"), payload, actor.userId};
}

void LeadJobs::notify(const Actor &actor, const QString &type, const QJsonObject &payload)
{
    // The job's row holds its outcome and result; a lost notification only delays who waits on it.
    if (m_events)
        if (auto e = m_events->append(type, QStringLiteral("notifications"), payload, actor.userId); !e)
            qCWarning(lcLeads).noquote() << "cannot publish" << type << e.error().message;
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

core::Result<qint64> LeadJobs::enqueueIndexing()
{
    auto state = m_indexing.state();
    if (!state)
        return state.error();
    if (!state->pending())
        return 0;
    auto active = m_jobs.hasActive(indexingType);
    if (!active)
        return active.error();
    if (*active)
        return 0;
    storage::JobSpec spec(indexingType);
    spec.priority = 10;    // ahead of routine work: lists and search wait for it
    spec.maxAttempts = 20; // every attempt goes on where the last stopped
    return m_jobs.enqueue(spec);
}

void LeadJobs::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(indexingType, [this](JobContext &ctx) -> JobOutcome {
        const qint64 jobId = ctx.job().id;
        int lastPercent = -1;
        auto done = m_indexing.run(
            [&](qint64 d, qint64 total) {
                const int percent = total > 0 ? int(d * 100 / total) : 100;
                if (percent == lastPercent)
                    return;
                lastPercent = percent;
                ctx.setProgress(percent, {}, progressEvent(Actor::system(), QStringLiteral("indexing_progress"),
                                                           {{QStringLiteral("job_id"), jobId}, {QStringLiteral("progress"), percent}}));
            },
            [&] { return ctx.isCancelled(); });
        if (!done) {
            if (done.error().code == core::ErrorCode::Cancelled)
                return JobOutcome::cancelled();
            return JobOutcome::failed(done.error().userMessage());
        }
        notify(Actor::system(), QStringLiteral("indexing_done"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("state"), done->toJson()}});
        m_leads.touch();
        return JobOutcome::done(done->toJson());
    });
    pool.registerHandler(importType, [this](JobContext &ctx) -> JobOutcome {
        const Actor actor = actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const qint64 jobId = ctx.job().id;
        auto options = ImportOptions::fromJson(ctx.payload().value(QStringLiteral("options")).toObject());
        if (!options)
            return JobOutcome::failedPermanently(options.error().userMessage());
        auto file = m_files.get(ctx.payload().value(QStringLiteral("file_id")).toInteger());
        if (!file)
            return JobOutcome::failedPermanently(file.error().userMessage());
        auto report = m_importer.run(
            actor, file->path, *options,
            [&](qint64 done, qint64 total) {
                // Every call: the pool coalesces what it cannot write yet (inside the import's
                // transaction) and writes the latest when the connection is free again.
                const int percent = total > 0 ? int(done * 100 / total) : 0;
                ctx.setProgress(percent, {}, progressEvent(actor, QStringLiteral("import_progress"),
                                                           {{QStringLiteral("job_id"), jobId}, {QStringLiteral("progress"), percent}}));
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
        auto bulkProgress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            ctx.setProgress(percent, {}, progressEvent(actor, QStringLiteral("bulk_progress"),
                                                       {{QStringLiteral("job_id"), jobId}, {QStringLiteral("progress"), percent},
                                                        {QStringLiteral("done"), done}, {QStringLiteral("total"), total}}));
        };
        if (request->action == BulkRequest::Action::Export) {
            auto exported = exportLeads(actor, *request, bulkProgress, [&] { return ctx.isCancelled(); });
            if (!exported) {
                if (exported.error().code == core::ErrorCode::Cancelled)
                    return JobOutcome::cancelled();
                return JobOutcome::failedPermanently(exported.error().userMessage());
            }
            notify(actor, QStringLiteral("bulk_done"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("report"), *exported}});
            return JobOutcome::done(*exported);
        }
        auto report = m_leads.bulk(
            actor, *request,
            bulkProgress, [&] { return ctx.isCancelled(); });
        if (!report)
            return JobOutcome::failedPermanently(report.error().userMessage());
        notify(actor, QStringLiteral("bulk_done"), {{QStringLiteral("job_id"), jobId}, {QStringLiteral("report"), report->toJson()}});
        return report->cancelled ? JobOutcome::cancelled() : JobOutcome::done(report->toJson());
    });
}

} // namespace fliptech::leads
