// Cron expressions of schedules (issue 15): parsing, the next runs in a zone, the daylight-saving
// days of America/New_York and Europe/Berlin, leap days, and every refusal with its message.
#include "fliptech/automation/cron.h"

#include <QTest>

using fliptech::automation::CronExpression;

namespace {

// A list of Latin-1 texts (QT_NO_CAST_FROM_ASCII leaves QStringList no such constructor).
QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

class tst_Cron : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextRuns_data();
    void nextRuns();
    void refusals_data();
    void refusals();
    void zones();
    void steadyAndChangingDaysAgree();
};

void tst_Cron::nextRuns_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("runs"); // UTC

    QTest::newRow("every 15 minutes") << "*/15 * * * *" << "UTC" << "2026-01-15T09:07:30Z"
                                      << list({"2026-01-15T09:15:00Z", "2026-01-15T09:30:00Z", "2026-01-15T09:45:00Z", "2026-01-15T10:00:00Z"});
    QTest::newRow("from 5 every 20") << "5/20 * * * *" << "UTC" << "2026-01-15T09:00:00Z"
                                     << list({"2026-01-15T09:05:00Z", "2026-01-15T09:25:00Z", "2026-01-15T09:45:00Z", "2026-01-15T10:05:00Z"});
    QTest::newRow("a run exactly at after is not next") << "0 9 * * *" << "UTC" << "2026-01-15T09:00:00Z"
                                                        << list({"2026-01-16T09:00:00Z", "2026-01-17T09:00:00Z"});
    QTest::newRow("weekdays 1-5") << "0 12 * * 1-5" << "UTC" << "2026-01-16T13:00:00Z" // a Friday
                                  << list({"2026-01-19T12:00:00Z", "2026-01-20T12:00:00Z"});
    QTest::newRow("weekday names") << "0 12 * * MON-fri" << "UTC" << "2026-01-16T13:00:00Z"
                                   << list({"2026-01-19T12:00:00Z", "2026-01-20T12:00:00Z"});
    QTest::newRow("7 is Sunday") << "0 0 * * 7" << "UTC" << "2026-01-15T09:00:00Z"
                                 << list({"2026-01-18T00:00:00Z", "2026-01-25T00:00:00Z"});
    QTest::newRow("@weekly") << "@weekly" << "UTC" << "2026-01-15T09:00:00Z" << list({"2026-01-18T00:00:00Z", "2026-01-25T00:00:00Z"});
    QTest::newRow("@hourly") << "@hourly" << "UTC" << "2026-01-15T09:00:00Z" << list({"2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z"});
    QTest::newRow("@daily in New York") << "@daily" << "America/New_York" << "2026-01-15T09:00:00Z"
                                        << list({"2026-01-16T05:00:00Z", "2026-01-17T05:00:00Z"});
    QTest::newRow("@yearly") << "@annually" << "UTC" << "2026-01-15T09:00:00Z" << list({"2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"});
    QTest::newRow("month names in a list") << "0 0 1 jan,Jul *" << "UTC" << "2026-01-15T09:00:00Z"
                                           << list({"2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z"});
    QTest::newRow("leap day") << "0 0 29 2 *" << "UTC" << "2026-03-01T00:00:00Z" << list({"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"});
    QTest::newRow("day of month or Friday") << "0 0 13 * FRI" << "UTC" << "2026-02-01T00:00:00Z"
                                            << list({"2026-02-06T00:00:00Z", "2026-02-13T00:00:00Z", "2026-02-20T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-06T00:00:00Z", "2026-03-13T00:00:00Z"});
    QTest::newRow("last days of a month end") << "0 6 28-31 * *" << "UTC" << "2026-02-27T00:00:00Z"
                                              << list({"2026-02-28T06:00:00Z", "2026-03-28T06:00:00Z", "2026-03-29T06:00:00Z", "2026-03-30T06:00:00Z", "2026-03-31T06:00:00Z", "2026-04-28T06:00:00Z"});

    // New York springs forward on 2026-03-08 at 02:00 EST (07:00Z) to 03:00 EDT.
    QTest::newRow("NY 02:30 on spring-forward day runs once at 03:00") << "30 2 * * *" << "America/New_York" << "2026-03-07T00:00:00Z"
                                                                       << list({"2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"});
    QTest::newRow("NY 02:00 and 03:00 on spring-forward day: one run") << "0 2,3 * * *" << "America/New_York" << "2026-03-08T00:00:00Z"
                                                                       << list({"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"});
    QTest::newRow("NY hourly across spring-forward") << "30 * * * *" << "America/New_York" << "2026-03-08T05:00:00Z"
                                                     << list({"2026-03-08T05:30:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z"});
    // New York falls back on 2026-11-01 at 02:00 EDT (06:00Z) to 01:00 EST.
    QTest::newRow("NY 01:30 on fall-back day runs once") << "30 1 * * *" << "America/New_York" << "2026-10-31T12:00:00Z"
                                                         << list({"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"});
    QTest::newRow("NY hourly across fall-back: every real hour") << "30 * * * *" << "America/New_York" << "2026-11-01T03:00:00Z"
                                                                 << list({"2026-11-01T03:30:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"});
    // Berlin: spring 2026-03-29 02:00 CET (01:00Z) -> 03:00 CEST; fall 2026-10-25 03:00 CEST (01:00Z) -> 02:00 CET.
    QTest::newRow("Berlin 02:30 on spring-forward day") << "30 2 * * *" << "Europe/Berlin" << "2026-03-28T12:00:00Z"
                                                        << list({"2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"});
    QTest::newRow("Berlin 02:30 on fall-back day runs once") << "30 2 * * *" << "Europe/Berlin" << "2026-10-24T12:00:00Z"
                                                             << list({"2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"});
    QTest::newRow("Berlin */15 in the skipped hour: none that day") << "*/15 2 * * *" << "Europe/Berlin" << "2026-03-28T12:00:00Z"
                                                                     << list({"2026-03-30T00:00:00Z", "2026-03-30T00:15:00Z"});
    QTest::newRow("Berlin */30 in the repeated hour follows the clock") << "*/30 2 * * *" << "Europe/Berlin" << "2026-10-24T12:00:00Z"
                                                                        << list({"2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-26T01:00:00Z"});
    QTest::newRow("spaces and tabs between fields") << "  0   9\t* * *  " << "UTC" << "2026-01-15T10:00:00Z" << list({"2026-01-16T09:00:00Z"});
}

