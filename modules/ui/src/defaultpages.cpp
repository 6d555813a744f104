#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/placeholderpage.h"

#include <QCoreApplication>

namespace fliptech::ui {

namespace {
const char *const kContext = "fliptech::ui::Pages";

struct Area {
    const char *id;
    const char *title;
    const char *icon;
    const char *planned;
};

const Area kAreas[] = {
    {"dashboard", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Dashboard"), "dashboard",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will show today's leads, replies waiting, campaigns running and revenue at a glance.")},
    {"leads", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Leads"), "leads",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will list every lead with filters, tags, notes, bulk edits, CSV import and duplicates.")},
    {"scraper", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Scraper"), "scraper",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will find businesses on Craigslist, Google Maps, job boards and custom sites.")},
    {"campaigns", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Campaigns"), "campaigns",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will send personalised email sequences with throttling, tracking and unsubscribes.")},
    {"templates", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Templates"), "templates",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will hold email templates with variables and their performance.")},
    {"conversations", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Conversations"), "conversations",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will be the inbox of replies, with suggested answers.")},
    {"automation", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Automation"), "automation",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will run rules, schedules, approvals, webhooks and workflows.")},
    {"content", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Content"), "content",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will build demo sites and videos for prospects.")},
    {"analytics", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Analytics"), "analytics",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will chart revenue, costs, ROI, the funnel and trends.")},
    {"settings", QT_TRANSLATE_NOOP("fliptech::ui::Pages", "Settings"), "settings",
     QT_TRANSLATE_NOOP("fliptech::ui::Pages", "It will hold accounts, sender mailboxes, API keys and preferences.")},
};
} // namespace

void registerDefaultPages(PageRegistry &registry)
{
    int order = 0;
    for (const Area &a : kAreas) {
        const QString title = QCoreApplication::translate(kContext, a.title);
        const QString planned = QCoreApplication::translate(kContext, a.planned);
        registry.add(PageInfo{QString::fromLatin1(a.id), title, QString::fromLatin1(a.icon), order += 10,
                              [title, planned](PageContext &, QWidget *parent) -> QWidget * {
                                  return new PlaceholderPage(title, planned, parent);
                              }});
    }
    registerLeadsPage(registry);
    registerScraperPage(registry);
    registerTemplatesPage(registry);
    registerCampaignsPage(registry);
    registerInboxPage(registry);
    registerDashboardPage(registry);
    registerAnalyticsPage(registry);
    registerAutomationPage(registry);
    registerSettingsPage(registry);
}

} // namespace fliptech::ui
