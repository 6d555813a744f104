#pragma once
// How the Automation page writes a rule action as one line a person can edit ("austin, hot" for
// add_tags), and reads it back: shared by the Rules tab and the Approvals tab (where the actions
// waiting for a decision can be edited before approving).

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace fliptech::ui::detail {

// A value for people: "job_id: 12, leads: 3", lists joined by commas.
QString valueText(const QJsonValue &v);
// What an action's settings box holds ("tags, separated by commas"), or "no settings".
QString settingsHint(const QString &type);
QJsonObject actionFromText(const QString &type, const QString &text);
QString actionToText(const QJsonObject &action);

} // namespace fliptech::ui::detail
