#pragma once
// Money: an integer number of cents and an ISO 4217 currency code. Never a float.

#include <QString>

#include <compare>

namespace fliptech::core {

struct Money {
    qint64 cents = 0;
    QString currency = QStringLiteral("USD");

    // "1234.56" or "-0.05" or "12" -> cents; false on anything else (no floats involved).
    static bool parse(const QString &text, qint64 *cents);
    QString toString() const; // "1234.56"
    bool operator==(const Money &) const = default;
};

} // namespace fliptech::core
