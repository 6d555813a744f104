#pragma once
// The one place where error codes become HTTP statuses, and the JSON error envelope.

#include "fliptech/core/error.h"

#include <QHttpServerResponse>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace fliptech::api {

// The request this thread is answering, for the log line of a server error. Set for the
// duration of one request (handlers are synchronous, or run whole on one pool thread).
class RequestScope final
{
public:
    RequestScope(const QString &requestId, QString what);
    ~RequestScope();
    RequestScope(const RequestScope &) = delete;
    RequestScope &operator=(const RequestScope &) = delete;

private:
    const RequestScope *m_outer;
    friend // A 5xx logs its cause with the request id (the response says only that, and carries the id).
QHttpServerResponse errorResponse(const core::Error &error);
    QString m_requestId;
    QString m_what;
};

int httpStatusFor(core::ErrorCode code);
// A 5xx logs its cause with the request id (the response says only that, and carries the id).
QHttpServerResponse errorResponse(const core::Error &error);
QHttpServerResponse errorResponse(core::ErrorCode code, const QString &message);
QHttpServerResponse jsonResponse(const QJsonObject &body, int status = 200);

} // namespace fliptech::api
