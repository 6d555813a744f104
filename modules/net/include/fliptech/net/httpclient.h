#pragma once
// HttpClient: every outbound HTTP request of the product (scraping, site analysis, provider
// APIs) goes through one of these. libcurl's multi interface on a thread of its own runs many
// transfers at once within limits: a global concurrency, a per-host concurrency and a minimum
// delay between requests to one host (politeness), Retry-After honoured, retries with
// exponential backoff and jitter on timeouts, dropped connections, 429 and 5xx, a redirect
// limit, connect and total timeouts, a maximum body size, compressed bodies, a User-Agent and
// proxies (rotated per request). Every request and its outcome is counted (counters()).
//
// Results arrive on the caller's thread: fetch() calls back through the event loop of a
// context object; get() blocks (for job workers, never the GUI thread).

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace fliptech::net {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The cookies of one conversation with the web (a scrape job): what a site sets in one answer is
// sent back with the next request that shares the jar, as a browser would; requests with another
// jar, or none, neither see nor send them. Thread-safe (libcurl's share interface).
class CookieJar final
{
public:
    CookieJar();
    ~CookieJar();
    CookieJar(const CookieJar &) = delete;
    CookieJar &operator=(const CookieJar &) = delete;
    // The cookies held, as "domain name=value" (for the job's log and tests).
    QStringList cookies() const;
    void *handle() const { return m_share; }

private:
    void *m_share; // CURLSH
    struct Locks;
    std::unique_ptr<Locks> m_locks;
};

struct HttpRequest {
    QUrl url;
    QByteArray method = "GET";
    HttpHeaders headers;
    QByteArray body;
    int connectTimeoutMs = 10000;
    int timeoutMs = 30000;           // the whole transfer, each attempt
    qint64 maxBodyBytes = 10 << 20;  // a larger body fails the request (not retried)
    int maxRedirects = 5;
    int maxRetries = 2;              // attempts after the first, on transient failures only
    // Ask the site's robots.txt first (fetched once per origin, kept a day) and refuse what it
    // disallows (a Forbidden error); its Crawl-delay spaces the requests to that host.
    bool obeyRobots = false;
    // Check the server's certificate (off only to read a site whose certificate is wrong, after
    // a verified attempt said so: the analyser reports it instead of failing).
    bool verifyTls = true;
    // Connect to loopback, private, link-local and other non-public addresses (net/addressguard.h)?
    // Off for requests a user aims at any URL (webhooks): each connection's address is checked
    // after DNS resolution, on every redirect, and a refusal fails the request (Forbidden, not
    // retried); no proxy is used then (the check would see the proxy's address).
    bool allowPrivateAddresses = true;
    // With allowPrivateAddresses off, the non-public addresses still allowed, each "address" (any
    // port) or "address:port" ("127.0.0.1:5678", "[::1]:5678"): a local n8n an admin named.
    QStringList privateAddressesAllowed;
    // Cookies kept and sent back within this jar (null: none kept, none sent).
    std::shared_ptr<CookieJar> cookies;
    // Streaming (server-sent events): each piece of a 2xx body as it arrives, on the client's
    // own thread, with the attempt it belongs to (a retry starts the body again: a reader keeps
    // only the pieces of the newest attempt). The body is still kept whole in the response.
    std::function<void(int attempt, const QByteArray &piece)> onChunk;
};

struct HttpResponse {
    int status = 0;          // 0 when no response arrived
    QUrl url;                // after redirects
    QByteArray contentType;
    HttpHeaders headers;     // of the final response, names lower-case
    QByteArray body;         // decompressed
    int attempts = 0;
    qint64 elapsedMs = 0;    // all attempts, waits included
    qint64 firstByteMs = -1; // the last attempt's time to its first byte (redirects included); -1 without a response
    int redirects = 0;       // followed by the last attempt
    std::optional<core::Error> error; // transport failure, limit hit or cancelled; an HTTP error status is not one
    bool ok() const { return !error && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const;
};

struct HttpCounters {
    qint64 requests = 0, attempts = 0, retries = 0, responses2xx = 0, responses3xx = 0, responses4xx = 0, responses5xx = 0,
           failures = 0, bytes = 0;
};

class HttpClient final : public QObject
{
    Q_OBJECT
public:
    struct Options {
        int maxConcurrent = 32;
        int maxPerHost = 4;
        int minHostDelayMs = 0;     // between the starts of two requests to one host
        int backoffBaseMs = 500;    // retry n waits base x 2^(n-1), +/- 25 % jitter
        int maxRetryAfterMs = 120000;
        QByteArray userAgent = "FlipTechPro/" FLIPTECH_VERSION " (+https://fliptech.example/bot)";
        QStringList proxies;        // http://, https://, socks5:// ...; one per request, in turn
        QByteArray robotsToken = "FlipTechPro"; // the robots.txt group that is ours (else "*")
        int robotsCacheMs = 24 * 3600 * 1000;
    };
    explicit HttpClient(Options options, QObject *parent = nullptr);
    ~HttpClient() override;
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Starts the request; `done` runs on `context`'s thread once it finished (not at all if
    // `context` is gone by then).
    void fetch(const HttpRequest &request, QObject *context, std::function<void(const HttpResponse &)> done);
    // Runs the request and waits for it (any thread but one whose event loop `fetch` needs).
    HttpResponse get(const HttpRequest &request);
    // Runs them all at once (within the limits) and waits for every one; answers in order.
    QList<HttpResponse> getAll(const QList<HttpRequest> &requests);
    // Every request not finished ends with a Cancelled error.
    void cancelAll();
    HttpCounters counters() const;

private:
    struct Engine;
    std::unique_ptr<Engine> m_engine;
};

} // namespace fliptech::net
