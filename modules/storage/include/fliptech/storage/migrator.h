#pragma once
// Migrator: applies resources/migrations/<dialect>/NNNN_name.sql in order, each in its own
// transaction, recording them in schema_migrations. Re-running is a no-op; a database whose
// schema is newer than this binary is refused, untouched.

#include "fliptech/core/error.h"

#include <QList>
#include <QString>

namespace fliptech::storage {

class Database;

struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

class Migrator final
{
public:
    // `root` holds sqlite/ and postgres/ folders of NNNN_name.sql (the compiled-in set by default).
    explicit Migrator(Database &db, QString root = QStringLiteral(":/migrations"));

    // The migrations compiled into this binary for the database's dialect.
    QList<Migration> available() const;
    int latestVersion() const;
    // 0 for an empty database.
    core::Result<int> currentVersion();
    // Applies what is pending; returns how many were applied.
    core::Result<int> migrate();

private:
    core::Status ensureTable();
    Database &m_db;
    QString m_root;
};

} // namespace fliptech::storage
