#include "fliptech/ai/chatclient.h"

#include "fliptech/net/httpclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <mutex>

namespace fliptech::ai {

using core::ErrorCode;

QList<QByteArray> SseReader::feed(const QByteArray &piece)
{
    QList<QByteArray> events;
    m_buffer.append(piece);
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) { // the event ends
            if (!m_data.isEmpty())
                events.append(m_data);
            m_data.clear();
        } else if (line.startsWith("data:")) {
            QByteArray value = line.mid(5);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (!m_data.isEmpty())
                m_data.append('\n');
            m_data.append(value);
        } // comments (": OPENROUTER PROCESSING"), event:, id:, retry: carry nothing we use
    }
    m_buffer.remove(0, start);
    return events;
}

namespace {

QString providerMessage(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue e = o.value(QStringLiteral("error"));
    QString message = e.isObject() ? e.toObject().value(QStringLiteral("message")).toString() : e.toString();
    if (message.isEmpty())
        message = o.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(200)).simplified();
    return message.left(500);
}

void readUsage(const QJsonObject &usage, ChatReply &reply)
{
    if (usage.isEmpty())
        return;
    reply.usage.promptTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger();
    reply.usage.completionTokens = usage.value(QStringLiteral("completion_tokens")).toInteger();
    reply.usageReported = true;
    const QJsonValue cost = usage.value(QStringLiteral("cost"));
    if (cost.isDouble()) {
        // The provider's own figure is informative only; our price table decides what we count.
        if (auto pico = parseUsd(QString::number(cost.toDouble(), 'f', 12), QStringLiteral("usage.cost")))
            reply.providerCostPicodollars = *pico;
    }
}

core::Error unreadable(const QString &why)
{
    return core::makeError(ErrorCode::Unavailable, QStringLiteral("The AI provider's answer could not be read (%1). Check the base URL in Settings → AI: it must speak the OpenAI chat-completions API.").arg(why));
}

} // namespace

core::Error providerError(int status, const QByteArray &body, int attempts)
{
    const QString said = providerMessage(body);
    QJsonObject details{{QStringLiteral("provider_status"), status}, {QStringLiteral("provider_message"), said}};
    switch (status) {
    case 400:
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("The AI provider refused the request (400): %1").arg(said), details);
    case 401:
    case 403:
        // Forbidden, not Unauthorized: our API's own 401 means "sign in again" to its clients.
        details.insert(QStringLiteral("reason"), QStringLiteral("ai_key_refused"));
        return core::makeError(ErrorCode::Forbidden,
                               QStringLiteral("The AI provider refused the API key (%1): %2. Set a valid key in Settings → AI.").arg(status).arg(said), details);
    case 402:
        details.insert(QStringLiteral("reason"), QStringLiteral("ai_no_credit"));
        return core::makeError(ErrorCode::Forbidden,
                               QStringLiteral("The AI provider says the account has no credit left (402): %1. Add credit with the provider, or use the offline writer.").arg(said), details);
    case 404:
        return core::makeError(ErrorCode::NotFound, QStringLiteral("The AI provider does not know this model or address (404): %1").arg(said), details);
    case 429:
        return core::makeError(ErrorCode::RateLimited,
                               QStringLiteral("The AI provider is still rate-limiting after %1 attempts (429): %2. Try again in a minute.").arg(attempts).arg(said), details);
    default:
        return core::makeError(ErrorCode::Unavailable,
                               QStringLiteral("The AI provider failed (%1) after %2 attempts: %3").arg(status).arg(attempts).arg(said), details);
    }
}

core::Result<ChatReply> parseCompletion(int status, const QByteArray &body)
{
    if (status < 200 || status >= 300)
        return providerError(status, body, 1);
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(QStringLiteral("not JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject o = doc.object();
    if (o.contains(QStringLiteral("error")))
        return providerError(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(502), body, 1);
    const QJsonArray choices = o.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty() || !choices.first().isObject())
        return unreadable(QStringLiteral("no choices"));
    const QJsonObject choice = choices.first().toObject();
    const QJsonValue content = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
    if (!content.isString())
        return unreadable(QStringLiteral("choices[0].message.content is not text"));
    ChatReply reply;
    reply.content = content.toString();
    reply.model = o.value(QStringLiteral("model")).toString();
    reply.generationId = o.value(QStringLiteral("id")).toString();
    reply.finishReason = choice.value(QStringLiteral("finish_reason")).toString();
    readUsage(o.value(QStringLiteral("usage")).toObject(), reply);
    return reply;
}

core::Result<QString> applyStreamEvent(const QByteArray &data, ChatReply &reply)
{
    if (data.trimmed() == "[DONE]")
        return QString();
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(QStringLiteral("a streamed event is not JSON: %1").arg(pe.errorString()));
    const QJsonObject o = doc.object();
    if (o.contains(QStringLiteral("error"))) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("The AI provider stopped mid-answer: %1").arg(e.value(QStringLiteral("message")).toString()));
    }
    if (reply.model.isEmpty())
        reply.model = o.value(QStringLiteral("model")).toString();
    if (reply.generationId.isEmpty())
        reply.generationId = o.value(QStringLiteral("id")).toString();
    readUsage(o.value(QStringLiteral("usage")).toObject(), reply);
    QString added;
    for (const QJsonValue &c : o.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = c.toObject();
        added += choice.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
        if (const QString f = choice.value(QStringLiteral("finish_reason")).toString(); !f.isEmpty())
            reply.finishReason = f;
    }
    reply.content += added;
    return added;
}

