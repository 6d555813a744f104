#include "fliptech/auth/passwordhasher.h"

#include <QTest>

using fliptech::auth::Argon2Params;
using fliptech::auth::PasswordHasher;
using Verdict = PasswordHasher::Verdict;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT
    // Small parameters keep the test fast; the production defaults are checked separately.
    PasswordHasher m_hasher{Argon2Params{1, 1024, 1}};

private Q_SLOTS:
    void productionParametersAreOwaspsFirstChoice()
    {
        const Argon2Params p;
        QCOMPARE(p.memoryKiB, 19u * 1024u);
        QCOMPARE(p.timeCost, 2u);
        QCOMPARE(p.parallelism, 1u);
        auto h = PasswordHasher().hash(QStringLiteral("correct horse battery staple"));
        QVERIFY(h.ok());
        QVERIFY2(h->startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(*h));
    }

    void argon2RoundTrip()
    {
        const QString pwd = QStringLiteral("Zürich-Öl-😀-long enough");
        auto h1 = m_hasher.hash(pwd);
        auto h2 = m_hasher.hash(pwd);
        QVERIFY(h1.ok() && h2.ok());
        QVERIFY(*h1 != *h2); // fresh salt each time
        QCOMPARE(m_hasher.verify(pwd, *h1), Verdict::Valid);
        QCOMPARE(m_hasher.verify(pwd + u' ', *h1), Verdict::Invalid);
        QCOMPARE(m_hasher.verify(QString(), *h1), Verdict::Invalid);
    }

    void changedParametersAskForARehash()
    {
        auto h = m_hasher.hash(QStringLiteral("a perfectly fine password"));
        PasswordHasher stronger(Argon2Params{2, 2048, 1});
        QCOMPARE(stronger.verify(QStringLiteral("a perfectly fine password"), *h), Verdict::ValidNeedsRehash);
        QCOMPARE(stronger.verify(QStringLiteral("a wrong password"), *h), Verdict::Invalid);
    }

    void importedBcryptVerifiesAndAsksForARehash()
    {
        // Made by the old FastAPI backend's passlib/bcrypt (cost 4 and 5).
        const QString cost4 = QStringLiteral("$2b$04$abcdefghijklmnopqrstuu8MECwk.R7FmMygoyOGvEm8de09J0q9C");
        const QString cost5 = QStringLiteral("$2b$05$0123456789ABCDEFGHIJKuWfZJjysMp8HUCNbxRCdCk404.oA2uzq");
        QCOMPARE(m_hasher.verify(QStringLiteral("Tr0ub4dor&3-legacy"), cost4), Verdict::ValidNeedsRehash);
        QCOMPARE(m_hasher.verify(QStringLiteral("Tr0ub4dor&3-legacy"), cost5), Verdict::ValidNeedsRehash);
        QCOMPARE(m_hasher.verify(QStringLiteral("Tr0ub4dor&3-LEGACY"), cost4), Verdict::Invalid);
    }

    void malformedHashesAreInvalid_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << QStringLiteral("password123456");
        QTest::newRow("md5 crypt") << QStringLiteral("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/");
        QTest::newRow("argon2i") << QStringLiteral("$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$aGFzaA");
        QTest::newRow("truncated argon2id") << QStringLiteral("$argon2id$v=19$m=1024,t=1,p=1$");
        QTest::newRow("truncated bcrypt") << QStringLiteral("$2b$04$abcdefghijklmnopqrstuu8MECwk");
        QTest::newRow("bcrypt junk") << QStringLiteral("$2b$99$abcdefghijklmnopqrstuu8MECwk.R7FmMygoyOGvEm8de09J0q9C");
    }
    void malformedHashesAreInvalid()
    {
        QFETCH(QString, encoded);
        QCOMPARE(m_hasher.verify(QStringLiteral("Tr0ub4dor&3-legacy"), encoded), Verdict::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
