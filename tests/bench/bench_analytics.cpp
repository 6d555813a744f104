// Analytics benchmarks (issue 13), on SQLite and PostgreSQL (FLIPTECH_TEST_PG_URL): a database
// of N leads (FLIPTECH_BENCH_LEADS, default 1,000,000) spread over the two years before now,
// N/10 conversions and 2N cost rows (lead, campaign and operating costs of five types), 40
// locations in 5 groups, 5 salespeople, 50 campaigns with 0.3N recipients, seeded in SQL.
// Then every dashboard endpoint of a real `fliptech --headless`, each request with a different
// period (7, 30, 90 or 365 days ending on a random day of those two years, or a calendar month,
// quarter or year), time zone and filter (none, a source, a salesperson, a location group or a
// campaign): p50 / p95 / max of 60 requests each, one at a time (target p95 < 150 ms). Then the
// desktop dashboard offscreen: the whole page refreshed for each period of its picker
// (target < 500 ms).
#include "benchhttp.h"
#include "fliptech/analytics/factstore.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/dashboardpage.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUrlQuery>

#include <cstdio>
#include <random>

using namespace fliptech;

namespace {

// The rows 1..n of a generated series, as a FROM source with the column i.
QString series(storage::Backend b, qint64 n)
{
    return b == storage::Backend::Postgres ? QStringLiteral("generate_series(1, %1) AS s(i)").arg(n)
                                           : QStringLiteral("(WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < %1) SELECT i FROM g) s").arg(n);
}

// A timestamp `seconds` (an SQL expression) after `base` (an ISO date-time).
QString plusSeconds(storage::Backend b, const QString &base, const QString &seconds)
{
    return b == storage::Backend::Postgres ? QStringLiteral("(TIMESTAMPTZ '%1' + (%2) * INTERVAL '1 second')").arg(base, seconds)
                                           : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', '%1', '+' || (%2) || ' seconds')").arg(base, seconds);
}

const char *const kSources[] = {"craigslist", "google_maps", "csv_import", "referral", "custom_url", "manual"};
const char *const kCostTypes[] = {"scraping", "enrichment", "ai", "email", "operating"};

bool seed(storage::Database &db, storage::Backend b, qint64 n, const QDateTime &start)
{
    const QString base = storage::Database::isoTimestamp(start);
    const qint64 span = start.secsTo(start.addYears(2)); // the two years up to now
    auto run = [&db](const QString &sql) {
        auto r = db.executeRaw(sql);
        if (!r)
            std::fprintf(stderr, "seeding failed: %s\n%s\n", qPrintable(r.error().message), qPrintable(sql.left(400)));
        return r.ok();
    };
    QStringList users, locations, members, campaigns;
    for (int u = 0; u < 5; ++u)
        users << QStringLiteral("('rep%1@agency.example', 'x', 'Rep %1', 'user')").arg(u + 1);
    for (int l = 1; l <= 40; ++l) {
        locations << QStringLiteral("('City %1', 'city', 'c%1')").arg(l);
        members << QStringLiteral("(%1, %2)").arg(1 + (l - 1) / 8).arg(l);
    }
    for (int c = 1; c <= 50; ++c)
        campaigns << QStringLiteral("('bench-%1', 'Campaign %1', 'completed')").arg(c);
    QString sourceCase = QStringLiteral("CASE i % 6");
    for (int s = 0; s < 6; ++s)
        sourceCase += QStringLiteral(" WHEN %1 THEN '%2'").arg(s).arg(QLatin1String(kSources[s]));
    sourceCase += QStringLiteral(" END");
    QString typeCase = QStringLiteral("CASE i % 5");
    for (int s = 0; s < 5; ++s)
        typeCase += QStringLiteral(" WHEN %1 THEN '%2'").arg(s).arg(QLatin1String(kCostTypes[s]));
    typeCase += QStringLiteral(" END");
    const QString leadSpacing = QString::number(double(span) / double(n), 'f', 3);
    const QString costSpacing = QString::number(double(span) / double(2 * n), 'f', 3);
    const QString cast = b == storage::Backend::Postgres ? QStringLiteral("::bigint") : QString(); // i * 7919 passes 2^31
    if (b == storage::Backend::Sqlite)
        (void)db.executeRaw(QStringLiteral("DROP TRIGGER leads_fts_ai"));
    return run(QStringLiteral("INSERT INTO users (email, password_hash, name, role) VALUES %1").arg(users.join(u','))) &&
           run(QStringLiteral("INSERT INTO locations (name, kind, code) VALUES %1").arg(locations.join(u','))) &&
           run(QStringLiteral("INSERT INTO location_groups (name) VALUES ('North'), ('South'), ('East'), ('West'), ('Central')")) &&
           run(QStringLiteral("INSERT INTO location_group_members (group_id, location_id) VALUES %1").arg(members.join(u','))) &&
           run(QStringLiteral("INSERT INTO campaigns (campaign_id, name, status) VALUES %1").arg(campaigns.join(u','))) &&
           // Leads: a source, a place and a salesperson each; 60 % enriched, 30 % contacted, a
           // tenth with an open deal of a stage and value.
           run(QStringLiteral("INSERT INTO leads (name, company, email, city, country, status, score, source, location_id, assigned_to, enriched_at, "
                              "last_contacted_at, deal_stage, deal_value_cents, created_at, updated_at) "
                              "SELECT 'Lead ' || i, 'Company ' || (i % 9973), 'lead' || i || '@example.com', 'City ' || (1 + (i * 7) % 40), 'US', "
                              "CASE WHEN i % 10 = 0 THEN 'won' WHEN i % 10 = 1 THEN 'qualified' WHEN i % 10 < 4 THEN 'contacted' ELSE 'new' END, i % 101, %1, "
                              "1 + (i * 7) % 40, 2 + (i * 3) % 5, CASE WHEN i % 10 < 6 THEN %2 END, CASE WHEN i % 10 < 4 THEN %3 END, "
                              "CASE WHEN i % 10 = 1 THEN CASE i % 4 WHEN 0 THEN 'contacted' WHEN 1 THEN 'qualified' WHEN 2 THEN 'proposal' ELSE 'negotiation' END "
                              "WHEN i % 10 = 0 THEN 'won' END, CASE WHEN i % 10 = 1 THEN 100000 + (i % 37) * 25000 END, %4, %4 FROM %5")
                   .arg(sourceCase, plusSeconds(b, base, QStringLiteral("i * %1 + 3600 * (1 + i % 48)").arg(leadSpacing)),
                        plusSeconds(b, base, QStringLiteral("i * %1 + 86400 * (1 + i % 9)").arg(leadSpacing)),
                        plusSeconds(b, base, QStringLiteral("i * %1").arg(leadSpacing)), series(b, n))) &&
           // Every tenth lead won: a conversion 0-59 days after it came in.
           run(QStringLiteral("INSERT INTO conversions (lead_id, revenue_amount_cents, currency, conversion_date, deal_stage, created_at) "
                              "SELECT id, 50000 + (id % 181) * 2500, 'USD', %1, 'won', %1 FROM leads WHERE status = 'won'")
                   .arg(b == storage::Backend::Postgres ? QStringLiteral("LEAST(created_at + (id % 60) * INTERVAL '1 day', now())")
                                                        : QStringLiteral("min(strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+' || (id % 60) || ' days'), "
                                                                         "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"))) &&
           // Three in ten leads in a campaign, mailed a day after they came in; a twentieth replied.
           run(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, status, sent_at, replied_at) "
                              "SELECT 1 + id % 50, id, 'sent', %1, CASE WHEN id % 20 = 2 THEN %2 END FROM leads WHERE id % 10 IN (1, 2, 3)")
                   .arg(b == storage::Backend::Postgres ? QStringLiteral("created_at + INTERVAL '1 day'") : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day')"),
                        b == storage::Backend::Postgres ? QStringLiteral("created_at + INTERVAL '3 days'") : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+3 days')"))) &&
           // Costs: 8 in 10 a lead's (scraping, enrichment, AI, e-mail), 1 a campaign's, 1 operating.
           run(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, related_entity_type, related_entity_id, source, campaign_id, created_by, description, created_at) "
                              "SELECT CASE WHEN i % 10 = 9 THEN 'operating' ELSE %1 END, 1 + (i * 7) % 500, 'USD', "
                              "CASE WHEN i % 10 < 8 THEN 'lead' WHEN i % 10 = 8 THEN 'campaign' END, "
                              "CASE WHEN i % 10 < 8 THEN 1 + (i%2 * 7919) % %3 WHEN i % 10 = 8 THEN 1 + i % 50 END, "
                              "CASE WHEN i % 10 = 9 THEN %4 END, NULL, CASE WHEN i % 10 = 9 THEN 2 + i % 5 END, 'bench', %5 FROM %6")
                   .arg(typeCase, cast, QString::number(n), sourceCase, plusSeconds(b, base, QStringLiteral("i * %1").arg(costSpacing)), series(b, 2 * n))) &&
           (b == storage::Backend::Sqlite ? run(QStringLiteral("INSERT INTO leads_fts (leads_fts) VALUES ('rebuild'); ANALYZE")) : run(QStringLiteral("ANALYZE")));
}

