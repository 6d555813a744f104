// Lead enrichment through the API, on both backends, against a local server speaking each
// provider's documented JSON (Hunter.io v2 domain-search and email-verifier, Apollo.io
// organizations/enrich and people/match, Clearbit companies/find) and checking how it is asked
// (the key in the provider's header, never in the address): the waterfall in the user's order,
// fields filled only where the lead lacks them, answers cached, each call's cost recorded, keys
// kept in the secret store and never shown, and every failure said in words.
#include "apiharness.h"
#include "fliptech/engine/engine.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/storage/database.h"
#include "fixturehttpserver.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>


using namespace fliptech;
using Reply = test::HttpReply;
using Request = test::FixtureHttpServer::Request;
using Response = test::FixtureHttpServer::Response;

namespace {

Response json(int status, const char *body)
{
    Response r;
    r.status = status;
    r.body = body;
    r.contentType = "application/json";
    return r;
}

QString param(const Request &r, const char *name)
{
    return QUrlQuery(QUrl(QString::fromLatin1(r.path)).query()).queryItemValue(QLatin1String(name));
}

} // namespace

class TestEnrichmentApi final : public QObject, public test::ApiTestBase
{
    Q_OBJECT
    std::unique_ptr<test::FixtureHttpServer> m_providers;
    QList<Request> m_calls;

