#include "fliptech/campaigns/templateservice.h"

#include "fliptech/campaigns/senderaccounts.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"

#include <QDate>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fliptech::campaigns {

using core::ErrorCode;

namespace {

core::Error invalid(const QString &field, const QString &problem)
{
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("%1: %2").arg(field, problem), {{field, problem}});
}

const QString kColumns = QStringLiteral("id, name, subject, body_html, body_text, category, tags, variables, is_active, created_by, created_at, updated_at");

QJsonObject rowToJson(const storage::Row &r)
{
    auto text = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    auto array = [](const QVariant &v) { return v.isNull() ? QJsonArray() : QJsonDocument::fromJson(v.toString().toUtf8()).array(); };
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("name"), r.value(1).toString()},
            {QStringLiteral("subject"), text(r.value(2))},
            {QStringLiteral("body_html"), text(r.value(3))},
            {QStringLiteral("body_text"), text(r.value(4))},
            {QStringLiteral("category"), text(r.value(5))},
            {QStringLiteral("tags"), array(r.value(6))},
            {QStringLiteral("variables"), array(r.value(7))},
            {QStringLiteral("is_active"), r.value(8).toBool()},
            {QStringLiteral("created_by"), r.value(9).isNull() ? QJsonValue() : QJsonValue(r.value(9).toLongLong())},
            {QStringLiteral("created_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(10)))},
            {QStringLiteral("updated_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(11)))}};
}

} // namespace

TemplateVariables templateVariablesFor(const QJsonObject &lead, const QJsonObject &sender, const QJsonObject &campaign, const QString &unsubscribeUrl)
{
    TemplateVariables v;
    for (auto it = lead.begin(); it != lead.end(); ++it) {
        if (it.value().isString())
            v.insert(QStringLiteral("lead.") + it.key(), it.value().toString());
        else if (it.value().isDouble())
            v.insert(QStringLiteral("lead.") + it.key(), QString::number(it.value().toInteger()));
    }
    for (auto it = sender.begin(); it != sender.end(); ++it)
        if (it.value().isString())
            v.insert(QStringLiteral("sender.") + it.key(), it.value().toString());
    if (campaign.value(QStringLiteral("name")).isString())
        v.insert(QStringLiteral("campaign.name"), campaign.value(QStringLiteral("name")).toString());
    v.insert(QStringLiteral("today"), QLocale::c().toString(QDate::currentDate(), QStringLiteral("MMMM d, yyyy")));
    v.insert(QStringLiteral("unsubscribe_url"), unsubscribeUrl);
    return v;
}

QJsonObject TemplateService::sampleRecipient()
{
    return {{QStringLiteral("first_name"), QStringLiteral("Ann")},
            {QStringLiteral("name"), QStringLiteral("Ann Baker")},
            {QStringLiteral("company"), QStringLiteral("Ann's Bakery")},
            {QStringLiteral("city"), QStringLiteral("Austin")},
            {QStringLiteral("website"), QStringLiteral("http://annsbakery.example")}};
}

TemplateService::TemplateService(std::shared_ptr<storage::Database> db, leads::LeadService &leads, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_clock(clock)
{
}

core::Result<TemplateService::Parsed> TemplateService::parseParts(const QJsonObject &fields, const QSet<QString> *known)
{
    Parsed p;
    for (const char *key : {"subject", "body_html", "body_text"}) {
        const QJsonValue v = fields.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return invalid(QLatin1String(key), QStringLiteral("must be text"));
    }
    const QString subject = fields.value(QStringLiteral("subject")).toString();
    const QString html = fields.value(QStringLiteral("body_html")).toString();
    const QString text = fields.value(QStringLiteral("body_text")).toString();
    if (subject.size() > 500)
        return invalid(QStringLiteral("subject"), QStringLiteral("is longer than 500 characters"));
    if (subject.contains(u'\n') || subject.contains(u'\r'))
        return invalid(QStringLiteral("subject"), QStringLiteral("must be one line"));
    if (html.size() > 500000 || text.size() > 500000)
        return invalid(html.size() > 500000 ? QStringLiteral("body_html") : QStringLiteral("body_text"), QStringLiteral("is longer than 500,000 characters"));
    if (html.trimmed().isEmpty() && text.trimmed().isEmpty())
        return invalid(QStringLiteral("body_html"), QStringLiteral("or body_text is required: a message needs a body"));
    struct Part {
        const char *name;
        const QString &source;
        MessageTemplate::Mode mode;
        MessageTemplate *into;
    };
    for (const Part &part : {Part{"subject", subject, MessageTemplate::Mode::Text, &p.subject}, Part{"body_html", html, MessageTemplate::Mode::Html, &p.html},
                             Part{"body_text", text, MessageTemplate::Mode::Text, &p.text}}) {
        auto t = MessageTemplate::parse(part.source, part.mode, known);
        if (!t) {
            core::Error e = t.error();
            e.message = QLatin1String(part.name) + QStringLiteral(": ") + e.message;
            e.details.insert(QStringLiteral("part"), QLatin1String(part.name));
            e.details.insert(QLatin1String(part.name), e.message.mid(int(qstrlen(part.name)) + 2));
            return e;
        }
        *part.into = *t;
    }
    p.hasHtml = !html.trimmed().isEmpty();
    p.hasText = !text.trimmed().isEmpty();
    return p;
}

core::Result<QJsonArray> TemplateService::list(const QJsonObject &filter)
{
    QStringList where;
    QVariantList params;
    if (const QJsonValue c = filter.value(QStringLiteral("category")); c.isString() && !c.toString().isEmpty()) {
        where << QStringLiteral("category = ?");
        params << c.toString();
    }
    if (const QJsonValue a = filter.value(QStringLiteral("active")); a.isBool())
        where << QStringLiteral("is_active = %1").arg(m_db->boolLiteral(a.toBool()));
    if (const QJsonValue q = filter.value(QStringLiteral("q")); q.isString() && !q.toString().trimmed().isEmpty()) {
        const QString needle = storage::Database::likeContains(q.toString().trimmed().toLower());
        where << QStringLiteral("(lower(name) LIKE ? ESCAPE '\\' OR lower(COALESCE(subject, '')) LIKE ? ESCAPE '\\')");
        params << needle << needle;
    }
    const int limit = qBound(1, filter.value(QStringLiteral("limit")).toInt(100), 500);
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM templates%2 ORDER BY lower(name), id LIMIT %3")
                                 .arg(kColumns, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
                                 .arg(limit),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(rowToJson(r));
    return out;
}

core::Result<QJsonObject> TemplateService::get(qint64 id)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM templates WHERE id = ?").arg(kColumns), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no template %1").arg(id));
    return rowToJson(rows->first());
}

core::Result<QJsonObject> TemplateService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields)
{
    static const QStringList allowed{QStringLiteral("name"),     QStringLiteral("subject"), QStringLiteral("body_html"), QStringLiteral("body_text"),
                                     QStringLiteral("category"), QStringLiteral("tags"),    QStringLiteral("is_active")};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!allowed.contains(it.key()))
            return invalid(it.key(), QStringLiteral("is not a template field (%1)").arg(allowed.join(QStringLiteral(", "))));
    const QJsonValue nameValue = fields.value(QStringLiteral("name"));
    const QString name = nameValue.toString().simplified();
    if (!nameValue.isString() || name.isEmpty() || name.size() > 200)
        return invalid(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QJsonValue category = fields.value(QStringLiteral("category"));
    if (!category.isUndefined() && !category.isNull() && (!category.isString() || category.toString().size() > 100))
        return invalid(QStringLiteral("category"), QStringLiteral("must be text of at most 100 characters"));
    const QJsonValue tags = fields.value(QStringLiteral("tags"));
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isArray() || tags.toArray().size() > 50)
            return invalid(QStringLiteral("tags"), QStringLiteral("must be a list of at most 50 words"));
        for (const auto &t : tags.toArray())
            if (!t.isString() || t.toString().trimmed().isEmpty() || t.toString().size() > 50)
                return invalid(QStringLiteral("tags"), QStringLiteral("must be a list of words (1 to 50 characters each)"));
    }
    const QJsonValue active = fields.value(QStringLiteral("is_active"));
    if (!active.isUndefined() && !active.isBool())
        return invalid(QStringLiteral("is_active"), QStringLiteral("must be true or false"));
    auto parsed = parseParts(fields);
    if (!parsed)
        return parsed.error();
    QStringList used = parsed->subject.variables();
    for (const QString &v : parsed->html.variables() + parsed->text.variables())
        if (!used.contains(v))
            used << v;
    auto nullable = [](const QJsonValue &v) { return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant(); };
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    const QVariantList values{name,
                              nullable(fields.value(QStringLiteral("subject"))),
                              nullable(fields.value(QStringLiteral("body_html"))),
                              nullable(fields.value(QStringLiteral("body_text"))),
                              category.isString() && !category.toString().trimmed().isEmpty() ? QVariant(category.toString().trimmed()) : QVariant(),
                              tags.isArray() ? QVariant(QString::fromUtf8(core::json::compact(tags.toArray()))) : QVariant(),
                              QString::fromUtf8(core::json::compact(QJsonArray::fromStringList(used))),
                              active.toBool(true)};
    const QString json = m_db->jsonParam();
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE templates SET name = ?, subject = ?, body_html = ?, body_text = ?, category = ?, tags = %1, "
                                                 "variables = %1, is_active = ?, updated_at = %2 WHERE id = ?")
                                      .arg(json, m_db->timestampParam()),
                                  values + QVariantList{now, *id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("no template %1").arg(*id));
        return get(*id);
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO templates (name, subject, body_html, body_text, category, tags, variables, is_active, created_by, "
                                              "created_at, updated_at) VALUES (?, ?, ?, ?, ?, %1, %1, ?, ?, %2, %2) RETURNING id")
                                   .arg(json, m_db->timestampParam()),
                               values + QVariantList{actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    return get(row->value(0).toLongLong());
}

