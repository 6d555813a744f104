// Lead workspace benchmarks, on SQLite and PostgreSQL (FLIPTECH_TEST_PG_URL), with N leads
// (FLIPTECH_BENCH_LEADS, default 1,000,000) from the reproducible generator:
//  1. CSV import of N rows through LeadImporter (normalising, deduping, one transaction):
//     rows/s (target SQLite >= 150,000); on PostgreSQL compared with `psql \copy` of the same
//     file into the same table (target: within 2x);
//  2. GET /api/v1/leads?limit=50 with three filters and a sort against `fliptech --headless`,
//     wrk -t2 -c50 -d10s (target >= 5,000 req/s, p99 < 25 ms). The server keeps a page it
//     answered for a second (until a lead changes), so the same request again is served from
//     memory; a second run scrolls, asking for a different page of the filter every time, to
//     show what a page costs when it has to be read from the database;
//  3. global search (SearchService, ranked with snippets): p50/p95 over 300 queries (target p95 < 50 ms);
//  4. the list as a salesperson uses it: every request a new random combination of filters, per
//     class (city x status x score range; a tag with a status and a score range; has e-mail with
//     a city and a score range; a city with one of the four sorts), wrk with 8 and 50
//     connections (targets p50 < 30 ms, p95 < 100 ms, >= 200 req/s), with the total as the
//     API answers it (exact or estimated).
// FLIPTECH_BENCH_DATABASES=url[,url] runs 2-4 on databases loaded before (e.g. by an earlier
// run's import) instead of importing.
#include "benchhttp.h"
#include "leadgen.h"
#include "fliptech/core/clock.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace fliptech;

namespace {

const QString kListPath = QStringLiteral("/api/v1/leads?limit=50&status=new&city=Austin&score_min=50&sort=-score");

// The tags the random filters pick from: 40 % of leads carry one, 10 % a second.
const char *const kTagNames[] = {"hot", "cold", "callback", "no-site", "slow-site", "facebook-only", "referral", "vip", "spanish", "follow-up",
                                 "ecommerce", "booking", "franchise", "new-owner", "seasonal", "budget", "premium", "local-seo", "reviews", "redesign"};

bool tagLeads(storage::Database &db)
{
    auto existing = db.selectOne(QStringLiteral("SELECT count(*) FROM tags"));
    if (!existing || existing->value(0).toLongLong() > 0)
        return bool(existing);
    QStringList values;
    for (const char *t : kTagNames)
        values << QStringLiteral("('%1')").arg(QLatin1String(t));
    return db.executeRaw(QStringLiteral("INSERT INTO tags (name) VALUES %1").arg(values.join(u','))).ok() &&
           db.executeRaw(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id) SELECT id, 1 + (id * 7) % 20 FROM leads WHERE id % 10 < 4")).ok() &&
           db.executeRaw(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id) SELECT id, 1 + (id * 13 + 5) % 20 FROM leads "
                                        "WHERE id % 10 = 0 AND (id * 13 + 5) % 20 <> (id * 7) % 20")).ok();
}

