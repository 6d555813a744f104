#pragma once
// What a user sets about the program's connections, checked the same way by the command line,
// the settings file and the desktop's Settings → Application: the embedded API server's TLS
// files, and the proxy every outbound request goes through.

#include "fliptech/core/error.h"

#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace fliptech::net {

// A TLS server configuration from a PEM certificate (chain) and an unencrypted PEM RSA or EC
// private key, or why they cannot be used (the message names the file).
core::Result<QSslConfiguration> loadServerTls(const QString &certFile, const QString &keyFile);

// Proxies from "http://proxy:3128, socks5://10.0.0.2:1080": separated by commas, spaces or new
// lines; each http, https, socks4, socks4a, socks5 or socks5h with a host (a port and
// user:password optional). Empty text: none. The error names the one that is wrong.
core::Result<QStringList> parseProxyList(const QString &text);

} // namespace fliptech::net
