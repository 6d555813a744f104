#pragma once
// RuleService (issue 15, spec 2.4 "Rules builder", tables rules and rule_executions): "when a
// lead from Austin with an outdated site arrives, analyse it, tag it, tell me".
//
// A rule has a trigger (a domain event: lead_created, lead_updated, lead_status_changed,
// lead_tagged, message_received), conditions on the lead (automation::Condition, checked when
// saved), ordered actions (checked when saved: an action this FlipTech Pro cannot do is refused
// then, never skipped later), a priority (higher first) and a stop-processing flag.
//
// Execution follows the event stream from a cursor kept in the database, batch by batch, each
// batch in one transaction with the cursor's move: the actions of an event and the cursor's step
// past it commit together, so a crash repeats nothing and loses nothing (at-least-once delivery,
// an idempotency key per (rule, event) in rule_executions on top). Any number of processes may
// run it; the cursor row serialises them. A rule only sees events from after it was made. The
// changes a rule makes announce themselves with their cause (rule, depth); at depth 3 rules stop
// acting on them, and rule_executions says so (loops cut). Every match and every error is logged.
// A request_approval action parks the actions after it in an approval (ApprovalService): they run
// when it is approved (edited or not), in the decision's transaction, and the rule's execution
// records them then.

#include "fliptech/automation/backgroundround.h"
#include "fliptech/automation/condition.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class EventStore;
} // namespace fliptech::storage
namespace fliptech::leads {
class LeadService;
class NoteService;
} // namespace fliptech::leads

namespace fliptech::automation {

// What an action works on when it runs.
struct ActionContext {
    leads::Actor actor;  // the system, on behalf of the rule's maker
    qint64 ruleId = 0;
    QString ruleName;
    int depth = 0;       // of the event that set the rule off (its changes are depth + 1)
    qint64 leadId = 0;
    QJsonObject lead;    // as it is when the action runs
    QJsonObject event;   // {id, type, payload}
};

// A kind of action. The module knows the ones over leads; the engine adds those over other
// services (analysis, verification, enrichment, ...).
struct RuleActionType {
    QString name;
    QString label;
    QString description;
    // Checks an action's settings (its params without "type"); errors name the field under `path`
    // ("actions[2].tags").
    std::function<core::Status(const QJsonObject &params, const QString &path)> validate;
    // Does it (inside the transaction of its event); returns what it did, for the log.
    std::function<core::Result<QJsonObject>(const ActionContext &context, const QJsonObject &params)> run;
};

class ApprovalService;

class RuleService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxDepth = 3;
    // The approval kind of a rule's actions after a request_approval.
    static inline const QString approvalKind = QStringLiteral("rule_action");

    RuleService(std::shared_ptr<storage::Database> db, storage::EventStore *events, leads::LeadService &leads, leads::NoteService &notes,
                const core::Clock &clock, QObject *parent = nullptr);
    ~RuleService() override;

    void registerAction(RuleActionType type);
    // Enables the request_approval action: the actions after it wait for a decision (and run in
    // its transaction when approved).
    void setApprovals(ApprovalService *approvals);
    // [{name, label, description}] of the actions and the triggers this FlipTech Pro supports.
    QJsonArray actionTypes() const;
    static QJsonArray triggers();
    // [{name, kind, operators}] of the fields conditions may test.
    static QJsonArray fields();

    core::Result<QJsonArray> list();
    core::Result<QJsonObject> get(qint64 id);
    // {name, description?, trigger, conditions, logic_operator = AND, actions: [{type, ...params}],
    //  priority = 0, is_active = true, stop_processing = false}; each mistake names its path.
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    // The fields given change (the rest stay).
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(const leads::Actor &actor, qint64 id);
    // A dry run, nothing written: {lead_id} or {limit: newest N leads, default 20, at most 500} →
    // {evaluated, matched, items: [{lead_id, name, matched, actions: [what each would do]}]}.
    core::Result<QJsonObject> test(qint64 id, const QJsonObject &request);
    // What the rule did, newest first.
    core::Result<QJsonArray> executions(qint64 id, int limit = 100);

    // Runs the rules over the events after the cursor, up to `maxEvents`; returns how many events
    // it stepped past (with no rule on, the cursor jumps to the newest event: then 1 if it moved).
    core::Result<int> processPending(int maxEvents = 1000);
    // Follows the event stream in this process from now on (a round on its own thread when an
    // event a rule may want arrives, and every 30 s for what other processes wrote).
    void startConsuming();
    void stopConsuming();

Q_SIGNALS:
    void changed();

private:
    struct Rule;
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);
    core::Result<QList<std::shared_ptr<const Rule>>> activeRules();
    core::Status checkActions(const QJsonValue &actions);
    core::Result<int> processBatch(int limit);
    // Runs `actions` in order for the context's lead; stops at the first failure (`error` set) or
    // at a request_approval, which takes the actions after it. What each did.
    QJsonArray runActions(ActionContext &context, const QJsonArray &actions, const QJsonObject &extra, QString *error);
    void registerBuiltins();
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::EventStore *m_events;
    leads::LeadService &m_leads;
    leads::NoteService &m_notes;
    const core::Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<QString, RuleActionType> m_actions;
    std::unique_ptr<BackgroundRound> m_consumer;
    ApprovalService *m_approvals = nullptr;
};

} // namespace fliptech::automation
