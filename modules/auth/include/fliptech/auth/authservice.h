#pragma once
// AuthService: accounts, sessions and API keys, shared by the HTTP API and the desktop.
// Access tokens are short JWTs (30 min); refresh tokens are JWTs bound to a `sessions` row and
// rotated on every refresh; presenting a refresh token a second time revokes its whole family
// (someone else has it). API keys ("ftp_...") are stored as SHA-256 with a visible prefix.
// Failed logins per account and per IP are counted: 5 in 15 minutes locks for 15 minutes.

#include "fliptech/auth/jwt.h"
#include "fliptech/auth/passwordhasher.h"
#include "fliptech/auth/passwordpolicy.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>

#include <atomic>
#include <memory>
#include <functional>
#include <optional>

namespace fliptech::storage {
class Database;
class SecretStore;
} // namespace fliptech::storage

namespace fliptech::auth {

enum class Role { Viewer = 0, User = 1, Admin = 2 };
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

struct User {
    qint64 id = 0;
    QString email;
    QString name;
    Role role = Role::User;
    QString timezone;
    QString avatarUrl;
    bool mustChangePassword = false; // a temporary password: only a password change is allowed
    bool active = true;
    QDateTime lastLoginAt;
    QDateTime createdAt;
    QJsonObject toJson() const;
};

// Who is making a request, once authenticated.
struct Principal {
    qint64 userId = 0;
    Role role = Role::Viewer;
    QString email;
    qint64 sessionId = 0; // JWT sessions
    qint64 apiKeyId = 0;  // API keys
    QStringList scopes;   // API keys: what the key may do within its owner's role (sessions: everything)
    User user;            // the account as read when the credential was checked
    bool atLeast(Role r) const { return int(role) >= int(r); }
};

struct ClientInfo {
    QString ip;
    QString userAgent;
};

struct TokenPair {
    QString accessToken;
    QString refreshToken;
    qint64 expiresIn = 0; // seconds
    User user;
    QJsonObject toJson() const;
};

struct ApiKey {
    qint64 id = 0;
    QString name;
    QString prefix;
    QStringList scopes;
    QDateTime lastUsedAt;
    QDateTime expiresAt;
    QDateTime createdAt;
    QString plaintext; // only in the answer to create(), never stored
    QJsonObject toJson() const;
};

struct AuthSettings {
    int accessTokenMinutes = 30; // JWT_ACCESS_TOKEN_EXPIRE_MINUTES
    int refreshTokenDays = 7;    // JWT_REFRESH_TOKEN_EXPIRE_DAYS
    int lockoutAttempts = 5;
    int lockoutWindowMinutes = 15;
    int resetTokenMinutes = 60;
    Argon2Params argon2;
};

class AuthService final
{
public:
    AuthService(std::shared_ptr<storage::Database> db, storage::SecretStore &secrets, const core::Clock &clock,
                AuthSettings settings = {});
    ~AuthService();

    // Loads (or creates, on first start) the signing key from the SecretStore.
    core::Status init();
    const AuthSettings &settings() const { return m_settings; }

    core::Result<bool> hasUsers();
    // The first account of a fresh install; it becomes admin. Refused once any user exists.
    core::Result<User> createFirstAdmin(const QString &email, const QString &password, const QString &name);

    core::Result<TokenPair> login(const QString &email, const QString &password, const ClientInfo &client);
    core::Result<TokenPair> refresh(const QString &refreshToken, const ClientInfo &client);
    core::Status logout(const Principal &who, const ClientInfo &client);

    // "Bearer <jwt>" access tokens and "ftp_..." API keys, checked against the database so a
    // deactivated user or a revoked key is refused at once. A session found valid is trusted
    // for one second unless this service changes anything first: changes made by another
    // process sharing the database (a desktop on the team's PostgreSQL) take up to a second.
    core::Result<Principal> authenticate(const QString &credential);

    core::Result<User> user(qint64 id);
    // Fields: name, timezone, avatar_url, and password (with current_password).
    core::Result<User> updateProfile(const Principal &who, const QJsonObject &changes, const ClientInfo &client);

