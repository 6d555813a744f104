#include "fliptech/scraper/craigslist.h"

#include "fliptech/scraper/contacts.h"

#include <QJsonArray>

#include <QRegularExpression>

namespace fliptech::scraper {

namespace {

QString withoutParentheses(QString s)
{
    s = s.simplified();
    if (s.startsWith(u'(') && s.endsWith(u')'))
        s = s.mid(1, s.size() - 2).trimmed();
    return s;
}

CraigslistListing listing(const QUrl &url, const QString &pid, const QString &title, const QString &price, const QString &location,
                          const QString &posted)
{
    CraigslistListing l;
    l.url = url;
    l.postId = pid.isEmpty() ? postIdFromUrl(url) : pid;
    l.title = title.simplified();
    l.priceText = price.simplified();
    l.priceCents = parsePriceCents(l.priceText);
    l.location = withoutParentheses(location);
    l.posted = posted.simplified();
    return l;
}

// The layouts are read from the light tree (net::LightHtml): a search page is read in bulk,
// and building libxml2's tree of a whole page cost more than everything else (see
// docs/benchmarks.md).
void readStatic(const net::LightHtml &page, CraigslistSearchPage &out)
{
    for (const int li : page.all(page.root(), "li", "cl-static-search-result")) {
        const int a = page.first(li, "a", {}, "href");
        QString title = page.text(page.first(li, {}, "title"));
        if (title.isEmpty())
            title = page.attr(li, "title");
        out.listings.append(listing(page.url(a), {}, title, page.text(page.first(li, {}, "price")), page.text(page.first(li, {}, "location")), {}));
    }
}

void readRendered(const net::LightHtml &page, CraigslistSearchPage &out)
{
    for (const int li : page.all(page.root(), "li", "cl-search-result")) {
        int a = page.first(li, "a", "posting-title", "href");
        if (a == net::LightHtml::none)
            a = page.first(li, "a", {}, "href");
        QString title = page.text(page.first(a, {}, "label"));
        if (title.isEmpty())
            title = page.attr(li, "title");
        // .meta: "12 mins ago<span class=separator>·</span>Peabody": the time is its first text,
        // the place the text after its last separator (absent when the poster gave none).
        const int meta = page.first(li, {}, "meta");
        QString posted, location;
        int lastSeparator = net::LightHtml::none;
        bool firstText = true;
        for (int c = page.firstChild(meta); c != net::LightHtml::none; c = page.nextSibling(c)) {
            if (!page.isElement(c) && firstText) {
                posted = page.text(c);
                firstText = false;
            }
            if (page.isTag(c, "span") && page.hasClass(c, "separator"))
                lastSeparator = c;
        }
        for (int c = page.nextSibling(lastSeparator); c != net::LightHtml::none; c = page.nextSibling(c))
            if (!page.isElement(c)) {
                location = page.text(c);
                break;
            }
        out.listings.append(listing(page.url(a), page.attr(li, "data-pid"), title, page.text(page.first(li, {}, "priceinfo")), location, posted));
    }
}

void readLegacy(const net::LightHtml &page, CraigslistSearchPage &out)
{
    for (const int li : page.all(page.root(), "li", "result-row")) {
        const int a = page.first(li, "a", "result-title");
        int price = page.first(page.first(li, {}, "result-meta"), {}, "result-price");
        if (price == net::LightHtml::none)
            price = page.first(li, {}, "result-price");
        const int time = page.first(li, "time", "result-date");
        CraigslistListing l = listing(page.url(a), page.attr(li, "data-pid"), page.text(a), page.text(price), page.text(page.first(li, {}, "result-hood")),
                                      page.hasAttr(time, "datetime") ? page.attr(time, "datetime") : page.text(time));
        l.repostOf = page.attr(li, "data-repost-of");
        out.listings.append(l);
    }
}

void readRows(const net::LightHtml &page, CraigslistSearchPage &out)
{
    static const QRegularExpression money(QStringLiteral("\\$\\s?[0-9][0-9,]*"));
    for (const int row : page.all(page.root(), "p", "row")) {
        // The posting's link: the first with text that leads to a posting.
        int a = net::LightHtml::none;
        QUrl url;
        for (const int candidate : page.all(row, "a", {}, "href")) {
            url = page.url(candidate);
            if (!page.text(candidate).isEmpty() && !postIdFromUrl(url).isEmpty()) {
                a = candidate;
                break;
            }
        }
        if (a == net::LightHtml::none)
            continue;
        QString price = page.text(page.first(row, {}, "price"));
        if (price.isEmpty())
            price = page.text(page.first(row, {}, "itempp"));
        if (price.isEmpty()) // 2012 real estate: "$249000 / 3br - ..." in .itemph
            price = money.match(page.text(page.first(row, {}, "itemph"))).captured(0);
        QString place = page.text(page.first(page.first(row, {}, "pnr"), "small"));
        if (place.isEmpty())
            place = page.text(page.first(row, {}, "itempn"));
        out.listings.append(listing(url, page.attr(row, "data-pid"), page.text(a), price, place, page.text(page.first(row, {}, "itemdate"))));
    }
}

} // namespace

QJsonObject CraigslistListing::toJson() const
{
    QJsonObject o{{QStringLiteral("post_id"), postId}, {QStringLiteral("url"), url.toString()}, {QStringLiteral("title"), title}};
    if (!repostOf.isEmpty())
        o.insert(QStringLiteral("repost_of"), repostOf);
    if (!priceText.isEmpty())
        o.insert(QStringLiteral("price"), priceText);
    if (priceCents)
        o.insert(QStringLiteral("price_cents"), *priceCents);
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    if (!posted.isEmpty())
        o.insert(QStringLiteral("posted"), posted);
    return o;
}

std::optional<qint64> parsePriceCents(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("([0-9][0-9,]*)(?:\\.([0-9]{1,2}))?"));
    const auto m = number.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QString whole = m.captured(1);
    whole.remove(u',');
    bool ok = false;
    const qint64 units = whole.toLongLong(&ok);
    if (!ok || units > 9'000'000'000'000LL)
        return std::nullopt;
    const QString frac = m.captured(2);
    return units * 100 + (frac.isEmpty() ? 0 : frac.leftJustified(2, u'0').toLongLong());
}

