#pragma once
// CronExpression: the five-field cron of schedules (minute hour day-of-month month day-of-week)
// with lists, ranges, steps, names (JAN-DEC, SUN-SAT; 7 is Sunday too) and the macros @yearly,
// @annually, @monthly, @weekly, @daily, @midnight and @hourly, read in an IANA time zone.
//
// Days: when both day fields are restricted a day matches either (Vixie cron); when one starts
// with '*' only the other counts.
// Daylight-saving changes follow Vixie cron, so no run happens twice and none is lost:
//  - a "fixed" expression (minute and hour both without '*') whose local time falls in a
//    spring-forward gap runs once at the end of the gap (02:30 on a 02:00 -> 03:00 day runs at
//    03:00); in a fall-back hour it runs at the first of the two times only;
//  - a "wildcard" expression (minute or hour starts with '*', e.g. */15 or 30 *) follows the
//    clock: the skipped local times do not exist, the repeated hour runs twice (so an hourly run
//    stays an hour apart in real time).

#include "fliptech/core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <bitset>
#include <optional>

namespace fliptech::automation {

class CronExpression final
{
public:
    // Errors name the field and what to fix ("hour: 24 is out of range 0-23").
    static core::Result<CronExpression> parse(const QString &text);
    // An IANA zone ("Europe/Berlin", "UTC"), or a message saying the name is unknown.
    static core::Result<QTimeZone> zone(const QString &ianaId);

    // The first run strictly after `after`, in `zone` (UTC instants, whole minutes); nullopt
    // only when no day matches within eight years (parse() refuses dates that never exist).
    std::optional<QDateTime> next(const QDateTime &after, const QTimeZone &zone) const;
    // The next `count` runs after `after`.
    QList<QDateTime> nextRuns(const QDateTime &after, const QTimeZone &zone, int count) const;

    QString text() const { return m_text; }
    bool isWildcard() const { return m_wildcard; }

private:
    bool dayMatches(const QDate &date) const;
    // The UTC instants at which the local time `local` runs, ascending (none, one or two).
    QList<qint64> instantsOf(qint64 localSecs, const QTimeZone &zone) const;

    QString m_text;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;    // 1-31
    std::bitset<13> m_months;  // 1-12
    std::bitset<7> m_weekdays; // 0 = Sunday
    bool m_daysStar = false;
    bool m_weekdaysStar = false;
    bool m_wildcard = false;
};

} // namespace fliptech::automation
