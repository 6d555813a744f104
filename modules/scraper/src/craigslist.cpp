#include "fliptech/scraper/craigslist.h"

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

void readStatic(const net::HtmlDocument &page, CraigslistSearchPage &out)
{
    for (const net::HtmlNode &li : page.select(QStringLiteral("li.cl-static-search-result"))) {
        const net::HtmlNode a = li.first(QStringLiteral("a[href]"));
        QString title = li.first(QStringLiteral(".title")).text();
        if (title.isEmpty())
            title = li.attr(QStringLiteral("title"));
        out.listings.append(listing(a.url(), {}, title, li.first(QStringLiteral(".price")).text(), li.first(QStringLiteral(".location")).text(), {}));
    }
}

void readRendered(const net::HtmlDocument &page, CraigslistSearchPage &out)
{
    for (const net::HtmlNode &li : page.select(QStringLiteral("li.cl-search-result"))) {
        net::HtmlNode a = li.first(QStringLiteral("a.posting-title[href]"));
        if (a.isNull())
            a = li.first(QStringLiteral("a[href]"));
        QString title = a.first(QStringLiteral(".label")).text();
        if (title.isEmpty())
            title = li.attr(QStringLiteral("title"));
        // .meta: "12 mins ago<span class=separator>·</span>Peabody": the time first, the place after
        // the last separator (absent when the poster gave none).
        const net::HtmlNode meta = li.first(QStringLiteral(".meta"));
        auto string = [&meta](const QString &xpath) {
            auto s = meta.xpathString(xpath);
            return s ? *s : QString();
        };
        QString posted, location;
        if (!meta.isNull()) {
            posted = string(QStringLiteral("normalize-space(text()[1])"));
            if (!meta.first(QStringLiteral(".separator")).isNull())
                location = string(QStringLiteral("normalize-space(span[contains(concat(' ', @class, ' '), ' separator ')][last()]"
                                                 "/following-sibling::text()[1])"));
        }
        out.listings.append(listing(a.url(), li.attr(QStringLiteral("data-pid")), title, li.first(QStringLiteral(".priceinfo")).text(), location, posted));
    }
}

void readLegacy(const net::HtmlDocument &page, CraigslistSearchPage &out)
{
    for (const net::HtmlNode &li : page.select(QStringLiteral("li.result-row"))) {
        const net::HtmlNode a = li.first(QStringLiteral("a.result-title"));
        net::HtmlNode price = li.first(QStringLiteral(".result-meta .result-price"));
        if (price.isNull())
            price = li.first(QStringLiteral(".result-price"));
        const net::HtmlNode time = li.first(QStringLiteral("time.result-date"));
        CraigslistListing l = listing(a.url(), li.attr(QStringLiteral("data-pid")), a.text(), price.text(),
                                      li.first(QStringLiteral(".result-hood")).text(),
                                      time.hasAttr(QStringLiteral("datetime")) ? time.attr(QStringLiteral("datetime")) : time.text());
        l.repostOf = li.attr(QStringLiteral("data-repost-of"));
        out.listings.append(l);
    }
}

void readRows(const net::HtmlDocument &page, CraigslistSearchPage &out)
{
    static const QRegularExpression money(QStringLiteral("\\$\\s?[0-9][0-9,]*"));
    for (const net::HtmlNode &row : page.select(QStringLiteral("p.row"))) {
        // The posting's link: the first with text that leads to a posting.
        net::HtmlNode a;
        for (const net::HtmlNode &candidate : row.select(QStringLiteral("a[href]"))) {
            if (!candidate.text().isEmpty() && !postIdFromUrl(candidate.url()).isEmpty()) {
                a = candidate;
                break;
            }
        }
        if (a.isNull())
            continue;
        QString price = row.first(QStringLiteral(".price")).text();
        if (price.isEmpty())
            price = row.first(QStringLiteral(".itempp")).text();
        if (price.isEmpty()) // 2012 real estate: "$249000 / 3br - ..." in .itemph
            price = money.match(row.first(QStringLiteral(".itemph")).text()).captured(0);
        QString place = row.first(QStringLiteral(".pnr small")).text();
        if (place.isEmpty())
            place = row.first(QStringLiteral(".itempn")).text();
        out.listings.append(listing(a.url(), row.attr(QStringLiteral("data-pid")), a.text(), price, place,
                                    row.first(QStringLiteral(".itemdate")).text()));
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

CraigslistSearchPage parseCraigslistSearch(const net::HtmlDocument &page)
{
    CraigslistSearchPage out;
    // The rendered list first: a browser-saved page also holds the (empty) static list.
    struct Layout {
        const char *name;
        void (*read)(const net::HtmlDocument &, CraigslistSearchPage &);
    };
    for (const Layout &l : {Layout{"rendered", readRendered}, Layout{"static", readStatic}, Layout{"legacy", readLegacy}, Layout{"row", readRows}}) {
        l.read(page, out);
        if (!out.listings.isEmpty()) {
            out.layout = QString::fromLatin1(l.name);
            break;
        }
    }
    return out;
}

} // namespace fliptech::scraper
