#pragma once
// Lead enrichment from providers (issue 10; spec "External APIs"): Hunter.io (domain search:
// the people and generic addresses of a domain; e-mail verifier), Apollo.io (organisation
// enrichment; person match when the lead names a person) and Clearbit (company lookup). Each
// provider speaks its documented JSON over the engine's HttpClient, at a base URL the user can
// change; its key comes from the SecretStore ("enrichment/<provider>", else the environment:
// HUNTER_IO_API_KEY, APOLLO_IO_API_KEY, CLEARBIT_API_KEY) and is never shown or stored in the
// database.
//
// The waterfall: for a lead's domain (its website's, else its e-mail's when not a free mail
// service) the enabled providers are asked in the user's order until the lead has an e-mail
// address and a phone number; each answer fills only the fields the lead lacks (an address,
// a phone, the company, its city, region and country, the person's name and title). What a
// provider answered for a domain is cached (30 days by default): asked again, it costs nothing.
// Every call that reached a provider is recorded in costs (cost_type "enrichment", the lead as
// related entity, the provider's cost per call in integer cents).

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/core/usagegate.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace fliptech::storage {
class Database;
class JobQueue;
class SecretStore;
class WorkerPool;
} // namespace fliptech::storage
namespace fliptech::leads {
class LeadService;
}
namespace fliptech::net {
class HttpClient;
}

namespace fliptech::scraper {

// What a provider's answer says, in one shape for every provider: {people: [{email, first_name,
// last_name, title, confidence (0-100), type: personal|generic}], company: {name, domain, phone,
// industry, employees, description, city, region, country, postal_code, address, linkedin,
// founded_year}} (only what it gave), or nothing found.
struct ProviderAnswer {
    bool ok = false;      // the provider answered (found or not)
    bool found = false;
    bool retryable = false; // a failure worth trying again later (429, 5xx, timeout, queued lookup)
    int status = 0;       // its HTTP status
    QString error;        // why not ok
    QJsonObject result;
};

// Reading each provider's documented answer (exposed for tests and the fuzz target).
ProviderAnswer parseHunterDomainSearch(int status, const QByteArray &body);
ProviderAnswer parseApolloOrganization(int status, const QByteArray &body);
ProviderAnswer parseApolloPerson(int status, const QByteArray &body);
ProviderAnswer parseClearbitCompany(int status, const QByteArray &body);
// Hunter's e-mail verifier as our verdict shape: {email, status: valid|risky|invalid, reason,
// provider: "hunter", score}.
ProviderAnswer parseHunterVerifier(int status, const QByteArray &body);

class EnrichmentService final
{
public:
    static inline const QString enrichType = QStringLiteral("scraper.enrich");
    static const QStringList &providerNames(); // hunter, apollo, clearbit

    EnrichmentService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::SecretStore *secrets, leads::LeadService &leads,
                      net::HttpClient &http, const core::Clock &clock);

    // [{provider, label, position, enabled, base_url, default_base_url, key_set, key_source
    //   (keychain|environment|none), cost_cents_per_call, docs}], in waterfall order.
    core::Result<QJsonArray> providers();
    // {order: ["apollo", "hunter", ...], providers: {hunter: {enabled, base_url (null: the
    // default), cost_cents_per_call, api_key ("" removes it)}}}: checked, then stored (keys in
    // the SecretStore). The providers as providers() shows them.
    core::Result<QJsonArray> configure(const QJsonObject &request);
    // Runs the waterfall for one lead and stores what it found: {lead_id, domain, filled:
    // {field: provider}, steps: [{provider, outcome: found|nothing|cached|skipped|failed,
    // reason, cost_cents}], cost_cents}. ValidationFailed when the lead has no domain to ask about.
    core::Result<QJsonObject> enrichLead(const leads::Actor &actor, qint64 leadId);
    // Up to 10,000 leads as a job (queue "scraper"); its result counts the outcomes.
    core::Result<qint64> enqueue(const leads::Actor &actor, const QList<qint64> &leadIds);
    // Hunter's verifier for one address (cost recorded; cached like the rest).
    core::Result<QJsonObject> verifyWithHunter(const QString &email);
    void registerHandlers(storage::WorkerPool &pool);
    // Cached answers older than this are asked again (default 30 days).
    void setCacheDays(int days) { m_cacheDays = days; }

    // Limits on enrichments per day and month: a request over one is refused; null: none.
    void setUsageGate(core::UsageGate *gate) { m_usage = gate; }

private:
    struct Provider {
        QString name;
        int position = 0;
        bool enabled = true;
        QString baseUrl; // stored; empty: the default (or FLIPTECH_<NAME>_BASE_URL)
        int costCents = 0;
    };
    core::Result<QList<Provider>> load();
    static QString effectiveBaseUrl(const Provider &p);
    // The key, and where it came from ("keychain", "environment"), or empty.
    QPair<QByteArray, QString> keyOf(const QString &provider);
    // One call, from the cache when fresh; `cost` gets what it cost (0 when cached).
    ProviderAnswer ask(const Provider &p, const QByteArray &key, const QString &operation, const QString &lookup, const QJsonObject &lead,
                       qint64 leadId, bool *cached, int *cost);
    core::Status recordCost(const Provider &p, const QString &operation, const QString &lookup, qint64 leadId);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue *m_jobs;
    storage::SecretStore *m_secrets;
    leads::LeadService &m_leads;
    net::HttpClient &m_http;
    const core::Clock &m_clock;
    core::UsageGate *m_usage = nullptr;
    int m_cacheDays = 30;
};

} // namespace fliptech::scraper
