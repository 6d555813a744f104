#include "fliptech/campaigns/senderaccounts.h"

#include <array>

#include "fliptech/campaigns/providersend.h"

#include "fliptech/mail/deliverability.h"
#include "fliptech/mail/dkim.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace fliptech::campaigns {

using core::ErrorCode;

namespace {

const QString kColumns = QStringLiteral(
    "id, name, from_email, from_name, provider, smtp_host, smtp_port, smtp_username, smtp_security, api_base_url, provider_domain, daily_limit, "
    "hourly_limit, min_gap_seconds, ramp_start, ramp_per_day, timezone, reply_to, signature, dkim_domain, dkim_selector, is_active, created_at, "
    "updated_at, imap_host, imap_port, imap_security, imap_username, bounce_last_uid, bounce_checked_at, inbox_sync_minutes, inbox_synced_at");

bool isEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>\"]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\\.[A-Za-z]{2,}$"));
    return s.size() <= 254 && re.match(s).hasMatch();
}

QString defaultBaseUrl(const QString &provider)
{
    return provider == QLatin1String("sendgrid") ? QStringLiteral("https://api.sendgrid.com")
           : provider == QLatin1String("mailgun") ? QStringLiteral("https://api.mailgun.net")
                                                  : QString();
}

} // namespace

SenderAccountService::SenderAccountService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, net::HttpClient &http,
                                           const core::Clock &clock)
    : m_db(std::move(db)), m_secrets(secrets), m_http(http), m_clock(clock), m_nameserver(qEnvironmentVariable("FLIPTECH_DNS_SERVER"))
{
}

core::Result<QJsonObject> SenderAccountService::deliverability(qint64 id)
{
    auto a = get(id);
    if (!a)
        return a.error();
    QString domain = a->value(QStringLiteral("dkim_domain")).toString();
    if (domain.isEmpty())
        domain = a->value(QStringLiteral("from_email")).toString().section(u'@', 1);
    return mail::checkDeliverability(domain, a->value(QStringLiteral("dkim_selector")).toString(), m_nameserver);
}

int SenderAccountService::capOnDay(int dailyLimit, int rampStart, int rampPerDay, int day)
{
    if (rampStart <= 0)
        return dailyLimit;
    const qint64 ramped = qint64(rampStart) + qint64(rampPerDay) * qMax(0, day - 1);
    return int(qMin<qint64>(dailyLimit, ramped));
}

QByteArray SenderAccountService::secret(qint64 id, const char *name)
{
    if (!m_secrets)
        return {};
    auto v = m_secrets->read(QStringLiteral("sender/%1/%2").arg(id).arg(QLatin1String(name)));
    return v ? *v : QByteArray();
}

core::Result<QJsonArray> SenderAccountService::list()
{
    auto rows = m_db->select(QStringLiteral("SELECT id FROM sender_accounts ORDER BY lower(name), id"));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        auto a = get(r.value(0).toLongLong());
        if (!a)
            return a.error();
        out.append(*a);
    }
    return out;
}

