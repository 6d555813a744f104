#include "fliptech/scraper/siteanalyzer.h"

#include "fliptech/net/htmldocument.h"
#include "fliptech/scraper/contacts.h"
#include "fliptech/storage/database.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace fliptech::scraper {

using core::ErrorCode;

namespace {

QString lower(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toLower();
}

// CMS and site builders, from what their pages carry (asset hosts, generator, headers).
struct Marker {
    const char *name;
    const char *inBody;      // a substring of the page (lower case), or null
    const char *inGenerator; // a substring of <meta name=generator> (lower case), or null
    const char *header;      // a response header whose presence says it, or null
    bool builder;            // a template site builder (a prospect for a custom site)
};

constexpr Marker kMarkers[] = {
    {"WordPress", "/wp-content/", "wordpress", nullptr, false},
    {"Wix", "static.wixstatic.com", "wix.com", "x-wix-request-id", true},
    {"Squarespace", "static1.squarespace.com", "squarespace", nullptr, true},
    {"Shopify", "cdn.shopify.com", "shopify", "x-shopify-stage", false},
    {"GoDaddy Website Builder", "img1.wsimg.com", "go daddy website builder", nullptr, true},
    {"Weebly", "editmysite.com", "weebly", nullptr, true},
    {"Joomla", "/media/jui/", "joomla", nullptr, false},
    {"Drupal", "/sites/default/files/", "drupal", "x-drupal-cache", false},
    {"Webflow", "assets.website-files.com", "webflow", nullptr, true},
};

const QList<QPair<QString, QString>> &socialHosts()
{
    static const QList<QPair<QString, QString>> hosts = {
        {QStringLiteral("facebook.com"), QStringLiteral("facebook")}, {QStringLiteral("instagram.com"), QStringLiteral("instagram")},
        {QStringLiteral("twitter.com"), QStringLiteral("twitter")},   {QStringLiteral("x.com"), QStringLiteral("twitter")},
        {QStringLiteral("linkedin.com"), QStringLiteral("linkedin")}, {QStringLiteral("youtube.com"), QStringLiteral("youtube")},
        {QStringLiteral("yelp.com"), QStringLiteral("yelp")},         {QStringLiteral("tiktok.com"), QStringLiteral("tiktok")},
        {QStringLiteral("pinterest.com"), QStringLiteral("pinterest")},
    };
    return hosts;
}

bool sameSite(const QUrl &a, const QUrl &b)
{
    auto bare = [](QString h) { return h.startsWith(QLatin1String("www.")) ? h.mid(4) : h; };
    return bare(a.host().toLower()) == bare(b.host().toLower());
}

// A <meta name=...>'s content, the name matched in any case (old pages write NAME="Description");
// nullopt when the page has no such meta.
std::optional<QString> meta(const net::HtmlDocument &page, const QString &name)
{
    for (const auto &m : page.select(QStringLiteral("meta[name]")))
        if (m.attr(QStringLiteral("name")).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return m.attr(QStringLiteral("content")).simplified();
    return std::nullopt;
}

QString metaContent(const net::HtmlDocument &page, const QString &name)
{
    return meta(page, name).value_or(QString());
}

bool isTlsFailure(const net::HttpResponse &r)
{
    if (!r.error)
        return false;
    const QString m = r.error->message.toLower();
    return m.contains(QLatin1String("certificate")) || m.contains(QLatin1String("ssl")) || m.contains(QLatin1String("tls"));
}

} // namespace

QJsonObject analyzeSitePage(const net::HttpResponse &response)
{
    const net::HtmlDocument page = net::HtmlDocument::parse(response.body, response.contentType, response.url);
    QJsonObject out;
    out.insert(QStringLiteral("title"), page.title());
    out.insert(QStringLiteral("meta_description"), metaContent(page, QStringLiteral("description")));
    out.insert(QStringLiteral("viewport"), meta(page, QStringLiteral("viewport")).has_value());
    QJsonArray h1;
    for (const auto &h : page.select(QStringLiteral("h1")))
        if (const QString t = h.text(); !t.isEmpty() && h1.size() < 3)
            h1.append(t.left(200));
    out.insert(QStringLiteral("h1"), h1);
    out.insert(QStringLiteral("headings"), int(page.select(QStringLiteral("h1, h2, h3")).size()));
    out.insert(QStringLiteral("charset"), page.charset());
    out.insert(QStringLiteral("language"), page.first(QStringLiteral("html")).attr(QStringLiteral("lang")).left(20));

    const QString text = page.root().readableText();
    // The copyright year: the latest year in a "© 2019", "Copyright 2012-2016", "(c) 2024".
    static const QRegularExpression copyright(QStringLiteral("(?:\u00a9|\\(c\\)|copyright)\\s*(?:[a-z]+\\s+)?((?:19|20)\\d\\d)(?:\\s*[-\u2013]\\s*((?:19|20)\\d\\d))?"),
                                              QRegularExpression::CaseInsensitiveOption);
    int year = 0;
    for (auto it = copyright.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        year = qMax(year, qMax(m.captured(1).toInt(), m.captured(2).toInt()));
    }
    const QString metaCopyright = metaContent(page, QStringLiteral("copyright"));
    for (auto it = QRegularExpression(QStringLiteral("(?:19|20)\\d\\d")).globalMatch(metaCopyright); it.hasNext();)
        year = qMax(year, it.next().captured(0).toInt());
    out.insert(QStringLiteral("copyright_year"), year > 0 ? QJsonValue(year) : QJsonValue());

    // Technology.
    const QString body = lower(response.body);
    const QString generator = metaContent(page, QStringLiteral("generator"));
    QJsonArray tech;
    bool builder = false;
    for (const Marker &m : kMarkers) {
        bool found = (m.inBody && body.contains(QLatin1String(m.inBody))) || (m.inGenerator && generator.toLower().contains(QLatin1String(m.inGenerator)));
        if (!found && m.header)
            found = !response.header(m.header).isEmpty();
        if (found) {
            tech.append(QLatin1String(m.name));
            builder = builder || m.builder;
        }
    }
    static const QRegularExpression jquery(QStringLiteral("jquery[.-]?(\\d+\\.\\d+(?:\\.\\d+)?)(?:\\.min|\\.slim)*\\.js|jquery(?:\\.min)?\\.js\\?ver=(\\d+\\.\\d+(?:\\.\\d+)?)"));
    QString jqueryVersion;
    for (const auto &script : page.select(QStringLiteral("script[src]"))) {
        const auto m = jquery.match(script.attr(QStringLiteral("src")).toLower());
        if (m.hasMatch()) {
            jqueryVersion = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
            break;
        }
    }
    if (!jqueryVersion.isEmpty() || body.contains(QLatin1String("jquery")))
        tech.append(QStringLiteral("jQuery"));
    bool flash = false;
    for (const auto &n : page.select(QStringLiteral("embed[src], object[data], param[value]")))
        for (const QString &a : {QStringLiteral("src"), QStringLiteral("data"), QStringLiteral("value")})
            flash = flash || n.attr(a).toLower().contains(QLatin1String(".swf"));
    if (flash)
        tech.append(QStringLiteral("Flash"));
    if (body.contains(QLatin1String("google-analytics.com/ga.js")) || body.contains(QLatin1String("urchin.js")))
        tech.append(QStringLiteral("legacy Google Analytics"));
    out.insert(QStringLiteral("generator"), generator.left(200));
    out.insert(QStringLiteral("tech"), tech);
    out.insert(QStringLiteral("site_builder"), builder);
    out.insert(QStringLiteral("jquery_version"), jqueryVersion.isEmpty() ? QJsonValue() : QJsonValue(jqueryVersion));
    out.insert(QStringLiteral("flash"), flash);
    out.insert(QStringLiteral("tables"), int(page.select(QStringLiteral("table")).size()));

    // Contacts and links.
    QStringList emails, phones;
    auto addUnique = [](QStringList &list, const QString &v) {
        if (!v.isEmpty() && !list.contains(v, Qt::CaseInsensitive) && list.size() < 10)
            list << v;
    };
    QJsonObject social;
    QStringList toCheck;
    QSet<QString> seen;
    for (const auto &a : page.select(QStringLiteral("a[href]"))) {
        const QString href = a.attr(QStringLiteral("href")).trimmed();
        if (href.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
            for (const QString &e : findEmails(QUrl::fromPercentEncoding(href.mid(7).section(u'?', 0, 0).toUtf8())))
                addUnique(emails, e);
            continue;
        }
        if (href.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
            for (const QString &p : findPhones(QUrl::fromPercentEncoding(href.mid(4).toUtf8())))
                addUnique(phones, p);
            continue;
        }
        const QUrl u = a.url();
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))
            continue;
        const QString host = u.host().toLower();
        bool isSocial = false;
        for (const auto &[domain, name] : socialHosts())
            if (host == domain || host.endsWith(u'.' + domain)) {
                if (!social.contains(name))
                    social.insert(name, u.toString());
                isSocial = true;
            }
        if (isSocial || !sameSite(u, response.url))
            continue;
        QUrl clean = u.adjusted(QUrl::RemoveFragment);
        const QString key = clean.toString();
        if (clean.adjusted(QUrl::StripTrailingSlash) == response.url.adjusted(QUrl::RemoveFragment | QUrl::StripTrailingSlash) || seen.contains(key))
            continue;
        seen.insert(key);
        toCheck << key;
    }
    for (const QString &e : findEmails(text))
        addUnique(emails, e);
    for (const QString &p : findPhones(text))
        addUnique(phones, p);
    out.insert(QStringLiteral("emails"), QJsonArray::fromStringList(emails));
    out.insert(QStringLiteral("phones"), QJsonArray::fromStringList(phones));
    out.insert(QStringLiteral("social"), social);
    out.insert(QStringLiteral("links_to_check"), QJsonArray::fromStringList(toCheck));
    out.insert(QStringLiteral("internal_links"), int(toCheck.size()));
    return out;
}

