// Craigslist search pages, every layout captured in ../shared/fixtures/craigslist/search: the
// exact number of listings and the fields of the first and last of each, read as a person reads
// the page (counts and values checked against the pages by hand).
#include "fliptech/scraper/craigslist.h"
#include "testenv.h"

#include <QFile>
#include <QTest>

using namespace fliptech;

namespace {

// (Plain C strings, nullptr for "not checked" where said: the project builds with
// QT_NO_CAST_FROM_ASCII.)
struct Expected {
    const char *postId = nullptr, *title = nullptr, *price = "", *location = "", *url = "", *posted = "", *repostOf = "";
    std::optional<qint64> cents;
};

} // namespace

Q_DECLARE_METATYPE(Expected)

class TestCraigslist final : public QObject
{
    Q_OBJECT

    static net::HtmlDocument fixture(const QString &name, const QUrl &url)
    {
        QFile f(test::sharedFixturesDir() + QStringLiteral("/craigslist/search/") + name);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return net::HtmlDocument::parse(f.readAll(), "text/html; charset=utf-8", url);
    }

private Q_SLOTS:
    void searchPages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pageUrl");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("count");
        QTest::addColumn<Expected>("first");
        QTest::addColumn<Expected>("last");
        QTest::newRow("static, milwaukee apartments")
            << "milwaukee-apa-query-wauwatosa-static-wauwatosa.html" << "https://milwaukee.craigslist.org/search/apa?query=wauwatosa" << "static" << 37
            << Expected{"7936415355", "Wauwatosa 2 Bdrm, 1 Bath Near MCW", "$1,325", "Wauwatosa",
                        "https://milwaukee.craigslist.org/apa/d/milwaukee-wauwatosa-bdrm-bath-near-mcw/7936415355.html", "", "", 132500}
            << Expected{"7928419584", "Charming 1 bed/1 bath, cat friendly, Avail. 06/17!", "$949", "Wauwatosa",
                        "https://milwaukee.craigslist.org/apa/d/milwaukee-charming-bed-bath-cat/7928419584.html", "", "", 94900};
        QTest::newRow("static, manhattan, opaque ids")
            << "newyork-mnh-apa-static-osaidd.html" << "https://newyork.craigslist.org/search/mnh/apa" << "static" << 153
            << Expected{"mfYChGx8GdfQTDbasSzkQq", "REAL __B_E_A_U_T_Y___.SEE 5:15PM_____3RD ST___2nd Ave_", "$3,499", "East Village",
                        "https://www.craigslist.org/view/d/new-york-real-beautysee-515pm3rd-st2nd/mfYChGx8GdfQTDbasSzkQq", "", "", 349900}
            << Expected{"gYSn5HfcsYKoirLz52Teh5", "Seeking Upper West Side 1BR apts?", "$2,800", "Upper West Side",
                        "https://www.craigslist.org/view/d/new-york-seeking-upper-west-side-1br/gYSn5HfcsYKoirLz52Teh5", "", "", 280000};
        QTest::newRow("rendered, boston for sale")
            << "boston-sss-rendered-2023-11-hyacinth.html" << "https://boston.craigslist.org/search/sss" << "rendered" << 120
            << Expected{"7692736931", "Solar tea light", "$5", "Peabody", "https://boston.craigslist.org/nos/for/d/peabody-solar-tea-light/7692736931.html",
                        "12 mins ago", {}, 500}
            << Expected{"7686465065", "Weber 18\" Original Black Kettle Charcoal Grill", "$30", "Waltham",
                        "https://boston.craigslist.org/gbs/for/d/waltham-weber-18-original-black-kettle/7686465065.html", "25 mins ago", "", 3000};
        QTest::newRow("legacy, toronto housing")
            << "toronto-hhh-legacy-2019-benrifkind.html" << "https://toronto.craigslist.org/search/hhh?s=2800" << "legacy" << 120
            << Expected{"6880038417", "NOW LEASING BRIMLEY-LAWRENCE LARGE BUSY PLAZA NEAR 401 HOSPITAL MALL", "$0",
                        "803 BRIMLEY RD. SOUTH OF 401, STC MALL @ LAWRENCE E",
                        "https://toronto.craigslist.org/tor/off/d/scarborough-now-leasing-brimley/6880038417.html", "2019-05-31 22:23", "4717448522", 0}
            << Expected{};
        QTest::newRow("legacy, jobs have no price")
            << "sfbay-pen-sof-jobs-legacy-2019-alansarluv.html" << "https://sfbay.craigslist.org/search/pen/sof" << "legacy" << 144
            << Expected{"7033007594", nullptr, "", "redwood city",
                        "https://sfbay.craigslist.org/pen/sof/d/redwood-city-senior-software-engineer/7033007594.html", "2019-12-05 14:34", "", std::nullopt}
            << Expected{};
        QTest::newRow("rows 2014, relative links")
            << "seattle-apa-2014-jefrailey.html" << "https://seattle.craigslist.org/search/apa" << "row" << 100
            << Expected{"4527173527", "Available Now, Luxury Amenities, Indoor Basketball", "$1400", "Everett",
                        "https://seattle.craigslist.org/sno/apa/4527173527.html", "", "", 140000}
            << Expected{};
        QTest::newRow("rows 2012")
            << "sfbay-bik-query-bicycle-2012-wockenfuss.html" << "http://sfbay.craigslist.org/search/bik?query=bicycle" << "row" << 100
            << Expected{"3329858441", "Mongoose bicycle Bike 20\" (boys)", "$55", "sunnyvale", "http://sfbay.craigslist.org/sby/bik/3329858441.html",
                        "Oct 30", "", 5500}
            << Expected{};
        QTest::newRow("rows 2012, price in the details")
            << "miami-rea-2012-libcraigscrape.html" << "http://miami.craigslist.org/rea/" << "row" << 100
            << Expected{"3478403162", "3bd 2ba Home for Sale in Miami - Reduced", "$249000", "Miami", "http://miami.craigslist.org/mdc/reb/3478403162.html",
                        {}, {}, 24900000}
            << Expected{};
    }
    void searchPages()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QFETCH(QString, file);
        QFETCH(QString, pageUrl);
        QFETCH(QString, layout);
        QFETCH(int, count);
        QFETCH(Expected, first);
        QFETCH(Expected, last);
        const auto doc = fixture(file, QUrl(pageUrl));
        QVERIFY(!doc.isNull());
        const scraper::CraigslistSearchPage page = scraper::parseCraigslistSearch(doc);
        QCOMPARE(page.layout, layout);
        QCOMPARE(page.listings.size(), count);
        QSet<QString> ids;
        for (const auto &l : page.listings) {
            QVERIFY2(!l.postId.isEmpty() && l.url.isValid(), qPrintable(l.title));
            ids.insert(l.postId);
        }
        QCOMPARE(ids.size(), count); // one listing per post
        auto check = [](const scraper::CraigslistListing &got, const Expected &want) {
            if (!want.postId)
                return; // not checked
            QCOMPARE(got.postId, QString::fromUtf8(want.postId));
            if (want.title)
                QCOMPARE(got.title, QString::fromUtf8(want.title));
            QCOMPARE(got.priceText, QString::fromUtf8(want.price));
            QCOMPARE(got.priceCents, want.cents);
            QCOMPARE(got.location, QString::fromUtf8(want.location));
            QCOMPARE(got.url.toString(), QString::fromUtf8(want.url));
            QCOMPARE(got.posted, QString::fromUtf8(want.posted));
            QCOMPARE(got.repostOf, QString::fromUtf8(want.repostOf));
        };
        check(page.listings.first(), first);
        if (QTest::currentTestFailed())
            return;
        check(page.listings.last(), last);
    }

    void lastPageAndNothing()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const auto last = scraper::parseCraigslistSearch(fixture(QStringLiteral("boston-sss-query-aaa-lastpage-rendered-hyacinth.html"),
                                                                 QUrl(QStringLiteral("https://boston.craigslist.org/search/sss?query=aaa"))));
        QCOMPARE(last.layout, QStringLiteral("rendered"));
        QCOMPARE(last.listings.size(), 4);
        const auto none = scraper::parseCraigslistSearch(net::HtmlDocument::parse("<html><body><p class=no-results>no postings</p></body></html>"));
        QVERIFY(none.layout.isEmpty());
        QVERIFY(none.listings.isEmpty());
    }

    void prices_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("cents"); // -1: none
        QTest::newRow("plain") << "$5" << qint64(500);
        QTest::newRow("thousands") << "$1,325" << qint64(132500);
        QTest::newRow("cents") << "$19.99" << qint64(1999);
        QTest::newRow("one decimal") << "$7.5" << qint64(750);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("words") << "free" << qint64(-1);
        QTest::newRow("absurd") << "$99999999999999999999" << qint64(-1);
    }
    void prices()
    {
        QFETCH(QString, text);
        QFETCH(qint64, cents);
        const auto got = scraper::parsePriceCents(text);
        QCOMPARE(got.has_value(), cents >= 0);
        if (got)
            QCOMPARE(*got, cents);
    }
};

QTEST_GUILESS_MAIN(TestCraigslist)
#include "tst_craigslist.moc"