struct Figures {
    QString endpoint;
    double p50 = 0, p95 = 0, max = 0;
    int failed = 0;
    QString slowest;
};

// A request's period, zone and filter: different every time.
QString randomQuery(std::mt19937 &rng, const QDateTime &now)
{
    static const char *const zones[] = {"UTC", "America/Chicago", "America/New_York", "America/Los_Angeles", "Europe/Berlin"};
    const QString zoneName = QLatin1String(zones[rng() % 5]);
    const QTimeZone zone(zoneName.toUtf8());
    const QDate today = now.toTimeZone(zone).date();
    QDate from, to;
    switch (rng() % 7) {
    case 0: case 1: case 2: case 3: { // the last 7, 30, 90 or 365 days before a random day
        const int lengths[] = {7, 30, 90, 365};
        to = today.addDays(-qint64(rng() % 700));
        from = to.addDays(-lengths[rng() % 4] + 1);
        break;
    }
    case 4: // a calendar month
        from = QDate(today.year() - int(rng() % 2), 1 + int(rng() % 12), 1);
        to = from.addMonths(1).addDays(-1);
        break;
    case 5: // a quarter
        from = QDate(today.year() - int(rng() % 2), 1 + 3 * int(rng() % 4), 1);
        to = from.addMonths(3).addDays(-1);
        break;
    default: // a calendar year
        from = QDate(today.year() - int(rng() % 2), 1, 1);
        to = QDate(from.year(), 12, 31);
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("tz"), zoneName);
    switch (rng() % 5) {
    case 1: q.addQueryItem(QStringLiteral("source"), QLatin1String(kSources[rng() % 6])); break;
    case 2: q.addQueryItem(QStringLiteral("user_id"), QString::number(2 + rng() % 5)); break;
    case 3: q.addQueryItem(QStringLiteral("location_group_id"), QString::number(2 + rng() % 5)); break;
    case 4: q.addQueryItem(QStringLiteral("campaign_id"), QString::number(1 + rng() % 50)); break;
    default: break;
    }
    return q.toString(QUrl::FullyEncoded);
}

