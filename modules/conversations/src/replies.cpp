// Answers: replies sent over the conversation's sender account with the threading headers, new
// conversations started from an AI draft, and reply suggestions with their approval.
#include "fliptech/conversations/conversationservice.h"

#include "fliptech/ai/aiservice.h"
#include "fliptech/ai/sentiment.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/core/validation.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/mail/message.h"
#include "fliptech/mail/mime.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <QRegularExpression>
#include <QUuid>

namespace fliptech::conversations {

using core::ErrorCode;
using storage::Database;

namespace {
constexpr qsizetype kMaxBody = 200 * 1024;
constexpr int kMaxReferences = 20;


// "Re: " once, whatever the thread's subject carried.
QString replySubject(const QString &subject)
{
    static const QRegularExpression re(QStringLiteral("^\\s*re\\s*:"), QRegularExpression::CaseInsensitiveOption);
    const QString s = subject.trimmed();
    return re.match(s).hasMatch() ? s : QStringLiteral("Re: ") + (s.isEmpty() ? QStringLiteral("(no subject)") : s);
}

// A text field of a request: absent (nullopt), or text of at most `max` characters.
core::Result<std::optional<QString>> optionalText(const QJsonObject &request, const char *field, qsizetype max)
{
    const QJsonValue v = request.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return core::fieldError(QLatin1String(field), QStringLiteral("must be text"));
    if (v.toString().size() > max)
        return core::fieldError(QLatin1String(field), QStringLiteral("must be at most %1 characters").arg(max));
    return std::optional<QString>(v.toString());
}

core::Result<std::optional<qint64>> optionalId(const QJsonObject &request, const char *field)
{
    const QJsonValue v = request.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return std::optional<qint64>();
    if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != double(v.toInteger()))
        return core::fieldError(QLatin1String(field), QStringLiteral("must be the id of one (a positive whole number)"));
    return std::optional<qint64>(v.toInteger());
}

core::Status onlyFields(const QJsonObject &request, std::initializer_list<const char *> allowed, const QString &what)
{
    for (auto it = request.begin(); it != request.end(); ++it) {
        bool known = false;
        for (const char *a : allowed)
            known = known || it.key() == QLatin1String(a);
        if (!known)
            return core::fieldError(it.key(), QStringLiteral("is not a field of %1").arg(what));
    }
    return {};
}

QJsonValue nullableText(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); }
} // namespace

core::Result<bool> ConversationService::suppressed(const QString &email)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT 1 FROM suppressions WHERE lower(email) = ?"), {email.toLower()});
    if (row)
        return true;
    if (row.error().code == ErrorCode::NotFound)
        return false;
    return row.error();
}

