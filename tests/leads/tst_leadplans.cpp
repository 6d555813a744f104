// The index map of the lead list (docs/architecture.md, "The lead list at a million leads"):
// for every filter and sort the list offers, the plan each backend picks on 50,000 leads
// (ANALYZEd) reads the index the map names, and never the whole table. A migration that drops
// or changes one of them fails here, naming the query shape and the plan it got.
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace fliptech;

namespace {

constexpr int kLeads = 50000;

// Decorrelated columns of lead i: city, status and score each follow a different modulus.
QString seedSql(bool postgres)
{
    const QString cities = QStringLiteral("CASE (i * 7919) % 16 WHEN 0 THEN 'Austin' WHEN 1 THEN 'Dallas' WHEN 2 THEN 'Houston' WHEN 3 THEN 'Denver' "
                                          "WHEN 4 THEN 'Phoenix' WHEN 5 THEN 'Portland' WHEN 6 THEN 'Seattle' WHEN 7 THEN 'Miami' WHEN 8 THEN 'Atlanta' "
                                          "WHEN 9 THEN 'Chicago' WHEN 10 THEN 'Boston' WHEN 11 THEN 'Nashville' WHEN 12 THEN 'San Diego' "
                                          "WHEN 13 THEN 'Tampa' WHEN 14 THEN 'Raleigh' ELSE 'Columbus' END");
    const QString regions = QStringLiteral("CASE (i * 7919) % 16 WHEN 0 THEN 'TX' WHEN 1 THEN 'TX' WHEN 2 THEN 'TX' WHEN 3 THEN 'CO' WHEN 4 THEN 'AZ' "
                                           "WHEN 5 THEN 'OR' WHEN 6 THEN 'WA' WHEN 7 THEN 'FL' WHEN 8 THEN 'GA' WHEN 9 THEN 'IL' WHEN 10 THEN 'MA' "
                                           "WHEN 11 THEN 'TN' WHEN 12 THEN 'CA' WHEN 13 THEN 'FL' WHEN 14 THEN 'NC' ELSE 'OH' END");
    const QString statuses = QStringLiteral("CASE (i * 104729) % 6 WHEN 0 THEN 'new' WHEN 1 THEN 'contacted' WHEN 2 THEN 'qualified' "
                                            "WHEN 3 THEN 'proposal' WHEN 4 THEN 'won' ELSE 'lost' END");
    const QString sources = QStringLiteral("CASE WHEN i % 40 = 0 THEN 'referral' WHEN i % 4 = 1 THEN 'csv_import' WHEN i % 4 = 2 THEN 'google_maps' "
                                           "ELSE 'craigslist' END");
    const QString columns = QStringLiteral("name, company, email, phone, website, city, region, country, status, score, source, deal_stage, "
                                           "assigned_to, last_contacted_at, deleted_at, created_at, updated_at");
    // What differs between the dialects: the row source, zero-padding, timestamps i minutes on.
    const QString phone = postgres ? QStringLiteral("lpad((i % 10000)::text, 4, '0')") : QStringLiteral("substr('0000' || (i % 10000), -4)");
    auto minutesAfter = [postgres](const char *day) {
        return postgres ? QStringLiteral("timestamptz '%1' + i * interval '1 minute'").arg(QLatin1String(day))
                        : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', '%1', '+' || i || ' minutes')").arg(QLatin1String(day));
    };
    const QString september = postgres ? QStringLiteral("timestamptz '2026-09-01'") : QStringLiteral("'2026-09-01T00:00:00.000Z'");
    const QString n = QString::number(kLeads);
    const QString select =
        QStringLiteral("SELECT 'Lead ' || i, 'Company ' || (i % 997), CASE WHEN i % 10 < 7 THEN 'lead' || i || '@example.com' END, ") +
        QStringLiteral("CASE WHEN i % 10 < 8 THEN '+1512555' || ") + phone + QStringLiteral(" END, ") +
        QStringLiteral("CASE WHEN i % 2 = 0 THEN 'https://lead' || i || '.example' END, ") + cities + QStringLiteral(", ") + regions +
        QStringLiteral(", 'US', ") + statuses + QStringLiteral(", (i * 37) % 101, ") + sources +
        QStringLiteral(", CASE WHEN i % 20 = 0 THEN 'proposal' END, CASE WHEN i % 50 = 0 THEN 1 END, CASE WHEN i % 10 = 3 THEN ") +
        minutesAfter("2026-06-01") + QStringLiteral(" END, CASE WHEN i % 100 = 7 THEN ") + september + QStringLiteral(" END, ") +
        minutesAfter("2026-01-01") + QStringLiteral(", ") + minutesAfter("2026-01-01");
    if (postgres)
        return QStringLiteral("INSERT INTO leads (") + columns + QStringLiteral(") ") + select + QStringLiteral(" FROM generate_series(1::bigint, ") + n +
               QStringLiteral(") i");
    return QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ") + n + QStringLiteral(") INSERT INTO leads (") +
           columns + QStringLiteral(") ") + select + QStringLiteral(" FROM s");
}

} // namespace

