#include "fliptech/core/money.h"

#include <limits>

namespace fliptech::core {

bool Money::parse(const QString &text, qint64 *cents)
{
    const QString s = text.trimmed();
    if (s.isEmpty())
        return false;
    int i = 0;
    bool negative = false;
    if (s[0] == u'-' || s[0] == u'+') {
        negative = s[0] == u'-';
        ++i;
    }
    qint64 units = 0;
    int digits = 0;
    for (; i < s.size() && s[i].isDigit(); ++i, ++digits) {
        if (units > (std::numeric_limits<qint64>::max() / 100 - 9) / 10)
            return false;
        units = units * 10 + s[i].digitValue();
    }
    qint64 fraction = 0;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        int fdigits = 0;
        for (; i < s.size() && s[i].isDigit(); ++i, ++fdigits) {
            if (fdigits >= 2)
                return false; // sub-cent precision is refused, not rounded away silently
            fraction = fraction * 10 + s[i].digitValue();
        }
        if (fdigits == 1)
            fraction *= 10;
        digits += fdigits;
    }
    if (i != s.size() || digits == 0)
        return false;
    const qint64 total = units * 100 + fraction;
    *cents = negative ? -total : total;
    return true;
}

QString Money::toString() const
{
    const qint64 a = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

} // namespace fliptech::core
