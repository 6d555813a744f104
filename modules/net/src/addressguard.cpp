#include "fliptech/net/addressguard.h"

#include <algorithm>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif

namespace fliptech::net {

namespace {

struct V4Range {
    quint32 network;
    int prefix;
    const char *reason;
};

// RFC 6890's special-purpose IPv4 ranges that no public service lives on.
constexpr V4Range kV4[] = {
    {0x00000000, 8, "\"this network\" (0.0.0.0/8)"},
    {0x0A000000, 8, "private network (10.0.0.0/8)"},
    {0x64400000, 10, "carrier-grade NAT (100.64.0.0/10)"},
    {0x7F000000, 8, "loopback (127.0.0.0/8)"},
    {0xA9FE0000, 16, "link-local (169.254.0.0/16, cloud metadata)"},
    {0xAC100000, 12, "private network (172.16.0.0/12)"},
    {0xC0000000, 24, "IETF protocol assignments (192.0.0.0/24)"},
    {0xC0000200, 24, "documentation (192.0.2.0/24)"},
    {0xC0A80000, 16, "private network (192.168.0.0/16)"},
    {0xC6120000, 15, "benchmarking (198.18.0.0/15)"},
    {0xC6336400, 24, "documentation (198.51.100.0/24)"},
    {0xCB007100, 24, "documentation (203.0.113.0/24)"},
    {0xE0000000, 4, "multicast (224.0.0.0/4)"},
    {0xF0000000, 4, "reserved (240.0.0.0/4, broadcast)"},
};

QString v4Reason(const unsigned char *b)
{
    const quint32 a = (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
    for (const V4Range &r : kV4) {
        const quint32 mask = r.prefix == 0 ? 0 : ~quint32(0) << (32 - r.prefix);
        if ((a & mask) == r.network)
            return QString::fromLatin1(r.reason);
    }
    return {};
}

} // namespace

QString nonPublicAddressReason(const QByteArray &address)
{
    const auto *b = reinterpret_cast<const unsigned char *>(address.constData());
    if (address.size() == 4)
        return v4Reason(b);
    if (address.size() != 16)
        return QStringLiteral("not an IP address");
    bool zeroTo10 = true;
    for (int i = 0; i < 10; ++i)
        zeroTo10 = zeroTo10 && b[i] == 0;
    if (zeroTo10 && b[10] == 0xff && b[11] == 0xff) { // ::ffff:a.b.c.d
        const QString v4 = v4Reason(b + 12);
        return v4.isEmpty() ? QString() : v4 + QStringLiteral(", as IPv4-mapped IPv6");
    }
    const unsigned char nat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::equal(b, b + 12, nat64)) {
        const QString v4 = v4Reason(b + 12);
        return v4.isEmpty() ? QString() : v4 + QStringLiteral(", through NAT64");
    }
    bool zeroTo15 = zeroTo10 && b[10] == 0 && b[11] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0;
    if (zeroTo15 && b[15] == 1)
        return QStringLiteral("loopback (::1)");
    if (zeroTo15 && b[15] == 0)
        return QStringLiteral("unspecified (::)");
    if (zeroTo10 && b[10] == 0 && b[11] == 0)
        return QStringLiteral("IPv4-compatible IPv6 (deprecated, ::/96)");
    if ((b[0] & 0xfe) == 0xfc)
        return QStringLiteral("unique local (fc00::/7)");
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return QStringLiteral("link-local (fe80::/10)");
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        return QStringLiteral("site-local (fec0::/10)");
    if (b[0] == 0xff)
        return QStringLiteral("multicast (ff00::/8)");
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        return QStringLiteral("documentation (2001:db8::/32)");
    return {};
}

QString nonPublicAddressReason(const QString &address)
{
    const QByteArray text = address.trimmed().toLatin1();
    unsigned char buf[16];
    if (inet_pton(AF_INET, text.constData(), buf) == 1)
        return nonPublicAddressReason(QByteArray(reinterpret_cast<const char *>(buf), 4));
    if (inet_pton(AF_INET6, text.constData(), buf) == 1)
        return nonPublicAddressReason(QByteArray(reinterpret_cast<const char *>(buf), 16));
    return QStringLiteral("not an IP address");
}

} // namespace fliptech::net
