#include "fliptech/automation/ruleservice.h"

#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/checks.h"
#include "notify.h"
#include "storedjson.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/eventcause.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRules, "fliptech.automation.rules")

namespace fliptech::automation {

using core::ErrorCode;
using core::fieldError;
using core::makeError;
using storage::Database;

struct RuleService::Rule {
    qint64 id = 0;
    QString name;
    QString trigger;
    Condition condition;
    QJsonArray actions;
    int priority = 0;
    bool stopProcessing = false;
    std::optional<qint64> createdBy;
    qint64 createdAtMs = 0;
};

namespace {

const QString kColumns = QStringLiteral("id, name, description, trigger_event, conditions, logic_operator, actions, priority, is_active, "
                                        "stop_processing, created_by, created_at, updated_at");
const QStringList kFields{QStringLiteral("name"),     QStringLiteral("description"), QStringLiteral("trigger"),
                          QStringLiteral("conditions"), QStringLiteral("logic_operator"), QStringLiteral("actions"),
                          QStringLiteral("priority"), QStringLiteral("is_active"),   QStringLiteral("stop_processing")};

struct TriggerInfo {
    const char *name;
    const char *description;
};
const TriggerInfo kTriggers[] = {
    {"lead_created", "A lead was added (by hand, an import of one, a scrape, the API)"},
    {"lead_updated", "A lead's fields changed (conditions may ask what changed: changed, changed_from, changed_to)"},
    {"lead_status_changed", "A lead's status or deal stage changed"},
    {"lead_tagged", "Tags were added to a lead"},
    {"message_received", "A reply came in from a lead (conditions may test message_kind and message_sentiment)"},
};

// Actions the product names that this version cannot do yet: refused when a rule is saved.
QJsonObject ruleJson(const storage::Row &r)
{
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("name"), r.value(1).toString()},
            {QStringLiteral("description"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
            {QStringLiteral("trigger"), r.value(3).toString()},
            {QStringLiteral("conditions"), storedJson(r.value(4))},
            {QStringLiteral("logic_operator"), r.value(5).toString()},
            {QStringLiteral("actions"), storedJson(r.value(6))},
            {QStringLiteral("priority"), r.value(7).toInt()},
            {QStringLiteral("is_active"), r.value(8).toBool()},
            {QStringLiteral("stop_processing"), r.value(9).toBool()},
            {QStringLiteral("created_by"), r.value(10).isNull() ? QJsonValue() : QJsonValue(r.value(10).toLongLong())},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(11))},
            {QStringLiteral("updated_at"), Database::timestampJson(r.value(12))}};
}

// "{{city}}" in a note or a notification: the lead's field.
QString fill(const QString &text, const QJsonObject &lead)
{
    static const QRegularExpression var(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    QString out;
    qsizetype at = 0;
    for (auto it = var.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(at, m.capturedStart() - at);
        const QJsonValue v = lead.value(m.captured(1));
        out += v.isDouble() ? QString::number(v.toInteger()) : v.toString();
        at = m.capturedEnd();
    }
    return out + text.mid(at);
}

core::Status textParam(const QJsonObject &p, const QString &key, const QString &path, int maxLength)
{
    const QJsonValue v = p.value(key);
    if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > maxLength)
        return fieldError(path + u'.' + key, QStringLiteral("must be a text of 1 to %1 characters").arg(maxLength));
    return {};
}

core::Status tagList(const QJsonObject &p, const QString &path)
{
    const QJsonArray tags = p.value(QStringLiteral("tags")).toArray();
    if (!p.value(QStringLiteral("tags")).isArray() || tags.isEmpty() || tags.size() > 20)
        return fieldError(path + QStringLiteral(".tags"), QStringLiteral("must be a list of 1 to 20 tag names"));
    for (const QJsonValue &t : tags)
        if (!t.isString() || t.toString().trimmed().isEmpty() || t.toString().size() > 50)
            return fieldError(path + QStringLiteral(".tags"), QStringLiteral("must hold tag names of 1 to 50 characters"));
    return {};
}

} // namespace

RuleService::RuleService(std::shared_ptr<storage::Database> db, storage::EventStore *events, leads::LeadService &leads, leads::NoteService &notes,
                         const core::Clock &clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_events(events), m_leads(leads), m_notes(notes), m_clock(clock)
{
    registerBuiltins();
}

RuleService::~RuleService()
{
    stopConsuming();
}

void RuleService::registerAction(RuleActionType type)
{
    QMutexLocker lock(&m_mutex);
    m_actions.insert(type.name, std::move(type));
}

QJsonArray RuleService::actionTypes() const
{
    QMutexLocker lock(&m_mutex);
    QStringList names = m_actions.keys();
    std::sort(names.begin(), names.end());
    QJsonArray out;
    for (const QString &n : names)
        out.append(QJsonObject{{QStringLiteral("name"), n}, {QStringLiteral("label"), m_actions[n].label}, {QStringLiteral("description"), m_actions[n].description}});
    return out;
}

QJsonArray RuleService::triggers()
{
    QJsonArray out;
    for (const TriggerInfo &t : kTriggers)
        out.append(QJsonObject{{QStringLiteral("name"), QLatin1String(t.name)}, {QStringLiteral("description"), QLatin1String(t.description)}});
    return out;
}

QJsonArray RuleService::fields()
{
    QJsonArray out;
    for (const ConditionField &f : leadConditionFields()) {
        const char *kind = f.kind == FieldKind::Text ? "text" : f.kind == FieldKind::Number ? "number" : f.kind == FieldKind::Time ? "time" : "tags";
        out.append(QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("kind"), QLatin1String(kind)},
                               {QStringLiteral("operators"), QJsonArray::fromStringList(operatorsFor(f.kind))}});
    }
    return out;
}