core::Result<QJsonObject> ConversationService::deliver(const Outgoing &o)
{
    auto account = m_senders.get(o.accountId);
    if (!account)
        return account.error().code == ErrorCode::NotFound ? core::fieldError(QStringLiteral("sender_account_id"), QStringLiteral("names no sender account"))
                                                           : account.error();
    mail::OutgoingMessage outgoing;
    outgoing.subject = o.subject;
    QString text = o.text;
    // The account's signature, unless the text already ends with it.
    if (const QString signature = account->value(QStringLiteral("signature")).toString().trimmed(); !signature.isEmpty() && !text.trimmed().endsWith(signature))
        text = text.trimmed() + QStringLiteral("\n\n-- \n") + signature;
    outgoing.text = text;
    outgoing.html = o.html;
    if (!o.inReplyTo.isEmpty())
        outgoing.headers.append({QByteArrayLiteral("In-Reply-To"), o.inReplyTo.toLatin1()});
    if (!o.references.isEmpty())
        outgoing.headers.append({QByteArrayLiteral("References"), o.references.join(u' ').toLatin1()});
    auto sent = m_senders.send(o.accountId, outgoing, {o.to});
    if (!sent)
        return sent.error();
    const QString messageId = mail::bracketedMessageId(sent->value(QStringLiteral("message_id")).toString());
    const QString from = account->value(QStringLiteral("from_email")).toString();
    const QVariant now = m_db->timestamp(m_clock.now());

    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    qint64 conversation = o.conversationId;
    if (conversation == 0) {
        auto c = m_db->selectOne(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id, subject, status, last_message_at, needs_reply, sender_account_id, "
                                                "contact_email, normalized_subject, unread_count, created_at, updated_at) "
                                                "VALUES (?, ?, ?, 'active', %1, %2, ?, ?, ?, 0, %1, %1) RETURNING id")
                                     .arg(m_db->timestampParam(), m_db->boolLiteral(false)),
                                 {QUuid::createUuid().toString(QUuid::WithoutBraces), o.leadId ? QVariant(*o.leadId) : QVariant(), o.subject.left(500), now,
                                  o.accountId, o.to.toLower(), mail::normalizeSubject(o.subject), now, now});
        if (!c)
            return c.error();
        conversation = c->value(0).toLongLong();
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO messages (conversation_id, direction, message_id, in_reply_to, from_email, to_email, subject, body_html, body_text, "
                                              "is_read, created_at, sender_account_id) VALUES (?, 'outbound', ?, ?, ?, ?, ?, ?, ?, %1, %2, ?) RETURNING id")
                                   .arg(m_db->boolLiteral(true), m_db->timestampParam()),
                               {conversation, messageId, o.inReplyTo.isEmpty() ? QVariant() : QVariant(o.inReplyTo), from, o.to, o.subject.left(1000),
                                o.html.isEmpty() ? QVariant() : QVariant(o.html), text, now, o.accountId});
    if (!row)
        return row.error();
    const qint64 message = row->value(0).toLongLong();
    // Answered: nothing waits for a reply, everything before it has been read.
    if (auto done = m_db->execute(QStringLiteral("UPDATE conversations SET needs_reply = %1, unread_count = 0, status = 'active', last_message_at = %2, updated_at = %2, "
                                                 "sender_account_id = COALESCE(sender_account_id, ?) WHERE id = ?")
                                      .arg(m_db->boolLiteral(false), m_db->timestampParam()),
                                  {now, now, o.accountId, conversation});
        !done)
        return done.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE messages SET is_read = %1 WHERE conversation_id = ? AND is_read = %2")
                                      .arg(m_db->boolLiteral(true), m_db->boolLiteral(false)),
                                  {conversation});
        !done)
        return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    announce(QStringLiteral("message_sent"), {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("message_id"), message}});
    return QJsonObject{{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("message_id"), message}, {QStringLiteral("rfc_message_id"), messageId}};
}

