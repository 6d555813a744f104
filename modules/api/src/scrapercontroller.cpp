// The scraper's API area (issue 10): what a search can name, and Craigslist scrape jobs (progress
// as scrape_progress on /ws/scraper; cancel, pause, resume, retry-failed; their pages; the queue).
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/scraper/craigslistsearch.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/scraper/scrapeservice.h"

#include <QJsonArray>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {

// A job over the leads a request lists ({lead_ids}): 202 with its id.
template<typename Enqueue>
QHttpServerResponse leadJob(RequestContext &c, Enqueue enqueue)
{
    QList<qint64> ids;
    for (const auto &v : c.body.value(QStringLiteral("lead_ids")).toArray())
        ids << v.toInteger();
    auto job = enqueue(actorOf(c), ids);
    return jsonOrError(job ? core::Result<QJsonObject>(QJsonObject{{QStringLiteral("job_id"), *job}}) : core::Result<QJsonObject>(job.error()), 202);
}

} // namespace

void registerScraperRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &scrapes = engine.scrapes();
    auto &enrichment = engine.enrichment();
    const QString tag = QStringLiteral("scraper");
    const QJsonObject category = s::object({{QStringLiteral("code"), s::string()}, {QStringLiteral("name"), s::string()},
                                            {QStringLiteral("group"), s::string()}},
                                           {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/scraper/categories"), Role::Viewer, tag,
               QStringLiteral("Craigslist categories a search can name (code, name, group), services first"), {}, listSchema(category), 200,
               [](RequestContext &) {
                   QJsonArray items;
                   for (const auto &c : scraper::craigslistCategories())
                       items.append(QJsonObject{{QStringLiteral("code"), c.code}, {QStringLiteral("name"), c.name}, {QStringLiteral("group"), c.group}});
                   return listOrError(items);
               },
               {}, {}, {}});
    const QJsonObject job = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("status"), s::string()},
                                       {QStringLiteral("progress"), s::integer()}, {QStringLiteral("pages_fetched"), s::integer()},
                                       {QStringLiteral("leads_found"), s::integer()}, {QStringLiteral("config"), s::object({}, {}, true)}},
                                      {}, true);
    table.add({M::Post, QStringLiteral("/api/v1/scraper/jobs"), Role::User, tag,
               QStringLiteral("Start a Craigslist scrape: sites (and location groups: their locations' codes) x categories, keywords, max_pages; listings become leads (202, the job)"),
               s::object({{QStringLiteral("sites"), s::arrayOf(s::string(1, 30))}, {QStringLiteral("location_group_ids"), s::arrayOf(s::integer())},
                          {QStringLiteral("categories"), s::arrayOf(s::string(1, 10))},
                          {QStringLiteral("query"), s::string(0, 200)}, {QStringLiteral("posted_today"), s::boolean()},
                          {QStringLiteral("has_image"), s::boolean()}, {QStringLiteral("max_pages"), s::integer()},
                          {QStringLiteral("obey_robots"), s::boolean()}, {QStringLiteral("fetch_postings"), s::boolean()}},
                         {}),
               job, 202, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.createCraigslist(actorOf(c), c.body), 202); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/scraper/jobs"), Role::Viewer, tag, QStringLiteral("Scrape jobs, newest first"), {}, listSchema(job), 200,
               [&scrapes](RequestContext &) { return listOrError(scrapes.list()); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/scraper/jobs/{id}"), Role::Viewer, tag, QStringLiteral("A scrape job: status, progress, pages fetched, leads found, errors"),
               {}, job, 200, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/scraper/jobs/{id}/cancel"), Role::User, tag,
               QStringLiteral("Stop a scrape: a queued one at once, a running one after its current page"), {}, job, 200,
               [&scrapes](RequestContext &c) { return jsonOrError(scrapes.cancel(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/scraper/jobs/{id}/pause"), Role::User, tag,
               QStringLiteral("Pause a scrape: a queued one at once, a running one after the pages it is fetching (409 when it is not pending or running)"),
               {}, job, 200, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.pause(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/scraper/jobs/{id}/resume"), Role::User, tag,
               QStringLiteral("Go on with a paused, cancelled, failed or interrupted scrape from where it stopped; stored pages are not fetched again (409 when "
                              "completed or running)"),
               {}, job, 200, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.resume(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/scraper/jobs/{id}/retry-failed"), Role::User, tag,
               QStringLiteral("Fetch a scrape's failed pages again, and what their searches had left (409 when none failed or it is running)"), {}, job, 200,
               [&scrapes](RequestContext &c) { return jsonOrError(scrapes.retryFailed(c.idParam())); }, {}, {}, {}});
    const QJsonObject page = s::object({{QStringLiteral("search"), s::string()}, {QStringLiteral("page"), s::integer()}, {QStringLiteral("url"), s::string()},
                                        {QStringLiteral("status"), s::string()}, {QStringLiteral("listings"), s::integer()},
                                        {QStringLiteral("leads_added"), s::integer()}},
                                       {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/scraper/jobs/{id}/pages"), Role::Viewer, tag,
               QStringLiteral("The search pages a scrape stored or failed (search, page, url, status, listings, leads added, error)"), {}, listSchema(page), 200,
               [&scrapes](RequestContext &c) { return listOrError(scrapes.pages(c.idParam())); }, {}, {}, {}});
    const QJsonObject jobLead = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()}}, {QStringLiteral("id")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/scraper/jobs/{id}/leads"), Role::Viewer, tag,
               QStringLiteral("The leads a scrape added, newest first (up to 200): the results as they come in"), {}, listSchema(jobLead), 200,
               [&scrapes](RequestContext &c) { return listOrError(scrapes.jobLeads(c.idParam())); }, {}, {}, {}});
    const QString ai = QStringLiteral("ai");
    table.add({M::Post, QStringLiteral("/api/v1/leads/analyze-websites"), Role::User, ai,
               QStringLiteral("Analyse the websites of up to 10,000 leads as a job (202 with its id; progress on /api/v1/jobs/{id}); each lead's findings "
                              "are stored on it as analyze-website does, leads without a website are skipped"),
               s::object({{QStringLiteral("lead_ids"), s::arrayOf(s::integer())}}, {QStringLiteral("lead_ids")}),
               s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}), 202,
               [&scrapes](RequestContext &c) { return leadJob(c, [&scrapes](const leads::Actor &a, const QList<qint64> &ids) { return scrapes.enqueueAnalysis(a, ids); }); },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/verify-emails"), Role::User, tag,
               QStringLiteral("Verify the e-mail addresses of up to 10,000 leads as a job (202 with its id; the counts by verdict in its result); "
                              "each verdict stored on its lead, leads without an address skipped"),
               s::object({{QStringLiteral("lead_ids"), s::arrayOf(s::integer())}}, {QStringLiteral("lead_ids")}),
               s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}), 202,
               [&scrapes](RequestContext &c) { return leadJob(c, [&scrapes](const leads::Actor &a, const QList<qint64> &ids) { return scrapes.enqueueVerification(a, ids); }); },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/email/verify"), Role::User, tag,
               QStringLiteral("Verify e-mail addresses with no provider: syntax, the domain's mail server (MX, or its address), disposable and role "
                              "addresses; valid, risky or invalid with the reason. {email}, {emails} (up to 100) or {lead_id} (the verdict "
                              "stored on the lead)"),
               s::object({{QStringLiteral("email"), s::string(1, 320)}, {QStringLiteral("emails"), s::arrayOf(s::string(1, 320))},
                          {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("provider"), s::string(0, 20)}},
                         {}),
               s::object({{QStringLiteral("items"), s::arrayOf(s::object({{QStringLiteral("email"), s::string()}, {QStringLiteral("status"), s::string()},
                                                                          {QStringLiteral("reason"), s::string()}},
                                                                         {}, true))}},
                         {QStringLiteral("items")}),
               200,
               [&scrapes, &enrichment](RequestContext &c) {
                   // {provider: "hunter"}: Hunter's verifier (a mailbox check the built-in one does not make; cost recorded).
                   if (c.body.value(QStringLiteral("provider")).toString() == QLatin1String("hunter")) {
                       auto verdict = enrichment.verifyWithHunter(c.body.value(QStringLiteral("email")).toString());
                       return jsonOrError(verdict ? core::Result<QJsonObject>(QJsonObject{{QStringLiteral("items"), QJsonArray{*verdict}}})
                                                  : core::Result<QJsonObject>(verdict.error()));
                   }
                   return jsonOrError(scrapes.verifyEmails(actorOf(c), c.body));
               },
               {}, {}, {}});
    // Enrichment providers (Hunter.io, Apollo.io, Clearbit): the waterfall, its settings, runs.
    const QJsonObject providerSchema = s::object({{QStringLiteral("provider"), s::string()}, {QStringLiteral("enabled"), s::boolean()},
                                                  {QStringLiteral("key_set"), s::boolean()}, {QStringLiteral("cost_cents_per_call"), s::integer()}},
                                                 {QStringLiteral("provider")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/enrichment/providers"), Role::User, tag,
               QStringLiteral("Enrichment providers in waterfall order: enabled, base URL, whether a key is set (never the key), cost per call"), {},
               listSchema(providerSchema), 200, [&enrichment](RequestContext &) { return listOrError(enrichment.providers()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/enrichment/providers"), Role::Admin, tag,
               QStringLiteral("Set the waterfall order and each provider's settings: {order: [...], providers: {hunter: {enabled, base_url, "
                              "cost_cents_per_call, api_key}}} (keys go to the keychain; \"\" removes one)"),
               s::object({{QStringLiteral("order"), s::arrayOf(s::string())}, {QStringLiteral("providers"), s::object({}, {}, true)}}, {}),
               listSchema(providerSchema), 200, [&enrichment](RequestContext &c) { return listOrError(enrichment.configure(c.body)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/enrich"), Role::User, tag,
               QStringLiteral("Enrich a lead from its domain through the providers in order until it has an e-mail and a phone; fills only "
                              "what it lacks; cached answers cost nothing. What each provider did, and the cost"),
               {},
               s::object({{QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("filled"), s::object({}, {}, true)},
                          {QStringLiteral("steps"), s::arrayOf(s::object({}, {}, true))}, {QStringLiteral("cost_cents"), s::integer()}},
                         {QStringLiteral("steps")}, true),
               200, [&enrichment](RequestContext &c) { return jsonOrError(enrichment.enrichLead(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/enrich"), Role::User, tag,
               QStringLiteral("Enrich up to 10,000 leads as a job (202 with its id; counts and cost in its result)"),
               s::object({{QStringLiteral("lead_ids"), s::arrayOf(s::integer())}}, {QStringLiteral("lead_ids")}),
               s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}), 202,
               [&enrichment](RequestContext &c) { return leadJob(c, [&enrichment](const leads::Actor &a, const QList<qint64> &ids) { return enrichment.enqueue(a, ids); }); },
               {}, {}, {}});
    // Custom URL (spec 2.5): a recipe proposed for a page, previewed, saved, run as a scrape job.
    const QJsonObject anyObject = s::object({}, {}, true);
    const QJsonObject pageRequest = s::object({{QStringLiteral("url"), s::string(1, 2000)}, {QStringLiteral("html"), s::string()},
                                               {QStringLiteral("obey_robots"), s::boolean()}},
                                              {});
    table.add({M::Post, QStringLiteral("/api/v1/custom-url/analyze"), Role::User, tag,
               QStringLiteral("Propose a recipe for a page ({url}, or {html} with an optional url): the lists of similar items found, the item "
                              "selector and fields guessed, the next-page link, and a preview of the rows it reads"),
               pageRequest,
               s::object({{QStringLiteral("recipe"), s::object({}, {}, true)}, {QStringLiteral("candidates"), s::arrayOf(anyObject)},
                          {QStringLiteral("preview"), s::arrayOf(anyObject)}, {QStringLiteral("warnings"), s::arrayOf(s::string())}},
                         {QStringLiteral("candidates"), QStringLiteral("preview"), QStringLiteral("warnings")}, true),
               200, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.analyzeCustomUrl(c.body)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/custom-url/scrape"), Role::User, tag,
               QStringLiteral("Scrape with a recipe ({recipe} or {recipe_id}; start_urls replace the recipe's): 202 with the scrape job (source "
                              "custom_url; rows become leads; pause, resume, cancel and retry-failed as any scrape). {preview: true} reads the "
                              "first start page (or {html}) and answers its rows, storing nothing"),
               s::object({{QStringLiteral("recipe"), anyObject}, {QStringLiteral("recipe_id"), s::integer()}, {QStringLiteral("start_urls"), s::arrayOf(s::string(1, 2000))},
                          {QStringLiteral("preview"), s::boolean()}, {QStringLiteral("html"), s::string()}, {QStringLiteral("url"), s::string(1, 2000)}},
                         {}),
               anyObject, 202,
               [&scrapes](RequestContext &c) {
                   const bool preview = c.body.value(QStringLiteral("preview")).toBool();
                   return jsonOrError(scrapes.customUrlScrape(actorOf(c), c.body), preview ? 200 : 202);
               },
               {}, {}, {}});
    const QJsonObject recipe = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                          {QStringLiteral("recipe"), anyObject}},
                                         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("recipe")}, true);
    const QJsonObject recipeWrite = s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("description"), s::string(0, 2000)},
                                               {QStringLiteral("recipe"), anyObject}},
                                              {QStringLiteral("recipe")});
    table.add({M::Get, QStringLiteral("/api/v1/custom-url/recipes"), Role::Viewer, tag, QStringLiteral("Saved custom-URL recipes, by name"), {},
               listSchema(recipe), 200, [&scrapes](RequestContext &) { return listOrError(scrapes.listRecipes()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/custom-url/recipes"), Role::User, tag,
               QStringLiteral("Save a recipe (checked first; a mistake is named by its path, e.g. fields[2].regex; names are unique)"), recipeWrite,
               recipe, 201, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.saveRecipe(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/custom-url/recipes/{id}"), Role::Viewer, tag, QStringLiteral("A saved recipe"), {}, recipe, 200,
               [&scrapes](RequestContext &c) { return jsonOrError(scrapes.getRecipe(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/custom-url/recipes/{id}"), Role::User, tag, QStringLiteral("Replace a saved recipe"), recipeWrite, recipe,
               200, [&scrapes](RequestContext &c) { return jsonOrError(scrapes.saveRecipe(actorOf(c), c.body, c.idParam())); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/custom-url/recipes/{id}"), Role::User, tag, QStringLiteral("Delete a saved recipe"), {}, {}, 204,
               [&scrapes](RequestContext &c) { return noContentOrError(scrapes.deleteRecipe(c.idParam())); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/scraper/queue/status"), Role::Viewer, tag,
               QStringLiteral("The scraper's load: scrape jobs by status, the live ones with their progress, outbound HTTP counters"), {},
               s::object({{QStringLiteral("jobs"), s::object({}, {}, true)}, {QStringLiteral("active"), s::arrayOf(job)},
                          {QStringLiteral("http"), s::object({}, {}, true)}},
                         {}, true),
               200, [&scrapes](RequestContext &) { return jsonOrError(scrapes.queueStatus()); }, {}, {}, {}});
}

} // namespace fliptech::api
