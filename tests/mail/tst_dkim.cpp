// DKIM: RFC 6376's relaxed canonicalisation example worked exactly, and signatures that another
// implementation — dkimpy, as mail servers' milters use it — verifies, and rejects once a signed
// header or the body changes.
#include "fliptech/mail/dkim.h"
#include "fliptech/mail/mime.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace fliptech;

namespace {

QByteArray newKeyPem()
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, int(n));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

QString verify(const QByteArray &message, const QByteArray &record)
{
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
    QProcess p;
    p.start(python, {QFINDTESTDATA("dkimverify.py"), QString::fromLatin1(record)});
    p.waitForStarted();
    p.write(message);
    p.closeWriteChannel();
    p.waitForFinished(20000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (out.isEmpty())
        qWarning("dkimverify: %s", p.readAllStandardError().constData());
    return out;
}

} // namespace

class TestDkim final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relaxedCanonicalisation()
    {
        // RFC 6376 3.4.5.
        QCOMPARE(mail::DkimSigner::relaxedHeader("A", " X"), QByteArray("a:X"));
        QCOMPARE(mail::DkimSigner::relaxedHeader("B ", " Y\t\r\n\tZ  "), QByteArray("b:Y Z"));
        QCOMPARE(mail::DkimSigner::relaxedBody(" C \r\nD \t E\r\n\r\n\r\n"), QByteArray(" C\r\nD E\r\n"));
        QCOMPARE(mail::DkimSigner::relaxedBody(""), QByteArray());
        QCOMPARE(mail::DkimSigner::relaxedBody("no newline"), QByteArray("no newline\r\n"));
    }

    void badKeysAreRefused()
    {
        QVERIFY(!mail::DkimSigner::fromPem("not a key", QStringLiteral("studio.example"), QStringLiteral("s1")));
        QVERIFY(!mail::DkimSigner::fromPem(newKeyPem(), QStringLiteral("studio example"), QStringLiteral("s1")));
        QVERIFY(!mail::DkimSigner::fromPem(newKeyPem(), QStringLiteral("studio.example"), QStringLiteral("s 1")));
    }

    void dkimpyVerifies()
    {
        auto signer = mail::DkimSigner::fromPem(newKeyPem(), QStringLiteral("Studio.example"), QStringLiteral("fliptech2026"));
        QVERIFY2(signer, signer ? "" : qPrintable(signer.error().message));
        const QByteArray record = signer->dnsRecord();
        QVERIFY(record.startsWith("v=DKIM1; k=rsa; p=MII"));
        mail::OutgoingMessage m;
        m.from = {QStringLiteral("Søren"), QStringLiteral("soren@studio.example")};
        m.to = {{QStringLiteral("Ann Baker"), QStringLiteral("ann@cakes.example")}};
        m.subject = QStringLiteral("Une idée rapide pour Ann's Cakes — quinze minutes cette semaine ?");
        m.text = QStringLiteral("Bonjour Ann,\n\n  Un site   plus rapide.\t\n") + QString(150, u'x') + QStringLiteral("\n\n\n");
        m.html = QStringLiteral("<p>Bonjour Ann,</p>");
        m.unsubscribeUrl = QStringLiteral("https://t.studio.example/u/abc");
        const QByteArray message = mail::buildMessage(m);
        const QByteArray signed_ = signer->sign(message);
        QVERIFY(signed_.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=studio.example; s=fliptech2026;"));
        QVERIFY(signed_.endsWith(message));
        QCOMPARE(verify(signed_, record), QStringLiteral("ok"));
        // A changed subject, or body, no longer verifies.
        QByteArray tampered = signed_;
        tampered.replace("Subject: =?UTF-8?B?", "Subject: =?UTF-8?B?X");
        QCOMPARE(verify(tampered, record), QStringLiteral("fail"));
        tampered = signed_;
        tampered.replace("Bonjour", "Bonsoir");
        QCOMPARE(verify(tampered, record), QStringLiteral("fail"));
        // Another key's record: no.
        auto other = mail::DkimSigner::fromPem(newKeyPem(), QStringLiteral("studio.example"), QStringLiteral("fliptech2026"));
        QCOMPARE(verify(signed_, other->dnsRecord()), QStringLiteral("fail"));
    }
};

QTEST_GUILESS_MAIN(TestDkim)
#include "tst_dkim.moc"
