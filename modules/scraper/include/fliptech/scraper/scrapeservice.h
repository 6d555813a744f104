#pragma once
// Scrape jobs (table scrape_jobs): a Craigslist search over sites x categories, run as a
// "scraper.craigslist" job on the workers. Each page is fetched through the engine's HttpClient
// (robots.txt obeyed unless the job says otherwise), parsed, and its listings stored as leads
// (source "craigslist", source_id the post id): a listing seen before updates its lead instead
// of adding one. Progress: pages fetched and leads found on the row, the job's percent, and
// scrape_progress events (on /ws/scraper).

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/scraper/craigslist.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace fliptech::storage {
class Database;
class JobQueue;
class WorkerPool;
class EventStore;
} // namespace fliptech::storage
namespace fliptech::leads {
class LeadService;
}
namespace fliptech::net {
class HttpClient;
}

namespace fliptech::scraper {

class ScrapeService final
{
public:
    static inline const QString craigslistType = QStringLiteral("scraper.craigslist");

    ScrapeService(std::shared_ptr<storage::Database> db, storage::JobQueue &jobs, storage::EventStore *events, leads::LeadService &leads,
                  net::HttpClient &http, const core::Clock &clock);

    // {sites: ["austin"], categories: ["cps"] (default ["bbb"]), query, posted_today, has_image,
    //  max_pages (1-20, default 3), obey_robots (default true), fetch_postings (default false:
    //  each new listing's posting page read for phone, e-mail, text and address)}: the
    //  scrape_jobs row, queued.
    core::Result<QJsonObject> createCraigslist(const leads::Actor &actor, const QJsonObject &config);
    core::Result<QJsonArray> list(int limit = 50);
    core::Result<QJsonObject> get(qint64 id);
    // Stops a scrape: a queued one is cancelled at once (its row says so), a running one stops
    // after the page it is on. NotFound for no such job; the row as it is now.
    core::Result<QJsonObject> cancel(qint64 id);
    void registerHandlers(storage::WorkerPool &pool);
    // Where Craigslist is (default: defaultCraigslistBaseUrl()); tests point it at a local server.
    void setBaseUrl(const QString &pattern) { m_baseUrl = pattern; }

private:
    struct Stored {
        int added = 0;
        QList<QPair<qint64, QUrl>> addedLeads; // (lead id, posting URL) of the listings new to us
    };
    // Reads the postings of new leads (phones, e-mails, body, address, attributes) onto them;
    // returns how many could not be read.
    int enrichFromPostings(const leads::Actor &actor, const QList<QPair<qint64, QUrl>> &leadsAndUrls, bool obeyRobots, QStringList *errors);
    core::Result<Stored> store(const leads::Actor &actor, qint64 scrapeJobId, const QString &site, const QString &category,
                               const QList<CraigslistListing> &listings);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue &m_jobs;
    storage::EventStore *m_events;
    leads::LeadService &m_leads;
    net::HttpClient &m_http;
    const core::Clock &m_clock;
    QString m_baseUrl;
};

} // namespace fliptech::scraper
