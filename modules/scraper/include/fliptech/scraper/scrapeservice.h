#pragma once
// Scrape jobs (table scrape_jobs): a Craigslist search over sites x categories, run as a
// "scraper.craigslist" job on the workers. The searches' pages are fetched in waves through the
// engine's HttpClient (many at once, within its global and per-host limits; robots.txt obeyed
// unless the job says otherwise): each wave is the next page of every search still going (a
// few pages ahead when there are few searches), parsed on the fetching thread while the wave
// before it is stored. A page's listings are stored as leads (source "craigslist", source_id
// the post id; a listing seen before, or a repost of one, updates its lead instead of adding
// one) together with the page's row in scrape_pages, in one transaction: a paused, cancelled,
// stopped or crashed job resumes where it was without fetching a stored page again, and
// retry-failed runs only the pages that failed. Progress: pages fetched and leads found on the
// row, the job's percent, and scrape_progress events (on /ws/scraper).

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/core/usagegate.h"
#include "fliptech/leads/actor.h"
#include "fliptech/scraper/craigslist.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
class JobQueue;
class WorkerPool;
class EventStore;
class JobContext;
struct JobOutcome;
} // namespace fliptech::storage
namespace fliptech::leads {
class LeadService;
}
namespace fliptech::net {
class HttpClient;
class CookieJar;
} // namespace fliptech::net

namespace fliptech::scraper {

class ScrapeService final
{
public:
    static inline const QString craigslistType = QStringLiteral("scraper.craigslist");
    static inline const QString analyzeType = QStringLiteral("scraper.analyze_websites");
    static inline const QString verifyType = QStringLiteral("scraper.verify_emails");
    static inline const QString customUrlType = QStringLiteral("scraper.custom_url");

    ScrapeService(std::shared_ptr<storage::Database> db, storage::JobQueue &jobs, storage::EventStore *events, leads::LeadService &leads,
                  net::HttpClient &http, const core::Clock &clock);

    // {sites: ["austin"] and/or location_group_ids: [1] (their locations' codes as sites; up to
    //  50 sites in all), categories: ["cps"] (default ["bbb"]), query, posted_today, has_image,
    //  max_pages (1-100, default 3), obey_robots (default true), fetch_postings (default false:
    //  each new listing's posting page read for phone, e-mail, text and address)}: the
    //  scrape_jobs row, queued.
    core::Result<QJsonObject> createCraigslist(const leads::Actor &actor, const QJsonObject &config);
    core::Result<QJsonArray> list(int limit = 50);
    core::Result<QJsonObject> get(qint64 id);
    // Stops a scrape: a queued one is cancelled at once (its row says so), a running one stops
    // after the page it is on. NotFound for no such job; the row as it is now.
    core::Result<QJsonObject> cancel(qint64 id);
    // Stops a scrape to go on later: a queued one at once, a running one after its current wave.
    // Conflict when it is not pending or running.
    core::Result<QJsonObject> pause(qint64 id);
    // Goes on with a paused, cancelled or failed scrape (or one whose worker is gone, as after
    // a crash) from where it stopped: stored pages are not fetched again, failed ones are not
    // retried. Conflict for a completed or live one.
    core::Result<QJsonObject> resume(qint64 id);
    // Runs a finished scrape's failed pages again (and whatever their searches had left).
    // Conflict when it has none or is still live.
    core::Result<QJsonObject> retryFailed(qint64 id);
    // The scraper's load: scrape jobs by status, the live ones with their progress, and the
    // outbound HTTP counters.
    core::Result<QJsonObject> queueStatus();
    // The leads a job added, newest first ({id, name, email, phone, website, source_url, created_at}).
    core::Result<QJsonArray> jobLeads(qint64 id, int limit = 200);
    // The pages a job stored or failed ({search, page, url, status, listings, leads_added, error}).
    core::Result<QJsonArray> pages(qint64 id, int limit = 500);
    // Website analysis (siteanalyzer.h): {url} analyses a site; {lead_id} the lead's website, and
    // stores the findings on the lead (website_analysis, enrichment_status "analyzed" or
    // "unreachable", enriched_at). The findings; NotFound / ValidationFailed (no website, a bad
    // url) otherwise.
    core::Result<QJsonObject> analyzeWebsite(const leads::Actor &actor, const QJsonObject &request);
    // The websites of up to 10,000 leads analysed as a job (queue "scraper"; many sites at once,
    // each lead's findings stored as analyzeWebsite() does; leads without a website are counted
    // and skipped). The job's id.
    core::Result<qint64> enqueueAnalysis(const leads::Actor &actor, const QList<qint64> &leadIds) { return enqueueForLeads(analyzeType, actor, leadIds); }
    // The e-mail addresses of up to 10,000 leads verified as a job (100 at a time; each verdict
    // stored as verifyEmails() does; leads without an address are counted and skipped).
    core::Result<qint64> enqueueVerification(const leads::Actor &actor, const QList<qint64> &leadIds) { return enqueueForLeads(verifyType, actor, leadIds); }
    // Built-in e-mail verification (emailverifier.h): {email}, {emails: [...]} (up to 100) or
    // {lead_id} (the lead's address; the verdict stored on the lead: email_status,
    // email_checked_at, email_verification). {items: [verdicts]}.
    core::Result<QJsonObject> verifyEmails(const leads::Actor &actor, const QJsonObject &request);
    // The DNS server verification asks (default: the system's; FLIPTECH_DNS_SERVER names another).
    void setNameserver(const QHostAddress &server) { m_nameserver = server; }
    // Custom-URL scraping (recipe.h; spec 2.5). Saved recipes: {id, name, description, recipe,
    // created_by, created_at, updated_at}; a recipe is checked before it is stored (the error
    // names the path of the mistake), names are unique (Conflict).
    core::Result<QJsonArray> listRecipes();
    core::Result<QJsonObject> getRecipe(qint64 id);
    // {name, description?, recipe}; `id` replaces that recipe.
    core::Result<QJsonObject> saveRecipe(const leads::Actor &actor, const QJsonObject &request, std::optional<qint64> id = {});
    core::Status deleteRecipe(qint64 id);
    // {url} (fetched) or {html, url?} (a page the caller has): the proposed recipe, the lists of
    // similar items found, a preview of the rows (proposeRecipe()).
    core::Result<QJsonObject> analyzeCustomUrl(const QJsonObject &request);
    // {recipe} or {recipe_id}, and {preview: true} to read the first start page (or {html, url})
    // and answer {rows, skipped, next_url, page_url} with nothing stored; otherwise the scrape_jobs
    // row (source custom_url) of a job that reads every start page, follows next_page up to
    // max_pages, reads each item's own page when the recipe says so, and stores the rows as
    // leads (leadFromRow()). Pause, resume, cancel and retry-failed work as for Craigslist.
    core::Result<QJsonObject> customUrlScrape(const leads::Actor &actor, const QJsonObject &request);
    void registerHandlers(storage::WorkerPool &pool);
    // Where Craigslist is (default: defaultCraigslistBaseUrl()); tests point it at a local server.
    void setBaseUrl(const QString &pattern) { m_baseUrl = pattern; }

