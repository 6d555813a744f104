#include "fliptech/automation/n8nservice.h"

#include "automationsettings.h"
#include "storedjson.h"

#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcN8n, "fliptech.automation.n8n")

namespace fliptech::automation {

using core::ErrorCode;
using core::fieldError;
using core::makeError;
using storage::Database;

namespace {

const QString kSettingsKey = QStringLiteral("n8n");
const QString kWebhookNode = QStringLiteral("n8n-nodes-base.webhook");
const QStringList kStatuses{QStringLiteral("success"), QStringLiteral("error"), QStringLiteral("running"), QStringLiteral("waiting"), QStringLiteral("canceled")};

QString notSetUp()
{
    return QStringLiteral("n8n is not set up: give its address and an API key (Automation → Workflows → n8n settings, PUT /api/v1/n8n-webhooks/settings, "
                          "or N8N_BASE_URL and N8N_API_KEY)");
}

// An address of n8n's (an http(s) URL with a host), without a trailing slash; invalid when not.
QUrl baseUrl(const QString &text)
{
    QUrl u(text.trimmed(), QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() || (u.scheme() != u"http" && u.scheme() != u"https") || u.hasQuery() || u.hasFragment())
        return {};
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    u.setPath(path);
    return u;
}

QUrl under(const QUrl &base, const QString &path)
{
    QUrl u = base;
    u.setPath(base.path() + path);
    return u;
}

QDateTime timeOf(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// n8n's ids are strings of letters and digits (numbers for executions); anything else is refused
// before it reaches a URL.
bool plausibleId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(id).hasMatch();
}

QString idText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

} // namespace

N8nService::N8nService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, storage::EventStore *events, WebhookService &webhooks,
                       const core::Clock &clock, N8nOptions options, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_secrets(secrets), m_events(events), m_webhooks(webhooks), m_clock(clock), m_options(options)
{
    net::HttpClient::Options http;
    http.maxConcurrent = 4;
    http.maxPerHost = 4;
    http.userAgent = "FlipTechPro-n8n/" FLIPTECH_VERSION;
    m_http = std::make_unique<net::HttpClient>(http);
}

N8nService::~N8nService()
{
    stopPolling();
}

// ---- settings -------------------------------------------------------------------------------

core::Result<QJsonObject> N8nService::settings()
{
    auto stored = readAutomationSetting(*m_db, kSettingsKey, {{QStringLiteral("base_url"), QString()}});
    if (!stored)
        return stored.error();
    QString base = stored->value(QStringLiteral("base_url")).toString();
    QString baseSource = QStringLiteral("settings");
    if (base.isEmpty()) {
        base = qEnvironmentVariable("N8N_BASE_URL");
        baseSource = base.isEmpty() ? QStringLiteral("none") : QStringLiteral("environment");
    }
    QString keySource = QStringLiteral("none");
    if (m_secrets)
        if (auto k = m_secrets->read(QLatin1String(secretKey)); k && !k->isEmpty())
            keySource = QStringLiteral("keychain");
    if (keySource == u"none" && !qEnvironmentVariableIsEmpty("N8N_API_KEY"))
        keySource = QStringLiteral("environment");
    return QJsonObject{{QStringLiteral("base_url"), base.isEmpty() ? QJsonValue() : QJsonValue(base)},
                       {QStringLiteral("base_url_source"), baseSource},
                       {QStringLiteral("api_key_set"), keySource != u"none"},
                       {QStringLiteral("key_source"), keySource},
                       {QStringLiteral("configured"), !base.isEmpty() && keySource != u"none"}};
}

core::Result<QJsonObject> N8nService::updateSettings(const leads::Actor &actor, const QJsonObject &fields)
{
    if (!actor.isAdmin)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Only an administrator may change where n8n is and its key"));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (it.key() != u"base_url" && it.key() != u"api_key")
            return fieldError(it.key(), QStringLiteral("is not an n8n setting (base_url, api_key)"));
    if (fields.contains(QStringLiteral("base_url"))) {
        const QJsonValue v = fields.value(QStringLiteral("base_url"));
        if (!v.isString() || (!v.toString().trimmed().isEmpty() && !baseUrl(v.toString()).isValid()) || v.toString().size() > 500)
            return fieldError(QStringLiteral("base_url"), QStringLiteral("must be n8n's address, such as http://127.0.0.1:5678 or https://n8n.example.com (\"\" clears it)"));
    }
    if (fields.contains(QStringLiteral("api_key"))) {
        const QJsonValue v = fields.value(QStringLiteral("api_key"));
        if (!v.isString() || v.toString().size() > 2000 || v.toString().contains(u'\n'))
            return fieldError(QStringLiteral("api_key"), QStringLiteral("must be the key n8n made (Settings → n8n API in n8n), \"\" removes it"));
        if (!m_secrets)
            return makeError(ErrorCode::Unavailable, QStringLiteral("No secret store: the key cannot be kept (set N8N_API_KEY in the environment)"));
    }
    if (fields.contains(QStringLiteral("base_url"))) {
        const QString text = fields.value(QStringLiteral("base_url")).toString().trimmed();
        const QJsonObject value{{QStringLiteral("base_url"), text.isEmpty() ? QString() : baseUrl(text).toString()}};
        if (auto done = writeAutomationSetting(*m_db, kSettingsKey, value, actor, m_clock.now()); !done)
            return done.error();
    }
    if (fields.contains(QStringLiteral("api_key"))) {
        const QByteArray key = fields.value(QStringLiteral("api_key")).toString().trimmed().toUtf8();
        if (auto done = key.isEmpty() ? m_secrets->remove(QLatin1String(secretKey)) : m_secrets->write(QLatin1String(secretKey), key); !done)
            return done.error();
    }
    announce(QStringLiteral("n8n_settings_changed"), {});
    if (m_round)
        m_round->kick();
    return settings();
}

bool N8nService::configured()
{
    auto s = settings();
    return s && s->value(QStringLiteral("configured")).toBool();
}

core::Result<N8nService::Connection> N8nService::connection()
{
    auto s = settings();
    if (!s)
        return s.error();
    if (!s->value(QStringLiteral("configured")).toBool()) // the set-up, not n8n, is missing: a 409, not a 503
        return makeError(ErrorCode::Conflict, notSetUp());
    Connection c;
    c.base = baseUrl(s->value(QStringLiteral("base_url")).toString());
    if (!c.base.isValid())
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n's address (%1) is not an http(s) address").arg(s->value(QStringLiteral("base_url")).toString()));
    if (m_secrets)
        if (auto k = m_secrets->read(QLatin1String(secretKey)); k)
            c.key = *k;
    if (c.key.isEmpty())
        c.key = qgetenv("N8N_API_KEY");
    return c;
}

// ---- n8n's API ------------------------------------------------------------------------------

core::Result<QJsonObject> N8nService::call(const Connection &to, const QByteArray &method, const QString &path, const QUrlQuery &query)
{
    net::HttpRequest r;
    r.url = under(to.base, QStringLiteral("/api/v1") + path);
    r.url.setQuery(query);
    r.method = method;
    r.headers = {{"X-N8N-API-KEY", to.key}, {"Accept", "application/json"}};
    if (method == "POST") {
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        r.body = "{}";
    }
    r.timeoutMs = m_options.timeoutMs;
    r.connectTimeoutMs = std::min(m_options.timeoutMs, 5000);
    r.maxRetries = method == "GET" ? 1 : 0;
    r.maxBodyBytes = 32 << 20;
    const net::HttpResponse a = m_http->get(r);
    const QString where = to.base.toString();
    if (a.error)
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n at %1 did not answer: %2").arg(where, a.error->message));
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    const QString said = doc.object().value(QStringLiteral("message")).toString().left(300);
    const QJsonObject details{{QStringLiteral("n8n_status"), a.status}};
    if (a.status == 401)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("n8n at %1 refused the API key (401): make a key in n8n (Settings → n8n API) and save it in the n8n settings").arg(where), details);
    if (a.status == 403)
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n's API key may not do this (403%1): give it the workflow and execution scopes")
                                                     .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said),
                         details);
    if (a.status == 404)
        return makeError(ErrorCode::NotFound, QStringLiteral("n8n has no such thing (%1)%2").arg(path, said.isEmpty() ? QString() : QStringLiteral(": ") + said), details);
    if (a.status == 400)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("n8n refused it: %1").arg(said.isEmpty() ? QString::fromUtf8(a.body.left(300)) : said), details);
    if (a.status < 200 || a.status >= 300)
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n at %1 answered %2%3").arg(where).arg(a.status).arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said),
                         details);
    if (!doc.isObject())
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 did not answer as n8n's API does (not a JSON object): is it n8n's address?").arg(where), details);
    return doc.object();
}

