// The HTTP API's platform as a client meets it: every route's authentication, roles,
// validation, errors, CORS, Host check, rate limits and the OpenAPI document.
#include "fliptech/api/apiserver.h"
#include "fliptech/auth/authservice.h"
#include "fliptech/engine/engine.h"
#include "apiharness.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace fliptech;

namespace {
using Reply = test::HttpReply;
const QString kAdminPwd = test::ApiHarness::adminPassword;
const QString kPwd = test::ApiHarness::memberPassword;
} // namespace

class TestAuthApi final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    test::ApiHarness m_api;

    void start(api::ApiOptions options = {})
    {
        auto st = m_api.start(m_tmp->url(), std::move(options));
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
    }
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_api.call(method, path, body, headers);
    }
    Reply post(const QString &path, const QJsonObject &body, const QByteArray &token = {}) { return m_api.send("POST", path, body, token); }
    Reply get(const QString &path, const QByteArray &token) { return m_api.get(path, token); }
    QByteArray login(const QString &email, const QString &password) { return m_api.login(email, password); }
    QHash<QString, QByteArray> team() { return m_api.team(); }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_api.stop();
        m_tmp.reset();
    }

    void everyRouteNeedsCredentialsExceptThePublicOnes()
    {
        start();
        (void)team(); // with users, registering is for admins only
        const QSet<QString> publicRoutes{QStringLiteral("POST /api/v1/auth/login"), QStringLiteral("POST /api/v1/auth/refresh"),
                                         QStringLiteral("POST /api/v1/auth/forgot-password"), QStringLiteral("POST /api/v1/auth/reset-password"),
                                         QStringLiteral("GET /api/v1/health"), QStringLiteral("GET /metrics"),
                                         QStringLiteral("GET /api/v1/openapi.json"), QStringLiteral("GET /t/o/{token}"), QStringLiteral("GET /t/c/{token}"),
                                         QStringLiteral("GET /u/{token}"), QStringLiteral("POST /u/{token}")};
        FT_STOP_IF_FAILED();
        int checked = 0;
        for (const api::Route &r : m_api.server().routes().routes()) {
            const QString method = api::RouteTable::methodName(r.method);
            const QString path = QString(r.path).replace(QRegularExpression(QStringLiteral("\\{[a-z_]+\\}")), QStringLiteral("1"));
            const QString name = method + u' ' + r.path;
            const Reply reply = call(method.toLatin1(), path, r.requestSchema.isEmpty() ? QByteArray() : QByteArray("{}"));
            if (publicRoutes.contains(name))
                QVERIFY2(reply.status != 401, qPrintable(name));
            else {
                QVERIFY2(reply.status == 401, qPrintable(name + QStringLiteral(" answered %1").arg(reply.status)));
                QCOMPARE(reply.code(), QStringLiteral("unauthorized"));
                QCOMPARE(reply.headers.value("www-authenticate"), QByteArray("Bearer"));
            }
            ++checked;
        }
        QVERIFY(checked >= 18);
    }

    void registerIsPublicOnlyForTheFirstUser()
    {
        start();
        const QJsonObject second{{QStringLiteral("email"), QStringLiteral("second@agency.example")}, {QStringLiteral("password"), kPwd}};
        const Reply first = post(QStringLiteral("/api/v1/auth/register"),
                                 {{QStringLiteral("email"), QStringLiteral("boss@agency.example")}, {QStringLiteral("password"), kAdminPwd}});
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(post(QStringLiteral("/api/v1/auth/register"), second).status, 401);
        const QByteArray admin = login(QStringLiteral("boss@agency.example"), kAdminPwd);
        FT_STOP_IF_FAILED();
        const Reply made = post(QStringLiteral("/api/v1/auth/register"), second, admin);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
        const QByteArray user = login(QStringLiteral("second@agency.example"), kPwd);
        FT_STOP_IF_FAILED();
        QCOMPARE(post(QStringLiteral("/api/v1/auth/register"),
                      {{QStringLiteral("email"), QStringLiteral("third@agency.example")}, {QStringLiteral("password"), kPwd}}, user).status, 403);
    }

    void roleMatrix()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        // Everyone reads their profile.
        for (const QString &who : {QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")})
            QCOMPARE(get(QStringLiteral("/api/v1/auth/me"), t[who]).status, 200);
        // Viewers cannot write.
        const QJsonObject key{{QStringLiteral("name"), QStringLiteral("ci")}};
        QCOMPARE(post(QStringLiteral("/api/v1/auth/api-keys"), key, t[QStringLiteral("viewer")]).status, 403);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/api-keys"), key, t[QStringLiteral("user")]).status, 201);
        // Users cannot administer.
        QCOMPARE(get(QStringLiteral("/api/v1/users"), t[QStringLiteral("user")]).status, 403);
        const Reply forbidden = get(QStringLiteral("/api/v1/users"), t[QStringLiteral("viewer")]);
        QCOMPARE(forbidden.code(), QStringLiteral("forbidden"));
        QVERIFY(forbidden.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("admin")));
        const Reply list = get(QStringLiteral("/api/v1/users"), t[QStringLiteral("admin")]);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 3);
    }

    void apiKeyScopesAreEnforcedOnEveryRoute()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        struct Key {
            QString owner;
            QStringList scopes;
            QByteArray plain;
        };
        QList<Key> keys{{QStringLiteral("admin"), {QStringLiteral("read")}, {}},
                        {QStringLiteral("admin"), {QStringLiteral("write")}, {}},
                        {QStringLiteral("admin"), {QStringLiteral("leads:read")}, {}},
                        {QStringLiteral("admin"), {QStringLiteral("admin")}, {}},
                        {QStringLiteral("admin"), {QStringLiteral("metrics")}, {}},
                        {QStringLiteral("user"), {QStringLiteral("tags:write")}, {}}};
        for (Key &k : keys) {
            const Reply made = post(QStringLiteral("/api/v1/auth/api-keys"),
                                    {{QStringLiteral("name"), k.scopes.join(u' ')}, {QStringLiteral("scopes"), QJsonArray::fromStringList(k.scopes)}},
                                    t[k.owner]);
            QVERIFY2(made.status == 201, made.body.constData());
            k.plain = made.json.value(QStringLiteral("key")).toString().toLatin1();
        }
        // A key never holds more than its owner, nor makes keys.
        QCOMPARE(post(QStringLiteral("/api/v1/auth/api-keys"), {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("admin")}}},
                      t[QStringLiteral("user")]).status, 403);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/api-keys"), {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("root")}}},
                      t[QStringLiteral("user")]).status, 422);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/api-keys"), {{QStringLiteral("name"), QStringLiteral("more")}}, keys[3].plain).status, 403);

        // Every route of the table, with every key: refused for lack of scope exactly when the
        // scope rules say so (ids that exist nowhere: an allowed call ends in 404 or 422).
        int checked = 0;
        for (const api::Route &route : m_api.server().routes().routes()) {
            if (!route.role && route.path != QLatin1String("/metrics"))
                continue;
            QString path = route.path;
            path.replace(QRegularExpression(QStringLiteral("\\{[a-z_]+\\}")), QStringLiteral("987654"));
            const QByteArray method = api::RouteTable::methodName(route.method).toLatin1();
            const bool reads = method == "GET";
            for (const Key &k : keys) {
                const bool ownerMay = !route.role || (k.owner == QLatin1String("admin") || *route.role != auth::Role::Admin);
                const bool allowed = ownerMay && api::scopesAllow(k.scopes, route);
                QList<QPair<QByteArray, QByteArray>> headers{{"X-API-Key", k.plain}};
                if (!reads)
                    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
                const Reply r = call(method, path, reads ? QByteArray() : QByteArray("{\"probe\":1}"), headers);
                const bool scopeRefused = r.status == 403 && r.details().contains(QStringLiteral("required_scope"));
                QVERIFY2(scopeRefused == (!allowed && ownerMay),
                         qPrintable(QStringLiteral("%1 %2 with %3: %4 %5").arg(QString::fromLatin1(method), route.path, k.scopes.join(u','))
                                        .arg(r.status).arg(QString::fromUtf8(r.body.left(200)))));
                if (!ownerMay)
                    QCOMPARE(r.status, 403);
                QVERIFY2(r.status < 500, r.body.constData());
                ++checked;
            }
        }
        QVERIFY(checked > 200);
        // Metrics with a metrics key; a read key is not enough.
        QCOMPARE(call("GET", QStringLiteral("/metrics"), {}, {{"Authorization", "Bearer " + keys[4].plain}}).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/metrics"), {}, {{"Authorization", "Bearer " + keys[0].plain}}).status, 403);
    }

    void temporaryPasswordOpensOnlyThePasswordChange()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        const qint64 userId = get(QStringLiteral("/api/v1/auth/me"), t[QStringLiteral("user")]).json.value(QStringLiteral("id")).toInteger();
        const QString path = QStringLiteral("/api/v1/users/%1/temporary-password").arg(userId);
        QCOMPARE(post(path, {{QStringLiteral("password"), QStringLiteral("temporary but long")}}, t[QStringLiteral("user")]).status, 403);
        QCOMPARE(post(path, {{QStringLiteral("password"), QStringLiteral("temporary but long")}}, t[QStringLiteral("admin")]).status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/auth/me"), t[QStringLiteral("user")]).status, 401); // the old session ended
        const QByteArray temp = m_api.login(QStringLiteral("user@agency.example"), QStringLiteral("temporary but long"));
        FT_STOP_IF_FAILED();
        QVERIFY(!temp.isEmpty());
        const Reply me = get(QStringLiteral("/api/v1/auth/me"), temp);
        QCOMPARE(me.status, 200);
        QVERIFY(me.json.value(QStringLiteral("must_change_password")).toBool());
        const Reply blocked = get(QStringLiteral("/api/v1/leads"), temp);
        QCOMPARE(blocked.status, 403);
        QVERIFY(blocked.message().contains(QStringLiteral("temporary password")));
        const Reply changed = m_api.send("PUT", QStringLiteral("/api/v1/auth/me"),
                                         {{QStringLiteral("current_password"), QStringLiteral("temporary but long")},
                                          {QStringLiteral("password"), QStringLiteral("chosen by the member")}}, temp);
        QVERIFY2(changed.status == 200, changed.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/leads"), temp).status, 200);
        // The activity log names who set it, for admins.
        bool logged = false;
        for (const auto &e : get(QStringLiteral("/api/v1/activity/recent"), t[QStringLiteral("admin")]).json.value(QStringLiteral("items")).toArray())
            logged |= e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("temporary_password_set");
        QVERIFY(logged);
    }

    void deactivatedUsersAndRevokedKeysAreRefusedAtOnce()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        const Reply key = post(QStringLiteral("/api/v1/auth/api-keys"), {{QStringLiteral("name"), QStringLiteral("zap")}}, t[QStringLiteral("user")]);
        const QByteArray plain = key.json.value(QStringLiteral("key")).toString().toLatin1();
        QVERIFY(plain.startsWith("ftp_"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/auth/me"), {}, {{"X-API-Key", plain}}).status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/auth/me"), plain).status, 200); // Bearer ftp_... works too
        const qint64 keyId = key.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/auth/api-keys/%1").arg(keyId), {}, {{"Authorization", "Bearer " + t[QStringLiteral("user")]}}).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/auth/me"), {}, {{"X-API-Key", plain}}).status, 401);

        const qint64 viewerId = get(QStringLiteral("/api/v1/auth/me"), t[QStringLiteral("viewer")]).json.value(QStringLiteral("id")).toInteger();
        const Reply off = call("PUT", QStringLiteral("/api/v1/users/%1").arg(viewerId), R"({"is_active":false})",
                               {{"Authorization", "Bearer " + t[QStringLiteral("admin")]}});
        QCOMPARE(off.status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/auth/me"), t[QStringLiteral("viewer")]).status, 401);
    }

    void forgedTokensAreRefused()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        const QList<QByteArray> parts = t[QStringLiteral("admin")].split('.');
        const QByteArray none = QByteArray(R"({"alg":"none","typ":"JWT","kid":"k1"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                                + '.' + parts[1] + '.';
        const QByteArrayList forged{none, QByteArray(parts[0] + '.' + parts[1] + ".AAAA"), QByteArray("garbage"),
                                    QByteArray(parts[0] + '.' + parts[0] + '.' + parts[2])};
        for (const QByteArray &token : forged) {
            const Reply r = get(QStringLiteral("/api/v1/auth/me"), token);
            QCOMPARE(r.status, 401);
            QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().startsWith(QStringLiteral("invalid token")));
        }
    }

    void refreshReuseOverHttp()
    {
        start();
        (void)team();
        FT_STOP_IF_FAILED();
        const Reply first = post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), QStringLiteral("boss@agency.example")},
                                                                         {QStringLiteral("password"), kAdminPwd}});
        const QString refresh = first.json.value(QStringLiteral("refresh_token")).toString();
        const Reply second = post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(second.status, 200);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refresh}}).status, 401);
        QCOMPARE(get(QStringLiteral("/api/v1/auth/me"), second.json.value(QStringLiteral("access_token")).toString().toLatin1()).status, 401);
    }

    void bruteForceAnswers429WithRetryAfter()
    {
        start();
        (void)team();
        FT_STOP_IF_FAILED();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), QStringLiteral("boss@agency.example")},
                                                                  {QStringLiteral("password"), QStringLiteral("wrong guess %1").arg(i)}}).status, 401);
        const Reply locked = post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), QStringLiteral("boss@agency.example")},
                                                                          {QStringLiteral("password"), kAdminPwd}});
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.code(), QStringLiteral("rate_limited"));
        QVERIFY(locked.headers.value("retry-after").toInt() > 800);
    }

    void badBodiesAreClearErrors()
    {
        start();
        const auto t = team();
        FT_STOP_IF_FAILED();
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + t[QStringLiteral("admin")]}};
        Reply r = call("POST", QStringLiteral("/api/v1/auth/login"), "{\"email\": \"a@b.c\", ");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("malformed JSON at offset")), r.body.constData());
        r = call("POST", QStringLiteral("/api/v1/auth/login"), "[1,2]");
        QCOMPARE(r.status, 400);
        r = call("POST", QStringLiteral("/api/v1/auth/login"), R"({"email": 42, "password": true})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("validation_failed"));
        QCOMPARE(r.details().value(QStringLiteral("email")).toString(), QStringLiteral("must be a string, not number"));
        QCOMPARE(r.details().value(QStringLiteral("password")).toString(), QStringLiteral("must be a string, not boolean"));
        r = call("POST", QStringLiteral("/api/v1/auth/login"), R"({"email": "a@b.c"})");
        QCOMPARE(r.details().value(QStringLiteral("password")).toString(), QStringLiteral("is required"));
        r = call("POST", QStringLiteral("/api/v1/users"), R"({"email":"x@agency.example","password":"long enough pass","role":"user","is_admin":true})", auth);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.details().value(QStringLiteral("is_admin")).toString(), QStringLiteral("unknown field"));
        r = call("POST", QStringLiteral("/api/v1/users"), R"({"email":"x@agency.example","password":"long enough pass","role":"root"})", auth);
        QVERIFY(r.details().value(QStringLiteral("role")).toString().startsWith(QStringLiteral("must be one of")));
        r = call("POST", QStringLiteral("/api/v1/auth/login"), "email=a&password=b", {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 400);
        r = call("POST", QStringLiteral("/api/v1/auth/login"), "{\"email\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}");
        QCOMPARE(r.status, 413);
        // SQL in a field is just a wrong password.
        r = post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), QStringLiteral("' OR 1=1 --")}, {QStringLiteral("password"), QStringLiteral("x")}});
        QCOMPARE(r.status, 401);
        QCOMPARE(get(QStringLiteral("/api/v1/users"), t[QStringLiteral("admin")]).json.value(QStringLiteral("total")).toInt(), 3);
    }

    void corsAndHostChecks()
    {
        api::ApiOptions o;
        o.corsOrigins = {QStringLiteral("http://localhost:5173")};
        start(o);
        Reply r = call("OPTIONS", QStringLiteral("/api/v1/auth/login"), {},
                       {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.headers.value("access-control-allow-origin"), QByteArray("http://localhost:5173"));
        QVERIFY(r.headers.value("access-control-allow-headers").contains("Authorization"));
        r = call("OPTIONS", QStringLiteral("/api/v1/auth/login"), {}, {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(r.status, 403);
        QVERIFY(!r.headers.contains("access-control-allow-origin"));
        r = call("GET", QStringLiteral("/api/v1/health"), {}, {{"Origin", "http://localhost:5173"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("vary"), QByteArray("Origin"));
        r = call("GET", QStringLiteral("/api/v1/health"), {}, {{"Host", "attacker.example"}});
        QCOMPARE(r.status, 403);
        QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("attacker.example")));
    }

    void securityHeadersAndRequestId()
    {
        start();
        Reply r = call("GET", QStringLiteral("/api/v1/health"), {}, {{"X-Request-Id", "trace-123"}});
        QCOMPARE(r.headers.value("x-request-id"), QByteArray("trace-123"));
        QCOMPARE(r.headers.value("x-frame-options"), QByteArray("DENY"));
        QCOMPARE(r.headers.value("referrer-policy"), QByteArray("no-referrer"));
        QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
        r = call("GET", QStringLiteral("/api/v1/health"), {}, {{"X-Request-Id", "bad id with spaces"}});
        QVERIFY(!r.headers.value("x-request-id").isEmpty());
        QVERIFY(r.headers.value("x-request-id") != "bad id with spaces");
    }

    void rateLimitPerCaller()
    {
        api::ApiOptions o;
        o.rateLimitPerMinute = 5;
        start(o);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(call("GET", QStringLiteral("/api/v1/health")).status, 200);
        const Reply r = call("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.value("retry-after").toInt() >= 1);
    }

    void openApiDocumentsEveryRouteAndLints()
    {
        start();
        const Reply r = call("GET", QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        const QJsonObject paths = r.json.value(QStringLiteral("paths")).toObject();
        for (const api::Route &route : m_api.server().routes().routes())
            QVERIFY2(paths.value(route.path).toObject().contains(api::RouteTable::methodName(route.method).toLower()), qPrintable(route.path));
        QVERIFY(paths.value(QStringLiteral("/api/v1/auth/login")).toObject().value(QStringLiteral("post")).toObject()
                    .value(QStringLiteral("security")).toArray().isEmpty());
        const QString validator = qEnvironmentVariable("FLIPTECH_OPENAPI_VALIDATOR");
        if (validator.isEmpty()) {
            if (test::postgresRequired())
                QFAIL("FLIPTECH_OPENAPI_VALIDATOR is not set (scripts/test.sh installs the linter)");
            QSKIP("no OpenAPI linter (scripts/test.sh installs @apidevtools/swagger-cli)");
        }
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("openapi.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.body);
        f.close();
        QProcess lint;
        lint.start(validator, {QStringLiteral("validate"), f.fileName()});
        QVERIFY(lint.waitForFinished(120000));
        const QByteArray output = lint.readAllStandardOutput() + lint.readAllStandardError();
        QVERIFY2(lint.exitCode() == 0, output.constData());
    }
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
