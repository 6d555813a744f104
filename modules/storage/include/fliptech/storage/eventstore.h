#pragma once
// EventStore: the one stream of things a user could want to see live (job progress,
// notifications, scrape results...). Rows in `events` with ids that increase in commit order;
// within a process, eventAppended() fires once per event, in id order, whichever process wrote
// it: PostgreSQL NOTIFY wakes other processes at once, polling covers SQLite and reconnects.
// since(id) replays what a reconnecting client missed.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QSocketNotifier;
class QTimer;
struct pg_conn;

namespace fliptech::storage {

class Database;

struct Event {
    qint64 id = 0;
    QString type;
    QString channel;
    QJsonObject payload;
    std::optional<qint64> userId; // set: meant for this user only
    QDateTime createdAt;
    // Appended by this process (as delivered by eventAppended): what it already acted on.
    bool local = false;
    QJsonObject toJson() const;
};

class EventStore final : public QObject
{
    Q_OBJECT
public:
    EventStore(std::shared_ptr<Database> db, const core::Clock &clock, QObject *parent = nullptr);
    ~EventStore() override;

    // Thread-safe: any thread may append (through its own connection).
    core::Result<qint64> append(const QString &type, const QString &channel, const QJsonObject &payload = {},
                                std::optional<qint64> userId = std::nullopt);
    // Events after `afterId` (oldest first), optionally only of some channels.
    core::Result<QList<Event>> since(qint64 afterId, int limit = 1000, const QStringList &channels = {});
    core::Result<qint64> lastId();
    // Events appended inside a transaction become visible at its commit, after append() looked
    // for them: the committer calls this (any thread) and they are delivered now, not at the next
    // poll (250 ms on SQLite).
    void committed() { scheduleDispatch(); }

    // Starts delivering eventAppended() in this object's thread, from events after the current
    // last id. pollIntervalMs: how often to look for other processes' events without NOTIFY.
    core::Status startWatching(int pollIntervalMs = 0);
    void stopWatching();
    qint64 appendedCount() const { return m_appended.load(); }

Q_SIGNALS:
    void eventAppended(const fliptech::storage::Event &event);

private:
    void dispatch();
    void scheduleDispatch();
    void connectListener();
    void disconnectListener();
    void onNotification();

    std::shared_ptr<Database> m_db;
    const core::Clock &m_clock;
    qint64 m_lastDispatched = 0;
    std::atomic<bool> m_watching{false};
    std::atomic<bool> m_dispatchQueued{false};
    std::atomic<qint64> m_appended{0};
    QMutex m_localMutex;
    QSet<qint64> m_localIds; // appended here, not yet delivered
    QTimer *m_pollTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    pg_conn *m_listenConn = nullptr;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fliptech::storage

Q_DECLARE_METATYPE(fliptech::storage::Event)
