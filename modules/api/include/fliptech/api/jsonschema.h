#pragma once
// The subset of JSON Schema (as OpenAPI 3.0 uses it) that request bodies are checked against:
// type, properties, required, additionalProperties:false, enum, minLength, maxLength,
// minimum, maximum, items, format "email"/"date-time". Errors name the field.

#include "fliptech/core/error.h"

#include <QJsonObject>
#include <QJsonValue>

namespace fliptech::api::schema {

// ValidationFailed with details {"field": "what is wrong"} for every problem found.
core::Status validate(const QJsonValue &value, const QJsonObject &schema);

// Builders for the route table.
QJsonObject object(const QJsonObject &properties, const QStringList &required = {}, bool additional = false);
QJsonObject string(int minLength = 0, int maxLength = 0, const QString &format = {});
QJsonObject integer();
QJsonObject boolean();
QJsonObject arrayOf(const QJsonObject &items);
QJsonObject enumOf(const QStringList &values);
QJsonObject nullable(QJsonObject schema);

} // namespace fliptech::api::schema
