#include "fliptech/scraper/recipe.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/net/cssselector.h"
#include "fliptech/scraper/contacts.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace fliptech::scraper {

using core::ErrorCode;
using net::HtmlDocument;
using net::HtmlNode;

namespace {

constexpr int kMaxItemsPerPage = 5000;
constexpr int kMaxTextLength = 20000;
constexpr int kMaxRegexLength = 500;

core::Error invalid(const QString &path, const QString &problem)
{
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("recipe %1: %2").arg(path, problem), {{path, problem}});
}

const QStringList &typeNames()
{
    static const QStringList names{QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("url"),
                                   QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("date")};
    return names;
}

bool isIdentifier(const QString &s, bool attribute)
{
    static const QRegularExpression field(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    static const QRegularExpression attr(QStringLiteral("^[A-Za-z_:][-A-Za-z0-9_:.]{0,99}$"));
    return (attribute ? attr : field).match(s).hasMatch();
}

// Only the keys a part may have: a misspelt key is a mistake to report, not to ignore.
core::Status onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            return invalid(path.isEmpty() ? it.key() : path + u'.' + it.key(),
                           QStringLiteral("is not a recipe key (expected one of: %1)").arg(allowed.join(QStringLiteral(", "))));
    return {};
}

core::Result<RecipeSelector> selectorFrom(const QString &css, const QString &xpath, const QString &path)
{
    RecipeSelector s;
    if (!css.isEmpty() && !xpath.isEmpty())
        return invalid(path, QStringLiteral("give css or xpath, not both"));
    if (css.size() > 1000 || xpath.size() > 1000)
        return invalid(path, QStringLiteral("is longer than 1,000 characters"));
    if (!css.isEmpty()) {
        auto x = net::cssToXPath(css);
        if (!x)
            return invalid(path + QStringLiteral(".css"), x.error().message);
        s.css = css;
        s.xpath = *x;
    } else if (!xpath.isEmpty()) {
        if (auto ok = net::checkXPath(xpath); !ok)
            return invalid(path + QStringLiteral(".xpath"), QStringLiteral("is not a valid XPath 1.0 expression"));
        s.xpath = xpath;
    }
    return s;
}

// A selector written as "css" or {"css": ...} / {"xpath": ...}.
core::Result<RecipeSelector> selectorOf(const QJsonValue &v, const QString &path)
{
    if (v.isString())
        return selectorFrom(v.toString().trimmed(), {}, path);
    if (!v.isObject())
        return invalid(path, QStringLiteral("must be a CSS selector, or {\"css\": ...} or {\"xpath\": ...}"));
    const QJsonObject o = v.toObject();
    if (auto ok = onlyKeys(o, path, {QStringLiteral("css"), QStringLiteral("xpath")}); !ok)
        return ok.error();
    for (const char *key : {"css", "xpath"})
        if (o.contains(QLatin1String(key)) && !o.value(QLatin1String(key)).isString())
            return invalid(path + u'.' + QLatin1String(key), QStringLiteral("must be a string"));
    auto s = selectorFrom(o.value(QStringLiteral("css")).toString().trimmed(), o.value(QStringLiteral("xpath")).toString().trimmed(), path);
    if (s && s->isNull())
        return invalid(path, QStringLiteral("needs css or xpath"));
    return s;
}

core::Result<QList<RecipeField>> fieldsOf(const QJsonValue &v, const QString &path, bool requireOne)
{
    if (!v.isArray())
        return invalid(path, QStringLiteral("must be a list of fields ({\"name\": ..., \"css\": ...})"));
    const QJsonArray a = v.toArray();
    if (requireOne && a.isEmpty())
        return invalid(path, QStringLiteral("must list at least one field"));
    if (a.size() > Recipe::maxFields)
        return invalid(path, QStringLiteral("must list at most %1 fields").arg(Recipe::maxFields));
    QList<RecipeField> out;
    QSet<QString> names;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!a.at(i).isObject())
            return invalid(at, QStringLiteral("must be an object ({\"name\": ..., \"css\": ...})"));
        const QJsonObject o = a.at(i).toObject();
        if (auto ok = onlyKeys(o, at,
                               {QStringLiteral("name"), QStringLiteral("css"), QStringLiteral("xpath"), QStringLiteral("attr"), QStringLiteral("regex"),
                                QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("multiple")});
            !ok)
            return ok.error();
        for (const char *key : {"name", "css", "xpath", "attr", "regex", "type"})
            if (o.contains(QLatin1String(key)) && !o.value(QLatin1String(key)).isString())
                return invalid(at + u'.' + QLatin1String(key), QStringLiteral("must be a string"));
        for (const char *key : {"required", "multiple"})
            if (o.contains(QLatin1String(key)) && !o.value(QLatin1String(key)).isBool())
                return invalid(at + u'.' + QLatin1String(key), QStringLiteral("must be true or false"));
        RecipeField f;
        f.name = o.value(QStringLiteral("name")).toString();
        if (!isIdentifier(f.name, false))
            return invalid(at + QStringLiteral(".name"), QStringLiteral("must be 1-64 letters, digits or _ (not starting with a digit)"));
        if (names.contains(f.name))
            return invalid(at + QStringLiteral(".name"), QStringLiteral("\"%1\" is used twice").arg(f.name));
        names.insert(f.name);
        auto sel = selectorFrom(o.value(QStringLiteral("css")).toString().trimmed(), o.value(QStringLiteral("xpath")).toString().trimmed(), at);
        if (!sel)
            return sel.error();
        f.selector = *sel;
        f.attr = o.value(QStringLiteral("attr")).toString().trimmed();
        if (!f.attr.isEmpty() && f.attr != QLatin1String("text") && !isIdentifier(f.attr, true))
            return invalid(at + QStringLiteral(".attr"), QStringLiteral("must be \"text\", \"html\", \"own_text\" or an attribute's name"));
        if (f.attr == QLatin1String("text"))
            f.attr.clear();
        const QString regex = o.value(QStringLiteral("regex")).toString();
        if (regex.size() > kMaxRegexLength)
            return invalid(at + QStringLiteral(".regex"), QStringLiteral("is longer than %1 characters").arg(kMaxRegexLength));
        if (!regex.isEmpty()) {
            f.regex = QRegularExpression(regex);
            if (!f.regex.isValid())
                return invalid(at + QStringLiteral(".regex"),
                               QStringLiteral("%1 at offset %2").arg(f.regex.errorString()).arg(f.regex.patternErrorOffset()));
        }
        const QString type = o.value(QStringLiteral("type")).toString(QStringLiteral("text"));
        const qsizetype t = typeNames().indexOf(type);
        if (t < 0)
            return invalid(at + QStringLiteral(".type"), QStringLiteral("must be one of: %1").arg(typeNames().join(QStringLiteral(", "))));
        f.type = RecipeField::Type(t);
        f.required = o.value(QStringLiteral("required")).toBool();
        f.multiple = o.value(QStringLiteral("multiple")).toBool();
        out << f;
    }
    return out;
}

