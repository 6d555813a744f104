#include "fliptech/net/httpclient.h"

#include "fliptech/net/addressguard.h"
#include "fliptech/net/robotstxt.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>

#include <curl/curl.h>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcHttp, "fliptech.net.http")

namespace fliptech::net {

using core::ErrorCode;
using Clock = std::chrono::steady_clock;

// One mutex per kind of data libcurl shares (it may hold two kinds at once).
struct CookieJar::Locks {
    std::mutex byData[CURL_LOCK_DATA_LAST];
    static void lock(CURL *, curl_lock_data data, curl_lock_access, void *self)
    {
        static_cast<Locks *>(self)->byData[data].lock();
    }
    static void unlock(CURL *, curl_lock_data data, void *self)
    {
        static_cast<Locks *>(self)->byData[data].unlock();
    }
};

CookieJar::CookieJar() : m_share(curl_share_init()), m_locks(std::make_unique<Locks>())
{
    CURLSH *share = static_cast<CURLSH *>(m_share);
    curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Locks::lock);
    curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Locks::unlock);
    curl_share_setopt(share, CURLSHOPT_USERDATA, m_locks.get());
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
}

CookieJar::~CookieJar()
{
    curl_share_cleanup(static_cast<CURLSH *>(m_share)); // the last transfer holding it has ended
}

QStringList CookieJar::cookies() const
{
    QStringList out;
    CURL *e = curl_easy_init();
    if (!e)
        return out;
    curl_easy_setopt(e, CURLOPT_SHARE, static_cast<CURLSH *>(m_share));
    curl_slist *list = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_COOKIELIST, &list) == CURLE_OK) {
        // Netscape format: domain, subdomains, path, secure, expiry, name, value (tab-separated).
        for (curl_slist *i = list; i; i = i->next) {
            const QList<QByteArray> f = QByteArray(i->data).split('\t');
            if (f.size() >= 7)
                out << QString::fromUtf8(f.at(0) + ' ' + f.at(5) + '=' + f.at(6));
        }
        curl_slist_free_all(list);
    }
    curl_easy_cleanup(e);
    return out;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[k, v] : headers)
        if (k == lower)
            return v;
    return {};
}

namespace {

void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

qint64 msSince(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

// Retry-After as milliseconds from now: seconds, or an HTTP date; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return when.isValid() ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)) : -1;
}

} // namespace

struct HttpClient::Engine {
    struct Transfer {
        HttpRequest request;
        QPointer<QObject> context;
        std::function<void(const HttpResponse &)> done;
        bool direct = false; // done() runs on the client's thread (get())
        HttpResponse response;
        QByteArray host;
        Clock::time_point started;
        Clock::time_point notBefore;
        curl_slist *headerList = nullptr;
        bool tooLarge = false;
        CURL *easy = nullptr; // while an attempt runs
        QByteArray body;
        HttpHeaders headers;
        QString refusedAddress; // why a connection was refused (allowPrivateAddresses off)
        QByteArray robotsFor; // the origin whose robots.txt this fetches (no caller waits for it)
    };
    struct RobotsEntry {
        RobotsTxt rules;
        Clock::time_point expires;
        bool fetching = false;
    };
    QHash<QByteArray, RobotsEntry> robots; // by origin

    Options options;
    std::recursive_mutex mutex; // finish() may run inside startWaiting()
    std::deque<std::shared_ptr<Transfer>> waiting; // not started (new, or waiting to retry)
    std::map<CURL *, std::shared_ptr<Transfer>> running;
    QHash<QByteArray, int> perHost;
    QHash<QByteArray, Clock::time_point> hostNext; // politeness: the next start allowed
    CURLM *multi = nullptr;
    std::thread thread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> cancelling{false};
    int proxyTurn = 0;
    struct Atomics {
        std::atomic<qint64> requests{0}, attempts{0}, retries{0}, r2{0}, r3{0}, r4{0}, r5{0}, failures{0}, bytes{0};
    } counts;

