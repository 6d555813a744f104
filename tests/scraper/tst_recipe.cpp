// Custom-URL recipes: every mistake in a recipe named by its path; the exact rows a recipe reads
// off a directory page (types, regex, required, multiple, next page, detail page); and the
// recipe proposed for a page: the right repeated structure and fields on a synthetic directory
// and on every captured Craigslist search page in the static layout.
#include "fliptech/net/htmldocument.h"
#include "fliptech/scraper/craigslist.h"
#include "fliptech/scraper/recipe.h"
#include "fixturehttpserver.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JSON written as JSON in the source: J({"a": 1}) is the string "{\"a\": 1}".
#define J(...) #__VA_ARGS__

using namespace fliptech;
using scraper::Recipe;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(json), &e).object();
    FT_EXPECT(e.error == QJsonParseError::NoError, qPrintable(e.errorString()));
    return o;
}

net::HtmlDocument directory(int page = 1, int pages = 3)
{
    return net::HtmlDocument::parse(test::syntheticDirectoryPage(page, pages), "text/html; charset=utf-8",
                                    QUrl(QStringLiteral("http://dir.example/dir?page=%1").arg(page)));
}

const char *kDirectoryRecipe = J({
    "name": "Austin plumbers",
    "start_urls": ["http://dir.example/dir?page=1"],
    "item": {"css": "div.card"},
    "fields": [
        {"name": "name", "css": "h2 a"},
        {"name": "url", "css": "h2 a", "attr": "href", "type": "url", "required": true},
        {"name": "phone", "css": ".phone", "type": "phone"},
        {"name": "website", "xpath": ".//a[@class='site']/@href", "type": "url"},
        {"name": "street", "css": "p.addr", "regex": "^([0-9]+ [A-Za-z ]+?),"},
        {"name": "rating", "css": ".rating", "type": "number"},
        {"name": "links", "css": "a", "attr": "href", "type": "url", "multiple": true}
    ],
    "next_page": "a[rel=next]",
    "max_pages": 3,
    "detail": {"url_field": "url", "fields": [{"name": "email", "css": "a[href^='mailto:']", "attr": "href", "type": "email"}]}
});

} // namespace

