// Job queue throughput: enqueue + claim + complete of N no-op jobs with 2 workers, on SQLite
// and PostgreSQL (targets: >= 10,000 jobs/s SQLite, >= 5,000 jobs/s PostgreSQL).
//   bench_jobqueue [jobs=100000] [workers=2] [batch=64]
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

using namespace fliptech;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int jobs = args.value(1, QStringLiteral("100000")).toInt();
    const int workers = args.value(2, QStringLiteral("2")).toInt();
    const int batch = args.value(3, QStringLiteral("64")).toInt();
    std::printf("%d no-op jobs, %d workers, claim batch %d\n\n", jobs, workers, batch);
    std::printf("| backend | enqueue jobs/s | claim+complete jobs/s | end-to-end jobs/s | total s |\n|---|---|---|---|---|\n");
    for (auto backend : {storage::Backend::Sqlite, storage::Backend::Postgres}) {
        const char *name = backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL";
        test::TempDatabase tmp(backend);
        if (!tmp.isValid()) {
            std::printf("| %s | skipped: %s | | | |\n", name, qPrintable(tmp.skipReason()));
            continue;
        }
        auto db = tmp.open(true);
        auto &clock = core::SystemClock::instance();
        storage::JobQueue queue(db, clock);
        storage::WorkerPool::Options o;
        o.workers = workers;
        o.batchSize = batch;
        o.idlePoll = std::chrono::milliseconds(20);
        storage::WorkerPool pool(db, queue, clock, o);
        pool.registerHandler(QStringLiteral("noop"), [](storage::JobContext &) { return storage::JobOutcome::done(); });

        QElapsedTimer total;
        total.start();
        QList<storage::JobSpec> specs;
        specs.reserve(jobs);
        for (int i = 0; i < jobs; ++i)
            specs << storage::JobSpec{QStringLiteral("noop"), {{QStringLiteral("i"), i}}};
        auto ids = queue.enqueueBatch(specs);
        if (!ids) {
            std::fprintf(stderr, "%s\n", qPrintable(ids.error().message));
            return 1;
        }
        const double enqueueS = double(total.nsecsElapsed()) / 1e9;
        QElapsedTimer drain;
        drain.start();
        pool.start();
        while (pool.processedCount() < jobs)
            QThread::msleep(2);
        pool.stop();
        const double drainS = double(drain.nsecsElapsed()) / 1e9;
        const double totalS = double(total.nsecsElapsed()) / 1e9;
        auto done = queue.countsByState()->value(QStringLiteral("done"));
        if (done != jobs) {
            std::fprintf(stderr, "%s: only %lld of %d jobs done\n", name, done, jobs);
            return 1;
        }
        std::printf("| %s | %.0f | %.0f | %.0f | %.2f |\n", name, jobs / enqueueS, jobs / drainS, jobs / totalS, totalS);
        std::fflush(stdout);
    }
    return 0;
}