QString postIdFromUrl(const QUrl &url)
{
    static const QRegularExpression numeric(QStringLiteral("/([0-9]{6,})\\.html?$"));
    static const QRegularExpression view(QStringLiteral("/view/d/[^/]+/([A-Za-z0-9_-]+)/?$"));
    const QString path = url.path();
    if (const auto m = numeric.match(path); m.hasMatch())
        return m.captured(1);
    if (const auto m = view.match(path); m.hasMatch())
        return m.captured(1);
    return {};
}

CraigslistSearchPage parseCraigslistSearch(const QByteArray &body, const QByteArray &contentType, const QUrl &url)
{
    return parseCraigslistSearch(net::LightHtml::parse(body, contentType, url));
}

CraigslistSearchPage parseCraigslistSearch(const net::LightHtml &page)
{
    CraigslistSearchPage out;
    // The rendered list first: a browser-saved page also holds the (empty) static list.
    // A layout whose item class is nowhere in the page is not looked for (a walk of the tree each).
    struct Layout {
        const char *name;
        const char *itemClass;
        void (*read)(const net::LightHtml &, CraigslistSearchPage &);
    };
    for (const Layout &l : {Layout{"rendered", "cl-search-result", readRendered}, Layout{"static", "cl-static-search-result", readStatic},
                            Layout{"legacy", "result-row", readLegacy}, Layout{"row", "row", readRows}}) {
        if (!page.source().contains(QByteArrayView(l.itemClass)))
            continue;
        l.read(page, out);
        if (!out.listings.isEmpty()) {
            out.layout = QString::fromLatin1(l.name);
            break;
        }
    }
    return out;
}

