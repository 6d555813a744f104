#include "fliptech/leads/workspaceservices.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace fliptech::leads {

using core::ErrorCode;
using storage::Database;
using storage::Transaction;

namespace {

QJsonValue str(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

using core::fieldError;

// The matched words arrive between \x02 and \x03: everything else is escaped, so a lead's
// text can never inject markup into a page that shows the snippet.
QString highlight(const QString &marked)
{
    QString out = marked.toHtmlEscaped();
    out.replace(QChar(2), QStringLiteral("<mark>")).replace(QChar(3), QStringLiteral("</mark>"));
    return out;
}

const QRegularExpression &colorPattern()
{
    static const QRegularExpression re(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return re;
}

} // namespace

// ---- tags -------------------------------------------------------------------------------

TagService::TagService(std::shared_ptr<Database> db, LeadService &leads, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_clock(clock)
{
}

core::Result<QJsonObject> TagService::list(int limit, qint64 offset, const QString &prefix)
{
    if (limit < 1 || limit > 500)
        return fieldError(QStringLiteral("limit"), QStringLiteral("must be 1 to 500"));
    if (offset < 0)
        return fieldError(QStringLiteral("cursor"), QStringLiteral("must be a non-negative offset"));
    QString where;
    QVariantList params;
    if (!prefix.isEmpty()) {
        // A prefix of the lower-case name, matched without LIKE (no wildcard characters to escape).
        where = QStringLiteral(" WHERE substr(lower(t.name), 1, %1) = lower(?)").arg(prefix.size());
        params << prefix;
    }
    auto total = m_db->selectOne(QStringLiteral("SELECT count(*) FROM tags t") + where, params);
    if (!total)
        return total.error();
    auto rows = m_db->select(QStringLiteral("SELECT t.id, t.name, t.color, t.category, t.created_at, "
                                            "(SELECT count(*) FROM lead_tags lt JOIN leads l ON l.id = lt.lead_id "
                                            " WHERE lt.tag_id = t.id AND l.deleted_at IS NULL) "
                                            "FROM tags t%1 ORDER BY lower(t.name), t.id LIMIT %2 OFFSET %3")
                                 .arg(where).arg(limit).arg(offset),
                             params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()}, {QStringLiteral("name"), r.value(1).toString()},
                               {QStringLiteral("color"), str(r.value(2))}, {QStringLiteral("category"), str(r.value(3))},
                               {QStringLiteral("created_at"), Database::timestampJson(r.value(4))}, {QStringLiteral("lead_count"), r.value(5).toLongLong()}});
    const qint64 count = total->value(0).toLongLong();
    const qint64 next = offset + out.size();
    return QJsonObject{{QStringLiteral("items"), out}, {QStringLiteral("total"), count},
                       {QStringLiteral("next_cursor"), next < count && !out.isEmpty() ? QJsonValue(QString::number(next)) : QJsonValue()}};
}

core::Result<QJsonObject> TagService::get(qint64 id)
{
    auto r = m_db->selectOne(QStringLiteral("SELECT id, name, color, category, created_at FROM tags WHERE id = ?"), {id});
    if (!r)
        return r.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("tag %1 does not exist").arg(id)) : r.error();
    return QJsonObject{{QStringLiteral("id"), r->value(0).toLongLong()}, {QStringLiteral("name"), r->value(1).toString()},
                       {QStringLiteral("color"), str(r->value(2))}, {QStringLiteral("category"), str(r->value(3))},
                       {QStringLiteral("created_at"), Database::timestampJson(r->value(4))}};
}

core::Result<QJsonObject> TagService::create(const Actor &actor, const QJsonObject &fields)
{
    const QString name = fields.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty() || name.size() > 100)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 100 characters"));
    const QString color = fields.value(QStringLiteral("color")).toString();
    if (!color.isEmpty() && !colorPattern().match(color).hasMatch())
        return fieldError(QStringLiteral("color"), QStringLiteral("must be a colour like #1e88e5"));
    const QString category = fields.value(QStringLiteral("category")).toString().trimmed();
    Transaction tx(*m_db); // the tag and its record in the activity log, or neither
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO tags (name, color, category, created_at) VALUES (?, ?, ?, %1) RETURNING id").arg(m_db->timestampParam()),
                               {name, color.isEmpty() ? QVariant() : QVariant(color), category.isEmpty() ? QVariant() : QVariant(category),
                                Database::isoTimestamp(m_clock.now())});
    if (!row) {
        if (row.error().code == ErrorCode::Conflict)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("a tag named '%1' exists already (names ignore case)").arg(name),
                                   {{QStringLiteral("name"), QStringLiteral("already exists")}});
        return row.error();
    }
    const qint64 id = row->value(0).toLongLong();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("tag_created"), QStringLiteral("tag"), id, {{QStringLiteral("name"), name}}); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return get(id);
}

