#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/ui/campaignspage.h"
#include "fliptech/ui/inboxpage.h"
#include "fliptech/ui/analyticspage.h"
#include "fliptech/ui/automationpage.h"
#include "fliptech/ui/leadspage.h"
#include "fliptech/ui/leadtablemodel.h"
#include "fliptech/ui/scraperpage.h"
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/icons.h"
#include "fliptech/ui/shellparts.h"
#include "fliptech/automation/notificationservice.h"
#include "fliptech/core/logging.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QMenuBar>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTest>
#include <QJsonArray>

#include "fliptech/leads/leadservice.h"

using namespace fliptech;

class TestMainWindow final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;

    std::unique_ptr<ui::MainWindow> makeWindow(ui::PageRegistry pages = {}, std::optional<auth::Principal> principal = std::nullopt)
    {
        if (pages.pages().isEmpty())
            ui::registerDefaultPages(pages);
        auto w = std::make_unique<ui::MainWindow>(*m_engine, std::move(pages), principal);
        w->show();
        FT_EXPECT(QTest::qWaitForWindowExposed(w.get()), "QTest::qWaitForWindowExposed(w.get())");
        return w;
    }
    // The share of an image's pixels that are drawn (not transparent), and their mean lightness.
    static std::pair<double, int> ink(const QImage &image)
    {
        int drawn = 0;
        qint64 lightness = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() > 128) {
                    ++drawn;
                    lightness += c.lightness();
                }
            }
        return {double(drawn) / (image.width() * image.height()), drawn ? int(lightness / drawn) : -1};
    }
    auth::Principal signedInAdmin()
    {
        auto admin = m_engine->auth().createFirstAdmin(QStringLiteral("owner@studio.example"), QStringLiteral("Owner-passw0rd-long"), QStringLiteral("Owner"));
        FT_EXPECT(admin.ok(), admin ? "" : qPrintable(admin.error().message));
        auth::Principal p;
        p.userId = admin ? admin->id : 0;
        p.role = auth::Role::Admin;
        p.email = QStringLiteral("owner@studio.example");
        return p;
    }
    static QString labelText(QWidget *w, const char *name)
    {
        auto *l = w->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlipTechTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }
    void init()
    {
        QSettings().clear();
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok());
        QVERIFY(m_engine->migrate().ok());
        QVERIFY(m_engine->start().ok());
    }
    void cleanup()
    {
        m_engine.reset();
        m_tmp.reset();
    }

    void sidebarListsEveryArea()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        auto *sidebar = w->findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QStringList titles;
        for (int i = 0; i < sidebar->count(); ++i)
            titles << sidebar->item(i)->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Leads"), QStringLiteral("Scraper"),
                                      QStringLiteral("Campaigns"), QStringLiteral("Templates"), QStringLiteral("Conversations"),
                                      QStringLiteral("Automation"), QStringLiteral("Content"), QStringLiteral("Analytics"),
                                      QStringLiteral("Settings")}));
        QCOMPARE(w->currentPageId(), QStringLiteral("dashboard"));
    }

    void clickingAnAreaShowsItsPage()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        auto *sidebar = w->findChild<QListWidget *>(QStringLiteral("sidebar"));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(1)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("leads"));
        auto *stack = w->findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("page_leads"));
        QVERIFY(qobject_cast<ui::LeadsPage *>(w->pageWidget(QStringLiteral("leads")))); // the real page, not a placeholder
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(2)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("scraper"));
        QVERIFY(qobject_cast<ui::ScraperPage *>(w->pageWidget(QStringLiteral("scraper"))));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(3)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("campaigns"));
        QVERIFY(qobject_cast<ui::CampaignsPage *>(w->pageWidget(QStringLiteral("campaigns"))));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(5)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("conversations"));
        QVERIFY(qobject_cast<ui::InboxPage *>(w->pageWidget(QStringLiteral("conversations"))));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(6)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("automation"));
        QVERIFY(qobject_cast<ui::AutomationPage *>(w->pageWidget(QStringLiteral("automation"))));
        // An area that is not built yet says so, and what it will do.
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(7)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("content"));
        auto *text = stack->currentWidget()->findChild<QLabel *>(QStringLiteral("placeholderText"));
        QVERIFY(text);
        QVERIFY(text->text().startsWith(QStringLiteral("Not built yet.")));
        QVERIFY(text->text().contains(QStringLiteral("demo sites and videos")));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(sidebar->item(8)).center());
        QCOMPARE(w->currentPageId(), QStringLiteral("analytics"));
        QVERIFY(qobject_cast<ui::AnalyticsPage *>(w->pageWidget(QStringLiteral("analytics"))));
    }

    void keyboardShortcutsSwitchAreas()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QTest::keyClick(w.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(w->currentPageId(), QStringLiteral("scraper"));
        QTest::keyClick(w.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(w->currentPageId(), QStringLiteral("settings"));
    }

    void aFeatureReplacesItsPlaceholderThroughTheRegistry()
    {
        ui::PageRegistry pages;
        ui::registerDefaultPages(pages);
        pages.add(ui::PageInfo{QStringLiteral("leads"), QStringLiteral("Leads"), QStringLiteral("system-users"), 20,
                               [](ui::PageContext &, QWidget *parent) -> QWidget * {
                                   auto *l = new QLabel(QStringLiteral("the real leads page"), parent);
                                   l->setObjectName(QStringLiteral("realLeads"));
                                   return l;
                               }});
        QCOMPARE(pages.pages().size(), 10);
        auto w = makeWindow(std::move(pages));
        FT_STOP_IF_FAILED();
        QVERIFY(w->showPage(QStringLiteral("leads")));
        auto *page = qobject_cast<QLabel *>(w->pageWidget(QStringLiteral("leads")));
        QVERIFY(page);
        QCOMPARE(page->text(), QStringLiteral("the real leads page"));
        QVERIFY(!w->showPage(QStringLiteral("no-such-page")));
    }

    void statusBarShowsDatabaseApiAndJobs()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QVERIFY(labelText(w.get(), "databaseStatus").contains(m_tmp->url().path));
        QVERIFY(labelText(w.get(), "databaseStatus").contains(QStringLiteral("connected")));
        QCOMPARE(labelText(w.get(), "apiStatus"), QStringLiteral("API: off"));
        QCOMPARE(labelText(w.get(), "jobsStatus"), QStringLiteral("No jobs running"));
        auto *bar = w->findChild<QProgressBar *>(QStringLiteral("jobsProgress"));
        QVERIFY(!bar->isVisible());

        w->setApiUrl(QStringLiteral("http://127.0.0.1:8484"));
        QCOMPARE(labelText(w.get(), "apiStatus"), QStringLiteral("API: http://127.0.0.1:8484"));
        QList<storage::JobSpec> specs(2, storage::JobSpec{QStringLiteral("scrape")});
        QVERIFY(m_engine->jobs().enqueueBatch(specs).ok());
        w->refreshStatus();
        QCOMPARE(labelText(w.get(), "jobsStatus"), QStringLiteral("Jobs: 0 running, 2 waiting"));
        QVERIFY(bar->isVisible());

        // After a large import the bar says what is still being built.
        if (!m_engine->database().isPostgres()) {
            auto &db = m_engine->database();
            QVERIFY(db.execute(QStringLiteral("INSERT INTO bulkload_search_backlog (lo, hi) VALUES (1, 1200)")).ok());
            w->refreshStatus();
            QCOMPARE(labelText(w.get(), "jobsStatus"), QStringLiteral("Indexing imported leads: 1200 not searchable yet"));
            QVERIFY(db.execute(QStringLiteral("DELETE FROM bulkload_search_backlog")).ok());
            w->refreshStatus();
            QCOMPARE(labelText(w.get(), "jobsStatus"), QStringLiteral("Jobs: 0 running, 2 waiting"));
        }
    }

    void sidebarIconsAreTheApplicationsOwnInLightAndDark()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        auto *sidebar = w->findChild<QListWidget *>(QStringLiteral("sidebar"));
        const QStringList names = ui::appIconNames();
        const QPalette before = QApplication::palette();
        for (int i = 0; i < sidebar->count(); ++i) {
            const QString id = sidebar->item(i)->data(Qt::UserRole).toString();
            QVERIFY2(names.contains(id), qPrintable(id)); // one of ours, not the desktop theme's
            // Drawn (not blank) in the palette's text colour: dark on the light palette...
            QPalette light;
            light.setColor(QPalette::WindowText, Qt::black);
            QApplication::setPalette(light);
            const auto [share, shade] = ink(sidebar->item(i)->icon().pixmap(48, 48).toImage());
            QVERIFY2(share > 0.03 && share < 0.6, qPrintable(id + QStringLiteral(": %1").arg(share)));
            QVERIFY2(shade < 60, qPrintable(id));
            // ...and light on a dark one, from the same file.
            QPalette dark;
            dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
            QApplication::setPalette(dark);
            QVERIFY2(ink(sidebar->item(i)->icon().pixmap(48, 48).toImage()).second > 200, qPrintable(id));
        }
        QApplication::setPalette(before);
        QVERIFY(!ui::logoIcon().isNull());
        QVERIFY(ink(ui::logoIcon().pixmap(64, 64).toImage()).first > 0.3);
        QVERIFY(ui::appIcon(QStringLiteral("no-such-icon")).isNull());
    }

    void everyPageOpensWithoutWarnings()
    {
        static QStringList warnings;
        warnings.clear();
        QtMessageHandler previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            // (what the offscreen platform cannot do is not the application's)
            if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) && !message.startsWith(QLatin1String("This plugin does not support")))
                warnings << message;
        });
        {
            auto w = makeWindow({}, signedInAdmin());
            auto *sidebar = w->findChild<QListWidget *>(QStringLiteral("sidebar"));
            for (int i = 0; i < sidebar->count(); ++i) {
                sidebar->setCurrentRow(i);
                QTest::qWait(30);
                QVERIFY(w->pageWidget(sidebar->item(i)->data(Qt::UserRole).toString())->isVisible());
            }
            QTest::qWait(200); // what the pages load after showing
        }
        qInstallMessageHandler(previous);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void notificationArrivesAndIsMarkedRead()
    {
        const auth::Principal me = signedInAdmin();
        FT_STOP_IF_FAILED();
        auto w = makeWindow({}, me);
        FT_STOP_IF_FAILED();
        ui::NotificationBell *bell = w->notificationBell();
        QVERIFY(bell);
        QCOMPARE(bell->unreadCount(), 0);
        QVERIFY(bell->text().isEmpty());
        QSignalSpy arrived(bell, &ui::NotificationBell::noticeArrived);
        const qint64 lead = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Joe")}})->value(QStringLiteral("id")).toInteger();
        auto made = m_engine->notifications().notify({me.userId, QStringLiteral("rule"), QStringLiteral("Joe is hot"), QStringLiteral("Call him today"),
                                                      QStringLiteral("info"), QStringLiteral("/leads/%1").arg(lead), {}});
        QVERIFY(made && made->has_value());
        QTRY_COMPARE(bell->unreadCount(), 1); // live, from the event
        QCOMPARE(bell->text(), QStringLiteral("1"));
        QCOMPARE(arrived.count(), 1);
        QCOMPARE(arrived.first().at(0).toString(), QStringLiteral("Joe is hot"));
        ui::NotificationList *list = bell->openList();
        QVERIFY(list->isVisible());
        QCOMPARE(list->list()->count(), 1);
        QVERIFY(list->list()->item(0)->text().startsWith(QStringLiteral("Joe is hot\nCall him today")));
        QVERIFY(list->list()->item(0)->font().bold());
        // Clicking it reads it and opens the lead.
        QTest::mouseClick(list->list()->viewport(), Qt::LeftButton, {}, list->list()->visualItemRect(list->list()->item(0)).center());
        QCOMPARE(bell->unreadCount(), 0);
        QCOMPARE(w->currentPageId(), QStringLiteral("leads"));
        auto page = m_engine->notifications().list(me.userId, {});
        QVERIFY(page);
        QCOMPARE(page->value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("is_read")).toBool(), true);
        // Read elsewhere (the API, another window): the bell follows.
        QVERIFY(m_engine->notifications().notify({me.userId, QStringLiteral("rule"), QStringLiteral("Second"), {}, QStringLiteral("info"), {}, {}}));
        QTRY_COMPARE(bell->unreadCount(), 1);
        QVERIFY(m_engine->notifications().markAllRead(me.userId));
        QTRY_COMPARE(bell->unreadCount(), 0);
    }

    void helpMenuListsShortcutsAndAbout()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QStringList menus;
        for (QAction *a : w->menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Go"), QStringLiteral("&Help")}));
        QTest::keyClick(w.get(), Qt::Key_F1);
        ui::ShortcutsDialog *keys = nullptr;
        QTRY_VERIFY((keys = w->findChild<ui::ShortcutsDialog *>()));
        const QStringList listed = keys->listedKeys();
        // Every shortcut of the menus is listed, and those of the pages.
        for (QAction *menu : w->menuBar()->actions())
            for (QAction *a : menu->menu()->actions())
                if (!a->shortcut().isEmpty())
                    QVERIFY2(listed.contains(a->shortcut().toString(QKeySequence::PortableText)), qPrintable(a->text()));
        QVERIFY(listed.contains(QStringLiteral("Ctrl+K")));
        QVERIFY(listed.contains(QStringLiteral("Ctrl+G"))); // the inbox's suggest-a-reply
        QVERIFY(listed.contains(QStringLiteral("Ctrl+1")));
        keys->close();
        w->findChild<QAction *>(QStringLiteral("showAbout"))->trigger();
        ui::AboutDialog *about = nullptr;
        QTRY_VERIFY((about = w->findChild<ui::AboutDialog *>()));
        const QString parts = about->findChild<QTextBrowser *>(QStringLiteral("components"))->toPlainText();
        for (const char *part : {"Qt", "libcurl", "OpenSSL", "libxml2", "libpq", "SQLite", "QtKeychain", "LGPL-3.0-only"})
            QVERIFY2(parts.contains(QLatin1String(part)), part);
        QVERIFY(parts.contains(QString::fromLatin1(qVersion())));
        about->close();
    }

    void anEmptyWorkspaceSaysHowToBegin()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QVERIFY(w->showPage(QStringLiteral("leads")));
        auto *page = qobject_cast<ui::LeadsPage *>(w->pageWidget(QStringLiteral("leads")));
        QVERIFY(page);
        QTRY_VERIFY(page->emptyState()->isVisible()); // not a bare "0 leads"
        for (const char *button : {"emptyImport", "emptyScrape", "emptyAdd"})
            QVERIFY2(page->emptyState()->findChild<QPushButton *>(QLatin1String(button))->isVisible(), button);
        QVERIFY(!page->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyClear"))->isVisible());
        QTest::mouseClick(page->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyScrape")), Qt::LeftButton);
        QCOMPARE(w->currentPageId(), QStringLiteral("scraper"));
        // A filter that matches nothing says so, and clearing it shows the leads again.
        QVERIFY(m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Only One")}}).ok());
        QVERIFY(w->showPage(QStringLiteral("leads")));
        page->reloadKeepingView();
        QTRY_VERIFY(!page->emptyState()->isVisible());
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("leadSearch")), QStringLiteral("zzzz-nothing"));
        QTRY_VERIFY(page->emptyState()->isVisible());
        QVERIFY(page->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyClear"))->isVisible());
        QVERIFY(!page->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyImport"))->isVisible());
        QTest::mouseClick(page->emptyState()->findChild<QPushButton *>(QStringLiteral("emptyClear")), Qt::LeftButton);
        QTRY_VERIFY(!page->emptyState()->isVisible());
        QCOMPARE(page->model()->total(), 1);
    }

    void noticeAcrossTheWindow()
    {
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QVERIFY(w->noticeText().isEmpty());
        w->showNotice(QStringLiteral("<b>FlipTech Pro did not close properly</b>"));
        QVERIFY(w->noticeText().contains(QStringLiteral("did not close properly")));
        QTest::mouseClick(w->findChild<QWidget *>(QStringLiteral("dismissNotice")), Qt::LeftButton);
        QVERIFY(w->noticeText().isEmpty());
    }

    void geometryAndPageAreRestored()
    {
        {
            auto w = makeWindow();
            FT_STOP_IF_FAILED();
            w->resize(900, 640);
            w->showPage(QStringLiteral("analytics"));
            QVERIFY(w->close());
        }
        auto w = makeWindow();
        FT_STOP_IF_FAILED();
        QCOMPARE(w->size(), QSize(900, 640));
        QCOMPARE(w->currentPageId(), QStringLiteral("analytics"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
#include "testenv.h"
