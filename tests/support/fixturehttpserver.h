#pragma once
// FixtureHttpServer: a small HTTP/1.1 server on 127.0.0.1 for tests of clients (scrapers,
// provider APIs). It serves files from a folder and scripted responses, including faults:
// a delay, a dropped connection, a truncated body, a body dribbled slowly. It records every
// request so tests can check what the client sent.

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <future>

namespace fliptech::test {

class FixtureHttpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path; // with query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    enum class Fault { None, DropConnection, TruncateBody, SlowBody };
    struct Response {
        int status = 200;
        QByteArray contentType = "text/html; charset=utf-8";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        Fault fault = Fault::None;
    };
    using Script = std::function<Response(const Request &)>;

    explicit FixtureHttpServer(QObject *parent = nullptr);
    // Listens on 127.0.0.1 (any free port); false on failure.
    bool start();
    QString baseUrl() const; // "http://127.0.0.1:PORT"

    // GET /<relative path> serves files under `dir`.
    void serveDirectory(const QString &dir);
    // Exact path (without query) → fixed response, or a function of the request.
    void addResponse(const QByteArray &path, Response response);
    void addScript(const QByteArray &path, Script script);
    QList<Request> requests() const;
    void clearRequests();

private:
    void handle(class QTcpSocket *socket);
    Response respond(const Request &request);

    QString m_dir;
    QHash<QByteArray, Script> m_scripts;
    mutable QMutex m_mutex;
    QList<Request> m_requests;
};

// A Craigslist search page in the static layout with `count` listings whose post ids run from
// `firstId` (each page of a synthetic scrape different): for tests and benchmarks of scraping.
QByteArray syntheticCraigslistPage(qint64 firstId, int count = 120);

// A business directory's results page, as custom-URL scraping meets them: a navigation menu,
// `perPage` cards (div.card: name linked to /biz/<n>, a phone, an off-site website link, an
// address, a rating), numbered from (page - 1) * perPage + 1, and a "Next" link (rel=next) to
// /dir?page=<page + 1> while page < pages. /biz/<n> pages (syntheticBusinessPage) hold the
// e-mail address biz<n>@plumber<n>.example.
QByteArray syntheticDirectoryPage(int page, int pages, int perPage = 10);
QByteArray syntheticBusinessPage(int n);

// Runs this thread's event loop (a local server living here answers) until `done()` says so,
// asked after each batch of events and at least every `checkEveryMs`. It sleeps between events:
// a loop that polled instead kept a core busy, half of this 2-core machine, and measured the
// benchmarks' own spinning along with the work.
void serveUntil(const std::function<bool()> &done, int checkEveryMs = 10);

// Runs `work` on a thread of its own while this thread's event loop runs (a local server living
// here answers what `work` asks), and returns its result.
template<typename Work>
auto whileServing(Work work) -> decltype(work())
{
    auto future = std::async(std::launch::async, std::move(work));
    serveUntil([&future] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; });
    return future.get();
}

} // namespace fliptech::test
