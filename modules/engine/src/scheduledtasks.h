#pragma once

namespace fliptech::automation {
class ScheduleService;
class RuleService;
class NotificationService;
}

namespace fliptech::storage {
class WorkerPool;
}

namespace fliptech::engine {

class Engine;

// Registers the tasks schedules can run, each over the engine's services.
void registerScheduledTasks(Engine &engine, automation::ScheduleService &schedules);
// Registers the rule actions over services other than the leads (analysis, verification, enrichment).
void registerRuleActions(Engine &engine, automation::RuleService &rules);
// The jobs some of those actions queue (an AI reply written, a template sent): slow work that
// must not run in the rule's transaction.
void registerRuleJobs(Engine &engine, storage::WorkerPool &workers);
// The kinds of approval other modules' work waits in (campaign launches, reply suggestions, n8n
// workflow steps), with the jobs their decisions queue.
void registerApprovalKinds(Engine &engine, storage::WorkerPool &workers);
// Notices from the event stream: replies, scrapes ended, campaign milestones, jobs dead
// (notifications.cpp).
void followNotifiableEvents(Engine &engine, automation::NotificationService &notices);

} // namespace fliptech::engine
