#include "fliptech/ui/analyticspage.h"

#include "analyticsparts.h"
#include "fliptech/analytics/reportexport.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/periodpicker.h"
#include "money.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>

namespace fliptech::ui {

namespace {

// How a column shows its JSON value.
enum class Kind { Text, Count, Money, Rate, Percent, Hours };

struct TableColumn {
    const char *key;
    const char *header; // QT_TR_NOOP in fliptech::ui::AnalyticsPage
    Kind kind;
};

const TableColumn kTrendColumns[] = {{"label", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Period"), Kind::Text},
                                {"leads_created", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "New leads"), Kind::Count},
                                {"emails_sent", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "E-mails sent"), Kind::Count},
                                {"conversions", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Conversions"), Kind::Count},
                                {"revenue_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Revenue"), Kind::Money},
                                {"cost_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Costs"), Kind::Money}};
const TableColumn kFunnelColumns[] = {{"stage", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Stage"), Kind::Text},
                                 {"leads", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Leads"), Kind::Count},
                                 {"rate_from_previous", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Of the stage before"), Kind::Rate},
                                 {"rate_from_start", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Of all"), Kind::Rate},
                                 {"median_hours_from_previous", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Median time from the stage before"), Kind::Hours}};
const TableColumn kRoiColumns[] = {{"key", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Name"), Kind::Text},
                              {"leads", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "New leads"), Kind::Count},
                              {"conversions", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Conversions"), Kind::Count},
                              {"revenue_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Revenue"), Kind::Money},
                              {"cost_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Cost"), Kind::Money},
                              {"profit_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Profit"), Kind::Money},
                              {"roi_percent", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "ROI"), Kind::Percent},
                              {"cost_per_lead_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Cost per lead"), Kind::Money},
                              {"cost_per_conversion_cents", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Cost per conversion"), Kind::Money}};
const TableColumn kTemplateColumns[] = {{"name", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Template"), Kind::Text},
                                   {"sent", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Sent"), Kind::Count},
                                   {"opened", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Opened"), Kind::Count},
                                   {"clicked", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Clicked"), Kind::Count},
                                   {"replied", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Replied"), Kind::Count},
                                   {"bounced", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Bounced"), Kind::Count},
                                   {"open_rate", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Open rate"), Kind::Rate},
                                   {"click_rate", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Click rate"), Kind::Rate},
                                   {"reply_rate", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Reply rate"), Kind::Rate},
                                   {"bounce_rate", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Bounce rate"), Kind::Rate},
                                   {"leads_converted", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Leads won after it"), Kind::Count},
                                   {"conversion_rate", QT_TRANSLATE_NOOP("fliptech::ui::AnalyticsPage", "Won"), Kind::Rate}};

// A column's header, marked above with QT_TRANSLATE_NOOP.
QString header(const char *text) { return QCoreApplication::translate("fliptech::ui::AnalyticsPage", text); }

// A cell that sorts by its number (Qt::UserRole), not its text; nulls first.
class NumberItem final : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override { return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble(); }
};

QString duration(double hours)
{
    if (hours < 1)
        return QCoreApplication::translate("fliptech::ui::AnalyticsPage", "%1 min").arg(QLocale().toString(qRound(hours * 60)));
    if (hours < 48)
        return QCoreApplication::translate("fliptech::ui::AnalyticsPage", "%1 h").arg(QLocale().toString(hours, 'f', 1));
    return QCoreApplication::translate("fliptech::ui::AnalyticsPage", "%1 days").arg(QLocale().toString(hours / 24, 'f', 1));
}

QString shown(const QJsonValue &v, Kind kind)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("—");
    switch (kind) {
    case Kind::Text:
        return v.toString();
    case Kind::Count:
        return QLocale().toString(v.toInteger());
    case Kind::Money:
        return money(v.toInteger());
    case Kind::Rate:
        return QLocale().toString(v.toDouble() * 100, 'f', 1) + QStringLiteral(" %");
    case Kind::Percent:
        return QLocale().toString(v.toDouble(), 'f', 0) + QStringLiteral(" %");
    case Kind::Hours:
        return duration(v.toDouble());
    }
    return {};
}

template <std::size_t N>
QTableWidget *makeTable(QWidget *parent, const QString &name, const TableColumn (&columns)[N])
{
    auto *t = new QTableWidget(0, int(N), parent);
    t->setObjectName(name + QStringLiteral("Table"));
    QStringList headers;
    for (const TableColumn &c : columns)
        headers << header(c.header);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->setVisible(false);
    // The name takes the room; the figures their own width, side by side.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setMinimumSectionSize(72);
    for (int i = 1; i < int(N); ++i)
        t->horizontalHeaderItem(i)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return t;
}

// Rows of JSON objects into `t`, a cell per column; `key` (kept on the first cell, Qt::UserRole + 1)
// says what a row's drill-down asks for. The user's sort order is kept.
template <std::size_t N>
void fill(QTableWidget *t, const QJsonArray &rows, const TableColumn (&columns)[N], const std::function<QString(const QJsonObject &)> &label = {},
          const std::function<QVariant(const QJsonObject &)> &key = {})
{
    const bool sorting = t->isSortingEnabled();
    t->setSortingEnabled(false);
    t->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const QJsonObject o = rows.at(r).toObject();
        for (int c = 0; c < int(N); ++c) {
            const TableColumn &col = columns[c];
            const QJsonValue v = o.value(QLatin1String(col.key));
            QTableWidgetItem *item;
            if (col.kind == Kind::Text) {
                item = new QTableWidgetItem(label ? label(o) : v.toString());
                if (key)
                    item->setData(Qt::UserRole + 1, key(o));
            } else {
                item = new NumberItem(shown(v, col.kind));
                item->setData(Qt::UserRole, v.isNull() || v.isUndefined() ? -std::numeric_limits<double>::max() : v.toDouble());
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            t->setItem(r, c, item);
        }
    }
    t->setSortingEnabled(sorting);
}

// "All: 120 new leads, 4 conversions, $5,000.00 revenue, $350.00 cost, ROI 1,329 %".
QString roiSummary(const QJsonObject &o)
{
    return QCoreApplication::translate("fliptech::ui::AnalyticsPage", "All: %1 new leads, %2 conversions, %3 revenue, %4 cost, ROI %5")
        .arg(QLocale().toString(o.value(QStringLiteral("leads")).toInteger()), QLocale().toString(o.value(QStringLiteral("conversions")).toInteger()),
             money(o.value(QStringLiteral("revenue_cents")).toInteger()), money(o.value(QStringLiteral("cost_cents")).toInteger()),
             shown(o.value(QStringLiteral("roi_percent")), Kind::Percent));
}

// A CSV cell. A name (`text`) a spreadsheet would run as a formula is written as text.
QString csvField(QString s, bool text)
{
    if (text && !s.isEmpty() && QStringLiteral("=+-@").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

std::optional<QJsonObject> valueOf(core::Result<QJsonObject> r, QString *error)
{
    if (r)
        return *r;
    if (error->isEmpty())
        *error = r.error().userMessage();
    return std::nullopt;
}

const QStringList kTableNames{QStringLiteral("trends"), QStringLiteral("funnel"), QStringLiteral("sources"), QStringLiteral("locations"), QStringLiteral("campaigns"),
                              QStringLiteral("templates")};
} // namespace

AnalyticsPage::AnalyticsPage(engine::Engine &engine, QWidget *parent) : QWidget(parent), m_engine(engine)
{
    setObjectName(QStringLiteral("analyticsPage"));
    m_period = new PeriodPicker(engine.clock(), QStringLiteral("analytics"), this);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("analyticsSource"));
    m_source->addItem(tr("All sources"), QString());
    m_source->setToolTip(tr("Only the leads from this source"));
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("analyticsCampaign"));
    m_campaign->addItem(tr("All campaigns"), qint64(-1));
    m_campaign->setToolTip(tr("Only the leads of this campaign (and, for templates, its e-mails)"));
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("analyticsRefresh"));
    refreshButton->setToolTip(tr("F5"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("analyticsExport"));
    exportButton->setText(tr("E&xport"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("This table as CSV…"), this, [this] {
        const QString name = kTableNames.value(m_tabs->currentIndex());
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the table"), name + QStringLiteral(".csv"), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        const core::Status saved = saveTable(name, path);
        m_message->setText(saved ? tr("Saved %1.").arg(QFileInfo(path).fileName()) : saved.error().userMessage());
    });
    exportMenu->addSeparator();
    for (const auto &[label, format] : {std::pair{tr("Report as PDF…"), "pdf"}, std::pair{tr("Report as CSV…"), "csv"}, std::pair{tr("Report as JSON…"), "json"}})
        exportMenu->addAction(label, this, [this, format = QLatin1String(format)] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save the report"), QStringLiteral("analytics.") + format, format.toString().toUpper() +
                                                                                                                               QStringLiteral(" (*.") + format + QLatin1Char(')'));
            if (path.isEmpty())
                return;
            const QJsonObject request = reportRequest(query(), format);
            // The report reads every figure again: off the window's thread.
            m_message->setText(tr("Writing the report…"));
            auto *watcher = new QFutureWatcher<QString>(this);
            connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
                const QString error = watcher->result();
                m_message->setText(error.isEmpty() ? tr("Report saved: %1.").arg(QFileInfo(path).fileName()) : error);
                watcher->deleteLater();
            });
            watcher->setFuture(QtConcurrent::run([&engine = m_engine, request, path] {
                auto written = engine.reports().write(request, path);
                return written ? QString() : written.error().userMessage();
            }));
        });
    exportButton->setMenu(exportMenu);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Period:"), this));
    top->addWidget(m_period);
    top->addWidget(m_source);
    top->addWidget(m_campaign);
    top->addStretch();
    top->addWidget(exportButton);
    top->addWidget(refreshButton);

    auto *cards = new QGridLayout;
    m_newLeads = kpiCard(this, cards, 0, tr("New leads"), "analyticsNewLeads");
    m_sent = kpiCard(this, cards, 1, tr("E-mails sent"), "analyticsSent");
    m_openRate = kpiCard(this, cards, 2, tr("Open rate"), "analyticsOpenRate");
    m_replyRate = kpiCard(this, cards, 3, tr("Reply rate"), "analyticsReplyRate");
    m_replies = kpiCard(this, cards, 4, tr("Replies"), "analyticsReplies");
    m_revenue = kpiCard(this, cards, 5, tr("Revenue"), "analyticsRevenue");

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("analyticsTabs"));
    m_trendChart = chartView(this, "analyticsTrendChart");
    m_funnelChart = chartView(this, "analyticsFunnelChart");
    auto addTab = [this](const QString &name, QTableWidget *table, const QString &title, QChartView *chart, const QString &hint) {
        table->setSortingEnabled(name != QLatin1String("trends") && name != QLatin1String("funnel")); // in their own order
        table->setToolTip(hint);
        m_tables.insert(name, table);
        auto *page = new QWidget(m_tabs);
        auto *v = new QVBoxLayout(page);
        if (chart) {
            auto *split = new QSplitter(Qt::Vertical, page);
            split->addWidget(chart);
            split->addWidget(table);
            v->addWidget(split);
        } else {
            v->addWidget(table);
        }
        auto *footer = new QLabel(page);
        footer->setObjectName(name + QStringLiteral("Summary"));
        footer->setWordWrap(true);
        v->addWidget(footer);
        m_tabs->addTab(page, title);
        connect(table, &QTableWidget::cellActivated, this, [this, name](int row) { drillRow(name, row); });
        table->installEventFilter(this); // Ctrl+C: the rows, not the view's one cell
    };
    const QString drillHint = tr("Double-click a row (or press Enter) to see its leads; Ctrl+C copies the selected rows");
    addTab(QStringLiteral("trends"), makeTable(this, QStringLiteral("trends"), kTrendColumns), tr("&Trends"), m_trendChart, drillHint);
    addTab(QStringLiteral("funnel"), makeTable(this, QStringLiteral("funnel"), kFunnelColumns), tr("&Funnel"), m_funnelChart, drillHint);
    addTab(QStringLiteral("sources"), makeTable(this, QStringLiteral("sources"), kRoiColumns), tr("&Sources"), nullptr, drillHint);
    addTab(QStringLiteral("locations"), makeTable(this, QStringLiteral("locations"), kRoiColumns), tr("&Locations"), nullptr, drillHint);
    addTab(QStringLiteral("campaigns"), makeTable(this, QStringLiteral("campaigns"), kRoiColumns), tr("&Campaigns"), nullptr, drillHint);
    addTab(QStringLiteral("templates"), makeTable(this, QStringLiteral("templates"), kTemplateColumns), tr("T&emplates"), nullptr,
           tr("Campaign e-mails sent in the period by template; Ctrl+C copies the selected rows"));
    m_tables.value(QStringLiteral("sources"))->horizontalHeaderItem(0)->setText(tr("Source"));
    m_tables.value(QStringLiteral("locations"))->horizontalHeaderItem(0)->setText(tr("Location"));
    m_tables.value(QStringLiteral("campaigns"))->horizontalHeaderItem(0)->setText(tr("Campaign"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("analyticsMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);

    connect(m_period, &PeriodPicker::changed, this, &AnalyticsPage::refresh);
    connect(m_source, &QComboBox::currentIndexChanged, this, &AnalyticsPage::refresh);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, &AnalyticsPage::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &AnalyticsPage::refresh);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this, &AnalyticsPage::refresh);
    // A lead added, won or changed elsewhere shows within a second (when next shown, if hidden).
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(1000);
    connect(debounce, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    connect(&engine.events(), &storage::EventStore::eventAppended, this, [debounce](const storage::Event &e) {
        if (e.channel == QLatin1String("leads"))
            debounce->start();
    });
    refresh();
}

AnalyticsPage::~AnalyticsPage()
{
    // The figures being read use the engine: done before the page (and maybe the engine) goes.
    m_future.waitForFinished();
}

void AnalyticsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        refresh();
    }
}

analytics::Query AnalyticsPage::query() const
{
    analytics::Query q;
    q.zone = QTimeZone::systemTimeZone();
    std::tie(q.from, q.to) = m_period->period();
    q.source = m_source->currentData().toString();
    if (const qint64 campaign = m_campaign->currentData().toLongLong(); campaign >= 0)
        q.campaignId = campaign;
    return q;
}

QTableWidget *AnalyticsPage::table(const QString &name) const { return m_tables.value(name); }

void AnalyticsPage::showTable(const QString &name)
{
    if (const qsizetype i = kTableNames.indexOf(name); i >= 0)
        m_tabs->setCurrentIndex(int(i));
}

AnalyticsPage::Figures AnalyticsPage::compute(engine::Engine &engine, const analytics::Query &q)
{
    Figures f;
    f.q = q;
    const qint64 days = q.from.daysTo(q.to);
    f.bucket = days <= 62 ? QStringLiteral("day") : days <= 190 ? QStringLiteral("week") : QStringLiteral("month");
    auto &revenue = engine.revenue();
    // Side by side, as the Dashboard's (each thread has its own connection).
    const QString bucket = f.bucket;
    auto trends = QtConcurrent::run([&revenue, q, bucket] { return revenue.activityTrends(q, bucket); });
    auto funnel = QtConcurrent::run([&revenue, q] { return revenue.leadFunnel(q); });
    auto sources = QtConcurrent::run([&revenue, q] { return revenue.roi(q, QStringLiteral("source")); });
    auto locations = QtConcurrent::run([&revenue, q] { return revenue.roi(q, QStringLiteral("location")); });
    auto campaigns = QtConcurrent::run([&revenue, q] { return revenue.roi(q, QStringLiteral("campaign")); });
    auto templates = QtConcurrent::run([&revenue, q] { return revenue.templatePerformance(q); });
    auto overview = revenue.analyticsDashboard(q);
    QString error;
    const std::pair<QJsonObject *, std::optional<QJsonObject>> parts[] = {
        {&f.overview, valueOf(overview, &error)},          {&f.trends, valueOf(trends.result(), &error)},
        {&f.funnel, valueOf(funnel.result(), &error)},       {&f.sources, valueOf(sources.result(), &error)},
        {&f.locations, valueOf(locations.result(), &error)}, {&f.campaigns, valueOf(campaigns.result(), &error)},
        {&f.templates, valueOf(templates.result(), &error)}};
    for (const auto &[into, value] : parts)
        if (value)
            *into = *value;
    f.error = error;
    return f;
}

void AnalyticsPage::refresh()
{
    const analytics::Query q = query();
    // The newest request wins: an older answer arriving late is dropped.
    const quint64 ticket = ++m_ticket;
    m_refreshing = true;
    auto *watcher = new QFutureWatcher<Figures>(this);
    connect(watcher, &QFutureWatcher<Figures>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return;
        apply(watcher->result());
        m_refreshing = false;
        Q_EMIT refreshed();
    });
    m_future = QtConcurrent::run([&engine = m_engine, q] { return compute(engine, q); });
    watcher->setFuture(m_future);
}

void AnalyticsPage::fillFilters(const Figures &f)
{
    // The choices are what the unfiltered period holds; a filter chosen keeps the list it came from.
    if (f.q.source.isEmpty() && !f.q.campaignId) {
        const QSignalBlocker a(m_source), b(m_campaign);
        while (m_source->count() > 1)
            m_source->removeItem(1);
        for (const QJsonValue &v : f.sources.value(QStringLiteral("items")).toArray())
            if (const QString key = v.toObject().value(QStringLiteral("key")).toString(); key != QLatin1String("(none)"))
                m_source->addItem(key, key);
        while (m_campaign->count() > 1)
            m_campaign->removeItem(1);
        for (const QJsonValue &v : f.campaigns.value(QStringLiteral("items")).toArray())
            if (const QJsonObject o = v.toObject(); o.contains(QStringLiteral("campaign_id")))
                m_campaign->addItem(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("campaign_id")).toInteger());
    }
}

void AnalyticsPage::apply(const Figures &f)
{
    m_message->setText(f.error);
    fillFilters(f);
    const QJsonObject leads = f.overview.value(QStringLiteral("leads")).toObject();
    m_newLeads->setText(QLocale().toString(leads.value(QStringLiteral("new")).toInteger()) + changeHtml(leads.value(QStringLiteral("change_percent"))));
    m_newLeads->setToolTip(tr("%1 in the period before").arg(QLocale().toString(leads.value(QStringLiteral("previous")).toInteger())));
    const QJsonObject email = f.overview.value(QStringLiteral("email")).toObject();
    m_sent->setText(QLocale().toString(email.value(QStringLiteral("sent")).toInteger()));
    m_openRate->setText(shown(email.value(QStringLiteral("open_rate")), Kind::Rate));
    m_replyRate->setText(shown(email.value(QStringLiteral("reply_rate")), Kind::Rate));
    const QJsonObject replies = f.overview.value(QStringLiteral("replies")).toObject();
    m_replies->setText(QLocale().toString(replies.value(QStringLiteral("received")).toInteger()));
    m_replies->setToolTip(tr("From %n lead(s)", nullptr, int(replies.value(QStringLiteral("leads")).toInteger())));
    const QJsonObject revenue = f.overview.value(QStringLiteral("revenue")).toObject();
    m_revenue->setText(money(revenue.value(QStringLiteral("revenue_cents")).toInteger()) + changeHtml(revenue.value(QStringLiteral("change_percent"))));

    // Trends: the table and a line each for leads, e-mails and conversions.
    const QJsonArray buckets = f.trends.value(QStringLiteral("items")).toArray();
    fill(m_tables.value(QStringLiteral("trends")), buckets, kTrendColumns, {}, [](const QJsonObject &o) {
        return QVariant(QStringList{o.value(QStringLiteral("start")).toString(), o.value(QStringLiteral("end")).toString()});
    });
    {
        auto *chart = new QChart;
        const QString by = f.bucket == QLatin1String("day") ? tr("day") : f.bucket == QLatin1String("week") ? tr("week") : tr("month");
        chart->setTitle(tr("Activity by %1").arg(by));
        auto *x = new QDateTimeAxis;
        x->setFormat(f.bucket == QLatin1String("month") ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));
        x->setTickCount(qBound(2, int(buckets.size()), 7));
        chart->addAxis(x, Qt::AlignBottom);
        auto *y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        double top = 0;
        for (const auto &[key, name] : {std::pair{"leads_created", tr("New leads")}, std::pair{"emails_sent", tr("E-mails sent")}, std::pair{"conversions", tr("Conversions")}}) {
            auto *series = new QLineSeries;
            series->setName(name);
            for (const QJsonValue &b : buckets) {
                const QJsonObject o = b.toObject();
                const double v = double(o.value(QLatin1String(key)).toInteger());
                series->append(double(QDateTime::fromString(o.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()), v);
                top = qMax(top, v);
            }
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        y->setRange(0, qMax(top * 1.05, 5.0));
        y->applyNiceNumbers();
        replaceChart(m_trendChart, chart);
    }
    findChild<QLabel *>(QStringLiteral("trendsSummary"))
        ->setText(tr("Days, weeks or months by the period's length; the costs are those dated in each, with or without a lead."));

    // Funnel: the table and its bars, the first stage at the top.
    const QJsonArray stages = f.funnel.value(QStringLiteral("stages")).toArray();
    fill(m_tables.value(QStringLiteral("funnel")), stages, kFunnelColumns, {}, [](const QJsonObject &o) { return QVariant(o.value(QStringLiteral("stage")).toString()); });
    {
        auto *chart = new QChart;
        chart->setTitle(tr("Leads that came in, by the furthest stage reached"));
        auto *set = new QBarSet(tr("Leads"));
        auto *axis = new QBarCategoryAxis;
        for (qsizetype i = stages.size() - 1; i >= 0; --i) {
            *set << double(stages.at(i).toObject().value(QStringLiteral("leads")).toInteger());
            axis->append(stages.at(i).toObject().value(QStringLiteral("stage")).toString());
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        chart->addAxis(axis, Qt::AlignLeft);
        series->attachAxis(axis);
        auto *value = new QValueAxis;
        value->setLabelFormat(QStringLiteral("%d"));
        double most = 5;
        for (int i = 0; i < set->count(); ++i)
            most = qMax(most, set->at(i));
        value->setRange(0, most * 1.1);
        value->applyNiceNumbers();
        chart->addAxis(value, Qt::AlignBottom);
        series->attachAxis(value);
        chart->legend()->hide();
        replaceChart(m_funnelChart, chart);
        connect(set, &QBarSet::doubleClicked, this, [this, n = int(stages.size())](int index) { drillRow(QStringLiteral("funnel"), n - 1 - index); });
    }
    findChild<QLabel *>(QStringLiteral("funnelSummary"))->setText(tr("Each stage counts the leads that came in during the period and reached it or a later one."));

    // Sources, locations, campaigns: ROI per group and the overall line beneath.
    const auto keyOf = [](const QJsonObject &o) { return QVariant(o.value(QStringLiteral("key")).toString()); };
    for (const auto &[name, figures] : {std::pair{QStringLiteral("sources"), &f.sources}, std::pair{QStringLiteral("locations"), &f.locations}}) {
        fill(m_tables.value(name), figures->value(QStringLiteral("items")).toArray(), kRoiColumns, {}, keyOf);
        findChild<QLabel *>(name + QStringLiteral("Summary"))->setText(roiSummary(figures->value(QStringLiteral("overall")).toObject()));
    }
    fill(
        m_tables.value(QStringLiteral("campaigns")), f.campaigns.value(QStringLiteral("items")).toArray(), kRoiColumns,
        [](const QJsonObject &o) { return o.contains(QStringLiteral("campaign_id")) ? o.value(QStringLiteral("name")).toString() : tr("(in no campaign)"); }, keyOf);
    findChild<QLabel *>(QStringLiteral("campaignsSummary"))
        ->setText(roiSummary(f.campaigns.value(QStringLiteral("overall")).toObject()) + QLatin1Char('\n') +
                  tr("A lead in two campaigns counts in each: the rows can add up to more than all."));
    fill(m_tables.value(QStringLiteral("templates")), f.templates.value(QStringLiteral("items")).toArray(), kTemplateColumns,
         [](const QJsonObject &o) { return o.value(QStringLiteral("name")).isString() ? o.value(QStringLiteral("name")).toString() : tr("(no template)"); });
    const QJsonObject all = f.templates.value(QStringLiteral("overall")).toObject();
    findChild<QLabel *>(QStringLiteral("templatesSummary"))
        ->setText(tr("All: %1 sent; opened %2, replied %3, bounced %4")
                      .arg(QLocale().toString(all.value(QStringLiteral("sent")).toInteger()), shown(all.value(QStringLiteral("open_rate")), Kind::Rate),
                           shown(all.value(QStringLiteral("reply_rate")), Kind::Rate), shown(all.value(QStringLiteral("bounce_rate")), Kind::Rate)));

    // Nothing yet: say what brings figures.
    if (f.error.isEmpty() && leads.value(QStringLiteral("new")).toInteger() == 0 && email.value(QStringLiteral("sent")).toInteger() == 0 &&
        revenue.value(QStringLiteral("revenue_cents")).toInteger() == 0)
        m_message->setText(tr("Nothing in this period yet. Import a CSV or run a scrape on the Leads and Scraper pages, send a campaign, and the figures fill in; "
                              "or choose a longer period."));
}

bool AnalyticsPage::drillRow(const QString &name, int row)
{
    QTableWidget *t = m_tables.value(name);
    if (!t || row < 0 || row >= t->rowCount() || !t->item(row, 0))
        return false;
    const QVariant key = t->item(row, 0)->data(Qt::UserRole + 1);
    const QString label = t->item(row, 0)->text();
    if (!key.isValid()) {
        m_message->setText(tr("A template's row has no leads of its own to list: its campaigns on the Campaigns tab do."));
        return false;
    }
    analytics::Query q = query();
    QString figure = QStringLiteral("leads"), groupBy, caption;
    QString drillKey = key.toString();
    if (name == QLatin1String("trends")) {
        const QStringList span = key.toStringList();
        q.from = QDateTime::fromString(span.value(0), Qt::ISODateWithMs);
        q.to = QDateTime::fromString(span.value(1), Qt::ISODateWithMs);
        drillKey.clear();
        caption = tr("New leads, %1").arg(label);
    } else if (name == QLatin1String("funnel")) {
        figure = QStringLiteral("funnel");
        caption = tr("Funnel: %1").arg(label);
    } else {
        groupBy = name == QLatin1String("sources") ? QStringLiteral("source") : name == QLatin1String("locations") ? QStringLiteral("location") : QStringLiteral("campaign");
        caption = tr("New leads: %1").arg(label);
    }
    QString message;
    const auto leads = drilledLeads(m_engine, q, figure, groupBy, drillKey, caption, tr("No leads behind “%1” in this period."), &message);
    m_message->setText(message);
    if (!leads)
        return false;
    Q_EMIT leadsRequested(leads->caption, leads->filter);
    return true;
}

core::Status AnalyticsPage::saveTable(const QString &name, const QString &path) const
{
    const QTableWidget *t = m_tables.value(name);
    if (!t)
        return core::makeError(core::ErrorCode::InvalidArgument, tr("There is no table named %1.").arg(name));
    QStringList lines;
    QStringList cells;
    for (int c = 0; c < t->columnCount(); ++c)
        cells << csvField(t->horizontalHeaderItem(c)->text(), false);
    lines << cells.join(QLatin1Char(','));
    for (int r = 0; r < t->rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < t->columnCount(); ++c)
            cells << csvField(t->item(r, c) ? t->item(r, c)->text() : QString(), c == 0);
        lines << cells.join(QLatin1Char(','));
    }
    // All or nothing: a half-written file never replaces a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write((lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8()) < 0 || !file.commit())
        return core::makeError(core::ErrorCode::Internal, tr("%1 could not be written: %2").arg(path, file.errorString()));
    return {};
}

bool AnalyticsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy))
        if (auto *t = qobject_cast<QTableWidget *>(watched); t && m_tables.key(t).size()) {
            copySelection(t);
            return true;
        }
    return QWidget::eventFilter(watched, event);
}

void AnalyticsPage::copySelection(QTableWidget *table) const
{
    QList<int> rows;
    for (const QModelIndex &i : table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    QStringList cells;
    for (int c = 0; c < table->columnCount(); ++c)
        cells << table->horizontalHeaderItem(c)->text();
    lines << cells.join(QLatin1Char('\t'));
    for (int r : std::as_const(rows)) {
        cells.clear();
        for (int c = 0; c < table->columnCount(); ++c)
            cells << (table->item(r, c) ? table->item(r, c)->text() : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void registerAnalyticsPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("analytics"));
    registry.add(PageInfo{QStringLiteral("analytics"), placeholder ? placeholder->title : QObject::tr("Analytics"), QStringLiteral("analytics"),
                          placeholder ? placeholder->order : 90, [](PageContext &context, QWidget *parent) -> QWidget * {
                              auto *page = new AnalyticsPage(context.engine, parent);
                              openRequestedLeads(page, context);
                              return page;
                          }});
}

} // namespace fliptech::ui
