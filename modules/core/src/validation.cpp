#include "fliptech/core/validation.h"

namespace fliptech::core {

bool isEmailAddress(const QString &text)
{
    // ^[^@\s]+@[^@\s]+\.[^@\s]+$ by hand: it runs for every row of an import.
    const qsizetype n = text.size();
    if (n > 254)
        return false;
    const QChar *s = text.constData();
    qsizetype at = -1;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v')
            return false;
        if (c == u'@') {
            if (at >= 0)
                return false;
            at = i;
        }
    }
    if (at <= 0)
        return false;
    // A dot in the domain with something on both sides.
    for (qsizetype i = at + 2; i < n - 1; ++i)
        if (s[i] == u'.')
            return true;
    return false;
}

} // namespace fliptech::core
