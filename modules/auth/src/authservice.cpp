#include "fliptech/auth/authservice.h"

#include "fliptech/core/json.h"
#include "fliptech/core/validation.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <openssl/rand.h>

Q_LOGGING_CATEGORY(lcAuth, "fliptech.auth")

namespace fliptech::auth {

using core::ErrorCode;
using core::makeError;
using storage::Row;

namespace {

const QString kSigningKey = QStringLiteral("jwt-signing-key");
const QString kUserColumns =
    QStringLiteral("id, email, name, role, timezone, avatar_url, is_active, last_login_at, created_at, must_change_password");
const QString kUserColumnsOfU = // the same, of "users u" in a join
    QStringLiteral("u.id, u.email, u.name, u.role, u.timezone, u.avatar_url, u.is_active, u.last_login_at, u.created_at, u.must_change_password");

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), n);
    return b;
}

QString randomToken(int bytes = 32)
{
    return QString::fromLatin1(JwtCodec::base64Url(randomBytes(bytes)));
}

QString sha256Hex(const QString &s)
{
    return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QVariant ipParam(const QString &ip)
{
    QHostAddress a;
    return a.setAddress(ip) ? QVariant(a.toString()) : QVariant();
}

// Checked sessions are remembered for a second; any change made through this service (sign-out,
// revocation, deactivation, role, profile, password) forgets them all as it returns, after its
// writes, so a session check that started before the change cannot store a stale answer.
constexpr qint64 kSessionCacheMs = 1000;
constexpr int kSessionCacheMax = 10000;
struct SessionCacheInvalidation {
    std::atomic<quint64> &generation;
    ~SessionCacheInvalidation() { ++generation; }
};

// The user in kUserColumns, starting at column `at`.
User userFromRow(const Row &r, int at = 0)
{
    User u;
    u.id = r.value(at).toLongLong();
    u.email = r.value(at + 1).toString();
    u.name = r.value(at + 2).toString();
    u.role = roleFromName(r.value(at + 3).toString()).value_or(Role::Viewer);
    u.timezone = r.value(at + 4).toString();
    u.avatarUrl = r.value(at + 5).toString();
    u.active = r.value(at + 6).toBool();
    u.lastLoginAt = storage::Database::toDateTime(r.value(at + 7));
    u.createdAt = storage::Database::toDateTime(r.value(at + 8));
    u.mustChangePassword = r.value(at + 9).toBool();
    return u;
}

Principal principalOf(const User &user)
{
    Principal p;
    p.userId = user.id;
    p.role = user.role;
    p.email = user.email;
    p.user = user;
    return p;
}

core::Error invalid(const QString &field, const QString &why)
{
    return makeError(ErrorCode::ValidationFailed, QStringLiteral("%1: %2").arg(field, why), {{field, why}});
}

core::Error wrongCredentials()
{
    return makeError(ErrorCode::Unauthorized, QStringLiteral("the email or the password is wrong"));
}

// Only the listed fields, each of the given JSON type.
core::Status checkFields(const QJsonObject &changes, const QHash<QString, QJsonValue::Type> &allowed)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const auto type = allowed.constFind(it.key());
        if (type == allowed.constEnd())
            return invalid(it.key(), QStringLiteral("unknown field"));
        if (it.value().type() != *type && !(it.value().isNull() && *type == QJsonValue::String))
            return invalid(it.key(), *type == QJsonValue::Bool ? QStringLiteral("must be true or false")
                                                              : QStringLiteral("must be a string"));
    }
    return {};
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin: return QStringLiteral("admin");
    case Role::User: return QStringLiteral("user");
    case Role::Viewer: return QStringLiteral("viewer");
    }
    return QStringLiteral("viewer");
}

std::optional<Role> roleFromName(const QString &name)
{
    if (name == QLatin1String("admin"))
        return Role::Admin;
    if (name == QLatin1String("user"))
        return Role::User;
    if (name == QLatin1String("viewer"))
        return Role::Viewer;
    return std::nullopt;
}

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("email"), email},
            {QStringLiteral("name"), name},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("timezone"), timezone},
            {QStringLiteral("avatar_url"), avatarUrl.isEmpty() ? QJsonValue() : QJsonValue(avatarUrl)},
            {QStringLiteral("is_active"), active},
            {QStringLiteral("last_login_at"), lastLoginAt.isValid() ? QJsonValue(storage::Database::isoTimestamp(lastLoginAt)) : QJsonValue()},
            {QStringLiteral("created_at"), storage::Database::isoTimestamp(createdAt)},
            {QStringLiteral("must_change_password"), mustChangePassword}};
}

QJsonObject TokenPair::toJson() const
{
    return {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_in"), expiresIn},
            {QStringLiteral("user"), user.toJson()}};
}

QJsonObject ApiKey::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("prefix"), prefix},
                  {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                  {QStringLiteral("last_used_at"), lastUsedAt.isValid() ? QJsonValue(storage::Database::isoTimestamp(lastUsedAt)) : QJsonValue()},
                  {QStringLiteral("expires_at"), expiresAt.isValid() ? QJsonValue(storage::Database::isoTimestamp(expiresAt)) : QJsonValue()},
                  {QStringLiteral("created_at"), storage::Database::isoTimestamp(createdAt)}};
    if (!plaintext.isEmpty())
        o.insert(QStringLiteral("key"), plaintext);
    return o;
}

