#include "fliptech/storage/backup.h"

#include "fliptech/storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

core::Result<QJsonObject> backupDatabase(Database &db, const QString &path)
{
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::Conflict, QStringLiteral("%1 exists already: a backup never overwrites a file").arg(path));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot create the folder %1").arg(QFileInfo(path).absolutePath()));
    QString format;
    if (!db.isPostgres()) {
        if (db.url().inMemory)
            return makeError(ErrorCode::Unavailable, QStringLiteral("an in-memory database has nothing on disk to back up"));
        if (auto done = db.execute(QStringLiteral("VACUUM INTO ?"), {path}); !done)
            return makeError(ErrorCode::Unavailable, QStringLiteral("the SQLite backup to %1 failed: %2").arg(path, done.error().message));
        format = QStringLiteral("sqlite");
    } else {
        const QString pgDump = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
        if (pgDump.isEmpty())
            return makeError(ErrorCode::Unavailable, QStringLiteral("pg_dump was not found on the PATH: install the PostgreSQL client tools "
                                                                   "(postgresql-client) to back up a PostgreSQL database"));
        const DatabaseUrl &url = db.url();
        QProcess dump;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!url.password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), url.password); // never on the command line
        for (auto it = url.options.begin(); it != url.options.end(); ++it)
            if (it.key() == u"sslmode")
                env.insert(QStringLiteral("PGSSLMODE"), it.value());
        dump.setProcessEnvironment(env);
        QStringList args{QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--file=") + path,
                         QStringLiteral("--host=") + url.host, QStringLiteral("--port=") + QString::number(url.port),
                         QStringLiteral("--dbname=") + url.database};
        if (!url.user.isEmpty())
            args << QStringLiteral("--username=") + url.user;
        dump.start(pgDump, args);
        if (!dump.waitForStarted(10000))
            return makeError(ErrorCode::Unavailable, QStringLiteral("pg_dump did not start: %1").arg(dump.errorString()));
        if (!dump.waitForFinished(6 * 3600 * 1000) || dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0) {
            const QString why = QString::fromLocal8Bit(dump.readAllStandardError()).trimmed().left(2000);
            QFile::remove(path);
            return makeError(ErrorCode::Unavailable, QStringLiteral("pg_dump failed: %1").arg(why.isEmpty() ? dump.errorString() : why));
        }
        format = QStringLiteral("pg_dump custom (restore with pg_restore)");
    }
    return QJsonObject{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()}, {QStringLiteral("bytes"), QFileInfo(path).size()},
                       {QStringLiteral("format"), format}};
}

int pruneBackups(const QString &folder, const QString &prefix, int keep)
{
    QDir dir(folder);
    // Names carry the UTC time they were taken, so the name order is the age order.
    QStringList names = dir.entryList({prefix + u'*'}, QDir::Files, QDir::Name);
    int removed = 0;
    while (names.size() > qMax(keep, 1)) {
        if (dir.remove(names.takeFirst()))
            ++removed;
    }
    return removed;
}

} // namespace fliptech::storage