core::Result<QJsonObject> ConversationService::reply(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    Q_UNUSED(actor)
    if (auto st = onlyFields(request, {"body", "subject", "html", "sender_account_id"}, QStringLiteral("a reply")); !st)
        return st.error();
    auto conversation = get(id);
    if (!conversation)
        return conversation.error();
    auto body = optionalText(request, "body", kMaxBody);
    if (!body)
        return body.error();
    if (!*body || (*body)->trimmed().isEmpty())
        return core::fieldError(QStringLiteral("body"), QStringLiteral("is required: the text of the reply"));
    auto subject = optionalText(request, "subject", 500);
    if (!subject)
        return subject.error();
    auto html = optionalText(request, "html", kMaxBody);
    if (!html)
        return html.error();
    auto accountId = optionalId(request, "sender_account_id");
    if (!accountId)
        return accountId.error();

    Outgoing o;
    o.conversationId = id;
    o.accountId = accountId->value_or(conversation->value(QStringLiteral("sender_account_id")).toInteger());
    if (o.accountId == 0)
        return core::fieldError(QStringLiteral("sender_account_id"), QStringLiteral("is required: this conversation has no sender account yet"));
    // The thread's ids (References), the newest inbound one answered (In-Reply-To).
    auto thread = m_db->select(QStringLiteral("SELECT message_id, direction, from_email, subject FROM messages WHERE conversation_id = ? ORDER BY created_at, id"), {id});
    if (!thread)
        return thread.error();
    QStringList ids;
    QString lastFrom, lastSubject;
    for (const auto &r : *thread) {
        if (!r.value(0).isNull() && !ids.contains(r.value(0).toString()))
            ids << r.value(0).toString();
        if (r.value(1).toString() == QLatin1String("inbound")) {
            lastFrom = r.value(2).toString();
            lastSubject = r.value(3).toString();
            if (!r.value(0).isNull())
                o.inReplyTo = r.value(0).toString();
        }
    }
    if (o.inReplyTo.isEmpty() && !ids.isEmpty())
        o.inReplyTo = ids.last();
    // A long thread keeps its first id and its newest ones (RFC 5322 3.6.4).
    o.references = ids.size() > kMaxReferences ? QStringList{ids.first()} + ids.mid(ids.size() - kMaxReferences + 1) : ids;
    o.to = conversation->value(QStringLiteral("contact_email")).toString();
    if (o.to.isEmpty())
        o.to = lastFrom;
    if (o.to.isEmpty() && conversation->value(QStringLiteral("lead_id")).isDouble()) {
        auto lead = m_leads.get(conversation->value(QStringLiteral("lead_id")).toInteger());
        if (lead)
            o.to = lead->value(QStringLiteral("email")).toString();
    }
    if (!core::isEmailAddress(o.to))
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("This conversation has no address to reply to"),
                               {{QStringLiteral("contact_email"), QStringLiteral("is missing")}});
    o.subject = subject->value_or(QString()).trimmed();
    if (o.subject.isEmpty())
        o.subject = replySubject(lastSubject.isEmpty() ? conversation->value(QStringLiteral("subject")).toString() : lastSubject);
    o.text = **body;
    o.html = html->value_or(QString());
    if (conversation->value(QStringLiteral("lead_id")).isDouble())
        o.leadId = conversation->value(QStringLiteral("lead_id")).toInteger();
    auto sent = deliver(o);
    if (!sent)
        return sent.error();
    auto after = get(id);
    if (!after)
        return after.error();
    auto messages = this->messages(id);
    if (!messages)
        return messages.error();
    QJsonObject message;
    for (const QJsonValue &m : *messages)
        if (m.toObject().value(QStringLiteral("id")).toInteger() == sent->value(QStringLiteral("message_id")).toInteger())
            message = m.toObject();
    return QJsonObject{{QStringLiteral("conversation"), *after}, {QStringLiteral("message"), message}};
}

