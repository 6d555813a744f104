#include "fliptech/scraper/scrapeservice.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/net/htmldocument.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/scraper/craigslistsearch.h"
#include "fliptech/scraper/emailverifier.h"
#include "fliptech/scraper/siteanalyzer.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <future>

namespace fliptech::scraper {

using core::ErrorCode;
using leads::Actor;
using storage::JobOutcome;

namespace {

constexpr int kPageSize = 120; // listings on a full Craigslist search page
constexpr int kMaxPages = 100; // pages one search may read
constexpr int kWaveTarget = 32; // pages a wave asks for when few searches are left (up to 4 each)

bool isLive(const QString &status)
{
    return status == QLatin1String("pending") || status == QLatin1String("running");
}

QString columns()
{
    return QStringLiteral("id, job_key, source, status, config, job_id, progress, pages_fetched, leads_found, error_message, started_at, "
                          "completed_at, created_by, created_at");
}

QJsonObject rowToJson(const storage::Row &r)
{
    QJsonObject o{{QStringLiteral("id"), r.value(0).toLongLong()},
                  {QStringLiteral("job_key"), r.value(1).toString()},
                  {QStringLiteral("source"), r.value(2).toString()},
                  {QStringLiteral("status"), r.value(3).toString()},
                  {QStringLiteral("config"), QJsonDocument::fromJson(r.value(4).toString().toUtf8()).object()},
                  {QStringLiteral("progress"), r.value(6).toInt()},
                  {QStringLiteral("pages_fetched"), r.value(7).toInt()},
                  {QStringLiteral("leads_found"), r.value(8).toInt()}};
    auto put = [&o](const char *key, const QVariant &v, bool time = false) {
        if (v.isNull())
            o.insert(QLatin1String(key), QJsonValue::Null);
        else if (time)
            o.insert(QLatin1String(key), storage::Database::isoTimestamp(storage::Database::toDateTime(v)));
        else if (v.typeId() == QMetaType::QString)
            o.insert(QLatin1String(key), v.toString());
        else
            o.insert(QLatin1String(key), v.toLongLong());
    };
    put("job_id", r.value(5));
    put("error_message", r.value(9));
    put("started_at", r.value(10), true);
    put("completed_at", r.value(11), true);
    put("created_by", r.value(12));
    put("created_at", r.value(13), true);
    return o;
}

} // namespace

ScrapeService::ScrapeService(std::shared_ptr<storage::Database> db, storage::JobQueue &jobs, storage::EventStore *events, leads::LeadService &leads,
                             net::HttpClient &http, const core::Clock &clock)
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_leads(leads), m_http(http), m_clock(clock), m_baseUrl(defaultCraigslistBaseUrl()),
      m_nameserver(qEnvironmentVariable("FLIPTECH_DNS_SERVER"))
{
}

core::Result<QJsonObject> ScrapeService::createCraigslist(const Actor &actor, const QJsonObject &config)
{
    // Every search the job will run must be a valid address now, not a failure later. Location
    // groups add their locations' sites (a location's code is its Craigslist site).
    QJsonArray sites;
    QSet<QString> seen;
    for (const auto &v : config.value(QStringLiteral("sites")).toArray()) {
        const QString site = v.toString().trimmed().toLower();
        if (!seen.contains(site)) {
            seen.insert(site);
            sites.append(site);
        }
    }
    if (const QJsonValue groups = config.value(QStringLiteral("location_group_ids")); !groups.isUndefined()) {
        QVariantList ids;
        for (const auto &g : groups.toArray())
            ids << g.toInteger();
        if (!groups.isArray() || ids.isEmpty() || ids.size() > 20)
            return core::fieldError(QStringLiteral("location_group_ids"), QStringLiteral("must list 1 to 20 location groups"));
        auto members = m_db->select(QStringLiteral("SELECT g.id, l.code FROM location_groups g LEFT JOIN location_group_members m ON m.group_id = g.id "
                                                   "LEFT JOIN locations l ON l.id = m.location_id AND l.is_active = %1 WHERE g.id IN (%2) ORDER BY g.id, l.name")
                                        .arg(m_db->boolLiteral(true), storage::Database::placeholders(ids.size())),
                                    ids);
        if (!members)
            return members.error();
        QSet<qint64> found;
        for (const auto &r : *members) {
            found.insert(r.value(0).toLongLong());
            const QString site = r.value(1).toString().trimmed().toLower();
            if (!site.isEmpty() && !seen.contains(site)) {
                seen.insert(site);
                sites.append(site);
            }
        }
        for (const QVariant &id : std::as_const(ids))
            if (!found.contains(id.toLongLong()))
                return core::makeError(ErrorCode::NotFound, QStringLiteral("no location group %1").arg(id.toLongLong()));
    }
    if (sites.isEmpty() || sites.size() > 50)
        return core::fieldError(QStringLiteral("sites"), QStringLiteral("must list 1 to 50 Craigslist sites (e.g. [\"austin\"]), or location groups whose locations have site codes"));
    QJsonArray categories = config.value(QStringLiteral("categories")).toArray();
    if (categories.isEmpty())
        categories = {QStringLiteral("bbb")};
    if (categories.size() > 10)
        return core::fieldError(QStringLiteral("categories"), QStringLiteral("must list at most 10 categories"));
    const int maxPages = config.value(QStringLiteral("max_pages")).toInt(3);
    if (maxPages < 1 || maxPages > kMaxPages)
        return core::fieldError(QStringLiteral("max_pages"), QStringLiteral("must be 1 to %1").arg(kMaxPages));
    for (const auto &site : sites)
        for (const auto &category : categories) {
            CraigslistSearch s;
            s.site = site.toString();
            s.category = category.toString();
            s.query = config.value(QStringLiteral("query")).toString();
            if (auto url = craigslistSearchUrl(s, m_baseUrl); !url)
                return url.error();
        }
    QJsonObject stored = config;
    stored.insert(QStringLiteral("sites"), sites);
    stored.insert(QStringLiteral("categories"), categories);
    stored.insert(QStringLiteral("max_pages"), maxPages);
    stored.insert(QStringLiteral("obey_robots"), config.value(QStringLiteral("obey_robots")).toBool(true));
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO scrape_jobs (job_key, source, status, config, created_by, created_at, updated_at) "
                                              "VALUES (?, 'craigslist', 'pending', %1, ?, %2, %2) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->timestampParam()),
                               {QUuid::createUuid().toString(QUuid::WithoutBraces), QString::fromUtf8(core::json::compact(stored)),
                                actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    return requeue(row->value(0).toLongLong(), actor, craigslistType);
}

QString ScrapeService::jobTypeOf(const QJsonObject &row)
{
    return row.value(QStringLiteral("source")).toString() == QLatin1String("custom_url") ? customUrlType : craigslistType;
}

core::Result<QJsonObject> ScrapeService::requeue(qint64 id, const Actor &actor, const QString &type)
{
    storage::JobSpec spec(type, {{QStringLiteral("scrape_job_id"), id}, {QStringLiteral("actor"), leads::LeadJobs::actorToJson(actor)}});
    spec.queue = QStringLiteral("scraper");
    // A worker that died (the application crashed or was stopped) hands the job on: the next
    // attempt goes on from the pages stored.
    spec.maxAttempts = 5;
    spec.createdBy = actor.userId;
    // The row is pending before the worker can see its job: a job that ends at once (a page
    // that answers 404) must not have its outcome written over by this bookkeeping afterwards.
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    if (auto done = m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'pending', error_message = NULL, completed_at = NULL, updated_at = %1 "
                                                 "WHERE id = ?").arg(m_db->timestampParam()),
                                  {now, id});
        !done)
        return done.error();
    // The row as this call left it (a worker may take the job the moment it is queued).
    auto row = get(id);
    if (!row)
        return row.error();
    auto job = m_jobs.enqueue(spec);
    if (!job)
        return job.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE scrape_jobs SET job_id = ? WHERE id = ?"), {*job, id}); !done)
        return done.error();
    row->insert(QStringLiteral("job_id"), *job);
    return *row;
}

