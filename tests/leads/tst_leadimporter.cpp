#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/database.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

// JSON written as JSON in the source: J({"a": 1}) is the string "{\"a\": 1}".
#define J(...) #__VA_ARGS__

using namespace fliptech;
using core::ErrorCode;
using leads::ImportOptions;

class TestLeadImporter final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    test::FakeClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<leads::LeadService> m_leads;
    std::unique_ptr<leads::FileStore> m_files;
    std::unique_ptr<leads::LeadImporter> m_importer;
    leads::Actor m_actor{std::nullopt, true, {}, {}};

    QString write(const QByteArray &bytes)
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("in%1.csv").arg(++n));
        QFile f(path);
        FT_EXPECT(f.open(QIODevice::WriteOnly), "f.open(QIODevice::WriteOnly)");
        f.write(bytes);
        return path;
    }
    int leadCount() { return m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads"))->value(0).toInt(); }
    void wipe()
    {
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM leads")).ok());
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM tags")).ok());
    }
    core::Result<leads::ImportReport> import(const QByteArray &bytes, const char *options = "{}")
    {
        auto o = ImportOptions::fromJson(QJsonDocument::fromJson(options).object());
        if (!o)
            return o.error();
        m_clock.advance(1000);
        return m_importer->run(m_actor, write(bytes), *o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_leads = std::make_unique<leads::LeadService>(m_db, nullptr, m_clock);
        m_files = std::make_unique<leads::FileStore>(m_db, m_dir.filePath(QStringLiteral("files")), m_clock);
        m_importer = std::make_unique<leads::LeadImporter>(m_db, *m_leads, *m_files, m_clock);
    }
    void init() { wipe(); }

    void previewSuggestsAMapping()
    {
        auto p = m_importer->preview(write("Business Name;E-mail Address;Phone Number;Web Site;Town;Zip\n"
                                           "Able;ann@able.example;512 555 0101;able.example;Austin;78701\n"));
        FT_STOP_IF_FAILED();
        QVERIFY(p.ok());
        QCOMPARE(p->delimiter, ';');
        QCOMPARE(p->rows.size(), 1);
        const QJsonObject m = p->suggestedMapping;
        QCOMPARE(m.value(QStringLiteral("Business Name")).toString(), QStringLiteral("company"));
        QCOMPARE(m.value(QStringLiteral("E-mail Address")).toString(), QStringLiteral("email"));
        QCOMPARE(m.value(QStringLiteral("Phone Number")).toString(), QStringLiteral("phone"));
        QCOMPARE(m.value(QStringLiteral("Web Site")).toString(), QStringLiteral("website"));
        QCOMPARE(m.value(QStringLiteral("Town")).toString(), QStringLiteral("city"));
        QCOMPARE(m.value(QStringLiteral("Zip")).toString(), QStringLiteral("postal_code"));
    }

    void importsNormalisedLeads()
    {
        auto r = import("Full Name,Company,Email,Phone,Website,Country,Tags\n"
                        "\"Dr. Jane A. Doe\",\"Doe, Sons & Co\",Jane@Doe.Example,(512) 555-0101,https://www.doe.example/x,US,\"hot, plumber\"\n"
                        "Hans Meier,Meier GmbH,hans@meier.example,030 1234567,meier.example,DE,\n",
                        J({"tags":["spring-import"]}));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->imported, 2);
        QCOMPARE(r->rejected, 0);
        auto jane = m_db->selectOne(QStringLiteral("SELECT first_name, last_name, email, phone, website_domain, company, source FROM leads WHERE name = ?"),
                                    {QStringLiteral("Dr. Jane A. Doe")});
        QVERIFY(jane.ok());
        QCOMPARE(jane->value(0).toString(), QStringLiteral("Jane"));
        QCOMPARE(jane->value(1).toString(), QStringLiteral("Doe"));
        QCOMPARE(jane->value(2).toString(), QStringLiteral("jane@doe.example"));
        QCOMPARE(jane->value(3).toString(), QStringLiteral("+15125550101"));
        QCOMPARE(jane->value(4).toString(), QStringLiteral("doe.example"));
        QCOMPARE(jane->value(5).toString(), QStringLiteral("Doe, Sons & Co"));
        QCOMPARE(jane->value(6).toString(), QStringLiteral("csv_import"));
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT phone FROM leads WHERE name = 'Hans Meier'"))->value(0).toString(), QStringLiteral("+49301234567"));
        // Tags: the import's own on both, the row's on Jane only.
        auto tagged = m_db->select(QStringLiteral("SELECT t.name, count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id GROUP BY t.name ORDER BY t.name"));
        QStringList got;
        for (const auto &row : *tagged)
            got << row.value(0).toString() + u'=' + row.value(1).toString();
        QCOMPARE(got, (QStringList{QStringLiteral("hot=1"), QStringLiteral("plumber=1"), QStringLiteral("spring-import=2")}));
        // Search sees imported leads at once.
        leads::SearchService search(m_db);
        QCOMPARE(search.search(QStringLiteral("meier"), QStringLiteral("leads"))->size(), 1);
    }

    void uglyFilesGiveAClearReport_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("imported");
        QTest::addColumn<int>("rejected");
        QTest::addColumn<QString>("reason"); // of the first rejected row, or the file error
        QTest::newRow("quoted newlines") << QByteArray("name,description\n\"Ann\",\"line one\nline two\"\nBob,x\n") << 2 << 0 << "";
        QTest::newRow("bom + crlf") << QByteArray("\xEF\xBB\xBFname,email\r\nAnn,ann@a.example\r\n") << 1 << 0 << "";
        QTest::newRow("windows-1252") << QByteArray("name,city\nJos\xE9,M\xFCnchen\n") << 1 << 0 << "";
        QTest::newRow("ragged rows") << QByteArray("name,email,city\nAnn\nBob,b@b.example,Austin,EXTRA\nCat,c@c.example,,\n") << 2 << 1
                                     << "the row has 4 fields but the header has 3";
        QTest::newRow("bad email") << QByteArray("name,email\nAnn,not-an-email\nBob,bob@b.example\n") << 1 << 1 << "email 'not-an-email' is not a valid address";
        QTest::newRow("no identity") << QByteArray("name,city\n,Austin\n") << 0 << 1 << "the row has no name, company, email, phone or website";
        QTest::newRow("bad number") << QByteArray("name,score\nAnn,lots\n") << 0 << 1 << "score 'lots' is not a whole number";
        QByteArray huge("name,description\nAnn,ok\nBob,\"");
        huge += QByteArray(5 * 1024 * 1024, 'y');
        huge += "\"\nCat,fine\n";
        QTest::newRow("5 MiB field") << huge << 2 << 1 << "field 2 is longer than 1024 KiB";
        QTest::newRow("unclosed quote") << QByteArray("name,description\nAnn,ok\nBob,\"never closed\n") << 1 << 1 << "is never closed";
        QTest::newRow("quote swallowing lines") << QByteArray("name,email\n\"Unclosed,a@example.com\nB,b@example.com\nC\"x\",c@example.com\nD,d@example.com\n")
                                                << 1 << 1 << "the quote opened on line 2 is not closed before line 4";
        QTest::newRow("empty file") << QByteArray() << 0 << 0 << "the file is empty";
        QTest::newRow("header only") << QByteArray("name,email\n") << 0 << 0 << "";
        QTest::newRow("binary junk") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16) << 0 << 0 << "binary data";
        QTest::newRow("nothing identifying mapped") << QByteArray("colour,size\nred,xl\n") << 0 << 0 << "map at least one of";
    }
    void uglyFilesGiveAClearReport()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, imported);
        QFETCH(int, rejected);
        QFETCH(QString, reason);
        auto r = import(bytes);
        if (!r.ok()) {
            QVERIFY2(!reason.isEmpty() && r.error().message.contains(reason), qPrintable(r.error().codeName() + u' ' + r.error().message));
            QCOMPARE(leadCount(), 0); // nothing half-imported
            return;
        }
        QCOMPARE(r->imported, imported);
        QCOMPARE(r->rejected, rejected);
        QCOMPARE(leadCount(), imported);
        if (rejected) {
            QVERIFY2(r->rejectedSample.first().toObject().value(QStringLiteral("reason")).toString().contains(reason),
                     qPrintable(r->rejectedSample.first().toObject().value(QStringLiteral("reason")).toString()));
            auto file = m_files->get(r->rejectedFileId);
            QVERIFY(file.ok());
            QFile f(file->path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            leads::CsvReader reader(&f);
            QVERIFY(reader.open().ok());
            QVERIFY(reader.next());
            QCOMPARE(reader.fields().mid(0, 2), (QStringList{QStringLiteral("row"), QStringLiteral("reason")}));
            int rows = 0;
            while (reader.next()) {
                ++rows;
                QVERIFY(reader.fields().value(0).toInt() > 1); // the row's line in the uploaded file
            }
            QCOMPARE(rows, rejected);
        } else {
            QCOMPARE(r->rejectedFileId, 0);
        }
    }

    void utf16File()
    {
        QStringEncoder enc(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        auto r = import(enc.encode(QStringLiteral("name\temail\nJosé Núñez\tjose@nunez.example\n")));
        QVERIFY(r.ok());
        QCOMPARE(r->encoding, QStringLiteral("UTF-16LE"));
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT name FROM leads"))->value(0).toString(), QStringLiteral("José Núñez"));
    }

    void dedupeWithinTheFileAndAgainstExisting_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("imported");
        QTest::addColumn<int>("updated");
        QTest::addColumn<int>("existing");
        QTest::addColumn<int>("leads");
        QTest::newRow("skip") << "skip" << 1 << 0 << 2 << 3;
        QTest::newRow("update") << "update" << 1 << 2 << 0 << 3;
        QTest::newRow("create") << "create" << 4 << 0 << 0 << 6;
    }
    void dedupeWithinTheFileAndAgainstExisting()
    {
        QFETCH(QString, mode);
        QFETCH(int, imported);
        QFETCH(int, updated);
        QFETCH(int, existing);
        QFETCH(int, leads);
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Old Ann","email":"ann@a.example"})).object()).ok());
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Old Bob","website":"bob.example"})).object()).ok());
        const QByteArray csv("name,email,phone,website,city\n"
                             "Ann New,ANN@a.example,,,Austin\n"          // existing by email
                             "Bob New,,,https://www.bob.example/,Dallas\n" // existing by domain
                             "Cat,cat@c.example,512-555-0100,,Waco\n"     // new
                             "Cat again,,(512) 555 0100,,Waco\n");       // same phone as Cat: duplicate within the file
        auto r = import(csv, QStringLiteral(J({"on_duplicate":"%1"})).arg(mode).toUtf8().constData());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->imported, imported);
        QCOMPARE(r->updated, updated);
        QCOMPARE(r->duplicatesExisting, existing);
        QCOMPARE(r->duplicatesInFile, mode == QLatin1String("create") ? 0 : 1);
        QCOMPARE(leadCount(), leads);
        if (mode == QLatin1String("update")) {
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT city FROM leads WHERE email = 'ann@a.example'"))->value(0).toString(), QStringLiteral("Austin"));
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = 'lead_updated'"))->value(0).toInt(), 2);
        }
    }

    void duplicatesInALargeFile()
    {
        // Enough keys that the table of seen keys grows several times; the second half repeats
        // the first half's e-mails (in other case) or phones (in other formatting).
        QByteArray csv("name,email,phone\n");
        for (int i = 0; i < 4000; ++i)
            csv += "First " + QByteArray::number(i) + ",person" + QByteArray::number(i) + "@big.example,\n";
        for (int i = 0; i < 4000; ++i)
            csv += "Again " + QByteArray::number(i) + ",PERSON" + QByteArray::number(i) + "@Big.Example,\n";
        csv += "Phone One,,(512) 555-0199\nPhone Two,,+1 512 555 0199\n";
        auto r = import(csv);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->rows, 8002);
        QCOMPARE(r->duplicatesInFile, 4001);
        QCOMPARE(r->imported, 4001);
        QCOMPARE(leadCount(), 4001);
    }

    void cancelledImportLeavesNothing()
    {
        QByteArray csv("name,email\n");
        for (int i = 0; i < 20000; ++i)
            csv += "Lead " + QByteArray::number(i) + ",lead" + QByteArray::number(i) + "@x.example\n";
        auto o = ImportOptions::fromJson({});
        int calls = 0;
        auto r = m_importer->run(m_actor, write(csv), *o, {}, [&] { return ++calls >= 3; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(leadCount(), 0);
        // Whatever the import did to keep the search index current is undone with it: a lead
        // written afterwards is found at once.
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Quentin Quail"})).object()).ok());
        leads::SearchService search(m_db);
        QCOMPARE(search.search(QStringLiteral("quail"), QStringLiteral("leads"))->size(), 1);
        wipe();
        // The same file imports whole when not cancelled.
        auto again = m_importer->run(m_actor, write(csv), *o);
        FT_STOP_IF_FAILED();
        QVERIFY(again.ok());
        QCOMPARE(again->imported, 20000);
        QCOMPARE(leadCount(), 20000);
        QCOMPARE(search.search(QStringLiteral("lead19999"), QStringLiteral("leads"))->size(), 1);
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Rita Raven"})).object()).ok());
        QCOMPARE(search.search(QStringLiteral("raven"), QStringLiteral("leads"))->size(), 1);
    }

    void cancelAfterCommittedChunksRemovesThem()
    {
        // SQLite commits every 20,000 rows; a cancel after two chunks must still leave nothing.
        QByteArray csv("name,email\n");
        for (int i = 0; i < 45000; ++i)
            csv += "Chunk " + QByteArray::number(i) + ",chunk" + QByteArray::number(i) + "@x.example\n";
        auto o = ImportOptions::fromJson({});
        int calls = 0;
        auto r = m_importer->run(m_actor, write(csv), *o, {}, [&] { return ++calls >= 21; }); // checked every 2,048 rows
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(leadCount(), 0);
        leads::SearchService search(m_db);
        QCOMPARE(search.search(QStringLiteral("chunk1"), QStringLiteral("leads"))->size(), 0);
        if (!m_db->isPostgres()) // the search index lost the removed rows too
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'chunk1*'"))->value(0).toInt(), 0);
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"After Chunks"})).object()).ok());
        QCOMPARE(search.search(QStringLiteral("after chunks"), QStringLiteral("leads"))->size(), 1);
    }

    QStringList leadIndexes()
    {
        QStringList out;
        // Name and definition of every index but the primary key (valid ones, on PostgreSQL).
        auto rows = m_db->select(m_db->isPostgres()
                                     ? QStringLiteral("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                                                      "WHERE i.indrelid = 'leads'::regclass AND NOT i.indisprimary AND i.indisvalid ORDER BY c.relname")
                                     : QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL ORDER BY name"));
        for (const auto &r : *rows)
            out << r.value(0).toString() + u' ' + r.value(1).toString();
        return out;
    }
    int found(const QString &query)
    {
        leads::SearchService search(m_db);
        auto hits = search.search(query, QStringLiteral("leads"));
        return hits ? int(hits->size()) : -1;
    }

    void bulkLoadBuildsIndexesAfterwards()
    {
        const bool pg = m_db->isPostgres();
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Existing Owl","city":"Austin"})).object()).ok());
        const QStringList before = leadIndexes();
        QVERIFY(before.size() > 10);
        m_importer->setBulkLoadRows(1000);
        bool queued = false;
        m_importer->setOnDeferredIndexing([&] { queued = true; });
        auto restore = qScopeGuard([&] {
            m_importer->setBulkLoadRows(50000);
            m_importer->setOnDeferredIndexing({});
        });
        QByteArray csv("name,email,city\n");
        for (int i = 0; i < 5000; ++i)
            csv += "Bulk " + QByteArray::number(i) + ",bulk" + QByteArray::number(i) + "@x.example,Dallas\n";
        auto r = import(csv);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->imported, 5000);
        QVERIFY(r->indexingDeferred);
        QVERIFY(r->toJson().value(QStringLiteral("indexing_deferred")).toBool());
        QVERIFY(queued);

        // The rows are in and usable; only the unique key was kept; search does not know them yet.
        leads::LeadIndexing indexing(m_db);
        auto state = indexing.state();
        QVERIFY(state.ok());
        QCOMPARE(state->indexes, before.size() - 1);
        QCOMPARE(state->searchBacklog, 5000);
        QCOMPARE(leadIndexes().size(), 1);
        QVERIFY(leadIndexes().first().startsWith(QStringLiteral("leads_source_key ")));
        QCOMPARE(leadCount(), 5001);
        QCOMPARE(found(QStringLiteral("bulk4999")), 0);
        QCOMPARE(found(QStringLiteral("owl")), 1);

        // Changed and deleted before their turn: the search index is not corrupted by removing
        // entries it never had, and ends up with the current values.
        const qint64 renamed = m_db->selectOne(QStringLiteral("SELECT id FROM leads WHERE name = 'Bulk 10'"))->value(0).toLongLong();
        QVERIFY(m_leads->update(m_actor, renamed, QJsonDocument::fromJson(J({"name":"Renamed Heron"})).object()).ok());
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM leads WHERE name = 'Bulk 11'")).ok());
        // A lead written meanwhile is searchable at once.
        QVERIFY(m_leads->create(m_actor, QJsonDocument::fromJson(J({"name":"Meanwhile Wren"})).object()).ok());
        QCOMPARE(found(QStringLiteral("wren")), 1);

        // Paused after its first step, then resumed: all indexes back, every lead searchable.
        int steps = 0;
        auto paused = indexing.run({}, [&] { return ++steps > 1; });
        QCOMPARE(paused.error().code, ErrorCode::Cancelled);
        QCOMPARE(indexing.state()->indexes, before.size() - 2);
        qint64 lastDone = -1, lastTotal = -1;
        auto done = indexing.run([&](qint64 d, qint64 t) {
            QVERIFY(d >= lastDone);
            lastDone = d;
            lastTotal = t;
        });
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QVERIFY(!done->pending());
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(leadIndexes(), before);
        QCOMPARE(found(QStringLiteral("bulk4999")), 1);
        QCOMPARE(found(QStringLiteral("heron")), 1);
        QCOMPARE(found(QStringLiteral("wren")), 1);
        if (!pg) {
            QVERIFY(m_db->executeRaw(QStringLiteral("INSERT INTO leads_fts (leads_fts) VALUES ('integrity-check')")).ok());
            // By its e-mail, which did not change; the deleted lead has no entry left behind.
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT group_concat(rowid) FROM leads_fts WHERE leads_fts MATCH 'bulk10'"))->value(0).toLongLong(), renamed);
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'bulk11'"))->value(0).toInt(), 0);
        } else {
            // One document per lead (the renamed one current, the deleted one gone).
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM lead_search"))->value(0).toLongLong(), leadCount());
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM lead_search WHERE document @@ to_tsquery('simple', 'bulk10')"))
                         ->value(0).toLongLong(), 1);
            QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM lead_search WHERE document @@ to_tsquery('simple', 'bulk11')"))
                         ->value(0).toLongLong(), 0);
        }

        // A small import into the now larger table keeps its indexes live.
        auto small = import("name\nSmall Finch\n");
        QVERIFY(small.ok());
        QVERIFY(!small->indexingDeferred);
        QCOMPARE(leadIndexes(), before);
        QCOMPARE(found(QStringLiteral("finch")), 1);
    }

    void failedBulkLoadLeavesNothing()
    {
        const QStringList before = leadIndexes();
        m_importer->setBulkLoadRows(1000);
        auto restore = qScopeGuard([&] { m_importer->setBulkLoadRows(50000); });
        QByteArray csv("name,email\n");
        for (int i = 0; i < 45000; ++i)
            csv += "Gone " + QByteArray::number(i) + ",gone" + QByteArray::number(i) + "@x.example\n";
        auto o = ImportOptions::fromJson({});
        int calls = 0;
        bool queued = false;
        m_importer->setOnDeferredIndexing([&] { queued = true; });
        auto noCallback = qScopeGuard([&] { m_importer->setOnDeferredIndexing({}); });
        // SQLite: after two committed chunks; PostgreSQL: in the middle of its COPY.
        auto r = m_importer->run(m_actor, write(csv), *o, {}, [&] { return ++calls >= 21; });
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(leadCount(), 0);
        // What the load deferred is built back by the next indexing run, queued at once.
        QVERIFY(queued);
        leads::LeadIndexing indexing(m_db);
        QVERIFY(indexing.state()->pending());
        QVERIFY(indexing.run().ok());
        QCOMPARE(leadIndexes(), before);
        if (!m_db->isPostgres())
            QVERIFY(m_db->executeRaw(QStringLiteral("INSERT INTO leads_fts (leads_fts) VALUES ('integrity-check')")).ok());
        QCOMPARE(found(QStringLiteral("gone1")), 0);
    }

    void rowTagsLandOnTheirRows_data()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("live indexes") << false;
        QTest::newRow("bulk load") << true;
    }
    void rowTagsLandOnTheirRows()
    {
        QFETCH(bool, bulk);
        m_importer->setBulkLoadRows(bulk ? 1000 : 50000);
        auto restore = qScopeGuard([&] { m_importer->setBulkLoadRows(50000); });
        QByteArray csv("name,email,tags\n");
        for (int i = 0; i < 3000; ++i)
            csv += "Tagged " + QByteArray::number(i) + ",tagged" + QByteArray::number(i) + "@x.example,\"" + (i % 2 ? "odd" : "even") + "; " +
                   (i % 3 ? "hot" : "HOT") + "\"\n";
        auto r = import(csv);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->imported, 3000);
        QCOMPARE(r->indexingDeferred, bulk);
        auto count = [&](const char *tag) {
            return m_db->selectOne(QStringLiteral("SELECT count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE t.name = ?"),
                                   {QString::fromLatin1(tag)})->value(0).toInt();
        };
        QCOMPARE(count("odd"), 1500);
        QCOMPARE(count("even"), 1500);
        // "hot" and "HOT" are one tag (names are unique case-insensitively).
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM tags WHERE lower(name) = 'hot'"))->value(0).toInt(), 1);
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lower(t.name) = 'hot'"))
                     ->value(0).toInt(), 3000);
        // Each on its own row: lead 7 is odd, lead 8 even.
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id JOIN leads l ON l.id = lt.lead_id "
                                                "WHERE l.name = 'Tagged 7' AND t.name IN ('odd', 'even')"))->value(0).toString(), QStringLiteral("odd"));
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id JOIN leads l ON l.id = lt.lead_id "
                                                "WHERE l.name = 'Tagged 8' AND t.name IN ('odd', 'even')"))->value(0).toString(), QStringLiteral("even"));
        if (bulk)
            QVERIFY(leads::LeadIndexing(m_db).run().ok());
    }

    void databaseFailureRollsBackEverything()
    {
        // source_id is unique per source: the second row collides inside the import itself.
        auto r = import("name,source_id\nAnn,dup\nBob,dup\n", J({"on_duplicate":"create"}));
        QVERIFY(!r.ok());
        QCOMPARE(leadCount(), 0);
    }

    void badOptions_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown option") << J({"colour":1}) << "colour";
        QTest::newRow("bad target") << J({"mapping":{"Name":"password_hash"}}) << "mapping.Name";
        QTest::newRow("bad country") << J({"default_country":"XX"}) << "default_country";
        QTest::newRow("bad dedupe key") << J({"dedupe_keys":["name"]}) << "dedupe_keys";
        QTest::newRow("bad mode") << J({"on_duplicate":"merge"}) << "on_duplicate";
    }
    void badOptions()
    {
        QFETCH(QString, options);
        QFETCH(QString, field);
        auto o = ImportOptions::fromJson(QJsonDocument::fromJson(options.toUtf8()).object());
        QVERIFY(!o.ok());
        QVERIFY2(o.error().details.contains(field), qPrintable(QString::fromUtf8(QJsonDocument(o.error().details).toJson())));
    }

    void mappingNamesAMissingColumn()
    {
        auto r = import("name,email\nAnn,a@a.example\n", J({"mapping":{"Name":"full_name","E-mail":"email"}}));
        QVERIFY(!r.ok());
        QVERIFY(r.error().details.contains(QStringLiteral("mapping.Name")) || r.error().details.contains(QStringLiteral("mapping.E-mail")));
        QCOMPARE(leadCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLeadImporter)
#include "tst_leadimporter.moc"
#include "testenv.h"
