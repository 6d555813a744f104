#include "fliptech/conversations/autoapproval.h"

#include "fliptech/storage/database.h"

#include <QJsonDocument>

namespace fliptech::conversations {

using core::ErrorCode;
using storage::Database;

namespace {
const QStringList kTextOps{QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("in"), QStringLiteral("not_in"), QStringLiteral("is_empty")};
const QStringList kNumberOps{QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("gte"), QStringLiteral("lte"),
                             QStringLiteral("in"),     QStringLiteral("not_in"),     QStringLiteral("is_empty")};
constexpr int kMaxDepth = 8;
constexpr int kMaxNodes = 100;

core::Error invalidAt(const QString &path, const QString &problem) { return core::fieldError(path, problem); }

bool isEmptyValue(const QJsonValue &v) { return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()); }

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
    return a == b;
}

core::Status validateNode(const QString &entityType, const QJsonValue &node, const QString &path, int depth, int *nodes)
{
    if (++*nodes > kMaxNodes)
        return invalidAt(path, QStringLiteral("makes the conditions too large (at most %1 parts)").arg(kMaxNodes));
    if (depth > kMaxDepth)
        return invalidAt(path, QStringLiteral("nests too deep (at most %1 levels)").arg(kMaxDepth));
    if (!node.isObject())
        return invalidAt(path, QStringLiteral("must be an object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}"));
    const QJsonObject o = node.toObject();
    for (const char *group : {"all", "any"})
        if (o.contains(QLatin1String(group))) {
            if (o.size() != 1)
                return invalidAt(path, QStringLiteral("a group holds only \"%1\"").arg(QLatin1String(group)));
            const QJsonValue items = o.value(QLatin1String(group));
            if (!items.isArray() || items.toArray().isEmpty())
                return invalidAt(path + u'.' + QLatin1String(group), QStringLiteral("must be a list of one or more conditions"));
            const QJsonArray a = items.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                if (auto st = validateNode(entityType, a.at(i), QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(group)).arg(i), depth + 1, nodes); !st)
                    return st;
            return {};
        }
    if (o.contains(QStringLiteral("not"))) {
        if (o.size() != 1)
            return invalidAt(path, QStringLiteral("a \"not\" holds only the condition it negates"));
        return validateNode(entityType, o.value(QStringLiteral("not")), path + QStringLiteral(".not"), depth + 1, nodes);
    }
    const QJsonObject catalogue = AutoApprovalRules::fieldCatalogue(entityType);
    const QString field = o.value(QStringLiteral("field")).toString();
    if (field.isEmpty())
        return invalidAt(path + QStringLiteral(".field"), QStringLiteral("is required (one of %1)").arg(catalogue.keys().join(QStringLiteral(", "))));
    if (!catalogue.contains(field))
        return invalidAt(path + QStringLiteral(".field"), QStringLiteral("must be one of %1").arg(catalogue.keys().join(QStringLiteral(", "))));
    const bool number = catalogue.value(field).toString() == QLatin1String("number");
    const QStringList &ops = number ? kNumberOps : kTextOps;
    const QString op = o.value(QStringLiteral("op")).toString();
    if (!ops.contains(op))
        return invalidAt(path + QStringLiteral(".op"), QStringLiteral("must be one of %1 for %2").arg(ops.join(QStringLiteral(", ")), field));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != QLatin1String("field") && it.key() != QLatin1String("op") && it.key() != QLatin1String("value"))
            return invalidAt(path + u'.' + it.key(), QStringLiteral("is not part of a condition (field, op, value)"));
    const QJsonValue value = o.value(QStringLiteral("value"));
    auto scalarOk = [number](const QJsonValue &v) { return number ? v.isDouble() : v.isString(); };
    const QString kind = number ? QStringLiteral("a number") : QStringLiteral("text");
    if (op == QLatin1String("is_empty")) {
        if (!value.isUndefined() && !value.isBool())
            return invalidAt(path + QStringLiteral(".value"), QStringLiteral("must be true or false (or left out: true)"));
    } else if (op == QLatin1String("in") || op == QLatin1String("not_in")) {
        if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 100)
            return invalidAt(path + QStringLiteral(".value"), QStringLiteral("must be a list of 1 to 100 values"));
        for (const QJsonValue &v : value.toArray())
            if (!scalarOk(v))
                return invalidAt(path + QStringLiteral(".value"), QStringLiteral("must hold only %1").arg(kind));
    } else if (!scalarOk(value)) {
        return invalidAt(path + QStringLiteral(".value"), QStringLiteral("must be %1").arg(kind));
    }
    return {};
}