AuthService::AuthService(std::shared_ptr<storage::Database> db, storage::SecretStore &secrets, const core::Clock &clock,
                         AuthSettings settings)
    : m_db(std::move(db)), m_secrets(secrets), m_clock(clock), m_settings(settings), m_hasher(settings.argon2)
{
}

AuthService::~AuthService() = default;

core::Status AuthService::init()
{
    auto key = m_secrets.readOrCreate(kSigningKey, [] { return randomBytes(64); });
    if (!key)
        return key.error();
    if (key->size() < 32)
        return makeError(ErrorCode::Internal, QStringLiteral("the stored JWT signing key is too short"));
    m_jwt = std::make_unique<JwtCodec>(QHash<QString, QByteArray>{{QStringLiteral("k1"), *key}}, QStringLiteral("k1"), m_clock);
    return {};
}

core::Result<bool> AuthService::hasUsers()
{
    auto r = m_db->selectOne(QStringLiteral("SELECT count(*) FROM users"));
    if (!r)
        return r.error();
    return r->value(0).toLongLong() > 0;
}

core::Result<User> AuthService::user(qint64 id)
{
    auto r = m_db->selectOne(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {id});
    if (!r)
        return r.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("no user %1").arg(id)) : r.error();
    return userFromRow(*r);
}

core::Result<User> AuthService::insertUser(const QString &emailIn, const QString &password, const QString &name, Role role)
{
    const QString email = emailIn.trimmed();
    if (!core::isEmailAddress(email))
        return invalid(QStringLiteral("email"), QStringLiteral("not a valid address"));
    if (auto st = m_policy.check(password, email); !st)
        return st.error();
    if (name.size() > 200)
        return invalid(QStringLiteral("name"), QStringLiteral("at most 200 characters"));
    auto hash = m_hasher.hash(password);
    if (!hash)
        return hash.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO users (email, password_hash, name, role, created_at, updated_at) "
                                              "VALUES (?, ?, ?, ?, ?, ?) RETURNING %1").arg(kUserColumns),
                               {email, *hash, name.isEmpty() ? QVariant() : QVariant(name), roleName(role), now, now});
    if (!row)
        return row.error().code == ErrorCode::Conflict
            ? makeError(ErrorCode::Conflict, QStringLiteral("an account with this email already exists"),
                        {{QStringLiteral("email"), QStringLiteral("already registered")}})
            : row.error();
    return userFromRow(*row);
}

core::Result<User> AuthService::createFirstAdmin(const QString &email, const QString &password, const QString &name)
{
    storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    auto any = hasUsers();
    if (!any)
        return any.error();
    if (*any)
        return makeError(ErrorCode::Forbidden, QStringLiteral("an administrator already exists; ask them for an account"));
    auto u = insertUser(email, password, name, Role::Admin);
    if (!u)
        return u;
    if (auto st = tx.commit(); !st)
        return st.error();
    logActivity(u->id, QStringLiteral("user_created"), QStringLiteral("user"), u->id,
                {{QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("first_admin"), true}}, {});
    return u;
}

core::Result<qint64> AuthService::lockoutRemaining(const QString &emailIn, const QString &ip)
{
    const QDateTime now = m_clock.now();
    const QDateTime windowStart = now.addSecs(-60LL * m_settings.lockoutWindowMinutes);
    const QString email = emailIn.trimmed().toLower();
    qint64 remaining = 0;
    auto check = [&](const QString &where, const QVariant &key, bool sinceSuccess) -> core::Status {
        // Failures in the window (for an account: after its last successful login).
        QString sql = QStringLiteral("SELECT count(*), MAX(created_at) FROM login_attempts WHERE %1 AND succeeded = %2 "
                                     "AND created_at > ?").arg(where, m_db->boolLiteral(false));
        QVariantList params{key, m_db->timestamp(windowStart)};
        if (sinceSuccess) {
            sql += QStringLiteral(" AND created_at > COALESCE((SELECT MAX(created_at) FROM login_attempts "
                                  "WHERE %1 AND succeeded = %2), %3)").arg(where, m_db->boolLiteral(true), m_db->timestampParam());
            params << key << m_db->timestamp(windowStart);
        }
        auto r = m_db->selectOne(sql, params);
        if (!r)
            return r.error();
        if (r->value(0).toLongLong() >= m_settings.lockoutAttempts) {
            const QDateTime last = storage::Database::toDateTime(r->value(1));
            remaining = std::max(remaining, now.secsTo(last.addSecs(60LL * m_settings.lockoutWindowMinutes)));
        }
        return {};
    };
    if (!email.isEmpty())
        if (auto st = check(QStringLiteral("email = ?"), email, true); !st)
            return st.error();
    if (const QVariant ipv = ipParam(ip); !ipv.isNull())
        if (auto st = check(QStringLiteral("ip_address = %1").arg(m_db->inetParam()), ipv, false); !st)
            return st.error();
    return std::max<qint64>(0, remaining);
}

