// The desktop's AI: Settings → AI (provider, key into the keychain, models, budgets, prices,
// prompts with versions) and the writer dialog on a lead, with the offline writer and with a
// local server speaking the chat-completions API whose answer streams into the dialog.
#include "chatcompletionsserver.h"
#include "fliptech/ai/aiservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/aisettings.h"
#include "fliptech/ui/aiwriterdialog.h"
#include "fliptech/ui/leadspage.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace fliptech;

class TestAiPages final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
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
    static void retype(QWidget *w, const char *name, const QString &text)
    {
        auto *e = child<QLineEdit>(w, name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    static void click(QWidget *w, const char *name) { QTest::mouseClick(child<QPushButton>(w, name), Qt::LeftButton); }
    qint64 lead()
    {
        auto l = m_engine->leads().create(leads::Actor{}, {{QStringLiteral("name"), QStringLiteral("Joe Smith")},
                                                           {QStringLiteral("company"), QStringLiteral("Joe's Plumbing")},
                                                           {QStringLiteral("website"), QStringLiteral("http://joesplumbing.example/")},
                                                           {QStringLiteral("website_analysis"), QJsonObject{{QStringLiteral("reachable"), true},
                                                                                                            {QStringLiteral("https"), false},
                                                                                                            {QStringLiteral("title"), QStringLiteral("Joe's")}}}});
        return l ? l->value(QStringLiteral("id")).toInteger() : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("OPENROUTER_API_KEY");
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
        (void)m_secrets.remove(ai::AiService::secretKey);
    }

    void settingsTab()
    {
        ui::AiSettings page(m_engine->ai(), true, [] { return leads::Actor{}; });
        page.show();
        auto *status = child<QLabel>(&page, "aiStatus");
        QVERIFY(child<QLabel>(&page, "aiKeyState")->text().contains(QLatin1String("offline writer")));

        // The key goes to the keychain and is never shown.
        retype(&page, "aiKey", QStringLiteral("sk-or-v1-typed"));
        click(&page, "aiSaveKey");
        QCOMPARE(*m_secrets.read(ai::AiService::secretKey), QByteArray("sk-or-v1-typed"));
        QVERIFY(child<QLineEdit>(&page, "aiKey")->text().isEmpty());
        QVERIFY2(child<QLabel>(&page, "aiKeyState")->text().contains(QLatin1String("keychain")), qPrintable(child<QLabel>(&page, "aiKeyState")->text()));

        // Provider, models and budgets.
        retype(&page, "aiBaseUrl", QStringLiteral("http://127.0.0.1:11434/v1"));
        child<QComboBox>(&page, "aiModel_writing")->setCurrentText(QStringLiteral("llama3.1:8b"));
        child<QSpinBox>(&page, "aiMaxTokens")->setValue(400);
        child<QDoubleSpinBox>(&page, "aiDailyBudget")->setValue(2.5);
        child<QComboBox>(&page, "aiBudgetZone")->setCurrentText(QStringLiteral("America/Chicago"));
        click(&page, "aiSave");
        QCOMPARE(status->text(), QStringLiteral("Saved."));
        auto s = m_engine->ai().settings();
        QCOMPARE(s->value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:11434/v1"));
        QCOMPARE(s->value(QStringLiteral("models")).toObject().value(QStringLiteral("writing")).toString(), QStringLiteral("llama3.1:8b"));
        QCOMPARE(s->value(QStringLiteral("max_tokens")).toInt(), 400);
        QCOMPARE(s->value(QStringLiteral("daily_budget_cents")).toInt(), 250);
        QVERIFY(s->value(QStringLiteral("monthly_budget_cents")).isNull()); // "No limit"
        QCOMPARE(s->value(QStringLiteral("budget_time_zone")).toString(), QStringLiteral("America/Chicago"));
        // A mistake is said, and nothing changes.
        retype(&page, "aiBaseUrl", QStringLiteral("not an address"));
        click(&page, "aiSave");
        QVERIFY2(status->text().contains(QLatin1String("http(s) address")), qPrintable(status->text()));
        QCOMPARE(m_engine->ai().settings()->value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:11434/v1"));

        // Prices: a new model, a bad price refused.
        auto *prices = child<QTableWidget>(&page, "aiPrices");
        const int before = prices->rowCount();
        click(&page, "aiAddPrice");
        QCOMPARE(prices->rowCount(), before + 1);
        prices->item(before, 0)->setText(QStringLiteral("llama3.1:8b"));
        prices->item(before, 1)->setText(QStringLiteral("0.02"));
        prices->item(before, 2)->setText(QStringLiteral("lots"));
        click(&page, "aiSavePrices");
        QVERIFY2(status->text().contains(QLatin1String("completion price of llama3.1:8b")), qPrintable(status->text()));
        prices->item(before, 2)->setText(QStringLiteral("0.05"));
        click(&page, "aiSavePrices");
        QCOMPARE(status->text(), QStringLiteral("Prices saved."));
        auto row = m_engine->database().selectOne(QStringLiteral("SELECT completion_picodollars FROM ai_prices WHERE model = 'llama3.1:8b'"));
        QVERIFY(row);
        QCOMPARE(row->value(0).toLongLong(), qint64(50000));

        // Prompts: edit the shipped one, save it as version 1; a misspelt variable is refused.
        child<QComboBox>(&page, "aiPromptKey")->setCurrentIndex(0);
        auto *user = child<QPlainTextEdit>(&page, "aiUserPrompt");
        QVERIFY(user->toPlainText().contains(QLatin1String("{{lead}}")));
        user->setPlainText(QStringLiteral("Write to {{leed}}."));
        click(&page, "aiSavePrompt");
        QVERIFY2(status->text().contains(QLatin1String("{{leed}}")), qPrintable(status->text()));
        user->setPlainText(QStringLiteral("Write briefly to {{lead}} ({{goal}})."));
        retype(&page, "aiPromptNote", QStringLiteral("shorter"));
        click(&page, "aiSavePrompt");
        QVERIFY2(status->text().startsWith(QLatin1String("Saved as version 1")), qPrintable(status->text()));
        QVERIFY(child<QComboBox>(&page, "aiPromptVersion")->currentText().contains(QLatin1String("shorter")));
        QCOMPARE(child<QComboBox>(&page, "aiPromptVersion")->count(), 2);
        if (const QString dir = qEnvironmentVariable("FLIPTECH_SCREENSHOTS"); !dir.isEmpty()) {
            page.resize(900, 1000);
            page.grab().save(dir + QStringLiteral("/ai-settings.png"));
        }
    }

    void adminOnly()
    {
        ui::AiSettings page(m_engine->ai(), false, [] { return leads::Actor{}; });
        QVERIFY(!child<QPushButton>(&page, "aiSave")->isEnabled());
        QVERIFY(!child<QLineEdit>(&page, "aiKey")->isEnabled());
        QVERIFY(child<QPlainTextEdit>(&page, "aiUserPrompt")->isReadOnly());
    }

    void writerOffline()
    {
        const qint64 id = lead();
        QVERIFY(id > 0);
        ui::AiWriterDialog dialog(m_engine->ai(), leads::Actor{}, id, QStringLiteral("Joe Smith"));
        dialog.show();
        QVERIFY(child<QCheckBox>(&dialog, "aiWriterOffline")->isChecked()); // no key: offline only
        retype(&dialog, "aiWriterSender", QStringLiteral("Sam Lee"));
        child<QComboBox>(&dialog, "aiWriterGoal")->setCurrentIndex(2); // a meeting
        click(&dialog, "aiWriterWrite");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isWriting() && child<QPushButton>(&dialog, "aiWriterSave")->isEnabled(), 10000);
        QVERIFY2(child<QLineEdit>(&dialog, "aiWriterSubject")->text().contains(QLatin1String("15 minutes")), qPrintable(child<QLineEdit>(&dialog, "aiWriterSubject")->text()));
        auto *body = child<QPlainTextEdit>(&dialog, "aiWriterBody");
        QVERIFY(body->toPlainText().contains(QLatin1String("Not secure")));
        QVERIFY(body->toPlainText().endsWith(QLatin1String("Sam Lee")));
        QVERIFY(child<QLabel>(&dialog, "aiWriterAbout")->text().contains(QLatin1String("offline writer")));
        body->setPlainText(body->toPlainText() + QStringLiteral("\nP.S. I am in Portland on Friday."));
        click(&dialog, "aiWriterSave");
        auto draft = m_engine->ai().draft(dialog.draftId());
        QVERIFY(draft);
        QVERIFY(draft->value(QStringLiteral("body")).toString().endsWith(QLatin1String("Friday.")));
        QCOMPARE(draft->value(QStringLiteral("edited")).toBool(), true);
        QCOMPARE(draft->value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
    }

    // The lead pane's Website tab: pitch ideas from the findings (the offline writer here), and
    // the writer opened from it.
    void leadPanePitchAndWriter()
    {
        const qint64 id = lead();
        ui::LeadsPage page(*m_engine, std::nullopt);
        page.show();
        page.openLead(id);
        auto *report = child<QTextBrowser>(&page, "detailAnalysis");
        click(&page, "detailPitch");
        QTRY_VERIFY_WITH_TIMEOUT(report->toPlainText().contains(QLatin1String("Pitch ideas")), 10000);
        QVERIFY2(report->toPlainText().contains(QLatin1String("Not secure")), qPrintable(report->toPlainText()));
        QVERIFY(report->toPlainText().contains(QLatin1String("offline writer")));
        click(&page, "detailWriteEmail");
        QTRY_VERIFY(page.findChild<ui::AiWriterDialog *>() != nullptr);
        auto *dialog = page.findChild<ui::AiWriterDialog *>();
        QVERIFY(dialog->windowTitle().contains(QLatin1String("Joe Smith")));
        dialog->close();
    }

    void writerStreamsTheAiAnswer()
    {
        test::ChatCompletionsServer provider;
        QVERIFY(provider.start());
        QVERIFY(m_engine->ai().setSettings({{QStringLiteral("base_url"), provider.baseUrl()}, {QStringLiteral("api_key"), QStringLiteral("sk-local")}}));
        test::ChatCompletionsServer::Turn t;
        t.content = QStringLiteral("Hi Joe, I noticed your site is not on HTTPS and browsers warn your visitors away before they ever see your work.");
        provider.queue(t);
        const qint64 id = lead();
        ui::AiWriterDialog dialog(m_engine->ai(), leads::Actor{}, id, QStringLiteral("Joe Smith"));
        dialog.show();
        QVERIFY(!child<QCheckBox>(&dialog, "aiWriterOffline")->isChecked());
        click(&dialog, "aiWriterWrite");
        auto *body = child<QPlainTextEdit>(&dialog, "aiWriterBody");
        // Part of the text is there while the rest is still being written.
        QTRY_VERIFY_WITH_TIMEOUT(!body->toPlainText().isEmpty(), 10000);
        QVERIFY(dialog.isWriting());
        QVERIFY(body->toPlainText().size() < t.content.size());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isWriting() && child<QPushButton>(&dialog, "aiWriterSave")->isEnabled(), 20000);
        QCOMPARE(body->toPlainText(), t.content);
        QVERIFY2(child<QLabel>(&dialog, "aiWriterAbout")->text().contains(QLatin1String("Written by openai/gpt-4o-mini")),
                 qPrintable(child<QLabel>(&dialog, "aiWriterAbout")->text()));
        QVERIFY(provider.received().first().body.value(QStringLiteral("stream")).toBool());
        if (const QString dir = qEnvironmentVariable("FLIPTECH_SCREENSHOTS"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/ai-writer.png"));
    }
};

QTEST_MAIN(TestAiPages)
#include "tst_aipages.moc"
