#include "fliptech/campaigns/sendplanner.h"

#include "fliptech/campaigns/senderaccounts.h"

#include <QJsonArray>

namespace fliptech::campaigns {

namespace {

const char *const kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<QTime> parseClock(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s == QLatin1String("24:00"))
        return QTime(23, 59, 59, 999);
    const QTime t = QTime::fromString(s, QStringLiteral("HH:mm"));
    if (!t.isValid())
        return std::nullopt;
    return t;
}

bool allDay(const SendWindow &w) { return w.start == w.end; }

bool inHours(const SendWindow &w, const QTime &t)
{
    if (allDay(w))
        return true;
    if (w.start < w.end)
        return t >= w.start && t < w.end;
    return t >= w.start || t < w.end; // overnight: 22:00-06:00
}

} // namespace

SendWindow SendWindow::fromJson(const QJsonObject &json, QString *error)
{
    SendWindow w;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return SendWindow{};
    };
    if (json.contains(QStringLiteral("days"))) {
        const QJsonValue days = json.value(QStringLiteral("days"));
        if (!days.isArray() || days.toArray().isEmpty())
            return fail(QStringLiteral("days: list the sending days, e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"));
        w.days.clear();
        for (const auto &d : days.toArray()) {
            int n = 0;
            if (d.isDouble() && d.toInt() >= 1 && d.toInt() <= 7)
                n = d.toInt();
            for (int i = 0; i < 7 && n == 0; ++i)
                if (d.toString().left(3).compare(QLatin1String(kDayNames[i]), Qt::CaseInsensitive) == 0)
                    n = i + 1;
            if (n == 0)
                return fail(QStringLiteral("days: \"%1\" is not a day (mon, tue, wed, thu, fri, sat, sun)").arg(d.toVariant().toString().left(20)));
            if (!w.days.contains(n))
                w.days << n;
        }
        std::sort(w.days.begin(), w.days.end());
    }
    for (const char *key : {"start", "end"}) {
        const QString k = QString::fromLatin1(key);
        if (!json.contains(k))
            continue;
        const auto t = parseClock(json.value(k));
        if (!t)
            return fail(QStringLiteral("%1: \"%2\" is not a time of day as HH:MM (e.g. 09:00)").arg(k, json.value(k).toString().left(20)));
        (k == QLatin1String("start") ? w.start : w.end) = *t;
    }
    if (error)
        error->clear();
    return w;
}

QJsonObject SendWindow::toJson() const
{
    QJsonArray d;
    for (int n : days)
        d.append(QString::fromLatin1(kDayNames[n - 1]));
    return {{QStringLiteral("days"), d}, {QStringLiteral("start"), start.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("end"), end == QTime(23, 59, 59, 999) ? QStringLiteral("24:00") : end.toString(QStringLiteral("HH:mm"))}};
}

bool SendWindow::contains(const QDateTime &utc, const QTimeZone &zone) const
{
    const QDateTime local = utc.toTimeZone(zone);
    if (!inHours(*this, local.time()))
        return false;
    // An overnight window's early hours belong to the day it opened.
    QDate day = local.date();
    if (!allDay(*this) && start > end && local.time() < end)
        day = day.addDays(-1);
    return days.contains(day.dayOfWeek());
}

QDateTime SendWindow::nextOpen(const QDateTime &utc, const QTimeZone &zone) const
{
    if (days.isEmpty() || contains(utc, zone))
        return utc;
    const QDateTime local = utc.toTimeZone(zone);
    for (int i = 0; i <= 8; ++i) {
        const QDate day = local.date().addDays(i);
        if (!days.contains(day.dayOfWeek()))
            continue;
        QDateTime open(day, allDay(*this) ? QTime(0, 0) : start, zone);
        if (open > utc)
            return open.toUTC();
    }
    return utc.addDays(1); // not reached with a valid window
}

QDateTime SendWindow::afterSendingDays(const QDateTime &utc, int n, const QTimeZone &zone) const
{
    if (n <= 0)
        return nextOpen(utc, zone);
    const QDateTime local = utc.toTimeZone(zone);
    QDate day = local.date();
    int counted = 0;
    for (int guard = 0; counted < n && guard < 400; ++guard) {
        day = day.addDays(1);
        if (days.isEmpty() || days.contains(day.dayOfWeek()))
            ++counted;
    }
    return nextOpen(QDateTime(day, local.time(), zone).toUTC(), zone);
}

