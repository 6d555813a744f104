// Money for AI calls, exactly: prices as providers publish them, costs in picodollars, and the
// cents the costs table gets (their sum always the running total rounded down).
#include "fliptech/ai/pricing.h"

#include <QTest>

using namespace fliptech::ai;

class TestAiPricing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseUsd_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("picodollars");
        QTest::addColumn<bool>("ok");
        // OpenRouter's /models prices: USD per token as decimal strings.
        QTest::newRow("gpt-4o-mini prompt") << "0.00000015" << qint64(150000) << true;
        QTest::newRow("gpt-4o-mini completion") << "0.0000006" << qint64(600000) << true;
        QTest::newRow("exponent") << "1.5e-7" << qint64(150000) << true;
        QTest::newRow("upper exponent") << "2E-6" << qint64(2000000) << true;
        QTest::newRow("free") << "0" << qint64(0) << true;
        QTest::newRow("zero with decimals") << "0.000000000000000" << qint64(0) << true;
        QTest::newRow("whole dollars") << "12.5" << qint64(12500000000000) << true;
        QTest::newRow("leading dot") << ".25" << qint64(250000000000) << true;
        QTest::newRow("spaces") << "  0.01  " << qint64(10000000000) << true;
        QTest::newRow("one picodollar") << "0.000000000001" << qint64(1) << true;
        QTest::newRow("finer than a picodollar") << "0.0000000000001" << qint64(0) << false;
        QTest::newRow("negative") << "-0.1" << qint64(0) << false;
        QTest::newRow("words") << "ten cents" << qint64(0) << false;
        QTest::newRow("empty") << "" << qint64(0) << false;
        QTest::newRow("dot only") << "." << qint64(0) << false;
        QTest::newRow("too large") << "99999999999" << qint64(0) << false;
        QTest::newRow("injection") << "0.1; DROP TABLE ai_prices" << qint64(0) << false;
    }
    void parseUsd()
    {
        QFETCH(QString, text);
        QFETCH(qint64, picodollars);
        QFETCH(bool, ok);
        const auto r = fliptech::ai::parseUsd(text, QStringLiteral("prompt_price"));
        QCOMPARE(bool(r), ok);
        if (ok)
            QCOMPARE(*r, picodollars);
        else
            QVERIFY2(r.error().message.startsWith(QStringLiteral("prompt_price \"")) && r.error().details.contains(QStringLiteral("prompt_price")), qPrintable(r.error().message));
    }

    void formatUsd_data()
    {
        QTest::addColumn<qint64>("picodollars");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0";
        QTest::newRow("token") << qint64(150000) << "0.00000015";
        QTest::newRow("cent") << qint64(10000000000) << "0.01";
        QTest::newRow("dollars") << qint64(12500000000000) << "12.5";
        QTest::newRow("one") << qint64(1) << "0.000000000001";
        QTest::newRow("negative") << qint64(-150000) << "-0.00000015";
    }
    void formatUsd()
    {
        QFETCH(qint64, picodollars);
        QFETCH(QString, text);
        QCOMPARE(fliptech::ai::formatUsd(picodollars), text);
        QCOMPARE(*fliptech::ai::parseUsd(text.startsWith(QLatin1Char('-')) ? text.mid(1) : text), picodollars < 0 ? -picodollars : picodollars);
    }

    void perMillion()
    {
        // People quote prices per million tokens: $0.15 / M = 150,000 picodollars a token.
        QCOMPARE(fliptech::ai::perMillion(150000), QStringLiteral("0.15"));
        QCOMPARE(fliptech::ai::perMillion(15000000), QStringLiteral("15"));
        QCOMPARE(*parsePerMillion(QStringLiteral("0.15")), qint64(150000));
        QCOMPARE(*parsePerMillion(QStringLiteral("2.5")), qint64(2500000));
        QCOMPARE(*parsePerMillion(QStringLiteral("0.000001")), qint64(1));
        QVERIFY(!parsePerMillion(QStringLiteral("0.0000001")));
        QVERIFY(!parsePerMillion(QStringLiteral("abc")));
    }

    void costInCentsExactly()
    {
        // 1,234 prompt + 567 completion tokens of gpt-4o-mini: 1234 x 0.15/M + 567 x 0.60/M
        // = $0.0001851 + $0.0003402 = $0.0005253, exactly.
        const Price mini{150000, 600000, 0};
        const qint64 one = costOf(mini, Usage{1234, 567});
        QCOMPARE(one, qint64(525300000));
        QCOMPARE(fliptech::ai::formatUsd(one), QStringLiteral("0.0005253"));

        // 10,000 such calls: $5.253 exactly (floating point would drift), and the cents the
        // costs table gets add up to 525 (the total rounded down), each call adding 0 or 1.
        qint64 total = 0, cents = 0;
        int callsAddingACent = 0;
        for (int i = 0; i < 10000; ++i) {
            const qint64 before = total;
            total += one;
            const qint64 crossed = centsCrossed(before, total);
            QVERIFY(crossed == 0 || crossed == 1);
            callsAddingACent += int(crossed);
            cents += crossed;
        }
        QCOMPARE(total, qint64(5253000000000));
        QCOMPARE(fliptech::ai::formatUsd(total), QStringLiteral("5.253"));
        QCOMPARE(cents, qint64(525));
        QCOMPARE(callsAddingACent, 525);

        // A per-request fee counts once per call.
        QCOMPARE(costOf(Price{0, 0, *fliptech::ai::parseUsd(QStringLiteral("0.005"))}, Usage{100000, 100000}), qint64(5000000000));
        // Claude-class prices: $3/M in, $15/M out; 2,000 + 1,000 tokens = $0.021.
        QCOMPARE(fliptech::ai::formatUsd(costOf(Price{3000000, 15000000, 0}, Usage{2000, 1000})), QStringLiteral("0.021"));
    }
};

QTEST_GUILESS_MAIN(TestAiPricing)
#include "tst_aipricing.moc"