core::Result<QJsonArray> ScrapeService::list(int limit)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM scrape_jobs ORDER BY id DESC LIMIT %2").arg(columns()).arg(qBound(1, limit, 500)));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(rowToJson(r));
    return out;
}

core::Result<QJsonObject> ScrapeService::get(qint64 id)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM scrape_jobs WHERE id = ?").arg(columns()), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no scrape job %1").arg(id));
    return rowToJson(rows->first());
}

core::Result<bool> ScrapeService::workerIsLive(const QJsonObject &row)
{
    const QJsonValue job = row.value(QStringLiteral("job_id"));
    if (!job.isDouble())
        return false;
    auto j = m_jobs.get(job.toInteger());
    if (!j)
        return j.error().code == ErrorCode::NotFound ? core::Result<bool>(false) : core::Result<bool>(j.error());
    return j->state == storage::JobState::Queued || j->state == storage::JobState::Running;
}

core::Result<QJsonObject> ScrapeService::stop(qint64 id, const QString &to)
{
    auto row = get(id);
    if (!row)
        return row.error();
    const QString status = row->value(QStringLiteral("status")).toString();
    const bool pausing = to == QLatin1String("paused");
    if (!isLive(status) && !(status == QLatin1String("paused") && !pausing)) {
        if (pausing)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("scrape job %1 is %2: only a pending or running one can be paused").arg(id).arg(status));
        return *row; // over already
    }
    // The row says what was asked first: the worker, seeing its job cancelled, keeps it (a
    // worker stopped by the application closing leaves "pending" to go on later).
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    if (auto done = m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = ?, completed_at = %1, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                  {to, pausing ? QVariant() : QVariant(now), now, id});
        !done)
        return done.error();
    if (const QJsonValue job = row->value(QStringLiteral("job_id")); job.isDouble())
        if (auto c = m_jobs.cancel(job.toInteger()); !c)
            return c.error();
    return get(id);
}

core::Result<QJsonObject> ScrapeService::cancel(qint64 id)
{
    return stop(id, QStringLiteral("cancelled"));
}

core::Result<QJsonObject> ScrapeService::pause(qint64 id)
{
    return stop(id, QStringLiteral("paused"));
}

core::Result<QJsonObject> ScrapeService::resume(qint64 id)
{
    auto row = get(id);
    if (!row)
        return row.error();
    const QString status = row->value(QStringLiteral("status")).toString();
    if (status == QLatin1String("completed"))
        return core::makeError(ErrorCode::Conflict,
                               QStringLiteral("scrape job %1 is completed: retry-failed runs its failed pages again, or start a new scrape").arg(id));
    if (isLive(status)) {
        auto live = workerIsLive(*row);
        if (!live)
            return live.error();
        if (*live)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("scrape job %1 is %2 already").arg(id).arg(status));
    }
    return requeue(id, actorOf(*row), jobTypeOf(*row));
}