core::Result<QJsonObject> TemplateService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> TemplateService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Status TemplateService::remove(qint64 id)
{
    auto done = m_db->execute(QStringLiteral("DELETE FROM templates WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no template %1").arg(id));
    return {};
}

core::Result<QJsonObject> TemplateService::duplicate(const leads::Actor &actor, qint64 id)
{
    auto original = get(id);
    if (!original)
        return original.error();
    const QString base = original->value(QStringLiteral("name")).toString().left(185);
    QString name = base + QStringLiteral(" (copy)");
    for (int n = 2; n < 1000; ++n) {
        auto taken = m_db->select(QStringLiteral("SELECT 1 FROM templates WHERE name = ?"), {name});
        if (!taken)
            return taken.error();
        if (taken->isEmpty())
            break;
        name = QStringLiteral("%1 (copy %2)").arg(base).arg(n);
    }
    QJsonObject fields;
    for (const char *key : {"subject", "body_html", "body_text", "category", "tags"})
        if (const QJsonValue v = original->value(QLatin1String(key)); !v.isNull())
            fields.insert(QLatin1String(key), v);
    fields.insert(QStringLiteral("name"), name);
    fields.insert(QStringLiteral("is_active"), false);
    return create(actor, fields);
}

core::Result<QJsonObject> TemplateService::preview(const QJsonObject &request, std::optional<qint64> id)
{
    QJsonObject parts;
    if (id) {
        auto t = get(*id);
        if (!t)
            return t.error();
        parts = *t;
    } else if (request.value(QStringLiteral("template")).isObject()) {
        parts = request.value(QStringLiteral("template")).toObject();
    } else {
        return invalid(QStringLiteral("template"), QStringLiteral("is required: {subject, body_html, body_text}"));
    }
    // A draft previews with any variable name (an unknown one renders empty and is listed).
    auto parsed = parseParts(parts, id ? &knownTemplateVariables() : nullptr);
    if (!parsed)
        return parsed.error();
    TemplateVariables vars;
    qint64 leadId = 0;
    if (const QJsonValue lead = request.value(QStringLiteral("lead_id")); !lead.isUndefined() && !lead.isNull()) {
        if (!lead.isDouble() || lead.toInteger() <= 0)
            return invalid(QStringLiteral("lead_id"), QStringLiteral("must be a lead's id"));
        auto l = m_leads.get(lead.toInteger());
        if (!l)
            return l.error();
        leadId = lead.toInteger();
        vars = templateVariablesFor(*l, request.value(QStringLiteral("sender")).toObject(), request.value(QStringLiteral("campaign")).toObject(),
                                    QStringLiteral("https://example.invalid/u/preview"));
    } else if (request.value(QStringLiteral("variables")).isObject()) {
        const QJsonObject given = request.value(QStringLiteral("variables")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            vars.insert(templateVariableKey(it.key()), it.value().toVariant().toString());
    } else {
        return invalid(QStringLiteral("lead_id"), QStringLiteral("or variables is required: whom to preview for"));
    }
    // The seed a campaign's first step would use for this lead (campaign 0: not one yet).
    const quint64 seed = recipientSeed(request.value(QStringLiteral("campaign_id")).toInteger(0), leadId, 1);
    QJsonArray empty;
    QStringList used = parsed->subject.variables() + parsed->html.variables() + parsed->text.variables();
    used.removeDuplicates();
    for (const QString &v : std::as_const(used))
        if (vars.value(v).trimmed().isEmpty())
            empty.append(v);
    const QString html = parsed->hasHtml ? parsed->html.render(vars, seed) : QString();
    const QString text = parsed->hasText ? parsed->text.render(vars, seed) : htmlToText(html);
    return QJsonObject{{QStringLiteral("subject"), parsed->subject.render(vars, seed)},
                       {QStringLiteral("html"), parsed->hasHtml ? QJsonValue(html) : QJsonValue()},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("text_generated"), !parsed->hasText},
                       {QStringLiteral("empty"), empty}};
}