core::Result<QJsonObject> ConversationService::sendEmail(const leads::Actor &actor, const QJsonObject &request)
{
    if (auto st = onlyFields(request, {"draft_id", "lead_id", "subject", "body", "html", "sender_account_id", "to"}, QStringLiteral("send-email")); !st)
        return st.error();
    auto draftId = optionalId(request, "draft_id");
    if (!draftId)
        return draftId.error();
    auto leadId = optionalId(request, "lead_id");
    if (!leadId)
        return leadId.error();
    auto accountId = optionalId(request, "sender_account_id");
    if (!accountId)
        return accountId.error();
    if (!*accountId)
        return core::fieldError(QStringLiteral("sender_account_id"), QStringLiteral("is required: the account to send from"));
    auto subject = optionalText(request, "subject", 500);
    if (!subject)
        return subject.error();
    auto body = optionalText(request, "body", kMaxBody);
    if (!body)
        return body.error();
    auto to = optionalText(request, "to", 254);
    if (!to)
        return to.error();
    auto html = optionalText(request, "html", kMaxBody);
    if (!html)
        return html.error();

    Outgoing o;
    o.accountId = **accountId;
    if (*draftId) {
        auto draft = m_ai.draft(**draftId);
        if (!draft)
            return draft.error();
        if (draft->value(QStringLiteral("status")).toString() == QLatin1String("sent"))
            return core::makeError(ErrorCode::Conflict, QStringLiteral("Draft %1 was sent already").arg(**draftId));
        if (*leadId && **leadId != draft->value(QStringLiteral("lead_id")).toInteger())
            return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("is not the draft's lead"));
        leadId = std::optional<qint64>(draft->value(QStringLiteral("lead_id")).toInteger());
        o.subject = draft->value(QStringLiteral("subject")).toString();
        o.text = draft->value(QStringLiteral("body")).toString();
    }
    // What the request says wins over the draft (the user edited it on the way).
    if (*subject)
        o.subject = **subject;
    if (*body)
        o.text = **body;
    o.html = html->value_or(QString());
    if (!*leadId)
        return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("is required (or a draft_id)"));
    if (o.subject.trimmed().isEmpty())
        return core::fieldError(QStringLiteral("subject"), QStringLiteral("is required"));
    if (o.text.trimmed().isEmpty())
        return core::fieldError(QStringLiteral("body"), QStringLiteral("is required"));
    auto lead = m_leads.get(**leadId);
    if (!lead)
        return lead.error();
    o.leadId = **leadId;
    o.to = to->value_or(lead->value(QStringLiteral("email")).toString()).trimmed();
    if (!core::isEmailAddress(o.to))
        return core::fieldError(*to ? QStringLiteral("to") : QStringLiteral("lead_id"),
                                *to ? QStringLiteral("must be an e-mail address") : QStringLiteral("names a lead without an e-mail address"));
    auto blocked = suppressed(o.to);
    if (!blocked)
        return blocked.error();
    if (*blocked)
        return core::makeError(ErrorCode::Conflict, QStringLiteral("%1 is on the suppression list (unsubscribed, bounced or complained): not sent").arg(o.to),
                               {{QStringLiteral("reason"), QStringLiteral("suppressed")}});
    auto sent = deliver(o);
    if (!sent)
        return sent.error();
    const qint64 conversation = sent->value(QStringLiteral("conversation_id")).toInteger();
    const qint64 message = sent->value(QStringLiteral("message_id")).toInteger();
    if (*draftId)
        core::logDiscarded(m_ai.markDraftSent(**draftId, o.accountId, conversation, message), "marking the AI draft sent (the mail went and is in its conversation)");
    core::logDiscarded(m_leads.logActivity(actor, QStringLiteral("email_sent"), QStringLiteral("lead"), *o.leadId,
                                           {{QStringLiteral("subject"), o.subject}, {QStringLiteral("conversation_id"), conversation}}),
                       "the lead's activity log misses the e-mail (it is in the conversation)");
    auto after = get(conversation);
    if (!after)
        return after.error();
    return QJsonObject{{QStringLiteral("conversation"), *after},
                       {QStringLiteral("message_id"), message},
                       {QStringLiteral("rfc_message_id"), sent->value(QStringLiteral("rfc_message_id"))},
                       {QStringLiteral("draft_id"), draftId->has_value() ? QJsonValue(**draftId) : QJsonValue()}};
}

// --- suggestions ---------------------------------------------------------------------------

namespace {
const QString kSuggestionColumns = QStringLiteral(
    "s.id, s.conversation_id, s.message_id, s.suggested_response, s.edited_response, s.status, s.writer, s.model, s.intent, s.sentiment, s.confidence_score, "
    "s.approved_by, s.approved_at, s.created_at, s.auto_approval_rule_id, s.sent_message_id, s.rejection_reason, s.ai_call_id");

QJsonObject suggestionJson(const storage::Row &r)
{
    auto id = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); };
    auto time = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(Database::isoTimestamp(Database::toDateTime(v))); };
    return QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                       {QStringLiteral("conversation_id"), r.value(1).toLongLong()},
                       {QStringLiteral("message_id"), id(r.value(2))},
                       {QStringLiteral("suggested_response"), r.value(3).toString()},
                       {QStringLiteral("edited_response"), nullableText(r.value(4))},
                       {QStringLiteral("status"), r.value(5).toString()},
                       {QStringLiteral("writer"), nullableText(r.value(6))},
                       {QStringLiteral("model"), nullableText(r.value(7))},
                       {QStringLiteral("intent"), nullableText(r.value(8))},
                       {QStringLiteral("sentiment"), nullableText(r.value(9))},
                       {QStringLiteral("confidence_score"), r.value(10).isNull() ? QJsonValue() : QJsonValue(r.value(10).toDouble())},
                       {QStringLiteral("decided_by"), id(r.value(11))},
                       {QStringLiteral("decided_at"), time(r.value(12))},
                       {QStringLiteral("created_at"), time(r.value(13))},
                       {QStringLiteral("auto_approval_rule_id"), id(r.value(14))},
                       {QStringLiteral("sent_message_id"), id(r.value(15))},
                       {QStringLiteral("rejection_reason"), nullableText(r.value(16))},
                       {QStringLiteral("ai_call_id"), id(r.value(17))}};
}
} // namespace