void RuleService::registerBuiltins()
{
    registerAction({QStringLiteral("request_approval"), QStringLiteral("Ask for approval"),
                    QStringLiteral("{title?, decide_role? user|admin, decide_user_id?, deadline_hours? (1-720, default 24), default? rejected|approved}: "
                                   "the actions after it wait for a decision"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("title"), QStringLiteral("decide_role"), QStringLiteral("decide_user_id"),
                                                            QStringLiteral("deadline_hours"), QStringLiteral("default")},
                                                        path, QStringLiteral("action"));
                            !st)
                            return st;
                        if (p.contains(QStringLiteral("title")))
                            if (auto st = textParam(p, QStringLiteral("title"), path, 300); !st)
                                return st;
                        return checkApprovalTerms(p, path);
                    },
                    [](const ActionContext &, const QJsonObject &) -> core::Result<QJsonObject> {
                        return makeError(ErrorCode::Internal, QStringLiteral("request_approval is run by the rule runner"));
                    }});
    auto leadUpdate = [this](const ActionContext &c, const QJsonObject &fields) -> core::Result<QJsonObject> {
        auto updated = m_leads.update(c.actor, c.leadId, fields);
        if (!updated)
            return updated.error();
        return fields;
    };
    registerAction({QStringLiteral("set_field"), QStringLiteral("Set a field"), QStringLiteral("{field, value}: a lead field takes the value ({{field}} in a text is the lead's)"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("field"), QStringLiteral("value")}, path, QStringLiteral("action")); !st)
                            return st;
                        const leads::LeadField *f = leads::leadField(p.value(QStringLiteral("field")).toString());
                        if (!f || !f->writable || f->name == u"source" || f->name == u"source_id")
                            return fieldError(path + QStringLiteral(".field"), QStringLiteral("must name a lead field a rule may set"));
                        if (!p.contains(QStringLiteral("value")))
                            return fieldError(path + QStringLiteral(".value"), QStringLiteral("is required (null empties the field)"));
                        return {};
                    },
                    [leadUpdate](const ActionContext &c, const QJsonObject &p) {
                        QJsonValue v = p.value(QStringLiteral("value"));
                        if (v.isString())
                            v = fill(v.toString(), c.lead);
                        return leadUpdate(c, {{p.value(QStringLiteral("field")).toString(), v}});
                    }});
    for (const auto &[name, field, label] : {std::tuple{"set_status", "status", "Set the status"}, std::tuple{"set_stage", "deal_stage", "Set the deal stage"}}) {
        const QString key = QLatin1String(field);
        registerAction({QLatin1String(name), QLatin1String(label), QStringLiteral("{value}"),
                        [](const QJsonObject &p, const QString &path) -> core::Status {
                            if (auto st = onlyKnownSettings(p, {QStringLiteral("value")}, path, QStringLiteral("action")); !st)
                                return st;
                            return textParam(p, QStringLiteral("value"), path, 50);
                        },
                        [leadUpdate, key](const ActionContext &c, const QJsonObject &p) { return leadUpdate(c, {{key, p.value(QStringLiteral("value"))}}); }});
    }
    registerAction({QStringLiteral("add_tags"), QStringLiteral("Add tags"), QStringLiteral("{tags: [names]} (made when missing)"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("tags")}, path, QStringLiteral("action")); !st)
                            return st;
                        return tagList(p, path);
                    },
                    [this](const ActionContext &c, const QJsonObject &p) -> core::Result<QJsonObject> {
                        auto added = m_leads.addTags(c.actor, c.leadId, p.value(QStringLiteral("tags")).toArray());
                        if (!added)
                            return added.error();
                        return QJsonObject{{QStringLiteral("tags"), p.value(QStringLiteral("tags"))}};
                    }});
    registerAction({QStringLiteral("remove_tags"), QStringLiteral("Remove tags"), QStringLiteral("{tags: [names]}"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("tags")}, path, QStringLiteral("action")); !st)
                            return st;
                        return tagList(p, path);
                    },
                    [this](const ActionContext &c, const QJsonObject &p) -> core::Result<QJsonObject> {
                        QJsonArray removed;
                        for (const QJsonValue &t : p.value(QStringLiteral("tags")).toArray()) {
                            auto row = m_db->selectOne(QStringLiteral("SELECT t.id FROM tags t JOIN lead_tags lt ON lt.tag_id = t.id WHERE lt.lead_id = ? AND lower(t.name) = lower(?)"),
                                                       {c.leadId, t.toString().trimmed()});
                            if (!row) {
                                if (row.error().code == ErrorCode::NotFound)
                                    continue;
                                return row.error();
                            }
                            if (auto st = m_leads.removeTag(c.actor, c.leadId, row->value(0).toLongLong()); !st)
                                return st.error();
                            removed.append(t);
                        }
                        return QJsonObject{{QStringLiteral("removed"), removed}};
                    }});
    registerAction({QStringLiteral("add_note"), QStringLiteral("Add a note"), QStringLiteral("{text} ({{field}} is the lead's)"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("text")}, path, QStringLiteral("action")); !st)
                            return st;
                        return textParam(p, QStringLiteral("text"), path, 10000);
                    },
                    [this](const ActionContext &c, const QJsonObject &p) -> core::Result<QJsonObject> {
                        auto note = m_notes.add(c.actor, c.leadId, fill(p.value(QStringLiteral("text")).toString(), c.lead));
                        if (!note)
                            return note.error();
                        return QJsonObject{{QStringLiteral("note_id"), note->value(QStringLiteral("id"))}};
                    }});
    registerAction({QStringLiteral("assign"), QStringLiteral("Assign"), QStringLiteral("{user_id}, or {round_robin: true}: each match to the next active user in turn"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("user_id"), QStringLiteral("round_robin")}, path, QStringLiteral("action")); !st)
                            return st;
                        const bool rr = p.value(QStringLiteral("round_robin")).toBool();
                        const QJsonValue user = p.value(QStringLiteral("user_id"));
                        if (rr == user.isDouble() || (!rr && user.toInteger() <= 0))
                            return fieldError(path, QStringLiteral("needs user_id (a user's id) or round_robin: true, one of the two"));
                        return {};
                    },
                    [this, leadUpdate](const ActionContext &c, const QJsonObject &p) -> core::Result<QJsonObject> {
                        qint64 user = p.value(QStringLiteral("user_id")).toInteger();
                        if (p.value(QStringLiteral("round_robin")).toBool()) {
                            const QString key = QStringLiteral("assign_turn:%1").arg(c.ruleId);
                            auto last = m_db->select(QStringLiteral("SELECT value FROM automation_state WHERE name = ?"), {key});
                            if (!last)
                                return last.error();
                            const qint64 after = last->isEmpty() ? 0 : last->first().value(0).toLongLong();
                            auto next = m_db->selectOne(QStringLiteral("SELECT COALESCE((SELECT MIN(id) FROM users WHERE is_active = %1 AND role <> 'viewer' AND id > ?), "
                                                                       "(SELECT MIN(id) FROM users WHERE is_active = %1 AND role <> 'viewer'))")
                                                            .arg(m_db->boolLiteral(true)),
                                                        {after});
                            if (!next)
                                return next.error();
                            if (next->value(0).isNull())
                                return makeError(ErrorCode::NotFound, QStringLiteral("no active user to assign to"));
                            user = next->value(0).toLongLong();
                            auto kept = m_db->execute(QStringLiteral("INSERT INTO automation_state (name, value, updated_at) VALUES (?, ?, %1) "
                                                                     "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
                                                          .arg(m_db->timestampParam()),
                                                      {key, user, m_db->timestamp(m_clock.now())});
                            if (!kept)
                                return kept.error();
                        }
                        return leadUpdate(c, {{QStringLiteral("assigned_to"), user}});
                    }});
    registerAction({QStringLiteral("notify"), QStringLiteral("Notify"), QStringLiteral("{title, message?, user_id?}: an in-app notification to a user (default: the rule's maker)"),
                    [](const QJsonObject &p, const QString &path) -> core::Status {
                        if (auto st = onlyKnownSettings(p, {QStringLiteral("title"), QStringLiteral("message"), QStringLiteral("user_id")}, path, QStringLiteral("action")); !st)
                            return st;
                        if (auto st = textParam(p, QStringLiteral("title"), path, 200); !st)
                            return st;
                        if (p.contains(QStringLiteral("message")))
                            if (auto st = textParam(p, QStringLiteral("message"), path, 2000); !st)
                                return st;
                        if (p.contains(QStringLiteral("user_id")) && p.value(QStringLiteral("user_id")).toInteger() <= 0)
                            return fieldError(path + QStringLiteral(".user_id"), QStringLiteral("must be a user's id"));
                        return {};
                    },
                    [this](const ActionContext &c, const QJsonObject &p) -> core::Result<QJsonObject> {
                        const qint64 user = p.contains(QStringLiteral("user_id")) ? p.value(QStringLiteral("user_id")).toInteger() : c.actor.userId.value_or(0);
                        if (user <= 0)
                            return makeError(ErrorCode::NotFound, QStringLiteral("nobody to notify: the rule's maker is gone; name a user_id"));
                        const QString title = fill(p.value(QStringLiteral("title")).toString(), c.lead);
                        const QString message = fill(p.value(QStringLiteral("message")).toString(), c.lead);
                        auto id = notifyUser(*m_db, m_events, m_clock.now(),
                                             {user, QStringLiteral("rule"), title, message, QStringLiteral("info"), QStringLiteral("/leads/%1").arg(c.leadId),
                                              {{QStringLiteral("rule_id"), c.ruleId}, {QStringLiteral("lead_id"), c.leadId}}});
                        if (!id)
                            return id.error();
                        // Nothing made: the user turned rule notices off (said, not an error).
                        return QJsonObject{{QStringLiteral("notification_id"), id->has_value() ? QJsonValue(**id) : QJsonValue()},
                                           {QStringLiteral("user_id"), user},
                                           {QStringLiteral("muted"), !id->has_value()}};
                    }});
}

