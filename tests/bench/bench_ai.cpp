// AI benchmarks (issue 12). Offline sentiment: 100,000 distinct replies (openings, bodies and
// sign-offs of real-looking answers to a web agency's email, with names, numbers and a quoted
// original of varying length), classified on one thread: messages/s and MB/s (target >= 20,000
// messages/s on one core), and how the labels and intents came out. Then the offline writer:
// 100,000 first emails for distinct leads (drafts/s).
#include "fliptech/ai/offlinewriter.h"
#include "fliptech/ai/sentiment.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdio>

using namespace fliptech::ai;

int main()
{
    static const char *openings[] = {"Hi Sam,", "Hello,", "Thanks for reaching out.", "Hey there", "Good morning Sam,", "", "Sam -", "Dear Sam,"};
    static const char *bodies[] = {
        "Yes we'd be interested, our site is pretty old. What would it cost for %1 pages?",
        "Not interested, thanks. We already have a web guy.",
        "Can we set up a call on Thursday? I'm free after %1pm.",
        "Please remove me from your list.",
        "Who gave you this address? How did you find us?",
        "We redid the site %1 years ago and we're happy with it, but the booking form doesn't work well on phones.",
        "Sounds good, tell me more. Do you do online ordering too?",
        "This is spam. Stop emailing me or I will report you.",
        "I'll pass it on to the owner, he's back on the %1th.",
        "Really impressed with the examples. Send over a quote for %1 locations please.",
        "No thanks, not right now. Maybe in %1 months.",
        "It's too expensive for us, honestly, but the design is nice.",
    };
    static const char *closings[] = {"Thanks, Joe", "Best, Maria", "Sent from my iPhone", "-- \nDana Ruiz\nRuiz Roofing\n(512) 555-0199", "", "Cheers"};
    static const char *quoted = "\n\nOn Mon, Nov 30, 2026 at 9:14 AM Sam Lee <sam@agency.example> wrote:\n> Hi, I had a look at your website and noticed it is not on HTTPS.\n"
                                "> Would you be open to a short call to see what we could do?\n> Best, Sam\n";
    constexpr int n = 100000;
    QList<QString> messages;
    messages.reserve(n);
    qint64 bytes = 0;
    for (int i = 0; i < n; ++i) {
        QString m = QString::fromUtf8(openings[i % 8]) + QLatin1Char('\n')
                    + QString::fromUtf8(bodies[(i / 8) % 12]).replace(QStringLiteral("%1"), QString::number(i % 97 + 2)) + QLatin1Char('\n') + QString::fromUtf8(closings[(i / 96) % 6]);
        if (i % 3 != 0)
            m += QString::fromUtf8(quoted).repeated(1 + i % 3);
        m += QStringLiteral("\n[%1]").arg(i); // every message different
        bytes += m.toUtf8().size();
        messages.append(m);
    }
    QHash<QString, int> labels, intents;
    QElapsedTimer t;
    t.start();
    for (const QString &m : messages) {
        const SentimentResult r = classifySentiment(m);
        ++labels[r.label];
        ++intents[r.intent];
    }
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("| offline sentiment, %d distinct replies (%.1f MB), one thread | measured | target |\n|---|---|---|\n", n, double(bytes) / 1e6);
    std::printf("| messages/s | **%.0f** (%.2f s) | >= 20,000 |\n", n / s, s);
    std::printf("| MB/s | %.1f | |\n", double(bytes) / 1e6 / s);
    std::printf("\nlabels: positive %d, neutral %d, negative %d; intents:", labels.value(QStringLiteral("positive")), labels.value(QStringLiteral("neutral")),
                labels.value(QStringLiteral("negative")));
    for (auto it = intents.begin(); it != intents.end(); ++it)
        std::printf(" %s %d", qPrintable(it.key()), it.value());
    std::printf("\n");

    QList<QJsonObject> leads;
    leads.reserve(n);
    for (int i = 0; i < n; ++i)
        leads.append(QJsonObject{{QStringLiteral("id"), i + 1},
                                 {QStringLiteral("name"), QStringLiteral("Owner %1").arg(i)},
                                 {QStringLiteral("company"), QStringLiteral("Business %1").arg(i)},
                                 {QStringLiteral("city"), i % 2 ? QStringLiteral("Austin") : QString()},
                                 {QStringLiteral("website"), i % 5 ? QStringLiteral("https://b%1.example/").arg(i) : QString()},
                                 {QStringLiteral("website_analysis"), QJsonObject{{QStringLiteral("reachable"), i % 7 != 0},
                                                                                  {QStringLiteral("https"), i % 3 != 0},
                                                                                  {QStringLiteral("viewport"), i % 4 != 0},
                                                                                  {QStringLiteral("copyright_year"), 2010 + i % 16},
                                                                                  {QStringLiteral("title"), QStringLiteral("B")}}}});
    static const char *goals[] = {"introduce", "follow_up", "meeting", "proposal"};
    qint64 chars = 0;
    t.restart();
    for (int i = 0; i < n; ++i)
        chars += writeOfflineEmail(leads[i], QString::fromLatin1(goals[i % 4]), QStringLiteral("friendly"), QStringLiteral("Sam")).body.size();
    const double w = double(t.nsecsElapsed()) / 1e9;
    std::printf("\n| offline writer, %d distinct leads, one thread | measured |\n|---|---|\n| drafts/s | **%.0f** (%.2f s, %.0f chars a draft) |\n", n, n / w, w,
                double(chars) / n);
    return 0;
}