core::Result<QJsonObject> TagService::update(const Actor &actor, qint64 id, const QJsonObject &fields)
{
    auto before = get(id);
    if (!before)
        return before.error();
    QStringList sets;
    QVariantList params;
    if (fields.contains(QStringLiteral("name"))) {
        const QString name = fields.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty() || name.size() > 100)
            return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 100 characters"));
        sets << QStringLiteral("name = ?");
        params << name;
    }
    if (fields.contains(QStringLiteral("color"))) {
        const QString color = fields.value(QStringLiteral("color")).toString();
        if (!color.isEmpty() && !colorPattern().match(color).hasMatch())
            return fieldError(QStringLiteral("color"), QStringLiteral("must be a colour like #1e88e5"));
        sets << QStringLiteral("color = ?");
        params << (color.isEmpty() ? QVariant() : QVariant(color));
    }
    if (fields.contains(QStringLiteral("category"))) {
        const QString category = fields.value(QStringLiteral("category")).toString().trimmed();
        sets << QStringLiteral("category = ?");
        params << (category.isEmpty() ? QVariant() : QVariant(category));
    }
    if (sets.isEmpty())
        return before;
    params << id;
    Transaction tx(*m_db);
    auto done = m_db->execute(QStringLiteral("UPDATE tags SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))), params);
    if (!done) {
        if (done.error().code == ErrorCode::Conflict)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("another tag has that name (names ignore case)"),
                                   {{QStringLiteral("name"), QStringLiteral("already exists")}});
        return done.error();
    }
    if (auto st = m_leads.logActivity(actor, QStringLiteral("tag_updated"), QStringLiteral("tag"), id, {{QStringLiteral("before"), *before}}); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    m_leads.touch();
    return get(id);
}

core::Status TagService::remove(const Actor &actor, qint64 id)
{
    auto before = get(id);
    if (!before)
        return before.error();
    Transaction tx(*m_db);
    auto done = m_db->execute(QStringLiteral("DELETE FROM tags WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("tag_deleted"), QStringLiteral("tag"), id, {{QStringLiteral("tag"), *before}}); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    m_leads.touch();
    return {};
}

// ---- notes ------------------------------------------------------------------------------

NoteService::NoteService(std::shared_ptr<Database> db, LeadService &leads, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_clock(clock)
{
}

namespace {
const QString noteColumns = QStringLiteral("n.id, n.lead_id, n.content, n.author_id, u.name, u.email, n.edited_at, n.created_at, n.updated_at");
QJsonObject noteJson(const storage::Row &r)
{
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("lead_id"), r.value(1).toLongLong()},
            {QStringLiteral("content"), r.value(2).toString()},
            {QStringLiteral("author"), r.value(3).isNull() ? QJsonValue()
                                                           : QJsonValue(QJsonObject{{QStringLiteral("id"), r.value(3).toLongLong()},
                                                                                    {QStringLiteral("name"), str(r.value(4))},
                                                                                    {QStringLiteral("email"), str(r.value(5))}})},
            {QStringLiteral("edited_at"), Database::timestampJson(r.value(6))},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(7))},
            {QStringLiteral("updated_at"), Database::timestampJson(r.value(8))}};
}
core::Status checkContent(const QString &content)
{
    if (content.trimmed().isEmpty() || content.size() > 20000)
        return fieldError(QStringLiteral("content"), QStringLiteral("must be 1 to 20000 characters"));
    return {};
}
} // namespace

core::Result<QJsonObject> NoteService::get(qint64 id)
{
    auto r = m_db->selectOne(QStringLiteral("SELECT %1 FROM notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.id = ?").arg(noteColumns), {id});
    if (!r)
        return r.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("note %1 does not exist").arg(id)) : r.error();
    return noteJson(*r);
}

