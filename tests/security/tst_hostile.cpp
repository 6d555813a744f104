// The API as an attacker sees it, on both backends: hostile requests for every route of the
// route table (malformed and mistyped bodies, unknown ids and foreign keys, out-of-range
// integers, NUL and unpaired surrogates, injection strings, odd query parameters) never get a
// 5xx and change nothing they should not; and a fixed list of abuse cases is refused while a
// legitimate client, from another address, keeps being served.
#include "fliptech/api/apiserver.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "apiharness.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

using namespace fliptech;
using Reply = test::HttpReply;

namespace {

// Values of every JSON type that do not belong where they are put.
QList<QJsonValue> hostileValues()
{
    return {QJsonValue(),
            QJsonValue(true),
            QJsonValue(-1),
            QJsonValue(2147483648.0),
            QJsonValue(-9.9e18),
            QJsonValue(1.5),
            QJsonValue(QString()),
            QJsonValue(QStringLiteral("a\u0000b").replace(QStringLiteral("\\u0000"), QString(QChar(0)))),
            QJsonValue(QString(QChar(0xD800))),
            QJsonValue(QStringLiteral("'; DROP TABLE leads; --")),
            QJsonValue(QStringLiteral("<script>alert(1)</script>")),
            QJsonValue(QString(5000, u'x')),
            QJsonValue(QJsonArray{1, QStringLiteral("two"), QJsonValue()}),
            QJsonValue(QJsonObject{{QStringLiteral("$ne"), 1}})};
}

QByteArray rssLine()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l;
    return {};
}

