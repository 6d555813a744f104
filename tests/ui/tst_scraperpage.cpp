// GUI: the Scraper page (offscreen, real widgets, a real engine with a job worker): a user names
// a site and a category and presses Run; the job fetches a captured Craigslist page from a local
// server standing in for Craigslist, the table shows it running and then done with the leads it
// found; a bad site is refused with a message and no job; a queued job can be paused, resumed and cancelled. And a lead's
// website analysed from its detail pane.
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/providerevents.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/ui/integrationssettings.h"
#include "fliptech/ui/sendersettings.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "imapserver.h"
#include "smtpsink.h"
#include "fliptech/ui/leadspage.h"
#include "fliptech/ui/leadtablemodel.h"
#include "fliptech/ui/scraperpage.h"
#include "fixturehttpserver.h"
#include "localdnsserver.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QSet>
#include <QMenu>
#include <QToolButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrlQuery>

using namespace fliptech;

class TestScraperPage final : public QObject
{
    Q_OBJECT

    // Replaces a line edit's text as a user would: cleared, then typed.
    static void retype(QWidget &page, const char *name, const QString &text)
    {
        auto *e = page.findChild<QLineEdit *>(QLatin1String(name));
        e->clear();
        QTest::keyClicks(e, text);
    }
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    test::FixtureHttpServer m_craigslist;

    std::unique_ptr<engine::Engine> engineWith(int workers)
    {
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = workers;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        auto e = std::make_unique<engine::Engine>(o);
        FT_EXPECT(e->connect().ok() && e->migrate().ok() && e->start().ok(), "the engine starts");
        e->scrapes().setBaseUrl(m_craigslist.baseUrl() + QStringLiteral("/{site}"));
        return e;
    }
    static QString cell(QTableWidget *t, int row, int column) { return t->item(row, column) ? t->item(row, column)->text() : QString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        QVERIFY(m_craigslist.start());
    }

