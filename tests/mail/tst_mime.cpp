// Outgoing MIME: quoted-printable and encoded words against RFC 2045/2047 examples worked by
// hand, header folding and injection, and whole messages read back by another implementation —
// Python's email package (policy default, the parser mail tools use) — which must find the same
// subject, addresses, parts and unsubscribe headers, and no defect.
#include "fliptech/mail/mime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace fliptech;

namespace {

// Python's reading of a message: {subject, from, to, message_id, list_unsubscribe, one_click,
// content_type, parts: [{type, charset, content}], defects, longest_line}.
QJsonObject readByPython(const QByteArray &message)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        qFatal("python3 is needed (scripts/test.sh installs it)");
    const QString script = QFINDTESTDATA("readmessage.py");
    QProcess p;
    p.start(python, {script});
    p.waitForStarted();
    p.write(message);
    p.closeWriteChannel();
    p.waitForFinished(20000);
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning("python: %s", p.readAllStandardError().constData());
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestMime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotedPrintable_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("ascii") << QByteArray("Hello, world.") << QByteArray("Hello, world.");
        QTest::newRow("equals") << QByteArray("a=b") << QByteArray("a=3Db");
        QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9") << QByteArray("caf=C3=A9");
        QTest::newRow("lines") << QByteArray("one\ntwo\r\nthree") << QByteArray("one\r\ntwo\r\nthree");
        QTest::newRow("trailing space") << QByteArray("end \nnext\t") << QByteArray("end=20\r\nnext=09");
        QTest::newRow("inner space") << QByteArray("a b\tc") << QByteArray("a b\tc");
        // 80 x "a": 75 on the first line + "=", the rest after.
        QTest::newRow("long line") << QByteArray(80, 'a') << QByteArray(QByteArray(75, 'a') + "=\r\n" + QByteArray(5, 'a'));
        // An encoded character is never split by a soft break.
        QTest::newRow("no split escape") << QByteArray(QByteArray(74, 'a') + "\xc3\xa9") << QByteArray(QByteArray(74, 'a') + "=\r\n=C3=A9");
    }
    void quotedPrintable()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QCOMPARE(mail::quotedPrintable(in), out);
    }

    void headerText()
    {
        QCOMPARE(mail::encodeHeaderText(QStringLiteral("Quick question")), QByteArray("Quick question"));
        QCOMPARE(mail::encodeHeaderText(QStringLiteral("Caf\u00e9")), QByteArray("=?UTF-8?B?Q2Fmw6k=?="));
        // Line breaks never reach a header (injection).
        QCOMPARE(mail::encodeHeaderText(QStringLiteral("Hi\r\nBcc: victim@example.com")), QByteArray("Hi Bcc: victim@example.com"));
        // Long non-ASCII text: words of at most 75 characters, none splitting a character.
        const QString longText = QString(60, QChar(0x00e9)) + QStringLiteral(" \U0001F600 ") + QString(30, QChar(0x4e2d));
        const QList<QByteArray> words = mail::encodeHeaderText(longText).split(' ');
        QString decoded;
        for (const QByteArray &w : words) {
            QVERIFY2(w.size() <= 75 && w.startsWith("=?UTF-8?B?") && w.endsWith("?="), w.constData());
            const QByteArray bytes = QByteArray::fromBase64(w.mid(10, w.size() - 12));
            QVERIFY2(QString::fromUtf8(bytes).toUtf8() == bytes, "a word ends inside a character");
            decoded += QString::fromUtf8(bytes);
        }
        QCOMPARE(decoded, longText);
        QCOMPARE(mail::formatAddress({QStringLiteral("Ann Baker"), QStringLiteral("ann@x.example")}), QByteArray("Ann Baker <ann@x.example>"));
        QCOMPARE(mail::formatAddress({QStringLiteral("Baker, Ann \"AB\""), QStringLiteral("ann@x.example")}),
                 QByteArray("\"Baker, Ann \\\"AB\\\"\" <ann@x.example>"));
        QCOMPARE(mail::formatAddress({{}, QStringLiteral("ann@x.example")}), QByteArray("ann@x.example"));
        QCOMPARE(mail::formatDate(QDateTime(QDate(2026, 12, 1), QTime(6, 30, 5), Qt::UTC)), QByteArray("Tue, 01 Dec 2026 06:30:05 +0000"));
        QCOMPARE(mail::formatDate(QDateTime(QDate(2026, 7, 4), QTime(9, 0), Qt::OffsetFromUTC, -5 * 3600)), QByteArray("Sat, 04 Jul 2026 09:00:00 -0500"));
    }

    void pythonReadsWhatWeWrite()
    {
        mail::OutgoingMessage m;
        m.from = {QStringLiteral("Søren from FlipTech"), QStringLiteral("soren@studio.example")};
        m.to = {{QStringLiteral("Ann Baker"), QStringLiteral("ann@cakes.example")}, {{}, QStringLiteral("bo@buns.example")}};
        m.subject = QStringLiteral("Une idée rapide pour Ann's Cakes & Co — 15 minutes cette semaine, ou la suivante ? ✓");
        m.text = QStringLiteral("Bonjour Ann,\n\nUn site plus rapide = plus d'appels.\n") + QString(120, u'x') + QStringLiteral("\n-- \nSøren");
        m.html = QStringLiteral("<p>Bonjour Ann,</p><p>Un site plus rapide = plus d&#39;appels.</p><p style=\"color:#888\">") + QString(200, u'y') +
                 QStringLiteral("</p>");
        m.unsubscribeUrl = QStringLiteral("https://t.studio.example/u/abc123");
        m.unsubscribeMailto = QStringLiteral("mailto:unsubscribe@studio.example?subject=abc123");
        m.headers = {{"X-FlipTech-Recipient", "42"}, {"X-Evil\r\nBcc", "x\r\nBcc: victim@example.com"}};
        QString id;
        const QByteArray bytes = mail::buildMessage(m, &id);
        QVERIFY(id.startsWith(u'<') && id.endsWith(QLatin1String("@studio.example>")));
        QVERIFY2(!bytes.contains("\nBcc:"), bytes.constData());
        const QJsonObject read = readByPython(bytes);
        QVERIFY2(!read.isEmpty(), bytes.constData());
        QCOMPARE(read.value(QStringLiteral("defects")).toInt(), 0);
        QVERIFY2(read.value(QStringLiteral("longest_line")).toInt() <= 78, bytes.constData());
        QCOMPARE(read.value(QStringLiteral("subject")).toString(), m.subject);
        QCOMPARE(read.value(QStringLiteral("from_name")).toString(), m.from.name);
        QCOMPARE(read.value(QStringLiteral("to")).toArray(),
                 (QJsonArray{QStringLiteral("Ann Baker <ann@cakes.example>"), QStringLiteral("bo@buns.example")}));
        QCOMPARE(read.value(QStringLiteral("message_id")).toString(), id);
        QCOMPARE(read.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        QCOMPARE(read.value(QStringLiteral("list_unsubscribe")).toString(),
                 QStringLiteral("<https://t.studio.example/u/abc123>, <mailto:unsubscribe@studio.example?subject=abc123>"));
        QCOMPARE(read.value(QStringLiteral("one_click")).toString(), QStringLiteral("List-Unsubscribe=One-Click"));
        const QJsonArray parts = read.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        // Python hands back the text with its line ends as written and a final newline.
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("content")).toString().replace(QLatin1String("\r\n"), QLatin1String("\n")).trimmed(),
                 m.text.trimmed());
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/html"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("content")).toString().trimmed(), m.html);

        // One part only: no multipart.
        mail::OutgoingMessage plain;
        plain.from = {{}, QStringLiteral("a@b.example")};
        plain.to = {{{}, QStringLiteral("c@d.example")}};
        plain.subject = QStringLiteral("Plain");
        plain.text = QStringLiteral("Just text.");
        const QJsonObject single = readByPython(mail::buildMessage(plain));
        QCOMPARE(single.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(single.value(QStringLiteral("parts")).toArray().first().toObject().value(QStringLiteral("content")).toString().trimmed(), QStringLiteral("Just text."));
        QCOMPARE(single.value(QStringLiteral("one_click")).toString(), QString()); // no https link, no One-Click
        QCOMPARE(single.value(QStringLiteral("defects")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMime)
#include "tst_mime.moc"
