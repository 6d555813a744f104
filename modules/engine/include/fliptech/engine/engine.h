#pragma once
// Engine: the composition root that the desktop and the headless server share. It opens the
// database, checks and applies migrations, builds the services and runs the job workers.
// Opening is split so the caller can fail early (port in use, schema too new) before anything
// is written: connect() reads only, migrate() writes the schema, start() starts the workers.

#include "fliptech/auth/authservice.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/storage/databaseurl.h"
#include "fliptech/storage/workerpool.h"

#include <QDateTime>
#include <QObject>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
class JobQueue;
class WorkerPool;
class SecretStore;
} // namespace fliptech::storage

namespace fliptech::leads {
class LeadService;
class TagService;
class NoteService;
class ActivityFeed;
class LocationService;
class SegmentService;
class SearchService;
class FileStore;
class LeadImporter;
class LeadExporter;
class LeadJobs;
class LeadIndexing;
} // namespace fliptech::leads
namespace fliptech::scraper {
class ScrapeService;
class EnrichmentService;
} // namespace fliptech::scraper
namespace fliptech::campaigns {
class TemplateService;
class SenderAccountService;
class TrackingService;
class CampaignService;
class ProviderEvents;
}

namespace fliptech::ai {
class AiService;
}
namespace fliptech::analytics {
class RevenueService;
class UsageService;
class ReportExport;
}
namespace fliptech::conversations {
class ConversationService;
}
namespace fliptech::automation {
class ScheduleService;
class RuleService;
class WebhookService;
class N8nService;
class ApprovalService;
class NotificationService;
} // namespace fliptech::automation

namespace fliptech::engine {

class Engine final : public QObject
{
    Q_OBJECT
public:
    struct Options {
        storage::DatabaseUrl database;
        int workers = 2;
        std::chrono::milliseconds jobLease{30000};
        QString dataDir;                          // secrets file when no keychain answers
        storage::SecretStore *secrets = nullptr;  // injected (tests); else the keychain or the file
        auth::AuthSettings auth;
        net::HttpClient::Options http;            // every outbound request (scraping, providers)
    };

    explicit Engine(Options options, const core::Clock &clock = core::SystemClock::instance(), QObject *parent = nullptr);
    ~Engine() override;

    // Connects, checks the schema version (refuses a newer one) and builds the services. Writes
    // nothing to the database (the keychain probe of the SecretStore leaves nothing behind).
    core::Status connect();
    // Applies pending migrations; returns how many.
    core::Result<int> migrate();
    // Builds services, starts event delivery and job workers.
    core::Status start();
    // Graceful stop: running jobs finish or are released, connections close.
    void stop();

