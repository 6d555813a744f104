// AI through the API, on both backends, against a local server speaking the OpenAI
// chat-completions API (ChatCompletionsServer): settings with the key kept in the secret store
// and never shown, the email writer with the AI and with the offline writer (no key, provider
// away), drafts edited before sending, prompts with versions reaching the provider, exact costs
// (ai_calls in picodollars, `costs` rows in whole cents that add up), budgets refusing a call
// before it is made (with a notification), and the per-model performance figures.
#include "apiharness.h"
#include "chatcompletionsserver.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;
using Turn = test::ChatCompletionsServer::Turn;

class TestAiApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    std::unique_ptr<test::ChatCompletionsServer> m_provider;

    void start()
    {
        startApi();
        FT_STOP_IF_FAILED();
        m_provider = std::make_unique<test::ChatCompletionsServer>();
        QVERIFY(m_provider->start());
    }
    // The provider at the local server, with a key; the writing model priced at $1,000 per
    // million tokens ($0.001 a token) so that costs are easy to follow.
    void connectProvider()
    {
        Reply r = send("PUT", QStringLiteral("/api/v1/ai/settings"),
                       {{QStringLiteral("base_url"), m_provider->baseUrl()},
                        {QStringLiteral("api_key"), QStringLiteral("sk-or-v1-local")},
                        {QStringLiteral("models"), QJsonObject{{QStringLiteral("writing"), QStringLiteral("test/writer-1")}, {QStringLiteral("analysis"), QStringLiteral("test/writer-1")}}},
                        {QStringLiteral("max_tokens"), 100}},
                       QStringLiteral("admin"));
        FT_EXPECT(r.status == 200, r.body.constData());
        r = send("PUT", QStringLiteral("/api/v1/ai/prices"),
                 test::json(J({"prices": [{"model": "test/writer-1", "prompt_per_million": "1000", "completion_per_million": 1000}]})), QStringLiteral("admin"));
        FT_EXPECT(r.status == 200, r.body.constData());
    }
    qint64 lead()
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/leads"),
                             test::json(J({"name": "Joe Smith", "company": "Joe's Plumbing", "email": "joe@joesplumbing.example", "city": "Portland",
                                           "website": "http://joesplumbing.example/",
                                           "website_analysis": {"reachable": true, "https": false, "viewport": false, "title": "Joe's Plumbing",
                                                                "copyright_year": 2015, "prospect": {"score": 82}}})));
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    qint64 scalar(const QString &sql)
    {
        auto row = m_api->engine().database().selectOne(sql);
        return row ? row->value(0).toLongLong() : -1;
    }
    Reply write(qint64 leadId, const QJsonObject &extra = {})
    {
        QJsonObject body{{QStringLiteral("lead_id"), leadId}, {QStringLiteral("goal"), QStringLiteral("introduce")}, {QStringLiteral("tone"), QStringLiteral("friendly")},
                         {QStringLiteral("sender_name"), QStringLiteral("Sam Lee")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return send("POST", QStringLiteral("/api/v1/ai-mvp/generate-email"), body);
    }

private Q_SLOTS:
    void initTestCase() { qunsetenv("OPENROUTER_API_KEY"); }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_api.reset();
        m_provider.reset();
        m_tmp.reset();
    }

    void settingsKeepTheKeySecret()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = get(QStringLiteral("/api/v1/ai/settings"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("base_url")).toString(), QStringLiteral("https://openrouter.ai/api/v1"));
        QCOMPARE(r.json.value(QStringLiteral("api_key_set")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("key_source")).toString(), QStringLiteral("none"));
        QCOMPARE(r.json.value(QStringLiteral("online")).toBool(), false);
        QVERIFY(!r.json.value(QStringLiteral("models")).toObject().value(QStringLiteral("sentiment")).toString().isEmpty());

        // Mistakes, each named; nothing stored by a request with one.
        const QList<QPair<QByteArray, QString>> bad{
            {J({"temperature": 3}), QStringLiteral("temperature")},
            {J({"base_url": "ftp://example.com"}), QStringLiteral("base_url")},
            {J({"models": {"translation": "x/y"}}), QStringLiteral("models.translation")},
            {J({"models": {"writing": "has spaces in it"}}), QStringLiteral("models.writing")},
            {J({"max_tokens": 5}), QStringLiteral("max_tokens")},
            {J({"daily_budget_cents": -1}), QStringLiteral("daily_budget_cents")},
            {J({"budget_time_zone": "Mars/Olympus"}), QStringLiteral("budget_time_zone")},
            {J({"api_key": 42}), QStringLiteral("api_key")},
            {J({"max_tokens": 200, "colour": "red"}), QStringLiteral("colour")},
        };
        for (const auto &[body, field] : bad) {
            r = send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(body.constData()), QStringLiteral("admin"));
            QVERIFY2(r.status == 422, body.constData());
            QVERIFY2(r.details().contains(field), r.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT max_tokens FROM ai_settings")), qint64(700));

        // Only an admin changes them.
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(J({"max_tokens": 200})), QStringLiteral("user")).status, 403);

        r = send("PUT", QStringLiteral("/api/v1/ai/settings"),
                 test::json(J({"api_key": "sk-or-v1-secret", "temperature": 0.3, "daily_budget_cents": 500, "budget_time_zone": "America/Chicago"})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("api_key_set")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("key_source")).toString(), QStringLiteral("keychain"));
        QCOMPARE(r.json.value(QStringLiteral("temperature")).toDouble(), 0.3);
        QCOMPARE(r.json.value(QStringLiteral("daily_budget_cents")).toInt(), 500);
        QVERIFY(r.json.value(QStringLiteral("monthly_budget_cents")).isNull());
        QVERIFY2(!r.body.contains("sk-or-v1-secret"), r.body.constData());
        QCOMPARE(*m_api->secrets().read(QStringLiteral("ai/api_key")), QByteArray("sk-or-v1-secret"));
        QVERIFY(!get(QStringLiteral("/api/v1/ai/settings")).body.contains("sk-or-v1-secret"));

        // "" removes the key; null removes a budget.
        r = send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(J({"api_key": "", "daily_budget_cents": null})), QStringLiteral("admin"));
        QCOMPARE(r.json.value(QStringLiteral("api_key_set")).toBool(), false);
        QVERIFY(r.json.value(QStringLiteral("daily_budget_cents")).isNull());
    }

    void pricesAndPrompts()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = get(QStringLiteral("/api/v1/ai/prices"));
        QCOMPARE(r.status, 200);
        bool found = false;
        for (const QJsonValue &p : r.json.value(QStringLiteral("items")).toArray())
            if (p.toObject().value(QStringLiteral("model")).toString() == QLatin1String("openai/gpt-4o-mini")) {
                found = true;
                QCOMPARE(p.toObject().value(QStringLiteral("prompt_per_million")).toString(), QStringLiteral("0.15"));
                QCOMPARE(p.toObject().value(QStringLiteral("completion_per_million")).toString(), QStringLiteral("0.6"));
            }
        QVERIFY(found);
        r = send("PUT", QStringLiteral("/api/v1/ai/prices"), test::json(J({"prices": [{"model": "x/y", "prompt_per_million": "abc", "completion_per_million": "1"}]})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.message().contains(QStringLiteral("prices[0].prompt_per_million")), r.body.constData());
        r = send("PUT", QStringLiteral("/api/v1/ai/prices"),
                 test::json(J({"prices": [{"model": "x/y", "prompt_per_million": "0.5", "completion_per_million": "1.5", "request_usd": "0.001"}],
                               "remove": ["openai/gpt-4o"]})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT prompt_picodollars FROM ai_prices WHERE model = 'x/y'")), qint64(500000));
        QCOMPARE(scalar(QStringLiteral("SELECT request_picodollars FROM ai_prices WHERE model = 'x/y'")), qint64(1000000000));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_prices WHERE model = 'openai/gpt-4o'")), qint64(0));

        // Prompts: the shipped default as version 0, new versions on top, variables checked.
        r = get(QStringLiteral("/api/v1/ai/prompts"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 3);
        r = get(QStringLiteral("/api/v1/ai/prompts/email_writer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 1);
        const QJsonObject shipped = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(shipped.value(QStringLiteral("version")).toInt(), 0);
        QVERIFY(shipped.value(QStringLiteral("user_prompt")).toString().contains(QStringLiteral("{{lead}}")));
        QCOMPARE(get(QStringLiteral("/api/v1/ai/prompts/poetry")).status, 404);
        r = send("POST", QStringLiteral("/api/v1/ai/prompts/email_writer"), test::json(J({"system_prompt": "Be brief.", "user_prompt": "Write to {{leed}}."})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.message().contains(QStringLiteral("{{leed}}")), r.body.constData());
        for (int v = 1; v <= 2; ++v) {
            r = send("POST", QStringLiteral("/api/v1/ai/prompts/email_writer"),
                     {{QStringLiteral("system_prompt"), QStringLiteral("Be brief, version %1.").arg(v)}, {QStringLiteral("user_prompt"), QStringLiteral("Write to {{ lead }} about {{goal}}.")},
                      {QStringLiteral("note"), QStringLiteral("shorter")}},
                     QStringLiteral("admin"));
            QCOMPARE(r.status, 201);
            QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), v);
        }
        r = get(QStringLiteral("/api/v1/ai/prompts/email_writer"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 3);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("system_prompt")).toString(), QStringLiteral("Be brief, version 2."));
    }

    void offlineWriterWithoutAKey()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        Reply r = write(id);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
        QVERIFY2(r.json.value(QStringLiteral("notice")).toString().contains(QStringLiteral("No AI provider key")), r.body.constData());
        const QString body = r.json.value(QStringLiteral("body")).toString();
        QVERIFY2(body.contains(QStringLiteral("Hi Joe,")) && body.contains(QStringLiteral("Not secure")) && body.contains(QStringLiteral("2015")), qPrintable(body));
        QVERIFY(body.endsWith(QStringLiteral("Sam Lee")));
        QCOMPARE(r.json.value(QStringLiteral("cost_usd")).toString(), QStringLiteral("0"));
        QCOMPARE(m_provider->received().size(), 0);
        const qint64 draftId = r.json.value(QStringLiteral("id")).toInteger();

        // Stored, readable, editable before sending (and the edit is remembered).
        r = get(QStringLiteral("/api/v1/ai-mvp/drafts/%1").arg(draftId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("body")).toString(), body);
        QCOMPARE(r.json.value(QStringLiteral("edited")).toBool(), false);
        r = send("PUT", QStringLiteral("/api/v1/ai-mvp/drafts/%1").arg(draftId), test::json(J({"subject": "Your website, Joe"})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), QStringLiteral("Your website, Joe"));
        QCOMPARE(r.json.value(QStringLiteral("edited")).toBool(), true);
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/ai-mvp/drafts/%1").arg(draftId), test::json(J({"subject": "two\nlines"}))).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/ai-mvp/drafts/999999")).status, 404);

        // Mistakes in the request.
        QCOMPARE(send("POST", QStringLiteral("/api/v1/ai-mvp/generate-email"), test::json(J({"goal": "introduce"}))).status, 422);
        r = write(id, {{QStringLiteral("tone"), QStringLiteral("sarcastic")}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("tone")));
        QCOMPARE(write(999999).status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/ai-mvp/generate-email"), {{QStringLiteral("lead_id"), id}}, QStringLiteral("viewer")).status, 403);
    }

    void aiWriterThroughTheProvider()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        Turn t;
        t.content = QStringLiteral("```json\n{\"subject\": \"Joe, your site says Not secure\", \"body\": \"Hi Joe,\\n\\nI noticed your site is not on HTTPS.\\n\\nBest,\\nSam Lee\"}\n```");
        t.promptTokens = 1234;
        t.completionTokens = 56;
        m_provider->queue(t);
        Reply r = write(id);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("ai"));
        QCOMPARE(r.json.value(QStringLiteral("model")).toString(), QStringLiteral("test/writer-1"));
        QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), QStringLiteral("Joe, your site says Not secure"));
        QVERIFY(r.json.value(QStringLiteral("body")).toString().startsWith(QStringLiteral("Hi Joe,\n\nI noticed")));
        QVERIFY(!r.json.contains(QStringLiteral("notice")));
        // (1,234 + 56) tokens x $0.001 = $1.29, exactly.
        QCOMPARE(r.json.value(QStringLiteral("cost_usd")).toString(), QStringLiteral("1.29"));

        // What the provider was asked: the writing model, our settings, the lead and the findings.
        const auto asked = m_provider->received();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0].headers.value("authorization"), QByteArray("Bearer sk-or-v1-local"));
        QCOMPARE(asked[0].body.value(QStringLiteral("model")).toString(), QStringLiteral("test/writer-1"));
        QCOMPARE(asked[0].body.value(QStringLiteral("max_tokens")).toInt(), 100);
        const QString user = asked[0].body.value(QStringLiteral("messages")).toArray().at(1).toObject().value(QStringLiteral("content")).toString();
        QVERIFY2(user.contains(QStringLiteral("Joe's Plumbing")) && user.contains(QStringLiteral("Sam Lee")) && user.contains(QStringLiteral("introduce")), qPrintable(user));
        QVERIFY2(!user.contains(QStringLiteral("{{")), qPrintable(user));

        // The call, in picodollars; the costs row, in the whole cents it crossed.
        QCOMPARE(scalar(QStringLiteral("SELECT cost_picodollars FROM ai_calls WHERE status = 'ok'")), qint64(1290000000000));
        QCOMPARE(scalar(QStringLiteral("SELECT prompt_tokens FROM ai_calls WHERE status = 'ok'")), qint64(1234));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(amount_cents) FROM costs WHERE cost_type = 'ai_processing'")), qint64(129));
        QCOMPARE(scalar(QStringLiteral("SELECT related_entity_id FROM costs WHERE cost_type = 'ai_processing'")), id);

        // A new prompt version is what the next call sends.
        r = send("POST", QStringLiteral("/api/v1/ai/prompts/email_writer"),
                 test::json(J({"system_prompt": "You are terse.", "user_prompt": "Lead: {{lead}}. Goal: {{goal}}."})), QStringLiteral("admin"));
        QCOMPARE(r.status, 201);
        m_provider->clear();
        r = write(id, {{QStringLiteral("goal"), QStringLiteral("meeting")}});
        QCOMPARE(r.status, 201);
        const auto again = m_provider->received();
        QCOMPARE(again.size(), 1);
        const QJsonArray messages = again[0].body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("You are terse."));
        QVERIFY(messages.at(1).toObject().value(QStringLiteral("content")).toString().endsWith(QStringLiteral("Goal: meeting.")));
        // The default turn answers plain text, not JSON: the subject comes from the offline writer.
        QVERIFY(!r.json.value(QStringLiteral("subject")).toString().isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("body")).toString(), Turn().content);

        // Asking for the offline writer skips the provider.
        m_provider->clear();
        r = write(id, {{QStringLiteral("writer"), QStringLiteral("offline")}});
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
        QCOMPARE(m_provider->received().size(), 0);
    }

    void costsAddUpInCents()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        // Each call 2 + 2 tokens x $0.001 = $0.004; after 7 calls $0.028: 2 cents in costs, and
        // the spend figures exact.
        Turn t;
        t.promptTokens = 2;
        t.completionTokens = 2;
        m_provider->setDefault(t);
        QList<qint64> perCall;
        for (int i = 0; i < 7; ++i) {
            const Reply r = write(id);
            QCOMPARE(r.status, 201);
            QCOMPARE(r.json.value(QStringLiteral("cost_usd")).toString(), QStringLiteral("0.004"));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(cost_picodollars) FROM ai_calls")), qint64(28000000000));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM costs WHERE cost_type = 'ai_processing'")), qint64(2));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(amount_cents) FROM costs WHERE cost_type = 'ai_processing'")), qint64(2));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(cost_cents) FROM ai_calls")), qint64(2));
        const Reply s = get(QStringLiteral("/api/v1/ai/settings"));
        const QJsonObject spend = s.json.value(QStringLiteral("spend")).toObject();
        QCOMPARE(spend.value(QStringLiteral("today_usd")).toString(), QStringLiteral("0.028"));
        QCOMPARE(spend.value(QStringLiteral("month_usd")).toString(), QStringLiteral("0.028"));
        QCOMPARE(spend.value(QStringLiteral("total_usd")).toString(), QStringLiteral("0.028"));
        QCOMPARE(spend.value(QStringLiteral("today_cents")).toInt(), 2);
    }

    void budgetRefusesBeforeCalling()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        // 10 cents a day; a call may cost up to (prompt + 100 tokens) x $0.001 > 10 cents.
        Reply r = send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(J({"daily_budget_cents": 10})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = write(id);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.details().value(QStringLiteral("reason")).toString(), QStringLiteral("ai_budget"));
        QCOMPARE(r.details().value(QStringLiteral("period")).toString(), QStringLiteral("daily"));
        QVERIFY2(r.message().contains(QStringLiteral("daily budget")) && r.message().contains(QStringLiteral("offline writer")), r.body.constData());
        QCOMPARE(m_provider->received().size(), 0); // refused before anything was sent
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_calls WHERE status = 'refused'")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_drafts")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE type = 'ai_budget'")), qint64(1));
        // A second refusal the same day adds no second notification.
        QCOMPARE(write(id).status, 403);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE type = 'ai_budget'")), qint64(1));
        // The offline writer still works, and a larger budget lets the call through.
        QCOMPARE(write(id, {{QStringLiteral("writer"), QStringLiteral("offline")}}).status, 201);
        r = send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(J({"daily_budget_cents": 100000, "monthly_budget_cents": 10})), QStringLiteral("admin"));
        r = write(id);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.details().value(QStringLiteral("period")).toString(), QStringLiteral("monthly"));
        r = send("PUT", QStringLiteral("/api/v1/ai/settings"), test::json(J({"monthly_budget_cents": null})), QStringLiteral("admin"));
        r = write(id);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("ai"));
    }

    // The administrator's limit on AI tokens (usage limits): once a day's tokens are used, a call
    // is refused with 429 before the provider is asked, never silently written offline.
    void usageLimitOnTokensRefusesBeforeCalling()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        Reply r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"ai_tokens": {"daily_limit": 1}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = write(id); // nothing used yet: this one goes through and uses more than the limit
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("ai"));
        const qsizetype asked = m_provider->received().size();
        r = write(id);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.details().value(QStringLiteral("reason")).toString(), QStringLiteral("usage_limit"));
        QCOMPARE(r.details().value(QStringLiteral("metric")).toString(), QStringLiteral("ai_tokens"));
        QVERIFY2(r.message().contains(QStringLiteral("daily limit of 1 AI tokens")), r.body.constData());
        QCOMPARE(m_provider->received().size(), asked);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_calls WHERE status = 'refused'")), qint64(1));
        // The offline writer asks no provider, so no limit stops it; a higher limit lets calls through.
        QCOMPARE(write(id, {{QStringLiteral("writer"), QStringLiteral("offline")}}).status, 201);
        r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"ai_tokens": {"daily_limit": null, "monthly_limit": 1000000}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(write(id).status, 201);
    }

    void providerTroubleFallsBackOrIsTold()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        // Away (5xx after the retries): the offline writer, saying why.
        Turn failing;
        failing.status = 503;
        m_provider->setDefault(failing);
        Reply r = write(id);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
        QVERIFY2(r.json.value(QStringLiteral("notice")).toString().contains(QStringLiteral("could not be reached")), r.body.constData());
        QVERIFY(m_provider->received().size() >= 2); // retried first
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_calls WHERE status = 'failed'")), qint64(1));

        // A refused key is for the user to fix: told, as 403 (never 401: that means "sign in").
        Turn refused;
        refused.status = 401;
        m_provider->setDefault(refused);
        r = write(id);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.details().value(QStringLiteral("reason")).toString(), QStringLiteral("ai_key_refused"));
        QVERIFY(r.message().contains(QStringLiteral("Settings")));
        Turn credit;
        credit.status = 402;
        m_provider->setDefault(credit);
        r = write(id);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.details().value(QStringLiteral("reason")).toString(), QStringLiteral("ai_no_credit"));
    }

    void analyzeWebsiteWithSummary()
    {
        start();
        FT_STOP_IF_FAILED();
        // The site to analyse, on a local server.
        test::FixtureHttpServer site;
        QVERIFY(site.start());
        test::FixtureHttpServer::Response page;
        page.body = "<html><head><title>Joe's Plumbing</title></head><body><p>Call us</p><footer>&copy; 2014 Joe's Plumbing</footer></body></html>";
        site.addResponse("/", page);
        const QJsonObject request{{QStringLiteral("url"), QString(site.baseUrl() + QStringLiteral("/"))}};
        Reply r = send("POST", QStringLiteral("/api/v1/ai-mvp/analyze-website"), request);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("reachable")).toBool(), true);
        QJsonObject ai = r.json.value(QStringLiteral("ai")).toObject();
        QCOMPARE(ai.value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
        QVERIFY2(ai.value(QStringLiteral("summary")).toString().contains(QStringLiteral("Prospect score")), r.body.constData());
        QVERIFY(!ai.value(QStringLiteral("pitch_angles")).toArray().isEmpty());

        connectProvider();
        FT_STOP_IF_FAILED();
        Turn t;
        t.content = QStringLiteral("{\"summary\": \"An old, insecure site.\", \"pitch_angles\": [{\"title\": \"Security\", \"pitch\": \"Move to HTTPS.\"}]}");
        m_provider->queue(t);
        r = send("POST", QStringLiteral("/api/v1/ai-mvp/analyze-website"), request);
        QCOMPARE(r.status, 200);
        ai = r.json.value(QStringLiteral("ai")).toObject();
        QCOMPARE(ai.value(QStringLiteral("writer")).toString(), QStringLiteral("ai"));
        QCOMPARE(ai.value(QStringLiteral("summary")).toString(), QStringLiteral("An old, insecure site."));
        QCOMPARE(ai.value(QStringLiteral("pitch_angles")).toArray().first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Security"));
        const QString asked = m_provider->received().first().body.value(QStringLiteral("messages")).toArray().at(1).toObject().value(QStringLiteral("content")).toString();
        QVERIFY2(asked.contains(QStringLiteral("2014")), qPrintable(asked)); // the findings went to the model

        // summary: false is the analysis alone.
        m_provider->clear();
        r = send("POST", QStringLiteral("/api/v1/ai-mvp/analyze-website"), {{QStringLiteral("url"), request.value(QStringLiteral("url"))}, {QStringLiteral("summary"), false}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(QStringLiteral("ai")));
        QCOMPARE(m_provider->received().size(), 0);
    }

    void performancePerModel()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        const qint64 id = lead();
        FT_STOP_IF_FAILED();
        // Latencies the provider decides: 100, 200, ... 500 ms (+ our overhead).
        for (int i = 1; i <= 5; ++i) {
            Turn t;
            t.delayMs = 100 * i;
            t.promptTokens = 10;
            t.completionTokens = 10;
            m_provider->queue(t);
            QCOMPARE(write(id).status, 201);
        }
        QCOMPARE(write(id, {{QStringLiteral("writer"), QStringLiteral("offline")}}).status, 201);
        // One AI draft sent (as the inbox will mark it), one edited.
        const qint64 firstDraft = scalar(QStringLiteral("SELECT MIN(id) FROM ai_drafts"));
        QVERIFY(m_api->engine().database().execute(QStringLiteral("UPDATE ai_drafts SET status = 'sent' WHERE id = ?"), {firstDraft}));

        Reply r = get(QStringLiteral("/api/v1/ai-mvp/performance"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QJsonObject writer, offline;
        for (const QJsonValue &m : r.json.value(QStringLiteral("models")).toArray()) {
            if (m.toObject().value(QStringLiteral("model")).toString() == QLatin1String("test/writer-1"))
                writer = m.toObject();
            if (m.toObject().value(QStringLiteral("model")).toString() == QLatin1String("offline"))
                offline = m.toObject();
        }
        QCOMPARE(writer.value(QStringLiteral("calls")).toInt(), 5);
        QCOMPARE(writer.value(QStringLiteral("ok")).toInt(), 5);
        QCOMPARE(writer.value(QStringLiteral("cost_usd")).toString(), QStringLiteral("0.1")); // 5 x 20 tokens x $0.001
        const qint64 p50 = writer.value(QStringLiteral("latency_p50_ms")).toInteger(), p95 = writer.value(QStringLiteral("latency_p95_ms")).toInteger();
        QVERIFY2(p50 >= 300 && p50 < 500, qPrintable(QString::number(p50))); // the 3rd of 5
        QVERIFY2(p95 >= 500, qPrintable(QString::number(p95)));             // the 5th
        QCOMPARE(writer.value(QStringLiteral("drafts")).toInt(), 5);
        QCOMPARE(writer.value(QStringLiteral("drafts_sent")).toInt(), 1);
        QCOMPARE(writer.value(QStringLiteral("acceptance_rate")).toDouble(), 0.2);
        QCOMPARE(offline.value(QStringLiteral("drafts")).toInt(), 1);

        // A range with nothing in it; a range that does not read.
        r = get(QStringLiteral("/api/v1/ai-mvp/performance?from=2020-01-01&to=2020-02-01"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("models")).toArray().size(), 0);
        r = get(QStringLiteral("/api/v1/ai-mvp/performance?from=last%20tuesday"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("from")));
    }
};

QTEST_MAIN(TestAiApi)
#include "tst_aiapi.moc"
