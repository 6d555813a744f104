#pragma once
// ScraperPage: start a scrape, one tab a source (Craigslist: sites, category, keywords, the search
// switches, pages per search, robots.txt; Custom URL: any listing page read with a recipe, see
// customurlpage.h) and watch the jobs of all of them: live progress, pages fetched, leads found,
// errors, pause, resume, retry failed pages, cancel. Everything goes through ScrapeService, the same service the HTTP API uses; the jobs run
// on the engine's workers, so the window never waits on the network.

#include "fliptech/leads/actor.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace fliptech::scraper {
class ScrapeService;
}
namespace fliptech::net {
class HttpClient;
}
namespace fliptech::leads {
class LocationService;
}

namespace fliptech::ui {

class CustomUrlPage;

class ScraperPage final : public QWidget
{
    Q_OBJECT
public:
    // With `locations`, a location group can be chosen as well as sites.
    ScraperPage(scraper::ScrapeService &scrapes, net::HttpClient &http, leads::Actor actor, QWidget *parent = nullptr,
                leads::LocationService *locations = nullptr);
    CustomUrlPage *customUrlPage() const { return m_customUrl; }

    // Reads the jobs again (the page does so by itself: every half second while one runs).
    void refresh();

private:
    enum class Action { Pause, Resume, RetryFailed, Cancel };
    void run();
    void actOnSelected(Action action);
    void updateActions();
    void refreshResults();

    scraper::ScrapeService &m_scrapes;
    leads::Actor m_actor;
    QLineEdit *m_sites;
    QComboBox *m_group;
    QListWidget *m_categories;
    QTableWidget *m_results;
    QLabel *m_resultsTitle;
    QLineEdit *m_query;
    QCheckBox *m_postedToday;
    QCheckBox *m_hasImage;
    QCheckBox *m_obeyRobots;
    QCheckBox *m_postings;
    QSpinBox *m_pages;
    QPushButton *m_run;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    QLabel *m_message;
    QTableWidget *m_jobs;
    QTimer *m_timer;
    QTabWidget *m_sources;
    CustomUrlPage *m_customUrl;
};

} // namespace fliptech::ui
