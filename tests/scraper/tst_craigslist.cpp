// Craigslist search pages, every layout captured in ../shared/fixtures/craigslist/search: the
// exact number of listings and the fields of the first and last of each, read as a person reads
// the page (counts and values checked against the pages by hand).
#include "fliptech/scraper/contacts.h"
#include "fliptech/scraper/craigslist.h"
#include "fliptech/scraper/craigslistsearch.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
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

    // A captured page ("search/..." or "posting/...") as the site served it (UTF-8).
    static QByteArray bytes(const QString &relative)
    {
        QFile f(test::sharedFixturesDir() + QStringLiteral("/craigslist/") + relative);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static net::HtmlDocument page(const QString &relative, const QUrl &url)
    {
        return net::HtmlDocument::parse(bytes(relative), "text/html; charset=utf-8", url);
    }
    // A search page, read as the scraper reads it.
    static scraper::CraigslistSearchPage search(const QString &name, const QUrl &url)
    {
        return scraper::parseCraigslistSearch(bytes(QStringLiteral("search/") + name), "text/html; charset=utf-8", url);
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
        const scraper::CraigslistSearchPage page = search(file, QUrl(pageUrl));
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

    static scraper::CraigslistPosting posting(const QString &name, const QUrl &url)
    {
        return scraper::parseCraigslistPosting(page(QStringLiteral("posting/") + name, url));
    }

    // Posting pages of each era: the fields read off each page by hand.
    void postings()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const QUrl site(QStringLiteral("https://boston.craigslist.org/"));
        auto tea = posting(QStringLiteral("boston-nos-for-solar-tea-light-2023-11-hyacinth.html"), site);
        QCOMPARE(tea.postId, QStringLiteral("7692736931"));
        QCOMPARE(tea.url.toString(), QStringLiteral("https://boston.craigslist.org/nos/for/d/peabody-solar-tea-light/7692736931.html"));
        QCOMPARE(tea.title, QStringLiteral("Solar tea light"));
        QCOMPARE(tea.priceCents, qint64(500));
        QCOMPARE(tea.location, QStringLiteral("Peabody"));
        QCOMPARE(tea.posted, QStringLiteral("2023-11-29T20:23:46-0500"));
        QVERIFY(tea.updated.isEmpty());
        QCOMPARE(tea.body, QStringLiteral("Small solar tea light new inbox"));
        QCOMPARE(tea.attributes.value(QStringLiteral("make / manufacturer")).toString(), QStringLiteral("Sorrento"));
        QCOMPARE(tea.attributes.value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("delivery available")});
        QCOMPARE(tea.latitude, 42.5326);
        QCOMPARE(tea.longitude, -70.9612);
        QCOMPARE(tea.images.size(), 4);
        QCOMPARE(tea.images.first().toString(), QStringLiteral("https://images.craigslist.org/00L0L_20Tz7LpfcXD_0dp0t2_600x450.jpg"));
        QVERIFY(tea.emails.isEmpty() && tea.phones.isEmpty());

        auto monitors = posting(QStringLiteral("boston-bmw-ele-lg-monitors-updated-hyacinth.html"), site);
        QCOMPARE(monitors.posted, QStringLiteral("2023-07-16T08:51:04-0400"));
        QCOMPARE(monitors.updated, QStringLiteral("2023-07-25T21:40:48-0400"));
        QCOMPARE(monitors.attributes.value(QStringLiteral("condition")).toString(), QStringLiteral("like new"));
        QCOMPARE(monitors.priceCents, qint64(9000));

        // No price; a dealer's phone in the body; a street address; an empty attribute left out.
        auto suzuki = posting(QStringLiteral("boston-nos-mcd-suzuki-dr650-no-price-hyacinth.html"), site);
        QCOMPARE(suzuki.postId, QStringLiteral("7647523987"));
        QVERIFY(suzuki.priceText.isEmpty());
        QVERIFY(!suzuki.priceCents);
        QCOMPARE(suzuki.phones, QStringList{QStringLiteral("+18022220394")});
        QCOMPARE(suzuki.address, QStringLiteral("60 Range Rd"));
        QCOMPARE(suzuki.attributes.value(QStringLiteral("VIN")).toString(), QStringLiteral("JS1SP46A2K2101120"));
        QVERIFY(!suzuki.attributes.contains(QStringLiteral("fuel")));
        QVERIFY(suzuki.body.startsWith(QLatin1String("Nault's Windham Motorcycles\nAsk for: Joey Labranch\n")));

        auto kawasaki = posting(QStringLiteral("boston-sob-mcy-kawasaki-single-image-hyacinth.html"), site);
        QCOMPARE(kawasaki.images.size(), 1); // its thumbnail is not a second image
        QCOMPARE(kawasaki.updated, QStringLiteral("2023-07-26T14:07:37-0400"));

        auto flat = posting(QStringLiteral("milwaukee-apa-wauwatosa-2bdrm-wauwatosa.html"), QUrl(QStringLiteral("https://milwaukee.craigslist.org/")));
        QCOMPARE(flat.postId, QStringLiteral("7936415355"));
        QCOMPARE(flat.address, QStringLiteral("1506 N. 116th Street, Wauwatosa, WI 53226"));
        QCOMPARE(flat.latitude, 43.049222);
        QCOMPARE(flat.longitude, -88.057494);
        QCOMPARE(flat.images.size(), 10);
        QVERIFY(flat.body.startsWith(QLatin1String("Beautifully updated, clean, quiet 2 bedroom")));

        // 2013: title with price and place, the time as text, images listed in a script, the
        // relay address, a phone in the body.
        auto chevy = posting(QStringLiteral("hil-cto-chevy-2013-libcraigscrape.html"), QUrl(QStringLiteral("http://tampa.craigslist.org/hil/cto/3516252529.html")));
        QCOMPARE(chevy.postId, QStringLiteral("3516252529"));
        QCOMPARE(chevy.title, QStringLiteral("2 dr Chevy on 30s fs/trade donk - $20 (Any)"));
        QCOMPARE(chevy.priceCents, qint64(2000));
        QCOMPARE(chevy.location, QStringLiteral("Any"));
        QCOMPARE(chevy.posted, QStringLiteral("2013-01-08, 2:09PM EST"));
        QCOMPARE(chevy.images.size(), 4);
        QCOMPARE(chevy.replyEmail, QStringLiteral("t5kjj-3516252529@sale.craigslist.org"));
        QCOMPARE(chevy.phones, QStringList{QStringLiteral("+17862577215")});

        // 2012: no #postingbody (the text is in #userbody), the id in .postingidtext.
        auto tahoe = posting(QStringLiteral("sfbay-pen-apa-tahoe-2012-wockenfuss.html"), QUrl(QStringLiteral("http://sfbay.craigslist.org/pen/apa/3372916109.html")));
        QCOMPARE(tahoe.postId, QStringLiteral("3372916109"));
        QCOMPARE(tahoe.priceCents, qint64(30000));
        QCOMPARE(tahoe.location, QStringLiteral("Tahoe-Truckee"));
        QCOMPARE(tahoe.posted, QStringLiteral("2012-10-29, 11:19AM PDT"));
        QCOMPARE(tahoe.images.size(), 8);
        QCOMPARE(tahoe.replyEmail, QStringLiteral("qpgfn-3372916109@hous.craigslist.org"));
        QVERIFY(tahoe.body.startsWith(QLatin1String("Great House for Thanksgiving\n")));
    }

    void contacts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("emails");
        QTest::addColumn<QStringList>("phones");
        QTest::newRow("plain") << "Call 512-555-0142 or mail Joe@Example.com" << QStringList{QStringLiteral("joe@example.com")}
                               << QStringList{QStringLiteral("+15125550142")};
        QTest::newRow("brackets") << "joe (at) gmail [dot] com, (512) 555.0199" << QStringList{QStringLiteral("joe@gmail.com")}
                                  << QStringList{QStringLiteral("+15125550199")};
        QTest::newRow("spelled") << "email bob at yahoo dot com or mary at mail dot co dot uk" << QStringList{QStringLiteral("bob@yahoo.com"), QStringLiteral("mary@mail.co.uk")}
                                 << QStringList{};
        QTest::newRow("words") << "text five one two five five five oh one four two" << QStringList{} << QStringList{QStringLiteral("+15125550142")};
        QTest::newRow("mixed words and digits") << "call 512 five five five 01 four 2 today" << QStringList{} << QStringList{QStringLiteral("+15125550142")};
        QTest::newRow("with country code") << "+1 (415) 867-5309" << QStringList{} << QStringList{QStringLiteral("+14158675309")};
        QTest::newRow("each once") << "512-555-0142 / 512.555.0142" << QStringList{} << QStringList{QStringLiteral("+15125550142")};
        QTest::newRow("not phones: prices, dates, ids, bad area codes")
            << "$1,325,000 on 2026-05-24 08:45, VIN JS1SP46A2K2101120, id 7936415355, 123-456-7890, 555-0142" << QStringList{} << QStringList{};
        QTest::newRow("at as a word") << "meet me at noon at the park dot" << QStringList{} << QStringList{};
    }
    void contacts()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, emails);
        QFETCH(QStringList, phones);
        QCOMPARE(scraper::findEmails(text), emails);
        QCOMPARE(scraper::findPhones(text), phones);
    }

    void searchUrls_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("subarea");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("distance");
        QTest::addColumn<QString>("postal");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("expected"); // the URL, or "error:<field>"
        QTest::newRow("services") << "austin" << "" << "cps" << "" << 0 << "" << 0 << "https://austin.craigslist.org/search/cps";
        QTest::newRow("sub-area, keywords, paging") << "newyork" << "mnh" << "bbb" << "web design & SEO" << 0 << "" << 240
                                                    << "https://newyork.craigslist.org/search/mnh/bbb?query=web%20design%20%26%20SEO&s=240";
        QTest::newRow("near a postal code") << "boston" << "" << "sks" << "" << 10 << "02139" << 0
                                            << "https://boston.craigslist.org/search/sks?search_distance=10&postal=02139";
        QTest::newRow("bad site") << "Austin TX" << "" << "cps" << "" << 0 << "" << 0 << "error:site";
        QTest::newRow("unknown category") << "austin" << "" << "zzz" << "" << 0 << "" << 0 << "error:category";
        QTest::newRow("distance without postal") << "austin" << "" << "cps" << "" << 5 << "" << 0 << "error:postal";
        QTest::newRow("injected sub-area") << "austin" << "../x" << "cps" << "" << 0 << "" << 0 << "error:subarea";
    }
    void searchUrls()
    {
        QFETCH(QString, site);
        QFETCH(QString, subarea);
        QFETCH(QString, category);
        QFETCH(QString, query);
        QFETCH(int, distance);
        QFETCH(QString, postal);
        QFETCH(int, offset);
        QFETCH(QString, expected);
        scraper::CraigslistSearch s;
        s.site = site;
        s.subarea = subarea;
        s.category = category;
        s.query = query;
        s.distanceMiles = distance;
        s.postal = postal;
        s.offset = offset;
        const auto url = scraper::craigslistSearchUrl(s, QStringLiteral("https://{site}.craigslist.org"));
        if (expected.startsWith(QLatin1String("error:"))) {
            QVERIFY(!url.ok());
            QVERIFY2(url.error().details.contains(expected.mid(6)), qPrintable(url.error().message));
            return;
        }
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message));
        QCOMPARE(url->toString(QUrl::FullyEncoded), expected);
        // The switches, and a local stand-in for Craigslist.
        s.postedToday = s.hasImage = true;
        const auto local = scraper::craigslistSearchUrl(s, QStringLiteral("http://127.0.0.1:8080/cl/{site}/"));
        QVERIFY(local.ok());
        QVERIFY(local->toString().startsWith(QStringLiteral("http://127.0.0.1:8080/cl/") + site + QStringLiteral("/search/")));
        QVERIFY(local->query().contains(QLatin1String("postedToday=1")) && local->query().contains(QLatin1String("hasPic=1")));
    }

    void lastPageAndNothing()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const auto last = search(QStringLiteral("boston-sss-query-aaa-lastpage-rendered-hyacinth.html"),
                                 QUrl(QStringLiteral("https://boston.craigslist.org/search/sss?query=aaa")));
        QCOMPARE(last.layout, QStringLiteral("rendered"));
        QCOMPARE(last.listings.size(), 4);
        const auto none = scraper::parseCraigslistSearch("<html><body><p class=no-results>no postings</p></body></html>");
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
