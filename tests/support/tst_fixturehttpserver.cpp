// The fixture server itself: later client tests rely on its files and faults being real.
#include "fixturehttpserver.h"
#include "testenv.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using fliptech::test::FixtureHttpServer;

class TestFixtureHttpServer final : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_nam;

    QNetworkReply *get(const QString &url, const QByteArray &body = {})
    {
        QNetworkRequest req{QUrl(url)};
        QNetworkReply *r = body.isEmpty() ? m_nam.get(req) : m_nam.post(req, body);
        QEventLoop loop;
        connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        return r;
    }

private Q_SLOTS:
    void servesFilesButNothingOutsideTheFolder()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("page.html")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<html><body>Joe's Plumbing</body></html>");
        f.close();
        FixtureHttpServer s;
        s.serveDirectory(dir.path());
        QVERIFY(s.start());
        QNetworkReply *r = get(s.baseUrl() + QStringLiteral("/page.html"));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(r->readAll(), QByteArray("<html><body>Joe's Plumbing</body></html>"));
        QVERIFY(r->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QStringLiteral("text/html")));
        r = get(s.baseUrl() + QStringLiteral("/..%2F..%2Fetc%2Fpasswd"));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QCOMPARE(s.requests().size(), 2);
    }

    void scriptedResponsesAndRecordedRequests()
    {
        FixtureHttpServer s;
        QVERIFY(s.start());
        s.addScript("/v1/chat/completions", [](const FixtureHttpServer::Request &req) {
            return FixtureHttpServer::Response{201, "application/json", "{\"echo\":" + QByteArray::number(req.body.size()) + "}",
                                               {{"X-Test", "yes"}}, 0, FixtureHttpServer::Fault::None};
        });
        QNetworkReply *r = get(s.baseUrl() + QStringLiteral("/v1/chat/completions?x=1"), "{\"model\":\"m\"}");
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QCOMPARE(r->readAll(), QByteArray("{\"echo\":13}"));
        QCOMPARE(r->rawHeader("X-Test"), QByteArray("yes"));
        QCOMPARE(s.requests().size(), 1);
        QCOMPARE(s.requests().first().method, QByteArray("POST"));
        QCOMPARE(s.requests().first().path, QByteArray("/v1/chat/completions?x=1"));
        QCOMPARE(s.requests().first().body, QByteArray("{\"model\":\"m\"}"));
    }

    void faults()
    {
        FixtureHttpServer s;
        QVERIFY(s.start());
        s.addResponse("/drop", {200, "text/plain", "never sent", {}, 0, FixtureHttpServer::Fault::DropConnection});
        s.addResponse("/truncated", {200, "text/plain", QByteArray(4000, 'a'), {}, 0, FixtureHttpServer::Fault::TruncateBody});
        s.addResponse("/slow", {200, "text/plain", QByteArray(256, 'b'), {}, 0, FixtureHttpServer::Fault::SlowBody});
        s.addResponse("/late", {503, "text/plain", "busy", {{"Retry-After", "1"}}, 300, FixtureHttpServer::Fault::None});
        QNetworkReply *r = get(s.baseUrl() + QStringLiteral("/drop"));
        QVERIFY(r->error() != QNetworkReply::NoError);
        r = get(s.baseUrl() + QStringLiteral("/truncated"));
        QVERIFY(r->error() != QNetworkReply::NoError || r->readAll().size() < 4000);
        QElapsedTimer t;
        t.start();
        r = get(s.baseUrl() + QStringLiteral("/slow"));
        QCOMPARE(r->readAll(), QByteArray(256, 'b'));
        QVERIFY(t.elapsed() >= 150); // four chunks, 50 ms apart
        t.restart();
        r = get(s.baseUrl() + QStringLiteral("/late"));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
        QCOMPARE(r->rawHeader("Retry-After"), QByteArray("1"));
        QVERIFY(t.elapsed() >= 250);
    }

    void sharedFixturesAreReachableWhenPresent()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QVERIFY(QFile::exists(fliptech::test::sharedFixturesDir() + QStringLiteral("/MANIFEST.tsv")));
    }
};

QTEST_GUILESS_MAIN(TestFixtureHttpServer)
#include "tst_fixturehttpserver.moc"
