// What the product tells its users, made from the event stream: a reply arrived, a scrape ended,
// a campaign completed or stopped, a job failed for good. Each event is turned into notices by the
// process that appended it (Event::local), so a team of processes makes each notice once.
#include "scheduledtasks.h"

#include "fliptech/automation/notificationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/eventstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotices, "fliptech.engine.notifications")

namespace fliptech::engine {

namespace {

using automation::Notice;

void deliver(automation::NotificationService &notices, const Notice &n)
{
    if (n.userId > 0) {
        if (auto made = notices.notify(n); !made)
            qCWarning(lcNotices) << "could not make the notification" << n.title << ":" << made.error().message;
        return;
    }
    if (auto made = notices.notifyAdministrators(n); !made)
        qCWarning(lcNotices) << "could not notify the administrators of" << n.title << ":" << made.error().message;
}

// A reply goes to whoever the conversation is assigned to, else the lead's owner or maker, else
// the administrators.
std::optional<Notice> replyNotice(Engine &engine, const QJsonObject &p)
{
    if (p.value(QStringLiteral("kind")).toString() != QLatin1String("reply"))
        return std::nullopt; // auto-replies (out of office) tell nobody
    const qint64 conversation = p.value(QStringLiteral("conversation_id")).toInteger();
    auto thread = engine.conversations().get(conversation);
    if (!thread)
        return std::nullopt;
    const qint64 leadId = thread->value(QStringLiteral("lead_id")).toInteger();
    auto found = leadId > 0 ? engine.leads().get(leadId, true) : core::Result<QJsonObject>(QJsonObject());
    const QJsonObject lead = found ? *found : QJsonObject();
    Notice n;
    for (const QJsonValue &owner : {thread->value(QStringLiteral("assigned_to")), lead.value(QStringLiteral("assigned_to")), lead.value(QStringLiteral("created_by"))})
        if (n.userId <= 0)
            n.userId = owner.toInteger();
    n.type = QStringLiteral("reply");
    QString who;
    for (const char *field : {"company", "name", "email"})
        if (who.isEmpty())
            who = lead.value(QLatin1String(field)).toString();
    n.title = who.isEmpty() ? QStringLiteral("New reply") : QStringLiteral("%1 replied").arg(who);
    n.message = thread->value(QStringLiteral("subject")).toString();
    const QString mood = p.value(QStringLiteral("sentiment")).toString();
    if (!mood.isEmpty())
        n.message += (n.message.isEmpty() ? QString() : QStringLiteral(" — ")) + mood;
    n.severity = QStringLiteral("success");
    n.actionUrl = QStringLiteral("/conversations/%1").arg(conversation);
    n.metadata = {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("lead_id"), leadId}};
    return n;
}

std::optional<Notice> scrapeNotice(const storage::Event &e)
{
    const QJsonObject &p = e.payload;
    const QString status = p.value(QStringLiteral("status")).toString();
    if (status != QLatin1String("completed") && status != QLatin1String("failed"))
        return std::nullopt;
    const qint64 id = p.value(QStringLiteral("scrape_job_id")).toInteger();
    Notice n;
    n.userId = e.userId.value_or(0);
    n.type = QStringLiteral("scrape");
    const int found = p.value(QStringLiteral("leads_found")).toInt();
    const int pages = p.value(QStringLiteral("pages_fetched")).toInt();
    if (status == QLatin1String("completed")) {
        n.title = QStringLiteral("Scrape %1 finished").arg(id);
        n.message = QStringLiteral("%1 leads found on %2 pages").arg(found).arg(pages);
        n.severity = QStringLiteral("success");
    } else {
        n.title = QStringLiteral("Scrape %1 failed").arg(id);
        n.message = QStringLiteral("%1 errors; the job's page says what went wrong").arg(p.value(QStringLiteral("errors")).toInt());
        n.severity = QStringLiteral("error");
    }
    n.actionUrl = QStringLiteral("/scraper/jobs/%1").arg(id);
    n.metadata = {{QStringLiteral("scrape_job_id"), id}, {QStringLiteral("leads_found"), found}};
    return n;
}

// A campaign's milestones go to whoever made it (else the administrators).
std::optional<Notice> campaignNotice(Engine &engine, const storage::Event &e)
{
    static const QStringList told{QStringLiteral("campaign_completed"), QStringLiteral("campaign_paused"), QStringLiteral("campaign_usage_limit")};
    if (!told.contains(e.type))
        return std::nullopt;
    const qint64 id = e.payload.value(QStringLiteral("campaign_id")).toInteger();
    auto campaign = engine.campaigns().get(id);
    if (!campaign)
        return std::nullopt;
    Notice n;
    n.userId = campaign->value(QStringLiteral("created_by")).toInteger();
    n.type = QStringLiteral("campaign");
    const QString name = campaign->value(QStringLiteral("name")).toString();
    if (e.type == QLatin1String("campaign_completed")) {
        n.title = QStringLiteral("Campaign \"%1\" completed").arg(name);
        n.message = QStringLiteral("%1 emails sent").arg(campaign->value(QStringLiteral("emails_sent")).toInteger());
        n.severity = QStringLiteral("success");
    } else if (e.type == QLatin1String("campaign_paused")) {
        n.title = QStringLiteral("Campaign \"%1\" paused").arg(name);
        n.message = e.payload.value(QStringLiteral("error")).toString();
        n.severity = QStringLiteral("warning");
    } else {
        n.title = QStringLiteral("Campaign \"%1\" reached a usage limit").arg(name);
        n.message = e.payload.value(QStringLiteral("message")).toString();
        n.severity = QStringLiteral("warning");
    }
    n.actionUrl = QStringLiteral("/campaigns/%1").arg(id);
    n.metadata = {{QStringLiteral("campaign_id"), id}};
    return n;
}

Notice failureNotice(const storage::Event &e)
{
    Notice n;
    n.type = QStringLiteral("failure");
    n.title = QStringLiteral("Background job failed: %1").arg(e.payload.value(QStringLiteral("type")).toString());
    n.message = e.payload.value(QStringLiteral("error")).toString();
    n.severity = QStringLiteral("error");
    n.metadata = {{QStringLiteral("job_id"), e.payload.value(QStringLiteral("job_id"))}};
    return n;
}

} // namespace

void followNotifiableEvents(Engine &engine, automation::NotificationService &notices)
{
    QObject::connect(&engine.events(), &storage::EventStore::eventAppended, &engine, [&engine, &notices](const storage::Event &e) {
        if (!e.local)
            return; // the process that appended it tells
        std::optional<Notice> n;
        if (e.channel == QLatin1String("conversations") && e.type == QLatin1String("message_received"))
            n = replyNotice(engine, e.payload);
        else if (e.channel == QLatin1String("scraper") && e.type == QLatin1String("scrape_progress"))
            n = scrapeNotice(e);
        else if (e.channel == QLatin1String("campaigns"))
            n = campaignNotice(engine, e);
        else if (e.channel == QLatin1String("jobs") && e.type == QLatin1String("job_dead"))
            n = failureNotice(e);
        if (n)
            deliver(notices, *n);
    });
}

} // namespace fliptech::engine
