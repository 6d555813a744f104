#include "fliptech/mail/dkim.h"

#include <QCryptographicHash>
#include <QList>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace fliptech::mail {

using core::ErrorCode;

struct DkimSigner::Key {
    EVP_PKEY *pkey = nullptr;
    ~Key()
    {
        if (pkey)
            EVP_PKEY_free(pkey);
    }
};

DkimSigner::DkimSigner(DkimSigner &&) noexcept = default;
DkimSigner &DkimSigner::operator=(DkimSigner &&) noexcept = default;
DkimSigner::~DkimSigner() = default;

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// Runs of spaces and tabs as one space, none at the ends.
QByteArray collapse(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (isWsp(c)) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

core::Result<DkimSigner> DkimSigner::fromPem(const QByteArray &pem, const QString &domain, const QString &selector)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    if (!label.match(domain).hasMatch())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("dkim domain is not a domain name"), {{QStringLiteral("domain"), domain.left(100)}});
    if (!label.match(selector).hasMatch())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("dkim selector is not a DNS label"), {{QStringLiteral("selector"), selector.left(100)}});
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *pkey = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    if (bio)
        BIO_free(bio);
    if (!pkey || EVP_PKEY_base_id(pkey) != EVP_PKEY_RSA) {
        if (pkey)
            EVP_PKEY_free(pkey);
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("dkim key is not an RSA private key in PEM form"),
                               {{QStringLiteral("key"), QStringLiteral("not an RSA private key (PEM)")}});
    }
    DkimSigner s;
    s.m_key = std::make_unique<Key>();
    s.m_key->pkey = pkey;
    s.m_domain = domain.toLower().toLatin1();
    s.m_selector = selector.toLatin1();
    return s;
}

QByteArray DkimSigner::relaxedBody(const QByteArray &body)
{
    QList<QByteArray> lines = body.split('\n');
    QList<QByteArray> out;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        // WSP runs to one space, none at the end of the line (RFC 6376 3.4.4).
        QByteArray l;
        bool space = false;
        for (char c : line) {
            if (isWsp(c)) {
                space = true;
                continue;
            }
            if (space)
                l += ' ';
            space = false;
            l += c;
        }
        out << l;
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    if (out.isEmpty())
        return {};
    return out.join("\r\n") + "\r\n";
}

QByteArray DkimSigner::relaxedHeader(const QByteArray &name, const QByteArray &value)
{
    QByteArray unfolded = value;
    unfolded.replace("\r\n", "").replace('\n', "");
    return name.trimmed().toLower() + ':' + collapse(unfolded);
}

QByteArray DkimSigner::sign(const QByteArray &message, const QDateTime &when) const
{
    const qsizetype split = message.indexOf("\r\n\r\n");
    const QByteArray head = split < 0 ? message : message.left(split + 2);
    const QByteArray body = split < 0 ? QByteArray() : message.mid(split + 4);
    // Headers as (name, value) with their folds kept in the value.
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        if ((l.startsWith(' ') || l.startsWith('\t')) && !headers.isEmpty()) {
            headers.last().second += "\r\n" + l;
            continue;
        }
        const qsizetype colon = l.indexOf(':');
        if (colon > 0)
            headers.append({l.left(colon), l.mid(colon + 1)});
    }
    static const QList<QByteArray> wanted{"from", "to", "cc", "reply-to", "subject", "date", "message-id", "mime-version", "content-type",
                                          "list-unsubscribe", "list-unsubscribe-post"};
    QList<QByteArray> signedNames;
    QByteArray hashed;
    for (const QByteArray &name : wanted)
        for (qsizetype i = headers.size() - 1; i >= 0; --i) // the last of a name, as verifiers take them
            if (headers.at(i).first.trimmed().toLower() == name) {
                hashed += relaxedHeader(headers.at(i).first, headers.at(i).second) + "\r\n";
                signedNames << name;
                break;
            }
    const QByteArray bh = QCryptographicHash::hash(relaxedBody(body), QCryptographicHash::Sha256).toBase64();
    const QByteArray value = " v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + m_domain + "; s=" + m_selector + "; t=" +
                             QByteArray::number(when.toSecsSinceEpoch()) + "; h=" + signedNames.join(':') + "; bh=" + bh + "; b=";
    hashed += relaxedHeader("DKIM-Signature", value); // without its CRLF (RFC 6376 3.7)
    QByteArray signature;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key->pkey) == 1 &&
        EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(hashed.constData()), size_t(hashed.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length, reinterpret_cast<const unsigned char *>(hashed.constData()),
                           size_t(hashed.size())) == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    if (ctx)
        EVP_MD_CTX_free(ctx);
    if (signature.isEmpty())
        return message; // not signed (a key OpenSSL refuses): sent as it is rather than not at all
    // The header folded: the b= value split over lines of 72.
    const QByteArray b = signature.toBase64();
    QByteArray folded = "DKIM-Signature:" + value;
    for (qsizetype i = 0; i < b.size(); i += 72)
        folded += "\r\n\t" + b.mid(i, 72);
    return folded + "\r\n" + message;
}

QByteArray DkimSigner::dnsRecord() const
{
    unsigned char *der = nullptr;
    const int n = i2d_PUBKEY(m_key->pkey, &der);
    if (n <= 0)
        return {};
    const QByteArray p = QByteArray(reinterpret_cast<const char *>(der), n).toBase64();
    OPENSSL_free(der);
    return "v=DKIM1; k=rsa; p=" + p;
}

} // namespace fliptech::mail
