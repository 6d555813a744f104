#include "fliptech/mail/bounce.h"

#include <QList>
#include <QRegularExpression>

namespace fliptech::mail {

namespace {

// The header-style fields of one block ("Name: value", folded lines joined).
QList<QPair<QByteArray, QByteArray>> fields(const QByteArray &block)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !out.isEmpty()) {
            out.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            out.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return out;
}

QByteArray value(const QList<QPair<QByteArray, QByteArray>> &f, const char *name)
{
    for (const auto &[k, v] : f)
        if (k == name)
            return v;
    return {};
}

// "rfc822; Ann@Example.com" -> "ann@example.com".
QString address(const QByteArray &typed)
{
    QByteArray a = typed.contains(';') ? typed.mid(typed.indexOf(';') + 1) : typed;
    a = a.trimmed();
    if (a.startsWith('<') && a.endsWith('>'))
        a = a.mid(1, a.size() - 2);
    return QString::fromUtf8(a).trimmed().toLower();
}

} // namespace

namespace {

// The bounce one delivery-status part (from `from`: its headers, a blank line, its fields) tells.
std::optional<Bounce> readStatusPart(const QByteArray &message, qsizetype from)
{
    QByteArray part = message.mid(from);
    qsizetype start = part.indexOf("\n\n");
    const qsizetype crlf = part.indexOf("\r\n\r\n");
    if (crlf >= 0 && (start < 0 || crlf < start))
        start = crlf + 2;
    if (start < 0)
        return std::nullopt;
    part = part.mid(start + 2);
    if (const qsizetype boundary = part.indexOf("\n--"); boundary >= 0)
        part = part.left(boundary);
    part.replace("\r\n", "\n");
    // Blocks: the message's fields, then one a recipient; the first recipient that failed (or,
    // failing that, the first with a status) is the bounce.
    QList<QByteArray> blocks;
    for (qsizetype at = 0; at < part.size();) {
        const qsizetype end = part.indexOf("\n\n", at);
        blocks << part.mid(at, end < 0 ? -1 : end - at);
        at = end < 0 ? part.size() : end + 2;
    }
    std::optional<Bounce> best;
    for (const QByteArray &block : std::as_const(blocks)) {
        const auto f = fields(block);
        QByteArray recipient = value(f, "final-recipient");
        if (recipient.isEmpty())
            recipient = value(f, "original-recipient");
        const QByteArray status = value(f, "status");
        if (recipient.isEmpty() || status.isEmpty())
            continue;
        static const QRegularExpression code(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})"));
        const auto c = code.match(QString::fromLatin1(status));
        if (!c.hasMatch())
            continue;
        Bounce b;
        b.recipient = address(recipient);
        if (!b.recipient.contains(u'@'))
            continue; // not an address: no one to suppress
        b.status = c.captured(0);
        b.action = QString::fromLatin1(value(f, "action")).trimmed().toLower();
        QByteArray diagnostic = value(f, "diagnostic-code");
        if (diagnostic.contains(';'))
            diagnostic = diagnostic.mid(diagnostic.indexOf(';') + 1);
        b.diagnostic = QString::fromUtf8(diagnostic).simplified().left(1000);
        // 5.2.2 (mailbox full) is a 5 that mends by itself.
        b.hard = c.captured(1) == QLatin1String("5") && b.status != QLatin1String("5.2.2");
        const bool failed = b.action == QLatin1String("failed");
        if (!best || (failed && best->action != QLatin1String("failed")))
            best = b;
        if (failed)
            break;
    }
    return best;
}

} // namespace

