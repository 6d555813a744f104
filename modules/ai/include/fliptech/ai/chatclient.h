#pragma once
// The AI provider client (issue 12): OpenAI-compatible chat completions, OpenRouter by default,
// any base URL (OpenAI, a local llama.cpp or Ollama server) over the engine's HttpClient, so
// its limits, retries with backoff on 429/5xx (Retry-After honoured) and timeouts hold here too.
// Streaming reads server-sent events and hands each piece of text to the caller as it arrives.
// What goes wrong is told plainly: a refused key (401), no credit (402), a bad request or a
// prompt too long (400, with the provider's own words), still rate-limited, no answer in time, an
// answer that does not read.

#include "fliptech/ai/pricing.h"
#include "fliptech/core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace fliptech::net {
class HttpClient;
}

namespace fliptech::ai {

struct ProviderConfig {
    QString baseUrl = QStringLiteral("https://openrouter.ai/api/v1");
    QByteArray apiKey;
    int timeoutMs = 60000;
    int maxRetries = 3;
};

struct ChatMessage {
    QString role; // system, user, assistant
    QString content;
};

struct ChatRequest {
    QString model;
    QList<ChatMessage> messages;
    double temperature = 0.7;
    int maxTokens = 700;
};

struct ChatReply {
    QString content;
    QString model;        // as the provider answered it
    QString generationId;
    QString finishReason;
    Usage usage;
    bool usageReported = false;
    qint64 providerCostPicodollars = -1; // OpenRouter's usage.cost, when given
    qint64 latencyMs = 0;
    int attempts = 0;
};

// Reads server-sent events fed in pieces (lines may be split anywhere): the data of each event.
class SseReader final
{
public:
    QList<QByteArray> feed(const QByteArray &piece);
    void reset() { m_buffer.clear(); m_data.clear(); }

private:
    QByteArray m_buffer, m_data;
};

// The pieces, exposed for tests and the fuzz target.
// A complete (non-streamed) answer: status and body as received.
core::Result<ChatReply> parseCompletion(int status, const QByteArray &body);
// One streamed event's data into `reply` (content appended, usage taken); the text it added.
// An error event or unreadable data is an error.
core::Result<QString> applyStreamEvent(const QByteArray &data, ChatReply &reply);
// An HTTP error status and body as the error a person can act on.
core::Error providerError(int status, const QByteArray &body, int attempts);
// The request body sent.
QByteArray requestBody(const ChatRequest &request, bool stream);

class ChatClient final
{
public:
    explicit ChatClient(net::HttpClient &http) : m_http(http) {}
    // Blocks (a worker thread or a request handler, never the GUI thread). With `onDelta`, the
    // answer is streamed and each new piece of text is passed to it (on the HTTP client's
    // thread) as it arrives.
    core::Result<ChatReply> complete(const ProviderConfig &config, const ChatRequest &request,
                                     const std::function<void(const QString &delta)> &onDelta = {});

private:
    net::HttpClient &m_http;
};

} // namespace fliptech::ai
