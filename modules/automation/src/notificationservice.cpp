#include "fliptech/automation/notificationservice.h"

#include "notify.h"
#include "storedjson.h"

#include "fliptech/core/validation.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

namespace fliptech::automation {

using core::ErrorCode;
using core::makeError;

namespace {

struct TypeInfo {
    const char *name;
    const char *label;
};

// Everything that makes notifications, by type.
const TypeInfo kTypes[] = {
    {"reply", "A lead replied"},
    {"scrape", "A scrape finished or failed"},
    {"campaign", "A campaign completed, paused or hit a limit"},
    {"failure", "Background work failed for good (administrators)"},
    {"rule", "A rule's notify action"},
    {"webhook", "A webhook was turned off after failures"},
    {"ai_budget", "The AI budget is running out"},
};

bool knownType(const QString &type)
{
    for (const TypeInfo &t : kTypes)
        if (type == QLatin1String(t.name))
            return true;
    return false;
}

QJsonObject rowJson(const storage::Row &r)
{
    return QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                       {QStringLiteral("user_id"), r.value(1).isNull() ? QJsonValue() : QJsonValue(r.value(1).toLongLong())},
                       {QStringLiteral("type"), r.value(2).toString()},
                       {QStringLiteral("title"), r.value(3).toString()},
                       {QStringLiteral("message"), r.value(4).toString()},
                       {QStringLiteral("severity"), r.value(5).toString()},
                       {QStringLiteral("is_read"), r.value(6).toBool()},
                       {QStringLiteral("action_url"), r.value(7).isNull() ? QJsonValue() : QJsonValue(r.value(7).toString())},
                       {QStringLiteral("metadata"), storedJson(r.value(8)).toObject()},
                       {QStringLiteral("created_at"), storage::Database::timestampJson(r.value(9))}};
}

const QString kColumns = QStringLiteral("id, user_id, type, title, message, severity, is_read, action_url, metadata, created_at");
// A user's notifications: their own and those meant for everyone.
const QString kMine = QStringLiteral("(user_id = ? OR user_id IS NULL)");

} // namespace

QJsonArray NotificationService::typeCatalogue()
{
    QJsonArray out;
    for (const TypeInfo &t : kTypes)
        out.append(QJsonObject{{QStringLiteral("type"), QString::fromLatin1(t.name)}, {QStringLiteral("label"), QString::fromLatin1(t.label)}});
    return out;
}

NotificationService::NotificationService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock)
    : m_db(std::move(db)), m_events(events), m_clock(clock)
{
}

core::Result<QJsonObject> NotificationService::list(qint64 userId, const NotificationQuery &query)
{
    if (query.limit < 1 || query.limit > 200)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("limit must be from 1 to 200"));
    if (!query.type.isEmpty() && !knownType(query.type))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("type must be one of the types GET /api/v1/notifications/preferences lists"));
    QString sql = QStringLiteral("SELECT %1 FROM notifications WHERE %2").arg(kColumns, kMine);
    QVariantList params{userId};
    if (query.unreadOnly)
        sql += QStringLiteral(" AND is_read = %1").arg(m_db->boolLiteral(false));
    if (!query.type.isEmpty()) {
        sql += QStringLiteral(" AND type = ?");
        params.append(query.type);
    }
    if (query.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        params.append(query.beforeId);
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(query.limit + 1);
    auto rows = m_db->select(sql, params);
    if (!rows)
        return rows.error();
    QJsonArray items;
    for (int i = 0; i < rows->size() && i < query.limit; ++i)
        items.append(rowJson(rows->at(i)));
    auto unread = unreadCount(userId);
    if (!unread)
        return unread.error();
    const bool more = rows->size() > query.limit;
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("unread_count"), *unread},
                       {QStringLiteral("next_before"), more ? QJsonValue(items.last().toObject().value(QStringLiteral("id"))) : QJsonValue()}};
}

core::Result<qint64> NotificationService::unreadCount(qint64 userId)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE %1 AND is_read = %2").arg(kMine, m_db->boolLiteral(false)), {userId});
    if (!row)
        return row.error();
    return row->value(0).toLongLong();
}

core::Result<QJsonObject> NotificationService::markRead(qint64 userId, qint64 id, bool read)
{
    auto done = m_db->execute(QStringLiteral("UPDATE notifications SET is_read = %1 WHERE id = ? AND %2").arg(m_db->boolLiteral(read), kMine), {id, userId});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("notification %1 not found").arg(id));
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM notifications WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error();
    if (m_events)
        core::logDiscarded(m_events->append(QStringLiteral("notification_read"), QStringLiteral("notifications"),
                                            {{QStringLiteral("id"), id}, {QStringLiteral("is_read"), read}}, userId),
                           "a read notice tells other clients sooner; the row holds it");
    return rowJson(*row);
}

