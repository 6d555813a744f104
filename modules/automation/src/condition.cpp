#include "fliptech/automation/condition.h"

#include "fliptech/leads/leadfields.h"

#include <QJsonArray>
#include <QTimeZone>

#include <vector>

namespace fliptech::automation {

using core::fieldError;

namespace {

enum class Op {
    Equals, NotEquals, In, NotIn, Contains, NotContains, StartsWith, EndsWith, Regex, IsEmpty, IsNotEmpty,
    Gt, Gte, Lt, Lte, Between, Before, After, OlderThanDays, NewerThanDays, Changed, ChangedFrom, ChangedTo
};

struct OpName {
    const char *name;
    Op op;
};
const OpName kOps[] = {{"equals", Op::Equals},         {"not_equals", Op::NotEquals},   {"in", Op::In},
                       {"not_in", Op::NotIn},          {"contains", Op::Contains},      {"not_contains", Op::NotContains},
                       {"starts_with", Op::StartsWith}, {"ends_with", Op::EndsWith},     {"regex", Op::Regex},
                       {"is_empty", Op::IsEmpty},      {"is_not_empty", Op::IsNotEmpty}, {"gt", Op::Gt},
                       {"gte", Op::Gte},               {"lt", Op::Lt},                  {"lte", Op::Lte},
                       {"between", Op::Between},       {"before", Op::Before},          {"after", Op::After},
                       {"older_than_days", Op::OlderThanDays}, {"newer_than_days", Op::NewerThanDays}, {"changed", Op::Changed},
                       {"changed_from", Op::ChangedFrom}, {"changed_to", Op::ChangedTo}};

constexpr int kMaxDepth = 10;
constexpr int kMaxLeaves = 200;
constexpr int kMaxList = 1000;

QString kindName(FieldKind k)
{
    switch (k) {
    case FieldKind::Text: return QStringLiteral("text");
    case FieldKind::Number: return QStringLiteral("number");
    case FieldKind::Time: return QStringLiteral("date-time");
    case FieldKind::Tags: return QStringLiteral("tags");
    }
    return {};
}

const ConditionField *findField(const QString &name)
{
    for (const ConditionField &f : leadConditionFields())
        if (f.name == name)
            return &f;
    return nullptr;
}

qint64 timeOf(const QJsonValue &v)
{
    if (!v.isString())
        return -1;
    const QString s = v.toString();
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            return -1;
        t = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    return t.toMSecsSinceEpoch();
}

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return v.toDouble() == double(v.toInteger()) ? QString::number(v.toInteger()) : QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

bool emptyValue(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (emptyValue(a) || emptyValue(b))
        return emptyValue(a) && emptyValue(b);
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return textOf(a).compare(textOf(b), Qt::CaseInsensitive) == 0;
}

} // namespace

const QList<ConditionField> &leadConditionFields()
{
    static const QList<ConditionField> fields = [] {
        QList<ConditionField> out{{QStringLiteral("id"), FieldKind::Number}};
        for (const leads::LeadField &f : leads::leadFields()) {
            switch (f.type) {
            case leads::FieldType::Text: out.append({f.name, FieldKind::Text}); break;
            case leads::FieldType::Integer: out.append({f.name, FieldKind::Number}); break;
            case leads::FieldType::Timestamp:
            case leads::FieldType::Date: out.append({f.name, FieldKind::Time}); break;
            case leads::FieldType::Json: break; // metadata: not a condition's business
            }
        }
        out.append({QStringLiteral("tags"), FieldKind::Tags});
        // Set for the message_received trigger only: the reply's kind and its sentiment.
        out.append({QStringLiteral("message_kind"), FieldKind::Text});
        out.append({QStringLiteral("message_sentiment"), FieldKind::Text});
        return out;
    }();
    return fields;
}

QStringList operatorsFor(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Text:
        return {QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("in"), QStringLiteral("not_in"), QStringLiteral("contains"),
                QStringLiteral("not_contains"), QStringLiteral("starts_with"), QStringLiteral("ends_with"), QStringLiteral("regex"),
                QStringLiteral("is_empty"), QStringLiteral("is_not_empty"), QStringLiteral("changed"), QStringLiteral("changed_from"), QStringLiteral("changed_to")};
    case FieldKind::Number:
        return {QStringLiteral("equals"), QStringLiteral("not_equals"), QStringLiteral("in"), QStringLiteral("not_in"), QStringLiteral("gt"), QStringLiteral("gte"),
                QStringLiteral("lt"), QStringLiteral("lte"), QStringLiteral("between"), QStringLiteral("is_empty"), QStringLiteral("is_not_empty"),
                QStringLiteral("changed"), QStringLiteral("changed_from"), QStringLiteral("changed_to")};
    case FieldKind::Time:
        return {QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("older_than_days"), QStringLiteral("newer_than_days"),
                QStringLiteral("is_empty"), QStringLiteral("is_not_empty"), QStringLiteral("changed")};
    case FieldKind::Tags:
        return {QStringLiteral("contains"), QStringLiteral("not_contains"), QStringLiteral("is_empty"), QStringLiteral("is_not_empty"), QStringLiteral("changed")};
    }
    return {};
}

