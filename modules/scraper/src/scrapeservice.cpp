#include "fliptech/scraper/scrapeservice.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/net/htmldocument.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/scraper/craigslistsearch.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

#include <QJsonDocument>
#include <QUuid>

namespace fliptech::scraper {

using core::ErrorCode;
using leads::Actor;
using storage::JobOutcome;

namespace {

constexpr int kPageSize = 120; // listings on a full Craigslist search page

core::Error invalid(const QString &field, const QString &problem)
{
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("%1 %2").arg(field, problem), {{field, problem}});
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
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_leads(leads), m_http(http), m_clock(clock), m_baseUrl(defaultCraigslistBaseUrl())
{
}

core::Result<QJsonObject> ScrapeService::createCraigslist(const Actor &actor, const QJsonObject &config)
{
    // Every search the job will run must be a valid address now, not a failure later.
    const QJsonArray sites = config.value(QStringLiteral("sites")).toArray();
    if (sites.isEmpty() || sites.size() > 20)
        return invalid(QStringLiteral("sites"), QStringLiteral("must list 1 to 20 Craigslist sites (e.g. [\"austin\"])"));
    QJsonArray categories = config.value(QStringLiteral("categories")).toArray();
    if (categories.isEmpty())
        categories = {QStringLiteral("bbb")};
    if (categories.size() > 10)
        return invalid(QStringLiteral("categories"), QStringLiteral("must list at most 10 categories"));
    const int maxPages = config.value(QStringLiteral("max_pages")).toInt(3);
    if (maxPages < 1 || maxPages > 20)
        return invalid(QStringLiteral("max_pages"), QStringLiteral("must be 1 to 20"));
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
    const qint64 id = row->value(0).toLongLong();
    storage::JobSpec spec(craigslistType, {{QStringLiteral("scrape_job_id"), id}, {QStringLiteral("actor"), leads::LeadJobs::actorToJson(actor)}});
    spec.queue = QStringLiteral("scraper");
    spec.maxAttempts = 1;
    spec.createdBy = actor.userId;
    auto job = m_jobs.enqueue(spec);
    if (!job)
        return job.error();
    if (auto done = m_db->execute(QStringLiteral("UPDATE scrape_jobs SET job_id = ? WHERE id = ?"), {*job, id}); !done)
        return done.error();
    return get(id);
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

core::Result<QJsonObject> ScrapeService::cancel(qint64 id)
{
    auto row = get(id);
    if (!row)
        return row.error();
    const QString status = row->value(QStringLiteral("status")).toString();
    if (status != QLatin1String("pending") && status != QLatin1String("running"))
        return *row; // already over
    if (const QJsonValue job = row->value(QStringLiteral("job_id")); job.isDouble())
        if (auto c = m_jobs.cancel(job.toInteger()); !c)
            return c.error();
    // Not started yet: nothing will run it, so the row ends here (a running one ends itself).
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    if (auto done = m_db->execute(QStringLiteral("UPDATE scrape_jobs SET status = 'cancelled', completed_at = %1, updated_at = %1 "
                                                 "WHERE id = ? AND status = 'pending'").arg(m_db->timestampParam()),
                                  {now, now, id});
        !done)
        return done.error();
    return get(id);
}

core::Result<ScrapeService::Stored> ScrapeService::store(const Actor &actor, qint64 scrapeJobId, const QString &site, const QString &category,
                                                         const QList<CraigslistListing> &listings)
{
    Stored out;
    if (listings.isEmpty())
        return out;
    // One transaction for the page (a lead at a time cost a commit each: ~5 pages/s).
    QList<QJsonObject> rows;
    QHash<QString, QUrl> urls;
    QVariantList ids;
    for (const auto &l : listings) {
        QJsonObject metadata = l.toJson();
        metadata.insert(QStringLiteral("site"), site);
        metadata.insert(QStringLiteral("category"), category);
        rows.append({{QStringLiteral("name"), l.title.left(300)}, {QStringLiteral("source"), QStringLiteral("craigslist")},
                     {QStringLiteral("source_id"), l.postId}, {QStringLiteral("source_url"), l.url.toString()},
                     {QStringLiteral("lead_source_metadata"), metadata}});
        urls.insert(l.postId, l.url);
        ids << l.postId;
    }
    auto upserted = m_leads.upsertBySource(actor, rows);
    if (!upserted)
        return upserted.error();
    out.added = upserted->added;
    for (const auto &[id, postId] : std::as_const(upserted->addedIds))
        out.addedLeads.append({id, urls.value(postId)});
    if (auto tagged = m_db->execute(QStringLiteral("UPDATE leads SET scrape_job_id = ? WHERE source = 'craigslist' AND source_id IN (%1) AND scrape_job_id IS NULL")
                                        .arg(storage::Database::placeholders(ids.size())),
                                    QVariantList{scrapeJobId} + ids);
        !tagged)
        return tagged.error();
    return out;
}

int ScrapeService::enrichFromPostings(const Actor &actor, const QList<QPair<qint64, QUrl>> &leadsAndUrls, bool obeyRobots, QStringList *errors)
{
    QList<net::HttpRequest> requests;
    for (const auto &[id, url] : leadsAndUrls) {
        net::HttpRequest r;
        r.url = url;
        r.obeyRobots = obeyRobots;
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

void ScrapeService::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(craigslistType, [this](storage::JobContext &ctx) -> JobOutcome {
        const qint64 id = ctx.payload().value(QStringLiteral("scrape_job_id")).toInteger();
        const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        auto row = get(id);
        if (!row)
            return JobOutcome::failedPermanently(row.error().userMessage());
        const QJsonObject config = row->value(QStringLiteral("config")).toObject();
        const QJsonArray sites = config.value(QStringLiteral("sites")).toArray();
        const QJsonArray categories = config.value(QStringLiteral("categories")).toArray();
        const int maxPages = config.value(QStringLiteral("max_pages")).toInt(3);
        auto setRow = [&](const QString &sql, const QVariantList &params) {
            core::logDiscarded(m_db->execute(sql, params), "scrape job bookkeeping; the job's own row says the same");
        };
        const QString startedAt = storage::Database::isoTimestamp(m_clock.now());
        setRow(QStringLiteral("UPDATE scrape_jobs SET status = 'running', started_at = %1, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
               {startedAt, startedAt, id});
        const int units = int(sites.size() * categories.size()) * maxPages;
        int done = 0, pages = 0, found = 0, searchesFailed = 0;
        QStringList errors;
        // What scrape_progress says (on /ws/scraper), while running and at the end.
        auto progress = [&](const QString &status, int percent) {
            return QJsonObject{{QStringLiteral("scrape_job_id"), id},   {QStringLiteral("status"), status},
                               {QStringLiteral("progress"), percent},   {QStringLiteral("pages_fetched"), pages},
                               {QStringLiteral("leads_found"), found}, {QStringLiteral("errors"), int(errors.size())}};
        };
        bool cancelled = false;
        for (const auto &site : sites) {
            for (const auto &category : categories) {
                int page = 0;
                for (; page < maxPages; ++page) {
                    if (ctx.isCancelled()) {
                        cancelled = true;
                        break;
                    }
                    CraigslistSearch s;
                    s.site = site.toString();
                    s.category = category.toString();
                    s.query = config.value(QStringLiteral("query")).toString();
                    s.postedToday = config.value(QStringLiteral("posted_today")).toBool();
                    s.hasImage = config.value(QStringLiteral("has_image")).toBool();
                    s.offset = page * kPageSize;
                    auto url = craigslistSearchUrl(s, m_baseUrl);
                    if (!url) {
                        errors << url.error().message;
                        ++searchesFailed;
                        break;
                    }
                    net::HttpRequest request;
                    request.url = *url;
                    request.obeyRobots = config.value(QStringLiteral("obey_robots")).toBool(true);
                    const net::HttpResponse response = m_http.get(request);
                    if (!response.ok()) {
                        errors << (response.error ? response.error->message : QStringLiteral("%1 answered %2").arg(url->toDisplayString()).arg(response.status));
                        if (page == 0)
                            ++searchesFailed;
                        break;
                    }
                    const auto parsed = parseCraigslistSearch(response.body, response.contentType, response.url);
                    auto stored = store(actor, id, s.site, s.category, parsed.listings);
                    if (!stored) {
                        errors << stored.error().message;
                        break;
                    }
                    if (config.value(QStringLiteral("fetch_postings")).toBool() && !stored->addedLeads.isEmpty() && !ctx.isCancelled())
                        enrichFromPostings(actor, stored->addedLeads, config.value(QStringLiteral("obey_robots")).toBool(true), &errors);
                    ++pages;
                    found += stored->added;
                    ++done;
                    const int percent = units > 0 ? done * 100 / units : 100;
                    setRow(QStringLiteral("UPDATE scrape_jobs SET pages_fetched = ?, leads_found = ?, progress = ? WHERE id = ?"), {pages, found, percent, id});
                    ctx.setProgress(percent, {},
                                    storage::ProgressEvent{QStringLiteral("scrape_progress"), QStringLiteral("scraper"),
                                                           progress(QStringLiteral("running"), percent), actor.userId});
                    if (parsed.listings.size() < kPageSize)
                        break; // the last page of this search
                }
                done += qMax(0, maxPages - page - 1); // pages a short search did not need
                if (cancelled)
                    break;
            }
            if (cancelled)
                break;
        }
        const QString status = cancelled ? QStringLiteral("cancelled")
            : searchesFailed == int(sites.size() * categories.size()) ? QStringLiteral("failed")
                                                                         : QStringLiteral("completed");
        const int finalPercent = status == QLatin1String("completed") ? 100 : done * 100 / qMax(1, units);
        const QString finishedAt = storage::Database::isoTimestamp(m_clock.now());
        setRow(QStringLiteral("UPDATE scrape_jobs SET status = ?, progress = ?, pages_fetched = ?, leads_found = ?, error_message = ?, "
                              "completed_at = %1, updated_at = %1 WHERE id = ?").arg(m_db->timestampParam()),
               {status, finalPercent, pages, found, errors.isEmpty() ? QVariant() : QVariant(errors.mid(0, 5).join(QStringLiteral("; "))),
                finishedAt, finishedAt, id});
        if (m_events)
            core::logDiscarded(m_events->append(QStringLiteral("scrape_progress"), QStringLiteral("scraper"), progress(status, finalPercent), actor.userId),
                               "a progress event; the row holds the outcome");
        const QJsonObject result{{QStringLiteral("scrape_job_id"), id}, {QStringLiteral("pages_fetched"), pages}, {QStringLiteral("leads_found"), found},
                                 {QStringLiteral("errors"), QJsonArray::fromStringList(errors.mid(0, 20))}};
        if (cancelled)
            return JobOutcome::cancelled();
        if (status == QLatin1String("failed"))
            return JobOutcome::failedPermanently(errors.value(0));
        return JobOutcome::done(result);
    });
}

} // namespace fliptech::scraper
