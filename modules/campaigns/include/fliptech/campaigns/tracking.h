#pragma once
// Open, click and unsubscribe links (issue 11): tokens signed with a key of ours (HMAC-SHA256, the
// key in the SecretStore, made on first use), naming the campaign recipient and — for a click —
// the exact address it leads to, so a link can neither be forged nor turned into an open redirect.
// The public routes (/t/o/<token>.gif, /t/c/<token>, /u/<token>) record the first open and click
// on the recipient and its campaign, and an unsubscribe puts the address on the suppression list
// at once (RFC 8058 one-click POST, or the confirmation page's button).

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class SecretStore;
} // namespace fliptech::storage

namespace fliptech::campaigns {

class TrackingService final
{
public:
    enum class Kind : char { Open = 'o', Click = 'c', Unsubscribe = 'u' };
    struct Token {
        Kind kind;
        qint64 recipient = 0;
        QUrl url;      // a click's destination
        int step = -1; // the campaign step whose message holds the link (-1: not said)
    };

    TrackingService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, const core::Clock &clock);

    QString token(Kind kind, qint64 recipient, const QUrl &url = {}, int step = -1);
    // The token's contents when its signature is ours; nullopt otherwise (forged, cut, altered).
    std::optional<Token> verify(const QString &token);

    // Where links point (the team server's public address; desktop users set it to theirs).
    void setPublicBaseUrl(const QString &base) { m_base = base; }
    QString publicBaseUrl() const { return m_base; }
    QString openUrl(qint64 recipient, int step = -1) { return m_base + QStringLiteral("/t/o/") + token(Kind::Open, recipient, {}, step) + QStringLiteral(".gif"); }
    QString clickUrl(qint64 recipient, const QUrl &to, int step = -1) { return m_base + QStringLiteral("/t/c/") + token(Kind::Click, recipient, to, step); }
    QString unsubscribeUrl(qint64 recipient) { return m_base + QStringLiteral("/u/") + token(Kind::Unsubscribe, recipient); }

    // The first open (and the campaign's count; the step's message's, when the token names the
    // step); a token that is not ours records nothing.
    void recordOpen(const QString &token);
    // The destination of a click token (its first click recorded, an open with it); NotFound for
    // a token that is not ours.
    core::Result<QUrl> recordClick(const QString &token);
    // What the confirmation page shows: {email (masked), campaign}; NotFound for a bad token.
    core::Result<QJsonObject> unsubscribeInfo(const QString &token);
    // The address suppressed (reason unsubscribe), the recipient marked; again: already done.
    core::Result<QJsonObject> unsubscribe(const QString &token);

private:
    QByteArray key();
    void markMessage(qint64 recipient, int step, const char *column, const QString &now);
    std::shared_ptr<storage::Database> m_db;
    storage::SecretStore *m_secrets;
    const core::Clock &m_clock;
    QByteArray m_key;
    QString m_base = QStringLiteral("http://127.0.0.1:8765");
};

} // namespace fliptech::campaigns
