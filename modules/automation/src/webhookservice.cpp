#include "fliptech/automation/webhookservice.h"

#include "fliptech/automation/checks.h"
#include "notify.h"
#include "automationsettings.h"
#include "storedjson.h"

#include "fliptech/leads/leadservice.h"
#include "fliptech/net/addressguard.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcWebhooks, "fliptech.automation.webhooks")

namespace fliptech::automation {

using core::ErrorCode;
using core::fieldError;
using core::makeError;
using storage::Database;

struct WebhookService::Claimed {
    qint64 id = 0;
    qint64 webhookId = 0;
    QString eventType;
    QByteArray body;
    int attempt = 0;
    QUrl url;
    QByteArray secret;
    bool managed = false;       // the webhook of an n8n workflow (its address is the admin's n8n)
    net::HttpResponse response; // filled once sent
};

namespace {

const QString kColumns = QStringLiteral("id, name, description, url, events, secret, is_active, max_failures, failure_count, disabled_reason, "
                                        "last_delivery_at, last_status, created_by, created_at, updated_at, n8n_workflow_id");
const QStringList kFields{QStringLiteral("name"),   QStringLiteral("description"), QStringLiteral("url"),          QStringLiteral("events"),
                          QStringLiteral("secret"), QStringLiteral("is_active"),   QStringLiteral("max_failures"), QStringLiteral("rotate_secret")};
const QString kSettingsKey = QStringLiteral("webhooks");

struct EventInfo {
    const char *name;
    const char *description;
};
const EventInfo kEvents[] = {
    {"lead_created", "A lead was added"},
    {"lead_updated", "A lead's fields changed (with what changed)"},
    {"lead_deleted", "A lead was deleted"},
    {"lead_tagged", "Tags were added to a lead"},
    {"leads_imported", "A CSV import finished"},
    {"leads_merged", "Duplicate leads were merged"},
    {"message_received", "A reply came in from a lead"},
    {"message_sent", "An e-mail was sent from the inbox"},
    {"campaign_launched", "A campaign started sending"},
    {"campaign_completed", "A campaign finished"},
    {"campaign_reply", "A campaign recipient replied"},
    {"campaign_delivery_event", "A campaign e-mail bounced, was opened, clicked or unsubscribed"},
    {"scrape_finished", "A scrape job ended (completed, failed or cancelled)"},
    {"rule_executed", "A rule acted on an event"},
    {"schedule_run", "A schedule ran (or skipped) its task"},
    {"approval_requested", "Something waits for an approval"},
    {"approval_decided", "An approval was decided"},
};

bool knownEvent(const QString &name)
{
    if (name == u"*")
        return true;
    for (const EventInfo &e : kEvents)
        if (name == QLatin1String(e.name))
            return true;
    return false;
}

// The catalogue's name for a stream event, or empty when no hook can want it.
QString deliverableType(const storage::Event &e)
{
    if (e.type == u"scrape_progress") {
        const QString status = e.payload.value(QStringLiteral("status")).toString();
        return status == u"completed" || status == u"failed" || status == u"cancelled" ? QStringLiteral("scrape_finished") : QString();
    }
    return knownEvent(e.type) && e.type != u"*" ? e.type : QString();
}

// Lead events whose deliveries carry the lead (a deleted one has none to carry).
bool carriesLead(const QString &type)
{
    return type.startsWith(u"lead_") && type != u"lead_deleted";
}

QString newSecret()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()), reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    return QStringLiteral("whsec_") + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonValue nullable(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); }

QJsonObject hookJson(const storage::Row &r)
{
    const QString secret = r.value(5).toString();
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("name"), r.value(1).toString()},
            {QStringLiteral("description"), nullable(r.value(2))},
            {QStringLiteral("url"), r.value(3).toString()},
            {QStringLiteral("events"), storedJson(r.value(4))},
            {QStringLiteral("secret_hint"), secret.isEmpty() ? QJsonValue() : QJsonValue(QStringLiteral("…") + secret.right(4))},
            {QStringLiteral("is_active"), r.value(6).toBool()},
            {QStringLiteral("max_failures"), r.value(7).toInt()},
            {QStringLiteral("failure_count"), r.value(8).toInt()},
            {QStringLiteral("disabled_reason"), nullable(r.value(9))},
            {QStringLiteral("last_delivery_at"), Database::timestampJson(r.value(10))},
            {QStringLiteral("last_status"), nullable(r.value(11))},
            {QStringLiteral("created_by"), r.value(12).isNull() ? QJsonValue() : QJsonValue(r.value(12).toLongLong())},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(13))},
            {QStringLiteral("updated_at"), Database::timestampJson(r.value(14))},
            {QStringLiteral("n8n_workflow_id"), nullable(r.value(15))}};
}

// What a delivery may reach: the team's settings, or, for the webhook of an n8n workflow, the n8n
// an administrator set up (often on this machine or the LAN) wherever it is.
QJsonObject reachOf(bool managed, const QJsonObject &settings)
{
    return managed ? QJsonObject{{QStringLiteral("allow_private_networks"), true}} : settings;
}

// What an attempt came to: delivered, retry later, or give up.
enum class Outcome { Delivered, Retry, Failed };

Outcome outcomeOf(const net::HttpResponse &r)
{
    if (r.error)
        return r.error->code == ErrorCode::Forbidden || r.error->code == ErrorCode::InvalidArgument ? Outcome::Failed : Outcome::Retry;
    if (r.status >= 200 && r.status < 300)
        return Outcome::Delivered;
    if (r.status >= 500 || r.status == 429 || r.status == 408)
        return Outcome::Retry;
    return Outcome::Failed; // another 4xx (or a 3xx not followed): the receiver said no
}

