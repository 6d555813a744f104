// The Conversations page as a salesperson uses it, with a real IMAP server (Dovecot) and a real
// SMTP server (aiosmtpd): the empty inbox says what to do; Check mail reads the mailbox in the
// background and lists the threads with their unread counts and moods; opening one reads it and
// shows the lead beside it; a suggestion is written (the offline writer: no key), edited and
// approved, and goes out threaded; a template starts a reply that Ctrl+Return sends; Archive
// moves the thread away; a reply read by someone else (the sweep) appears without a click.
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/mail/message.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/inboxpage.h"
#include "imapserver.h"
#include "memorysecretstore.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace fliptech;

class TestInboxPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    test::SmtpSink m_sink;
    test::ImapServer m_imap;
    qint64 m_account = 0;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qFatal("no %s named '%s'", T::staticMetaObject.className(), name);
        return c;
    }
    static void click(QWidget *w, const char *name) { QTest::mouseClick(child<QPushButton>(w, name), Qt::LeftButton); }
    static bool waitIdle(ui::InboxPage &page)
    {
        return QTest::qWaitFor([&page] { return !page.busy(); }, 20000);
    }
    static QTreeWidgetItem *thread(ui::InboxPage &page, const QString &who)
    {
        auto *tree = child<QTreeWidget>(&page, "inboxThreads");
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(0).startsWith(who))
                return tree->topLevelItem(i);
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("OPENROUTER_API_KEY");
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        QVERIFY2(m_imap.start(QStringLiteral("sam"), QStringLiteral("secret")), qPrintable(m_imap.error()));
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
        const auto actor = leads::Actor::system();
        auto account = m_engine->senders().create(actor, {{QStringLiteral("name"), QStringLiteral("Sam")},
                                                          {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                          {QStringLiteral("from_name"), QStringLiteral("Sam Lee")},
                                                          {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                                          {QStringLiteral("smtp_port"), int(m_sink.port())},
                                                          {QStringLiteral("smtp_security"), QStringLiteral("none")},
                                                          {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")},
                                                          {QStringLiteral("imap_port"), int(m_imap.port())},
                                                          {QStringLiteral("imap_security"), QStringLiteral("none")},
                                                          {QStringLiteral("imap_username"), QStringLiteral("sam")},
                                                          {QStringLiteral("password"), QStringLiteral("secret")},
                                                          {QStringLiteral("min_gap_seconds"), 0}});
        QVERIFY2(account.ok(), account ? "" : qPrintable(account.error().message));
        m_account = account->value(QStringLiteral("id")).toInteger();
        QVERIFY(m_engine->templates()
                    .create(actor, {{QStringLiteral("name"), QStringLiteral("Price list")},
                                    {QStringLiteral("subject"), QStringLiteral("Prices")},
                                    {QStringLiteral("body_html"), QStringLiteral("<p>Hi {{first_name}}, our packages start at $1,900.</p>")}})
                    .ok());
        QVERIFY(m_engine->leads()
                    .create(actor, {{QStringLiteral("name"), QStringLiteral("Ann Baker")},
                                    {QStringLiteral("first_name"), QStringLiteral("Ann")},
                                    {QStringLiteral("company"), QStringLiteral("Ann's Bakery")},
                                    {QStringLiteral("email"), QStringLiteral("ann@bakery.example")},
                                    {QStringLiteral("website"), QStringLiteral("http://bakery.example/")},
                                    {QStringLiteral("website_analysis"),
                                     QJsonObject{{QStringLiteral("reachable"), true},
                                                 {QStringLiteral("https"), false},
                                                 {QStringLiteral("prospect"), QJsonObject{{QStringLiteral("score"), 77}}}}}})
                    .ok());
    }
    void cleanupTestCase() { m_engine.reset(); }

    void emptyInboxSaysWhatToDo()
    {
        ui::InboxPage page(*m_engine, leads::Actor::system());
        QCOMPARE(child<QLabel>(&page, "inboxTitle")->text(), QStringLiteral("No conversations yet"));
        QVERIFY(child<QTextBrowser>(&page, "inboxThread")->toPlainText().contains(QLatin1String("Check mail")));
        QVERIFY(!child<QPushButton>(&page, "inboxSend")->isEnabled());
    }

    void checkMailSuggestApproveReplyArchive()
    {
        QVERIFY(m_imap.deliver("From: Ann Baker <ann@bakery.example>\r\nTo: sam@studio.example\r\nSubject: New website\r\nMessage-ID: <ann-1@bakery.example>\r\n"
                               "Date: Tue, 1 Dec 2026 09:00:00 +0000\r\n\r\nWe're interested! What would a new website cost?\r\n"));
        QVERIFY(m_imap.deliver("From: bob@tiles.example\r\nTo: sam@studio.example\r\nSubject: Re: Tiles\r\nMessage-ID: <bob-1@tiles.example>\r\n"
                               "Date: Tue, 1 Dec 2026 08:00:00 +0000\r\n\r\nNot interested, sorry.\r\n"));
        ui::InboxPage page(*m_engine, leads::Actor::system());
        page.resize(1400, 900);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page)); // for the shortcuts
        QVERIFY(page.checkMail());
        QVERIFY(child<QPushButton>(&page, "inboxCancel")->isVisible());
        QVERIFY(!child<QPushButton>(&page, "inboxCheck")->isEnabled());
        QVERIFY(waitIdle(page));
        QVERIFY2(child<QLabel>(&page, "inboxMessage")->text().contains(QLatin1String("2 new message")), qPrintable(child<QLabel>(&page, "inboxMessage")->text()));
        auto *tree = child<QTreeWidget>(&page, "inboxThreads");
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTreeWidgetItem *bob = thread(page, QStringLiteral("bob@tiles.example"));
        QVERIFY(bob);
        QVERIFY(bob->text(1).contains(QLatin1String("Negative")));
        // The newest is opened (and so read); the other still shows its unread count in bold.
        QTreeWidgetItem *ann = thread(page, QStringLiteral("Ann Baker"));
        QVERIFY(ann);
        QVERIFY(ann->text(1).contains(QLatin1String("Positive")));
        QCOMPARE(page.currentId(), ann->data(0, Qt::UserRole).toLongLong());
        QVERIFY(bob->text(0).startsWith(QLatin1String("bob@tiles.example (1)\nRe: Tiles")));
        QVERIFY(bob->font(0).bold());
        const qint64 annId = *page.currentId();
        QCOMPARE(m_engine->conversations().get(annId)->value(QStringLiteral("unread_count")).toInt(), 0);
        QCOMPARE(child<QLabel>(&page, "inboxTitle")->text(), QStringLiteral("New website"));
        QVERIFY(child<QTextBrowser>(&page, "inboxThread")->toPlainText().contains(QLatin1String("What would a new website cost?")));
        QVERIFY(child<QTextBrowser>(&page, "inboxLead")->toPlainText().contains(QLatin1String("Prospect score 77")));
        QVERIFY(child<QTextBrowser>(&page, "inboxLead")->toPlainText().contains(QLatin1String("Ann's Bakery")));
        QCOMPARE(child<QComboBox>(&page, "inboxAccount")->currentData().toLongLong(), m_account);

        // A suggestion (the offline writer: no key), edited, approved: it goes out threaded.
        click(&page, "inboxSuggest");
        QVERIFY(waitIdle(page));
        auto *suggestion = child<QPlainTextEdit>(&page, "inboxSuggestion");
        QVERIFY2(!suggestion->toPlainText().isEmpty(), qPrintable(child<QLabel>(&page, "inboxMessage")->text()));
        QVERIFY(child<QLabel>(&page, "inboxSuggestionAbout")->text().contains(QLatin1String("offline writer")));
        QCOMPARE(m_sink.count(), 0); // nothing sent before approval
        suggestion->setPlainText(QStringLiteral("Hi Ann, a new site starts at $1,900. Shall we talk on Thursday?"));
        click(&page, "inboxApprove");
        QVERIFY(waitIdle(page));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.count(), 1, 10000);
        auto sent = mail::parseMessage(m_sink.messages().first());
        QVERIFY(sent);
        QVERIFY(sent->text.startsWith(QStringLiteral("Hi Ann, a new site starts at $1,900.")));
        QCOMPARE(sent->inReplyTo, QStringLiteral("ann-1@bakery.example"));
        QCOMPARE(sent->subject, QStringLiteral("Re: New website"));
        QVERIFY(suggestion->toPlainText().isEmpty());
        QVERIFY(child<QTextBrowser>(&page, "inboxThread")->toPlainText().contains(QLatin1String("Shall we talk on Thursday?")));

        // A template starts the reply ({{first_name}} filled in); Ctrl+Return sends it.
        auto *templates = child<QComboBox>(&page, "inboxTemplate");
        const int priceList = templates->findText(QStringLiteral("Price list"));
        QVERIFY(priceList > 0);
        QMetaObject::invokeMethod(templates, "activated", Q_ARG(int, priceList));
        auto *reply = child<QPlainTextEdit>(&page, "inboxReply");
        QCOMPARE(reply->toPlainText(), QStringLiteral("Hi Ann, our packages start at $1,900."));
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(waitIdle(page));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.count(), 2, 10000);
        QVERIFY(reply->toPlainText().isEmpty());
        QVERIFY2(child<QLabel>(&page, "inboxMessage")->text().contains(QLatin1String("Sent to ann@bakery.example")), qPrintable(child<QLabel>(&page, "inboxMessage")->text()));
        // An empty reply is not sent: it says what to do.
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(child<QLabel>(&page, "inboxMessage")->text(), QStringLiteral("Write the reply first."));

        // Archive: gone from the active threads.
        click(&page, "inboxArchive");
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(m_engine->conversations().get(annId)->value(QStringLiteral("status")).toString(), QStringLiteral("archived"));
        child<QComboBox>(&page, "inboxFilter")->setCurrentText(QStringLiteral("Archived"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(thread(page, QStringLiteral("Ann Baker")));
        child<QComboBox>(&page, "inboxFilter")->setCurrentText(QStringLiteral("Active"));

        // Read elsewhere (the sweep): the new thread shows without a click.
        QVERIFY(m_imap.deliver("From: cy@cafe.example\r\nTo: sam@studio.example\r\nSubject: Hello\r\nMessage-ID: <cy-1@cafe.example>\r\n\r\n"
                               "Can we schedule a call?\r\n"));
        QVERIFY(m_engine->conversations().syncInbox(m_account).ok());
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 2, 5000);
        QVERIFY(thread(page, QStringLiteral("cy@cafe.example")));
    }
};

QTEST_MAIN(TestInboxPage)
#include "tst_inboxpage.moc"