class TestLeadPlans final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    test::FakeClock m_clock;
    std::unique_ptr<leads::LeadService> m_leads;

    QJsonObject plans(const QByteArray &filterJson, const QString &sort)
    {
        auto filter = leads::LeadFilter::fromJson(QJsonDocument::fromJson(filterJson).object());
        auto s = leads::LeadSort::parse(sort);
        if (!filter || !s)
            return {};
        auto p = m_leads->queryPlans(*filter, *s);
        return p ? *p : QJsonObject{{QStringLiteral("error"), p.error().message}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO users (id, email, password_hash, name, role) VALUES (1, 'boss@agency.example', 'x', 'Boss', 'admin')")).ok());
        const auto seeded = m_db->executeRaw(seedSql(m_db->isPostgres()));
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));
        QVERIFY(m_db->executeRaw(QStringLiteral("INSERT INTO tags (name) VALUES ('hot'), ('cold'), ('callback'), ('vip')")).ok());
        QVERIFY(m_db->executeRaw(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id) SELECT id, 1 + id % 4 FROM leads WHERE id % 10 < 3")).ok());
        if (!m_db->isPostgres())
            QVERIFY(m_db->executeRaw(QStringLiteral("INSERT INTO leads_fts (leads_fts) VALUES ('rebuild')")).ok());
        // Statistics, and on PostgreSQL the visibility map that index-only scans need.
        for (const char *sql : {"VACUUM ANALYZE leads", "VACUUM ANALYZE lead_tags"}) // one statement each: VACUUM refuses a transaction
            QVERIFY(m_db->executeRaw(m_db->isPostgres() ? QString::fromLatin1(sql) : QStringLiteral("ANALYZE")).ok());
        m_leads = std::make_unique<leads::LeadService>(m_db, nullptr, m_clock);
        m_leads->setExactCountBudgetMs(0); // SQLite would count 50,000 leads exactly in a few ms: test the estimate
    }

    // Each row: a query shape of the list, and the indexes its plans may use (any of them). The
    // total is checked where an index narrows it; a broad filter's total stops at 10,001 rows
    // whatever the plan.
    void plan_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("pageIndexes");
        QTest::addColumn<QStringList>("totalIndexes");
        const QString created = QStringLiteral("leads_list_created_idx"), city = QStringLiteral("leads_list_city_idx"),
                      status = QStringLiteral("leads_list_status_idx"), score = QStringLiteral("leads_list_score_idx");
        QTest::newRow("everything, newest first") << QByteArray("{}") << QStringLiteral("-created_at") << QStringList{created} << QStringList{};
        QTest::newRow("status") << QByteArray(R"({"status": "new"})") << QString() << QStringList{created, status} << QStringList{status};
        const QString cityStatus = QStringLiteral("leads_list_city_status_idx"); // (city, status, score · created_at, has_*)
        QTest::newRow("city") << QByteArray(R"({"city": "Austin"})") << QString() << QStringList{created, city, cityStatus}
                              << QStringList{city, cityStatus};
        QTest::newRow("city, status, score range")
            << QByteArray(R"({"city": "Austin", "status": "new", "score": {"min": 40, "max": 80}})") << QString() << QStringList{cityStatus, created}
            << QStringList{cityStatus};
        QTest::newRow("city, status") << QByteArray(R"({"city": "Denver", "status": "won"})") << QString() << QStringList{cityStatus, created}
                                      << QStringList{cityStatus};
        QTest::newRow("status, score range") << QByteArray(R"({"status": "won", "score": {"min": 90}})") << QString()
                                              << QStringList{status, created, score} << QStringList{status, score};
        QTest::newRow("region") << QByteArray(R"({"region": "TX", "status": "lost"})") << QString()
                                << QStringList{QStringLiteral("leads_list_region_idx"), created} << QStringList{QStringLiteral("leads_list_region_idx")};
        QTest::newRow("score range") << QByteArray(R"({"score": {"min": 95}})") << QString() << QStringList{score, created} << QStringList{score};
        // One tag: read from lead_tag_list (the tag's rows of lead_tags, with the hot columns).
        const QString tagCreated = QStringLiteral("lead_tags_list_created_idx"), tagStatus = QStringLiteral("lead_tags_list_status_idx"),
                      tagScore = QStringLiteral("lead_tags_list_score_idx");
        const QStringList tagLists{tagCreated, tagStatus, tagScore};
        QTest::newRow("tag") << QByteArray(R"({"tags": {"any": ["vip"]}})") << QString() << QStringList{tagCreated} << tagLists;
        QTest::newRow("tag, status") << QByteArray(R"({"tags": {"any": ["hot"]}, "status": "new"})") << QString()
                                     << QStringList{tagCreated, tagStatus} << QStringList{tagStatus};
        QTest::newRow("tag, status, score range") << QByteArray(R"({"tags": {"any": ["cold"]}, "status": "won", "score": {"min": 20, "max": 70}})")
                                                  << QString() << QStringList{tagCreated, tagStatus} << QStringList{tagStatus};
        QTest::newRow("tag by id, city") << QByteArray(R"({"tags": {"any": [3]}, "city": "Austin"})") << QString() << QStringList{tagCreated}
                                         << tagLists;
        QTest::newRow("tag, best score first") << QByteArray(R"({"tags": {"any": ["vip"]}, "has_email": true})") << QStringLiteral("-score")
                                               << QStringList{tagScore} << tagLists;
        QTest::newRow("tag, created range") << QByteArray(R"({"tags": {"any": ["hot"]}, "created_at": {"from": "2026-01-20T00:00:00Z"}})")
                                            << QString() << QStringList{tagCreated} << QStringList{tagCreated};
        // Otherwise the leads, the tags a set of ids.
        QTest::newRow("tag, names A to Z") << QByteArray(R"({"tags": {"any": ["hot"]}})") << QStringLiteral("name")
                                           << QStringList{QStringLiteral("leads_list_name_idx"), QStringLiteral("lead_tags_tag_idx")} << tagLists;
        QTest::newRow("two tags, status") << QByteArray(R"({"tags": {"any": ["hot", "vip"]}, "status": "new"})") << QString()
                                          << QStringList{created, status, QStringLiteral("lead_tags_tag_idx")} << QStringList{};
        QTest::newRow("tag, region") << QByteArray(R"({"tags": {"any": ["hot"]}, "region": "TX"})") << QString()
                                     << QStringList{created, QStringLiteral("leads_list_region_idx"), QStringLiteral("lead_tags_tag_idx")}
                                     << QStringList{};
        QTest::newRow("has e-mail, city") << QByteArray(R"({"has_email": true, "city": "Denver"})") << QString() << QStringList{city, cityStatus, created}
                                          << QStringList{city, cityStatus};
        QTest::newRow("has phone") << QByteArray(R"({"has_phone": false})") << QString() << QStringList{created} << QStringList{};
        QTest::newRow("has website, status") << QByteArray(R"({"has_website": true, "status": "qualified"})") << QString()
                                             << QStringList{created, status} << QStringList{status};
        QTest::newRow("source") << QByteArray(R"({"source": "referral"})") << QString()
                                << QStringList{QStringLiteral("leads_list_source_idx"), created} << QStringList{QStringLiteral("leads_list_source_idx")};
        QTest::newRow("deal stage") << QByteArray(R"({"deal_stage": "proposal"})") << QString()
                                    << QStringList{QStringLiteral("leads_list_stage_idx")} << QStringList{QStringLiteral("leads_list_stage_idx")};
        QTest::newRow("assigned user") << QByteArray(R"({"assigned_to": 1})") << QString()
                                       << QStringList{QStringLiteral("leads_list_assigned_idx"), created} << QStringList{QStringLiteral("leads_list_assigned_idx")};
        QTest::newRow("created range") << QByteArray(R"({"created_at": {"from": "2026-01-20T00:00:00Z", "to": "2026-01-22T00:00:00Z"}})")
                                       << QString() << QStringList{created} << QStringList{created};
        QTest::newRow("contacted range") << QByteArray(R"({"last_contacted_at": {"from": "2026-06-10T00:00:00Z"}})") << QString()
                                         << QStringList{QStringLiteral("leads_list_contacted_idx"), created}
                                         << QStringList{QStringLiteral("leads_list_contacted_idx")};
        QTest::newRow("best score first") << QByteArray("{}") << QStringLiteral("-score") << QStringList{score} << QStringList{};
        QTest::newRow("city, best score first") << QByteArray(R"({"city": "Austin"})") << QStringLiteral("-score") << QStringList{score, city}
                                                << QStringList{city, cityStatus};
        QTest::newRow("names A to Z") << QByteArray("{}") << QStringLiteral("name") << QStringList{QStringLiteral("leads_list_name_idx")} << QStringList{};
        QTest::newRow("last contacted") << QByteArray(R"({"status": "contacted"})") << QStringLiteral("-last_contacted_at")
                                        << QStringList{QStringLiteral("leads_list_contacted_idx"), status} << QStringList{status};
        QTest::newRow("trash") << QByteArray(R"({"deleted": "only"})") << QString() << QStringList{QStringLiteral("leads_trash_idx")}
                               << QStringList{QStringLiteral("leads_trash_idx")};
        QTest::newRow("full text") << QByteArray(R"({"q": "lead 4242"})") << QString()
                                   << QStringList{QStringLiteral("leads_fts"), QStringLiteral("leads_search_idx"), created}
                                   << QStringList{QStringLiteral("leads_fts"), QStringLiteral("leads_search_idx")};
    }

    void plan()
    {
        QFETCH(QByteArray, filter);
        QFETCH(QString, sort);
        QFETCH(QStringList, pageIndexes);
        QFETCH(QStringList, totalIndexes);
        const QJsonObject p = plans(filter, sort);
        QVERIFY2(!p.contains(QStringLiteral("error")), qPrintable(p.value(QStringLiteral("error")).toString()));
        const QString page = p.value(QStringLiteral("page")).toString();
        const QString total = p.value(QStringLiteral("total")).toString();
        auto usesOne = [](const QString &plan, const QStringList &indexes) {
            for (const QString &i : indexes)
                if (plan.contains(i))
                    return true;
            return false;
        };
        // A read of the whole 1 KB-row table: what the index map exists to prevent.
        static const QRegularExpression tableScan(QStringLiteral("(^|\\n)[ |`-]*SCAN (l|lead_tags)($|\\n)|Seq Scan on lead"));
        const QString context = QStringLiteral("\npage plan:\n%1\ntotal plan:\n%2").arg(page, total);
        QVERIFY2(usesOne(page, pageIndexes), qPrintable(QStringLiteral("the page uses none of %1%2").arg(pageIndexes.join(u','), context)));
        QVERIFY2(!tableScan.match(page).hasMatch(), qPrintable(QStringLiteral("the page scans the table") + context));
        if (!totalIndexes.isEmpty()) {
            QVERIFY2(usesOne(total, totalIndexes), qPrintable(QStringLiteral("the total uses none of %1%2").arg(totalIndexes.join(u','), context)));
            QVERIFY2(!tableScan.match(total).hasMatch(), qPrintable(QStringLiteral("the total scans the table") + context));
        }
    }

    // Totals: exact below the limit, an estimate said as such above it (within 20 % of the real
    // count), exact on request.
    void totals()
    {
        auto f = [](const char *json) { return *leads::LeadFilter::fromJson(QJsonDocument::fromJson(json).object()); };
        auto exactCount = [&](const leads::LeadFilter &filter) {
            const leads::SqlCondition c = filter.toSql(*m_db);
            auto row = m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads l WHERE ") + c.where, c.params);
            return row ? row->value(0).toLongLong() : -1;
        };
        const leads::LeadFilter small = f(R"({"city": "Austin", "status": "new"})");
        auto t = m_leads->total(small);
        QVERIFY(t);
        QVERIFY(t->exact);
        QCOMPARE(t->value, exactCount(small));
        QVERIFY(t->value > 0 && t->value <= leads::LeadService::exactTotalLimit);

        for (const char *json : {R"({})", R"({"has_email": true})", R"({"status": "new"})", R"({"score": {"min": 30}})",
                                 R"({"has_phone": true, "score": {"max": 60}})", R"({"tags": {"none": ["vip"]}})"}) {
            const leads::LeadFilter broad = f(json);
            const qint64 real = exactCount(broad);
            auto estimated = m_leads->total(broad);
            QVERIFY(estimated);
            if (real <= leads::LeadService::exactTotalLimit) {
                QVERIFY2(estimated->exact && estimated->value == real, json);
                continue;
            }
            QVERIFY2(!estimated->exact, json);
            QVERIFY2(qAbs(estimated->value - real) <= real / 5,
                     qPrintable(QStringLiteral("%1: estimated %2, really %3").arg(QLatin1String(json)).arg(estimated->value).arg(real)));
            auto exact = m_leads->total(broad, true);
            QVERIFY(exact);
            QVERIFY(exact->exact);
            QCOMPARE(exact->value, real);
        }
        // The whole table is larger than the limit, so at least one of the above was estimated.
        QVERIFY(exactCount(f("{}")) > leads::LeadService::exactTotalLimit);

        // The page says the same (a filter not counted above: an exact count, once made, is kept).
        leads::ListOptions o{f(R"({"has_email": true, "score": {"min": 10}})"), {}, 50, {}, true};
        auto page = m_leads->list(o);
        QVERIFY(page);
        QVERIFY(!page->totalExact);
        QCOMPARE(page->count, 50);
        o.exactTotal = true;
        page = m_leads->list(o);
        QVERIFY(page);
        QVERIFY(page->totalExact);
        QCOMPARE(page->total, exactCount(o.filter));
    }

    // The pages a walked index gives (SQLite's INDEXED BY, the NULL tail by rowid) are the
    // pages the plain sort gives: two pages through the cursor, against ORDER BY ... NULLS LAST.
    void walkedPagesAreThePlainSort_data()
    {
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<QString>("sort");
        for (const char *f : {"{}", R"({"city": "Austin"})", R"({"has_email": true, "score": {"min": 20}})",
                              R"({"tags": {"any": ["hot"]}, "status": "new"})", R"({"tags": {"any": [2]}, "score": {"min": 30}})"})
            for (const char *sort : {"-created_at", "-score", "name", "-last_contacted_at", "score"})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(f), QLatin1String(sort)))) << QByteArray(f) << QString::fromLatin1(sort);
    }
    void walkedPagesAreThePlainSort()
    {
        QFETCH(QByteArray, filter);
        QFETCH(QString, sort);
        const auto f = *leads::LeadFilter::fromJson(QJsonDocument::fromJson(filter).object());
        const auto s = *leads::LeadSort::parse(sort);
        QList<qint64> paged;
        leads::ListOptions o{f, s, 50, {}, false};
        for (int page = 0; page < 2; ++page) {
            auto p = m_leads->list(o);
            QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
            for (const auto &item : std::as_const(p->items))
                paged << item.toObject().value(QStringLiteral("id")).toInteger();
            o.cursor = p->nextCursor;
            QVERIFY(!o.cursor.isEmpty());
        }
        const leads::SqlCondition c = f.toSql(*m_db);
        const QString dir = s.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        auto rows = m_db->select(QStringLiteral("SELECT l.id FROM leads l WHERE %1 ORDER BY l.%2%3 NULLS LAST, l.id%3 LIMIT 100")
                                     .arg(c.where, s.field, dir),
                                 c.params);
        QVERIFY(rows.ok());
        QList<qint64> plain;
        for (const auto &r : *rows)
            plain << r.value(0).toLongLong();
        QCOMPARE(paged, plain);
    }

    void cleanupTestCase()
    {
        m_leads.reset();
        m_db.reset();
        m_tmp.reset();
    }
};

QTEST_GUILESS_MAIN(TestLeadPlans)
#include "tst_leadplans.moc"