core::Result<QJsonArray> NoteService::forLead(qint64 leadId)
{
    if (auto lead = m_leads.get(leadId); !lead)
        return lead.error();
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.lead_id = ? "
                                            "ORDER BY n.created_at DESC, n.id DESC").arg(noteColumns), {leadId});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(noteJson(r));
    return out;
}

core::Result<QJsonObject> NoteService::add(const Actor &actor, qint64 leadId, const QString &content)
{
    if (auto st = checkContent(content); !st)
        return st.error();
    Transaction tx(m_leads.database());
    if (auto lead = m_leads.get(leadId); !lead)
        return lead.error();
    const QString now = Database::isoTimestamp(m_clock.now());
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO notes (lead_id, content, author_id, created_at, updated_at) VALUES (?, ?, ?, %1, %1) RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {leadId, content, actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    const qint64 id = row->value(0).toLongLong();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("note_added"), QStringLiteral("lead"), leadId, {{QStringLiteral("note_id"), id}}); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return get(id);
}

core::Result<QJsonObject> NoteService::edit(const Actor &actor, qint64 noteId, const QString &content)
{
    if (auto st = checkContent(content); !st)
        return st.error();
    auto note = get(noteId);
    if (!note)
        return note.error();
    const QJsonValue author = note->value(QStringLiteral("author")).toObject().value(QStringLiteral("id"));
    if (!actor.isAdmin && (!actor.userId || author.toInteger() != *actor.userId))
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("only the note's author or an admin can change it"));
    Transaction tx(m_leads.database());
    const QString now = Database::isoTimestamp(m_clock.now());
    auto done = m_db->execute(QStringLiteral("UPDATE notes SET content = ?, edited_at = %1, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                              {content, now, now, noteId});
    if (!done)
        return done.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("note_edited"), QStringLiteral("lead"), note->value(QStringLiteral("lead_id")).toInteger(),
                                      {{QStringLiteral("note_id"), noteId},
                                       {QStringLiteral("changes"), QJsonObject{{QStringLiteral("content"),
                                                                                QJsonObject{{QStringLiteral("from"), note->value(QStringLiteral("content"))},
                                                                                            {QStringLiteral("to"), content}}}}}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return get(noteId);
}

core::Status NoteService::remove(const Actor &actor, qint64 noteId)
{
    auto note = get(noteId);
    if (!note)
        return note.error();
    const QJsonValue author = note->value(QStringLiteral("author")).toObject().value(QStringLiteral("id"));
    if (!actor.isAdmin && (!actor.userId || author.toInteger() != *actor.userId))
        return core::makeError(ErrorCode::Forbidden, QStringLiteral("only the note's author or an admin can delete it"));
    Transaction tx(m_leads.database());
    auto done = m_db->execute(QStringLiteral("DELETE FROM notes WHERE id = ?"), {noteId});
    if (!done)
        return done.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("note_deleted"), QStringLiteral("lead"), note->value(QStringLiteral("lead_id")).toInteger(),
                                      {{QStringLiteral("note"), *note}});
        !st)
        return st;
    return tx.commit();
}

// ---- activity ---------------------------------------------------------------------------

ActivityFeed::ActivityFeed(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

core::Result<QJsonArray> ActivityFeed::query(const QString &where, const QVariantList &params, int limit, qint64 beforeId)
{
    QString sql = QStringLiteral("SELECT a.id, a.user_id, u.name, u.email, a.action, a.entity_type, a.entity_id, a.details, a.created_at "
                                 "FROM activity_log a LEFT JOIN users u ON u.id = a.user_id WHERE ") + where;
    QVariantList p = params;
    if (beforeId > 0) {
        sql += QStringLiteral(" AND a.id < ?");
        p << beforeId;
    }
    sql += QStringLiteral(" ORDER BY a.id DESC LIMIT ") + QString::number(qBound(1, limit, 500));
    auto rows = m_db->select(sql, p);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        const QJsonDocument details = QJsonDocument::fromJson(r.value(7).toString().toUtf8());
        out.append(QJsonObject{
            {QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("user"), r.value(1).isNull() ? QJsonValue()
                                                         : QJsonValue(QJsonObject{{QStringLiteral("id"), r.value(1).toLongLong()},
                                                                                  {QStringLiteral("name"), str(r.value(2))},
                                                                                  {QStringLiteral("email"), str(r.value(3))}})},
            {QStringLiteral("action"), r.value(4).toString()},
            {QStringLiteral("entity_type"), str(r.value(5))},
            {QStringLiteral("entity_id"), r.value(6).isNull() ? QJsonValue() : QJsonValue(r.value(6).toLongLong())},
            {QStringLiteral("details"), details.isObject() ? QJsonValue(details.object()) : QJsonValue()},
            {QStringLiteral("created_at"), Database::timestampJson(r.value(8))}});
    }
    return out;
}

