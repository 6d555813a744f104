// The AI provider client against a local server speaking the OpenAI chat-completions API
// (ChatCompletionsServer): plain and streamed answers, 429 with Retry-After, 5xx retried,
// 400/401/402 told plainly and not retried, malformed answers, a provider too slow, an error
// mid-stream, a server that ignores "stream"; and the SSE reader fed in pieces of any size.
#include "chatcompletionsserver.h"
#include "fliptech/ai/chatclient.h"
#include "fliptech/net/httpclient.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using namespace fliptech::ai;
using test::ChatCompletionsServer;
using core::ErrorCode;

class TestChatClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<net::HttpClient> m_http;
    ChatCompletionsServer m_server;

    ProviderConfig config(int timeoutMs = 10000, int retries = 2) const
    {
        ProviderConfig c;
        c.baseUrl = m_server.baseUrl() + QStringLiteral("/"); // a trailing slash as users type it
        c.apiKey = "sk-or-v1-test";
        c.timeoutMs = timeoutMs;
        c.maxRetries = retries;
        return c;
    }
    static ChatRequest request()
    {
        ChatRequest r;
        r.model = QStringLiteral("openai/gpt-4o-mini");
        r.temperature = 0.4;
        r.maxTokens = 300;
        r.messages = {{QStringLiteral("system"), QStringLiteral("You write short emails.")}, {QStringLiteral("user"), QStringLiteral("Write to Joe's Plumbing.")}};
        return r;
    }
    core::Result<ChatReply> complete(const ProviderConfig &c, std::function<void(const QString &)> onDelta = {})
    {
        ChatClient client(*m_http);
        return test::whileServing([&] { return client.complete(c, request(), onDelta); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        net::HttpClient::Options o;
        o.backoffBaseMs = 20; // retries quick in tests; Retry-After still honoured as sent
        m_http = std::make_unique<net::HttpClient>(o);
        QVERIFY(m_server.start());
    }
    void init()
    {
        m_server.clear();
        m_server.setDefault(ChatCompletionsServer::Turn{});
    }

    void plainCompletion()
    {
        ChatCompletionsServer::Turn t;
        t.content = QStringLiteral("{\"subject\": \"A few thoughts\", \"body\": \"Hi Joe\"}");
        t.promptTokens = 1234;
        t.completionTokens = 567;
        m_server.queue(t);
        auto reply = complete(config());
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(reply->content, t.content);
        QCOMPARE(reply->model, QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(reply->finishReason, QStringLiteral("stop"));
        QVERIFY(reply->usageReported);
        QCOMPARE(reply->usage.promptTokens, qint64(1234));
        QCOMPARE(reply->usage.completionTokens, qint64(567));
        QVERIFY(reply->generationId.startsWith(QStringLiteral("gen-")));
        QCOMPARE(reply->attempts, 1);

        // What went over the wire: the documented body and headers.
        const auto got = m_server.received();
        QCOMPARE(got.size(), 1);
        const QJsonObject body = got[0].body;
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("openai/gpt-4o-mini"));
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 300);
        QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(), 0.4);
        QVERIFY(!body.contains(QStringLiteral("stream")));
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages[1].toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Write to Joe's Plumbing."));
        QCOMPARE(got[0].headers.value("authorization"), QByteArray("Bearer sk-or-v1-test"));
        QVERIFY(got[0].headers.value("content-type").startsWith("application/json"));
        QCOMPARE(got[0].headers.value("x-title"), QByteArray("FlipTech Pro"));
    }

    void streamed()
    {
        ChatCompletionsServer::Turn t;
        t.content = QStringLiteral("Hi Joe, I had a look at your site and noticed a few things that cost you enquiries every week.");
        m_server.queue(t);
        QStringList pieces;
        QMutex mutex;
        auto reply = complete(config(), [&](const QString &d) {
            QMutexLocker lock(&mutex);
            pieces << d;
        });
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(reply->content, t.content);
        QCOMPARE(pieces.join(QString()), t.content);
        QVERIFY2(pieces.size() > 3, "the text arrives in pieces, as it is written");
        QVERIFY(reply->usageReported); // the last chunk's usage (stream_options.include_usage)
        QCOMPARE(reply->usage.completionTokens, qint64((t.content.size() + 3) / 4));
        const QJsonObject body = m_server.received().first().body;
        QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(), true);
        QCOMPARE(m_server.received().first().headers.value("accept"), QByteArray("text/event-stream"));
    }

    void streamAskedButAnsweredWhole()
    {
        ChatCompletionsServer::Turn t;
        t.content = QStringLiteral("One piece.");
        t.ignoreStream = true;
        m_server.queue(t);
        QStringList pieces;
        auto reply = complete(config(), [&](const QString &d) { pieces << d; });
        QVERIFY(reply);
        QCOMPARE(reply->content, QStringLiteral("One piece."));
        QCOMPARE(pieces, QStringList{QStringLiteral("One piece.")});
    }

    void errorMidStream()
    {
        ChatCompletionsServer::Turn t;
        t.content = QStringLiteral("one two three four five six seven eight");
        t.errorMidStream = true;
        m_server.queue(t);
        auto reply = complete(config(), [](const QString &) {});
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY2(reply.error().message.contains(QStringLiteral("Upstream provider disconnected")), qPrintable(reply.error().message));
    }

    void rateLimitedThenAnswered()
    {
        ChatCompletionsServer::Turn limited;
        limited.status = 429;
        limited.retryAfterSeconds = 1;
        m_server.queue(limited);
        m_server.queue(ChatCompletionsServer::Turn{});
        auto reply = complete(config());
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(reply->attempts, 2);
        const auto got = m_server.received();
        QCOMPARE(got.size(), 2);
        // Retry-After: 1 was waited out (the client's own backoff here is 20 ms).
        QVERIFY2(got[1].atMs - got[0].atMs >= 900, qPrintable(QString::number(got[1].atMs - got[0].atMs)));
    }

    void stillRateLimited()
    {
        ChatCompletionsServer::Turn limited;
        limited.status = 429;
        limited.retryAfterSeconds = 0;
        m_server.setDefault(limited);
        auto reply = complete(config(10000, 2));
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::RateLimited);
        QVERIFY2(reply.error().message.contains(QStringLiteral("3 attempts")), qPrintable(reply.error().message));
        QVERIFY(reply.error().message.contains(QStringLiteral("free-models-per-min")));
        QCOMPARE(m_server.received().size(), 3);
    }

    void serverErrorRetried()
    {
        ChatCompletionsServer::Turn failing;
        failing.status = 500;
        m_server.queue(failing);
        m_server.queue(ChatCompletionsServer::Turn{});
        auto reply = complete(config());
        QVERIFY(reply);
        QCOMPARE(reply->attempts, 2);

        m_server.clear();
        m_server.setDefault(failing);
        reply = complete(config(10000, 1));
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY2(reply.error().message.contains(QStringLiteral("(500) after 2 attempts")), qPrintable(reply.error().message));
        QCOMPARE(reply.error().details.value(QStringLiteral("provider_status")).toInt(), 500);
    }

    void clientErrorsNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("400 context too long") << 400 << int(ErrorCode::ValidationFailed) << "maximum context length";
        QTest::newRow("401 bad key") << 401 << int(ErrorCode::Forbidden) << "Set a valid key";
        QTest::newRow("402 no credit") << 402 << int(ErrorCode::Forbidden) << "no credit left";
        QTest::newRow("404 unknown model") << 404 << int(ErrorCode::NotFound) << "does not know this model";
    }
    void clientErrorsNotRetried()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(QString, says);
        ChatCompletionsServer::Turn t;
        t.status = status;
        m_server.setDefault(t);
        auto reply = complete(config());
        QVERIFY(!reply);
        QCOMPARE(int(reply.error().code), code);
        QVERIFY2(reply.error().message.contains(says), qPrintable(reply.error().message));
        QCOMPARE(m_server.received().size(), 1);
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("html error page") << QByteArray("<html><body>Bad gateway</body></html>") << "not JSON";
        QTest::newRow("truncated json") << QByteArray("{\"choices\": [{\"message\": {\"content\": \"Hi") << "not JSON";
        QTest::newRow("no choices") << QByteArray("{\"id\": \"x\", \"choices\": []}") << "no choices";
        QTest::newRow("content not text") << QByteArray("{\"choices\": [{\"message\": {\"content\": 42}}]}") << "not text";
        QTest::newRow("array") << QByteArray("[1, 2, 3]") << "not JSON";
    }
    void malformedAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        ChatCompletionsServer::Turn t;
        t.rawBody = body;
        m_server.queue(t);
        auto reply = complete(config());
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY2(reply.error().message.contains(says), qPrintable(reply.error().message));
        QVERIFY(reply.error().message.contains(QStringLiteral("base URL")));
    }

    void tooSlow()
    {
        ChatCompletionsServer::Turn slow;
        slow.delayMs = 3000;
        m_server.setDefault(slow);
        auto reply = complete(config(400, 0));
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY2(reply.error().message.contains(QStringLiteral("did not answer within")), qPrintable(reply.error().message));
    }

    void noServerThere()
    {
        ProviderConfig c = config(2000, 0);
        c.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
        auto reply = complete(c);
        QVERIFY(!reply);
        QVERIFY(reply.error().message.contains(QStringLiteral("could not be reached")));
    }

    void badBaseUrl()
    {
        ProviderConfig c = config();
        c.baseUrl = QStringLiteral("ftp://example.com");
        ChatClient client(*m_http);
        auto reply = client.complete(c, request());
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, ErrorCode::ValidationFailed);
    }

    void sseInPieces_data()
    {
        QTest::addColumn<int>("pieceSize");
        for (int n : {1, 2, 3, 7, 64, 100000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void sseInPieces()
    {
        QFETCH(int, pieceSize);
        const QByteArray stream = ": OPENROUTER PROCESSING\r\n\r\n"
                                  "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\r\n\r\n"
                                  "event: message\n"
                                  "data: {\"choices\":[{\"delta\":{\"content\":\"lo \\u00e9\"}}]}\n\n"
                                  "data: {\"choices\":[],\n"
                                  "data: \"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n"
                                  "data: [DONE]\n\n";
        SseReader reader;
        ChatReply reply;
        QStringList pieces;
        for (qsizetype i = 0; i < stream.size(); i += pieceSize)
            for (const QByteArray &data : reader.feed(stream.mid(i, pieceSize))) {
                auto added = applyStreamEvent(data, reply);
                QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
                if (!added->isEmpty())
                    pieces << *added;
            }
        QCOMPARE(reply.content, QStringLiteral("Hello \u00e9"));
        QCOMPARE(pieces.size(), 2);
        QVERIFY(reply.usageReported);
        QCOMPARE(reply.usage.promptTokens, qint64(5));
        QCOMPARE(reply.usage.completionTokens, qint64(2));
    }

    void badStreamEvent()
    {
        ChatReply reply;
        QVERIFY(!applyStreamEvent("{not json", reply));
        QVERIFY(applyStreamEvent("[DONE]", reply));
        auto e = applyStreamEvent("{\"error\":{\"message\":\"overloaded\"}}", reply);
        QVERIFY(!e);
        QVERIFY(e.error().message.contains(QStringLiteral("overloaded")));
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
