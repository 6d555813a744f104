// Answering from the inbox through the API, on both backends, with a real SMTP server
// (aiosmtpd) and a local server speaking the chat-completions API in place of the provider:
// replies carry the threading headers and the contact's answer threads back to them; reply
// suggestions are sent only when approved (edited or not) or when an auto-approval rule says so;
// rejecting and writing again are recorded; an AI draft sent to a lead starts a conversation;
// attachments become files that can be downloaded; each mailbox is read at its own interval;
// and every mistake is answered with the field to fix, nothing stored.
#include "apiharness.h"
#include "chatcompletionsserver.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/mail/message.h"
#include "fliptech/storage/database.h"
#include "smtpsink.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace fliptech;
using Reply = test::HttpReply;
using Turn = test::ChatCompletionsServer::Turn;

class TestConversationsApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    std::unique_ptr<test::SmtpSink> m_sink;
    std::unique_ptr<test::ChatCompletionsServer> m_provider;
    qint64 m_account = 0;

    void start()
    {
        startApi();
        FT_STOP_IF_FAILED();
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY2(m_sink->start(), qPrintable(m_sink->error()));
        m_account = test::createSenderAccount(*this, m_sink->port(), {{QStringLiteral("signature"), QStringLiteral("Sam · Studio Example")}});
        FT_STOP_IF_FAILED();
    }
    storage::Database &db() { return m_api->engine().database(); }
    conversations::ConversationService &inbox() { return m_api->engine().conversations(); }
    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        auto row = db().selectOne(sql, params);
        return row ? row->value(0).toLongLong() : -1;
    }
    qint64 lead(const QString &name, const QString &email)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/leads"),
                             {{QStringLiteral("name"), name}, {QStringLiteral("company"), QString(name + QStringLiteral(" Plumbing"))}, {QStringLiteral("email"), email}});
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    // A message arriving in the account's mailbox (the IMAP reading itself is tst_campaignsapi's).
    QJsonObject arrive(const QByteArray &raw)
    {
        auto r = inbox().ingest(m_account, raw);
        FT_EXPECT(r.ok(), r ? "" : qPrintable(r.error().message));
        return r ? *r : QJsonObject();
    }
    QJsonObject arriveFrom(const QString &from, const QString &id, const QString &subject, const QString &text, const QString &inReplyTo = {})
    {
        QByteArray raw = "From: " + from.toUtf8() + "\r\nTo: sam@studio.example\r\nSubject: " + subject.toUtf8() + "\r\nMessage-ID: <" + id.toUtf8() + ">\r\n";
        if (!inReplyTo.isEmpty())
            raw += "In-Reply-To: " + inReplyTo.toUtf8() + "\r\nReferences: " + inReplyTo.toUtf8() + "\r\n";
        raw += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text.toUtf8() + "\r\n";
        return arrive(raw);
    }
    void connectProvider()
    {
        m_provider = std::make_unique<test::ChatCompletionsServer>();
        QVERIFY(m_provider->start());
        const Reply r = send("PUT", QStringLiteral("/api/v1/ai/settings"),
                             {{QStringLiteral("base_url"), m_provider->baseUrl()},
                              {QStringLiteral("api_key"), QStringLiteral("sk-or-v1-local")},
                              {QStringLiteral("models"), QJsonObject{{QStringLiteral("replies"), QStringLiteral("test/replier-1")}}}},
                             QStringLiteral("admin"));
        QVERIFY2(r.status == 200, r.body.constData());
    }
    static Turn reply(const QString &content)
    {
        Turn t;
        t.content = content;
        return t;
    }
    static QByteArray header(const QByteArray &message, const QByteArray &name)
    {
        auto parsed = mail::parseMessage(message);
        return parsed ? parsed->headers.value(name.toLower()) : QByteArray();
    }
    static QString text(const QByteArray &message)
    {
        auto parsed = mail::parseMessage(message);
        return parsed ? parsed->text : QString();
    }