    bool isStarted() const { return m_started; }
    const Options &options() const { return m_options; }
    const core::Clock &clock() const { return m_clock; }
    QDateTime startedAt() const { return m_startedAt; }
    storage::Database &database() { return *m_db; }
    std::shared_ptr<storage::Database> databasePtr() const { return m_db; }
    storage::JobQueue &jobs() { return *m_jobs; }
    storage::EventStore &events() { return *m_events; }
    storage::WorkerPool &workers() { return *m_workers; }
    storage::SecretStore &secrets() { return *m_secrets; }
    auth::AuthService &auth() { return *m_auth; }
    // The lead workspace (built by connect()).
    leads::LeadService &leads() { return *m_leads; }
    leads::TagService &tags() { return *m_tags; }
    leads::NoteService &notes() { return *m_notes; }
    leads::ActivityFeed &activity() { return *m_activity; }
    leads::LocationService &locations() { return *m_locations; }
    leads::SegmentService &segments() { return *m_segments; }
    leads::SearchService &search() { return *m_search; }
    leads::FileStore &files() { return *m_files; }
    leads::LeadImporter &importer() { return *m_importer; }
    leads::LeadExporter &exporter() { return *m_exporter; }
    leads::LeadJobs &leadJobs() { return *m_leadJobs; }
    leads::LeadIndexing &indexing() { return *m_indexing; }
    // The one outbound HTTP client (its limits and politeness hold for the whole process).
    net::HttpClient &http() { return *m_http; }
    scraper::ScrapeService &scrapes() { return *m_scrapes; }
    scraper::EnrichmentService &enrichment() { return *m_enrichment; }
    campaigns::TemplateService &templates() { return *m_templates; }
    campaigns::SenderAccountService &senders() { return *m_senders; }
    campaigns::TrackingService &tracking() { return *m_tracking; }
    campaigns::CampaignService &campaigns() { return *m_campaigns; }
    campaigns::ProviderEvents &providerEvents() { return *m_providerEvents; }
    // AI provider, prompts, spend, offline writer (issue 12).
    ai::AiService &ai() { return *m_ai; }
    // The inbox: replies read over IMAP and threaded (issue 12).
    conversations::ConversationService &conversations() { return *m_conversations; }
    analytics::RevenueService &revenue() { return *m_revenue; }
    // Use per day and the limits on it; the gate the scraper, enrichment, AI and sender ask.
    analytics::UsageService &usage() { return *m_usage; }
    // Analytics reports (CSV, JSON, PDF) written by a job into the file store.
    analytics::ReportExport &reports() { return *m_reports; }
    // Cron schedules and the tasks they run (issue 15).
    automation::ScheduleService &schedules() { return *m_schedules; }
    // Rules over the event stream (issue 15).
    automation::RuleService &rules() { return *m_rules; }
    // Outbound webhooks (issue 15).
    automation::WebhookService &webhooks() { return *m_webhooks; }
    // The team's n8n: its workflows, started by rules and schedules, and their runs (issue 15).
    automation::N8nService &n8n() { return *m_n8n; }
    // Work waiting for a person's decision (issue 15).
    automation::ApprovalService &approvals() { return *m_approvals; }
    automation::NotificationService &notifications() { return *m_notifications; }
    // Where files (uploads, reports) are kept: <dataDir>/files.
    QString filesDir() const;
    // Current schema version, or the error that says why the database cannot be read.
    core::Result<int> schemaVersion();
    int binarySchemaVersion() const;

private:
    Options m_options;
    const core::Clock &m_clock;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<storage::EventStore> m_events;
    std::unique_ptr<storage::JobQueue> m_jobs;
    std::unique_ptr<storage::WorkerPool> m_workers;
    std::unique_ptr<storage::SecretStore> m_ownSecrets;
    storage::SecretStore *m_secrets = nullptr;
    std::unique_ptr<auth::AuthService> m_auth;
    std::unique_ptr<leads::LeadService> m_leads;
    std::unique_ptr<leads::TagService> m_tags;
    std::unique_ptr<leads::NoteService> m_notes;
    std::unique_ptr<leads::ActivityFeed> m_activity;
    std::unique_ptr<leads::LocationService> m_locations;
    std::unique_ptr<leads::SegmentService> m_segments;
    std::unique_ptr<leads::SearchService> m_search;
    std::unique_ptr<leads::FileStore> m_files;
    std::unique_ptr<leads::LeadImporter> m_importer;
    std::unique_ptr<leads::LeadExporter> m_exporter;
    std::unique_ptr<leads::LeadIndexing> m_indexing;
    std::unique_ptr<leads::LeadJobs> m_leadJobs;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<analytics::UsageService> m_usage; // before its users: they hold a pointer to it
    std::unique_ptr<scraper::ScrapeService> m_scrapes;
    std::unique_ptr<scraper::EnrichmentService> m_enrichment;
    std::unique_ptr<campaigns::TemplateService> m_templates;
    std::unique_ptr<campaigns::SenderAccountService> m_senders;
    std::unique_ptr<campaigns::TrackingService> m_tracking;
    std::unique_ptr<campaigns::CampaignService> m_campaigns;
    std::unique_ptr<campaigns::ProviderEvents> m_providerEvents;
    std::unique_ptr<ai::AiService> m_ai;
    std::unique_ptr<conversations::ConversationService> m_conversations;
    std::unique_ptr<analytics::RevenueService> m_revenue;
    std::unique_ptr<analytics::ReportExport> m_reports;
    std::unique_ptr<automation::ScheduleService> m_schedules;
    std::unique_ptr<automation::RuleService> m_rules;
    std::unique_ptr<automation::WebhookService> m_webhooks;
    std::unique_ptr<automation::N8nService> m_n8n;
    std::unique_ptr<automation::ApprovalService> m_approvals;
    std::unique_ptr<automation::NotificationService> m_notifications;
    QDateTime m_startedAt;
    bool m_started = false;
};

} // namespace fliptech::engine
