#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/database.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

// JSON written as JSON in the source: J({"a": 1}) is the string "{\"a\": 1}".
#define J(...) #__VA_ARGS__

using namespace fliptech;
using core::ErrorCode;
using leads::Actor;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestLeadService final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    test::FakeClock m_clock;
    std::unique_ptr<leads::LeadService> m_leads;
    std::unique_ptr<leads::TagService> m_tags;
    std::unique_ptr<leads::NoteService> m_notes;
    std::unique_ptr<leads::SearchService> m_search;
    std::unique_ptr<leads::LocationService> m_locations;
    Actor m_admin{1, true, QStringLiteral("127.0.0.1"), {}};
    Actor m_seller{2, false, {}, {}};
    QHash<QString, qint64> m_ids; // seeded leads by name

    qint64 seed(const char *json)
    {
        auto l = m_leads->create(m_admin, obj(json));
        FT_EXPECT(l.ok(), l.ok() ? "" : qPrintable(l.error().message + QString::fromUtf8(QJsonDocument(l.error().details).toJson())));
        m_clock.advance(1000);
        return l ? l->value(QStringLiteral("id")).toInteger() : 0;
    }
    QStringList names(const QJsonArray &items)
    {
        QStringList n;
        for (const auto &i : items)
            n << i.toObject().value(QStringLiteral("name")).toString();
        return n;
    }
    QStringList listNames(const QJsonObject &filter, const QString &sort = QStringLiteral("name"))
    {
        auto f = leads::LeadFilter::fromJson(filter);
        if (!f)
            return {QStringLiteral("ERROR: ") + f.error().message};
        auto s = leads::LeadSort::parse(sort);
        auto page = m_leads->list({*f, *s, 500, {}, true});
        if (!page)
            return {QStringLiteral("ERROR: ") + page.error().message};
        return names(page->items);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO users (id, email, password_hash, name, role) VALUES "
                                             "(1, 'boss@agency.example', 'x', 'Boss', 'admin'), (2, 'sam@agency.example', 'x', 'Sam', 'user')")).ok());
        m_leads = std::make_unique<leads::LeadService>(m_db, nullptr, m_clock);
        m_tags = std::make_unique<leads::TagService>(m_db, *m_leads, m_clock);
        m_notes = std::make_unique<leads::NoteService>(m_db, *m_leads, m_clock);
        m_search = std::make_unique<leads::SearchService>(m_db);
        m_locations = std::make_unique<leads::LocationService>(m_db, *m_leads, m_clock);
        auto austin = m_locations->createLocation(obj(J({"name":"Austin","region":"TX","country":"US","timezone":"America/Chicago"})));
        QVERIFY(austin.ok());
        auto group = m_locations->createGroup(m_admin, QJsonObject{{QStringLiteral("name"), QStringLiteral("Texas")},
                                                                   {QStringLiteral("location_ids"), QJsonArray{austin->value(QStringLiteral("id"))}}});
        QVERIFY2(group.ok(), group.ok() ? "" : qPrintable(group.error().message));

        m_ids[QStringLiteral("Ann")] = seed(J({"name":"Ann Able","company":"Able Plumbing LLC","email":"ann@able.example","phone":"(512) 555-0101",
            "website":"https://www.able.example/","city":"Austin","region":"TX","country":"US","status":"new","score":90,"qualification_score":70,
            "source":"craigslist","enrichment_status":"enriched","contacted_count":0}));
        FT_STOP_IF_FAILED();
        m_ids[QStringLiteral("Bob")] = seed(J({"name":"Bob Baker","company":"Baker's Bread","email":"bob@baker.example","city":"Dallas","region":"TX",
            "country":"US","status":"contacted","deal_stage":"proposal","score":55,"source":"google_maps","contacted_count":2}));
        FT_STOP_IF_FAILED();
        m_ids[QStringLiteral("Cat")] = seed(J({"name":"Cat Cole","company":"Cole Roofing","phone":"+44 20 7946 0958","city":"London","country":"GB",
            "status":"qualified","score":20,"source":"csv_import","contacted_count":5}));
        FT_STOP_IF_FAILED();
        m_ids[QStringLiteral("Dan")] = seed(J({"name":"Dan Drake","website":"drake.example","city":"Austin","region":"TX","country":"US","status":"new",
            "source":"craigslist","description":"Needs a new website for his bakery"}));
        FT_STOP_IF_FAILED();
        m_ids[QStringLiteral("Eve")] = seed(J({"name":"Eve O'Hara","email":"eve@ohara.example","status":"lost","score":75,"source":"manual",
            "city":"Robert'); DROP TABLE leads;--"}));
        FT_STOP_IF_FAILED();
        QVERIFY(m_db->execute(QStringLiteral("UPDATE leads SET location_id = ? WHERE name IN ('Ann Able', 'Dan Drake')"),
                              {austin->value(QStringLiteral("id")).toInteger()}).ok());
        QVERIFY(m_leads->addTags(m_admin, m_ids[QStringLiteral("Ann")], QJsonArray{QStringLiteral("Hot"), QStringLiteral("Plumber")}).ok());
        QVERIFY(m_leads->addTags(m_admin, m_ids[QStringLiteral("Bob")], QJsonArray{QStringLiteral("hot")}).ok()); // same tag, other case
        QVERIFY(m_leads->addTags(m_admin, m_ids[QStringLiteral("Cat")], QJsonArray{QStringLiteral("Spam")}).ok());
    }

    void normalisesOnCreate()
    {
        auto ann = m_leads->get(m_ids[QStringLiteral("Ann")]);
        QVERIFY(ann.ok());
        QCOMPARE(ann->value(QStringLiteral("phone")).toString(), QStringLiteral("+15125550101"));
        QCOMPARE(ann->value(QStringLiteral("website_domain")).toString(), QStringLiteral("able.example"));
        QCOMPARE(ann->value(QStringLiteral("first_name")).toString(), QStringLiteral("Ann"));
        QCOMPARE(ann->value(QStringLiteral("last_name")).toString(), QStringLiteral("Able"));
        QCOMPARE(ann->value(QStringLiteral("tags")).toArray().size(), 2);
        QCOMPARE(ann->value(QStringLiteral("created_by")).toInteger(), 1);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected"); // names sorted, joined by ','
        QTest::newRow("everything") << "{}" << "Ann Able,Bob Baker,Cat Cole,Dan Drake,Eve O'Hara";
        QTest::newRow("status one") << J({"status":"new"}) << "Ann Able,Dan Drake";
        QTest::newRow("status list") << J({"status":["new","lost"]}) << "Ann Able,Dan Drake,Eve O'Hara";
        QTest::newRow("deal stage") << J({"deal_stage":"proposal"}) << "Bob Baker";
        QTest::newRow("source") << J({"source":"craigslist"}) << "Ann Able,Dan Drake";
        QTest::newRow("enrichment") << J({"enrichment_status":"enriched"}) << "Ann Able";
        QTest::newRow("city region country") << J({"city":"Austin","region":"TX","country":"US"}) << "Ann Able,Dan Drake";
        QTest::newRow("score range") << J({"score":{"min":50,"max":80}}) << "Bob Baker,Eve O'Hara";
        QTest::newRow("score min only") << J({"score":{"min":90}}) << "Ann Able";
        QTest::newRow("qualification") << J({"qualification_score":{"min":1}}) << "Ann Able";
        QTest::newRow("contacted count") << J({"contacted_count":{"min":1,"max":4}}) << "Bob Baker";
        QTest::newRow("has email") << J({"has_email":true}) << "Ann Able,Bob Baker,Eve O'Hara";
        QTest::newRow("no email") << J({"has_email":false}) << "Cat Cole,Dan Drake";
        QTest::newRow("has phone") << J({"has_phone":true}) << "Ann Able,Cat Cole";
        QTest::newRow("has website") << J({"has_website":true}) << "Ann Able,Dan Drake";
        QTest::newRow("tags any, case-insensitive") << J({"tags":{"any":["HOT"]}}) << "Ann Able,Bob Baker";
        QTest::newRow("tags all") << J({"tags":{"all":["hot","plumber"]}}) << "Ann Able";
        QTest::newRow("tags none") << J({"tags":{"none":["spam","hot"]}}) << "Dan Drake,Eve O'Hara";
        QTest::newRow("tags any unknown") << J({"tags":{"any":["nope"]}}) << "";
        QTest::newRow("location group") << J({"location_group_id":1}) << "Ann Able,Dan Drake";
        QTest::newRow("created range") << J({"created_at":{"from":"2026-01-15T09:00:01Z","to":"2026-01-15T09:00:03Z"}}) << "Bob Baker,Cat Cole,Dan Drake";
        QTest::newRow("free text name") << J({"q":"bob"}) << "Bob Baker";
        QTest::newRow("free text prefix reaches description") << J({"q":"baker"}) << "Bob Baker,Dan Drake";
        QTest::newRow("free text prefix two words") << J({"q":"able plumb"}) << "Ann Able";
        QTest::newRow("free text description") << J({"q":"bakery"}) << "Dan Drake";
        QTest::newRow("free text email domain") << J({"q":"ohara"}) << "Eve O'Hara";
        QTest::newRow("combined") << J({"status":["new","contacted"],"has_email":true,"score":{"min":50}}) << "Ann Able,Bob Baker";
        // Injection strings are values, never SQL.
        QTest::newRow("inject status") << J({"status":"new' OR '1'='1"}) << "";
        QTest::newRow("inject city exact") << J({"city":"Robert'); DROP TABLE leads;--"}) << "Eve O'Hara";
        QTest::newRow("inject tags") << J({"tags":{"any":["x') OR 1=1 --"]}}) << "";
        QTest::newRow("inject q") << J({"q":"\" OR 1=1 -- ' ; DROP TABLE leads"}) << "";
        QTest::newRow("inject q fts syntax") << J({"q":"NEAR(a b) OR * AND"}) << "";
        QTest::newRow("q without words") << J({"q":"!!! ***"}) << "Ann Able,Bob Baker,Cat Cole,Dan Drake,Eve O'Hara";
    }
    void filters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        QStringList got = listNames(obj(filter.toUtf8().constData()));
        got.sort();
        QCOMPARE(got.join(u','), expected);
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads"))->value(0).toInt(), 5); // the table is still there
    }

    void badFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("unknown"); // a field the language lacks (400) rather than a bad value (422)
        QTest::newRow("unknown field") << J({"colour":"red"}) << "filter.colour" << true;
        QTest::newRow("injection as field name") << J({"status = status OR 1":"x"}) << "filter.status = status OR 1" << true;
        QTest::newRow("range wrong type") << J({"score":{"min":"ten"}}) << "filter.score.min" << false;
        QTest::newRow("range unknown key") << J({"score":{"above":3}}) << "filter.score.above" << true;
        QTest::newRow("bool wrong type") << J({"has_email":"yes"}) << "filter.has_email" << false;
        QTest::newRow("date wrong") << J({"created_at":{"from":"yesterday"}}) << "filter.created_at.from" << false;
        QTest::newRow("tags wrong key") << J({"tags":{"some":["a"]}}) << "filter.tags.some" << true;
        QTest::newRow("status number") << J({"status":5}) << "filter.status" << false;
        QTest::newRow("deleted wrong") << J({"deleted":"maybe"}) << "filter.deleted" << false;
    }
    void badFilters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, field);
        QFETCH(bool, unknown);
        auto f = leads::LeadFilter::fromJson(obj(filter.toUtf8().constData()));
        QVERIFY(!f.ok());
        QCOMPARE(f.error().code, unknown ? ErrorCode::InvalidArgument : ErrorCode::ValidationFailed);
        QVERIFY2(f.error().details.contains(field), qPrintable(QString::fromUtf8(QJsonDocument(f.error().details).toJson())));
    }

    void sortKeys_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("valid");
        QTest::newRow("score desc, nulls last") << "-score" << "Ann Able,Eve O'Hara,Bob Baker,Cat Cole,Dan Drake" << true;
        QTest::newRow("score asc, nulls last") << "score" << "Cat Cole,Bob Baker,Eve O'Hara,Ann Able,Dan Drake" << true;
        QTest::newRow("newest first by default") << "" << "Eve O'Hara,Dan Drake,Cat Cole,Bob Baker,Ann Able" << true;
        QTest::newRow("contacted count") << "-contacted_count" << "Cat Cole,Bob Baker,Eve O'Hara,Dan Drake,Ann Able" << true;
        QTest::newRow("injection") << "name; DROP TABLE leads" << "" << false;
        QTest::newRow("unsortable") << "description" << "" << false;
        QTest::newRow("unknown") << "-password_hash" << "" << false;
    }
    void sortKeys()
    {
        QFETCH(QString, sort);
        QFETCH(QString, expected);
        QFETCH(bool, valid);
        auto s = leads::LeadSort::parse(sort);
        QCOMPARE(s.ok(), valid);
        if (!valid) {
            QCOMPARE(s.error().details.value(QStringLiteral("sort")).toString(), QStringLiteral("not a sortable field"));
            return;
        }
        QCOMPARE(listNames({}, sort).join(u','), expected);
    }

    void cursorPagesCoverEverythingOnce_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::newRow("default") << "";
        QTest::newRow("score with nulls") << "-score";
        QTest::newRow("name asc") << "name";
        QTest::newRow("city desc") << "-city";
        // Ties across page boundaries: the rest of a value, then the values beyond it.
        QTest::newRow("status ties") << "status";
        QTest::newRow("status ties desc") << "-status";
        QTest::newRow("all null") << "deal_stage";
        QTest::newRow("contacted count, all equal") << "-contacted_count";
    }
    void cursorPagesCoverEverythingOnce()
    {
        QFETCH(QString, sort);
        const QStringList all = listNames({}, sort);
        QStringList paged;
        leads::ListOptions o{*leads::LeadFilter::fromJson({}), *leads::LeadSort::parse(sort), 2, {}, true};
        int pages = 0;
        for (;;) {
            auto page = m_leads->list(o);
            QVERIFY(page.ok());
            QCOMPARE(page->total, 5);
            paged += names(page->items);
            ++pages;
            if (page->nextCursor.isEmpty())
                break;
            o.cursor = page->nextCursor;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(paged, all);
        o.cursor = QStringLiteral("not-a-cursor");
        QCOMPARE(m_leads->list(o).error().code, ErrorCode::ValidationFailed);
    }

    void jsonTextIsTheSameDocument()
    {
        seed(J({"name":"Quote \"Q\" Quinn","description":"line 1\nline 2\ttab \u0001 ü € 😀","lead_source_metadata":{"a":[1,2,{"b":null}]},
                "expected_close_date":"2026-03-31","deal_value_cents":123456}));
        FT_STOP_IF_FAILED();
        auto f = *leads::LeadFilter::fromJson({});
        leads::ListOptions objects{f, *leads::LeadSort::parse(QStringLiteral("name")), 500, {}, true, false};
        leads::ListOptions text = objects;
        text.asJsonText = true;
        auto a = m_leads->list(objects), b = m_leads->list(text);
        QVERIFY(a.ok() && b.ok());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(b->itemsJson, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.array(), a->items);
        QCOMPARE(b->count, int(a->items.size()));
        QVERIFY(b->items.isEmpty());
        for (const auto &item : std::as_const(a->items))
            if (item.toObject().value(QStringLiteral("name")).toString().startsWith(QLatin1String("Quote")))
                QVERIFY(m_leads->purge(m_admin, item.toObject().value(QStringLiteral("id")).toInteger()).ok());
    }

    void apiPagesAreFreshAfterEveryChange()
    {
        auto f = *leads::LeadFilter::fromJson(obj(J({"city":["Dallas"]})));
        leads::ListOptions o{f, *leads::LeadSort::parse(QStringLiteral("name")), 50, {}, true, true};
        auto page = [&] { return QJsonDocument::fromJson(m_leads->list(o)->itemsJson).array(); };
        const QJsonArray before = page();
        QVERIFY(!before.isEmpty());
        const qint64 id = before.first().toObject().value(QStringLiteral("id")).toInteger();
        // A change through the service shows on the very next page...
        QVERIFY(m_leads->update(m_seller, id, obj(J({"company":"Fresh Paint Co"}))).ok());
        QCOMPARE(page().first().toObject().value(QStringLiteral("company")).toString(), QStringLiteral("Fresh Paint Co"));
        // ...and so does a tag renamed through the tag service.
        auto tag = m_tags->create(m_admin, obj(J({"name":"Probe before"})));
        QVERIFY(tag.ok());
        const qint64 tagId = tag->value(QStringLiteral("id")).toInteger();
        QVERIFY(m_leads->addTags(m_seller, id, {tagId}).ok());
        QVERIFY(page().first().toObject().value(QStringLiteral("tags")).toString().isEmpty());
        QVERIFY(m_tags->update(m_admin, tagId, obj(J({"name":"Probe after"}))).ok());
        const QJsonArray tags = page().first().toObject().value(QStringLiteral("tags")).toArray();
        QVERIFY(std::any_of(tags.begin(), tags.end(), [](const QJsonValue &t) {
            return t.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Probe after");
        }));
        QVERIFY(m_tags->remove(m_admin, tagId).ok());
        // A change by another process sharing the database shows within a second.
        QCOMPARE(page().first().toObject().value(QStringLiteral("company")).toString(), QStringLiteral("Fresh Paint Co"));
        QVERIFY(m_db->execute(QStringLiteral("UPDATE leads SET company = 'Elsewhere Inc' WHERE id = ?"), {id}).ok());
        QCOMPARE(page().first().toObject().value(QStringLiteral("company")).toString(), QStringLiteral("Fresh Paint Co"));
        m_clock.advance(1000);
        QCOMPARE(page().first().toObject().value(QStringLiteral("company")).toString(), QStringLiteral("Elsewhere Inc"));
    }

    void windowReadsFromEitherEnd()
    {
        auto f = *leads::LeadFilter::fromJson({});
        auto s = *leads::LeadSort::parse(QStringLiteral("name"));
        const QStringList all = listNames({}, QStringLiteral("name"));
        for (int offset = 0; offset < 5; ++offset) {
            auto w = m_leads->window(f, s, offset, 2, 5);
            QVERIFY(w.ok());
            QCOMPARE(names(*w), all.mid(offset, 2));
        }
    }

    void updateRecordsFieldDiff()
    {
        const qint64 id = m_ids[QStringLiteral("Dan")];
        auto updated = m_leads->update(m_seller, id, obj(J({"status":"contacted","score":42})));
        QVERIFY(updated.ok());
        QCOMPARE(updated->value(QStringLiteral("score")).toInt(), 42);
        auto row = m_db->selectOne(QStringLiteral("SELECT action, user_id, details FROM activity_log WHERE entity_type = 'lead' AND entity_id = ? "
                                                  "ORDER BY id DESC LIMIT 1"), {id});
        QVERIFY(row.ok());
        QCOMPARE(row->value(0).toString(), QStringLiteral("lead_status_changed"));
        QCOMPARE(row->value(1).toLongLong(), 2);
        const QJsonObject changes = QJsonDocument::fromJson(row->value(2).toString().toUtf8()).object().value(QStringLiteral("changes")).toObject();
        QCOMPARE(changes.keys(), (QStringList{QStringLiteral("score"), QStringLiteral("status")}));
        QCOMPARE(changes.value(QStringLiteral("status")).toObject().value(QStringLiteral("from")).toString(), QStringLiteral("new"));
        QCOMPARE(changes.value(QStringLiteral("status")).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("contacted"));
        QVERIFY(changes.value(QStringLiteral("score")).toObject().value(QStringLiteral("from")).isNull());
        // A no-op update records nothing.
        const qint64 before = m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log"))->value(0).toLongLong();
        QVERIFY(m_leads->update(m_seller, id, obj(J({"score":42}))).ok());
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log"))->value(0).toLongLong(), before);
        QVERIFY(m_leads->update(m_seller, id, obj(J({"status":"new","score":null}))).ok());
    }

    void invalidWritesChangeNothing_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad email") << J({"email":"not-an-email"}) << "email";
        QTest::newRow("unknown field") << J({"favourite_colour":"red"}) << "favourite_colour";
        QTest::newRow("read-only field") << J({"created_at":"2020-01-01T00:00:00Z"}) << "created_at";
        QTest::newRow("wrong type") << J({"score":"high"}) << "score";
        QTest::newRow("fraction") << J({"score":1.5}) << "score";
        QTest::newRow("too long") << J({"status":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) << "status";
        QTest::newRow("empty status") << J({"status":""}) << "status";
        QTest::newRow("bad date") << J({"expected_close_date":"soon"}) << "expected_close_date";
    }
    void invalidWritesChangeNothing()
    {
        QFETCH(QString, fields);
        QFETCH(QString, field);
        const qint64 id = m_ids[QStringLiteral("Ann")];
        const QJsonObject before = *m_leads->get(id);
        auto r = m_leads->update(m_seller, id, obj(fields.toUtf8().constData()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
        QVERIFY2(r.error().details.contains(field), qPrintable(QString::fromUtf8(QJsonDocument(r.error().details).toJson())));
        QCOMPARE(*m_leads->get(id), before);
        QCOMPARE(m_leads->create(m_seller, obj(J({"status":"new"}))).error().details.value(QStringLiteral("name")).toString(),
                 QStringLiteral("give at least a name, company, email, phone or website"));
    }

    void putClearsWhatWasLeftOut()
    {
        const qint64 id = seed(J({"name":"Temp Lead","company":"Temp Co","email":"t@temp.example","score":3}));
        FT_STOP_IF_FAILED();
        auto r = m_leads->update(m_seller, id, obj(J({"name":"Temp Lead"})), true);
        QVERIFY(r.ok());
        QVERIFY(r->value(QStringLiteral("company")).isNull());
        QVERIFY(r->value(QStringLiteral("email")).isNull());
        QCOMPARE(r->value(QStringLiteral("status")).toString(), QStringLiteral("new"));
        QVERIFY(m_leads->purge(m_admin, id).ok());
    }

    void softDeleteRestorePurge()
    {
        const qint64 id = seed(J({"name":"Zed Zero","email":"zed@zero.example"}));
        FT_STOP_IF_FAILED();
        QVERIFY(listNames({}).contains(QStringLiteral("Zed Zero")));
        QVERIFY(m_leads->remove(m_seller, id).ok());
        QVERIFY(!listNames({}).contains(QStringLiteral("Zed Zero")));
        QCOMPARE(listNames(obj(J({"deleted":"only"}))), QStringList{QStringLiteral("Zed Zero")});
        QCOMPARE(m_leads->get(id).error().code, ErrorCode::NotFound);
        QVERIFY(m_leads->get(id, true).ok());
        QCOMPARE(m_leads->update(m_seller, id, obj(J({"score":1}))).error().code, ErrorCode::Conflict);
        QCOMPARE(m_leads->remove(m_seller, id).error().code, ErrorCode::NotFound);
        QVERIFY(m_leads->restore(m_seller, id).ok());
        QVERIFY(listNames({}).contains(QStringLiteral("Zed Zero")));
        QCOMPARE(m_leads->purge(m_seller, id).error().code, ErrorCode::Forbidden);
        QVERIFY(m_leads->purge(m_admin, id).ok());
        QCOMPARE(m_leads->get(id, true).error().code, ErrorCode::NotFound);
        // A new lead that gets the same id (SQLite reuses the highest) starts with no history.
        const qint64 next = seed(J({"name":"Next Lead"}));
        FT_STOP_IF_FAILED();
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE entity_type = 'lead' AND entity_id = ?"), {next})->value(0).toInt(), 1);
        QVERIFY(m_leads->purge(m_admin, next).ok());
        // The purged lead survives only as a snapshot in the log.
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = 'lead_purged' AND entity_id = ? "
                                                 "AND CAST(details AS TEXT) LIKE '%zed@zero.example%'"), {id})->value(0).toInt(), 1);
        QStringList actions;
        for (const auto &r : *m_db->select(QStringLiteral("SELECT action FROM activity_log WHERE entity_id = ? AND entity_type = 'purged_lead' ORDER BY id"), {id}))
            actions << r.value(0).toString();
        // Zed's own history, in order, among whatever else had this id before.
        const QStringList expected{QStringLiteral("lead_created"), QStringLiteral("lead_deleted"), QStringLiteral("lead_restored"), QStringLiteral("lead_purged")};
        qsizetype at = actions.lastIndexOf(QStringLiteral("lead_deleted")) - 1;
        QVERIFY(at >= 0);
        QCOMPARE(actions.mid(at, 4), expected);
    }

    void countIsCachedUntilAWrite()
    {
        auto f = *leads::LeadFilter::fromJson(obj(J({"status":"new"})));
        QCOMPARE(*m_leads->count(f), 2);
        // A write by someone else (straight SQL, as another machine would) shows 5 s on: the
        // first count after that still answers at once with the old figure and counts again in
        // the background; the next one has the new figure.
        QVERIFY(m_db->execute(QStringLiteral("UPDATE leads SET status = 'new' WHERE name = 'Eve O''Hara'")).ok());
        QCOMPARE(*m_leads->count(f), 2);
        m_clock.advance(5001);
        QCOMPARE(*m_leads->count(f), 2);
        QTRY_COMPARE(*m_leads->count(f), 3);
        // ... and one through the service at once.
        QVERIFY(m_leads->update(m_admin, m_ids[QStringLiteral("Eve")], obj(J({"status":"lost"}))).ok());
        QCOMPARE(*m_leads->count(f), 2);
    }

    void bulkByFilter()
    {
        QSignalSpy changed(m_leads.get(), &leads::LeadService::leadsChanged);
        auto request = leads::BulkRequest::fromJson(obj(J({"action":"add_tags","filter":{"city":"Austin"},"tags":["Texas"]})));
        QVERIFY(request.ok());
        QList<std::pair<qint64, qint64>> progress;
        auto report = m_leads->bulk(m_seller, *request, [&](qint64 d, qint64 t) { progress.append({d, t}); });
        QVERIFY(report.ok());
        QCOMPARE(report->matched, 2);
        QCOMPARE(report->changed, 2);
        QCOMPARE(progress.last(), (std::pair<qint64, qint64>{2, 2}));
        QCOMPARE(changed.size(), 1); // one refresh for the whole operation
        QStringList tagged = listNames(obj(J({"tags":{"any":["texas"]}})));
        tagged.sort();
        QCOMPARE(tagged, (QStringList{QStringLiteral("Ann Able"), QStringLiteral("Dan Drake")}));

        auto setStage = leads::BulkRequest::fromJson(obj(J({"action":"set_stage","filter":{"tags":{"any":["texas"]}},"value":"demo"})));
        QVERIFY(m_leads->bulk(m_seller, *setStage).ok());
        QCOMPARE(listNames(obj(J({"deal_stage":"demo"}))).size(), 2);
        // Every lead got its own diff in the log.
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = 'lead_status_changed' AND CAST(details AS TEXT) LIKE '%demo%'"))
                     ->value(0).toInt(), 2);

        auto bad = leads::BulkRequest::fromJson(obj(J({"action":"update","ids":[1],"fields":{"email":"nope"}})));
        QVERIFY(bad.ok());
        QCOMPARE(m_leads->bulk(m_seller, *bad).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(leads::BulkRequest::fromJson(obj(J({"action":"explode","ids":[1]}))).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(leads::BulkRequest::fromJson(obj(J({"action":"delete"}))).error().code, ErrorCode::ValidationFailed);
        auto purge = leads::BulkRequest::fromJson(obj(J({"action":"purge","ids":[1]})));
        QCOMPARE(m_leads->bulk(m_seller, *purge).error().code, ErrorCode::Forbidden);
    }

    void bulkDeleteAndRestoreByIds()
    {
        const qint64 a = seed(J({"name":"Bulk One"})), b = seed(J({"name":"Bulk Two"}));
        FT_STOP_IF_FAILED();
        auto del = leads::BulkRequest::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("delete")}, {QStringLiteral("ids"), QJsonArray{a, b}}});
        QCOMPARE(m_leads->bulk(m_seller, *del)->changed, 2);
        QCOMPARE(listNames(obj(J({"deleted":"only"}))).size(), 2);
        auto restore = leads::BulkRequest::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("restore")}, {QStringLiteral("ids"), QJsonArray{a, b}}});
        QCOMPARE(m_leads->bulk(m_seller, *restore)->changed, 2);
        auto purge = leads::BulkRequest::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("purge")}, {QStringLiteral("ids"), QJsonArray{a, b}}});
        QCOMPARE(m_leads->bulk(m_admin, *purge)->changed, 2);
    }

    void searchFindsALeadRightAfterItIsEdited()
    {
        const qint64 id = m_ids[QStringLiteral("Cat")];
        auto before = m_search->search(QStringLiteral("zanzibar"), QStringLiteral("leads"));
        QVERIFY(before.ok());
        QCOMPARE(before->size(), 0);
        QVERIFY(m_leads->update(m_seller, id, obj(J({"company":"Zanzibar Roofing <b>Ltd</b>"}))).ok());
        auto after = m_search->search(QStringLiteral("zanzib"), QStringLiteral("leads"));
        QVERIFY(after.ok());
        QCOMPARE(after->size(), 1);
        const QJsonObject hit = after->first().toObject();
        QCOMPARE(hit.value(QStringLiteral("id")).toInteger(), id);
        const QString snippet = hit.value(QStringLiteral("snippet")).toString();
        QVERIFY2(snippet.contains(QStringLiteral("<mark>Zanzibar</mark>")), qPrintable(snippet));
        QVERIFY2(!snippet.contains(QStringLiteral("<b>")), qPrintable(snippet)); // the lead's own markup never comes through
        // Deleted leads are not found; restored ones are again.
        QVERIFY(m_leads->remove(m_seller, id).ok());
        QCOMPARE(m_search->search(QStringLiteral("zanzibar"), QStringLiteral("leads"))->size(), 0);
        QVERIFY(m_leads->restore(m_seller, id).ok());
        QCOMPARE(m_search->search(QStringLiteral("zanzibar"), {})->size(), 1);
        QCOMPARE(m_search->search(QString(), {}).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m_search->search(QStringLiteral("x"), QStringLiteral("users")).error().code, ErrorCode::ValidationFailed);
    }

    void wholeWordsRankBeforeWordsTheyBegin()
    {
        // By text rank alone the short name would win (bm25 favours short fields).
        const qint64 whole = m_leads->create(m_seller, obj(J({"company":"Quux Brothers Plumbing and Heating of Greater Springfield"})))
                                 ->value(QStringLiteral("id")).toInteger();
        const qint64 begun = m_leads->create(m_seller, obj(J({"company":"Quuxworks"})))->value(QStringLiteral("id")).toInteger();
        auto hits = m_search->search(QStringLiteral("quux"), QStringLiteral("leads"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 2); // each once
        QCOMPARE(hits->at(0).toObject().value(QStringLiteral("id")).toInteger(), whole);
        QCOMPARE(hits->at(1).toObject().value(QStringLiteral("id")).toInteger(), begun);
        QCOMPARE(m_search->search(QStringLiteral("quux"), QStringLiteral("leads"), 1)->size(), 1);
        QCOMPARE(m_search->search(QStringLiteral("quuxw"), QStringLiteral("leads"))->first().toObject().value(QStringLiteral("id")).toInteger(), begun);
        // Leads far older than the newest ones are found too (PostgreSQL looks among the newest
        // 20,000 first, then, finding too few, among all).
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO leads (id, name, status, created_at, updated_at) VALUES (?, 'Newest Filler', 'new', ?, ?)"),
                              {begun + 30000, m_db->timestamp(m_clock.now()), m_db->timestamp(m_clock.now())}).ok());
        auto old = m_search->search(QStringLiteral("quux"), QStringLiteral("leads"));
        QVERIFY(old.ok());
        QCOMPARE(old->size(), 2);
        QCOMPARE(old->at(0).toObject().value(QStringLiteral("id")).toInteger(), whole);
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM leads WHERE id = ?"), {begun + 30000}).ok());
    }

    void notesOnlyAuthorOrAdminEdits()
    {
        const qint64 lead = m_ids[QStringLiteral("Bob")];
        auto note = m_notes->add(m_seller, lead, QStringLiteral("Called, wants a quote"));
        QVERIFY(note.ok());
        const qint64 id = note->value(QStringLiteral("id")).toInteger();
        QCOMPARE(note->value(QStringLiteral("author")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Sam"));
        Actor other{3, false, {}, {}};
        QCOMPARE(m_notes->edit(other, id, QStringLiteral("hijack")).error().code, ErrorCode::Forbidden);
        m_clock.advance(60000);
        auto edited = m_notes->edit(m_seller, id, QStringLiteral("Called twice, wants a quote"));
        QVERIFY(edited.ok());
        QVERIFY(!edited->value(QStringLiteral("edited_at")).isNull());
        QVERIFY(m_notes->edit(m_admin, id, QStringLiteral("Admin fixed a typo")).ok());
        QCOMPARE(m_notes->remove(other, id).error().code, ErrorCode::Forbidden);
        QCOMPARE(m_notes->add(m_seller, lead, QStringLiteral("   ")).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m_notes->forLead(lead)->size(), 1);
        QCOMPARE(m_notes->add(m_seller, 999999, QStringLiteral("x")).error().code, ErrorCode::NotFound);
    }

    void tagNamesAreUniqueIgnoringCase()
    {
        auto t = m_tags->create(m_seller, obj(J({"name":"Warm","color":"#ff8800","category":"temperature"})));
        QVERIFY(t.ok());
        QCOMPARE(m_tags->create(m_seller, obj(J({"name":"WARM"}))).error().code, ErrorCode::Conflict);
        QCOMPARE(m_tags->create(m_seller, obj(J({"name":"Bad","color":"red; drop"}))).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m_tags->update(m_seller, t->value(QStringLiteral("id")).toInteger(), obj(J({"name":"hot"}))).error().code, ErrorCode::Conflict);
        auto list = m_tags->list();
        QVERIFY(list.ok());
        for (const auto &v : *list)
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Hot"))
                QCOMPARE(v.toObject().value(QStringLiteral("lead_count")).toInt(), 2);
        QVERIFY(m_tags->remove(m_seller, t->value(QStringLiteral("id")).toInteger()).ok());
    }

    // A tagging's copies of its lead's list columns (what a one-tag list reads) stay equal to the
    // lead's through every way of tagging and of changing leads, and the one-tag list answers
    // what the same filter on the leads answers.
    int tagListMismatches()
    {
        auto row = m_db->selectOne(QStringLiteral(
            "SELECT count(*) FROM lead_tags lt JOIN leads l ON l.id = lt.lead_id WHERE lt.lead_status IS DISTINCT FROM l.status "
            "OR lt.lead_score IS DISTINCT FROM l.score OR lt.lead_city IS DISTINCT FROM l.city OR lt.lead_created_at IS DISTINCT FROM l.created_at "
            "OR lt.lead_has_email IS DISTINCT FROM l.has_email OR lt.lead_has_phone IS DISTINCT FROM l.has_phone "
            "OR lt.lead_has_website IS DISTINCT FROM l.has_website OR lt.lead_deleted_at IS DISTINCT FROM l.deleted_at"));
        FT_EXPECT(row.ok(), row.ok() ? "" : qPrintable(row.error().message));
        return row ? row->value(0).toInt() : -1;
    }
    QStringList namesOnLeads(const QJsonObject &filterJson)
    {
        const auto f = leads::LeadFilter::fromJson(filterJson);
        FT_EXPECT(f.ok(), "a valid filter");
        const leads::SqlCondition c = f->toSql(*m_db);
        FT_EXPECT(c.from == QLatin1String("leads l"), "the leads' condition");
        auto rows = m_db->select(QStringLiteral("SELECT l.name FROM leads l WHERE %1 ORDER BY l.name").arg(c.where), c.params);
        FT_EXPECT(rows.ok(), "the leads' query runs");
        QStringList out;
        for (const auto &r : *rows)
            out << r.value(0).toString();
        return out;
    }
    void tagListFollowsItsLeads()
    {
        const qint64 a = seed(J({"name":"Tl Alpha","email":"alpha@tl.example","city":"Waco","status":"new","score":40}));
        FT_STOP_IF_FAILED();
        const qint64 b = seed(J({"name":"Tl Beta","phone":"512 555 0142","city":"Waco","status":"new","score":60}));
        FT_STOP_IF_FAILED();
        const qint64 c = seed(J({"name":"Tl Gamma","website":"gamma.example","city":"Tyler","status":"contacted"}));
        FT_STOP_IF_FAILED();
        // Tagged three ways: one lead, a bulk request, a statement that names no copies (the trigger).
        QVERIFY(m_leads->addTags(m_seller, a, QJsonArray{QStringLiteral("tl-hot")}).ok());
        auto bulkTag = leads::BulkRequest::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("add_tags")},
                                                                {QStringLiteral("ids"), QJsonArray{b, c}}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("tl-hot")}}});
        QVERIFY(bulkTag.ok());
        QVERIFY(m_leads->bulk(m_seller, *bulkTag).ok());
        auto tag = m_db->selectOne(QStringLiteral("SELECT id FROM tags WHERE name = 'tl-hot'"));
        QVERIFY(tag.ok());
        const qint64 hot = tag->value(0).toLongLong();
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO tags (name) VALUES ('tl-cold')")).ok());
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id) SELECT ?, id FROM tags WHERE name = 'tl-cold'"), {c}).ok());
        QCOMPARE(tagListMismatches(), 0);

        auto check = [&](const char *filterJson, const QStringList &expected) {
            const QJsonObject f = obj(filterJson);
            const auto parsed = leads::LeadFilter::fromJson(f);
            FT_EXPECT(parsed.ok() && parsed->listTag().has_value(), filterJson);
            QStringList got = listNames(f);
            got.sort();
            FT_EXPECT(got == expected, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(filterJson), got.join(u','))));
            FT_EXPECT(namesOnLeads(f) == expected, filterJson);
        };
        check(J({"tags":{"any":["tl-hot"]},"status":"new"}), {QStringLiteral("Tl Alpha"), QStringLiteral("Tl Beta")});
        check(J({"tags":{"any":["TL-HOT"]},"city":"Waco","score":{"min":50}}), {QStringLiteral("Tl Beta")});
        FT_STOP_IF_FAILED();

        // A change through the service, a bulk update, deleting and restoring, a raw UPDATE.
        QVERIFY(m_leads->update(m_seller, a, obj(J({"status":"qualified","score":95,"email":""})), false).ok());
        auto bulkStatus = leads::BulkRequest::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("set_status")},
                                                                   {QStringLiteral("ids"), QJsonArray{b, c}}, {QStringLiteral("value"), QStringLiteral("qualified")}});
        QVERIFY(bulkStatus.ok());
        QVERIFY(m_leads->bulk(m_seller, *bulkStatus).ok());
        QCOMPARE(tagListMismatches(), 0);
        check(J({"tags":{"any":["tl-hot"]},"status":"qualified","has_email":false}), {QStringLiteral("Tl Alpha"), QStringLiteral("Tl Beta"), QStringLiteral("Tl Gamma")});
        FT_STOP_IF_FAILED();
        QVERIFY(m_leads->remove(m_seller, b).ok());
        QCOMPARE(tagListMismatches(), 0);
        check(J({"tags":{"any":["tl-hot"]},"status":"qualified"}), {QStringLiteral("Tl Alpha"), QStringLiteral("Tl Gamma")});
        FT_STOP_IF_FAILED();
        QVERIFY(m_leads->restore(m_seller, b).ok());
        QVERIFY(m_db->execute(QStringLiteral("UPDATE leads SET city = 'Austin', score = NULL WHERE id = ?"), {c}).ok());
        QCOMPARE(tagListMismatches(), 0);
        check(J({"tags":{"any":["tl-cold"]},"city":"Austin"}), {QStringLiteral("Tl Gamma")});
        FT_STOP_IF_FAILED();

        // By id, best score first; NULL scores last.
        const auto byScore = leads::LeadFilter::fromJson(QJsonObject{{QStringLiteral("tags"), QJsonObject{{QStringLiteral("any"), QJsonArray{hot}}}}});
        QVERIFY(byScore.ok());
        auto page = m_leads->list({*byScore, *leads::LeadSort::parse(QStringLiteral("-score")), 2, {}, true});
        QVERIFY(page.ok());
        QCOMPARE(names(page->items), (QStringList{QStringLiteral("Tl Alpha"), QStringLiteral("Tl Beta")}));
        QCOMPARE(page->total, 3);
        page = m_leads->list({*byScore, *leads::LeadSort::parse(QStringLiteral("-score")), 2, page->nextCursor, false});
        QVERIFY(page.ok());
        QCOMPARE(names(page->items), QStringList{QStringLiteral("Tl Gamma")});

        // Merging moves the other lead's taggings onto the survivor, with the survivor's columns.
        QVERIFY(m_leads->merge(m_seller, a, {c}, {}).ok());
        QCOMPARE(tagListMismatches(), 0);
        check(J({"tags":{"any":["tl-cold"]}}), {QStringLiteral("Tl Alpha")});
    }

    // Leads a source names (scrapers): added once, updated when seen again, bad rows left out.
    void upsertBySourceAddsOnceThenUpdates()
    {
        auto row = [](const char *id, const char *name, const char *email = nullptr) {
            QJsonObject r{{QStringLiteral("source"), QStringLiteral("craigslist")}, {QStringLiteral("source_id"), QString::fromLatin1(id)},
                          {QStringLiteral("name"), QString::fromLatin1(name)}};
            if (email)
                r.insert(QStringLiteral("email"), QString::fromLatin1(email));
            return r;
        };
        const int activityBefore = m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = 'lead_created'"))->value(0).toInt();
        auto first = m_leads->upsertBySource(m_seller, {row("9000000001", "Ups One"), row("9000000002", "Ups Two"), row("9000000003", "Ups Bad", "not-an-email"),
                                                         row("9000000001", "Ups One Again")});
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->added, 2);
        QCOMPARE(first->updated, 1); // the same listing twice in one batch
        QCOMPARE(first->rejected, 1);
        QVERIFY2(first->problems.first().contains(QLatin1String("9000000003")) && first->problems.first().contains(QLatin1String("email")), qPrintable(first->problems.first()));
        QCOMPARE(first->addedIds.size(), 2);
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT name FROM leads WHERE source_id = '9000000001'"))->value(0).toString(), QStringLiteral("Ups One Again"));
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = 'lead_created'"))->value(0).toInt(), activityBefore + 2);
        auto again = m_leads->upsertBySource(m_seller, {row("9000000002", "Ups Two Renamed")});
        QVERIFY(again.ok());
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, 1);
        QCOMPARE(listNames(obj(J({"q":"renamed"}))), QStringList{QStringLiteral("Ups Two Renamed")}); // searchable, list fresh
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads WHERE source_id LIKE '900000000%'"))->value(0).toInt(), 2);
    }

    void duplicatesAndMergeKeepEverything()
    {
        const qint64 a = seed(J({"name":"Joe Smith","company":"Joe's Plumbing LLC","email":"joe@joesplumbing.example","city":"Austin"}));
        FT_STOP_IF_FAILED();
        const qint64 b = seed(J({"name":"Joseph Smith","company":"JOES PLUMBING","email":"JOE@joesplumbing.example","phone":"512 555 0199"}));
        FT_STOP_IF_FAILED();
        const qint64 c = seed(J({"name":"J. Smith","company":"Joe's Plumbing, Inc.","website":"joesplumbing.example"}));
        FT_STOP_IF_FAILED();
        auto groups = m_leads->duplicates();
        QVERIFY(groups.ok());
        bool byEmail = false, byCompany = false;
        for (const auto &g : *groups) {
            const QJsonObject o = g.toObject();
            if (o.value(QStringLiteral("match")).toString() == QLatin1String("email"))
                byEmail |= o.value(QStringLiteral("lead_ids")).toArray() == QJsonArray{a, b};
            if (o.value(QStringLiteral("match")).toString() == QLatin1String("company"))
                byCompany |= o.value(QStringLiteral("lead_ids")).toArray() == QJsonArray{a, b, c};
        }
        QVERIFY(byEmail);
        QVERIFY(byCompany);

        QVERIFY(m_leads->addTags(m_seller, a, QJsonArray{QStringLiteral("vip")}).ok());
        QVERIFY(m_leads->addTags(m_seller, b, QJsonArray{QStringLiteral("vip"), QStringLiteral("callback")}).ok());
        QVERIFY(m_notes->add(m_seller, b, QStringLiteral("note on b")).ok());
        QVERIFY(m_notes->add(m_seller, c, QStringLiteral("note on c")).ok());
        const int activityBefore = m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE entity_type = 'lead' AND entity_id IN (?, ?, ?)"),
                                                   {a, b, c})->value(0).toInt();
        auto merged = m_leads->merge(m_seller, a, {b, c}, QJsonObject{{QStringLiteral("name"), b}});
        QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
        QCOMPARE(merged->value(QStringLiteral("name")).toString(), QStringLiteral("Joseph Smith")); // chosen
        QCOMPARE(merged->value(QStringLiteral("phone")).toString(), QStringLiteral("+15125550199")); // filled from b
        QCOMPARE(merged->value(QStringLiteral("website_domain")).toString(), QStringLiteral("joesplumbing.example")); // from c
        QCOMPARE(merged->value(QStringLiteral("city")).toString(), QStringLiteral("Austin")); // survivor's own
        QStringList tags;
        for (const auto &t : merged->value(QStringLiteral("tags")).toArray())
            tags << t.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(tags, (QStringList{QStringLiteral("callback"), QStringLiteral("vip")}));
        QCOMPARE(m_notes->forLead(a)->size(), 2);
        // All of the old activity now belongs to the survivor, plus the merge itself.
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE entity_type = 'lead' AND entity_id = ?"), {a})->value(0).toInt(),
                 activityBefore + 2 /* merge + field update */);
        QCOMPARE(m_leads->get(b, true).error().code, ErrorCode::NotFound);
        QCOMPARE(m_leads->merge(m_seller, a, {a}, {}).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m_leads->merge(m_seller, a, {999999}, {}).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestLeadService)
#include "tst_leadservice.moc"
#include "testenv.h"
