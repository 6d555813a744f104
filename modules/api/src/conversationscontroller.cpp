// Conversations (issue 12, spec 2.7): the inbox read from the sender accounts' mailboxes, its
// threads and messages, marked read or archived; a sync of one account's INBOX as a job; replies
// sent with threading headers; AI reply suggestions approved (edited or not), rejected or written
// again; the auto-approval rules that may decide a suggestion; and POST /ai-mvp/send-email, which
// starts a conversation from an AI draft. The service is conversations::ConversationService,
// shared with the desktop.
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

    const QJsonObject suggestion = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("conversation_id"), s::integer()},
                                              {QStringLiteral("suggested_response"), s::string()}, {QStringLiteral("status"), s::string()},
                                              {QStringLiteral("writer"), s::string()}},
                                             {QStringLiteral("id"), QStringLiteral("conversation_id"), QStringLiteral("suggested_response"), QStringLiteral("status")}, true);
    const QJsonObject decided = s::object({{QStringLiteral("suggestion"), suggestion}, {QStringLiteral("message"), message}}, {QStringLiteral("suggestion")}, true);
    table.add({M::Post, QStringLiteral("/api/v1/conversations/{id}/reply"), Role::User, tag,
               QStringLiteral("Send a reply to the contact over SMTP (the conversation's sender account unless sender_account_id names another), "
                              "In-Reply-To the last message received and References the thread; the account's signature is added. {conversation, "
                              "message}. Nothing is stored when the mail server refuses it."),
               s::object({{QStringLiteral("body"), s::string(1, 204800)}, {QStringLiteral("subject"), s::string(0, 500)}, {QStringLiteral("html"), s::string(0, 204800)},
                          {QStringLiteral("sender_account_id"), s::integer()}},
                         {QStringLiteral("body")}),
               s::object({{QStringLiteral("conversation"), conversation}, {QStringLiteral("message"), message}}, {QStringLiteral("conversation"), QStringLiteral("message")}, true),
               201, [&conversations](RequestContext &c) { return jsonOrError(conversations.reply(actorOf(c), c.idParam(), c.body), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/conversations/{id}/generate-response"), Role::User, tag,
               QStringLiteral("Write a reply suggestion for the latest message (the replies model; the offline writer without a provider, with a notice). "
                              "It waits for approval unless an auto-approval rule decides it (then `auto_approval` says which and how)."),
               s::object({{QStringLiteral("sender_name"), s::string(0, 100)}, {QStringLiteral("writer"), s::enumOf({QStringLiteral("ai"), QStringLiteral("offline")})}}),
               suggestion, 201,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.generateResponse(actorOf(c), c.idParam(), c.body), 201); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/conversations/{id}/suggestions"), Role::Viewer, tag,
               QStringLiteral("Its reply suggestions, the newest first, with their status (pending, approved, sent, rejected, replaced)"), {}, listSchema(suggestion),
               200, [&conversations](RequestContext &c) { return listOrError(conversations.suggestions(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/conversations/suggestions/{id}/approve"), Role::User, tag,
               QStringLiteral("Approve a suggestion (edited_response replaces its text) and send it as the reply, unless send is false: {suggestion, "
                              "message}. When the send fails it stays approved; approving again retries."),
               s::object({{QStringLiteral("edited_response"), s::string(1, 204800)}, {QStringLiteral("send"), s::boolean()}, {QStringLiteral("sender_account_id"), s::integer()}}),
               decided, 200, [&conversations](RequestContext &c) { return jsonOrError(conversations.approveSuggestion(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/conversations/suggestions/{id}/reject"), Role::User, tag, QStringLiteral("Reject a suggestion (with a reason)"),
               s::object({{QStringLiteral("reason"), s::string(0, 1000)}}), decided, 200,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.rejectSuggestion(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/conversations/suggestions/regenerate"), Role::User, tag,
               QStringLiteral("Write a suggestion again: {suggestion_id, sender_name?, writer?}; the old one is marked replaced, the new one returned"),
               s::object({{QStringLiteral("suggestion_id"), s::integer()}, {QStringLiteral("sender_name"), s::string(0, 100)},
                          {QStringLiteral("writer"), s::enumOf({QStringLiteral("ai"), QStringLiteral("offline")})}},
                         {QStringLiteral("suggestion_id")}),
               suggestion, 201, [&conversations](RequestContext &c) { return jsonOrError(conversations.regenerateSuggestion(actorOf(c), c.body), 201); }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/ai-mvp/send-email"), Role::User, QStringLiteral("ai"),
               QStringLiteral("Send an e-mail to a lead through a sender account: a draft ({draft_id}, marked sent; subject/body override it as edited) "
                              "or {lead_id, subject, body}; html? adds an HTML part to the text; `to` overrides the lead's address. It starts a conversation, where the reply will "
                              "thread. A suppressed address is refused (409)."),
               s::object({{QStringLiteral("draft_id"), s::integer()}, {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("subject"), s::string(1, 500)},
                          {QStringLiteral("body"), s::string(1, 204800)}, {QStringLiteral("html"), s::string(1, 204800)},
                          {QStringLiteral("sender_account_id"), s::integer()}, {QStringLiteral("to"), s::string(3, 254)}},
                         {QStringLiteral("sender_account_id")}),
               s::object({{QStringLiteral("conversation"), conversation}, {QStringLiteral("message_id"), s::integer()}}, {QStringLiteral("conversation")}, true), 201,
               [&conversations](RequestContext &c) { return jsonOrError(conversations.sendEmail(actorOf(c), c.body), 201); }, {}, {}, {}});

    // Auto-approval rules (spec "Approvals"); reply suggestions for now, automation adds the rest.
    auto &rules = conversations.autoApproval();
    const QString approvals = QStringLiteral("approvals");
    const QJsonObject rule = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()}, {QStringLiteral("entity_type"), s::string()},
                                        {QStringLiteral("conditions"), s::object({}, {}, true)}, {QStringLiteral("decision"), s::string()},
                                        {QStringLiteral("priority"), s::integer()}, {QStringLiteral("is_active"), s::boolean()}},
                                       {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("conditions"), QStringLiteral("decision")}, true);
    const QJsonObject ruleBody = s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("entity_type"), s::string()},
                                            {QStringLiteral("conditions"), s::object({}, {}, true)},
                                            {QStringLiteral("decision"), s::enumOf({QStringLiteral("approved"), QStringLiteral("rejected")})},
                                            {QStringLiteral("priority"), s::integer()}, {QStringLiteral("is_active"), s::boolean()}},
                                           {QStringLiteral("name"), QStringLiteral("entity_type"), QStringLiteral("conditions")});
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules"), Role::User, approvals,
               QStringLiteral("The auto-approval rules, the highest priority first; ?entity_type= (ai_suggestion, rule_action, campaign_launch, n8n_step). Each: {name, entity_type, conditions "
                              "(all/any/not of {field, op, value}), decision, priority, is_active}; fields_by_entity lists what a condition may test."),
               {}, listSchema(rule), 200,
               [&rules](RequestContext &c) {
                   auto list = rules.list(c.query(QStringLiteral("entity_type")));
                   if (!list)
                       return errorResponse(list.error());
                   return jsonResponse({{QStringLiteral("items"), *list},
                                        {QStringLiteral("fields_by_entity"), conversations::AutoApprovalRules::fieldCatalogues()}});
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules/{id}"), Role::User, approvals, QStringLiteral("An auto-approval rule"), {}, rule,
               200, [&rules](RequestContext &c) { return jsonOrError(rules.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules"), Role::Admin, approvals,
               QStringLiteral("Add an auto-approval rule; its conditions are checked against the entity type's fields (a mistake names its path)"), ruleBody,
               rule, 201, [&rules](RequestContext &c) { return jsonOrError(rules.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules/{id}"), Role::Admin, approvals, QStringLiteral("Replace an auto-approval rule"),
               ruleBody, rule, 200, [&rules](RequestContext &c) { return jsonOrError(rules.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules/{id}"), Role::Admin, approvals, QStringLiteral("Remove an auto-approval rule"), {},
               {}, 204, [&rules](RequestContext &c) { return noContentOrError(rules.remove(c.idParam())); }, {}, {}, {}});
}

} // namespace fliptech::api
