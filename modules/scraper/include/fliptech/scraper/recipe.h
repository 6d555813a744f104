#pragma once
// Custom-URL recipes (issue 10; spec 2.5 "Custom URL"): how to read leads off any listing page
// a user points at: a directory, a members list, a search result. A recipe names its start
// pages, the selector of one item (a result, a card, a table row), the fields to read within an
// item (CSS or XPath, the text or an attribute, an optional regex, a type), the link to the next
// page, how many pages to read, and optionally the item's own page to follow for more fields.
//
// In JSON (what the API takes and the desktop's editor shows):
//   {"name": "Austin plumbers", "start_urls": ["https://example.com/plumbers"],
//    "item": {"css": "li.result"},
//    "fields": [{"name": "name", "css": "h2 a"},
//               {"name": "url", "css": "h2 a", "attr": "href", "type": "url"},
//               {"name": "phone", "css": ".tel", "type": "phone", "required": true},
//               {"name": "price", "xpath": ".//span[@class='price']", "regex": "\\$([0-9,]+)", "type": "number"}],
//    "next_page": {"css": "a[rel=next]"}, "max_pages": 5,
//    "detail": {"url_field": "url", "fields": [{"name": "email", "css": "a[href^=mailto]", "attr": "href", "type": "email"}]},
//    "obey_robots": true}
// A selector may be written as a plain string (CSS). Every mistake is found when the recipe is
// read, and named by its path ("fields[2].regex: ..."), never when a job is half done.
//
// proposeRecipe() reads a page and proposes a recipe: it finds the lists of similar sibling
// elements (same tag and classes, three or more), ranks them by how much they hold (text,
// links, repeated inner structure) and guesses the fields their items share.

#include "fliptech/core/error.h"
#include "fliptech/net/htmldocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

namespace fliptech::scraper {

// Nodes reached by CSS (as written, translated to XPath once) or XPath.
struct RecipeSelector {
    QString css;   // as written; empty for an XPath selector
    QString xpath; // what is evaluated
    bool isNull() const { return xpath.isEmpty(); }
    QJsonObject toJson() const;
};

struct RecipeField {
    enum class Type { Text, Number, Url, Email, Phone, Date };
    QString name;
    RecipeSelector selector; // null: the item itself
    // "" (the text), "html" (the element's markup), "own_text" (its own text, not its
    // children's) or an attribute's name ("href", "src", "data-id", ...).
    QString attr;
    QRegularExpression regex; // empty pattern: none; with a group, the first group is kept
    Type type = Type::Text;
    bool required = false; // an item without it is skipped (and counted)
    bool multiple = false; // every match, as a JSON array (default: the first)
    QJsonObject toJson() const;
};

struct Recipe {
    static constexpr int maxStartUrls = 20;
    static constexpr int maxFields = 50;
    static constexpr int maxPagesLimit = 100;

    QString name;
    QList<QUrl> startUrls;
    RecipeSelector item;
    QList<RecipeField> fields;
    RecipeSelector nextPage; // null: one page per start URL
    int maxPages = 1;        // pages read from each start URL (following next_page)
    QString detailUrlField;  // the field holding the item's own page; empty: not followed
    QList<RecipeField> detailFields;
    bool obeyRobots = true;

    // The recipe, checked: ValidationFailed naming the path of the first mistake. `requireStart`
    // false accepts a recipe without start URLs (a preview of a page given by the caller).
    static core::Result<Recipe> fromJson(const QJsonObject &json, bool requireStart = true);
    // The same from bytes (a malformed document is an error naming its offset).
    static core::Result<Recipe> fromJson(const QByteArray &json, bool requireStart = true);
    QJsonObject toJson() const;
};

// What a page gives under a recipe: its items' fields (an item missing a required field is
// left out and counted), the next page's address, and the items' own pages to follow.
struct ExtractedPage {
    QList<QJsonObject> rows;
    int skipped = 0;
    QUrl nextUrl;
};
ExtractedPage extractPage(const net::HtmlDocument &page, const Recipe &recipe);
// The detail fields from an item's own page, added to `row` (a field read there wins).
void extractDetail(const net::HtmlDocument &page, const Recipe &recipe, QJsonObject *row);

// A row as a lead: fields named after a lead's (name, company, email, phone, website, address,
// city, region, postal_code, country, description, category, title, first_name, last_name)
// fill it; the rest go to lead_source_metadata.fields. source "custom_url"; source_id the
// item's url (a field "url", else "id", else a digest of its fields) so a page read again
// updates its leads; source_url the item's url or the page's.
QJsonObject leadFromRow(const QJsonObject &row, const QUrl &pageUrl, const QString &recipeName);

// A recipe as JSON written for people: its keys in reading order (start pages, item, fields,
// next page, ...), one line a field. Reads back as the same JSON.
QString formatRecipe(const QJsonObject &recipe);

// A proposed recipe for `page`: {recipe, candidates: [{item, count, sample}], preview: [rows],
// next_page (when found), warnings}. `previewRows` rows at most.
QJsonObject proposeRecipe(const net::HtmlDocument &page, int previewRows = 20);

} // namespace fliptech::scraper