    void start()
    {
        startApi(1);
        FT_STOP_IF_FAILED();
        m_providers = std::make_unique<test::FixtureHttpServer>();
        QVERIFY(m_providers->start());
        // Hunter.io v2: /v2/domain-search?domain=...; /v2/email-verifier?email=...; X-API-KEY.
        m_providers->addScript("/hunter/v2/domain-search", [this](const Request &r) {
            m_calls << r;
            if (r.headers.value("x-api-key") != "hunter-key")
                return json(401, J({"errors":[{"id":"authentication_failed","code":401,"details":"No user found for the API key supplied"}]}));
            const QString domain = param(r, "domain");
            if (domain == QLatin1String("acme-plumbing.example"))
                return json(200, J({"data":{"domain":"acme-plumbing.example","disposable":false,"webmail":false,"accept_all":false,"pattern":"{first}",
                                             "organization":"Acme Plumbing LLC","industry":"Construction","phone_number":"+1 512-555-0199",
                                             "city":"Austin","state":"TX","country":"US","postal_code":"78701","street":"1 Main St",
                                             "emails":[{"value":"info@acme-plumbing.example","type":"generic","confidence":97,"sources":[]},
                                                       {"value":"Dana@Acme-Plumbing.example","type":"personal","confidence":91,"first_name":"Dana",
                                                        "last_name":"Ruiz","position":"Owner","seniority":"executive","department":"management",
                                                        "verification":{"date":"2026-10-01","status":"valid"}}]},
                                     "meta":{"results":2,"limit":10,"offset":0,"params":{"domain":"acme-plumbing.example"}}}));
            if (domain == QLatin1String("quiet.example"))
                return json(200, J({"data":{"domain":"quiet.example","organization":null,"emails":[]},"meta":{"results":0}}));
            return json(429, J({"errors":[{"id":"too_many_requests","code":429,"details":"You have reached the rate limit"}]}));
        });
        m_providers->addScript("/hunter/v2/email-verifier", [this](const Request &r) {
            m_calls << r;
            const QString email = param(r, "email");
            if (email == QLatin1String("dana@acme-plumbing.example"))
                return json(200, J({"data":{"status":"valid","result":"deliverable","score":98,"email":"dana@acme-plumbing.example","regexp":true,
                                             "gibberish":false,"disposable":false,"webmail":false,"mx_records":true,"smtp_server":true,
                                             "smtp_check":true,"accept_all":false,"block":false,"sources":[]},"meta":{"params":{"email":"dana@acme-plumbing.example"}}}));
            return json(200, J({"data":{"status":"accept_all","result":"risky","score":60,"email":"x@catchall.example"}}));
        });
        // Apollo.io: GET /api/v1/organizations/enrich?domain=..., POST /api/v1/people/match; X-Api-Key.
        m_providers->addScript("/apollo/api/v1/organizations/enrich", [this](const Request &r) {
            m_calls << r;
            if (param(r, "domain") == QLatin1String("quiet.example"))
                return json(200, J({"organization":{"name":"Quiet Co","primary_domain":"quiet.example","primary_phone":{"number":"(512) 555-0142",
                                     "sanitized_number":"+15125550142"},"industry":"retail","estimated_num_employees":12,"city":"Dallas","state":"Texas",
                                     "country":"United States"}}));
            return json(404, J({"error":"not found"}));
        });
        m_providers->addScript("/apollo/api/v1/people/match", [this](const Request &r) {
            m_calls << r;
            return json(200, J({"person":{"first_name":"Lee","last_name":"Park","title":"Founder","email":"lee@parkbakery.example","email_status":"verified",
                                 "organization":{"name":"Park Bakery","primary_domain":"parkbakery.example"}}}));
        });
        // Clearbit: GET /v2/companies/find?domain=...; Authorization: Bearer.
        m_providers->addScript("/clearbit/v2/companies/find", [this](const Request &r) {
            m_calls << r;
            if (param(r, "domain") == QLatin1String("slow.example"))
                return json(202, J({}));
            return json(404, J({"error":{"type":"unknown_record","message":"Unknown domain"}}));
        });
    }
    // Every provider at the local server, with keys.
    void configure(const char *order = "[\"hunter\", \"apollo\", \"clearbit\"]")
    {
        QJsonObject providers;
        for (const char *p : {"hunter", "apollo", "clearbit"})
            providers.insert(QLatin1String(p), QJsonObject{{QStringLiteral("base_url"), QString(m_providers->baseUrl() + u'/' + QLatin1String(p))},
                                                           {QStringLiteral("api_key"), QString(QLatin1String(p) + QStringLiteral("-key"))}});
        const Reply r = send("PUT", QStringLiteral("/api/v1/enrichment/providers"),
                             {{QStringLiteral("order"), QJsonDocument::fromJson(order).array()}, {QStringLiteral("providers"), providers}}, QStringLiteral("admin"));
        FT_EXPECT(r.status == 200, r.body.constData());
    }
    qint64 lead(const QJsonObject &fields)
    {
        const Reply r = send("POST", QStringLiteral("/api/v1/leads"), fields);
        FT_EXPECT(r.status == 201, r.body.constData());
        return r.json.value(QStringLiteral("id")).toInteger();
    }
    QList<qint64> costs()
    {
        QList<qint64> out;
        auto rows = m_api->engine().database().select(QStringLiteral("SELECT amount_cents FROM costs WHERE cost_type = 'enrichment' ORDER BY id"));
        for (const auto &r : *rows)
            out << r.value(0).toLongLong();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_calls.clear();
    }
    void cleanup()
    {
        m_api.reset();
        m_providers.reset();
        m_tmp.reset();
    }

