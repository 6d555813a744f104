#include "fliptech/api/httpframer.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <cstring>

namespace fliptech::api {

namespace {

Refusal refuse(int status, const char *code, const QString &message)
{
    return Refusal{status, QByteArray(code), message, {}};
}

Refusal badRequest(const QString &message)
{
    return refuse(400, "bad_request", message);
}

// RFC 9110 token characters (method, header names).
bool isTchar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), isTchar);
}

bool hasControl(QByteArrayView s)
{
    return std::any_of(s.cbegin(), s.cend(), [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; });
}

bool containsToken(QByteArrayView list, const char *token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView part = (comma < 0 ? list : list.first(comma)).trimmed();
        if (part.compare(QByteArrayView(token), Qt::CaseInsensitive) == 0)
            return true;
        if (comma < 0)
            break;
        list = list.sliced(comma + 1);
    }
    return false;
}

} // namespace

QByteArray RequestHead::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second.toByteArray();
    return {};
}

int RequestHead::count(QByteArrayView name) const
{
    return int(std::count_if(headers.cbegin(), headers.cend(), [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; }));
}

std::optional<Refusal> HttpFramer::parseHead(const QByteArray &head, const Limits &limits, RequestHead *out)
{
    // `head` ends with CRLF CRLF; every line ends with CRLF (a bare LF was refused before).
    // Views into one shared copy: no allocation per line or header.
    out->raw = head;
    const QByteArrayView all = QByteArrayView(out->raw).first(out->raw.size() - 2); // keep the last line's CRLF
    qsizetype pos = 0;
    auto nextLine = [&all, &pos]() {
        const qsizetype nl = all.indexOf('\n', pos);
        const QByteArrayView line = all.sliced(pos, nl - pos - 1); // without CR LF
        pos = nl + 1;
        return line;
    };
    const QByteArrayView requestLine = nextLine();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    const bool threeParts = sp1 > 0 && sp2 > sp1 + 1 && requestLine.indexOf(' ', sp2 + 1) < 0;
    const QByteArrayView method = threeParts ? requestLine.first(sp1) : QByteArrayView();
    const QByteArrayView target = threeParts ? requestLine.sliced(sp1 + 1, sp2 - sp1 - 1) : QByteArrayView();
    const QByteArrayView version = threeParts ? requestLine.sliced(sp2 + 1) : QByteArrayView();
    if (!threeParts || !isToken(method) || target.isEmpty() || hasControl(target))
        return badRequest(QStringLiteral("the request line is not 'METHOD target HTTP/1.1'"));
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || !std::isdigit(static_cast<unsigned char>(version[5])) ||
        !std::isdigit(static_cast<unsigned char>(version[7])))
        return badRequest(QStringLiteral("the request line is not 'METHOD target HTTP/1.1'"));
    if (version[5] != '1')
        return refuse(505, "http_version_not_supported", QStringLiteral("%1 is not supported: use HTTP/1.1").arg(QString::fromLatin1(version)));
    out->method = method;
    out->target = target;
    out->minorVersion = version[7] - '0';
    for (int i = 1; pos < all.size(); ++i) {
        if (i > limits.maxHeaderFields)
            return refuse(431, "headers_too_large", QStringLiteral("more than %1 header fields").arg(limits.maxHeaderFields));
        const QByteArrayView line = nextLine();
        if (line.startsWith(' ') || line.startsWith('\t'))
            return badRequest(QStringLiteral("header line %1 is folded (obsolete line folding is not accepted)").arg(i));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return badRequest(QStringLiteral("header line %1 has no name and colon").arg(i));
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isToken(name))
            return badRequest(QStringLiteral("header line %1 has a malformed name").arg(i));
        if (hasControl(value))
            return badRequest(QStringLiteral("header '%1' holds control characters").arg(QString::fromLatin1(name.first(qMin<qsizetype>(60, name.size())))));
        out->headers.append({name, value});
    }

    // Framing: one unambiguous body length (RFC 9112 §6.3), or none.
    const int lengths = out->count("Content-Length");
    const int encodings = out->count("Transfer-Encoding");
    if (lengths > 1)
        return badRequest(QStringLiteral("more than one Content-Length"));
    if (lengths && encodings)
        return badRequest(QStringLiteral("both Content-Length and Transfer-Encoding: send one"));
    if (lengths) {
        const QByteArray v = out->header("Content-Length");
        if (v.isEmpty() || v.size() > 15 || !std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; }))
            return badRequest(QStringLiteral("Content-Length must be a non-negative number"));
        out->contentLength = v.toLongLong();
    }
    if (encodings) {
        if (encodings > 1 || out->header("Transfer-Encoding").compare("chunked", Qt::CaseInsensitive) != 0)
            return refuse(501, "not_implemented", QStringLiteral("only 'Transfer-Encoding: chunked' is supported"));
        if (out->minorVersion == 0)
            return badRequest(QStringLiteral("Transfer-Encoding is not part of HTTP/1.0"));
        out->chunked = true;
    }
    // Exactly one Host (HTTP/1.1 requires it; a second one is ambiguous).
    const int hosts = out->count("Host");
    if (hosts > 1 || (hosts == 0 && out->minorVersion == 1))
        return badRequest(hosts ? QStringLiteral("more than one Host header") : QStringLiteral("the Host header is missing"));

    const QByteArray connection = out->header("Connection");
    out->wantsClose = containsToken(connection, "close") || (out->minorVersion == 0 && !containsToken(connection, "keep-alive"));
    if (const QByteArray expect = out->header("Expect"); !expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
            return refuse(417, "expectation_failed", QStringLiteral("only 'Expect: 100-continue' is understood"));
        out->expectsContinue = out->minorVersion == 1;
    }
    return std::nullopt;
}

