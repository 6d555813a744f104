// Bounces: every delivery status notification (RFC 3464) among the captured bounces in
// ../shared/fixtures/email/bounces read into a recipient, a status code and hard or soft; the
// fields of some checked against the messages by hand; and no reply or auto-reply in
// ../shared/fixtures/email/replies taken for a bounce.
#include "fliptech/mail/bounce.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace fliptech;

class TestBounce final : public QObject
{
    Q_OBJECT

    static QByteArray read(const QString &relative)
    {
        QFile f(test::sharedFixturesDir() + QStringLiteral("/email/") + relative);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void knownBounces()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        auto b = mail::parseBounce(read(QStringLiteral("bounces/sisimai-lhost-postfix-01.eml")));
        QVERIFY(b);
        QCOMPARE(b->recipient, QStringLiteral("r@p351355.pool.example.ne.jp"));
        QCOMPARE(b->status, QStringLiteral("5.1.1"));
        QCOMPARE(b->action, QStringLiteral("failed"));
        QVERIFY(b->hard);
        QVERIFY2(b->diagnostic.startsWith(QLatin1String("procmail:")), qPrintable(b->diagnostic));
    }

    void everyDsnFixtureIsRead()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const QDir dir(test::sharedFixturesDir() + QStringLiteral("/email/bounces"));
        static const QRegularExpression status(QStringLiteral("^[245]\\.\\d{1,3}\\.\\d{1,3}$"));
        int dsn = 0, read = 0;
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++dsn; // every one: RFC 3464 reports and vendors' plain words alike
            const auto b = mail::parseBounce(bytes);
            QVERIFY2(b, qPrintable(name));
            QVERIFY2(b->recipient.contains(u'@'), qPrintable(name + QStringLiteral(": ") + b->recipient));
            QVERIFY2(status.match(b->status).hasMatch(), qPrintable(name + QStringLiteral(": ") + b->status));
            QCOMPARE(b->hard, b->status.startsWith(u'5') && b->status != QLatin1String("5.2.2"));
            ++read;
        }
        QVERIFY(dsn >= 40);
        QCOMPARE(read, dsn);
    }

    // Reports with no delivery-status part: the vendors' own words, read against the messages by hand.
    void vendorTextReports_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("hard");
        QTest::addColumn<QString>("originalId");
        QTest::newRow("qmail") << "sisimai-lhost-qmail-01.eml" << "kijitora@example.ne.jp" << "5.5.0" << true << "<000000000.9999999999999.JavaMail.postmaster@mailhub>";
        QTest::newRow("qmail vdelivermail") << "sisimai-lhost-qmail-10.eml" << "kijitora@neko2.example.co.jp" << "5.1.1" << true
                                            << "<20170429233445.15707033D948@nyaan.example.jp>";
        QTest::newRow("Domino") << "sisimai-lhost-domino-01.eml" << "kijitora@example.jp" << "5.1.1" << true << "";
        QTest::newRow("Exchange 2003") << "sisimai-lhost-exchange2003-01.eml" << "kijitora@example.jp" << "5.1.1" << true << "";
        QTest::newRow("Office 365") << "sisimai-lhost-office365-01.eml" << "kijitora@example.com" << "5.1.10" << true << "";
        QTest::newRow("GMX mailbox full") << "sisimai-lhost-gmx-01.eml" << "shironeko@example.jp" << "5.2.2" << false
                                          << "<trinity-d174cb7e-d4a8-4dd5-8b53-7a9f70928e75-1417217529360@3capp-mailcom-lxa02>";
        QTest::newRow("OpenSMTPD") << "sisimai-lhost-opensmtpd-01.eml" << "apdugoaidugoaidugoaeiudggadi@gmail.com" << "5.1.1" << true << "";
        QTest::newRow("quota in words") << "bounceparser-quota.eml" << "a@b.c" << "5.2.2" << false << "<20100224113210.2BEAE16581EF@server4.example.com>";
    }
    void vendorTextReports()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QFETCH(QString, file);
        QFETCH(QString, recipient);
        QFETCH(QString, status);
        QFETCH(bool, hard);
        QFETCH(QString, originalId);
        const auto b = mail::parseBounce(read(QStringLiteral("bounces/") + file));
        QVERIFY(b);
        QCOMPARE(b->recipient, recipient);
        QCOMPARE(b->status, status);
        QCOMPARE(b->hard, hard);
        QVERIFY(!b->diagnostic.isEmpty());
        if (!originalId.isEmpty())
            QCOMPARE(b->originalMessageId, originalId);
    }

    // Found by fuzz_bounce: a report whose Final-Recipient is no address names no one.
    void aRecipientThatIsNoAddressIsNoBounce()
    {
        const QByteArray m = "From: MAILER-DAEMON@mx.example\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                             "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\n"
                             "Final-Recipient: rfc822; use the smtp server of your isp.\r\nAction: failed\r\nStatus: 5.0.0\r\n\r\n--b--\r\n";
        const auto b = mail::parseBounce(m);
        QVERIFY(!b || b->recipient.contains(u'@'));
        QVERIFY(!mail::parseBounce("X-Failed-Recipients: nobody\r\nFrom: someone@example.com\r\nSubject: hello\r\n\r\nHi\r\n"));
    }

    void failedRecipientsHeader()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        auto b = mail::parseBounce(read(QStringLiteral("bounces/sisimai-lhost-googleworkspace-01.eml")));
        QVERIFY(b);
        QCOMPARE(b->recipient, QStringLiteral("neko-nyaan-cat-meeting@google-groups.example.com"));
        QVERIFY(b->hard);
    }

    void repliesAreNotBounces()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const QDir dir(test::sharedFixturesDir() + QStringLiteral("/email/replies"));
        int checked = 0;
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!mail::parseBounce(f.readAll()), qPrintable(name));
            ++checked;
        }
        QVERIFY(checked >= 10);
        QVERIFY(!mail::parseBounce(QByteArray()));
        QVERIFY(!mail::parseBounce("Content-Type: message/delivery-status\r\n")); // a part with nothing in it
    }
};

QTEST_GUILESS_MAIN(TestBounce)
#include "tst_bounce.moc"
