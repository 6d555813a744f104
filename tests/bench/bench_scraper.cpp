// Scraper parsing benchmark (issue 10): Craigslist search pages from ../shared/fixtures parsed
// (libxml2, charset detection) and every listing extracted, on one thread, for about 3 s per
// layout: pages/s and MB/s (target >= 1,000 pages/s on one core); then the posting pages.
#include "fliptech/scraper/craigslist.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace fliptech;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = test::sharedFixturesDir();
    if (dir.isEmpty()) {
        std::fprintf(stderr, "../shared/fixtures is not beside the project: nothing to measure\n");
        return 0;
    }
    std::printf("| Craigslist search page (fixture) | layout | size | listings | parse + extract: pages/s (one thread) | MB/s | parse alone: pages/s |\n"
                "|---|---|---|---|---|---|---|\n");
    QElapsedTimer all;
    qint64 pagesAll = 0;
    double secondsAll = 0, bytesAll = 0;
    const QDir search(dir + QStringLiteral("/craigslist/search"));
    for (const QString &name : search.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
        QFile f(search.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray body = f.readAll();
        const QUrl url(QStringLiteral("https://example.craigslist.org/search/sss"));
        QElapsedTimer t;
        t.start();
        qint64 pages = 0, listings = 0;
        QString layout;
        while (t.elapsed() < 3000 || pages < 20) {
            const auto page = scraper::parseCraigslistSearch(net::HtmlDocument::parse(body, "text/html", url));
            listings = page.listings.size();
            layout = page.layout;
            ++pages;
        }
        const double s = t.nsecsElapsed() / 1e9;
        QElapsedTimer p;
        p.start();
        qint64 parsed = 0;
        while (p.elapsed() < 1000 || parsed < 20) {
            (void)net::HtmlDocument::parse(body, "text/html", url);
            ++parsed;
        }
        const double parseRate = parsed / (p.nsecsElapsed() / 1e9);
        pagesAll += pages;
        secondsAll += s;
        bytesAll += double(body.size()) * pages;
        std::printf("| %s | %s | %.0f KB | %lld | %.0f | %.0f | %.0f |\n", qPrintable(name), qPrintable(layout), body.size() / 1024.0, listings, pages / s,
                    body.size() * pages / s / 1e6, parseRate);
    }
    std::printf("| all pages | | | | %.0f | %.0f | |\n", pagesAll / secondsAll, bytesAll / secondsAll / 1e6);

    // Posting pages: parsed, every field read (body as lines, attributes, images, contacts).
    std::printf("\n| Craigslist posting page (fixture) | size | pages/s (one thread) |\n|---|---|---|\n");
    qint64 postingsAll = 0;
    double postingSeconds = 0;
    const QDir postings(dir + QStringLiteral("/craigslist/posting"));
    for (const QString &name : postings.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)) {
        QFile f(postings.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return 1;
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
    return 0;
}
