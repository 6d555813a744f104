// WorkspaceController: tags, notes, activity, locations, global search, uploads and files
// (spec "Tags System", "Notes & Comments", "Activity Feed", "Location Groups", "Global Search",
// "File Uploads").
#include "fliptech/api/apierror.h"
#include "fliptech/api/controllers.h"
#include "fliptech/api/guardedtcpserver.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadimporter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

namespace {

int intQuery(const RequestContext &c, const QString &name, int fallback)
{
    bool ok = false;
    const int v = c.query(name).toInt(&ok);
    return ok ? v : fallback;
}

// The uploaded file of a request: a multipart/form-data part that carries a filename (curl -F,
// browsers), or the raw body (its name from ?filename=). In memory (`data`), or in a file when
// the server spooled the body as it arrived (`file`).
struct Upload {
    QString filename;
    QByteArray data;
    std::shared_ptr<SpooledBody> file;
};

QByteArray multipartDelimiter(const RequestContext &c)
{
    static const QRegularExpression boundaryRe(QStringLiteral("boundary=\"?([^\";]+)\"?"), QRegularExpression::CaseInsensitiveOption);
    const auto m = boundaryRe.match(QString::fromLatin1(c.contentType));
    return m.hasMatch() ? "--" + m.captured(1).toLatin1() : QByteArray();
}

core::Error noFilePart()
{
    return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("the multipart body has no file part (send it as -F file=@leads.csv)"),
                           {{QStringLiteral("file"), QStringLiteral("missing")}});
}

// The first part with a filename in `body` (its first bytes, for a spooled one): its name, and
// where its content starts.
std::optional<std::pair<QString, qsizetype>> filePart(const QByteArray &body, const QByteArray &delimiter)
{
    static const QRegularExpression filenameRe(QStringLiteral("filename=\"([^\"]*)\""), QRegularExpression::CaseInsensitiveOption);
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        qsizetype headerStart = pos + delimiter.size();
        if (body.mid(headerStart, 2) == "--")
            break;
        headerStart += 2; // CRLF
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", headerStart);
        if (headerEnd < 0)
            break;
        if (const auto f = filenameRe.match(QString::fromUtf8(body.mid(headerStart, headerEnd - headerStart))); f.hasMatch())
            return std::pair{f.captured(1), headerEnd + 4};
        pos = body.indexOf(QByteArray("\r\n" + delimiter), headerEnd + 4);
        if (pos >= 0)
            pos += 2;
    }
    return std::nullopt;
}

// A spooled multipart body: its file part copied to a file of its own, a block at a time.
core::Result<Upload> fileFromSpooledMultipart(const RequestContext &c, const QByteArray &delimiter, leads::FileStore &files)
{
    QFile in(c.bodyFile->path);
    if (!in.open(QIODevice::ReadOnly))
        return core::makeError(core::ErrorCode::Internal, QStringLiteral("cannot read the upload: %1").arg(in.errorString()));
    const auto part = filePart(in.read(64 << 10), delimiter); // the part headers come first
    if (!part)
        return noFilePart();
    auto out = std::make_shared<SpooledBody>();
    out->path = files.newPath(QStringLiteral("upload"));
    QFile file(out->path);
    if (!file.open(QIODevice::WriteOnly) || !in.seek(part->second))
        return core::makeError(core::ErrorCode::Internal, QStringLiteral("cannot store the upload: %1").arg(file.errorString()));
    const QByteArray end = "\r\n" + delimiter;
    QByteArray carry;
    for (;;) {
        const QByteArray block = carry + in.read(1 << 20);
        if (const qsizetype at = block.indexOf(end); at >= 0) {
            file.write(block.constData(), at);
            break;
        }
        if (in.atEnd())
            return noFilePart(); // the part never ends
        const qsizetype keep = end.size() - 1; // a delimiter split between two blocks
        file.write(block.constData(), block.size() - keep);
        carry = block.right(keep);
    }
    out->size = file.size();
    return Upload{part->first, {}, out};
}

