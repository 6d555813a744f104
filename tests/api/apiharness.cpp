#include "apiharness.h"
#include "testenv.h"

#include <QTest>

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace fliptech::test {

QString HttpReply::code() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString HttpReply::message() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QJsonObject HttpReply::details() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
}

ApiHarness::ApiHarness() = default;

ApiHarness::~ApiHarness()
{
    stop();
}

core::Status ApiHarness::start(const storage::DatabaseUrl &database, api::ApiOptions options)
{
    stop();
    engine::Engine::Options o;
    o.database = database;
    o.workers = workers;
    o.secrets = &m_secrets;
    o.dataDir = m_dataDir.path();
    o.auth.argon2 = auth::Argon2Params{1, 1024, 1};
    m_engine = clock ? std::make_unique<engine::Engine>(o, *clock) : std::make_unique<engine::Engine>(o);
    if (auto st = m_engine->connect(); !st)
        return st;
    if (auto r = m_engine->migrate(); !r)
        return r.error();
    if (auto st = m_engine->start(); !st)
        return st;
    m_server = std::make_unique<api::ApiServer>(*m_engine, std::move(options));
    auto address = api::ListenAddress::parse(QStringLiteral("127.0.0.1:0"));
    return m_server->listen(*address);
}

void ApiHarness::stop()
{
    m_server.reset();
    m_engine.reset();
}

HttpReply ApiHarness::call(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(QUrl(m_server->url().toString() + path));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy); // a redirect is an answer to check
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *r = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply out;
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = r->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    for (const auto &h : r->rawHeaderPairs())
        out.headers.insert(h.first.toLower(), h.second);
    r->deleteLater();
    return out;
}

QString ApiHarness::dataDir() const
{
    return m_dataDir.path();
}

HttpReply ApiHarness::send(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h << qMakePair(QByteArrayLiteral("Authorization"), "Bearer " + token);
    return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

HttpReply ApiHarness::get(const QString &path, const QByteArray &token)
{
    return call("GET", path, {}, {{"Authorization", "Bearer " + token}});
}

QByteArray ApiHarness::login(const QString &email, const QString &password)
{
    const HttpReply r = send("POST", QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    FT_EXPECT(r.status == 200, r.body.constData());
    return r.json.value(QStringLiteral("access_token")).toString().toLatin1();
}

QHash<QString, QByteArray> ApiHarness::team()
{
    QHash<QString, QByteArray> t;
    const HttpReply first = send("POST", QStringLiteral("/api/v1/auth/register"),
                                 {{QStringLiteral("email"), QStringLiteral("boss@agency.example")}, {QStringLiteral("password"), adminPassword}});
    FT_EXPECT(first.status == 201, first.body.constData());
    t[QStringLiteral("admin")] = login(QStringLiteral("boss@agency.example"), adminPassword);
    if (QTest::currentTestFailed())
        return t;
    for (const QString &role : {QStringLiteral("user"), QStringLiteral("viewer")}) {
        const QString email = role + QStringLiteral("@agency.example");
        const HttpReply r = send("POST", QStringLiteral("/api/v1/users"),
                                 QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), memberPassword}, {QStringLiteral("role"), role}},
                                 t[QStringLiteral("admin")]);
        FT_EXPECT(r.status == 201, r.body.constData());
        t[role] = login(email, memberPassword);
        if (QTest::currentTestFailed())
            return t;
    }
    return t;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

void ApiTestBase::startApi(int workers, const core::Clock *clock)
{
    m_api = std::make_unique<ApiHarness>();
    m_api->workers = workers;
    m_api->clock = clock;
    auto st = m_api->start(m_tmp->url());
    QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
    m_t = m_api->team();
}

void ApiTestBase::closeAll()
{
    m_api.reset();
    m_tmp.reset();
}

HttpReply ApiTestBase::send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &role)
{
    return m_api->send(method, path, body, m_t.value(role));
}

HttpReply ApiTestBase::get(const QString &path, const QString &role)
{
    return m_api->get(path, m_t.value(role));
}

qint64 createSenderAccount(ApiTestBase &test, quint16 smtpPort, const QJsonObject &extra)
{
    QJsonObject f{{QStringLiteral("name"), QStringLiteral("Sam's mailbox")},
                  {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                  {QStringLiteral("from_name"), QStringLiteral("Sam")},
                  {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                  {QStringLiteral("smtp_port"), int(smtpPort)},
                  {QStringLiteral("smtp_security"), QStringLiteral("none")},
                  {QStringLiteral("min_gap_seconds"), 0},
                  {QStringLiteral("daily_limit"), 100000},
                  {QStringLiteral("hourly_limit"), 10000}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        f.insert(it.key(), it.value());
    const HttpReply r = test.send("POST", QStringLiteral("/api/v1/sender-accounts"), f, QStringLiteral("admin"));
    FT_EXPECT(r.status == 201, r.body.constData());
    return r.json.value(QStringLiteral("id")).toInteger();
}

} // namespace fliptech::test
