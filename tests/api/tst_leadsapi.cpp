#include "apiharness.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"
#include "fixturehttpserver.h"
#include "localdnsserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>


using namespace fliptech;
using Reply = test::HttpReply;

class TestLeadsApi final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<test::ApiHarness> m_api;
    QHash<QString, QByteArray> m_t;

    void start(int workers = 0)
    {
        m_api = std::make_unique<test::ApiHarness>();
        m_api->workers = workers;
        auto st = m_api->start(m_tmp->url());
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        m_t = m_api->team();
        FT_STOP_IF_FAILED();
    }
    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &role = QStringLiteral("user"))
    {
        return m_api->send(method, path, body, m_t.value(role));
    }
    Reply get(const QString &path, const QString &role = QStringLiteral("user")) { return m_api->get(path, m_t.value(role)); }
    qint64 create(const char *json)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/leads"), test::json(json));
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    Reply upload(const QString &path, const QByteArray &filename, const QByteArray &data, const QByteArray &type = "text/csv")
    {
        const QByteArray boundary = "----fliptech-test-boundary";
        QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n";
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body += data + "\r\n--" + boundary + "--\r\n";
        return m_api->call("POST", path, body, {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))},
                                                {"Content-Type", "multipart/form-data; boundary=" + boundary}});
    }

    // A captured Craigslist page (fixtures/craigslist/<relative>) as a local server's answer.
    static test::FixtureHttpServer::Response capturedPage(const QString &relative)
    {
        QFile f(test::sharedFixturesDir() + QStringLiteral("/craigslist/") + relative);
        FT_EXPECT(f.open(QIODevice::ReadOnly), qPrintable(relative));
        test::FixtureHttpServer::Response r;
        r.body = f.readAll();
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_api.reset();
        m_tmp.reset();
    }

    void crudFiltersAndTrash()
    {
        start();
        const qint64 ann = create(J({"name":"Ann Able","email":"ann@able.example","status":"new","score":90,"city":"Austin"}));
        FT_STOP_IF_FAILED();
        create(J({"name":"Bob Baker","email":"bob@baker.example","status":"new","score":60,"city":"Austin"}));
        FT_STOP_IF_FAILED();
        create(J({"name":"Cat Cole","status":"contacted","score":70,"city":"Austin"}));
        FT_STOP_IF_FAILED();
        create(J({"name":"Dan Drake","status":"new","score":10,"city":"Dallas"}));
        FT_STOP_IF_FAILED();

        Reply list = get(QStringLiteral("/api/v1/leads?status=new&city=Austin&score_min=50&sort=-score&limit=1"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Ann Able"));
        const QString cursor = list.json.value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        list = get(QStringLiteral("/api/v1/leads?status=new&city=Austin&score_min=50&sort=-score&limit=1&cursor=") + cursor);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Bob Baker"));
        QVERIFY(list.json.value(QStringLiteral("next_cursor")).isNull());
        // The same filter as JSON.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("filter"), QString::fromUtf8(J({"status":["new","contacted"],"has_email":false})));
        list = get(QStringLiteral("/api/v1/leads?") + q.toString(QUrl::FullyEncoded));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 2);

        // Mistakes are named.
        Reply bad = get(QStringLiteral("/api/v1/leads?colour=red")); // a field that does not exist: 400
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.details().contains(QStringLiteral("filter.colour")));
        bad = get(QStringLiteral("/api/v1/leads?score_min=ten")); // a bad value of a real field: 422
        QCOMPARE(bad.status, 422);
        QVERIFY(bad.details().contains(QStringLiteral("filter.score_min")));
        bad = get(QStringLiteral("/api/v1/leads?sort=name%3BDROP%20TABLE%20leads"));
        QVERIFY(bad.details().contains(QStringLiteral("sort")));
        QVERIFY(get(QStringLiteral("/api/v1/leads?limit=100000")).details().contains(QStringLiteral("limit")));
        QVERIFY(get(QStringLiteral("/api/v1/leads?score_min=ten")).details().contains(QStringLiteral("filter.score_min")));
        bad = send("POST", QStringLiteral("/api/v1/leads"), test::json(J({"name":"X","email":"nope","shoe_size":42})));
        QVERIFY(bad.details().contains(QStringLiteral("email")));
        QVERIFY(bad.details().contains(QStringLiteral("shoe_size")));
        QCOMPARE(get(QStringLiteral("/api/v1/leads?status=new")).json.value(QStringLiteral("total")).toInt(), 3); // nothing was written

        // Roles: a viewer reads, never writes.
        QCOMPARE(get(QStringLiteral("/api/v1/leads"), QStringLiteral("viewer")).status, 200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads"), test::json(J({"name":"V"})), QStringLiteral("viewer")).status, 403);

        const QString path = QStringLiteral("/api/v1/leads/%1").arg(ann);
        Reply patched = send("PATCH", path, test::json(J({"deal_stage":"proposal"})));
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json.value(QStringLiteral("email")).toString(), QStringLiteral("ann@able.example"));
        Reply put = send("PUT", path, test::json(J({"name":"Ann Able","status":"qualified"})));
        QCOMPARE(put.status, 200);
        QVERIFY(put.json.value(QStringLiteral("email")).isNull());
        QCOMPARE(m_api->call("DELETE", path, {}, {{"Authorization", "Bearer " + m_t[QStringLiteral("user")]}}).status, 204);
        QCOMPARE(get(path).status, 404);
        QCOMPARE(get(path + QStringLiteral("?include_deleted=true")).status, 200);
        QCOMPARE(send("POST", path + QStringLiteral("/restore"), {}).status, 200);
        QCOMPARE(m_api->call("DELETE", path + QStringLiteral("/purge"), {}, {{"Authorization", "Bearer " + m_t[QStringLiteral("user")]}}).status, 403);
        QCOMPARE(m_api->call("DELETE", path + QStringLiteral("/purge"), {}, {{"Authorization", "Bearer " + m_t[QStringLiteral("admin")]}}).status, 204);
        QCOMPARE(get(path + QStringLiteral("?include_deleted=true")).status, 404);

        // The activity feed shows who changed what.
        const Reply feed = get(QStringLiteral("/api/v1/activity/recent?limit=100"));
        QCOMPARE(feed.status, 200);
        bool sawDiff = false;
        for (const auto &e : feed.json.value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("lead_status_changed"))
                sawDiff |= o.value(QStringLiteral("details")).toObject().value(QStringLiteral("changes")).toObject().contains(QStringLiteral("deal_stage")) &&
                           o.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString() == QLatin1String("user@agency.example");
        }
        QVERIFY(sawDiff);
    }

    void tagsNotesSearchAndLocations()
    {
        start();
        const qint64 id = create(J({"name":"Zoe Zinn","company":"Zinnia Florists","email":"zoe@zinnia.example"}));
        FT_STOP_IF_FAILED();
        Reply tagged = send("POST", QStringLiteral("/api/v1/leads/%1/tags").arg(id), test::json(J({"tags":["Hot","florist"]})));
        QCOMPARE(tagged.status, 200);
        QCOMPARE(tagged.json.value(QStringLiteral("items")).toArray().size(), 2);
        const Reply tags = get(QStringLiteral("/api/v1/tags"));
        QCOMPARE(tags.json.value(QStringLiteral("items")).toArray().size(), 2);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/tags"), test::json(J({"name":"HOT"}))).status, 409);
        const qint64 hot = tags.json.value(QStringLiteral("items")).toArray().at(1).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_api->call("DELETE", QStringLiteral("/api/v1/leads/%1/tags/%2").arg(id).arg(hot), {},
                             {{"Authorization", "Bearer " + m_t[QStringLiteral("user")]}}).status, 204);

        const Reply note = send("POST", QStringLiteral("/api/v1/leads/%1/notes").arg(id), test::json(J({"content":"Loves tulips"})));
        QCOMPARE(note.status, 201);
        const QString notePath = QStringLiteral("/api/v1/notes/%1").arg(note.json.value(QStringLiteral("id")).toInteger());
        QCOMPARE(send("PUT", notePath, test::json(J({"content":"Loves roses"})), QStringLiteral("admin")).status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1/notes").arg(id)).json.value(QStringLiteral("items")).toArray().first().toObject()
                     .value(QStringLiteral("content")).toString(), QStringLiteral("Loves roses"));

        Reply found = get(QStringLiteral("/api/v1/search?q=zinn&type=leads"));
        QCOMPARE(found.status, 200);
        QCOMPARE(found.json.value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(found.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("snippet")).toString().contains(QStringLiteral("<mark>")));
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), test::json(J({"company":"Quokka Gardens"}))).status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/search?q=quokka")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(get(QStringLiteral("/api/v1/search?q=")).details().contains(QStringLiteral("q")));

        const Reply activity = get(QStringLiteral("/api/v1/activity/by-lead/%1").arg(id));
        QStringList actions;
        for (const auto &e : activity.json.value(QStringLiteral("items")).toArray())
            actions << e.toObject().value(QStringLiteral("action")).toString();
        QCOMPARE(actions, (QStringList{QStringLiteral("lead_updated"), QStringLiteral("note_edited"), QStringLiteral("note_added"),
                                       QStringLiteral("lead_untagged"), QStringLiteral("lead_tagged"), QStringLiteral("lead_created")}));

        const Reply austin = send("POST", QStringLiteral("/api/v1/locations"), test::json(J({"name":"Austin","region":"TX","country":"US","timezone":"America/Chicago"})));
        QCOMPARE(austin.status, 201);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/locations"), test::json(J({"name":"Nowhere","timezone":"Mars/Olympus"}))).status, 422);
        Reply group = send("POST", QStringLiteral("/api/v1/locations/groups"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Texas")}, {QStringLiteral("location_ids"), QJsonArray{austin.json.value(QStringLiteral("id"))}}});
        QCOMPARE(group.status, 201);
        QCOMPARE(group.json.value(QStringLiteral("locations")).toArray().size(), 1);
        const QString groupPath = QStringLiteral("/api/v1/locations/groups/%1").arg(group.json.value(QStringLiteral("id")).toInteger());
        QCOMPARE(send("PUT", groupPath, test::json(J({"name":"Central Texas","location_ids":[]}))).json.value(QStringLiteral("locations")).toArray().size(), 0);
        QCOMPARE(get(QStringLiteral("/api/v1/locations/groups")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(m_api->call("DELETE", groupPath, {}, {{"Authorization", "Bearer " + m_t[QStringLiteral("user")]}}).status, 204);
    }

    void scraperCategories()
    {
        start();
        FT_STOP_IF_FAILED();
        const Reply r = get(QStringLiteral("/api/v1/scraper/categories"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
        QVERIFY(items.size() >= 30);
        QCOMPARE(items.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("bbb"));
        QCOMPARE(items.first().toObject().value(QStringLiteral("group")).toString(), QStringLiteral("services"));
        bool computer = false;
        for (const auto &i : items)
            computer |= i.toObject().value(QStringLiteral("code")).toString() == QLatin1String("cps");
        QVERIFY(computer);
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/scraper/categories"), {}).status, 401);
    }

    // A Craigslist scrape end to end: a local server stands in for Craigslist with captured
    // search pages; the job fetches them (robots.txt asked first), stores the listings as leads,
    // and a second run of the same search updates them instead of adding any.
    void scrapeCraigslistIntoLeads()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        start(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer craigslist;
        QVERIFY(craigslist.start());
        auto page = [](const char *file) { return capturedPage(QStringLiteral("search/") + QLatin1String(file)); };
        craigslist.addResponse("/milwaukee/search/apa", page("milwaukee-apa-query-wauwatosa-static-wauwatosa.html")); // 37 listings
        craigslist.addResponse("/newyork/search/apa", page("newyork-mnh-apa-static-osaidd.html"));                  // 153: a second page is asked for
        FT_STOP_IF_FAILED();
        m_api->engine().scrapes().setBaseUrl(craigslist.baseUrl() + QStringLiteral("/{site}"));

        auto runJob = [&](const QJsonObject &config) -> QJsonObject {
            const Reply created = send("POST", QStringLiteral("/api/v1/scraper/jobs"), config);
            FT_EXPECT(created.status == 202, created.body.constData());
            const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(created.json.value(QStringLiteral("id")).toInteger());
            QJsonObject job;
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 30000) {
                job = get(path).json;
                const QString status = job.value(QStringLiteral("status")).toString();
                if (status != QLatin1String("pending") && status != QLatin1String("running"))
                    break;
                QTest::qWait(50);
            }
            return job;
        };
        const QJsonObject config = test::json(J({"sites":["milwaukee","newyork"],"categories":["apa"],"max_pages":2}));
        QJsonObject job = runJob(config);
        FT_STOP_IF_FAILED();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 37 + 153);
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 1 + 2);
        QCOMPARE(job.value(QStringLiteral("progress")).toInt(), 100);
        Reply list = get(QStringLiteral("/api/v1/leads?source=craigslist&limit=5&total=exact"));
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 190);
        Reply one = get(QStringLiteral("/api/v1/leads?source=craigslist&q=Wauwatosa%20Bdrm%20Bath%20Near%20MCW&limit=100"));
        bool found = false;
        for (const auto &i : one.json.value(QStringLiteral("items")).toArray()) {
            const QJsonObject lead = i.toObject();
            if (lead.value(QStringLiteral("source_id")).toString() == QLatin1String("7936415355")) {
                found = true;
                QCOMPARE(lead.value(QStringLiteral("name")).toString(), QStringLiteral("Wauwatosa 2 Bdrm, 1 Bath Near MCW"));
                QCOMPARE(lead.value(QStringLiteral("lead_source_metadata")).toObject().value(QStringLiteral("price_cents")).toInt(), 132500);
            }
        }
        QVERIFY2(found, one.body.left(1500).constData());
        int robots = 0;
        for (const auto &r : craigslist.requests())
            robots += r.path == "/robots.txt";
        QCOMPARE(robots, 1); // one origin, asked once

        // The same search again: every listing is known, nothing is added.
        job = runJob(config);
        FT_STOP_IF_FAILED();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 0);
        QCOMPARE(get(QStringLiteral("/api/v1/leads?source=craigslist&limit=5&total=exact")).json.value(QStringLiteral("total")).toInt(), 190);

        // A site the server does not know: the job fails and says why.
        job = runJob(test::json(J({"sites":["nowhere"],"categories":["apa"],"max_pages":1})));
        FT_STOP_IF_FAILED();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY2(job.value(QStringLiteral("error_message")).toString().contains(QLatin1String("404")), qPrintable(job.value(QStringLiteral("error_message")).toString()));
        QCOMPARE(get(QStringLiteral("/api/v1/scraper/jobs")).json.value(QStringLiteral("items")).toArray().size(), 3);
    }

    // With fetch_postings, each new listing's posting page is read onto its lead: phone, address,
    // text, the posting's details (captured postings served for a small search page of our own).
    void scrapeReadsPostings()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        start(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer site;
        QVERIFY(site.start());
        test::FixtureHttpServer::Response search;
        search.body = "<html><body>"
                      "<p class=\"row\" data-pid=\"1111111111\"><a href=\"/nos/mcd/1111111111.html\">Suzuki DR650</a> <span class=\"price\">$4500</span></p>"
                      "<p class=\"row\" data-pid=\"2222222222\"><a href=\"/nos/for/2222222222.html\">Solar tea light</a></p>"
                      "<p class=\"row\" data-pid=\"3333333333\"><a href=\"/hil/cto/3333333333.html\">2 dr Chevy</a></p>"
                      "</body></html>";
        site.addResponse("/local/search/mcy", search);
        auto posting = [](const char *file) { return capturedPage(QStringLiteral("posting/") + QLatin1String(file)); };
        site.addResponse("/nos/mcd/1111111111.html", posting("boston-nos-mcd-suzuki-dr650-no-price-hyacinth.html"));
        site.addResponse("/nos/for/2222222222.html", posting("boston-nos-for-solar-tea-light-2023-11-hyacinth.html"));
        site.addResponse("/hil/cto/3333333333.html", posting("hil-cto-chevy-2013-libcraigscrape.html"));
        FT_STOP_IF_FAILED();
        m_api->engine().scrapes().setBaseUrl(site.baseUrl() + QStringLiteral("/{site}"));
        const Reply created = send("POST", QStringLiteral("/api/v1/scraper/jobs"),
                                   test::json(J({"sites":["local"],"categories":["mcy"],"max_pages":1,"fetch_postings":true})));
        QCOMPARE(created.status, 202);
        const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(created.json.value(QStringLiteral("id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"), 20000);
        QCOMPARE(get(path).json.value(QStringLiteral("leads_found")).toInt(), 3);
        QHash<QString, QJsonObject> bySource;
        for (const auto &i : get(QStringLiteral("/api/v1/leads?source=craigslist&limit=10")).json.value(QStringLiteral("items")).toArray())
            bySource.insert(i.toObject().value(QStringLiteral("source_id")).toString(), i.toObject());
        QCOMPARE(bySource.size(), 3);
        const QJsonObject suzuki = bySource.value(QStringLiteral("1111111111"));
        QCOMPARE(suzuki.value(QStringLiteral("phone")).toString(), QStringLiteral("+18022220394"));
        QCOMPARE(suzuki.value(QStringLiteral("address")).toString(), QStringLiteral("60 Range Rd"));
        QVERIFY(suzuki.value(QStringLiteral("description")).toString().startsWith(QLatin1String("Nault's Windham Motorcycles")));
        const QJsonObject details = suzuki.value(QStringLiteral("lead_source_metadata")).toObject().value(QStringLiteral("posting")).toObject();
        QCOMPARE(details.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("VIN")).toString(), QStringLiteral("JS1SP46A2K2101120"));
        QCOMPARE(bySource.value(QStringLiteral("3333333333")).value(QStringLiteral("phone")).toString(), QStringLiteral("+17862577215"));
        QVERIFY(bySource.value(QStringLiteral("2222222222")).value(QStringLiteral("phone")).isNull()); // none in that posting
        QCOMPARE(bySource.value(QStringLiteral("2222222222")).value(QStringLiteral("description")).toString(), QStringLiteral("Small solar tea light new inbox"));
    }

    // Pause, resume and retry-failed: a paused scrape goes on without fetching a stored page
    // again; a page that failed is fetched again by retry-failed only; every refusal says why.
    void scrapeJobsPauseResumeAndRetry()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer site;
        QVERIFY(site.start());
        QHash<int, int> asked; // page -> requests
        bool pageEightFails = true;
        site.addScript("/s1/search/cps", [&](const test::FixtureHttpServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("s")).toInt() / 120;
            ++asked[page];
            test::FixtureHttpServer::Response response;
            response.delayMs = page >= 4 && page < 8 ? 1500 : 0; // the second wave (4 pages at once here) is slow: time to pause
            if (page == 8 && pageEightFails)
                response.status = 404;
            else
                response.body = test::syntheticCraigslistPage(8000000000LL + page * 120);
            return response;
        });
        m_api->engine().scrapes().setBaseUrl(site.baseUrl() + QStringLiteral("/{site}"));
        const Reply created = send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"sites":["s1"],"categories":["cps"],"max_pages":10})));
        QCOMPARE(created.status, 202);
        const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
        const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(id);
        auto action = [&](const char *what) { return send("POST", path + u'/' + QLatin1String(what), {}); };
        auto workerState = [&] {
            const qint64 job = get(path).json.value(QStringLiteral("job_id")).toInteger();
            return get(QStringLiteral("/api/v1/jobs/%1").arg(job)).json.value(QStringLiteral("state")).toString();
        };
        auto waitUntilOver = [&] {
            QTRY_VERIFY_WITH_TIMEOUT(workerState() != QLatin1String("queued") && workerState() != QLatin1String("running"), 20000);
        };

        // Paused after the first wave: the wave being fetched is stored, then it stops.
        QTRY_VERIFY_WITH_TIMEOUT(get(path).json.value(QStringLiteral("pages_fetched")).toInt() >= 4, 20000);
        Reply r = action("pause");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        waitUntilOver();
        QJsonObject job = get(path).json;
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 8);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 960);
        QVERIFY(job.value(QStringLiteral("progress")).toInt() < 100);
        r = action("pause");
        QCOMPARE(r.status, 409);
        QVERIFY2(r.body.contains("paused"), r.body.constData());
        QCOMPARE(action("retry-failed").status, 409); // nothing failed yet

        // Resumed: pages 8 and 9 only; 8 fails (404), so the search ends there.
        r = action("resume");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(action("resume").status, 409); // live already
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"), 20000);
        job = get(path).json;
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 8);
        QVERIFY2(job.value(QStringLiteral("error_message")).toString().contains(QLatin1String("404")), qPrintable(job.value(QStringLiteral("error_message")).toString()));
        QJsonArray pages = get(path + QStringLiteral("/pages")).json.value(QStringLiteral("items")).toArray();
        QCOMPARE(pages.size(), 9);
        QCOMPARE(pages.at(8).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(pages.at(8).toObject().value(QStringLiteral("page")).toInt(), 8);
        QCOMPARE(pages.at(0).toObject().value(QStringLiteral("leads_added")).toInt(), 120);
        waitUntilOver();
        QCOMPARE(action("resume").status, 409); // completed: retry-failed is the way

        // The page works again: retry-failed fetches it and what its search had left.
        pageEightFails = false;
        r = action("retry-failed");
        QCOMPARE(r.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"), 20000);
        job = get(path).json;
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 10);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 1200);
        QCOMPARE(job.value(QStringLiteral("progress")).toInt(), 100);
        QVERIFY(job.value(QStringLiteral("error_message")).isNull());
        waitUntilOver();
        r = action("retry-failed");
        QCOMPARE(r.status, 409);
        QVERIFY2(r.body.contains("no failed pages"), r.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/leads?source=craigslist&limit=1&total=exact")).json.value(QStringLiteral("total")).toInt(), 1200);
        // No stored page was fetched twice (8 failed once; 9 was fetched behind it and dropped).
        for (int p = 0; p < 8; ++p)
            QVERIFY2(asked.value(p) == 1, qPrintable(QStringLiteral("page %1 asked %2 times").arg(p).arg(asked.value(p))));
        QCOMPARE(asked.value(8), 2);

        const Reply status = get(QStringLiteral("/api/v1/scraper/queue/status"), QStringLiteral("viewer"));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value(QStringLiteral("jobs")).toObject().value(QStringLiteral("completed")).toInt(), 1);
        QCOMPARE(status.json.value(QStringLiteral("active")).toArray().size(), 0);
        QVERIFY(status.json.value(QStringLiteral("http")).toObject().value(QStringLiteral("requests")).toInt() >= 12); // the pages asked for above
        QCOMPARE(send("POST", path + QStringLiteral("/pause"), {}, QStringLiteral("viewer")).status, 403);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs/999999/resume"), {}).status, 404);
    }

    // A lead's website analysed through the API: the findings come back and stay on the lead;
    // bad requests say what to fix.
    void analyzeWebsiteOfALead()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer site;
        QVERIFY(site.start());
        test::FixtureHttpServer::Response home;
        home.body = "<html><head><title>Joe's Bakery</title></head><body><p>Call (512) 555-0147</p>"
                    "<footer>&copy; 2015 Joe's Bakery</footer></body></html>";
        site.addResponse("/home/", home);
        const qint64 id = create(J({"name":"Joe Baker","website":"joesbakery.example"}));
        const qint64 bare = create(J({"name":"No Site"}));
        FT_STOP_IF_FAILED();
        const QString url = site.baseUrl() + QStringLiteral("/home/");
        // The server answers on this thread: the request runs beside it.
        auto analyze = [&](const QJsonObject &body, const QString &role = QStringLiteral("admin")) {
            return test::whileServing([&] { return send("POST", QStringLiteral("/api/v1/ai-mvp/analyze-website"), body, role); });
        };
        Reply r = analyze(QJsonObject{{QStringLiteral("lead_id"), id}, {QStringLiteral("url"), url}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("copyright_year")).toInt(), 2015);
        const int score = r.json.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt();
        QVERIFY2(score >= 60, r.body.constData()); // no HTTPS, no viewport, 2015, no description
        const QJsonObject lead = get(QStringLiteral("/api/v1/leads/%1").arg(id)).json;
        QCOMPARE(lead.value(QStringLiteral("enrichment_status")).toString(), QStringLiteral("analyzed"));
        QVERIFY(!lead.value(QStringLiteral("enriched_at")).isNull());
        QCOMPARE(lead.value(QStringLiteral("website_analysis")).toObject().value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt(), score);
        // Just a URL: answered, nothing stored anywhere.
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("url"), url}}).status, 200);
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("url"), QStringLiteral("not a url")}}).status, 422);
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("url"), QStringLiteral("ftp://joesbakery.example")}}).status, 422);
        r = analyze(QJsonObject{});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("lead_id"), r.body.constData());
        r = analyze(QJsonObject{{QStringLiteral("lead_id"), bare}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("no website"), r.body.constData());
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("lead_id"), 999999}}).status, 404);
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("lead_id"), QStringLiteral("7")}}).status, 422);
        QCOMPARE(analyze(QJsonObject{{QStringLiteral("url"), url}}, QStringLiteral("viewer")).status, 403);

        // Many leads as a job: the one with a site analysed again, the one without skipped.
        QVERIFY(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), QJsonObject{{QStringLiteral("website"), url}}).status == 200);
        r = send("POST", QStringLiteral("/api/v1/leads/analyze-websites"), QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{id, bare}}});
        QCOMPARE(r.status, 202);
        const QString job = QStringLiteral("/api/v1/jobs/%1").arg(r.json.value(QStringLiteral("job_id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(job).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"), 20000);
        const QJsonObject result = get(job).json.value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("analyzed")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/analyze-websites"), QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{}}}).status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/analyze-websites"), QJsonObject{}).status, 422);
    }

    // E-mail verification through the API against a DNS server of our own: the verdict comes
    // back and stays on the lead until its address changes; bad requests say what to fix.
    void verifyEmailOfALead()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::LocalDnsServer dns;
        if (!dns.start())
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.1:53 here (%1)").arg(dns.errorString())));
        dns.addMx(QStringLiteral("bakery.example"), 10, QStringLiteral("mx.bakery.example"));
        m_api->engine().scrapes().setNameserver(dns.address());
        const qint64 id = create(J({"name":"Joe Baker","email":"joe@bakery.example"}));
        FT_STOP_IF_FAILED();
        // The DNS server answers on this thread: the request runs beside it.
        auto verify = [&](const QJsonObject &body, const QString &role = QStringLiteral("admin")) {
            return test::whileServing([&] { return send("POST", QStringLiteral("/api/v1/email/verify"), body, role); });
        };
        Reply r = verify(QJsonObject{{QStringLiteral("lead_id"), id}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QJsonObject lead = get(QStringLiteral("/api/v1/leads/%1").arg(id)).json;
        QCOMPARE(lead.value(QStringLiteral("email_status")).toString(), QStringLiteral("valid"));
        QVERIFY(!lead.value(QStringLiteral("email_checked_at")).isNull());
        QCOMPARE(lead.value(QStringLiteral("email_verification")).toObject().value(QStringLiteral("checks")).toObject().value(QStringLiteral("mx")).toArray().size(), 1);
        // A new address has not been checked.
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), QJsonObject{{QStringLiteral("email"), QStringLiteral("joe@elsewhere.example")}}).status, 200);
        lead = get(QStringLiteral("/api/v1/leads/%1").arg(id)).json;
        QVERIFY(lead.value(QStringLiteral("email_status")).isNull());
        QVERIFY(lead.value(QStringLiteral("email_verification")).isNull());
        // Several at once; nothing stored anywhere.
        r = verify(QJsonObject{{QStringLiteral("emails"), QJsonArray{QStringLiteral("info@bakery.example"), QStringLiteral("joe@nowhere.example"),
                                                                     QStringLiteral("not an address")}}});
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("risky"));
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QCOMPARE(items.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QCOMPARE(verify(QJsonObject{}).status, 422);
        QCOMPARE(verify(QJsonObject{{QStringLiteral("emails"), QJsonArray{}}}).status, 422);
        QCOMPARE(verify(QJsonObject{{QStringLiteral("lead_id"), 999999}}).status, 404);
        QCOMPARE(verify(QJsonObject{{QStringLiteral("email"), QStringLiteral("joe@bakery.example")}}, QStringLiteral("viewer")).status, 403);
        // Only the API's own three values are accepted as a status.
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), QJsonObject{{QStringLiteral("email_status"), QStringLiteral("great")}}).status, 422);

        // Many leads as a job: counted by verdict, the one without an address skipped.
        const qint64 role = create(J({"name":"Front Desk","email":"info@bakery.example"}));
        const qint64 none = create(J({"name":"No Mail","phone":"+15125550147"}));
        r = send("POST", QStringLiteral("/api/v1/leads/verify-emails"), QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{role, none}}});
        QCOMPARE(r.status, 202);
        const QString job = QStringLiteral("/api/v1/jobs/%1").arg(r.json.value(QStringLiteral("job_id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(job).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"), 20000);
        const QJsonObject counts = get(job).json.value(QStringLiteral("result")).toObject();
        QCOMPARE(counts.value(QStringLiteral("risky")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(role)).json.value(QStringLiteral("email_status")).toString(), QStringLiteral("risky"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/verify-emails"), QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{}}}).status, 422);
    }

    // The daily limit on scraped leads (usage limits): asked before each wave is stored, so the
    // scrape pauses with the limit named; raised, it resumes without reading a stored page again.
    void aCraigslistScrapePausesAtTheUsageLimit()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer site;
        QVERIFY(site.start());
        QHash<int, int> asked;
        site.addScript("/s1/search/cps", [&](const test::FixtureHttpServer::Request &r) {
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("s")).toInt() / 120;
            ++asked[page];
            test::FixtureHttpServer::Response response;
            response.body = test::syntheticCraigslistPage(8100000000LL + page * 120);
            return response;
        });
        m_api->engine().scrapes().setBaseUrl(site.baseUrl() + QStringLiteral("/{site}"));
        Reply r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"leads_scraped": {"daily_limit": 200}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        const Reply created = send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"sites":["s1"],"categories":["cps"],"max_pages":10})));
        QCOMPARE(created.status, 202);
        const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(created.json.value(QStringLiteral("id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"), 20000);
        QJsonObject job = get(path).json;
        // The first wave (four pages of 120) fitted under the limit when it was asked; the second is not stored.
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 4);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 480);
        QVERIFY2(job.value(QStringLiteral("error_message")).toString().startsWith(QStringLiteral("Paused: The daily limit of 200 scraped leads is reached (480 used)")),
                 qPrintable(job.value(QStringLiteral("error_message")).toString()));
        QCOMPARE(get(QStringLiteral("/api/v1/leads?source=craigslist&limit=1&total=exact")).json.value(QStringLiteral("total")).toInt(), 480);
        const qint64 worker = job.value(QStringLiteral("job_id")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/api/v1/jobs/%1").arg(worker)).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"), 20000);
        // Resumed at the limit: it pauses again at once, reading nothing.
        const int before = int(asked.size());
        QCOMPARE(send("POST", path + QStringLiteral("/resume"), {}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"), 20000);
        QCOMPARE(int(asked.size()), before);
        r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"leads_scraped": {"daily_limit": null}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = send("POST", path + QStringLiteral("/resume"), {});
        QVERIFY2(r.status == 200, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(get(path).json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"), 20000);
        job = get(path).json;
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 10);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 1200);
        for (int p = 0; p < 4; ++p)
            QCOMPARE(asked.value(p), 1); // stored pages are never read again
        QCOMPARE(get(QStringLiteral("/api/v1/leads?source=craigslist&limit=1&total=exact")).json.value(QStringLiteral("total")).toInt(), 1200);
    }

    void scrapeJobsRefuseBadSearches()
    {
        start();
        FT_STOP_IF_FAILED();
        for (const char *bad : {R"({"sites":["Austin TX"]})", R"({"sites":["austin"],"categories":["zzz"]})", R"({"sites":[]})",
                                R"({"sites":["austin"],"max_pages":101})"}) {
            const Reply r = send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(bad));
            QVERIFY2(r.status == 422 || r.status == 400, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QLatin1String(bad)));
        }
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"sites":["austin"]})), QStringLiteral("viewer")).status, 403);
        QCOMPARE(get(QStringLiteral("/api/v1/scraper/jobs/999999")).status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs/999999/cancel"), {}).status, 404);
        // No workers here: a queued scrape cancelled ends at once, and says so.
        const Reply queued = send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"sites":["austin"],"categories":["cps"]})));
        QCOMPARE(queued.status, 202);
        QCOMPARE(queued.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const Reply stopped = send("POST", QStringLiteral("/api/v1/scraper/jobs/%1/cancel").arg(queued.json.value(QStringLiteral("id")).toInteger()), {});
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.json.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_api->engine().database().selectOne(QStringLiteral("SELECT state FROM jobs WHERE id = ?"),
                                                      {queued.json.value(QStringLiteral("job_id")).toInteger()})->value(0).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(get(QStringLiteral("/api/v1/scraper/jobs")).json.value(QStringLiteral("items")).toArray().size(), 1);

        // A location group names its locations' sites (a location's code is its site).
        QJsonArray members;
        for (const char *loc : {J({"name":"Dallas","code":"dallas"}), J({"name":"Houston","code":"houston"}), J({"name":"Texas","kind":"region"})}) {
            const Reply made = send("POST", QStringLiteral("/api/v1/locations"), test::json(loc), QStringLiteral("admin"));
            QVERIFY2(made.status == 201, made.body.constData());
            members.append(made.json.value(QStringLiteral("id")));
        }
        const Reply group = send("POST", QStringLiteral("/api/v1/locations/groups"),
                                 {{QStringLiteral("name"), QStringLiteral("Texas cities")}, {QStringLiteral("location_ids"), members}});
        QVERIFY2(group.status == 201, group.body.constData());
        const Reply grouped = send("POST", QStringLiteral("/api/v1/scraper/jobs"),
                                   {{QStringLiteral("sites"), QJsonArray{QStringLiteral("austin"), QStringLiteral("dallas")}},
                                    {QStringLiteral("location_group_ids"), QJsonArray{group.json.value(QStringLiteral("id"))}}});
        QCOMPARE(grouped.status, 202);
        QCOMPARE(grouped.json.value(QStringLiteral("config")).toObject().value(QStringLiteral("sites")).toArray(),
                 (QJsonArray{QStringLiteral("austin"), QStringLiteral("dallas"), QStringLiteral("houston")}));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs"), test::json(J({"location_group_ids":[999999]}))).status, 404);
    }

    void bulkSmallNowLargeAsAJob()
    {
        start(1);
        for (int i = 0; i < 3; ++i)
            create(QStringLiteral("{\"name\":\"Lead %1\",\"city\":\"Waco\"}").arg(i).toUtf8().constData());
        FT_STOP_IF_FAILED();
        Reply now = send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"add_tags","filter":{"city":"Waco"},"tags":["waco"]})));
        QCOMPARE(now.status, 200);
        QCOMPARE(now.json.value(QStringLiteral("changed")).toInt(), 3);
        Reply job = send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"set_status","filter":{"tags":{"any":["waco"]}},"value":"contacted","background":true})));
        QCOMPARE(job.status, 202);
        QVERIFY(job.json.value(QStringLiteral("job_id")).toInteger() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/api/v1/leads?status=contacted")).json.value(QStringLiteral("total")).toInt(), 3, 15000);
        // Progress and the result went to the requester's notifications channel (the result just
        // after the leads changed).
        auto types = [this] {
            QStringList t;
            for (const auto &e : *m_api->engine().database().select(QStringLiteral("SELECT type FROM events WHERE channel = 'notifications' ORDER BY id")))
                t << e.value(0).toString();
            return t;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(types().contains(QStringLiteral("bulk_progress")) && types().contains(QStringLiteral("bulk_done")),
                                  qPrintable(types().join(u',')), 15000);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"delete"}))).status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"purge","ids":[1]}))).status, 403);

        // Export is a bulk action too: a file to download, now for a few leads, as a job for many.
        Reply exported = send("POST", QStringLiteral("/api/v1/leads/bulk"),
                              test::json(J({"action":"export","filter":{"city":"Waco"},"format":"csv","columns":["name","city","tags"]})));
        QVERIFY2(exported.status == 200, exported.body.constData());
        QCOMPARE(exported.json.value(QStringLiteral("exported")).toInt(), 3);
        const QString url = exported.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("download_url")).toString();
        const Reply csv = get(url);
        QCOMPARE(csv.status, 200);
        QCOMPARE(csv.body, QByteArray("name,city,tags\r\nLead 0,Waco,waco\r\nLead 1,Waco,waco\r\nLead 2,Waco,waco\r\n"));
        Reply byIds = send("POST", QStringLiteral("/api/v1/leads/bulk"),
                           QJsonObject{{QStringLiteral("action"), QStringLiteral("export")}, {QStringLiteral("format"), QStringLiteral("json")},
                                       {QStringLiteral("ids"), QJsonArray{m_api->engine().database().selectOne(
                                           QStringLiteral("SELECT min(id) FROM leads WHERE city = 'Waco'"))->value(0).toLongLong()}},
                                       {QStringLiteral("background"), true}});
        QCOMPARE(byIds.status, 202);
        const qint64 jobId = byIds.json.value(QStringLiteral("job_id")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_api->engine().database().selectOne(QStringLiteral("SELECT state FROM jobs WHERE id = ?"), {jobId})
                                     ->value(0).toString() == QLatin1String("done"), 15000);
        const QJsonObject result = QJsonDocument::fromJson(m_api->engine().database().selectOne(
            QStringLiteral("SELECT result FROM jobs WHERE id = ?"), {jobId})->value(0).toString().toUtf8()).object();
        const Reply json = get(result.value(QStringLiteral("file")).toObject().value(QStringLiteral("download_url")).toString());
        QCOMPARE(QJsonDocument::fromJson(json.body).array().size(), 1);
        QCOMPARE(QJsonDocument::fromJson(json.body).array().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Lead 0"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"export","filter":{},"format":"xls"}))).status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"export","filter":{},"columns":["password"]}))).status, 422);
    }

    void bulkImportIndexesInTheBackground()
    {
        start(); // no workers: the indexing job stays queued until this test runs it
        auto &engine = m_api->engine();
        engine.importer().setBulkLoadRows(100);
        QByteArray csv("name,email\n");
        for (int i = 0; i < 500; ++i)
            csv += "Bulk Puffin " + QByteArray::number(i) + ",puffin" + QByteArray::number(i) + "@bulk.example\n";
        const Reply up = upload(QStringLiteral("/api/v1/uploads/csv"), "bulk.csv", csv);
        QVERIFY2(up.status == 201, up.body.constData());
        const QString path = engine.files().get(up.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger())->path;
        auto report = engine.importer().run(leads::Actor::system(), path, leads::ImportOptions{});
        QVERIFY(report.ok());
        QVERIFY(report->indexingDeferred);

        // Listed at once; not searchable yet, and the API says so; one indexing job queued.
        QCOMPARE(get(QStringLiteral("/api/v1/leads?limit=1")).json.value(QStringLiteral("total")).toInt(), 500);
        const Reply state = get(QStringLiteral("/api/v1/leads/indexing"));
        QCOMPARE(state.status, 200);
        QVERIFY(state.json.value(QStringLiteral("pending")).toBool());
        QVERIFY(state.json.value(QStringLiteral("indexes")).toInt() > 10);
        QCOMPARE(state.json.value(QStringLiteral("search_backlog")).toInt(), 500);
        const Reply before = get(QStringLiteral("/api/v1/search?q=puffin&type=leads"));
        QCOMPARE(before.json.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(before.json.value(QStringLiteral("indexing")).toObject().value(QStringLiteral("search_backlog")).toInt(), 500);
        auto queued = [&] {
            return engine.database().selectOne(QStringLiteral("SELECT count(*) FROM jobs WHERE type = 'leads.indexing' AND state = 'queued'"))->value(0).toInt();
        };
        QCOMPARE(queued(), 1);
        QCOMPARE(*engine.leadJobs().enqueueIndexing(), 0); // never two
        QCOMPARE(queued(), 1);

        QVERIFY(engine.indexing().run().ok());
        QVERIFY(!get(QStringLiteral("/api/v1/leads/indexing")).json.value(QStringLiteral("pending")).toBool());
        const Reply after = get(QStringLiteral("/api/v1/search?q=puffin&type=leads"));
        QVERIFY(after.json.value(QStringLiteral("items")).toArray().size() > 0);
        QVERIFY(!after.json.contains(QStringLiteral("indexing")));
    }

    void unfinishedIndexingResumesAtStart()
    {
        start();
        auto &db = m_api->engine().database();
        const bool pg = db.isPostgres();
        // As a bulk load that was interrupted leaves it: indexes recorded and dropped (SQLite:
        // in a transaction; PostgreSQL: concurrently, outside one).
        QVERIFY(db.execute(QStringLiteral("DELETE FROM jobs WHERE type = 'leads.indexing'")).ok());
        if (pg) {
            QVERIFY(leads::LeadIndexing::deferIndexes(db).ok());
        } else {
            storage::Transaction tx(db, storage::Transaction::Mode::Immediate);
            QVERIFY(leads::LeadIndexing::deferIndexes(db).ok());
            QVERIFY(tx.commit().ok());
        }
        const QString indexExists = pg ? QStringLiteral("SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = 'leads_list_created_idx'")
                                       : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'leads_list_created_idx'");
        QCOMPARE(db.selectOne(indexExists)->value(0).toInt(), 0);
        // Started again (as after a crash): the engine queues the indexing, its worker builds.
        m_api = std::make_unique<test::ApiHarness>();
        m_api->workers = 1;
        auto st = m_api->start(m_tmp->url());
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        auto &again = m_api->engine();
        QTRY_VERIFY_WITH_TIMEOUT(!again.indexing().state()->pending(), 15000);
        QCOMPARE(again.database().selectOne(indexExists)->value(0).toInt(), 1);
    }

    void importThroughTheJobAtScale()
    {
        // 100,000 rows through the API job on both backends (PostgreSQL's COPY used to be broken
        // by the job's own progress writes on the same connection after the first batch), with
        // progress observed on the way and nothing lost.
        start(1);
        constexpr int rows = 100000;
        QByteArray csv("name,email,phone,city\n");
        csv.reserve(rows * 60);
        for (int i = 0; i < rows; ++i)
            csv += "Owner " + QByteArray::number(i) + ",owner" + QByteArray::number(i) + "@scale" + QByteArray::number(i % 97) +
                   ".example,+1512555" + QByteArray::number(1000000 + i).right(4) + QByteArray::number(i / 10000) + "," +
                   (i % 2 ? "Austin" : "Dallas") + "\n";
        const Reply up = upload(QStringLiteral("/api/v1/uploads/csv?import=true"), "scale.csv", csv);
        QVERIFY2(up.status == 201, up.body.constData());
        const qint64 jobId = up.json.value(QStringLiteral("job_id")).toInteger();
        QVERIFY(jobId > 0);
        QSet<int> progress;
        QString state;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 240000) {
            const Reply job = get(QStringLiteral("/api/v1/jobs/%1").arg(jobId));
            QCOMPARE(job.status, 200);
            state = job.json.value(QStringLiteral("state")).toString();
            if (state == QLatin1String("running") && job.json.contains(QStringLiteral("progress")))
                progress.insert(job.json.value(QStringLiteral("progress")).toInt());
            if (state != QLatin1String("queued") && state != QLatin1String("running"))
                break;
            QTest::qWait(20);
        }
        const Reply done = get(QStringLiteral("/api/v1/jobs/%1").arg(jobId));
        QVERIFY2(state == QLatin1String("done"), done.body.constData());
        QCOMPARE(done.json.value(QStringLiteral("progress")).toInt(), 100);
        QCOMPARE(done.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("imported")).toInt(), rows);
        QVERIFY(!done.json.contains(QStringLiteral("payload"))); // the actor's address stays in the database
        // Progress was published while the job ran (what /ws/notifications relays): the events
        // are in the stream in order, before the job's end; polling may or may not catch one.
        auto events = m_api->engine().events().since(0, 100000, {QStringLiteral("notifications")});
        QVERIFY(events.ok());
        QList<int> published;
        for (const storage::Event &e : *events)
            if (e.type == QLatin1String("import_progress") && e.payload.value(QStringLiteral("job_id")).toInteger() == jobId)
                published << e.payload.value(QStringLiteral("progress")).toInt();
        QVERIFY2(std::any_of(published.cbegin(), published.cend(), [](int p) { return p > 0 && p < 100; }),
                 qPrintable(QStringLiteral("progress published: %1 events; seen by polling: %2").arg(published.size()).arg(progress.size())));
        QVERIFY(std::is_sorted(published.cbegin(), published.cend()));
        // Past 10,000 matches the total is an estimate unless counted on request (SQLite counts
        // exactly when that takes under 15 ms: not here).
        m_api->engine().leads().setExactCountBudgetMs(0);
        const Reply all = get(QStringLiteral("/api/v1/leads?limit=1"));
        QVERIFY(qAbs(all.json.value(QStringLiteral("total")).toInt() - rows) <= rows / 5);
        QCOMPARE(all.json.value(QStringLiteral("total_exact")).toBool(), false);
        QCOMPARE(get(QStringLiteral("/api/v1/leads?limit=1&total=exact")).json.value(QStringLiteral("total")).toInt(), rows);
        QCOMPARE(get(QStringLiteral("/api/v1/leads?limit=1&city=Austin&total=exact")).json.value(QStringLiteral("total")).toInt(), rows / 2);
        QCOMPARE(get(QStringLiteral("/api/v1/leads?limit=1&city=Austin&total=exact")).json.value(QStringLiteral("total_exact")).toBool(), true);
        QVERIFY(get(QStringLiteral("/api/v1/leads?limit=1&total=roughly")).details().contains(QStringLiteral("total")));
        // Someone else's job is not theirs to see or cancel.
        QCOMPARE(get(QStringLiteral("/api/v1/jobs/%1").arg(jobId), QStringLiteral("viewer")).status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/jobs/%1/cancel").arg(jobId), {}, QStringLiteral("viewer")).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/jobs/%1").arg(jobId), QStringLiteral("admin")).status, 200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/jobs/%1/cancel").arg(jobId), {}).status, 409); // finished
    }

    void segmentsSaveListAndDelete()
    {
        start();
        Reply saved = send("POST", QStringLiteral("/api/v1/leads/segments"), test::json(J({"name":"s","filter":{"status":"new"}})));
        QVERIFY2(saved.status == 201, saved.body.constData());
        const qint64 id = saved.json.value(QStringLiteral("id")).toInteger();
        // The same name replaces it (case-insensitively); a bad filter is named.
        saved = send("POST", QStringLiteral("/api/v1/leads/segments"), test::json(J({"name":"S","filter":{"status":"contacted"},"sort":"-score"})));
        QCOMPARE(saved.status, 201);
        QCOMPARE(saved.json.value(QStringLiteral("id")).toInteger(), id);
        QVERIFY(send("POST", QStringLiteral("/api/v1/leads/segments"), test::json(J({"name":"x","filter":{"colour":"red"}}))).details()
                    .contains(QStringLiteral("filter.colour")));
        Reply list = get(QStringLiteral("/api/v1/leads/segments"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("filter")).toObject()
                     .value(QStringLiteral("status")).toString(), QStringLiteral("contacted"));
        QCOMPARE(get(QStringLiteral("/api/v1/leads/segments"), QStringLiteral("viewer")).json.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/leads/segments/%1").arg(id), {}, m_t.value(QStringLiteral("viewer"))).status, 404);
        QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/leads/segments/%1").arg(id), {}, m_t.value(QStringLiteral("user"))).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/leads/segments")).json.value(QStringLiteral("items")).toArray().size(), 0);
    }

    void badInputIsRefusedAndLosesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        for (const char *v : {"0", "-1", "1000", "2147483648"}) {
            QTest::newRow(qPrintable(QStringLiteral("assigned_to=%1").arg(QLatin1String(v)))) << ("{\"assigned_to\":" + QByteArray(v) + "}") << QStringLiteral("assigned_to");
            QTest::newRow(qPrintable(QStringLiteral("location_id=%1").arg(QLatin1String(v)))) << ("{\"location_id\":" + QByteArray(v) + "}") << QStringLiteral("location_id");
        }
        for (const char *f : {"score", "qualification_score", "contacted_count"})
            QTest::newRow(f) << ("{\"" + QByteArray(f) + "\":2147483648}") << QString::fromLatin1(f);
        QTest::newRow("score=101") << QByteArray(R"({"score":101})") << QStringLiteral("score");
        QTest::newRow("NUL") << QByteArray(R"({"company":"a\u0000b"})") << QStringLiteral("company");
        QTest::newRow("lone high surrogate") << QByteArray(R"({"company":"a\ud800b"})") << QStringLiteral("company");
        QTest::newRow("lone low surrogate") << QByteArray(R"({"city":"\udc00"})") << QStringLiteral("city");
        QTest::newRow("NUL in a key") << QByteArray(R"({"na\u0000me":"x"})") << QStringLiteral("na");
    }

    void badInputIsRefusedAndLosesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        start();
        const qint64 id = create(J({"name":"Keep Me","company":"Kept","score":5}));
        FT_STOP_IF_FAILED();
        const QByteArray token = m_t.value(QStringLiteral("user"));
        const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
        QByteArray createBody = body;
        createBody.insert(1, "\"name\":\"New\",");
        for (const auto &[method, path, sent] : {std::tuple{QByteArray("POST"), QStringLiteral("/api/v1/leads"), createBody},
                                                 std::tuple{QByteArray("PATCH"), QStringLiteral("/api/v1/leads/%1").arg(id), body},
                                                 std::tuple{QByteArray("PUT"), QStringLiteral("/api/v1/leads/%1").arg(id), createBody}}) {
            const Reply r = m_api->call(method, path, sent, headers);
            QVERIFY2(r.status == 422, qPrintable(QString::fromLatin1(method) + u' ' + path + QStringLiteral(" -> ") + QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
            bool named = false;
            for (const QString &k : r.details().keys())
                named |= k.startsWith(field);
            QVERIFY2(named, r.body.constData());
        }
        // Nothing changed, nothing created.
        const Reply lead = get(QStringLiteral("/api/v1/leads/%1").arg(id));
        QCOMPARE(lead.json.value(QStringLiteral("company")).toString(), QStringLiteral("Kept"));
        QCOMPARE(lead.json.value(QStringLiteral("score")).toInt(), 5);
        QCOMPARE(get(QStringLiteral("/api/v1/leads?limit=1")).json.value(QStringLiteral("total")).toInt(), 1);
    }

    void textAndEmptyBodiesEverywhere()
    {
        start();
        const qint64 id = create(J({"name":"Nora Null"}));
        FT_STOP_IF_FAILED();
        const Reply note = send("POST", QStringLiteral("/api/v1/leads/%1/notes").arg(id), test::json(J({"content":"fine"})));
        QCOMPARE(note.status, 201);
        const QString notePath = QStringLiteral("/api/v1/notes/%1").arg(note.json.value(QStringLiteral("id")).toInteger());
        const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))},
                                                           {"Content-Type", "application/json"}};
        for (const QByteArray &bad : {QByteArray(R"({"content":"a\u0000b"})"), QByteArray(R"({"content":"\ud83d"})")})
            QCOMPARE(m_api->call("PUT", notePath, bad, headers).status, 422);
        QCOMPARE(m_api->call("POST", QStringLiteral("/api/v1/tags"), R"({"name":"x\u0000y"})", headers).status, 422);
        QCOMPARE(m_api->call("POST", QStringLiteral("/api/v1/leads/%1/tags").arg(id), R"({"tags":["ok","\udfff"]})", headers).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/tags")).json.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1/notes").arg(id)).json.value(QStringLiteral("items")).toArray().first().toObject()
                     .value(QStringLiteral("content")).toString(), QStringLiteral("fine"));
        // A NUL in the query string is refused before it reaches a filter.
        QCOMPARE(get(QStringLiteral("/api/v1/leads?city=a%00b")).status, 400);
        // An empty body changes nothing and says so.
        for (const QString &path : {QStringLiteral("/api/v1/leads/%1").arg(id), QStringLiteral("/api/v1/auth/me")}) {
            for (const QByteArray &method : {QByteArray("PUT"), QByteArray("PATCH")}) {
                if (path.endsWith(QLatin1String("/me")) && method == "PATCH")
                    continue;
                const Reply r = m_api->call(method, path, "{}", headers);
                QVERIFY2(r.status == 422 || r.status == 405, qPrintable(QString::fromLatin1(method) + u' ' + path + u' ' + QString::fromUtf8(r.body)));
                if (r.status == 422)
                    QVERIFY(r.message().contains(QStringLiteral("nothing to change")));
            }
        }
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(id)).json.value(QStringLiteral("name")).toString(), QStringLiteral("Nora Null"));
    }

    void tagsAreBoundedAndPaged()
    {
        start();
        const qint64 id = create(J({"name":"Tess Tagged"}));
        FT_STOP_IF_FAILED();
        QJsonArray many;
        for (int i = 0; i < 50000; ++i)
            many.append(QStringLiteral("t%1").arg(i));
        Reply r = send("POST", QStringLiteral("/api/v1/leads/%1/tags").arg(id), {{QStringLiteral("tags"), many}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("tags")));
        QCOMPARE(get(QStringLiteral("/api/v1/tags")).json.value(QStringLiteral("total")).toInt(), 0); // none created
        r = send("POST", QStringLiteral("/api/v1/leads/%1/tags").arg(id), {{QStringLiteral("tags"), QJsonArray{QString(101, u'x')}}});
        QCOMPARE(r.status, 422);
        // 120 tags in two requests, then read back a page at a time.
        for (int round = 0; round < 2; ++round) {
            QJsonArray names;
            for (int i = 0; i < 60; ++i)
                names.append(QStringLiteral("tag-%1").arg(round * 60 + i, 3, 10, QLatin1Char('0')));
            QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/%1/tags").arg(id), {{QStringLiteral("tags"), names}}).status, 200);
        }
        Reply page = get(QStringLiteral("/api/v1/tags"));
        QCOMPARE(page.json.value(QStringLiteral("items")).toArray().size(), 50); // the default limit
        QCOMPARE(page.json.value(QStringLiteral("total")).toInt(), 120);
        QStringList seen;
        QString cursor;
        do {
            page = get(QStringLiteral("/api/v1/tags?limit=45") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            for (const auto &t : page.json.value(QStringLiteral("items")).toArray())
                seen << t.toObject().value(QStringLiteral("name")).toString();
            cursor = page.json.value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), 120);
        QCOMPARE(seen.first(), QStringLiteral("tag-000"));
        QCOMPARE(seen.last(), QStringLiteral("tag-119"));
        QCOMPARE(get(QStringLiteral("/api/v1/tags?q=TAG-11")).json.value(QStringLiteral("total")).toInt(), 10);
        QCOMPARE(get(QStringLiteral("/api/v1/tags?q=%25")).json.value(QStringLiteral("total")).toInt(), 0); // no wildcards
        QVERIFY(get(QStringLiteral("/api/v1/tags?limit=100000")).details().contains(QStringLiteral("limit")));
        QVERIFY(get(QStringLiteral("/api/v1/tags?cursor=abc")).details().contains(QStringLiteral("cursor")));
    }

    void filesAndSecurityEventsStayWithTheirOwners()
    {
        start();
        const Reply up = upload(QStringLiteral("/api/v1/uploads/csv"), "private.csv", "name,email\nSecret Sam,sam@secret.example\n");
        QCOMPARE(up.status, 201);
        const QString download = QStringLiteral("/api/v1/files/%1/download").arg(up.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(get(download).status, 200);                            // the uploader
        QCOMPARE(get(download, QStringLiteral("admin")).status, 200);   // an admin
        const Reply other = get(download, QStringLiteral("viewer"));   // anyone else: not even its existence
        QCOMPARE(other.status, 404);
        QVERIFY(!other.body.contains("Secret"));
        // Exports belong to whoever asked for them.
        create(J({"name":"Exported Eve","city":"Austin"}));
        FT_STOP_IF_FAILED();
        const Reply job = send("POST", QStringLiteral("/api/v1/leads/bulk"), test::json(J({"action":"export","filter":{"city":"Austin"}})));
        QVERIFY2(job.status == 200 || job.status == 202, job.body.constData());
        const QString exportUrl = job.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("download_url")).toString();
        QVERIFY2(!exportUrl.isEmpty(), job.body.constData());
        QCOMPARE(get(exportUrl).status, 200);
        QCOMPARE(get(exportUrl, QStringLiteral("viewer")).status, 404);

        // Security events (sign-ins, accounts) are for admins; lead activity for everyone.
        auto actions = [&](const QString &role) {
            QStringList out;
            for (const auto &e : get(QStringLiteral("/api/v1/activity/recent?limit=500"), role).json.value(QStringLiteral("items")).toArray())
                out << e.toObject().value(QStringLiteral("action")).toString();
            return out;
        };
        (void)m_api->send("POST", QStringLiteral("/api/v1/auth/login"),
                          {{QStringLiteral("email"), QStringLiteral("nobody@typo.example")}, {QStringLiteral("password"), QStringLiteral("guess one two")}});
        const QStringList admin = actions(QStringLiteral("admin")), viewer = actions(QStringLiteral("viewer"));
        QVERIFY(admin.contains(QStringLiteral("login_failed")));
        QVERIFY(admin.contains(QStringLiteral("user_created")));
        QVERIFY(viewer.contains(QStringLiteral("lead_created")));
        for (const char *hidden : {"login", "login_failed", "user_created", "api_key_created"})
            QVERIFY2(!viewer.contains(QString::fromLatin1(hidden)), hidden);
        const qint64 adminId = get(QStringLiteral("/api/v1/auth/me"), QStringLiteral("admin")).json.value(QStringLiteral("id")).toInteger();
        for (const auto &e : get(QStringLiteral("/api/v1/activity/by-user?user_id=%1").arg(adminId), QStringLiteral("viewer")).json.value(QStringLiteral("items")).toArray())
            QVERIFY(e.toObject().value(QStringLiteral("entity_type")).toString() != QLatin1String("user"));
    }

    void sourceConflictsNameTheLeadNotTheDatabase()
    {
        start();
        const qint64 first = create(J({"name":"First","source":"craigslist","source_id":"abc123"}));
        FT_STOP_IF_FAILED();
        const qint64 second = create(J({"name":"Second","source":"craigslist","source_id":"zzz"}));
        FT_STOP_IF_FAILED();
        for (const QByteArray &method : {QByteArray("POST"), QByteArray("PATCH"), QByteArray("PUT")}) {
            const QString path = method == "POST" ? QStringLiteral("/api/v1/leads") : QStringLiteral("/api/v1/leads/%1").arg(second);
            const Reply r = send(method, path, test::json(J({"name":"Second","source":"craigslist","source_id":"abc123"})));
            QCOMPARE(r.status, 409);
            QVERIFY2(r.message().contains(QStringLiteral("lead %1").arg(first)), r.body.constData());
            for (const char *leak : {"UNIQUE", "constraint", "sqlstate", "sqlite_code", "DETAIL", "23505"})
                QVERIFY2(!r.body.contains(leak), r.body.constData());
        }
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(second)).json.value(QStringLiteral("source_id")).toString(), QStringLiteral("zzz"));
    }

    void serverErrorsAreLoggedWithTheirRequestId()
    {
        start();
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtCriticalMsg)
                logged << msg;
        });
        // A database that lost a table: every request touching it is a 500.
        QVERIFY(m_api->engine().database().execute(QStringLiteral("DROP TABLE saved_segments")).ok());
        const Reply r = m_api->call("GET", QStringLiteral("/api/v1/leads/segments"), {},
                                    {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))}, {"X-Request-Id", "trace-me-42"}});
        qInstallMessageHandler(previous);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.headers.value("x-request-id"), QByteArray("trace-me-42"));
        QCOMPARE(r.details().value(QStringLiteral("request_id")).toString(), QStringLiteral("trace-me-42"));
        QVERIFY(r.message().contains(QStringLiteral("trace-me-42")));
        QVERIFY(!r.body.contains("saved_segments")); // the cause stays in the log
        QCOMPARE(logged.size(), 1);
        QVERIFY2(logged.first().contains(QStringLiteral("trace-me-42")) && logged.first().contains(QStringLiteral("saved_segments")),
                 qPrintable(logged.first()));
        QVERIFY(logged.first().contains(QStringLiteral("GET /api/v1/leads/segments")));
    }

    void csvUploadImportExportAndDownload()
    {
        start(1);
        const QByteArray csv = "Business Name;E-mail;Phone;Town\n"
                               "Able Plumbing;ann@able.example;512 555 0101;Austin\n"
                               "Baker's Bread;not-an-email;;Dallas\n"
                               "Cole Roofing;cat@cole.example;(512) 555-0102;Austin\n";
        const Reply up = upload(QStringLiteral("/api/v1/uploads/csv"), "../../spring leads.csv", csv);
        QVERIFY2(up.status == 201, up.body.constData());
        const QJsonObject preview = up.json.value(QStringLiteral("preview")).toObject();
        QCOMPARE(preview.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
        QCOMPARE(preview.value(QStringLiteral("suggested_mapping")).toObject().value(QStringLiteral("Business Name")).toString(), QStringLiteral("company"));
        QCOMPARE(up.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("filename")).toString(), QStringLiteral("spring leads.csv"));
        const qint64 fileId = up.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger();

        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/import"),
                      QJsonObject{{QStringLiteral("file_id"), fileId}, {QStringLiteral("options"), test::json(J({"on_duplicate":"sometimes"}))}}).status, 422);
        const Reply job = send("POST", QStringLiteral("/api/v1/leads/import"),
                               QJsonObject{{QStringLiteral("file_id"), fileId}, {QStringLiteral("options"), test::json(J({"tags":["spring"]}))}});
        QCOMPARE(job.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/api/v1/leads?tags_any=spring")).json.value(QStringLiteral("total")).toInt(), 2, 15000);
        const Reply imported = get(QStringLiteral("/api/v1/leads?q=able"));
        QCOMPARE(imported.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("phone")).toString(), QStringLiteral("+15125550101"));
        // The report names the rejected row, and its CSV can be downloaded. (The leads are visible
        // when the import commits; the job's row gets its result a moment later.)
        const qint64 jobId = job.json.value(QStringLiteral("job_id")).toInteger();
        auto state = [&] {
            auto row = m_api->engine().database().selectOne(QStringLiteral("SELECT state FROM jobs WHERE id = ?"), {jobId});
            return row ? row->value(0).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("done"), 15000);
        auto result = m_api->engine().database().selectOne(QStringLiteral("SELECT result FROM jobs WHERE id = ?"), {jobId});
        QVERIFY(result.ok());
        const QJsonObject report = QJsonDocument::fromJson(result->value(0).toString().toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("rejected")).toInt(), 1);
        const Reply rejected = get(QStringLiteral("/api/v1/files/%1/download").arg(report.value(QStringLiteral("rejected_file_id")).toInteger()));
        QCOMPARE(rejected.status, 200);
        QVERIFY(rejected.headers.value("content-disposition").startsWith("attachment; filename=\"spring leads-rejected.csv\""));
        QVERIFY(rejected.body.contains("email 'not-an-email' is not a valid address"));

        const Reply exported = get(QStringLiteral("/api/v1/leads/export?format=csv&city=Austin&columns=name,company,email,tags&sort=company"));
        QCOMPARE(exported.status, 200);
        QCOMPARE(exported.body, QByteArray("name,company,email,tags\r\n,Able Plumbing,ann@able.example,spring\r\n,Cole Roofing,cat@cole.example,spring\r\n"));
        const Reply json = get(QStringLiteral("/api/v1/leads/export?format=json&city=Austin"));
        QCOMPARE(QJsonDocument::fromJson(json.body).array().size(), 2);
        QVERIFY(get(QStringLiteral("/api/v1/leads/export?format=xml")).details().contains(QStringLiteral("format")));
        // Exports are written to a file and sent from it in chunks; the file goes once it is sent.
        QTRY_VERIFY(QDirIterator(m_api->engine().filesDir(), {QStringLiteral("*.export")}, QDir::Files, QDirIterator::Subdirectories)
                        .hasNext() == false);

        // Not CSV, or no file at all.
        QCOMPARE(upload(QStringLiteral("/api/v1/uploads/csv"), "x.csv", QByteArray("\x89PNG\r\n\x1a\n0000", 12)).status, 422);
        QCOMPARE(upload(QStringLiteral("/api/v1/uploads/csv"), "x.csv", QByteArray()).status, 422);
    }

    void uploadsAreSpooledToFilesAndBoundedPerUser()
    {
        start();
        const quint16 port = m_api->server().port();
        const QDir filesDir = QFileInfo(m_api->engine().files().newPath(QStringLiteral("x"))).dir();
        auto spoolFiles = [&] { return filesDir.entryInfoList({QStringLiteral("*.upload")}, QDir::Files); };
        constexpr qint64 size = 4 << 20;
        auto head = [&](qint64 length, const QByteArray &extra = {}) -> QByteArray {
            return "POST /api/v1/uploads/csv?filename=big.csv HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                   "\r\nAuthorization: Bearer " + m_t.value(QStringLiteral("user")) + "\r\nContent-Type: text/csv\r\nContent-Length: " +
                   QByteArray::number(length) + "\r\n" + extra + "\r\n";
        };
        QByteArray csv("name,email\n");
        for (int i = 0; csv.size() < size; ++i)
            csv += "Spooled Owner " + QByteArray::number(i) + ",owner" + QByteArray::number(i) + "@spool.example\n";
        csv.truncate(csv.lastIndexOf('\n', size - 1) + 1);
        csv += QByteArray(size - csv.size(), ' '); // blank lines at the end: still CSV, exactly `size` bytes

        // Half the body sent: it is in a file as it arrives (not held in memory), as much as came.
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(first.waitForConnected(5000));
        first.write(head(size) + csv.left(size / 2));
        QTRY_VERIFY_WITH_TIMEOUT(spoolFiles().size() == 1 && spoolFiles().first().size() == size / 2, 10000);

        // A second at the same time is fine; a third from the same account waits its turn
        // (429 on its head); another account is not held up by them.
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(second.waitForConnected(5000));
        second.write(head(size) + csv.left(1000));
        QTRY_COMPARE_WITH_TIMEOUT(spoolFiles().size(), 2, 10000);
        QTcpSocket third;
        third.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(third.waitForConnected(5000));
        third.write(head(size));
        QTRY_VERIFY_WITH_TIMEOUT(third.bytesAvailable() > 0 && third.peek(4096).contains("\r\n\r\n"), 10000);
        QVERIFY2(third.readAll().startsWith("HTTP/1.1 429"), "a third upload at once");
        const Reply other = m_api->call("POST", QStringLiteral("/api/v1/uploads/csv?filename=small.csv"), "name\nOther Owner\n",
                                        {{"Authorization", "Bearer " + m_t.value(QStringLiteral("admin"))}, {"Content-Type", "text/csv"}});
        QCOMPARE(other.status, 201);

        // The second goes away half-way: its file goes with it, and its slot is free again.
        second.abort();
        QTRY_COMPARE_WITH_TIMEOUT(spoolFiles().size(), 1, 10000);

        // The rest of the first: stored (the spool moved into the store) and previewed.
        first.write(csv.mid(size / 2));
        QTRY_VERIFY_WITH_TIMEOUT(first.bytesAvailable() > 0 && first.peek(1 << 16).contains("}}"), 15000);
        const QByteArray answer = first.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.left(300).constData());
        const QJsonObject body = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(QStringLiteral("file")).toObject().value(QStringLiteral("size")).toInteger(), size);
        QCOMPARE(body.value(QStringLiteral("preview")).toObject().value(QStringLiteral("rows")).toArray().first().toArray().first().toString(),
                 QStringLiteral("Spooled Owner 0"));
        QTRY_COMPARE_WITH_TIMEOUT(spoolFiles().size(), 0, 5000);
        const Reply stored = get(QStringLiteral("/api/v1/files/%1/download").arg(body.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger()));
        QCOMPARE(stored.body, csv);

        // A multipart upload whose file holds CRLFs and boundary-like lines comes out whole.
        const QByteArray tricky = "name,note\r\nAnn,\"--not-the-boundary\"\r\nBob,\"\r\n--fliptech-test-boundar\"\r\n";
        const Reply multi = upload(QStringLiteral("/api/v1/uploads/csv"), "tricky.csv", tricky);
        QVERIFY2(multi.status == 201, multi.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/files/%1/download").arg(multi.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger())).body,
                 tricky);

        // Spools left by a process that ended mid-upload go at the next start (a fresh one, which
        // may belong to a server still receiving it, stays).
        const QString stale = filesDir.filePath(QStringLiteral("left-behind.upload"));
        const QString fresh = filesDir.filePath(QStringLiteral("arriving.upload"));
        for (const QString &path : {stale, fresh}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name\n");
        }
        {
            QFile f(stale);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-7200), QFileDevice::FileModificationTime));
        }
        QCOMPARE(m_api->engine().files().sweepSpools(), 1);
        QVERIFY(!QFile::exists(stale));
        QVERIFY(QFile::exists(fresh));
        QFile::remove(fresh);

        // The server's own hand-over header is refused from a client.
        QTcpSocket forged;
        forged.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(forged.waitForConnected(5000));
        forged.write(head(2, "X-FlipTech-Spooled-Body: 0123\r\n") + "a\n");
        QTRY_VERIFY_WITH_TIMEOUT(forged.bytesAvailable() > 0 && forged.peek(4096).contains("\r\n\r\n"), 10000);
        QVERIFY(forged.readAll().startsWith("HTTP/1.1 400"));
    }

    void imagesAreReencodedAndFilesStayInTheirFolder()
    {
        start();
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const QByteArray hidden = "<?php system($_GET['c']); ?>";
        const Reply up = upload(QStringLiteral("/api/v1/uploads/image"), "logo.png", png + hidden, "image/png");
        QVERIFY2(up.status == 201, up.body.constData());
        const Reply down = get(up.json.value(QStringLiteral("download_url")).toString());
        QCOMPARE(down.status, 200);
        QCOMPARE(down.headers.value("content-type"), QByteArray("image/png"));
        QVERIFY(!down.body.contains(hidden));
        QCOMPARE(QImage::fromData(down.body).size(), QSize(40, 30));
        QCOMPARE(upload(QStringLiteral("/api/v1/uploads/image"), "fake.png", "just text pretending", "image/png").status, 422);

        const Reply avatar = upload(QStringLiteral("/api/v1/uploads/avatar"), "me.png", png, "image/png");
        QCOMPARE(avatar.status, 201);
        QCOMPARE(get(QStringLiteral("/api/v1/auth/me")).json.value(QStringLiteral("avatar_url")).toString(), avatar.json.value(QStringLiteral("download_url")).toString());
        QCOMPARE(QImage::fromData(get(avatar.json.value(QStringLiteral("download_url")).toString()).body).size(), QSize(256, 256));

        // A row pointing outside the files folder is never served.
        auto &db = m_api->engine().database();
        auto row = db.selectOne(QStringLiteral("INSERT INTO files (filename, storage_path, file_type) VALUES ('passwd', '../../../../etc/passwd', 'text/plain') RETURNING id"));
        QVERIFY(row.ok());
        QCOMPARE(get(QStringLiteral("/api/v1/files/%1/download").arg(row->value(0).toLongLong())).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/files/999999/download")).status, 404);
    }

    void duplicatesAndMerge()
    {
        start();
        const qint64 a = create(J({"name":"Joe Smith","email":"joe@joes.example","company":"Joe's Plumbing"}));
        FT_STOP_IF_FAILED();
        const qint64 b = create(J({"name":"Joseph Smith","email":"JOE@joes.example","phone":"512 555 0199"}));
        FT_STOP_IF_FAILED();
        const Reply groups = get(QStringLiteral("/api/v1/leads/duplicates"));
        QCOMPARE(groups.status, 200);
        QCOMPARE(groups.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("lead_ids")).toArray(), (QJsonArray{a, b}));
        const Reply merged = send("POST", QStringLiteral("/api/v1/leads/merge"),
                                  QJsonObject{{QStringLiteral("survivor_id"), a}, {QStringLiteral("merge_ids"), QJsonArray{b}},
                                              {QStringLiteral("choices"), QJsonObject{{QStringLiteral("name"), b}}}});
        QCOMPARE(merged.status, 200);
        QCOMPARE(merged.json.value(QStringLiteral("name")).toString(), QStringLiteral("Joseph Smith"));
        QCOMPARE(merged.json.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125550199"));
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(b)).status, 404);
    }
};

QTEST_MAIN(TestLeadsApi)
#include "tst_leadsapi.moc"
