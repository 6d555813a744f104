#include "fliptech/api/httpmetrics.h"

#include "fliptech/engine/engine.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

namespace fliptech::api {

void HttpMetrics::countRequest(int status)
{
    QMutexLocker lock(&m_mutex);
    ++m_byStatus[status];
}

QMap<int, qint64> HttpMetrics::requestsByStatus() const
{
    QMutexLocker lock(&m_mutex);
    return m_byStatus;
}

QByteArray HttpMetrics::render(engine::Engine &engine) const
{
    QByteArray out;
    auto family = [&out](const char *name, const char *type, const char *help) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    };
    const double uptime = engine.startedAt().isValid()
        ? double(engine.startedAt().msecsTo(engine.clock().now())) / 1000.0 : 0.0;
    family("fliptech_uptime_seconds", "gauge", "Seconds since the engine started.");
    out += "fliptech_uptime_seconds " + QByteArray::number(uptime, 'f', 3) + '\n';

    family("fliptech_database_up", "gauge", "1 when the database answers.");
    auto counts = engine.jobs().countsByState();
    out += QByteArray("fliptech_database_up ") + (counts ? "1" : "0") + '\n';
    if (counts) {
        family("fliptech_jobs", "gauge", "Jobs in the queue by state (all processes).");
        for (auto it = counts->begin(); it != counts->end(); ++it)
            out += "fliptech_jobs{state=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    family("fliptech_jobs_processed_total", "counter", "Jobs this process's workers ran.");
    out += "fliptech_jobs_processed_total " + QByteArray::number(engine.workers().processedCount()) + '\n';
    family("fliptech_events_appended_total", "counter", "Events this process appended.");
    out += "fliptech_events_appended_total " + QByteArray::number(engine.events().appendedCount()) + '\n';

    // Outbound: every request the process made (scraping, site analysis, providers).
    const net::HttpCounters http = engine.http().counters();
    family("fliptech_outbound_requests_total", "counter", "Outbound HTTP requests asked for.");
    out += "fliptech_outbound_requests_total " + QByteArray::number(http.requests) + '\n';
    family("fliptech_outbound_attempts_total", "counter", "Outbound HTTP attempts made (retries and robots.txt included).");
    out += "fliptech_outbound_attempts_total " + QByteArray::number(http.attempts) + '\n';
    family("fliptech_outbound_retries_total", "counter", "Outbound HTTP attempts that were retries.");
    out += "fliptech_outbound_retries_total " + QByteArray::number(http.retries) + '\n';
    family("fliptech_outbound_responses_total", "counter", "Outbound HTTP responses, by status class.");
    for (const auto &[cls, n] : {std::pair{"2xx", http.responses2xx}, std::pair{"3xx", http.responses3xx}, std::pair{"4xx", http.responses4xx},
                                 std::pair{"5xx", http.responses5xx}})
        out += QByteArray("fliptech_outbound_responses_total{class=\"") + cls + "\"} " + QByteArray::number(n) + '\n';
    family("fliptech_outbound_failures_total", "counter", "Outbound HTTP requests that ended without an answer (timeouts, limits, refusals).");
    out += "fliptech_outbound_failures_total " + QByteArray::number(http.failures) + '\n';
    family("fliptech_outbound_bytes_total", "counter", "Outbound HTTP response body bytes received.");
    out += "fliptech_outbound_bytes_total " + QByteArray::number(http.bytes) + '\n';

    family("fliptech_http_requests_total", "counter", "HTTP requests answered, by status.");
    const auto byStatus = requestsByStatus();
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        out += "fliptech_http_requests_total{status=\"" + QByteArray::number(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';
    return out;
}

} // namespace fliptech::api
