#include "fliptech/automation/approvalservice.h"

#include "automationsettings.h"
#include "storedjson.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApprovals, "fliptech.automation.approvals")

namespace fliptech::automation {

using core::ErrorCode;
using core::fieldError;
using core::makeError;
using storage::Database;

namespace {

const QString kColumns = QStringLiteral("id, entity_type, entity_id, title, payload, status, requested_by, decided_by, decided_at, decision_note, auto_decided, "
                                        "expires_at, created_at, decide_role, decide_user_id, default_decision, auto_rule_id, result, original_payload, reference");

QJsonValue idOrNull(const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong()); }

bool canDecide(const leads::Actor &actor, const QJsonObject &a)
{
    if (actor.isAdmin)
        return true;
    if (!actor.userId || actor.readOnly)
        return false;
    if (a.value(QStringLiteral("decide_user_id")).isDouble())
        return a.value(QStringLiteral("decide_user_id")).toInteger() == *actor.userId;
    return a.value(QStringLiteral("decide_role")).toString() != u"admin";
}

QJsonObject approvalJson(const storage::Row &r)
{
    const QString status = r.value(5).toString();
    const QString defaultDecision = r.value(15).toString();
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("kind"), r.value(1).toString()},
            {QStringLiteral("lead_id"), idOrNull(r.value(2))},
            {QStringLiteral("title"), r.value(3).toString()},
            {QStringLiteral("payload"), storedJson(r.value(4))},
            {QStringLiteral("status"), status},
            // What came of it: the decision, or the default when the deadline passed.
            {QStringLiteral("outcome"), status == u"pending" ? QJsonValue() : QJsonValue(status == u"expired" ? defaultDecision : status)},
            {QStringLiteral("requested_by"), idOrNull(r.value(6))},
            {QStringLiteral("decided_by"), idOrNull(r.value(7))},
            {QStringLiteral("decided_at"), Database::timestampJson(r.value(8))},
            {QStringLiteral("decision_note"), r.value(9).isNull() ? QJsonValue() : QJsonValue(r.value(9).toString())},
            {QStringLiteral("auto_decided"), r.value(10).toBool()},
            {QStringLiteral("expires_at"), Database::timestampJson(r.value(11))},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(12))},
            {QStringLiteral("decide_role"), r.value(13).toString()},
            {QStringLiteral("decide_user_id"), idOrNull(r.value(14))},
            {QStringLiteral("default_decision"), defaultDecision},
            {QStringLiteral("auto_rule_id"), idOrNull(r.value(16))},
            {QStringLiteral("result"), storedJson(r.value(17))},
            {QStringLiteral("original_payload"), storedJson(r.value(18))},
            {QStringLiteral("reference"), r.value(19).isNull() ? QJsonValue() : QJsonValue(r.value(19).toString())}};
}

// `edit` over `original` as a JSON merge patch does (RFC 7386), nulls kept as values.
QJsonObject mergedEdit(QJsonObject original, const QJsonObject &edit)
{
    for (auto it = edit.begin(); it != edit.end(); ++it)
        original.insert(it.key(), it.value().isObject() && original.value(it.key()).isObject()
                                      ? QJsonValue(mergedEdit(original.value(it.key()).toObject(), it.value().toObject()))
                                      : it.value());
    return original;
}

} // namespace

void ApprovalRequest::takeTerms(const QJsonObject &terms)
{
    decideRole = terms.value(QStringLiteral("decide_role")).toString(QStringLiteral("user"));
    if (terms.value(QStringLiteral("decide_user_id")).isDouble())
        decideUserId = terms.value(QStringLiteral("decide_user_id")).toInteger();
    deadlineHours = terms.value(QStringLiteral("deadline_hours")).toInt(24);
    defaultDecision = terms.value(QStringLiteral("default")).toString(QStringLiteral("rejected"));
}

core::Status checkApprovalTerms(const QJsonObject &p, const QString &path)
{
    auto at = [&path](const char *key) { return path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QLatin1String(key); };
    const QJsonValue role = p.value(QStringLiteral("decide_role"));
    if (!role.isUndefined() && role != QJsonValue(QStringLiteral("user")) && role != QJsonValue(QStringLiteral("admin")))
        return fieldError(at("decide_role"), QStringLiteral("must be \"user\" or \"admin\""));
    const QJsonValue user = p.value(QStringLiteral("decide_user_id"));
    if (!user.isUndefined() && (!user.isDouble() || user.toDouble() != double(user.toInteger()) || user.toInteger() <= 0))
        return fieldError(at("decide_user_id"), QStringLiteral("must be a user's id"));
    const QJsonValue hours = p.value(QStringLiteral("deadline_hours"));
    if (!hours.isUndefined() && (!hours.isDouble() || hours.toDouble() != double(hours.toInt()) || hours.toInt() < 1 || hours.toInt() > 720))
        return fieldError(at("deadline_hours"), QStringLiteral("must be a whole number of hours from 1 to 720"));
    const QJsonValue fallback = p.value(QStringLiteral("default"));
    if (!fallback.isUndefined() && fallback != QJsonValue(QStringLiteral("rejected")) && fallback != QJsonValue(QStringLiteral("approved")))
        return fieldError(at("default"), QStringLiteral("must be \"rejected\" or \"approved\" (what the deadline decides)"));
    return {};
}

