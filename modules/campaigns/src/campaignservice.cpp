#include "fliptech/campaigns/campaignservice.h"

#include "campaignsql.h"
#include "fliptech/campaigns/sendplanner.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/mail/bounce.h"
#include "fliptech/mail/imapclient.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

namespace fliptech::campaigns {

using core::ErrorCode;
using core::fieldError;

namespace {

const QStringList kCampaignFields{QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("audience"), QStringLiteral("steps"),
                                  QStringLiteral("template_id"), QStringLiteral("sender_account_ids"), QStringLiteral("sender_account_id"),
                                  QStringLiteral("schedule"), QStringLiteral("on_crash"), QStringLiteral("track_opens"), QStringLiteral("track_clicks")};
// What a launched campaign may still change.
const QStringList kLiveFields{QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("sender_account_ids"), QStringLiteral("sender_account_id"),
                              QStringLiteral("schedule"), QStringLiteral("on_crash"), QStringLiteral("track_opens"), QStringLiteral("track_clicks")};

QString jsonText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

QJsonValue ts(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(v)));
}

double rate(qint64 part, qint64 whole) { return whole > 0 ? std::round(1000.0 * double(part) / double(whole)) / 10.0 : 0.0; }

// An id list: [1, 2] -> {1, 2}; the error names the field.
core::Result<QList<qint64>> idList(const QJsonValue &v, const QString &field, int max)
{
    if (!v.isArray())
        return fieldError(field, QStringLiteral("must be a list of ids"));
    QList<qint64> out;
    for (const auto &x : v.toArray()) {
        if (!x.isDouble() || x.toInteger() <= 0 || double(x.toInteger()) != x.toDouble())
            return fieldError(field, QStringLiteral("must hold ids (positive whole numbers)"));
        if (!out.contains(x.toInteger()))
            out << x.toInteger();
    }
    if (out.size() > max)
        return fieldError(field, QStringLiteral("may name at most %1").arg(max));
    return out;
}

} // namespace

CampaignService::CampaignService(std::shared_ptr<storage::Database> db, storage::JobQueue *jobs, storage::EventStore *events, TemplateService &templates,
                                 SenderAccountService &senders, TrackingService &tracking, const core::Clock &clock)
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_templates(templates), m_senders(senders), m_tracking(tracking), m_clock(clock)
{
    if (const int n = qEnvironmentVariableIntValue("FLIPTECH_SMTP_CONNECTIONS"); n > 0)
        setConnections(n);
}

CampaignService::~CampaignService() = default;

// ---- reading -----------------------------------------------------------------------------

core::Result<QJsonArray> CampaignService::list(const QJsonObject &filter)
{
    QString where = QStringLiteral("1=1");
    QVariantList params;
    if (const QString status = filter.value(QStringLiteral("status")).toString(); !status.isEmpty()) {
        where += QStringLiteral(" AND c.status = ?");
        params << status;
    }
    if (const QString q = filter.value(QStringLiteral("q")).toString().trimmed(); !q.isEmpty()) {
        where += QStringLiteral(" AND lower(c.name) LIKE ? ESCAPE '\\'");
        params << storage::Database::likeContains(q.toLower());
    }
    const int limit = qBound(1, filter.value(QStringLiteral("limit")).toInt(100), 500);
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM campaigns c WHERE %2 ORDER BY c.created_at DESC, c.id DESC LIMIT %3")
                                 .arg(sql::campaignColumns(), where)
                                 .arg(limit),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(sql::campaignFromRow(r));
    return out;
}

core::Result<QJsonObject> CampaignService::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM campaigns c WHERE c.id = ?").arg(sql::campaignColumns()), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("campaign %1 not found").arg(id)) : row.error();
    QJsonObject c = sql::campaignFromRow(*row);
    auto steps = sql::loadSteps(*m_db, id);
    if (!steps)
        return steps.error();
    QJsonArray s;
    for (const auto &step : *steps)
        s.append(step.toJson());
    c.insert(QStringLiteral("steps"), s);
    return c;
}

// ---- writing -----------------------------------------------------------------------------

