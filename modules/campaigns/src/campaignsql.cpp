#include "campaignsql.h"

#include "fliptech/storage/database.h"

#include <QJsonDocument>

namespace fliptech::campaigns::sql {

using core::ErrorCode;
using core::fieldError;

namespace {

QJsonValue fromJsonText(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue();
    const QJsonDocument d = QJsonDocument::fromJson(v.toString().toUtf8());
    return d.isObject() ? QJsonValue(d.object()) : d.isArray() ? QJsonValue(d.array()) : QJsonValue();
}

QJsonValue ts(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(v)));
}

bool wholeNumber(const QJsonValue &v, int lo, int hi)
{
    return v.isDouble() && double(v.toInteger()) == v.toDouble() && v.toInteger() >= lo && v.toInteger() <= hi;
}

core::Status onlyKeys(const QJsonObject &o, const QString &where, const QStringList &keys)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            return fieldError(where + u'.' + it.key(), QStringLiteral("is not known here (%1)").arg(keys.join(QStringLiteral(", "))));
    return {};
}

} // namespace

QString campaignColumns()
{
    return QStringLiteral("c.id, c.campaign_id, c.name, c.description, c.status, c.audience, c.schedule, c.sender_account_ids, c.on_crash, "
                          "c.track_opens, c.track_clicks, c.total_recipients, c.skipped_recipients, c.emails_sent, c.emails_opened, "
                          "c.emails_clicked, c.emails_replied, c.emails_bounced, c.emails_unsubscribed, c.emails_failed, c.scheduled_at, "
                          "c.started_at, c.paused_at, c.completed_at, c.created_by, c.created_at, c.updated_at, c.last_error");
}

QJsonObject campaignFromRow(const storage::Row &r)
{
    QJsonValue audience = fromJsonText(r.value(5));
    QJsonValue schedule = fromJsonText(r.value(6));
    if (schedule.isNull())
        schedule = Schedule{}.toJson();
    QJsonValue senders = fromJsonText(r.value(7));
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("campaign_id"), r.value(1).toString()},
            {QStringLiteral("name"), r.value(2).toString()},
            {QStringLiteral("description"), r.value(3).isNull() ? QJsonValue() : QJsonValue(r.value(3).toString())},
            {QStringLiteral("status"), r.value(4).toString()},
            {QStringLiteral("audience"), audience.isNull() ? QJsonValue(QJsonObject()) : audience},
            {QStringLiteral("schedule"), schedule},
            {QStringLiteral("sender_account_ids"), senders.isArray() ? senders : QJsonValue(QJsonArray())},
            {QStringLiteral("on_crash"), r.value(8).toString()},
            {QStringLiteral("track_opens"), r.value(9).toBool()},
            {QStringLiteral("track_clicks"), r.value(10).toBool()},
            {QStringLiteral("total_recipients"), r.value(11).toLongLong()},
            {QStringLiteral("skipped_recipients"), r.value(12).toLongLong()},
            {QStringLiteral("emails_sent"), r.value(13).toLongLong()},
            {QStringLiteral("emails_opened"), r.value(14).toLongLong()},
            {QStringLiteral("emails_clicked"), r.value(15).toLongLong()},
            {QStringLiteral("emails_replied"), r.value(16).toLongLong()},
            {QStringLiteral("emails_bounced"), r.value(17).toLongLong()},
            {QStringLiteral("emails_unsubscribed"), r.value(18).toLongLong()},
            {QStringLiteral("emails_failed"), r.value(19).toLongLong()},
            {QStringLiteral("scheduled_at"), ts(r.value(20))},
            {QStringLiteral("started_at"), ts(r.value(21))},
            {QStringLiteral("paused_at"), ts(r.value(22))},
            {QStringLiteral("completed_at"), ts(r.value(23))},
            {QStringLiteral("created_by"), r.value(24).isNull() ? QJsonValue() : QJsonValue(r.value(24).toLongLong())},
            {QStringLiteral("created_at"), ts(r.value(25))},
            {QStringLiteral("updated_at"), ts(r.value(26))},
            {QStringLiteral("last_error"), r.value(27).isNull() ? QJsonValue() : QJsonValue(r.value(27).toString())}};
}

// ---- steps -------------------------------------------------------------------------------

