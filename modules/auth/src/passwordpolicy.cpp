#include "fliptech/auth/passwordpolicy.h"

#include <QFile>

namespace fliptech::auth {

PasswordPolicy::PasswordPolicy()
{
    QFile f(QStringLiteral(":/auth/common-passwords.txt"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QString p = QString::fromUtf8(line).trimmed().toLower();
            if (!p.isEmpty() && !p.startsWith(u'#'))
                m_common.insert(p);
        }
    }
}

core::Status PasswordPolicy::check(const QString &password, const QString &email) const
{
    auto refuse = [](const QString &why) {
        return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("the password is too weak: ") + why,
                               {{QStringLiteral("password"), why}});
    };
    if (password.size() < kMinLength)
        return refuse(QStringLiteral("use at least %1 characters").arg(kMinLength));
    const QString lower = password.toLower();
    const QString mail = email.trimmed().toLower();
    if (!mail.isEmpty() && (lower == mail || lower == mail.section(u'@', 0, 0)))
        return refuse(QStringLiteral("it must not be your email address"));
    if (m_common.contains(lower))
        return refuse(QStringLiteral("it is one of the most common passwords"));
    return {};
}

} // namespace fliptech::auth