// wrk script: every request a new random combination of the class's filters.
QByteArray randomFilterScript(const char *filterClass)
{
    QByteArray tags;
    for (const char *t : kTagNames)
        tags += QByteArray("\"") + t + "\",";
    return QByteArray(R"(
local cities = {"Austin","Dallas","Houston","Denver","Phoenix","Portland","Seattle","Miami","Atlanta","Chicago","Boston","Nashville","San%20Diego","Tampa","Raleigh","Columbus"}
local statuses = {"new","contacted","qualified","proposal","won","lost"}
local sorts = {"-created_at","-score","name","-last_contacted_at"}
local tags = {)") + tags + R"(}
local class = ")" + filterClass + R"("
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) math.randomseed(os.time() * 1000 + id * 7919) end
local function pick(t) return t[math.random(#t)] end
local function range()
  local lo = math.random(0, 100)
  return "&score_min=" .. lo .. "&score_max=" .. math.random(lo, 100)
end
function request()
  local q
  if class == "city_status_score" then
    q = "city=" .. pick(cities) .. "&status=" .. pick(statuses) .. range()
  elseif class == "tag_status_score" then
    q = "tags_any=" .. pick(tags) .. "&status=" .. pick(statuses) .. range()
  elseif class == "has_email_city_score" then
    q = "has_email=" .. (math.random(2) == 1 and "true" or "false") .. "&city=" .. pick(cities) .. range()
  else
    q = "city=" .. pick(cities) .. "&sort=" .. pick(sorts) .. "&score_min=" .. math.random(0, 100)
  end
  return wrk.format(nil, "/api/v1/leads?limit=50&" .. q)
end
)";
}

struct ClassFigures {
    QString name;
    bench::WrkResult c8, c50;
};

QList<ClassFigures> randomFilters(quint16 port, const QByteArray &token)
{
    QList<ClassFigures> out;
    for (const char *c : {"city_status_score", "tag_status_score", "has_email_city_score", "city_sort_score"}) {
        ClassFigures f;
        f.name = QString::fromLatin1(c);
        const QByteArray script = randomFilterScript(c);
        f.c8 = bench::runWrk(port, QStringLiteral("/api/v1/leads"), token, 10, script, 8);
        f.c50 = bench::runWrk(port, QStringLiteral("/api/v1/leads"), token, 10, script, 50);
        std::fprintf(stderr, "%s: c8 %.0f req/s p50 %.1f p95 %.1f; c50 %.0f req/s p50 %.1f p95 %.1f\n", c, f.c8.rps, f.c8.p50Ms, f.c8.p95Ms,
                     f.c50.rps, f.c50.p50Ms, f.c50.p95Ms);
        out << f;
    }
    return out;
}

struct Figures {
    QString backend;
    qint64 rows = 0;
    double importSeconds = 0;
    double copySeconds = -1; // psql \copy (PostgreSQL)
    double indexingSeconds = 0; // SQLite bulk load: indexes and search entries built afterwards
    bench::WrkResult list, listDistinct;
    qint64 listTotal = 0;
    double searchP50 = 0, searchP95 = 0;
    QList<ClassFigures> random;
};

bool measure(const std::shared_ptr<storage::Database> &db, const QString &url, Figures *f);

bool run(storage::Backend backend, const QString &csv, qint64 rows, Figures *f)
{
    test::TempDatabase tmp(backend);
    if (!tmp.isValid()) {
        std::fprintf(stderr, "%s: %s\n", backend == storage::Backend::Postgres ? "postgres" : "sqlite", qPrintable(tmp.skipReason()));
        return false;
    }
    auto db = tmp.open();
    const core::Clock &clock = core::SystemClock::instance();
    QTemporaryDir files;
    leads::LeadService leadService(db, nullptr, clock);
    leads::FileStore store(db, files.path(), clock);
    leads::LeadImporter importer(db, leadService, store, clock);
    f->backend = db->isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    QElapsedTimer t;
    t.start();
    auto report = importer.run(leads::Actor::system(), csv, leads::ImportOptions{});
    f->importSeconds = t.elapsed() / 1000.0;
    if (!report) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error().message));
        return false;
    }
    f->rows = report->imported;
    std::fprintf(stderr, "%s: imported %lld of %lld rows in %.1f s (%lld duplicates in file, %lld rejected)\n", qPrintable(f->backend),
                 report->imported, rows, f->importSeconds, report->duplicatesInFile, report->rejected);
    if (report->indexingDeferred) {
        // A bulk load: the rows are in; the indexes and search entries come next (the
        // leads.indexing job in the application). Timed on its own; the list and search figures
        // below are taken after it.
        QElapsedTimer ti;
        ti.start();
        auto indexed = leads::LeadIndexing(db).run();
        f->indexingSeconds = ti.elapsed() / 1000.0;
        if (!indexed) {
            std::fprintf(stderr, "indexing failed: %s\n", qPrintable(indexed.error().message));
            return false;
        }
        std::fprintf(stderr, "%s: indexes and search entries built in %.1f s\n", qPrintable(f->backend), f->indexingSeconds);
    }
    if (db->isPostgres()) {
        test::TempDatabase other(backend);
        (void)other.open();
        f->copySeconds = bench::psqlCopy(other.url().toString(), QStringLiteral("leads"), csv);
    }
    return measure(db, tmp.url().toString(), f);
}