namespace {
// The account and credential records (entity types the auth module writes).
const QString kWorkspaceOnly = QStringLiteral(" AND (a.entity_type IS NULL OR a.entity_type NOT IN ('user', 'api_key', 'session'))");
} // namespace

core::Result<QJsonArray> ActivityFeed::recent(const Actor &actor, int limit, qint64 beforeId)
{
    return query(QStringLiteral("1 = 1") + (actor.isAdmin ? QString() : kWorkspaceOnly), {}, limit, beforeId);
}

core::Result<QJsonArray> ActivityFeed::byUser(const Actor &actor, qint64 userId, int limit, qint64 beforeId)
{
    return query(QStringLiteral("a.user_id = ?") + (actor.isAdmin ? QString() : kWorkspaceOnly), {userId}, limit, beforeId);
}

core::Result<QJsonArray> ActivityFeed::byLead(qint64 leadId, int limit, qint64 beforeId)
{
    return query(QStringLiteral("a.entity_type = 'lead' AND a.entity_id = ?"), {leadId}, limit, beforeId);
}

// ---- locations --------------------------------------------------------------------------

LocationService::LocationService(std::shared_ptr<Database> db, LeadService &leads, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_clock(clock)
{
}

namespace {
QJsonObject locationJson(const storage::Row &r, int base = 0)
{
    return {{QStringLiteral("id"), r.value(base).toLongLong()}, {QStringLiteral("name"), r.value(base + 1).toString()},
            {QStringLiteral("kind"), r.value(base + 2).toString()}, {QStringLiteral("code"), str(r.value(base + 3))},
            {QStringLiteral("region"), str(r.value(base + 4))}, {QStringLiteral("country"), str(r.value(base + 5))},
            {QStringLiteral("timezone"), r.value(base + 6).toString()}};
}
const QString locationColumns = QStringLiteral("l.id, l.name, l.kind, l.code, l.region, l.country, l.timezone");
} // namespace

core::Result<QJsonArray> LocationService::locations()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM locations l ORDER BY l.country, l.region, l.name").arg(locationColumns));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(locationJson(r));
    return out;
}

core::Result<QJsonObject> LocationService::createLocation(const QJsonObject &f)
{
    const QString name = f.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty() || name.size() > 200)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QString kind = f.value(QStringLiteral("kind")).toString(QStringLiteral("city"));
    if (!QStringList{QStringLiteral("city"), QStringLiteral("area"), QStringLiteral("region"), QStringLiteral("country")}.contains(kind))
        return fieldError(QStringLiteral("kind"), QStringLiteral("must be city, area, region or country"));
    const QString tz = f.value(QStringLiteral("timezone")).toString(QStringLiteral("UTC"));
    if (!QTimeZone(tz.toUtf8()).isValid())
        return fieldError(QStringLiteral("timezone"), QStringLiteral("is not a known time zone (e.g. America/Chicago)"));
    auto v = [&](const char *k) {
        const QString s = f.value(QString::fromLatin1(k)).toString().trimmed();
        return s.isEmpty() ? QVariant() : QVariant(s);
    };
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO locations (name, kind, code, region, country, timezone) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                               {name, kind, v("code"), v("region"), v("country"), tz});
    if (!row)
        return row.error().code == ErrorCode::Conflict ? fieldError(QStringLiteral("code"), QStringLiteral("is used by another location")) : row.error();
    auto r = m_db->selectOne(QStringLiteral("SELECT %1 FROM locations l WHERE l.id = ?").arg(locationColumns), {row->value(0)});
    if (!r)
        return r.error();
    return locationJson(*r);
}

