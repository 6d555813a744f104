#pragma once
// What the Automation page's tabs (Rules, Schedules, Approvals, Webhooks) share: their read-only
// lists, times, status line and refusals shown the same way, and a rule action written as one
// line a person can edit ("austin, hot" for add_tags) and read back (the Rules tab, and the
// Approvals tab where the waiting actions can be edited before approving).

#include "fliptech/core/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QLabel;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace fliptech::ui::detail {

// A value for people: "job_id: 12, leads: 3", lists joined by commas.
QString valueText(const QJsonValue &v);
// What an action's settings box holds ("tags, separated by commas"), or "no settings".
QString settingsHint(const QString &type);
QJsonObject actionFromText(const QString &type, const QString &text);
QString actionToText(const QJsonObject &action);

// A list the user reads and selects in (no editing, no row numbers, the last column stretched);
// `pickRows`: one whole row at a time.
QTableWidget *listTable(QWidget *parent, const QString &objectName, const QStringList &headers, bool pickRows = true);
// A cell with its text as tooltip too (long texts are cut in the column).
QTableWidgetItem *cell(const QString &text);
// A UTC ISO time on this computer's clock, short ("12/2/26 5:00 PM"); empty when none.
QString localTime(const QJsonValue &utcIso);
// The tab's status line: what happened, or (error) what was refused.
void showStatus(QLabel *status, const QString &text, bool error);
// A refusal as an editor shows it: the problem after the name of the box it is about, found by
// the field's name or its prefix (`boxes`: {"cron_expression", tr("Repeats")}, {"task_", ...}).
QString refusal(const core::Error &e, const QList<std::pair<QString, QString>> &boxes);

} // namespace fliptech::ui::detail
