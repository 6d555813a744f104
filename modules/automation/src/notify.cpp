#include "notify.h"

#include "storedjson.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"

namespace fliptech::automation {

core::Result<bool> wantsNotice(storage::Database &db, qint64 userId, const QString &type)
{
    auto prefs = db.select(QStringLiteral("SELECT in_app_enabled, notification_types FROM notification_preferences WHERE user_id = ?"), {userId});
    if (!prefs)
        return prefs.error();
    if (prefs->isEmpty())
        return true;
    if (!prefs->first().value(0).toBool())
        return false;
    const QJsonObject types = storedJson(prefs->first().value(1)).toObject();
    return types.value(type).toBool(true);
}

core::Result<std::optional<qint64>> notifyUser(storage::Database &db, storage::EventStore *events, const QDateTime &now, const Notice &n)
{
    auto wanted = wantsNotice(db, n.userId, n.type);
    if (!wanted)
        return wanted.error();
    if (!*wanted)
        return std::optional<qint64>();
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
                                    {{QStringLiteral("id"), id},
                                     {QStringLiteral("notification_id"), id},
                                     {QStringLiteral("type"), n.type},
                                     {QStringLiteral("title"), n.title},
                                     {QStringLiteral("message"), n.message},
                                     {QStringLiteral("severity"), n.severity},
                                     {QStringLiteral("action_url"), n.actionUrl},
                                     {QStringLiteral("metadata"), n.metadata}},
                                    n.userId);
            !e)
            return e.error();
    return std::optional<qint64>(id);
}

} // namespace fliptech::automation
