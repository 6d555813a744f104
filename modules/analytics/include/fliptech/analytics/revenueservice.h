#pragma once
// RevenueService (issue 13, spec 2.2): deals and what they bring. The pipeline the team sets
// (stages with a probability and a kind: open, won, lost), conversions (a won deal: amount,
// date, stage, notes → a `conversions` row, the lead updated), lost deals (with the reason),
// costs (recorded by scraping, enrichment, AI and e-mail, and entered by hand: operating), and
// the figures built on them: the revenue dashboard, revenue by source, trends in day/week/month
// buckets of the user's time zone, the cost breakdown and ROI by source, campaign and location.
//
// Money is integer cents end to end (sums in SQL over BIGINT cents, never a float); rates and
// ROI are ratios computed from those integers. Every figure takes a period ([from, to) in a
// time zone) and filters by lead source, campaign, location group and assigned user where they
// apply. Shared by the API (/revenue, /costs, /roi, /leads/{id}/mark-converted|mark-lost) and
// the desktop's dashboard.

#include "fliptech/analytics/factstore.h"
#include "fliptech/analytics/query.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
}
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::analytics {

class RevenueService final
{
public:
    RevenueService(std::shared_ptr<storage::Database> db, leads::LeadService &leads, const core::Clock &clock);
    ~RevenueService();

    // The figures come from the facts held in memory (factstore.h), kept current from the
    // change log; with `raw` (or FLIPTECH_ANALYTICS_RAW=1) from SQL over the tables, the
    // reference the tests compare them with.
    void setRawQueries(bool raw) { m_raw = raw; }
    bool rawQueries() const { return m_raw; }
    FactStore &facts() { return *m_facts; }

    // [{key, name, probability, kind, position}] in order.
    core::Result<QJsonArray> pipeline();
    // {stages: [{key, name, probability (0-100), kind (open|won|lost)}]}: the whole pipeline in
    // order; one won and one lost stage; a stage that leads still use cannot go.
    core::Result<QJsonArray> setPipeline(const QJsonObject &request);

    // {amount ("1234.56") | amount_cents, currency?, date?, stage? (the won stage), notes?}:
    // a conversions row, and the lead won (deal_stage, status "won", revenue_amount_cents the sum
    // of its conversions, conversion_date): {conversion, lead}.
    core::Result<QJsonObject> markConverted(const leads::Actor &actor, qint64 leadId, const QJsonObject &request);
    // {reason}: the lead lost (deal_stage of the lost kind, status "lost", lost_reason, lost_at).
    core::Result<QJsonObject> markLost(const leads::Actor &actor, qint64 leadId, const QJsonObject &request);

    // {currency, period, revenue_cents, conversions, previous: {revenue_cents, conversions},
    //  change_percent, average_deal_cents, leads_created, conversion_rate, pipeline_value_cents,
    //  weighted_pipeline_cents, open_deals, spend_cents, roi_percent}.
    core::Result<QJsonObject> dashboard(const Query &q);
    // {items: [{source, revenue_cents, conversions, leads, cost_cents, roi_percent}]}.
    core::Result<QJsonObject> bySource(const Query &q);
    // {bucket, items: [{start, end, label, revenue_cents, conversions}]}: every bucket of the
    // period (empty ones too), local midnights of `zone` (weeks start on Monday).
    core::Result<QJsonObject> trends(const Query &q, const QString &bucket);

    // {currency, method, history: [{month, revenue_cents}], projection: [{month, revenue_cents,
    //  low_cents, high_cents}], fit: {...}, pipeline: {open_deals, value_cents, weighted_cents,
    //  by_close_month: [{month, deals, value_cents, weighted_cents}], overdue, no_date}}: the
    //  `historyMonths` complete months before this one (in the query's zone and filters), the
    //  next `horizon` months projected (forecast.h says how and why), and the open pipeline
    //  weighted by stage probability, by expected close month.
    core::Result<QJsonObject> forecast(const Query &q, int historyMonths, int horizon);

    // GET /analytics/trends: per bucket (as trends()) the leads that came in, the campaign
    // e-mails sent to them, conversions, revenue and costs.
    core::Result<QJsonObject> activityTrends(const Query &q, const QString &bucket);

    // GET /analytics/lead-funnel: the leads that came in during the period (and its filters)
    // through scraped → enriched → contacted → replied → qualified → won, each stage counting the
    // leads that reached it or a later one: {stages: [{stage, leads, rate_from_previous,
    // rate_from_start, median_hours_from_previous, timed}]}. Times: enriched_at; the first send
    // (campaign or inbox) else last_contacted_at; the first reply (not an auto-reply); the first
    // change of status or stage to qualified or beyond (activity log); the first conversion.
    core::Result<QJsonObject> leadFunnel(const Query &q);
    // The funnel's stages, in order.
    static QStringList funnelStages();

    // GET /analytics/templates/performance: per template, the campaign e-mails sent in the period
    // (to leads that pass the filters; a campaign filter keeps that campaign's messages) and what
    // they got: {items: [{template_id, name, sent, opened, clicked, replied, bounced, open_rate,
    // click_rate, reply_rate, bounce_rate, leads, leads_converted (a conversion after the e-mail),
    // conversion_rate}], overall: {...}}, the most sent first.
    core::Result<QJsonObject> templatePerformance(const Query &q);
    // GET /analytics/dashboard: {leads: {new, previous, change_percent}, email: {as overall
    // above}, replies: {received, leads}, revenue: dashboard(), top_sources (5), top_templates (5)}.
    core::Result<QJsonObject> analyticsDashboard(const Query &q);

    // GET /revenue/board: the pipeline board now (the query's filters; not its period): {stages:
    // [{key, name, probability, kind, count, value_cents, weighted_cents, leads: [{id, name,
    // company, deal_value_cents, expected_close_date, assigned_to, revenue_cents}] (open: the
    // largest deals first; won, lost: the latest), more}]}, `perStage` leads a column (≤ 500).
    core::Result<QJsonObject> board(const Query &q, int perStage);
    // A lead moved on the board: into an open stage (its deal_stage), the won stage (markConverted
    // with `details`: {amount | amount_cents, date?, notes?}) or the lost one (markLost: {reason}).
    // The lead as it is then.
    core::Result<QJsonObject> moveDeal(const leads::Actor &actor, qint64 leadId, const QString &stageKey, const QJsonObject &details = {});

    // GET /analytics/drill-down: the leads behind a figure of the same query, for the leads page:
    // figure revenue (leads with a conversion in the period), leads (created in it), costs (the
    // leads its costs belong to) — each optionally one bar (group_by source|campaign|location, or
    // cost_type for costs, and the bar's key) — or funnel (key: the stage). {count, lead_ids (at
    // most 10,000, by id), truncated, filter: a lead filter of those ids}.
    core::Result<QJsonObject> drillDown(const Query &q, const QString &figure, const QString &groupBy, const QString &key);

    // POST /costs: {amount | amount_cents, cost_type? (operating), description, date?, source?,
    // campaign_id?, currency?} → the cost.
    core::Result<QJsonObject> addCost(const leads::Actor &actor, const QJsonObject &request);
    // GET /costs: the period's costs, newest first (limit ≤ 1000), with their total.
    core::Result<QJsonObject> costs(const Query &q, int limit);
    // {group_by, total_cents, items: [{key, cost_cents, count}]}; group_by cost_type, source,
    // campaign or period (with ?bucket=day|week|month).
    core::Result<QJsonObject> costBreakdown(const Query &q, const QString &groupBy, const QString &bucket);
    // {group_by, overall, items: [{key, revenue_cents, cost_cents, profit_cents, roi_percent,
    //  leads, conversions, cost_per_lead_cents, cost_per_conversion_cents}]}; group_by overall,
    //  source, campaign or location.
    core::Result<QJsonObject> roi(const Query &q, const QString &groupBy);

    // The bucket boundaries of [from, to) in `zone` (UTC times), for tests and the trends.
    static QList<QDateTime> bucketStarts(const QDateTime &from, const QDateTime &to, const QTimeZone &zone, const QString &bucket);

private:
    // The figures' building blocks: from the facts in memory, else (rawQueries()) from SQL.
    core::Result<FactStore::Table> sums(const Query &q, const QDateTime &from, const QDateTime &to, int group, unsigned measures,
                                        const QList<QDateTime> &starts = {});
    core::Result<qint64> leadsConverted(const Query &q);
    core::Result<QList<FactStore::Deal>> deals(const Query &q); // from SQL
    // The deals of the query's filters totalled by stage (and close month), with each stage's
    // first `perStage` cards: from the facts, else from deals().
    core::Result<FactStore::DealTotals> dealTotals(const Query &q, const QJsonArray &stages, int perStage);
    // The funnel; with `ids`, the leads that reached stage `idsOfStage` are added to it.
    core::Result<QJsonObject> funnel(const Query &q, int idsOfStage, QList<qint64> *ids);
    // WHERE pieces over leads `l` for the query's filters.
    QString leadFilter(const Query &q, QVariantList &params) const;
    // WHERE pieces over campaign messages `m` sent in the period, their leads `l`.
    QString messageFilter(const Query &q, QVariantList &params) const;
    // WHERE pieces over costs `c` (attributed through their lead or campaign).
    QString costFilter(const Query &q, QVariantList &params) const;

    std::shared_ptr<storage::Database> m_db;
    leads::LeadService &m_leads;
    const core::Clock &m_clock;
    std::unique_ptr<FactStore> m_facts;
    bool m_raw = false;
};

} // namespace fliptech::analytics
