#pragma once
// Sending through an HTTP provider (issue 11): SendGrid's v3 Mail Send API (the message as JSON:
// its parts, our headers with the Message-ID and the unsubscribe headers, and the Message-ID again
// as a custom argument so the provider's events name it) or Mailgun's MIME API (the message
// exactly as built, DKIM signature included, posted as multipart/form-data). The outcome reads as
// an SMTP send's: 2xx sent; 401/403 and a refused request (400) are the account's problem (the
// campaign pauses; nobody is marked bounced for it); 429, 5xx and no answer are transient.

#include "fliptech/mail/mime.h"
#include "fliptech/mail/smtpclient.h"
#include "fliptech/net/httpclient.h"

namespace fliptech::campaigns {

struct ProviderSettings {
    QString provider; // sendgrid | mailgun
    QString baseUrl;  // https://api.sendgrid.com, https://api.mailgun.net (or a test server)
    QString domain;   // Mailgun's sending domain
    QByteArray apiKey;
};

// A request to the provider's API at `path`, authenticated as it expects (SendGrid: Bearer
// <key>; Mailgun: Basic api:<key>).
net::HttpRequest providerRequest(const ProviderSettings &provider, const QString &path);

mail::SmtpResult sendThroughProvider(net::HttpClient &http, const ProviderSettings &provider, const mail::OutgoingMessage &message, const QByteArray &mime,
                                     const QString &to);

} // namespace fliptech::campaigns
