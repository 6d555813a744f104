#pragma once
// What the analytics pages share: a KPI card, a change against the period before, a chart view of the page's size and look, a dollar axis with
// round ticks, and a chart put in a view themed as the window is (light or dark).

#include <QFrame>
#include <QGridLayout>
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

} // namespace fliptech::ui