core::Result<QJsonObject> ScrapeService::retryFailed(qint64 id)
{
    auto row = get(id);
    if (!row)
        return row.error();
    if (isLive(row->value(QStringLiteral("status")).toString())) {
        auto live = workerIsLive(*row);
        if (!live)
            return live.error();
        if (*live)
            return core::makeError(ErrorCode::Conflict, QStringLiteral("scrape job %1 is still running: retry its failed pages when it ends").arg(id));
    }
    auto removed = m_db->execute(QStringLiteral("DELETE FROM scrape_pages WHERE scrape_job_id = ? AND status = 'failed'"), {id});
    if (!removed)
        return removed.error();
    if (removed->rowsAffected == 0)
        return core::makeError(ErrorCode::Conflict, QStringLiteral("scrape job %1 has no failed pages").arg(id));
    return requeue(id, actorOf(*row), jobTypeOf(*row));
}

leads::Actor ScrapeService::actorOf(const QJsonObject &row)
{
    // The one who started the scrape goes on with it (the leads it adds are theirs).
    Actor actor = Actor::system();
    if (const QJsonValue by = row.value(QStringLiteral("created_by")); by.isDouble())
        actor.userId = by.toInteger();
    return actor;
}

core::Result<QJsonObject> ScrapeService::queueStatus()
{
    auto counts = m_db->select(QStringLiteral("SELECT status, count(*) FROM scrape_jobs GROUP BY status"));
    if (!counts)
        return counts.error();
    QJsonObject byStatus;
    for (const QString &st : {QStringLiteral("pending"), QStringLiteral("running"), QStringLiteral("paused"), QStringLiteral("completed"),
                              QStringLiteral("failed"), QStringLiteral("cancelled")})
        byStatus.insert(st, 0);
    for (const auto &r : *counts)
        byStatus.insert(r.value(0).toString(), r.value(1).toLongLong());
    auto live = m_db->select(QStringLiteral("SELECT %1 FROM scrape_jobs WHERE status IN ('pending', 'running') ORDER BY id LIMIT 50").arg(columns()));
    if (!live)
        return live.error();
    QJsonArray active;
    for (const auto &r : *live)
        active.append(rowToJson(r));
    const net::HttpCounters c = m_http.counters();
    return QJsonObject{{QStringLiteral("jobs"), byStatus},
                       {QStringLiteral("active"), active},
                       {QStringLiteral("http"), QJsonObject{{QStringLiteral("requests"), c.requests},
                                                            {QStringLiteral("retries"), c.retries},
                                                            {QStringLiteral("failures"), c.failures},
                                                            {QStringLiteral("bytes"), c.bytes}}}};
}

core::Result<QJsonArray> ScrapeService::pages(qint64 id, int limit)
{
    if (auto row = get(id); !row)
        return row.error();
    auto rows = m_db->select(QStringLiteral("SELECT search_key, page, url, status, listings, leads_added, error_message, fetched_at FROM scrape_pages "
                                            "WHERE scrape_job_id = ? ORDER BY search_key, page LIMIT %1").arg(qBound(1, limit, 5000)),
                             {id});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("search"), r.value(0).toString()},
                               {QStringLiteral("page"), r.value(1).toInt()},
                               {QStringLiteral("url"), r.value(2).toString()},
                               {QStringLiteral("status"), r.value(3).toString()},
                               {QStringLiteral("listings"), r.value(4).toInt()},
                               {QStringLiteral("leads_added"), r.value(5).toInt()},
                               {QStringLiteral("error"), r.value(6).isNull() ? QJsonValue() : QJsonValue(r.value(6).toString())},
                               {QStringLiteral("fetched_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(7)))}});
    return out;
}

core::Result<int> ScrapeService::storeWave(const Actor &actor, qint64 scrapeJobId, const QStringList &searchKeys, const QList<FetchedPage> &pages,
                                           QList<QPair<qint64, QUrl>> *addedLeads)
{
    // The wave's leads and its pages' rows in one transaction: a page is stored, and known to
    // be, or neither (a crash between them would have it fetched again).
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // A repost of a listing we have updates that lead (its source_id stays the first post's).
    QSet<QString> repostOf;
    for (const FetchedPage &p : pages)
        for (const auto &l : p.parsed.listings)
            if (!l.repostOf.isEmpty())
                repostOf.insert(l.repostOf);
    QSet<QString> reposted;
    if (!repostOf.isEmpty()) {
        const QVariantList ids(repostOf.cbegin(), repostOf.cend());
        auto found = m_db->select(QStringLiteral("SELECT source_id FROM leads WHERE source = 'craigslist' AND source_id IN (%1)")
                                      .arg(storage::Database::placeholders(ids.size())),
                                  ids);
        if (!found)
            return found.error();
        for (const auto &r : *found)
            reposted.insert(r.value(0).toString());
    }
    QList<QJsonObject> rows;
    QHash<QString, QUrl> urls;
    QHash<QString, int> pageOf; // source_id -> index in pages
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const FetchedPage &p = pages.at(i);
        const QString &key = searchKeys.at(p.search);
        for (const auto &l : p.parsed.listings) {
            QJsonObject metadata = l.toJson();
            metadata.insert(QStringLiteral("search"), key);
            QString sourceId = l.postId;
            if (reposted.contains(l.repostOf)) {
                sourceId = l.repostOf;
                metadata.insert(QStringLiteral("reposted_as"), l.postId);
            }
            rows.append({{QStringLiteral("name"), l.title.left(300)}, {QStringLiteral("source"), QStringLiteral("craigslist")},
                         {QStringLiteral("source_id"), sourceId}, {QStringLiteral("source_url"), l.url.toString()},
                         {QStringLiteral("lead_source_metadata"), metadata}});
            urls.insert(sourceId, l.url);
            pageOf.insert(sourceId, int(i));
        }
    }
    QList<int> addedOnPage(pages.size(), 0);
    int added = 0;
    if (!rows.isEmpty()) {
        auto upserted = m_leads.upsertBySource(actor, rows);
        if (!upserted)
            return upserted.error();
        added = upserted->added;
        QVariantList ids;
        for (const auto &[leadId, sourceId] : std::as_const(upserted->addedIds)) {
            addedLeads->append({leadId, urls.value(sourceId)});
            ids << leadId;
            ++addedOnPage[pageOf.value(sourceId)];
        }
        if (auto tagged = tagLeads(scrapeJobId, ids); !tagged)
            return tagged.error();
    }
    QList<PageRecord> records;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const FetchedPage &p = pages.at(i);
        records << PageRecord{searchKeys.at(p.search), p.page, p.url, p.ok, int(p.parsed.listings.size()), addedOnPage.at(i), p.error, {}};
    }
    if (auto recorded = recordPages(scrapeJobId, records); !recorded)
        return recorded.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return added;
}

