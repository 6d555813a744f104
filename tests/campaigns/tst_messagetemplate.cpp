// The message template language: what each construct renders to (a table of template,
// variables and expected text), spintax the same for the same recipient and spread over many,
// HTML-escaping in HTML bodies only, every mistake named by line and column, and the plain-text
// alternative of HTML bodies.
#include "fliptech/campaigns/messagetemplate.h"

#include <QHash>
#include <QTest>

using namespace fliptech;
using campaigns::MessageTemplate;
using campaigns::TemplateVariables;

namespace {

TemplateVariables ann()
{
    return {{QStringLiteral("lead.first_name"), QStringLiteral("Ann")},
            {QStringLiteral("lead.company"), QStringLiteral("Ann's Bakery & Co")},
            {QStringLiteral("lead.city"), QStringLiteral("Austin")},
            {QStringLiteral("lead.title"), QString()},
            {QStringLiteral("sender.name"), QStringLiteral("Sam")},
            {QStringLiteral("campaign.name"), QStringLiteral("Spring")},
            {QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u/abc")}};
}

} // namespace

class TestMessageTemplate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renders_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *source, bool html, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(source) << html << QString::fromUtf8(expected);
        };
        row("plain text", "Hello there.", false, "Hello there.");
        row("variable", "Hi {{first_name}},", false, "Hi Ann,");
        row("spaces in tag", "Hi {{ first_name }}!", false, "Hi Ann!");
        row("namespaced", "{{lead.city}} / {{sender.name}} / {{campaign.name}}", false, "Austin / Sam / Spring");
        row("fallback used", "Dear {{title|friend}}", false, "Dear friend");
        row("fallback unused", "Dear {{first_name|friend}}", false, "Dear Ann");
        row("missing variable", "[{{last_name}}]", false, "[]");
        row("missing with fallback", "[{{last_name|-}}]", false, "[-]");
        row("if shown", "{{#if company}}at {{company}}{{/if}}.", false, "at Ann's Bakery & Co.");
        row("if hidden", "{{#if title}}as {{title}}{{/if}}.", false, ".");
        row("if else", "{{#if title}}T{{else}}no title{{/if}}", false, "no title");
        row("nested if", "{{#if city}}{{#if title}}a{{else}}b{{/if}}{{/if}}", false, "b");
        row("escaped in html", "<p>{{company}}</p>", true, "<p>Ann&#39;s Bakery &amp; Co</p>");
        row("not escaped in text", "{{company}}", false, "Ann's Bakery & Co");
        row("fallback is template text", "<b>{{title|<i>x</i>}}</b>", true, "<b><i>x</i></b>");
        row("braces without a bar stay", "body { color: red; }", true, "body { color: red; }");
        row("escapes", "\\{a\\|b\\} and \\\\", false, "{a|b} and \\");
        row("one option", "{Hi|Hi} {{first_name}}", false, "Hi Ann");
        row("spin of variables", "{Dear {{first_name}}|Dear {{first_name}}}!", false, "Dear Ann!");
        row("unsubscribe", "<a href=\"{{unsubscribe_url}}\">x</a>", true, "<a href=\"https://t.example/u/abc\">x</a>");
        row("multi-line", "Hi {{first_name}},\n\n{{#if city}}In {{city}}?{{/if}}\n-- {{sender.name}}", false, "Hi Ann,\n\nIn Austin?\n-- Sam");
        row("unicode", "¡Hola {{first_name}}! — ✓", false, "¡Hola Ann! — ✓");
    }
    void renders()
    {
        QFETCH(QString, source);
        QFETCH(bool, html);
        QFETCH(QString, expected);
        auto t = MessageTemplate::parse(source, html ? MessageTemplate::Mode::Html : MessageTemplate::Mode::Text);
        QVERIFY2(t, t ? "" : qPrintable(t.error().message));
        QCOMPARE(t->render(ann(), 42), expected);
    }

    void spintaxIsTheRecipientsAndSpread()
    {
        auto t = MessageTemplate::parse(QStringLiteral("{Hi|Hello|Hey} {{first_name}}, {quick|short} {question|note}"), MessageTemplate::Mode::Text);
        QVERIFY(t);
        // The same recipient: the same text, every time (a preview is what is sent).
        const quint64 seed = campaigns::recipientSeed(7, 12345, 1);
        const QString once = t->render(ann(), seed);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(t->render(ann(), campaigns::recipientSeed(7, 12345, 1)), once);
        // Many recipients: every option of every group used, none much more than its share.
        QHash<QString, int> greeting;
        QSet<QString> texts;
        for (qint64 lead = 1; lead <= 3000; ++lead) {
            const QString text = t->render(ann(), campaigns::recipientSeed(7, lead, 1));
            greeting[text.section(u' ', 0, 0)]++;
            texts.insert(text);
        }
        QCOMPARE(greeting.size(), 3);
        for (auto it = greeting.cbegin(); it != greeting.cend(); ++it)
            QVERIFY2(it.value() > 800 && it.value() < 1200, qPrintable(QStringLiteral("%1: %2").arg(it.key()).arg(it.value())));
        QCOMPARE(texts.size(), 3 * 2 * 2);
        // Another step of the same sequence may choose otherwise (a follow-up is not a copy).
        int differs = 0;
        for (qint64 lead = 1; lead <= 100; ++lead)
            differs += t->render(ann(), campaigns::recipientSeed(7, lead, 1)) != t->render(ann(), campaigns::recipientSeed(7, lead, 2)) ? 1 : 0;
        QVERIFY(differs > 50);
    }

    void mistakesNameLineAndColumn_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("says");
        auto row = [](const char *name, const char *source, int line, int column, const char *says) {
            QTest::newRow(name) << QString::fromUtf8(source) << line << column << QString::fromUtf8(says);
        };
        row("unclosed tag", "Hi {{first_name,", 1, 4, "unclosed {{");
        row("unknown variable", "Hi\n  {{favourite_colour}}", 2, 3, "not a variable");
        row("bad name", "{{first name}}", 1, 1, "not a variable name");
        row("empty tag", "a {{ }} b", 1, 3, "no variable");
        row("else alone", "x\n{{else}}", 2, 1, "{{else}} with no {{#if}}");
        row("end alone", "{{/if}}", 1, 1, "{{/if}} with no {{#if}}");
        row("if never closed", "ok\n  {{#if city}}in {{city}}", 2, 3, "never closed");
        row("two elses", "{{#if city}}a{{else}}b{{else}}c{{/if}}", 1, 23, "second {{else}}");
        row("unknown tag", "{{#each leads}}", 1, 1, "not a tag");
        row("unclosed spintax", "{Hi|Hello there", 1, 1, "unclosed {");
        row("unclosed nested spintax", "{Hi|{a|b there}", 1, 1, "unclosed {");
        row("unknown in if", "{{#if shoe_size}}x{{/if}}", 1, 1, "not a variable");
        row("unknown sender field", "{{sender.password}}", 1, 1, "not a variable");
    }
    void mistakesNameLineAndColumn()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, says);
        auto t = MessageTemplate::parse(source, MessageTemplate::Mode::Text);
        QVERIFY2(!t, qPrintable(source));
        QCOMPARE(t.error().code, core::ErrorCode::ValidationFailed);
        QVERIFY2(t.error().message.contains(says), qPrintable(t.error().message));
        QCOMPARE(t.error().details.value(QStringLiteral("line")).toInt(), line);
        QCOMPARE(t.error().details.value(QStringLiteral("column")).toInt(), column);
    }

    void draftsTakeAnyName()
    {
        auto t = MessageTemplate::parse(QStringLiteral("{{favourite_colour|blue}}"), MessageTemplate::Mode::Text, nullptr);
        QVERIFY(t);
        QCOMPARE(t->render({}, 1), QStringLiteral("blue"));
        QCOMPARE(t->variables(), QStringList{QStringLiteral("lead.favourite_colour")});
    }

    void variablesNamed()
    {
        auto t = MessageTemplate::parse(QStringLiteral("{{first_name}} {{lead.first_name}} {{#if city}}{{sender.name}}{{/if}} {{unsubscribe_url}}"),
                                        MessageTemplate::Mode::Html);
        QVERIFY(t);
        QCOMPARE(t->variables(), (QStringList{QStringLiteral("lead.first_name"), QStringLiteral("lead.city"), QStringLiteral("sender.name"),
                                              QStringLiteral("unsubscribe_url")}));
    }

    void plainTextFromHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        auto row = [](const char *name, const char *html, const char *text) { QTest::newRow(name) << QString::fromUtf8(html) << QString::fromUtf8(text); };
        row("paragraphs", "<p>Hi Ann,</p><p>A  quick\n question.</p>", "Hi Ann,\n\nA quick question.");
        row("line breaks", "One<br>Two<br/>Three", "One\nTwo\nThree");
        row("list", "<ul><li>Fast</li><li>Mobile</li></ul>", "- Fast\n- Mobile");
        row("link", "See <a href=\"https://x.example/demo\">the demo</a>.", "See the demo (https://x.example/demo).");
        row("bare link", "<a href='https://x.example/'>https://x.example/</a>", "https://x.example/");
        row("mailto kept as text", "<a href=\"mailto:a@b.example\">write</a>", "write");
        row("entities", "Tom &amp; Jerry&nbsp;&#8212; &lt;3", "Tom & Jerry \u2014 <3");
        row("no scripts or styles", "<style>p{color:red}</style><p>Hi</p><script>x()</script>", "Hi");
        row("head and comments", "<html><head><title>T</title></head><body><!-- x --><h1>Big</h1>text</body></html>", "Big\n\ntext");
        row("stray angle", "a < b", "a < b");
    }
    void plainTextFromHtml()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(campaigns::htmlToText(html), text);
    }
};

QTEST_GUILESS_MAIN(TestMessageTemplate)
#include "tst_messagetemplate.moc"
