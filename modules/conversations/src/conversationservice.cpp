#include "fliptech/conversations/conversationservice.h"

#include "fliptech/ai/sentiment.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/mail/bounce.h"
#include "fliptech/mail/imapclient.h"
#include "fliptech/mail/message.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QUuid>

#include <optional>

namespace fliptech::conversations {

using core::ErrorCode;
using storage::Database;

namespace {

QJsonValue optionalId(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); }
QJsonValue optionalText(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); }

constexpr int kMaxAttachments = 20;
constexpr qsizetype kMaxAttachmentBytes = 25 * 1024 * 1024;

// The stored file's extension: the sender's, when it is a short plain one.
QString extensionOf(const QString &filename)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9]{1,8}$"));
    const QString ext = QFileInfo(filename).suffix().toLower();
    return plain.match(ext).hasMatch() ? ext : QStringLiteral("bin");
}
} // namespace

ConversationService::ConversationService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events,
                                         campaigns::SenderAccountService &senders, campaigns::CampaignService &campaigns, ai::AiService &ai,
                                         leads::LeadService &leads, leads::FileStore &files, const core::Clock &clock)
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_senders(senders), m_campaigns(campaigns), m_ai(ai), m_leads(leads), m_files(files), m_clock(clock),
      m_rules(m_db, clock)
{
}

std::mutex &ConversationService::accountLock(qint64 accountId)
{
    std::lock_guard guard(m_locksGuard);
    auto &slot = m_locks[accountId];
    if (!slot)
        slot = std::make_unique<std::mutex>();
    return *slot;
}


core::Result<QList<qint64>> ConversationService::accountsDue(int defaultMinutes, bool ignoreIntervals)
{
    auto rows = m_db->select(QStringLiteral("SELECT id, inbox_sync_minutes, inbox_synced_at FROM sender_accounts WHERE is_active = %1 AND imap_host IS NOT NULL "
                                            "AND imap_host <> '' ORDER BY id")
                                 .arg(m_db->boolLiteral(true)));
    if (!rows)
        return rows.error();
    const QDateTime now = m_clock.now();
    QList<qint64> due;
    for (const auto &r : *rows) {
        const int minutes = r.value(1).isNull() ? defaultMinutes : r.value(1).toInt();
        // A few seconds' grace: a sweep that comes back after exactly N minutes reads it.
        if (ignoreIntervals || (minutes > 0 && (r.value(2).isNull() || Database::toDateTime(r.value(2)).addSecs(qint64(minutes) * 60 - 5) <= now)))
            due.append(r.value(0).toLongLong());
    }
    return due;
}

QJsonObject ConversationService::syncMailboxes(const QList<qint64> &accounts, const std::function<bool()> &cancelled,
                                               const std::function<void(int done, int total)> &progress)
{
    QJsonArray results;
    int stored = 0, replies = 0, failed = 0;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (cancelled && cancelled())
            break;
        if (progress)
            progress(int(i), int(accounts.size()));
        const qint64 id = accounts.at(i);
        auto r = syncInbox(id, cancelled);
        // One mailbox failing (a password changed, a server down) does not stop the others.
        if (!r) {
            ++failed;
            results.append(QJsonObject{{QStringLiteral("account_id"), id}, {QStringLiteral("error"), r.error().userMessage()}});
            continue;
        }
        stored += r->value(QStringLiteral("stored")).toInt();
        replies += r->value(QStringLiteral("replies")).toInt();
        results.append(QJsonObject{{QStringLiteral("account_id"), id}, {QStringLiteral("read"), r->value(QStringLiteral("read"))},
                                   {QStringLiteral("stored"), r->value(QStringLiteral("stored"))}, {QStringLiteral("replies"), r->value(QStringLiteral("replies"))}});
    }
    return QJsonObject{{QStringLiteral("accounts"), results}, {QStringLiteral("stored"), stored}, {QStringLiteral("replies"), replies},
                       {QStringLiteral("failed"), failed}, {QStringLiteral("cancelled"), cancelled && cancelled()}};
}

