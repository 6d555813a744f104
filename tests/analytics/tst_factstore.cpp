// The analytics figures from the facts held in memory (analytics::FactStore, issue 13) equal
// the figures from SQL over the tables (the reference), on both backends: a workspace of
// thousands of leads, conversions, costs and campaign e-mails with the awkward cases in it
// (deleted leads, costs of leads gone or of conversations, other currencies, days on the edge of
// a time zone's midnight and its daylight-saving change), asked for random periods (whole days
// and odd instants), zones (whole-hour and half-hour offsets), filters (one, two or none, and
// a source nothing has) and groupings. Then random writes of every kind the triggers watch —
// and the figures are equal again, for the store that was loaded before them (caught up from
// the change log) and for one in another connection (another process); a write committed while
// a figure is read is seen by the next one.
#include "fliptech/analytics/factstore.h"
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QJsonDocument>
#include <QTest>

#include <array>
#include <random>

using namespace fliptech;

namespace {
const QDateTime kNow(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::utc());
const QDateTime kStart(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
const char *const kSources[] = {"craigslist", "google_maps", "csv_import", "referral", "manual"};
const char *const kCities[] = {"Austin", "Dallas", "Houston", "El Paso", "Waco", ""};
const char *const kStages[] = {"new", "contacted", "qualified", "proposal", "negotiation", "won", "lost"};
const char *const kTypes[] = {"scraping", "enrichment", "email", "operating", "advertising"};
const char *const kZones[] = {"UTC", "America/Chicago", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Adelaide", "America/Los_Angeles"};
} // namespace

class TestFactStore final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db, m_otherDb;
    test::FakeClock m_clock{kNow};
    std::unique_ptr<leads::LeadService> m_leads, m_otherLeads;
    std::unique_ptr<analytics::RevenueService> m_facts, m_raw, m_other;
    std::mt19937 m_rng{20261203};
    qint64 m_nextConversation = 1;

    int pick(int n) { return int(m_rng() % unsigned(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    // A moment of the two years, sometimes exactly a local midnight of one of the zones (or the
    // hour of a daylight-saving change).
    QDateTime moment()
    {
        if (chance(10)) {
            const QTimeZone zone(kZones[pick(7)]);
            const QDate day = kStart.date().addDays(pick(690));
            return QDateTime(day, QTime(0, 0), zone).toUTC().addMSecs(chance(50) ? 0 : -1);
        }
        if (chance(3))
            return QDateTime(QDate(2026, 3, 8), QTime(8, 0), QTimeZone::utc()).addSecs(pick(3) * 3600); // Chicago's spring forward
        return kStart.addMSecs(qint64(m_rng() % quint64(kStart.msecsTo(kNow))));
    }
    QString ts(const QDateTime &t) { return QStringLiteral("'%1'").arg(storage::Database::isoTimestamp(t)); }
    QString orNull(bool present, const QString &value) { return present ? value : QStringLiteral("NULL"); }
    QString leadId() { return QString::number(1 + pick(int(m_maxLead + 5))); } // some name no lead
    qint64 m_maxLead = 0;

    void run(const QString &statement)
    {
        auto r = m_db->execute(statement);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message + QStringLiteral("\n") + statement.left(300)));
    }
    void insertLeads(int n, bool oneStatement)
    {
        QStringList rows;
        for (int i = 0; i < n; ++i) {
            const bool deal = chance(30);
            rows << QStringLiteral("('Lead', '%1', %2, %3, %4, %5, %6, %7, %8, %9)")
                        .arg(QLatin1String(kSources[pick(5)]), orNull(!chance(15), QStringLiteral("'%1'").arg(QLatin1String(kCities[pick(6)]))),
                             orNull(chance(70), QString::number(1 + pick(12))), orNull(chance(80), QString::number(2 + pick(5))), ts(moment()),
                             orNull(chance(8), ts(moment())), orNull(deal, QStringLiteral("'%1'").arg(QLatin1String(kStages[pick(7)]))),
                             orNull(deal && chance(80), QString::number(1000 + pick(5000000))),
                             orNull(deal && chance(60), QStringLiteral("'%1'").arg(kNow.date().addDays(pick(200) - 60).toString(Qt::ISODate))));
            if (!oneStatement) {
                run(QStringLiteral("INSERT INTO leads (name, source, city, location_id, assigned_to, created_at, deleted_at, deal_stage, deal_value_cents, "
                                   "expected_close_date) VALUES %1")
                        .arg(rows.takeLast()));
            }
        }
        for (qsizetype i = 0; i < rows.size(); i += 400)
            run(QStringLiteral("INSERT INTO leads (name, source, city, location_id, assigned_to, created_at, deleted_at, deal_stage, deal_value_cents, "
                               "expected_close_date) VALUES %1")
                    .arg(rows.mid(i, 400).join(u',')));
        auto max = m_db->selectOne(QStringLiteral("SELECT MAX(id) FROM leads"));
        QVERIFY(max.ok());
        m_maxLead = max->value(0).toLongLong();
    }
    void insertConversions(int n)
    {
        QStringList rows;
        for (int i = 0; i < n; ++i)
            rows << QStringLiteral("(%1, %2, '%3', %4)").arg(leadIdThatExists()).arg(100 + pick(900000)).arg(chance(90) ? QLatin1String("USD") : QLatin1String("EUR")).arg(ts(moment()));
        run(QStringLiteral("INSERT INTO conversions (lead_id, revenue_amount_cents, currency, conversion_date) VALUES %1").arg(rows.join(u',')));
    }
    QString leadIdThatExists()
    {
        auto r = m_db->selectOne(QStringLiteral("SELECT id FROM leads WHERE id >= ? ORDER BY id LIMIT 1"), {1 + pick(int(m_maxLead))});
        return r.ok() ? r->value(0).toString() : QStringLiteral("1");
    }
    void insertCosts(int n)
    {
        QStringList rows;
        for (int i = 0; i < n; ++i) {
            QString type = QStringLiteral("NULL"), related = QStringLiteral("NULL");
            switch (pick(5)) {
            case 0: case 1: type = QStringLiteral("'lead'"), related = leadId(); break;
            case 2: type = QStringLiteral("'conversation'"), related = QString::number(1 + pick(int(m_nextConversation))); break;
            case 3: type = QStringLiteral("'campaign'"), related = QString::number(1 + pick(8)); break;
            default: break;
            }
            rows << QStringLiteral("('%1', %2, '%3', %4, %5, %6, %7, %8, %9)")
                        .arg(QLatin1String(kTypes[pick(5)]))
                        .arg(1 + pick(50000))
                        .arg(chance(95) ? QLatin1String("USD") : QLatin1String("EUR"))
                        .arg(type, related, orNull(chance(20), QStringLiteral("'%1'").arg(QLatin1String(kSources[pick(5)]))),
                             orNull(chance(15), QString::number(1 + pick(8))), orNull(chance(40), QString::number(2 + pick(5))), ts(moment()));
        }
        for (qsizetype i = 0; i < rows.size(); i += 400)
            run(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, related_entity_type, related_entity_id, source, campaign_id, created_by, created_at) "
                               "VALUES %1")
                    .arg(rows.mid(i, 400).join(u',')));
    }
    void insertRecipients(int n)
    {
        for (int i = 0; i < n; ++i)
            run(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, status, sent_at) SELECT %1, %2, 'sent', %3 "
                               "WHERE NOT EXISTS (SELECT 1 FROM campaign_recipients WHERE campaign_id = %1 AND lead_id = %2)")
                    .arg(1 + pick(8))
                    .arg(leadIdThatExists(), orNull(chance(70), ts(moment()))));
    }
    void insertMessages(int n)
    {
        for (int i = 0; i < n; ++i)
            run(QStringLiteral("INSERT INTO messages (conversation_id, direction, auto_reply, created_at) SELECT id, '%1', %2, %3 FROM conversations WHERE id = %4")
                    .arg(chance(50) ? QLatin1String("inbound") : QLatin1String("outbound"), m_db->boolLiteral(chance(20)), ts(moment()))
                    .arg(1 + pick(int(m_nextConversation - 1))));
    }
    // Status and stage changes as the lead service logs them.
    void insertStatusChanges(int n)
    {
        static const char *const statuses[] = {"new", "contacted", "qualified", "won", "lost", "proposal"};
        for (int i = 0; i < n; ++i) {
            const QString field = chance(60) ? QStringLiteral("status") : QStringLiteral("deal_stage");
            const QString details = QStringLiteral("{\"changes\": {\"%1\": {\"from\": \"new\", \"to\": \"%2\"}}}").arg(field, QLatin1String(statuses[pick(6)]));
            run(QStringLiteral("INSERT INTO activity_log (action, entity_type, entity_id, details, created_at) VALUES ('lead_status_changed', 'lead', %1, '%2', %3)")
                    .arg(leadIdThatExists(), details, ts(moment())));
        }
    }
    void insertConversations(int n)
    {
        for (int i = 0; i < n; ++i)
            run(QStringLiteral("INSERT INTO conversations (conversation_id, lead_id) VALUES ('c%1', %2)").arg(m_nextConversation++).arg(leadIdThatExists()));
    }

    // A random query: period (whole days of the zone, or odd instants), zone and filters.
    analytics::Query query()
    {
        analytics::Query q;
        q.zone = QTimeZone(kZones[pick(7)]);
        if (chance(70)) {
            const QDate from = kStart.date().addDays(pick(650));
            const QDate to = from.addDays(pick(chance(30) ? 400 : 60));
            q.from = QDateTime(from, QTime(0, 0), q.zone).toUTC();
            q.to = QDateTime(to.addDays(1), QTime(0, 0), q.zone).toUTC();
        } else {
            const QDateTime a = moment(), b = moment();
            q.from = qMin(a, b);
            q.to = qMax(a, b).addMSecs(1);
        }
        const int filters = chance(40) ? 0 : chance(80) ? 1 : 2;
        for (int i = 0; i < filters; ++i) {
            switch (pick(4)) {
            case 0: q.source = chance(90) ? QLatin1String(kSources[pick(5)]) : QStringLiteral("nothing-has-this"); break;
            case 1: q.userId = 2 + pick(5); break;
            case 2: q.locationGroupId = 1 + pick(3); break;
            default: q.campaignId = 1 + pick(8); break;
            }
        }
        return q;
    }
    static QByteArray text(const core::Result<QJsonObject> &r)
    {
        return r ? QJsonDocument(*r).toJson(QJsonDocument::Compact) : "ERROR: " + r.error().message.toUtf8();
    }
    static QString describe(const analytics::Query &q)
    {
        return QString::fromUtf8(QJsonDocument(q.periodJson()).toJson(QJsonDocument::Compact));
    }

    // Every figure built on the facts, from both, for `n` random queries.
    void compareFigures(analytics::RevenueService &facts, int n)
    {
        for (int i = 0; i < n; ++i) {
            const analytics::Query q = query();
            const QString what = describe(q);
            auto same = [&](const char *figure, auto get) {
                const QByteArray a = text(get(facts)), b = text(get(*m_raw));
                if (a != b)
                    QFAIL(qPrintable(QStringLiteral("%1 differs for %2\nfacts: %3\nSQL:   %4").arg(QLatin1String(figure), what, QString::fromUtf8(a.left(1500)),
                                                                                                 QString::fromUtf8(b.left(1500)))));
                QVERIFY2(!a.startsWith("ERROR"), a.constData());
            };
            same("dashboard", [&](analytics::RevenueService &s) { return s.dashboard(q); });
            for (const char *g : {"overall", "source", "campaign", "location"})
                same(g, [&](analytics::RevenueService &s) { return s.roi(q, QLatin1String(g)); });
            const QString bucket = QLatin1String(std::array{"day", "week", "month"}[size_t(pick(3))]);
            same("trends", [&](analytics::RevenueService &s) { return s.trends(q, bucket); });
            same("activity", [&](analytics::RevenueService &s) { return s.activityTrends(q, QStringLiteral("week")); });
            for (const char *g : {"cost_type", "source", "campaign", "period"})
                same(g, [&](analytics::RevenueService &s) { return s.costBreakdown(q, QLatin1String(g), bucket); });
            same("forecast", [&](analytics::RevenueService &s) { return s.forecast(q, 12, 3); });
            same("board", [&](analytics::RevenueService &s) { return s.board(q, 5); });
            same("analytics dashboard", [&](analytics::RevenueService &s) { return s.analyticsDashboard(q); });
            same("funnel", [&](analytics::RevenueService &s) { return s.leadFunnel(q); });
            const QString stage = analytics::RevenueService::funnelStages().at(pick(6));
            same("funnel drill-down", [&](analytics::RevenueService &s) { return s.drillDown(q, QStringLiteral("funnel"), QString(), stage); });
            // The leads behind a bar: every figure, grouping and a key it has (or none).
            static const std::array<std::pair<const char *, const char *>, 9> bars{{{"revenue", ""}, {"revenue", "source"}, {"revenue", "campaign"},
                                                                                    {"leads", "location"}, {"leads", "campaign"}, {"costs", ""},
                                                                                    {"costs", "cost_type"}, {"costs", "source"}, {"costs", "location"}}};
            const auto &[figure, groupBy] = bars[size_t(pick(int(bars.size())))];
            QString key;
            const QString g = QLatin1String(groupBy);
            if (g == QLatin1String("source"))
                key = chance(80) ? QLatin1String(kSources[pick(5)]) : QStringLiteral("(none)");
            else if (g == QLatin1String("campaign"))
                key = chance(80) ? QString::number(1 + pick(8)) : QStringLiteral("(none)");
            else if (g == QLatin1String("location"))
                key = chance(50) ? QStringLiteral("Place %1").arg(1 + pick(12)) : chance(50) ? QLatin1String(kCities[pick(5)]) : QStringLiteral("(unknown)");
            else if (g == QLatin1String("cost_type"))
                key = QLatin1String(kTypes[pick(5)]);
            same("drill-down", [&](analytics::RevenueService &s) { return s.drillDown(q, QLatin1String(figure), g, key); });
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Writes of every kind the change log follows.
    void randomWrites()
    {
        insertLeads(150, true);
        insertLeads(20, false);
        for (int i = 0; i < 120; ++i) {
            const QString id = leadIdThatExists();
            switch (pick(9)) {
            case 0: run(QStringLiteral("UPDATE leads SET source = '%1' WHERE id = %2").arg(QLatin1String(kSources[pick(5)]), id)); break;
            case 1: run(QStringLiteral("UPDATE leads SET city = %1 WHERE id = %2").arg(orNull(chance(80), QStringLiteral("'%1'").arg(QLatin1String(kCities[pick(6)]))), id)); break;
            case 2: run(QStringLiteral("UPDATE leads SET location_id = %1 WHERE id = %2").arg(orNull(chance(70), QString::number(1 + pick(12))), id)); break;
            case 3: run(QStringLiteral("UPDATE leads SET assigned_to = %1 WHERE id = %2").arg(orNull(chance(70), QString::number(2 + pick(5))), id)); break;
            case 4: run(QStringLiteral("UPDATE leads SET deleted_at = %1 WHERE id = %2").arg(orNull(chance(50), ts(kNow)), id)); break;
            case 5: run(QStringLiteral("UPDATE leads SET created_at = %1 WHERE id = %2").arg(ts(moment()), id)); break;
            case 6: run(QStringLiteral("UPDATE leads SET deal_stage = %1, deal_value_cents = %2 WHERE id = %3")
                            .arg(orNull(chance(70), QStringLiteral("'%1'").arg(QLatin1String(kStages[pick(7)]))), orNull(chance(70), QString::number(pick(900000))), id));
                break;
            case 7: run(QStringLiteral("UPDATE leads SET expected_close_date = %1 WHERE id = %2")
                            .arg(orNull(chance(70), QStringLiteral("'%1'").arg(kNow.date().addDays(pick(300) - 100).toString(Qt::ISODate))), id));
                break;
            default: run(QStringLiteral("UPDATE leads SET score = score + 1, name = 'Renamed' WHERE id = %1").arg(id)); break; // nothing the figures read
            }
        }
        for (int i = 0; i < 40; ++i) {
            const QString id = leadIdThatExists();
            switch (pick(4)) {
            case 0: run(QStringLiteral("UPDATE leads SET enriched_at = %1 WHERE id = %2").arg(orNull(chance(80), ts(moment())), id)); break;
            case 1: run(QStringLiteral("UPDATE leads SET last_contacted_at = %1 WHERE id = %2").arg(orNull(chance(80), ts(moment())), id)); break;
            case 2: run(QStringLiteral("UPDATE leads SET status = '%1' WHERE id = %2").arg(chance(50) ? QLatin1String("qualified") : QLatin1String("new"), id)); break;
            default: run(QStringLiteral("UPDATE campaign_recipients SET replied_at = %1 WHERE id = (SELECT MIN(id) FROM campaign_recipients WHERE lead_id >= %2)")
                             .arg(orNull(chance(70), ts(moment())), id));
                break;
            }
        }
        insertMessages(40);
        run(QStringLiteral("UPDATE messages SET auto_reply = %1 WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 10)").arg(m_db->boolLiteral(true)));
        run(QStringLiteral("DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id DESC LIMIT 8)"));
        insertStatusChanges(30);
        run(QStringLiteral("DELETE FROM activity_log WHERE id IN (SELECT id FROM activity_log WHERE action = 'lead_status_changed' ORDER BY id LIMIT 5)"));
        // A bulk edit, as the leads page does: many leads in one statement.
        run(QStringLiteral("UPDATE leads SET assigned_to = 3 WHERE id % 17 = %1").arg(pick(17)));
        for (int i = 0; i < 15; ++i)
            run(QStringLiteral("DELETE FROM leads WHERE id = %1").arg(leadIdThatExists()));
        insertConversions(40);
        run(QStringLiteral("UPDATE conversions SET conversion_date = %1, revenue_amount_cents = revenue_amount_cents + 7 WHERE id IN (SELECT id FROM conversions ORDER BY id LIMIT 15)")
                .arg(ts(moment())));
        run(QStringLiteral("UPDATE conversions SET lead_id = %1 WHERE id = (SELECT MAX(id) FROM conversions)").arg(leadIdThatExists()));
        run(QStringLiteral("DELETE FROM conversions WHERE id IN (SELECT id FROM conversions ORDER BY id DESC LIMIT 10)"));
        insertCosts(300);
        run(QStringLiteral("UPDATE costs SET created_at = %1, amount_cents = amount_cents * 2 WHERE id IN (SELECT id FROM costs ORDER BY id LIMIT 30)").arg(ts(moment())));
        run(QStringLiteral("UPDATE costs SET related_entity_type = 'lead', related_entity_id = %1 WHERE id IN (SELECT id FROM costs ORDER BY id DESC LIMIT 5)").arg(leadId()));
        run(QStringLiteral("DELETE FROM costs WHERE id IN (SELECT id FROM costs ORDER BY id LIMIT 40 OFFSET 100)"));
        insertRecipients(60);
        run(QStringLiteral("UPDATE campaign_recipients SET sent_at = %1 WHERE id IN (SELECT id FROM campaign_recipients WHERE sent_at IS NULL ORDER BY id LIMIT 20)")
                .arg(ts(moment())));
        run(QStringLiteral("UPDATE campaign_recipients SET sent_at = NULL WHERE id IN (SELECT id FROM campaign_recipients WHERE sent_at IS NOT NULL ORDER BY id LIMIT 5)"));
        run(QStringLiteral("DELETE FROM campaign_recipients WHERE id IN (SELECT id FROM campaign_recipients ORDER BY id DESC LIMIT 25)"));
        const int gone = 1 + pick(8);
        run(QStringLiteral("DELETE FROM campaigns WHERE id = %1").arg(gone)); // its recipients go with it
        run(QStringLiteral("INSERT INTO campaigns (id, campaign_id, name, status) VALUES (%1, 'again%2', 'Again', 'draft')").arg(gone).arg(m_rng()));
        run(QStringLiteral("UPDATE conversations SET lead_id = %1 WHERE id IN (SELECT id FROM conversations ORDER BY id LIMIT 3)").arg(leadIdThatExists()));
        run(QStringLiteral("DELETE FROM conversations WHERE id = (SELECT MAX(id) FROM conversations)"));
        // Read at the time of each figure: names and groups.
        run(QStringLiteral("UPDATE locations SET name = 'Renamed %1' WHERE id = 3").arg(pick(100)));
        run(QStringLiteral("DELETE FROM location_group_members WHERE group_id = 2 AND location_id = (SELECT MIN(location_id) FROM location_group_members WHERE group_id = 2)"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_otherDb = m_tmp->open(false);
        QVERIFY(m_otherDb);
        QStringList users, locations, members, campaigns;
        for (int u = 1; u <= 6; ++u)
            users << QStringLiteral("(%1, 'u%1@agency.example', 'x', 'User %1', 'user')").arg(u);
        for (int l = 1; l <= 12; ++l)
            locations << QStringLiteral("(%1, '%2', 'city', 'loc%1')").arg(l).arg(l == 5 ? QStringLiteral("Austin") : QStringLiteral("Place %1").arg(l)); // a name a city has too
        for (int l = 1; l <= 12; ++l)
            members << QStringLiteral("(%1, %2)").arg(1 + l % 3).arg(l);
        for (int c = 1; c <= 8; ++c)
            campaigns << QStringLiteral("(%1, 'camp%1', 'Campaign %1', 'completed')").arg(c);
        run(QStringLiteral("INSERT INTO users (id, email, password_hash, name, role) VALUES %1").arg(users.join(u',')));
        run(QStringLiteral("INSERT INTO locations (id, name, kind, code) VALUES %1").arg(locations.join(u',')));
        run(QStringLiteral("INSERT INTO location_groups (id, name) VALUES (1, 'North'), (2, 'South'), (3, 'East')"));
        run(QStringLiteral("INSERT INTO location_group_members (group_id, location_id) VALUES %1").arg(members.join(u',')));
        run(QStringLiteral("INSERT INTO campaigns (id, campaign_id, name, status) VALUES %1").arg(campaigns.join(u',')));
        if (m_db->isPostgres())
            for (const char *t : {"users", "locations", "location_groups", "campaigns"})
                run(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), 100)").arg(QLatin1String(t)));
        insertLeads(4000, true);
        insertConversations(60);
        insertConversions(800);
        insertCosts(8000);
        insertRecipients(900);
        insertMessages(600);
        insertStatusChanges(300);
        run(QStringLiteral("UPDATE leads SET enriched_at = created_at WHERE id % 3 = 0"));
        run(QStringLiteral("UPDATE leads SET last_contacted_at = %1, status = 'contacted' WHERE id % 7 = 0").arg(ts(kNow.addDays(-20))));
        run(QStringLiteral("UPDATE leads SET status = 'qualified' WHERE id % 11 = 0"));
        run(QStringLiteral("UPDATE campaign_recipients SET replied_at = sent_at WHERE id % 5 = 0 AND sent_at IS NOT NULL"));

        m_leads = std::make_unique<leads::LeadService>(m_db, nullptr, m_clock);
        m_otherLeads = std::make_unique<leads::LeadService>(m_otherDb, nullptr, m_clock);
        m_facts = std::make_unique<analytics::RevenueService>(m_db, *m_leads, m_clock);
        m_facts->setRawQueries(false);
        m_raw = std::make_unique<analytics::RevenueService>(m_db, *m_leads, m_clock);
        m_raw->setRawQueries(true);
        m_other = std::make_unique<analytics::RevenueService>(m_otherDb, *m_otherLeads, m_clock);
        m_other->setRawQueries(false);
    }

    void sameFiguresAsTheSql()
    {
        compareFigures(*m_facts, 40);
        const auto size = m_facts->facts().size();
        QVERIFY(size.usable); // the figures above came from the facts, not the SQL again
        QVERIFY(size.leads >= 4000);
        QVERIFY(size.costs > 7000);
        QVERIFY(size.sends > 500);
        QVERIFY(size.memberships > 800);
        compareFigures(*m_other, 5); // loaded now, in the other connection
    }

    void sameFiguresAfterRandomWrites()
    {
        for (int round = 0; round < 3; ++round) {
            randomWrites();
            compareFigures(*m_facts, 15);
            compareFigures(*m_other, 10);
        }
        QVERIFY(m_facts->facts().size().usable);
        QVERIFY(m_other->facts().size().usable);
    }

    void aWriteCommittedMeanwhileIsSeen()
    {
        analytics::Query q;
        q.from = kStart;
        q.to = kNow;
        auto before = m_other->dashboard(q);
        QVERIFY(before.ok());
        {
            storage::Transaction tx(*m_db);
            QVERIFY(tx.isActive());
            run(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, created_at) VALUES ('operating', 123456, 'USD', %1)").arg(ts(kNow.addDays(-3))));
            run(QStringLiteral("INSERT INTO conversions (lead_id, revenue_amount_cents, currency, conversion_date) VALUES (%1, 654321, 'USD', %2)")
                    .arg(leadIdThatExists(), ts(kNow.addDays(-2))));
            // Read from the other connection while the transaction is open: not there yet.
            auto during = m_other->dashboard(q);
            QVERIFY(during.ok());
            QCOMPARE(during->value(QStringLiteral("spend_cents")).toInteger(), before->value(QStringLiteral("spend_cents")).toInteger());
            QVERIFY(tx.commit().ok());
        }
        auto after = m_other->dashboard(q);
        QVERIFY(after.ok());
        QCOMPARE(after->value(QStringLiteral("spend_cents")).toInteger(), before->value(QStringLiteral("spend_cents")).toInteger() + 123456);
        QCOMPARE(text(m_other->dashboard(q)), text(m_raw->dashboard(q)));
    }

    void theChangeLogIsSmall()
    {
        // A bulk write leaves a few rows, not one per row: 1,000 leads in one statement are one
        // run of ids; 2,000 costs on three days are (at most) three days.
        auto rows = [this] {
            auto n = m_db->selectOne(m_db->isPostgres() ? QStringLiteral("SELECT COUNT(*) FROM analytics_changes")
                                                        : QStringLiteral("SELECT (SELECT COUNT(*) FROM analytics_changes) + (SELECT COUNT(*) FROM analytics_days)"));
            return n ? n->value(0).toLongLong() : -1;
        };
        const qint64 before = rows();
        run(m_db->isPostgres() ? QStringLiteral("INSERT INTO leads (name, source, created_at) SELECT 'Bulk', 'csv_import', now() FROM generate_series(1, 1000)")
                               : QStringLiteral("WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 1000) "
                                                "INSERT INTO leads (name, source, created_at) SELECT 'Bulk', 'csv_import', '2026-11-29T10:00:00.000Z' FROM g"));
        QVERIFY2(rows() - before <= 1, qPrintable(QString::number(rows() - before)));
        const qint64 middle = rows();
        run(m_db->isPostgres() ? QStringLiteral("INSERT INTO costs (cost_type, amount_cents, created_at) SELECT 'email', 3, TIMESTAMPTZ '2026-11-20T10:00:00Z' + (i % 3) * INTERVAL '1 day' "
                                                "FROM generate_series(1, 2000) AS s(i)")
                               : QStringLiteral("WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 2000) "
                                                "INSERT INTO costs (cost_type, amount_cents, created_at) SELECT 'email', 3, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-20T10:00:00Z', "
                                                "'+' || (i % 3) || ' days') FROM g"));
        QVERIFY2(rows() - middle <= 3, qPrintable(QString::number(rows() - middle)));
        // And the figures follow them.
        analytics::Query q;
        q.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc());
        q.to = kNow;
        QCOMPARE(text(m_facts->dashboard(q)), text(m_raw->dashboard(q)));
        QCOMPARE(text(m_facts->costBreakdown(q, QStringLiteral("period"), QStringLiteral("day"))), text(m_raw->costBreakdown(q, QStringLiteral("period"), QStringLiteral("day"))));
    }

    void cleanupTestCase()
    {
        m_facts.reset();
        m_raw.reset();
        m_other.reset();
        m_leads.reset();
        m_otherLeads.reset();
        m_otherDb.reset();
        m_db.reset();
        m_tmp.reset();
    }
};

QTEST_GUILESS_MAIN(TestFactStore)
#include "tst_factstore.moc"