core::Result<QJsonObject> CampaignService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> CampaignService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Result<QJsonObject> CampaignService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!kCampaignFields.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not a campaign field (%1)").arg(kCampaignFields.join(QStringLiteral(", "))));
    QJsonObject current;
    if (id) {
        auto c = get(*id);
        if (!c)
            return c.error();
        current = *c;
        if (current.value(QStringLiteral("status")).toString() != QLatin1String("draft"))
            for (auto it = fields.begin(); it != fields.end(); ++it)
                if (!kLiveFields.contains(it.key()))
                    return fieldError(it.key(), QStringLiteral("cannot change once the campaign is launched (duplicate it to send a changed one)"));
    } else if (fields.value(QStringLiteral("name")).toString().trimmed().isEmpty()) {
        return fieldError(QStringLiteral("name"), QStringLiteral("is required"));
    }

    // Every field checked before anything is written.
    QVariantList sets;
    QStringList columns;
    auto set = [&](const QString &column, const QVariant &value, bool json = false) {
        columns << column + QStringLiteral(" = ") + (json ? m_db->jsonParam() : QStringLiteral("?"));
        sets << value;
    };
    if (fields.contains(QStringLiteral("name"))) {
        const QString name = fields.value(QStringLiteral("name")).toString().trimmed();
        if (!fields.value(QStringLiteral("name")).isString() || name.isEmpty() || name.size() > 200)
            return fieldError(QStringLiteral("name"), QStringLiteral("must be text of 1 to 200 characters"));
        set(QStringLiteral("name"), name);
    }
    if (fields.contains(QStringLiteral("description"))) {
        const QJsonValue d = fields.value(QStringLiteral("description"));
        if (!d.isNull() && !d.isString())
            return fieldError(QStringLiteral("description"), QStringLiteral("must be text"));
        set(QStringLiteral("description"), d.isNull() ? QVariant() : QVariant(d.toString().left(5000)));
    }
    if (fields.contains(QStringLiteral("audience"))) {
        auto a = sql::Audience::fromJson(*m_db, fields.value(QStringLiteral("audience")));
        if (!a)
            return a.error();
        set(QStringLiteral("audience"), jsonText(fields.value(QStringLiteral("audience"))), true);
    }
    std::optional<QList<sql::StepSpec>> steps;
    if (fields.contains(QStringLiteral("steps")) || fields.contains(QStringLiteral("template_id"))) {
        QJsonValue s = fields.value(QStringLiteral("steps"));
        if (!fields.contains(QStringLiteral("steps")))
            s = QJsonArray{QJsonObject{{QStringLiteral("template_id"), fields.value(QStringLiteral("template_id"))}}};
        auto parsed = sql::StepSpec::listFromJson(*m_db, s);
        if (!parsed)
            return parsed.error();
        steps = *parsed;
    }
    if (fields.contains(QStringLiteral("sender_account_ids")) || fields.contains(QStringLiteral("sender_account_id"))) {
        QJsonValue v = fields.value(QStringLiteral("sender_account_ids"));
        QString field = QStringLiteral("sender_account_ids");
        if (!fields.contains(field)) {
            field = QStringLiteral("sender_account_id");
            v = fields.value(field).isNull() ? QJsonValue(QJsonArray()) : QJsonValue(QJsonArray{fields.value(field)});
        }
        auto ids = idList(v, field, 50);
        if (!ids)
            return ids.error();
        for (qint64 a : std::as_const(*ids))
            if (auto known = m_db->selectOne(QStringLiteral("SELECT id FROM sender_accounts WHERE id = ?"), {a}); !known)
                return known.error().code == ErrorCode::NotFound ? fieldError(field, QStringLiteral("names sender account %1, which does not exist").arg(a))
                                                                 : known.error();
        QJsonArray arr;
        for (qint64 a : std::as_const(*ids))
            arr.append(a);
        set(QStringLiteral("sender_account_ids"), jsonText(arr), true);
        set(QStringLiteral("sender_account_id"), ids->isEmpty() ? QVariant() : QVariant(ids->first()));
    }
    if (fields.contains(QStringLiteral("schedule"))) {
        auto s = sql::Schedule::fromJson(fields.value(QStringLiteral("schedule")));
        if (!s)
            return s.error();
        set(QStringLiteral("schedule"), jsonText(s->toJson()), true);
        set(QStringLiteral("scheduled_at"), s->startAt.isValid() ? m_db->timestamp(s->startAt) : QVariant());
    }
    if (fields.contains(QStringLiteral("on_crash"))) {
        const QString v = fields.value(QStringLiteral("on_crash")).toString();
        if (v != QLatin1String("hold") && v != QLatin1String("resend"))
            return fieldError(QStringLiteral("on_crash"), QStringLiteral("must be hold (review what a crash cut off) or resend"));
        set(QStringLiteral("on_crash"), v);
    }
    for (const char *flag : {"track_opens", "track_clicks"}) {
        const QString f = QString::fromLatin1(flag);
        if (!fields.contains(f))
            continue;
        if (!fields.value(f).isBool())
            return fieldError(f, QStringLiteral("must be true or false"));
        set(f, fields.value(f).toBool());
    }

    const QDateTime now = m_clock.now();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    qint64 campaignId = id.value_or(0);
    if (!id) {
        QByteArray random(6, Qt::Uninitialized);
        for (char &c : random)
            c = char(QRandomGenerator::global()->bounded(256));
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO campaigns (campaign_id, name, status, created_by, created_at, updated_at) "
                                                  "VALUES (?, ?, 'draft', ?, ?, ?) RETURNING id"),
                                   {QString(QStringLiteral("cmp_") + QString::fromLatin1(random.toHex())), fields.value(QStringLiteral("name")).toString().trimmed(),
                                    actor.userId ? QVariant(*actor.userId) : QVariant(), m_db->timestamp(now), m_db->timestamp(now)});
        if (!row)
            return row.error();
        campaignId = row->value(0).toLongLong();
    }
    columns << QStringLiteral("updated_at = ?");
    sets << m_db->timestamp(now) << campaignId;
    if (auto done = m_db->execute(QStringLiteral("UPDATE campaigns SET %1 WHERE id = ?").arg(columns.join(QStringLiteral(", "))), sets); !done)
        return done.error();
    if (steps)
        if (auto saved = sql::saveSteps(*m_db, campaignId, *steps); !saved)
            return saved.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return get(campaignId);
}

core::Status CampaignService::remove(qint64 id)
{
    auto c = get(id);
    if (!c)
        return c.error();
    const QString status = c->value(QStringLiteral("status")).toString();
    if (status == QLatin1String("running") || status == QLatin1String("scheduled"))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("campaign %1 is %2: pause it before deleting it").arg(id).arg(status));
    auto done = m_db->execute(QStringLiteral("DELETE FROM campaigns WHERE id = ?"), {id});
    if (!done)
        return done.error();
    return {};
}

// ---- audience ----------------------------------------------------------------------------

core::Result<QJsonObject> CampaignService::audiencePreview(const QJsonObject &fields, std::optional<qint64> id)
{
    QJsonValue audienceJson = fields.value(QStringLiteral("audience"));
    QJsonValue scheduleJson = fields.value(QStringLiteral("schedule"));
    qint64 campaignId = 0;
    if (id) {
        auto c = get(*id);
        if (!c)
            return c.error();
        campaignId = *id;
        if (!fields.contains(QStringLiteral("audience")))
            audienceJson = c->value(QStringLiteral("audience"));
        if (!fields.contains(QStringLiteral("schedule")))
            scheduleJson = c->value(QStringLiteral("schedule"));
    }
    auto audience = sql::Audience::fromJson(*m_db, audienceJson);
    if (!audience)
        return audience.error();
    auto schedule = sql::Schedule::fromJson(scheduleJson);
    if (!schedule)
        return schedule.error();
    auto counts = audience->count(*m_db, campaignId, m_clock.now());
    if (!counts)
        return counts.error();
    // When the first few would get their first message.
    auto sample = audience->sample(*m_db, campaignId, m_clock.now(), 5);
    if (!sample)
        return sample.error();
    QDateTime start = schedule->startAt.isValid() && schedule->startAt > m_clock.now() ? schedule->startAt : m_clock.now();
    QJsonArray first;
    for (const auto &r : std::as_const(*sample)) {
        QTimeZone zone = schedule->zoneFor(r.value(2).toString(), r.value(3).toString(), r.value(4).toString(), QTimeZone(QByteArrayLiteral("UTC")));
        first.append(QJsonObject{{QStringLiteral("lead_id"), r.value(0).toLongLong()},
                                 {QStringLiteral("email"), r.value(1).toString()},
                                 {QStringLiteral("timezone"), QString::fromUtf8(zone.id())},
                                 {QStringLiteral("first_send_at"), storage::Database::isoTimestamp(schedule->window.nextOpen(start, zone))}});
    }
    QJsonObject out = *counts;
    out.insert(QStringLiteral("first_sends"), first);
    return out;
}

// ---- lifecycle ---------------------------------------------------------------------------

core::Result<QJsonObject> CampaignService::launch(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    return launchChecked(actor, id, request, true);
}

core::Result<QJsonObject> CampaignService::launchApproved(const leads::Actor &actor, qint64 id, const QJsonObject &request)
{
    return launchChecked(actor, id, request, false);
}

