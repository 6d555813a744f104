// AuthController: /api/v1/auth/... (spec section 2.1).
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"

#include <QJsonArray>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

QJsonObject userSchema()
{
    return s::object({{QStringLiteral("id"), s::integer()},
                      {QStringLiteral("email"), s::string()},
                      {QStringLiteral("name"), s::string()},
                      {QStringLiteral("role"), s::enumOf({QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")})},
                      {QStringLiteral("timezone"), s::string()},
                      {QStringLiteral("avatar_url"), s::nullable(s::string())},
                      {QStringLiteral("is_active"), s::boolean()},
                      {QStringLiteral("last_login_at"), s::nullable(s::string(0, 0, QStringLiteral("date-time")))},
                      {QStringLiteral("created_at"), s::string(0, 0, QStringLiteral("date-time"))}},
                     {}, true);
}

QJsonObject listSchema(const QJsonObject &item)
{
    return s::object({{QStringLiteral("items"), s::arrayOf(item)}, {QStringLiteral("total"), s::integer()},
                      {QStringLiteral("next_cursor"), s::nullable(s::string())}}, {}, true);
}

QHttpServerResponse listResponse(const QJsonArray &items)
{
    return jsonResponse({{QStringLiteral("items"), items}, {QStringLiteral("total"), items.size()}, {QStringLiteral("next_cursor"), QJsonValue()}});
}

QHttpServerResponse jsonOrError(const core::Result<QJsonObject> &result, int status)
{
    return result ? jsonResponse(*result, status) : errorResponse(result.error());
}

QHttpServerResponse listOrError(const core::Result<QJsonArray> &result)
{
    return result ? listResponse(*result) : errorResponse(result.error());
}

QHttpServerResponse noContentOrError(const core::Status &status)
{
    return status ? QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent) : errorResponse(status.error());
}

namespace {

// POST /auth/register: public for the first account (its administrator), admins only afterwards.
QHttpServerResponse registerAccount(auth::AuthService &svc, RequestContext &c)
{
    const QString email = c.body.value(QStringLiteral("email")).toString();
    const QString password = c.body.value(QStringLiteral("password")).toString();
    const QString name = c.body.value(QStringLiteral("name")).toString();
    auto any = svc.hasUsers();
    if (!any)
        return errorResponse(any.error());
    if (!*any) {
        auto u = svc.createFirstAdmin(email, password, name);
        return u ? jsonResponse(u->toJson(), 201) : errorResponse(u.error());
    }
    if (!c.principal)
        return errorResponse(core::ErrorCode::Unauthorized, QStringLiteral("sign in as an administrator to register accounts"));
    const auto role = auth::roleFromName(c.body.value(QStringLiteral("role")).toString(QStringLiteral("user")));
    auto u = svc.createUser(*c.principal, email, password, name, role.value_or(Role::User), c.client);
    return u ? jsonResponse(u->toJson(), 201) : errorResponse(u.error());
}

// A list of accounts or keys as {"items": [...]}, or the error.
template <typename T>
QHttpServerResponse listOfJson(const core::Result<QList<T>> &result)
{
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const auto &item : *result)
        items.append(item.toJson());
    return listResponse(items);
}

// POST /auth/api-keys: the key itself is in this answer only.
QHttpServerResponse createApiKey(auth::AuthService &svc, RequestContext &c)
{
    QStringList scopes;
    for (const QJsonValue &v : c.body.value(QStringLiteral("scopes")).toArray())
        scopes << v.toString();
    const QDateTime expires = QDateTime::fromString(c.body.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    auto k = svc.createApiKey(*c.principal, c.body.value(QStringLiteral("name")).toString(), scopes, expires, c.client);
    return k ? jsonResponse(k->toJson(), 201) : errorResponse(k.error());
}

const QString kAuthTag = QStringLiteral("auth");

QJsonObject statusSchema()
{
    return s::object({{QStringLiteral("status"), s::string()}, {QStringLiteral("message"), s::string()}}, {}, true);
}

// Signing in and out, tokens, password resets: the doors anyone can knock on have a budget per
// address each.
void registerSessionRoutes(RouteTable &table, auth::AuthService &svc)
{
    // argon2id takes tens of milliseconds: these run on worker threads.
    table.setOffThread(M::Post, QStringLiteral("/api/v1/auth/login"));
    table.setOffThread(M::Post, QStringLiteral("/api/v1/auth/register"));
    table.setOffThread(M::Post, QStringLiteral("/api/v1/auth/reset-password"));
    const QJsonObject tokenSchema = s::object({{QStringLiteral("access_token"), s::string()},
                                               {QStringLiteral("refresh_token"), s::string()},
                                               {QStringLiteral("token_type"), s::string()},
                                               {QStringLiteral("expires_in"), s::integer()},
                                               {QStringLiteral("user"), userSchema()}}, {}, true);
    const QString tag = kAuthTag;

    table.add({M::Post, QStringLiteral("/api/v1/auth/login"), std::nullopt, tag, QStringLiteral("Sign in with email and password"),
               s::object({{QStringLiteral("email"), s::string(1, 254)}, {QStringLiteral("password"), s::string(1, 1024)}},
                         {QStringLiteral("email"), QStringLiteral("password")}),
               tokenSchema, 200, [&svc](RequestContext &c) {
                   auto r = svc.login(c.body.value(QStringLiteral("email")).toString(),
                                      c.body.value(QStringLiteral("password")).toString(), c.client);
                   return r ? jsonResponse(r->toJson()) : errorResponse(r.error());
               }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/auth/register"), Role::Admin, tag,
               QStringLiteral("Create an account (public for the first user, who becomes admin; admins only afterwards)"),
               s::object({{QStringLiteral("email"), s::string(1, 254, QStringLiteral("email"))},
                          {QStringLiteral("password"), s::string(1, 1024)},
                          {QStringLiteral("name"), s::string(0, 200)},
                          {QStringLiteral("role"), s::enumOf({QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")})}},
                         {QStringLiteral("email"), QStringLiteral("password")}),
               userSchema(), 201, [&svc](RequestContext &c) { return registerAccount(svc, c); }, {}, {}, [&svc] {
                   auto any = svc.hasUsers();
                   return any.ok() && !*any;
               }});

    table.add({M::Post, QStringLiteral("/api/v1/auth/logout"), Role::Viewer, tag, QStringLiteral("Sign out this session everywhere it was refreshed"),
               {}, statusSchema(), 200, [&svc](RequestContext &c) {
                   auto st = svc.logout(*c.principal, c.client);
                   return st ? jsonResponse({{QStringLiteral("status"), QStringLiteral("signed_out")}}) : errorResponse(st.error());
               }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/auth/refresh"), std::nullopt, tag,
               QStringLiteral("Exchange a refresh token for a new pair (the old one stops working)"),
               s::object({{QStringLiteral("refresh_token"), s::string(1, 8192)}}, {QStringLiteral("refresh_token")}),
               tokenSchema, 200, [&svc](RequestContext &c) {
                   auto r = svc.refresh(c.body.value(QStringLiteral("refresh_token")).toString(), c.client);
                   return r ? jsonResponse(r->toJson()) : errorResponse(r.error());
               }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/auth/forgot-password"), std::nullopt, tag,
               QStringLiteral("Ask for a password reset link (same answer whether the account exists or not)"),
               s::object({{QStringLiteral("email"), s::string(1, 254)}}, {QStringLiteral("email")}),
               statusSchema(), 202, [&svc](RequestContext &c) {
                   auto st = svc.forgotPassword(c.body.value(QStringLiteral("email")).toString(), c.client);
                   if (!st)
                       return errorResponse(st.error());
                   return jsonResponse({{QStringLiteral("status"), QStringLiteral("accepted")},
                                        {QStringLiteral("message"), QStringLiteral("If the account exists, a reset link is on its way.")}},
                                       202);
               }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/auth/reset-password"), std::nullopt, tag,
               QStringLiteral("Set a new password with a reset token (single use, valid one hour); every session ends, and with "
                              "revoke_api_keys every API key of the account too"),
               s::object({{QStringLiteral("token"), s::string(1, 200)}, {QStringLiteral("password"), s::string(1, 1024)},
                          {QStringLiteral("revoke_api_keys"), s::boolean()}},
                         {QStringLiteral("token"), QStringLiteral("password")}),
               statusSchema(), 200, [&svc](RequestContext &c) {
                   auto st = svc.resetPassword(c.body.value(QStringLiteral("token")).toString(),
                                               c.body.value(QStringLiteral("password")).toString(), c.client,
                                               c.body.value(QStringLiteral("revoke_api_keys")).toBool());
                   return st ? jsonResponse({{QStringLiteral("status"), QStringLiteral("password_changed")}}) : errorResponse(st.error());
               }, {}, {}, {}});

    // The doors anyone can knock on: a budget per address and per account each.
    table.setPerAddressLimit(M::Post, QStringLiteral("/api/v1/auth/login"), 30);
    table.setPerAddressLimit(M::Post, QStringLiteral("/api/v1/auth/register"), 10);
    table.setPerAddressLimit(M::Post, QStringLiteral("/api/v1/auth/refresh"), 60);
    table.setPerAddressLimit(M::Post, QStringLiteral("/api/v1/auth/forgot-password"), 5);
    table.setPerAddressLimit(M::Post, QStringLiteral("/api/v1/auth/reset-password"), 10);
}

// The signed-in user's own account.
void registerProfileRoutes(RouteTable &table, auth::AuthService &svc)
{
    const QString tag = kAuthTag;
    table.setOffThread(M::Put, QStringLiteral("/api/v1/auth/me")); // argon2id when the password changes
    table.add({M::Get, QStringLiteral("/api/v1/auth/me"), Role::Viewer, tag, QStringLiteral("The signed-in user"), {}, userSchema(), 200,
               // The account was read with the credential, in this request.
               [](RequestContext &c) { return jsonResponse(c.principal->user.toJson()); }, {}, {}, {}});

    table.add({M::Put, QStringLiteral("/api/v1/auth/me"), Role::Viewer, tag,
               QStringLiteral("Update name, timezone, avatar or password (password needs current_password)"),
               s::object({{QStringLiteral("name"), s::string(0, 200)},
                          {QStringLiteral("timezone"), s::string(1, 64)},
                          {QStringLiteral("avatar_url"), s::nullable(s::string(0, 500))},
                          {QStringLiteral("password"), s::string(1, 1024)},
                          {QStringLiteral("current_password"), s::string(1, 1024)},
                          {QStringLiteral("revoke_api_keys"), s::boolean()}}),
               userSchema(), 200, [&svc](RequestContext &c) {
                   auto u = svc.updateProfile(*c.principal, c.body, c.client);
                   return u ? jsonResponse(u->toJson()) : errorResponse(u.error());
               }, {}, {}, {}});

    // A key never changes the password of the account it belongs to.
    table.setSessionOnly(M::Put, QStringLiteral("/api/v1/auth/me"));
}

void registerApiKeyRoutes(RouteTable &table, auth::AuthService &svc)
{
    const QString tag = kAuthTag;
    const QJsonObject apiKeySchema = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                                {QStringLiteral("prefix"), s::string()}, {QStringLiteral("scopes"), s::arrayOf(s::string())},
                                                {QStringLiteral("key"), s::string()},
                                                {QStringLiteral("last_used_at"), s::nullable(s::string())},
                                                {QStringLiteral("expires_at"), s::nullable(s::string())},
                                                {QStringLiteral("created_at"), s::string()}}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/auth/api-keys"), Role::Viewer, tag, QStringLiteral("Your API keys (never the keys themselves)"),
               {}, listSchema(apiKeySchema), 200, [&svc](RequestContext &c) { return listOfJson(svc.apiKeys(*c.principal)); }, {}, {}, {}});

    table.add({M::Post, QStringLiteral("/api/v1/auth/api-keys"), Role::User, tag,
               QStringLiteral("Create an API key; the key is in this answer only"),
               s::object({{QStringLiteral("name"), s::string(1, 100)},
                          // read, write, admin, metrics, or <area>:read|write (checked by the service)
                          {QStringLiteral("scopes"), s::arrayOf(s::string(1, 40))},
                          {QStringLiteral("expires_at"), s::nullable(s::string(1, 40, QStringLiteral("date-time")))}},
                         {QStringLiteral("name")}),
               apiKeySchema, 201, [&svc](RequestContext &c) { return createApiKey(svc, c); }, {}, {}, {}});

    table.add({M::Delete, QStringLiteral("/api/v1/auth/api-keys/{id}"), Role::User, tag, QStringLiteral("Revoke an API key"), {}, {}, 204,
               [&svc](RequestContext &c) {
                   auto st = svc.revokeApiKey(*c.principal, c.idParam(), c.client);
                   return st ? QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent) : errorResponse(st.error());
               }, {}, {}, {}});
    // A key never makes keys.
    table.setSessionOnly(M::Post, QStringLiteral("/api/v1/auth/api-keys"));
}

} // namespace

void registerAuthRoutes(RouteTable &table, auth::AuthService &svc)
{
    registerSessionRoutes(table, svc);
    registerProfileRoutes(table, svc);
    registerApiKeyRoutes(table, svc);
}

void registerUserRoutes(RouteTable &table, auth::AuthService &svc)
{
    table.setOffThread(M::Post, QStringLiteral("/api/v1/users")); // hashes the first password
    const QString tag = QStringLiteral("users");
    const QJsonObject roles = s::enumOf({QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")});
    table.add({M::Get, QStringLiteral("/api/v1/users"), Role::Admin, tag, QStringLiteral("Every account"), {}, listSchema(userSchema()), 200,
               [&svc](RequestContext &c) { return listOfJson(svc.users(*c.principal)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/users"), Role::Admin, tag, QStringLiteral("Create an account"),
               s::object({{QStringLiteral("email"), s::string(1, 254, QStringLiteral("email"))}, {QStringLiteral("password"), s::string(1, 1024)},
                          {QStringLiteral("name"), s::string(0, 200)}, {QStringLiteral("role"), roles}},
                         {QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("role")}),
               userSchema(), 201, [&svc](RequestContext &c) {
                   auto u = svc.createUser(*c.principal, c.body.value(QStringLiteral("email")).toString(),
                                           c.body.value(QStringLiteral("password")).toString(), c.body.value(QStringLiteral("name")).toString(),
                                           auth::roleFromName(c.body.value(QStringLiteral("role")).toString()).value_or(Role::Viewer), c.client);
                   return u ? jsonResponse(u->toJson(), 201) : errorResponse(u.error());
               }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/users/{id}"), Role::Admin, tag,
               QStringLiteral("Change name, role, or deactivate (ends every session at once)"),
               s::object({{QStringLiteral("name"), s::string(0, 200)}, {QStringLiteral("role"), roles}, {QStringLiteral("is_active"), s::boolean()}}),
               userSchema(), 200, [&svc](RequestContext &c) {
                   auto u = svc.updateUser(*c.principal, c.idParam(), c.body, c.client);
                   return u ? jsonResponse(u->toJson()) : errorResponse(u.error());
               }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/users/{id}"), Role::Admin, tag, QStringLiteral("Delete an account"), {}, {}, 204,
               [&svc](RequestContext &c) {
                   auto st = svc.deleteUser(*c.principal, c.idParam(), c.client);
                   return st ? QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent) : errorResponse(st.error());
               }, {}, {}, {}});
    table.setOffThread(M::Post, QStringLiteral("/api/v1/users/{id}/temporary-password")); // hashes it
    table.add({M::Post, QStringLiteral("/api/v1/users/{id}/temporary-password"), Role::Admin, tag,
               QStringLiteral("Give an account a temporary password to be changed at its next sign-in (when no mail sends reset links); "
                              "ends its sessions, and with revoke_api_keys its API keys"),
               s::object({{QStringLiteral("password"), s::string(1, 1024)}, {QStringLiteral("revoke_api_keys"), s::boolean()}},
                         {QStringLiteral("password")}),
               s::object({{QStringLiteral("status"), s::string()}}, {}, true), 200, [&svc](RequestContext &c) {
                   auto st = svc.setTemporaryPassword(*c.principal, c.idParam(), c.body.value(QStringLiteral("password")).toString(),
                                                      c.body.value(QStringLiteral("revoke_api_keys")).toBool(), c.client);
                   return st ? jsonResponse({{QStringLiteral("status"), QStringLiteral("temporary_password_set")}}) : errorResponse(st.error());
               }, {}, {}, {}});
    // Accounts are made, re-roled and removed by a person signed in, never by a key.
    table.setSessionOnly(M::Post, QStringLiteral("/api/v1/users/{id}/temporary-password"));
    table.setSessionOnly(M::Post, QStringLiteral("/api/v1/users"));
    table.setSessionOnly(M::Put, QStringLiteral("/api/v1/users/{id}"));
    table.setSessionOnly(M::Delete, QStringLiteral("/api/v1/users/{id}"));
}

} // namespace fliptech::api
