// The sending-domain check against a DNS server of ours (TXT records as a domain publishes them):
// a domain set up right, half set up, not at all, set up wrong (+all, two SPF records, a revoked
// DKIM key), a 2048-bit DKIM key split over several strings, and a DNS server that fails.
#include "fliptech/mail/deliverability.h"
#include "fixturehttpserver.h"
#include "localdnsserver.h"

#include <QJsonObject>
#include <QTest>

using namespace fliptech;

class TestDeliverability final : public QObject
{
    Q_OBJECT
    test::LocalDnsServer m_dns;

    QJsonObject check(const QString &domain, const QString &selector)
    {
        const QHostAddress ns = m_dns.address();
        return test::whileServing([=] { return mail::checkDeliverability(domain, selector, ns); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_dns.start())
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.1:53 here (%1)").arg(m_dns.errorString())));
        const QByteArray key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + QByteArray(340, 'Q') + "IDAQAB";
        m_dns.addTxt(QStringLiteral("good.example"), "google-site-verification=abc");
        m_dns.addTxt(QStringLiteral("good.example"), "v=spf1 include:_spf.google.com ~all");
        m_dns.addTxt(QStringLiteral("s1._domainkey.good.example"), "v=DKIM1; k=rsa; p=" + key);
        m_dns.addTxt(QStringLiteral("_dmarc.good.example"), "v=DMARC1; p=quarantine; rua=mailto:d@good.example");
        m_dns.addTxt(QStringLiteral("fair.example"), "v=spf1 mx -all");
        m_dns.addEmpty(QStringLiteral("poor.example"));
        m_dns.addTxt(QStringLiteral("open.example"), "v=spf1 +all");
        m_dns.addTxt(QStringLiteral("twice.example"), "v=spf1 mx ~all");
        m_dns.addTxt(QStringLiteral("twice.example"), "v=spf1 include:x.example ~all");
        m_dns.addTxt(QStringLiteral("revoked.example"), "v=spf1 mx ~all");
        m_dns.addTxt(QStringLiteral("s1._domainkey.revoked.example"), "v=DKIM1; p=");
        m_dns.addTxt(QStringLiteral("_dmarc.revoked.example"), "v=DMARC1; p=none");
        m_dns.addFailure(QStringLiteral("broken.example"));
    }

    void verdicts()
    {
        QJsonObject r = check(QStringLiteral("Good.Example"), QStringLiteral("s1"));
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("good"));
        QCOMPARE(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("record")).toString(), QStringLiteral("v=spf1 include:_spf.google.com ~all"));
        QCOMPARE(r.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(r.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("record")).toString().endsWith(QLatin1String("IDAQAB"))); // strings joined
        QCOMPARE(r.value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("policy")).toString(), QStringLiteral("quarantine"));

        r = check(QStringLiteral("fair.example"), QStringLiteral("s1"));
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("fair"));
        QVERIFY2(r.value(QStringLiteral("summary")).toString().contains(QLatin1String("DKIM and DMARC are not in place")), qPrintable(r.value(QStringLiteral("summary")).toString()));
        QCOMPARE(r.value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("missing"));

        r = check(QStringLiteral("poor.example"), QString());
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("poor"));
        QCOMPARE(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("missing"));
        QVERIFY(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("advice")).toString().contains(QLatin1String("v=spf1 include:")));
        QCOMPARE(r.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("not_checked"));

        r = check(QStringLiteral("nowhere.example"), QStringLiteral("s1")); // NXDOMAIN everywhere
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("poor"));

        r = check(QStringLiteral("open.example"), QString());
        QCOMPARE(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QVERIFY(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("advice")).toString().contains(QLatin1String("+all")));
        r = check(QStringLiteral("twice.example"), QString());
        QCOMPARE(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QVERIFY(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("advice")).toString().startsWith(QLatin1String("2 SPF records")));

        r = check(QStringLiteral("revoked.example"), QStringLiteral("s1"));
        QCOMPARE(r.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(r.value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("monitoring"));
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("fair"));

        r = check(QStringLiteral("broken.example"), QString());
        QCOMPARE(r.value(QStringLiteral("spf")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("unknown"));
    }
};

QTEST_GUILESS_MAIN(TestDeliverability)
#include "tst_deliverability.moc"
