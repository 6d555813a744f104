#include "fliptech/core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace fliptech::core::json {

Result<QJsonObject> parseObject(const QByteArray &text)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("malformed JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"));
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace fliptech::core::json