core::Result<Upload> uploadOf(const RequestContext &c, leads::FileStore &files)
{
    const QByteArray type = c.contentType.toLower();
    if (!type.startsWith("multipart/form-data")) {
        if (c.bodyFile ? c.bodyFile->size == 0 : c.rawBody.isEmpty())
            return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("send the file as the body or as multipart/form-data"),
                                   {{QStringLiteral("file"), QStringLiteral("missing")}});
        return Upload{c.query(QStringLiteral("filename")), c.rawBody, c.bodyFile};
    }
    const QByteArray delimiter = multipartDelimiter(c);
    if (delimiter.isEmpty())
        return core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("the multipart body has no boundary"), {{QStringLiteral("file"), QStringLiteral("malformed")}});
    if (c.bodyFile)
        return fileFromSpooledMultipart(c, delimiter, files);
    const auto part = filePart(c.rawBody, delimiter);
    if (!part)
        return noFilePart();
    const qsizetype end = c.rawBody.indexOf(QByteArray("\r\n" + delimiter), part->second);
    if (end < 0)
        return noFilePart();
    return Upload{part->first, c.rawBody.mid(part->second, end - part->second), nullptr};
}

// An upload into the file store: moved there when it is in a file already.
core::Result<leads::StoredFile> storeUpload(leads::FileStore &files, const leads::Actor &actor, leads::FileStore::Kind kind, const Upload &upload,
                                            const QString &entityType = {}, qint64 entityId = 0)
{
    if (!upload.file)
        return files.store(actor, kind, upload.filename, upload.data, entityType, entityId);
    auto stored = files.storeFile(actor, kind, upload.filename, upload.file->path, entityType, entityId);
    if (stored)
        upload.file->keep = true; // moved into the store
    return stored;
}

// GET /tags: a page by name; the cursor is an offset this server gave.
QHttpServerResponse listTags(leads::TagService &tags, RequestContext &c)
{
    bool ok = true;
    const QString cursor = c.query(QStringLiteral("cursor"));
    const qint64 offset = cursor.isEmpty() ? 0 : cursor.toLongLong(&ok);
    if (!ok)
        return errorResponse(core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("cursor is not one this server gave"),
                                             {{QStringLiteral("cursor"), QStringLiteral("not a cursor from next_cursor")}}));
    const QString limit = c.query(QStringLiteral("limit"));
    const int n = limit.isEmpty() ? 50 : limit.toInt(&ok);
    if (!ok)
        return errorResponse(core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("limit must be a number from 1 to 500"),
                                             {{QStringLiteral("limit"), QStringLiteral("not a number")}}));
    auto page = tags.list(n, offset, c.query(QStringLiteral("q")).trimmed().left(100));
    return page ? jsonResponse(*page) : errorResponse(page.error());
}

// GET /search: ranked hits, and how many imported leads are not searchable yet.
QHttpServerResponse searchAll(leads::SearchService &search, leads::LeadIndexing &indexing, RequestContext &c)
{
    auto found = search.search(c.query(QStringLiteral("q")), c.query(QStringLiteral("type")), intQuery(c, QStringLiteral("limit"), 20));
    if (!found)
        return errorResponse(found.error());
    QJsonObject body{{QStringLiteral("items"), *found}, {QStringLiteral("total"), found->size()}, {QStringLiteral("next_cursor"), QJsonValue()}};
    if (auto state = indexing.state(); state && state->searchBacklog > 0)
        body.insert(QStringLiteral("indexing"), state->toJson());
    return jsonResponse(body);
}

// POST /uploads/csv: stored and previewed; with import=true the import job starts at once.
QHttpServerResponse uploadCsv(engine::Engine &engine, RequestContext &c)
{
    auto upload = uploadOf(c, engine.files());
    if (!upload)
        return errorResponse(upload.error());
    const leads::Actor actor = actorOf(c);
    auto stored = storeUpload(engine.files(), actor, leads::FileStore::Kind::Csv, *upload);
    if (!stored)
        return errorResponse(stored.error());
    auto preview = engine.importer().preview(stored->path);
    if (!preview)
        return errorResponse(preview.error());
    QJsonObject out{{QStringLiteral("file"), stored->toJson()}, {QStringLiteral("preview"), preview->toJson()}};
    if (c.query(QStringLiteral("import")) == QLatin1String("true")) {
        QJsonObject options;
        if (const QString raw = c.query(QStringLiteral("options")); !raw.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8());
            if (!doc.isObject())
                return errorResponse(core::makeError(core::ErrorCode::ValidationFailed, QStringLiteral("options must be a JSON object"),
                                                     {{QStringLiteral("options"), QStringLiteral("not a JSON object")}}));
            options = doc.object();
        }
        auto job = engine.leadJobs().enqueueImport(actor, stored->id, options);
        if (!job)
            return errorResponse(job.error());
        out.insert(QStringLiteral("job_id"), *job);
    }
    return jsonResponse(out, 201);
}