core::Result<QJsonObject> TemplateService::bulk(const QJsonObject &request)
{
    const QJsonArray ids = request.value(QStringLiteral("ids")).toArray();
    if (ids.isEmpty() || ids.size() > 1000)
        return invalid(QStringLiteral("ids"), QStringLiteral("must list 1 to 1,000 templates"));
    QVariantList params;
    for (const auto &v : ids) {
        if (!v.isDouble() || v.toInteger() <= 0)
            return invalid(QStringLiteral("ids"), QStringLiteral("must be templates' ids"));
        params << v.toInteger();
    }
    const QString action = request.value(QStringLiteral("action")).toString();
    const QString in = storage::Database::placeholders(params.size());
    core::Result<storage::ExecResult> done = core::makeError(ErrorCode::Internal, QString());
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    if (action == QLatin1String("activate") || action == QLatin1String("deactivate")) {
        done = m_db->execute(QStringLiteral("UPDATE templates SET is_active = %1, updated_at = %2 WHERE id IN (%3)")
                                 .arg(m_db->boolLiteral(action == QLatin1String("activate")), m_db->timestampParam(), in),
                             QVariantList{now} + params);
    } else if (action == QLatin1String("delete")) {
        done = m_db->execute(QStringLiteral("DELETE FROM templates WHERE id IN (%1)").arg(in), params);
    } else if (action == QLatin1String("categorise") || action == QLatin1String("categorize")) {
        const QJsonValue category = request.value(QStringLiteral("category"));
        if (!category.isNull() && (!category.isString() || category.toString().size() > 100))
            return invalid(QStringLiteral("category"), QStringLiteral("must be text of at most 100 characters (null clears it)"));
        done = m_db->execute(QStringLiteral("UPDATE templates SET category = ?, updated_at = %1 WHERE id IN (%2)").arg(m_db->timestampParam(), in),
                             QVariantList{category.toString().trimmed().isEmpty() ? QVariant() : QVariant(category.toString().trimmed()), now} + params);
    } else {
        return invalid(QStringLiteral("action"), QStringLiteral("must be activate, deactivate, delete or categorise"));
    }
    if (!done)
        return done.error();
    return QJsonObject{{QStringLiteral("affected"), done->rowsAffected}};
}