bool holdsNode(const QJsonObject &o, const QJsonObject &facts)
{
    if (o.contains(QStringLiteral("all"))) {
        for (const QJsonValue &c : o.value(QStringLiteral("all")).toArray())
            if (!holdsNode(c.toObject(), facts))
                return false;
        return true;
    }
    if (o.contains(QStringLiteral("any"))) {
        for (const QJsonValue &c : o.value(QStringLiteral("any")).toArray())
            if (holdsNode(c.toObject(), facts))
                return true;
        return false;
    }
    if (o.contains(QStringLiteral("not")))
        return !holdsNode(o.value(QStringLiteral("not")).toObject(), facts);
    const QJsonValue fact = facts.value(o.value(QStringLiteral("field")).toString());
    const QString op = o.value(QStringLiteral("op")).toString();
    const QJsonValue value = o.value(QStringLiteral("value"));
    if (op == QLatin1String("is_empty"))
        return isEmptyValue(fact) == value.toBool(true);
    if (op == QLatin1String("in") || op == QLatin1String("not_in")) {
        bool found = false;
        for (const QJsonValue &v : value.toArray())
            found = found || sameValue(fact, v);
        return op == QLatin1String("in") ? found : !found && !isEmptyValue(fact);
    }
    // A missing fact fails every comparison (a rule never approves on what it cannot see).
    if (isEmptyValue(fact))
        return false;
    if (op == QLatin1String("equals"))
        return sameValue(fact, value);
    if (op == QLatin1String("not_equals"))
        return !sameValue(fact, value);
    if (op == QLatin1String("gte"))
        return fact.isDouble() && fact.toDouble() >= value.toDouble();
    if (op == QLatin1String("lte"))
        return fact.isDouble() && fact.toDouble() <= value.toDouble();
    return false;
}

QJsonObject ruleJson(const storage::Row &r)
{
    return QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                       {QStringLiteral("name"), r.value(1).toString()},
                       {QStringLiteral("entity_type"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
                       {QStringLiteral("conditions"), QJsonDocument::fromJson(r.value(3).toString().toUtf8()).object()},
                       {QStringLiteral("decision"), r.value(4).toString()},
                       {QStringLiteral("priority"), r.value(5).toInt()},
                       {QStringLiteral("is_active"), r.value(6).toBool()},
                       {QStringLiteral("created_by"), r.value(7).isNull() ? QJsonValue() : QJsonValue(r.value(7).toLongLong())},
                       {QStringLiteral("created_at"), Database::isoTimestamp(Database::toDateTime(r.value(8)))},
                       {QStringLiteral("updated_at"), Database::isoTimestamp(Database::toDateTime(r.value(9)))}};
}

const QString kColumns = QStringLiteral("id, name, entity_type, conditions, decision, priority, is_active, created_by, created_at, updated_at");
} // namespace

