#include "fliptech/core/money.h"

#include <QTest>

using fliptech::core::Money;

class TestMoney final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("whole") << QStringLiteral("12") << true << qint64(1200);
        QTest::newRow("cents") << QStringLiteral("1234.56") << true << qint64(123456);
        QTest::newRow("one decimal") << QStringLiteral("0.5") << true << qint64(50);
        QTest::newRow("negative") << QStringLiteral("-0.05") << true << qint64(-5);
        QTest::newRow("spaces") << QStringLiteral("  7.10 ") << true << qint64(710);
        QTest::newRow("no float rounding") << QStringLiteral("0.29") << true << qint64(29);
        QTest::newRow("sub-cent refused") << QStringLiteral("1.005") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("12abc") << false << qint64(0);
        QTest::newRow("just a dot") << QStringLiteral(".") << false << qint64(0);
        QTest::newRow("overflow") << QStringLiteral("999999999999999999999") << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, cents);
        qint64 out = -1;
        QCOMPARE(Money::parse(text, &out), ok);
        if (ok)
            QCOMPARE(out, cents);
    }
    void format()
    {
        QCOMPARE((Money{123456, QStringLiteral("USD")}.toString()), QStringLiteral("1234.56"));
        QCOMPARE((Money{-5, QStringLiteral("USD")}.toString()), QStringLiteral("-0.05"));
        QCOMPARE((Money{0, QStringLiteral("EUR")}.toString()), QStringLiteral("0.00"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
