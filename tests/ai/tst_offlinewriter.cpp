// The offline writer: first emails and reply suggestions without an AI provider, driven by what
// the website analysis found, stable per lead, and always saying where they came from.
#include "fliptech/ai/offlinewriter.h"

#include <QDate>
#include <QJsonArray>
#include <QTest>

using namespace fliptech::ai;

namespace {
QJsonObject lead(qint64 id, const QJsonObject &analysis, const QString &website = QStringLiteral("https://joesplumbing.example/"))
{
    QJsonObject l{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Joe Smith")}, {QStringLiteral("company"), QStringLiteral("Joe's Plumbing")},
                  {QStringLiteral("city"), QStringLiteral("Portland")}};
    if (!website.isEmpty())
        l.insert(QStringLiteral("website"), website);
    if (!analysis.isEmpty())
        l.insert(QStringLiteral("website_analysis"), analysis);
    return l;
}
const int year = QDate::currentDate().year();
} // namespace

class TestOfflineWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QJsonObject>("analysis");
        QTest::addColumn<QStringList>("expected"); // words each finding must contain, in order

        QTest::newRow("down") << QJsonObject{{QStringLiteral("reachable"), false}} << QStringList{QStringLiteral("did not load")};
        QTest::newRow("no https, no viewport, old year")
            << QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("https"), false}, {QStringLiteral("viewport"), false},
                           {QStringLiteral("copyright_year"), year - 6}, {QStringLiteral("title"), QStringLiteral("Joe's")}}
            << QStringList{QStringLiteral("Not secure"), QStringLiteral("phones"), QString::number(year - 6)};
        QTest::newRow("bad certificate") << QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("https"), true}, {QStringLiteral("certificate_valid"), false},
                                                        {QStringLiteral("title"), QStringLiteral("x")}}
                                         << QStringList{QStringLiteral("certificate")};
        QTest::newRow("slow, broken links")
            << QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("load_ms"), 5400}, {QStringLiteral("title"), QStringLiteral("x")},
                           {QStringLiteral("broken_links"), QJsonObject{{QStringLiteral("broken"), QJsonArray{QStringLiteral("/a"), QStringLiteral("/b")}}}}}
            << QStringList{QStringLiteral("5.4 seconds"), QStringLiteral("2 of its links")};
        QTest::newRow("recent year is fine") << QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("copyright_year"), year - 1}, {QStringLiteral("title"), QStringLiteral("x")}}
                                             << QStringList{};
        QTest::newRow("nothing analysed") << QJsonObject{} << QStringList{};
        QTest::newRow("no title") << QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("title"), QString()}} << QStringList{QStringLiteral("no title")};
    }
    void findings()
    {
        QFETCH(QJsonObject, analysis);
        QFETCH(QStringList, expected);
        const QStringList got = findingsInWords(analysis, year, 5);
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY2(got[i].contains(expected[i]), qPrintable(got[i]));
    }

    void email_data()
    {
        QTest::addColumn<QJsonObject>("lead");
        QTest::addColumn<QString>("goal");
        QTest::addColumn<QString>("tone");
        QTest::addColumn<QStringList>("bodyHas");
        QTest::addColumn<QString>("subjectHas");

        const QJsonObject weak{{QStringLiteral("reachable"), true}, {QStringLiteral("https"), false}, {QStringLiteral("viewport"), false}, {QStringLiteral("title"), QStringLiteral("x")}};
        QTest::newRow("introduce, weak site") << lead(7, weak) << "introduce" << "friendly"
                                              << QStringList{QStringLiteral("Hi Joe,"), QStringLiteral("joesplumbing.example"), QStringLiteral("Not secure"), QStringLiteral("phones"), QStringLiteral("Sam Lee")}
                                              << "";
        QTest::newRow("introduce, no site") << lead(8, {}, QString()) << "introduce" << "professional"
                                            << QStringList{QStringLiteral("Dear Joe,"), QStringLiteral("could not find a website"), QStringLiteral("Portland"), QStringLiteral("Kind regards,")}
                                            << "Joe's Plumbing";
        QTest::newRow("introduce, good site") << lead(9, QJsonObject{{QStringLiteral("reachable"), true}, {QStringLiteral("title"), QStringLiteral("x")}}) << "introduce" << "direct"
                                              << QStringList{QStringLiteral("Joe,"), QStringLiteral("refresh"), QStringLiteral("short plan with a price")} << "";
        QTest::newRow("follow up") << lead(10, weak) << "follow_up" << "friendly" << QStringList{QStringLiteral("wrote a few days ago"), QStringLiteral("Not secure")} << "ollow";
        QTest::newRow("meeting") << lead(11, weak) << "meeting" << "friendly" << QStringList{QStringLiteral("15 minutes"), QStringLiteral("in Portland")} << "15 minutes";
        QTest::newRow("proposal") << lead(12, weak) << "proposal" << "professional" << QStringList{QStringLiteral("mobile-first"), QStringLiteral("fixing what holds")}
                                  << "proposal";
        QTest::newRow("defaults") << lead(13, {}) << "" << "" << QStringList{QStringLiteral("Hi Joe,"), QStringLiteral("Best,")} << "";
    }
    void email()
    {
        QFETCH(QJsonObject, lead);
        QFETCH(QString, goal);
        QFETCH(QString, tone);
        QFETCH(QStringList, bodyHas);
        QFETCH(QString, subjectHas);
        const OfflineDraft d = writeOfflineEmail(lead, goal, tone, QStringLiteral("Sam Lee"));
        QVERIFY(!d.subject.isEmpty());
        QVERIFY2(d.subject.contains(subjectHas), qPrintable(d.subject));
        for (const QString &part : bodyHas)
            QVERIFY2(d.body.contains(part), qPrintable(QStringLiteral("'%1' not in:\n%2").arg(part, d.body)));
        QVERIFY(d.notice.contains(QStringLiteral("offline writer")));
        QVERIFY(!d.body.contains(QStringLiteral("{{")));
        // The same lead, the same words.
        QCOMPARE(writeOfflineEmail(lead, goal, tone, QStringLiteral("Sam Lee")).body, d.body);
    }

    void variesAcrossLeads()
    {
        QSet<QString> subjects;
        for (qint64 id = 1; id <= 12; ++id)
            subjects.insert(writeOfflineEmail(lead(id, {}), QStringLiteral("introduce"), QStringLiteral("friendly"), {}).subject);
        QVERIFY(subjects.size() >= 2);
    }

    void leadWithoutAnything()
    {
        const OfflineDraft d = writeOfflineEmail(QJsonObject{}, QStringLiteral("introduce"), QStringLiteral("friendly"), {});
        QVERIFY(d.body.startsWith(QStringLiteral("Hi there,")));
        QVERIFY(d.body.contains(QStringLiteral("your business")));
        QVERIFY(d.body.contains(QStringLiteral("The FlipTech team")));
    }

    // A lead named after its business greets the owner, not "Joe's".
    void greetsThePersonBehindTheBusiness_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("greeting");
        QTest::newRow("possessive") << QStringLiteral("Joe's Plumbing") << QStringLiteral("Hi Joe,");
        QTest::newRow("curly possessive") << QStringLiteral("Ann\u2019s Bakery") << QStringLiteral("Hi Ann,");
        QTest::newRow("a person") << QStringLiteral("Maria Lopez") << QStringLiteral("Hi Maria,");
        QTest::newRow("digits") << QStringLiteral("24/7 Locksmith") << QStringLiteral("Hi there,");
        QTest::newRow("ampersand") << QStringLiteral("A&B Roofing") << QStringLiteral("Hi there,");
    }
    void greetsThePersonBehindTheBusiness()
    {
        QFETCH(QString, name);
        QFETCH(QString, greeting);
        const OfflineDraft d = writeOfflineEmail(QJsonObject{{QStringLiteral("name"), name}}, QStringLiteral("introduce"), QStringLiteral("friendly"), {});
        QVERIFY2(d.body.startsWith(greeting), qPrintable(d.body.left(40)));
    }

    void replies_data()
    {
        QTest::addColumn<QString>("intent");
        QTest::addColumn<QString>("has");
        QTest::newRow("meeting") << "meeting_request" << "Tuesday or Thursday";
        QTest::newRow("interested") << "interested" << "Joe's Plumbing's new website";
        QTest::newRow("question") << "question" << "[Answer here.]";
        QTest::newRow("not interested") << "not_interested" << "I will not follow up";
        QTest::newRow("unsubscribe") << "unsubscribe_request" << "removed from our list";
        QTest::newRow("none") << "none" << "Thank you for your reply";
    }
    void replies()
    {
        QFETCH(QString, intent);
        QFETCH(QString, has);
        const OfflineDraft d = suggestOfflineReply(lead(3, {}), intent, QStringLiteral("Sam"));
        QVERIFY2(d.body.contains(has), qPrintable(d.body));
        QVERIFY(d.body.startsWith(QStringLiteral("Hi Joe,")));
        QVERIFY(d.body.endsWith(QStringLiteral("Sam")));
        QVERIFY(d.notice.contains(QStringLiteral("offline writer")));
    }
};

QTEST_GUILESS_MAIN(TestOfflineWriter)
#include "tst_offlinewriter.moc"
