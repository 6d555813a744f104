// Settings → Application (issue 14): language, theme and tray messages for this user, and the
// settings file of the next start — the database (a local file, or a shared PostgreSQL whose
// password goes to the keychain, never the file; switching asks first and copies nothing), the
// API server (its TLS files checked), the proxy and the log detail — saved and read back; bad fields refused with what to fix; the
// connection test against a real PostgreSQL (and a closed port); the language switch loads the
// embedded .qm files; the dark theme darkens the palette and lightens the icons.
#include "fliptech/core/config.h"
#include "fliptech/net/connectionsettings.h"
#include "fliptech/ui/appsettings.h"
#include "fliptech/ui/icons.h"
#include "memorysecretstore.h"
#include "testenv.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fliptech;

class TestAppSettings final : public QObject
{
    Q_OBJECT
    test::MemorySecretStore m_secrets;
    const storage::DatabaseUrl m_current = storage::DatabaseUrl::sqliteFile(QStringLiteral("/tmp/current.db"));

    static QSettings program() { return QSettings(core::settingsFilePath(), QSettings::IniFormat); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlipTechTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appsettings"));
        // "system" is the platform's light look here, whatever this machine's desktop says.
        qputenv("GTK_THEME", "Adwaita");
    }
    void init()
    {
        QSettings().clear();
        QFile::remove(core::settingsFilePath());
        (void)m_secrets.remove(QString::fromLatin1(ui::kDatabasePasswordSecret));
    }

