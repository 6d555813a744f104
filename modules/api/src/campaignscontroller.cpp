// Campaigns (issue 11, spec 2.6): create and edit (audience, steps with variants, senders,
// schedule), preview the audience, launch, pause, resume, test, and read the numbers: stats per
// step and variant, recipients, opens, clicks, replies; resolve sends a crash cut off. The
// service is CampaignService, shared with the desktop.
#include "fliptech/api/controllers.h"
#include "fliptech/api/guardedtcpserver.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/providerevents.h"
#include "fliptech/engine/engine.h"

#include <QFile>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {
// An upload's bytes, whether they came in the request or were spooled to a file on the way.
QByteArray uploaded(const RequestContext &c)
{
    if (c.bodyFile) {
        QFile f(c.bodyFile->path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    return c.rawBody;
}
} // namespace

void registerCampaignRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &campaigns = engine.campaigns();
    const QString tag = QStringLiteral("campaigns");
    const QJsonObject campaign = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()}, {QStringLiteral("status"), s::string()},
                                            {QStringLiteral("total_recipients"), s::integer()}, {QStringLiteral("steps"), s::arrayOf(s::object({}, {}, true))}},
                                           {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status")}, true);
    const QJsonObject write = s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("audience"), s::object({}, {}, true)},
                                         {QStringLiteral("steps"), s::arrayOf(s::object({}, {}, true))}, {QStringLiteral("schedule"), s::object({}, {}, true)},
                                         {QStringLiteral("sender_account_ids"), s::arrayOf(s::integer())}},
                                        {}, true);
    const QJsonObject any = s::object({}, {}, true);
    const QJsonObject recipient = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("status"), s::string()}},
                                            {QStringLiteral("id"), QStringLiteral("status")}, true);

    table.add({M::Get, QStringLiteral("/api/v1/campaigns"), Role::Viewer, tag, QStringLiteral("Campaigns, newest first; ?status=, ?q= (in the name), ?limit="), {},
               listSchema(campaign), 200,
               [&campaigns](RequestContext &c) {
                   QJsonObject filter;
                   for (const char *k : {"status", "q"})
                       if (const QString v = c.query(QString::fromLatin1(k)); !v.isEmpty())
                           filter.insert(QString::fromLatin1(k), v);
                   if (const QString v = c.query(QStringLiteral("limit")); !v.isEmpty())
                       filter.insert(QStringLiteral("limit"), v.toInt());
                   return listOrError(campaigns.list(filter));
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns"), Role::User, tag,
               QStringLiteral("Create a draft: {name, description, audience: {filter | segment_id | lead_ids, exclude: {filter, lead_ids, "
                              "contacted_within_days, in_other_campaigns}}, steps: [{delay_days, template_id} | {delay_days, variants: [{template_id}], "
                              "ab: {metric: open_rate|reply_rate, sample_size}}] (or template_id), sender_account_ids, schedule: {start_at, days, "
                              "start, end, timezone: recipient|account|<zone>}, on_crash: hold|resend, track_opens, track_clicks}"),
               write, campaign, 201, [&campaigns](RequestContext &c) { return jsonOrError(campaigns.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/preview"), Role::User, tag,
               QStringLiteral("Who a draft would reach: {audience, schedule} -> {recipients, matched, excluded, without_email, suppressed, duplicates, "
                              "first_sends: [{lead_id, email, timezone, first_send_at}]}"),
               any, any, 200, [&campaigns](RequestContext &c) { return jsonOrError(campaigns.audiencePreview(c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}"), Role::Viewer, tag, QStringLiteral("A campaign with its steps"), {}, campaign, 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/campaigns/{id}"), Role::User, tag,
               QStringLiteral("Change a campaign (a draft: anything; once launched: name, description, schedule, senders, tracking)"), write, campaign, 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/campaigns/{id}"), Role::User, tag, QStringLiteral("Delete a campaign (pause a running one first)"), {}, {},
               204, [&campaigns](RequestContext &c) { return noContentOrError(campaigns.remove(c.idParam())); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}/audience"), Role::Viewer, tag,
               QStringLiteral("Who the campaign reaches now (as /campaigns/preview for the saved campaign)"), {}, any, 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.audiencePreview({}, c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/{id}/launch"), Role::User, tag,
               QStringLiteral("Launch a draft: its recipients are written (one per address, none suppressed or excluded) and sending starts, or "
                              "waits for {start_at}. Over the size an administrator set (GET /api/v1/workflow-approvals/settings) a user's launch "
                              "waits for an administrator: 202 with the draft and its pending `approval`"),
               s::object({{QStringLiteral("start_at"), s::string()}}, {}, false), campaign, 200,
               [&campaigns](RequestContext &c) {
                   auto launched = campaigns.launch(actorOf(c), c.idParam(), c.body);
                   const bool waits = launched && launched->contains(QStringLiteral("approval"));
                   return jsonOrError(std::move(launched), waits ? 202 : 200);
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/{id}/pause"), Role::User, tag, QStringLiteral("Pause sending (what is mid-send finishes)"), {},
               campaign, 200, [&campaigns](RequestContext &c) { return jsonOrError(campaigns.pause(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/{id}/resume"), Role::User, tag, QStringLiteral("Resume a paused campaign"), {}, campaign, 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.resume(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/{id}/test"), Role::User, tag,
               QStringLiteral("Send a step to 1-5 addresses: {to, step (from 0), variant, lead_id (else a sample recipient), sender_account_id}"),
               s::object({{QStringLiteral("to"), s::arrayOf(s::string())}}, {QStringLiteral("to")}, true),
               s::object({{QStringLiteral("sent"), s::integer()}, {QStringLiteral("message_id"), s::string()}}, {QStringLiteral("sent")}, true), 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.sendTest(c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}/stats"), Role::Viewer, tag,
               QStringLiteral("Sent, delivered, opened, clicked, replied, bounced, unsubscribed with rates, per step and A/B variant; recipients by state"),
               {}, s::object({{QStringLiteral("campaign_id"), s::integer()}, {QStringLiteral("sent"), s::integer()}}, {QStringLiteral("campaign_id")}, true), 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.stats(c.idParam())); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}/recipients"), Role::Viewer, tag,
               QStringLiteral("Recipients in id order: ?status=pending|sending|held|sent|failed|bounced|unsubscribed|suppressed|replied|stopped, ?after=<id>, ?limit="),
               {}, listSchema(recipient), 200,
               [&campaigns](RequestContext &c) {
                   QJsonObject filter;
                   if (const QString v = c.query(QStringLiteral("status")); !v.isEmpty())
                       filter.insert(QStringLiteral("status"), v);
                   if (const QString v = c.query(QStringLiteral("after")); !v.isEmpty())
                       filter.insert(QStringLiteral("after"), v.toLongLong());
                   if (const QString v = c.query(QStringLiteral("limit")); !v.isEmpty())
                       filter.insert(QStringLiteral("limit"), v.toInt());
                   return listOrError(campaigns.recipients(c.idParam(), filter));
               },
               {}, {}, {}});
    const QJsonObject event = s::object({{QStringLiteral("recipient_id"), s::integer()}, {QStringLiteral("at"), s::string()}}, {QStringLiteral("recipient_id")}, true);
    for (const auto &[path, column, what] : {std::tuple{"opens", "opened_at", "opened"}, std::tuple{"clicks", "clicked_at", "clicked a link"},
                                            std::tuple{"replies", "replied_at", "replied"}}) {
        const QString kind = QString::fromLatin1(column);
        table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}/") + QLatin1String(path), Role::Viewer, tag,
                   QStringLiteral("Recipients who %1, latest first; ?limit=").arg(QLatin1String(what)), {}, listSchema(event), 200,
                   [&campaigns, kind](RequestContext &c) {
                       return listOrError(campaigns.activity(c.idParam(), kind, c.query(QStringLiteral("limit")).toInt() > 0 ? c.query(QStringLiteral("limit")).toInt() : 100));
                   },
                   {}, {}, {}});
    }
    table.add({M::Get, QStringLiteral("/api/v1/campaigns/{id}/timeline"), Role::Viewer, tag,
               QStringLiteral("Sent, opened, clicked and replied per hour or day (UTC): ?bucket=hour|day"), {},
               listSchema(s::object({{QStringLiteral("at"), s::string()}, {QStringLiteral("sent"), s::integer()}}, {QStringLiteral("at")}, true)), 200,
               [&campaigns](RequestContext &c) {
                   const QString bucket = c.query(QStringLiteral("bucket"));
                   return listOrError(campaigns.timeline(c.idParam(), bucket.isEmpty() ? QStringLiteral("hour") : bucket));
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/campaigns/{id}/held"), Role::User, tag,
               QStringLiteral("Resolve sends a crash cut off (held for review): {recipient_ids | all: true, action: mark_sent | resend | skip}"),
               s::object({{QStringLiteral("action"), s::string()}}, {QStringLiteral("action")}, true),
               s::object({{QStringLiteral("affected"), s::integer()}}, {QStringLiteral("affected")}, true), 200,
               [&campaigns](RequestContext &c) { return jsonOrError(campaigns.resolveHeld(c.idParam(), c.body)); }, {}, {}, {}});

    // Bounces and provider events.
    Route bounce{M::Post, QStringLiteral("/api/v1/campaigns/bounces"), Role::User, tag,
                 QStringLiteral("A bounce as it arrived (message/rfc822: a DSN or a vendor's text bounce): read, matched to the message it answers "
                                "by Message-ID (else the address), hard bounces suppressed -> {bounce, matched, email, status, hard}"),
                 {}, any, 200,
                 [&campaigns](RequestContext &c) { return jsonOrError(campaigns.recordBounceMessage(uploaded(c), QStringLiteral("upload"))); }, {}, {}, {},
                 qint64(10) << 20};
    table.add(bounce);
    auto &events = engine.providerEvents();
    table.add({M::Get, QStringLiteral("/api/v1/webhooks/settings"), Role::Admin, tag,
               QStringLiteral("Whether each provider's webhook key is set (never the key)"), {}, any, 200,
               [&events](RequestContext &) { return jsonOrError(events.settings()); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/webhooks/settings"), Role::Admin, tag,
               QStringLiteral("Set the keys provider events are verified with: {sendgrid_verification_key (base64, as SendGrid shows it), "
                              "mailgun_signing_key}; \"\" removes one"),
               s::object({{QStringLiteral("sendgrid_verification_key"), s::string()}, {QStringLiteral("mailgun_signing_key"), s::string()}}, {}, false), any, 200,
               [&events](RequestContext &c) { return jsonOrError(events.setSettings(c.body)); }, {}, {}, {}});
    Route sendgrid{M::Post, QStringLiteral("/api/v1/webhooks/sendgrid"), std::nullopt, tag,
                   QStringLiteral("SendGrid's Event Webhook (public, believed only when its ECDSA signature verifies): bounces, spam reports, "
                                  "unsubscribes, opens and clicks recorded on the messages they name"),
                   {}, any, 200,
                   [&events](RequestContext &c) {
                       return jsonOrError(events.sendGrid(c.rawBody, c.headers.value("x-twilio-email-event-webhook-signature"),
                                                          c.headers.value("x-twilio-email-event-webhook-timestamp")));
                   },
                   {}, {}, {}, qint64(5) << 20};
    table.add(sendgrid);
    Route mailgun{M::Post, QStringLiteral("/api/v1/webhooks/mailgun"), std::nullopt, tag,
                  QStringLiteral("Mailgun's webhooks (public, believed only when their HMAC signature verifies and is fresh): failed, complained, "
                                 "unsubscribed, opened, clicked"),
                  {}, any, 200, [&events](RequestContext &c) { return jsonOrError(events.mailgun(c.rawBody)); }, {}, {}, {}, qint64(1) << 20};
    table.add(mailgun);
}

} // namespace fliptech::api
