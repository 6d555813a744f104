#pragma once
// Clock: where time comes from. Services take one so tests can drive time with a fake.

#include <QDateTime>

namespace fliptech::core {

class Clock
{
public:
    virtual ~Clock() = default;
    // Current time in UTC.
    virtual QDateTime now() const = 0;
    // Monotonic milliseconds, for measuring durations.
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    // The process-wide system clock (stateless, so sharing it is safe).
    static SystemClock &instance();
};

} // namespace fliptech::core
