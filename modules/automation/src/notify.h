#pragma once
// An in-app notification to one user (table notifications) and its live event on the
// "notifications" channel: what a rule's notify action and a webhook turned off both send.

#include "fliptech/core/error.h"

#include <QDateTime>
#include <QJsonObject>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage

namespace fliptech::automation {

struct Notice {
    qint64 userId = 0;
    QString type;     // "rule", "webhook"
    QString title;
    QString message;
    QString severity = QStringLiteral("info"); // info|warning|error
    QString actionUrl;
    QJsonObject metadata;
};

// The notification's id. Inside the caller's transaction, if any.
core::Result<qint64> notifyUser(storage::Database &db, storage::EventStore *events, const QDateTime &now, const Notice &notice);

} // namespace fliptech::automation
