#include "fliptech/scraper/enrichment.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/scraper/emailverifier.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace fliptech::scraper {

using core::ErrorCode;
using leads::Actor;

namespace {

struct ProviderInfo {
    const char *name;
    const char *label;
    const char *baseUrl;
    const char *envKey;
    const char *docs;
};

constexpr ProviderInfo kProviders[] = {
    {"hunter", "Hunter.io", "https://api.hunter.io", "HUNTER_IO_API_KEY", "https://hunter.io/api-documentation/v2"},
    {"apollo", "Apollo.io", "https://api.apollo.io", "APOLLO_IO_API_KEY", "https://docs.apollo.io/reference"},
    {"clearbit", "Clearbit", "https://company.clearbit.com", "CLEARBIT_API_KEY", "https://dashboard.clearbit.com/docs#enrichment-api-company-api"},
};

const ProviderInfo *infoOf(const QString &name)
{
    for (const ProviderInfo &p : kProviders)
        if (name == QLatin1String(p.name))
            return &p;
    return nullptr;
}

// The answer's JSON object, or why it is not one.
ProviderAnswer failed(int status, const QString &why, bool retryable)
{
    ProviderAnswer a;
    a.status = status;
    a.error = why;
    a.retryable = retryable;
    return a;
}

// What a provider's error status means, in words; empty for a success.
QString statusProblem(int status, const QJsonObject &body)
{
    if (status >= 200 && status < 300)
        return {};
    // Hunter: {errors: [{details}]}; Apollo: {error} or {message}; Clearbit: {error: {message}}.
    QString said = body.value(QStringLiteral("errors")).toArray().first().toObject().value(QStringLiteral("details")).toString();
    if (said.isEmpty())
        said = body.value(QStringLiteral("error")).isObject() ? body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                                                             : body.value(QStringLiteral("error")).toString();
    if (said.isEmpty())
        said = body.value(QStringLiteral("message")).toString();
    QString meaning;
    switch (status) {
    case 401:
    case 403:
        meaning = QStringLiteral("the API key was refused: check it in Settings → Integrations");
        break;
    case 402:
        meaning = QStringLiteral("the account has no credits left");
        break;
    case 429:
        meaning = QStringLiteral("too many requests: the provider's rate limit was reached, try again later");
        break;
    default:
        meaning = QStringLiteral("the provider answered %1").arg(status);
    }
    return said.isEmpty() ? meaning : QStringLiteral("%1 (%2)").arg(meaning, said.left(300));
}

// The body as an object, and the generic failures (status, not JSON).
bool begin(int status, const QByteArray &body, QJsonObject *object, ProviderAnswer *answer, bool notFoundIsAnswer)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    *object = doc.object();
    if (status == 404 && notFoundIsAnswer) {
        answer->ok = true;
        answer->status = status;
        return false;
    }
    if (const QString problem = statusProblem(status, *object); !problem.isEmpty()) {
        *answer = failed(status, problem, status == 429 || status >= 500 || status == 0);
        return false;
    }
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *answer = failed(status, QStringLiteral("the provider's answer is not the JSON it documents (%1)").arg(e.errorString()), false);
        return false;
    }
    answer->ok = true;
    answer->status = status;
    return true;
}

void put(QJsonObject &o, const char *key, const QJsonValue &v)
{
    if (v.isString() && v.toString().trimmed().isEmpty())
        return;
    if (v.isNull() || v.isUndefined())
        return;
    o.insert(QLatin1String(key), v.isString() ? QJsonValue(v.toString().trimmed()) : v);
}

QString domainOf(const QJsonObject &lead)
{
    QString domain = lead.value(QStringLiteral("website_domain")).toString();
    if (domain.isEmpty()) {
        QString site = lead.value(QStringLiteral("website")).toString().trimmed();
        if (!site.isEmpty() && !site.contains(QLatin1String("://")))
            site.prepend(QStringLiteral("http://"));
        domain = QUrl(site).host();
    }
    if (domain.isEmpty()) {
        const QStringList parts = EmailVerifier::split(lead.value(QStringLiteral("email")).toString());
        if (parts.size() == 2 && !EmailVerifier::isFreeProvider(parts.at(1)))
            domain = parts.at(1);
    }
    domain = domain.toLower();
    if (domain.startsWith(QLatin1String("www.")))
        domain = domain.mid(4);
    return domain;
}

} // namespace

