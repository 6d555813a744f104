#include "fliptech/core/config.h"

#include <QTemporaryDir>
#include <QTest>

using fliptech::core::Config;

class TestConfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layersOverrideInOrder()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("fliptech.ini"));
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[General]\ndatabase_url=sqlite:///from/file.db\nlisten=10.0.0.1:1\nworkers=3\n");
        }
        Config c;
        c.setDefault(QStringLiteral("database_url"), QStringLiteral("sqlite:///default.db"));
        c.setDefault(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8484"));
        c.setDefault(QStringLiteral("workers"), QStringLiteral("2"));
        c.setDefault(QStringLiteral("untouched"), QStringLiteral("d"));
        c.loadSettingsFile(ini);
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://h/second"));
        env.insert(QStringLiteral("FLIPTECH_DATABASE_URL"), QStringLiteral("postgresql://h/first"));
        env.insert(QStringLiteral("FLIPTECH_LISTEN"), QStringLiteral("127.0.0.1:9000"));
        c.loadEnvironment(env, {{QStringLiteral("database_url"), {QStringLiteral("FLIPTECH_DATABASE_URL"), QStringLiteral("DATABASE_URL")}},
                                {QStringLiteral("listen"), {QStringLiteral("FLIPTECH_LISTEN")}}});
        c.setCommandLine(QStringLiteral("listen"), QStringLiteral("127.0.0.1:7000"));
        // A weaker layer loaded later must not override a stronger one.
        c.setDefault(QStringLiteral("listen"), QStringLiteral("ignored"));

        QCOMPARE(c.value(QStringLiteral("database_url")), QStringLiteral("postgresql://h/first"));
        QCOMPARE(c.source(QStringLiteral("database_url")), Config::Source::Environment);
        QCOMPARE(c.value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:7000"));
        QCOMPARE(c.source(QStringLiteral("listen")), Config::Source::CommandLine);
        QCOMPARE(c.intValue(QStringLiteral("workers"), 0), 3);
        QCOMPARE(c.source(QStringLiteral("workers")), Config::Source::SettingsFile);
        QCOMPARE(c.value(QStringLiteral("untouched")), QStringLiteral("d"));
        QCOMPARE(c.intValue(QStringLiteral("missing"), 42), 42);
    }
    void missingSettingsFileIsFine()
    {
        Config c;
        c.setDefault(QStringLiteral("a"), QStringLiteral("1"));
        c.loadSettingsFile(QStringLiteral("/nonexistent/fliptech.ini"));
        QCOMPARE(c.value(QStringLiteral("a")), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
