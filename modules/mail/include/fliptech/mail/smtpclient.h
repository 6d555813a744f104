#pragma once
// Sending over SMTP (issue 11): libcurl's SMTP, blocking, for the campaign workers. One client is
// one sender account's connection on one worker: consecutive sends reuse it (libcurl keeps the
// connection of its handle open), so a campaign does not pay a TLS handshake per message. TLS
// is STARTTLS (required, never silently plain), implicit TLS (smtps, port 465) or none (a local
// relay). A send's outcome says what the server said and whether trying again can help: a 5xx
// reply is permanent (the recipient bounces), a 4xx reply or a network failure is transient.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace fliptech::mail {

struct SmtpSettings {
    enum class Tls { None, StartTls, Implicit };
    QString host;
    int port = 587;
    Tls tls = Tls::StartTls;
    QString username;          // empty: no AUTH
    QByteArray password;       // from the SecretStore, never stored with the account
    int connectTimeoutMs = 15000;
    int timeoutMs = 60000;     // a whole send
    bool verifyTls = true;
    QString heloName;          // the name we greet with (empty: libcurl's default)
};

struct SmtpResult {
    bool ok = false;
    int code = 0;          // the server's last reply code (0: none came)
    QString message;       // what went wrong, in words (empty when ok)
    bool permanent = false; // 5xx: do not try again (a bounce)
    // The mailbox, not the recipient, is the problem (login refused, no STARTTLS, the sender
    // address refused): no message from this account can go until someone mends it.
    bool accountProblem = false;
    bool transient() const { return !ok && !permanent; }
};

class SmtpClient final
{
public:
    explicit SmtpClient(SmtpSettings settings);
    ~SmtpClient();
    SmtpClient(const SmtpClient &) = delete;
    SmtpClient &operator=(const SmtpClient &) = delete;

    // `data` as buildMessage() makes it (CRLF lines; libcurl escapes leading dots).
    SmtpResult send(const QString &from, const QStringList &recipients, const QByteArray &data);
    // Connects, greets, starts TLS and logs in as a send would, then says goodbye: the account's
    // "Test connection".
    SmtpResult check();

private:
    struct Handle;
    SmtpSettings m_settings;
    std::unique_ptr<Handle> m_handle;
};

} // namespace fliptech::mail