ProviderAnswer parseHunterDomainSearch(int status, const QByteArray &body)
{
    ProviderAnswer a;
    QJsonObject o;
    if (!begin(status, body, &o, &a, false))
        return a;
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    QJsonArray people;
    for (const auto &v : data.value(QStringLiteral("emails")).toArray()) {
        const QJsonObject e = v.toObject();
        QJsonObject p;
        put(p, "email", e.value(QStringLiteral("value")));
        if (!p.contains(QStringLiteral("email")))
            continue;
        put(p, "first_name", e.value(QStringLiteral("first_name")));
        put(p, "last_name", e.value(QStringLiteral("last_name")));
        put(p, "title", e.value(QStringLiteral("position")));
        put(p, "phone", e.value(QStringLiteral("phone_number")));
        p.insert(QStringLiteral("confidence"), e.value(QStringLiteral("confidence")).toInt());
        p.insert(QStringLiteral("type"), e.value(QStringLiteral("type")).toString(QStringLiteral("personal")));
        people.append(p);
    }
    QJsonObject company;
    put(company, "name", data.value(QStringLiteral("organization")));
    put(company, "domain", data.value(QStringLiteral("domain")));
    put(company, "industry", data.value(QStringLiteral("industry")));
    put(company, "description", data.value(QStringLiteral("description")));
    put(company, "phone", data.value(QStringLiteral("phone_number")));
    put(company, "city", data.value(QStringLiteral("city")));
    put(company, "region", data.value(QStringLiteral("state")));
    put(company, "country", data.value(QStringLiteral("country")));
    put(company, "postal_code", data.value(QStringLiteral("postal_code")));
    put(company, "address", data.value(QStringLiteral("street")));
    put(company, "linkedin", data.value(QStringLiteral("linkedin")));
    a.found = !people.isEmpty() || company.size() > 1;
    a.result = {{QStringLiteral("people"), people}, {QStringLiteral("company"), company}};
    return a;
}

namespace {

QJsonObject apolloCompany(const QJsonObject &org)
{
    QJsonObject company;
    put(company, "name", org.value(QStringLiteral("name")));
    put(company, "domain", org.value(QStringLiteral("primary_domain")));
    put(company, "website", org.value(QStringLiteral("website_url")));
    const QJsonObject phone = org.value(QStringLiteral("primary_phone")).toObject();
    put(company, "phone", phone.value(QStringLiteral("sanitized_number")).isString() ? phone.value(QStringLiteral("sanitized_number"))
                                                                                     : org.value(QStringLiteral("phone")));
    put(company, "industry", org.value(QStringLiteral("industry")));
    put(company, "employees", org.value(QStringLiteral("estimated_num_employees")));
    put(company, "description", org.value(QStringLiteral("short_description")));
    put(company, "city", org.value(QStringLiteral("city")));
    put(company, "region", org.value(QStringLiteral("state")));
    put(company, "country", org.value(QStringLiteral("country")));
    put(company, "postal_code", org.value(QStringLiteral("postal_code")));
    put(company, "address", org.value(QStringLiteral("street_address")));
    put(company, "linkedin", org.value(QStringLiteral("linkedin_url")));
    put(company, "founded_year", org.value(QStringLiteral("founded_year")));
    return company;
}

} // namespace

ProviderAnswer parseApolloOrganization(int status, const QByteArray &body)
{
    ProviderAnswer a;
    QJsonObject o;
    if (!begin(status, body, &o, &a, true))
        return a;
    const QJsonObject company = apolloCompany(o.value(QStringLiteral("organization")).toObject());
    a.found = company.contains(QStringLiteral("name"));
    a.result = {{QStringLiteral("people"), QJsonArray()}, {QStringLiteral("company"), company}};
    return a;
}

ProviderAnswer parseApolloPerson(int status, const QByteArray &body)
{
    ProviderAnswer a;
    QJsonObject o;
    if (!begin(status, body, &o, &a, true))
        return a;
    const QJsonObject person = o.value(QStringLiteral("person")).toObject();
    QJsonObject p;
    put(p, "email", person.value(QStringLiteral("email")));
    put(p, "first_name", person.value(QStringLiteral("first_name")));
    put(p, "last_name", person.value(QStringLiteral("last_name")));
    put(p, "title", person.value(QStringLiteral("title")));
    // Apollo marks how sure it is: "verified" is as good as it gets.
    const QString emailStatus = person.value(QStringLiteral("email_status")).toString();
    p.insert(QStringLiteral("confidence"), emailStatus == QLatin1String("verified") ? 95 : emailStatus == QLatin1String("guessed") ? 50 : 70);
    p.insert(QStringLiteral("type"), QStringLiteral("personal"));
    QJsonArray people;
    if (p.contains(QStringLiteral("email")))
        people.append(p);
    a.found = !people.isEmpty();
    a.result = {{QStringLiteral("people"), people}, {QStringLiteral("company"), apolloCompany(person.value(QStringLiteral("organization")).toObject())}};
    return a;
}