core::Result<QJsonObject> TemplateService::sendTest(qint64 id, const QJsonObject &request, SenderAccountService &senders)
{
    QStringList to;
    const QJsonValue list = request.value(QStringLiteral("to"));
    for (const auto &v : list.toArray())
        to << v.toString().trimmed();
    static const QRegularExpression email(QStringLiteral("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[A-Za-z]{2,}$"));
    if (!list.isArray() || to.isEmpty() || to.size() > 5)
        return invalid(QStringLiteral("to"), QStringLiteral("must list 1 to 5 addresses to send the test to"));
    for (const QString &t : std::as_const(to))
        if (!email.match(t).hasMatch())
            return invalid(QStringLiteral("to"), QStringLiteral("\"%1\" is not an e-mail address").arg(t.left(100)));
    const QJsonValue account = request.value(QStringLiteral("sender_account_id"));
    if (!account.isDouble() || account.toInteger() <= 0)
        return invalid(QStringLiteral("sender_account_id"), QStringLiteral("is required: the account to send from"));
    QJsonObject previewRequest{{QStringLiteral("sender"), request.value(QStringLiteral("sender")).toObject()}};
    if (request.value(QStringLiteral("lead_id")).isDouble())
        previewRequest.insert(QStringLiteral("lead_id"), request.value(QStringLiteral("lead_id")));
    else
        previewRequest.insert(QStringLiteral("variables"), sampleRecipient());
    auto rendered = preview(previewRequest, id);
    if (!rendered)
        return rendered.error();
    mail::OutgoingMessage m;
    m.subject = QStringLiteral("[Test] ") + rendered->value(QStringLiteral("subject")).toString();
    m.text = rendered->value(QStringLiteral("text")).toString();
    m.html = rendered->value(QStringLiteral("html")).toString();
    auto sent = senders.send(account.toInteger(), m, to);
    if (!sent)
        return sent.error();
    return QJsonObject{{QStringLiteral("sent"), int(to.size())}, {QStringLiteral("message_id"), sent->value(QStringLiteral("message_id"))},
                       {QStringLiteral("subject"), m.subject}};
}

