// The fliptech executable as a user runs it: options, clear one-line errors, exit codes,
// nothing half-written, the headless server and its graceful stop.
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fliptech;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Child processes keep their data (the secrets file) in a throwaway folder, never the user's.
QProcessEnvironment isolated(QProcessEnvironment e = QProcessEnvironment::systemEnvironment())
{
    static QTemporaryDir home;
    e.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    e.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return e;
}

Run run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    QProcessEnvironment e = isolated(env);
    e.remove(QStringLiteral("DISPLAY"));
    e.remove(QStringLiteral("WAYLAND_DISPLAY"));
    e.remove(QStringLiteral("QT_QPA_PLATFORM"));
    e.remove(QStringLiteral("DATABASE_URL"));
    p.setProcessEnvironment(e);
    p.start(test::fliptechBinary(), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

// The user-facing error is exactly one line starting "fliptech:" (log lines aside).
QByteArray errorLine(const QByteArray &err)
{
    QByteArrayList lines;
    for (const QByteArray &l : err.split('\n'))
        if (l.startsWith("fliptech:"))
            lines << l;
    return lines.size() == 1 ? lines.first() : QByteArray("<" + QByteArray::number(lines.size()) + " error lines>");
}

QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
    QByteArray all;
    while (s.waitForReadyRead(3000))
        all += s.readAll();
    return all;
}
} // namespace

class TestCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("FlipTech Pro " FLIPTECH_VERSION));
    }

    void helpListsTheOptions()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *opt : {"--headless", "--database", "--listen", "--migrate", "--version"})
            QVERIFY2(r.out.contains(opt), opt);
    }

    void badInputIsOneClearLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("bad url") << QStringList{QStringLiteral("--headless"), QStringLiteral("--database"), QStringLiteral("mysql://x/y")}
                                 << 2 << QByteArray("not understood");
        QTest::newRow("relative sqlite") << QStringList{QStringLiteral("--migrate"), QStringLiteral("--database"), QStringLiteral("sqlite://rel.db")}
                                         << 2 << QByteArray("absolute");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("localhost")}
                                    << 2 << QByteArray("HOST:PORT");
        QTest::newRow("lan without tls") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}
                                         << 2 << QByteArray("--allow-insecure-lan");
        QTest::newRow("tls key alone") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                      QStringLiteral("--tls-key"), QStringLiteral("/nonexistent/key.pem")}
                                       << 2 << QByteArray("go together");
        QTest::newRow("tls unreadable") << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                       QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent/cert.pem"), QStringLiteral("--tls-key"),
                                                       QStringLiteral("/nonexistent/key.pem")}
                                        << 2 << QByteArray("TLS certificate /nonexistent/cert.pem");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << 2 << QByteArray("frobnicate");
        QTest::newRow("bad workers") << QStringList{QStringLiteral("--headless"), QStringLiteral("--workers"), QStringLiteral("many")}
                                     << 2 << QByteArray("--workers");
        QTest::newRow("unreachable server")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"),
                           QStringLiteral("postgresql://nobody@127.0.0.1:%1/none").arg(test::freePort())}
            << 3 << QByteArray("cannot connect to PostgreSQL");
    }
    void badInputIsOneClearLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, mentions);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        const QByteArray line = errorLine(r.err);
        QVERIFY2(line.contains(mentions), r.err.constData());
    }

    void badHttpThreadsIsOneClearLine()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLIPTECH_HTTP_THREADS"), QStringLiteral("lots"));
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(errorLine(r.err).contains("FLIPTECH_HTTP_THREADS"), r.err.constData());
    }

    void badProxyIsOneClearLine()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLIPTECH_PROXY"), QStringLiteral("http://ok.example:3128, gopher://old.example:70"));
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(errorLine(r.err).contains("proxy \"gopher://old.example:70\""), r.err.constData());
        QVERIFY2(errorLine(r.err).contains("FLIPTECH_PROXY"), r.err.constData());
    }

    void portInUseWritesNothing()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("new.db"));
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--database"), QStringLiteral("sqlite://") + db,
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(busy.serverPort())});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(errorLine(r.err).contains("cannot listen on 127.0.0.1"), r.err.constData());
        QVERIFY(!QFileInfo::exists(db));
    }

    void migrateThenRefuseANewerSchema()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        const QString url = tmp.url().toString();
        Run r = run({QStringLiteral("--migrate"), QStringLiteral("--database"), url});
        QCOMPARE(r.exitCode, 0);
        // "... schema version N (N migrations applied)": every migration ran on the empty database.
        static const QRegularExpression re(QStringLiteral("schema version (\\d+) \\((\\d+) migrations? applied\\)"));
        const auto m = re.match(QString::fromUtf8(r.out));
        QVERIFY2(m.hasMatch(), r.out.constData());
        QCOMPARE(m.captured(1), m.captured(2));
        QVERIFY(m.captured(1).toInt() >= 2);
        r = run({QStringLiteral("--migrate"), QStringLiteral("--database"), url});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("(0 migrations applied)"), r.out.constData());

        auto db = storage::Database::open(tmp.url());
        QVERIFY(db.ok());
        const int before = (*db)->selectOne(QStringLiteral("SELECT count(*) FROM schema_migrations"))->value(0).toInt();
        QVERIFY((*db)->execute(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (2000, 'later')")).ok());
        r = run({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), url});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(errorLine(r.err).contains("newer than this FlipTech Pro"), r.err.constData());
        auto count = (*db)->selectOne(QStringLiteral("SELECT count(*) FROM schema_migrations"));
        QCOMPARE(count->value(0).toInt(), before + 1); // nothing was applied or removed
    }

    void databaseUrlFromTheEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("from-env.db"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLIPTECH_DATABASE_URL"), QStringLiteral("sqlite://") + path);
        const Run r = run({QStringLiteral("--migrate")}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(path));
    }

    void headlessServesAndStopsGracefully_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void headlessServesAndStopsGracefully()
    {
        QFETCH(int, signal);
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        const quint16 port = test::freePort();
        QProcess p;
        QProcessEnvironment env = isolated();
        env.remove(QStringLiteral("DATABASE_URL"));
        p.setProcessEnvironment(env);
        p.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), tmp.url().toString(),
                                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || p.state() != QProcess::Running, 20000);
        const QByteArray banner = p.readLine();
        QVERIFY2(banner.contains(QByteArray("listening on http://127.0.0.1:" + QByteArray::number(port))), banner.constData());
        const QByteArray health = httpGet(port, "/api/v1/health");
        QVERIFY2(health.startsWith("HTTP/1.1 200"), health.constData());
        QVERIFY(health.contains("\"schema_version\":"));
        QVERIFY(health.contains("\"status\":\"ok\""));
        ::kill(pid_t(p.processId()), signal);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(httpGet(port, "/api/v1/health").isEmpty()); // the port is free again
    }

    // A desktop told to stop (logging out, `kill`) while its first-run wizard waits for the user
    // closes as it does from the window: at once, exit code 0, and the next start finds no
    // unexpected end (the session marker is gone).
    void desktopStopsOnASignalDuringTheWizard()
    {
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fliptech.storage.info=true")); // the migrations say when they are done
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DATABASE_URL"));
        env.remove(QStringLiteral("FLIPTECH_DATABASE_URL"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        // A new SQLite file: no users, so the wizard opens (after the migrations, which it logs).
        p.start(test::fliptechBinary(), {QStringLiteral("--database"), QStringLiteral("sqlite://") + home.filePath(QStringLiteral("fresh.db"))});
        QVERIFY(p.waitForStarted());
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += p.readAll()).contains("analytics_changes") || p.state() != QProcess::Running, 30000);
        QVERIFY2(p.state() == QProcess::Running, log.constData());
        const QString marker = home.filePath(QStringLiteral("data/FlipTech/fliptech/session.lock"));
        QVERIFY2(QFileInfo::exists(marker), qPrintable(marker));
        QTest::qWait(1500); // the wizard's own loop is running
        ::kill(pid_t(p.processId()), SIGTERM);
        const bool finished = p.waitForFinished(15000);
        if (!finished)
            p.kill();
        QVERIFY2(finished, "the desktop did not stop on SIGTERM while its wizard was open");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!QFileInfo::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