ProviderAnswer parseClearbitCompany(int status, const QByteArray &body)
{
    if (status == 202) // queued: Clearbit looks it up; asking again later answers
        return failed(status, QStringLiteral("Clearbit is still looking this company up: try again in a few minutes"), true);
    ProviderAnswer a;
    QJsonObject o;
    if (!begin(status, body, &o, &a, true))
        return a;
    QJsonObject company;
    put(company, "name", o.value(QStringLiteral("name")));
    put(company, "domain", o.value(QStringLiteral("domain")));
    put(company, "phone", o.value(QStringLiteral("phone")));
    const QJsonObject site = o.value(QStringLiteral("site")).toObject();
    if (!company.contains(QStringLiteral("phone")))
        put(company, "phone", site.value(QStringLiteral("phoneNumbers")).toArray().first());
    put(company, "industry", o.value(QStringLiteral("category")).toObject().value(QStringLiteral("industry")));
    put(company, "employees", o.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("employees")));
    put(company, "description", o.value(QStringLiteral("description")));
    const QJsonObject geo = o.value(QStringLiteral("geo")).toObject();
    put(company, "city", geo.value(QStringLiteral("city")));
    put(company, "region", geo.value(QStringLiteral("state")));
    put(company, "country", geo.value(QStringLiteral("country")));
    put(company, "postal_code", geo.value(QStringLiteral("postalCode")));
    const QString street = QStringList{geo.value(QStringLiteral("streetNumber")).toString(), geo.value(QStringLiteral("streetName")).toString()}
                               .join(u' ')
                               .trimmed();
    put(company, "address", street);
    if (const QString handle = o.value(QStringLiteral("linkedin")).toObject().value(QStringLiteral("handle")).toString(); !handle.isEmpty())
        company.insert(QStringLiteral("linkedin"), QString(QStringLiteral("https://www.linkedin.com/") + handle));
    put(company, "founded_year", o.value(QStringLiteral("foundedYear")));
    // The site's published addresses are generic ones (info@, sales@).
    QJsonArray people;
    for (const auto &e : site.value(QStringLiteral("emailAddresses")).toArray())
        if (e.isString())
            people.append(QJsonObject{{QStringLiteral("email"), e.toString()}, {QStringLiteral("confidence"), 60}, {QStringLiteral("type"), QStringLiteral("generic")}});
    a.found = company.contains(QStringLiteral("name"));
    a.result = {{QStringLiteral("people"), people}, {QStringLiteral("company"), company}};
    return a;
}

ProviderAnswer parseHunterVerifier(int status, const QByteArray &body)
{
    if (status == 202)
        return failed(status, QStringLiteral("Hunter is still verifying this address: try again in a minute"), true);
    ProviderAnswer a;
    QJsonObject o;
    if (!begin(status, body, &o, &a, false))
        return a;
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    const QString said = data.value(QStringLiteral("status")).toString();
    // Hunter's statuses: valid, invalid, accept_all, webmail, disposable, unknown.
    QString verdict = QStringLiteral("risky");
    QString reason;
    if (said == QLatin1String("valid") || said == QLatin1String("webmail")) {
        verdict = QStringLiteral("valid");
        reason = QStringLiteral("Hunter: the mailbox exists");
    } else if (said == QLatin1String("invalid")) {
        verdict = QStringLiteral("invalid");
        reason = QStringLiteral("Hunter: the mailbox does not exist");
    } else if (said == QLatin1String("disposable")) {
        verdict = QStringLiteral("invalid");
        reason = QStringLiteral("Hunter: a disposable address");
    } else if (said == QLatin1String("accept_all")) {
        reason = QStringLiteral("Hunter: the server accepts every address, so this one cannot be confirmed");
    } else {
        reason = QStringLiteral("Hunter could not tell (%1)").arg(said.isEmpty() ? QStringLiteral("no status") : said);
    }
    a.found = true;
    a.result = {{QStringLiteral("email"), data.value(QStringLiteral("email"))}, {QStringLiteral("status"), verdict},
                {QStringLiteral("reason"), reason},                             {QStringLiteral("provider"), QStringLiteral("hunter")},
                {QStringLiteral("score"), data.value(QStringLiteral("score"))}, {QStringLiteral("hunter_status"), said}};
    return a;
}

const QStringList &EnrichmentService::providerNames()
{
    static const QStringList names{QStringLiteral("hunter"), QStringLiteral("apollo"), QStringLiteral("clearbit")};
    return names;
}

EnrichmentService::EnrichmentService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::SecretStore *secrets,
                                     leads::LeadService &leads, net::HttpClient &http, const core::Clock &clock)
    : m_db(std::move(db)), m_jobs(jobs), m_secrets(secrets), m_leads(leads), m_http(http), m_clock(clock)
{
}

core::Result<QList<EnrichmentService::Provider>> EnrichmentService::load()
{
    auto rows = m_db->select(QStringLiteral("SELECT provider, position, enabled, base_url, cost_cents_per_call FROM enrichment_providers ORDER BY position, provider"));
    if (!rows)
        return rows.error();
    QList<Provider> out;
    for (const auto &r : *rows)
        out << Provider{r.value(0).toString(), r.value(1).toInt(), r.value(2).toBool(), r.value(3).toString(), r.value(4).toInt()};
    return out;
}

