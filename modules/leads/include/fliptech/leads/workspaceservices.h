#pragma once
// The smaller services of the lead workspace: tags, notes, the activity feed, locations and
// location groups, saved segments, and global search. Each is a thin layer of checked,
// parameterised SQL that the API controllers and the desktop share.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QSet>
#include <QJsonObject>

#include <memory>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

class LeadService;

class TagService final
{
public:
    TagService(std::shared_ptr<storage::Database> db, LeadService &leads, const core::Clock &clock);
    // Every tag with how many live leads carry it.
    // A page of tags by name (optionally those starting with `prefix`), each with its number
    // of live leads: {"items", "total", "next_cursor"} (the cursor is the next offset).
    core::Result<QJsonObject> list(int limit = 50, qint64 offset = 0, const QString &prefix = {});
    core::Result<QJsonObject> create(const Actor &actor, const QJsonObject &fields);
    core::Result<QJsonObject> update(const Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(const Actor &actor, qint64 id);

private:
    core::Result<QJsonObject> get(qint64 id);
    std::shared_ptr<storage::Database> m_db;
    LeadService &m_leads;
    const core::Clock &m_clock;
};

class NoteService final
{
public:
    NoteService(std::shared_ptr<storage::Database> db, LeadService &leads, const core::Clock &clock);
    core::Result<QJsonArray> forLead(qint64 leadId);
    core::Result<QJsonObject> add(const Actor &actor, qint64 leadId, const QString &content);
    // Only the author or an admin edits or deletes a note.
    core::Result<QJsonObject> edit(const Actor &actor, qint64 noteId, const QString &content);
    core::Status remove(const Actor &actor, qint64 noteId);

private:
    core::Result<QJsonObject> get(qint64 id);
    std::shared_ptr<storage::Database> m_db;
    LeadService &m_leads;
    const core::Clock &m_clock;
};

class ActivityFeed final
{
public:
    explicit ActivityFeed(std::shared_ptr<storage::Database> db);
    // Newest first; `beforeId` pages backwards. Security events (sign-ins and failed ones with
    // the e-mail typed, keys, accounts and roles) are shown to admins only.
    core::Result<QJsonArray> recent(const Actor &actor, int limit, qint64 beforeId = 0);
    core::Result<QJsonArray> byUser(const Actor &actor, qint64 userId, int limit, qint64 beforeId = 0);
    core::Result<QJsonArray> byLead(qint64 leadId, int limit, qint64 beforeId = 0);

private:
    core::Result<QJsonArray> query(const QString &where, const QVariantList &params, int limit, qint64 beforeId);
    std::shared_ptr<storage::Database> m_db;
};

class LocationService final
{
public:
    LocationService(std::shared_ptr<storage::Database> db, LeadService &leads, const core::Clock &clock);
    core::Result<QJsonArray> locations();
    core::Result<QJsonObject> createLocation(const QJsonObject &fields);
    // Groups with their member locations.
    core::Result<QJsonArray> groups();
    core::Result<QJsonObject> createGroup(const Actor &actor, const QJsonObject &fields);
    core::Result<QJsonObject> updateGroup(const Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status removeGroup(const Actor &actor, qint64 id);

private:
    core::Result<QJsonObject> group(qint64 id);
    core::Status setMembers(qint64 groupId, const QJsonArray &locationIds);
    std::shared_ptr<storage::Database> m_db;
    LeadService &m_leads;
    const core::Clock &m_clock;
};

class SegmentService final
{
public:
    SegmentService(std::shared_ptr<storage::Database> db, const core::Clock &clock);
    // The user's own segments and the shared ones.
    core::Result<QJsonArray> list(const Actor &actor);
    core::Result<QJsonObject> save(const Actor &actor, const QString &name, const QJsonObject &filter, const QString &sort, bool shared);
    core::Status remove(const Actor &actor, qint64 id);
    // The filter of a segment the actor may see (their own or a shared one), else NotFound.
    core::Result<QJsonObject> filterOf(const Actor &actor, qint64 id);

private:
    std::shared_ptr<storage::Database> m_db;
    const core::Clock &m_clock;
};

class SearchService final
{
public:
    explicit SearchService(std::shared_ptr<storage::Database> db);
    // Ranked hits with a highlighted snippet ("<mark>…</mark>"): type is leads, campaigns,
    // conversations, or empty for all three.
    core::Result<QJsonArray> search(const QString &query, const QString &type, int limit = 20);

private:
    core::Result<QJsonArray> leads(const QString &query, int limit);
    // One ranked pass over the leads matching `match`, leaving out `seen`.
    core::Result<QJsonArray> rankedLeads(const QString &match, int limit, QSet<qint64> *seen);
    core::Result<QJsonArray> byName(const QString &query, const QString &type, int limit);
    std::shared_ptr<storage::Database> m_db;
};

} // namespace fliptech::leads