// Search, the list, scrolling and random filters on a loaded database.
bool measure(const std::shared_ptr<storage::Database> &db, const QString &url, Figures *f)
{
    f->backend = db->isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    if (!tagLeads(*db)) {
        std::fprintf(stderr, "could not tag the leads\n");
        return false;
    }
    (void)db->executeRaw(db->isPostgres() ? QStringLiteral("VACUUM ANALYZE") : QStringLiteral("ANALYZE"));
    if (auto n = db->selectOne(QStringLiteral("SELECT count(*) FROM leads")))
        f->rows = n->value(0).toLongLong();

    // Search: the query and its snippets, as the palette asks for them.
    leads::SearchService search(db);
    QList<double> ms;
    const QStringList words = bench::searchWords();
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer q;
        q.start();
        auto hits = search.search(words.at(i % words.size()), QStringLiteral("leads"), 20);
        ms << q.nsecsElapsed() / 1e6;
        if (!hits || hits->isEmpty())
            std::fprintf(stderr, "search '%s' found nothing\n", qPrintable(words.at(i % words.size())));
    }
    f->searchP50 = bench::percentile(ms, 0.50);
    f->searchP95 = bench::percentile(ms, 0.95);

    // The list endpoint over HTTP.
    db->closeThreadConnection();
    bench::HeadlessServer server;
    if (!server.start(url))
        return false;
    f->listTotal = bench::jsonBody(bench::httpRequest(server.port(), "GET", kListPath.toLatin1(), {}, server.token()))
                       .value(QStringLiteral("total")).toInteger();
    f->list = bench::runWrk(server.port(), kListPath, server.token(), 10);
    // Scrolling: the same filter from a different place every time (keyset cursors [score, id],
    // as the server hands them out), so each page is read from the database while the filter's
    // total stays counted. Each wrk thread starts elsewhere: no page comes twice within a second.
    static const QByteArray distinct = R"(