core::Status RuleService::checkActions(const QJsonValue &value)
{
    const QJsonArray actions = value.toArray();
    if (!value.isArray() || actions.isEmpty() || actions.size() > 20)
        return fieldError(QStringLiteral("actions"), QStringLiteral("must be a list of 1 to 20 actions, each {type, ...its settings}"));
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString path = QStringLiteral("actions[%1]").arg(i);
        if (!actions.at(i).isObject())
            return fieldError(path, QStringLiteral("must be an object {type, ...its settings}"));
        const QJsonObject a = actions.at(i).toObject();
        const QString type = a.value(QStringLiteral("type")).toString();
        const auto it = m_actions.constFind(type);
        if (it == m_actions.constEnd()) {
            QStringList names = m_actions.keys();
            std::sort(names.begin(), names.end());
            return fieldError(path + QStringLiteral(".type"), QStringLiteral("'%1' is not an action (one of %2)").arg(type.left(60), names.join(QStringLiteral(", "))));
        }
        QJsonObject settings = a;
        settings.remove(QStringLiteral("type"));
        if (it->validate)
            if (auto st = it->validate(settings, path); !st)
                return st;
        if (type == u"request_approval" && i == actions.size() - 1)
            return fieldError(path, QStringLiteral("must be followed by the actions that wait for the approval"));
    }
    return {};
}