QJsonObject prospectScore(const QJsonObject &f, int currentYear)
{
    QJsonArray reasons;
    int score = 0;
    auto add = [&](int points, const QString &reason) {
        score += points;
        reasons.append(QJsonObject{{QStringLiteral("points"), points}, {QStringLiteral("reason"), reason}});
    };
    if (!f.value(QStringLiteral("reachable")).toBool()) {
        add(90, QStringLiteral("the site does not answer (%1): the business needs a working one").arg(f.value(QStringLiteral("error")).toString()));
        return QJsonObject{{QStringLiteral("score"), qMin(score, 100)}, {QStringLiteral("reasons"), reasons}};
    }
    const int status = f.value(QStringLiteral("status")).toInt();
    if (status >= 400) {
        add(85, QStringLiteral("the site answers with an error (HTTP %1)").arg(status));
        return QJsonObject{{QStringLiteral("score"), qMin(score, 100)}, {QStringLiteral("reasons"), reasons}};
    }
    if (!f.value(QStringLiteral("https")).toBool())
        add(20, QStringLiteral("no HTTPS: browsers mark the site \"Not secure\""));
    else if (!f.value(QStringLiteral("certificate_valid")).toBool(true))
        add(20, QStringLiteral("its HTTPS certificate is not valid: browsers warn visitors away"));
    if (!f.value(QStringLiteral("viewport")).toBool())
        add(20, QStringLiteral("not made for phones (no mobile viewport)"));
    if (const int year = f.value(QStringLiteral("copyright_year")).toInt(); year > 0 && year <= currentYear - 3)
        add(15, QStringLiteral("copyright %1: not updated in %2 years").arg(year).arg(currentYear - year));
    if (const qint64 ms = f.value(QStringLiteral("load_ms")).toInteger(); ms > 3000)
        add(10, QStringLiteral("slow: the page takes %1 s to load").arg(double(ms) / 1000.0, 0, 'f', 1));
    if (const qint64 bytes = f.value(QStringLiteral("page_bytes")).toInteger(); bytes > 3 * 1024 * 1024)
        add(5, QStringLiteral("heavy: the page alone is %1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1));
    if (f.value(QStringLiteral("title")).toString().isEmpty())
        add(5, QStringLiteral("no page title (search engines show the address instead)"));
    if (f.value(QStringLiteral("meta_description")).toString().isEmpty())
        add(5, QStringLiteral("no meta description for search results"));
    if (f.value(QStringLiteral("flash")).toBool())
        add(15, QStringLiteral("uses Flash, which no browser plays any more"));
    if (f.value(QStringLiteral("site_builder")).toBool())
        add(5, QStringLiteral("a template site builder (%1)").arg(f.value(QStringLiteral("tech")).toVariant().toStringList().join(QStringLiteral(", "))));
    if (const QString jq = f.value(QStringLiteral("jquery_version")).toString(); !jq.isEmpty() && jq.section(u'.', 0, 0).toInt() < 3)
        add(5, QStringLiteral("old jQuery %1").arg(jq));
    if (f.value(QStringLiteral("tech")).toArray().contains(QStringLiteral("legacy Google Analytics")))
        add(5, QStringLiteral("analytics code retired by Google years ago"));
    const QJsonObject broken = f.value(QStringLiteral("broken_links")).toObject();
    if (const int n = int(broken.value(QStringLiteral("broken")).toArray().size()); n > 0)
        add(10, QStringLiteral("%1 of %2 links checked are broken").arg(n).arg(broken.value(QStringLiteral("checked")).toInt()));
    if (f.value(QStringLiteral("emails")).toArray().isEmpty() && f.value(QStringLiteral("phones")).toArray().isEmpty())
        add(5, QStringLiteral("no e-mail address or phone number on the page"));
    return QJsonObject{{QStringLiteral("score"), qMin(score, 100)}, {QStringLiteral("reasons"), reasons}};
}

core::Result<QUrl> WebsiteAnalyzer::siteUrl(const QString &text)
{
    QString t = text.trimmed();
    auto bad = [&t](const QString &why) {
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("url \"%1\" %2").arg(t.left(200), why), {{QStringLiteral("url"), why}});
    };
    if (t.isEmpty())
        return bad(QStringLiteral("is empty: give the site's address, e.g. example.com"));
    if (t.contains(QRegularExpression(QStringLiteral("\\s"))))
        return bad(QStringLiteral("has spaces in it"));
    if (!t.contains(QLatin1String("://")))
        t = QStringLiteral("https://") + t;
    const QUrl u(t, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() || (!u.host().contains(u'.') && u.host() != QLatin1String("localhost")))
        return bad(QStringLiteral("is not a web address"));
    if (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https"))
        return bad(QStringLiteral("must be http or https"));
    return u;
}

QList<QJsonObject> WebsiteAnalyzer::analyzeAll(const QList<QUrl> &sites, int linksToCheck)
{
    auto request = [](const QUrl &url, bool verify) {
        net::HttpRequest r;
        r.url = url;
        r.verifyTls = verify;
        r.timeoutMs = 20000;
        r.maxRetries = 1;
        r.maxBodyBytes = 8 << 20;
        return r;
    };
    QList<net::HttpRequest> first;
    for (const QUrl &u : sites)
        first << request(u, true);
    QList<net::HttpResponse> responses = m_http.getAll(first);
    // A certificate that does not verify: read the site anyway, and say so.
    QList<qsizetype> again;
    QList<net::HttpRequest> unverified;
    for (qsizetype i = 0; i < responses.size(); ++i)
        if (isTlsFailure(responses.at(i))) {
            again << i;
            unverified << request(sites.at(i), false);
        }
    QList<bool> certificateBad(sites.size(), false);
    if (!unverified.isEmpty()) {
        const QList<net::HttpResponse> second = m_http.getAll(unverified);
        for (qsizetype k = 0; k < again.size(); ++k) {
            responses[again.at(k)] = second.at(k);
            certificateBad[again.at(k)] = true;
        }
    }
    const QDateTime now = m_clock.now();
    QList<QJsonObject> out;
    QList<net::HttpRequest> linkRequests;
    QList<QPair<qsizetype, QString>> linkOwners;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const net::HttpResponse &r = responses.at(i);
        QJsonObject f{{QStringLiteral("url"), sites.at(i).toString()}, {QStringLiteral("analyzed_at"), storage::Database::isoTimestamp(now)}};
        const bool reachable = r.status > 0 && !r.error;
        f.insert(QStringLiteral("reachable"), reachable);
        if (!reachable) {
            f.insert(QStringLiteral("error"), r.error ? r.error->message : QStringLiteral("no answer"));
            f.insert(QStringLiteral("prospect"), prospectScore(f, now.date().year()));
            out << f;
            continue;
        }
        f.insert(QStringLiteral("status"), r.status);
        f.insert(QStringLiteral("final_url"), r.url.toString());
        const bool https = r.url.scheme() == QLatin1String("https");
        f.insert(QStringLiteral("https"), https);
        f.insert(QStringLiteral("certificate_valid"), https ? QJsonValue(!certificateBad.at(i)) : QJsonValue());
        f.insert(QStringLiteral("redirects"), r.redirects);
        f.insert(QStringLiteral("ttfb_ms"), r.firstByteMs);
        f.insert(QStringLiteral("load_ms"), r.elapsedMs);
        f.insert(QStringLiteral("page_bytes"), r.body.size());
        f.insert(QStringLiteral("server"), QString::fromLatin1(r.header("server")).left(100));
        const QJsonObject page = analyzeSitePage(r);
        for (auto it = page.begin(); it != page.end(); ++it)
            f.insert(it.key(), it.value());
        const QJsonArray links = f.take(QStringLiteral("links_to_check")).toArray();
        for (qsizetype k = 0; k < links.size() && k < linksToCheck; ++k) {
            net::HttpRequest lr = request(QUrl(links.at(k).toString()), !certificateBad.at(i));
            lr.maxRetries = 0;
            lr.timeoutMs = 10000;
            linkRequests << lr;
            linkOwners << qMakePair(i, links.at(k).toString());
        }
        out << f;
    }
    // The sampled links of every site at once.
    const QList<net::HttpResponse> linkResponses = m_http.getAll(linkRequests);
    QHash<qsizetype, QJsonArray> broken;
    QHash<qsizetype, int> checked;
    for (qsizetype k = 0; k < linkResponses.size(); ++k) {
        const auto &[site, url] = linkOwners.at(k);
        const net::HttpResponse &lr = linkResponses.at(k);
        ++checked[site];
        // A link that answers 4xx/5xx or not at all is broken; one refused for its size is not.
        const bool tooBig = lr.error && lr.error->message.contains(QLatin1String("size"), Qt::CaseInsensitive);
        if (!tooBig && (lr.status >= 400 || (lr.status == 0 && lr.error)))
            broken[site].append(QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("status"), lr.status}});
    }
    for (qsizetype i = 0; i < out.size(); ++i) {
        QJsonObject &f = out[i];
        if (!f.value(QStringLiteral("reachable")).toBool())
            continue;
        f.insert(QStringLiteral("broken_links"), QJsonObject{{QStringLiteral("checked"), checked.value(i)}, {QStringLiteral("broken"), broken.value(i)}});
        f.insert(QStringLiteral("prospect"), prospectScore(f, now.date().year()));
    }
    return out;
}

} // namespace fliptech::scraper