qint64 rssKiB()
{
    const QByteArray l = rssLine().mid(6).trimmed();
    return l.left(l.indexOf(' ')).toLongLong();
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<test::ApiHarness> m_api;
    QHash<QString, QByteArray> m_t;

    void start(api::ApiOptions options = {})
    {
        m_api = std::make_unique<test::ApiHarness>();
        auto st = m_api->start(m_tmp->url(), std::move(options));
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        m_t = m_api->team();
        FT_STOP_IF_FAILED();
    }
    QByteArray host() const { return "Host: 127.0.0.1:" + QByteArray::number(m_api->server().port()) + "\r\n"; }

    // A request on its own connection from `from`, answered (or not) within waitMs.
    QByteArray rawRequest(const QByteArray &bytes, const QHostAddress &from, int waitMs = 3000)
    {
        QTcpSocket s;
        s.bind(from);
        s.connectToHost(QHostAddress::LocalHost, m_api->server().port());
        QElapsedTimer t;
        t.start();
        while (s.state() != QAbstractSocket::ConnectedState && t.elapsed() < 3000)
            QTest::qWait(2);
        s.write(bytes);
        QByteArray answer;
        while (t.elapsed() < waitMs && !answer.contains("\r\n\r\n"))
            if (!s.waitForReadyRead(1)) {
                answer += s.readAll();
                QTest::qWait(1);
            } else {
                answer += s.readAll();
            }
        QTest::qWait(5);
        return answer + s.readAll();
    }
    // The legitimate teammate: another address, a valid token, an ordinary page of leads.
    int legitimateStatus()
    {
        const QByteArray answer = rawRequest("GET /api/v1/leads?limit=5 HTTP/1.1\r\n" + host() + "Authorization: Bearer " + m_t.value(QStringLiteral("user")) +
                                                 "\r\nConnection: close\r\n\r\n",
                                             QHostAddress(QStringLiteral("127.0.0.2")));
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // 600 slow clients and their server ends need more descriptors than a default 1024.
        rlimit lim{};
        if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 4096) {
            lim.rlim_cur = std::min<rlim_t>(lim.rlim_max, 4096);
            setrlimit(RLIMIT_NOFILE, &lim);
        }
    }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_api.reset();
        m_tmp.reset();
    }

    void everyRouteWithHostileInput()
    {
        api::ApiOptions options;
        options.rateLimitPerMinute = 0; // thousands of requests from one test
        start(options);
        const QByteArray admin = m_t.value(QStringLiteral("admin"));
        // `lead` is the target that reaches every handler; `canary` is never named, so nothing may touch it.
        const qint64 canary = m_api->send("POST", QStringLiteral("/api/v1/leads"), {{QStringLiteral("name"), QStringLiteral("Canary Carl")}}, admin)
                                  .json.value(QStringLiteral("id")).toInteger();
        const qint64 lead = m_api->send("POST", QStringLiteral("/api/v1/leads"), {{QStringLiteral("name"), QStringLiteral("Target Tom")}}, admin)
                                .json.value(QStringLiteral("id")).toInteger();
        const qint64 adminId = m_api->get(QStringLiteral("/api/v1/auth/me"), admin).json.value(QStringLiteral("id")).toInteger();
        const QStringList ids{QString::number(lead), QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("2147483648"),
                              QStringLiteral("99999999999999999999"), QStringLiteral("abc"), QStringLiteral("1%00"), QStringLiteral("1%27%20OR%201%3D1")};
        const QStringList queries{QString(), QStringLiteral("?limit=-1"), QStringLiteral("?limit=abc&cursor=%00"), QStringLiteral("?sort=name;DROP%20TABLE%20leads"),
                                  QStringLiteral("?filter=%7Bbad"), QStringLiteral("?q=%ED%A0%80"), QStringLiteral("?score_min=1e999&city[]=x")};
        int requests = 0, refused = 0, unauthorized = 0;
        QString canaryGone;
        QStringList failures;
        for (const api::Route &route : m_api->server().routes().routes()) {
            const QByteArray method = api::RouteTable::methodName(route.method).toLatin1();
            if (route.path == QLatin1String("/api/v1/auth/logout"))
                continue; // it would end the very session the run uses (tested in tst_authapi)
            // The caller's own account stays (deleting it would end the run, not find a bug).
            for (const QString &id : ids) {
                QString path = route.path;
                path.replace(QRegularExpression(QStringLiteral("\\{[a-z_]+\\}")), id);
                if (path.contains(QString::number(adminId)) && route.path.startsWith(QLatin1String("/api/v1/users")) && method != "GET")
                    continue;
                QList<QByteArray> bodies{QByteArray(), "{", "[]", "null", "\"x\"", "{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}"};
                const QJsonObject props = route.requestSchema.value(QStringLiteral("properties")).toObject();
                for (const QString &field : props.keys())
                    for (const QJsonValue &v : hostileValues())
                        bodies << QJsonDocument(QJsonObject{{field, v}}).toJson(QJsonDocument::Compact);
                for (const QString &q : id == ids.first() ? queries : QStringList{QString()}) {
                    for (const QByteArray &body : method == "GET" ? QList<QByteArray>{QByteArray()} : bodies) {
                        if (route.maxUploadBytes > 0 && body.size() > 2)
                            continue; // uploads get their own cases below
                        const Reply r = m_api->call(method, path + q, body, {{"Authorization", "Bearer " + admin}, {"Content-Type", "application/json"}});
                        ++requests;
                        refused += r.status >= 400;
                        unauthorized += r.status == 401;
                        if (canaryGone.isEmpty()) {
                            auto row = m_api->engine().database().selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE id = ? AND deleted_at IS NULL"), {canary});
                            if (!row || row->value(0).toInt() != 1)
                                canaryGone = QStringLiteral("%1 %2 %3 -> %4").arg(QString::fromLatin1(method), path + q, QString::fromUtf8(body.left(120))).arg(r.status);
                        }
                        if (r.status >= 500 || r.status == 0)
                            failures << QStringLiteral("%1 %2 %3 -> %4 %5").arg(QString::fromLatin1(method), path + q, QString::fromUtf8(body.left(80)))
                                            .arg(r.status).arg(QString::fromUtf8(r.body.left(160)));
                    }
                }
            }
        }
        qInfo("%d hostile requests over %lld routes, %d refused, %lld server errors", requests, qint64(m_api->server().routes().routes().size()),
              refused, qint64(failures.size()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 15).join(u'\n')));
        QVERIFY2(canaryGone.isEmpty(), qPrintable(QStringLiteral("the canary lead was changed by: ") + canaryGone));
        QVERIFY(requests > 3000);
        QVERIFY2(unauthorized < requests / 20, qPrintable(QStringLiteral("%1 of %2 were 401: the run lost its session").arg(unauthorized).arg(requests)));
        // The canary survived every DELETE, PUT and merge aimed at ids that are not its own.
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/leads/%1").arg(canary), admin).json.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Canary Carl"));
    }

    void abuseIsRefusedWhileATeammateIsServed()
    {
        start();
        const quint16 port = m_api->server().port();
        QCOMPARE(legitimateStatus(), 200);

        // Random bearer tokens, a thousand a second from one address: 401, then 429 (they count
        // against the address, not a fresh bucket each).
        {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            QTRY_COMPARE(s.state(), QAbstractSocket::ConnectedState);
            QByteArray burst;
            for (int i = 0; i < 1500; ++i)
                burst += "GET /api/v1/leads HTTP/1.1\r\n" + host() + "Authorization: Bearer " +
                         QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "\r\n\r\n";
            QElapsedTimer t;
            t.start();
            s.write(burst);
            QByteArray answers;
            while (t.elapsed() < 10000 && answers.count("HTTP/1.1 ") < 1500) {
                QTest::qWait(5);
                answers += s.readAll();
            }
            QVERIFY(answers.count("HTTP/1.1 401") > 0);
            QVERIFY2(answers.count("HTTP/1.1 429") >= 250, qPrintable(QStringLiteral("answers %1, 401s %2, 429s %3").arg(answers.count("HTTP/1.1 "))
                                                                          .arg(answers.count("HTTP/1.1 401")).arg(answers.count("HTTP/1.1 429"))));
            QCOMPARE(answers.count("HTTP/1.1 200"), 0);
            QCOMPARE(legitimateStatus(), 200);
        }

        // 600 slow-loris connections from one address: 128 are held (until their head deadline),
        // the rest are refused at once; the teammate is served throughout.
        {
            std::vector<std::unique_ptr<QTcpSocket>> slow;
            for (int i = 0; i < 600; ++i) {
                slow.push_back(std::make_unique<QTcpSocket>());
                slow.back()->connectToHost(QHostAddress::LocalHost, port);
            }
            QTest::qWait(300);
            for (auto &s : slow)
                if (s->state() == QAbstractSocket::ConnectedState)
                    s->write("GET /api/v1/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            QTest::qWait(300);
            QCOMPARE(legitimateStatus(), 200);
            int refusedNow = 0;
            for (auto &s : slow)
                refusedNow += s->readAll().startsWith("HTTP/1.1 429") || s->state() != QAbstractSocket::ConnectedState;
            QVERIFY2(refusedNow >= 600 - 128, qPrintable(QString::number(refusedNow)));
            QVERIFY(m_api->server().openConnections() <= 140);
        }

        // A 300 MiB upload without credentials: refused on its headers, nothing buffered.
        {
            const qint64 before = rssKiB();
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            QTRY_COMPARE(s.state(), QAbstractSocket::ConnectedState);
            s.write("POST /api/v1/uploads/csv HTTP/1.1\r\n" + host() + "Content-Type: text/csv\r\nContent-Length: 314572800\r\n\r\n");
            const QByteArray chunk(1 << 20, 'x');
            for (int i = 0; i < 16 && s.state() == QAbstractSocket::ConnectedState; ++i) {
                s.write(chunk);
                QTest::qWait(5);
            }
            QTRY_VERIFY_WITH_TIMEOUT(s.bytesAvailable() > 0 || s.state() != QAbstractSocket::ConnectedState, 5000);
            QVERIFY(s.readAll().startsWith("HTTP/1.1 401"));
            QVERIFY2(rssKiB() - before < 100 * 1024, rssLine().constData());
        }

        // Oversized headers, a scoped key on admin routes, another user's file, a foreign Origin.
        const QHostAddress other(QStringLiteral("127.0.0.3"));
        QVERIFY(rawRequest("GET /api/v1/health HTTP/1.1\r\n" + host() + "X-Big: " + QByteArray(64 << 10, 'a') + "\r\n\r\n", other).startsWith("HTTP/1.1 431"));
        const Reply key = m_api->send("POST", QStringLiteral("/api/v1/auth/api-keys"),
                                      {{QStringLiteral("name"), QStringLiteral("ro")}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read")}}},
                                      m_t.value(QStringLiteral("admin")));
        const QByteArray ro = key.json.value(QStringLiteral("key")).toString().toLatin1();
        for (const QByteArray &path : {QByteArray("/api/v1/users"), QByteArray("/api/v1/activity/recent")})
            Q_UNUSED(path)
        QCOMPARE(m_api->call("GET", QStringLiteral("/api/v1/users"), {}, {{"X-API-Key", ro}}).status, 403);
        QCOMPARE(m_api->call("POST", QStringLiteral("/api/v1/users"), "{}", {{"X-API-Key", ro}, {"Content-Type", "application/json"}}).status, 403);
        QCOMPARE(m_api->call("POST", QStringLiteral("/api/v1/auth/api-keys"), R"({"name":"more"})", {{"X-API-Key", ro}, {"Content-Type", "application/json"}}).status, 403);
        const QByteArray boundary = "b0undary";
        const Reply up = m_api->call("POST", QStringLiteral("/api/v1/uploads/csv"),
                                     "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mine.csv\"\r\n\r\nname\nMine\r\n--" + boundary + "--\r\n",
                                     {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))}, {"Content-Type", "multipart/form-data; boundary=" + boundary}});
        QCOMPARE(up.status, 201);
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/files/%1/download").arg(up.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("id")).toInteger()),
                            m_t.value(QStringLiteral("viewer"))).status, 404);
        const QByteArray ticket = m_api->send("POST", QStringLiteral("/api/v1/ws/ticket"), {}, m_t.value(QStringLiteral("user"))).json.value(QStringLiteral("ticket")).toString().toLatin1();
        QVERIFY(rawRequest("GET /ws/notifications?ticket=" + ticket + " HTTP/1.1\r\n" + host() +
                               "Origin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "Sec-WebSocket-Version: 13\r\n\r\n", other).startsWith("HTTP/1.1 403"));
        QCOMPARE(legitimateStatus(), 200);
    }

    // Sign-ins hash on a worker pool and their answers come back to the connection's thread:
    // clients that hang up while their password is hashed leave nothing to write to, and the
    // server goes on serving (Qt 6.4's own QFuture routes wrote to the deleted connection).
    void clientsHangingUpDuringASignIn()
    {
        start();
        const quint16 port = m_api->server().port();
        std::vector<std::unique_ptr<QTcpSocket>> gone;
        for (int i = 0; i < 40; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->bind(QHostAddress(QStringLiteral("127.0.1.%1").arg(i + 1))); // one sign-in per address and account
            s->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s->waitForConnected(3000));
            const QByteArray body = "{\"email\":\"nobody" + QByteArray::number(i) + "@agency.example\",\"password\":\"a wrong password\"}";
            s->write("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(s->waitForBytesWritten(3000));
            if (i % 2 == 0)
                s->abort(); // at once
            gone.push_back(std::move(s));
        }
        QTest::qWait(20);
        gone.clear(); // the rest a moment later, mid-hash
        QTest::qWait(1500);
        QCOMPARE(legitimateStatus(), 200);
        const QByteArray answer = rawRequest("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\nContent-Length: 60\r\n\r\n"
                                                 "{\"email\":\"nobody-else@agency.example\",\"password\":\"wrong pw\"}",
                                             QHostAddress(QStringLiteral("127.0.2.1")));
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.left(200).constData());
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
