#pragma once
// FakeClock: time that moves only when a test says so.

#include "fliptech/core/clock.h"

#include <QMutex>
#include <QTimeZone>

namespace fliptech::test {

class FakeClock final : public core::Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2026, 1, 15), QTime(9, 0), QTimeZone::utc()));
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    void advance(qint64 ms);
    void set(const QDateTime &utc);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
    qint64 m_mono = 1000000;
};

} // namespace fliptech::test
