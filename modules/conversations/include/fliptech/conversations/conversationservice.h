#pragma once
// ConversationService (issue 12, spec 2.7): the replies to our mail, read from each sender
// account's INBOX over IMAP (incrementally: its UIDVALIDITY and last UID kept; a new UIDVALIDITY
// reads the mailbox again, each message stored once), parsed (mail::parseMessage), and threaded:
// by In-Reply-To / References to a message of ours (a campaign's, or one sent from the inbox),
// else by the sender's address and the subject without its "Re:"s, else a new conversation
// with the lead whose address it came from. A reply to a campaign marks its recipient replied
// and stops the sequence (CampaignService::recordReply); an auto-reply or out-of-office answer is
// stored, flagged, and counts as no reply; an unsubscribe request suppresses the address; bounces
// are left to the campaign engine's bounce reader, which reads the same mailbox. Each message gets
// its sentiment and intent (the offline model); its attachments become files (entity "message").
//
// Answers go out through the conversation's sender account with the threading headers a mail
// client expects (In-Reply-To the message answered, References the thread), and are stored as
// outbound messages, so the next reply threads to them. The AI suggests answers (AiService, or
// the offline writer); a suggestion is sent only when a person approves it (edited or not) or an
// auto-approval rule says so. Every change is announced on the "conversations" channel
// (/ws/conversations). Shared by the API and the desktop.

#include "fliptech/conversations/autoapproval.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace fliptech::storage {
class Database;
class EventStore;
class JobQueue;
class WorkerPool;
} // namespace fliptech::storage
namespace fliptech::campaigns {
class SenderAccountService;
class CampaignService;
} // namespace fliptech::campaigns
namespace fliptech::ai {
class AiService;
}
namespace fliptech::leads {
class LeadService;
class FileStore;
} // namespace fliptech::leads

namespace fliptech::conversations {

class ConversationService final
{
public:
    static inline const QString syncType = QStringLiteral("conversations.sync_inbox");
    // Every active account with a mailbox, one after the other; then the sweep queues itself
    // again `minutes` later (FLIPTECH_INBOX_SYNC_MINUTES, default 5; 0: no sweeps).
    static inline const QString sweepType = QStringLiteral("conversations.sync_all");

    ConversationService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events,
                        campaigns::SenderAccountService &senders, campaigns::CampaignService &campaigns, ai::AiService &ai, leads::LeadService &leads,
                        leads::FileStore &files, const core::Clock &clock);
    void registerHandlers(storage::WorkerPool &workers);

    // Reads the account's INBOX from where the last sync stopped: {read, stored, replies,
    // auto_replies, bounces, duplicates, restarted, last_uid}. One sync of an account at a time
    // in this process (a second waits, then finds little left to read).
    core::Result<QJsonObject> syncInbox(qint64 accountId, const std::function<bool()> &cancelled = {});
    // Queues the first sweep `minutes` from now unless one is queued or running already (the
    // engine calls it when it starts its workers).
    core::Status scheduleSweep(int minutes);
    // The same as a job (queue "email"); its id.
    core::Result<qint64> queueSync(qint64 accountId, std::optional<qint64> createdBy = std::nullopt);
    // One message as it arrived in the account's mailbox: {stored, kind: reply|auto_reply|bounce|
    // duplicate|not_mail, conversation_id, message_id, campaign_id?}.
    core::Result<QJsonObject> ingest(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid = std::nullopt);

    // The accounts due a read: active, with a mailbox, their own interval (inbox_sync_minutes;
    // null: `defaultMinutes`; 0: only on demand) passed since their last read; with
    // `ignoreIntervals`, every active account with a mailbox (Check mail).
    core::Result<QList<qint64>> accountsDue(int defaultMinutes, bool ignoreIntervals = false);
    // Those mailboxes read one after the other (the sweep, the desktop's Check mail):
    // {accounts: [{account_id, read, stored, replies} | {account_id, error}], stored, replies,
    //  failed, cancelled}; `progress` hears (done, total) before each.
    QJsonObject syncMailboxes(const QList<qint64> &accounts, const std::function<bool()> &cancelled = {},
                              const std::function<void(int done, int total)> &progress = {});

