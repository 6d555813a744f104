#include "fliptech/api/apiserver.h"

#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/core/json.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/filestore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <exception>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcApi, "fliptech.api")

namespace fliptech::api {

using core::ErrorCode;

namespace {

QByteArray header(const QHttpServerRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString newRequestId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

} // namespace

ApiServer::ApiServer(engine::Engine &engine, ApiOptions options, QObject *parent)
    : QObject(parent), m_engine(engine), m_options(std::move(options)), m_limiter(m_options.rateLimitPerMinute),
      m_publicLimiter(m_options.rateLimitPerMinute > 0 ? 1 : 0)
{
    registerHealthRoutes(m_routes, m_engine, m_metrics, m_options.metricsFromLoopback);
    m_routes.add({QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/openapi.json"), std::nullopt, QStringLiteral("system"),
                  QStringLiteral("This document (OpenAPI 3.0)"), {}, {}, 200,
                  [this](RequestContext &) { return jsonResponse(openApi()); }, {}, {}, {}});
    registerAuthRoutes(m_routes, m_engine.auth());
    registerUserRoutes(m_routes, m_engine.auth());
    registerLeadRoutes(m_routes, m_engine);
    registerWorkspaceRoutes(m_routes, m_engine);
    registerJobRoutes(m_routes, m_engine);
    registerScraperRoutes(m_routes, m_engine);
    registerTemplateRoutes(m_routes, m_engine);
    registerSenderRoutes(m_routes, m_engine);
    registerTrackingRoutes(m_routes, m_engine);
    registerCampaignRoutes(m_routes, m_engine);
    registerAiRoutes(m_routes, m_engine);
    registerConversationRoutes(m_routes, m_engine);
    registerRevenueRoutes(m_routes, m_engine);
    registerUsageRoutes(m_routes, m_engine);
    registerScheduleRoutes(m_routes, m_engine);
    registerRuleRoutes(m_routes, m_engine);
    registerWebhookRoutes(m_routes, m_engine);
    registerApprovalRoutes(m_routes, m_engine);
    registerNotificationRoutes(m_routes, m_engine);
    registerN8nRoutes(m_routes, m_engine);
    m_routes.add({QHttpServerRequest::Method::Post, QStringLiteral("/api/v1/ws/ticket"), auth::Role::Viewer, QStringLiteral("system"),
                  QStringLiteral("A single-use ticket (30 s) to open a WebSocket: /ws/<channel>?ticket=... (no token in the address)"), {},
                  schema::object({{QStringLiteral("ticket"), schema::string()}, {QStringLiteral("expires_in"), schema::integer()}}, {}, true), 200,
                  [this](RequestContext &c) {
                      return jsonResponse({{QStringLiteral("ticket"), m_wsTickets.issue(c.credential, m_engine.clock().monotonicMs())},
                                           {QStringLiteral("expires_in"), WsTickets::lifetimeMs / 1000}});
                  }, {}, {}, {}});
}

ApiServer::~ApiServer()
{
    close();
}

QJsonObject ApiServer::openApi() const
{
    return m_routes.openApi(QStringLiteral(FLIPTECH_VERSION), isListening() ? url().toString() : QStringLiteral("http://127.0.0.1:8484"));
}

std::optional<core::Error> ApiServer::screen(const QHttpServerRequest &request, QByteArray *allowedOrigin) const
{
    return screenHostAndOrigin(header(request, "Host"), header(request, "Origin"), allowedOrigin);
}

std::optional<core::Error> ApiServer::screenHostAndOrigin(const QByteArray &hostHeader, const QByteArray &origin, QByteArray *allowedOrigin) const
{
    // Host check: only the names we are bound to (stops DNS rebinding).
    const QString host = QString::fromLatin1(hostHeader).toLower();
    if (!m_hosts.contains(host))
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("Host '%1' is not served here (allowed: the address the "
                                                                   "server is bound to; add others with FLIPTECH_ALLOWED_HOSTS)").arg(host.left(100)));
    // CORS: the configured origins and our own.
    if (!origin.isEmpty()) {
        const QString o = QString::fromLatin1(origin);
        const bool allowed = m_options.corsOrigins.contains(o) || o == QStringLiteral("http://") + host ||
                             o == QStringLiteral("https://") + host;
        if (!allowed)
            return core::makeError(ErrorCode::Forbidden, QStringLiteral("origin %1 is not allowed (CORS_ORIGINS)").arg(o.left(200)));
        *allowedOrigin = origin;
    }
    return std::nullopt;
}

std::optional<Refusal> ApiServer::screenHead(const RequestHead &head, qint64 *maxBodyBytes, SpoolRequest *spool) const
{
    // A request without a body is screened where it is dispatched (the same checks, once);
    // here only what must be refused before reading on: bodies, and WebSocket upgrades (which
    // QHttpServer completes before any handler could answer).
    if (!head.hasBody() && head.header("Upgrade").isEmpty())
        return std::nullopt;
    // The server's own hand-over header: never from a client (without a body it names no spool
    // of its connection, and the route says so).
    if (head.count(GuardedTcpServer::spoolHeader()) > 0)
        return Refusal{400, "bad_request", QStringLiteral("the %1 header is the server's own").arg(QString::fromLatin1(GuardedTcpServer::spoolHeader())), {}};
    auto refusal = [](const core::Error &e) {
        return Refusal{httpStatusFor(e.code), e.codeName().toLatin1(), e.message, e.code == ErrorCode::Unauthorized ? "WWW-Authenticate: Bearer\r\n" : "",
                       e.details.isEmpty() ? QByteArray() : QJsonDocument(e.details).toJson(QJsonDocument::Compact)};
    };
    QByteArray allowedOrigin;
    if (auto refused = screenHostAndOrigin(head.header("Host"), head.header("Origin"), &allowedOrigin))
        return refusal(*refused);
    *maxBodyBytes = m_options.maxJsonBytes;
    const QUrl url(QString::fromLatin1(head.target), QUrl::StrictMode);
    const auto method = RouteTable::methodFromName(QString::fromLatin1(head.method));
    if (!method)
        return std::nullopt; // answered 405/404 by the router, with a body of at most maxJsonBytes
    const RouteTable::Match match = m_routes.match(*method, url.path());
    if (!match.route)
        return std::nullopt;
    if (match.route->maxUploadBytes > 0)
        *maxBodyBytes = match.route->maxUploadBytes + (64 << 10); // multipart framing around the file
    if (!head.hasBody() || !match.route->role || (match.route->publicWhile && match.route->publicWhile()))
        return std::nullopt;
    // A body for a route that needs a caller: the caller first, before a byte of it is read.
    QByteArray credential = head.header("X-API-Key");
    if (const QByteArray authz = head.header("Authorization"); credential.isEmpty() && authz.startsWith("Bearer "))
        credential = authz.mid(7).trimmed();
    if (credential.isEmpty())
        return refusal(core::makeError(ErrorCode::Unauthorized, QStringLiteral("sign in first: send 'Authorization: Bearer <token>' or 'X-API-Key'")));
    auto principal = m_engine.auth().authenticate(QString::fromLatin1(credential));
    if (!principal)
        return refusal(principal.error());
    if (auto st = authorize(*match.route, *principal); !st)
        return refusal(st.error());
    if (match.route->maxUploadBytes > 0 && spool) {
        const qint64 user = principal->userId;
        QMutexLocker lock(&m_uploads->mutex);
        int &open = m_uploads->byUser[user];
        if (open >= m_options.maxUploadsPerUser) {
            if (open == 0)
                m_uploads->byUser.remove(user);
            return Refusal{429, "rate_limited",
                           QStringLiteral("%1 uploads of yours are on their way already: send this one when one of them has finished").arg(open),
                           "Retry-After: 5\r\n"};
        }
        ++open;
        spool->path = m_engine.files().newPath(QStringLiteral("upload"));
        spool->release = [counts = m_uploads, user] {
            QMutexLocker lock(&counts->mutex);
            if (auto it = counts->byUser.find(user); it != counts->byUser.end() && --*it <= 0)
                counts->byUser.erase(it);
        };
    }
    return std::nullopt;
}

core::Status ApiServer::authorize(const Route &route, const auth::Principal &principal)
{
    if (route.role && !principal.atLeast(*route.role))
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("this needs the role '%1' or higher; you are '%2'")
                                                         .arg(auth::roleName(*route.role), auth::roleName(principal.role)));
    // A temporary password: nothing but reading one's profile, changing the password, signing out.
    if (principal.user.mustChangePassword && route.path != QLatin1String("/api/v1/auth/me") && route.path != QLatin1String("/api/v1/auth/logout"))
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("change your temporary password first (PUT /api/v1/auth/me with "
                                                                   "current_password and password)"),
                               {{QStringLiteral("password"), QStringLiteral("must be changed")}});
    if (principal.apiKeyId && !scopesAllow(principal.scopes, route)) {
        if (route.sessionOnly)
            return core::makeError(ErrorCode::Forbidden, QStringLiteral("an API key cannot do this; sign in as the account itself"),
                                   {{QStringLiteral("required_scope"), QStringLiteral("session")}});
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("this API key lacks the scope '%1' (it has: %2)")
                                                         .arg(requiredScope(route), principal.scopes.join(QStringLiteral(", "))),
                               {{QStringLiteral("required_scope"), requiredScope(route)}});
    }
    return {};
}