void ConversationService::registerHandlers(storage::WorkerPool &workers)
{
    workers.registerHandler(syncType, [this](storage::JobContext &c) {
        return storage::JobOutcome::of(syncInbox(c.payload().value(QStringLiteral("account_id")).toInteger(), [&c] { return c.isCancelled(); }));
    });
    workers.registerHandler(sweepType, [this](storage::JobContext &c) {
        const int minutes = c.payload().value(QStringLiteral("every_minutes")).toInt(5);
        auto accounts = accountsDue(minutes);
        if (!accounts)
            return storage::JobOutcome::failed(accounts.error().message);
        const QJsonObject results = syncMailboxes(*accounts, [&c] { return c.isCancelled(); });
        // The next sweep comes as soon as the most eager mailbox wants it.
        auto shortest = m_db->selectOne(QStringLiteral("SELECT MIN(inbox_sync_minutes) FROM sender_accounts WHERE is_active = %1 AND inbox_sync_minutes > 0")
                                            .arg(m_db->boolLiteral(true)));
        const int every = shortest && !shortest->value(0).isNull() ? qMin(minutes, shortest->value(0).toInt()) : minutes;
        if (minutes > 0 && m_jobs) {
            storage::JobSpec next(sweepType, {{QStringLiteral("every_minutes"), minutes}});
            next.queue = QStringLiteral("email");
            next.runAt = m_clock.now().addSecs(qint64(every) * 60);
            next.maxAttempts = 1;
            if (auto queued = m_jobs->enqueue(next); !queued)
                return storage::JobOutcome::failed(queued.error().message);
        }
        return storage::JobOutcome::done(results);
    });
}

core::Status ConversationService::scheduleSweep(int minutes)
{
    if (minutes <= 0 || !m_jobs)
        return {};
    auto active = m_jobs->hasActive(sweepType);
    if (!active)
        return active.error();
    if (*active)
        return {};
    storage::JobSpec first(sweepType, {{QStringLiteral("every_minutes"), minutes}});
    first.queue = QStringLiteral("email");
    first.runAt = m_clock.now().addSecs(qint64(minutes) * 60);
    first.maxAttempts = 1;
    auto queued = m_jobs->enqueue(first);
    if (!queued)
        return queued.error();
    return {};
}

void ConversationService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("conversations"), payload), "announcing a conversation change (clients refresh on their next read)");
}

core::Result<qint64> ConversationService::queueSync(qint64 accountId, std::optional<qint64> createdBy)
{
    if (!m_jobs)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no job queue"));
    auto settings = m_senders.imapSettings(accountId);
    if (!settings)
        return settings.error();
    storage::JobSpec spec(syncType, {{QStringLiteral("account_id"), accountId}});
    spec.queue = QStringLiteral("email");
    spec.maxAttempts = 3;
    spec.createdBy = createdBy;
    return m_jobs->enqueue(spec);
}

