#include "fliptech/ui/dashboardpage.h"

#include "fliptech/analytics/reportexport.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/pageregistry.h"
#include "analyticsparts.h"
#include "money.h"
#include "fliptech/ui/periodpicker.h"
#include "fliptech/ui/pipelinepage.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QPdfWriter>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QDateTimeAxis>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QShortcut>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtCharts/QChartView>

namespace fliptech::ui {

DashboardPage::DashboardPage(engine::Engine &engine, QWidget *parent, leads::Actor actor) : QWidget(parent), m_engine(engine), m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("dashboardPage"));
    // Overview (this page's figures, scrolling on a small screen) and Pipeline (the board).
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *overview = new QWidget(scroll);
    overview->setObjectName(QStringLiteral("dashboardOverview"));
    m_overview = overview;
    scroll->setWidget(overview);
    m_tabs->addTab(scroll, tr("&Overview"));
    auto *board = new QWidget(m_tabs);
    board->setObjectName(QStringLiteral("pipelineTab"));
    new QVBoxLayout(board);
    m_tabs->addTab(board, tr("&Pipeline"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            pipeline();
    });
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_tabs);
    m_period = new PeriodPicker(engine.clock(), QStringLiteral("dashboard"), this);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("dashboardRefresh"));
    refreshButton->setToolTip(tr("F5"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("dashboardExport"));
    exportButton->setText(tr("&Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    auto saveAs = [this](const QString &title, const QString &filters, bool report) {
        const QString path = QFileDialog::getSaveFileName(this, title, {}, filters);
        if (path.isEmpty())
            return;
        if (!report) {
            const auto saved = saveImage(path);
            m_message->setText(saved ? tr("Saved %1.").arg(QFileInfo(path).fileName()) : saved.error().userMessage());
            return;
        }
        // The report reads every figure again: off the window's thread.
        m_message->setText(tr("Writing the report…"));
        auto *watcher = new QFutureWatcher<core::Status>(this);
        connect(watcher, &QFutureWatcher<core::Status>::finished, this, [this, watcher, path] {
            const core::Status saved = watcher->result();
            m_message->setText(saved ? tr("Report saved: %1.").arg(QFileInfo(path).fileName()) : saved.error().userMessage());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([&engine = m_engine, period = period(), path] { return writeReport(engine, period, path); }));
    };
    exportMenu->addAction(tr("Dashboard as PNG…"), this, [saveAs] { saveAs(tr("Save the dashboard"), tr("PNG image (*.png)"), false); });
    exportMenu->addAction(tr("Dashboard as PDF…"), this, [saveAs] { saveAs(tr("Save the dashboard"), tr("PDF (*.pdf)"), false); });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Report as PDF…"), this, [saveAs] { saveAs(tr("Save the report"), tr("PDF (*.pdf)"), true); });
    exportMenu->addAction(tr("Report as CSV…"), this, [saveAs] { saveAs(tr("Save the report"), tr("CSV (*.csv)"), true); });
    exportMenu->addAction(tr("Report as JSON…"), this, [saveAs] { saveAs(tr("Save the report"), tr("JSON (*.json)"), true); });
    exportButton->setMenu(exportMenu);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Period:"), this));
    top->addWidget(m_period);
    top->addStretch();
    top->addWidget(exportButton);
    top->addWidget(refreshButton);
    auto *cards = new QGridLayout;
    m_revenue = kpiCard(this, cards, 0, tr("Revenue"), "kpiRevenue");
    m_pipeline = kpiCard(this, cards, 1, tr("Pipeline (weighted)"), "kpiPipeline");
    m_conversion = kpiCard(this, cards, 2, tr("New leads won"), "kpiConversion");
    m_roi = kpiCard(this, cards, 3, tr("ROI"), "kpiRoi");
    m_spend = kpiCard(this, cards, 4, tr("Spend"), "kpiSpend");
    m_trend = chartView(this, "dashboardTrend");
    m_sources = chartView(this, "dashboardSources");
    m_funnel = chartView(this, "dashboardFunnel");
    m_costs = chartView(this, "dashboardCosts");
    m_forecast = chartView(this, "dashboardForecast");
    auto *charts = new QGridLayout;
    charts->addWidget(m_trend, 0, 0);
    charts->addWidget(m_sources, 0, 1);
    charts->addWidget(m_funnel, 1, 0);
    charts->addWidget(m_costs, 1, 1);
    charts->addWidget(m_forecast, 2, 0, 1, 2);
    for (QChartView *v : {m_trend, m_sources, m_funnel, m_costs})
        v->setToolTip(tr("Click a point, bar or slice to see its leads"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("dashboardMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(overview);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addLayout(charts, 1);
    layout->addWidget(m_message);
    connect(m_period, &PeriodPicker::changed, this, &DashboardPage::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this, &DashboardPage::refresh);
    // A won deal or a cost recorded elsewhere shows within a second.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(1000);
    connect(debounce, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(&engine.events(), &storage::EventStore::eventAppended, this, [debounce](const storage::Event &e) {
        if (e.channel == QLatin1String("leads"))
            debounce->start();
    });
    refresh();
}

PipelinePage *DashboardPage::pipeline()
{
    if (!m_board) {
        QWidget *tab = m_tabs->widget(1);
        m_board = new PipelinePage(m_engine, m_actor, tab);
        tab->layout()->addWidget(m_board);
        connect(m_board, &PipelinePage::leadOpened, this, &DashboardPage::leadOpened);
    }
    return m_board;
}

QPair<QDateTime, QDateTime> DashboardPage::period() const { return m_period->period(); }

namespace {
// Every figure of a refresh, read off the window's thread.
std::optional<QJsonObject> valueOf(core::Result<QJsonObject> r)
{
    return r ? std::optional<QJsonObject>(*r) : std::nullopt;
}
} // namespace

DashboardPage::Figures DashboardPage::compute(engine::Engine &engine, const analytics::Query &q)
{
    Figures f;
    f.q = q;
    // Revenue over the period: days up to two months, weeks up to half a year, then months.
    const qint64 days = q.from.daysTo(q.to);
    f.bucket = days <= 62 ? QStringLiteral("day") : days <= 190 ? QStringLiteral("week") : QStringLiteral("month");
    auto &revenue = engine.revenue();
    // The figures are independent: read side by side (each thread has its own connection; a
    // wait runs a task that has not started yet itself, so waiting here cannot starve the pool).
    const QString bucket = f.bucket;
    auto trends = QtConcurrent::run([&revenue, q, bucket] { return valueOf(revenue.trends(q, bucket)); });
    auto sources = QtConcurrent::run([&revenue, q] { return valueOf(revenue.bySource(q)); });
    auto funnel = QtConcurrent::run([&revenue, q] { return valueOf(revenue.leadFunnel(q)); });
    auto costs = QtConcurrent::run([&revenue, q, bucket] { return valueOf(revenue.costBreakdown(q, QStringLiteral("period"), bucket)); });
    auto forecast = QtConcurrent::run([&revenue, q] { return valueOf(revenue.forecast(q, 12, 6)); });
    auto d = revenue.dashboard(q);
    f.trends = trends.result();
    f.sources = sources.result();
    f.funnel = funnel.result();
    f.costs = costs.result();
    f.forecast = forecast.result();
    if (!d)
        f.error = d.error().userMessage();
    else
        f.dashboard = *d;
    return f;
}

void DashboardPage::refresh()
{
    analytics::Query q;
    q.zone = QTimeZone::systemTimeZone();
    std::tie(q.from, q.to) = period();
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

DashboardPage::~DashboardPage()
{
    // The figures being read use the engine: done before the page (and maybe the engine) goes.
    m_future.waitForFinished();
}

void DashboardPage::apply(const Figures &f)
{
    if (!f.error.isEmpty()) {
        m_message->setText(f.error);
        return;
    }
    const std::optional<QJsonObject> d = f.dashboard;
    m_message->clear();
    const QJsonValue change = d->value(QStringLiteral("change_percent"));
    m_revenue->setText(money(d->value(QStringLiteral("revenue_cents")).toInteger()) + changeHtml(change));
    m_pipeline->setText(money(d->value(QStringLiteral("weighted_pipeline_cents")).toInteger()));
    m_pipeline->setToolTip(tr("%n open deal(s) worth %1 in all", nullptr, int(d->value(QStringLiteral("open_deals")).toInteger()))
                               .arg(money(d->value(QStringLiteral("pipeline_value_cents")).toInteger())));
    const QJsonValue rate = d->value(QStringLiteral("conversion_rate"));
    m_conversion->setText(rate.isNull() ? QStringLiteral("—") : QLocale().toString(rate.toDouble() * 100, 'f', 1) + QStringLiteral(" %"));
    const QJsonValue roi = d->value(QStringLiteral("roi_percent"));
    m_roi->setText(roi.isNull() ? QStringLiteral("—") : QLocale().toString(roi.toDouble(), 'f', 0) + QStringLiteral(" %"));
    m_spend->setText(money(d->value(QStringLiteral("spend_cents")).toInteger()));

    const QString &bucket = f.bucket;
    if (auto t = f.trends) {
        auto *chart = new QChart;
        chart->setTitle(tr("Revenue by %1").arg(bucket == QLatin1String("day") ? tr("day") : bucket == QLatin1String("week") ? tr("week") : tr("month")));
        auto *series = new QLineSeries;
        series->setName(tr("Revenue (USD)"));
        series->setPointsVisible(true);
        const QJsonArray items = t->value(QStringLiteral("items")).toArray();
        double top = 1;
        for (const QJsonValue &item : items) {
            const double v = double(item.toObject().value(QStringLiteral("revenue_cents")).toInteger()) / 100.0;
            series->append(double(QDateTime::fromString(item.toObject().value(QStringLiteral("start")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()), v);
            top = qMax(top, v);
        }
        chart->addSeries(series);
        auto *x = new QDateTimeAxis;
        x->setFormat(bucket == QLatin1String("month") ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));
        x->setTickCount(qBound(2, int(items.size()), 7));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = moneyAxis(top);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        chart->legend()->hide();
        replaceChart(m_trend, chart);
        // A point: the leads that converted in its day, week or month.
        QList<QPair<QDateTime, QDateTime>> buckets;
        for (const QJsonValue &item : items)
            buckets.append({QDateTime::fromString(item.toObject().value(QStringLiteral("start")).toString(), Qt::ISODateWithMs),
                            QDateTime::fromString(item.toObject().value(QStringLiteral("end")).toString(), Qt::ISODateWithMs)});
        connect(series, &QLineSeries::clicked, this, [this, buckets](const QPointF &point) {
            qsizetype nearest = -1;
            qint64 best = std::numeric_limits<qint64>::max();
            for (qsizetype i = 0; i < buckets.size(); ++i)
                if (const qint64 gap = qAbs(buckets.at(i).first.toMSecsSinceEpoch() - qint64(point.x())); gap < best)
                    best = gap, nearest = i;
            if (nearest >= 0)
                drill(tr("Revenue from %1").arg(QLocale().toString(buckets.at(nearest).first.toLocalTime().date(), QLocale::ShortFormat)), QStringLiteral("revenue"), {}, {},
                      buckets.at(nearest).first, buckets.at(nearest).second);
        });
    }
    if (auto s = f.sources) {
        auto *chart = new QChart;
        chart->setTitle(tr("Revenue by source"));
        auto *set = new QBarSet(tr("Revenue (USD)"));
        auto *axis = new QBarCategoryAxis;
        double top = 0;
        for (const QJsonValue &v : s->value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("revenue_cents")).toInteger() == 0)
                continue;
            *set << double(o.value(QStringLiteral("revenue_cents")).toInteger()) / 100.0;
            top = qMax(top, set->at(set->count() - 1));
            axis->append(o.value(QStringLiteral("source")).toString());
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        chart->addSeries(series);
        chart->addAxis(axis, Qt::AlignLeft);
        series->attachAxis(axis);
        auto *value = new QValueAxis;
        value->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(value, Qt::AlignBottom);
        series->attachAxis(value);
        if (top > 0)
            value->applyNiceNumbers(); // round ticks ($25,000, not $22,583)
        else
            value->setRange(0, 10); // no revenue yet: an empty chart, not a NaN axis
        chart->legend()->hide();
        replaceChart(m_sources, chart);
        connect(set, &QBarSet::clicked, this, [this, axis](int index) {
            const QString source = axis->at(index);
            drill(tr("Revenue from %1").arg(source), QStringLiteral("revenue"), QStringLiteral("source"), source);
        });
    }
    if (auto funnel = f.funnel) {
        auto *chart = new QChart;
        chart->setTitle(tr("Lead funnel (leads that came in)"));
        auto *set = new QBarSet(tr("Leads"));
        auto *axis = new QBarCategoryAxis;
        qint64 most = 1;
        for (const QJsonValue &v : funnel->value(QStringLiteral("stages")).toArray()) {
            *set << double(v.toObject().value(QStringLiteral("leads")).toInteger());
            most = qMax(most, v.toObject().value(QStringLiteral("leads")).toInteger());
            axis->append(v.toObject().value(QStringLiteral("stage")).toString());
        }
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        chart->addAxis(axis, Qt::AlignBottom);
        series->attachAxis(axis);
        auto *value = new QValueAxis;
        value->setLabelFormat(QStringLiteral("%d"));
        // Whole numbers only: as many ticks as fit the largest count.
        const qint64 step = qMax<qint64>(1, (most + 4) / 5);
        value->setRange(0, double(step * ((most + step - 1) / step)));
        value->setTickCount(int((most + step - 1) / step) + 1);
        chart->addAxis(value, Qt::AlignLeft);
        series->attachAxis(value);
        chart->legend()->hide();
        replaceChart(m_funnel, chart);
        connect(set, &QBarSet::clicked, this, [this, axis](int index) {
            const QString stage = axis->at(index);
            drill(tr("Funnel: %1").arg(stage), QStringLiteral("funnel"), {}, stage);
        });
    }
    // Costs stacked by type, per bucket of the trend.
    if (auto c = f.costs) {
        auto *chart = new QChart;
        chart->setTitle(tr("Costs by type: %1").arg(money(c->value(QStringLiteral("total_cents")).toInteger())));
        const QJsonArray buckets = c->value(QStringLiteral("items")).toArray();
        QStringList types;
        for (const QJsonValue &b : buckets)
            for (const QString &type : b.toObject().value(QStringLiteral("by_type")).toObject().keys())
                if (!types.contains(type))
                    types << type;
        types.sort();
        auto *series = new QStackedBarSeries;
        auto *axis = new QBarCategoryAxis;
        QList<QPair<QDateTime, QDateTime>> periods;
        for (const QJsonValue &b : buckets) {
            const QJsonObject o = b.toObject();
            axis->append(o.value(QStringLiteral("key")).toString());
            periods.append({QDateTime::fromString(o.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs),
                            QDateTime::fromString(o.value(QStringLiteral("end")).toString(), Qt::ISODateWithMs)});
        }
        double top = 0;
        for (const QJsonValue &b : buckets) {
            double sum = 0;
            for (const QJsonValue &cents : b.toObject().value(QStringLiteral("by_type")).toObject())
                sum += double(cents.toInteger()) / 100.0;
            top = qMax(top, sum);
        }
        for (const QString &type : std::as_const(types)) {
            auto *set = new QBarSet(type);
            for (const QJsonValue &b : buckets)
                *set << double(b.toObject().value(QStringLiteral("by_type")).toObject().value(type).toInteger()) / 100.0;
            series->append(set);
            // A segment: the leads its costs of that type in that bucket belong to.
            connect(set, &QBarSet::clicked, this, [this, type, periods](int index) {
                if (index >= 0 && index < periods.size())
                    drill(tr("Costs: %1, %2").arg(type, QLocale().toString(periods.at(index).first.toLocalTime().date(), QLocale::ShortFormat)), QStringLiteral("costs"),
                          QStringLiteral("cost_type"), type, periods.at(index).first, periods.at(index).second);
            });
        }
        chart->addSeries(series);
        chart->addAxis(axis, Qt::AlignBottom);
        series->attachAxis(axis);
        auto *value = new QValueAxis;
        value->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(value, Qt::AlignLeft);
        series->attachAxis(value);
        if (top > 0)
            value->applyNiceNumbers();
        else
            value->setRange(0, 10); // no costs in the range
        if (buckets.size() > 12)
            axis->setLabelsVisible(false); // a month of days: the bars say enough, the tooltip the day
        replaceChart(m_costs, chart);
    }
    // The forecast: twelve complete months and the next six, the 95 % band around them.
    if (auto forecast = f.forecast) {
        auto *chart = new QChart;
        chart->setTitle(tr("Revenue: the last 12 months and the next 6"));
        m_forecast->setToolTip(forecast->value(QStringLiteral("method")).toString());
        auto *history = new QLineSeries;
        history->setName(tr("Closed"));
        auto *projection = new QLineSeries;
        projection->setName(tr("Projected"));
        auto *low = new QLineSeries, *high = new QLineSeries;
        double top = 1;
        auto monthMs = [](const QString &month) {
            return double(QDateTime(QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        };
        for (const QJsonValue &v : forecast->value(QStringLiteral("history")).toArray()) {
            const double y = double(v.toObject().value(QStringLiteral("revenue_cents")).toInteger()) / 100.0;
            history->append(monthMs(v.toObject().value(QStringLiteral("month")).toString()), y);
            top = qMax(top, y);
        }
        const QJsonArray ahead = forecast->value(QStringLiteral("projection")).toArray();
        if (!history->points().isEmpty() && !ahead.isEmpty())
            projection->append(history->points().constLast());
        for (const QJsonValue &v : ahead) {
            const QJsonObject o = v.toObject();
            const double x = monthMs(o.value(QStringLiteral("month")).toString());
            projection->append(x, double(o.value(QStringLiteral("revenue_cents")).toInteger()) / 100.0);
            low->append(x, double(o.value(QStringLiteral("low_cents")).toInteger()) / 100.0);
            high->append(x, double(o.value(QStringLiteral("high_cents")).toInteger()) / 100.0);
            top = qMax(top, double(o.value(QStringLiteral("high_cents")).toInteger()) / 100.0);
        }
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("MMM yyyy"));
        x->setTickCount(7);
        // The whole span (an axis takes the range of the first series attached to it otherwise).
        double first = std::numeric_limits<double>::max(), last = std::numeric_limits<double>::lowest();
        for (const QLineSeries *series : {history, projection})
            for (const QPointF &pt : series->points())
                first = qMin(first, pt.x()), last = qMax(last, pt.x());
        if (first < last)
            x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first), QTimeZone::utc()), QDateTime::fromMSecsSinceEpoch(qint64(last), QTimeZone::utc()));
        chart->addAxis(x, Qt::AlignBottom);
        auto *y = moneyAxis(top);
        chart->addAxis(y, Qt::AlignLeft);
        if (!ahead.isEmpty()) {
            auto *band = new QAreaSeries(high, low);
            band->setObjectName(QStringLiteral("forecastBand"));
            band->setName(tr("95 % interval"));
            QColor fill = palette().color(QPalette::Highlight);
            fill.setAlpha(60);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            chart->addSeries(band);
            band->attachAxis(x);
            band->attachAxis(y);
        } else {
            delete low;
            delete high;
        }
        for (QLineSeries *series : {history, projection}) {
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        QPen dashed = projection->pen();
        dashed.setStyle(Qt::DashLine);
        projection->setPen(dashed);
        replaceChart(m_forecast, chart);
    }
}

bool DashboardPage::drill(const QString &caption, const QString &figure, const QString &groupBy, const QString &key, const QDateTime &from, const QDateTime &to)
{
    analytics::Query q;
    q.zone = QTimeZone::systemTimeZone();
    std::tie(q.from, q.to) = period();
    if (from.isValid() && to.isValid())
        std::tie(q.from, q.to) = std::pair{from, to};
    QString message;
    const auto leads = drilledLeads(m_engine, q, figure, groupBy, key, caption,
                                    tr("No leads behind “%1” (costs that belong to no lead, such as rent, have none)."), &message);
    m_message->setText(message);
    if (!leads)
        return false;
    Q_EMIT leadsRequested(leads->caption, leads->filter);
    return true;
}

core::Status DashboardPage::saveImage(const QString &path)
{
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setTitle(tr("FlipTech Pro dashboard"));
        QPainter painter;
        if (!painter.begin(&writer))
            return core::makeError(core::ErrorCode::Internal, tr("%1 could not be written.").arg(path));
        // The figures at their own size (all of them, scrolled or not), scaled to the page.
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const double scale = qMin(double(page.width()) / m_overview->width(), double(page.height()) / m_overview->height());
        painter.scale(scale, scale);
        m_overview->render(&painter);
        painter.end();
        return {};
    }
    if (!m_overview->grab().save(path))
        return core::makeError(core::ErrorCode::Internal, tr("%1 could not be written (is it a PNG or JPEG name?).").arg(path));
    return {};
}

core::Status DashboardPage::saveReport(const QString &path) { return writeReport(m_engine, period(), path); }

core::Status DashboardPage::writeReport(engine::Engine &engine, const QPair<QDateTime, QDateTime> &period, const QString &path)
{
    const QString format = QFileInfo(path).suffix().toLower();
    if (format != QLatin1String("csv") && format != QLatin1String("json") && format != QLatin1String("pdf"))
        return core::makeError(core::ErrorCode::InvalidArgument, tr("A report is written as .csv, .json or .pdf."));
    analytics::Query q;
    q.zone = QTimeZone::systemTimeZone();
    std::tie(q.from, q.to) = period;
    auto written = engine.reports().write(reportRequest(q, format), path);
    return written ? core::Status{} : core::Status{written.error()};
}

void registerDashboardPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("dashboard"));
    registry.add(PageInfo{QStringLiteral("dashboard"), placeholder ? placeholder->title : QObject::tr("Dashboard"), QStringLiteral("dashboard"),
                          placeholder ? placeholder->order : 10,
                          [](PageContext &context, QWidget *parent) -> QWidget * {
                              auto *page = new DashboardPage(context.engine, parent, context.principal ? leads::Actor::of(*context.principal) : leads::Actor::system());
                              // A click on a chart opens the leads page on exactly its leads; a card of the board, its lead.
                              openRequestedLeads(page, context);
                              if (context.open)
                                  QObject::connect(page, &DashboardPage::leadOpened, page, [open = context.open](qint64 id) {
                                      if (QWidget *leads = open(QStringLiteral("leads")))
                                          QMetaObject::invokeMethod(leads, "openItem", Qt::DirectConnection, Q_ARG(qint64, id));
                                  });
                              return page;
                          }});
}

} // namespace fliptech::ui
