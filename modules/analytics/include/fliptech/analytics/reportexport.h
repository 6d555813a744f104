#pragma once
// ReportExport (issue 13, spec 2.10 "POST /exports/analytics"): the analytics of a period and its
// filters written as a file the user downloads — CSV (one table per section, ready for a
// spreadsheet, formulas neutralised), JSON (every figure as the API gives it) or a PDF report
// with its charts drawn by QPdfWriter (KPI cards, revenue over time, revenue by source, the
// funnel, costs by type, templates and locations). Run as a job on the "analytics" queue; the
// file lands in the FileStore (GET /files/{id}/download), owned by who asked.

#include "fliptech/analytics/revenueservice.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonObject>

#include <functional>

namespace fliptech::storage {
class JobQueue;
class WorkerPool;
} // namespace fliptech::storage
namespace fliptech::leads {
class FileStore;
}

namespace fliptech::analytics {

class ReportExport final
{
public:
    static inline const QString jobType = QStringLiteral("analytics.export");

    ReportExport(RevenueService &revenue, leads::FileStore &files, storage::JobQueue *jobs, const core::Clock &clock);

    // {format: csv|json|pdf, from?, to?, tz?, source?, campaign_id?, location_group_id?, user_id?,
    //  bucket?: day|week|month}: checked now (the field named), then queued → {job_id, format}.
    core::Result<QJsonObject> enqueue(const leads::Actor &actor, const QJsonObject &request);
    // The checks enqueue() makes, queueing nothing (a scheduled export checked when saved).
    core::Status check(const QJsonObject &request) const;
    // Computes and writes the report → {file: {id, original_name, content_type, size, download_url},
    // format, period}. `progress` (0-100) is told as it goes.
    core::Result<QJsonObject> run(const leads::Actor &actor, const QJsonObject &request, const std::function<void(int)> &progress = {});
    // The report of `request` (as enqueue's, with its format) written to `path` (the desktop's
    // Export menu; the job writes into the file store): the period and filters it covered.
    core::Result<Query> write(const QJsonObject &request, const QString &path);
    void registerHandlers(storage::WorkerPool &pool);

    // The figures a report holds (the API's objects), for the writers and the tests.
    struct Figures {
        Query query;
        QString bucket;
        QJsonObject dashboard, trends, sources, costs, funnel, templates, locations;
    };
    core::Result<Figures> figures(const QJsonObject &request);
    static QByteArray toCsv(const Figures &f);
    static QByteArray toJson(const Figures &f);
    // The PDF (needs a QGuiApplication: fonts); Unavailable when there is none.
    static core::Result<QByteArray> toPdf(const Figures &f, const QDateTime &generatedAt);

private:
    // The period and filters of a request (format and bucket aside), each mistake named.
    core::Result<Query> queryOf(const QJsonObject &request) const;

    RevenueService &m_revenue;
    leads::FileStore &m_files;
    storage::JobQueue *m_jobs;
    const core::Clock &m_clock;
};

} // namespace fliptech::analytics
