#pragma once
// The Dashboard (issue 13, first version): the period chosen at the top (last 7 or 30 days, this
// or last month, this quarter, this year, the last 12 months; in this computer's time zone),
// KPI cards (revenue and its change against the period before, the weighted pipeline, the share
// of new leads converted, ROI, spend), and Qt Charts: revenue over the period (days, weeks or
// months by its length), revenue by lead source, the lead funnel and the costs by type. Every
// figure comes from analytics::RevenueService, as the API's. Not yet: drill-down to the leads
// page, the forecast band, the pipeline board, PDF/PNG export, dark theme colours.

#include <QWidget>

class QComboBox;
class QLabel;
class QChartView;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(engine::Engine &engine, QWidget *parent = nullptr);
    void refresh();
    // [from, to) of the chosen period, in UTC.
    QPair<QDateTime, QDateTime> period() const;

private:
    engine::Engine &m_engine;
    QComboBox *m_range;
    QLabel *m_revenue;
    QLabel *m_pipeline;
    QLabel *m_conversion;
    QLabel *m_roi;
    QLabel *m_spend;
    QLabel *m_message;
    QChartView *m_trend;
    QChartView *m_sources;
    QChartView *m_funnel;
    QChartView *m_costs;
};

} // namespace fliptech::ui
