// Scraper benchmark (issue 10):
//  1. Craigslist search pages from ../shared/fixtures parsed (net::LightHtml, charset detection)
//     and every listing extracted, on one thread, about 3 s per page: pages/s and MB/s per page,
//     and over all (each page once, in turn: the harmonic mean; target >= 1,000 pages/s on one
//     core); then the posting pages (libxml2);
//  2. end to end: a scrape job (engine, workers, HttpClient with robots.txt, at most 32 requests
//     at once, 4 per site) over a local server answering synthetic search pages of 120 listings
//     with unique post ids (20 sites, each its own host, x 5 categories x
//     FLIPTECH_BENCH_SCRAPE_PAGES pages, default 20: 2,000 pages, 240,000 leads; 100: 10,000),
//     stored as leads, on SQLite and PostgreSQL (FLIPTECH_TEST_PG_URL); then the same scrape
//     again (every listing known: updates). Pages/s, leads/s, the process's peak RSS (targets
//     >= 1,000 pages/s SQLite, >= 500 PostgreSQL, < 200 MB). FLIPTECH_BENCH_SCRAPE_PARSE=0 runs
//     this part only;
//  3. website analysis of FLIPTECH_BENCH_SCRAPE_SITES local sites (default 1,000; 0: none),
//     concurrency 16: sites/s (target >= 200).
#include "benchhttp.h"
#include "fliptech/engine/engine.h"
#include "fliptech/scraper/craigslist.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/scraper/siteanalyzer.h"
#include "fixturehttpserver.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdio>

using namespace fliptech;

namespace {

double peakRssMiB()
{
    return double(bench::procStatusKiB(QCoreApplication::applicationPid(), "VmHWM:")) / 1024.0;
}

struct EndToEnd {
    QString backend;
    int pages = 0;
    qint64 leads = 0;
    double seconds = 0, againSeconds = 0;
    int againPages = 0;
    double rssMiB = 0;
};

bool scrapeEndToEnd(storage::Backend backend, int pagesPerSearch, EndToEnd *out)
{
    test::TempDatabase tmp(backend);
    if (!tmp.isValid())
        return false;
    test::MemorySecretStore secrets;
    QTemporaryDir dir;
    engine::Engine::Options o;
    o.database = tmp.url();
    o.workers = 2;
    o.secrets = &secrets;
    o.dataDir = dir.path();
    engine::Engine engine(o);
    if (!engine.connect() || !engine.migrate() || !engine.start())
        return false;
    test::FixtureHttpServer site;
    if (!site.start())
        return false;
    const QStringList categories = {QStringLiteral("cps"), QStringLiteral("sks"), QStringLiteral("hss"), QStringLiteral("lbs"), QStringLiteral("aos")};
    // Each site its own host (siteN.localhost, which libcurl resolves to 127.0.0.1), as each
    // Craigslist site is: the client's per-host limit (4) applies per site, its global one (32)
    // to the whole scrape.
    QJsonArray sites;
    for (int s = 0; s < 20; ++s)
        sites.append(QStringLiteral("site%1").arg(s));
    for (int c = 0; c < categories.size(); ++c)
        site.addScript(QStringLiteral("/search/%1").arg(categories.at(c)).toLatin1(), [c](const test::FixtureHttpServer::Request &r) {
            const QByteArray host = r.headers.value("host");
            const int s = host.mid(4, host.indexOf('.') - 4).toInt(); // "site12.localhost:port"
            const int offset = QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("s")).toInt();
            test::FixtureHttpServer::Response response;
            response.body = test::syntheticCraigslistPage(7000000000LL + (qint64(s * 10 + c) * 100000) + offset);
            return response;
        });
    engine.scrapes().setBaseUrl(QStringLiteral("http://{site}.localhost:%1").arg(QUrl(site.baseUrl()).port()));
    const QJsonObject config{{QStringLiteral("sites"), sites}, {QStringLiteral("categories"), QJsonArray::fromStringList(categories)},
                             {QStringLiteral("max_pages"), pagesPerSearch}};
    auto run = [&](double *seconds, int *pages, qint64 *leads) {
        QElapsedTimer t;
        t.start();
        auto job = engine.scrapes().createCraigslist(leads::Actor::system(), config);
        if (!job)
            return false;
        const qint64 id = job->value(QStringLiteral("id")).toInteger();
        QJsonObject row;
        // The local server answers on this thread; the job's row is read every 50 ms.
        QElapsedTimer poll;
        poll.start();
        test::serveUntil([&] {
            if (poll.elapsed() < 50)
                return false;
            poll.restart();
            auto current = engine.scrapes().get(id);
            row = current ? *current : QJsonObject{};
            const QString status = row.value(QStringLiteral("status")).toString();
            return status != QLatin1String("pending") && status != QLatin1String("running");
        });
        *seconds = t.nsecsElapsed() / 1e9;
        *pages = row.value(QStringLiteral("pages_fetched")).toInt();
        *leads = row.value(QStringLiteral("leads_found")).toInteger();
        if (const QString errors = row.value(QStringLiteral("error_message")).toString(); !errors.isEmpty())
            std::fprintf(stderr, "scrape %lld: %s\n", id, qPrintable(errors));
        return row.value(QStringLiteral("status")).toString() == QLatin1String("completed");
    };
    out->backend = backend == storage::Backend::Sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
    qint64 againLeads = 0;
    const bool ok = run(&out->seconds, &out->pages, &out->leads) && run(&out->againSeconds, &out->againPages, &againLeads);
    out->rssMiB = peakRssMiB();
    return ok;
}

