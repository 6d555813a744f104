// The HTML document: CSS selectors translated to XPath (each form, and errors that name the
// problem), text and URLs as a reader sees them, charsets from header, BOM and meta, and
// broken or hostile input that parses without a crash.
#include "fliptech/net/charset.h"
#include "fliptech/net/cssselector.h"
#include "fliptech/net/htmldocument.h"

#include <QTest>

using namespace fliptech;

namespace {

// (Ordinary literals: moc does not read raw strings.)
const QByteArray kPage =
    "<!DOCTYPE html><html><head><title> Shop  list </title><base href=\"/shop/\"></head><body>\n"
    "<ul id=\"items\" class=\"list main\">\n"
    "  <li class=\"item first\" data-id=\"1\" lang=\"en-US\"><a href=\"one.html\">One</a> <span class=\"price\">$10</span></li>\n"
    "  <li class=\"item\" data-id=\"2\" lang=\"en\"><a href=\"/two.html\">Two</a><span class=\"price\">$20</span></li>\n"
    "  <li class=\"item sold\" data-id=\"3\" title=\"it&#39;s &quot;gone&quot;\"><a href=\"https://other.example/three\">Three</a></li>\n"
    "  <li class=\"itemized\" data-id=\"4\"><a>Four</a></li>\n"
    "</ul>\n"
    "<p>before</p><p class=\"after\">after one</p><p class=\"after\">after two</p>\n"
    "<div class=\"empty\"></div>\n"
    "</body></html>";

QStringList texts(const QList<net::HtmlNode> &nodes)
{
    QStringList out;
    for (const auto &n : nodes)
        out << n.text();
    return out;
}

} // namespace

