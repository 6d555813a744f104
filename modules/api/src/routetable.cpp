#include "fliptech/api/routetable.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace fliptech::api {

QString RequestContext::query(const QString &name) const
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

void RouteTable::setOffThread(QHttpServerRequest::Method method, const QString &path)
{
    m_offThread.insert(methodName(method) + u' ' + path);
}

bool RouteTable::isOffThread(const Route &route) const
{
    return m_offThread.contains(methodName(route.method) + u' ' + route.path);
}

QString RouteTable::methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("OTHER");
    }
}

void RouteTable::setSessionOnly(QHttpServerRequest::Method method, const QString &path)
{
    for (Route &r : m_routes)
        if (r.method == method && r.path == path)
            r.sessionOnly = true;
}

void RouteTable::setPerAddressLimit(QHttpServerRequest::Method method, const QString &path, int perMinute)
{
    for (Route &r : m_routes)
        if (r.method == method && r.path == path)
            r.perAddressPerMinute = perMinute;
}

void RouteTable::setScope(QHttpServerRequest::Method method, const QString &path, const QString &scope)
{
    for (Route &r : m_routes)
        if (r.method == method && r.path == path)
            r.scope = scope;
}

void RouteTable::addQueryParameter(QHttpServerRequest::Method method, const QString &path, const QString &name, const QJsonObject &schema,
                                   const QString &description)
{
    for (Route &r : m_routes)
        if (r.method == method && r.path == path)
            r.queryParameters.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("in"), QStringLiteral("query")},
                                                 {QStringLiteral("required"), false}, {QStringLiteral("schema"), schema},
                                                 {QStringLiteral("description"), description}});
}

QString requiredScope(const Route &route)
{
    if (!route.scope.isEmpty())
        return route.scope;
    if (route.role && *route.role == auth::Role::Admin)
        return QStringLiteral("admin");
    const bool reads = route.method == QHttpServerRequest::Method::Get || route.method == QHttpServerRequest::Method::Head;
    return route.tag + (reads ? QStringLiteral(":read") : QStringLiteral(":write"));
}

bool scopesAllow(const QStringList &scopes, const Route &route)
{
    if (route.sessionOnly)
        return false;
    const QString needed = requiredScope(route);
    if (scopes.contains(QStringLiteral("admin")) || scopes.contains(needed))
        return true;
    if (!needed.contains(u':'))
        return false; // admin, metrics: only by name
    const bool reads = needed.endsWith(QLatin1String(":read"));
    const QString area = needed.section(u':', 0, 0);
    return scopes.contains(QStringLiteral("write")) || scopes.contains(area + QStringLiteral(":write")) ||
           (reads && scopes.contains(QStringLiteral("read")));
}

std::optional<QHttpServerRequest::Method> RouteTable::methodFromName(const QString &name)
{
    using M = QHttpServerRequest::Method;
    for (M m : {M::Get, M::Put, M::Delete, M::Post, M::Head, M::Options, M::Patch})
        if (methodName(m) == name)
            return m;
    return std::nullopt;
}

void RouteTable::add(Route route)
{
    static const QRegularExpression param(QStringLiteral("\\{([a-z_]+)\\}"));
    QString re = QRegularExpression::escape(route.path);
    // escape() turned "{id}" into "\{id\}"; each becomes a capture of one path segment.
    auto it = param.globalMatch(route.path);
    while (it.hasNext()) {
        const auto m = it.next();
        route.paramNames << m.captured(1);
        // Ids are numbers, so "/leads/{id}" never swallows "/leads/bulk".
        const bool numeric = m.captured(1) == QLatin1String("id") || m.captured(1).endsWith(QLatin1String("_id"));
        re.replace(QRegularExpression::escape(m.captured(0)), numeric ? QStringLiteral("([0-9]{1,18})") : QStringLiteral("([^/]+)"));
    }
    route.pattern = QRegularExpression(u'^' + re + u'$');
    m_routes.append(std::move(route));
}

RouteTable::Match RouteTable::match(QHttpServerRequest::Method method, const QString &path) const
{
    Match out;
    for (const Route &r : m_routes) {
        const auto m = r.pattern.match(path);
        if (!m.hasMatch())
            continue;
        const bool headOnGet = method == QHttpServerRequest::Method::Head && r.method == QHttpServerRequest::Method::Get;
        if (r.method != method && !headOnGet) {
            out.allowedMethods << methodName(r.method);
            continue;
        }
        out.route = &r;
        for (int i = 0; i < r.paramNames.size(); ++i)
            out.params.insert(r.paramNames[i], m.captured(i + 1));
        return out;
    }
    return out;
}

