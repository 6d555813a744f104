#include "fliptech/automation/checks.h"

namespace fliptech::automation {

core::Status onlyKnownSettings(const QJsonObject &settings, const QStringList &allowed, const QString &path, const QString &owner)
{
    for (auto it = settings.begin(); it != settings.end(); ++it)
        if (!allowed.contains(it.key()))
            return core::fieldError(path + u'.' + it.key(),
                                    allowed.isEmpty() ? QStringLiteral("is not a setting: this %1 takes none").arg(owner)
                                                      : QStringLiteral("is not a setting of this %1 (%2)").arg(owner, allowed.join(QStringLiteral(", "))));
    return {};
}

core::Status mayChange(const leads::Actor &actor, const QJsonValue &createdBy, const QString &what, const QString &verb)
{
    if (actor.isAdmin || (actor.userId && createdBy.isDouble() && createdBy.toInteger() == *actor.userId))
        return {};
    return core::makeError(core::ErrorCode::Forbidden, QStringLiteral("Only an administrator or the person who made %1 may %2 it").arg(what, verb));
}

} // namespace fliptech::automation