    void providersAreConfiguredAndKeysNeverShown()
    {
        start();
        FT_STOP_IF_FAILED();
        Reply r = get(QStringLiteral("/api/v1/enrichment/providers"));
        QCOMPARE(r.status, 200);
        QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("provider")).toString(), QStringLiteral("hunter"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("base_url")).toString(), QStringLiteral("https://api.hunter.io"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("key_set")).toBool(), false);

        configure("[\"clearbit\", \"hunter\"]"); // apollo, not named, keeps its turn after them
        FT_STOP_IF_FAILED();
        r = get(QStringLiteral("/api/v1/enrichment/providers"));
        items = r.json.value(QStringLiteral("items")).toArray();
        QStringList order;
        for (const auto &i : items)
            order << i.toObject().value(QStringLiteral("provider")).toString();
        QCOMPARE(order, (QStringList{QStringLiteral("clearbit"), QStringLiteral("hunter"), QStringLiteral("apollo")}));
        QVERIFY(items.at(1).toObject().value(QStringLiteral("key_set")).toBool());
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("key_source")).toString(), QStringLiteral("keychain"));
        QVERIFY2(!r.body.contains("hunter-key") && !r.body.contains("clearbit-key"), r.body.constData());
        QCOMPARE(*m_api->secrets().read(QStringLiteral("enrichment/hunter")), QByteArray("hunter-key"));

        // Removing a key; turning one off; a cost.
        r = send("PUT", QStringLiteral("/api/v1/enrichment/providers"),
                 test::json(J({"providers": {"clearbit": {"api_key": "", "enabled": false}, "hunter": {"cost_cents_per_call": 3}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        items = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("key_set")).toBool(), false);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("cost_cents_per_call")).toInt(), 3);

        // Mistakes: named, nothing written.
        for (const auto &[body, path] : {std::pair{J({"order": ["hunter", "hunter"]}), "order"},
                                         std::pair{J({"order": ["zoominfo"]}), "order"},
                                         std::pair{J({"providers": {"hunter": {"base_url": "ftp://x"}}}), "providers.hunter.base_url"},
                                         std::pair{J({"providers": {"hunter": {"cost_cents_per_call": 1.5}}}), "providers.hunter.cost_cents_per_call"},
                                         std::pair{J({"providers": {"hunter": {"colour": "red"}}}), "providers.hunter.colour"},
                                         std::pair{J({"providers": {"zoominfo": {}}}), "providers.zoominfo"}}) {
            r = send("PUT", QStringLiteral("/api/v1/enrichment/providers"), test::json(body), QStringLiteral("admin"));
            QVERIFY2(r.status == 422 && r.body.contains(path), r.body.constData());
        }
        QCOMPARE(get(QStringLiteral("/api/v1/enrichment/providers")).json.value(QStringLiteral("items")).toArray().at(1).toObject()
                     .value(QStringLiteral("cost_cents_per_call")).toInt(), 3);
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/enrichment/providers"), test::json(J({"order": ["hunter"]}))).status, 403); // admins only
    }

    void waterfallFillsWhatIsMissing()
    {
        start();
        FT_STOP_IF_FAILED();
        configure();
        FT_STOP_IF_FAILED();
        const qint64 id = lead(test::json(J({"name": "Acme", "website": "https://www.acme-plumbing.example/"})));
        Reply r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(id), {});
        QCOMPARE(r.status, 200);
        const QJsonArray steps = r.json.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("found"));
        // Hunter gave an address and a phone: the others were not asked (nor paid).
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped"));
        QCOMPARE(steps.at(2).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped"));
        QCOMPARE(r.json.value(QStringLiteral("cost_cents")).toInt(), 1);
        QCOMPARE(m_calls.size(), 1);
        QCOMPARE(param(m_calls.first(), "domain"), QStringLiteral("acme-plumbing.example"));
        QVERIFY2(!m_calls.first().path.contains("key"), m_calls.first().path.constData()); // the key is a header, not in the address
        const QJsonObject stored = get(QStringLiteral("/api/v1/leads/%1").arg(id)).json;
        QCOMPARE(stored.value(QStringLiteral("email")).toString(), QStringLiteral("dana@acme-plumbing.example")); // the person, before info@
        QCOMPARE(stored.value(QStringLiteral("last_name")).toString(), QStringLiteral("Ruiz"));
        QCOMPARE(stored.value(QStringLiteral("title")).toString(), QStringLiteral("Owner"));
        QCOMPARE(stored.value(QStringLiteral("company")).toString(), QStringLiteral("Acme Plumbing LLC"));
        QCOMPARE(stored.value(QStringLiteral("city")).toString(), QStringLiteral("Austin"));
        QVERIFY(!stored.value(QStringLiteral("phone")).toString().isEmpty());
        QCOMPARE(stored.value(QStringLiteral("enrichment_status")).toString(), QStringLiteral("enriched"));
        QCOMPARE(r.json.value(QStringLiteral("filled")).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("hunter"));
        QCOMPARE(costs(), (QList<qint64>{1}));

        // The same domain again, for a lead that has its own phone and name: from the cache, free;
        // what the lead has is kept.
        const qint64 other = lead(test::json(J({"name": "Acme (branch)", "phone": "+15125550100", "company": "Acme Branch", "website": "acme-plumbing.example"})));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(other), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("cached"));
        QCOMPARE(r.json.value(QStringLiteral("cost_cents")).toInt(), 0);
        QCOMPARE(m_calls.size(), 1);
        const QJsonObject branch = get(QStringLiteral("/api/v1/leads/%1").arg(other)).json;
        QCOMPARE(branch.value(QStringLiteral("phone")).toString(), QStringLiteral("+15125550100"));
        QCOMPARE(branch.value(QStringLiteral("company")).toString(), QStringLiteral("Acme Branch"));
        QCOMPARE(branch.value(QStringLiteral("email")).toString(), QStringLiteral("dana@acme-plumbing.example"));
        QCOMPARE(costs().size(), 1);

        // Hunter knows nothing of quiet.example: Apollo, next in line, does.
        const qint64 quiet = lead(test::json(J({"name": "Quiet", "website": "http://quiet.example"})));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(quiet), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("nothing"));
        QCOMPARE(r.json.value(QStringLiteral("steps")).toArray().at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("found"));
        QCOMPARE(r.json.value(QStringLiteral("filled")).toObject().value(QStringLiteral("phone")).toString(), QStringLiteral("apollo"));
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(quiet)).json.value(QStringLiteral("company")).toString(), QStringLiteral("Quiet Co"));
        // No address from anyone: Clearbit was asked too (and said 404: nothing).
        QCOMPARE(r.json.value(QStringLiteral("steps")).toArray().at(2).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("nothing"));
        QCOMPARE(costs().size(), 1 + 3);

        // A person named on the lead: Apollo matches the person.
        configure("[\"apollo\", \"hunter\", \"clearbit\"]");
        const qint64 park = lead(test::json(J({"name": "Park Bakery", "first_name": "Lee", "last_name": "Park", "website": "parkbakery.example"})));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(park), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(park)).json.value(QStringLiteral("email")).toString(), QStringLiteral("lee@parkbakery.example"));
        Request match;
        for (const Request &c : std::as_const(m_calls))
            if (c.path.contains("people/match"))
                match = c;
        QCOMPARE(match.method, QByteArray("POST"));
        QCOMPARE(match.headers.value("x-api-key"), QByteArray("apollo-key"));
        QCOMPARE(QJsonDocument::fromJson(match.body).object().value(QStringLiteral("last_name")).toString(), QStringLiteral("Park"));
    }

    void failuresAreSaidInWords()
    {
        start();
        FT_STOP_IF_FAILED();
        configure("[\"hunter\", \"clearbit\", \"apollo\"]");
        FT_STOP_IF_FAILED();
        // Hunter is rate limited, Clearbit is still looking, Apollo does not know it.
        const qint64 id = lead(test::json(J({"name": "Slow", "website": "slow.example"})));
        Reply r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(id), {});
        QCOMPARE(r.status, 200);
        const QJsonArray steps = r.json.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QVERIFY2(steps.at(0).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("rate limit")), r.body.constData());
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QVERIFY2(steps.at(1).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("still looking")), r.body.constData());
        QCOMPARE(steps.at(2).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("nothing"));
        QCOMPARE(get(QStringLiteral("/api/v1/leads/%1").arg(id)).json.value(QStringLiteral("enrichment_status")).toString(), QStringLiteral("not_found"));
        // A failure is not cached: asked again, asked again; an answer ("nothing") is.
        auto asked = [this](const char *provider) {
            int n = 0;
            for (const Request &c : std::as_const(m_calls))
                n += c.path.startsWith(QByteArray(QByteArray("/") + provider)) ? 1 : 0;
            return n;
        };
        const int hunter = asked("hunter"), clearbit = asked("clearbit"), apollo = asked("apollo");
        send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(id), {});
        QVERIFY(asked("hunter") > hunter);
        QCOMPARE(asked("clearbit"), clearbit + 1);
        QCOMPARE(asked("apollo"), apollo);
        // A wrong key.
        send("PUT", QStringLiteral("/api/v1/enrichment/providers"), test::json(J({"providers": {"hunter": {"api_key": "wrong"}}})), QStringLiteral("admin"));
        const qint64 acme = lead(test::json(J({"name": "Acme", "website": "acme-plumbing.example"})));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(acme), {});
        QVERIFY2(r.json.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("API key was refused")),
                 r.body.constData());
        // No key at all: skipped, and where to set one.
        send("PUT", QStringLiteral("/api/v1/enrichment/providers"), test::json(J({"providers": {"hunter": {"api_key": ""}}})), QStringLiteral("admin"));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(acme), {});
        QVERIFY2(r.json.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("HUNTER_IO_API_KEY")),
                 r.body.constData());
        // Nothing to look up.
        const qint64 bare = lead(test::json(J({"name": "No site", "email": "someone@gmail.com"})));
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(bare), {});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("no website"), r.body.constData());
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/999999/enrich"), {}).status, 404);

        // The provider's own answers, malformed: an error, not a guess.
        QVERIFY(!scraper::parseHunterDomainSearch(200, "<html>oops</html>").ok);
        QVERIFY(scraper::parseHunterDomainSearch(200, "<html>oops</html>").error.contains(QLatin1String("not the JSON")));
        QVERIFY(!scraper::parseClearbitCompany(500, "").ok);
        QVERIFY(scraper::parseClearbitCompany(500, "").retryable);
        QVERIFY(scraper::parseApolloOrganization(404, "").ok); // unknown: an answer (nothing found)
        QVERIFY(!scraper::parseApolloOrganization(404, "").found);
    }

    void manyLeadsAsAJobAndHunterVerification()
    {
        start();
        FT_STOP_IF_FAILED();
        configure();
        FT_STOP_IF_FAILED();
        const QJsonArray ids{lead(test::json(J({"name": "A", "website": "acme-plumbing.example"}))), lead(test::json(J({"name": "Q", "website": "quiet.example"}))),
                             lead(test::json(J({"name": "N"})))};
        Reply r = send("POST", QStringLiteral("/api/v1/leads/enrich"), {{QStringLiteral("lead_ids"), ids}});
        QCOMPARE(r.status, 202);
        const QString job = QStringLiteral("/api/v1/jobs/%1").arg(r.json.value(QStringLiteral("job_id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(job).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"), 20000);
        const QJsonObject result = get(job).json.value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("enriched")).toInt(), 2);
        QCOMPARE(result.value(QStringLiteral("skipped")).toInt(), 1);
        QVERIFY(result.value(QStringLiteral("cost_cents")).toInt() >= 2);

        r = send("POST", QStringLiteral("/api/v1/email/verify"), test::json(J({"email": "dana@acme-plumbing.example", "provider": "hunter"})));
        QCOMPARE(r.status, 200);
        QJsonObject verdict = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(verdict.value(QStringLiteral("status")).toString(), QStringLiteral("valid"));
        QCOMPARE(verdict.value(QStringLiteral("provider")).toString(), QStringLiteral("hunter"));
        r = send("POST", QStringLiteral("/api/v1/email/verify"), test::json(J({"email": "x@catchall.example", "provider": "hunter"})));
        verdict = r.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(verdict.value(QStringLiteral("status")).toString(), QStringLiteral("risky"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QLatin1String("accepts every address")), r.body.constData());
        r = send("POST", QStringLiteral("/api/v1/email/verify"), test::json(J({"email": "not an address", "provider": "hunter"})));
        QCOMPARE(r.status, 422);
    }

    // The administrator's daily limit on enrichments: a lead past it is refused with 429 before
    // any provider is asked (and nothing is written); a job stops there and says how many wait.
    void usageLimitRefusesBeforeAsking()
    {
        start();
        FT_STOP_IF_FAILED();
        configure();
        FT_STOP_IF_FAILED();
        Reply r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"enrichments": {"daily_limit": 1}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        const qint64 first = lead(test::json(J({"name": "A", "website": "acme-plumbing.example"})));
        const qint64 second = lead(test::json(J({"name": "Q", "website": "quiet.example"})));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(first), {}).status, 200);
        const qsizetype asked = m_calls.size();
        r = send("POST", QStringLiteral("/api/v1/leads/%1/enrich").arg(second), {});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), QStringLiteral("rate_limited"));
        QCOMPARE(r.details().value(QStringLiteral("reason")).toString(), QStringLiteral("usage_limit"));
        QCOMPARE(r.details().value(QStringLiteral("metric")).toString(), QStringLiteral("enrichments"));
        QCOMPARE(r.details().value(QStringLiteral("limit")).toInteger(), qint64(1));
        QCOMPARE(r.details().value(QStringLiteral("used")).toInteger(), qint64(1));
        QVERIFY2(r.message().contains(QStringLiteral("daily limit of 1 enrichments")) && r.message().contains(QStringLiteral("Settings → Usage")), r.body.constData());
        QVERIFY(r.headers.value("retry-after").toLongLong() > 0);
        QCOMPARE(m_calls.size(), asked); // no provider asked
        QVERIFY(get(QStringLiteral("/api/v1/leads/%1").arg(second)).json.value(QStringLiteral("enriched_at")).isNull());
        // A job is refused at once; with room for one more it enriches one and says the rest wait.
        r = send("POST", QStringLiteral("/api/v1/leads/enrich"), {{QStringLiteral("lead_ids"), QJsonArray{second}}});
        QCOMPARE(r.status, 429);
        r = send("PUT", QStringLiteral("/api/v1/usage/limits"), test::json(J({"limits": {"enrichments": {"daily_limit": 2}}})), QStringLiteral("admin"));
        QCOMPARE(r.status, 200);
        const qint64 third = lead(test::json(J({"name": "T", "website": "acme-plumbing.example"})));
        r = send("POST", QStringLiteral("/api/v1/leads/enrich"), {{QStringLiteral("lead_ids"), QJsonArray{second, third}}});
        QCOMPARE(r.status, 202);
        const QString job = QStringLiteral("/api/v1/jobs/%1").arg(r.json.value(QStringLiteral("job_id")).toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(get(job).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"), 20000);
        const QJsonObject result = get(job).json.value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("not_reached")).toInt(), 1);
        QVERIFY2(result.value(QStringLiteral("errors")).toArray().first().toString().startsWith(QStringLiteral("1 lead(s) not enriched: The daily limit")),
                 QJsonDocument(result).toJson().constData());
        QVERIFY(!get(QStringLiteral("/api/v1/leads/%1").arg(second)).json.value(QStringLiteral("enriched_at")).isNull());
        QVERIFY(get(QStringLiteral("/api/v1/leads/%1").arg(third)).json.value(QStringLiteral("enriched_at")).isNull());
        const QJsonObject current = get(QStringLiteral("/api/v1/usage/current")).json;
        for (const QJsonValue &v : current.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("metric")).toString() == QLatin1String("enrichments")) {
                QCOMPARE(v.toObject().value(QStringLiteral("today")).toInteger(), qint64(2));
                QCOMPARE(v.toObject().value(QStringLiteral("remaining_today")).toInteger(), qint64(0));
            }
    }
};

QTEST_MAIN(TestEnrichmentApi)
#include "tst_enrichmentapi.moc"