core::Result<QJsonObject> ConversationService::syncInbox(qint64 accountId, const std::function<bool()> &cancelled)
{
    auto settings = m_senders.imapSettings(accountId);
    if (!settings)
        return settings.error();
    std::lock_guard oneAtATime(accountLock(accountId));
    auto cursor = m_senders.mailboxCursor(accountId, campaigns::SenderAccountService::MailboxReader::Inbox);
    if (!cursor)
        return cursor.error();
    QHash<QString, int> kinds;
    int stored = 0;
    mail::ImapClient imap(*settings);
    // A batch of messages and the cursor after them are one transaction: stored together, or
    // (an error half-way) read again next time. It also spares a commit per message.
    std::optional<storage::Transaction> batch;
    auto read = mail::readNewMessages(
        imap, QStringLiteral("INBOX"), *cursor,
        [&](qint64 uid, const QByteArray &raw) -> core::Status {
            if (!batch) {
                batch.emplace(*m_db);
                if (!batch->isActive())
                    return batch->error();
            }
            auto r = ingest(accountId, raw, uid);
            if (!r)
                return r.error();
            ++kinds[r->value(QStringLiteral("kind")).toString()];
            stored += r->value(QStringLiteral("stored")).toBool() ? 1 : 0;
            return {};
        },
        [&](const mail::MailboxCursor &at) -> core::Status {
            if (auto saved = m_senders.saveMailboxCursor(accountId, campaigns::SenderAccountService::MailboxReader::Inbox, at); !saved)
                return saved.error();
            if (batch) {
                auto committed = batch->commit();
                batch.reset();
                if (!committed)
                    return committed.error();
            }
            return {};
        },
        cancelled, 200);
    if (!read)
        return read.error();
    return QJsonObject{{QStringLiteral("read"), read->read},
                       {QStringLiteral("stored"), stored},
                       {QStringLiteral("replies"), kinds.value(QStringLiteral("reply"))},
                       {QStringLiteral("auto_replies"), kinds.value(QStringLiteral("auto_reply"))},
                       {QStringLiteral("bounces"), kinds.value(QStringLiteral("bounce"))},
                       {QStringLiteral("duplicates"), kinds.value(QStringLiteral("duplicate"))},
                       {QStringLiteral("not_mail"), kinds.value(QStringLiteral("not_mail"))},
                       {QStringLiteral("restarted"), read->restarted},
                       {QStringLiteral("last_uid"), read->cursor.lastUid}};
}

core::Result<QJsonObject> ConversationService::ingest(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid)
{
    // Bounces are the campaign engine's (its bounce reader reads this mailbox too).
    if (mail::parseBounce(raw))
        return QJsonObject{{QStringLiteral("stored"), false}, {QStringLiteral("kind"), QStringLiteral("bounce")}};
    return ingestParsed(accountId, raw, uid);
}

