// Cold start of the desktop (issue 14): `fliptech` from exec until its main window is up and
// the event loop idle — signed in with a remembered session, the first page (the dashboard,
// the default) built and painted — on a 100,000-lead SQLite database; median of 10, and the
// resident memory (VmRSS) at that moment; then until the dashboard's figures (read off the
// window's thread) are drawn. Offscreen platform (no display needed); each run is a
// new process on a database it has not opened before in that process.
#include "fliptech/auth/authservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/ui/signindialogs.h"
#include "benchhttp.h"
#include "testenv.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace fliptech;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const qint64 n = bench::envCount("FLIPTECH_BENCH_LEADS", 100000);
    QTemporaryDir home;
    const QString dataDir = QDir(home.path()).filePath(QStringLiteral("data/FlipTech/fliptech"));
    QDir().mkpath(dataDir);
    const QString dbPath = QDir(home.path()).filePath(QStringLiteral("leads.db"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home.path()).filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(home.path()).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("FLIPTECH_STARTUP_PROBE"), QStringLiteral("1"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // the secrets file, as on a desktop without a keyring

    // The database: schema, an administrator with a remembered session, 100,000 leads.
    {
        storage::FileSecretStore secrets(QDir(dataDir).filePath(QStringLiteral("secrets.json")));
        engine::Engine::Options o;
        o.database = storage::DatabaseUrl::sqliteFile(dbPath);
        o.workers = 0;
        o.secrets = &secrets;
        o.dataDir = dataDir;
        engine::Engine engine(o);
        if (!engine.connect() || !engine.migrate() || !engine.start()) {
            std::fprintf(stderr, "engine did not start\n");
            return 1;
        }
        auto admin = engine.auth().createFirstAdmin(QStringLiteral("owner@studio.example"), QStringLiteral("Bench-password-long"), QStringLiteral("Owner"));
        auto session = engine.auth().login(QStringLiteral("owner@studio.example"), QStringLiteral("Bench-password-long"), {});
        if (!admin || !session) {
            std::fprintf(stderr, "no administrator\n");
            return 1;
        }
        ui::SignInDialog::remember(secrets, *session, true);
        QElapsedTimer seed;
        seed.start();
        auto &db = engine.database();
        const bool seeded = db.executeRaw(QStringLiteral(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %1) "
            "INSERT INTO leads (name, company, email, phone, city, region, country, status, score, source, created_at, updated_at) "
            "SELECT 'Lead ' || i, 'Company ' || (i % 9973), 'lead' || i || '@example.com', '+1512555' || substr('0000' || (i % 10000), -4), "
            "CASE i % 16 WHEN 0 THEN 'Austin' WHEN 1 THEN 'Denver' ELSE 'Dallas' END, 'TX', 'US', "
            "CASE i % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'contacted' ELSE 'qualified' END, i % 101, "
            "CASE i % 4 WHEN 0 THEN 'craigslist' WHEN 1 THEN 'manual' WHEN 2 THEN 'import' ELSE 'custom_url' END, "
            "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', '2026-06-01', '+' || (i * 150) || ' seconds'), '2026-06-01T00:00:00.000Z' FROM s").arg(n)).ok();
        (void)db.executeRaw(QStringLiteral("ANALYZE"));
        if (!seeded) {
            std::fprintf(stderr, "seeding failed\n");
            return 1;
        }
        std::fprintf(stderr, "seeded %lld leads in %.1f s\n", n, seed.elapsed() / 1000.0);
    }

    // One series: 11 starts (the first warms the page cache and is not counted).
    struct Series {
        QList<double> ms, figures, rss, rssFigures;
    };
    auto measure = [&](Series &out) -> bool {
        for (int run = 0; run < 11; ++run) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.setProcessChannelMode(QProcess::SeparateChannels);
            QElapsedTimer t;
            t.start();
            p.start(test::fliptechBinary(), {QStringLiteral("--database"), QStringLiteral("sqlite://") + dbPath});
            double ready = -1, drawn = -1;
            QByteArray said;
            auto rssAt = [&said](qsizetype at) { return said.mid(said.indexOf("rss=", at) + 4).split(' ').first().toDouble() / 1024.0; };
            while (t.elapsed() < 30000 && drawn < 0) {
                p.waitForReadyRead(5);
                said += p.readAllStandardOutput();
                if (const qsizetype at = said.indexOf("startup-probe ready"); at >= 0 && ready < 0) {
                    ready = t.nsecsElapsed() / 1e6;
                    if (run > 0)
                        out.rss << rssAt(at);
                }
                if (const qsizetype at = said.indexOf("startup-probe figures"); at >= 0) {
                    drawn = t.nsecsElapsed() / 1e6;
                    if (run > 0)
                        out.rssFigures << rssAt(at);
                }
                if (p.state() == QProcess::NotRunning)
                    break;
            }
            p.waitForFinished(10000);
            if (ready < 0) {
                std::fprintf(stderr, "run %d never got ready:\n%s\n%s\n", run, said.constData(), p.readAllStandardError().constData());
                return false;
            }
            if (run > 0) {
                out.ms << ready;
                if (drawn > 0)
                    out.figures << drawn;
            }
        }
        for (QList<double> *l : {&out.ms, &out.figures, &out.rss, &out.rssFigures})
            std::sort(l->begin(), l->end());
        return true;
    };
    auto row = [](const char *what, const QList<double> &v, const char *target) {
        if (!v.isEmpty())
            std::printf("| %s | %.0f | %.0f | %.0f | %s |\n", what, v[v.size() / 2], v.first(), v.last(), target);
    };
    Series dashboard, leads;
    if (!measure(dashboard))
        return 1;
    // The same with the Leads page in front (the page the window reopens when it was the last one).
    const QString conf = QDir(home.path()).filePath(QStringLiteral("config/FlipTech/fliptech.conf"));
    QDir().mkpath(QFileInfo(conf).path());
    {
        QSettings settings(conf, QSettings::IniFormat);
        settings.setValue(QStringLiteral("mainWindow/page"), QStringLiteral("leads"));
    }
    if (!measure(leads))
        return 1;
    std::printf("| desktop cold start, %lld leads (SQLite, offscreen) | median | min | max | target |\n|---|---|---|---|---|\n", n);
    row("exec → window up and idle, Dashboard in front (ms)", dashboard.ms, "< 1000");
    row("  resident memory then (MiB)", dashboard.rss, "< 150");
    row("exec → the dashboard's figures drawn (ms)", dashboard.figures, "");
    row("  resident memory then (MiB)", dashboard.rssFigures, "< 150");
    row("exec → window up and idle, Leads in front (ms)", leads.ms, "< 1000");
    row("  resident memory then (MiB)", leads.rss, "< 150");
    return 0;
}
