#pragma once
// CustomUrlPage: read leads off any listing page (spec 2.5 "Custom URL"). The user gives a page's
// address and presses Analyse: the page is fetched (without blocking the window), a recipe is
// proposed from its repeated structures and shown in an editor, with a live preview of the rows
// it reads. Every edit is checked as it is typed (the path of a mistake is named) and previewed
// on the fetched page; recipes are saved and loaded by name, and Run starts a scrape job (shown
// with the other scrape jobs, with pause, resume and cancel). Everything goes through
// ScrapeService and the scraper's recipe functions, the same ones the HTTP API uses.

#include "fliptech/leads/actor.h"
#include "fliptech/net/htmldocument.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace fliptech::net {
class HttpClient;
}
namespace fliptech::scraper {
class ScrapeService;
}

namespace fliptech::ui {

class CustomUrlPage final : public QWidget
{
    Q_OBJECT
public:
    CustomUrlPage(scraper::ScrapeService &scrapes, net::HttpClient &http, leads::Actor actor, QWidget *parent = nullptr);

    // Fetches `url` and proposes a recipe for it (what the Analyse button does).
    void analyze(const QString &url);
    // The page to preview on, given rather than fetched (tests; a page saved from a browser).
    void setPage(const QByteArray &html, const QUrl &url, bool propose);
    QString recipeText() const;
    void setRecipeText(const QString &json);

Q_SIGNALS:
    // A scrape job was started (its scrape_jobs id).
    void scrapeStarted(qint64 id);

private:
    void fetchAndThen(const QUrl &url, bool propose);
    void showProposal(const QJsonObject &proposal);
    void updatePreview();
    void reloadRecipes(const QString &select = {});
    void loadSelected();
    void saveRecipe();
    void deleteRecipe();
    void run();
    void setBusy(const QString &what);

    scraper::ScrapeService &m_scrapes;
    net::HttpClient &m_http;
    leads::Actor m_actor;
    net::HtmlDocument m_page;
    int m_fetch = 0; // the fetch whose answer counts (a newer one makes older ones moot)
    std::optional<qint64> m_recipeId;
    QLineEdit *m_url;
    QPushButton *m_analyze;
    QComboBox *m_recipes;
    QPushButton *m_delete;
    QPlainTextEdit *m_editor;
    QLabel *m_check;
    QTableWidget *m_preview;
    QLabel *m_previewInfo;
    QLineEdit *m_name;
    QPushButton *m_save;
    QPushButton *m_run;
    QProgressBar *m_busy;
    QLabel *m_message;
    QTimer *m_debounce;
};

} // namespace fliptech::ui
