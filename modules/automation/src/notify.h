#pragma once
// An in-app notification to one user (table notifications) and its live event on the
// "notifications" channel: what a rule's notify action, a webhook turned off and the
// NotificationService all make. The user's preferences are honoured here.

#include "fliptech/automation/notificationservice.h"
#include "fliptech/core/error.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage

namespace fliptech::automation {


// The notification's id, or nothing when the user turned notices (or this type) off. Inside the
// caller's transaction, if any.
core::Result<std::optional<qint64>> notifyUser(storage::Database &db, storage::EventStore *events, const QDateTime &now, const Notice &notice);

// Whether the user wants in-app notices of this type (preferences absent: yes).
core::Result<bool> wantsNotice(storage::Database &db, qint64 userId, const QString &type);

} // namespace fliptech::automation