core::Error ApiServer::rateLimited(int waitSeconds)
{
    return core::makeError(ErrorCode::RateLimited, QStringLiteral("too many requests; retry in %1 s").arg(waitSeconds),
                           {{QStringLiteral("retry_after"), waitSeconds}});
}

core::Status ApiServer::admit(const QHttpServerRequest &request, const Route &route, RequestContext &ctx)
{
    // Authentication first: the rate-limit bucket is the principal's (every token and key of an
    // account share it); without a valid credential it is the address's, so random tokens
    // count against where they come from instead of each getting a fresh bucket.
    QByteArray credential = header(request, "X-API-Key");
    const QByteArray authz = header(request, "Authorization");
    if (credential.isEmpty() && authz.startsWith("Bearer "))
        credential = authz.mid(7).trimmed();
    const bool open = route.publicWhile && route.publicWhile();
    std::optional<core::Error> refusedCredential;
    if (!credential.isEmpty()) {
        auto p = m_engine.auth().authenticate(QString::fromLatin1(credential));
        if (p) {
            ctx.principal = *p;
            ctx.credential = QString::fromLatin1(credential);
        } else {
            refusedCredential = p.error();
        }
    }
    const QString address = request.remoteAddress().toString();
    const QString bucket = ctx.principal ? QStringLiteral("user:%1").arg(ctx.principal->userId) : QStringLiteral("addr:") + address;
    const qint64 now = m_engine.clock().monotonicMs();
    if (const int wait = m_limiter.take(bucket, now); wait > 0)
        return rateLimited(wait);
    // Sign-in and account-recovery routes: a tighter budget per address and route.
    if (route.perAddressPerMinute > 0)
        if (const int wait = m_publicLimiter.take(QStringLiteral("%1 %2").arg(address, route.path), now, route.perAddressPerMinute); wait > 0)
            return rateLimited(wait);
    if (refusedCredential && route.role && !open)
        return *refusedCredential;

    // Role (and an API key's scopes).
    if (route.role && !open) {
        if (!ctx.principal)
            return core::makeError(ErrorCode::Unauthorized, QStringLiteral("sign in first: send 'Authorization: Bearer <token>' or 'X-API-Key'"));
        if (auto st = authorize(route, *ctx.principal); !st)
            return st;
    }

    // Uploads: the body as it came (the controller checks its content); spooled to a file when
    // the head screen had it written there as it arrived.
    if (route.maxUploadBytes > 0) {
        ctx.contentType = header(request, "Content-Type");
        for (const auto &h : request.headers())
            ctx.headers.insert(h.first.toLower(), h.second);
        if (const QByteArray token = header(request, GuardedTcpServer::spoolHeader()); !token.isEmpty()) {
            auto spooled = GuardedTcpServer::takeSpooledBody(GuardedTcpServer::currentConnection(), token);
            if (!spooled)
                return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("the upload's body is gone; send it again"));
            ctx.bodyFile = spooled;
            return {};
        }
        const QByteArray body = request.body();
        if (body.size() > route.maxUploadBytes)
            return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("the upload is larger than %1 MiB").arg(route.maxUploadBytes >> 20));
        ctx.rawBody = body;
        ctx.contentType = header(request, "Content-Type");
        return {};
    }
    // Body: size, JSON, schema.
    if (!route.requestSchema.isEmpty()) {
        const QByteArray body = request.body();
        if (body.size() > m_options.maxJsonBytes)
            return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("the JSON body is larger than %1 bytes").arg(m_options.maxJsonBytes));
        const QByteArray type = header(request, "Content-Type");
        if (!body.isEmpty() && !type.toLower().startsWith("application/json"))
            return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("send the body as JSON with 'Content-Type: application/json'"));
        auto parsed = core::json::parseObject(body.isEmpty() ? QByteArray("{}") : body);
        if (!parsed)
            return parsed.error();
        if (auto st = schema::validate(*parsed, route.requestSchema); !st)
            return st;
        // Per account on the sign-in routes: one address cannot spread guesses over accounts,
        // and many addresses cannot pile onto one account.
        if (route.perAddressPerMinute > 0 && parsed->value(QStringLiteral("email")).isString()) {
            const QString account = parsed->value(QStringLiteral("email")).toString().trimmed().toLower().left(254);
            if (const int wait = m_publicLimiter.take(QStringLiteral("%1 %2").arg(account, route.path), m_engine.clock().monotonicMs(),
                                                      route.perAddressPerMinute);
                wait > 0)
                return rateLimited(wait);
        }
        if (parsed->isEmpty() && (route.method == QHttpServerRequest::Method::Put || route.method == QHttpServerRequest::Method::Patch))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("nothing to change: send at least one field"),
                                   {{QStringLiteral("body"), QStringLiteral("is empty")}});
        ctx.body = *parsed;
    }
    return {};
}

