#pragma once
// RateLimiter: requests per minute per caller (API key, token or address), a fixed window.
// Shared by every HTTP thread.

#include <QHash>
#include <QMutex>
#include <QString>

namespace fliptech::api {

class RateLimiter final
{
public:
    explicit RateLimiter(int perMinute) : m_perMinute(perMinute) {}
    // 0 when allowed, else the seconds to wait. perMinute <= 0 disables the limit.
    int take(const QString &caller, qint64 nowMs);
    // The same with this call's own budget (when the limiter is enabled at all).
    int take(const QString &caller, qint64 nowMs, int perMinute);

private:
    struct Window {
        qint64 startMs = 0;
        int count = 0;
    };
    int m_perMinute;
    QMutex m_mutex;
    QHash<QString, Window> m_windows;
    qint64 m_lastSweepMs = 0;
};

} // namespace fliptech::api
