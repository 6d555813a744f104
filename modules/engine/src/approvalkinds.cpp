// The kinds of work that wait in the workflow-approvals queue besides a rule's actions (issue 15):
// campaign launches over the size an administrator set, reply suggestions the AI wrote, and
// steps of n8n workflows. Each belongs to another module; the engine joins them to the queue.
#include "scheduledtasks.h"

#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/n8nservice.h"
#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/conversations/autoapproval.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

namespace fliptech::engine {

namespace {

constexpr qsizetype kMaxReply = 200 * 1024;
const QString kSendSuggestion = QStringLiteral("automation.send_suggestion");

// Who decided (`decided_by` of an approval, or of a job's payload), acting as themselves; the
// system when nobody did (a deadline).
leads::Actor decider(const QJsonObject &approval)
{
    leads::Actor by = leads::Actor::system();
    if (approval.value(QStringLiteral("decided_by")).isDouble())
        by.userId = approval.value(QStringLiteral("decided_by")).toInteger();
    return by;
}

QString suggestionReference(qint64 id)
{
    return QStringLiteral("suggestion:%1").arg(id);
}

void registerCampaignLaunches(Engine &engine)
{
    automation::ApprovalService &approvals = engine.approvals();
    approvals.registerKind(automation::ApprovalKind{
        conversations::AutoApprovalRules::campaignLaunchEntity, QStringLiteral("Campaign launches"),
        [](const QJsonObject &edited, const QJsonObject &original) -> core::Status {
            for (auto it = edited.begin(); it != edited.end(); ++it)
                if (it.key() != u"start_at" && it.value() != original.value(it.key()))
                    return core::fieldError(QStringLiteral("payload.") + it.key(), QStringLiteral("cannot be changed here (only start_at)"));
            return {};
        },
        [&engine](const QJsonObject &approval, const QJsonObject &payload, bool approved) -> core::Result<QJsonObject> {
            if (!approved)
                return QJsonObject{{QStringLiteral("launched"), false}};
            QJsonObject request;
            if (payload.value(QStringLiteral("start_at")).isString())
                request.insert(QStringLiteral("start_at"), payload.value(QStringLiteral("start_at")));
            auto launched = engine.campaigns().launchApproved(decider(approval), payload.value(QStringLiteral("campaign_id")).toInteger(), request);
            if (!launched)
                return launched.error();
            return QJsonObject{{QStringLiteral("launched"), true}, {QStringLiteral("status"), launched->value(QStringLiteral("status"))},
                               {QStringLiteral("total_recipients"), launched->value(QStringLiteral("total_recipients"))}};
        }});
    engine.campaigns().setLaunchGate([&approvals](const leads::Actor &actor, const QJsonObject &campaign, qint64 recipients,
                                                  const QJsonObject &request) -> core::Result<std::optional<QJsonObject>> {
        auto s = approvals.settings();
        if (!s)
            return s.error();
        const qint64 over = s->value(QStringLiteral("campaign_launch_over")).toInteger();
        if (over <= 0 || recipients <= over || actor.isAdmin)
            return std::optional<QJsonObject>();
        const qint64 id = campaign.value(QStringLiteral("id")).toInteger();
        automation::ApprovalRequest r;
        r.kind = conversations::AutoApprovalRules::campaignLaunchEntity;
        r.reference = QStringLiteral("campaign:%1").arg(id);
        // Asked again while one waits: that one.
        auto asked = approvals.latest(actor, r.kind, r.reference);
        if (!asked)
            return asked.error();
        if (*asked && (*asked)->value(QStringLiteral("status")).toString() == u"pending")
            return asked.value();
        r.title = QStringLiteral("Launch \"%1\" to %2 recipients").arg(campaign.value(QStringLiteral("name")).toString()).arg(recipients);
        r.payload = {{QStringLiteral("campaign_id"), id}, {QStringLiteral("name"), campaign.value(QStringLiteral("name"))}, {QStringLiteral("recipients"), recipients}};
        if (request.value(QStringLiteral("start_at")).isString())
            r.payload.insert(QStringLiteral("start_at"), request.value(QStringLiteral("start_at")));
        r.decideRole = QStringLiteral("admin");
        r.deadlineHours = 72;
        r.defaultDecision = QStringLiteral("rejected");
        r.requestedBy = actor.userId;
        r.facts = {{QStringLiteral("campaign_id"), id}, {QStringLiteral("recipients"), recipients}};
        auto made = approvals.request(r);
        if (!made)
            return made.error();
        return std::optional<QJsonObject>(*made);
    });
}

// A reply suggestion that no auto-approval rule decided waits on the Inbox page and in the queue;
// decided in either place, it is decided in both.
void registerReplySuggestions(Engine &engine, storage::WorkerPool &workers)
{
    const QString kind = conversations::AutoApprovalRules::suggestionEntity;
    engine.approvals().registerKind(automation::ApprovalKind{
        kind, QStringLiteral("AI reply suggestions"),
        [](const QJsonObject &edited, const QJsonObject &original) -> core::Status {
            for (auto it = edited.begin(); it != edited.end(); ++it) {
                if (it.key() == u"response") {
                    if (!it.value().isString() || it.value().toString().trimmed().isEmpty() || it.value().toString().size() > kMaxReply)
                        return core::fieldError(QStringLiteral("payload.response"), QStringLiteral("must be the reply's text (1 to 200 KB)"));
                } else if (it.value() != original.value(it.key())) {
                    return core::fieldError(QStringLiteral("payload.") + it.key(), QStringLiteral("cannot be changed here (only response, the reply's text)"));
                }
            }
            return {};
        },
        [&engine](const QJsonObject &approval, const QJsonObject &payload, bool approved) -> core::Result<QJsonObject> {
            const qint64 suggestion = payload.value(QStringLiteral("suggestion_id")).toInteger();
            const leads::Actor by = decider(approval);
            if (!approved) {
                auto rejected = engine.conversations().rejectSuggestion(by, suggestion, {{QStringLiteral("reason"), QStringLiteral("Rejected in the approvals queue")}});
                if (!rejected)
                    return rejected.error();
                return QJsonObject{{QStringLiteral("suggestion_id"), suggestion}, {QStringLiteral("sent"), false}};
            }
            // Approved here (in the decision's transaction); sent by a job after it commits.
            QJsonObject request{{QStringLiteral("send"), false}};
            const QString text = payload.value(QStringLiteral("response")).toString();
            if (!text.trimmed().isEmpty())
                request.insert(QStringLiteral("edited_response"), text);
            auto done = engine.conversations().approveSuggestion(by, suggestion, request);
            if (!done)
                return done.error();
            storage::JobSpec spec(kSendSuggestion, {{QStringLiteral("suggestion_id"), suggestion},
                                                    {QStringLiteral("decided_by"), approval.value(QStringLiteral("decided_by"))}});
            spec.queue = QStringLiteral("email");
            spec.maxAttempts = 3; // a sent suggestion is marked so: approving it again is refused
            auto job = engine.jobs().enqueue(spec);
            if (!job)
                return job.error();
            return QJsonObject{{QStringLiteral("suggestion_id"), suggestion}, {QStringLiteral("send_job_id"), *job}};
        }});
    workers.registerHandler(kSendSuggestion, [&engine](storage::JobContext &c) {
        auto sent = engine.conversations().approveSuggestion(decider(c.payload()), c.payload().value(QStringLiteral("suggestion_id")).toInteger(), {});
        if (!sent)
            return storage::JobOutcome::of(sent.error());
        return storage::JobOutcome::done({{QStringLiteral("message_id"), sent->value(QStringLiteral("message")).toObject().value(QStringLiteral("id"))}});
    });
    conversations::ConversationService::ReviewHooks hooks;
    hooks.waiting = [&engine, kind](const QJsonObject &review) -> core::Status {
        automation::ApprovalRequest r;
        r.kind = kind;
        r.reference = suggestionReference(review.value(QStringLiteral("suggestion_id")).toInteger());
        if (review.value(QStringLiteral("lead_id")).isDouble())
            r.entityId = review.value(QStringLiteral("lead_id")).toInteger();
        const QString subject = review.value(QStringLiteral("subject")).toString();
        r.title = QStringLiteral("Reply to %1%2").arg(review.value(QStringLiteral("contact_email")).toString(),
                                                      subject.isEmpty() ? QString() : QStringLiteral(": ") + subject);
        r.payload = review;
        if (r.entityId)
            if (auto lead = engine.leads().get(*r.entityId); lead)
                r.payload.insert(QStringLiteral("lead_name"), lead->value(QStringLiteral("name")));
        r.deadlineHours = 7 * 24; // a week-old suggested reply is stale: then it is rejected
        r.defaultDecision = QStringLiteral("rejected");
        r.autoDecide = false; // the suggestion's own auto-approval rules were applied already
        auto made = engine.approvals().request(r);
        if (!made)
            return made.error();
        return {};
    };
    hooks.decided = [&engine, kind](qint64 suggestion, const QString &status, const leads::Actor &actor, const QString &note) -> core::Status {
        auto closed = engine.approvals().closeElsewhere(kind, suggestionReference(suggestion), status, actor.userId,
                                                        note.isEmpty() ? QStringLiteral("Decided on the Inbox page") : note);
        if (!closed)
            return closed.error();
        if (*closed > 0)
            engine.events().committed();
        return {};
    };
    engine.conversations().setReviewHooks(std::move(hooks));
}

} // namespace

void registerApprovalKinds(Engine &engine, storage::WorkerPool &workers)
{
    registerCampaignLaunches(engine);
    registerReplySuggestions(engine, workers);
    engine.n8n().enableApprovals(engine.approvals(), engine.leads(), engine.jobs(), workers);
}

} // namespace fliptech::engine