core::Result<QJsonObject> LocationService::group(qint64 id)
{
    auto g = m_db->selectOne(QStringLiteral("SELECT id, name, description, created_at, updated_at FROM location_groups WHERE id = ?"), {id});
    if (!g)
        return g.error().code == ErrorCode::NotFound
            ? core::makeError(ErrorCode::NotFound, QStringLiteral("location group %1 does not exist").arg(id)) : g.error();
    auto members = m_db->select(QStringLiteral("SELECT %1 FROM location_group_members m JOIN locations l ON l.id = m.location_id "
                                               "WHERE m.group_id = ? ORDER BY l.name").arg(locationColumns), {id});
    if (!members)
        return members.error();
    QJsonArray locs;
    for (const auto &r : *members)
        locs.append(locationJson(r));
    return QJsonObject{{QStringLiteral("id"), g->value(0).toLongLong()}, {QStringLiteral("name"), g->value(1).toString()},
                       {QStringLiteral("description"), str(g->value(2))}, {QStringLiteral("locations"), locs},
                       {QStringLiteral("created_at"), Database::timestampJson(g->value(3))}, {QStringLiteral("updated_at"), Database::timestampJson(g->value(4))}};
}

core::Result<QJsonArray> LocationService::groups()
{
    auto rows = m_db->select(QStringLiteral("SELECT id FROM location_groups ORDER BY lower(name)"));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        auto g = group(r.value(0).toLongLong());
        if (!g)
            return g.error();
        out.append(*g);
    }
    return out;
}

core::Status LocationService::setMembers(qint64 groupId, const QJsonArray &locationIds)
{
    if (auto d = m_db->execute(QStringLiteral("DELETE FROM location_group_members WHERE group_id = ?"), {groupId}); !d)
        return d.error();
    for (const auto &v : locationIds) {
        const qint64 loc = v.toInteger();
        if (auto exists = m_db->selectOne(QStringLiteral("SELECT id FROM locations WHERE id = ?"), {loc}); !exists)
            return fieldError(QStringLiteral("location_ids"), QStringLiteral("location %1 does not exist").arg(loc));
        auto ins = m_db->execute(QStringLiteral("INSERT INTO location_group_members (group_id, location_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                                 {groupId, loc});
        if (!ins)
            return ins.error();
    }
    return {};
}

core::Result<QJsonObject> LocationService::createGroup(const Actor &actor, const QJsonObject &f)
{
    const QString name = f.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty() || name.size() > 200)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    Transaction tx(*m_db);
    const QString now = Database::isoTimestamp(m_clock.now());
    const QString description = f.value(QStringLiteral("description")).toString();
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO location_groups (name, description, created_by, created_at, updated_at) "
                                              "VALUES (?, ?, ?, %1, %1) RETURNING id").arg(m_db->timestampParam()),
                               {name, description.isEmpty() ? QVariant() : QVariant(description),
                                actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error().code == ErrorCode::Conflict
            ? core::makeError(ErrorCode::Conflict, QStringLiteral("a location group named '%1' exists already").arg(name), {{QStringLiteral("name"), QStringLiteral("already exists")}})
            : row.error();
    const qint64 id = row->value(0).toLongLong();
    if (auto st = setMembers(id, f.value(QStringLiteral("location_ids")).toArray()); !st)
        return st.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("location_group_created"), QStringLiteral("location_group"), id, {{QStringLiteral("name"), name}}); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return group(id);
}

core::Result<QJsonObject> LocationService::updateGroup(const Actor &actor, qint64 id, const QJsonObject &f)
{
    Transaction tx(*m_db);
    auto before = group(id);
    if (!before)
        return before.error();
    QStringList sets{QStringLiteral("updated_at = ") + m_db->timestampParam()};
    QVariantList params{Database::isoTimestamp(m_clock.now())};
    if (f.contains(QStringLiteral("name"))) {
        const QString name = f.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty() || name.size() > 200)
            return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
        sets << QStringLiteral("name = ?");
        params << name;
    }
    if (f.contains(QStringLiteral("description"))) {
        sets << QStringLiteral("description = ?");
        params << f.value(QStringLiteral("description")).toString();
    }
    params << id;
    auto done = m_db->execute(QStringLiteral("UPDATE location_groups SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))), params);
    if (!done)
        return done.error().code == ErrorCode::Conflict
            ? core::makeError(ErrorCode::Conflict, QStringLiteral("another location group has that name"), {{QStringLiteral("name"), QStringLiteral("already exists")}})
            : done.error();
    if (f.contains(QStringLiteral("location_ids")))
        if (auto st = setMembers(id, f.value(QStringLiteral("location_ids")).toArray()); !st)
            return st.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("location_group_updated"), QStringLiteral("location_group"), id, {{QStringLiteral("before"), *before}}); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    m_leads.touch();
    return group(id);
}

