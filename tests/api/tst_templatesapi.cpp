// Message templates through the API, on both backends: saved only when every part parses (the
// part, line and column of a mistake), previewed for a lead exactly as that lead would be sent
// (HTML-escaped values, the plain text made from the HTML when none is written, the variables
// the lead leaves empty), duplicated, changed in bulk, listed with filters, their performance.
#include "apiharness.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>


using namespace fliptech;
using Reply = test::HttpReply;

class TestTemplatesApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT

    void start() { startApi(); }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void savedOnlyWhenValid()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = send("POST", QStringLiteral("/api/v1/templates"),
                       test::json(J({"name": "Outdated site", "subject": "{Quick question|Idea} for {{company|your business}}",
                              "body_html": "<p>Hi {{first_name|there}},</p>\n<p>{{#if city}}In {{city}}?{{/if}}</p>", "category": "cold", "tags": ["web"]})));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("variables")).toArray(),
                 (QJsonArray{QStringLiteral("lead.company"), QStringLiteral("lead.first_name"), QStringLiteral("lead.city")}));
        QCOMPARE(r.json.value(QStringLiteral("is_active")).toBool(), true);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();

        // Mistakes: the part, line and column; nothing stored.
        r = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "Broken", "body_html": "<p>Hi</p>\n<p>{{#if city}}In {{city}}</p>"})));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("body_html: line 2, column 4") && r.body.contains("never closed"), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "Broken", "subject": "Hi {{shoe_size}}", "body_text": "x"})));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("subject: line 1, column 4"), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "No body", "subject": "Hi"})));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("body"), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "Two lines", "subject": "Hi\nthere", "body_text": "x"})));
        QCOMPARE(r.status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "V", "body_text": "x"})), QStringLiteral("viewer")).status, 403);
        QCOMPARE(get(QStringLiteral("/api/v1/templates")).json.value(QStringLiteral("items")).toArray().size(), 1);

        // Replaced, read, listed by filters.
        r = send("PUT", QStringLiteral("/api/v1/templates/%1").arg(id), test::json(J({"name": "Outdated site v2", "body_text": "Hi {{first_name}}", "category": "cold"})));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("body_html")).isNull());
        QCOMPARE(get(QStringLiteral("/api/v1/templates/%1").arg(id)).json.value(QStringLiteral("name")).toString(), QStringLiteral("Outdated site v2"));
        send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "Follow-up", "body_text": "Any thoughts?", "category": "follow-up"})));
        QCOMPARE(get(QStringLiteral("/api/v1/templates?category=cold")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/templates?q=FOLLOW")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/templates?q=100%25")).json.value(QStringLiteral("items")).toArray().size(), 0); // a % is a character
        QCOMPARE(get(QStringLiteral("/api/v1/templates/999999")).status, 404);
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/templates/999999"), test::json(J({"name": "x", "body_text": "x"}))).status, 404);
    }

    void previewIsWhatTheLeadGets()
    {
        start();
        FT_STOP_IF_FAILED();
        const Reply lead = send("POST", QStringLiteral("/api/v1/leads"), test::json(J({"name": "Ann <Baker>", "first_name": "Ann", "company": "Ann's Cakes & Co",
                                                                                 "city": "Austin", "email": "ann@cakes.example"})));
        QCOMPARE(lead.status, 201);
        const qint64 leadId = lead.json.value(QStringLiteral("id")).toInteger();
        Reply t = send("POST", QStringLiteral("/api/v1/templates"),
                       test::json(J({"name": "Pitch", "subject": "{Quick question|Idea} for {{company}}",
                              "body_html": "<p>{Hi|Hello} {{first_name}},</p><p>{{company}}{{#if title}} ({{title}}){{/if}} in {{city}}: <a href=\"https://us.example/demo\">our demo</a>.</p><p>{{sender.name}}</p>"})));
        QCOMPARE(t.status, 201);
        const QString path = QStringLiteral("/api/v1/templates/%1/preview").arg(t.json.value(QStringLiteral("id")).toInteger());
        Reply p = send("POST", path, {{QStringLiteral("lead_id"), leadId}, {QStringLiteral("sender"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam")}}}});
        QCOMPARE(p.status, 200);
        const QString subject = p.json.value(QStringLiteral("subject")).toString();
        QVERIFY2(subject == QLatin1String("Quick question for Ann's Cakes & Co") || subject == QLatin1String("Idea for Ann's Cakes & Co"), qPrintable(subject));
        const QString html = p.json.value(QStringLiteral("html")).toString();
        QVERIFY2(html.contains(QLatin1String("Ann&#39;s Cakes &amp; Co in Austin")), qPrintable(html));
        QVERIFY2(html.endsWith(QLatin1String("<p>Sam</p>")), qPrintable(html));
        QCOMPARE(p.json.value(QStringLiteral("text_generated")).toBool(), true);
        const QString text = p.json.value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QLatin1String("Ann's Cakes & Co in Austin: our demo (https://us.example/demo).")), qPrintable(text));
        QCOMPARE(p.json.value(QStringLiteral("empty")).toArray(), QJsonArray{QStringLiteral("lead.title")});
        // The same lead, the same words, every time.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(send("POST", path, {{QStringLiteral("lead_id"), leadId}, {QStringLiteral("sender"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam")}}}}).json,
                     p.json);
        // A draft, with variables typed in.
        p = send("POST", QStringLiteral("/api/v1/templates/preview"),
                 test::json(J({"template": {"subject": "Hi {{first_name|there}}", "body_text": "{{favourite}}!"}, "variables": {"favourite": "cake"}})));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.json.value(QStringLiteral("subject")).toString(), QStringLiteral("Hi there"));
        QCOMPARE(p.json.value(QStringLiteral("text")).toString(), QStringLiteral("cake!"));
        QCOMPARE(send("POST", path, test::json(J({"lead_id": 999999}))).status, 404);
        QCOMPARE(send("POST", path, {}).status, 422);
    }

    void duplicateBulkAndPerformance()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 a = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "A", "body_text": "a"}))).json.value(QStringLiteral("id")).toInteger();
        const qint64 b = send("POST", QStringLiteral("/api/v1/templates"), test::json(J({"name": "B", "body_text": "b"}))).json.value(QStringLiteral("id")).toInteger();
        Reply copy = send("POST", QStringLiteral("/api/v1/templates/%1/duplicate").arg(a), {});
        QCOMPARE(copy.status, 201);
        QCOMPARE(copy.json.value(QStringLiteral("name")).toString(), QStringLiteral("A (copy)"));
        QCOMPARE(copy.json.value(QStringLiteral("is_active")).toBool(), false);
        QCOMPARE(copy.json.value(QStringLiteral("body_text")).toString(), QStringLiteral("a"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/templates/%1/duplicate").arg(a), {}).json.value(QStringLiteral("name")).toString(),
                 QStringLiteral("A (copy 2)"));

        Reply r = send("POST", QStringLiteral("/api/v1/templates/bulk"), {{QStringLiteral("ids"), QJsonArray{a, b}}, {QStringLiteral("action"), QStringLiteral("deactivate")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("affected")).toInt(), 2);
        QCOMPARE(get(QStringLiteral("/api/v1/templates?active=true")).json.value(QStringLiteral("items")).toArray().size(), 0);
        r = send("POST", QStringLiteral("/api/v1/templates/bulk"),
                 {{QStringLiteral("ids"), QJsonArray{a}}, {QStringLiteral("action"), QStringLiteral("categorise")}, {QStringLiteral("category"), QStringLiteral("intro")}});
        QCOMPARE(get(QStringLiteral("/api/v1/templates?category=intro")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/templates/bulk"), {{QStringLiteral("ids"), QJsonArray{a}}, {QStringLiteral("action"), QStringLiteral("explode")}}).status, 422);
        r = send("POST", QStringLiteral("/api/v1/templates/bulk"), {{QStringLiteral("ids"), QJsonArray{b}}, {QStringLiteral("action"), QStringLiteral("delete")}});
        QCOMPARE(r.json.value(QStringLiteral("affected")).toInt(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/templates/%1").arg(b)).status, 404);

        // Performance: zeros before any send; the rates from template_performance after.
        r = get(QStringLiteral("/api/v1/templates/%1/performance").arg(a));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("total_sent")).toInt(), 0);
        QCOMPARE(r.json.value(QStringLiteral("open_rate")).toDouble(), 0.0);
        QVERIFY(m_api->engine().database().execute(QStringLiteral("INSERT INTO template_performance (template_id, total_sent, total_opened, total_clicked, total_replied) "
                                                                  "VALUES (?, 300, 120, 31, 7)"),
                                                   {a}).ok());
        r = get(QStringLiteral("/api/v1/templates/%1/performance").arg(a));
        QCOMPARE(r.json.value(QStringLiteral("open_rate")).toDouble(), 40.0);
        QCOMPARE(r.json.value(QStringLiteral("click_rate")).toDouble(), 10.3);
        QCOMPARE(r.json.value(QStringLiteral("reply_rate")).toDouble(), 2.3);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/templates/%1").arg(a), {}).status, 204);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/templates/%1").arg(a), {}).status, 404);
    }
};

QTEST_MAIN(TestTemplatesApi)
#include "tst_templatesapi.moc"