core::Result<QJsonObject> TemplateService::performance(qint64 id)
{
    if (auto t = get(id); !t)
        return t.error();
    auto rows = m_db->select(QStringLiteral("SELECT total_sent, total_opened, total_clicked, total_replied, avg_open_time_minutes, last_used_at "
                                            "FROM template_performance WHERE template_id = ?"),
                             {id});
    if (!rows)
        return rows.error();
    const storage::Row r = rows->isEmpty() ? storage::Row() : rows->first();
    const qint64 sent = r.value(0).toLongLong();
    // Rates in tenths of a percent (integers: the same figure on every backend).
    auto rate = [sent](qint64 n) { return sent > 0 ? QJsonValue(double(n * 1000 / sent) / 10.0) : QJsonValue(0); };
    return QJsonObject{{QStringLiteral("template_id"), id},
                       {QStringLiteral("total_sent"), sent},
                       {QStringLiteral("total_opened"), r.value(1).toLongLong()},
                       {QStringLiteral("total_clicked"), r.value(2).toLongLong()},
                       {QStringLiteral("total_replied"), r.value(3).toLongLong()},
                       {QStringLiteral("open_rate"), rate(r.value(1).toLongLong())},
                       {QStringLiteral("click_rate"), rate(r.value(2).toLongLong())},
                       {QStringLiteral("reply_rate"), rate(r.value(3).toLongLong())},
                       {QStringLiteral("avg_open_time_minutes"), r.value(4).isNull() ? QJsonValue() : QJsonValue(r.value(4).toInt())},
                       {QStringLiteral("last_used_at"),
                        r.value(5).isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(5))))}};
}

} // namespace fliptech::campaigns
