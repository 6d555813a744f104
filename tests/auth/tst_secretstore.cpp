#include "fliptech/storage/secretstore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using fliptech::storage::FileSecretStore;

class TestSecretStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileStoreIsOwnerOnlyAndPersistent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/secrets.json"));
        {
            FileSecretStore s(path);
            QCOMPARE(s.read(QStringLiteral("smtp")).error().code, fliptech::core::ErrorCode::NotFound);
            QVERIFY(s.write(QStringLiteral("smtp"), QByteArray("p\0ss\xff", 5)).ok());
            QVERIFY(s.write(QStringLiteral("hunter"), "abc").ok());
        }
        QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                                  QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        FileSecretStore again(path);
        QCOMPARE(again.read(QStringLiteral("smtp")).value(), QByteArray("p\0ss\xff", 5));
        QVERIFY(again.remove(QStringLiteral("smtp")).ok());
        QCOMPARE(again.read(QStringLiteral("smtp")).error().code, fliptech::core::ErrorCode::NotFound);
        QCOMPARE(again.read(QStringLiteral("hunter")).value(), QByteArray("abc"));
    }

    void readOrCreateGeneratesOnce()
    {
        QTemporaryDir dir;
        FileSecretStore s(dir.filePath(QStringLiteral("secrets.json")));
        int calls = 0;
        auto gen = [&] { ++calls; return QByteArray("generated"); };
        QCOMPARE(s.readOrCreate(QStringLiteral("jwt"), gen).value(), QByteArray("generated"));
        QCOMPARE(s.readOrCreate(QStringLiteral("jwt"), gen).value(), QByteArray("generated"));
        QCOMPARE(calls, 1);
    }

    void damagedFileIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json");
        f.close();
        FileSecretStore s(path);
        auto r = s.read(QStringLiteral("x"));
        QCOMPARE(r.error().code, fliptech::core::ErrorCode::Unavailable);
        QVERIFY(r.error().message.contains(QStringLiteral("damaged")));
        QVERIFY(!s.write(QStringLiteral("x"), "y").ok()); // never overwrite what we cannot read
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
