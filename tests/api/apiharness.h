#pragma once
// ApiHarness: what the API tests share — an engine on a test database (no job workers, fast
// password hashing, an in-memory secret store), the ApiServer on a free loopback port, and an
// HTTP client that waits for each answer on the event loop the server runs on.

#include "fliptech/api/apiserver.h"
#include "fliptech/engine/engine.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QTemporaryDir>

#include <memory>

namespace fliptech::test {

struct HttpReply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString code() const;                  // error.code of the envelope
    QString message() const;               // error.message
    QJsonObject details() const;           // error.details
};

// JSON written as JSON in the source: J({"a": 1}) is the string "{\"a\": 1}".
#define J(...) #__VA_ARGS__

// The object a JSON text holds (empty when it holds none).
QJsonObject json(const char *text);

class ApiHarness final
{
public:
    ApiHarness();
    ~ApiHarness();
    // Connects, migrates and starts the engine, then serves the API on 127.0.0.1:<free port>.
    core::Status start(const storage::DatabaseUrl &database, api::ApiOptions options = {});
    void stop();
    engine::Engine &engine() { return *m_engine; }
    api::ApiServer &server() { return *m_server; }
    const api::ApiServer &server() const { return *m_server; }
    MemorySecretStore &secrets() { return m_secrets; }

    HttpReply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // JSON in, with an optional Bearer token.
    HttpReply send(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token = {});
    HttpReply get(const QString &path, const QByteArray &token);
    // Signs in; the access token (empty, and a test failure, when refused).
    QByteArray login(const QString &email, const QString &password);
    // Registers the first admin and creates a user and a viewer: their access tokens by role.
    QHash<QString, QByteArray> team();
    static inline const QString adminPassword = QStringLiteral("the admin's long password");
    static inline const QString memberPassword = QStringLiteral("a member's long password");

    int workers = 0;         // job workers of the next start() (0: jobs stay queued for the test)
    const core::Clock *clock = nullptr; // the engine's clock (null: the system's)
    QString dataDir() const; // files, uploads: a temporary folder per harness

private:
    MemorySecretStore m_secrets;
    QTemporaryDir m_dataDir;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<api::ApiServer> m_server;
    QNetworkAccessManager m_nam;
};

// What an API test class does in every case: a test database, the harness started on it with a
// team signed in (admin, user, viewer), and calls as one of them. Derive; init() makes m_tmp and
// checks it (FLIPTECH_REQUIRE_DATABASE), cleanup() calls closeAll(), a case calls startApi().
class ApiTestBase
{
    friend qint64 createSenderAccount(ApiTestBase &, quint16, const QJsonObject &);

protected:
    void startApi(int workers = 0, const core::Clock *clock = nullptr);
    void closeAll();
    HttpReply send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &role = QStringLiteral("user"));
    HttpReply get(const QString &path, const QString &role = QStringLiteral("user"));

    std::unique_ptr<TempDatabase> m_tmp;
    std::unique_ptr<ApiHarness> m_api;
    QHash<QString, QByteArray> m_t;
};

// An SMTP sender account "Sam's mailbox" <sam@studio.example> at 127.0.0.1:`smtpPort` (no TLS,
// limits out of the way), created by the admin through the API; `extra` adds or replaces
// fields. Its id (0, and a failed check, when refused).
qint64 createSenderAccount(ApiTestBase &test, quint16 smtpPort, const QJsonObject &extra = {});

} // namespace fliptech::test
