// ScrapeService's custom-URL part (spec 2.5): saved recipes, a recipe proposed for a page, a
// preview, and the scrape job that reads start pages, follows their next pages and the items'
// own pages, and stores the rows as leads.

#include "fliptech/core/json.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/net/httpclient.h"
#include "fliptech/scraper/recipe.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace fliptech::scraper {

using core::ErrorCode;
using leads::Actor;
using storage::JobOutcome;

namespace {

constexpr int kPreviewRows = 50;
constexpr int kDetailPreviewRows = 5;
constexpr qint64 kMaxHtmlBytes = 10 << 20;

QJsonObject recipeRowToJson(const storage::Row &r)
{
    return {{QStringLiteral("id"), r.value(0).toLongLong()},
            {QStringLiteral("name"), r.value(1).toString()},
            {QStringLiteral("description"), r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString())},
            {QStringLiteral("recipe"), QJsonDocument::fromJson(r.value(3).toString().toUtf8()).object()},
            {QStringLiteral("created_by"), r.value(4).isNull() ? QJsonValue() : QJsonValue(r.value(4).toLongLong())},
            {QStringLiteral("created_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(5)))},
            {QStringLiteral("updated_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(6)))}};
}

const QString kRecipeColumns = QStringLiteral("id, name, description, recipe, created_by, created_at, updated_at");

QString fetchError(const net::HttpRequest &request, const net::HttpResponse &response)
{
    return response.error ? response.error->message : QStringLiteral("%1 answered %2").arg(request.url.toDisplayString()).arg(response.status);
}

// The request for an item's own page: the row's detail link (the first, when it holds several)
// against the page it was read on; nullopt when it has no http(s) link there.
std::optional<net::HttpRequest> detailRequest(const QJsonObject &row, const Recipe &recipe, const QUrl &page,
                                              const std::shared_ptr<net::CookieJar> &cookies = {})
{
    const QJsonValue v = row.value(recipe.detailUrlField);
    const QUrl u = page.resolved(QUrl(v.isArray() ? v.toArray().first().toString() : v.toString()));
    if (!u.isValid() || !u.scheme().startsWith(QLatin1String("http")) || u.host().isEmpty())
        return std::nullopt;
    net::HttpRequest r;
    r.url = u;
    r.obeyRobots = recipe.obeyRobots;
    r.cookies = cookies;
    return r;
}

// The page a request gives ({html, url?}) or names ({url}).
core::Result<net::HtmlDocument> pageOf(net::HttpClient &http, const QJsonObject &request, const QUrl &fallback, bool obeyRobots)
{
    const QJsonValue html = request.value(QStringLiteral("html"));
    const QString address = request.value(QStringLiteral("url")).toString().trimmed();
    QUrl url = address.isEmpty() ? fallback : QUrl(address, QUrl::StrictMode);
    if (!address.isEmpty() && (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()))
        return core::fieldError(QStringLiteral("url"), QStringLiteral("must be an http(s) address, e.g. https://example.com/list"));
    if (!html.isUndefined() && !html.isNull()) {
        if (!html.isString())
            return core::fieldError(QStringLiteral("html"), QStringLiteral("must be the page's markup, as a string"));
        const QByteArray bytes = html.toString().toUtf8();
        if (bytes.size() > kMaxHtmlBytes)
            return core::fieldError(QStringLiteral("html"), QStringLiteral("is larger than 10 MiB"));
        return net::HtmlDocument::parse(bytes, "text/html; charset=utf-8", url);
    }
    if (url.isEmpty())
        return core::fieldError(QStringLiteral("url"), QStringLiteral("or html is required"));
    net::HttpRequest r;
    r.url = url;
    r.obeyRobots = obeyRobots;
    const net::HttpResponse response = http.get(r);
    if (!response.ok())
        return core::makeError(response.error && response.error->code == ErrorCode::Forbidden ? ErrorCode::Forbidden : ErrorCode::Unavailable,
                               QStringLiteral("could not read %1: %2").arg(url.toDisplayString(), fetchError(r, response)));
    return net::HtmlDocument::parse(response.body, response.contentType, response.url);
}

} // namespace

core::Result<QJsonArray> ScrapeService::listRecipes()
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM scrape_recipes ORDER BY lower(name) LIMIT 1000").arg(kRecipeColumns));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(recipeRowToJson(r));
    return out;
}

core::Result<QJsonObject> ScrapeService::getRecipe(qint64 id)
{
    auto rows = m_db->select(QStringLiteral("SELECT %1 FROM scrape_recipes WHERE id = ?").arg(kRecipeColumns), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no recipe %1").arg(id));
    return recipeRowToJson(rows->first());
}

core::Result<QJsonObject> ScrapeService::saveRecipe(const Actor &actor, const QJsonObject &request, std::optional<qint64> id)
{
    const QJsonValue body = request.value(QStringLiteral("recipe"));
    if (!body.isObject())
        return core::fieldError(QStringLiteral("recipe"), QStringLiteral("is required: {item, fields, start_urls, ...}"));
    // Saved without start pages too: a recipe for a site's layout is reused on its other lists.
    auto recipe = Recipe::fromJson(body.toObject(), false);
    if (!recipe)
        return recipe.error();
    const QJsonValue nameValue = request.value(QStringLiteral("name"));
    if (!nameValue.isUndefined() && !nameValue.isString())
        return core::fieldError(QStringLiteral("name"), QStringLiteral("must be a string"));
    const QString name = nameValue.toString(recipe->name).simplified();
    if (name.isEmpty() || name.size() > 200)
        return core::fieldError(QStringLiteral("name"), QStringLiteral("must be 1 to 200 characters"));
    const QJsonValue description = request.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isNull() && (!description.isString() || description.toString().size() > 2000))
        return core::fieldError(QStringLiteral("description"), QStringLiteral("must be text of at most 2,000 characters"));
    recipe->name = name;
    auto taken = m_db->select(QStringLiteral("SELECT id FROM scrape_recipes WHERE lower(name) = lower(?)"), {name});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty() && (!id || taken->first().value(0).toLongLong() != *id))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("a recipe named \"%1\" exists already: choose another name").arg(name),
                               {{QStringLiteral("name"), QStringLiteral("is taken")}});
    const QString stored = QString::fromUtf8(core::json::compact(recipe->toJson()));
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    const QVariant text = description.isString() ? QVariant(description.toString()) : QVariant();
    if (id) {
        auto done = m_db->execute(QStringLiteral("UPDATE scrape_recipes SET name = ?, description = ?, recipe = %1, updated_at = %2 WHERE id = ?")
                                      .arg(m_db->jsonParam(), m_db->timestampParam()),
                                  {name, text, stored, now, *id});
        if (!done)
            return done.error();
        if (done->rowsAffected == 0)
            return core::makeError(ErrorCode::NotFound, QStringLiteral("no recipe %1").arg(*id));
        return getRecipe(*id);
    }
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO scrape_recipes (name, description, recipe, created_by, created_at, updated_at) "
                                              "VALUES (?, ?, %1, ?, %2, %2) RETURNING id").arg(m_db->jsonParam(), m_db->timestampParam()),
                               {name, text, stored, actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    return getRecipe(row->value(0).toLongLong());
}

core::Status ScrapeService::deleteRecipe(qint64 id)
{
    auto done = m_db->execute(QStringLiteral("DELETE FROM scrape_recipes WHERE id = ?"), {id});
    if (!done)
        return done.error();
    if (done->rowsAffected == 0)
        return core::makeError(ErrorCode::NotFound, QStringLiteral("no recipe %1").arg(id));
    return {};
}

core::Result<QJsonObject> ScrapeService::recipeOf(const QJsonObject &request, bool requireStart)
{
    QJsonObject body;
    QString savedName;
    if (request.value(QStringLiteral("recipe")).isObject()) {
        body = request.value(QStringLiteral("recipe")).toObject();
    } else if (const QJsonValue id = request.value(QStringLiteral("recipe_id")); !id.isUndefined() && !id.isNull()) {
        if (!id.isDouble() || id.toDouble() != double(id.toInteger()) || id.toInteger() <= 0)
            return core::fieldError(QStringLiteral("recipe_id"), QStringLiteral("must be a saved recipe's id"));
        auto saved = getRecipe(id.toInteger());
        if (!saved)
            return saved.error();
        body = saved->value(QStringLiteral("recipe")).toObject();
    } else {
        return core::fieldError(QStringLiteral("recipe"), QStringLiteral("or recipe_id is required"));
    }
    // Start pages given with the request replace the recipe's (one layout, many lists).
    if (request.contains(QStringLiteral("start_urls")))
        body.insert(QStringLiteral("start_urls"), request.value(QStringLiteral("start_urls")));
    auto recipe = Recipe::fromJson(body, requireStart);
    if (!recipe)
        return recipe.error();
    return recipe->toJson();
}

core::Result<QJsonObject> ScrapeService::analyzeCustomUrl(const QJsonObject &request)
{
    const QJsonValue robots = request.value(QStringLiteral("obey_robots"));
    if (!robots.isUndefined() && !robots.isBool())
        return core::fieldError(QStringLiteral("obey_robots"), QStringLiteral("must be true or false"));
    auto page = pageOf(m_http, request, {}, robots.toBool(true));
    if (!page)
        return page.error();
    QJsonObject out = proposeRecipe(*page);
    out.insert(QStringLiteral("page"), QJsonObject{{QStringLiteral("url"), page->url().toString()}, {QStringLiteral("title"), page->title()}});
    return out;
}

core::Result<QJsonObject> ScrapeService::customUrlScrape(const Actor &actor, const QJsonObject &request)
{
    const QJsonValue preview = request.value(QStringLiteral("preview"));
    if (!preview.isUndefined() && !preview.isBool())
        return core::fieldError(QStringLiteral("preview"), QStringLiteral("must be true or false"));
    const bool givenPage = request.contains(QStringLiteral("html"));
    auto recipeJson = recipeOf(request, !(preview.toBool() && givenPage));
    if (!recipeJson)
        return recipeJson.error();
    auto recipe = Recipe::fromJson(*recipeJson, false);
    if (!recipe)
        return recipe.error();
    if (preview.toBool()) {
        auto page = pageOf(m_http, givenPage ? request : QJsonObject{}, recipe->startUrls.value(0), recipe->obeyRobots);
        if (!page)
            return page.error();
        ExtractedPage got = extractPage(*page, *recipe);
        // The first few items' own pages, read as the job would (not with a page given).
        QJsonArray detailErrors;
        if (!recipe->detailUrlField.isEmpty() && !givenPage) {
            QList<net::HttpRequest> requests;
            QList<int> rowOf;
            for (int i = 0; i < got.rows.size() && requests.size() < kDetailPreviewRows; ++i)
                if (auto r = detailRequest(got.rows.at(i), *recipe, page->url())) {
                    requests << *r;
                    rowOf << i;
                }
            const QList<net::HttpResponse> responses = m_http.getAll(requests);
            for (qsizetype k = 0; k < responses.size(); ++k) {
                if (!responses.at(k).ok()) {
                    detailErrors.append(fetchError(requests.at(k), responses.at(k)));
                    continue;
                }
                extractDetail(net::HtmlDocument::parse(responses.at(k).body, responses.at(k).contentType, responses.at(k).url), *recipe,
                              &got.rows[rowOf.at(k)]);
            }
        }
        QJsonArray rows;
        for (qsizetype i = 0; i < qMin<qsizetype>(got.rows.size(), kPreviewRows); ++i)
            rows.append(got.rows.at(i));
        return QJsonObject{{QStringLiteral("page_url"), page->url().toString()},
                           {QStringLiteral("count"), int(got.rows.size())},
                           {QStringLiteral("skipped"), got.skipped},
                           {QStringLiteral("rows"), rows},
                           {QStringLiteral("next_url"), got.nextUrl.isEmpty() ? QJsonValue() : QJsonValue(got.nextUrl.toString())},
                           {QStringLiteral("detail_errors"), detailErrors}};
    }
    QJsonObject config{{QStringLiteral("recipe"), *recipeJson}};
    if (request.value(QStringLiteral("recipe_id")).isDouble())
        config.insert(QStringLiteral("recipe_id"), request.value(QStringLiteral("recipe_id")));
    const QString now = storage::Database::isoTimestamp(m_clock.now());
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO scrape_jobs (job_key, source, status, config, created_by, created_at, updated_at) "
                                              "VALUES (?, 'custom_url', 'pending', %1, ?, %2, %2) RETURNING id")
                                   .arg(m_db->jsonParam(), m_db->timestampParam()),
                               {QUuid::createUuid().toString(QUuid::WithoutBraces), QString::fromUtf8(core::json::compact(config)),
                                actor.userId ? QVariant(*actor.userId) : QVariant(), now, now});
    if (!row)
        return row.error();
    return requeue(row->value(0).toLongLong(), actor, customUrlType);
}

