#include "fliptech/mail/message.h"

#include "fliptech/mail/htmltext.h"
#include "fliptech/net/charset.h"

#include <QRegularExpression>

namespace fliptech::mail {

using core::ErrorCode;

namespace {

constexpr qsizetype maxMessageBytes = 50 << 20;
constexpr int maxDepth = 20;
constexpr int maxParts = 2000;

// The header block and where the body begins.
qsizetype headerEnd(const QByteArray &raw, qsizetype from, qsizetype *bodyStart)
{
    const qsizetype crlf = raw.indexOf("\r\n\r\n", from);
    const qsizetype lf = raw.indexOf("\n\n", from);
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        *bodyStart = crlf + 4;
        return crlf;
    }
    if (lf >= 0) {
        *bodyStart = lf + 2;
        return lf;
    }
    *bodyStart = raw.size();
    return raw.size();
}

// Unfolded header lines: name (lower-case) -> values in order.
QList<QPair<QByteArray, QByteArray>> parseHeaders(const QByteArray &block)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if ((line.front() == ' ' || line.front() == '\t') && !out.isEmpty()) {
            out.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a header line (an mbox "From " line, damage): skipped
        out.append(qMakePair(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()));
    }
    return out;
}

QByteArray first(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &h : headers)
        if (h.first == name)
            return h.second;
    return {};
}

// "text/plain; charset="utf-8"; format=flowed" -> type and parameters (lower-case names;
// RFC 2231 continuations and charset'lang'percent-encoding joined and decoded).
struct ContentType {
    QByteArray type; // lower-case
    QHash<QByteArray, QString> params;
};

ContentType parseContentType(const QByteArray &value)
{
    ContentType ct;
    const QList<QByteArray> parts = [&] {
        // Split on ';' outside quotes.
        QList<QByteArray> list;
        QByteArray cur;
        bool quoted = false;
        for (char c : value) {
            if (c == '"')
                quoted = !quoted;
            if (c == ';' && !quoted) {
                list << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        list << cur;
        return list;
    }();
    ct.type = parts.value(0).trimmed().toLower();
    QHash<QByteArray, QMap<int, QByteArray>> continued;
    QHash<QByteArray, bool> extended;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype eq = parts[i].indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray name = parts[i].left(eq).trimmed().toLower();
        QByteArray v = parts[i].mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2).replace("\\\"", "\"");
        // RFC 2231: name*0*=..., name*1=..., name*=charset'lang'value
        const qsizetype star = name.indexOf('*');
        if (star > 0) {
            const QByteArray base = name.left(star);
            const QByteArray rest = name.mid(star + 1);
            const bool enc = rest.endsWith('*') || rest.isEmpty();
            const int index = rest.isEmpty() ? 0 : rest.left(rest.endsWith('*') ? rest.size() - 1 : rest.size()).toInt();
            continued[base].insert(index, v);
            if (index == 0)
                extended[base] = enc;
            continue;
        }
        ct.params.insert(name, decodeEncodedWords(v));
    }
    for (auto it = continued.begin(); it != continued.end(); ++it) {
        QByteArray joined;
        for (const QByteArray &piece : it.value())
            joined += piece;
        if (extended.value(it.key())) {
            const qsizetype q1 = joined.indexOf('\''), q2 = q1 < 0 ? -1 : joined.indexOf('\'', q1 + 1);
            const QString charset = q1 > 0 ? QString::fromLatin1(joined.left(q1)) : QStringLiteral("utf-8");
            const QByteArray bytes = QByteArray::fromPercentEncoding(q2 >= 0 ? joined.mid(q2 + 1) : joined);
            ct.params.insert(it.key(), QString::fromUtf8(net::toUtf8(bytes, charset)));
        } else {
            ct.params.insert(it.key(), decodeEncodedWords(joined));
        }
    }
    return ct;
}

QByteArray decodeTransfer(const QByteArray &data, const QByteArray &encoding)
{
    const QByteArray e = encoding.trimmed().toLower();
    if (e == "base64") {
        QByteArray clean;
        clean.reserve(data.size());
        for (char c : data)
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')
                clean += c;
        return QByteArray::fromBase64(clean);
    }
    if (e == "quoted-printable")
        return decodeQuotedPrintable(data);
    return data;
}

