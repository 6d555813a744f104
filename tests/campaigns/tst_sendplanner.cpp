// When a campaign may send, as pure rules with a fake clock's instants: sending windows read in
// a time zone (weekends, overnight windows, the DST change), sending days for a sequence's delay,
// an account's minimum gap, hourly and daily caps (the day in the account's own zone), the ramp of
// a new mailbox, rotation among accounts, and the zone a recipient's location gives.
#include "fliptech/campaigns/sendplanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fliptech::campaigns;

namespace {
QDateTime utc(int y, int m, int d, int h, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone::utc());
}
const QTimeZone chicago(QByteArrayLiteral("America/Chicago"));
const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
} // namespace

class TestSendPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windows()
    {
        const SendWindow w; // mon-fri 09:00-17:00
        // Thursday 2026-01-15, 15:30 UTC = 09:30 in Chicago, 16:30 in Berlin.
        QVERIFY(w.contains(utc(2026, 1, 15, 15, 30), chicago));
        QVERIFY(w.contains(utc(2026, 1, 15, 15, 30), berlin));
        QVERIFY(!w.contains(utc(2026, 1, 15, 14, 59), chicago)); // 08:59
        QVERIFY(!w.contains(utc(2026, 1, 15, 23, 0), chicago));  // 17:00: the end is not inside
        QVERIFY(!w.contains(utc(2026, 1, 17, 18, 0), chicago));  // Saturday noon
        // Friday after hours -> Monday 09:00 Chicago (15:00 UTC in winter).
        QCOMPARE(w.nextOpen(utc(2026, 1, 16, 23, 30), chicago), utc(2026, 1, 19, 15, 0));
        // Inside: now.
        QCOMPARE(w.nextOpen(utc(2026, 1, 15, 15, 30), chicago), utc(2026, 1, 15, 15, 30));
        // The DST change: Monday 2026-03-09 09:00 in New York is 13:00 UTC (EDT), the Friday before 14:00 UTC (EST).
        QCOMPARE(w.nextOpen(utc(2026, 3, 7, 12, 0), newYork), utc(2026, 3, 9, 13, 0));
        QCOMPARE(w.nextOpen(utc(2026, 3, 6, 13, 0), newYork), utc(2026, 3, 6, 14, 0));

        // Overnight: 22:00-06:00, its early hours belonging to the day it opened.
        QString error;
        const SendWindow night = SendWindow::fromJson(QJsonObject{{QStringLiteral("days"), QJsonArray{QStringLiteral("fri")}},
                                                                  {QStringLiteral("start"), QStringLiteral("22:00")},
                                                                  {QStringLiteral("end"), QStringLiteral("06:00")}},
                                                      &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(night.contains(utc(2026, 1, 16, 23, 0), QTimeZone::utc()));  // Friday 23:00
        QVERIFY(night.contains(utc(2026, 1, 17, 3, 0), QTimeZone::utc()));   // Saturday 03:00: Friday's night
        QVERIFY(!night.contains(utc(2026, 1, 16, 3, 0), QTimeZone::utc()));  // Friday 03:00: Thursday's night
        // All day, every day.
        const SendWindow always = SendWindow::fromJson(QJsonObject{{QStringLiteral("days"), QJsonArray{1, 2, 3, 4, 5, 6, 7}},
                                                                   {QStringLiteral("start"), QStringLiteral("00:00")},
                                                                   {QStringLiteral("end"), QStringLiteral("00:00")}},
                                                       &error);
        QVERIFY(always.contains(utc(2026, 1, 17, 3, 0), chicago));
        QCOMPARE(always.toJson().value(QStringLiteral("days")).toArray().size(), 7);
    }

    void windowMistakes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::newRow("no days") << QByteArray(R"({"days": []})") << "days";
        QTest::newRow("bad day") << QByteArray(R"({"days": ["someday"]})") << "days";
        QTest::newRow("day 8") << QByteArray(R"({"days": [8]})") << "days";
        QTest::newRow("bad start") << QByteArray(R"({"start": "9am"})") << "start";
        QTest::newRow("bad end") << QByteArray(R"({"end": "25:00"})") << "end";
    }
    void windowMistakes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QString error;
        SendWindow::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QVERIFY2(error.startsWith(key + u':'), qPrintable(error));
    }

    void sendingDays()
    {
        const SendWindow w;
        // Thursday 16:00 Chicago + 2 sending days = Monday 16:00 (the weekend does not count).
        QCOMPARE(w.afterSendingDays(utc(2026, 1, 15, 22, 0), 2, chicago), utc(2026, 1, 19, 22, 0));
        // + 1 from Friday = Monday.
        QCOMPARE(w.afterSendingDays(utc(2026, 1, 16, 16, 0), 1, chicago), utc(2026, 1, 19, 16, 0));
        // Sent at 16:59 local, due the same time a day later: still inside.
        QCOMPARE(w.afterSendingDays(utc(2026, 1, 13, 22, 59), 1, chicago), utc(2026, 1, 14, 22, 59));
    }

    void gapAndHourlyCap()
    {
        SendPlanner p;
        AccountLimits a;
        a.id = 7;
        a.minGapSeconds = 60;
        a.hourlyLimit = 3;
        a.dailyLimit = 100;
        p.addAccount(a);
        const QDateTime t0 = utc(2026, 1, 15, 10, 0);
        QCOMPARE(std::get<qint64>(p.reserve({7}, t0)), 7);
        // The gap.
        QCOMPARE(std::get<QDateTime>(p.reserve({7}, t0.addSecs(30))), t0.addSecs(60));
        QCOMPARE(std::get<qint64>(p.reserve({7}, t0.addSecs(60))), 7);
        QCOMPARE(std::get<qint64>(p.reserve({7}, t0.addSecs(120))), 7);
        // The hourly cap: the fourth waits until the first leaves the hour.
        QCOMPARE(std::get<QDateTime>(p.reserve({7}, t0.addSecs(180))), t0.addSecs(3600).addMSecs(1));
        QCOMPARE(std::get<qint64>(p.reserve({7}, t0.addSecs(3601))), 7);
    }

    void dailyCapInTheAccountsZone()
    {
        SendPlanner p;
        AccountLimits a;
        a.id = 1;
        a.minGapSeconds = 0;
        a.hourlyLimit = 0; // none
        a.dailyLimit = 2;
        a.zone = chicago;
        // Sent yesterday evening and today (Chicago): the history counts.
        p.addAccount(a, {utc(2026, 1, 15, 3, 0) /* 21:00 on the 14th in Chicago */, utc(2026, 1, 15, 15, 0)});
        QCOMPARE(p.sentToday(1, utc(2026, 1, 15, 16, 0)), 1);
        QCOMPARE(std::get<qint64>(p.reserve({1}, utc(2026, 1, 15, 16, 0))), 1);
        // The cap: until midnight in Chicago (06:00 UTC).
        QCOMPARE(std::get<QDateTime>(p.reserve({1}, utc(2026, 1, 15, 17, 0))), utc(2026, 1, 16, 6, 0));
        QCOMPARE(std::get<qint64>(p.reserve({1}, utc(2026, 1, 16, 6, 0))), 1);
    }

    void rampOfANewMailbox()
    {
        SendPlanner p;
        AccountLimits a;
        a.id = 3;
        a.minGapSeconds = 0;
        a.hourlyLimit = 0;
        a.dailyLimit = 12;
        a.rampStart = 5;
        a.rampPerDay = 3;
        a.firstDay = QDate(2026, 1, 15);
        p.addAccount(a);
        QCOMPARE(p.capToday(3, utc(2026, 1, 15, 12)), 5);
        QCOMPARE(p.capToday(3, utc(2026, 1, 17, 12)), 11);
        QCOMPARE(p.capToday(3, utc(2026, 1, 30, 12)), 12); // never past the daily limit
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::holds_alternative<qint64>(p.reserve({3}, utc(2026, 1, 15, 12, i))));
        QVERIFY(std::holds_alternative<QDateTime>(p.reserve({3}, utc(2026, 1, 15, 13))));
    }

    void rotationAmongAccounts()
    {
        SendPlanner p;
        for (qint64 id : {1, 2, 3}) {
            AccountLimits a;
            a.id = id;
            a.minGapSeconds = 60;
            a.hourlyLimit = 100;
            a.dailyLimit = 100;
            p.addAccount(a);
        }
        const QDateTime t = utc(2026, 1, 15, 10, 0);
        QList<qint64> order;
        for (int i = 0; i < 3; ++i)
            order << std::get<qint64>(p.reserve({1, 2, 3}, t));
        std::sort(order.begin(), order.end());
        QCOMPARE(order, (QList<qint64>{1, 2, 3})); // each once: the gap holds them, the others take turns
        QCOMPARE(std::get<QDateTime>(p.reserve({1, 2, 3}, t.addSecs(10))), t.addSecs(60));
        QCOMPARE(std::get<QDateTime>(p.reserve({}, t)), t.addDays(1)); // no account: not now
    }

    void recipientZones_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("zone");
        QTest::newRow("state code") << "" << "TX" << "US" << "America/Chicago";
        QTest::newRow("state name") << "" << "new york" << "United States" << "America/New_York";
        QTest::newRow("no country") << "" << "CA" << "" << "America/Los_Angeles";
        QTest::newRow("province") << "" << "Ontario" << "Canada" << "America/Toronto";
        QTest::newRow("country") << "" << "" << "Germany" << "Europe/Berlin";
        QTest::newRow("country code") << "" << "Bavaria" << "DE" << "Europe/Berlin";
        QTest::newRow("CA is not California in Britain") << "" << "CA" << "GB" << "Europe/London";
        QTest::newRow("location wins") << "America/Denver" << "TX" << "US" << "America/Denver";
        QTest::newRow("UTC location is no answer") << "UTC" << "WA" << "US" << "America/Los_Angeles";
        QTest::newRow("unknown") << "" << "" << "" << "";
        QTest::newRow("many zones") << "" << "" << "Brazil" << "";
    }
    void recipientZones()
    {
        QFETCH(QString, location);
        QFETCH(QString, region);
        QFETCH(QString, country);
        QFETCH(QString, zone);
        const QTimeZone z = recipientTimeZone(location, region, country);
        QCOMPARE(QString::fromUtf8(z.id()), zone);
    }
};

QTEST_GUILESS_MAIN(TestSendPlanner)
#include "tst_sendplanner.moc"