QList<Figures> endpoints(quint16 port, const QByteArray &token, const QDateTime &now, int requests)
{
    struct Endpoint {
        const char *path;
        QStringList variants; // extra parameters, one picked per request
    };
    const QList<Endpoint> list{
        {"/api/v1/revenue/dashboard", {QString()}},
        {"/api/v1/revenue/by-source", {QString()}},
        {"/api/v1/revenue/trends", {QStringLiteral("bucket=day"), QStringLiteral("bucket=week"), QStringLiteral("bucket=month")}},
        {"/api/v1/revenue/forecast", {QStringLiteral("months=3"), QStringLiteral("months=6")}},
        {"/api/v1/costs/breakdown", {QStringLiteral("group_by=cost_type"), QStringLiteral("group_by=source"), QStringLiteral("group_by=campaign"),
                                     QStringLiteral("group_by=period&bucket=week")}},
        {"/api/v1/roi/calculate", {QStringLiteral("group_by=overall"), QStringLiteral("group_by=source"), QStringLiteral("group_by=campaign"),
                                   QStringLiteral("group_by=location")}},
        {"/api/v1/analytics/lead-funnel", {QString()}},
        {"/api/v1/analytics/trends", {QStringLiteral("bucket=week"), QStringLiteral("bucket=month")}},
        {"/api/v1/analytics/sources", {QString()}},
        {"/api/v1/analytics/locations/performance", {QString()}},
        {"/api/v1/analytics/dashboard", {QString()}},
        {"/api/v1/analytics/templates/performance", {QString()}},
        {"/api/v1/analytics/drill-down", {QStringLiteral("figure=revenue&group_by=source&key=craigslist"), QStringLiteral("figure=funnel&key=won"),
                                          QStringLiteral("figure=costs&group_by=cost_type&key=scraping")}},
        {"/api/v1/revenue/board", {QString()}},
        {"/api/v1/usage/current", {QString()}},
    };
    QList<Figures> out;
    std::mt19937 rng(13);
    for (const Endpoint &e : list) {
        Figures f;
        f.endpoint = QString::fromLatin1(e.path).mid(int(qstrlen("/api/v1")));
        QList<double> times;
        double slowest = -1;
        for (int i = 0; i < requests; ++i) {
            QString query = randomQuery(rng, now);
            if (const QString v = e.variants.at(int(rng() % e.variants.size())); !v.isEmpty())
                query += u'&' + v;
            const QByteArray path = QByteArray(e.path) + '?' + query.toLatin1();
            QElapsedTimer t;
            t.start();
            const QByteArray response = bench::httpRequest(port, "GET", path, {}, token);
            const double ms = t.nsecsElapsed() / 1e6;
            if (!response.startsWith("HTTP/1.1 200")) {
                ++f.failed;
                std::fprintf(stderr, "%s -> %s\n", path.constData(), response.left(300).constData());
            }
            times << ms;
            if (ms > slowest) {
                slowest = ms;
                f.slowest = query;
            }
        }
        f.p50 = bench::percentile(times, 0.5);
        f.p95 = bench::percentile(times, 0.95);
        f.max = *std::max_element(times.cbegin(), times.cend());
        std::fprintf(stderr, "%-32s p50 %7.1f  p95 %7.1f  max %7.1f ms  (slowest: %s)\n", qPrintable(f.endpoint), f.p50, f.p95, f.max, qPrintable(f.slowest));
        out << f;
    }
    return out;
}

