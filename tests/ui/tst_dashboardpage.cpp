// The Dashboard as a user opens it: the KPI cards say what the service computes (revenue and
// its change, the weighted pipeline, the share of new leads won, ROI, spend), the charts hold one
// point a day of the period, a bar per source with revenue, the six funnel stages and a slice per
// cost type; changing the period changes the figures; a deal won elsewhere shows without a click.
#include "fakeclock.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/analytics/usageservice.h"
#include "fliptech/ui/dashboardpage.h"
#include "fliptech/ui/usagesettings.h"
#include "fliptech/ui/leadspage.h"
#include "fliptech/ui/leadtablemodel.h"
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/pipelinepage.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QDateEdit>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QChartView>

using namespace fliptech;

class TestDashboardPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no %s named '%s'", T::staticMetaObject.className(), name);
        return c;
    }
    qint64 lead(const QString &name, const QString &source)
    {
        auto l = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), name}, {QStringLiteral("source"), source}});
        FT_EXPECT(l.ok(), l ? "" : qPrintable(l.error().message));
        return l ? l->value(QStringLiteral("id")).toInteger() : 0;
    }
    void won(qint64 id, const char *amount, const char *date)
    {
        auto r = m_engine->revenue().markConverted(leads::Actor::system(), id, {{QStringLiteral("amount"), QLatin1String(amount)}, {QStringLiteral("date"), QLatin1String(date)}});
        FT_EXPECT(r.ok(), r ? "" : qPrintable(r.error().message));
    }

    // The page reads its figures off the window's thread: wait for them.
    static void settle(ui::DashboardPage *page) { QTRY_VERIFY_WITH_TIMEOUT(!page->isRefreshing(), 20000); }

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
        // November: three deals from two sources, a cost; October: one deal (the period before).
        won(lead(QStringLiteral("Ann"), QStringLiteral("craigslist")), "1000", "2026-11-10T12:00:00Z");
        won(lead(QStringLiteral("Bob"), QStringLiteral("craigslist")), "500", "2026-11-20T12:00:00Z");
        won(lead(QStringLiteral("Cat"), QStringLiteral("google_maps")), "250", "2026-11-25T12:00:00Z");
        won(lead(QStringLiteral("Dan"), QStringLiteral("manual")), "1000", "2026-10-15T12:00:00Z");
        const qint64 open = lead(QStringLiteral("Eve"), QStringLiteral("craigslist"));
        QVERIFY(m_engine->leads().update(leads::Actor::system(), open, {{QStringLiteral("deal_stage"), QStringLiteral("proposal")}, {QStringLiteral("deal_value_cents"), 400000}}).ok());
        QVERIFY(m_engine->revenue().addCost(leads::Actor::system(), {{QStringLiteral("amount"), QStringLiteral("350")}, {QStringLiteral("description"), QStringLiteral("Ads")},
                                                                     {QStringLiteral("cost_type"), QStringLiteral("advertising")}, {QStringLiteral("date"), QStringLiteral("2026-11-05")}})
                    .ok());
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_tmp.reset();
    }

    void cardsAndCharts()
    {
        ui::DashboardPage page(*m_engine);
        page.resize(1300, 900);
        page.show();
        auto *range = child<QComboBox>(&page, "dashboardRange");
        range->setCurrentIndex(range->findData(QStringLiteral("month"))); // November 1-30
        settle(&page);
        QCOMPARE(page.period().first, QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
        const QString revenue = child<QLabel>(&page, "kpiRevenue")->text();
        QVERIFY2(revenue.contains(QStringLiteral("1,750.00")) && revenue.contains(QStringLiteral("+75.0 %")), qPrintable(revenue)); // 1,750 against 1,000
        QVERIFY2(child<QLabel>(&page, "kpiPipeline")->text().contains(QStringLiteral("2,000.00")), qPrintable(child<QLabel>(&page, "kpiPipeline")->text())); // 4,000 × 50 %
        QCOMPARE(child<QLabel>(&page, "kpiRoi")->text(), QStringLiteral("400 %")); // (1,750 - 350) / 350
        QVERIFY(child<QLabel>(&page, "kpiSpend")->text().contains(QStringLiteral("350.00")));
        // New leads won: all five came in this month (the fake clock's day), three won in it.
        QCOMPARE(child<QLabel>(&page, "kpiConversion")->text(), QStringLiteral("60.0 %"));

        auto *trend = child<QChartView>(&page, "dashboardTrend");
        auto *line = qobject_cast<QLineSeries *>(trend->chart()->series().value(0));
        QVERIFY(line);
        QCOMPARE(line->count(), 30); // a point a day
        QCOMPARE(line->at(9).y(), 1000.0); // November 10
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(line->at(9).x()), QTimeZone::utc()).date(), QDate(2026, 11, 10));
        auto *sources = qobject_cast<QHorizontalBarSeries *>(child<QChartView>(&page, "dashboardSources")->chart()->series().value(0));
        QVERIFY(sources);
        QCOMPARE(sources->barSets().first()->count(), 2); // craigslist and google_maps
        QCOMPARE(sources->barSets().first()->at(0), 1500.0);
        auto *funnel = qobject_cast<QBarSeries *>(child<QChartView>(&page, "dashboardFunnel")->chart()->series().value(0));
        QVERIFY(funnel);
        QCOMPARE(funnel->barSets().first()->count(), 6);
        auto *costs = qobject_cast<QStackedBarSeries *>(child<QChartView>(&page, "dashboardCosts")->chart()->series().value(0));
        QVERIFY(costs);
        QCOMPARE(costs->count(), 1); // one type: advertising
        QCOMPARE(costs->barSets().first()->label(), QStringLiteral("advertising"));
        QCOMPARE(costs->barSets().first()->count(), 30); // a bar a day
        QCOMPARE(costs->barSets().first()->at(4), 350.0); // November 5

        // A custom range: November 10 to 20 (both included): Ann's and Bob's deals.
        range->setCurrentIndex(range->findData(QStringLiteral("custom")));
        QVERIFY(child<QDateEdit>(&page, "dashboardFrom")->isVisible());
        child<QDateEdit>(&page, "dashboardFrom")->setDate(QDate(2026, 11, 20));
        child<QDateEdit>(&page, "dashboardTo")->setDate(QDate(2026, 11, 10)); // either order
        settle(&page);
        QCOMPARE(page.period().first, QDateTime(QDate(2026, 11, 10), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(page.period().second, QDateTime(QDate(2026, 11, 21), QTime(0, 0), QTimeZone::utc()));
        QVERIFY2(child<QLabel>(&page, "kpiRevenue")->text().startsWith(QStringLiteral("$1,500.00")), qPrintable(child<QLabel>(&page, "kpiRevenue")->text()));

        // Last month: October's deal alone, no spend, nothing to compare with.
        range->setCurrentIndex(range->findData(QStringLiteral("last_month")));
        settle(&page);
        QVERIFY(child<QLabel>(&page, "kpiRevenue")->text().startsWith(QStringLiteral("$1,000.00")));
        QCOMPARE(child<QLabel>(&page, "kpiRoi")->text(), QStringLiteral("—"));

        // A deal won elsewhere shows without a click.
        range->setCurrentIndex(range->findData(QStringLiteral("month")));
        settle(&page);
        won(lead(QStringLiteral("Fay"), QStringLiteral("manual")), "250", "2026-11-29T12:00:00Z");
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "kpiRevenue")->text().contains(QStringLiteral("2,000.00")), 5000);
    }

    // A click on a chart asks for exactly the leads behind it; in the main window the leads page
    // opens on them, with a chip that takes the filter away.
    void drillDownToTheLeads()
    {
        ui::PageRegistry pages;
        ui::registerLeadsPage(pages);
        ui::registerDashboardPage(pages);
        ui::MainWindow window(*m_engine, pages);
        window.resize(1400, 950);
        QVERIFY(window.showPage(QStringLiteral("dashboard")));
        auto *page = qobject_cast<ui::DashboardPage *>(window.pageWidget(QStringLiteral("dashboard")));
        QVERIFY(page);
        auto *range = child<QComboBox>(page, "dashboardRange");
        range->setCurrentIndex(range->findData(QStringLiteral("month"))); // November
        settle(page);
        QSignalSpy asked(page, &ui::DashboardPage::leadsRequested);
        auto idsOf = [](const QJsonObject &filter) {
            QSet<qint64> out;
            for (const QJsonValue &v : filter.value(QStringLiteral("ids")).toArray())
                out.insert(v.toInteger());
            return out;
        };
        auto idOf = [this](const char *name) {
            auto row = m_engine->database().selectOne(QStringLiteral("SELECT id FROM leads WHERE name = ?"), {QLatin1String(name)});
            return row ? row->value(0).toLongLong() : 0;
        };

        // The craigslist bar of revenue by source: Ann and Bob.
        auto *sources = qobject_cast<QHorizontalBarSeries *>(child<QChartView>(page, "dashboardSources")->chart()->series().value(0));
        auto *sourceAxis = qobject_cast<QBarCategoryAxis *>(child<QChartView>(page, "dashboardSources")->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(sources && sourceAxis);
        Q_EMIT sources->barSets().first()->clicked(int(sourceAxis->categories().indexOf(QStringLiteral("craigslist"))));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.last().at(0).toString(), QStringLiteral("Revenue from craigslist (2)"));
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Ann"), idOf("Bob")}));
        // The main window went to the leads page, which lists exactly them.
        QCOMPARE(window.currentPageId(), QStringLiteral("leads"));
        auto *leadsPage = qobject_cast<ui::LeadsPage *>(window.pageWidget(QStringLiteral("leads")));
        QVERIFY(leadsPage);
        QTRY_COMPARE_WITH_TIMEOUT(leadsPage->model()->rowCount(), 2, 5000);
        QSet<qint64> listed{leadsPage->model()->idAt(0), leadsPage->model()->idAt(1)};
        QCOMPARE(listed, (QSet<qint64>{idOf("Ann"), idOf("Bob")}));
        QVERIFY(leadsPage->currentFilter().json().contains(QStringLiteral("ids"))); // exports and bulk actions act on them too

        // The "won" bar of the funnel: every lead that came in this month and won (Dan's deal was in October).
        QVERIFY(window.showPage(QStringLiteral("dashboard")));
        auto *funnel = qobject_cast<QBarSeries *>(child<QChartView>(page, "dashboardFunnel")->chart()->series().value(0));
        QVERIFY(funnel);
        Q_EMIT funnel->barSets().first()->clicked(5);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), (QSet<qint64>{idOf("Ann"), idOf("Bob"), idOf("Cat"), idOf("Dan"), idOf("Fay")}));
        QTRY_COMPARE_WITH_TIMEOUT(leadsPage->model()->rowCount(), 5, 5000);
        // A point of the trend: November 10, Ann's deal.
        QVERIFY(window.showPage(QStringLiteral("dashboard")));
        auto *line = qobject_cast<QLineSeries *>(child<QChartView>(page, "dashboardTrend")->chart()->series().value(0));
        Q_EMIT line->clicked(line->at(9));
        QCOMPARE(asked.size(), 3);
        QCOMPARE(idsOf(asked.last().at(1).toJsonObject()), QSet<qint64>{idOf("Ann")});
        // The ads cost belongs to no lead: nothing to open, and the page says why.
        QVERIFY(window.showPage(QStringLiteral("dashboard")));
        auto *costs = qobject_cast<QStackedBarSeries *>(child<QChartView>(page, "dashboardCosts")->chart()->series().value(0));
        Q_EMIT costs->barSets().first()->clicked(4);
        QCOMPARE(asked.size(), 3);
        QVERIFY2(child<QLabel>(page, "dashboardMessage")->text().contains(QStringLiteral("No leads behind")), qPrintable(child<QLabel>(page, "dashboardMessage")->text()));
        QCOMPARE(window.currentPageId(), QStringLiteral("dashboard"));

        // The Pipeline tab holds the board.
        QVERIFY(page->pipeline()->column(QStringLiteral("won")));
        QCOMPARE(page->pipeline()->column(QStringLiteral("won"))->cardCount(), 5); // Ann, Bob, Cat, Dan, Fay
        // The forecast has its band.
        bool band = false;
        for (QAbstractSeries *series : child<QChartView>(page, "dashboardForecast")->chart()->series())
            band = band || qobject_cast<QAreaSeries *>(series);
        QVERIFY(band);
    }

    // Export: the dashboard as PNG and PDF, the report of its period as CSV, JSON and PDF.
    void exportsTheDashboardAndItsReport()
    {
        ui::DashboardPage page(*m_engine);
        page.resize(1200, 900);
        page.show();
        auto *range = child<QComboBox>(&page, "dashboardRange");
        range->setCurrentIndex(range->findData(QStringLiteral("month")));
        settle(&page);
        QTemporaryDir dir;
        QVERIFY(page.saveImage(dir.filePath(QStringLiteral("dashboard.png"))).ok());
        const QImage image(dir.filePath(QStringLiteral("dashboard.png")));
        auto *overview = child<QWidget>(&page, "dashboardOverview");
        QCOMPARE(image.size(), overview->size() * page.devicePixelRatio()); // every figure, scrolled into view or not
        QVERIFY(overview->width() > 1100);
        QVERIFY(page.saveImage(dir.filePath(QStringLiteral("dashboard.pdf"))).ok());
        QFile pdf(dir.filePath(QStringLiteral("dashboard.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 5000);

        QVERIFY(page.saveReport(dir.filePath(QStringLiteral("report.csv"))).ok());
        QFile csv(dir.filePath(QStringLiteral("report.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.startsWith("FlipTech Pro analytics report"));
        QVERIFY2(text.contains("revenue_cents,"), text.constData());
        QVERIFY(page.saveReport(dir.filePath(QStringLiteral("report.json"))).ok());
        QVERIFY(page.saveReport(dir.filePath(QStringLiteral("report.pdf"))).ok());
        QVERIFY(!page.saveReport(dir.filePath(QStringLiteral("report.xls"))).ok());
    }

    // Settings → Usage: today's and this month's use beside the limits; an administrator sets a
    // limit and the zone, which the service (and so the API and the gate) then holds; others only look.
    void usageTab()
    {
        const qint64 id = lead(QStringLiteral("Enriched"), QStringLiteral("manual"));
        QVERIFY(m_engine->database().execute(QStringLiteral("UPDATE leads SET enriched_at = ? WHERE id = ?"), {m_engine->database().timestamp(m_clock->now()), id}).ok());
        ui::UsageSettings tab(m_engine->usage(), true, [] { return leads::Actor::system(); });
        auto *table = child<QTableWidget>(&tab, "usageTable");
        QCOMPARE(table->rowCount(), analytics::UsageService::metrics().size());
        int enrichedRow = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == QLatin1String("Leads enriched"))
                enrichedRow = r;
        QVERIFY(enrichedRow >= 0);
        QCOMPARE(table->item(enrichedRow, 1)->text(), QStringLiteral("1"));
        QCOMPARE(child<QTableWidget>(&tab, "usageHistory")->rowCount(), 14);
        QCOMPARE(child<QTableWidget>(&tab, "usageHistory")->item(0, 0)->text(), QLocale().toString(QDate(2026, 11, 30), QLocale::ShortFormat)); // newest first
        auto *daily = child<QSpinBox>(&tab, "emails_sent_daily");
        QCOMPARE(daily->value(), -1);
        QCOMPARE(daily->text(), QStringLiteral("No limit"));
        daily->setValue(50);
        child<QSpinBox>(&tab, "enrichments_monthly")->setValue(0);
        child<QComboBox>(&tab, "usageZone")->setCurrentText(QStringLiteral("America/Chicago"));
        QTest::mouseClick(child<QPushButton>(&tab, "usageSave"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(&tab, "usageStatus")->text(), QStringLiteral("Limits saved."));
        auto limits = m_engine->usage().limits();
        QVERIFY(limits.ok());
        QCOMPARE(limits->value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Chicago"));
        for (const QJsonValue &v : limits->value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("metric")).toString() == QLatin1String("emails_sent"))
                QCOMPARE(o.value(QStringLiteral("daily_limit")).toInteger(), qint64(50));
            if (o.value(QStringLiteral("metric")).toString() == QLatin1String("enrichments")) {
                QCOMPARE(o.value(QStringLiteral("monthly_limit")).toInteger(), qint64(0));
                QVERIFY(o.value(QStringLiteral("daily_limit")).isNull());
            }
        }
        // The enrichment limit now binds: nothing left this month, said in the table.
        QCOMPARE(table->item(enrichedRow, 5)->text(), QStringLiteral("—")); // no daily limit: nothing to count down
        QVERIFY(!m_engine->usage().admit(QStringLiteral("enrichments"), 1, QStringLiteral("enrichments"), m_clock->now()).ok());
        // A bad zone is refused in words and changes nothing.
        child<QComboBox>(&tab, "usageZone")->setCurrentText(QStringLiteral("Mars/Olympus"));
        QTest::mouseClick(child<QPushButton>(&tab, "usageSave"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(&tab, "usageStatus")->text().contains(QStringLiteral("IANA time zone")), qPrintable(child<QLabel>(&tab, "usageStatus")->text()));
        QCOMPARE(m_engine->usage().limits()->value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Chicago"));

        ui::UsageSettings readOnly(m_engine->usage(), false, [] { return leads::Actor{}; });
        QVERIFY(!child<QPushButton>(&readOnly, "usageSave")->isEnabled());
        QVERIFY(!child<QSpinBox>(&readOnly, "emails_sent_daily")->isEnabled());
        QCOMPARE(child<QSpinBox>(&readOnly, "emails_sent_daily")->value(), 50);
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
