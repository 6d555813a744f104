#include "n8nserver.h"

#include "testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace fliptech::test {

N8nServer::~N8nServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // it stops its task runner too (~3 s)
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

QString N8nServer::installDir()
{
    const QString given = qEnvironmentVariable("FLIPTECH_N8N_DIR");
    return given.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache/fliptech/n8n-2.8.4") : given;
}

bool N8nServer::installed()
{
    return QFile::exists(installDir() + QStringLiteral("/node_modules/.bin/n8n"));
}

bool N8nServer::required()
{
    return qEnvironmentVariable("FLIPTECH_TEST_REQUIRE_N8N") == u"1";
}

N8nServer::Answer N8nServer::request(const QByteArray &method, const QString &url, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest r{QUrl(url)};
    r.setTransferTimeout(30000);
    for (const auto &[name, value] : headers)
        r.setRawHeader(name, value);
    const QByteArray data = body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!data.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(r, method, data);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.json = QJsonDocument::fromJson(a.body).object();
    for (const QByteArray &cookie : reply->rawHeaderList())
        if (cookie.compare("set-cookie", Qt::CaseInsensitive) == 0)
            for (const QByteArray &line : reply->rawHeader(cookie).split('\n'))
                if (line.startsWith("n8n-auth="))
                    m_cookie = line.left(line.indexOf(';'));
    reply->deleteLater();
    return a;
}

bool N8nServer::start()
{
    if (qEnvironmentVariable("FLIPTECH_TEST_N8N_STANDIN") == u"1")
        m_standInReason = QStringLiteral("FLIPTECH_TEST_N8N_STANDIN=1");
    else if (!installed())
        m_standInReason = QStringLiteral("n8n is not installed in %1 (scripts/test.sh installs it)").arg(installDir());
    if (m_standInReason.isEmpty()) {
        m_real = startReal();
        return m_real;
    }
    qInfo("no real n8n (%s): a local server speaking n8n's public API stands in", qPrintable(m_standInReason));
    return startStandIn();
}

bool N8nServer::startStandIn()
{
    const QString python = python3();
    if (python.isEmpty()) {
        m_error = QStringLiteral("no python3 for the n8n stand-in");
        return false;
    }
    m_port = freePort();
    m_apiKey = QUuid::createUuid().toByteArray(QUuid::Id128);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(python, {sourceDir() + QStringLiteral("/tests/support/n8nstandin.py"), QString::number(m_port), QString::fromLatin1(m_apiKey)});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("python3 did not start: %1").arg(m_process.errorString());
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 15000 && m_process.state() == QProcess::Running) {
        const Answer a = request("GET", baseUrl() + QStringLiteral("/rest/settings"), {}, {});
        if (a.status == 200)
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("the n8n stand-in did not start: %1").arg(QString::fromUtf8(m_process.readAll().right(500)));
    return false;
}

