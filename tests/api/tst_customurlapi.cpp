// Custom-URL scraping through the API, on both backends, against a local directory site (three
// or more pages of ten businesses, each with its own page): a recipe proposed for a page and
// previewed, saved recipes, a scrape job that follows the next links and the detail pages and
// stores every business once, pause and resume without reading a page twice, and the mistakes
// a user makes answered with what to fix.
#include "apiharness.h"
#include "fliptech/engine/engine.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fixturehttpserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>


using namespace fliptech;
using Reply = test::HttpReply;

class TestCustomUrlApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    std::unique_ptr<test::FixtureHttpServer> m_site;
    QHash<QByteArray, int> m_asked; // path (with query) -> requests
    QSet<int> m_slowPages;
    int m_pages = 3;
    bool m_needsSession = false; // pages after the first need the cookie the first sets

    void start()
    {
        startApi(1);
        FT_STOP_IF_FAILED();
        m_site = std::make_unique<test::FixtureHttpServer>();
        QVERIFY(m_site->start());
        m_site->addScript("/dir", [this](const test::FixtureHttpServer::Request &r) {
            ++m_asked[r.path];
            const int page = QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("page")).toInt();
            test::FixtureHttpServer::Response response;
            if (page < 1 || page > m_pages) {
                response.status = 404;
                return response;
            }
            response.delayMs = m_slowPages.contains(page) ? 1500 : 0;
            if (m_needsSession && page == 1)
                response.headers = {{"Set-Cookie", "visitor=v42; Path=/"}};
            if (m_needsSession && page > 1 && r.headers.value("cookie") != "visitor=v42") {
                response.status = 403;
                response.body = "sessions only";
                return response;
            }
            response.body = test::syntheticDirectoryPage(page, m_pages);
            return response;
        });
        for (int n = 1; n <= 300; ++n)
            m_site->addScript("/biz/" + QByteArray::number(n), [this, n](const test::FixtureHttpServer::Request &r) {
                ++m_asked[r.path];
                test::FixtureHttpServer::Response response;
                response.body = test::syntheticBusinessPage(n);
                return response;
            });
    }
    QString dirUrl(int page = 1) const { return m_site->baseUrl() + QStringLiteral("/dir?page=%1").arg(page); }
    // The recipe the test's directory needs, starting at its first page.
    QJsonObject recipe(int maxPages = 3, bool detail = true) const
    {
        QJsonObject r = test::json(J({"name": "Austin plumbers",
                               "item": "div.card",
                               "fields": [{"name": "name", "css": "h2 a"},
                                          {"name": "url", "css": "h2 a", "attr": "href", "type": "url"},
                                          {"name": "phone", "css": ".phone", "type": "phone"},
                                          {"name": "website", "css": "a.site", "attr": "href", "type": "url"},
                                          {"name": "rating", "css": ".rating", "type": "number"}],
                               "next_page": "a[rel=next]",
                               "detail": {"url_field": "url", "fields": [{"name": "email", "css": "a[href^='mailto:']", "attr": "href", "type": "email"}]}}));
        r.insert(QStringLiteral("start_urls"), QJsonArray{dirUrl()});
        r.insert(QStringLiteral("max_pages"), maxPages);
        if (!detail)
            r.remove(QStringLiteral("detail"));
        return r;
    }
    QJsonObject waitForJob(qint64 id)
    {
        const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(id);
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
    }
    int total(const QString &query)
    {
        return get(QStringLiteral("/api/v1/leads?limit=1&total=exact&") + query).json.value(QStringLiteral("total")).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_asked.clear();
        m_slowPages.clear();
        m_pages = 3;
        m_needsSession = false;
    }
    void cleanup()
    {
        m_api.reset();
        m_site.reset();
        m_tmp.reset();
    }

    void analyzeProposesARecipe()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/analyze"), {{QStringLiteral("url"), dirUrl()}});
        QCOMPARE(r.status, 200);
        const QJsonObject proposed = r.json.value(QStringLiteral("recipe")).toObject();
        QCOMPARE(proposed.value(QStringLiteral("item")).toObject().value(QStringLiteral("css")).toString(), QStringLiteral("div.card"));
        QCOMPARE(r.json.value(QStringLiteral("preview")).toArray().size(), 10);
        QCOMPARE(r.json.value(QStringLiteral("preview")).toArray().at(2).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Plumber 3 & Sons"));
        QCOMPARE(r.json.value(QStringLiteral("page")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Austin Plumbers Directory"));
        QVERIFY(proposed.contains(QStringLiteral("next_page")));

        // A page the caller has: the same proposal, nothing fetched.
        m_asked.clear();
        r = send("POST", QStringLiteral("/api/v1/custom-url/analyze"),
                 {{QStringLiteral("html"), QString::fromUtf8(test::syntheticDirectoryPage(1, 3))}, {QStringLiteral("url"), dirUrl()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("recipe")).toObject(), proposed);
        QVERIFY(m_asked.isEmpty());

        // Mistakes.
        r = send("POST", QStringLiteral("/api/v1/custom-url/analyze"), {{QStringLiteral("url"), QStringLiteral("ftp://x.example/")}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("http(s)"), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/custom-url/analyze"), {});
        QCOMPARE(r.status, 422);
        r = send("POST", QStringLiteral("/api/v1/custom-url/analyze"), {{QStringLiteral("url"), QString(m_site->baseUrl() + QStringLiteral("/dir?page=99"))}});
        QCOMPARE(r.status, 503);
        QVERIFY2(r.body.contains("404"), r.body.constData());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/custom-url/analyze"), {{QStringLiteral("url"), dirUrl()}}, QStringLiteral("viewer")).status, 403);
    }

    void previewReadsTheFirstPage()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe()}, {QStringLiteral("preview"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("count")).toInt(), 10);
        QCOMPARE(r.json.value(QStringLiteral("next_url")).toString(), dirUrl(2));
        const QJsonArray rows = r.json.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 10);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("biz1@plumber1.example")); // its own page, read
        QCOMPARE(rows.at(4).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("biz5@plumber5.example"));
        QVERIFY(!rows.at(5).toObject().contains(QStringLiteral("email"))); // five detail pages in a preview
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551001"));
        QCOMPARE(total(QStringLiteral("source=custom_url")), 0); // nothing stored

        // Previewing an edited recipe on a page given: no start page needed.
        QJsonObject edited = recipe();
        edited.remove(QStringLiteral("start_urls"));
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"),
                 {{QStringLiteral("recipe"), edited}, {QStringLiteral("preview"), true}, {QStringLiteral("html"), QString::fromUtf8(test::syntheticDirectoryPage(2, 3))},
                  {QStringLiteral("url"), dirUrl(2)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toArray().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Plumber 11 & Sons"));

        // A broken recipe: the path of the mistake.
        QJsonObject broken = recipe();
        QJsonArray fields = broken.value(QStringLiteral("fields")).toArray();
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("zip")}, {QStringLiteral("css"), QStringLiteral("p.addr")},
                                  {QStringLiteral("regex"), QStringLiteral("([0-9]{5}")}});
        broken.insert(QStringLiteral("fields"), fields);
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), broken}, {QStringLiteral("preview"), true}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("fields[5].regex"), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe_id"), 999999}});
        QCOMPARE(r.status, 404);
    }

    void recipesAreSavedAndReused()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/recipes"),
                       {{QStringLiteral("recipe"), recipe()}, {QStringLiteral("description"), QStringLiteral("plumbers in Austin")}});
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Austin plumbers"));
        QCOMPARE(r.json.value(QStringLiteral("recipe")).toObject().value(QStringLiteral("item")).toObject().value(QStringLiteral("css")).toString(),
                 QStringLiteral("div.card"));
        // Names are unique (whatever their case).
        r = send("POST", QStringLiteral("/api/v1/custom-url/recipes"), {{QStringLiteral("recipe"), recipe()}, {QStringLiteral("name"), QStringLiteral("AUSTIN PLUMBERS")}});
        QCOMPARE(r.status, 409);
        // A broken one is not stored.
        QJsonObject broken = recipe();
        broken.insert(QStringLiteral("item"), QStringLiteral("div["));
        r = send("POST", QStringLiteral("/api/v1/custom-url/recipes"), {{QStringLiteral("recipe"), broken}, {QStringLiteral("name"), QStringLiteral("Broken")}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("item.css"), r.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/custom-url/recipes")).json.value(QStringLiteral("items")).toArray().size(), 1);
        // Renamed.
        r = send("PUT", QStringLiteral("/api/v1/custom-url/recipes/%1").arg(id),
                 {{QStringLiteral("recipe"), recipe(2)}, {QStringLiteral("name"), QStringLiteral("Plumbers (2 pages)")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/custom-url/recipes/%1").arg(id)).json.value(QStringLiteral("recipe")).toObject().value(QStringLiteral("max_pages")).toInt(), 2);
        QCOMPARE(get(QStringLiteral("/api/v1/custom-url/recipes"), QStringLiteral("viewer")).status, 200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/custom-url/recipes"), {{QStringLiteral("recipe"), recipe()}}, QStringLiteral("viewer")).status, 403);

        // Run by id, with other start pages: page 2 onwards (two pages).
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe_id"), id}, {QStringLiteral("start_urls"), QJsonArray{dirUrl(2)}}});
        QCOMPARE(r.status, 202);
        const QJsonObject job = waitForJob(r.json.value(QStringLiteral("id")).toInteger());
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("source")).toString(), QStringLiteral("custom_url"));
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 20);
        QCOMPARE(total(QStringLiteral("source=custom_url")), 20);

        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/custom-url/recipes/%1").arg(id), {}).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/custom-url/recipes/%1").arg(id)).status, 404);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/custom-url/recipes/%1").arg(id), {}).status, 404);
    }

    // Every page followed, every business's own page read, each stored once; a second run
    // updates them and adds nothing.
    void scrapeFollowsPagesAndDetails()
    {
        m_pages = 30; // 300 businesses
        start();
        FT_STOP_IF_FAILED();
        // One of them is known already (typed in by hand, with its e-mail address): it is not
        // added again; what it lacks (the phone) is filled, what it has is kept.
        Reply mine = send("POST", QStringLiteral("/api/v1/leads"), test::json(J({"name": "Five (ours)", "company": "P5 Co", "email": "BIZ5@plumber5.example"})));
        QCOMPARE(mine.status, 201);
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe(30)}});
        QCOMPARE(r.status, 202);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        QJsonObject job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 30);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 299);
        QCOMPARE(job.value(QStringLiteral("progress")).toInt(), 100);
        QCOMPARE(total(QStringLiteral("source=custom_url")), 299);
        QCOMPARE(total(QStringLiteral("source=custom_url&has_email=true")), 299);
        QCOMPARE(total(QString()), 300);
        const QJsonObject five = get(QStringLiteral("/api/v1/leads/%1").arg(mine.json.value(QStringLiteral("id")).toInteger())).json;
        QCOMPARE(five.value(QStringLiteral("name")).toString(), QStringLiteral("Five (ours)"));
        QCOMPARE(five.value(QStringLiteral("company")).toString(), QStringLiteral("P5 Co"));
        QCOMPARE(five.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551005"));
        QCOMPARE(five.value(QStringLiteral("source")).toString(), QStringLiteral("manual"));
        const Reply found = get(QStringLiteral("/api/v1/leads?source=custom_url&q=%22Plumber%20217%22&limit=5"));
        QJsonObject lead;
        for (const auto &i : found.json.value(QStringLiteral("items")).toArray())
            if (i.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Plumber 217 & Sons"))
                lead = i.toObject();
        QVERIFY2(!lead.isEmpty(), found.body.left(1000).constData());
        QCOMPARE(lead.value(QStringLiteral("email")).toString(), QStringLiteral("biz217@plumber217.example"));
        QCOMPARE(lead.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551217"));
        QCOMPARE(lead.value(QStringLiteral("website")).toString(), QStringLiteral("http://plumber217.example/"));
        QCOMPARE(lead.value(QStringLiteral("source_id")).toString(), m_site->baseUrl() + QStringLiteral("/biz/217"));
        QCOMPARE(lead.value(QStringLiteral("lead_source_metadata")).toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("rating")).toDouble(), 4.7);
        const QJsonArray pages = get(QStringLiteral("/api/v1/scraper/jobs/%1/pages").arg(id)).json.value(QStringLiteral("items")).toArray();
        QCOMPARE(pages.size(), 30);
        for (int p = 1; p <= 30; ++p)
            QCOMPARE(m_asked.value("/dir?page=" + QByteArray::number(p)), 1);

        // Again: the same 300, updated.
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe(30, false)}});
        job = waitForJob(r.json.value(QStringLiteral("id")).toInteger());
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 0);
        QCOMPARE(total(QStringLiteral("source=custom_url")), 299);
        QCOMPARE(total(QString()), 300);
    }

    void pauseAndResumeReadNoPageTwice()
    {
        m_pages = 6;
        m_slowPages = {3};
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe(6, false)}});
        QCOMPARE(r.status, 202);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        const QString path = QStringLiteral("/api/v1/scraper/jobs/%1").arg(id);
        QTRY_VERIFY_WITH_TIMEOUT(get(path).json.value(QStringLiteral("pages_fetched")).toInt() >= 2, 20000);
        QCOMPARE(send("POST", path + QStringLiteral("/pause"), {}).status, 200);
        QJsonObject job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        const int before = job.value(QStringLiteral("pages_fetched")).toInt();
        QVERIFY(before >= 2 && before < 6);
        const qint64 worker = job.value(QStringLiteral("job_id")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("/api/v1/jobs/%1").arg(worker)).json.value(QStringLiteral("state")).toString() != QLatin1String("running"), 20000);
        QCOMPARE(send("POST", path + QStringLiteral("/resume"), {}).status, 200);
        job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 6);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 60);
        for (int p = 1; p <= 6; ++p)
            QVERIFY2(m_asked.value("/dir?page=" + QByteArray::number(p)) == 1,
                     qPrintable(QStringLiteral("page %1 asked %2 times").arg(p).arg(m_asked.value("/dir?page=" + QByteArray::number(p)))));
        QCOMPARE(total(QStringLiteral("source=custom_url")), 60);
    }

    // The administrator's daily limit on scraped leads: the scrape pauses once it is reached and
    // says why; raised, the scrape resumes where it stopped (no page read twice).
    void aUsageLimitPausesTheScrape()
    {
        m_pages = 6;
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"leads_scraped": {"daily_limit": 25}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe(6, false)}});
        QCOMPARE(r.status, 202);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        QJsonObject job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        // Ten leads a page: asked before each page, the third still fitted (20 < 25).
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 3);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 30);
        QVERIFY2(job.value(QStringLiteral("error_message")).toString().startsWith(QStringLiteral("Paused: The daily limit of 25 scraped leads is reached (30 used)")),
                 qPrintable(job.value(QStringLiteral("error_message")).toString()));
        QCOMPARE(m_asked.value("/dir?page=4"), 0);
        const qint64 worker = job.value(QStringLiteral("job_id")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("/api/v1/jobs/%1").arg(worker)).json.value(QStringLiteral("state")).toString() != QLatin1String("running"), 20000);

        r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"leads_scraped": {"daily_limit": 1000}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs/%1/resume").arg(id), {}).status, 200);
        job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 6);
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 60);
        for (int p = 1; p <= 6; ++p)
            QCOMPARE(m_asked.value("/dir?page=" + QByteArray::number(p)), 1);
        const QJsonObject usage = get(QStringLiteral("/api/v1/usage/current")).json;
        for (const QJsonValue &v : usage.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("metric")).toString() == QLatin1String("leads_scraped"))
                QCOMPARE(v.toObject().value(QStringLiteral("today")).toInteger(), qint64(60));
    }

    // A site that hands out a session cookie on its first page and wants it back on the next:
    // the job keeps its cookies between its requests.
    void theJobKeepsItsSession()
    {
        m_needsSession = true;
        start();
        FT_STOP_IF_FAILED();
        const Reply r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), recipe(3, false)}});
        const QJsonObject job = waitForJob(r.json.value(QStringLiteral("id")).toInteger());
        QVERIFY2(job.value(QStringLiteral("status")).toString() == QLatin1String("completed"), qPrintable(job.value(QStringLiteral("error_message")).toString()));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 3);
    }

    void aBrokenPageIsReportedAndRetried()
    {
        m_pages = 2; // page 2 links to 3, which answers 404 until there are more pages
        start();
        FT_STOP_IF_FAILED();
        QJsonObject rec = recipe(5, false);
        Reply r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), rec}});
        QJsonObject job = waitForJob(r.json.value(QStringLiteral("id")).toInteger());
        // Two pages, the second with no next link: completed, nothing failed.
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 2);
        // A start page that does not exist: failed, and says why.
        rec.insert(QStringLiteral("start_urls"), QJsonArray{QString(m_site->baseUrl() + QStringLiteral("/dir?page=9"))});
        r = send("POST", QStringLiteral("/api/v1/custom-url/scrape"), {{QStringLiteral("recipe"), rec}});
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY2(job.value(QStringLiteral("error_message")).toString().contains(QLatin1String("404")), qPrintable(job.value(QStringLiteral("error_message")).toString()));
        // The page exists now: retry-failed reads it and goes on.
        m_pages = 10;
        QCOMPARE(send("POST", QStringLiteral("/api/v1/scraper/jobs/%1/retry-failed").arg(id), {}).status, 200);
        job = waitForJob(id);
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job.value(QStringLiteral("pages_fetched")).toInt(), 2); // pages 9 and 10
        QCOMPARE(job.value(QStringLiteral("leads_found")).toInt(), 20);
    }
};

QTEST_GUILESS_MAIN(TestCustomUrlApi)
#include "tst_customurlapi.moc"
