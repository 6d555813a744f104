// Built-in e-mail verification against a real DNS server of our own (LocalDnsServer, answering
// as a zone would): syntax, MX, the implicit MX, null MX, a domain that does not exist, a DNS
// failure, disposable and role addresses; each domain asked once per batch.
#include "fliptech/scraper/emailverifier.h"
#include "localdnsserver.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;

class TestEmailVerifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntax_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("domain");
        QTest::newRow("plain") << "joe@bakery.example" << "bakery.example";
        QTest::newRow("plus and dots") << " Joe.Baker+news@Mail.Bakery.Example " << "mail.bakery.example";
        QTest::newRow("international domain") << "joe@b\u00e4ckerei.de" << "xn--bckerei-5wa.de";
        QTest::newRow("no at") << "joe.bakery.example" << "";
        QTest::newRow("two dots") << "joe..baker@bakery.example" << "";
        QTest::newRow("leading dot") << ".joe@bakery.example" << "";
        QTest::newRow("space") << "joe baker@bakery.example" << "";
        QTest::newRow("no domain dot") << "joe@bakery" << "";
        QTest::newRow("hyphen label") << "joe@-bakery.example" << "";
        QTest::newRow("numeric tld") << "joe@bakery.123" << "";
        QTest::newRow("empty local") << "@bakery.example" << "";
        QTest::newRow("injection") << "joe@bakery.example\r\nBcc: all@x.example" << "";
    }
    void syntax()
    {
        QFETCH(QString, email);
        QFETCH(QString, domain);
        const QStringList parts = scraper::EmailVerifier::split(email);
        QCOMPARE(parts.value(1), domain);
    }

    void rolesDisposableFree()
    {
        QVERIFY(scraper::EmailVerifier::isRole(QStringLiteral("Info")));
        QVERIFY(scraper::EmailVerifier::isRole(QStringLiteral("sales+leads")));
        QVERIFY(!scraper::EmailVerifier::isRole(QStringLiteral("joe")));
        QVERIFY(scraper::EmailVerifier::isDisposable(QStringLiteral("mailinator.com")));
        QVERIFY(scraper::EmailVerifier::isDisposable(QStringLiteral("eu.mailinator.com")));
        QVERIFY(!scraper::EmailVerifier::isDisposable(QStringLiteral("notmailinator.com")));
        QVERIFY(scraper::EmailVerifier::isFreeProvider(QStringLiteral("Gmail.com")));
    }

    void againstADnsServer()
    {
        test::LocalDnsServer dns;
        if (!dns.start())
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.1:53 here (%1)").arg(dns.errorString())));
        dns.addMx(QStringLiteral("bakery.example"), 10, QStringLiteral("mx1.bakery.example"));
        dns.addMx(QStringLiteral("bakery.example"), 20, QStringLiteral("mx2.bakery.example"));
        dns.addMx(QStringLiteral("mailinator.com"), 10, QStringLiteral("mail.mailinator.com"));
        dns.addA(QStringLiteral("nomx.example"), QHostAddress(QStringLiteral("192.0.2.10")));
        dns.addMx(QStringLiteral("nullmx.example"), 0, QStringLiteral("."));
        dns.addEmpty(QStringLiteral("parked.example"));
        dns.addFailure(QStringLiteral("broken.example"));
        scraper::EmailVerifier verifier(dns.address(), 5000);
        const QStringList emails = {QStringLiteral("joe@bakery.example"),   QStringLiteral("info@bakery.example"), QStringLiteral("joe@mailinator.com"),
                                    QStringLiteral("joe@nomx.example"),     QStringLiteral("joe@nothing.example"), QStringLiteral("joe@nullmx.example"),
                                    QStringLiteral("joe@broken.example"),   QStringLiteral("not-an-email"),       QStringLiteral("joe@parked.example"),
                                    QStringLiteral("ann@bakery.example")};
        const QList<QJsonObject> r = verifier.verifyAll(emails);
        QCOMPARE(r.size(), emails.size());
        auto status = [&](int i) { return r.at(i).value(QStringLiteral("status")).toString(); };
        auto reason = [&](int i) { return r.at(i).value(QStringLiteral("reason")).toString(); };
        QVERIFY2(status(0) == QLatin1String("valid"), qPrintable(reason(0)));
        QCOMPARE(r.at(0).value(QStringLiteral("checks")).toObject().value(QStringLiteral("mx")).toArray().size(), 2);
        QCOMPARE(status(1), QStringLiteral("risky"));
        QVERIFY2(reason(1).contains(QStringLiteral("role address")), qPrintable(reason(1)));
        QCOMPARE(status(2), QStringLiteral("risky"));
        QVERIFY(reason(2).contains(QStringLiteral("disposable")));
        QVERIFY2(status(3) == QLatin1String("valid"), qPrintable(reason(3)));
        QVERIFY(r.at(3).value(QStringLiteral("checks")).toObject().value(QStringLiteral("implicit_mx")).toBool());
        QCOMPARE(status(4), QStringLiteral("invalid"));
        QVERIFY2(reason(4).contains(QStringLiteral("no mail server")), qPrintable(reason(4)));
        QCOMPARE(status(5), QStringLiteral("invalid"));
        QVERIFY2(reason(5).contains(QStringLiteral("null MX")), qPrintable(reason(5)));
        QCOMPARE(status(6), QStringLiteral("risky"));
        QVERIFY2(reason(6).contains(QStringLiteral("could not be looked up")), qPrintable(reason(6)));
        QCOMPARE(status(7), QStringLiteral("invalid"));
        QVERIFY(!r.at(7).value(QStringLiteral("checks")).toObject().value(QStringLiteral("syntax")).toBool());
        QCOMPARE(status(8), QStringLiteral("invalid")); // exists, but neither MX nor address
        QCOMPARE(status(9), QStringLiteral("valid"));
        // Each domain asked once for its MX (bakery.example for three addresses); the ones
        // without MX once more, for an address.
        QCOMPARE(dns.queries(QStringLiteral("bakery.example")), 1);
        QCOMPARE(dns.queries(QStringLiteral("mailinator.com")), 1);
        QCOMPARE(dns.queries(QStringLiteral("nomx.example")), 2);
        QCOMPARE(dns.queries(QStringLiteral("parked.example")), 2);
    }

    void silentServerIsRiskyNotInvalid()
    {
        // A nameserver that never answers: every address with a good syntax is "risky".
        QUdpSocket silent;
        if (!silent.bind(QHostAddress(QStringLiteral("127.0.0.78")), 53))
            QSKIP("cannot listen on 127.0.0.78:53 here");
        scraper::EmailVerifier verifier(QHostAddress(QStringLiteral("127.0.0.78")), 1500);
        const QJsonObject r = verifier.verify(QStringLiteral("joe@bakery.example"));
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("risky"));
    }
};

QTEST_GUILESS_MAIN(TestEmailVerifier)
#include "tst_emailverifier.moc"
