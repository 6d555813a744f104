#include "fliptech/campaigns/providerevents.h"

#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/storage/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace fliptech::campaigns {

using core::ErrorCode;
using Kind = CampaignService::DeliveryEvent::Kind;

namespace {

const QString kSendGridKey = QStringLiteral("webhooks/sendgrid_verification_key");
const QString kMailgunKey = QStringLiteral("webhooks/mailgun_signing_key");

struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};

std::unique_ptr<EVP_PKEY, PkeyFree> publicKey(const QByteArray &base64)
{
    const QByteArray der = QByteArray::fromBase64(base64.trimmed());
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    return std::unique_ptr<EVP_PKEY, PkeyFree>(der.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, long(der.size())));
}

bool verifyEcdsa(EVP_PKEY *key, const QByteArray &signed_, const QByteArray &signatureDer)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signatureDer.constData()), size_t(signatureDer.size()),
                            reinterpret_cast<const unsigned char *>(signed_.constData()), size_t(signed_.size())) == 1;
}

core::Error refused(const QString &why)
{
    return core::makeError(ErrorCode::Unauthorized, why);
}

} // namespace

ProviderEvents::ProviderEvents(CampaignService &campaigns, storage::SecretStore *secrets, const core::Clock &clock)
    : m_campaigns(campaigns), m_secrets(secrets), m_clock(clock)
{
}

core::Result<QJsonObject> ProviderEvents::settings()
{
    auto set = [this](const QString &key) {
        if (!m_secrets)
            return false;
        auto v = m_secrets->read(key);
        return v && !v->isEmpty();
    };
    return QJsonObject{{QStringLiteral("sendgrid_verification_key_set"), set(kSendGridKey)}, {QStringLiteral("mailgun_signing_key_set"), set(kMailgunKey)}};
}

core::Result<QJsonObject> ProviderEvents::setSettings(const QJsonObject &fields)
{
    if (!m_secrets)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no secret store to keep the keys in"));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (it.key() != QLatin1String("sendgrid_verification_key") && it.key() != QLatin1String("mailgun_signing_key"))
            return core::fieldError(it.key(), QStringLiteral("is not a webhook setting (sendgrid_verification_key, mailgun_signing_key)"));
    const QByteArray sendgrid = fields.value(QStringLiteral("sendgrid_verification_key")).toString().toLatin1();
    if (fields.contains(QStringLiteral("sendgrid_verification_key")) && !sendgrid.isEmpty() && !publicKey(sendgrid))
        return core::fieldError(QStringLiteral("sendgrid_verification_key"),
                                QStringLiteral("is not a public key: paste the verification key SendGrid shows under Mail Settings → Signed Event Webhook"));
    for (const auto &[field, key] : {std::pair{QStringLiteral("sendgrid_verification_key"), kSendGridKey}, std::pair{QStringLiteral("mailgun_signing_key"), kMailgunKey}}) {
        if (!fields.contains(field))
            continue;
        const QByteArray value = fields.value(field).toString().trimmed().toLatin1();
        if (auto st = value.isEmpty() ? m_secrets->remove(key) : m_secrets->write(key, value); !st)
            return st.error();
    }
    return settings();
}

core::Result<QJsonObject> ProviderEvents::sendGrid(const QByteArray &body, const QByteArray &signature, const QByteArray &timestamp)
{
    auto key = m_secrets ? m_secrets->read(kSendGridKey) : core::Result<QByteArray>(QByteArray());
    if (!key || key->isEmpty())
        return refused(QStringLiteral("SendGrid events are refused until its verification key is set (Settings → Integrations, or PUT /api/v1/webhooks/settings)"));
    auto pkey = publicKey(*key);
    if (!pkey || signature.isEmpty() || timestamp.isEmpty() || !verifyEcdsa(pkey.get(), timestamp + body, QByteArray::fromBase64(signature)))
        return refused(QStringLiteral("the SendGrid signature does not verify"));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isArray())
        return core::fieldError(QStringLiteral("body"), QStringLiteral("must be SendGrid's list of events"));
    int recorded = 0, ignored = 0;
    for (const auto &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QString event = o.value(QStringLiteral("event")).toString();
        CampaignService::DeliveryEvent e;
        e.source = QStringLiteral("sendgrid");
        e.email = o.value(QStringLiteral("email")).toString();
        e.messageId = o.value(QStringLiteral("fliptech_message_id")).toString();
        if (e.messageId.isEmpty())
            e.messageId = o.value(QStringLiteral("smtp-id")).toString();
        e.status = o.value(QStringLiteral("status")).toString();
        e.reason = o.value(QStringLiteral("reason")).toString();
        if (event == QLatin1String("bounce"))
            e.kind = o.value(QStringLiteral("type")).toString() == QLatin1String("blocked") ? Kind::SoftBounce : Kind::HardBounce;
        else if (event == QLatin1String("deferred") || event == QLatin1String("dropped"))
            e.kind = Kind::SoftBounce;
        else if (event == QLatin1String("spamreport"))
            e.kind = Kind::Complaint;
        else if (event == QLatin1String("unsubscribe") || event == QLatin1String("group_unsubscribe"))
            e.kind = Kind::Unsubscribe;
        else if (event == QLatin1String("open"))
            e.kind = Kind::Open;
        else if (event == QLatin1String("click"))
            e.kind = Kind::Click;
        else {
            ++ignored; // processed, delivered: nothing to change
            continue;
        }
        auto r = m_campaigns.recordDeliveryEvent(e);
        if (!r)
            return r.error(); // SendGrid posts again: nothing half-taken is lost
        ++recorded;
    }
    return QJsonObject{{QStringLiteral("received"), int(doc.array().size())}, {QStringLiteral("recorded"), recorded}, {QStringLiteral("ignored"), ignored}};
}