QJsonObject StepSpec::toJson() const
{
    QJsonArray v;
    for (const auto &x : variants)
        v.append(QJsonObject{{QStringLiteral("label"), x.label},
                             {QStringLiteral("template_id"), x.templateId > 0 ? QJsonValue(x.templateId) : QJsonValue()},
                             {QStringLiteral("template_name"), x.templateName}});
    QJsonObject o{{QStringLiteral("step"), order}, {QStringLiteral("delay_days"), delayDays}, {QStringLiteral("variants"), v}};
    if (!abMetric.isEmpty())
        o.insert(QStringLiteral("ab"), QJsonObject{{QStringLiteral("metric"), abMetric},
                                                   {QStringLiteral("sample_size"), abSampleSize},
                                                   {QStringLiteral("winner"), winner.isEmpty() ? QJsonValue() : QJsonValue(winner)}});
    return o;
}

core::Result<QList<StepSpec>> StepSpec::listFromJson(storage::Database &db, const QJsonValue &json)
{
    if (!json.isArray())
        return fieldError(QStringLiteral("steps"), QStringLiteral("must be a list of steps, each {delay_days, template_id} or {delay_days, variants}"));
    const QJsonArray arr = json.toArray();
    if (arr.size() > 10)
        return fieldError(QStringLiteral("steps"), QStringLiteral("may hold at most 10 steps"));
    QList<StepSpec> out;
    for (int i = 0; i < arr.size(); ++i) {
        const QString where = QStringLiteral("steps[%1]").arg(i);
        if (!arr.at(i).isObject())
            return fieldError(where, QStringLiteral("must be an object {delay_days, template_id}"));
        const QJsonObject o = arr.at(i).toObject();
        if (auto st = onlyKeys(o, where, {QStringLiteral("delay_days"), QStringLiteral("template_id"), QStringLiteral("variants"), QStringLiteral("ab"),
                                          QStringLiteral("step")});
            !st)
            return st.error();
        StepSpec s;
        s.order = i;
        if (o.contains(QStringLiteral("delay_days"))) {
            if (!wholeNumber(o.value(QStringLiteral("delay_days")), 0, 365))
                return fieldError(where + QStringLiteral(".delay_days"), QStringLiteral("must be a whole number of days from 0 to 365"));
            s.delayDays = o.value(QStringLiteral("delay_days")).toInt();
        } else if (i > 0) {
            s.delayDays = 3;
        }
        QJsonArray variants = o.value(QStringLiteral("variants")).toArray();
        if (o.contains(QStringLiteral("template_id"))) {
            if (o.contains(QStringLiteral("variants")))
                return fieldError(where, QStringLiteral("has both template_id and variants: give one"));
            variants = {QJsonObject{{QStringLiteral("template_id"), o.value(QStringLiteral("template_id"))}}};
        }
        if (variants.isEmpty() || variants.size() > 5)
            return fieldError(where, QStringLiteral("needs a template_id, or 1 to 5 variants"));
        for (int v = 0; v < variants.size(); ++v) {
            const QString vw = o.contains(QStringLiteral("template_id")) ? where + QStringLiteral(".template_id") : where + QStringLiteral(".variants[%1].template_id").arg(v);
            const QJsonValue t = variants.at(v).toObject().value(QStringLiteral("template_id"));
            if (!wholeNumber(t, 1, std::numeric_limits<int>::max()))
                return fieldError(vw, QStringLiteral("must be a template's id"));
            auto row = db.selectOne(QStringLiteral("SELECT name FROM templates WHERE id = ?"), {t.toInteger()});
            if (!row)
                return row.error().code == ErrorCode::NotFound ? fieldError(vw, QStringLiteral("names template %1, which does not exist").arg(t.toInteger())) : row.error();
            s.variants.append({QString(QChar(u'A' + v)), t.toInteger(), row->value(0).toString()});
        }
        if (o.contains(QStringLiteral("ab")) && !o.value(QStringLiteral("ab")).isNull()) {
            const QJsonObject ab = o.value(QStringLiteral("ab")).toObject();
            if (auto st = onlyKeys(ab, where + QStringLiteral(".ab"), {QStringLiteral("metric"), QStringLiteral("sample_size"), QStringLiteral("winner")}); !st)
                return st.error();
            s.abMetric = ab.value(QStringLiteral("metric")).toString();
            if (s.abMetric != QLatin1String("open_rate") && s.abMetric != QLatin1String("reply_rate"))
                return fieldError(where + QStringLiteral(".ab.metric"), QStringLiteral("must be open_rate or reply_rate"));
            if (!wholeNumber(ab.value(QStringLiteral("sample_size")), 1, 1000000))
                return fieldError(where + QStringLiteral(".ab.sample_size"), QStringLiteral("must be how many recipients each variant is tried on (1 or more)"));
            if (s.variants.size() < 2)
                return fieldError(where + QStringLiteral(".ab"), QStringLiteral("needs two or more variants to choose a winner from"));
            s.abSampleSize = ab.value(QStringLiteral("sample_size")).toInt();
        }
        out.append(s);
    }
    return out;
}

