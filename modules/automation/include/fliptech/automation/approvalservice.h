#pragma once
// ApprovalService (issue 15, spec "Approvals", table approvals): work that waits for a person.
// A request names what waits (its kind: a rule's remaining actions, ...), the lead it is about,
// who may decide (a role, or one user; administrators always may), a deadline and the outcome
// that applies when nobody decided by then, and the payload to review, which the decider may edit
// before approving (the kind checks the edit). An auto-approval rule (table auto_approval_rules,
// the same rules and endpoints reply suggestions use) may decide a request the moment it is made;
// that is logged as such (auto_decided, which rule). A decision resumes or stops the waiting work
// in the transaction that records it, so a decision is acted on exactly once: a second decider
// finds it decided. Requests and decisions are announced on "workflows" (approval_requested,
// approval_decided).

#include "fliptech/automation/backgroundround.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QDateTime>
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

namespace fliptech::automation {

// A kind of waiting work, registered by whoever makes such requests.
struct ApprovalKind {
    QString name;  // "rule_action"
    QString label; // "Rule actions"
    // Checks a decider's edited payload (the fields a decider may change); errors name the path.
    std::function<core::Status(const QJsonObject &edited, const QJsonObject &original)> checkEdit;
    // Resumes (approved) or ends (rejected) the work, in the decision's transaction: what it did.
    // `approval` is the request as decided (status, decided_by, decision_note, original payload
    // in original_payload when edited); `payload` is what to act on, edits applied.
    std::function<core::Result<QJsonObject>(const QJsonObject &approval, const QJsonObject &payload, bool approved)> resume;
};

struct ApprovalRequest {
    QString kind;
    std::optional<qint64> entityId; // the lead
    QString title;
    QJsonObject payload;
    QString decideRole = QStringLiteral("user"); // user (any user or admin) | admin
    std::optional<qint64> decideUserId;          // then only this user (or an administrator)
    int deadlineHours = 24;
    QString defaultDecision = QStringLiteral("rejected"); // when the deadline passes
    std::optional<qint64> requestedBy;
    QJsonObject facts; // what auto-approval rules may test
    // What the request is about in the kind's terms ("suggestion:42"), for closeElsewhere.
    QString reference;
    // false: no auto-approval rule is asked (the requester applied them already).
    bool autoDecide = true;

    // Who decides and by when, from {decide_role?, decide_user_id?, deadline_hours?, default?}
    // (checked by checkApprovalTerms).
    void takeTerms(const QJsonObject &terms);
};

// {decide_role? user|admin, decide_user_id?, deadline_hours? 1-720, default? rejected|approved}
// as a request for approval takes them; errors name `path.key` (the key alone when path is empty).
core::Status checkApprovalTerms(const QJsonObject &terms, const QString &path);

class ApprovalService final : public QObject
{
    Q_OBJECT
public:
    using AutoDecider = std::function<core::Result<std::optional<QJsonObject>>(const QString &kind, const QJsonObject &facts)>;

    ApprovalService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock, QObject *parent = nullptr);
    ~ApprovalService() override;

    void registerKind(ApprovalKind kind);
    // The auto-approval rules (the engine wires them; none: every request waits).
    void setAutoDecider(AutoDecider decider);

    // Records a request (in the caller's transaction) or, when an auto-approval rule matches,
    // decides it at once: the approval as stored.
    core::Result<QJsonObject> request(const ApprovalRequest &request);
    // Waiting requests, oldest first, each with can_decide for `actor`; `kind` empty: every kind.
    core::Result<QJsonArray> pending(const leads::Actor &actor, const QString &kind = {}, int limit = 200);
    // Decided ones too, newest first (status: pending|approved|rejected|expired, or empty: all).
    core::Result<QJsonArray> list(const leads::Actor &actor, const QString &status = {}, int limit = 200);
    core::Result<QJsonObject> get(const leads::Actor &actor, qint64 id);
    // The newest request of `kind` about `reference` (ApprovalRequest::reference), decided or not.
    core::Result<std::optional<QJsonObject>> latest(const leads::Actor &actor, const QString &kind, const QString &reference);
    // {decision: approved|rejected, note?, payload? (the fields changed, only when approving; the others stay)}: the approval as
    // decided, with what the resumed work did.
    core::Result<QJsonObject> decide(const leads::Actor &actor, qint64 id, const QJsonObject &decision);
    // The waiting work was decided outside the queue (a suggestion approved on the Inbox page):
    // the pending requests of `kind` about `reference` take `status` (approved|rejected) with
    // the decider and note, their work not resumed again. How many were closed.
    core::Result<int> closeElsewhere(const QString &kind, const QString &reference, const QString &status, std::optional<qint64> decider,
                                     const QString &note);
    // Requests past their deadline take their default outcome: how many.
    core::Result<int> expireDue();
    core::Result<int> pendingCount();
    // What needs a decision besides rule actions: {campaign_launch_over: a launch to more
    // recipients than this waits for an administrator's approval (0: never)}.
    core::Result<QJsonObject> settings();
    // Administrators: the fields given change.
    core::Result<QJsonObject> updateSettings(const leads::Actor &actor, const QJsonObject &fields);
    // Applies deadlines in this process (at the next deadline, at most every minute).
    void startExpiring();
    void stopExpiring();

Q_SIGNALS:
    void changed();

private:
    core::Result<QJsonObject> settle(qint64 id, const QString &decision, const QString &note, std::optional<qint64> decider, bool automatic,
                                     std::optional<qint64> autoRuleId, std::optional<QJsonObject> edited);
    void announce(const QString &type, const QJsonObject &payload);

    std::shared_ptr<storage::Database> m_db;
    storage::EventStore *m_events;
    const core::Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<QString, ApprovalKind> m_kinds;
    AutoDecider m_autoDecider;
    std::unique_ptr<BackgroundRound> m_expiry;
};

} // namespace fliptech::automation