core::Result<QJsonArray> ScrapeService::jobLeads(qint64 id, int limit)
{
    if (auto row = get(id); !row)
        return row.error();
    auto rows = m_db->select(QStringLiteral("SELECT id, name, email, phone, website, source_url, created_at FROM leads WHERE scrape_job_id = ? AND deleted_at IS NULL "
                                            "ORDER BY id DESC LIMIT %1").arg(qBound(1, limit, 1000)),
                             {id});
    if (!rows)
        return rows.error();
    QJsonArray out;
    auto text = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                               {QStringLiteral("name"), text(r.value(1))},
                               {QStringLiteral("email"), text(r.value(2))},
                               {QStringLiteral("phone"), text(r.value(3))},
                               {QStringLiteral("website"), text(r.value(4))},
                               {QStringLiteral("source_url"), text(r.value(5))},
                               {QStringLiteral("created_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(6)))}});
    return out;
}

core::Status ScrapeService::tagLeads(qint64 scrapeJobId, const QVariantList &leadIds)
{
    for (qsizetype i = 0; i < leadIds.size(); i += 1000) {
        const QVariantList part = leadIds.mid(i, 1000);
        if (auto tagged = m_db->execute(QStringLiteral("UPDATE leads SET scrape_job_id = ? WHERE id IN (%1)").arg(storage::Database::placeholders(part.size())),
                                        QVariantList{scrapeJobId} + part);
            !tagged)
            return tagged.error();
    }
    return {};
}

core::Status ScrapeService::recordPages(qint64 scrapeJobId, const QList<PageRecord> &pages)
{
    // A failed page read again later replaces its row.
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    for (qsizetype start = 0; start < pages.size(); start += 100) {
        QStringList tuples;
        QVariantList params;
        for (qsizetype i = start; i < qMin(pages.size(), start + 100); ++i) {
            const PageRecord &p = pages.at(i);
            tuples << QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, %1)").arg(m_db->timestampParam());
            params << scrapeJobId << p.searchKey << p.page << p.url.toString() << (p.ok ? QStringLiteral("done") : QStringLiteral("failed")) << p.listings
                   << p.leadsAdded << (p.ok ? QVariant() : QVariant(p.error.left(1000)))
                   << (p.nextUrl.isEmpty() ? QVariant() : QVariant(p.nextUrl.toString())) << now;
        }
        if (auto done = m_db->execute(QStringLiteral("INSERT INTO scrape_pages (scrape_job_id, search_key, page, url, status, listings, leads_added, error_message, "
                                                     "next_url, fetched_at) VALUES %1 ON CONFLICT (scrape_job_id, search_key, page) DO UPDATE SET "
                                                     "url = excluded.url, status = excluded.status, listings = excluded.listings, "
                                                     "leads_added = excluded.leads_added, error_message = excluded.error_message, "
                                                     "next_url = excluded.next_url, fetched_at = excluded.fetched_at")
                                          .arg(tuples.join(QStringLiteral(", "))),
                                      params);
            !done)
            return done.error();
    }
    return {};
}

core::Result<QJsonObject> ScrapeService::analyzeWebsite(const Actor &actor, const QJsonObject &request)
{
    const QJsonValue leadId = request.value(QStringLiteral("lead_id"));
    QString address = request.value(QStringLiteral("url")).toString();
    if (!leadId.isUndefined() && !leadId.isNull()) {
        if (!leadId.isDouble() || leadId.toDouble() != double(leadId.toInteger()) || leadId.toInteger() <= 0)
            return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("must be a lead's id (a positive whole number)"));
        auto lead = m_leads.get(leadId.toInteger());
        if (!lead)
            return lead.error();
        if (address.isEmpty())
            address = lead->value(QStringLiteral("website")).toString();
        if (address.isEmpty())
            return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("names a lead with no website: add one, or give url"));
    } else if (address.isEmpty()) {
        return core::fieldError(QStringLiteral("url"), QStringLiteral("or lead_id is required"));
    }
    auto url = WebsiteAnalyzer::siteUrl(address);
    if (!url)
        return url.error();
    const QJsonObject findings = WebsiteAnalyzer(m_http, m_clock).analyze(*url);
    if (leadId.isDouble())
        if (auto stored = storeAnalysis(actor, leadId.toInteger(), findings); !stored)
            return stored.error();
    return findings;
}

