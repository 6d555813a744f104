#pragma once
// EventCause: what made the lead changes on this thread, while a CauseScope lives (a rule's
// actions). LeadService announces it with each event as "cause": {rule_id, depth}, so the rules
// engine sees its own changes coming back and cuts loops.

#include <QtGlobal>

#include <optional>

namespace fliptech::leads {

struct EventCause {
    qint64 ruleId = 0;
    int depth = 0; // 1: made by a rule acting on a person's change; 2: by a rule acting on that; ...
};

class CauseScope final
{
public:
    explicit CauseScope(EventCause cause);
    ~CauseScope();
    CauseScope(const CauseScope &) = delete;
    CauseScope &operator=(const CauseScope &) = delete;
    static std::optional<EventCause> current();

private:
    std::optional<EventCause> m_previous;
};

} // namespace fliptech::leads