void tst_Cron::nextRuns()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, after);
    QFETCH(QStringList, runs);
    auto cron = CronExpression::parse(expression);
    QVERIFY2(cron, qPrintable(cron ? QString() : cron.error().message));
    auto tz = CronExpression::zone(zone);
    QVERIFY(tz);
    QStringList got;
    for (const QDateTime &t : cron->nextRuns(utc(after.toLatin1().constData()), *tz, int(runs.size())))
        got << t.toUTC().toString(Qt::ISODate);
    QCOMPARE(got, runs);
}

void tst_Cron::refusals_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "  " << "cron_expression is empty: give five fields (minute hour day-of-month month day-of-week) or a macro such as @daily";
    QTest::newRow("four fields") << "* * * *" << "cron_expression has 4 fields; a schedule takes five: minute hour day-of-month month day-of-week (no seconds, no year)";
    QTest::newRow("six fields") << "0 * * * * *" << "cron_expression has 6 fields; a schedule takes five: minute hour day-of-month month day-of-week (no seconds, no year)";
    QTest::newRow("minute 60") << "60 * * * *" << "cron_expression minute: 60 is out of range 0-59";
    QTest::newRow("hour 24") << "0 24 * * *" << "cron_expression hour: 24 is out of range 0-23";
    QTest::newRow("day 0") << "0 0 0 * *" << "cron_expression day of month: 0 is out of range 1-31";
    QTest::newRow("month 13") << "0 0 1 13 *" << "cron_expression month: 13 is out of range 1-12";
    QTest::newRow("weekday 8") << "0 0 * * 8" << "cron_expression day of week: 8 is out of range 0-7";
    QTest::newRow("unknown month name") << "0 0 1 FOO *" << "cron_expression month: 'FOO' is neither a number nor a name (JAN…DEC)";
    QTest::newRow("a name where numbers go") << "0 MON * * *" << "cron_expression hour: 'MON' is not a number";
    QTest::newRow("negative") << "-5 * * * *" << "cron_expression minute: '-5' is not a number";
    QTest::newRow("step 0") << "*/0 * * * *" << "cron_expression minute: the step 0 must be between 1 and 60";
    QTest::newRow("step not a number") << "*/x * * * *" << "cron_expression minute: the step 'x' is not a number";
    QTest::newRow("backwards range") << "0 0 * * 5-1" << "cron_expression day of week: the range 5-1 runs backwards (write it as two ranges, e.g. 5-7,0-1)";
    QTest::newRow("empty list item") << "1,,2 * * * *" << "cron_expression minute: the list '1,,2' has an empty item";
    QTest::newRow("step without a start") << "/5 * * * *" << "cron_expression minute: '/5' has no value before the step";
    QTest::newRow("30 February never comes") << "0 0 30 2 *" << "cron_expression never runs: none of the months chosen has the day of month '30'";
    QTest::newRow("31 in 30-day months") << "0 0 31 4,6,9,11 *" << "cron_expression never runs: none of the months chosen has the day of month '31'";
    QTest::newRow("@reboot") << "@reboot" << "cron_expression @reboot is not supported: a schedule runs at times of day (use @hourly, @daily, ...)";
    QTest::newRow("unknown macro") << "@often" << "cron_expression @often is not a macro (use @yearly, @monthly, @weekly, @daily or @hourly)";
    QTest::newRow("injection") << "'; DROP TABLE schedules; --" << "cron_expression minute: '';' is not a number";
}

