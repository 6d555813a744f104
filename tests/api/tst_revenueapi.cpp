// Revenue, costs and ROI through the API, on both backends, over a seeded data set whose every
// figure is known: sums in cents, the change against the period before, rates, the weighted
// pipeline, buckets in America/Chicago across the spring-forward night (a 23-hour day) and a
// month end that UTC would put in the next month, costs attributed through their lead, their
// conversation or their campaign, every filter, and the mistakes a user makes (the field named,
// nothing written).
#include "apiharness.h"
#include "fakeclock.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace fliptech;
using Reply = test::HttpReply;

class TestRevenueApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    QHash<QString, qint64> m_lead;
    qint64 m_campaign = 0, m_group = 0, m_userId = 0;

    storage::Database &db() { return m_api->engine().database(); }
    qint64 insert(const QString &sql, const QVariantList &params)
    {
        auto row = db().selectOne(sql + QStringLiteral(" RETURNING id"), params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : 0;
    }
    qint64 lead(const QString &key, const QString &source, const QString &created, const QVariant &locationId = {}, const QVariant &city = {})
    {
        const qint64 id = insert(QStringLiteral("INSERT INTO leads (name, email, source, city, location_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, %1, %1)")
                                     .arg(db().timestampParam()),
                                 {key, QString(key.toLower() + QStringLiteral("@shop.example")), source, city, locationId,
                                  db().timestamp(QDateTime::fromString(created, Qt::ISODate)), db().timestamp(QDateTime::fromString(created, Qt::ISODate))});
        m_lead.insert(key, id);
        return id;
    }
    void convert(const QString &key, const QJsonObject &body)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/leads/%1/mark-converted").arg(m_lead.value(key)), body);
        FT_EXPECT(r.status == 201, r.body.constData());
    }
    void cost(const QJsonObject &body)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/costs"), body);
        FT_EXPECT(r.status == 201, r.body.constData());
    }
    QJsonObject figure(const QString &path)
    {
        const Reply r = get(path, QStringLiteral("viewer"));
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json;
    }
    static QJsonObject byKey(const QJsonObject &answer, const QString &key, const QString &field = QStringLiteral("key"))
    {
        for (const QJsonValue &v : answer.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(field).toString() == key)
                return v.toObject();
        return {};
    }

    // Leads A-I, six conversions around the spring-forward night and the end of March in
    // Chicago, two open deals, six costs (one outside March).
    void seed(const core::Clock *clock = nullptr, int workers = 0)
    {
        startApi(workers, clock);
        FT_STOP_IF_FAILED();
        m_userId = db().selectOne(QStringLiteral("SELECT id FROM users WHERE email = 'user@agency.example'"))->value(0).toLongLong();
        const qint64 austin = insert(QStringLiteral("INSERT INTO locations (name, kind) VALUES ('Austin', 'city')"), {});
        m_group = insert(QStringLiteral("INSERT INTO location_groups (name) VALUES ('Texas')"), {});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO location_group_members (group_id, location_id) VALUES (?, ?)"), {m_group, austin}));
        lead(QStringLiteral("A"), QStringLiteral("craigslist"), QStringLiteral("2026-03-02T12:00:00Z"), austin);
        lead(QStringLiteral("B"), QStringLiteral("craigslist"), QStringLiteral("2026-03-03T12:00:00Z"), austin);
        lead(QStringLiteral("C"), QStringLiteral("google_maps"), QStringLiteral("2026-03-04T12:00:00Z"), {}, QStringLiteral("Dallas"));
        lead(QStringLiteral("D"), QStringLiteral("google_maps"), QStringLiteral("2026-03-04T13:00:00Z"), {}, QStringLiteral("Dallas"));
        lead(QStringLiteral("E"), QStringLiteral("manual"), QStringLiteral("2026-03-05T12:00:00Z"));
        lead(QStringLiteral("F"), QStringLiteral("craigslist"), QStringLiteral("2026-03-06T12:00:00Z"));
        lead(QStringLiteral("G"), QStringLiteral("craigslist"), QStringLiteral("2026-03-10T12:00:00Z"));
        lead(QStringLiteral("H"), QStringLiteral("google_maps"), QStringLiteral("2026-02-20T12:00:00Z"));
        lead(QStringLiteral("I"), QStringLiteral("craigslist"), QStringLiteral("2026-03-15T12:00:00Z"));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deleted_at = created_at WHERE id = ?"), {m_lead.value(QStringLiteral("I"))}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET assigned_to = ? WHERE id = ?"), {m_userId, m_lead.value(QStringLiteral("A"))}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deal_stage = 'proposal', deal_value_cents = 200000 WHERE id = ?"), {m_lead.value(QStringLiteral("G"))}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deal_stage = 'negotiation', deal_value_cents = 99999 WHERE id = ?"), {m_lead.value(QStringLiteral("H"))}));
        m_campaign = insert(QStringLiteral("INSERT INTO campaigns (campaign_id, name) VALUES ('x', 'Spring push')"), {});
        for (const char *who : {"A", "C"})
            QVERIFY(db().execute(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, tracking_token) VALUES (?, ?, ?)"),
                                 {m_campaign, m_lead.value(QLatin1String(who)), QString(QLatin1String(who) + QStringLiteral("-token"))}));

        // Chicago: UTC-6 until 2026-03-08 02:00, UTC-5 after.
        convert(QStringLiteral("A"), {{QStringLiteral("amount"), QStringLiteral("1000")}, {QStringLiteral("date"), QStringLiteral("2026-03-08T05:30:00Z")}}); // Mar 7 23:30 CST
        convert(QStringLiteral("B"), {{QStringLiteral("amount"), QStringLiteral("250.50")}, {QStringLiteral("date"), QStringLiteral("2026-03-08T06:30:00Z")}}); // Mar 8 00:30 CST
        convert(QStringLiteral("C"), {{QStringLiteral("amount_cents"), 3333}, {QStringLiteral("date"), QStringLiteral("2026-03-09T04:30:00Z")}}); // Mar 8 23:30 CDT
        convert(QStringLiteral("D"), {{QStringLiteral("amount"), QStringLiteral("0.01")}, {QStringLiteral("date"), QStringLiteral("2026-03-09T05:30:00Z")}}); // Mar 9 00:30 CDT
        convert(QStringLiteral("E"), {{QStringLiteral("amount"), QStringLiteral("500")}, {QStringLiteral("date"), QStringLiteral("2026-04-01T04:00:00Z")}}); // Mar 31 23:00 CDT
        convert(QStringLiteral("F"), {{QStringLiteral("amount"), QStringLiteral("700")}, {QStringLiteral("date"), QStringLiteral("2026-04-01T05:00:00Z")}}); // Apr 1 00:00 CDT
        FT_STOP_IF_FAILED();

        cost({{QStringLiteral("amount"), QStringLiteral("100")}, {QStringLiteral("description"), QStringLiteral("Office")}, {QStringLiteral("date"), QStringLiteral("2026-03-05")}});
        cost({{QStringLiteral("amount"), QStringLiteral("50")}, {QStringLiteral("description"), QStringLiteral("Craigslist ads")}, {QStringLiteral("cost_type"), QStringLiteral("advertising")},
              {QStringLiteral("source"), QStringLiteral("craigslist")}, {QStringLiteral("date"), QStringLiteral("2026-03-10")}});
        cost({{QStringLiteral("amount_cents"), 2000}, {QStringLiteral("description"), QStringLiteral("Mailbox warm-up")}, {QStringLiteral("cost_type"), QStringLiteral("email")},
              {QStringLiteral("campaign_id"), m_campaign}, {QStringLiteral("date"), QStringLiteral("2026-03-11")}});
        cost({{QStringLiteral("amount"), QStringLiteral("999.99")}, {QStringLiteral("description"), QStringLiteral("May rent")}, {QStringLiteral("date"), QStringLiteral("2026-05-01")}});
        FT_STOP_IF_FAILED();
        // Recorded by the engines: an enrichment of C, an AI reply in A's conversation.
        QVERIFY(db().execute(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, related_entity_type, related_entity_id, created_at) VALUES ('enrichment', 123, 'lead', ?, %1)")
                                 .arg(db().timestampParam()),
                             {m_lead.value(QStringLiteral("C")), db().timestamp(QDateTime::fromString(QStringLiteral("2026-03-12T12:00:00Z"), Qt::ISODate))}));
        const qint64 conversation = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('conv-a', ?)"), {m_lead.value(QStringLiteral("A"))});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, related_entity_type, related_entity_id, created_at) VALUES ('ai_processing', 77, "
                                            "'conversation', ?, %1)")
                                 .arg(db().timestampParam()),
                             {conversation, db().timestamp(QDateTime::fromString(QStringLiteral("2026-03-20T12:00:00Z"), Qt::ISODate))}));
    }

    static QString march(const QString &extra = {}) { return QStringLiteral("?from=2026-03-01&to=2026-03-31&tz=America/Chicago") + extra; }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_lead.clear();
        closeAll();
    }

    void dashboardFigures()
    {
        seed();
        FT_STOP_IF_FAILED();
        QJsonObject d = figure(QStringLiteral("/api/v1/revenue/dashboard") + march());
        QCOMPARE(d.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 100000 + 25050 + 3333 + 1 + 50000);
        QCOMPARE(d.value(QStringLiteral("revenue")).toString(), QStringLiteral("1783.84"));
        QCOMPARE(d.value(QStringLiteral("conversions")).toInteger(), 5);
        QCOMPARE(d.value(QStringLiteral("average_deal_cents")).toInteger(), 35677); // 178384 / 5 = 35676.8
        QCOMPARE(d.value(QStringLiteral("previous")).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 0);
        QVERIFY(d.value(QStringLiteral("change_percent")).isNull()); // nothing to compare with
        QCOMPARE(d.value(QStringLiteral("leads_created")).toInteger(), 7);   // A-G (H in February, I deleted)
        QCOMPARE(d.value(QStringLiteral("leads_converted")).toInteger(), 5); // A-E (F converted in April)
        QCOMPARE(d.value(QStringLiteral("conversion_rate")).toDouble(), 0.7143);
        QCOMPARE(d.value(QStringLiteral("open_deals")).toInteger(), 2);
        QCOMPARE(d.value(QStringLiteral("pipeline_value_cents")).toInteger(), 299999);
        QCOMPARE(d.value(QStringLiteral("weighted_pipeline_cents")).toInteger(), 174999); // 200000 × 50 % + 99999 × 75 % = 174999.25
        QCOMPARE(d.value(QStringLiteral("spend_cents")).toInteger(), 10000 + 5000 + 2000 + 123 + 77);
        QCOMPARE(d.value(QStringLiteral("profit_cents")).toInteger(), 178384 - 17200);
        QCOMPARE(d.value(QStringLiteral("roi_percent")).toDouble(), 937.12); // 161184 / 17200
        QCOMPARE(d.value(QStringLiteral("period")).toObject().value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-01T06:00:00.000Z"));
        QCOMPARE(d.value(QStringLiteral("period")).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("2026-04-01T05:00:00.000Z"));
        // April against March: the change.
        d = figure(QStringLiteral("/api/v1/revenue/dashboard?from=2026-04-01T05:00:00Z&to=2026-05-01T05:00:00Z"));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 70000);
        QCOMPARE(d.value(QStringLiteral("previous")).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 178384);
        QCOMPARE(d.value(QStringLiteral("change_percent")).toDouble(), -60.76); // (70000 - 178384) / 178384

        // Filters: a source, a campaign, a location group, an assignee.
        d = figure(QStringLiteral("/api/v1/revenue/dashboard") + march(QStringLiteral("&source=google_maps")));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 3334);
        QCOMPARE(d.value(QStringLiteral("leads_created")).toInteger(), 2);
        QCOMPARE(d.value(QStringLiteral("spend_cents")).toInteger(), 123);
        QCOMPARE(d.value(QStringLiteral("open_deals")).toInteger(), 1); // H
        d = figure(QStringLiteral("/api/v1/revenue/dashboard") + march(QStringLiteral("&campaign_id=%1").arg(m_campaign)));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 103333);
        QCOMPARE(d.value(QStringLiteral("spend_cents")).toInteger(), 2000);
        d = figure(QStringLiteral("/api/v1/revenue/dashboard") + march(QStringLiteral("&location_group_id=%1").arg(m_group)));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 125050);
        QCOMPARE(d.value(QStringLiteral("spend_cents")).toInteger(), 77);
        d = figure(QStringLiteral("/api/v1/revenue/dashboard") + march(QStringLiteral("&user_id=%1").arg(m_userId)));
        QCOMPARE(d.value(QStringLiteral("revenue_cents")).toInteger(), 100000);

        // Mistakes in the query: the parameter named.
        for (const QString &bad : {QStringLiteral("?from=yesterday"), QStringLiteral("?tz=Mars/Olympus"), QStringLiteral("?from=2026-03-05&to=2026-03-01"),
                                   QStringLiteral("?campaign_id=abc"), QStringLiteral("?user_id=0")}) {
            const Reply r = get(QStringLiteral("/api/v1/revenue/dashboard") + bad);
            QVERIFY2(r.status == 422, qPrintable(bad + QStringLiteral(": ") + QString::fromUtf8(r.body)));
        }
    }

    void sourcesTrendsCostsRoi()
    {
        seed();
        FT_STOP_IF_FAILED();
        const QJsonObject sources = figure(QStringLiteral("/api/v1/revenue/by-source") + march());
        const QJsonArray items = sources.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 4);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("craigslist")); // the most revenue first
        const QJsonObject craigslist = byKey(sources, QStringLiteral("craigslist"), QStringLiteral("source"));
        QCOMPARE(craigslist.value(QStringLiteral("revenue_cents")).toInteger(), 125050);
        QCOMPARE(craigslist.value(QStringLiteral("conversions")).toInteger(), 2);
        QCOMPARE(craigslist.value(QStringLiteral("leads")).toInteger(), 4); // A, B, F, G
        QCOMPARE(craigslist.value(QStringLiteral("cost_cents")).toInteger(), 5077); // the ads and A's AI reply
        QCOMPARE(byKey(sources, QStringLiteral("google_maps"), QStringLiteral("source")).value(QStringLiteral("cost_cents")).toInteger(), 123);
        QCOMPARE(byKey(sources, QStringLiteral("manual"), QStringLiteral("source")).value(QStringLiteral("revenue_cents")).toInteger(), 50000);
        QCOMPARE(byKey(sources, QStringLiteral("(none)"), QStringLiteral("source")).value(QStringLiteral("cost_cents")).toInteger(), 12000);

        // Days in Chicago across the spring-forward night: March 8 lasts 23 hours.
        QJsonObject t = figure(QStringLiteral("/api/v1/revenue/trends?bucket=day&from=2026-03-07&to=2026-03-09&tz=America/Chicago"));
        QJsonArray days = t.value(QStringLiteral("items")).toArray();
        QCOMPARE(days.size(), 3);
        QCOMPARE(days.at(0).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("2026-03-07"));
        QCOMPARE(days.at(0).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 100000);
        QCOMPARE(days.at(1).toObject().value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-08T06:00:00.000Z"));
        QCOMPARE(days.at(1).toObject().value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-09T05:00:00.000Z"));
        QCOMPARE(days.at(1).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 25050 + 3333);
        QCOMPARE(days.at(1).toObject().value(QStringLiteral("conversions")).toInteger(), 2);
        QCOMPARE(days.at(2).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 1);
        // The same days in UTC put C's deal on March 9.
        t = figure(QStringLiteral("/api/v1/revenue/trends?bucket=day&from=2026-03-07&to=2026-03-09"));
        days = t.value(QStringLiteral("items")).toArray();
        QCOMPARE(days.at(2).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 3333 + 1);
        // Months: E's deal (23:00 on March 31 in Chicago) is March's; in UTC it is April's.
        t = figure(QStringLiteral("/api/v1/revenue/trends?bucket=month&from=2026-03-01&to=2026-04-30&tz=America/Chicago"));
        QCOMPARE(t.value(QStringLiteral("items")).toArray().size(), 2);
        QCOMPARE(t.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 178384);
        QCOMPARE(t.value(QStringLiteral("items")).toArray().at(1).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 70000);
        t = figure(QStringLiteral("/api/v1/revenue/trends?bucket=month&from=2026-03-01&to=2026-04-30"));
        QCOMPARE(t.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 128384);
        QCOMPARE(t.value(QStringLiteral("items")).toArray().at(1).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 120000);
        // Weeks start on Monday; the first starts with the period; empty weeks are there.
        t = figure(QStringLiteral("/api/v1/revenue/trends?bucket=week&from=2026-03-01&to=2026-03-31&tz=America/Chicago"));
        const QJsonArray weeks = t.value(QStringLiteral("items")).toArray();
        QCOMPARE(weeks.size(), 6); // Sun 1, Mon 2, 9, 16, 23, 30
        QCOMPARE(weeks.at(0).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 0);
        QCOMPARE(weeks.at(1).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(weeks.at(1).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 100000 + 25050 + 3333); // to Sunday the 8th
        QCOMPARE(weeks.at(2).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 1);
        QCOMPARE(weeks.at(5).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 50000);
        QCOMPARE(get(QStringLiteral("/api/v1/revenue/trends?bucket=hour")).status, 422);

        // Costs: by type, by period, listed.
        QJsonObject c = figure(QStringLiteral("/api/v1/costs/breakdown") + march());
        QCOMPARE(c.value(QStringLiteral("total_cents")).toInteger(), 17200);
        QCOMPARE(byKey(c, QStringLiteral("operating")).value(QStringLiteral("cost_cents")).toInteger(), 10000);
        QCOMPARE(byKey(c, QStringLiteral("advertising")).value(QStringLiteral("cost_cents")).toInteger(), 5000);
        QCOMPARE(byKey(c, QStringLiteral("email")).value(QStringLiteral("cost_cents")).toInteger(), 2000);
        QCOMPARE(byKey(c, QStringLiteral("enrichment")).value(QStringLiteral("cost_cents")).toInteger(), 123);
        QCOMPARE(byKey(c, QStringLiteral("ai_processing")).value(QStringLiteral("cost_cents")).toInteger(), 77);
        c = figure(QStringLiteral("/api/v1/costs/breakdown?group_by=period&bucket=month&from=2026-03-01&to=2026-05-31&tz=America/Chicago"));
        QCOMPARE(c.value(QStringLiteral("items")).toArray().size(), 3);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("cost_cents")).toInteger(), 17200);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("by_type")).toObject().value(QStringLiteral("operating")).toInteger(), 10000);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().at(1).toObject().value(QStringLiteral("cost_cents")).toInteger(), 0);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().at(2).toObject().value(QStringLiteral("cost_cents")).toInteger(), 99999);
        c = figure(QStringLiteral("/api/v1/costs/breakdown") + march(QStringLiteral("&group_by=campaign")));
        QCOMPARE(byKey(c, QString::number(m_campaign)).value(QStringLiteral("cost_cents")).toInteger(), 2000);
        c = figure(QStringLiteral("/api/v1/costs") + march(QStringLiteral("&limit=2")));
        QCOMPARE(c.value(QStringLiteral("total_cents")).toInteger(), 17200);
        QCOMPARE(c.value(QStringLiteral("count")).toInteger(), 5);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().size(), 2);
        QCOMPARE(c.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("cost_type")).toString(), QStringLiteral("ai_processing")); // newest first
        QCOMPARE(get(QStringLiteral("/api/v1/costs/breakdown?group_by=colour")).status, 422);

        // ROI: overall, by campaign (its recipients' revenue against its costs), by location.
        QJsonObject r = figure(QStringLiteral("/api/v1/roi/calculate") + march());
        const QJsonObject overall = r.value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("revenue_cents")).toInteger(), 178384);
        QCOMPARE(overall.value(QStringLiteral("cost_cents")).toInteger(), 17200);
        QCOMPARE(overall.value(QStringLiteral("roi_percent")).toDouble(), 937.12);
        QCOMPARE(overall.value(QStringLiteral("cost_per_lead_cents")).toInteger(), 2457);       // 17200 / 7
        QCOMPARE(overall.value(QStringLiteral("cost_per_conversion_cents")).toInteger(), 3440); // 17200 / 5
        r = figure(QStringLiteral("/api/v1/roi/calculate") + march(QStringLiteral("&group_by=campaign")));
        const QJsonObject spring = byKey(r, QString::number(m_campaign));
        QCOMPARE(spring.value(QStringLiteral("name")).toString(), QStringLiteral("Spring push"));
        QCOMPARE(spring.value(QStringLiteral("revenue_cents")).toInteger(), 103333);
        QCOMPARE(spring.value(QStringLiteral("cost_cents")).toInteger(), 2000);
        QCOMPARE(spring.value(QStringLiteral("leads")).toInteger(), 2);
        QCOMPARE(spring.value(QStringLiteral("roi_percent")).toDouble(), 5066.65); // (103333 - 2000) / 2000
        r = figure(QStringLiteral("/api/v1/roi/calculate") + march(QStringLiteral("&group_by=location")));
        QCOMPARE(byKey(r, QStringLiteral("Austin")).value(QStringLiteral("revenue_cents")).toInteger(), 125050);
        QCOMPARE(byKey(r, QStringLiteral("Austin")).value(QStringLiteral("cost_cents")).toInteger(), 77);
        QCOMPARE(byKey(r, QStringLiteral("Dallas")).value(QStringLiteral("revenue_cents")).toInteger(), 3334);
        QCOMPARE(byKey(r, QStringLiteral("Dallas")).value(QStringLiteral("cost_cents")).toInteger(), 123);
        QCOMPARE(get(QStringLiteral("/api/v1/roi/calculate?group_by=planet")).status, 422);
        // The analytics pages by source and by location are the same figures.
        QCOMPARE(figure(QStringLiteral("/api/v1/analytics/sources") + march()).value(QStringLiteral("items")),
                 figure(QStringLiteral("/api/v1/roi/calculate") + march(QStringLiteral("&group_by=source"))).value(QStringLiteral("items")));
        QCOMPARE(byKey(figure(QStringLiteral("/api/v1/analytics/locations/performance") + march()), QStringLiteral("Austin")).value(QStringLiteral("revenue_cents")).toInteger(),
                 125050);

        // Activity over time: March's leads by week, the e-mails sent, the money.
        QVERIFY(db().execute(QStringLiteral("UPDATE campaign_recipients SET sent_at = %1 WHERE lead_id = ?").arg(db().timestampParam()),
                             {db().timestamp(QDateTime::fromString(QStringLiteral("2026-03-10T15:00:00Z"), Qt::ISODate)), m_lead.value(QStringLiteral("A"))}));
        const QJsonArray activity = figure(QStringLiteral("/api/v1/analytics/trends") + march(QStringLiteral("&bucket=week"))).value(QStringLiteral("items")).toArray();
        QCOMPARE(activity.size(), 6);
        QCOMPARE(activity.at(1).toObject().value(QStringLiteral("leads_created")).toInteger(), 6); // A-F came in Monday 2 to Sunday 8
        QCOMPARE(activity.at(1).toObject().value(QStringLiteral("revenue_cents")).toInteger(), 128383);
        QCOMPARE(activity.at(1).toObject().value(QStringLiteral("cost_cents")).toInteger(), 10000); // the office
        QCOMPARE(activity.at(2).toObject().value(QStringLiteral("leads_created")).toInteger(), 1);  // G
        QCOMPARE(activity.at(2).toObject().value(QStringLiteral("emails_sent")).toInteger(), 1);
        QCOMPARE(activity.at(2).toObject().value(QStringLiteral("cost_cents")).toInteger(), 5000 + 2000 + 123); // ads, mailbox warm-up, C's enrichment
        QCOMPARE(get(QStringLiteral("/api/v1/analytics/trends?bucket=year")).status, 422);
    }

    // The forecast: the open pipeline by expected close month (overdue and undated apart), the
    // complete months before this one as history, the projection with its interval.
    void forecastFromPipelineAndHistory()
    {
        test::FakeClock clock(QDateTime(QDate(2026, 12, 2), QTime(12, 0), QTimeZone::utc()));
        seed(&clock);
        FT_STOP_IF_FAILED();
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET expected_close_date = '2027-01-15' WHERE id = ?"), {m_lead.value(QStringLiteral("G"))}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET expected_close_date = '2026-06-01' WHERE id = ?"), {m_lead.value(QStringLiteral("H"))}));
        const qint64 undated = lead(QStringLiteral("J"), QStringLiteral("manual"), QStringLiteral("2026-11-01T12:00:00Z"));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deal_stage = 'qualified', deal_value_cents = 40000 WHERE id = ?"), {undated}));
        const QJsonObject f = figure(QStringLiteral("/api/v1/revenue/forecast?tz=America/Chicago&months=6"));
        const QJsonObject pipeline = f.value(QStringLiteral("pipeline")).toObject();
        QCOMPARE(pipeline.value(QStringLiteral("open_deals")).toInteger(), 3);
        QCOMPARE(pipeline.value(QStringLiteral("value_cents")).toInteger(), 339999);
        QCOMPARE(pipeline.value(QStringLiteral("weighted_cents")).toInteger(), 184999); // 100,000 + 74,999.25 + 10,000
        const QJsonArray closing = pipeline.value(QStringLiteral("by_close_month")).toArray();
        QCOMPARE(closing.size(), 1);
        QCOMPARE(closing.first().toObject().value(QStringLiteral("month")).toString(), QStringLiteral("2027-01"));
        QCOMPARE(closing.first().toObject().value(QStringLiteral("weighted_cents")).toInteger(), 100000);
        QCOMPARE(pipeline.value(QStringLiteral("overdue")).toObject().value(QStringLiteral("weighted_cents")).toInteger(), 74999);
        QCOMPARE(pipeline.value(QStringLiteral("no_date")).toObject().value(QStringLiteral("weighted_cents")).toInteger(), 10000);
        const QJsonArray history = f.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 24);
        QCOMPARE(history.first().toObject().value(QStringLiteral("month")).toString(), QStringLiteral("2024-12"));
        QCOMPARE(history.last().toObject().value(QStringLiteral("month")).toString(), QStringLiteral("2026-11"));
        for (const QJsonValue &h : history) {
            const QString month = h.toObject().value(QStringLiteral("month")).toString();
            QCOMPARE(h.toObject().value(QStringLiteral("revenue_cents")).toInteger(), month == QLatin1String("2026-03") ? 178384 : month == QLatin1String("2026-04") ? 70000 : 0);
        }
        const QJsonArray ahead = f.value(QStringLiteral("projection")).toArray();
        QCOMPARE(ahead.size(), 6);
        QCOMPARE(ahead.first().toObject().value(QStringLiteral("month")).toString(), QStringLiteral("2026-12"));
        for (const QJsonValue &m : ahead) {
            const QJsonObject o = m.toObject();
            QVERIFY(o.value(QStringLiteral("low_cents")).toInteger() <= o.value(QStringLiteral("revenue_cents")).toInteger());
            QVERIFY(o.value(QStringLiteral("revenue_cents")).toInteger() <= o.value(QStringLiteral("high_cents")).toInteger());
        }
        QVERIFY(f.value(QStringLiteral("method")).toString().contains(QLatin1String("least-squares")));
        QCOMPARE(f.value(QStringLiteral("fit")).toObject().value(QStringLiteral("seasonal")).toBool(), true);
        QCOMPARE(get(QStringLiteral("/api/v1/revenue/forecast?months=99")).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/revenue/forecast?history_months=2")).status, 422);
    }

    // The funnel over March's leads: each stage counts who reached it or a later one; the
    // medians are of the gaps where both times are known; an auto-reply is no reply.
    void leadFunnelStagesAndMedians()
    {
        seed();
        FT_STOP_IF_FAILED();
        auto at = [this](const char *iso) { return db().timestamp(QDateTime::fromString(QLatin1String(iso), Qt::ISODate)); };
        const QString ts = db().timestampParam();
        const qint64 a = m_lead.value(QStringLiteral("A")), b = m_lead.value(QStringLiteral("B")), g = m_lead.value(QStringLiteral("G"));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET enriched_at = %1 WHERE id = ?").arg(ts), {at("2026-03-02T14:00:00Z"), a}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET enriched_at = %1 WHERE id = ?").arg(ts), {at("2026-03-10T13:00:00Z"), g}));
        QVERIFY(db().execute(QStringLiteral("UPDATE campaign_recipients SET sent_at = %1, replied_at = %1 WHERE lead_id = ?").arg(ts),
                             {at("2026-03-03T12:00:00Z"), at("2026-03-04T12:00:00Z"), a}));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET last_contacted_at = %1 WHERE id = ?").arg(ts), {at("2026-03-03T18:00:00Z"), b}));
        const qint64 cb = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('conv-b', ?)"), {b});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, created_at) VALUES (?, 'inbound', %1)").arg(ts), {cb, at("2026-03-04T18:00:00Z")}));
        const qint64 cg = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('conv-g', ?)"), {g});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, auto_reply, created_at) VALUES (?, 'inbound', %1, %2)")
                                 .arg(db().boolLiteral(true), ts),
                             {cg, at("2026-03-11T09:00:00Z")}));
        for (const auto &[lead, when] : {std::pair{a, "2026-03-05T12:00:00Z"}, std::pair{b, "2026-03-06T18:00:00Z"}})
            QVERIFY(db().execute(QStringLiteral("INSERT INTO activity_log (action, entity_type, entity_id, details, created_at) VALUES ('lead_status_changed', 'lead', ?, %1, %2)")
                                     .arg(db().jsonParam(), ts),
                                 {lead, QStringLiteral("{\"changes\":{\"status\":{\"from\":\"contacted\",\"to\":\"qualified\"}}}"), at(when)}));
        const qint64 k = lead(QStringLiteral("K"), QStringLiteral("craigslist"), QStringLiteral("2026-03-12T12:00:00Z"));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET last_contacted_at = %1 WHERE id = ?").arg(ts), {at("2026-03-13T12:00:00Z"), k}));
        // L was written to and only its out-of-office answered: contacted, not replied.
        const qint64 l = lead(QStringLiteral("L"), QStringLiteral("craigslist"), QStringLiteral("2026-03-14T12:00:00Z"));
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET last_contacted_at = %1 WHERE id = ?").arg(ts), {at("2026-03-15T12:00:00Z"), l}));
        const qint64 cl = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('conv-l', ?)"), {l});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, auto_reply, created_at) VALUES (?, 'inbound', %1, %2)")
                                 .arg(db().boolLiteral(true), ts),
                             {cl, at("2026-03-15T12:05:00Z")}));

        const QJsonObject f = figure(QStringLiteral("/api/v1/analytics/lead-funnel") + march());
        const QJsonArray stages = f.value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages.size(), 6);
        auto stage = [&stages](int i) { return stages.at(i).toObject(); };
        // A-G, K and L came in; K and L were only contacted (L's out-of-office is no reply); G was
        // enriched and sits in "proposal" (qualified or beyond, so it counts as contacted and
        // replied too); A-F won (E and F in April).
        const QList<qint64> leads{9, 9, 9, 7, 7, 6};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(stage(i).value(QStringLiteral("leads")).toInteger(), leads.at(i));
        QCOMPARE(stage(0).value(QStringLiteral("stage")).toString(), QStringLiteral("scraped"));
        QCOMPARE(stage(5).value(QStringLiteral("stage")).toString(), QStringLiteral("won"));
        QCOMPARE(stage(2).value(QStringLiteral("rate_from_previous")).toDouble(), 1.0);
        QCOMPARE(stage(3).value(QStringLiteral("rate_from_previous")).toDouble(), 0.7778); // 7 / 9
        QCOMPARE(stage(5).value(QStringLiteral("rate_from_previous")).toDouble(), 0.8571); // 6 / 7
        QCOMPARE(stage(5).value(QStringLiteral("rate_from_start")).toDouble(), 0.6667);
        QCOMPARE(stage(1).value(QStringLiteral("median_hours_from_previous")).toDouble(), 1.5);  // A 2 h, G 1 h
        QCOMPARE(stage(2).value(QStringLiteral("median_hours_from_previous")).toDouble(), 22.0); // A only (B and K were never enriched)
        QCOMPARE(stage(2).value(QStringLiteral("timed")).toInteger(), 1);
        QCOMPARE(stage(3).value(QStringLiteral("median_hours_from_previous")).toDouble(), 24.0); // A 24 h, B 24 h
        QCOMPARE(stage(4).value(QStringLiteral("median_hours_from_previous")).toDouble(), 36.0); // A 24 h, B 48 h
        QCOMPARE(stage(5).value(QStringLiteral("median_hours_from_previous")).toDouble(), 51.0); // A 65.5 h, B 35.5 h
        QCOMPARE(stage(5).value(QStringLiteral("timed")).toInteger(), 2);
        // Filtered: the Austin leads (A and B).
        const QJsonArray austin = figure(QStringLiteral("/api/v1/analytics/lead-funnel") + march(QStringLiteral("&location_group_id=%1").arg(m_group)))
                                      .value(QStringLiteral("stages")).toArray();
        QCOMPARE(austin.at(0).toObject().value(QStringLiteral("leads")).toInteger(), 2);
        QCOMPARE(austin.at(5).toObject().value(QStringLiteral("leads")).toInteger(), 2);
    }

    // Campaign e-mails per template over March in Chicago: what each got, the leads it reached
    // and how many converted after it; the campaign and source filters; the overview.
    void templatesAndTheOverview()
    {
        seed();
        FT_STOP_IF_FAILED();
        const qint64 intro = insert(QStringLiteral("INSERT INTO templates (name) VALUES ('Intro')"), {});
        const qint64 followUp = insert(QStringLiteral("INSERT INTO templates (name) VALUES ('Follow-up')"), {});
        const qint64 other = insert(QStringLiteral("INSERT INTO campaigns (campaign_id, name) VALUES ('y', 'Summer')"), {});
        QVERIFY(db().execute(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, tracking_token) VALUES (?, ?, 'D-token')"), {other, m_lead.value(QStringLiteral("D"))}));
        auto recipient = [&](qint64 campaign, const char *who) {
            auto row = db().selectOne(QStringLiteral("SELECT id FROM campaign_recipients WHERE campaign_id = ? AND lead_id = ?"), {campaign, m_lead.value(QLatin1String(who))});
            return row ? row->value(0).toLongLong() : 0;
        };
        int n = 0;
        auto message = [&](qint64 campaign, const char *who, int step, qint64 templ, const char *status, const char *sent, const char *opened, const char *clicked,
                           const char *replied, const char *bounced) {
            auto t = [&](const char *iso) { return iso ? db().timestamp(QDateTime::fromString(QLatin1String(iso), Qt::ISODate)) : QVariant(); };
            const QString p = db().timestampParam();
            QVERIFY(db().execute(QStringLiteral("INSERT INTO campaign_messages (campaign_id, recipient_id, step, template_id, message_id, status, sent_at, opened_at, "
                                                "clicked_at, replied_at, bounced_at) VALUES (?, ?, ?, ?, ?, ?, %1, %1, %1, %1, %1)")
                                     .arg(p),
                                 {campaign, recipient(campaign, who), step, templ, QStringLiteral("<m%1@x>").arg(++n), QLatin1String(status), t(sent), t(opened), t(clicked),
                                  t(replied), t(bounced)}));
        };
        message(m_campaign, "A", 0, intro, "sent", "2026-03-05T15:00:00Z", "2026-03-05T16:00:00Z", "2026-03-05T16:01:00Z", nullptr, nullptr);
        message(m_campaign, "A", 1, followUp, "sent", "2026-03-07T15:00:00Z", nullptr, nullptr, "2026-03-07T18:00:00Z", nullptr);
        message(m_campaign, "C", 0, intro, "bounced", "2026-03-06T15:00:00Z", nullptr, nullptr, nullptr, "2026-03-06T15:01:00Z");
        message(other, "D", 0, followUp, "sent", "2026-03-20T15:00:00Z", "2026-03-21T09:00:00Z", nullptr, nullptr, nullptr);
        message(other, "D", 1, followUp, "sent", "2026-04-02T15:00:00Z", nullptr, nullptr, nullptr, nullptr); // April: outside
        message(other, "D", 2, followUp, "failed", nullptr, nullptr, nullptr, nullptr, nullptr);             // never sent
        FT_STOP_IF_FAILED();

        QJsonObject t = figure(QStringLiteral("/api/v1/analytics/templates/performance") + march());
        QJsonArray items = t.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject a = items.at(0).toObject(), b = items.at(1).toObject();
        QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("Intro"));
        QCOMPARE(a.value(QStringLiteral("template_id")).toInteger(), intro);
        const QList<std::pair<const char *, qint64>> introFigures{{"sent", 2}, {"opened", 1}, {"clicked", 1}, {"replied", 0}, {"bounced", 1}, {"leads", 2}, {"leads_converted", 2}};
        for (const auto &[key, value] : introFigures)
            QVERIFY2(a.value(QLatin1String(key)).toInteger() == value, key);
        QCOMPARE(a.value(QStringLiteral("open_rate")).toDouble(), 0.5);
        QCOMPARE(a.value(QStringLiteral("bounce_rate")).toDouble(), 0.5);
        // D converted on March 9, before its e-mail of March 20: not counted for Follow-up.
        const QList<std::pair<const char *, qint64>> followFigures{{"sent", 2}, {"opened", 1}, {"clicked", 0}, {"replied", 1}, {"bounced", 0}, {"leads", 2}, {"leads_converted", 1}};
        for (const auto &[key, value] : followFigures)
            QVERIFY2(b.value(QLatin1String(key)).toInteger() == value, key);
        QCOMPARE(b.value(QStringLiteral("conversion_rate")).toDouble(), 0.5);
        const QJsonObject overall = t.value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("sent")).toInteger(), qint64(4));
        QCOMPARE(overall.value(QStringLiteral("leads")).toInteger(), qint64(3)); // A once, though two templates reached A
        QCOMPARE(overall.value(QStringLiteral("leads_converted")).toInteger(), qint64(2));
        QCOMPARE(overall.value(QStringLiteral("reply_rate")).toDouble(), 0.25);

        // One campaign's e-mails only (D was never in it); one source's leads only.
        t = figure(QStringLiteral("/api/v1/analytics/templates/performance") + march(QStringLiteral("&campaign_id=%1").arg(m_campaign)));
        QCOMPARE(t.value(QStringLiteral("overall")).toObject().value(QStringLiteral("sent")).toInteger(), qint64(3));
        t = figure(QStringLiteral("/api/v1/analytics/templates/performance") + march(QStringLiteral("&source=google_maps")));
        QCOMPARE(t.value(QStringLiteral("overall")).toObject().value(QStringLiteral("sent")).toInteger(), qint64(2)); // C and D
        QCOMPARE(t.value(QStringLiteral("items")).toArray().size(), 2);
        t = figure(QStringLiteral("/api/v1/analytics/templates/performance?from=2026-01-01&to=2026-01-31"));
        QCOMPARE(t.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(t.value(QStringLiteral("overall")).toObject().value(QStringLiteral("sent")).toInteger(), qint64(0));
        QVERIFY(t.value(QStringLiteral("overall")).toObject().value(QStringLiteral("open_rate")).isNull());

        // The overview: the same e-mails, a reply that came in, the leads of the month against
        // the 31 days before.
        const qint64 conversation = db().selectOne(QStringLiteral("SELECT id FROM conversations WHERE conversation_id = 'conv-a'"))->value(0).toLongLong();
        QVERIFY(db().execute(QStringLiteral("INSERT INTO messages (conversation_id, direction, created_at) VALUES (?, 'inbound', %1)").arg(db().timestampParam()),
                             {conversation, db().timestamp(QDateTime::fromString(QStringLiteral("2026-03-09T12:00:00Z"), Qt::ISODate))}));
        const QJsonObject d = figure(QStringLiteral("/api/v1/analytics/dashboard") + march());
        const QJsonObject leadsIn = d.value(QStringLiteral("leads")).toObject();
        QCOMPARE(leadsIn.value(QStringLiteral("new")).toInteger(), qint64(7));     // A-G (I is deleted)
        QCOMPARE(leadsIn.value(QStringLiteral("previous")).toInteger(), qint64(1)); // H, February 20
        QCOMPARE(leadsIn.value(QStringLiteral("change_percent")).toDouble(), 600.0);
        QCOMPARE(leadsIn.value(QStringLiteral("new")).toInteger(), d.value(QStringLiteral("revenue")).toObject().value(QStringLiteral("leads_created")).toInteger());
        QCOMPARE(d.value(QStringLiteral("email")).toObject(), overall);
        QCOMPARE(d.value(QStringLiteral("replies")).toObject().value(QStringLiteral("received")).toInteger(), qint64(1));
        QCOMPARE(d.value(QStringLiteral("top_templates")).toArray().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Intro"));
        QVERIFY(!d.value(QStringLiteral("top_sources")).toArray().isEmpty());
        QCOMPARE(d.value(QStringLiteral("revenue")).toObject().value(QStringLiteral("revenue_cents")).toInteger(),
                 figure(QStringLiteral("/api/v1/revenue/dashboard") + march()).value(QStringLiteral("revenue_cents")).toInteger());
        // With a filter, every part is filtered: Austin's leads are A and B.
        const QJsonObject austin = figure(QStringLiteral("/api/v1/analytics/dashboard") + march(QStringLiteral("&location_group_id=%1").arg(m_group)));
        QCOMPARE(austin.value(QStringLiteral("leads")).toObject().value(QStringLiteral("new")).toInteger(), qint64(2));
        QCOMPARE(austin.value(QStringLiteral("email")).toObject().value(QStringLiteral("sent")).toInteger(), qint64(2)); // A's two
        QCOMPARE(austin.value(QStringLiteral("replies")).toObject().value(QStringLiteral("received")).toInteger(), qint64(1));
    }

    // POST /exports/analytics: the mistakes said at once; then a CSV, a JSON and a PDF written by
    // a job, downloadable by who asked (and nobody else), holding the figures the API gives.
    void exportsAsCsvJsonAndPdf()
    {
        seed(nullptr, 1);
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/exports/analytics"), test::json(J({"format": "xls"})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("format")));
        r = send("POST", QStringLiteral("/api/v1/exports/analytics"), test::json(J({"format": "csv", "from": "the first of March"})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("from")));
        r = send("POST", QStringLiteral("/api/v1/exports/analytics"), test::json(J({"format": "csv", "bucket": "hour"})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 422);
        r = send("POST", QStringLiteral("/api/v1/exports/analytics"), test::json(J({"format": "csv", "tz": "Mars/Olympus"})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 422);

        auto exported = [&](const char *format) -> QByteArray {
            const Reply started = send("POST", QStringLiteral("/api/v1/exports/analytics"),
                                       {{QStringLiteral("format"), QLatin1String(format)}, {QStringLiteral("from"), QStringLiteral("2026-03-01")},
                                        {QStringLiteral("to"), QStringLiteral("2026-03-31")}, {QStringLiteral("tz"), QStringLiteral("America/Chicago")}},
                                       QStringLiteral("viewer"));
            FT_EXPECT(started.status == 202, started.body.constData());
            const QString job = QStringLiteral("/api/v1/jobs/%1").arg(started.json.value(QStringLiteral("job_id")).toInteger());
            QJsonObject state;
            for (int i = 0; i < 400 && state.value(QStringLiteral("state")).toString() != QLatin1String("done"); ++i) {
                state = get(job, QStringLiteral("viewer")).json;
                if (state.value(QStringLiteral("state")).toString() == QLatin1String("dead"))
                    break;
                QTest::qWait(50);
            }
            FT_EXPECT(state.value(QStringLiteral("state")).toString() == QLatin1String("done"), QJsonDocument(state).toJson().constData());
            const QString url = state.value(QStringLiteral("result")).toObject().value(QStringLiteral("file")).toObject().value(QStringLiteral("download_url")).toString();
            FT_EXPECT(url.startsWith(QStringLiteral("/api/v1/files/")), QJsonDocument(state).toJson().constData());
            // Only who asked may fetch it.
            FT_EXPECT(get(url, QStringLiteral("user")).status == 404, "another user read the report");
            const Reply file = get(url, QStringLiteral("viewer"));
            FT_EXPECT(file.status == 200, file.body.constData());
            return file.body;
        };
        const QJsonObject dashboard = figure(QStringLiteral("/api/v1/revenue/dashboard") + march());
        const qint64 revenue = dashboard.value(QStringLiteral("revenue_cents")).toInteger();
        QVERIFY(revenue > 0);

        const QByteArray csv = exported("csv");
        FT_STOP_IF_FAILED();
        QVERIFY2(csv.startsWith("FlipTech Pro analytics report\r\n"), csv.left(200).constData());
        QVERIFY(csv.contains("Period,2026-03-01 to 2026-03-31 (America/Chicago)\r\n"));
        QVERIFY2(csv.contains(QByteArray("revenue_cents," + QByteArray::number(revenue) + "\r\n")), csv.constData());
        // The day section: a line per day of March, the spring-forward day among them.
        const qsizetype days = csv.indexOf("Revenue by day\r\n");
        QVERIFY(days > 0);
        const QList<QByteArray> dayLines = csv.mid(days).left(csv.indexOf("\r\n\r\n", days) - days).split('\n');
        QCOMPARE(dayLines.size(), 2 + 31);
        QVERIFY(csv.contains("Lead funnel\r\n") && csv.contains("Costs by type\r\n") && csv.contains("Locations\r\n"));

        const QJsonObject json = QJsonDocument::fromJson(exported("json")).object();
        FT_STOP_IF_FAILED();
        QCOMPARE(json.value(QStringLiteral("dashboard")).toObject(), dashboard);
        QCOMPARE(json.value(QStringLiteral("lead_funnel")).toObject(), figure(QStringLiteral("/api/v1/analytics/lead-funnel") + march()));
        QCOMPARE(json.value(QStringLiteral("trends")).toObject().value(QStringLiteral("items")).toArray().size(), 31);

        const QByteArray pdf = exported("pdf");
        FT_STOP_IF_FAILED();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
        QCOMPARE(QString::fromLatin1(pdf).count(page), 2);
        QVERIFY2(pdf.size() > 5000, QByteArray::number(pdf.size()).constData()); // text and drawn charts, not an empty page
    }

    // From a chart to the leads page: the leads behind each bar are exactly those it counts, and
    // the filter the answer carries lists exactly them.
    void drillDownListsExactlyTheLeadsCounted()
    {
        seed();
        FT_STOP_IF_FAILED();
        auto drill = [&](const QString &query) { return figure(QStringLiteral("/api/v1/analytics/drill-down") + march(query)); };
        auto letters = [&](const QJsonObject &answer) {
            QStringList out;
            for (const QJsonValue &v : answer.value(QStringLiteral("lead_ids")).toArray())
                out << m_lead.key(v.toInteger());
            out.sort();
            return out.join(QString());
        };
        // Revenue by source: A and B (F converted on April 1 in Chicago), C and D, E.
        const QJsonObject sources = figure(QStringLiteral("/api/v1/revenue/by-source") + march());
        const QHash<QString, QString> expected{{QStringLiteral("craigslist"), QStringLiteral("AB")}, {QStringLiteral("google_maps"), QStringLiteral("CD")},
                                               {QStringLiteral("manual"), QStringLiteral("E")}};
        for (const QJsonValue &v : sources.value(QStringLiteral("items")).toArray()) {
            const QString source = v.toObject().value(QStringLiteral("source")).toString();
            const QJsonObject d = drill(QStringLiteral("&figure=revenue&group_by=source&key=") + source);
            QCOMPARE(d.value(QStringLiteral("count")).toInteger(), v.toObject().value(QStringLiteral("conversions")).toInteger());
            if (expected.contains(source))
                QCOMPARE(letters(d), expected.value(source));
            // The leads page lists exactly them.
            const QByteArray filter = QJsonDocument(d.value(QStringLiteral("filter")).toObject()).toJson(QJsonDocument::Compact);
            const QJsonObject listed = get(QStringLiteral("/api/v1/leads?limit=100&total=exact&filter=") + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(filter))),
                                           QStringLiteral("viewer"))
                                           .json;
            QCOMPARE(listed.value(QStringLiteral("total")).toInteger(), d.value(QStringLiteral("count")).toInteger());
            QSet<qint64> ids;
            for (const QJsonValue &lead : listed.value(QStringLiteral("items")).toArray())
                ids.insert(lead.toObject().value(QStringLiteral("id")).toInteger());
            for (const QJsonValue &id : d.value(QStringLiteral("lead_ids")).toArray())
                QVERIFY(ids.contains(id.toInteger()));
        }
        // The funnel: each stage's leads.
        const QJsonArray stages = figure(QStringLiteral("/api/v1/analytics/lead-funnel") + march()).value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages.size(), 6);
        for (const QJsonValue &v : stages) {
            const QJsonObject d = drill(QStringLiteral("&figure=funnel&key=") + v.toObject().value(QStringLiteral("stage")).toString());
            QCOMPARE(d.value(QStringLiteral("count")).toInteger(), v.toObject().value(QStringLiteral("leads")).toInteger());
        }
        // Won: the leads that came in during March and ever converted — F too (it came in on March 6 and won on April 1).
        QCOMPARE(letters(drill(QStringLiteral("&figure=funnel&key=won"))), QStringLiteral("ABCDEF"));
        // Leads that came in, one location; costs of one type (the enrichment of C); rent belongs to no lead.
        QCOMPARE(letters(drill(QStringLiteral("&figure=leads&group_by=location&key=Austin"))), QStringLiteral("AB"));
        QCOMPARE(letters(drill(QStringLiteral("&figure=costs&group_by=cost_type&key=enrichment"))), QStringLiteral("C"));
        QCOMPARE(drill(QStringLiteral("&figure=costs&group_by=cost_type&key=operating")).value(QStringLiteral("count")).toInteger(), qint64(0));
        QCOMPARE(letters(drill(QStringLiteral("&figure=revenue&source=google_maps"))), QStringLiteral("CD")); // a filter, no bar
        // Mistakes, named.
        for (const auto &[query, field] : {std::pair{"&figure=bogus", "figure"}, std::pair{"&figure=funnel&key=bogus", "key"},
                                          std::pair{"&figure=revenue&group_by=source", "key"}, std::pair{"&figure=revenue&group_by=colour&key=x", "group_by"}}) {
            const Reply r = get(QStringLiteral("/api/v1/analytics/drill-down") + march(QLatin1String(query)), QStringLiteral("viewer"));
            QCOMPARE(r.status, 422);
            QVERIFY2(r.details().contains(QLatin1String(field)), r.body.constData());
        }
    }

    // The board through the API: the stages with their deals, the filters, and a move into an
    // open stage, into won (a conversion) and into lost (the reason); mistakes named.
    void theBoardAndItsMoves()
    {
        seed();
        FT_STOP_IF_FAILED();
        QJsonObject board = figure(QStringLiteral("/api/v1/revenue/board"));
        QJsonObject proposal, won;
        for (const QJsonValue &v : board.value(QStringLiteral("stages")).toArray()) {
            if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("proposal"))
                proposal = v.toObject();
            if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("won"))
                won = v.toObject();
        }
        QCOMPARE(board.value(QStringLiteral("stages")).toArray().size(), 7);
        QCOMPARE(proposal.value(QStringLiteral("count")).toInteger(), qint64(1)); // G
        QCOMPARE(proposal.value(QStringLiteral("value_cents")).toInteger(), qint64(200000));
        QCOMPARE(proposal.value(QStringLiteral("weighted_cents")).toInteger(), qint64(100000));
        QCOMPARE(proposal.value(QStringLiteral("leads")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(), m_lead.value(QStringLiteral("G")));
        QCOMPARE(won.value(QStringLiteral("count")).toInteger(), qint64(6)); // A-F
        QCOMPARE(won.value(QStringLiteral("leads")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(), m_lead.value(QStringLiteral("F"))); // the latest first
        board = figure(QStringLiteral("/api/v1/revenue/board?per_stage=2&source=google_maps"));
        for (const QJsonValue &v : board.value(QStringLiteral("stages")).toArray())
            if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("won")) {
                QCOMPARE(v.toObject().value(QStringLiteral("count")).toInteger(), qint64(2)); // C and D
                QCOMPARE(v.toObject().value(QStringLiteral("leads")).toArray().size(), 2);
            }

        const qint64 g = m_lead.value(QStringLiteral("G")), h = m_lead.value(QStringLiteral("H"));
        Reply r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), g}, {QStringLiteral("stage"), QStringLiteral("negotiation")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("deal_stage")).toString(), QStringLiteral("negotiation"));
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), g}, {QStringLiteral("stage"), QStringLiteral("won")}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("amount")));
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), g}, {QStringLiteral("stage"), QStringLiteral("won")}, {QStringLiteral("amount"), QStringLiteral("1999.99")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("revenue_amount_cents")).toInteger(), qint64(199999));
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), h}, {QStringLiteral("stage"), QStringLiteral("lost")}});
        QCOMPARE(r.status, 422);
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), h}, {QStringLiteral("stage"), QStringLiteral("lost")}, {QStringLiteral("reason"), QStringLiteral("No budget")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("lost_reason")).toString(), QStringLiteral("No budget"));
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), h}, {QStringLiteral("stage"), QStringLiteral("limbo")}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("stage")));
        r = send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), 999999}, {QStringLiteral("stage"), QStringLiteral("qualified")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/revenue/board/move"), {{QStringLiteral("lead_id"), g}, {QStringLiteral("stage"), QStringLiteral("qualified")}}, QStringLiteral("viewer")).status, 403);
        QCOMPARE(get(QStringLiteral("/api/v1/revenue/board?per_stage=0")).status, 422);
    }

    void convertLoseAndThePipeline()
    {
        seed();
        FT_STOP_IF_FAILED();
        const QString a = QStringLiteral("/api/v1/leads/%1/mark-converted").arg(m_lead.value(QStringLiteral("G")));
        const QList<QPair<QJsonObject, QString>> mistakes{
            {{{QStringLiteral("amount"), QStringLiteral("12.345")}}, QStringLiteral("amount")},
            {{{QStringLiteral("amount"), QStringLiteral("1,000")}}, QStringLiteral("amount")},
            {{{QStringLiteral("amount_cents"), -5}}, QStringLiteral("amount_cents")},
            {{}, QStringLiteral("amount")},
            {{{QStringLiteral("amount"), QStringLiteral("10")}, {QStringLiteral("date"), QStringLiteral("2099-01-01")}}, QStringLiteral("date")},
            {{{QStringLiteral("amount"), QStringLiteral("10")}, {QStringLiteral("stage"), QStringLiteral("nope")}}, QStringLiteral("stage")},
            {{{QStringLiteral("amount"), QStringLiteral("10")}, {QStringLiteral("currency"), QStringLiteral("dollars")}}, QStringLiteral("currency")},
        };
        const qint64 before = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM conversions"))->value(0).toLongLong();
        for (const auto &[body, field] : mistakes) {
            const Reply r = send("POST", a, body);
            QVERIFY2(r.status == 422, r.body.constData());
            QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().contains(field), r.body.constData());
        }
        QCOMPARE(send("POST", a, {{QStringLiteral("amount"), QStringLiteral("10")}}, QStringLiteral("viewer")).status, 403);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/999999/mark-converted"), {{QStringLiteral("amount"), QStringLiteral("10")}}).status, 404);
        QCOMPARE(db().selectOne(QStringLiteral("SELECT COUNT(*) FROM conversions"))->value(0).toLongLong(), before);

        // Two payments: the lead's revenue is their sum.
        Reply r = send("POST", a, {{QStringLiteral("amount"), QStringLiteral("1200.00")}, {QStringLiteral("notes"), QStringLiteral("Deposit")}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("conversion")).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("1200.00"));
        r = send("POST", a, {{QStringLiteral("amount"), QStringLiteral("800.25")}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject lead = r.json.value(QStringLiteral("lead")).toObject();
        QCOMPARE(lead.value(QStringLiteral("status")).toString(), QStringLiteral("won"));
        QCOMPARE(lead.value(QStringLiteral("deal_stage")).toString(), QStringLiteral("won"));
        QCOMPARE(lead.value(QStringLiteral("revenue_amount_cents")).toInteger(), 200025);

        // Lost: the reason kept.
        const QString lost = QStringLiteral("/api/v1/leads/%1/mark-lost").arg(m_lead.value(QStringLiteral("H")));
        QCOMPARE(send("POST", lost, {}).status, 422);
        r = send("POST", lost, {{QStringLiteral("reason"), QStringLiteral("Chose a cheaper agency")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("lost"));
        QCOMPARE(r.json.value(QStringLiteral("deal_stage")).toString(), QStringLiteral("lost"));
        QCOMPARE(db().selectOne(QStringLiteral("SELECT lost_reason FROM leads WHERE id = ?"), {m_lead.value(QStringLiteral("H"))})->value(0).toString(),
                 QStringLiteral("Chose a cheaper agency"));
        // Neither is an open deal any more.
        QCOMPARE(figure(QStringLiteral("/api/v1/revenue/dashboard")).value(QStringLiteral("open_deals")).toInteger(), 0);

        // The pipeline: read, refused when wrong, replaced.
        QJsonObject p = figure(QStringLiteral("/api/v1/revenue/pipeline"));
        QCOMPARE(p.value(QStringLiteral("items")).toArray().size(), 7);
        QCOMPARE(p.value(QStringLiteral("items")).toArray().at(3).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("proposal"));
        const QJsonObject twoWon = test::json(J({"stages": [{"key": "new", "name": "New", "probability": 10}, {"key": "won", "name": "Won", "probability": 100, "kind": "won"},
                                                            {"key": "won2", "name": "Won too", "probability": 100, "kind": "won"}, {"key": "lost", "name": "Lost", "probability": 0, "kind": "lost"}]}));
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/revenue/pipeline"), twoWon, QStringLiteral("admin")).status, 422);
        const QJsonObject fine = test::json(J({"stages": [{"key": "new", "name": "New", "probability": 10}, {"key": "demo_booked", "name": "Demo booked", "probability": 40},
                                                          {"key": "won", "name": "Won", "probability": 100, "kind": "won"}, {"key": "lost", "name": "Lost", "probability": 0, "kind": "lost"}]}));
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/revenue/pipeline"), fine).status, 403); // admins only
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deal_stage = 'proposal' WHERE id = ?"), {m_lead.value(QStringLiteral("B"))}));
        r = send("PUT", QStringLiteral("/api/v1/revenue/pipeline"), fine, QStringLiteral("admin"));
        QCOMPARE(r.status, 409); // B still sits in "proposal"
        QVERIFY(db().execute(QStringLiteral("UPDATE leads SET deal_stage = 'demo_booked' WHERE id = ?"), {m_lead.value(QStringLiteral("B"))}));
        r = send("PUT", QStringLiteral("/api/v1/revenue/pipeline"), fine, QStringLiteral("admin"));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 4);
    }
};

QTEST_MAIN(TestRevenueApi)
#include "tst_revenueapi.moc"