core::Result<QList<StepSpec>> loadSteps(storage::Database &db, qint64 campaignId)
{
    auto rows = db.select(QStringLiteral("SELECT s.step_order, s.delay_days, s.ab_metric, s.ab_sample_size, s.winner, v.label, v.template_id, t.name "
                                         "FROM campaign_steps s LEFT JOIN campaign_variants v ON v.step_id = s.id "
                                         "LEFT JOIN templates t ON t.id = v.template_id WHERE s.campaign_id = ? ORDER BY s.step_order, v.label"),
                          {campaignId});
    if (!rows)
        return rows.error();
    QList<StepSpec> out;
    for (const auto &r : *rows) {
        const int order = r.value(0).toInt();
        if (out.isEmpty() || out.last().order != order) {
            StepSpec s;
            s.order = order;
            s.delayDays = r.value(1).toInt();
            s.abMetric = r.value(2).toString();
            s.abSampleSize = r.value(3).toInt();
            s.winner = r.value(4).toString();
            out.append(s);
        }
        if (!r.value(5).isNull())
            out.last().variants.append({r.value(5).toString(), r.value(6).isNull() ? 0 : r.value(6).toLongLong(), r.value(7).toString()});
    }
    return out;
}

core::Status saveSteps(storage::Database &db, qint64 campaignId, const QList<StepSpec> &steps)
{
    if (auto done = db.execute(QStringLiteral("DELETE FROM campaign_steps WHERE campaign_id = ?"), {campaignId}); !done)
        return done.error();
    for (const auto &s : steps) {
        auto row = db.selectOne(QStringLiteral("INSERT INTO campaign_steps (campaign_id, step_order, delay_days, ab_metric, ab_sample_size) "
                                               "VALUES (?, ?, ?, ?, ?) RETURNING id"),
                                {campaignId, s.order, s.delayDays, s.abMetric.isEmpty() ? QVariant() : QVariant(s.abMetric),
                                 s.abSampleSize > 0 ? QVariant(s.abSampleSize) : QVariant()});
        if (!row)
            return row.error();
        for (const auto &v : s.variants)
            if (auto done = db.execute(QStringLiteral("INSERT INTO campaign_variants (step_id, label, template_id) VALUES (?, ?, ?)"),
                                       {row->value(0).toLongLong(), v.label, v.templateId});
                !done)
                return done.error();
    }
    return {};
}

// ---- schedule ----------------------------------------------------------------------------

core::Result<Schedule> Schedule::fromJson(const QJsonValue &json)
{
    Schedule s;
    if (json.isNull() || json.isUndefined())
        return s;
    if (!json.isObject())
        return fieldError(QStringLiteral("schedule"), QStringLiteral("must be an object {start_at, days, start, end, timezone}"));
    const QJsonObject o = json.toObject();
    if (auto st = onlyKeys(o, QStringLiteral("schedule"), {QStringLiteral("start_at"), QStringLiteral("days"), QStringLiteral("start"), QStringLiteral("end"),
                                                          QStringLiteral("timezone")});
        !st)
        return st.error();
    if (const QJsonValue v = o.value(QStringLiteral("start_at")); !v.isNull() && !v.isUndefined()) {
        s.startAt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!s.startAt.isValid())
            return fieldError(QStringLiteral("schedule.start_at"), QStringLiteral("must be a date and time (ISO 8601, e.g. 2026-12-01T09:00:00Z)"));
        s.startAt = s.startAt.toUTC();
    }
    QString problem;
    s.window = SendWindow::fromJson(o, &problem);
    if (!problem.isEmpty())
        return fieldError(QStringLiteral("schedule.") + problem.section(u':', 0, 0), problem.section(u':', 1).trimmed());
    if (o.contains(QStringLiteral("timezone"))) {
        s.zone = o.value(QStringLiteral("timezone")).toString();
        if (s.zone != QLatin1String("recipient") && s.zone != QLatin1String("account") && !QTimeZone(s.zone.toUtf8()).isValid())
            return fieldError(QStringLiteral("schedule.timezone"),
                              QStringLiteral("must be recipient (each lead's own), account (the mailbox's) or a time zone such as America/Chicago"));
    }
    return s;
}

