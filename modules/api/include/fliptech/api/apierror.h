#pragma once
// The one place where error codes become HTTP statuses, and the JSON error envelope.

#include "fliptech/core/error.h"

#include <QHttpServerResponse>

namespace fliptech::api {

int httpStatusFor(core::ErrorCode code);
QHttpServerResponse errorResponse(const core::Error &error);
QHttpServerResponse errorResponse(core::ErrorCode code, const QString &message);
QHttpServerResponse jsonResponse(const QJsonObject &body, int status = 200);

} // namespace fliptech::api
