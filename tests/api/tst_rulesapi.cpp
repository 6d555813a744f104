// Rules through the API, on both backends (issue 15): saving checks the trigger, the condition
// tree and every action (an action this version cannot do is refused, not skipped later); a dry
// run changes nothing; rules act on the events that follow — a new lead from Austin tagged,
// noted, its owner notified; a status change to qualified assigned in turn — each (rule, event)
// once however often the stream is read again; priorities and stop-processing; a rule that sets
// what triggers it stops at depth 3 and says so; a failing action undoes the rule's earlier ones.
#include "apiharness.h"
#include "fakeclock.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;

class TestRulesApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    storage::Database &db() { return m_api->engine().database(); }
    automation::RuleService &rules() { return m_api->engine().rules(); }

    qint64 create(const char *json, const QString &role = QStringLiteral("user"))
    {
        Reply r = send("POST", QStringLiteral("/api/v1/rules"), test::json(json), role);
        FT_EXPECT(r.status == 201, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    qint64 lead(const char *json)
    {
        Reply r = send("POST", QStringLiteral("/api/v1/leads"), test::json(json));
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : -1;
    }
    int process()
    {
        auto done = rules().processPending();
        FT_EXPECT(done.ok(), done ? "" : qPrintable(done.error().message));
        return done ? *done : -1;
    }
    QStringList tagsOf(qint64 leadId)
    {
        QStringList out;
        for (const QJsonValue &t : get(QStringLiteral("/api/v1/leads/%1").arg(leadId)).json.value(QStringLiteral("tags")).toArray())
            out << t.toObject().value(QStringLiteral("name")).toString();
        out.sort();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void savingChecksTheWholeRule()
    {
        startApi();
        Reply r = get(QStringLiteral("/api/v1/rules/catalogue"), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QStringList actions;
        for (const QJsonValue &a : r.json.value(QStringLiteral("actions")).toArray())
            actions << a.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(actions.join(u','), QStringLiteral("add_note,add_tags,add_to_campaign,analyze_website,assign,call_webhook,enrich,generate_ai_reply,notify,remove_tags,request_approval,send_template,set_field,set_stage,set_status,start_workflow,stop_sequence,verify_email"));
        QCOMPARE(r.json.value(QStringLiteral("triggers")).toArray().size(), 5);

        const qint64 id = create(J({"name": "Austin leads", "trigger": "lead_created", "conditions": [{"field": "city", "op": "equals", "value": "Austin"}],
                                    "actions": [{"type": "add_tags", "tags": ["austin"]}]}));
        QVERIFY(id > 0);
        struct Case {
            const char *name;
            const char *body;
            const char *field;
        };
        const Case cases[]{
            {"no trigger", J({"name": "x", "actions": [{"type": "add_tags", "tags": ["a"]}]}), "trigger"},
            {"unknown trigger", J({"name": "x", "trigger": "moon_rise", "actions": [{"type": "add_tags", "tags": ["a"]}]}), "trigger"},
            {"no actions", J({"name": "x", "trigger": "lead_created", "actions": []}), "actions"},
            {"unknown action", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "teleport"}]}), "actions[0].type"},
            {"a template that does not exist", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}, {"type": "send_template", "template_id": 999, "sender_account_id": 1}]}), "actions[1].template_id"},
            {"an AI writer that does not exist", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "generate_ai_reply", "writer": "shakespeare"}]}), "actions[0].writer"},
            {"bad action setting", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": "a"}]}), "actions[0].tags"},
            {"unknown action setting", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_note", "text": "hi", "colour": "red"}]}), "actions[0].colour"},
            {"set_field on a field a rule may not set", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "set_field", "field": "source", "value": "x"}]}), "actions[0].field"},
            {"assign without whom", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "assign"}]}), "actions[0]"},
            {"bad condition", J({"name": "x", "trigger": "lead_created", "conditions": [{"field": "score", "op": "contains", "value": 3}], "actions": [{"type": "add_tags", "tags": ["a"]}]}), "conditions[0].op"},
            {"bad logic", J({"name": "x", "trigger": "lead_created", "logic_operator": "XOR", "actions": [{"type": "add_tags", "tags": ["a"]}]}), "logic_operator"},
            {"no name", J({"trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}]}), "name"},
            {"unknown field", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}], "when": "always"}), "when"},
            {"priority not whole", J({"name": "x", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}], "priority": 1.5}), "priority"},
        };
        for (const Case &c : cases) {
            r = send("POST", QStringLiteral("/api/v1/rules"), test::json(c.body));
            QVERIFY2(r.status == 422, c.name);
            QVERIFY2(r.details().contains(QLatin1String(c.field)), qPrintable(QString::fromLatin1(c.name) + u' ' + QString::fromUtf8(r.body)));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rules")), 1);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/rules"), test::json(J({"name": "v", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["a"]}]})),
                      QStringLiteral("viewer")).status, 403);

        // Changes: partial; enable/disable; only the maker or an admin.
        r = send("PUT", QStringLiteral("/api/v1/rules/%1").arg(id), test::json(J({"priority": 5})));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("priority")).toInt(), 5);
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Austin leads"));
        r = send("POST", QStringLiteral("/api/v1/rules/%1/disable").arg(id), {});
        QCOMPARE(r.json.value(QStringLiteral("is_active")).toBool(), false);
        r = send("POST", QStringLiteral("/api/v1/rules/%1/enable").arg(id), {}, QStringLiteral("admin"));
        QCOMPARE(r.json.value(QStringLiteral("is_active")).toBool(), true);
        const qint64 adminRule = create(J({"name": "Admin's", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["b"]}]}), QStringLiteral("admin"));
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/rules/%1").arg(adminRule), test::json(J({"priority": 1}))).status, 403);

        // A dry run: which of the newest leads match, what would happen, nothing written.
        const qint64 austin = lead(J({"name": "Austin Roofing", "city": "Austin"}));
        lead(J({"name": "Dallas Dental", "city": "Dallas"}));
        const qint64 events = count(QStringLiteral("SELECT COUNT(*) FROM events"));
        r = send("POST", QStringLiteral("/api/v1/rules/%1/test").arg(id), test::json(J({"limit": 10})), QStringLiteral("viewer"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("evaluated")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("matched")).toInt(), 1);
        const QJsonObject first = r.json.value(QStringLiteral("items")).toArray().at(1).toObject(); // newest first: Dallas, then Austin
        QCOMPARE(first.value(QStringLiteral("lead_id")).toInteger(), austin);
        QCOMPARE(first.value(QStringLiteral("actions")).toArray().size(), 1);
        r = send("POST", QStringLiteral("/api/v1/rules/%1/test").arg(id), {{QStringLiteral("lead_id"), austin}});
        QCOMPARE(r.json.value(QStringLiteral("matched")).toInt(), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events")), events);
        QCOMPARE(tagsOf(austin), QStringList());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/rules/%1/test").arg(id), {{QStringLiteral("lead_id"), 99999}}).status, 404);

        QCOMPARE(m_api->call("DELETE", QStringLiteral("/api/v1/rules/%1").arg(id), {}, {{"Authorization", "Bearer " + m_t.value(QStringLiteral("user"))}}).status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/rules/%1").arg(id)).status, 404);
    }

    void rulesActOnTheEventsThatFollow()
    {
        startApi();
        const qint64 before = lead(J({"name": "Made before the rule", "city": "Austin"}));
        const qint64 tagger = create(J({"name": "Austin: tag, note, tell me", "trigger": "lead_created", "priority": 10,
                                        "conditions": [{"field": "city", "op": "equals", "value": "austin"}, {"field": "website", "op": "is_empty"}],
                                        "actions": [{"type": "add_tags", "tags": ["austin", "no-website"]},
                                                    {"type": "add_note", "text": "{{name}} in {{city}} has no website: call them"},
                                                    {"type": "notify", "title": "New Austin lead: {{name}}"}]}));
        const qint64 second = create(J({"name": "Runs after, then stops the rest", "trigger": "lead_created", "priority": 5, "stop_processing": true,
                                        "conditions": [{"field": "tags", "op": "contains", "value": "austin"}], "actions": [{"type": "set_status", "value": "contacted"}]}));
        const qint64 never = create(J({"name": "Stopped by the one before", "trigger": "lead_created", "priority": 1, "actions": [{"type": "add_tags", "tags": ["late"]}]}));
        FT_STOP_IF_FAILED();
        const qint64 a = lead(J({"name": "Joe's Plumbing", "city": "Austin"}));
        const qint64 b = lead(J({"name": "Sue's Bakery", "city": "Austin", "website": "https://sue.example"}));
        QVERIFY(process() > 0);
        QCOMPARE(tagsOf(a), (QStringList{QStringLiteral("austin"), QStringLiteral("no-website")}));
        QCOMPARE(tagsOf(before), QStringList()); // before the rule: not acted on
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(a)).json.value(QStringLiteral("status")).toString(), QStringLiteral("contacted"));
        QCOMPARE(tagsOf(b), QStringList{QStringLiteral("late")}); // has a website: only the catch-all rule
        const QJsonArray notes = get(QStringLiteral("/api/v1/leads/%1/notes").arg(a)).json.value(QStringLiteral("items")).toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Joe's Plumbing in Austin has no website: call them"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE title = ? AND type = 'rule'"), {QStringLiteral("New Austin lead: Joe's Plumbing")}), 1);
        Reply r = get(QStringLiteral("/api/v1/rules/%1/executions").arg(tagger));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 1);
        const QJsonObject execution = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(execution.value(QStringLiteral("entity_id")).toInteger(), a);
        QCOMPARE(execution.value(QStringLiteral("error_message")), QJsonValue());
        QCOMPARE(execution.value(QStringLiteral("actions_taken")).toArray().size(), 3);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rule_executions WHERE rule_id = ?"), {never}), 1); // lead b only
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rule_executions WHERE rule_id = ?"), {second}), 1);

        // Reading the stream again from the start repeats nothing: one execution per (rule, event).
        const qint64 executions = count(QStringLiteral("SELECT COUNT(*) FROM rule_executions"));
        const qint64 noteCount = count(QStringLiteral("SELECT COUNT(*) FROM notes"));
        QVERIFY(db().execute(QStringLiteral("UPDATE automation_state SET value = 0 WHERE name = 'rules_cursor'")));
        QVERIFY(process() > 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rule_executions")), executions);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notes")), noteCount);
        QCOMPARE(process(), 0);
    }

    // With no rule on, the cursor jumps past the events instead of reading them; a rule made
    // afterwards acts on what follows it.
    void withNoRuleOnTheCursorJumps()
    {
        startApi();
        for (int i = 0; i < 3; ++i)
            lead(qPrintable(QStringLiteral("{\"name\": \"Early %1\"}").arg(i)));
        QCOMPARE(process(), 1);
        QCOMPARE(process(), 0);
        QCOMPARE(count(QStringLiteral("SELECT value FROM automation_state WHERE name = 'rules_cursor'")), count(QStringLiteral("SELECT MAX(id) FROM events")));
        create(J({"name": "Tag", "trigger": "lead_created", "actions": [{"type": "add_tags", "tags": ["late"]}]}));
        const qint64 late = lead(J({"name": "Late Co"}));
        QVERIFY(process() > 1);
        QCOMPARE(tagsOf(late), QStringList{QStringLiteral("late")});
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rule_executions")), 1);
    }

    void statusChangesAssignInTurn()
    {
        startApi();
        const qint64 rule = create(J({"name": "Qualified: assign in turn", "trigger": "lead_status_changed",
                                      "conditions": [{"field": "status", "op": "changed_to", "value": "qualified"}],
                                      "actions": [{"type": "assign", "round_robin": true}]}));
        FT_STOP_IF_FAILED();
        QList<qint64> leads;
        for (int i = 0; i < 4; ++i)
            leads << lead(qPrintable(QStringLiteral("{\"name\": \"L%1\"}").arg(i)));
        QVERIFY(process() >= 0);
        for (qint64 id : leads)
            QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), {{QStringLiteral("status"), QStringLiteral("qualified")}}).status, 200);
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(leads[0]), {{QStringLiteral("city"), QStringLiteral("Austin")}}).status, 200); // not a status change
        QVERIFY(process() > 0);
        auto users = db().select(QStringLiteral("SELECT id FROM users WHERE role <> 'viewer' ORDER BY id"));
        QVERIFY(users);
        QCOMPARE(users->size(), 2); // the admin and the user
        QList<qint64> assigned;
        for (qint64 id : leads)
            assigned << get(QStringLiteral("/api/v1/leads/%1").arg(id)).json.value(QStringLiteral("assigned_to")).toInteger();
        const qint64 u1 = users->at(0).value(0).toLongLong(), u2 = users->at(1).value(0).toLongLong();
        QCOMPARE(assigned, (QList<qint64>{u1, u2, u1, u2}));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rule_executions WHERE rule_id = ?"), {rule}), 4);
    }

    void loopsAreCutAtDepthThree()
    {
        startApi();
        // Each run lengthens the description, which is an update, which triggers the rule again.
        const qint64 rule = create(J({"name": "Bump", "trigger": "lead_updated", "actions": [{"type": "set_field", "field": "description", "value": "x{{description}}"},
                                                                                           {"type": "add_tags", "tags": ["bumped"]}]}));
        FT_STOP_IF_FAILED();
        const qint64 id = lead(J({"name": "Loop Co"}));
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/leads/%1").arg(id), {{QStringLiteral("score"), 10}}).status, 200);
        for (int i = 0; i < 6 && process() > 0; ++i) {
        }
        auto rows = db().select(QStringLiteral("SELECT depth, error_message FROM rule_executions WHERE rule_id = ? ORDER BY id"), {rule});
        QVERIFY(rows);
        QStringList seen;
        for (const auto &r : *rows)
            seen << QStringLiteral("%1:%2").arg(r.value(0).toInt()).arg(r.value(1).isNull() ? QStringLiteral("ran") : QStringLiteral("cut"));
        // A person's change (depth 0), then the rule's own changes at depth 1 and 2; depth 3 is cut.
        QCOMPARE(seen.join(u' '), QStringLiteral("0:ran 1:ran 2:ran 3:cut"));
        QVERIFY(rows->last().value(1).toString().startsWith(QStringLiteral("Not run: this change was made by rules 3 deep")));
    }

    void aFailedActionUndoesTheRulesEarlierOnes()
    {
        startApi();
        QVERIFY(db().execute(QStringLiteral("DELETE FROM users WHERE role = 'viewer'")));
        const qint64 rule = create(J({"name": "Tag then tell a user who is gone", "trigger": "lead_created",
                                      "actions": [{"type": "add_tags", "tags": ["seen"]}, {"type": "notify", "title": "hi", "user_id": 987654}]}));
        FT_STOP_IF_FAILED();
        const qint64 id = lead(J({"name": "Half Done Inc"}));
        QVERIFY(process() > 0);
        QCOMPARE(tagsOf(id), QStringList()); // the tag was undone with the failed notification
        auto row = db().selectOne(QStringLiteral("SELECT error_message FROM rule_executions WHERE rule_id = ?"), {rule});
        QVERIFY(row);
        QVERIFY2(row->value(0).toString().startsWith(QStringLiteral("Notify failed: ")), qPrintable(row->value(0).toString()));
    }
};

QTEST_MAIN(TestRulesApi)
#include "tst_rulesapi.moc"
