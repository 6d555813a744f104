#pragma once
// MainWindow: the desktop shell. A sidebar of the product's areas (pages come from the
// PageRegistry and are built on first visit), and a status bar with the database, the API
// server and the running jobs.

#include "fliptech/ui/pageregistry.h"

#include <QMainWindow>
#include <QHash>

class QLabel;
class QListWidget;
class QProgressBar;
class QFrame;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class SearchPalette;
class NotificationBell;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(engine::Engine &engine, PageRegistry pages, std::optional<auth::Principal> principal = std::nullopt,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the page with this id; false if there is none.
    bool showPage(const QString &id);
    // Ctrl+K: the search palette (returned for tests; it deletes itself when closed).
    SearchPalette *openSearchPalette();
    QString currentPageId() const;
    QWidget *pageWidget(const QString &id) const { return m_built.value(id); }
    // The bell (null without a signed-in user) and the tray icon (null where the desktop has no tray).
    NotificationBell *notificationBell() const { return m_bell; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // A notice across the top of the window (rich text) until the user closes it.
    void showNotice(const QString &text);
    QString noticeText() const;
    // Opens what a notification points at ("/conversations/12", "/leads/5", "fliptech://settings/ai").
    bool openActionUrl(const QString &url);

public Q_SLOTS:
    // Empty url: the API server is off.
    void setApiUrl(const QString &url);
    void setSignedInUser(const QString &who);
    void refreshStatus();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildStatusBar();
    void buildMenus();
    void buildNotifications();
    void onRowChanged(int row);

    engine::Engine &m_engine;
    PageContext m_context;
    PageRegistry m_registry;
    QList<PageInfo> m_pages;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QHash<QString, QWidget *> m_built;
    QLabel *m_dbLabel = nullptr;
    QLabel *m_apiLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_jobsLabel = nullptr;
    QProgressBar *m_jobsBar = nullptr;
    QTimer *m_statusTimer = nullptr;
    NotificationBell *m_bell = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QFrame *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
};

} // namespace fliptech::ui