core::Result<qint64> NotificationService::markAllRead(qint64 userId)
{
    auto done = m_db->execute(QStringLiteral("UPDATE notifications SET is_read = %1 WHERE %2 AND is_read = %3")
                                  .arg(m_db->boolLiteral(true), kMine, m_db->boolLiteral(false)),
                              {userId});
    if (!done)
        return done.error();
    if (m_events && done->rowsAffected > 0)
        core::logDiscarded(m_events->append(QStringLiteral("notification_read"), QStringLiteral("notifications"),
                                            {{QStringLiteral("all"), true}, {QStringLiteral("count"), done->rowsAffected}}, userId),
                           "a read notice tells other clients sooner; the rows hold it");
    return qint64(done->rowsAffected);
}

core::Status NotificationService::remove(qint64 userId, qint64 id)
{
    // Only a user's own: a notice to everyone is read, not deleted, by one of them.
    auto done = m_db->execute(QStringLiteral("DELETE FROM notifications WHERE id = ? AND user_id = ?"), {id, userId});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("notification %1 not found (a notice to everyone cannot be deleted, only read)").arg(id));
    return {};
}

core::Result<QJsonObject> NotificationService::preferences(qint64 userId)
{
    auto rows = m_db->select(QStringLiteral("SELECT in_app_enabled, notification_types, updated_at FROM notification_preferences WHERE user_id = ?"), {userId});
    if (!rows)
        return rows.error();
    const bool inApp = rows->isEmpty() || rows->first().value(0).toBool();
    const QJsonObject stored = rows->isEmpty() ? QJsonObject() : storedJson(rows->first().value(1)).toObject();
    QJsonObject types;
    for (const TypeInfo &t : kTypes) {
        const QString name = QString::fromLatin1(t.name);
        types.insert(name, stored.value(name).toBool(true));
    }
    return QJsonObject{{QStringLiteral("in_app_enabled"), inApp},
                       {QStringLiteral("types"), types},
                       {QStringLiteral("catalogue"), typeCatalogue()},
                       {QStringLiteral("updated_at"), rows->isEmpty() ? QJsonValue() : storage::Database::timestampJson(rows->first().value(2))}};
}

core::Result<QJsonObject> NotificationService::setPreferences(qint64 userId, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it)
        if (it.key() != QLatin1String("in_app_enabled") && it.key() != QLatin1String("types"))
            return core::fieldError(it.key(), QStringLiteral("unknown field: preferences take in_app_enabled and types"));
    if (patch.contains(QStringLiteral("in_app_enabled")) && !patch.value(QStringLiteral("in_app_enabled")).isBool())
        return core::fieldError(QStringLiteral("in_app_enabled"), QStringLiteral("must be true or false"));
    if (patch.contains(QStringLiteral("types")) && !patch.value(QStringLiteral("types")).isObject())
        return core::fieldError(QStringLiteral("types"), QStringLiteral("must be an object of type: true|false"));
    const QJsonObject typesPatch = patch.value(QStringLiteral("types")).toObject();
    for (auto it = typesPatch.begin(); it != typesPatch.end(); ++it) {
        if (!knownType(it.key()))
            return core::fieldError(QStringLiteral("types.") + it.key(), QStringLiteral("unknown notification type"));
        if (!it.value().isBool())
            return core::fieldError(QStringLiteral("types.") + it.key(), QStringLiteral("must be true or false"));
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto current = preferences(userId);
    if (!current)
        return current.error();
    const bool inApp = patch.value(QStringLiteral("in_app_enabled")).toBool(current->value(QStringLiteral("in_app_enabled")).toBool());
    QJsonObject types = current->value(QStringLiteral("types")).toObject();
    for (auto it = typesPatch.begin(); it != typesPatch.end(); ++it)
        types.insert(it.key(), it.value());
    const QVariant now = m_db->timestamp(m_clock.now());
    auto done = m_db->execute(QStringLiteral("UPDATE notification_preferences SET in_app_enabled = %1, notification_types = %2, updated_at = %3 WHERE user_id = ?")
                                  .arg(m_db->boolLiteral(inApp), m_db->jsonParam(), m_db->timestampParam()),
                              {jsonText(types), now, userId});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        if (auto ins = m_db->execute(QStringLiteral("INSERT INTO notification_preferences (user_id, in_app_enabled, notification_types, updated_at) VALUES (?, %1, %2, %3)")
                                         .arg(m_db->boolLiteral(inApp), m_db->jsonParam(), m_db->timestampParam()),
                                     {userId, jsonText(types), now});
            !ins)
            return ins.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return preferences(userId);
}

core::Result<std::optional<qint64>> NotificationService::notify(const Notice &notice)
{
    return notifyUser(*m_db, m_events, m_clock.now(), notice);
}

core::Result<int> NotificationService::notifyAdministrators(Notice notice)
{
    auto admins = m_db->select(QStringLiteral("SELECT id FROM users WHERE role = 'admin' AND is_active = %1 ORDER BY id").arg(m_db->boolLiteral(true)));
    if (!admins)
        return admins.error();
    int made = 0;
    for (const storage::Row &r : *admins) {
        notice.userId = r.value(0).toLongLong();
        auto id = notify(notice);
        if (!id)
            return id.error();
        made += id->has_value() ? 1 : 0;
    }
    return made;
}

} // namespace fliptech::automation
