// The Automation page as a salesperson uses it. The Schedules tab: the builder writes the cron expression and lists the
// next runs in the chosen zone as the choices change; a custom expression that is wrong says so
// and cannot be saved; Save makes the schedule (the task's settings from the panel: a saved
// segment), selecting it shows it again in the builder; Pause, Run now (its run appears below,
// live) and Delete (after asking) act on the selection. The Rules, Webhooks, Approvals and
// Workflows tabs (the last against a real n8n) each have their case below.
#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fixturehttpserver.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/auth/authservice.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/automationpage.h"
#include "memorysecretstore.h"
#include "n8nserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QPlainTextEdit>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

using namespace fliptech;

// The receiver answers 200 to every POST /hook.
static void FixtureHttpServerOk(test::FixtureHttpServer &server)
{
    test::FixtureHttpServer::Response ok;
    ok.body = "{}";
    ok.contentType = "application/json";
    server.addResponse("/hook", ok);
}

class TestAutomationPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }
    static QStringList previewTexts(QWidget *w)
    {
        QStringList out;
        auto *list = child<QListWidget>(w, "schedulePreview");
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
    }
    void cleanup()
    {
        m_engine.reset();
        m_tmp.reset();
    }

    void buildSaveAndActOnASchedule()
    {
        auto segment = m_engine->segments().save(leads::Actor::system(), QStringLiteral("Austin prospects"), {{QStringLiteral("city"), QStringLiteral("Austin")}}, {}, true);
        QVERIFY(segment);
        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::SchedulesTab *tab = page.schedules();
        QVERIFY(child<QLabel>(tab, "scheduleStatus")->text().contains(QStringLiteral("No schedule yet")));

        // Weekdays at 07:45 in New York: the expression follows the builder, the next runs are listed in the zone.
        child<QComboBox>(tab, "scheduleZone")->setCurrentText(QStringLiteral("America/New_York"));
        child<QComboBox>(tab, "scheduleRepeat")->setCurrentIndex(3);
        child<QTimeEdit>(tab, "scheduleTime")->setTime(QTime(7, 45));
        QCOMPARE(child<QLineEdit>(tab, "scheduleCron")->text(), QStringLiteral("45 7 * * 1-5"));
        QTRY_COMPARE(child<QListWidget>(tab, "schedulePreview")->count(), 5);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool elsewhere = QTimeZone::systemTimeZone().offsetFromUtc(now) != QTimeZone("America/New_York").offsetFromUtc(now);
        for (const QString &run : previewTexts(tab)) {
            QVERIFY2(run.contains(QStringLiteral("07:45 E")), qPrintable(run)); // EST or EDT
            QVERIFY2(!run.startsWith(QStringLiteral("Sat")) && !run.startsWith(QStringLiteral("Sun")), qPrintable(run));
            QCOMPARE(run.contains(QStringLiteral(" here")), elsewhere); // and on this computer's clock, when that differs
        }

        // A custom expression that is wrong says what is wrong and cannot be saved.
        auto *cron = child<QLineEdit>(tab, "scheduleCron");
        cron->clear();
        QTest::keyClicks(cron, QStringLiteral("0 25 * * *"));
        QCOMPARE(child<QComboBox>(tab, "scheduleRepeat")->currentIndex(), 6); // typing makes it custom
        QTRY_VERIFY(!child<QPushButton>(tab, "scheduleSave")->isEnabled());
        QCOMPARE(child<QLabel>(tab, "scheduleStatus")->text(), QStringLiteral("Repeats: hour: 25 is out of range 0-23"));
        cron->clear();
        QTest::keyClicks(cron, QStringLiteral("0 9 * * MON"));
        QTRY_VERIFY(child<QPushButton>(tab, "scheduleSave")->isEnabled());
        QTRY_VERIFY(previewTexts(tab).value(0).startsWith(QStringLiteral("Mon")));

        // No name: refused, nothing saved.
        child<QComboBox>(tab, "scheduleTask")->setCurrentIndex(child<QComboBox>(tab, "scheduleTask")->findData(QStringLiteral("verify_emails")));
        QVERIFY(!tab->save());
        QCOMPARE(child<QLabel>(tab, "scheduleStatus")->text(), QStringLiteral("Name: must be 1 to 200 characters"));
        QCOMPARE(m_engine->schedules().list()->size(), 0);

        QTest::keyClicks(child<QLineEdit>(tab, "scheduleName"), QStringLiteral("Verify Austin on Mondays"));
        auto *segments = child<QComboBox>(tab, "scheduleSegment");
        segments->setCurrentIndex(segments->findText(QStringLiteral("Austin prospects")));
        child<QCheckBox>(tab, "scheduleSkipMissed")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(tab, "scheduleSave"), Qt::LeftButton);
        auto list = m_engine->schedules().list();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const QJsonObject saved = list->first().toObject();
        QCOMPARE(saved.value(QStringLiteral("name")).toString(), QStringLiteral("Verify Austin on Mondays"));
        QCOMPARE(saved.value(QStringLiteral("cron_expression")).toString(), QStringLiteral("0 9 * * MON"));
        QCOMPARE(saved.value(QStringLiteral("timezone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(saved.value(QStringLiteral("task_config")).toObject(), (QJsonObject{{QStringLiteral("segment_id"), segment->value(QStringLiteral("id")).toInteger()}}));
        QCOMPARE(saved.value(QStringLiteral("misfire_policy")).toString(), QStringLiteral("skip"));
        QVERIFY(child<QLabel>(tab, "scheduleStatus")->text().startsWith(QStringLiteral("Saved. Next run: Mon ")));
        auto *table = child<QTableWidget>(tab, "scheduleList");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Verify e-mail addresses"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("Never run"));

        // A schedule of the builder's own shape comes back into the builder.
        tab->newSchedule();
        QCOMPARE(child<QLineEdit>(tab, "scheduleName")->text(), QString());
        m_engine->schedules().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Backup")}, {QStringLiteral("cron_expression"), QStringLiteral("30 2 * * 0")},
                                                               {QStringLiteral("task_type"), QStringLiteral("database_backup")}, {QStringLiteral("task_config"), QJsonObject{{QStringLiteral("keep"), 3}}}})
            .value();
        tab->reload();
        QCOMPARE(table->rowCount(), 2);
        table->selectRow(0); // "Backup" sorts first
        QCOMPARE(child<QLineEdit>(tab, "scheduleName")->text(), QStringLiteral("Backup"));
        QCOMPARE(child<QComboBox>(tab, "scheduleRepeat")->currentIndex(), 4); // every week on
        QCOMPARE(child<QComboBox>(tab, "scheduleWeekday")->currentData().toInt(), 0);
        QCOMPARE(child<QTimeEdit>(tab, "scheduleTime")->time(), QTime(2, 30));
        QCOMPARE(child<QSpinBox>(tab, "scheduleKeep")->value(), 3);

        // Pause, Run now (the run shows below), Delete after asking.
        table->selectRow(1);
        QCOMPARE(child<QLineEdit>(tab, "scheduleName")->text(), QStringLiteral("Verify Austin on Mondays"));
        QTest::mouseClick(child<QPushButton>(tab, "scheduleToggle"), Qt::LeftButton);
        QCOMPARE(m_engine->schedules().get(saved.value(QStringLiteral("id")).toInteger())->value(QStringLiteral("is_active")).toBool(), false);
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("Paused"));
        QCOMPARE(child<QPushButton>(tab, "scheduleToggle")->text(), QStringLiteral("Res&ume"));
        QTest::mouseClick(child<QPushButton>(tab, "scheduleRunNow"), Qt::LeftButton);
        auto *logs = child<QTableWidget>(tab, "scheduleLogs");
        QTRY_COMPARE(logs->rowCount(), 1);
        QCOMPARE(logs->item(0, 0)->text(), QStringLiteral("Queued"));
        QCOMPARE(logs->item(0, 1)->text(), QStringLiteral("Run now"));
        int asked = 0;
        tab->confirm = [&asked](const QString &question) {
            ++asked;
            return question.contains(QStringLiteral("Verify Austin on Mondays"));
        };
        QTest::mouseClick(child<QPushButton>(tab, "scheduleDelete"), Qt::LeftButton);
        QCOMPARE(asked, 1);
        QCOMPARE(m_engine->schedules().list()->size(), 1);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(child<QLabel>(tab, "scheduleStatus")->text(), QStringLiteral("Deleted \"Verify Austin on Mondays\"."));
    }
    // The Rules tab: a rule built with rows (a condition, two actions), a mistake named by its row,
    // a dry run on the newest leads, what the rule did shown live, off and delete.
    void buildARuleAndWatchItAct()
    {
        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::RulesTab *tab = page.rules();
        QTest::keyClicks(child<QLineEdit>(tab, "ruleName"), QStringLiteral("Austin leads"));
        auto *trigger = child<QComboBox>(tab, "ruleTrigger");
        trigger->setCurrentIndex(trigger->findData(QStringLiteral("lead_created")));
        tab->addCondition({{QStringLiteral("field"), QStringLiteral("score")}, {QStringLiteral("op"), QStringLiteral("gt")}, {QStringLiteral("value"), QStringLiteral("high")}});
        auto *conditions = child<QTableWidget>(tab, "ruleConditions");
        QCOMPARE(conditions->rowCount(), 1);
        auto *actions = child<QTableWidget>(tab, "ruleActions");
        QCOMPARE(actions->rowCount(), 1); // a new rule starts with one action row (add tags)
        qobject_cast<QLineEdit *>(actions->cellWidget(0, 1))->setText(QStringLiteral("austin, hot"));
        tab->addAction({{QStringLiteral("type"), QStringLiteral("add_note")}, {QStringLiteral("text"), QStringLiteral("New in {{city}}")}});
        QVERIFY(!tab->save());
        QCOMPARE(child<QLabel>(tab, "ruleStatus")->text(), QStringLiteral("Condition 1: must be a number for 'gt'"));
        QCOMPARE(m_engine->rules().list()->size(), 0);
        // Fix the row: the city, equals Austin.
        qobject_cast<QComboBox *>(conditions->cellWidget(0, 0))->setCurrentText(QStringLiteral("city"));
        auto *op = qobject_cast<QComboBox *>(conditions->cellWidget(0, 1));
        QVERIFY(op->findText(QStringLiteral("regex")) >= 0); // the operators fit a text field now
        op->setCurrentText(QStringLiteral("equals"));
        qobject_cast<QLineEdit *>(conditions->cellWidget(0, 2))->setText(QStringLiteral("Austin"));
        QVERIFY(tab->save());
        auto rules = m_engine->rules().list();
        QCOMPARE(rules->size(), 1);
        const QJsonObject rule = rules->first().toObject();
        QCOMPARE(rule.value(QStringLiteral("conditions")).toArray().first().toObject(),
                 (QJsonObject{{QStringLiteral("field"), QStringLiteral("city")}, {QStringLiteral("op"), QStringLiteral("equals")}, {QStringLiteral("value"), QStringLiteral("Austin")}}));
        QCOMPARE(rule.value(QStringLiteral("actions")).toArray().first().toObject().value(QStringLiteral("tags")).toArray(),
                 (QJsonArray{QStringLiteral("austin"), QStringLiteral("hot")}));
        QCOMPARE(child<QTableWidget>(tab, "ruleList")->item(0, 2)->text(), QStringLiteral("Add tags, Add a note"));

        // Leads come in; the dry run shows which would match; the rule acts and the tab shows it.
        auto lead = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Joe's Plumbing")}, {QStringLiteral("city"), QStringLiteral("Austin")}});
        QVERIFY(lead);
        QVERIFY(m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Dallas Dental")}, {QStringLiteral("city"), QStringLiteral("Dallas")}}));
        QTest::mouseClick(child<QPushButton>(tab, "ruleTry"), Qt::LeftButton);
        auto *tried = child<QListWidget>(tab, "ruleTried");
        QCOMPARE(tried->count(), 1);
        QVERIFY(tried->item(0)->text().endsWith(QStringLiteral("Joe's Plumbing")));
        QCOMPARE(child<QLabel>(tab, "ruleStatus")->text(), QStringLiteral("1 of the 2 newest leads match; nothing was changed."));
        QVERIFY(m_engine->rules().processPending().value() > 0);
        auto *executions = child<QTableWidget>(tab, "ruleExecutions");
        QTRY_COMPARE(executions->rowCount(), 1);
        QCOMPARE(executions->item(0, 2)->text(), QStringLiteral("Done"));
        QCOMPARE(executions->item(0, 3)->text(), QStringLiteral("add_tags, add_note"));

        QTest::mouseClick(child<QPushButton>(tab, "ruleToggle"), Qt::LeftButton);
        QCOMPARE(m_engine->rules().list()->first().toObject().value(QStringLiteral("is_active")).toBool(), false);
        tab->confirm = [](const QString &) { return true; };
        QTest::mouseClick(child<QPushButton>(tab, "ruleDelete"), Qt::LeftButton);
        QCOMPARE(m_engine->rules().list()->size(), 0);
        QCOMPARE(child<QLabel>(tab, "ruleStatus")->text(), QStringLiteral("Deleted \"Austin leads\"."));
    }

    void addTestAndWatchAWebhook()
    {
        test::FixtureHttpServer receiver;
        QVERIFY(receiver.start());
        FixtureHttpServerOk(receiver);
        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::WebhooksTab *tab = page.webhooks();
        QVERIFY(child<QLabel>(tab, "webhookStatus")->text().startsWith(QStringLiteral("No webhook yet")));
        QVERIFY(!child<QPushButton>(tab, "webhookTest")->isEnabled());

        // This computer is not the Internet: refused until an administrator names the receiver.
        QTest::keyClicks(child<QLineEdit>(tab, "webhookName"), QStringLiteral("CRM"));
        QTest::keyClicks(child<QLineEdit>(tab, "webhookUrl"), receiver.baseUrl() + QStringLiteral("/hook"));
        QVERIFY(!tab->save());
        const QString refused = child<QLabel>(tab, "webhookStatus")->text();
        QVERIFY2(refused.startsWith(QStringLiteral("Address: 127.0.0.1 is loopback")), qPrintable(refused));
        QCOMPARE(m_engine->webhooks().list()->size(), 0);
        child<QLineEdit>(tab, "webhookAllowed")->setText(QStringLiteral("127.0.0.1:%1").arg(receiver.serverPort()));
        QVERIFY(tab->saveSettings());

        // Saved: lead_created ticked by default, the secret shown once.
        QVERIFY(tab->save());
        QVERIFY(tab->shownSecret().startsWith(QStringLiteral("whsec_")));
        auto *list = child<QTableWidget>(tab, "webhookList");
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->item(0, 2)->text(), QStringLiteral("lead_created"));
        QCOMPARE(list->item(0, 3)->text(), QStringLiteral("On"));
        const qint64 id = m_engine->webhooks().list()->first().toObject().value(QStringLiteral("id")).toInteger();

        // A test ping from a worker (the window, and this receiver on its thread, stay live).
        QVERIFY(child<QPushButton>(tab, "webhookTest")->isEnabled());
        QTest::mouseClick(child<QPushButton>(tab, "webhookTest"), Qt::LeftButton);
        QTRY_VERIFY2(child<QLabel>(tab, "webhookStatus")->text().startsWith(QStringLiteral("The receiver answered 200")),
                     qPrintable(child<QLabel>(tab, "webhookStatus")->text()));
        auto *logs = child<QTableWidget>(tab, "webhookLogs");
        QCOMPARE(logs->rowCount(), 1);
        QCOMPARE(logs->item(0, 1)->text(), QStringLiteral("ping"));
        QCOMPARE(logs->item(0, 5)->text(), QStringLiteral("test"));

        // A lead arrives; its delivery shows up live, and can be sent again.
        QVERIFY(m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Joe's Plumbing")}}));
        QVERIFY(test::whileServing([this] { return m_engine->webhooks().processPending(); }).ok());
        QTRY_COMPARE(logs->rowCount(), 2);
        QCOMPARE(logs->item(0, 1)->text(), QStringLiteral("lead_created"));
        QCOMPARE(logs->item(0, 5)->text(), QStringLiteral("delivered"));
        QTRY_VERIFY(list->item(0, 4)->text().endsWith(QStringLiteral("delivered")));
        logs->selectRow(0);
        QVERIFY(child<QPushButton>(tab, "webhookRedeliver")->isEnabled());
        QTest::mouseClick(child<QPushButton>(tab, "webhookRedeliver"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(tab, "webhookStatus")->text().startsWith(QStringLiteral("Queued")), qPrintable(child<QLabel>(tab, "webhookStatus")->text()));
        QVERIFY(test::whileServing([this] { return m_engine->webhooks().processPending(); }).ok());
        QTRY_COMPARE(logs->rowCount(), 3);
        int hooks = 0;
        for (const auto &r : receiver.requests())
            hooks += r.path == "/hook" ? 1 : 0;
        QCOMPARE(hooks, 3);

        // Off, a new secret, deleted.
        QTest::mouseClick(child<QPushButton>(tab, "webhookToggle"), Qt::LeftButton);
        QCOMPARE(m_engine->webhooks().get(id)->value(QStringLiteral("is_active")).toBool(), false);
        QCOMPARE(list->item(0, 3)->text(), QStringLiteral("Off"));
        tab->confirm = [](const QString &) { return true; };
        const QString before = tab->shownSecret();
        QTest::mouseClick(child<QPushButton>(tab, "webhookRotate"), Qt::LeftButton);
        QVERIFY(tab->shownSecret().startsWith(QStringLiteral("whsec_")) && tab->shownSecret() != before);
        QTest::mouseClick(child<QPushButton>(tab, "webhookDelete"), Qt::LeftButton);
        QCOMPARE(m_engine->webhooks().list()->size(), 0);
        QCOMPARE(list->rowCount(), 0);
    }

    void reviewEditAndApproveARequest()
    {
        auto rule = m_engine->rules().create(leads::Actor::system(),
                                             {{QStringLiteral("name"), QStringLiteral("Ask first")},
                                              {QStringLiteral("trigger"), QStringLiteral("lead_created")},
                                              {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("request_approval")},
                                                                                                {QStringLiteral("title"), QStringLiteral("Contact {{name}}?")}},
                                                                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("add_tags")},
                                                                                                {QStringLiteral("tags"), QJsonArray{QStringLiteral("go")}}},
                                                                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("add_note")},
                                                                                                {QStringLiteral("text"), QStringLiteral("Approved")}}}}});
        QVERIFY2(rule, rule ? "" : qPrintable(rule.error().message));
        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::ApprovalsTab *tab = page.approvals();
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("automationTabs"));
        QCOMPARE(tabs->tabText(tabs->indexOf(tab)), QStringLiteral("A&pprovals"));
        QCOMPARE(child<QLabel>(tab, "approvalStatus")->text(), QStringLiteral("Nothing waits for a decision."));

        QTest::qWait(5); // the lead comes after the rule
        auto lead = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Joe's Plumbing")}});
        QVERIFY(lead);
        QVERIFY(m_engine->rules().processPending().value() > 0);
        auto *list = child<QTableWidget>(tab, "approvalList");
        QTRY_COMPARE(list->rowCount(), 1); // live
        QCOMPARE(tabs->tabText(tabs->indexOf(tab)), QStringLiteral("A&pprovals (1)"));
        QCOMPARE(list->item(0, 0)->text(), QStringLiteral("Contact Joe's Plumbing?"));
        QCOMPARE(list->item(0, 1)->text(), QStringLiteral("Joe's Plumbing"));
        list->selectRow(0);
        auto *actions = child<QTableWidget>(tab, "approvalActions");
        QCOMPARE(actions->rowCount(), 2);
        auto *tags = qobject_cast<QLineEdit *>(actions->cellWidget(0, 1));
        QCOMPARE(tags->text(), QStringLiteral("go"));
        tags->setText(QStringLiteral("go, vip")); // edited before approving
        child<QLineEdit>(tab, "approvalNote")->setText(QStringLiteral("Worth a call"));
        QTest::mouseClick(child<QPushButton>(tab, "approvalApprove"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(tab, "approvalStatus")->text(), QStringLiteral("Approved: 2 action(s) done."));
        QStringList names;
        for (const QJsonValue &t : m_engine->leads().get(lead->value(QStringLiteral("id")).toInteger())->value(QStringLiteral("tags")).toArray())
            names << t.toObject().value(QStringLiteral("name")).toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("go"), QStringLiteral("vip")}));
        QCOMPARE(list->rowCount(), 0);
        QCOMPARE(tabs->tabText(tabs->indexOf(tab)), QStringLiteral("A&pprovals"));
        // Decided ones on request, with how.
        child<QCheckBox>(tab, "approvalHistory")->setChecked(true);
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->item(0, 4)->text(), QStringLiteral("approved"));
        QCOMPARE(m_engine->approvals().list(leads::Actor::system())->first().toObject().value(QStringLiteral("decision_note")).toString(), QStringLiteral("Worth a call"));
    }

    // An AI reply waits here too: its text shown and edited in place, approved with the edit
    // (its sending queued); an n8n step's values edited in their table, typed as they came.
    void reviewAReplyAndAWorkflowStep()
    {
        auto account = m_engine->senders().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Sam's mailbox")},
                                                                           {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                                           {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                                                           {QStringLiteral("smtp_port"), 2525},
                                                                           {QStringLiteral("smtp_security"), QStringLiteral("none")}});
        QVERIFY2(account, account ? "" : qPrintable(account.error().message));
        auto lead = m_engine->leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Cat's Cafe")}, {QStringLiteral("email"), QStringLiteral("cat@cafe.example")}});
        QVERIFY(lead);
        auto in = m_engine->conversations().ingest(account->value(QStringLiteral("id")).toInteger(),
                                                   "From: cat@cafe.example\r\nTo: sam@studio.example\r\nSubject: A menu page\r\nMessage-ID: <c1@cafe.example>\r\n"
                                                   "Content-Type: text/plain; charset=utf-8\r\n\r\nCould you add our menu to the site?\r\n");
        QVERIFY2(in, in ? "" : qPrintable(in.error().message));
        auto suggestion = m_engine->conversations().generateResponse(leads::Actor::system(), in->value(QStringLiteral("conversation_id")).toInteger(),
                                                                     {{QStringLiteral("writer"), QStringLiteral("offline")}});
        QVERIFY2(suggestion, suggestion ? "" : qPrintable(suggestion.error().message));

        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::ApprovalsTab *tab = page.approvals();
        page.findChild<QTabWidget *>(QStringLiteral("automationTabs"))->setCurrentWidget(tab);
        auto *list = child<QTableWidget>(tab, "approvalList");
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->item(0, 0)->text(), QStringLiteral("Reply to cat@cafe.example: A menu page"));
        QCOMPARE(list->item(0, 1)->text(), QStringLiteral("Cat's Cafe"));
        list->selectRow(0);
        QVERIFY(child<QLabel>(tab, "approvalDetails")->text().contains(QStringLiteral("Could you add our menu to the site?")));
        auto *reply = child<QPlainTextEdit>(tab, "approvalReply");
        QVERIFY(reply->isVisible());
        QVERIFY(!child<QTableWidget>(tab, "approvalActions")->isVisible());
        QCOMPARE(reply->toPlainText(), suggestion->value(QStringLiteral("suggested_response")).toString());
        reply->setPlainText(QStringLiteral("Hi Cat, yes: a menu page takes two days."));
        QTest::mouseClick(child<QPushButton>(tab, "approvalApprove"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(tab, "approvalStatus")->text(), QStringLiteral("Approved: the reply is on its way."));
        const qint64 id = suggestion->value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_engine->conversations().suggestion(id)->value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(m_engine->conversations().suggestion(id)->value(QStringLiteral("edited_response")).toString(), QStringLiteral("Hi Cat, yes: a menu page takes two days."));
        auto queued = m_engine->database().selectOne(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'automation.send_suggestion'"));
        QCOMPARE(queued->value(0).toLongLong(), 1);

        // An n8n step: its values in the table; a number edited stays a number.
        auto n8n = m_engine->n8n().updateSettings(leads::Actor{std::nullopt, true, {}, {}},
                                                  {{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:5678")}, {QStringLiteral("api_key"), QStringLiteral("k")}});
        QVERIFY2(n8n, n8n ? "" : qPrintable(n8n.error().message));
        auto admin = m_engine->auth().createFirstAdmin(QStringLiteral("owner@studio.example"), QStringLiteral("Owner-passw0rd-long"), QStringLiteral("Owner"));
        QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message));
        leads::Actor user = leads::Actor::system();
        user.userId = admin->id; // the workflow's API key is someone's
        auto step = m_engine->n8n().requestApproval(user, {{QStringLiteral("title"), QStringLiteral("Offer 10% off?")},
                                                          {QStringLiteral("resume_url"), QStringLiteral("http://127.0.0.1:5678/webhook-waiting/9")},
                                                          {QStringLiteral("workflow_id"), QStringLiteral("wf9")},
                                                          {QStringLiteral("payload"), QJsonObject{{QStringLiteral("discount"), 10}, {QStringLiteral("subject"), QStringLiteral("Spring")}}}});
        QVERIFY2(step, step ? "" : qPrintable(step.error().message));
        QTRY_COMPARE(list->rowCount(), 1);
        list->selectRow(0);
        auto *values = child<QTableWidget>(tab, "approvalActions");
        QVERIFY(values->isVisible());
        QVERIFY(!reply->isVisible());
        QCOMPARE(values->rowCount(), 2);
        QCOMPARE(values->item(0, 0)->text(), QStringLiteral("discount"));
        QCOMPARE(qobject_cast<QLineEdit *>(values->cellWidget(0, 1))->text(), QStringLiteral("10"));
        qobject_cast<QLineEdit *>(values->cellWidget(0, 1))->setText(QStringLiteral("15"));
        QTest::mouseClick(child<QPushButton>(tab, "approvalApprove"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(tab, "approvalStatus")->text(), QStringLiteral("Approved: the workflow is told and goes on."));
        auto decided = m_engine->approvals().get(leads::Actor::system(), step->value(QStringLiteral("id")).toInteger());
        QCOMPARE(decided->value(QStringLiteral("payload")).toObject().value(QStringLiteral("payload")).toObject(),
                 (QJsonObject{{QStringLiteral("discount"), 15}, {QStringLiteral("subject"), QStringLiteral("Spring")}}));
    }

    // The Workflows tab against a real n8n (skipped where it is not installed): not set up says
    // what to do; the administrator's address and key connect; a workflow is turned on with its
    // tick, started with Run now, and its run shows with its status.
    void connectSwitchAndRunAWorkflow()
    {
        ui::AutomationPage page(*m_engine, std::nullopt);
        page.resize(1400, 900);
        page.show();
        ui::WorkflowsTab *tab = page.workflows();
        QVERIFY(child<QLabel>(tab, "n8nStatus")->text().startsWith(QStringLiteral("n8n is not set up yet")));
        QVERIFY(!child<QPushButton>(tab, "n8nRun")->isEnabled());
        child<QLineEdit>(tab, "n8nBaseUrl")->setText(QStringLiteral("gopher://n8n"));
        QVERIFY(!tab->saveSettings());
        QVERIFY2(child<QLabel>(tab, "n8nStatus")->text().startsWith(QStringLiteral("n8n address: ")), qPrintable(child<QLabel>(tab, "n8nStatus")->text()));

        test::N8nServer n8n;
        QVERIFY2(n8n.start(), qPrintable(n8n.error())); // the real one, or the stand-in
        if (test::N8nServer::required())
            QVERIFY2(n8n.isReal(), qPrintable(n8n.standInReason()));
        const QString workflow = n8n.createWorkflow(QStringLiteral("Welcome call"), QStringLiteral("welcome-") + QString::number(QDateTime::currentMSecsSinceEpoch()));
        QVERIFY2(!workflow.isEmpty(), qPrintable(n8n.error()));
        child<QLineEdit>(tab, "n8nBaseUrl")->setText(n8n.baseUrl());
        QTest::keyClicks(child<QLineEdit>(tab, "n8nApiKey"), QString::fromUtf8(n8n.apiKey()));
        QVERIFY(tab->saveSettings());
        QVERIFY(child<QLineEdit>(tab, "n8nApiKey")->text().isEmpty());
        QCOMPARE(child<QLabel>(tab, "n8nKeyState")->text(), QStringLiteral("kept in the keychain"));
        auto *flows = child<QTableWidget>(tab, "n8nWorkflows");
        QTRY_COMPARE_WITH_TIMEOUT(flows->rowCount(), 1, 20000);
        QCOMPARE(flows->item(0, 0)->text(), QStringLiteral("Welcome call"));
        QCOMPARE(flows->item(0, 1)->checkState(), Qt::Unchecked);
        QVERIFY(flows->item(0, 4)->text().startsWith(QStringLiteral("no: it is off")));

        // The Schedules tab offers it for the n8n task (as n8n was last read).
        child<QTabWidget>(&page, "automationTabs")->setCurrentWidget(page.schedules());
        auto *task = child<QComboBox>(page.schedules(), "scheduleTask");
        task->setCurrentIndex(task->findData(QStringLiteral("n8n")));
        QVERIFY(task->currentIndex() >= 0);
        QVERIFY(child<QComboBox>(page.schedules(), "scheduleWorkflow")->findData(workflow) >= 0);
        child<QTabWidget>(&page, "automationTabs")->setCurrentWidget(tab);

        // Its tick turns it on in n8n; then Run now starts it.
        flows->item(0, 1)->setCheckState(Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(n8n.api("GET", QStringLiteral("/workflows/") + workflow).json.value(QStringLiteral("active")).toBool(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->busy() && flows->rowCount() == 1 && flows->item(0, 4)->text() == QStringLiteral("yes"), 20000);
        flows->selectRow(0);
        QVERIFY(child<QPushButton>(tab, "n8nRun")->isEnabled());
        QCOMPARE(child<QPushButton>(tab, "n8nToggle")->text(), QStringLiteral("Turn o&ff"));
        QTest::mouseClick(child<QPushButton>(tab, "n8nRun"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(tab, "n8nStatus")->text().contains(QStringLiteral("is being started")), qPrintable(child<QLabel>(tab, "n8nStatus")->text()));
        QVERIFY(m_engine->webhooks().processPending().ok()); // this engine runs no deliverer
        auto *runs = child<QTableWidget>(tab, "n8nExecutions");
        QTRY_VERIFY_WITH_TIMEOUT((QTest::mouseClick(child<QPushButton>(tab, "n8nRefresh"), Qt::LeftButton), runs->rowCount() == 1 && runs->item(0, 2)->text() == QStringLiteral("succeeded")), 30000);
        QCOMPARE(runs->item(0, 1)->text(), QStringLiteral("Welcome call"));
        QCOMPARE(runs->item(0, 4)->text(), QStringLiteral("webhook"));

        // Off with the button.
        QTest::mouseClick(child<QPushButton>(tab, "n8nToggle"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!n8n.api("GET", QStringLiteral("/workflows/") + workflow).json.value(QStringLiteral("active")).toBool(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->busy(), 20000);
        page.close();
    }
};

QTEST_MAIN(TestAutomationPage)
#include "tst_automationpage.moc"
