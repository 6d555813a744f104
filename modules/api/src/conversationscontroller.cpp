// Conversations (issue 12, spec 2.7): the inbox read from the sender accounts' mailboxes, its
// threads and messages, marked read or archived; a sync of one account's INBOX as a job. The
// service is conversations::ConversationService, shared with the desktop.
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

void registerConversationRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &conversations = engine.conversations();
    const QString tag = QStringLiteral("conversations");
    const QJsonObject conversation = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("status"), s::string()}, {QStringLiteral("needs_reply"), s::boolean()},
                                                {QStringLiteral("unread_count"), s::integer()}},
                                               {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("needs_reply")}, true);
    const QJsonObject message = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("direction"), s::string()}, {QStringLiteral("auto_reply"), s::boolean()}},
                                          {QStringLiteral("id"), QStringLiteral("direction")}, true);

    table.add({M::Get, QStringLiteral("/api/v1/conversations"), Role::Viewer, tag,
               QStringLiteral("Conversations, the latest message first; ?needs_reply=true|false, ?sentiment=positive|neutral|negative, ?status=active|archived, "
                              "?campaign_id=, ?assigned_to=, ?lead_id=, ?sender_account_id=, ?limit= (at most 500)"),
               {}, listSchema(conversation), 200,
               [&conversations](RequestContext &c) {
                   QJsonObject filter;
                   if (const QString v = c.query(QStringLiteral("needs_reply")); !v.isEmpty()) {
                       if (v != QLatin1String("true") && v != QLatin1String("false"))
                           return errorResponse(core::fieldError(QStringLiteral("needs_reply"), QStringLiteral("must be true or false")));
                       filter.insert(QStringLiteral("needs_reply"), v == QLatin1String("true"));
                   }
                   for (const char *k : {"sentiment", "status"})
                       if (const QString v = c.query(QString::fromLatin1(k)); !v.isEmpty())
                           filter.insert(QString::fromLatin1(k), v);
                   for (const char *k : {"campaign_id", "assigned_to", "lead_id", "sender_account_id", "limit"})
                       if (const QString v = c.query(QString::fromLatin1(k)); !v.isEmpty()) {
                           bool ok = false;
                           const qint64 n = v.toLongLong(&ok);
                           if (!ok || n < 1)
                               return errorResponse(core::fieldError(QString::fromLatin1(k), QStringLiteral("must be a positive whole number")));
                           filter.insert(QString::fromLatin1(k), n);
                       }
                   return listOrError(conversations.list(filter));
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/conversations/{id}"), Role::Viewer, tag, QStringLiteral("A conversation"), {}, conversation, 200,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/conversations/{id}/messages"), Role::Viewer, tag,
               QStringLiteral("Its messages, oldest first: direction, ids, addresses, subject, text and HTML, sentiment and intent, auto_reply (and why)"), {},
               listSchema(message), 200, [&conversations](RequestContext &c) { return listOrError(conversations.messages(c.idParam())); }, {}, {}, {}});
    table.add({M::Patch, QStringLiteral("/api/v1/conversations/{id}/read"), Role::User, tag, QStringLiteral("Mark every message read"), {}, conversation, 200,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.markRead(c.idParam())); }, {}, {}, {}});
    table.add({M::Patch, QStringLiteral("/api/v1/conversations/{id}/archive"), Role::User, tag,
               QStringLiteral("Archive it (a new reply makes it active again)"), {}, conversation, 200,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.archive(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/sender-accounts/{id}/sync-inbox"), Role::User, tag,
               QStringLiteral("Read the account's INBOX (IMAP) now, from where the last sync stopped, as a job: {job_id}; its result {read, stored, "
                              "replies, auto_replies, bounces, duplicates, restarted, last_uid}"),
               {}, s::object({{QStringLiteral("job_id"), s::integer()}}, {QStringLiteral("job_id")}, true), 202,
               [&conversations](RequestContext &c) {
                   auto job = conversations.queueSync(c.idParam(), actorOf(c).userId);
                   return job ? jsonResponse({{QStringLiteral("job_id"), *job}, {QStringLiteral("status"), QStringLiteral("queued")}}, 202) : errorResponse(job.error());
               },
               {}, {}, {}});
}

} // namespace fliptech::api
