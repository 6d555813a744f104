#pragma once
// UsageSettings: the Settings page's Usage tab. What the workspace used today and this month
// (leads scraped, leads enriched, AI calls, tokens and spend, e-mails sent), the daily and
// monthly limits beside each (admins edit them; "No limit" is the lowest step of each box), the
// time zone days are counted in, and the last 14 days. Where a limit is reached a scrape pauses,
// enrichment and AI requests are refused with the limit named, and campaign e-mails wait.
// Everything goes through analytics::UsageService, the service the API uses.

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fliptech::analytics {
class UsageService;
}
namespace fliptech::leads {
struct Actor;
}

namespace fliptech::ui {

class UsageSettings final : public QWidget
{
    Q_OBJECT
public:
    UsageSettings(analytics::UsageService &usage, bool canChange, std::function<leads::Actor()> actor, QWidget *parent = nullptr);
    void reload();
    // Saves the limits and the zone shown (the Save button).
    void save();

private:
    void say(const QString &text, bool error = false);

    analytics::UsageService &m_usage;
    bool m_canChange;
    std::function<leads::Actor()> m_actor;
    QTableWidget *m_table;
    QTableWidget *m_history;
    QComboBox *m_zone;
    QPushButton *m_save;
    QLabel *m_status;
    QStringList m_rows; // the metric of each row of m_table
};

} // namespace fliptech::ui