core::Result<TokenPair> AuthService::login(const QString &emailIn, const QString &password, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    const QString email = emailIn.trimmed().toLower();
    auto locked = lockoutRemaining(email, client.ip);
    if (!locked)
        return locked.error();
    if (*locked > 0)
        return makeError(ErrorCode::RateLimited,
                         QStringLiteral("too many failed sign-ins; try again in %1 minutes").arg((*locked + 59) / 60),
                         {{QStringLiteral("retry_after"), *locked}});
    auto row = m_db->select(QStringLiteral("SELECT %1, password_hash FROM users WHERE lower(email) = ?").arg(kUserColumns), {email});
    if (!row)
        return row.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    // The lock-out counts these rows: a sign-in whose attempt cannot be recorded is refused
    // (fails closed), or a flood of guesses during a database hiccup would go uncounted.
    auto recordAttempt = [&](bool ok) -> core::Status {
        auto r = m_db->execute(QStringLiteral("INSERT INTO login_attempts (email, ip_address, succeeded, created_at) VALUES (?, ?, ?, ?)"),
                               {email, ipParam(client.ip), ok, now});
        return r ? core::Status() : core::Status(r.error());
    };
    PasswordHasher::Verdict verdict = PasswordHasher::Verdict::Invalid;
    User u;
    if (row->isEmpty()) {
        // Same work as a real check, so timing does not tell which emails have accounts.
        static const QString dummy = *PasswordHasher(m_settings.argon2).hash(QStringLiteral("not a real password at all"));
        (void)m_hasher.verify(password, dummy);
    } else {
        u = userFromRow(row->first());
        verdict = m_hasher.verify(password, row->first().value(QStringLiteral("password_hash")).toString());
    }
    if (verdict == PasswordHasher::Verdict::Invalid || !u.active) {
        if (auto st = recordAttempt(false); !st)
            return makeError(ErrorCode::Unavailable, QStringLiteral("sign-in is unavailable for a moment; try again"));
        logActivity(u.id ? std::optional<qint64>(u.id) : std::nullopt, QStringLiteral("login_failed"), QStringLiteral("user"),
                    u.id ? std::optional<qint64>(u.id) : std::nullopt, {{QStringLiteral("email"), email}}, client);
        return wrongCredentials();
    }
    if (verdict == PasswordHasher::Verdict::ValidNeedsRehash) {
        if (auto h = m_hasher.hash(password))
            core::logDiscarded(m_db->execute(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"), {*h, now, u.id}),
                               "a password hash upgrade; it is done again at the next sign-in");
    }
    if (auto st = recordAttempt(true); !st)
        return makeError(ErrorCode::Unavailable, QStringLiteral("sign-in is unavailable for a moment; try again"));
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"), {now, u.id}),
                       "the last sign-in time shown to admins; nothing else depends on it");
    u.lastLoginAt = m_clock.now();
    logActivity(u.id, QStringLiteral("login"), QStringLiteral("user"), u.id, {}, client);
    return issue(u, randomToken(16), client);
}

core::Result<TokenPair> AuthService::issue(const User &u, const QString &family, const ClientInfo &client)
{
    const QDateTime now = m_clock.now();
    const QDateTime refreshExp = now.addDays(m_settings.refreshTokenDays);
    const QString refreshJti = randomToken(24);
    auto session = m_db->selectOne(QStringLiteral("INSERT INTO sessions (user_id, token, family_id, expires_at, user_agent, "
                                                  "ip_address, created_at) VALUES (?, ?, ?, ?, ?, %1, ?) RETURNING id")
                                       .arg(m_db->inetParam()),
                                   {u.id, sha256Hex(refreshJti), family, m_db->timestamp(refreshExp), client.userAgent.left(500),
                                    ipParam(client.ip), m_db->timestamp(now)});
    if (!session)
        return session.error();
    const qint64 sid = session->value(0).toLongLong();
    const qint64 accessSecs = 60LL * m_settings.accessTokenMinutes;
    TokenPair pair;
    pair.user = u;
    pair.expiresIn = accessSecs;
    pair.accessToken = m_jwt->sign({{QStringLiteral("sub"), QString::number(u.id)},
                                    {QStringLiteral("sid"), sid},
                                    {QStringLiteral("typ"), QStringLiteral("access")},
                                    {QStringLiteral("jti"), randomToken(12)},
                                    {QStringLiteral("exp"), now.toSecsSinceEpoch() + accessSecs}});
    pair.refreshToken = m_jwt->sign({{QStringLiteral("sub"), QString::number(u.id)},
                                     {QStringLiteral("sid"), sid},
                                     {QStringLiteral("typ"), QStringLiteral("refresh")},
                                     {QStringLiteral("jti"), refreshJti},
                                     {QStringLiteral("exp"), refreshExp.toSecsSinceEpoch()}});
    return pair;
}