// 3. Website analysis: FLIPTECH_BENCH_SCRAPE_SITES sites (default 1,000), each its own host
// (siteN.localhost) answering one of the captured small-business pages in turn, analysed with at
// most 16 requests at once (4 a host), 5 of each site's own links checked (the local server
// answers them 404: every one is fetched). Sites/s (target >= 200).
bool analyzeSites(const QString &dir)
{
    const int count = bench::envCount("FLIPTECH_BENCH_SCRAPE_SITES", 1000);
    if (count <= 0)
        return true;
    QList<QByteArray> pages;
    const QDir websites(dir + QStringLiteral("/websites"));
    for (const QString &name : websites.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
        QFile f(websites.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        pages << f.readAll();
    }
    if (pages.isEmpty())
        return false;
    test::FixtureHttpServer server;
    if (!server.start())
        return false;
    server.addScript("/", [&pages](const test::FixtureHttpServer::Request &r) {
        const QByteArray host = r.headers.value("host");
        test::FixtureHttpServer::Response response;
        response.body = pages.at(host.mid(4, host.indexOf('.') - 4).toInt() % pages.size());
        return response;
    });
    QList<QUrl> urls;
    const int port = QUrl(server.baseUrl()).port();
    for (int i = 0; i < count; ++i)
        urls << QUrl(QStringLiteral("http://site%1.localhost:%2/").arg(i).arg(port));
    net::HttpClient::Options options;
    options.maxConcurrent = 16;
    net::HttpClient http(options);
    const core::SystemClock clock;
    scraper::WebsiteAnalyzer analyzer(http, clock);
    QElapsedTimer t;
    t.start();
    const QList<QJsonObject> found = test::whileServing([&] { return analyzer.analyzeAll(urls, 5); }); // the local server answers on this thread
    const double seconds = t.nsecsElapsed() / 1e9;
    int reachable = 0, links = 0;
    for (const auto &f : found) {
        reachable += f.value(QStringLiteral("reachable")).toBool() ? 1 : 0;
        links += f.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("checked")).toInt();
    }
    std::printf("\n| website analysis, concurrency 16 | sites (reachable) | links checked | requests | time | sites/s | requests/s |\n"
                "|---|---|---|---|---|---|---|\n"
                "| %d captured pages in turn | %d (%d) | %d | %lld | %.1f s | %.0f | %.0f |\n",
                int(pages.size()), count, reachable, links, http.counters().requests, seconds, count / seconds, http.counters().requests / seconds);
    return reachable == count;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = test::sharedFixturesDir();
    if (dir.isEmpty()) {
        std::fprintf(stderr, "../shared/fixtures is not beside the project: nothing to measure\n");
        return 0;
    }
    auto parsing = [&dir] {
        std::printf("| Craigslist search page (fixture) | layout | size | listings | parse + extract: pages/s (one thread) | MB/s | tree alone: pages/s |\n"
                    "|---|---|---|---|---|---|---|\n");
        QElapsedTimer all;
        qint64 pagesAll = 0;
        double secondsAll = 0, bytesAll = 0;
        const QDir search(dir + QStringLiteral("/craigslist/search"));
        for (const QString &name : search.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
            QFile f(search.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QByteArray body = f.readAll();
            const QUrl url(QStringLiteral("https://example.craigslist.org/search/sss"));
            QElapsedTimer t;
            t.start();
            qint64 pages = 0, listings = 0;
            QString layout;
            while (t.elapsed() < 3000 || pages < 20) {
                const auto page = scraper::parseCraigslistSearch(body, "text/html", url);
                listings = page.listings.size();
                layout = page.layout;
                ++pages;
            }
            const double s = t.nsecsElapsed() / 1e9;
            QElapsedTimer p;
            p.start();
            qint64 parsed = 0;
            while (p.elapsed() < 1000 || parsed < 20) {
                (void)net::LightHtml::parse(body, "text/html", url);
                ++parsed;
            }
            const double parseRate = parsed / (p.nsecsElapsed() / 1e9);
            ++pagesAll;
            secondsAll += s / double(pages); // each page once, in turn
            bytesAll += double(body.size());
            std::printf("| %s | %s | %.0f KB | %lld | %.0f | %.0f | %.0f |\n", qPrintable(name), qPrintable(layout), body.size() / 1024.0, listings, pages / s,
                        body.size() * pages / s / 1e6, parseRate);
        }
        std::printf("| every page once, in turn | | | | %.0f | %.0f | |\n", pagesAll / secondsAll, bytesAll / secondsAll / 1e6);

        // Posting pages: parsed, every field read (body as lines, attributes, images, contacts).
        std::printf("\n| Craigslist posting page (fixture) | size | pages/s (one thread) |\n|---|---|---|\n");
        qint64 postingsAll = 0;
        double postingSeconds = 0;
        const QDir postings(dir + QStringLiteral("/craigslist/posting"));
        for (const QString &name : postings.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
            QFile f(postings.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QByteArray body = f.readAll();
            QElapsedTimer t;
            t.start();
            qint64 pages = 0;
            while (t.elapsed() < 1000 || pages < 20) {
                (void)scraper::parseCraigslistPosting(net::HtmlDocument::parse(body, "text/html", QUrl(QStringLiteral("https://example.craigslist.org/"))));
                ++pages;
            }
            const double s = t.nsecsElapsed() / 1e9;
            postingsAll += pages;
            postingSeconds += s;
            std::printf("| %s | %.0f KB | %.0f |\n", qPrintable(name), body.size() / 1024.0, pages / s);
        }
        std::printf("| all postings | | %.0f |\n", postingsAll / postingSeconds);
        return true;
    };
    if (qEnvironmentVariable("FLIPTECH_BENCH_SCRAPE_PARSE") != QLatin1String("0") && !parsing())
        return 1;

    const int pagesPerSearch = bench::envCount("FLIPTECH_BENCH_SCRAPE_PAGES", 20);
    std::printf("\n| end to end, %d pages of 120 listings | backend | scrape: pages/s, leads/s (s) | the same again (updates): pages/s (s) | peak RSS so far |\n"
                "|---|---|---|---|---|\n", 100 * pagesPerSearch);
    const QString only = qEnvironmentVariable("FLIPTECH_BENCH_SCRAPE_BACKENDS"); // sqlite, postgres (default both)
    for (auto backend : {storage::Backend::Sqlite, storage::Backend::Postgres}) {
        if (!only.isEmpty() && !only.contains(backend == storage::Backend::Sqlite ? QLatin1String("sqlite") : QLatin1String("postgres")))
            continue;
        EndToEnd e;
        if (!scrapeEndToEnd(backend, pagesPerSearch, &e)) {
            std::fprintf(stderr, "end to end on %s: not run or failed\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL");
            continue;
        }
        std::printf("| %d pages, %lld leads | %s | %.0f, %.0f (%.1f s) | %.0f (%.1f s) | %.0f MiB |\n", e.pages, e.leads, qPrintable(e.backend), e.pages / e.seconds,
                    e.leads / e.seconds, e.seconds, e.againPages / e.againSeconds, e.againSeconds, e.rssMiB);
    }
    return analyzeSites(dir) ? 0 : 1;
}