ApprovalService::ApprovalService(std::shared_ptr<storage::Database> db, storage::EventStore *events, const core::Clock &clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_events(events), m_clock(clock)
{
}

ApprovalService::~ApprovalService()
{
    stopExpiring();
}

void ApprovalService::registerKind(ApprovalKind kind)
{
    QMutexLocker lock(&m_mutex);
    m_kinds.insert(kind.name, std::move(kind));
}

void ApprovalService::setAutoDecider(AutoDecider decider)
{
    QMutexLocker lock(&m_mutex);
    m_autoDecider = std::move(decider);
}

core::Result<QJsonObject> ApprovalService::request(const ApprovalRequest &r)
{
    AutoDecider decider;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_kinds.contains(r.kind))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("No approvals of the kind '%1' here").arg(r.kind));
        decider = m_autoDecider;
    }
    const QDateTime now = m_clock.now();
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO approvals (entity_type, entity_id, title, payload, status, requested_by, expires_at, created_at, "
                                              "decide_role, decide_user_id, default_decision, reference) VALUES (?, ?, ?, %1, 'pending', ?, %2, %2, ?, ?, ?, ?) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->timestampParam()),
                               {r.kind, r.entityId ? QVariant(*r.entityId) : QVariant(), r.title.left(300), jsonText(r.payload),
                                r.requestedBy ? QVariant(*r.requestedBy) : QVariant(), m_db->timestamp(now.addSecs(qint64(r.deadlineHours) * 3600)),
                                m_db->timestamp(now), r.decideRole, r.decideUserId ? QVariant(*r.decideUserId) : QVariant(), r.defaultDecision,
                                r.reference.isEmpty() ? QVariant() : QVariant(r.reference.left(2000))});
    if (!row)
        return row.error();
    const qint64 id = row->value(0).toLongLong();
    announce(QStringLiteral("approval_requested"), {{QStringLiteral("approval_id"), id}, {QStringLiteral("kind"), r.kind}, {QStringLiteral("title"), r.title},
                                                    {QStringLiteral("lead_id"), r.entityId ? QJsonValue(*r.entityId) : QJsonValue()}});
    if (decider && r.autoDecide) {
        auto rule = decider(r.kind, r.facts);
        if (!rule)
            return rule.error();
        if (*rule) {
            const QJsonObject matched = **rule;
            return settle(id, matched.value(QStringLiteral("decision")).toString(),
                          QStringLiteral("Auto-approval rule \"%1\"").arg(matched.value(QStringLiteral("name")).toString()), std::nullopt, true,
                          matched.value(QStringLiteral("id")).toInteger(), std::nullopt);
        }
    }
    Q_EMIT changed();
    auto stored = m_db->selectOne(QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(kColumns), {id});
    if (!stored)
        return stored.error();
    return approvalJson(*stored);
}

core::Result<QJsonArray> ApprovalService::pending(const leads::Actor &actor, const QString &kind, int limit)
{
    if (limit < 1 || limit > 1000)
        return fieldError(QStringLiteral("limit"), QStringLiteral("must be from 1 to 1000"));
    auto rows = kind.isEmpty()
                    ? m_db->select(QStringLiteral("SELECT %1 FROM approvals WHERE status = 'pending' ORDER BY created_at, id LIMIT ?").arg(kColumns), {limit})
                    : m_db->select(QStringLiteral("SELECT %1 FROM approvals WHERE status = 'pending' AND entity_type = ? ORDER BY created_at, id LIMIT ?").arg(kColumns),
                                   {kind, limit});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        QJsonObject a = approvalJson(r);
        a.insert(QStringLiteral("can_decide"), canDecide(actor, a));
        out.append(a);
    }
    return out;
}