    explicit Engine(Options o) : options(std::move(o))
    {
        initCurl();
        multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, long(qMax(1, options.maxConcurrent)));
        thread = std::thread([this] { loop(); });
    }

    ~Engine()
    {
        stopping = true;
        curl_multi_wakeup(multi);
        thread.join();
        curl_multi_cleanup(multi);
    }

    void wake() { curl_multi_wakeup(multi); }

    static size_t onBody(char *data, size_t size, size_t n, void *user)
    {
        auto *t = static_cast<Transfer *>(user);
        const size_t bytes = size * n;
        if (t->body.size() + qint64(bytes) > t->request.maxBodyBytes) {
            t->tooLarge = true;
            return 0; // aborts the transfer (CURLE_WRITE_ERROR)
        }
        t->body.append(data, qsizetype(bytes));
        if (t->request.onChunk) {
            long status = 0;
            curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
            if (status >= 200 && status < 300)
                t->request.onChunk(t->response.attempts, QByteArray(data, qsizetype(bytes)));
        }
        return bytes;
    }

    // Before each connection: the address it would use, after DNS resolution and on redirects.
    static curl_socket_t onOpenSocket(void *user, curlsocktype, struct curl_sockaddr *address)
    {
        auto *t = static_cast<Transfer *>(user);
        QByteArray raw;
        if (address->family == AF_INET)
            raw = QByteArray(reinterpret_cast<const char *>(&reinterpret_cast<const sockaddr_in *>(&address->addr)->sin_addr), 4);
        else if (address->family == AF_INET6)
            raw = QByteArray(reinterpret_cast<const char *>(&reinterpret_cast<const sockaddr_in6 *>(&address->addr)->sin6_addr), 16);
        const QString reason = nonPublicAddressReason(raw);
        if (!reason.isEmpty()) {
            char text[64] = {};
            inet_ntop(address->family, raw.constData(), text, sizeof text);
            const QString ip = QString::fromLatin1(text);
            const quint16 port = ntohs(address->family == AF_INET ? reinterpret_cast<const sockaddr_in *>(&address->addr)->sin_port
                                                                  : reinterpret_cast<const sockaddr_in6 *>(&address->addr)->sin6_port);
            const QString withPort = (address->family == AF_INET6 ? u'[' + ip + u']' : ip) + u':' + QString::number(port);
            if (!t->request.privateAddressesAllowed.contains(ip) && !t->request.privateAddressesAllowed.contains(withPort)) {
                t->refusedAddress = QStringLiteral("%1 is %2").arg(withPort, reason);
                return CURL_SOCKET_BAD;
            }
        }
        return socket(address->family, address->socktype, address->protocol);
    }

    static size_t onHeader(char *data, size_t size, size_t n, void *user)
    {
        auto *t = static_cast<Transfer *>(user);
        const QByteArray line = QByteArray(data, qsizetype(size * n)).trimmed();
        if (line.startsWith("HTTP/")) {
            t->headers.clear(); // a new response (after a redirect or a 100 Continue)
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            t->headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        return size * n;
    }

    // "host:port", what the per-host limits count; with the scheme, what robots.txt belongs to.
    static QByteArray hostOf(const QUrl &url)
    {
        return url.host().toLower().toUtf8() + ':' + QByteArray::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    }
    static QByteArray originOf(const QUrl &url) { return url.scheme().toLatin1() + "://" + hostOf(url); }

    std::shared_ptr<Transfer> robotsTransfer(const QByteArray &origin)
    {
        auto r = std::make_shared<Transfer>();
        r->request.url = QUrl::fromEncoded(origin + "/robots.txt");
        r->request.maxBodyBytes = 512 * 1024;
        r->request.maxRetries = 1;
        r->request.timeoutMs = 15000;
        r->robotsFor = origin;
        r->host = hostOf(r->request.url);
        r->started = r->notBefore = Clock::now();
        return r;
    }

    // A robots.txt fetched: what it allows, kept for a day (a failure for ten minutes).
    void storeRobots(const Transfer &t)
    {
        if (t.response.error && t.response.error->code == ErrorCode::Cancelled) {
            // Not an answer from the site: forget the attempt, the next request asks again.
            std::lock_guard lock(mutex);
            robots.remove(t.robotsFor);
            return;
        }
        const int status = t.response.status;
        RobotsTxt rules;
        bool good = true;
        if (status >= 200 && status < 300 && (!t.response.error || t.response.error->code == ErrorCode::PayloadTooLarge)) {
            rules = RobotsTxt::parse(t.body, options.robotsToken);
        } else if (status >= 400 && status < 500) {
            rules = RobotsTxt::allowAll(); // no robots.txt: no rules
        } else {
            good = false;
            rules = RobotsTxt::disallowAll(t.response.error ? t.response.error->message
                                                            : QStringLiteral("%1/robots.txt answered %2").arg(QString::fromLatin1(t.robotsFor)).arg(status));
        }
        std::lock_guard lock(mutex);
        robots[t.robotsFor] = {rules, Clock::now() + std::chrono::milliseconds(good ? options.robotsCacheMs : 600000), false};
    }

    bool start(const std::shared_ptr<Transfer> &t, int spacingMs)
    {
        CURL *e = curl_easy_init();
        if (!e)
            return false;
        t->body.clear();
        t->headers.clear();
        t->tooLarge = false;
        t->refusedAddress.clear();
        t->easy = e;
        ++t->response.attempts;
        ++counts.attempts;
        const QByteArray url = t->request.url.toEncoded();
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, t->request.maxRedirects > 0 ? 1L : 0L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, long(t->request.maxRedirects));
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(t->request.connectTimeoutMs));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(t->request.timeoutMs));
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); // every encoding this libcurl decodes
        curl_easy_setopt(e, CURLOPT_USERAGENT, options.userAgent.constData());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Engine::onBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Engine::onHeader);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(t->request.maxBodyBytes));
        if (!t->request.verifyTls) {
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        if (t->request.method != "GET") {
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, t->request.method.constData());
            if (!t->request.body.isEmpty() || t->request.method == "POST" || t->request.method == "PUT") {
                curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t->request.body.size()));
                curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.body.constData());
            }
        }
        if (t->headerList) {
            curl_slist_free_all(t->headerList);
            t->headerList = nullptr;
        }
        for (const auto &[k, v] : t->request.headers)
            t->headerList = curl_slist_append(t->headerList, QByteArray(k + ": " + v).constData());
        if (t->headerList)
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headerList);
        if (t->request.cookies) {
            curl_easy_setopt(e, CURLOPT_SHARE, static_cast<CURLSH *>(t->request.cookies->handle()));
            curl_easy_setopt(e, CURLOPT_COOKIEFILE, ""); // the cookie engine on, nothing read from disk
        }
        if (!t->request.allowPrivateAddresses) {
            curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Engine::onOpenSocket);
            curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
            curl_easy_setopt(e, CURLOPT_PROXY, ""); // none, not even from the environment
        } else if (!options.proxies.isEmpty()) {
            const QByteArray proxy = options.proxies.at(proxyTurn++ % options.proxies.size()).toUtf8();
            curl_easy_setopt(e, CURLOPT_PROXY, proxy.constData()); // copied by libcurl
        }
        running.emplace(e, t);
        ++perHost[t->host];
        hostNext[t->host] = Clock::now() + std::chrono::milliseconds(spacingMs);
        curl_multi_add_handle(multi, e);
        return true;
    }

    // Starts what the limits allow, in order; returns how long until the next one may start.
    int startWaiting()
    {
        std::lock_guard lock(mutex);
        const auto now = Clock::now();
        if (hostNext.size() > 10000) { // a site analysis of many sites: forget idle hosts
            for (auto it = hostNext.begin(); it != hostNext.end();)
                it = perHost.value(it.key()) == 0 && it.value() < now ? hostNext.erase(it) : std::next(it);
            for (auto it = perHost.begin(); it != perHost.end();)
                it = it.value() == 0 && !hostNext.contains(it.key()) ? perHost.erase(it) : std::next(it);
            for (auto it = robots.begin(); it != robots.end();)
                it = !it->fetching && it->expires < now ? robots.erase(it) : std::next(it);
        }
        int waitMs = 1000;
        std::vector<std::shared_ptr<Transfer>> robotsFirst;
        for (auto it = waiting.begin(); it != waiting.end() && int(running.size()) < options.maxConcurrent;) {
            const auto &t = *it;
            int spacingMs = options.minHostDelayMs;
            if (t->request.obeyRobots) {
                const QByteArray origin = originOf(t->request.url);
                auto r = robots.find(origin);
                if (r == robots.end() || (!r->fetching && r->expires < now)) {
                    robots[origin].fetching = true;
                    robotsFirst.push_back(robotsTransfer(origin));
                    ++it;
                    continue;
                }
                if (r->fetching) {
                    ++it;
                    continue;
                }
                if (!r->rules.allows(t->request.url)) {
                    auto refused = t;
                    it = waiting.erase(it);
                    const QString why = r->rules.unreadable().isEmpty()
                        ? QStringLiteral("the robots.txt of %1 disallows %2").arg(QString::fromLatin1(origin), refused->request.url.path())
                        : QStringLiteral("the robots.txt of %1 could not be read, so nothing there is fetched (%2)").arg(QString::fromLatin1(origin), r->rules.unreadable());
                    finish(refused, core::makeError(ErrorCode::Forbidden, why));
                    continue;
                }
                spacingMs = qMax(spacingMs, r->rules.crawlDelayMs().value_or(0));
            }
            const auto next = hostNext.value(t->host, now);
            const auto ready = std::max(t->notBefore, next);
            if (perHost.value(t->host) >= options.maxPerHost || ready > now) {
                if (ready > now)
                    waitMs = qMin<int>(waitMs, int(std::chrono::duration_cast<std::chrono::milliseconds>(ready - now).count()) + 1);
                ++it;
                continue;
            }
            auto transfer = t;
            it = waiting.erase(it);
            if (!start(transfer, spacingMs))
                finish(transfer, core::makeError(ErrorCode::Internal, QStringLiteral("libcurl could not make a transfer")));
        }
        for (const auto &r : robotsFirst)
            waiting.push_front(r);
        if (!robotsFirst.empty())
            waitMs = 0;
        return waitMs;
    }

    static bool transient(CURLcode code, int status)
    {
        if (code == CURLE_OK)
            return status == 429 || status == 502 || status == 503 || status == 504 || status == 500;
        return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT || code == CURLE_PARTIAL_FILE ||
               code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING;
    }

    void completed(CURL *e, CURLcode code)
    {
        std::shared_ptr<Transfer> t;
        {
            std::lock_guard lock(mutex);
            auto it = running.find(e);
            if (it == running.end())
                return;
            t = it->second;
            running.erase(it);
            --perHost[t->host];
        }
        curl_multi_remove_handle(multi, e);
        long status = 0;
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
        char *effective = nullptr;
        curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &effective);
        char *type = nullptr;
        curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &type);
        t->response.status = int(status);
        t->response.url = effective ? QUrl::fromEncoded(effective) : t->request.url;
        t->response.contentType = type ? QByteArray(type) : QByteArray();
        t->response.headers = t->headers;
        t->response.body = t->body;
        long redirects = 0;
        curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects);
        t->response.redirects = int(redirects);
        curl_off_t firstByteUs = 0;
        if (curl_easy_getinfo(e, CURLINFO_STARTTRANSFER_TIME_T, &firstByteUs) == CURLE_OK && status > 0)
            t->response.firstByteMs = qint64(firstByteUs / 1000);
        curl_easy_cleanup(e);
        counts.bytes += t->body.size();
        if (status >= 200 && status < 300)
            ++counts.r2;
        else if (status >= 300 && status < 400)
            ++counts.r3;
        else if (status >= 400 && status < 500)
            ++counts.r4;
        else if (status >= 500)
            ++counts.r5;

        if (cancelling || stopping) {
            finish(t, core::makeError(ErrorCode::Cancelled, QStringLiteral("%1: cancelled%2")
                                                               .arg(t->request.url.toDisplayString(),
                                                                    stopping ? QStringLiteral(" (the HTTP client is shutting down)") : QString())));
            return;
        }
        const qint64 retryAfter = status == 429 || status == 503 ? retryAfterMs(t->response.header("retry-after")) : -1;
        if (retryAfter >= 0) {
            // The host asked for a pause: nothing goes to it before then.
            std::lock_guard lock(mutex);
            hostNext[t->host] = std::max(hostNext.value(t->host, Clock::now()),
                                         Clock::now() + std::chrono::milliseconds(qMin<qint64>(retryAfter, options.maxRetryAfterMs)));
        }
        if (!t->refusedAddress.isEmpty() && code != CURLE_OK) {
            finish(t, core::makeError(ErrorCode::Forbidden, QStringLiteral("%1: refused to connect: %2 (not a public Internet address; an administrator "
                                                                           "may allow private networks)")
                                                                .arg(t->request.url.toDisplayString(), t->refusedAddress)));
            return;
        }
        if (!t->tooLarge && transient(code, int(status)) && t->response.attempts <= t->request.maxRetries &&
            retryAfter <= options.maxRetryAfterMs) {
            ++counts.retries;
            const int n = t->response.attempts;
            const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
            const qint64 backoff = qint64(double(options.backoffBaseMs) * double(1 << qMin(n - 1, 10)) * jitter);
            t->notBefore = Clock::now() + std::chrono::milliseconds(qMax(backoff, retryAfter));
            std::lock_guard lock(mutex);
            waiting.push_back(t);
            return;
        }
        if (t->tooLarge || code == CURLE_FILESIZE_EXCEEDED)
            finish(t, core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("%1: the body is larger than %2 bytes")
                                                                      .arg(t->request.url.toDisplayString(), QString::number(t->request.maxBodyBytes))));
        else if (code == CURLE_TOO_MANY_REDIRECTS)
            finish(t, core::makeError(ErrorCode::Unavailable, QStringLiteral("%1: more than %2 redirects (a loop?)")
                                                                  .arg(t->request.url.toDisplayString()).arg(t->request.maxRedirects)));
        else if (code == CURLE_OPERATION_TIMEDOUT)
            finish(t, core::makeError(ErrorCode::Unavailable, QStringLiteral("%1: no complete answer within %2 ms (%3 attempts)")
                                                              .arg(t->request.url.toDisplayString()).arg(t->request.timeoutMs).arg(t->response.attempts)));
        else if (code != CURLE_OK)
            finish(t, core::makeError(ErrorCode::Unavailable, QStringLiteral("%1: %2 (%3 attempts)")
                                                                  .arg(t->request.url.toDisplayString(), QString::fromUtf8(curl_easy_strerror(code)))
                                                                  .arg(t->response.attempts)));
        else
            finish(t, std::nullopt);
    }

    void finish(const std::shared_ptr<Transfer> &t, std::optional<core::Error> error)
    {
        if (t->headerList) {
            curl_slist_free_all(t->headerList);
            t->headerList = nullptr;
        }
        t->response.error = std::move(error);
        t->response.elapsedMs = msSince(t->started);
        if (!t->robotsFor.isEmpty()) {
            storeRobots(*t);
            wake();
            return;
        }
        if (t->response.error)
            ++counts.failures;
        if (t->response.error)
            qCDebug(lcHttp).noquote() << t->response.error->message;
        if (t->direct) {
            t->done(t->response);
            return;
        }
        if (!t->context)
            return;
        QMetaObject::invokeMethod(
            t->context.data(), [done = t->done, response = t->response] { done(response); }, Qt::QueuedConnection);
    }

    void submit(const HttpRequest &request, QObject *context, std::function<void(const HttpResponse &)> done, bool direct)
    {
        auto t = std::make_shared<Transfer>();
        t->request = request;
        t->context = context;
        t->done = std::move(done);
        t->direct = direct;
        t->host = hostOf(request.url);
        t->started = Clock::now();
        t->notBefore = t->started;
        ++counts.requests;
        const QString scheme = request.url.scheme();
        if (!request.url.isValid() || request.url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            finish(t, core::makeError(ErrorCode::InvalidArgument, QStringLiteral("not an http(s) address: %1").arg(request.url.toDisplayString().left(200))));
            return;
        }
        {
            std::lock_guard lock(mutex);
            if (!stopping) {
                waiting.push_back(t);
                t.reset();
            }
        }
        if (t) { // the client is shutting down: nothing more starts (get() must not wait forever)
            finish(t, core::makeError(ErrorCode::Cancelled, QStringLiteral("%1: the HTTP client is shutting down").arg(request.url.toDisplayString())));
            return;
        }
        wake();
    }

    void loop()
    {
        while (!stopping) {
            if (cancelling) {
                std::deque<std::shared_ptr<Transfer>> dropped;
                {
                    std::lock_guard lock(mutex);
                    dropped.swap(waiting);
                }
                for (const auto &t : dropped)
                    finish(t, core::makeError(ErrorCode::Cancelled, QStringLiteral("%1: cancelled").arg(t->request.url.toDisplayString())));
                std::vector<CURL *> handles;
                {
                    std::lock_guard lock(mutex);
                    for (const auto &[e, t] : running)
                        handles.push_back(e);
                }
                for (CURL *e : handles)
                    completed(e, CURLE_ABORTED_BY_CALLBACK);
                cancelling = false;
            }
            const int waitMs = startWaiting();
            int still = 0;
            curl_multi_perform(multi, &still);
            int queued = 0, finished = 0;
            while (CURLMsg *m = curl_multi_info_read(multi, &queued))
                if (m->msg == CURLMSG_DONE) {
                    completed(m->easy_handle, m->data.result);
                    ++finished;
                }
            // A finished transfer frees a slot: start the next at once (waitMs was reckoned
            // while the slots were full; waiting it out stalled a busy client up to a second).
            if (finished == 0)
                curl_multi_poll(multi, nullptr, 0, qBound(0, waitMs, 1000), nullptr);
        }
        // Shutting down: what still runs or waits ends as cancelled.
        std::vector<CURL *> handles;
        for (const auto &[e, t] : running)
            handles.push_back(e);
        for (CURL *e : handles)
            completed(e, CURLE_ABORTED_BY_CALLBACK);
        std::deque<std::shared_ptr<Transfer>> left;
        {
            std::lock_guard lock(mutex); // submit() adds nothing once stopping is set and this ran
            left.swap(waiting);
        }
        for (const auto &t : left)
            finish(t, core::makeError(ErrorCode::Cancelled, QStringLiteral("%1: the HTTP client is shutting down").arg(t->request.url.toDisplayString())));
    }
};

