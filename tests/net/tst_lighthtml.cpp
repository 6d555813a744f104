// The light HTML reader: the tree it builds (implied end tags, raw text, comments, stray end
// tags, attributes in every quoting), entities, charsets, hostile input, and, on every captured
// page in ../shared/fixtures, the same links and list items as libxml2's tree.
#include "fliptech/net/htmldocument.h"
#include "fliptech/net/lighthtml.h"
#include "testenv.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace fliptech;
using net::LightHtml;

namespace {

QStringList texts(const LightHtml &h, const QList<int> &nodes)
{
    QStringList out;
    for (int n : nodes)
        out << h.text(n);
    return out;
}

} // namespace

class TestLightHtml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeTextAndAttributes()
    {
        // (Ordinary literals: moc does not read raw strings.)
        const QByteArray page = "<!DOCTYPE html><html><head><title>A <b>list</b></title><base href=\"/shop/\"></head><body>\n"
                                "<!-- <li class=item>commented out</li> -->\n"
                                "<ul class='list  main'>\n"
                                "  <li class=\"item first\" data-id=1><a href=one.html>One</a> <span class=price>$10</span>\n"
                                "  <li class=item data-id=\"2\"><a href=\"/two.html\">Two &amp; more</a><span class=\"price\">$20</span></li>\n"
                                "  <li class=\"item sold\" title=\"it&#39;s &quot;gone&quot; &eacute;&#xE9;&#233;\" hidden><a href='https://other.example/three'>Three</a>\n"
                                "  <li class=itemized><a>Four</a></li></span>\n"
                                "</ul>\n"
                                "<script>if (a < b && c > d) document.write(\"<li class=item>no</li>\");</script>\n"
                                "<p>one<p>two<div class=box>three</div><br/><img src=x.png/>\n"
                                "<table><tr><td>1<td>2<tr><td>3</table>\n"
                                "</body></html>";
        const auto h = LightHtml::parse(page, "text/html", QUrl(QStringLiteral("https://example.test/catalog/index.html")));
        QCOMPARE(h.baseUrl(), QUrl(QStringLiteral("https://example.test/shop/")));
        const QList<int> items = h.all(h.root(), "li", "item");
        QCOMPARE(texts(h, items), (QStringList{QStringLiteral("One $10"), QStringLiteral("Two & more$20"), QStringLiteral("Three")}));
        QCOMPARE(h.attr(items.at(0), "data-id"), QStringLiteral("1"));
        QCOMPARE(h.attr(items.at(2), "title"), QStringLiteral("it's \"gone\" \u00e9\u00e9\u00e9"));
        QVERIFY(h.hasAttr(items.at(2), "hidden") && h.attr(items.at(2), "hidden").isEmpty());
        QVERIFY(h.hasClass(items.at(2), "sold") && !h.hasClass(items.at(2), "it") && !h.hasClass(items.at(0), "item first"));
        QCOMPARE(h.url(h.first(items.at(0), "a", {}, "href")), QUrl(QStringLiteral("https://example.test/shop/one.html")));
        QCOMPARE(h.url(h.first(items.at(1), "a")), QUrl(QStringLiteral("https://example.test/two.html")));
        QVERIFY(h.url(h.first(h.root(), "li", "itemized")).isEmpty()); // no href
        QCOMPARE(h.all(h.root(), "ul", "main").size(), 1);
        QCOMPARE(h.all(h.root(), "li").size(), 4); // the commented and the scripted ones are not elements
        QCOMPARE(texts(h, h.all(h.root(), "p")), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(h.text(h.first(h.root(), "title")), QStringLiteral("A <b>list</b>")); // raw text
        QCOMPARE(texts(h, h.all(h.root(), "tr")), (QStringList{QStringLiteral("12"), QStringLiteral("3")}));
        QCOMPARE(texts(h, h.all(h.root(), "td")), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(h.first(h.first(h.root(), "div", "box"), "img"), LightHtml::none); // <br/> and <img .../> hold nothing
        QVERIFY(h.first(h.root(), "img") != LightHtml::none);
        // The first text child and the siblings, as the Craigslist reader walks them.
        const auto meta = LightHtml::parse("<div class=meta>12 mins ago<span class=separator>&middot;</span>Peabody</div>");
        const int div = meta.first(meta.root(), "div");
        QCOMPARE(meta.text(meta.firstChild(div)), QStringLiteral("12 mins ago"));
        QCOMPARE(meta.text(meta.nextSibling(meta.nextSibling(meta.firstChild(div)))), QStringLiteral("Peabody"));
        QCOMPARE(meta.text(div), QStringLiteral("12 mins ago\u00b7Peabody"));
    }

    void entities_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("text");
        QTest::newRow("named") << QByteArray("a &amp; b &lt;c&gt; &quot;d&quot; &copy; &mdash; &nbsp;") << QStringLiteral("a & b <c> \"d\" \u00a9 \u2014 \u00a0");
        QTest::newRow("numeric") << QByteArray("&#233;&#xe9;&#XE9;&#128512;") << QStringLiteral("\u00e9\u00e9\u00e9\U0001F600");
        QTest::newRow("kept as written") << QByteArray("&amp &bogus; & &#; &#x; AT&T") << QStringLiteral("&amp &bogus; & &#; &#x; AT&T");
        QTest::newRow("invalid code points") << QByteArray("&#0;&#xD800;&#x110000;") << QStringLiteral("\ufffd\ufffd\ufffd");
        QTest::newRow("long names and numbers") << QByteArray("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; &#99999999999;")
                                                << QStringLiteral("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; &#99999999999;");
    }
    void entities()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, text);
        QCOMPARE(net::decodeHtmlEntities(raw), text);
    }

    void charsets_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("text");
        QTest::newRow("windows-1252 header") << QByteArray("<p title=\"caf\xe9\">caf\xe9 \x93q\x94 \x80" "5</p>") << QByteArray("text/html; charset=windows-1252")
                                             << QStringLiteral("caf\u00e9 \u201cq\u201d \u20ac5");
        QTest::newRow("Shift_JIS meta") << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p title=x>\x93\xfa\x96\x7b</p>")
                                        << QByteArray() << QStringLiteral("\u65e5\u672c");
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF<p>\xc3\xa9</p>") << QByteArray("text/html; charset=windows-1252") << QStringLiteral("\u00e9");
        QTest::newRow("bytes Shift_JIS cannot hold") << QByteArray("<p>a\x81\xff" "b\x82</p>") << QByteArray("text/html; charset=shift_jis")
                                                     << QStringLiteral("a\ufffd\ufffdb\ufffd");
    }
    void charsets()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, text);
        const auto h = LightHtml::parse(body, contentType);
        QCOMPARE(h.text(h.first(h.root(), "p")), text);
    }

    void hostileInput()
    {
        for (const QByteArray &body : {QByteArray("<div><p>one<p>two</div></span><li>three"), QByteArray("a\0b<p>c", 8), QByteArray("<p>x<!-- never closed"),
                                       QByteArray(), QByteArray("\xff\xfe\xff"), QByteArray("<<<>>><p =>< a href=\"'>"), QByteArray(5000, '<'),
                                       QByteArray("<script>never closed <p>"), QByteArray("<a href=\"x"), QByteArray("</"), QByteArray("<p/"),
                                       QByteArray("<!"), QByteArray("<?xml"), QByteArray("&#x"), QByteArray("<li class=\"")}) {
            const auto h = LightHtml::parse(body);
            for (int n : h.all(h.root(), {}))
                (void)h.text(n), (void)h.url(n), (void)h.attr(n, "class");
            (void)h.text(h.root());
        }
        QCOMPARE(LightHtml::parse("<script>never closed <p>").all(0, "p").size(), 0); // it is all script
        QByteArray deep; // no recursion anywhere: depth costs nothing but memory
        for (int i = 0; i < 200000; ++i)
            deep += "<div>";
        deep += "bottom";
        const auto h = LightHtml::parse(deep);
        QCOMPARE(h.all(h.root(), "div").size(), 200000);
        QCOMPARE(h.text(h.first(h.root(), "div")), QStringLiteral("bottom"));
        // Out-of-range nodes answer empty.
        QCOMPARE(h.text(-1), QString());
        QCOMPARE(h.first(LightHtml::none, "div"), LightHtml::none);
        QVERIFY(h.all(h.size() + 5, {}).isEmpty());
    }

    // Every captured page: the links (address and text) and the list items' text are what
    // libxml2's tree has.
    void sameAsLibxml2OnCapturedPages()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        int pages = 0, links = 0;
        QDirIterator it(test::sharedFixturesDir(), {QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray body = f.readAll();
            const QUrl url(QStringLiteral("https://fixture.example/dir/page.html"));
            const auto doc = net::HtmlDocument::parse(body, {}, url);
            const auto light = LightHtml::parse(body, {}, url);
            QStringList expected, got;
            for (const auto &a : doc.select(QStringLiteral("a[href]")))
                expected << a.url().toString() + QStringLiteral(" | ") + a.text();
            for (int a : light.all(light.root(), "a", {}, "href"))
                got << light.url(a).toString() + QStringLiteral(" | ") + light.text(a);
            QCOMPARE(got.size(), expected.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QVERIFY2(got.at(i) == expected.at(i), qPrintable(path + QStringLiteral("\n  light:   ") + got.at(i) + QStringLiteral("\n  libxml2: ") + expected.at(i)));
            QStringList expectedItems, gotItems;
            for (const auto &li : doc.select(QStringLiteral("li")))
                expectedItems << li.text();
            for (int li : light.all(light.root(), "li"))
                gotItems << light.text(li);
            QCOMPARE(gotItems.size(), expectedItems.size());
            for (qsizetype i = 0; i < gotItems.size(); ++i)
                QVERIFY2(gotItems.at(i) == expectedItems.at(i),
                         qPrintable(path + QStringLiteral("\n  light:   ") + gotItems.at(i) + QStringLiteral("\n  libxml2: ") + expectedItems.at(i)));
            ++pages;
            links += int(got.size());
        }
        QVERIFY(pages >= 20);
        qInfo("%d pages, %d links compared", pages, links);
    }
};

QTEST_GUILESS_MAIN(TestLightHtml)
#include "tst_lighthtml.moc"