QString EnrichmentService::effectiveBaseUrl(const Provider &p)
{
    if (!p.baseUrl.isEmpty())
        return p.baseUrl;
    const QString env = qEnvironmentVariable(qPrintable(QStringLiteral("FLIPTECH_%1_BASE_URL").arg(p.name.toUpper())));
    if (!env.isEmpty())
        return env;
    const ProviderInfo *info = infoOf(p.name);
    return info ? QString::fromLatin1(info->baseUrl) : QString();
}

QPair<QByteArray, QString> EnrichmentService::keyOf(const QString &provider)
{
    if (m_secrets)
        if (auto k = m_secrets->read(QStringLiteral("enrichment/") + provider); k && !k->isEmpty())
            return {*k, QStringLiteral("keychain")};
    if (const ProviderInfo *info = infoOf(provider)) {
        const QByteArray env = qgetenv(info->envKey);
        if (!env.isEmpty())
            return {env, QStringLiteral("environment")};
    }
    return {};
}

core::Result<QJsonArray> EnrichmentService::providers()
{
    auto list = load();
    if (!list)
        return list.error();
    QJsonArray out;
    for (const Provider &p : *list) {
        const ProviderInfo *info = infoOf(p.name);
        const auto [key, source] = keyOf(p.name);
        out.append(QJsonObject{{QStringLiteral("provider"), p.name},
                               {QStringLiteral("label"), QLatin1String(info ? info->label : "")},
                               {QStringLiteral("position"), p.position},
                               {QStringLiteral("enabled"), p.enabled},
                               {QStringLiteral("base_url"), effectiveBaseUrl(p)},
                               {QStringLiteral("default_base_url"), QLatin1String(info ? info->baseUrl : "")},
                               {QStringLiteral("key_set"), !key.isEmpty()},
                               {QStringLiteral("key_source"), key.isEmpty() ? QStringLiteral("none") : source},
                               {QStringLiteral("key_variable"), QLatin1String(info ? info->envKey : "")},
                               {QStringLiteral("cost_cents_per_call"), p.costCents},
                               {QStringLiteral("docs"), QLatin1String(info ? info->docs : "")}});
    }
    return out;
}

core::Result<QJsonArray> EnrichmentService::configure(const QJsonObject &request)
{
    // Everything checked before anything is written.
    QStringList order;
    if (request.contains(QStringLiteral("order"))) {
        if (!request.value(QStringLiteral("order")).isArray())
            return core::fieldError(QStringLiteral("order"), QStringLiteral("must list the providers in the order to ask them"));
        for (const auto &v : request.value(QStringLiteral("order")).toArray()) {
            const QString name = v.toString();
            if (!providerNames().contains(name) || order.contains(name))
                return core::fieldError(QStringLiteral("order"), QStringLiteral("must name each of %1 at most once").arg(providerNames().join(QStringLiteral(", "))));
            order << name;
        }
        for (const QString &name : providerNames())
            if (!order.contains(name))
                order << name; // the ones left out keep their turn after the ones named
    }
    const QJsonObject changes = request.value(QStringLiteral("providers")).toObject();
    if (request.contains(QStringLiteral("providers")) && !request.value(QStringLiteral("providers")).isObject())
        return core::fieldError(QStringLiteral("providers"), QStringLiteral("must be {\"hunter\": {...}, ...}"));
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString at = QStringLiteral("providers.") + it.key();
        if (!providerNames().contains(it.key()))
            return core::fieldError(at, QStringLiteral("is not a provider (%1)").arg(providerNames().join(QStringLiteral(", "))));
        if (!it.value().isObject())
            return core::fieldError(at, QStringLiteral("must be {enabled, base_url, cost_cents_per_call, api_key}"));
        const QJsonObject c = it.value().toObject();
        for (auto k = c.begin(); k != c.end(); ++k)
            if (!QStringList{QStringLiteral("enabled"), QStringLiteral("base_url"), QStringLiteral("cost_cents_per_call"), QStringLiteral("api_key")}.contains(k.key()))
                return core::fieldError(at + u'.' + k.key(), QStringLiteral("is not a setting (enabled, base_url, cost_cents_per_call, api_key)"));
        if (c.contains(QStringLiteral("enabled")) && !c.value(QStringLiteral("enabled")).isBool())
            return core::fieldError(at + QStringLiteral(".enabled"), QStringLiteral("must be true or false"));
        if (const QJsonValue base = c.value(QStringLiteral("base_url")); !base.isUndefined() && !base.isNull()) {
            const QUrl u(base.toString(), QUrl::StrictMode);
            if (!base.isString() || !u.isValid() || u.host().isEmpty() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))
                return core::fieldError(at + QStringLiteral(".base_url"), QStringLiteral("must be an http(s) address (null: the provider's own)"));
        }
        if (const QJsonValue cost = c.value(QStringLiteral("cost_cents_per_call")); !cost.isUndefined()) {
            if (!cost.isDouble() || cost.toDouble() != double(cost.toInteger()) || cost.toInteger() < 0 || cost.toInteger() > 100000)
                return core::fieldError(at + QStringLiteral(".cost_cents_per_call"), QStringLiteral("must be whole cents from 0 to 100000"));
        }
        if (const QJsonValue key = c.value(QStringLiteral("api_key")); !key.isUndefined() && (!key.isString() || key.toString().size() > 500))
            return core::fieldError(at + QStringLiteral(".api_key"), QStringLiteral("must be the key as text (\"\" removes it)"));
        if (c.contains(QStringLiteral("api_key")) && !m_secrets)
            return core::makeError(ErrorCode::Unavailable, QStringLiteral("no secret store: keys cannot be kept (set %1 in the environment)")
                                                               .arg(QLatin1String(infoOf(it.key())->envKey)));
    }
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    {
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        for (qsizetype i = 0; i < order.size(); ++i)
            if (auto done = m_db->execute(QStringLiteral("UPDATE enrichment_providers SET position = ?, updated_at = %1 WHERE provider = ?").arg(m_db->timestampParam()),
                                          {int(i + 1), now, order.at(i)});
                !done)
                return done.error();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            QStringList sets;
            QVariantList params;
            if (c.contains(QStringLiteral("enabled"))) {
                sets << QStringLiteral("enabled = ?");
                params << c.value(QStringLiteral("enabled")).toBool();
            }
            if (c.contains(QStringLiteral("base_url"))) {
                sets << QStringLiteral("base_url = ?");
                params << (c.value(QStringLiteral("base_url")).isString() ? QVariant(c.value(QStringLiteral("base_url")).toString()) : QVariant());
            }
            if (c.contains(QStringLiteral("cost_cents_per_call"))) {
                sets << QStringLiteral("cost_cents_per_call = ?");
                params << c.value(QStringLiteral("cost_cents_per_call")).toInt();
            }
            if (sets.isEmpty())
                continue;
            if (auto done = m_db->execute(QStringLiteral("UPDATE enrichment_providers SET %1, updated_at = %2 WHERE provider = ?")
                                              .arg(sets.join(QStringLiteral(", ")), m_db->timestampParam()),
                                          params + QVariantList{now, it.key()});
                !done)
                return done.error();
        }
        if (auto c = tx.commit(); !c)
            return c.error();
    }
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QJsonValue key = it.value().toObject().value(QStringLiteral("api_key"));
        if (!key.isString())
            continue;
        const QString name = QStringLiteral("enrichment/") + it.key();
        auto done = key.toString().trimmed().isEmpty() ? m_secrets->remove(name) : m_secrets->write(name, key.toString().trimmed().toUtf8());
        if (!done && done.error().code != ErrorCode::NotFound)
            return done.error();
    }
    return providers();
}

