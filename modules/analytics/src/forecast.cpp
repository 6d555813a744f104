#include "fliptech/analytics/forecast.h"

#include <QtMath>

#include <array>

namespace fliptech::analytics {

double tQuantile975(int df)
{
    static constexpr std::array<double, 30> table{12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                                  2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1)
        return table.front();
    if (df <= 30)
        return table.at(std::size_t(df - 1));
    // Beyond 30 the quantile falls towards the normal's 1.960 as 1/df.
    return 1.960 + (2.042 - 1.960) * 30.0 / double(df);
}

Projection projectMonthly(const QList<qint64> &history, int firstCalendarMonth, int horizon)
{
    Projection p;
    const int n = int(history.size());
    if (n < 3 || horizon < 1)
        return p;
    // The line y = a + b·x (x = 0..n-1) and, from 24 months, month-of-year effects s[m] summing
    // to zero, fitted together by least squares: backfitting (the line on the series less the
    // effects, the effects from what the line leaves) converges to the joint fit; a line alone
    // would be tilted by where in the span the strong months fall.
    double mx = 0;
    for (int x = 0; x < n; ++x)
        mx += x;
    mx /= n;
    double sxx = 0;
    for (int x = 0; x < n; ++x)
        sxx += (x - mx) * (x - mx);
    std::array<double, 12> season{};
    p.seasonal = n >= 24;
    double a = 0, b = 0;
    for (int round = 0; round < (p.seasonal ? 50 : 1); ++round) {
        double my = 0, sxy = 0;
        for (int x = 0; x < n; ++x)
            my += double(history.at(x)) - season[(firstCalendarMonth - 1 + x) % 12];
        my /= n;
        for (int x = 0; x < n; ++x)
            sxy += (x - mx) * (double(history.at(x)) - season[(firstCalendarMonth - 1 + x) % 12] - my);
        b = sxx > 0 ? sxy / sxx : 0;
        a = my - b * mx;
        if (!p.seasonal)
            break;
        std::array<double, 12> sum{};
        std::array<int, 12> count{};
        for (int x = 0; x < n; ++x) {
            const int m = (firstCalendarMonth - 1 + x) % 12;
            sum[m] += double(history.at(x)) - (a + b * x);
            ++count[m];
        }
        double mean = 0;
        for (int m = 0; m < 12; ++m) {
            season[m] = count[m] > 0 ? sum[m] / count[m] : 0;
            mean += season[m];
        }
        for (double &v : season)
            v -= mean / 12;
    }
    double sse = 0;
    for (int x = 0; x < n; ++x) {
        const double fitted = a + b * x + season[(firstCalendarMonth - 1 + x) % 12];
        sse += (double(history.at(x)) - fitted) * (double(history.at(x)) - fitted);
    }
    p.degreesOfFreedom = qMax(1, n - 2 - (p.seasonal ? 11 : 0));
    p.residualSdCents = qSqrt(sse / p.degreesOfFreedom);
    p.slopeCentsPerMonth = b;
    const double t = tQuantile975(p.degreesOfFreedom);
    for (int h = 1; h <= horizon; ++h) {
        const int x = n - 1 + h;
        const double point = a + b * x + season[(firstCalendarMonth - 1 + x) % 12];
        // The variance of a new month: the noise, the line's uncertainty there, and (with
        // seasons) that of its month's effect, estimated from that month's few observations.
        const int calendar = (firstCalendarMonth - 1 + x) % 12;
        double k = 0;
        if (p.seasonal) {
            for (int i = 0; i < n; ++i)
                k += (firstCalendarMonth - 1 + i) % 12 == calendar;
        }
        const double leverage = 1.0 / n + (x - mx) * (x - mx) / (sxx > 0 ? sxx : 1) + (k > 0 ? 1.0 / k : 0);
        const double half = t * p.residualSdCents * qSqrt(1.0 + leverage);
        ProjectedMonth m;
        m.pointCents = qMax<qint64>(0, qRound64(point));
        m.lowCents = qMax<qint64>(0, qRound64(point - half));
        m.highCents = qMax<qint64>(0, qRound64(point + half));
        p.months.append(m);
    }
    p.ok = true;
    return p;
}

} // namespace fliptech::analytics
