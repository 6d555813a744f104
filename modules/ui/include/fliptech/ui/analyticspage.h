#pragma once
// The Analytics page (issues 13 and 14): the figures behind the Dashboard, as tables to read,
// sort and export. At the top the period (PeriodPicker) and two filters (a lead source, a
// campaign); KPI cards (new leads and their change against the period before, campaign e-mails
// sent, their open and reply rates, replies received, revenue); then a tab each for
//   Trends     — per day, week or month: leads that came in, e-mails sent, conversions, revenue,
//                costs (a chart and the table);
//   Funnel     — scraped → enriched → contacted → replied → qualified → won with the rate from
//                the stage before and from the start, and the median time between them;
//   Sources, Locations, Campaigns — leads, conversions, revenue, cost, profit, ROI, cost per
//                lead and per conversion (and the overall line);
//   Templates  — sent, opened, clicked, replied, bounced and their rates, leads converted.
// Every figure comes from analytics::RevenueService, as the API's /analytics/* answers, read off
// the window's thread. A row double-clicked (or Enter) asks for exactly the leads behind it
// (leadsRequested: the main window opens the leads page on them). Ctrl+C copies the selected
// rows; Export writes the shown table as CSV or the period's report. A change to the leads shows
// within a second while the page is visible, and when it is next shown otherwise.

#include "fliptech/analytics/query.h"
#include "fliptech/core/error.h"

#include <QFuture>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QChartView;
class QTabWidget;
class QTableWidget;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class PeriodPicker;

class AnalyticsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit AnalyticsPage(engine::Engine &engine, QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    // Reads every figure of the period and filters off the window's thread, then shows them (refreshed()).
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    PeriodPicker *periodPicker() const { return m_period; }
    // The period, filters and zone the page shows.
    analytics::Query query() const;
    // The tables by name: trends, funnel, sources, locations, campaigns, templates.
    QTableWidget *table(const QString &name) const;
    // Shows the tab of that table.
    void showTable(const QString &name);
    // The table as CSV (the headers, then each row as shown, in its current order).
    core::Status saveTable(const QString &name, const QString &path) const;
    // The leads behind row `row` of a table (RevenueService::drillDown), then leadsRequested.
    // False, and a message, when the row has none or cannot have any (templates, the overall line).
    bool drillRow(const QString &name, int row);

Q_SIGNALS:
    void leadsRequested(const QString &caption, const QJsonObject &filter);
    // The figures of the latest refresh() are on the page.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Figures {
        analytics::Query q;
        QString bucket;
        QString error; // nothing could be read
        QJsonObject overview, trends, funnel, sources, locations, campaigns, templates;
    };
    static Figures compute(engine::Engine &engine, const analytics::Query &q);
    void apply(const Figures &f);
    void fillFilters(const Figures &f);
    void copySelection(QTableWidget *table) const;

    engine::Engine &m_engine;
    QFuture<Figures> m_future;
    quint64 m_ticket = 0;
    bool m_refreshing = false;
    bool m_stale = false; // the leads changed while the page was hidden
    PeriodPicker *m_period;
    QComboBox *m_source;
    QComboBox *m_campaign;
    QTabWidget *m_tabs;
    QLabel *m_newLeads, *m_sent, *m_openRate, *m_replyRate, *m_replies, *m_revenue;
    QChartView *m_trendChart, *m_funnelChart;
    QHash<QString, QTableWidget *> m_tables;
    QLabel *m_message;
};

} // namespace fliptech::ui
