#pragma once
// DKIM signatures (RFC 6376) for outgoing messages: rsa-sha256, relaxed/relaxed canonicalisation,
// the headers a receiver checks (From, To, Cc, Reply-To, Subject, Date, Message-ID, MIME-Version,
// Content-Type, List-Unsubscribe, List-Unsubscribe-Post: those the message has), body hash over
// the whole body. The private key is PEM (PKCS#8 or PKCS#1) from the SecretStore; dnsRecord()
// gives the TXT value to publish at <selector>._domainkey.<domain>.

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace fliptech::mail {

class DkimSigner final
{
public:
    // ValidationFailed when the key is not an RSA private key in PEM, or the domain or selector
    // are not DNS labels.
    static core::Result<DkimSigner> fromPem(const QByteArray &pem, const QString &domain, const QString &selector);
    DkimSigner(DkimSigner &&) noexcept;
    DkimSigner &operator=(DkimSigner &&) noexcept;
    ~DkimSigner();

    // The message with its DKIM-Signature header first. `message` as buildMessage() makes it.
    QByteArray sign(const QByteArray &message, const QDateTime &when = QDateTime::currentDateTimeUtc()) const;
    // "v=DKIM1; k=rsa; p=<public key>".
    QByteArray dnsRecord() const;

    // The canonical forms (exposed for tests).
    static QByteArray relaxedBody(const QByteArray &body);
    static QByteArray relaxedHeader(const QByteArray &name, const QByteArray &value);

private:
    DkimSigner() = default;
    struct Key;
    std::unique_ptr<Key> m_key;
    QByteArray m_domain, m_selector;
};

} // namespace fliptech::mail
