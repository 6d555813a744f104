// n8n through the API, on both backends, against a real n8n (tests/support/n8nserver.h; issue 15;
// where it is not installed, a local server speaking its public API, and the cases that need a
// workflow's nodes to act skip):
// where n8n is and its key (administrators; the key kept in the secret store, never shown), the
// errors that say what to fix (not set up, a wrong key, nothing listening), the team's workflows
// listed with the trigger that starts each (or why none does) and switched on and off in n8n, a
// rule's start_workflow action and a schedule's n8n task starting a workflow through its Webhook
// trigger, the workflow calling back into our API with an API key (a note on the lead), and the
// executions read with status and duration, each change announced once on /ws/workflows.
#include "apiharness.h"
#include "fixturehttpserver.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/workerpool.h"
#include "n8nserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace fliptech;
using Reply = test::HttpReply;

// n8n up: the real one, or where it is not installed the stand-in speaking its public API.
#define REQUIRE_N8N()                                                                                \
    do {                                                                                             \
        QVERIFY2(m_n8nUp, qPrintable(QStringLiteral("neither n8n nor its stand-in started: ") + m_n8n.error())); \
        if (test::N8nServer::required())                                                             \
            QVERIFY2(m_n8n.isReal(), qPrintable(QStringLiteral("a real n8n was required: ") + m_n8n.standInReason())); \
    } while (false)
// A case whose workflow's nodes must act (the stand-in runs none).
#define REQUIRE_REAL_N8N()                                                                            \
    do {                                                                                             \
        REQUIRE_N8N();                                                                               \
        if (!m_n8n.isReal())                                                                         \
            QSKIP(qPrintable(QStringLiteral("needs a real n8n to run the workflow's nodes (") + m_n8n.standInReason() + u')')); \
    } while (false)