core::Result<QJsonObject> CampaignService::launchChecked(const leads::Actor &actor, qint64 id, const QJsonObject &request, bool gated)
{
    auto c = get(id);
    if (!c)
        return c.error();
    if (c->value(QStringLiteral("status")).toString() != QLatin1String("draft"))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("campaign %1 is already %2; only a draft is launched").arg(id).arg(c->value(QStringLiteral("status")).toString()));
    // Everything a send needs, checked now rather than at the first recipient.
    auto steps = sql::loadSteps(*m_db, id);
    if (!steps)
        return steps.error();
    if (steps->isEmpty())
        return fieldError(QStringLiteral("steps"), QStringLiteral("are empty: add the message to send (a template) before launching"));
    for (const auto &step : std::as_const(*steps))
        for (const auto &v : step.variants) {
            const QString where = QStringLiteral("steps[%1].variants[%2]").arg(step.order).arg(v.label);
            if (v.templateId <= 0)
                return fieldError(where, QStringLiteral("has no template (it was deleted): choose one"));
            auto t = m_templates.get(v.templateId);
            if (!t)
                return fieldError(where, QStringLiteral("names template %1, which does not exist").arg(v.templateId));
            if (!t->value(QStringLiteral("is_active")).toBool())
                return fieldError(where, QStringLiteral("names the template \"%1\", which is switched off").arg(t->value(QStringLiteral("name")).toString()));
            if (auto parsed = TemplateService::parseParts(*t); !parsed)
                return fieldError(where, parsed.error().message);
        }
    const QJsonArray senders = c->value(QStringLiteral("sender_account_ids")).toArray();
    if (senders.isEmpty())
        return fieldError(QStringLiteral("sender_account_ids"), QStringLiteral("are empty: choose the mailbox(es) to send from"));
    for (const auto &s : senders) {
        auto a = m_senders.get(s.toInteger());
        if (!a)
            return fieldError(QStringLiteral("sender_account_ids"), QStringLiteral("names sender account %1, which does not exist").arg(s.toInteger()));
        if (!a->value(QStringLiteral("is_active")).toBool())
            return fieldError(QStringLiteral("sender_account_ids"), QStringLiteral("names \"%1\", which is switched off").arg(a->value(QStringLiteral("name")).toString()));
        if (a->value(QStringLiteral("provider")).toString() != QLatin1String("smtp") && !a->value(QStringLiteral("api_key_set")).toBool())
            return fieldError(QStringLiteral("sender_account_ids"),
                              QStringLiteral("names \"%1\", a %2 account without its API key: add the key in Settings → Sender accounts")
                                  .arg(a->value(QStringLiteral("name")).toString(), a->value(QStringLiteral("provider")).toString()));
    }
    auto audience = sql::Audience::fromJson(*m_db, c->value(QStringLiteral("audience")));
    if (!audience)
        return audience.error();
    auto schedule = sql::Schedule::fromJson(c->value(QStringLiteral("schedule")));
    if (!schedule)
        return schedule.error();
    if (request.contains(QStringLiteral("start_at"))) {
        const QDateTime at = QDateTime::fromString(request.value(QStringLiteral("start_at")).toString(), Qt::ISODateWithMs);
        if (!at.isValid())
            return fieldError(QStringLiteral("start_at"), QStringLiteral("must be a date and time (ISO 8601, e.g. 2026-12-01T09:00:00Z)"));
        schedule->startAt = at.toUTC();
    }
    const QDateTime now = m_clock.now();
    const QDateTime start = schedule->startAt.isValid() && schedule->startAt > now ? schedule->startAt : now;
    const bool later = start > now;

    if (gated && m_launchGate) {
        auto counted = audience->count(*m_db, id, now);
        if (!counted)
            return counted.error();
        auto waiting = m_launchGate(actor, *c, counted->value(QStringLiteral("recipients")).toInteger(), request);
        if (!waiting)
            return waiting.error();
        if (*waiting) {
            QJsonObject out = *c;
            out.insert(QStringLiteral("approval"), **waiting);
            return out;
        }
    }

    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto inserted = audience->materialise(*m_db, id, start);
    if (!inserted)
        return inserted.error();
    if (*inserted == 0)
        return fieldError(QStringLiteral("audience"), QStringLiteral("has no one to send to: no lead it names has an e-mail address that is not suppressed or excluded"));
    auto counts = audience->count(*m_db, -1, now, /*quick=*/true);
    const qint64 matched = counts ? counts->value(QStringLiteral("matched")).toInteger() : *inserted;
    if (auto done = m_db->execute(QStringLiteral("UPDATE campaigns SET status = ?, total_recipients = ?, skipped_recipients = ?, scheduled_at = ?, "
                                                 "started_at = ?, schedule = %1, updated_at = ? WHERE id = ?").arg(m_db->jsonParam()),
                                  {later ? QStringLiteral("scheduled") : QStringLiteral("running"), *inserted, qMax<qint64>(0, matched - *inserted),
                                   m_db->timestamp(start), later ? QVariant() : m_db->timestamp(now), jsonText(schedule->toJson()), m_db->timestamp(now), id});
        !done)
        return done.error();
    if (auto queued = queueSendJob(id, start); !queued)
        return queued.error();
    // Announced in the launch's transaction: ahead of anything its send job announces.
    publish(id, QStringLiteral("campaign_launched"), {{QStringLiteral("total_recipients"), *inserted}});
    if (auto cm = tx.commit(); !cm)
        return cm.error();
    return get(id);
}

core::Result<QJsonObject> CampaignService::setStatus(qint64 id, const QStringList &from, const QString &to, const QString &refusal)
{
    const QDateTime now = m_clock.now();
    QVariantList params{to, m_db->timestamp(now)};
    QString extra;
    if (to == QLatin1String("paused")) {
        extra = QStringLiteral(", paused_at = ?");
        params << m_db->timestamp(now);
    } else {
        extra = QStringLiteral(", paused_at = NULL, last_error = NULL");
    }
    params << id;
    for (const QString &f : from)
        params << f;
    auto done = m_db->execute(QStringLiteral("UPDATE campaigns SET status = ?, updated_at = ?%1 WHERE id = ? AND status IN (%2)")
                                  .arg(extra, storage::Database::placeholders(from.size())),
                              params);
    if (!done)
        return done.error();
    auto c = get(id);
    if (!c)
        return c.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::Conflict, refusal.arg(c->value(QStringLiteral("status")).toString()));
    publish(id, QStringLiteral("campaign_") + to, {});
    return c;
}

core::Result<QJsonObject> CampaignService::pause(qint64 id)
{
    return setStatus(id, {QStringLiteral("running"), QStringLiteral("scheduled")}, QStringLiteral("paused"),
                     QStringLiteral("the campaign is %1: only a running or scheduled campaign pauses"));
}

core::Result<QJsonObject> CampaignService::resume(qint64 id)
{
    auto c = setStatus(id, {QStringLiteral("paused")}, QStringLiteral("running"), QStringLiteral("the campaign is %1: only a paused campaign resumes"));
    if (!c)
        return c;
    if (auto queued = queueSendJob(id); !queued)
        return queued.error();
    return c;
}