QJsonArray fieldsToJson(const QList<RecipeField> &fields)
{
    QJsonArray a;
    for (const auto &f : fields)
        a.append(f.toJson());
    return a;
}

// --- extraction ---------------------------------------------------------------------------

QString valueOf(const HtmlNode &n, const QString &attr)
{
    if (attr.isEmpty())
        return n.text();
    if (attr == QLatin1String("own_text"))
        return n.ownText();
    if (attr == QLatin1String("html"))
        return n.outerHtml();
    return n.attr(attr);
}

QJsonValue converted(QString raw, RecipeField::Type type, const QUrl &base)
{
    raw = raw.left(kMaxTextLength);
    switch (type) {
    case RecipeField::Type::Text: {
        const QString t = raw.simplified();
        return t.isEmpty() ? QJsonValue() : QJsonValue(t);
    }
    case RecipeField::Type::Number: {
        static const QRegularExpression number(QStringLiteral("[-+]?\\d[\\d,]*(?:\\.\\d+)?"));
        const auto m = number.match(raw);
        if (!m.hasMatch())
            return {};
        bool ok = false;
        const double d = m.captured(0).remove(u',').toDouble(&ok);
        return ok && std::isfinite(d) ? QJsonValue(d) : QJsonValue();
    }
    case RecipeField::Type::Url: {
        const QUrl u = base.resolved(QUrl(raw.trimmed()));
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
            return {};
        return u.toString(QUrl::FullyEncoded);
    }
    case RecipeField::Type::Email: {
        QString t = raw.trimmed();
        if (t.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            t = QUrl::fromPercentEncoding(t.mid(7).section(u'?', 0, 0).toUtf8());
        const QStringList found = findEmails(t);
        return found.isEmpty() ? QJsonValue() : QJsonValue(found.first());
    }
    case RecipeField::Type::Phone: {
        QString t = raw.trimmed();
        if (t.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
            t = QUrl::fromPercentEncoding(t.mid(4).toUtf8());
        if (const QStringList found = findPhones(t); !found.isEmpty())
            return found.first();
        // Beyond North America: as written, when it has a phone number's digits.
        qsizetype digits = 0;
        for (QChar c : std::as_const(t))
            digits += c.isDigit() ? 1 : 0;
        const QString simplified = t.simplified();
        return digits >= 7 && digits <= 15 && simplified.size() <= 50 ? QJsonValue(simplified) : QJsonValue();
    }
    case RecipeField::Type::Date: {
        const QString t = raw.simplified();
        if (const QDateTime dt = QDateTime::fromString(t, Qt::ISODate); dt.isValid())
            return dt.toString(Qt::ISODate);
        const QLocale c = QLocale::c();
        for (const char *format : {"yyyy-MM-dd", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "M/d/yyyy", "MM/dd/yyyy"})
            if (const QDate d = c.toDate(t, QLatin1String(format)); d.isValid())
                return d.toString(Qt::ISODate);
        return {};
    }
    }
    return {};
}

// The nodes a field's selector reaches from `context` (or a string an XPath expression gives).
QStringList rawValues(const HtmlNode &context, const RecipeField &f)
{
    QStringList out;
    if (f.selector.isNull()) {
        out << valueOf(context, f.attr);
        return out;
    }
    auto nodes = context.xpath(f.selector.xpath);
    if (!nodes) {
        // An XPath expression of another type ("string(@href)", "count(li)") gives its value.
        if (f.selector.css.isEmpty())
            if (auto s = context.xpathString(f.selector.xpath); s)
                out << *s;
        return out;
    }
    for (const HtmlNode &n : std::as_const(*nodes)) {
        out << valueOf(n, f.attr);
        if (!f.multiple)
            break;
    }
    return out;
}

QJsonValue readField(const HtmlNode &context, const RecipeField &f, const QUrl &base)
{
    QJsonArray values;
    for (QString raw : rawValues(context, f)) {
        if (!f.regex.pattern().isEmpty()) {
            const auto m = f.regex.match(raw.left(kMaxTextLength));
            if (!m.hasMatch())
                continue;
            raw = m.lastCapturedIndex() >= 1 ? m.captured(1) : m.captured(0);
        }
        const QJsonValue v = converted(raw, f.type, base);
        if (v.isNull() || v.isUndefined())
            continue;
        if (!f.multiple)
            return v;
        values.append(v);
    }
    if (f.multiple && !values.isEmpty())
        return values;
    return {};
}

QUrl baseOf(const HtmlDocument &page)
{
    return page.baseUrl().isValid() ? page.baseUrl() : page.url();
}

} // namespace

QJsonObject RecipeSelector::toJson() const
{
    return css.isEmpty() ? QJsonObject{{QStringLiteral("xpath"), xpath}} : QJsonObject{{QStringLiteral("css"), css}};
}

QJsonObject RecipeField::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (!selector.isNull()) {
        if (selector.css.isEmpty())
            o.insert(QStringLiteral("xpath"), selector.xpath);
        else
            o.insert(QStringLiteral("css"), selector.css);
    }
    if (!attr.isEmpty())
        o.insert(QStringLiteral("attr"), attr);
    if (!regex.pattern().isEmpty())
        o.insert(QStringLiteral("regex"), regex.pattern());
    if (type != Type::Text)
        o.insert(QStringLiteral("type"), typeNames().at(int(type)));
    if (required)
        o.insert(QStringLiteral("required"), true);
    if (multiple)
        o.insert(QStringLiteral("multiple"), true);
    return o;
}

