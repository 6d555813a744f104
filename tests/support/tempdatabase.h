#pragma once
// TempDatabase: a fresh, empty database for one test — a SQLite file in a temporary folder, or
// a new PostgreSQL database in the cluster scripts/test.sh started — removed afterwards.

#include "fliptech/storage/database.h"
#include "testenv.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace fliptech::test {

class TempDatabase final
{
public:
    // For the backend under test (FLIPTECH_TEST_BACKEND), or the one given.
    TempDatabase();
    explicit TempDatabase(storage::Backend backend);
    ~TempDatabase();
    TempDatabase(const TempDatabase &) = delete;
    TempDatabase &operator=(const TempDatabase &) = delete;

    // False when it could not be created; skipReason() says why (e.g. no PostgreSQL here).
    bool isValid() const { return m_valid; }
    QString skipReason() const { return m_reason; }
    const storage::DatabaseUrl &url() const { return m_url; }
    storage::Backend backend() const { return m_url.backend; }
    // Opens a Database on it (optionally migrated to the current schema).
    std::shared_ptr<storage::Database> open(bool migrate = true);

private:
    void createPostgres();
    storage::DatabaseUrl m_url;
    QTemporaryDir m_dir;
    QString m_pgName;
    bool m_valid = false;
    QString m_reason;
};

} // namespace fliptech::test

// Skips (or, under scripts/test.sh, fails) when the backend under test is not available.
#define FLIPTECH_REQUIRE_DATABASE(tmp)                                                                        \
    do {                                                                                                      \
        if (!(tmp).isValid()) {                                                                               \
            if (fliptech::test::postgresRequired())                                                           \
                QFAIL(qPrintable((tmp).skipReason()));                                                        \
            QSKIP(qPrintable((tmp).skipReason()));                                                            \
        }                                                                                                     \
    } while (false)
