#pragma once
// Sender accounts (issue 11): the mailboxes and sending providers campaigns send from. An SMTP
// account (host, port, TLS mode: starttls | tls (implicit) | none, user) or an HTTP provider
// (sendgrid: SendGrid v3; mailgun: Mailgun, with its sending domain) at a base URL that can be
// changed; secrets (SMTP password, API key, DKIM private key) in the SecretStore under
// "sender/<id>/password|api_key|dkim_key", never in the database nor in an answer. Limits: daily
// and hourly caps, a minimum gap between two sends, a ramp for a new mailbox (ramp_start on its
// first day, +ramp_per_day each day after, never past the daily cap: `today_cap`). Shared by the
// API and the desktop.

#include "fliptech/campaigns/providersend.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/mail/dkim.h"
#include "fliptech/mail/imapclient.h"
#include "fliptech/mail/mime.h"
#include "fliptech/mail/smtpclient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class SecretStore;
} // namespace fliptech::storage

namespace fliptech::campaigns {

class SenderAccountService final
{
public:
    SenderAccountService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, net::HttpClient &http, const core::Clock &clock);

    // {id, name, from_email, from_name, provider, smtp_host, smtp_port, smtp_username,
    //  smtp_security, api_base_url, provider_domain, daily_limit, hourly_limit, min_gap_seconds,
    //  ramp_start, ramp_per_day, today_cap, timezone, reply_to, signature, dkim_domain,
    //  dkim_selector, password_set, api_key_set, dkim_key_set, is_active, created_at, updated_at,
    //  imap_host, imap_port, imap_security, imap_username (the bounce mailbox and inbox),
    //  bounce_last_uid, bounce_checked_at, inbox_sync_minutes (null: the default; 0: only on
    //  demand), inbox_synced_at}.
    core::Result<QJsonArray> list();
    core::Result<QJsonObject> get(qint64 id);
    // The fields above that can be written, plus password / api_key / dkim_key (kept as secrets;
    // "" removes one). Checked whole first (ValidationFailed naming the field).
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(qint64 id);
    // Connects as a send would (SMTP: greeting, TLS, login; HTTP: an authenticated read of the
    // provider's API): {ok, message, code}.
    core::Result<QJsonObject> test(qint64 id);
    // Whether the account's sending domain (its DKIM domain, else its address's) is set up:
    // mail::checkDeliverability() with its DKIM selector.
    core::Result<QJsonObject> deliverability(qint64 id);
    // The DNS server deliverability asks (default: the system's; FLIPTECH_DNS_SERVER names another).
    void setNameserver(const QHostAddress &server) { m_nameserver = server; }
    // Sends one message from the account (its address, name and reply-to; signed with its DKIM
    // key when it has one) to `to`, over SMTP or through its provider's API: {message_id, code}.
    core::Result<QJsonObject> send(qint64 id, mail::OutgoingMessage message, const QStringList &to);
    // The SMTP settings of an account, its password read from the SecretStore (for the sender).
    core::Result<mail::SmtpSettings> smtpSettings(qint64 id);
    // The account's bounce mailbox (IMAP: its host, TLS, user; the SMTP password).
    core::Result<mail::ImapSettings> imapSettings(qint64 id);
    // Where the last read of the account's INBOX stopped, kept per reader: the campaign
    // engine's bounce reader and the conversations inbox read the same mailbox independently.
    enum class MailboxReader { Bounces, Inbox };
    core::Result<mail::MailboxCursor> mailboxCursor(qint64 id, MailboxReader reader);
    // Stores it (and when it was read).
    core::Status saveMailboxCursor(qint64 id, MailboxReader reader, const mail::MailboxCursor &at);
    // An HTTP provider account's settings, its API key read from the SecretStore.
    core::Result<ProviderSettings> providerSettings(qint64 id);
    net::HttpClient &http() { return m_http; }
    // The account's DKIM signer (its key from the SecretStore), or none when it signs nothing.
    core::Result<std::optional<mail::DkimSigner>> dkimSigner(const QJsonObject &account);

    // How many an account may send on `day` (1 = its first): the ramp, capped by the daily limit.
    static int capOnDay(int dailyLimit, int rampStart, int rampPerDay, int day);

private:
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);
    QByteArray secret(qint64 id, const char *name);

    std::shared_ptr<storage::Database> m_db;
    storage::SecretStore *m_secrets;
    net::HttpClient &m_http;
    const core::Clock &m_clock;
    QHostAddress m_nameserver;
};

} // namespace fliptech::campaigns