QJsonObject AutoApprovalRules::fieldCatalogue(const QString &entityType)
{
    if (entityType == suggestionEntity)
        return {{QStringLiteral("intent"), QStringLiteral("text")},      // interested, not_interested, meeting_request, question, unsubscribe_request, none
                {QStringLiteral("sentiment"), QStringLiteral("text")},   // positive, neutral, negative
                {QStringLiteral("confidence"), QStringLiteral("number")}, // 0..1, of the intent
                {QStringLiteral("writer"), QStringLiteral("text")},      // ai, offline
                {QStringLiteral("campaign_id"), QStringLiteral("number")},
                {QStringLiteral("lead_status"), QStringLiteral("text")},
                {QStringLiteral("contact_email"), QStringLiteral("text")},
                {QStringLiteral("sender_account_id"), QStringLiteral("number")}};
    if (entityType == ruleActionEntity) // a rule's actions after its request_approval (automation)
        return {{QStringLiteral("rule_id"), QStringLiteral("number")}, {QStringLiteral("rule_name"), QStringLiteral("text")},
                {QStringLiteral("city"), QStringLiteral("text")},      {QStringLiteral("region"), QStringLiteral("text")},
                {QStringLiteral("status"), QStringLiteral("text")},    {QStringLiteral("source"), QStringLiteral("text")},
                {QStringLiteral("category"), QStringLiteral("text")},  {QStringLiteral("score"), QStringLiteral("number")}};
    if (entityType == campaignLaunchEntity)
        return {{QStringLiteral("campaign_id"), QStringLiteral("number")}, {QStringLiteral("recipients"), QStringLiteral("number")}};
    if (entityType == n8nStepEntity) // what the workflow sent with its request, and the lead's
        return {{QStringLiteral("workflow_id"), QStringLiteral("text")}, {QStringLiteral("title"), QStringLiteral("text")},
                {QStringLiteral("city"), QStringLiteral("text")},        {QStringLiteral("status"), QStringLiteral("text")},
                {QStringLiteral("source"), QStringLiteral("text")},      {QStringLiteral("score"), QStringLiteral("number")}};
    return {};
}

QJsonObject AutoApprovalRules::fieldCatalogues()
{
    QJsonObject out;
    for (const QString &e : {suggestionEntity, ruleActionEntity, campaignLaunchEntity, n8nStepEntity})
        out.insert(e, fieldCatalogue(e));
    return out;
}

AutoApprovalRules::AutoApprovalRules(std::shared_ptr<storage::Database> db, const core::Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

core::Status AutoApprovalRules::validate(const QString &entityType, const QJsonValue &conditions, const QString &path)
{
    int nodes = 0;
    return validateNode(entityType, conditions, path, 0, &nodes);
}

bool AutoApprovalRules::holds(const QJsonObject &conditions, const QJsonObject &facts) { return holdsNode(conditions, facts); }

core::Result<QJsonArray> AutoApprovalRules::list(const QString &entityType)
{
    auto rows = entityType.isEmpty()
                    ? m_db->select(QStringLiteral("SELECT %1 FROM auto_approval_rules ORDER BY priority DESC, id").arg(kColumns))
                    : m_db->select(QStringLiteral("SELECT %1 FROM auto_approval_rules WHERE entity_type = ? ORDER BY priority DESC, id").arg(kColumns), {entityType});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(ruleJson(r));
    return out;
}

core::Result<QJsonObject> AutoApprovalRules::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM auto_approval_rules WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("No auto-approval rule %1").arg(id)) : row.error();
    return ruleJson(*row);
}

core::Result<QJsonObject> AutoApprovalRules::create(const leads::Actor &actor, const QJsonObject &fields) { return write(actor, std::nullopt, fields); }

core::Result<QJsonObject> AutoApprovalRules::update(const leads::Actor &actor, qint64 id, const QJsonObject &fields) { return write(actor, id, fields); }