core::Result<Recipe> Recipe::fromJson(const QByteArray &json, bool requireStart)
{
    auto o = core::json::parseObject(json);
    if (!o)
        return o.error();
    return fromJson(*o, requireStart);
}

core::Result<Recipe> Recipe::fromJson(const QJsonObject &json, bool requireStart)
{
    if (auto ok = onlyKeys(json, {},
                           {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("start_urls"), QStringLiteral("item"),
                            QStringLiteral("fields"), QStringLiteral("next_page"), QStringLiteral("max_pages"), QStringLiteral("detail"),
                            QStringLiteral("obey_robots")});
        !ok)
        return ok.error();
    Recipe r;
    const QJsonValue name = json.value(QStringLiteral("name"));
    if (!name.isUndefined() && !name.isNull() && !name.isString())
        return invalid(QStringLiteral("name"), QStringLiteral("must be a string"));
    r.name = name.toString().simplified();
    if (r.name.size() > 200)
        return invalid(QStringLiteral("name"), QStringLiteral("is longer than 200 characters"));
    const QJsonValue starts = json.value(QStringLiteral("start_urls"));
    if (!starts.isUndefined() && !starts.isArray())
        return invalid(QStringLiteral("start_urls"), QStringLiteral("must be a list of http(s) addresses"));
    const QJsonArray startList = starts.toArray();
    if ((requireStart && startList.isEmpty()) || startList.size() > maxStartUrls)
        return invalid(QStringLiteral("start_urls"), QStringLiteral("must list 1 to %1 http(s) addresses").arg(maxStartUrls));
    for (qsizetype i = 0; i < startList.size(); ++i) {
        const QUrl u(startList.at(i).toString().trimmed(), QUrl::StrictMode);
        if (!startList.at(i).isString() || !u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
            u.host().isEmpty())
            return invalid(QStringLiteral("start_urls[%1]").arg(i), QStringLiteral("must be an http(s) address, e.g. https://example.com/list"));
        r.startUrls << u;
    }
    if (!json.contains(QStringLiteral("item")))
        return invalid(QStringLiteral("item"), QStringLiteral("is required: the selector of one item (a result, a card, a row)"));
    auto item = selectorOf(json.value(QStringLiteral("item")), QStringLiteral("item"));
    if (!item)
        return item.error();
    r.item = *item;
    auto fields = fieldsOf(json.value(QStringLiteral("fields")), QStringLiteral("fields"), true);
    if (!fields)
        return fields.error();
    r.fields = *fields;
    if (const QJsonValue next = json.value(QStringLiteral("next_page")); !next.isUndefined() && !next.isNull()) {
        auto s = selectorOf(next, QStringLiteral("next_page"));
        if (!s)
            return s.error();
        r.nextPage = *s;
    }
    const QJsonValue maxPages = json.value(QStringLiteral("max_pages"));
    if (!maxPages.isUndefined()) {
        if (!maxPages.isDouble() || maxPages.toDouble() != double(maxPages.toInt()) || maxPages.toInt() < 1 || maxPages.toInt() > maxPagesLimit)
            return invalid(QStringLiteral("max_pages"), QStringLiteral("must be a whole number from 1 to %1").arg(maxPagesLimit));
        r.maxPages = maxPages.toInt();
    }
    if (const QJsonValue detail = json.value(QStringLiteral("detail")); !detail.isUndefined() && !detail.isNull()) {
        if (!detail.isObject())
            return invalid(QStringLiteral("detail"), QStringLiteral("must be {\"url_field\": ..., \"fields\": [...]}"));
        const QJsonObject d = detail.toObject();
        if (auto ok = onlyKeys(d, QStringLiteral("detail"), {QStringLiteral("url_field"), QStringLiteral("fields")}); !ok)
            return ok.error();
        r.detailUrlField = d.value(QStringLiteral("url_field")).toString();
        const bool known = std::any_of(r.fields.cbegin(), r.fields.cend(), [&](const RecipeField &f) { return f.name == r.detailUrlField; });
        if (!known)
            return invalid(QStringLiteral("detail.url_field"), QStringLiteral("must name one of the item's fields (the link to its own page)"));
        auto detailFields = fieldsOf(d.value(QStringLiteral("fields")), QStringLiteral("detail.fields"), true);
        if (!detailFields)
            return detailFields.error();
        r.detailFields = *detailFields;
    }
    const QJsonValue robots = json.value(QStringLiteral("obey_robots"));
    if (!robots.isUndefined() && !robots.isBool())
        return invalid(QStringLiteral("obey_robots"), QStringLiteral("must be true or false"));
    r.obeyRobots = robots.toBool(true);
    return r;
}