private Q_SLOTS:
    void initTestCase() { qunsetenv("OPENROUTER_API_KEY"); }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
    }
    void cleanup()
    {
        m_provider.reset();
        m_sink.reset();
        closeAll();
    }

    // A reply goes out with In-Reply-To and References; the contact's answer to it threads back
    // into the same conversation by those headers; the mistakes change nothing.
    void repliesThreadBothWays()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 ann = lead(QStringLiteral("Ann"), QStringLiteral("ann@shop.example"));
        const QJsonObject first = arriveFrom(QStringLiteral("Ann <ann@shop.example>"), QStringLiteral("ann-1@shop.example"), QStringLiteral("Website question"),
                                             QStringLiteral("Hi, what would a new website cost us?"));
        const qint64 conversation = first.value(QStringLiteral("conversation_id")).toInteger();
        QVERIFY(conversation > 0);
        QCOMPARE(get(QStringLiteral("/api/v1/conversations/%1").arg(conversation)).json.value(QStringLiteral("lead_id")).toInteger(), ann);

        // Mistakes first: nothing is sent, nothing stored.
        const QString path = QStringLiteral("/api/v1/conversations/%1/reply").arg(conversation);
        Reply r = send("POST", path, {{QStringLiteral("body"), QStringLiteral("   ")}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().contains(QStringLiteral("body")), r.body.constData());
        QCOMPARE(send("POST", path, {{QStringLiteral("body"), 42}}).status, 422);
        QCOMPARE(send("POST", path, {{QStringLiteral("body"), QStringLiteral("Hi")}, {QStringLiteral("sender_account_id"), 99999}}).status, 422);
        QCOMPARE(send("POST", path, {{QStringLiteral("body"), QStringLiteral("Hi")}}, QStringLiteral("viewer")).status, 403);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/999999/reply"), {{QStringLiteral("body"), QStringLiteral("Hi")}}).status, 404);
        QCOMPARE(m_sink->count(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'outbound'")), 0);

        r = send("POST", path, {{QStringLiteral("body"), QStringLiteral("Hi Ann,\nabout $2,400 for five pages. A call this week?")}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject message = r.json.value(QStringLiteral("message")).toObject();
        QCOMPARE(message.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        QCOMPARE(message.value(QStringLiteral("to_email")).toString(), QStringLiteral("ann@shop.example"));
        QCOMPARE(message.value(QStringLiteral("in_reply_to")).toString(), QStringLiteral("<ann-1@shop.example>"));
        QCOMPARE(r.json.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("needs_reply")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("unread_count")).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        const QByteArray sent = m_sink->messages().first();
        QCOMPARE(header(sent, "In-Reply-To"), QByteArray("<ann-1@shop.example>"));
        QCOMPARE(header(sent, "References"), QByteArray("<ann-1@shop.example>"));
        QCOMPARE(header(sent, "Subject"), QByteArray("Re: Website question"));
        QVERIFY2(text(sent).contains(QStringLiteral("$2,400 for five pages")), sent.constData());
        QVERIFY2(text(sent).contains(QString::fromUtf8("-- \nSam · Studio Example")), sent.constData()); // the signature
        QCOMPARE(QString::fromLatin1(m_sink->recipients().first()), QStringLiteral("ann@shop.example"));

        // Her client keeps only In-Reply-To (our id) and changes the subject: still this thread.
        const QString ours = message.value(QStringLiteral("message_id")).toString();
        QVERIFY(ours.startsWith(u'<') && ours.endsWith(QStringLiteral("@studio.example>")));
        const QJsonObject second = arriveFrom(QStringLiteral("ann@shop.example"), QStringLiteral("ann-2@shop.example"), QStringLiteral("Sounds good"),
                                              QStringLiteral("Thursday at 10 works, let's schedule a call."), ours);
        QCOMPARE(second.value(QStringLiteral("conversation_id")).toInteger(), conversation);
        const QJsonObject c = get(QStringLiteral("/api/v1/conversations/%1").arg(conversation)).json;
        QCOMPARE(c.value(QStringLiteral("needs_reply")).toBool(), true);
        QCOMPARE(c.value(QStringLiteral("intent")).toString(), QStringLiteral("meeting_request"));

        // The second reply's References carry the whole thread, oldest first.
        r = send("POST", path, {{QStringLiteral("body"), QStringLiteral("Booked: Thursday 10:00.")}, {QStringLiteral("subject"), QStringLiteral("Our call on Thursday")}});
        QVERIFY2(r.status == 201, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 2, 10000);
        const QByteArray again = m_sink->messages().at(1);
        QCOMPARE(header(again, "In-Reply-To"), QByteArray("<ann-2@shop.example>"));
        QCOMPARE(header(again, "References"), QByteArray("<ann-1@shop.example> ") + ours.toLatin1() + " <ann-2@shop.example>");
        QCOMPARE(header(again, "Subject"), QByteArray("Our call on Thursday"));
        const QJsonArray all = get(QStringLiteral("/api/v1/conversations/%1/messages").arg(conversation)).json.value(QStringLiteral("items")).toArray();
        QCOMPARE(all.size(), 4);
        QStringList directions;
        for (const QJsonValue &m : all)
            directions << m.toObject().value(QStringLiteral("direction")).toString();
        QCOMPARE(directions, (QStringList{QStringLiteral("inbound"), QStringLiteral("outbound"), QStringLiteral("inbound"), QStringLiteral("outbound")}));

        // The mail server refuses the address: an error that says so, nothing stored.
        const QJsonObject bounced = arriveFrom(QStringLiteral("bounce-me@shop.example"), QStringLiteral("b-1@shop.example"), QStringLiteral("Hello"), QStringLiteral("Hi there"));
        const qint64 outboundBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'outbound'"));
        r = send("POST", QStringLiteral("/api/v1/conversations/%1/reply").arg(bounced.value(QStringLiteral("conversation_id")).toInteger()),
                 {{QStringLiteral("body"), QStringLiteral("Thanks!")}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("550")), r.body.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'outbound'")), outboundBefore);
        QCOMPARE(get(QStringLiteral("/api/v1/conversations/%1").arg(bounced.value(QStringLiteral("conversation_id")).toInteger())).json.value(QStringLiteral("needs_reply")).toBool(),
                 true);
    }

    // Suggestions: written by the replies model from the thread, sent only when approved (the
    // edited text), rejected with a reason, written again (the old one replaced); the offline
    // writer on request; each decision recorded with who made it.
    void suggestionsWaitForApproval()
    {
        start();
        FT_STOP_IF_FAILED();
        connectProvider();
        FT_STOP_IF_FAILED();
        lead(QStringLiteral("Bob"), QStringLiteral("bob@shop.example"));
        const qint64 conversation = arriveFrom(QStringLiteral("bob@shop.example"), QStringLiteral("bob-1@shop.example"), QStringLiteral("Your offer"),
                                               QStringLiteral("Interesting. How long would the new site take to build?"))
                                        .value(QStringLiteral("conversation_id"))
                                        .toInteger();
        m_provider->queue(reply(QStringLiteral("Hi Bob, about three weeks from the go-ahead. Shall we talk?")));
        Reply r = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), {});
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 first = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("ai"));
        QCOMPARE(r.json.value(QStringLiteral("model")).toString(), QStringLiteral("test/replier-1"));
        QCOMPARE(r.json.value(QStringLiteral("intent")).toString(), QStringLiteral("question"));
        QCOMPARE(r.json.value(QStringLiteral("suggested_response")).toString(), QStringLiteral("Hi Bob, about three weeks from the go-ahead. Shall we talk?"));
        QVERIFY(!r.json.contains(QStringLiteral("auto_approval")));
        QCOMPARE(m_provider->received().size(), 1);
        const QJsonObject asked = m_provider->received().first().body;
        QCOMPARE(asked.value(QStringLiteral("model")).toString(), QStringLiteral("test/replier-1"));
        QVERIFY2(QJsonDocument(asked).toJson().contains("How long would the new site take to build?"), QJsonDocument(asked).toJson().constData());
        QCOMPARE(m_sink->count(), 0); // nothing sent without approval

        // Approved with an edit: the edit is what goes out.
        r = send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/approve").arg(first),
                 {{QStringLiteral("edited_response"), QStringLiteral("Hi Bob, three weeks. Free for a call on Friday?")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("decided_by")).toInteger(), scalar(QStringLiteral("SELECT id FROM users WHERE email = 'user@agency.example'")));
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("edited_response")).toString(), QStringLiteral("Hi Bob, three weeks. Free for a call on Friday?"));
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("sent_message_id")).toInteger(),
                 r.json.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        QVERIFY(text(m_sink->messages().first()).startsWith(QStringLiteral("Hi Bob, three weeks. Free for a call on Friday?")));
        QCOMPARE(header(m_sink->messages().first(), "In-Reply-To"), QByteArray("<bob-1@shop.example>"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/approve").arg(first), {}).status, 409); // sent already
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/reject").arg(first), {}).status, 409);

        // Rejected with a reason; a rejected one cannot be approved.
        m_provider->queue(reply(QStringLiteral("Dear Sir or Madam, we are pleased...")));
        r = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), {});
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 second = r.json.value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/reject").arg(second), {{QStringLiteral("reason"), QStringLiteral("too stiff")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json.value(QStringLiteral("suggestion")).toObject().value(QStringLiteral("rejection_reason")).toString(), QStringLiteral("too stiff"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/approve").arg(second), {}).status, 409);

        // Written again: the old one replaced, the new one waiting; the offline writer on request.
        m_provider->queue(reply(QStringLiteral("First try")));
        const qint64 third = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), {}).json.value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/conversations/suggestions/regenerate"), {{QStringLiteral("suggestion_id"), third}, {QStringLiteral("writer"), QStringLiteral("offline")}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("writer")).toString(), QStringLiteral("offline"));
        QVERIFY(!r.json.value(QStringLiteral("suggested_response")).toString().isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QJsonArray list = get(QStringLiteral("/api/v1/conversations/%1/suggestions").arg(conversation), QStringLiteral("viewer")).json.value(QStringLiteral("items")).toArray();
        QCOMPARE(list.size(), 4);
        QHash<qint64, QString> statuses;
        for (const QJsonValue &s : list)
            statuses.insert(s.toObject().value(QStringLiteral("id")).toInteger(), s.toObject().value(QStringLiteral("status")).toString());
        QCOMPARE(statuses.value(first), QStringLiteral("sent"));
        QCOMPARE(statuses.value(second), QStringLiteral("rejected"));
        QCOMPARE(statuses.value(third), QStringLiteral("replaced"));
        QCOMPARE(statuses.value(r.json.value(QStringLiteral("id")).toInteger()), QStringLiteral("pending"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/regenerate"), {{QStringLiteral("suggestion_id"), third}}).status, 409);

        // Mistakes: named, nothing changed.
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/regenerate"), {}).status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/999999/approve"), {}).status, 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), {{QStringLiteral("writer"), QStringLiteral("gpt")}}).status, 422);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), {}, QStringLiteral("viewer")).status, 403);
        r = send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/approve").arg(r.json.value(QStringLiteral("id")).toInteger()),
                 {{QStringLiteral("edited_response"), QStringLiteral("")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(m_sink->count(), 1);

        // The performance page counts the decisions per model.
        const QJsonArray models = get(QStringLiteral("/api/v1/ai-mvp/performance")).json.value(QStringLiteral("models")).toArray();
        bool seen = false;
        for (const QJsonValue &m : models)
            if (m.toObject().value(QStringLiteral("model")).toString() == QLatin1String("test/replier-1")) {
                seen = true;
                QCOMPARE(m.toObject().value(QStringLiteral("suggestions_approved")).toInt(), 1);
                QCOMPARE(m.toObject().value(QStringLiteral("suggestions_rejected")).toInt(), 1);
            }
        QVERIFY(seen);
    }

    // A suggestion no rule decided waits in the workflow-approvals queue too: approved there (its
    // text edited), a job sends it; decided on the Inbox page, rejected or written again, its
    // request closes; rejected there, the suggestion is rejected.
    void suggestionsWaitInTheApprovalsQueueToo()
    {
        startApi(1); // a worker sends what the queue approved
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY2(m_sink->start(), qPrintable(m_sink->error()));
        m_account = test::createSenderAccount(*this, m_sink->port());
        FT_STOP_IF_FAILED();
        const qint64 cat = lead(QStringLiteral("Cat"), QStringLiteral("cat@shop.example"));
        const qint64 conversation = arriveFrom(QStringLiteral("cat@shop.example"), QStringLiteral("cat-1@shop.example"), QStringLiteral("New website"),
                                               QStringLiteral("What would a five-page site cost us?"))
                                        .value(QStringLiteral("conversation_id"))
                                        .toInteger();
        const QJsonObject offline{{QStringLiteral("writer"), QStringLiteral("offline")}};
        auto requestFor = [this](qint64 suggestion) {
            for (const QJsonValue &v : get(QStringLiteral("/api/v1/workflow-approvals?limit=1000")).json.value(QStringLiteral("items")).toArray())
                if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("ai_suggestion") &&
                    v.toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("suggestion_id")).toInteger() == suggestion)
                    return v.toObject();
            return QJsonObject();
        };
        Reply r = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), offline);
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 first = r.json.value(QStringLiteral("id")).toInteger();
        r = get(QStringLiteral("/api/v1/workflow-approvals/pending?kind=ai_suggestion"), QStringLiteral("viewer"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 1);
        const QJsonObject waiting = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(waiting.value(QStringLiteral("payload")).toObject().value(QStringLiteral("suggestion_id")).toInteger(), first);
        QCOMPARE(waiting.value(QStringLiteral("lead_id")).toInteger(), cat);
        QCOMPARE(waiting.value(QStringLiteral("title")).toString(), QStringLiteral("Reply to cat@shop.example: New website"));
        QCOMPARE(waiting.value(QStringLiteral("payload")).toObject().value(QStringLiteral("lead_name")).toString(), QStringLiteral("Cat"));
        QVERIFY(waiting.value(QStringLiteral("payload")).toObject().value(QStringLiteral("their_message")).toString().contains(QStringLiteral("five-page site")));
        QCOMPARE(waiting.value(QStringLiteral("payload")).toObject().value(QStringLiteral("response")).toString(),
                 r.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("response")).toString());
        QCOMPARE(waiting.value(QStringLiteral("can_decide")).toBool(), false); // a viewer asked
        const qint64 approval = waiting.value(QStringLiteral("id")).toInteger();

        // Only the text may change; then it is what goes out, sent by a job.
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(approval),
                 {{QStringLiteral("decision"), QStringLiteral("approved")}, {QStringLiteral("payload"), QJsonObject{{QStringLiteral("suggestion_id"), first + 1000}}}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.details().contains(QStringLiteral("payload.suggestion_id")), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(approval),
                 {{QStringLiteral("decision"), QStringLiteral("approved")}, {QStringLiteral("payload"), QJsonObject{{QStringLiteral("response"), QStringLiteral(" ")}}}});
        QCOMPARE(r.status, 422);
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(approval),
                 {{QStringLiteral("decision"), QStringLiteral("approved")},
                  {QStringLiteral("payload"), QJsonObject{{QStringLiteral("response"), QStringLiteral("Hi Cat, about 2,400 dollars. A call on Monday?")}}}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QVERIFY2(r.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("send_job_id")).toInteger() > 0, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 20000);
        QVERIFY(text(m_sink->messages().first()).startsWith(QStringLiteral("Hi Cat, about 2,400 dollars. A call on Monday?")));
        QCOMPARE(header(m_sink->messages().first(), "In-Reply-To"), QByteArray("<cat-1@shop.example>"));
        QTRY_COMPARE_WITH_TIMEOUT(inbox().suggestion(first)->value(QStringLiteral("status")).toString(), QStringLiteral("sent"), 10000);
        QCOMPARE(inbox().suggestion(first)->value(QStringLiteral("decided_by")).toInteger(), scalar(QStringLiteral("SELECT id FROM users WHERE email = 'user@agency.example'")));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(approval), {{QStringLiteral("decision"), QStringLiteral("rejected")}}).status, 409);

        // Rejected on the Inbox page: its request closes, as rejected by that user, with the reason.
        const qint64 second = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), offline).json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(requestFor(second).value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/conversations/suggestions/%1/reject").arg(second), {{QStringLiteral("reason"), QStringLiteral("too long")}}).status, 200);
        QJsonObject closed = requestFor(second);
        QCOMPARE(closed.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(closed.value(QStringLiteral("decision_note")).toString(), QStringLiteral("too long"));
        QCOMPARE(closed.value(QStringLiteral("result")).toObject().value(QStringLiteral("decided_elsewhere")).toBool(), true);
        QCOMPARE(closed.value(QStringLiteral("decided_by")).toInteger(), scalar(QStringLiteral("SELECT id FROM users WHERE email = 'user@agency.example'")));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(closed.value(QStringLiteral("id")).toInteger()),
                      {{QStringLiteral("decision"), QStringLiteral("approved")}}).status,
                 409);

        // Rejected in the queue: the suggestion is rejected, nothing sent.
        const qint64 third = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), offline).json.value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/workflow-approvals/%1/decide").arg(requestFor(third).value(QStringLiteral("id")).toInteger()),
                 {{QStringLiteral("decision"), QStringLiteral("rejected")}, {QStringLiteral("note"), QStringLiteral("not now")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(inbox().suggestion(third)->value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));

        // Written again: the old request closes, the new suggestion waits in its own.
        const qint64 fourth = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(conversation), offline).json.value(QStringLiteral("id")).toInteger();
        r = send("POST", QStringLiteral("/api/v1/conversations/suggestions/regenerate"), {{QStringLiteral("suggestion_id"), fourth}, {QStringLiteral("writer"), QStringLiteral("offline")}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(requestFor(fourth).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(requestFor(fourth).value(QStringLiteral("decision_note")).toString().startsWith(QStringLiteral("Written again")));
        QCOMPARE(requestFor(r.json.value(QStringLiteral("id")).toInteger()).value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(get(QStringLiteral("/api/v1/workflow-approvals/pending?kind=ai_suggestion")).json.value(QStringLiteral("items")).toArray().size(), 1);
        QTest::qWait(300);
        QCOMPARE(m_sink->count(), 1);
    }

    // Auto-approval rules: checked when saved (the failing path named), admin-only; a matching
    // rule sends a suggestion at once, a rejecting one rejects it, no rule leaves it waiting,
    // and no rule sends to a suppressed address.
    void autoApprovalRules()
    {
        start();
        FT_STOP_IF_FAILED();
        const QString rules = QStringLiteral("/api/v1/workflow-approvals/auto-approval/rules");
        const QList<QPair<QJsonObject, QString>> mistakes{
            {test::json(J({"name": "x", "entity_type": "ai_suggestion", "conditions": {"all": [{"field": "intent", "op": "gte", "value": 1}]}})),
             QStringLiteral("conditions.all[0].op")},
            {test::json(J({"name": "x", "entity_type": "ai_suggestion", "conditions": {"all": [{"field": "mood", "op": "equals", "value": "x"}]}})),
             QStringLiteral("conditions.all[0].field")},
            {test::json(J({"name": "x", "entity_type": "ai_suggestion", "conditions": {"any": []}})), QStringLiteral("conditions.any")},
            {test::json(J({"name": "x", "entity_type": "ai_suggestion", "conditions": {"not": {"field": "confidence", "op": "gte", "value": "high"}}})),
             QStringLiteral("conditions.not.value")},
            {test::json(J({"name": "x", "entity_type": "lead_import", "conditions": {"all": [{"field": "intent", "op": "equals", "value": "question"}]}})),
             QStringLiteral("entity_type")},
            {test::json(J({"name": "x", "entity_type": "campaign_launch", "conditions": {"all": [{"field": "intent", "op": "equals", "value": "question"}]}})),
             QStringLiteral("conditions.all[0].field")},
            {test::json(J({"name": "", "entity_type": "ai_suggestion", "conditions": {"all": [{"field": "intent", "op": "equals", "value": "question"}]}})),
             QStringLiteral("name")},
        };
        for (const auto &[body, field] : mistakes) {
            const Reply r = send("POST", rules, body, QStringLiteral("admin"));
            QVERIFY2(r.status == 422, r.body.constData());
            QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().contains(field), r.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM auto_approval_rules")), 0);
        const QJsonObject meeting = test::json(J({"name": "Meetings go out", "entity_type": "ai_suggestion", "priority": 10,
                                                  "conditions": {"all": [{"field": "intent", "op": "in", "value": ["meeting_request"]},
                                                                         {"not": {"field": "sentiment", "op": "equals", "value": "negative"}}]}}));
        QCOMPARE(send("POST", rules, meeting).status, 403); // a user may not
        Reply r = send("POST", rules, meeting, QStringLiteral("admin"));
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 ruleId = r.json.value(QStringLiteral("id")).toInteger();
        r = send("POST", rules,
                 test::json(J({"name": "Never answer the angry", "entity_type": "ai_suggestion", "decision": "rejected",
                               "conditions": {"all": [{"field": "intent", "op": "equals", "value": "not_interested"}]}})),
                 QStringLiteral("admin"));
        QVERIFY2(r.status == 201, r.body.constData());
        r = get(rules);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 2);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(), ruleId); // priority first
        QVERIFY(r.json.value(QStringLiteral("fields_by_entity")).toObject().value(QStringLiteral("ai_suggestion")).toObject().contains(QStringLiteral("confidence")));

        auto suggestFor = [&](const QString &who, const QString &body) {
            const qint64 c = arriveFrom(who, QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@shop.example"), QStringLiteral("Re: Hello"), body)
                                 .value(QStringLiteral("conversation_id"))
                                 .toInteger();
            const Reply s = send("POST", QStringLiteral("/api/v1/conversations/%1/generate-response").arg(c), {});
            FT_EXPECT(s.status == 201, s.body.constData());
            return s.json;
        };
        // A meeting request: approved by the rule and sent at once (the offline writer: no key).
        QJsonObject s = suggestFor(QStringLiteral("cat@shop.example"), QStringLiteral("Sounds great, can we schedule a call next week?"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
        QCOMPARE(s.value(QStringLiteral("auto_approval_rule_id")).toInteger(), ruleId);
        QCOMPARE(s.value(QStringLiteral("auto_approval")).toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("approved"));
        QVERIFY(s.value(QStringLiteral("decided_by")).isNull()); // the rule, not a person
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        QCOMPARE(QString::fromLatin1(m_sink->recipients().first()), QStringLiteral("cat@shop.example"));
        // A question: no rule matches, it waits.
        s = suggestFor(QStringLiteral("dan@shop.example"), QStringLiteral("How much does a website cost?"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(!s.contains(QStringLiteral("auto_approval")));
        // Not interested: the rejecting rule decides.
        s = suggestFor(QStringLiteral("eve@shop.example"), QStringLiteral("We are not interested, thanks."));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        // A suppressed contact's meeting request waits for a person whatever the rule says.
        QVERIFY(db().execute(QStringLiteral("INSERT INTO suppressions (email, reason, source) VALUES ('fay@shop.example', 'unsubscribe', 'test')")));
        s = suggestFor(QStringLiteral("fay@shop.example"), QStringLiteral("Let's schedule a meeting."));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(s.value(QStringLiteral("auto_approval")).toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("waiting"));
        QCOMPARE(m_sink->count(), 1);

        // Switched off, it decides nothing; removed, it is gone.
        QJsonObject off = meeting;
        off.insert(QStringLiteral("is_active"), false);
        QCOMPARE(send("PUT", rules + QStringLiteral("/%1").arg(ruleId), off, QStringLiteral("admin")).status, 200);
        s = suggestFor(QStringLiteral("gus@shop.example"), QStringLiteral("Could we set up a call?"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(send("DELETE", rules + QStringLiteral("/%1").arg(ruleId), {}, QStringLiteral("admin")).status, 204);
        QCOMPARE(get(rules + QStringLiteral("/%1").arg(ruleId)).status, 404);
    }

    // POST /ai-mvp/send-email: a draft (edited on the way) to a lead from a mailbox; the draft
    // is marked sent, the conversation started, the lead's answer threads into it, and the
    // performance page counts the reply. A suppressed address is refused.
    void draftsSentStartConversations()
    {
        start();
        FT_STOP_IF_FAILED();
        const qint64 joe = lead(QStringLiteral("Joe"), QStringLiteral("joe@pipes.example"));
        Reply r = send("POST", QStringLiteral("/api/v1/ai-mvp/generate-email"), {{QStringLiteral("lead_id"), joe}, {QStringLiteral("writer"), QStringLiteral("offline")}});
        QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
        const qint64 draft = r.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"), {{QStringLiteral("draft_id"), draft}}).status, 422); // which mailbox?
        QCOMPARE(send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"), {{QStringLiteral("draft_id"), draft}, {QStringLiteral("sender_account_id"), m_account}}, QStringLiteral("viewer")).status,
                 403);
        r = send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"),
                 {{QStringLiteral("draft_id"), draft}, {QStringLiteral("sender_account_id"), m_account}, {QStringLiteral("subject"), QStringLiteral("A faster site for Joe's")}});
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 conversation = r.json.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("lead_id")).toInteger(), joe);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        QCOMPARE(header(m_sink->messages().first(), "Subject"), QByteArray("A faster site for Joe's"));
        QCOMPARE(get(QStringLiteral("/api/v1/ai-mvp/drafts/%1").arg(draft)).json.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"), {{QStringLiteral("draft_id"), draft}, {QStringLiteral("sender_account_id"), m_account}}).status, 409);

        const QString ours = r.json.value(QStringLiteral("rfc_message_id")).toString();
        const QJsonObject answer = arriveFrom(QStringLiteral("joe@pipes.example"), QStringLiteral("joe-1@pipes.example"), QStringLiteral("Re: A faster site for Joe's"),
                                              QStringLiteral("Yes, interested! Send me a quote."), ours);
        QCOMPARE(answer.value(QStringLiteral("conversation_id")).toInteger(), conversation);
        const QJsonArray models = get(QStringLiteral("/api/v1/ai-mvp/performance")).json.value(QStringLiteral("models")).toArray();
        bool counted = false;
        for (const QJsonValue &m : models)
            if (m.toObject().value(QStringLiteral("model")).toString() == QLatin1String("offline")) {
                counted = true;
                QCOMPARE(m.toObject().value(QStringLiteral("drafts_sent")).toInt(), 1);
                QCOMPARE(m.toObject().value(QStringLiteral("replies")).toInt(), 1);
            }
        QVERIFY(counted);

        // Without a draft; to a suppressed address: refused, nothing sent.
        const qint64 kim = lead(QStringLiteral("Kim"), QStringLiteral("kim@pipes.example"));
        QVERIFY(db().execute(QStringLiteral("INSERT INTO suppressions (email, reason, source) VALUES ('KIM@pipes.example', 'unsubscribe', 'test')")));
        r = send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"),
                 {{QStringLiteral("lead_id"), kim}, {QStringLiteral("sender_account_id"), m_account}, {QStringLiteral("subject"), QStringLiteral("Hi")}, {QStringLiteral("body"), QStringLiteral("Hello")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("suppressed"));
        r = send("POST", QStringLiteral("/api/v1/ai-mvp/send-email"), {{QStringLiteral("lead_id"), kim}, {QStringLiteral("sender_account_id"), m_account}, {QStringLiteral("subject"), QStringLiteral("Hi")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(m_sink->count(), 1);
    }

    // Attachments of a received message are stored as files of the message and can be
    // downloaded whole; a message too broken to store leaves no file behind.
    void attachmentsBecomeFiles()
    {
        start();
        FT_STOP_IF_FAILED();
        QByteArray pdf = "%PDF-1.4\n";
        for (int i = 0; i < 2000; ++i)
            pdf += "line " + QByteArray::number(i) + " of the brief\n";
        const QByteArray raw = "From: lee@shop.example\r\nTo: sam@studio.example\r\nSubject: The brief\r\nMessage-ID: <lee-1@shop.example>\r\nMIME-Version: 1.0\r\n"
                               "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHere is our brief.\r\n"
                               "--b\r\nContent-Type: application/pdf; name=\"brief.pdf\"\r\nContent-Disposition: attachment; filename=\"brief.pdf\"\r\n"
                               "Content-Transfer-Encoding: base64\r\n\r\n" +
                               pdf.toBase64() + "\r\n--b--\r\n";
        const QJsonObject stored = arrive(raw);
        QCOMPARE(stored.value(QStringLiteral("attachments")).toInt(), 1);
        const QJsonArray messages = get(QStringLiteral("/api/v1/conversations/%1/messages").arg(stored.value(QStringLiteral("conversation_id")).toInteger()), QStringLiteral("viewer"))
                                        .json.value(QStringLiteral("items")).toArray();
        const QJsonArray files = messages.first().toObject().value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().toObject().value(QStringLiteral("filename")).toString(), QStringLiteral("brief.pdf"));
        QCOMPARE(files.first().toObject().value(QStringLiteral("content_type")).toString(), QStringLiteral("application/pdf"));
        QCOMPARE(files.first().toObject().value(QStringLiteral("size")).toInteger(), pdf.size());
        const Reply download = get(QStringLiteral("/api/v1/files/%1/download").arg(files.first().toObject().value(QStringLiteral("file_id")).toInteger()), QStringLiteral("viewer"));
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, pdf);
        // The same message again: a duplicate, no second file.
        QCOMPARE(arrive(raw).value(QStringLiteral("kind")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM files WHERE entity_type = 'message'")), 1);
    }

    // Each mailbox is read at its own interval: the default, its own minutes, or only on demand.
    void mailboxesReadAtTheirOwnInterval()
    {
        start();
        FT_STOP_IF_FAILED();
        auto make = [&](const char *address, const QJsonValue &minutes) {
            QJsonObject extra{{QStringLiteral("from_email"), QLatin1String(address)}, {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}};
            if (!minutes.isUndefined())
                extra.insert(QStringLiteral("inbox_sync_minutes"), minutes);
            return test::createSenderAccount(*this, m_sink->port(), extra);
        };
        const qint64 byDefault = make("a@studio.example", QJsonValue::Undefined), eager = make("b@studio.example", 1), manual = make("c@studio.example", 0);
        QCOMPARE(get(QStringLiteral("/api/v1/sender-accounts/%1").arg(eager), QStringLiteral("admin")).json.value(QStringLiteral("inbox_sync_minutes")).toInt(), 1);
        // Read two minutes ago: only the one that wants it every minute is due (default: 5).
        const QVariant twoMinutesAgo = db().timestamp(QDateTime::currentDateTimeUtc().addSecs(-120));
        QVERIFY(db().execute(QStringLiteral("UPDATE sender_accounts SET inbox_synced_at = %1").arg(db().timestampParam()), {twoMinutesAgo}));
        auto due = inbox().accountsDue(5);
        QVERIFY(due);
        QCOMPARE(*due, QList<qint64>{eager});
        // Never read: every one but the manual one.
        QVERIFY(db().execute(QStringLiteral("UPDATE sender_accounts SET inbox_synced_at = NULL")));
        due = inbox().accountsDue(5);
        QVERIFY(due);
        QVERIFY(due->contains(byDefault) && due->contains(eager) && !due->contains(manual));
        const Reply r = send("PUT", QStringLiteral("/api/v1/sender-accounts/%1").arg(eager),
                             {{QStringLiteral("name"), QStringLiteral("b")}, {QStringLiteral("from_email"), QStringLiteral("b@studio.example")},
                              {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("inbox_sync_minutes"), 5000}},
                             QStringLiteral("admin"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().contains(QStringLiteral("inbox_sync_minutes")));
    }
};

QTEST_MAIN(TestConversationsApi)
#include "tst_conversationsapi.moc"