    void runAScrapeAndWatchIt()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QFile f(test::sharedFixturesDir() + QStringLiteral("/craigslist/search/milwaukee-apa-query-wauwatosa-static-wauwatosa.html"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        test::FixtureHttpServer::Response page;
        page.body = f.readAll();
        page.delayMs = 300; // long enough to see it running
        m_craigslist.addResponse("/milwaukee/search/apa", page);
        m_engine = engineWith(1);
        FT_STOP_IF_FAILED();
        // A location group of two (one of them, Milwaukee, the site the server knows).
        auto milwaukee = m_engine->locations().createLocation({{QStringLiteral("name"), QStringLiteral("Milwaukee")}, {QStringLiteral("code"), QStringLiteral("milwaukee")}});
        auto nowhere = m_engine->locations().createLocation({{QStringLiteral("name"), QStringLiteral("Nowhere")}, {QStringLiteral("code"), QStringLiteral("nowhere")}});
        QVERIFY(milwaukee.ok() && nowhere.ok());
        QVERIFY(m_engine->locations()
                    .createGroup(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Wisconsin")},
                                                          {QStringLiteral("location_ids"), QJsonArray{milwaukee->value(QStringLiteral("id")), nowhere->value(QStringLiteral("id"))}}})
                    .ok());
        ui::ScraperPage p(m_engine->scrapes(), m_engine->http(), leads::Actor::system(), nullptr, &m_engine->locations());
        p.resize(1200, 700);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        auto *sites = p.findChild<QLineEdit *>(QStringLiteral("scraperSites"));
        auto *categories = p.findChild<QListWidget *>(QStringLiteral("scraperCategories"));
        auto *group = p.findChild<QComboBox *>(QStringLiteral("scraperGroup"));
        auto *pages = p.findChild<QSpinBox *>(QStringLiteral("scraperPages"));
        auto *jobs = p.findChild<QTableWidget *>(QStringLiteral("scraperJobs"));
        auto *message = p.findChild<QLabel *>(QStringLiteral("scraperMessage"));
        QVERIFY(sites && categories && group && pages && jobs && message);
        QCOMPARE(group->count(), 2);
        QVERIFY(group->itemText(1).contains(QLatin1String("milwaukee, nowhere")));

        // A bad site: refused, said why, no job.
        QTest::keyClicks(sites, QStringLiteral("not a site!"));
        QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("scraperRun")), Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("site")), qPrintable(message->text()));
        QCOMPARE(jobs->rowCount(), 0);

        sites->clear();
        group->setCurrentIndex(1); // the group, no site typed
        categories->clearSelection();
        for (int i = 0; i < categories->count(); ++i)
            if (categories->item(i)->data(Qt::UserRole).toString() == QLatin1String("apa"))
                categories->item(i)->setSelected(true);
        QCOMPARE(categories->selectedItems().size(), 1);
        pages->setValue(1);
        QTest::keyClick(sites, Qt::Key_Return); // Return in the sites field runs it too
        QVERIFY2(message->text().contains(QLatin1String("started")), qPrintable(message->text()));
        QCOMPARE(jobs->rowCount(), 1);
        QCOMPARE(cell(jobs, 0, 1), QStringLiteral("milwaukee/apa, nowhere/apa"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, 0, 2), QStringLiteral("completed"), 15000);
        QCOMPARE(cell(jobs, 0, 5), QStringLiteral("37"));
        QCOMPARE(cell(jobs, 0, 4), QStringLiteral("1"));
        QVERIFY(cell(jobs, 0, 6).contains(QLatin1String("404"))); // nowhere is not a site the server knows
        // The job's leads, when it is selected.
        auto *results = p.findChild<QTableWidget *>(QStringLiteral("scraperResults"));
        QVERIFY(results);
        jobs->selectRow(0);
        QCOMPARE(results->rowCount(), 37);
        QVERIFY(!results->item(0, 0)->text().isEmpty());
        QCOMPARE(qobject_cast<QProgressBar *>(jobs->cellWidget(0, 3))->value(), 100);
        QCOMPARE(m_engine->database().selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE source = 'craigslist'"))->value(0).toInt(), 37);
        if (const QString dir = qEnvironmentVariable("FLIPTECH_TEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(p.grab().save(dir + QStringLiteral("/scraperpage.png")));
        m_engine.reset();
    }

    void cancelAQueuedScrape()
    {
        m_engine = engineWith(0); // no workers: it stays queued
        FT_STOP_IF_FAILED();
        ui::ScraperPage p(m_engine->scrapes(), m_engine->http(), leads::Actor::system());
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        QTest::keyClicks(p.findChild<QLineEdit *>(QStringLiteral("scraperSites")), QStringLiteral("austin"));
        QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("scraperRun")), Qt::LeftButton);
        auto *jobs = p.findChild<QTableWidget *>(QStringLiteral("scraperJobs"));
        auto *cancel = p.findChild<QPushButton *>(QStringLiteral("scraperCancel"));
        QCOMPARE(cell(jobs, 0, 2), QStringLiteral("pending"));
        QVERIFY(!cancel->isEnabled());
        jobs->selectRow(0);
        QVERIFY(cancel->isEnabled());
        auto *pause = p.findChild<QPushButton *>(QStringLiteral("scraperPause"));
        auto *resume = p.findChild<QPushButton *>(QStringLiteral("scraperResume"));
        auto *retry = p.findChild<QPushButton *>(QStringLiteral("scraperRetry"));
        QVERIFY(pause->isEnabled() && !resume->isEnabled() && !retry->isEnabled());
        // Paused (queued: at once), resumed (queued again), cancelled; each button only when it applies.
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(cell(jobs, 0, 2), QStringLiteral("paused"));
        QVERIFY(!pause->isEnabled() && resume->isEnabled() && cancel->isEnabled());
        QTest::mouseClick(resume, Qt::LeftButton);
        QCOMPARE(cell(jobs, 0, 2), QStringLiteral("pending"));
        QVERIFY(pause->isEnabled() && !resume->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cell(jobs, 0, 2), QStringLiteral("cancelled"));
        QVERIFY(!cancel->isEnabled() && resume->isEnabled() && !retry->isEnabled());
        m_engine.reset();
    }

    // The website analysis on a lead's detail pane: Analyse website runs the job, the pane shows
    // the score and the findings when it ends.
    void websiteAnalysisOnTheLeadPane()
    {
        m_engine = engineWith(1);
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer::Response home;
        home.body = "<html><head><title>Joe's Bakery</title></head><body><p>Call (512) 555-0147</p><footer>&copy; 2014 Joe's</footer></body></html>";
        m_craigslist.addResponse("/bakery/", home);
        auto lead = m_engine->leads().create(leads::Actor::system(), QJsonObject{{QStringLiteral("name"), QStringLiteral("Joe Baker")},
                                                                                 {QStringLiteral("website"), QString(m_craigslist.baseUrl() + QStringLiteral("/bakery/"))}});
        QVERIFY(lead.ok());
        ui::LeadsPage p(*m_engine, std::nullopt);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        p.openLead(lead->value(QStringLiteral("id")).toInteger());
        auto *report = p.findChild<QTextBrowser *>(QStringLiteral("detailAnalysis"));
        auto *analyze = p.findChild<QPushButton *>(QStringLiteral("detailAnalyze"));
        QVERIFY(report && analyze);
        QVERIFY(report->toPlainText().contains(QStringLiteral("Not analysed yet")));
        QTest::mouseClick(analyze, Qt::LeftButton);
        QVERIFY(!analyze->isEnabled()); // while it runs
        QTRY_VERIFY_WITH_TIMEOUT(report->toPlainText().contains(QStringLiteral("Prospect score")), 20000);
        const QString text = report->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("copyright 2014")) && text.contains(QStringLiteral("no HTTPS")) && text.contains(QStringLiteral("Joe's Bakery")),
                 qPrintable(text));
        QVERIFY(analyze->isEnabled());
        QCOMPARE(m_engine->leads().get(lead->value(QStringLiteral("id")).toInteger())->value(QStringLiteral("enrichment_status")).toString(),
                 QStringLiteral("analyzed"));
        // The address checked the same way (a DNS server of our own, when this machine lets it listen).
        test::LocalDnsServer dns;
        if (dns.start()) {
            dns.addMx(QStringLiteral("joesbakery.example"), 10, QStringLiteral("mx.joesbakery.example"));
            m_engine->scrapes().setNameserver(dns.address());
            auto *email = p.findChild<QLineEdit *>(QStringLiteral("detail_email"));
            email->setText(QStringLiteral("info@joesbakery.example"));
            QTest::keyClick(email, Qt::Key_Return); // saved
            auto *verify = p.findChild<QPushButton *>(QStringLiteral("detailVerify"));
            auto *verdict = p.findChild<QLabel *>(QStringLiteral("detailEmailStatus"));
            QVERIFY(verdict->text().isEmpty());
            QTest::mouseClick(verify, Qt::LeftButton);
            QVERIFY(!verify->isEnabled() && !analyze->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(QStringLiteral("risky")), 20000);
            QVERIFY2(verdict->toolTip().contains(QStringLiteral("role address")), qPrintable(verdict->toolTip()));
            QVERIFY(verify->isEnabled() && analyze->isEnabled());
        }
        if (const QString dir = qEnvironmentVariable("FLIPTECH_TEST_SCREENSHOTS"); !dir.isEmpty()) {
            QVERIFY(p.grab().save(dir + QStringLiteral("/leaddetails.png")));
            for (auto *tabs : p.findChildren<QTabWidget *>())
                tabs->setCurrentIndex(tabs->count() - 1);
            QVERIFY(p.grab().save(dir + QStringLiteral("/leadanalysis.png")));
        }
        m_engine.reset();
    }

    // The Custom URL tab as a user goes through it: a page address, Analyse, the proposed recipe
    // and its preview; a mistake typed in the recipe named at once and Run refused; saved under
    // a name, loaded again; Run, and the job ends with the leads in the table below.
    void customUrlAnalysePreviewSaveAndRun()
    {
        m_craigslist.addScript("/dir", [](const test::FixtureHttpServer::Request &request) {
            test::FixtureHttpServer::Response r;
            r.body = test::syntheticDirectoryPage(QUrlQuery(QUrl(QString::fromLatin1(request.path)).query()).queryItemValue(QStringLiteral("page")).toInt(), 2);
            return r;
        });
        m_engine = engineWith(1);
        FT_STOP_IF_FAILED();
        ui::ScraperPage p(m_engine->scrapes(), m_engine->http(), leads::Actor::system());
        p.resize(1300, 800);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        p.findChild<QTabWidget *>(QStringLiteral("scraperSources"))->setCurrentIndex(1);
        auto *url = p.findChild<QLineEdit *>(QStringLiteral("customUrl"));
        auto *editor = p.findChild<QPlainTextEdit *>(QStringLiteral("customUrlEditor"));
        auto *preview = p.findChild<QTableWidget *>(QStringLiteral("customUrlPreview"));
        auto *check = p.findChild<QLabel *>(QStringLiteral("customUrlCheck"));
        auto *run = p.findChild<QPushButton *>(QStringLiteral("customUrlRun"));
        auto *name = p.findChild<QLineEdit *>(QStringLiteral("customUrlName"));
        auto *message = p.findChild<QLabel *>(QStringLiteral("customUrlMessage"));
        auto *recipes = p.findChild<QComboBox *>(QStringLiteral("customUrlRecipes"));
        QVERIFY(url && editor && preview && check && run && name && message && recipes);
        QVERIFY(!run->isEnabled()); // nothing to run yet

        // Not an address: said so.
        QTest::keyClicks(url, QStringLiteral("not an address"));
        QTest::keyClick(url, Qt::Key_Return);
        QVERIFY2(message->text().contains(QLatin1String("address")), qPrintable(message->text()));
        url->clear();
        QTest::keyClicks(url, m_craigslist.baseUrl() + QStringLiteral("/dir?page=1"));
        QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("customUrlAnalyze")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(preview->rowCount(), 10, 15000);
        QVERIFY2(editor->toPlainText().contains(QLatin1String("div.card")), qPrintable(editor->toPlainText()));
        QVERIFY2(message->text().contains(QLatin1String("10 similar items")), qPrintable(message->text()));
        QCOMPARE(name->text(), QStringLiteral("Austin Plumbers Directory"));
        int nameColumn = -1;
        for (int c = 0; c < preview->columnCount(); ++c)
            if (preview->horizontalHeaderItem(c)->text() == QLatin1String("name"))
                nameColumn = c;
        QVERIFY(nameColumn >= 0);
        QCOMPARE(preview->item(0, nameColumn)->text(), QStringLiteral("Plumber 1 & Sons"));
        QVERIFY(run->isEnabled());

        // A typo in the recipe: named at once, nothing to preview, Run off; fixed: back.
        const QString good = editor->toPlainText();
        editor->setPlainText(QString(good).replace(QStringLiteral("div.card"), QStringLiteral("div[card")));
        QTRY_VERIFY(check->text().contains(QLatin1String("item.css")));
        QCOMPARE(preview->rowCount(), 0);
        QVERIFY(!run->isEnabled());
        editor->setPlainText(good);
        QTRY_COMPARE(preview->rowCount(), 10);
        QVERIFY(run->isEnabled());

        // Saved, and found in the list.
        QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("customUrlSave")), Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("saved")), qPrintable(message->text()));
        QCOMPARE(recipes->currentText(), QStringLiteral("Austin Plumbers Directory"));
        QCOMPARE(m_engine->scrapes().listRecipes()->size(), 1);
        editor->clear();
        recipes->setCurrentIndex(1);
        Q_EMIT recipes->activated(1);
        QTRY_COMPARE_WITH_TIMEOUT(preview->rowCount(), 10, 15000);

        // Run: two pages, twenty leads, shown with the other scrape jobs.
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("started")), qPrintable(message->text()));
        auto *jobs = p.findChild<QTableWidget *>(QStringLiteral("scraperJobs"));
        QVERIFY2(cell(jobs, 0, 1).contains(QLatin1String("Austin Plumbers Directory")), qPrintable(cell(jobs, 0, 1)));
        QTRY_COMPARE_WITH_TIMEOUT(cell(jobs, 0, 2), QStringLiteral("completed"), 15000);
        QCOMPARE(cell(jobs, 0, 5), QStringLiteral("20"));
        QCOMPARE(m_engine->database().selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE source = 'custom_url'"))->value(0).toInt(), 20);
        if (const QString dir = qEnvironmentVariable("FLIPTECH_TEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(p.grab().save(dir + QStringLiteral("/customurl.png")));
        m_engine.reset();
    }

    // Settings → Integrations: a key typed and saved (kept in the secret store, shown only as
    // "set"), the order changed and saved, a provider turned off; then a lead's "Find contacts"
    // asks the provider (a local server speaking Hunter's JSON) and the lead shows what it found;
    // and the bulk bar's Run menu enriches a selection as a job with its progress.
    void integrationsAndFindContacts()
    {
        int asked = 0;
        m_craigslist.addScript("/hunter/v2/domain-search", [&asked](const test::FixtureHttpServer::Request &r) {
            ++asked;
            test::FixtureHttpServer::Response response;
            response.contentType = "application/json";
            if (r.headers.value("x-api-key") != "typed-key") {
                response.status = 401;
                response.body = "{\"errors\":[{\"id\":\"authentication_failed\",\"code\":401,\"details\":\"No user found for the API key supplied\"}]}";
                return response;
            }
            const QByteArray domain = QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QStringLiteral("domain")).toUtf8();
            response.body = "{\"data\":{\"domain\":\"" + domain + "\",\"organization\":\"Shop " + domain +
                            "\",\"phone_number\":\"+15125550111\",\"emails\":[{\"value\":\"owner@" + domain +
                            "\",\"type\":\"personal\",\"confidence\":90,\"first_name\":\"Sam\",\"last_name\":\"Lee\",\"position\":\"Owner\"}]},\"meta\":{\"results\":1}}";
            return response;
        });
        m_engine = engineWith(1);
        FT_STOP_IF_FAILED();
        ui::IntegrationsSettings settings(m_engine->enrichment(), true);
        settings.show();
        auto *providers = settings.findChild<QTableWidget *>(QStringLiteral("integrationsProviders"));
        auto *status = settings.findChild<QLabel *>(QStringLiteral("integrationsStatus"));
        QVERIFY(providers && status);
        QCOMPARE(providers->rowCount(), 3);
        QCOMPARE(providers->item(0, 0)->text(), QStringLiteral("Hunter.io"));
        QCOMPARE(providers->item(0, 2)->text(), QStringLiteral("not set"));
        providers->selectRow(0);
        QTest::keyClicks(settings.findChild<QLineEdit *>(QStringLiteral("integrationsKey")), QStringLiteral("typed-key"));
        QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("integrationsSaveKey")), Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("Key saved in the keychain."));
        QCOMPARE(providers->item(0, 2)->text(), QStringLiteral("set (keychain)"));
        QCOMPARE(*m_secrets.read(QStringLiteral("enrichment/hunter")), QByteArray("typed-key"));
        // The base URL edited in place (a local server here), Clearbit moved first then off.
        providers->item(0, 3)->setText(m_craigslist.baseUrl() + QStringLiteral("/hunter"));
        providers->selectRow(2);
        QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("integrationsUp")), Qt::LeftButton);
        QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("integrationsUp")), Qt::LeftButton);
        QCOMPARE(providers->item(0, 0)->text(), QStringLiteral("Clearbit"));
        providers->item(0, 1)->setCheckState(Qt::Unchecked);
        providers->item(2, 4)->setText(QStringLiteral("two"));
        QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("integrationsSave")), Qt::LeftButton);
        QVERIFY2(status->text().contains(QLatin1String("whole cents")), qPrintable(status->text()));
        providers->item(2, 4)->setText(QStringLiteral("2"));
        QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("integrationsSave")), Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("Saved."));
        const QJsonArray stored = *m_engine->enrichment().providers();
        QCOMPARE(stored.at(0).toObject().value(QStringLiteral("provider")).toString(), QStringLiteral("clearbit"));
        QCOMPARE(stored.at(0).toObject().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(stored.at(1).toObject().value(QStringLiteral("base_url")).toString(), QString(m_craigslist.baseUrl() + QStringLiteral("/hunter")));
        QCOMPARE(stored.at(2).toObject().value(QStringLiteral("cost_cents_per_call")).toInt(), 2);
        // Someone not an admin sees them, changes nothing.
        ui::IntegrationsSettings readOnly(m_engine->enrichment(), false);
        QVERIFY(!readOnly.findChild<QPushButton *>(QStringLiteral("integrationsSave"))->isEnabled());

        // A lead's "Find contacts".
        auto shop = m_engine->leads().create(leads::Actor::system(), QJsonObject{{QStringLiteral("name"), QStringLiteral("Shop")},
                                                                                 {QStringLiteral("website"), QStringLiteral("https://shop-one.example/")}});
        QVERIFY(shop.ok());
        ui::LeadsPage p(*m_engine, std::nullopt);
        p.resize(1300, 800);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        p.openLead(shop->value(QStringLiteral("id")).toInteger());
        auto *enrich = p.findChild<QPushButton *>(QStringLiteral("detailEnrich"));
        QVERIFY(enrich);
        QTest::mouseClick(enrich, Qt::LeftButton);
        QVERIFY(!enrich->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(enrich->isEnabled(), 20000);
        QCOMPARE(asked, 1);
        QCOMPARE(p.findChild<QLineEdit *>(QStringLiteral("detail_email"))->text(), QStringLiteral("owner@shop-one.example"));
        QCOMPARE(p.findChild<QLineEdit *>(QStringLiteral("detail_phone"))->text(), QStringLiteral("(512) 555-0111")); // found as +15125550111, shown the national way

        // Two more, from the bulk bar's Run menu.
        QSet<qint64> more;
        for (const char *site : {"shop-two.example", "shop-three.example"})
            more << m_engine->leads().create(leads::Actor::system(), QJsonObject{{QStringLiteral("name"), QStringLiteral("Shop")},
                                                                                 {QStringLiteral("website"), QLatin1String(site)}})->value(QStringLiteral("id")).toInteger();
        p.reloadKeepingView();
        auto selectMore = [&] {
            p.table()->clearSelection();
            int picked = 0;
            for (int r = 0; r < p.model()->rowCount(); ++r)
                if (more.contains(p.model()->idAt(r))) {
                    p.table()->selectionModel()->select(p.model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
                    ++picked;
                }
            return picked;
        };
        QTRY_COMPARE(selectMore(), 2);
        auto *run = p.findChild<QToolButton *>(QStringLiteral("bulkRun"));
        QVERIFY(run && run->isVisible());
        QAction *enrichAll = run->menu()->findChild<QAction *>(QStringLiteral("bulkEnrich"));
        QVERIFY(enrichAll);
        enrichAll->trigger();
        auto *message = p.findChild<QLabel *>(QStringLiteral("leadMessage"));
        QTRY_VERIFY2_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Done")), qPrintable(message->text()), 20000);
        QVERIFY2(p.findChild<QLabel *>(QStringLiteral("leadMessage"))->text().contains(QLatin1String("enriched 2")),
                 qPrintable(p.findChild<QLabel *>(QStringLiteral("leadMessage"))->text()));
        QCOMPARE(asked, 3); // the first shop's domain answered from the cache
        QCOMPARE(m_engine->database().selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE email LIKE 'owner@shop-%'"))->value(0).toInt(), 3);
        m_engine.reset();
    }

    // Settings → Sender accounts: an SMTP mailbox added (its password to the secret store, shown
    // only as set), tested against a real SMTP server off the window's thread, a mistake named.
    void senderAccounts()
    {
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        m_engine = engineWith(0);
        FT_STOP_IF_FAILED();
        ui::SenderSettings page(m_engine->senders(), true);
        page.show();
        auto type = [&page](const char *name, const QString &text) { retype(page, name, text); };
        auto *status = page.findChild<QLabel *>(QStringLiteral("senderStatus"));
        type("senderName", QStringLiteral("Local relay"));
        type("senderFrom", QStringLiteral("not an address"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("senderSave")), Qt::LeftButton);
        QVERIFY2(status->text().contains(QLatin1String("e-mail address")), qPrintable(status->text()));
        type("senderFrom", QStringLiteral("sam@studio.example"));
        type("senderHost", QStringLiteral("127.0.0.1"));
        page.findChild<QSpinBox *>(QStringLiteral("senderPort"))->setValue(sink.port());
        auto *security = page.findChild<QComboBox *>(QStringLiteral("senderSecurity"));
        security->setCurrentIndex(security->findData(QStringLiteral("none")));
        type("senderPassword", QStringLiteral("pw"));
        page.findChild<QSpinBox *>(QStringLiteral("senderRampStart"))->setValue(25);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("senderSave")), Qt::LeftButton);
        QVERIFY2(status->text().contains(QLatin1String("25 message")), qPrintable(status->text()));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("sendersTable"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("set"));
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("senderPassword"))->text().isEmpty());
        const qint64 id = table->item(0, 0)->data(Qt::UserRole).toLongLong();
        QCOMPARE(*m_secrets.read(QStringLiteral("sender/%1/password").arg(id)), QByteArray("pw"));
        auto *test = page.findChild<QPushButton *>(QStringLiteral("senderTest"));
        QVERIFY(test->isEnabled());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("✓")), 15000);
        QVERIFY(sink.greetings() >= 1);
        // Its domain, looked up (a DNS server of ours, when this machine lets it listen).
        test::LocalDnsServer dns;
        if (dns.start()) {
            dns.addTxt(QStringLiteral("studio.example"), "v=spf1 mx -all");
            m_engine->senders().setNameserver(dns.address());
            QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("senderDomainCheck")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("DMARC")), 15000);
            QVERIFY2(status->text().contains(QStringLiteral("✓ SPF")) && status->text().contains(QStringLiteral("✗ DKIM")), qPrintable(status->text()));
        }
        m_engine.reset();
    }

    // Settings → Integrations: the keys SendGrid's and Mailgun's delivery events are verified
    // with, kept as secrets and shown only as set; a key that does not read is refused.
    void webhookKeys()
    {
        m_engine = engineWith(0);
        FT_STOP_IF_FAILED();
        ui::IntegrationsSettings page(m_engine->enrichment(), true, nullptr, &m_engine->providerEvents());
        page.show();
        auto *state = page.findChild<QLabel *>(QStringLiteral("integrationsWebhookState"));
        auto *status = page.findChild<QLabel *>(QStringLiteral("integrationsStatus"));
        QVERIFY2(state->text().contains(QLatin1String("refused until a key is set")), qPrintable(state->text()));
        retype(page, "integrationsSendGridKey", QStringLiteral("not a public key"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("integrationsSaveWebhookKeys")), Qt::LeftButton);
        QVERIFY2(status->text().contains(QLatin1String("not a public key")), qPrintable(status->text()));
        retype(page, "integrationsSendGridKey", QString());
        retype(page, "integrationsMailgunKey", QStringLiteral("mg-signing-key"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("integrationsSaveWebhookKeys")), Qt::LeftButton);
        QVERIFY2(state->text().startsWith(QLatin1String("SendGrid events: refused")) && state->text().contains(QLatin1String("Mailgun events: verified")),
                 qPrintable(state->text()));
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("integrationsMailgunKey"))->text().isEmpty());
        QCOMPARE(*m_secrets.read(QStringLiteral("webhooks/mailgun_signing_key")), QByteArray("mg-signing-key"));
        m_engine.reset();
    }

    // Settings → Sender accounts: the bounce mailbox (IMAP, a real Dovecot) read with one click.
    void senderBounceMailbox()
    {
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("bounces"), QStringLiteral("secret")), qPrintable(imap.error()));
        m_engine = engineWith(0);
        FT_STOP_IF_FAILED();
        ui::SenderSettings page(m_engine->senders(), true, nullptr, &m_engine->campaigns());
        page.show();
        auto type = [&page](const char *name, const QString &text) { retype(page, name, text); };
        auto *status = page.findChild<QLabel *>(QStringLiteral("senderStatus"));
        type("senderName", QStringLiteral("Studio mailbox"));
        type("senderFrom", QStringLiteral("mailbox@studio.example"));
        type("senderHost", QStringLiteral("127.0.0.1"));
        type("senderPassword", QStringLiteral("secret"));
        type("senderImapHost", QStringLiteral("127.0.0.1"));
        page.findChild<QSpinBox *>(QStringLiteral("senderImapPort"))->setValue(imap.port());
        auto *security = page.findChild<QComboBox *>(QStringLiteral("senderImapSecurity"));
        security->setCurrentIndex(security->findData(QStringLiteral("none")));
        type("senderImapUser", QStringLiteral("bounces"));
        auto *check = page.findChild<QPushButton *>(QStringLiteral("senderCheckBounces"));
        QVERIFY(check->isVisible());
        QVERIFY(!check->isEnabled()); // nothing saved yet
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("senderSave")), Qt::LeftButton);
        QVERIFY2(status->text().startsWith(QLatin1String("Saved")), qPrintable(status->text()));
        QVERIFY(check->isEnabled());
        QVERIFY(imap.deliver("From: MAILER-DAEMON@mx.nowhere.example\r\nTo: sam@studio.example\r\nSubject: Undeliverable: Hello\r\n\r\n"
                             "Your message did not reach the following recipient(s):\r\n\r\ngone@nowhere.example\r\n    The recipient name is not recognized\r\n"));
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("✓ Read 1")), 15000);
        QVERIFY2(status->text().contains(QLatin1String("1 bounce")), qPrintable(status->text()));
        auto suppressed = m_engine->database().selectOne(QStringLiteral("SELECT reason FROM suppressions WHERE email = 'gone@nowhere.example'"));
        QVERIFY(suppressed.ok());
        QCOMPARE(suppressed->value(0).toString(), QStringLiteral("bounce"));
        m_engine.reset();
    }
};

QTEST_MAIN(TestScraperPage)
#include "tst_scraperpage.moc"