core::Result<QJsonObject> SenderAccountService::get(qint64 id)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM sender_accounts WHERE id = ?").arg(kColumns), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no sender account %1").arg(id));
    const storage::Row &r = rows->first();
    auto text = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    auto number = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); };
    const QDateTime created = storage::Database::toDateTime(r.value(22));
    const int day = int(created.date().daysTo(m_clock.now().toUTC().date())) + 1;
    QJsonObject o{{QStringLiteral("id"), r.value(0).toLongLong()},
                  {QStringLiteral("name"), r.value(1).toString()},
                  {QStringLiteral("from_email"), r.value(2).toString()},
                  {QStringLiteral("from_name"), text(r.value(3))},
                  {QStringLiteral("provider"), r.value(4).toString()},
                  {QStringLiteral("smtp_host"), text(r.value(5))},
                  {QStringLiteral("smtp_port"), number(r.value(6))},
                  {QStringLiteral("smtp_username"), text(r.value(7))},
                  {QStringLiteral("smtp_security"), r.value(8).toString()},
                  {QStringLiteral("api_base_url"), text(r.value(9))},
                  {QStringLiteral("provider_domain"), text(r.value(10))},
                  {QStringLiteral("daily_limit"), r.value(11).toInt()},
                  {QStringLiteral("hourly_limit"), r.value(12).toInt()},
                  {QStringLiteral("min_gap_seconds"), r.value(13).toInt()},
                  {QStringLiteral("ramp_start"), number(r.value(14))},
                  {QStringLiteral("ramp_per_day"), r.value(15).toInt()},
                  {QStringLiteral("today_cap"), capOnDay(r.value(11).toInt(), r.value(14).toInt(), r.value(15).toInt(), day)},
                  {QStringLiteral("timezone"), r.value(16).toString()},
                  {QStringLiteral("reply_to"), text(r.value(17))},
                  {QStringLiteral("signature"), text(r.value(18))},
                  {QStringLiteral("dkim_domain"), text(r.value(19))},
                  {QStringLiteral("dkim_selector"), text(r.value(20))},
                  {QStringLiteral("password_set"), !secret(id, "password").isEmpty()},
                  {QStringLiteral("api_key_set"), !secret(id, "api_key").isEmpty()},
                  {QStringLiteral("dkim_key_set"), !secret(id, "dkim_key").isEmpty()},
                  {QStringLiteral("is_active"), r.value(21).toBool()},
                  {QStringLiteral("created_at"), storage::Database::isoTimestamp(created)},
                  {QStringLiteral("updated_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(23)))},
                  {QStringLiteral("imap_host"), text(r.value(24))},
                  {QStringLiteral("imap_port"), number(r.value(25))},
                  {QStringLiteral("imap_security"), r.value(26).toString()},
                  {QStringLiteral("imap_username"), text(r.value(27))},
                  {QStringLiteral("bounce_last_uid"), r.value(28).toLongLong()},
                  {QStringLiteral("bounce_checked_at"), r.value(29).isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(29))))},
                  {QStringLiteral("inbox_sync_minutes"), number(r.value(30))},
                  {QStringLiteral("inbox_synced_at"), r.value(31).isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(31))))}};
    return o;
}