QString errorOf(const net::HttpResponse &r)
{
    if (r.error)
        return r.error->message;
    if (r.status >= 200 && r.status < 300)
        return {};
    return QStringLiteral("the receiver answered %1").arg(r.status);
}

} // namespace

WebhookService::WebhookService(std::shared_ptr<storage::Database> db, storage::EventStore *events, leads::LeadService *leads, const core::Clock &clock,
                               WebhookOptions options, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_events(events), m_leads(leads), m_clock(clock), m_options(options)
{
    net::HttpClient::Options http;
    http.maxConcurrent = std::max(1, options.connections);
    http.maxPerHost = std::max(1, options.connections);
    http.userAgent = "FlipTechPro-Webhooks/" FLIPTECH_VERSION;
    m_http = std::make_unique<net::HttpClient>(http);
}

WebhookService::~WebhookService()
{
    stopDelivering();
}

QJsonArray WebhookService::eventTypes()
{
    QJsonArray out;
    for (const EventInfo &e : kEvents)
        out.append(QJsonObject{{QStringLiteral("name"), QLatin1String(e.name)}, {QStringLiteral("description"), QLatin1String(e.description)}});
    out.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("*")}, {QStringLiteral("description"), QStringLiteral("Every event above")}});
    return out;
}

QByteArray WebhookService::signature(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".");
    mac.addData(body);
    return "sha256=" + mac.result().toHex();
}

core::Result<QJsonArray> WebhookService::list()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM webhooks ORDER BY name, id").arg(kColumns));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(hookJson(r));
    return out;
}

core::Result<QJsonObject> WebhookService::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM webhooks WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No webhook %1").arg(id)) : row.error();
    return hookJson(*row);
}

core::Result<QJsonObject> WebhookService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> WebhookService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Result<QJsonObject> WebhookService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!kFields.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not a field of a webhook (%1)").arg(kFields.join(QStringLiteral(", "))));
    QJsonObject before;
    if (id) {
        auto current = get(*id);
        if (!current)
            return current.error();
        if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("webhook %1").arg(*id), QStringLiteral("change")); !st)
            return st.error();
        before = *current;
        if (before.value(QStringLiteral("n8n_workflow_id")).isString())
            for (const char *managed : {"url", "events"})
                if (fields.contains(QLatin1String(managed)) && fields.value(QLatin1String(managed)) != before.value(QLatin1String(managed)))
                    return fieldError(QLatin1String(managed), QStringLiteral("is set by the n8n integration for workflow %1 (its webhook trigger): it cannot be changed here")
                                                                  .arg(before.value(QStringLiteral("n8n_workflow_id")).toString()));
    } else {
        for (const char *required : {"name", "url", "events"})
            if (!fields.contains(QLatin1String(required)))
                return fieldError(QLatin1String(required), QStringLiteral("is required"));
    }
    auto value = [&](const char *key) { return fields.contains(QLatin1String(key)) ? fields.value(QLatin1String(key)) : before.value(QLatin1String(key)); };

    const QString name = value("name").toString().trimmed();
    if (!value("name").isString() || name.isEmpty() || name.size() > 100)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be a text of 1 to 100 characters"));
    const QJsonValue description = value("description");
    if (!description.isNull() && !description.isUndefined() && (!description.isString() || description.toString().size() > 1000))
        return fieldError(QStringLiteral("description"), QStringLiteral("must be a text of at most 1000 characters, or null"));
    const QString urlText = value("url").toString().trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    if (!value("url").isString() || urlText.size() > 2000 || !url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return fieldError(QStringLiteral("url"), QStringLiteral("must be an http:// or https:// address with a host (at most 2000 characters)"));
    if (const QString reason = net::nonPublicAddressReason(url.host()); reason != u"not an IP address" && !reason.isEmpty()) {
        auto s = settings();
        if (!s)
            return s.error();
        const bool named = s->value(QStringLiteral("allowed_addresses")).toArray().contains(url.host()) ||
                           s->value(QStringLiteral("allowed_addresses")).toArray().contains(QStringLiteral("%1:%2").arg(url.host()).arg(url.port(url.scheme() == u"https" ? 443 : 80)));
        if (!s->value(QStringLiteral("allow_private_networks")).toBool() && !named)
            return fieldError(QStringLiteral("url"), QStringLiteral("%1 is %2: webhooks reach only public addresses unless an administrator allows private "
                                                                    "networks or this address (PUT /api/v1/webhooks/outbound-settings)")
                                                         .arg(url.host(), reason));
    }
    const QJsonValue eventsValue = value("events");
    const QJsonArray events = eventsValue.toArray();
    const bool managedHook = before.value(QStringLiteral("n8n_workflow_id")).isString();
    if (!eventsValue.isArray() || (events.isEmpty() && !managedHook) || events.size() > 50)
        return fieldError(QStringLiteral("events"), QStringLiteral("must be a list of 1 to 50 event names (GET /api/v1/webhooks/events)"));
    QJsonArray cleanEvents;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events.at(i).isString() || !knownEvent(events.at(i).toString()))
            return fieldError(QStringLiteral("events[%1]").arg(i), QStringLiteral("must be one of the events GET /api/v1/webhooks/events lists, or \"*\""));
        if (!cleanEvents.contains(events.at(i)))
            cleanEvents.append(events.at(i));
    }
    const QJsonValue active = value("is_active");
    if (!active.isUndefined() && !active.isBool())
        return fieldError(QStringLiteral("is_active"), QStringLiteral("must be true or false"));
    const QJsonValue maxFailures = value("max_failures");
    if (!maxFailures.isUndefined() && (!maxFailures.isDouble() || maxFailures.toDouble() != double(maxFailures.toInt()) || maxFailures.toInt() < 1 ||
                                       maxFailures.toInt() > 1000))
        return fieldError(QStringLiteral("max_failures"), QStringLiteral("must be a whole number from 1 to 1000 (failed attempts in a row before the hook is turned off)"));
    QString secret;
    if (fields.contains(QStringLiteral("secret"))) {
        secret = fields.value(QStringLiteral("secret")).toString();
        if (!fields.value(QStringLiteral("secret")).isString() || secret.size() < 16 || secret.size() > 200)
            return fieldError(QStringLiteral("secret"), QStringLiteral("must be a text of 16 to 200 characters (leave it out and one is made)"));
    }
    const QJsonValue rotate = fields.value(QStringLiteral("rotate_secret"));
    if (!rotate.isUndefined() && !rotate.isBool())
        return fieldError(QStringLiteral("rotate_secret"), QStringLiteral("must be true or false"));
    if (secret.isEmpty() && (!id || rotate.toBool()))
        secret = newSecret();

    const QVariant now = m_db->timestamp(m_clock.now());
    const bool isActive = active.toBool(true);
    const QVariant descriptionValue = description.isString() && !description.toString().trimmed().isEmpty() ? QVariant(description.toString().trimmed()) : QVariant();
    qint64 hookId = 0;
    if (id) {
        // Turned on again: a fresh start (the failures that turned it off are behind it).
        const bool reenabled = isActive && !before.value(QStringLiteral("is_active")).toBool();
        auto done = m_db->execute(QStringLiteral("UPDATE webhooks SET name = ?, description = ?, url = ?, events = %1, is_active = %2, max_failures = ?, "
                                                 "secret = COALESCE(?, secret), failure_count = CASE WHEN %3 THEN 0 ELSE failure_count END, "
                                                 "disabled_reason = CASE WHEN %3 THEN NULL ELSE disabled_reason END, updated_at = %4 WHERE id = ?")
                                      .arg(m_db->jsonParam(), m_db->boolLiteral(isActive), m_db->boolLiteral(reenabled), m_db->timestampParam()),
                                  {name, descriptionValue, url.toString(), jsonText(cleanEvents), maxFailures.toInt(defaultMaxFailures),
                                   secret.isEmpty() ? QVariant() : QVariant(secret), now, *id});
        if (!done)
            return done.error();
        hookId = *id;
    } else {
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO webhooks (name, description, url, events, secret, is_active, max_failures, created_by, created_at, "
                                                  "updated_at) VALUES (?, ?, ?, %1, ?, %2, ?, ?, %3, %3) RETURNING id")
                                       .arg(m_db->jsonParam(), m_db->boolLiteral(isActive), m_db->timestampParam()),
                                   {name, descriptionValue, url.toString(), jsonText(cleanEvents), secret, maxFailures.toInt(defaultMaxFailures),
                                    actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
        if (!row)
            return row.error();
        hookId = row->value(0).toLongLong();
    }
    auto hook = get(hookId);
    if (!hook)
        return hook.error();
    if (!secret.isEmpty())
        hook->insert(QStringLiteral("secret"), secret); // shown this once
    announce(QStringLiteral("webhook_changed"), {{QStringLiteral("webhook_id"), hookId}, {QStringLiteral("action"), id ? QStringLiteral("updated") : QStringLiteral("created")}});
    Q_EMIT changed();
    if (m_round)
        m_round->kick();
    return *hook;
}