// ---- planner ------------------------------------------------------------------------------

void SendPlanner::addAccount(const AccountLimits &limits, const QList<QDateTime> &sent)
{
    State s;
    s.limits = limits;
    QList<QDateTime> sorted = sent;
    std::sort(sorted.begin(), sorted.end());
    for (const QDateTime &t : std::as_const(sorted))
        s.sent.push_back(t.toUTC());
    m_accounts.insert(limits.id, std::move(s));
}

int SendPlanner::capToday(qint64 id, const QDateTime &now) const
{
    const auto it = m_accounts.constFind(id);
    if (it == m_accounts.cend())
        return 0;
    const AccountLimits &l = it->limits;
    if (l.rampStart <= 0 || !l.firstDay.isValid())
        return l.dailyLimit;
    const int day = int(l.firstDay.daysTo(now.toTimeZone(l.zone).date())) + 1;
    return SenderAccountService::capOnDay(l.dailyLimit, l.rampStart, l.rampPerDay, qMax(1, day));
}

int SendPlanner::sentToday(qint64 id, const QDateTime &now) const
{
    const auto it = m_accounts.constFind(id);
    if (it == m_accounts.cend())
        return 0;
    const QDateTime midnight = QDateTime(now.toTimeZone(it->limits.zone).date(), QTime(0, 0), it->limits.zone).toUTC();
    int n = 0;
    for (auto t = it->sent.rbegin(); t != it->sent.rend() && *t >= midnight; ++t)
        ++n;
    return n;
}

std::optional<QDateTime> SendPlanner::blockedUntil(const State &s, const QDateTime &now) const
{
    const AccountLimits &l = s.limits;
    QDateTime until;
    auto later = [&until](const QDateTime &t) {
        if (!until.isValid() || t > until)
            until = t;
    };
    if (!s.sent.empty() && l.minGapSeconds > 0) {
        const QDateTime gap = s.sent.back().addSecs(l.minGapSeconds);
        if (gap > now)
            later(gap);
    }
    if (l.hourlyLimit > 0) {
        const QDateTime hourAgo = now.addSecs(-3600);
        int inHour = 0;
        auto it = s.sent.rbegin();
        for (; it != s.sent.rend() && *it > hourAgo; ++it)
            ++inHour;
        if (inHour >= l.hourlyLimit) {
            // The send that must leave the hour for one more to fit.
            const QDateTime &oldest = *(s.sent.rbegin() + (l.hourlyLimit - 1));
            later(oldest.addSecs(3600).addMSecs(1));
        }
    }
    const int cap = capToday(l.id, now);
    if (sentToday(l.id, now) >= cap || cap <= 0) {
        const QDate tomorrow = now.toTimeZone(l.zone).date().addDays(1);
        later(QDateTime(tomorrow, QTime(0, 0), l.zone).toUTC());
    }
    if (!until.isValid())
        return std::nullopt;
    return until;
}

QDateTime SendPlanner::earliest(qint64 id, const QDateTime &now) const
{
    const auto it = m_accounts.constFind(id);
    if (it == m_accounts.cend())
        return {};
    return blockedUntil(*it, now).value_or(now);
}

std::variant<qint64, QDateTime> SendPlanner::reserve(const QList<qint64> &candidates, const QDateTime &now)
{
    QDateTime soonest;
    const int n = int(candidates.size());
    for (int i = 0; i < n; ++i) {
        const qint64 id = candidates.at((m_next + i) % n);
        auto it = m_accounts.find(id);
        if (it == m_accounts.end())
            continue;
        const auto blocked = blockedUntil(*it, now);
        if (!blocked) {
            it->sent.push_back(now.toUTC());
            const QDateTime dayAgo = now.addSecs(-26 * 3600);
            while (!it->sent.empty() && it->sent.front() < dayAgo)
                it->sent.pop_front();
            m_next = (m_next + i + 1) % n;
            return id;
        }
        if (!soonest.isValid() || *blocked < soonest)
            soonest = *blocked;
    }
    if (!soonest.isValid())
        soonest = now.addDays(1); // no usable account: the caller says so
    return soonest;
}

// ---- recipient zones ----------------------------------------------------------------------