core::Result<QJsonObject> ProviderEvents::mailgun(const QByteArray &body)
{
    auto key = m_secrets ? m_secrets->read(kMailgunKey) : core::Result<QByteArray>(QByteArray());
    if (!key || key->isEmpty())
        return refused(QStringLiteral("Mailgun events are refused until its webhook signing key is set (Settings → Integrations, or PUT /api/v1/webhooks/settings)"));
    const QJsonObject doc = QJsonDocument::fromJson(body).object();
    const QJsonObject sig = doc.value(QStringLiteral("signature")).toObject();
    const QByteArray timestamp = sig.value(QStringLiteral("timestamp")).toVariant().toString().toLatin1();
    const QByteArray token = sig.value(QStringLiteral("token")).toString().toLatin1();
    const QByteArray given = sig.value(QStringLiteral("signature")).toString().toLatin1();
    const QByteArray expected = QMessageAuthenticationCode::hash(timestamp + token, *key, QCryptographicHash::Sha256).toHex();
    if (given.isEmpty() || given.size() != expected.size())
        return refused(QStringLiteral("the Mailgun signature does not verify"));
    unsigned char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff |= static_cast<unsigned char>(given.at(i) ^ expected.at(i));
    if (diff != 0)
        return refused(QStringLiteral("the Mailgun signature does not verify"));
    if (qAbs(m_clock.now().toSecsSinceEpoch() - timestamp.toLongLong()) > 15 * 60)
        return refused(QStringLiteral("the Mailgun event is more than 15 minutes old (a replay?)"));
    const QJsonObject data = doc.value(QStringLiteral("event-data")).toObject();
    const QString event = data.value(QStringLiteral("event")).toString();
    CampaignService::DeliveryEvent e;
    e.source = QStringLiteral("mailgun");
    e.email = data.value(QStringLiteral("recipient")).toString();
    e.messageId = data.value(QStringLiteral("message")).toObject().value(QStringLiteral("headers")).toObject().value(QStringLiteral("message-id")).toString();
    const QJsonObject status = data.value(QStringLiteral("delivery-status")).toObject();
    e.status = status.value(QStringLiteral("code")).toVariant().toString();
    e.reason = status.value(QStringLiteral("message")).toString();
    if (e.reason.isEmpty())
        e.reason = status.value(QStringLiteral("description")).toString();
    if (event == QLatin1String("failed"))
        e.kind = data.value(QStringLiteral("severity")).toString() == QLatin1String("permanent") ? Kind::HardBounce : Kind::SoftBounce;
    else if (event == QLatin1String("complained"))
        e.kind = Kind::Complaint;
    else if (event == QLatin1String("unsubscribed"))
        e.kind = Kind::Unsubscribe;
    else if (event == QLatin1String("opened"))
        e.kind = Kind::Open;
    else if (event == QLatin1String("clicked"))
        e.kind = Kind::Click;
    else
        return QJsonObject{{QStringLiteral("recorded"), false}, {QStringLiteral("event"), event}};
    auto r = m_campaigns.recordDeliveryEvent(e);
    if (!r)
        return r.error();
    return QJsonObject{{QStringLiteral("recorded"), true}, {QStringLiteral("event"), event}, {QStringLiteral("matched"), r->value(QStringLiteral("matched"))}};
}

} // namespace fliptech::campaigns
