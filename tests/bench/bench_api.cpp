// HTTP API benchmarks against a real `fliptech --headless` (SQLite), with wrk:
//  1. GET /api/v1/auth/me with a Bearer token, wrk -t2 -c50 -d10s: req/s and p99
//     (target >= 15,000 req/s, p99 < 10 ms);
//  2. logins with argon2id: logins/s with 2 concurrent clients (target >= 10 per core);
//  3. /auth/me p99 while 20 logins/s run (hashing must not stall other requests).
#include "benchhttp.h"

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


int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    bench::HeadlessServer server;
    if (!server.start(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bench.db"))))
        return 1;
    const quint16 port = server.port();
    const QByteArray token = server.token();
    const QByteArray loginBody = server.loginBody();
    auto request = [](quint16 p, const QByteArray &m, const QByteArray &path, const QByteArray &body) { return bench::httpRequest(p, m, path, body); };

    const bench::WrkResult me = bench::runWrk(port, QStringLiteral("/api/v1/auth/me"), token, 10);

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
    const bench::WrkResult during = bench::runWrk(port, QStringLiteral("/api/v1/auth/me"), token, 10);
    stop = true;
    paced->wait();
    delete paced;

    std::printf("| measurement | result |\n|---|---|\n");
    std::printf("| GET /auth/me, wrk -t2 -c50 -d10s | %.0f req/s, p50 %s, p99 %s |\n", me.rps, qPrintable(me.p50), qPrintable(me.p99));
    std::printf("| logins (argon2id m=19 MiB t=2), 2 clients, 5 s | %.1f logins/s |\n", loginsPerSecond);
    std::printf("| GET /auth/me during 20 logins/s (%d logins done) | %.0f req/s, p50 %s, p99 %s |\n", logins.load(), during.rps,
                qPrintable(during.p50), qPrintable(during.p99));
    return 0;
}