QJsonObject Recipe::toJson() const
{
    QJsonArray starts;
    for (const QUrl &u : startUrls)
        starts.append(u.toString());
    QJsonObject o{{QStringLiteral("name"), name},           {QStringLiteral("start_urls"), starts},
                  {QStringLiteral("item"), item.toJson()}, {QStringLiteral("fields"), fieldsToJson(fields)},
                  {QStringLiteral("max_pages"), maxPages}, {QStringLiteral("obey_robots"), obeyRobots}};
    if (!nextPage.isNull())
        o.insert(QStringLiteral("next_page"), nextPage.toJson());
    if (!detailUrlField.isEmpty())
        o.insert(QStringLiteral("detail"), QJsonObject{{QStringLiteral("url_field"), detailUrlField}, {QStringLiteral("fields"), fieldsToJson(detailFields)}});
    return o;
}

ExtractedPage extractPage(const HtmlDocument &page, const Recipe &recipe)
{
    ExtractedPage out;
    if (page.isNull())
        return out;
    const QUrl base = baseOf(page);
    const HtmlNode root = page.root();
    auto items = root.xpath(recipe.item.xpath);
    if (items) {
        for (qsizetype i = 0; i < qMin<qsizetype>(items->size(), kMaxItemsPerPage); ++i) {
            QJsonObject row;
            bool missing = false;
            for (const RecipeField &f : recipe.fields) {
                const QJsonValue v = readField(items->at(i), f, base);
                if (v.isUndefined() || v.isNull()) {
                    missing = missing || f.required;
                    continue;
                }
                row.insert(f.name, v);
            }
            if (missing || row.isEmpty()) {
                ++out.skipped;
                continue;
            }
            out.rows << row;
        }
    }
    if (!recipe.nextPage.isNull()) {
        RecipeField next;
        next.selector = recipe.nextPage;
        next.attr = QStringLiteral("href");
        next.type = RecipeField::Type::Url;
        const QJsonValue v = readField(root, next, base);
        const QUrl u(v.toString());
        if (u.isValid() && !u.isEmpty() && u.adjusted(QUrl::RemoveFragment) != page.url().adjusted(QUrl::RemoveFragment))
            out.nextUrl = u;
    }
    return out;
}

void extractDetail(const HtmlDocument &page, const Recipe &recipe, QJsonObject *row)
{
    if (page.isNull())
        return;
    const QUrl base = baseOf(page);
    const HtmlNode root = page.root();
    for (const RecipeField &f : recipe.detailFields) {
        const QJsonValue v = readField(root, f, base);
        if (!v.isUndefined() && !v.isNull())
            row->insert(f.name, v);
    }
}

QJsonObject leadFromRow(const QJsonObject &row, const QUrl &pageUrl, const QString &recipeName)
{
    static const QStringList leadNames{QStringLiteral("name"),    QStringLiteral("first_name"), QStringLiteral("last_name"),
                                       QStringLiteral("company"), QStringLiteral("title"),      QStringLiteral("email"),
                                       QStringLiteral("phone"),   QStringLiteral("website"),    QStringLiteral("address"),
                                       QStringLiteral("city"),    QStringLiteral("region"),     QStringLiteral("postal_code"),
                                       QStringLiteral("country"), QStringLiteral("description"), QStringLiteral("category")};
    QJsonObject lead;
    QJsonObject extra;
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (!leadNames.contains(it.key())) {
            extra.insert(it.key(), it.value());
            continue;
        }
        QJsonValue v = it.value();
        if (v.isArray())
            v = v.toArray().first();
        QString text = v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString();
        if (const leads::LeadField *f = leads::leadField(it.key()); f && f->maxLength > 0)
            text = text.left(f->maxLength);
        if (!text.isEmpty())
            lead.insert(it.key(), text);
    }
    if (!lead.contains(QStringLiteral("name"))) {
        // A lead is named by its business, else its person, else its first text.
        QString name = lead.value(QStringLiteral("company")).toString();
        if (name.isEmpty())
            name = QStringList{lead.value(QStringLiteral("first_name")).toString(), lead.value(QStringLiteral("last_name")).toString()}
                       .join(u' ')
                       .trimmed();
        for (auto it = extra.begin(); name.isEmpty() && it != extra.end(); ++it)
            if (it.value().isString() && !it.value().toString().startsWith(QLatin1String("http")))
                name = it.value().toString().left(300);
        if (!name.isEmpty())
            lead.insert(QStringLiteral("name"), name);
    }
    QString itemUrl = row.value(QStringLiteral("url")).toString();
    QString sourceId = itemUrl;
    if (sourceId.isEmpty() && (row.value(QStringLiteral("id")).isString() || row.value(QStringLiteral("id")).isDouble()))
        sourceId = pageUrl.host() + u'#' + row.value(QStringLiteral("id")).toVariant().toString();
    if (sourceId.isEmpty() || sourceId.size() > 200)
        sourceId = QString::fromLatin1(QCryptographicHash::hash(sourceId.isEmpty() ? core::json::compact(row) : sourceId.toUtf8(),
                                                                QCryptographicHash::Sha1)
                                           .toHex());
    lead.insert(QStringLiteral("source"), QStringLiteral("custom_url"));
    lead.insert(QStringLiteral("source_id"), sourceId);
    lead.insert(QStringLiteral("source_url"), (itemUrl.isEmpty() ? pageUrl.toString() : itemUrl).left(2000));
    QJsonObject metadata{{QStringLiteral("page"), pageUrl.toString()}, {QStringLiteral("fields"), extra}};
    if (!recipeName.isEmpty())
        metadata.insert(QStringLiteral("recipe"), recipeName);
    lead.insert(QStringLiteral("lead_source_metadata"), metadata);
    return lead;
}