// The desktop dashboard over the same database: each period of its picker, the whole page.
QList<std::pair<QString, double>> desktop(const storage::DatabaseUrl &url, const QString &dataDir)
{
    test::MemorySecretStore secrets;
    engine::Engine::Options o;
    o.database = url;
    o.workers = 0;
    o.secrets = &secrets;
    o.dataDir = dataDir;
    engine::Engine engine(o);
    QList<std::pair<QString, double>> out;
    if (!engine.connect() || !engine.start()) {
        std::fprintf(stderr, "the desktop engine did not start\n");
        return out;
    }
    ui::DashboardPage page(engine);
    page.resize(1400, 900);
    page.show();
    QCoreApplication::processEvents();
    auto *range = page.findChild<QComboBox *>(QStringLiteral("dashboardRange"));
    {
        // The window's first refresh loads the facts (as the server's first figure): apart.
        QElapsedTimer t;
        t.start();
        QSignalSpy drawn(&page, &ui::DashboardPage::refreshed);
        page.refresh();
        (void)drawn.wait(300000);
        out.append({QStringLiteral("first refresh (the facts loaded)"), t.nsecsElapsed() / 1e6});
    }
    {
        const auto size = engine.revenue().facts().size();
        std::fprintf(stderr, "the facts in memory: %lld leads, %lld conversions, %lld costs, %lld sends, %lld memberships: %.1f MiB (loaded in %lld ms)\n",
                     size.leads, size.conversions, size.costs, size.sends, size.memberships, size.bytes / 1048576.0, size.lastLoadMs);
        out.append({QStringLiteral("(the facts: %1 MiB)").arg(size.bytes / 1048576.0, 0, 'f', 1), double(size.lastLoadMs)});
    }
    for (int i = 0; range && i < range->count(); ++i) {
        QElapsedTimer t;
        t.start();
        const QSignalBlocker quiet(range); // timed here, not by the combo's signal
        range->setCurrentIndex(i);
        QSignalSpy drawn(&page, &ui::DashboardPage::refreshed);
        page.refresh(); // read off the window's thread; timed until the figures are drawn
        if (!drawn.wait(120000))
            std::fprintf(stderr, "the dashboard did not refresh within 2 minutes\n");
        page.repaint();
        QCoreApplication::processEvents();
        out.append({range->itemText(i), t.nsecsElapsed() / 1e6});
    }
    return out;
}