core::Status LocationService::removeGroup(const Actor &actor, qint64 id)
{
    auto before = group(id);
    if (!before)
        return before.error();
    Transaction tx(*m_db); // the deletion and its record in the activity log, or neither
    auto done = m_db->execute(QStringLiteral("DELETE FROM location_groups WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("location_group_deleted"), QStringLiteral("location_group"), id, {{QStringLiteral("group"), *before}}); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    m_leads.touch();
    return {};
}

// ---- saved segments ---------------------------------------------------------------------

SegmentService::SegmentService(std::shared_ptr<Database> db, const core::Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

core::Result<QJsonArray> SegmentService::list(const Actor &actor)
{
    auto rows = m_db->select(QStringLiteral("SELECT id, name, filter, sort, owner_id, shared FROM saved_segments "
                                            "WHERE owner_id = ? OR shared = %1 ORDER BY lower(name)").arg(m_db->boolLiteral(true)),
                             {actor.userId ? QVariant(*actor.userId) : QVariant(qint64(0))});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()}, {QStringLiteral("name"), r.value(1).toString()},
                               {QStringLiteral("filter"), QJsonDocument::fromJson(r.value(2).toString().toUtf8()).object()},
                               {QStringLiteral("sort"), str(r.value(3))}, {QStringLiteral("owner_id"), r.value(4).toLongLong()},
                               {QStringLiteral("shared"), r.value(5).toBool()}});
    return out;
}

core::Result<QJsonObject> SegmentService::filterOf(const Actor &actor, qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT filter FROM saved_segments WHERE id = ? AND (owner_id = ? OR shared = %1 OR %2)")
                                   .arg(m_db->boolLiteral(true), m_db->boolLiteral(actor.isAdmin)),
                               {id, actor.userId ? QVariant(*actor.userId) : QVariant(qint64(0))});
    if (!row)
        return row.error().code == core::ErrorCode::NotFound ? core::makeError(core::ErrorCode::NotFound, QStringLiteral("No saved segment %1").arg(id)) : row.error();
    return QJsonDocument::fromJson(row->value(0).toString().toUtf8()).object();
}

core::Result<QJsonObject> SegmentService::save(const Actor &actor, const QString &rawName, const QJsonObject &filter, const QString &sort, bool shared)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty() || name.size() > 100)
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 100 characters"));
    if (auto f = LeadFilter::fromJson(filter); !f)
        return f.error();
    if (auto s = LeadSort::parse(sort); !s)
        return s.error();
    const QString now = Database::isoTimestamp(m_clock.now());
    const QVariant owner = actor.userId ? QVariant(*actor.userId) : QVariant();
    // Saving under an existing name replaces that segment.
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO saved_segments (name, filter, sort, owner_id, shared, created_at, updated_at) "
                                              "VALUES (?, %1, ?, ?, %2, %3, %3) ON CONFLICT (owner_id, lower(name)) DO UPDATE SET "
                                              "filter = excluded.filter, sort = excluded.sort, shared = excluded.shared, updated_at = excluded.updated_at "
                                              "RETURNING id").arg(m_db->jsonParam(), m_db->boolLiteral(shared), m_db->timestampParam()),
                               {name, QString::fromUtf8(core::json::compact(filter)), sort.isEmpty() ? QVariant() : QVariant(sort), owner, now, now});
    if (!row)
        return row.error();
    return QJsonObject{{QStringLiteral("id"), row->value(0).toLongLong()}, {QStringLiteral("name"), name}, {QStringLiteral("filter"), filter},
                       {QStringLiteral("sort"), sort.isEmpty() ? QJsonValue() : QJsonValue(sort)}, {QStringLiteral("shared"), shared}};
}

core::Status SegmentService::remove(const Actor &actor, qint64 id)
{
    auto done = m_db->execute(QStringLiteral("DELETE FROM saved_segments WHERE id = ? AND (owner_id = ? OR %1)").arg(m_db->boolLiteral(actor.isAdmin)),
                              {id, actor.userId ? QVariant(*actor.userId) : QVariant(qint64(0))});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("segment %1 does not exist or is not yours").arg(id));
    return {};
}

