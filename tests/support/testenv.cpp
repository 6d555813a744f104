#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>

namespace fliptech::test {

QString sharedFixturesDir()
{
    const QString dir = QStringLiteral(FLIPTECH_SHARED_DIR "/fixtures");
    return QFileInfo(dir + QStringLiteral("/MANIFEST.tsv")).exists() ? dir : QString();
}

QString sourceDir()
{
    return QStringLiteral(FLIPTECH_SOURCE_DIR);
}

QString binDir()
{
    return QStringLiteral(FLIPTECH_BIN_DIR);
}

QString fliptechBinary()
{
    return binDir() + QStringLiteral("/fliptech");
}

storage::Backend backendUnderTest()
{
    return qgetenv("FLIPTECH_TEST_BACKEND") == "postgres" ? storage::Backend::Postgres : storage::Backend::Sqlite;
}

QString postgresAdminUrl()
{
    return qEnvironmentVariable("FLIPTECH_TEST_PG_URL");
}

bool postgresRequired()
{
    return qgetenv("FLIPTECH_TEST_REQUIRE_POSTGRES") == "1";
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QString python3()
{
    const QString debian = QStringLiteral("/usr/bin/python3");
    return QFile::exists(debian) ? debian : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

} // namespace fliptech::test
