// The first-run wizard end to end (issue 14), as a new user clicks through it: welcome, this
// computer's database, the administrator (short and mismatched passwords refused, the page
// stays), the AI key (stored in the keychain), done with what to do first; signed in and
// remembered. The team's PostgreSQL: a wrong address is said and the page stays; a real server
// is tested, written to the settings file (its password to the keychain) and ends the wizard
// with a restart.
#include "fliptech/ai/aiservice.h"
#include "fliptech/core/config.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/appsettings.h"
#include "fliptech/ui/firstrunwizard.h"
#include "fliptech/ui/signindialogs.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace fliptech;

class TestFirstRunWizard final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;

    template <typename T = QLineEdit>
    static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QString::fromLatin1(name));
        FT_EXPECT(c, name);
        return c;
    }
    static void type(QWidget *w, const char *name, const QString &text)
    {
        auto *e = child(w, name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    static void next(QWizard &w) { QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlipTechTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_firstrunwizard"));
    }
    void init()
    {
        QFile::remove(core::settingsFilePath());
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

    void aNewUserGoesThroughOnThisComputer()
    {
        ui::FirstRunWizard w(*m_engine);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Welcome));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Data));
        QVERIFY(child<QRadioButton>(&w, "useLocal")->isChecked()); // the default needs nothing
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Account));
        type(&w, "email", QStringLiteral("owner@agency.example"));
        type(&w, "name", QStringLiteral("Owner"));
        type(&w, "password", QStringLiteral("short"));
        type(&w, "confirm", QStringLiteral("short"));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Account)); // refused, still here
        QVERIFY2(child<QLabel>(&w, "error")->text().contains(QStringLiteral("at least 10")), qPrintable(child<QLabel>(&w, "error")->text()));
        type(&w, "password", QStringLiteral("a long enough password"));
        type(&w, "confirm", QStringLiteral("a long enough passwort"));
        next(w);
        QVERIFY(child<QLabel>(&w, "error")->text().contains(QStringLiteral("differ")));
        QCOMPARE(m_engine->auth().hasUsers().value(), false);
        type(&w, "confirm", QStringLiteral("a long enough password"));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Integrations));
        QCOMPARE(m_engine->auth().hasUsers().value(), true);
        type(&w, "aiKey", QStringLiteral("sk-or-test-key"));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Done));
        const QString summary = child<QLabel>(&w, "summary")->text();
        QVERIFY(summary.contains(QStringLiteral("owner@agency.example")));
        QVERIFY(summary.contains(QStringLiteral("Import CSV")));
        QVERIFY(summary.contains(QStringLiteral("Run a scrape")));
        QTest::mouseClick(w.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(w.result(), int(QDialog::Accepted));
        QVERIFY(!w.restartRequired());
        QCOMPARE(w.createdUser()->role, auth::Role::Admin);
        // Signed in at once, remembered, and the AI key is in the keychain.
        QVERIFY(w.session().has_value());
        QCOMPARE(m_engine->auth().authenticate(w.session()->accessToken)->email, QStringLiteral("owner@agency.example"));
        QVERIFY(ui::SignInDialog::resume(m_engine->auth(), m_secrets).has_value());
        auto key = m_secrets.read(ai::AiService::secretKey);
        QVERIFY(key);
        QCOMPARE(*key, QByteArray("sk-or-test-key"));
        QVERIFY(m_engine->ai().online());
        QVERIFY(!QFile::exists(core::settingsFilePath())); // this computer's database: nothing to write
    }

    void theTeamsDatabaseIsTestedThenTheProgramStartsAgainOnIt()
    {
        ui::FirstRunWizard w(*m_engine);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        next(w);
        child<QRadioButton>(&w, "useShared")->click();
        QVERIFY(child<QRadioButton>(&w, "useShared")->isChecked());
        type(&w, "postgresUrl", QStringLiteral("mysql://nope@host/db"));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Data));
        QVERIFY(child<QLabel>(&w, "dataError")->text().contains(QStringLiteral("postgresql://")));
        // Nobody answers there: said, the page stays.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closed = probe.serverPort();
        probe.close();
        type(&w, "postgresUrl", QStringLiteral("postgresql://nobody@127.0.0.1:%1/none?connect_timeout=3").arg(closed));
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Data));
        QVERIFY(child<QLabel>(&w, "dataError")->text().startsWith(QStringLiteral("Could not connect")));
        QVERIFY(!QFile::exists(core::settingsFilePath()));
        const QString pg = qEnvironmentVariable("FLIPTECH_TEST_PG_URL");
        if (pg.isEmpty()) {
            if (qEnvironmentVariable("FLIPTECH_TEST_REQUIRE_POSTGRES") == QLatin1String("1"))
                QFAIL("FLIPTECH_TEST_PG_URL is not set");
            QSKIP("no PostgreSQL to connect to (FLIPTECH_TEST_PG_URL)");
        }
        auto url = storage::DatabaseUrl::parse(pg);
        QVERIFY(url);
        storage::DatabaseUrl withoutPassword = *url;
        withoutPassword.password.clear();
        type(&w, "postgresUrl", withoutPassword.toString());
        type(&w, "postgresPassword", url->password.isEmpty() ? QStringLiteral("unused") : url->password);
        next(w);
        QCOMPARE(w.currentId(), int(ui::FirstRunWizard::Done)); // no account here: the team's database has its own
        QVERIFY(child<QLabel>(&w, "summary")->text().contains(QStringLiteral("starts again")));
        QTest::mouseClick(w.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(w.restartRequired());
        QVERIFY(!w.createdUser().has_value());
        QSettings program(core::settingsFilePath(), QSettings::IniFormat);
        QCOMPARE(program.value(QStringLiteral("database_url")).toString(), withoutPassword.toString());
        QVERIFY(m_secrets.read(QString::fromLatin1(ui::kDatabasePasswordSecret)));
        QCOMPARE(m_engine->auth().hasUsers().value(), false); // nothing made in this computer's file
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
