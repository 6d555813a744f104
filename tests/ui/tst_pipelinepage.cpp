// The pipeline board as a salesperson uses it: a column per stage with its deals (the largest
// first), their value and the weighted value in the header; a card dragged to another column
// moves the deal; into won it asks for the amount (nothing moves without one, or with one that is
// not money), into lost for the reason; a change made elsewhere shows without a click.
#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/pipelinepage.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fliptech;

class TestPipelinePage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<engine::Engine> m_engine;
    test::MemorySecretStore m_secrets;
    QTemporaryDir m_dir;

    qint64 lead(const QString &name, const QJsonObject &fields = {})
    {
        QJsonObject all = fields;
        all.insert(QStringLiteral("name"), name);
        auto l = m_engine->leads().create(leads::Actor::system(), all);
        FT_EXPECT(l.ok(), l ? "" : qPrintable(l.error().message));
        return l ? l->value(QStringLiteral("id")).toInteger() : 0;
    }
    QJsonObject stored(qint64 id) { return *m_engine->leads().get(id); }
    static QListWidget *cards(ui::StageColumn *c) { return c->findChild<QListWidget *>(QStringLiteral("cards")); }
    static void drop(ui::StageColumn *onto, qint64 leadId)
    {
        QMimeData data;
        data.setData(QString::fromLatin1(ui::StageColumn::mimeType), QByteArray::number(leadId));
        QWidget *viewport = cards(onto)->viewport();
        const QPointF at(viewport->width() / 2.0, viewport->height() / 2.0);
        QDragEnterEvent enter(at.toPoint(), Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QDropEvent dropped(at, Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropped);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        engine::Engine::Options o;
        o.database = m_tmp->url();
        o.workers = 0;
        o.secrets = &m_secrets;
        o.dataDir = m_dir.path();
        m_engine = std::make_unique<engine::Engine>(o);
        QVERIFY(m_engine->connect().ok() && m_engine->migrate().ok() && m_engine->start().ok());
    }
    void cleanup()
    {
        m_engine.reset();
        m_tmp.reset();
    }

    void columnsCardsAndMoves()
    {
        const qint64 a = lead(QStringLiteral("Acme Plumbing"), {{QStringLiteral("deal_stage"), QStringLiteral("proposal")}, {QStringLiteral("deal_value_cents"), 400000}});
        const qint64 b = lead(QStringLiteral("Bay Bakery"), {{QStringLiteral("deal_stage"), QStringLiteral("proposal")}, {QStringLiteral("deal_value_cents"), 100000}});
        const qint64 c = lead(QStringLiteral("Cole Dental"), {{QStringLiteral("deal_stage"), QStringLiteral("negotiation")}, {QStringLiteral("deal_value_cents"), 250000},
                                                               {QStringLiteral("expected_close_date"), QStringLiteral("2026-12-15")}});
        const qint64 d = lead(QStringLiteral("Dee's Diner"));
        FT_STOP_IF_FAILED();
        ui::PipelinePage page(*m_engine, leads::Actor::system());
        page.resize(1400, 700);
        QStringList asked;
        QString answer;
        page.setAsker([&](const QString &title, const QString &) {
            asked << title;
            return answer;
        });
        // A column per stage of the pipeline, in its order.
        for (const char *stage : {"new", "contacted", "qualified", "proposal", "negotiation", "won", "lost"})
            QVERIFY2(page.column(QLatin1String(stage)), stage);
        ui::StageColumn *proposal = page.column(QStringLiteral("proposal")), *negotiation = page.column(QStringLiteral("negotiation"));
        QCOMPARE(proposal->cardCount(), 2);
        QCOMPARE(proposal->leadAt(0), a); // the largest deal first
        QVERIFY2(proposal->header().contains(QStringLiteral("2 deals")) && proposal->header().contains(QStringLiteral("$5,000.00")) &&
                     proposal->header().contains(QStringLiteral("weighted $2,500.00 at 50 %")),
                 qPrintable(proposal->header()));
        QVERIFY(cards(negotiation)->item(0)->text().contains(QStringLiteral("closes 12/15/26")));

        // Dragged (a drop of its id), then moved directly: into negotiation.
        drop(negotiation, b);
        QTRY_COMPARE(negotiation->cardCount(), 2);
        QCOMPARE(stored(b).value(QStringLiteral("deal_stage")).toString(), QStringLiteral("negotiation"));
        QCOMPARE(page.column(QStringLiteral("proposal"))->cardCount(), 1);
        QVERIFY(page.moveLead(a, QStringLiteral("negotiation")));
        QCOMPARE(negotiation->cardCount(), 3);

        // Won: no amount, not money, then an amount.
        answer.clear();
        QVERIFY(!page.moveLead(c, QStringLiteral("won")));
        QVERIFY(page.message().contains(QStringLiteral("no amount")));
        answer = QStringLiteral("lots");
        QVERIFY(!page.moveLead(c, QStringLiteral("won")));
        QVERIFY2(page.message().startsWith(QStringLiteral("Not moved:")), qPrintable(page.message()));
        QCOMPARE(stored(c).value(QStringLiteral("deal_stage")).toString(), QStringLiteral("negotiation"));
        answer = QStringLiteral("2500.50");
        drop(page.column(QStringLiteral("won")), c);
        QTRY_COMPARE(page.column(QStringLiteral("won"))->cardCount(), 1);
        QCOMPARE(asked.last(), QStringLiteral("Deal won"));
        QCOMPARE(stored(c).value(QStringLiteral("revenue_amount_cents")).toInteger(), qint64(250050));
        QCOMPARE(m_engine->database().selectOne(QStringLiteral("SELECT SUM(revenue_amount_cents) FROM conversions WHERE lead_id = ?"), {c})->value(0).toLongLong(),
                 qint64(250050));
        QVERIFY(cards(page.column(QStringLiteral("won")))->item(0)->text().contains(QStringLiteral("$2,500.50")));
        // Lost: the reason is kept.
        answer = QStringLiteral("Chose a cheaper agency");
        QVERIFY(page.moveLead(b, QStringLiteral("lost")));
        QCOMPARE(asked.last(), QStringLiteral("Deal lost"));
        QCOMPARE(m_engine->database().selectOne(QStringLiteral("SELECT lost_reason FROM leads WHERE id = ?"), {b})->value(0).toString(), QStringLiteral("Chose a cheaper agency"));
        QCOMPARE(page.column(QStringLiteral("lost"))->cardCount(), 1);

        // Changed elsewhere (the API, a teammate): shows within a second.
        QVERIFY(m_engine->leads().update(leads::Actor::system(), d, {{QStringLiteral("deal_stage"), QStringLiteral("qualified")}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(page.column(QStringLiteral("qualified"))->cardCount(), 1, 5000);

        // A double-click opens the lead.
        QSignalSpy opened(&page, &ui::PipelinePage::leadOpened);
        page.show();
        QListWidget *list = cards(page.column(QStringLiteral("qualified")));
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QPoint at = list->visualItemRect(list->item(0)).center();
        QTest::mousePress(list->viewport(), Qt::LeftButton, {}, at); // a view takes a double-click on the item it was pressed on
        QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toLongLong(), d);
    }
};

QTEST_MAIN(TestPipelinePage)
#include "tst_pipelinepage.moc"