core::Result<QJsonArray> ConversationService::suggestions(qint64 conversationId)
{
    if (auto c = get(conversationId); !c)
        return c.error();
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM ai_suggestions s WHERE s.conversation_id = ? ORDER BY s.id DESC").arg(kSuggestionColumns), {conversationId});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(suggestionJson(r));
    return out;
}

core::Result<QJsonObject> ConversationService::suggestion(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM ai_suggestions s WHERE s.id = ?").arg(kSuggestionColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("No suggestion %1").arg(id)) : row.error();
    return suggestionJson(*row);
}

core::Result<QJsonObject> ConversationService::generateResponse(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    if (auto st = onlyFields(request, {"sender_name", "writer"}, QStringLiteral("generate-response")); !st)
        return st.error();
    auto senderName = optionalText(request, "sender_name", 100);
    if (!senderName)
        return senderName.error();
    const QString writer = request.value(QStringLiteral("writer")).toString();
    if (!request.value(QStringLiteral("writer")).isUndefined() && writer != QLatin1String("ai") && writer != QLatin1String("offline"))
        return core::fieldError(QStringLiteral("writer"), QStringLiteral("must be \"ai\" or \"offline\""));
    auto conversation = get(id);
    if (!conversation)
        return conversation.error();
    // The thread as the writer reads it: the latest dozen messages, auto-replies left out.
    auto rows = m_db->select(QStringLiteral("SELECT id, direction, from_email, subject, body_text, intent, sentiment FROM messages WHERE conversation_id = ? "
                                            "AND auto_reply = %1 ORDER BY created_at DESC, id DESC LIMIT 12")
                                 .arg(m_db->boolLiteral(false)),
                             {id});
    if (!rows)
        return rows.error();
    QVariant answered;
    QString intent = conversation->value(QStringLiteral("intent")).toString(), sentiment = conversation->value(QStringLiteral("sentiment")).toString(), lastText;
    QStringList thread;
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        const auto &r = *it;
        const bool inbound = r.value(1).toString() == QLatin1String("inbound");
        const QString body = r.value(4).toString();
        const QString text = inbound ? ai::replyPart(body).toString() : body;
        thread << QStringLiteral("%1 (%2):\n%3").arg(inbound ? QStringLiteral("Them") : QStringLiteral("Us"), r.value(2).toString(), text.left(3000));
        if (inbound) {
            answered = r.value(0);
            lastText = text;
            if (!r.value(5).isNull())
                intent = r.value(5).toString();
            if (!r.value(6).isNull())
                sentiment = r.value(6).toString();
        }
    }
    if (answered.isNull())
        return core::makeError(ErrorCode::Conflict, QStringLiteral("Nothing to answer: this conversation has no message from the contact yet"));
    const ai::SentimentResult mood = ai::classifySentiment(lastText);
    QJsonObject lead{{QStringLiteral("email"), conversation->value(QStringLiteral("contact_email"))}};
    QString leadStatus;
    if (conversation->value(QStringLiteral("lead_id")).isDouble()) {
        auto l = m_leads.get(conversation->value(QStringLiteral("lead_id")).toInteger());
        if (l) {
            lead = *l;
            leadStatus = l->value(QStringLiteral("status")).toString();
        }
    }
    const qint64 accountId = conversation->value(QStringLiteral("sender_account_id")).toInteger();
    QString name = senderName->value_or(QString()).trimmed();
    if (name.isEmpty() && accountId > 0)
        if (auto a = m_senders.get(accountId); a)
            name = a->value(QStringLiteral("from_name")).toString();
    auto written = m_ai.suggestReply(lead, thread.join(QStringLiteral("\n\n")), intent, sentiment, name, id, writer == QLatin1String("offline"));
    if (!written)
        return written.error();
    const QString text = written->value(QStringLiteral("text")).toString().trimmed();
    if (text.isEmpty())
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("The writer returned an empty answer; try again"));
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO ai_suggestions (conversation_id, message_id, suggested_response, sentiment, confidence_score, status, writer, "
                                              "model, intent, ai_call_id, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, %1) RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {id, answered, text.left(kMaxBody), sentiment.isEmpty() ? QVariant() : QVariant(sentiment), mood.confidence,
                                written->value(QStringLiteral("writer")).toString(),
                                written->value(QStringLiteral("model")).toString().isEmpty() ? QVariant() : QVariant(written->value(QStringLiteral("model")).toString()),
                                intent.isEmpty() ? QVariant() : QVariant(intent),
                                written->value(QStringLiteral("ai_call_id")).isDouble() ? QVariant(written->value(QStringLiteral("ai_call_id")).toInteger()) : QVariant(),
                                m_db->timestamp(m_clock.now())});
    if (!row)
        return row.error();
    const qint64 suggestionId = row->value(0).toLongLong();
    announce(QStringLiteral("suggestion_created"), {{QStringLiteral("conversation_id"), id}, {QStringLiteral("suggestion_id"), suggestionId}});

    // An auto-approval rule may decide it now; never one that would write to a suppressed address.
    const QJsonObject facts{{QStringLiteral("intent"), intent},
                            {QStringLiteral("sentiment"), sentiment},
                            {QStringLiteral("confidence"), mood.confidence},
                            {QStringLiteral("writer"), written->value(QStringLiteral("writer"))},
                            {QStringLiteral("campaign_id"), conversation->value(QStringLiteral("campaign_id"))},
                            {QStringLiteral("lead_status"), leadStatus},
                            {QStringLiteral("contact_email"), conversation->value(QStringLiteral("contact_email"))},
                            {QStringLiteral("sender_account_id"), accountId > 0 ? QJsonValue(accountId) : QJsonValue()}};
    auto rule = m_rules.match(AutoApprovalRules::suggestionEntity, facts);
    if (!rule)
        return rule.error();
    QJsonObject autoDecision;
    if (*rule) {
        const QString decision = (*rule)->value(QStringLiteral("decision")).toString();
        const QString contact = conversation->value(QStringLiteral("contact_email")).toString();
        auto blocked = contact.isEmpty() ? core::Result<bool>(false) : suppressed(contact);
        if (!blocked)
            return blocked.error();
        autoDecision = {{QStringLiteral("rule_id"), (*rule)->value(QStringLiteral("id"))},
                        {QStringLiteral("rule"), (*rule)->value(QStringLiteral("name"))},
                        {QStringLiteral("decision"), decision}};
        if (decision == QLatin1String("approved") && *blocked) {
            autoDecision.insert(QStringLiteral("decision"), QStringLiteral("waiting"));
            autoDecision.insert(QStringLiteral("reason"), QStringLiteral("the contact is on the suppression list: a person decides"));
        } else {
            auto decided = decide(leads::Actor::system(), suggestionId, decision, {}, (*rule)->value(QStringLiteral("id")).toInteger());
            if (!decided) {
                // Approved but not sent (the mailbox refused): it waits as approved, and says why.
                autoDecision.insert(QStringLiteral("error"), decided.error().message);
            }
        }
    }
    Q_UNUSED(actor)
    auto out = suggestion(suggestionId);
    if (!out)
        return out.error();
    if (m_review.waiting && out->value(QStringLiteral("status")).toString() == QLatin1String("pending"))
        core::logDiscarded(m_review.waiting({{QStringLiteral("suggestion_id"), suggestionId},
                                             {QStringLiteral("conversation_id"), id},
                                             {QStringLiteral("lead_id"), conversation->value(QStringLiteral("lead_id"))},
                                             {QStringLiteral("contact_email"), conversation->value(QStringLiteral("contact_email"))},
                                             {QStringLiteral("subject"), conversation->value(QStringLiteral("subject"))},
                                             {QStringLiteral("their_message"), lastText.left(2000)},
                                             {QStringLiteral("response"), out->value(QStringLiteral("suggested_response"))},
                                             {QStringLiteral("intent"), intent},
                                             {QStringLiteral("sentiment"), sentiment}}),
                           "the suggestion waits on the Inbox page only, not in the approvals queue");
    if (written->contains(QStringLiteral("notice")))
        out->insert(QStringLiteral("notice"), written->value(QStringLiteral("notice")));
    if (!autoDecision.isEmpty())
        out->insert(QStringLiteral("auto_approval"), autoDecision);
    return *out;
}