core::Status EnrichmentService::recordCost(const Provider &p, const QString &operation, const QString &lookup, qint64 leadId)
{
    if (p.costCents <= 0)
        return {};
    const ProviderInfo *info = infoOf(p.name);
    const QJsonObject metadata{{QStringLiteral("provider"), p.name}, {QStringLiteral("operation"), operation}, {QStringLiteral("lookup"), lookup}};
    auto done = m_db->execute(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, related_entity_type, related_entity_id, description, "
                                             "metadata, created_at) VALUES ('enrichment', ?, 'USD', ?, ?, ?, %1, %2)")
                                  .arg(m_db->jsonParam(), m_db->timestampParam()),
                              {p.costCents, leadId > 0 ? QVariant(QStringLiteral("lead")) : QVariant(), leadId > 0 ? QVariant(leadId) : QVariant(),
                               QStringLiteral("%1 %2 %3").arg(QLatin1String(info ? info->label : ""), operation, lookup).left(500),
                               QString::fromUtf8(core::json::compact(metadata)), storage::Database::isoTimestamp(m_clock.now())});
    if (!done)
        return done.error();
    return {};
}

ProviderAnswer EnrichmentService::ask(const Provider &p, const QByteArray &key, const QString &operation, const QString &lookup, const QJsonObject &lead,
                                      qint64 leadId, bool *cached, int *cost)
{
    *cached = false;
    *cost = 0;
    const QString cacheKey = operation + u':' + lookup;
    const QDateTime freshSince = m_clock.now().addDays(-m_cacheDays);
    if (auto hit = m_db->select(QStringLiteral("SELECT found, result, fetched_at FROM enrichment_cache WHERE provider = ? AND lookup_key = ?"), {p.name, cacheKey});
        hit && !hit->isEmpty() && storage::Database::toDateTime(hit->first().value(2)) >= freshSince) {
        ProviderAnswer a;
        a.ok = true;
        a.found = hit->first().value(0).toBool();
        a.result = QJsonDocument::fromJson(hit->first().value(1).toString().toUtf8()).object();
        *cached = true;
        return a;
    }
    const QString base = effectiveBaseUrl(p);
    net::HttpRequest r;
    r.timeoutMs = 20000;
    r.maxBodyBytes = 2 << 20;
    QUrlQuery q;
    ProviderAnswer (*parse)(int, const QByteArray &) = nullptr;
    if (p.name == QLatin1String("hunter")) {
        r.headers << qMakePair(QByteArray("X-API-KEY"), key);
        if (operation == QLatin1String("verify")) {
            r.url = QUrl(base + QStringLiteral("/v2/email-verifier"));
            q.addQueryItem(QStringLiteral("email"), lookup);
            parse = parseHunterVerifier;
        } else {
            r.url = QUrl(base + QStringLiteral("/v2/domain-search"));
            q.addQueryItem(QStringLiteral("domain"), lookup);
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
            parse = parseHunterDomainSearch;
        }
    } else if (p.name == QLatin1String("apollo")) {
        r.headers << qMakePair(QByteArray("X-Api-Key"), key) << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        if (operation == QLatin1String("person")) {
            r.url = QUrl(base + QStringLiteral("/api/v1/people/match"));
            r.method = "POST";
            r.body = core::json::compact(QJsonObject{{QStringLiteral("first_name"), lead.value(QStringLiteral("first_name"))},
                                                     {QStringLiteral("last_name"), lead.value(QStringLiteral("last_name"))},
                                                     {QStringLiteral("domain"), lookup.section(u'/', 0, 0)}});
            parse = parseApolloPerson;
        } else {
            r.url = QUrl(base + QStringLiteral("/api/v1/organizations/enrich"));
            q.addQueryItem(QStringLiteral("domain"), lookup);
            parse = parseApolloOrganization;
        }
    } else {
        r.headers << qMakePair(QByteArray("Authorization"), QByteArray("Bearer ") + key);
        r.url = QUrl(base + QStringLiteral("/v2/companies/find"));
        q.addQueryItem(QStringLiteral("domain"), lookup);
        parse = parseClearbitCompany;
    }
    r.url.setQuery(q);
    const net::HttpResponse response = m_http.get(r);
    if (response.status == 0)
        return failed(0, response.error ? response.error->message : QStringLiteral("no answer"), true);
    // A call the provider answered counts against the account (an error status aside).
    ProviderAnswer a = parse(response.status, response.body);
    if (a.ok) {
        if (auto c = recordCost(p, operation, lookup, leadId); !c)
            qWarning("enrichment: the cost of a call could not be recorded: %s", qPrintable(c.error().message));
        else
            *cost = p.costCents;
        const QString now = storage::Database::isoTimestamp(m_clock.now());
        core::logDiscarded(m_db->execute(QStringLiteral("INSERT INTO enrichment_cache (provider, lookup_key, found, result, fetched_at) VALUES (?, ?, ?, %1, %2) "
                                                        "ON CONFLICT (provider, lookup_key) DO UPDATE SET found = excluded.found, result = excluded.result, "
                                                        "fetched_at = excluded.fetched_at")
                                             .arg(m_db->jsonParam(), m_db->timestampParam()),
                                         {p.name, cacheKey, a.found, QString::fromUtf8(core::json::compact(a.result)), now}),
                           "the answer is used; it is asked again next time");
    }
    return a;
}

