// HTTP API benchmarks against a real `fliptech --headless` (SQLite), with wrk:
//  1. GET /api/v1/auth/me with a Bearer token, wrk -t2 -c50 -d10s: req/s and p99
//     (target >= 15,000 req/s, p99 < 10 ms);
//  2. logins with argon2id: logins/s with 2 concurrent clients (target >= 10 per core);
//  3. /auth/me p99 while 20 logins/s run (hashing must not stall other requests).
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace fliptech;

namespace {
QByteArray request(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                   const QByteArray &token = {})
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(2000))
        return {};
    QByteArray req = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\nConnection: close\r\n";
    if (!token.isEmpty())
        req += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        req += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    s.write(req + "\r\n" + body);
    // QHttpServer 6.4 ignores "Connection: close": read exactly one response (Content-Length).
    QByteArray all;
    while (s.waitForReadyRead(5000)) {
        all += s.readAll();
        const qsizetype end = all.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const auto m = QRegularExpression(QStringLiteral("(?i)content-length:\\s*(\\d+)")).match(QString::fromLatin1(all.left(end)));
        if (!m.hasMatch() || all.size() >= end + 4 + m.captured(1).toLongLong())
            break;
    }
    return all;
}

QJsonObject jsonBody(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

struct WrkResult {
    double rps = 0;
    QString p50, p99;
};

WrkResult wrk(quint16 port, const QByteArray &token, int seconds)
{
    QProcess p;
    p.start(QStringLiteral("wrk"), {QStringLiteral("-t2"), QStringLiteral("-c50"), QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
                                    QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token),
                                    QStringLiteral("http://127.0.0.1:%1/api/v1/auth/me").arg(port)});
    p.waitForFinished(seconds * 1000 + 30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    WrkResult r;
    r.rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(out).captured(1).toDouble();
    r.p50 = QRegularExpression(QStringLiteral("\\s50%\\s+(\\S+)")).match(out).captured(1);
    r.p99 = QRegularExpression(QStringLiteral("\\s99%\\s+(\\S+)")).match(out).captured(1);
    if (out.contains(QStringLiteral("Non-2xx")))
        std::fprintf(stderr, "wrk saw errors:\n%s\n", qPrintable(out));
    return r;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bench.db"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("RATE_LIMIT_PER_MINUTE"), QStringLiteral("0"));
    env.insert(QStringLiteral("FLIPTECH_ADMIN_PASSWORD"), QStringLiteral("benchmark admin password"));
    QProcess admin;
    admin.setProcessEnvironment(env);
    admin.start(test::fliptechBinary(), {QStringLiteral("--create-admin"), QStringLiteral("bench@agency.example"), QStringLiteral("--database"), db});
    admin.waitForFinished(30000);
    const quint16 port = test::freePort();
    QProcess server;
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), db, QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:%1").arg(port)});
    server.waitForReadyRead(20000);
    const QByteArray loginBody = R"({"email":"bench@agency.example","password":"benchmark admin password"})";
    const QByteArray token = jsonBody(request(port, "POST", "/api/v1/auth/login", loginBody)).value(QStringLiteral("access_token")).toString().toLatin1();
    if (token.isEmpty()) {
        std::fprintf(stderr, "could not sign in\n");
        return 1;
    }

    const WrkResult me = wrk(port, token, 10);

    // Login throughput: 2 clients signing in back to back for 5 s.
    std::atomic<int> logins{0};
    std::atomic<bool> stop{false};
    auto loginLoop = [&](int perSecond) {
        QElapsedTimer t;
        t.start();
        int sent = 0;
        while (!stop.load()) {
            if (perSecond > 0) {
                const qint64 due = qint64(sent) * 1000 / perSecond;
                if (t.elapsed() < due) {
                    QThread::msleep(2);
                    continue;
                }
            }
            ++sent;
            if (request(port, "POST", "/api/v1/auth/login", loginBody).startsWith("HTTP/1.1 200"))
                ++logins;
        }
    };
    QElapsedTimer storm;
    storm.start();
    QThread *a = QThread::create(loginLoop, 0), *b = QThread::create(loginLoop, 0);
    a->start();
    b->start();
    QThread::sleep(5);
    stop = true;
    a->wait();
    b->wait();
    const double loginsPerSecond = logins.load() * 1000.0 / double(storm.elapsed());
    delete a;
    delete b;

    // /auth/me while 20 logins/s run.
    stop = false;
    logins = 0;
    QThread *paced = QThread::create(loginLoop, 20);
    paced->start();
    const WrkResult during = wrk(port, token, 10);
    stop = true;
    paced->wait();
    delete paced;

    std::printf("| measurement | result |\n|---|---|\n");
    std::printf("| GET /auth/me, wrk -t2 -c50 -d10s | %.0f req/s, p50 %s, p99 %s |\n", me.rps, qPrintable(me.p50), qPrintable(me.p99));
    std::printf("| logins (argon2id m=19 MiB t=2), 2 clients, 5 s | %.1f logins/s |\n", loginsPerSecond);
    std::printf("| GET /auth/me during 20 logins/s (%d logins done) | %.0f req/s, p50 %s, p99 %s |\n", logins.load(), during.rps,
                qPrintable(during.p50), qPrintable(during.p99));
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