QJsonObject Schedule::toJson() const
{
    QJsonObject o = window.toJson();
    o.insert(QStringLiteral("start_at"), startAt.isValid() ? QJsonValue(storage::Database::isoTimestamp(startAt)) : QJsonValue());
    o.insert(QStringLiteral("timezone"), zone);
    return o;
}

QTimeZone Schedule::zoneFor(const QString &locationZone, const QString &region, const QString &country, const QTimeZone &accountZone) const
{
    if (zone == QLatin1String("account"))
        return accountZone;
    if (zone != QLatin1String("recipient"))
        return QTimeZone(zone.toUtf8());
    const QTimeZone z = recipientTimeZone(locationZone, region, country);
    return z.isValid() ? z : accountZone;
}

// ---- audience ----------------------------------------------------------------------------

core::Result<Audience> Audience::fromJson(storage::Database &db, const QJsonValue &json)
{
    Audience a;
    a.m_db = &db;
    if (!json.isObject() || json.toObject().isEmpty())
        return fieldError(QStringLiteral("audience"), QStringLiteral("must say who receives the campaign: {filter}, {segment_id} or {lead_ids}"));
    const QJsonObject o = json.toObject();
    if (auto st = onlyKeys(o, QStringLiteral("audience"), {QStringLiteral("filter"), QStringLiteral("segment_id"), QStringLiteral("lead_ids"), QStringLiteral("exclude")}); !st)
        return st.error();
    const int given = int(o.contains(QStringLiteral("filter"))) + int(o.contains(QStringLiteral("segment_id"))) + int(o.contains(QStringLiteral("lead_ids")));
    if (given != 1)
        return fieldError(QStringLiteral("audience"), QStringLiteral("must give exactly one of filter, segment_id and lead_ids"));
    if (o.contains(QStringLiteral("filter"))) {
        auto f = leads::LeadFilter::fromJson(o.value(QStringLiteral("filter")).toObject());
        if (!f)
            return fieldError(QStringLiteral("audience.filter"), f.error().message);
        a.m_filter = *f;
    } else if (o.contains(QStringLiteral("segment_id"))) {
        auto row = db.selectOne(QStringLiteral("SELECT filter FROM saved_segments WHERE id = ?"), {o.value(QStringLiteral("segment_id")).toInteger()});
        if (!row)
            return row.error().code == ErrorCode::NotFound ? fieldError(QStringLiteral("audience.segment_id"), QStringLiteral("names a segment that does not exist"))
                                                           : row.error();
        auto f = leads::LeadFilter::fromJson(QJsonDocument::fromJson(row->value(0).toString().toUtf8()).object());
        if (!f)
            return fieldError(QStringLiteral("audience.segment_id"), QStringLiteral("names a segment whose filter no longer reads: %1").arg(f.error().message));
        a.m_filter = *f;
    } else {
        QList<qint64> ids;
        for (const auto &v : o.value(QStringLiteral("lead_ids")).toArray())
            ids << v.toInteger();
        if (ids.isEmpty() || !o.value(QStringLiteral("lead_ids")).isArray())
            return fieldError(QStringLiteral("audience.lead_ids"), QStringLiteral("must list the leads' ids"));
        auto f = leads::LeadFilter::ofIds(ids);
        if (!f)
            return fieldError(QStringLiteral("audience.lead_ids"), f.error().message);
        a.m_filter = *f;
    }
    if (o.contains(QStringLiteral("exclude"))) {
        const QJsonObject e = o.value(QStringLiteral("exclude")).toObject();
        if (auto st = onlyKeys(e, QStringLiteral("audience.exclude"),
                               {QStringLiteral("filter"), QStringLiteral("lead_ids"), QStringLiteral("contacted_within_days"), QStringLiteral("in_other_campaigns")});
            !st)
            return st.error();
        QJsonObject ef = e.value(QStringLiteral("filter")).toObject();
        if (e.contains(QStringLiteral("lead_ids")))
            ef.insert(QStringLiteral("ids"), e.value(QStringLiteral("lead_ids")));
        if (!ef.isEmpty()) {
            ef.insert(QStringLiteral("deleted"), QStringLiteral("include")); // NOT(...) must not let deleted leads in
            auto f = leads::LeadFilter::fromJson(ef);
            if (!f)
                return fieldError(QStringLiteral("audience.exclude"), f.error().message);
            a.m_exclude = *f;
        }
        if (e.contains(QStringLiteral("contacted_within_days"))) {
            if (!wholeNumber(e.value(QStringLiteral("contacted_within_days")), 1, 3650))
                return fieldError(QStringLiteral("audience.exclude.contacted_within_days"), QStringLiteral("must be a number of days from 1 to 3650"));
            a.m_contactedWithinDays = e.value(QStringLiteral("contacted_within_days")).toInt();
        }
        if (e.contains(QStringLiteral("in_other_campaigns"))) {
            if (!e.value(QStringLiteral("in_other_campaigns")).isBool())
                return fieldError(QStringLiteral("audience.exclude.in_other_campaigns"), QStringLiteral("must be true or false"));
            a.m_inOtherCampaigns = e.value(QStringLiteral("in_other_campaigns")).toBool();
        }
    }
    return a;
}

