// Campaign sending benchmarks (issue 11), on SQLite and PostgreSQL (FLIPTECH_TEST_PG_URL):
//  1. Send: a campaign of FLIPTECH_BENCH_SEND_RECIPIENTS (default 10,000) distinct recipients,
//     each message rendered for its lead (HTML + text, spintax, tracked links, open pixel),
//     sent over 4 SMTP connections to a real SMTP server (aiosmtpd, tests/support/smtpsink.py),
//     each recipient claimed and recorded in its own transactions. From launch to the campaign's
//     completion: messages/s, and the process's peak RSS (target >= 300 messages/s, < 150 MB).
//  2. Launch: a campaign over FLIPTECH_BENCH_LAUNCH_LEADS (default 1,000,000) leads, its
//     recipient rows materialised (one per address, suppressions and exclusions applied): the
//     launch call's time (target < 20 s on PostgreSQL).
// FLIPTECH_BENCH_SEND_BACKENDS=sqlite|postgres limits the backends (default both).
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"
#include "fliptech/storage/database.h"
#include "benchhttp.h"
#include "memorysecretstore.h"
#include "smtpsink.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace fliptech;

namespace {

double peakRssMiB()
{
    return double(bench::procStatusKiB(QCoreApplication::applicationPid(), "VmHWM:")) / 1024.0;
}

const char *kHtml = R"(<html><body>
<p>{Hi|Hello|Hey} {{first_name|there}},</p>
<p>I came across {{company|your business}}{{#if city}} in {{city}}{{/if}} and had a look at your website.
{It loads slowly on phones|It is hard to read on a phone|It does not show up well in search}.</p>
<p>See <a href="https://studio.example/work">what we built for others like you</a>. Would you be open to a {short|quick} call?</p>
<p>{Best|Cheers|Thanks},<br>{{sender.name}}</p>
<p style="font-size:11px;color:#888">Not interested? <a href="{{unsubscribe_url}}">Unsubscribe</a>.</p>
</body></html>)";

QJsonObject allDay()
{
    return {{QStringLiteral("days"), QJsonArray{1, 2, 3, 4, 5, 6, 7}}, {QStringLiteral("start"), QStringLiteral("00:00")}, {QStringLiteral("end"), QStringLiteral("00:00")}};
}

struct Setup {
    test::MemorySecretStore secrets;
    QTemporaryDir dir;
    std::unique_ptr<engine::Engine> engine;
};

bool open(Setup &s, const storage::DatabaseUrl &url, int workers)
{
    engine::Engine::Options o;
    o.database = url;
    o.workers = workers;
    o.secrets = &s.secrets;
    o.dataDir = s.dir.path();
    s.engine = std::make_unique<engine::Engine>(o);
    return s.engine->connect() && s.engine->migrate() && s.engine->start();
}

// n leads with distinct addresses, in statements of 500 rows (SQLite) or one generate_series.
bool insertLeads(storage::Database &db, qint64 n)
{
    if (db.isPostgres())
        return db.execute(QStringLiteral("INSERT INTO leads (name, first_name, company, email, city, region, country, source, source_id) "
                                         "SELECT 'Owner ' || g, 'Owner', 'Shop ' || g, 'owner' || g || '@shop' || (g % 997) || '.example', "
                                         "'Austin', 'TX', 'US', 'bench', g::text FROM generate_series(1, ?) g"),
                          {n})
            .ok();
    for (qint64 from = 0; from < n; from += 500) {
        QStringList rows;
        QVariantList params;
        for (qint64 i = from; i < qMin(n, from + 500); ++i) {
            rows << QStringLiteral("(?, 'Owner', ?, ?, 'Austin', 'TX', 'US', 'bench', ?)");
            params << QStringLiteral("Owner %1").arg(i) << QStringLiteral("Shop %1").arg(i) << QStringLiteral("owner%1@shop%2.example").arg(i).arg(i % 997)
                   << QString::number(i);
        }
        if (!db.execute(QStringLiteral("INSERT INTO leads (name, first_name, company, email, city, region, country, source, source_id) VALUES ") + rows.join(u','),
                        params))
            return false;
    }
    return true;
}

qint64 makeCampaign(engine::Engine &e, const QJsonObject &account)
{
    const auto actor = leads::Actor::system();
    auto a = e.senders().create(actor, account);
    auto t = e.templates().create(actor, {{QStringLiteral("name"), QStringLiteral("Bench")},
                                          {QStringLiteral("subject"), QStringLiteral("{Quick question|Idea} for {{company}}")},
                                          {QStringLiteral("body_html"), QString::fromUtf8(kHtml)}});
    if (!a || !t) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(!a ? a.error().message : t.error().message));
        return 0;
    }
    auto c = e.campaigns().create(actor, {{QStringLiteral("name"), QStringLiteral("Bench")},
                                          {QStringLiteral("template_id"), t->value(QStringLiteral("id"))},
                                          {QStringLiteral("sender_account_ids"), QJsonArray{a->value(QStringLiteral("id"))}},
                                          {QStringLiteral("audience"), QJsonObject{{QStringLiteral("filter"), QJsonObject()}}},
                                          {QStringLiteral("schedule"), allDay()}});
    if (!c) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(c.error().message));
        return 0;
    }
    return c->value(QStringLiteral("id")).toInteger();
}