bool N8nServer::startReal()
{
    m_port = freePort();
    quint16 broker = freePort();
    while (broker == m_port)
        broker = freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QList<QPair<QString, QString>> settings{
        {QStringLiteral("N8N_USER_FOLDER"), m_dir.path()},
        {QStringLiteral("N8N_PORT"), QString::number(m_port)},
        {QStringLiteral("N8N_LISTEN_ADDRESS"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("N8N_RUNNERS_BROKER_PORT"), QString::number(broker)},
        {QStringLiteral("N8N_DIAGNOSTICS_ENABLED"), QStringLiteral("false")},
        {QStringLiteral("N8N_PERSONALIZATION_ENABLED"), QStringLiteral("false")},
        {QStringLiteral("N8N_SECURE_COOKIE"), QStringLiteral("false")},
        {QStringLiteral("N8N_VERSION_NOTIFICATIONS_ENABLED"), QStringLiteral("false")},
        {QStringLiteral("N8N_HIRING_BANNER_ENABLED"), QStringLiteral("false")},
        {QStringLiteral("WEBHOOK_URL"), baseUrl() + u'/'},
    };
    for (const auto &[name, value] : settings)
        env.insert(name, value);
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("n8n.log")));
    m_process.start(installDir() + QStringLiteral("/node_modules/.bin/n8n"), {QStringLiteral("start")});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("n8n did not start: %1").arg(m_process.errorString());
        return false;
    }
    // Ready when /rest/settings answers JSON with "userManagement" (earlier 200s are placeholders).
    QElapsedTimer waited;
    waited.start();
    bool ready = false;
    while (!ready && waited.elapsed() < 120000 && m_process.state() == QProcess::Running) {
        const Answer a = request("GET", baseUrl() + QStringLiteral("/rest/settings"), {}, {});
        ready = a.status == 200 && a.body.contains("\"userManagement\"");
        if (!ready)
            QThread::msleep(250);
    }
    if (!ready) {
        QFile log(m_dir.filePath(QStringLiteral("n8n.log")));
        m_error = QStringLiteral("n8n was not ready on port %1 within 120 s: %2").arg(m_port).arg(log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(1500)) : QString());
        return false;
    }
    Answer owner = request("POST", baseUrl() + QStringLiteral("/rest/owner/setup"),
                           {{QStringLiteral("email"), QStringLiteral("owner@studio.example")},
                            {QStringLiteral("firstName"), QStringLiteral("Test")},
                            {QStringLiteral("lastName"), QStringLiteral("Owner")},
                            {QStringLiteral("password"), QStringLiteral("Owner-passw0rd")}},
                           {});
    if (owner.status != 200 || m_cookie.isEmpty()) {
        m_error = QStringLiteral("n8n refused the owner set-up (%1): %2").arg(owner.status).arg(QString::fromUtf8(owner.body.left(500)));
        return false;
    }
    Answer key = request("POST", baseUrl() + QStringLiteral("/rest/api-keys"),
                         {{QStringLiteral("label"), QStringLiteral("fliptech tests")},
                          {QStringLiteral("scopes"), QJsonArray{QStringLiteral("workflow:create"), QStringLiteral("workflow:read"), QStringLiteral("workflow:list"),
                                                                QStringLiteral("workflow:update"), QStringLiteral("workflow:activate"),
                                                                QStringLiteral("workflow:deactivate"), QStringLiteral("execution:list"), QStringLiteral("execution:read")}},
                          {QStringLiteral("expiresAt"), QJsonValue()}},
                         {{"Cookie", m_cookie}});
    m_apiKey = key.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("rawApiKey")).toString().toUtf8();
    if (m_apiKey.isEmpty()) {
        m_error = QStringLiteral("n8n made no API key (%1): %2").arg(key.status).arg(QString::fromUtf8(key.body.left(500)));
        return false;
    }
    return true;
}

N8nServer::Answer N8nServer::api(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return request(method, baseUrl() + QStringLiteral("/api/v1") + path, body, {{"X-N8N-API-KEY", m_apiKey}, {"Accept", "application/json"}});
}

QString N8nServer::createWorkflow(const QString &name, const QString &path, const QString &method, const QJsonArray &next)
{
    QJsonObject trigger;
    if (path.isEmpty())
        trigger = {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                   {QStringLiteral("name"), QStringLiteral("Start")},
                   {QStringLiteral("type"), QStringLiteral("n8n-nodes-base.manualTrigger")},
                   {QStringLiteral("typeVersion"), 1},
                   {QStringLiteral("position"), QJsonArray{0, 0}},
                   {QStringLiteral("parameters"), QJsonObject()}};
    else
        trigger = {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                   {QStringLiteral("name"), QStringLiteral("Webhook")},
                   {QStringLiteral("type"), QStringLiteral("n8n-nodes-base.webhook")},
                   {QStringLiteral("typeVersion"), 2},
                   {QStringLiteral("position"), QJsonArray{0, 0}},
                   {QStringLiteral("webhookId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                   {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("httpMethod"), method},
                                                              {QStringLiteral("path"), path},
                                                              {QStringLiteral("responseMode"), QStringLiteral("onReceived")},
                                                              {QStringLiteral("options"), QJsonObject()}}}};
    QJsonArray nodes{trigger};
    QJsonObject connections;
    QString previous = trigger.value(QStringLiteral("name")).toString();
    for (const QJsonValue &n : next) {
        nodes.append(n);
        const QString current = n.toObject().value(QStringLiteral("name")).toString();
        connections.insert(previous, QJsonObject{{QStringLiteral("main"), QJsonArray{QJsonArray{QJsonObject{
                                                      {QStringLiteral("node"), current}, {QStringLiteral("type"), QStringLiteral("main")}, {QStringLiteral("index"), 0}}}}}});
        previous = current;
    }
    const Answer a = api("POST", QStringLiteral("/workflows"),
                         {{QStringLiteral("name"), name},
                          {QStringLiteral("nodes"), nodes},
                          {QStringLiteral("connections"), connections},
                          {QStringLiteral("settings"), QJsonObject{{QStringLiteral("executionOrder"), QStringLiteral("v1")}}}});
    if (a.status != 200) {
        m_error = QStringLiteral("n8n refused the workflow (%1): %2").arg(a.status).arg(QString::fromUtf8(a.body.left(500)));
        return {};
    }
    return a.json.value(QStringLiteral("id")).toString();
}

} // namespace fliptech::test
