// Sender accounts through the API, on both backends: an SMTP account tested against a real SMTP
// server (aiosmtpd), SendGrid and Mailgun accounts tested against a local server that checks
// each provider's authentication, secrets kept in the secret store and never answered, the
// ramp's cap for today, and the mistakes a user makes answered with the field to fix.
#include "apiharness.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/engine/engine.h"
#include "fixturehttpserver.h"
#include "localdnsserver.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;

class TestSenderAccountsApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT

    void start() { startApi(); }
    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &role = QStringLiteral("admin"))
    {
        return ApiTestBase::send(method, path, body, role);
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void rampCaps()
    {
        using S = campaigns::SenderAccountService;
        QCOMPARE(S::capOnDay(200, 0, 0, 1), 200);  // no ramp
        QCOMPARE(S::capOnDay(200, 20, 10, 1), 20); // first day
        QCOMPARE(S::capOnDay(200, 20, 10, 5), 60);
        QCOMPARE(S::capOnDay(200, 20, 10, 100), 200); // never past the daily limit
        QCOMPARE(S::capOnDay(50, 20, 0, 30), 20);     // a ramp that does not grow
    }

    void smtpAccount()
    {
        start();
        FT_STOP_IF_FAILED();
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        QJsonObject fields{{QStringLiteral("name"), QStringLiteral("Sam's mailbox")},
                           {QStringLiteral("from_email"), QStringLiteral("Sam@Studio.example")},
                           {QStringLiteral("from_name"), QStringLiteral("Sam")},
                           {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("smtp_port"), int(sink.port())},
                           {QStringLiteral("smtp_security"), QStringLiteral("none")},
                           {QStringLiteral("password"), QStringLiteral("s3cret pass")},
                           {QStringLiteral("ramp_start"), 20},
                           {QStringLiteral("ramp_per_day"), 10},
                           {QStringLiteral("timezone"), QStringLiteral("America/Chicago")}};
        Reply r = send("POST", QStringLiteral("/api/v1/sender-accounts"), fields);
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("from_email")).toString(), QStringLiteral("sam@studio.example"));
        QCOMPARE(r.json.value(QStringLiteral("password_set")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("today_cap")).toInt(), 20);
        QCOMPARE(r.json.value(QStringLiteral("daily_limit")).toInt(), 200);
        QVERIFY2(!r.body.contains("s3cret"), r.body.constData());
        QCOMPARE(*m_api->secrets().read(QStringLiteral("sender/%1/password").arg(id)), QByteArray("s3cret pass"));
        QVERIFY(!get(QStringLiteral("/api/v1/sender-accounts")).body.contains("s3cret"));

        // Tested against the real server.
        r = send("POST", QStringLiteral("/api/v1/sender-accounts/%1/test").arg(id), {}, QStringLiteral("user"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("ok")).toBool(), r.body.constData());
        QVERIFY(sink.greetings() >= 1);

        // Replaced without its password: the password stays; then pointed at nothing: the test says so.
        fields.remove(QStringLiteral("password"));
        fields.insert(QStringLiteral("smtp_port"), int(test::freePort()));
        r = send("PUT", QStringLiteral("/api/v1/sender-accounts/%1").arg(id), fields);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("password_set")).toBool(), true);
        r = send("POST", QStringLiteral("/api/v1/sender-accounts/%1/test").arg(id), {}, QStringLiteral("user"));
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(r.json.value(QStringLiteral("message")).toString().contains(QLatin1String("127.0.0.1")), r.body.constData());
        fields.insert(QStringLiteral("password"), QString());
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/sender-accounts/%1").arg(id), fields).json.value(QStringLiteral("password_set")).toBool(), false);

        // Mistakes, each naming its field; the same address twice is a conflict.
        for (const auto &[change, field] : {std::pair{QJsonObject{{QStringLiteral("from_email"), QStringLiteral("not an address")}}, "from_email"},
                                           std::pair{QJsonObject{{QStringLiteral("hourly_limit"), 500}}, "hourly_limit"},
                                           std::pair{QJsonObject{{QStringLiteral("timezone"), QStringLiteral("Mars/Olympus")}}, "timezone"},
                                           std::pair{QJsonObject{{QStringLiteral("smtp_host"), QString()}}, "smtp_host"},
                                           std::pair{QJsonObject{{QStringLiteral("smtp_security"), QStringLiteral("ssl3")}}, "smtp_security"},
                                           std::pair{QJsonObject{{QStringLiteral("smtp_port"), 70000}}, "smtp_port"},
                                           std::pair{QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}, "colour"}}) {
            QJsonObject bad = fields;
            bad.insert(QStringLiteral("from_email"), QStringLiteral("other@studio.example"));
            for (auto it = change.begin(); it != change.end(); ++it)
                bad.insert(it.key(), it.value());
            r = send("POST", QStringLiteral("/api/v1/sender-accounts"), bad);
            QVERIFY2(r.status == 422 && r.body.contains(field), r.body.constData());
        }
        r = send("POST", QStringLiteral("/api/v1/sender-accounts"), fields);
        QCOMPARE(r.status, 409);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/sender-accounts"), fields, QStringLiteral("user")).status, 403);

        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/sender-accounts/%1").arg(id), {}).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/sender-accounts/%1").arg(id)).status, 404);
    }

    void httpProviders()
    {
        start();
        FT_STOP_IF_FAILED();
        test::FixtureHttpServer provider;
        QVERIFY(provider.start());
        // SendGrid v3: a bearer key; Mailgun: basic auth "api:<key>", the domain in the path.
        provider.addScript("/v3/scopes", [](const test::FixtureHttpServer::Request &r) {
            test::FixtureHttpServer::Response response;
            response.contentType = "application/json";
            response.status = r.headers.value("authorization") == "Bearer SG.good" ? 200 : 401;
            response.body = response.status == 200 ? "{\"scopes\":[\"mail.send\"]}" : "{\"errors\":[{\"message\":\"authorization required\"}]}";
            return response;
        });
        provider.addScript("/v3/domains/mg.studio.example", [](const test::FixtureHttpServer::Request &r) {
            test::FixtureHttpServer::Response response;
            response.contentType = "application/json";
            response.status = r.headers.value("authorization") == "Basic " + QByteArray("api:key-good").toBase64() ? 200 : 401;
            response.body = "{}";
            return response;
        });
        Reply r = send("POST", QStringLiteral("/api/v1/sender-accounts"),
                       {{QStringLiteral("name"), QStringLiteral("SendGrid")}, {QStringLiteral("from_email"), QStringLiteral("news@studio.example")},
                        {QStringLiteral("provider"), QStringLiteral("sendgrid")}, {QStringLiteral("api_base_url"), provider.baseUrl()},
                        {QStringLiteral("api_key"), QStringLiteral("SG.good")}});
        QCOMPARE(r.status, 201);
        const qint64 sendgrid = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("api_key_set")).toBool(), true);
        QVERIFY(r.json.value(QStringLiteral("smtp_port")).isNull());
        r = send("POST", QStringLiteral("/api/v1/sender-accounts/%1/test").arg(sendgrid), {}, QStringLiteral("user"));
        QVERIFY2(r.json.value(QStringLiteral("ok")).toBool(), r.body.constData());
        QVERIFY(send("PUT", QStringLiteral("/api/v1/sender-accounts/%1").arg(sendgrid),
                     {{QStringLiteral("name"), QStringLiteral("SendGrid")}, {QStringLiteral("from_email"), QStringLiteral("news@studio.example")},
                      {QStringLiteral("provider"), QStringLiteral("sendgrid")}, {QStringLiteral("api_base_url"), provider.baseUrl()},
                      {QStringLiteral("api_key"), QStringLiteral("SG.wrong")}})
                    .status == 200);
        r = send("POST", QStringLiteral("/api/v1/sender-accounts/%1/test").arg(sendgrid), {}, QStringLiteral("user"));
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(r.json.value(QStringLiteral("message")).toString().contains(QLatin1String("refused")), r.body.constData());

        // Mailgun needs its sending domain.
        QJsonObject mailgun{{QStringLiteral("name"), QStringLiteral("Mailgun")}, {QStringLiteral("from_email"), QStringLiteral("hi@studio.example")},
                            {QStringLiteral("provider"), QStringLiteral("mailgun")}, {QStringLiteral("api_base_url"), provider.baseUrl()},
                            {QStringLiteral("api_key"), QStringLiteral("key-good")}};
        r = send("POST", QStringLiteral("/api/v1/sender-accounts"), mailgun);
        QVERIFY2(r.status == 422 && r.body.contains("provider_domain"), r.body.constData());
        mailgun.insert(QStringLiteral("provider_domain"), QStringLiteral("mg.studio.example"));
        r = send("POST", QStringLiteral("/api/v1/sender-accounts"), mailgun);
        QCOMPARE(r.status, 201);
        r = send("POST", QStringLiteral("/api/v1/sender-accounts/%1/test").arg(r.json.value(QStringLiteral("id")).toInteger()), {}, QStringLiteral("user"));
        QVERIFY2(r.json.value(QStringLiteral("ok")).toBool(), r.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/sender-accounts"), QStringLiteral("viewer")).json.value(QStringLiteral("items")).toArray().size(), 2);
    }

    // A template's test send, through the real SMTP server: rendered for the lead, from the account.
    void templateTestSend()
    {
        start();
        FT_STOP_IF_FAILED();
        test::SmtpSink sink;
        QVERIFY2(sink.start(), qPrintable(sink.error()));
        Reply account = send("POST", QStringLiteral("/api/v1/sender-accounts"),
                             {{QStringLiteral("name"), QStringLiteral("Relay")}, {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                              {QStringLiteral("from_name"), QStringLiteral("Sam Seller")}, {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                              {QStringLiteral("smtp_port"), int(sink.port())}, {QStringLiteral("smtp_security"), QStringLiteral("none")}});
        QCOMPARE(account.status, 201);
        const Reply lead = send("POST", QStringLiteral("/api/v1/leads"), test::json(J({"name": "Bo", "first_name": "Bo", "company": "Bo's Buns"})), QStringLiteral("user"));
        const Reply templ = send("POST", QStringLiteral("/api/v1/templates"),
                                 test::json(J({"name": "Intro", "subject": "Idea for {{company}}", "body_html": "<p>Hi {{first_name}},</p><p>{{company}} online?</p>"})),
                                 QStringLiteral("user"));
        QCOMPARE(templ.status, 201);
        const QString path = QStringLiteral("/api/v1/templates/%1/test").arg(templ.json.value(QStringLiteral("id")).toInteger());
        Reply r = send("POST", path,
                       {{QStringLiteral("sender_account_id"), account.json.value(QStringLiteral("id"))}, {QStringLiteral("to"), QJsonArray{QStringLiteral("me@studio.example")}},
                        {QStringLiteral("lead_id"), lead.json.value(QStringLiteral("id"))}},
                       QStringLiteral("user"));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), QStringLiteral("[Test] Idea for Bo's Buns"));
        QTRY_COMPARE(sink.messages().size(), 1);
        const QByteArray got = sink.messages().first();
        QVERIFY2(got.contains("Subject: [Test] Idea for Bo's Buns\r\n") && got.contains("From: Sam Seller <sam@studio.example>\r\n") &&
                     got.contains("To: me@studio.example\r\n") && got.contains("Hi Bo,") && got.contains(r.json.value(QStringLiteral("message_id")).toString().toLatin1()),
                 got.constData());
        QCOMPARE(sink.recipients().first(), QByteArray("me@studio.example"));
        // Mistakes.
        r = send("POST", path, {{QStringLiteral("sender_account_id"), account.json.value(QStringLiteral("id"))}, {QStringLiteral("to"), QJsonArray{}}}, QStringLiteral("user"));
        QVERIFY2(r.status == 422 && r.body.contains("\"to\""), r.body.constData());
        r = send("POST", path, {{QStringLiteral("sender_account_id"), account.json.value(QStringLiteral("id"))}, {QStringLiteral("to"), QJsonArray{QStringLiteral("bounce@x.example")}}},
                 QStringLiteral("user"));
        QVERIFY2(r.status == 422 && r.body.contains("550"), r.body.constData()); // refused: said, not sent
        QCOMPARE(send("POST", QStringLiteral("/api/v1/templates/999999/test"),
                      {{QStringLiteral("sender_account_id"), account.json.value(QStringLiteral("id"))}, {QStringLiteral("to"), QJsonArray{QStringLiteral("a@b.example")}}},
                      QStringLiteral("user")).status,
                 404);
        QCOMPARE(sink.messages().size(), 1);
    }

    // The account's sending domain checked against a DNS server of ours.
    void deliverability()
    {
        test::LocalDnsServer dns;
        if (!dns.start())
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.1:53 here (%1)").arg(dns.errorString())));
        dns.addTxt(QStringLiteral("studio.example"), "v=spf1 include:_spf.mail.example ~all");
        dns.addTxt(QStringLiteral("fl1._domainkey.studio.example"), "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx");
        start();
        FT_STOP_IF_FAILED();
        m_api->engine().senders().setNameserver(dns.address());
        Reply r = send("POST", QStringLiteral("/api/v1/sender-accounts"),
                       {{QStringLiteral("name"), QStringLiteral("Studio")}, {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                        {QStringLiteral("smtp_host"), QStringLiteral("smtp.studio.example")}, {QStringLiteral("dkim_selector"), QStringLiteral("fl1")}});
        QCOMPARE(r.status, 201);
        r = get(QStringLiteral("/api/v1/sender-accounts/%1/deliverability").arg(r.json.value(QStringLiteral("id")).toInteger()), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("verdict")).toString(), QStringLiteral("fair")); // no DMARC yet
        QCOMPARE(r.json.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY2(r.json.value(QStringLiteral("summary")).toString().contains(QLatin1String("DMARC")), r.body.constData());
        QCOMPARE(get(QStringLiteral("/api/v1/sender-accounts/999999/deliverability")).status, 404);
    }
};

QTEST_MAIN(TestSenderAccountsApi)
#include "tst_senderaccountsapi.moc"
