#include "fliptech/ui/usagesettings.h"

#include "fliptech/analytics/usageservice.h"
#include "fliptech/leads/actor.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
enum Column { Metric, Today, ThisMonth, DailyLimit, MonthlyLimit, Left, Columns };

QSpinBox *limitBox(QWidget *parent, const QString &name, bool enabled)
{
    auto *b = new QSpinBox(parent);
    b->setObjectName(name);
    b->setRange(-1, 2'000'000'000);
    b->setSpecialValueText(QObject::tr("No limit"));
    b->setGroupSeparatorShown(true);
    b->setValue(-1);
    b->setEnabled(enabled);
    b->setToolTip(QObject::tr("The most allowed in a period of the usage time zone; \"No limit\" is the lowest step"));
    return b;
}

QString number(qint64 n) { return QLocale().toString(n); }
} // namespace

UsageSettings::UsageSettings(analytics::UsageService &usage, bool canChange, std::function<leads::Actor()> actor, QWidget *parent)
    : QWidget(parent), m_usage(usage), m_canChange(canChange), m_actor(std::move(actor))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What the workspace used, and the limits on it. At a limit, scrapes pause, enrichment and AI requests are refused "
                                "with the limit named, and campaign e-mails wait until the day (or month) turns. AI spend has its own budgets in the AI tab."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, Columns, this);
    m_table->setObjectName(QStringLiteral("usageTable"));
    m_table->setHorizontalHeaderLabels({tr("Use"), tr("Today"), tr("This month"), tr("Daily limit"), tr("Monthly limit"), tr("Left today")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Days are counted in"), this));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("usageZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->setEnabled(canChange);
    row->addWidget(m_zone, 1);
    m_save = new QPushButton(tr("&Save limits"), this);
    m_save->setObjectName(QStringLiteral("usageSave"));
    m_save->setEnabled(canChange);
    m_save->setToolTip(canChange ? QString() : tr("Only an administrator can change the limits"));
    row->addWidget(m_save);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("usageRefresh"));
    row->addWidget(refresh);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("usageStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    layout->addWidget(new QLabel(tr("The last 14 days"), this));
    m_history = new QTableWidget(0, 0, this);
    m_history->setObjectName(QStringLiteral("usageHistory"));
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_history, 1);

    connect(m_save, &QPushButton::clicked, this, &UsageSettings::save);
    connect(refresh, &QPushButton::clicked, this, &UsageSettings::reload);
    reload();
}

void UsageSettings::say(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void UsageSettings::reload()
{
    auto current = m_usage.current();
    if (!current) {
        say(current.error().userMessage(), true);
        return;
    }
    const QString zone = current->value(QStringLiteral("time_zone")).toString();
    m_zone->setCurrentText(zone);
    const QJsonArray items = current->value(QStringLiteral("items")).toArray();
    m_table->setRowCount(int(items.size()));
    m_rows.clear();
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString metric = o.value(QStringLiteral("metric")).toString();
        m_rows << metric;
        auto text = [this, i](int column, const QString &t) {
            auto *item = new QTableWidgetItem(t);
            if (column != Metric)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(i, column, item);
        };
        text(Metric, o.value(QStringLiteral("label")).toString());
        text(Today, number(o.value(QStringLiteral("today")).toInteger()));
        text(ThisMonth, number(o.value(QStringLiteral("this_month")).toInteger()));
        if (!o.value(QStringLiteral("limited")).toBool()) {
            text(DailyLimit, QString());
            text(MonthlyLimit, QString());
            text(Left, QString());
            m_table->removeCellWidget(i, DailyLimit);
            m_table->removeCellWidget(i, MonthlyLimit);
            continue;
        }
        const QJsonValue daily = o.value(QStringLiteral("daily_limit")), monthly = o.value(QStringLiteral("monthly_limit"));
        auto *d = limitBox(m_table, metric + QStringLiteral("_daily"), m_canChange);
        d->setValue(daily.isNull() ? -1 : int(qMin<qint64>(daily.toInteger(), d->maximum())));
        auto *m = limitBox(m_table, metric + QStringLiteral("_monthly"), m_canChange);
        m->setValue(monthly.isNull() ? -1 : int(qMin<qint64>(monthly.toInteger(), m->maximum())));
        m_table->setCellWidget(i, DailyLimit, d);
        m_table->setCellWidget(i, MonthlyLimit, m);
        const QJsonValue left = o.value(QStringLiteral("remaining_today"));
        text(Left, left.isNull() ? tr("—") : number(left.toInteger()));
        if (!left.isNull() && left.toInteger() == 0)
            m_table->item(i, Left)->setForeground(QColor(0xb0, 0x00, 0x20));
    }

    // The last 14 days, newest first.
    auto history = m_usage.lastDays(14);
    if (!history) {
        say(history.error().userMessage(), true);
        return;
    }
    const QJsonArray days = history->value(QStringLiteral("days")).toArray();
    const QStringList metrics = analytics::UsageService::metrics();
    m_history->setColumnCount(int(metrics.size()) + 1);
    QStringList headers{tr("Day")};
    for (const QJsonValue &v : items)
        headers << v.toObject().value(QStringLiteral("label")).toString();
    m_history->setHorizontalHeaderLabels(headers);
    m_history->setRowCount(int(days.size()));
    for (int r = 0; r < days.size(); ++r) {
        const QJsonObject d = days.at(days.size() - 1 - r).toObject();
        m_history->setItem(r, 0, new QTableWidgetItem(QLocale().toString(QDate::fromString(d.value(QStringLiteral("date")).toString(), Qt::ISODate), QLocale::ShortFormat)));
        for (int c = 0; c < metrics.size(); ++c) {
            auto *item = new QTableWidgetItem(number(d.value(metrics.at(c)).toInteger()));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_history->setItem(r, c + 1, item);
        }
    }
}

void UsageSettings::save()
{
    if (!m_canChange)
        return;
    QJsonObject limits;
    for (int i = 0; i < m_rows.size(); ++i) {
        auto *d = qobject_cast<QSpinBox *>(m_table->cellWidget(i, DailyLimit));
        auto *m = qobject_cast<QSpinBox *>(m_table->cellWidget(i, MonthlyLimit));
        if (!d || !m)
            continue;
        limits.insert(m_rows.at(i), QJsonObject{{QStringLiteral("daily_limit"), d->value() < 0 ? QJsonValue() : QJsonValue(d->value())},
                                                {QStringLiteral("monthly_limit"), m->value() < 0 ? QJsonValue() : QJsonValue(m->value())}});
    }
    auto saved = m_usage.setLimits(m_actor(), {{QStringLiteral("limits"), limits}, {QStringLiteral("time_zone"), m_zone->currentText().trimmed()}});
    if (!saved) {
        say(saved.error().userMessage(), true);
        return;
    }
    reload();
    say(tr("Limits saved."));
}

} // namespace fliptech::ui