core::Result<QJsonObject> AutoApprovalRules::write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &f)
{
    static const QStringList allowed{QStringLiteral("name"),     QStringLiteral("entity_type"), QStringLiteral("conditions"),
                                     QStringLiteral("decision"), QStringLiteral("priority"),    QStringLiteral("is_active")};
    for (auto it = f.begin(); it != f.end(); ++it)
        if (!allowed.contains(it.key()))
            return core::fieldError(it.key(), QStringLiteral("is not an auto-approval rule field"));
    const QString name = f.value(QStringLiteral("name")).toString().trimmed();
    if (!f.value(QStringLiteral("name")).isString() || name.isEmpty() || name.size() > 200)
        return core::fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QString entity = f.value(QStringLiteral("entity_type")).toString();
    if (fieldCatalogue(entity).isEmpty())
        return core::fieldError(QStringLiteral("entity_type"), QStringLiteral("must be \"%1\" (reply suggestions), \"%2\" (a rule's actions waiting for approval), "
                                                                             "\"%3\" (campaign launches) or \"%4\" (n8n workflow steps)")
                                                                   .arg(suggestionEntity, ruleActionEntity, campaignLaunchEntity, n8nStepEntity));
    if (auto st = validate(entity, f.value(QStringLiteral("conditions"))); !st)
        return st.error();
    const QString decision = f.value(QStringLiteral("decision")).toString(QStringLiteral("approved"));
    if (decision != QLatin1String("approved") && decision != QLatin1String("rejected"))
        return core::fieldError(QStringLiteral("decision"), QStringLiteral("must be approved or rejected"));
    const QJsonValue priority = f.value(QStringLiteral("priority"));
    if (!priority.isUndefined() && (!priority.isDouble() || priority.toDouble() != double(priority.toInteger()) || qAbs(priority.toInteger()) > 1000000))
        return core::fieldError(QStringLiteral("priority"), QStringLiteral("must be a whole number (higher is tried first)"));
    const QJsonValue active = f.value(QStringLiteral("is_active"));
    if (!active.isUndefined() && !active.isBool())
        return core::fieldError(QStringLiteral("is_active"), QStringLiteral("must be true or false"));
    const QString conditions = QString::fromUtf8(QJsonDocument(f.value(QStringLiteral("conditions")).toObject()).toJson(QJsonDocument::Compact));
    const QVariant now = m_db->timestamp(m_clock.now());
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE auto_approval_rules SET name = ?, entity_type = ?, conditions = %1, decision = ?, priority = ?, is_active = %2, "
                                                 "updated_at = %3 WHERE id = ?")
                                      .arg(m_db->jsonParam(), m_db->boolLiteral(active.toBool(true)), m_db->timestampParam()),
                                  {name, entity, conditions, decision, int(priority.toInteger()), now, *id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("No auto-approval rule %1").arg(*id));
        return get(*id);
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO auto_approval_rules (name, entity_type, conditions, decision, priority, is_active, created_by, created_at, "
                                              "updated_at) VALUES (?, ?, %1, ?, ?, %2, ?, %3, %3) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->boolLiteral(active.toBool(true)), m_db->timestampParam()),
                               {name, entity, conditions, decision, int(priority.toInteger()), actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    return get(row->value(0).toLongLong());
}

core::Status AutoApprovalRules::remove(qint64 id)
{
    auto done = m_db->execute(QStringLiteral("DELETE FROM auto_approval_rules WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("No auto-approval rule %1").arg(id));
    return {};
}

core::Result<std::optional<QJsonObject>> AutoApprovalRules::match(const QString &entityType, const QJsonObject &facts)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM auto_approval_rules WHERE entity_type = ? AND is_active = %2 ORDER BY priority DESC, id")
                                 .arg(kColumns, m_db->boolLiteral(true)),
                             {entityType});
    if (!rows)
        return rows.error();
    for (const auto &r : *rows) {
        const QJsonObject rule = ruleJson(r);
        if (holds(rule.value(QStringLiteral("conditions")).toObject(), facts))
            return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("id"), rule.value(QStringLiteral("id"))},
                                                          {QStringLiteral("name"), rule.value(QStringLiteral("name"))},
                                                          {QStringLiteral("decision"), rule.value(QStringLiteral("decision"))}});
    }
    return std::optional<QJsonObject>();
}

} // namespace fliptech::conversations