std::optional<Refusal> HttpFramer::endOfHead(const Screen &screen, Result &result)
{
    RequestHead head;
    if (auto refused = parseHead(m_head, m_limits, &head))
        return refused;
    m_head.clear();
    m_maxBody = std::numeric_limits<qint64>::max();
    if (screen)
        if (auto refused = screen(head, &m_maxBody))
            return refused;
    ++result.headsScreened;
    m_closeAfter = head.wantsClose;
    m_bodySeen = 0;
    if (head.contentLength && *head.contentLength > m_maxBody)
        return refuse(413, "payload_too_large", QStringLiteral("the body is larger than this endpoint accepts (%1 bytes at most)").arg(m_maxBody));
    if (head.expectsContinue && head.hasBody())
        result.continueWanted = true;
    if (head.chunked) {
        m_state = State::ChunkSize;
        m_line.clear();
    } else if (head.contentLength.value_or(0) > 0) {
        m_state = State::Body;
        m_remaining = *head.contentLength;
    } else {
        requestDone(result);
    }
    return std::nullopt;
}

void HttpFramer::requestDone(Result &result)
{
    ++result.requestsCompleted;
    result.closeRequested |= m_closeAfter;
    m_state = State::Head;
    m_head.clear();
}

std::optional<Refusal> HttpFramer::takeBody(qint64 n)
{
    m_bodySeen += n;
    if (m_bodySeen > m_maxBody)
        return refuse(413, "payload_too_large", QStringLiteral("the body is larger than this endpoint accepts (%1 bytes at most)").arg(m_maxBody));
    return std::nullopt;
}

HttpFramer::Result HttpFramer::feed(const char *data, qsizetype size, const Screen &screen)
{
    Result result;
    auto fail = [&](Refusal r) {
        m_state = State::Refused;
        result.refusal = std::move(r);
        return result;
    };
    qsizetype i = 0;
    while (i < size) {
        switch (m_state) {
        case State::Refused:
            return result;
        case State::Head: {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            if (m_head.isEmpty() && (data[i] == '\r' || data[i] == '\n')) {
                if (data[i] == '\n' && !m_afterCR)
                    return fail(badRequest(QStringLiteral("line ends must be CRLF")));
                m_afterCR = data[i] == '\r';
                ++i;
                continue;
            }
            m_afterCR = false;
            const void *nl = std::memchr(data + i, '\n', size_t(size - i));
            const qsizetype end = nl ? static_cast<const char *>(nl) - data + 1 : size;
            m_head.append(data + i, end - i);
            i = end;
            if (m_head.size() > m_limits.maxHeadBytes)
                return fail(refuse(431, "headers_too_large", QStringLiteral("the request head is larger than %1 KiB").arg(m_limits.maxHeadBytes / 1024)));
            if (!nl)
                continue;
            if (m_head.size() < 2 || m_head[m_head.size() - 2] != '\r') {
                return fail(badRequest(QStringLiteral("line ends must be CRLF")));
            }
            if (m_head.endsWith("\r\n\r\n"))
                if (auto refused = endOfHead(screen, result))
                    return fail(*refused);
            break;
        }
        case State::ChunkSize:
        case State::Trailers: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() > 4096)
                return fail(badRequest(QStringLiteral("a chunk-size or trailer line is longer than 4 KiB")));
            if (c != '\n')
                continue;
            if (!m_line.endsWith("\r\n"))
                return fail(badRequest(QStringLiteral("line ends must be CRLF")));
            const QByteArray line = m_line.left(m_line.size() - 2);
            m_line.clear();
            if (m_state == State::Trailers) {
                if (line.isEmpty())
                    requestDone(result);
                continue;
            }
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
            bool ok = false;
            const qint64 chunk = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || chunk < 0 || hex.isEmpty())
                return fail(badRequest(QStringLiteral("a chunk size is not a hexadecimal number")));
            if (chunk == 0) {
                m_state = State::Trailers;
            } else {
                m_state = State::ChunkData;
                m_remaining = chunk;
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 n = std::min<qint64>(m_remaining, size - i);
            if (auto refused = takeBody(n))
                return fail(*refused);
            m_remaining -= n;
            i += n;
            if (m_remaining > 0)
                break;
            if (m_state == State::Body) {
                requestDone(result);
            } else {
                m_state = State::ChunkDataEnd;
                m_line.clear();
            }
            break;
        }
        case State::ChunkDataEnd: {
            m_line.append(data[i++]);
            if (m_line.size() < 2)
                continue;
            if (m_line != "\r\n")
                return fail(badRequest(QStringLiteral("a chunk is longer than its size says")));
            m_line.clear();
            m_state = State::ChunkSize;
            break;
        }
        }
    }
    return result;
}

} // namespace fliptech::api