core::Result<QJsonObject> ScrapeService::verifyEmails(const Actor &actor, const QJsonObject &request)
{
    QStringList emails;
    const QJsonValue leadId = request.value(QStringLiteral("lead_id"));
    if (leadId.isDouble()) {
        auto lead = m_leads.get(leadId.toInteger());
        if (!lead)
            return lead.error();
        const QString email = lead->value(QStringLiteral("email")).toString();
        if (email.isEmpty())
            return core::fieldError(QStringLiteral("lead_id"), QStringLiteral("names a lead with no e-mail address"));
        emails << email;
    } else if (request.value(QStringLiteral("email")).isString()) {
        emails << request.value(QStringLiteral("email")).toString();
    } else if (request.value(QStringLiteral("emails")).isArray()) {
        for (const auto &e : request.value(QStringLiteral("emails")).toArray())
            emails << e.toString();
        if (emails.isEmpty() || emails.size() > 100)
            return core::fieldError(QStringLiteral("emails"), QStringLiteral("must list 1 to 100 addresses"));
    } else {
        return core::fieldError(QStringLiteral("email"), QStringLiteral("or emails or lead_id is required"));
    }
    const QList<QJsonObject> verdicts = EmailVerifier(m_nameserver).verifyAll(emails);
    if (leadId.isDouble())
        if (auto stored = storeVerdict(actor, leadId.toInteger(), verdicts.value(0)); !stored)
            return stored.error();
    QJsonArray items;
    for (const auto &v : verdicts)
        items.append(v);
    return QJsonObject{{QStringLiteral("items"), items}};
}

core::Status ScrapeService::storeVerdict(const Actor &actor, qint64 leadId, const QJsonObject &verdict)
{
    const QJsonObject fields{{QStringLiteral("email_status"), verdict.value(QStringLiteral("status"))},
                             {QStringLiteral("email_checked_at"), storage::Database::isoTimestamp(m_clock.now())},
                             {QStringLiteral("email_verification"), verdict}};
    if (auto updated = m_leads.update(actor, leadId, fields, false); !updated)
        return updated.error();
    return {};
}

core::Status ScrapeService::storeAnalysis(const Actor &actor, qint64 leadId, const QJsonObject &findings)
{
    const QJsonObject fields{{QStringLiteral("website_analysis"), findings},
                             {QStringLiteral("enrichment_status"),
                              findings.value(QStringLiteral("reachable")).toBool() ? QStringLiteral("analyzed") : QStringLiteral("unreachable")},
                             {QStringLiteral("enriched_at"), findings.value(QStringLiteral("analyzed_at"))}};
    if (auto updated = m_leads.update(actor, leadId, fields, false); !updated)
        return updated.error();
    return {};
}

core::Result<qint64> ScrapeService::enqueueForLeads(const QString &type, const Actor &actor, const QList<qint64> &leadIds)
{
    return leads::LeadJobs::enqueueForLeads(m_jobs, type, actor, leadIds, QStringLiteral("scraper"));
}

int ScrapeService::enrichFromPostings(const Actor &actor, const QList<QPair<qint64, QUrl>> &leadsAndUrls, bool obeyRobots,
                                      const std::shared_ptr<net::CookieJar> &cookies, QStringList *errors)
{
    QList<net::HttpRequest> requests;
    for (const auto &[id, url] : leadsAndUrls) {
        net::HttpRequest r;
        r.url = url;
        r.obeyRobots = obeyRobots;
        r.cookies = cookies;
        requests << r;
    }
    // All at once: the client keeps to its per-host limits and spacing.
    const QList<net::HttpResponse> responses = m_http.getAll(requests);
    int failed = 0;
    leads::LeadService::QuietScope quiet;
    for (qsizetype i = 0; i < responses.size(); ++i) {
        const net::HttpResponse &response = responses.at(i);
        const qint64 leadId = leadsAndUrls.at(i).first;
        if (!response.ok()) {
            ++failed;
            *errors << (response.error ? response.error->message : QStringLiteral("%1 answered %2").arg(requests.at(i).url.toDisplayString()).arg(response.status));
            continue;
        }
        const CraigslistPosting posting = parseCraigslistPosting(net::HtmlDocument::parse(response.body, response.contentType, response.url));
        auto lead = m_leads.get(leadId);
        if (!lead) {
            ++failed;
            continue;
        }
        QJsonObject metadata = lead->value(QStringLiteral("lead_source_metadata")).toObject();
        QJsonObject details = posting.toJson();
        details.remove(QStringLiteral("body"));
        metadata.insert(QStringLiteral("posting"), details);
        QJsonObject fields{{QStringLiteral("lead_source_metadata"), metadata}};
        if (!posting.body.isEmpty())
            fields.insert(QStringLiteral("description"), posting.body.left(20000));
        if (!posting.address.isEmpty())
            fields.insert(QStringLiteral("address"), posting.address.left(500));
        QJsonObject contacts;
        if (!posting.phones.isEmpty())
            contacts.insert(QStringLiteral("phone"), posting.phones.first());
        if (!posting.emails.isEmpty())
            contacts.insert(QStringLiteral("email"), posting.emails.first());
        QJsonObject withContacts = fields;
        for (auto it = contacts.begin(); it != contacts.end(); ++it)
            withContacts.insert(it.key(), it.value());
        auto updated = m_leads.update(actor, leadId, withContacts, false);
        if (!updated && updated.error().code == ErrorCode::ValidationFailed && !contacts.isEmpty())
            updated = m_leads.update(actor, leadId, fields, false); // a contact the lead rules refuse: the rest still counts
        if (!updated) {
            ++failed;
            *errors << updated.error().message;
        }
    }
    return failed; // (each update refreshed the lists; QuietScope held back only the per-lead events)
}

namespace {

// One search of a scrape job (a site and a category) and how far it got.
struct Search {
    CraigslistSearch spec;
    QString key;  // "site/category"
    int next = 0; // the next page to fetch
    bool over = false;
};

} // namespace

