#pragma once
// NotificationService (spec "Notifications", tables notifications and notification_preferences):
// what a user is told in the app — a reply arrived, a scrape finished, a campaign completed or
// stopped, a job failed for good, a rule's notify action, a webhook turned off. Each is a row for
// one user (or, for a notice to everyone such as the AI budget, for nobody in particular: each
// user sees it and reading it reads it for all), announced live on the "notifications" channel
// ("notification" when made, "notification_read" when read) so the desktop's bell, its tray
// messages and the web client update at once. A user's preferences turn the in-app notices off,
// or one type of them.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage

namespace fliptech::automation {

// One notification to make (userId 0: see notifyAdministrators).
struct Notice {
    qint64 userId = 0;
    QString type;     // reply, scrape, campaign, failure, rule, webhook
    QString title;
    QString message;
    QString severity = QStringLiteral("info"); // info|success|warning|error
    QString actionUrl;
    QJsonObject metadata;
};

struct NotificationQuery {
    bool unreadOnly = false;
    QString type;        // only this type ("" all)
    int limit = 50;      // 1..200
    qint64 beforeId = 0; // the next page: ids below this (0: the newest)
};

class NotificationService final
{
public:
    // The types a user may turn off, with what each is about (for the settings and the API).
    static QJsonArray typeCatalogue();

    NotificationService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock);

    // {items: [...newest first], unread_count, next_before (null on the last page)}.
    core::Result<QJsonObject> list(qint64 userId, const NotificationQuery &query);
    core::Result<qint64> unreadCount(qint64 userId);
    // One notification read (or unread again); NotFound when it is not this user's.
    core::Result<QJsonObject> markRead(qint64 userId, qint64 id, bool read = true);
    // Every unread one of this user: how many it read.
    core::Result<qint64> markAllRead(qint64 userId);
    core::Status remove(qint64 userId, qint64 id);

    // {in_app_enabled, types: {reply: true, ...}} with every type present.
    core::Result<QJsonObject> preferences(qint64 userId);
    // Changes what the patch names; errors name the field (unknown type, not a boolean).
    core::Result<QJsonObject> setPreferences(qint64 userId, const QJsonObject &patch);

    // Makes a notification unless the user turned it (or its type) off: its id, or nothing.
    core::Result<std::optional<qint64>> notify(const Notice &notice);
    // The same, for every active administrator (a failure nobody in particular owns): how many.
    core::Result<int> notifyAdministrators(Notice notice);

private:
    std::shared_ptr<storage::Database> m_db;
    storage::EventStore *m_events;
    const core::Clock &m_clock;
};

} // namespace fliptech::automation
