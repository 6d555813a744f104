#include "notify.h"

#include "storedjson.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"

namespace fliptech::automation {

core::Result<qint64> notifyUser(storage::Database &db, storage::EventStore *events, const QDateTime &now, const Notice &n)
{
    auto row = db.selectOne(QStringLiteral("INSERT INTO notifications (user_id, type, title, message, severity, action_url, metadata, created_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?, %1, %2) RETURNING id")
                                .arg(db.jsonParam(), db.timestampParam()),
                            {n.userId, n.type, n.title, n.message, n.severity, n.actionUrl.isEmpty() ? QVariant() : QVariant(n.actionUrl),
                             jsonText(n.metadata), db.timestamp(now)});
    if (!row)
        return row.error();
    const qint64 id = row->value(0).toLongLong();
    if (events)
        if (auto e = events->append(QStringLiteral("notification"), QStringLiteral("notifications"),
                                    {{QStringLiteral("id"), id}, {QStringLiteral("type"), n.type}, {QStringLiteral("title"), n.title},
                                     {QStringLiteral("message"), n.message}, {QStringLiteral("severity"), n.severity}, {QStringLiteral("metadata"), n.metadata}},
                                    n.userId);
            !e)
            return e.error();
    return id;
}

} // namespace fliptech::automation
