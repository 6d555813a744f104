#pragma once
// ShutdownSignals: turns SIGINT/SIGTERM into a Qt signal delivered on the event loop (the
// self-pipe trick), so the headless server stops gracefully instead of dying mid-job.

#include <QObject>

class QSocketNotifier;

namespace fliptech::core {

class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fliptech::core