void ScrapeService::markRunning(qint64 id)
{
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'running', started_at = COALESCE(started_at, %1), updated_at = %1 "
                                                    "WHERE id = ?").arg(m_db->timestampParam()),
                                     {now, now, id}),
                       "scrape job bookkeeping; the job's own row says the same");
}

bool ScrapeService::pausedAtUsageLimit(qint64 id, ScrapeTally &tally)
{
    if (!m_usage)
        return false;
    auto admitted = m_usage->admit(core::usage::leadsScraped, 1, QStringLiteral("scraped leads"), m_clock.now());
    if (admitted)
        return false;
    if (!core::UsageGate::isLimit(admitted.error())) {
        core::logDiscarded(admitted.error(), "the usage limits could not be read; the scrape goes on");
        return false;
    }
    // The status and the reason together: a reader that sees "paused" sees why (finish() writes the rest).
    const QString why = QStringLiteral("Paused: ") + admitted.error().message;
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'paused', error_message = ? WHERE id = ? AND status IN ('pending', 'running')"),
                                     {why, id}),
                       "pausing a scrape at its usage limit; the job ends unfinished either way");
    tally.errors.prepend(why);
    tally.pausedAtLimit = true;
    return true;
}

QJsonObject ScrapeService::progressOf(qint64 id, const QString &status, int percent, const ScrapeTally &tally)
{
    return QJsonObject{{QStringLiteral("scrape_job_id"), id},           {QStringLiteral("status"), status},
                       {QStringLiteral("progress"), percent},           {QStringLiteral("pages_fetched"), tally.pages},
                       {QStringLiteral("leads_found"), tally.found}, {QStringLiteral("errors"), int(tally.errors.size())}};
}

void ScrapeService::reportProgress(storage::JobContext &ctx, qint64 id, const Actor &actor, int percent, const ScrapeTally &tally)
{
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE scrape_jobs SET pages_fetched = ?, leads_found = ?, progress = ? WHERE id = ?"),
                                     {tally.pages, tally.found, percent, id}),
                       "scrape job bookkeeping; the job's own row says the same");
    ctx.setProgress(percent, {},
                    storage::ProgressEvent{QStringLiteral("scrape_progress"), QStringLiteral("scraper"), progressOf(id, QStringLiteral("running"), percent, tally),
                                           actor.userId});
}

JobOutcome ScrapeService::finish(qint64 id, const Actor &actor, int percent, bool unfinished, const ScrapeTally &tally)
{
    const QString finishedAt = storage::Database::isoTimestamp(m_clock.now());
    const QStringList problems = tally.storeError.isEmpty() ? tally.errors : QStringList{tally.storeError} + tally.errors;
    const QVariant errorText = problems.isEmpty() ? QVariant() : QVariant(problems.mid(0, 5).join(QStringLiteral("; ")));
    auto finishAs = [&](const QString &status, bool completed) {
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = ?, progress = ?, pages_fetched = ?, leads_found = ?, "
                                                        "error_message = ?, completed_at = %1, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
                                         {status, percent, tally.pages, tally.found, errorText, completed ? QVariant(finishedAt) : QVariant(), finishedAt, id}),
                           "scrape job bookkeeping; the job's own row says the same");
        if (m_events)
            core::logDiscarded(m_events->append(QStringLiteral("scrape_progress"), QStringLiteral("scraper"), progressOf(id, status, percent, tally),
                                                actor.userId),
                               "a progress event; the row holds the outcome");
    };
    if (!tally.storeError.isEmpty()) {
        finishAs(QStringLiteral("failed"), true);
        return JobOutcome::failedPermanently(tally.storeError);
    }
    if (unfinished) {
        // Asked by the user (the row says paused or cancelled: kept), or the application is
        // stopping (the row goes back to pending and the queue hands the job on later).
        auto now = get(id);
        const QString asked = now ? now->value(QStringLiteral("status")).toString() : QString();
        if (tally.pausedAtLimit && asked == QLatin1String("paused")) {
            // Paused by a usage limit, not by a person: this run is over (resume queues another).
            finishAs(asked, false);
            return JobOutcome::done({{QStringLiteral("scrape_job_id"), id}, {QStringLiteral("paused"), tally.errors.value(0)}});
        }
        if (asked == QLatin1String("paused") || asked == QLatin1String("cancelled")) {
            finishAs(asked, asked == QLatin1String("cancelled"));
            return JobOutcome::cancelled();
        }
        finishAs(QStringLiteral("pending"), false);
        return JobOutcome::failed(QStringLiteral("stopped with the application; the scrape goes on from page %1 when it starts again").arg(tally.pages + 1));
    }
    const bool nothing = tally.pages == 0 && (tally.failedPages > 0 || !tally.errors.isEmpty());
    finishAs(nothing ? QStringLiteral("failed") : QStringLiteral("completed"), true);
    if (nothing)
        return JobOutcome::failedPermanently(tally.errors.value(0));
    return JobOutcome::done({{QStringLiteral("scrape_job_id"), id},
                             {QStringLiteral("pages_fetched"), tally.pages},
                             {QStringLiteral("pages_failed"), tally.failedPages},
                             {QStringLiteral("leads_found"), tally.found},
                             {QStringLiteral("errors"), QJsonArray::fromStringList(tally.errors.mid(0, 20))}});
}

