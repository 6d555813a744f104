// fliptech_storage_helper: a separate process for tst_multiprocess.
//   work   <db-url> <lease-ms> <workers> <exit-when-idle-ms>
//       runs a WorkerPool; handlers "record" (insert a test_runs row) and "hang_once"
//       (record, then on the first run hang until killed). Prints "ready".
//   listen <db-url> <seconds>
//       watches the EventStore; prints "ready", then "event <id> <type>" per event.
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace fliptech;

namespace {
int usage()
{
    std::fprintf(stderr, "usage: fliptech_storage_helper work URL LEASE_MS WORKERS IDLE_MS | listen URL SECONDS\n");
    return 2;
}

qint64 recordRun(storage::Database &db, qint64 jobId)
{
    (void)db.execute(QStringLiteral("INSERT INTO test_runs (job_id, pid) VALUES (?, ?)"),
                     {jobId, QCoreApplication::applicationPid()});
    auto n = db.selectOne(QStringLiteral("SELECT count(*) FROM test_runs WHERE job_id = ?"), {jobId});
    return n ? n->value(0).toLongLong() : 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return usage();
    auto url = storage::DatabaseUrl::parse(args[2]);
    if (!url)
        return usage();
    auto dbr = storage::Database::open(*url);
    if (!dbr) {
        std::fprintf(stderr, "%s\n", qPrintable(dbr.error().message));
        return 3;
    }
    auto db = *dbr;
    auto &clock = core::SystemClock::instance();

    if (args[1] == QLatin1String("listen")) {
        storage::EventStore events(db, clock);
        QObject::connect(&events, &storage::EventStore::eventAppended, &app, [](const storage::Event &e) {
            std::printf("event %lld %s\n", e.id, qPrintable(e.type));
            std::fflush(stdout);
        });
        if (!events.startWatching())
            return 3;
        std::printf("ready\n");
        std::fflush(stdout);
        QTimer::singleShot(args[3].toInt() * 1000, &app, &QCoreApplication::quit);
        return app.exec();
    }

    if (args[1] != QLatin1String("work") || args.size() < 6)
        return usage();
    storage::JobQueue queue(db, clock);
    storage::WorkerPool::Options o;
    o.lease = std::chrono::milliseconds(args[3].toInt());
    o.workers = args[4].toInt();
    o.batchSize = 16;
    o.idlePoll = std::chrono::milliseconds(50);
    storage::WorkerPool pool(db, queue, clock, o);
    pool.registerHandler(QStringLiteral("record"), [&db](storage::JobContext &ctx) {
        recordRun(*db, ctx.job().id);
        return storage::JobOutcome::done();
    });
    pool.registerHandler(QStringLiteral("hang_once"), [&db](storage::JobContext &ctx) {
        if (recordRun(*db, ctx.job().id) == 1) {
            std::printf("hanging %lld\n", ctx.job().id);
            std::fflush(stdout);
            for (;;)
                QThread::sleep(1); // until SIGKILL
        }
        return storage::JobOutcome::done();
    });
    pool.start();
    std::printf("ready\n");
    std::fflush(stdout);
    const int idleMs = args[5].toInt();
    qint64 idleSince = -1;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        auto counts = queue.countsByState();
        const bool idle = counts && counts->value(QStringLiteral("queued")) == 0 && counts->value(QStringLiteral("running")) == 0;
        const qint64 now = clock.monotonicMs();
        if (!idle) {
            idleSince = -1;
        } else if (idleSince < 0) {
            idleSince = now;
        } else if (now - idleSince >= idleMs) {
            pool.stop();
            app.quit();
        }
    });
    poll.start(50);
    return app.exec();
}
