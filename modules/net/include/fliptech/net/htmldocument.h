#pragma once
// An HTML page parsed by libxml2 (HTML4 tree rules, forgiving of broken markup, no network),
// decoded to UTF-8 from whatever charset it came in (see charset.h), with CSS selectors and
// XPath over it. Nodes share the document: a node keeps its page alive. A document is used by
// one thread at a time (libxml2's trees are not shared between threads here).

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

struct _xmlNode;
struct _xmlDoc;

namespace fliptech::net {

class HtmlNode;

// Whether `expression` is XPath 1.0 libxml2 can evaluate (checked without a page): a
// user-given expression is checked once, when it is saved, not at each page.
core::Status checkXPath(const QString &expression);

class HtmlDocument final
{
public:
    // Parses `body` (any size; invalid markup is repaired as browsers do). `contentType` is the
    // response's Content-Type header, if any; `url` the page's address (relative links resolve
    // against it, or against the page's <base href>).
    static HtmlDocument parse(const QByteArray &body, const QByteArray &contentType = {}, const QUrl &url = {});

    bool isNull() const { return !m_doc; }
    QString charset() const { return m_charset; }
    QUrl url() const { return m_url; }
    QUrl baseUrl() const { return m_base; }
    HtmlNode root() const;
    QString title() const;

    // Shorthands over root().
    QList<HtmlNode> select(const QString &css) const;
    HtmlNode first(const QString &css) const;
    core::Result<QList<HtmlNode>> xpath(const QString &expression) const;

    struct Holder; // the libxml2 document (and its XPath context), shared by its nodes

private:
    friend class HtmlNode;
    std::shared_ptr<Holder> m_doc;
    QString m_charset;
    QUrl m_url;
    QUrl m_base;
};

class HtmlNode final
{
public:
    HtmlNode() = default;
    bool isNull() const { return !m_node; }
    QString tag() const; // lower case; empty for text nodes
    bool hasAttr(const QString &name) const;
    QString attr(const QString &name) const;
    // The text of the node and its descendants, whitespace runs collapsed to one space and
    // trimmed (as a reader sees it); rawText() keeps it as written.
    QString text() const;
    QString rawText() const;
    // The node's own text (its direct text children, not its elements'), collapsed.
    QString ownText() const;
    // The text as lines, the way it reads on screen: a line break at <br> and around block
    // elements (p, div, li, h1-h6, tr, ...), spaces collapsed within a line, empty lines
    // folded to one, scripts and styles left out, and so is every element matching `skipCss`.
    QString readableText(const QString &skipCss = {}) const;
    // An attribute as an absolute URL (against the page's base); empty when absent or invalid.
    QUrl url(const QString &attribute = QStringLiteral("href")) const;
    QString outerHtml() const;
    HtmlNode parent() const;
    QList<HtmlNode> children() const; // element children

    // CSS (see cssselector.h) or XPath relative to this node. An invalid selector matches
    // nothing (and is logged); validate user-given ones with cssToXPath() first.
    QList<HtmlNode> select(const QString &css) const;
    HtmlNode first(const QString &css) const;
    core::Result<QList<HtmlNode>> xpath(const QString &expression) const;
    // An XPath expression's value as a string (e.g. "string(@href)", "count(li)").
    core::Result<QString> xpathString(const QString &expression) const;

private:
    friend class HtmlDocument;
    HtmlNode(std::shared_ptr<HtmlDocument::Holder> doc, _xmlNode *node) : m_doc(std::move(doc)), m_node(node) {}
    std::shared_ptr<HtmlDocument::Holder> m_doc;
    _xmlNode *m_node = nullptr;
};

} // namespace fliptech::net
