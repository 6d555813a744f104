// Notifications through the API, on both backends (issue 14, spec "Notifications"): the events
// the product appends become notices for the right person — a reply for whoever owns the lead,
// a finished or failed scrape for who ran it, a campaign's milestones for its maker, a job dead
// for every administrator — listed newest first with the unread count, paged, read one by one or
// all at once, each user seeing only their own (and the notices to everyone); preferences turn a
// type or everything off, and bad preferences are refused with the field named, nothing changed.
#include "apiharness.h"
#include "fliptech/automation/notificationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;

class TestNotificationsApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT

    storage::Database &db() { return m_api->engine().database(); }
    qint64 insert(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql + QStringLiteral(" RETURNING id"), params);
        FT_EXPECT(row.ok(), row ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toLongLong() : 0;
    }
    qint64 idOf(const QString &role) { return get(QStringLiteral("/api/v1/auth/me"), role).json.value(QStringLiteral("id")).toInteger(); }
    qint64 unread(const QString &role)
    {
        Reply r = get(QStringLiteral("/api/v1/notifications/unread-count"), role);
        FT_EXPECT(r.status == 200, r.body.constData());
        return r.json.value(QStringLiteral("unread_count")).toInteger(-1);
    }
    QStringList titles(const QString &role, const QString &query = {})
    {
        Reply r = get(QStringLiteral("/api/v1/notifications") + query, role);
        FT_EXPECT(r.status == 200, r.body.constData());
        QStringList out;
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            out << v.toObject().value(QStringLiteral("title")).toString();
        return out;
    }
    // An event as the service that owns it appends it (this process: Event::local).
    void append(const char *type, const char *channel, const QJsonObject &payload, std::optional<qint64> user = std::nullopt)
    {
        auto id = m_api->engine().events().append(QLatin1String(type), QLatin1String(channel), payload, user);
        FT_EXPECT(id.ok(), id ? "" : qPrintable(id.error().message));
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup() { closeAll(); }

    void eventsBecomeNoticesForTheRightPeople()
    {
        startApi();
        FT_STOP_IF_FAILED();
        const qint64 admin = idOf(QStringLiteral("admin")), user = idOf(QStringLiteral("user"));
        QVERIFY(admin > 0 && user > 0);
        // A lead the user owns, a conversation on it, a campaign the user made.
        const qint64 lead = insert(QStringLiteral("INSERT INTO leads (name, company, source, assigned_to) VALUES ('Joe', 'Joe''s Plumbing', 'manual', ?)"), {user});
        const qint64 conversation = insert(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id, subject) VALUES ('conv-1', ?, 'Re: your website')"), {lead});
        const qint64 campaign = insert(QStringLiteral("INSERT INTO campaigns (campaign_id, name, created_by, emails_sent) VALUES ('c1', 'Spring plumbers', ?, 42)"), {user});
        QVERIFY(lead > 0 && conversation > 0 && campaign > 0);

        append("message_received", "conversations", {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("kind"), QStringLiteral("reply")},
                                                     {QStringLiteral("sentiment"), QStringLiteral("positive")}});
        append("message_received", "conversations", {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("kind"), QStringLiteral("auto_reply")}});
        append("scrape_progress", "scraper", {{QStringLiteral("scrape_job_id"), 7}, {QStringLiteral("status"), QStringLiteral("running")}}, user);
        append("scrape_progress", "scraper",
               {{QStringLiteral("scrape_job_id"), 7}, {QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("leads_found"), 25},
                {QStringLiteral("pages_fetched"), 3}},
               user);
        append("campaign_progress", "campaigns", {{QStringLiteral("campaign_id"), campaign}});
        append("campaign_completed", "campaigns", {{QStringLiteral("campaign_id"), campaign}});
        append("job_dead", "jobs", {{QStringLiteral("job_id"), 99}, {QStringLiteral("type"), QStringLiteral("campaigns.send")}, {QStringLiteral("error"), QStringLiteral("SMTP refused")}});
        FT_STOP_IF_FAILED();
        // Replies, the finished scrape and the completed campaign for the user; the dead job for the admin.
        QTRY_COMPARE(unread(QStringLiteral("user")), 3);
        QTRY_COMPARE(unread(QStringLiteral("admin")), 1);
        QCOMPARE(titles(QStringLiteral("user")),
                 (QStringList{QStringLiteral("Campaign \"Spring plumbers\" completed"), QStringLiteral("Scrape 7 finished"), QStringLiteral("Joe's Plumbing replied")}));
        QCOMPARE(titles(QStringLiteral("admin")), QStringList{QStringLiteral("Background job failed: campaigns.send")});
        QCOMPARE(unread(QStringLiteral("viewer")), 0);

        Reply list = get(QStringLiteral("/api/v1/notifications"), QStringLiteral("user"));
        const QJsonObject reply = list.json.value(QStringLiteral("items")).toArray().last().toObject();
        QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("reply"));
        QCOMPARE(reply.value(QStringLiteral("message")).toString(), QStringLiteral("Re: your website — positive"));
        QCOMPARE(reply.value(QStringLiteral("action_url")).toString(), QStringLiteral("/conversations/%1").arg(conversation));
        QCOMPARE(reply.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("lead_id")).toInteger(), lead);
        const QJsonObject done = list.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(done.value(QStringLiteral("message")).toString(), QStringLiteral("42 emails sent"));
        QCOMPARE(done.value(QStringLiteral("severity")).toString(), QStringLiteral("success"));
        QCOMPARE(titles(QStringLiteral("user"), QStringLiteral("?type=scrape")), QStringList{QStringLiteral("Scrape 7 finished")});

        // Read one: the count drops; the admin cannot read (or delete) the user's.
        const qint64 replyId = reply.value(QStringLiteral("id")).toInteger();
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/notifications/%1/read").arg(replyId), {}, QStringLiteral("admin")).status, 404);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/notifications/%1").arg(replyId), {}, QStringLiteral("admin")).status, 404);
        Reply read = send("PUT", QStringLiteral("/api/v1/notifications/%1/read").arg(replyId), {});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json.value(QStringLiteral("is_read")).toBool(), true);
        QCOMPARE(unread(QStringLiteral("user")), 2);
        QCOMPARE(titles(QStringLiteral("user"), QStringLiteral("?unread=true")).size(), 2);
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/notifications/%1/unread").arg(replyId), {}).json.value(QStringLiteral("is_read")).toBool(), false);
        QCOMPARE(unread(QStringLiteral("user")), 3);
        Reply all = send("PUT", QStringLiteral("/api/v1/notifications/read-all"), {});
        QCOMPARE(all.json.value(QStringLiteral("marked")).toInteger(), 3);
        QCOMPARE(unread(QStringLiteral("user")), 0);
        QCOMPARE(unread(QStringLiteral("admin")), 1); // the admin's are the admin's
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/notifications/%1").arg(replyId), {}).status, 204);
        QCOMPARE(titles(QStringLiteral("user")).size(), 2);
    }

    void pagesAndNoticesToEveryone()
    {
        startApi();
        FT_STOP_IF_FAILED();
        const qint64 user = idOf(QStringLiteral("user"));
        for (int i = 1; i <= 5; ++i)
            QVERIFY(m_api->engine().notifications().notify({user, QStringLiteral("rule"), QStringLiteral("Rule %1").arg(i), {}, QStringLiteral("info"), {}, {}}));
        // A notice to everyone (the AI budget is one): each user lists it; one read reads it for all.
        insert(QStringLiteral("INSERT INTO notifications (type, title, severity) VALUES ('ai_budget', 'AI budget nearly spent', 'warning')"));
        QCOMPARE(unread(QStringLiteral("viewer")), 1);
        Reply first = get(QStringLiteral("/api/v1/notifications?limit=4"));
        QCOMPARE(first.status, 200);
        QCOMPARE(titles(QStringLiteral("user"), QStringLiteral("?limit=4")),
                 (QStringList{QStringLiteral("AI budget nearly spent"), QStringLiteral("Rule 5"), QStringLiteral("Rule 4"), QStringLiteral("Rule 3")}));
        const qint64 before = first.json.value(QStringLiteral("next_before")).toInteger();
        QVERIFY(before > 0);
        Reply second = get(QStringLiteral("/api/v1/notifications?limit=4&before=%1").arg(before));
        QCOMPARE(second.json.value(QStringLiteral("items")).toArray().size(), 2);
        QVERIFY(second.json.value(QStringLiteral("next_before")).isNull());
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/notifications/read-all"), {}, QStringLiteral("viewer")).json.value(QStringLiteral("marked")).toInteger(), 1);
        QCOMPARE(unread(QStringLiteral("user")), 5);
        // Bad paging is said.
        QCOMPARE(get(QStringLiteral("/api/v1/notifications?limit=0")).status, 400);
        QCOMPARE(get(QStringLiteral("/api/v1/notifications?before=abc")).status, 400);
        QCOMPARE(get(QStringLiteral("/api/v1/notifications?type=nonsense")).status, 400);
        // Signed out: nothing.
        QCOMPARE(m_api->call("GET", QStringLiteral("/api/v1/notifications")).status, 401);
    }

    void preferencesTurnNoticesOff()
    {
        startApi();
        FT_STOP_IF_FAILED();
        const qint64 user = idOf(QStringLiteral("user"));
        Reply prefs = get(QStringLiteral("/api/v1/notifications/preferences"));
        QCOMPARE(prefs.status, 200);
        QCOMPARE(prefs.json.value(QStringLiteral("in_app_enabled")).toBool(), true);
        QCOMPARE(prefs.json.value(QStringLiteral("types")).toObject().value(QStringLiteral("reply")).toBool(), true);
        QCOMPARE(prefs.json.value(QStringLiteral("catalogue")).toArray().size(), prefs.json.value(QStringLiteral("types")).toObject().size());

        // Wrong shapes: the field named, nothing stored.
        for (const char *bad : {J({"types": {"reply": "no"}}), J({"types": {"fax": false}}), J({"in_app_enabled": 1}), J({"types": []}), J({"email": true})}) {
            Reply r = send("PUT", QStringLiteral("/api/v1/notifications/preferences"), test::json(bad));
            QVERIFY2(r.status == 422 || r.status == 400, bad);
        }
        auto stored = db().selectOne(QStringLiteral("SELECT COUNT(*) FROM notification_preferences"));
        QVERIFY(stored);
        QCOMPARE(stored->value(0).toInt(), 0);

        Reply off = send("PUT", QStringLiteral("/api/v1/notifications/preferences"), test::json(J({"types": {"scrape": false}})));
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json.value(QStringLiteral("types")).toObject().value(QStringLiteral("scrape")).toBool(), false);
        QCOMPARE(off.json.value(QStringLiteral("types")).toObject().value(QStringLiteral("reply")).toBool(), true);
        append("scrape_progress", "scraper", {{QStringLiteral("scrape_job_id"), 8}, {QStringLiteral("status"), QStringLiteral("failed")}}, user);
        append("job_dead", "jobs", {{QStringLiteral("job_id"), 1}, {QStringLiteral("type"), QStringLiteral("x")}});
        FT_STOP_IF_FAILED();
        QTRY_COMPARE(unread(QStringLiteral("admin")), 1); // the events were handled (in order)...
        QCOMPARE(unread(QStringLiteral("user")), 0);       // ...and the scrape told nobody
        auto notice = m_api->engine().notifications().notify({user, QStringLiteral("rule"), QStringLiteral("Kept"), {}, QStringLiteral("info"), {}, {}});
        QVERIFY(notice && notice->has_value());
        // Everything off: nothing made, and said so.
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/notifications/preferences"), test::json(J({"in_app_enabled": false}))).status, 200);
        notice = m_api->engine().notifications().notify({user, QStringLiteral("rule"), QStringLiteral("Muted"), {}, QStringLiteral("info"), {}, {}});
        QVERIFY(notice);
        QVERIFY(!notice->has_value());
        QCOMPARE(titles(QStringLiteral("user")), QStringList{QStringLiteral("Kept")});
        // The preference survives and keeps the type turned off earlier.
        prefs = get(QStringLiteral("/api/v1/notifications/preferences"));
        QCOMPARE(prefs.json.value(QStringLiteral("in_app_enabled")).toBool(), false);
        QCOMPARE(prefs.json.value(QStringLiteral("types")).toObject().value(QStringLiteral("scrape")).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestNotificationsApi)
#include "tst_notificationsapi.moc"