core::Status CampaignService::queueSendJob(qint64 id, const QDateTime &runAt)
{
    if (!m_jobs)
        return {};
    storage::JobSpec spec(QStringLiteral("campaigns.send"), {{QStringLiteral("campaign_id"), id}});
    spec.queue = QStringLiteral("email");
    spec.runAt = runAt;
    spec.maxAttempts = 20;
    auto queued = m_jobs->enqueue(spec);
    if (!queued)
        return queued.error();
    return {};
}

void CampaignService::publish(qint64 id, const QString &type, const QJsonObject &payload)
{
    if (!m_events)
        return;
    QJsonObject p = payload;
    p.insert(QStringLiteral("campaign_id"), id);
    core::logDiscarded(m_events->append(type, QStringLiteral("campaigns"), p), "a campaign event (the campaign's row holds its state)");
}

// ---- numbers -----------------------------------------------------------------------------

core::Result<QJsonObject> CampaignService::stats(qint64 id)
{
    auto c = get(id);
    if (!c)
        return c.error();
    auto byStatus = m_db->select(QStringLiteral("SELECT status, count(*) FROM campaign_recipients WHERE campaign_id = ? GROUP BY status"), {id});
    if (!byStatus)
        return byStatus.error();
    QHash<QString, qint64> recipients;
    for (const auto &r : *byStatus)
        recipients.insert(r.value(0).toString(), r.value(1).toLongLong());
    auto perVariant = m_db->select(QStringLiteral("SELECT step, variant, count(*), "
                                                  "sum(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN status = 'bounced' THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN status = 'held' THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN opened_at IS NOT NULL THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN clicked_at IS NOT NULL THEN 1 ELSE 0 END), "
                                                  "sum(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END) "
                                                  "FROM campaign_messages WHERE campaign_id = ? GROUP BY step, variant ORDER BY step, variant"),
                                   {id});
    if (!perVariant)
        return perVariant.error();
    struct Counts {
        qint64 sent = 0, bounced = 0, failed = 0, held = 0, opened = 0, clicked = 0, replied = 0;
        void add(const Counts &o)
        {
            sent += o.sent, bounced += o.bounced, failed += o.failed, held += o.held, opened += o.opened, clicked += o.clicked, replied += o.replied;
        }
        QJsonObject json() const
        {
            const qint64 delivered = sent;
            const qint64 attempted = sent + bounced;
            return {{QStringLiteral("sent"), attempted},
                    {QStringLiteral("delivered"), delivered},
                    {QStringLiteral("bounced"), bounced},
                    {QStringLiteral("failed"), failed},
                    {QStringLiteral("held"), held},
                    {QStringLiteral("opened"), opened},
                    {QStringLiteral("clicked"), clicked},
                    {QStringLiteral("replied"), replied},
                    {QStringLiteral("rates"),
                     QJsonObject{{QStringLiteral("delivery_rate"), rate(delivered, attempted)},
                                 {QStringLiteral("open_rate"), rate(opened, delivered)},
                                 {QStringLiteral("click_rate"), rate(clicked, delivered)},
                                 {QStringLiteral("reply_rate"), rate(replied, delivered)},
                                 {QStringLiteral("bounce_rate"), rate(bounced, attempted)}}}};
        }
    };
    Counts total;
    QMap<int, QList<QPair<QString, Counts>>> steps;
    for (const auto &r : *perVariant) {
        Counts k;
        k.sent = r.value(3).toLongLong(), k.bounced = r.value(4).toLongLong(), k.failed = r.value(5).toLongLong(), k.held = r.value(6).toLongLong();
        k.opened = r.value(7).toLongLong(), k.clicked = r.value(8).toLongLong(), k.replied = r.value(9).toLongLong();
        total.add(k);
        steps[r.value(0).toInt()].append({r.value(1).toString(), k});
    }
    QJsonArray stepJson;
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        Counts stepTotal;
        QJsonArray variants;
        for (const auto &[label, k] : std::as_const(it.value())) {
            stepTotal.add(k);
            QJsonObject v = k.json();
            v.insert(QStringLiteral("label"), label);
            variants.append(v);
        }
        QJsonObject s = stepTotal.json();
        s.insert(QStringLiteral("step"), it.key());
        s.insert(QStringLiteral("variants"), variants);
        stepJson.append(s);
    }
    QJsonObject out = total.json();
    out.insert(QStringLiteral("campaign_id"), id);
    out.insert(QStringLiteral("status"), c->value(QStringLiteral("status")));
    out.insert(QStringLiteral("total_recipients"), c->value(QStringLiteral("total_recipients")));
    out.insert(QStringLiteral("skipped_recipients"), c->value(QStringLiteral("skipped_recipients")));
    QJsonObject byState;
    for (const char *s : {"pending", "sending", "held", "sent", "failed", "bounced", "unsubscribed", "suppressed", "replied", "stopped"})
        byState.insert(QString::fromLatin1(s), recipients.value(QString::fromLatin1(s)));
    out.insert(QStringLiteral("recipients"), byState);
    out.insert(QStringLiteral("unsubscribed"), c->value(QStringLiteral("emails_unsubscribed")));
    out.insert(QStringLiteral("steps"), stepJson);
    return out;
}

core::Result<QJsonArray> CampaignService::recipients(qint64 id, const QJsonObject &filter)
{
    if (auto c = get(id); !c)
        return c.error();
    QString where = QStringLiteral("r.campaign_id = ?");
    QVariantList params{id};
    if (const QString status = filter.value(QStringLiteral("status")).toString(); !status.isEmpty()) {
        where += QStringLiteral(" AND r.status = ?");
        params << status;
    }
    if (const qint64 after = filter.value(QStringLiteral("after")).toInteger(); after > 0) {
        where += QStringLiteral(" AND r.id > ?");
        params << after;
    }
    const int limit = qBound(1, filter.value(QStringLiteral("limit")).toInt(100), 1000);
    auto rows = m_db->select(QStringLiteral("SELECT r.id, r.lead_id, l.email, l.name, l.company, r.status, r.sequence_step, r.variant, r.sender_account_id, "
                                            "r.message_id, r.next_send_at, r.sent_at, r.opened_at, r.clicked_at, r.replied_at, r.bounced_at, "
                                            "r.unsubscribed_at, r.error_message, r.attempts FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id "
                                            "WHERE %1 ORDER BY r.id LIMIT %2")
                                 .arg(where)
                                 .arg(limit),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        auto text = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("lead_id"), r.value(1).toLongLong()},
                               {QStringLiteral("email"), text(r.value(2))},
                               {QStringLiteral("name"), text(r.value(3))},
                               {QStringLiteral("company"), text(r.value(4))},
                               {QStringLiteral("status"), r.value(5).toString()},
                               {QStringLiteral("step"), r.value(6).toInt()},
                               {QStringLiteral("variant"), text(r.value(7))},
                               {QStringLiteral("sender_account_id"), r.value(8).isNull() ? QJsonValue() : QJsonValue(r.value(8).toLongLong())},
                               {QStringLiteral("message_id"), text(r.value(9))},
                               {QStringLiteral("next_send_at"), ts(r.value(10))},
                               {QStringLiteral("sent_at"), ts(r.value(11))},
                               {QStringLiteral("opened_at"), ts(r.value(12))},
                               {QStringLiteral("clicked_at"), ts(r.value(13))},
                               {QStringLiteral("replied_at"), ts(r.value(14))},
                               {QStringLiteral("bounced_at"), ts(r.value(15))},
                               {QStringLiteral("unsubscribed_at"), ts(r.value(16))},
                               {QStringLiteral("error"), text(r.value(17))},
                               {QStringLiteral("attempts"), r.value(18).toInt()}});
    }
    return out;
}

