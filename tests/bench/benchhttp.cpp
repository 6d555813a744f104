#include "benchhttp.h"

#include <QElapsedTimer>
#include <QFile>

#include "testenv.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

#include <algorithm>
#include <cstdio>

namespace fliptech::bench {

QByteArray httpRequest(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body, const QByteArray &token)
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
    while (s.waitForReadyRead(30000)) {
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

qint64 envCount(const char *name, qint64 fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariable(name).toLongLong() : fallback;
}

QJsonObject jsonBody(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

WrkResult runWrk(quint16 port, const QString &path, const QByteArray &token, int seconds, const QByteArray &luaScript, int connections)
{
    QStringList args{QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"), QStringLiteral("--timeout"), QStringLiteral("60s"),
                     QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token)};
    // Every run gets a script whose done() prints the percentiles wrk's --latency table lacks.
    QTemporaryDir dir;
    const QByteArray script = luaScript + R"(
function done(summary, latency, requests)
  io.write(string.format("FIGURES %d %d %d %d\n", latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests))
end
)";
    QFile scriptFile(dir.filePath(QStringLiteral("requests.lua")));
    if (!scriptFile.open(QIODevice::WriteOnly) || scriptFile.write(script) != script.size())
        return {};
    scriptFile.close();
    args << QStringLiteral("-s") << scriptFile.fileName();
    args << QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path);
    QProcess p;
    p.start(QStringLiteral("wrk"), args);
    p.waitForFinished(seconds * 1000 + 30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    WrkResult r;
    r.rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(out).captured(1).toDouble();
    r.p50 = QRegularExpression(QStringLiteral("\\s50%\\s+(\\S+)")).match(out).captured(1);
    r.p99 = QRegularExpression(QStringLiteral("\\s99%\\s+(\\S+)")).match(out).captured(1);
    const auto figures = QRegularExpression(QStringLiteral("FIGURES (\\d+) (\\d+) (\\d+) (\\d+)")).match(out);
    r.p50Ms = figures.captured(1).toDouble() / 1000.0;
    r.p95Ms = figures.captured(2).toDouble() / 1000.0;
    r.p99Ms = figures.captured(3).toDouble() / 1000.0;
    r.requests = figures.captured(4).toLongLong();
    r.errors = out.contains(QStringLiteral("Non-2xx")) || out.contains(QStringLiteral("Socket errors"));
    if (r.errors)
        std::fprintf(stderr, "wrk saw errors:\n%s\n", qPrintable(out));
    return r;
}

qint64 procStatusKiB(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith(key)) {
            const QByteArray v = l.mid(qstrlen(key)).trimmed();
            return v.left(v.indexOf(' ')).toLongLong();
        }
    return -1;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin<qsizetype>(v.size() - 1, qsizetype(p * v.size())));
}

double psqlCopy(const QString &databaseUrl, const QString &table, const QString &csv)
{
    QProcess psql;
    const QString copy = QStringLiteral("\\copy %1 (name, company, email, phone, website, address, city, region, postal_code, country, "
                                        "category, status, score, description) FROM '%2' WITH (FORMAT csv, HEADER true)").arg(table, csv);
    QElapsedTimer t;
    t.start();
    psql.start(QStringLiteral("psql"), {databaseUrl, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q"), QStringLiteral("-c"), copy});
    psql.waitForFinished(-1);
    if (psql.exitCode() != 0) {
        std::fprintf(stderr, "psql \\copy failed: %s\n", psql.readAllStandardError().constData());
        return -1;
    }
    return t.elapsed() / 1000.0;
}

HeadlessServer::HeadlessServer() = default;

HeadlessServer::~HeadlessServer()
{
    stop();
}

QByteArray HeadlessServer::loginBody() const
{
    return R"({"email":"bench@agency.example","password":"benchmark admin password"})";
}

bool HeadlessServer::start(const QString &db, int rateLimitPerMinute)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("RATE_LIMIT_PER_MINUTE"), QString::number(rateLimitPerMinute));
    env.insert(QStringLiteral("FLIPTECH_ADMIN_PASSWORD"), QStringLiteral("benchmark admin password"));
    QProcess admin;
    admin.setProcessEnvironment(env);
    admin.start(test::fliptechBinary(), {QStringLiteral("--create-admin"), QStringLiteral("bench@agency.example"), QStringLiteral("--database"), db});
    admin.waitForFinished(120000);
    m_port = test::freePort();
    m_server.setProcessEnvironment(env);
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), db, QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:%1").arg(m_port)});
    m_server.waitForReadyRead(60000);
    m_token = jsonBody(httpRequest(m_port, "POST", "/api/v1/auth/login", loginBody())).value(QStringLiteral("access_token")).toString().toLatin1();
    if (m_token.isEmpty())
        std::fprintf(stderr, "could not sign in to the benchmark server\n");
    return !m_token.isEmpty();
}

void HeadlessServer::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    m_server.waitForFinished(10000);
}

} // namespace fliptech::bench
