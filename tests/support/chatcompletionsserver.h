#pragma once
// ChatCompletionsServer: a local HTTP server speaking the OpenAI chat-completions API as
// OpenRouter documents it (POST {base}/chat/completions; a JSON completion with usage, or with
// "stream": true server-sent events of chat.completion.chunk objects, an OpenRouter keep-alive
// comment, a last chunk with usage, and "data: [DONE]"). Tests queue the turns it answers:
// a reply text, or a fault (a status with its error JSON and Retry-After, a malformed body, a
// delay, an error event mid-stream, a server that ignores "stream"). It records each request.
// Used by the AI tests in place of the provider (never a mock of our own client).

#include "fixturehttpserver.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>

namespace fliptech::test {

class ChatCompletionsServer final
{
public:
    struct Turn {
        QString content = QStringLiteral("Hello from the local model.");
        int status = 200;
        QByteArray rawBody;          // sent as is (a malformed answer, an error's own body)
        int retryAfterSeconds = -1;  // a Retry-After header
        int delayMs = 0;             // before anything is sent
        bool ignoreStream = false;   // answers JSON even when asked to stream
        bool errorMidStream = false; // streams half the text, then an error event
        qint64 promptTokens = -1;    // -1: counted (one token per four characters)
        qint64 completionTokens = -1;
        bool omitUsage = false;
    };
    struct Received {
        QJsonObject body;
        QHash<QByteArray, QByteArray> headers;
        qint64 atMs = 0; // since start()
    };

    bool start();
    // "http://127.0.0.1:PORT/api/v1" (as OpenRouter's https://openrouter.ai/api/v1).
    QString baseUrl() const;
    // Turns are answered in order; with none queued, the default turn answers.
    void queue(const Turn &turn);
    void setDefault(const Turn &turn);
    QList<Received> received() const;
    void clear();

private:
    FixtureHttpServer::Response answer(const FixtureHttpServer::Request &request);

    FixtureHttpServer m_http;
    mutable QMutex m_mutex;
    QList<Turn> m_turns;
    Turn m_default;
    QList<Received> m_received;
    QElapsedTimer m_clock;
    int m_generation = 0;
};

} // namespace fliptech::test