QJsonObject N8nService::workflowJson(const QJsonObject &w, const QUrl &base) const
{
    // The trigger: the first Webhook node taking POST (else the first Webhook node, to say why not).
    QJsonObject trigger;
    for (const QJsonValue &n : w.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = n.toObject();
        if (node.value(QStringLiteral("type")).toString() != kWebhookNode || node.value(QStringLiteral("disabled")).toBool())
            continue;
        const QJsonObject p = node.value(QStringLiteral("parameters")).toObject();
        const QString method = p.value(QStringLiteral("httpMethod")).toString(QStringLiteral("GET")).toUpper();
        const QString path = p.value(QStringLiteral("path")).toString();
        if (trigger.isEmpty() || (method == u"POST" && trigger.value(QStringLiteral("method")).toString() != u"POST"))
            trigger = {{QStringLiteral("method"), method},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("url"), under(base, QStringLiteral("/webhook/") + path).toString()}};
    }
    QString problem;
    if (trigger.isEmpty())
        problem = QStringLiteral("it has no Webhook trigger: add one (HTTP method POST) to start it from FlipTech");
    else if (trigger.value(QStringLiteral("method")).toString() != u"POST")
        problem = QStringLiteral("its Webhook trigger takes %1: set its HTTP method to POST").arg(trigger.value(QStringLiteral("method")).toString());
    else if (trigger.value(QStringLiteral("path")).toString().isEmpty())
        problem = QStringLiteral("its Webhook trigger has no path");
    else if (!w.value(QStringLiteral("active")).toBool())
        problem = QStringLiteral("it is off: turn it on (here or in n8n) so its webhook listens");
    QJsonArray tags;
    for (const QJsonValue &t : w.value(QStringLiteral("tags")).toArray())
        tags.append(t.isObject() ? t.toObject().value(QStringLiteral("name")) : t);
    return {{QStringLiteral("id"), idText(w.value(QStringLiteral("id")))},
            {QStringLiteral("name"), w.value(QStringLiteral("name")).toString()},
            {QStringLiteral("active"), w.value(QStringLiteral("active")).toBool()},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("created_at"), isoOrNull(timeOf(w.value(QStringLiteral("createdAt"))))},
            {QStringLiteral("updated_at"), isoOrNull(timeOf(w.value(QStringLiteral("updatedAt"))))},
            {QStringLiteral("node_count"), w.value(QStringLiteral("nodes")).toArray().size()},
            {QStringLiteral("trigger"), trigger.isEmpty() ? QJsonValue() : QJsonValue(trigger)},
            {QStringLiteral("startable"), problem.isEmpty()},
            {QStringLiteral("not_startable_reason"), problem.isEmpty() ? QJsonValue() : QJsonValue(problem)}};
}

