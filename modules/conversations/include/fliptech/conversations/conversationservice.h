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
// its sentiment and intent (the offline model). Shared by the API and the desktop.
//
// Not yet (next session): replies and AI suggestions (generate, approve, reject, regenerate),
// /ws/conversations, attachments stored as files, the Inbox page.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

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

namespace fliptech::conversations {

class ConversationService final
{
public:
    static inline const QString syncType = QStringLiteral("conversations.sync_inbox");
    // Every active account with a mailbox, one after the other; then the sweep queues itself
    // again `minutes` later (FLIPTECH_INBOX_SYNC_MINUTES, default 5; 0: no sweeps).
    static inline const QString sweepType = QStringLiteral("conversations.sync_all");

    ConversationService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events,
                        campaigns::SenderAccountService &senders, campaigns::CampaignService &campaigns, const core::Clock &clock);
    void registerHandlers(storage::WorkerPool &workers);

    // Reads the account's INBOX from where the last sync stopped: {read, stored, replies,
    // auto_replies, bounces, duplicates, restarted, last_uid}.
    core::Result<QJsonObject> syncInbox(qint64 accountId, const std::function<bool()> &cancelled = {});
    // Queues the first sweep `minutes` from now unless one is queued or running already (the
    // engine calls it when it starts its workers).
    core::Status scheduleSweep(int minutes);
    // The same as a job (queue "email"); its id.
    core::Result<qint64> queueSync(qint64 accountId, std::optional<qint64> createdBy = std::nullopt);
    // One message as it arrived in the account's mailbox: {stored, kind: reply|auto_reply|bounce|
    // duplicate|not_mail, conversation_id, message_id, campaign_id?}.
    core::Result<QJsonObject> ingest(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid = std::nullopt);

    // {needs_reply, sentiment, status, campaign_id, assigned_to, lead_id, limit}: newest first.
    core::Result<QJsonArray> list(const QJsonObject &filter);
    core::Result<QJsonObject> get(qint64 id);
    core::Result<QJsonArray> messages(qint64 id);
    // Every message read (unread_count 0); the conversation.
    core::Result<QJsonObject> markRead(qint64 id);
    // status archived; the conversation.
    core::Result<QJsonObject> archive(qint64 id);

private:
    core::Result<QJsonObject> ingestParsed(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid);
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue *m_jobs;
    storage::EventStore *m_events;
    campaigns::SenderAccountService &m_senders;
    campaigns::CampaignService &m_campaigns;
    const core::Clock &m_clock;
};

} // namespace fliptech::conversations
