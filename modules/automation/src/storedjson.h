#pragma once
// JSON columns of the automation tables, written compact and read back.

#include "fliptech/core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

namespace fliptech::automation {

// An object or an array as the text a JSON column stores.
inline QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? core::json::compact(v.toArray()) : core::json::compact(v.toObject()));
}

// A JSON column's object or array (null when NULL or neither).
inline QJsonValue storedJson(const QVariant &v)
{
    const QJsonDocument d = QJsonDocument::fromJson(v.toString().toUtf8());
    return d.isArray() ? QJsonValue(d.array()) : d.isObject() ? QJsonValue(d.object()) : QJsonValue();
}

} // namespace fliptech::automation
