#pragma once
// JwtCodec: HS256 JSON Web Tokens on OpenSSL's HMAC. The algorithm is pinned here and never
// taken from the token; signatures are compared in constant time (CRYPTO_memcmp); a token must
// name a key id we know and carry an expiry that has not passed. (Debian's JWT libraries compare
// signatures in variable time or let the token choose its algorithm, hence our own.)

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>

typedef struct evp_mac_ctx_st EVP_MAC_CTX;

namespace fliptech::auth {

class JwtCodec final
{
public:
    // `keys`: key id -> secret (at least 32 bytes); tokens are signed with `currentKid`.
    JwtCodec(QHash<QString, QByteArray> keys, QString currentKid, const core::Clock &clock);
    ~JwtCodec();
    JwtCodec(const JwtCodec &) = delete;
    JwtCodec &operator=(const JwtCodec &) = delete;

    // Signs the claims; iat is added, exp must be given by the caller.
    QString sign(QJsonObject claims) const;
    // The claims of a valid token, or Unauthorized with a message saying what was wrong.
    core::Result<QJsonObject> verify(const QString &token) const;

    static QByteArray base64Url(const QByteArray &data);

private:
    // HMAC-SHA256 with the key `kid`: a copy of a context keyed once at construction (OpenSSL 3's
    // one-shot HMAC() looks the algorithm up by name on every call: half of a token check).
    QByteArray hmac(const QString &kid, const QByteArray &data) const;
    QHash<QString, EVP_MAC_CTX *> m_keys; // key id -> HMAC context keyed with its secret
    QString m_kid;
    const core::Clock &m_clock;
};

} // namespace fliptech::auth