QString decodeText(const QByteArray &bytes, const QString &charset)
{
    const QString cs = charset.trimmed().isEmpty() ? (QString::fromUtf8(bytes).toUtf8() == bytes ? QStringLiteral("utf-8") : QStringLiteral("windows-1252"))
                                                   : charset;
    QString text = QString::fromUtf8(net::toUtf8(bytes, cs));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return text;
}

struct Walk {
    ParsedMessage &out;
    int parts = 0;
};

void walk(Walk &w, const QByteArray &raw, qsizetype begin, qsizetype end, int depth, bool topLevel)
{
    if (++w.parts > maxParts || depth > maxDepth)
        return;
    qsizetype bodyStart = 0;
    const QByteArray slice = raw.mid(begin, end - begin);
    const qsizetype hEnd = headerEnd(slice, 0, &bodyStart);
    const auto headers = parseHeaders(slice.left(hEnd));
    if (topLevel)
        for (const auto &h : headers)
            if (!w.out.headers.contains(h.first))
                w.out.headers.insert(h.first, h.second);
    ContentType ct = parseContentType(first(headers, "content-type"));
    if (ct.type.isEmpty())
        ct.type = "text/plain";
    const ContentType disposition = parseContentType(first(headers, "content-disposition"));
    const QByteArray body = slice.mid(bodyStart);

    if (ct.type.startsWith("multipart/")) {
        const QByteArray boundary = ct.params.value("boundary").toUtf8();
        if (boundary.isEmpty()) {
            w.out.text += decodeText(body, QString());
            return;
        }
        const QByteArray marker = "--" + boundary;
        // Part starts: after each "--boundary" line; the last ends at "--boundary--".
        qsizetype pos = body.startsWith(marker) ? 0 : body.indexOf(QByteArray("\n" + marker));
        if (pos > 0)
            ++pos;
        while (pos >= 0 && pos < body.size()) {
            qsizetype lineEnd = body.indexOf('\n', pos);
            if (body.mid(pos + marker.size(), 2) == "--" || lineEnd < 0)
                break;
            const qsizetype partStart = lineEnd + 1;
            qsizetype next = body.indexOf(QByteArray("\n" + marker), partStart - 1);
            qsizetype partEnd = next < 0 ? body.size() : next;
            if (partEnd > partStart && body.at(partEnd - 1) == '\r')
                --partEnd;
            // An empty header block: the part begins with its blank line.
            const QByteArray part = body.mid(partStart, qMax<qsizetype>(0, partEnd - partStart));
            const QByteArray withHeaders = part.startsWith("\r\n") || part.startsWith('\n') ? QByteArray("Content-Type: text/plain\n") + part : part;
            walk(w, withHeaders, 0, withHeaders.size(), depth + 1, false);
            pos = next < 0 ? -1 : next + 1;
        }
        return;
    }

    const QByteArray data = decodeTransfer(body, first(headers, "content-transfer-encoding"));
    QString filename = disposition.params.value("filename");
    if (filename.isEmpty())
        filename = ct.params.value("name");
    const bool attachment = disposition.type == "attachment" || (!filename.isEmpty() && !ct.type.startsWith("text/"))
                            || (!ct.type.startsWith("text/") && ct.type != "message/delivery-status");
    if (attachment) {
        w.out.attachments.append({filename.isEmpty() ? QStringLiteral("part-%1").arg(w.parts) : filename.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1),
                                  QString::fromLatin1(ct.type), data});
        return;
    }
    const QString text = decodeText(data, ct.params.value("charset"));
    if (ct.type == "text/html") {
        if (w.out.html.isEmpty())
            w.out.html = text;
    } else if (ct.type == "text/plain" || ct.type.startsWith("text/")) {
        if (!filename.isEmpty() && disposition.type == "attachment")
            w.out.attachments.append({filename, QString::fromLatin1(ct.type), data});
        else if (w.out.text.isEmpty())
            w.out.text = text;
    }
}

