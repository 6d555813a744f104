#include "fliptech/ui/overflowbar.h"

#include "fliptech/ui/icons.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace fliptech::ui {

OverflowBar::OverflowBar(QWidget *parent) : QWidget(parent)
{
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("moreActions"));
    m_more->setIcon(appIcon(QStringLiteral("more")));
    m_more->setToolTip(tr("More actions"));
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_menu = new QMenu(m_more);
    m_more->setMenu(m_menu);
    m_more->hide();
}

void OverflowBar::addWidget(QWidget *widget, int stretch)
{
    m_row->insertWidget(m_row->indexOf(m_more) >= 0 ? m_row->indexOf(m_more) : m_row->count(), widget, stretch);
    m_fixed.append(widget);
}

void OverflowBar::addOverflowable(QPushButton *button)
{
    if (m_row->indexOf(m_more) < 0)
        m_row->addWidget(m_more);
    m_row->insertWidget(m_row->indexOf(m_more), button);
    m_buttons.append(button);
    relayout();
}

QList<QPushButton *> OverflowBar::overflowed() const
{
    return m_overflowFrom < 0 ? QList<QPushButton *>() : m_buttons.mid(m_overflowFrom);
}

void OverflowBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void OverflowBar::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    relayout();
}

void OverflowBar::relayout()
{
    // What the fields need at least, then each button in order while it fits.
    const int spacing = m_row->spacing() >= 0 ? m_row->spacing() : style()->layoutSpacing(QSizePolicy::DefaultType, QSizePolicy::DefaultType, Qt::Horizontal);
    int used = 0;
    for (QWidget *w : std::as_const(m_fixed))
        if (!w->isHidden())
            used += qMax(w->minimumWidth(), w->minimumSizeHint().width()) + spacing;
    const int moreWidth = m_more->sizeHint().width() + spacing;
    int fits = int(m_buttons.size());
    int total = used;
    for (int i = 0; i < m_buttons.size(); ++i) {
        total += m_buttons[i]->sizeHint().width() + spacing;
        const bool last = i == m_buttons.size() - 1;
        if (total + (last ? 0 : moreWidth) > width()) {
            fits = i;
            break;
        }
    }
    const int from = fits < m_buttons.size() ? fits : -1;
    if (from == m_overflowFrom && m_more->isHidden() == (from < 0))
        return;
    m_overflowFrom = from;
    m_menu->clear();
    for (int i = 0; i < m_buttons.size(); ++i) {
        QPushButton *b = m_buttons[i];
        const bool inMenu = from >= 0 && i >= from;
        b->setVisible(!inMenu);
        if (inMenu) {
            QAction *a = m_menu->addAction(b->icon(), b->text(), b, &QPushButton::click);
            a->setToolTip(b->toolTip());
            a->setEnabled(b->isEnabled());
        }
    }
    m_more->setVisible(from >= 0);
}

} // namespace fliptech::ui