Audience::Sql Audience::base() const
{
    const leads::SqlCondition c = m_filter.toSql(*m_db);
    return {c.where, c.params};
}

Audience::Sql Audience::exclusions(storage::Database &db, qint64 campaignId, const QDateTime &now) const
{
    Sql s{QStringLiteral("1=1"), {}};
    if (m_exclude) {
        const leads::SqlCondition c = m_exclude->toSql(db);
        s.where += QStringLiteral(" AND NOT (%1)").arg(c.where);
        s.params += c.params;
    }
    if (m_contactedWithinDays > 0) {
        s.where += QStringLiteral(" AND (l.last_contacted_at IS NULL OR l.last_contacted_at < ?)");
        s.params << db.timestamp(now.addDays(-m_contactedWithinDays));
    }
    if (m_inOtherCampaigns) {
        s.where += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM campaign_recipients ocr JOIN campaigns oc ON oc.id = ocr.campaign_id "
                                  "WHERE ocr.lead_id = l.id AND oc.id <> ? AND oc.status IN ('running', 'scheduled', 'paused') "
                                  "AND ocr.status IN ('pending', 'sending', 'held'))");
        s.params << campaignId;
    }
    return s;
}

core::Status countTemplateEvent(storage::Database &db, qint64 messageRowId, bool open, const QDateTime &now)
{
    auto row = db.selectOne(QStringLiteral("SELECT template_id, sent_at FROM campaign_messages WHERE id = ?"), {messageRowId});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::Status{} : core::Status(row.error());
    if (row->value(0).isNull())
        return {};
    core::Result<storage::ExecResult> done = storage::ExecResult{};
    if (open) {
        const QDateTime sent = storage::Database::toDateTime(row->value(1));
        const qint64 minutes = sent.isValid() ? qMax<qint64>(0, sent.secsTo(now) / 60) : 0;
        done = db.execute(QStringLiteral("UPDATE template_performance SET avg_open_time_minutes = (COALESCE(avg_open_time_minutes, 0) * total_opened + ?) / "
                                         "(total_opened + 1), total_opened = total_opened + 1, updated_at = ? WHERE template_id = ?"),
                          {minutes, db.timestamp(now), row->value(0)});
    } else {
        done = db.execute(QStringLiteral("UPDATE template_performance SET total_clicked = total_clicked + 1, updated_at = ? WHERE template_id = ?"),
                          {db.timestamp(now), row->value(0)});
    }
    if (!done)
        return done.error();
    return {};
}

QString deliverableSql()
{
    return QStringLiteral("l.email IS NOT NULL AND l.email LIKE '%_@_%' AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE lower(s.email) = lower(l.email))");
}

