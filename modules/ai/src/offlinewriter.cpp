#include "fliptech/ai/offlinewriter.h"

#include <QDate>
#include <QJsonArray>
#include <QStringList>

namespace fliptech::ai {

namespace {

const QString notice = QStringLiteral("Written by the offline writer (no AI provider was used): read it over before you send it.");

// Whom to greet: first_name, else the first word of the name — a business named after its owner
// ("Joe's Plumbing") greets Joe; a word that is no one's name (digits, "&") greets no one.
QString firstName(const QJsonObject &lead)
{
    QString name = lead.value(QStringLiteral("first_name")).toString().trimmed();
    if (!name.isEmpty())
        return name;
    name = lead.value(QStringLiteral("name")).toString().trimmed().section(QLatin1Char(' '), 0, 0);
    for (const QString &possessive : {QStringLiteral("'s"), QStringLiteral("\u2019s")})
        if (name.endsWith(possessive, Qt::CaseInsensitive))
            name.chop(possessive.size());
    for (const QChar c : std::as_const(name))
        if (!c.isLetter() && c != u'-' && c != u'.')
            return {};
    return name;
}

QString businessOf(const QJsonObject &lead)
{
    for (const char *f : {"company", "business_name", "title", "name"}) {
        const QString v = lead.value(QLatin1String(f)).toString().trimmed();
        if (!v.isEmpty())
            return v.left(80);
    }
    return QObject::tr("your business");
}

QString siteOf(const QJsonObject &lead)
{
    QString site = lead.value(QStringLiteral("website")).toString().trimmed();
    site.remove(QStringLiteral("https://")).remove(QStringLiteral("http://"));
    while (site.endsWith(QLatin1Char('/')))
        site.chop(1);
    return site;
}

int pick(const QJsonObject &lead, int n)
{
    const qint64 id = lead.value(QStringLiteral("id")).toInteger();
    return n <= 0 ? 0 : int((id * 2654435761LL) % n + n) % n;
}

} // namespace

QStringList findingsInWords(const QJsonObject &analysis, int currentYear, int limit)
{
    QStringList out;
    if (analysis.isEmpty())
        return out;
    if (analysis.contains(QStringLiteral("reachable")) && !analysis.value(QStringLiteral("reachable")).toBool())
        out << QStringLiteral("the site did not load when I tried it");
    if (analysis.contains(QStringLiteral("https")) && !analysis.value(QStringLiteral("https")).toBool())
        out << QStringLiteral("it is not on HTTPS, so browsers mark it \"Not secure\"");
    else if (analysis.contains(QStringLiteral("certificate_valid")) && !analysis.value(QStringLiteral("certificate_valid")).toBool())
        out << QStringLiteral("its security certificate is not valid, so visitors get a warning");
    if (analysis.contains(QStringLiteral("viewport")) && !analysis.value(QStringLiteral("viewport")).toBool())
        out << QStringLiteral("it does not adapt to phones, where most of your visitors are");
    const int year = analysis.value(QStringLiteral("copyright_year")).toInt();
    if (year > 1990 && currentYear - year >= 3)
        out << QStringLiteral("the footer still says %1, so it looks unattended").arg(year);
    const qint64 load = analysis.value(QStringLiteral("load_ms")).toInteger();
    if (load >= 3000)
        out << QStringLiteral("it took %1 seconds to load").arg(QString::number(double(load) / 1000.0, 'f', 1));
    const QJsonArray broken = analysis.value(QStringLiteral("broken_links")).toObject().value(QStringLiteral("broken")).toArray();
    if (!broken.isEmpty())
        out << (broken.size() == 1 ? QStringLiteral("one of its links is broken") : QStringLiteral("%1 of its links are broken").arg(broken.size()));
    if (analysis.value(QStringLiteral("flash")).toBool())
        out << QStringLiteral("it still uses Flash, which no browser plays any more");
    if (analysis.value(QStringLiteral("title")).toString().trimmed().isEmpty() && analysis.value(QStringLiteral("reachable")).toBool())
        out << QStringLiteral("its pages have no title, so search engines show it poorly");
    return out.mid(0, limit);
}

OfflineDraft writeOfflineEmail(const QJsonObject &lead, const QString &goalIn, const QString &toneIn, const QString &senderName)
{
    const QString goal = goalIn.isEmpty() ? QStringLiteral("introduce") : goalIn;
    const QString tone = toneIn.isEmpty() ? QStringLiteral("friendly") : toneIn;
    const QString name = firstName(lead);
    const QString business = businessOf(lead);
    const QString site = siteOf(lead);
    const QString city = lead.value(QStringLiteral("city")).toString().trimmed();
    const QJsonObject analysis = lead.value(QStringLiteral("website_analysis")).toObject();
    const QStringList problems = findingsInWords(analysis, QDate::currentDate().year());

    const QString greeting = tone == QLatin1String("professional") ? (name.isEmpty() ? QStringLiteral("Hello,") : QStringLiteral("Dear %1,").arg(name))
                             : tone == QLatin1String("direct")     ? (name.isEmpty() ? QStringLiteral("Hi,") : QStringLiteral("%1,").arg(name))
                                                                   : (name.isEmpty() ? QStringLiteral("Hi there,") : QStringLiteral("Hi %1,").arg(name));
    const QString signoff = tone == QLatin1String("professional") ? QStringLiteral("Kind regards,") : QStringLiteral("Best,");

    OfflineDraft d;
    d.notice = notice;
    QStringList body{greeting, QString()};
    if (goal == QLatin1String("follow_up")) {
        const QStringList subjects{QStringLiteral("Following up on %1").arg(site.isEmpty() ? business : site), QStringLiteral("Quick follow-up for %1").arg(business)};
        d.subject = subjects.at(pick(lead, int(subjects.size())));
        body << QStringLiteral("I wrote a few days ago about %1's website and wanted to make sure it reached you.").arg(business);
        if (!problems.isEmpty())
            body << QStringLiteral("The short version: %1.").arg(problems.first());
        body << QString() << QStringLiteral("Would a short call this week be useful? If the timing is wrong, just say so and I will not write again.");
    } else if (goal == QLatin1String("meeting")) {
        d.subject = QStringLiteral("15 minutes about %1's website?").arg(business);
        body << QStringLiteral("I would like to show you what a refreshed website could do for %1%2.").arg(business, city.isEmpty() ? QString() : QStringLiteral(" in %1").arg(city));
        if (!problems.isEmpty())
            body << QStringLiteral("I noticed that %1.").arg(problems.join(QStringLiteral("; ")));
        body << QString() << QStringLiteral("Are you free for 15 minutes on Tuesday or Thursday? Tell me a time that suits you and I will send an invitation.");
    } else if (goal == QLatin1String("proposal")) {
        d.subject = QStringLiteral("A proposal for %1's new website").arg(business);
        body << QStringLiteral("Thank you for your time. As promised, here is what I propose for %1:").arg(business) << QString();
        body << QStringLiteral("- a fast, mobile-first site on HTTPS, with your services, reviews and a clear way to contact you;");
        if (!problems.isEmpty())
            body << QStringLiteral("- fixing what holds the current site back: %1;").arg(problems.join(QStringLiteral("; ")));
        body << QStringLiteral("- a launch within four weeks, and updates whenever you need them.") << QString()
             << QStringLiteral("Shall I send the details and the price?");
    } else {
        const QStringList subjects = site.isEmpty()
                                         ? QStringList{QStringLiteral("A website for %1").arg(business), QStringLiteral("Helping %1 get found online").arg(business)}
                                         : QStringList{QStringLiteral("A few thoughts on %1").arg(site), QStringLiteral("%1's website").arg(business),
                                                       QStringLiteral("Quick question about %1").arg(site)};
        d.subject = subjects.at(pick(lead, int(subjects.size())));
        if (site.isEmpty()) {
            body << QStringLiteral("I came across %1%2 and could not find a website for it.").arg(business, city.isEmpty() ? QString() : QStringLiteral(" in %1").arg(city))
                 << QStringLiteral("Most customers look a business up online before they call; a simple, fast site would let them find you.");
        } else if (problems.isEmpty()) {
            body << QStringLiteral("I had a look at %1 and think a refresh could bring %2 more enquiries.").arg(site, business);
        } else {
            body << QStringLiteral("I had a look at %1 and noticed that %2.").arg(site, problems.join(QStringLiteral("; ")))
                 << QStringLiteral("Each of these costs enquiries, and all of them are quick to fix.");
        }
        body << QString()
             << (tone == QLatin1String("direct") ? QStringLiteral("Want me to send a short plan with a price?")
                                                  : QStringLiteral("Would you be open to a short call to see what we could do? I am happy to send a few ideas first."));
    }
    body << QString() << signoff << (senderName.isEmpty() ? QStringLiteral("The FlipTech team") : senderName);
    d.body = body.join(QLatin1Char('\n'));
    return d;
}

OfflineDraft suggestOfflineReply(const QJsonObject &lead, const QString &intent, const QString &senderName)
{
    const QString name = firstName(lead);
    const QString business = businessOf(lead);
    QStringList body{name.isEmpty() ? QStringLiteral("Hi,") : QStringLiteral("Hi %1,").arg(name), QString()};
    if (intent == QLatin1String("meeting_request"))
        body << QStringLiteral("Thank you, I would be glad to talk. Does Tuesday or Thursday at 10:00 or 15:00 suit you? Tell me which and I will send an invitation.");
    else if (intent == QLatin1String("interested"))
        body << QStringLiteral("Great to hear. I will put together a short plan for %1's new website with a price. Could we have a 15-minute call so I get the details right?").arg(business);
    else if (intent == QLatin1String("question"))
        body << QStringLiteral("Good question. [Answer here.] Happy to go through it on a short call if that is easier.");
    else if (intent == QLatin1String("not_interested"))
        body << QStringLiteral("Thank you for letting me know. I will not follow up; if anything changes, you know where to find me.");
    else if (intent == QLatin1String("unsubscribe_request"))
        body << QStringLiteral("Understood: you have been removed from our list and will not hear from us again. Sorry for the bother.");
    else
        body << QStringLiteral("Thank you for your reply. [Your answer here.]");
    body << QString() << QStringLiteral("Best,") << (senderName.isEmpty() ? QStringLiteral("The FlipTech team") : senderName);
    OfflineDraft d;
    d.subject = QString();
    d.body = body.join(QLatin1Char('\n'));
    d.notice = notice;
    return d;
}

} // namespace fliptech::ai
