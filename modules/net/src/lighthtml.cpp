#include "fliptech/net/lighthtml.h"

#include "fliptech/net/charset.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <bitset>
#include <cstring>
#include <string_view>

namespace fliptech::net {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), b.data(), size_t(a.size())) == 0;
}

// The tags the tree builder treats specially, each a bit (a set of them is a mask), known by a
// lookup of the lower-cased name in a sorted table (no string compares per rule).
enum Known : quint8 {
    K_a, K_address, K_area, K_article, K_aside, K_base, K_basefont, K_blockquote, K_body, K_br, K_button, K_col, K_datalist, K_dd, K_details,
    K_div, K_dl, K_dt, K_embed, K_fieldset, K_figure, K_footer, K_form, K_frame, K_h1, K_h2, K_h3, K_h4, K_h5, K_h6, K_header, K_hr, K_html,
    K_img, K_input, K_isindex, K_keygen, K_li, K_link, K_main, K_menu, K_meta, K_nav, K_object, K_ol, K_optgroup, K_option, K_p, K_param,
    K_pre, K_script, K_section, K_select, K_source, K_style, K_table, K_tbody, K_td, K_template, K_textarea, K_tfoot, K_th, K_thead, K_title,
    K_tr, K_track, K_ul, K_wbr, K_xmp, K_count,
    K_unknown = 0xFF
};
static_assert(K_count <= 128);

using Mask = std::bitset<K_count>;

constexpr std::string_view kNames[K_count] = {
    "a", "address", "area", "article", "aside", "base", "basefont", "blockquote", "body", "br", "button", "col", "datalist", "dd", "details",
    "div", "dl", "dt", "embed", "fieldset", "figure", "footer", "form", "frame", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
    "img", "input", "isindex", "keygen", "li", "link", "main", "menu", "meta", "nav", "object", "ol", "optgroup", "option", "p", "param",
    "pre", "script", "section", "select", "source", "style", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title",
    "tr", "track", "ul", "wbr", "xmp"};

static_assert(std::is_sorted(std::begin(kNames), std::end(kNames)), "known() looks names up by binary search");

quint8 known(QByteArrayView tag)
{
    char lower[12];
    if (tag.size() > qsizetype(sizeof lower))
        return K_unknown;
    for (qsizetype i = 0; i < tag.size(); ++i)
        lower[i] = char(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] | 0x20 : tag[i]);
    const std::string_view name(lower, size_t(tag.size()));
    const auto it = std::lower_bound(std::begin(kNames), std::end(kNames), name);
    return it != std::end(kNames) && *it == name ? quint8(it - std::begin(kNames)) : quint8(K_unknown);
}

Mask mask(std::initializer_list<Known> tags)
{
    Mask m;
    for (Known k : tags)
        m.set(k);
    return m;
}

bool in(quint8 tag, const Mask &m)
{
    return tag < K_count && m.test(tag);
}

const Mask kVoid = mask({K_br, K_img, K_input, K_meta, K_link, K_hr, K_wbr, K_source, K_area, K_base, K_col, K_embed, K_param, K_track, K_keygen,
                         K_basefont, K_frame, K_isindex});
const Mask kRawText = mask({K_script, K_style, K_textarea, K_title, K_xmp});
// Elements whose start closes an open <p> (HTML's "close a p element in button scope").
const Mask kClosesParagraph = mask({K_p, K_div, K_ul, K_ol, K_dl, K_table, K_h1, K_h2, K_h3, K_h4, K_h5, K_h6, K_pre, K_form, K_blockquote,
                                    K_section, K_article, K_header, K_footer, K_nav, K_aside, K_address, K_fieldset, K_figure, K_main, K_hr,
                                    K_details, K_menu});
// Where the search for an open element to close stops (a list's own items, a table's own cells).
const Mask kScopeBoundary = mask({K_html, K_body, K_table, K_td, K_th, K_button, K_object, K_template});

// The first `c` in [from, end), or null.
const char *findChar(const char *from, const char *end, char c)
{
    return from < end ? static_cast<const char *>(std::memchr(from, c, size_t(end - from))) : nullptr;
}

const char *find(const char *from, const char *end, QByteArrayView needle)
{
    const auto it = std::search(from, end, needle.begin(), needle.end());
    return it == end ? nullptr : it;
}

