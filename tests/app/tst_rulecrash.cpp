// Rules under a crash, on both backends (issue 15): 4,000 new leads, one rule (lead created ->
// add a note, add a tag) run by a headless server (the real binary) that is killed with SIGKILL
// part-way and started again. Every lead ends with exactly one note and one execution of the rule:
// the actions of a batch of events and the cursor's step past it commit together, and the
// (rule, event) key refuses a second execution.
#include "fliptech/automation/ruleservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fliptech;

namespace {

constexpr int kLeads = 4000;

qint64 scalar(storage::Database &db, const QString &sql)
{
    auto row = db.selectOne(sql);
    return row ? row->value(0).toLongLong() : -1;
}

} // namespace

class TestRuleCrash final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    test::MemorySecretStore m_secrets;

    void startServer(QProcess &p, const test::TempDatabase &tmp)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        e.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        e.remove(QStringLiteral("DATABASE_URL"));
        p.setProcessEnvironment(e);
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), tmp.url().toString(), QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:%1").arg(test::freePort()), QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY(p.waitForStarted());
    }

private Q_SLOTS:
    void killedMidStreamActsOncePerLead()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        {
            engine::Engine::Options o;
            o.database = tmp.url();
            o.workers = 0; // this process only writes: the server runs the rules
            o.secrets = &m_secrets;
            o.dataDir = m_home.filePath(QStringLiteral("setup"));
            engine::Engine e(o);
            QVERIFY(e.connect().ok() && e.migrate().ok() && e.start().ok());
            auto rule = e.rules().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Note every new lead")},
                                                                  {QStringLiteral("trigger"), QStringLiteral("lead_created")},
                                                                  {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("add_note")},
                                                                                                                     {QStringLiteral("text"), QStringLiteral("Seen: {{name}}")}},
                                                                                                         QJsonObject{{QStringLiteral("type"), QStringLiteral("add_tags")},
                                                                                                                     {QStringLiteral("tags"), QJsonArray{QStringLiteral("seen")}}}}}});
            QVERIFY2(rule.ok(), rule.ok() ? "" : qPrintable(rule.error().message));
            for (int i = 0; i < kLeads; ++i)
                QVERIFY(e.leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Lead %1").arg(i)}}).ok());
        }
        auto db = storage::Database::open(tmp.url());
        QVERIFY(db.ok());
        const QString notes = QStringLiteral("SELECT COUNT(*) FROM notes");

        QProcess first;
        startServer(first, tmp);
        FT_STOP_IF_FAILED();
        QElapsedTimer t;
        t.start();
        while (scalar(**db, notes) < kLeads / 4 && t.elapsed() < 120000 && first.state() == QProcess::Running)
            QTest::qWait(5);
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        const qint64 atKill = scalar(**db, notes);
        QVERIFY2(atKill >= kLeads / 4, qPrintable(QStringLiteral("only %1 notes before the kill").arg(atKill)));
        QVERIFY2(atKill < kLeads, "the rules were done before the kill: nothing was tested");

        QProcess second;
        startServer(second, tmp);
        FT_STOP_IF_FAILED();
        t.restart();
        while (scalar(**db, notes) < kLeads && t.elapsed() < 180000)
            QTest::qWait(100);
        QTest::qWait(500); // anything more would be a second action
        second.terminate();
        QVERIFY(second.waitForFinished(20000));

        QCOMPARE(scalar(**db, notes), qint64(kLeads));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(DISTINCT lead_id) FROM notes")), qint64(kLeads));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM rule_executions")), qint64(kLeads));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(DISTINCT entity_id) FROM rule_executions WHERE error_message IS NULL")), qint64(kLeads));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM lead_tags")), qint64(kLeads));
        qInfo("killed after %lld of %d leads were acted on", qlonglong(atKill), kLeads);
    }
};

QTEST_GUILESS_MAIN(TestRuleCrash)
#include "tst_rulecrash.moc"