namespace {

QString compactJson(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(core::json::compact(v.toObject()));
    if (v.isArray())
        return QString::fromUtf8(core::json::compact(v.toArray()));
    // A scalar: written as the one element of an array, unwrapped.
    const QString a = QString::fromUtf8(core::json::compact(QJsonArray{v}));
    return a.mid(1, a.size() - 2);
}

// An object on one line, its keys in `order` first.
QString orderedObject(const QJsonObject &o, const QStringList &order)
{
    QStringList parts;
    auto add = [&](const QString &key) { parts << compactJson(key) + QStringLiteral(": ") + compactJson(o.value(key)); };
    for (const QString &k : order)
        if (o.contains(k))
            add(k);
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!order.contains(it.key()))
            add(it.key());
    return u'{' + parts.join(QStringLiteral(", ")) + u'}';
}

QString fieldLines(const QJsonArray &fields, const QString &indent)
{
    static const QStringList order{QStringLiteral("name"), QStringLiteral("css"), QStringLiteral("xpath"), QStringLiteral("attr"),
                                   QStringLiteral("regex"), QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("multiple")};
    QStringList lines;
    for (const auto &f : fields)
        lines << indent + (f.isObject() ? orderedObject(f.toObject(), order) : compactJson(f));
    return QStringLiteral("[\n") + lines.join(QStringLiteral(",\n")) + u'\n' + indent.left(indent.size() - 2) + u']';
}

} // namespace

QString formatRecipe(const QJsonObject &recipe)
{
    static const QStringList order{QStringLiteral("name"),      QStringLiteral("description"), QStringLiteral("start_urls"), QStringLiteral("item"),
                                   QStringLiteral("fields"),    QStringLiteral("next_page"),   QStringLiteral("max_pages"),  QStringLiteral("detail"),
                                   QStringLiteral("obey_robots")};
    QStringList lines;
    auto line = [&](const QString &key) {
        const QJsonValue v = recipe.value(key);
        QString text;
        if (key == QLatin1String("fields") && v.isArray())
            text = fieldLines(v.toArray(), QStringLiteral("    "));
        else if (key == QLatin1String("detail") && v.isObject() && v.toObject().value(QStringLiteral("fields")).isArray())
            text = QStringLiteral("{\"url_field\": %1,\n    \"fields\": %2}")
                       .arg(compactJson(v.toObject().value(QStringLiteral("url_field"))),
                            fieldLines(v.toObject().value(QStringLiteral("fields")).toArray(), QStringLiteral("      ")));
        else
            text = compactJson(v);
        lines << QStringLiteral("  ") + compactJson(key) + QStringLiteral(": ") + text;
    };
    for (const QString &k : order)
        if (recipe.contains(k))
            line(k);
    for (auto it = recipe.begin(); it != recipe.end(); ++it)
        if (!order.contains(it.key()))
            line(it.key());
    return QStringLiteral("{\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n}\n");
}

// --- proposing a recipe -------------------------------------------------------------------

