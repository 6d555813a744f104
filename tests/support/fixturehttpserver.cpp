#include "fixturehttpserver.h"

#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTimer>

namespace fliptech::test {

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray contentTypeFor(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("html") || ext == QLatin1String("htm"))
        return "text/html; charset=utf-8";
    if (ext == QLatin1String("json"))
        return "application/json";
    if (ext == QLatin1String("xml") || ext == QLatin1String("rss"))
        return "application/xml";
    if (ext == QLatin1String("txt") || ext == QLatin1String("eml"))
        return "text/plain; charset=utf-8";
    if (ext == QLatin1String("png"))
        return "image/png";
    if (ext == QLatin1String("jpg") || ext == QLatin1String("jpeg"))
        return "image/jpeg";
    return "application/octet-stream";
}
} // namespace

FixtureHttpServer::FixtureHttpServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = nextPendingConnection()) {
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { handle(s); });
        }
    });
}

bool FixtureHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString FixtureHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

void FixtureHttpServer::serveDirectory(const QString &dir)
{
    m_dir = dir;
}

void FixtureHttpServer::addResponse(const QByteArray &path, Response response)
{
    m_scripts.insert(path, [response](const Request &) { return response; });
}

void FixtureHttpServer::addScript(const QByteArray &path, Script script)
{
    m_scripts.insert(path, std::move(script));
}

QList<FixtureHttpServer::Request> FixtureHttpServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FixtureHttpServer::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

FixtureHttpServer::Response FixtureHttpServer::respond(const Request &request)
{
    const QByteArray path = request.path.left(request.path.indexOf('?') < 0 ? request.path.size() : request.path.indexOf('?'));
    if (auto it = m_scripts.constFind(path); it != m_scripts.constEnd())
        return (*it)(request);
    if (!m_dir.isEmpty() && request.method == "GET") {
        const QString rel = QString::fromUtf8(QByteArray::fromPercentEncoding(path)).mid(1);
        const QString full = QDir(m_dir).absoluteFilePath(rel);
        // Never serve outside the folder.
        if (QFileInfo(full).canonicalFilePath().startsWith(QDir(m_dir).canonicalPath() + u'/')) {
            QFile f(full);
            if (f.open(QIODevice::ReadOnly))
                return Response{200, contentTypeFor(full), f.readAll(), {}, 0, Fault::None};
        }
    }
    return Response{404, "text/plain", "not found", {}, 0, Fault::None};
}

void FixtureHttpServer::handle(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    Request req;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    req.method = first.value(0);
    req.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length").toLongLong();
    if (buffer.size() - headerEnd - 4 < length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    req.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("buffer", QByteArray());
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(req);
    }
    const Response resp = respond(req);
    auto send = [socket, resp] {
        if (resp.fault == Fault::DropConnection) {
            socket->abort();
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(resp.status) + ' ' + reason(resp.status) + "\r\n";
        head += "Content-Type: " + resp.contentType + "\r\nContent-Length: " + QByteArray::number(resp.body.size()) +
                "\r\nConnection: close\r\n";
        for (const auto &h : resp.headers)
            head += h.first + ": " + h.second + "\r\n";
        head += "\r\n";
        socket->write(head);
        if (resp.fault == Fault::TruncateBody) {
            socket->write(resp.body.left(resp.body.size() / 2));
            socket->flush();
            socket->abort();
            return;
        }
        if (resp.fault == Fault::SlowBody) {
            // One chunk every 50 ms.
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qsizetype>(0);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, offset, body = resp.body] {
                socket->write(body.mid(*offset, 64));
                *offset += 64;
                if (*offset >= body.size()) {
                    timer->stop();
                    socket->disconnectFromHost();
                }
            });
            timer->start(50);
            return;
        }
        socket->write(resp.body);
        socket->disconnectFromHost();
    };
    if (resp.delayMs > 0)
        QTimer::singleShot(resp.delayMs, socket, send);
    else
        send();
}

QByteArray syntheticCraigslistPage(qint64 firstId, int count)
{
    QByteArray out;
    out.reserve(400 + count * 330);
    out += "<!DOCTYPE html><html><head><title>craigslist</title></head><body class=\"no-js\"><ol class=\"cl-static-search-results\">\n";
    for (int k = 0; k < count; ++k) {
        const QByteArray n = QByteArray::number(firstId + k);
        out += "<li class=\"cl-static-search-result\" title=\"Listing " + n + "\"><a href=\"https://example.craigslist.org/cps/d/listing-" + n + "/" + n +
               ".html\"><div class=\"title\">Web design and SEO services " + n + "</div><div class=\"details\"><div class=\"price\">$" +
               QByteArray::number(50 + k) + "</div><div class=\"location\">Area " + QByteArray::number(k % 12) + "</div></div></a></li>\n";
    }
    return out + "</ol></body></html>";
}

void serveUntil(const std::function<bool()> &done, int checkEveryMs)
{
    QTimer tick; // wakes the wait below when nothing else does
    tick.start(checkEveryMs);
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

QByteArray syntheticDirectoryPage(int page, int pages, int perPage)
{
    QByteArray out = "<!DOCTYPE html><html><head><title>Austin Plumbers Directory</title></head><body>\n"
                     "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About us</a></li>"
                     "<li><a href=\"/contact\">Contact</a></li></ul></nav>\n<div id=\"results\">\n";
    for (int k = 0; k < perPage; ++k) {
        const int n = (page - 1) * perPage + k + 1;
        const QByteArray id = QByteArray::number(n);
        out += "<div class=\"card" + QByteArray(k == 0 ? " featured" : "") + "\"><h2 class=\"biz-name\"><a href=\"/biz/" + id + "\">Plumber " + id +
               " &amp; Sons</a></h2>\n<span class=\"phone\">(512) 555-" + QByteArray::number(1000 + n) + "</span>\n<a class=\"site\" href=\"http://plumber" + id +
               ".example/\">Website</a>\n<p class=\"addr\">" + id + " Main St, Austin TX</p><span class=\"rating\">Rating: 4." + QByteArray::number(n % 10) +
               " of 5</span></div>\n";
    }
    out += "</div>\n<div class=\"pagination\">";
    if (page < pages)
        out += "<a href=\"/dir?page=" + QByteArray::number(page + 1) + "\" rel=\"next\">Next \xe2\x80\xba</a>";
    return out + "</div>\n<footer><p>Copyright 2026</p></footer></body></html>";
}

QByteArray syntheticBusinessPage(int n)
{
    const QByteArray id = QByteArray::number(n);
    return "<!DOCTYPE html><html><head><title>Plumber " + id + "</title></head><body><h1>Plumber " + id + " &amp; Sons</h1><p class=\"about\">Family plumbers since 19" +
           QByteArray::number(50 + n % 50) + ".</p><p>Write to <a href=\"mailto:biz" + id + "@plumber" + id + ".example?subject=Hi\">us</a></p></body></html>";
}

} // namespace fliptech::test
