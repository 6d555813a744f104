// Sender accounts (issue 11): the mailboxes and providers campaigns send from, their limits,
// and a connection test. Secrets go to the SecretStore and are never answered.
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/engine/engine.h"

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

void registerSenderRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &senders = engine.senders();
    const QString tag = QStringLiteral("campaigns");
    const QJsonObject account = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                           {QStringLiteral("from_email"), s::string()}, {QStringLiteral("today_cap"), s::integer()},
                                           {QStringLiteral("password_set"), s::boolean()}},
                                          {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("from_email")}, true);
    const QJsonObject write = s::object({}, {QStringLiteral("name"), QStringLiteral("from_email")}, true);
    table.add({M::Get, QStringLiteral("/api/v1/sender-accounts"), Role::Viewer, tag,
               QStringLiteral("Sender accounts (SMTP mailboxes, SendGrid, Mailgun) with their limits and today's cap; whether each secret is set, never the secret"),
               {}, listSchema(account), 200, [&senders](RequestContext &) { return listOrError(senders.list()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/sender-accounts"), Role::Admin, tag,
               QStringLiteral("Add a sender account: {name, from_email, provider smtp|sendgrid|mailgun, smtp_host, smtp_port, smtp_security "
                              "starttls|tls|none, smtp_username, password, api_key, api_base_url, provider_domain, daily_limit, hourly_limit, "
                              "min_gap_seconds, ramp_start, ramp_per_day, timezone, reply_to, signature, dkim_domain, dkim_selector, dkim_key}"),
               write, account, 201, [&senders](RequestContext &c) { return jsonOrError(senders.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/sender-accounts/{id}"), Role::Viewer, tag, QStringLiteral("A sender account"), {}, account, 200,
               [&senders](RequestContext &c) { return jsonOrError(senders.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/sender-accounts/{id}"), Role::Admin, tag,
               QStringLiteral("Replace a sender account (secrets left out stay as they are; \"\" removes one)"), write, account, 200,
               [&senders](RequestContext &c) { return jsonOrError(senders.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/sender-accounts/{id}"), Role::Admin, tag, QStringLiteral("Delete a sender account and its secrets"), {},
               {}, 204, [&senders](RequestContext &c) { return noContentOrError(senders.remove(c.idParam())); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/sender-accounts/{id}/deliverability"), Role::Viewer, tag,
               QStringLiteral("Whether the account's sending domain is set up: SPF, its DKIM selector's key, DMARC, each with advice, and a verdict "
                              "(good, fair, poor)"),
               {}, s::object({{QStringLiteral("verdict"), s::string()}, {QStringLiteral("summary"), s::string()}}, {QStringLiteral("verdict")}, true), 200,
               [&senders](RequestContext &c) { return jsonOrError(senders.deliverability(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/sender-accounts/{id}/test"), Role::User, tag,
               QStringLiteral("Connect as a send would (SMTP: greeting, TLS, login; SendGrid/Mailgun: an authenticated read), sending nothing"), {},
               s::object({{QStringLiteral("ok"), s::boolean()}, {QStringLiteral("message"), s::string()}}, {QStringLiteral("ok")}, true), 200,
               [&senders](RequestContext &c) { return jsonOrError(senders.test(c.idParam())); }, {}, {}, {}});
    auto &campaigns = engine.campaigns();
    table.add({M::Post, QStringLiteral("/api/v1/sender-accounts/{id}/check-bounces"), Role::User, tag,
               QStringLiteral("Read the account's bounce mailbox (IMAP) now, from where the last check stopped, as a job: {job_id}"), {},
               s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}, true), 202,
               [&campaigns](RequestContext &c) {
                   auto job = campaigns.queueBounceCheck(c.idParam(), {}, actorOf(c).userId);
                   return job ? jsonResponse({{QStringLiteral("job_id"), *job}, {QStringLiteral("status"), QStringLiteral("queued")}}, 202) : errorResponse(job.error());
               },
               {}, {}, {}});
}

} // namespace fliptech::api
