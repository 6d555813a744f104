#include "fliptech/auth/passwordpolicy.h"

#include <QTest>

using fliptech::auth::PasswordPolicy;

class TestPasswordPolicy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("problem"); // empty: accepted
        const QString mail = QStringLiteral("Sam.Sales@agency.example");
        QTest::newRow("good") << QStringLiteral("plumbers love websites") << mail << QString();
        QTest::newRow("exactly 10") << QStringLiteral("k7#pQ2!xZm") << mail << QString();
        QTest::newRow("9 chars") << QStringLiteral("k7#pQ2!xZ") << mail << QStringLiteral("at least 10");
        QTest::newRow("empty") << QString() << mail << QStringLiteral("at least 10");
        QTest::newRow("the email") << QStringLiteral("sam.sales@AGENCY.example") << mail << QStringLiteral("email");
        QTest::newRow("local part") << QStringLiteral("SAM.SALES.PRO") << QStringLiteral("sam.sales.pro@x.example") << QStringLiteral("email");
        QTest::newRow("common") << QStringLiteral("Password123") << mail << QStringLiteral("common");
        QTest::newRow("common 2") << QStringLiteral("qwertyuiop") << mail << QStringLiteral("common");
    }
    void rules()
    {
        QFETCH(QString, password);
        QFETCH(QString, email);
        QFETCH(QString, problem);
        PasswordPolicy policy;
        QVERIFY(policy.commonPasswordCount() > 50);
        auto st = policy.check(password, email);
        QCOMPARE(st.ok(), problem.isEmpty());
        if (!st.ok()) {
            QCOMPARE(st.error().code, fliptech::core::ErrorCode::ValidationFailed);
            QVERIFY2(st.error().details.value(QStringLiteral("password")).toString().contains(problem), qPrintable(st.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