core::Status WebhookService::remove(const leads::Actor &actor, qint64 id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("webhook %1").arg(id), QStringLiteral("delete")); !st)
        return st;
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // The log rows hang on the hook and on its deliveries; both go.
    for (const char *sql : {"DELETE FROM webhook_logs WHERE webhook_id = ?", "DELETE FROM webhook_deliveries WHERE webhook_id = ?", "DELETE FROM webhooks WHERE id = ?"})
        if (auto done = m_db->execute(QLatin1String(sql), {id}); !done)
            return done.error();
    if (auto st = tx.commit(); !st)
        return st;
    announce(QStringLiteral("webhook_changed"), {{QStringLiteral("webhook_id"), id}, {QStringLiteral("action"), QStringLiteral("deleted")}});
    Q_EMIT changed();
    return {};
}

core::Result<QJsonArray> WebhookService::logs(qint64 id, int limit)
{
    if (auto hook = get(id); !hook)
        return hook.error();
    if (limit < 1 || limit > 1000)
        return fieldError(QStringLiteral("limit"), QStringLiteral("must be from 1 to 1000"));
    auto rows = m_db->select(QStringLiteral("SELECT l.id, l.delivery_id, l.event_type, l.attempt, l.response_status, l.response_body, l.error_message, "
                                            "l.duration_ms, l.delivered_at, d.status FROM webhook_logs l LEFT JOIN webhook_deliveries d ON d.id = l.delivery_id "
                                            "WHERE l.webhook_id = ? ORDER BY l.id DESC LIMIT ?"),
                             {id, limit});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("delivery_id"), r.value(1).isNull() ? QJsonValue() : QJsonValue(r.value(1).toLongLong())},
                               {QStringLiteral("event_type"), r.value(2).toString()},
                               {QStringLiteral("attempt"), r.value(3).toInt()},
                               {QStringLiteral("response_status"), r.value(4).isNull() ? QJsonValue() : QJsonValue(r.value(4).toInt())},
                               {QStringLiteral("response_body"), nullable(r.value(5))},
                               {QStringLiteral("error_message"), nullable(r.value(6))},
                               {QStringLiteral("duration_ms"), r.value(7).isNull() ? QJsonValue() : QJsonValue(r.value(7).toLongLong())},
                               {QStringLiteral("delivered_at"), Database::timestampJson(r.value(8))},
                               {QStringLiteral("delivery_status"), r.value(9).isNull() ? QJsonValue(QStringLiteral("test")) : QJsonValue(r.value(9).toString())}});
    return out;
}

