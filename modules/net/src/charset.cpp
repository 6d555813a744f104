#include "fliptech/net/charset.h"

#include "libxmlinit.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <libxml/encoding.h>
#include <libxml/tree.h>

namespace fliptech::net {

namespace {

QString charsetParameter(QByteArrayView text)
{
    // charset=value, charset="value" or charset='value', anywhere in a header or a meta content.
    static const QRegularExpression re(QStringLiteral("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(text.data(), text.size()));
    return m.hasMatch() ? m.captured(1) : QString();
}

// Valid UTF-8 in its first 64 KB (a sequence cut at the end is pending, not an error).
bool looksUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder.decode(QByteArrayView(bytes).first(qMin<qsizetype>(bytes.size(), 65536))));
    return !decoder.hasError();
}

} // namespace

QString normalizeCharset(const QString &label)
{
    const QString l = label.trimmed().toLower();
    if (l.isEmpty())
        return {};
    if (l == QLatin1String("utf8") || l == QLatin1String("utf-8") || l == QLatin1String("unicode-1-1-utf-8"))
        return QStringLiteral("utf-8");
    // WHATWG: these labels all mean windows-1252 (pages labelled latin1 use its extra characters).
    static const QStringList cp1252 = {QStringLiteral("latin1"), QStringLiteral("iso-8859-1"), QStringLiteral("iso8859-1"),
                                       QStringLiteral("iso_8859-1"), QStringLiteral("l1"), QStringLiteral("ascii"),
                                       QStringLiteral("us-ascii"), QStringLiteral("cp1252"), QStringLiteral("x-cp1252"),
                                       QStringLiteral("windows-1252"), QStringLiteral("cp819"), QStringLiteral("ibm819")};
    if (cp1252.contains(l))
        return QStringLiteral("windows-1252");
    if (l == QLatin1String("sjis") || l == QLatin1String("shift-jis") || l == QLatin1String("x-sjis") || l == QLatin1String("ms_kanji") ||
        l == QLatin1String("windows-31j"))
        return QStringLiteral("shift_jis");
    if (l == QLatin1String("gb2312") || l == QLatin1String("gbk") || l == QLatin1String("x-gbk"))
        return QStringLiteral("gbk");
    return l;
}

QString charsetFromContentType(const QByteArray &contentType)
{
    return normalizeCharset(charsetParameter(contentType));
}

QString charsetFromBody(const QByteArray &body)
{
    if (body.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("utf-8");
    if (body.startsWith("\xFF\xFE"))
        return QStringLiteral("utf-16le");
    if (body.startsWith("\xFE\xFF"))
        return QStringLiteral("utf-16be");
    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">.
    const QByteArray head = body.left(4096);
    static const QRegularExpression meta(QStringLiteral("<meta\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(head);
    for (auto it = meta.globalMatch(text); it.hasNext();) {
        const QString tag = it.next().captured(0);
        if (const QString c = charsetParameter(tag.toLatin1()); !c.isEmpty())
            return normalizeCharset(c);
    }
    return {};
}

QString detectCharset(const QByteArray &body, const QByteArray &contentType)
{
    // A BOM outranks the header (as browsers do); then the header, then the page's own meta.
    if (body.startsWith("\xEF\xBB\xBF") || body.startsWith("\xFF\xFE") || body.startsWith("\xFE\xFF"))
        return charsetFromBody(body);
    if (QString c = charsetFromContentType(contentType); !c.isEmpty())
        return c;
    if (QString c = charsetFromBody(body); !c.isEmpty())
        return c;
    return looksUtf8(body) ? QStringLiteral("utf-8") : QStringLiteral("windows-1252");
}

QByteArray toUtf8(const QByteArray &body, const QString &charset)
{
    const QString name = normalizeCharset(charset);
    if (name == QLatin1String("utf-8"))
        return body;
    detail::initLibxml();
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.toLatin1().constData());
    if (!handler)
        handler = xmlFindCharEncodingHandler("windows-1252");
    if (!handler)
        return QString::fromLatin1(body).toUtf8();
    QByteArray out;
    out.reserve(body.size() + body.size() / 4);
    xmlBufferPtr in = nullptr;
    xmlBufferPtr decoded = xmlBufferCreate();
    qsizetype at = 0;
    constexpr qsizetype chunk = 64 * 1024;
    while (at < body.size()) {
        if (in)
            xmlBufferFree(in);
        in = xmlBufferCreate();
        if (!in || !decoded)
            break;
        xmlBufferAdd(in, reinterpret_cast<const xmlChar *>(body.constData() + at), int(qMin(chunk, body.size() - at)));
        const int before = xmlBufferLength(in);
        const int result = xmlCharEncInFunc(handler, decoded, in);
        const int consumed = before - xmlBufferLength(in);
        out.append(reinterpret_cast<const char *>(xmlBufferContent(decoded)), xmlBufferLength(decoded));
        xmlBufferEmpty(decoded);
        at += consumed;
        if (result == -2 || (consumed == 0 && at < body.size())) {
            // A byte the charset cannot decode (or a sequence cut at the end): U+FFFD, and on.
            out.append("\xEF\xBF\xBD");
            ++at;
        }
    }
    if (in)
        xmlBufferFree(in);
    if (decoded)
        xmlBufferFree(decoded);
    xmlCharEncCloseFunc(handler);
    return out;
}

} // namespace fliptech::net
