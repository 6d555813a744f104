#include "fliptech/engine/engine.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/migrator.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/workerpool.h"

#include <QStandardPaths>

namespace fliptech::engine {

using core::ErrorCode;
using core::makeError;

Engine::Engine(Options options, const core::Clock &clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(clock)
{
}

Engine::~Engine()
{
    stop();
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
                 QStringLiteral("email"), QStringLiteral("ai"), QStringLiteral("analytics")};
    m_workers = std::make_unique<storage::WorkerPool>(m_db, *m_jobs, m_clock, wo);
    m_secrets = m_options.secrets;
    if (!m_secrets) {
        const QString dir = m_options.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                        : m_options.dataDir;
        m_ownSecrets = storage::openSecretStore(dir);
        m_secrets = m_ownSecrets.get();
    }
    m_auth = std::make_unique<auth::AuthService>(m_db, *m_secrets, m_clock, m_options.auth);
    return {};
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
    if (m_options.workers > 0)
        m_workers->start();
    m_startedAt = m_clock.now();
    m_started = true;
    return {};
}

void Engine::stop()
{
    if (!m_started)
        return;
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