namespace {

// One start page and the pages its next links lead to.
struct Chain {
    QString key; // "u0", "u1", ... (scrape_pages.search_key)
    QUrl next;
    int page = 0;
    bool over = false;
};

struct ReadPage {
    int chain = 0;
    QUrl url;
    bool ok = false;
    QString error;
    ExtractedPage extracted;
};

} // namespace

JobOutcome ScrapeService::runCustomUrl(storage::JobContext &ctx)
{
    const qint64 id = ctx.payload().value(QStringLiteral("scrape_job_id")).toInteger();
    const Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
    auto row = get(id);
    if (!row)
        return JobOutcome::failedPermanently(row.error().userMessage());
    auto recipe = Recipe::fromJson(row->value(QStringLiteral("config")).toObject().value(QStringLiteral("recipe")).toObject());
    if (!recipe) {
        ScrapeTally bad;
        bad.storeError = recipe.error().message;
        return finish(id, actor, 0, false, bad);
    }
    QList<Chain> chains;
    for (qsizetype i = 0; i < recipe->startUrls.size(); ++i)
        chains << Chain{QStringLiteral("u%1").arg(i), recipe->startUrls.at(i), 0, false};
    ScrapeTally tally;
    QSet<QUrl> visited; // a next link back to a page read already ends its chain
    auto earlier = m_db->select(QStringLiteral("SELECT search_key, page, status, leads_added, error_message, next_url, url FROM scrape_pages "
                                               "WHERE scrape_job_id = ? ORDER BY page"),
                                {id});
    if (!earlier)
        return JobOutcome::failed(earlier.error().userMessage());
    for (const auto &r : *earlier) {
        bool isNumber = false;
        const int at = r.value(0).toString().mid(1).toInt(&isNumber);
        if (!isNumber || at < 0 || at >= chains.size())
            continue;
        Chain &c = chains[at];
        visited.insert(QUrl(r.value(6).toString()));
        if (r.value(2).toString() == QLatin1String("done")) {
            ++tally.pages;
            tally.found += r.value(3).toInt();
            c.page = r.value(1).toInt() + 1;
            c.next = r.value(5).isNull() ? QUrl() : QUrl(r.value(5).toString());
            c.over = c.next.isEmpty();
        } else {
            ++tally.failedPages;
            tally.errors << r.value(4).toString();
            c.over = true;
        }
    }
    for (Chain &c : chains)
        c.over = c.over || c.page >= recipe->maxPages;
    markRunning(id);
    const int units = int(chains.size()) * recipe->maxPages;
    auto cookies = std::make_shared<net::CookieJar>(); // the job's session: cookies a site sets are sent back

    auto percentDone = [&] {
        int done = 0;
        for (const Chain &c : std::as_const(chains))
            done += c.over ? recipe->maxPages : c.page;
        return units > 0 ? done * 100 / units : 100;
    };
    while (!ctx.isCancelled() && !pausedAtUsageLimit(id, tally)) {
        // A wave: the next page of every chain still going, read at once (within the client's limits).
        QList<ReadPage> wave;
        QList<net::HttpRequest> requests;
        for (qsizetype i = 0; i < chains.size(); ++i) {
            if (chains.at(i).over)
                continue;
            net::HttpRequest r;
            r.url = chains.at(i).next;
            r.obeyRobots = recipe->obeyRobots;
            r.cookies = cookies;
            requests << r;
            wave << ReadPage{int(i), r.url, false, {}, {}};
            visited.insert(r.url);
        }
        if (wave.isEmpty())
            break;
        const QList<net::HttpResponse> responses = m_http.getAll(requests);
        for (qsizetype k = 0; k < wave.size(); ++k) {
            ReadPage &p = wave[k];
            p.ok = responses.at(k).ok();
            if (!p.ok) {
                p.error = fetchError(requests.at(k), responses.at(k));
                continue;
            }
            p.extracted = extractPage(net::HtmlDocument::parse(responses.at(k).body, responses.at(k).contentType, responses.at(k).url), *recipe);
        }
        // The items' own pages, when the recipe reads them (a page that fails leaves its row as it is).
        if (!recipe->detailUrlField.isEmpty() && !ctx.isCancelled()) {
            QList<net::HttpRequest> details;
            QList<QPair<int, int>> target;
            for (qsizetype k = 0; k < wave.size(); ++k)
                for (qsizetype i = 0; i < wave.at(k).extracted.rows.size(); ++i)
                    if (auto r = detailRequest(wave.at(k).extracted.rows.at(i), *recipe, wave.at(k).url, cookies)) {
                        details << *r;
                        target << qMakePair(int(k), int(i));
                    }
            const QList<net::HttpResponse> got = m_http.getAll(details);
            for (qsizetype d = 0; d < got.size(); ++d) {
                if (!got.at(d).ok()) {
                    if (tally.errors.size() < 100)
                        tally.errors << fetchError(details.at(d), got.at(d));
                    continue;
                }
                extractDetail(net::HtmlDocument::parse(got.at(d).body, got.at(d).contentType, got.at(d).url), *recipe,
                              &wave[target.at(d).first].extracted.rows[target.at(d).second]);
            }
        }
        // The wave's leads and its pages' rows in one transaction (as a Craigslist wave).
        QList<PageRecord> records;
        QList<QJsonObject> leadRows;
        QHash<QString, int> pageOfSource;
        for (qsizetype k = 0; k < wave.size(); ++k) {
            const ReadPage &p = wave.at(k);
            for (const QJsonObject &r : p.extracted.rows) {
                leadRows << leadFromRow(r, p.url, recipe->name);
                pageOfSource.insert(leadRows.last().value(QStringLiteral("source_id")).toString(), int(k));
            }
            records << PageRecord{chains.at(p.chain).key, chains.at(p.chain).page, p.url, p.ok, int(p.extracted.rows.size()), 0, p.error,
                                  p.extracted.nextUrl};
        }
        int added = 0;
        {
            storage::Transaction tx(*m_db);
            if (!tx.isActive()) {
                tally.storeError = tx.error().message;
                break;
            }
            if (!leadRows.isEmpty()) {
                auto upserted = m_leads.upsertBySource(actor, leadRows);
                if (!upserted) {
                    tally.storeError = upserted.error().message;
                    break;
                }
                added = upserted->added;
                if (upserted->rejected > 0 && tally.errors.size() < 100)
                    tally.errors << QStringLiteral("%1 item(s) not stored: %2").arg(upserted->rejected).arg(upserted->problems.join(QStringLiteral("; ")));
                QVariantList ids;
                for (const auto &[leadId, sourceId] : std::as_const(upserted->addedIds)) {
                    ids << leadId;
                    ++records[pageOfSource.value(sourceId)].leadsAdded;
                }
                if (auto tagged = tagLeads(id, ids); !tagged) {
                    tally.storeError = tagged.error().message;
                    break;
                }
            }
            if (auto recorded = recordPages(id, records); !recorded) {
                tally.storeError = recorded.error().message;
                break;
            }
            if (auto c = tx.commit(); !c) {
                tally.storeError = c.error().message;
                break;
            }
        }
        tally.found += added;
        for (const ReadPage &p : std::as_const(wave)) {
            Chain &c = chains[p.chain];
            if (!p.ok) {
                ++tally.failedPages;
                tally.errors << p.error;
                c.over = true;
                continue;
            }
            ++tally.pages;
            ++c.page;
            c.next = p.extracted.nextUrl;
            c.over = c.next.isEmpty() || visited.contains(c.next) || c.page >= recipe->maxPages;
        }
        reportProgress(ctx, id, actor, percentDone(), tally);
    }
    bool unfinished = false;
    for (const Chain &c : std::as_const(chains))
        unfinished = unfinished || !c.over;
    return finish(id, actor, percentDone(), unfinished && tally.storeError.isEmpty(), tally);
}

} // namespace fliptech::scraper