// POST /uploads/avatar: stored, cropped, and made the caller's profile picture.
QHttpServerResponse uploadAvatar(engine::Engine &engine, RequestContext &c)
{
    auto upload = uploadOf(c, engine.files());
    if (!upload)
        return errorResponse(upload.error());
    auto stored = storeUpload(engine.files(), actorOf(c), leads::FileStore::Kind::Avatar, *upload, QStringLiteral("user"), c.principal->userId);
    if (!stored)
        return errorResponse(stored.error());
    auto user = engine.auth().updateProfile(*c.principal, {{QStringLiteral("avatar_url"), stored->toJson().value(QStringLiteral("download_url"))}},
                                            c.client);
    if (!user)
        return errorResponse(user.error());
    return jsonResponse(stored->toJson(), 201);
}

// GET /files/{id}/download: streamed in chunks by the server; someone else's file does not exist.
QHttpServerResponse downloadFile(leads::FileStore &files, RequestContext &c)
{
    auto f = files.get(c.idParam());
    if (!f)
        return errorResponse(f.error());
    if (!leads::FileStore::mayRead(actorOf(c), *f)) // not even whether it exists
        return errorResponse(core::ErrorCode::NotFound, QStringLiteral("file %1 does not exist").arg(c.idParam()));
    if (!QFile::exists(f->path))
        return errorResponse(core::ErrorCode::NotFound, QStringLiteral("file %1 is no longer available").arg(c.idParam()));
    c.streamFile = f->path; // sent in chunks by the server
    QHttpServerResponse r(f->contentType.toLatin1(), QByteArray());
    QString ascii;
    for (QChar ch : f->originalName)
        ascii += (ch.unicode() >= 0x20 && ch.unicode() < 0x7f && ch != u'"' && ch != u'\\') ? ch : u'_';
    r.setHeader("Content-Disposition", "attachment; filename=\"" + ascii.toLatin1() + "\"; filename*=UTF-8''" +
                                           QUrl::toPercentEncoding(f->originalName));
    return r;
}

