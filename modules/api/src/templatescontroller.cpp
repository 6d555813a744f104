// Message templates (issue 11, spec 2.4 "Templates"): CRUD, duplicate, preview with a lead,
// bulk changes, performance. Every template is checked when saved (the part, line and column of
// a mistake); the service is TemplateService, shared with the desktop.
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"

#include <QJsonArray>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

void registerTemplateRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &templates = engine.templates();
    const QString tag = QStringLiteral("templates");
    const QJsonObject templ = s::object({{QStringLiteral("id"), s::integer()}, {QStringLiteral("name"), s::string()},
                                         {QStringLiteral("variables"), s::arrayOf(s::string())}, {QStringLiteral("is_active"), s::boolean()}},
                                        {QStringLiteral("id"), QStringLiteral("name")}, true);
    const QJsonObject write = s::object({{QStringLiteral("name"), s::string(1, 200)}, {QStringLiteral("subject"), s::string(0, 500)},
                                         {QStringLiteral("body_html"), s::string()}, {QStringLiteral("body_text"), s::string()},
                                         {QStringLiteral("category"), s::string(0, 100)}, {QStringLiteral("tags"), s::arrayOf(s::string(1, 50))},
                                         {QStringLiteral("is_active"), s::boolean()}},
                                        {QStringLiteral("name")});
    table.add({M::Get, QStringLiteral("/api/v1/templates"), Role::Viewer, tag,
               QStringLiteral("Templates by name; ?category=, ?active=true|false, ?q= (in name or subject), ?limit="), {}, listSchema(templ), 200,
               [&templates](RequestContext &c) {
                   QJsonObject filter;
                   if (const QString v = c.query(QStringLiteral("category")); !v.isEmpty())
                       filter.insert(QStringLiteral("category"), v);
                   if (const QString v = c.query(QStringLiteral("active")); !v.isEmpty())
                       filter.insert(QStringLiteral("active"), v == QLatin1String("true") || v == QLatin1String("1"));
                   if (const QString v = c.query(QStringLiteral("q")); !v.isEmpty())
                       filter.insert(QStringLiteral("q"), v);
                   if (const QString v = c.query(QStringLiteral("limit")); !v.isEmpty())
                       filter.insert(QStringLiteral("limit"), v.toInt());
                   return listOrError(templates.list(filter));
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/templates"), Role::User, tag,
               QStringLiteral("Save a template: {{variable|fallback}}, {{#if x}}..{{else}}..{{/if}}, spintax {a|b}; checked first (422 naming the part, "
                              "line and column)"),
               write, templ, 201, [&templates](RequestContext &c) { return jsonOrError(templates.create(actorOf(c), c.body), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/templates/bulk"), Role::User, tag,
               QStringLiteral("Activate, deactivate, delete or categorise templates: {ids, action, category}"),
               s::object({{QStringLiteral("ids"), s::arrayOf(s::integer())}, {QStringLiteral("action"), s::string(1, 20)},
                          {QStringLiteral("category"), s::string(0, 100)}},
                         {QStringLiteral("ids"), QStringLiteral("action")}),
               s::object({{QStringLiteral("affected"), s::integer()}}, {QStringLiteral("affected")}), 200,
               [&templates](RequestContext &c) { return jsonOrError(templates.bulk(c.body)); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/templates/preview"), Role::User, tag,
               QStringLiteral("Preview a draft: {template: {subject, body_html, body_text}, lead_id | variables}"),
               s::object({{QStringLiteral("template"), s::object({}, {}, true)}, {QStringLiteral("lead_id"), s::integer()},
                          {QStringLiteral("variables"), s::object({}, {}, true)}, {QStringLiteral("sender"), s::object({}, {}, true)}},
                         {QStringLiteral("template")}),
               s::object({{QStringLiteral("subject"), s::string()}, {QStringLiteral("text"), s::string()}}, {QStringLiteral("subject")}, true), 200,
               [&templates](RequestContext &c) { return jsonOrError(templates.preview(c.body)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/templates/{id}"), Role::Viewer, tag, QStringLiteral("A template"), {}, templ, 200,
               [&templates](RequestContext &c) { return jsonOrError(templates.get(c.idParam())); }, {}, {}, {}});
    table.add({M::Put, QStringLiteral("/api/v1/templates/{id}"), Role::User, tag, QStringLiteral("Replace a template (checked first)"), write, templ, 200,
               [&templates](RequestContext &c) { return jsonOrError(templates.update(actorOf(c), c.idParam(), c.body)); }, {}, {}, {}});
    table.add({M::Delete, QStringLiteral("/api/v1/templates/{id}"), Role::User, tag, QStringLiteral("Delete a template"), {}, {}, 204,
               [&templates](RequestContext &c) { return noContentOrError(templates.remove(c.idParam())); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/templates/{id}/duplicate"), Role::User, tag,
               QStringLiteral("Copy a template (\"<name> (copy)\", inactive)"), {}, templ, 201,
               [&templates](RequestContext &c) { return jsonOrError(templates.duplicate(actorOf(c), c.idParam()), 201); }, {}, {}, {}});
    table.add({M::Post, QStringLiteral("/api/v1/templates/{id}/preview"), Role::User, tag,
               QStringLiteral("The template as a lead would receive it ({lead_id, sender} or {variables}): subject, html, text (made from the HTML "
                              "when it has none), and the variables this lead leaves empty"),
               s::object({{QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("variables"), s::object({}, {}, true)},
                          {QStringLiteral("sender"), s::object({}, {}, true)}, {QStringLiteral("campaign_id"), s::integer()}},
                         {}),
               s::object({{QStringLiteral("subject"), s::string()}, {QStringLiteral("text"), s::string()}}, {QStringLiteral("subject")}, true), 200,
               [&templates](RequestContext &c) { return jsonOrError(templates.preview(c.body, c.idParam())); }, {}, {}, {}});
    auto &senders = engine.senders();
    table.add({M::Post, QStringLiteral("/api/v1/templates/{id}/test"), Role::User, tag,
               QStringLiteral("Send a test of the template ({sender_account_id, to: [1-5 addresses], lead_id}): rendered as that lead gets it, "
                              "\"[Test] \" before its subject"),
               s::object({{QStringLiteral("sender_account_id"), s::integer()}, {QStringLiteral("to"), s::arrayOf(s::string(3, 254))},
                          {QStringLiteral("lead_id"), s::integer()}, {QStringLiteral("sender"), s::object({}, {}, true)}},
                         {QStringLiteral("sender_account_id"), QStringLiteral("to")}),
               s::object({{QStringLiteral("sent"), s::integer()}, {QStringLiteral("message_id"), s::string()}}, {QStringLiteral("sent")}, true), 200,
               [&templates, &senders](RequestContext &c) { return jsonOrError(templates.sendTest(c.idParam(), c.body, senders)); }, {}, {}, {}});
    table.add({M::Get, QStringLiteral("/api/v1/templates/{id}/performance"), Role::Viewer, tag,
               QStringLiteral("Sent, opened, clicked, replied and their rates for a template"), {},
               s::object({{QStringLiteral("template_id"), s::integer()}, {QStringLiteral("total_sent"), s::integer()}}, {QStringLiteral("template_id")}, true),
               200, [&templates](RequestContext &c) { return jsonOrError(templates.performance(c.idParam())); }, {}, {}, {}});
}

} // namespace fliptech::api
