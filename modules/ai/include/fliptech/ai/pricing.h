#pragma once
// Money for AI calls, exactly (issue 12). Providers price tokens in fractions of a cent
// (OpenRouter: USD per token as decimal strings, "0.00000015"), so prices and call costs are kept
// in integer picodollars (1e-12 USD): every published price is a whole number of them, a call's
// cost is tokens x price with no rounding, and sums never drift. Whole cents appear only where
// money is reported: the costs table gets, per call, the cents the running total crossed, so the
// sum of those rows always equals the total spent rounded down to the cent.

#include "fliptech/core/error.h"

#include <QString>

namespace fliptech::ai {

inline constexpr qint64 picodollarsPerCent = 10'000'000'000LL;

struct Price {
    qint64 prompt = 0;     // picodollars per prompt token
    qint64 completion = 0; // picodollars per completion token
    qint64 request = 0;    // picodollars per call
};

struct Usage {
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

// "0.00000015", "1.5e-7", "0" → picodollars; a negative, non-numeric or finer-than-picodollar
// amount is a ValidationFailed naming `field`.
core::Result<qint64> parseUsd(const QString &text, const QString &field = QStringLiteral("price"));
// Picodollars as USD with as many decimals as it needs ("0.00000015", "12.5", "0").
QString formatUsd(qint64 picodollars);
// USD per million tokens as people quote it: 150000 picodollars/token → "0.15".
QString perMillion(qint64 picodollarsPerToken);
// The other way: "0.15" (USD per million tokens) → picodollars per token.
core::Result<qint64> parsePerMillion(const QString &text, const QString &field = QStringLiteral("price"));

qint64 costOf(const Price &price, const Usage &usage);
// Whole cents crossed when a running total goes from `before` to `after` picodollars.
inline qint64 centsCrossed(qint64 before, qint64 after) { return after / picodollarsPerCent - before / picodollarsPerCent; }

} // namespace fliptech::ai