core::Result<QJsonArray> CampaignService::activity(qint64 id, const QString &kind, int limit)
{
    static const QStringList kinds{QStringLiteral("opened_at"), QStringLiteral("clicked_at"), QStringLiteral("replied_at")};
    if (!kinds.contains(kind))
        return fieldError(QStringLiteral("kind"), QStringLiteral("must be opened_at, clicked_at or replied_at"));
    if (auto c = get(id); !c)
        return c.error();
    auto rows = m_db->select(QStringLiteral("SELECT r.id, r.lead_id, l.email, l.name, r.%1, r.sequence_step, r.variant FROM campaign_recipients r "
                                            "JOIN leads l ON l.id = r.lead_id WHERE r.campaign_id = ? AND r.%1 IS NOT NULL ORDER BY r.%1 DESC LIMIT %2")
                                 .arg(kind)
                                 .arg(qBound(1, limit, 1000)),
                             {id});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("recipient_id"), r.value(0).toLongLong()},
                               {QStringLiteral("lead_id"), r.value(1).toLongLong()},
                               {QStringLiteral("email"), r.value(2).toString()},
                               {QStringLiteral("name"), r.value(3).isNull() ? QJsonValue() : QJsonValue(r.value(3).toString())},
                               {QStringLiteral("at"), ts(r.value(4))},
                               {QStringLiteral("step"), r.value(5).toInt()},
                               {QStringLiteral("variant"), r.value(6).isNull() ? QJsonValue() : QJsonValue(r.value(6).toString())}});
    return out;
}

core::Result<QJsonArray> CampaignService::timeline(qint64 id, const QString &bucket)
{
    if (bucket != QLatin1String("hour") && bucket != QLatin1String("day"))
        return fieldError(QStringLiteral("bucket"), QStringLiteral("must be hour or day"));
    if (auto c = get(id); !c)
        return c.error();
    const bool hour = bucket == QLatin1String("hour");
    auto at = [&](const char *column) {
        const QString c = QString::fromLatin1(column);
        if (m_db->isPostgres())
            return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', '%2')").arg(c, hour ? QStringLiteral("YYYY-MM-DD\"T\"HH24") : QStringLiteral("YYYY-MM-DD"));
        return QStringLiteral("substr(%1, 1, %2)").arg(c).arg(hour ? 13 : 10);
    };
    QStringList parts;
    QVariantList params;
    for (const char *column : {"sent_at", "opened_at", "clicked_at", "replied_at"}) {
        parts << QStringLiteral("SELECT %1 AS b, '%2' AS k FROM campaign_messages WHERE campaign_id = ? AND %2 IS NOT NULL").arg(at(column), QLatin1String(column));
        params << id;
    }
    auto rows = m_db->select(QStringLiteral("SELECT b, k, count(*) FROM (%1) x GROUP BY b, k ORDER BY b").arg(parts.join(QStringLiteral(" UNION ALL "))), params);
    if (!rows)
        return rows.error();
    QMap<QString, QJsonObject> buckets;
    for (const auto &r : *rows) {
        QJsonObject &o = buckets[r.value(0).toString()];
        o.insert(r.value(1).toString().section(u'_', 0, 0), r.value(2).toLongLong());
    }
    QJsonArray out;
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        QJsonObject o{{QStringLiteral("at"), hour ? it.key() + QStringLiteral(":00:00Z") : it.key()}};
        for (const char *k : {"sent", "opened", "clicked", "replied"})
            o.insert(QLatin1String(k), it.value().value(QLatin1String(k)).toInteger());
        out.append(o);
    }
    return out;
}

core::Result<QJsonObject> CampaignService::resolveHeld(qint64 id, const QJsonObject &request)
{
    if (auto c = get(id); !c)
        return c.error();
    const QString action = request.value(QStringLiteral("action")).toString();
    if (action != QLatin1String("mark_sent") && action != QLatin1String("resend") && action != QLatin1String("skip"))
        return fieldError(QStringLiteral("action"), QStringLiteral("must be mark_sent (it did go out), resend or skip"));
    QString which = QStringLiteral("r.campaign_id = ? AND r.status = 'held'");
    QVariantList params{id};
    if (!request.value(QStringLiteral("all")).toBool()) {
        auto ids = idList(request.value(QStringLiteral("recipient_ids")), QStringLiteral("recipient_ids"), 10000);
        if (!ids)
            return ids.error();
        if (ids->isEmpty())
            return fieldError(QStringLiteral("recipient_ids"), QStringLiteral("must name the held recipients (or say all: true)"));
        which += QStringLiteral(" AND r.id IN (%1)").arg(storage::Database::placeholders(ids->size()));
        for (qint64 i : std::as_const(*ids))
            params << i;
    }
    auto rows = m_db->select(QStringLiteral("SELECT r.id, r.sequence_step FROM campaign_recipients r WHERE %1").arg(which), params);
    if (!rows)
        return rows.error();
    auto steps = sql::loadSteps(*m_db, id);
    if (!steps)
        return steps.error();
    const QDateTime now = m_clock.now();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    qint64 affected = 0;
    for (const auto &r : *rows) {
        const qint64 rid = r.value(0).toLongLong();
        const int step = r.value(1).toInt();
        core::Result<storage::ExecResult> done = storage::ExecResult{};
        if (action == QLatin1String("resend")) {
            done = m_db->execute(QStringLiteral("DELETE FROM campaign_messages WHERE recipient_id = ? AND step = ? AND status = 'held'"), {rid, step});
            if (done)
                done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = 'pending', next_send_at = ?, error_message = NULL WHERE id = ?"),
                                     {m_db->timestamp(now), rid});
        } else if (action == QLatin1String("skip")) {
            done = m_db->execute(QStringLiteral("UPDATE campaign_messages SET status = 'failed', error_message = 'skipped after a crash' WHERE recipient_id = ? AND step = ?"),
                                 {rid, step});
            if (done)
                done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = 'stopped', error_message = 'skipped after a crash' WHERE id = ?"), {rid});
        } else {
            done = m_db->execute(QStringLiteral("UPDATE campaign_messages SET status = 'sent', sent_at = created_at WHERE recipient_id = ? AND step = ?"), {rid, step});
            const bool last = step + 1 >= steps->size();
            if (done)
                done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = ?, sequence_step = ?, next_send_at = ?, sent_at = ?, error_message = NULL WHERE id = ?"),
                                     {last ? QStringLiteral("sent") : QStringLiteral("pending"), last ? step : step + 1,
                                      last ? QVariant() : m_db->timestamp(now.addDays(steps->value(step + 1).delayDays)), m_db->timestamp(now), rid});
            if (done)
                done = m_db->execute(QStringLiteral("UPDATE campaigns SET emails_sent = emails_sent + 1 WHERE id = ?"), {id});
        }
        if (!done)
            return done.error();
        ++affected;
    }
    if (auto cm = tx.commit(); !cm)
        return cm.error();
    // Something may be due again: the send job looks (a finished campaign sends again).
    auto c = get(id);
    if (!c)
        return c.error();
    const QString status = c->value(QStringLiteral("status")).toString();
    if (affected > 0 && action == QLatin1String("resend") && status == QLatin1String("completed"))
        if (auto d = m_db->execute(QStringLiteral("UPDATE campaigns SET status = 'running', completed_at = NULL, updated_at = ? WHERE id = ? AND status = 'completed'"),
                                   {m_db->timestamp(now), id});
            !d)
            return d.error();
    if (affected > 0 && action == QLatin1String("resend") && (status == QLatin1String("running") || status == QLatin1String("completed")))
        if (auto queued = queueSendJob(id); !queued)
            return queued.error();
    return QJsonObject{{QStringLiteral("affected"), affected}};
}

