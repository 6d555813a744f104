#pragma once
// PlaceholderPage: says plainly that an area is not built yet, and what it will do.

#include <QWidget>

namespace fliptech::ui {

class PlaceholderPage final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &plannedText, QWidget *parent = nullptr);
};

} // namespace fliptech::ui
