#include "fliptech/api/listenaddress.h"

namespace fliptech::api {

core::Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(u':');
    auto bad = [&](const QString &why) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               QStringLiteral("--listen '%1': %2 (expected HOST:PORT, e.g. 127.0.0.1:8484)").arg(t, why));
    };
    if (colon <= 0)
        return bad(QStringLiteral("no port"));
    QString host = t.left(colon);
    bool ok = false;
    const uint port = t.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return bad(QStringLiteral("the port must be a number from 0 to 65535"));
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    ListenAddress la;
    la.host = host;
    la.port = quint16(port);
    if (host == QLatin1String("localhost"))
        la.address = QHostAddress(QHostAddress::LocalHost);
    else if (!la.address.setAddress(host))
        return bad(QStringLiteral("'%1' is not an IP address (or 'localhost')").arg(host));
    return la;
}

} // namespace fliptech::api