core::Result<QJsonArray> ApprovalService::list(const leads::Actor &actor, const QString &status, int limit)
{
    if (limit < 1 || limit > 1000)
        return fieldError(QStringLiteral("limit"), QStringLiteral("must be from 1 to 1000"));
    static const QStringList statuses{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected"), QStringLiteral("expired")};
    if (!status.isEmpty() && !statuses.contains(status))
        return fieldError(QStringLiteral("status"), QStringLiteral("must be one of %1").arg(statuses.join(QStringLiteral(", "))));
    auto rows = status.isEmpty() ? m_db->select(QStringLiteral("SELECT %1 FROM approvals ORDER BY id DESC LIMIT ?").arg(kColumns), {limit})
                                 : m_db->select(QStringLiteral("SELECT %1 FROM approvals WHERE status = ? ORDER BY id DESC LIMIT ?").arg(kColumns), {status, limit});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        QJsonObject a = approvalJson(r);
        a.insert(QStringLiteral("can_decide"), a.value(QStringLiteral("status")).toString() == u"pending" && canDecide(actor, a));
        out.append(a);
    }
    return out;
}

core::Result<QJsonObject> ApprovalService::get(const leads::Actor &actor, qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? makeError(ErrorCode::NotFound, QStringLiteral("No approval %1").arg(id)) : row.error();
    QJsonObject a = approvalJson(*row);
    a.insert(QStringLiteral("can_decide"), a.value(QStringLiteral("status")).toString() == u"pending" && canDecide(actor, a));
    return a;
}

core::Result<std::optional<QJsonObject>> ApprovalService::latest(const leads::Actor &actor, const QString &kind, const QString &reference)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM approvals WHERE entity_type = ? AND reference = ? ORDER BY id DESC LIMIT 1").arg(kColumns), {kind, reference});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<QJsonObject>();
    QJsonObject a = approvalJson(rows->first());
    a.insert(QStringLiteral("can_decide"), a.value(QStringLiteral("status")).toString() == u"pending" && canDecide(actor, a));
    return std::optional<QJsonObject>(a);
}

core::Result<QJsonObject> ApprovalService::decide(const leads::Actor &actor, qint64 id, const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != u"decision" && it.key() != u"note" && it.key() != u"payload")
            return fieldError(it.key(), QStringLiteral("is not part of a decision (decision, note, payload)"));
    const QString decision = body.value(QStringLiteral("decision")).toString();
    if (decision != u"approved" && decision != u"rejected")
        return fieldError(QStringLiteral("decision"), QStringLiteral("must be \"approved\" or \"rejected\""));
    const QJsonValue note = body.value(QStringLiteral("note"));
    if (!note.isUndefined() && !note.isNull() && (!note.isString() || note.toString().size() > 2000))
        return fieldError(QStringLiteral("note"), QStringLiteral("must be a text of at most 2000 characters"));
    auto current = get(actor, id);
    if (!current)
        return current.error();
    if (current->value(QStringLiteral("status")).toString() != u"pending")
        return makeError(ErrorCode::Conflict, QStringLiteral("Approval %1 was already decided (%2)").arg(id).arg(current->value(QStringLiteral("status")).toString()));
    if (!canDecide(actor, *current))
        return makeError(ErrorCode::Forbidden, current->value(QStringLiteral("decide_user_id")).isDouble()
                                                   ? QStringLiteral("Approval %1 waits for another user's decision (or an administrator's)").arg(id)
                                                   : QStringLiteral("Approval %1 waits for an administrator's decision").arg(id));
    std::optional<QJsonObject> edited;
    if (body.contains(QStringLiteral("payload"))) {
        if (!body.value(QStringLiteral("payload")).isObject())
            return fieldError(QStringLiteral("payload"), QStringLiteral("must be an object (the reviewed payload, edited)"));
        if (decision != u"approved")
            return fieldError(QStringLiteral("payload"), QStringLiteral("is taken only with an approval (a rejection runs nothing)"));
        ApprovalKind kind;
        {
            QMutexLocker lock(&m_mutex);
            kind = m_kinds.value(current->value(QStringLiteral("kind")).toString());
        }
        if (!kind.checkEdit)
            return fieldError(QStringLiteral("payload"), QStringLiteral("cannot be edited for this kind of approval"));
        if (auto st = kind.checkEdit(body.value(QStringLiteral("payload")).toObject(), current->value(QStringLiteral("payload")).toObject()); !st)
            return st.error();
        edited = body.value(QStringLiteral("payload")).toObject();
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto settled = settle(id, decision, note.toString(), actor.userId, false, std::nullopt, edited);
    if (!settled)
        return settled.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    if (m_events)
        m_events->committed();
    return settled;
}