QJsonObject CraigslistPosting::toJson() const
{
    QJsonObject o{{QStringLiteral("post_id"), postId}, {QStringLiteral("url"), url.toString()}, {QStringLiteral("title"), title},
                  {QStringLiteral("body"), body}};
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("price", priceText);
    put("location", location);
    put("address", address);
    put("posted", posted);
    put("updated", updated);
    put("reply_email", replyEmail);
    if (priceCents)
        o.insert(QStringLiteral("price_cents"), *priceCents);
    if (latitude && longitude) {
        o.insert(QStringLiteral("latitude"), *latitude);
        o.insert(QStringLiteral("longitude"), *longitude);
    }
    if (!attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), attributes);
    QJsonArray images;
    for (const QUrl &u : this->images)
        images.append(u.toString());
    if (!images.isEmpty())
        o.insert(QStringLiteral("images"), images);
    if (!emails.isEmpty())
        o.insert(QStringLiteral("emails"), QJsonArray::fromStringList(emails));
    if (!phones.isEmpty())
        o.insert(QStringLiteral("phones"), QJsonArray::fromStringList(phones));
    return o;
}

namespace {

// The time of a .postinginfo line that starts with `label` ("posted", "updated"): its
// <time datetime>, else the text after the label (older pages: "Posted: 2013-01-08, 2:09PM EST").
QString postingTime(const net::HtmlDocument &page, const QString &label)
{
    for (const net::HtmlNode &info : page.select(QStringLiteral(".postinginfo, .postingdate"))) {
        const QString text = info.text();
        if (!text.startsWith(label, Qt::CaseInsensitive) && !(label == QLatin1String("posted") && text.startsWith(QLatin1String("Date:"))))
            continue;
        const net::HtmlNode time = info.first(QStringLiteral("time"));
        if (time.hasAttr(QStringLiteral("datetime")))
            return time.attr(QStringLiteral("datetime"));
        QString rest = text.mid(text.indexOf(u':') + 1).trimmed();
        return rest;
    }
    return {};
}

} // namespace

