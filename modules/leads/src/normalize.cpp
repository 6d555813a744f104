#include "fliptech/leads/normalize.h"

#include "fliptech/core/validation.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace fliptech::leads {

QString callingCode(const QString &country)
{
    static const QHash<QString, QString> codes = {
        {QStringLiteral("US"), QStringLiteral("1")},   {QStringLiteral("CA"), QStringLiteral("1")},
        {QStringLiteral("GB"), QStringLiteral("44")},  {QStringLiteral("UK"), QStringLiteral("44")},
        {QStringLiteral("IE"), QStringLiteral("353")}, {QStringLiteral("DE"), QStringLiteral("49")},
        {QStringLiteral("AT"), QStringLiteral("43")},  {QStringLiteral("CH"), QStringLiteral("41")},
        {QStringLiteral("FR"), QStringLiteral("33")},  {QStringLiteral("ES"), QStringLiteral("34")},
        {QStringLiteral("IT"), QStringLiteral("39")},  {QStringLiteral("NL"), QStringLiteral("31")},
        {QStringLiteral("BE"), QStringLiteral("32")},  {QStringLiteral("PT"), QStringLiteral("351")},
        {QStringLiteral("SE"), QStringLiteral("46")},  {QStringLiteral("NO"), QStringLiteral("47")},
        {QStringLiteral("DK"), QStringLiteral("45")},  {QStringLiteral("FI"), QStringLiteral("358")},
        {QStringLiteral("PL"), QStringLiteral("48")},  {QStringLiteral("AU"), QStringLiteral("61")},
        {QStringLiteral("NZ"), QStringLiteral("64")},  {QStringLiteral("MX"), QStringLiteral("52")},
        {QStringLiteral("BR"), QStringLiteral("55")},  {QStringLiteral("AR"), QStringLiteral("54")},
        {QStringLiteral("IN"), QStringLiteral("91")},  {QStringLiteral("ZA"), QStringLiteral("27")},
        {QStringLiteral("JP"), QStringLiteral("81")},  {QStringLiteral("SG"), QStringLiteral("65")},
    };
    return codes.value(country.trimmed().toUpper());
}

QString normalizePhone(const QString &raw, const QString &defaultCountry)
{
    QString s = raw.trimmed();
    // Extensions are not part of the number.
    static const QStringList extMarks = {QStringLiteral(" ext"), QStringLiteral(" x"), QStringLiteral("#")};
    for (const QString &m : extMarks) {
        const qsizetype at = s.indexOf(m, 0, Qt::CaseInsensitive);
        if (at > 6)
            s.truncate(at);
    }
    bool international = s.startsWith(u'+');
    QString digits;
    digits.reserve(s.size());
    for (QChar c : std::as_const(s)) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c.isLetter())
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
    return u'+' + digits;
}

QString websiteDomain(const QString &website)
{
    QString s = website.trimmed();
    if (s.isEmpty())
        return {};
    if (!s.contains(QLatin1String("://")))
        s.prepend(QLatin1String("http://"));
    const QUrl url(s, QUrl::TolerantMode);
    QString host = url.host(QUrl::FullyDecoded).toLower();
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
    static const QSet<QString> titles = {QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms"), QStringLiteral("miss"),
                                         QStringLiteral("dr"), QStringLiteral("prof"), QStringLiteral("sir"), QStringLiteral("mx")};
    static const QSet<QString> suffixes = {QStringLiteral("jr"), QStringLiteral("sr"), QStringLiteral("ii"), QStringLiteral("iii"),
                                           QStringLiteral("iv"), QStringLiteral("phd"), QStringLiteral("md"), QStringLiteral("esq")};
    QString s = full.simplified();
    if (s.isEmpty())
        return {};
    // "Doe, Jane" (but not "Jane Doe, PhD").
    if (const qsizetype comma = s.indexOf(u','); comma > 0) {
        const QString after = s.mid(comma + 1).trimmed();
        QString afterKey = after.toLower();
        afterKey.remove(u'.');
        if (!suffixes.contains(afterKey))
            s = after + u' ' + s.left(comma);
        else
            s = s.left(comma);
    }
    QStringList parts = s.split(u' ', Qt::SkipEmptyParts);
    auto key = [](QString p) { p = p.toLower(); p.remove(u'.'); p.remove(u','); return p; };
    while (parts.size() > 1 && titles.contains(key(parts.first())))
        parts.removeFirst();
    while (parts.size() > 1 && suffixes.contains(key(parts.last())))
        parts.removeLast();
    if (parts.size() == 1)
        return {parts.first(), {}};
    return {parts.first(), parts.last()};
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
