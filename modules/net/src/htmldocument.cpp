#include "fliptech/net/htmldocument.h"

#include "fliptech/net/charset.h"
#include "fliptech/net/cssselector.h"
#include "libxmlinit.h"

#include <QHash>
#include <QSet>
#include <QLoggingCategory>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/encoding.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstring>


Q_LOGGING_CATEGORY(lcHtml, "fliptech.net.html")

namespace fliptech::net {

using core::ErrorCode;
using detail::initLibxml;

struct HtmlDocument::Holder {
    xmlDocPtr doc = nullptr;
    // One XPath context per document, made on first use: making one registers every XPath
    // function in a fresh hash table, which cost more than the queries (a page's 600).
    xmlXPathContextPtr xpath = nullptr;
    QUrl base;
    ~Holder()
    {
        if (xpath)
            xmlXPathFreeContext(xpath);
        if (doc)
            xmlFreeDoc(doc);
    }
};

namespace {

// Whether libxml2 can decode `name` (its own or through iconv), asked once per name and thread:
// the handler it makes for an iconv charset must be closed again (found by fuzz_html: each page
// in windows-1252 leaked an iconv descriptor).
bool knownEncoding(const QByteArray &name)
{
    thread_local QHash<QByteArray, bool> known;
    if (auto it = known.constFind(name); it != known.cend())
        return *it;
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.constData());
    if (handler)
        xmlCharEncCloseFunc(handler);
    if (known.size() > 64)
        known.clear();
    known.insert(name, handler != nullptr);
    return handler != nullptr;
}

QString fromXml(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

// Compiled selectors and XPath, per thread (a compiled expression is not shared across threads).
struct CompiledCache {
    QHash<QString, xmlXPathCompExprPtr> expressions;
    QHash<QString, QString> cssToXPath; // empty value: the selector is invalid
    ~CompiledCache()
    {
        for (xmlXPathCompExprPtr e : std::as_const(expressions))
            xmlXPathFreeCompExpr(e);
    }
};

CompiledCache &cache()
{
    thread_local CompiledCache c;
    return c;
}

core::Result<xmlXPathCompExprPtr> compiled(const QString &expression)
{
    initLibxml();
    CompiledCache &c = cache();
    if (auto it = c.expressions.constFind(expression); it != c.expressions.cend())
        return *it;
    xmlXPathCompExprPtr e = xmlXPathCompile(reinterpret_cast<const xmlChar *>(expression.toUtf8().constData()));
    if (!e)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("XPath expression \"%1\" is not valid").arg(expression.left(200)),
                               {{QStringLiteral("xpath"), QStringLiteral("invalid")}});
    if (c.expressions.size() > 512) {
        for (xmlXPathCompExprPtr old : std::as_const(c.expressions))
            xmlXPathFreeCompExpr(old);
        c.expressions.clear();
    }
    c.expressions.insert(expression, e);
    return e;
}

QString xpathOfCss(const QString &css)
{
    CompiledCache &c = cache();
    if (auto it = c.cssToXPath.constFind(css); it != c.cssToXPath.cend())
        return *it;
    auto x = cssToXPath(css);
    if (!x)
        qCWarning(lcHtml).noquote() << x.error().message;
    if (c.cssToXPath.size() > 512)
        c.cssToXPath.clear();
    c.cssToXPath.insert(css, x ? *x : QString());
    return x ? *x : QString();
}

// fliptech-has-class('name'): whether the context element's class attribute holds the word
// `name` — what the CSS ".name" means, read in place (the XPath 1.0 form, contains(concat(' ',
// normalize-space(@class), ' '), ' name '), makes four strings per element it tests).
bool classHas(const xmlChar *value, const xmlChar *word, size_t wordLength)
{
    for (const xmlChar *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            ++p;
        const xmlChar *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            ++p;
        if (size_t(p - start) == wordLength && wordLength && memcmp(start, word, wordLength) == 0)
            return true;
    }
    return false;
}

void hasClassFunction(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *word = xmlXPathPopString(ctxt);
    bool found = false;
    xmlNodePtr node = ctxt->context->node;
    if (word && node && node->type == XML_ELEMENT_NODE) {
        if (xmlAttrPtr a = xmlHasProp(node, reinterpret_cast<const xmlChar *>("class"))) {
            const size_t length = strlen(reinterpret_cast<const char *>(word));
            if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content) {
                found = classHas(a->children->content, word, length);
            } else if (xmlChar *v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a))) {
                found = classHas(v, word, length);
                xmlFree(v);
            }
        }
    }
    xmlFree(word);
    xmlXPathReturnBoolean(ctxt, found);
}

} // namespace