CraigslistPosting parseCraigslistPosting(const net::HtmlDocument &page)
{
    CraigslistPosting p;
    static const QRegularExpression idText(QStringLiteral("post(?:ing)?\\s*id:\\s*([0-9]+)"), QRegularExpression::CaseInsensitiveOption);
    for (const net::HtmlNode &n : page.select(QStringLiteral(".postinginfo, .postingidtext"))) {
        if (const auto m = idText.match(n.text()); m.hasMatch()) {
            p.postId = m.captured(1);
            break;
        }
    }
    // The posting's own address: the canonical link, the QR code's, or the page's.
    QUrl url = page.first(QStringLiteral("link[rel=canonical]")).url();
    if (!url.isValid() || url.isEmpty())
        url = page.first(QStringLiteral(".print-qrcode[data-location]")).url(QStringLiteral("data-location"));
    p.url = url.isValid() && !url.isEmpty() ? url : page.url();
    if (p.postId.isEmpty())
        p.postId = postIdFromUrl(p.url);

    const net::HtmlNode titleText = page.first(QStringLiteral("#titletextonly"));
    if (!titleText.isNull()) {
        p.title = titleText.text();
        const net::HtmlNode heading = page.first(QStringLiteral(".postingtitletext"));
        p.priceText = heading.first(QStringLiteral(".price")).text();
        for (const net::HtmlNode &part : heading.children()) {
            const QString t = part.text();
            if (t.startsWith(u'(') && t.endsWith(u')'))
                p.location = withoutParentheses(t);
        }
    } else {
        // 2012-2013: "<h2>$300 / 4br - ... - TITLE (Place)</h2>" or h2.postingtitle "TITLE - $20 (Place)".
        QString heading = page.first(QStringLiteral("h2.postingtitle")).text();
        if (heading.isEmpty())
            heading = page.first(QStringLiteral("h2")).text();
        p.title = heading;
        static const QRegularExpression money(QStringLiteral("\\$\\s?[0-9][0-9,]*"));
        static const QRegularExpression place(QStringLiteral("\\(([^()]+)\\)\\s*$"));
        p.priceText = money.match(heading).captured(0);
        p.location = place.match(heading).captured(1).trimmed();
    }
    p.priceCents = parsePriceCents(p.priceText);
    p.address = page.first(QStringLiteral("h2.street-address")).text();
    if (p.address.isEmpty())
        p.address = page.first(QStringLiteral("div.mapaddress")).text();
    p.posted = postingTime(page, QStringLiteral("posted"));
    p.updated = postingTime(page, QStringLiteral("updated"));

    net::HtmlNode body = page.first(QStringLiteral("#postingbody"));
    if (body.isNull())
        body = page.first(QStringLiteral("#userbody, .userbody"));
    p.body = body.readableText(QStringLiteral(".print-information, .print-qrcode-container, script, .iw, figure, #attributes"));

    QJsonArray tags;
    // "condition: <b>like new</b>" is a named attribute; "delivery available" or "2BR / 1Ba" a
    // tag; a link ("more ads by this user") and an empty value are not the posting's.
    for (const net::HtmlNode &span : page.select(QStringLiteral("p.attrgroup > span"))) {
        const QString t = span.text();
        if (t.isEmpty() || !span.first(QStringLiteral("a")).isNull())
            continue;
        const qsizetype colon = t.indexOf(u':');
        if (colon > 0 && !span.first(QStringLiteral("b")).isNull()) {
            if (const QString value = t.mid(colon + 1).trimmed(); !value.isEmpty())
                p.attributes.insert(t.left(colon).trimmed(), value);
        } else {
            tags.append(t);
        }
    }
    if (!tags.isEmpty())
        p.attributes.insert(QStringLiteral("tags"), tags);

    const net::HtmlNode map = page.first(QStringLiteral("#map[data-latitude]"));
    bool latOk = false, lonOk = false;
    const double lat = map.attr(QStringLiteral("data-latitude")).toDouble(&latOk);
    const double lon = map.attr(QStringLiteral("data-longitude")).toDouble(&lonOk);
    if (latOk && lonOk && (lat != 0 || lon != 0) && qAbs(lat) <= 90 && qAbs(lon) <= 180) {
        p.latitude = lat;
        p.longitude = lon;
    }

    // Full-size images (each thumbnail links to one; the 50x50 thumbnails themselves are not kept).
    static const QRegularExpression thumbnail(QStringLiteral("_50x50c?\\.jpg$"));
    for (const net::HtmlNode &a : page.select(QStringLiteral("#thumbs a[href]")))
        if (const QUrl u = a.url(); u.isValid() && !thumbnail.match(u.path()).hasMatch() && !p.images.contains(u))
            p.images << u;
    if (p.images.isEmpty()) {
        // Older pages list them in a script: imgList = ["http://images.craigslist.org/...jpg", ...].
        static const QRegularExpression imageUrl(QStringLiteral("\"(https?://images\\.craigslist\\.org/[^\"]+)\""));
        for (const net::HtmlNode &script : page.select(QStringLiteral("script"))) {
            const QString code = script.rawText();
            if (!code.contains(QLatin1String("imgList")))
                continue;
            for (auto it = imageUrl.globalMatch(code); it.hasNext();)
                if (const QUrl u(it.next().captured(1)); !thumbnail.match(u.path()).hasMatch() && !p.images.contains(u))
                    p.images << u;
        }
        if (p.images.isEmpty())
            if (const QUrl u = page.first(QStringLiteral("figure img[src]")).url(QStringLiteral("src")); u.isValid() && !u.isEmpty())
                p.images << u;
    }

    p.emails = findEmails(p.body);
    p.phones = findPhones(p.body);
    const QString mailto = page.first(QStringLiteral("a[href^='mailto:']")).attr(QStringLiteral("href"));
    if (!mailto.isEmpty())
        p.replyEmail = QUrl(mailto).path().trimmed().toLower();
    return p;
}

} // namespace fliptech::scraper