core::Result<QString> CampaignService::joinProblem(qint64 campaignId)
{
    auto c = get(campaignId);
    if (!c)
        return c.error();
    const QString status = c->value(QStringLiteral("status")).toString();
    if (status == u"draft")
        return QStringLiteral("campaign '%1' is a draft: its audience is taken when it is launched; launch it first").arg(c->value(QStringLiteral("name")).toString());
    if (status != u"running" && status != u"scheduled" && status != u"paused" && status != u"completed")
        return QStringLiteral("campaign '%1' is %2: no one joins it now").arg(c->value(QStringLiteral("name")).toString(), status);
    return QString();
}

core::Result<QJsonObject> CampaignService::addLead(qint64 campaignId, qint64 leadId)
{
    auto problem = joinProblem(campaignId);
    if (!problem)
        return problem.error();
    if (!problem->isEmpty())
        return core::makeError(ErrorCode::Conflict, *problem);
    auto c = get(campaignId);
    if (!c)
        return c.error();
    auto audience = sql::Audience::fromJson(*m_db, c->value(QStringLiteral("audience")));
    if (!audience)
        return audience.error();
    const QDateTime now = m_clock.now();
    const QDateTime scheduled = QDateTime::fromString(c->value(QStringLiteral("scheduled_at")).toString(), Qt::ISODateWithMs);
    const QDateTime due = scheduled.isValid() && scheduled > now ? scheduled : now;
    auto added = audience->admit(*m_db, campaignId, leadId, due, now);
    if (!added)
        return added.error();
    const QJsonObject base{{QStringLiteral("campaign_id"), campaignId}, {QStringLiteral("lead_id"), leadId}};
    if (!*added) {
        // Why not, in the order a person would check.
        auto lead = m_db->selectOne(QStringLiteral("SELECT email, deleted_at, EXISTS (SELECT 1 FROM campaign_recipients WHERE campaign_id = ? AND lead_id = l.id), "
                                                   "EXISTS (SELECT 1 FROM suppressions s WHERE lower(s.email) = lower(l.email)) FROM leads l WHERE l.id = ?"),
                                    {campaignId, leadId});
        if (!lead)
            return lead.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("No lead %1").arg(leadId)) : lead.error();
        QString reason;
        if (!lead->value(1).isNull())
            reason = QStringLiteral("the lead is in the trash");
        else if (lead->value(2).toBool())
            reason = QStringLiteral("the lead is in the campaign already");
        else if (!lead->value(0).toString().contains(u'@'))
            reason = QStringLiteral("the lead has no e-mail address");
        else if (lead->value(3).toBool())
            reason = QStringLiteral("the lead's address is suppressed (unsubscribed, bounced or blocked)");
        else
            reason = QStringLiteral("another lead with this address is in the campaign, or the campaign's exclusions leave this one out");
        QJsonObject out = base;
        out.insert(QStringLiteral("added"), false);
        out.insert(QStringLiteral("reason"), reason);
        return out;
    }
    const qint64 recipient = **added;
    // A campaign that had sent everything sends again (an always-on sequence).
    if (auto done = m_db->execute(QStringLiteral("UPDATE campaigns SET total_recipients = total_recipients + 1, updated_at = ?, completed_at = NULL, "
                                                 "status = CASE WHEN status = 'completed' THEN 'running' ELSE status END WHERE id = ?"),
                                  {m_db->timestamp(now), campaignId});
        !done)
        return done.error();
    // The campaign's send job, if it sleeps past this recipient's time, wakes for it; a running
    // one sees the row in its next batch; none (paused: resume queues it) is left alone.
    if (c->value(QStringLiteral("status")).toString() != u"paused" && m_jobs) {
        auto owner = m_db->selectOne(QStringLiteral("SELECT c.send_job_id, j.state FROM campaigns c LEFT JOIN jobs j ON j.id = c.send_job_id WHERE c.id = ?"), {campaignId});
        if (!owner)
            return owner.error();
        const QString state = owner->value(1).toString();
        if (state == u"queued") {
            if (auto moved = m_jobs->runSooner(owner->value(0).toLongLong(), due); !moved)
                return moved.error();
        } else if (state != u"running") {
            if (auto queued = queueSendJob(campaignId, due); !queued)
                return queued.error();
        }
    }
    publish(campaignId, QStringLiteral("campaign_recipient_added"), {{QStringLiteral("lead_id"), leadId}, {QStringLiteral("recipient_id"), recipient}});
    QJsonObject out = base;
    out.insert(QStringLiteral("added"), true);
    out.insert(QStringLiteral("recipient_id"), recipient);
    return out;
}