core::Result<TokenPair> AuthService::refresh(const QString &refreshToken, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    auto claims = m_jwt->verify(refreshToken);
    if (!claims)
        return claims.error();
    if (claims->value(QStringLiteral("typ")).toString() != QLatin1String("refresh"))
        return makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: not a refresh token"));
    const QString hash = sha256Hex(claims->value(QStringLiteral("jti")).toString());
    storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    auto row = m_db->selectOne(QStringLiteral("SELECT s.id, s.family_id, s.revoked_at, s.rotated_at, u.id FROM sessions s "
                                              "JOIN users u ON u.id = s.user_id WHERE s.token = ?"), {hash});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: unknown session"))
                                                       : row.error();
    const QString family = row->value(1).toString();
    const qint64 userId = row->value(4).toLongLong();
    const QVariant now = m_db->timestamp(m_clock.now());
    if (!row->value(3).isNull()) {
        // Used before: someone else holds a copy. Sign out the whole family; if that cannot be
        // written the refresh is refused all the same, and the error says so.
        if (auto r = m_db->execute(QStringLiteral("UPDATE sessions SET revoked_at = COALESCE(revoked_at, %1) WHERE family_id = ?")
                                       .arg(m_db->timestampParam()),
                                   {now, family});
            !r)
            return r.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        logActivity(userId, QStringLiteral("refresh_reuse_detected"), QStringLiteral("session"), row->value(0).toLongLong(),
                    {{QStringLiteral("family"), family}}, client);
        qCWarning(lcAuth) << "refresh token reuse for user" << userId << "- every session of that sign-in revoked";
        return makeError(ErrorCode::Unauthorized,
                         QStringLiteral("this refresh token was already used; for safety the sign-in was ended everywhere"));
    }
    if (!row->value(2).isNull())
        return makeError(ErrorCode::Unauthorized, QStringLiteral("the session was signed out"));
    auto u = user(userId);
    if (!u)
        return u.error();
    if (!u->active)
        return makeError(ErrorCode::Unauthorized, QStringLiteral("the account is deactivated"));
    if (auto r = m_db->execute(QStringLiteral("UPDATE sessions SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL"),
                               {now, row->value(0)});
        !r || r->rowsAffected != 1)
        return r ? makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: already rotated")) : r.error();
    auto pair = issue(*u, family, client);
    if (!pair)
        return pair;
    if (auto st = tx.commit(); !st)
        return st.error();
    return pair;
}

core::Status AuthService::logout(const Principal &who, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    if (who.sessionId) {
        auto r = m_db->execute(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND family_id = "
                                              "(SELECT family_id FROM sessions WHERE id = ?)"),
                               {m_db->timestamp(m_clock.now()), who.sessionId});
        if (!r)
            return r.error();
    }
    logActivity(who.userId, QStringLiteral("logout"), QStringLiteral("user"), who.userId, {}, client);
    return {};
}

bool AuthService::isKnownScope(const QString &scope)
{
    static const QRegularExpression area(QStringLiteral("^[a-z][a-z-]{0,30}:(read|write)$"));
    return scope == QLatin1String("read") || scope == QLatin1String("write") || scope == QLatin1String("admin") ||
           scope == QLatin1String("metrics") || area.match(scope).hasMatch();
}

QStringList AuthService::scopesOf(const QVariant &permissions)
{
    QStringList out;
    for (const QJsonValue &s : QJsonDocument::fromJson(permissions.toString().toUtf8()).object().value(QStringLiteral("scopes")).toArray())
        out << s.toString();
    if (out.isEmpty())
        out << QStringLiteral("read"); // keys from before scopes were enforced: least privilege
    return out;
}

