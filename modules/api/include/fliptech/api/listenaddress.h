#pragma once
// ListenAddress: the "HOST:PORT" of --listen, validated.

#include "fliptech/core/error.h"

#include <QHostAddress>
#include <QString>

namespace fliptech::api {

struct ListenAddress {
    QString host = QStringLiteral("127.0.0.1");
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8484;

    // "127.0.0.1:8484", "[::1]:8484", "localhost:0" (0 = any free port).
    static core::Result<ListenAddress> parse(const QString &text);
    bool isLoopback() const { return address.isLoopback(); }
};

} // namespace fliptech::api
