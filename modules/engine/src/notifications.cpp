// What the product tells its users, made from the event stream: a reply arrived, a scrape ended,
// a campaign completed or stopped, a job failed for good. Each event is turned into notices by the
// process that appended it (Event::local), so a team of processes makes each notice once.
#include "scheduledtasks.h"

#include "fliptech/automation/notificationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
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
std::optional<Notice> replyNotice(storage::Database &db, const QJsonObject &p)
{
    if (p.value(QStringLiteral("kind")).toString() != QLatin1String("reply"))
        return std::nullopt; // auto-replies (out of office) tell nobody
    const qint64 conversation = p.value(QStringLiteral("conversation_id")).toInteger();
    auto row = db.selectOne(QStringLiteral("SELECT COALESCE(c.assigned_to, l.assigned_to, l.created_by), COALESCE(l.company, l.name, l.email, ''), "
                                           "COALESCE(c.subject, ''), l.id FROM conversations c LEFT JOIN leads l ON l.id = c.lead_id WHERE c.id = ?"),
                            {conversation});
    if (!row)
        return std::nullopt;
    Notice n;
    n.userId = row->value(0).toLongLong();
    n.type = QStringLiteral("reply");
    const QString who = row->value(1).toString();
    n.title = who.isEmpty() ? QStringLiteral("New reply") : QStringLiteral("%1 replied").arg(who);
    n.message = row->value(2).toString();
    const QString mood = p.value(QStringLiteral("sentiment")).toString();
    if (!mood.isEmpty())
        n.message += (n.message.isEmpty() ? QString() : QStringLiteral(" — ")) + mood;
    n.severity = QStringLiteral("success");
    n.actionUrl = QStringLiteral("/conversations/%1").arg(conversation);
    n.metadata = {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("lead_id"), row->value(3).toLongLong()}};
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
std::optional<Notice> campaignNotice(storage::Database &db, const storage::Event &e)
{
    static const QStringList told{QStringLiteral("campaign_completed"), QStringLiteral("campaign_paused"), QStringLiteral("campaign_usage_limit")};
    if (!told.contains(e.type))
        return std::nullopt;
    const qint64 id = e.payload.value(QStringLiteral("campaign_id")).toInteger();
    auto row = db.selectOne(QStringLiteral("SELECT created_by, name, emails_sent FROM campaigns WHERE id = ?"), {id});
    if (!row)
        return std::nullopt;
    Notice n;
    n.userId = row->value(0).toLongLong();
    n.type = QStringLiteral("campaign");
    const QString name = row->value(1).toString();
    if (e.type == QLatin1String("campaign_completed")) {
        n.title = QStringLiteral("Campaign \"%1\" completed").arg(name);
        n.message = QStringLiteral("%1 emails sent").arg(row->value(2).toLongLong());
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
            n = replyNotice(engine.database(), e.payload);
        else if (e.channel == QLatin1String("scraper") && e.type == QLatin1String("scrape_progress"))
            n = scrapeNotice(e);
        else if (e.channel == QLatin1String("campaigns"))
            n = campaignNotice(engine.database(), e);
        else if (e.channel == QLatin1String("jobs") && e.type == QLatin1String("job_dead"))
            n = failureNotice(e);
        if (n)
            deliver(notices, *n);
    });
}

} // namespace fliptech::engine
