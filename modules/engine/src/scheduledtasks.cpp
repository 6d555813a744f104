// The tasks schedules run (issue 15), each over the service that does the work: the engine is the
// one place that knows every service, so the automation module names none of them.
#include "scheduledtasks.h"

#include "fliptech/analytics/reportexport.h"
#include "fliptech/automation/checks.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/backup.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

#include <QDir>
#include <QStandardPaths>

namespace fliptech::engine {

using automation::TaskType;
using core::ErrorCode;
using core::fieldError;
using core::makeError;

namespace {

// At most this many leads per scheduled enrichment, verification or analysis (as from the API).
constexpr int kMaxLeads = 10000;

core::Status onlyKeys(const QJsonObject &config, const QStringList &allowed)
{
    return automation::onlyKnownSettings(config, allowed, QStringLiteral("task_config"), QStringLiteral("task"));
}

// settings[key] as a positive whole id (0 when optional and absent); the error names `path.key`.
core::Result<qint64> idIn(const QJsonObject &settings, const QString &key, const QString &what, bool required = true,
                          const QString &path = QStringLiteral("task_config"))
{
    const QJsonValue v = settings.value(key);
    if (v.isUndefined() && !required)
        return qint64(0);
    if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() <= 0)
        return fieldError(path + u'.' + key, QStringLiteral("must be the id of %1").arg(what));
    return v.toInteger();
}

// The leads a task acts on: a saved segment ({segment_id}) or a lead filter ({filter}).
core::Status checkAudience(Engine &engine, const QJsonObject &config)
{
    if (auto st = onlyKeys(config, {QStringLiteral("segment_id"), QStringLiteral("filter")}); !st)
        return st;
    const bool bySegment = config.contains(QStringLiteral("segment_id"));
    if (bySegment == config.contains(QStringLiteral("filter")))
        return fieldError(QStringLiteral("task_config"), QStringLiteral("needs segment_id (a saved segment) or filter (a lead filter), one of the two"));
    if (bySegment) {
        auto id = idIn(config, QStringLiteral("segment_id"), QStringLiteral("a saved segment"));
        if (!id)
            return id.error();
        if (auto f = engine.segments().filterOf(leads::Actor::system(), *id); !f)
            return fieldError(QStringLiteral("task_config.segment_id"), f.error().message);
        return {};
    }
    if (!config.value(QStringLiteral("filter")).isObject())
        return fieldError(QStringLiteral("task_config.filter"), QStringLiteral("must be a lead filter object (as the leads list takes)"));
    if (auto f = leads::LeadFilter::fromJson(config.value(QStringLiteral("filter")).toObject()); !f)
        return fieldError(QStringLiteral("task_config.filter"), f.error().userMessage());
    return {};
}

core::Result<QList<qint64>> audience(Engine &engine, const leads::Actor &actor, const QJsonObject &config)
{
    QJsonObject filterJson = config.value(QStringLiteral("filter")).toObject();
    if (config.contains(QStringLiteral("segment_id"))) {
        auto f = engine.segments().filterOf(actor, config.value(QStringLiteral("segment_id")).toInteger());
        if (!f)
            return f.error();
        filterJson = *f;
    }
    auto filter = leads::LeadFilter::fromJson(filterJson);
    if (!filter)
        return filter.error();
    leads::BulkRequest request;
    request.filter = *filter;
    auto ids = engine.leads().resolve(request);
    if (!ids)
        return ids.error();
    if (ids->size() > kMaxLeads)
        ids->resize(kMaxLeads);
    return *ids;
}

using LeadJob = std::function<core::Result<qint64>(const leads::Actor &, const QList<qint64> &)>;

TaskType leadTask(Engine &engine, const QString &name, const QString &label, const QString &what, LeadJob queue)
{
    TaskType t;
    t.name = name;
    t.label = label;
    t.description = QStringLiteral("%1 the leads of a saved segment (or all leads), the first %2 by id").arg(what).arg(kMaxLeads);
    t.settings = QStringLiteral("{segment_id} or {filter: a lead filter}");
    t.validate = [&engine](const QJsonObject &c) { return checkAudience(engine, c); };
    t.run = [&engine, queue = std::move(queue)](const leads::Actor &actor, const QJsonObject &c) -> core::Result<QJsonObject> {
        auto ids = audience(engine, actor, c);
        if (!ids)
            return ids.error();
        if (ids->isEmpty())
            return QJsonObject{{QStringLiteral("leads"), 0}, {QStringLiteral("note"), QStringLiteral("no lead matched: nothing to do")}};
        auto job = queue(actor, *ids);
        if (!job)
            return job.error();
        return QJsonObject{{QStringLiteral("leads"), int(ids->size())}, {QStringLiteral("job_id"), *job}};
    };
    return t;
}

QString backupFolder(Engine &engine)
{
    const QString base = engine.options().dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                            : engine.options().dataDir;
    return base + QStringLiteral("/backups");
}

// {webhook_id} names a webhook (at `path`).
core::Status checkWebhook(Engine &engine, const QJsonObject &settings, const QString &path)
{
    auto id = idIn(settings, QStringLiteral("webhook_id"), QStringLiteral("a webhook (GET /api/v1/webhooks)"), true, path);
    if (!id)
        return id.error();
    if (auto hook = engine.webhooks().get(*id); !hook)
        return fieldError(path + QStringLiteral(".webhook_id"), hook.error().message);
    return {};
}

// {workflow_id} names an n8n workflow with a Webhook trigger taking POST (at `path`); n8n is asked.
core::Status checkWorkflow(Engine &engine, const QJsonObject &settings, const QString &path)
{
    const QJsonValue id = settings.value(QStringLiteral("workflow_id"));
    if (!id.isString() || id.toString().isEmpty())
        return fieldError(path + QStringLiteral(".workflow_id"), QStringLiteral("must be the id of an n8n workflow, a string (Automation → Workflows, or GET /api/v1/n8n-webhooks/workflows)"));
    auto problem = engine.n8n().triggerProblem(id.toString());
    if (!problem)
        return fieldError(path + QStringLiteral(".workflow_id"), problem.error().message);
    if (!problem->isEmpty())
        return fieldError(path + QStringLiteral(".workflow_id"), QStringLiteral("cannot be started from here: ") + *problem);
    return {};
}

} // namespace