class TestHtmlDocument final : public QObject
{
    Q_OBJECT
    net::HtmlDocument m_doc = net::HtmlDocument::parse(kPage, "text/html", QUrl(QStringLiteral("https://example.test/catalog/index.html")));

private Q_SLOTS:
    void selectors_data()
    {
        QTest::addColumn<QString>("css");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{QStringLiteral("One $10"), QStringLiteral("Two$20"), QStringLiteral("Three")};
        QTest::newRow("class, not a prefix of another") << "li.item" << all;
        QTest::newRow("type") << "li a" << QStringList{QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three"), QStringLiteral("Four")};
        QTest::newRow("id and child") << "#items > li.first" << QStringList{QStringLiteral("One $10")};
        QTest::newRow("two classes") << ".item.sold" << QStringList{QStringLiteral("Three")};
        QTest::newRow("attribute present") << "li[title]" << QStringList{QStringLiteral("Three")};
        QTest::newRow("attribute equals") << "li[data-id='2']" << QStringList{QStringLiteral("Two$20")};
        QTest::newRow("attribute word") << "ul[class~=main]" << QStringList{QStringLiteral("One $10 Two$20 Three Four")};
        QTest::newRow("attribute dash") << "li[lang|=en]" << QStringList{QStringLiteral("One $10"), QStringLiteral("Two$20")};
        QTest::newRow("attribute prefix") << "a[href^=https]" << QStringList{QStringLiteral("Three")};
        QTest::newRow("attribute suffix") << "a[href$='.html']" << QStringList{QStringLiteral("One"), QStringLiteral("Two")};
        QTest::newRow("attribute contains") << "a[href*=\"two\"]" << QStringList{QStringLiteral("Two")};
        QTest::newRow("quotes in a value") << "li[title=\"it's \\\"gone\\\"\"]" << QStringList{QStringLiteral("Three")};
        QTest::newRow("adjacent sibling") << "li.first + li a" << QStringList{QStringLiteral("Two")};
        QTest::newRow("adjacent siblings, each") << "p + p.after" << QStringList{QStringLiteral("after one"), QStringLiteral("after two")};
        QTest::newRow("general sibling") << "p ~ .after" << QStringList{QStringLiteral("after one"), QStringLiteral("after two")};
        QTest::newRow("group, document order") << "p.after, li.sold" << QStringList{QStringLiteral("Three"), QStringLiteral("after one"), QStringLiteral("after two")};
        QTest::newRow("first child") << "li:first-child a" << QStringList{QStringLiteral("One")};
        QTest::newRow("last child") << "li:last-child" << QStringList{QStringLiteral("Four")};
        QTest::newRow("nth child") << "li:nth-child(2) a" << QStringList{QStringLiteral("Two")};
        QTest::newRow("odd") << "li:nth-child(odd) a" << QStringList{QStringLiteral("One"), QStringLiteral("Three")};
        QTest::newRow("last of type") << "p:last-of-type" << QStringList{QStringLiteral("after two")};
        QTest::newRow("not") << "li:not(.item) a" << QStringList{QStringLiteral("Four")};
        QTest::newRow("not a type") << "ul > :not(li)" << QStringList{};
        QTest::newRow("contains") << "li:contains('$20') a" << QStringList{QStringLiteral("Two")};
        QTest::newRow("empty") << "div:empty" << QStringList{QString()};
        QTest::newRow("upper-case names") << "LI.sold A" << QStringList{QStringLiteral("Three")};
    }
    void selectors()
    {
        QFETCH(QString, css);
        QFETCH(QStringList, expected);
        QVERIFY2(net::cssToXPath(css).ok(), qPrintable(css));
        QCOMPARE(texts(m_doc.select(css)), expected);
    }

    void badSelectors_data()
    {
        QTest::addColumn<QString>("css");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << "  " << "empty";
        QTest::newRow("dangling combinator") << "li >" << "expected a selector";
        QTest::newRow("unclosed attribute") << "a[href" << "expected ']'";
        QTest::newRow("bad operator") << "a[href!=x]" << "operator";
        QTest::newRow("unterminated string") << "a[href='x]" << "unterminated string";
        QTest::newRow("unknown pseudo") << "a:hover" << "unsupported pseudo-class :hover";
        QTest::newRow("nth without number") << "li:nth-child(x)" << "expected a position";
        QTest::newRow("junk") << "li $ a" << "unexpected '$'";
        QTest::newRow("first-of-type without a type") << ":first-of-type" << "needs an element name";
    }
    void badSelectors()
    {
        QFETCH(QString, css);
        QFETCH(QString, problem);
        const auto x = net::cssToXPath(css);
        QVERIFY(!x.ok());
        QVERIFY2(x.error().message.contains(problem), qPrintable(x.error().message));
        QVERIFY(m_doc.select(css).isEmpty()); // matches nothing, never throws
    }

    void textUrlsAndAttributes()
    {
        QCOMPARE(m_doc.title(), QStringLiteral("Shop list"));
        // <base href="/shop/"> against the page's address.
        QCOMPARE(m_doc.baseUrl(), QUrl(QStringLiteral("https://example.test/shop/")));
        const auto links = m_doc.select(QStringLiteral("li a"));
        QCOMPARE(links.size(), 4);
        QCOMPARE(links.at(0).url(), QUrl(QStringLiteral("https://example.test/shop/one.html")));
        QCOMPARE(links.at(1).url(), QUrl(QStringLiteral("https://example.test/two.html")));
        QCOMPARE(links.at(2).url(), QUrl(QStringLiteral("https://other.example/three")));
        QVERIFY(links.at(3).url().isEmpty());
        const net::HtmlNode sold = m_doc.first(QStringLiteral("li.sold"));
        QCOMPARE(sold.attr(QStringLiteral("title")), QStringLiteral("it's \"gone\""));
        QCOMPARE(sold.attr(QStringLiteral("nope")), QString());
        QVERIFY(sold.hasAttr(QStringLiteral("data-id")));
        QCOMPARE(sold.tag(), QStringLiteral("li"));
        QCOMPARE(sold.parent().attr(QStringLiteral("id")), QStringLiteral("items"));
        QCOMPARE(m_doc.first(QStringLiteral("#items")).children().size(), 4);
        QCOMPARE(m_doc.first(QStringLiteral("li.first")).ownText(), QString()); // its text is in its children
        QVERIFY(m_doc.first(QStringLiteral("li.first")).outerHtml().startsWith(QLatin1String("<li class=\"item first\"")));
        QVERIFY(m_doc.first(QStringLiteral("table")).isNull());
        // Relative to a node: only its own descendants.
        QCOMPARE(texts(sold.parent().first(QStringLiteral("li:nth-child(2)")).select(QStringLiteral("a"))), QStringList{QStringLiteral("Two")});
        // XPath directly, and its errors.
        auto count = m_doc.root().xpathString(QStringLiteral("count(//li)"));
        QVERIFY(count.ok());
        QCOMPARE(*count, QStringLiteral("4"));
        QVERIFY(!m_doc.xpath(QStringLiteral("//li[")).ok());
        QVERIFY(!m_doc.xpath(QStringLiteral("count(//li)")).ok()); // not a node set
    }

    void charsets_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("charset");
        QTest::addColumn<QString>("text");
        const QByteArray cafe1252 = "<html><body><p>caf\xe9 \x93quoted\x94 \x80" "5</p></body></html>";
        QTest::newRow("header windows-1252") << cafe1252 << QByteArray("text/html; charset=windows-1252") << "windows-1252"
                                             << QStringLiteral("caf\u00e9 \u201cquoted\u201d \u20ac5");
        QTest::newRow("header latin1 means 1252") << cafe1252 << QByteArray("text/html; charset=ISO-8859-1") << "windows-1252"
                                                  << QStringLiteral("caf\u00e9 \u201cquoted\u201d \u20ac5");
        QTest::newRow("no label, not UTF-8") << cafe1252 << QByteArray("text/html") << "windows-1252" << QStringLiteral("caf\u00e9 \u201cquoted\u201d \u20ac5");
        const QByteArray sjis = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>\x93\xfa\x96\x7b</p></body></html>";
        QTest::newRow("meta http-equiv Shift_JIS") << sjis << QByteArray() << "shift_jis" << QStringLiteral("\u65e5\u672c");
        const QByteArray metaCharset = "<html><head><meta charset='windows-1252'></head><body><p>na\xefve</p></body></html>";
        QTest::newRow("meta charset") << metaCharset << QByteArray("text/html") << "windows-1252" << QStringLiteral("na\u00efve");
        const QByteArray utf8 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xc3\xa9t\xc3\xa9</p></body></html>";
        QTest::newRow("header outranks meta") << utf8 << QByteArray("text/html; charset=utf-8") << "utf-8" << QStringLiteral("\u00e9t\u00e9");
        QTest::newRow("BOM outranks header") << QByteArray("\xEF\xBB\xBF<p>\xc3\xa9</p>") << QByteArray("text/html; charset=windows-1252") << "utf-8"
                                             << QStringLiteral("\u00e9");
        QTest::newRow("unknown charset read as 1252") << QByteArray("<p>x\xe9</p>") << QByteArray("text/html; charset=x-no-such") << "windows-1252"
                                                      << QStringLiteral("x\u00e9");
    }
    void charsets()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, charset);
        QFETCH(QString, text);
        const auto doc = net::HtmlDocument::parse(body, contentType);
        QCOMPARE(doc.charset(), charset);
        QCOMPARE(doc.first(QStringLiteral("p")).text(), text);
    }

    void brokenInputParses()
    {
        // Unclosed tags, stray closers, NUL bytes, an unterminated comment, nothing at all.
        for (const QByteArray &body : {QByteArray("<div><p>one<p>two</div></span><li>three"), QByteArray("a\0b<p>c", 8),
                                       QByteArray("<p>x<!-- never closed"), QByteArray(), QByteArray("\xff\xfe\xff"),
                                       QByteArray("<<<>>><p =>< a href=\"'>"), QByteArray(5000, '<')}) {
            const auto doc = net::HtmlDocument::parse(body);
            QVERIFY(!doc.isNull());
            (void)doc.select(QStringLiteral("p, li, a"));
            (void)doc.root().text();
        }
        const auto repaired = net::HtmlDocument::parse("<div><p>one<p>two</div><li>three");
        QCOMPARE(texts(repaired.select(QStringLiteral("p"))), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        // Deep nesting (libxml2 caps the depth; no stack overflow).
        QByteArray deep;
        for (int i = 0; i < 20000; ++i)
            deep += "<div>";
        deep += "bottom";
        QVERIFY(!net::HtmlDocument::parse(deep).isNull());
    }

    void nodesOutliveTheirDocumentHandle()
    {
        net::HtmlNode kept;
        {
            const auto doc = net::HtmlDocument::parse("<p id=x>still here</p>");
            kept = doc.first(QStringLiteral("#x"));
        }
        QCOMPARE(kept.text(), QStringLiteral("still here"));
    }
};

QTEST_GUILESS_MAIN(TestHtmlDocument)
#include "tst_htmldocument.moc"
