#pragma once
// A copy of the whole database in one file, taken while it is in use: SQLite's VACUUM INTO (a
// consistent snapshot, compacted, that opens as a database of its own) or pg_dump's custom
// format for PostgreSQL (restore with pg_restore). Used by scheduled backups (issue 15).

#include "fliptech/core/error.h"

#include <QJsonObject>
#include <QString>

namespace fliptech::storage {

class Database;

// Writes the backup to `path` (which must not exist): {file, bytes, format}. The PostgreSQL
// dump needs pg_dump (postgresql-client) on the PATH, of the server's major version or newer;
// the error says so when it is missing.
core::Result<QJsonObject> backupDatabase(Database &db, const QString &path);
// Keeps the `keep` newest files of `folder` whose names start with `prefix`; returns how many it removed.
int pruneBackups(const QString &folder, const QString &prefix, int keep);

} // namespace fliptech::storage
