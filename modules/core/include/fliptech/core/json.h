#pragma once
// JSON helpers: parsing with a message that says what to fix, compact serialisation.

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QJsonObject>

namespace fliptech::core::json {

// Parses a JSON object; the error names the offset and the problem. Strings (keys included)
// with a NUL or an unpaired surrogate are refused (ValidationFailed naming each path).
Result<QJsonObject> parseObject(const QByteArray &text);
// Why a text cannot be stored as it is (NUL, unpaired surrogate), or empty.
QString textProblem(const QString &text);
QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

} // namespace fliptech::core::json
