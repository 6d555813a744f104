#include "fliptech/storage/sqliterowwriter.h"

#include "fliptech/storage/database.h"

#include <sqlite3.h>

namespace fliptech::storage {

using core::ErrorCode;

SqliteRowWriter::SqliteRowWriter(Database &db) : m_db(db) {}

SqliteRowWriter::~SqliteRowWriter()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

core::Status SqliteRowWriter::prepare(const QString &table, const QStringList &columns, int fields, const QVariantList &constants)
{
    m_handle = m_db.sqliteHandle();
    if (!m_handle)
        return core::makeError(ErrorCode::Internal, QStringLiteral("SqliteRowWriter needs a SQLite database"));
    m_fields = fields;
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, columns.join(QStringLiteral(", ")), Database::placeholders(int(columns.size())))
                               .toUtf8();
    if (sqlite3_prepare_v3(m_handle, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        return error();
    for (qsizetype i = 0; i < constants.size(); ++i) {
        const QVariant &v = constants.at(i);
        const int at = fields + int(i) + 1;
        int rc = SQLITE_OK;
        if (v.isNull()) {
            rc = sqlite3_bind_null(m_stmt, at);
        } else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int) {
            rc = sqlite3_bind_int64(m_stmt, at, v.toLongLong());
        } else {
            const QByteArray text = v.toString().toUtf8();
            rc = sqlite3_bind_text(m_stmt, at, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK)
            return error();
    }
    return {};
}

core::Status SqliteRowWriter::insert(const char *text, const qint32 *spans)
{
    for (int c = 0; c < m_fields; ++c) {
        const qint32 length = spans[2 * c + 1];
        if (length < 0)
            sqlite3_bind_null(m_stmt, c + 1);
        else
            sqlite3_bind_text(m_stmt, c + 1, text + spans[2 * c], length, SQLITE_STATIC);
    }
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    if (rc != SQLITE_DONE)
        return error();
    return {};
}

core::Status SqliteRowWriter::error() const
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    if (sqlite3_extended_errcode(m_handle) == SQLITE_CONSTRAINT_UNIQUE)
        return core::makeError(ErrorCode::Conflict, QStringLiteral("a row repeats a unique key: %1").arg(message));
    return core::makeError(ErrorCode::DatabaseError, QStringLiteral("the rows were refused by the database: %1").arg(message));
}

} // namespace fliptech::storage
