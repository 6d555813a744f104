// The address guard against server-side request forgery: which addresses count as not public
// (each range named), IPv4 mapped into IPv6 and NAT64 judged by their IPv4 part, and the
// HttpClient refusing them after DNS resolution ("localhost") and on a redirect, while an
// allowed request to the same server goes through.
#include "fliptech/net/addressguard.h"
#include "fliptech/net/httpclient.h"
#include "fixturehttpserver.h"

#include <QTest>

using namespace fliptech;
using test::FixtureHttpServer;

class TestAddressGuard final : public QObject
{
    Q_OBJECT
    FixtureHttpServer m_server;

    net::HttpResponse get(net::HttpClient &client, const QString &url, bool allowPrivate)
    {
        net::HttpRequest r;
        r.url = QUrl(url);
        r.allowPrivateAddresses = allowPrivate;
        r.maxRetries = 2;
        return test::whileServing([&] { return client.get(r); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        FixtureHttpServer::Response ok;
        ok.body = "ok";
        m_server.addResponse("/ok", ok);
        FixtureHttpServer::Response away;
        away.status = 302;
        away.headers = {{"Location", "http://127.0.0.1:1/inside"}};
        m_server.addResponse("/away", away);
    }

    void classifies_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("reasonStart"); // empty: public
        QTest::newRow("loopback") << "127.0.0.1" << "loopback";
        QTest::newRow("loopback far") << "127.255.3.4" << "loopback";
        QTest::newRow("10/8") << "10.20.30.40" << "private network (10";
        QTest::newRow("172.16/12 low") << "172.16.0.1" << "private network (172";
        QTest::newRow("172.31 high") << "172.31.255.255" << "private network (172";
        QTest::newRow("172.32 public") << "172.32.0.1" << "";
        QTest::newRow("192.168") << "192.168.1.1" << "private network (192.168";
        QTest::newRow("metadata") << "169.254.169.254" << "link-local";
        QTest::newRow("cgnat") << "100.64.0.1" << "carrier-grade";
        QTest::newRow("this network") << "0.0.0.0" << "\"this network\"";
        QTest::newRow("multicast") << "239.1.1.1" << "multicast";
        QTest::newRow("broadcast") << "255.255.255.255" << "reserved";
        QTest::newRow("public v4") << "93.184.216.34" << "";
        QTest::newRow("public v4 8.8.8.8") << "8.8.8.8" << "";
        QTest::newRow("v6 loopback") << "::1" << "loopback";
        QTest::newRow("v6 unspecified") << "::" << "unspecified";
        QTest::newRow("v6 ula") << "fd12:3456::1" << "unique local";
        QTest::newRow("v6 link-local") << "fe80::1" << "link-local";
        QTest::newRow("v6 multicast") << "ff02::1" << "multicast";
        QTest::newRow("v4-mapped loopback") << "::ffff:127.0.0.1" << "loopback";
        QTest::newRow("v4-mapped private") << "::ffff:10.0.0.5" << "private network";
        QTest::newRow("v4-mapped public") << "::ffff:8.8.8.8" << "";
        QTest::newRow("nat64 private") << "64:ff9b::a00:1" << "private network";
        QTest::newRow("public v6") << "2606:4700:4700::1111" << "";
        QTest::newRow("not an address") << "example.com" << "not an IP address";
    }
    void classifies()
    {
        QFETCH(QString, address);
        QFETCH(QString, reasonStart);
        const QString reason = net::nonPublicAddressReason(address);
        if (reasonStart.isEmpty())
            QVERIFY2(reason.isEmpty(), qPrintable(reason));
        else
            QVERIFY2(reason.startsWith(reasonStart), qPrintable(reason));
    }

    void clientRefusesLoopbackByAddressAndByName()
    {
        net::HttpClient client({});
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            const QString url = m_server.baseUrl().replace(QStringLiteral("127.0.0.1"), host) + QStringLiteral("/ok");
            m_server.clearRequests();
            const auto refused = get(client, url, false);
            QVERIFY(refused.error.has_value());
            QCOMPARE(refused.error->code, core::ErrorCode::Forbidden);
            QVERIFY2(refused.error->message.contains(QStringLiteral("loopback")), qPrintable(refused.error->message));
            QCOMPARE(refused.attempts, 1); // a refusal is not retried
            QVERIFY(m_server.requests().isEmpty());
            const auto allowed = get(client, url, true);
            QVERIFY2(allowed.ok(), allowed.error ? qPrintable(allowed.error->message) : "status");
            QCOMPARE(allowed.body, QByteArray("ok"));
        }
    }

    void clientRefusesARedirectInside()
    {
        // This server (on loopback) is allowed by name and port; its redirect to another port
        // of loopback is refused when curl opens that connection.
        net::HttpClient client({});
        net::HttpRequest r;
        r.url = QUrl(m_server.baseUrl() + QStringLiteral("/away"));
        r.allowPrivateAddresses = false;
        r.privateAddressesAllowed = {QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort())};
        m_server.clearRequests();
        const auto hop = test::whileServing([&] { return client.get(r); });
        QCOMPARE(m_server.requests().size(), 1); // the first hop went through
        QVERIFY(hop.error.has_value());
        QCOMPARE(hop.error->code, core::ErrorCode::Forbidden);
        QVERIFY2(hop.error->message.contains(QStringLiteral("127.0.0.1:1 is loopback")), qPrintable(hop.error->message));
        // Allowed as an address (any port), the redirect's target is tried (and nothing listens there).
        r.privateAddressesAllowed = {QStringLiteral("127.0.0.1")};
        r.maxRetries = 0;
        const auto through = test::whileServing([&] { return client.get(r); });
        QVERIFY(through.error.has_value());
        QVERIFY(through.error->code != core::ErrorCode::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestAddressGuard)
#include "tst_addressguard.moc"
