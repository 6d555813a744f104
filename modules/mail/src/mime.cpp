#include "fliptech/mail/mime.h"

#include <QRandomGenerator>
#include <QStringList>

namespace fliptech::mail {

namespace {

bool isAsciiText(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return !s.contains(QLatin1String("=?"));
}

// No header may carry a line break of its own (header injection): one space instead.
QString oneLine(QString s)
{
    s.replace(QLatin1String("\r\n"), QLatin1String(" "));
    s.replace(u'\r', u' ');
    s.replace(u'\n', u' ');
    return s;
}

// "Name: value" folded at spaces so that no line passes 78 columns (a word longer than that
// stays whole: RFC 5322 allows 998).
QByteArray header(const QByteArray &name, const QByteArray &value)
{
    QByteArray out = name + ':';
    qsizetype lineLength = out.size();
    const QList<QByteArray> words = value.split(' ');
    bool first = true;
    for (const QByteArray &w : words) {
        if (w.isEmpty() && !first)
            continue;
        if (!first && lineLength + 1 + w.size() > 78) {
            out += "\r\n";
            lineLength = 0;
        }
        out += ' ';
        out += w;
        lineLength += 1 + w.size();
        first = false;
    }
    return out + "\r\n";
}

QByteArray hex(quint64 v, int digits)
{
    return QByteArray::number(v, 16).rightJustified(digits, '0').right(digits);
}

} // namespace

QByteArray quotedPrintable(const QByteArray &utf8)
{
    static const char digits[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 4);
    qsizetype lineLength = 0;
    auto put = [&](const char *token, qsizetype n) {
        if (lineLength + n > 75) { // 75 + the soft break's "=" = 76
            out += "=\r\n";
            lineLength = 0;
        }
        out.append(token, n);
        lineLength += n;
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8.at(i));
        if (c == '\r' && i + 1 < utf8.size() && utf8.at(i + 1) == '\n')
            continue; // CRLF as LF, written as CRLF below
        if (c == '\n') {
            out += "\r\n";
            lineLength = 0;
            continue;
        }
        const bool endOfLine = i + 1 == utf8.size() || utf8.at(i + 1) == '\n' || utf8.at(i + 1) == '\r';
        if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !endOfLine)) {
            const char ch = char(c);
            put(&ch, 1);
        } else {
            const char token[3] = {'=', digits[c >> 4], digits[c & 15]};
            put(token, 3);
        }
    }
    return out;
}

QByteArray encodeHeaderText(const QString &text)
{
    const QString line = oneLine(text);
    if (isAsciiText(line))
        return line.toLatin1();
    // Encoded words of at most 60 characters ("=?UTF-8?B?" + base64 of at most 36 bytes + "?="; RFC
    // 2047 allows 75, but a word must fit on the header's first line after its name),
    // cut between characters (never inside one's UTF-8 bytes).
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const qsizetype n = line.at(i).isHighSurrogate() && i + 1 < line.size() ? 2 : 1;
        const QByteArray bytes = line.mid(i, n).toUtf8();
        if (chunk.size() + bytes.size() > 36) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += bytes;
        i += n - 1;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words.join(' ');
}

QByteArray formatAddress(const Address &a)
{
    const QByteArray email = oneLine(a.email).trimmed().toLatin1();
    const QString name = oneLine(a.name).trimmed();
    if (name.isEmpty())
        return email;
    if (!isAsciiText(name))
        return encodeHeaderText(name) + " <" + email + '>';
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    bool plain = true;
    for (const QChar c : name)
        plain = plain && !specials.contains(c);
    if (plain)
        return name.toLatin1() + " <" + email + '>';
    QString quoted = name;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return '"' + quoted.toLatin1() + "\" <" + email + '>';
}

