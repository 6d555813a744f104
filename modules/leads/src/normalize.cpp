#include "fliptech/leads/normalize.h"

#include "fliptech/core/validation.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace fliptech::leads {

namespace {

struct CallingCode {
    char iso[3];
    QString code;
};

const std::array<CallingCode, 28> &callingCodes()
{
    static const std::array<CallingCode, 28> codes = {{
        {"US", QStringLiteral("1")},   {"CA", QStringLiteral("1")},   {"GB", QStringLiteral("44")},  {"UK", QStringLiteral("44")},
        {"IE", QStringLiteral("353")}, {"DE", QStringLiteral("49")},  {"AT", QStringLiteral("43")},  {"CH", QStringLiteral("41")},
        {"FR", QStringLiteral("33")},  {"ES", QStringLiteral("34")},  {"IT", QStringLiteral("39")},  {"NL", QStringLiteral("31")},
        {"BE", QStringLiteral("32")},  {"PT", QStringLiteral("351")}, {"SE", QStringLiteral("46")},  {"NO", QStringLiteral("47")},
        {"DK", QStringLiteral("45")},  {"FI", QStringLiteral("358")}, {"PL", QStringLiteral("48")},  {"AU", QStringLiteral("61")},
        {"NZ", QStringLiteral("64")},  {"MX", QStringLiteral("52")},  {"BR", QStringLiteral("55")},  {"AR", QStringLiteral("54")},
        {"IN", QStringLiteral("91")},  {"ZA", QStringLiteral("27")},  {"JP", QStringLiteral("81")},  {"SG", QStringLiteral("65")},
    }};
    return codes;
}

char16_t asciiUpper(char16_t c)
{
    return (c >= u'a' && c <= u'z') ? char16_t(c - 32) : c;
}

// Lower-case ASCII letters of a short word without '.' and ',' ("Jr." -> "jr"), empty when it
// cannot be one of the title or suffix words.
std::string_view nameKey(QStringView word, char (&buf)[8])
{
    std::size_t n = 0;
    for (QChar ch : word) {
        const char16_t c = ch.unicode();
        if (c == u'.' || c == u',')
            continue;
        if (n == sizeof buf || c >= 128)
            return {};
        buf[n++] = char((c >= u'A' && c <= u'Z') ? c + 32 : c);
    }
    return {buf, n};
}

bool isOneOf(QStringView word, std::initializer_list<std::string_view> keys)
{
    char buf[8];
    const std::string_view k = nameKey(word, buf);
    return !k.empty() && std::find(keys.begin(), keys.end(), k) != keys.end();
}

bool isNameTitle(QStringView word)
{
    return isOneOf(word, {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx"});
}

bool isNameSuffix(QStringView word)
{
    return isOneOf(word, {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"});
}

// The host of a plain ASCII address ("https://www.Example.com:8080/x" -> "example.com"), or
// nullopt when it needs a full URL parser (user info, IPv6, IDN, percent-encoding, spaces...).
std::optional<QString> plainHost(QStringView s)
{
    qsizetype i = 0;
    if (const qsizetype scheme = s.indexOf(u"://"); scheme >= 0) {
        for (qsizetype k = 0; k < scheme; ++k) {
            const char16_t c = s[k].unicode();
            if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (k > 0 && ((c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.'))))
                return std::nullopt;
        }
        if (scheme == 0)
            return std::nullopt;
        i = scheme + 3;
    }
    QString host;
    host.reserve(s.size() - i);
    qsizetype k = i;
    for (; k < s.size(); ++k) {
        const char16_t c = s[k].unicode();
        if (c == u'/' || c == u'?' || c == u'#' || c == u':')
            break;
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.')
            host.append(QChar(c));
        else if (c >= u'A' && c <= u'Z')
            host.append(QChar(char16_t(c + 32)));
        else
            return std::nullopt;
    }
    if (k < s.size() && s[k] == u':') { // a port: digits only
        for (++k; k < s.size() && s[k] != u'/' && s[k] != u'?' && s[k] != u'#'; ++k)
            if (s[k] < u'0' || s[k] > u'9')
                return std::nullopt;
    }
    for (; k < s.size(); ++k) // the rest must not hide a space
        if (s[k].isSpace())
            return std::nullopt;
    return host;
}

} // namespace

QString callingCode(const QString &country)
{
    const QStringView c = QStringView(country).trimmed();
    if (c.size() != 2)
        return {};
    const char16_t a = asciiUpper(c[0].unicode()), b = asciiUpper(c[1].unicode());
    for (const CallingCode &code : callingCodes())
        if (a == char16_t(code.iso[0]) && b == char16_t(code.iso[1]))
            return code.code;
    return {};
}

namespace {
// Digits in groups of the given sizes (the last group takes what is left).
QString grouped(QStringView digits, std::initializer_list<int> sizes, QChar separator = u' ')
{
    QString out;
    qsizetype at = 0;
    for (int size : sizes) {
        if (at >= digits.size())
            break;
        if (!out.isEmpty())
            out += separator;
        out += digits.mid(at, size);
        at += size;
    }
    if (at < digits.size()) {
        if (!out.isEmpty())
            out += separator;
        out += digits.mid(at);
    }
    return out;
}

// The national number written the country's way; empty for a country without a rule here.
QString nationalFormat(const QString &cc, QStringView n)
{
    if (cc == QLatin1String("1") && n.size() == 10)
        return QStringLiteral("(%1) %2-%3").arg(n.mid(0, 3), n.mid(3, 3), n.mid(6));
    if (cc == QLatin1String("44")) // 020 7946 0958, 0161 496 0000, 07700 900123
        return u'0' + (n.startsWith(u'2') ? grouped(n, {2, 4, 4}) : n.startsWith(u'7') ? grouped(n, {4, 6}) : grouped(n, {3, 3, 4}));
    if (cc == QLatin1String("33") && n.size() == 9) // 01 23 45 67 89
        return grouped(QString(u'0' + n.toString()), {2, 2, 2, 2, 2});
    if (cc == QLatin1String("34") && n.size() == 9) // 912 34 56 78
        return grouped(n, {3, 2, 2, 2});
    if (cc == QLatin1String("49")) // 030 1234567, 089 12345678: area code and subscriber
        return u'0' + grouped(n, {n.startsWith(u'3') || n.startsWith(u'8') || n.startsWith(u'4') ? 2 : 3});
    return {};
}
} // namespace

QString formatPhone(const QString &e164, const QString &country)
{
    if (!e164.startsWith(u'+') || e164.size() < 8)
        return e164;
    for (qsizetype i = 1; i < e164.size(); ++i)
        if (!e164.at(i).isDigit())
            return e164;
    const QString cc = callingCode(country);
    const QStringView digits = QStringView(e164).mid(1);
    if (!cc.isEmpty() && digits.startsWith(cc)) {
        const QString national = nationalFormat(cc, digits.mid(cc.size()));
        if (!national.isEmpty())
            return national;
    }
    // International: the calling code (the longest known one the number starts with), then groups.
    QString code;
    for (int len = 3; len >= 1 && code.isEmpty(); --len)
        for (const CallingCode &c : callingCodes())
            if (c.code == digits.left(len)) {
                code = c.code;
                break;
            }
    if (code.isEmpty())
        return e164;
    const QStringView rest = digits.mid(code.size());
    if (code == QLatin1String("1") && rest.size() == 10)
        return QStringLiteral("+1 %1 %2 %3").arg(rest.mid(0, 3), rest.mid(3, 3), rest.mid(6));
    return QStringLiteral("+%1 %2").arg(code, rest.size() > 7 ? grouped(rest, {int(rest.size()) - 7, 3, 4}) : grouped(rest, {3, 4}));
}

QString normalizePhone(const QString &raw, const QString &defaultCountry)
{
    QString s = raw.trimmed();
    // Extensions are not part of the number (looked for only when there are letters or '#').
    bool marks = false;
    for (QChar c : std::as_const(s))
        marks |= c == u'#' || c.isLetter();
    if (marks) {
        static const QStringList extMarks = {QStringLiteral(" ext"), QStringLiteral(" x"), QStringLiteral("#")};
        for (const QString &m : extMarks) {
            const qsizetype at = s.indexOf(m, 0, Qt::CaseInsensitive);
            if (at > 6)
                s.truncate(at);
        }
    }
    bool international = s.startsWith(u'+');
    QString digits;
    digits.reserve(s.size() + 3);
    for (QChar c : std::as_const(s)) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (marks && c.isLetter())
            return {}; // "call me", vanity numbers: not a number we can dial as written
    }
    if (!international && digits.startsWith(QLatin1String("00"))) {
        international = true;
        digits.remove(0, 2);
    }
    if (!international) {
        const QString cc = callingCode(defaultCountry.isEmpty() ? QStringLiteral("US") : defaultCountry);
        if (cc.isEmpty())
            return {};
        if (cc == QLatin1String("1")) {
            // NANP: 10 digits, or 11 with the leading 1.
            if (digits.size() == 11 && digits.startsWith(u'1'))
                digits.remove(0, 1);
            if (digits.size() != 10 || digits.at(0) < u'2')
                return {};
        } else {
            if (digits.startsWith(u'0'))
                digits.remove(0, 1); // trunk prefix
            else if (digits.startsWith(cc) && digits.size() > cc.size() + 6)
                digits.remove(0, cc.size()); // typed with the country code but no "+"
        }
        digits.prepend(cc);
    }
    if (digits.size() < 8 || digits.size() > 15 || digits.startsWith(u'0'))
        return {};
    digits.prepend(u'+');
    return digits;
}

QString websiteDomain(const QString &website)
{
    const QStringView trimmed = QStringView(website).trimmed();
    if (trimmed.isEmpty())
        return {};
    QString host;
    if (auto plain = plainHost(trimmed)) {
        host = std::move(*plain);
    } else {
        QString s = trimmed.toString();
        if (!s.contains(QLatin1String("://")))
            s.prepend(QLatin1String("http://"));
        const QUrl url(s, QUrl::TolerantMode);
        host = url.host(QUrl::FullyDecoded).toLower();
    }
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    while (host.endsWith(u'.'))
        host.chop(1);
    if (host.isEmpty() || !host.contains(u'.') || host.contains(u' '))
        return {};
    return host;
}

QString normalizeEmail(const QString &raw)
{
    QString s = raw.trimmed().toLower();
    if (s.startsWith(QLatin1String("mailto:")))
        s.remove(0, 7);
    return core::isEmailAddress(s) ? s : QString();
}

PersonName splitName(const QString &full)
{
    QString s = full.simplified();
    if (s.isEmpty())
        return {};
    // "Doe, Jane" (but not "Jane Doe, PhD").
    if (const qsizetype comma = s.indexOf(u','); comma > 0) {
        const QString after = s.mid(comma + 1).trimmed();
        if (!isNameSuffix(after))
            s = after + u' ' + s.left(comma);
        else
            s = s.left(comma);
    }
    const QList<QStringView> all = QStringView(s).split(u' ', Qt::SkipEmptyParts);
    qsizetype first = 0, last = all.size() - 1;
    while (last > first && isNameTitle(all[first]))
        ++first;
    while (last > first && isNameSuffix(all[last]))
        --last;
    if (first > last)
        return {};
    if (first == last)
        return {all[first].toString(), {}};
    return {all[first].toString(), all[last].toString()};
}

QString companyKey(const QString &company)
{
    static const QSet<QString> legal = {QStringLiteral("llc"),  QStringLiteral("inc"),  QStringLiteral("ltd"),   QStringLiteral("limited"),
                                        QStringLiteral("corp"), QStringLiteral("co"),   QStringLiteral("company"), QStringLiteral("gmbh"),
                                        QStringLiteral("sl"),   QStringLiteral("sa"),   QStringLiteral("plc"),   QStringLiteral("llp"),
                                        QStringLiteral("corporation"), QStringLiteral("incorporated"), QStringLiteral("ag")};
    QString s;
    s.reserve(company.size());
    for (QChar c : company.toLower())
        s.append(c.isLetterOrNumber() ? c : (c == u'&' ? u' ' : u' '));
    QStringList parts = s.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() > 1 && parts.first() == QLatin1String("the"))
        parts.removeFirst();
    while (parts.size() > 1 && legal.contains(parts.last()))
        parts.removeLast();
    parts.removeAll(QStringLiteral("and"));
    return parts.join(u' ');
}

} // namespace fliptech::leads
