#include "fliptech/api/apiserver.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "apiharness.h"
#include "tempdatabase.h"
#include "testenv.h"

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
        if (!openssl.waitForStarted())
            QSKIP("no openssl command to make a test certificate");
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QVERIFY(!api::loadTls(dir.filePath(QStringLiteral("missing.pem")), key).ok());
        QVERIFY(api::loadTls(cert, cert).error().message.contains(QStringLiteral("private key")));
        auto tls = api::loadTls(cert, key);
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
        plain.waitForReadyRead(1000);
        QVERIFY(!plain.readAll().startsWith("HTTP/1.1 200"));
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
