#pragma once
// BackgroundRound: work a service does now and then off the caller's thread (the GUI's): firing
// due schedules, running rules over new events. kick() asks for a round; a round asked for while
// one runs makes that one go round once more, so nothing asked is lost and rounds never overlap.
// Each round returns how long to wait before the next unasked one (a poll for what other
// processes did); its database connection is closed after each round.

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace fliptech::storage {
class Database;
}

namespace fliptech::automation {

class BackgroundRound final : public QObject
{
    Q_OBJECT
public:
    // `round` runs on the round's thread and returns the delay before the next round.
    BackgroundRound(std::shared_ptr<storage::Database> db, std::function<std::chrono::milliseconds()> round, QObject *parent = nullptr);
    ~BackgroundRound() override;
    void start();
    // Waits for a round in progress; none starts after.
    void stop();
    void kick();
    bool isRunning() const { return m_timer != nullptr; }

private:
    std::shared_ptr<storage::Database> m_db;
    std::function<std::chrono::milliseconds()> m_round;
    QTimer *m_timer = nullptr;
    QThreadPool m_thread;
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_again{false};
    std::atomic<bool> m_stopping{false};
};

} // namespace fliptech::automation
