#include "fliptech/campaigns/tracking.h"

#include "campaignsql.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace fliptech::campaigns {

using core::ErrorCode;

namespace {

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0; // every byte compared: no timing hint of where they differ
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString masked(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 1)
        return email;
    return email.left(1) + QString(qMin<qsizetype>(at - 1, 5), u'•') + email.mid(at);
}

} // namespace

TrackingService::TrackingService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, const core::Clock &clock)
    : m_db(std::move(db)), m_secrets(secrets), m_clock(clock), m_base(qEnvironmentVariable("FLIPTECH_PUBLIC_BASE_URL", QStringLiteral("http://127.0.0.1:8765")))
{
}

QByteArray TrackingService::key()
{
    if (!m_key.isEmpty())
        return m_key;
    auto make = [] {
        QByteArray k(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(k.data()), 8);
        return k.toBase64();
    };
    if (m_secrets)
        if (auto k = m_secrets->readOrCreate(QStringLiteral("tracking/key"), make); k)
            m_key = QByteArray::fromBase64(*k);
    if (m_key.isEmpty())
        m_key = QByteArray::fromBase64(make()); // no store: valid for this run only
    return m_key;
}

QString TrackingService::token(Kind kind, qint64 recipient, const QUrl &url, int step)
{
    QByteArray payload = QByteArray(1, char(kind)) + QByteArray::number(recipient);
    if (step >= 0)
        payload += ':' + QByteArray::number(step);
    if (kind == Kind::Click)
        payload += '|' + url.toEncoded();
    const QByteArray mac = QMessageAuthenticationCode::hash(payload, key(), QCryptographicHash::Sha256).left(16);
    return QString::fromLatin1(payload.toBase64(kBase64) + '.' + mac.toBase64(kBase64));
}

std::optional<TrackingService::Token> TrackingService::verify(const QString &token)
{
    const QByteArray t = token.toLatin1();
    const qsizetype dot = t.indexOf('.');
    if (dot <= 0 || t.size() > 4096)
        return std::nullopt;
    const auto decodedPayload = QByteArray::fromBase64Encoding(t.left(dot), kBase64);
    const auto decodedMac = QByteArray::fromBase64Encoding(t.mid(dot + 1), kBase64);
    if (!decodedPayload || !decodedMac || decodedPayload.decoded.isEmpty())
        return std::nullopt;
    const QByteArray *payload = &decodedPayload.decoded;
    if (!sameBytes(QMessageAuthenticationCode::hash(*payload, key(), QCryptographicHash::Sha256).left(16), decodedMac.decoded))
        return std::nullopt;
    Token out;
    const char k = payload->at(0);
    if (k != char(Kind::Open) && k != char(Kind::Click) && k != char(Kind::Unsubscribe))
        return std::nullopt;
    out.kind = Kind(k);
    const QByteArray rest = payload->mid(1);
    const qsizetype bar = rest.indexOf('|');
    bool ok = false;
    QByteArray who = bar < 0 ? rest : rest.left(bar);
    if (const qsizetype colon = who.indexOf(':'); colon >= 0) {
        out.step = who.mid(colon + 1).toInt(&ok);
        if (!ok || out.step < 0)
            return std::nullopt;
        who.truncate(colon);
    }
    out.recipient = who.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (out.kind == Kind::Click) {
        out.url = QUrl::fromEncoded(rest.mid(bar + 1), QUrl::StrictMode);
        if (bar < 0 || !out.url.isValid() || (out.url.scheme() != QLatin1String("http") && out.url.scheme() != QLatin1String("https")))
            return std::nullopt;
    }
    return out;
}

void TrackingService::recordOpen(const QString &token)
{
    const auto t = verify(token);
    if (!t || t->kind != Kind::Open)
        return;
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    auto first = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET opened_at = %1 WHERE id = ? AND opened_at IS NULL").arg(m_db->timestampParam()),
                               {now, t->recipient});
    if (first && first->rowsAffected > 0)
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET emails_opened = emails_opened + 1 WHERE id = "
                                                        "(SELECT campaign_id FROM campaign_recipients WHERE id = ?)"),
                                         {t->recipient}),
                           "a campaign's open count (the recipient's row holds the open)");
    if (t->step >= 0)
        markMessage(t->recipient, t->step, "opened_at", now);
}

