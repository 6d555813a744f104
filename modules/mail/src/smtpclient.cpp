#include "fliptech/mail/smtpclient.h"

#include <curl/curl.h>

#include <cstring>

namespace fliptech::mail {

struct SmtpClient::Handle {
    CURL *curl = curl_easy_init();
    ~Handle()
    {
        if (curl)
            curl_easy_cleanup(curl);
    }
};

namespace {

struct Upload {
    const QByteArray *data;
    qsizetype at = 0;
};

size_t readBody(char *buffer, size_t size, size_t count, void *user)
{
    auto *u = static_cast<Upload *>(user);
    const qsizetype n = qMin<qsizetype>(qsizetype(size * count), u->data->size() - u->at);
    if (n > 0) {
        std::memcpy(buffer, u->data->constData() + u->at, size_t(n));
        u->at += n;
    }
    return size_t(n);
}

QByteArray angle(const QString &address)
{
    return '<' + address.trimmed().toUtf8() + '>';
}

// The connection options a send and a check share: the server, its TLS, the timeouts, the login.
// (libcurl copies the strings it is given: temporaries are fine.)
void connectOptions(CURL *e, const SmtpSettings &s, const QByteArray &url)
{
    curl_easy_setopt(e, CURLOPT_URL, url.constData());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(s.connectTimeoutMs));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(s.timeoutMs));
    if (s.tls == SmtpSettings::Tls::StartTls)
        curl_easy_setopt(e, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // TLS or nothing: never a silent plain-text send
    if (!s.verifyTls) {
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!s.username.isEmpty()) {
        curl_easy_setopt(e, CURLOPT_USERNAME, s.username.toUtf8().constData());
        curl_easy_setopt(e, CURLOPT_PASSWORD, s.password.constData());
    }
}

QByteArray serverUrl(const SmtpSettings &s)
{
    const QByteArray scheme = s.tls == SmtpSettings::Tls::Implicit ? "smtps" : "smtp";
    return scheme + "://" + s.host.toUtf8() + ':' + QByteArray::number(s.port);
}

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings) : m_settings(std::move(settings)), m_handle(std::make_unique<Handle>()) {}

SmtpClient::~SmtpClient() = default;

SmtpResult SmtpClient::send(const QString &from, const QStringList &recipients, const QByteArray &data)
{
    SmtpResult r;
    CURL *e = m_handle->curl;
    if (!e) {
        r.message = QStringLiteral("libcurl could not make a handle");
        return r;
    }
    if (recipients.isEmpty()) {
        r.message = QStringLiteral("no recipient");
        r.permanent = true;
        return r;
    }
    // The same handle each time (its connection is kept), its options set afresh.
    curl_easy_reset(e);
    QByteArray url = serverUrl(m_settings);
    if (!m_settings.heloName.isEmpty())
        url += '/' + m_settings.heloName.toUtf8();
    connectOptions(e, m_settings, url);
    const QByteArray mailFrom = angle(from);
    curl_easy_setopt(e, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_slist *rcpt = nullptr;
    for (const QString &to : recipients)
        rcpt = curl_slist_append(rcpt, angle(to).constData());
    curl_easy_setopt(e, CURLOPT_MAIL_RCPT, rcpt);
    Upload upload{&data};
    curl_easy_setopt(e, CURLOPT_READFUNCTION, &readBody);
    curl_easy_setopt(e, CURLOPT_READDATA, &upload);
    curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, curl_off_t(data.size()));
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error);
    const CURLcode done = curl_easy_perform(e);
    long code = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpt);
    r.code = int(code);
    if (done == CURLE_OK) {
        r.ok = true;
        return r;
    }
    r.permanent = code >= 500 && code < 600;
    const QString said = QString::fromUtf8(error[0] ? error : curl_easy_strerror(done));
    if (done == CURLE_LOGIN_DENIED)
        r.message = QStringLiteral("the server refused the user name or password (%1)").arg(said);
    else if (done == CURLE_USE_SSL_FAILED)
        r.message = QStringLiteral("the server does not offer STARTTLS: choose implicit TLS or no TLS for this account (%1)").arg(said);
    else if (code >= 400)
        r.message = QStringLiteral("the server answered %1 (%2)").arg(code).arg(said);
    else
        r.message = QStringLiteral("could not reach %1:%2 (%3)").arg(m_settings.host).arg(m_settings.port).arg(said);
    // A refused login is no bounce but will not mend by itself either.
    if (done == CURLE_LOGIN_DENIED || done == CURLE_USE_SSL_FAILED)
        r.permanent = true;
    // libcurl says which command the server refused: MAIL FROM refused is the sender's problem.
    r.accountProblem = done == CURLE_LOGIN_DENIED || done == CURLE_USE_SSL_FAILED || (r.permanent && said.startsWith(QLatin1String("MAIL failed")));
    return r;
}

SmtpResult SmtpClient::check()
{
    SmtpResult r;
    CURL *e = m_handle->curl;
    curl_easy_reset(e);
    connectOptions(e, m_settings, serverUrl(m_settings));
    curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L); // greet, TLS, AUTH; no mail
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error);
    const CURLcode done = curl_easy_perform(e);
    long code = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    r.code = int(code);
    r.ok = done == CURLE_OK;
    if (!r.ok)
        r.message = QStringLiteral("%1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(QString::fromUtf8(error[0] ? error : curl_easy_strerror(done)));
    // The connection made for the check is not one to send on (CONNECT_ONLY): a fresh handle.
    m_handle = std::make_unique<Handle>();
    return r;
}

} // namespace fliptech::mail
