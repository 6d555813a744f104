#include "fliptech/storage/databaseurl.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

namespace {
const QStringList kPgOptions = {QStringLiteral("sslmode"), QStringLiteral("connect_timeout"),
                                QStringLiteral("application_name"), QStringLiteral("sslrootcert"),
                                QStringLiteral("sslcert"), QStringLiteral("sslkey")};
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &absolutePath)
{
    DatabaseUrl u;
    u.backend = Backend::Sqlite;
    u.path = absolutePath;
    return u;
}

core::Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("sqlite::memory:")) {
        DatabaseUrl u;
        u.inMemory = true;
        return u;
    }
    if (t.startsWith(QLatin1String("sqlite://"))) {
        const QString path = QUrl::fromPercentEncoding(t.mid(int(qstrlen("sqlite://"))).toUtf8());
        if (path.isEmpty() || !QDir::isAbsolutePath(path))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("database URL '%1': the SQLite path must be absolute, "
                                            "as in sqlite:///home/me/fliptech.db")
                                 .arg(t));
        return sqliteFile(QDir::cleanPath(path));
    }
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("PostgreSQL database URL is not valid (%1): expected "
                                            "postgresql://user:password@host:port/database")
                                 .arg(url.isValid() ? QStringLiteral("no host") : QStringLiteral("malformed")));
        DatabaseUrl u;
        u.backend = Backend::Postgres;
        u.host = url.host();
        u.port = url.port(5432);
        if (u.port <= 0 || u.port > 65535)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("database URL: port out of range"));
        u.user = url.userName();
        u.password = url.password();
        u.database = url.path().mid(1);
        if (u.database.isEmpty() || u.database.contains(u'/'))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("database URL: name the database, as in postgresql://host/fliptech"));
        const QUrlQuery q(url);
        for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
            if (!kPgOptions.contains(item.first))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("database URL: unknown option '%1' (known: %2)")
                                     .arg(item.first, kPgOptions.join(QStringLiteral(", "))));
            u.options.insert(item.first, item.second);
        }
        return u;
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("database URL '%1' is not understood: use sqlite:///absolute/path.db, "
                                    "sqlite::memory: or postgresql://user:password@host:port/database")
                         .arg(t.left(80)));
}

QString DatabaseUrl::toString() const
{
    if (backend == Backend::Sqlite)
        return inMemory ? QStringLiteral("sqlite::memory:") : QStringLiteral("sqlite://") + path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(u'/' + database);
    QUrlQuery q;
    for (auto it = options.begin(); it != options.end(); ++it)
        q.addQueryItem(it.key(), it.value());
    url.setQuery(q);
    return url.toString();
}

QString DatabaseUrl::redacted() const
{
    if (backend == Backend::Sqlite)
        return inMemory ? QStringLiteral("SQLite (in memory)") : QStringLiteral("SQLite ") + path;
    return QStringLiteral("PostgreSQL %1%2:%3/%4")
        .arg(user.isEmpty() ? QString() : user + u'@', host)
        .arg(port)
        .arg(database);
}

} // namespace fliptech::storage
