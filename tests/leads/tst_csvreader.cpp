#include "fliptech/leads/csvreader.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using namespace fliptech::leads;

namespace {

struct Parsed {
    fliptech::core::Status open;
    QList<QStringList> records;
    QStringList errors; // per record, empty when fine
    QList<qint64> lines;
    CsvReader *reader = nullptr;
};

Parsed parse(const QByteArray &bytes, CsvReader::Options options = {})
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    Parsed p;
    p.open = reader.open();
    if (!p.open)
        return p;
    while (reader.next()) {
        p.records << reader.fields();
        p.errors << reader.recordError();
        p.lines << reader.recordLine();
    }
    return p;
}

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void records_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // records joined by '|', fields by '^'
        QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << "a^b^c|1^2^3";
        QTest::newRow("crlf and no final newline") << QByteArray("a,b\r\n1,2") << "a^b|1^2";
        QTest::newRow("old mac cr") << QByteArray("a,b\r1,2\r") << "a^b|1^2";
        QTest::newRow("quoted comma") << QByteArray("name,city\n\"Doe, Jane\",Austin\n") << "name^city|Doe, Jane^Austin";
        QTest::newRow("doubled quote") << QByteArray("q\n\"say \"\"hi\"\"\"\n") << "q|say \"hi\"";
        QTest::newRow("embedded newline") << QByteArray("a,b\n\"line1\nline2\",x\n") << "a^b|line1\nline2^x";
        QTest::newRow("embedded crlf") << QByteArray("a,b\r\n\"l1\r\nl2\",x\r\n") << "a^b|l1\r\nl2^x";
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << "a^b^c|^^";
        QTest::newRow("blank lines skipped") << QByteArray("a,b\n\n1,2\n\n") << "a^b|1^2";
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2,5;3\n") << "a^b^c|1^2,5^3";
        QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << "a^b|1^2";
        QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBFname,city\nJos\xC3\xA9,M\xC3\xBCnchen\n") << "name^city|José^München";
        QTest::newRow("windows-1252") << QByteArray("name,note\nJos\xE9,\x93quoted\x94 \x80" "5\n") << "name^note|José^“quoted” €5";
        QTest::newRow("stray 1252 in utf8") << QByteArray("a,b\nM\xC3\xBCnchen,caf\xE9\n") << "a^b|München^café";
        QTest::newRow("quote inside unquoted field kept") << QByteArray("a,b\n5\" pipe,x\n") << "a^b|5\" pipe^x";
        QTest::newRow("ragged rows") << QByteArray("a,b,c\n1\n1,2,3,4\n") << "a^b^c|1|1^2^3^4";
    }
    void records()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const Parsed p = parse(bytes);
        QVERIFY2(p.open.ok(), p.open.ok() ? "" : qPrintable(p.open.error().message));
        QStringList got;
        for (const auto &r : p.records)
            got << r.join(u'^');
        QCOMPARE(got.join(u'|'), expected);
        for (const auto &e : p.errors)
            QVERIFY2(e.isEmpty(), qPrintable(e));
    }
    void utf16WithAndWithoutBom_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::addColumn<bool>("bom");
        QTest::newRow("le bom") << true << true;
        QTest::newRow("be bom") << false << true;
        QTest::newRow("le no bom") << true << false;
    }
    void utf16WithAndWithoutBom()
    {
        QFETCH(bool, littleEndian);
        QFETCH(bool, bom);
        QStringEncoder enc(littleEndian ? QStringEncoder::Utf16LE : QStringEncoder::Utf16BE,
                           bom ? QStringEncoder::Flag::WriteBom : QStringEncoder::Flag::Default);
        const QByteArray bytes = enc.encode(QStringLiteral("name\tcity\nJosé\tMünchen\n\"a\nb\"\tÅ\n"));
        const Parsed p = parse(bytes);
        QVERIFY(p.open.ok());
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.records[1], (QStringList{QStringLiteral("José"), QStringLiteral("München")}));
        QCOMPARE(p.records[2], (QStringList{QStringLiteral("a\nb"), QStringLiteral("Å")}));
    }
    void encodingIsReported()
    {
        QByteArray data("a,b\n\xE9,x\n");
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.encoding(), CsvEncoding::Windows1252);
        QCOMPARE(reader.delimiter(), ',');
    }
    void lineNumbersCountEmbeddedNewlines()
    {
        const Parsed p = parse("h\n\"a\nb\nc\"\nnext\n");
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.lines, (QList<qint64>{1, 2, 5}));
    }
    void hugeFieldSpoilsOnlyItsRecord()
    {
        QByteArray bytes("name,notes\nfirst,ok\nsecond,\"");
        bytes += QByteArray(5 * 1024 * 1024, 'x');
        bytes += "\"\nthird,fine\n";
        const Parsed p = parse(bytes);
        QVERIFY(p.open.ok());
        QCOMPARE(p.records.size(), 4);
        QVERIFY(p.errors[2].contains(QStringLiteral("longer than")));
        QCOMPARE(p.records[2].value(1), QString()); // the 5 MiB are not kept
        QCOMPARE(p.records[3], (QStringList{QStringLiteral("third"), QStringLiteral("fine")}));
        QVERIFY(p.errors[3].isEmpty());
    }
    void unclosedQuoteAtEndIsReported()
    {
        const Parsed p = parse("a,b\n1,\"never closed\n2,3\n");
        QCOMPARE(p.records.size(), 2);
        QVERIFY(p.errors[1].contains(QStringLiteral("never closed")));
    }
    void quoteRunningAcrossLinesIsARejectedRecord()
    {
        // The hostile-input run's file: the quote on line 2 closes inside line 4, so three lines
        // became one lead named 'Unclosed,a@example.com B,b@example.com C"x"'.
        const Parsed p = parse("name,email\n\"Unclosed,a@example.com\nB,b@example.com\nC\"x\",c@example.com\nD,d@example.com\n");
        QCOMPARE(p.records.size(), 3);
        QCOMPARE(p.lines[1], 2);
        QVERIFY2(p.errors[1].contains(QStringLiteral("line 2")) && p.errors[1].contains(QStringLiteral("line 4")), qPrintable(p.errors[1]));
        QCOMPARE(p.records[2], (QStringList{QStringLiteral("D"), QStringLiteral("d@example.com")}));
        QVERIFY(p.errors[2].isEmpty());
        // A proper multi-line field closes before its delimiter: no error.
        const Parsed fine = parse("name,note\n\"Ann\",\"line one\nline two\"\nBob,x\n");
        QCOMPARE(fine.records.size(), 3);
        QVERIFY(fine.errors[1].isEmpty());
        QCOMPARE(fine.records[1].value(1), QStringLiteral("line one\nline two"));
    }
    void tooManyFields()
    {
        CsvReader::Options o;
        o.maxFields = 3;
        const Parsed p = parse("a,b,c\n1,2,3,4,5\n", o);
        QVERIFY(p.errors[1].contains(QStringLiteral("more than 3 fields")));
    }
    void fileLevelErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("binary with nul") << QByteArray("PK\x03\x04\x00\x00\x01\x02garbage", 16) << "binary";
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 31 + 1));
        QTest::newRow("control junk") << junk << "binary";
    }
    void fileLevelErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const Parsed p = parse(bytes);
        QVERIFY(!p.open.ok());
        QVERIFY2(p.open.error().message.contains(message), qPrintable(p.open.error().message));
    }
    void chunkBoundaries()
    {
        // Quotes, CRLF and doubled quotes that straddle the 256 KiB read chunks.
        QByteArray bytes("id,text\r\n");
        QStringList expected;
        int i = 0;
        while (bytes.size() < 1200 * 1024) {
            const QString text = QStringLiteral("v%1 \"q\" ,x\r\ny").arg(i);
            QByteArray quoted = text.toUtf8();
            quoted.replace("\"", "\"\"");
            bytes += QByteArray::number(i) + ",\"" + quoted + "\"\r\n";
            expected << text;
            ++i;
        }
        const Parsed p = parse(bytes);
        QCOMPARE(p.records.size(), expected.size() + 1);
        for (int k = 0; k < expected.size(); ++k)
            QCOMPARE(p.records[k + 1].value(1), expected[k]);
    }
    void csvLineRoundTrips()
    {
        const QStringList fields{QStringLiteral("plain"), QStringLiteral("with, comma"), QStringLiteral("with \"quote\""),
                                 QStringLiteral("multi\nline"), QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("-42")};
        const Parsed p = parse(csvLine(fields));
        QCOMPARE(p.records.size(), 1);
        QStringList expected = fields;
        expected[4] = QStringLiteral("'=HYPERLINK(\"x\")"); // a formula is not run by the spreadsheet
        QCOMPARE(p.records[0], expected);
        // TAB and CR before a formula are guarded too (OWASP CSV injection).
        const Parsed hidden = parse(csvLine({QStringLiteral("\t=cmd|' /C calc'!A0"), QStringLiteral("\r=1+1"), QStringLiteral("a")}));
        QCOMPARE(hidden.records[0].value(0), QStringLiteral("'\t=cmd|' /C calc'!A0"));
        QCOMPARE(hidden.records[0].value(1), QStringLiteral("'\r=1+1"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