core::Result<QJsonObject> ConversationService::decide(const leads::Actor &actor, qint64 id, const QString &decision, const QJsonObject &request,
                                                      std::optional<qint64> ruleId)
{
    auto current = suggestion(id);
    if (!current)
        return current.error();
    const QString status = current->value(QStringLiteral("status")).toString();
    // Approving again (after the send failed) is allowed; anything decided for good is not.
    if (status == QLatin1String("sent") || status == QLatin1String("rejected") || status == QLatin1String("replaced") ||
        (decision == QLatin1String("rejected") && status != QLatin1String("pending") && status != QLatin1String("approved")))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("Suggestion %1 is %2 already").arg(id).arg(status), {{QStringLiteral("status"), status}});
    const QVariant decider = actor.userId ? QVariant(*actor.userId) : QVariant();
    const QVariant now = m_db->timestamp(m_clock.now());
    const QVariant rule = ruleId ? QVariant(*ruleId) : QVariant();
    if (decision == QLatin1String("rejected")) {
        auto reason = optionalText(request, "reason", 1000);
        if (!reason)
            return reason.error();
        auto done = m_db->execute(QStringLiteral("UPDATE ai_suggestions SET status = 'rejected', approved_by = ?, approved_at = %1, rejection_reason = ?, "
                                                 "auto_approval_rule_id = ? WHERE id = ? AND status IN ('pending', 'approved')")
                                      .arg(m_db->timestampParam()),
                                  {decider, now, reason->has_value() ? QVariant(**reason) : QVariant(), rule, id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("Suggestion %1 was decided meanwhile").arg(id));
        announce(QStringLiteral("suggestion_decided"), {{QStringLiteral("conversation_id"), current->value(QStringLiteral("conversation_id"))},
                                                        {QStringLiteral("suggestion_id"), id}, {QStringLiteral("status"), QStringLiteral("rejected")}});
        if (m_review.decided)
            core::logDiscarded(m_review.decided(id, QStringLiteral("rejected"), actor, reason->value_or(QString())), "its approval request still waits");
        auto after = suggestion(id);
        if (!after)
            return after.error();
        return QJsonObject{{QStringLiteral("suggestion"), *after}};
    }

    auto edited = optionalText(request, "edited_response", kMaxBody);
    if (!edited)
        return edited.error();
    if (*edited && (*edited)->trimmed().isEmpty())
        return core::fieldError(QStringLiteral("edited_response"), QStringLiteral("cannot be empty (leave it out to send the suggestion as written)"));
    const QJsonValue sendValue = request.value(QStringLiteral("send"));
    if (!sendValue.isUndefined() && !sendValue.isBool())
        return core::fieldError(QStringLiteral("send"), QStringLiteral("must be true or false"));
    const bool send = sendValue.toBool(true);
    QString text = current->value(QStringLiteral("edited_response")).toString();
    if (*edited)
        text = **edited;
    if (text.isEmpty())
        text = current->value(QStringLiteral("suggested_response")).toString();
    const bool changed = text != current->value(QStringLiteral("suggested_response")).toString();
    auto done = m_db->execute(QStringLiteral("UPDATE ai_suggestions SET status = 'approved', approved_by = ?, approved_at = %1, edited_response = ?, auto_approval_rule_id = ? "
                                             "WHERE id = ? AND status IN ('pending', 'approved')")
                                  .arg(m_db->timestampParam()),
                              {decider, now, changed ? QVariant(text) : QVariant(), rule, id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::Conflict, QStringLiteral("Suggestion %1 was decided meanwhile").arg(id));
    QJsonObject out;
    if (send) {
        QJsonObject replyRequest{{QStringLiteral("body"), text}};
        if (request.contains(QStringLiteral("sender_account_id")))
            replyRequest.insert(QStringLiteral("sender_account_id"), request.value(QStringLiteral("sender_account_id")));
        auto sent = reply(actor, current->value(QStringLiteral("conversation_id")).toInteger(), replyRequest);
        if (!sent)
            return sent.error(); // approved, not sent: approving again retries
        const qint64 message = sent->value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toInteger();
        if (auto marked = m_db->execute(QStringLiteral("UPDATE ai_suggestions SET status = 'sent', sent_message_id = ? WHERE id = ?"), {message, id}); !marked)
            return marked.error();
        out.insert(QStringLiteral("message"), sent->value(QStringLiteral("message")));
    }
    announce(QStringLiteral("suggestion_decided"), {{QStringLiteral("conversation_id"), current->value(QStringLiteral("conversation_id"))},
                                                    {QStringLiteral("suggestion_id"), id},
                                                    {QStringLiteral("status"), send ? QStringLiteral("sent") : QStringLiteral("approved")}});
    if (m_review.decided)
        core::logDiscarded(m_review.decided(id, QStringLiteral("approved"), actor, send ? QStringLiteral("Sent from the Inbox") : QString()),
                           "its approval request still waits");
    auto after = suggestion(id);
    if (!after)
        return after.error();
    out.insert(QStringLiteral("suggestion"), *after);
    return out;
}

core::Result<QJsonObject> ConversationService::approveSuggestion(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    if (auto st = onlyFields(request, {"edited_response", "send", "sender_account_id"}, QStringLiteral("an approval")); !st)
        return st.error();
    if (auto account = optionalId(request, "sender_account_id"); !account)
        return account.error();
    return decide(actor, id, QStringLiteral("approved"), request);
}

core::Result<QJsonObject> ConversationService::rejectSuggestion(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    if (auto st = onlyFields(request, {"reason"}, QStringLiteral("a rejection")); !st)
        return st.error();
    return decide(actor, id, QStringLiteral("rejected"), request);
}

core::Result<QJsonObject> ConversationService::regenerateSuggestion(const leads::Actor &actor, const QJsonObject &request)
{
    if (auto st = onlyFields(request, {"suggestion_id", "sender_name", "writer"}, QStringLiteral("regenerate")); !st)
        return st.error();
    auto id = optionalId(request, "suggestion_id");
    if (!id)
        return id.error();
    if (!*id)
        return core::fieldError(QStringLiteral("suggestion_id"), QStringLiteral("is required: the suggestion to write again"));
    auto old = suggestion(**id);
    if (!old)
        return old.error();
    const QString status = old->value(QStringLiteral("status")).toString();
    if (status != QLatin1String("pending") && status != QLatin1String("approved"))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("Suggestion %1 is %2 already").arg(**id).arg(status), {{QStringLiteral("status"), status}});
    QJsonObject again = request;
    again.remove(QStringLiteral("suggestion_id"));
    auto fresh = generateResponse(actor, old->value(QStringLiteral("conversation_id")).toInteger(), again);
    if (!fresh)
        return fresh.error();
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE ai_suggestions SET status = 'replaced' WHERE id = ? AND status IN ('pending', 'approved')"), {**id}),
                       "the replaced suggestion still shows as waiting (the new one is there too)");
    if (m_review.decided)
        core::logDiscarded(m_review.decided(**id, QStringLiteral("rejected"), actor,
                                            QStringLiteral("Written again: suggestion %1 replaces it").arg(fresh->value(QStringLiteral("id")).toInteger())),
                           "its approval request still waits");
    return *fresh;
}

} // namespace fliptech::conversations
