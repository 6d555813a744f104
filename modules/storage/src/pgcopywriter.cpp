#include "fliptech/storage/pgcopywriter.h"

#include "fliptech/storage/database.h"

#include <libpq-fe.h>

namespace fliptech::storage {

using core::ErrorCode;

PgCopyWriter::PgCopyWriter(Database &db) : m_db(db) {}

PgCopyWriter::~PgCopyWriter() { abort(); }

core::Status PgCopyWriter::start(const QString &table, const QStringList &columns)
{
    PGconn *conn = m_db.pgHandle();
    if (!conn)
        return core::makeError(ErrorCode::Internal, QStringLiteral("PgCopyWriter needs a PostgreSQL database"));
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(QStringLiteral(", "))).toUtf8();
    PGresult *res = PQexec(conn, sql.constData());
    const bool ok = PQresultStatus(res) == PGRES_COPY_IN;
    const QString err = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
    PQclear(res);
    if (!ok)
        return core::makeError(ErrorCode::DatabaseError, QStringLiteral("cannot start COPY: ") + err);
    m_open = true;
    return {};
}

core::Status PgCopyWriter::send(const QByteArray &rows)
{
    PGconn *conn = m_db.pgHandle();
    if (!m_open)
        return core::makeError(ErrorCode::Internal, QStringLiteral("COPY is not open"));
    if (!rows.isEmpty() && PQputCopyData(conn, rows.constData(), int(rows.size())) != 1)
        return core::makeError(ErrorCode::DatabaseError, QStringLiteral("COPY failed: ") + QString::fromUtf8(PQerrorMessage(conn)).trimmed());
    return {};
}

core::Status PgCopyWriter::end()
{
    if (!m_open)
        return {};
    PGconn *conn = m_db.pgHandle();
    m_open = false;
    if (PQputCopyEnd(conn, nullptr) != 1)
        return core::makeError(ErrorCode::DatabaseError, QStringLiteral("COPY failed: ") + QString::fromUtf8(PQerrorMessage(conn)).trimmed());
    core::Status status;
    while (PGresult *res = PQgetResult(conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            status = core::makeError(ErrorCode::DatabaseError, QStringLiteral("the rows were refused by the database: ") +
                                                                   QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
        PQclear(res);
    }
    return status;
}

void PgCopyWriter::abort(const char *reason)
{
    if (!m_open)
        return;
    PGconn *conn = m_db.pgHandle();
    m_open = false;
    PQputCopyEnd(conn, reason);
    while (PGresult *res = PQgetResult(conn))
        PQclear(res);
}

QString PgCopyWriter::escape(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default: out += c;
        }
    }
    return out;
}

} // namespace fliptech::storage
