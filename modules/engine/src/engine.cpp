#include "fliptech/engine/engine.h"
#include "fliptech/ai/aiservice.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/analytics/reportexport.h"
#include "fliptech/analytics/usageservice.h"
#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/notificationservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/conversations/conversationservice.h"

#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadexporter.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/providerevents.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/campaigns/tracking.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/migrator.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/workerpool.h"

#include "scheduledtasks.h"

#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcEngine, "fliptech.engine")

namespace fliptech::engine {

using core::ErrorCode;
using core::makeError;

Engine::Engine(Options options, const core::Clock &clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(clock), m_http(std::make_unique<net::HttpClient>(m_options.http))
{
}

Engine::~Engine()
{
    stop();
    m_http.reset(); // ends what is in flight (as cancelled) before the services it reports to
    m_rules.reset();
    m_schedules.reset();
    m_n8n.reset();
    m_webhooks.reset();
    m_approvals.reset();
    m_notifications.reset();
    m_reports.reset();
    m_revenue.reset();
    m_conversations.reset();
    m_ai.reset();
    m_providerEvents.reset();
    m_campaigns.reset();
    m_tracking.reset();
    m_senders.reset();
    m_templates.reset();
    m_enrichment.reset();
    m_scrapes.reset();
    m_leadJobs.reset();
    m_usage.reset();
    m_indexing.reset();
    m_exporter.reset();
    m_importer.reset();
    m_files.reset();
    m_search.reset();
    m_segments.reset();
    m_locations.reset();
    m_activity.reset();
    m_notes.reset();
    m_tags.reset();
    m_leads.reset();
    m_auth.reset();
    m_workers.reset();
    m_jobs.reset();
    m_events.reset();
}

core::Status Engine::connect()
{
    auto db = storage::Database::open(m_options.database);
    if (!db)
        return db.error();
    m_db = *db;
    storage::Migrator migrator(*m_db);
    auto version = migrator.currentVersion();
    if (!version)
        return version.error();
    if (*version > migrator.latestVersion())
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("the database %1 has schema version %2, newer than this FlipTech Pro "
                                        "understands (%3): upgrade FlipTech Pro, or point it at another database")
                             .arg(m_db->url().redacted())
                             .arg(*version)
                             .arg(migrator.latestVersion()));
    m_events = std::make_unique<storage::EventStore>(m_db, m_clock);
    m_jobs = std::make_unique<storage::JobQueue>(m_db, m_clock, m_events.get());
    storage::WorkerPool::Options wo;
    wo.workers = m_options.workers;
    wo.lease = m_options.jobLease;
    wo.queues = {QStringLiteral("high"), QStringLiteral("normal"), QStringLiteral("low"), QStringLiteral("scraper"),
                 QStringLiteral("email"), QStringLiteral("ai"), QStringLiteral("analytics"), QStringLiteral("automation")};
    m_workers = std::make_unique<storage::WorkerPool>(m_db, *m_jobs, m_clock, wo);
    m_secrets = m_options.secrets;
    if (!m_secrets) {
        const QString dir = m_options.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                        : m_options.dataDir;
        m_ownSecrets = storage::openSecretStore(dir);
        m_secrets = m_ownSecrets.get();
    }
    m_auth = std::make_unique<auth::AuthService>(m_db, *m_secrets, m_clock, m_options.auth);
    m_leads = std::make_unique<leads::LeadService>(m_db, m_events.get(), m_clock);
    m_tags = std::make_unique<leads::TagService>(m_db, *m_leads, m_clock);
    m_notes = std::make_unique<leads::NoteService>(m_db, *m_leads, m_clock);
    m_activity = std::make_unique<leads::ActivityFeed>(m_db);
    m_locations = std::make_unique<leads::LocationService>(m_db, *m_leads, m_clock);
    m_segments = std::make_unique<leads::SegmentService>(m_db, m_clock);
    m_search = std::make_unique<leads::SearchService>(m_db);
    m_files = std::make_unique<leads::FileStore>(m_db, filesDir(), m_clock);
    m_importer = std::make_unique<leads::LeadImporter>(m_db, *m_leads, *m_files, m_clock);
    m_exporter = std::make_unique<leads::LeadExporter>(*m_leads);
    m_indexing = std::make_unique<leads::LeadIndexing>(m_db);
    m_leadJobs = std::make_unique<leads::LeadJobs>(*m_leads, *m_importer, *m_exporter, *m_indexing, *m_files, *m_jobs, m_events.get());
    m_leadJobs->registerHandlers(*m_workers);
    m_usage = std::make_unique<analytics::UsageService>(m_db, m_clock);
    m_scrapes = std::make_unique<scraper::ScrapeService>(m_db, *m_jobs, m_events.get(), *m_leads, *m_http, m_clock);
    m_scrapes->setUsageGate(m_usage.get());
    m_scrapes->registerHandlers(*m_workers);
    m_enrichment = std::make_unique<scraper::EnrichmentService>(m_db, m_jobs.get(), m_secrets, *m_leads, *m_http, m_clock);
    m_enrichment->setUsageGate(m_usage.get());
    m_enrichment->registerHandlers(*m_workers);
    m_templates = std::make_unique<campaigns::TemplateService>(m_db, *m_leads, m_clock);
    m_senders = std::make_unique<campaigns::SenderAccountService>(m_db, m_secrets, *m_http, m_clock);
    m_tracking = std::make_unique<campaigns::TrackingService>(m_db, m_secrets, m_clock);
    m_campaigns = std::make_unique<campaigns::CampaignService>(m_db, m_jobs.get(), m_events.get(), *m_templates, *m_senders, *m_tracking, m_clock);
    m_campaigns->setUsageGate(m_usage.get());
    m_campaigns->registerHandlers(*m_workers);
    m_providerEvents = std::make_unique<campaigns::ProviderEvents>(*m_campaigns, m_secrets, m_clock);
    m_ai = std::make_unique<ai::AiService>(m_db, m_secrets, m_events.get(), *m_leads, *m_http, m_clock);
    m_ai->setUsageGate(m_usage.get());
    m_conversations = std::make_unique<conversations::ConversationService>(m_db, m_jobs.get(), m_events.get(), *m_senders, *m_campaigns, *m_ai, *m_leads,
                                                                            *m_files, m_clock);
    m_conversations->registerHandlers(*m_workers);
    m_revenue = std::make_unique<analytics::RevenueService>(m_db, *m_leads, m_clock);
    m_reports = std::make_unique<analytics::ReportExport>(*m_revenue, *m_files, m_jobs.get(), m_clock);
    m_reports->registerHandlers(*m_workers);
    m_webhooks = std::make_unique<automation::WebhookService>(m_db, m_events.get(), m_leads.get(), m_clock);
    m_n8n = std::make_unique<automation::N8nService>(m_db, m_secrets, m_events.get(), *m_webhooks, m_clock);
    m_schedules = std::make_unique<automation::ScheduleService>(m_db, m_jobs.get(), m_events.get(), m_clock);
    registerScheduledTasks(*this, *m_schedules);
    m_schedules->registerHandlers(*m_workers);
    m_rules = std::make_unique<automation::RuleService>(m_db, m_events.get(), *m_leads, *m_notes, m_clock);
    registerRuleActions(*this, *m_rules);
    registerRuleJobs(*this, *m_workers);
    m_approvals = std::make_unique<automation::ApprovalService>(m_db, m_events.get(), m_clock);
    // The auto-approval rules live with the reply suggestions that came first (conversations).
    m_approvals->setAutoDecider([conversations = m_conversations.get()](const QString &kind, const QJsonObject &facts) {
        return conversations->autoApproval().match(kind, facts);
    });
    m_rules->setApprovals(m_approvals.get());
    registerApprovalKinds(*this, *m_workers);
    m_notifications = std::make_unique<automation::NotificationService>(m_db, m_events.get(), m_clock);
    followNotifiableEvents(*this, *m_notifications); // delivered once start() watches the events
    m_importer->setOnDeferredIndexing([jobs = m_leadJobs.get()] {
        if (auto queued = jobs->enqueueIndexing(); !queued)
            qCWarning(lcEngine) << "could not queue the indexing after a bulk load:" << queued.error().message;
    });
    return {};
}

QString Engine::filesDir() const
{
    const QString base = m_options.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : m_options.dataDir;
    return base + QStringLiteral("/files");
}

core::Result<int> Engine::migrate()
{
    if (!m_db)
        return makeError(ErrorCode::Internal, QStringLiteral("connect() first"));
    storage::Migrator migrator(*m_db);
    return migrator.migrate();
}

core::Status Engine::start()
{
    if (!m_db)
        return makeError(ErrorCode::Internal, QStringLiteral("connect() first"));
    if (m_started)
        return {};
    if (auto st = m_auth->init(); !st)
        return st;
    if (auto st = m_events->startWatching(); !st)
        return st;
    // Another process changed leads (a teammate, a headless server, an import): this process's
    // counts and open views refresh as if the change were its own.
    QObject::connect(m_events.get(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (!e.local && e.channel == QLatin1String("leads"))
            m_leads->touch();
    });
    // Upload bodies an earlier run spooled and never finished with.
    if (const int swept = m_files->sweepSpools(); swept > 0)
        qCInfo(lcEngine) << "removed" << swept << "unfinished uploads";
    // Indexes a bulk load left unbuilt (the application was closed or crashed meanwhile).
    if (auto queued = m_leadJobs->enqueueIndexing(); !queued)
        qCWarning(lcEngine) << "could not queue the indexing left by a bulk load:" << queued.error().message;
    if (m_options.workers > 0) {
        m_workers->start();
        // The inbox read every few minutes (and on demand).
        const int minutes = qEnvironmentVariableIsSet("FLIPTECH_INBOX_SYNC_MINUTES") ? qEnvironmentVariableIntValue("FLIPTECH_INBOX_SYNC_MINUTES") : 5;
        if (auto st = m_conversations->scheduleSweep(minutes); !st)
            qCWarning(lcEngine) << "could not schedule the inbox sync:" << st.error().message;
        // Cron schedules fire from every process that runs workers; each run is claimed once.
        m_schedules->startFiring();
        // Rules follow the event stream; the cursor in the database lets one process act at a time.
        m_rules->startConsuming();
        // Webhook deliveries: an outbox in the database, claimed in batches by any process.
        m_webhooks->startDelivering();
        // The team's n8n: its executions read now and then (nothing while it is not set up).
        m_n8n->startPolling();
        // Approvals past their deadline take their default outcome.
        m_approvals->startExpiring();
    }
    m_startedAt = m_clock.now();
    m_started = true;
    return {};
}

void Engine::stop()
{
    if (!m_started)
        return;
    m_http->cancelAll(); // a job waiting on a page returns now, not after its timeout
    m_schedules->stopFiring();
    m_rules->stopConsuming();
    m_webhooks->stopDelivering();
    m_n8n->stopPolling();
    m_approvals->stopExpiring();
    m_workers->stop();
    m_events->stopWatching();
    m_db->closeThreadConnection();
    m_started = false;
}

core::Result<int> Engine::schemaVersion()
{
    if (!m_db)
        return makeError(ErrorCode::Unavailable, QStringLiteral("no database"));
    storage::Migrator migrator(*m_db);
    return migrator.currentVersion();
}

int Engine::binarySchemaVersion() const
{
    if (!m_db)
        return 0;
    return storage::Migrator(*m_db).latestVersion();
}

} // namespace fliptech::engine