void registerScheduledTasks(Engine &engine, automation::ScheduleService &schedules)
{
    {
        TaskType t;
        t.name = QStringLiteral("scrape");
        t.label = QStringLiteral("Scrape");
        t.description = QStringLiteral("Run a scrape again with the settings of an earlier one; leads already stored are updated, not duplicated");
        t.settings = QStringLiteral("{scrape_job_id}");
        t.validate = [&engine](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("scrape_job_id")}); !st)
                return st;
            auto id = idIn(c, QStringLiteral("scrape_job_id"), QStringLiteral("a scrape (Scraper page, or GET /api/v1/scraper/jobs)"));
            if (!id)
                return id.error();
            if (auto job = engine.scrapes().get(*id); !job)
                return fieldError(QStringLiteral("task_config.scrape_job_id"), job.error().message);
            return {};
        };
        t.run = [&engine](const leads::Actor &actor, const QJsonObject &c) -> core::Result<QJsonObject> {
            auto earlier = engine.scrapes().get(c.value(QStringLiteral("scrape_job_id")).toInteger());
            if (!earlier)
                return earlier.error();
            const QString source = earlier->value(QStringLiteral("source")).toString();
            const QJsonObject config = earlier->value(QStringLiteral("config")).toObject();
            auto started = source == u"custom_url" ? engine.scrapes().customUrlScrape(actor, config) : engine.scrapes().createCraigslist(actor, config);
            if (!started)
                return started.error();
            return QJsonObject{{QStringLiteral("scrape_job_id"), started->value(QStringLiteral("id"))}, {QStringLiteral("job_id"), started->value(QStringLiteral("job_id"))}};
        };
        schedules.registerTask(t);
    }
    schedules.registerTask(leadTask(engine, QStringLiteral("enrich"), QStringLiteral("Find contacts"), QStringLiteral("Find e-mail addresses and phones (enrichment providers) for"),
                                    [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.enrichment().enqueue(a, ids); }));
    schedules.registerTask(leadTask(engine, QStringLiteral("verify_emails"), QStringLiteral("Verify e-mail addresses"),
                                    QStringLiteral("Verify the e-mail addresses (syntax, MX, disposable, role) of"),
                                    [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.scrapes().enqueueVerification(a, ids); }));
    schedules.registerTask(leadTask(engine, QStringLiteral("analyze_websites"), QStringLiteral("Analyse websites"), QStringLiteral("Analyse the websites of"),
                                    [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.scrapes().enqueueAnalysis(a, ids); }));
    {
        TaskType t;
        t.name = QStringLiteral("inbox_sync");
        t.label = QStringLiteral("Inbox sync");
        t.description = QStringLiteral("Read new replies over IMAP from one mailbox or from every mailbox");
        t.settings = QStringLiteral("{account_id} or {} for every account with a mailbox");
        t.validate = [&engine](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("account_id")}); !st)
                return st;
            auto id = idIn(c, QStringLiteral("account_id"), QStringLiteral("a sender account"), false);
            if (!id)
                return id.error();
            if (*id)
                if (auto a = engine.senders().get(*id); !a)
                    return fieldError(QStringLiteral("task_config.account_id"), a.error().message);
            return {};
        };
        t.run = [&engine](const leads::Actor &actor, const QJsonObject &c) -> core::Result<QJsonObject> {
            QList<qint64> accounts;
            if (const qint64 one = c.value(QStringLiteral("account_id")).toInteger(); one > 0) {
                accounts = {one};
            } else {
                auto due = engine.conversations().accountsDue(0, true);
                if (!due)
                    return due.error();
                accounts = *due;
            }
            QJsonArray jobs;
            for (qint64 account : accounts) {
                auto job = engine.conversations().queueSync(account, actor.userId);
                if (!job)
                    return job.error();
                jobs.append(*job);
            }
            return QJsonObject{{QStringLiteral("accounts"), int(accounts.size())}, {QStringLiteral("job_ids"), jobs}};
        };
        schedules.registerTask(t);
    }
    {
        TaskType t;
        t.name = QStringLiteral("bounce_check");
        t.label = QStringLiteral("Bounce check");
        t.description = QStringLiteral("Read a sender account's bounce mailbox from where the last check stopped");
        t.settings = QStringLiteral("{account_id}");
        t.validate = [&engine](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("account_id")}); !st)
                return st;
            auto id = idIn(c, QStringLiteral("account_id"), QStringLiteral("a sender account"));
            if (!id)
                return id.error();
            if (auto a = engine.senders().get(*id); !a)
                return fieldError(QStringLiteral("task_config.account_id"), a.error().message);
            return {};
        };
        t.run = [&engine](const leads::Actor &actor, const QJsonObject &c) -> core::Result<QJsonObject> {
            auto job = engine.campaigns().queueBounceCheck(c.value(QStringLiteral("account_id")).toInteger(), {}, actor.userId);
            if (!job)
                return job.error();
            return QJsonObject{{QStringLiteral("job_id"), *job}};
        };
        schedules.registerTask(t);
    }
    {
        TaskType t;
        t.name = QStringLiteral("analytics_export");
        t.label = QStringLiteral("Analytics report");
        t.description = QStringLiteral("Write the analytics report of the days before each run into Files");
        t.settings = QStringLiteral("{format: csv|json|pdf, days: 1-400 (default 7), tz, source, campaign_id, location_group_id, user_id, bucket}");
        auto requestOf = [&engine](const QJsonObject &c) -> core::Result<QJsonObject> {
            QJsonObject request = c;
            request.remove(QStringLiteral("days"));
            const QJsonValue days = c.value(QStringLiteral("days"));
            if (!days.isUndefined() && (!days.isDouble() || days.toDouble() != double(days.toInt()) || days.toInt() < 1 || days.toInt() > 400))
                return fieldError(QStringLiteral("task_config.days"), QStringLiteral("must be a whole number of days from 1 to 400"));
            if (request.contains(QStringLiteral("from")) || request.contains(QStringLiteral("to")))
                return fieldError(QStringLiteral("task_config.days"), QStringLiteral("sets the period of a scheduled report (from and to would repeat the same dates every run)"));
            const QDateTime to = engine.clock().now();
            request.insert(QStringLiteral("from"), storage::Database::isoTimestamp(to.addDays(-days.toInt(7))));
            request.insert(QStringLiteral("to"), storage::Database::isoTimestamp(to));
            return request;
        };
        t.validate = [&engine, requestOf](const QJsonObject &c) -> core::Status {
            auto request = requestOf(c);
            if (!request)
                return request.error();
            if (auto st = engine.reports().check(*request); !st) {
                const core::Error &e = st.error();
                const QString field = e.details.isEmpty() ? QStringLiteral("task_config") : QStringLiteral("task_config.") + e.details.begin().key();
                return fieldError(field, e.details.isEmpty() ? e.message : e.details.begin().value().toString());
            }
            return {};
        };
        t.run = [&engine, requestOf](const leads::Actor &actor, const QJsonObject &c) -> core::Result<QJsonObject> {
            auto request = requestOf(c);
            if (!request)
                return request.error();
            return engine.reports().enqueue(actor, *request);
        };
        schedules.registerTask(t);
    }
    {
        TaskType t;
        t.name = QStringLiteral("webhook");
        t.label = QStringLiteral("Call a webhook");
        t.description = QStringLiteral("Send a signed \"schedule\" event to a webhook, with the run's time and the data given (retried like every delivery)");
        t.settings = QStringLiteral("{webhook_id, data?: an object sent as is}");
        t.validate = [&engine](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("webhook_id"), QStringLiteral("data")}); !st)
                return st;
            if (c.contains(QStringLiteral("data")) && !c.value(QStringLiteral("data")).isObject())
                return fieldError(QStringLiteral("task_config.data"), QStringLiteral("must be an object"));
            return checkWebhook(engine, c, QStringLiteral("task_config"));
        };
        t.run = [&engine](const leads::Actor &, const QJsonObject &c) -> core::Result<QJsonObject> {
            auto id = engine.webhooks().enqueue(c.value(QStringLiteral("webhook_id")).toInteger(), QStringLiteral("schedule"),
                                                {{QStringLiteral("at"), engine.clock().now().toString(Qt::ISODateWithMs)},
                                                 {QStringLiteral("data"), c.value(QStringLiteral("data")).toObject()}});
            if (!id)
                return id.error();
            return QJsonObject{{QStringLiteral("delivery_id"), *id}};
        };
        schedules.registerTask(t);
    }
    {
        TaskType t;
        t.name = QStringLiteral("n8n");
        t.label = QStringLiteral("Start an n8n workflow");
        t.description = QStringLiteral("Start a workflow of the team's n8n through its Webhook trigger with a \"schedule\" event: the run's time and the data given");
        t.settings = QStringLiteral("{workflow_id, data?: an object sent as is}");
        t.validate = [&engine](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("workflow_id"), QStringLiteral("data")}); !st)
                return st;
            if (c.contains(QStringLiteral("data")) && !c.value(QStringLiteral("data")).isObject())
                return fieldError(QStringLiteral("task_config.data"), QStringLiteral("must be an object"));
            return checkWorkflow(engine, c, QStringLiteral("task_config"));
        };
        t.run = [&engine](const leads::Actor &, const QJsonObject &c) -> core::Result<QJsonObject> {
            return engine.n8n().start(c.value(QStringLiteral("workflow_id")).toString(), QStringLiteral("schedule"),
                                      {{QStringLiteral("at"), engine.clock().now().toString(Qt::ISODateWithMs)},
                                       {QStringLiteral("data"), c.value(QStringLiteral("data")).toObject()}});
        };
        schedules.registerTask(t);
    }
    {
        TaskType t;
        t.name = QStringLiteral("database_backup");
        t.label = QStringLiteral("Database backup");
        t.description = QStringLiteral("Copy the whole database into the data folder's backups (SQLite: a snapshot that opens as a database; "
                                       "PostgreSQL: pg_dump's custom format), keeping the newest");
        t.settings = QStringLiteral("{keep: 1-365, default 7}");
        t.adminOnly = true;
        t.queuesWork = false;
        t.validate = [](const QJsonObject &c) -> core::Status {
            if (auto st = onlyKeys(c, {QStringLiteral("keep")}); !st)
                return st;
            const QJsonValue keep = c.value(QStringLiteral("keep"));
            if (!keep.isUndefined() && (!keep.isDouble() || keep.toDouble() != double(keep.toInt()) || keep.toInt() < 1 || keep.toInt() > 365))
                return fieldError(QStringLiteral("task_config.keep"), QStringLiteral("must be a whole number of backups from 1 to 365"));
            return {};
        };
        t.run = [&engine](const leads::Actor &, const QJsonObject &c) -> core::Result<QJsonObject> {
            const QString folder = backupFolder(engine);
            const QString prefix = QStringLiteral("fliptech-backup-");
            const QString stamp = engine.clock().now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"));
            const QString path = folder + u'/' + prefix + stamp + (engine.database().isPostgres() ? QStringLiteral(".dump") : QStringLiteral(".db"));
            auto done = storage::backupDatabase(engine.database(), path);
            if (!done)
                return done.error();
            QJsonObject out = *done;
            out.insert(QStringLiteral("removed_old"), storage::pruneBackups(folder, prefix, c.value(QStringLiteral("keep")).toInt(7)));
            return out;
        };
        schedules.registerTask(t);
    }
}