namespace {

bool isCssIdent(const QString &s)
{
    static const QRegularExpression ident(QStringLiteral("^-?[A-Za-z_][A-Za-z0-9_-]*$"));
    return !s.isEmpty() && s.size() <= 100 && ident.match(s).hasMatch();
}

QString firstClass(const HtmlNode &n)
{
    const QStringList classes = n.attr(QStringLiteral("class")).split(u' ', Qt::SkipEmptyParts);
    for (const QString &c : classes)
        if (isCssIdent(c))
            return c;
    return {};
}

// An element as a CSS step: its tag and first class ("li.result").
QString stepOf(const HtmlNode &n)
{
    const QString c = firstClass(n);
    return c.isEmpty() ? n.tag() : n.tag() + u'.' + c;
}

bool skippedTag(const QString &tag)
{
    static const QSet<QString> tags{QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("noscript"), QStringLiteral("template"),
                                    QStringLiteral("option"), QStringLiteral("optgroup"), QStringLiteral("br"),    QStringLiteral("hr"),
                                    QStringLiteral("meta"),   QStringLiteral("link"),     QStringLiteral("source"), QStringLiteral("path"),
                                    QStringLiteral("svg"),    QStringLiteral("input"),    QStringLiteral("head"),   QStringLiteral("wbr"),
                                    QStringLiteral("col"),    QStringLiteral("param"),    QStringLiteral("track"),  QStringLiteral("area")};
    return tags.contains(tag);
}

// Whether `n` sits in the page's navigation (menus, header, footer, breadcrumbs, pagination).
bool inNavigation(HtmlNode n)
{
    static const QRegularExpression navWords(QStringLiteral("nav|menu|footer|header|breadcrumb|pagination|pager|sidebar|social|cookie"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (int depth = 0; !n.isNull() && depth < 40; ++depth, n = n.parent()) {
        const QString tag = n.tag();
        if (tag == QLatin1String("nav") || tag == QLatin1String("header") || tag == QLatin1String("footer"))
            return true;
        if (navWords.match(n.attr(QStringLiteral("class")) + u' ' + n.attr(QStringLiteral("id"))).hasMatch())
            return true;
    }
    return false;
}

// One thing an item holds: an element's text or an attribute, by its path from the item.
struct Leaf {
    QStringList path; // CSS steps from the item (empty: the item itself)
    QString attr;     // "own_text", "href", "src", "datetime"
    QString tag;
    QString klass;
    int order = 0;    // first seen at (document order in the first item holding it)
    int items = 0;    // items holding it
    QStringList samples;
};

QList<Leaf> leavesOf(const QList<HtmlNode> &items)
{
    QHash<QString, Leaf> byKey;
    int order = 0;
    for (const HtmlNode &item : items) {
        QSet<QString> seen;
        // Depth first, iteratively (a hostile page nests deeper than a stack should).
        struct Frame {
            HtmlNode node;
            QStringList path;
        };
        QList<Frame> stack{{item, {}}};
        int visited = 0;
        while (!stack.isEmpty() && ++visited < 400) {
            const Frame f = stack.takeLast();
            const QString tag = f.node.tag();
            auto note = [&](const QString &attr, const QString &value) {
                if (value.isEmpty())
                    return;
                const QString key = f.path.join(u'>') + u'@' + attr;
                if (seen.contains(key))
                    return;
                seen.insert(key);
                Leaf &l = byKey[key];
                if (l.items == 0) {
                    l.path = f.path;
                    l.attr = attr;
                    l.tag = tag;
                    l.klass = firstClass(f.node);
                    l.order = order++;
                }
                ++l.items;
                if (l.samples.size() < 5)
                    l.samples << value.left(200);
            };
            note(QStringLiteral("own_text"), f.node.ownText());
            if (tag == QLatin1String("a"))
                note(QStringLiteral("href"), f.node.attr(QStringLiteral("href")).trimmed());
            if (tag == QLatin1String("img"))
                note(QStringLiteral("src"), f.node.attr(QStringLiteral("src")).trimmed());
            if (tag == QLatin1String("time"))
                note(QStringLiteral("datetime"), f.node.attr(QStringLiteral("datetime")).trimmed());
            const QList<HtmlNode> children = f.node.children();
            for (auto it = children.crbegin(); it != children.crend(); ++it) {
                if (skippedTag(it->tag()))
                    continue;
                stack.append({*it, f.path + QStringList{stepOf(*it)}});
            }
        }
    }
    QList<Leaf> out = byKey.values();
    std::sort(out.begin(), out.end(), [](const Leaf &a, const Leaf &b) { return a.order < b.order; });
    return out;
}

struct Candidate {
    HtmlNode parent;
    QList<HtmlNode> items;
    double score = 0;
    int sharedLeaves = 0;
};

double scoreOf(Candidate &c)
{
    qsizetype text = 0;
    int linked = 0;
    for (const HtmlNode &item : std::as_const(c.items)) {
        text += qMin<qsizetype>(item.text().size(), 400);
        auto links = item.xpath(QStringLiteral("descendant-or-self::a[@href]"));
        linked += links && !links->isEmpty() ? 1 : 0;
    }
    const double n = double(c.items.size());
    const double avgText = double(text) / n;
    const QList<Leaf> leaves = leavesOf(c.items.mid(0, 50));
    const int sample = int(qMin<qsizetype>(c.items.size(), 50));
    for (const Leaf &l : leaves)
        c.sharedLeaves += l.items * 10 >= sample * 6 ? 1 : 0;
    double score = n * std::log2(2.0 + avgText) * (1.0 + qMin(c.sharedLeaves, 8));
    if (linked * 2 >= c.items.size())
        score *= 1.5;
    if (avgText < 15)
        score *= 0.2; // a menu, a row of icons
    if (inNavigation(c.parent))
        score *= 0.1;
    return score;
}

QList<Candidate> candidatesOf(const HtmlDocument &page)
{
    QList<Candidate> out;
    QList<HtmlNode> stack{page.root()};
    int visited = 0;
    while (!stack.isEmpty() && ++visited < 50000) {
        const HtmlNode node = stack.takeLast();
        const QList<HtmlNode> children = node.children();
        QHash<QString, int> groupOf;
        QList<Candidate> groups;
        for (const HtmlNode &child : children) {
            const QString tag = child.tag();
            if (skippedTag(tag))
                continue;
            stack.append(child);
            const QString step = stepOf(child);
            auto it = groupOf.constFind(step);
            if (it == groupOf.cend()) {
                it = groupOf.insert(step, int(groups.size()));
                groups.append(Candidate{node, {}, 0, 0});
            }
            groups[*it].items << child;
        }
        for (Candidate &g : groups)
            if (g.items.size() >= 3)
                out << g;
    }
    for (Candidate &c : out)
        c.score = scoreOf(c);
    std::sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    return out;
}

// A CSS selector that reaches the candidate's items (and, ideally, nothing else).
QString itemSelectorOf(const HtmlDocument &page, const Candidate &c)
{
    const HtmlNode first = c.items.first();
    const QString step = stepOf(first);
    const qsizetype want = c.items.size();
    auto count = [&](const QString &css) { return page.select(css).size(); };
    if (!firstClass(first).isEmpty() && count(step) == want)
        return step;
    QString selector = step;
    HtmlNode ancestor = c.parent;
    bool child = true;
    QString best = step;
    for (int depth = 0; depth < 8 && !ancestor.isNull() && !ancestor.tag().isEmpty(); ++depth, ancestor = ancestor.parent()) {
        const QString id = ancestor.attr(QStringLiteral("id"));
        const QString part = isCssIdent(id) ? ancestor.tag() + u'#' + id : stepOf(ancestor);
        selector = part + (child ? QStringLiteral(" > ") : QStringLiteral(" ")) + selector;
        child = false;
        const qsizetype n = count(selector);
        if (n >= want)
            best = selector;
        if (n == want || isCssIdent(id) || ancestor.tag() == QLatin1String("body"))
            break;
    }
    return best;
}

// A host's site, roughly its registrable domain ("austin.craigslist.org" -> "craigslist.org",
// "www.shop.co.uk" -> "shop.co.uk"): links between a site's subdomains are not off-site.
QString siteOf(const QString &host)
{
    const QStringList labels = host.toLower().split(u'.', Qt::SkipEmptyParts);
    int keep = 2;
    if (labels.size() >= 3 && labels.last().size() == 2 && labels.at(labels.size() - 2).size() <= 3)
        keep = 3; // co.uk, com.au
    return labels.mid(qMax(0, int(labels.size()) - keep)).join(u'.');
}

QString fieldNameOf(const Leaf &l, const QUrl &pageUrl, bool *usedName, bool *usedUrl, QString *type)
{
    static const QRegularExpression price(QStringLiteral("^\\s*[$€£¥]\\s?\\d"));
    static const QRegularExpression nameClass(QStringLiteral("title|name|heading|headline"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression classWord(QStringLiteral("^[A-Za-z][A-Za-z0-9]*"));
    const QString sample = l.samples.value(0);
    *type = QStringLiteral("text");
    if (l.attr == QLatin1String("href")) {
        if (sample.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
            *type = QStringLiteral("email");
            return QStringLiteral("email");
        }
        if (sample.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
            *type = QStringLiteral("phone");
            return QStringLiteral("phone");
        }
        *type = QStringLiteral("url");
        int offsite = 0;
        for (const QString &s : l.samples) {
            const QUrl u = pageUrl.resolved(QUrl(s));
            offsite += !u.host().isEmpty() && siteOf(u.host()) != siteOf(pageUrl.host()) ? 1 : 0;
        }
        if (offsite * 2 > l.samples.size())
            return QStringLiteral("website");
        if (!*usedUrl) {
            *usedUrl = true;
            return QStringLiteral("url");
        }
        return QStringLiteral("link");
    }
    if (l.attr == QLatin1String("src")) {
        *type = QStringLiteral("url");
        return QStringLiteral("image");
    }
    if (l.attr == QLatin1String("datetime")) {
        *type = QStringLiteral("date");
        return QStringLiteral("date");
    }
    if (!findEmails(sample).isEmpty() && sample.size() < 100) {
        *type = QStringLiteral("email");
        return QStringLiteral("email");
    }
    if (!findPhones(sample).isEmpty() && sample.size() < 40) {
        *type = QStringLiteral("phone");
        return QStringLiteral("phone");
    }
    if (price.match(sample).hasMatch()) {
        *type = QStringLiteral("number");
        return QStringLiteral("price");
    }
    const bool heading = l.tag.size() == 2 && l.tag.at(0) == u'h' && l.tag.at(1).isDigit();
    if (!*usedName && (heading || l.tag == QLatin1String("a") || l.tag == QLatin1String("strong") || nameClass.match(l.klass).hasMatch())) {
        *usedName = true;
        return QStringLiteral("name");
    }
    const QString k = l.klass.toLower();
    for (const auto &[word, field] : {std::pair{"addr", "address"}, std::pair{"street", "address"}, std::pair{"city", "city"},
                                      std::pair{"locality", "city"}, std::pair{"region", "region"}, std::pair{"zip", "postal_code"},
                                      std::pair{"postal", "postal_code"}, std::pair{"categor", "category"}, std::pair{"desc", "description"},
                                      std::pair{"summary", "description"}, std::pair{"company", "company"}})
        if (k.contains(QLatin1String(word)))
            return QLatin1String(field);
    const auto m = classWord.match(l.klass);
    return m.hasMatch() ? m.captured(0).toLower().left(40) : QStringLiteral("text");
}

QJsonObject nextPageOf(const HtmlDocument &page)
{
    if (!page.select(QStringLiteral("a[rel~=\"next\"]")).isEmpty())
        return {{QStringLiteral("css"), QStringLiteral("a[rel~=\"next\"]")}};
    if (!page.select(QStringLiteral("link[rel~=\"next\"]")).isEmpty())
        return {{QStringLiteral("css"), QStringLiteral("link[rel~=\"next\"]")}};
    static const QRegularExpression nextText(QStringLiteral("^(next( page)?|more|older( posts)?)?\\s*[›»>→]*$"), QRegularExpression::CaseInsensitiveOption);
    for (const HtmlNode &a : page.select(QStringLiteral("a[href]"))) {
        const QString text = a.text();
        if (text.isEmpty() || text.size() > 20 || !nextText.match(text).hasMatch())
            continue;
        if (text.contains(u'\'') || text.contains(u'"'))
            continue;
        return {{QStringLiteral("xpath"), QStringLiteral("//a[@href][normalize-space(.)='%1']").arg(text)}};
    }
    for (const HtmlNode &a : page.select(QStringLiteral("a[href]"))) {
        const QString all = a.attr(QStringLiteral("class"));
        if (all.contains(QLatin1String("next"), Qt::CaseInsensitive))
            for (const QString &k : all.split(u' ', Qt::SkipEmptyParts))
                if (isCssIdent(k) && k.contains(QLatin1String("next"), Qt::CaseInsensitive))
                    return {{QStringLiteral("css"), QStringLiteral("a.%1").arg(k)}};
    }
    return {};
}

} // namespace

QJsonObject proposeRecipe(const HtmlDocument &page, int previewRows)
{
    QJsonArray warnings;
    const QList<Candidate> candidates = candidatesOf(page);
    QJsonArray listed;
    for (qsizetype i = 0; i < qMin<qsizetype>(candidates.size(), 5); ++i) {
        const Candidate &c = candidates.at(i);
        listed.append(QJsonObject{{QStringLiteral("item"), itemSelectorOf(page, c)},
                                  {QStringLiteral("count"), int(c.items.size())},
                                  {QStringLiteral("score"), std::round(c.score * 10) / 10},
                                  {QStringLiteral("sample"), c.items.first().text().left(200)}});
    }
    if (candidates.isEmpty()) {
        warnings.append(QStringLiteral("no list of similar items found on the page (three or more siblings alike): write the item selector yourself"));
        return {{QStringLiteral("recipe"), QJsonValue::Null},
                {QStringLiteral("candidates"), listed},
                {QStringLiteral("preview"), QJsonArray()},
                {QStringLiteral("warnings"), warnings}};
    }
    const Candidate &best = candidates.first();
    const QUrl pageUrl = page.url();
    QJsonArray fields;
    bool usedName = false, usedUrl = false;
    QSet<QString> names;
    const QList<Leaf> leaves = leavesOf(best.items.mid(0, 50));
    const int sample = int(qMin<qsizetype>(best.items.size(), 50));
    for (const Leaf &l : leaves) {
        if (l.items * 2 < sample || fields.size() >= 12)
            continue;
        // The same words in every item ("Website", "Read more", "Call now") say nothing of it.
        if (l.attr == QLatin1String("own_text") && l.samples.size() >= 3 && l.samples.count(l.samples.first()) == l.samples.size())
            continue;
        QString type;
        const QString guessed = fieldNameOf(l, pageUrl, &usedName, &usedUrl, &type);
        QString name = guessed;
        for (int n = 2; names.contains(name); ++n)
            name = QStringLiteral("%1_%2").arg(guessed).arg(n);
        names.insert(name);
        QJsonObject f{{QStringLiteral("name"), name}};
        if (!l.path.isEmpty())
            f.insert(QStringLiteral("css"), l.path.join(QStringLiteral(" > ")));
        if (l.attr != QLatin1String("own_text") || l.path.isEmpty())
            f.insert(QStringLiteral("attr"), l.attr);
        if (type != QLatin1String("text"))
            f.insert(QStringLiteral("type"), type);
        fields.append(f);
    }
    if (fields.isEmpty()) {
        // Items alike in shape but not inside: each item's whole text.
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("name")}});
        names.insert(QStringLiteral("name"));
        warnings.append(QStringLiteral("the items share no inner element: each item's whole text is read as its name; add fields for the rest"));
    }
    QJsonObject recipe{{QStringLiteral("name"), page.title().left(200)},
                       {QStringLiteral("item"), QJsonObject{{QStringLiteral("css"), itemSelectorOf(page, best)}}},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("max_pages"), 1}};
    if (pageUrl.scheme().startsWith(QLatin1String("http")))
        recipe.insert(QStringLiteral("start_urls"), QJsonArray{pageUrl.toString()});
    const QJsonObject next = nextPageOf(page);
    if (!next.isEmpty()) {
        recipe.insert(QStringLiteral("next_page"), next);
        recipe.insert(QStringLiteral("max_pages"), 5);
    }
    QJsonArray preview;
    auto parsed = Recipe::fromJson(recipe, false);
    if (!parsed) {
        warnings.append(QStringLiteral("the proposed recipe does not read back (%1): edit it").arg(parsed.error().message));
    } else {
        const ExtractedPage got = extractPage(page, *parsed);
        for (qsizetype i = 0; i < qMin<qsizetype>(got.rows.size(), previewRows); ++i)
            preview.append(got.rows.at(i));
        if (!names.contains(QStringLiteral("name")))
            warnings.append(QStringLiteral("no field looks like the business's name: rename the one that holds it to \"name\""));
    }
    return {{QStringLiteral("recipe"), recipe},
            {QStringLiteral("candidates"), listed},
            {QStringLiteral("preview"), preview},
            {QStringLiteral("next_page"), next.isEmpty() ? QJsonValue() : QJsonValue(next)},
            {QStringLiteral("warnings"), warnings}};
}

} // namespace fliptech::scraper