RequestContext ApiServer::contextFor(const QHttpServerRequest &request, const QHash<QString, QString> &params, const QString &requestId)
{
    return RequestContext{request.url(), {}, params, std::nullopt, {},
                          auth::ClientInfo{request.remoteAddress().toString(), QString::fromUtf8(header(request, "User-Agent"))}, requestId, {}, {}, {}, {}, false, nullptr};
}

QHttpServerResponse ApiServer::invoke(const Route &route, RequestContext &ctx) const
{
    try {
        return route.handler(ctx);
    } catch (const std::exception &e) {
        return errorResponse(ErrorCode::Internal, QStringLiteral("the handler threw: %1").arg(QString::fromUtf8(e.what())));
    }
}

QHttpServerResponse ApiServer::process(const QHttpServerRequest &request, const QString &requestId, QByteArray *allowedOrigin,
                                       RequestContext *handled, const Route **deferred)
{
    if (auto refused = screen(request, allowedOrigin))
        return errorResponse(*refused);
    if (!allowedOrigin->isEmpty() && request.method() == QHttpServerRequest::Method::Options &&
        !header(request, "Access-Control-Request-Method").isEmpty()) {
        QHttpServerResponse pre(QHttpServerResponse::StatusCode::NoContent);
        pre.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        pre.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-Id");
        pre.setHeader("Access-Control-Max-Age", "600");
        return pre;
    }
    const QString path = request.url().path();
    const RouteTable::Match match = m_routes.match(request.method(), path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            const QString allow = match.allowedMethods.join(QStringLiteral(", "));
            auto r = errorResponse(ErrorCode::MethodNotAllowed, QStringLiteral("%1 is not allowed on %2; use %3")
                                                                    .arg(RouteTable::methodName(request.method()), path, allow));
            r.setHeader("Allow", allow.toLatin1());
            return r;
        }
        return errorResponse(ErrorCode::NotFound, QStringLiteral("no such endpoint: %1 %2").arg(RouteTable::methodName(request.method()), path));
    }
    // The query and path reach filters and lookups: refuse what no backend stores faithfully.
    if (const QString problem = core::json::textProblem(request.url().path(QUrl::FullyDecoded) + request.url().query(QUrl::FullyDecoded));
        !problem.isEmpty())
        return errorResponse(core::makeError(ErrorCode::InvalidArgument, QStringLiteral("the address %1").arg(problem),
                                             {{QStringLiteral("query"), problem}}));
    RequestContext &ctx = *handled;
    ctx = contextFor(request, match.params, requestId);
    if (auto st = admit(request, *match.route, ctx); !st)
        return errorResponse(st.error());
    if (m_routes.isOffThread(*match.route)) {
        *deferred = match.route; // the caller runs it on the pool
        return QHttpServerResponse(QHttpServerResponse::StatusCode::Accepted);
    }
    return invoke(*match.route, ctx);
}