local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function b64url(s)
  local out, bits, nbits = {}, 0, 0
  for i = 1, #s do
    bits = bits * 256 + s:byte(i); nbits = nbits + 8
    while nbits >= 6 do
      nbits = nbits - 6
      local v = math.floor(bits / 2 ^ nbits) % 64
      out[#out + 1] = b64:sub(v + 1, v + 1)
    end
    bits = bits % (2 ^ nbits)
  end
  if nbits > 0 then local v = (bits * 2 ^ (6 - nbits)) % 64; out[#out + 1] = b64:sub(v + 1, v + 1) end
  return table.concat(out)
end
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) counter = id * 500000 end
function request()
  counter = counter + 1
  local score = 100 - counter % 50
  local lead = 1000000 - (counter * 7919) % 1000000
  return wrk.format(nil, "/api/v1/leads?limit=50&status=new&city=Austin&score_min=50&sort=-score&cursor=" ..
                         b64url("[" .. score .. "," .. lead .. "]"))
end
)";
    f->listDistinct = bench::runWrk(server.port(), kListPath, server.token(), 10, distinct);
    f->random = randomFilters(server.port(), server.token());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = bench::envCount("FLIPTECH_BENCH_LEADS", 1000000);
    QList<Figures> all;
    QTemporaryDir dir;
    const QStringList reuse = qEnvironmentVariable("FLIPTECH_BENCH_DATABASES").split(u',', Qt::SkipEmptyParts);
    for (const QString &url : reuse) {
        auto parsed = storage::DatabaseUrl::parse(url);
        auto db = parsed ? storage::Database::open(*parsed) : core::Result<std::shared_ptr<storage::Database>>(parsed.error());
        Figures f;
        if (!db)
            std::fprintf(stderr, "%s: %s\n", qPrintable(url), qPrintable(db.error().message));
        else if (measure(*db, url, &f))
            all << f;
    }
    const QString csv = dir.filePath(QStringLiteral("leads.csv"));
    if (reuse.isEmpty()) {
        QFile out(csv);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        bench::writeLeadsCsv(&out, rows, 42);
        std::fprintf(stderr, "generated %lld leads (%.0f MiB)\n", rows, out.size() / 1048576.0);
    }
    for (auto backend : {storage::Backend::Sqlite, storage::Backend::Postgres}) {
        Figures f;
        if (reuse.isEmpty() && run(backend, csv, rows, &f))
            all << f;
    }
    std::printf("| %lld leads | import rows/s | then indexes + search built | psql \\copy | list (wrk -c50, 3 filters + sort) | list, scrolling (a different page each time) | search p50 / p95 |\n"
                "|---|---|---|---|---|---|---|\n", rows);
    for (const Figures &f : std::as_const(all)) {
        const QString copy = f.copySeconds > 0 ? QStringLiteral("%1 rows/s (import takes %2x as long)")
                                                     .arg(rows / f.copySeconds, 0, 'f', 0).arg(f.importSeconds / f.copySeconds, 0, 'f', 2)
                                               : QStringLiteral("—");
        const QString indexing = f.indexingSeconds > 0 ? QStringLiteral("%1 s (%2 rows/s all told)").arg(f.indexingSeconds, 0, 'f', 1)
                                                             .arg(f.rows / (f.importSeconds + f.indexingSeconds), 0, 'f', 0)
                                                       : QStringLiteral("— (live)");
        const QString import = f.importSeconds > 0 ? QStringLiteral("%1 (%2 s)").arg(f.rows / f.importSeconds, 0, 'f', 0).arg(f.importSeconds, 0, 'f', 1)
                                                   : QStringLiteral("— (loaded before)");
        std::printf("| %s | %s | %s | %s | %.0f req/s, p50 %s, p99 %s (total %lld)%s | %.0f req/s, p50 %s, p99 %s%s | %.1f ms / %.1f ms |\n",
                    qPrintable(f.backend), qPrintable(import), qPrintable(indexing), qPrintable(copy), f.list.rps, qPrintable(f.list.p50),
                    qPrintable(f.list.p99), f.listTotal, f.list.errors ? " ERRORS" : "", f.listDistinct.rps, qPrintable(f.listDistinct.p50),
                    qPrintable(f.listDistinct.p99), f.listDistinct.errors ? " ERRORS" : "", f.searchP50, f.searchP95);
    }
    std::printf("\n| random filters, every request a new combination (limit 50, with the total) | backend | wrk -c8: req/s, p50, p95, p99 | wrk -c50: req/s, p50, p95, p99 |\n"
                "|---|---|---|---|\n");
    for (const Figures &f : std::as_const(all))
        for (const ClassFigures &c : f.random)
            std::printf("| %s | %s | %.0f, %.1f ms, %.1f ms, %.1f ms%s | %.0f, %.1f ms, %.1f ms, %.1f ms%s |\n", qPrintable(c.name), qPrintable(f.backend),
                        c.c8.rps, c.c8.p50Ms, c.c8.p95Ms, c.c8.p99Ms, c.c8.errors ? " ERRORS" : "", c.c50.rps, c.c50.p50Ms, c.c50.p95Ms,
                        c.c50.p99Ms, c.c50.errors ? " ERRORS" : "");
    return all.isEmpty() ? 1 : 0;
}