QString autoReplyReason(const ParsedMessage &m)
{
    const QByteArray autoSubmitted = m.headers.value("auto-submitted").trimmed().toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
        return QStringLiteral("Auto-Submitted: ") + QString::fromLatin1(autoSubmitted);
    for (const char *h : {"x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply", "x-autogenerated", "x-mail-autoreply"})
        if (m.headers.contains(h))
            return QString::fromLatin1(h);
    if (m.headers.value("x-auto-response-suppress").toLower().contains("oof") || m.headers.value("x-ms-exchange-inbox-rules-loop").size())
        return QStringLiteral("Exchange out-of-office");
    const QByteArray precedence = m.headers.value("precedence").trimmed().toLower();
    if (precedence == "auto_reply" || precedence == "bulk" || precedence == "junk")
        return QStringLiteral("Precedence: ") + QString::fromLatin1(precedence);
    static const QRegularExpression subject(QStringLiteral(R"(^(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|vacation reply)|^(out of (the )?office|away from (the )?office|on vacation|on leave)\s*(:|auto[- ]?reply|reply|$)|\((automatic response|auto[- ]?reply)\)\s*$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString s = m.subject.trimmed();
    static const QRegularExpression prefix(QStringLiteral(R"(^((re|aw|sv|fw|fwd)\s*:\s*)+)"), QRegularExpression::CaseInsensitiveOption);
    s.remove(prefix);
    if (subject.match(s).hasMatch())
        return QStringLiteral("subject: ") + m.subject.trimmed().left(80);
    static const QRegularExpression body(QStringLiteral(R"(\b(I am|I'm|I will be) (currently )?(out of (the )?office|away from (the )?office|on (annual )?leave|on vacation|on holiday)|\bthis is an automated (reply|response|message)|\bauto(matic|mated)? reply\b)"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (body.match(QStringView(m.text).left(2000)).hasMatch())
        return QStringLiteral("text of an out-of-office reply");
    return {};
}

} // namespace

QByteArray decodeQuotedPrintable(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < data.size() && data.at(i + 1) == '\n') { // soft break
            ++i;
            continue;
        }
        if (i + 2 < data.size() && data.at(i + 1) == '\r' && data.at(i + 2) == '\n') {
            i += 2;
            continue;
        }
        const int hi = i + 1 < data.size() ? hex(data.at(i + 1)) : -1, lo = i + 2 < data.size() ? hex(data.at(i + 2)) : -1;
        if (hi >= 0 && lo >= 0) {
            out += char(hi * 16 + lo);
            i += 2;
        } else {
            out += c; // a stray "=" stays
        }
    }
    return out;
}

QString decodeEncodedWords(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=)"));
    const QString v = QString::fromUtf8(net::toUtf8(value, QString::fromUtf8(value).toUtf8() == value ? QStringLiteral("utf-8") : QStringLiteral("windows-1252")));
    QString out;
    qsizetype at = 0;
    bool lastWasWord = false;
    for (auto it = word.globalMatch(v); it.hasNext();) {
        const auto m = it.next();
        const QStringView between = QStringView(v).mid(at, m.capturedStart() - at);
        // Whitespace between two encoded words is not shown (RFC 2047 6.2).
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += between;
        QString charset = m.captured(1);
        charset = charset.section(QLatin1Char('*'), 0, 0); // RFC 2231 language suffix
        QByteArray bytes = m.captured(3).toLatin1();
        if (m.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0) {
            bytes = QByteArray::fromBase64(bytes);
        } else {
            bytes.replace('_', ' ');
            bytes = decodeQuotedPrintable(bytes);
        }
        out += QString::fromUtf8(net::toUtf8(bytes, charset));
        at = m.capturedEnd();
        lastWasWord = true;
    }
    out += QStringView(v).mid(at);
    return out;
}

