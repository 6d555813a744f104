// GUI: the Campaigns page and its wizard (offscreen, real widgets, a real engine sending to a
// real SMTP server). A user with no campaign is told what to do; the wizard counts the audience
// as it is chosen, takes two steps and a mailbox, shows who is left out and when the first
// messages go, and launches; the page follows the sending live to the end (progress, numbers,
// the chart, the steps, the recipients); a draft saved from the wizard is launched from the page.
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/campaignspage.h"
#include "memorysecretstore.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QDateTimeEdit>
#include <QtCharts/QChartView>

using namespace fliptech;

class TestCampaignsPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    test::SmtpSink m_sink;
    qint64 m_first = 0, m_second = 0;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no %s named '%s'", T::staticMetaObject.className(), name);
        return c;
    }
    // Answers the next question box with Yes.
    static void answerYes()
    {
        QTimer::singleShot(200, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 1;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
        const auto actor = leads::Actor::system();
        QVERIFY(m_engine->senders().create(actor, {{QStringLiteral("name"), QStringLiteral("Sam")},
                                                   {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                   {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                                   {QStringLiteral("smtp_port"), int(m_sink.port())},
                                                   {QStringLiteral("smtp_security"), QStringLiteral("none")},
                                                   {QStringLiteral("min_gap_seconds"), 0}})
                    .ok());
        auto first = m_engine->templates().create(actor, {{QStringLiteral("name"), QStringLiteral("First touch")},
                                                          {QStringLiteral("subject"), QStringLiteral("Hello {{first_name}}")},
                                                          {QStringLiteral("body_html"), QStringLiteral("<p>Hello {{company}}</p>")}});
        auto second = m_engine->templates().create(actor, {{QStringLiteral("name"), QStringLiteral("Follow-up")},
                                                           {QStringLiteral("subject"), QStringLiteral("Re: Hello {{first_name}}")},
                                                           {QStringLiteral("body_html"), QStringLiteral("<p>Any thoughts?</p>")}});
        QVERIFY(first.ok() && second.ok());
        m_first = first->value(QStringLiteral("id")).toInteger();
        m_second = second->value(QStringLiteral("id")).toInteger();
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_engine->leads()
                        .create(actor, {{QStringLiteral("name"), QStringLiteral("Owner %1").arg(i)},
                                        {QStringLiteral("email"), QStringLiteral("owner%1@shop%1.example").arg(i)},
                                        {QStringLiteral("region"), QStringLiteral("TX")},
                                        {QStringLiteral("status"), i < 3 ? QStringLiteral("new") : QStringLiteral("qualified")}})
                        .ok());
    }
    void cleanupTestCase() { m_engine.reset(); }

    void emptyStateSaysWhatToDo()
    {
        ui::CampaignsPage page(*m_engine, leads::Actor::system());
        QVERIFY(child<QLabel>(&page, "campaignTitle")->text().contains(QLatin1String("No campaigns yet")));
        QVERIFY(child<QLabel>(&page, "campaignStatus")->text().contains(QLatin1String("New campaign")));
        QVERIFY(!child<QPushButton>(&page, "campaignLaunch")->isVisibleTo(&page));
    }

    void wizardCountsBuildsAndLaunches()
    {
        ui::CampaignWizard wizard(*m_engine, leads::Actor::system());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *count = child<QLabel>(&wizard, "audienceCount");
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QLatin1String("5 recipient")), 5000);
        auto *kind = child<QComboBox>(&wizard, "audienceKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("status")));
        child<QComboBox>(&wizard, "audienceStatus")->setCurrentText(QStringLiteral("new"));
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QLatin1String("3 recipient")), 5000);
        // No name: it asks for one.
        wizard.next();
        QCOMPARE(wizard.currentId(), 0);
        QTest::keyClicks(child<QLineEdit>(&wizard, "campaignName"), QStringLiteral("Texas bakeries"));
        wizard.next();
        QCOMPARE(wizard.currentId(), 1);
        // Two steps: the first touch, then the follow-up two sending days later.
        auto *steps = child<QTableWidget>(&wizard, "campaignSteps");
        QCOMPARE(steps->rowCount(), 1);
        child<QPushButton>(&wizard, "addStep")->click();
        QCOMPARE(steps->rowCount(), 2);
        qobject_cast<QComboBox *>(steps->cellWidget(0, 0))->setCurrentIndex(qobject_cast<QComboBox *>(steps->cellWidget(0, 0))->findData(m_first));
        qobject_cast<QComboBox *>(steps->cellWidget(1, 0))->setCurrentIndex(qobject_cast<QComboBox *>(steps->cellWidget(1, 0))->findData(m_second));
        qobject_cast<QSpinBox *>(steps->cellWidget(1, 1))->setValue(2);
        wizard.next();
        // Every day, all day (the test must not wait for business hours).
        auto *senders = child<QListWidget>(&wizard, "campaignSenders");
        QCOMPARE(senders->count(), 1);
        QCOMPARE(senders->item(0)->checkState(), Qt::Checked);
        for (int d = 1; d <= 7; ++d)
            child<QCheckBox>(&wizard, QByteArray("day" + QByteArray::number(d)).constData())->setChecked(true);
        child<QTimeEdit>(&wizard, "windowStart")->setTime(QTime(0, 0));
        child<QTimeEdit>(&wizard, "windowEnd")->setTime(QTime(0, 0));
        wizard.next();
        QVERIFY(wizard.currentPage()->isFinalPage());
        const QString review = child<QLabel>(&wizard, "campaignReview")->text();
        QVERIFY2(review.contains(QLatin1String("3 recipient")) && review.contains(QLatin1String("2 step")), qPrintable(review));
        QCOMPARE(child<QListWidget>(&wizard, "campaignFirstSends")->count(), 3);
        QVERIFY(child<QListWidget>(&wizard, "campaignFirstSends")->item(0)->text().contains(QLatin1String("America/Chicago")));
        if (const QString dir = qEnvironmentVariable("FLIPTECH_SCREENSHOT_DIR"); !dir.isEmpty())
            wizard.grab().save(dir + QStringLiteral("/campaign-wizard-review.png"));
        const QJsonObject f = wizard.fields();
        QCOMPARE(f.value(QStringLiteral("steps")).toArray().at(1).toObject().value(QStringLiteral("delay_days")).toInt(), 2);
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY2(wizard.createdId().has_value(), qPrintable(child<QLabel>(&wizard, "campaignError")->text()));
        const qint64 id = *wizard.createdId();

        // The page follows it: the first step goes to the three at once.
        ui::CampaignsPage page(*m_engine, leads::Actor::system());
        page.resize(1300, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.open(id);
        QCOMPARE(child<QLabel>(&page, "campaignTitle")->text(), QStringLiteral("Texas bakeries"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "campaignStats")->text().contains(QLatin1String("Delivered <b>3</b>")), 20000);
        QCOMPARE(m_sink.count(), 3);
        auto *progress = child<QProgressBar>(&page, "campaignProgress");
        QCOMPARE(progress->maximum(), 6); // three recipients, two steps
        QCOMPARE(progress->value(), 3);
        QVERIFY(child<QPushButton>(&page, "campaignPause")->isVisible());
        QCOMPARE(child<QTableWidget>(&page, "campaignStepsTable")->rowCount(), 1);
        QCOMPARE(child<QTableWidget>(&page, "campaignRecipients")->rowCount(), 3);
        QCOMPARE(child<QTableWidget>(&page, "campaignRecipients")->item(0, 1)->text(), QStringLiteral("pending")); // waiting for the follow-up
        auto *chart = child<QChartView>(&page, "campaignChart");
        QCOMPARE(chart->chart()->series().size(), 4);
        if (const QString dir = qEnvironmentVariable("FLIPTECH_SCREENSHOT_DIR"); !dir.isEmpty()) // to look at it as a person would
            page.grab().save(dir + QStringLiteral("/campaigns-page.png"));
        // Pause, resume.
        child<QPushButton>(&page, "campaignPause")->click();
        QVERIFY(child<QLabel>(&page, "campaignStatus")->text().startsWith(QLatin1String("Paused")));
        QVERIFY(child<QPushButton>(&page, "campaignResume")->isVisible());
        child<QPushButton>(&page, "campaignResume")->click();
        QVERIFY(child<QLabel>(&page, "campaignStatus")->text().startsWith(QLatin1String("Sending")));
        // The list shows it.
        auto *list = child<QListWidget>(&page, "campaignsList");
        QVERIFY(list->item(0)->text().startsWith(QLatin1String("Texas bakeries")));
    }

    void draftLaunchedFromThePage()
    {
        ui::CampaignWizard wizard(*m_engine, leads::Actor::system());
        QTest::keyClicks(child<QLineEdit>(&wizard, "campaignName"), QStringLiteral("Qualified only"));
        auto *kind = child<QComboBox>(&wizard, "audienceKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("status")));
        child<QComboBox>(&wizard, "audienceStatus")->setCurrentText(QStringLiteral("qualified"));
        child<QCheckBox>(&wizard, "excludeOtherCampaigns")->setChecked(false);
        for (int d = 1; d <= 7; ++d)
            child<QCheckBox>(&wizard, QByteArray("day" + QByteArray::number(d)).constData())->setChecked(true);
        child<QTimeEdit>(&wizard, "windowStart")->setTime(QTime(0, 0));
        child<QTimeEdit>(&wizard, "windowEnd")->setTime(QTime(0, 0));
        wizard.show();
        wizard.next();
        wizard.next();
        wizard.next();
        child<QCheckBox>(&wizard, "launchNow")->setChecked(false);
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.createdId().has_value());
        const qint64 id = *wizard.createdId();
        QCOMPARE(m_engine->campaigns().get(id)->value(QStringLiteral("status")).toString(), QStringLiteral("draft"));

        ui::CampaignsPage page(*m_engine, leads::Actor::system());
        page.show();
        page.open(id);
        auto *launch = child<QPushButton>(&page, "campaignLaunch");
        QVERIFY(launch->isVisible());
        const int before = m_sink.count();
        answerYes();
        launch->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "campaignStats")->text().contains(QLatin1String("Delivered <b>2</b>")), 20000);
        QCOMPARE(m_sink.count(), before + 2);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "campaignStatus")->text().startsWith(QLatin1String("Completed")), 20000);
        QVERIFY(child<QPushButton>(&page, "campaignDelete")->isVisible());
        answerYes();
        child<QPushButton>(&page, "campaignDelete")->click();
        QVERIFY(!m_engine->campaigns().get(id).ok());
    }
};

QTEST_MAIN(TestCampaignsPage)
#include "tst_campaignspage.moc"