core::Result<QJsonArray> RuleService::list()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM rules ORDER BY priority DESC, id").arg(kColumns));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(ruleJson(r));
    return out;
}

core::Result<QJsonObject> RuleService::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM rules WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No rule %1").arg(id)) : row.error();
    return ruleJson(*row);
}

core::Result<QJsonObject> RuleService::create(const leads::Actor &actor, const QJsonObject &fields)
{
    return write(actor, std::nullopt, fields);
}

core::Result<QJsonObject> RuleService::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields)
{
    return write(actor, id, fields);
}

core::Result<QJsonObject> RuleService::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &f)
{
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!kFields.contains(it.key()))
            return fieldError(it.key(), QStringLiteral("is not a field of a rule (%1)").arg(kFields.join(QStringLiteral(", "))));
    QJsonObject m;
    if (id) {
        auto current = get(*id);
        if (!current)
            return current.error();
        if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("rule %1").arg(*id), QStringLiteral("change")); !st)
            return st.error();
        for (const QString &k : kFields)
            m.insert(k, current->value(k));
    }
    for (auto it = f.begin(); it != f.end(); ++it)
        m.insert(it.key(), it.value());
    const QString name = m.value(QStringLiteral("name")).toString().trimmed();
    if (!m.value(QStringLiteral("name")).isString() || name.isEmpty() || name.size() > 200)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QJsonValue description = m.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isNull() && (!description.isString() || description.toString().size() > 2000))
        return fieldError(QStringLiteral("description"), QStringLiteral("must be text of at most 2000 characters"));
    const QString trigger = m.value(QStringLiteral("trigger")).toString();
    bool knownTrigger = false;
    QStringList triggerNames;
    for (const TriggerInfo &t : kTriggers) {
        triggerNames << QLatin1String(t.name);
        knownTrigger = knownTrigger || trigger == QLatin1String(t.name);
    }
    if (!knownTrigger)
        return fieldError(QStringLiteral("trigger"), QStringLiteral("must be one of %1").arg(triggerNames.join(QStringLiteral(", "))));
    const QJsonValue logicValue = m.value(QStringLiteral("logic_operator"));
    if (!logicValue.isUndefined() && !logicValue.isString())
        return fieldError(QStringLiteral("logic_operator"), QStringLiteral("must be AND or OR"));
    const QString logic = logicValue.toString(QStringLiteral("AND")).toUpper();
    const QJsonValue conditions = m.value(QStringLiteral("conditions"));
    if (auto c = Condition::parse(conditions, logic); !c)
        return c.error();
    if (auto st = checkActions(m.value(QStringLiteral("actions"))); !st)
        return st.error();
    const QJsonValue priority = m.value(QStringLiteral("priority"));
    if (!priority.isUndefined() && (!priority.isDouble() || priority.toDouble() != double(priority.toInteger()) || qAbs(priority.toInteger()) > 1000000))
        return fieldError(QStringLiteral("priority"), QStringLiteral("must be a whole number (higher runs first)"));
    for (const char *flag : {"is_active", "stop_processing"}) {
        const QJsonValue v = m.value(QLatin1String(flag));
        if (!v.isUndefined() && !v.isBool())
            return fieldError(QLatin1String(flag), QStringLiteral("must be true or false"));
    }
    const QString conditionsText = conditions.isArray() || conditions.isObject() ? jsonText(conditions) : QStringLiteral("[]");
    const QVariant now = m_db->timestamp(m_clock.now());
    const QVariantList values{name,     description.isString() ? QVariant(description.toString()) : QVariant(), trigger, conditionsText, logic,
                              jsonText(m.value(QStringLiteral("actions"))), int(priority.toInteger())};
    const QString active = m_db->boolLiteral(m.value(QStringLiteral("is_active")).toBool(true));
    const QString stop = m_db->boolLiteral(m.value(QStringLiteral("stop_processing")).toBool(false));
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE rules SET name = ?, description = ?, trigger_event = ?, conditions = %1, logic_operator = ?, actions = %1, "
                                                 "priority = ?, is_active = %2, stop_processing = %3, updated_at = %4 WHERE id = ?")
                                      .arg(m_db->jsonParam(), active, stop, m_db->timestampParam()),
                                  values + QVariantList{now, *id});
        if (!done)
            return done.error();
    } else {
        auto row = m_db->selectOne(QStringLiteral("INSERT INTO rules (name, description, trigger_event, conditions, logic_operator, actions, priority, is_active, "
                                                  "stop_processing, created_by, created_at, updated_at) VALUES (?, ?, ?, %1, ?, %1, ?, %2, %3, ?, %4, %4) RETURNING id")
                                       .arg(m_db->jsonParam(), active, stop, m_db->timestampParam()),
                                   values + QVariantList{actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
        if (!row)
            return row.error();
        id = row->value(0).toLongLong();
    }
    announce(QStringLiteral("rule_changed"), {{QStringLiteral("rule_id"), *id}});
    Q_EMIT changed();
    return get(*id);
}

core::Status RuleService::remove(const leads::Actor &actor, qint64 id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    if (auto st = mayChange(actor, current->value(QStringLiteral("created_by")), QStringLiteral("rule %1").arg(id), QStringLiteral("delete")); !st)
        return st;
    if (auto done = m_db->execute(QStringLiteral("DELETE FROM rules WHERE id = ?"), {id}); !done)
        return done.error();
    announce(QStringLiteral("rule_changed"), {{QStringLiteral("rule_id"), id}, {QStringLiteral("deleted"), true}});
    Q_EMIT changed();
    return {};
}

core::Result<QJsonArray> RuleService::executions(qint64 id, int limit)
{
    if (auto exists = get(id); !exists)
        return exists.error();
    auto rows = m_db->select(QStringLiteral("SELECT id, entity_type, entity_id, matched, actions_taken, error_message, executed_at, event_id, depth "
                                            "FROM rule_executions WHERE rule_id = ? ORDER BY id DESC LIMIT ?"),
                             {id, std::clamp(limit, 1, 1000)});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("entity_type"), r.value(1).toString()},
                               {QStringLiteral("entity_id"), r.value(2).toLongLong()},
                               {QStringLiteral("matched"), r.value(3).toBool()},
                               {QStringLiteral("actions_taken"), storedJson(r.value(4))},
                               {QStringLiteral("error_message"), r.value(5).isNull() ? QJsonValue() : QJsonValue(r.value(5).toString())},
                               {QStringLiteral("executed_at"), Database::timestampJson(r.value(6))},
                               {QStringLiteral("event_id"), r.value(7).isNull() ? QJsonValue() : QJsonValue(r.value(7).toLongLong())},
                               {QStringLiteral("depth"), r.value(8).toInt()}});
    return out;
}