core::Result<QJsonArray> N8nService::workflows()
{
    auto to = connection();
    if (!to)
        return to.error();
    QJsonArray out;
    QString cursor;
    for (int page = 0; page < 100; ++page) { // 250 a page: 25,000 workflows at most
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("250"));
        if (!cursor.isEmpty())
            q.addQueryItem(QStringLiteral("cursor"), cursor);
        auto answer = call(*to, "GET", QStringLiteral("/workflows"), q);
        if (!answer)
            return answer.error();
        for (const QJsonValue &w : answer->value(QStringLiteral("data")).toArray())
            if (!w.toObject().value(QStringLiteral("isArchived")).toBool()) // n8n 1.9x+ keeps archived ones
                out.append(workflowJson(w.toObject(), to->base));
        cursor = answer->value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    if (auto st = remember(out, true); !st)
        return st.error();
    return out;
}

core::Result<QJsonObject> N8nService::workflow(const QString &id)
{
    if (!plausibleId(id))
        return makeError(ErrorCode::NotFound, QStringLiteral("No n8n workflow '%1'").arg(id.left(80)));
    auto to = connection();
    if (!to)
        return to.error();
    auto answer = call(*to, "GET", QStringLiteral("/workflows/") + id);
    if (!answer)
        return answer.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("n8n has no workflow %1").arg(id)) : answer.error();
    const QJsonObject w = workflowJson(*answer, to->base);
    if (auto st = remember({w}, false); !st)
        return st.error();
    return w;
}

core::Result<QJsonArray> N8nService::known()
{
    auto rows = m_db->select(QStringLiteral("SELECT id, name, active, webhook_path, webhook_method FROM n8n_workflows ORDER BY name, id"));
    if (!rows)
        return rows.error();
    QUrl base;
    if (auto s = settings())
        base = baseUrl(s->value(QStringLiteral("base_url")).toString());
    QJsonArray out;
    for (const auto &r : *rows) {
        // The shape n8n answers, so one function says what starts it and why not.
        QJsonArray nodes;
        if (!r.value(3).isNull())
            nodes.append(QJsonObject{{QStringLiteral("type"), kWebhookNode},
                                     {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("httpMethod"), r.value(4).toString()}, {QStringLiteral("path"), r.value(3).toString()}}}});
        const QJsonObject w = workflowJson({{QStringLiteral("id"), r.value(0).toString()},
                                            {QStringLiteral("name"), r.value(1).toString()},
                                            {QStringLiteral("active"), r.value(2).toBool()},
                                            {QStringLiteral("nodes"), nodes}},
                                           base);
        out.append(QJsonObject{{QStringLiteral("id"), w.value(QStringLiteral("id"))},
                               {QStringLiteral("name"), w.value(QStringLiteral("name"))},
                               {QStringLiteral("active"), w.value(QStringLiteral("active"))},
                               {QStringLiteral("trigger"), w.value(QStringLiteral("trigger"))},
                               {QStringLiteral("startable"), w.value(QStringLiteral("startable"))},
                               {QStringLiteral("not_startable_reason"), w.value(QStringLiteral("not_startable_reason"))}});
    }
    return out;
}