QByteArray requestBody(const ChatRequest &request, bool stream)
{
    QJsonArray messages;
    for (const ChatMessage &m : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("temperature"), request.temperature},
                     {QStringLiteral("max_tokens"), request.maxTokens}};
    if (stream) {
        body.insert(QStringLiteral("stream"), true);
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

core::Result<ChatReply> ChatClient::complete(const ProviderConfig &config, const ChatRequest &request,
                                             const std::function<void(const QString &)> &onDelta)
{
    QString base = config.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QStringLiteral("/chat/completions"));
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("The AI base URL \"%1\" is not an http(s) address.").arg(config.baseUrl));

    net::HttpRequest http;
    http.url = url;
    http.method = "POST";
    http.headers = {{"Content-Type", "application/json"},
                    {"Accept", onDelta ? "text/event-stream" : "application/json"},
                    {"HTTP-Referer", "https://fliptech.example"},
                    {"X-Title", "FlipTech Pro"}};
    if (!config.apiKey.isEmpty())
        http.headers.append({"Authorization", "Bearer " + config.apiKey});
    http.body = requestBody(request, bool(onDelta));
    http.timeoutMs = config.timeoutMs;
    http.maxRetries = config.maxRetries;
    http.maxBodyBytes = 8 << 20;
    http.maxRedirects = 0;

    // Streaming: events read as they come; a retry starts again from nothing.
    struct Stream {
        std::mutex mutex;
        SseReader reader;
        ChatReply reply;
        int attempt = 0;
        std::optional<core::Error> error;
    };
    auto stream = std::make_shared<Stream>();
    if (onDelta) {
        http.onChunk = [stream, onDelta](int attempt, const QByteArray &piece) {
            std::lock_guard lock(stream->mutex);
            if (attempt != stream->attempt) {
                stream->attempt = attempt;
                stream->reader.reset();
                stream->reply = ChatReply();
                stream->error.reset();
            }
            if (stream->error)
                return;
            for (const QByteArray &data : stream->reader.feed(piece)) {
                auto added = applyStreamEvent(data, stream->reply);
                if (!added) {
                    stream->error = added.error();
                    return;
                }
                if (!added->isEmpty())
                    onDelta(*added);
            }
        };
    }

    QElapsedTimer timer;
    timer.start();
    const net::HttpResponse response = m_http.get(http);
    if (response.error) {
        const core::Error &e = *response.error;
        if (e.code == ErrorCode::Unavailable && e.message.contains(QLatin1String("no complete answer")))
            return core::makeError(ErrorCode::Unavailable,
                                   QStringLiteral("The AI provider did not answer within %1 s (%2 attempts). It may be overloaded: try again, or raise the timeout in Settings → AI.")
                                       .arg(config.timeoutMs / 1000).arg(response.attempts));
        return core::makeError(e.code, QStringLiteral("The AI provider could not be reached: %1").arg(e.message));
    }
    if (response.status < 200 || response.status >= 300)
        return providerError(response.status, response.body, response.attempts);

    ChatReply reply;
    if (onDelta) {
        std::lock_guard lock(stream->mutex);
        // A body that ended without a blank line still holds its last event.
        for (const QByteArray &data : stream->reader.feed("\n\n")) {
            auto added = applyStreamEvent(data, stream->reply);
            if (!added && !stream->error)
                stream->error = added.error();
            else if (added && !added->isEmpty())
                onDelta(*added);
        }
        if (stream->error)
            return *stream->error;
        if (!response.contentType.startsWith("text/event-stream")) {
            // A server that ignored stream: true answered in one piece.
            auto whole = parseCompletion(response.status, response.body);
            if (!whole)
                return whole.error();
            onDelta(whole->content);
            reply = *whole;
        } else {
            reply = stream->reply;
        }
    } else {
        auto parsed = parseCompletion(response.status, response.body);
        if (!parsed)
            return parsed.error();
        reply = *parsed;
    }
    reply.latencyMs = timer.elapsed();
    reply.attempts = response.attempts;
    if (reply.model.isEmpty())
        reply.model = request.model;
    return reply;
}

} // namespace fliptech::ai
