#pragma once
// Craigslist pages as data. Search pages come in several layouts and all are read:
//  - "static": the current no-JS list, ol.cl-static-search-results > li.cl-static-search-result
//    (.title, .price, .location; links /d/<slug>/<post id>.html or /view/d/<slug>/<opaque id>);
//  - "rendered": the current list as the browser builds it, li.cl-search-result[data-pid]
//    (a.posting-title, .priceinfo, .meta "12 mins ago · Peabody");
//  - "legacy": li.result-row[data-pid] (2015-2022: a.result-title, .result-price, .result-hood,
//    time.result-date, data-repost-of);
//  - "row": p.row (2012-2014), for old mirrors and archives.

#include "fliptech/net/htmldocument.h"
#include "fliptech/net/lighthtml.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace fliptech::scraper {

struct CraigslistListing {
    QString postId;   // the numeric post id, or the opaque id of a /view/d/ link
    QString repostOf; // the post this one reposts (legacy layout), if said
    QUrl url;
    QString title;
    QString priceText;                // as shown ("$1,325"), empty when none
    std::optional<qint64> priceCents; // parsed from priceText
    QString location;                 // the neighbourhood as shown, without parentheses
    QString posted;                   // as the page says it ("2019-05-31 22:23", "12 mins ago")
    QJsonObject toJson() const;
};

struct CraigslistSearchPage {
    QString layout; // "static", "rendered", "legacy", "row", or empty (no listings found)
    QList<CraigslistListing> listings;
};

// A search page as served (`contentType` and `url` as in net::LightHtml::parse), or as read.
CraigslistSearchPage parseCraigslistSearch(const QByteArray &body, const QByteArray &contentType = {}, const QUrl &url = {});
CraigslistSearchPage parseCraigslistSearch(const net::LightHtml &page);

// A posting page (2012 to now).
struct CraigslistPosting {
    QString postId;
    QUrl url;
    QString title;
    QString priceText;
    std::optional<qint64> priceCents;
    QString location;                    // the neighbourhood after the title, without parentheses
    QString address;                     // a street address where the poster gave one
    QString posted, updated;             // ISO 8601 with the site's offset where the page has it, else as shown
    QString body;                        // the posting's text, lines kept
    QJsonObject attributes;              // "condition: like new" -> {"condition": "like new"}; bare ones in "tags"
    std::optional<double> latitude, longitude;
    QList<QUrl> images;                  // full-size image addresses
    QStringList emails, phones;          // found in the body (phones E.164)
    QString replyEmail;                  // the anonymised relay address of older pages (mailto)
    QJsonObject toJson() const;
};

CraigslistPosting parseCraigslistPosting(const net::HtmlDocument &page);

// "$1,325" -> 132500; "$466000" -> 46600000; "" or no digits -> nullopt.
std::optional<qint64> parsePriceCents(const QString &text);
// The post id in a posting URL: ".../7936415355.html" -> "7936415355"; ".../view/d/x/mfYChGx8" ->
// "mfYChGx8"; empty when neither.
QString postIdFromUrl(const QUrl &url);

} // namespace fliptech::scraper
