#pragma once
// Actor: who is doing something to a lead (for permissions and the activity log).

#include "fliptech/auth/authservice.h"

#include <QString>

#include <optional>

namespace fliptech::leads {

struct Actor {
    std::optional<qint64> userId; // nullopt: the system (imports by a job, scrapers)
    bool isAdmin = false;
    QString ip;
    QString userAgent;
    bool readOnly = false; // a viewer: sees, decides nothing

    static Actor of(const auth::Principal &p, const auth::ClientInfo &client = {})
    {
        return Actor{p.userId ? std::optional<qint64>(p.userId) : std::nullopt, p.role == auth::Role::Admin, client.ip, client.userAgent,
                     p.role == auth::Role::Viewer};
    }
    static Actor system() { return Actor{std::nullopt, true, {}, {}}; }
};

} // namespace fliptech::leads
