#pragma once
// The revenue projection (issue 13's /revenue/forecast): a least-squares line through the monthly
// revenue, plus each calendar month's average departure from that line when there are at least
// two years of history (additive seasonality), with a 95 % prediction interval from the residuals
// (Student's t with the degrees of freedom left after the fit).
//
// Why this method: a small agency has a few dozen months of lumpy revenue at most. A line (and,
// given two years, the month-of-year effect) is what such a series can support; richer models
// (ARIMA, exponential smoothing with fitted parameters) overfit it and give intervals that look
// tighter than the data justify. The interval widens with the distance from the data, and the
// residual spread is reported, so a user sees how much to trust it. Amounts in and out are
// integer cents; the fit itself is arithmetic on doubles (an estimate, never a sum of money).

#include <QList>
#include <QtGlobal>

namespace fliptech::analytics {

struct ProjectedMonth {
    qint64 pointCents = 0;
    qint64 lowCents = 0;  // never below 0
    qint64 highCents = 0;
};

struct Projection {
    bool ok = false;          // false: fewer than 3 months of history
    bool seasonal = false;    // month-of-year effects used (24 months or more)
    double slopeCentsPerMonth = 0;
    double residualSdCents = 0;
    int degreesOfFreedom = 0;
    QList<ProjectedMonth> months;
};

// `history`: revenue of consecutive months, oldest first; `firstCalendarMonth`: 1-12, the
// calendar month of history[0]; `horizon`: months to project after the last one.
Projection projectMonthly(const QList<qint64> &history, int firstCalendarMonth, int horizon);

// Student's t, two-sided 95 % (the 0.975 quantile), for `df` degrees of freedom (≥ 1).
double tQuantile975(int df);

} // namespace fliptech::analytics