core::Result<QJsonObject> N8nService::setActive(const leads::Actor &actor, const QString &id, bool active)
{
    if (actor.readOnly)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Viewers may not turn workflows on or off"));
    if (!plausibleId(id))
        return makeError(ErrorCode::NotFound, QStringLiteral("No n8n workflow '%1'").arg(id.left(80)));
    auto to = connection();
    if (!to)
        return to.error();
    auto answer = call(*to, "POST", QStringLiteral("/workflows/%1/%2").arg(id, active ? QStringLiteral("activate") : QStringLiteral("deactivate")));
    if (!answer)
        return answer.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("n8n has no workflow %1").arg(id)) : answer.error();
    // n8n answers with the workflow (nodes included); read it again if it did not.
    QJsonObject w = answer->contains(QStringLiteral("nodes")) ? workflowJson(*answer, to->base) : QJsonObject();
    if (w.isEmpty()) {
        auto again = workflow(id);
        if (!again)
            return again.error();
        w = *again;
    } else if (auto st = remember({w}, false); !st) {
        return st.error();
    }
    announce(QStringLiteral("n8n_workflow_changed"), {{QStringLiteral("workflow_id"), id}, {QStringLiteral("active"), w.value(QStringLiteral("active"))}});
    Q_EMIT changed();
    return w;
}

core::Result<QJsonObject> N8nService::executions(const QString &workflowId, const QString &status, int limit, const QString &cursor)
{
    if (!workflowId.isEmpty() && !plausibleId(workflowId))
        return fieldError(QStringLiteral("workflow_id"), QStringLiteral("must be an n8n workflow id (GET /api/v1/n8n-webhooks/workflows)"));
    if (!status.isEmpty() && !kStatuses.contains(status))
        return fieldError(QStringLiteral("status"), QStringLiteral("must be one of %1").arg(kStatuses.join(QStringLiteral(", "))));
    if (limit < 1 || limit > 250)
        return fieldError(QStringLiteral("limit"), QStringLiteral("must be from 1 to 250"));
    if (cursor.size() > 2000)
        return fieldError(QStringLiteral("cursor"), QStringLiteral("must be the next_cursor of an earlier answer"));
    auto to = connection();
    if (!to)
        return to.error();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!workflowId.isEmpty())
        q.addQueryItem(QStringLiteral("workflowId"), workflowId);
    if (!status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), status);
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    auto answer = call(*to, "GET", QStringLiteral("/executions"), q);
    if (!answer)
        return answer.error();
    auto names = m_db->select(QStringLiteral("SELECT id, name FROM n8n_workflows"));
    if (!names)
        return names.error();
    QHash<QString, QString> nameOf;
    for (const auto &r : *names)
        nameOf.insert(r.value(0).toString(), r.value(1).toString());
    QJsonArray data;
    for (const QJsonValue &v : answer->value(QStringLiteral("data")).toArray()) {
        const QJsonObject e = v.toObject();
        const QDateTime started = timeOf(e.value(QStringLiteral("startedAt")));
        const QDateTime stopped = timeOf(e.value(QStringLiteral("stoppedAt")));
        const bool finished = e.value(QStringLiteral("finished")).toBool();
        // n8n 1.x and later say the status; older ones only whether it finished.
        QString state = e.value(QStringLiteral("status")).toString();
        if (state.isEmpty())
            state = finished ? QStringLiteral("success") : stopped.isValid() ? QStringLiteral("error") : QStringLiteral("running");
        const QString wf = idText(e.value(QStringLiteral("workflowId")));
        data.append(QJsonObject{{QStringLiteral("id"), idText(e.value(QStringLiteral("id")))},
                                {QStringLiteral("workflow_id"), wf},
                                {QStringLiteral("workflow_name"), nameOf.contains(wf) ? QJsonValue(nameOf.value(wf)) : QJsonValue()},
                                {QStringLiteral("status"), state},
                                {QStringLiteral("mode"), e.value(QStringLiteral("mode")).toString()},
                                {QStringLiteral("finished"), finished},
                                {QStringLiteral("started_at"), isoOrNull(started)},
                                {QStringLiteral("stopped_at"), isoOrNull(stopped)},
                                {QStringLiteral("duration_ms"), started.isValid() && stopped.isValid() ? QJsonValue(started.msecsTo(stopped)) : QJsonValue()}});
    }
    if (auto changed = record(data); !changed)
        return changed.error();
    const QString next = answer->value(QStringLiteral("nextCursor")).toString();
    return QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("next_cursor"), next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
}