core::Result<QJsonObject> CampaignService::stopLead(qint64 leadId, std::optional<qint64> campaignId, const QString &why)
{
    QVariantList params{why.left(500), leadId};
    QString only;
    if (campaignId) {
        only = QStringLiteral(" AND campaign_id = ?");
        params << *campaignId;
    }
    auto stopped = m_db->select(QStringLiteral("UPDATE campaign_recipients SET status = 'stopped', error_message = ? WHERE lead_id = ? AND status = 'pending'%1 "
                                               "AND campaign_id IN (SELECT id FROM campaigns WHERE status IN ('running', 'scheduled', 'paused')) RETURNING campaign_id")
                                    .arg(only),
                                params);
    if (!stopped)
        return stopped.error();
    QSet<qint64> campaigns;
    for (const auto &r : *stopped)
        campaigns.insert(r.value(0).toLongLong());
    for (const qint64 c : campaigns)
        publish(c, QStringLiteral("campaign_sequence_stopped"), {{QStringLiteral("lead_id"), leadId}});
    return QJsonObject{{QStringLiteral("lead_id"), leadId}, {QStringLiteral("stopped"), int(stopped->size())}};
}

core::Result<QJsonObject> CampaignService::recordReply(const QString &messageId, const QDateTime &at)
{
    QString id = messageId.trimmed();
    if (!id.startsWith(u'<'))
        id = u'<' + id + u'>';
    auto row = m_db->selectOne(QStringLiteral("SELECT m.id, m.recipient_id, m.campaign_id, r.lead_id FROM campaign_messages m "
                                              "JOIN campaign_recipients r ON r.id = m.recipient_id WHERE m.message_id = ?"),
                               {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("%1 is not a message a campaign sent").arg(id))
                                                       : row.error();
    const qint64 message = row->value(0).toLongLong(), recipient = row->value(1).toLongLong(), campaign = row->value(2).toLongLong();
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto first = m_db->execute(QStringLiteral("UPDATE campaign_messages SET replied_at = ? WHERE id = ? AND replied_at IS NULL"), {m_db->timestamp(at), message});
    if (!first)
        return first.error();
    if (first->rowsAffected > 0)
        if (auto d = m_db->execute(QStringLiteral("UPDATE template_performance SET total_replied = total_replied + 1 WHERE template_id = "
                                                  "(SELECT template_id FROM campaign_messages WHERE id = ?)"),
                                   {message});
            !d)
            return d.error();
    auto recipientFirst = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET replied_at = ?, status = CASE WHEN status IN ('pending', 'sent', 'held') "
                                                       "THEN 'replied' ELSE status END WHERE id = ? AND replied_at IS NULL"),
                                        {m_db->timestamp(at), recipient});
    if (!recipientFirst)
        return recipientFirst.error();
    if (recipientFirst->rowsAffected > 0)
        if (auto d = m_db->execute(QStringLiteral("UPDATE campaigns SET emails_replied = emails_replied + 1 WHERE id = ?"), {campaign}); !d)
            return d.error();
    if (auto cm = tx.commit(); !cm)
        return cm.error();
    if (recipientFirst->rowsAffected > 0)
        publish(campaign, QStringLiteral("campaign_reply"), {{QStringLiteral("recipient_id"), recipient}, {QStringLiteral("lead_id"), row->value(3).toLongLong()}});
    return QJsonObject{{QStringLiteral("campaign_id"), campaign}, {QStringLiteral("recipient_id"), recipient}, {QStringLiteral("lead_id"), row->value(3).toLongLong()}};
}

core::Result<QJsonObject> CampaignService::recordDeliveryEvent(const DeliveryEvent &e)
{
    using Kind = DeliveryEvent::Kind;
    const QDateTime now = m_clock.now();
    QString messageId = e.messageId.trimmed();
    if (!messageId.isEmpty() && !messageId.startsWith(u'<'))
        messageId = u'<' + messageId + u'>';
    core::Result<storage::Row> found = core::makeError(ErrorCode::NotFound, QString());
    const QString select = QStringLiteral("SELECT m.id, m.recipient_id, m.campaign_id, m.status, l.email, m.opened_at, m.clicked_at FROM campaign_messages m "
                                          "JOIN campaign_recipients r ON r.id = m.recipient_id JOIN leads l ON l.id = r.lead_id WHERE ");
    if (!messageId.isEmpty())
        found = m_db->selectOne(select + QStringLiteral("m.message_id = ?"), {messageId});
    if (!found && found.error().code == ErrorCode::NotFound && !e.email.isEmpty())
        found = m_db->selectOne(select + QStringLiteral("lower(l.email) = lower(?) AND m.status IN ('sent', 'bounced') ORDER BY m.id DESC LIMIT 1"), {e.email.trimmed()});
    if (!found && found.error().code != ErrorCode::NotFound)
        return found.error();
    const QString email = (found ? found->value(4).toString() : e.email).trimmed().toLower();
    const bool suppress = e.kind == Kind::HardBounce || e.kind == Kind::Complaint || e.kind == Kind::Unsubscribe;
    const QString note = (e.status.isEmpty() ? QString() : e.status + QStringLiteral(" ")) + e.reason.left(500);

    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    bool suppressed = false;
    if (suppress && email.contains(u'@')) {
        auto known = m_db->select(QStringLiteral("SELECT id FROM suppressions WHERE lower(email) = ?"), {email});
        if (!known)
            return known.error();
        if (known->isEmpty()) {
            const QString reason = e.kind == Kind::HardBounce ? QStringLiteral("bounce") : e.kind == Kind::Complaint ? QStringLiteral("complaint") : QStringLiteral("unsubscribe");
            if (auto d = m_db->execute(QStringLiteral("INSERT INTO suppressions (email, reason, source, campaign_id, created_at) VALUES (?, ?, ?, ?, ?)"),
                                       {email, reason, e.source, found ? found->value(2) : QVariant(), m_db->timestamp(now)});
                !d)
                return d.error();
            suppressed = true;
        }
    }
    QJsonObject out{{QStringLiteral("matched"), found.ok()}, {QStringLiteral("suppressed"), suppressed}};
    if (found) {
        const qint64 message = found->value(0).toLongLong(), recipient = found->value(1).toLongLong(), campaign = found->value(2).toLongLong();
        out.insert(QStringLiteral("campaign_id"), campaign);
        out.insert(QStringLiteral("recipient_id"), recipient);
        auto exec = [&](const QString &sql, const QVariantList &params) -> core::Result<qint64> {
            auto d = m_db->execute(sql, params);
            if (!d)
                return d.error();
            return d->rowsAffected;
        };
        core::Result<qint64> changed = qint64(0);
        switch (e.kind) {
        case Kind::HardBounce:
            changed = exec(QStringLiteral("UPDATE campaign_messages SET status = 'bounced', bounced_at = ?, error_message = ? WHERE id = ? AND status = 'sent'"),
                           {m_db->timestamp(now), note, message});
            if (changed && *changed > 0)
                changed = exec(QStringLiteral("UPDATE campaigns SET emails_bounced = emails_bounced + 1 WHERE id = ?"), {campaign});
            if (changed)
                changed = exec(QStringLiteral("UPDATE campaign_recipients SET status = 'bounced', bounced_at = ?, error_message = ? WHERE id = ? AND status IN ('pending', 'sent')"),
                               {m_db->timestamp(now), note, recipient});
            break;
        case Kind::SoftBounce:
            changed = exec(QStringLiteral("UPDATE campaign_messages SET error_message = ? WHERE id = ?"), {QString(QStringLiteral("soft bounce: ") + note), message});
            break;
        case Kind::Complaint:
        case Kind::Unsubscribe:
            changed = exec(QStringLiteral("UPDATE campaign_recipients SET status = 'unsubscribed', unsubscribed_at = ?, error_message = ? WHERE id = ? AND unsubscribed_at IS NULL"),
                           {m_db->timestamp(now), e.kind == Kind::Complaint ? QStringLiteral("marked as spam") : QStringLiteral("unsubscribed at the provider"), recipient});
            if (changed && *changed > 0)
                changed = exec(QStringLiteral("UPDATE campaigns SET emails_unsubscribed = emails_unsubscribed + 1 WHERE id = ?"), {campaign});
            break;
        case Kind::Open:
        case Kind::Click: {
            const char *column = e.kind == Kind::Open ? "opened_at" : "clicked_at";
            const char *counter = e.kind == Kind::Open ? "emails_opened" : "emails_clicked";
            changed = exec(QStringLiteral("UPDATE campaign_messages SET %1 = ? WHERE id = ? AND %1 IS NULL").arg(QLatin1String(column)), {m_db->timestamp(now), message});
            if (changed && *changed > 0)
                if (auto counted = sql::countTemplateEvent(*m_db, message, e.kind == Kind::Open, now); !counted)
                    return counted.error();
            if (changed)
                changed = exec(QStringLiteral("UPDATE campaign_recipients SET %1 = ? WHERE id = ? AND %1 IS NULL").arg(QLatin1String(column)), {m_db->timestamp(now), recipient});
            if (changed && *changed > 0)
                changed = exec(QStringLiteral("UPDATE campaigns SET %1 = %1 + 1 WHERE id = ?").arg(QLatin1String(counter)), {campaign});
            break;
        }
        }
        if (!changed)
            return changed.error();
    }
    if (auto cm = tx.commit(); !cm)
        return cm.error();
    if (found)
        publish(found->value(2).toLongLong(), QStringLiteral("campaign_delivery_event"), out);
    return out;
}

