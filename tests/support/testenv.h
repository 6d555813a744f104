#pragma once
// Where tests find things: the shared fixtures (absent in a user's clone), the source tree,
// the built binaries, and which database backend this run is for.

#include "fliptech/storage/databaseurl.h"

#include <QString>
#include <QTest>

namespace fliptech::test {

// ../shared/fixtures beside the project, or empty when it is not there.
QString sharedFixturesDir();
QString sourceDir();
QString binDir();
QString fliptechBinary();
// FLIPTECH_TEST_BACKEND (sqlite when unset).
storage::Backend backendUnderTest();
// FLIPTECH_TEST_PG_URL: an admin URL of the cluster scripts/test.sh started.
QString postgresAdminUrl();
// scripts/test.sh sets FLIPTECH_TEST_REQUIRE_POSTGRES=1: then a missing server fails, not skips.
bool postgresRequired();
// A free TCP port on 127.0.0.1.
quint16 freePort();
// Debian's python3 (where python3-aiosmtpd lives), else whichever python3 is first on PATH;
// empty when there is none.
QString python3();

} // namespace fliptech::test

// Skips a shared-fixture test cleanly where ../shared is absent (a user's clone).
#define FLIPTECH_REQUIRE_SHARED_FIXTURES()                                                                   \
    do {                                                                                                     \
        if (fliptech::test::sharedFixturesDir().isEmpty())                                                   \
            QSKIP("../shared/fixtures is not beside the project (a user's clone): skipped");                 \
    } while (false)

// A helper that returns a value cannot end the test with QVERIFY (its `return` leaves only the
// helper, and the test would carry on): it records the failure with FT_EXPECT, and the test
// function ends itself with FT_STOP_IF_FAILED() after calling it.
#define FT_EXPECT(condition, message)                                                                        \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            QTest::qFail(message, __FILE__, __LINE__);                                                       \
    } while (false)
#define FT_STOP_IF_FAILED()                                                                                  \
    do {                                                                                                     \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)
