// Website analysis: the captured small-business sites in ../shared/fixtures/websites served by a
// local server and judged (title, description, viewport, copyright year, technology, contacts,
// links checked), what a page's markup says about its technology, sites that do not answer or
// answer with errors, addresses refused, and the prospect score's reasons.
#include "fakeclock.h"
#include "fixturehttpserver.h"
#include "fliptech/scraper/siteanalyzer.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

using namespace fliptech;

namespace {

QStringList strings(const QJsonValue &v)
{
    return v.toVariant().toStringList();
}

QStringList reasons(const QJsonObject &findings)
{
    QStringList out;
    for (const auto &r : findings.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("reasons")).toArray())
        out << r.toObject().value(QStringLiteral("reason")).toString();
    return out;
}

bool anyContains(const QStringList &list, const QString &part)
{
    for (const QString &s : list)
        if (s.contains(part))
            return true;
    return false;
}

// The analyser blocks its thread; the local server answers on this one (its event loop runs
// while the analysis runs on another).
QList<QJsonObject> analyzeWhileServing(scraper::WebsiteAnalyzer &analyzer, const QList<QUrl> &urls, int links = 5)
{
    return test::whileServing([&] { return analyzer.analyzeAll(urls, links); });
}

net::HttpResponse page(const QByteArray &html, const QByteArray &headerName = {}, const QByteArray &headerValue = {})
{
    net::HttpResponse r;
    r.status = 200;
    r.url = QUrl(QStringLiteral("https://shop.example/"));
    r.contentType = "text/html; charset=utf-8";
    r.body = html;
    if (!headerName.isEmpty())
        r.headers.append({headerName, headerValue});
    return r;
}

} // namespace

class TestSiteAnalyzer final : public QObject
{
    Q_OBJECT
    test::FakeClock m_clock{QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc())};

