#pragma once
// RouteTable: the single source of truth of the HTTP API. Each route has a method, a path
// (with {name} parameters), the least role it needs (or none: public), a summary, and its
// request and response schemas. The server dispatches through it and /api/v1/openapi.json is
// generated from it: a route that is not in the table does not exist.

#include "fliptech/auth/authservice.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace fliptech::api {

struct SpooledBody;

// What a controller sees of a request, after the middleware ran. A value (no reference to the
// QHttpServerRequest), so slow routes can run on a worker thread.
struct RequestContext {
    QUrl url;
    QJsonObject body;                 // parsed and validated JSON body (routes with a request schema)
    QHash<QString, QString> params;   // {name} path parameters
    std::optional<auth::Principal> principal;
    QString credential;               // the token or key the principal was authenticated with
    auth::ClientInfo client;
    QString requestId;
    QByteArray rawBody;               // upload routes: the body as sent (when not spooled)
    QByteArray contentType;           // upload routes: its Content-Type
    QHash<QByteArray, QByteArray> headers; // upload routes: the request's headers, names lower-case (webhook signatures)
    // A handler may answer with a file instead of a body: the server then sends the file in
    // chunks (constant memory) with the headers of the returned response, and removes it after
    // when `removeStreamedFile` (a generated export).
    QString streamFile;
    bool removeStreamedFile = false;
    std::shared_ptr<SpooledBody> bodyFile; // upload routes: the body, spooled to a file as it arrived
    QString query(const QString &name) const;
    qint64 idParam(const QString &name = QStringLiteral("id")) const { return params.value(name).toLongLong(); }
};

using RouteHandler = std::function<QHttpServerResponse(RequestContext &)>;

struct Route {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path;                         // "/api/v1/auth/api-keys/{id}"
    std::optional<auth::Role> role;       // nullopt: public
    QString tag;                          // OpenAPI tag (the controller's area)
    QString summary;
    QJsonObject requestSchema;            // empty: no body
    QJsonObject responseSchema;           // empty: no documented body
    int successStatus = 200;
    RouteHandler handler;
    QRegularExpression pattern;           // compiled from path
    QStringList paramNames;
    // When set and true, the route is public despite `role` (register while there are no users).
    std::function<bool()> publicWhile;
    // Upload routes take a raw or multipart body of up to this many bytes (0: JSON routes).
    qint64 maxUploadBytes = 0;
    // Not for API keys whatever their scopes (creating keys or accounts, changing a password).
    bool sessionOnly = false;
    // The API-key scope it needs when not the default (see requiredScope()).
    QString scope{};
    // Public sign-in and recovery routes: requests per minute per address, and per account
    // (the body's "email"), on top of the general limit. 0: none.
    int perAddressPerMinute = 0;
    // Documented query parameters (OpenAPI parameter objects, "in": "query").
    QJsonArray queryParameters{};
};

// The scope an API key needs for a route: "admin" for admin routes, else "<tag>:read" for
// GET/HEAD and "<tag>:write" for the rest (unless the route names its own, e.g. "metrics").
QString requiredScope(const Route &route);
// Whether a key with `scopes` may call the route: "admin" covers everything, "write" every
// area's reads and writes, "read" every area's reads, "<tag>:write" that area's reads and writes.
bool scopesAllow(const QStringList &scopes, const Route &route);

class RouteTable final
{
public:
    void add(Route route);
    const QList<Route> &routes() const { return m_routes; }
    // Routes whose handler is slow by design (password hashing) run on a worker thread, so the
    // HTTP thread keeps answering everyone else.
    void setOffThread(QHttpServerRequest::Method method, const QString &path);
    // Marks an added route as not for API keys (Route::sessionOnly).
    void setSessionOnly(QHttpServerRequest::Method method, const QString &path);
    // Gives an added route its own budget per address and account (Route::perAddressPerMinute).
    void setPerAddressLimit(QHttpServerRequest::Method method, const QString &path, int perMinute);
    // Gives an added route its own API-key scope (Route::scope).
    void setScope(QHttpServerRequest::Method method, const QString &path, const QString &scope);
    // Documents a query parameter of an added route: name, JSON schema and what it does.
    void addQueryParameter(QHttpServerRequest::Method method, const QString &path, const QString &name, const QJsonObject &schema,
                           const QString &description);
    bool isOffThread(const Route &route) const;

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowedMethods; // when the path matched but not the method
    };
    Match match(QHttpServerRequest::Method method, const QString &path) const;

    // OpenAPI 3.0 document of every route.
    QJsonObject openApi(const QString &version, const QString &serverUrl) const;

    static QString methodName(QHttpServerRequest::Method method);
    static std::optional<QHttpServerRequest::Method> methodFromName(const QString &name);

private:
    QList<Route> m_routes;
    QSet<QString> m_offThread;
};

} // namespace fliptech::api
