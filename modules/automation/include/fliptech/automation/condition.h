#pragma once
// Condition: what a rule asks of a lead (issue 15). A typed tree: {"all": [...]}, {"any": [...]},
// {"not": node}, or a leaf {"field", "op", "value"}; a rule's conditions are a list of nodes
// joined by its logic_operator (AND / OR, the spec's top level). Each leaf is checked when the
// rule is saved against the field catalogue — the operator must fit the field's type, the value
// the operator — and the error names the path of the first mistake ("conditions[1].any[0].op").
// Parsed once, evaluated many times (no allocation on the way).
//
// Operators by type:
//  text:   equals, not_equals, in, not_in, contains, not_contains, starts_with, ends_with (all
//          case-insensitive), regex, is_empty, is_not_empty
//  number: equals, not_equals, in, not_in, gt, gte, lt, lte, between [a, b], is_empty, is_not_empty
//  time:   before, after (ISO date-time), older_than_days, newer_than_days (n >= 0), is_empty,
//          is_not_empty
//  tags:   contains, not_contains (a tag name or a list: any of them), is_empty, is_not_empty
//  any:    changed, changed_from, changed_to (what the triggering update changed)

#include "fliptech/core/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <memory>

namespace fliptech::automation {

enum class FieldKind { Text, Number, Time, Tags };

struct ConditionField {
    QString name;
    FieldKind kind;
};

// The fields of a lead a condition may name (the lead fields, and its tags).
const QList<ConditionField> &leadConditionFields();
// The operators that fit a kind of field.
QStringList operatorsFor(FieldKind kind);

class Condition final
{
public:
    Condition();
    ~Condition();
    Condition(Condition &&) noexcept;
    Condition &operator=(Condition &&) noexcept;
    Condition(const Condition &);
    Condition &operator=(const Condition &);

    // `conditions`: a list of nodes joined by `logicOperator` ("AND" or "OR"), a single node, or
    // empty (matches every lead). Paths in errors start with `path`.
    static core::Result<Condition> parse(const QJsonValue &conditions, const QString &logicOperator = QStringLiteral("AND"),
                                         const QString &path = QStringLiteral("conditions"));
    // `entity`: the lead as the API answers it (tags as [{name}] or names); `changes`: {field:
    // {from, to}} of the update that triggered (empty for other events); `now`: for ages.
    bool matches(const QJsonObject &entity, const QJsonObject &changes, const QDateTime &now) const;
    // How many leaves the tree holds (what an evaluation costs).
    int leaves() const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

} // namespace fliptech::automation
