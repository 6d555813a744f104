// Outbound webhooks through the API, on both backends (issue 15): saving checks the hook (events
// from the catalogue, http(s) only, a secret made and shown once, an internal address refused);
// events become signed deliveries that a local receiver verifies (HMAC-SHA256 over
// "<timestamp>.<body>", recomputed here, and a known answer computed with Python's hmac); 503s
// and timeouts retried with backoff until delivered, each attempt logged; a 4xx ends a
// delivery; a hook failing max_failures times in a row is turned off and its maker notified;
// the event stream read again sends nothing twice; SSRF refusals (a loopback address at save, a
// name resolving to loopback and a redirect to loopback at delivery, 10.x); the test ping, a
// redelivery, a rule's call_webhook action and a schedule's webhook task; thousands of events
// fanned out and delivered.
#include "apiharness.h"
#include "fakeclock.h"
#include "fixturehttpserver.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/workerpool.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <atomic>

using namespace fliptech;
using Reply = test::HttpReply;
using test::FixtureHttpServer;

class TestWebhooksApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    test::FakeClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc())};
    FixtureHttpServer m_receiver;
    QByteArray m_secret;
    std::atomic<int> m_badSignatures{0};

    storage::Database &db() { return m_api->engine().database(); }
    automation::WebhookService &hooks() { return m_api->engine().webhooks(); }

    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : -1;
    }
    // Lets webhooks reach this machine's receiver (as an administrator would name it).
    void allowReceiver()
    {
        Reply r = send("PUT", QStringLiteral("/api/v1/webhooks/outbound-settings"),
                       QJsonObject{{QStringLiteral("allowed_addresses"), QJsonArray{QStringLiteral("127.0.0.1:%1").arg(m_receiver.serverPort())}}},
                       QStringLiteral("admin"));
        FT_EXPECT(r.status == 200, r.body.constData());
    }
    qint64 createHook(const QString &path, const QJsonArray &events, const QJsonObject &extra = {})
    {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("CRM sync")},
                         {QStringLiteral("url"), QString(m_receiver.baseUrl() + path)},
                         {QStringLiteral("events"), events}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        Reply r = send("POST", QStringLiteral("/api/v1/webhooks"), body);
        FT_EXPECT(r.status == 201, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        m_secret = r.json.value(QStringLiteral("secret")).toString().toUtf8();
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    qint64 lead(const QString &name)
    {
        Reply r = send("POST", QStringLiteral("/api/v1/leads"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("city"), QStringLiteral("Austin")}});
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    // One round of a webhook service (the engine's, or one with other options) while the
    // receiver, on this thread, answers.
    qint64 deliver(automation::WebhookService &service)
    {
        auto next = test::whileServing([&service] { return service.processPending(); });
        FT_EXPECT(next.ok(), next ? "" : qPrintable(next.error().message));
        return next ? *next : -1;
    }
    // The receiver's check, as a receiver in another language would make it.
    bool signatureHolds(const FixtureHttpServer::Request &r) const
    {
        const QByteArray ts = r.headers.value("x-fliptech-timestamp");
        const QByteArray expected = "sha256=" + QMessageAuthenticationCode::hash(ts + '.' + r.body, m_secret, QCryptographicHash::Sha256).toHex();
        return !ts.isEmpty() && r.headers.value("x-fliptech-signature") == expected;
    }
    // A receiver path that checks every signature and answers `status` (or a script's choice).
    void receive(const QByteArray &path, std::function<int(const FixtureHttpServer::Request &)> status)
    {
        m_receiver.addScript(path, [this, status](const FixtureHttpServer::Request &r) {
            if (!signatureHolds(r))
                ++m_badSignatures;
            FixtureHttpServer::Response out;
            out.status = status(r);
            out.contentType = "application/json";
            out.body = out.status < 300 ? QByteArray("{\"ok\":true}") : QByteArray("{\"error\":\"busy\"}");
            return out;
        });
    }
    QList<FixtureHttpServer::Request> received(const QByteArray &path) const
    {
        QList<FixtureHttpServer::Request> out;
        for (const auto &r : m_receiver.requests())
            if (r.path == path)
                out << r;
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_receiver.start()); }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_receiver.clearRequests();
        m_badSignatures = 0;
    }
    void cleanup() { closeAll(); }

    void signatureKnownAnswer()
    {
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_test_secret_0123",
        //   b"1764700000.{\"event\":\"ping\"}", hashlib.sha256).hexdigest())'
        QCOMPARE(automation::WebhookService::signature("whsec_test_secret_0123", 1764700000, "{\"event\":\"ping\"}"),
                 QByteArray("sha256=b1294cea8b99476238801dcd12fe1ca8608604b0023f5f6740df67e6cc3e6cce"));
    }

    void savingChecksTheHook()
    {
        startApi();
        Reply r = get(QStringLiteral("/api/v1/webhooks/events"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QStringList events;
        for (const QJsonValue &e : r.json.value(QStringLiteral("items")).toArray())
            events << e.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(events.contains(QStringLiteral("lead_created")));
        QVERIFY(events.contains(QStringLiteral("scrape_finished")));
        QVERIFY(events.contains(QStringLiteral("*")));

        // A public address needs no allowance; the secret comes back once.
        r = send("POST", QStringLiteral("/api/v1/webhooks"),
                 test::json(J({"name": "Zapier", "url": "https://hooks.zapier.example/catch/1", "events": ["lead_created", "lead_created"]})));
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        const QString secret = r.json.value(QStringLiteral("secret")).toString();
        QVERIFY(secret.startsWith(QStringLiteral("whsec_")) && secret.size() > 30);
        QCOMPARE(r.json.value(QStringLiteral("events")).toArray().size(), 1); // duplicates dropped
        QCOMPARE(r.json.value(QStringLiteral("max_failures")).toInt(), 10);
        r = get(QStringLiteral("/api/v1/webhooks/%1").arg(id));
        QVERIFY(!r.json.contains(QStringLiteral("secret")));
        QCOMPARE(r.json.value(QStringLiteral("secret_hint")).toString(), QStringLiteral("…") + secret.right(4));
        QVERIFY(!get(QStringLiteral("/api/v1/webhooks")).body.contains(secret.toUtf8()));

        struct Case {
            const char *name;
            const char *body;
            const char *field;
        };
        const Case cases[]{
            {"no url", J({"name": "x", "events": ["lead_created"]}), "url"},
            {"ftp", J({"name": "x", "url": "ftp://files.example/in", "events": ["lead_created"]}), "url"},
            {"no host", J({"name": "x", "url": "https:///path", "events": ["lead_created"]}), "url"},
            {"not a url", J({"name": "x", "url": "hooks dot example", "events": ["lead_created"]}), "url"},
            {"loopback", J({"name": "x", "url": "http://127.0.0.1:8080/in", "events": ["lead_created"]}), "url"},
            {"private 10/8", J({"name": "x", "url": "http://10.1.2.3/in", "events": ["lead_created"]}), "url"},
            {"metadata", J({"name": "x", "url": "http://169.254.169.254/latest/meta-data", "events": ["lead_created"]}), "url"},
            {"v6 loopback", J({"name": "x", "url": "http://[::1]:8080/in", "events": ["lead_created"]}), "url"},
            {"no events", J({"name": "x", "url": "https://h.example/in", "events": []}), "events"},
            {"unknown event", J({"name": "x", "url": "https://h.example/in", "events": ["lead_created", "moon_rise"]}), "events[1]"},
            {"short secret", J({"name": "x", "url": "https://h.example/in", "events": ["*"], "secret": "abc"}), "secret"},
            {"max_failures 0", J({"name": "x", "url": "https://h.example/in", "events": ["*"], "max_failures": 0}), "max_failures"},
            {"unknown field", J({"name": "x", "url": "https://h.example/in", "events": ["*"], "method": "PUT"}), "method"},
            {"no name", J({"url": "https://h.example/in", "events": ["*"]}), "name"},
        };
        for (const Case &c : cases) {
            r = send("POST", QStringLiteral("/api/v1/webhooks"), test::json(c.body));
            QVERIFY2(r.status == 422, qPrintable(QString::fromLatin1(c.name) + u' ' + QString::number(r.status)));
            QVERIFY2(r.details().contains(QLatin1String(c.field)), qPrintable(QString::fromLatin1(c.name) + u' ' + QString::fromUtf8(r.body)));
        }
        r = send("POST", QStringLiteral("/api/v1/webhooks"), test::json(J({"name": "x", "url": "http://127.0.0.1:8080/in", "events": ["*"]})));
        QVERIFY2(r.body.contains("loopback"), r.body.constData());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhooks")), 1);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/webhooks"), test::json(J({"name": "v", "url": "https://h.example", "events": ["*"]})),
                      QStringLiteral("viewer")).status, 403);

        // Changes: partial; a rotated secret is new and shown once; only administrators change
        // what hooks may reach, and only with addresses (not names).
        r = send("PUT", QStringLiteral("/api/v1/webhooks/%1").arg(id), test::json(J({"rotate_secret": true, "max_failures": 3})));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("secret")).toString() != secret);
        QCOMPARE(r.json.value(QStringLiteral("max_failures")).toInt(), 3);
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Zapier"));
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/webhooks/outbound-settings"), test::json(J({"allow_private_networks": true}))).status, 403);
        r = send("PUT", QStringLiteral("/api/v1/webhooks/outbound-settings"), test::json(J({"allowed_addresses": ["n8n.local:5678"]})), QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("allowed_addresses[0]")));
        r = send("PUT", QStringLiteral("/api/v1/webhooks/outbound-settings"), test::json(J({"allowed_addresses": ["127.0.0.1:8080", "[::1]:5678", "10.0.0.5"]})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = send("POST", QStringLiteral("/api/v1/webhooks"), test::json(J({"name": "local", "url": "http://127.0.0.1:8080/in", "events": ["*"]})));
        QCOMPARE(r.status, 201); // named by the administrator
        r = send("POST", QStringLiteral("/api/v1/webhooks"), test::json(J({"name": "local", "url": "http://127.0.0.1:8081/in", "events": ["*"]})));
        QCOMPARE(r.status, 422); // another port of it is not
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/webhooks/%1").arg(id), {}, QStringLiteral("admin")).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/webhooks/%1").arg(id)).status, 404);
    }

    void deliversSignedEventsWithRetries()
    {
        startApi(0, &m_clock);
        allowReceiver();
        // The receiver is busy for the second lead's first two attempts.
        std::atomic<int> busy{2};
        receive("/crm", [&busy](const FixtureHttpServer::Request &r) {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            if (body.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead")).toObject().value(QStringLiteral("name")).toString() == u"Bob's Bikes" &&
                busy > 0) {
                --busy;
                return 503;
            }
            return 200;
        });
        const qint64 hook = createHook(QStringLiteral("/crm"), {QStringLiteral("lead_created")});
        const qint64 ann = lead(QStringLiteral("Ann's Plumbing"));
        lead(QStringLiteral("Bob's Bikes"));
        QVERIFY(send("PUT", QStringLiteral("/api/v1/leads/%1").arg(ann), test::json(J({"name": "Ann's Plumbing", "city": "Dallas"}))).status == 200); // not wanted

        automation::WebhookOptions fast;
        fast.retryBaseMs = 60000;
        automation::WebhookService sender(m_api->engine().databasePtr(), &m_api->engine().events(), &m_api->engine().leads(), m_clock, fast);
        deliver(sender);
        QCOMPARE(received("/crm").size(), 2);
        QCOMPARE(m_badSignatures.load(), 0);
        const FixtureHttpServer::Request first = received("/crm").first();
        QCOMPARE(first.method, QByteArray("POST"));
        QCOMPARE(first.headers.value("x-fliptech-event"), QByteArray("lead_created"));
        QCOMPARE(first.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(first.headers.value("x-fliptech-timestamp").toLongLong(), m_clock.now().toSecsSinceEpoch());
        const QJsonObject body = QJsonDocument::fromJson(first.body).object();
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("lead_created"));
        QCOMPARE(body.value(QStringLiteral("id")).toInteger(), first.headers.value("x-fliptech-delivery").toLongLong());
        QVERIFY(body.value(QStringLiteral("event_id")).toInteger() > 0);
        QCOMPARE(body.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Ann's Plumbing"));
        // The lead as it was when the event was read (after the update that followed).
        QCOMPARE(body.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead")).toObject().value(QStringLiteral("city")).toString(), QStringLiteral("Dallas"));
        QCOMPARE(body.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toInteger(), ann);

        // Bob's delivery waits for its retry: nothing before the backoff, then one more attempt each.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")), 1);
        deliver(sender);
        QCOMPARE(received("/crm").size(), 2);
        m_clock.advance(75000); // 60 s +/- 20 %
        deliver(sender);
        QCOMPARE(received("/crm").size(), 3);
        m_clock.advance(150000); // 120 s +/- 20 %
        deliver(sender);
        QCOMPARE(received("/crm").size(), 4);
        QCOMPARE(m_badSignatures.load(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'")), 2);
        // Each attempt logged: Bob's 503, 503, 200, numbered.
        Reply r = get(QStringLiteral("/api/v1/webhooks/%1/logs").arg(hook));
        QCOMPARE(r.status, 200);
        const QJsonArray logs = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(logs.size(), 4);
        QCOMPARE(logs.at(0).toObject().value(QStringLiteral("attempt")).toInt(), 3);
        QCOMPARE(logs.at(0).toObject().value(QStringLiteral("response_status")).toInt(), 200);
        QCOMPARE(logs.at(0).toObject().value(QStringLiteral("delivery_status")).toString(), QStringLiteral("delivered"));
        QCOMPARE(logs.at(1).toObject().value(QStringLiteral("response_status")).toInt(), 503);
        QCOMPARE(logs.at(1).toObject().value(QStringLiteral("response_body")).toString(), QStringLiteral("{\"error\":\"busy\"}"));
        QCOMPARE(logs.at(1).toObject().value(QStringLiteral("error_message")).toString(), QStringLiteral("the receiver answered 503"));
        r = get(QStringLiteral("/api/v1/webhooks/%1").arg(hook));
        QCOMPARE(r.json.value(QStringLiteral("failure_count")).toInt(), 0);
        QCOMPARE(r.json.value(QStringLiteral("last_status")).toString(), QStringLiteral("delivered"));

        // The stream read again from the start sends nothing twice.
        QVERIFY(db().execute(QStringLiteral("UPDATE automation_state SET value = 0 WHERE name = 'webhooks_cursor'")).ok());
        deliver(sender);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries")), 2);
        QCOMPARE(received("/crm").size(), 4);

        // Redelivery: the same event and data, a new delivery id, timestamp and signature.
        const qint64 logId = logs.at(0).toObject().value(QStringLiteral("id")).toInteger();
        m_clock.advance(10000);
        r = send("POST", QStringLiteral("/api/v1/webhook-logs/%1/redeliver").arg(logId), {});
        QCOMPARE(r.status, 202);
        deliver(sender);
        QCOMPARE(received("/crm").size(), 5);
        const FixtureHttpServer::Request again = received("/crm").last();
        const QJsonObject againBody = QJsonDocument::fromJson(again.body).object();
        QCOMPARE(againBody.value(QStringLiteral("id")).toInteger(), r.json.value(QStringLiteral("delivery_id")).toInteger());
        QCOMPARE(againBody.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Bob's Bikes"));
        QCOMPARE(again.headers.value("x-fliptech-timestamp").toLongLong(), m_clock.now().toSecsSinceEpoch());
        QCOMPARE(m_badSignatures.load(), 0);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/webhook-logs/999999/redeliver"), {}).status, 404);
    }

    void failuresEndDeliveriesAndTurnTheHookOff()
    {
        startApi(0, &m_clock);
        allowReceiver();
        receive("/gone", [](const FixtureHttpServer::Request &) { return 410; });
        receive("/down", [](const FixtureHttpServer::Request &) { return 500; });
        FixtureHttpServer::Response slow;
        slow.delayMs = 1500;
        slow.body = "late";
        m_receiver.addResponse("/slow", slow);
        const qint64 gone = createHook(QStringLiteral("/gone"), {QStringLiteral("lead_created")});
        const qint64 down = createHook(QStringLiteral("/down"), {QStringLiteral("lead_created")}, {{QStringLiteral("max_failures"), 3}});
        const qint64 slowHook = createHook(QStringLiteral("/slow"), {QStringLiteral("lead_created")});
        lead(QStringLiteral("Ann's Plumbing"));
        lead(QStringLiteral("Bob's Bikes"));

        automation::WebhookOptions fast;
        fast.retryBaseMs = 1000;
        fast.timeoutMs = 400;
        fast.maxAttempts = 3;
        automation::WebhookService sender(m_api->engine().databasePtr(), &m_api->engine().events(), &m_api->engine().leads(), m_clock, fast);
        deliver(sender);
        // A 4xx ends the delivery at once: the receiver said no.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND status = 'failed'"), {gone}), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_logs WHERE webhook_id = ?"), {gone}), 2);
        // The timeout: logged, retried.
        Reply r = get(QStringLiteral("/api/v1/webhooks/%1/logs").arg(slowHook));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 2);
        QVERIFY2(r.json.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("error_message")).toString().contains(QStringLiteral("400 ms")),
                 r.body.constData());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'"), {slowHook}), 2);
        // The 500s: two failures in a row, then a third turns the hook off.
        r = get(QStringLiteral("/api/v1/webhooks/%1").arg(down));
        QCOMPARE(r.json.value(QStringLiteral("failure_count")).toInt(), 2);
        QVERIFY(r.json.value(QStringLiteral("is_active")).toBool());
        m_clock.advance(2000);
        deliver(sender);
        r = get(QStringLiteral("/api/v1/webhooks/%1").arg(down));
        QVERIFY(!r.json.value(QStringLiteral("is_active")).toBool());
        QVERIFY2(r.json.value(QStringLiteral("disabled_reason")).toString().startsWith(QStringLiteral("Turned off after ")), r.body.constData());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE type = 'webhook' AND severity = 'warning'")), 1);
        // The slow hook gave up after its third attempt.
        m_clock.advance(5000);
        deliver(sender);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND status = 'failed'"), {slowHook}), 2);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND last_error LIKE '%gave up after 3 attempts%'"), {slowHook}) == 2);
        // The turned-off hook's deliveries wait; on again, its failures are cleared and they go.
        const qint64 downSent = received("/down").size();
        m_clock.advance(300000);
        deliver(sender);
        QCOMPARE(received("/down").size(), downSent);
        r = send("PUT", QStringLiteral("/api/v1/webhooks/%1").arg(down), test::json(J({"is_active": true})));
        QCOMPARE(r.json.value(QStringLiteral("failure_count")).toInt(), 0);
        QVERIFY(r.json.value(QStringLiteral("disabled_reason")).isNull());
        deliver(sender);
        QVERIFY(received("/down").size() > downSent);
    }

    void refusesToReachInside()
    {
        startApi(0, &m_clock);
        receive("/in", [](const FixtureHttpServer::Request &) { return 200; });
        // A name that resolves to loopback passes the save (names are checked when used) and is
        // refused when the connection is made: nothing reaches the receiver, nothing is retried.
        Reply r = send("POST", QStringLiteral("/api/v1/webhooks"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("sneaky")},
                                   {QStringLiteral("url"), QStringLiteral("http://localhost:%1/in").arg(m_receiver.serverPort())},
                                   {QStringLiteral("events"), QJsonArray{QStringLiteral("lead_created")}}});
        QCOMPARE(r.status, 201);
        const qint64 sneaky = r.json.value(QStringLiteral("id")).toInteger();
        lead(QStringLiteral("Ann's Plumbing"));
        deliver(hooks());
        QCOMPARE(received("/in").size(), 0);
        r = get(QStringLiteral("/api/v1/webhooks/%1/logs").arg(sneaky));
        const QString error = r.json.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("error_message")).toString();
        QVERIFY2(error.contains(QStringLiteral("refused to connect")) && error.contains(QStringLiteral("loopback")), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed'")), 1);
        // The test ping goes the same way.
        r = send("POST", QStringLiteral("/api/v1/webhooks/%1/test").arg(sneaky), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(r.json.value(QStringLiteral("error_message")).toString().contains(QStringLiteral("loopback")));
        QCOMPARE(received("/in").size(), 0);

        // A redirect from an allowed receiver to another port of loopback: refused at that hop.
        allowReceiver();
        FixtureHttpServer::Response away;
        away.status = 307;
        away.headers = {{"Location", "http://127.0.0.1:1/admin"}};
        m_receiver.addResponse("/away", away);
        QVERIFY(send("PUT", QStringLiteral("/api/v1/webhooks/%1").arg(sneaky), test::json(J({"is_active": false}))).status == 200);
        const qint64 hop = createHook(QStringLiteral("/away"), {QStringLiteral("lead_created")});
        lead(QStringLiteral("Bob's Bikes"));
        deliver(hooks());
        QCOMPARE(received("/away").size(), 1);
        r = get(QStringLiteral("/api/v1/webhooks/%1/logs").arg(hop));
        const QString hopError = r.json.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("error_message")).toString();
        QVERIFY2(hopError.contains(QStringLiteral("127.0.0.1:1 is loopback")), qPrintable(hopError));

        // The test ping goes to the allowed address (the name, now that its address is allowed, too).
        const qint64 fine = createHook(QStringLiteral("/in"), {QStringLiteral("lead_created")});
        r = send("POST", QStringLiteral("/api/v1/webhooks/%1/test").arg(fine), {});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("ok")).toBool(), r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("response_status")).toInt(), 200);
        QCOMPARE(received("/in").size(), 1);
        QCOMPARE(received("/in").first().headers.value("x-fliptech-event"), QByteArray("ping"));
        QCOMPARE(m_badSignatures.load(), 0);
        // A ping is logged; redelivering it is refused with what to do instead.
        const qint64 pingLog = r.json.value(QStringLiteral("log_id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/webhook-logs/%1/redeliver").arg(pingLog), {});
        QCOMPARE(r.status, 400);
        QVERIFY(r.message().contains(QStringLiteral("/test")));
    }

    void rulesAndSchedulesCallHooks()
    {
        startApi(0, &m_clock);
        allowReceiver();
        receive("/rule", [](const FixtureHttpServer::Request &) { return 200; });
        const qint64 hook = createHook(QStringLiteral("/rule"), {QStringLiteral("leads_imported")});
        Reply r = send("POST", QStringLiteral("/api/v1/rules"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Austin to CRM")},
                                   {QStringLiteral("trigger"), QStringLiteral("lead_created")},
                                   {QStringLiteral("conditions"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("city")},
                                                                                         {QStringLiteral("op"), QStringLiteral("equals")},
                                                                                         {QStringLiteral("value"), QStringLiteral("Austin")}}}},
                                   {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("call_webhook")},
                                                                                      {QStringLiteral("webhook_id"), hook}}}}});
        QCOMPARE(r.status, 201);
        r = send("POST", QStringLiteral("/api/v1/rules"), test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "call_webhook", "webhook_id": 99999}]})));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("actions[0].webhook_id")));
        m_clock.advance(1000); // the rule sees events after it was made
        lead(QStringLiteral("Ann's Plumbing"));
        QVERIFY(m_api->engine().rules().processPending().ok());
        deliver(hooks());
        QCOMPARE(received("/rule").size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(received("/rule").first().body).object();
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("rule_action"));
        QCOMPARE(body.value(QStringLiteral("data")).toObject().value(QStringLiteral("lead")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Ann's Plumbing"));

        // A schedule's webhook task, run now: one "schedule" delivery with the data given.
        r = send("POST", QStringLiteral("/api/v1/schedules"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Nightly ping")},
                             {QStringLiteral("cron_expression"), QStringLiteral("@daily")},
                             {QStringLiteral("task_type"), QStringLiteral("webhook")},
                             {QStringLiteral("task_config"), QJsonObject{{QStringLiteral("webhook_id"), hook}, {QStringLiteral("data"), QJsonObject{{QStringLiteral("report"), QStringLiteral("daily")}}}}}});
        QCOMPARE(r.status, 201);
        r = send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(r.json.value(QStringLiteral("id")).toInteger()), {});
        QCOMPARE(r.status, 202);
        {
            storage::WorkerPool::Options o;
            o.workers = 1;
            o.queues = {automation::ScheduleService::queue};
            o.idlePoll = std::chrono::milliseconds(20);
            storage::WorkerPool pool(m_api->engine().databasePtr(), m_api->engine().jobs(), m_clock, o);
            m_api->engine().schedules().registerHandlers(pool);
            pool.start();
            QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE queue = 'automation' AND state IN ('queued', 'running')")), 0, 30000);
            pool.stop();
        }
        deliver(hooks());
        QCOMPARE(received("/rule").size(), 2);
        const QJsonObject scheduled = QJsonDocument::fromJson(received("/rule").last().body).object();
        QCOMPARE(scheduled.value(QStringLiteral("event")).toString(), QStringLiteral("schedule"));
        QCOMPARE(scheduled.value(QStringLiteral("data")).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("report")).toString(), QStringLiteral("daily"));
        QCOMPARE(m_badSignatures.load(), 0);
    }

    void thousandsOfEvents()
    {
        startApi(0, &m_clock);
        allowReceiver();
        receive("/bulk", [](const FixtureHttpServer::Request &) { return 204; });
        createHook(QStringLiteral("/bulk"), {QStringLiteral("*")});
        const int n = 3000;
        for (int i = 0; i < n; ++i)
            QVERIFY(m_api->engine().events().append(QStringLiteral("lead_created"), QStringLiteral("leads"), {{QStringLiteral("id"), i + 1}}).ok());
        deliver(hooks());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'")), n);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT event_id) FROM webhook_deliveries")), n);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_logs")), n);
        QCOMPARE(received("/bulk").size(), n);
        QCOMPARE(m_badSignatures.load(), 0);
    }

    // A process that claimed deliveries and died: its claims are left alone while their lease
    // runs, then taken back and sent (the attempt counted).
    void aDeadProcessesClaimsComeBack()
    {
        startApi(0, &m_clock);
        allowReceiver();
        receive("/claimed", [](const FixtureHttpServer::Request &) { return 200; });
        createHook(QStringLiteral("/claimed"), {QStringLiteral("lead_created")});
        lead(QStringLiteral("Ann's Plumbing"));
        QVERIFY(hooks().fanOut().ok());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")), 1);
        // As the dead process left it: claimed, attempt 1 begun, lease until a minute from now.
        QVERIFY(db().execute(QStringLiteral("UPDATE webhook_deliveries SET status = 'sending', attempts = 1, claimed_until = ?"),
                             {db().timestamp(m_clock.now().addSecs(60))}).ok());
        deliver(hooks());
        QCOMPARE(received("/claimed").size(), 0);
        m_clock.advance(61000);
        deliver(hooks());
        QCOMPARE(received("/claimed").size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered' AND attempts = 2")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_logs WHERE attempt = 2")), 1);

        // Kept 30 days, then pruned with their log; a pending one stays whatever its age.
        lead(QStringLiteral("Bob's Bikes"));
        QVERIFY(hooks().fanOut().ok());
        QVERIFY(db().execute(QStringLiteral("UPDATE webhooks SET is_active = %1").arg(db().boolLiteral(false))).ok());
        m_clock.advance(29LL * 24 * 3600 * 1000);
        QCOMPARE(hooks().pruneOld().value(), 0);
        m_clock.advance(2LL * 24 * 3600 * 1000);
        QCOMPARE(hooks().pruneOld().value(), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_logs")), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebhooksApi)
#include "tst_webhooksapi.moc"