void ScrapeService::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(customUrlType, [this](storage::JobContext &ctx) { return runCustomUrl(ctx); });
    pool.registerHandler(verifyType, [this](storage::JobContext &ctx) -> JobOutcome {
        const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const QJsonArray ids = ctx.payload().value(QStringLiteral("lead_ids")).toArray();
        QJsonObject counts{{QStringLiteral("valid"), 0}, {QStringLiteral("risky"), 0}, {QStringLiteral("invalid"), 0}, {QStringLiteral("skipped"), 0},
                           {QStringLiteral("failed"), 0}};
        auto count = [&counts](const QString &key) { counts.insert(key, counts.value(key).toInt() + 1); };
        const EmailVerifier verifier(m_nameserver);
        for (qsizetype start = 0; start < ids.size() && !ctx.isCancelled(); start += 100) {
            QList<qint64> leadsOfBatch;
            QStringList emails;
            for (qsizetype i = start; i < qMin(ids.size(), start + 100); ++i) {
                auto lead = m_leads.get(ids.at(i).toInteger());
                const QString email = lead ? lead->value(QStringLiteral("email")).toString() : QString();
                if (email.isEmpty()) {
                    count(QStringLiteral("skipped"));
                    continue;
                }
                leadsOfBatch << ids.at(i).toInteger();
                emails << email;
            }
            const QList<QJsonObject> verdicts = verifier.verifyAll(emails);
            for (qsizetype k = 0; k < verdicts.size(); ++k)
                count(storeVerdict(actor, leadsOfBatch.at(k), verdicts.at(k)) ? verdicts.at(k).value(QStringLiteral("status")).toString()
                                                                               : QStringLiteral("failed"));
            ctx.setProgress(int(qMin(ids.size(), start + 100) * 100 / ids.size()));
        }
        if (ctx.isCancelled())
            return JobOutcome::cancelled();
        return JobOutcome::done(counts);
    });
    pool.registerHandler(analyzeType, [this](storage::JobContext &ctx) -> JobOutcome {
        const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        const QJsonArray ids = ctx.payload().value(QStringLiteral("lead_ids")).toArray();
        int analyzed = 0, unreachable = 0, skipped = 0, failed = 0;
        QStringList errors;
        WebsiteAnalyzer analyzer(m_http, m_clock);
        // 64 sites at a time: the client runs them within its limits; the findings are stored
        // as each batch ends (a cancelled job keeps what it finished).
        for (qsizetype start = 0; start < ids.size() && !ctx.isCancelled(); start += 64) {
            QList<qint64> leadsOfBatch;
            QList<QUrl> sites;
            for (qsizetype i = start; i < qMin(ids.size(), start + 64); ++i) {
                const qint64 id = ids.at(i).toInteger();
                auto lead = m_leads.get(id);
                auto url = lead ? WebsiteAnalyzer::siteUrl(lead->value(QStringLiteral("website")).toString()) : core::Result<QUrl>(lead.error());
                if (!url) {
                    ++skipped;
                    continue;
                }
                leadsOfBatch << id;
                sites << *url;
            }
            const QList<QJsonObject> found = analyzer.analyzeAll(sites);
            for (qsizetype k = 0; k < found.size(); ++k) {
                if (auto stored = storeAnalysis(actor, leadsOfBatch.at(k), found.at(k)); !stored) {
                    ++failed;
                    if (errors.size() < 10)
                        errors << stored.error().userMessage();
                    continue;
                }
                (found.at(k).value(QStringLiteral("reachable")).toBool() ? analyzed : unreachable)++;
            }
            ctx.setProgress(int(qMin(ids.size(), start + 64) * 100 / ids.size()));
        }
        const QJsonObject result{{QStringLiteral("analyzed"), analyzed}, {QStringLiteral("unreachable"), unreachable},
                                 {QStringLiteral("skipped"), skipped}, {QStringLiteral("failed"), failed},
                                 {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}};
        if (ctx.isCancelled())
            return JobOutcome::cancelled();
        return JobOutcome::done(result);
    });
    pool.registerHandler(craigslistType, [this](storage::JobContext &ctx) -> JobOutcome {
        const qint64 id = ctx.payload().value(QStringLiteral("scrape_job_id")).toInteger();
        const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        auto row = get(id);
        if (!row)
            return JobOutcome::failedPermanently(row.error().userMessage());
        const QJsonObject config = row->value(QStringLiteral("config")).toObject();
        const int maxPages = config.value(QStringLiteral("max_pages")).toInt(3);
        const bool obeyRobots = config.value(QStringLiteral("obey_robots")).toBool(true);
        QList<Search> searches;
        QStringList keys;
        QHash<QString, int> searchOf;
        for (const auto &site : config.value(QStringLiteral("sites")).toArray())
            for (const auto &category : config.value(QStringLiteral("categories")).toArray()) {
                Search s;
                s.spec.site = site.toString();
                s.spec.category = category.toString();
                s.spec.query = config.value(QStringLiteral("query")).toString();
                s.spec.postedToday = config.value(QStringLiteral("posted_today")).toBool();
                s.spec.hasImage = config.value(QStringLiteral("has_image")).toBool();
                s.key = s.spec.site + u'/' + s.spec.category;
                if (searchOf.contains(s.key))
                    continue;
                searchOf.insert(s.key, int(searches.size()));
                keys << s.key;
                searches << s;
            }
        ScrapeTally tally;
        // What earlier runs of this scrape stored (not fetched again) or failed (not retried here).
        auto earlier = m_db->select(QStringLiteral("SELECT search_key, page, status, listings, leads_added, error_message FROM scrape_pages "
                                                   "WHERE scrape_job_id = ? ORDER BY page"),
                                    {id});
        if (!earlier)
            return JobOutcome::failed(earlier.error().userMessage());
        for (const auto &r : *earlier) {
            const int at = searchOf.value(r.value(0).toString(), -1);
            if (at < 0)
                continue;
            Search &s = searches[at];
            if (r.value(2).toString() == QLatin1String("done")) {
                ++tally.pages;
                tally.found += r.value(4).toInt();
                s.next = qMax(s.next, r.value(1).toInt() + 1);
                if (r.value(3).toInt() < kPageSize)
                    s.over = true;
            } else {
                ++tally.failedPages;
                s.over = true;
                tally.errors << r.value(5).toString();
            }
        }
        for (Search &s : searches)
            if (s.next >= maxPages)
                s.over = true;
        markRunning(id);
        const int units = int(searches.size()) * maxPages;
        auto percentDone = [&] {
            int done = 0;
            for (const Search &s : std::as_const(searches))
                done += s.over ? maxPages : qMin(s.next, maxPages);
            return units > 0 ? done * 100 / units : 100;
        };
        // The next wave: up to kWaveTarget pages, the next page of each search still going (in
        // turn from where the last wave stopped), a few pages ahead each when few are left (a
        // page after a short one is then dropped). A wave's size bounds the memory a scrape holds.
        qsizetype turn = 0;
        auto nextWave = [&] {
            QList<FetchedPage> wave;
            int active = 0;
            for (const Search &s : std::as_const(searches))
                active += s.over ? 0 : 1;
            const int ahead = qBound(1, kWaveTarget / qMax(1, active), 4);
            for (qsizetype n = 0; n < searches.size() && wave.size() < kWaveTarget; ++n) {
                const qsizetype i = (turn + n) % searches.size();
                Search &s = searches[i];
                if (!s.over)
                    turn = i + 1;
                for (int k = 0; !s.over && k < ahead && s.next + k < maxPages; ++k) {
                    CraigslistSearch spec = s.spec;
                    spec.offset = (s.next + k) * kPageSize;
                    auto url = craigslistSearchUrl(spec, m_baseUrl);
                    if (!url) {
                        tally.errors << url.error().message;
                        s.over = true;
                        break;
                    }
                    FetchedPage p;
                    p.search = int(i);
                    p.page = s.next + k;
                    p.url = *url;
                    wave << p;
                }
            }
            return wave;
        };
        // Fetched all at once (within the client's limits) and parsed, on a thread of its own;
        // the job's cookies kept between its requests, as a browser keeps a session's.
        auto cookies = std::make_shared<net::CookieJar>();
        auto fetchAndParse = [this, obeyRobots, cookies](QList<FetchedPage> wave) {
            QList<net::HttpRequest> requests;
            for (const FetchedPage &p : std::as_const(wave)) {
                net::HttpRequest r;
                r.url = p.url;
                r.obeyRobots = obeyRobots;
                r.cookies = cookies;
                requests << r;
            }
            const QList<net::HttpResponse> responses = m_http.getAll(requests);
            for (qsizetype i = 0; i < wave.size(); ++i) {
                const net::HttpResponse &response = responses.at(i);
                FetchedPage &p = wave[i];
                p.ok = response.ok();
                if (p.ok)
                    p.parsed = parseCraigslistSearch(response.body, response.contentType, response.url);
                else
                    p.error = response.error ? response.error->message : QStringLiteral("%1 answered %2").arg(p.url.toDisplayString()).arg(response.status);
            }
            return wave;
        };
        std::future<QList<FetchedPage>> inFlight;
        if (pausedAtUsageLimit(id, tally))
            return finish(id, actor, percentDone(), true, tally);
        if (QList<FetchedPage> first = nextWave(); !first.isEmpty())
            inFlight = std::async(std::launch::async, fetchAndParse, first);
        while (inFlight.valid()) {
            const QList<FetchedPage> got = inFlight.get();
            if (pausedAtUsageLimit(id, tally))
                break; // this wave is not stored: a resumed scrape fetches it again
            // In order within each search: a page after a short or failed one is not kept.
            QList<FetchedPage> keep;
            for (const FetchedPage &p : got) {
                Search &s = searches[p.search];
                if (s.over || p.page != s.next)
                    continue;
                keep << p;
                if (!p.ok) {
                    s.over = true;
                    continue;
                }
                s.next = p.page + 1;
                if (p.parsed.listings.size() < kPageSize || s.next >= maxPages)
                    s.over = true;
            }
            // The next wave is fetched while this one is stored.
            if (!ctx.isCancelled())
                if (QList<FetchedPage> next = nextWave(); !next.isEmpty())
                    inFlight = std::async(std::launch::async, fetchAndParse, next);
            QList<QPair<qint64, QUrl>> added;
            auto stored = storeWave(actor, id, keys, keep, &added);
            if (!stored) {
                tally.storeError = stored.error().message;
                break;
            }
            tally.found += *stored;
            for (const FetchedPage &p : std::as_const(keep)) {
                if (p.ok) {
                    ++tally.pages;
                } else {
                    ++tally.failedPages;
                    tally.errors << p.error;
                }
            }
            if (config.value(QStringLiteral("fetch_postings")).toBool() && !added.isEmpty() && !ctx.isCancelled())
                enrichFromPostings(actor, added, obeyRobots, cookies, &tally.errors);
            reportProgress(ctx, id, actor, percentDone(), tally);
        }
        if (inFlight.valid())
            (void)inFlight.get(); // a wave fetched when storing failed: dropped (fetched again on resume)
        bool unfinished = false;
        for (const Search &s : std::as_const(searches))
            unfinished = unfinished || !s.over;
        return finish(id, actor, percentDone(), unfinished, tally);
    });
}

} // namespace fliptech::scraper