core::Result<QJsonObject> EnrichmentService::enrichLead(const Actor &actor, qint64 leadId)
{
    auto lead = m_leads.get(leadId);
    if (!lead)
        return lead.error();
    const QString domain = domainOf(*lead);
    if (domain.isEmpty())
        return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("names a lead with no website or business e-mail: there is no domain to look up"));
    if (m_usage)
        if (auto admitted = m_usage->admit(core::usage::enrichments, 1, QStringLiteral("enrichments"), m_clock.now()); !admitted)
            return admitted.error();
    auto list = load();
    if (!list)
        return list.error();
    // What the lead lacks, and what is found for it (the first provider to give a field wins).
    static const QStringList fillable{QStringLiteral("email"),   QStringLiteral("phone"),   QStringLiteral("company"),    QStringLiteral("first_name"),
                                      QStringLiteral("last_name"), QStringLiteral("title"), QStringLiteral("city"),       QStringLiteral("region"),
                                      QStringLiteral("country"), QStringLiteral("postal_code"), QStringLiteral("address"), QStringLiteral("website")};
    QJsonObject fields;
    QJsonObject filled;
    auto has = [&](const QString &f) { return !lead->value(f).toString().isEmpty() || fields.contains(f); };
    auto fill = [&](const QString &f, const QJsonValue &v, const QString &provider) {
        QString text = v.isDouble() ? QString::number(v.toInteger()) : v.toString().trimmed();
        if (text.isEmpty() || has(f))
            return;
        if (f == QLatin1String("email"))
            text = text.toLower();
        fields.insert(f, text);
        filled.insert(f, provider);
    };
    QJsonArray steps;
    QJsonObject found;
    int total = 0;
    for (const Provider &p : std::as_const(*list)) {
        QJsonObject step{{QStringLiteral("provider"), p.name}, {QStringLiteral("cost_cents"), 0}};
        if (has(QStringLiteral("email")) && has(QStringLiteral("phone"))) {
            step.insert(QStringLiteral("outcome"), QStringLiteral("skipped"));
            step.insert(QStringLiteral("reason"), QStringLiteral("the lead has an e-mail address and a phone now"));
            steps.append(step);
            continue;
        }
        if (!p.enabled) {
            step.insert(QStringLiteral("outcome"), QStringLiteral("skipped"));
            step.insert(QStringLiteral("reason"), QStringLiteral("turned off"));
            steps.append(step);
            continue;
        }
        const QByteArray key = keyOf(p.name).first;
        if (key.isEmpty()) {
            step.insert(QStringLiteral("outcome"), QStringLiteral("skipped"));
            step.insert(QStringLiteral("reason"), QStringLiteral("no API key (Settings → Integrations, or %1)").arg(QLatin1String(infoOf(p.name)->envKey)));
            steps.append(step);
            continue;
        }
        // Apollo matches a person when the lead names one; a company otherwise.
        const bool person = p.name == QLatin1String("apollo") && !lead->value(QStringLiteral("first_name")).toString().isEmpty() &&
                            !lead->value(QStringLiteral("last_name")).toString().isEmpty();
        const QString operation = p.name == QLatin1String("hunter") ? QStringLiteral("domain-search")
                                  : person                          ? QStringLiteral("person")
                                                                    : QStringLiteral("company");
        const QString lookup = person ? domain + u'/' + lead->value(QStringLiteral("first_name")).toString().toLower() + u' ' +
                                            lead->value(QStringLiteral("last_name")).toString().toLower()
                                      : domain;
        bool cached = false;
        int cost = 0;
        const ProviderAnswer a = ask(p, key, operation, lookup, *lead, leadId, &cached, &cost);
        total += cost;
        step.insert(QStringLiteral("cost_cents"), cost);
        if (!a.ok) {
            step.insert(QStringLiteral("outcome"), QStringLiteral("failed"));
            step.insert(QStringLiteral("reason"), a.error);
            steps.append(step);
            continue;
        }
        step.insert(QStringLiteral("outcome"), cached ? QStringLiteral("cached") : a.found ? QStringLiteral("found") : QStringLiteral("nothing"));
        if (!a.found) {
            steps.append(step);
            continue;
        }
        found.insert(p.name, a.result);
        // The best address: a person's before a generic one, the surest first.
        QJsonObject best;
        for (const auto &v : a.result.value(QStringLiteral("people")).toArray()) {
            const QJsonObject candidate = v.toObject();
            auto rank = [](const QJsonObject &o) {
                return (o.value(QStringLiteral("type")).toString() == QLatin1String("personal") ? 1000 : 0) + o.value(QStringLiteral("confidence")).toInt();
            };
            if (best.isEmpty() || rank(candidate) > rank(best))
                best = candidate;
        }
        const bool newEmail = !best.isEmpty() && !has(QStringLiteral("email"));
        fill(QStringLiteral("email"), best.value(QStringLiteral("email")), p.name);
        if (newEmail && best.value(QStringLiteral("type")).toString() == QLatin1String("personal")) {
            // The person behind the address, when the lead names nobody yet.
            fill(QStringLiteral("first_name"), best.value(QStringLiteral("first_name")), p.name);
            fill(QStringLiteral("last_name"), best.value(QStringLiteral("last_name")), p.name);
            fill(QStringLiteral("title"), best.value(QStringLiteral("title")), p.name);
        }
        fill(QStringLiteral("phone"), best.value(QStringLiteral("phone")), p.name);
        const QJsonObject company = a.result.value(QStringLiteral("company")).toObject();
        fill(QStringLiteral("phone"), company.value(QStringLiteral("phone")), p.name);
        fill(QStringLiteral("company"), company.value(QStringLiteral("name")), p.name);
        for (const char *f : {"city", "region", "country", "postal_code", "address", "website"})
            fill(QLatin1String(f), company.value(QLatin1String(f)), p.name);
        steps.append(step);
    }
    // Stored: the fields found (one at a time if the lead's rules refuse one: the rest counts),
    // what each provider said, and when.
    QJsonObject metadata = lead->value(QStringLiteral("lead_source_metadata")).toObject();
    QJsonObject enrichment = metadata.value(QStringLiteral("enrichment")).toObject();
    for (auto it = found.begin(); it != found.end(); ++it)
        enrichment.insert(it.key(), it.value());
    enrichment.insert(QStringLiteral("at"), storage::Database::isoTimestamp(m_clock.now()));
    metadata.insert(QStringLiteral("enrichment"), enrichment);
    QJsonObject update = fields;
    update.insert(QStringLiteral("lead_source_metadata"), metadata);
    const bool anything = !found.isEmpty();
    update.insert(QStringLiteral("enrichment_status"), anything ? QStringLiteral("enriched") : QStringLiteral("not_found"));
    update.insert(QStringLiteral("enriched_at"), storage::Database::isoTimestamp(m_clock.now()));
    auto updated = m_leads.update(actor, leadId, update, false);
    if (!updated && updated.error().code == ErrorCode::ValidationFailed) {
        for (const QString &f : fillable)
            if (update.contains(f)) {
                QJsonObject one{{f, update.value(f)}};
                if (!m_leads.update(actor, leadId, one, false)) {
                    update.remove(f);
                    filled.remove(f);
                }
            }
        for (const QString &f : fillable)
            update.remove(f);
        updated = m_leads.update(actor, leadId, update, false);
    }
    if (!updated)
        return updated.error();
    return QJsonObject{{QStringLiteral("lead_id"), leadId}, {QStringLiteral("domain"), domain},   {QStringLiteral("filled"), filled},
                       {QStringLiteral("steps"), steps},   {QStringLiteral("cost_cents"), total}};
}

