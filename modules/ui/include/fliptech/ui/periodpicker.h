#pragma once
// PeriodPicker: the period an analytics page shows, chosen as a person says it — the last 7 or
// 30 days, this or last month, this quarter, this year, the last 12 months — or a custom range of
// whole days (two calendar fields appear). Days are this computer's: period() is [from, to) in
// UTC of local midnights. The Dashboard and Analytics pages share it.

#include "fliptech/core/clock.h"

#include <QDateTime>
#include <QPair>
#include <QWidget>

class QComboBox;
class QDateEdit;

namespace fliptech::ui {

class PeriodPicker final : public QWidget
{
    Q_OBJECT
public:
    // `namePrefix` names the parts for tests and screenshots: <prefix>Range, <prefix>From, <prefix>To.
    PeriodPicker(const core::Clock &clock, const QString &namePrefix, QWidget *parent = nullptr);

    // [from, to) in UTC.
    QPair<QDateTime, QDateTime> period() const;
    // The choice's key: 30d, 7d, month, last_month, quarter, year, 12m or custom.
    QString key() const;
    // Chooses by key (and, for custom, the first and last day); false for an unknown key.
    bool setKey(const QString &key);
    void setCustomRange(const QDate &first, const QDate &last);

Q_SIGNALS:
    // The period changed (a new choice, or a custom day changed).
    void changed();

private:
    const core::Clock &m_clock;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
};

} // namespace fliptech::ui
