// Campaigns through the API, on both backends, sending to a real SMTP server (aiosmtpd): every
// recipient gets exactly one message per step, with the unsubscribe headers, the open pixel and
// tracked links; bounces are suppressed; the suppression list is read at send time; caps, gaps
// and windows in three time zones are held with a fake clock; a sequence's follow-up goes only
// to those who did not reply, unsubscribe, bounce or convert; an A/B step picks its winner; a mailbox the
// server refuses pauses the campaign instead of bouncing everyone; and the mistakes a user makes
// are answered with the field to fix.
#include "apiharness.h"
#include "fakeclock.h"
#include "fixturehttpserver.h"
#include "imapserver.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/tracking.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <QProcess>
#include <openssl/x509.h>

using namespace fliptech;
using Reply = test::HttpReply;

// A delivery status notification as a remote server writes one for our message (its headers
// quoted, so the Message-ID names it).
QByteArray dsnFor(const QString &email, const QString &messageId, const QByteArray &status = "5.1.1")
{
    const QByteArray to = email.toLatin1();
    return "From: MAILER-DAEMON@mx.shop.example\r\nTo: sam@studio.example\r\nSubject: Undelivered Mail Returned to Sender\r\n"
           "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n"
           "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.shop.example\r\n\r\n"
           "Final-Recipient: rfc822; " + to + "\r\nAction: failed\r\nStatus: " + status + "\r\n"
           "Diagnostic-Code: smtp; 550 " + status + " <" + to + ">: Recipient address rejected\r\n\r\n"
           "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Sam <sam@studio.example>\r\nTo: " + to + "\r\nMessage-ID: " +
           messageId.toLatin1() + "\r\nSubject: Hi\r\n\r\n--b1--\r\n";
}

// An ECDSA P-256 key as SendGrid holds one: it signs, the product verifies with the public half.
struct EcKey {
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    ~EcKey() { EVP_PKEY_free(key); }
    QByteArray publicBase64() const
    {
        unsigned char *der = nullptr;
        const int n = i2d_PUBKEY(key, &der);
        QByteArray out(reinterpret_cast<const char *>(der), n);
        OPENSSL_free(der);
        return out.toBase64();
    }
    QByteArray sign(const QByteArray &data) const
    {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        size_t len = 0;
        EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
        EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()));
        QByteArray sig(qsizetype(len), Qt::Uninitialized);
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()));
        EVP_MD_CTX_free(ctx);
        sig.truncate(qsizetype(len));
        return sig.toBase64();
    }
};

class TestCampaignsApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT

    std::unique_ptr<test::SmtpSink> m_sink;
    std::unique_ptr<test::FakeClock> m_clock;

    void start(int workers = 2, bool fakeClock = false)
    {
        if (fakeClock)
            m_clock = std::make_unique<test::FakeClock>(QDateTime(QDate(2026, 1, 15), QTime(15, 30), QTimeZone::utc())); // a Thursday
        startApi(workers, m_clock.get());
        FT_STOP_IF_FAILED();
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY2(m_sink->start(), qPrintable(m_sink->error()));
        m_api->engine().campaigns().setMaxInlineWaitMs(fakeClock ? 0 : 2000);
        m_api->engine().tracking().setPublicBaseUrl(QStringLiteral("https://track.studio.example"));
    }
    storage::Database &db() { return m_api->engine().database(); }
    // After the fake clock jumped past the tokens' lifetime: signed in again.
    void later(const QDateTime &utc)
    {
        m_clock->set(utc);
        m_t[QStringLiteral("admin")] = m_api->login(QStringLiteral("boss@agency.example"), test::ApiHarness::adminPassword);
        m_t[QStringLiteral("user")] = m_api->login(QStringLiteral("user@agency.example"), test::ApiHarness::memberPassword);
    }

    qint64 account(const QJsonObject &extra = {}) { return test::createSenderAccount(*this, m_sink->port(), extra); }
    qint64 templ(const QString &name, const QString &subject, const QString &html)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/templates"),
                             {{QStringLiteral("name"), name}, {QStringLiteral("subject"), subject}, {QStringLiteral("body_html"), html}});
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    // Straight into the table: two leads may share an address here (the API would merge them).
    qint64 lead(const QString &email, const QString &name, const QString &region = QStringLiteral("TX"), const QString &country = QStringLiteral("US"))
    {
        auto row = db().selectOne(QStringLiteral("INSERT INTO leads (name, first_name, company, email, region, country, source) VALUES (?, ?, ?, ?, ?, ?, 'manual') RETURNING id"),
                                  {name, name.section(u' ', 0, 0), QString(name + QStringLiteral(" Ltd")), email.isEmpty() ? QVariant() : QVariant(email), region, country});
        FT_EXPECT(row.ok(), row.ok() ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : 0;
    }
    qint64 campaign(const QJsonObject &fields)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/campaigns"), fields);
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    static QJsonObject allDay() { return test::json(J({"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "00:00", "end": "00:00"})); }
    QJsonObject waitForStatus(qint64 id, const QString &status, int ms = 30000)
    {
        QJsonObject c;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            c = get(QStringLiteral("/api/v1/campaigns/%1").arg(id)).json;
            if (c.value(QStringLiteral("status")).toString() == status)
                return c;
            QTest::qWait(100);
        }
        return c;
    }
    // Until the sink holds n messages and the campaign's job is idle (nothing running).
    bool waitForSink(int n, int ms = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (m_sink->messages().size() >= n && idle())
                return m_sink->messages().size() == n;
            QTest::qWait(100);
        }
        return false;
    }
    bool idle()
    {
        auto running = db().selectOne(QStringLiteral("SELECT count(*) FROM jobs WHERE type = 'campaigns.send' AND state = 'running'"));
        return running && running->value(0).toInt() == 0;
    }
    QJsonObject stats(qint64 id) { return get(QStringLiteral("/api/v1/campaigns/%1/stats").arg(id)).json; }
    // POSTs to a route that queues a job (202 {job_id}) and waits for it: the job's result.
    QJsonObject runJob(const QString &path)
    {
        const Reply r = send("POST", path, {});
        FT_EXPECT(r.status == 202, r.body.constData());
        const qint64 job = r.json.value(QStringLiteral("job_id")).toInteger();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            const QJsonObject j = get(QStringLiteral("/api/v1/jobs/%1").arg(job)).json;
            if (j.value(QStringLiteral("state")).toString() == QLatin1String("done"))
                return j.value(QStringLiteral("result")).toObject();
            FT_EXPECT(j.value(QStringLiteral("state")).toString() != QLatin1String("dead"), QJsonDocument(j).toJson().constData());
            QTest::qWait(100);
        }
        FT_EXPECT(false, "the job finished within 30 s");
        return {};
    }
    QHash<QString, QString> recipientStatus(qint64 id)
    {
        QHash<QString, QString> out;
        for (const auto &r : get(QStringLiteral("/api/v1/campaigns/%1/recipients?limit=1000").arg(id)).json.value(QStringLiteral("items")).toArray())
            out.insert(r.toObject().value(QStringLiteral("email")).toString(), r.toObject().value(QStringLiteral("status")).toString());
        return out;
    }
    QStringList sinkRecipients()
    {
        QStringList out;
        for (const QByteArray &r : m_sink->recipients())
            out << QString::fromLatin1(r);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        closeAll();
        m_sink.reset();
        m_clock.reset();
    }

    void mistakesNameTheField()
    {
        start(0);
        FT_STOP_IF_FAILED();
        const qint64 t = templ(QStringLiteral("Hello"), QStringLiteral("Hi {{first_name}}"), QStringLiteral("<p>Hello {{company}}</p>"));
        struct Case {
            const char *body;
            const char *field;
        };
        const Case cases[] = {
            {J({"description": "no name"}), "name"},
            {J({"name": "X", "shoe_size": 4}), "shoe_size"},
            {J({"name": "X", "steps": [{"template_id": 999999}]}), "steps[0].template_id"},
            {J({"name": "X", "steps": [{"variants": [{"template_id": 1}, {"template_id": "two"}]}]}), "steps[0].variants[1].template_id"},
            {J({"name": "X", "steps": [{"delay_days": -1, "template_id": 1}]}), "steps[0].delay_days"},
            {J({"name": "X", "audience": {"filter": {"shoe_size": 3}}}), "audience.filter"},
            {J({"name": "X", "audience": {"filter": {}, "lead_ids": [1]}}), "audience"},
            {J({"name": "X", "audience": {"filter": {}, "exclude": {"contacted_within_days": "soon"}}}), "audience.exclude.contacted_within_days"},
            {J({"name": "X", "schedule": {"start": "25:00"}}), "schedule.start"},
            {J({"name": "X", "schedule": {"days": ["funday"]}}), "schedule.days"},
            {J({"name": "X", "schedule": {"timezone": "Mars/Olympus"}}), "schedule.timezone"},
            {J({"name": "X", "sender_account_ids": [424242]}), "sender_account_ids"},
            {J({"name": "X", "on_crash": "panic"}), "on_crash"},
        };
        for (const Case &c : cases) {
            QJsonObject body = test::json(c.body);
            // Template 1 of the cases is the one made above.
            QByteArray text = QJsonDocument(body).toJson();
            text.replace(QByteArray("\"template_id\": 1"), QByteArray("\"template_id\": " + QByteArray::number(t)));
            const Reply r = send("POST", QStringLiteral("/api/v1/campaigns"), QJsonDocument::fromJson(text).object());
            QVERIFY2(r.status == 422, c.body);
            QVERIFY2(r.details().contains(QLatin1String(c.field)), qPrintable(QString::fromUtf8(c.body) + QStringLiteral(" -> ") + QString::fromUtf8(r.body)));
        }
        QCOMPARE(get(QStringLiteral("/api/v1/campaigns")).json.value(QStringLiteral("items")).toArray().size(), 0); // nothing written

        // A draft is launched only when it can send.
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Spring")}});
        Reply r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().contains(QStringLiteral("steps")), r.body.constData());
        r = send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("template_id"), t}});
        QCOMPARE(r.status, 200);
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QVERIFY2(r.details().contains(QStringLiteral("sender_account_ids")), r.body.constData());
        const qint64 a = account();
        r = send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("sender_account_id"), a}});
        QCOMPARE(r.json.value(QStringLiteral("sender_account_ids")).toArray(), QJsonArray{a});
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QVERIFY2(r.details().contains(QStringLiteral("audience")), r.body.constData());
        r = send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("audience"), test::json(J({"filter": {"city": "Nowhere"}}))}});
        QCOMPARE(r.status, 200);
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.message().contains(QStringLiteral("no one to send to")), r.body.constData());
        lead(QStringLiteral("ann@bakery.example"), QStringLiteral("Ann Baker"));
        r = send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("audience"), test::json(J({"filter": {}}))}});
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QCOMPARE(r.json.value(QStringLiteral("total_recipients")).toInt(), 1);
        // Launched: once, and its steps are fixed.
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 409);
        r = send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("template_id"), t}});
        QCOMPARE(r.status, 422);
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/campaigns/%1").arg(id), {{QStringLiteral("name"), QStringLiteral("Spring offer")}}).status, 200);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/campaigns/%1").arg(id), {}).status, 409); // pause it first
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/resume").arg(id), {}).status, 409);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/pause").arg(id), {}).json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/campaigns/%1").arg(id), {}).status, 204);
        // Viewers read, they do not write.
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns"), {{QStringLiteral("name"), QStringLiteral("V")}}, QStringLiteral("viewer")).status, 403);
    }

    void audiencePreviewCounts()
    {
        start(0);
        FT_STOP_IF_FAILED();
        lead(QStringLiteral("ann@bakery.example"), QStringLiteral("Ann Baker"));
        lead(QStringLiteral("ANN@bakery.example"), QStringLiteral("Ann B. (again)")); // the same address
        lead(QStringLiteral("gone@shop.example"), QStringLiteral("Gone Shop"));
        lead(QString(), QStringLiteral("No Mail"));
        const qint64 skip = lead(QStringLiteral("skip@shop.example"), QStringLiteral("Skip Me"));
        lead(QStringLiteral("bob@garage.example"), QStringLiteral("Bob Garage"), QStringLiteral("CA"));
        QVERIFY(db().execute(QStringLiteral("INSERT INTO suppressions (email, reason) VALUES ('Gone@Shop.example', 'unsubscribe')")).ok());
        const Reply r = send("POST", QStringLiteral("/api/v1/campaigns/preview"),
                             {{QStringLiteral("audience"), QJsonObject{{QStringLiteral("filter"), QJsonObject()},
                                                                       {QStringLiteral("exclude"), QJsonObject{{QStringLiteral("lead_ids"), QJsonArray{skip}}}}}},
                              {QStringLiteral("schedule"), test::json(J({"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}))}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("matched")).toInt(), 6);
        QCOMPARE(r.json.value(QStringLiteral("excluded")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("without_email")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("suppressed")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("duplicates")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 2);
        const QJsonArray first = r.json.value(QStringLiteral("first_sends")).toArray();
        QCOMPARE(first.size(), 3); // the three deliverable leads (one address twice)
        QSet<QString> zones;
        for (const auto &f : first)
            zones << f.toObject().value(QStringLiteral("timezone")).toString();
        QCOMPARE(zones, (QSet<QString>{QStringLiteral("America/Chicago"), QStringLiteral("America/Los_Angeles")}));
    }

    void sendsEachRecipientOnce()
    {
        start(2);
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("{Hi|Hello} {{first_name}}"),
                               QStringLiteral("<html><body><p>Hello {{company}},</p><p><a href=\"https://studio.example/work?a=1&amp;b=2\">our work</a></p>"
                                              "<p><a href=\"{{unsubscribe_url}}\">unsubscribe</a></p></body></html>"));
        QStringList expected;
        for (int i = 0; i < 40; ++i) {
            const QString email = QStringLiteral("owner%1@shop%1.example").arg(i);
            lead(email, QStringLiteral("Owner%1 Smith").arg(i));
            expected << email;
        }
        lead(QStringLiteral("OWNER0@shop0.example"), QStringLiteral("Twin Smith")); // a duplicate address
        lead(QStringLiteral("bounce@shop.example"), QStringLiteral("Bounce Shop"));
        lead(QString(), QStringLiteral("No Mail"));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Intro")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        // Followed live on /ws/campaigns, as the web frontend does.
        QList<QJsonObject> live;
        QWebSocket ws;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&live](const QString &m) { live.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
        QSignalSpy connected(&ws, &QWebSocket::connected);
        const QString ticket = send("POST", QStringLiteral("/api/v1/ws/ticket"), {}).json.value(QStringLiteral("ticket")).toString();
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/campaigns?ticket=%2").arg(m_api->server().port()).arg(ticket)));
        QVERIFY(connected.wait(5000));
        Reply r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("total_recipients")).toInt(), 41);
        QCOMPARE(r.json.value(QStringLiteral("skipped_recipients")).toInt(), 2); // the twin, the one without mail
        const QJsonObject done = waitForStatus(id, QStringLiteral("completed"));
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QTRY_VERIFY_WITH_TIMEOUT(!live.isEmpty() && live.last().value(QStringLiteral("type")).toString() == QLatin1String("campaign_completed"), 5000);
        QStringList types;
        qint64 lastDone = 0;
        for (const QJsonObject &m : std::as_const(live)) {
            types << m.value(QStringLiteral("type")).toString();
            QCOMPARE(m.value(QStringLiteral("campaign_id")).toInteger(), id);
            if (types.last() == QLatin1String("campaign_progress"))
                lastDone = m.value(QStringLiteral("done")).toInteger();
        }
        QCOMPARE(types.first(), QStringLiteral("campaign_launched"));
        QVERIFY2(types.contains(QStringLiteral("campaign_progress")), qPrintable(types.join(u',')));
        QCOMPARE(lastDone, 41); // 40 sent and the bounce: the last progress says all

        // Exactly one message each, the bounce refused by the server.
        QStringList got = sinkRecipients();
        QCOMPARE(got.size(), 40);
        std::sort(got.begin(), got.end(), [](const QString &x, const QString &y) { return x.toLower() < y.toLower(); });
        std::sort(expected.begin(), expected.end());
        for (int i = 0; i < got.size(); ++i)
            QCOMPARE(got.at(i).toLower(), expected.at(i));
        const auto states = recipientStatus(id);
        QCOMPARE(states.value(QStringLiteral("bounce@shop.example")), QStringLiteral("bounced"));
        QCOMPARE(states.values().count(QStringLiteral("sent")), 40);
        auto suppressed = db().selectOne(QStringLiteral("SELECT reason FROM suppressions WHERE email = 'bounce@shop.example'"));
        QVERIFY(suppressed);
        QCOMPARE(suppressed->value(0).toString(), QStringLiteral("bounce"));

        // What each message holds: its Message-ID (the one stored), the unsubscribe headers, the
        // open pixel, the tracked link that leads where the template said.
        const QByteArray message = m_sink->messages().first();
        const QString rcpt = QString::fromLatin1(m_sink->recipients().first());
        auto stored = db().selectOne(QStringLiteral("SELECT r.message_id, r.id FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id WHERE lower(l.email) = lower(?)"), {rcpt});
        QVERIFY(stored);
        QVERIFY2(message.contains(QByteArray("Message-ID: " + stored->value(0).toString().toLatin1())), message.left(600).constData());
        QVERIFY(message.contains("List-Unsubscribe: <http"));
        QVERIFY(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        QVERIFY(message.contains("X-FlipTech-Campaign: cmp_"));
        const QString body = QString::fromLatin1(message).remove(QStringLiteral("=\r\n")).replace(QStringLiteral("=3D"), QStringLiteral("="));
        static const QRegularExpression pixel(QStringLiteral("/t/o/([A-Za-z0-9_.-]+)\\.gif"));
        static const QRegularExpression click(QStringLiteral("/t/c/([A-Za-z0-9_.-]+)\""));
        const auto p = pixel.match(body), c = click.match(body);
        QVERIFY2(p.hasMatch() && c.hasMatch(), qPrintable(body.right(1500)));
        QVERIFY(!body.contains(QStringLiteral("href=\"https://studio.example/work")));        // the link goes through the tracker
        QVERIFY(body.contains(QStringLiteral("/u/")));                                          // the unsubscribe link does not
        QCOMPARE(m_api->call("GET", QStringLiteral("/t/o/%1.gif").arg(p.captured(1))).status, 200);
        r = m_api->call("GET", QStringLiteral("/t/c/%1").arg(c.captured(1)));
        QCOMPARE(r.status, 302);
        QCOMPARE(r.headers.value("location"), QByteArray("https://studio.example/work?a=1&b=2"));

        const QJsonObject s = stats(id);
        QCOMPARE(s.value(QStringLiteral("sent")).toInt(), 41);
        QCOMPARE(s.value(QStringLiteral("delivered")).toInt(), 40);
        QCOMPARE(s.value(QStringLiteral("bounced")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("opened")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("clicked")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("rates")).toObject().value(QStringLiteral("open_rate")).toDouble(), 2.5);
        QCOMPARE(s.value(QStringLiteral("steps")).toArray().first().toObject().value(QStringLiteral("delivered")).toInt(), 40);
        QCOMPARE(get(QStringLiteral("/api/v1/campaigns/%1/opens").arg(id)).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/campaigns/%1/clicks").arg(id)).json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("/api/v1/campaigns/%1").arg(id)).json.value(QStringLiteral("emails_sent")).toInt(), 40);
        const QJsonObject perf = get(QStringLiteral("/api/v1/templates/%1/performance").arg(t)).json;
        QCOMPARE(perf.value(QStringLiteral("total_sent")).toInt(), 40);
        QCOMPARE(perf.value(QStringLiteral("total_opened")).toInt(), 1);
        QCOMPARE(perf.value(QStringLiteral("total_clicked")).toInt(), 1);
        QCOMPARE(perf.value(QStringLiteral("avg_open_time_minutes")).toInt(), 0); // opened within the minute it was sent
        QVERIFY(!perf.value(QStringLiteral("avg_open_time_minutes")).isNull());
        int timelineSent = 0, timelineOpened = 0;
        for (const auto &b : get(QStringLiteral("/api/v1/campaigns/%1/timeline").arg(id)).json.value(QStringLiteral("items")).toArray()) {
            timelineSent += b.toObject().value(QStringLiteral("sent")).toInt();
            timelineOpened += b.toObject().value(QStringLiteral("opened")).toInt();
            QVERIFY(b.toObject().value(QStringLiteral("at")).toString().endsWith(QStringLiteral(":00:00Z")));
        }
        QCOMPARE(timelineSent, 40);
        QCOMPARE(timelineOpened, 1);
        auto contacted = db().selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE status = 'contacted' AND contacted_count = 1"));
        QCOMPARE(contacted->value(0).toInt(), 40);
        auto rows = db().selectOne(QStringLiteral("SELECT count(*), count(DISTINCT message_id) FROM campaign_messages WHERE campaign_id = ?"), {id});
        QCOMPARE(rows->value(0).toInt(), 41);
        QCOMPARE(rows->value(1).toInt(), 41);
        // Four connections at most, each reused (libcurl drops one after a refusal).
        QVERIFY2(m_sink->greetings() <= 5, qPrintable(QString::number(m_sink->greetings()))); // and one after the refused recipient
    }

    // Rules put leads into a launched campaign (add_to_campaign: a completed one sends again) and
    // stop their sequences (stop_sequence); both checked when the rule is saved.
    void rulesAddLeadsAndStopSequences()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        lead(QStringLiteral("first@x.example"), QStringLiteral("First One"), QStringLiteral("CA"));
        auto fields = [&](const QString &name) {
            return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("template_id"), t}, {QStringLiteral("sender_account_ids"), QJsonArray{a}},
                               {QStringLiteral("audience"), test::json(J({"filter": {"region": "CA"}}))}, {QStringLiteral("schedule"), allDay()}};
        };
        const qint64 draft = campaign(fields(QStringLiteral("Draft")));
        const qint64 id = campaign(fields(QStringLiteral("Always on")));
        const qint64 later = campaign(fields(QStringLiteral("Next week")));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QVERIFY(waitForSink(1));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QString nextWeek = QDateTime::currentDateTimeUtc().addDays(7).toString(Qt::ISODate);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(later), {{QStringLiteral("start_at"), nextWeek}}).status, 200);

        auto rule = [&](const QString &trigger, const QJsonObject &action) {
            return send("POST", QStringLiteral("/api/v1/rules"),
                        {{QStringLiteral("name"), QStringLiteral("r")}, {QStringLiteral("trigger"), trigger}, {QStringLiteral("actions"), QJsonArray{action}},
                         {QStringLiteral("conditions"), QJsonArray{test::json(J({"field": "region", "op": "equals", "value": "TX"}))}}});
        };
        Reply r = rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("add_to_campaign")}, {QStringLiteral("campaign_id"), draft}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().value(QStringLiteral("actions[0].campaign_id")).toString().contains(QStringLiteral("launch it first")), r.body.constData());
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("add_to_campaign")}, {QStringLiteral("campaign_id"), 99999}}).status, 422);
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("add_to_campaign")}, {QStringLiteral("campaign_id"), QStringLiteral("x")}}).status, 422);
        QCOMPARE(rule(QStringLiteral("lead_updated"), {{QStringLiteral("type"), QStringLiteral("stop_sequence")}, {QStringLiteral("campaign_id"), 99999}}).status, 422);
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("add_to_campaign")}, {QStringLiteral("campaign_id"), id}}).status, 201);
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("add_to_campaign")}, {QStringLiteral("campaign_id"), later}}).status, 201);
        QCOMPARE(rule(QStringLiteral("lead_status_changed"), {{QStringLiteral("type"), QStringLiteral("stop_sequence")}, {QStringLiteral("campaign_id"), later}}).status, 201);
        QTest::qWait(5); // the rules see events after they were made

        // A lead from Texas arrives: it joins both; the completed campaign sends to it at once.
        r = send("POST", QStringLiteral("/api/v1/leads"), {{QStringLiteral("name"), QStringLiteral("Tex Roofing")}, {QStringLiteral("email"), QStringLiteral("tex@roof.example")},
                                                           {QStringLiteral("region"), QStringLiteral("TX")}});
        QCOMPARE(r.status, 201);
        const qint64 tex = r.json.value(QStringLiteral("id")).toInteger();
        QVERIFY(waitForSink(2));
        QVERIFY(m_sink->messages().last().contains("tex@roof.example"));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("total_recipients")).toInt(), 2);
        auto pending = [&] {
            auto row = db().selectOne(QStringLiteral("SELECT status FROM campaign_recipients WHERE campaign_id = ? AND lead_id = ?"), {later, tex});
            return row ? row->value(0).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(pending(), QStringLiteral("pending"), 15000);
        // In already: not twice, and why.
        auto again = m_api->engine().campaigns().addLead(id, tex);
        QVERIFY(again.ok());
        QCOMPARE(again->value(QStringLiteral("added")).toBool(), false);
        QCOMPARE(again->value(QStringLiteral("reason")).toString(), QStringLiteral("the lead is in the campaign already"));

        // Its status changes: its sequence in the scheduled campaign stops before anything went.
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(tex), {{QStringLiteral("status"), QStringLiteral("qualified")}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(pending(), QStringLiteral("stopped"), 15000);
        QCOMPARE(m_sink->messages().size(), 2);
    }

    // A rule answers a new lead with a template (an auto-response, sent once by a job, a new
    // conversation), and a later change drafts an AI reply in that conversation for approval.
    void rulesSendATemplateAndDraftAReply()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Welcome"), QStringLiteral("Welcome, {{first_name}}"), QStringLiteral("<p>Thanks for your interest, {{first_name}}.</p>"));
        auto rule = [&](const QString &trigger, const QJsonObject &action) {
            return send("POST", QStringLiteral("/api/v1/rules"),
                        {{QStringLiteral("name"), QStringLiteral("r")}, {QStringLiteral("trigger"), trigger}, {QStringLiteral("actions"), QJsonArray{action}}});
        };
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("send_template")}, {QStringLiteral("template_id"), t}}).status, 422);
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("send_template")}, {QStringLiteral("template_id"), t},
                                                       {QStringLiteral("sender_account_id"), 9999}}).status, 422);
        QCOMPARE(rule(QStringLiteral("lead_created"), {{QStringLiteral("type"), QStringLiteral("send_template")}, {QStringLiteral("template_id"), t},
                                                       {QStringLiteral("sender_account_id"), a}}).status, 201);
        QCOMPARE(rule(QStringLiteral("message_received"), {{QStringLiteral("type"), QStringLiteral("generate_ai_reply")}, {QStringLiteral("writer"), QStringLiteral("offline")}}).status, 201);
        QTest::qWait(5); // the rules see events after they were made

        Reply r = send("POST", QStringLiteral("/api/v1/leads"), {{QStringLiteral("name"), QStringLiteral("Maria Lopez")}, {QStringLiteral("first_name"), QStringLiteral("Maria")},
                                                                 {QStringLiteral("email"), QStringLiteral("maria@bakery.example")}});
        QCOMPARE(r.status, 201);
        const qint64 maria = r.json.value(QStringLiteral("id")).toInteger();
        QVERIFY(waitForSink(1));
        const QByteArray sent = m_sink->messages().first();
        QVERIFY2(sent.contains("Subject: Welcome, Maria") && sent.contains("Thanks for your interest, Maria."), sent.left(1500).constData());
        // Both parts, as the template has them: the HTML and the text made from it.
        QVERIFY2(sent.contains("multipart/alternative") && sent.contains("<p>Thanks for your interest, Maria.</p>"), sent.left(2500).constData());
        auto conversations = [&] {
            auto row = db().selectOne(QStringLiteral("SELECT count(*) FROM conversations WHERE lead_id = ?"), {maria});
            return row ? row->value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(conversations(), 1, 15000);

        // She answers: a reply suggestion waits in the conversation the event names; nothing more is sent.
        const qsizetype at = sent.indexOf("Message-ID: ");
        QVERIFY(at >= 0);
        const QByteArray messageId = sent.mid(at + 12, sent.indexOf('\n', at) - at - 12).trimmed();
        const QByteArray answer = "From: Maria Lopez <maria@bakery.example>\r\nTo: sam@studio.example\r\nSubject: Re: Welcome, Maria\r\n"
                                  "Message-ID: <answer-1@bakery.example>\r\nIn-Reply-To: " + messageId + "\r\nDate: Thu, 03 Dec 2026 10:00:00 +0000\r\n"
                                  "Content-Type: text/plain; charset=utf-8\r\n\r\nHow much would a new website cost?\r\n";
        auto ingested = m_api->engine().conversations().ingest(a, answer);
        QVERIFY2(ingested.ok(), ingested ? "" : qPrintable(ingested.error().message));
        auto suggestions = [&] {
            auto row = db().selectOne(QStringLiteral("SELECT count(*) FROM ai_suggestions s JOIN conversations c ON c.id = s.conversation_id "
                                                     "WHERE c.lead_id = ? AND s.status = 'pending'"),
                                      {maria});
            return row ? row->value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(suggestions(), 1, 15000);
        QTest::qWait(300);
        QCOMPARE(m_sink->messages().size(), 1);
    }

    // Over the size an administrator set, a user's launch waits for an administrator: 202 with
    // the request, the same one when asked again; approved, the campaign launches and sends.
    void bigLaunchesWaitForAnAdministrator()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        lead(QStringLiteral("b1@x.example"), QStringLiteral("B1"), QStringLiteral("NV"));
        lead(QStringLiteral("b2@x.example"), QStringLiteral("B2"), QStringLiteral("NV"));
        auto fields = [&](const QString &name) {
            return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("template_id"), t}, {QStringLiteral("sender_account_ids"), QJsonArray{a}},
                               {QStringLiteral("audience"), test::json(J({"filter": {"region": "NV"}}))}, {QStringLiteral("schedule"), allDay()}};
        };
        const QString settings = QStringLiteral("/api/v1/workflow-approvals/settings");
        QCOMPARE(get(settings, QStringLiteral("viewer")).json.value(QStringLiteral("campaign_launch_over")).toInt(), 0);
        QCOMPARE(send("PUT", settings, {{QStringLiteral("campaign_launch_over"), 1}}, QStringLiteral("user")).status, 403);
        QCOMPARE(send("PUT", settings, {{QStringLiteral("campaign_launch_over"), -1}}, QStringLiteral("admin")).status, 422);
        QCOMPARE(send("PUT", settings, {{QStringLiteral("campaign_launch_over"), 1}}, QStringLiteral("admin")).status, 200);

        const qint64 id = campaign(fields(QStringLiteral("Big")));
        Reply r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        const QJsonObject approval = r.json.value(QStringLiteral("approval")).toObject();
        QCOMPARE(approval.value(QStringLiteral("kind")).toString(), QStringLiteral("campaign_launch"));
        QCOMPARE(approval.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(approval.value(QStringLiteral("payload")).toObject().value(QStringLiteral("recipients")).toInt(), 2);
        const qint64 request = approval.value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json.value(QStringLiteral("approval")).toObject().value(QStringLiteral("id")).toInteger(), request); // not a second request
        QCOMPARE(m_sink->messages().size(), 0);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(request), {{QStringLiteral("decision"), QStringLiteral("approved")}}).status, 403);
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(request), {{QStringLiteral("decision"), QStringLiteral("approved")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("launched")).toBool(), r.body.constData());
        QVERIFY(waitForSink(2));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("total_recipients")).toInt(), 2);

        // An administrator's launch does not wait.
        const qint64 other = campaign(fields(QStringLiteral("Admin's")));
        r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(other), {}, QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(QStringLiteral("approval")));
    }

    void capsAndGapsWithAFakeClock()
    {
        start(1, true);
        FT_STOP_IF_FAILED();
        const qint64 a = account({{QStringLiteral("hourly_limit"), 3}, {QStringLiteral("daily_limit"), 5}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        for (int i = 0; i < 8; ++i)
            lead(QStringLiteral("p%1@x.example").arg(i), QStringLiteral("P%1").arg(i));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Capped")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QVERIFY(waitForSink(3)); // the hourly cap
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 3);
        later(m_clock->now().addSecs(3601));
        QVERIFY(waitForSink(5)); // the daily cap
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 5);
        QCOMPARE(stats(id).value(QStringLiteral("recipients")).toObject().value(QStringLiteral("pending")).toInt(), 3);
        later(QDateTime(QDate(2026, 1, 16), QTime(0, 0, 1), QTimeZone::utc())); // a new day in the account's zone (UTC)
        QVERIFY(waitForSink(8));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

        // A gap between two sends.
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY(m_sink->start());
        const qint64 gapped = account({{QStringLiteral("min_gap_seconds"), 600}, {QStringLiteral("from_email"), QStringLiteral("gap@studio.example")}});
        for (int i = 0; i < 2; ++i)
            lead(QStringLiteral("g%1@x.example").arg(i), QStringLiteral("G%1").arg(i));
        const qint64 id2 = campaign({{QStringLiteral("name"), QStringLiteral("Gapped")}, {QStringLiteral("template_id"), t},
                                     {QStringLiteral("sender_account_ids"), QJsonArray{gapped}},
                                     {QStringLiteral("audience"), test::json(J({"filter": {}, "exclude": {"filter": {"contacted_count": {"min": 1}}}}))},
                                     {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id2), {}).json.value(QStringLiteral("total_recipients")).toInt(), 2);
        QVERIFY(waitForSink(1));
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 1);
        later(m_clock->now().addSecs(600));
        QVERIFY(waitForSink(2));
    }

    // The workspace's daily e-mail limit (usage limits), over any account's own caps: the sends
    // stop at it, the campaign says so once, and the rest go out when the day turns.
    void theUsageLimitHoldsSendsUntilTheDayTurns()
    {
        start(1, true);
        FT_STOP_IF_FAILED();
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"emails_sent": {"daily_limit": 4}}})), QStringLiteral("admin")).status, 200);
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        for (int i = 0; i < 6; ++i)
            lead(QStringLiteral("u%1@x.example").arg(i), QStringLiteral("U%1").arg(i));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Limited")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QVERIFY(waitForSink(4));
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 4);
        QCOMPARE(stats(id).value(QStringLiteral("recipients")).toObject().value(QStringLiteral("pending")).toInt(), 2);
        auto told = db().select(QStringLiteral("SELECT payload FROM events WHERE type = 'campaign_usage_limit'"));
        QVERIFY(told.ok());
        QCOMPARE(told->size(), 1);
        const QJsonObject payload = QJsonDocument::fromJson(told->first().value(0).toByteArray()).object();
        QVERIFY2(payload.value(QStringLiteral("message")).toString().contains(QStringLiteral("daily limit of 4 e-mails")), told->first().value(0).toByteArray().constData());
        QCOMPARE(payload.value(QStringLiteral("resumes_at")).toString(), QStringLiteral("2026-01-16T00:00:00.000Z"));
        later(QDateTime(QDate(2026, 1, 16), QTime(0, 0, 1), QTimeZone::utc())); // a new day in the usage zone (UTC)
        QVERIFY(waitForSink(6));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    void windowsInThreeTimeZones()
    {
        start(1, true); // Thursday 15:30 UTC: 09:30 in Chicago, 10:30 in New York, 07:30 in Los Angeles
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        lead(QStringLiteral("tx@x.example"), QStringLiteral("Tex"), QStringLiteral("Texas"));
        lead(QStringLiteral("ny@x.example"), QStringLiteral("Nyla"), QStringLiteral("NY"));
        lead(QStringLiteral("ca@x.example"), QStringLiteral("Cal"), QStringLiteral("CA"));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Business hours")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), test::json(J({"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}))}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QVERIFY(waitForSink(2));
        QStringList got = sinkRecipients();
        got.sort();
        QCOMPARE(got, (QStringList{QStringLiteral("ny@x.example"), QStringLiteral("tx@x.example")}));
        // Los Angeles waits for its 09:00, which is 17:00 UTC.
        auto next = db().selectOne(QStringLiteral("SELECT r.next_send_at FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id WHERE l.email = 'ca@x.example'"));
        QCOMPARE(storage::Database::toDateTime(next->value(0)), QDateTime(QDate(2026, 1, 15), QTime(17, 0), QTimeZone::utc()));
        m_clock->set(QDateTime(QDate(2026, 1, 15), QTime(16, 59, 59), QTimeZone::utc()));
        QTest::qWait(1200);
        QCOMPARE(m_sink->messages().size(), 2);
        later(QDateTime(QDate(2026, 1, 15), QTime(17, 0, 1), QTimeZone::utc()));
        QVERIFY(waitForSink(3));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    void sequenceStopsOnReplyUnsubscribeBounce()
    {
        start(1, true);
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 first = templ(QStringLiteral("First"), QStringLiteral("Hello {{first_name}}"), QStringLiteral("<p>First</p>"));
        const qint64 second = templ(QStringLiteral("Follow-up"), QStringLiteral("Re: Hello {{first_name}}"), QStringLiteral("<p>Second</p>"));
        lead(QStringLiteral("replier@x.example"), QStringLiteral("Rae"));
        lead(QStringLiteral("leaver@x.example"), QStringLiteral("Lee"));
        lead(QStringLiteral("bounce@x.example"), QStringLiteral("Bo"));
        lead(QStringLiteral("quiet@x.example"), QStringLiteral("Quinn"));
        const qint64 buyer = lead(QStringLiteral("buyer@x.example"), QStringLiteral("Bea"));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Two steps")},
                                    {QStringLiteral("steps"), QJsonArray{QJsonObject{{QStringLiteral("template_id"), first}},
                                                                         QJsonObject{{QStringLiteral("template_id"), second}, {QStringLiteral("delay_days"), 2}}}},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), test::json(J({"days": ["mon", "tue", "wed", "thu", "fri"], "start": "00:00", "end": "00:00"}))}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QVERIFY(waitForSink(4));
        // The buyer converts (won) before the follow-up.
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(buyer), {{QStringLiteral("status"), QStringLiteral("won")}}).status, 200);
        // The replier answers (as the inbox reports it), the leaver unsubscribes with one click.
        auto mid = db().selectOne(QStringLiteral("SELECT m.message_id FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                 "JOIN leads l ON l.id = r.lead_id WHERE l.email = 'replier@x.example'"));
        QVERIFY(mid);
        QVERIFY(m_api->engine().campaigns().recordReply(mid->value(0).toString(), m_clock->now()).ok());
        QCOMPARE(get(QStringLiteral("/api/v1/campaigns/%1/replies").arg(id)).json.value(QStringLiteral("items")).toArray().size(), 1);
        QByteArray leaverMessage;
        const QList<QByteArray> messages = m_sink->messages(), envelopes = m_sink->recipients();
        for (int i = 0; i < messages.size(); ++i)
            if (envelopes.value(i) == "leaver@x.example")
                leaverMessage = messages.at(i);
        static const QRegularExpression unsub(QStringLiteral("List-Unsubscribe: <https?://[^/]+(/u/[^>]+)>"));
        const auto u = unsub.match(QString::fromLatin1(leaverMessage).remove(QStringLiteral("\r\n ")));
        QVERIFY2(u.hasMatch(), leaverMessage.left(1200).constData());
        QCOMPARE(m_api->call("POST", u.captured(1), "List-Unsubscribe=One-Click", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 200);

        // The follow-up is due two sending days later: Thursday -> Monday (the weekend does not count).
        auto next = db().selectOne(QStringLiteral("SELECT r.next_send_at FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id WHERE l.email = 'quiet@x.example'"));
        QCOMPARE(storage::Database::toDateTime(next->value(0)).date(), QDate(2026, 1, 19));
        later(QDateTime(QDate(2026, 1, 19), QTime(16, 0), QTimeZone::utc()));
        QVERIFY(waitForSink(5));
        QCOMPARE(QString::fromLatin1(m_sink->recipients().last()), QStringLiteral("quiet@x.example"));
        QVERIFY(m_sink->messages().last().contains("Subject: Re: Hello Quinn"));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const auto states = recipientStatus(id);
        QCOMPARE(states.value(QStringLiteral("replier@x.example")), QStringLiteral("replied"));
        QCOMPARE(states.value(QStringLiteral("leaver@x.example")), QStringLiteral("unsubscribed"));
        QCOMPARE(states.value(QStringLiteral("bounce@x.example")), QStringLiteral("bounced"));
        QCOMPARE(states.value(QStringLiteral("quiet@x.example")), QStringLiteral("sent"));
        QCOMPARE(states.value(QStringLiteral("buyer@x.example")), QStringLiteral("stopped")); // converted: out of the sequence
        const QJsonObject s = stats(id);
        QCOMPARE(s.value(QStringLiteral("replied")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("unsubscribed")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("steps")).toArray().size(), 2);
        QCOMPARE(s.value(QStringLiteral("steps")).toArray().at(1).toObject().value(QStringLiteral("delivered")).toInt(), 1);
    }

    void suppressionIsReadAtSendTime()
    {
        start(1, true);
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        lead(QStringLiteral("keep@x.example"), QStringLiteral("Keep"));
        lead(QStringLiteral("later-off@x.example"), QStringLiteral("Off"));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Tomorrow")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        Reply r = send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {{QStringLiteral("start_at"), QStringLiteral("2026-01-16T09:00:00Z")}});
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(r.json.value(QStringLiteral("total_recipients")).toInt(), 2);
        // After launch, before the send: the address is suppressed.
        QVERIFY(db().execute(QStringLiteral("INSERT INTO suppressions (email, reason) VALUES ('later-off@x.example', 'manual')")).ok());
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 0);
        later(QDateTime(QDate(2026, 1, 16), QTime(9, 0, 1), QTimeZone::utc()));
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(sinkRecipients(), QStringList{QStringLiteral("keep@x.example")});
        QCOMPARE(recipientStatus(id).value(QStringLiteral("later-off@x.example")), QStringLiteral("suppressed"));
    }

    void abTestPicksAWinner()
    {
        start(1, true);
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 ta = templ(QStringLiteral("Plain"), QStringLiteral("A subject"), QStringLiteral("<p>A</p>"));
        const qint64 tb = templ(QStringLiteral("Bold"), QStringLiteral("B subject"), QStringLiteral("<p>B</p>"));
        for (int i = 0; i < 10; ++i)
            lead(QStringLiteral("ab%1@x.example").arg(i), QStringLiteral("Ab%1").arg(i));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("A/B")},
                                    {QStringLiteral("steps"), QJsonArray{QJsonObject{{QStringLiteral("variants"), QJsonArray{QJsonObject{{QStringLiteral("template_id"), ta}},
                                                                                                                            QJsonObject{{QStringLiteral("template_id"), tb}}}},
                                                                                     {QStringLiteral("ab"), test::json(J({"metric": "open_rate", "sample_size": 2}))}}}},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        // The sample: two of each, then the rest wait for the winner.
        QVERIFY(waitForSink(4));
        QTest::qWait(800);
        QCOMPARE(m_sink->messages().size(), 4);
        int bs = 0;
        for (const QByteArray &m : m_sink->messages()) {
            if (!m.contains("Subject: B subject"))
                continue;
            ++bs;
            static const QRegularExpression pixel(QStringLiteral("/t/o/([A-Za-z0-9_.-]+)\\.gif"));
            const auto p = pixel.match(QString::fromLatin1(m).remove(QStringLiteral("=\r\n")));
            QVERIFY(p.hasMatch());
            QCOMPARE(m_api->call("GET", QStringLiteral("/t/o/%1.gif").arg(p.captured(1))).status, 200);
        }
        QCOMPARE(bs, 2);
        later(m_clock->now().addSecs(25 * 3600));
        QVERIFY(waitForSink(10));
        int laterB = 0;
        for (int i = 4; i < 10; ++i)
            laterB += m_sink->messages().at(i).contains("Subject: B subject") ? 1 : 0;
        QCOMPARE(laterB, 6);
        const QJsonObject c = get(QStringLiteral("/api/v1/campaigns/%1").arg(id)).json;
        QCOMPARE(c.value(QStringLiteral("steps")).toArray().first().toObject().value(QStringLiteral("ab")).toObject().value(QStringLiteral("winner")).toString(), QStringLiteral("B"));
        const QJsonArray variants = stats(id).value(QStringLiteral("steps")).toArray().first().toObject().value(QStringLiteral("variants")).toArray();
        QCOMPARE(variants.size(), 2);
        QCOMPARE(variants.at(1).toObject().value(QStringLiteral("delivered")).toInt(), 8);
        QCOMPARE(variants.at(1).toObject().value(QStringLiteral("rates")).toObject().value(QStringLiteral("open_rate")).toDouble(), 25.0);
    }

    void sendsThroughSendGridAndMailgun()
    {
        start(1);
        FT_STOP_IF_FAILED();
        // A local server speaking both providers' sending APIs (and refusing a wrong key as they do).
        test::FixtureHttpServer api;
        QVERIFY(api.start());
        QList<QJsonObject> sendgrid;
        QList<QByteArray> mailgun;
        api.addScript("/v3/mail/send", [&sendgrid](const test::FixtureHttpServer::Request &r) {
            test::FixtureHttpServer::Response out;
            if (r.headers.value("authorization") != "Bearer SG.good-key") {
                out.status = 401;
                out.body = R"({"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked"}]})";
                return out;
            }
            sendgrid << QJsonDocument::fromJson(r.body).object();
            out.status = 202;
            return out;
        });
        api.addScript("/v3/mg.studio.example/messages.mime", [&mailgun](const test::FixtureHttpServer::Request &r) {
            test::FixtureHttpServer::Response out;
            if (r.headers.value("authorization") != "Basic " + QByteArray("api:key-mg").toBase64() ||
                !r.headers.value("content-type").startsWith("multipart/form-data; boundary=")) {
                out.status = 401;
                return out;
            }
            mailgun << r.body;
            out.contentType = "application/json";
            out.body = R"({"id":"<x@mg.studio.example>","message":"Queued. Thank you."})";
            return out;
        });
        const qint64 sg = account({{QStringLiteral("provider"), QStringLiteral("sendgrid")}, {QStringLiteral("api_base_url"), api.baseUrl()},
                                   {QStringLiteral("api_key"), QStringLiteral("SG.good-key")}, {QStringLiteral("from_email"), QStringLiteral("sg@studio.example")}});
        const qint64 mg = account({{QStringLiteral("provider"), QStringLiteral("mailgun")}, {QStringLiteral("api_base_url"), api.baseUrl()},
                                   {QStringLiteral("provider_domain"), QStringLiteral("mg.studio.example")}, {QStringLiteral("api_key"), QStringLiteral("key-mg")},
                                   {QStringLiteral("from_email"), QStringLiteral("mg@studio.example")}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hello {{first_name}}"), QStringLiteral("<p>Hello {{company}}</p>"));
        for (int i = 0; i < 4; ++i)
            lead(QStringLiteral("p%1@x.example").arg(i), QStringLiteral("P%1 Smith").arg(i));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Providers")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{sg, mg}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(sendgrid.size() + mailgun.size(), 4);
        QVERIFY(!sendgrid.isEmpty() && !mailgun.isEmpty()); // the two took turns
        // SendGrid: the parts, our Message-ID (as a header and as a custom argument its events carry), the unsubscribe headers.
        const QJsonObject first = sendgrid.first();
        const QString to = first.value(QStringLiteral("personalizations")).toArray().first().toObject().value(QStringLiteral("to")).toArray().first().toObject().value(QStringLiteral("email")).toString();
        auto stored = db().selectOne(QStringLiteral("SELECT m.message_id FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                    "JOIN leads l ON l.id = r.lead_id WHERE l.email = ?"),
                                     {to});
        QVERIFY(stored);
        const QJsonObject headers = first.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("Message-ID")).toString(), stored->value(0).toString());
        QCOMPARE(first.value(QStringLiteral("custom_args")).toObject().value(QStringLiteral("fliptech_message_id")).toString(), stored->value(0).toString());
        QVERIFY(headers.value(QStringLiteral("List-Unsubscribe")).toString().contains(QLatin1String("/u/")));
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe-Post")).toString(), QStringLiteral("List-Unsubscribe=One-Click"));
        QCOMPARE(first.value(QStringLiteral("from")).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("sg@studio.example"));
        QVERIFY(first.value(QStringLiteral("subject")).toString().startsWith(QLatin1String("Hello P")));
        QCOMPARE(first.value(QStringLiteral("content")).toArray().size(), 2); // text and HTML
        // Mailgun: the whole message as built, Message-ID and all.
        const QByteArray form = mailgun.first();
        QVERIFY(form.contains("name=\"to\""));
        QVERIFY(form.contains("name=\"message\"; filename=\"message.mime\""));
        QVERIFY(form.contains("Message-ID: <"));
        QVERIFY(form.contains("From: Sam <mg@studio.example>"));
        QCOMPARE(stats(id).value(QStringLiteral("delivered")).toInt(), 4);

        // A refused key pauses the campaign; nobody is marked bounced for it.
        const qint64 bad = account({{QStringLiteral("provider"), QStringLiteral("sendgrid")}, {QStringLiteral("api_base_url"), api.baseUrl()},
                                    {QStringLiteral("api_key"), QStringLiteral("SG.revoked")}, {QStringLiteral("from_email"), QStringLiteral("old@studio.example")}});
        lead(QStringLiteral("late@x.example"), QStringLiteral("Late"));
        const qint64 id2 = campaign({{QStringLiteral("name"), QStringLiteral("Revoked")}, {QStringLiteral("template_id"), t},
                                     {QStringLiteral("sender_account_ids"), QJsonArray{bad}},
                                     {QStringLiteral("audience"), test::json(J({"filter": {"status": "new"}}))}, {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id2), {}).status, 200);
        const QJsonObject paused = waitForStatus(id2, QStringLiteral("paused"));
        QVERIFY2(paused.value(QStringLiteral("last_error")).toString().contains(QLatin1String("SendGrid answered 401")), qPrintable(paused.value(QStringLiteral("last_error")).toString()));
        QCOMPARE(stats(id2).value(QStringLiteral("bounced")).toInt(), 0);
    }

    void bouncesAndProviderEvents()
    {
        start(1);
        FT_STOP_IF_FAILED();
        const qint64 a = account();
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        for (const char *who : {"ann", "bob", "cat", "dan"})
            lead(QStringLiteral("%1@shop.example").arg(QLatin1String(who)), QString::fromLatin1(who));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Events")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        auto messageId = [this](const char *email) {
            auto r = db().selectOne(QStringLiteral("SELECT m.message_id FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                   "JOIN leads l ON l.id = r.lead_id WHERE l.email = ?"),
                                    {QString::fromLatin1(email)});
            return r ? r->value(0).toString() : QString();
        };
        auto suppressed = [this](const char *email) {
            auto r = db().selectOne(QStringLiteral("SELECT reason FROM suppressions WHERE email = ?"), {QString::fromLatin1(email)});
            return r ? r->value(0).toString() : QString();
        };
        const QByteArray bearer = "Bearer " + m_t.value(QStringLiteral("user"));

        // A DSN the remote server sent back for Ann's message (its headers quoted): Ann bounces.
        const QByteArray dsn = dsnFor(QStringLiteral("ann@shop.example"), messageId("ann@shop.example"));
        Reply r = m_api->call("POST", QStringLiteral("/api/v1/campaigns/bounces"), dsn, {{"Authorization", bearer}, {"Content-Type", "message/rfc822"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("matched")).toBool() && r.json.value(QStringLiteral("hard")).toBool(), r.body.constData());
        QCOMPARE(recipientStatus(id).value(QStringLiteral("ann@shop.example")), QStringLiteral("bounced"));
        QCOMPARE(suppressed("ann@shop.example"), QStringLiteral("bounce"));
        // A reply is no bounce: nothing changes.
        r = m_api->call("POST", QStringLiteral("/api/v1/campaigns/bounces"), "From: bob@shop.example\r\nSubject: Re: Hi\r\n\r\nSounds good, call me.\r\n",
                        {{"Authorization", bearer}, {"Content-Type", "message/rfc822"}});
        QCOMPARE(r.json.value(QStringLiteral("bounce")).toBool(), false);

        // SendGrid: refused until its key is set, then believed only when signed.
        const QByteArray events = QJsonDocument(QJsonArray{
            QJsonObject{{QStringLiteral("event"), QStringLiteral("spamreport")}, {QStringLiteral("email"), QStringLiteral("bob@shop.example")},
                        {QStringLiteral("fliptech_message_id"), messageId("bob@shop.example")}},
            QJsonObject{{QStringLiteral("event"), QStringLiteral("open")}, {QStringLiteral("email"), QStringLiteral("cat@shop.example")},
                        {QStringLiteral("fliptech_message_id"), messageId("cat@shop.example")}},
            QJsonObject{{QStringLiteral("event"), QStringLiteral("processed")}, {QStringLiteral("email"), QStringLiteral("cat@shop.example")}}}).toJson(QJsonDocument::Compact);
        EcKey sendgridKey;
        const QByteArray stamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        auto postSendGrid = [&](const QByteArray &body, const QByteArray &signature) {
            return m_api->call("POST", QStringLiteral("/api/v1/webhooks/sendgrid"), body,
                               {{"Content-Type", "application/json"}, {"X-Twilio-Email-Event-Webhook-Signature", signature},
                                {"X-Twilio-Email-Event-Webhook-Timestamp", stamp}});
        };
        QCOMPARE(postSendGrid(events, sendgridKey.sign(stamp + events)).status, 401);
        r = send("PUT", QStringLiteral("/api/v1/webhooks/settings"), {{QStringLiteral("sendgrid_verification_key"), QStringLiteral("not a key")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        r = send("PUT", QStringLiteral("/api/v1/webhooks/settings"), {{QStringLiteral("sendgrid_verification_key"), QString::fromLatin1(sendgridKey.publicBase64())}},
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("sendgrid_verification_key_set")).toBool(), true);
        QVERIFY(!r.body.contains(sendgridKey.publicBase64().left(20)));
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/webhooks/settings"), {{QStringLiteral("mailgun_signing_key"), QStringLiteral("x")}}).status, 403); // admins only
        // Tampered: refused, nothing recorded.
        QByteArray tampered = events;
        tampered.replace("spamreport", "unsubscribe");
        QCOMPARE(postSendGrid(tampered, sendgridKey.sign(stamp + events)).status, 401);
        QCOMPARE(suppressed("bob@shop.example"), QString());
        r = postSendGrid(events, sendgridKey.sign(stamp + events));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("recorded")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("ignored")).toInt(), 1);
        QCOMPARE(suppressed("bob@shop.example"), QStringLiteral("complaint"));
        QCOMPARE(recipientStatus(id).value(QStringLiteral("bob@shop.example")), QStringLiteral("unsubscribed"));

        // Mailgun: HMAC of timestamp + token under the signing key, fresh.
        QVERIFY(send("PUT", QStringLiteral("/api/v1/webhooks/settings"), {{QStringLiteral("mailgun_signing_key"), QStringLiteral("mg-signing-key")}}, QStringLiteral("admin")).status == 200);
        auto mailgunBody = [&](qint64 when, const QByteArray &key) {
            const QByteArray ts = QByteArray::number(when), token = "4f8d0c6b2a9e";
            const QByteArray sig = QMessageAuthenticationCode::hash(ts + token, key, QCryptographicHash::Sha256).toHex();
            QString mid = messageId("dan@shop.example");
            mid = mid.mid(1, mid.size() - 2); // Mailgun names it without the angle brackets
            return QJsonDocument(QJsonObject{
                       {QStringLiteral("signature"), QJsonObject{{QStringLiteral("timestamp"), QString::fromLatin1(ts)}, {QStringLiteral("token"), QString::fromLatin1(token)},
                                                                 {QStringLiteral("signature"), QString::fromLatin1(sig)}}},
                       {QStringLiteral("event-data"),
                        QJsonObject{{QStringLiteral("event"), QStringLiteral("failed")}, {QStringLiteral("severity"), QStringLiteral("permanent")},
                                    {QStringLiteral("recipient"), QStringLiteral("dan@shop.example")},
                                    {QStringLiteral("message"), QJsonObject{{QStringLiteral("headers"), QJsonObject{{QStringLiteral("message-id"), mid}}}}},
                                    {QStringLiteral("delivery-status"), QJsonObject{{QStringLiteral("code"), 550}, {QStringLiteral("message"), QStringLiteral("No such user")}}}}}})
                .toJson(QJsonDocument::Compact);
        };
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto postMailgun = [&](const QByteArray &body) {
            return m_api->call("POST", QStringLiteral("/api/v1/webhooks/mailgun"), body, {{"Content-Type", "application/json"}});
        };
        QCOMPARE(postMailgun(mailgunBody(now, "wrong-key")).status, 401);
        QCOMPARE(postMailgun(mailgunBody(now - 3600, "mg-signing-key")).status, 401); // an old one: a replay
        QCOMPARE(recipientStatus(id).value(QStringLiteral("dan@shop.example")), QStringLiteral("sent"));
        r = postMailgun(mailgunBody(now, "mg-signing-key"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("matched")).toBool(), r.body.constData());
        QCOMPARE(recipientStatus(id).value(QStringLiteral("dan@shop.example")), QStringLiteral("bounced"));
        QCOMPARE(suppressed("dan@shop.example"), QStringLiteral("bounce"));

        const QJsonObject st = stats(id);
        QCOMPARE(st.value(QStringLiteral("bounced")).toInt(), 2);
        QCOMPARE(st.value(QStringLiteral("opened")).toInt(), 1);
        QCOMPARE(st.value(QStringLiteral("unsubscribed")).toInt(), 1);
    }

    void bounceMailboxOverImap()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("bounces"), QStringLiteral("secret")), qPrintable(imap.error()));
        const qint64 a = account({{QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("imap_port"), int(imap.port())},
                                  {QStringLiteral("imap_security"), QStringLiteral("none")}, {QStringLiteral("imap_username"), QStringLiteral("bounces")},
                                  {QStringLiteral("password"), QStringLiteral("secret")}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        for (const char *who : {"ann", "bob", "cat"})
            lead(QStringLiteral("%1@shop.example").arg(QLatin1String(who)), QString::fromLatin1(who));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Mailbox")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        auto mid = db().selectOne(QStringLiteral("SELECT m.message_id FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                 "JOIN leads l ON l.id = r.lead_id WHERE l.email = 'ann@shop.example'"));
        QVERIFY(mid);
        // The inbox: a DSN for Ann's message, a qmail bounce naming only Bob's address, and a reply.
        QVERIFY(imap.deliver(dsnFor(QStringLiteral("ann@shop.example"), mid->value(0).toString())));
        QVERIFY(imap.deliver("From: MAILER-DAEMON@mx.example.jp\r\nTo: sam@studio.example\r\nSubject: failure notice\r\n\r\n"
                             "Hi. This is the qmail-send program at mx.example.jp.\r\nI'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
                             "This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n<bob@shop.example>:\r\n"
                             "192.0.2.1 does not like recipient.\r\nRemote host said: 550 5.1.1 unknown user\r\n\r\n--- Below this line is a copy of the message.\r\n"));
        QVERIFY(imap.deliver("From: Cat <cat@shop.example>\r\nTo: sam@studio.example\r\nSubject: Re: Hi\r\nIn-Reply-To: <x@studio.example>\r\n\r\nSounds good!\r\n"));
        auto check = [&](int expectChecked) {
            const QJsonObject result = runJob(QStringLiteral("/api/v1/sender-accounts/%1/check-bounces").arg(a));
            FT_EXPECT(result.value(QStringLiteral("checked")).toInt() == expectChecked, QJsonDocument(result).toJson().constData());
            return result;
        };
        QJsonObject r = check(3);
        FT_STOP_IF_FAILED();
        QCOMPARE(r.value(QStringLiteral("bounces")).toInt(), 2);
        QCOMPARE(r.value(QStringLiteral("matched")).toInt(), 2);
        const auto states = recipientStatus(id);
        QCOMPARE(states.value(QStringLiteral("ann@shop.example")), QStringLiteral("bounced"));
        QCOMPARE(states.value(QStringLiteral("bob@shop.example")), QStringLiteral("bounced"));
        QCOMPARE(states.value(QStringLiteral("cat@shop.example")), QStringLiteral("sent")); // a reply is no bounce
        // Incremental: only what is new is read; a soft bounce changes nothing but a note.
        QVERIFY(imap.deliver(dsnFor(QStringLiteral("cat@shop.example"), QStringLiteral("<unknown@elsewhere.example>"), "4.2.2")));
        r = check(1);
        FT_STOP_IF_FAILED();
        QCOMPARE(r.value(QStringLiteral("last_uid")).toInt(), 4);
        QCOMPARE(recipientStatus(id).value(QStringLiteral("cat@shop.example")), QStringLiteral("sent"));
        auto note = db().selectOne(QStringLiteral("SELECT m.error_message FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                  "JOIN leads l ON l.id = r.lead_id WHERE l.email = 'cat@shop.example'"));
        QVERIFY2(note->value(0).toString().startsWith(QLatin1String("soft bounce: 4.2.2")), qPrintable(note->value(0).toString()));
        QCOMPARE(get(QStringLiteral("/api/v1/sender-accounts/%1").arg(a)).json.value(QStringLiteral("bounce_last_uid")).toInt(), 4);
        check(0);
        FT_STOP_IF_FAILED();
    }

    // A mailbox with a DKIM key: every campaign message is signed, and dkimpy (as receivers'
    // milters use it) verifies the signature against the selector's record.
    void campaignMessagesAreDkimSigned()
    {
        start(1);
        FT_STOP_IF_FAILED();
        EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        const QByteArray pem(data, int(length));
        BIO_free(bio);
        unsigned char *der = nullptr;
        const int n = i2d_PUBKEY(key, &der);
        const QByteArray record = "v=DKIM1; k=rsa; p=" + QByteArray(reinterpret_cast<const char *>(der), n).toBase64();
        OPENSSL_free(der);
        EVP_PKEY_free(key);
        const qint64 a = account({{QStringLiteral("dkim_domain"), QStringLiteral("studio.example")}, {QStringLiteral("dkim_selector"), QStringLiteral("fp1")},
                                  {QStringLiteral("dkim_key"), QString::fromLatin1(pem)}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hello {{first_name}} — a quick idea"), QStringLiteral("<p>Hello {{company}}, café?</p>"));
        lead(QStringLiteral("ann@shop.example"), QStringLiteral("Ann Müller"));
        lead(QStringLiteral("bob@shop.example"), QStringLiteral("Bob"));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Signed")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QList<QByteArray> messages = m_sink->messages();
        QCOMPARE(messages.size(), 2);
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
        for (const QByteArray &m : messages) {
            QVERIFY(m.contains("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=studio.example; s=fp1;"));
            QProcess p;
            p.start(python, {test::sourceDir() + QStringLiteral("/tests/mail/dkimverify.py"), QString::fromLatin1(record)});
            QVERIFY(p.waitForStarted());
            p.write(m);
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("ok"));
        }
    }

    void aRefusedMailboxPausesTheCampaign()
    {
        start(1);
        FT_STOP_IF_FAILED();
        const qint64 a = account({{QStringLiteral("from_email"), QStringLiteral("blocked@studio.example")}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("Hi"), QStringLiteral("<p>Hello</p>"));
        for (int i = 0; i < 5; ++i)
            lead(QStringLiteral("r%1@x.example").arg(i), QStringLiteral("R%1").arg(i));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Blocked")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        const QJsonObject c = waitForStatus(id, QStringLiteral("paused"));
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        const QJsonObject s = stats(id);
        QCOMPARE(s.value(QStringLiteral("bounced")).toInt(), 0); // nobody was marked bounced for the mailbox's problem
        QCOMPARE(s.value(QStringLiteral("recipients")).toObject().value(QStringLiteral("pending")).toInt(), 5);
        QVERIFY2(c.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("550")), qPrintable(c.value(QStringLiteral("last_error")).toString()));
        auto suppressions = db().selectOne(QStringLiteral("SELECT count(*) FROM suppressions"));
        QCOMPARE(suppressions->value(0).toInt(), 0);
    }

    // The inbox (issue 12): replies read from the sender account's INBOX over IMAP, threaded to
    // the campaign's messages (or by sender and subject, or to the lead by address), a reply
    // marking its recipient replied, an auto-reply stored but counting as none, an unsubscribe
    // request suppressing, bounces left to the bounce reader; read again after a UIDVALIDITY
    // change, each message stored once.
    void repliesThreadIntoConversations()
    {
        start(1);
        FT_STOP_IF_FAILED();
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("sam"), QStringLiteral("secret")), qPrintable(imap.error()));
        const qint64 a = account({{QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("imap_port"), int(imap.port())},
                                  {QStringLiteral("imap_security"), QStringLiteral("none")}, {QStringLiteral("imap_username"), QStringLiteral("sam")},
                                  {QStringLiteral("password"), QStringLiteral("secret")}});
        const qint64 t = templ(QStringLiteral("Intro"), QStringLiteral("A few thoughts on your site"), QStringLiteral("<p>Hello</p>"));
        QHash<QString, qint64> leads;
        for (const char *who : {"ann", "bob", "cat", "dan"})
            leads.insert(QLatin1String(who), lead(QStringLiteral("%1@shop.example").arg(QLatin1String(who)), QString::fromLatin1(who)));
        const qint64 id = campaign({{QStringLiteral("name"), QStringLiteral("Inbox")}, {QStringLiteral("template_id"), t},
                                    {QStringLiteral("sender_account_ids"), QJsonArray{a}}, {QStringLiteral("audience"), test::json(J({"filter": {}}))},
                                    {QStringLiteral("schedule"), allDay()}});
        QCOMPARE(send("POST", QStringLiteral("/api/v1/campaigns/%1/launch").arg(id), {}).status, 200);
        QCOMPARE(waitForStatus(id, QStringLiteral("completed")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        auto sentTo = [&](const char *who) {
            auto mid = db().selectOne(QStringLiteral("SELECT m.message_id FROM campaign_messages m JOIN campaign_recipients r ON r.id = m.recipient_id "
                                                     "JOIN leads l ON l.id = r.lead_id WHERE l.email = ?"),
                                      {QStringLiteral("%1@shop.example").arg(QLatin1String(who))});
            return mid ? mid->value(0).toByteArray() : QByteArray();
        };
        // Ann answers (threaded by In-Reply-To, in quoted-printable, her client quoting us);
        // Bob's client drops the headers, then he asks to be removed; Cat is away; a DSN for Dan.
        QVERIFY(imap.deliver("From: Ann <ann@shop.example>\r\nTo: sam@studio.example\r\nSubject: Re: A few thoughts on your site\r\n"
                             "Message-ID: <ann-1@shop.example>\r\nIn-Reply-To: " + sentTo("ann") + "\r\nReferences: " + sentTo("ann") + "\r\n"
                             "Date: Tue, 1 Dec 2026 09:00:00 -0600\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                             "Yes, we're interested =E2=80=94 what would a new site cost?\r\n\r\nOn Mon, Sam wrote:\r\n> Would you be open to a short call?\r\n"));
        QVERIFY(imap.deliver("From: bob@shop.example\r\nTo: sam@studio.example\r\nSubject: RE: A few thoughts on your site\r\nMessage-ID: <bob-1@shop.example>\r\n\r\n"
                             "Who is this?\r\n"));
        QVERIFY(imap.deliver("From: bob@shop.example\r\nTo: sam@studio.example\r\nSubject: Re: A few thoughts on your site\r\nMessage-ID: <bob-2@shop.example>\r\n\r\n"
                             "Please remove me from your list.\r\n"));
        QVERIFY(imap.deliver("From: cat@shop.example\r\nTo: sam@studio.example\r\nSubject: Automatic reply: A few thoughts on your site\r\n"
                             "Auto-Submitted: auto-replied\r\nMessage-ID: <cat-ooo@shop.example>\r\nIn-Reply-To: " + sentTo("cat") + "\r\n\r\n"
                             "I am out of the office until Monday.\r\n"));
        QVERIFY(imap.deliver(dsnFor(QStringLiteral("dan@shop.example"), QString::fromLatin1(sentTo("dan")))));

        // Live on /ws/conversations.
        QList<QJsonObject> live;
        QWebSocket ws;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&live](const QString &m) { live.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
        QSignalSpy connected(&ws, &QWebSocket::connected);
        const QString ticket = send("POST", QStringLiteral("/api/v1/ws/ticket"), {}).json.value(QStringLiteral("ticket")).toString();
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/conversations?ticket=%2").arg(m_api->server().port()).arg(ticket)));
        QVERIFY(connected.wait(5000));

        QJsonObject r = runJob(QStringLiteral("/api/v1/sender-accounts/%1/sync-inbox").arg(a));
        FT_STOP_IF_FAILED();
        QTRY_COMPARE_WITH_TIMEOUT(live.size(), 4, 5000);
        QSet<QString> kinds;
        for (const QJsonObject &m : std::as_const(live)) {
            QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("message_received"));
            QVERIFY(m.value(QStringLiteral("conversation_id")).toInteger() > 0);
            kinds.insert(m.value(QStringLiteral("kind")).toString());
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("reply"), QStringLiteral("auto_reply")}));
        QCOMPARE(r.value(QStringLiteral("read")).toInt(), 5);
        QCOMPARE(r.value(QStringLiteral("stored")).toInt(), 4);
        QCOMPARE(r.value(QStringLiteral("replies")).toInt(), 3);
        QCOMPARE(r.value(QStringLiteral("auto_replies")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("bounces")).toInt(), 1);

        const auto states = recipientStatus(id);
        QCOMPARE(states.value(QStringLiteral("ann@shop.example")), QStringLiteral("replied"));
        QCOMPARE(states.value(QStringLiteral("cat@shop.example")), QStringLiteral("sent")); // away is no answer
        QCOMPARE(states.value(QStringLiteral("dan@shop.example")), QStringLiteral("sent"));  // the bounce reader's, not the inbox's
        QCOMPARE(stats(id).value(QStringLiteral("replied")).toInt(), 1);

        Reply list = get(QStringLiteral("/api/v1/conversations?needs_reply=true"), QStringLiteral("viewer"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().size(), 2); // Ann's and Bob's
        QJsonObject ann, bob, cat;
        for (const QJsonValue &v : get(QStringLiteral("/api/v1/conversations")).json.value(QStringLiteral("items")).toArray()) {
            const QJsonObject c = v.toObject();
            const qint64 lid = c.value(QStringLiteral("lead_id")).toInteger();
            (lid == leads.value(QStringLiteral("ann")) ? ann : lid == leads.value(QStringLiteral("bob")) ? bob : cat) = c;
        }
        QCOMPARE(ann.value(QStringLiteral("campaign_id")).toInteger(), id);
        QCOMPARE(ann.value(QStringLiteral("sentiment")).toString(), QStringLiteral("positive"));
        QCOMPARE(ann.value(QStringLiteral("intent")).toString(), QStringLiteral("interested"));
        QCOMPARE(ann.value(QStringLiteral("unread_count")).toInt(), 1);
        QCOMPARE(bob.value(QStringLiteral("unread_count")).toInt(), 2); // the second found the first by sender and subject
        QCOMPARE(bob.value(QStringLiteral("intent")).toString(), QStringLiteral("unsubscribe_request"));
        QCOMPARE(cat.value(QStringLiteral("needs_reply")).toBool(), false);
        auto suppressed = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM suppressions WHERE lower(email) = 'bob@shop.example'"));
        QVERIFY(suppressed);
        QCOMPARE(suppressed->value(0).toInt(), 1);

        Reply msgs = get(QStringLiteral("/api/v1/conversations/%1/messages").arg(ann.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(msgs.status, 200);
        const QJsonObject first = msgs.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
        QVERIFY2(first.value(QStringLiteral("body_text")).toString().startsWith(QString::fromUtf8("Yes, we're interested \u2014 what")), msgs.body.constData());
        QCOMPARE(first.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-12-01T15:00:00.000Z"));
        msgs = get(QStringLiteral("/api/v1/conversations/%1/messages").arg(cat.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(msgs.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("auto_reply")).toBool(), true);

        // Read, archived; a reply after archiving makes it active again.
        Reply c = send("PATCH", QStringLiteral("/api/v1/conversations/%1/read").arg(ann.value(QStringLiteral("id")).toInteger()), {});
        QCOMPARE(c.status, 200);
        QCOMPARE(c.json.value(QStringLiteral("unread_count")).toInt(), 0);
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/conversations/%1/read").arg(ann.value(QStringLiteral("id")).toInteger()), {}, QStringLiteral("viewer")).status, 403);
        c = send("PATCH", QStringLiteral("/api/v1/conversations/%1/archive").arg(ann.value(QStringLiteral("id")).toInteger()), {});
        QCOMPARE(c.json.value(QStringLiteral("status")).toString(), QStringLiteral("archived"));
        QCOMPARE(get(QStringLiteral("/api/v1/conversations/999999")).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/conversations?needs_reply=maybe")).status, 422);
        QVERIFY(imap.deliver("From: Ann <ann@shop.example>\r\nTo: sam@studio.example\r\nSubject: Re: A few thoughts on your site\r\n"
                             "Message-ID: <ann-2@shop.example>\r\nIn-Reply-To: <ann-1@shop.example>\r\n\r\nAlso: can we meet on Thursday?\r\n"));
        r = runJob(QStringLiteral("/api/v1/sender-accounts/%1/sync-inbox").arg(a));
        FT_STOP_IF_FAILED();
        QCOMPARE(r.value(QStringLiteral("read")).toInt(), 1); // only what is new
        c = get(QStringLiteral("/api/v1/conversations/%1").arg(ann.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(c.json.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(c.json.value(QStringLiteral("intent")).toString(), QStringLiteral("meeting_request"));

        // The mailbox renumbered (a new UIDVALIDITY): everything read again, nothing stored twice.
        QVERIFY(db().execute(QStringLiteral("UPDATE sender_accounts SET inbox_uidvalidity = 1 WHERE id = ?"), {a}));
        r = runJob(QStringLiteral("/api/v1/sender-accounts/%1/sync-inbox").arg(a));
        FT_STOP_IF_FAILED();
        QCOMPARE(r.value(QStringLiteral("restarted")).toBool(), true);
        QCOMPARE(r.value(QStringLiteral("read")).toInt(), 6);
        QCOMPARE(r.value(QStringLiteral("stored")).toInt(), 0);
        QCOMPARE(r.value(QStringLiteral("duplicates")).toInt(), 5);
        auto count = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'inbound'"));
        QCOMPARE(count->value(0).toInt(), 5);
        QCOMPARE(stats(id).value(QStringLiteral("replied")).toInt(), 1); // counted once
    }

    // Every captured reply and auto-reply, through a real mailbox: each read, the auto-replies
    // (RFC 3834, AOL, Precedence: bulk) recognised, none of the ordinary replies taken for one.
    void capturedRepliesThroughTheInbox()
    {
        FLIPTECH_REQUIRE_SHARED_FIXTURES();
        start(0);
        FT_STOP_IF_FAILED();
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("sam"), QStringLiteral("secret")), qPrintable(imap.error()));
        const qint64 a = account({{QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("imap_port"), int(imap.port())},
                                  {QStringLiteral("imap_security"), QStringLiteral("none")}, {QStringLiteral("imap_username"), QStringLiteral("sam")},
                                  {QStringLiteral("password"), QStringLiteral("secret")}});
        const QDir dir(test::sharedFixturesDir() + QStringLiteral("/email/replies"));
        int autoReplies = 0, total = 0;
        for (const QString &f : dir.entryList({QStringLiteral("*.eml")})) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(imap.deliver(file.readAll()));
            autoReplies += f.startsWith(QLatin1String("autoreply")) ? 1 : 0;
            ++total;
        }
        auto r = m_api->engine().conversations().syncInbox(a);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->value(QStringLiteral("read")).toInt(), total);
        QCOMPARE(r->value(QStringLiteral("auto_replies")).toInt(), autoReplies);
        QCOMPARE(r->value(QStringLiteral("replies")).toInt(), total - autoReplies);
        // Nothing new: a second sync reads nothing.
        r = m_api->engine().conversations().syncInbox(a);
        QCOMPARE(r->value(QStringLiteral("read")).toInt(), 0);
    }

    // A mailbox of thousands: every message read. (libcurl drops the middle of a long SEARCH
    // answer line: asked for "1:*" over 6,000 messages it gave back 2,517 UIDs; the reader now
    // asks for spans of UIDs.)
    void largeMailboxReadWhole()
    {
        start(0);
        FT_STOP_IF_FAILED();
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("sam"), QStringLiteral("secret")), qPrintable(imap.error()));
        const qint64 a = account({{QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("imap_port"), int(imap.port())},
                                  {QStringLiteral("imap_security"), QStringLiteral("none")}, {QStringLiteral("imap_username"), QStringLiteral("sam")},
                                  {QStringLiteral("password"), QStringLiteral("secret")}});
        constexpr int n = 4000;
        for (int i = 0; i < n; ++i)
            QVERIFY(imap.deliver("From: owner" + QByteArray::number(i % 400) + "@shop.example\r\nSubject: Re: Hello\r\nMessage-ID: <big" + QByteArray::number(i) +
                                 "@shop.example>\r\n\r\nYes " + QByteArray::number(i) + "\r\n"));
        auto r = m_api->engine().conversations().syncInbox(a);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->value(QStringLiteral("read")).toInt(), n);
        QCOMPARE(r->value(QStringLiteral("stored")).toInt(), n);
        auto conversations = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM conversations"));
        QCOMPARE(conversations->value(0).toInt(), 400); // by sender and subject
    }

    // The sweep: every active account with a mailbox read, then the next sweep queued.
    void inboxSweep()
    {
        start(1);
        FT_STOP_IF_FAILED();
        // The engine queued the first sweep for 5 minutes from its start.
        auto queued = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'conversations.sync_all' AND state = 'queued'"));
        QVERIFY(queued);
        QCOMPARE(queued->value(0).toInt(), 1);
        test::ImapServer imap;
        QVERIFY2(imap.start(QStringLiteral("sam"), QStringLiteral("secret")), qPrintable(imap.error()));
        const qint64 a = account({{QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("imap_port"), int(imap.port())},
                                  {QStringLiteral("imap_security"), QStringLiteral("none")}, {QStringLiteral("imap_username"), QStringLiteral("sam")},
                                  {QStringLiteral("password"), QStringLiteral("secret")}});
        account({{QStringLiteral("from_email"), QStringLiteral("other@studio.example")}}); // no mailbox: not read
        QVERIFY(imap.deliver("From: ann@shop.example\r\nSubject: Re: Hello\r\nMessage-ID: <sweep1@shop.example>\r\n\r\nYes\r\n"));
        // Due now.
        QVERIFY(db().execute(QStringLiteral("UPDATE jobs SET run_at = %1 WHERE type = 'conversations.sync_all'").arg(db().timestampParam()), {db().timestamp(QDateTime::currentDateTimeUtc().addSecs(-1))}));
        QTRY_VERIFY_WITH_TIMEOUT(db().selectOne(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'conversations.sync_all' AND state = 'done'"))->value(0).toInt() == 1,
                                 20000);
        auto stored = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM messages WHERE sender_account_id = ?"), {a});
        QCOMPARE(stored->value(0).toInt(), 1);
        auto next = db().selectOne(QStringLiteral("SELECT run_at FROM jobs WHERE type = 'conversations.sync_all' AND state = 'queued'"));
        QVERIFY(next);
        const qint64 in = QDateTime::currentDateTimeUtc().secsTo(storage::Database::toDateTime(next->value(0)));
        QVERIFY2(in > 240 && in <= 300, qPrintable(QString::number(in)));
    }
};

QTEST_MAIN(TestCampaignsApi)
#include "tst_campaignsapi.moc"