// ---- what starting needs --------------------------------------------------------------------

core::Status N8nService::remember(const QJsonArray &workflows, bool complete)
{
    const QVariant now = m_db->timestamp(m_clock.now());
    for (const QJsonValue &v : workflows) {
        const QJsonObject w = v.toObject();
        const QJsonObject t = w.value(QStringLiteral("trigger")).toObject();
        const QDateTime updated = timeOf(w.value(QStringLiteral("updated_at")));
        auto done = m_db->execute(QStringLiteral("INSERT INTO n8n_workflows (id, name, active, webhook_path, webhook_method, tags, node_count, updated_at, synced_at) "
                                                 "VALUES (?, ?, %1, ?, ?, %2, ?, %3, %3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, "
                                                 "webhook_path = excluded.webhook_path, webhook_method = excluded.webhook_method, tags = excluded.tags, "
                                                 "node_count = excluded.node_count, updated_at = excluded.updated_at, synced_at = excluded.synced_at")
                                      .arg(m_db->boolLiteral(w.value(QStringLiteral("active")).toBool()), m_db->jsonParam(), m_db->timestampParam()),
                                  {w.value(QStringLiteral("id")).toString(), w.value(QStringLiteral("name")).toString(),
                                   t.isEmpty() ? QVariant() : QVariant(t.value(QStringLiteral("path")).toString()),
                                   t.isEmpty() ? QVariant() : QVariant(t.value(QStringLiteral("method")).toString()), jsonText(w.value(QStringLiteral("tags"))),
                                   w.value(QStringLiteral("node_count")).toInt(), updated.isValid() ? m_db->timestamp(updated) : QVariant(), now});
        if (!done)
            return done.error();
    }
    if (complete)
        if (auto done = m_db->execute(QStringLiteral("DELETE FROM n8n_workflows WHERE synced_at < %1").arg(m_db->timestampParam()), {now}); !done)
            return done.error();
    return {};
}

core::Result<QJsonArray> N8nService::record(const QJsonArray &executions)
{
    if (executions.isEmpty())
        return QJsonArray();
    // One statement; a row comes back when it is new or its status changed (then, and only in the
    // process whose statement changed it, it is announced).
    QStringList values;
    QVariantList params;
    const QVariant now = m_db->timestamp(m_clock.now());
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &v : executions) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(QStringLiteral("id")).toString();
        if (byId.contains(id))
            continue;
        byId.insert(id, e);
        values << QStringLiteral("(?, ?, ?, ?, %1, %2, %2, %2)").arg(m_db->boolLiteral(e.value(QStringLiteral("finished")).toBool()), m_db->timestampParam());
        const QDateTime started = timeOf(e.value(QStringLiteral("started_at")));
        const QDateTime stopped = timeOf(e.value(QStringLiteral("stopped_at")));
        params << id << e.value(QStringLiteral("workflow_id")).toString() << e.value(QStringLiteral("status")).toString() << e.value(QStringLiteral("mode")).toString()
               << (started.isValid() ? m_db->timestamp(started) : QVariant()) << (stopped.isValid() ? m_db->timestamp(stopped) : QVariant()) << now;
    }
    auto rows = m_db->select(QStringLiteral("INSERT INTO n8n_executions (id, workflow_id, status, mode, finished, started_at, stopped_at, seen_at) VALUES %1 "
                                            "ON CONFLICT (id) DO UPDATE SET status = excluded.status, finished = excluded.finished, stopped_at = excluded.stopped_at, "
                                            "seen_at = excluded.seen_at WHERE n8n_executions.status <> excluded.status RETURNING id")
                                 .arg(values.join(u',')),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray changed;
    for (const auto &r : *rows)
        changed.append(byId.value(r.value(0).toString()));
    if (!changed.isEmpty()) {
        // At most 50 in one message (a first read sees many): clients read the rest.
        QJsonArray shown;
        for (qsizetype i = 0; i < std::min<qsizetype>(50, changed.size()); ++i)
            shown.append(changed.at(i));
        announce(QStringLiteral("n8n_executions"), {{QStringLiteral("count"), changed.size()}, {QStringLiteral("executions"), shown}});
        Q_EMIT this->changed();
    }
    return changed;
}

