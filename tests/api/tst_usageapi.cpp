// Usage through the API, on both backends: what the workspace used today, this month and per
// day, counted from the rows that record it (scraped leads, enrichments, AI calls and their
// tokens and spend, campaign e-mails and inbox replies) in the usage time zone — America/Chicago
// here, across the spring-forward night and the end of a month that UTC would move — and the
// limits an administrator sets: checked whole (the field named, nothing written), kept apart
// per period, shown with what is left.
#include "apiharness.h"
#include "fakeclock.h"
#include "fliptech/analytics/usageservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;

class TestUsageApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    // 15:00 in Chicago (CDT, UTC-5) on the last day of March.
    test::FakeClock m_clock{QDateTime(QDate(2026, 3, 31), QTime(20, 0), QTimeZone::utc())};

    storage::Database &db() { return m_api->engine().database(); }
    qint64 insert(const QString &sql, const QVariantList &params)
    {
        auto row = db().selectOne(sql + QStringLiteral(" RETURNING id"), params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : 0;
    }
    QVariant at(const char *iso) { return db().timestamp(QDateTime::fromString(QLatin1String(iso), Qt::ISODate)); }
    qint64 lead(const char *name, const QVariant &scrapeJob, const char *created, const char *enriched = nullptr)
    {
        return insert(QStringLiteral("INSERT INTO leads (name, source, scrape_job_id, created_at, updated_at, enriched_at) VALUES (?, ?, ?, %1, %1, %1)").arg(db().timestampParam()),
                      {QLatin1String(name), scrapeJob.isNull() ? QStringLiteral("manual") : QStringLiteral("craigslist"), scrapeJob, at(created), at(created),
                       enriched ? at(enriched) : QVariant()});
    }
    void aiCall(const char *status, int prompt, int completion, qint64 picodollars, const char *created)
    {
        QVERIFY(db().execute(QStringLiteral("INSERT INTO ai_calls (task, model, status, prompt_tokens, completion_tokens, cost_picodollars, created_at) "
                                            "VALUES ('writing', 'm', ?, ?, ?, ?, %1)")
                                 .arg(db().timestampParam()),
                             {QLatin1String(status), prompt, completion, picodollars, at(created)}));
    }

    void seed()
    {
        startApi(0, &m_clock);
        FT_STOP_IF_FAILED();
        const qint64 job = insert(QStringLiteral("INSERT INTO scrape_jobs (job_key, source) VALUES ('k1', 'craigslist')"), {});
        // Scraped: two today in Chicago (00:30 and 23:59 CDT), one late yesterday, one at the first
        // instant of March (00:00 CST) and one a minute before it (February 28 in Chicago,
        // March 1 in UTC). A lead typed in by hand is not scraped.
        const qint64 s1 = lead("S1", job, "2026-03-31T05:30:00Z", "2026-03-31T10:00:00Z");
        const qint64 s2 = lead("S2", job, "2026-04-01T04:59:00Z");
        const qint64 s3 = lead("S3", job, "2026-03-31T04:59:00Z");
        const qint64 s4 = lead("S4", job, "2026-03-01T06:00:00Z");
        lead("S5", job, "2026-03-01T05:59:00Z", "2026-02-20T12:00:00Z");
        const qint64 manual = lead("M1", {}, "2026-03-31T12:00:00Z", "2026-03-15T10:00:00Z");
        FT_STOP_IF_FAILED();
        // AI: today one answered (150 tokens, 2.5 cents), one failed and one refused (neither counts
        // a token); on March 10 one of 1,500 tokens and 10 cents.
        aiCall("ok", 100, 50, 25'000'000'000LL, "2026-03-31T14:00:00Z");
        aiCall("failed", 0, 0, 0, "2026-03-31T14:05:00Z");
        aiCall("refused", 0, 0, 0, "2026-03-31T14:06:00Z");
        aiCall("ok", 1000, 500, 100'000'000'000LL, "2026-03-10T14:00:00Z");
        // E-mails: two campaign messages sent today, one that failed (never sent), one on March 2;
        // an inbox reply today (an incoming message is not sent).
        const qint64 campaign = insert(QStringLiteral("INSERT INTO campaigns (campaign_id, name) VALUES ('c1', 'Spring')"), {});
        int n = 0;
        const qint64 recipients[] = {s1, s2, s3, s4};
        for (const auto &[status, sent] : {std::pair{"sent", "2026-03-31T15:00:00Z"}, std::pair{"sent", "2026-04-01T03:00:00Z"}, std::pair{"failed", ""},
                                           std::pair{"sent", "2026-03-02T15:00:00Z"}}) {
            ++n;
            const qint64 recipient = insert(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, tracking_token) VALUES (?, ?, ?)"),
                                            {campaign, recipients[n - 1], QStringLiteral("t%1").arg(n)});
            QVERIFY(db().execute(QStringLiteral("INSERT INTO campaign_messages (campaign_id, recipient_id, step, message_id, status, sent_at) VALUES (?, ?, 0, ?, ?, %1)")
                                     .arg(db().timestampParam()),
                                 {campaign, recipient, QStringLiteral("<m%1@x>").arg(n), QLatin1String(status), *sent ? at(sent) : QVariant()}));
        }
        const qint64 conversation = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('conv', ?)"), {manual});
        for (const char *direction : {"outbound", "inbound"})
            QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, created_at) VALUES (?, ?, %1)").arg(db().timestampParam()),
                                 {conversation, QLatin1String(direction), at("2026-03-31T16:00:00Z")}));
    }
    static QJsonObject item(const QJsonObject &answer, const QString &metric)
    {
        for (const QJsonValue &v : answer.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("metric")).toString() == metric)
                return v.toObject();
        return {};
    }
    Reply putLimits(const QJsonObject &body, const QString &role = QStringLiteral("admin")) { return send("PUT", QStringLiteral("/api/v1/usage/limits"), body, role); }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void currentUseInTheUsageTimeZone()
    {
        seed();
        FT_STOP_IF_FAILED();
        // Until a zone is set, days are UTC days.
        Reply r = get(QStringLiteral("/api/v1/usage/current"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("time_zone")).toString(), QStringLiteral("UTC"));
        QCOMPARE(r.json.value(QStringLiteral("day")).toObject().value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-31T00:00:00.000Z"));
        QCOMPARE(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("today")).toInteger(), qint64(2)); // S1, S3
        QCOMPARE(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("this_month")).toInteger(), qint64(4)); // S1, S3, S4, S5

        QCOMPARE(putLimits(test::json(J({"time_zone": "America/Chicago"}))).status, 200);
        r = get(QStringLiteral("/api/v1/usage/current"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Chicago"));
        const QJsonObject day = r.json.value(QStringLiteral("day")).toObject(), month = r.json.value(QStringLiteral("month")).toObject();
        QCOMPARE(day.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-31T05:00:00.000Z"));
        QCOMPARE(day.value(QStringLiteral("end")).toString(), QStringLiteral("2026-04-01T05:00:00.000Z"));
        QCOMPARE(month.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-01T06:00:00.000Z"));
        QCOMPARE(month.value(QStringLiteral("end")).toString(), QStringLiteral("2026-04-01T05:00:00.000Z"));
        const QList<std::tuple<const char *, qint64, qint64>> expected{
            {"leads_scraped", 2, 4}, {"enrichments", 1, 2}, {"ai_calls", 1, 2}, {"ai_tokens", 150, 1650}, {"ai_spend_cents", 2, 12}, {"emails_sent", 3, 4}};
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), expected.size());
        for (const auto &[metric, today, thisMonth] : expected) {
            const QJsonObject o = item(r.json, QLatin1String(metric));
            QVERIFY2(!o.isEmpty(), metric);
            QVERIFY2(o.value(QStringLiteral("today")).toInteger() == today, qPrintable(QStringLiteral("%1 today: %2").arg(QLatin1String(metric)).arg(o.value(QStringLiteral("today")).toInteger())));
            QVERIFY2(o.value(QStringLiteral("this_month")).toInteger() == thisMonth,
                     qPrintable(QStringLiteral("%1 this month: %2").arg(QLatin1String(metric)).arg(o.value(QStringLiteral("this_month")).toInteger())));
        }
        QVERIFY(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("daily_limit")).isNull());
        QVERIFY(!item(r.json, QStringLiteral("ai_spend_cents")).contains(QStringLiteral("daily_limit"))); // AI spend has budgets, not limits

        // A new row counts at once (no cache to go stale).
        QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, created_at) SELECT id, 'outbound', %1 FROM conversations").arg(db().timestampParam()),
                             {at("2026-03-31T17:00:00Z")}));
        r = get(QStringLiteral("/api/v1/usage/current"));
        QCOMPARE(item(r.json, QStringLiteral("emails_sent")).value(QStringLiteral("today")).toInteger(), qint64(4));
    }

    void historyPerLocalDay()
    {
        seed();
        FT_STOP_IF_FAILED();
        QCOMPARE(putLimits(test::json(J({"time_zone": "America/Chicago"}))).status, 200);
        Reply r = get(QStringLiteral("/api/v1/usage/history?from=2026-02-28&to=2026-03-31"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Chicago"));
        const QJsonArray days = r.json.value(QStringLiteral("days")).toArray();
        QCOMPARE(days.size(), 32); // every day, the empty ones too
        QHash<QString, QJsonObject> byDate;
        for (const QJsonValue &v : days)
            byDate.insert(v.toObject().value(QStringLiteral("date")).toString(), v.toObject());
        QCOMPARE(byDate.value(QStringLiteral("2026-02-28")).value(QStringLiteral("leads_scraped")).toInteger(), qint64(1)); // S5
        QCOMPARE(byDate.value(QStringLiteral("2026-03-01")).value(QStringLiteral("leads_scraped")).toInteger(), qint64(1)); // S4
        QCOMPARE(byDate.value(QStringLiteral("2026-03-30")).value(QStringLiteral("leads_scraped")).toInteger(), qint64(1)); // S3
        QCOMPARE(byDate.value(QStringLiteral("2026-03-31")).value(QStringLiteral("leads_scraped")).toInteger(), qint64(2));
        QCOMPARE(byDate.value(QStringLiteral("2026-03-10")).value(QStringLiteral("ai_tokens")).toInteger(), qint64(1500));
        QCOMPARE(byDate.value(QStringLiteral("2026-03-10")).value(QStringLiteral("ai_spend_cents")).toInteger(), qint64(10));
        QCOMPARE(byDate.value(QStringLiteral("2026-03-02")).value(QStringLiteral("emails_sent")).toInteger(), qint64(1));
        QCOMPARE(byDate.value(QStringLiteral("2026-03-31")).value(QStringLiteral("emails_sent")).toInteger(), qint64(3));
        QCOMPARE(byDate.value(QStringLiteral("2026-03-15")).value(QStringLiteral("enrichments")).toInteger(), qint64(1));
        // The spring-forward day has 23 hours.
        const QJsonObject dst = byDate.value(QStringLiteral("2026-03-08"));
        QCOMPARE(dst.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-08T06:00:00.000Z"));
        QCOMPARE(dst.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-09T05:00:00.000Z"));
        const QJsonObject totals = r.json.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("leads_scraped")).toInteger(), qint64(5));
        QCOMPARE(totals.value(QStringLiteral("enrichments")).toInteger(), qint64(2));
        QCOMPARE(totals.value(QStringLiteral("emails_sent")).toInteger(), qint64(4));
        QCOMPARE(totals.value(QStringLiteral("ai_tokens")).toInteger(), qint64(1650));

        // One metric; another zone asked for; the mistakes named.
        r = get(QStringLiteral("/api/v1/usage/history?from=2026-03-01&to=2026-03-01&tz=UTC&metric=leads_scraped"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("days")).toArray().size(), 1);
        const QJsonObject only = r.json.value(QStringLiteral("days")).toArray().first().toObject();
        QCOMPARE(only.value(QStringLiteral("leads_scraped")).toInteger(), qint64(2)); // S4 and S5 are both March 1 in UTC
        QVERIFY(!only.contains(QStringLiteral("emails_sent")));
        r = get(QStringLiteral("/api/v1/usage/history?metric=bogus"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("metric")));
        r = get(QStringLiteral("/api/v1/usage/history?from=2024-01-01&to=2026-03-01"));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.message().contains(QStringLiteral("400 days")), r.body.constData());
        r = get(QStringLiteral("/api/v1/usage/history?tz=Mars/Olympus"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("tz")));
    }

    void limitsAreCheckedWholeAndShownWithWhatIsLeft()
    {
        seed();
        FT_STOP_IF_FAILED();
        Reply r = get(QStringLiteral("/api/v1/usage/limits"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 4);
        QVERIFY(item(r.json, QStringLiteral("emails_sent")).value(QStringLiteral("daily_limit")).isNull());
        QCOMPARE(r.json.value(QStringLiteral("ai_budgets")).toObject().value(QStringLiteral("set_with")).toString(), QStringLiteral("PUT /api/v1/ai/settings"));

        QCOMPARE(putLimits(test::json(J({"limits": {"emails_sent": {"daily_limit": 10}}})), QStringLiteral("user")).status, 403);
        // Every mistake names its field, and a request with one leaves everything as it was.
        const QList<std::pair<const char *, const char *>> mistakes{
            {J({"limits": {"emails_sent": {"daily_limit": 10}, "bogus": {"daily_limit": 1}}}), "limits.bogus"},
            {J({"limits": {"ai_calls": {"daily_limit": 10}}}), "limits.ai_calls"},
            {J({"limits": {"emails_sent": {"daily_limit": -1}}}), "limits.emails_sent.daily_limit"},
            {J({"limits": {"emails_sent": {"daily_limit": 2.5}}}), "limits.emails_sent.daily_limit"},
            {J({"limits": {"emails_sent": {"daily_limit": "10"}}}), "limits.emails_sent.daily_limit"},
            {J({"limits": {"emails_sent": {"weekly_limit": 10}}}), "limits.emails_sent.weekly_limit"},
            {J({"limits": {"emails_sent": 10}}), "limits.emails_sent"},
            {J({"limits": {"emails_sent": {"daily_limit": 10}}, "time_zone": "Mars/Olympus"}), "time_zone"},
            {J({}), "body"}, // the router says so before the service
        };
        for (const auto &[body, field] : mistakes) {
            r = putLimits(test::json(body));
            QVERIFY2(r.status == 422 || r.status == 400, body);
            QVERIFY2(r.details().contains(QLatin1String(field)) || r.message().contains(QLatin1String(field)), qPrintable(QString::fromUtf8(r.body) + QStringLiteral(" for ") + QLatin1String(body)));
        }
        r = get(QStringLiteral("/api/v1/usage/limits"));
        QVERIFY(item(r.json, QStringLiteral("emails_sent")).value(QStringLiteral("daily_limit")).isNull());
        QCOMPARE(r.json.value(QStringLiteral("time_zone")).toString(), QStringLiteral("UTC"));

        r = putLimits(test::json(J({"time_zone": "America/Chicago", "limits": {"leads_scraped": {"daily_limit": 2, "monthly_limit": 100}, "emails_sent": {"daily_limit": 10}}})));
        QCOMPARE(r.status, 200);
        QCOMPARE(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("monthly_limit")).toInteger(), qint64(100));
        QVERIFY(!item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("updated_at")).isNull());
        // Only what is given changes: the monthly limit goes, the daily one stays.
        r = putLimits(test::json(J({"limits": {"leads_scraped": {"monthly_limit": null}}})));
        QCOMPARE(r.status, 200);
        QCOMPARE(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("daily_limit")).toInteger(), qint64(2));
        QVERIFY(item(r.json, QStringLiteral("leads_scraped")).value(QStringLiteral("monthly_limit")).isNull());
        QCOMPARE(item(r.json, QStringLiteral("emails_sent")).value(QStringLiteral("daily_limit")).toInteger(), qint64(10));

        r = get(QStringLiteral("/api/v1/usage/current"));
        const QJsonObject scraped = item(r.json, QStringLiteral("leads_scraped")), emails = item(r.json, QStringLiteral("emails_sent"));
        QCOMPARE(scraped.value(QStringLiteral("remaining_today")).toInteger(), qint64(0));
        QVERIFY(scraped.value(QStringLiteral("remaining_this_month")).isNull());
        QCOMPARE(emails.value(QStringLiteral("remaining_today")).toInteger(), qint64(7));

        // The gate the services ask: the tightest limit binds, and says when it resets.
        auto a = m_api->engine().usage().allowance(QStringLiteral("leads_scraped"));
        QVERIFY(a.ok());
        QCOMPARE(*a->remaining, qint64(0));
        QCOMPARE(a->period, QStringLiteral("day"));
        QCOMPARE(a->resetsAt, QDateTime(QDate(2026, 4, 1), QTime(5, 0), QTimeZone::utc()));
        QCOMPARE(putLimits(test::json(J({"limits": {"emails_sent": {"daily_limit": 100, "monthly_limit": 5}}}))).status, 200);
        a = m_api->engine().usage().allowance(QStringLiteral("emails_sent"));
        QCOMPARE(*a->remaining, qint64(1));
        QCOMPARE(a->period, QStringLiteral("month"));
        QCOMPARE(a->used, qint64(4));
        QVERIFY(m_api->engine().usage().admit(QStringLiteral("emails_sent"), 1, QStringLiteral("e-mails"), m_clock.now()).ok());
        const auto refused = m_api->engine().usage().admit(QStringLiteral("emails_sent"), 2, QStringLiteral("e-mails"), m_clock.now());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().details.value(QStringLiteral("retry_after")).toInteger(), qint64(9 * 3600)); // to April 1 00:00 in Chicago
        QVERIFY2(refused.error().message.contains(QStringLiteral("monthly limit of 5 e-mails")), qPrintable(refused.error().message));
        // No limit: nothing is counted, everything is let through.
        a = m_api->engine().usage().allowance(QStringLiteral("ai_tokens"));
        QVERIFY(a.ok() && !a->remaining);
        QVERIFY(!m_api->engine().usage().allowance(QStringLiteral("ai_calls")).ok());
    }
};

QTEST_MAIN(TestUsageApi)
#include "tst_usageapi.moc"
