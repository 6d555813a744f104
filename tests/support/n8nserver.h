#pragma once
// n8n for tests (../shared/recipes/n8n.md). A real one where it is installed: n8n 2.8.4 from npm,
// put by scripts/test.sh into a cache folder outside the clone (FLIPTECH_N8N_DIR, else
// ~/.cache/fliptech/n8n-2.8.4), started headless on free ports of 127.0.0.1 with its own empty user
// folder, an owner made and an API key for its public REST API. Where it is not installed (or
// FLIPTECH_TEST_N8N_STANDIN=1), a local server speaking n8n's public API and production webhooks
// (n8nstandin.py) stands in; it runs no node after a trigger, so the cases that need a
// workflow's nodes to act ask isReal() and skip (or fail, when FLIPTECH_TEST_REQUIRE_N8N=1:
// scripts/test.sh installed the real one).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace fliptech::test {

class N8nServer final
{
public:
    N8nServer() = default;
    ~N8nServer();
    static QString installDir();
    static bool installed();
    static bool required(); // FLIPTECH_TEST_REQUIRE_N8N=1

    // Starts the real one (an owner and an API key made) or the stand-in: false (and why, in
    // error()) when neither starts.
    bool start();
    bool isReal() const { return m_real; }
    // Why the real one is not used (empty when it is).
    QString standInReason() const { return m_standInReason; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QByteArray apiKey() const { return m_apiKey; }
    QString error() const { return m_error; }

    struct Answer {
        int status = 0;
        QJsonObject json;
        QByteArray body;
    };
    // A call to n8n's public API (/api/v1 + path) with the key, JSON in and out; waits for it on
    // a local event loop.
    Answer api(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    // Creates a workflow whose Webhook trigger takes `method` at `path` and then runs `next`
    // (nodes after the trigger, the first connected to it; none for a bare trigger); with an
    // empty `path`, a workflow with a manual trigger only. Its id (empty, and error(), if refused).
    QString createWorkflow(const QString &name, const QString &path, const QString &method = QStringLiteral("POST"), const QJsonArray &next = {});

private:
    bool startReal();
    bool startStandIn();
    Answer request(const QByteArray &method, const QString &url, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers);

    QProcess m_process;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QByteArray m_apiKey;
    QByteArray m_cookie;
    QString m_error;
    QString m_standInReason;
    bool m_real = false;
    QNetworkAccessManager m_nam;
};

} // namespace fliptech::test