core::Result<QJsonObject> SenderAccountService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &f)
{
    static const QStringList allowed{QStringLiteral("name"),         QStringLiteral("from_email"),     QStringLiteral("from_name"),
                                     QStringLiteral("provider"),     QStringLiteral("smtp_host"),      QStringLiteral("smtp_port"),
                                     QStringLiteral("smtp_username"), QStringLiteral("smtp_security"), QStringLiteral("api_base_url"),
                                     QStringLiteral("provider_domain"), QStringLiteral("daily_limit"), QStringLiteral("hourly_limit"),
                                     QStringLiteral("min_gap_seconds"), QStringLiteral("ramp_start"),  QStringLiteral("ramp_per_day"),
                                     QStringLiteral("timezone"),     QStringLiteral("reply_to"),       QStringLiteral("signature"),
                                     QStringLiteral("dkim_domain"),  QStringLiteral("dkim_selector"),  QStringLiteral("is_active"),
                                     QStringLiteral("password"),     QStringLiteral("api_key"),        QStringLiteral("dkim_key"),
                                     QStringLiteral("imap_host"),    QStringLiteral("imap_port"),      QStringLiteral("imap_security"),
                                     QStringLiteral("imap_username"), QStringLiteral("inbox_sync_minutes")};
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!allowed.contains(it.key()))
            return core::fieldError(it.key(), QStringLiteral("is not a sender account field"));
    auto str = [&](const char *k) { return f.value(QLatin1String(k)).toString().trimmed(); };
    for (const char *k : {"name", "from_email", "from_name", "provider", "smtp_host", "smtp_username", "smtp_security", "api_base_url", "provider_domain",
                          "timezone", "reply_to", "signature", "dkim_domain", "dkim_selector", "password", "api_key", "dkim_key", "imap_host",
                          "imap_security", "imap_username"})
        if (const QJsonValue v = f.value(QLatin1String(k)); !v.isUndefined() && !v.isNull() && !v.isString())
            return core::fieldError(QLatin1String(k), QStringLiteral("must be text"));
    const QString name = str("name");
    if (name.isEmpty() || name.size() > 200)
        return core::fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QString from = str("from_email").toLower();
    if (!isEmail(from))
        return core::fieldError(QStringLiteral("from_email"), QStringLiteral("must be an e-mail address"));
    const QString provider = f.contains(QStringLiteral("provider")) ? str("provider") : QStringLiteral("smtp");
    if (!QStringList{QStringLiteral("smtp"), QStringLiteral("sendgrid"), QStringLiteral("mailgun")}.contains(provider))
        return core::fieldError(QStringLiteral("provider"), QStringLiteral("must be smtp, sendgrid or mailgun"));
    const QString security = f.contains(QStringLiteral("smtp_security")) ? str("smtp_security") : QStringLiteral("starttls");
    if (!QStringList{QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")}.contains(security))
        return core::fieldError(QStringLiteral("smtp_security"), QStringLiteral("must be starttls, tls (implicit) or none"));
    const QString imapSecurity = f.contains(QStringLiteral("imap_security")) ? str("imap_security") : QStringLiteral("tls");
    if (!QStringList{QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")}.contains(imapSecurity))
        return core::fieldError(QStringLiteral("imap_security"), QStringLiteral("must be tls (implicit, port 993), starttls or none"));
    auto integer = [&](const char *k, int min, int max, int fallback, int *out) -> std::optional<core::Error> {
        const QJsonValue v = f.value(QLatin1String(k));
        if (v.isUndefined() || v.isNull()) {
            *out = fallback;
            return std::nullopt;
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max)
            return core::fieldError(QLatin1String(k), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        *out = int(v.toInteger());
        return std::nullopt;
    };
    int port = 0, daily = 0, hourly = 0, gap = 0, rampStart = 0, rampPerDay = 0, imapPort = 0, syncMinutes = -1;
    for (auto [k, min, max, fallback, out] : {std::tuple{"smtp_port", 1, 65535, security == QLatin1String("tls") ? 465 : 587, &port},
                                              std::tuple{"imap_port", 1, 65535, imapSecurity == QLatin1String("tls") ? 993 : 143, &imapPort},
                                              std::tuple{"daily_limit", 1, 100000, 200, &daily}, std::tuple{"hourly_limit", 1, 10000, 30, &hourly},
                                              std::tuple{"min_gap_seconds", 0, 86400, 60, &gap}, std::tuple{"ramp_start", 0, 100000, 0, &rampStart},
                                              std::tuple{"ramp_per_day", 0, 100000, 0, &rampPerDay},
                                              std::tuple{"inbox_sync_minutes", 0, 1440, -1, &syncMinutes}})
        if (auto e = integer(k, min, max, fallback, out))
            return *e;
    if (hourly > daily)
        return core::fieldError(QStringLiteral("hourly_limit"), QStringLiteral("cannot be more than the daily limit"));
    if (provider == QLatin1String("smtp") && str("smtp_host").isEmpty())
        return core::fieldError(QStringLiteral("smtp_host"), QStringLiteral("is required for an SMTP account (e.g. smtp.gmail.com)"));
    if (provider == QLatin1String("mailgun") && str("provider_domain").isEmpty())
        return core::fieldError(QStringLiteral("provider_domain"), QStringLiteral("is required for Mailgun (the sending domain set up there)"));
    QString base = str("api_base_url");
    if (!base.isEmpty()) {
        const QUrl u(base, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
            return core::fieldError(QStringLiteral("api_base_url"), QStringLiteral("must be an http(s) address"));
    }
    const QString tz = f.contains(QStringLiteral("timezone")) ? str("timezone") : QStringLiteral("UTC");
    if (!QTimeZone(tz.toUtf8()).isValid())
        return core::fieldError(QStringLiteral("timezone"), QStringLiteral("must be an IANA time zone, e.g. America/Chicago"));
    if (!str("reply_to").isEmpty() && !isEmail(str("reply_to")))
        return core::fieldError(QStringLiteral("reply_to"), QStringLiteral("must be an e-mail address"));
    if ((f.contains(QStringLiteral("password")) || f.contains(QStringLiteral("api_key")) || f.contains(QStringLiteral("dkim_key"))) && !m_secrets)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no secret store: the password cannot be kept"));
    auto nullable = [&](const char *k) { return str(k).isEmpty() ? QVariant() : QVariant(str(k)); };
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    const QVariantList values{name,
                              from,
                              nullable("from_name"),
                              provider,
                              nullable("smtp_host"),
                              provider == QLatin1String("smtp") ? QVariant(port) : QVariant(),
                              nullable("smtp_username"),
                              security,
                              nullable("api_base_url"),
                              nullable("provider_domain"),
                              daily,
                              hourly,
                              gap,
                              rampStart > 0 ? QVariant(rampStart) : QVariant(),
                              rampPerDay,
                              tz,
                              nullable("reply_to"),
                              f.value(QStringLiteral("signature")).toString().isEmpty() ? QVariant() : QVariant(f.value(QStringLiteral("signature")).toString()),
                              nullable("dkim_domain"),
                              nullable("dkim_selector"),
                              f.value(QStringLiteral("is_active")).toBool(true),
                              nullable("imap_host"),
                              str("imap_host").isEmpty() ? QVariant() : QVariant(imapPort),
                              imapSecurity,
                              nullable("imap_username"),
                              syncMinutes >= 0 ? QVariant(syncMinutes) : QVariant()};
    const QString sets = QStringLiteral("name = ?, from_email = ?, from_name = ?, provider = ?, smtp_host = ?, smtp_port = ?, smtp_username = ?, "
                                        "smtp_security = ?, api_base_url = ?, provider_domain = ?, daily_limit = ?, hourly_limit = ?, min_gap_seconds = ?, "
                                        "ramp_start = ?, ramp_per_day = ?, timezone = ?, reply_to = ?, signature = ?, dkim_domain = ?, dkim_selector = ?, "
                                        "is_active = ?, imap_host = ?, imap_port = ?, imap_security = ?, imap_username = ?, inbox_sync_minutes = ?");
    // Another account with this address: a clear conflict, not the database's.
    auto taken = m_db->select(QStringLiteral("SELECT id FROM sender_accounts WHERE lower(from_email) = ?"), {from});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty() && (!id || taken->first().value(0).toLongLong() != *id))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("another sender account sends from %1").arg(from),
                               {{QStringLiteral("from_email"), QStringLiteral("is taken")}});
    qint64 accountId = 0;
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE sender_accounts SET %1, updated_at = %2 WHERE id = ?").arg(sets, m_db->timestampParam()),
                                  values + QVariantList{now, *id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("no sender account %1").arg(*id));
        accountId = *id;
    } else {
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO sender_accounts (name, from_email, from_name, provider, smtp_host, smtp_port, smtp_username, "
                                                  "smtp_security, api_base_url, provider_domain, daily_limit, hourly_limit, min_gap_seconds, ramp_start, "
                                                  "ramp_per_day, timezone, reply_to, signature, dkim_domain, dkim_selector, is_active, imap_host, imap_port, "
                                                  "imap_security, imap_username, inbox_sync_minutes, created_by, created_at, updated_at) "
                                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %1, %1) "
                                                  "RETURNING id").arg(m_db->timestampParam()),
                                   values + QVariantList{actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
        if (!row)
            return row.error();
        accountId = row->value(0).toLongLong();
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE sender_accounts SET secret_ref = ? WHERE id = ?"),
                                         {QStringLiteral("sender/%1").arg(accountId), accountId}),
                           "secret_ref names the SecretStore entries; they are found by id as well");
    }
    for (const char *k : {"password", "api_key", "dkim_key"}) {
        const QJsonValue v = f.value(QLatin1String(k));
        if (!v.isString())
            continue;
        const QString key = QStringLiteral("sender/%1/%2").arg(accountId).arg(QLatin1String(k));
        auto done = v.toString().isEmpty() ? m_secrets->remove(key) : m_secrets->write(key, v.toString().toUtf8());
        if (!done && done.error().code != ErrorCode::NotFound)
            return done.error();
    }
    return get(accountId);
}

