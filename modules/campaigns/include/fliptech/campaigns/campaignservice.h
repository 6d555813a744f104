#pragma once
// Campaigns (issue 11, spec 2.6): an audience of leads, a sequence of steps (each one template or
// A/B variants, days apart), sender accounts rotated within their caps, sending days and hours
// read in each recipient's time zone. Shared by the API and the desktop.
//
// Launch materialises the recipients in one statement (the audience's leads with an e-mail
// address, one per address, none suppressed or excluded) and queues the send job. The send job
// (`campaigns.send`, one per campaign) moves each recipient-step pending -> sending -> sent |
// failed | bounced, each move its own transaction, the Message-ID written before the SMTP
// transaction starts, the suppression list read at that moment. A row left in `sending` by a
// crash is held for review when the job starts again (or resent when the campaign says
// on_crash: resend); resolveHeld() is the review.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/core/usagegate.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
class JobQueue;
class WorkerPool;
struct JobOutcome;
class JobContext;
} // namespace fliptech::storage

namespace fliptech::campaigns {

class TemplateService;
class SenderAccountService;
class TrackingService;

class CampaignService final
{
public:
    CampaignService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events, TemplateService &templates,
                    SenderAccountService &senders, TrackingService &tracking, const core::Clock &clock);
    ~CampaignService();

    // {status, q (in the name), limit (1-500, default 100)}: newest first.
    core::Result<QJsonArray> list(const QJsonObject &filter = {});
    // {id, campaign_id, name, description, status, audience, steps: [{step, delay_days, variants:
    //  [{label, template_id, template_name}], ab: {metric, sample_size, winner}}],
    //  sender_account_ids, schedule: {start_at, days, start, end, timezone}, on_crash,
    //  track_opens, track_clicks, total_recipients, skipped_recipients, emails_sent, ...,
    //  scheduled_at, started_at, paused_at, completed_at, created_at, updated_at}.
    core::Result<QJsonObject> get(qint64 id);
    // {name, description, audience: {filter | segment_id | lead_ids, exclude: {filter,
    //  contacted_within_days, in_other_campaigns}}, steps: [{delay_days, template_id | variants:
    //  [{template_id}], ab: {metric: open_rate|reply_rate, sample_size}}] (or template_id for a
    //  single message), sender_account_ids (or sender_account_id), schedule, on_crash,
    //  track_opens, track_clicks}. Checked whole; ValidationFailed names the field.
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    // Changes what it names; a launched campaign may change its name, description, schedule
    // and senders (paused first for the others).
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    // Refused while it sends (pause it first).
    core::Status remove(qint64 id);

    // The audience as launch would take it: {recipients, without_email, suppressed, duplicates,
    // excluded, first_send_at: [a few recipients' first send times]}; `fields` as for create
    // (a draft in the wizard) or empty for the saved campaign `id`.
    core::Result<QJsonObject> audiencePreview(const QJsonObject &fields, std::optional<qint64> id = {});

    // Draft -> running (or scheduled, when it starts later): recipients materialised, the send
    // job queued. {start_at} may set the start.
    // When the gate (below) asks for a decision, nothing is launched: the campaign as it is, with
    // "approval" (the request that waits).
    core::Result<QJsonObject> launch(const leads::Actor &actor, qint64 id, const QJsonObject &request = {});
    // launch() once a decision allowed it (the gate is not asked again).
    core::Result<QJsonObject> launchApproved(const leads::Actor &actor, qint64 id, const QJsonObject &request = {});
    // Asked before a launch, all checks passed (the engine wires the approvals): the approval
    // request when the launch must wait for a decision, nothing when it may go on.
    using LaunchGate = std::function<core::Result<std::optional<QJsonObject>>(const leads::Actor &actor, const QJsonObject &campaign, qint64 recipients,
                                                                              const QJsonObject &request)>;
    void setLaunchGate(LaunchGate gate) { m_launchGate = std::move(gate); }
    core::Result<QJsonObject> pause(qint64 id);
    core::Result<QJsonObject> resume(qint64 id);
    // Sends one step (default the first) to 1-5 addresses, rendered for a lead (or the sample
    // recipient), from the campaign's first sender: {sent, message_id, subject}.
    core::Result<QJsonObject> sendTest(qint64 id, const QJsonObject &request);

    // {campaign_id, status, total_recipients, pending, sending, held, sent, delivered, failed,
    //  bounced, opened, clicked, replied, unsubscribed, suppressed, rates: {...}, steps: [{step,
    //  sent, opened, clicked, replied, bounced, variants: [{label, sent, opened, ..., rates}]}]}.
    core::Result<QJsonObject> stats(qint64 id);
    // {status, limit (1-1000, default 100), after (an id)}: [{id, lead_id, email, name, status,
    //  step, variant, sender_account_id, message_id, next_send_at, sent_at, opened_at, ...}].
    core::Result<QJsonArray> recipients(qint64 id, const QJsonObject &filter = {});
    // Recipients who opened / clicked / replied, latest first: kind = opened_at | clicked_at |
    // replied_at.
    core::Result<QJsonArray> activity(qint64 id, const QString &kind, int limit = 100);
    // Sent, opened, clicked and replied per hour or day (UTC): [{at, sent, opened, clicked,
    // replied}], oldest first (the campaign page's chart).
    core::Result<QJsonArray> timeline(qint64 id, const QString &bucket = QStringLiteral("hour"));
    // The held rows (a crash cut their send off): {recipient_ids: [..] or all: true, action:
    // mark_sent (it did go out) | resend | skip}: {affected}.
    core::Result<QJsonObject> resolveHeld(qint64 id, const QJsonObject &request);

