#pragma once
// Which network addresses a request the product makes on a user's behalf (a webhook, an n8n
// call) may reach. Outbound webhooks must not become a way into the machine or its network
// (server-side request forgery): loopback, private, link-local, carrier-grade NAT, multicast and
// reserved ranges are refused unless an administrator allows private networks. The check is made
// on the address a connection is about to use (after DNS resolution, on every redirect and every
// retry: HttpRequest::allowPrivateAddresses), so a name that resolves to 127.0.0.1 and a
// redirect to 10.0.0.5 are refused alike.

#include <QByteArray>
#include <QString>

namespace fliptech::net {

// Why `address` (4 bytes of IPv4 or 16 of IPv6, network order) is not a public Internet address
// ("loopback", "private network (RFC 1918)", ...), or an empty string when it is one. IPv4
// mapped into IPv6 (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) are judged by their IPv4 address.
QString nonPublicAddressReason(const QByteArray &address);
// The same for a textual address ("10.1.2.3", "::1"); an unparsable text is "not an IP address".
QString nonPublicAddressReason(const QString &address);

} // namespace fliptech::net