core::Result<QJsonObject> EnrichmentService::verifyWithHunter(const QString &email)
{
    if (EmailVerifier::split(email).isEmpty())
        return core::fieldError(QStringLiteral("email"), QStringLiteral("is not an e-mail address"));
    auto list = load();
    if (!list)
        return list.error();
    for (const Provider &p : std::as_const(*list)) {
        if (p.name != QLatin1String("hunter"))
            continue;
        const QByteArray key = keyOf(p.name).first;
        if (key.isEmpty())
            return core::fieldError(QStringLiteral("provider"), QStringLiteral("hunter has no API key: add it in Settings → Integrations"));
        bool cached = false;
        int cost = 0;
        const ProviderAnswer a = ask(p, key, QStringLiteral("verify"), email.trimmed().toLower(), {}, 0, &cached, &cost);
        if (!a.ok)
            return core::makeError(a.retryable ? ErrorCode::Unavailable : ErrorCode::InvalidArgument, QStringLiteral("Hunter: %1").arg(a.error));
        QJsonObject verdict = a.result;
        verdict.insert(QStringLiteral("cached"), cached);
        verdict.insert(QStringLiteral("cost_cents"), cost);
        return verdict;
    }
    return core::makeError(ErrorCode::Internal, QStringLiteral("no hunter provider row"));
}