HttpClient::HttpClient(Options options, QObject *parent) : QObject(parent), m_engine(std::make_unique<Engine>(std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::fetch(const HttpRequest &request, QObject *context, std::function<void(const HttpResponse &)> done)
{
    m_engine->submit(request, context, std::move(done), false);
}

HttpResponse HttpClient::get(const HttpRequest &request)
{
    return getAll({request}).first();
}

QList<HttpResponse> HttpClient::getAll(const QList<HttpRequest> &requests)
{
    // Handed over from the client's thread through promises (no event loop needed here).
    std::vector<std::future<HttpResponse>> futures;
    futures.reserve(size_t(requests.size()));
    for (const HttpRequest &r : requests) {
        auto promise = std::make_shared<std::promise<HttpResponse>>();
        futures.push_back(promise->get_future());
        m_engine->submit(r, nullptr, [promise](const HttpResponse &response) { promise->set_value(response); }, true);
    }
    QList<HttpResponse> out;
    out.reserve(requests.size());
    for (auto &f : futures)
        out.append(f.get());
    return out;
}

void HttpClient::cancelAll()
{
    m_engine->cancelling = true;
    m_engine->wake();
}

HttpCounters HttpClient::counters() const
{
    const auto &c = m_engine->counts;
    return {c.requests.load(), c.attempts.load(), c.retries.load(), c.r2.load(), c.r3.load(), c.r4.load(), c.r5.load(), c.failures.load(), c.bytes.load()};
}

} // namespace fliptech::net
