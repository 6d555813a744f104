#include "fliptech/campaigns/providersend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace fliptech::campaigns {

net::HttpRequest providerRequest(const ProviderSettings &p, const QString &path)
{
    net::HttpRequest r;
    r.url = QUrl(p.baseUrl + path);
    r.timeoutMs = 30000;
    r.maxRetries = 0; // a send is retried by the campaign, which knows whether it went out
    if (p.provider == QLatin1String("sendgrid"))
        r.headers << qMakePair(QByteArray("Authorization"), QByteArray("Bearer ") + p.apiKey);
    else
        r.headers << qMakePair(QByteArray("Authorization"), QByteArray("Basic ") + QByteArray("api:" + p.apiKey).toBase64());
    return r;
}

namespace {

QJsonObject address(const mail::Address &a)
{
    QJsonObject o{{QStringLiteral("email"), a.email}};
    if (!a.name.isEmpty())
        o.insert(QStringLiteral("name"), a.name);
    return o;
}

QByteArray sendGridBody(const mail::OutgoingMessage &m, const QString &to)
{
    QJsonArray content;
    if (!m.text.isEmpty())
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text/plain")}, {QStringLiteral("value"), m.text}});
    if (!m.html.isEmpty())
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text/html")}, {QStringLiteral("value"), m.html}});
    QJsonObject headers{{QStringLiteral("Message-ID"), m.messageId}};
    if (!m.unsubscribeUrl.isEmpty()) {
        headers.insert(QStringLiteral("List-Unsubscribe"), QStringLiteral("<%1>").arg(m.unsubscribeUrl));
        if (m.unsubscribeUrl.startsWith(QLatin1String("https://")))
            headers.insert(QStringLiteral("List-Unsubscribe-Post"), QStringLiteral("List-Unsubscribe=One-Click"));
    }
    for (const auto &[name, value] : m.headers)
        headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    QJsonObject body{{QStringLiteral("personalizations"), QJsonArray{QJsonObject{{QStringLiteral("to"), QJsonArray{QJsonObject{{QStringLiteral("email"), to}}}}}}},
                     {QStringLiteral("from"), address(m.from)},
                     {QStringLiteral("subject"), m.subject},
                     {QStringLiteral("content"), content},
                     {QStringLiteral("headers"), headers},
                     {QStringLiteral("custom_args"), QJsonObject{{QStringLiteral("fliptech_message_id"), m.messageId}}}};
    if (!m.replyTo.email.isEmpty())
        body.insert(QStringLiteral("reply_to"), address(m.replyTo));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray formPart(const QByteArray &boundary, const QByteArray &name, const QByteArray &value, const QByteArray &filename = {})
{
    QByteArray part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + '"';
    if (!filename.isEmpty())
        part += "; filename=\"" + filename + "\"\r\nContent-Type: message/rfc822";
    return part + "\r\n\r\n" + value + "\r\n";
}

} // namespace

mail::SmtpResult sendThroughProvider(net::HttpClient &http, const ProviderSettings &p, const mail::OutgoingMessage &m, const QByteArray &mime, const QString &to)
{
    mail::SmtpResult out;
    net::HttpRequest r;
    if (p.provider == QLatin1String("sendgrid")) {
        r = providerRequest(p, QStringLiteral("/v3/mail/send"));
        r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        r.body = sendGridBody(m, to);
    } else if (p.provider == QLatin1String("mailgun")) {
        r = providerRequest(p, QStringLiteral("/v3/%1/messages.mime").arg(p.domain));
        const QByteArray boundary = "fliptech-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=") + boundary);
        r.body = formPart(boundary, "to", to.toUtf8()) + formPart(boundary, "message", mime, "message.mime") + "--" + boundary + "--\r\n";
    } else {
        out.message = QStringLiteral("%1 is not an HTTP sending provider").arg(p.provider);
        out.permanent = out.accountProblem = true;
        return out;
    }
    r.method = "POST";
    const net::HttpResponse response = http.get(r);
    out.code = response.status;
    out.ok = response.ok();
    if (out.ok)
        return out;
    const QString name = p.provider == QLatin1String("sendgrid") ? QStringLiteral("SendGrid") : QStringLiteral("Mailgun");
    const QString said = QString::fromUtf8(response.body.left(300)).simplified();
    if (response.status == 0)
        out.message = QStringLiteral("%1 did not answer (%2)").arg(name, response.error ? response.error->message : QStringLiteral("no response"));
    else
        out.message = QStringLiteral("%1 answered %2: %3").arg(name).arg(response.status).arg(said);
    if (response.status == 400 || response.status == 401 || response.status == 403 || response.status == 404 || response.status == 413)
        out.permanent = out.accountProblem = true;
    return out;
}

} // namespace fliptech::campaigns