// "</tag" (any case) from `from`.
const char *findEndTag(const char *from, const char *end, QByteArrayView tag)
{
    const qsizetype need = 2 + tag.size();
    for (const char *p = from; end - p >= need;) {
        p = static_cast<const char *>(std::memchr(p, '<', size_t(end - p - need + 1)));
        if (!p)
            return nullptr;
        if (p[1] == '/' && qstrnicmp(p + 2, tag.data(), size_t(tag.size())) == 0 && (end - p == need || !isNameChar(p[need])))
            return p;
        ++p;
    }
    return nullptr;
}

void appendCodePoint(QString &out, uint cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    const char32_t c = cp;
    out += QString::fromUcs4(&c, 1);
}

} // namespace

QString decodeHtmlEntities(QByteArrayView raw)
{
    const qsizetype amp = raw.indexOf('&');
    if (amp < 0)
        return QString::fromUtf8(raw);
    QString out = QString::fromUtf8(raw.first(amp));
    qsizetype i = amp;
    while (i < raw.size()) {
        const qsizetype next = raw.indexOf('&', i);
        if (next < 0) {
            out += QString::fromUtf8(raw.sliced(i));
            break;
        }
        if (next > i)
            out += QString::fromUtf8(raw.sliced(i, next - i));
        i = next;
        // &#123; &#x1F; &name;
        qsizetype j = i + 1;
        bool decoded = false;
        if (j < raw.size() && raw[j] == '#') {
            ++j;
            const bool hex = j < raw.size() && (raw[j] == 'x' || raw[j] == 'X');
            if (hex)
                ++j;
            const qsizetype digits = j;
            uint cp = 0;
            while (j < raw.size() && j - digits < 8 &&
                   (hex ? std::isxdigit(static_cast<unsigned char>(raw[j])) : std::isdigit(static_cast<unsigned char>(raw[j])))) {
                const char c = raw[j];
                cp = cp * (hex ? 16 : 10) + uint(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                ++j;
            }
            if (j > digits && j < raw.size() && raw[j] == ';') {
                appendCodePoint(out, cp);
                i = j + 1;
                decoded = true;
            }
        } else {
            while (j < raw.size() && j - i <= 32 && ((raw[j] >= 'a' && raw[j] <= 'z') || (raw[j] >= 'A' && raw[j] <= 'Z') || (raw[j] >= '0' && raw[j] <= '9')))
                ++j;
            if (j > i + 1 && j < raw.size() && raw[j] == ';') {
                char name[40];
                const qsizetype length = j - i - 1;
                std::memcpy(name, raw.data() + i + 1, size_t(length));
                name[length] = '\0';
                if (const htmlEntityDesc *e = htmlEntityLookup(reinterpret_cast<const xmlChar *>(name))) {
                    appendCodePoint(out, e->value);
                    i = j + 1;
                    decoded = true;
                }
            }
        }
        if (!decoded) {
            out += u'&';
            ++i;
        }
    }
    return out;
}

class LightHtml::Builder
{
public:
    explicit Builder(LightHtml &h) : m_h(h), m_begin(h.m_source.constData()), m_end(m_begin + h.m_source.size())
    {
        m_h.m_nodes.reserve(size_t(h.m_source.size() / 24) + 1);
        m_h.m_nodes.push_back(Node{});
        m_h.m_nodes[0].element = true; // the document
        m_stack.push_back(0);
    }

    void run()
    {
        const char *p = m_begin;
        while (p < m_end) {
            const char *lt = findChar(p, m_end, '<');
            if (!lt) {
                addText(p, m_end);
                break;
            }
            if (lt > p)
                addText(p, lt);
            p = markup(lt);
        }
    }

private:
    // Reads the markup at `lt` ('<'); returns where reading goes on.
    const char *markup(const char *lt)
    {
        const char *p = lt + 1;
        if (p >= m_end) {
            addText(lt, m_end);
            return m_end;
        }
        if (*p == '!') {
            if (m_end - p >= 3 && p[1] == '-' && p[2] == '-') {
                const char *close = find(p + 3, m_end, "-->");
                return close ? close + 3 : m_end;
            }
            const char *gt = findChar(p, m_end, '>');
            return gt ? gt + 1 : m_end;
        }
        if (*p == '?') {
            const char *gt = findChar(p, m_end, '>');
            return gt ? gt + 1 : m_end;
        }
        if (*p == '/') {
            const char *name = p + 1;
            const char *q = name;
            while (q < m_end && isNameChar(*q))
                ++q;
            const char *gt = findChar(q, m_end, '>');
            if (q > name)
                closeElement(QByteArrayView(name, q - name));
            return gt ? gt + 1 : m_end;
        }
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            addText(lt, lt + 1); // a '<' that starts no tag is text
            return lt + 1;
        }
        const char *q = p;
        while (q < m_end && isNameChar(*q))
            ++q;
        const QByteArrayView tag(p, q - p);
        const int attrBegin = int(m_h.m_attrs.size());
        int classAttr = -1;
        bool selfClosing = false;
        // Attributes: name, name=value, name="value", name='value'.
        while (q < m_end) {
            while (q < m_end && isSpace(*q))
                ++q;
            if (q >= m_end)
                break;
            if (*q == '>') {
                ++q;
                break;
            }
            if (*q == '/') {
                if (q + 1 < m_end && q[1] == '>') {
                    selfClosing = true;
                    q += 2;
                    break;
                }
                ++q;
                continue;
            }
            const char *nameStart = q;
            while (q < m_end && !isSpace(*q) && *q != '=' && *q != '>' && !(*q == '/' && q + 1 < m_end && q[1] == '>'))
                ++q;
            if (q == nameStart) { // a lone '=' and the like
                ++q;
                continue;
            }
            const char *nameEnd = q;
            while (q < m_end && isSpace(*q))
                ++q;
            const char *valueStart = q, *valueEnd = q;
            if (q < m_end && *q == '=') {
                ++q;
                while (q < m_end && isSpace(*q))
                    ++q;
                if (q < m_end && (*q == '"' || *q == '\'')) {
                    const char quote = *q++;
                    valueStart = q;
                    const char *close = static_cast<const char *>(std::memchr(q, quote, size_t(m_end - q)));
                    valueEnd = close ? close : m_end;
                    q = close ? close + 1 : m_end;
                } else {
                    valueStart = q;
                    while (q < m_end && !isSpace(*q) && *q != '>')
                        ++q;
                    valueEnd = q;
                }
            }
            if (classAttr < 0 && equalsIgnoreCase(QByteArrayView(nameStart, nameEnd - nameStart), "class"))
                classAttr = int(m_h.m_attrs.size());
            m_h.m_attrs.push_back(Attr{int(nameStart - m_begin), int(nameEnd - nameStart), int(valueStart - m_begin), int(valueEnd - valueStart)});
        }
        const int n = openElement(tag, int(p - m_begin), attrBegin, int(m_h.m_attrs.size()) - attrBegin);
        m_h.m_nodes[size_t(n)].classAttr = classAttr;
        if (in(m_h.m_nodes[size_t(n)].known, kRawText) && !selfClosing) {
            const char *close = findEndTag(q, m_end, tag);
            const char *textEnd = close ? close : m_end;
            if (textEnd > q)
                appendChild(n, makeText(q, textEnd));
            const char *gt = close ? findChar(close, m_end, '>') : nullptr;
            return gt ? gt + 1 : m_end;
        }
        if (!selfClosing && !in(m_h.m_nodes[size_t(n)].known, kVoid))
            m_stack.push_back(n);
        return q;
    }

    int makeText(const char *from, const char *to)
    {
        Node t;
        t.begin = int(from - m_begin);
        t.length = int(to - from);
        m_h.m_nodes.push_back(t);
        return int(m_h.m_nodes.size()) - 1;
    }

    void addText(const char *from, const char *to)
    {
        const int parent = m_stack.back();
        const int last = m_h.m_nodes[size_t(parent)].lastChild;
        if (last != none && !m_h.m_nodes[size_t(last)].element &&
            m_h.m_nodes[size_t(last)].begin + m_h.m_nodes[size_t(last)].length == int(from - m_begin)) {
            m_h.m_nodes[size_t(last)].length += int(to - from); // one text node, as a parser keeps it
            return;
        }
        appendChild(parent, makeText(from, to));
    }

    void appendChild(int parent, int child)
    {
        Node &p = m_h.m_nodes[size_t(parent)];
        m_h.m_nodes[size_t(child)].parent = parent;
        if (p.lastChild == none)
            p.firstChild = child;
        else
            m_h.m_nodes[size_t(p.lastChild)].next = child;
        p.lastChild = child;
    }

    QByteArrayView tagOf(int n) const { return m_h.bytes(m_h.m_nodes[size_t(n)].begin, m_h.m_nodes[size_t(n)].length); }

    // Closes the nearest open element of `tags`, searching down from the current one and not
    // past one of `boundaries` (or a scope boundary); false when none is open there.
    bool closeOpen(const Mask &tags, const Mask &boundaries)
    {
        for (size_t i = m_stack.size() - 1; i > 0; --i) {
            const quint8 t = m_h.m_nodes[size_t(m_stack[i])].known;
            if (in(t, tags)) {
                m_stack.resize(i);
                return true;
            }
            if (in(t, boundaries) || in(t, kScopeBoundary))
                return false;
        }
        return false;
    }

    int openElement(QByteArrayView tag, int begin, int attrBegin, int attrCount)
    {
        const quint8 k = known(tag);
        // The implied end tags.
        static const Mask li = mask({K_li}), lists = mask({K_ul, K_ol, K_menu}), definitions = mask({K_dd, K_dt}), dl = mask({K_dl}),
                          cells = mask({K_td, K_th}), tr = mask({K_tr}), sections = mask({K_tbody, K_thead, K_tfoot}), option = mask({K_option}),
                          selects = mask({K_select, K_datalist, K_optgroup}), p = mask({K_p}),
                          paragraphBoundaries = mask({K_li, K_dd, K_dt, K_div, K_section, K_article});
        switch (k) {
        case K_li:
            closeOpen(li, lists);
            break;
        case K_dd:
        case K_dt:
            closeOpen(definitions, dl);
            break;
        case K_td:
        case K_th:
            closeOpen(cells, tr);
            break;
        case K_tr:
            closeOpen(cells, tr);
            closeOpen(tr, sections);
            break;
        case K_option:
            closeOpen(option, selects);
            break;
        default:
            break;
        }
        if (in(k, kClosesParagraph))
            closeOpen(p, paragraphBoundaries);
        Node e;
        e.element = true;
        e.known = k;
        e.begin = begin;
        e.length = int(tag.size());
        e.attrBegin = attrBegin;
        e.attrCount = attrCount;
        m_h.m_nodes.push_back(e);
        const int n = int(m_h.m_nodes.size()) - 1;
        appendChild(m_stack.back(), n);
        return n;
    }

    void closeElement(QByteArrayView tag)
    {
        for (size_t i = m_stack.size() - 1; i > 0; --i) {
            if (equalsIgnoreCase(tagOf(m_stack[i]), tag)) {
                m_stack.resize(i);
                return;
            }
        }
        // No such element open: a stray end tag, ignored.
    }

    LightHtml &m_h;
    const char *m_begin;
    const char *m_end;
    std::vector<int> m_stack; // open elements; [0] is the document
};