core::Result<qint64> WebhookService::enqueue(qint64 webhookId, const QString &eventType, const QJsonObject &data, std::optional<qint64> eventId)
{
    auto ids = insertDeliveries({{webhookId, eventId, eventType, data, {}}});
    if (!ids)
        return ids.error();
    if (m_round)
        m_round->kick();
    return ids->isEmpty() ? qint64(0) : ids->first(); // 0: this event went to this hook before
}

core::Result<qint64> WebhookService::workflowHook(const QString &workflowId, const QString &name, const QUrl &url)
{
    auto found = m_db->select(QStringLiteral("SELECT id, url, name FROM webhooks WHERE n8n_workflow_id = ?"), {workflowId});
    if (!found)
        return found.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    const QString hookName = QStringLiteral("n8n: %1").arg(name).left(100);
    if (!found->isEmpty()) {
        const storage::Row &r = found->first();
        if (r.value(1).toString() != url.toString() || r.value(2).toString() != hookName)
            if (auto done = m_db->execute(QStringLiteral("UPDATE webhooks SET url = ?, name = ?, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                          {url.toString(), hookName, now, r.value(0)});
                !done)
                return done.error();
        return r.value(0).toLongLong();
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO webhooks (name, description, url, events, secret, is_active, max_failures, n8n_workflow_id, "
                                              "created_at, updated_at) VALUES (?, ?, ?, %1, ?, %2, ?, ?, %3, %3) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->boolLiteral(true), m_db->timestampParam()),
                               {hookName, QStringLiteral("Starts the n8n workflow %1 through its webhook trigger (made by the n8n integration)").arg(workflowId),
                                url.toString(), QStringLiteral("[]"), newSecret(), defaultMaxFailures, workflowId, now, now});
    if (!row)
        return row.error();
    announce(QStringLiteral("webhook_changed"), {{QStringLiteral("webhook_id"), row->value(0).toLongLong()}, {QStringLiteral("action"), QStringLiteral("created")}});
    return row->value(0).toLongLong();
}

core::Result<QList<qint64>> WebhookService::insertDeliveries(const QList<NewDelivery> &rows)
{
    // The bodies are fixed now (their delivery id filled in when sent): what a redelivery sends
    // again. Many rows per statement; a (hook, event) sent before is skipped.
    const QDateTime now = m_clock.now();
    const QVariant at = m_db->timestamp(now);
    QList<qint64> ids;
    constexpr qsizetype perStatement = 200;
    for (qsizetype from = 0; from < rows.size(); from += perStatement) {
        const qsizetype n = std::min(perStatement, rows.size() - from);
        QStringList values;
        QVariantList params;
        for (qsizetype i = from; i < from + n; ++i) {
            const NewDelivery &d = rows.at(i);
            values << QStringLiteral("(?, ?, ?, %1, %2, %2)").arg(m_db->jsonParam(), m_db->timestampParam());
            params << d.webhookId << (d.eventId ? QVariant(*d.eventId) : QVariant()) << d.eventType
                   << jsonText(QJsonObject{{QStringLiteral("event"), d.eventType},
                                           {QStringLiteral("event_id"), d.eventId ? QJsonValue(*d.eventId) : QJsonValue()},
                                           {QStringLiteral("created_at"), (d.happenedAt.isValid() ? d.happenedAt : now).toUTC().toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("data"), d.data}})
                   << at << at;
        }
        auto inserted = m_db->select(QStringLiteral("INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, payload, next_attempt_at, created_at) VALUES ") +
                                         values.join(u',') +
                                         QStringLiteral(" ON CONFLICT (webhook_id, event_id) WHERE event_id IS NOT NULL DO NOTHING RETURNING id"),
                                     params);
        if (!inserted)
            return inserted.error();
        for (const auto &r : *inserted)
            ids << r.value(0).toLongLong();
    }
    return ids;
}

core::Result<QJsonObject> WebhookService::redeliver(const leads::Actor &actor, qint64 logId)
{
    auto log = m_db->selectOne(QStringLiteral("SELECT l.webhook_id, l.delivery_id, d.event_type, d.payload FROM webhook_logs l "
                                              "LEFT JOIN webhook_deliveries d ON d.id = l.delivery_id WHERE l.id = ?"),
                               {logId});
    if (!log)
        return log.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No webhook log %1").arg(logId)) : log.error();
    if (log->value(1).isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Log %1 is a test ping: send a new one with POST /api/v1/webhooks/%2/test")
                                                         .arg(logId)
                                                         .arg(log->value(0).toLongLong()));
    auto hook = get(log->value(0).toLongLong());
    if (!hook)
        return hook.error();
    if (auto st = mayChange(actor, hook->value(QStringLiteral("created_by")), QStringLiteral("webhook %1").arg(hook->value(QStringLiteral("id")).toInteger()),
                            QStringLiteral("redeliver to"));
        !st)
        return st.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO webhook_deliveries (webhook_id, event_type, payload, next_attempt_at, redelivery_of, created_at) "
                                              "SELECT webhook_id, event_type, payload, %1, id, %1 FROM webhook_deliveries WHERE id = ? RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {now, now, log->value(1).toLongLong()});
    if (!row)
        return row.error();
    if (m_round)
        m_round->kick();
    return QJsonObject{{QStringLiteral("delivery_id"), row->value(0).toLongLong()},
                       {QStringLiteral("webhook_id"), hook->value(QStringLiteral("id"))},
                       {QStringLiteral("active"), hook->value(QStringLiteral("is_active"))},
                       {QStringLiteral("note"), hook->value(QStringLiteral("is_active")).toBool()
                                                    ? QStringLiteral("Queued: it goes out within seconds, with a new timestamp and signature.")
                                                    : QStringLiteral("Queued, but the webhook is off: it goes out when the webhook is turned on again.")}};
}

core::Result<QJsonObject> WebhookService::settings()
{
    return readAutomationSetting(*m_db, kSettingsKey, {{QStringLiteral("allow_private_networks"), false}, {QStringLiteral("allowed_addresses"), QJsonArray()}});
}

core::Result<QJsonObject> WebhookService::updateSettings(const leads::Actor &actor, const QJsonObject &fields)
{
    if (!actor.isAdmin)
        return makeError(ErrorCode::Forbidden, QStringLiteral("Only an administrator may change what webhooks may reach"));
    auto current = settings();
    if (!current)
        return current.error();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == u"allow_private_networks") {
            if (!it.value().isBool())
                return fieldError(it.key(), QStringLiteral("must be true or false"));
        } else if (it.key() == u"allowed_addresses") {
            const QJsonArray list = it.value().toArray();
            if (!it.value().isArray() || list.size() > 50)
                return fieldError(it.key(), QStringLiteral("must be a list of at most 50 addresses"));
            for (qsizetype i = 0; i < list.size(); ++i) {
                // "10.0.0.5", "10.0.0.5:8080", "::1", "[::1]:5678": an IP address, optionally with a port.
                QString text = list.at(i).toString().trimmed();
                QString host = text;
                static const QRegularExpression withPort(QStringLiteral("^(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):([0-9]{1,5})$"));
                if (const auto m = withPort.match(text); m.hasMatch()) {
                    host = m.captured(1);
                    host.remove(u'[').remove(u']');
                    if (m.captured(2).toInt() < 1 || m.captured(2).toInt() > 65535)
                        return fieldError(QStringLiteral("allowed_addresses[%1]").arg(i), QStringLiteral("has a port out of range 1-65535"));
                }
                if (!list.at(i).isString() || net::nonPublicAddressReason(host) == u"not an IP address")
                    return fieldError(QStringLiteral("allowed_addresses[%1]").arg(i),
                                      QStringLiteral("must be an IP address, optionally with a port (\"127.0.0.1:5678\", \"[::1]:5678\"); names are not taken, "
                                                     "as what they resolve to may change"));
            }
        } else {
            return fieldError(it.key(), QStringLiteral("is not a webhook setting (allow_private_networks, allowed_addresses)"));
        }
        current->insert(it.key(), it.value());
    }
    if (auto done = writeAutomationSetting(*m_db, kSettingsKey, *current, actor, m_clock.now()); !done)
        return done.error();
    return *current;
}

// ---- delivering ---------------------------------------------------------------------------

core::Result<int> WebhookService::fanOut(int maxEvents)
{
    if (!m_events)
        return 0;
    int stepped = 0;
    while (stepped < maxEvents) {
        auto newest = m_events->lastId();
        if (!newest)
            return newest.error();
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        auto cursor = m_db->selectOne(QStringLiteral("SELECT value FROM automation_state WHERE name = 'webhooks_cursor'%1")
                                          .arg(m_db->isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()));
        if (!cursor)
            return cursor.error();
        const qint64 after = cursor->value(0).toLongLong();
        if (after >= *newest)
            return stepped;
        // (The webhooks of n8n workflows want no events: rules and schedules send to them.)
        auto hooks = m_db->select(QStringLiteral("SELECT id, events, created_at FROM webhooks WHERE is_active = %1 AND n8n_workflow_id IS NULL").arg(m_db->boolLiteral(true)));
        if (!hooks)
            return hooks.error();
        m_activeHooks = int(hooks->size());
        qint64 to = *newest;
        if (!hooks->isEmpty()) {
            struct Wanting {
                qint64 id;
                QJsonArray events;
                qint64 sinceMs; // a hook sees the events from after it was made
            };
            QList<Wanting> wanting;
            for (const auto &h : *hooks)
                wanting.append({h.value(0).toLongLong(), storedJson(h.value(1)).toArray(), Database::toDateTime(h.value(2)).toMSecsSinceEpoch()});
            auto events = m_events->since(after, std::min(500, maxEvents - stepped));
            if (!events)
                return events.error();
            if (events->isEmpty())
                return stepped;
            // Who wants what; the leads of the lead events wanted, read in one go.
            auto wants = [](const storage::Event &e, const QString &type, const Wanting &w) {
                return (w.events.contains(type) || w.events.contains(QStringLiteral("*"))) && e.createdAt.toMSecsSinceEpoch() >= w.sinceMs;
            };
            QList<qint64> leadIds;
            for (const storage::Event &e : *events) {
                const QString type = deliverableType(e);
                if (type.isEmpty() || e.userId || !carriesLead(type) || !e.payload.value(QStringLiteral("id")).isDouble())
                    continue;
                for (const Wanting &w : wanting)
                    if (wants(e, type, w)) {
                        leadIds << e.payload.value(QStringLiteral("id")).toInteger();
                        break;
                    }
            }
            QHash<qint64, QJsonObject> leadsById;
            if (m_leads && !leadIds.isEmpty()) {
                auto found = m_leads->getMany(leadIds);
                if (!found)
                    return found.error();
                leadsById = std::move(*found);
            }
            QList<NewDelivery> rows;
            for (const storage::Event &e : *events) {
                const QString type = deliverableType(e);
                if (type.isEmpty() || e.userId) // an event meant for one user is not the team's to send out
                    continue;
                QJsonObject data = e.payload;
                if (carriesLead(type))
                    if (const auto it = leadsById.constFind(data.value(QStringLiteral("id")).toInteger()); it != leadsById.cend())
                        data.insert(QStringLiteral("lead"), *it);
                for (const Wanting &w : wanting)
                    if (wants(e, type, w))
                        rows.append({w.id, e.id, type, data, e.createdAt});
            }
            if (auto st = insertDeliveries(rows); !st)
                return st.error();
            to = events->last().id;
            stepped += int(events->size());
        } else {
            stepped += 1; // no hook on: the cursor jumps to the newest event
        }
        if (auto moved = m_db->execute(QStringLiteral("UPDATE automation_state SET value = ?, updated_at = %1 WHERE name = 'webhooks_cursor'").arg(m_db->timestampParam()),
                                       {to, m_db->timestamp(m_clock.now())});
            !moved)
            return moved.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        if (hooks->isEmpty())
            return stepped;
    }
    return stepped;
}

core::Result<QList<WebhookService::Claimed>> WebhookService::claim(int limit)
{
    const QDateTime now = m_clock.now();
    const QVariant nowValue = m_db->timestamp(now);
    auto rows = m_db->select(QStringLiteral("UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = %1 WHERE id IN ("
                                            "SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.is_active = %2 "
                                            "WHERE (d.status = 'pending' AND d.next_attempt_at <= %1) OR (d.status = 'sending' AND d.claimed_until < %1) "
                                            "ORDER BY d.next_attempt_at, d.id LIMIT ?%3) "
                                            "RETURNING id, webhook_id, event_type, payload, attempts")
                                 .arg(m_db->timestampParam(), m_db->boolLiteral(true), m_db->isPostgres() ? QStringLiteral(" FOR UPDATE OF d SKIP LOCKED") : QString()),
                             {m_db->timestamp(now.addMSecs(m_options.leaseMs)), nowValue, nowValue, limit});
    if (!rows)
        return rows.error();
    QList<Claimed> out;
    QSet<qint64> hookIds;
    for (const auto &r : *rows) {
        Claimed c;
        c.id = r.value(0).toLongLong();
        c.webhookId = r.value(1).toLongLong();
        c.eventType = r.value(2).toString();
        QJsonObject body = storedJson(r.value(3)).toObject();
        body.insert(QStringLiteral("id"), c.id);
        c.body = core::json::compact(body);
        c.attempt = r.value(4).toInt();
        hookIds.insert(c.webhookId);
        out.append(std::move(c));
    }
    if (out.isEmpty())
        return out;
    QStringList marks;
    QVariantList ids;
    for (qint64 id : hookIds) {
        marks << QStringLiteral("?");
        ids << id;
    }
    auto hooks = m_db->select(QStringLiteral("SELECT id, url, secret, n8n_workflow_id FROM webhooks WHERE id IN (%1)").arg(marks.join(u',')), ids);
    if (!hooks)
        return hooks.error();
    QHash<qint64, storage::Row> byId;
    for (const auto &h : *hooks)
        byId.insert(h.value(0).toLongLong(), h);
    for (Claimed &c : out) {
        const storage::Row h = byId.value(c.webhookId);
        c.url = QUrl(h.value(1).toString());
        c.secret = h.value(2).toString().toUtf8();
        c.managed = !h.value(3).isNull();
    }
    return out;
}

net::HttpRequest WebhookService::signedPost(const QUrl &url, const QByteArray &secret, const QString &event, const QByteArray &body,
                                            std::optional<qint64> deliveryId, const QJsonObject &reach) const
{
    const qint64 timestamp = m_clock.now().toSecsSinceEpoch();
    net::HttpRequest r;
    r.url = url;
    r.method = "POST";
    r.body = body;
    r.headers = {{"Content-Type", "application/json"}, {"X-FlipTech-Event", event.toUtf8()}};
    if (deliveryId)
        r.headers.append({"X-FlipTech-Delivery", QByteArray::number(*deliveryId)});
    r.headers.append({"X-FlipTech-Timestamp", QByteArray::number(timestamp)});
    r.headers.append({"X-FlipTech-Signature", signature(secret, timestamp, body)});
    r.maxRetries = 0; // each attempt is logged; the outbox retries
    r.timeoutMs = m_options.timeoutMs;
    r.connectTimeoutMs = std::min(m_options.timeoutMs, 5000);
    r.maxBodyBytes = 1 << 20;
    r.maxRedirects = 3;
    r.allowPrivateAddresses = reach.value(QStringLiteral("allow_private_networks")).toBool();
    for (const QJsonValue &a : reach.value(QStringLiteral("allowed_addresses")).toArray())
        r.privateAddressesAllowed << a.toString().trimmed();
    return r;
}

core::Result<int> WebhookService::deliverDue()
{
    auto claimedOrError = claim(m_options.batchSize);
    if (!claimedOrError)
        return claimedOrError.error();
    QList<Claimed> claimed = *claimedOrError;
    if (claimed.isEmpty())
        return 0;
    auto s = settings();
    if (!s)
        return s.error();
    QList<net::HttpRequest> requests;
    for (const Claimed &c : claimed)
        requests.append(signedPost(c.url, c.secret, c.eventType, c.body, c.id, reachOf(c.managed, *s)));
    const QList<net::HttpResponse> responses = m_http->getAll(requests);
    for (qsizetype i = 0; i < claimed.size(); ++i)
        claimed[i].response = responses.value(i);
    if (auto st = record(claimed); !st)
        return st.error();
    return int(claimed.size());
}

core::Status WebhookService::record(const QList<Claimed> &sent)
{
    const QDateTime now = m_clock.now();
    const QVariant nowValue = m_db->timestamp(now);
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // One statement for the attempts' log rows, one per outcome for the deliveries.
    QStringList rowsSql;
    QVariantList logParams;
    QVariantList delivered, failedIds;
    QHash<qint64, QString> failedWhy;
    struct HookTally {
        int failedInARow = 0; // attempts failed after its last success in this batch
        bool succeeded = false;
        QString lastError;
    };
    QHash<qint64, HookTally> tally;
    for (const Claimed &c : sent) {
        const Outcome outcome = outcomeOf(c.response);
        const QString error = errorOf(c.response);
        rowsSql << QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, %1)").arg(m_db->timestampParam());
        logParams << c.webhookId << c.id << c.eventType << c.attempt << (c.response.status > 0 ? QVariant(c.response.status) : QVariant())
                  << (c.response.status > 0 ? QVariant(QString::fromUtf8(c.response.body.left(m_options.keepResponseBytes))) : QVariant())
                  << (error.isEmpty() ? QVariant() : QVariant(error)) << c.response.elapsedMs << nowValue;
        HookTally &t = tally[c.webhookId];
        if (outcome == Outcome::Delivered) {
            delivered << c.id;
            t.succeeded = true;
            t.failedInARow = 0;
            continue;
        }
        ++t.failedInARow;
        t.lastError = error;
        if (outcome == Outcome::Failed || c.attempt >= m_options.maxAttempts) {
            failedIds << c.id;
            failedWhy.insert(c.id, outcome == Outcome::Failed ? error : QStringLiteral("%1 (gave up after %2 attempts)").arg(error).arg(c.attempt));
            continue;
        }
        const double jitter = 0.8 + QRandomGenerator::global()->generateDouble() * 0.4;
        const qint64 waitMs = qint64(double(m_options.retryBaseMs) * double(qint64(1) << std::min(c.attempt - 1, 16)) * jitter);
        if (auto again = m_db->execute(QStringLiteral("UPDATE webhook_deliveries SET status = 'pending', claimed_until = NULL, last_error = ?, "
                                                      "next_attempt_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                       {error, m_db->timestamp(now.addMSecs(waitMs)), c.id});
            !again)
            return again.error();
    }
    // The log rows (no payload: the delivery holds the body).
    for (qsizetype at = 0; at < rowsSql.size(); at += 100) {
        const qsizetype n = std::min<qsizetype>(100, rowsSql.size() - at);
        if (auto done = m_db->execute(QStringLiteral("INSERT INTO webhook_logs (webhook_id, delivery_id, event_type, attempt, response_status, response_body, "
                                                     "error_message, duration_ms, delivered_at) VALUES ") +
                                          rowsSql.mid(at, n).join(u','),
                                      logParams.mid(at * 9, n * 9));
            !done)
            return done.error();
    }
    for (qsizetype at = 0; at < delivered.size(); at += 500) {
        const QVariantList ids = delivered.mid(at, 500);
        QVariantList params{nowValue};
        params.append(ids);
        if (auto done = m_db->execute(QStringLiteral("UPDATE webhook_deliveries SET status = 'delivered', claimed_until = NULL, last_error = NULL, finished_at = %1 "
                                                     "WHERE id IN (%2)")
                                          .arg(m_db->timestampParam(), QStringList(ids.size(), QStringLiteral("?")).join(u',')),
                                      params);
            !done)
            return done.error();
    }
    for (const QVariant &id : failedIds)
        if (auto done = m_db->execute(QStringLiteral("UPDATE webhook_deliveries SET status = 'failed', claimed_until = NULL, last_error = ?, finished_at = %1 WHERE id = ?")
                                          .arg(m_db->timestampParam()),
                                      {failedWhy.value(id.toLongLong()), nowValue, id});
            !done)
            return done.error();
    // The hooks: failures in a row counted (a success starts again from this batch's failures
    // after it), and a hook at its limit turned off, its maker told.
    for (auto it = tally.begin(); it != tally.end(); ++it) {
        auto row = m_db->selectOne(QStringLiteral("UPDATE webhooks SET failure_count = CASE WHEN %1 THEN ? ELSE failure_count + ? END, "
                                                  "last_delivery_at = %2, last_status = ? WHERE id = ? RETURNING failure_count, max_failures, is_active, name, created_by")
                                       .arg(m_db->boolLiteral(it->succeeded), m_db->timestampParam()),
                                   {it->failedInARow, it->failedInARow, nowValue, it->failedInARow > 0 ? QStringLiteral("failed") : QStringLiteral("delivered"), it.key()});
        if (!row) {
            if (row.error().code == ErrorCode::NotFound)
                continue; // deleted meanwhile
            return row.error();
        }
        if (row->value(0).toInt() < row->value(1).toInt() || !row->value(2).toBool())
            continue;
        const QString why = QStringLiteral("Turned off after %1 failed attempts in a row; the last: %2").arg(row->value(0).toInt()).arg(it->lastError);
        if (auto off = m_db->execute(QStringLiteral("UPDATE webhooks SET is_active = %1, disabled_reason = ?, updated_at = %2 WHERE id = ?")
                                         .arg(m_db->boolLiteral(false), m_db->timestampParam()),
                                     {why, nowValue, it.key()});
            !off)
            return off.error();
        qCWarning(lcWebhooks) << "webhook" << it.key() << why;
        if (!row->value(4).isNull())
            if (auto n = notifyUser(*m_db, m_events, now,
                                    {row->value(4).toLongLong(), QStringLiteral("webhook"), QStringLiteral("Webhook \"%1\" was turned off").arg(row->value(3).toString()),
                                     why, QStringLiteral("warning"), QStringLiteral("/automation/webhooks/%1").arg(it.key()),
                                     {{QStringLiteral("webhook_id"), it.key()}}});
                !n)
                return n.error();
        announce(QStringLiteral("webhook_disabled"), {{QStringLiteral("webhook_id"), it.key()}, {QStringLiteral("reason"), why}});
    }
    if (auto st = tx.commit(); !st)
        return st;
    if (m_events)
        m_events->committed();
    announce(QStringLiteral("webhook_deliveries"), {{QStringLiteral("attempted"), int(sent.size())}, {QStringLiteral("delivered"), int(delivered.size())},
                                                    {QStringLiteral("failed"), int(failedIds.size())}});
    return {};
}

core::Result<QJsonObject> WebhookService::test(const leads::Actor &actor, qint64 id)
{
    auto hook = m_db->selectOne(QStringLiteral("SELECT url, secret, created_by, n8n_workflow_id FROM webhooks WHERE id = ?"), {id});
    if (!hook)
        return hook.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No webhook %1").arg(id)) : hook.error();
    if (auto st = mayChange(actor, hook->value(2).isNull() ? QJsonValue() : QJsonValue(hook->value(2).toLongLong()), QStringLiteral("webhook %1").arg(id),
                            QStringLiteral("test"));
        !st)
        return st.error();
    auto s = settings();
    if (!s)
        return s.error();
    const QDateTime now = m_clock.now();
    const QByteArray body = core::json::compact(QJsonObject{{QStringLiteral("id"), QJsonValue()},
                                                            {QStringLiteral("event"), QStringLiteral("ping")},
                                                            {QStringLiteral("created_at"), now.toString(Qt::ISODateWithMs)},
                                                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("webhook_id"), id},
                                                                                                 {QStringLiteral("message"), QStringLiteral("A test from FlipTech Pro")}}}});
    const net::HttpRequest r = signedPost(QUrl(hook->value(0).toString()), hook->value(1).toString().toUtf8(), QStringLiteral("ping"), body, std::nullopt,
                                          reachOf(!hook->value(3).isNull(), *s));
    const net::HttpResponse response = m_http->get(r);
    const QString error = errorOf(response);
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO webhook_logs (webhook_id, event_type, attempt, response_status, response_body, error_message, "
                                              "duration_ms, payload, delivered_at) VALUES (?, 'ping', 1, ?, ?, ?, ?, %1, %2) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->timestampParam()),
                               {id, response.status > 0 ? QVariant(response.status) : QVariant(),
                                response.status > 0 ? QVariant(QString::fromUtf8(response.body.left(m_options.keepResponseBytes))) : QVariant(),
                                error.isEmpty() ? QVariant() : QVariant(error), response.elapsedMs, QString::fromUtf8(body), m_db->timestamp(m_clock.now())});
    if (!row)
        return row.error();
    return QJsonObject{{QStringLiteral("log_id"), row->value(0).toLongLong()},
                       {QStringLiteral("ok"), response.ok()},
                       {QStringLiteral("response_status"), response.status > 0 ? QJsonValue(response.status) : QJsonValue()},
                       {QStringLiteral("response_body"), QString::fromUtf8(response.body.left(m_options.keepResponseBytes))},
                       {QStringLiteral("error_message"), error.isEmpty() ? QJsonValue() : QJsonValue(error)},
                       {QStringLiteral("duration_ms"), response.elapsedMs}};
}

