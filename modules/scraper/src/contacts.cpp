#include "fliptech/scraper/contacts.h"

#include "fliptech/leads/normalize.h"

#include <QRegularExpression>

namespace fliptech::scraper {

namespace {

void addOnce(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list << value;
}

// "joe (at) gmail [dot] com", "joe at gmail dot com" -> "joe@gmail.com" (only where the result
// is shaped like an address: " at " alone is an English word).
QString unhideEmails(QString text)
{
    static const QRegularExpression bracketAt(QStringLiteral("\\s*[\\[\\(\\{<]\\s*at\\s*[\\]\\)\\}>]\\s*"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bracketDot(QStringLiteral("\\s*[\\[\\(\\{<]\\s*dot\\s*[\\]\\)\\}>]\\s*"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression spelled(
        QStringLiteral("\\b([A-Za-z0-9][A-Za-z0-9._%+-]*)\\s+(?:at|@)\\s+([A-Za-z0-9-]+)\\s+dot\\s+"
                       "((?:[A-Za-z]{2,}\\s+dot\\s+)?(?:com|net|org|edu|gov|us|io|co|info|biz|me|ca|uk))\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression spelledDot(QStringLiteral("\\s+dot\\s+"), QRegularExpression::CaseInsensitiveOption);
    text.replace(bracketAt, QStringLiteral("@"));
    text.replace(bracketDot, QStringLiteral("."));
    QString out;
    qsizetype last = 0;
    for (auto it = spelled.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString domain = m.captured(3);
        domain.replace(spelledDot, QStringLiteral("."));
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += m.captured(1) + u'@' + m.captured(2) + u'.' + domain;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

// Number words as digits ("five five five" -> "5 5 5"); "oh" only between other digits.
QString digitsFromWords(QString text)
{
    static const QRegularExpression word(QStringLiteral("\\b(zero|one|two|three|four|five|six|seven|eight|nine)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QStringList names = {QStringLiteral("zero"), QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
                                      QStringLiteral("four"), QStringLiteral("five"), QStringLiteral("six"), QStringLiteral("seven"),
                                      QStringLiteral("eight"), QStringLiteral("nine")};
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += QString::number(names.indexOf(m.captured(1).toLower()));
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    // "oh" for zero, only between digits ("8 6 7 five three oh nine").
    static const QRegularExpression oh(QStringLiteral("(\\d[\\s.-]*)\\b[oO]h?\\b(?=[\\s.-]*\\d)"));
    QString withZeros;
    last = 0;
    for (auto it = oh.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        withZeros += QStringView(out).mid(last, m.capturedStart() - last) + m.captured(1) + u'0';
        last = m.capturedEnd();
    }
    withZeros += QStringView(out).mid(last);
    return withZeros;
}

} // namespace

QStringList findEmails(const QString &text)
{
    static const QRegularExpression email(QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
    QStringList out;
    for (auto it = email.globalMatch(unhideEmails(text)); it.hasNext();)
        addOnce(out, leads::normalizeEmail(it.next().captured(0)));
    return out;
}

QStringList findPhones(const QString &text)
{
    // Ten digits (or 1 and ten), each group separated by at most a few of " .-()/".
    static const QRegularExpression phone(
        QStringLiteral("(?<![\\d$])(?:\\+?1[\\s.-]{0,2})?\\(?(\\d)[\\s.-]{0,2}(\\d)[\\s.-]{0,2}(\\d)\\)?[\\s./-]{0,3}"
                       "(\\d)[\\s.-]{0,2}(\\d)[\\s.-]{0,2}(\\d)[\\s./-]{0,3}(\\d)[\\s.-]{0,2}(\\d)[\\s.-]{0,2}(\\d)[\\s.-]{0,2}(\\d)(?![\\d,:])"));
    static const QRegularExpression idCue(QStringLiteral("(?:\\bid|#|\\bno\\.?)\\s*:?\\s*$"), QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    const QString source = digitsFromWords(text);
    for (auto it = phone.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        QString digits;
        for (int g = 1; g <= 10; ++g)
            digits += m.captured(g);
        // Ten bare digits after "id", "#" or "no." are a post or order number (Craigslist's
        // post ids are ten digits), not a phone.
        if (m.capturedLength() == 10 && idCue.match(source.mid(qMax<qsizetype>(0, m.capturedStart() - 12), qMin<qsizetype>(12, m.capturedStart()))).hasMatch())
            continue;
        // The North American numbering plan: area code and exchange start with 2-9.
        if (digits.at(0) < u'2' || digits.at(3) < u'2')
            continue;
        addOnce(out, leads::normalizePhone(digits, QStringLiteral("US")));
    }
    return out;
}

} // namespace fliptech::scraper
