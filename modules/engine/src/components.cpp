#include "fliptech/engine/components.h"

#include <QtGlobal>

#include <curl/curl.h>
#include <libpq-fe.h>
#include <libxml/xmlversion.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

namespace fliptech::engine {

QList<Component> thirdPartyComponents()
{
    const int pq = PQlibVersion(); // e.g. 150010 = 15.10
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"), QStringLiteral("https://www.qt.io/licensing/open-source-lgpl-obligations")},
        {QStringLiteral("QtKeychain"), QStringLiteral("Qt 6 build"), QStringLiteral("BSD-3-Clause"), QStringLiteral("https://github.com/frankosterfeld/qtkeychain")},
        {QStringLiteral("libcurl"), QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version), QStringLiteral("curl (MIT-style)"),
         QStringLiteral("https://curl.se/docs/copyright.html")},
        {QStringLiteral("OpenSSL"), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)), QStringLiteral("Apache-2.0"), QStringLiteral("https://www.openssl.org/source/license.html")},
        {QStringLiteral("libxml2"), QString::fromLatin1(LIBXML_DOTTED_VERSION), QStringLiteral("MIT"), QStringLiteral("https://gitlab.gnome.org/GNOME/libxml2")},
        {QStringLiteral("Argon2 (libargon2)"), QStringLiteral("1.3"), QStringLiteral("CC0-1.0 or Apache-2.0"), QStringLiteral("https://github.com/P-H-C/phc-winner-argon2")},
        {QStringLiteral("libpq"), QStringLiteral("%1.%2").arg(pq / 10000).arg(pq % 10000), QStringLiteral("PostgreSQL"), QStringLiteral("https://www.postgresql.org/about/licence/")},
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()), QStringLiteral("Public domain"), QStringLiteral("https://www.sqlite.org/copyright.html")},
    };
}

} // namespace fliptech::engine
