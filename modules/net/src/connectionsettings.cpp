#include "fliptech/net/connectionsettings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace fliptech::net {

core::Result<QSslConfiguration> loadServerTls(const QString &certFile, const QString &keyFile)
{
    const auto certs = QSslCertificate::fromPath(certFile, QSsl::Pem);
    if (certs.isEmpty())
        return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("TLS certificate %1: no PEM certificate could be read").arg(certFile));
    QFile f(keyFile);
    if (!f.open(QIODevice::ReadOnly))
        return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("TLS key %1: %2").arg(keyFile, f.errorString()));
    const QByteArray pem = f.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("TLS key %1: not an unencrypted PEM RSA or EC private key").arg(keyFile));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(certs);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

core::Result<QStringList> parseProxyList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    static const QStringList schemes{QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("socks4"), QStringLiteral("socks4a"), QStringLiteral("socks5"),
                                     QStringLiteral("socks5h")};
    QStringList out;
    for (const QString &item : text.split(separators, Qt::SkipEmptyParts)) {
        const QUrl url(item, QUrl::StrictMode);
        if (!url.isValid() || !schemes.contains(url.scheme().toLower()) || url.host().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/")) ||
            url.hasQuery() || url.hasFragment())
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   QStringLiteral("proxy \"%1\" is not a proxy address: write it as http://host:port or socks5://host:port").arg(item));
        if (url.port() == 0)
            return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("proxy \"%1\": the port must be from 1 to 65535").arg(item));
        out << item;
    }
    return out;
}

} // namespace fliptech::net