// ---- search -----------------------------------------------------------------------------

SearchService::SearchService(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

core::Result<QJsonArray> SearchService::search(const QString &query, const QString &type, int limit)
{
    if (query.trimmed().isEmpty())
        return fieldError(QStringLiteral("q"), QStringLiteral("type something to search for"));
    if (query.size() > 500)
        return fieldError(QStringLiteral("q"), QStringLiteral("must be at most 500 characters"));
    limit = qBound(1, limit, 100);
    if (!type.isEmpty() && type != QLatin1String("leads") && type != QLatin1String("campaigns") && type != QLatin1String("conversations"))
        return fieldError(QStringLiteral("type"), QStringLiteral("must be leads, campaigns or conversations"));
    QJsonArray out;
    if (type.isEmpty() || type == QLatin1String("leads")) {
        auto hits = leads(query, limit);
        if (!hits)
            return hits.error();
        out = *hits;
    }
    for (const QString &t : {QStringLiteral("campaigns"), QStringLiteral("conversations")}) {
        if (!type.isEmpty() && type != t)
            continue;
        auto hits = byName(query, t, limit);
        if (!hits)
            return hits.error();
        for (const auto &h : *hits)
            out.append(h);
    }
    return out;
}

core::Result<QJsonArray> SearchService::leads(const QString &query, int limit)
{
    // Whole words first, then words that only begin with what was typed. Whole-word matches are
    // the better hits, and far cheaper: a prefix walks every indexed word it begins, and e-mail
    // addresses and domains make hundreds of thousands of distinct words ("seattle" begins
    // "seattleplumbing123"): several times slower per pass at a million leads.
    const QString exact = LeadFilter::matchExpression(*m_db, query, false);
    if (exact.isEmpty())
        return QJsonArray();
    QSet<qint64> seen;
    auto hits = rankedLeads(exact, limit, &seen);
    if (!hits || hits->size() >= limit)
        return hits;
    auto more = rankedLeads(LeadFilter::matchExpression(*m_db, query, true), limit - int(hits->size()), &seen);
    if (!more)
        return more.error();
    QJsonArray out = *hits;
    for (const auto &h : *more)
        out.append(h);
    return out;
}

core::Result<QJsonArray> SearchService::rankedLeads(const QString &match, int limit, QSet<qint64> *seen)
{
    // Ranking every match of a frequent word ("smith" in a million leads) is what makes a search
    // slow, so only the newest matches are ranked (SQLite: 2,000; PostgreSQL: 500 among the
    // newest leads, see below); rarer words rank all of theirs.
    const int fetch = limit + int(seen->size()); // the hits already shown come again
    QString sql;
    QVariantList params{match, match};
    // PostgreSQL: no parallel workers for these short reads (starting them costs more than the
    // walk; docs/benchmarks.md); this transaction's setting only.
    std::optional<storage::Transaction> serial;
    if (m_db->isPostgres()) {
        serial.emplace(*m_db);
        if (auto st = m_db->executeRaw(QStringLiteral("SET LOCAL max_parallel_workers_per_gather = 0")); !st)
            return st.error();
        // Candidates: the newest matches among the newest 20,000 documents (a bounded backwards
        // walk of lead_search's key, the documents stored); only when those hold too few hits,
        // the newest of all matches (the words are rare then, so the GIN bitmap is small).
        auto recent = m_db->select(QStringLiteral(
            "SELECT s.lead_id FROM lead_search s JOIN leads l ON l.id = s.lead_id "
            "WHERE s.lead_id > (SELECT coalesce(max(lead_id), 0) - 20000 FROM lead_search) "
            "AND s.document @@ to_tsquery('simple', ?) AND l.deleted_at IS NULL ORDER BY s.lead_id DESC LIMIT 500"), {match});
        if (!recent)
            return recent.error();
        storage::Rows candidates = *recent;
        if (candidates.size() < fetch) {
            // OFFSET 0 keeps the ORDER BY out of the subquery, so the planner reads the GIN bitmap.
            auto all = m_db->select(QStringLiteral(
                "SELECT id FROM (SELECT s.lead_id AS id FROM lead_search s JOIN leads l ON l.id = s.lead_id "
                "WHERE s.document @@ to_tsquery('simple', ?) AND l.deleted_at IS NULL OFFSET 0) m ORDER BY id DESC LIMIT 500"), {match});
            if (!all)
                return all.error();
            candidates = *all;
        }
        if (candidates.isEmpty())
            return QJsonArray();
        QStringList ids;
        ids.reserve(candidates.size());
        for (const auto &r : std::as_const(candidates))
            ids << QString::number(r.value(0).toLongLong());
        params = {match, QString(u'{' + ids.join(u',') + u'}')};
        sql = QStringLiteral(
            "WITH q AS (SELECT to_tsquery('simple', ?) AS query), "
            "hits AS (SELECT l.id, l.name, l.company, l.email, l.city, l.status, l.description, ts_rank(s.document, q.query) AS rank "
            "  FROM leads l JOIN lead_search s ON s.lead_id = l.id, q WHERE l.id = ANY(?::bigint[]) ORDER BY rank DESC, l.id DESC LIMIT %1) "
            "SELECT h.id, h.name, h.company, h.email, h.city, h.status, h.rank, "
            "ts_headline('simple', concat_ws(' · ', h.name, h.company, h.email, h.city, left(h.description, 2000)), q.query, "
            "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=18, MinWords=6, MaxFragments=1') "
            "FROM hits h, q ORDER BY h.rank DESC, h.id DESC").arg(fetch);
    } else {
        sql = QStringLiteral(
            "SELECT l.id, l.name, l.company, l.email, l.city, l.status, f.rank, f.snip "
            "FROM (SELECT rowid, rank, snippet(leads_fts, -1, char(2), char(3), '…', 12) AS snip FROM leads_fts "
            "      WHERE leads_fts MATCH ? AND rowid >= (SELECT coalesce(min(rowid), 0) FROM "
            "        (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ? ORDER BY rowid DESC LIMIT 2000)) "
            "      ORDER BY rank LIMIT %1) f "
            "JOIN leads l ON l.id = f.rowid WHERE l.deleted_at IS NULL ORDER BY f.rank").arg(fetch * 2);
    }
    auto rows = m_db->select(sql, params);
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        if (out.size() >= limit)
            break;
        if (seen->contains(r.value(0).toLongLong()))
            continue;
        seen->insert(r.value(0).toLongLong());
        const QString title = !r.value(1).toString().isEmpty() ? r.value(1).toString() : r.value(2).toString();
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("lead")}, {QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("title"), title.isEmpty() ? r.value(3).toString() : title},
                               {QStringLiteral("subtitle"), QStringList{r.value(2).toString(), r.value(4).toString(), r.value(5).toString()}
                                                                .filter(QRegularExpression(QStringLiteral("."))).join(QStringLiteral(" · "))},
                               {QStringLiteral("snippet"), highlight(r.value(7).toString())},
                               {QStringLiteral("rank"), std::abs(r.value(6).toDouble())}});
    }
    return out;
}

