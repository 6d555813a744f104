#include "fliptech/scraper/craigslistsearch.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace fliptech::scraper {

using core::ErrorCode;

const QList<CraigslistCategory> &craigslistCategories()
{
    static const QList<CraigslistCategory> all = [] {
        struct Raw {
            const char *code, *name, *group;
        };
        static const Raw raw[] = {
            {"bbb", "all services", "services"}, {"aos", "automotive services", "services"}, {"bts", "beauty services", "services"},
            {"cms", "cell phone / mobile services", "services"}, {"cps", "computer services", "services"},
            {"crs", "creative services", "services"}, {"cys", "cycle services", "services"}, {"evs", "event services", "services"},
            {"fgs", "farm and garden services", "services"}, {"fns", "financial services", "services"},
            {"hws", "health / wellness services", "services"}, {"hss", "household services", "services"},
            {"lbs", "labor / hauling / moving", "services"}, {"lgs", "legal services", "services"}, {"lss", "lessons and tutoring", "services"},
            {"mas", "marine services", "services"}, {"pas", "pet services", "services"}, {"rts", "real estate services", "services"},
            {"sks", "skilled trade services", "services"}, {"biz", "small business ads", "services"}, {"trv", "travel / vacation services", "services"},
            {"wet", "writing / editing / translation", "services"},
            {"ggg", "all gigs", "gigs"}, {"cpg", "computer gigs", "gigs"}, {"crg", "creative gigs", "gigs"}, {"evg", "event gigs", "gigs"},
            {"lbg", "labor gigs", "gigs"}, {"tlg", "talent gigs", "gigs"}, {"wrg", "writing gigs", "gigs"},
            {"jjj", "all jobs", "jobs"}, {"bus", "business / management jobs", "jobs"}, {"mar", "marketing / advertising / PR jobs", "jobs"},
            {"sof", "software / QA / DBA jobs", "jobs"}, {"web", "web / HTML / info design jobs", "jobs"}, {"sls", "sales jobs", "jobs"},
            {"sss", "all for sale", "for sale"}, {"bfs", "business for sale", "for sale"}, {"for", "general for sale", "for sale"},
            {"ele", "electronics", "for sale"}, {"msg", "musical instruments", "for sale"}, {"bik", "bicycles", "for sale"},
            {"mcy", "motorcycles", "for sale"}, {"cta", "cars and trucks", "for sale"},
            {"hhh", "all housing", "housing"}, {"apa", "apartments / housing for rent", "housing"}, {"rea", "real estate for sale", "housing"},
            {"off", "office / commercial", "housing"},
            {"ccc", "all community", "community"}, {"eee", "all events / classes", "community"}};
        QList<CraigslistCategory> out;
        for (const Raw &r : raw)
            out.append({QString::fromLatin1(r.code), QString::fromLatin1(r.name), QString::fromLatin1(r.group)});
        return out;
    }();
    return all;
}

QString defaultCraigslistBaseUrl()
{
    const QString env = qEnvironmentVariable("FLIPTECH_CRAIGSLIST_BASE_URL").trimmed();
    return env.isEmpty() ? QStringLiteral("https://{site}.craigslist.org") : env;
}

core::Result<QUrl> craigslistSearchUrl(const CraigslistSearch &s, const QString &basePattern)
{
    auto invalid = [](const char *field, const QString &problem) {
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("%1 %2").arg(QLatin1String(field), problem),
                               {{QLatin1String(field), problem}});
    };
    static const QRegularExpression site(QStringLiteral("^[a-z0-9]{2,30}$"));
    static const QRegularExpression subarea(QStringLiteral("^[a-z]{2,5}$"));
    static const QRegularExpression postal(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$"));
    if (!site.match(s.site).hasMatch())
        return invalid("site", QStringLiteral("must be a Craigslist site name such as \"austin\" (lower-case letters and digits)"));
    if (!s.subarea.isEmpty() && !subarea.match(s.subarea).hasMatch())
        return invalid("subarea", QStringLiteral("must be a sub-area code such as \"mnh\""));
    bool known = false;
    for (const auto &c : craigslistCategories())
        known |= c.code == s.category;
    if (!known)
        return invalid("category", QStringLiteral("must be one of the codes GET /api/v1/scraper/categories lists"));
    if (s.query.size() > 200)
        return invalid("query", QStringLiteral("must be at most 200 characters"));
    if (s.distanceMiles < 0 || s.distanceMiles > 500)
        return invalid("distance", QStringLiteral("must be 0 to 500 miles"));
    if (s.distanceMiles > 0 && s.postal.isEmpty())
        return invalid("postal", QStringLiteral("is needed with a distance"));
    if (!s.postal.isEmpty() && !postal.match(s.postal).hasMatch())
        return invalid("postal", QStringLiteral("must be a postal code"));
    if (s.offset < 0 || s.offset > 100000)
        return invalid("offset", QStringLiteral("must be 0 to 100000"));
    QString base = basePattern;
    base.replace(QLatin1String("{site}"), s.site);
    while (base.endsWith(u'/'))
        base.chop(1);
    QUrl url(base + QStringLiteral("/search") + (s.subarea.isEmpty() ? QString() : u'/' + s.subarea) + u'/' + s.category);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return invalid("base_url", QStringLiteral("must be an http(s) address, with {site} where the site name goes"));
    QUrlQuery q;
    if (!s.query.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("query"), s.query.trimmed());
    if (s.postedToday)
        q.addQueryItem(QStringLiteral("postedToday"), QStringLiteral("1"));
    if (s.hasImage)
        q.addQueryItem(QStringLiteral("hasPic"), QStringLiteral("1"));
    if (s.distanceMiles > 0)
        q.addQueryItem(QStringLiteral("search_distance"), QString::number(s.distanceMiles));
    if (!s.postal.isEmpty())
        q.addQueryItem(QStringLiteral("postal"), s.postal.trimmed());
    if (s.offset > 0)
        q.addQueryItem(QStringLiteral("s"), QString::number(s.offset));
    if (!q.isEmpty())
        url.setQuery(q);
    return url;
}

} // namespace fliptech::scraper