core::Result<QJsonObject> ConversationService::ingestParsed(qint64 accountId, const QByteArray &raw, std::optional<qint64> uid)
{
    auto parsed = mail::parseMessage(raw);
    if (!parsed)
        return QJsonObject{{QStringLiteral("stored"), false}, {QStringLiteral("kind"), QStringLiteral("not_mail")}, {QStringLiteral("error"), parsed.error().message}};
    const mail::ParsedMessage &m = *parsed;
    const QString messageId = mail::bracketedMessageId(m.messageId);

    // The ids it answers, newest first.
    QStringList ids;
    if (!m.inReplyTo.isEmpty())
        ids << mail::bracketedMessageId(m.inReplyTo);
    for (auto it = m.references.crbegin(); it != m.references.crend(); ++it)
        if (!ids.contains(mail::bracketedMessageId(*it)))
            ids << mail::bracketedMessageId(*it);
    ids = ids.mid(0, 50);

    QVariant conversationId, leadId, campaignId, recipientId;
    QString matchedId;
    // One look at our messages answers both questions: is this one stored already (this account,
    // inbound), and which of ours does it answer (the newest).
    if (!messageId.isEmpty() || !ids.isEmpty()) {
        QVariantList params;
        for (const QString &id : std::as_const(ids))
            params << id;
        if (!messageId.isEmpty())
            params << messageId;
        auto ours = m_db->select(QStringLiteral("SELECT m.message_id, m.direction, m.sender_account_id, m.conversation_id, c.lead_id, c.campaign_id FROM messages m "
                                                "JOIN conversations c ON c.id = m.conversation_id WHERE m.message_id IN (%1) ORDER BY m.id DESC")
                                     .arg(Database::placeholders(params.size())),
                                 params);
        if (!ours)
            return ours.error();
        for (const auto &r : *ours)
            if (r.value(0).toString() == messageId && r.value(1).toString() == QLatin1String("inbound") && r.value(2).toLongLong() == accountId)
                return QJsonObject{{QStringLiteral("stored"), false}, {QStringLiteral("kind"), QStringLiteral("duplicate")}, {QStringLiteral("conversation_id"), r.value(3).toLongLong()}};
        for (const auto &r : *ours)
            if (ids.contains(r.value(0).toString())) {
                conversationId = r.value(3);
                leadId = r.value(4);
                campaignId = r.value(5);
                break;
            }
    }
    if (!ids.isEmpty()) {
        QVariantList params;
        for (const QString &id : std::as_const(ids))
            params << id;
        auto sent = m_db->selectOne(QStringLiteral("SELECT cm.message_id, r.id, r.campaign_id, r.lead_id FROM campaign_messages cm JOIN campaign_recipients r ON r.id = cm.recipient_id "
                                                   "WHERE cm.message_id IN (%1) ORDER BY cm.id DESC LIMIT 1")
                                        .arg(Database::placeholders(ids.size())),
                                    params);
        if (sent) {
            matchedId = sent->value(0).toString();
            recipientId = sent->value(1);
            if (campaignId.isNull())
                campaignId = sent->value(2);
            if (leadId.isNull())
                leadId = sent->value(3);
        } else if (sent.error().code != ErrorCode::NotFound) {
            return sent.error();
        }
    }
    const QString contact = m.from.email.trimmed().toLower();
    const QString normalized = mail::normalizeSubject(m.subject);
    if (conversationId.isNull() && !leadId.isNull() && !campaignId.isNull()) {
        auto c = m_db->selectOne(QStringLiteral("SELECT id FROM conversations WHERE lead_id = ? AND campaign_id = ? ORDER BY id DESC LIMIT 1"), {leadId, campaignId});
        if (c)
            conversationId = c->value(0);
        else if (c.error().code != ErrorCode::NotFound)
            return c.error();
    }
    if (conversationId.isNull() && !contact.isEmpty()) {
        // Clients that drop the threading headers: the same sender and subject.
        auto c = m_db->selectOne(QStringLiteral("SELECT id, lead_id, campaign_id FROM conversations WHERE contact_email = ? AND normalized_subject = ? "
                                                "ORDER BY last_message_at DESC LIMIT 1"),
                                 {contact, normalized});
        if (c) {
            conversationId = c->value(0);
            if (leadId.isNull())
                leadId = c->value(1);
            if (campaignId.isNull())
                campaignId = c->value(2);
        } else if (c.error().code != ErrorCode::NotFound) {
            return c.error();
        }
    }
    if (leadId.isNull() && !contact.isEmpty()) {
        auto l = m_db->selectOne(QStringLiteral("SELECT id FROM leads WHERE lower(email) = ? ORDER BY id LIMIT 1"), {contact});
        if (l)
            leadId = l->value(0);
        else if (l.error().code != ErrorCode::NotFound)
            return l.error();
    }

    const ai::SentimentResult mood = ai::classifySentiment(m.text);
    const QString intent = m.autoReply ? QStringLiteral("auto_reply") : mood.intent;
    const QDateTime now = m_clock.now();
    const QDateTime at = m.date.isValid() && m.date <= now.addSecs(3600) ? m.date : now;
    qint64 conversation = 0, message = 0;
    bool created = false, committed = false;
    int attachments = 0;
    QStringList written;
    const auto removeUncommitted = qScopeGuard([&] {
        if (!committed)
            for (const QString &path : std::as_const(written))
                QFile::remove(path);
    });
    {
        // Inside a sync's batch it joins the batch (an error fails the batch, read again next
        // time): two statements fewer a message on PostgreSQL.
        storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate, storage::Transaction::Nesting::Join);
        if (!tx.isActive())
            return tx.error();
        if (conversationId.isNull()) {
            auto c = m_db->selectOne(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id, campaign_id, subject, status, sentiment, intent, last_message_at, "
                                                    "needs_reply, sender_account_id, contact_email, normalized_subject, unread_count, created_at, updated_at) "
                                                    "VALUES (?, ?, ?, ?, 'active', ?, ?, %1, %2, ?, ?, ?, 0, %1, %1) RETURNING id")
                                         .arg(m_db->timestampParam(), m_db->boolLiteral(false)),
                                     {QUuid::createUuid().toString(QUuid::WithoutBraces), leadId, campaignId, m.subject.left(500), mood.label, intent,
                                      m_db->timestamp(at), accountId, contact.isEmpty() ? QVariant() : QVariant(contact), normalized, m_db->timestamp(now), m_db->timestamp(now)});
            if (!c)
                return c.error();
            conversation = c->value(0).toLongLong();
            created = true;
        } else {
            conversation = conversationId.toLongLong();
        }
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO messages (conversation_id, direction, message_id, in_reply_to, from_email, to_email, subject, body_html, body_text, "
                                                  "sentiment, is_read, created_at, sender_account_id, imap_uid, auto_reply, auto_reply_reason, intent, sentiment_score, "
                                                  "campaign_recipient_id) VALUES (?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, %1, %2, ?, ?, %3, ?, ?, ?, ?) RETURNING id")
                                       .arg(m_db->boolLiteral(false), m_db->timestampParam(), m_db->boolLiteral(m.autoReply)),
                                   {conversation, messageId.isEmpty() ? QVariant() : QVariant(messageId), ids.isEmpty() ? QVariant() : QVariant(ids.first()),
                                    m.from.email, m.to.isEmpty() ? QVariant() : QVariant(m.to.first().email), m.subject.left(1000),
                                    m.html.isEmpty() ? QVariant() : QVariant(m.html.left(1 << 20)), m.text.left(1 << 20), mood.label, m_db->timestamp(at), accountId,
                                    uid ? QVariant(*uid) : QVariant(), m.autoReplyReason.isEmpty() ? QVariant() : QVariant(m.autoReplyReason), intent, mood.score,
                                    recipientId});
        if (!row)
            return row.error();
        message = row->value(0).toLongLong();
        // Attachments become files of the message; written before the commit, removed again
        // when it does not happen.
        for (const mail::Attachment &a : m.attachments) {
            if (attachments >= kMaxAttachments)
                break;
            if (a.data.isEmpty() || a.data.size() > kMaxAttachmentBytes)
                continue;
            const QString path = m_files.newPath(extensionOf(a.filename));
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(a.data) != a.data.size() || !file.commit())
                return core::makeError(ErrorCode::Internal, QStringLiteral("cannot write an attachment to %1: %2").arg(path, file.errorString()));
            written << path;
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            const QString name = a.filename.isEmpty() ? QStringLiteral("attachment.%1").arg(extensionOf(a.filename)) : a.filename;
            auto stored = m_files.adopt(leads::Actor::system(), path, name, a.contentType.isEmpty() ? QStringLiteral("application/octet-stream") : a.contentType,
                                        QStringLiteral("message"), message);
            if (!stored)
                return stored.error();
            ++attachments;
        }
        // An auto-reply neither asks for an answer nor changes the mood of the conversation.
        const QString update = m.autoReply
                                   ? QStringLiteral("UPDATE conversations SET unread_count = unread_count + 1, last_message_at = CASE WHEN last_message_at IS NULL OR "
                                                    "last_message_at < %1 THEN %1 ELSE last_message_at END, updated_at = %1 WHERE id = ?")
                                   : QStringLiteral("UPDATE conversations SET unread_count = unread_count + 1, needs_reply = %2, sentiment = ?, intent = ?, status = 'active', "
                                                    "last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at < %1 THEN %1 ELSE last_message_at END, "
                                                    "updated_at = %1 WHERE id = ?");
        const QString sql = m.autoReply ? update.arg(m_db->timestampParam()) : update.arg(m_db->timestampParam(), m_db->boolLiteral(true));
        // The time appears three times in the statement: its value each time.
        QVariantList all;
        if (!m.autoReply)
            all << mood.label << intent;
        all << m_db->timestamp(at) << m_db->timestamp(at) << m_db->timestamp(now) << conversation;
        if (auto done = m_db->execute(sql, all); !done)
            return done.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        committed = true;
    }

    QJsonObject out{{QStringLiteral("stored"), true},
                    {QStringLiteral("attachments"), attachments},
                    {QStringLiteral("kind"), m.autoReply ? QStringLiteral("auto_reply") : QStringLiteral("reply")},
                    {QStringLiteral("conversation_id"), conversation},
                    {QStringLiteral("message_id"), message},
                    {QStringLiteral("created"), created},
                    {QStringLiteral("sentiment"), mood.label},
                    {QStringLiteral("intent"), intent}};
    if (!campaignId.isNull())
        out.insert(QStringLiteral("campaign_id"), campaignId.toLongLong());
    if (!m.autoReply && !matchedId.isEmpty()) {
        // The campaign's recipient replied: marked, its sequence stopped (counted once).
        auto replied = m_campaigns.recordReply(matchedId, at);
        if (!replied && replied.error().code != ErrorCode::NotFound)
            return replied.error();
    }
    if (!m.autoReply && mood.intent == QLatin1String("unsubscribe_request") && !contact.isEmpty()) {
        campaigns::CampaignService::DeliveryEvent e;
        e.kind = campaigns::CampaignService::DeliveryEvent::Kind::Unsubscribe;
        e.messageId = matchedId;
        e.email = contact;
        e.reason = QStringLiteral("asked in a reply");
        e.source = QStringLiteral("reply");
        auto done = m_campaigns.recordDeliveryEvent(e);
        if (!done)
            return done.error();
        out.insert(QStringLiteral("unsubscribed"), true);
    }
    announce(QStringLiteral("message_received"), {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("message_id"), message},
                                                  {QStringLiteral("kind"), out.value(QStringLiteral("kind"))}, {QStringLiteral("sentiment"), mood.label}});
    return out;
}

