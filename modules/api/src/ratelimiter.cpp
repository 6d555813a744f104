#include "fliptech/api/ratelimiter.h"

namespace fliptech::api {

int RateLimiter::take(const QString &caller, qint64 nowMs)
{
    return take(caller, nowMs, m_perMinute);
}

int RateLimiter::take(const QString &caller, qint64 nowMs, int perMinute)
{
    if (m_perMinute <= 0 || perMinute <= 0)
        return 0;
    QMutexLocker lock(&m_mutex);
    if (nowMs - m_lastSweepMs > 120000) { // forget callers idle for a while
        for (auto it = m_windows.begin(); it != m_windows.end();)
            it = nowMs - it->startMs > 60000 ? m_windows.erase(it) : std::next(it);
        m_lastSweepMs = nowMs;
    }
    Window &w = m_windows[caller];
    if (nowMs - w.startMs >= 60000) {
        w.startMs = nowMs;
        w.count = 0;
    }
    if (w.count >= perMinute)
        return int((w.startMs + 60000 - nowMs + 999) / 1000);
    ++w.count;
    return 0;
}

} // namespace fliptech::api