LightHtml LightHtml::parse(const QByteArray &body, const QByteArray &contentType, const QUrl &url)
{
    LightHtml h;
    const QString charset = detectCharset(body, contentType);
    h.m_source = charset == QLatin1String("utf-8") ? body : toUtf8(body, charset);
    if (h.m_source.startsWith("\xEF\xBB\xBF"))
        h.m_source.remove(0, 3);
    if (h.m_source.size() > std::numeric_limits<int>::max() / 2)
        h.m_source.truncate(std::numeric_limits<int>::max() / 2); // offsets are ints; no page is a gigabyte
    Builder(h).run();
    h.m_base = url;
    if (const int base = h.first(h.root(), "base", {}, "href"); base != none) {
        const QUrl b = url.resolved(QUrl(h.attr(base, "href").trimmed()));
        if (b.isValid())
            h.m_base = b;
    }
    return h;
}

bool LightHtml::isTag(int n, QByteArrayView tag) const
{
    return isElement(n) && n != root() && equalsIgnoreCase(bytes(m_nodes[size_t(n)].begin, m_nodes[size_t(n)].length), tag);
}

const LightHtml::Attr *LightHtml::findAttr(int n, QByteArrayView name) const
{
    if (!isElement(n))
        return nullptr;
    const Node &node = m_nodes[size_t(n)];
    for (int i = node.attrBegin; i < node.attrBegin + node.attrCount; ++i) {
        const Attr &a = m_attrs[size_t(i)];
        if (equalsIgnoreCase(bytes(a.nameBegin, a.nameLength), name))
            return &a;
    }
    return nullptr;
}

