#pragma once
// HealthController: /api/v1/health (public liveness) and /metrics (Prometheus: loopback callers
// when the admin allows it, an API key with the "metrics" scope, or an admin).

#include <QHttpServerResponse>

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class HttpMetrics;
struct RequestContext;

class HealthController final
{
public:
    HealthController(engine::Engine &engine, HttpMetrics &metrics, bool loopbackMetrics)
        : m_engine(engine), m_metrics(metrics), m_loopbackMetrics(loopbackMetrics) {}
    QHttpServerResponse health();
    QHttpServerResponse metrics(const RequestContext &c);

private:
    engine::Engine &m_engine;
    HttpMetrics &m_metrics;
    bool m_loopbackMetrics;
};

} // namespace fliptech::api
