#pragma once
// HttpFramer: the bytes of one connection, read as HTTP/1.1 requests (RFC 9112) before
// QHttpServer 6.4 sees them. It finds where each request head and body ends (Content-Length or
// chunked), so every request can be screened on its head alone: malformed framing (two
// Content-Lengths, Content-Length with Transfer-Encoding, bare LF line ends, a header line
// without a colon, a garbage request line) is a 400, an unsupported version a 505, an oversized
// head or too many fields a 431, and the server's own screen (Host, authentication, body size)
// runs before a byte of the body is accepted. Pure logic: no sockets, so it is tested and fuzzed
// on its own.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

namespace fliptech::api {

struct RequestHead {
    QByteArray raw;       // the head's bytes; method, target and headers are views into it
    QByteArrayView method;
    QByteArrayView target;
    int minorVersion = 1; // HTTP/1.x
    QList<QPair<QByteArrayView, QByteArrayView>> headers;
    std::optional<qint64> contentLength;
    bool chunked = false;
    bool wantsClose = false;      // Connection: close, or HTTP/1.0 without keep-alive
    bool expectsContinue = false; // Expect: 100-continue

    QByteArray header(QByteArrayView name) const;
    int count(QByteArrayView name) const;
    bool hasBody() const { return chunked || contentLength.value_or(0) > 0; }
};

// Why a request is refused, as the answer says it.
struct Refusal {
    int status = 400;
    QByteArray code;
    QString message;
    QByteArray extraHeaders; // "Retry-After: 5\r\n", ...
    QByteArray details = {}; // the error's details, as compact JSON text (empty: none)
};

class HttpFramer final
{
public:
    struct Limits {
        int maxHeadBytes = 16 * 1024;
        int maxHeaderFields = 100;
    };
    // Called once per complete head; returns a refusal, or the most body bytes it accepts.
    using Screen = std::function<std::optional<Refusal>(const RequestHead &head, qint64 *maxBodyBytes)>;

    struct Result {
        std::optional<Refusal> refusal; // set: answer it and close; nothing more is read
        int headsScreened = 0;
        int requestsCompleted = 0;
        bool continueWanted = false;    // a head that passed screening asked for 100 Continue
        bool closeRequested = false;    // a completed request asked to close after its answer
    };

    explicit HttpFramer(Limits limits) : m_limits(limits) {}
    HttpFramer() : HttpFramer(Limits{}) {}

    Result feed(const char *data, qsizetype size, const Screen &screen);
    Result feed(const QByteArray &data, const Screen &screen) { return feed(data.constData(), data.size(), screen); }

    // Between requests with nothing of the next one read yet.
    bool idle() const { return m_state == State::Head && m_head.isEmpty(); }
    bool inHead() const { return m_state == State::Head && !m_head.isEmpty(); }
    bool inBody() const { return m_state == State::Body || m_state == State::ChunkSize || m_state == State::ChunkData ||
                                 m_state == State::ChunkDataEnd || m_state == State::Trailers; }
    bool refused() const { return m_state == State::Refused; }
    qint64 bodyBytesSeen() const { return m_bodySeen; }

    // The head's bytes parsed on their own (exposed for tests and the fuzzer).
    static std::optional<Refusal> parseHead(const QByteArray &head, const Limits &limits, RequestHead *out);

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Refused };
    std::optional<Refusal> endOfHead(const Screen &screen, Result &result);
    void requestDone(Result &result);
    std::optional<Refusal> takeBody(qint64 n);

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_head;   // the head so far
    QByteArray m_line;   // a chunk-size or trailer line so far, or a chunk's closing CRLF
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodySeen = 0;
    qint64 m_maxBody = 0;
    bool m_closeAfter = false;
    bool m_afterCR = false; // an empty line's CR was read, its LF not yet
};

} // namespace fliptech::api
