// Open pixel, click redirect and unsubscribe (issue 11): public (a recipient's mail client has no
// account), limited per address, answering pages and images rather than JSON. A token that is
// not ours never redirects anywhere and records nothing.
#include "fliptech/api/controllers.h"
#include "fliptech/campaigns/tracking.h"
#include "fliptech/engine/engine.h"

namespace fliptech::api {

using M = QHttpServerRequest::Method;

namespace {

QHttpServerResponse page(const QString &title, const QString &body, QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                                        "<title>%1</title><style>body{font-family:sans-serif;max-width:32em;margin:4em auto;padding:0 1em;color:#222}"
                                        "button{font-size:1em;padding:.6em 1.2em}</style></head><body><h1>%1</h1>%2</body></html>")
                             .arg(title.toHtmlEscaped(), body);
    QHttpServerResponse r(QByteArrayLiteral("text/html; charset=utf-8"), html.toUtf8(), status);
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

} // namespace

void registerTrackingRoutes(RouteTable &table, engine::Engine &engine)
{
    auto &tracking = engine.tracking();
    const QString tag = QStringLiteral("tracking");
    table.add({M::Get, QStringLiteral("/t/o/{token}"), std::nullopt, tag,
               QStringLiteral("Open pixel (public): a 1x1 GIF; the recipient's first open recorded when the token is ours"), {}, {}, 200,
               [&tracking](RequestContext &c) {
                   QString token = c.params.value(QStringLiteral("token"));
                   if (token.endsWith(QLatin1String(".gif")))
                       token.chop(4);
                   tracking.recordOpen(token);
                   static const QByteArray gif("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00"
                                               "\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b",
                                               43);
                   QHttpServerResponse r(QByteArrayLiteral("image/gif"), gif);
                   r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store, max-age=0"));
                   return r;
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/t/c/{token}"), std::nullopt, tag,
               QStringLiteral("Click (public): 302 to the address the token was signed with; a token that is not ours goes nowhere (404 page)"), {}, {}, 302,
               [&tracking](RequestContext &c) {
                   auto to = tracking.recordClick(c.params.value(QStringLiteral("token")));
                   if (!to)
                       return page(QStringLiteral("This link does not work"),
                                   QStringLiteral("<p>It was cut or changed on its way to you. Ask the sender for the address.</p>"),
                                   QHttpServerResponse::StatusCode::NotFound);
                   QHttpServerResponse r(QHttpServerResponse::StatusCode::Found);
                   r.setHeader(QByteArrayLiteral("Location"), to->toEncoded());
                   r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
                   return r;
               },
               {}, {}, {}});
    table.add({M::Get, QStringLiteral("/u/{token}"), std::nullopt, tag,
               QStringLiteral("Unsubscribe page (public): which address, and a button that unsubscribes it"), {}, {}, 200,
               [&tracking](RequestContext &c) {
                   auto info = tracking.unsubscribeInfo(c.params.value(QStringLiteral("token")));
                   if (!info)
                       return page(QStringLiteral("This link does not work"), QStringLiteral("<p>%1</p>").arg(info.error().message.toHtmlEscaped()),
                                   QHttpServerResponse::StatusCode::NotFound);
                   const QString email = info->value(QStringLiteral("email")).toString().toHtmlEscaped();
                   if (info->value(QStringLiteral("unsubscribed")).toBool())
                       return page(QStringLiteral("You are unsubscribed"), QStringLiteral("<p>%1 gets no more messages from us.</p>").arg(email));
                   return page(QStringLiteral("Unsubscribe"),
                               QStringLiteral("<p>Stop the messages to <b>%1</b>?</p><form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>")
                                   .arg(email));
               },
               {}, {}, {}});
    table.add({M::Post, QStringLiteral("/u/{token}"), std::nullopt, tag,
               QStringLiteral("Unsubscribe (public; RFC 8058 one-click and the page's button): the address is suppressed at once"), {}, {}, 200,
               [&tracking](RequestContext &c) {
                   auto done = tracking.unsubscribe(c.params.value(QStringLiteral("token")));
                   if (!done)
                       return page(QStringLiteral("This link does not work"), QStringLiteral("<p>%1</p>").arg(done.error().message.toHtmlEscaped()),
                                   done.error().code == core::ErrorCode::NotFound ? QHttpServerResponse::StatusCode::NotFound
                                                                                 : QHttpServerResponse::StatusCode::InternalServerError);
                   return page(QStringLiteral("You are unsubscribed"),
                               QStringLiteral("<p>%1 gets no more messages from us.</p>").arg(done->value(QStringLiteral("email")).toString().toHtmlEscaped()));
               },
               {}, {}, {}});
    for (const auto &[method, path] : {std::pair{M::Get, QStringLiteral("/t/o/{token}")}, std::pair{M::Get, QStringLiteral("/t/c/{token}")},
                                       std::pair{M::Get, QStringLiteral("/u/{token}")}, std::pair{M::Post, QStringLiteral("/u/{token}")}})
        table.setPerAddressLimit(method, path, 600);
}

} // namespace fliptech::api