core::Result<QJsonArray> ConversationService::list(const QJsonObject &filter)
{
    QStringList where;
    QVariantList params;
    if (filter.value(QStringLiteral("unread")).toBool())
        where << QStringLiteral("c.unread_count > 0");
    if (filter.contains(QStringLiteral("needs_reply")))
        where << QStringLiteral("c.needs_reply = %1").arg(m_db->boolLiteral(filter.value(QStringLiteral("needs_reply")).toBool()));
    for (const char *f : {"sentiment", "status"})
        if (const QString v = filter.value(QLatin1String(f)).toString(); !v.isEmpty()) {
            where << QStringLiteral("c.%1 = ?").arg(QLatin1String(f));
            params << v;
        }
    for (const char *f : {"id", "campaign_id", "assigned_to", "lead_id", "sender_account_id"})
        if (const qint64 v = filter.value(QLatin1String(f)).toInteger(); v > 0) {
            where << QStringLiteral("c.%1 = ?").arg(QLatin1String(f));
            params << v;
        }
    const int limit = qBound(1, filter.value(QStringLiteral("limit")).toInt(100), 500);
    auto rows = m_db->select(QStringLiteral("SELECT c.id, c.conversation_id, c.lead_id, l.name, l.company, c.campaign_id, c.subject, c.status, c.sentiment, c.intent, "
                                            "c.last_message_at, c.needs_reply, c.unread_count, c.contact_email, c.assigned_to, c.sender_account_id "
                                            "FROM conversations c LEFT JOIN leads l ON l.id = c.lead_id %1 ORDER BY c.last_message_at DESC, c.id DESC LIMIT %2")
                                 .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")))
                                 .arg(limit),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("conversation_id"), r.value(1).toString()},
                               {QStringLiteral("lead_id"), optionalId(r.value(2))},
                               {QStringLiteral("lead_name"), optionalText(r.value(3).isNull() ? r.value(4) : r.value(3))},
                               {QStringLiteral("campaign_id"), optionalId(r.value(5))},
                               {QStringLiteral("subject"), optionalText(r.value(6))},
                               {QStringLiteral("status"), r.value(7).toString()},
                               {QStringLiteral("sentiment"), optionalText(r.value(8))},
                               {QStringLiteral("intent"), optionalText(r.value(9))},
                               {QStringLiteral("last_message_at"), Database::timestampJson(r.value(10))},
                               {QStringLiteral("needs_reply"), r.value(11).toBool()},
                               {QStringLiteral("unread_count"), r.value(12).toInt()},
                               {QStringLiteral("contact_email"), optionalText(r.value(13))},
                               {QStringLiteral("assigned_to"), optionalId(r.value(14))},
                               {QStringLiteral("sender_account_id"), optionalId(r.value(15))}});
    return out;
}

