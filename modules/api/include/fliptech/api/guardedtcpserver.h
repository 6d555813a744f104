#pragma once
// GuardedTcpServer: the listening socket handed to QHttpServer. QHttpServer 6.4 keeps every
// connection open forever and buffers bodies without limit, so this server closes idle
// connections, caps how many are open, and cuts off a request that grows past a byte budget.

#include "fliptech/api/listenaddress.h"
#include "fliptech/core/error.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

namespace fliptech::api {

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits {
        int maxConnections = 512;
        int idleTimeoutMs = 30000;
        qint64 maxRequestBytes = (1 << 20) + (64 << 10); // 1 MiB body + headers
        // File uploads (POST /api/v1/uploads/...) may be larger: a CSV of a million leads.
        qint64 maxUploadBytes = (200LL << 20) + (64 << 10);
    };
    // TLS for every connection (--tls-cert/--tls-key); a null configuration serves plain HTTP.
    void setTls(const QSslConfiguration &tls) { m_tls = tls; }
    bool isTls() const { return !m_tls.isNull(); }
    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);
    // A listening server on `address`, or why not ("cannot listen on ...: address in use").
    static core::Result<std::unique_ptr<GuardedTcpServer>> bind(const ListenAddress &address, Limits limits);
    int openConnections() const { return m_open; }

Q_SIGNALS:
    // A connection was refused or cut: the HTTP status that was sent (413, 503).
    void rejected(int status);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Limits m_limits;
    QSslConfiguration m_tls;
    int m_open = 0;
};

} // namespace fliptech::api
