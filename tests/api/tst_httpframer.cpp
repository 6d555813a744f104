// HttpFramer: request framing read the way RFC 9112 says, before QHttpServer sees a byte.
#include "fliptech/api/httpframer.h"

#include <QTest>

using namespace fliptech::api;

namespace {
const QByteArray kHost = "Host: 127.0.0.1:8484\r\n";
}

class TestHttpFramer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status"); // 0: accepted
        QTest::newRow("plain GET") << ("GET /api/v1/health HTTP/1.1\r\n" + kHost + "\r\n") << 0;
        QTest::newRow("HTTP/1.0 without Host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 0;
        QTest::newRow("leading empty line") << ("\r\nGET / HTTP/1.1\r\n" + kHost + "\r\n") << 0;
        QTest::newRow("two Content-Lengths") << ("POST / HTTP/1.1\r\n" + kHost + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc") << 400;
        QTest::newRow("negative Content-Length") << ("POST / HTTP/1.1\r\n" + kHost + "Content-Length: -1\r\n\r\n") << 400;
        QTest::newRow("text Content-Length") << ("POST / HTTP/1.1\r\n" + kHost + "Content-Length: ten\r\n\r\n") << 400;
        QTest::newRow("CL and TE") << ("POST / HTTP/1.1\r\n" + kHost + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("gzip TE") << ("POST / HTTP/1.1\r\n" + kHost + "Transfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("LF only") << QByteArray("GET / HTTP/1.1\nHost: 127.0.0.1\n\n") << 400;
        QTest::newRow("garbage request line") << QByteArray("HELLO THERE\r\n\r\n") << 400;
        QTest::newRow("binary request line") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
        QTest::newRow("no colon") << ("GET / HTTP/1.1\r\n" + kHost + "NoColonHere\r\n\r\n") << 400;
        QTest::newRow("space before colon") << ("GET / HTTP/1.1\r\n" + kHost + "Bad Name: x\r\n\r\n") << 400;
        QTest::newRow("folded header") << ("GET / HTTP/1.1\r\n" + kHost + "X-A: 1\r\n  continued\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << ("GET / HTTP/1.1\r\n" + kHost + kHost + "\r\n") << 400;
        QTest::newRow("no Host on 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("HTTP/9.9") << ("GET / HTTP/9.9\r\n" + kHost + "\r\n") << 505;
        QTest::newRow("HTTP/2.0") << ("GET / HTTP/2.0\r\n" + kHost + "\r\n") << 505;
        QTest::newRow("HTTP/1") << ("GET / HTTP/1\r\n" + kHost + "\r\n") << 400;
        QTest::newRow("NUL in a value") << ("GET / HTTP/1.1\r\n" + kHost + QByteArray("X-A: a\0b\r\n\r\n", 12)) << 400;
        QByteArray many = "GET / HTTP/1.1\r\n" + kHost;
        for (int i = 0; i < 101; ++i)
            many += "X-F" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 header fields") << (many + "\r\n") << 431;
        QTest::newRow("1 MB header") << ("GET / HTTP/1.1\r\n" + kHost + "X-Big: " + QByteArray(1 << 20, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("odd Expect") << ("POST / HTTP/1.1\r\n" + kHost + "Expect: telepathy\r\nContent-Length: 1\r\n\r\nx") << 417;
        QTest::newRow("bad chunk size") << ("POST / HTTP/1.1\r\n" + kHost + "Transfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("chunk longer than said") << ("POST / HTTP/1.1\r\n" + kHost + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << 400;
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        HttpFramer framer;
        const auto r = framer.feed(bytes, {});
        QCOMPARE(r.refusal ? r.refusal->status : 0, status);
        if (r.refusal)
            QVERIFY(!r.refusal->message.isEmpty());
        // Byte by byte, the same verdict.
        HttpFramer slow;
        std::optional<Refusal> refused;
        for (char c : bytes) {
            const auto step = slow.feed(&c, 1, {});
            if (step.refusal) {
                refused = step.refusal;
                break;
            }
        }
        QCOMPARE(refused ? refused->status : 0, status);
    }

    void pipelinedRequestsAndBodies()
    {
        HttpFramer framer;
        QList<QByteArray> heads;
        const QByteArray two = "POST /a HTTP/1.1\r\n" + kHost + "Content-Length: 5\r\n\r\nhello" + "POST /b HTTP/1.1\r\n" + kHost +
                               "Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n" +
                               "GET /c HTTP/1.1\r\n" + kHost + "Connection: close\r\n\r\n";
        const auto r = framer.feed(two, [&](const RequestHead &h, qint64 *) -> std::optional<Refusal> {
            heads << h.target.toByteArray();
            return std::nullopt;
        });
        QVERIFY2(!r.refusal, r.refusal ? qPrintable(r.refusal->message) : "");
        QCOMPARE(heads, (QList<QByteArray>{"/a", "/b", "/c"}));
        QCOMPARE(r.requestsCompleted, 3);
        QVERIFY(r.closeRequested);
        QVERIFY(framer.idle());
    }

    void screenSeesTheHeadBeforeTheBody()
    {
        HttpFramer framer;
        int screened = 0;
        auto screen = [&](const RequestHead &h, qint64 *maxBody) -> std::optional<Refusal> {
            ++screened;
            *maxBody = 10;
            if (h.header("Authorization").isEmpty())
                return Refusal{401, "unauthorized", QStringLiteral("sign in first"), {}};
            return std::nullopt;
        };
        // A 300 MiB upload without credentials: refused on its head, before any body arrives.
        auto r = framer.feed("POST /api/v1/uploads/csv HTTP/1.1\r\n" + kHost + "Content-Length: 314572800\r\n\r\n", screen);
        QCOMPARE(r.refusal->status, 401);
        QVERIFY(framer.refused());
        QCOMPARE(screened, 1);
        // With credentials, but larger than the route takes: 413 on the head.
        HttpFramer second;
        r = second.feed("POST /x HTTP/1.1\r\n" + kHost + "Authorization: Bearer t\r\nContent-Length: 11\r\n\r\n", screen);
        QCOMPARE(r.refusal->status, 413);
        // Chunked bodies are counted as they come.
        HttpFramer third;
        r = third.feed("POST /x HTTP/1.1\r\n" + kHost + "Authorization: Bearer t\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n", screen);
        QVERIFY2(!r.refusal, r.refusal ? qPrintable(r.refusal->message) : "");
        QVERIFY(third.inBody());
        r = third.feed("8\r\n12345678\r\n", screen);
        QCOMPARE(r.refusal->status, 413);
    }

    void expectContinueAndClose()
    {
        HttpFramer framer;
        auto r = framer.feed("PUT /x HTTP/1.1\r\n" + kHost + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n", {});
        QVERIFY(r.continueWanted);
        QCOMPARE(r.requestsCompleted, 0);
        r = framer.feed("ok", {});
        QCOMPARE(r.requestsCompleted, 1);
        QVERIFY(!r.closeRequested);
        r = framer.feed(QByteArray("GET / HTTP/1.0\r\n\r\n"), {});
        QVERIFY(r.closeRequested);
        r = framer.feed(QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), {});
        QVERIFY(!r.closeRequested);
    }
};

QTEST_GUILESS_MAIN(TestHttpFramer)
#include "tst_httpframer.moc"