core::Result<int> WebhookService::pruneOld()
{
    // Finished deliveries and their attempts are kept keepDays, then dropped (the log would
    // otherwise grow with every event); pending ones stay whatever their age.
    const QVariant before = m_db->timestamp(m_clock.now().addDays(-m_options.keepDays));
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto logs = m_db->execute(QStringLiteral("DELETE FROM webhook_logs WHERE delivered_at < %1 AND (delivery_id IS NULL OR delivery_id IN "
                                             "(SELECT id FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND finished_at < %1))")
                                  .arg(m_db->timestampParam()),
                              {before, before});
    if (!logs)
        return logs.error();
    auto deliveries = m_db->execute(QStringLiteral("DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND finished_at < %1").arg(m_db->timestampParam()),
                                    {before});
    if (!deliveries)
        return deliveries.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return int(deliveries->rowsAffected);
}

core::Result<qint64> WebhookService::processPending()
{
    if (m_clock.now() >= m_nextPrune) { // about once an hour
        if (auto pruned = pruneOld(); !pruned)
            return pruned.error();
        m_nextPrune = m_clock.now().addSecs(3600);
    }
    if (auto fanned = fanOut(); !fanned)
        return fanned.error();
    for (;;) {
        auto sent = deliverDue();
        if (!sent)
            return sent.error();
        if (*sent < m_options.batchSize)
            break;
    }
    // The next retry due (on active hooks), for the round's timer.
    auto next = m_db->select(QStringLiteral("SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.is_active = %1 "
                                            "WHERE d.status = 'pending'")
                                 .arg(m_db->boolLiteral(true)));
    if (!next)
        return next.error();
    if (next->isEmpty() || next->first().value(0).isNull())
        return qint64(30000);
    const qint64 ms = m_clock.now().msecsTo(Database::toDateTime(next->first().value(0)));
    return std::clamp<qint64>(ms, 0, 30000);
}

void WebhookService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("workflows"), payload), "announcing a webhook change (clients refresh on their next read)");
}

void WebhookService::startDelivering()
{
    if (m_round)
        return;
    m_round = std::make_unique<BackgroundRound>(m_db, [this] {
        auto next = processPending();
        if (!next) {
            qCWarning(lcWebhooks) << "could not deliver webhooks:" << next.error().message;
            return std::chrono::milliseconds(5000);
        }
        return std::chrono::milliseconds(std::max<qint64>(*next, 50));
    });
    if (m_events)
        connect(m_events, &storage::EventStore::eventAppended, m_round.get(), [this](const storage::Event &e) {
            // With no hook on, events wait for the next timed round (which moves the cursor past
            // them): a process with no webhooks does no work per event.
            if (e.type == u"webhook_changed" || (m_activeHooks.load() > 0 && !deliverableType(e).isEmpty()))
                m_round->kick();
        });
    m_round->start();
}

void WebhookService::stopDelivering()
{
    m_round.reset();
}

} // namespace fliptech::automation
