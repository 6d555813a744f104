#pragma once
// LeadJobs: the long lead operations as jobs on the JobQueue — CSV imports and bulk operations
// over large selections — with progress published to the requesting user's notifications
// channel (and so to /ws/notifications and the desktop's progress bars).

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonObject>

#include <functional>

namespace fliptech::storage {
class EventStore;
struct ProgressEvent;
class JobQueue;
class WorkerPool;
} // namespace fliptech::storage

namespace fliptech::leads {

class FileStore;
class LeadExporter;
class LeadImporter;
class LeadIndexing;
class LeadService;
struct BulkRequest;
struct StoredFile;

class LeadJobs final
{
public:
    static inline const QString importType = QStringLiteral("leads.import");
    static inline const QString bulkType = QStringLiteral("leads.bulk");
    static inline const QString indexingType = QStringLiteral("leads.indexing");

    LeadJobs(LeadService &leads, LeadImporter &importer, LeadExporter &exporter, LeadIndexing &indexing, FileStore &files,
             storage::JobQueue &jobs, storage::EventStore *events);
    void registerHandlers(storage::WorkerPool &pool);

    // Checks the options now (a bad mapping is an error at once, not a failed job later).
    core::Result<qint64> enqueueImport(const Actor &actor, qint64 fileId, const QJsonObject &options);
    core::Result<qint64> enqueueBulk(const Actor &actor, const QJsonObject &request);
    // Builds what a bulk load deferred (LeadIndexing), unless such a job is already queued or
    // running; 0 when there is nothing to do. Progress goes to every user's notifications.
    core::Result<qint64> enqueueIndexing();
    // The bulk action "export": the chosen leads written to a file in the FileStore, reported as
    // {matched, exported, file: {id, original_name, ..., download_url}}. Runs here for small
    // selections and in the leads.bulk job for large ones.
    core::Result<QJsonObject> exportLeads(const Actor &actor, const BulkRequest &request,
                                          const std::function<void(qint64 done, qint64 total)> &progress = {},
                                          const std::function<bool()> &cancelled = {});

    static QJsonObject actorToJson(const Actor &actor);
    static Actor actorFromJson(const QJsonObject &json);
    // A job of `type` over up to 10,000 leads ({lead_ids, actor}; one attempt) on `queue`:
    // what the scraper's analyse, verify and enrich jobs share. ValidationFailed naming lead_ids.
    static core::Result<qint64> enqueueForLeads(storage::JobQueue &jobs, const QString &type, const Actor &actor, const QList<qint64> &leadIds,
                                                const QString &queue);

private:
    void notify(const Actor &actor, const QString &type, const QJsonObject &payload);
    // Published by the job pool's reporter with the progress it goes with (never on the
    // handler's own connection, which may be inside a COPY).
    static storage::ProgressEvent progressEvent(const Actor &actor, const QString &type, const QJsonObject &payload);
    LeadService &m_leads;
    LeadImporter &m_importer;
    LeadExporter &m_exporter;
    LeadIndexing &m_indexing;
    FileStore &m_files;
    storage::JobQueue &m_jobs;
    storage::EventStore *m_events;
};

} // namespace fliptech::leads
