#pragma once
// PageRegistry: how a feature puts its page into the main window's sidebar without touching
// the window. Registering an id again replaces the earlier page (placeholders are replaced by
// the real page when a feature lands).

#include <QIcon>
#include <QList>
#include <QString>

#include "fliptech/auth/authservice.h"

#include <functional>
#include <optional>

class QWidget;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

// What a page is built with: the engine, who is signed in on this desktop, and a way to bring
// another page forward (the main window's; null where there is no window, as in a page's test).
struct PageContext {
    engine::Engine &engine;
    std::optional<auth::Principal> principal;
    std::function<QWidget *(const QString &pageId)> open = {};
};

struct PageInfo {
    QString id;      // stable, e.g. "leads"
    QString title;   // translated, shown in the sidebar
    QString iconName; // an icon of resources/icons/ui, else a freedesktop theme icon name
    int order = 0;   // sidebar position
    std::function<QWidget *(PageContext &context, QWidget *parent)> create;
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
// Settings: profile, API keys, and (for admins) users.
void registerSettingsPage(PageRegistry &registry);
// Leads: the lead workspace (leadspage.cpp).
void registerLeadsPage(PageRegistry &registry);
// Scraper: Craigslist scrapes and their jobs (scraperpage.cpp).
void registerScraperPage(PageRegistry &registry);
// Templates: message templates with a live preview (templatespage.cpp).
void registerTemplatesPage(PageRegistry &registry);
void registerCampaignsPage(PageRegistry &registry);
// Conversations: the inbox with reply suggestions (inboxpage.cpp).
void registerInboxPage(PageRegistry &registry);
// Dashboard: KPI cards and charts of revenue, sources, the funnel and costs, and the pipeline board
// (dashboardpage.cpp, pipelinepage.cpp).
void registerDashboardPage(PageRegistry &registry);
// Analytics: the figures as tables to sort, drill into and export (analyticspage.cpp).
void registerAnalyticsPage(PageRegistry &registry);
// Automation: schedules (automationpage.cpp).
void registerAutomationPage(PageRegistry &registry);

} // namespace fliptech::ui
