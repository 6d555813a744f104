// Revenue, costs and ROI (issue 13, spec 2.2): a lead marked converted or lost, the deal
// pipeline, the revenue dashboard, by source and over time, costs entered by hand and broken
// down, and ROI by source, campaign and location. Every figure takes ?from= &to= (ISO dates,
// whole days in ?tz=, or date-times), ?tz= (IANA), ?source=, ?campaign_id=,
// ?location_group_id=, ?user_id=. The service is analytics::RevenueService, shared with the
// desktop's dashboard. Usage (spec "Usage Tracking"): /usage/current, /usage/limits, /usage/history
// through analytics::UsageService.
#include "fliptech/analytics/reportexport.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/analytics/usageservice.h"
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"

#include <QUrlQuery>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {
QHash<QString, QString> queryOf(const RequestContext &c)
{
    QHash<QString, QString> out;
    const QUrlQuery query(c.url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        out.insert(key, value);
    return out;
}

const QString kFilters = QStringLiteral(" ?from=&to= (ISO dates: whole days in ?tz=; or date-times; default the last 30 days), ?tz= (IANA), ?source=, "
                                        "?campaign_id=, ?location_group_id=, ?user_id=. Money in integer cents (USD).");

// A figure of the query: parsed, computed, or the parameter to fix.
template <typename F>
QHttpServerResponse figure(engine::Engine &engine, RequestContext &c, F compute)
{
    auto q = analytics::Query::parse(queryOf(c), engine.clock().now());
    if (!q)
        return errorResponse(q.error());
    return jsonOrError(compute(*q));
}
} // namespace

void registerRevenueRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &revenue = engine.revenue();
    const QString tag = QStringLiteral("revenue");
    const QJsonObject any = s::object({}, {}, true);
    const QJsonObject items = s::object({{QStringLiteral("items"), s::arrayOf(any)}}, {QStringLiteral("items")}, true);
    const QJsonObject stage = s::object({{QStringLiteral("key"), s::string()}, {QStringLiteral("name"), s::string()}, {QStringLiteral("probability"), s::integer()},
                                         {QStringLiteral("kind"), s::string()}},
                                        {QStringLiteral("key"), QStringLiteral("probability"), QStringLiteral("kind")}, true);

    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/mark-converted"), Role::User, tag,
               QStringLiteral("Record a won deal: {amount (\"1250.50\") | amount_cents, currency?, date?, stage? (the won stage), notes?} → {conversion, lead}; "
                              "the lead's status becomes won and its revenue the sum of its conversions"),
               s::object({{QStringLiteral("amount"), s::string(1, 20)}, {QStringLiteral("amount_cents"), s::integer()}, {QStringLiteral("currency"), s::string(3, 3)},
                          {QStringLiteral("date"), s::string(10, 40)}, {QStringLiteral("stage"), s::string(1, 50)}, {QStringLiteral("notes"), s::string(0, 5000)}}),
               s::object({{QStringLiteral("conversion"), any}, {QStringLiteral("lead"), any}}, {QStringLiteral("conversion"), QStringLiteral("lead")}, true), 201,
               [&revenue](RequestContext &c) { return jsonOrError(revenue.markConverted(actorOf(c), c.idParam(), c.body), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/mark-lost"), Role::User, tag,
               QStringLiteral("Record a lost deal: {reason}; the lead's status and stage become lost"), s::object({{QStringLiteral("reason"), s::string(1, 1000)}}, {QStringLiteral("reason")}),
               any, 200, [&revenue](RequestContext &c) { return jsonOrError(revenue.markLost(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/pipeline"), Role::Viewer, tag, QStringLiteral("The deal stages in order, each with its probability and kind"), {},
               s::object({{QStringLiteral("items"), s::arrayOf(stage)}}, {QStringLiteral("items")}, true), 200,
               [&revenue](RequestContext &) {
                   auto p = revenue.pipeline();
                   return p ? jsonResponse({{QStringLiteral("items"), *p}}) : errorResponse(p.error());
               },
               {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/revenue/pipeline"), Role::Admin, tag,
               QStringLiteral("Replace the pipeline: {stages: [{key, name, probability 0-100, kind open|won|lost}]}, one won and one lost stage; a stage leads "
                              "still use cannot be left out (409)"),
               s::object({{QStringLiteral("stages"), s::arrayOf(any)}}, {QStringLiteral("stages")}), s::object({{QStringLiteral("items"), s::arrayOf(stage)}}, {QStringLiteral("items")}, true),
               200,
               [&revenue](RequestContext &c) {
                   auto p = revenue.setPipeline(c.body);
                   return p ? jsonResponse({{QStringLiteral("items"), *p}}) : errorResponse(p.error());
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/board"), Role::Viewer, tag,
               QStringLiteral("The pipeline board now: every stage with its deals' count, value and weighted value, and its leads (?per_stage= 1-500, "
                              "default 100: open stages the largest deals first, won and lost the latest). The filters apply; the period does not."),
               {}, any, 200,
               [&engine, &revenue](RequestContext &c) {
                   bool ok = true;
                   const int perStage = c.query(QStringLiteral("per_stage")).isEmpty() ? 100 : c.query(QStringLiteral("per_stage")).toInt(&ok);
                   if (!ok || perStage < 1 || perStage > 500)
                       return errorResponse(core::fieldError(QStringLiteral("per_stage"), QStringLiteral("must be a whole number from 1 to 500")));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.board(q, perStage); });
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/revenue/board/move"), Role::User, tag,
               QStringLiteral("Move a lead on the board: {lead_id, stage, amount | amount_cents (into the won stage), date?, notes?, reason (into the lost "
                              "stage)} → the lead. Won records a conversion; lost records the reason."),
               s::object({{QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("stage"), s::string(1, 50)}, {QStringLiteral("amount"), s::string(1, 20)},
                          {QStringLiteral("amount_cents"), s::integer()}, {QStringLiteral("date"), s::string(10, 40)}, {QStringLiteral("notes"), s::string(0, 5000)},
                          {QStringLiteral("reason"), s::string(1, 1000)}},
                         {QStringLiteral("lead_id"), QStringLiteral("stage")}),
               any, 200,
               [&revenue](RequestContext &c) {
                   QJsonObject details = c.body;
                   const qint64 leadId = details.take(QStringLiteral("lead_id")).toInteger();
                   const QString stage = details.take(QStringLiteral("stage")).toString();
                   return jsonOrError(revenue.moveDeal(actorOf(c), leadId, stage, details));
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/dashboard"), Role::Viewer, tag,
               QStringLiteral("Revenue of the period and its change against the period before, conversions, average deal, leads created and the share "
                              "converted, open deals with the pipeline's value (weighted by stage probability), spend, profit and ROI.") +
                   kFilters,
               {}, any, 200, [&engine, &revenue](RequestContext &c) { return figure(engine, c, [&](const analytics::Query &q) { return revenue.dashboard(q); }); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/by-source"), Role::Viewer, tag,
               QStringLiteral("Revenue, conversions, leads, cost and ROI per lead source, the most revenue first.") + kFilters, {}, items, 200,
               [&engine, &revenue](RequestContext &c) { return figure(engine, c, [&](const analytics::Query &q) { return revenue.bySource(q); }); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/trends"), Role::Viewer, tag,
               QStringLiteral("Revenue and conversions per ?bucket=day|week|month (local midnights of ?tz=, weeks from Monday), every bucket of the period.") + kFilters,
               {}, items, 200,
               [&engine, &revenue](RequestContext &c) {
                   const QString bucket = c.query(QStringLiteral("bucket"));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.trends(q, bucket); });
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/revenue/forecast"), Role::Viewer, tag,
               QStringLiteral("The open pipeline weighted by stage probability, by expected close month (overdue and undated apart), and a projection of "
                              "closed revenue for the next ?months= (1-24, default 6) from the last ?history_months= complete months (3-120, default 24): "
                              "a least-squares line (plus month-of-year effects from 24 months) with a 95 % prediction interval; `method` and `fit` say "
                              "which and how well it fits. ?tz= and the filters apply."),
               {}, any, 200,
               [&engine, &revenue](RequestContext &c) {
                   bool okMonths = true, okHistory = true;
                   const int months = c.query(QStringLiteral("months")).isEmpty() ? 6 : c.query(QStringLiteral("months")).toInt(&okMonths);
                   const int history = c.query(QStringLiteral("history_months")).isEmpty() ? 24 : c.query(QStringLiteral("history_months")).toInt(&okHistory);
                   if (!okMonths)
                       return errorResponse(core::fieldError(QStringLiteral("months"), QStringLiteral("must be a whole number from 1 to 24")));
                   if (!okHistory)
                       return errorResponse(core::fieldError(QStringLiteral("history_months"), QStringLiteral("must be a whole number from 3 to 120")));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.forecast(q, history, months); });
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/analytics/lead-funnel"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("The leads that came in during the period through scraped → enriched → contacted → replied → qualified → won: how many reached "
                              "each stage (or a later one), the rate from the stage before and from the start, and the median hours from the stage before "
                              "(over the leads with both times; `timed` says how many).") +
                   kFilters,
               {}, any, 200, [&engine, &revenue](RequestContext &c) { return figure(engine, c, [&](const analytics::Query &q) { return revenue.leadFunnel(q); }); }, {},
               {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/analytics/trends"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("Per ?bucket=day|week|month: leads that came in, campaign e-mails sent to them, conversions, revenue and costs.") + kFilters, {},
               items, 200,
               [&engine, &revenue](RequestContext &c) {
                   const QString bucket = c.query(QStringLiteral("bucket"));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.activityTrends(q, bucket); });
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/analytics/dashboard"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("The overview: leads that came in (and the change against the period before), campaign e-mails sent with their open, "
                              "click, reply and bounce rates, replies received, the revenue dashboard, and the top five sources and templates.") +
                   kFilters,
               {}, any, 200, [&engine, &revenue](RequestContext &c) { return figure(engine, c, [&](const analytics::Query &q) { return revenue.analyticsDashboard(q); }); },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/analytics/templates/performance"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("Per template, the campaign e-mails sent in the period: sent, opened, clicked, replied, bounced and their rates, the leads "
                              "reached and how many converted after the e-mail; the most sent first, and the overall line. ?campaign_id= keeps that "
                              "campaign's e-mails.") +
                   kFilters,
               {}, items, 200,
               [&engine, &revenue](RequestContext &c) { return figure(engine, c, [&](const analytics::Query &q) { return revenue.templatePerformance(q); }); }, {}, {},
               {}});
    auto &reports = engine.reports();
    table.add({M::Post, QStringLiteral("/api/v1/exports/analytics"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("Write the analytics of a period as a file, as a job: {format: csv|json|pdf, from?, to?, tz?, source?, campaign_id?, "
                              "location_group_id?, user_id?, bucket?: day|week|month} → 202 {job_id, status_url}; the job's result holds "
                              "file.download_url. CSV: a table per section; JSON: every figure; PDF: KPI cards and charts."),
               s::object({{QStringLiteral("format"), s::string(3, 4)}, {QStringLiteral("from"), s::string(10, 40)}, {QStringLiteral("to"), s::string(10, 40)},
                          {QStringLiteral("tz"), s::string(1, 64)}, {QStringLiteral("source"), s::string(0, 50)}, {QStringLiteral("campaign_id"), s::integer()},
                          {QStringLiteral("location_group_id"), s::integer()}, {QStringLiteral("user_id"), s::integer()}, {QStringLiteral("bucket"), s::string(3, 5)}},
                         {QStringLiteral("format")}),
               s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}, true), 202,
               [&reports](RequestContext &c) { return jsonOrError(reports.enqueue(actorOf(c), c.body), 202); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/analytics/drill-down"), Role::Viewer, QStringLiteral("analytics"),
               QStringLiteral("The leads behind a figure, to list them (GET /leads?filter=<the answer's filter>): ?figure=revenue (leads with a conversion "
                              "in the period), leads (created in it), costs (the leads its costs belong to) — one bar with ?group_by=source|campaign|"
                              "location (costs: also cost_type) and ?key= — or funnel with ?key=<stage>. {count, lead_ids (at most 10,000), truncated, "
                              "filter}.") +
                   kFilters,
               {}, any, 200,
               [&engine, &revenue](RequestContext &c) {
                   const QString figureName = c.query(QStringLiteral("figure")), groupBy = c.query(QStringLiteral("group_by")), key = c.query(QStringLiteral("key"));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.drillDown(q, figureName, groupBy, key); });
               },
               {}, {}, {}});
    // The spec's per-source and per-location pages: ROI grouped that way.
    for (const auto &[path, group] : {std::pair{"/api/v1/analytics/sources", "source"}, std::pair{"/api/v1/analytics/locations/performance", "location"}})
        table.add({M::Get, QLatin1String(path), Role::Viewer, QStringLiteral("analytics"),
                   QStringLiteral("Leads, conversions, revenue, cost, ROI, cost per lead and per conversion per %1 (as /roi/calculate?group_by=%1).").arg(QLatin1String(group)) +
                       kFilters,
                   {}, items, 200,
                   [&engine, &revenue, group = QString::fromLatin1(group)](RequestContext &c) {
                       return figure(engine, c, [&](const analytics::Query &q) { return revenue.roi(q, group); });
                   },
                   {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/costs"), Role::User, tag,
               QStringLiteral("Record a cost by hand: {amount | amount_cents, description, cost_type? (operating, advertising, software, contractor, scraping, "
                              "enrichment, email, other), date?, source?, campaign_id?}"),
               s::object({{QStringLiteral("amount"), s::string(1, 20)}, {QStringLiteral("amount_cents"), s::integer()}, {QStringLiteral("description"), s::string(1, 500)},
                          {QStringLiteral("cost_type"), s::string(1, 30)}, {QStringLiteral("date"), s::string(10, 40)}, {QStringLiteral("source"), s::string(0, 50)},
                          {QStringLiteral("campaign_id"), s::integer()}, {QStringLiteral("currency"), s::string(3, 3)}},
                         {QStringLiteral("description")}),
               any, 201, [&revenue](RequestContext &c) { return jsonOrError(revenue.addCost(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/costs"), Role::Viewer, tag,
               QStringLiteral("The period's costs, newest first (?limit= at most 1000), with their total and count.") + kFilters, {}, items, 200,
               [&engine, &revenue](RequestContext &c) {
                   const int limit = c.query(QStringLiteral("limit")).isEmpty() ? 100 : c.query(QStringLiteral("limit")).toInt();
                   if (limit < 1)
                       return errorResponse(core::fieldError(QStringLiteral("limit"), QStringLiteral("must be a positive whole number")));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.costs(q, limit); });
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/costs/breakdown"), Role::Viewer, tag,
               QStringLiteral("Costs per ?group_by=cost_type|source|campaign|period (with ?bucket=day|week|month), with the total.") + kFilters, {}, items, 200,
               [&engine, &revenue](RequestContext &c) {
                   const QString groupBy = c.query(QStringLiteral("group_by")), bucket = c.query(QStringLiteral("bucket"));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.costBreakdown(q, groupBy, bucket); });
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/roi/calculate"), Role::Viewer, QStringLiteral("roi"),
               QStringLiteral("ROI per ?group_by=overall|source|campaign|location: revenue, cost, profit, ROI %, leads, conversions, cost per lead and per "
                              "conversion, and the overall line.") +
                   kFilters,
               {}, items, 200,
               [&engine, &revenue](RequestContext &c) {
                   const QString groupBy = c.query(QStringLiteral("group_by"));
                   return figure(engine, c, [&](const analytics::Query &q) { return revenue.roi(q, groupBy); });
               },
               {}, {}, {}});
}

void registerUsageRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &usage = engine.usage();
    const QString tag = QStringLiteral("usage");
    const QJsonObject any = s::object({}, {}, true);
    const QString metrics = analytics::UsageService::metrics().join(QStringLiteral(", "));
    const QString limited = analytics::UsageService::limitedMetrics().join(QStringLiteral(", "));
    table.add({M::Get, QStringLiteral("/api/v1/usage/current"), Role::Viewer, tag,
               QStringLiteral("Today's and this month's use (in the usage time zone) of %1, with the limits that apply and what is left of them").arg(metrics), {},
               s::object({{QStringLiteral("items"), s::arrayOf(any)}, {QStringLiteral("time_zone"), s::string()}}, {QStringLiteral("items"), QStringLiteral("time_zone")}, true),
               200, [&usage](RequestContext &) { return jsonOrError(usage.current()); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/usage/limits"), Role::Viewer, tag,
               QStringLiteral("The daily and monthly limits on %1 (null: none), the usage time zone, and the AI spend budgets (set in the AI settings)").arg(limited), {},
               s::object({{QStringLiteral("items"), s::arrayOf(any)}}, {QStringLiteral("items")}, true), 200,
               [&usage](RequestContext &) { return jsonOrError(usage.limits()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/usage/limits"), Role::Admin, tag,
               QStringLiteral("Set limits: {limits: {metric: {daily_limit?, monthly_limit?}}, time_zone?} (whole numbers, null for none; metrics: %1). "
                              "Those given change, the rest stay. Where a limit is reached a scrape pauses, an enrichment or AI request answers 429 "
                              "with the limit named, and campaign e-mails wait until it resets.")
                   .arg(limited),
               s::object({{QStringLiteral("limits"), any}, {QStringLiteral("time_zone"), s::string(1, 64)}}),
               s::object({{QStringLiteral("items"), s::arrayOf(any)}}, {QStringLiteral("items")}, true), 200,
               [&usage](RequestContext &c) { return jsonOrError(usage.setLimits(actorOf(c), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/usage/history"), Role::Viewer, tag,
               QStringLiteral("Use per day of ?from=&to= (ISO dates or date-times; default the last 30 days; at most 400 days) in ?tz= (default the usage "
                              "time zone), every day listed; ?metric= keeps one of %1").arg(metrics),
               {}, s::object({{QStringLiteral("days"), s::arrayOf(any)}, {QStringLiteral("totals"), any}}, {QStringLiteral("days"), QStringLiteral("totals")}, true), 200,
               [&engine, &usage](RequestContext &c) {
                   QHash<QString, QString> params = queryOf(c);
                   if (params.value(QStringLiteral("tz")).isEmpty()) {
                       auto zone = usage.timeZone();
                       if (!zone)
                           return errorResponse(zone.error());
                       params.insert(QStringLiteral("tz"), QString::fromUtf8(zone->id()));
                   }
                   auto q = analytics::Query::parse(params, engine.clock().now());
                   if (!q)
                       return errorResponse(q.error());
                   return jsonOrError(usage.history(q->from, q->to, q->zone, c.query(QStringLiteral("metric"))));
               },
               {}, {}, {}});
}

} // namespace fliptech::api
