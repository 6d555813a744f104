#pragma once
// HealthController: /api/v1/health and /metrics, the two public, read-only probes.

#include <QHttpServerResponse>

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class HttpMetrics;

class HealthController final
{
public:
    HealthController(engine::Engine &engine, HttpMetrics &metrics) : m_engine(engine), m_metrics(metrics) {}
    QHttpServerResponse health();
    QHttpServerResponse metrics();

private:
    engine::Engine &m_engine;
    HttpMetrics &m_metrics;
};

} // namespace fliptech::api