bool sendBench(storage::Backend backend, int recipients)
{
    test::TempDatabase tmp(backend);
    test::SmtpSink sink;
    if (!tmp.isValid() || !sink.start()) {
        std::fprintf(stderr, "no database or SMTP sink: %s\n", qPrintable(sink.error()));
        return false;
    }
    Setup s;
    if (!open(s, tmp.url(), 1))
        return false;
    auto &e = *s.engine;
    e.campaigns().setConnections(4);
    if (!insertLeads(e.database(), recipients))
        return false;
    const qint64 id = makeCampaign(e, {{QStringLiteral("name"), QStringLiteral("Sink")},
                                       {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                       {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                       {QStringLiteral("smtp_port"), int(sink.port())},
                                       {QStringLiteral("smtp_security"), QStringLiteral("none")},
                                       {QStringLiteral("min_gap_seconds"), 0},
                                       {QStringLiteral("daily_limit"), 100000},
                                       {QStringLiteral("hourly_limit"), 10000}});
    if (id == 0)
        return false;
    QElapsedTimer t;
    t.start();
    auto launched = e.campaigns().launch(leads::Actor::system(), id);
    if (!launched) {
        std::fprintf(stderr, "launch: %s\n", qPrintable(launched.error().message));
        return false;
    }
    QString status;
    while (t.elapsed() < 600000) {
        auto c = e.campaigns().get(id);
        status = c ? c->value(QStringLiteral("status")).toString() : QString();
        if (status != QLatin1String("running"))
            break;
        QThread::msleep(50);
    }
    const double seconds = t.nsecsElapsed() / 1e9;
    const int received = sink.count();
    auto sent = e.campaigns().stats(id);
    std::printf("| %s | %d | %d | %.0f | %.1f s | %.0f MiB | %s |\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL", recipients, received,
                received / seconds, seconds, peakRssMiB(), qPrintable(status));
    return status == QLatin1String("completed") && received == recipients && sent && sent->value(QStringLiteral("delivered")).toInt() == recipients;
}

bool launchBench(storage::Backend backend, qint64 leads)
{
    test::TempDatabase tmp(backend);
    if (!tmp.isValid())
        return false;
    Setup s;
    if (!open(s, tmp.url(), 0))
        return false;
    auto &e = *s.engine;
    QElapsedTimer t;
    t.start();
    if (!insertLeads(e.database(), leads))
        return false;
    const double loadSeconds = t.nsecsElapsed() / 1e9;
    // A few suppressed addresses, as a real list has.
    for (int i = 1; i <= 1000; ++i)
        (void)e.database().execute(QStringLiteral("INSERT INTO suppressions (email, reason) VALUES (?, 'unsubscribe')"), {QStringLiteral("owner%1@shop%2.example").arg(i * 7).arg((i * 7) % 997)});
    const qint64 id = makeCampaign(e, {{QStringLiteral("name"), QStringLiteral("Box")},
                                       {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                       {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                                       {QStringLiteral("smtp_port"), 2525}});
    if (id == 0)
        return false;
    t.restart();
    auto launched = e.campaigns().launch(leads::Actor::system(), id);
    const double seconds = t.nsecsElapsed() / 1e9;
    if (!launched) {
        std::fprintf(stderr, "launch: %s\n", qPrintable(launched.error().message));
        return false;
    }
    std::printf("| %s | %lld | %lld | %.2f s | (leads loaded in %.0f s, not timed) |\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL", leads,
                launched->value(QStringLiteral("total_recipients")).toInteger(), seconds, loadSeconds);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString only = qEnvironmentVariable("FLIPTECH_BENCH_SEND_BACKENDS");
    QList<storage::Backend> backends;
    for (auto b : {storage::Backend::Sqlite, storage::Backend::Postgres})
        if (only.isEmpty() || only.contains(b == storage::Backend::Sqlite ? QLatin1String("sqlite") : QLatin1String("postgres")))
            backends << b;
    bool ok = true;
    const int recipients = bench::envCount("FLIPTECH_BENCH_SEND_RECIPIENTS", 10000);
    std::printf("| send, 4 SMTP connections to aiosmtpd | recipients | received | messages/s | time | peak RSS | campaign |\n|---|---|---|---|---|---|---|\n");
    for (auto b : backends)
        ok = sendBench(b, recipients) && ok;
    std::printf("\n(target: >= 300 messages/s, RSS < 150 MB)\n\n");
    const qint64 leads = bench::envCount("FLIPTECH_BENCH_LAUNCH_LEADS", 1000000);
    std::printf("| launch (recipient rows materialised) | leads | recipients | launch time | |\n|---|---|---|---|---|\n");
    for (auto b : backends)
        ok = launchBench(b, leads) && ok;
    std::printf("\n(target: < 20 s on PostgreSQL for 1,000,000 recipients)\n");
    return ok ? 0 : 1;
}
