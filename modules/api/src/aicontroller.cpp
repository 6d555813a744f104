// AI (issue 12, spec "AI Features (Basic)"): the website analysis with an AI summary and pitch
// angles, the email writer (drafts), the performance of each model, and the provider's settings,
// price table and prompts. The service is ai::AiService, shared with the desktop.
#include "fliptech/ai/aiservice.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/scraper/scrapeservice.h"

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {
// ?from= / ?to= as ISO 8601 (a date is the whole day, UTC; or a date-time); the default range is
// the last 30 days. The same reading as every analytics figure's.
core::Result<QPair<QDateTime, QDateTime>> range(const RequestContext &c, const QDateTime &now)
{
    auto q = analytics::Query::parse({{QStringLiteral("from"), c.query(QStringLiteral("from"))}, {QStringLiteral("to"), c.query(QStringLiteral("to"))}}, now);
    if (!q)
        return q.error();
    return qMakePair(q->from, q->to);
}
} // namespace

void registerAiRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &ai = engine.ai();
    auto &scrapes = engine.scrapes();
    auto &leadService = engine.leads();
    const QString tag = QStringLiteral("ai");
    const QJsonObject any = s::object({}, {}, true);

    table.add({M::Post, QStringLiteral("/api/v1/ai-mvp/analyze-website"), Role::User, tag,
               QStringLiteral("Analyse a website ({url}) or a lead's ({lead_id}, findings stored on the lead): reachable, HTTPS and certificate, "
                              "redirects, time to first byte, load time, weight, mobile viewport, title and description, copyright year, CMS and "
                              "technology, contacts, social links, broken links, a prospect score 0-100 with its reasons, and `ai`: a summary and "
                              "pitch angles from the analysis model (the offline writer's when no provider is set or reachable, with a notice). "
                              "{summary: false} skips the summary."),
               s::object({{QStringLiteral("url"), s::string(1, 2000)}, {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("summary"), s::boolean()}}, {}),
               s::object({{QStringLiteral("url"), s::string()}, {QStringLiteral("reachable"), s::boolean()},
                          {QStringLiteral("prospect"), s::object({}, {}, true)},
                          {QStringLiteral("ai"), s::object({{QStringLiteral("summary"), s::string()}, {QStringLiteral("pitch_angles"), s::arrayOf(any)},
                                                            {QStringLiteral("writer"), s::string()}},
                                                           {QStringLiteral("summary"), QStringLiteral("writer")}, true)}},
                         {}, true),
               200,
               [&ai, &scrapes, &leadService](RequestContext &c) {
                   QJsonObject request = c.body;
                   const bool summary = request.take(QStringLiteral("summary")).toBool(true);
                   auto analysis = scrapes.analyzeWebsite(actorOf(c), request);
                   if (!analysis || !summary)
                       return jsonOrError(analysis);
                   QJsonObject lead;
                   if (const qint64 id = request.value(QStringLiteral("lead_id")).toInteger(); id > 0) {
                       auto l = leadService.get(id);
                       if (!l)
                           return jsonOrError(l.error());
                       lead = *l;
                   }
                   auto pitch = ai.pitch(actorOf(c), lead, *analysis);
                   if (!pitch) {
                       // The analysis stands (and is stored); the summary's failure is told beside it.
                       analysis->insert(QStringLiteral("ai_error"), QJsonObject{{QStringLiteral("code"), core::errorCodeName(pitch.error().code)},
                                                                                {QStringLiteral("message"), pitch.error().message}});
                       return jsonOrError(analysis);
                   }
                   analysis->insert(QStringLiteral("ai"), *pitch);
                   return jsonOrError(analysis);
               },
               {}, {}, {}});

    const QJsonObject draft = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("subject"), s::string()},
                                         {QStringLiteral("body"), s::string()}, {QStringLiteral("writer"), s::string()}, {QStringLiteral("status"), s::string()}},
                                        {QStringLiteral("id"), QStringLiteral("lead_id"), QStringLiteral("subject"), QStringLiteral("body"), QStringLiteral("writer")}, true);
    table.add({M::Post, QStringLiteral("/api/v1/ai-mvp/generate-email"), Role::User, tag,
               QStringLiteral("Write an email to a lead: {lead_id, goal: introduce|follow_up|meeting|proposal, tone: friendly|professional|direct, "
                              "sender_name?, writer?: ai|offline} -> a stored draft {id, subject, body, writer, model, cost_usd, notice?}. With no "
                              "provider key, or the provider unreachable or rate-limited, the offline writer drafts from the website analysis and the "
                              "notice says so; a call that would pass an AI budget is 403 (details.reason ai_budget)."),
               s::object({{QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("goal"), s::string(1, 40)}, {QStringLiteral("tone"), s::string(1, 40)},
                          {QStringLiteral("sender_name"), s::string(0, 100)}, {QStringLiteral("writer"), s::string(1, 20)}},
                         {QStringLiteral("lead_id")}),
               draft, 201, [&ai](RequestContext &c) { return jsonOrError(ai.generateEmail(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/ai-mvp/drafts/{id}"), Role::Viewer, tag, QStringLiteral("A draft the writer stored"), {}, draft, 200,
               [&ai](RequestContext &c) { return jsonOrError(ai.draft(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/ai-mvp/drafts/{id}"), Role::User, tag,
               QStringLiteral("The draft as edited before sending ({subject, body}; status: discarded to drop it). Edits are counted in the "
                              "acceptance rate of /ai-mvp/performance."),
               s::object({{QStringLiteral("subject"), s::string(0, 300)}, {QStringLiteral("body"), s::string(0, 100000)}, {QStringLiteral("status"), s::string(1, 20)}}, {}),
               draft, 200, [&ai](RequestContext &c) { return jsonOrError(ai.updateDraft(c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/ai-mvp/performance"), Role::Viewer, tag,
               QStringLiteral("Per model over ?from=&to= (ISO dates; the last 30 days by default): calls, ok, failed, refused, latency p50/p95, "
                              "cost, drafts, drafts sent, acceptance rate (sent unedited or edited, of drafts), replies and reply rate of the "
                              "emails it wrote, suggestions approved and rejected"),
               {}, s::object({{QStringLiteral("models"), s::arrayOf(any)}}, {QStringLiteral("models")}, true), 200,
               [&ai, &engine](RequestContext &c) {
                   auto r = range(c, engine.clock().now());
                   if (!r)
                       return jsonOrError(r.error());
                   return jsonOrError(ai.performance(r->first, r->second));
               },
               {}, {}, {}});
    for (const char *name : {"from", "to"})
        table.addQueryParameter(M::Get, QStringLiteral("/api/v1/ai-mvp/performance"), QString::fromLatin1(name), s::string(),
                                QStringLiteral("ISO 8601 date or date-time"));

    const QJsonObject settings = s::object({{QStringLiteral("base_url"), s::string()}, {QStringLiteral("models"), any}, {QStringLiteral("api_key_set"), s::boolean()}},
                                           {QStringLiteral("base_url"), QStringLiteral("models"), QStringLiteral("api_key_set")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/ai/settings"), Role::Viewer, tag,
               QStringLiteral("The provider (base URL, whether a key is set and where from: keychain or OPENROUTER_API_KEY; never the key), "
                              "the model of each task, temperature, max tokens, timeout, the daily and monthly budgets and what is spent"),
               {}, settings, 200, [&ai](RequestContext &c) { Q_UNUSED(c) return jsonOrError(ai.settings()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/ai/settings"), Role::Admin, tag,
               QStringLiteral("Change any of: base_url, models: {analysis, writing, replies, sentiment}, temperature (0-2), max_tokens, timeout_ms, "
                              "daily_budget_cents, monthly_budget_cents (null: none), budget_time_zone, api_key (stored in the keychain; \"\" removes it)"),
               any, settings, 200, [&ai](RequestContext &c) { return jsonOrError(ai.setSettings(c.body)); }, {}, {}, {}});

    const QJsonObject price = s::object({{QStringLiteral("model"), s::string()}, {QStringLiteral("prompt_per_million"), s::string()},
                                         {QStringLiteral("completion_per_million"), s::string()}},
                                        {QStringLiteral("model")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/ai/prices"), Role::Viewer, tag,
               QStringLiteral("The price table: USD per million prompt and completion tokens, and per request, by model"), {}, listSchema(price), 200,
               [&ai](RequestContext &c) { Q_UNUSED(c) return listOrError(ai.prices()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/ai/prices"), Role::Admin, tag,
               QStringLiteral("Set prices {prices: [{model, prompt_per_million, completion_per_million, request_usd?}] (decimal strings or numbers, "
                              "USD), remove: [model]}; the whole table back"),
               s::object({{QStringLiteral("prices"), s::arrayOf(any)}, {QStringLiteral("remove"), s::arrayOf(s::string())}}, {}), listSchema(price), 200,
               [&ai](RequestContext &c) { return listOrError(ai.setPrices(c.body)); }, {}, {}, {}});

    const QJsonObject prompt = s::object({{QStringLiteral("key"), s::string()}, {QStringLiteral("version"), s::integer()}, {QStringLiteral("system_prompt"), s::string()},
                                          {QStringLiteral("user_prompt"), s::string()}},
                                         {QStringLiteral("key"), QStringLiteral("system_prompt"), QStringLiteral("user_prompt")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/ai/prompts"), Role::Viewer, tag,
               QStringLiteral("The prompts in use (the newest version of each; version 0 is the default shipped with the product)"), {}, listSchema(prompt),
               200, [&ai](RequestContext &c) { Q_UNUSED(c) return listOrError(ai.prompts()); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/ai/prompts/{key}"), Role::Viewer, tag, QStringLiteral("Every version of one prompt, newest first"), {},
               listSchema(prompt), 200, [&ai](RequestContext &c) { return listOrError(ai.promptVersions(c.params.value(QStringLiteral("key")))); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/ai/prompts/{key}"), Role::Admin, tag,
               QStringLiteral("A new version of a prompt {system_prompt, user_prompt, note?} (the older ones kept); only the prompt's own "
                              "{{variables}} may appear"),
               s::object({{QStringLiteral("system_prompt"), s::string(1, 20000)}, {QStringLiteral("user_prompt"), s::string(1, 20000)},
                          {QStringLiteral("note"), s::string(0, 500)}},
                         {QStringLiteral("system_prompt"), QStringLiteral("user_prompt")}),
               prompt, 201,
               [&ai](RequestContext &c) { return jsonOrError(ai.savePrompt(actorOf(c), c.params.value(QStringLiteral("key")), c.body), 201); }, {}, {}, {}});
}

} // namespace fliptech::api