core::Result<QJsonObject> SenderAccountService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> SenderAccountService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Status SenderAccountService::remove(qint64 id)
{
    auto done = m_db->execute(QStringLiteral("DELETE FROM sender_accounts WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no sender account %1").arg(id));
    if (m_secrets)
        for (const char *k : {"password", "api_key", "dkim_key"})
            core::logDiscarded(m_secrets->remove(QStringLiteral("sender/%1/%2").arg(id).arg(QLatin1String(k))), "an account's secret, gone with it");
    return {};
}

core::Result<std::optional<mail::DkimSigner>> SenderAccountService::dkimSigner(const QJsonObject &account)
{
    const qint64 id = account.value(QStringLiteral("id")).toInteger();
    const QString from = account.value(QStringLiteral("from_email")).toString();
    const QString dkimDomain = account.value(QStringLiteral("dkim_domain")).toString(), selector = account.value(QStringLiteral("dkim_selector")).toString();
    const QByteArray key = secret(id, "dkim_key");
    if (key.isEmpty() || selector.isEmpty())
        return std::optional<mail::DkimSigner>();
    auto signer = mail::DkimSigner::fromPem(key, dkimDomain.isEmpty() ? from.section(u'@', 1) : dkimDomain, selector);
    if (!signer)
        return signer.error();
    return std::optional<mail::DkimSigner>(std::move(signer).value());
}

