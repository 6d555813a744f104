#pragma once
// JSON helpers: parsing with a message that says what to fix, compact serialisation.

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QJsonObject>

namespace fliptech::core::json {

// Parses a JSON object; the error names the offset and the problem.
Result<QJsonObject> parseObject(const QByteArray &text);
QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

} // namespace fliptech::core::json
