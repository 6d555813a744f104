#include "fliptech/ai/pricing.h"

#include <QRegularExpression>

namespace fliptech::ai {

using core::ErrorCode;

namespace {

core::Error bad(const QString &field, const QString &text, const QString &why)
{
    return core::fieldError(field, QStringLiteral("\"%1\" %2").arg(text, why));
}

// A decimal "123.456" or "1.5e-7" as an integer number of 10^-scale units.
core::Result<qint64> parseScaled(const QString &input, int scale, const QString &field, const QString &unit)
{
    static const QRegularExpression number(QStringLiteral(R"(^\s*\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*$)"));
    const auto m = number.match(input);
    if (!m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        return bad(field, input, QStringLiteral("is not an amount (write it like 0.15)"));
    QString digits = m.captured(1) + m.captured(2);
    int exponent = scale - int(m.captured(2).size()) + m.captured(3).toInt();
    while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    // digits x 10^exponent must be whole.
    while (exponent < 0) {
        if (!digits.endsWith(QLatin1Char('0')))
            return digits == QLatin1String("0") ? core::Result<qint64>(0)
                                                : core::Result<qint64>(bad(field, input, QStringLiteral("is finer than %1").arg(unit)));
        digits.chop(1);
        ++exponent;
        if (digits.isEmpty())
            return qint64(0);
    }
    if (digits.size() + exponent > 18)
        return bad(field, input, QStringLiteral("is too large"));
    bool ok = false;
    qint64 value = digits.toLongLong(&ok);
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    if (!ok)
        return bad(field, input, QStringLiteral("is not an amount"));
    return value;
}

QString formatScaled(qint64 value, int scale)
{
    const bool negative = value < 0;
    QString digits = QString::number(negative ? -value : value).rightJustified(scale + 1, QLatin1Char('0'));
    QString whole = digits.left(digits.size() - scale), fraction = digits.right(scale);
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return (negative ? QStringLiteral("-") : QString()) + whole + (fraction.isEmpty() ? QString() : QLatin1Char('.') + fraction);
}

} // namespace

core::Result<qint64> parseUsd(const QString &text, const QString &field)
{
    return parseScaled(text, 12, field, QStringLiteral("a picodollar (1e-12 USD)"));
}

QString formatUsd(qint64 picodollars) { return formatScaled(picodollars, 12); }

QString perMillion(qint64 picodollarsPerToken) { return formatScaled(picodollarsPerToken, 6); }

core::Result<qint64> parsePerMillion(const QString &text, const QString &field)
{
    return parseScaled(text, 6, field, QStringLiteral("a millionth of a dollar per million tokens"));
}

qint64 costOf(const Price &price, const Usage &usage)
{
    return price.prompt * usage.promptTokens + price.completion * usage.completionTokens + price.request;
}

} // namespace fliptech::ai