class TestN8nApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    test::N8nServer m_n8n;
    bool m_n8nUp = false;

    storage::Database &db() { return m_api->engine().database(); }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : -1;
    }
    // Points the product at the test's n8n (as an administrator would), with `key` (the real one
    // when empty).
    void connectN8n(const QByteArray &key = {})
    {
        Reply r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"),
                       QJsonObject{{QStringLiteral("base_url"), m_n8n.baseUrl()},
                                   {QStringLiteral("api_key"), QString::fromUtf8(key.isEmpty() ? m_n8n.apiKey() : key)}},
                       QStringLiteral("admin"));
        FT_EXPECT(r.status == 200, r.body.constData());
    }
    // A workflow path no other case uses (n8n lives across cases).
    static QString uniquePath(const QString &what) { return what + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12); }
    QString workflowWith(const QString &name, const QString &path, const QString &method = QStringLiteral("POST"), const QJsonArray &next = {})
    {
        const QString id = m_n8n.createWorkflow(name, path, method, next);
        FT_EXPECT(!id.isEmpty(), qPrintable(m_n8n.error()));
        return id;
    }
    QJsonObject listed(const QString &id)
    {
        Reply r = get(QStringLiteral("/api/v1/n8n-webhooks/workflows"), QStringLiteral("viewer"));
        FT_EXPECT(r.status == 200, r.body.constData());
        for (const QJsonValue &w : r.json.value(QStringLiteral("items")).toArray())
            if (w.toObject().value(QStringLiteral("id")).toString() == id)
                return w.toObject();
        return {};
    }
    qint64 lead(const QString &name)
    {
        Reply r = send("POST", QStringLiteral("/api/v1/leads"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("city"), QStringLiteral("Austin")}});
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    // Our API key for n8n's call back (a user's, "write" scope).
    QString ourApiKey()
    {
        Reply r = send("POST", QStringLiteral("/api/v1/auth/api-keys"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("n8n")}, {QStringLiteral("scopes"), QJsonArray{QStringLiteral("write")}}});
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("key")).toString();
    }
    // An HTTP Request node adding a note, through our API, to the lead the event carries.
    QJsonObject noteBackNode(const QString &apiKey)
    {
        return {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("name"), QStringLiteral("Add a note")},
                {QStringLiteral("type"), QStringLiteral("n8n-nodes-base.httpRequest")},
                {QStringLiteral("typeVersion"), 4.2},
                {QStringLiteral("position"), QJsonArray{220, 0}},
                {QStringLiteral("parameters"),
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                             {QStringLiteral("url"), QStringLiteral("=http://127.0.0.1:%1/api/v1/leads/{{ $json.body.data.lead.id }}/notes").arg(m_api->server().port())},
                             {QStringLiteral("sendHeaders"), true},
                             {QStringLiteral("headerParameters"),
                              QJsonObject{{QStringLiteral("parameters"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("X-API-Key")}, {QStringLiteral("value"), apiKey}}}}}},
                             {QStringLiteral("sendBody"), true},
                             {QStringLiteral("specifyBody"), QStringLiteral("json")},
                             {QStringLiteral("jsonBody"), QStringLiteral("={{ JSON.stringify({content: 'n8n: ' + $json.body.event + ' for ' + $json.body.data.lead.name}) }}")},
                             {QStringLiteral("options"), QJsonObject()}}}};
    }
    // Sends what waits in the webhook outbox (the workflow starts).
    void deliver()
    {
        auto sent = m_api->engine().webhooks().processPending();
        FT_EXPECT(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    }
    qint64 executionsOf(const QString &workflow, const QString &status)
    {
        Reply r = get(QStringLiteral("/api/v1/n8n-webhooks/executions?workflow_id=%1&status=%2").arg(workflow, status), QStringLiteral("viewer"));
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json.value(QStringLiteral("data")).toArray().size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_n8nUp = m_n8n.start();
        if (!m_n8nUp)
            qWarning("no n8n: %s", qPrintable(m_n8n.error()));
    }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    // Nothing set: every call says how to set n8n up; a rule naming a workflow is refused.
    void notSetUpSaysWhatToDo()
    {
        startApi();
        Reply r = get(QStringLiteral("/api/v1/n8n-webhooks/settings"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("configured")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("key_source")).toString(), QStringLiteral("none"));
        r = get(QStringLiteral("/api/v1/n8n-webhooks/workflows"));
        QCOMPARE(r.status, 409);
        QVERIFY2(r.message().contains(QStringLiteral("n8n is not set up")), r.body.constData());
        r = get(QStringLiteral("/api/v1/n8n-webhooks/executions"));
        QCOMPARE(r.status, 409);
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/abc123/activate"), {});
        QCOMPARE(r.status, 409);
        r = send("POST", QStringLiteral("/api/v1/rules"), test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "start_workflow", "workflow_id": "abc123"}]})));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().value(QStringLiteral("actions[0].workflow_id")).toString().contains(QStringLiteral("not set up")), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/rules"), test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "start_workflow", "workflow_id": 7}]})));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("actions[0].workflow_id")));
        // A workflow step cannot wait for a decision before n8n is set up: it could not be told.
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals"),
                 QJsonObject{{QStringLiteral("title"), QStringLiteral("Send it?")}, {QStringLiteral("resume_url"), QStringLiteral("http://127.0.0.1:5678/webhook-waiting/1")}});
        QCOMPARE(r.status, 409);
        // Started by hand without having been read: it is not known here.
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/abc123/start"), {});
        QCOMPARE(r.status, 404);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries")), 0);
    }

    // Administrators set where n8n is; the key goes to the secret store and is never answered.
    void settingsAreForAdministrators()
    {
        startApi();
        const QJsonObject body{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:5678/")}, {QStringLiteral("api_key"), QStringLiteral("n8n_api_secret")}};
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), body, QStringLiteral("user")).status, 403);
        Reply r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), QJsonObject{{QStringLiteral("base_url"), QStringLiteral("ftp://n8n")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("base_url")));
        r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), QJsonObject{{QStringLiteral("api_key"), 12}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), QJsonObject{{QStringLiteral("webhook"), QStringLiteral("x")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/settings")).json.value(QStringLiteral("configured")).toBool(), false); // nothing half-saved
        r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), body, QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:5678"));
        QCOMPARE(r.json.value(QStringLiteral("configured")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("key_source")).toString(), QStringLiteral("keychain"));
        QVERIFY(!r.body.contains("n8n_api_secret"));
        QCOMPARE(*m_api->secrets().read(QLatin1String(automation::N8nService::secretKey)), QByteArray("n8n_api_secret"));
        QVERIFY(!get(QStringLiteral("/api/v1/n8n-webhooks/settings"), QStringLiteral("viewer")).body.contains("n8n_api_secret"));
        r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"), QJsonObject{{QStringLiteral("api_key"), QString()}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("api_key_set")).toBool(), false);
        const auto gone = m_api->secrets().read(QLatin1String(automation::N8nService::secretKey));
        QVERIFY(!gone || gone->isEmpty());
    }

    // Nothing listening, or a key n8n refuses: 503 with what to fix.
    void wrongAddressOrKeySaysWhatToFix()
    {
        startApi();
        Reply r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"),
                       QJsonObject{{QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:%1").arg(test::freePort())}, {QStringLiteral("api_key"), QStringLiteral("k")}},
                       QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        r = get(QStringLiteral("/api/v1/n8n-webhooks/workflows"));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.message().contains(QStringLiteral("did not answer")), r.body.constData());
        REQUIRE_N8N();
        connectN8n("n8n_api_wrong");
        r = get(QStringLiteral("/api/v1/n8n-webhooks/workflows"));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.message().contains(QStringLiteral("refused the API key")), r.body.constData());
        QCOMPARE(r.details().value(QStringLiteral("n8n_status")).toInt(), 401);
    }

    // The team's workflows as n8n has them, with what starts each; switched on and off in n8n.
    void workflowsAreListedAndSwitched()
    {
        REQUIRE_N8N();
        startApi();
        connectN8n();
        const QString path = uniquePath(QStringLiteral("listed"));
        const QString startable = workflowWith(QStringLiteral("Follow up"), path);
        const QString bare = workflowWith(QStringLiteral("By hand only"), QString());
        const QString getter = workflowWith(QStringLiteral("Takes GET"), uniquePath(QStringLiteral("get")), QStringLiteral("GET"));
        QVERIFY(!QTest::currentTestFailed());

        QJsonObject w = listed(startable);
        QCOMPARE(w.value(QStringLiteral("name")).toString(), QStringLiteral("Follow up"));
        QCOMPARE(w.value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(w.value(QStringLiteral("trigger")).toObject().value(QStringLiteral("url")).toString(), m_n8n.baseUrl() + QStringLiteral("/webhook/") + path);
        QCOMPARE(w.value(QStringLiteral("startable")).toBool(), false);
        QVERIFY(w.value(QStringLiteral("not_startable_reason")).toString().contains(QStringLiteral("turn it on")));
        QVERIFY(listed(bare).value(QStringLiteral("not_startable_reason")).toString().contains(QStringLiteral("no Webhook trigger")));
        QVERIFY(listed(bare).value(QStringLiteral("trigger")).isNull());
        QVERIFY(listed(getter).value(QStringLiteral("not_startable_reason")).toString().contains(QStringLiteral("POST")));

        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(startable), {}, QStringLiteral("viewer")).status, 403);
        Reply r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(startable), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("startable")).toBool(), true);
        QCOMPARE(m_n8n.api("GET", QStringLiteral("/workflows/") + startable).json.value(QStringLiteral("active")).toBool(), true); // in n8n itself
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'n8n_workflow_changed' AND channel = 'workflows'")), 1);
        r = get(QStringLiteral("/api/v1/n8n-webhooks/workflows/") + startable, QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("startable")).toBool(), true);
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/deactivate").arg(startable), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(m_n8n.api("GET", QStringLiteral("/workflows/") + startable).json.value(QStringLiteral("active")).toBool(), false);

        // A workflow n8n does not have, an id that is no id, one without a trigger turned on.
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/workflows/NoSuchWorkflow1")).status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/NoSuchWorkflow1/activate"), {}).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/workflows/a%20b'--")).status, 404);
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(bare), {});
        QCOMPARE(r.status, 400); // n8n refuses: nothing would trigger it
        QVERIFY2(r.message().contains(QStringLiteral("no trigger")), r.body.constData());

        // Starting one that is off, or has no trigger, says why.
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/start").arg(startable), {});
        QCOMPARE(r.status, 409);
        QVERIFY(r.message().contains(QStringLiteral("is off")));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/start").arg(bare), {}).status, 409);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/start").arg(startable), {}, QStringLiteral("viewer")).status, 403);
        r = send("POST", QStringLiteral("/api/v1/rules"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("trigger"), QStringLiteral("lead_created")},
                             {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("start_workflow")}, {QStringLiteral("workflow_id"), getter}}}}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().value(QStringLiteral("actions[0].workflow_id")).toString().contains(QStringLiteral("POST")), r.body.constData());
    }

    // A rule starts a workflow with the lead and the event; the workflow adds a note to the lead
    // through our API with an API key; the run is listed with its status and duration and
    // announced once.
    void aRuleStartsAWorkflowThatCallsBack()
    {
        REQUIRE_N8N();
        startApi();
        connectN8n();
        const QString path = uniquePath(QStringLiteral("rule"));
        const QString workflow = workflowWith(QStringLiteral("Note back"), path, QStringLiteral("POST"), {noteBackNode(ourApiKey())});
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(workflow), {}).status, 200);
        Reply r = send("POST", QStringLiteral("/api/v1/rules"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Austin to n8n")},
                                   {QStringLiteral("trigger"), QStringLiteral("lead_created")},
                                   {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("start_workflow")},
                                                                                      {QStringLiteral("workflow_id"), workflow}}}}});
        QCOMPARE(r.status, 201);
        QTest::qWait(5); // the rule sees events after it was made
        const qint64 id = lead(QStringLiteral("Ann's Plumbing"));
        QVERIFY(m_api->engine().rules().processPending().ok());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.n8n_workflow_id = ?"), {workflow}), 1);
        deliver();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'")), 1);
        // n8n runs it and calls back (the API answers on this thread meanwhile): a real n8n only.
        if (m_n8n.isReal()) {
            const QString note = QStringLiteral("n8n: rule_action for Ann's Plumbing");
            QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM notes WHERE lead_id = ? AND content = ?"), {id, note}), 1, 30000);
        }

        // Its run: success, with a duration; announced once however often n8n is read.
        QTRY_COMPARE_WITH_TIMEOUT(executionsOf(workflow, QStringLiteral("success")), 1, 30000);
        r = get(QStringLiteral("/api/v1/n8n-webhooks/executions?workflow_id=") + workflow);
        const QJsonObject run = r.json.value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(run.value(QStringLiteral("workflow_name")).toString(), QStringLiteral("Note back"));
        QCOMPARE(run.value(QStringLiteral("mode")).toString(), QStringLiteral("webhook"));
        QVERIFY(run.value(QStringLiteral("duration_ms")).toInteger() >= 0);
        QVERIFY(!run.value(QStringLiteral("stopped_at")).isNull());
        const qint64 announced = count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'n8n_executions' AND channel = 'workflows'"));
        QVERIFY(announced >= 1);
        QVERIFY(m_api->engine().n8n().poll().ok());
        QVERIFY(m_api->engine().n8n().poll().ok());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'n8n_executions'")), announced);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM n8n_executions WHERE workflow_id = ? AND status = 'success'"), {workflow}), 1);

        // The webhook kept for the workflow: listed, its URL and events not for people to change.
        r = get(QStringLiteral("/api/v1/webhooks"));
        QJsonObject managed;
        for (const QJsonValue &h : r.json.value(QStringLiteral("items")).toArray())
            if (h.toObject().value(QStringLiteral("n8n_workflow_id")).toString() == workflow)
                managed = h.toObject();
        QCOMPARE(managed.value(QStringLiteral("name")).toString(), QStringLiteral("n8n: Note back"));
        r = send("PUT", QStringLiteral("/api/v1/webhooks/%1").arg(managed.value(QStringLiteral("id")).toInteger()),
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("https://elsewhere.example/hook")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().value(QStringLiteral("url")).toString().contains(QStringLiteral("n8n integration")), r.body.constData());

        // Started by hand: a "manual" start, then one more run.
        r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/start").arg(workflow),
                 QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("lead"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Ann")}}}}}});
        QCOMPARE(r.status, 202);
        QVERIFY(r.json.value(QStringLiteral("delivery_id")).toInteger() > 0);
        deliver();
        QTRY_COMPARE_WITH_TIMEOUT(executionsOf(workflow, QStringLiteral("success")), 2, 30000);
    }

    // A schedule's n8n task starts the workflow with the run's time and its data.
    void aScheduleStartsAWorkflow()
    {
        REQUIRE_N8N();
        startApi();
        connectN8n();
        const QString workflow = workflowWith(QStringLiteral("Nightly"), uniquePath(QStringLiteral("nightly")));
        QVERIFY(!QTest::currentTestFailed());
        Reply r = send("POST", QStringLiteral("/api/v1/schedules"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Nightly n8n")},
                                   {QStringLiteral("cron_expression"), QStringLiteral("@daily")},
                                   {QStringLiteral("task_type"), QStringLiteral("n8n")},
                                   {QStringLiteral("task_config"), QJsonObject{{QStringLiteral("workflow_id"), workflow}, {QStringLiteral("data"), 3}}}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("task_config.data")));
        r = send("POST", QStringLiteral("/api/v1/schedules"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Nightly n8n")},
                             {QStringLiteral("cron_expression"), QStringLiteral("@daily")},
                             {QStringLiteral("task_type"), QStringLiteral("n8n")},
                             {QStringLiteral("task_config"), QJsonObject{{QStringLiteral("workflow_id"), workflow}, {QStringLiteral("data"), QJsonObject{{QStringLiteral("report"), QStringLiteral("daily")}}}}}});
        QCOMPARE(r.status, 201); // off for now: created anyway, its runs say why until it is on
        const qint64 schedule = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(workflow), {}).status, 200);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/schedules/%1/run-now").arg(schedule), {}).status, 202);
        {
            storage::WorkerPool::Options o;
            o.workers = 1;
            o.queues = {automation::ScheduleService::queue};
            o.idlePoll = std::chrono::milliseconds(20);
            storage::WorkerPool pool(m_api->engine().databasePtr(), m_api->engine().jobs(), m_api->engine().clock(), o);
            m_api->engine().schedules().registerHandlers(pool);
            pool.start();
            QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE queue = 'automation' AND state IN ('queued', 'running')")), 0, 30000);
            pool.stop();
        }
        r = get(QStringLiteral("/api/v1/schedules/%1/logs").arg(schedule));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        deliver();
        QTRY_COMPARE_WITH_TIMEOUT(executionsOf(workflow, QStringLiteral("success")), 1, 30000);
        // What n8n received: the "schedule" event with the data given.
        const QString execution = get(QStringLiteral("/api/v1/n8n-webhooks/executions?workflow_id=") + workflow).json.value(QStringLiteral("data")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        const QByteArray runData = m_n8n.api("GET", QStringLiteral("/executions/%1?includeData=true").arg(execution)).body;
        QVERIFY2(runData.contains("\"event\":\"schedule\"") && runData.contains("\"report\":\"daily\""), runData.left(2000).constData());
    }

    // A step of a workflow waits for a decision (kind n8n_step): the request is checked (the
    // resume address only on the n8n set up here), asked twice it is the same one; the decider
    // edits only the values the workflow sent; the decision is POSTed to the resume address by a
    // job, as n8n's Wait node takes it. Here a local server answers for n8n's waiting webhook.
    void workflowStepsWaitForADecision()
    {
        test::FixtureHttpServer n8nStandIn;
        QVERIFY(n8nStandIn.start());
        QList<QJsonObject> told;
        n8nStandIn.addScript("/webhook-waiting/77", [&told](const test::FixtureHttpServer::Request &r) {
            told.append(QJsonDocument::fromJson(r.body).object());
            return test::FixtureHttpServer::Response{200, "application/json", "{\"message\":\"Workflow was started\"}", {}, 0, test::FixtureHttpServer::Fault::None};
        });
        startApi(1);
        Reply r = send("PUT", QStringLiteral("/api/v1/n8n-webhooks/settings"),
                       QJsonObject{{QStringLiteral("base_url"), n8nStandIn.baseUrl()}, {QStringLiteral("api_key"), QStringLiteral("k")}}, QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        const qint64 ann = lead(QStringLiteral("Ann's Plumbing"));
        const QString resume = n8nStandIn.baseUrl() + QStringLiteral("/webhook-waiting/77");
        const QJsonObject ask{{QStringLiteral("title"), QStringLiteral("Send the spring offer?")},
                              {QStringLiteral("resume_url"), resume},
                              {QStringLiteral("lead_id"), ann},
                              {QStringLiteral("workflow_id"), QStringLiteral("wf-offer")},
                              {QStringLiteral("decide_role"), QStringLiteral("admin")},
                              {QStringLiteral("payload"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Spring offer")}, {QStringLiteral("amount"), 2400}}}};
        const QList<QPair<QPair<QString, QJsonValue>, QString>> mistakes{
            {{QStringLiteral("title"), QString()}, QStringLiteral("title")},
            {{QStringLiteral("resume_url"), QStringLiteral("http://elsewhere.example/webhook-waiting/77")}, QStringLiteral("resume_url")},
            {{QStringLiteral("resume_url"), 77}, QStringLiteral("resume_url")},
            {{QStringLiteral("payload"), QStringLiteral("x")}, QStringLiteral("payload")},
            {{QStringLiteral("lead_id"), 999999}, QStringLiteral("lead_id")},
            {{QStringLiteral("deadline_hours"), 0}, QStringLiteral("deadline_hours")},
            {{QStringLiteral("decide_role"), QStringLiteral("boss")}, QStringLiteral("decide_role")},
            {{QStringLiteral("default"), QStringLiteral("maybe")}, QStringLiteral("default")},
            {{QStringLiteral("kind"), QStringLiteral("rule_action")}, QStringLiteral("kind")},
        };
        for (const auto &[change, field] : mistakes) {
            QJsonObject body = ask;
            body.insert(change.first, change.second);
            r = send("POST", QStringLiteral("/api/v1/workflow-approvals"), body);
            QVERIFY2(r.status == 422, r.body.constData());
            QVERIFY2(r.details().contains(field), r.body.constData());
        }
        QCOMPARE(send("POST", QStringLiteral("/api/v1/workflow-approvals"), ask, QStringLiteral("viewer")).status, 403);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM approvals")), 0);

        r = send("POST", QStringLiteral("/api/v1/workflow-approvals"), ask);
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("n8n_step"));
        QCOMPARE(r.json.value(QStringLiteral("lead_id")).toInteger(), ann);
        QCOMPARE(r.json.value(QStringLiteral("payload")).toObject().value(QStringLiteral("lead_name")).toString(), QStringLiteral("Ann's Plumbing"));
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals"), ask); // n8n retried its request
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("id")).toInteger(), id);
        r = get(QStringLiteral("/api/v1/workflow-approvals/pending?kind=n8n_step"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("can_decide")).toBool(), false); // an admin's

        const QString decide = QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(id);
        QCOMPARE(send("POST", decide, QJsonObject{{QStringLiteral("decision"), QStringLiteral("approved")}}).status, 403);
        r = send("POST", decide,
                 QJsonObject{{QStringLiteral("decision"), QStringLiteral("approved")},
                             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("payload"), QJsonObject{{QStringLiteral("discount"), 10}}}}}},
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().contains(QStringLiteral("payload.payload.discount")), r.body.constData());
        r = send("POST", decide,
                 QJsonObject{{QStringLiteral("decision"), QStringLiteral("approved")},
                             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("resume_url"), QStringLiteral("http://elsewhere.example/")}}}},
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY(told.isEmpty());
        r = send("POST", decide,
                 QJsonObject{{QStringLiteral("decision"), QStringLiteral("approved")},
                             {QStringLiteral("note"), QStringLiteral("go")},
                             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("payload"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Summer offer")}}}}}},
                 QStringLiteral("admin"));
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY2(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("resume_job_id")).toInteger() > 0, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(told.size(), 1, 20000);
        const QJsonObject decision = told.first();
        QCOMPARE(decision.value(QStringLiteral("approval_id")).toInteger(), id);
        QCOMPARE(decision.value(QStringLiteral("decision")).toString(), QStringLiteral("approved"));
        QCOMPARE(decision.value(QStringLiteral("approved")).toBool(), true);
        QCOMPARE(decision.value(QStringLiteral("expired")).toBool(), false);
        QCOMPARE(decision.value(QStringLiteral("note")).toString(), QStringLiteral("go"));
        QCOMPARE(decision.value(QStringLiteral("decided_by")).toInteger(), count(QStringLiteral("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")));
        QCOMPARE(decision.value(QStringLiteral("payload")).toObject(),
                 (QJsonObject{{QStringLiteral("subject"), QStringLiteral("Summer offer")}, {QStringLiteral("amount"), 2400}}));
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'automation.n8n_resume' AND state = 'done'")), 1, 10000);
        // Asked again after the decision: still that request (decided), n8n is not told twice.
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals"), ask);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QTest::qWait(200);
        QCOMPARE(told.size(), 1);
    }

    // The same with a real n8n: its workflow asks through our API with an API key, its Wait node
    // holds the run, the decision resumes it and the next node sees what was decided.
    void aRealWorkflowWaitsForTheDecision()
    {
        REQUIRE_REAL_N8N();
        startApi(1);
        connectN8n();
        const QString key = ourApiKey();
        const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_api->server().port());
        auto httpNode = [&key](const QString &name, int x, const QString &url, const QString &body) {
            return QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("type"), QStringLiteral("n8n-nodes-base.httpRequest")},
                               {QStringLiteral("typeVersion"), 4.2},
                               {QStringLiteral("position"), QJsonArray{x, 0}},
                               {QStringLiteral("parameters"),
                                QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                                            {QStringLiteral("url"), url},
                                            {QStringLiteral("sendHeaders"), true},
                                            {QStringLiteral("headerParameters"),
                                             QJsonObject{{QStringLiteral("parameters"),
                                                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("X-API-Key")}, {QStringLiteral("value"), key}}}}}},
                                            {QStringLiteral("sendBody"), true},
                                            {QStringLiteral("specifyBody"), QStringLiteral("json")},
                                            {QStringLiteral("jsonBody"), body},
                                            {QStringLiteral("options"), QJsonObject()}}}};
        };
        const QJsonObject waitNode{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {QStringLiteral("name"), QStringLiteral("Wait for the decision")},
                                   {QStringLiteral("type"), QStringLiteral("n8n-nodes-base.wait")},
                                   {QStringLiteral("typeVersion"), 1.1},
                                   {QStringLiteral("position"), QJsonArray{440, 0}},
                                   {QStringLiteral("webhookId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("resume"), QStringLiteral("webhook")},
                                                                              {QStringLiteral("httpMethod"), QStringLiteral("POST")},
                                                                              {QStringLiteral("options"), QJsonObject()}}}};
        const QString workflow = workflowWith(
            QStringLiteral("Offer with approval"), uniquePath(QStringLiteral("offer")), QStringLiteral("POST"),
            {httpNode(QStringLiteral("Ask"), 220, QStringLiteral("=") + api + QStringLiteral("/workflow-approvals"),
                      QStringLiteral("={{ JSON.stringify({title: 'Send the offer to ' + $json.body.data.lead.name, lead_id: $json.body.data.lead.id, "
                                     "resume_url: $execution.resumeUrl, workflow_id: $workflow.id, payload: { subject: 'Spring offer' } }) }}")),
             waitNode,
             httpNode(QStringLiteral("Tell"), 660, QStringLiteral("=") + api + QStringLiteral("/leads/{{ $('Webhook').item.json.body.data.lead.id }}/notes"),
                      QStringLiteral("={{ JSON.stringify({content: 'n8n heard: ' + $json.body.decision + ' / ' + $json.body.payload.subject}) }}"))});
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/activate").arg(workflow), {}).status, 200);
        const qint64 id = lead(QStringLiteral("Bea's Bakery"));
        Reply r = send("POST", QStringLiteral("/api/v1/n8n-webhooks/workflows/%1/start").arg(workflow),
                       QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("lead"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Bea's Bakery")}}}}}});
        QCOMPARE(r.status, 202);
        deliver();
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM approvals WHERE entity_type = 'n8n_step' AND status = 'pending'")), 1, 30000);
        r = get(QStringLiteral("/api/v1/workflow-approvals/pending?kind=n8n_step"));
        const QJsonObject waiting = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(waiting.value(QStringLiteral("title")).toString(), QStringLiteral("Send the offer to Bea's Bakery"));
        QCOMPARE(waiting.value(QStringLiteral("lead_id")).toInteger(), id);
        QCOMPARE(waiting.value(QStringLiteral("payload")).toObject().value(QStringLiteral("workflow_id")).toString(), workflow);
        // (n8n's public API does not list an execution held by a Wait node while its process
        // keeps it among the active ones: the run is checked by what its next node does.)
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(waiting.value(QStringLiteral("id")).toInteger()),
                 QJsonObject{{QStringLiteral("decision"), QStringLiteral("approved")},
                             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("payload"), QJsonObject{{QStringLiteral("subject"), QStringLiteral("Summer offer")}}}}}});
        QVERIFY2(r.status == 200, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM notes WHERE lead_id = ? AND content = ?"), {id, QStringLiteral("n8n heard: approved / Summer offer")}),
                                  1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(executionsOf(workflow, QStringLiteral("success")), 1, 30000);
    }

    // Paging and filters are checked before n8n is asked.
    void executionFiltersAreChecked()
    {
        REQUIRE_N8N();
        startApi();
        connectN8n();
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/executions?status=lost")).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/executions?limit=0")).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/executions?limit=251")).status, 422);
        QCOMPARE(get(QStringLiteral("/api/v1/n8n-webhooks/executions?workflow_id=a%20b")).status, 422);
        Reply r = get(QStringLiteral("/api/v1/n8n-webhooks/executions?limit=1"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("data")).toArray().size() <= 1);
    }
};

QTEST_MAIN(TestN8nApi)
#include "tst_n8napi.moc"
