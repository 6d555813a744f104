// Automation (issue 15): cron schedules, their runs and the tasks they can run (spec 2.4
// "Schedule page"), rules (spec 2.4 "Rules builder"), outbound webhooks (spec 3.2) and approvals
// (spec "Approvals"; their auto-approval rules are in the conversations controller) and the team's
// n8n (spec "Workflows (n8n Integration)").
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/automation/notificationservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/engine/engine.h"

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {
// ?limit= as given (the service checks its range), or `fallback` when absent or not a number.
int limitOr(RequestContext &c, int fallback)
{
    bool ok = false;
    const int limit = c.query(QStringLiteral("limit")).toInt(&ok);
    return ok ? limit : fallback;
}
} // namespace

void registerScheduleRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &schedules = engine.schedules();
    const QString tag = QStringLiteral("automation");
    const QJsonObject schedule = s::object({{QStringLiteral("id"), s::integer()},
                                            {QStringLiteral("name"), s::string()},
                                            {QStringLiteral("cron_expression"), s::string()},
                                            {QStringLiteral("timezone"), s::string()},
                                            {QStringLiteral("task_type"), s::string()},
                                            {QStringLiteral("task_config"), s::object({}, {}, true)},
                                            {QStringLiteral("is_active"), s::boolean()},
                                            {QStringLiteral("misfire_policy"), s::enumOf({QStringLiteral("run_once"), QStringLiteral("skip")})},
                                            {QStringLiteral("next_run_at"), s::nullable(s::string())},
                                            {QStringLiteral("next_runs"), s::arrayOf(s::string())}},
                                           {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("cron_expression"), QStringLiteral("timezone"),
                                            QStringLiteral("task_type")},
                                           true);
    const QJsonObject run = s::object({{QStringLiteral("id"), s::integer()},
                                       {QStringLiteral("status"), s::enumOf({QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("success"),
                                                                             QStringLiteral("failed"), QStringLiteral("skipped")})},
                                       {QStringLiteral("fired_by"), s::enumOf({QStringLiteral("schedule"), QStringLiteral("misfire"), QStringLiteral("manual")})}},
                                      {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("fired_by")}, true);
    const QJsonObject write = s::object({}, {}, true); // the service names every mistake
    const QString fields = QStringLiteral("{name, description, cron_expression (five fields or @hourly/@daily/@weekly/@monthly/@yearly), timezone (IANA, "
                                          "default UTC), task_type (GET /api/v1/schedules/task-types), task_config, is_active, misfire_policy run_once|skip}");

    table.add({M::Get, QStringLiteral("/api/v1/schedules"), Role::Viewer, tag,
               QStringLiteral("Schedules with their next runs (UTC) and the status of their last run"), {}, listSchema(schedule), 200,
               [&schedules](RequestContext &) { return listOrError(schedules.list()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/schedules"), Role::User, tag,
               QStringLiteral("Create a schedule: %1. Runs that fall in a daylight-saving gap run once at its end; in a repeated hour, once "
                              "(unless the minute or hour is a wildcard, which follows the clock)").arg(fields),
               write, schedule, 201, [&schedules](RequestContext &c) { return jsonOrError(schedules.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.setOffThread(M::Post, QStringLiteral("/api/v1/schedules")); // checking an n8n task asks n8n
    table.add({M::Get, QStringLiteral("/api/v1/schedules/task-types"), Role::Viewer, tag,
               QStringLiteral("The tasks a schedule can run here, with what each takes in task_config"), {},
               listSchema(s::object({{QStringLiteral("name"), s::string()}, {QStringLiteral("label"), s::string()}}, {QStringLiteral("name")}, true)), 200,
               [&schedules](RequestContext &) { return listResponse(schedules.taskTypes()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/schedules/preview"), Role::Viewer, tag,
               QStringLiteral("The next runs of {cron_expression, timezone (default UTC), count (1-100, default 10), from (default now)}: "
                              "{runs: [{at (UTC), local, abbreviation}]}, or what is wrong with the expression or the zone"),
               write, s::object({{QStringLiteral("runs"), s::arrayOf(s::object({{QStringLiteral("at"), s::string()}, {QStringLiteral("local"), s::string()}}, {QStringLiteral("at")}, true))}},
                                {QStringLiteral("runs")}, true),
               200, [&schedules](RequestContext &c) { return jsonOrError(schedules.preview(c.body)); }, {}, {}, {}});
    table.setScope(M::Post, QStringLiteral("/api/v1/schedules/preview"), QStringLiteral("automation:read"));
    table.add({M::Get, QStringLiteral("/api/v1/schedules/{id}"), Role::Viewer, tag, QStringLiteral("A schedule"), {}, schedule, 200,
               [&schedules](RequestContext &c) { return jsonOrError(schedules.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/schedules/{id}"), Role::User, tag,
               QStringLiteral("Change a schedule (its maker or an administrator): the fields given change, the rest stay. A new expression, zone "
                              "or a resumed schedule counts its next run from now"),
               write, schedule, 200, [&schedules](RequestContext &c) { return jsonOrError(schedules.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.setOffThread(M::Put, QStringLiteral("/api/v1/schedules/{id}"));
    table.add({M::Delete, QStringLiteral("/api/v1/schedules/{id}"), Role::User, tag, QStringLiteral("Delete a schedule and its run log (its maker or an administrator)"),
               {}, {}, 204, [&schedules](RequestContext &c) { return noContentOrError(schedules.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/schedules/{id}/run-now"), Role::User, tag,
               QStringLiteral("Run the schedule's task now (also when paused), as a job: {log_id, job_id, status}"), {},
               s::object({{QStringLiteral("log_id"), s::integer()}, {QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("log_id")}, true), 202,
               [&schedules](RequestContext &c) { return jsonOrError(schedules.runNow(actorOf(c), c.idParam()), 202); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/schedules/{id}/logs"), Role::Viewer, tag,
               QStringLiteral("The schedule's runs, newest first (?limit=, default 100): status queued|running|success|failed|skipped, fired_by "
                              "schedule|misfire|manual, due and finish times, the job, the error, what the task reported"),
               {}, listSchema(run), 200,
               [&schedules](RequestContext &c) { return listOrError(schedules.logs(c.idParam(), limitOr(c, 100))); },
               {}, {}, {}});
    table.addQueryParameter(M::Get, QStringLiteral("/api/v1/schedules/{id}/logs"), QStringLiteral("limit"), s::integer(), QStringLiteral("At most this many runs (1-1000)"));
}

void registerRuleRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &rules = engine.rules();
    const QString tag = QStringLiteral("automation");
    const QJsonObject rule = s::object({{QStringLiteral("id"), s::integer()},
                                        {QStringLiteral("name"), s::string()},
                                        {QStringLiteral("trigger"), s::string()},
                                        {QStringLiteral("logic_operator"), s::enumOf({QStringLiteral("AND"), QStringLiteral("OR")})},
                                        {QStringLiteral("actions"), s::arrayOf(s::object({{QStringLiteral("type"), s::string()}}, {QStringLiteral("type")}, true))},
                                        {QStringLiteral("priority"), s::integer()},
                                        {QStringLiteral("is_active"), s::boolean()},
                                        {QStringLiteral("stop_processing"), s::boolean()}},
                                       {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("trigger"), QStringLiteral("actions")}, true);
    const QJsonObject write = s::object({}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/rules"), Role::Viewer, tag, QStringLiteral("Rules, highest priority first"), {}, listSchema(rule), 200,
               [&rules](RequestContext &) { return listOrError(rules.list()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/rules"), Role::User, tag,
               QStringLiteral("Create a rule: {name, description, trigger (GET /api/v1/rules/catalogue), conditions (a list joined by logic_operator "
                              "AND|OR, of {all: [...]}, {any: [...]}, {not: {...}} or {field, op, value}), actions: [{type, ...settings}] in order, "
                              "priority (higher first), is_active, stop_processing}. Checked whole: each mistake names its path"),
               write, rule, 201, [&rules](RequestContext &c) { return jsonOrError(rules.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.setOffThread(M::Post, QStringLiteral("/api/v1/rules")); // checking start_workflow asks n8n
    table.add({M::Get, QStringLiteral("/api/v1/rules/catalogue"), Role::Viewer, tag,
               QStringLiteral("What rules can use here: {triggers, fields (with their operators), actions}"), {},
               s::object({{QStringLiteral("triggers"), s::arrayOf(s::object({}, {}, true))}, {QStringLiteral("actions"), s::arrayOf(s::object({}, {}, true))},
                          {QStringLiteral("fields"), s::arrayOf(s::object({}, {}, true))}},
                         {QStringLiteral("triggers"), QStringLiteral("actions"), QStringLiteral("fields")}, true),
               200,
               [&rules](RequestContext &) {
                   return jsonResponse({{QStringLiteral("triggers"), automation::RuleService::triggers()},
                                        {QStringLiteral("fields"), automation::RuleService::fields()},
                                        {QStringLiteral("actions"), rules.actionTypes()}});
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/rules/{id}"), Role::Viewer, tag, QStringLiteral("A rule"), {}, rule, 200,
               [&rules](RequestContext &c) { return jsonOrError(rules.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/rules/{id}"), Role::User, tag,
               QStringLiteral("Change a rule (its maker or an administrator): the fields given change, the rest stay"), write, rule, 200,
               [&rules](RequestContext &c) { return jsonOrError(rules.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.setOffThread(M::Put, QStringLiteral("/api/v1/rules/{id}"));
    table.add({M::Delete, QStringLiteral("/api/v1/rules/{id}"), Role::User, tag, QStringLiteral("Delete a rule and its executions (its maker or an administrator)"), {}, {},
               204, [&rules](RequestContext &c) { return noContentOrError(rules.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
    for (const auto &[path, active] : {std::pair{"enable", true}, std::pair{"disable", false}}) {
        table.add({M::Post, QStringLiteral("/api/v1/rules/{id}/") + QLatin1String(path), Role::User, tag,
                   active ? QStringLiteral("Turn the rule on: it acts on events from now on") : QStringLiteral("Turn the rule off"), {}, rule, 200,
                   [&rules, active](RequestContext &c) { return jsonOrError(rules.update(actorOf(c), c.idParam(), {{QStringLiteral("is_active"), active}})); }, {}, {}, {}});
    }
    table.add({M::Post, QStringLiteral("/api/v1/rules/{id}/test"), Role::Viewer, tag,
               QStringLiteral("A dry run, nothing written: {lead_id} or {limit: the newest N leads (default 20, at most 500)} → which match and what the "
                              "rule would do to each"),
               write,
               s::object({{QStringLiteral("evaluated"), s::integer()}, {QStringLiteral("matched"), s::integer()}, {QStringLiteral("items"), s::arrayOf(s::object({}, {}, true))}},
                         {QStringLiteral("evaluated"), QStringLiteral("matched"), QStringLiteral("items")}, true),
               200, [&rules](RequestContext &c) { return jsonOrError(rules.test(c.idParam(), c.body)); }, {}, {}, {}});
    table.setScope(M::Post, QStringLiteral("/api/v1/rules/{id}/test"), QStringLiteral("automation:read"));
    table.add({M::Get, QStringLiteral("/api/v1/rules/{id}/executions"), Role::Viewer, tag,
               QStringLiteral("What the rule did, newest first (?limit=, default 100): the lead, the event, the actions taken with their results, "
                              "or the error (a loop cut at depth 3 says so)"),
               {}, listSchema(s::object({{QStringLiteral("id"), s::integer()}}, {QStringLiteral("id")}, true)), 200,
               [&rules](RequestContext &c) { return listOrError(rules.executions(c.idParam(), limitOr(c, 100))); },
               {}, {}, {}});
}

void registerWebhookRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &hooks = engine.webhooks();
    const QString tag = QStringLiteral("automation");
    const QJsonObject hook = s::object({{QStringLiteral("id"), s::integer()},
                                        {QStringLiteral("name"), s::string()},
                                        {QStringLiteral("url"), s::string()},
                                        {QStringLiteral("events"), s::arrayOf(s::string())},
                                        {QStringLiteral("is_active"), s::boolean()},
                                        {QStringLiteral("max_failures"), s::integer()},
                                        {QStringLiteral("failure_count"), s::integer()},
                                        {QStringLiteral("disabled_reason"), s::nullable(s::string())},
                                        {QStringLiteral("secret_hint"), s::nullable(s::string())},
                                        {QStringLiteral("secret"), s::string()}},
                                       {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("events"), QStringLiteral("is_active")}, true);
    const QJsonObject log = s::object({{QStringLiteral("id"), s::integer()},
                                       {QStringLiteral("delivery_id"), s::nullable(s::integer())},
                                       {QStringLiteral("event_type"), s::string()},
                                       {QStringLiteral("attempt"), s::integer()},
                                       {QStringLiteral("response_status"), s::nullable(s::integer())},
                                       {QStringLiteral("delivery_status"), s::enumOf({QStringLiteral("pending"), QStringLiteral("sending"), QStringLiteral("delivered"),
                                                                                      QStringLiteral("failed"), QStringLiteral("test")})}},
                                      {QStringLiteral("id"), QStringLiteral("event_type"), QStringLiteral("attempt")}, true);
    const QJsonObject settings = s::object({{QStringLiteral("allow_private_networks"), s::boolean()}, {QStringLiteral("allowed_addresses"), s::arrayOf(s::string())}},
                                           {QStringLiteral("allow_private_networks"), QStringLiteral("allowed_addresses")}, true);
    const QJsonObject write = s::object({}, {}, true); // the service names every mistake

    table.add({M::Get, QStringLiteral("/api/v1/webhooks"), Role::User, tag,
               QStringLiteral("Outbound webhooks, with how their last delivery went (the secret is shown only when made)"), {}, listSchema(hook), 200,
               [&hooks](RequestContext &) { return listOrError(hooks.list()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/webhooks"), Role::User, tag,
               QStringLiteral("Add a webhook: {name, description, url (http/https; public addresses only unless an administrator allows more), events "
                              "(GET /api/v1/webhooks/events, or \"*\"), secret (16+ characters; made when left out), is_active, max_failures (failed "
                              "attempts in a row before it is turned off, default 10)}. The answer holds the secret, once. Deliveries are POSTs signed "
                              "X-FlipTech-Signature: sha256=HMAC-SHA256(secret, \"<X-FlipTech-Timestamp>.<body>\")"),
               write, hook, 201, [&hooks](RequestContext &c) { return jsonOrError(hooks.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/webhooks/events"), Role::Viewer, tag, QStringLiteral("The events a webhook may want"), {},
               listSchema(s::object({{QStringLiteral("name"), s::string()}, {QStringLiteral("description"), s::string()}}, {QStringLiteral("name")}, true)), 200,
               [](RequestContext &) { return listResponse(automation::WebhookService::eventTypes()); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/webhooks/outbound-settings"), Role::User, tag,
               QStringLiteral("What webhooks may reach: {allow_private_networks (loopback, private, link-local ranges), allowed_addresses (IPs, with or "
                              "without a port, allowed anyway)}"),
               {}, settings, 200, [&hooks](RequestContext &) { return jsonOrError(hooks.settings()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/webhooks/outbound-settings"), Role::Admin, tag,
               QStringLiteral("Change what webhooks may reach (administrators): the fields given change"), write, settings, 200,
               [&hooks](RequestContext &c) { return jsonOrError(hooks.updateSettings(actorOf(c), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/webhooks/{id}"), Role::User, tag, QStringLiteral("A webhook"), {}, hook, 200,
               [&hooks](RequestContext &c) { return jsonOrError(hooks.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/webhooks/{id}"), Role::User, tag,
               QStringLiteral("Change a webhook (its maker or an administrator): the fields given change; {rotate_secret: true} makes a new secret "
                              "(in the answer, once); turning it on again clears its failures"),
               write, hook, 200, [&hooks](RequestContext &c) { return jsonOrError(hooks.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/webhooks/{id}"), Role::User, tag,
               QStringLiteral("Delete a webhook with its deliveries and log (its maker or an administrator)"), {}, {}, 204,
               [&hooks](RequestContext &c) { return noContentOrError(hooks.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/webhooks/{id}/test"), Role::User, tag,
               QStringLiteral("Send a signed \"ping\" now (once, not retried) and answer what the receiver said: {log_id, ok, response_status, "
                              "response_body, error_message, duration_ms}"),
               {}, s::object({{QStringLiteral("log_id"), s::integer()}, {QStringLiteral("ok"), s::boolean()}}, {QStringLiteral("log_id"), QStringLiteral("ok")}, true),
               200, [&hooks](RequestContext &c) { return jsonOrError(hooks.test(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.setOffThread(M::Post, QStringLiteral("/api/v1/webhooks/{id}/test")); // waits for the receiver
    table.add({M::Get, QStringLiteral("/api/v1/webhooks/{id}/logs"), Role::User, tag,
               QStringLiteral("Every attempt, newest first (?limit=, default 100): the event, the attempt number, the answer's status and first 2 KB, "
                              "the error, the time taken, and where its delivery stands (pending|sending|delivered|failed, or test)"),
               {}, listSchema(log), 200, [&hooks](RequestContext &c) { return listOrError(hooks.logs(c.idParam(), limitOr(c, 100))); }, {}, {}, {}});
    table.addQueryParameter(M::Get, QStringLiteral("/api/v1/webhooks/{id}/logs"), QStringLiteral("limit"), s::integer(), QStringLiteral("At most this many attempts (1-1000)"));
    table.add({M::Post, QStringLiteral("/api/v1/webhook-logs/{id}/redeliver"), Role::User, tag,
               QStringLiteral("Send a logged delivery again (same body, new timestamp and signature): {delivery_id}"), {},
               s::object({{QStringLiteral("delivery_id"), s::integer()}}, {QStringLiteral("delivery_id")}, true), 202,
               [&hooks](RequestContext &c) { return jsonOrError(hooks.redeliver(actorOf(c), c.idParam()), 202); }, {}, {}, {}});
}

void registerApprovalRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &approvals = engine.approvals();
    const QString tag = QStringLiteral("approvals");
    const QJsonObject approval = s::object({{QStringLiteral("id"), s::integer()},
                                            {QStringLiteral("kind"), s::string()},
                                            {QStringLiteral("lead_id"), s::nullable(s::integer())},
                                            {QStringLiteral("title"), s::string()},
                                            {QStringLiteral("payload"), s::object({}, {}, true)},
                                            {QStringLiteral("status"), s::enumOf({QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected"),
                                                                                  QStringLiteral("expired")})},
                                            {QStringLiteral("outcome"), s::nullable(s::string())},
                                            {QStringLiteral("can_decide"), s::boolean()},
                                            {QStringLiteral("expires_at"), s::nullable(s::string())}},
                                           {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("status")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals/pending"), Role::Viewer, tag,
               QStringLiteral("What waits for a decision, oldest first (?kind=rule_action, ?limit=): the payload to review, who may decide (can_decide "
                              "for you), the deadline and the outcome it applies"),
               {}, listSchema(approval), 200,
               [&approvals](RequestContext &c) { return listOrError(approvals.pending(actorOf(c), c.query(QStringLiteral("kind")), limitOr(c, 200))); }, {}, {},
               {}});
    table.addQueryParameter(M::Get, QStringLiteral("/api/v1/workflow-approvals/pending"), QStringLiteral("kind"), s::string(),
                            QStringLiteral("Only this kind (rule_action, ai_suggestion, campaign_launch, n8n_step)"));
    auto &n8n = engine.n8n();
    table.add({M::Post, QStringLiteral("/api/v1/workflow-approvals"), Role::User, tag,
               QStringLiteral("Ask for a decision from an n8n workflow (kind n8n_step): {title, resume_url (the Wait node's {{ $execution.resumeUrl }}, on the "
                              "n8n set up here), payload? (values to review, editable by the decider), lead_id?, workflow_id?, decide_role? user|admin, "
                              "decide_user_id?, deadline_hours? 1-720, default? rejected|approved}. The decision is POSTed to resume_url: {approval_id, "
                              "decision, approved, expired, payload, note, decided_by}. 201 with the request; 200 with the same one when asked again for "
                              "that resume_url. See docs/n8n.md"),
               s::object({{QStringLiteral("title"), s::string()},
                          {QStringLiteral("resume_url"), s::string()},
                          {QStringLiteral("payload"), s::object({}, {}, true)},
                          {QStringLiteral("lead_id"), s::integer()},
                          {QStringLiteral("workflow_id"), s::string()},
                          {QStringLiteral("decide_role"), s::enumOf({QStringLiteral("user"), QStringLiteral("admin")})},
                          {QStringLiteral("decide_user_id"), s::integer()},
                          {QStringLiteral("deadline_hours"), s::integer()},
                          {QStringLiteral("default"), s::enumOf({QStringLiteral("rejected"), QStringLiteral("approved")})}},
                         {QStringLiteral("title"), QStringLiteral("resume_url")}, false),
               approval, 201,
               [&n8n](RequestContext &c) {
                   bool created = false;
                   auto made = n8n.requestApproval(actorOf(c), c.body, &created);
                   return made ? jsonResponse(*made, created ? 201 : 200) : errorResponse(made.error());
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals"), Role::Viewer, tag,
               QStringLiteral("Approvals, newest first, decided ones too (?status=pending|approved|rejected|expired, ?limit=): who decided, when, "
                              "whether an auto-approval rule did, and what the resumed work did"),
               {}, listSchema(approval), 200,
               [&approvals](RequestContext &c) { return listOrError(approvals.list(actorOf(c), c.query(QStringLiteral("status")), limitOr(c, 200))); }, {}, {},
               {}});
    table.addQueryParameter(M::Get, QStringLiteral("/api/v1/workflow-approvals"), QStringLiteral("status"), s::string(), QStringLiteral("Only this status"));
    const QJsonObject approvalSettings = s::object({{QStringLiteral("campaign_launch_over"), s::integer()}}, {QStringLiteral("campaign_launch_over")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals/settings"), Role::Viewer, tag,
               QStringLiteral("What needs a decision besides rule actions: {campaign_launch_over: a campaign launched by a non-administrator to more "
                              "recipients than this waits for an administrator (0: never)}"),
               {}, approvalSettings, 200, [&approvals](RequestContext &) { return jsonOrError(approvals.settings()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/workflow-approvals/settings"), Role::Admin, tag, QStringLiteral("Change what needs a decision (administrators)"),
               s::object({{QStringLiteral("campaign_launch_over"), s::integer()}}, {}, false), approvalSettings, 200,
               [&approvals](RequestContext &c) { return jsonOrError(approvals.updateSettings(actorOf(c), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals/{id}"), Role::Viewer, tag, QStringLiteral("An approval"), {}, approval, 200,
               [&approvals](RequestContext &c) { return jsonOrError(approvals.get(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/workflow-approvals/{id}/decide"), Role::User, tag,
               QStringLiteral("Decide: {decision: approved|rejected, note?, payload? (the reviewed payload edited before approving: for rule_action, "
                              "{actions: [...]}, checked as a rule's actions; for ai_suggestion, {response}; for n8n_step, {payload: {...}} with the "
                              "values the workflow sent; for campaign_launch, {start_at})}. The waiting work resumes (or stops) at once; a second decision is refused "
                              "(409). Only who the request names may decide (or an administrator)"),
               s::object({}, {}, true), approval, 200,
               [&approvals](RequestContext &c) { return jsonOrError(approvals.decide(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
}

void registerN8nRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &n8n = engine.n8n();
    const QString tag = QStringLiteral("automation");
    const QString base = QStringLiteral("/api/v1/n8n-webhooks");
    const QJsonObject workflow =
        s::object({{QStringLiteral("id"), s::string()},
                   {QStringLiteral("name"), s::string()},
                   {QStringLiteral("active"), s::boolean()},
                   {QStringLiteral("tags"), s::arrayOf(s::string())},
                   {QStringLiteral("node_count"), s::integer()},
                   {QStringLiteral("trigger"), s::nullable(s::object({{QStringLiteral("method"), s::string()}, {QStringLiteral("path"), s::string()}, {QStringLiteral("url"), s::string()}},
                                                                     {QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("url")}))},
                   {QStringLiteral("startable"), s::boolean()},
                   {QStringLiteral("not_startable_reason"), s::nullable(s::string())}},
                  {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("active"), QStringLiteral("trigger"), QStringLiteral("startable")}, true);
    const QJsonObject execution = s::object({{QStringLiteral("id"), s::string()},
                                             {QStringLiteral("workflow_id"), s::string()},
                                             {QStringLiteral("workflow_name"), s::nullable(s::string())},
                                             {QStringLiteral("status"), s::string()},
                                             {QStringLiteral("mode"), s::string()},
                                             {QStringLiteral("finished"), s::boolean()},
                                             {QStringLiteral("started_at"), s::nullable(s::string())},
                                             {QStringLiteral("stopped_at"), s::nullable(s::string())},
                                             {QStringLiteral("duration_ms"), s::nullable(s::integer())}},
                                            {QStringLiteral("id"), QStringLiteral("workflow_id"), QStringLiteral("status")}, true);
    const QJsonObject settings = s::object({{QStringLiteral("base_url"), s::nullable(s::string())},
                                            {QStringLiteral("base_url_source"), s::enumOf({QStringLiteral("settings"), QStringLiteral("environment"), QStringLiteral("none")})},
                                            {QStringLiteral("api_key_set"), s::boolean()},
                                            {QStringLiteral("key_source"), s::enumOf({QStringLiteral("keychain"), QStringLiteral("environment"), QStringLiteral("none")})},
                                            {QStringLiteral("configured"), s::boolean()}},
                                           {QStringLiteral("base_url"), QStringLiteral("api_key_set"), QStringLiteral("configured")}, true);
    const QString notSetUp = QStringLiteral(" (409 while n8n is not set up, 503 when it does not answer: each with what to fix)");

    table.add({M::Get, base + QStringLiteral("/settings"), Role::Viewer, tag,
               QStringLiteral("Where the team's n8n is and whether its API key is kept (never the key): from the settings, else N8N_BASE_URL and N8N_API_KEY"), {},
               settings, 200, [&n8n](RequestContext &) { return jsonOrError(n8n.settings()); }, {}, {}, {}});
    table.add({M::Put, base + QStringLiteral("/settings"), Role::Admin, tag,
               QStringLiteral("Set where n8n is (administrators): {base_url (\"\" clears), api_key (made in n8n: Settings → n8n API; kept in the OS keychain; \"\" "
                              "removes it)}"),
               s::object({{QStringLiteral("base_url"), s::string()}, {QStringLiteral("api_key"), s::string()}}, {}, false), settings, 200,
               [&n8n](RequestContext &c) { return jsonOrError(n8n.updateSettings(actorOf(c), c.body)); }, {}, {}, {}});
    table.add({M::Get, base + QStringLiteral("/workflows"), Role::Viewer, tag,
               QStringLiteral("The team's n8n workflows as n8n has them now, with the Webhook trigger that starts each from here and, when one cannot be "
                              "started, why") + notSetUp,
               {}, listSchema(workflow), 200, [&n8n](RequestContext &) { return listOrError(n8n.workflows()); }, {}, {}, {}});
    table.setOffThread(M::Get, base + QStringLiteral("/workflows")); // waits for n8n
    table.add({M::Get, base + QStringLiteral("/executions"), Role::Viewer, tag,
               QStringLiteral("Runs of the team's workflows, newest first, with status and duration (?workflow_id=, ?status=success|error|running|waiting|"
                              "canceled, ?limit= 1-250 default 50, ?cursor= the next_cursor of the page before)") + notSetUp,
               {}, s::object({{QStringLiteral("data"), s::arrayOf(execution)}, {QStringLiteral("next_cursor"), s::nullable(s::string())}}, {QStringLiteral("data"), QStringLiteral("next_cursor")}, true),
               200,
               [&n8n](RequestContext &c) {
                   return jsonOrError(n8n.executions(c.query(QStringLiteral("workflow_id")), c.query(QStringLiteral("status")), limitOr(c, 50), c.query(QStringLiteral("cursor"))));
               },
               {}, {}, {}});
    table.setOffThread(M::Get, base + QStringLiteral("/executions"));
    table.addQueryParameter(M::Get, base + QStringLiteral("/executions"), QStringLiteral("workflow_id"), s::string(), QStringLiteral("Only this workflow's runs"));
    table.addQueryParameter(M::Get, base + QStringLiteral("/executions"), QStringLiteral("status"), s::string(), QStringLiteral("Only runs with this status"));
    table.addQueryParameter(M::Get, base + QStringLiteral("/executions"), QStringLiteral("limit"), s::integer(), QStringLiteral("At most this many runs (1-250)"));
    table.addQueryParameter(M::Get, base + QStringLiteral("/executions"), QStringLiteral("cursor"), s::string(), QStringLiteral("The next page (next_cursor)"));
    const QString one = base + QStringLiteral("/workflows/{workflow}");
    table.add({M::Get, one, Role::Viewer, tag, QStringLiteral("A workflow, as n8n has it now") + notSetUp, {}, workflow, 200,
               [&n8n](RequestContext &c) { return jsonOrError(n8n.workflow(c.params.value(QStringLiteral("workflow")))); }, {}, {}, {}});
    table.setOffThread(M::Get, one);
    for (const bool on : {true, false}) {
        const QString path = one + (on ? QStringLiteral("/activate") : QStringLiteral("/deactivate"));
        table.add({M::Post, path, Role::User, tag,
                   on ? QStringLiteral("Turn a workflow on in n8n (its triggers listen): the workflow as n8n answers") + notSetUp
                      : QStringLiteral("Turn a workflow off in n8n: the workflow as n8n answers") + notSetUp,
                   {}, workflow, 200, [&n8n, on](RequestContext &c) { return jsonOrError(n8n.setActive(actorOf(c), c.params.value(QStringLiteral("workflow")), on)); },
                   {}, {}, {}});
        table.setOffThread(M::Post, path);
    }
    table.add({M::Post, one + QStringLiteral("/start"), Role::User, tag,
               QStringLiteral("Start a workflow now through its Webhook trigger with {data}: a signed \"manual\" delivery of the webhook kept for it "
                              "(GET /api/v1/webhooks/{id}/logs): {delivery_id, webhook_id, url}. 409 when it has no POST Webhook trigger or is off"),
               s::object({{QStringLiteral("data"), s::object({}, {}, true)}}, {}, false),
               s::object({{QStringLiteral("delivery_id"), s::integer()}, {QStringLiteral("webhook_id"), s::integer()}, {QStringLiteral("url"), s::string()}},
                         {QStringLiteral("delivery_id"), QStringLiteral("webhook_id")}, true),
               202,
               [&n8n](RequestContext &c) {
                   return jsonOrError(n8n.startByHand(actorOf(c), c.params.value(QStringLiteral("workflow")), c.body.value(QStringLiteral("data")).toObject()), 202);
               },
               {}, {}, {}});
}

} // namespace fliptech::api

namespace fliptech::api {

void registerNotificationRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &notices = engine.notifications();
    const QString tag = QStringLiteral("notifications");
    const QJsonObject notification =
        s::object({{QStringLiteral("id"), s::integer()},
                   {QStringLiteral("user_id"), s::nullable(s::integer())},
                   {QStringLiteral("type"), s::string()},
                   {QStringLiteral("title"), s::string()},
                   {QStringLiteral("message"), s::string()},
                   {QStringLiteral("severity"), s::enumOf({QStringLiteral("info"), QStringLiteral("success"), QStringLiteral("warning"), QStringLiteral("error")})},
                   {QStringLiteral("is_read"), s::boolean()},
                   {QStringLiteral("action_url"), s::nullable(s::string())},
                   {QStringLiteral("metadata"), s::object({}, {}, true)},
                   {QStringLiteral("created_at"), s::string()}},
                  {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("is_read")}, true);
    const QJsonObject page = s::object({{QStringLiteral("items"), s::arrayOf(notification)},
                                        {QStringLiteral("unread_count"), s::integer()},
                                        {QStringLiteral("next_before"), s::nullable(s::integer())}},
                                       {QStringLiteral("items"), QStringLiteral("unread_count")}, true);
    const QString list = QStringLiteral("/api/v1/notifications");
    table.add({M::Get, list, Role::Viewer, tag,
               QStringLiteral("Your notifications, newest first (?unread=true, ?type=, ?limit= 1-200, ?before= the next_before of the previous page), "
                              "with how many are unread. Notices to everyone (the AI budget) are listed for each user"),
               {}, page, 200,
               [&notices](RequestContext &c) {
                   automation::NotificationQuery q;
                   q.unreadOnly = c.query(QStringLiteral("unread")) == QLatin1String("true");
                   q.type = c.query(QStringLiteral("type"));
                   q.limit = limitOr(c, 50);
                   bool ok = true;
                   const QString before = c.query(QStringLiteral("before"));
                   q.beforeId = before.isEmpty() ? 0 : before.toLongLong(&ok);
                   if (!ok || q.beforeId < 0)
                       return errorResponse(core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("before must be a notification id")));
                   return jsonOrError(notices.list(actorOf(c).userId.value_or(0), q));
               },
               {}, {}, {}});
    table.addQueryParameter(M::Get, list, QStringLiteral("unread"), s::boolean(), QStringLiteral("Only unread ones"));
    table.addQueryParameter(M::Get, list, QStringLiteral("type"), s::string(), QStringLiteral("Only this type (reply, scrape, campaign, failure, rule, webhook, ai_budget)"));
    table.addQueryParameter(M::Get, list, QStringLiteral("before"), s::integer(), QStringLiteral("Ids below this one (the next page)"));
    table.add({M::Get, list + QStringLiteral("/unread-count"), Role::Viewer, tag, QStringLiteral("How many of your notifications are unread: {unread_count}"), {},
               s::object({{QStringLiteral("unread_count"), s::integer()}}, {QStringLiteral("unread_count")}, true), 200,
               [&notices](RequestContext &c) {
                   auto n = notices.unreadCount(actorOf(c).userId.value_or(0));
                   return n ? jsonResponse(QJsonObject{{QStringLiteral("unread_count"), *n}}, 200) : errorResponse(n.error());
               },
               {}, {}, {}});
    for (const auto &[path, read] : {std::pair{"read", true}, std::pair{"unread", false}}) {
        table.add({M::Put, list + QStringLiteral("/{id}/") + QLatin1String(path), Role::Viewer, tag,
                   read ? QStringLiteral("Mark a notification read (announced as notification_read on /ws/notifications)")
                        : QStringLiteral("Mark a notification unread again"),
                   {}, notification, 200,
                   [&notices, read](RequestContext &c) { return jsonOrError(notices.markRead(actorOf(c).userId.value_or(0), c.idParam(), read)); }, {}, {}, {}});
    }
    table.add({M::Put, list + QStringLiteral("/read-all"), Role::Viewer, tag, QStringLiteral("Mark all your notifications read: {marked}"), {},
               s::object({{QStringLiteral("marked"), s::integer()}}, {QStringLiteral("marked")}, true), 200,
               [&notices](RequestContext &c) {
                   auto n = notices.markAllRead(actorOf(c).userId.value_or(0));
                   return n ? jsonResponse(QJsonObject{{QStringLiteral("marked"), *n}}, 200) : errorResponse(n.error());
               },
               {}, {}, {}});
    table.add({M::Delete, list + QStringLiteral("/{id}"), Role::Viewer, tag, QStringLiteral("Delete one of your notifications (a notice to everyone can only be read)"), {},
               {}, 204, [&notices](RequestContext &c) { return noContentOrError(notices.remove(actorOf(c).userId.value_or(0), c.idParam())); }, {}, {}, {}});
    const QJsonObject prefs = s::object({{QStringLiteral("in_app_enabled"), s::boolean()},
                                         {QStringLiteral("types"), s::object({}, {}, true)},
                                         {QStringLiteral("catalogue"), s::arrayOf(s::object({{QStringLiteral("type"), s::string()}, {QStringLiteral("label"), s::string()}},
                                                                                          {QStringLiteral("type")}, true))},
                                         {QStringLiteral("updated_at"), s::nullable(s::string())}},
                                        {QStringLiteral("in_app_enabled"), QStringLiteral("types")}, true);
    table.add({M::Get, list + QStringLiteral("/preferences"), Role::Viewer, tag,
               QStringLiteral("Your notification preferences: in_app_enabled, and types {reply: true, ...} with every type; catalogue says what each is"), {},
               prefs, 200, [&notices](RequestContext &c) { return jsonOrError(notices.preferences(actorOf(c).userId.value_or(0))); }, {}, {}, {}});
    table.add({M::Put, list + QStringLiteral("/preferences"), Role::Viewer, tag,
               QStringLiteral("Change your preferences: {in_app_enabled?, types? {type: true|false}}; a type turned off makes no notices of it"),
               s::object({{QStringLiteral("in_app_enabled"), s::boolean()}, {QStringLiteral("types"), s::object({}, {}, true)}}, {}, false), prefs, 200,
               [&notices](RequestContext &c) { return jsonOrError(notices.setPreferences(actorOf(c).userId.value_or(0), c.body)); }, {}, {}, {}});
}

} // namespace fliptech::api