void registerTagRoutes(RouteTable &table, engine::Engine &engine)
{
    const QString tag = QStringLiteral("tags");
    auto &tags = engine.tags();
    const QJsonObject tagSchema = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                             {QStringLiteral("color"), s::nullable(s::string())}, {QStringLiteral("category"), s::nullable(s::string())},
                                             {QStringLiteral("lead_count"), s::integer()}}, {}, true);
    const QJsonObject write = s::object({{QStringLiteral("name"), s::string(1, 100)}, {QStringLiteral("color"), s::nullable(s::string(0, 7))},
                                         {QStringLiteral("category"), s::nullable(s::string(0, 100))}});
    table.add({M::Get, QStringLiteral("/api/v1/tags"), Role::Viewer, tag,
               QStringLiteral("Tags by name with their number of leads: limit (1-500, default 50), cursor (from next_cursor), q (name prefix)"),
               {}, listSchema(tagSchema), 200,
               [&tags](RequestContext &c) { return listTags(tags, c); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/tags"), Role::User, tag, QStringLiteral("Create a tag (names are unique, ignoring case)"),
               s::object({{QStringLiteral("name"), s::string(1, 100)}, {QStringLiteral("color"), s::nullable(s::string(0, 7))},
                          {QStringLiteral("category"), s::nullable(s::string(0, 100))}}, {QStringLiteral("name")}),
               tagSchema, 201, [&tags](RequestContext &c) { return jsonOrError(tags.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/tags/{id}"), Role::User, tag, QStringLiteral("Rename or recolour a tag"), write, tagSchema, 200,
               [&tags](RequestContext &c) { return jsonOrError(tags.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/tags/{id}"), Role::User, tag, QStringLiteral("Delete a tag (it leaves every lead)"), {}, {}, 204,
               [&tags](RequestContext &c) { return noContentOrError(tags.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
}

void registerNoteRoutes(RouteTable &table, engine::Engine &engine)
{
    const QString tag = QStringLiteral("notes");
    auto &notes = engine.notes();
    const QJsonObject note = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("lead_id"), s::integer()},
                                        {QStringLiteral("content"), s::string()}, {QStringLiteral("edited_at"), s::nullable(s::string())},
                                        {QStringLiteral("created_at"), s::string()}}, {}, true);
    const QJsonObject write = s::object({{QStringLiteral("content"), s::string(1, 20000)}}, {QStringLiteral("content")});
    table.add({M::Get, QStringLiteral("/api/v1/leads/{id}/notes"), Role::Viewer, tag, QStringLiteral("A lead's notes, newest first"), {}, listSchema(note), 200,
               [&notes](RequestContext &c) { return listOrError(notes.forLead(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/leads/{id}/notes"), Role::User, tag, QStringLiteral("Add a note to a lead"), write, note, 201,
               [&notes](RequestContext &c) {
                   return jsonOrError(notes.add(actorOf(c), c.idParam(), c.body.value(QStringLiteral("content")).toString()), 201);
               }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/notes/{id}"), Role::User, tag, QStringLiteral("Edit a note (its author or an admin)"), write, note, 200,
               [&notes](RequestContext &c) {
                   return jsonOrError(notes.edit(actorOf(c), c.idParam(), c.body.value(QStringLiteral("content")).toString()));
               }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/notes/{id}"), Role::User, tag, QStringLiteral("Delete a note (its author or an admin)"), {}, {}, 204,
               [&notes](RequestContext &c) { return noContentOrError(notes.remove(actorOf(c), c.idParam())); }, {}, {}, {}});
}

void registerActivityRoutes(RouteTable &table, engine::Engine &engine)
{
    const QString tag = QStringLiteral("activity");
    auto &feed = engine.activity();
    const QJsonObject entry = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("action"), s::string()},
                                         {QStringLiteral("entity_type"), s::nullable(s::string())},
                                         {QStringLiteral("entity_id"), s::nullable(s::integer())}, {QStringLiteral("created_at"), s::string()}}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/activity/recent"), Role::Viewer, tag, QStringLiteral("Latest activity (limit, before_id)"), {},
               listSchema(entry), 200, [&feed](RequestContext &c) {
                   return listOrError(feed.recent(actorOf(c), intQuery(c, QStringLiteral("limit"), 50), intQuery(c, QStringLiteral("before_id"), 0)));
               }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/activity/by-user"), Role::Viewer, tag,
               QStringLiteral("A user's activity (user_id; default: yours)"), {}, listSchema(entry), 200, [&feed](RequestContext &c) {
                   const int user = intQuery(c, QStringLiteral("user_id"), int(c.principal->userId));
                   return listOrError(feed.byUser(actorOf(c), user, intQuery(c, QStringLiteral("limit"), 50), intQuery(c, QStringLiteral("before_id"), 0)));
               }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/activity/by-lead/{id}"), Role::Viewer, tag,
               QStringLiteral("Everything that happened to a lead, with field-level changes"), {}, listSchema(entry), 200, [&feed](RequestContext &c) {
                   return listOrError(feed.byLead(c.idParam(), intQuery(c, QStringLiteral("limit"), 100), intQuery(c, QStringLiteral("before_id"), 0)));
               }, {}, {}, {}});
}

void registerLocationRoutes(RouteTable &table, engine::Engine &engine)
{
    const QString tag = QStringLiteral("locations");
    auto &locations = engine.locations();
    const QJsonObject location = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                            {QStringLiteral("timezone"), s::string()}}, {}, true);
    const QJsonObject group = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                         {QStringLiteral("locations"), s::arrayOf(location)}}, {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/locations"), Role::Viewer, tag, QStringLiteral("Cities and areas (with time zones)"), {},
               listSchema(location), 200, [&locations](RequestContext &) { return listOrError(locations.locations()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/locations"), Role::User, tag, QStringLiteral("Add a city or area"),
               s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("kind"), s::enumOf({QStringLiteral("city"), QStringLiteral("area"), QStringLiteral("region"), QStringLiteral("country")})},
                          {QStringLiteral("code"), s::string(0, 50)}, {QStringLiteral("region"), s::string(0, 150)},
                          {QStringLiteral("country"), s::string(0, 100)}, {QStringLiteral("timezone"), s::string(0, 60)}},
                         {QStringLiteral("name")}),
               location, 201, [&locations](RequestContext &c) { return jsonOrError(locations.createLocation(c.body), 201); }, {}, {}, {}});
    const QJsonObject groupWrite = s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("description"), s::string(0, 2000)},
                                              {QStringLiteral("location_ids"), s::arrayOf(s::integer())}});
    table.add({M::Get, QStringLiteral("/api/v1/locations/groups"), Role::Viewer, tag, QStringLiteral("Location groups with their locations"), {},
               listSchema(group), 200, [&locations](RequestContext &) { return listOrError(locations.groups()); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/locations/groups"), Role::User, tag, QStringLiteral("Create a location group"),
               s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("description"), s::string(0, 2000)},
                          {QStringLiteral("location_ids"), s::arrayOf(s::integer())}}, {QStringLiteral("name")}),
               group, 201, [&locations](RequestContext &c) { return jsonOrError(locations.createGroup(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/locations/groups/{id}"), Role::User, tag, QStringLiteral("Rename a group or change its locations"),
               groupWrite, group, 200, [&locations](RequestContext &c) { return jsonOrError(locations.updateGroup(actorOf(c), c.idParam(), c.body)); },
               {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/locations/groups/{id}"), Role::User, tag, QStringLiteral("Delete a location group"), {}, {}, 204,
               [&locations](RequestContext &c) { return noContentOrError(locations.removeGroup(actorOf(c), c.idParam())); }, {}, {}, {}});
}

void registerSearchRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &search = engine.search();
    auto &indexing = engine.indexing();
    QJsonObject hits = listSchema(s::object({{QStringLiteral("type"), s::string()}, {QStringLiteral("id"), s::integer()},
                                             {QStringLiteral("title"), s::string()}, {QStringLiteral("snippet"), s::string()}}, {}, true));
    // Present while leads of a large import are still being indexed (they are not found yet).
    QJsonObject props = hits.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("indexing"), s::object({{QStringLiteral("pending"), s::boolean()}, {QStringLiteral("indexes"), s::integer()},
                                                        {QStringLiteral("search_backlog"), s::integer()}}, {}, true));
    hits.insert(QStringLiteral("properties"), props);
    table.add({M::Get, QStringLiteral("/api/v1/search"), Role::Viewer, QStringLiteral("search"),
               QStringLiteral("Ranked hits with highlighted snippets: q=, type=leads|campaigns|conversations, limit. "
                              "`indexing` says how many imported leads are not searchable yet."), {},
               hits, 200, [&search, &indexing](RequestContext &c) { return searchAll(search, indexing, c); }, {}, {}, {}});
}

