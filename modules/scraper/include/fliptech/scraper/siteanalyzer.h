#pragma once
// Website analysis (issue 10; spec "AI Features": the part that needs no AI): a lead's site
// fetched and judged the way a web agency's salesperson would. What it measures: reachable,
// HTTPS and whether the certificate is valid, redirects, time to first byte and total load time,
// page weight, a mobile viewport, title and meta description, headings, the copyright year (an
// outdated site is a prospect), CMS and technology (WordPress, Wix, Squarespace, Shopify,
// GoDaddy's builder, Weebly, Joomla, Drupal, jQuery and its version, Flash), contact e-mails and
// phones, social links, and a sample of the site's own links checked for breakage. From those, a
// prospect score 0-100 (how much the business needs a new site) with its reasons.
//
// The page is read with libxml2's tree (net::HtmlDocument): one page a site, where the full
// HTML rules matter more than speed. robots.txt is not asked: this is one visit to a page the
// lead gave us, as a person's browser would make it.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/net/httpclient.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace fliptech::scraper {

// What one fetched page shows (no network): title, description, viewport, headings, copyright
// year, technology, contacts, social links, and the same-site links worth checking (in
// "links_to_check", which analyze() removes once it checked them).
QJsonObject analyzeSitePage(const net::HttpResponse &response);

// How much the business needs a new site, 0-100, and why: {score, reasons: [{points, reason}]}.
// `findings` as WebsiteAnalyzer::analyze() gives them; `currentYear` dates the copyright.
QJsonObject prospectScore(const QJsonObject &findings, int currentYear);

class WebsiteAnalyzer final
{
public:
    WebsiteAnalyzer(net::HttpClient &http, const core::Clock &clock) : m_http(http), m_clock(clock) {}

    // "example.com", "www.example.com/home" or a full http(s) URL; ValidationFailed for anything
    // else (no host, another scheme, spaces).
    static core::Result<QUrl> siteUrl(const QString &text);

    // Fetches and judges each site, many at once (within the client's limits), up to
    // `linksToCheck` of each site's own links checked too. A site that does not answer is a
    // finding (reachable: false, and why), not an error. Answers in order: {url, reachable,
    // status, final_url, https, certificate_valid, redirects, ttfb_ms, load_ms, page_bytes, ...
    // analyzeSitePage()'s fields ..., broken_links: {checked, broken: [{url, status}]},
    // prospect: prospectScore(), analyzed_at}.
    QList<QJsonObject> analyzeAll(const QList<QUrl> &sites, int linksToCheck = 5);
    QJsonObject analyze(const QUrl &site, int linksToCheck = 5) { return analyzeAll({site}, linksToCheck).value(0); }

private:
    net::HttpClient &m_http;
    const core::Clock &m_clock;
};

} // namespace fliptech::scraper
