#pragma once
// Built-in e-mail verification, no provider needed (issue 10): an address is
//  - invalid: its syntax is wrong, its domain does not exist or has no mail server (no MX and no
//    address record to fall back on, RFC 5321 §5.1), or it says it takes no mail (null MX, RFC 7505);
//  - risky: a disposable-mail domain, a role address (info@, sales@: a team, not a person), or
//    DNS could not answer (nothing known either way);
//  - valid: otherwise.
// with the reason in words and what each check found. Domains are looked up once per batch, all
// at once (QDnsLookup, on a local event loop: callable from any thread, never the GUI's). The
// mailbox itself is not probed (an SMTP RCPT probe is what gets a sender's address blocklisted).

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fliptech::scraper {

class EmailVerifier final
{
public:
    // `nameserver` null: the system's resolver; otherwise that server (tests, a company DNS).
    explicit EmailVerifier(QHostAddress nameserver = {}, int timeoutMs = 5000) : m_nameserver(std::move(nameserver)), m_timeoutMs(timeoutMs) {}

    // {email, status: valid|risky|invalid, reason, checks: {syntax, domain, mx: [hosts],
    // implicit_mx, disposable, role, free_provider}}, in order.
    QList<QJsonObject> verifyAll(const QStringList &emails) const;
    QJsonObject verify(const QString &email) const { return verifyAll({email}).value(0); }

    // The address's parts when its syntax is right ({local, ascii domain}); empty otherwise.
    static QStringList split(const QString &email);
    static bool isDisposable(const QString &domain);
    static bool isRole(const QString &localPart);
    static bool isFreeProvider(const QString &domain);

private:
    QHostAddress m_nameserver;
    int m_timeoutMs;
};

} // namespace fliptech::scraper
