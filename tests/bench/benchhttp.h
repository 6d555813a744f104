#pragma once
// What the HTTP benchmarks share: a real `fliptech --headless` on a database with an admin
// signed in, a one-shot HTTP client, and wrk runs parsed into figures.

#include <QByteArray>
#include <QList>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace fliptech::bench {

QByteArray httpRequest(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                       const QByteArray &token = {});
QJsonObject jsonBody(const QByteArray &response);

struct WrkResult {
    double rps = 0;
    QString p50, p99;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0; // from wrk's latency histogram
    qint64 requests = 0;
    bool errors = false;
};
// wrk -t2 -c50 -d<seconds>s --latency on http://127.0.0.1:<port><path> with a Bearer token;
// `luaScript` (wrk's -s) may make the requests instead, e.g. each to a different path.
WrkResult runWrk(quint16 port, const QString &path, const QByteArray &token, int seconds, const QByteArray &luaScript = {},
                 int connections = 50);

// A whole number from the environment (a benchmark's size), or `fallback` when unset.
qint64 envCount(const char *name, qint64 fallback);
// The value below which a fraction p of the samples lie (p in 0..1).
double percentile(QList<double> samples, double p);
// A "key:" line of /proc/<pid>/status in KiB ("VmRSS:", "VmHWM:"); -1 when unreadable.
qint64 procStatusKiB(qint64 pid, const char *key);
// Seconds `psql \copy` takes to load the generator's CSV into `table` (-1 on failure).
double psqlCopy(const QString &databaseUrl, const QString &table, const QString &csv);

class HeadlessServer final
{
public:
    HeadlessServer();
    ~HeadlessServer();
    // Creates the admin, starts the server on a free port and signs in. False (and a message on
    // stderr) when any step fails.
    bool start(const QString &databaseUrl, int rateLimitPerMinute = 0);
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_server.processId(); }
    const QByteArray &token() const { return m_token; }
    QByteArray loginBody() const;

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    QByteArray m_token;
};

} // namespace fliptech::bench