core::Result<QJsonObject> RuleService::test(qint64 id, const QJsonObject &request)
{
    for (auto it = request.begin(); it != request.end(); ++it)
        if (it.key() != u"lead_id" && it.key() != u"limit")
            return fieldError(it.key(), QStringLiteral("is not a field of a dry run (lead_id, or limit: the newest leads)"));
    auto rule = get(id);
    if (!rule)
        return rule.error();
    auto condition = Condition::parse(rule->value(QStringLiteral("conditions")), rule->value(QStringLiteral("logic_operator")).toString());
    if (!condition)
        return condition.error();
    QList<qint64> ids;
    if (request.contains(QStringLiteral("lead_id"))) {
        if (request.value(QStringLiteral("lead_id")).toInteger() <= 0)
            return fieldError(QStringLiteral("lead_id"), QStringLiteral("must be a lead's id"));
        ids << request.value(QStringLiteral("lead_id")).toInteger();
    } else {
        const QJsonValue limit = request.value(QStringLiteral("limit"));
        if (!limit.isUndefined() && (!limit.isDouble() || limit.toInt() < 1 || limit.toInt() > 500))
            return fieldError(QStringLiteral("limit"), QStringLiteral("must be a whole number from 1 to 500"));
        auto rows = m_db->select(QStringLiteral("SELECT id FROM leads WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?"), {limit.toInt(20)});
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            ids << r.value(0).toLongLong();
    }
    const QDateTime now = m_clock.now();
    QJsonArray items;
    int matched = 0;
    for (qint64 leadId : ids) {
        auto lead = m_leads.get(leadId);
        if (!lead)
            return lead.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No lead %1").arg(leadId)) : lead.error();
        const bool hit = condition->matches(*lead, {}, now);
        matched += hit ? 1 : 0;
        QJsonArray would;
        if (hit)
            for (const QJsonValue &a : rule->value(QStringLiteral("actions")).toArray())
                would.append(a);
        items.append(QJsonObject{{QStringLiteral("lead_id"), leadId}, {QStringLiteral("name"), lead->value(QStringLiteral("name"))},
                                 {QStringLiteral("matched"), hit}, {QStringLiteral("actions"), would}});
    }
    return QJsonObject{{QStringLiteral("evaluated"), int(ids.size())}, {QStringLiteral("matched"), matched}, {QStringLiteral("items"), items},
                       {QStringLiteral("note"), QStringLiteral("A dry run: nothing was changed. Conditions on what changed (changed, changed_from, changed_to) match only a real update.")}};
}

core::Result<QList<std::shared_ptr<const RuleService::Rule>>> RuleService::activeRules()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM rules WHERE is_active = %2 ORDER BY priority DESC, id").arg(kColumns, m_db->boolLiteral(true)));
    if (!rows)
        return rows.error();
    QList<std::shared_ptr<const Rule>> out;
    for (const auto &r : *rows) {
        auto rule = std::make_shared<Rule>();
        rule->id = r.value(0).toLongLong();
        rule->name = r.value(1).toString();
        rule->trigger = r.value(3).toString();
        auto c = Condition::parse(storedJson(r.value(4)), r.value(5).toString());
        if (!c) {
            qCWarning(lcRules) << "rule" << rule->id << "has conditions this version refuses:" << c.error().message;
            continue;
        }
        rule->condition = std::move(*c);
        rule->actions = storedJson(r.value(6)).toArray();
        rule->priority = r.value(7).toInt();
        rule->stopProcessing = r.value(9).toBool();
        if (!r.value(10).isNull())
            rule->createdBy = r.value(10).toLongLong();
        rule->createdAtMs = Database::toDateTime(r.value(11)).toMSecsSinceEpoch();
        out.append(rule);
    }
    return out;
}

