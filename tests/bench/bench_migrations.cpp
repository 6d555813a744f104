// Migrations on an empty database, both backends: median of 5 (target < 1 s).
#include "fliptech/storage/migrator.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace fliptech;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("| backend | migrations | median ms | min ms | max ms |\n|---|---|---|---|---|\n");
    for (auto backend : {storage::Backend::Sqlite, storage::Backend::Postgres}) {
        QList<double> ms;
        int applied = 0;
        for (int i = 0; i < 5; ++i) {
            test::TempDatabase tmp(backend);
            if (!tmp.isValid()) {
                std::printf("| %s | skipped: %s | | | |\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL",
                            qPrintable(tmp.skipReason()));
                break;
            }
            auto db = tmp.open(false);
            QElapsedTimer t;
            t.start();
            auto r = storage::Migrator(*db).migrate();
            ms << double(t.nsecsElapsed()) / 1e6;
            if (!r) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
                return 1;
            }
            applied = *r;
        }
        if (ms.isEmpty())
            continue;
        std::sort(ms.begin(), ms.end());
        std::printf("| %s | %d | %.1f | %.1f | %.1f |\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL", applied,
                    ms[ms.size() / 2], ms.first(), ms.last());
    }
    return 0;
}
