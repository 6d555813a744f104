#pragma once
// What a Craigslist search is: a site ("austin"), an optional sub-area ("nyc/mnh"), a category,
// keywords and the search form's switches, as the address Craigslist answers. The base address
// is a pattern (setting, or FLIPTECH_CRAIGSLIST_BASE_URL; default https://{site}.craigslist.org)
// so that tests, mirrors and a fixture server can stand in for it.

#include "fliptech/core/error.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace fliptech::scraper {

struct CraigslistCategory {
    QString code;  // "cps"
    QString name;  // "computer services"
    QString group; // "services"
};

// The categories a search can name, services (where businesses advertise) first.
const QList<CraigslistCategory> &craigslistCategories();

struct CraigslistSearch {
    QString site;                  // lower-case letters and digits: "austin", "sfbay"
    QString subarea;               // optional: "sfc", "mnh"
    QString category = QStringLiteral("bbb");
    QString query;                 // keywords, at most 200 characters
    bool postedToday = false;
    bool hasImage = false;
    int distanceMiles = 0;         // with postal: within this distance of it
    QString postal;
    int offset = 0;                // results to skip (pages of 120)
};

QString defaultCraigslistBaseUrl(); // FLIPTECH_CRAIGSLIST_BASE_URL, else https://{site}.craigslist.org
// The search's address, or a validation error naming the field.
core::Result<QUrl> craigslistSearchUrl(const CraigslistSearch &search, const QString &basePattern = defaultCraigslistBaseUrl());

} // namespace fliptech::scraper