core::Result<Principal> AuthService::authenticate(const QString &credential)
{
    const QDateTime now = m_clock.now();
    if (credential.startsWith(QLatin1String("ftp_"))) {
        auto row = m_db->selectOne(QStringLiteral("SELECT k.id, k.expires_at, k.revoked_at, k.last_used_at, %1, k.permissions "
                                                  "FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?").arg(kUserColumnsOfU),
                                   {sha256Hex(credential)});
        if (!row)
            return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::Unauthorized, QStringLiteral("unknown API key"))
                                                           : row.error();
        if (!row->value(2).isNull())
            return makeError(ErrorCode::Unauthorized, QStringLiteral("the API key was revoked"));
        const QDateTime expires = storage::Database::toDateTime(row->value(1));
        if (expires.isValid() && expires <= now)
            return makeError(ErrorCode::Unauthorized, QStringLiteral("the API key has expired"));
        const User user = userFromRow(*row, 4);
        if (!user.active)
            return makeError(ErrorCode::Unauthorized, QStringLiteral("the account is deactivated"));
        // last_used_at at minute precision: not a write on every request.
        const QDateTime lastUsed = storage::Database::toDateTime(row->value(3));
        if (!lastUsed.isValid() || lastUsed.secsTo(now) >= 60)
            core::logDiscarded(m_db->execute(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"), {m_db->timestamp(now), row->value(0)}),
                               "a key's last use, a statistic: the next use writes it");
        Principal p = principalOf(user);
        p.apiKeyId = row->value(0).toLongLong();
        p.scopes = scopesOf(row->value(14));
        return p;
    }
    if (!m_jwt)
        return makeError(ErrorCode::Internal, QStringLiteral("AuthService::init() was not called"));
    auto claims = m_jwt->verify(credential);
    if (!claims)
        return claims.error();
    if (claims->value(QStringLiteral("typ")).toString() != QLatin1String("access"))
        return makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: not an access token"));
    const qint64 sid = qint64(claims->value(QStringLiteral("sid")).toDouble());
    const quint64 generation = m_generation.load();
    const qint64 nowMs = m_clock.monotonicMs();
    std::optional<User> cached;
    {
        QMutexLocker lock(&m_cacheMutex);
        const auto it = m_sessionCache.constFind(sid);
        if (it != m_sessionCache.constEnd() && it->generation == generation && nowMs - it->checkedMs < kSessionCacheMs)
            cached = it->user;
    }
    if (!cached) {
        auto row = m_db->selectOne(QStringLiteral("SELECT s.revoked_at, %1 FROM sessions s "
                                                  "JOIN users u ON u.id = s.user_id WHERE s.id = ?").arg(kUserColumnsOfU), {sid});
        if (!row)
            return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: unknown session"))
                                                           : row.error();
        if (!row->value(0).isNull())
            return makeError(ErrorCode::Unauthorized, QStringLiteral("the session was signed out"));
        const User fresh = userFromRow(*row, 1);
        if (!fresh.active)
            return makeError(ErrorCode::Unauthorized, QStringLiteral("the account is deactivated"));
        QMutexLocker lock(&m_cacheMutex);
        if (m_sessionCache.size() >= kSessionCacheMax)
            m_sessionCache.clear();
        m_sessionCache.insert(sid, SessionCheck{fresh, nowMs, generation});
        cached = fresh;
    }
    const User &user = *cached;
    if (QString::number(user.id) != claims->value(QStringLiteral("sub")).toString())
        return makeError(ErrorCode::Unauthorized, QStringLiteral("invalid token: subject mismatch"));
    Principal p = principalOf(user);
    p.sessionId = sid;
    return p;
}

core::Result<User> AuthService::updateProfile(const Principal &who, const QJsonObject &changes, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    if (auto st = checkFields(changes, {{QStringLiteral("name"), QJsonValue::String},
                                        {QStringLiteral("timezone"), QJsonValue::String},
                                        {QStringLiteral("avatar_url"), QJsonValue::String},
                                        {QStringLiteral("password"), QJsonValue::String},
                                        {QStringLiteral("current_password"), QJsonValue::String},
                                        {QStringLiteral("revoke_api_keys"), QJsonValue::Bool}});
        !st)
        return st.error();
    auto current = user(who.userId);
    if (!current)
        return current;
    const QVariant now = m_db->timestamp(m_clock.now());
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (changes.contains(QStringLiteral("timezone"))) {
        const QString tz = changes.value(QStringLiteral("timezone")).toString();
        if (!QTimeZone(tz.toUtf8()).isValid())
            return invalid(QStringLiteral("timezone"), QStringLiteral("not an IANA time zone such as Europe/Berlin"));
    }
    for (const QString &field : {QStringLiteral("name"), QStringLiteral("timezone"), QStringLiteral("avatar_url")}) {
        if (!changes.contains(field))
            continue;
        const QString v = changes.value(field).toString();
        if (v.size() > 500)
            return invalid(field, QStringLiteral("at most 500 characters"));
        // `field` comes from the fixed list above, never from the request.
        if (auto r = m_db->execute(QStringLiteral("UPDATE users SET %1 = ?, updated_at = ? WHERE id = ?").arg(field),
                                   {v.isEmpty() && field != QLatin1String("timezone") ? QVariant() : QVariant(v), now, who.userId});
            !r)
            return r.error();
    }
    if (changes.contains(QStringLiteral("password"))) {
        auto hashRow = m_db->selectOne(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {who.userId});
        if (!hashRow)
            return hashRow.error();
        if (m_hasher.verify(changes.value(QStringLiteral("current_password")).toString(), hashRow->value(0).toString()) ==
            PasswordHasher::Verdict::Invalid)
            return invalid(QStringLiteral("current_password"), QStringLiteral("does not match"));
        const QString pwd = changes.value(QStringLiteral("password")).toString();
        if (auto st = m_policy.check(pwd, current->email); !st)
            return st.error();
        auto h = m_hasher.hash(pwd);
        if (!h)
            return h.error();
        if (auto r = m_db->execute(QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = %1, updated_at = ? WHERE id = ?")
                                       .arg(m_db->boolLiteral(false)),
                                   {*h, now, who.userId});
            !r)
            return r.error();
        if (changes.value(QStringLiteral("revoke_api_keys")).toBool())
            if (auto st = revokeApiKeysOf(who.userId); !st)
                return st.error();
        // Every other sign-in ends; this one continues.
        if (auto r = m_db->execute(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL "
                                                  "AND family_id <> COALESCE((SELECT family_id FROM sessions WHERE id = ?), '')"),
                                   {now, who.userId, who.sessionId});
            !r)
            return r.error();
        logActivity(who.userId, QStringLiteral("password_changed"), QStringLiteral("user"), who.userId, {}, client);
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return user(who.userId);
}