    void savedAndReadBack()
    {
        {
            ui::ApplicationSettings page(m_secrets, m_current);
            page.language()->setCurrentIndex(page.language()->findData(QStringLiteral("de")));
            page.theme()->setCurrentIndex(page.theme()->findData(QStringLiteral("light")));
            page.databaseFile()->setText(QStringLiteral("/tmp/current.db"));
            page.apiOn()->setChecked(true);
            page.apiAddress()->setText(QStringLiteral("127.0.0.1:9494"));
            QVERIFY2(page.save(), qPrintable(page.message()));
        }
        QCOMPARE(ui::preferredLanguage(), QStringLiteral("de"));
        QCOMPARE(ui::preferredTheme(), QStringLiteral("light"));
        QCOMPARE(program().value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:9494"));
        QCOMPARE(program().value(QStringLiteral("database_url")).toString(), QStringLiteral("sqlite:///tmp/current.db"));
        // What the program reads at start (core::Config over the same file).
        core::Config config;
        config.loadSettingsFile(core::settingsFilePath());
        QCOMPARE(config.value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:9494"));
        ui::ApplicationSettings again(m_secrets, m_current);
        QCOMPARE(again.language()->currentData().toString(), QStringLiteral("de"));
        QCOMPARE(again.apiAddress()->text(), QStringLiteral("127.0.0.1:9494"));
        QVERIFY(again.apiOn()->isChecked());
        // Off: the key goes, so the next start serves nothing.
        again.apiOn()->setChecked(false);
        QVERIFY(again.save());
        QVERIFY(!program().contains(QStringLiteral("listen")));
        ui::applyTheme(QStringLiteral("system"));
    }

    void withoutASettingsFileTheDatabaseInUseIsShown()
    {
        // Started with --database (nothing in the settings file): saving the language must not
        // move the user to the default database.
        ui::ApplicationSettings page(m_secrets, m_current);
        QCOMPARE(page.databaseFile()->text(), QStringLiteral("/tmp/current.db"));
        bool asked = false;
        page.setConfirm([&](const QString &) { return asked = true; });
        page.language()->setCurrentIndex(page.language()->findData(QStringLiteral("es")));
        QVERIFY(page.save());
        QVERIFY(!asked);
        QCOMPARE(program().value(QStringLiteral("database_url")).toString(), QStringLiteral("sqlite:///tmp/current.db"));
        const storage::DatabaseUrl shared = *storage::DatabaseUrl::parse(QStringLiteral("postgresql://sam:pw@db.example:5432/team"));
        QFile::remove(core::settingsFilePath());
        ui::ApplicationSettings onShared(m_secrets, shared);
        QVERIFY(onShared.useShared()->isChecked());
        QCOMPARE(onShared.postgresUrl()->text(), QStringLiteral("postgresql://sam@db.example:5432/team")); // no password shown
    }

    void badFieldsAreRefused()
    {
        ui::ApplicationSettings page(m_secrets, m_current);
        page.apiOn()->setChecked(true);
        page.apiAddress()->setText(QStringLiteral("localhost"));
        QVERIFY(!page.save());
        QVERIFY(page.message().contains(QStringLiteral("host:port")));
        page.apiAddress()->setText(QStringLiteral("127.0.0.1:8484"));
        page.databaseFile()->setText(QStringLiteral("relative.db"));
        QVERIFY(!page.save());
        QVERIFY(page.message().contains(QStringLiteral("full path")));
        page.useShared()->setChecked(true);
        page.postgresUrl()->setText(QStringLiteral("mysql://x@y/z"));
        QVERIFY(!page.save());
        QVERIFY(!QFile::exists(core::settingsFilePath())); // nothing written by any of them
    }

    void tlsFilesAndProxy()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                                                  QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=fliptech.test")});
        if (!openssl.waitForStarted()) {
            if (test::postgresRequired()) // under scripts/test.sh, which installs openssl
                QFAIL("no openssl command to make a test certificate");
            QSKIP("no openssl command to make a test certificate");
        }
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        ui::ApplicationSettings page(m_secrets, m_current);
        page.apiOn()->setChecked(true);
        page.apiAddress()->setText(QStringLiteral("0.0.0.0:9443"));
        QVERIFY(!page.save()); // the network, in clear text
        QVERIFY2(page.message().contains(QStringLiteral("TLS certificate")), qPrintable(page.message()));
        page.tlsCertificate()->setText(cert);
        QVERIFY(!page.save());
        QVERIFY2(page.message().contains(QStringLiteral("both files")), qPrintable(page.message()));
        page.tlsKey()->setText(cert); // a certificate where the key goes
        QVERIFY(!page.save());
        QVERIFY2(page.message().contains(QStringLiteral("private key")), qPrintable(page.message()));
        page.tlsKey()->setText(key);
        for (const QString &bad : {QStringLiteral("ftp://proxy.example:21"), QStringLiteral("proxy.example:3128"), QStringLiteral("http://proxy.example:0"),
                                   QStringLiteral("http://ok.example:3128, socks5://"), QStringLiteral("http://proxy.example:3128/path")}) {
            page.proxy()->setText(bad);
            QVERIFY2(!page.save(), qPrintable(bad));
            QVERIFY2(page.message().contains(QStringLiteral("proxy")), qPrintable(page.message()));
        }
        QVERIFY(!QFile::exists(core::settingsFilePath())); // nothing written by any of them

        page.proxy()->setText(QStringLiteral("  http://proxy.example:3128,socks5h://user:pw@10.0.0.2:1080\n"));
        QVERIFY2(page.save(), qPrintable(page.message()));
        core::Config config;
        config.loadSettingsFile(core::settingsFilePath());
        QCOMPARE(config.value(QStringLiteral("listen")), QStringLiteral("0.0.0.0:9443"));
        QCOMPARE(config.value(QStringLiteral("tls_cert")), cert);
        QCOMPARE(config.value(QStringLiteral("tls_key")), key);
        QCOMPARE(config.value(QStringLiteral("proxy")), QStringLiteral("http://proxy.example:3128, socks5h://user:pw@10.0.0.2:1080"));
        auto proxies = net::parseProxyList(config.value(QStringLiteral("proxy")));
        QVERIFY(proxies.ok());
        QCOMPARE(proxies->size(), 2);
        QVERIFY(net::loadServerTls(config.value(QStringLiteral("tls_cert")), config.value(QStringLiteral("tls_key"))).ok());
        ui::ApplicationSettings again(m_secrets, m_current);
        QCOMPARE(again.tlsCertificate()->text(), cert);
        QCOMPARE(again.tlsKey()->text(), key);
        QCOMPARE(again.proxy()->text(), QStringLiteral("http://proxy.example:3128, socks5h://user:pw@10.0.0.2:1080"));
        // Cleared: the keys go (plain HTTP on this computer, no proxy).
        again.apiAddress()->setText(QStringLiteral("127.0.0.1:9443"));
        again.tlsCertificate()->clear();
        again.tlsKey()->clear();
        again.proxy()->clear();
        QVERIFY2(again.save(), qPrintable(again.message()));
        QVERIFY(!program().contains(QStringLiteral("tls_cert")));
        QVERIFY(!program().contains(QStringLiteral("tls_key")));
        QVERIFY(!program().contains(QStringLiteral("proxy")));
    }

    void switchingTheDatabaseAsksAndKeepsThePasswordOutOfTheFile()
    {
        ui::ApplicationSettings page(m_secrets, m_current);
        QStringList asked;
        bool answer = false;
        page.setConfirm([&](const QString &q) {
            asked << q;
            return answer;
        });
        page.useShared()->setChecked(true);
        page.postgresUrl()->setText(QStringLiteral("postgresql://sam@db.studio.example:5432/fliptech"));
        page.postgresPassword()->setText(QStringLiteral("s3cret-pw"));
        QVERIFY(!page.save()); // declined
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("Nothing is copied")));
        QVERIFY(asked.first().contains(QStringLiteral("/tmp/current.db")));
        QVERIFY(!QFile::exists(core::settingsFilePath()));
        QVERIFY(!m_secrets.read(QString::fromLatin1(ui::kDatabasePasswordSecret)));
        answer = true;
        QVERIFY2(page.save(), qPrintable(page.message()));
        const QString stored = program().value(QStringLiteral("database_url")).toString();
        QCOMPARE(stored, QStringLiteral("postgresql://sam@db.studio.example:5432/fliptech"));
        QFile file(core::settingsFilePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("s3cret-pw"));
        auto kept = m_secrets.read(QString::fromLatin1(ui::kDatabasePasswordSecret));
        QVERIFY(kept);
        QCOMPARE(*kept, QByteArray("s3cret-pw"));
        // Read back: the shared server is chosen, the password not shown.
        ui::ApplicationSettings again(m_secrets, m_current);
        QVERIFY(again.useShared()->isChecked());
        QCOMPARE(again.postgresUrl()->text(), stored);
        QVERIFY(again.postgresPassword()->text().isEmpty());
    }

    void connectionTestSaysWhatHappened()
    {
        ui::ApplicationSettings page(m_secrets, m_current);
        page.useShared()->setChecked(true);
        // A port nobody answers on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closed = probe.serverPort();
        probe.close();
        page.postgresUrl()->setText(QStringLiteral("postgresql://nobody@127.0.0.1:%1/none?connect_timeout=3").arg(closed));
        QSignalSpy tested(&page, &ui::ApplicationSettings::connectionTested);
        page.testConnection();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.first().at(0).toBool(), false);
        QVERIFY(!tested.first().at(1).toString().isEmpty());
        const QString pg = qEnvironmentVariable("FLIPTECH_TEST_PG_URL");
        if (pg.isEmpty()) {
            if (qEnvironmentVariable("FLIPTECH_TEST_REQUIRE_POSTGRES") == QLatin1String("1"))
                QFAIL("FLIPTECH_TEST_PG_URL is not set");
            QSKIP("no PostgreSQL to connect to (FLIPTECH_TEST_PG_URL)");
        }
        page.postgresUrl()->setText(pg);
        tested.clear();
        page.testConnection();
        QVERIFY(tested.wait(15000));
        QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
        QVERIFY(tested.first().at(1).toString().contains(QStringLiteral("PostgreSQL")));
    }

    void languageSwitchLoadsTheTranslations()
    {
        QCOMPARE(ui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::Pages", "Settings"), QStringLiteral("Einstellungen"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::MainWindow", "&Help"), QStringLiteral("&Hilfe"));
        QCOMPARE(ui::installTranslations(QStringLiteral("es")), QStringLiteral("es"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::Pages", "Settings"), QStringLiteral("Configuración")); // the sidebar and the messages say the same
        // Plurals have their forms.
        QCOMPARE(QCoreApplication::translate("fliptech::ui::NotificationBell", "%n unread notification(s)", nullptr, 1), QStringLiteral("1 notificación sin leer"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::NotificationBell", "%n unread notification(s)", nullptr, 3), QStringLiteral("3 notificaciones sin leer"));
        QCOMPARE(ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::Pages", "Settings"), QStringLiteral("Settings"));
        QCOMPARE(QCoreApplication::translate("fliptech::ui::NotificationBell", "%n unread notification(s)", nullptr, 1), QStringLiteral("1 unread notification"));
    }

    void darkThemeDarkensThePaletteAndLightensTheIcons()
    {
        ui::applyTheme(QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        const QImage icon = ui::appIcon(QStringLiteral("leads")).pixmap(32, 32).toImage();
        int light = 0;
        for (int y = 0; y < icon.height(); ++y)
            for (int x = 0; x < icon.width(); ++x)
                light += icon.pixelColor(x, y).alpha() > 128 && icon.pixelColor(x, y).lightness() > 180;
        QVERIFY(light > 20);
        ui::applyTheme(QStringLiteral("light"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        ui::applyTheme(QStringLiteral("system"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }

    // "system" follows a Linux desktop that prefers dark, which Qt 6.4 does not see itself.
    void systemThemeFollowsADarkDesktop()
    {
        qputenv("GTK_THEME", "Adwaita:dark");
        QVERIFY(ui::desktopPrefersDark());
        ui::applyTheme(QStringLiteral("system"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        ui::applyTheme(QStringLiteral("light")); // the user's choice wins
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        // KDE: the colour scheme in kdeglobals.
        qunsetenv("GTK_THEME");
        const QByteArray desktop = qgetenv("XDG_CURRENT_DESKTOP");
        qputenv("XDG_CURRENT_DESKTOP", "KDE");
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QVERIFY(QDir().mkpath(dir));
        const QString kdeglobals = dir + QStringLiteral("/kdeglobals");
        {
            QSettings kde(kdeglobals, QSettings::IniFormat);
            kde.setValue(QStringLiteral("General/ColorScheme"), QStringLiteral("BreezeDark"));
        }
        QVERIFY(ui::desktopPrefersDark());
        {
            QSettings kde(kdeglobals, QSettings::IniFormat);
            kde.setValue(QStringLiteral("General/ColorScheme"), QStringLiteral("BreezeLight"));
        }
        QVERIFY(!ui::desktopPrefersDark());
        QFile::remove(kdeglobals);
        qputenv("XDG_CURRENT_DESKTOP", desktop);
        qputenv("GTK_THEME", "Adwaita");
        QVERIFY(!ui::desktopPrefersDark());
        ui::applyTheme(QStringLiteral("system"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