core::Result<QJsonArray> SearchService::byName(const QString &query, const QString &type, int limit)
{
    // Campaign names and conversation subjects are short and few: a substring match is enough.
    const QString like = m_db->isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
    const QString sql = type == QLatin1String("campaigns")
        ? QStringLiteral("SELECT id, name, status FROM campaigns WHERE name %1 ? ESCAPE '\\' ORDER BY id DESC LIMIT %2")
        : QStringLiteral("SELECT id, subject, status FROM conversations WHERE subject %1 ? ESCAPE '\\' ORDER BY id DESC LIMIT %2");
    auto rows = m_db->select(sql.arg(like).arg(limit), {storage::Database::likeContains(query.trimmed())});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows) {
        QString title = r.value(1).toString().toHtmlEscaped();
        const qsizetype at = title.indexOf(query.trimmed().toHtmlEscaped(), 0, Qt::CaseInsensitive);
        QString snippet = title;
        if (at >= 0)
            snippet = title.left(at) + QStringLiteral("<mark>") + title.mid(at, query.trimmed().toHtmlEscaped().size()) + QStringLiteral("</mark>") +
                      title.mid(at + query.trimmed().toHtmlEscaped().size());
        out.append(QJsonObject{{QStringLiteral("type"), QString(type.chopped(1))}, {QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("title"), r.value(1).toString()}, {QStringLiteral("subtitle"), r.value(2).toString()},
                               {QStringLiteral("snippet"), snippet}, {QStringLiteral("rank"), 0.0}});
    }
    return out;
}

} // namespace fliptech::leads