core::Status AuthService::forgotPassword(const QString &emailIn, const ClientInfo &client, QString *tokenOut)
{
    const QString email = emailIn.trimmed().toLower();
    auto row = m_db->select(QStringLiteral("SELECT id, is_active FROM users WHERE lower(email) = ?"), {email});
    if (!row)
        return row.error();
    if (row->isEmpty() || !row->first().value(1).toBool())
        return {}; // same answer either way: no account enumeration
    const qint64 userId = row->first().value(0).toLongLong();
    const QDateTime now = m_clock.now();
    // At most one live link per account: asking again (or someone asking a thousand times)
    // writes nothing new and notifies nobody.
    auto live = m_db->selectOne(QStringLiteral("SELECT count(*) FROM password_reset_tokens WHERE user_id = ? AND used_at IS NULL AND expires_at > ?"),
                                {userId, m_db->timestamp(now)});
    if (!live)
        return live.error();
    if (live->value(0).toLongLong() > 0)
        return {};
    const QString token = randomToken(32);
    if (auto r = m_db->execute(QStringLiteral("INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, created_at) "
                                              "VALUES (?, ?, ?, ?)"),
                               {userId, sha256Hex(token), m_db->timestamp(now.addSecs(60LL * m_settings.resetTokenMinutes)),
                                m_db->timestamp(now)});
        !r)
        return r.error();
    // The link goes only to the account's own address (the mail module, when a sender is
    // configured, delivers it through the reset sink); never to the log or to other people.
    if (m_resetLinkSink)
        m_resetLinkSink(email, QStringLiteral("fliptech://reset-password?token=") + token);
    logActivity(userId, QStringLiteral("password_reset_requested"), QStringLiteral("user"), userId, {}, client);
    if (tokenOut)
        *tokenOut = token;
    return {};
}