class TestRecipe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mistakesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("recipe");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("says");
        const QByteArray fields = J("fields": [{"name": "name", "css": "h2"}]);
        auto with = [&](const QByteArray &rest) -> QByteArray { return "{\"start_urls\": [\"https://x.example/\"], " + rest + "}"; };
        QTest::newRow("no item") << with(fields) << QByteArray("item") << QByteArray("is required");
        QTest::newRow("bad item css") << with(J("item": "div[", ) + fields) << QByteArray("item.css") << QByteArray("position");
        QTest::newRow("bad item xpath") << with(J("item": {"xpath": "//div[@"}, ) + fields) << QByteArray("item.xpath") << QByteArray("XPath");
        QTest::newRow("both") << with(J("item": {"css": "a", "xpath": "//a"}, ) + fields) << QByteArray("item") << QByteArray("not both");
        QTest::newRow("no fields") << with(J("item": "li", "fields": [])) << QByteArray("fields") << QByteArray("at least one");
        QTest::newRow("misspelt key") << with(J("item": "li", "fields": [{"name": "a", "selctor": "b"}])) << QByteArray("fields[0].selctor") << QByteArray("not a recipe key");
        QTest::newRow("bad name") << with(J("item": "li", "fields": [{"name": "1st", "css": "b"}])) << QByteArray("fields[0].name") << QByteArray("letters");
        QTest::newRow("name twice") << with(J("item": "li", "fields": [{"name": "a", "css": "b"}, {"name": "a", "css": "i"}])) << QByteArray("fields[1].name")
                                    << QByteArray("used twice");
        QTest::newRow("bad regex") << with(J("item": "li", "fields": [{"name": "a", "css": "b"}, {"name": "p", "css": "i", "regex": "(\\d+"}]))
                                   << QByteArray("fields[1].regex") << QByteArray("offset");
        QTest::newRow("bad type") << with(J("item": "li", "fields": [{"name": "a", "css": "b", "type": "money"}])) << QByteArray("fields[0].type") << QByteArray("one of");
        QTest::newRow("required not bool") << with(J("item": "li", "fields": [{"name": "a", "required": "yes"}])) << QByteArray("fields[0].required") << QByteArray("true or false");
        QTest::newRow("bad attr") << with(J("item": "li", "fields": [{"name": "a", "attr": "on click"}])) << QByteArray("fields[0].attr") << QByteArray("attribute");
        QTest::newRow("pages 0") << with(J("item": "li", "max_pages": 0, ) + fields) << QByteArray("max_pages") << QByteArray("1 to 100");
        QTest::newRow("pages 101") << with(J("item": "li", "max_pages": 101, ) + fields) << QByteArray("max_pages") << QByteArray("1 to 100");
        QTest::newRow("pages text") << with(J("item": "li", "max_pages": "3", ) + fields) << QByteArray("max_pages") << QByteArray("whole number");
        QTest::newRow("detail field") << with(J("item": "li", "detail": {"url_field": "link", "fields": [{"name": "e", "css": "a"}]}, ) + fields)
                                      << QByteArray("detail.url_field") << QByteArray("one of the item's fields");
        QTest::newRow("next page") << with(J("item": "li", "next_page": {"css": "a:hover"}, ) + fields) << QByteArray("next_page.css") << QByteArray("hover");
        QTest::newRow("no start") << QByteArray(J({"item": "li", ) + fields + "}") << QByteArray("start_urls") << QByteArray("1 to 20");
        QTest::newRow("ftp start") << QByteArray(J({"start_urls": ["ftp://x.example/"], "item": "li", ) + fields + "}") << QByteArray("start_urls[0]") << QByteArray("http(s)");
        QTest::newRow("robots") << with(J("item": "li", "obey_robots": "no", ) + fields) << QByteArray("obey_robots") << QByteArray("true or false");
    }
    void mistakesAreNamed()
    {
        QFETCH(QByteArray, recipe);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, says);
        auto r = Recipe::fromJson(recipe);
        QVERIFY2(!r, recipe.constData());
        QCOMPARE(r.error().code, core::ErrorCode::ValidationFailed);
        QVERIFY2(r.error().details.contains(QString::fromUtf8(path)), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QString::fromUtf8(says)), qPrintable(r.error().message));
    }

    void malformedJsonSaysWhere()
    {
        auto r = Recipe::fromJson(QByteArray(J({"item": "li", "fields": [)));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("offset")) || r.error().message.contains(QLatin1String("position")), qPrintable(r.error().message));
    }

    void roundTrip()
    {
        auto r = Recipe::fromJson(obj(kDirectoryRecipe));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        const QJsonObject once = r->toJson();
        auto again = Recipe::fromJson(once);
        QVERIFY(again);
        QCOMPARE(again->toJson(), once);
        QCOMPARE(once.value(QStringLiteral("fields")).toArray().size(), 7);
        // Written for people (keys in reading order, a field a line), it reads back the same.
        const QString text = scraper::formatRecipe(once);
        QCOMPARE(QJsonDocument::fromJson(text.toUtf8()).object(), once);
        QVERIFY2(text.indexOf(QLatin1String("\"item\"")) < text.indexOf(QLatin1String("\"fields\"")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("    {\"name\": \"url\", \"css\": \"h2 a\", \"attr\": \"href\", \"type\": \"url\", \"required\": true}")),
                 qPrintable(text));
        QCOMPARE(once.value(QStringLiteral("next_page")).toObject().value(QStringLiteral("css")).toString(), QStringLiteral("a[rel=next]"));
        QCOMPARE(once.value(QStringLiteral("detail")).toObject().value(QStringLiteral("url_field")).toString(), QStringLiteral("url"));
    }

    void extractsExactRows()
    {
        auto r = Recipe::fromJson(obj(kDirectoryRecipe));
        QVERIFY(r);
        const scraper::ExtractedPage page = scraper::extractPage(directory(2, 3), *r);
        QCOMPARE(page.rows.size(), 10);
        QCOMPARE(page.skipped, 0);
        QCOMPARE(page.nextUrl, QUrl(QStringLiteral("http://dir.example/dir?page=3")));
        const QJsonObject first = page.rows.first();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Plumber 11 & Sons"));
        QCOMPARE(first.value(QStringLiteral("url")).toString(), QStringLiteral("http://dir.example/biz/11"));
        QCOMPARE(first.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551011"));
        QCOMPARE(first.value(QStringLiteral("website")).toString(), QStringLiteral("http://plumber11.example/"));
        QCOMPARE(first.value(QStringLiteral("street")).toString(), QStringLiteral("11 Main St"));
        QCOMPARE(first.value(QStringLiteral("rating")).toDouble(), 4.1);
        QCOMPARE(first.value(QStringLiteral("links")).toArray(),
                 (QJsonArray{QStringLiteral("http://dir.example/biz/11"), QStringLiteral("http://plumber11.example/")}));
        QCOMPARE(page.rows.last().value(QStringLiteral("name")).toString(), QStringLiteral("Plumber 20 & Sons"));

        // The last page has no next link.
        QVERIFY(scraper::extractPage(directory(3, 3), *r).nextUrl.isEmpty());

        // The item's own page adds its fields.
        QJsonObject row = first;
        scraper::extractDetail(net::HtmlDocument::parse(test::syntheticBusinessPage(11), {}, QUrl(QStringLiteral("http://dir.example/biz/11"))), *r, &row);
        QCOMPARE(row.value(QStringLiteral("email")).toString(), QStringLiteral("biz11@plumber11.example"));

        // A required field missing: the item is left out and counted.
        QJsonObject strict = obj(kDirectoryRecipe);
        QJsonArray fields = strict.value(QStringLiteral("fields")).toArray();
        fields.append(obj(J({"name": "fax", "css": ".fax", "required": true})));
        strict.insert(QStringLiteral("fields"), fields);
        auto s = Recipe::fromJson(strict);
        QVERIFY(s);
        const scraper::ExtractedPage none = scraper::extractPage(directory(), *s);
        QCOMPARE(none.rows.size(), 0);
        QCOMPARE(none.skipped, 10);
    }

    void rowsBecomeLeads()
    {
        const QJsonObject row{{QStringLiteral("name"), QStringLiteral("Plumber 1 & Sons")},
                              {QStringLiteral("url"), QStringLiteral("http://dir.example/biz/1")},
                              {QStringLiteral("phone"), QStringLiteral("+15125551001")},
                              {QStringLiteral("rating"), 4.1}};
        const QJsonObject lead = scraper::leadFromRow(row, QUrl(QStringLiteral("http://dir.example/dir?page=1")), QStringLiteral("Austin plumbers"));
        QCOMPARE(lead.value(QStringLiteral("source")).toString(), QStringLiteral("custom_url"));
        QCOMPARE(lead.value(QStringLiteral("source_id")).toString(), QStringLiteral("http://dir.example/biz/1"));
        QCOMPARE(lead.value(QStringLiteral("source_url")).toString(), QStringLiteral("http://dir.example/biz/1"));
        QCOMPARE(lead.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551001"));
        const QJsonObject metadata = lead.value(QStringLiteral("lead_source_metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("fields")).toObject().value(QStringLiteral("rating")).toDouble(), 4.1);
        QCOMPARE(metadata.value(QStringLiteral("recipe")).toString(), QStringLiteral("Austin plumbers"));
        // Without a url or id, the same fields give the same source_id (read again: updated).
        const QJsonObject bare{{QStringLiteral("company"), QStringLiteral("Acme")}, {QStringLiteral("city"), QStringLiteral("Austin")}};
        const QJsonObject a = scraper::leadFromRow(bare, QUrl(QStringLiteral("http://x.example/")), {});
        const QJsonObject b = scraper::leadFromRow(bare, QUrl(QStringLiteral("http://x.example/")), {});
        QCOMPARE(a.value(QStringLiteral("source_id")), b.value(QStringLiteral("source_id")));
        QCOMPARE(a.value(QStringLiteral("source_id")).toString().size(), 40);
        QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("Acme"));
    }

    void proposesDirectoryRecipe()
    {
        const QJsonObject proposal = scraper::proposeRecipe(directory(1, 3));
        const QJsonObject recipe = proposal.value(QStringLiteral("recipe")).toObject();
        QCOMPARE(recipe.value(QStringLiteral("item")).toObject().value(QStringLiteral("css")).toString(), QStringLiteral("div.card"));
        QHash<QString, QJsonObject> fields;
        for (const auto &f : recipe.value(QStringLiteral("fields")).toArray())
            fields.insert(f.toObject().value(QStringLiteral("name")).toString(), f.toObject());
        QVERIFY2(fields.contains(QStringLiteral("name")) && fields.contains(QStringLiteral("url")) && fields.contains(QStringLiteral("phone")) &&
                     fields.contains(QStringLiteral("website")) && fields.contains(QStringLiteral("address")),
                 QJsonDocument(recipe).toJson().constData());
        QCOMPARE(fields.value(QStringLiteral("phone")).value(QStringLiteral("type")).toString(), QStringLiteral("phone"));
        QCOMPARE(fields.value(QStringLiteral("website")).value(QStringLiteral("attr")).toString(), QStringLiteral("href"));
        QCOMPARE(recipe.value(QStringLiteral("next_page")).toObject().value(QStringLiteral("css")).toString(), QStringLiteral("a[rel~=\"next\"]"));
        QCOMPARE(recipe.value(QStringLiteral("start_urls")).toArray().first().toString(), QStringLiteral("http://dir.example/dir?page=1"));
        const QJsonArray preview = proposal.value(QStringLiteral("preview")).toArray();
        QCOMPARE(preview.size(), 10);
        const QJsonObject first = preview.first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Plumber 1 & Sons"));
        QCOMPARE(first.value(QStringLiteral("url")).toString(), QStringLiteral("http://dir.example/biz/1"));
        QCOMPARE(first.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125551001"));
        QCOMPARE(first.value(QStringLiteral("website")).toString(), QStringLiteral("http://plumber1.example/"));
        QCOMPARE(first.value(QStringLiteral("address")).toString(), QStringLiteral("1 Main St, Austin TX"));
        // The menu (three links) is a list too, but not the one proposed.
        const QJsonArray candidates = proposal.value(QStringLiteral("candidates")).toArray();
        QVERIFY(candidates.size() >= 2);
        QCOMPARE(candidates.first().toObject().value(QStringLiteral("count")).toInt(), 10);
        // The proposal reads back as a valid recipe.
        QVERIFY(Recipe::fromJson(recipe));
    }

    // Every captured search page, each layout: the proposed items are exactly its listings, and
    // the proposed fields read their titles and links.
    void proposesCraigslistListings_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(test::sharedFixturesDir() + QStringLiteral("/craigslist/search"));
        for (const QString &name : dir.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << name;
    }
    void proposesCraigslistListings()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QFETCH(QString, file);
        QFile f(test::sharedFixturesDir() + QStringLiteral("/craigslist/search/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        const QUrl url(QStringLiteral("https://austin.craigslist.org/search/cps"));
        const scraper::CraigslistSearchPage expected = scraper::parseCraigslistSearch(body, "text/html; charset=utf-8", url);
        if (expected.listings.size() < 3)
            QSKIP("fewer than three listings: no list to find");
        const QJsonObject proposal = scraper::proposeRecipe(net::HtmlDocument::parse(body, "text/html; charset=utf-8", url), 1000);
        const QJsonObject recipe = proposal.value(QStringLiteral("recipe")).toObject();
        const QJsonArray preview = proposal.value(QStringLiteral("preview")).toArray();
        const QByteArray shown = QJsonDocument(recipe).toJson() + QJsonDocument(proposal.value(QStringLiteral("candidates")).toArray()).toJson();
        QVERIFY2(preview.size() == expected.listings.size(), shown.constData());
        QStringList titles, links;
        for (const auto &row : preview)
            for (const auto &v : row.toObject()) {
                titles << v.toString();
                links << v.toString();
            }
        QVERIFY2(titles.contains(expected.listings.first().title), shown.constData());
        QVERIFY2(links.contains(expected.listings.last().url.toString()), shown.constData());
    }

    void nothingToProposeSaysSo()
    {
        const QJsonObject proposal =
            scraper::proposeRecipe(net::HtmlDocument::parse("<html><body><p>Just one paragraph.</p></body></html>", {}, QUrl(QStringLiteral("http://x.example/"))));
        QVERIFY(proposal.value(QStringLiteral("recipe")).isNull());
        QVERIFY(proposal.value(QStringLiteral("warnings")).toArray().first().toString().contains(QLatin1String("no list")));
    }

    void hostilePagesEndQuickly()
    {
        // 100,000 nested divs and a list of 20,000 empty items: an answer, no stack overflow.
        QByteArray deep = "<html><body>";
        for (int i = 0; i < 100000; ++i)
            deep += "<div class=\"a\">";
        deep += "x</body></html>";
        (void)scraper::proposeRecipe(net::HtmlDocument::parse(deep, {}, QUrl(QStringLiteral("http://x.example/"))));
        QByteArray wide = "<html><body><ul>";
        for (int i = 0; i < 20000; ++i)
            wide += "<li></li>";
        wide += "</ul></body></html>";
        const QJsonObject p = scraper::proposeRecipe(net::HtmlDocument::parse(wide, {}, QUrl(QStringLiteral("http://x.example/"))));
        QVERIFY(p.contains(QStringLiteral("warnings")));
    }
};

QTEST_GUILESS_MAIN(TestRecipe)
#include "tst_recipe.moc"