bool LightHtml::hasAttr(int n, QByteArrayView name) const
{
    return findAttr(n, name) != nullptr;
}

QString LightHtml::attr(int n, QByteArrayView name) const
{
    const Attr *a = findAttr(n, name);
    return a ? decodeHtmlEntities(bytes(a->valueBegin, a->valueLength)) : QString();
}

bool LightHtml::hasClass(int n, QByteArrayView cls) const
{
    const int index = isElement(n) ? m_nodes[size_t(n)].classAttr : -1;
    const Attr *a = index >= 0 ? &m_attrs[size_t(index)] : nullptr;
    if (!a || cls.isEmpty() || std::any_of(cls.begin(), cls.end(), isSpace))
        return false;
    const QByteArrayView value = bytes(a->valueBegin, a->valueLength);
    for (qsizetype from = 0; (from = value.indexOf(cls, from)) >= 0; from += cls.size()) {
        const bool startOk = from == 0 || isSpace(value[from - 1]);
        const qsizetype after = from + cls.size();
        if (startOk && (after == value.size() || isSpace(value[after])))
            return true;
    }
    return false;
}

int LightHtml::subtreeEnd(int n) const
{
    // Nodes are stored in document order, so a node's descendants are the indices after it up
    // to its next sibling (or the next sibling of its nearest ancestor that has one).
    for (int a = n; a != none; a = m_nodes[size_t(a)].parent)
        if (m_nodes[size_t(a)].next != none)
            return m_nodes[size_t(a)].next;
    return size();
}

