#pragma once
// Checks schedules and rules share: the settings a task or an action is given, and who may change
// a schedule or a rule.

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonObject>
#include <QStringList>

namespace fliptech::automation {

// Every key of `settings` is in `allowed`; else the error names `path.key` and lists the allowed
// ones. `owner` says whose settings they are ("task", "action").
core::Status onlyKnownSettings(const QJsonObject &settings, const QStringList &allowed, const QString &path, const QString &owner);
// Only an administrator or who made it (`createdBy`, null when gone) may change or delete it;
// `what` names it ("rule 3"), `verb` says what was tried ("change", "delete").
core::Status mayChange(const leads::Actor &actor, const QJsonValue &createdBy, const QString &what, const QString &verb);

} // namespace fliptech::automation