QString ApiServer::requestIdOf(const QHttpServerRequest &request)
{
    // The client's id when it is 1-64 characters of [A-Za-z0-9._-], else a new one.
    const QByteArray given = header(request, "X-Request-Id");
    const bool valid = !given.isEmpty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
    return valid ? QString::fromLatin1(given) : newRequestId();
}

void ApiServer::decorate(QHttpServerResponse &response, const QString &requestId, const QByteArray &allowedOrigin)
{
    response.setHeader("X-Request-Id", requestId.toLatin1());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    if (response.mimeType().startsWith("text/html"))
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (!allowedOrigin.isEmpty()) {
        response.setHeader("Access-Control-Allow-Origin", allowedOrigin);
        response.setHeader("Vary", "Origin");
    }
    m_metrics.countRequest(int(response.statusCode()));
}

namespace {
// A generated file that goes away once it has been sent.
class RemovingFile final : public QFile
{
public:
    using QFile::QFile;
    ~RemovingFile() override
    {
        close();
        remove();
    }
};
} // namespace

void ApiServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString requestId = requestIdOf(request);
    const RequestScope scope(requestId, RouteTable::methodName(request.method()) + u' ' + request.url().path().left(200));
    QByteArray allowedOrigin;
    RequestContext ctx;
    const Route *deferred = nullptr;
    QHttpServerResponse response = process(request, requestId, &allowedOrigin, &ctx, &deferred);
    if (deferred) {
        respondFromPool(*deferred, std::move(ctx), requestId, allowedOrigin, std::move(responder));
        return;
    }
    std::unique_ptr<QFile> file;
    if (!ctx.streamFile.isEmpty()) {
        file.reset(ctx.removeStreamedFile ? new RemovingFile(ctx.streamFile) : new QFile(ctx.streamFile));
        if (response.statusCode() != QHttpServerResponse::StatusCode::Ok) {
            file.reset(); // a generated file goes all the same
        } else if (!file->open(QIODevice::ReadOnly)) {
            file.reset();
            response = errorResponse(ErrorCode::NotFound, QStringLiteral("the file is no longer available"));
        }
    }
    decorate(response, requestId, allowedOrigin);
    // Connection: close or HTTP/1.0 (RFC 9112 §9.6): the connection closes once this is sent.
    QTcpSocket *connection = GuardedTcpServer::currentConnection();
    const bool closing = GuardedTcpServer::willClose(connection);
    if (closing)
        response.setHeader("Connection", "close");
    if (!file) {
        response.write(std::move(responder));
        return;
    }
    if (closing) // after the last chunk: the transfer deletes the file when it is done
        GuardedTcpServer::closeWhenDestroyed(connection, file.get());
    // The file goes out in chunks as the socket drains (the responder deletes it after), under the
    // headers decorate() gave the response; Qt 6.4 takes them only as a braced list.
    auto h = [&response](const char *name) { return response.headers(name).value(0); };
    if (allowedOrigin.isEmpty())
        responder.write(file.release(), {{"Content-Type", response.mimeType()}, {"Content-Disposition", h("Content-Disposition")},
                                         {"X-Request-Id", h("X-Request-Id")}, {"X-Content-Type-Options", h("X-Content-Type-Options")},
                                         {"X-Frame-Options", h("X-Frame-Options")}, {"Referrer-Policy", h("Referrer-Policy")},
                                         {"Cache-Control", h("Cache-Control")}});
    else
        responder.write(file.release(), {{"Content-Type", response.mimeType()}, {"Content-Disposition", h("Content-Disposition")},
                                         {"X-Request-Id", h("X-Request-Id")}, {"X-Content-Type-Options", h("X-Content-Type-Options")},
                                         {"X-Frame-Options", h("X-Frame-Options")}, {"Referrer-Policy", h("Referrer-Policy")},
                                         {"Cache-Control", h("Cache-Control")}, {"Access-Control-Allow-Origin", h("Access-Control-Allow-Origin")},
                                         {"Vary", h("Vary")}});
}

