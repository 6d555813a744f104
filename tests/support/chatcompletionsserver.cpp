#include "chatcompletionsserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fliptech::test {

namespace {
QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

qint64 tokensOf(const QString &text) { return text.isEmpty() ? 0 : (text.size() + 3) / 4; }

QByteArray errorBody(int status)
{
    QString message;
    switch (status) {
    case 400: message = QStringLiteral("This endpoint's maximum context length is 8192 tokens."); break;
    case 401: message = QStringLiteral("No auth credentials found"); break;
    case 402: message = QStringLiteral("Insufficient credits. Add more using https://openrouter.ai/credits"); break;
    case 429: message = QStringLiteral("Rate limit exceeded: free-models-per-min."); break;
    default: message = QStringLiteral("Internal Server Error"); break;
    }
    return json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}}}});
}
} // namespace

bool ChatCompletionsServer::start()
{
    m_clock.start();
    m_http.addScript("/api/v1/chat/completions", [this](const FixtureHttpServer::Request &r) { return answer(r); });
    return m_http.start();
}

QString ChatCompletionsServer::baseUrl() const { return m_http.baseUrl() + QStringLiteral("/api/v1"); }

void ChatCompletionsServer::queue(const Turn &turn)
{
    QMutexLocker lock(&m_mutex);
    m_turns.append(turn);
}

void ChatCompletionsServer::setDefault(const Turn &turn)
{
    QMutexLocker lock(&m_mutex);
    m_default = turn;
}

QList<ChatCompletionsServer::Received> ChatCompletionsServer::received() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

void ChatCompletionsServer::clear()
{
    QMutexLocker lock(&m_mutex);
    m_received.clear();
    m_turns.clear();
}

FixtureHttpServer::Response ChatCompletionsServer::answer(const FixtureHttpServer::Request &request)
{
    Turn turn;
    int generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        turn = m_turns.isEmpty() ? m_default : m_turns.takeFirst();
        generation = ++m_generation;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    {
        QMutexLocker lock(&m_mutex);
        m_received.append({body, request.headers, m_clock.elapsed()});
    }
    FixtureHttpServer::Response out;
    out.delayMs = turn.delayMs;
    out.contentType = "application/json";
    if (turn.retryAfterSeconds >= 0)
        out.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(turn.retryAfterSeconds)));
    if (request.method != "POST") {
        out.status = 405;
        out.body = errorBody(405);
        return out;
    }
    if (turn.status != 200 || !turn.rawBody.isEmpty()) {
        out.status = turn.status;
        out.body = turn.rawBody.isEmpty() ? errorBody(turn.status) : turn.rawBody;
        return out;
    }
    if (!body.value(QStringLiteral("model")).isString() || !body.value(QStringLiteral("messages")).isArray()) {
        out.status = 400;
        out.body = json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 400}, {QStringLiteral("message"), QStringLiteral("model and messages are required")}}}});
        return out;
    }
    const QString model = body.value(QStringLiteral("model")).toString();
    const QString id = QStringLiteral("gen-%1").arg(generation);
    qint64 promptTokens = turn.promptTokens;
    if (promptTokens < 0) {
        promptTokens = 0;
        for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray())
            promptTokens += tokensOf(m.toObject().value(QStringLiteral("content")).toString());
    }
    const qint64 completionTokens = turn.completionTokens >= 0 ? turn.completionTokens : tokensOf(turn.content);
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), promptTokens}, {QStringLiteral("completion_tokens"), completionTokens},
                            {QStringLiteral("total_tokens"), promptTokens + completionTokens}};
    const bool stream = body.value(QStringLiteral("stream")).toBool() && !turn.ignoreStream;
    if (!stream) {
        QJsonObject o{{QStringLiteral("id"), id},
                      {QStringLiteral("object"), QStringLiteral("chat.completion")},
                      {QStringLiteral("created"), 1764547200},
                      {QStringLiteral("model"), model},
                      {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                                          {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                                                                  {QStringLiteral("content"), turn.content}}},
                                                                          {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
        if (!turn.omitUsage)
            o.insert(QStringLiteral("usage"), usage);
        out.body = json(o);
        return out;
    }
    auto chunk = [&](const QJsonArray &choices, const QJsonObject &extra = {}) -> QByteArray {
        QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")}, {QStringLiteral("created"), 1764547200},
                      {QStringLiteral("model"), model}, {QStringLiteral("choices"), choices}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return "data: " + json(o) + "\n\n";
    };
    auto delta = [&](const QString &text, const QJsonValue &finish = QJsonValue::Null) -> QJsonArray {
        return QJsonArray{QJsonObject{{QStringLiteral("index"), 0}, {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), text}}},
                                      {QStringLiteral("finish_reason"), finish}}};
    };
    QByteArray sse = ": OPENROUTER PROCESSING\n\n";
    sse += chunk(QJsonArray{QJsonObject{{QStringLiteral("index"), 0}, {QStringLiteral("delta"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}}}}});
    // A piece a word (with its space), as providers stream.
    const QStringList words = turn.content.split(QLatin1Char(' '));
    const int upTo = turn.errorMidStream ? int(words.size()) / 2 : int(words.size());
    for (int i = 0; i < upTo; ++i)
        sse += chunk(delta(i == 0 ? words[i] : QLatin1Char(' ') + words[i]));
    if (turn.errorMidStream) {
        sse += "data: " + json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 502}, {QStringLiteral("message"), QStringLiteral("Upstream provider disconnected")}}}}) + "\n\n";
    } else {
        sse += chunk(delta(QString(), QStringLiteral("stop")));
        if (!turn.omitUsage)
            sse += chunk(QJsonArray{}, {{QStringLiteral("usage"), usage}});
        sse += "data: [DONE]\n\n";
    }
    out.contentType = "text/event-stream";
    out.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-cache")));
    out.body = sse;
    out.fault = FixtureHttpServer::Fault::SlowBody; // it arrives in pieces, as a stream does
    return out;
}

} // namespace fliptech::test
