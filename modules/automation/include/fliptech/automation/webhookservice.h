#pragma once
// WebhookService (issue 15, spec 3.2 tables webhooks and webhook_logs): outbound webhooks. A hook
// names the events it wants (GET /api/v1/webhooks/events); each such event becomes a delivery, a
// signed JSON POST to the hook's URL:
//
//   X-FlipTech-Event: lead_created          X-FlipTech-Delivery: 1234
//   X-FlipTech-Timestamp: 1764700000        (Unix seconds, of this attempt)
//   X-FlipTech-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the hook's secret>
//   {"id": 1234, "event": "lead_created", "event_id": 77, "created_at": "...", "data": {...}}
//
// (lead events' data carry the lead itself as "lead", as it was when the event was read).
//
// Receivers recompute the signature and refuse timestamps older than a few minutes (docs/webhooks.md
// has a verification snippet). The deliveries are an outbox in the database (webhook_deliveries):
// the event stream is read from a cursor and each wanted event becomes one delivery per hook in the
// transaction that moves the cursor (a unique (hook, event) key makes a repeated read a no-op);
// due deliveries are claimed (moved to "sending" with a lease, SKIP LOCKED on PostgreSQL, so many
// processes share the work and a crashed one's claims come back) and sent concurrently over one
// libcurl multi handle. Each attempt is logged with its status, time and the start of the answer.
// A 5xx, 429, timeout or connection failure is retried with exponential backoff (and jitter) up to
// maxAttempts; another 4xx or a refused address ends the delivery. A hook whose attempts fail
// max_failures times in a row is turned off, and its maker is notified.
//
// No delivery reaches a loopback, private, link-local or otherwise non-public address (checked on
// the address each connection uses: after DNS, on every redirect) unless an administrator allows
// private networks or names the address (settings()).

#include "fliptech/automation/backgroundround.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage
namespace fliptech::net {
class HttpClient;
struct HttpRequest;
} // namespace fliptech::net
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::automation {

struct WebhookOptions {
    int connections = 16;       // deliveries in flight at once
    int batchSize = 256;        // claimed per round trip to the database
    int maxAttempts = 6;        // per delivery
    int retryBaseMs = 30000;    // attempt n failed: the next waits base x 2^(n-1), +/- 20 %
    int timeoutMs = 10000;      // per attempt
    int leaseMs = 120000;       // a claim older than this is taken back (its process died)
    int keepResponseBytes = 2048;
    int keepDays = 30;          // finished deliveries and their log, then pruned
};

class WebhookService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultMaxFailures = 10;

    // `leads` (optional) adds the lead, as it is when the event is read, to the data of lead events.
    WebhookService(std::shared_ptr<storage::Database> db, storage::EventStore *events, leads::LeadService *leads, const core::Clock &clock,
                   WebhookOptions options = {}, QObject *parent = nullptr);
    ~WebhookService() override;

    // [{name, description}] of the events a hook may want.
    static QJsonArray eventTypes();
    // "sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">".
    static QByteArray signature(const QByteArray &secret, qint64 timestamp, const QByteArray &body);

    core::Result<QJsonArray> list();
    // {id, name, description, url, events, is_active, max_failures, failure_count, disabled_reason,
    //  last_delivery_at, last_status, secret_hint, created_by, ...}: the secret itself only once.
    core::Result<QJsonObject> get(qint64 id);
    // {name, description?, url (http or https), events: [names], secret? (made when absent, at
    //  least 16 characters), is_active = true, max_failures = 10}; answers with the secret.
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    // The fields given change; {rotate_secret: true} makes a new secret (answered once). Turning a
    // hook on again clears its failure count.
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(const leads::Actor &actor, qint64 id);
    // Each attempt, newest first: {id, delivery_id, event_type, attempt, response_status,
    //  response_body (truncated), error_message, duration_ms, delivered_at, delivery_status}.
    core::Result<QJsonArray> logs(qint64 id, int limit = 100);
    // A "ping" sent now (once, not retried), logged like any attempt: the log entry.
    core::Result<QJsonObject> test(const leads::Actor &actor, qint64 id);
    // The delivery of a logged attempt sent again (with a new timestamp): {delivery_id}.
    core::Result<QJsonObject> redeliver(const leads::Actor &actor, qint64 logId);
    // A delivery of `data` as `eventType` to one hook (a rule's call_webhook action, a schedule's
    // webhook task), in the caller's transaction; `eventId` makes it once per event.
    core::Result<qint64> enqueue(qint64 webhookId, const QString &eventType, const QJsonObject &data, std::optional<qint64> eventId = std::nullopt);

    // The webhook that starts the n8n workflow `workflowId` (its trigger at `url`), made the first
    // time and kept pointing at `url`: its deliveries may reach the n8n an administrator set up
    // wherever it is; its address and events cannot be changed through update().
    core::Result<qint64> workflowHook(const QString &workflowId, const QString &name, const QUrl &url);

    // {allow_private_networks: false, allowed_addresses: ["127.0.0.1:5678", ...]}.
    core::Result<QJsonObject> settings();
    core::Result<QJsonObject> updateSettings(const leads::Actor &actor, const QJsonObject &fields);

    // Turns wanted events after the cursor into deliveries (up to maxEvents): how many events it
    // stepped past.
    core::Result<int> fanOut(int maxEvents = 5000);
    // Claims up to one batch of due deliveries and sends them: how many were attempted.
    core::Result<int> deliverDue();
    // Drops finished deliveries and their log older than keepDays: how many deliveries.
    core::Result<int> pruneOld();
    // fanOut, then deliverDue until nothing is due (and, hourly, pruneOld); the time until the
    // next retry is due.
    core::Result<qint64> processPending();
    // Delivers in this process from now on (a round when an event arrives, when a retry is due,
    // and every 30 s for other processes' work).
    void startDelivering();
    void stopDelivering();

Q_SIGNALS:
    void changed();

private:
    struct Claimed;
    struct NewDelivery {
        qint64 webhookId = 0;
        std::optional<qint64> eventId;
        QString eventType;
        QJsonObject data;
        QDateTime happenedAt; // the event's time (invalid: now)
    };
    core::Result<QList<qint64>> insertDeliveries(const QList<NewDelivery> &rows);
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);
    core::Result<QList<Claimed>> claim(int limit);
    // A delivery's POST, signed now, limited to what `reach` (settings()) allows.
    net::HttpRequest signedPost(const QUrl &url, const QByteArray &secret, const QString &event, const QByteArray &body,
                                std::optional<qint64> deliveryId, const QJsonObject &reach) const;
    core::Status record(const QList<Claimed> &sent);
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::EventStore *m_events;
    leads::LeadService *m_leads;
    const core::Clock &m_clock;
    WebhookOptions m_options;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<BackgroundRound> m_round;
    QDateTime m_nextPrune; // invalid: prune at the first round
    std::atomic<int> m_activeHooks{1}; // as the last round saw them (1 until then: look first)
};

} // namespace fliptech::automation