core::Result<QJsonObject> ApprovalService::settle(qint64 id, const QString &decision, const QString &note, std::optional<qint64> decider, bool automatic,
                                                  std::optional<qint64> autoRuleId, std::optional<QJsonObject> edited)
{
    storage::Transaction tx(*m_db); // a savepoint inside the caller's transaction
    if (!tx.isActive())
        return tx.error();
    auto row = m_db->selectOne(QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error();
    const QJsonObject before = approvalJson(*row);
    // An edit changes the fields it names, objects field by field; the rest stays as asked.
    const QJsonObject payload = edited ? mergedEdit(before.value(QStringLiteral("payload")).toObject(), *edited) : before.value(QStringLiteral("payload")).toObject();
    // Claimed by moving it out of pending: a second decider (or the deadline) finds it decided.
    const QVariant now = m_db->timestamp(m_clock.now());
    auto claimed = m_db->execute(QStringLiteral("UPDATE approvals SET status = ?, decided_by = ?, decided_at = %1, decision_note = ?, auto_decided = %2, "
                                                "auto_rule_id = ?, payload = %3, original_payload = %4 WHERE id = ? AND status = 'pending'")
                                     .arg(m_db->timestampParam(), m_db->boolLiteral(automatic), m_db->jsonParam(), edited ? m_db->jsonParam() : QStringLiteral("original_payload")),
                                 edited ? QVariantList{decision, decider ? QVariant(*decider) : QVariant(), now, note.isEmpty() ? QVariant() : QVariant(note),
                                                       autoRuleId ? QVariant(*autoRuleId) : QVariant(), jsonText(payload),
                                                       jsonText(before.value(QStringLiteral("payload"))), id}
                                        : QVariantList{decision, decider ? QVariant(*decider) : QVariant(), now, note.isEmpty() ? QVariant() : QVariant(note),
                                                       autoRuleId ? QVariant(*autoRuleId) : QVariant(), jsonText(payload), id});
    if (!claimed)
        return claimed.error();
    if (claimed->rowsAffected == 0)
        return makeError(ErrorCode::Conflict, QStringLiteral("Approval %1 was decided meanwhile").arg(id));
    ApprovalKind kind;
    {
        QMutexLocker lock(&m_mutex);
        kind = m_kinds.value(before.value(QStringLiteral("kind")).toString());
    }
    const bool approved = decision == u"approved" || (decision == u"expired" && before.value(QStringLiteral("default_decision")).toString() == u"approved");
    QJsonObject result;
    if (!kind.resume) {
        result = {{QStringLiteral("error"), QStringLiteral("this FlipTech Pro cannot resume '%1' work").arg(before.value(QStringLiteral("kind")).toString())}};
    } else {
        storage::Transaction work(*m_db); // the resumed work undone alone if it fails; the decision stays
        if (!work.isActive())
            return work.error();
        // The approval as decided: who, when, with what note.
        auto decided = m_db->selectOne(QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(kColumns), {id});
        if (!decided)
            return decided.error();
        auto did = kind.resume(approvalJson(*decided), payload, approved);
        if (did) {
            if (auto st = work.commit(); !st)
                return st.error();
            result = *did;
        } else {
            work.rollback();
            result = {{QStringLiteral("error"), did.error().userMessage()}};
        }
    }
    if (auto saved = m_db->execute(QStringLiteral("UPDATE approvals SET result = %1 WHERE id = ?").arg(m_db->jsonParam()), {jsonText(result), id}); !saved)
        return saved.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    auto after = m_db->selectOne(QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(kColumns), {id});
    if (!after)
        return after.error();
    QJsonObject out = approvalJson(*after);
    announce(QStringLiteral("approval_decided"), {{QStringLiteral("approval_id"), id}, {QStringLiteral("kind"), out.value(QStringLiteral("kind"))},
                                                  {QStringLiteral("status"), out.value(QStringLiteral("status"))}, {QStringLiteral("outcome"), out.value(QStringLiteral("outcome"))},
                                                  {QStringLiteral("auto_decided"), automatic}, {QStringLiteral("lead_id"), out.value(QStringLiteral("lead_id"))}});
    Q_EMIT changed();
    return out;
}

core::Result<int> ApprovalService::closeElsewhere(const QString &kind, const QString &reference, const QString &status, std::optional<qint64> decider,
                                                 const QString &note)
{
    if (status != u"approved" && status != u"rejected")
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An approval closes as approved or rejected, not '%1'").arg(status));
    auto open = m_db->select(QStringLiteral("SELECT id FROM approvals WHERE entity_type = ? AND reference = ? AND status = 'pending'"), {kind, reference});
    if (!open)
        return open.error();
    int closed = 0;
    for (const auto &r : *open) {
        const qint64 id = r.value(0).toLongLong();
        auto done = m_db->execute(QStringLiteral("UPDATE approvals SET status = ?, decided_by = ?, decided_at = %1, decision_note = ?, result = %2 "
                                                 "WHERE id = ? AND status = 'pending'")
                                      .arg(m_db->timestampParam(), m_db->jsonParam()),
                                  {status, decider ? QVariant(*decider) : QVariant(), m_db->timestamp(m_clock.now()), note.isEmpty() ? QVariant() : QVariant(note),
                                   jsonText(QJsonObject{{QStringLiteral("decided_elsewhere"), true}}), id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            continue; // decided here meanwhile
        ++closed;
        announce(QStringLiteral("approval_decided"), {{QStringLiteral("approval_id"), id}, {QStringLiteral("kind"), kind}, {QStringLiteral("status"), status},
                                                      {QStringLiteral("outcome"), status}, {QStringLiteral("auto_decided"), false}});
    }
    if (closed > 0)
        Q_EMIT changed();
    return closed;
}

core::Result<int> ApprovalService::expireDue()
{
    auto due = m_db->select(QStringLiteral("SELECT id FROM approvals WHERE status = 'pending' AND expires_at <= %1 ORDER BY expires_at LIMIT 100").arg(m_db->timestampParam()),
                            {m_db->timestamp(m_clock.now())});
    if (!due)
        return due.error();
    int done = 0;
    for (const auto &r : *due) {
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        auto settled = settle(r.value(0).toLongLong(), QStringLiteral("expired"), QStringLiteral("No decision by the deadline: its default applied"), std::nullopt,
                              true, std::nullopt, std::nullopt);
        if (!settled) {
            if (settled.error().code == ErrorCode::Conflict)
                continue; // decided meanwhile
            return settled.error();
        }
        if (auto st = tx.commit(); !st)
            return st.error();
        ++done;
    }
    if (done > 0 && m_events)
        m_events->committed();
    return done;
}

core::Result<int> ApprovalService::pendingCount()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT COUNT(*) FROM approvals WHERE status = 'pending'"));
    if (!row)
        return row.error();
    return int(row->value(0).toLongLong());
}

void ApprovalService::announce(const QString &type, const QJsonObject &payload)
{
    if (m_events)
        core::logDiscarded(m_events->append(type, QStringLiteral("workflows"), payload), "announcing an approval (clients refresh on their next read)");
}

void ApprovalService::startExpiring()
{
    if (m_expiry)
        return;
    m_expiry = std::make_unique<BackgroundRound>(m_db, [this] {
        if (auto done = expireDue(); !done)
            qCWarning(lcApprovals) << "could not apply the deadlines of approvals:" << done.error().message;
        qint64 delayMs = 60000;
        if (auto next = m_db->select(QStringLiteral("SELECT MIN(expires_at) FROM approvals WHERE status = 'pending'")); next && !next->isEmpty() &&
                                                                                                                        !next->first().value(0).isNull())
            delayMs = std::clamp<qint64>(m_clock.now().msecsTo(Database::toDateTime(next->first().value(0))), 0, 60000);
        return std::chrono::milliseconds(delayMs);
    });
    connect(this, &ApprovalService::changed, m_expiry.get(), &BackgroundRound::kick);
    m_expiry->start();
}

void ApprovalService::stopExpiring()
{
    m_expiry.reset();
}

core::Result<QJsonObject> ApprovalService::settings()
{
    return readAutomationSetting(*m_db, QStringLiteral("approvals"), {{QStringLiteral("campaign_launch_over"), 0}});
}

core::Result<QJsonObject> ApprovalService::updateSettings(const leads::Actor &actor, const QJsonObject &fields)
{
    if (!actor.isAdmin)
        return core::makeError(core::ErrorCode::Forbidden, QStringLiteral("Only an administrator may change what needs approval"));
    auto current = settings();
    if (!current)
        return current.error();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() != u"campaign_launch_over")
            return core::fieldError(it.key(), QStringLiteral("is not an approval setting (campaign_launch_over)"));
        const QJsonValue v = it.value();
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < 0 || v.toInteger() > 100000000)
            return core::fieldError(it.key(), QStringLiteral("must be a number of recipients (0: launches never wait)"));
        current->insert(it.key(), v.toInteger());
    }
    if (auto done = writeAutomationSetting(*m_db, QStringLiteral("approvals"), *current, actor, m_clock.now()); !done)
        return done.error();
    return *current;
}

} // namespace fliptech::automation
