// Cold start: `fliptech --headless` until /api/v1/health answers 200, median of 10
// (target < 300 ms on SQLite). Measured on a fresh database (includes creating the schema)
// and on an existing one.
#include "tempdatabase.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace fliptech;

namespace {
bool healthy(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(50))
        return false;
    s.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n\r\n");
    if (!s.waitForReadyRead(1000))
        return false;
    return s.readAll().startsWith("HTTP/1.1 200");
}

double startOnce(const QString &dbUrl)
{
    const quint16 port = test::freePort();
    QProcess p;
    static QTemporaryDir home; // the secrets file lands here, not in the user's data folder
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), dbUrl, QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(port)});
    double ms = -1;
    while (t.elapsed() < 10000) {
        if (healthy(port)) {
            ms = double(t.nsecsElapsed()) / 1e6;
            break;
        }
        QThread::usleep(500);
    }
    p.terminate();
    p.waitForFinished(10000);
    return ms;
}

void report(const char *what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("| %s | %.1f | %.1f | %.1f |\n", what, ms[ms.size() / 2], ms.first(), ms.last());
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("| SQLite database | median ms | min ms | max ms |\n|---|---|---|---|\n");
    QList<double> fresh, existing;
    QTemporaryDir dir;
    const QString shared = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("existing.db"));
    startOnce(shared); // creates it
    for (int i = 0; i < 10; ++i) {
        fresh << startOnce(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("fresh%1.db").arg(i)));
        existing << startOnce(shared);
    }
    report("fresh (creates the schema)", fresh);
    report("existing", existing);
    return 0;
}
