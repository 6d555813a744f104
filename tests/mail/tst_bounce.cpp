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
            if (!bytes.contains("message/delivery-status") && !bytes.contains("X-Failed-Recipients"))
                continue; // other vendor text formats: not read yet
            ++dsn;
            const auto b = mail::parseBounce(bytes);
            QVERIFY2(b, qPrintable(name));
            QVERIFY2(b->recipient.contains(u'@'), qPrintable(name + QStringLiteral(": ") + b->recipient));
            QVERIFY2(status.match(b->status).hasMatch(), qPrintable(name + QStringLiteral(": ") + b->status));
            QCOMPARE(b->hard, b->status.startsWith(u'5') && b->status != QLatin1String("5.2.2"));
            ++read;
        }
        QVERIFY(dsn >= 30);
        QCOMPARE(read, dsn);
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
