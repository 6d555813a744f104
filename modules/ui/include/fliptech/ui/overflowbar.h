#pragma once
// OverflowBar: a row of fields and buttons that keeps its fields usable when the window is
// narrow. Buttons added with addOverflowable() leave the row, last first, for a "More" menu (⋯)
// whenever they would squeeze the fields below their minimum; they come back as room returns.

#include <QList>
#include <QWidget>

class QHBoxLayout;
class QMenu;
class QPushButton;
class QToolButton;

namespace fliptech::ui {

class OverflowBar final : public QWidget
{
    Q_OBJECT
public:
    explicit OverflowBar(QWidget *parent = nullptr);
    // A field (stretch > 0 takes the room left; minimumWidth is what it keeps).
    void addWidget(QWidget *widget, int stretch = 0);
    // A button that may move into the menu when room runs out.
    void addOverflowable(QPushButton *button);
    // The buttons in the menu now (for tests).
    QList<QPushButton *> overflowed() const;
    QToolButton *moreButton() const { return m_more; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void relayout();

    QHBoxLayout *m_row = nullptr;
    QList<QWidget *> m_fixed;
    QList<QPushButton *> m_buttons;
    QToolButton *m_more = nullptr;
    QMenu *m_menu = nullptr;
    int m_overflowFrom = -1; // index of the first button in the menu (-1: none)
};

} // namespace fliptech::ui