core::Status AuthService::setTemporaryPassword(const Principal &who, qint64 userId, const QString &password, bool revokeApiKeys,
                                               const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    if (auto st = requireAdmin(who); !st)
        return st;
    auto target = user(userId);
    if (!target)
        return target.error();
    if (auto st = m_policy.check(password, target->email); !st)
        return st;
    auto h = m_hasher.hash(password);
    if (!h)
        return h.error();
    storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    if (auto st = replacePassword(userId, *h, true, revokeApiKeys); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    logActivity(who.userId, QStringLiteral("temporary_password_set"), QStringLiteral("user"), userId,
                {{QStringLiteral("api_keys_revoked"), revokeApiKeys}}, client);
    return {};
}

core::Status AuthService::replacePassword(qint64 userId, const QString &hash, bool mustChange, bool revokeApiKeys)
{
    // Inside the caller's transaction: the new password, every session ended, keys if asked.
    if (auto r = m_db->execute(QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = %1, updated_at = ? WHERE id = ?")
                                   .arg(m_db->boolLiteral(mustChange)),
                               {hash, m_db->timestamp(m_clock.now()), userId});
        !r)
        return r.error();
    if (auto st = revokeSessions(userId); !st)
        return st;
    if (revokeApiKeys)
        return revokeApiKeysOf(userId);
    return {};
}

core::Status AuthService::revokeApiKeysOf(qint64 userId)
{
    const SessionCacheInvalidation changed{m_generation};
    auto r = m_db->execute(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"),
                           {m_db->timestamp(m_clock.now()), userId});
    return r ? core::Status() : core::Status(r.error());
}

core::Status AuthService::resetPassword(const QString &token, const QString &newPassword, const ClientInfo &client, bool revokeApiKeys)
{
    const SessionCacheInvalidation changed{m_generation};
    const QDateTime now = m_clock.now();
    storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    auto row = m_db->selectOne(QStringLiteral("SELECT t.id, t.user_id, t.expires_at, t.used_at, u.email FROM password_reset_tokens t "
                                              "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?"), {sha256Hex(token)});
    if (!row || !row->value(3).isNull() || storage::Database::toDateTime(row->value(2)) <= now)
        return invalid(QStringLiteral("token"), QStringLiteral("the reset link is invalid, used or expired; ask for a new one"));
    if (auto st = m_policy.check(newPassword, row->value(4).toString()); !st)
        return st;
    auto h = m_hasher.hash(newPassword);
    if (!h)
        return h.error();
    const qint64 userId = row->value(1).toLongLong();
    const QVariant ts = m_db->timestamp(now);
    if (auto r = m_db->execute(QStringLiteral("UPDATE password_reset_tokens SET used_at = ? WHERE id = ?"), {ts, row->value(0)}); !r)
        return r.error();
    if (auto st = replacePassword(userId, *h, false, revokeApiKeys); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    logActivity(userId, QStringLiteral("password_reset"), QStringLiteral("user"), userId, {}, client);
    return {};
}

core::Result<QList<ApiKey>> AuthService::apiKeys(const Principal &who)
{
    auto rows = m_db->select(QStringLiteral("SELECT id, key_name, key_prefix, permissions, last_used_at, expires_at, created_at "
                                            "FROM api_keys WHERE user_id = ? AND revoked_at IS NULL ORDER BY id"), {who.userId});
    if (!rows)
        return rows.error();
    QList<ApiKey> out;
    for (const Row &r : *rows) {
        ApiKey k;
        k.id = r.value(0).toLongLong();
        k.name = r.value(1).toString();
        k.prefix = r.value(2).toString();
        k.scopes = scopesOf(r.value(3));
        k.lastUsedAt = storage::Database::toDateTime(r.value(4));
        k.expiresAt = storage::Database::toDateTime(r.value(5));
        k.createdAt = storage::Database::toDateTime(r.value(6));
        out << k;
    }
    return out;
}

core::Result<ApiKey> AuthService::createApiKey(const Principal &who, const QString &name, const QStringList &scopes,
                                               const QDateTime &expiresAt, const ClientInfo &client)
{
    if (!who.atLeast(Role::User))
        return makeError(ErrorCode::Forbidden, QStringLiteral("viewers cannot create API keys"));
    if (name.trimmed().isEmpty() || name.size() > 100)
        return invalid(QStringLiteral("name"), QStringLiteral("give the key a name of 1 to 100 characters"));
    const QDateTime now = m_clock.now();
    if (expiresAt.isValid() && expiresAt <= now)
        return invalid(QStringLiteral("expires_at"), QStringLiteral("must be in the future"));
    for (const QString &s : scopes)
        if (!isKnownScope(s))
            return invalid(QStringLiteral("scopes"), QStringLiteral("unknown scope '%1' (known: read, write, admin, metrics, and "
                                                                    "<area>:read or <area>:write such as leads:write)").arg(s.left(60)));
    // A key never holds more than its owner.
    if (scopes.contains(QStringLiteral("admin")) && !who.atLeast(Role::Admin))
        return makeError(ErrorCode::Forbidden, QStringLiteral("only administrators can create keys with the admin scope"),
                         {{QStringLiteral("scopes"), QStringLiteral("admin is more than your role allows")}});
    ApiKey k;
    k.plaintext = QStringLiteral("ftp_") + randomToken(32);
    k.prefix = k.plaintext.left(12);
    k.name = name.trimmed();
    k.scopes = scopes.isEmpty() ? QStringList{QStringLiteral("read")} : scopes; // least privilege when none is named
    k.expiresAt = expiresAt;
    k.createdAt = now;
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO api_keys (user_id, key_name, key_hash, key_prefix, permissions, expires_at, "
                                              "created_at) VALUES (?, ?, ?, ?, %1, ?, ?) RETURNING id").arg(m_db->jsonParam()),
                               {who.userId, k.name, sha256Hex(k.plaintext), k.prefix,
                                QString::fromUtf8(core::json::compact(QJsonObject{{QStringLiteral("scopes"), QJsonArray::fromStringList(k.scopes)}})),
                                m_db->timestamp(expiresAt), m_db->timestamp(now)});
    if (!row)
        return row.error();
    k.id = row->value(0).toLongLong();
    logActivity(who.userId, QStringLiteral("api_key_created"), QStringLiteral("api_key"), k.id,
                {{QStringLiteral("name"), k.name}, {QStringLiteral("prefix"), k.prefix}}, client);
    return k;
}

core::Status AuthService::revokeApiKey(const Principal &who, qint64 keyId, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    const bool admin = who.atLeast(Role::Admin);
    auto r = m_db->execute(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL%1")
                               .arg(admin ? QString() : QStringLiteral(" AND user_id = ?")),
                           admin ? QVariantList{m_db->timestamp(m_clock.now()), keyId}
                                 : QVariantList{m_db->timestamp(m_clock.now()), keyId, who.userId});
    if (!r)
        return r.error();
    if (r->rowsAffected == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("no API key %1").arg(keyId));
    logActivity(who.userId, QStringLiteral("api_key_revoked"), QStringLiteral("api_key"), keyId, {}, client);
    return {};
}

core::Status AuthService::requireAdmin(const Principal &who) const
{
    if (!who.atLeast(Role::Admin))
        return makeError(ErrorCode::Forbidden, QStringLiteral("only administrators may manage accounts"));
    return {};
}

core::Result<qint64> AuthService::adminCount()
{
    auto r = m_db->selectOne(QStringLiteral("SELECT count(*) FROM users WHERE role = 'admin' AND is_active = %1").arg(m_db->boolLiteral(true)));
    if (!r)
        return r.error();
    return r->value(0).toLongLong();
}

core::Result<QList<User>> AuthService::users(const Principal &who)
{
    if (auto st = requireAdmin(who); !st)
        return st.error();
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM users ORDER BY id").arg(kUserColumns));
    if (!rows)
        return rows.error();
    QList<User> out;
    for (const Row &r : *rows)
        out << userFromRow(r);
    return out;
}

core::Result<User> AuthService::createUser(const Principal &who, const QString &email, const QString &password,
                                           const QString &name, Role role, const ClientInfo &client)
{
    if (auto st = requireAdmin(who); !st)
        return st.error();
    auto u = insertUser(email, password, name, role);
    if (u)
        logActivity(who.userId, QStringLiteral("user_created"), QStringLiteral("user"), u->id,
                    {{QStringLiteral("role"), roleName(role)}}, client);
    return u;
}

core::Result<User> AuthService::updateUser(const Principal &who, qint64 id, const QJsonObject &changes, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    if (auto st = requireAdmin(who); !st)
        return st.error();
    if (auto st = checkFields(changes, {{QStringLiteral("name"), QJsonValue::String},
                                        {QStringLiteral("role"), QJsonValue::String},
                                        {QStringLiteral("is_active"), QJsonValue::Bool}});
        !st)
        return st.error();
    auto before = user(id);
    if (!before)
        return before;
    storage::Transaction tx(*m_db, storage::Transaction::Mode::Immediate);
    if (!tx.isActive())
        return tx.error();
    const QVariant now = m_db->timestamp(m_clock.now());
    std::optional<Role> role;
    if (changes.contains(QStringLiteral("role"))) {
        role = roleFromName(changes.value(QStringLiteral("role")).toString());
        if (!role)
            return invalid(QStringLiteral("role"), QStringLiteral("one of admin, user, viewer"));
    }
    const bool deactivate = changes.contains(QStringLiteral("is_active")) && !changes.value(QStringLiteral("is_active")).toBool();
    if (before->role == Role::Admin && before->active && ((role && *role != Role::Admin) || deactivate)) {
        auto admins = adminCount();
        if (!admins)
            return admins.error();
        if (*admins <= 1)
            return makeError(ErrorCode::Conflict, QStringLiteral("this is the last administrator; make someone else admin first"));
    }
    if (changes.contains(QStringLiteral("name")))
        if (auto r = m_db->execute(QStringLiteral("UPDATE users SET name = ?, updated_at = ? WHERE id = ?"),
                                   {changes.value(QStringLiteral("name")).toString(), now, id}); !r)
            return r.error();
    if (role && *role != before->role) {
        if (auto r = m_db->execute(QStringLiteral("UPDATE users SET role = ?, updated_at = ? WHERE id = ?"), {roleName(*role), now, id}); !r)
            return r.error();
        logActivity(who.userId, QStringLiteral("role_changed"), QStringLiteral("user"), id,
                    {{QStringLiteral("from"), roleName(before->role)}, {QStringLiteral("to"), roleName(*role)}}, client);
    }
    if (changes.contains(QStringLiteral("is_active"))) {
        const bool active = changes.value(QStringLiteral("is_active")).toBool();
        if (auto r = m_db->execute(QStringLiteral("UPDATE users SET is_active = ?, updated_at = ? WHERE id = ?"), {active, now, id}); !r)
            return r.error();
        if (!active) {
            if (auto st = revokeSessions(id); !st)
                return st.error();
            logActivity(who.userId, QStringLiteral("user_deactivated"), QStringLiteral("user"), id, {}, client);
        }
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return user(id);
}

core::Status AuthService::deleteUser(const Principal &who, qint64 id, const ClientInfo &client)
{
    const SessionCacheInvalidation changed{m_generation};
    if (auto st = requireAdmin(who); !st)
        return st;
    if (id == who.userId)
        return makeError(ErrorCode::Conflict, QStringLiteral("you cannot delete your own account"));
    auto before = user(id);
    if (!before)
        return before.error();
    if (before->role == Role::Admin) {
        auto admins = adminCount();
        if (admins && *admins <= 1 && before->active)
            return makeError(ErrorCode::Conflict, QStringLiteral("this is the last administrator"));
    }
    if (auto r = m_db->execute(QStringLiteral("DELETE FROM users WHERE id = ?"), {id}); !r)
        return r.error();
    logActivity(who.userId, QStringLiteral("user_deleted"), QStringLiteral("user"), id, {{QStringLiteral("email"), before->email}}, client);
    return {};
}

core::Status AuthService::revokeSessions(qint64 userId)
{
    const SessionCacheInvalidation changed{m_generation};
    auto r = m_db->execute(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"),
                           {m_db->timestamp(m_clock.now()), userId});
    if (!r)
        return r.error();
    return {};
}

void AuthService::logActivity(std::optional<qint64> userId, const QString &action, const QString &entityType,
                              std::optional<qint64> entityId, const QJsonObject &details, const ClientInfo &client)
{
    auto r = m_db->execute(QStringLiteral("INSERT INTO activity_log (user_id, action, entity_type, entity_id, details, ip_address, "
                                          "user_agent, created_at) VALUES (?, ?, ?, ?, %1, %2, ?, ?)")
                               .arg(m_db->jsonParam(), m_db->inetParam()),
                           {userId ? QVariant(*userId) : QVariant(), action, entityType, entityId ? QVariant(*entityId) : QVariant(),
                            QString::fromUtf8(core::json::compact(details)), ipParam(client.ip), client.userAgent.left(500),
                            m_db->timestamp(m_clock.now())});
    if (!r)
        qCWarning(lcAuth).noquote() << "cannot record activity" << action << r.error().message;
}

} // namespace fliptech::auth