struct Condition::Node {
    enum Kind { All, Any, Not, Leaf };
    Kind kind = All;
    std::vector<Node> children;
    QString field;
    FieldKind fieldKind = FieldKind::Text;
    Op op = Op::Equals;
    QStringList texts;    // lower-cased
    QList<double> numbers;
    QRegularExpression re;
    qint64 bound = 0;     // a time (ms since the epoch) or an age (ms)
    QJsonArray values;    // changed_from / changed_to: any of these

    bool matches(const QJsonObject &entity, const QJsonObject &changes, qint64 nowMs) const;
    bool leaf(const QJsonObject &entity, const QJsonObject &changes, qint64 nowMs) const;
    int leaves() const
    {
        if (kind == Leaf)
            return 1;
        int n = 0;
        for (const Node &c : children)
            n += c.leaves();
        return n;
    }
};

namespace {

struct Parser {
    int leaves = 0;

    core::Result<Condition::Node> node(const QJsonValue &v, const QString &path, int depth)
    {
        using Node = Condition::Node;
        if (depth > kMaxDepth)
            return fieldError(path, QStringLiteral("nests deeper than %1 levels").arg(kMaxDepth));
        if (!v.isObject())
            return fieldError(path, QStringLiteral("must be an object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}"));
        const QJsonObject o = v.toObject();
        Node n;
        for (const char *group : {"all", "any"}) {
            if (!o.contains(QLatin1String(group)))
                continue;
            if (o.size() != 1)
                return fieldError(path, QStringLiteral("holds \"%1\" and other keys: a group holds its list only").arg(QLatin1String(group)));
            const QJsonValue list = o.value(QLatin1String(group));
            if (!list.isArray())
                return fieldError(path + u'.' + QLatin1String(group), QStringLiteral("must be a list of conditions"));
            n.kind = qstrcmp(group, "all") == 0 ? Node::All : Node::Any;
            const QJsonArray items = list.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                auto child = node(items.at(i), QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(group)).arg(i), depth + 1);
                if (!child)
                    return child.error();
                n.children.push_back(std::move(*child));
            }
            return n;
        }
        if (o.contains(QStringLiteral("not"))) {
            if (o.size() != 1)
                return fieldError(path, QStringLiteral("holds \"not\" and other keys: \"not\" holds one condition only"));
            auto child = node(o.value(QStringLiteral("not")), path + QStringLiteral(".not"), depth + 1);
            if (!child)
                return child.error();
            n.kind = Node::Not;
            n.children.push_back(std::move(*child));
            return n;
        }
        return leaf(o, path);
    }

    core::Result<Condition::Node> leaf(const QJsonObject &o, const QString &path)
    {
        using Node = Condition::Node;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != u"field" && it.key() != u"op" && it.key() != u"value")
                return fieldError(path + u'.' + it.key(), QStringLiteral("is not part of a condition (field, op, value; or all, any, not)"));
        if (++leaves > kMaxLeaves)
            return fieldError(path, QStringLiteral("is one condition too many: a rule holds at most %1").arg(kMaxLeaves));
        Node n;
        n.kind = Node::Leaf;
        const QJsonValue fieldValue = o.value(QStringLiteral("field"));
        const ConditionField *field = fieldValue.isString() ? findField(fieldValue.toString()) : nullptr;
        if (!field) {
            QStringList names;
            for (const ConditionField &f : leadConditionFields())
                names << f.name;
            return fieldError(path + QStringLiteral(".field"), fieldValue.isString() ? QStringLiteral("'%1' is not a field of a lead (%2)").arg(fieldValue.toString().left(80), names.join(QStringLiteral(", ")))
                                                                                   : QStringLiteral("is required: the lead field to test"));
        }
        n.field = field->name;
        n.fieldKind = field->kind;
        const QString opName = o.value(QStringLiteral("op")).toString();
        const QStringList fits = operatorsFor(field->kind);
        if (!fits.contains(opName))
            return fieldError(path + QStringLiteral(".op"), (opName.isEmpty() ? QStringLiteral("is required") : QStringLiteral("'%1' does not fit a %2 field").arg(opName.left(40), kindName(field->kind))) +
                                                                 QStringLiteral(" (use %1)").arg(fits.join(QStringLiteral(", "))));
        for (const OpName &k : kOps)
            if (opName == QLatin1String(k.name))
                n.op = k.op;
        const QString valuePath = path + QStringLiteral(".value");
        const QJsonValue v = o.value(QStringLiteral("value"));
        auto need = [&](const QString &what) { return fieldError(valuePath, QStringLiteral("must be %1 for '%2'").arg(what, opName)); };
        auto addText = [&](const QJsonValue &x) {
            if (!x.isString() && !x.isDouble())
                return false;
            n.texts.append(textOf(x).toLower());
            return true;
        };
        switch (n.op) {
        case Op::IsEmpty:
        case Op::IsNotEmpty:
        case Op::Changed:
            if (!v.isUndefined() && !v.isNull())
                return fieldError(valuePath, QStringLiteral("takes no value for '%1'").arg(opName));
            break;
        case Op::Equals:
        case Op::NotEquals:
            if (field->kind == FieldKind::Number) {
                if (!v.isDouble())
                    return need(QStringLiteral("a number"));
                n.numbers.append(v.toDouble());
            } else if (!addText(v)) {
                return need(QStringLiteral("a text"));
            }
            break;
        case Op::In:
        case Op::NotIn: {
            const QJsonArray list = v.toArray();
            if (!v.isArray() || list.isEmpty() || list.size() > kMaxList)
                return need(QStringLiteral("a list of 1 to %1 values").arg(kMaxList));
            for (const QJsonValue &x : list) {
                if (field->kind == FieldKind::Number) {
                    if (!x.isDouble())
                        return need(QStringLiteral("a list of numbers"));
                    n.numbers.append(x.toDouble());
                } else if (!addText(x)) {
                    return need(QStringLiteral("a list of texts"));
                }
            }
            break;
        }
        case Op::Contains:
        case Op::NotContains:
        case Op::StartsWith:
        case Op::EndsWith:
            if (v.isArray() && field->kind == FieldKind::Tags) {
                const QJsonArray list = v.toArray();
                if (list.isEmpty() || list.size() > kMaxList)
                    return need(QStringLiteral("a tag name or a list of 1 to %1 of them").arg(kMaxList));
                for (const QJsonValue &x : list)
                    if (!x.isString() || !addText(x))
                        return need(QStringLiteral("a tag name or a list of them"));
            } else if (!v.isString() || v.toString().isEmpty()) {
                return need(field->kind == FieldKind::Tags ? QStringLiteral("a tag name or a list of them") : QStringLiteral("a text that is not empty"));
            } else {
                addText(v);
            }
            break;
        case Op::Regex: {
            if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 1000)
                return need(QStringLiteral("a regular expression of at most 1000 characters"));
            n.re = QRegularExpression(v.toString(), QRegularExpression::CaseInsensitiveOption);
            if (!n.re.isValid())
                return fieldError(valuePath, QStringLiteral("is not a valid regular expression: %1 at offset %2").arg(n.re.errorString()).arg(n.re.patternErrorOffset()));
            n.re.optimize();
            break;
        }
        case Op::Gt:
        case Op::Gte:
        case Op::Lt:
        case Op::Lte:
            if (!v.isDouble())
                return need(QStringLiteral("a number"));
            n.numbers.append(v.toDouble());
            break;
        case Op::Between: {
            const QJsonArray pair = v.toArray();
            if (!v.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble() || pair.at(0).toDouble() > pair.at(1).toDouble())
                return need(QStringLiteral("[low, high], two numbers with low <= high"));
            n.numbers = {pair.at(0).toDouble(), pair.at(1).toDouble()};
            break;
        }
        case Op::Before:
        case Op::After:
            n.bound = timeOf(v);
            if (n.bound < 0)
                return need(QStringLiteral("an ISO 8601 date or date-time (e.g. 2026-03-01 or 2026-03-01T09:00:00Z)"));
            break;
        case Op::OlderThanDays:
        case Op::NewerThanDays:
            if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 36500)
                return need(QStringLiteral("a number of days from 0 to 36500"));
            n.bound = qint64(v.toDouble() * 86400000.0);
            break;
        case Op::ChangedFrom:
        case Op::ChangedTo:
            if (v.isUndefined() || v.isObject())
                return need(QStringLiteral("a value, null, or a list of values (any of them)"));
            n.values = v.isArray() ? v.toArray() : QJsonArray{v};
            break;
        }
        return n;
    }
};

} // namespace

