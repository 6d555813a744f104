#pragma once
// PageRegistry: how a feature puts its page into the main window's sidebar without touching
// the window. Registering an id again replaces the earlier page (placeholders are replaced by
// the real page when a feature lands).

#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

struct PageInfo {
    QString id;      // stable, e.g. "leads"
    QString title;   // translated, shown in the sidebar
    QString iconName; // freedesktop icon name
    int order = 0;   // sidebar position
    std::function<QWidget *(engine::Engine &engine, QWidget *parent)> create;
};

class PageRegistry final
{
public:
    void add(PageInfo page);
    // Pages sorted by order.
    QList<PageInfo> pages() const;
    const PageInfo *find(const QString &id) const;

private:
    QList<PageInfo> m_pages;
};

// The product's areas; each is a placeholder until its feature registers the real page.
void registerDefaultPages(PageRegistry &registry);

} // namespace fliptech::ui
