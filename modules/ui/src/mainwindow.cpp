#include "fliptech/ui/mainwindow.h"

#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"

#include "fliptech/core/logging.h"
#include "fliptech/ui/icons.h"
#include "fliptech/ui/shellparts.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QMenuBar>
#include <QSystemTrayIcon>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>

#include "fliptech/ui/leaddialogs.h"
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace fliptech::ui {

MainWindow::MainWindow(engine::Engine &engine, PageRegistry pages, std::optional<auth::Principal> principal, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_context{engine, principal}, m_registry(std::move(pages)), m_pages(m_registry.pages())
{
    setWindowTitle(tr("FlipTech Pro"));
    setObjectName(QStringLiteral("mainWindow"));
    m_context.open = [this](const QString &id) -> QWidget * { return showPage(id) ? m_built.value(id) : nullptr; };

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_notice = new QFrame(central);
    m_notice->setObjectName(QStringLiteral("windowNotice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    {
        QPalette pal = m_notice->palette();
        pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
        pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
        m_notice->setPalette(pal);
        auto *row = new QHBoxLayout(m_notice);
        m_noticeText = new QLabel(m_notice);
        m_noticeText->setWordWrap(true);
        m_noticeText->setTextFormat(Qt::RichText);
        m_noticeText->setOpenExternalLinks(true);
        auto *dismiss = new QToolButton(m_notice);
        dismiss->setText(tr("Dismiss"));
        dismiss->setObjectName(QStringLiteral("dismissNotice"));
        connect(dismiss, &QToolButton::clicked, m_notice, &QWidget::hide);
        row->addWidget(m_noticeText, 1);
        row->addWidget(dismiss);
    }
    m_notice->hide();
    centralLayout->addWidget(m_notice);
    auto *splitter = new QSplitter(central);
    centralLayout->addWidget(splitter, 1);
    m_sidebar = new QListWidget(splitter);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setMinimumWidth(170);
    m_sidebar->setSpacing(4);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setMaximumWidth(260);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pages"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(central);

    int index = 0;
    for (const PageInfo &p : std::as_const(m_pages)) {
        // The application's own icons; a page naming a theme icon falls back to the desktop's.
        QIcon icon = appIcon(p.iconName);
        if (icon.isNull())
            icon = QIcon::fromTheme(p.iconName);
        auto *item = new QListWidgetItem(icon, p.title, m_sidebar);
        item->setData(Qt::UserRole, p.id);
        // Ctrl+1 .. Ctrl+9, Ctrl+0 jump to the first ten areas (the Go menu's actions).
        if (index < 10)
            item->setToolTip(tr("%1 (Ctrl+%2)").arg(p.title).arg(index == 9 ? 0 : index + 1));
        ++index;
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onRowChanged);


    buildStatusBar();
    buildMenus();
    buildNotifications();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (settings.value(QStringLiteral("mainWindow/geometry")).isNull())
        resize(1200, 780);
    const QString last = settings.value(QStringLiteral("mainWindow/page"), QStringLiteral("dashboard")).toString();
    if (!showPage(last) && !m_pages.isEmpty())
        m_sidebar->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

SearchPalette *MainWindow::openSearchPalette()
{
    auto *palette = new SearchPalette(m_engine, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    connect(palette, &SearchPalette::hitActivated, this, [this](const QString &type, qint64 id) {
        // Each area's page opens the item it is given (pages that cannot open one just show).
        const QString page = type == QLatin1String("lead") ? QStringLiteral("leads") : type + u's';
        openActionUrl(QStringLiteral("/%1/%2").arg(page).arg(id));
    });
    palette->open();
    return palette;
}

void MainWindow::buildStatusBar()
{
    m_dbLabel = new QLabel(this);
    m_dbLabel->setObjectName(QStringLiteral("databaseStatus"));
    m_apiLabel = new QLabel(this);
    m_apiLabel->setObjectName(QStringLiteral("apiStatus"));
    m_jobsLabel = new QLabel(this);
    m_jobsLabel->setObjectName(QStringLiteral("jobsStatus"));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userStatus"));
    m_jobsBar = new QProgressBar(this);
    m_jobsBar->setObjectName(QStringLiteral("jobsProgress"));
    m_jobsBar->setRange(0, 0); // busy indicator while jobs run
    m_jobsBar->setMaximumWidth(120);
    m_jobsBar->setMaximumHeight(14);
    m_jobsBar->setTextVisible(false);
    m_jobsBar->hide();
    statusBar()->addWidget(m_dbLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_apiLabel);
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_jobsBar);
    setApiUrl(QString());
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(2000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    m_statusTimer->start();
    refreshStatus();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    quit->setMenuRole(QAction::QuitRole);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction *a = go->addAction(appIcon(m_pages[i].iconName), m_pages[i].title, this, [this, i] { m_sidebar->setCurrentRow(i); });
        a->setObjectName(QStringLiteral("go_") + m_pages[i].id);
        if (i < 10)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(i == 9 ? Qt::Key_0 : Qt::Key_1 + i)));
    }
    go->addSeparator();
    go->addAction(appIcon(QStringLiteral("search")), tr("&Search…"), this, &MainWindow::openSearchPalette)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    keys->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    keys->setObjectName(QStringLiteral("showShortcuts"));
    QAction *logs = help->addAction(tr("Open &logs folder"), this, [] {
        const QString dir = core::logDirectory();
        if (!dir.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    logs->setObjectName(QStringLiteral("openLogs"));
    logs->setEnabled(!core::logDirectory().isEmpty());
    logs->setToolTip(core::logDirectory());
    help->addSeparator();
    QAction *about = help->addAction(tr("&About FlipTech Pro"), this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName(QStringLiteral("showAbout"));
}

void MainWindow::buildNotifications()
{
    if (!m_context.principal || m_context.principal->userId <= 0)
        return;
    m_bell = new NotificationBell(m_engine, m_context.principal->userId, this);
    statusBar()->insertPermanentWidget(1, m_bell); // after the database, before the user
    connect(m_bell, &NotificationBell::openRequested, this, &MainWindow::openActionUrl);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    connect(shortcut, &QShortcut::activated, m_bell, [this] { m_bell->openList(); });
    // The tray: a native message for each notice while the window is not the one in front.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon().isNull() ? logoIcon() : windowIcon(), this);
        m_tray->setToolTip(tr("FlipTech Pro"));
        auto *menu = new QMenu(this);
        menu->addAction(tr("Show FlipTech Pro"), this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        menu->addAction(tr("Notifications"), m_bell, [this] { m_bell->openList(); });
        menu->addSeparator();
        menu->addAction(tr("Quit"), qApp, &QApplication::closeAllWindows);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason why) {
            if (why == QSystemTrayIcon::Trigger) {
                showNormal();
                raise();
                activateWindow();
            }
        });
        m_tray->show();
    }
    connect(m_bell, &NotificationBell::noticeArrived, this, [this](const QString &title, const QString &message, const QString &severity) {
        if (!m_tray || isActiveWindow() || !QSettings().value(QStringLiteral("notifications/desktop"), true).toBool())
            return;
        const auto icon = severity == QLatin1String("error")     ? QSystemTrayIcon::Critical
                          : severity == QLatin1String("warning") ? QSystemTrayIcon::Warning
                                                                 : QSystemTrayIcon::Information;
        m_tray->showMessage(title, message, icon, 8000);
    });
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_bell, [this] { m_bell->openList(); });
}

void MainWindow::showNotice(const QString &text)
{
    m_noticeText->setText(text);
    m_notice->show();
}

QString MainWindow::noticeText() const
{
    return m_notice->isVisible() ? m_noticeText->text() : QString();
}

bool MainWindow::openActionUrl(const QString &url)
{
    // "/conversations/12", "/leads/5", "/scraper/jobs/4", "fliptech://settings/ai"
    QString path = url;
    if (path.startsWith(QLatin1String("fliptech://")))
        path = path.mid(10);
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty() || !showPage(parts.first()))
        return false;
    bool ok = false;
    const qint64 id = parts.value(1).toLongLong(&ok);
    QWidget *page = m_built.value(parts.first());
    if (ok && page && page->metaObject()->indexOfMethod("openItem(qint64)") >= 0)
        QMetaObject::invokeMethod(page, "openItem", Qt::DirectConnection, Q_ARG(qint64, id));
    return true;
}

void MainWindow::setApiUrl(const QString &url)
{
    m_apiLabel->setText(url.isEmpty() ? tr("API: off") : tr("API: %1").arg(url));
}

void MainWindow::setSignedInUser(const QString &who)
{
    m_userLabel->setText(who.isEmpty() ? QString() : tr("Signed in as %1").arg(who));
}

void MainWindow::refreshStatus()
{
    const QString where = m_engine.options().database.redacted();
    auto counts = m_engine.jobs().countsByState();
    if (!counts) {
        m_dbLabel->setText(tr("%1 — not connected").arg(where));
        m_dbLabel->setToolTip(counts.error().message);
        m_jobsLabel->clear();
        m_jobsBar->hide();
        return;
    }
    m_dbLabel->setText(tr("%1 — connected").arg(where));
    m_dbLabel->setToolTip(QString());
    const qint64 running = counts->value(QStringLiteral("running"));
    auto due = m_engine.jobs().countDue();
    const qint64 queued = due ? *due : counts->value(QStringLiteral("queued"));
    auto indexing = m_engine.indexing().state();
    if (indexing && indexing->pending()) {
        // After a large import: say what is still being built, not just "a job runs".
        m_jobsLabel->setText(indexing->searchBacklog > 0
                                 ? tr("Indexing imported leads: %n not searchable yet", nullptr, int(qMin<qint64>(indexing->searchBacklog, INT_MAX)))
                                 : tr("Indexing imported leads: %n filter indexes to build", nullptr, int(indexing->indexes)));
        m_jobsLabel->setToolTip(tr("A large import puts its rows in first and builds their indexes afterwards, in the background. "
                                   "Until it is done, search does not find those leads and filters on them are slower."));
        m_jobsBar->show();
    } else if (running == 0 && queued == 0) {
        m_jobsLabel->setText(tr("No jobs running"));
        m_jobsLabel->setToolTip(QString());
        m_jobsBar->hide();
    } else {
        m_jobsLabel->setText(tr("Jobs: %1 running, %2 waiting").arg(running).arg(queued));
        m_jobsLabel->setToolTip(QString());
        m_jobsBar->show();
    }
}

bool MainWindow::showPage(const QString &id)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].id == id) {
            m_sidebar->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString MainWindow::currentPageId() const
{
    const int row = m_sidebar->currentRow();
    return row >= 0 && row < m_pages.size() ? m_pages[row].id : QString();
}

void MainWindow::onRowChanged(int row)
{
    if (row < 0 || row >= m_pages.size())
        return;
    const PageInfo &p = m_pages[row];
    QWidget *w = m_built.value(p.id);
    if (!w) {
        w = p.create(m_context, m_stack);
        w->setObjectName(QStringLiteral("page_") + p.id);
        m_built.insert(p.id, w);
        m_stack->addWidget(w);
    }
    m_stack->setCurrentWidget(w);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/page"), currentPageId());
    QMainWindow::closeEvent(event);
}

} // namespace fliptech::ui