void registerRuleActions(Engine &engine, automation::RuleService &rules)
{
    using Queue = std::function<core::Result<qint64>(const leads::Actor &, const QList<qint64> &)>;
    const std::tuple<const char *, const char *, const char *, Queue> jobs[] = {
        {"analyze_website", "Analyse the website", "Queue the analysis of the lead's website (score, reasons, what it runs)",
         [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.scrapes().enqueueAnalysis(a, ids); }},
        {"verify_email", "Verify the e-mail address", "Queue the check of the lead's address (syntax, MX, disposable, role)",
         [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.scrapes().enqueueVerification(a, ids); }},
        {"enrich", "Find contacts", "Queue the enrichment providers' search for the lead's e-mail and phone",
         [&engine](const leads::Actor &a, const QList<qint64> &ids) { return engine.enrichment().enqueue(a, ids); }},
    };
    for (const auto &[name, label, description, queue] : jobs) {
        automation::RuleActionType t;
        t.name = QLatin1String(name);
        t.label = QLatin1String(label);
        t.description = QLatin1String(description);
        t.validate = [](const QJsonObject &settings, const QString &path) {
            return automation::onlyKnownSettings(settings, {}, path, QStringLiteral("action"));
        };
        t.run = [queue](const automation::ActionContext &c, const QJsonObject &) -> core::Result<QJsonObject> {
            auto job = queue(c.actor, {c.leadId});
            if (!job)
                return job.error();
            return QJsonObject{{QStringLiteral("job_id"), *job}};
        };
        rules.registerAction(t);
    }
    automation::RuleActionType hook;
    hook.name = QStringLiteral("call_webhook");
    hook.label = QStringLiteral("Call a webhook");
    hook.description = QStringLiteral("{webhook_id}: send the lead and the event, signed, as a \"rule_action\" delivery (retried like every delivery)");
    hook.validate = [&engine](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("webhook_id")}, path, QStringLiteral("action")); !st)
            return st;
        return checkWebhook(engine, settings, path);
    };
    hook.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        // Not keyed by the event: the rule's execution already runs once per event, and a hook
        // that also wants this event type gets that delivery as well.
        auto id = engine.webhooks().enqueue(settings.value(QStringLiteral("webhook_id")).toInteger(), QStringLiteral("rule_action"),
                                            {{QStringLiteral("rule_id"), c.ruleId}, {QStringLiteral("lead"), c.lead}, {QStringLiteral("event"), c.event}});
        if (!id)
            return id.error();
        return QJsonObject{{QStringLiteral("delivery_id"), *id}};
    };
    rules.registerAction(hook);

    // Campaigns: a lead joins one that has started; a lead's sequences stop.
    automation::RuleActionType join;
    join.name = QStringLiteral("add_to_campaign");
    join.label = QStringLiteral("Add to a campaign");
    join.description = QStringLiteral("{campaign_id}: the lead joins a launched campaign at its first step (a completed one runs again), "
                                      "unless it is in it already, has no deliverable address or the campaign leaves it out");
    join.validate = [&engine](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("campaign_id")}, path, QStringLiteral("action")); !st)
            return st;
        auto id = idIn(settings, QStringLiteral("campaign_id"), QStringLiteral("a campaign (GET /api/v1/campaigns)"), true, path);
        if (!id)
            return id.error();
        auto problem = engine.campaigns().joinProblem(*id);
        if (!problem)
            return fieldError(path + QStringLiteral(".campaign_id"), problem.error().message);
        if (!problem->isEmpty())
            return fieldError(path + QStringLiteral(".campaign_id"), *problem);
        return {};
    };
    join.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        return engine.campaigns().addLead(settings.value(QStringLiteral("campaign_id")).toInteger(), c.leadId);
    };
    rules.registerAction(join);

    automation::RuleActionType stop;
    stop.name = QStringLiteral("stop_sequence");
    stop.label = QStringLiteral("Stop the sequence");
    stop.description = QStringLiteral("{campaign_id?}: the lead gets no more steps of that campaign (without campaign_id: of any campaign)");
    stop.validate = [&engine](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("campaign_id")}, path, QStringLiteral("action")); !st)
            return st;
        auto id = idIn(settings, QStringLiteral("campaign_id"), QStringLiteral("a campaign (GET /api/v1/campaigns), or left out for every campaign"),
                       false, path);
        if (!id)
            return id.error();
        if (*id == 0)
            return {};
        if (auto c = engine.campaigns().get(*id); !c)
            return fieldError(path + QStringLiteral(".campaign_id"), c.error().message);
        return {};
    };
    stop.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        const QJsonValue id = settings.value(QStringLiteral("campaign_id"));
        return engine.campaigns().stopLead(c.leadId, id.isDouble() ? std::optional<qint64>(id.toInteger()) : std::nullopt,
                                           QStringLiteral("stopped by rule %1").arg(c.ruleId));
    };
    rules.registerAction(stop);

    // Slow work queued in the rule's transaction (so once per rule and event), done by a job.
    automation::RuleActionType reply;
    reply.name = QStringLiteral("generate_ai_reply");
    reply.label = QStringLiteral("Draft an AI reply");
    reply.description = QStringLiteral("{writer?: ai|offline}: queue a reply suggestion for the lead's conversation (the one the event names, else "
                                       "its latest), for a person to approve on the Inbox page (or an auto-approval rule)");
    reply.validate = [](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("writer")}, path, QStringLiteral("action")); !st)
            return st;
        const QJsonValue w = settings.value(QStringLiteral("writer"));
        if (!w.isUndefined() && w != QJsonValue(QStringLiteral("ai")) && w != QJsonValue(QStringLiteral("offline")))
            return fieldError(path + QStringLiteral(".writer"), QStringLiteral("must be \"ai\" (the AI provider) or \"offline\" (the built-in writer)"));
        return {};
    };
    reply.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        QJsonObject payload{{QStringLiteral("lead_id"), c.leadId}, {QStringLiteral("rule_id"), c.ruleId}};
        const QJsonValue conversation = c.event.value(QStringLiteral("payload")).toObject().value(QStringLiteral("conversation_id"));
        if (conversation.isDouble())
            payload.insert(QStringLiteral("conversation_id"), conversation);
        if (settings.contains(QStringLiteral("writer")))
            payload.insert(QStringLiteral("writer"), settings.value(QStringLiteral("writer")));
        storage::JobSpec spec(QStringLiteral("automation.ai_reply"), payload);
        spec.queue = QStringLiteral("ai");
        spec.maxAttempts = 3;
        auto job = engine.jobs().enqueue(spec);
        if (!job)
            return job.error();
        return QJsonObject{{QStringLiteral("job_id"), *job}};
    };
    rules.registerAction(reply);

    automation::RuleActionType answer;
    answer.name = QStringLiteral("send_template");
    answer.label = QStringLiteral("Send a template");
    answer.description = QStringLiteral("{template_id, sender_account_id}: send the template, filled in for the lead, from the account (an "
                                        "auto-response; a new conversation on the Inbox page). Not to suppressed addresses; never sent twice");
    answer.validate = [&engine](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("template_id"), QStringLiteral("sender_account_id")}, path, QStringLiteral("action")); !st)
            return st;
        auto templateId = idIn(settings, QStringLiteral("template_id"), QStringLiteral("a template (GET /api/v1/templates)"), true, path);
        if (!templateId)
            return templateId.error();
        auto accountId = idIn(settings, QStringLiteral("sender_account_id"), QStringLiteral("a sender account (GET /api/v1/sender-accounts)"), true, path);
        if (!accountId)
            return accountId.error();
        if (auto t = engine.templates().get(*templateId); !t)
            return fieldError(path + QStringLiteral(".template_id"), t.error().message);
        if (auto a = engine.senders().get(*accountId); !a)
            return fieldError(path + QStringLiteral(".sender_account_id"), a.error().message);
        return {};
    };
    answer.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        storage::JobSpec spec(QStringLiteral("automation.send_template"),
                              {{QStringLiteral("lead_id"), c.leadId}, {QStringLiteral("rule_id"), c.ruleId},
                               {QStringLiteral("template_id"), settings.value(QStringLiteral("template_id"))},
                               {QStringLiteral("sender_account_id"), settings.value(QStringLiteral("sender_account_id"))}});
        spec.queue = QStringLiteral("email");
        spec.maxAttempts = 1; // a crash after the SMTP transaction must not send it again
        auto job = engine.jobs().enqueue(spec);
        if (!job)
            return job.error();
        return QJsonObject{{QStringLiteral("job_id"), *job}};
    };
    rules.registerAction(answer);

    automation::RuleActionType workflow;
    workflow.name = QStringLiteral("start_workflow");
    workflow.label = QStringLiteral("Start an n8n workflow");
    workflow.description = QStringLiteral("{workflow_id}: start a workflow of the team's n8n through its Webhook trigger, with the lead and the event "
                                          "(a signed \"rule_action\" delivery, retried like every delivery)");
    workflow.validate = [&engine](const QJsonObject &settings, const QString &path) -> core::Status {
        if (auto st = automation::onlyKnownSettings(settings, {QStringLiteral("workflow_id")}, path, QStringLiteral("action")); !st)
            return st;
        return checkWorkflow(engine, settings, path);
    };
    workflow.run = [&engine](const automation::ActionContext &c, const QJsonObject &settings) -> core::Result<QJsonObject> {
        return engine.n8n().start(settings.value(QStringLiteral("workflow_id")).toString(), QStringLiteral("rule_action"),
                                  {{QStringLiteral("rule_id"), c.ruleId}, {QStringLiteral("lead"), c.lead}, {QStringLiteral("event"), c.event}});
    };
    rules.registerAction(workflow);
}

