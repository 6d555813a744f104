#include "fliptech/api/apiserver.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/eventstore.h"
#include "apiharness.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTcpSocket>
#include <QWebSocket>

using namespace fliptech;

class TestWebSocket final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    test::ApiHarness m_api;
    QString m_token, m_otherToken;
    qint64 m_userId = 0, m_otherId = 0;

    QUrl url(const QString &channel, const QString &query) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/%2%3").arg(m_api.server().port()).arg(channel, query));
    }
    std::unique_ptr<QWebSocket> open(const QUrl &u, QList<QJsonObject> *inbox)
    {
        auto ws = std::make_unique<QWebSocket>();
        connect(ws.get(), &QWebSocket::textMessageReceived, this, [inbox](const QString &m) {
            inbox->append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QSignalSpy connected(ws.get(), &QWebSocket::connected);
        ws->open(u);
        FT_EXPECT(connected.wait(5000), "connected.wait(5000)");
        return ws;
    }
    // A single-use ticket for the WebSocket, asked for over HTTP with a token.
    QString ticket(const QString &token)
    {
        const test::HttpReply r = m_api.send("POST", QStringLiteral("/api/v1/ws/ticket"), {}, token.toLatin1());
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json.value(QStringLiteral("ticket")).toString();
    }
    QString auth(const QString &token) { return QStringLiteral("?ticket=") + ticket(token); }
    qint64 append(const QString &channel, const QString &type, std::optional<qint64> user = std::nullopt)
    {
        return *m_api.engine().events().append(type, channel, {{QStringLiteral("title"), type}}, user);
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        QVERIFY(m_api.start(m_tmp->url()).ok());
        auto &a = m_api.engine().auth();
        FT_STOP_IF_FAILED();
        auto admin = a.createFirstAdmin(QStringLiteral("boss@agency.example"), QStringLiteral("boss long password"), {});
        auto pair = a.login(QStringLiteral("boss@agency.example"), QStringLiteral("boss long password"), {});
        FT_STOP_IF_FAILED();
        m_token = pair->accessToken;
        m_userId = admin->id;
        auto boss = a.authenticate(m_token);
        auto other = a.createUser(*boss, QStringLiteral("sam@agency.example"), QStringLiteral("sam long password"), {}, auth::Role::User, {});
        m_otherId = other->id;
        m_otherToken = a.login(QStringLiteral("sam@agency.example"), QStringLiteral("sam long password"), {})->accessToken;
        FT_STOP_IF_FAILED();
    }
    void cleanup()
    {
        m_api.stop();
        m_tmp.reset();
    }

    void refusedWithoutAValidToken()
    {
        for (const QString &query : {QString(), QStringLiteral("?token=nonsense")}) {
            QWebSocket ws;
            QSignalSpy closed(&ws, &QWebSocket::disconnected);
            ws.open(url(QStringLiteral("notifications"), query));
            FT_STOP_IF_FAILED();
            QVERIFY(closed.wait(5000));
            QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
            QVERIFY(ws.closeReason().startsWith(QStringLiteral("unauthorized")));
        }
        QCOMPARE(m_api.server().webSockets()->clientCount(), 0);
    }

    void liveEventsOfTheChannelOnly()
    {
        QList<QJsonObject> inbox;
        auto ws = open(url(QStringLiteral("scraper"), auth(m_token)), &inbox);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
        append(QStringLiteral("campaigns"), QStringLiteral("campaign_stats"));
        const qint64 id = append(QStringLiteral("scraper"), QStringLiteral("scrape_progress"));
        QTRY_COMPARE_WITH_TIMEOUT(inbox.size(), 1, 5000);
        QCOMPARE(inbox.first().value(QStringLiteral("type")).toString(), QStringLiteral("scrape_progress"));
        QCOMPARE(inbox.first().value(QStringLiteral("event_id")).toInteger(), id);
        QTest::qWait(200);
        QCOMPARE(inbox.size(), 1);
    }

    void notificationsReachOnlyTheirUser()
    {
        QList<QJsonObject> mine, theirs;
        auto a = open(url(QStringLiteral("notifications"), auth(m_token)), &mine);
        FT_STOP_IF_FAILED();
        auto b = open(url(QStringLiteral("notifications"), auth(m_otherToken)), &theirs);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 2);
        append(QStringLiteral("notifications"), QStringLiteral("for_boss"), m_userId);
        append(QStringLiteral("notifications"), QStringLiteral("for_sam"), m_otherId);
        append(QStringLiteral("notifications"), QStringLiteral("for_everyone"));
        QTRY_COMPARE_WITH_TIMEOUT(mine.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(theirs.size(), 2, 5000);
        QCOMPARE(mine[0].value(QStringLiteral("type")).toString(), QStringLiteral("for_boss"));
        QCOMPARE(theirs[0].value(QStringLiteral("type")).toString(), QStringLiteral("for_sam"));
        QCOMPARE(mine[1].value(QStringLiteral("type")).toString(), QStringLiteral("for_everyone"));
    }

    void resumeReceivesExactlyTheMissedEvents()
    {
        QList<QJsonObject> inbox;
        qint64 seen = 0;
        {
            auto ws = open(url(QStringLiteral("campaigns"), auth(m_token)), &inbox);
            FT_STOP_IF_FAILED();
            QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
            append(QStringLiteral("campaigns"), QStringLiteral("one"));
            QTRY_COMPARE_WITH_TIMEOUT(inbox.size(), 1, 5000);
            seen = inbox.last().value(QStringLiteral("event_id")).toInteger();
            ws->close();
            QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 0);
        }
        append(QStringLiteral("campaigns"), QStringLiteral("two"));
        append(QStringLiteral("scraper"), QStringLiteral("elsewhere"));
        append(QStringLiteral("campaigns"), QStringLiteral("three"));
        inbox.clear();
        auto again = open(url(QStringLiteral("campaigns"), auth(m_token) + QStringLiteral("&since=%1").arg(seen)), &inbox);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE_WITH_TIMEOUT(inbox.size(), 2, 5000);
        append(QStringLiteral("campaigns"), QStringLiteral("four"));
        QTRY_COMPARE_WITH_TIMEOUT(inbox.size(), 3, 5000);
        QStringList types;
        for (const auto &m : inbox)
            types << m.value(QStringLiteral("type")).toString();
        QCOMPARE(types, (QStringList{QStringLiteral("two"), QStringLiteral("three"), QStringLiteral("four")}));
    }

    void silentPeersAreDropped()
    {
        m_api.server().webSockets()->setPingIntervalMs(150);
        // A well-behaved client answers pings (QWebSocket does it by itself) and stays.
        QList<QJsonObject> inbox;
        auto good = open(url(QStringLiteral("scraper"), auth(m_token)), &inbox);
        FT_STOP_IF_FAILED();
        // A raw client completes the handshake and then never reads or answers anything.
        QTcpSocket raw; // the server shares this thread: wait with QTRY (event loop), not waitFor*
        raw.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::ConnectedState, 3000);
        raw.write("GET /ws/scraper" + auth(m_token).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_api.server().port()) +
                  "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n");
        FT_STOP_IF_FAILED();
        QTRY_VERIFY_WITH_TIMEOUT(raw.bytesAvailable() > 0, 3000);
        QVERIFY(raw.peek(12).startsWith("HTTP/1.1 101"));
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().webSockets()->clientCount(), 2, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().webSockets()->clientCount(), 1, 5000);
        QTest::qWait(500);
        QCOMPARE(m_api.server().webSockets()->clientCount(), 1); // the answering one stays
        QCOMPARE(good->state(), QAbstractSocket::ConnectedState);
    }

    void ticketsAreSingleUseAndTokensStayOutOfAddresses()
    {
        const QString t = ticket(m_token);
        FT_STOP_IF_FAILED();
        QList<QJsonObject> inbox;
        auto first = open(url(QStringLiteral("scraper"), QStringLiteral("?ticket=") + t), &inbox);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
        for (const QString &query : {QString(QStringLiteral("?ticket=") + t), QString(QStringLiteral("?token=") + m_token)}) {
            QWebSocket again;
            QSignalSpy closed(&again, &QWebSocket::disconnected);
            again.open(url(QStringLiteral("scraper"), query));
            FT_STOP_IF_FAILED();
            QVERIFY(closed.wait(5000));
            QVERIFY2(again.closeReason().startsWith(QStringLiteral("unauthorized")), qPrintable(again.closeReason()));
        }
        QCOMPARE(m_api.server().webSockets()->clientCount(), 1);
        // A ticket needs a signed-in caller.
        QCOMPARE(m_api.send("POST", QStringLiteral("/api/v1/ws/ticket"), {}).status, 401);
    }

    void revokedSessionsAreClosedWithin1s()
    {
        QList<QJsonObject> inbox;
        auto ws = open(url(QStringLiteral("notifications"), auth(m_otherToken)), &inbox);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
        QSignalSpy closed(ws.get(), &QWebSocket::disconnected);
        auto &a = m_api.engine().auth();
        FT_STOP_IF_FAILED();
        QVERIFY(a.logout(*a.authenticate(m_otherToken), {}).ok());
        QElapsedTimer t;
        t.start();
        QVERIFY(closed.wait(3000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(int(ws->closeCode()), 4001);
        QVERIFY(!ws->closeReason().isEmpty());
        QCOMPARE(m_api.server().webSockets()->clientCount(), 0);
    }

    void foreignOriginsAreRefusedBeforeTheUpgrade()
    {
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_api.server().port());
        QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::ConnectedState, 3000);
        raw.write("GET /ws/notifications" + auth(m_token).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_api.server().port()) +
                  "\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        FT_STOP_IF_FAILED();
        QTRY_VERIFY_WITH_TIMEOUT(raw.bytesAvailable() > 0, 3000);
        QVERIFY(raw.readAll().startsWith("HTTP/1.1 403"));
        QCOMPARE(m_api.server().webSockets()->clientCount(), 0);
    }

    void realChangesArriveOnNotifications()
    {
        // Produced by the services, not hand-published: a lead created over the API, seen live.
        QList<QJsonObject> inbox;
        auto ws = open(url(QStringLiteral("notifications"), auth(m_otherToken)), &inbox);
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
        const test::HttpReply made = m_api.send("POST", QStringLiteral("/api/v1/leads"), {{QStringLiteral("name"), QStringLiteral("Live Lena")}},
                                                m_token.toLatin1());
        QCOMPARE(made.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(inbox.cbegin(), inbox.cend(), [&](const QJsonObject &m) {
                                     return m.value(QStringLiteral("type")).toString() == QLatin1String("lead_created");
                                 }),
                                 5000);
    }

    void bearerSubprotocolAuthenticates()
    {
        QList<QJsonObject> inbox;
        QWebSocket ws;
        QNetworkRequest req(url(QStringLiteral("workflows"), QString()));
        req.setRawHeader("Sec-WebSocket-Protocol", "bearer, " + m_token.toLatin1());
        QSignalSpy connected(&ws, &QWebSocket::connected);
        ws.open(req);
        FT_STOP_IF_FAILED();
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE(m_api.server().webSockets()->clientCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
#include "testenv.h"
