#pragma once
// AiService (issue 12): every AI call of the product goes through here. It knows the provider
// (base URL, key from the SecretStore or OPENROUTER_API_KEY), the model for each task (analysis,
// writing, replies, sentiment), the price table, the budgets and the prompts; it refuses a call
// that could pass a budget (with a notification), records every call (tokens, exact cost,
// latency, outcome) and its cost (costs, cost_type "ai_processing"), and falls back to the
// offline writer when there is no key or the provider cannot be reached, saying so.
//
// Shared by the API (/ai-mvp/..., /ai/...) and the desktop (Settings → AI, the lead page's
// writer, the inbox's suggestions).

#include "fliptech/ai/chatclient.h"
#include "fliptech/ai/pricing.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/core/usagegate.h"
#include "fliptech/leads/actor.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace fliptech::storage {
class Database;
class EventStore;
class SecretStore;
} // namespace fliptech::storage
namespace fliptech::net {
class HttpClient;
}
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::ai {

struct CallOptions {
    QString task;        // analysis, writing, replies, sentiment
    QString promptKey;   // email_writer, website_summary, reply_suggestion
    QHash<QString, QString> variables; // {{name}} in the prompt
    QString relatedType; // costs / ai_calls related entity
    qint64 relatedId = 0;
    std::optional<qint64> userId;
    std::function<void(const QString &delta)> onDelta; // streaming
};

struct CallResult {
    ChatReply reply;
    qint64 callId = 0;
    qint64 costPicodollars = 0;
    qint64 costCents = 0; // whole cents this call added to the costs table
};

class AiService final
{
public:
    static const QStringList &tasks();      // analysis, writing, replies, sentiment
    static const QStringList &promptKeys(); // email_writer, website_summary, reply_suggestion
    static inline const QString secretKey = QStringLiteral("ai/api_key");

    AiService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, storage::EventStore *events, leads::LeadService &leads,
              net::HttpClient &http, const core::Clock &clock);
    ~AiService();

    // {base_url, models: {analysis, writing, replies, sentiment}, temperature, max_tokens,
    //  timeout_ms, daily_budget_cents, monthly_budget_cents, budget_time_zone, api_key_set,
    //  key_source (keychain|environment|none), online, spend: {today_usd, month_usd, today_cents,
    //  month_cents, total_usd}}.
    core::Result<QJsonObject> settings();
    // Any of those fields (and api_key: "" removes it); checked whole, then stored.
    core::Result<QJsonObject> setSettings(const QJsonObject &fields);
    // Whether a key is set (no key: the offline writer answers).
    bool online();

    // [{model, prompt_per_million, completion_per_million, request_usd, updated_at}] (USD).
    core::Result<QJsonArray> prices();
    // {prices: [{model, prompt_per_million, completion_per_million, request_usd?}], remove: [model]}.
    core::Result<QJsonArray> setPrices(const QJsonObject &request);

    // [{key, version, system_prompt, user_prompt, note, created_at, is_default}] (the newest of each).
    core::Result<QJsonArray> prompts();
    // Every version of one prompt, newest first.
    core::Result<QJsonArray> promptVersions(const QString &key);
    // A new version of `key` (the older ones kept): {system_prompt, user_prompt, note}.
    core::Result<QJsonObject> savePrompt(const leads::Actor &actor, const QString &key, const QJsonObject &fields);

    // One call of `options.task` with the prompt filled in; refused when a budget would pass.
    core::Result<CallResult> call(const CallOptions &options);

    // POST /ai-mvp/generate-email: {lead_id, goal, tone, sender_name?, writer?: "offline"} → a
    // stored draft {id, lead_id, subject, body, writer (ai|offline), model, notice?, cost_usd}.
    // No key or no provider: the offline writer, and the notice says why.
    core::Result<QJsonObject> generateEmail(const leads::Actor &actor, const QJsonObject &request,
                                            const std::function<void(const QString &)> &onDelta = {});
    core::Result<QJsonObject> draft(qint64 id);
    // The draft as the user edited it, before sending ({subject, body}).
    core::Result<QJsonObject> updateDraft(qint64 id, const QJsonObject &fields);
    // The conversations module marks a draft sent through it.
    core::Status markDraftSent(qint64 draftId, qint64 senderAccountId, qint64 conversationId, qint64 messageId);

    // The analysis a lead's site got, with an AI summary and pitch angles (offline: from the
    // findings): {summary, pitch_angles: [{title, pitch}], writer, model?, notice?}.
    core::Result<QJsonObject> pitch(const leads::Actor &actor, const QJsonObject &lead, const QJsonObject &analysis);

    // A reply suggestion: {text, writer, model, ai_call_id, notice?}; `offline`: the offline
    // writer even with a key.
    core::Result<QJsonObject> suggestReply(const QJsonObject &lead, const QString &thread, const QString &intent, const QString &sentiment,
                                           const QString &senderName, qint64 conversationId, bool offline = false);

    // GET /ai-mvp/performance: per model {model, calls, ok, failed, refused, latency_p50_ms,
    // latency_p95_ms, cost_usd, drafts, drafts_sent, acceptance_rate, replies, reply_rate,
    // suggestions_approved, suggestions_rejected} over [from, to).
    core::Result<QJsonObject> performance(const QDateTime &from, const QDateTime &to);

    // Exact spend (picodollars) since the start of today / this month in the budget time zone.
    core::Result<QPair<qint64, qint64>> spend();

    // Limits on AI tokens per day and month (the usage limits); null: none.
    void setUsageGate(core::UsageGate *gate) { m_usage = gate; }

private:
    struct Settings;
    core::Result<Settings> loadSettings();
    QByteArray apiKey(QString *source = nullptr);
    core::Result<QPair<QString, QString>> prompt(const QString &key);
    core::Result<qint64> record(const CallOptions &options, const QString &model, const QString &status, const ChatReply *reply,
                                qint64 costPicodollars, const QString &error, qint64 *centsOut);
    void notifyBudget(const QString &title, const QString &message);

    std::shared_ptr<storage::Database> m_db;
    storage::SecretStore *m_secrets;
    storage::EventStore *m_events;
    leads::LeadService &m_leads;
    ChatClient m_client;
    const core::Clock &m_clock;
    core::UsageGate *m_usage = nullptr;
};

} // namespace fliptech::ai