bool Condition::Node::matches(const QJsonObject &entity, const QJsonObject &changes, qint64 nowMs) const
{
    switch (kind) {
    case All:
        for (const Node &c : children)
            if (!c.matches(entity, changes, nowMs))
                return false;
        return true;
    case Any:
        for (const Node &c : children)
            if (c.matches(entity, changes, nowMs))
                return true;
        return false;
    case Not:
        return !children.front().matches(entity, changes, nowMs);
    case Leaf:
        return leaf(entity, changes, nowMs);
    }
    return false;
}

bool Condition::Node::leaf(const QJsonObject &entity, const QJsonObject &changes, qint64 nowMs) const
{
    if (op == Op::Changed || op == Op::ChangedFrom || op == Op::ChangedTo) {
        const auto it = changes.constFind(field);
        if (it == changes.constEnd())
            return false;
        if (op == Op::Changed)
            return true;
        const QJsonValue side = it->toObject().value(op == Op::ChangedFrom ? QStringLiteral("from") : QStringLiteral("to"));
        for (const QJsonValue &want : values)
            if (sameValue(side, want))
                return true;
        return false;
    }
    const QJsonValue v = entity.value(field);
    if (op == Op::IsEmpty)
        return emptyValue(v);
    if (op == Op::IsNotEmpty)
        return !emptyValue(v);
    const bool negated = op == Op::NotEquals || op == Op::NotIn || op == Op::NotContains;
    if (emptyValue(v))
        return negated; // a missing value is none of the values, and equal to none
    switch (fieldKind) {
    case FieldKind::Tags: {
        bool any = false;
        for (const QJsonValue &t : v.toArray()) {
            const QString name = (t.isObject() ? t.toObject().value(QStringLiteral("name")).toString() : t.toString()).toLower();
            if (texts.contains(name)) {
                any = true;
                break;
            }
        }
        return op == Op::NotContains ? !any : any;
    }
    case FieldKind::Number: {
        if (!v.isDouble())
            return negated;
        const double x = v.toDouble();
        switch (op) {
        case Op::Equals: return x == numbers.front();
        case Op::NotEquals: return x != numbers.front();
        case Op::In: return numbers.contains(x);
        case Op::NotIn: return !numbers.contains(x);
        case Op::Gt: return x > numbers.front();
        case Op::Gte: return x >= numbers.front();
        case Op::Lt: return x < numbers.front();
        case Op::Lte: return x <= numbers.front();
        case Op::Between: return x >= numbers.at(0) && x <= numbers.at(1);
        default: return false;
        }
    }
    case FieldKind::Time: {
        const qint64 t = timeOf(v);
        if (t < 0)
            return false;
        switch (op) {
        case Op::Before: return t < bound;
        case Op::After: return t > bound;
        case Op::OlderThanDays: return nowMs - t > bound;
        case Op::NewerThanDays: return nowMs - t <= bound;
        default: return false;
        }
    }
    case FieldKind::Text: {
        if (op == Op::Regex)
            return re.match(textOf(v)).hasMatch();
        const QString s = textOf(v);
        switch (op) {
        case Op::Equals: return s.compare(texts.front(), Qt::CaseInsensitive) == 0;
        case Op::NotEquals: return s.compare(texts.front(), Qt::CaseInsensitive) != 0;
        case Op::In:
        case Op::NotIn: {
            bool found = false;
            for (const QString &t : texts)
                if (s.compare(t, Qt::CaseInsensitive) == 0) {
                    found = true;
                    break;
                }
            return op == Op::In ? found : !found;
        }
        case Op::Contains: return s.contains(texts.front(), Qt::CaseInsensitive);
        case Op::NotContains: return !s.contains(texts.front(), Qt::CaseInsensitive);
        case Op::StartsWith: return s.startsWith(texts.front(), Qt::CaseInsensitive);
        case Op::EndsWith: return s.endsWith(texts.front(), Qt::CaseInsensitive);
        default: return false;
        }
    }
    }
    return false;
}