QJsonObject RouteTable::openApi(const QString &version, const QString &serverUrl) const
{
    const QJsonObject errorRef{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}};
    auto errorResponse = [&](const QString &what) {
        return QJsonObject{{QStringLiteral("description"), what},
                           {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                                                                    QJsonObject{{QStringLiteral("schema"), errorRef}}}}}};
    };
    QJsonObject paths;
    QSet<QString> tags;
    for (const Route &r : m_routes) {
        QJsonObject op{{QStringLiteral("summary"), r.summary},
                       {QStringLiteral("operationId"), QString(methodName(r.method).toLower() + r.path)
                                                           .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"))},
                       {QStringLiteral("tags"), QJsonArray{r.tag}}};
        tags.insert(r.tag);
        QJsonArray params;
        for (const QString &p : r.paramNames)
            params.append(QJsonObject{{QStringLiteral("name"), p},
                                      {QStringLiteral("in"), QStringLiteral("path")},
                                      {QStringLiteral("required"), true},
                                      {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), p == QLatin1String("id") ? QStringLiteral("integer") : QStringLiteral("string")}}}});
        for (const auto &q : r.queryParameters)
            params.append(q);
        if (!params.isEmpty())
            op.insert(QStringLiteral("parameters"), params);
        if (!r.requestSchema.isEmpty())
            op.insert(QStringLiteral("requestBody"),
                      QJsonObject{{QStringLiteral("required"), true},
                                  {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                                                                           QJsonObject{{QStringLiteral("schema"), r.requestSchema}}}}}});
        QJsonObject ok{{QStringLiteral("description"), QStringLiteral("Success")}};
        if (!r.responseSchema.isEmpty())
            ok.insert(QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                                                              QJsonObject{{QStringLiteral("schema"), r.responseSchema}}}});
        QJsonObject responses{{QString::number(r.successStatus), ok},
                              {QStringLiteral("400"), errorResponse(QStringLiteral("Malformed request"))},
                              {QStringLiteral("429"), errorResponse(QStringLiteral("Too many requests"))}};
        if (!r.requestSchema.isEmpty())
            responses.insert(QStringLiteral("422"), errorResponse(QStringLiteral("Validation failed; details name the fields")));
        if (r.role) {
            responses.insert(QStringLiteral("401"), errorResponse(QStringLiteral("Not authenticated")));
            responses.insert(QStringLiteral("403"), errorResponse(QStringLiteral("Role '%1' or higher required").arg(auth::roleName(*r.role))));
            op.insert(QStringLiteral("description"), r.publicWhile
                          ? QStringLiteral("Public while no account exists (the first one becomes admin); then requires the role '%1'.").arg(auth::roleName(*r.role))
                          : QStringLiteral("Requires the role '%1' or higher.").arg(auth::roleName(*r.role)));
        } else {
            op.insert(QStringLiteral("security"), QJsonArray());
        }
        if (!r.paramNames.isEmpty())
            responses.insert(QStringLiteral("404"), errorResponse(QStringLiteral("Not found")));
        op.insert(QStringLiteral("responses"), responses);
        QJsonObject item = paths.value(r.path).toObject();
        item.insert(methodName(r.method).toLower(), op);
        paths.insert(r.path, item);
    }
    QJsonArray tagList;
    QStringList sortedTags = tags.values();
    sortedTags.sort();
    for (const QString &t : sortedTags)
        tagList.append(QJsonObject{{QStringLiteral("name"), t}});
    const QJsonObject errorSchema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("required"), QJsonArray{QStringLiteral("code"), QStringLiteral("message")}},
                                  {QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("code"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                               {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                               {QStringLiteral("details"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}}}}}}};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("FlipTech Pro API")},
                                             {QStringLiteral("version"), version},
                                             {QStringLiteral("description"), QStringLiteral("The embedded API of FlipTech Pro. Authenticate with "
                                                                                            "'Authorization: Bearer <access token or ftp_ API key>' or 'X-API-Key'.")}}},
        {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}}},
        {QStringLiteral("tags"), tagList},
        {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray()}},
                                                QJsonObject{{QStringLiteral("apiKeyAuth"), QJsonArray()}}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
         QJsonObject{{QStringLiteral("securitySchemes"),
                      QJsonObject{{QStringLiteral("bearerAuth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                             {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                                                             {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}}},
                                  {QStringLiteral("apiKeyAuth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                                                             {QStringLiteral("in"), QStringLiteral("header")},
                                                                             {QStringLiteral("name"), QStringLiteral("X-API-Key")}}}}},
                     {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), errorSchema}}}}}};
}

} // namespace fliptech::api
