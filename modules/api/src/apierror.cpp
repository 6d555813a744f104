#include "fliptech/api/apierror.h"

#include <QJsonDocument>

namespace fliptech::api {

using core::ErrorCode;

namespace {
thread_local const RequestScope *t_request = nullptr;
}

RequestScope::RequestScope(const QString &requestId, QString what) : m_outer(t_request), m_requestId(requestId), m_what(std::move(what))
{
    t_request = this;
}

RequestScope::~RequestScope()
{
    t_request = m_outer;
}

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return 400;
    case ErrorCode::ValidationFailed: return 422;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::Unavailable:
    case ErrorCode::SchemaTooNew: return 503;
    case ErrorCode::Cancelled: return 409;
    case ErrorCode::DatabaseError:
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

QHttpServerResponse jsonResponse(const QJsonObject &body, int status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                               QHttpServerResponse::StatusCode(status));
}

QHttpServerResponse errorResponse(const core::Error &error)
{
    const int status = httpStatusFor(error.code);
    core::Error shown = error;
    if (status >= 500 && error.code != ErrorCode::Unavailable) {
        // Never leak SQL or internals: the log has the details, under the request's id.
        const QString id = t_request ? t_request->m_requestId : QStringLiteral("-");
        qCCritical(lcApi).noquote() << "request" << id << (t_request ? t_request->m_what : QString()) << "failed:" << core::errorCodeName(error.code)
                                    << error.message << (error.details.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(error.details).toJson(QJsonDocument::Compact)));
        shown.message = QStringLiteral("internal error; the server log has the details under request id %1").arg(id);
        shown.details = {{QStringLiteral("request_id"), id}};
    }
    auto response = jsonResponse(shown.toJson(), status);
    if (error.code == ErrorCode::Unauthorized)
        response.setHeader("WWW-Authenticate", "Bearer");
    if (error.code == ErrorCode::RateLimited && error.details.contains(QStringLiteral("retry_after")))
        response.setHeader("Retry-After", QByteArray::number(error.details.value(QStringLiteral("retry_after")).toInteger()));
    return response;
}

QHttpServerResponse errorResponse(ErrorCode code, const QString &message)
{
    return errorResponse(core::makeError(code, message));
}

} // namespace fliptech::api
