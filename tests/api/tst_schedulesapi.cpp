// Schedules through the API, on both backends (issue 15): saving checks every field (the cron
// expression, the zone, the task and its settings) and writes nothing on a mistake; runs fire
// from a fake clock exactly when due, once each, also with two processes racing for them over a
// daylight-saving day; runs missed while nothing ran follow the schedule's misfire policy; run
// now; and the tasks do their work (a database backup that opens, a scrape run again with the
// same settings, an analytics report queued for the days before the run).
#include "apiharness.h"
#include "fakeclock.h"
#include "fliptech/automation/cron.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace fliptech;
using Reply = test::HttpReply;

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
    QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// {"key": value, ...} with Latin-1 keys (QT_NO_CAST_FROM_ASCII leaves QJsonObject no such constructor).
QJsonObject obj(std::initializer_list<std::pair<const char *, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &[k, v] : pairs)
        o.insert(QLatin1String(k), v);
    return o;
}

QJsonValue str(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList namesOf(const QJsonArray &items, const QString &key = QStringLiteral("name"))
{
    QStringList out;
    for (const auto &v : items)
        out << v.toObject().value(key).toString();
    return out;
}

} // namespace

class TestSchedulesApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    // Saturday 2026-03-07, 09:00 UTC.
    test::FakeClock m_clock{utc("2026-03-07T09:00:00Z")};

    storage::Database &db() { return m_api->engine().database(); }
    automation::ScheduleService &schedules() { return m_api->engine().schedules(); }

    qint64 create(const QJsonObject &body, const QString &role = QStringLiteral("user"))
    {
        Reply r = send("POST", QStringLiteral("/api/v1/schedules"), body, role);
        FT_EXPECT(r.status == 201, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    QJsonArray logs(qint64 id)
    {
        Reply r = get(QStringLiteral("/api/v1/schedules/%1/logs").arg(id));
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json.value(QStringLiteral("items")).toArray();
    }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : -1;
    }
    // Runs the queued schedule runs (the automation queue only) until none is left.
    void runQueuedRuns()
    {
        storage::WorkerPool::Options o;
        o.workers = 1;
        o.queues = {automation::ScheduleService::queue};
        o.idlePoll = std::chrono::milliseconds(20);
        storage::WorkerPool pool(m_api->engine().databasePtr(), m_api->engine().jobs(), m_clock, o);
        schedules().registerHandlers(pool);
        pool.start();
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE queue = 'automation' AND state IN ('queued', 'running')")), 0, 30000);
        pool.stop();
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_clock.set(utc("2026-03-07T09:00:00Z"));
    }
    void cleanup() { closeAll(); }

    void savingChecksEveryField()
    {
        startApi(0, &m_clock);
        Reply r = get(QStringLiteral("/api/v1/schedules/task-types"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(namesOf(r.json.value(QStringLiteral("items")).toArray()),
                 (list({"analytics_export", "analyze_websites", "bounce_check", "database_backup", "enrich", "inbox_sync", "n8n", "scrape", "verify_emails", "webhook"})));

        const QJsonObject good = test::json(J({"name": "Verify new leads", "cron_expression": "30 2 * * *", "timezone": "America/New_York",
                                               "task_type": "verify_emails", "task_config": {"filter": {"status": "new"}}}));
        const qint64 id = create(good);
        QVERIFY(id > 0);
        r = get(QStringLiteral("/api/v1/schedules/%1").arg(id), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        // 02:30 in New York after Saturday 04:00 EST: Sunday is the spring-forward day (at 03:00 EDT, the gap's end).
        QCOMPARE(r.json.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-08T07:00:00.000Z"));
        QCOMPARE(r.json.value(QStringLiteral("next_runs")).toArray(),
                 (QJsonArray::fromStringList(list({"2026-03-08T07:00:00.000Z", "2026-03-09T06:30:00.000Z", "2026-03-10T06:30:00.000Z"}))));
        QCOMPARE(r.json.value(QStringLiteral("misfire_policy")).toString(), QStringLiteral("run_once"));
        QCOMPARE(r.json.value(QStringLiteral("is_active")).toBool(), true);

        struct Case {
            const char *name;
            const char *change; // JSON merged over the good schedule
            const char *field;
            const char *message; // "" when only the field is checked
        };
        const Case cases[]{
            {"bad cron", J({"cron_expression": "61 * * * *"}), "cron_expression", "cron_expression minute: 61 is out of range 0-59"},
            {"cron not text", J({"cron_expression": 5}), "cron_expression", ""},
            {"bad zone", J({"timezone": "Mars/Olympus"}), "timezone", "timezone 'Mars/Olympus' is not an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)"},
            {"unknown task", J({"task_type": "launch_rockets"}), "task_type", ""},
            {"unknown field", J({"colour": "red"}), "colour", ""},
            {"empty name", J({"name": "  "}), "name", "name must be 1 to 200 characters"},
            {"name not text", J({"name": 7}), "name", ""},
            {"active not bool", J({"is_active": "yes"}), "is_active", "is_active must be true or false"},
            {"misfire", J({"misfire_policy": "sometimes"}), "misfire_policy", ""},
            {"config not object", J({"task_config": "x"}), "task_config", ""},
            {"segment and filter", J({"task_config": {"segment_id": 1, "filter": {}}}), "task_config", ""},
            {"no such segment", J({"task_config": {"segment_id": 999}}), "task_config.segment_id", "task_config.segment_id No saved segment 999"},
            {"bad filter", J({"task_config": {"filter": {"statuss": "new"}}}), "task_config.filter", ""},
            {"unknown setting", J({"task_config": {"filter": {}, "speed": 3}}), "task_config.speed", ""},
            {"injection in the name of a zone", J({"timezone": "UTC'; DROP TABLE schedules; --"}), "timezone", ""},
        };
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM schedules"));
        for (const Case &c : cases) {
            QJsonObject body = good;
            const QJsonObject change = test::json(c.change);
            QVERIFY2(!change.isEmpty(), c.name);
            for (auto it = change.begin(); it != change.end(); ++it)
                body.insert(it.key(), it.value());
            r = send("POST", QStringLiteral("/api/v1/schedules"), body);
            QVERIFY2(r.status == 422, c.name);
            QVERIFY2(r.details().contains(QLatin1String(c.field)), qPrintable(QString::fromLatin1(c.name) + u' ' + QString::fromUtf8(r.body)));
            if (*c.message)
                QCOMPARE(r.message(), QString::fromUtf8(c.message));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM schedules")), before);
        r = send("POST", QStringLiteral("/api/v1/schedules"), good, QStringLiteral("viewer"));
        QCOMPARE(r.status, 403);

        // A backup is an administrator's to schedule.
        QJsonObject backup = test::json(J({"name": "Backup", "cron_expression": "@daily", "task_type": "database_backup"}));
        r = send("POST", QStringLiteral("/api/v1/schedules"), backup);
        QCOMPARE(r.status, 403);
        const qint64 backupId = create(backup, QStringLiteral("admin"));
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1").arg(backupId)).json.value(QStringLiteral("timezone")).toString(), QStringLiteral("UTC"));

        // Changes: the name alone keeps the next run; a new expression counts from now; paused has none.
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"name": "Verify (renamed)"})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-08T07:00:00.000Z"));
        QCOMPARE(r.json.value(QStringLiteral("cron_expression")).toString(), QStringLiteral("30 2 * * *"));
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"cron_expression": "0 12 * * MON-FRI"})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-09T16:00:00.000Z")); // Monday noon EDT
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"is_active": false})));
        QCOMPARE(r.json.value(QStringLiteral("next_run_at")), QJsonValue());
        QCOMPARE(r.json.value(QStringLiteral("next_runs")).toArray().size(), 0);
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"timezone": "Nowhere/Land"})));
        QCOMPARE(r.status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1").arg(id)).json.value(QStringLiteral("timezone")).toString(), QStringLiteral("America/New_York"));
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"name": "x"})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 403);
        // The user may not change or delete the administrator's schedule; the administrator may change anyone's.
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(backupId), test::json(J({"name": "Mine now"})));
        QCOMPARE(r.status, 403);
        QCOMPARE(m_api->call("DELETE", QStringLiteral("/api/v1/schedules/%1").arg(backupId), {}, {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))}}).status, 403);
        r = send("PUT", QStringLiteral("/api/v1/schedules/%1").arg(id), test::json(J({"is_active": true})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-09T16:00:00.000Z"));

        r = get(QStringLiteral("/api/v1/schedules"), QStringLiteral("viewer"));
        QCOMPARE(namesOf(r.json.value(QStringLiteral("items")).toArray()), (list({"Backup", "Verify (renamed)"})));
        QCOMPARE(m_api->call("DELETE", QStringLiteral("/api/v1/schedules/%1").arg(id), {}, {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))}}).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1").arg(id)).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1/logs").arg(id)).status, 404);
    }

    void previewsTheNextRuns()
    {
        startApi(0, &m_clock);
        Reply r = send("POST", QStringLiteral("/api/v1/schedules/preview"),
                       test::json(J({"cron_expression": "30 1 * * *", "timezone": "America/New_York", "count": 3, "from": "2026-10-31T00:00:00Z"})),
                       QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        const QJsonArray runs = r.json.value(QStringLiteral("runs")).toArray();
        QCOMPARE(namesOf(runs, QStringLiteral("at")), (list({"2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"})));
        QCOMPARE(namesOf(runs, QStringLiteral("local")), (list({"2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"})));
        r = send("POST", QStringLiteral("/api/v1/schedules/preview"), test::json(J({"cron_expression": "@hourly"})), QStringLiteral("viewer"));
        QCOMPARE(r.json.value(QStringLiteral("runs")).toArray().size(), 10);
        QCOMPARE(r.json.value(QStringLiteral("runs")).toArray().first().toObject().value(QStringLiteral("at")).toString(), QStringLiteral("2026-03-07T10:00:00.000Z"));
        for (const auto &[body, field] : {std::pair{J({"cron_expression": "* * *"}), "cron_expression"}, std::pair{J({"cron_expression": "@daily", "count": 0}), "count"},
                                          std::pair{J({"cron_expression": "@daily", "count": 2.5}), "count"}, std::pair{J({"cron_expression": "@daily", "from": "tomorrow"}), "from"},
                                          std::pair{J({"cron_expression": "@daily", "timezone": "Atlantis"}), "timezone"}, std::pair{J({"timezone": "UTC"}), "cron_expression"}}) {
            r = send("POST", QStringLiteral("/api/v1/schedules/preview"), test::json(body), QStringLiteral("viewer"));
            QVERIFY2(r.status == 422 && r.details().contains(QLatin1String(field)), body);
        }
    }

    void firesWhenDueOnceAndFollowsTheMisfirePolicy()
    {
        startApi(0, &m_clock);
        for (int i = 0; i < 3; ++i)
            QVERIFY(send("POST", QStringLiteral("/api/v1/leads"), obj({{"name", QStringLiteral("Lead %1").arg(i)}, {"email", QStringLiteral("l%1@example.com").arg(i)}})).status == 201);
        const qint64 quarter = create(test::json(J({"name": "Quarter", "cron_expression": "*/15 * * * *", "task_type": "verify_emails", "task_config": {"filter": {}}})));
        const qint64 hourlyOnce = create(test::json(J({"name": "Hourly once", "cron_expression": "0 * * * *", "task_type": "verify_emails", "task_config": {"filter": {}}})));
        const qint64 hourlySkip = create(test::json(J({"name": "Hourly skip", "cron_expression": "0 * * * *", "task_type": "verify_emails",
                                                       "task_config": {"filter": {}}, "misfire_policy": "skip"})));
        const qint64 paused = create(test::json(J({"name": "Paused", "cron_expression": "* * * * *", "task_type": "verify_emails", "task_config": {"filter": {}}, "is_active": false})));
        FT_STOP_IF_FAILED();

        auto fired = schedules().fireDue(utc("2026-03-07T09:14:59Z"));
        QVERIFY(fired);
        QCOMPARE(*fired, 0);
        fired = schedules().fireDue(utc("2026-03-07T09:15:00Z"));
        QCOMPARE(*fired, 1);
        fired = schedules().fireDue(utc("2026-03-07T09:15:40Z")); // the same run is not fired twice
        QCOMPARE(*fired, 0);
        QJsonArray l = logs(quarter);
        QCOMPARE(l.size(), 1);
        QJsonObject run = l.first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(run.value(QStringLiteral("fired_by")).toString(), QStringLiteral("schedule"));
        QCOMPARE(run.value(QStringLiteral("due_at")).toString(), QStringLiteral("2026-03-07T09:15:00.000Z"));
        QVERIFY(run.value(QStringLiteral("job_id")).toInteger() > 0);
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1").arg(quarter)).json.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-07T09:30:00.000Z"));

        // The run does its task: the addresses of the three leads go to a verification job.
        m_clock.set(utc("2026-03-07T09:15:02Z"));
        runQueuedRuns();
        run = logs(quarter).first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(run.value(QStringLiteral("results")).toObject().value(QStringLiteral("leads")).toInt(), 3);
        const qint64 verifyJob = run.value(QStringLiteral("job_id")).toInteger();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE id = ? AND type = 'scraper.verify_emails'"), {verifyJob}), 1);
        QCOMPARE(run.value(QStringLiteral("completed_at")).toString(), QStringLiteral("2026-03-07T09:15:02.000Z"));
        QCOMPARE(get(QStringLiteral("/api/v1/schedules")).json.value(QStringLiteral("items")).toArray().at(3).toObject().value(QStringLiteral("last_status")).toString(),
                 QStringLiteral("success")); // "Quarter", last by name

        // Nothing ran from 09:15 until 14:20: the quarter-hour and the hourly runs were missed.
        m_clock.set(utc("2026-03-07T14:20:00Z"));
        for (const char *role : {"user", "viewer"}) // the morning's tokens expired
            m_t[QLatin1String(role)] = m_api->login(QLatin1String(role) + QStringLiteral("@agency.example"), test::ApiHarness::memberPassword);
        fired = schedules().fireDue(m_clock.now());
        QCOMPARE(*fired, 3);
        run = logs(quarter).first().toObject();
        QCOMPARE(run.value(QStringLiteral("fired_by")).toString(), QStringLiteral("misfire"));
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(run.value(QStringLiteral("results")).toObject().value(QStringLiteral("missed_runs")).toInt(), 20); // 09:30 ... 14:15
        run = logs(hourlyOnce).first().toObject();
        QCOMPARE(run.value(QStringLiteral("fired_by")).toString(), QStringLiteral("misfire"));
        QCOMPARE(run.value(QStringLiteral("results")).toObject().value(QStringLiteral("missed_runs")).toInt(), 5); // 10:00 ... 14:00
        QCOMPARE(logs(hourlyOnce).size(), 1);
        run = logs(hourlySkip).first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QCOMPARE(run.value(QStringLiteral("job_id")), QJsonValue());
        QCOMPARE(run.value(QStringLiteral("error_message")).toString(),
                 QStringLiteral("Skipped: 5 runs from 2026-03-07T10:00:00.000Z were missed while FlipTech Pro was not running, and this schedule skips missed runs"));
        for (qint64 id : {quarter, hourlyOnce, hourlySkip})
            QVERIFY(utc("2026-03-07T14:20:00Z") < QDateTime::fromString(get(QStringLiteral("/api/v1/schedules/%1").arg(id)).json.value(QStringLiteral("next_run_at")).toString(), Qt::ISODateWithMs));
        QCOMPARE(logs(paused).size(), 0);
        QCOMPARE(get(QStringLiteral("/api/v1/schedules/%1").arg(hourlySkip)).json.value(QStringLiteral("last_run_at")), QJsonValue()); // it never ran

        // Run now: also a paused schedule, logged as manual with who asked.
        Reply r = send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(paused), {});
        QCOMPARE(r.status, 202);
        QVERIFY(r.json.value(QStringLiteral("job_id")).toInteger() > 0);
        runQueuedRuns();
        run = logs(paused).first().toObject();
        QCOMPARE(run.value(QStringLiteral("fired_by")).toString(), QStringLiteral("manual"));
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(run.value(QStringLiteral("due_at")), QJsonValue());
        QCOMPARE(run.value(QStringLiteral("requested_by")).toInteger(), get(QStringLiteral("/api/v1/auth/me")).json.value(QStringLiteral("id")).toInteger());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(paused), {}, QStringLiteral("viewer")).status, 403);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/99999/run-now"), {}).status, 404);
        // Every run of the misfires ran too, and a run found again does nothing.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM schedule_logs WHERE status = 'success'")), 4);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'scraper.verify_emails'")), 4);
    }

    // Two processes (each its own connections, job queue and clock) fire the same schedules minute
    // by minute through New York's spring-forward day: every run happens once, at its time.
    void twoProcessesFireEveryRunExactlyOnce()
    {
        m_clock.set(utc("2026-03-08T04:59:00Z"));
        startApi(0, &m_clock);
        struct Plan {
            const char *cron;
            const char *zone;
        };
        const QList<Plan> plans{{"*/15 * * * *", "America/New_York"}, {"30 2 * * *", "America/New_York"}, {"0 2,3 * * *", "America/New_York"},
                                {"0 * * * *", "Europe/Berlin"},      {"*/7 * * * *", "UTC"}};
        QList<qint64> ids;
        for (const Plan &p : plans)
            ids << create(obj({{"name", str(p.cron)}, {"cron_expression", str(p.cron)}, {"timezone", str(p.zone)}, {"task_type", str("verify_emails")},
                               {"task_config", obj({{"filter", QJsonObject{}}})}}));
        FT_STOP_IF_FAILED();
        const QDateTime start = utc("2026-03-08T05:00:00Z");
        const QDateTime end = utc("2026-03-09T04:00:00Z"); // midnight to midnight in New York: 23 hours
        const storage::DatabaseUrl url = m_tmp->url();
        std::atomic<int> claimed{0};
        QStringList errors;
        QMutex errorsMutex;
        auto process = [&] {
            test::FakeClock clock(start);
            auto opened = storage::Database::open(url);
            if (!opened) {
                QMutexLocker lock(&errorsMutex);
                errors << opened.error().message;
                return;
            }
            storage::JobQueue jobs(*opened, clock);
            automation::ScheduleService service(*opened, &jobs, nullptr, clock);
            for (QDateTime t = start; t < end; t = t.addSecs(60)) {
                clock.set(t);
                auto fired = service.fireDue(t.addSecs(2));
                if (!fired) {
                    QMutexLocker lock(&errorsMutex);
                    errors << fired.error().message;
                    return;
                }
                claimed += *fired;
            }
            (*opened)->closeThreadConnection();
        };
        std::unique_ptr<QThread> a(QThread::create(process));
        std::unique_ptr<QThread> b(QThread::create(process));
        a->start();
        b->start();
        QVERIFY(a->wait(600000) && b->wait(600000));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        qint64 expectedTotal = 0;
        for (int i = 0; i < plans.size(); ++i) {
            auto cron = automation::CronExpression::parse(QString::fromLatin1(plans[i].cron));
            auto zone = automation::CronExpression::zone(QString::fromLatin1(plans[i].zone));
            QVERIFY(cron && zone);
            QStringList expected;
            for (QDateTime t = start.addSecs(-1);;) {
                auto n = cron->next(t, *zone);
                if (!n || *n >= end) // the last round fires at 03:59:02
                    break;
                expected << storage::Database::isoTimestamp(*n);
                t = *n;
            }
            auto rows = db().select(QStringLiteral("SELECT due_at, fired_by FROM schedule_logs WHERE schedule_id = ? ORDER BY due_at"), {ids[i]});
            QVERIFY(rows);
            QStringList got;
            for (const auto &r : *rows) {
                got << storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(0)));
                QCOMPARE(r.value(1).toString(), QStringLiteral("schedule"));
            }
            QCOMPARE(got, expected);
            expectedTotal += expected.size();
        }
        // 92 quarter-hours in a 23-hour day; 02:30 once (at 03:00 EDT); 02:00 and 03:00 both at 03:00 EDT, once; 23 Berlin hours; 198 sevenths.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM schedule_logs WHERE schedule_id = ?"), {ids[0]}), 92);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM schedule_logs WHERE schedule_id = ?"), {ids[1]}), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM schedule_logs WHERE schedule_id = ?"), {ids[2]}), 1);
        QCOMPARE(qint64(claimed.load()), expectedTotal);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = ?"), {automation::ScheduleService::runType}), expectedTotal);
    }

    void tasksDoTheirWork()
    {
        startApi(0, &m_clock);
        for (int i = 0; i < 5; ++i)
            QVERIFY(send("POST", QStringLiteral("/api/v1/leads"), obj({{"name", QStringLiteral("Lead %1").arg(i)}})).status == 201);
        // A backup, keeping the newest one only.
        const qint64 backup = create(test::json(J({"name": "Backup", "cron_expression": "@daily", "task_type": "database_backup", "task_config": {"keep": 1}})),
                                     QStringLiteral("admin"));
        FT_STOP_IF_FAILED();
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(backup), {}).status, 403); // the user may not run it
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(backup), {}, QStringLiteral("admin")).status, 202);
        runQueuedRuns();
        QJsonObject run = logs(backup).first().toObject();
        QVERIFY2(run.value(QStringLiteral("status")).toString() == u"success", qPrintable(run.value(QStringLiteral("error_message")).toString()));
        const QString file = run.value(QStringLiteral("results")).toObject().value(QStringLiteral("file")).toString();
        QVERIFY(file.startsWith(m_api->dataDir() + QStringLiteral("/backups/fliptech-backup-20260307-090000")));
        QVERIFY(run.value(QStringLiteral("results")).toObject().value(QStringLiteral("bytes")).toInteger() > 1000);
        QFile dump(file);
        QVERIFY(dump.open(QIODevice::ReadOnly));
        if (m_tmp->backend() == storage::Backend::Sqlite) {
            QCOMPARE(dump.read(15), QByteArray("SQLite format 3"));
            {
                auto copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup"));
                copy.setDatabaseName(file);
                QVERIFY(copy.open());
                QSqlQuery q(copy);
                QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM leads")) && q.next());
                QCOMPARE(q.value(0).toInt(), 5);
            }
            QSqlDatabase::removeDatabase(QStringLiteral("backup"));
        } else {
            QCOMPARE(dump.read(5), QByteArray("PGDMP")); // pg_dump's custom format
        }
        dump.close();
        m_clock.advance(60000);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(backup), {}, QStringLiteral("admin")).status, 202);
        runQueuedRuns();
        run = logs(backup).first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(run.value(QStringLiteral("results")).toObject().value(QStringLiteral("removed_old")).toInt(), 1);
        QCOMPARE(QDir(m_api->dataDir() + QStringLiteral("/backups")).entryList(QDir::Files).size(), 1);

        // A scrape run again with the settings of an earlier one (queued, not run: no workers).
        Reply r = send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"sites": ["austin"], "categories": ["cps"], "query": "web design", "max_pages": 2})));
        QCOMPARE(r.status, 202);
        const qint64 earlier = r.json.value(QStringLiteral("id")).toInteger();
        const qint64 scrape = create(obj({{"name", str("Austin")}, {"cron_expression", str("0 8 * * 1")}, {"task_type", str("scrape")}, {"task_config", obj({{"scrape_job_id", earlier}})}}));
        r = send("POST", QStringLiteral("/api/v1/schedules"), test::json(J({"name": "None", "cron_expression": "0 8 * * 1", "task_type": "scrape", "task_config": {"scrape_job_id": 4242}})));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("task_config.scrape_job_id")));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(scrape), {}).status, 202);
        runQueuedRuns();
        run = logs(scrape).first().toObject();
        QVERIFY2(run.value(QStringLiteral("status")).toString() == u"success", qPrintable(run.value(QStringLiteral("error_message")).toString()));
        const qint64 again = run.value(QStringLiteral("results")).toObject().value(QStringLiteral("scrape_job_id")).toInteger();
        QVERIFY(again > earlier);
        const QJsonObject first = get(QStringLiteral("/api/v1/scraper/jobs/%1").arg(earlier)).json;
        const QJsonObject second = get(QStringLiteral("/api/v1/scraper/jobs/%1").arg(again)).json;
        QCOMPARE(second.value(QStringLiteral("config")), first.value(QStringLiteral("config")));
        QCOMPARE(second.value(QStringLiteral("source")).toString(), QStringLiteral("craigslist"));

        // An analytics report of the 7 days before each run; a report the export would refuse is refused when saved.
        r = send("POST", QStringLiteral("/api/v1/schedules"), test::json(J({"name": "Report", "cron_expression": "0 7 * * 1", "task_type": "analytics_export", "task_config": {"format": "xls"}})));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().contains(QStringLiteral("task_config.format")), r.body.constData());
        const qint64 report = create(test::json(J({"name": "Report", "cron_expression": "0 7 * * 1", "task_type": "analytics_export", "task_config": {"format": "csv"}})));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(report), {}).status, 202);
        runQueuedRuns();
        run = logs(report).first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        auto job = m_api->engine().jobs().get(run.value(QStringLiteral("job_id")).toInteger());
        QVERIFY(job);
        QCOMPARE(job->type, QStringLiteral("analytics.export"));
        const QJsonObject request = job->payload.value(QStringLiteral("request")).toObject();
        QCOMPARE(request.value(QStringLiteral("from")).toString(), QStringLiteral("2026-02-28T09:01:00.000Z"));
        QCOMPARE(request.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-07T09:01:00.000Z"));

        // A task that fails is logged with its reason and not retried: the earlier scrape is gone.
        QVERIFY(db().execute(QStringLiteral("DELETE FROM scrape_jobs WHERE id = ?"), {earlier}));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(scrape), {}).status, 202);
        runQueuedRuns();
        run = logs(scrape).first().toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY2(run.value(QStringLiteral("error_message")).toString().contains(QString::number(earlier)), qPrintable(run.value(QStringLiteral("error_message")).toString()));
    }
};

QTEST_MAIN(TestSchedulesApi)
#include "tst_schedulesapi.moc"
