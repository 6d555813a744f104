#include "fakeclock.h"

namespace fliptech::test {

FakeClock::FakeClock(QDateTime start) : m_now(std::move(start)) {}

QDateTime FakeClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

qint64 FakeClock::monotonicMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_mono;
}

void FakeClock::advance(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addMSecs(ms);
    m_mono += ms;
}

void FakeClock::set(const QDateTime &utc)
{
    QMutexLocker lock(&m_mutex);
    m_mono += m_now.msecsTo(utc);
    m_now = utc.toUTC();
}

} // namespace fliptech::test
