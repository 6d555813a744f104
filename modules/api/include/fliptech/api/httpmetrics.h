#pragma once
// HttpMetrics: counters of the HTTP server, rendered with the engine's figures as Prometheus text.

#include <QMap>
#include <QMutex>

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class HttpMetrics final
{
public:
    void countRequest(int status);
    QMap<int, qint64> requestsByStatus() const;
    // The whole /metrics document (text exposition format 0.0.4).
    QByteArray render(engine::Engine &engine) const;

private:
    mutable QMutex m_mutex;
    QMap<int, qint64> m_byStatus;
};

} // namespace fliptech::api