    // {needs_reply, sentiment, status, campaign_id, assigned_to, lead_id, limit}: newest first.
    core::Result<QJsonArray> list(const QJsonObject &filter);
    core::Result<QJsonObject> get(qint64 id);
    // Oldest first, each with its attachments [{file_id, filename, content_type, size}].
    core::Result<QJsonArray> messages(qint64 id);
    // Every message read (unread_count 0); the conversation.
    core::Result<QJsonObject> markRead(qint64 id);
    // status archived; the conversation.
    core::Result<QJsonObject> archive(qint64 id);

    // POST /conversations/{id}/reply: {body, subject?, html?, sender_account_id?} sent to the
    // contact over the account (the conversation's unless named), In-Reply-To the last message
    // with an id, References the thread: {conversation, message}. Nothing is stored when the
    // send fails; the error says why.
    core::Result<QJsonObject> reply(const leads::Actor &actor, qint64 id, const QJsonObject &request);
    // POST /ai-mvp/send-email: {draft_id | (lead_id, subject, body), html?, sender_account_id, to?}: a
    // new conversation with the lead (the draft marked sent). A suppressed address is refused.
    core::Result<QJsonObject> sendEmail(const leads::Actor &actor, const QJsonObject &request);

    // POST /conversations/{id}/generate-response: {sender_name?, writer?: "offline"} → a pending
    // suggestion {id, conversation_id, message_id, suggested_response, edited_response, status,
    // writer, model, intent, sentiment, confidence_score, notice?, auto_approval?}. An
    // auto-approval rule that matches decides it at once (approved: sent; rejected: kept as such).
    core::Result<QJsonObject> generateResponse(const leads::Actor &actor, qint64 id, const QJsonObject &request);
    core::Result<QJsonArray> suggestions(qint64 conversationId);
    core::Result<QJsonObject> suggestion(qint64 id);
    // {edited_response?, send?: true}: approved by the actor (and sent, unless send is false):
    // {suggestion, message?}. A suggestion sent, rejected or replaced cannot be approved.
    core::Result<QJsonObject> approveSuggestion(const leads::Actor &actor, qint64 id, const QJsonObject &request);
    // {reason?}: rejected by the actor.
    core::Result<QJsonObject> rejectSuggestion(const leads::Actor &actor, qint64 id, const QJsonObject &request);
    // {suggestion_id, sender_name?, writer?}: the old one replaced, a new one written.
    core::Result<QJsonObject> regenerateSuggestion(const leads::Actor &actor, const QJsonObject &request);

    AutoApprovalRules &autoApproval() { return m_rules; }

    // Suggestions waiting for a person are in the workflow-approvals queue too (the engine wires
    // it). `waiting` gets {suggestion_id, conversation_id, lead_id, contact_email, subject,
    // their_message, response, intent, sentiment} when a suggestion is written and no rule
    // decided it; `decided` gets the suggestion, approved|rejected, the decider and a note when it
    // is decided here (approved, sent, rejected, or replaced by a new one), so that request closes.
    struct ReviewHooks {
        std::function<core::Status(const QJsonObject &review)> waiting;
        std::function<core::Status(qint64 suggestionId, const QString &status, const leads::Actor &actor, const QString &note)> decided;
    };
    void setReviewHooks(ReviewHooks hooks) { m_review = std::move(hooks); }

private:
    struct Outgoing {
        qint64 conversationId = 0; // 0: a new conversation
        qint64 accountId = 0;
        std::optional<qint64> leadId;
        QString to, subject, text, html, inReplyTo;
        QStringList references;
    };
    core::Result<QJsonObject> deliver(const Outgoing &out);
    core::Result<QJsonObject> decide(const leads::Actor &actor, qint64 id, const QString &decision, const QJsonObject &request,
                                     std::optional<qint64> ruleId = std::nullopt);
    core::Result<bool> suppressed(const QString &email);
    std::mutex &accountLock(qint64 accountId);
    core::Result<QJsonObject> ingestParsed(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid);
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue *m_jobs;
    storage::EventStore *m_events;
    campaigns::SenderAccountService &m_senders;
    campaigns::CampaignService &m_campaigns;
    ai::AiService &m_ai;
    leads::LeadService &m_leads;
    leads::FileStore &m_files;
    const core::Clock &m_clock;
    AutoApprovalRules m_rules;
    ReviewHooks m_review;
    std::mutex m_locksGuard;
    std::map<qint64, std::unique_ptr<std::mutex>> m_locks;
};

} // namespace fliptech::conversations