namespace {

bool triggerMatches(const QString &trigger, const storage::Event &e)
{
    if (trigger == e.type)
        return true;
    if (trigger == u"lead_status_changed" && e.type == u"lead_updated") {
        const QJsonArray fields = e.payload.value(QStringLiteral("fields")).toArray();
        return fields.contains(QStringLiteral("status")) || fields.contains(QStringLiteral("deal_stage"));
    }
    return false;
}

} // namespace

QJsonArray RuleService::runActions(ActionContext &context, const QJsonArray &actions, const QJsonObject &extra, QString *error)
{
    QJsonArray taken;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QJsonObject params = actions.at(i).toObject();
        const QString name = params.value(QStringLiteral("type")).toString();
        if (name == u"request_approval") {
            if (!m_approvals) {
                *error = QStringLiteral("approvals are not available in this process");
                break;
            }
            // The rest wait for the decision: parked in the approval with what they need to run.
            ApprovalRequest request;
            request.kind = approvalKind;
            request.entityId = context.leadId;
            request.title = params.value(QStringLiteral("title")).toString().isEmpty()
                                ? QStringLiteral("%1: %2").arg(context.ruleName, context.lead.value(QStringLiteral("name")).toString())
                                : fill(params.value(QStringLiteral("title")).toString(), context.lead);
            QJsonArray waiting;
            for (qsizetype j = i + 1; j < actions.size(); ++j)
                waiting.append(actions.at(j));
            request.payload = {{QStringLiteral("rule_id"), context.ruleId},
                               {QStringLiteral("rule_name"), context.ruleName},
                               {QStringLiteral("lead_id"), context.leadId},
                               {QStringLiteral("lead_name"), context.lead.value(QStringLiteral("name"))},
                               {QStringLiteral("acting_for"), context.actor.userId ? QJsonValue(*context.actor.userId) : QJsonValue()},
                               {QStringLiteral("depth"), context.depth},
                               {QStringLiteral("event"), context.event},
                               {QStringLiteral("actions"), waiting}};
            request.takeTerms(params);
            request.requestedBy = context.actor.userId;
            request.facts = {{QStringLiteral("rule_id"), context.ruleId},
                             {QStringLiteral("rule_name"), context.ruleName},
                             {QStringLiteral("city"), context.lead.value(QStringLiteral("city"))},
                             {QStringLiteral("region"), context.lead.value(QStringLiteral("region"))},
                             {QStringLiteral("status"), context.lead.value(QStringLiteral("status"))},
                             {QStringLiteral("source"), context.lead.value(QStringLiteral("source"))},
                             {QStringLiteral("category"), context.lead.value(QStringLiteral("category"))},
                             {QStringLiteral("score"), context.lead.value(QStringLiteral("score"))}};
            auto approval = m_approvals->request(request);
            if (!approval) {
                *error = QStringLiteral("Asking for an approval failed: %1").arg(approval.error().userMessage());
                break;
            }
            taken.append(QJsonObject{{QStringLiteral("type"), name},
                                     {QStringLiteral("result"), QJsonObject{{QStringLiteral("approval_id"), approval->value(QStringLiteral("id"))},
                                                                            {QStringLiteral("status"), approval->value(QStringLiteral("status"))},
                                                                            {QStringLiteral("waiting"), int(actions.size() - i - 1)}}}});
            if (approval->value(QStringLiteral("status")).toString() != u"pending") // an auto-approval rule decided it: what ran then
                taken.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("approval_decided")},
                                         {QStringLiteral("result"), QJsonObject{{QStringLiteral("approval_id"), approval->value(QStringLiteral("id"))},
                                                                                {QStringLiteral("outcome"), approval->value(QStringLiteral("outcome"))},
                                                                                {QStringLiteral("auto_rule_id"), approval->value(QStringLiteral("auto_rule_id"))},
                                                                                {QStringLiteral("actions_taken"), approval->value(QStringLiteral("result")).toObject().value(QStringLiteral("actions_taken"))}}}});
            break;
        }
        RuleActionType type;
        {
            QMutexLocker lock(&m_mutex);
            type = m_actions.value(name);
        }
        if (!type.run) {
            *error = QStringLiteral("the action '%1' is not available in this process").arg(name);
            break;
        }
        auto did = type.run(context, params);
        if (!did) {
            *error = QStringLiteral("%1 failed: %2").arg(type.label, did.error().userMessage());
            break;
        }
        taken.append(QJsonObject{{QStringLiteral("type"), type.name}, {QStringLiteral("result"), *did}});
        if (auto again = m_leads.get(context.leadId); again) { // the next action sees what this one did
            context.lead = *again;
            for (auto it = extra.begin(); it != extra.end(); ++it)
                context.lead.insert(it.key(), it.value());
        }
    }
    return taken;
}