namespace {
// The object of the HTTP thread running this code (each worker sets its own): answers computed
// on the pool are posted back to it. It outlives the pool's work: close() drains the pool first.
thread_local QObject *t_httpHome = nullptr;
} // namespace

void ApiServer::respondFromPool(const Route &route, RequestContext ctx, const QString &requestId, const QByteArray &allowedOrigin,
                                QHttpServerResponder &&responder)
{
    // Only the controller moves to the pool; the middleware has run here. The answer is written
    // back on this thread, to the connection if it is still there: a client that hung up while
    // its password was being hashed has its connection deleted, and nothing is written to it.
    // (Qt 6.4's QFuture routes keep a raw socket and the request by reference: they crashed then.)
    QPointer<QTcpSocket> guard(responder.socket());
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto context = std::make_shared<RequestContext>(std::move(ctx));
    const Route *r = &route;
    m_pool.start([this, r, context, requestId, allowedOrigin, home = t_httpHome, guard, pending]() mutable {
        QHttpServerResponse response = [&] {
            const RequestScope scope(requestId, RouteTable::methodName(r->method) + u' ' + r->path);
            return invoke(*r, *context);
        }();
        decorate(response, requestId, allowedOrigin);
        auto answer = std::make_shared<QHttpServerResponse>(std::move(response));
        // The responder goes with the answer: it is used and dropped on the HTTP thread.
        QMetaObject::invokeMethod(home, [guard, pending = std::move(pending), answer] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return; // the client went away: nothing to write to
            if (GuardedTcpServer::willClose(guard))
                answer->setHeader("Connection", "close");
            answer->write(std::move(*pending));
        }, Qt::QueuedConnection);
    });
}

