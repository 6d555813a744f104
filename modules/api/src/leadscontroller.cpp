// LeadsController: /api/v1/leads/... (spec "Lead Management", issue: the lead workspace).
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadexporter.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QUrlQuery>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

leads::Actor actorOf(const RequestContext &c)
{
    return leads::Actor::of(*c.principal, c.client);
}

namespace {

QJsonObject leadSchema(bool forWrite)
{
    QJsonObject props;
    if (!forWrite)
        props.insert(QStringLiteral("id"), s::integer());
    for (const auto &f : leads::leadFields()) {
        if (forWrite && !f.writable)
            continue;
        QJsonObject t;
        switch (f.type) {
        case leads::FieldType::Text: t = s::string(0, f.maxLength); break;
        case leads::FieldType::Integer: t = s::integer(); break;
        case leads::FieldType::Timestamp: t = s::string(0, 0, QStringLiteral("date-time")); break;
        case leads::FieldType::Date: t = s::string(0, 10); break;
        case leads::FieldType::Json: t = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}; break;
        }
        props.insert(f.name, s::nullable(t));
    }
    if (!forWrite)
        props.insert(QStringLiteral("tags"), s::arrayOf(s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                                                     {QStringLiteral("color"), s::nullable(s::string())}}, {}, true)));
    // Writes are checked field by field by the service, which names every unknown field.
    return s::object(props, {}, true);
}

core::Result<leads::LeadSort> sortOf(const RequestContext &c)
{
    QString sort = c.query(QStringLiteral("sort"));
    const QString order = c.query(QStringLiteral("order"));
    if (!order.isEmpty() && !sort.startsWith(u'-')) {
        if (order != QLatin1String("asc") && order != QLatin1String("desc"))
            return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("order must be asc or desc"), {{QStringLiteral("order"), QStringLiteral("asc or desc")}});
        if (order == QLatin1String("desc"))
            sort.prepend(u'-');
    }
    return leads::LeadSort::parse(sort);
}

// The filter (query fields or filter=<json>) and the sort of a list-shaped request.
struct ListQuery {
    leads::LeadFilter filter;
    leads::LeadSort sort;
};
core::Result<ListQuery> listQueryOf(const RequestContext &c)
{
    auto filter = leads::LeadFilter::fromQuery(QUrlQuery(c.url));
    if (!filter)
        return filter.error();
    auto sort = sortOf(c);
    if (!sort)
        return sort.error();
    return ListQuery{*filter, *sort};
}

core::Result<int> limitOf(const RequestContext &c)
{
    const QString raw = c.query(QStringLiteral("limit"));
    if (raw.isEmpty())
        return 50;
    bool ok = false;
    const int n = raw.toInt(&ok);
    if (!ok || n < 1 || n > leads::LeadService::maxPageSize)
        return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("limit must be 1 to %1").arg(leads::LeadService::maxPageSize),
                               {{QStringLiteral("limit"), QStringLiteral("1 to 500")}});
    return n;
}