core::Result<qint64> EnrichmentService::enqueue(const Actor &actor, const QList<qint64> &leadIds)
{
    if (!m_jobs)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no job queue"));
    if (m_usage)
        if (auto admitted = m_usage->admit(core::usage::enrichments, 1, QStringLiteral("enrichments"), m_clock.now()); !admitted)
            return admitted.error();
    return leads::LeadJobs::enqueueForLeads(*m_jobs, enrichType, actor, leadIds, QStringLiteral("scraper"));
}

void EnrichmentService::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(enrichType, [this](storage::JobContext &ctx) -> storage::JobOutcome {
        const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const QJsonArray ids = ctx.payload().value(QStringLiteral("lead_ids")).toArray();
        int enriched = 0, nothing = 0, skipped = 0, failed = 0;
        qint64 cost = 0;
        QStringList errors;
        QString limitReached; // the usage limit that stopped the job: the rest wait for a new run
        qsizetype notReached = 0;
        for (qsizetype i = 0; i < ids.size() && !ctx.isCancelled(); ++i) {
            auto done = enrichLead(actor, ids.at(i).toInteger());
            if (!done && core::UsageGate::isLimit(done.error())) {
                limitReached = done.error().message;
                notReached = ids.size() - i;
                break;
            }
            if (!done) {
                (done.error().code == ErrorCode::ValidationFailed ? skipped : failed)++;
                if (done.error().code != ErrorCode::ValidationFailed && errors.size() < 10)
                    errors << done.error().userMessage();
            } else {
                (done->value(QStringLiteral("filled")).toObject().isEmpty() ? nothing : enriched)++;
                cost += done->value(QStringLiteral("cost_cents")).toInteger();
                for (const auto &step : done->value(QStringLiteral("steps")).toArray())
                    if (step.toObject().value(QStringLiteral("outcome")).toString() == QLatin1String("failed") && errors.size() < 10)
                        errors << step.toObject().value(QStringLiteral("reason")).toString();
            }
            ctx.setProgress(int((i + 1) * 100 / ids.size()));
        }
        if (ctx.isCancelled())
            return storage::JobOutcome::cancelled();
        errors.removeDuplicates();
        if (!limitReached.isEmpty())
            errors.prepend(QStringLiteral("%1 lead(s) not enriched: %2").arg(notReached).arg(limitReached));
        return storage::JobOutcome::done({{QStringLiteral("enriched"), enriched},
                                          {QStringLiteral("not_reached"), qint64(notReached)},
                                          {QStringLiteral("nothing_found"), nothing},
                                          {QStringLiteral("skipped"), skipped},
                                          {QStringLiteral("failed"), failed},
                                          {QStringLiteral("cost_cents"), cost},
                                          {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
    });
}

} // namespace fliptech::scraper
