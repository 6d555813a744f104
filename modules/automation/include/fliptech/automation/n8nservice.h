#pragma once
// N8nService (issue 15, spec "Workflows (n8n Integration)"): the team's n8n, through n8n's public
// REST API (header X-N8N-API-KEY): its workflows listed, turned on and off, their executions with
// status and duration. Where n8n is: the base URL in settings (or N8N_BASE_URL), the key in the
// SecretStore (or N8N_API_KEY).
//
// A rule action or a schedule starts a workflow through its Webhook trigger (POST
// <base>/webhook/<path>) with the event as JSON. The start is a delivery of the outbound webhook
// this service keeps for the workflow (WebhookService::workflowHook): signed, retried, logged and
// redeliverable like every delivery, and sent after the transaction that asked for it commits.
// Starting needs what the last read of n8n said (n8n_workflows: the trigger's path, whether the
// workflow is active), so no transaction waits on n8n.
//
// Executions are read from n8n every pollMs while n8n is set up; each new one and each change of
// status is announced once as "n8n_execution" on /ws/workflows (the row's upsert tells which
// process saw the change first).

#include "fliptech/automation/backgroundround.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
class JobQueue;
class SecretStore;
class WorkerPool;
} // namespace fliptech::storage
namespace fliptech::net {
class HttpClient;
}
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::automation {

class ApprovalService;
class WebhookService;

struct N8nOptions {
    int pollMs = 10000;    // executions read this often while n8n is set up
    int timeoutMs = 15000; // per call to n8n's API
    int keepDays = 30;     // executions seen, then forgotten (n8n keeps its own)
};

class N8nService final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *secretKey = "n8n/api_key";

    N8nService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, storage::EventStore *events, WebhookService &webhooks,
               const core::Clock &clock, N8nOptions options = {}, QObject *parent = nullptr);
    ~N8nService() override;

    // {base_url, base_url_source: settings|environment|none, api_key_set, key_source:
    //  keychain|environment|none, configured}.
    core::Result<QJsonObject> settings();
    // Administrators: {base_url ("" clears), api_key ("" removes)}.
    core::Result<QJsonObject> updateSettings(const leads::Actor &actor, const QJsonObject &fields);
    bool configured();

    // Every workflow, as n8n has it now: {id, name, active, tags, created_at, updated_at,
    // node_count, trigger: {method, path, url} | null, startable, not_startable_reason}.
    core::Result<QJsonArray> workflows();
    core::Result<QJsonObject> workflow(const QString &id);
    // The workflows as n8n was last read (no call to n8n: for pickers on the window's thread),
    // by name: {id, name, active, trigger, startable, not_startable_reason}.
    core::Result<QJsonArray> known();
    // Turns a workflow on or off in n8n (not for viewers): the workflow as n8n answers.
    core::Result<QJsonObject> setActive(const leads::Actor &actor, const QString &id, bool active);
    // Executions, newest first: {data: [{id, workflow_id, workflow_name, status, mode, finished,
    //  started_at, stopped_at, duration_ms}], next_cursor}. Filters: workflow id, status
    //  (success|error|running|waiting|canceled), limit 1-250, cursor (n8n's, from next_cursor).
    core::Result<QJsonObject> executions(const QString &workflowId, const QString &status, int limit, const QString &cursor);

    // Why `workflowId` could never be started from here (n8n asked: no such workflow, no Webhook
    // trigger taking POST): empty when it can be, once it is on.
    core::Result<QString> triggerProblem(const QString &workflowId);
    // Starts the workflow with {event, event_id, created_at, data} (a delivery of its webhook, in
    // the caller's transaction; `eventId` makes it once per event): {delivery_id, webhook_id, url}.
    core::Result<QJsonObject> start(const QString &workflowId, const QString &eventType, const QJsonObject &data, std::optional<qint64> eventId = std::nullopt);
    // By hand (not for viewers): start() as "manual", `data` sent as the event's data with
    // started_by (the user's id) added.
    core::Result<QJsonObject> startByHand(const leads::Actor &actor, const QString &workflowId, const QJsonObject &data);

    // A step of a workflow waiting for a person (approval kind "n8n_step"): the workflow POSTs
    // /api/v1/workflow-approvals with its Wait node's $execution.resumeUrl, then waits ("resume
    // on webhook call", POST). The decision (or the deadline's default) is POSTed to that address
    // by a job, retried while n8n does not answer: {approval_id, decision, approved, expired,
    // payload (as the decider edited it), note, decided_by}.
    static inline const QString stepKind = QStringLiteral("n8n_step");
    static inline const QString resumeJob = QStringLiteral("automation.n8n_resume");
    void enableApprovals(ApprovalService &approvals, leads::LeadService &leads, storage::JobQueue &jobs, storage::WorkerPool &workers);
    // {title, resume_url, payload?, lead_id?, workflow_id?, decide_role?, decide_user_id?,
    //  deadline_hours?, default?} (not for viewers): the request as stored, or the one already
    //  waiting for that resume_url (then *created is false). The resume_url must be on the
    //  address of the n8n set up here.
    core::Result<QJsonObject> requestApproval(const leads::Actor &actor, const QJsonObject &body, bool *created = nullptr);

    // Reads the newest executions (and, every few rounds, the workflows) and announces what
    // changed: how many executions changed. Nothing when n8n is not set up.
    core::Result<int> poll();
    void startPolling();
    void stopPolling();

Q_SIGNALS:
    void changed();

private:
    struct Connection {
        QUrl base;
        QByteArray key;
    };
    core::Result<Connection> connection();
    // One call to n8n's API: its JSON answer, or an error that says what to fix.
    core::Result<QJsonObject> call(const Connection &to, const QByteArray &method, const QString &path, const QUrlQuery &query = {});
    QJsonObject workflowJson(const QJsonObject &n8n, const QUrl &base) const;
    // Keeps what starting needs; with `complete`, the workflows n8n no longer has are forgotten.
    core::Status remember(const QJsonArray &workflows, bool complete);
    // Upserts executions; answers those new or changed (and announces them).
    core::Result<QJsonArray> record(const QJsonArray &executions);
    void announce(const QString &type, const QJsonObject &payload);

    // The decision, told to the waiting execution (the resume job).
    core::Result<QJsonObject> resume(const QString &url, const QJsonObject &decision);

    std::shared_ptr<storage::Database> m_db;
    ApprovalService *m_approvals = nullptr;
    leads::LeadService *m_leads = nullptr;
    storage::JobQueue *m_jobs = nullptr;
    storage::SecretStore *m_secrets;
    storage::EventStore *m_events;
    WebhookService &m_webhooks;
    const core::Clock &m_clock;
    N8nOptions m_options;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<BackgroundRound> m_round;
    int m_rounds = 0;
    QDateTime m_nextPrune;
};

} // namespace fliptech::automation