void RuleService::setApprovals(ApprovalService *approvals)
{
    m_approvals = approvals;
    ApprovalKind kind;
    kind.name = approvalKind;
    kind.label = QStringLiteral("Rule actions");
    kind.checkEdit = [this](const QJsonObject &edited, const QJsonObject &) -> core::Status {
        for (auto it = edited.begin(); it != edited.end(); ++it)
            if (it.key() != u"actions")
                return fieldError(QStringLiteral("payload.") + it.key(), QStringLiteral("cannot be edited (only payload.actions: what runs once approved)"));
        if (auto st = checkActions(edited.value(QStringLiteral("actions"))); !st) {
            core::Error e = st.error();
            QJsonObject details;
            for (auto it = e.details.begin(); it != e.details.end(); ++it)
                details.insert(QStringLiteral("payload.") + it.key(), it.value());
            e.details = details;
            return e;
        }
        return {};
    };
    kind.resume = [this](const QJsonObject &approval, const QJsonObject &payload, bool approved) -> core::Result<QJsonObject> {
        const QJsonObject original = approval.value(QStringLiteral("payload")).toObject();
        const qint64 executionId = original.value(QStringLiteral("event")).toObject().value(QStringLiteral("execution_id")).toInteger();
        const QJsonArray actions = payload.contains(QStringLiteral("actions")) ? payload.value(QStringLiteral("actions")).toArray()
                                                                                : original.value(QStringLiteral("actions")).toArray();
        QJsonObject result{{QStringLiteral("approved"), approved}};
        QJsonArray taken;
        if (approved) {
            const qint64 leadId = original.value(QStringLiteral("lead_id")).toInteger();
            auto lead = m_leads.get(leadId);
            if (!lead)
                return lead.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("the lead %1 is gone: nothing to do").arg(leadId))
                                                                : lead.error();
            const QJsonValue actingFor = original.value(QStringLiteral("acting_for"));
            const qint64 ruleId = original.value(QStringLiteral("rule_id")).toInteger();
            const int depth = original.value(QStringLiteral("depth")).toInt();
            leads::CauseScope cause({ruleId, depth + 1});
            ActionContext context{leads::Actor{actingFor.isDouble() ? std::optional<qint64>(actingFor.toInteger()) : std::nullopt, true, {}, {}},
                                  ruleId, original.value(QStringLiteral("rule_name")).toString(), depth, leadId, *lead,
                                  original.value(QStringLiteral("event")).toObject()};
            QString error;
            taken = runActions(context, actions, {}, &error);
            if (!error.isEmpty())
                return makeError(ErrorCode::Unavailable, error);
            result.insert(QStringLiteral("actions_taken"), taken);
        } else {
            result.insert(QStringLiteral("not_run"), int(actions.size()));
        }
        // The rule's execution tells the rest of the story.
        if (executionId > 0) {
            auto row = m_db->select(QStringLiteral("SELECT actions_taken FROM rule_executions WHERE id = ?"), {executionId});
            if (!row)
                return row.error();
            if (!row->isEmpty()) {
                QJsonArray all = storedJson(row->first().value(0)).toArray();
                all.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("approval_decided")},
                                       {QStringLiteral("result"), QJsonObject{{QStringLiteral("approval_id"), approval.value(QStringLiteral("id"))},
                                                                              {QStringLiteral("outcome"), approved ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                                                              {QStringLiteral("actions_taken"), taken}}}});
                if (auto saved = m_db->execute(QStringLiteral("UPDATE rule_executions SET actions_taken = %1 WHERE id = ?").arg(m_db->jsonParam()),
                                               {jsonText(all), executionId});
                    !saved)
                    return saved.error();
            }
        }
        return result;
    };
    approvals->registerKind(kind);
}

core::Result<int> RuleService::processPending(int maxEvents)
{
    int done = 0;
    while (done < maxEvents) {
        auto batch = processBatch(std::min(100, maxEvents - done));
        if (!batch)
            return batch.error();
        if (*batch == 0)
            break;
        done += *batch;
    }
    return done;
}