    // Always succeeds the same way (no account enumeration). At most one live link per
    // account; the link goes only to the account's own address through the reset-link sink
    // (the mail module, when a sender is configured) — never to the log or to other people.
    // `tokenOut` receives the token for tests.
    core::Status forgotPassword(const QString &email, const ClientInfo &client, QString *tokenOut = nullptr);
    // Ends every session of the account; `revokeApiKeys` also revokes its API keys.
    core::Status resetPassword(const QString &token, const QString &newPassword, const ClientInfo &client, bool revokeApiKeys = false);
    // Where reset links are delivered (e-mail address, link); unset: nowhere (an admin sets a
    // temporary password instead).
    void setResetLinkSink(std::function<void(const QString &email, const QString &link)> sink) { m_resetLinkSink = std::move(sink); }
    // Admin: a password the user must replace at the next sign-in (without mail for reset
    // links). Ends the user's sessions; `revokeApiKeys` also revokes their keys.
    core::Status setTemporaryPassword(const Principal &who, qint64 userId, const QString &password, bool revokeApiKeys,
                                      const ClientInfo &client);

    core::Result<QList<ApiKey>> apiKeys(const Principal &who);
    // Moves on every change made through this service (sign-outs, revocations, roles...):
    // holders of long-lived connections re-check their credentials when it moves.
    quint64 generation() const { return m_generation.load(); }
    // read, write, admin, metrics, or <area>:read / <area>:write (an API area: leads, tags, ...).
    static bool isKnownScope(const QString &scope);
    core::Result<ApiKey> createApiKey(const Principal &who, const QString &name, const QStringList &scopes,
                                      const QDateTime &expiresAt, const ClientInfo &client);
    core::Status revokeApiKey(const Principal &who, qint64 keyId, const ClientInfo &client);

    // Administration (admin only).
    core::Result<QList<User>> users(const Principal &who);
    core::Result<User> createUser(const Principal &who, const QString &email, const QString &password, const QString &name,
                                  Role role, const ClientInfo &client);
    // Fields: name, role, is_active (deactivating revokes every session at once).
    core::Result<User> updateUser(const Principal &who, qint64 id, const QJsonObject &changes, const ClientInfo &client);
    core::Status deleteUser(const Principal &who, qint64 id, const ClientInfo &client);

    // Seconds until a locked account/IP may try again, 0 when not locked.
    core::Result<qint64> lockoutRemaining(const QString &email, const QString &ip);

private:
    static QStringList scopesOf(const QVariant &permissions);
    core::Status revokeApiKeysOf(qint64 userId);
    core::Status replacePassword(qint64 userId, const QString &hash, bool mustChange, bool revokeApiKeys);
    std::function<void(const QString &, const QString &)> m_resetLinkSink;
    core::Result<TokenPair> issue(const User &user, const QString &family, const ClientInfo &client);
    core::Result<User> insertUser(const QString &email, const QString &password, const QString &name, Role role);
    core::Status revokeSessions(qint64 userId);
    void logActivity(std::optional<qint64> userId, const QString &action, const QString &entityType,
                     std::optional<qint64> entityId, const QJsonObject &details, const ClientInfo &client);
    core::Status requireAdmin(const Principal &who) const;
    core::Result<qint64> adminCount();

    std::shared_ptr<storage::Database> m_db;
    storage::SecretStore &m_secrets;
    const core::Clock &m_clock;
    AuthSettings m_settings;
    PasswordHasher m_hasher;
    PasswordPolicy m_policy;
    std::unique_ptr<JwtCodec> m_jwt;

    // Sessions found valid, by id, for a second (see kSessionCacheMs): the lookup was most of a
    // request's database time. m_generation moves on every change made through this service.
    struct SessionCheck {
        User user;
        qint64 checkedMs = 0;
        quint64 generation = 0;
    };
    QMutex m_cacheMutex;
    QHash<qint64, SessionCheck> m_sessionCache;
    std::atomic<quint64> m_generation{1};
};

} // namespace fliptech::auth
