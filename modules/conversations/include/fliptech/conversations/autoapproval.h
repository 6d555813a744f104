#pragma once
// Auto-approval rules (spec "Approvals", table auto_approval_rules): the conditions under which
// something that waits for a person decides itself. Issue 12 uses them for reply suggestions
// (entity type "ai_suggestion"): nothing the AI writes is sent without approval unless a rule
// says so. The automation issue adds the other entity types (rule actions, campaign launches,
// n8n steps) to the same table, endpoints and condition language.
//
// Conditions are a tree: {"all": [..]}, {"any": [..]}, {"not": {..}} or a test
// {"field": F, "op": O, "value": V}, where the fields depend on the entity type and each field's
// type limits its operators (text: equals, not_equals, in, not_in, is_empty; number: equals,
// not_equals, gte, lte, in, not_in, is_empty). Checked at save time; a mistake names its path
// ("conditions.all[1].op").

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
}

namespace fliptech::conversations {

class AutoApprovalRules final
{
public:
    static inline const QString suggestionEntity = QStringLiteral("ai_suggestion");
    // A rule's actions waiting after its request_approval (automation::RuleService::approvalKind).
    static inline const QString ruleActionEntity = QStringLiteral("rule_action");
    // A campaign launch over the size an administrator set (automation).
    static inline const QString campaignLaunchEntity = QStringLiteral("campaign_launch");
    // A step of an n8n workflow waiting for a decision (POST /api/v1/workflow-approvals).
    static inline const QString n8nStepEntity = QStringLiteral("n8n_step");
    // The fields a condition may test for an entity type, with their types ("text", "number").
    static QJsonObject fieldCatalogue(const QString &entityType);
    // Every entity type → its fields.
    static QJsonObject fieldCatalogues();

    AutoApprovalRules(std::shared_ptr<storage::Database> db, const core::Clock &clock);

    // [{id, name, entity_type, conditions, decision, priority, is_active, created_by, created_at,
    //   updated_at}], the highest priority first; `entityType` empty: every type.
    core::Result<QJsonArray> list(const QString &entityType = {});
    core::Result<QJsonObject> get(qint64 id);
    // {name, entity_type, conditions, decision (approved|rejected, default approved), priority,
    //  is_active}: the whole rule, checked first (ValidationFailed naming the field or path).
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(qint64 id);

    // The first active rule of `entityType` (highest priority, then oldest) whose conditions hold
    // for `facts`: {id, name, decision}; none when no rule matches.
    core::Result<std::optional<QJsonObject>> match(const QString &entityType, const QJsonObject &facts);

    // The pieces, for tests.
    static core::Status validate(const QString &entityType, const QJsonValue &conditions, const QString &path = QStringLiteral("conditions"));
    static bool holds(const QJsonObject &conditions, const QJsonObject &facts);

private:
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);

    std::shared_ptr<storage::Database> m_db;
    const core::Clock &m_clock;
};

} // namespace fliptech::conversations
