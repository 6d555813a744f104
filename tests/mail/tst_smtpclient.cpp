// SMTP through libcurl against a real SMTP server (aiosmtpd, started per test): messages arrive
// byte for byte (lines starting with a dot included), several sends share one connection, a
// refused recipient is a permanent failure with its 5xx, a deferred one transient with its 4xx,
// an unreachable server transient, a missing STARTTLS refused rather than sent in the clear, and
// the account check connects and greets.
#include "fliptech/mail/mime.h"
#include "fliptech/mail/smtpclient.h"
#include "smtpsink.h"
#include "testenv.h"

#include <QTest>

using namespace fliptech;

class TestSmtpClient final : public QObject
{
    Q_OBJECT

    static mail::SmtpSettings local(quint16 port)
    {
        mail::SmtpSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.tls = mail::SmtpSettings::Tls::None;
        s.timeoutMs = 10000;
        return s;
    }
    static QByteArray message(const QString &to, const QString &text)
    {
        mail::OutgoingMessage m;
        m.from = {QStringLiteral("Sam"), QStringLiteral("sam@studio.example")};
        m.to = {{{}, to}};
        m.subject = QStringLiteral("Über a quick idea");
        m.text = text;
        m.html = QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>");
        m.unsubscribeUrl = QStringLiteral("https://t.studio.example/u/x");
        return mail::buildMessage(m);
    }

private Q_SLOTS:
    void sendsExactlyWhatWasBuilt()
    {
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        mail::SmtpClient client(local(sink.port()));
        QList<QByteArray> sent;
        for (int i = 0; i < 3; ++i) {
            // A line that is one dot, and lines that begin with one: SMTP's end-of-data marker.
            const QByteArray data = message(QStringLiteral("ann%1@cakes.example").arg(i), QStringLiteral("Hi.\n.\n..two dots\n.one dot\nBye %1").arg(i));
            const mail::SmtpResult r = client.send(QStringLiteral("sam@studio.example"), {QStringLiteral("ann%1@cakes.example").arg(i)}, data);
            QVERIFY2(r.ok, qPrintable(r.message));
            QCOMPARE(r.code, 250);
            sent << data;
        }
        QTRY_COMPARE(sink.messages().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(sink.messages().at(i), sent.at(i));
            QCOMPARE(sink.recipients().at(i), QByteArray("ann" + QByteArray::number(i) + "@cakes.example"));
        }
        // The three shared one connection (one greeting).
        QCOMPARE(sink.greetings(), 1);
    }

    void failuresSayWhetherToRetry()
    {
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        mail::SmtpClient client(local(sink.port()));
        mail::SmtpResult r = client.send(QStringLiteral("sam@studio.example"), {QStringLiteral("bounce@cakes.example")}, message(QStringLiteral("bounce@cakes.example"), QStringLiteral("x")));
        QVERIFY(!r.ok);
        QCOMPARE(r.code, 550);
        QVERIFY(r.permanent);
        QVERIFY2(r.message.contains(QLatin1String("550")), qPrintable(r.message));
        r = client.send(QStringLiteral("sam@studio.example"), {QStringLiteral("later@cakes.example")}, message(QStringLiteral("later@cakes.example"), QStringLiteral("x")));
        QVERIFY(!r.ok);
        QCOMPARE(r.code, 451);
        QVERIFY(r.transient());
        // The connection survives a refused recipient: the next message goes through.
        r = client.send(QStringLiteral("sam@studio.example"), {QStringLiteral("ok@cakes.example")}, message(QStringLiteral("ok@cakes.example"), QStringLiteral("x")));
        QVERIFY2(r.ok, qPrintable(r.message));
        QTRY_COMPARE(sink.messages().size(), 1);
        QVERIFY(client.check().ok);

        // Nobody listening: transient, and said.
        mail::SmtpClient nowhere(local(test::freePort()));
        r = nowhere.send(QStringLiteral("sam@studio.example"), {QStringLiteral("a@b.example")}, "Subject: x\r\n\r\nx\r\n");
        QVERIFY(!r.ok && r.transient());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.message.contains(QLatin1String("could not reach")), qPrintable(r.message));
        QVERIFY(!nowhere.check().ok);

        // STARTTLS asked of a server without it: refused, never sent in the clear.
        mail::SmtpSettings tls = local(sink.port());
        tls.tls = mail::SmtpSettings::Tls::StartTls;
        mail::SmtpClient careful(tls);
        r = careful.send(QStringLiteral("sam@studio.example"), {QStringLiteral("c@d.example")}, message(QStringLiteral("c@d.example"), QStringLiteral("secret")));
        QVERIFY(!r.ok);
        QVERIFY(r.permanent);
        QVERIFY2(r.message.contains(QLatin1String("STARTTLS")), qPrintable(r.message));
        QCOMPARE(sink.messages().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