core::Result<QString> N8nService::triggerProblem(const QString &workflowId)
{
    auto w = workflow(workflowId);
    if (!w)
        return w.error();
    if (w->value(QStringLiteral("startable")).toBool() || w->value(QStringLiteral("trigger")).toObject().value(QStringLiteral("method")).toString() == u"POST")
        return QString(); // startable, or only off
    return w->value(QStringLiteral("not_startable_reason")).toString();
}

core::Result<QJsonObject> N8nService::start(const QString &workflowId, const QString &eventType, const QJsonObject &data, std::optional<qint64> eventId)
{
    auto rows = m_db->select(QStringLiteral("SELECT name, active, webhook_path, webhook_method FROM n8n_workflows WHERE id = ?"), {workflowId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("The n8n workflow %1 is not known here: list the workflows (Automation → Workflows) so they are read from n8n")
                                                  .arg(workflowId.left(80)));
    const storage::Row &r = rows->first();
    const QString name = r.value(0).toString();
    if (r.value(2).isNull() || r.value(2).toString().isEmpty())
        return makeError(ErrorCode::Conflict, QStringLiteral("The n8n workflow '%1' has no Webhook trigger to start it by").arg(name));
    if (r.value(3).toString() != u"POST")
        return makeError(ErrorCode::Conflict, QStringLiteral("The Webhook trigger of the n8n workflow '%1' takes %2, not POST").arg(name, r.value(3).toString()));
    if (!r.value(1).toBool())
        return makeError(ErrorCode::Conflict, QStringLiteral("The n8n workflow '%1' is off: turn it on (Automation → Workflows, or in n8n)").arg(name));
    auto to = connection();
    if (!to)
        return to.error();
    const QUrl url = under(to->base, QStringLiteral("/webhook/") + r.value(2).toString());
    auto hook = m_webhooks.workflowHook(workflowId, name, url);
    if (!hook)
        return hook.error();
    auto delivery = m_webhooks.enqueue(*hook, eventType, data, eventId);
    if (!delivery)
        return delivery.error();
    return QJsonObject{{QStringLiteral("delivery_id"), *delivery}, {QStringLiteral("webhook_id"), *hook}, {QStringLiteral("url"), url.toString()}};
}

core::Result<QJsonObject> N8nService::startByHand(const leads::Actor &actor, const QString &workflowId, const QJsonObject &data)
{
    if (actor.readOnly)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Viewers may not start workflows"));
    if (data.contains(QStringLiteral("started_by")))
        return fieldError(QStringLiteral("data.started_by"), QStringLiteral("is set here: who started the workflow"));
    QJsonObject sent = data;
    sent.insert(QStringLiteral("started_by"), actor.userId ? QJsonValue(*actor.userId) : QJsonValue());
    return start(workflowId, QStringLiteral("manual"), sent);
}

// ---- workflow steps waiting for a decision -------------------------------------------------

void N8nService::enableApprovals(ApprovalService &approvals, leads::LeadService &leads, storage::JobQueue &jobs, storage::WorkerPool &workers)
{
    m_approvals = &approvals;
    m_leads = &leads;
    m_jobs = &jobs;
    approvals.registerKind(ApprovalKind{
        stepKind, QStringLiteral("n8n workflow steps"),
        // The decider may change the values the workflow sent for review, not add new ones.
        [](const QJsonObject &edited, const QJsonObject &original) -> core::Status {
            const QJsonObject review = original.value(QStringLiteral("payload")).toObject();
            for (auto it = edited.begin(); it != edited.end(); ++it) {
                if (it.key() == u"payload") {
                    if (!it.value().isObject())
                        return fieldError(QStringLiteral("payload.payload"), QStringLiteral("must be an object (the values the workflow sent, edited)"));
                    const QJsonObject values = it.value().toObject();
                    for (auto f = values.begin(); f != values.end(); ++f)
                        if (!review.contains(f.key()))
                            return fieldError(QStringLiteral("payload.payload.") + f.key(),
                                              QStringLiteral("is not a value the workflow sent (%1)").arg(review.keys().join(QStringLiteral(", "))));
                } else if (it.value() != original.value(it.key())) {
                    return fieldError(QStringLiteral("payload.") + it.key(), QStringLiteral("cannot be changed here (only payload, the values the workflow sent)"));
                }
            }
            return {};
        },
        [this](const QJsonObject &approval, const QJsonObject &payload, bool approved) -> core::Result<QJsonObject> {
            storage::JobSpec spec(resumeJob, {{QStringLiteral("url"), payload.value(QStringLiteral("resume_url"))},
                                              {QStringLiteral("decision"),
                                               QJsonObject{{QStringLiteral("approval_id"), approval.value(QStringLiteral("id"))},
                                                           {QStringLiteral("decision"), approved ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                                           {QStringLiteral("approved"), approved},
                                                           {QStringLiteral("expired"), approval.value(QStringLiteral("status")).toString() == u"expired"},
                                                           // the values as the workflow sent them, with the decider's changes
                                                           {QStringLiteral("payload"), payload.value(QStringLiteral("payload"))},
                                                           {QStringLiteral("note"), approval.value(QStringLiteral("decision_note"))},
                                                           {QStringLiteral("decided_by"), approval.value(QStringLiteral("decided_by"))}}}});
            spec.queue = QStringLiteral("automation");
            spec.maxAttempts = 8;
            auto job = m_jobs->enqueue(spec);
            if (!job)
                return job.error();
            return QJsonObject{{QStringLiteral("resume_job_id"), *job}, {QStringLiteral("told"), approved ? QStringLiteral("approved") : QStringLiteral("rejected")}};
        }});
    workers.registerHandler(resumeJob, [this](storage::JobContext &c) {
        return storage::JobOutcome::of(resume(c.payload().value(QStringLiteral("url")).toString(), c.payload().value(QStringLiteral("decision")).toObject()));
    });
}

core::Result<QJsonObject> N8nService::requestApproval(const leads::Actor &actor, const QJsonObject &body, bool *created)
{
    if (!m_approvals)
        return makeError(ErrorCode::Internal, QStringLiteral("approvals are not wired to n8n"));
    if (actor.readOnly || !actor.userId)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Viewers may not ask for approvals"));
    static const QStringList fields{QStringLiteral("title"),          QStringLiteral("resume_url"),   QStringLiteral("payload"),
                                    QStringLiteral("lead_id"),        QStringLiteral("workflow_id"),  QStringLiteral("decide_role"),
                                    QStringLiteral("decide_user_id"), QStringLiteral("deadline_hours"), QStringLiteral("default")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!fields.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not part of a request for approval (%1)").arg(fields.join(QStringLiteral(", "))));
    const QString title = body.value(QStringLiteral("title")).toString().trimmed();
    if (!body.value(QStringLiteral("title")).isString() || title.isEmpty() || title.size() > 300)
        return fieldError(QStringLiteral("title"), QStringLiteral("is required: what waits, in 1 to 300 characters"));
    const QJsonValue payload = body.value(QStringLiteral("payload"));
    if (!payload.isUndefined() && !payload.isObject())
        return fieldError(QStringLiteral("payload"), QStringLiteral("must be an object: the values to review (the decider may edit them)"));
    if (QJsonDocument(payload.toObject()).toJson(QJsonDocument::Compact).size() > 64 * 1024)
        return fieldError(QStringLiteral("payload"), QStringLiteral("must be at most 64 KB"));
    const QJsonValue workflow = body.value(QStringLiteral("workflow_id"));
    if (!workflow.isUndefined() && (!workflow.isString() || workflow.toString().size() > 100))
        return fieldError(QStringLiteral("workflow_id"), QStringLiteral("must be the n8n workflow's id ({{ $workflow.id }})"));
    if (auto st = checkApprovalTerms(body, QString()); !st)
        return st.error();
    // Only to the n8n set up here: the address is called with the decision, unattended.
    const QUrl resume(body.value(QStringLiteral("resume_url")).toString());
    auto to = connection();
    if (!to)
        return to.error();
    if (!body.value(QStringLiteral("resume_url")).isString() || !resume.isValid() || resume.scheme() != to->base.scheme() || resume.host() != to->base.host() ||
        resume.port(resume.scheme() == u"https" ? 443 : 80) != to->base.port(to->base.scheme() == u"https" ? 443 : 80))
        return fieldError(QStringLiteral("resume_url"), QStringLiteral("must be the Wait node's {{ $execution.resumeUrl }} on %1, the n8n set up here "
                                                                       "(set n8n's WEBHOOK_URL to that address)")
                                                            .arg(to->base.toString(QUrl::RemovePath)));
    const QString reference = resume.toString();
    QJsonObject lead;
    if (body.contains(QStringLiteral("lead_id"))) {
        const QJsonValue id = body.value(QStringLiteral("lead_id"));
        if (!id.isDouble() || id.toDouble() != double(id.toInteger()) || id.toInteger() <= 0)
            return fieldError(QStringLiteral("lead_id"), QStringLiteral("must be a lead's id"));
        auto found = m_leads->get(id.toInteger());
        if (!found)
            return found.error().code == ErrorCode::NotFound ? fieldError(QStringLiteral("lead_id"), found.error().message) : found.error();
        lead = *found;
    }
    // Asked again for the same waiting execution (n8n retried the request): the same request.
    auto asked = m_approvals->latest(actor, stepKind, reference);
    if (!asked)
        return asked.error();
    if (*asked) {
        if (created)
            *created = false;
        return **asked;
    }
    ApprovalRequest r;
    r.kind = stepKind;
    r.title = title;
    r.reference = reference;
    r.requestedBy = actor.userId;
    r.takeTerms(body);
    r.payload = {{QStringLiteral("resume_url"), reference},
                 {QStringLiteral("workflow_id"), workflow.toString()},
                 {QStringLiteral("payload"), payload.toObject()}};
    r.facts = {{QStringLiteral("workflow_id"), workflow.toString()}, {QStringLiteral("title"), title}};
    if (!lead.isEmpty()) {
        r.entityId = lead.value(QStringLiteral("id")).toInteger();
        r.payload.insert(QStringLiteral("lead_id"), lead.value(QStringLiteral("id")));
        r.payload.insert(QStringLiteral("lead_name"), lead.value(QStringLiteral("name")));
        for (const char *f : {"city", "status", "source", "score"})
            r.facts.insert(QLatin1String(f), lead.value(QLatin1String(f)));
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto made = m_approvals->request(r);
    if (!made)
        return made.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    if (m_events)
        m_events->committed();
    if (created)
        *created = true;
    return made;
}

core::Result<QJsonObject> N8nService::resume(const QString &url, const QJsonObject &decision)
{
    net::HttpRequest r;
    r.url = QUrl(url);
    r.method = "POST";
    r.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    r.body = QJsonDocument(decision).toJson(QJsonDocument::Compact);
    r.timeoutMs = m_options.timeoutMs;
    r.connectTimeoutMs = std::min(m_options.timeoutMs, 5000);
    r.maxRetries = 0; // the job retries, with its backoff
    r.maxBodyBytes = 1 << 20;
    const net::HttpResponse a = m_http->get(r);
    if (a.error)
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n did not take the decision at %1: %2").arg(url, a.error->message));
    // 409 "is running already": it has not reached its Wait node yet; try again shortly.
    if (a.status == 409 && a.body.contains("running already"))
        return makeError(ErrorCode::Unavailable, QStringLiteral("n8n's execution at %1 has not reached its Wait node yet").arg(url));
    if (a.status == 404 || a.status == 409)
        return makeError(ErrorCode::NotFound, QStringLiteral("n8n's execution no longer waits at %1 (%2): it was stopped, failed or was resumed already")
                                                  .arg(url)
                                                  .arg(a.status));
    if (a.status < 200 || a.status >= 300)
        return makeError(a.status >= 500 ? ErrorCode::Unavailable : ErrorCode::InvalidArgument,
                         QStringLiteral("n8n answered %1 to the decision at %2: %3").arg(a.status).arg(url, QString::fromUtf8(a.body.left(300))));
    return QJsonObject{{QStringLiteral("status"), a.status}, {QStringLiteral("url"), url}};
}

// ---- polling --------------------------------------------------------------------------------

core::Result<int> N8nService::poll()
{
    if (!configured())
        return 0;
    // The workflows every sixth round (a minute by default), the executions every round.
    if (m_rounds++ % 6 == 0)
        if (auto w = workflows(); !w)
            return w.error();
    auto to = connection();
    if (!to)
        return to.error();
    auto answer = executions(QString(), QString(), 100, QString());
    if (!answer)
        return answer.error();
    const QDateTime now = m_clock.now();
    if (!m_nextPrune.isValid() || now >= m_nextPrune) {
        m_nextPrune = now.addSecs(3600);
        if (auto done = m_db->execute(QStringLiteral("DELETE FROM n8n_executions WHERE seen_at < %1").arg(m_db->timestampParam()),
                                      {m_db->timestamp(now.addDays(-m_options.keepDays))});
            !done)
            return done.error();
    }
    return int(answer->value(QStringLiteral("data")).toArray().size());
}

void N8nService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("workflows"), payload), "announcing an n8n change (clients refresh on their next read)");
}

void N8nService::startPolling()
{
    if (m_round)
        return;
    m_round = std::make_unique<BackgroundRound>(m_db, [this] {
        auto done = poll();
        if (!done)
            qCInfo(lcN8n) << "could not read n8n:" << done.error().message;
        return std::chrono::milliseconds(std::max(1000, m_options.pollMs));
    });
    m_round->start();
}

void N8nService::stopPolling()
{
    m_round.reset();
}

} // namespace fliptech::automation
