#pragma once
// PasswordHasher: argon2id (OWASP's first choice) for every new hash; bcrypt "$2b$" hashes
// imported from the old FastAPI backend still verify (libcrypt) and report that they should
// be re-hashed at the next successful login. The parameters live here, in one place.

#include "fliptech/core/error.h"

#include <QString>

#include <cstdint>

namespace fliptech::auth {

struct Argon2Params {
    uint32_t timeCost = 2;            // t
    uint32_t memoryKiB = 19 * 1024;   // m: 19 MiB (OWASP)
    uint32_t parallelism = 1;         // p
    bool operator==(const Argon2Params &) const = default;
};

class PasswordHasher final
{
public:
    enum class Verdict { Invalid, Valid, ValidNeedsRehash };

    explicit PasswordHasher(Argon2Params params = {}) : m_params(params) {}
    // A PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash" with a fresh random salt.
    core::Result<QString> hash(const QString &password) const;
    // Constant-time where the library allows; Invalid for a wrong password or a malformed hash.
    Verdict verify(const QString &password, const QString &encoded) const;
    const Argon2Params &params() const { return m_params; }

private:
    Argon2Params m_params;
};

} // namespace fliptech::auth