    // A lead joins a campaign that has been launched (running, scheduled, paused, or completed:
    // it runs again) — a rule's add_to_campaign — at its first step, due at once (its sending days
    // and hours still apply): {added: true, campaign_id, lead_id, recipient_id}, or {added: false,
    // reason} when it is in it already (or its address is), has no deliverable address, is
    // suppressed or the campaign's exclusions leave it out. A draft (its audience is taken at
    // launch) is a Conflict. In the caller's transaction.
    core::Result<QJsonObject> addLead(qint64 campaignId, qint64 leadId);
    // A lead's sequence stops in one campaign, or in every campaign that has not ended (a rule's
    // stop_sequence): the steps not yet sent never are ({stopped: recipients}); a message being
    // sent this very moment still goes.
    core::Result<QJsonObject> stopLead(qint64 leadId, std::optional<qint64> campaignId, const QString &why);
    // Whether a rule may name the campaign for add_to_campaign (it exists and was launched):
    // empty when it may, else why not.
    core::Result<QString> joinProblem(qint64 campaignId);

    // A reply to one of the campaigns' messages (the inbox calls this with its In-Reply-To): the
    // message and its recipient marked replied, the sequence stopped, counted once.
    // {campaign_id, recipient_id, lead_id}; NotFound when the Message-ID is not one of ours.
    core::Result<QJsonObject> recordReply(const QString &messageId, const QDateTime &at);

    // What a bounce report, a provider's event or the inbox says about a message a campaign sent,
    // found by its Message-ID (else the latest message to the address). A hard bounce marks the
    // message and its recipient bounced; a complaint or an unsubscribe stops the recipient; each
    // of the three puts the address on the suppression list even when no message is found. A
    // soft bounce is noted on the message; an open or a click is counted once.
    struct DeliveryEvent {
        enum class Kind { HardBounce, SoftBounce, Complaint, Unsubscribe, Open, Click };
        Kind kind = Kind::HardBounce;
        QString messageId; // "<id@host>" or "id@host"
        QString email;
        QString status;    // "5.1.1", "550"
        QString reason;
        QString source;    // smtp, dsn, sendgrid, mailgun
    };
    // {matched, campaign_id, recipient_id, suppressed}.
    core::Result<QJsonObject> recordDeliveryEvent(const DeliveryEvent &event);
    // A delivery status notification (or a vendor's text bounce) as it arrived: read and recorded;
    // {bounce: false} when the message is no bounce.
    core::Result<QJsonObject> recordBounceMessage(const QByteArray &message, const QString &source = QStringLiteral("dsn"));

    // Reads a sender account's bounce mailbox (IMAP INBOX) from where the last check stopped
    // (its UIDVALIDITY and last UID kept; a new UIDVALIDITY reads it again from the start): each
    // new message that is a bounce is recorded; others (replies) are left for the inbox.
    // {checked, bounces, matched, last_uid}.
    core::Result<QJsonObject> checkBounces(qint64 accountId, const std::function<bool()> &cancelled = {});
    // The same as a job (campaigns.check_bounces; the user's, who may follow it): its id.
    core::Result<qint64> queueBounceCheck(qint64 accountId, const QDateTime &runAt = {}, std::optional<qint64> createdBy = std::nullopt);

    // The campaigns.send handler (and campaigns.check_bounces).
    void registerHandlers(storage::WorkerPool &workers);
    // How many SMTP connections a send job opens at most (default 4, FLIPTECH_SMTP_CONNECTIONS).
    void setConnections(int n) { m_connections = qBound(1, n, 16); }
    // What a send job may wait for in place rather than queueing itself for later (default 5 s).
    void setMaxInlineWaitMs(int ms) { m_maxInlineWaitMs = ms; }

    // Limits on e-mails sent per day and month: sends wait for the next period; null: none.
    void setUsageGate(core::UsageGate *gate) { m_usage = gate; }

private:
    core::Result<QJsonObject> launchChecked(const leads::Actor &actor, qint64 id, const QJsonObject &request, bool gated);
    LaunchGate m_launchGate;
    struct Send;
    storage::JobOutcome runSendJob(storage::JobContext &context);
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);
    core::Status queueSendJob(qint64 id, const QDateTime &runAt = {});
    core::Result<QJsonObject> setStatus(qint64 id, const QStringList &from, const QString &to, const QString &refusal);
    void publish(qint64 id, const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue *m_jobs;
    storage::EventStore *m_events;
    TemplateService &m_templates;
    SenderAccountService &m_senders;
    TrackingService &m_tracking;
    const core::Clock &m_clock;
    core::UsageGate *m_usage = nullptr;
    int m_connections = 4;
    int m_maxInlineWaitMs = 5000;
};

} // namespace fliptech::campaigns
