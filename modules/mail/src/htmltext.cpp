#include "fliptech/mail/htmltext.h"

#include "fliptech/net/lighthtml.h"

#include <QRegularExpression>

#include <QSet>

namespace fliptech::mail {

QString htmlToText(const QString &html)
{
    QString out;
    out.reserve(html.size() / 2);
    QString href;       // the link being read
    qsizetype linkStart = -1;
    bool space = false; // a space is owed before the next word
    auto newline = [&](int n) {
        while (!out.isEmpty() && out.back() == u' ')
            out.chop(1);
        int have = 0;
        for (qsizetype k = out.size() - 1; k >= 0 && out.at(k) == u'\n'; --k)
            ++have;
        if (!out.isEmpty())
            for (; have < n; ++have)
                out += u'\n';
        space = false;
    };
    auto text = [&](QStringView raw) {
        const QString decoded = net::decodeHtmlEntities(raw.toUtf8());
        for (const QChar c : decoded) {
            if (c.isSpace() && c != QChar(0xa0)) {
                space = !out.isEmpty() && out.back() != u'\n';
                continue;
            }
            if (space)
                out += u' ';
            space = false;
            out += c == QChar(0xa0) ? QChar(u' ') : c;
        }
    };
    static const QSet<QString> paragraph{QStringLiteral("p"), QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"),
                                         QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("table"), QStringLiteral("ul"), QStringLiteral("ol"),
                                         QStringLiteral("blockquote")};
    static const QSet<QString> line{QStringLiteral("div"), QStringLiteral("tr"), QStringLiteral("section"), QStringLiteral("article"),
                                    QStringLiteral("header"), QStringLiteral("footer"), QStringLiteral("hr")};
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(u'<', i);
        text(QStringView(html).mid(i, (lt < 0 ? html.size() : lt) - i));
        if (lt < 0)
            break;
        if (html.mid(lt, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), lt + 4);
            i = end < 0 ? html.size() : end + 3;
            continue;
        }
        const qsizetype gt = html.indexOf(u'>', lt + 1);
        if (gt < 0) {
            text(QStringView(html).mid(lt)); // a lone "<" is text
            break;
        }
        QStringView tag = QStringView(html).mid(lt + 1, gt - lt - 1).trimmed();
        const bool closing = tag.startsWith(u'/');
        if (closing)
            tag = tag.mid(1).trimmed();
        qsizetype nameEnd = 0;
        while (nameEnd < tag.size() && (tag.at(nameEnd).isLetterOrNumber()))
            ++nameEnd;
        const QString name = tag.left(nameEnd).toString().toLower();
        i = gt + 1;
        if (!closing && (name == QLatin1String("script") || name == QLatin1String("style") || name == QLatin1String("head") ||
                         name == QLatin1String("title"))) {
            const qsizetype end = html.indexOf(QStringLiteral("</") + name, i, Qt::CaseInsensitive);
            const qsizetype after = end < 0 ? -1 : html.indexOf(u'>', end);
            i = after < 0 ? html.size() : after + 1;
            continue;
        }
        if (name == QLatin1String("br")) {
            newline(1);
        } else if (name == QLatin1String("li")) {
            if (!closing) {
                newline(1);
                out += QLatin1String("- ");
            }
        } else if (paragraph.contains(name)) {
            newline(2);
        } else if (line.contains(name)) {
            newline(1);
        } else if (name == QLatin1String("a")) {
            if (!closing) {
                static const QRegularExpression hrefRe(QStringLiteral("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
                                                       QRegularExpression::CaseInsensitiveOption);
                const auto m = hrefRe.match(tag);
                href = m.hasMatch() ? net::decodeHtmlEntities((m.captured(1) + m.captured(2) + m.captured(3)).toUtf8()).trimmed() : QString();
                linkStart = out.size();
            } else if (linkStart >= 0) {
                const QString shown = out.mid(linkStart).trimmed();
                if ((href.startsWith(QLatin1String("http://")) || href.startsWith(QLatin1String("https://"))) && shown != href)
                    out += shown.isEmpty() ? href : QStringLiteral(" (%1)").arg(href);
                href.clear();
                linkStart = -1;
            }
        }
    }
    // Lines trimmed, runs of blank lines made one.
    QStringList lines = out.split(u'\n');
    QStringList kept;
    for (QString &l : lines) {
        l = l.trimmed();
        if (l.isEmpty() && (kept.isEmpty() || kept.back().isEmpty()))
            continue;
        kept << l;
    }
    while (!kept.isEmpty() && kept.back().isEmpty())
        kept.removeLast();
    return kept.join(u'\n');
}

} // namespace fliptech::mail
