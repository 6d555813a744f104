#pragma once
// The team's automation choices (table automation_settings: one JSON object per name, such as
// "webhooks" for what webhooks may reach and "n8n" for where the team's n8n is).

#include "storedjson.h"

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/storage/database.h"

#include <QDateTime>

namespace fliptech::automation {

// `defaults` with what is stored under `name` laid over them.
inline core::Result<QJsonObject> readAutomationSetting(storage::Database &db, const QString &name, QJsonObject defaults)
{
    auto rows = db.select(QStringLiteral("SELECT value FROM automation_settings WHERE name = ?"), {name});
    if (!rows)
        return rows.error();
    if (!rows->isEmpty()) {
        const QJsonObject stored = storedJson(rows->first().value(0)).toObject();
        for (auto it = stored.begin(); it != stored.end(); ++it)
            defaults.insert(it.key(), it.value());
    }
    return defaults;
}

inline core::Status writeAutomationSetting(storage::Database &db, const QString &name, const QJsonObject &value, const leads::Actor &actor, const QDateTime &now)
{
    auto done = db.execute(QStringLiteral("INSERT INTO automation_settings (name, value, updated_by, updated_at) VALUES (?, %1, ?, %2) "
                                          "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                               .arg(db.jsonParam(), db.timestampParam()),
                           {name, jsonText(value), actor.userId ? QVariant(*actor.userId) : QVariant(), db.timestamp(now)});
    if (!done)
        return done.error();
    return {};
}

} // namespace fliptech::automation
