#pragma once
// What the analytics pages (Dashboard, Analytics) share: a KPI card, a change against the period
// before, a chart view of the page's size and look, a dollar axis with round ticks, a chart put in
// a view themed as the window is (light or dark), the leads behind a figure for the leads page,
// the report request of a period, and the leads page opened on what a page asks for.

#include "fliptech/analytics/query.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/pageregistry.h"

#include <QCoreApplication>
#include <QFrame>
#include <QGridLayout>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>
#include <QPalette>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <optional>

namespace fliptech::ui {

// A KPI card in column `column` of `grid`: its caption, and the label returned for its value
// (large, bold, rich text), named `name`.
inline QLabel *kpiCard(QWidget *parent, QGridLayout *grid, int column, const QString &title, const char *name)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *v = new QVBoxLayout(frame);
    auto *caption = new QLabel(title, frame);
    caption->setStyleSheet(QStringLiteral("color: palette(mid)"));
    auto *value = new QLabel(frame);
    value->setObjectName(QLatin1String(name));
    value->setTextFormat(Qt::RichText);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    v->addWidget(caption);
    v->addWidget(value);
    grid->addWidget(frame, 0, column);
    return value;
}

// " +12.5 %" in green or " -3.0 %" in red, small, after a card's value; nothing for null.
inline QString changeHtml(const QJsonValue &percent)
{
    if (percent.isNull() || percent.isUndefined())
        return {};
    const double p = percent.toDouble();
    return QStringLiteral(" <span style=\"font-size: small; color: %1\">%2%3 %</span>")
        .arg(p >= 0 ? QStringLiteral("#1b7f3b") : QStringLiteral("#b00020"), p >= 0 ? QStringLiteral("+") : QString(), QLocale().toString(p, 'f', 1));
}

inline QChartView *chartView(QWidget *parent, const char *name)
{
    auto *v = new QChartView(parent);
    v->setObjectName(QLatin1String(name));
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(220);
    return v;
}

// An axis of dollars from 0 to a round figure above `top` (at least $10), its ticks round too.
inline QValueAxis *moneyAxis(double top)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, qMax(top * 1.05, 10.0));
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
    return axis;
}

// `chart` into `view` (the old one deleted), its legend below, themed as the window is.
inline void replaceChart(QChartView *view, QChart *chart)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    const bool dark = view->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(view->palette().brush(QPalette::Base));
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

// The leads behind a figure of `q` (RevenueService::drillDown), as the leads page takes them:
// {"<caption> (<count>)", their filter}. Nothing when there are none or the figure cannot be read;
// `*message` says why then (`noLeads`, with %1 the caption), or that only the first 10,000 are
// listed; it is emptied otherwise.
struct DrilledLeads {
    QString caption;
    QJsonObject filter;
};
inline std::optional<DrilledLeads> drilledLeads(engine::Engine &engine, const analytics::Query &q, const QString &figure, const QString &groupBy,
                                               const QString &key, const QString &caption, const QString &noLeads, QString *message)
{
    auto leads = engine.revenue().drillDown(q, figure, groupBy, key);
    if (!leads) {
        *message = leads.error().userMessage();
        return std::nullopt;
    }
    const qint64 count = leads->value(QStringLiteral("count")).toInteger();
    if (count == 0) {
        *message = noLeads.arg(caption);
        return std::nullopt;
    }
    *message = leads->value(QStringLiteral("truncated")).toBool()
                   ? QCoreApplication::translate("fliptech::ui::DrillDown", "%1: the first 10,000 of %2 leads are shown.").arg(caption, QLocale().toString(count))
                   : QString();
    return DrilledLeads{QCoreApplication::translate("fliptech::ui::DrillDown", "%1 (%2)").arg(caption, QLocale().toString(count)), leads->value(QStringLiteral("filter")).toObject()};
}

// The analytics report of `q` (its period, zone and filters) in `format` (csv, json or pdf), as
// ReportExport takes it.
inline QJsonObject reportRequest(const analytics::Query &q, const QString &format)
{
    QJsonObject request{{QStringLiteral("format"), format},
                        {QStringLiteral("from"), storage::Database::isoTimestamp(q.from)},
                        {QStringLiteral("to"), storage::Database::isoTimestamp(q.to)},
                        {QStringLiteral("tz"), QString::fromUtf8(q.zone.id())}};
    if (!q.source.isEmpty())
        request.insert(QStringLiteral("source"), q.source);
    if (q.campaignId)
        request.insert(QStringLiteral("campaign_id"), *q.campaignId);
    return request;
}

// A page's leadsRequested(caption, filter) opens the leads page of the main window on them.
template <typename Page>
void openRequestedLeads(Page *page, const PageContext &context)
{
    if (!context.open)
        return;
    QObject::connect(page, &Page::leadsRequested, page, [open = context.open](const QString &caption, const QJsonObject &filter) {
        if (QWidget *leads = open(QStringLiteral("leads")))
            QMetaObject::invokeMethod(leads, "showLeads", Qt::DirectConnection, Q_ARG(QString, caption), Q_ARG(QJsonObject, filter));
    });
}

} // namespace fliptech::ui
