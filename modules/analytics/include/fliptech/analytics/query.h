#pragma once
// Query: the period ([from, to) in UTC, read in a time zone) and the filters every analytics
// figure takes (issue 13).

#include "fliptech/core/error.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

#include <optional>

namespace fliptech::analytics {

// The period and filters every figure takes.
struct Query {
    QDateTime from; // UTC, inclusive
    QDateTime to;   // UTC, exclusive
    QTimeZone zone = QTimeZone::utc();
    QString source;
    std::optional<qint64> campaignId;
    std::optional<qint64> locationGroupId;
    std::optional<qint64> userId; // the lead's assignee

    // From request parameters: from / to (ISO dates, the whole day in `tz`, or date-times),
    // tz (IANA, default UTC), source, campaign_id, location_group_id, user_id. The default
    // period is the last 30 days up to now. ValidationFailed names the parameter.
    static core::Result<Query> parse(const QHash<QString, QString> &params, const QDateTime &now);
    QJsonObject periodJson() const;
};

} // namespace fliptech::analytics
