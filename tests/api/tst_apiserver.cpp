#include "fliptech/api/apiserver.h"
#include "fliptech/engine/engine.h"
#include "fliptech/net/connectionsettings.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "apiharness.h"
#include "fixturehttpserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <libpq-fe.h>

using namespace fliptech;

using Reply = test::HttpReply;

class TestApiServer final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    test::ApiHarness m_api;
    QNetworkAccessManager m_nam; // for the TLS client

    void startServer(api::GuardedTcpServer::Limits limits = {})
    {
        api::ApiOptions options;
        options.limits = limits;
        auto st = m_api.start(m_tmp->url(), options);
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        QVERIFY(m_api.server().port() > 0);
    }
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_api.call(method, path, body);
    }
    QByteArray host() const { return "Host: 127.0.0.1:" + QByteArray::number(m_api.server().port()) + "\r\n"; }

    // Raw bytes on a new connection (from `from` when given): what came back, and when the
    // server closed the connection (-1: still open after waitMs).
    struct Raw {
        QByteArray answer;
        qint64 closedAfterMs = -1;
        int status() const { return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0; }
    };
    Raw raw(const QByteArray &bytes, int waitMs = 3000, const QHostAddress &from = {})
    {
        QTcpSocket s;
        if (!from.isNull())
            s.bind(from);
        s.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QElapsedTimer t;
        t.start();
        while (s.state() != QAbstractSocket::ConnectedState && t.elapsed() < 5000)
            QTest::qWait(5);
        s.write(bytes);
        t.restart();
        Raw r;
        while (t.elapsed() < waitMs) {
            r.answer += s.readAll();
            if (s.state() == QAbstractSocket::UnconnectedState) {
                r.closedAfterMs = t.elapsed();
                break;
            }
            QTest::qWait(5);
        }
        r.answer += s.readAll();
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_api.stop();
        m_tmp.reset();
    }

    void healthReportsDatabaseAndSchema()
    {
        startServer();
        const Reply r = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json.value(QStringLiteral("version")).toString(), QStringLiteral(FLIPTECH_VERSION));
        const QJsonObject db = r.json.value(QStringLiteral("database")).toObject();
        QCOMPARE(db.value(QStringLiteral("driver")).toString(),
                 m_tmp->backend() == storage::Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
        QCOMPARE(db.value(QStringLiteral("schema_version")).toInt(), m_api.engine().binarySchemaVersion());
        QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
        QCOMPARE(r.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    }

    void unknownPathIsJson404AndWrongMethodIs405()
    {
        startServer();
        Reply r = request("GET", QStringLiteral("/api/v1/nope"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("/api/v1/nope")));
        r = request("GET", QStringLiteral("/api/v1/healthz"));
        QCOMPARE(r.status, 404);
        r = request("DELETE", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("method_not_allowed"));
        QCOMPARE(r.headers.value("allow"), QByteArray("GET"));
    }

    void metricsCountJobsAndRequests()
    {
        startServer();
        QList<storage::JobSpec> specs(3, storage::JobSpec{QStringLiteral("noop")});
        QVERIFY(m_api.engine().jobs().enqueueBatch(specs).ok());
        (void)request("GET", QStringLiteral("/missing"));
        (void)request("GET", QStringLiteral("/missing"));
        (void)request("GET", QStringLiteral("/api/v1/health"));
        const Reply r = request("GET", QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        const QString text = QString::fromUtf8(r.body);
        QVERIFY2(text.contains(QStringLiteral("fliptech_jobs{state=\"queued\"} 3\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("fliptech_jobs{state=\"done\"} 0\n")));
        QVERIFY(text.contains(QStringLiteral("fliptech_http_requests_total{status=\"404\"} 2\n")));
        QVERIFY(text.contains(QStringLiteral("fliptech_http_requests_total{status=\"200\"} 1\n")));
        QVERIFY(text.contains(QStringLiteral("fliptech_database_up 1\n")));
        QVERIFY(text.contains(QStringLiteral("# TYPE fliptech_uptime_seconds gauge")));
        QVERIFY(text.contains(QStringLiteral("fliptech_events_appended_total ")));
        // Outbound HTTP: one request through the engine's client, counted.
        test::FixtureHttpServer remote;
        QVERIFY(remote.start());
        bool fetched = false;
        net::HttpRequest get;
        get.url = QUrl(remote.baseUrl() + QStringLiteral("/nothing-here"));
        m_api.engine().http().fetch(get, this, [&fetched](const net::HttpResponse &) { fetched = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fetched, 10000);
        const QString after = QString::fromUtf8(request("GET", QStringLiteral("/metrics")).body);
        QVERIFY2(after.contains(QStringLiteral("fliptech_outbound_requests_total 1\n")), qPrintable(after));
        QVERIFY(after.contains(QStringLiteral("fliptech_outbound_responses_total{class=\"4xx\"} 1\n")));
        QVERIFY(after.contains(QStringLiteral("fliptech_outbound_failures_total 0\n")));
    }

    void oversizedBodyIsRefusedWith413()
    {
        startServer();
        const Reply r = request("POST", QStringLiteral("/api/v1/health"), QByteArray(2 * 1024 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("payload_too_large"));
        // The server is still fine afterwards.
        QCOMPARE(request("GET", QStringLiteral("/api/v1/health")).status, 200);
    }

    void connectionCloseAndHttp10AreHonoured()
    {
        startServer();
        // RFC 9112 §9.6: the answer, then the server closes (not after the 30 s idle timeout).
        Raw r = raw("GET /api/v1/health HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        QCOMPARE(r.status(), 200);
        QVERIFY2(r.closedAfterMs >= 0 && r.closedAfterMs < 2000, r.answer.constData());
        QVERIFY(r.answer.toLower().contains("connection: close"));
        QVERIFY(r.answer.endsWith("}"));
        r = raw("GET /api/v1/health HTTP/1.0\r\n" + host() + "\r\n");
        QCOMPARE(r.status(), 200);
        QVERIFY(r.closedAfterMs >= 0 && r.closedAfterMs < 2000);
        // Keep-alive stays open.
        r = raw("GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n", 500);
        QCOMPARE(r.status(), 200);
        QCOMPARE(r.closedAfterMs, -1);
        // A streamed answer (the OpenAPI document is not, an export is: see tst_leadsapi) and
        // an off-thread one (login) close too.
        r = raw("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        QCOMPARE(r.status(), 422);
        QVERIFY(r.closedAfterMs >= 0 && r.closedAfterMs < 2000);
    }

    void malformedFramingIsAnswered_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray h = "Host: 127.0.0.1:PORT\r\n";
        QByteArray many = "GET /api/v1/health HTTP/1.1\r\n" + h;
        for (int i = 0; i < 101; ++i)
            many += "X-Field-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 header fields") << (many + "\r\n") << 431;
        QTest::newRow("1 MB header") << ("GET /api/v1/health HTTP/1.1\r\n" + h + "X-Big: " + QByteArray(1 << 20, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("no colon") << ("GET /api/v1/health HTTP/1.1\r\n" + h + "Garbage\r\n\r\n") << 400;
        QTest::newRow("two Content-Lengths") << ("POST /api/v1/auth/login HTTP/1.1\r\n" + h + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") << 400;
        QTest::newRow("negative Content-Length") << ("POST /api/v1/auth/login HTTP/1.1\r\n" + h + "Content-Length: -5\r\n\r\n") << 400;
        QTest::newRow("text Content-Length") << ("POST /api/v1/auth/login HTTP/1.1\r\n" + h + "Content-Length: abc\r\n\r\n") << 400;
        QTest::newRow("CL with TE") << ("POST /api/v1/auth/login HTTP/1.1\r\n" + h + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}") << 400;
        QTest::newRow("LF only") << QByteArray("GET /api/v1/health HTTP/1.1\nHost: 127.0.0.1:PORT\n\n") << 400;
        QTest::newRow("garbage request line") << QByteArray("\x01\x02 nonsense\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << ("GET /api/v1/health HTTP/1.1\r\n" + h + h + "\r\n") << 400;
        QTest::newRow("HTTP/9.9") << ("GET /api/v1/health HTTP/9.9\r\n" + h + "\r\n") << 505;
        QTest::newRow("unauthenticated 300 MiB upload") << ("POST /api/v1/uploads/csv HTTP/1.1\r\n" + h + "Content-Type: text/csv\r\nContent-Length: 314572800\r\n\r\nname\n") << 401;
    }
    void malformedFramingIsAnswered()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        startServer();
        const Raw r = raw(QByteArray(request).replace("PORT", QByteArray::number(m_api.server().port())));
        QVERIFY2(r.status() == status, r.answer.left(300).constData());
        QVERIFY(r.answer.contains("\"error\""));
        QVERIFY2(r.closedAfterMs >= 0, "the connection is closed after the answer");
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/health")).status, 200); // everyone else is fine
    }

    void expectContinueGetsItsInterimAnswer()
    {
        startServer();
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE(s.state(), QAbstractSocket::ConnectedState);
        s.write("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(s.bytesAvailable() > 0, 500); // not the 1 s a client waits before sending anyway
        QCOMPARE(s.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        s.write("{}");
        QTRY_VERIFY(s.bytesAvailable() > 0 && s.peek(100000).contains("}}"));
        QVERIFY(s.readAll().startsWith("HTTP/1.1 422"));
        // A head that fails screening gets its answer instead, and no 100.
        QTcpSocket u;
        u.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE(u.state(), QAbstractSocket::ConnectedState);
        u.write("POST /api/v1/leads HTTP/1.1\r\n" + host() + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        QTRY_VERIFY(u.bytesAvailable() > 0);
        QVERIFY(u.readAll().startsWith("HTTP/1.1 401"));
    }

    void slowClientsMeetDeadlines()
    {
        api::GuardedTcpServer::Limits limits;
        limits.headTimeoutMs = 400;
        limits.bodyGraceMs = 400;
        limits.minBodyBytesPerSecond = 1000;
        startServer(limits);
        // A head trickling in a byte at a time: cut at its deadline, however busy it looks.
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE(s.state(), QAbstractSocket::ConnectedState);
        const QByteArray head = "GET /api/v1/health HTTP/1.1\r\n" + host() + "X-Slow: " + QByteArray(200, 's');
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < head.size() && s.state() == QAbstractSocket::ConnectedState; ++i) {
            s.write(head.mid(i, 1));
            QTest::qWait(10);
        }
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 408"));
        QVERIFY(t.elapsed() < 2000);
        // A connection that sends nothing at all.
        const Raw silent = raw({}, 3000);
        QCOMPARE(silent.status(), 408);
        // A body below the minimum rate.
        QTcpSocket b;
        b.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE(b.state(), QAbstractSocket::ConnectedState);
        b.write("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        for (int i = 0; i < 150 && b.state() == QAbstractSocket::ConnectedState; ++i) {
            b.write(" ");
            QTest::qWait(10);
        }
        QTRY_COMPARE_WITH_TIMEOUT(b.state(), QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(b.readAll().startsWith("HTTP/1.1 408"));
    }

    void oneAddressCannotHoldEverySlot()
    {
        api::GuardedTcpServer::Limits limits;
        limits.maxConnectionsPerAddress = 3;
        startServer(limits);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QHostAddress::LocalHost, m_api.server().port());
            QTRY_COMPARE(held.back()->state(), QAbstractSocket::ConnectedState);
        }
        QTest::qWait(100);
        const Raw fourth = raw("GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n");
        QCOMPARE(fourth.status(), 429);
        QVERIFY(fourth.answer.contains("Retry-After: 5"));
        // Another address (all of 127.0.0.0/8 is this machine) is served meanwhile.
        const Raw other = raw("GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n", 1000, QHostAddress(QStringLiteral("127.0.0.2")));
        QCOMPARE(other.status(), 200);
        // Places free up when connections close.
        held.clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().openConnections(), 0, 5000);
        QCOMPARE(raw("GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n", 500).status(), 200);
    }

    void idleConnectionsAreClosed()
    {
        api::GuardedTcpServer::Limits limits;
        limits.idleTimeoutMs = 300;
        startServer(limits);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QVERIFY(s.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void connectionCapAnswers503()
    {
        api::GuardedTcpServer::Limits limits;
        limits.maxConnections = 2;
        startServer(limits);
        QTcpSocket a, b, c;
        for (QTcpSocket *s : {&a, &b}) {
            s->connectToHost(QHostAddress::LocalHost, m_api.server().port());
            QVERIFY(s->waitForConnected(5000));
        }
        QTest::qWait(100);
        c.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QVERIFY(c.waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(c.bytesAvailable() > 0 || c.state() == QAbstractSocket::UnconnectedState, 5000);
        const QByteArray answer = c.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.constData());
        // Connections closed on the HTTP threads free their places for new ones.
        a.abort();
        b.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().openConnections(), 0, 5000);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/health")).status, 200);
    }

    void connectionsAreServedBySeveralThreads()
    {
        api::ApiOptions options;
        options.threads = 3;
        auto st = m_api.start(m_tmp->url(), options);
        QVERIFY(st.ok());
        QCOMPARE(m_api.server().threadCount(), 3);
        // Keep-alive connections, dealt round robin, each answering several requests.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 6; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, m_api.server().port());
            QVERIFY(sockets.back()->waitForConnected(5000));
        }
        const QByteArray get = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_api.server().port()) + "\r\n\r\n";
        for (int round = 0; round < 3; ++round) {
            for (auto &s : sockets)
                s->write(get);
            for (auto &s : sockets) {
                QTRY_VERIFY_WITH_TIMEOUT(s->bytesAvailable() > 0 && s->peek(4096).contains("\"status\""), 5000);
                QVERIFY(s->readAll().startsWith("HTTP/1.1 200"));
            }
        }
        QCOMPARE(m_api.server().openConnections(), 6);
    }

    void servesOverTls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                                  QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"), key,
                                                  QStringLiteral("-out"), cert});
        if (!openssl.waitForStarted()) {
            if (test::postgresRequired()) // under scripts/test.sh, which installs openssl: a missing tool is a failure
                QFAIL("no openssl command to make a test certificate");
            QSKIP("no openssl command to make a test certificate");
        }
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QVERIFY(!net::loadServerTls(dir.filePath(QStringLiteral("missing.pem")), key).ok());
        QVERIFY(net::loadServerTls(cert, cert).error().message.contains(QStringLiteral("private key")));
        auto tls = net::loadServerTls(cert, key);
        QVERIFY2(tls.ok(), tls.ok() ? "" : qPrintable(tls.error().message));

        api::ApiOptions options;
        options.tls = *tls;
        QVERIFY(m_api.start(m_tmp->url(), options).ok());
        QCOMPARE(m_api.server().url().scheme(), QStringLiteral("https"));

        QNetworkRequest req(QUrl(m_api.server().url().toString() + QStringLiteral("/api/v1/health")));
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates(QSslCertificate::fromPath(cert));
        req.setSslConfiguration(client);
        QNetworkReply *r = m_nam.get(req);
        QEventLoop loop;
        connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY2(r->error() == QNetworkReply::NoError, qPrintable(r->errorString()));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(!r->sslConfiguration().sessionCipher().isNull()); // really encrypted
        r->deleteLater();

        // Plain HTTP to the TLS port gets no answer.
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QVERIFY(plain.waitForConnected(3000));
        plain.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        // The TLS handshake fails on it and the server drops the connection, never answering in clear.
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += plain.readAll(), plain.state() == QAbstractSocket::UnconnectedState), 5000);
        QVERIFY2(!got.contains("HTTP/1.1"), got.constData());
    }

    void healthIs503WhenTheDatabaseIsGone()
    {
        if (m_tmp->backend() != storage::Backend::Postgres)
            QSKIP("a SQLite file stays readable while open; the PostgreSQL run covers a lost server");
        startServer();
        QCOMPARE(request("GET", QStringLiteral("/api/v1/health")).status, 200);
        PGconn *admin = PQconnectdb(test::postgresAdminUrl().toUtf8().constData());
        const QByteArray drop = "DROP DATABASE " + m_tmp->url().database.toUtf8() + " WITH (FORCE)";
        PGresult *res = PQexec(admin, drop.constData());
        QCOMPARE(PQresultStatus(res), PGRES_COMMAND_OK);
        PQclear(res);
        PQfinish(admin);
        const Reply r = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QVERIFY(r.json.value(QStringLiteral("database")).toObject().contains(QStringLiteral("error")));
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
