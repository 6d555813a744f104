// Issue 16's figures, against a real `fliptech --headless` (Release):
//  1. a CSV of N leads (FLIPTECH_BENCH_LEADS, default 1,000,000, from the generator) imported
//     through the API job (upload with import=true, then GET /jobs/{id} until done), on SQLite and
//     PostgreSQL; meanwhile another client reads pages of leads (p50/p99 of its GET /leads);
//     on PostgreSQL beside `psql \copy` of the same file into the same table and into a bare one;
//  2. a legitimate client's GET /leads (wrk -c8, a different score filter each request) alone,
//     then while 600 slow-loris connections and 1,000 req/s of random bearer tokens come from
//     another address (target p99 < 50 ms);
//  3. the server's peak RSS (VmHWM) through a 300 MiB unauthenticated upload (target < 300 MB),
//  4. and through a 190 MiB CSV uploaded with credentials (spooled to a file as it arrives).
#include "benchhttp.h"
#include "leadgen.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace fliptech;

namespace {

// One request on its own connection; the whole answer (headers and body).
QByteArray rawExchange(quint16 port, const QByteArray &head, const QByteArray &body, int timeoutMs = 600000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(head + body);
    QByteArray all;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && s.state() == QAbstractSocket::ConnectedState) {
        s.waitForBytesWritten(10);
        if (s.waitForReadyRead(10)) {
            all += s.readAll();
            const qsizetype end = all.indexOf("\r\n\r\n");
            const qsizetype lenAt = all.toLower().indexOf("content-length:");
            if (end > 0 && lenAt > 0 && lenAt < end) {
                const qint64 len = all.mid(lenAt + 15, all.indexOf('\r', lenAt) - lenAt - 15).trimmed().toLongLong();
                if (all.size() >= end + 4 + len)
                    break;
            }
        }
    }
    return all + s.readAll();
}

struct ImportFigures {
    QString backend;
    double uploadSeconds = 0, jobSeconds = 0;
    qint64 imported = 0;
    double readerP50 = 0, readerP99 = 0;
    int readerRequests = 0;
    double copySeconds = -1, bareCopySeconds = -1;
    double indexedSeconds = -1; // a bulk load: until the leads.indexing job built the indexes back
};

ImportFigures importThroughTheApi(storage::Backend backend, const QString &csvPath, qint64 rows)
{
    ImportFigures f;
    f.backend = backend == storage::Backend::Postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    test::TempDatabase db(backend);
    if (!db.isValid()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(f.backend), qPrintable(db.skipReason()));
        return f;
    }
    db.open(true); // migrated, so psql can copy into it too
    bench::HeadlessServer server;
    if (!server.start(db.url().toString()))
        return f;
    QFile csv(csvPath);
    csv.open(QIODevice::ReadOnly);
    const QByteArray data = csv.readAll();
    // Another user reads pages while the import runs.
    std::atomic<bool> stop{false};
    QList<double> latencies;
    QThread *reader = QThread::create([&] {
        QElapsedTimer t;
        while (!stop.load()) {
            t.start();
            const QByteArray r = bench::httpRequest(server.port(), "GET", "/api/v1/leads?limit=50&status=new&sort=-created_at", {}, server.token());
            if (r.startsWith("HTTP/1.1 200"))
                latencies << t.nsecsElapsed() / 1e6;
            QThread::msleep(20);
        }
    });
    reader->start();
    QElapsedTimer t;
    t.start();
    const QByteArray head = "POST /api/v1/uploads/csv?import=true&filename=bench.csv HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(server.port()) +
                            "\r\nAuthorization: Bearer " + server.token() + "\r\nContent-Type: text/csv\r\nContent-Length: " + QByteArray::number(data.size()) +
                            "\r\nConnection: close\r\n\r\n";
    const QJsonObject up = bench::jsonBody(rawExchange(server.port(), head, data));
    f.uploadSeconds = t.elapsed() / 1000.0;
    const qint64 job = up.value(QStringLiteral("job_id")).toInteger();
    if (!job)
        std::fprintf(stderr, "%s: the upload was not accepted: %s\n", qPrintable(f.backend), QJsonDocument(up).toJson().constData());
    while (job) {
        const QJsonObject j = bench::jsonBody(bench::httpRequest(server.port(), "GET", "/api/v1/jobs/" + QByteArray::number(job), {}, server.token()));
        const QString state = j.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("done") || state == QLatin1String("dead") || state == QLatin1String("cancelled")) {
            f.imported = j.value(QStringLiteral("result")).toObject().value(QStringLiteral("imported")).toInteger();
            if (state != QLatin1String("done"))
                std::fprintf(stderr, "%s: the import job ended %s: %s\n", qPrintable(f.backend), qPrintable(state),
                             qPrintable(j.value(QStringLiteral("last_error")).toString()));
            break;
        }
        QThread::msleep(100);
    }
    f.jobSeconds = t.elapsed() / 1000.0;
    for (bool pending = true; job && pending && t.elapsed() < 1800000;) {
        pending = bench::jsonBody(bench::httpRequest(server.port(), "GET", "/api/v1/leads/indexing", {}, server.token()))
                      .value(QStringLiteral("pending")).toBool(true);
        if (pending)
            QThread::msleep(100);
        else if (t.elapsed() / 1000.0 > f.jobSeconds + 0.2)
            f.indexedSeconds = t.elapsed() / 1000.0;
    }
    stop = true;
    reader->wait();
    delete reader;
    f.readerRequests = int(latencies.size());
    f.readerP50 = bench::percentile(latencies, 0.5);
    f.readerP99 = bench::percentile(latencies, 0.99);
    server.stop();
    if (backend == storage::Backend::Postgres) {
        test::TempDatabase other(backend);
        other.open(true);
        f.copySeconds = bench::psqlCopy(other.url().toString(), QStringLiteral("leads"), csvPath);
        auto conn = other.open(false);
        (void)conn->executeRaw(QStringLiteral("CREATE TABLE bare_leads (LIKE leads INCLUDING DEFAULTS INCLUDING IDENTITY)"));
        f.bareCopySeconds = bench::psqlCopy(other.url().toString(), QStringLiteral("bare_leads"), csvPath);
    }
    Q_UNUSED(rows)
    return f;
}