// Runs `expression` with `node` as the context; the caller frees the result.
static core::Result<xmlXPathObjectPtr> evaluateXPath(HtmlDocument::Holder &holder, xmlNodePtr node, const QString &expression)
{
    auto expr = compiled(expression);
    if (!expr)
        return expr.error();
    if (!holder.xpath) {
        holder.xpath = xmlXPathNewContext(holder.doc);
        if (holder.xpath)
            xmlXPathRegisterFunc(holder.xpath, reinterpret_cast<const xmlChar *>("fliptech-has-class"), hasClassFunction);
    }
    xmlXPathContextPtr ctx = holder.xpath;
    if (!ctx)
        return core::makeError(ErrorCode::Internal, QStringLiteral("out of memory evaluating XPath"));
    ctx->node = node;
    xmlXPathObjectPtr result = xmlXPathCompiledEval(*expr, ctx);
    if (!result)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("XPath expression \"%1\" failed").arg(expression.left(200)),
                               {{QStringLiteral("xpath"), QStringLiteral("failed")}});
    return result;
}

HtmlDocument HtmlDocument::parse(const QByteArray &body, const QByteArray &contentType, const QUrl &url)
{
    initLibxml();
    HtmlDocument d;
    d.m_url = url;
    d.m_charset = detectCharset(body, contentType);
    // libxml2 decodes (through iconv) from the charset we name, ignoring the page's own
    // declaration (we read it already, with the header's precedence); one it does not know is
    // read as windows-1252, which never fails.
    QByteArray encoding = d.m_charset.toLatin1();
    if (!knownEncoding(encoding)) {
        d.m_charset = QStringLiteral("windows-1252");
        encoding = "windows-1252";
    }
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    const QByteArray name = url.toEncoded();
    QByteArray input = body;
    if (input.isEmpty())
        input = "<html></html>"; // libxml2 returns no document for an empty body
    xmlDocPtr doc = htmlReadMemory(input.constData(), int(qMin<qsizetype>(input.size(), std::numeric_limits<int>::max())),
                                   name.isEmpty() ? nullptr : name.constData(), encoding.constData(), options);
    if (!doc)
        doc = htmlReadMemory("<html></html>", 13, nullptr, "utf-8", options);
    d.m_doc = std::make_shared<Holder>();
    d.m_doc->doc = doc;
    d.m_base = url;
    // <base href> (relative to the page's own address).
    const QString baseHref = d.first(QStringLiteral("head base[href]")).attr(QStringLiteral("href")).trimmed();
    if (!baseHref.isEmpty()) {
        const QUrl b = url.resolved(QUrl(baseHref));
        if (b.isValid())
            d.m_base = b;
    }
    d.m_doc->base = d.m_base;
    return d;
}

HtmlNode HtmlDocument::root() const
{
    if (!m_doc || !m_doc->doc)
        return {};
    return HtmlNode(m_doc, reinterpret_cast<xmlNodePtr>(m_doc->doc));
}

QString HtmlDocument::title() const
{
    return first(QStringLiteral("title")).text();
}

core::Status checkXPath(const QString &expression)
{
    if (auto e = compiled(expression); !e)
        return e.error();
    return {};
}

QList<HtmlNode> HtmlDocument::select(const QString &css) const
{
    return root().select(css);
}

HtmlNode HtmlDocument::first(const QString &css) const
{
    return root().first(css);
}

core::Result<QList<HtmlNode>> HtmlDocument::xpath(const QString &expression) const
{
    return root().xpath(expression);
}

QString HtmlNode::tag() const
{
    return m_node && m_node->type == XML_ELEMENT_NODE ? fromXml(m_node->name) : QString();
}

bool HtmlNode::hasAttr(const QString &name) const
{
    return m_node && m_node->type == XML_ELEMENT_NODE && xmlHasProp(m_node, reinterpret_cast<const xmlChar *>(name.toUtf8().constData()));
}

QString HtmlNode::attr(const QString &name) const
{
    if (!m_node || m_node->type != XML_ELEMENT_NODE)
        return {};
    xmlChar *v = xmlGetProp(m_node, reinterpret_cast<const xmlChar *>(name.toUtf8().constData()));
    const QString out = fromXml(v);
    xmlFree(v);
    return out;
}

QString HtmlNode::rawText() const
{
    if (!m_node)
        return {};
    xmlChar *v = xmlNodeGetContent(m_node);
    const QString out = fromXml(v);
    xmlFree(v);
    return out;
}

QString HtmlNode::text() const
{
    return rawText().simplified();
}