namespace {

// The quoted-printable body of a vendor's text as text (soft breaks joined, =XX decoded).
QByteArray unQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '=' || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        if (in.at(i + 1) == '\n') {
            ++i;
            continue;
        }
        if (in.at(i + 1) == '\r' && i + 2 < in.size() && in.at(i + 2) == '\n') {
            i += 2;
            continue;
        }
        bool ok = false;
        const int v = in.mid(i + 1, 2).toInt(&ok, 16);
        if (ok && i + 2 < in.size()) {
            out += char(v);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// The status a vendor's words give: the enhanced code they write, else their SMTP reply code,
// else one read from the reason.
QString statusFromText(const QString &text)
{
    static const QRegularExpression enhanced(QStringLiteral("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])"));
    if (const auto e = enhanced.match(text); e.hasMatch())
        return e.captured(0);
    static const QRegularExpression reply(QStringLiteral("\\b([45])\\d\\d[ -]"));
    const QString lower = text.toLower();
    static const char *const full[] = {"mailbox full", "mailbox is full", "exceeds allowed size", "quota", "over quota", "insufficient storage"};
    for (const char *w : full)
        if (lower.contains(QLatin1String(w)))
            return QStringLiteral("5.2.2");
    static const char *const unknown[] = {"unknown user", "no such user", "not listed", "not recognized", "does not exist", "not found",
                                          "user unknown", "account is locked", "disabled", "invalid recipient"};
    for (const char *w : unknown)
        if (lower.contains(QLatin1String(w)))
            return QStringLiteral("5.1.1");
    if (const auto r = reply.match(text); r.hasMatch())
        return r.captured(1) + QStringLiteral(".0.0");
    return lower.contains(QLatin1String("temporar")) ? QStringLiteral("4.0.0") : QStringLiteral("5.0.0");
}

// A plain-text bounce: the address and reason its words give.
std::optional<Bounce> readTextBounce(const QList<QPair<QByteArray, QByteArray>> &head, const QByteArray &rawBody)
{
    const QString from = QString::fromUtf8(value(head, "from")).toLower();
    const QString subject = QString::fromUtf8(value(head, "subject")).toLower();
    static const char *const senders[] = {"mailer-daemon", "postmaster", "mail delivery", "system administrator"};
    static const char *const subjects[] = {"undeliverable", "undelivered", "delivery status notification", "failure notice", "delivery failure",
                                           "mail delivery failed", "returned mail", "delivery has failed", "could not be delivered"};
    bool looksLikeOne = false;
    for (const char *w : senders)
        looksLikeOne = looksLikeOne || from.contains(QLatin1String(w));
    for (const char *w : subjects)
        looksLikeOne = looksLikeOne || subject.contains(QLatin1String(w));
    if (!looksLikeOne)
        return std::nullopt;
    QByteArray bodyBytes = rawBody;
    if (value(head, "content-transfer-encoding").toLower().contains("quoted-printable") || bodyBytes.contains("Content-Transfer-Encoding: quoted-printable"))
        bodyBytes = unQuotedPrintable(bodyBytes);
    QString body = QString::fromUtf8(bodyBytes);
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    // Only the report's own words, not the quoted original.
    static const char *const originals[] = {"--- below this line is a copy of the message", "below is a copy of the original message",
                                            "original message headers", "--- the header of the original message", "original message follows",
                                            "------ this is a copy of the message", "\nreceived: "};
    qsizetype end = body.size();
    for (const char *marker : originals)
        if (const qsizetype at = body.indexOf(QLatin1String(marker), 0, Qt::CaseInsensitive); at >= 0 && at < end)
            end = at;
    const QString report = body.left(end);
    static const char *const anchors[] = {"could not be delivered to", "was not delivered to", "did not reach the following recipient",
                                          "following address failed", "following addresses failed", "to the following addresses",
                                          "delivery has failed to these recipients", "following list of recipients", "following recipient",
                                          "not delivered to", "delivery to the following"};
    qsizetype from0 = -1;
    for (const char *a : anchors)
        if (const qsizetype at = report.indexOf(QLatin1String(a), 0, Qt::CaseInsensitive); at >= 0 && (from0 < 0 || at < from0))
            from0 = at;
    static const QRegularExpression email(QStringLiteral("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"));
    const QString bounceAddress = QString::fromUtf8(value(head, "to")).toLower();
    QRegularExpressionMatch m;
    auto it = email.globalMatch(report, qMax<qsizetype>(0, from0));
    while (it.hasNext()) {
        const auto candidate = it.next();
        const QString a = candidate.captured(0).toLower();
        if (from.contains(a) || bounceAddress.contains(a) || a.startsWith(QLatin1String("postmaster@")) || a.startsWith(QLatin1String("mailer-daemon@")))
            continue;
        m = candidate;
        break;
    }
    if (!m.hasMatch())
        return std::nullopt;
    Bounce b;
    b.recipient = m.captured(0).toLower();
    b.action = QStringLiteral("failed");
    const QString reason = report.mid(m.capturedEnd()).trimmed();
    b.status = statusFromText(report.mid(qMax<qsizetype>(0, from0)));
    b.diagnostic = reason.left(reason.indexOf(QLatin1String("\n\n")) > 0 ? reason.indexOf(QLatin1String("\n\n")) : 300).simplified().left(1000);
    if (b.diagnostic.isEmpty())
        b.diagnostic = report.left(m.capturedStart()).simplified().right(300);
    b.hard = b.status.startsWith(u'5') && b.status != QLatin1String("5.2.2");
    return b;
}

// The bounced message's Message-ID, from the headers a report quotes (after its own).
QString quotedMessageId(const QByteArray &message, qsizetype headEnd)
{
    static const QRegularExpression id(QStringLiteral("(?im)^message-id:\\s*(<[^>\\s]+>)"));
    const auto m = id.match(QString::fromLatin1(message.mid(headEnd)));
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

namespace {

std::optional<Bounce> readBounce(const QByteArray &message, qsizetype headEnd)
{
    // Every delivery-status part, in order (some reports carry a first one of plain words).
    static const QRegularExpression partType(QStringLiteral("content-type:\\s*message/(global-)?delivery-status"), QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(message);
    auto it = partType.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (auto b = readStatusPart(message, m.capturedEnd()))
            return b;
    }
    // Exim and Gmail name the failed address in an X-Failed-Recipients header (their reports may
    // carry no delivery-status fields): the status from the text, else a permanent failure.
    const auto head = fields(message.left(headEnd));
    const QByteArray failed = value(head, "x-failed-recipients");
    if (failed.isEmpty())
        return readTextBounce(head, message.mid(headEnd));
    Bounce b;
    b.recipient = address(failed.split(',').first());
    if (!b.recipient.contains(u'@'))
        return readTextBounce(head, message.mid(headEnd));
    b.action = QStringLiteral("failed");
    static const QRegularExpression enhanced(QStringLiteral("\\b([245])\\.\\d{1,3}\\.\\d{1,3}\\b"));
    static const QRegularExpression reply(QStringLiteral("\\b([45])\\d\\d[ -]"));
    if (const auto e = enhanced.match(text.mid(headEnd)); e.hasMatch())
        b.status = e.captured(0);
    else if (const auto r = reply.match(text.mid(headEnd)); r.hasMatch())
        b.status = r.captured(1) + QStringLiteral(".0.0");
    else
        b.status = QStringLiteral("5.0.0");
    b.hard = b.status.startsWith(u'5') && b.status != QLatin1String("5.2.2");
    return b;
}

} // namespace

std::optional<Bounce> parseBounce(const QByteArray &message)
{
    qsizetype headEnd = message.indexOf("\n\n");
    if (const qsizetype crlf = message.indexOf("\r\n\r\n"); crlf >= 0 && (headEnd < 0 || crlf < headEnd))
        headEnd = crlf;
    if (headEnd < 0)
        headEnd = message.size();
    auto withId = [&](std::optional<Bounce> b) {
        if (b)
            b->originalMessageId = quotedMessageId(message, headEnd);
        return b;
    };
    return withId(readBounce(message, headEnd));
}

} // namespace fliptech::mail
