// The Analytics page as a user opens it: the cards and every table say what the service computes
// (new leads and their change, e-mails and their rates, replies, revenue; a row per day, funnel
// stage, source, location, campaign and template); the source and campaign filters narrow every
// figure; a row double-clicked opens exactly its leads on the leads page; the table is written
// as CSV (formulas defused) and copied; a lead added elsewhere shows without a click; an empty
// period says what to do next.
#include "fakeclock.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/analyticspage.h"
#include "fliptech/ui/leadspage.h"
#include "fliptech/ui/leadtablemodel.h"
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/periodpicker.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QChartView>

using namespace fliptech;

class TestAnalyticsPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    qint64 m_campaign = 0;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no %s named '%s'", T::staticMetaObject.className(), name);
        return c;
    }
    qint64 lead(const QString &name, const QString &source, const QString &city, const char *created)
    {
        auto l = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), name}, {QStringLiteral("source"), source}, {QStringLiteral("city"), city}});
        FT_EXPECT(l.ok(), l ? "" : qPrintable(l.error().message));
        const qint64 id = l ? l->value(QStringLiteral("id")).toInteger() : 0;
        // When it came in (the service stamps now).
        FT_EXPECT(m_engine->database()
                      .execute(QStringLiteral("UPDATE leads SET created_at = ? WHERE id = ?"),
                               {m_engine->database().timestamp(QDateTime::fromString(QLatin1String(created), Qt::ISODate)), id})
                      .ok(),
                  "created_at");
        return id;
    }
    void won(qint64 id, const char *amount, const char *date)
    {
        auto r = m_engine->revenue().markConverted(leads::Actor::system(), id, {{QStringLiteral("amount"), QLatin1String(amount)}, {QStringLiteral("date"), QLatin1String(date)}});
        FT_EXPECT(r.ok(), r ? "" : qPrintable(r.error().message));
    }
    qint64 idOf(const char *name)
    {
        auto row = m_engine->database().selectOne(QStringLiteral("SELECT id FROM leads WHERE name = ?"), {QLatin1String(name)});
        return row ? row->value(0).toLongLong() : 0;
    }
    static QStringList column(QTableWidget *t, int c)
    {
        QStringList out;
        for (int r = 0; r < t->rowCount(); ++r)
            out << t->item(r, c)->text();
        return out;
    }
    static int rowOf(QTableWidget *t, const QString &first)
    {
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0)->text() == first)
                return r;
        return -1;
    }
    static void settle(ui::AnalyticsPage *page) { QTRY_VERIFY_WITH_TIMEOUT(!page->isRefreshing(), 20000); }
    static QSet<qint64> idsOf(const QJsonObject &filter)
    {
        QSet<qint64> out;
        for (const QJsonValue &v : filter.value(QStringLiteral("ids")).toArray())
            out.insert(v.toInteger());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TZ", "UTC");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_clock = std::make_unique<test::FakeClock>(QDateTime(QDate(2026, 11, 30), QTime(15, 0), QTimeZone::utc()));
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o, *m_clock);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
        // November: five leads (three from craigslist in Austin, two from google_maps in Dallas),
        // two won; October: two leads (the period before), one won.
        const qint64 ann = lead(QStringLiteral("Ann"), QStringLiteral("craigslist"), QStringLiteral("Austin"), "2026-11-02T10:00:00Z");
        const qint64 bob = lead(QStringLiteral("Bob"), QStringLiteral("craigslist"), QStringLiteral("Austin"), "2026-11-03T10:00:00Z");
        lead(QStringLiteral("Gus"), QStringLiteral("craigslist"), QStringLiteral("Austin"), "2026-11-03T11:00:00Z");
        const qint64 cat = lead(QStringLiteral("Cat"), QStringLiteral("google_maps"), QStringLiteral("Dallas"), "2026-11-10T10:00:00Z");
        lead(QStringLiteral("Dee"), QStringLiteral("google_maps"), QStringLiteral("Dallas"), "2026-11-12T10:00:00Z");
        const qint64 dan = lead(QStringLiteral("Dan"), QStringLiteral("manual"), QStringLiteral("Austin"), "2026-10-05T10:00:00Z");
        lead(QStringLiteral("Eli"), QStringLiteral("manual"), QStringLiteral("Austin"), "2026-10-06T10:00:00Z");
        won(ann, "1000", "2026-11-10T12:00:00Z");
        won(cat, "500", "2026-11-20T12:00:00Z");
        won(dan, "800", "2026-10-15T12:00:00Z");
        QVERIFY(m_engine->revenue()
                    .addCost(leads::Actor::system(), {{QStringLiteral("amount"), QStringLiteral("300")}, {QStringLiteral("description"), QStringLiteral("Ads")},
                                                      {QStringLiteral("cost_type"), QStringLiteral("advertising")}, {QStringLiteral("source"), QStringLiteral("craigslist")},
                                                      {QStringLiteral("date"), QStringLiteral("2026-11-05")}})
                    .ok());
        // A campaign that e-mailed Ann (opened, replied) and Bob (bounced) with one template.
        storage::Database &db = m_engine->database();
        auto insert = [&db](const QString &sql, const QVariantList &params) {
            auto row = db.selectOne(sql + QStringLiteral(" RETURNING id"), params);
            FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
            return row ? row->value(0).toLongLong() : 0;
        };
        const qint64 intro = insert(QStringLiteral("INSERT INTO templates (name) VALUES ('Intro')"), {});
        m_campaign = insert(QStringLiteral("INSERT INTO campaigns (campaign_id, name) VALUES ('c1', 'Austin plumbers')"), {});
        int n = 0;
        for (const auto &[who, status, opened, replied] :
             {std::tuple{ann, "sent", "2026-11-04T16:00:00Z", "2026-11-04T18:00:00Z"}, std::tuple{bob, "bounced", (const char *)nullptr, (const char *)nullptr}}) {
            auto t = [&db](const char *iso) { return iso ? db.timestamp(QDateTime::fromString(QLatin1String(iso), Qt::ISODate)) : QVariant(); };
            const qint64 recipient = insert(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, tracking_token, sent_at) VALUES (?, ?, ?, ?)"),
                                            {m_campaign, who, QStringLiteral("t%1").arg(++n), t("2026-11-04T15:00:00Z")});
            QVERIFY(db.execute(QStringLiteral("INSERT INTO campaign_messages (campaign_id, recipient_id, step, template_id, message_id, status, sent_at, opened_at, replied_at, bounced_at) "
                                              "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)"),
                               {m_campaign, recipient, intro, QStringLiteral("<m%1@x>").arg(n), QLatin1String(status), t("2026-11-04T15:00:00Z"), t(opened), t(replied),
                                QLatin1String(status) == QLatin1String("bounced") ? t("2026-11-04T15:01:00Z") : QVariant()})
                        .ok());
        }
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_tmp.reset();
    }

    // Every card and table is the service's figure for the period.
    void cardsAndTables()
    {
        ui::AnalyticsPage page(*m_engine);
        page.resize(1300, 900);
        page.show();
        settle(&page);
        QVERIFY(page.periodPicker()->setKey(QStringLiteral("month"))); // November
        settle(&page);
        QVERIFY2(child<QLabel>(&page, "analyticsMessage")->text().isEmpty(), qPrintable(child<QLabel>(&page, "analyticsMessage")->text()));
        const QString newLeads = child<QLabel>(&page, "analyticsNewLeads")->text();
        QVERIFY2(newLeads.startsWith(QStringLiteral("5")) && newLeads.contains(QStringLiteral("+150.0 %")), qPrintable(newLeads)); // 5 against 2
        QCOMPARE(child<QLabel>(&page, "analyticsSent")->text(), QStringLiteral("2"));
        QCOMPARE(child<QLabel>(&page, "analyticsOpenRate")->text(), QStringLiteral("50.0 %"));
        QCOMPARE(child<QLabel>(&page, "analyticsReplyRate")->text(), QStringLiteral("50.0 %"));
        QVERIFY2(child<QLabel>(&page, "analyticsRevenue")->text().startsWith(QStringLiteral("$1,500.00")), qPrintable(child<QLabel>(&page, "analyticsRevenue")->text()));

        // Trends: a row a day of November, in order; Nov 3 brought two leads, Nov 4 two e-mails.
        QTableWidget *trends = page.table(QStringLiteral("trends"));
        QCOMPARE(trends->rowCount(), 30);
        QCOMPARE(trends->item(2, 1)->text(), QStringLiteral("2"));
        QCOMPARE(trends->item(3, 2)->text(), QStringLiteral("2"));
        QCOMPARE(trends->item(9, 4)->text(), QStringLiteral("$1,000.00"));   // Ann's deal, Nov 10
        QCOMPARE(trends->item(4, 5)->text(), QStringLiteral("$300.00"));     // the ads, Nov 5
        auto *trendChart = child<QChartView>(&page, "analyticsTrendChart")->chart();
        QCOMPARE(trendChart->series().size(), 3);
        QCOMPARE(qobject_cast<QLineSeries *>(trendChart->series().at(0))->count(), 30);

        // Funnel: the service's six stages, the same counts.
        auto funnel = m_engine->revenue().leadFunnel(page.query());
        QVERIFY(funnel.ok());
        QTableWidget *stages = page.table(QStringLiteral("funnel"));
        QCOMPARE(stages->rowCount(), 6);
        for (int r = 0; r < 6; ++r) {
            const QJsonObject s = funnel->value(QStringLiteral("stages")).toArray().at(r).toObject();
            QCOMPARE(stages->item(r, 0)->text(), s.value(QStringLiteral("stage")).toString());
            QCOMPARE(stages->item(r, 1)->text(), QLocale().toString(s.value(QStringLiteral("leads")).toInteger()));
        }
        QCOMPARE(stages->item(0, 1)->text(), QStringLiteral("5"));
        QCOMPARE(stages->item(5, 1)->text(), QStringLiteral("2")); // won: Ann and Cat
        QCOMPARE(stages->item(5, 3)->text(), QStringLiteral("40.0 %"));

        // Sources: craigslist (3 leads, $1,000, $300 cost, ROI 233 %) and google_maps (2, $500).
        QTableWidget *sources = page.table(QStringLiteral("sources"));
        QCOMPARE(sources->rowCount(), 2);
        const int cl = rowOf(sources, QStringLiteral("craigslist"));
        QVERIFY(cl >= 0);
        QCOMPARE(sources->item(cl, 1)->text(), QStringLiteral("3"));
        QCOMPARE(sources->item(cl, 3)->text(), QStringLiteral("$1,000.00"));
        QCOMPARE(sources->item(cl, 4)->text(), QStringLiteral("$300.00"));
        QCOMPARE(sources->item(cl, 6)->text(), QStringLiteral("233 %"));
        QCOMPARE(sources->item(cl, 7)->text(), QStringLiteral("$100.00")); // cost per lead
        QCOMPARE(sources->item(rowOf(sources, QStringLiteral("google_maps")), 6)->text(), QStringLiteral("—")); // no cost: no ROI
        QVERIFY(child<QLabel>(&page, "sourcesSummary")->text().contains(QStringLiteral("5 new leads")));
        // Sorted by revenue, largest first, by a click on its header (numbers, not text).
        sources->sortByColumn(3, Qt::DescendingOrder);
        QCOMPARE(column(sources, 0), (QStringList{QStringLiteral("craigslist"), QStringLiteral("google_maps")}));
        sources->sortByColumn(3, Qt::AscendingOrder);
        QCOMPARE(column(sources, 0), (QStringList{QStringLiteral("google_maps"), QStringLiteral("craigslist")}));

        // Locations: Austin (3) and Dallas (2); the ads belong to no lead, so to no place.
        QTableWidget *locations = page.table(QStringLiteral("locations"));
        QCOMPARE(locations->rowCount(), 3);
        QCOMPARE(locations->item(rowOf(locations, QStringLiteral("(unknown)")), 4)->text(), QStringLiteral("$300.00"));
        QCOMPARE(locations->item(rowOf(locations, QStringLiteral("Austin")), 1)->text(), QStringLiteral("3"));
        QCOMPARE(locations->item(rowOf(locations, QStringLiteral("Dallas")), 3)->text(), QStringLiteral("$500.00"));
        // Campaigns: the campaign by its name (Ann and Bob), the rest in none.
        QTableWidget *campaigns = page.table(QStringLiteral("campaigns"));
        const int plumbers = rowOf(campaigns, QStringLiteral("Austin plumbers"));
        QVERIFY2(plumbers >= 0, qPrintable(column(campaigns, 0).join(QLatin1Char('|'))));
        QCOMPARE(campaigns->item(plumbers, 1)->text(), QStringLiteral("2"));
        QVERIFY(rowOf(campaigns, QStringLiteral("(in no campaign)")) >= 0);
        // Templates: Intro, 2 sent, 1 opened, 1 replied, 1 bounced.
        QTableWidget *templates = page.table(QStringLiteral("templates"));
        QCOMPARE(templates->rowCount(), 1);
        QCOMPARE(templates->item(0, 0)->text(), QStringLiteral("Intro"));
        QCOMPARE(templates->item(0, 1)->text(), QStringLiteral("2"));
        QCOMPARE(templates->item(0, 5)->text(), QStringLiteral("1"));
        QCOMPARE(templates->item(0, 9)->text(), QStringLiteral("50.0 %"));

        // The filters list what the period holds; a source narrows every figure.
        auto *source = child<QComboBox>(&page, "analyticsSource");
        QVERIFY(source->findData(QStringLiteral("craigslist")) > 0 && source->findData(QStringLiteral("google_maps")) > 0);
        source->setCurrentIndex(source->findData(QStringLiteral("google_maps")));
        settle(&page);
        QVERIFY(child<QLabel>(&page, "analyticsNewLeads")->text().startsWith(QStringLiteral("2")));
        QCOMPARE(sources->rowCount(), 1);
        QCOMPARE(child<QLabel>(&page, "analyticsSent")->text(), QStringLiteral("0"));
        QVERIFY(source->findData(QStringLiteral("craigslist")) > 0); // the other choices stay
        source->setCurrentIndex(0);
        settle(&page);
        auto *campaign = child<QComboBox>(&page, "analyticsCampaign");
        campaign->setCurrentIndex(campaign->findText(QStringLiteral("Austin plumbers")));
        settle(&page);
        QCOMPARE(page.query().campaignId.value_or(0), m_campaign);
        QVERIFY(child<QLabel>(&page, "analyticsNewLeads")->text().startsWith(QStringLiteral("2")));
        QVERIFY2(child<QLabel>(&page, "analyticsRevenue")->text().startsWith(QStringLiteral("$1,000.00")), qPrintable(child<QLabel>(&page, "analyticsRevenue")->text()));
        campaign->setCurrentIndex(0);
        settle(&page);

        // A lead added elsewhere shows without a click.
        lead(QStringLiteral("Fay"), QStringLiteral("manual"), QStringLiteral("Waco"), "2026-11-29T10:00:00Z");
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "analyticsNewLeads")->text().startsWith(QStringLiteral("6")), 5000);
        settle(&page);
        QVERIFY(rowOf(page.table(QStringLiteral("locations")), QStringLiteral("Waco")) >= 0);
        // A lead deleted under the page reaches it through the change log at the next refresh.
        QVERIFY(m_engine->database().execute(QStringLiteral("DELETE FROM leads WHERE name = 'Fay'")).ok());
        page.refresh();
        settle(&page);
        QVERIFY(child<QLabel>(&page, "analyticsNewLeads")->text().startsWith(QStringLiteral("5")));
    }

    // A row double-clicked opens the leads page on exactly its leads.
    void drillDownToTheLeads()
    {
        ui::PageRegistry pages;
        ui::registerLeadsPage(pages);
        ui::registerAnalyticsPage(pages);
        ui::MainWindow window(*m_engine, pages);
        window.resize(1400, 950);
        QVERIFY(window.showPage(QStringLiteral("analytics")));
        auto *page = qobject_cast<ui::AnalyticsPage *>(window.pageWidget(QStringLiteral("analytics")));
        QVERIFY(page);
        settle(page);
        page->periodPicker()->setKey(QStringLiteral("month"));
        settle(page);
        QSignalSpy asked(page, &ui::AnalyticsPage::leadsRequested);

        // The craigslist row of Sources: its three new leads.
        QTableWidget *sources = page->table(QStringLiteral("sources"));
        page->showTable(QStringLiteral("sources"));
        Q_EMIT sources->cellActivated(rowOf(sources, QStringLiteral("craigslist")), 0);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.last().at(0).toString(), QStringLiteral("New leads: craigslist (3)"));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Ann"), idOf("Bob"), idOf("Gus")}));
        QCOMPARE(window.currentPageId(), QStringLiteral("leads"));
        auto *leadsPage = qobject_cast<ui::LeadsPage *>(window.pageWidget(QStringLiteral("leads")));
        QTRY_COMPARE_WITH_TIMEOUT(leadsPage->model()->rowCount(), 3, 5000);

        // Dallas; the won stage of the funnel (Ann, Cat); the campaign (Ann, Bob); Nov 3 (Bob and one more).
        QVERIFY(window.showPage(QStringLiteral("analytics")));
        QVERIFY(page->drillRow(QStringLiteral("locations"), rowOf(page->table(QStringLiteral("locations")), QStringLiteral("Dallas"))));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Cat"), idOf("Dee")}));
        QVERIFY(page->drillRow(QStringLiteral("funnel"), 5));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Ann"), idOf("Cat")}));
        QVERIFY(page->drillRow(QStringLiteral("campaigns"), rowOf(page->table(QStringLiteral("campaigns")), QStringLiteral("Austin plumbers"))));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Ann"), idOf("Bob")}));
        QVERIFY(page->drillRow(QStringLiteral("trends"), 2));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Bob"), idOf("Gus")}));
        const qsizetype before = asked.size();
        // A day with no new leads, and a template, have none: the page says so and stays.
        QVERIFY(window.showPage(QStringLiteral("analytics")));
        QVERIFY(!page->drillRow(QStringLiteral("trends"), 0));
        QVERIFY(child<QLabel>(page, "analyticsMessage")->text().contains(QStringLiteral("No leads behind")));
        QVERIFY(!page->drillRow(QStringLiteral("templates"), 0));
        QVERIFY(!child<QLabel>(page, "analyticsMessage")->text().isEmpty());
        QCOMPARE(asked.size(), before);
        QCOMPARE(window.currentPageId(), QStringLiteral("analytics"));
    }

    // The shown table as CSV, in its order, with a formula-looking name written as text; Ctrl+C.
    void exportsAndCopies()
    {
        ui::AnalyticsPage page(*m_engine);
        page.resize(1300, 900);
        page.show();
        page.periodPicker()->setKey(QStringLiteral("month"));
        settle(&page);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sources.csv"));
        QTableWidget *sources = page.table(QStringLiteral("sources"));
        sources->sortByColumn(1, Qt::DescendingOrder);
        QVERIFY(page.saveTable(QStringLiteral("sources"), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        file.close();
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("Source,New leads,Conversions,Revenue")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("craigslist,3,1,\"$1,000.00\",$300.00,$700.00,233 %,$100.00,")), qPrintable(lines.at(1)));
        QVERIFY(!page.saveTable(QStringLiteral("nonsense"), path).ok());
        QVERIFY(!page.saveTable(QStringLiteral("sources"), dir.filePath(QStringLiteral("no/such/folder/x.csv"))).ok());

        // A template named like a formula is written as text, not run by a spreadsheet.
        QVERIFY(m_engine->database().execute(QStringLiteral("UPDATE templates SET name = '=HYPERLINK(\"http://x\",\"y\")'")).ok());
        page.refresh();
        settle(&page);
        QVERIFY(page.saveTable(QStringLiteral("templates"), path).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString templates = QString::fromUtf8(file.readAll());
        file.close();
        QVERIFY2(templates.contains(QStringLiteral("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2,1,0,1,1,")), qPrintable(templates));
        QVERIFY(m_engine->database().execute(QStringLiteral("UPDATE templates SET name = 'Intro'")).ok());

        // Ctrl+C: the selected rows, tab-separated, under their headers.
        sources->selectRow(0);
        sources->setFocus();
        QTest::keySequence(sources, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("Source\tNew leads")) && copied.contains(QStringLiteral("\ncraigslist\t3\t")), qPrintable(copied));
    }

    // A period with nothing in it says what brings figures.
    void emptyPeriodSaysWhatToDo()
    {
        ui::AnalyticsPage page(*m_engine);
        page.show();
        page.periodPicker()->setCustomRange(QDate(2025, 1, 1), QDate(2025, 1, 31));
        settle(&page);
        QCOMPARE(page.query().from, QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(page.query().to, QDateTime(QDate(2025, 2, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY2(child<QLabel>(&page, "analyticsMessage")->text().contains(QStringLiteral("Import a CSV")), qPrintable(child<QLabel>(&page, "analyticsMessage")->text()));
        QCOMPARE(page.table(QStringLiteral("sources"))->rowCount(), 0);
        QCOMPARE(page.table(QStringLiteral("trends"))->rowCount(), 31);
    }
};

QTEST_MAIN(TestAnalyticsPage)
#include "tst_analyticspage.moc"