core::Status ApiServer::listen(const ListenAddress &address)
{
    auto socket = GuardedTcpServer::bind(address, m_options.limits);
    if (!socket)
        return socket.error();
    (*socket)->setTls(m_options.tls);
    serve(std::move(socket).value(), address);
    return {};
}

// One HTTP thread: its own QHttpServer (Qt 6.4 serves all of a server's connections on the
// server's thread) fed by a non-listening GuardedTcpServer that adopts connections accepted on
// the listening socket. Everything a request touches is shared: the route table (read-only once
// serving), the services (stateless over per-thread database connections), the rate limiter
// and metrics (locked).
struct ApiServer::Worker {
    QThread thread;
    QObject *home = nullptr;   // lives in `thread`: the target of calls into it
    QHttpServer *http = nullptr;
    GuardedTcpServer *tcp = nullptr;
};

std::unique_ptr<ApiServer::Worker> ApiServer::startWorker(int index, const GuardedTcpServer &acceptor)
{
    auto w = std::make_unique<Worker>();
    w->thread.setObjectName(QStringLiteral("http-%1").arg(index));
    w->home = new QObject;
    w->home->moveToThread(&w->thread);
    w->thread.start();
    Worker *raw = w.get();
    // QHttpServer and its sockets are created in the thread that serves them.
    QMetaObject::invokeMethod(w->home, [this, raw, &acceptor] {
        raw->http = new QHttpServer(raw->home);
        QHttpServer *http = raw->http;
        // No QHttpServer routes: every request reaches the "missing" handler, which is our router.
        http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
        // Slow routes (password hashing) run on m_pool while this thread serves other requests;
        // their answers come back here (respondFromPool). (A client that pipelines requests on
        // one connection could see such an answer overtake the one before.)
        t_httpHome = raw->home;
        // WebSockets: Qt 6.4 upgrades only on a matched route whose handler writes nothing. One
        // rule for every channel (the hub refuses unknown ones): each QHttpServer rule is a
        // regular expression run on every request with its method.
        http->route(QStringLiteral("/ws/<arg>"), QHttpServerRequest::Method::Get,
                    [this](const QString &, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        if (header(request, "Upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
                            handle(request, std::move(responder)); // a plain GET: our router answers (404)
                    });
        // Handed over once the upgrade has unwound: the socket is busy in the stack that signals it.
        QObject::connect(http, &QHttpServer::newWebSocketConnection, http, [this, raw] {
            while (raw->http->hasPendingWebSocketConnections()) {
                QWebSocket *ws = raw->http->nextPendingWebSocketConnection().release();
                QMetaObject::invokeMethod(raw->http, [this, raw, ws] { handOver(std::unique_ptr<QWebSocket>(ws), raw->tcp); },
                                          Qt::QueuedConnection);
            }
        });
        raw->tcp = new GuardedTcpServer(m_options.limits);
        raw->tcp->setHeadScreen([this](const RequestHead &head, qint64 *maxBody, SpoolRequest *spool) { return screenHead(head, maxBody, spool); });
        raw->tcp->setTls(m_options.tls);
        raw->tcp->shareConnectionCount(acceptor);
        QObject::connect(raw->tcp, &GuardedTcpServer::rejected, raw->tcp, [this](int status) { m_metrics.countRequest(status); });
#ifdef Q_OS_UNIX
        // QHttpServer::bind warns about a server that is not listening; this one holds a copy of
        // the listening socket, paused: it never accepts, the acceptor does.
        if (raw->tcp->setSocketDescriptor(::dup(acceptor.socketDescriptor())))
            raw->tcp->pauseAccepting();
#endif
        http->bind(raw->tcp);
    }, Qt::BlockingQueuedConnection);
    return w;
}

void ApiServer::handOver(std::unique_ptr<QWebSocket> socket, GuardedTcpServer *from)
{
    // The hub and its sockets live on the ApiServer's thread: events are delivered from there.
    // Qt 6.4's QWebSocket does not own the connection it was upgraded from (it stays a child of
    // the server that adopted it), so both move, and the WebSocket takes the connection along.
    QWebSocket *ws = socket.release();
    ws->setParent(nullptr);
    QThread *target = m_hub->thread();
    QTcpSocket *connection = nullptr;
    for (QTcpSocket *c : from->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly))
        if (c->peerPort() == ws->peerPort() && c->peerAddress() == ws->peerAddress())
            connection = c;
    if (connection) {
        connection->setParent(nullptr);
        connection->moveToThread(target);
    }
    ws->moveToThread(target);
    QMetaObject::invokeMethod(m_hub.get(), [hub = m_hub.get(), ws, connection] {
        if (connection)
            connection->setParent(ws);
        hub->accept(std::unique_ptr<QWebSocket>(ws));
    }, Qt::QueuedConnection);
}

void ApiServer::serve(std::unique_ptr<GuardedTcpServer> socket, const ListenAddress &address)
{
    close();
    m_hub = std::make_unique<WebSocketHub>(m_engine, m_options.corsOrigins, m_wsTickets, m_options.allowWebSocketQueryToken);
    m_address = address;
    const QString port = QString::number(socket->serverPort());
    m_hosts = {QStringLiteral("127.0.0.1:") + port, QStringLiteral("localhost:") + port, QStringLiteral("[::1]:") + port,
               address.host.toLower() + u':' + port};
    for (const QString &h : std::as_const(m_options.allowedHosts))
        m_hosts << (h.contains(u':') && !h.startsWith(u'[') ? h.trimmed().toLower() : h.trimmed().toLower() + u':' + port)
                << h.trimmed().toLower();

    m_tcp = std::move(socket);
    connect(m_tcp.get(), &GuardedTcpServer::rejected, this, [this](int status) { m_metrics.countRequest(status); });
    const int threads = m_options.threads > 0 ? m_options.threads : std::clamp(QThread::idealThreadCount(), 1, 16);
    for (int i = 0; i < threads; ++i)
        m_workers.push_back(startWorker(i, *m_tcp));
    m_tcp->setDispatcher([this](qintptr descriptor) {
        GuardedTcpServer *target = m_workers[m_nextWorker++ % m_workers.size()]->tcp;
        QMetaObject::invokeMethod(target, [target, descriptor] { target->adopt(descriptor); }, Qt::QueuedConnection);
    });
    qCInfo(lcApi).noquote() << "listening on" << url().toString() << "with" << threads << "HTTP threads";
    Q_EMIT listeningChanged(true);
}

void ApiServer::close()
{
    if (!m_tcp)
        return;
    m_tcp->close(); // no new connections
    m_pool.waitForDone();
    for (auto &w : m_workers) {
        QMetaObject::invokeMethod(w->home, [raw = w.get()] {
            delete raw->http; // its sockets and the adopting server with it
            raw->http = nullptr;
            raw->tcp = nullptr;
        }, Qt::BlockingQueuedConnection);
        w->thread.quit();
        w->thread.wait();
        delete w->home;
    }
    m_workers.clear();
    m_tcp.reset();
    m_hub.reset();
    Q_EMIT listeningChanged(false);
}

bool ApiServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl ApiServer::url() const
{
    if (!isListening())
        return {};
    QUrl u;
    u.setScheme(m_tcp->isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(m_address.host == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : m_address.host);
    u.setPort(port());
    return u;
}

} // namespace fliptech::api