// `n` connections to the server from a loopback address of their own (its own per-address
// budget); `wait` for each to be established.
std::vector<std::unique_ptr<QTcpSocket>> connectionsFrom(const QString &address, quint16 port, int n, bool wait)
{
    std::vector<std::unique_ptr<QTcpSocket>> conns;
    for (int i = 0; i < n; ++i) {
        conns.push_back(std::make_unique<QTcpSocket>());
        conns.back()->bind(QHostAddress(address));
        conns.back()->connectToHost(QHostAddress::LocalHost, port);
        if (wait)
            conns.back()->waitForConnected(3000);
    }
    return conns;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = bench::envCount("FLIPTECH_BENCH_LEADS", 1000000);
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("leads.csv"));
    {
        QFile out(csvPath);
        out.open(QIODevice::WriteOnly);
        bench::writeLeadsCsv(&out, rows, 42);
    }

    // 1. Imports through the API job.
    QList<ImportFigures> imports;
    const bool importsToo = qEnvironmentVariable("FLIPTECH_BENCH_SKIP_IMPORT") != QLatin1String("1");
    // FLIPTECH_BENCH_IMPORT_BACKENDS: sqlite, postgres or both (the default).
    const QString importBackends = qEnvironmentVariable("FLIPTECH_BENCH_IMPORT_BACKENDS", QStringLiteral("sqlite,postgres"));
    if (importsToo && importBackends.contains(QLatin1String("sqlite")))
        imports << importThroughTheApi(storage::Backend::Sqlite, csvPath, rows);
    if (importsToo && importBackends.contains(QLatin1String("postgres")) && !test::postgresAdminUrl().isEmpty())
        imports << importThroughTheApi(storage::Backend::Postgres, csvPath, rows);
    std::printf("| %lld leads through the API job | upload | upload + job done | indexes built back (bulk load) | rows imported | another user's GET /leads meanwhile: p50 / p99 (n) | psql \\copy, same table | psql \\copy, bare table |\n|---|---|---|---|---|---|---|---|\n",
                rows);
    for (const ImportFigures &f : imports)
        std::printf("| %s | %.1f s | %.1f s (%.0f rows/s) | %s | %lld | %.1f / %.1f ms (%d) | %s | %s |\n", qPrintable(f.backend), f.uploadSeconds, f.jobSeconds,
                    f.jobSeconds > 0 ? f.imported / f.jobSeconds : 0.0,
                    f.indexedSeconds > 0 ? qPrintable(QStringLiteral("%1 s").arg(f.indexedSeconds, 0, 'f', 1)) : "-", f.imported, f.readerP50, f.readerP99, f.readerRequests,
                    f.copySeconds > 0 ? qPrintable(QStringLiteral("%1 s (the job takes %2x)").arg(f.copySeconds, 0, 'f', 1).arg(f.jobSeconds / f.copySeconds, 0, 'f', 2)) : "-",
                    f.bareCopySeconds > 0 ? qPrintable(QStringLiteral("%1 s").arg(f.bareCopySeconds, 0, 'f', 1)) : "-");
    std::fflush(stdout);
    if (qEnvironmentVariable("FLIPTECH_BENCH_IMPORT_ONLY") == QLatin1String("1"))
        return 0;

    // 2. and 3. Abuse, on SQLite with 20,000 leads. The per-caller limit is raised so wrk's
    // thousands of requests a second are served, not answered 429 (tst_hostile checks that
    // random tokens are throttled); the random tokens then cost a failed token check each.
    test::TempDatabase db(storage::Backend::Sqlite);
    bench::HeadlessServer server;
    if (!server.start(db.url().toString(), 100000000))
        return 1;
    const quint16 port = server.port();
    {
        QByteArray csv = bench::leadCsvHeader();
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        bench::writeLeadsCsv(&buf, 20000, 7);
        const QByteArray data = buf.data();
        const QByteArray head = "POST /api/v1/uploads/csv?import=true&filename=small.csv HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                                "\r\nAuthorization: Bearer " + server.token() + "\r\nContent-Type: text/csv\r\nContent-Length: " + QByteArray::number(data.size()) +
                                "\r\nConnection: close\r\n\r\n";
        rawExchange(port, head, data);
        QThread::sleep(5); // the import job
    }
    // About 250,000 different requests (score range x page size): the server's one-second page
    // cache answers almost none of them.
    const QByteArray lua = "request = function()\n  local a = math.random(0, 90)\n"
                           "  return wrk.format('GET', '/api/v1/leads?sort=-score&score_min=' .. a .. '&score_max=' .. math.random(a, 100) .. "
                           "'&limit=' .. math.random(20, 70))\nend\n";
    (void)bench::runWrk(port, QStringLiteral("/api/v1/leads"), server.token(), 5, lua, 8); // warm-up: page cache, plans
    const bench::WrkResult alone = bench::runWrk(port, QStringLiteral("/api/v1/leads"), server.token(), 10, lua, 8);

    std::atomic<bool> stop{false};
    std::atomic<qint64> tokensSent{0}, tokens429{0};
    // 1,000 req/s of random bearer tokens from 127.0.0.3, pipelined on 4 connections.
    QThread *attacker = QThread::create([&] {
        std::vector<std::unique_ptr<QTcpSocket>> conns = connectionsFrom(QStringLiteral("127.0.0.3"), port, 4, true);
        QElapsedTimer t;
        t.start();
        while (!stop.load()) {
            const qint64 due = t.elapsed(); // one request per millisecond
            QList<QByteArray> batch(conns.size());
            for (; tokensSent.load() < due; ++tokensSent)
                batch[tokensSent.load() % conns.size()] += "GET /api/v1/leads HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                                                           "\r\nAuthorization: Bearer " + QByteArray::number(QRandomGenerator::global()->generate64(), 16) +
                                                           "\r\n\r\n";
            for (size_t i = 0; i < conns.size(); ++i) {
                QTcpSocket &s = *conns[i];
                if (!batch[qsizetype(i)].isEmpty())
                    s.write(batch[qsizetype(i)]);
                s.waitForBytesWritten(0);
                s.waitForReadyRead(0);
                if (s.bytesAvailable())
                    tokens429 += s.readAll().count("HTTP/1.1 429");
            }
            QThread::msleep(5);
        }
    });
    // 600 slow-loris connections from 127.0.0.4, trickling a byte now and then.
    QThread *loris = QThread::create([&] {
        std::vector<std::unique_ptr<QTcpSocket>> conns = connectionsFrom(QStringLiteral("127.0.0.4"), port, 600, false);
        while (!stop.load()) {
            for (auto &s : conns) {
                if (s->state() == QAbstractSocket::UnconnectedState) { // refused or cut: come back
                    s->abort();
                    s->bind(QHostAddress(QStringLiteral("127.0.0.4")));
                    s->connectToHost(QHostAddress::LocalHost, port);
                } else if (s->state() == QAbstractSocket::ConnectedState) {
                    s->write("X");
                }
                s->waitForBytesWritten(0);
                s->readAll();
            }
            QThread::msleep(500);
        }
    });
    attacker->start();
    loris->start();
    QThread::sleep(2);
    const bench::WrkResult underAttack = bench::runWrk(port, QStringLiteral("/api/v1/leads"), server.token(), 10, lua, 8);
    stop = true;
    attacker->wait();
    loris->wait();
    delete attacker;
    delete loris;

    // 3. A 300 MiB upload without credentials.
    const qint64 rssBefore = bench::procStatusKiB(server.pid(), "VmHWM:");
    QElapsedTimer refusedAfter;
    refusedAfter.start();
    QByteArray answer;
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        s.waitForConnected(3000);
        s.write("POST /api/v1/uploads/csv HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\nContent-Type: text/csv\r\nContent-Length: " +
                QByteArray::number(300LL << 20) + "\r\n\r\n");
        const QByteArray chunk(1 << 20, 'x');
        for (int i = 0; i < 300 && s.state() == QAbstractSocket::ConnectedState; ++i) {
            s.write(chunk);
            s.waitForBytesWritten(100);
            answer += s.readAll();
        }
        s.waitForReadyRead(1000);
        answer += s.readAll();
    }
    const qint64 rssPeak = bench::procStatusKiB(server.pid(), "VmHWM:");

    // 4. A 190 MiB CSV with credentials (the route takes up to 200 MiB): spooled to a file as it
    // arrives, so the server's memory does not grow by the body.
    QElapsedTimer uploadTime;
    uploadTime.start();
    QByteArray uploaded;
    {
        constexpr qint64 mib = 190;
        QByteArray chunk;
        for (int i = 0; chunk.size() < (1 << 20); ++i)
            chunk += "Spooled Owner " + QByteArray::number(i % 100000) + ",owner@spool.example\n";
        chunk.truncate(1 << 20);
        chunk[chunk.size() - 1] = '\n';
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        s.waitForConnected(3000);
        s.write("POST /api/v1/uploads/csv?filename=big.csv HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\nAuthorization: Bearer " +
                server.token() + "\r\nContent-Type: text/csv\r\nContent-Length: " + QByteArray::number((mib << 20) + 11) + "\r\n\r\nname,email\n");
        for (qint64 i = 0; i < mib && s.state() == QAbstractSocket::ConnectedState; ++i) {
            s.write(chunk);
            while (s.bytesToWrite() > (4 << 20))
                s.waitForBytesWritten(100);
        }
        while (s.state() == QAbstractSocket::ConnectedState && !uploaded.contains("\r\n\r\n") && uploadTime.elapsed() < 120000)
            if (s.waitForReadyRead(100))
                uploaded += s.readAll();
    }
    const double uploadSeconds = uploadTime.elapsed() / 1000.0;
    const qint64 rssAfterUpload = bench::procStatusKiB(server.pid(), "VmHWM:");

    std::printf("\n| legitimate GET /leads (wrk -t2 -c8 -d10s, a different score range and page size each request) | result |\n|---|---|\n");
    std::printf("| alone | %.0f req/s, p50 %s, p99 %s |\n", alone.rps, qPrintable(alone.p50), qPrintable(alone.p99));
    std::printf("| during 600 slow-loris connections + %.0f req/s random bearer tokens (%lld sent) | %.0f req/s, p50 %s, p99 %s%s |\n",
                tokensSent.load() / 12.0, tokensSent.load(), underAttack.rps, qPrintable(underAttack.p50), qPrintable(underAttack.p99),
                underAttack.errors ? " (wrk saw errors)" : "");
    std::printf("\n| 300 MiB upload without credentials | result |\n|---|---|\n");
    std::printf("| answer | %s |\n| server peak RSS (VmHWM) before / after | %.0f MiB / %.0f MiB |\n",
                answer.left(answer.indexOf('\r')).constData(), rssBefore / 1024.0, rssPeak / 1024.0);
    std::printf("\n| 190 MiB CSV upload with credentials (spooled) | result |\n|---|---|\n");
    std::printf("| answer | %s, %.1f s |\n| server peak RSS (VmHWM) before / after | %.0f MiB / %.0f MiB |\n",
                uploaded.left(uploaded.indexOf('\r')).constData(), uploadSeconds, rssPeak / 1024.0, rssAfterUpload / 1024.0);
    return 0;
}