QByteArray formatDate(const QDateTime &when)
{
    static const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = when.isValid() ? when : QDateTime::currentDateTimeUtc();
    const int offset = t.offsetFromUtc() / 60;
    const QDate d = t.date();
    const QTime time = t.time();
    QByteArray out;
    out += days[d.dayOfWeek() - 1];
    out += ", " + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ';
    out += QByteArray::number(time.hour()).rightJustified(2, '0') + ':' + QByteArray::number(time.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(time.second()).rightJustified(2, '0') + ' ';
    out += offset < 0 ? '-' : '+';
    out += QByteArray::number(qAbs(offset) / 60).rightJustified(2, '0') + QByteArray::number(qAbs(offset) % 60).rightJustified(2, '0');
    return out;
}

QString newMessageId(const QString &domain)
{
    QRandomGenerator64 *r = QRandomGenerator64::global();
    const QString host = domain.trimmed().isEmpty() ? QStringLiteral("fliptech.invalid") : domain.trimmed().toLower();
    return QStringLiteral("<%1.%2@%3>")
        .arg(QString::fromLatin1(hex(r->generate(), 16) + hex(r->generate(), 8)),
             QString::number(QDateTime::currentMSecsSinceEpoch(), 36), host);
}

QByteArray buildMessage(const OutgoingMessage &m, QString *messageId)
{
    const QString id = m.messageId.isEmpty() ? newMessageId(m.from.email.section(u'@', 1)) : oneLine(m.messageId);
    if (messageId)
        *messageId = id;
    auto list = [](const QList<Address> &addresses) {
        QList<QByteArray> parts;
        for (const Address &a : addresses)
            parts << formatAddress(a);
        return parts.join(", ");
    };
    QByteArray out;
    out += header("Date", formatDate(m.date));
    out += header("From", formatAddress(m.from));
    if (!m.to.isEmpty())
        out += header("To", list(m.to));
    if (!m.cc.isEmpty())
        out += header("Cc", list(m.cc));
    if (!m.replyTo.email.isEmpty())
        out += header("Reply-To", formatAddress(m.replyTo));
    out += header("Subject", encodeHeaderText(m.subject));
    out += header("Message-ID", id.toLatin1());
    out += "MIME-Version: 1.0\r\n";
    QList<QByteArray> unsubscribe;
    if (!m.unsubscribeUrl.isEmpty())
        unsubscribe << '<' + oneLine(m.unsubscribeUrl).toLatin1() + '>';
    if (!m.unsubscribeMailto.isEmpty())
        unsubscribe << '<' + oneLine(m.unsubscribeMailto).toLatin1() + '>';
    if (!unsubscribe.isEmpty())
        out += header("List-Unsubscribe", unsubscribe.join(", "));
    if (m.unsubscribeUrl.startsWith(QLatin1String("https://")))
        out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    for (const auto &[name, value] : m.headers) {
        QByteArray n = name;
        n.replace('\r', "").replace('\n', "").replace(':', "").replace(' ', "");
        if (!n.isEmpty())
            out += header(n, oneLine(QString::fromUtf8(value)).toUtf8());
    }
    const QByteArray plainHeaders = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    const QByteArray htmlHeaders = "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    const bool hasText = !m.text.isEmpty(), hasHtml = !m.html.isEmpty();
    if (hasText && hasHtml) {
        // "=_" never appears in quoted-printable (an "=" is written =3D): the boundary cannot
        // occur in a part.
        QRandomGenerator64 *r = QRandomGenerator64::global();
        const QByteArray boundary = "=_ft_" + hex(r->generate(), 16) + hex(r->generate(), 8);
        out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
        out += "This is a multi-part message in MIME format.\r\n";
        out += "--" + boundary + "\r\n" + plainHeaders + "\r\n" + quotedPrintable(m.text.toUtf8()) + "\r\n";
        out += "--" + boundary + "\r\n" + htmlHeaders + "\r\n" + quotedPrintable(m.html.toUtf8()) + "\r\n";
        out += "--" + boundary + "--\r\n";
    } else {
        out += (hasHtml ? htmlHeaders : plainHeaders) + "\r\n";
        out += quotedPrintable((hasHtml ? m.html : m.text).toUtf8()) + "\r\n";
    }
    return out;
}

} // namespace fliptech::mail
