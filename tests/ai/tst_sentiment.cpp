// The offline sentiment model on real-looking replies to a web agency's cold email: the label
// (positive, neutral, negative) and the intent, negation and "but" included.
#include "fliptech/ai/sentiment.h"

#include <QTest>

using namespace fliptech::ai;

class TestSentiment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("intent");

        QTest::newRow("interested") << "Hi Sam, yes we'd be interested. Our site is pretty old and the phone bookings are a pain. What would it cost?"
                                    << "positive" << "interested";
        QTest::newRow("tell me more") << "Sounds good, tell me more about what you have in mind." << "positive" << "interested";
        QTest::newRow("pricing question") << "How much do you charge for a 5 page site with a booking form?" << "neutral" << "interested";
        QTest::newRow("meeting") << "Thanks for reaching out. Can we set up a call on Thursday afternoon? I'm free after 2pm." << "positive" << "meeting_request";
        QTest::newRow("calendar link") << "Sure, grab a slot on my Calendly and we can talk it through." << "positive" << "meeting_request";
        QTest::newRow("zoom") << "Happy to do a quick Zoom next week if that works for you." << "positive" << "meeting_request";
        QTest::newRow("not interested") << "Not interested, thanks." << "negative" << "not_interested";
        QTest::newRow("no thanks") << "No thanks, we're all set." << "negative" << "not_interested";
        QTest::newRow("already have") << "We already have a web guy who does everything for us." << "negative" << "not_interested";
        QTest::newRow("negated interest") << "Honestly I'm not really interested right now." << "negative" << "not_interested";
        QTest::newRow("happy with ours") << "We're happy with our current website, thank you." << "negative" << "not_interested";
        QTest::newRow("unsubscribe") << "Please remove me from your mailing list." << "negative" << "unsubscribe_request";
        QTest::newRow("stop emailing angry") << "STOP EMAILING ME. This is spam and I will report it." << "negative" << "unsubscribe_request";
        QTest::newRow("opt out") << "opt out" << "negative" << "unsubscribe_request";
        QTest::newRow("curly apostrophe") << "Don\u2019t contact us again." << "negative" << "unsubscribe_request";
        QTest::newRow("question") << "Who gave you my email address?" << "neutral" << "question";
        QTest::newRow("which platform") << "Do you build on WordPress or something else?" << "neutral" << "question";
        QTest::newRow("neutral ack") << "Received. I'll pass it on to the owner." << "neutral" << "none";
        QTest::newRow("negation flips") << "The new design doesn't look good to me." << "negative" << "none";
        QTest::newRow("never bad") << "Your work is never bad, we have heard." << "positive" << "none";
        QTest::newRow("but counts more") << "Nice examples, but it's too expensive for a shop our size." << "negative" << "none";
        QTest::newRow("booster") << "Really impressed with the mockup!" << "positive" << "none";
        QTest::newRow("empty") << "" << "neutral" << "none";
        QTest::newRow("html left over") << "<p>&nbsp;</p>" << "neutral" << "none";
        QTest::newRow("quoted pitch ignored") << "Who is this?\n\nOn Mon, Nov 30, 2026 at 9:14 AM Sam Lee <sam@agency.example> wrote:\n> Would you be open to a short "
                                                 "call? Let's talk next week, it would be great.\n"
                                              << "neutral" << "question";
        QTest::newRow("outlook quote ignored") << "No.\r\n\r\n-----Original Message-----\r\nFrom: Sam Lee\r\nSubject: Interested in a new website?\r\n\r\nWe'd love to help."
                                               << "negative" << "none";
        QTest::newRow("other language") << "Merci, mais nous avons d\u00e9j\u00e0 un site." << "neutral" << "none";
    }
    void classify()
    {
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(QString, intent);
        const SentimentResult r = classifySentiment(text);
        QVERIFY2(r.label == label, qPrintable(QStringLiteral("label %1 (score %2)").arg(r.label).arg(r.score)));
        QCOMPARE(r.intent, intent);
        QVERIFY(r.score >= -1 && r.score <= 1);
        QVERIFY(r.confidence > 0 && r.confidence <= 1);
    }

    void replyPart_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reply");
        QTest::newRow("gmail") << "Sure.\n\nOn Tue, Dec 1, 2026 at 10:02 AM Sam <s@a.example> wrote:\n> hi" << "Sure.\n";
        QTest::newRow("wrapped attribution") << "Sure.\nOn Tue, Dec 1, 2026 at 10:02 AM Sam Lee\n<s@a.example> wrote:\n> hi" << "Sure.";
        QTest::newRow("plain quote") << "Yes\n> hi" << "Yes";
        QTest::newRow("outlook") << "Ok\r\n________________________________\r\nFrom: Sam" << "Ok\r";
        QTest::newRow("german") << "Ja\nAm 1.12.2026 schrieb Sam:\nOn 1.12. Sam schrieb:\n> x" << "Ja\nAm 1.12.2026 schrieb Sam:";
        QTest::newRow("no quote") << "Just this." << "Just this.";
        QTest::newRow("all quote") << "> only a quote" << "> only a quote";
        QTest::newRow("on its own line, not an attribution") << "Call me.\nOn Friday I am free." << "Call me.\nOn Friday I am free.";
    }
    void replyPart()
    {
        QFETCH(QString, text);
        QFETCH(QString, reply);
        QCOMPARE(fliptech::ai::replyPart(text).toString(), reply);
    }

    void scoreOrdersByStrength()
    {
        // Stronger words, stronger score; a negated positive sits below the plain one.
        const double good = classifySentiment(u"This looks good.").score;
        const double great = classifySentiment(u"This looks really great, excellent work!").score;
        const double notGood = classifySentiment(u"This does not look good.").score;
        QVERIFY(great > good);
        QVERIFY(good > 0);
        QVERIFY(notGood < 0);
    }

    void quotedThreadDoesNotCrashOrHang()
    {
        // A long reply with the whole thread quoted below it: read up to its first 20,000
        // characters, and in well under a second.
        QString text = QStringLiteral("Yes please, send the quote.\n");
        for (int i = 0; i < 5000; ++i)
            text += QStringLiteral("> On Mon, Sam wrote: we build fast websites for local businesses.\n");
        const SentimentResult r = classifySentiment(text);
        QCOMPARE(r.intent, QStringLiteral("interested"));
    }
};

QTEST_GUILESS_MAIN(TestSentiment)
#include "tst_sentiment.moc"