core::Result<int> RuleService::processBatch(int limit)
{
    if (!m_events)
        return 0;
    // With no rule on, the cursor jumps to the newest event instead of reading them in batches.
    // The newest id is read before the rules: a rule made after that read is younger than every
    // event up to it, and a rule acts only on events younger than itself.
    auto newest = m_events->lastId();
    if (!newest)
        return newest.error();
    auto on = m_db->selectOne(QStringLiteral("SELECT COUNT(*) FROM rules WHERE is_active = %1").arg(m_db->boolLiteral(true)));
    if (!on)
        return on.error();
    if (on->value(0).toLongLong() == 0) {
        auto jumped = m_db->execute(QStringLiteral("UPDATE automation_state SET value = ?, updated_at = %1 WHERE name = 'rules_cursor' AND value < ?")
                                        .arg(m_db->timestampParam()),
                                    {*newest, m_db->timestamp(m_clock.now()), *newest});
        if (!jumped)
            return jumped.error();
        return int(jumped->rowsAffected); // 1 when it moved (the caller looks once more), else 0
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto cursor = m_db->selectOne(QStringLiteral("SELECT value FROM automation_state WHERE name = 'rules_cursor'%1").arg(m_db->isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()));
    if (!cursor)
        return cursor.error();
    const qint64 after = cursor->value(0).toLongLong();
    auto events = m_events->since(after, limit);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return 0;
    auto rules = activeRules();
    if (!rules)
        return rules.error();
    const QDateTime now = m_clock.now();
    for (const storage::Event &e : *events) {
        bool wanted = false;
        for (const auto &rule : *rules)
            wanted = wanted || triggerMatches(rule->trigger, e);
        if (!wanted)
            continue;
        qint64 leadId = e.payload.value(QStringLiteral("id")).toInteger();
        QJsonObject extra;
        if (e.type == u"message_received") {
            auto lead = m_db->selectOne(QStringLiteral("SELECT lead_id FROM conversations WHERE id = ?"), {e.payload.value(QStringLiteral("conversation_id")).toInteger()});
            leadId = lead ? lead->value(0).toLongLong() : 0;
            extra.insert(QStringLiteral("message_kind"), e.payload.value(QStringLiteral("kind")));
            extra.insert(QStringLiteral("message_sentiment"), e.payload.value(QStringLiteral("sentiment")));
        }
        if (leadId <= 0)
            continue;
        auto lead = m_leads.get(leadId);
        if (!lead) {
            if (lead.error().code == ErrorCode::NotFound)
                continue; // deleted since
            return lead.error();
        }
        for (auto it = extra.begin(); it != extra.end(); ++it)
            lead->insert(it.key(), it.value());
        const QJsonObject changes = e.payload.value(QStringLiteral("changes")).toObject();
        const int depth = e.payload.value(QStringLiteral("cause")).toObject().value(QStringLiteral("depth")).toInt();
        const qint64 eventMs = e.createdAt.toMSecsSinceEpoch();
        for (const auto &rule : *rules) {
            if (!triggerMatches(rule->trigger, e) || eventMs < rule->createdAtMs)
                continue;
            if (!rule->condition.matches(*lead, changes, now))
                continue;
            // The execution first: its (rule, event) key makes a second run of this event a no-op.
            auto claimed = m_db->select(QStringLiteral("INSERT INTO rule_executions (rule_id, entity_type, entity_id, matched, event_id, depth, executed_at) "
                                                       "VALUES (?, 'lead', ?, %1, ?, ?, %2) ON CONFLICT (rule_id, event_id) WHERE event_id IS NOT NULL DO NOTHING RETURNING id")
                                            .arg(m_db->boolLiteral(true), m_db->timestampParam()),
                                        {rule->id, leadId, e.id, depth, m_db->timestamp(now)});
            if (!claimed)
                return claimed.error();
            if (claimed->isEmpty()) { // done before (the stream read again): as it was then, the rules after it wait on its flag
                if (rule->stopProcessing)
                    break;
                continue;
            }
            const qint64 executionId = claimed->first().value(0).toLongLong();
            QJsonArray taken;
            QString error;
            if (depth >= maxDepth) {
                error = QStringLiteral("Not run: this change was made by rules %1 deep (last rule %2); rules act on their own changes at most %3 times, so a loop ends here")
                            .arg(depth)
                            .arg(e.payload.value(QStringLiteral("cause")).toObject().value(QStringLiteral("rule_id")).toInteger())
                            .arg(maxDepth);
            } else {
                storage::Transaction actionsTx(*m_db); // a savepoint: a failed action undoes the rule's earlier ones
                leads::CauseScope cause({rule->id, depth + 1});
                ActionContext context{leads::Actor{rule->createdBy, true, {}, {}}, rule->id, rule->name, depth, leadId, *lead,
                                      QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("type"), e.type}, {QStringLiteral("payload"), e.payload}}};
                context.event.insert(QStringLiteral("execution_id"), executionId);
                taken = runActions(context, rule->actions, extra, &error);
                if (error.isEmpty()) {
                    if (auto st = actionsTx.commit(); !st)
                        return st.error();
                    if (auto again = m_leads.get(leadId); again) { // the next rule sees the lead as this one left it
                        lead.value() = *again;
                        for (auto it = extra.begin(); it != extra.end(); ++it)
                            lead->insert(it.key(), it.value());
                    }
                } else {
                    actionsTx.rollback();
                    taken = {};
                }
            }
            auto recorded = m_db->execute(QStringLiteral("UPDATE rule_executions SET actions_taken = %1, error_message = ? WHERE id = ?").arg(m_db->jsonParam()),
                                          {QString::fromUtf8(core::json::compact(taken)), error.isEmpty() ? QVariant() : QVariant(error), executionId});
            if (!recorded)
                return recorded.error();
            announce(QStringLiteral("rule_executed"), {{QStringLiteral("rule_id"), rule->id}, {QStringLiteral("execution_id"), executionId},
                                                       {QStringLiteral("lead_id"), leadId}, {QStringLiteral("event_id"), e.id},
                                                       {QStringLiteral("ok"), error.isEmpty()}});
            if (rule->stopProcessing)
                break;
        }
    }
    if (auto moved = m_db->execute(QStringLiteral("UPDATE automation_state SET value = ?, updated_at = %1 WHERE name = 'rules_cursor'").arg(m_db->timestampParam()),
                                   {events->last().id, m_db->timestamp(now)});
        !moved)
        return moved.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    m_events->committed(); // the actions' events, delivered now
    return int(events->size());
}

void RuleService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("workflows"), payload), "announcing a rule change or run (clients refresh on their next read)");
}

void RuleService::startConsuming()
{
    if (m_consumer)
        return;
    m_consumer = std::make_unique<BackgroundRound>(m_db, [this] {
        if (auto done = processPending(); !done)
            qCWarning(lcRules) << "could not run the rules:" << done.error().message;
        return std::chrono::milliseconds(30000);
    });
    if (m_events)
        connect(m_events, &storage::EventStore::eventAppended, m_consumer.get(), [this](const storage::Event &e) {
            if (e.channel == u"leads" || e.type == u"message_received")
                m_consumer->kick();
        });
    m_consumer->start();
}

void RuleService::stopConsuming()
{
    m_consumer.reset();
}

} // namespace fliptech::automation