core::Result<mail::ImapSettings> SenderAccountService::imapSettings(qint64 id)
{
    auto a = get(id);
    if (!a)
        return a.error();
    if (a->value(QStringLiteral("imap_host")).toString().isEmpty())
        return core::fieldError(QStringLiteral("imap_host"), QStringLiteral("is not set: add the mailbox's IMAP server to read its bounces"));
    mail::ImapSettings s;
    s.host = a->value(QStringLiteral("imap_host")).toString();
    const QString security = a->value(QStringLiteral("imap_security")).toString();
    s.tls = security == QLatin1String("none") ? mail::ImapSettings::Tls::None
            : security == QLatin1String("starttls") ? mail::ImapSettings::Tls::StartTls
                                                     : mail::ImapSettings::Tls::Implicit;
    s.port = a->value(QStringLiteral("imap_port")).toInt(s.tls == mail::ImapSettings::Tls::Implicit ? 993 : 143);
    s.username = a->value(QStringLiteral("imap_username")).toString();
    if (s.username.isEmpty())
        s.username = a->value(QStringLiteral("smtp_username")).toString();
    if (s.username.isEmpty())
        s.username = a->value(QStringLiteral("from_email")).toString();
    s.password = secret(id, "password");
    return s;
}

core::Result<ProviderSettings> SenderAccountService::providerSettings(qint64 id)
{
    auto a = get(id);
    if (!a)
        return a.error();
    ProviderSettings p;
    p.provider = a->value(QStringLiteral("provider")).toString();
    p.baseUrl = a->value(QStringLiteral("api_base_url")).toString();
    if (p.baseUrl.isEmpty())
        p.baseUrl = defaultBaseUrl(p.provider);
    while (p.baseUrl.endsWith(u'/'))
        p.baseUrl.chop(1);
    p.domain = a->value(QStringLiteral("provider_domain")).toString();
    p.apiKey = secret(id, "api_key");
    return p;
}

namespace {
// The columns of a reader's cursor: its UIDVALIDITY, its last UID, when it last read.
std::array<QString, 3> cursorColumns(SenderAccountService::MailboxReader reader)
{
    if (reader == SenderAccountService::MailboxReader::Bounces)
        return {QStringLiteral("bounce_uidvalidity"), QStringLiteral("bounce_last_uid"), QStringLiteral("bounce_checked_at")};
    return {QStringLiteral("inbox_uidvalidity"), QStringLiteral("inbox_last_uid"), QStringLiteral("inbox_synced_at")};
}
} // namespace

core::Result<mail::MailboxCursor> SenderAccountService::mailboxCursor(qint64 id, MailboxReader reader)
{
    const auto columns = cursorColumns(reader);
    auto kept = m_db->selectOne(QStringLiteral("SELECT %1, %2 FROM sender_accounts WHERE id = ?").arg(columns[0], columns[1]), {id});
    if (!kept)
        return kept.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("no sender account %1").arg(id)) : kept.error();
    mail::MailboxCursor cursor;
    if (!kept->value(0).isNull())
        cursor.uidValidity = kept->value(0).toLongLong();
    cursor.lastUid = kept->value(1).toLongLong();
    return cursor;
}

core::Status SenderAccountService::saveMailboxCursor(qint64 id, MailboxReader reader, const mail::MailboxCursor &at)
{
    const auto columns = cursorColumns(reader);
    auto done = m_db->execute(QStringLiteral("UPDATE sender_accounts SET %1 = ?, %2 = ?, %3 = %4 WHERE id = ?").arg(columns[0], columns[1], columns[2], m_db->timestampParam()),
                              {at.uidValidity ? QVariant(*at.uidValidity) : QVariant(), at.lastUid, m_db->timestamp(m_clock.now()), id});
    if (!done)
        return done.error();
    return {};
}