void tst_Cron::refusals()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    auto cron = CronExpression::parse(expression);
    QVERIFY(!cron);
    QCOMPARE(cron.error().message, message);
    QVERIFY(cron.error().details.contains(QStringLiteral("cron_expression")));
}

void tst_Cron::zones()
{
    QVERIFY(CronExpression::zone(QStringLiteral("Europe/Berlin")));
    QVERIFY(CronExpression::zone(QStringLiteral("UTC")));
    QVERIFY(CronExpression::zone(QStringLiteral("Etc/UTC"))); // what /etc/localtime names on many machines
    QVERIFY(!CronExpression::zone(QStringLiteral("Atlantis"))); // Qt alone reads it as a POSIX rule
    QVERIFY(!CronExpression::zone(QStringLiteral("../../etc/passwd")));
    auto bad = CronExpression::zone(QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().message, QStringLiteral("timezone 'Mars/Olympus_Mons' is not an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)"));
    QVERIFY(!CronExpression::zone(QString()));
}

// Every minute of a year in New York, stepped one run at a time, against a brute-force walk of
// every minute: the fast path (days without a change) and the slow one agree, and runs only
// increase.
void tst_Cron::steadyAndChangingDaysAgree()
{
    const QTimeZone ny("America/New_York");
    auto cron = CronExpression::parse(QStringLiteral("*/20 1-3 * * *"));
    QVERIFY(cron);
    QDateTime t = utc("2026-01-01T00:00:00Z");
    const QDateTime end = utc("2027-01-01T00:00:00Z");
    int runs = 0;
    int expected = 0;
    for (QDateTime m = t; m < end; m = m.addSecs(60)) {
        const QDateTime local = m.toTimeZone(ny);
        if (local.time().minute() % 20 == 0 && local.time().hour() >= 1 && local.time().hour() <= 3)
            ++expected;
    }
    while (true) {
        auto n = cron->next(t, ny);
        QVERIFY(n);
        QVERIFY(*n > t);
        if (*n >= end)
            break;
        t = *n;
        ++runs;
    }
    QCOMPARE(runs, expected);
}

QTEST_APPLESS_MAIN(tst_Cron)
#include "tst_cron.moc"
