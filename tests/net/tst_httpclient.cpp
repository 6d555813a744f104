// HttpClient against a local server that misbehaves on purpose: retries (503, 429 with
// Retry-After, dropped and truncated answers), timeouts, redirect loops, oversized bodies,
// compressed bodies, per-host politeness (concurrency and spacing), cancelling, the blocking
// form from a worker thread, the counters, and robots.txt (the rules, and the client obeying
// them: fetched once per origin, 404 allows, 5xx refuses, Crawl-delay spaces).
#include "fliptech/net/httpclient.h"
#include "fliptech/net/robotstxt.h"
#include "fixturehttpserver.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTest>

#include <atomic>
#include <thread>

using namespace fliptech;
using test::FixtureHttpServer;

class TestHttpClient final : public QObject
{
    Q_OBJECT
    FixtureHttpServer m_server;

    static net::HttpClient::Options fast()
    {
        net::HttpClient::Options o;
        o.backoffBaseMs = 20;
        return o;
    }
    net::HttpRequest request(const char *path) const
    {
        net::HttpRequest r;
        r.url = QUrl(m_server.baseUrl() + QString::fromLatin1(path));
        return r;
    }
    // Fetches and runs the event loop (the server's) until the answer came.
    net::HttpResponse fetch(net::HttpClient &client, const net::HttpRequest &r, int waitMs = 15000)
    {
        std::optional<net::HttpResponse> got;
        client.fetch(r, this, [&got](const net::HttpResponse &response) { got = response; });
        QElapsedTimer t;
        t.start();
        while (!got && t.elapsed() < waitMs)
            QTest::qWait(5);
        FT_EXPECT(got.has_value(), "an answer in time");
        return got.value_or(net::HttpResponse{});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() { m_server.clearRequests(); }

    void answersWithBodyHeadersAndUserAgent()
    {
        FixtureHttpServer::Response page;
        page.body = "<p>hello</p>";
        page.headers = {{"X-Test", "yes"}};
        m_server.addResponse("/page", page);
        net::HttpClient client(fast());
        const auto r = fetch(client, request("/page"));
        FT_STOP_IF_FAILED();
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString::number(r.status)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("<p>hello</p>"));
        QCOMPARE(r.contentType, QByteArray("text/html; charset=utf-8"));
        QCOMPARE(r.header("X-TEST"), QByteArray("yes"));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server.requests().size(), 1);
        QVERIFY(m_server.requests().first().headers.value("user-agent").startsWith("FlipTechPro/"));
        QVERIFY(m_server.requests().first().headers.value("accept-encoding").contains("gzip"));
    }

    void retriesTransientFailures()
    {
        std::atomic<int> calls{0};
        m_server.addScript("/flaky", [&calls](const FixtureHttpServer::Request &) {
            FixtureHttpServer::Response r;
            r.status = ++calls < 3 ? 503 : 200;
            r.body = r.status == 200 ? "ok" : "busy";
            return r;
        });
        net::HttpClient client(fast());
        const auto r = fetch(client, request("/flaky"));
        FT_STOP_IF_FAILED();
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 3);
        QCOMPARE(r.body, QByteArray("ok"));
        QCOMPARE(client.counters().retries, 2);
        QCOMPARE(client.counters().responses5xx, 2);

        // A 404 is an answer, not a failure: no retry.
        const auto missing = fetch(client, request("/nowhere"));
        QCOMPARE(missing.status, 404);
        QVERIFY(!missing.error);
        QCOMPARE(missing.attempts, 1);
    }

    void honoursRetryAfter()
    {
        std::atomic<int> calls{0};
        m_server.addScript("/limited", [&calls](const FixtureHttpServer::Request &) {
            FixtureHttpServer::Response r;
            if (++calls == 1) {
                r.status = 429;
                r.headers = {{"Retry-After", "1"}};
            }
            return r;
        });
        net::HttpClient client(fast());
        QElapsedTimer t;
        t.start();
        const auto r = fetch(client, request("/limited"));
        FT_STOP_IF_FAILED();
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 2);
        QVERIFY2(t.elapsed() >= 950, qPrintable(QString::number(t.elapsed())));
    }

    void failuresSayWhatHappened()
    {
        FixtureHttpServer::Response slow;
        slow.delayMs = 3000;
        m_server.addResponse("/slow", slow);
        FixtureHttpServer::Response loop;
        loop.status = 302;
        loop.headers = {{"Location", "/loop"}};
        m_server.addResponse("/loop", loop);
        FixtureHttpServer::Response big;
        big.body = QByteArray(2 << 20, 'x');
        m_server.addResponse("/big", big);
        FixtureHttpServer::Response cut;
        cut.body = QByteArray(100000, 'y');
        cut.fault = FixtureHttpServer::Fault::TruncateBody;
        m_server.addResponse("/cut", cut);
        FixtureHttpServer::Response dropped;
        dropped.fault = FixtureHttpServer::Fault::DropConnection;
        m_server.addResponse("/dropped", dropped);
        net::HttpClient client(fast());

        auto timeout = request("/slow");
        timeout.timeoutMs = 300;
        timeout.maxRetries = 1;
        auto r = fetch(client, timeout);
        QVERIFY(r.error);
        QCOMPARE(r.attempts, 2);
        QVERIFY2(r.error->message.contains(QLatin1String("no complete answer within 300 ms")), qPrintable(r.error->message));

        r = fetch(client, request("/loop"));
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(QLatin1String("redirects")), qPrintable(r.error->message));

        auto limited = request("/big");
        limited.maxBodyBytes = 1 << 20;
        r = fetch(client, limited);
        QVERIFY(r.error);
        QCOMPARE(r.error->code, core::ErrorCode::PayloadTooLarge);
        QCOMPARE(r.attempts, 1); // a limit is not retried

        for (const char *path : {"/cut", "/dropped"}) {
            r = fetch(client, request(path));
            QVERIFY2(r.error, path);
            QCOMPARE(r.attempts, 3); // the first and two retries
        }

        net::HttpRequest ftp;
        ftp.url = QUrl(QStringLiteral("ftp://127.0.0.1/file"));
        r = fetch(client, ftp);
        QVERIFY(r.error);
        QCOMPARE(r.error->code, core::ErrorCode::InvalidArgument);
        QVERIFY(client.counters().failures >= 6);
    }

    void decodesCompressedBodies()
    {
        const QByteArray text = QByteArray("compressed ").repeated(2000);
        FixtureHttpServer::Response deflated;
        deflated.body = qCompress(text).mid(4); // a zlib stream (qCompress prefixes its length)
        deflated.headers = {{"Content-Encoding", "deflate"}};
        m_server.addResponse("/deflate", deflated);
        net::HttpClient client(fast());
        const auto r = fetch(client, request("/deflate"));
        FT_STOP_IF_FAILED();
        QVERIFY(r.ok());
        QCOMPARE(r.body, text);
    }

    void politePerHost()
    {
        // At most two at once to one host, each answer taking 200 ms: eight requests arrive in
        // pairs, and no third starts before one of the two ended.
        QMutex mutex;
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        m_server.addScript("/polite", [&](const FixtureHttpServer::Request &) {
            QMutexLocker lock(&mutex);
            arrivals << clock.elapsed();
            FixtureHttpServer::Response r;
            r.delayMs = 200;
            return r;
        });
        net::HttpClient::Options o = fast();
        o.maxPerHost = 2;
        net::HttpClient client(o);
        int done = 0;
        for (int i = 0; i < 8; ++i)
            client.fetch(request("/polite"), this, [&done](const net::HttpResponse &r) { done += r.ok(); });
        QTRY_COMPARE_WITH_TIMEOUT(done, 8, 15000);
        QCOMPARE(arrivals.size(), 8);
        for (int i = 2; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 2) >= 180, qPrintable(QStringLiteral("request %1 came %2 ms after request %3").arg(i).arg(arrivals.at(i) - arrivals.at(i - 2)).arg(i - 2)));

        // A minimum delay between two starts to one host.
        arrivals.clear();
        m_server.addScript("/spaced", [&](const FixtureHttpServer::Request &) {
            QMutexLocker lock(&mutex);
            arrivals << clock.elapsed();
            return FixtureHttpServer::Response{};
        });
        o.maxPerHost = 4;
        o.minHostDelayMs = 150;
        net::HttpClient spaced(o);
        done = 0;
        for (int i = 0; i < 4; ++i)
            spaced.fetch(request("/spaced"), this, [&done](const net::HttpResponse &r) { done += r.ok(); });
        QTRY_COMPARE_WITH_TIMEOUT(done, 4, 15000);
        for (int i = 1; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 1) >= 140, qPrintable(QString::number(arrivals.at(i) - arrivals.at(i - 1))));
    }

    void cancelAllEndsEverything()
    {
        FixtureHttpServer::Response slow;
        slow.delayMs = 5000;
        m_server.addResponse("/slower", slow);
        net::HttpClient client(fast());
        int cancelled = 0;
        for (int i = 0; i < 6; ++i)
            client.fetch(request("/slower"), this, [&cancelled](const net::HttpResponse &r) {
                cancelled += r.error && r.error->code == core::ErrorCode::Cancelled;
            });
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        client.cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled, 6, 3000);
        QVERIFY(t.elapsed() < 2000);
    }

    void blockingGetFromAWorker()
    {
        FixtureHttpServer::Response page;
        page.body = "from a worker";
        m_server.addResponse("/worker", page);
        net::HttpClient client(fast());
        std::atomic<bool> finished{false};
        net::HttpResponse got;
        std::thread worker([&] {
            got = client.get(request("/worker"));
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 10000); // the server answers on this thread's event loop
        worker.join();
        QVERIFY(got.ok());
        QCOMPARE(got.body, QByteArray("from a worker"));

        // Many at once from a worker, answers in the order asked.
        QList<net::HttpRequest> many;
        for (int i = 0; i < 12; ++i)
            many << request(i % 3 == 2 ? "/nowhere" : "/worker");
        finished = false;
        QList<net::HttpResponse> all;
        std::thread batch([&] {
            all = client.getAll(many);
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 10000);
        batch.join();
        QCOMPARE(all.size(), 12);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(all.at(i).status, i % 3 == 2 ? 404 : 200);
    }

    // A jar keeps what a site sets and sends it back; another jar (another job) and no jar do not.
    void cookiesStayInTheirJar()
    {
        m_server.addScript("/login", [](const FixtureHttpServer::Request &) {
            FixtureHttpServer::Response r;
            r.body = "welcome";
            r.headers = {{"Set-Cookie", "session=abc123; Path=/"}};
            return r;
        });
        m_server.addScript("/who", [](const FixtureHttpServer::Request &request) {
            FixtureHttpServer::Response r;
            r.body = request.headers.value("cookie");
            return r;
        });
        net::HttpClient client(fast());
        auto jar = std::make_shared<net::CookieJar>();
        auto other = std::make_shared<net::CookieJar>();
        net::HttpRequest login = request("/login");
        login.cookies = jar;
        QVERIFY(fetch(client, login).ok());
        net::HttpRequest who = request("/who");
        who.cookies = jar;
        QCOMPARE(fetch(client, who).body, QByteArray("session=abc123"));
        who.cookies = other;
        QCOMPARE(fetch(client, who).body, QByteArray());
        who.cookies.reset();
        QCOMPARE(fetch(client, who).body, QByteArray());
        QCOMPARE(jar->cookies(), QStringList{QStringLiteral("127.0.0.1 session=abc123")});
        QVERIFY(other->cookies().isEmpty());
    }

    // Requests go through the configured proxies in turn (two local HTTP proxies here, each
    // answering for the site it is asked about).
    void proxiesInTurn()
    {
        FixtureHttpServer a, b;
        QVERIFY(a.start() && b.start());
        for (FixtureHttpServer *p : {&a, &b}) {
            const QByteArray name = p == &a ? "a" : "b";
            p->addScript("http://site.example/page", [name](const FixtureHttpServer::Request &) {
                FixtureHttpServer::Response r;
                r.body = "via " + name;
                return r;
            });
        }
        net::HttpClient::Options o = fast();
        o.proxies = {a.baseUrl(), b.baseUrl()};
        net::HttpClient client(o);
        net::HttpRequest r;
        r.url = QUrl(QStringLiteral("http://site.example/page"));
        QStringList via;
        for (int i = 0; i < 4; ++i)
            via << QString::fromUtf8(fetch(client, r).body);
        QCOMPARE(via, (QStringList{QStringLiteral("via a"), QStringLiteral("via b"), QStringLiteral("via a"), QStringLiteral("via b")}));
        QCOMPARE(a.requests().size(), 2);
        QCOMPARE(a.requests().first().headers.value("host"), QByteArray("site.example"));
    }

    void robotsRules_data()
    {
        QTest::addColumn<QByteArray>("robots");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");
        const QByteArray rfc = "User-agent: *\nDisallow: /private\nAllow: /private/open\nDisallow: /*.pdf$\nDisallow: /search?*sort=\n\n"
                               "User-agent: OtherBot\nDisallow: /\n";
        QTest::newRow("no rule") << rfc << "/about" << true;
        QTest::newRow("prefix") << rfc << "/private/x" << false;
        QTest::newRow("longest wins") << rfc << "/private/open/page" << true;
        QTest::newRow("end anchor") << rfc << "/files/a.pdf" << false;
        QTest::newRow("end anchor, longer path") << rfc << "/files/a.pdf.html" << true;
        QTest::newRow("wildcard in query") << rfc << "/search?q=a&sort=new" << false;
        QTest::newRow("query without it") << rfc << "/search?q=a" << true;
        QTest::newRow("robots.txt itself") << QByteArray("User-agent: *\nDisallow: /\n") << "/robots.txt" << true;
        const QByteArray ours = "User-agent: *\nDisallow: /\n\nUser-agent: fliptechpro\nUser-agent: x\nDisallow: /nobots # comment\n";
        QTest::newRow("our group, not *") << ours << "/anything" << true;
        QTest::newRow("our group's rule") << ours << "/nobots/1" << false;
        QTest::newRow("empty disallow") << QByteArray("User-agent: *\nDisallow:\n") << "/x" << true;
        QTest::newRow("tie: allow wins") << QByteArray("User-agent: *\nDisallow: /a\nAllow: /a\n") << "/a" << true;
        QTest::newRow("rules before any agent ignored") << QByteArray("Disallow: /\nUser-agent: *\nAllow: /\n") << "/x" << true;
        QTest::newRow("garbage") << QByteArray("\x00\xff<html>not robots</html>\n::::\n") << "/x" << true;
        QTest::newRow("percent-encoded") << QByteArray("User-agent: *\nDisallow: /a b\n") << "/a%20b/c" << false;
    }
    void robotsRules()
    {
        QFETCH(QByteArray, robots);
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        const auto rules = net::RobotsTxt::parse(robots, "FlipTechPro");
        QCOMPARE(rules.allows(QUrl(QStringLiteral("https://site.example") + path)), allowed);
        QVERIFY(!net::RobotsTxt::disallowAll(QStringLiteral("503")).allows(QUrl(QStringLiteral("https://site.example/x"))));
    }

    void clientObeysRobots()
    {
        FixtureHttpServer::Response robots;
        robots.contentType = "text/plain";
        robots.body = "User-agent: *\nDisallow: /secret\nCrawl-delay: 0.2\n";
        m_server.addResponse("/robots.txt", robots);
        QMutex mutex;
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        m_server.addScript("/open", [&](const FixtureHttpServer::Request &) {
            QMutexLocker lock(&mutex);
            arrivals << clock.elapsed();
            return FixtureHttpServer::Response{};
        });
        net::HttpClient client(fast());
        auto open = request("/open");
        open.obeyRobots = true;
        auto secret = request("/secret/page");
        secret.obeyRobots = true;
        int ok = 0, refused = 0;
        for (int i = 0; i < 3; ++i)
            client.fetch(open, this, [&ok](const net::HttpResponse &r) { ok += r.ok(); });
        client.fetch(secret, this, [&refused](const net::HttpResponse &r) {
            refused += r.error && r.error->code == core::ErrorCode::Forbidden && r.error->message.contains(QLatin1String("disallows /secret/page"));
        });
        QTRY_COMPARE_WITH_TIMEOUT(ok, 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(refused, 1, 10000);
        int robotsFetches = 0, secretFetches = 0;
        for (const auto &r : m_server.requests()) {
            robotsFetches += r.path == "/robots.txt";
            secretFetches += r.path.startsWith("/secret");
        }
        QCOMPARE(robotsFetches, 1); // once for the origin
        QCOMPARE(secretFetches, 0);
        for (int i = 1; i < arrivals.size(); ++i) // Crawl-delay: 0.2
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 1) >= 190, qPrintable(QString::number(arrivals.at(i) - arrivals.at(i - 1))));
        // Without obeyRobots (an API call, not a crawl) the rules do not apply.
        const auto direct = fetch(client, request("/secret/page"));
        QCOMPARE(direct.status, 404);
    }

    void unreadableRobotsRefuses()
    {
        FixtureHttpServer::Response down;
        down.status = 503;
        net::HttpClient::Options o = fast();
        o.robotsToken = "FlipTechPro";
        // A second server: its robots.txt answers 503, so nothing there is fetched.
        FixtureHttpServer other;
        QVERIFY(other.start());
        other.addResponse("/robots.txt", down);
        net::HttpClient client(o);
        net::HttpRequest r;
        r.url = QUrl(other.baseUrl() + QStringLiteral("/page"));
        r.obeyRobots = true;
        const auto refused = fetch(client, r);
        FT_STOP_IF_FAILED();
        QVERIFY(refused.error);
        QCOMPARE(refused.error->code, core::ErrorCode::Forbidden);
        QVERIFY2(refused.error->message.contains(QLatin1String("could not be read")), qPrintable(refused.error->message));
        // No robots.txt at all (404): everything allowed.
        FixtureHttpServer third;
        QVERIFY(third.start());
        FixtureHttpServer::Response page;
        page.body = "fine";
        third.addResponse("/page", page);
        r.url = QUrl(third.baseUrl() + QStringLiteral("/page"));
        const auto allowed = fetch(client, r);
        QVERIFY(allowed.ok());
        QCOMPARE(allowed.body, QByteArray("fine"));
    }

    void cancelledRobotsFetchIsNotARefusal()
    {
        // robots.txt still on its way when everything is cancelled: that is no answer from the
        // site, so the next request asks again instead of being refused for ten minutes.
        FixtureHttpServer slowSite;
        QVERIFY(slowSite.start());
        FixtureHttpServer::Response robots;
        robots.contentType = "text/plain";
        robots.body = "User-agent: *\nAllow: /\n";
        robots.delayMs = 800;
        slowSite.addResponse("/robots.txt", robots);
        FixtureHttpServer::Response page;
        page.body = "ok";
        slowSite.addResponse("/page", page);
        net::HttpClient client(fast());
        net::HttpRequest r;
        r.url = QUrl(slowSite.baseUrl() + QStringLiteral("/page"));
        r.obeyRobots = true;
        bool cancelled = false;
        client.fetch(r, this, [&cancelled](const net::HttpResponse &response) {
            cancelled = response.error && response.error->code == core::ErrorCode::Cancelled;
        });
        QTest::qWait(150);
        client.cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(cancelled, 3000);
        const auto again = fetch(client, r);
        FT_STOP_IF_FAILED();
        QVERIFY2(again.ok(), qPrintable(again.error ? again.error->message : QString::number(again.status)));
        int robotsAsked = 0;
        for (const auto &q : slowSite.requests())
            robotsAsked += q.path == "/robots.txt";
        QCOMPARE(robotsAsked, 2);
    }

    void destroyedWithRequestsInFlight()
    {
        FixtureHttpServer::Response slow;
        slow.delayMs = 5000;
        m_server.addResponse("/abandoned", slow);
        int cancelled = 0;
        {
            net::HttpClient client(fast());
            for (int i = 0; i < 3; ++i)
                client.fetch(request("/abandoned"), this, [&cancelled](const net::HttpResponse &r) {
                    cancelled += r.error && r.error->code == core::ErrorCode::Cancelled;
                });
            QTest::qWait(50);
        } // no hang, no crash; the callbacks still come, as cancelled
        QTRY_COMPARE_WITH_TIMEOUT(cancelled, 3, 2000);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
