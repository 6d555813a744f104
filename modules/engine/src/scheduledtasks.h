#pragma once

namespace fliptech::automation {
class ScheduleService;
class RuleService;
}

namespace fliptech::engine {

class Engine;

// Registers the tasks schedules can run, each over the engine's services.
void registerScheduledTasks(Engine &engine, automation::ScheduleService &schedules);
// Registers the rule actions over services other than the leads (analysis, verification, enrichment).
void registerRuleActions(Engine &engine, automation::RuleService &rules);

} // namespace fliptech::engine