namespace {

struct Zone {
    const char *key;
    const char *zone;
};

// US states and Canadian provinces by code: the zone most of their people live in.
const Zone kRegions[] = {
    {"AL", "America/Chicago"}, {"AK", "America/Anchorage"}, {"AZ", "America/Phoenix"}, {"AR", "America/Chicago"},
    {"CA", "America/Los_Angeles"}, {"CO", "America/Denver"}, {"CT", "America/New_York"}, {"DE", "America/New_York"},
    {"DC", "America/New_York"}, {"FL", "America/New_York"}, {"GA", "America/New_York"}, {"HI", "Pacific/Honolulu"},
    {"ID", "America/Boise"}, {"IL", "America/Chicago"}, {"IN", "America/Indiana/Indianapolis"}, {"IA", "America/Chicago"},
    {"KS", "America/Chicago"}, {"KY", "America/New_York"}, {"LA", "America/Chicago"}, {"ME", "America/New_York"},
    {"MD", "America/New_York"}, {"MA", "America/New_York"}, {"MI", "America/Detroit"}, {"MN", "America/Chicago"},
    {"MS", "America/Chicago"}, {"MO", "America/Chicago"}, {"MT", "America/Denver"}, {"NE", "America/Chicago"},
    {"NV", "America/Los_Angeles"}, {"NH", "America/New_York"}, {"NJ", "America/New_York"}, {"NM", "America/Denver"},
    {"NY", "America/New_York"}, {"NC", "America/New_York"}, {"ND", "America/Chicago"}, {"OH", "America/New_York"},
    {"OK", "America/Chicago"}, {"OR", "America/Los_Angeles"}, {"PA", "America/New_York"}, {"RI", "America/New_York"},
    {"SC", "America/New_York"}, {"SD", "America/Chicago"}, {"TN", "America/Chicago"}, {"TX", "America/Chicago"},
    {"UT", "America/Denver"}, {"VT", "America/New_York"}, {"VA", "America/New_York"}, {"WA", "America/Los_Angeles"},
    {"WV", "America/New_York"}, {"WI", "America/Chicago"}, {"WY", "America/Denver"}, {"PR", "America/Puerto_Rico"},
    // Canada
    {"BC", "America/Vancouver"}, {"AB", "America/Edmonton"}, {"SK", "America/Regina"}, {"MB", "America/Winnipeg"},
    {"ON", "America/Toronto"}, {"QC", "America/Toronto"}, {"NB", "America/Moncton"}, {"NS", "America/Halifax"},
    {"PE", "America/Halifax"}, {"NL", "America/St_Johns"}, {"YT", "America/Whitehorse"}, {"NT", "America/Yellowknife"},
    {"NU", "America/Iqaluit"},
};

const Zone kRegionNames[] = {
    {"alabama", "AL"}, {"alaska", "AK"}, {"arizona", "AZ"}, {"arkansas", "AR"}, {"california", "CA"}, {"colorado", "CO"},
    {"connecticut", "CT"}, {"delaware", "DE"}, {"district of columbia", "DC"}, {"florida", "FL"}, {"georgia", "GA"},
    {"hawaii", "HI"}, {"idaho", "ID"}, {"illinois", "IL"}, {"indiana", "IN"}, {"iowa", "IA"}, {"kansas", "KS"},
    {"kentucky", "KY"}, {"louisiana", "LA"}, {"maine", "ME"}, {"maryland", "MD"}, {"massachusetts", "MA"},
    {"michigan", "MI"}, {"minnesota", "MN"}, {"mississippi", "MS"}, {"missouri", "MO"}, {"montana", "MT"},
    {"nebraska", "NE"}, {"nevada", "NV"}, {"new hampshire", "NH"}, {"new jersey", "NJ"}, {"new mexico", "NM"},
    {"new york", "NY"}, {"north carolina", "NC"}, {"north dakota", "ND"}, {"ohio", "OH"}, {"oklahoma", "OK"},
    {"oregon", "OR"}, {"pennsylvania", "PA"}, {"rhode island", "RI"}, {"south carolina", "SC"}, {"south dakota", "SD"},
    {"tennessee", "TN"}, {"texas", "TX"}, {"utah", "UT"}, {"vermont", "VT"}, {"virginia", "VA"}, {"washington", "WA"},
    {"west virginia", "WV"}, {"wisconsin", "WI"}, {"wyoming", "WY"}, {"puerto rico", "PR"},
    {"british columbia", "BC"}, {"alberta", "AB"}, {"saskatchewan", "SK"}, {"manitoba", "MB"}, {"ontario", "ON"},
    {"quebec", "QC"}, {"new brunswick", "NB"}, {"nova scotia", "NS"}, {"prince edward island", "PE"},
    {"newfoundland and labrador", "NL"}, {"yukon", "YT"}, {"northwest territories", "NT"}, {"nunavut", "NU"},
};

// Countries with one zone (by ISO code), and the names people write for them.
const Zone kCountries[] = {
    {"GB", "Europe/London"}, {"IE", "Europe/Dublin"}, {"DE", "Europe/Berlin"}, {"FR", "Europe/Paris"},
    {"ES", "Europe/Madrid"}, {"IT", "Europe/Rome"}, {"NL", "Europe/Amsterdam"}, {"BE", "Europe/Brussels"},
    {"CH", "Europe/Zurich"}, {"AT", "Europe/Vienna"}, {"SE", "Europe/Stockholm"}, {"NO", "Europe/Oslo"},
    {"DK", "Europe/Copenhagen"}, {"FI", "Europe/Helsinki"}, {"PL", "Europe/Warsaw"}, {"PT", "Europe/Lisbon"},
    {"CZ", "Europe/Prague"}, {"GR", "Europe/Athens"}, {"HU", "Europe/Budapest"}, {"RO", "Europe/Bucharest"},
    {"IN", "Asia/Kolkata"}, {"JP", "Asia/Tokyo"}, {"SG", "Asia/Singapore"}, {"HK", "Asia/Hong_Kong"},
    {"IL", "Asia/Jerusalem"}, {"AE", "Asia/Dubai"}, {"ZA", "Africa/Johannesburg"}, {"NZ", "Pacific/Auckland"},
    {"PH", "Asia/Manila"}, {"KR", "Asia/Seoul"}, {"CO", "America/Bogota"}, {"PE", "America/Lima"},
    {"AR", "America/Argentina/Buenos_Aires"},
};

const Zone kCountryNames[] = {
    {"united kingdom", "GB"}, {"uk", "GB"}, {"great britain", "GB"}, {"england", "GB"}, {"scotland", "GB"},
    {"wales", "GB"}, {"ireland", "IE"}, {"germany", "DE"}, {"france", "FR"}, {"spain", "ES"}, {"italy", "IT"},
    {"netherlands", "NL"}, {"belgium", "BE"}, {"switzerland", "CH"}, {"austria", "AT"}, {"sweden", "SE"},
    {"norway", "NO"}, {"denmark", "DK"}, {"finland", "FI"}, {"poland", "PL"}, {"portugal", "PT"}, {"india", "IN"},
    {"japan", "JP"}, {"singapore", "SG"}, {"israel", "IL"}, {"south africa", "ZA"}, {"new zealand", "NZ"},
    {"united states", "US"}, {"united states of america", "US"}, {"usa", "US"}, {"canada", "CA"},
};

const char *lookup(const Zone *table, size_t n, const QString &key)
{
    for (size_t i = 0; i < n; ++i)
        if (key.compare(QLatin1String(table[i].key), Qt::CaseInsensitive) == 0)
            return table[i].zone;
    return nullptr;
}

template <size_t N>
const char *lookup(const Zone (&table)[N], const QString &key)
{
    return lookup(table, N, key);
}

} // namespace

QTimeZone recipientTimeZone(const QString &locationZone, const QString &region, const QString &country)
{
    if (!locationZone.isEmpty() && locationZone != QLatin1String("UTC")) {
        const QTimeZone z(locationZone.toUtf8());
        if (z.isValid())
            return z;
    }
    QString c = country.trimmed();
    if (const char *code = lookup(kCountryNames, c))
        c = QString::fromLatin1(code);
    const bool northAmerica = c.isEmpty() || c.compare(QLatin1String("US"), Qt::CaseInsensitive) == 0 ||
                              c.compare(QLatin1String("CA"), Qt::CaseInsensitive) == 0;
    if (northAmerica && !region.trimmed().isEmpty()) {
        QString r = region.trimmed();
        if (const char *code = lookup(kRegionNames, r))
            r = QString::fromLatin1(code);
        if (const char *zone = lookup(kRegions, r))
            return QTimeZone(QByteArray(zone));
    }
    if (const char *zone = lookup(kCountries, c))
        return QTimeZone(QByteArray(zone));
    return {};
}

} // namespace fliptech::campaigns
