#pragma once
// Delivery events from the sending providers (issue 11): SendGrid's Event Webhook and Mailgun's
// webhooks, posted to public routes and believed only when signed. SendGrid signs with ECDSA
// (P-256, SHA-256 over the timestamp header and the body; the user pastes the verification key
// SendGrid shows); Mailgun with HMAC-SHA256 of timestamp + token under the webhook signing key,
// refused when older than 15 minutes. The keys live in the SecretStore; a provider without its key
// set gets every post refused (nothing is taken on trust). Bounces, complaints, unsubscribes,
// opens and clicks go to CampaignService::recordDeliveryEvent().

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"

#include <QByteArray>
#include <QJsonObject>

namespace fliptech::storage {
class SecretStore;
}

namespace fliptech::campaigns {

class CampaignService;

class ProviderEvents final
{
public:
    ProviderEvents(CampaignService &campaigns, storage::SecretStore *secrets, const core::Clock &clock);

    // {sendgrid_verification_key_set, mailgun_signing_key_set}.
    core::Result<QJsonObject> settings();
    // {sendgrid_verification_key: base64 SPKI (as SendGrid shows it), mailgun_signing_key}; ""
    // removes one. A key that does not read is refused, naming the field.
    core::Result<QJsonObject> setSettings(const QJsonObject &fields);

    // The body SendGrid posted with its X-Twilio-Email-Event-Webhook-Signature / -Timestamp
    // headers: {received, recorded, ignored}. Unauthorized when the signature does not verify.
    core::Result<QJsonObject> sendGrid(const QByteArray &body, const QByteArray &signature, const QByteArray &timestamp);
    // The JSON body Mailgun posted (its signature inside): {recorded, event}.
    core::Result<QJsonObject> mailgun(const QByteArray &body);

private:
    CampaignService &m_campaigns;
    storage::SecretStore *m_secrets;
    const core::Clock &m_clock;
};

} // namespace fliptech::campaigns