core::Result<QJsonObject> SenderAccountService::send(qint64 id, mail::OutgoingMessage message, const QStringList &to)
{
    auto a = get(id);
    if (!a)
        return a.error();
    if (!a->value(QStringLiteral("is_active")).toBool())
        return core::fieldError(QStringLiteral("sender_account_id"), QStringLiteral("names an account that is switched off"));
    const QString from = a->value(QStringLiteral("from_email")).toString();
    message.from = {a->value(QStringLiteral("from_name")).toString(), from};
    if (const QString reply = a->value(QStringLiteral("reply_to")).toString(); !reply.isEmpty())
        message.replyTo = {{}, reply};
    message.to.clear();
    for (const QString &t : to)
        message.to.append({{}, t});
    QString messageId;
    QByteArray data = mail::buildMessage(message, &messageId);
    auto signer = dkimSigner(*a);
    if (!signer)
        return signer.error();
    if (*signer)
        data = (*signer)->sign(data);
    mail::SmtpResult r;
    if (a->value(QStringLiteral("provider")).toString() != QLatin1String("smtp")) {
        auto p = providerSettings(id);
        if (!p)
            return p.error();
        message.messageId = messageId;
        for (const QString &t : to) // one request per address, as a campaign sends
            if (r = sendThroughProvider(m_http, *p, message, data, t); !r.ok)
                break;
    } else {
        auto settings = smtpSettings(id);
        if (!settings)
            return settings.error();
        mail::SmtpClient client(*settings);
        r = client.send(from, to, data);
    }
    if (!r.ok)
        return core::makeError(r.permanent ? ErrorCode::ValidationFailed : ErrorCode::Unavailable, QStringLiteral("not sent: %1").arg(r.message),
                               {{QStringLiteral("smtp"), r.message}});
    return QJsonObject{{QStringLiteral("message_id"), messageId}, {QStringLiteral("code"), r.code}};
}

core::Result<mail::SmtpSettings> SenderAccountService::smtpSettings(qint64 id)
{
    auto a = get(id);
    if (!a)
        return a.error();
    mail::SmtpSettings s;
    s.host = a->value(QStringLiteral("smtp_host")).toString();
    s.port = a->value(QStringLiteral("smtp_port")).toInt(587);
    const QString security = a->value(QStringLiteral("smtp_security")).toString();
    s.tls = security == QLatin1String("tls") ? mail::SmtpSettings::Tls::Implicit
            : security == QLatin1String("none") ? mail::SmtpSettings::Tls::None
                                                : mail::SmtpSettings::Tls::StartTls;
    s.username = a->value(QStringLiteral("smtp_username")).toString();
    s.password = secret(id, "password");
    return s;
}

core::Result<QJsonObject> SenderAccountService::test(qint64 id)
{
    auto a = get(id);
    if (!a)
        return a.error();
    const QString provider = a->value(QStringLiteral("provider")).toString();
    if (provider == QLatin1String("smtp")) {
        auto s = smtpSettings(id);
        if (!s)
            return s.error();
        mail::SmtpClient client(*s);
        const mail::SmtpResult r = client.check();
        return QJsonObject{{QStringLiteral("ok"), r.ok},
                           {QStringLiteral("code"), r.code},
                           {QStringLiteral("message"), r.ok ? QStringLiteral("Connected to %1:%2 and signed in.").arg(s->host).arg(s->port) : r.message}};
    }
    // HTTP providers: an authenticated read that sends nothing.
    auto p = providerSettings(id);
    if (!p)
        return p.error();
    if (p->apiKey.isEmpty())
        return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), 0}, {QStringLiteral("message"), QStringLiteral("no API key: add it first")}};
    net::HttpRequest r = providerRequest(*p, provider == QLatin1String("sendgrid") ? QStringLiteral("/v3/scopes") : QStringLiteral("/v3/domains/") + p->domain);
    r.timeoutMs = 15000;
    const net::HttpResponse response = m_http.get(r);
    const bool ok = response.status >= 200 && response.status < 300;
    QString message;
    if (ok)
        message = QStringLiteral("The %1 API accepted the key.").arg(provider == QLatin1String("sendgrid") ? QStringLiteral("SendGrid") : QStringLiteral("Mailgun"));
    else if (response.status == 401 || response.status == 403)
        message = QStringLiteral("the API key was refused (%1)").arg(response.status);
    else if (response.status == 404)
        message = QStringLiteral("the provider does not know the sending domain %1").arg(a->value(QStringLiteral("provider_domain")).toString());
    else
        message = response.error ? response.error->message : QStringLiteral("the provider answered %1").arg(response.status);
    return QJsonObject{{QStringLiteral("ok"), ok}, {QStringLiteral("code"), response.status}, {QStringLiteral("message"), message}};
}

} // namespace fliptech::campaigns