QString HtmlNode::ownText() const
{
    if (!m_node)
        return {};
    QString out;
    for (xmlNodePtr c = m_node->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            out += fromXml(c->content) + u' ';
    return out.simplified();
}

namespace {

bool isBlock(const xmlChar *name)
{
    static const char *const blocks[] = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
                                         "article", "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "figure", "form", "hr"};
    for (const char *b : blocks)
        if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar *>(b)) == 0)
            return true;
    return false;
}

void appendReadable(xmlNodePtr node, const QSet<xmlNodePtr> &skip, QString &out)
{
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            out += fromXml(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (skip.contains(c) || xmlStrcasecmp(c->name, reinterpret_cast<const xmlChar *>("script")) == 0 ||
                xmlStrcasecmp(c->name, reinterpret_cast<const xmlChar *>("style")) == 0)
                continue;
            if (xmlStrcasecmp(c->name, reinterpret_cast<const xmlChar *>("br")) == 0) {
                out += u'\n';
                continue;
            }
            const bool block = isBlock(c->name);
            if (block)
                out += u'\n';
            appendReadable(c, skip, out);
            if (block)
                out += u'\n';
        }
    }
}

} // namespace

QString HtmlNode::readableText(const QString &skipCss) const
{
    if (!m_node)
        return {};
    QSet<xmlNodePtr> skip;
    if (!skipCss.isEmpty())
        for (const HtmlNode &n : select(skipCss))
            skip.insert(n.m_node);
    QString raw;
    appendReadable(m_node, skip, raw);
    QStringList lines;
    bool lastEmpty = true;
    for (const QString &line : raw.split(u'\n')) {
        const QString l = line.simplified();
        if (l.isEmpty() && lastEmpty)
            continue;
        lines << l;
        lastEmpty = l.isEmpty();
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

QUrl HtmlNode::url(const QString &attribute) const
{
    const QString v = attr(attribute).trimmed();
    if (v.isEmpty() || !m_doc)
        return {};
    const QUrl u = m_doc->base.resolved(QUrl(v));
    return u.isValid() ? u : QUrl();
}

QString HtmlNode::outerHtml() const
{
    if (!m_node || !m_doc)
        return {};
    xmlBufferPtr buf = xmlBufferCreate();
    htmlNodeDump(buf, m_doc->doc, m_node);
    const QString out = fromXml(xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}

HtmlNode HtmlNode::parent() const
{
    if (!m_node || !m_node->parent || m_node->parent->type == XML_HTML_DOCUMENT_NODE)
        return {};
    return HtmlNode(m_doc, m_node->parent);
}

QList<HtmlNode> HtmlNode::children() const
{
    QList<HtmlNode> out;
    if (!m_node)
        return out;
    for (xmlNodePtr c = m_node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            out.append(HtmlNode(m_doc, c));
    return out;
}

core::Result<QList<HtmlNode>> HtmlNode::xpath(const QString &expression) const
{
    QList<HtmlNode> out;
    if (!m_node || !m_doc)
        return out;
    auto result = evaluateXPath(*m_doc, m_node, expression);
    if (!result)
        return result.error();
    xmlXPathObjectPtr r = *result;
    if (r->type != XPATH_NODESET) {
        xmlXPathFreeObject(r);
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("XPath expression \"%1\" does not select nodes").arg(expression.left(200)),
                               {{QStringLiteral("xpath"), QStringLiteral("not a node set")}});
    }
    if (r->nodesetval) {
        out.reserve(r->nodesetval->nodeNr);
        for (int i = 0; i < r->nodesetval->nodeNr; ++i)
            out.append(HtmlNode(m_doc, r->nodesetval->nodeTab[i]));
    }
    xmlXPathFreeObject(r);
    return out;
}

core::Result<QString> HtmlNode::xpathString(const QString &expression) const
{
    if (!m_node || !m_doc)
        return QString();
    auto result = evaluateXPath(*m_doc, m_node, expression);
    if (!result)
        return result.error();
    xmlChar *s = xmlXPathCastToString(*result);
    const QString out = fromXml(s);
    xmlFree(s);
    xmlXPathFreeObject(*result);
    return out;
}

QList<HtmlNode> HtmlNode::select(const QString &css) const
{
    const QString x = xpathOfCss(css);
    if (x.isEmpty())
        return {};
    auto nodes = xpath(x);
    return nodes ? *nodes : QList<HtmlNode>();
}

HtmlNode HtmlNode::first(const QString &css) const
{
    const QString x = xpathOfCss(css);
    if (x.isEmpty())
        return {};
    // The first in document order: "(...)[1]".
    auto nodes = xpath(u'(' + x + QStringLiteral(")[1]"));
    return nodes && !nodes->isEmpty() ? nodes->first() : HtmlNode();
}

} // namespace fliptech::net