core::Result<QJsonObject> CampaignService::recordBounceMessage(const QByteArray &message, const QString &source)
{
    const auto b = mail::parseBounce(message);
    if (!b)
        return QJsonObject{{QStringLiteral("bounce"), false}};
    DeliveryEvent e;
    e.kind = b->hard ? DeliveryEvent::Kind::HardBounce : DeliveryEvent::Kind::SoftBounce;
    e.messageId = b->originalMessageId;
    e.email = b->recipient;
    e.status = b->status;
    e.reason = b->diagnostic;
    e.source = source;
    auto r = recordDeliveryEvent(e);
    if (!r)
        return r.error();
    QJsonObject out = *r;
    out.insert(QStringLiteral("bounce"), true);
    out.insert(QStringLiteral("email"), b->recipient);
    out.insert(QStringLiteral("status"), b->status);
    out.insert(QStringLiteral("hard"), b->hard);
    return out;
}

core::Result<QJsonObject> CampaignService::checkBounces(qint64 accountId, const std::function<bool()> &cancelled)
{
    auto settings = m_senders.imapSettings(accountId);
    if (!settings)
        return settings.error();
    mail::ImapClient imap(*settings);
    auto cursor = m_senders.mailboxCursor(accountId, SenderAccountService::MailboxReader::Bounces);
    if (!cursor)
        return cursor.error();
    int bounces = 0, matched = 0;
    auto read = mail::readNewMessages(
        imap, QStringLiteral("INBOX"), *cursor,
        [&](qint64, const QByteArray &message) -> core::Status {
            auto r = recordBounceMessage(message, QStringLiteral("imap"));
            if (!r)
                return r.error();
            bounces += r->value(QStringLiteral("bounce")).toBool() ? 1 : 0;
            matched += r->value(QStringLiteral("matched")).toBool() ? 1 : 0;
            return {};
        },
        [&](const mail::MailboxCursor &at) { return m_senders.saveMailboxCursor(accountId, SenderAccountService::MailboxReader::Bounces, at); },
        cancelled);
    if (!read)
        return read.error();
    const int checked = read->read;
    const qint64 last = read->cursor.lastUid;
    return QJsonObject{{QStringLiteral("checked"), checked}, {QStringLiteral("bounces"), bounces}, {QStringLiteral("matched"), matched}, {QStringLiteral("last_uid"), last}};
}

core::Result<qint64> CampaignService::queueBounceCheck(qint64 accountId, const QDateTime &runAt, std::optional<qint64> createdBy)
{
    if (!m_jobs)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no job queue"));
    auto settings = m_senders.imapSettings(accountId);
    if (!settings)
        return settings.error();
    storage::JobSpec spec(QStringLiteral("campaigns.check_bounces"), {{QStringLiteral("account_id"), accountId}});
    spec.queue = QStringLiteral("email");
    spec.runAt = runAt;
    spec.maxAttempts = 3;
    spec.createdBy = createdBy;
    return m_jobs->enqueue(spec);
}

core::Result<QJsonObject> CampaignService::sendTest(qint64 id, const QJsonObject &request)
{
    auto steps = sql::loadSteps(*m_db, id);
    if (!steps)
        return steps.error();
    auto c = get(id);
    if (!c)
        return c.error();
    const int step = request.value(QStringLiteral("step")).toInt(0);
    if (step < 0 || step >= steps->size())
        return fieldError(QStringLiteral("step"), QStringLiteral("must name one of the campaign's %1 step(s), counting from 0").arg(steps->size()));
    const auto &variants = steps->at(step).variants;
    const QString label = request.value(QStringLiteral("variant")).toString(QStringLiteral("A"));
    qint64 templateId = 0;
    for (const auto &v : variants)
        if (v.label == label)
            templateId = v.templateId;
    if (templateId <= 0)
        return fieldError(QStringLiteral("variant"), QStringLiteral("\"%1\" is not a variant of step %2 with a template").arg(label).arg(step));
    const QJsonArray senders = c->value(QStringLiteral("sender_account_ids")).toArray();
    QJsonObject testRequest = request;
    testRequest.remove(QStringLiteral("step"));
    testRequest.remove(QStringLiteral("variant"));
    if (!testRequest.contains(QStringLiteral("sender_account_id"))) {
        if (senders.isEmpty())
            return fieldError(QStringLiteral("sender_account_ids"), QStringLiteral("are empty: choose a mailbox to send from first"));
        testRequest.insert(QStringLiteral("sender_account_id"), senders.first());
    }
    return m_templates.sendTest(templateId, testRequest, m_senders);
}

} // namespace fliptech::campaigns