    // Limits on scraped leads per day and month: a scrape that reaches one pauses; null: none.
    void setUsageGate(core::UsageGate *gate) { m_usage = gate; }

private:
    // One fetched search page, parsed.
    struct FetchedPage {
        int search = 0; // index into the job's searches
        int page = 0;
        QUrl url;
        bool ok = false;
        QString error;
        CraigslistSearchPage parsed;
    };
    // What one scrape got so far (pages stored, leads added, pages failed, what went wrong).
    struct ScrapeTally {
        int pages = 0;
        int found = 0;
        int failedPages = 0;
        QStringList errors;
        QString storeError; // storing failed: the job ends failed
        bool pausedAtLimit = false; // a usage limit paused it: the worker job ends done, the scrape paused
    };
    // A scrape_pages row.
    struct PageRecord {
        QString searchKey;
        int page = 0;
        QUrl url;
        bool ok = false;
        int listings = 0;
        int leadsAdded = 0;
        QString error;
        QUrl nextUrl; // custom-URL scrapes: where the next page is
    };
    core::Status recordPages(qint64 scrapeJobId, const QList<PageRecord> &pages);
    // The leads a scrape added, marked as its own (leads.scrape_job_id).
    core::Status tagLeads(qint64 scrapeJobId, const QVariantList &leadIds);
    void markRunning(qint64 id);
    // Whether the scraped-leads limit is reached; if so the row says paused and the tally's
    // first error says which limit (resume once it resets or is raised). Asked before each wave.
    bool pausedAtUsageLimit(qint64 id, ScrapeTally &tally);
    static QJsonObject progressOf(qint64 id, const QString &status, int percent, const ScrapeTally &tally);
    // The row's counters and a scrape_progress event.
    void reportProgress(storage::JobContext &ctx, qint64 id, const leads::Actor &actor, int percent, const ScrapeTally &tally);
    // The row's end (completed, failed, or paused/cancelled as asked, or pending when the
    // application stops) and the worker job's outcome.
    storage::JobOutcome finish(qint64 id, const leads::Actor &actor, int percent, bool unfinished, const ScrapeTally &tally);
    storage::JobOutcome runCustomUrl(storage::JobContext &ctx);
    // The recipe a request names ({recipe} or {recipe_id}), checked.
    core::Result<QJsonObject> recipeOf(const QJsonObject &request, bool requireStart);
    static QString jobTypeOf(const QJsonObject &row);
    // A worker job for the scrape (its row back to pending).
    core::Result<QJsonObject> requeue(qint64 id, const leads::Actor &actor, const QString &type);
    // Whether the scrape's worker job is queued or running (a "running" row whose worker is gone
    // was left by a crash).
    core::Result<bool> workerIsLive(const QJsonObject &row);
    // The row to `to` (paused or cancelled) and its worker asked to stop.
    core::Result<QJsonObject> stop(qint64 id, const QString &to);
    static leads::Actor actorOf(const QJsonObject &row);
    core::Result<qint64> enqueueForLeads(const QString &type, const leads::Actor &actor, const QList<qint64> &leadIds);
    core::Status storeVerdict(const leads::Actor &actor, qint64 leadId, const QJsonObject &verdict);
    // Findings onto their lead.
    core::Status storeAnalysis(const leads::Actor &actor, qint64 leadId, const QJsonObject &findings);
    core::Result<int> storeWave(const leads::Actor &actor, qint64 scrapeJobId, const QStringList &searchKeys, const QList<FetchedPage> &pages,
                                QList<QPair<qint64, QUrl>> *addedLeads);
    // Reads the postings of new leads (phones, e-mails, body, address, attributes) onto them;
    // returns how many could not be read.
    int enrichFromPostings(const leads::Actor &actor, const QList<QPair<qint64, QUrl>> &leadsAndUrls, bool obeyRobots,
                           const std::shared_ptr<net::CookieJar> &cookies, QStringList *errors);

    std::shared_ptr<storage::Database> m_db;
    storage::JobQueue &m_jobs;
    storage::EventStore *m_events;
    leads::LeadService &m_leads;
    net::HttpClient &m_http;
    const core::Clock &m_clock;
    core::UsageGate *m_usage = nullptr;
    QString m_baseUrl;
    QHostAddress m_nameserver;
};

} // namespace fliptech::scraper
