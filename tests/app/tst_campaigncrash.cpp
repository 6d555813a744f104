// The exactly-once promise under a crash, on both backends: a campaign of 2,000 recipients sent
// by a headless server (the real binary) to a real SMTP server; the process is killed with
// SIGKILL mid-way and started again. No address gets two messages; every recipient the first run
// did not finish is sent by the second; the few caught mid-send (at most one per connection) are
// held and reported, and once resolved (marked sent when the sink has them, resent when not)
// every address has exactly one message.
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"
#include "fliptech/storage/database.h"
#include "memorysecretstore.h"
#include "smtpsink.h"
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

constexpr int kRecipients = 2000;
constexpr int kConnections = 4;

QString status(storage::Database &db, qint64 id)
{
    auto row = db.selectOne(QStringLiteral("SELECT status FROM campaigns WHERE id = ?"), {id});
    return row ? row->value(0).toString() : QString();
}

} // namespace

class TestCampaignCrash final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    test::MemorySecretStore m_secrets;

    // An engine of this process on the test database (migrated and started).
    std::unique_ptr<engine::Engine> openEngine(const test::TempDatabase &tmp, int workers, const QString &dir)
    {
        engine::Engine::Options o;
        o.database = tmp.url();
        o.workers = workers;
        o.secrets = &m_secrets;
        o.dataDir = m_home.filePath(dir);
        auto e = std::make_unique<engine::Engine>(o);
        FT_EXPECT(e->connect().ok() && e->migrate().ok() && e->start().ok(), "the engine did not start");
        return e;
    }

    QProcessEnvironment serverEnvironment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        e.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        e.remove(QStringLiteral("DATABASE_URL"));
        e.insert(QStringLiteral("FLIPTECH_JOB_LEASE_SECONDS"), QStringLiteral("2"));
        e.insert(QStringLiteral("FLIPTECH_SMTP_CONNECTIONS"), QString::number(kConnections));
        return e;
    }
    void startServer(QProcess &p, const test::TempDatabase &tmp)
    {
        p.setProcessEnvironment(serverEnvironment());
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(test::fliptechBinary(), {QStringLiteral("--headless"), QStringLiteral("--database"), tmp.url().toString(), QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:%1").arg(test::freePort()), QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY(p.waitForStarted());
    }

private Q_SLOTS:
    void killedMidCampaignSendsEachAddressOnce()
    {
        test::TempDatabase tmp;
        FLIPTECH_REQUIRE_DATABASE(tmp);
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));

        // The campaign, launched by this process (which sends nothing: no workers).
        qint64 campaignId = 0;
        {
            auto engine = openEngine(tmp, 0, QStringLiteral("setup"));
            FT_STOP_IF_FAILED();
            engine::Engine &e = *engine;
            const auto actor = leads::Actor::system();
            auto account = e.senders().create(actor, {{QStringLiteral("name"), QStringLiteral("Crash box")},
                                                      {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                      {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                                      {QStringLiteral("smtp_port"), int(sink.port())},
                                                      {QStringLiteral("smtp_security"), QStringLiteral("none")},
                                                      {QStringLiteral("min_gap_seconds"), 0},
                                                      {QStringLiteral("daily_limit"), 100000},
                                                      {QStringLiteral("hourly_limit"), 10000}});
            QVERIFY2(account.ok(), account.ok() ? "" : qPrintable(account.error().message));
            auto templ = e.templates().create(actor, {{QStringLiteral("name"), QStringLiteral("Hello")},
                                                      {QStringLiteral("subject"), QStringLiteral("Hello {{first_name}}")},
                                                      {QStringLiteral("body_html"), QStringLiteral("<p>Hello {{company}}, <a href=\"https://studio.example\">see</a></p>")}});
            QVERIFY2(templ.ok(), templ.ok() ? "" : qPrintable(templ.error().message));
            auto &db = e.database();
            for (int from = 0; from < kRecipients; from += 500) {
                QStringList rows;
                QVariantList params;
                for (int i = from; i < from + 500; ++i) {
                    rows << QStringLiteral("(?, ?, ?, ?, 'manual')");
                    params << QStringLiteral("Owner %1").arg(i) << QStringLiteral("Owner") << QStringLiteral("Shop %1").arg(i) << QStringLiteral("c%1@crash.example").arg(i);
                }
                QVERIFY(db.execute(QStringLiteral("INSERT INTO leads (name, first_name, company, email, source) VALUES ") + rows.join(u','), params).ok());
            }
            auto c = e.campaigns().create(actor, {{QStringLiteral("name"), QStringLiteral("Crash test")},
                                                  {QStringLiteral("template_id"), templ->value(QStringLiteral("id"))},
                                                  {QStringLiteral("sender_account_ids"), QJsonArray{account->value(QStringLiteral("id"))}},
                                                  {QStringLiteral("audience"), QJsonObject{{QStringLiteral("filter"), QJsonObject()}}},
                                                  {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("days"), QJsonArray{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")}},
                                                                                           {QStringLiteral("start"), QStringLiteral("00:00")},
                                                                                           {QStringLiteral("end"), QStringLiteral("00:00")}}}});
            QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
            campaignId = c->value(QStringLiteral("id")).toInteger();
            auto launched = e.campaigns().launch(actor, campaignId);
            QVERIFY2(launched.ok(), launched.ok() ? "" : qPrintable(launched.error().message));
            QCOMPARE(launched->value(QStringLiteral("total_recipients")).toInt(), kRecipients);
        }

        // The first server: killed once a good part is out.
        QProcess first;
        startServer(first, tmp);
        FT_STOP_IF_FAILED();
        QElapsedTimer t;
        t.start();
        while (sink.count() < kRecipients / 3 && t.elapsed() < 120000 && first.state() == QProcess::Running)
            QTest::qWait(10);
        QVERIFY2(sink.count() >= kRecipients / 3, qPrintable(QStringLiteral("only %1 sent").arg(sink.count())));
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        const int atKill = sink.count();
        QVERIFY2(atKill < kRecipients, "the campaign finished before the kill: nothing was tested");

        // The second: reconciles, then sends the rest.
        auto db = storage::Database::open(tmp.url());
        QVERIFY(db.ok());
        QProcess second;
        startServer(second, tmp);
        FT_STOP_IF_FAILED();
        t.restart();
        while (status(**db, campaignId) != QLatin1String("completed") && t.elapsed() < 180000)
            QTest::qWait(100);
        QCOMPARE(status(**db, campaignId), QStringLiteral("completed"));
        second.terminate();
        QVERIFY(second.waitForFinished(20000));

        // Nobody twice; everyone once, but the held.
        QHash<QString, int> received;
        for (const QByteArray &r : sink.recipients())
            ++received[QString::fromLatin1(r)];
        for (auto it = received.cbegin(); it != received.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 got %2 messages").arg(it.key()).arg(it.value())));
        auto held = (*db)->select(QStringLiteral("SELECT r.id, l.email FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id "
                                                 "WHERE r.campaign_id = ? AND r.status = 'held'"),
                                  {campaignId});
        QVERIFY(held.ok());
        QVERIFY2(held->size() <= kConnections, qPrintable(QStringLiteral("%1 held").arg(held->size())));
        QSet<QString> heldEmails;
        for (const auto &r : *held)
            heldEmails << r.value(1).toString();
        for (int i = 0; i < kRecipients; ++i) {
            const QString email = QStringLiteral("c%1@crash.example").arg(i);
            if (!heldEmails.contains(email))
                QVERIFY2(received.value(email) == 1, qPrintable(email + QStringLiteral(" was lost")));
        }
        auto sent = (*db)->selectOne(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE campaign_id = ? AND status = 'sent'"), {campaignId});
        QCOMPARE(sent->value(0).toInt() + int(held->size()), kRecipients);
        qInfo("killed after %d of %d messages; %d held for review", atKill, kRecipients, int(held->size()));

        // The review: those the sink has went out, the others are sent again.
        QList<qint64> wentOut, resend;
        for (const auto &r : *held)
            (received.contains(r.value(1).toString()) ? wentOut : resend) << r.value(0).toLongLong();
        auto engine = openEngine(tmp, 1, QStringLiteral("review"));
        FT_STOP_IF_FAILED();
        engine::Engine &e = *engine;
        auto ids = [](const QList<qint64> &list) {
            QJsonArray a;
            for (qint64 id : list)
                a.append(id);
            return a;
        };
        if (!wentOut.isEmpty())
            QVERIFY(e.campaigns().resolveHeld(campaignId, {{QStringLiteral("recipient_ids"), ids(wentOut)}, {QStringLiteral("action"), QStringLiteral("mark_sent")}}).ok());
        if (!resend.isEmpty()) {
            QVERIFY(e.campaigns().resolveHeld(campaignId, {{QStringLiteral("recipient_ids"), ids(resend)}, {QStringLiteral("action"), QStringLiteral("resend")}}).ok());
            t.restart();
            while (sink.count() < kRecipients && t.elapsed() < 30000)
                QTest::qWait(50);
            QTRY_COMPARE_WITH_TIMEOUT(status(e.database(), campaignId), QStringLiteral("completed"), 30000);
        }
        received.clear();
        for (const QByteArray &r : sink.recipients())
            ++received[QString::fromLatin1(r)];
        QCOMPARE(received.size(), kRecipients);
        for (auto it = received.cbegin(); it != received.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        auto all = e.database().selectOne(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE campaign_id = ? AND status = 'sent'"), {campaignId});
        QCOMPARE(all->value(0).toInt(), kRecipients);
        e.stop();
    }
};

QTEST_GUILESS_MAIN(TestCampaignCrash)
#include "tst_campaigncrash.moc"
