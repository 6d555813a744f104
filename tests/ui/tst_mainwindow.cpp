#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/ui/campaignspage.h"
#include "fliptech/ui/inboxpage.h"
#include "fliptech/ui/automationpage.h"
#include "fliptech/ui/leadspage.h"
#include "fliptech/ui/scraperpage.h"
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace fliptech;

class TestMainWindow final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;

    std::unique_ptr<ui::MainWindow> makeWindow(ui::PageRegistry pages = {})
    {
        if (pages.pages().isEmpty())
            ui::registerDefaultPages(pages);
        auto w = std::make_unique<ui::MainWindow>(*m_engine, std::move(pages));
        w->show();
        FT_EXPECT(QTest::qWaitForWindowExposed(w.get()), "QTest::qWaitForWindowExposed(w.get())");
        return w;
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
