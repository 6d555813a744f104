#pragma once
// Ratios from integers, as every analytics figure shows them: a / b rounded half away from zero;
// a percentage with two decimals; a rate (0-1) with four. Null where the base is zero.

#include <QJsonValue>
#include <QtGlobal>

namespace fliptech::analytics {

inline qint64 divRound(qint64 a, qint64 b)
{
    if (b == 0)
        return 0;
    const bool negative = (a < 0) != (b < 0);
    const qint64 q = (qAbs(a) + qAbs(b) / 2) / qAbs(b);
    return negative ? -q : q;
}

inline QJsonValue percent(qint64 part, qint64 whole) { return whole == 0 ? QJsonValue() : QJsonValue(double(divRound(part * 10000, whole)) / 100.0); }

inline QJsonValue rate(qint64 part, qint64 whole) { return whole == 0 ? QJsonValue() : QJsonValue(double(divRound(part * 10000, whole)) / 10000.0); }

} // namespace fliptech::analytics
