#include "fliptech/ui/periodpicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLocale>
#include <QTimeZone>

namespace fliptech::ui {

PeriodPicker::PeriodPicker(const core::Clock &clock, const QString &namePrefix, QWidget *parent) : QWidget(parent), m_clock(clock)
{
    m_range = new QComboBox(this);
    m_range->setObjectName(namePrefix + QStringLiteral("Range"));
    for (const auto &[label, key] : {std::pair{tr("Last 30 days"), "30d"}, std::pair{tr("Last 7 days"), "7d"}, std::pair{tr("This month"), "month"},
                                     std::pair{tr("Last month"), "last_month"}, std::pair{tr("This quarter"), "quarter"}, std::pair{tr("This year"), "year"},
                                     std::pair{tr("Last 12 months"), "12m"}, std::pair{tr("Custom range…"), "custom"}})
        m_range->addItem(label, QLatin1String(key));
    // A range of the user's own: from and to, whole days, shown when "Custom range…" is chosen.
    const QDate today = clock.now().toTimeZone(QTimeZone::systemTimeZone()).date();
    m_from = new QDateEdit(today.addDays(-29), this);
    m_from->setObjectName(namePrefix + QStringLiteral("From"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(namePrefix + QStringLiteral("To"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        e->setVisible(false);
    }
    m_from->setToolTip(tr("First day"));
    m_to->setToolTip(tr("Last day (included)"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_range);
    row->addWidget(m_from);
    row->addWidget(m_to);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = key() == QLatin1String("custom");
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT changed();
    });
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, [this] {
            if (key() == QLatin1String("custom"))
                Q_EMIT changed();
        });
}

QString PeriodPicker::key() const { return m_range->currentData().toString(); }

bool PeriodPicker::setKey(const QString &key)
{
    const int index = m_range->findData(key);
    if (index < 0)
        return false;
    m_range->setCurrentIndex(index);
    return true;
}

void PeriodPicker::setCustomRange(const QDate &first, const QDate &last)
{
    // One change, not two: the first day's signal would read a half-set range.
    {
        const QSignalBlocker block(m_from);
        m_from->setDate(first);
    }
    m_to->setDate(last);
    if (key() != QLatin1String("custom"))
        setKey(QStringLiteral("custom"));
}

QPair<QDateTime, QDateTime> PeriodPicker::period() const
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDate today = m_clock.now().toTimeZone(zone).date();
    const QString k = key();
    QDate from = today.addDays(-29), to = today.addDays(1);
    if (k == QLatin1String("7d"))
        from = today.addDays(-6);
    else if (k == QLatin1String("month"))
        from = QDate(today.year(), today.month(), 1);
    else if (k == QLatin1String("last_month")) {
        to = QDate(today.year(), today.month(), 1);
        from = to.addMonths(-1);
    } else if (k == QLatin1String("quarter"))
        from = QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
    else if (k == QLatin1String("year"))
        from = QDate(today.year(), 1, 1);
    else if (k == QLatin1String("12m"))
        from = QDate(today.year(), today.month(), 1).addMonths(-11);
    else if (k == QLatin1String("custom")) {
        // Whole days, in either order.
        from = qMin(m_from->date(), m_to->date());
        to = qMax(m_from->date(), m_to->date()).addDays(1);
    }
    return {QDateTime(from, QTime(0, 0), zone).toUTC(), QDateTime(to, QTime(0, 0), zone).toUTC()};
}

} // namespace fliptech::ui