void registerRuleJobs(Engine &engine, storage::WorkerPool &workers)
{
    using storage::JobOutcome;
    workers.registerHandler(QStringLiteral("automation.ai_reply"), [&engine](storage::JobContext &c) {
        const QJsonObject p = c.payload();
        qint64 conversation = p.value(QStringLiteral("conversation_id")).toInteger();
        if (conversation <= 0) {
            const qint64 lead = p.value(QStringLiteral("lead_id")).toInteger();
            auto latest = engine.conversations().list({{QStringLiteral("lead_id"), lead}, {QStringLiteral("limit"), 1}});
            if (!latest)
                return JobOutcome::failed(latest.error().message);
            if (latest->isEmpty())
                return JobOutcome::failedPermanently(QStringLiteral("lead %1 has no conversation to reply in").arg(lead));
            conversation = latest->first().toObject().value(QStringLiteral("id")).toInteger();
        }
        QJsonObject request;
        if (p.contains(QStringLiteral("writer")))
            request.insert(QStringLiteral("writer"), p.value(QStringLiteral("writer")));
        return JobOutcome::of(engine.conversations().generateResponse(leads::Actor::system(), conversation, request));
    });
    workers.registerHandler(QStringLiteral("automation.send_template"), [&engine](storage::JobContext &c) {
        const QJsonObject p = c.payload();
        const qint64 lead = p.value(QStringLiteral("lead_id")).toInteger();
        auto filled = engine.templates().preview({{QStringLiteral("lead_id"), lead}}, p.value(QStringLiteral("template_id")).toInteger());
        if (!filled)
            return JobOutcome::of(filled.error());
        QJsonObject email{{QStringLiteral("lead_id"), lead},
                          {QStringLiteral("subject"), filled->value(QStringLiteral("subject"))},
                          {QStringLiteral("body"), filled->value(QStringLiteral("text"))},
                          {QStringLiteral("sender_account_id"), p.value(QStringLiteral("sender_account_id"))}};
        if (filled->value(QStringLiteral("html")).isString()) // the template's HTML part too
            email.insert(QStringLiteral("html"), filled->value(QStringLiteral("html")));
        return JobOutcome::of(engine.conversations().sendEmail(leads::Actor::system(), email));
    });
}

} // namespace fliptech::engine