QList<Address> parseAddressList(const QByteArray &value)
{
    QList<Address> out;
    // Split on commas outside quotes and angle brackets.
    QList<QByteArray> items;
    QByteArray cur;
    bool quoted = false;
    int angle = 0;
    for (char c : value) {
        if (c == '"')
            quoted = !quoted;
        else if (c == '<' && !quoted)
            ++angle;
        else if (c == '>' && !quoted && angle > 0)
            --angle;
        if ((c == ',' || c == ';') && !quoted && angle == 0) {
            items << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    items << cur;
    for (QByteArray item : items) {
        item = item.trimmed();
        if (item.isEmpty())
            continue;
        Address a;
        const qsizetype lt = item.lastIndexOf('<'), gt = item.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            a.email = QString::fromUtf8(item.mid(lt + 1, gt - lt - 1)).trimmed();
            QByteArray name = item.left(lt).trimmed();
            if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
                name = name.mid(1, name.size() - 2).replace("\\\"", "\"");
            a.name = decodeEncodedWords(name).trimmed();
        } else {
            // "a@x (Name)"
            const qsizetype paren = item.indexOf('(');
            a.email = QString::fromUtf8(paren > 0 ? item.left(paren) : item).trimmed();
            if (paren > 0 && item.endsWith(')'))
                a.name = decodeEncodedWords(item.mid(paren + 1, item.size() - paren - 2)).trimmed();
        }
        if (a.email.contains(QLatin1Char('@')))
            out.append(a);
    }
    return out;
}

QString bracketedMessageId(const QString &id)
{
    return id.isEmpty() || id.startsWith(u'<') ? id : u'<' + id + u'>';
}

QStringList parseMessageIds(const QByteArray &value)
{
    QStringList out;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lt = value.indexOf('<', at);
        if (lt < 0)
            break;
        const qsizetype gt = value.indexOf('>', lt + 1);
        if (gt < 0)
            break;
        const QString id = QString::fromUtf8(value.mid(lt + 1, gt - lt - 1)).trimmed();
        if (!id.isEmpty() && !id.contains(QLatin1Char(' ')))
            out << id;
        at = gt + 1;
    }
    if (out.isEmpty()) {
        // Some clients leave the brackets out.
        const QString bare = QString::fromUtf8(value).trimmed();
        if (bare.contains(QLatin1Char('@')) && !bare.contains(QLatin1Char(' ')))
            out << bare;
    }
    return out;
}

QString normalizeSubject(const QString &subject)
{
    static const QRegularExpression prefix(QStringLiteral(R"(^\s*((re|aw|sv|vs|ref|fw|fwd|wg|tr|rv|antw)(\[\d+\])?\s*:\s*|\[[^\]]{1,30}\]\s*)+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString s = subject;
    s.remove(prefix);
    return s.simplified().toLower();
}

core::Result<ParsedMessage> parseMessage(const QByteArray &raw)
{
    if (raw.size() > maxMessageBytes)
        return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("The message is %1 MB; at most 50 MB is read.").arg(raw.size() >> 20));
    qsizetype bodyStart = 0;
    const qsizetype hEnd = headerEnd(raw, 0, &bodyStart);
    const auto headers = parseHeaders(raw.left(hEnd));
    bool any = false;
    for (const auto &h : headers)
        if (h.first == "from" || h.first == "message-id" || h.first == "subject" || h.first == "date" || h.first == "content-type")
            any = true;
    if (!any)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("This is not an e-mail message: it has none of the headers From, Subject, Date, "
                                                                            "Message-ID or Content-Type before its first blank line."));
    ParsedMessage m;
    Walk w{m};
    walk(w, raw, 0, raw.size(), 0, true);
    const auto header = [&](const char *name) { return m.headers.value(name); };
    m.messageId = parseMessageIds(header("message-id")).value(0);
    m.inReplyTo = parseMessageIds(header("in-reply-to")).value(0);
    m.references = parseMessageIds(header("references"));
    m.from = parseAddressList(header("from")).value(0);
    m.replyTo = parseAddressList(header("reply-to")).value(0);
    m.to = parseAddressList(header("to"));
    m.cc = parseAddressList(header("cc"));
    m.subject = decodeEncodedWords(header("subject")).simplified();
    {
        QByteArray d = header("date").simplified();
        const qsizetype paren = d.indexOf('(');
        if (paren > 0)
            d = d.left(paren).trimmed(); // "... +0000 (UTC)"
        QDateTime t = QDateTime::fromString(QString::fromLatin1(d), Qt::RFC2822Date);
        if (!t.isValid() && d.size() > 5 && d.at(3) == ',')
            t = QDateTime::fromString(QString::fromLatin1(d.mid(5)), Qt::RFC2822Date);
        m.date = t.isValid() ? t.toUTC() : QDateTime();
    }
    if (m.text.trimmed().isEmpty() && !m.html.isEmpty())
        m.text = htmlToText(m.html);
    m.autoReplyReason = autoReplyReason(m);
    m.autoReply = !m.autoReplyReason.isEmpty();
    return m;
}

} // namespace fliptech::mail