void registerFileRoutes(RouteTable &table, engine::Engine &engine)
{
    const QString tag = QStringLiteral("files");
    auto &files = engine.files();
    const QJsonObject fileSchema = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("filename"), s::string()},
                                              {QStringLiteral("content_type"), s::string()}, {QStringLiteral("size"), s::integer()},
                                              {QStringLiteral("download_url"), s::string()}}, {}, true);
    Route csv{M::Post, QStringLiteral("/api/v1/uploads/csv"), Role::User, tag,
              QStringLiteral("Upload a CSV of leads: returns the file, the detected encoding and delimiter, the first rows and a suggested "
                             "mapping; with import=true (and options=<json>) the import starts at once as a job"),
              {}, s::object({{QStringLiteral("file"), fileSchema}, {QStringLiteral("preview"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}, {}, true),
              201, [&engine](RequestContext &c) { return uploadCsv(engine, c); }, {}, {}, {}, leads::FileStore::maxCsvBytes};
    table.add(csv);
    Route image{M::Post, QStringLiteral("/api/v1/uploads/image"), Role::User, tag,
                QStringLiteral("Upload an image (PNG, JPEG, GIF, WebP; re-encoded, 10 MiB at most)"), {}, fileSchema, 201,
                [&files](RequestContext &c) {
                    auto upload = uploadOf(c, files);
                    if (!upload)
                        return errorResponse(upload.error());
                    auto stored = storeUpload(files, actorOf(c), leads::FileStore::Kind::Image, *upload);
                    return stored ? jsonResponse(stored->toJson(), 201) : errorResponse(stored.error());
                }, {}, {}, {}, leads::FileStore::maxImageBytes};
    table.add(image);
    Route avatar{M::Post, QStringLiteral("/api/v1/uploads/avatar"), Role::Viewer, tag,
                 QStringLiteral("Upload your avatar (cropped to 256×256) and make it your profile picture"), {}, fileSchema, 201,
                 [&engine](RequestContext &c) { return uploadAvatar(engine, c); }, {}, {}, {}, leads::FileStore::maxImageBytes};
    table.add(avatar);
    table.add({M::Get, QStringLiteral("/api/v1/files/{id}/download"), Role::Viewer, tag, QStringLiteral("Download a stored file"), {}, {}, 200,
               [&files](RequestContext &c) { return downloadFile(files, c); }, {}, {}, {}});
}

} // namespace

void registerWorkspaceRoutes(RouteTable &table, engine::Engine &engine)
{
    registerTagRoutes(table, engine);
    registerNoteRoutes(table, engine);
    registerActivityRoutes(table, engine);
    registerLocationRoutes(table, engine);
    registerSearchRoutes(table, engine);
    registerFileRoutes(table, engine);
}

} // namespace fliptech::api
