#include "fliptech/core/error.h"
#include "fliptech/core/logging.h"

namespace fliptech::core {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Internal: return QStringLiteral("internal_error");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
    case ErrorCode::ValidationFailed: return QStringLiteral("validation_failed");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::MethodNotAllowed: return QStringLiteral("method_not_allowed");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::Unauthorized: return QStringLiteral("unauthorized");
    case ErrorCode::Forbidden: return QStringLiteral("forbidden");
    case ErrorCode::RateLimited: return QStringLiteral("rate_limited");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("payload_too_large");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::DatabaseError: return QStringLiteral("database_error");
    case ErrorCode::SchemaTooNew: return QStringLiteral("schema_too_new");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("internal_error");
}

QString Error::userMessage() const
{
    if (code == ErrorCode::ValidationFailed && !details.isEmpty()) {
        const QString field = details.begin().value().toString();
        if (!field.isEmpty())
            return field;
    }
    return message;
}

QJsonObject Error::toJson() const
{
    QJsonObject inner{{QStringLiteral("code"), codeName()}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        inner.insert(QStringLiteral("details"), details);
    return QJsonObject{{QStringLiteral("error"), inner}};
}

void logDiscarded(const Error &error, const char *why)
{
    qCWarning(lcCore).noquote() << "a write failed and is let go (" << why << "):" << error.message;
}

} // namespace fliptech::core
