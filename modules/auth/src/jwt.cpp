#include "fliptech/auth/jwt.h"

#include <QJsonDocument>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdexcept>

namespace fliptech::auth {

using core::ErrorCode;
using core::makeError;

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

core::Error refuse(const QString &why)
{
    return makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: ") + why);
}

// Strict base64url: only the URL alphabet, no padding.
bool decode(const QByteArray &in, QByteArray *out)
{
    for (char c : in)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    auto r = QByteArray::fromBase64Encoding(in, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}
} // namespace

JwtCodec::JwtCodec(QHash<QString, QByteArray> keys, QString currentKid, const core::Clock &clock)
    : m_kid(std::move(currentKid)), m_clock(clock)
{
    Q_ASSERT(keys.contains(m_kid));
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
        if (!ctx || !EVP_MAC_init(ctx, reinterpret_cast<const unsigned char *>(it.value().constData()), size_t(it.value().size()), params)) {
            EVP_MAC_CTX_free(ctx);
            EVP_MAC_free(mac);
            for (EVP_MAC_CTX *c : std::as_const(m_keys))
                EVP_MAC_CTX_free(c);
            throw std::runtime_error("OpenSSL has no HMAC-SHA256"); // a broken installation, not bad input
        }
        m_keys.insert(it.key(), ctx);
    }
    EVP_MAC_free(mac); // the contexts keep their own reference
}

JwtCodec::~JwtCodec()
{
    for (EVP_MAC_CTX *c : std::as_const(m_keys))
        EVP_MAC_CTX_free(c);
}

QByteArray JwtCodec::base64Url(const QByteArray &data)
{
    return data.toBase64(kB64);
}

QByteArray JwtCodec::hmac(const QString &kid, const QByteArray &data) const
{
    // The keyed context is only read (copied), so every thread can use it at once.
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(m_keys.value(kid));
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t len = 0;
    const bool ok = ctx && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) &&
                    EVP_MAC_final(ctx, out, &len, sizeof out);
    EVP_MAC_CTX_free(ctx);
    return ok ? QByteArray(reinterpret_cast<const char *>(out), qsizetype(len)) : QByteArray();
}

QString JwtCodec::sign(QJsonObject claims) const
{
    if (!claims.contains(QStringLiteral("iat")))
        claims.insert(QStringLiteral("iat"), m_clock.now().toSecsSinceEpoch());
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), m_kid}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(signingInput + '.' + base64Url(hmac(m_kid, signingInput)));
}

core::Result<QJsonObject> JwtCodec::verify(const QString &token) const
{
    if (token.size() > 8192)
        return refuse(QStringLiteral("too long"));
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3)
        return refuse(QStringLiteral("expected three dot-separated parts"));
    QByteArray headerJson, payloadJson, signature;
    if (!decode(parts[0], &headerJson) || !decode(parts[1], &payloadJson) || !decode(parts[2], &signature))
        return refuse(QStringLiteral("not base64url"));
    const QJsonDocument header = QJsonDocument::fromJson(headerJson);
    if (!header.isObject())
        return refuse(QStringLiteral("header is not a JSON object"));
    // Pinned: whatever the header says, only HS256 is ever checked, and anything else is refused.
    if (header.object().value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return refuse(QStringLiteral("algorithm not allowed"));
    const QString kid = header.object().value(QStringLiteral("kid")).toString();
    if (kid.isEmpty() || !m_keys.contains(kid))
        return refuse(QStringLiteral("unknown key id"));
    const QByteArray expected = hmac(kid, parts[0] + '.' + parts[1]);
    if (expected.isEmpty() || signature.size() != expected.size() ||
        CRYPTO_memcmp(signature.constData(), expected.constData(), size_t(expected.size())) != 0)
        return refuse(QStringLiteral("bad signature"));
    const QJsonDocument payload = QJsonDocument::fromJson(payloadJson);
    if (!payload.isObject())
        return refuse(QStringLiteral("payload is not a JSON object"));
    const QJsonObject claims = payload.object();
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return refuse(QStringLiteral("no expiry"));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (qint64(exp.toDouble()) <= now)
        return refuse(QStringLiteral("expired"));
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    if (nbf.isDouble() && qint64(nbf.toDouble()) > now)
        return refuse(QStringLiteral("not valid yet"));
    return claims;
}

} // namespace fliptech::auth
