#include "fliptech/api/jsonschema.h"

#include "fliptech/core/validation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace fliptech::api::schema {

namespace {

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("undefined");
    }
}

void check(const QJsonValue &v, const QJsonObject &s, const QString &path, QJsonObject &errors)
{
    const QString field = path.isEmpty() ? QStringLiteral("body") : path;
    if (v.isNull() && s.value(QStringLiteral("nullable")).toBool())
        return;
    const QString type = s.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("integer")) {
        const double d = v.toDouble();
        if (!v.isDouble() || d != double(qint64(d))) {
            errors.insert(field, QStringLiteral("must be an integer"));
            return;
        }
    } else if (type == QLatin1String("number")) {
        if (!v.isDouble()) {
            errors.insert(field, QStringLiteral("must be a number"));
            return;
        }
    } else if (!type.isEmpty() && typeOf(v) != type) {
        errors.insert(field, QStringLiteral("must be %1 %2, not %3")
                                 .arg(type == QLatin1String("object") || type == QLatin1String("array") ? QStringLiteral("an") : QStringLiteral("a"),
                                      type, typeOf(v)));
        return;
    }
    if (s.contains(QStringLiteral("enum")) && !s.value(QStringLiteral("enum")).toArray().contains(v)) {
        QStringList allowed;
        for (const QJsonValue &e : s.value(QStringLiteral("enum")).toArray())
            allowed << e.toString();
        errors.insert(field, QStringLiteral("must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return;
    }
    if (v.isString()) {
        const QString str = v.toString();
        if (s.contains(QStringLiteral("minLength")) && str.size() < s.value(QStringLiteral("minLength")).toInt())
            errors.insert(field, s.value(QStringLiteral("minLength")).toInt() == 1 ? QStringLiteral("must not be empty")
                                                                                    : QStringLiteral("must have at least %1 characters").arg(s.value(QStringLiteral("minLength")).toInt()));
        else if (s.contains(QStringLiteral("maxLength")) && str.size() > s.value(QStringLiteral("maxLength")).toInt())
            errors.insert(field, QStringLiteral("must have at most %1 characters").arg(s.value(QStringLiteral("maxLength")).toInt()));
        else if (s.value(QStringLiteral("format")).toString() == QLatin1String("email")) {
            if (!core::isEmailAddress(str))
                errors.insert(field, QStringLiteral("not a valid address"));
        } else if (s.value(QStringLiteral("format")).toString() == QLatin1String("date-time")) {
            if (!QDateTime::fromString(str, Qt::ISODateWithMs).isValid())
                errors.insert(field, QStringLiteral("not an ISO 8601 date-time such as 2026-12-01T09:00:00Z"));
        }
    }
    if (v.isDouble()) {
        if (s.contains(QStringLiteral("minimum")) && v.toDouble() < s.value(QStringLiteral("minimum")).toDouble())
            errors.insert(field, QStringLiteral("must be at least %1").arg(s.value(QStringLiteral("minimum")).toDouble()));
        if (s.contains(QStringLiteral("maximum")) && v.toDouble() > s.value(QStringLiteral("maximum")).toDouble())
            errors.insert(field, QStringLiteral("must be at most %1").arg(s.value(QStringLiteral("maximum")).toDouble()));
    }
    if (v.isArray() && s.contains(QStringLiteral("items"))) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            check(a[i], s.value(QStringLiteral("items")).toObject(), QStringLiteral("%1[%2]").arg(field).arg(i), errors);
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        const QString prefix = path.isEmpty() ? QString() : path + u'.';
        for (const QJsonValue &r : s.value(QStringLiteral("required")).toArray())
            if (!o.contains(r.toString()))
                errors.insert(prefix + r.toString(), QStringLiteral("is required"));
        const bool additional = s.value(QStringLiteral("additionalProperties")).toBool(true);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (props.contains(it.key()))
                check(it.value(), props.value(it.key()).toObject(), prefix + it.key(), errors);
            else if (!additional)
                errors.insert(prefix + it.key(), QStringLiteral("unknown field"));
        }
    }
}

} // namespace

core::Status validate(const QJsonValue &value, const QJsonObject &schema)
{
    QJsonObject errors;
    check(value, schema, QString(), errors);
    if (errors.isEmpty())
        return {};
    QStringList parts;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        parts << it.key() + QStringLiteral(" ") + it.value().toString();
    return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("invalid request: ") + parts.join(QStringLiteral("; ")),
                           errors);
}

QJsonObject object(const QJsonObject &properties, const QStringList &required, bool additional)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    if (!additional)
        o.insert(QStringLiteral("additionalProperties"), false);
    return o;
}

QJsonObject string(int minLength, int maxLength, const QString &format)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("string")}};
    if (minLength > 0)
        o.insert(QStringLiteral("minLength"), minLength);
    if (maxLength > 0)
        o.insert(QStringLiteral("maxLength"), maxLength);
    if (!format.isEmpty())
        o.insert(QStringLiteral("format"), format);
    return o;
}

QJsonObject integer()
{
    return {{QStringLiteral("type"), QStringLiteral("integer")}};
}

QJsonObject boolean()
{
    return {{QStringLiteral("type"), QStringLiteral("boolean")}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject enumOf(const QStringList &values)
{
    return {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), QJsonArray::fromStringList(values)}};
}

QJsonObject nullable(QJsonObject schema)
{
    schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

} // namespace fliptech::api::schema
