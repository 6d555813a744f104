#pragma once
// The Dashboard (issue 13): the period chosen at the top (last 7 or 30 days, this or last month,
// this quarter, this year, the last 12 months, or a custom range of days; in this computer's time zone),
// KPI cards (revenue and its change against the period before, the weighted pipeline, the share
// of new leads converted, ROI, spend), and Qt Charts: revenue over the period (days, weeks or
// months by its length), revenue by lead source, the lead funnel and the costs stacked by type. Every
// figure comes from analytics::RevenueService, as the API's. Below them the forecast: the last
// twelve months and the next six projected, with the 95 % band. Clicking a point, bar or slice
// asks for exactly the leads behind it (leadsRequested: the main window opens the leads page on
// them). Export: the dashboard as PNG or PDF, or the report (CSV, JSON, PDF) of its period.
// The charts follow the palette (light or dark), and the page scrolls on a small screen. A
// second tab holds the pipeline board (pipelinepage.h).

#include <QWidget>

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include "fliptech/analytics/revenueservice.h"

#include <QFuture>
#include <QJsonObject>

#include <optional>

class QLabel;
class QChartView;
class QTabWidget;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    // `actor`: who moves deals on the Pipeline tab.
    explicit DashboardPage(engine::Engine &engine, QWidget *parent = nullptr, leads::Actor actor = leads::Actor::system());
    ~DashboardPage() override;
    // The Pipeline tab's board (made when first shown).
    class PipelinePage *pipeline();
    // Reads every figure of the period off the window's thread, then draws them (refreshed()).
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    // [from, to) of the chosen period, in UTC.
    QPair<QDateTime, QDateTime> period() const;
    // The leads behind a figure of the period (RevenueService::drillDown), then leadsRequested;
    // `from`/`to` narrow the period (a point of the trend). False, and a message, when none.
    bool drill(const QString &caption, const QString &figure, const QString &groupBy, const QString &key, const QDateTime &from = {}, const QDateTime &to = {});
    // The dashboard as it looks: PNG (or any image type Qt writes) or, for ".pdf", a PDF page.
    core::Status saveImage(const QString &path);
    // The analytics report of the period: ".csv", ".json" or ".pdf" by the file's extension.
    core::Status saveReport(const QString &path);

Q_SIGNALS:
    void leadsRequested(const QString &caption, const QJsonObject &filter);
    // A card of the pipeline double-clicked.
    void leadOpened(qint64 leadId);
    // The figures of the latest refresh() are on the page.
    void refreshed();

private:
    struct Figures {
        analytics::Query q;
        QString bucket;
        QString error; // the dashboard itself could not be read
        QJsonObject dashboard;
        std::optional<QJsonObject> trends, sources, funnel, costs, forecast;
    };
    static Figures compute(engine::Engine &engine, const analytics::Query &q);
    void apply(const Figures &f);
    // The report of [from, to) to `path` (any thread: it touches no widget).
    static core::Status writeReport(engine::Engine &engine, const QPair<QDateTime, QDateTime> &period, const QString &path);

    engine::Engine &m_engine;
    leads::Actor m_actor;
    QFuture<Figures> m_future;
    quint64 m_ticket = 0;
    bool m_refreshing = false;
    QTabWidget *m_tabs;
    QWidget *m_overview;
    class PipelinePage *m_board = nullptr;
    class PeriodPicker *m_period;
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
    QChartView *m_forecast;
};

} // namespace fliptech::ui
