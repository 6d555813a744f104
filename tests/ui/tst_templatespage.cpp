// GUI: the Templates page (offscreen, real widgets, a real engine). A user writes a template,
// sees a mistake named as they type and jumps to it, fixes it, sees the preview for a lead of
// theirs (the HTML escaped, the plain text made from it, the empty variables pointed out),
// inserts a variable from the list, saves, duplicates and deletes.
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/ui/templatespage.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "memorysecretstore.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace fliptech;

class TestTemplatesPage final : public QObject
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
            qFatal("no %s named '%s' on the page", T::staticMetaObject.className(), name);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
    }
    void cleanupTestCase() { m_engine.reset(); }

    void writeCheckPreviewSave()
    {
        auto lead = m_engine->leads().create(leads::Actor::system(), QJsonObject{{QStringLiteral("name"), QStringLiteral("Bo Baker")},
                                                                                 {QStringLiteral("first_name"), QStringLiteral("Bo")},
                                                                                 {QStringLiteral("company"), QStringLiteral("Bo's Buns & Rolls")},
                                                                                 {QStringLiteral("city"), QStringLiteral("Dallas")}});
        QVERIFY(lead.ok());
        ui::TemplatesPage page(m_engine->templates(), m_engine->leads(), leads::Actor::system());
        page.resize(1400, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *list = child<QListWidget>(&page, "templatesList");
        QVERIFY(list->item(0)->text().contains(QLatin1String("No templates yet")));
        auto *name = child<QLineEdit>(&page, "templateName");
        auto *subject = child<QLineEdit>(&page, "templateSubject");
        auto *html = child<QPlainTextEdit>(&page, "templateHtml");
        auto *check = child<QLabel>(&page, "templateCheck");
        auto *goTo = child<QPushButton>(&page, "templateGoTo");
        auto *message = child<QLabel>(&page, "templateMessage");
        auto *leadChoice = child<QComboBox>(&page, "templatePreviewLead");

        QTest::keyClicks(name, QStringLiteral("First touch"));
        QTest::keyClicks(subject, QStringLiteral("Hi {{first_name}}"));
        html->setPlainText(QStringLiteral("<p>Hello,</p>\n<p>{{#if city}}In {{city}}?</p>"));
        QTRY_VERIFY(check->text().contains(QLatin1String("body_html: line 2, column 4")));
        QVERIFY(goTo->isVisible());
        QTest::mouseClick(goTo, Qt::LeftButton);
        QCOMPARE(html->textCursor().blockNumber(), 1);
        QCOMPARE(html->textCursor().positionInBlock(), 3);
        // Save refuses and says why.
        QTest::mouseClick(child<QPushButton>(&page, "templateSave"), Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("never closed")), qPrintable(message->text()));
        QCOMPARE(m_engine->templates().list()->size(), 0);

        html->setPlainText(QStringLiteral("<p>{Hi|Hello} {{first_name}},</p>\n<p>{{company}}{{#if city}} in {{city}}{{/if}}. {{title|}}</p>"));
        QTRY_VERIFY(check->text().startsWith(QStringLiteral("✓")));
        // The preview for the lead: escaped, the text made from the HTML, the empty variable said.
        leadChoice->setCurrentIndex(leadChoice->findData(lead->value(QStringLiteral("id")).toInteger()));
        QVERIFY(leadChoice->currentIndex() > 0);
        QTRY_VERIFY(child<QLabel>(&page, "templatePreviewSubject")->text().contains(QLatin1String("Hi Bo")));
        QVERIFY(child<QLabel>(&page, "templatePreviewSubject")->text().contains(QLatin1String("lead.title")));
        const QString text = child<QPlainTextEdit>(&page, "templatePreviewText")->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Bo's Buns & Rolls in Dallas.")), qPrintable(text));
        QVERIFY2(child<QTextBrowser>(&page, "templatePreviewHtml")->toHtml().contains(QLatin1String("Bo's Buns &amp; Rolls")),
                 qPrintable(child<QTextBrowser>(&page, "templatePreviewHtml")->toHtml()));

        // A variable from the list goes where the user was typing.
        QTest::mouseClick(subject, Qt::LeftButton);
        subject->end(false);
        auto *variables = child<QListWidget>(&page, "templateVariables");
        const auto found = variables->findItems(QStringLiteral("company"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        Q_EMIT variables->itemDoubleClicked(found.first());
        QCOMPARE(subject->text(), QStringLiteral("Hi {{first_name}}{{company}}"));

        // Saved (Ctrl+S), listed; duplicated; deleted.
        QTest::keySequence(&page, QKeySequence::Save);
        QCOMPARE(message->text(), QStringLiteral("Saved."));
        QCOMPARE(m_engine->templates().list()->size(), 1);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("First touch"));
        QTest::mouseClick(child<QPushButton>(&page, "templateDuplicate"), Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("First touch (copy)")), qPrintable(message->text()));
        QCOMPARE(m_engine->templates().list()->size(), 2);
        QCOMPARE(name->text(), QStringLiteral("First touch (copy)"));
        if (const QString dir = qEnvironmentVariable("FLIPTECH_TEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(page.grab().save(dir + QStringLiteral("/templates.png")));
        // Searching narrows the list.
        QTest::keyClicks(child<QLineEdit>(&page, "templatesSearch"), QStringLiteral("copy"));
        QCOMPARE(list->count(), 1);
    }

    // A test of the saved template, sent through a real SMTP server from a sender account.
    void sendATest()
    {
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        QVERIFY(m_engine->senders()
                    .create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Relay")}, {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                     {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("smtp_port"), int(sink.port())},
                                                     {QStringLiteral("smtp_security"), QStringLiteral("none")}})
                    .ok());
        QVERIFY(m_engine->templates().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Aaa test me")},
                                                                      {QStringLiteral("subject"), QStringLiteral("Hello {{first_name|there}}")},
                                                                      {QStringLiteral("body_text"), QStringLiteral("Plain words.")}})
                    .ok());
        ui::TemplatesPage page(m_engine->templates(), m_engine->leads(), leads::Actor::system(), nullptr, &m_engine->senders());
        page.show();
        auto *list = child<QListWidget>(&page, "templatesList");
        list->setCurrentRow(0); // "Aaa test me", first by name
        QCOMPARE(child<QLineEdit>(&page, "templateName")->text(), QStringLiteral("Aaa test me"));
        QTest::keyClicks(child<QLineEdit>(&page, "templateTestTo"), QStringLiteral("me@studio.example"));
        QTest::mouseClick(child<QPushButton>(&page, "templateTestSend"), Qt::LeftButton);
        auto *message = child<QLabel>(&page, "templateMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Test sent")), 15000);
        QTRY_COMPARE(sink.messages().size(), 1);
        QVERIFY2(sink.messages().first().contains("Subject: [Test] Hello Ann\r\n"), sink.messages().first().constData());
    }
};

QTEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