core::Result<QJsonObject> Audience::count(storage::Database &db, qint64 campaignId, const QDateTime &now, bool quick) const
{
    const Sql b = base();
    if (quick) {
        auto row = db.selectOne(QStringLiteral("SELECT count(*) FROM leads l WHERE %1").arg(b.where), b.params);
        if (!row)
            return row.error();
        return QJsonObject{{QStringLiteral("matched"), row->value(0).toLongLong()}};
    }
    const Sql x = exclusions(db, campaignId, now);
    const QString hasEmail = QStringLiteral("l.email IS NOT NULL AND l.email LIKE '%_@_%'");
    const QString suppressed = QStringLiteral("EXISTS (SELECT 1 FROM suppressions s WHERE lower(s.email) = lower(l.email))");
    QVariantList params;
    params += x.params; // excluded
    params += x.params; // without e-mail
    params += x.params; // suppressed
    params += x.params; // recipients
    params += x.params; // deliverable rows
    params += b.params;
    auto row = db.selectOne(QStringLiteral("SELECT count(*), "
                                           "sum(CASE WHEN %1 THEN 0 ELSE 1 END), "
                                           "sum(CASE WHEN (%1) AND NOT (%2) THEN 1 ELSE 0 END), "
                                           "sum(CASE WHEN (%1) AND (%2) AND %3 THEN 1 ELSE 0 END), "
                                           "count(DISTINCT CASE WHEN (%1) AND (%2) AND NOT %3 THEN lower(l.email) END), "
                                           "sum(CASE WHEN (%1) AND (%2) AND NOT %3 THEN 1 ELSE 0 END) "
                                           "FROM leads l WHERE %4")
                                .arg(x.where, hasEmail, suppressed, b.where),
                            params);
    if (!row)
        return row.error();
    const qint64 recipients = row->value(4).toLongLong();
    return QJsonObject{{QStringLiteral("matched"), row->value(0).toLongLong()},
                       {QStringLiteral("excluded"), row->value(1).toLongLong()},
                       {QStringLiteral("without_email"), row->value(2).toLongLong()},
                       {QStringLiteral("suppressed"), row->value(3).toLongLong()},
                       {QStringLiteral("duplicates"), row->value(5).toLongLong() - recipients},
                       {QStringLiteral("recipients"), recipients}};
}

core::Result<QList<storage::Row>> Audience::sample(storage::Database &db, qint64 campaignId, const QDateTime &now, int n) const
{
    const Sql b = base();
    const Sql x = exclusions(db, campaignId, now);
    auto rows = db.select(QStringLiteral("SELECT l.id, l.email, loc.timezone, l.region, l.country FROM leads l LEFT JOIN locations loc ON loc.id = l.location_id "
                                         "WHERE (%1) AND (%2) AND %3 ORDER BY l.id LIMIT %4")
                              .arg(b.where, x.where, deliverableSql())
                              .arg(n),
                          b.params + x.params);
    if (!rows)
        return rows.error();
    return QList<storage::Row>(*rows);
}

core::Result<qint64> Audience::materialise(storage::Database &db, qint64 campaignId, const QDateTime &firstSend) const
{
    const Sql b = base();
    const Sql x = exclusions(db, campaignId, firstSend);
    QVariantList params{campaignId, db.timestamp(firstSend)};
    params += b.params;
    params += x.params;
    // One recipient per address (the oldest lead that has it).
    auto done = db.execute(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, status, sequence_step, next_send_at) "
                                          "SELECT ?, min(l.id), 'pending', 0, %1 FROM leads l WHERE (%2) AND (%3) AND %4 GROUP BY lower(l.email)")
                               .arg(db.timestampParam(), b.where, x.where, deliverableSql()),
                           params);
    if (!done)
        return done.error();
    return done->rowsAffected;
}

core::Result<std::optional<qint64>> Audience::admit(storage::Database &db, qint64 campaignId, qint64 leadId, const QDateTime &due, const QDateTime &now) const
{
    const Sql x = exclusions(db, campaignId, now);
    QVariantList params{campaignId, db.timestamp(due), leadId};
    params += x.params;
    params << campaignId;
    auto added = db.select(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, status, sequence_step, next_send_at) "
                                          "SELECT ?, l.id, 'pending', 0, %1 FROM leads l WHERE l.id = ? AND l.deleted_at IS NULL AND (%2) AND %3 "
                                          "AND NOT EXISTS (SELECT 1 FROM campaign_recipients r JOIN leads o ON o.id = r.lead_id "
                                          "WHERE r.campaign_id = ? AND lower(o.email) = lower(l.email)) "
                                          "ON CONFLICT (campaign_id, lead_id) DO NOTHING RETURNING id")
                               .arg(db.timestampParam(), x.where, deliverableSql()),
                           params);
    if (!added)
        return added.error();
    if (added->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(added->first().value(0).toLongLong());
}

} // namespace fliptech::campaigns::sql
