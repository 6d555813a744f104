#include "fliptech/automation/cron.h"

#include <QFileInfo>
#include <QStringList>

#include <algorithm>

namespace fliptech::automation {

namespace {

const QString fieldKey = QStringLiteral("cron_expression");

core::Error cronError(const QString &problem)
{
    return core::fieldError(fieldKey, problem);
}

struct FieldSpec {
    const char *name;
    int min;
    int max;
    QStringList names; // names[i] is the value min + i
};

const QStringList monthNames{QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
                             QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
                             QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
const QStringList dayNames{QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"), QStringLiteral("WED"),
                           QStringLiteral("THU"), QStringLiteral("FRI"), QStringLiteral("SAT")};

// A number or a name of the field, or the problem.
core::Result<int> valueOf(const QString &token, const FieldSpec &spec)
{
    bool ok = false;
    const int n = token.toInt(&ok);
    if (ok && !token.startsWith(u'+') && !token.startsWith(u'-')) {
        if (n < spec.min || n > spec.max)
            return cronError(QStringLiteral("%1: %2 is out of range %3-%4").arg(QLatin1String(spec.name), token).arg(spec.min).arg(spec.max));
        return n;
    }
    const int named = int(spec.names.indexOf(token.toUpper()));
    if (named >= 0)
        return spec.min + named;
    if (spec.names.isEmpty())
        return cronError(QStringLiteral("%1: '%2' is not a number").arg(QLatin1String(spec.name), token));
    return cronError(QStringLiteral("%1: '%2' is neither a number nor a name (%3)")
                         .arg(QLatin1String(spec.name), token, spec.names.first() + QStringLiteral("…") + spec.names.last()));
}

// Sets the values a field selects in `bits` (index = value); the day of week's 7 is Sunday (0).
template <std::size_t N>
core::Status parseField(const QString &field, const FieldSpec &spec, std::bitset<N> &bits)
{
    const QStringList items = field.split(u',');
    for (const QString &item : items) {
        if (item.isEmpty())
            return cronError(QStringLiteral("%1: the list '%2' has an empty item").arg(QLatin1String(spec.name), field));
        const qsizetype slash = item.indexOf(u'/');
        const QString base = slash < 0 ? item : item.left(slash);
        int step = 1;
        if (slash >= 0) {
            const QString stepText = item.mid(slash + 1);
            bool ok = false;
            step = stepText.toInt(&ok);
            if (!ok || stepText.startsWith(u'+') || stepText.startsWith(u'-'))
                return cronError(QStringLiteral("%1: the step '%2' is not a number").arg(QLatin1String(spec.name), stepText));
            if (step < 1 || step > spec.max - spec.min + 1)
                return cronError(QStringLiteral("%1: the step %2 must be between 1 and %3").arg(QLatin1String(spec.name)).arg(step).arg(spec.max - spec.min + 1));
        }
        int from = spec.min;
        int to = spec.max;
        if (base == u'*') {
            if (spec.max == 7) // day of week: * is 0-6
                to = 6;
        } else if (base.isEmpty()) {
            return cronError(QStringLiteral("%1: '%2' has no value before the step").arg(QLatin1String(spec.name), item));
        } else {
            const qsizetype dash = base.indexOf(u'-', 1);
            auto first = valueOf(dash < 0 ? base : base.left(dash), spec);
            if (!first)
                return first.error();
            from = *first;
            if (dash >= 0) {
                auto last = valueOf(base.mid(dash + 1), spec);
                if (!last)
                    return last.error();
                to = *last;
                if (to < from)
                    return cronError(QStringLiteral("%1: the range %2 runs backwards (write it as two ranges, e.g. %3-%4,%5-%6)")
                                         .arg(QLatin1String(spec.name), base)
                                         .arg(from).arg(spec.max).arg(spec.min).arg(to));
            } else if (slash < 0) {
                to = from; // a single value
            }
        }
        for (int v = from; v <= to; v += step)
            bits.set(std::size_t(spec.max == 7 && v == 7 ? 0 : v));
    }
    return {};
}

int daysInMonthAtMost(int month)
{
    return month == 2 ? 29 : QDate(2001, month, 1).daysInMonth();
}

QDateTime utcOf(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
}

int offsetAt(const QTimeZone &zone, qint64 utcSecs)
{
    return zone.offsetFromUtc(utcOf(utcSecs));
}

} // namespace

core::Result<CronExpression> CronExpression::parse(const QString &input)
{
    const QString text = input.simplified();
    if (text.isEmpty())
        return cronError(QStringLiteral("is empty: give five fields (minute hour day-of-month month day-of-week) or a macro such as @daily"));
    QString fields = text;
    if (text.startsWith(u'@')) {
        const QString macro = text.toLower();
        if (macro == u"@yearly" || macro == u"@annually")
            fields = QStringLiteral("0 0 1 1 *");
        else if (macro == u"@monthly")
            fields = QStringLiteral("0 0 1 * *");
        else if (macro == u"@weekly")
            fields = QStringLiteral("0 0 * * 0");
        else if (macro == u"@daily" || macro == u"@midnight")
            fields = QStringLiteral("0 0 * * *");
        else if (macro == u"@hourly")
            fields = QStringLiteral("0 * * * *");
        else if (macro == u"@reboot")
            return cronError(QStringLiteral("@reboot is not supported: a schedule runs at times of day (use @hourly, @daily, ...)"));
        else
            return cronError(QStringLiteral("%1 is not a macro (use @yearly, @monthly, @weekly, @daily or @hourly)").arg(text));
    }
    const QStringList parts = fields.split(u' ');
    if (parts.size() != 5)
        return cronError(QStringLiteral("has %1 field%2; a schedule takes five: minute hour day-of-month month day-of-week (no seconds, no year)")
                             .arg(parts.size())
                             .arg(parts.size() == 1 ? QString() : QStringLiteral("s")));
    CronExpression e;
    e.m_text = text;
    if (auto st = parseField(parts[0], FieldSpec{"minute", 0, 59, {}}, e.m_minutes); !st)
        return st.error();
    if (auto st = parseField(parts[1], FieldSpec{"hour", 0, 23, {}}, e.m_hours); !st)
        return st.error();
    if (auto st = parseField(parts[2], FieldSpec{"day of month", 1, 31, {}}, e.m_days); !st)
        return st.error();
    if (auto st = parseField(parts[3], FieldSpec{"month", 1, 12, monthNames}, e.m_months); !st)
        return st.error();
    if (auto st = parseField(parts[4], FieldSpec{"day of week", 0, 7, dayNames}, e.m_weekdays); !st)
        return st.error();
    e.m_daysStar = parts[2].startsWith(u'*');
    e.m_weekdaysStar = parts[4].startsWith(u'*');
    e.m_wildcard = parts[0].startsWith(u'*') || parts[1].startsWith(u'*');
    if (!e.m_daysStar && e.m_weekdaysStar) {
        // Only the day of the month counts: some chosen month must have some chosen day.
        bool exists = false;
        for (int m = 1; m <= 12 && !exists; ++m)
            for (int d = 1; e.m_months.test(std::size_t(m)) && d <= daysInMonthAtMost(m) && !exists; ++d)
                exists = e.m_days.test(std::size_t(d));
        if (!exists)
            return cronError(QStringLiteral("never runs: none of the months chosen has the day of month '%1'").arg(parts[2]));
    }
    return e;
}

core::Result<QTimeZone> CronExpression::zone(const QString &ianaId)
{
    const QString id = ianaId.trimmed();
    if (id.isEmpty())
        return core::fieldError(QStringLiteral("timezone"), QStringLiteral("is empty: name an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)"));
    // Only names of the tz database: Qt would read any other word as a POSIX TZ rule ("Atlantis").
    // Qt's list leaves out Etc/ zones and old links (Etc/UTC, US/Eastern), which the database holds.
    const QTimeZone tz(id.toUtf8());
    const QString zoneinfo = qEnvironmentVariable("TZDIR", QStringLiteral("/usr/share/zoneinfo"));
    const bool named = QTimeZone::isTimeZoneIdAvailable(id.toUtf8()) ||
                       (!id.contains(QStringLiteral("..")) && !id.startsWith(u'/') && QFileInfo(zoneinfo + u'/' + id).isFile());
    if (!tz.isValid() || !named)
        return core::fieldError(QStringLiteral("timezone"),
                                QStringLiteral("'%1' is not an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)").arg(id));
    return tz;
}

bool CronExpression::dayMatches(const QDate &date) const
{
    if (!m_months.test(std::size_t(date.month())))
        return false;
    const bool day = m_days.test(std::size_t(date.day()));
    const bool weekday = m_weekdays.test(std::size_t(date.dayOfWeek() % 7));
    if (m_daysStar)
        return weekday;
    if (m_weekdaysStar)
        return day;
    return day || weekday;
}

QList<qint64> CronExpression::instantsOf(qint64 local, const QTimeZone &zone) const
{
    QList<int> offsets;
    for (qint64 probe : {local - 86400, local, local + 86400}) {
        const int o = offsetAt(zone, probe);
        if (!offsets.contains(o))
            offsets.append(o);
    }
    QList<qint64> valid;
    for (int o : offsets)
        if (offsetAt(zone, local - o) == o)
            valid.append(local - o);
    std::sort(valid.begin(), valid.end());
    valid.erase(std::unique(valid.begin(), valid.end()), valid.end());
    if (valid.size() >= 2) // a fall-back hour: fixed times run at the first only
        return m_wildcard ? valid : QList<qint64>{valid.first()};
    if (!valid.isEmpty() || m_wildcard || offsets.size() < 2)
        return valid;
    // A spring-forward gap: a fixed time runs once, when the gap ends.
    const auto [lowest, highest] = std::minmax_element(offsets.begin(), offsets.end());
    qint64 before = local - *highest; // still the old offset
    qint64 after = local - *lowest;   // already the new one
    const int old = offsetAt(zone, before);
    while (after - before > 1) {
        const qint64 mid = before + (after - before) / 2;
        (offsetAt(zone, mid) == old ? before : after) = mid;
    }
    return {after};
}

std::optional<QDateTime> CronExpression::next(const QDateTime &after, const QTimeZone &zone) const
{
    const qint64 afterMs = after.toMSecsSinceEpoch();
    QDate day = after.toTimeZone(zone).date().addDays(-1);
    for (int i = 0; i < 366 * 8 + 3; ++i, day = day.addDays(1)) {
        if (!dayMatches(day))
            continue;
        const qint64 midnight = QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); // local, read as UTC
        const QTimeZone::OffsetData change = zone.hasTransitions() ? zone.nextTransition(utcOf(midnight - 2 * 86400)) : QTimeZone::OffsetData{};
        const bool steady = !change.atUtc.isValid() || change.atUtc.toSecsSinceEpoch() > midnight + 2 * 86400;
        if (steady) {
            const int offset = offsetAt(zone, midnight);
            for (int h = 0; h < 24; ++h) {
                if (!m_hours.test(std::size_t(h)))
                    continue;
                for (int m = 0; m < 60; ++m) {
                    if (!m_minutes.test(std::size_t(m)))
                        continue;
                    const qint64 t = midnight + h * 3600 + m * 60 - offset;
                    if (t * 1000 > afterMs)
                        return utcOf(t);
                }
            }
            continue;
        }
        std::optional<qint64> best;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours.test(std::size_t(h)))
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes.test(std::size_t(m)))
                    continue;
                for (qint64 t : instantsOf(midnight + h * 3600 + m * 60, zone))
                    if (t * 1000 > afterMs && (!best || t < *best))
                        best = t;
            }
        }
        if (best)
            return utcOf(*best);
    }
    return std::nullopt;
}

QList<QDateTime> CronExpression::nextRuns(const QDateTime &after, const QTimeZone &zone, int count) const
{
    QList<QDateTime> runs;
    QDateTime from = after;
    while (runs.size() < count) {
        auto n = next(from, zone);
        if (!n)
            break;
        runs.append(*n);
        from = *n;
    }
    return runs;
}

} // namespace fliptech::automation