private Q_SLOTS:
    void capturedSites()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        test::FixtureHttpServer server;
        QVERIFY(server.start());
        const QStringList names = {QStringLiteral("macklerplumbing.com-index.html"), QStringLiteral("duckpondlandscaping.com-index.html"),
                                   QStringLiteral("southcourselandscaping.com-index.html"), QStringLiteral("thehiveorganicsalon.com-index.html"),
                                   QStringLiteral("nongthonrestaurant.com-index.html"), QStringLiteral("chardonbleu.eu-index.html"),
                                   QStringLiteral("viehbacher.com-steuerrecht.html"), QStringLiteral("rs-ingenieure.de-tragwerksplanung.html")};
        QList<QUrl> urls;
        for (const QString &n : names) {
            QFile f(test::sharedFixturesDir() + QStringLiteral("/websites/") + n);
            QVERIFY(f.open(QIODevice::ReadOnly));
            test::FixtureHttpServer::Response r;
            r.body = f.readAll();
            r.contentType = "text/html";
            const QByteArray path = "/" + n.section(u'-', 0, 0).toLatin1() + "/";
            server.addResponse(path, r);
            urls << QUrl(server.baseUrl() + QString::fromLatin1(path));
        }
        net::HttpClient http({});
        scraper::WebsiteAnalyzer analyzer(http, m_clock);
        const QList<QJsonObject> all = analyzeWhileServing(analyzer, urls, 3);
        QCOMPARE(all.size(), names.size());
        QHash<QString, QJsonObject> by;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QJsonObject &f = all.at(i);
            QVERIFY2(f.value(QStringLiteral("reachable")).toBool(), qPrintable(names.at(i)));
            QCOMPARE(f.value(QStringLiteral("status")).toInt(), 200);
            QCOMPARE(f.value(QStringLiteral("https")).toBool(), false); // the local server speaks http
            QVERIFY(f.value(QStringLiteral("certificate_valid")).isNull());
            QVERIFY(f.value(QStringLiteral("page_bytes")).toInt() > 1000);
            QVERIFY(f.value(QStringLiteral("ttfb_ms")).toInteger() >= 0);
            QVERIFY(f.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("checked")).toInt() <= 3);
            const int score = f.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt();
            QVERIFY(score >= 20 && score <= 100); // no HTTPS at least
            QVERIFY(anyContains(reasons(f), QStringLiteral("no HTTPS")));
            by.insert(names.at(i).section(u'-', 0, 0), f);
        }
        // What the manifest says of each page.
        const QJsonObject mackler = by.value(QStringLiteral("macklerplumbing.com"));
        QVERIFY(!mackler.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!mackler.value(QStringLiteral("meta_description")).toString().isEmpty());
        QVERIFY(mackler.value(QStringLiteral("viewport")).toBool());
        QVERIFY2(anyContains(strings(mackler.value(QStringLiteral("emails"))), QStringLiteral("@gmail.com")), qPrintable(strings(mackler.value(QStringLiteral("emails"))).join(u',')));
        QVERIFY(!mackler.value(QStringLiteral("phones")).toArray().isEmpty());
        const QJsonObject duck = by.value(QStringLiteral("duckpondlandscaping.com"));
        QCOMPARE(duck.value(QStringLiteral("title")).toString(), QString());
        QCOMPARE(duck.value(QStringLiteral("meta_description")).toString(), QString());
        QVERIFY(duck.value(QStringLiteral("viewport")).toBool());
        QVERIFY(anyContains(reasons(duck), QStringLiteral("no page title")));
        QVERIFY(anyContains(reasons(duck), QStringLiteral("no meta description")));
        const QJsonObject southcourse = by.value(QStringLiteral("southcourselandscaping.com"));
        QCOMPARE(southcourse.value(QStringLiteral("copyright_year")).toInt(), 2024);
        QVERIFY(anyContains(strings(southcourse.value(QStringLiteral("emails"))), QStringLiteral("@gmail.com")));
        QVERIFY(!anyContains(reasons(southcourse), QStringLiteral("copyright"))); // two years is recent enough
        const QJsonObject hive = by.value(QStringLiteral("thehiveorganicsalon.com"));
        QCOMPARE(hive.value(QStringLiteral("title")).toString(), QStringLiteral("The Hive"));
        QCOMPARE(hive.value(QStringLiteral("meta_description")).toString(), QString());
        QVERIFY(!hive.value(QStringLiteral("phones")).toArray().isEmpty()); // its tel: link
        const QJsonObject nongthon = by.value(QStringLiteral("nongthonrestaurant.com"));
        QCOMPARE(nongthon.value(QStringLiteral("viewport")).toBool(), false);
        QVERIFY(anyContains(reasons(nongthon), QStringLiteral("not made for phones")));
        QVERIFY(strings(nongthon.value(QStringLiteral("tech"))).contains(QStringLiteral("legacy Google Analytics")));
        QVERIFY(nongthon.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt() >
                mackler.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt());
        const QJsonObject chardon = by.value(QStringLiteral("chardonbleu.eu"));
        QCOMPARE(chardon.value(QStringLiteral("copyright_year")).toInt(), 2019);
        QVERIFY(anyContains(reasons(chardon), QStringLiteral("copyright 2019: not updated in 7 years")));
        QVERIFY(anyContains(strings(chardon.value(QStringLiteral("emails"))), QStringLiteral("info@")));
        QVERIFY(chardon.value(QStringLiteral("viewport")).toBool());
        const QJsonObject viehbacher = by.value(QStringLiteral("viehbacher.com"));
        QCOMPARE(viehbacher.value(QStringLiteral("copyright_year")).toInt(), 2016);
        QVERIFY(!viehbacher.value(QStringLiteral("emails")).toArray().isEmpty());
        QCOMPARE(by.value(QStringLiteral("rs-ingenieure.de")).value(QStringLiteral("viewport")).toBool(), false);
        // Links the local server does not have answer 404: found broken, and said.
        int brokenFound = 0;
        for (const auto &f : all)
            brokenFound += int(f.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("broken")).toArray().size());
        QVERIFY(brokenFound > 0);
    }

    void technologyFromMarkup_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("tech");
        QTest::addColumn<QString>("jquery");
        QTest::newRow("WordPress, old jQuery") << QByteArray("<html><head><meta name=\"generator\" content=\"WordPress 4.9.8\">"
                                                             "<script src=\"/wp-includes/js/jquery/jquery.js?ver=1.12.4\"></script></head></html>")
                                               << QByteArray() << QStringList{QStringLiteral("WordPress"), QStringLiteral("jQuery")} << QStringLiteral("1.12.4");
        QTest::newRow("jQuery from a CDN") << QByteArray("<script src=\"https://code.jquery.com/jquery-3.6.0.min.js\"></script>") << QByteArray()
                                           << QStringList{QStringLiteral("jQuery")} << QStringLiteral("3.6.0");
        QTest::newRow("Wix by header") << QByteArray("<p>hi</p>") << QByteArray("x-wix-request-id") << QStringList{QStringLiteral("Wix")} << QString();
        QTest::newRow("Squarespace assets") << QByteArray("<img src=\"https://static1.squarespace.com/static/a.jpg\">") << QByteArray()
                                            << QStringList{QStringLiteral("Squarespace")} << QString();
        QTest::newRow("GoDaddy builder") << QByteArray("<meta name=generator content=\"Go Daddy Website Builder 7.0.5350\">") << QByteArray()
                                         << QStringList{QStringLiteral("GoDaddy Website Builder")} << QString();
        QTest::newRow("Flash") << QByteArray("<object><param name=movie value=\"intro.swf\"><embed src=\"intro.SWF\"></object>") << QByteArray()
                               << QStringList{QStringLiteral("Flash")} << QString();
        QTest::newRow("nothing known") << QByteArray("<html><body><h1>Bakery</h1></body></html>") << QByteArray() << QStringList{} << QString();
    }
    void technologyFromMarkup()
    {
        QFETCH(QByteArray, html);
        QFETCH(QByteArray, header);
        QFETCH(QStringList, tech);
        QFETCH(QString, jquery);
        const QJsonObject f = scraper::analyzeSitePage(page(html, header, "1"));
        QCOMPARE(strings(f.value(QStringLiteral("tech"))), tech);
        QCOMPARE(f.value(QStringLiteral("jquery_version")).toString(), jquery);
    }

    void copyrightContactsAndSocial()
    {
        const QJsonObject f = scraper::analyzeSitePage(
            page("<html lang=en><head><title>Joe's Bakery</title><META NAME=\"Description\" CONTENT=\"Fresh bread\"></head><body>"
                 "<h1>Joe's</h1><h2>Bread</h2><p>Call (512) 555-0147 or write joe (at) joesbakery [dot] com.</p>"
                 "<a href=\"mailto:orders@joesbakery.com?subject=hi\">Order</a> <a href=\"tel:+1-512-200-4999\">Call</a>"
                 "<a href=\"https://www.facebook.com/joesbakery\">fb</a> <a href=\"https://instagram.com/joes\">ig</a>"
                 "<a href=\"/menu.html\">Menu</a> <a href=\"menu.html#top\">Menu again</a> <a href=\"https://other.example/x\">elsewhere</a>"
                 "<footer>&copy; Copyright 2012 - 2016 Joe's Bakery</footer></body></html>"));
        QCOMPARE(f.value(QStringLiteral("title")).toString(), QStringLiteral("Joe's Bakery"));
        QCOMPARE(f.value(QStringLiteral("meta_description")).toString(), QStringLiteral("Fresh bread"));
        QCOMPARE(f.value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        QCOMPARE(f.value(QStringLiteral("headings")).toInt(), 2);
        QCOMPARE(f.value(QStringLiteral("copyright_year")).toInt(), 2016);
        QCOMPARE(strings(f.value(QStringLiteral("emails"))), (QStringList{QStringLiteral("orders@joesbakery.com"), QStringLiteral("joe@joesbakery.com")}));
        QVERIFY(strings(f.value(QStringLiteral("phones"))).contains(QStringLiteral("+15122004999")));
        QCOMPARE(f.value(QStringLiteral("social")).toObject().value(QStringLiteral("facebook")).toString(), QStringLiteral("https://www.facebook.com/joesbakery"));
        QVERIFY(f.value(QStringLiteral("social")).toObject().contains(QStringLiteral("instagram")));
        QCOMPARE(strings(f.value(QStringLiteral("links_to_check"))), QStringList{QStringLiteral("https://shop.example/menu.html")}); // once, own site only
    }

    void sitesThatFail()
    {
        test::FixtureHttpServer server;
        QVERIFY(server.start());
        test::FixtureHttpServer::Response error;
        error.status = 500;
        error.body = "<h1>oops</h1>";
        server.addResponse("/broken/", error);
        test::FixtureHttpServer::Response moved;
        moved.status = 301;
        moved.headers.append(qMakePair(QByteArray("Location"), QByteArray("/home/")));
        server.addResponse("/old/", moved);
        test::FixtureHttpServer::Response home;
        home.body = "<html><head><meta name=viewport content=\"width=device-width\"><title>Home</title></head><body>"
                    "<a href=\"/gone.html\">gone</a> <a href=\"/home/\">self</a></body></html>";
        server.addResponse("/home/", home);
        QTcpServer closed; // a port nobody answers on
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        net::HttpClient http({});
        scraper::WebsiteAnalyzer analyzer(http, m_clock);
        const auto all = analyzeWhileServing(analyzer, {QUrl(server.baseUrl() + QStringLiteral("/broken/")), QUrl(server.baseUrl() + QStringLiteral("/old/")),
                                                        QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))});
        QCOMPARE(all.at(0).value(QStringLiteral("status")).toInt(), 500);
        QCOMPARE(all.at(0).value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt(), 85);
        const QJsonObject old = all.at(1);
        QCOMPARE(old.value(QStringLiteral("redirects")).toInt(), 1);
        QVERIFY(old.value(QStringLiteral("final_url")).toString().endsWith(QLatin1String("/home/")));
        QCOMPARE(old.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("checked")).toInt(), 1); // itself is not checked
        QCOMPARE(old.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("broken")).toArray().size(), 1);
        QVERIFY(anyContains(reasons(old), QStringLiteral("1 of 1 links checked are broken")));
        QCOMPARE(all.at(2).value(QStringLiteral("reachable")).toBool(), false);
        QVERIFY(!all.at(2).value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(all.at(2).value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt(), 90);
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url");
        QTest::newRow("bare domain") << "joesbakery.com" << "https://joesbakery.com";
        QTest::newRow("with path") << " www.joesbakery.com/home " << "https://www.joesbakery.com/home";
        QTest::newRow("http kept") << "http://joesbakery.com/" << "http://joesbakery.com/";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("spaces") << "joes bakery.com" << "";
        QTest::newRow("no dot") << "bakery" << "";
        QTest::newRow("other scheme") << "ftp://joesbakery.com" << "";
        QTest::newRow("script") << "javascript:alert(1)" << "";
    }
    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        const auto got = scraper::WebsiteAnalyzer::siteUrl(text);
        if (url.isEmpty()) {
            QVERIFY(!got.ok());
            QCOMPARE(got.error().code, core::ErrorCode::ValidationFailed);
        } else {
            QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().message));
            QCOMPARE(got->toString(), url);
        }
    }
};

QTEST_GUILESS_MAIN(TestSiteAnalyzer)
#include "tst_siteanalyzer.moc"