QString LightHtml::text(int n) const
{
    if (!valid(n))
        return {};
    if (!m_nodes[size_t(n)].element)
        return decodeHtmlEntities(bytes(m_nodes[size_t(n)].begin, m_nodes[size_t(n)].length)).simplified();
    // The text nodes below n as written, decoded once (most elements read here hold one).
    QByteArray raw;
    int single = none, count = 0;
    const int end = subtreeEnd(n);
    for (int i = n + 1; i < end; ++i)
        if (!m_nodes[size_t(i)].element && ++count == 1)
            single = i;
    if (count == 1)
        return decodeHtmlEntities(bytes(m_nodes[size_t(single)].begin, m_nodes[size_t(single)].length)).simplified();
    for (int i = n + 1; i < end; ++i)
        if (!m_nodes[size_t(i)].element)
            raw += bytes(m_nodes[size_t(i)].begin, m_nodes[size_t(i)].length);
    return decodeHtmlEntities(raw).simplified();
}

QUrl LightHtml::url(int n, QByteArrayView attribute) const
{
    if (!hasAttr(n, attribute))
        return {};
    const QString value = attr(n, attribute).trimmed();
    if (value.isEmpty())
        return {};
    const QUrl u = m_base.resolved(QUrl(value));
    return u.isValid() ? u : QUrl();
}

bool LightHtml::matches(int n, QByteArrayView tag, quint8 tagKnown, QByteArrayView cls, QByteArrayView attribute) const
{
    const Node &node = m_nodes[size_t(n)];
    if (!node.element || n == root())
        return false;
    if (!tag.isEmpty() && (tagKnown != K_unknown ? node.known != tagKnown : !isTag(n, tag)))
        return false;
    if (!cls.isEmpty() && !hasClass(n, cls))
        return false;
    return attribute.isEmpty() || hasAttr(n, attribute);
}

QList<int> LightHtml::all(int n, QByteArrayView tag, QByteArrayView cls, QByteArrayView attribute) const
{
    QList<int> out;
    if (!valid(n))
        return out;
    const quint8 k = tag.isEmpty() ? quint8(K_unknown) : known(tag);
    for (int i = n + 1, end = subtreeEnd(n); i < end; ++i)
        if (matches(i, tag, k, cls, attribute))
            out.append(i);
    return out;
}

int LightHtml::first(int n, QByteArrayView tag, QByteArrayView cls, QByteArrayView attribute) const
{
    if (!valid(n))
        return none;
    const quint8 k = tag.isEmpty() ? quint8(K_unknown) : known(tag);
    for (int i = n + 1, end = subtreeEnd(n); i < end; ++i)
        if (matches(i, tag, k, cls, attribute))
            return i;
    return none;
}

} // namespace fliptech::net
