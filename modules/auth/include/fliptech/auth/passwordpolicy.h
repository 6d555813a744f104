#pragma once
// PasswordPolicy: at least 10 characters, not the email (nor its local part), not one of the
// common passwords shipped in resources/auth/common-passwords.txt.

#include "fliptech/core/error.h"

#include <QSet>
#include <QString>

namespace fliptech::auth {

class PasswordPolicy final
{
public:
    PasswordPolicy();
    static constexpr int kMinLength = 10;
    // ValidationFailed with details {"password": "..."} saying what to change.
    core::Status check(const QString &password, const QString &email) const;
    qsizetype commonPasswordCount() const { return m_common.size(); }

private:
    QSet<QString> m_common;
};

} // namespace fliptech::auth
