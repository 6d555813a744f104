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

std::optional<Bounce> parseBounce(const QByteArray &message)
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
    qsizetype headEnd = message.indexOf("\n\n");
    if (const qsizetype crlf = message.indexOf("\r\n\r\n"); crlf >= 0 && (headEnd < 0 || crlf < headEnd))
        headEnd = crlf;
    const auto head = fields(message.left(headEnd < 0 ? message.size() : headEnd));
    const QByteArray failed = value(head, "x-failed-recipients");
    if (failed.isEmpty())
        return std::nullopt;
    Bounce b;
    b.recipient = address(failed.split(',').first());
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

} // namespace fliptech::mail
