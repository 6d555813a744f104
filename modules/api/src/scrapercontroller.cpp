// The scraper's API area (issue 10): what a search can name. Jobs, the queue and /ws/scraper
// follow with the scrape jobs.
#include "fliptech/api/controllers.h"
#include "fliptech/api/jsonschema.h"
#include "fliptech/scraper/craigslistsearch.h"

#include <QJsonArray>

namespace fliptech::api {

using M = QHttpServerRequest::Method;
using auth::Role;
namespace s = schema;

void registerScraperRoutes(RouteTable &table, engine::Engine &)
{
    const QString tag = QStringLiteral("scraper");
    const QJsonObject category = s::object({{QStringLiteral("code"), s::string()}, {QStringLiteral("name"), s::string()},
                                            {QStringLiteral("group"), s::string()}},
                                           {}, true);
    table.add({M::Get, QStringLiteral("/api/v1/scraper/categories"), Role::Viewer, tag,
               QStringLiteral("Craigslist categories a search can name (code, name, group), services first"), {}, listSchema(category), 200,
               [](RequestContext &) {
                   QJsonArray items;
                   for (const auto &c : scraper::craigslistCategories())
                       items.append(QJsonObject{{QStringLiteral("code"), c.code}, {QStringLiteral("name"), c.name}, {QStringLiteral("group"), c.group}});
                   return listOrError(items);
               },
               {}, {}, {}});
}

} // namespace fliptech::api
