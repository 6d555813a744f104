// Approvals through the API, on both backends (issue 15): a rule's request_approval parks the
// actions after it; the request lists as pending with its payload and who may decide; approving
// (with the payload edited) runs the edited actions at once and only once, rejecting runs none;
// a request for administrators refuses a user; deadlines apply their default outcome; an
// auto-approval rule decides a request the moment it is made (logged as such); a lead gone
// meanwhile is said, not crashed on; every request and decision is announced on "workflows".
#include "apiharness.h"
#include "fakeclock.h"
#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;

class TestApprovalsApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    test::FakeClock m_clock{QDateTime(QDate(2026, 5, 4), QTime(10, 0), QTimeZone::utc())};

    storage::Database &db() { return m_api->engine().database(); }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : -1;
    }
    qint64 create(const QString &path, const char *json, const QString &role = QStringLiteral("user"))
    {
        Reply r = send("POST", path, test::json(json), role);
        FT_EXPECT(r.status == 201, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    qint64 lead(const char *json)
    {
        Reply r = send("POST", QStringLiteral("/api/v1/leads"), test::json(json));
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    // Read from the database: the fake clock moves past the API tokens' lifetime.
    QStringList tagsOf(qint64 leadId)
    {
        QStringList out;
        auto rows = db().select(QStringLiteral("SELECT t.name FROM tags t JOIN lead_tags lt ON lt.tag_id = t.id WHERE lt.lead_id = ? ORDER BY t.name"), {leadId});
        FT_EXPECT(rows.ok(), "tags");
        if (rows)
            for (const auto &r : *rows)
                out << r.value(0).toString();
        return out;
    }
    void runRules()
    {
        m_clock.advance(10);
        auto done = m_api->engine().rules().processPending();
        FT_EXPECT(done.ok(), done ? "" : qPrintable(done.error().message));
    }
    QJsonArray pending(const QString &role = QStringLiteral("user"))
    {
        Reply r = get(QStringLiteral("/api/v1/workflow-approvals/pending"), role);
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json.value(QStringLiteral("items")).toArray();
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void approveEditedRejectAndDecideOnce()
    {
        startApi(0, &m_clock);
        // Saving: the approval must have actions to wait for, and settings it knows.
        Reply r = send("POST", QStringLiteral("/api/v1/rules"),
                       test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}, {"type": "request_approval"}]})));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("actions[1]")));
        r = send("POST", QStringLiteral("/api/v1/rules"),
                 test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "request_approval", "deadline_hours": 0}, {"type": "add_tags", "tags": ["a"]}]})));
        QVERIFY(r.details().contains(QStringLiteral("actions[0].deadline_hours")));
        r = send("POST", QStringLiteral("/api/v1/rules"),
                 test::json(J({"name": "x", "trigger": "lead_created", "actions": [{"type": "request_approval", "decide_role": "boss"}, {"type": "add_tags", "tags": ["a"]}]})));
        QVERIFY(r.details().contains(QStringLiteral("actions[0].decide_role")));

        const qint64 rule = create(QStringLiteral("/api/v1/rules"),
                                   J({"name": "Austin outreach", "trigger": "lead_created", "conditions": [{"field": "city", "op": "equals", "value": "Austin"}],
                                      "actions": [{"type": "add_tags", "tags": ["seen"]},
                                                  {"type": "request_approval", "title": "Reach out to {{name}}?", "deadline_hours": 2},
                                                  {"type": "add_tags", "tags": ["approved"]},
                                                  {"type": "add_note", "text": "Approved by a person"}]}));
        m_clock.advance(1000);
        const qint64 ann = lead(J({"name": "Ann's Plumbing", "city": "Austin"}));
        runRules();
        QCOMPARE(tagsOf(ann), QStringList{QStringLiteral("seen")}); // what came before the request ran
        QJsonArray waiting = pending();
        QCOMPARE(waiting.size(), 1);
        QJsonObject a = waiting.first().toObject();
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("rule_action"));
        QCOMPARE(a.value(QStringLiteral("title")).toString(), QStringLiteral("Reach out to Ann's Plumbing?"));
        QCOMPARE(a.value(QStringLiteral("lead_id")).toInteger(), ann);
        QCOMPARE(a.value(QStringLiteral("can_decide")).toBool(), true);
        QCOMPARE(a.value(QStringLiteral("default_decision")).toString(), QStringLiteral("rejected"));
        QCOMPARE(a.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2026-05-04T12:00:01.010Z"));
        QCOMPARE(a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("actions")).toArray().size(), 2);
        QCOMPARE(a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("rule_id")).toInteger(), rule);
        QCOMPARE(pending(QStringLiteral("viewer")).first().toObject().value(QStringLiteral("can_decide")).toBool(), false);
        const qint64 id = a.value(QStringLiteral("id")).toInteger();
        const QString decide = QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(id);
        QCOMPARE(send("POST", decide, test::json(J({"decision": "approved"})), QStringLiteral("viewer")).status, 403);

        // Mistakes are named; nothing is decided by them.
        struct Case {
            const char *body;
            const char *field;
        };
        const Case cases[]{
            {J({"decision": "maybe"}), "decision"},
            {J({"decision": "approved", "why": "x"}), "why"},
            {J({"decision": "approved", "payload": {"colour": "red"}}), "payload.colour"},
            {J({"decision": "approved", "payload": {"actions": [{"type": "teleport"}]}}), "payload.actions[0].type"},
            {J({"decision": "rejected", "payload": {"actions": []}}), "payload"},
        };
        for (const Case &c : cases) {
            r = send("POST", decide, test::json(c.body));
            QVERIFY2(r.status == 422, c.body);
            QVERIFY2(r.details().contains(QLatin1String(c.field)), qPrintable(QString::fromUtf8(r.body)));
        }
        QCOMPARE(pending().size(), 1);

        // Approved with the actions edited: the edit runs, at once, and the rule's log says so.
        r = send("POST", decide, test::json(J({"decision": "approved", "note": "Looks good", "payload": {"actions": [{"type": "add_tags", "tags": ["approved-edited"]}]}})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(r.json.value(QStringLiteral("decision_note")).toString(), QStringLiteral("Looks good"));
        QCOMPARE(r.json.value(QStringLiteral("original_payload")).toObject().value(QStringLiteral("actions")).toArray().size(), 2);
        QCOMPARE(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("actions_taken")).toArray().size(), 1);
        QCOMPARE(tagsOf(ann), (QStringList{QStringLiteral("approved-edited"), QStringLiteral("seen")}));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notes WHERE lead_id = ?"), {ann}), 0);
        Reply executions = get(QStringLiteral("/api/v1/rules/%1/executions").arg(rule));
        const QJsonArray taken = executions.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("actions_taken")).toArray();
        QCOMPARE(taken.size(), 3); // add_tags, request_approval, approval_decided
        QCOMPARE(taken.at(2).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("approval_decided"));
        // Once only.
        r = send("POST", decide, test::json(J({"decision": "approved"})));
        QCOMPARE(r.status, 409);
        QCOMPARE(pending().size(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE t.name = 'approved-edited'")), 1);

        // Rejected: nothing after the request runs.
        const qint64 bob = lead(J({"name": "Bob's Bikes", "city": "Austin"}));
        runRules();
        const qint64 second = pending().first().toObject().value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(second), test::json(J({"decision": "rejected", "note": "Not a fit"})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("not_run")).toInt(), 2);
        QCOMPARE(tagsOf(bob), QStringList{QStringLiteral("seen")});
        // Listed with the decided ones; announced.
        r = get(QStringLiteral("/api/v1/workflow-approvals?status=rejected"), QStringLiteral("viewer"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE channel = 'workflows' AND type = 'approval_requested'")), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE channel = 'workflows' AND type = 'approval_decided'")), 2);
        QCOMPARE(get(QStringLiteral("/api/v1/workflow-approvals/999999")).status, 404);
    }

    void whoDecidesDeadlinesAndGoneLeads()
    {
        startApi(0, &m_clock);
        create(QStringLiteral("/api/v1/rules"),
               J({"name": "Big deals", "trigger": "lead_created", "conditions": [{"field": "city", "op": "equals", "value": "Dallas"}],
                  "actions": [{"type": "request_approval", "decide_role": "admin", "deadline_hours": 1, "default": "approved"},
                              {"type": "add_tags", "tags": ["go"]}]}));
        create(QStringLiteral("/api/v1/rules"),
               J({"name": "Small deals", "trigger": "lead_created", "conditions": [{"field": "city", "op": "equals", "value": "Waco"}],
                  "actions": [{"type": "request_approval", "deadline_hours": 1}, {"type": "add_tags", "tags": ["go"]}]}));
        m_clock.advance(1000);
        const qint64 dallas = lead(J({"name": "Dallas Dental", "city": "Dallas"}));
        const qint64 dallas2 = lead(J({"name": "Dallas Dogs", "city": "Dallas"}));
        const qint64 waco = lead(J({"name": "Waco Windows", "city": "Waco"}));
        const qint64 gone = lead(J({"name": "Waco Gone", "city": "Waco"}));
        runRules();
        QJsonArray waiting = pending();
        QCOMPARE(waiting.size(), 4);
        qint64 forAdmin = 0, goneApproval = 0;
        for (const QJsonValue &v : waiting) {
            const QJsonObject a = v.toObject();
            if (a.value(QStringLiteral("lead_id")).toInteger() == dallas) {
                forAdmin = a.value(QStringLiteral("id")).toInteger();
                QCOMPARE(a.value(QStringLiteral("can_decide")).toBool(), false); // for the user asking
            }
            if (a.value(QStringLiteral("lead_id")).toInteger() == gone)
                goneApproval = a.value(QStringLiteral("id")).toInteger();
        }
        Reply r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(forAdmin), test::json(J({"decision": "approved"})));
        QCOMPARE(r.status, 403);
        QVERIFY(r.message().contains(QStringLiteral("administrator")));
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(forAdmin), test::json(J({"decision": "approved"})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(tagsOf(dallas), QStringList{QStringLiteral("go")});

        // A lead deleted while its approval waited: approving says so, and stays decided.
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/leads/%1").arg(gone), {}).status, 204);
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(goneApproval), test::json(J({"decision": "approved"})));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("is gone")), r.body.constData());

        // The deadline: Dallas Dogs' default is approved (runs), Waco Windows' rejected (does not).
        auto &approvals = m_api->engine().approvals();
        QCOMPARE(approvals.expireDue().value(), 0);
        m_clock.advance(3600 * 1000);
        QCOMPARE(approvals.expireDue().value(), 2);
        QCOMPARE(tagsOf(dallas2), QStringList{QStringLiteral("go")});
        QCOMPARE(tagsOf(waco), QStringList{});
        auto expired = approvals.list(leads::Actor::system(), QStringLiteral("expired"));
        QCOMPARE(expired->size(), 2);
        for (const QJsonValue &v : *expired) {
            const QJsonObject a = v.toObject();
            QVERIFY(a.value(QStringLiteral("auto_decided")).toBool());
            QCOMPARE(a.value(QStringLiteral("outcome")).toString(), a.value(QStringLiteral("lead_id")).toInteger() == dallas2 ? QStringLiteral("approved") : QStringLiteral("rejected"));
        }
        QCOMPARE(approvals.pendingCount().value(), 0);
    }

    void autoApprovalRulesDecideAtOnce()
    {
        startApi(0, &m_clock);
        Reply r = get(QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules"));
        QVERIFY(r.json.value(QStringLiteral("fields_by_entity")).toObject().contains(QStringLiteral("rule_action")));
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules"),
                 test::json(J({"name": "x", "entity_type": "rule_action", "conditions": {"all": [{"field": "intent", "op": "equals", "value": "question"}]}})),
                 QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.details().contains(QStringLiteral("conditions.all[0].field")));
        const qint64 autoRule = create(QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules"),
                                       J({"name": "Trusted city", "entity_type": "rule_action", "decision": "approved",
                                          "conditions": {"all": [{"field": "city", "op": "equals", "value": "Austin"}]}}),
                                       QStringLiteral("admin"));
        const qint64 rule = create(QStringLiteral("/api/v1/rules"),
                                   J({"name": "Ask first", "trigger": "lead_created",
                                      "actions": [{"type": "request_approval"}, {"type": "add_tags", "tags": ["contacted"]}]}));
        m_clock.advance(1000);
        const qint64 austin = lead(J({"name": "Austin Air", "city": "Austin"}));
        const qint64 elsewhere = lead(J({"name": "Boston Baths", "city": "Boston"}));
        runRules();
        // Austin: decided by the rule at once, its actions run in the rule's own transaction.
        QCOMPARE(tagsOf(austin), QStringList{QStringLiteral("contacted")});
        QCOMPARE(tagsOf(elsewhere), QStringList{});
        const QJsonArray waiting = pending();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().toObject().value(QStringLiteral("lead_id")).toInteger(), elsewhere);
        r = get(QStringLiteral("/api/v1/workflow-approvals?status=approved"));
        const QJsonObject decided = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(decided.value(QStringLiteral("auto_decided")).toBool(), true);
        QCOMPARE(decided.value(QStringLiteral("auto_rule_id")).toInteger(), autoRule);
        QCOMPARE(decided.value(QStringLiteral("decision_note")).toString(), QStringLiteral("Auto-approval rule \"Trusted city\""));
        Reply executions = get(QStringLiteral("/api/v1/rules/%1/executions").arg(rule));
        bool logged = false;
        for (const QJsonValue &e : executions.json.value(QStringLiteral("items")).toArray())
            for (const QJsonValue &t : e.toObject().value(QStringLiteral("actions_taken")).toArray())
                logged = logged || (t.toObject().value(QStringLiteral("type")).toString() == u"approval_decided" &&
                                    t.toObject().value(QStringLiteral("result")).toObject().value(QStringLiteral("auto_rule_id")).toInteger() == autoRule);
        QVERIFY(logged);
        // The rules' stream read again does nothing twice: no second request, no second tag run.
        QVERIFY(db().execute(QStringLiteral("UPDATE automation_state SET value = 0 WHERE name = 'rules_cursor'")).ok());
        runRules();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM approvals")), 2);
    }
};

QTEST_GUILESS_MAIN(TestApprovalsApi)
#include "tst_approvalsapi.moc"
