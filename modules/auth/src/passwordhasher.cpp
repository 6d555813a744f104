#include "fliptech/auth/passwordhasher.h"

#include <QRegularExpression>

#include <argon2.h>
#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>
#include <vector>

namespace fliptech::auth {

namespace {
constexpr uint32_t kSaltLen = 16;
constexpr uint32_t kHashLen = 32;

bool parseParams(const QString &encoded, Argon2Params *out)
{
    static const QRegularExpression re(QStringLiteral("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
    const auto m = re.match(encoded);
    if (!m.hasMatch())
        return false;
    out->memoryKiB = m.captured(1).toUInt();
    out->timeCost = m.captured(2).toUInt();
    out->parallelism = m.captured(3).toUInt();
    return true;
}
} // namespace

core::Result<QString> PasswordHasher::hash(const QString &password) const
{
    const QByteArray pwd = password.toUtf8();
    unsigned char salt[kSaltLen];
    if (RAND_bytes(salt, int(kSaltLen)) != 1)
        return core::makeError(core::ErrorCode::Internal, QStringLiteral("no randomness for a password salt"));
    const size_t len = argon2_encodedlen(m_params.timeCost, m_params.memoryKiB, m_params.parallelism, kSaltLen, kHashLen,
                                         Argon2_id);
    std::vector<char> encoded(len);
    const int rc = argon2id_hash_encoded(m_params.timeCost, m_params.memoryKiB, m_params.parallelism, pwd.constData(),
                                         size_t(pwd.size()), salt, kSaltLen, kHashLen, encoded.data(), len);
    if (rc != ARGON2_OK)
        return core::makeError(core::ErrorCode::Internal, QStringLiteral("argon2id failed: %1").arg(QString::fromLatin1(argon2_error_message(rc))));
    return QString::fromLatin1(encoded.data());
}

PasswordHasher::Verdict PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    const QByteArray pwd = password.toUtf8();
    const QByteArray enc = encoded.toLatin1();
    if (encoded.startsWith(QLatin1String("$argon2id$"))) {
        if (argon2id_verify(enc.constData(), pwd.constData(), size_t(pwd.size())) != ARGON2_OK)
            return Verdict::Invalid;
        Argon2Params stored;
        if (!parseParams(encoded, &stored) || !(stored == m_params))
            return Verdict::ValidNeedsRehash;
        return Verdict::Valid;
    }
    if (encoded.startsWith(QLatin1String("$2b$")) || encoded.startsWith(QLatin1String("$2a$")) ||
        encoded.startsWith(QLatin1String("$2y$"))) {
        if (enc.size() != 60)
            return Verdict::Invalid;
        auto data = std::make_unique<crypt_data>();
        std::memset(data.get(), 0, sizeof(crypt_data));
        const char *out = crypt_rn(pwd.constData(), enc.constData(), data.get(), int(sizeof(crypt_data)));
        if (!out || out[0] == '*' || std::strlen(out) != size_t(enc.size()))
            return Verdict::Invalid;
        if (CRYPTO_memcmp(out, enc.constData(), size_t(enc.size())) != 0)
            return Verdict::Invalid;
        return Verdict::ValidNeedsRehash;
    }
    return Verdict::Invalid;
}

} // namespace fliptech::auth