Condition::Condition() : m_root(std::make_unique<Node>()) {}
Condition::~Condition() = default;
Condition::Condition(Condition &&) noexcept = default;
Condition &Condition::operator=(Condition &&) noexcept = default;
Condition::Condition(const Condition &other) : m_root(std::make_unique<Node>(*other.m_root)) {}
Condition &Condition::operator=(const Condition &other)
{
    m_root = std::make_unique<Node>(*other.m_root);
    return *this;
}

core::Result<Condition> Condition::parse(const QJsonValue &conditions, const QString &logicOperator, const QString &path)
{
    const QString logic = logicOperator.toUpper();
    if (logic != u"AND" && logic != u"OR")
        return fieldError(QStringLiteral("logic_operator"), QStringLiteral("must be AND or OR"));
    Parser parser;
    Condition c;
    if (conditions.isUndefined() || conditions.isNull())
        return c;
    if (conditions.isArray()) {
        c.m_root->kind = logic == u"AND" ? Node::All : Node::Any;
        const QJsonArray items = conditions.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto n = parser.node(items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), 1);
            if (!n)
                return n.error();
            c.m_root->children.push_back(std::move(*n));
        }
        return c;
    }
    if (conditions.isObject() && conditions.toObject().isEmpty())
        return c;
    auto n = parser.node(conditions, path, 1);
    if (!n)
        return n.error();
    *c.m_root = std::move(*n);
    return c;
}

bool Condition::matches(const QJsonObject &entity, const QJsonObject &changes, const QDateTime &now) const
{
    return m_root->matches(entity, changes, now.toMSecsSinceEpoch());
}

int Condition::leaves() const
{
    return m_root->leaves();
}

} // namespace fliptech::automation
