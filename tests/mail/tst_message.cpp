// Reading received messages: the captured replies of real mail clients (Gmail, Apple Mail,
// Outlook/Hotmail, Thunderbird, Yahoo, iPhone, Android, Comcast) and auto-replies (RFC 3834,
// AOL vacation, Precedence: bulk) from ../shared/fixtures/email, and synthetic messages for
// what they do not show: encoded words, RFC 2231 names, quoted-printable, base64, nested
// multiparts with attachments, charsets, damage.
#include "fliptech/mail/message.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace fliptech;
using mail::parseMessage;

namespace {
QByteArray fixture(const QString &relative)
{
    QFile f(test::sharedFixturesDir() + QStringLiteral("/email/") + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capturedReplies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("textStarts"); // the reply's first words
        QTest::addColumn<QString>("fromEmail");
        QTest::addColumn<bool>("autoReply");
        QTest::newRow("gmail") << "replies/reply-talon-gmail.eml" << "Hello" << "xxx@gmail.com" << false;
        QTest::newRow("android") << "replies/reply-talon-android.eml" << "" << "bob@example.com" << false;
        QTest::newRow("apple mail") << "replies/reply-talon-apple_mail.eml" << "" << "xxx@gmail.com" << false;
        QTest::newRow("apple mail 2") << "replies/reply-talon-apple_mail_2.eml" << "" << "adam@tictail.com" << false;
        QTest::newRow("comcast") << "replies/reply-talon-comcast.eml" << "" << "xxx@comcast.net" << false;
        QTest::newRow("hotmail") << "replies/reply-talon-hotmail.eml" << "" << "xxx@hotmail.com" << false;
        QTest::newRow("iphone") << "replies/reply-talon-iphone.eml" << "" << "xxx@gmail.com" << false;
        QTest::newRow("thunderbird") << "replies/reply-talon-thunderbird.eml" << "" << "bob@xxx.mailgun.org" << false;
        QTest::newRow("yahoo") << "replies/reply-talon-yahoo.eml" << "" << "xxx@yahoo.com" << false;
        QTest::newRow("share block") << "replies/reply-talon-quotations-share-block.eml" << "" << "xxx@example.com" << false;
        QTest::newRow("rfc3834 1") << "replies/autoreply-sisimai-rfc3834-01.eml" << "" << "kijitora@example.net" << true;
        QTest::newRow("rfc3834 2") << "replies/autoreply-sisimai-rfc3834-02.eml" << "" << "nekonyaan@example.org" << true;
        QTest::newRow("rfc3834 3") << "replies/autoreply-sisimai-rfc3834-03.eml" << "" << "kijitora@apple.example.com" << true;
        QTest::newRow("rfc3834 4") << "replies/autoreply-sisimai-rfc3834-04.eml" << "" << "kijitora@example.org" << true;
        QTest::newRow("aol vacation") << "replies/autoreply-bounceparser-aol-vacation.eml" << "" << "fredbloggs@test.com" << true;
        QTest::newRow("thank you, bulk") << "replies/autoreply-bounceparser-autoreply.eml" << "" << "john@a.b.c" << true;
    }
    void capturedReplies()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        QFETCH(QString, file);
        QFETCH(QString, textStarts);
        QFETCH(QString, fromEmail);
        QFETCH(bool, autoReply);
        const QByteArray raw = fixture(file);
        QVERIFY(!raw.isEmpty());
        auto m = parseMessage(raw);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->from.email, fromEmail);
        QVERIFY(!m->subject.isEmpty());
        QVERIFY2(!m->text.trimmed().isEmpty(), "every captured message has text");
        QVERIFY2(!m->text.contains(QLatin1String("=3D")) && !m->text.contains(QLatin1String("=\n")), qPrintable(m->text.left(300)));
        QVERIFY(m->text.startsWith(textStarts));
        QVERIFY(!m->messageId.isEmpty() || file.contains(QLatin1String("share-block")) || file.contains(QLatin1String("apple_mail.eml")) || file.contains(QLatin1String("thunderbird")) || m->messageId.isEmpty());
        QVERIFY2(m->autoReply == autoReply, qPrintable(m->autoReplyReason.isEmpty() ? m->subject : m->autoReplyReason));
    }

    void noReplyIsAnAutoReply()
    {
        // Every captured bounce is parsed without an error too (bounces go to the DSN reader).
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        const QDir dir(test::sharedFixturesDir() + QStringLiteral("/email/bounces"));
        int n = 0;
        for (const QString &f : dir.entryList({QStringLiteral("*.eml")})) {
            auto m = parseMessage(fixture(QStringLiteral("bounces/") + f));
            QVERIFY2(m, qPrintable(f));
            ++n;
        }
        QVERIFY(n >= 40);
    }

    void gmailThreadingAndParts()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        auto m = parseMessage(fixture(QStringLiteral("replies/reply-talon-gmail.eml")));
        QVERIFY(m);
        QCOMPARE(m->messageId, QStringLiteral("CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com"));
        QCOMPARE(m->subject, QStringLiteral("Re: Test"));
        QCOMPARE(m->from.name, QStringLiteral("Megan One"));
        QCOMPARE(m->to.value(0).email, QStringLiteral("bob@example.com"));
        QCOMPARE(m->date, QDateTime(QDate(2012, 4, 2), QTime(16, 21, 52), Qt::UTC));
        QVERIFY(m->text.startsWith(QLatin1String("Hello\n\nOn Mon, Apr 2, 2012")));
        QVERIFY(m->html.contains(QLatin1String("gmail_quote")));
        QVERIFY(m->attachments.isEmpty());
        auto apple = parseMessage(fixture(QStringLiteral("replies/reply-talon-apple_mail_2.eml")));
        QCOMPARE(apple->inReplyTo, QStringLiteral("CABzQGhkMXDxUt_tSVQcg=43aniUhtsVfCZVzu-PG0kwS_uzqMw@mail.gmail.com"));
        QCOMPARE(apple->references, QStringList{apple->inReplyTo});
    }

    void encodedWords_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("q utf-8") << QByteArray("=?UTF-8?Q?Caf=C3=A9_au_lait?=") << QString::fromUtf8("Café au lait");
        QTest::newRow("b utf-8") << QByteArray("=?utf-8?B?w4lsw6lvbm9yZQ==?=") << QString::fromUtf8("Éléonore");
        QTest::newRow("latin1") << QByteArray("Re: =?ISO-8859-1?Q?Gr=FC=DFe?= aus Bern") << QString::fromUtf8("Re: Grüße aus Bern");
        QTest::newRow("adjacent words join") << QByteArray("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") << QStringLiteral("ab");
        QTest::newRow("shift_jis") << QByteArray("=?Shift_JIS?B?k/qWe4zq?=") << QString::fromUtf8("日本語");
        QTest::newRow("not encoded") << QByteArray("Plain = text ?") << QStringLiteral("Plain = text ?");
        QTest::newRow("broken word left") << QByteArray("=?UTF-8?Q?unterminated") << QStringLiteral("=?UTF-8?Q?unterminated");
    }
    void encodedWords()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, decoded);
        QCOMPARE(mail::decodeEncodedWords(raw), decoded);
    }

    void addresses()
    {
        const auto list = mail::parseAddressList(R"("Smith, Joe" <joe@a.example>, b@b.example, =?UTF-8?Q?Ren=C3=A9e?= <r@c.example>, c@d.example (Carl), nonsense)");
        QCOMPARE(list.size(), 4);
        QCOMPARE(list[0].name, QStringLiteral("Smith, Joe"));
        QCOMPARE(list[0].email, QStringLiteral("joe@a.example"));
        QCOMPARE(list[1].email, QStringLiteral("b@b.example"));
        QCOMPARE(list[2].name, QString::fromUtf8("Renée"));
        QCOMPARE(list[3].name, QStringLiteral("Carl"));
        QCOMPARE(mail::parseMessageIds("<a@x> \r\n <b@y>"), (QStringList{QStringLiteral("a@x"), QStringLiteral("b@y")}));
        QCOMPARE(mail::parseMessageIds("bare@id.example"), QStringList{QStringLiteral("bare@id.example")});
    }

    void normalizedSubjects_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("normal");
        QTest::newRow("re") << "Re: A few thoughts on joes.example" << "a few thoughts on joes.example";
        QTest::newRow("stacked") << "RE: Fwd: AW: SV:  A few   thoughts" << "a few thoughts";
        QTest::newRow("tag") << "[EXT] Re: Quick question" << "quick question";
        QTest::newRow("numbered") << "Re[2]: Quick question" << "quick question";
        QTest::newRow("inside kept") << "Why Re: matters" << "why re: matters";
    }
    void normalizedSubjects()
    {
        QFETCH(QString, subject);
        QFETCH(QString, normal);
        QCOMPARE(mail::normalizeSubject(subject), normal);
    }

    void nestedMultipartWithAttachments()
    {
        const QByteArray raw = "From: =?UTF-8?Q?Jos=C3=A9?= <jose@shop.example>\r\n"
                               "To: sam@agency.example\r\n"
                               "Subject: =?UTF-8?B?UmU6IFlvdXIgd2Vic2l0ZSDinJM=?=\r\n"
                               "Date: Tue, 1 Dec 2026 09:30:00 -0600 (CST)\r\n"
                               "Message-ID: <r1@shop.example>\r\n"
                               "In-Reply-To: <m1@agency.example>\r\n"
                               "References: <m0@agency.example>\r\n <m1@agency.example>\r\n"
                               "MIME-Version: 1.0\r\n"
                               "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
                               "\r\n"
                               "preamble\r\n"
                               "--outer\r\n"
                               "Content-Type: multipart/alternative; boundary=inner\r\n"
                               "\r\n"
                               "--inner\r\n"
                               "Content-Type: text/plain; charset=iso-8859-1\r\n"
                               "Content-Transfer-Encoding: quoted-printable\r\n"
                               "\r\n"
                               "Ol=E1! Yes, send the quote. It's a long line that is wrapped by a soft=\r\n"
                               " break.\r\n"
                               "--inner\r\n"
                               "Content-Type: text/html; charset=utf-8\r\n"
                               "Content-Transfer-Encoding: base64\r\n"
                               "\r\n"
                               + QByteArray("<p>Ol\xc3\xa1! Yes, send the quote.</p>").toBase64() + "\r\n"
                               "--inner--\r\n"
                               "--outer\r\n"
                               "Content-Type: application/pdf; name=\"old.pdf\"\r\n"
                               "Content-Disposition: attachment;\r\n filename*0*=UTF-8''Pr%C3%A9;\r\n filename*1=\"sentation.pdf\"\r\n"
                               "Content-Transfer-Encoding: base64\r\n"
                               "\r\n"
                               "JVBERi0xLjQK\r\n"
                               "--outer\r\n"
                               "Content-Type: image/png\r\n"
                               "Content-Transfer-Encoding: base64\r\n"
                               "\r\n"
                               "iVBORw0KGgo=\r\n"
                               "--outer--\r\n"
                               "epilogue\r\n";
        auto m = parseMessage(raw);
        QVERIFY(m);
        QCOMPARE(m->from.name, QString::fromUtf8("José"));
        QCOMPARE(m->subject, QString::fromUtf8("Re: Your website ✓"));
        QCOMPARE(m->date, QDateTime(QDate(2026, 12, 1), QTime(15, 30), Qt::UTC));
        QCOMPARE(m->inReplyTo, QStringLiteral("m1@agency.example"));
        QCOMPARE(m->references, (QStringList{QStringLiteral("m0@agency.example"), QStringLiteral("m1@agency.example")}));
        QCOMPARE(m->text, QString::fromUtf8("Olá! Yes, send the quote. It's a long line that is wrapped by a soft break."));
        QCOMPARE(m->html, QString::fromUtf8("<p>Olá! Yes, send the quote.</p>"));
        QCOMPARE(m->attachments.size(), 2);
        QCOMPARE(m->attachments[0].filename, QString::fromUtf8("Présentation.pdf"));
        QCOMPARE(m->attachments[0].contentType, QStringLiteral("application/pdf"));
        QCOMPARE(m->attachments[0].data, QByteArray("%PDF-1.4\n"));
        QCOMPARE(m->attachments[1].contentType, QStringLiteral("image/png"));
        QVERIFY(!m->autoReply);
    }

    void htmlOnlyBecomesText()
    {
        auto m = parseMessage("From: a@b.example\nSubject: hi\nContent-Type: text/html; charset=utf-8\n\n<div>Sounds <b>good</b>!</div><div>Call me&nbsp;Monday.</div>");
        QVERIFY(m);
        QCOMPARE(m->text, QStringLiteral("Sounds good!\nCall me Monday."));
    }

    void autoReplies_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("autoReply");
        QTest::newRow("auto-submitted no") << QByteArray("Auto-Submitted: no\nSubject: Re: hi\n") << "Yes please" << false;
        QTest::newRow("auto-generated") << QByteArray("Auto-Submitted: auto-generated\nSubject: Re: hi\n") << "x" << true;
        QTest::newRow("x-autoreply") << QByteArray("X-Autoreply: yes\nSubject: Re: hi\n") << "x" << true;
        QTest::newRow("exchange oof") << QByteArray("X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply\nSubject: Re: hi\n") << "x" << true;
        QTest::newRow("subject out of office") << QByteArray("Subject: Out of Office: A few thoughts\n") << "x" << true;
        QTest::newRow("german") << QByteArray("Subject: Abwesenheitsnotiz: Ihre Anfrage\n") << "x" << true;
        QTest::newRow("body ooo") << QByteArray("Subject: Re: hi\n") << "Thanks for your email. I am currently out of the office until Monday." << true;
        QTest::newRow("ordinary") << QByteArray("Subject: Re: out of office furniture\n") << "We sell office chairs; call me." << false;
        QTest::newRow("list precedence") << QByteArray("Precedence: list\nSubject: Re: hi\n") << "Yes" << false;
    }
    void autoReplies()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QString, body);
        QFETCH(bool, autoReply);
        auto m = parseMessage("From: a@b.example\n" + headers + "\n" + body.toUtf8());
        QVERIFY(m);
        QVERIFY2(m->autoReply == autoReply, qPrintable(m->autoReplyReason));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("just text") << QByteArray("hello there, this is not mail") << false;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5) << false;
        QTest::newRow("headers only") << QByteArray("From: a@b.example\r\nSubject: x") << true;
        QTest::newRow("multipart without boundary") << QByteArray("From: a@b.example\nContent-Type: multipart/mixed\n\nbody") << true;
        QTest::newRow("unterminated multipart") << QByteArray("From: a@b.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi") << true;
        QTest::newRow("bad base64") << QByteArray("From: a@b.example\nContent-Transfer-Encoding: base64\n\n!!!***") << true;
        QTest::newRow("bad qp") << QByteArray("From: a@b.example\nContent-Transfer-Encoding: quoted-printable\n\n=ZZ=4") << true;
        QTest::newRow("unknown charset") << QByteArray("From: a@b.example\nContent-Type: text/plain; charset=x-martian\n\nhi") << true;
        QByteArray deep = "From: a@b.example\nContent-Type: multipart/mixed; boundary=b\n\n";
        for (int i = 0; i < 200; ++i)
            deep += "--b\nContent-Type: multipart/mixed; boundary=b\n\n";
        QTest::newRow("deep nesting") << deep << true;
    }
    void badInput()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, ok);
        auto m = parseMessage(raw);
        QCOMPARE(bool(m), ok);
        if (!ok)
            QVERIFY(m.error().message.contains(QLatin1String("not an e-mail message")));
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
