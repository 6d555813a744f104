// The real OS keychain (Secret Service through QtKeychain), as DESIGN.md asks: this test runs
// itself again inside a private D-Bus session with an unlocked gnome-keyring, and checks the
// file fallback outside it.
#include "fliptech/storage/secretstore.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fliptech;

class TestKeychain final : public QObject
{
    Q_OBJECT
    bool inside() const { return QCoreApplication::arguments().contains(QStringLiteral("--inside-keyring")); }

private Q_SLOTS:
    void withoutASessionBusSecretsGoToAnOwnerOnlyFile()
    {
        if (inside())
            QSKIP("outside-only");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QTemporaryDir dir;
        auto store = storage::openSecretStore(dir.path());
        QVERIFY(store->description().startsWith(QStringLiteral("file ")));
        QVERIFY(store->write(QStringLiteral("k"), "v").ok());
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("secrets.json"))));
    }

    void realKeychainRoundTrip()
    {
        if (!inside()) {
            const QString runner = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
            const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
            if (runner.isEmpty() || keyring.isEmpty()) {
                if (test::postgresRequired()) // i.e. under scripts/test.sh, which installs both
                    QFAIL("dbus-run-session and gnome-keyring-daemon are missing");
                QSKIP("no dbus-run-session/gnome-keyring-daemon here");
            }
            QTemporaryDir runtime, home;
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
            env.insert(QStringLiteral("HOME"), home.path());
            env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
            p.setProcessEnvironment(env);
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(runner, {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                             QStringLiteral("printf unlock | %1 --unlock --components=secrets >/dev/null 2>&1; exec \"$0\" --inside-keyring")
                                 .arg(keyring),
                             QCoreApplication::applicationFilePath()});
            QVERIFY(p.waitForFinished(120000));
            const QByteArray out = p.readAll();
            QVERIFY2(p.exitCode() == 0, out.constData());
            QVERIFY2(out.contains("PASS   : TestKeychain::realKeychainRoundTrip()"), out.constData());
            return;
        }
        storage::KeychainSecretStore keychain(QStringLiteral("FlipTech Pro test"), 10000);
        QVERIFY(keychain.isReachable());
        QCOMPARE(keychain.read(QStringLiteral("smtp-password")).error().code, core::ErrorCode::NotFound);
        QVERIFY(keychain.write(QStringLiteral("smtp-password"), QByteArray("p\0ss", 4)).ok());
        QCOMPARE(keychain.read(QStringLiteral("smtp-password")).value(), QByteArray("p\0ss", 4));
        QVERIFY(keychain.remove(QStringLiteral("smtp-password")).ok());
        QCOMPARE(keychain.read(QStringLiteral("smtp-password")).error().code, core::ErrorCode::NotFound);
        // With a keychain answering, nothing lands in a file.
        QTemporaryDir dir;
        auto store = storage::openSecretStore(dir.path());
        QCOMPARE(store->description(), QStringLiteral("keychain"));
        QVERIFY(store->readOrCreate(QStringLiteral("jwt-signing-key"), [] { return QByteArray(64, 'k'); }).ok());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("secrets.json"))));
        (void)store->remove(QStringLiteral("jwt-signing-key"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestKeychain t;
    QStringList args = app.arguments();
    args.removeAll(QStringLiteral("--inside-keyring"));
    return QTest::qExec(&t, args);
}

#include "tst_keychain.moc"