void TrackingService::markMessage(qint64 recipient, int step, const char *column, const QString &now)
{
    // The step's message (its A/B variant's numbers) and its template's.
    auto first = m_db->execute(QStringLiteral("UPDATE campaign_messages SET %1 = %2 WHERE recipient_id = ? AND step = ? AND %1 IS NULL")
                                   .arg(QLatin1String(column), m_db->timestampParam()),
                               {now, recipient, step});
    if (first && first->rowsAffected > 0)
        if (auto m = m_db->selectOne(QStringLiteral("SELECT id FROM campaign_messages WHERE recipient_id = ? AND step = ?"), {recipient, step}))
            core::logDiscarded(sql::countTemplateEvent(*m_db, m->value(0).toLongLong(), QLatin1String(column) == QLatin1String("opened_at"),
                                                       storage::Database::toDateTime(now)),
                               "a template's performance count (the message's row holds the event)");
}

core::Result<QUrl> TrackingService::recordClick(const QString &token)
{
    const auto t = verify(token);
    if (!t || t->kind != Kind::Click)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("this link is not one of ours, or it was changed"));
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    auto first = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET clicked_at = %1 WHERE id = ? AND clicked_at IS NULL").arg(m_db->timestampParam()),
                               {now, t->recipient});
    if (first && first->rowsAffected > 0) {
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET emails_clicked = emails_clicked + 1 WHERE id = "
                                                        "(SELECT campaign_id FROM campaign_recipients WHERE id = ?)"),
                                         {t->recipient}),
                           "a campaign's click count (the recipient's row holds the click)");
    }
    if (t->step >= 0)
        markMessage(t->recipient, t->step, "clicked_at", now);
    // A click is an open too (images are often blocked).
    recordOpen(this->token(Kind::Open, t->recipient, {}, t->step));
    return t->url;
}

core::Result<QJsonObject> TrackingService::unsubscribeInfo(const QString &token)
{
    const auto t = verify(token);
    if (!t || t->kind != Kind::Unsubscribe)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("this unsubscribe link is not one of ours, or it was changed"));
    auto row = m_db->selectOne(QStringLiteral("SELECT l.email, c.name, r.unsubscribed_at FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id "
                                              "JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = ?"),
                               {t->recipient});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("this message's recipient is gone")) : row.error();
    return QJsonObject{{QStringLiteral("email"), masked(row->value(0).toString())},
                       {QStringLiteral("campaign"), row->value(1).toString()},
                       {QStringLiteral("unsubscribed"), !row->value(2).isNull()}};
}

core::Result<QJsonObject> TrackingService::unsubscribe(const QString &token)
{
    const auto t = verify(token);
    if (!t || t->kind != Kind::Unsubscribe)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("this unsubscribe link is not one of ours, or it was changed"));
    auto row = m_db->selectOne(QStringLiteral("SELECT l.email, r.campaign_id FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id WHERE r.id = ?"),
                               {t->recipient});
    if (!row)
        return row.error();
    const QString email = row->value(0).toString().trimmed().toLower();
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (!email.isEmpty()) {
        auto known = m_db->select(QStringLiteral("SELECT id FROM suppressions WHERE lower(email) = ?"), {email});
        if (!known)
            return known.error();
        if (known->isEmpty())
            if (auto done = m_db->execute(QStringLiteral("INSERT INTO suppressions (email, reason, source, campaign_id, created_at) VALUES (?, 'unsubscribe', "
                                                         "'link', ?, %1)").arg(m_db->timestampParam()),
                                          {email, row->value(1), now});
                !done)
                return done.error();
    }
    if (auto done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET unsubscribed_at = %1, status = 'unsubscribed' WHERE id = ? AND "
                                                 "unsubscribed_at IS NULL").arg(m_db->timestampParam()),
                                  {now, t->recipient});
        !done)
        return done.error();
    else if (done->rowsAffected > 0)
        if (auto counted = m_db->execute(QStringLiteral("UPDATE campaigns SET emails_unsubscribed = emails_unsubscribed + 1 WHERE id = ?"), {row->value(1)}); !counted)
            return counted.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return QJsonObject{{QStringLiteral("unsubscribed"), true}, {QStringLiteral("email"), masked(email)}};
}

} // namespace fliptech::campaigns