// The resident memory of a process (Linux), in KiB; 0 elsewhere.
qint64 rssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

struct Load {
    const char *backend;
    qint64 ms, rssBefore, rssAfter;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const qint64 n = bench::envCount("FLIPTECH_BENCH_LEADS", 1000000);
    const int requests = bench::envCount("FLIPTECH_BENCH_REQUESTS", 60);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Load> loads;
    QList<storage::Backend> backends{storage::Backend::Sqlite};
    if (!qEnvironmentVariableIsEmpty("FLIPTECH_TEST_PG_URL"))
        backends << storage::Backend::Postgres;
    for (const storage::Backend backend : backends) {
        const char *name = backend == storage::Backend::Postgres ? "PostgreSQL" : "SQLite";
        test::TempDatabase tmp(backend);
        if (!tmp.isValid()) {
            std::fprintf(stderr, "%s: %s\n", name, qPrintable(tmp.skipReason()));
            continue;
        }
        QList<Figures> figures;
        {
            // The server first: its administrator is the first user (the salespeople are 2-6).
            (void)tmp.open(true);
            bench::HeadlessServer server;
            if (!server.start(tmp.url().toString()))
                return 1;
            QElapsedTimer t;
            t.start();
            {
                auto db = tmp.open(false);
                if (!db || !seed(*db, backend, n, QDateTime(now.date().addYears(-2), QTime(0, 0), Qt::UTC)))
                    return 1;
            }
            std::fprintf(stderr, "%s: seeded %lld leads, %lld conversions, %lld costs in %.1f s\n", name, n, n / 10, 2 * n, t.elapsed() / 1000.0);
            // The first figure of a process loads the facts into its memory (FactStore): timed
            // apart, with the server's memory before and after.
            const qint64 rssBefore = rssKiB(server.pid());
            t.restart();
            (void)bench::httpRequest(server.port(), "GET", "/api/v1/revenue/dashboard", {}, server.token());
            std::fprintf(stderr, "%s: first figure (the facts loaded) %.1f s; server memory %lld MiB -> %lld MiB\n", name, t.elapsed() / 1000.0, rssBefore / 1024,
                         rssKiB(server.pid()) / 1024);
            loads.append({name, t.elapsed(), rssBefore, rssKiB(server.pid())});
            if (requests > 0) // FLIPTECH_BENCH_REQUESTS=0: the desktop's refresh only
                figures = endpoints(server.port(), server.token(), now, requests);
        }
        QTemporaryDir dataDir;
        const auto page = desktop(tmp.url(), dataDir.path());

        std::printf("\n| %s, %lld leads / %lld conversions / %lld costs: %d requests each, every one a new period, zone and filter | p50 | p95 | max | target |\n"
                    "|---|---|---|---|---|\n",
                    name, n, n / 10, 2 * n, requests);
        for (const Figures &f : std::as_const(figures))
            std::printf("| GET %s%s | %.1f ms | %.1f ms | %.1f ms | p95 < 150 ms |\n", qPrintable(f.endpoint),
                        f.failed ? qPrintable(QStringLiteral(" (%1 failed)").arg(f.failed)) : "", f.p50, f.p95, f.max);
        for (const auto &[label, ms] : page)
            std::printf("| desktop dashboard refreshed: %s | %.0f ms | | | %s |\n", qPrintable(label), ms, label.startsWith(QLatin1String("first")) || label.startsWith(u'(') ? "" : "< 500 ms");
    }
    std::printf("\n| the server's first figure: the facts loaded | time | memory before | after |\n|---|---|---|---|\n");
    for (const Load &l : std::as_const(loads))
        std::printf("| %s | %.1f s | %lld MiB | %lld MiB |\n", l.backend, l.ms / 1000.0, l.rssBefore / 1024, l.rssAfter / 1024);
    return 0;
}