QJsonObject bulkSchema()
{
    return s::object({{QStringLiteral("action"), s::enumOf({QStringLiteral("update"), QStringLiteral("set_status"), QStringLiteral("set_stage"),
                                                            QStringLiteral("add_tags"), QStringLiteral("remove_tags"), QStringLiteral("delete"),
                                                            QStringLiteral("restore"), QStringLiteral("purge"), QStringLiteral("export")})},
                      {QStringLiteral("ids"), s::arrayOf(s::integer())},
                      {QStringLiteral("filter"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                      {QStringLiteral("fields"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                      {QStringLiteral("value"), s::string(0, 50)},
                      {QStringLiteral("tags"), s::arrayOf(s::string(1, 100))},
                      {QStringLiteral("format"), s::enumOf({QStringLiteral("csv"), QStringLiteral("json")})},
                      {QStringLiteral("columns"), s::arrayOf(s::string(1, 60))},
                      {QStringLiteral("background"), s::boolean()}},
                     {QStringLiteral("action")});
}

// GET /leads: the envelope is written around items that arrive as JSON text.
QHttpServerResponse listLeads(leads::LeadService &svc, RequestContext &c)
{
    auto query = listQueryOf(c);
    if (!query)
        return errorResponse(query.error());
    auto limit = limitOf(c);
    if (!limit)
        return errorResponse(limit.error());
    const QString totalMode = c.query(QStringLiteral("total"));
    if (!totalMode.isEmpty() && totalMode != QLatin1String("exact") && totalMode != QLatin1String("estimate"))
        return errorResponse(core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("total must be exact or estimate"),
                                             {{QStringLiteral("total"), QStringLiteral("must be exact or estimate")}}));
    leads::ListOptions o{query->filter, query->sort, *limit, c.query(QStringLiteral("cursor")), true, true, totalMode == QLatin1String("exact")};
    auto page = svc.list(o);
    if (!page)
        return errorResponse(page.error());
    QByteArray body = "{\"items\":" + page->itemsJson + ",\"total\":" + QByteArray::number(page->total) +
                      ",\"total_exact\":" + (page->totalExact ? "true" : "false") + ",\"next_cursor\":";
    body += page->nextCursor.isEmpty() ? QByteArray("null") : QByteArray('"' + page->nextCursor.toLatin1() + '"');
    body += '}';
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
}

// POST /leads/bulk: at once, or as a job past 1,000 leads (or when asked).
QHttpServerResponse bulkLeads(engine::Engine &engine, RequestContext &c)
{
    QJsonObject body = c.body;
    const bool background = body.take(QStringLiteral("background")).toBool();
    const leads::Actor actor = actorOf(c);
    auto request = leads::BulkRequest::fromJson(body);
    if (!request)
        return errorResponse(request.error());
    auto ids = engine.leads().resolve(*request);
    if (!ids)
        return errorResponse(ids.error());
    if (background || ids->size() > 1000) {
        auto job = engine.leadJobs().enqueueBulk(actor, body);
        if (!job)
            return errorResponse(job.error());
        return jsonResponse({{QStringLiteral("job_id"), *job}, {QStringLiteral("matched"), ids->size()}, {QStringLiteral("status"), QStringLiteral("queued")}},
                            202);
    }
    if (request->action == leads::BulkRequest::Action::Export)
        return jsonOrError(engine.leadJobs().exportLeads(actor, *request));
    auto report = engine.leads().bulk(actor, *request);
    return report ? jsonResponse(report->toJson()) : errorResponse(report.error());
}

// GET /leads/export: written page by page to a file in the files folder, then sent from it in
// chunks and removed: constant memory however many leads match.
QHttpServerResponse exportLeads(engine::Engine &engine, RequestContext &c)
{
    auto query = listQueryOf(c);
    if (!query)
        return errorResponse(query.error());
    auto format = leads::LeadExporter::formatFromName(c.query(QStringLiteral("format")));
    if (!format)
        return errorResponse(format.error());
    const QStringList columns = c.query(QStringLiteral("columns")).split(u',', Qt::SkipEmptyParts);
    QFile out(engine.files().newPath(QStringLiteral("export")));
    if (!out.open(QIODevice::WriteOnly))
        return errorResponse(core::ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    auto n = engine.exporter().write(&out, query->filter, query->sort, *format, columns);
    out.close();
    if (!n) {
        out.remove();
        return errorResponse(n.error());
    }
    c.streamFile = out.fileName();
    c.removeStreamedFile = true;
    const bool csv = *format == leads::LeadExporter::Format::Csv;
    QHttpServerResponse r(csv ? QByteArrayLiteral("text/csv; charset=utf-8") : QByteArrayLiteral("application/json"), QByteArray());
    r.setHeader("Content-Disposition", csv ? "attachment; filename=\"leads.csv\"" : "attachment; filename=\"leads.json\"");
    return r;
}

QHttpServerResponse mergeLeads(leads::LeadService &svc, RequestContext &c)
{
    QList<qint64> others;
    for (const auto &v : c.body.value(QStringLiteral("merge_ids")).toArray())
        others << v.toInteger();
    return jsonOrError(svc.merge(actorOf(c), c.body.value(QStringLiteral("survivor_id")).toInteger(), others, c.body.value(QStringLiteral("choices")).toObject()));
}

const QString kTag = QStringLiteral("leads");

// The list and what works on many leads: create, bulk, export, duplicates, merge, import.
void registerLeadListRoutes(RouteTable &table, engine::Engine &engine, const QJsonObject &lead, const QJsonObject &leadWrite)
{
    auto &svc = engine.leads();
    const QJsonObject pageSchema = s::object({{QStringLiteral("items"), s::arrayOf(lead)}, {QStringLiteral("total"), s::integer()},
                                              {QStringLiteral("total_exact"), s::boolean()},
                                              {QStringLiteral("next_cursor"), s::nullable(s::string())}}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/leads"), Role::Viewer, kTag,
               QStringLiteral("Leads matching a filter (query fields or filter=<json>), sorted (sort=-score), a page at a time (limit, cursor). "
                              "total is exact up to 10,000 matches; past that it is an estimate from a sample of the table (within a few "
                              "per cent) and total_exact is false, unless total=exact asks for every match to be counted"),
               {}, pageSchema, 200, [&svc](RequestContext &c) { return listLeads(svc, c); }, {}, {}, {}});
    table.addQueryParameter(M::Get, QStringLiteral("/api/v1/leads"), QStringLiteral("total"),
                            s::enumOf({QStringLiteral("estimate"), QStringLiteral("exact")}),
                            QStringLiteral("estimate (default): total is exact up to 10,000 matches and estimated past that (total_exact false); "
                                           "exact: every match is counted (slower on large filters)"));
    table.add({M::Post, QStringLiteral("/api/v1/leads"), Role::User, kTag, QStringLiteral("Create a lead"), leadWrite, lead, 201,
               [&svc](RequestContext &c) { return jsonOrError(svc.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/bulk"), Role::User, kTag,
               QStringLiteral("Update, set status/stage, tag, untag, delete, restore, purge or export (format=csv|json, columns; "
                              "answers with the stored file and its download_url) leads chosen by ids or by a filter; "
                              "more than 1000 leads (or background=true) run as a job with progress on /ws/notifications"),
               bulkSchema(), s::object({{QStringLiteral("matched"), s::integer()}, {QStringLiteral("changed"), s::integer()},
                                        {QStringLiteral("exported"), s::integer()},
                                        {QStringLiteral("file"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                                        {QStringLiteral("job_id"), s::integer()}}, {}, true),
               200, [&engine](RequestContext &c) { return bulkLeads(engine, c); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/leads/export"), Role::Viewer, kTag,
               QStringLiteral("Leads of a filter as CSV or JSON (format=csv|json, columns=a,b,c, same filter fields as the list)"), {}, {}, 200,
               [&engine](RequestContext &c) { return exportLeads(engine, c); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/leads/indexing"), Role::Viewer, kTag,
               QStringLiteral("What a large import left to build in the background: lead indexes, and (SQLite) leads not yet searchable"), {},
               s::object({{QStringLiteral("pending"), s::boolean()}, {QStringLiteral("indexes"), s::integer()},
                          {QStringLiteral("search_backlog"), s::integer()}}, {}, true),
               200, [&engine](RequestContext &) {
                   auto state = engine.indexing().state();
                   return state ? jsonResponse(state->toJson()) : errorResponse(state.error());
               }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/leads/duplicates"), Role::User, kTag,
               QStringLiteral("Groups of leads with the same e-mail, phone, website domain or (fuzzy) company name"), {},
               listSchema(s::object({{QStringLiteral("match"), s::string()}, {QStringLiteral("value"), s::string()},
                                     {QStringLiteral("lead_ids"), s::arrayOf(s::integer())}}, {}, true)),
               200, [&svc](RequestContext &c) {
                   auto limit = limitOf(c);
                   return limit ? listOrError(svc.duplicates(*limit)) : errorResponse(limit.error());
               }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/merge"), Role::User, kTag,
               QStringLiteral("Merge leads into a survivor; choices picks, field by field, whose value stays"),
               s::object({{QStringLiteral("survivor_id"), s::integer()}, {QStringLiteral("merge_ids"), s::arrayOf(s::integer())},
                          {QStringLiteral("choices"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}},
                         {QStringLiteral("survivor_id"), QStringLiteral("merge_ids")}),
               lead, 200, [&svc](RequestContext &c) { return mergeLeads(svc, c); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/import"), Role::User, kTag,
               QStringLiteral("Import an uploaded CSV (file_id from POST /uploads/csv) as a job: mapping, default_country, dedupe_keys, "
                              "on_duplicate (skip|update|create), tags"),
               s::object({{QStringLiteral("file_id"), s::integer()}, {QStringLiteral("options"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}},
                         {QStringLiteral("file_id")}),
               s::object({{QStringLiteral("job_id"), s::integer()}}, {}, true), 202, [&engine](RequestContext &c) {
                   auto job = engine.leadJobs().enqueueImport(actorOf(c), c.body.value(QStringLiteral("file_id")).toInteger(),
                                                              c.body.value(QStringLiteral("options")).toObject());
                   return job ? jsonResponse({{QStringLiteral("job_id"), *job}, {QStringLiteral("status"), QStringLiteral("queued")}}, 202)
                              : errorResponse(job.error());
               }, {}, {}, {}});
}

void registerSegmentRoutes(RouteTable &table, leads::SegmentService &segments)
{
    const QJsonObject segment = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                           {QStringLiteral("filter"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                                           {QStringLiteral("sort"), s::nullable(s::string())}, {QStringLiteral("shared"), s::boolean()}}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/leads/segments"), Role::Viewer, kTag, QStringLiteral("Your saved filters and the shared ones"), {},
               listSchema(segment), 200, [&segments](RequestContext &c) { return listOrError(segments.list(actorOf(c))); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/segments"), Role::Viewer, kTag, QStringLiteral("Save a filter under a name (same name replaces)"),
               s::object({{QStringLiteral("name"), s::string(1, 100)}, {QStringLiteral("filter"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                          {QStringLiteral("sort"), s::string(0, 60)}, {QStringLiteral("shared"), s::boolean()}},
                         {QStringLiteral("name"), QStringLiteral("filter")}),
               segment, 201, [&segments](RequestContext &c) {
                   return jsonOrError(segments.save(actorOf(c), c.body.value(QStringLiteral("name")).toString(), c.body.value(QStringLiteral("filter")).toObject(),
                                                    c.body.value(QStringLiteral("sort")).toString(), c.body.value(QStringLiteral("shared")).toBool()),
                                      201);
               }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/leads/segments/{id}"), Role::Viewer, kTag, QStringLiteral("Delete one of your segments"), {}, {}, 204,
               [&segments](RequestContext &c) { return noContentOrError(segments.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
}

// One lead: read, replace, change, trash, restore, purge, tags.
void registerOneLeadRoutes(RouteTable &table, leads::LeadService &svc, const QJsonObject &lead, const QJsonObject &leadWrite)
{
    table.add({M::Get, QStringLiteral("/api/v1/leads/{id}"), Role::Viewer, kTag, QStringLiteral("One lead (include_deleted=true shows the trash)"), {},
               lead, 200, [&svc](RequestContext &c) {
                   return jsonOrError(svc.get(c.idParam(), c.query(QStringLiteral("include_deleted")) == QLatin1String("true")));
               }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/leads/{id}"), Role::User, kTag,
               QStringLiteral("Replace a lead's fields (fields left out are cleared)"), leadWrite, lead, 200,
               [&svc](RequestContext &c) { return jsonOrError(svc.update(actorOf(c), c.idParam(), c.body, true)); }, {}, {}, {}});
    table.add({M::Patch, QStringLiteral("/api/v1/leads/{id}"), Role::User, kTag, QStringLiteral("Change some of a lead's fields"), leadWrite, lead, 200,
               [&svc](RequestContext &c) { return jsonOrError(svc.update(actorOf(c), c.idParam(), c.body, false)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/leads/{id}"), Role::User, kTag, QStringLiteral("Move a lead to the trash (restore undoes it)"), {}, {},
               204, [&svc](RequestContext &c) { return noContentOrError(svc.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/restore"), Role::User, kTag, QStringLiteral("Bring a lead back from the trash"), {}, lead, 200,
               [&svc](RequestContext &c) { return jsonOrError(svc.restore(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/leads/{id}/purge"), Role::Admin, kTag,
               QStringLiteral("Delete a lead for good (its snapshot stays in the activity log)"), {}, {}, 204,
               [&svc](RequestContext &c) { return noContentOrError(svc.purge(actorOf(c), c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/tags"), Role::User, kTag,
               QStringLiteral("Tag a lead (tag names are created when new, or ids)"),
               s::object({{QStringLiteral("tags"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}}}}, {QStringLiteral("tags")}),
               listSchema(s::object({}, {}, true)), 200,
               [&svc](RequestContext &c) { return listOrError(svc.addTags(actorOf(c), c.idParam(), c.body.value(QStringLiteral("tags")).toArray())); },
               {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/leads/{id}/tags/{tag_id}"), Role::User, kTag, QStringLiteral("Remove a tag from a lead"), {}, {}, 204,
               [&svc](RequestContext &c) { return noContentOrError(svc.removeTag(actorOf(c), c.idParam(), c.idParam(QStringLiteral("tag_id")))); },
               {}, {}, {}});
}

} // namespace

void registerLeadRoutes(RouteTable &table, engine::Engine &engine)
{
    const QJsonObject lead = leadSchema(false);
    const QJsonObject leadWrite = leadSchema(true);
    registerLeadListRoutes(table, engine, lead, leadWrite);
    registerSegmentRoutes(table, engine.segments());
    registerOneLeadRoutes(table, engine.leads(), lead, leadWrite);
}

} // namespace fliptech::api