core::Result<QJsonObject> ConversationService::get(qint64 id)
{
    // One row, in the list's shape.
    auto listed = list({{QStringLiteral("limit"), 1}, {QStringLiteral("id"), id}});
    if (!listed)
        return listed.error();
    for (const QJsonValue &c : *listed)
        if (c.toObject().value(QStringLiteral("id")).toInteger() == id)
            return c.toObject();
    return core::makeError(ErrorCode::NotFound, QStringLiteral("No conversation %1").arg(id));
}

core::Result<QJsonArray> ConversationService::messages(qint64 id)
{
    if (auto c = get(id); !c)
        return c.error();
    auto rows = m_db->select(QStringLiteral("SELECT id, direction, message_id, in_reply_to, from_email, to_email, subject, body_text, body_html, sentiment, is_read, created_at, "
                                            "auto_reply, auto_reply_reason, intent, sentiment_score FROM messages WHERE conversation_id = ? ORDER BY created_at, id"),
                             {id});
    if (!rows)
        return rows.error();
    auto files = m_db->select(QStringLiteral("SELECT f.entity_id, f.id, f.original_filename, f.file_type, f.file_size FROM files f JOIN messages m ON m.id = f.entity_id "
                                             "WHERE f.entity_type = 'message' AND m.conversation_id = ? ORDER BY f.id"),
                              {id});
    if (!files)
        return files.error();
    QHash<qint64, QJsonArray> attached;
    for (const auto &f : *files)
        attached[f.value(0).toLongLong()].append(QJsonObject{{QStringLiteral("file_id"), f.value(1).toLongLong()},
                                                             {QStringLiteral("filename"), f.value(2).toString()},
                                                             {QStringLiteral("content_type"), f.value(3).toString()},
                                                             {QStringLiteral("size"), f.value(4).toLongLong()}});
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("attachments"), attached.value(r.value(0).toLongLong())},
                               {QStringLiteral("direction"), r.value(1).toString()},
                               {QStringLiteral("message_id"), optionalText(r.value(2))},
                               {QStringLiteral("in_reply_to"), optionalText(r.value(3))},
                               {QStringLiteral("from_email"), optionalText(r.value(4))},
                               {QStringLiteral("to_email"), optionalText(r.value(5))},
                               {QStringLiteral("subject"), optionalText(r.value(6))},
                               {QStringLiteral("body_text"), optionalText(r.value(7))},
                               {QStringLiteral("body_html"), optionalText(r.value(8))},
                               {QStringLiteral("sentiment"), optionalText(r.value(9))},
                               {QStringLiteral("is_read"), r.value(10).toBool()},
                               {QStringLiteral("created_at"), Database::timestampJson(r.value(11))},
                               {QStringLiteral("auto_reply"), r.value(12).toBool()},
                               {QStringLiteral("auto_reply_reason"), optionalText(r.value(13))},
                               {QStringLiteral("intent"), optionalText(r.value(14))},
                               {QStringLiteral("sentiment_score"), r.value(15).isNull() ? QJsonValue() : QJsonValue(r.value(15).toDouble())}});
    return out;
}

core::Result<QJsonObject> ConversationService::markRead(qint64 id)
{
    if (auto c = get(id); !c)
        return c.error();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE messages SET is_read = %1 WHERE conversation_id = ?").arg(m_db->boolLiteral(true)), {id}); !done)
        return done.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE conversations SET unread_count = 0 WHERE id = ?"), {id}); !done)
        return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    announce(QStringLiteral("conversation_read"), {{QStringLiteral("conversation_id"), id}});
    return get(id);
}

core::Result<QJsonObject> ConversationService::archive(qint64 id)
{
    if (auto c = get(id); !c)
        return c.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE conversations SET status = 'archived', needs_reply = %1 WHERE id = ?").arg(m_db->boolLiteral(false)), {id}); !done)
        return done.error();
    announce(QStringLiteral("conversation_archived"), {{QStringLiteral("conversation_id"), id}});
    return get(id);
}

} // namespace fliptech::conversations
