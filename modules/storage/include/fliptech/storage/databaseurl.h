#pragma once
// DatabaseUrl: where the data lives, parsed from sqlite:///abs/path.db, sqlite::memory:
// or postgresql://user:pass@host:port/db?sslmode=...

#include "fliptech/core/error.h"

#include <QMap>
#include <QString>

namespace fliptech::storage {

enum class Backend { Sqlite, Postgres };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    QString path;          // SQLite file (absolute); empty when in memory
    bool inMemory = false; // sqlite::memory:
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QMap<QString, QString> options; // query parameters (sslmode, connect_timeout, ...)

    static core::Result<DatabaseUrl> parse(const QString &text);
    static DatabaseUrl sqliteFile(const QString &absolutePath);
    // The URL again, password masked: for logs, the status bar and error messages.
    QString redacted() const;
    QString toString() const;
};

} // namespace fliptech::storage
