#pragma once
// A fast, forgiving HTML reader for pages read in bulk (Craigslist search pages, thousands a
// second), where building libxml2's full tree (~60 MB/s here) is the cost. One pass over the
// bytes (decoded to UTF-8 first when the page is in another charset) builds a light tree:
// elements with their attributes and text; void elements; raw-text elements (script, style,
// textarea, title, xmp) read to their end tag; comments, doctypes and processing instructions
// skipped; the implied end tags lists, tables and paragraphs rely on (<li> closes an open <li>
// of the same list, a block element closes an open <p>, <td> an open cell, <tr> an open row,
// <option>/<dd>/<dt> their open siblings); an end tag closes every element opened inside its
// own; a stray end tag is ignored; "<x/>" closes itself (as libxml2 reads it).
// No other repair: HtmlDocument stays the reader where the full HTML tree rules matter
// (postings, custom recipes, website analysis).
//
// Nodes are indices (root() is the document; none is -1). Text and attribute values keep their
// bytes until read: entities (HTML 4's named set, numeric) are decoded then, and text() collapses
// whitespace as HtmlNode::text() does.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <vector>

namespace fliptech::net {

class LightHtml final
{
public:
    static constexpr int none = -1;

    // `contentType` and the page's own declarations give the charset (see charset.h); `url`
    // resolves relative links (or the page's <base href>, when it has one).
    static LightHtml parse(const QByteArray &body, const QByteArray &contentType = {}, const QUrl &url = {});

    int root() const { return 0; }
    int size() const { return int(m_nodes.size()); }
    bool isElement(int n) const { return valid(n) && m_nodes[size_t(n)].element; }
    // Case-insensitive tag test ("li"); false for text nodes.
    bool isTag(int n, QByteArrayView tag) const;
    int parent(int n) const { return valid(n) ? m_nodes[size_t(n)].parent : none; }
    int firstChild(int n) const { return valid(n) ? m_nodes[size_t(n)].firstChild : none; }
    int nextSibling(int n) const { return valid(n) ? m_nodes[size_t(n)].next : none; }

    bool hasAttr(int n, QByteArrayView name) const;
    QString attr(int n, QByteArrayView name) const;
    bool hasClass(int n, QByteArrayView cls) const;
    // The text of the node and its descendants, entities decoded, whitespace collapsed.
    QString text(int n) const;
    // An attribute as an absolute URL (against the base); empty when absent or invalid.
    QUrl url(int n, QByteArrayView attribute = "href") const;
    QUrl baseUrl() const { return m_base; }
    // The page as read (UTF-8).
    const QByteArray &source() const { return m_source; }

    // Descendants of `n` in document order that are elements with tag `tag` (any when empty),
    // class `cls` (any when empty) and attribute `attribute` (any when empty): the first, or all.
    int first(int n, QByteArrayView tag, QByteArrayView cls = {}, QByteArrayView attribute = {}) const;
    QList<int> all(int n, QByteArrayView tag, QByteArrayView cls = {}, QByteArrayView attribute = {}) const;

private:
    struct Node {
        int parent = none, firstChild = none, lastChild = none, next = none;
        int begin = 0, length = 0; // the tag's name, or the text, in m_source
        int attrBegin = 0, attrCount = 0;
        bool element = false;
        quint8 known = 0xFF; // the tree builder's tag class (lighthtml.cpp)
        int classAttr = -1;  // the class attribute's index in m_attrs
    };
    struct Attr {
        int nameBegin, nameLength, valueBegin, valueLength;
    };
    class Builder;

    bool valid(int n) const { return n >= 0 && n < size(); }
    int subtreeEnd(int n) const;
    bool matches(int n, QByteArrayView tag, quint8 tagKnown, QByteArrayView cls, QByteArrayView attribute) const;
    const Attr *findAttr(int n, QByteArrayView name) const;
    QByteArrayView bytes(int begin, int length) const { return QByteArrayView(m_source.constData() + begin, length); }

    QByteArray m_source; // UTF-8
    std::vector<Node> m_nodes;
    std::vector<Attr> m_attrs;
    QUrl m_base;
};

// HTML character references in `raw` decoded (&amp; &eacute; &#233; &#xE9;; one without its ';' or
// unknown is kept as written), the UTF-8 bytes read as text.
QString decodeHtmlEntities(QByteArrayView raw);

} // namespace fliptech::net
