#include "fliptech/campaigns/messagetemplate.h"

#include "fliptech/net/lighthtml.h"

#include <QRegularExpression>

#include <optional>

namespace fliptech::campaigns {

using core::ErrorCode;

struct MessageTemplate::Node {
    enum class Kind { Text, Var, If, Spin };
    Kind kind = Kind::Text;
    QString text;     // Text: the text; Var, If: the variable's key
    QString fallback; // Var
    quint32 id = 0;   // Spin: its place among the template's spintax groups (chooses its option)
    std::vector<std::vector<Node>> branches; // If: then, else; Spin: the options
};

namespace {

using Node = MessageTemplate::Node;

// Names that are not a lead's field.
const QSet<QString> &globalNames()
{
    static const QSet<QString> names{QStringLiteral("unsubscribe_url"), QStringLiteral("today")};
    return names;
}

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$"));
    return re.match(name).hasMatch();
}

struct Parser {
    enum class Context { Top, If, Spin };
    enum class End { Input, Else, EndIf, Pipe, Close };

    Parser(const QString &source, const QSet<QString> *knownNames) : s(source), known(knownNames) {}

    const QString &s;
    const QSet<QString> *known;
    qsizetype i = 0;
    qsizetype lastTag = 0; // where the last {{...}} read began
    quint32 spins = 0;
    QStringList variables;
    std::optional<core::Error> error;

    bool fail(qsizetype at, const QString &problem)
    {
        qsizetype line = 1, lineStart = 0;
        for (qsizetype k = 0; k < at && k < s.size(); ++k)
            if (s.at(k) == u'\n') {
                ++line;
                lineStart = k + 1;
            }
        const qsizetype column = at - lineStart + 1;
        error = core::makeError(ErrorCode::ValidationFailed, QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(problem),
                                {{QStringLiteral("line"), line}, {QStringLiteral("column"), column}, {QStringLiteral("problem"), problem}});
        return false;
    }

    bool checkName(const QString &name, qsizetype at)
    {
        if (name.isEmpty())
            return fail(at, QStringLiteral("a tag with no variable in it: write {{first_name}}"));
        if (!validName(name))
            return fail(at, QStringLiteral("\"%1\" is not a variable name (letters, digits and _; lead., sender. or campaign. before it)").arg(name.left(60)));
        const QString key = templateVariableKey(name);
        if (known && !known->contains(key) && !known->contains(name))
            return fail(at, QStringLiteral("{{%1}} is not a variable a message has (see the variable list)").arg(name.left(60)));
        if (!variables.contains(key))
            variables << key;
        return true;
    }

    // Whether the brace group opening at `open` holds a "|" of its own, and where it closes (-1: never).
    QPair<bool, qsizetype> scanGroup(qsizetype open) const
    {
        int depth = 0;
        bool pipe = false;
        for (qsizetype k = open + 1; k < s.size(); ++k) {
            const QChar c = s.at(k);
            if (c == u'\\') {
                ++k;
            } else if (c == u'{' && k + 1 < s.size() && s.at(k + 1) == u'{') {
                const qsizetype close = s.indexOf(QLatin1String("}}"), k + 2);
                if (close < 0)
                    return {pipe, -1};
                k = close + 1;
            } else if (c == u'{') {
                ++depth;
            } else if (c == u'}') {
                if (depth == 0)
                    return {pipe, k};
                --depth;
            } else if (c == u'|' && depth == 0) {
                pipe = true;
            }
        }
        return {pipe, -1};
    }

    bool sequence(std::vector<Node> &out, Context ctx, End *end)
    {
        QString run;
        auto flush = [&] {
            if (run.isEmpty())
                return;
            if (!out.empty() && out.back().kind == Node::Kind::Text)
                out.back().text += run;
            else
                out.push_back(Node{Node::Kind::Text, run, {}, 0, {}});
            run.clear();
        };
        while (i < s.size()) {
            const QChar c = s.at(i);
            if (c == u'\\' && i + 1 < s.size() && QStringView(u"{}|\\").contains(s.at(i + 1))) {
                run += s.at(i + 1);
                i += 2;
                continue;
            }
            if (c == u'{' && i + 1 < s.size() && s.at(i + 1) == u'{') {
                flush();
                const qsizetype start = i;
                lastTag = start;
                const qsizetype close = s.indexOf(QLatin1String("}}"), i + 2);
                if (close < 0)
                    return fail(start, QStringLiteral("an unclosed {{: close it with }}"));
                const QString inner = s.mid(i + 2, close - i - 2).trimmed();
                i = close + 2;
                if (inner.startsWith(QLatin1String("#if"))) {
                    const QString name = inner.mid(3).trimmed();
                    if (!checkName(name, start))
                        return false;
                    Node n{Node::Kind::If, templateVariableKey(name), {}, 0, {}};
                    n.branches.resize(1);
                    End e = End::Input;
                    if (!sequence(n.branches[0], Context::If, &e))
                        return false;
                    if (e == End::Else) {
                        n.branches.resize(2);
                        if (!sequence(n.branches[1], Context::If, &e))
                            return false;
                        if (e == End::Else)
                            return fail(lastTag, QStringLiteral("a second {{else}} in one {{#if}}"));
                    }
                    if (e != End::EndIf)
                        return fail(start, QStringLiteral("{{#if %1}} is never closed: end it with {{/if}}").arg(name.left(60)));
                    out.push_back(std::move(n));
                } else if (inner == QLatin1String("else")) {
                    if (ctx != Context::If)
                        return fail(start, QStringLiteral("{{else}} with no {{#if}} before it"));
                    *end = End::Else;
                    return true;
                } else if (inner == QLatin1String("/if")) {
                    if (ctx != Context::If)
                        return fail(start, QStringLiteral("{{/if}} with no {{#if}} before it"));
                    *end = End::EndIf;
                    return true;
                } else if (inner.startsWith(u'#') || inner.startsWith(u'/')) {
                    return fail(start, QStringLiteral("{{%1}} is not a tag of the language: it has {{#if x}}, {{else}} and {{/if}}").arg(inner.left(40)));
                } else {
                    const qsizetype bar = inner.indexOf(u'|');
                    const QString name = (bar < 0 ? inner : inner.left(bar)).trimmed();
                    if (!checkName(name, start))
                        return false;
                    out.push_back(Node{Node::Kind::Var, templateVariableKey(name), bar < 0 ? QString() : inner.mid(bar + 1).trimmed(), 0, {}});
                }
                continue;
            }
            if (c == u'{') {
                const auto [pipe, close] = scanGroup(i);
                if (!pipe) { // braces of the text itself (CSS, a brace in a sentence)
                    run += c;
                    ++i;
                    continue;
                }
                if (close < 0)
                    return fail(i, QStringLiteral("an unclosed {: a spintax group ends with } ({Hi|Hello})"));
                flush();
                const qsizetype start = i;
                ++i;
                Node n{Node::Kind::Spin, {}, {}, spins++, {}};
                End e = End::Pipe;
                while (e == End::Pipe) {
                    n.branches.emplace_back();
                    if (!sequence(n.branches.back(), Context::Spin, &e))
                        return false;
                    if (e != End::Pipe && e != End::Close)
                        return fail(start, QStringLiteral("an unclosed {: a spintax group ends with } ({Hi|Hello})"));
                }
                out.push_back(std::move(n));
                continue;
            }
            if (ctx == Context::Spin && (c == u'|' || c == u'}')) {
                flush();
                ++i;
                *end = c == u'|' ? End::Pipe : End::Close;
                return true;
            }
            run += c;
            ++i;
        }
        flush();
        *end = End::Input;
        return true;
    }
};

void appendEscaped(QString &out, const QString &v)
{
    for (const QChar c : v) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
}

quint64 mix(quint64 x)
{
    // splitmix64's finaliser: every bit of the input moves every bit of the output.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void renderNodes(const std::vector<Node> &nodes, QString &out, const TemplateVariables &vars, quint64 seed, bool html)
{
    for (const Node &n : nodes) {
        switch (n.kind) {
        case Node::Kind::Text:
            out += n.text;
            break;
        case Node::Kind::Var: {
            const auto it = vars.constFind(n.text);
            if (it == vars.cend() || it->trimmed().isEmpty())
                out += n.fallback;
            else if (html)
                appendEscaped(out, *it);
            else
                out += *it;
            break;
        }
        case Node::Kind::If: {
            const auto it = vars.constFind(n.text);
            const bool shown = it != vars.cend() && !it->trimmed().isEmpty();
            if (shown)
                renderNodes(n.branches[0], out, vars, seed, html);
            else if (n.branches.size() > 1)
                renderNodes(n.branches[1], out, vars, seed, html);
            break;
        }
        case Node::Kind::Spin:
            renderNodes(n.branches[mix(seed ^ (quint64(n.id) << 32)) % n.branches.size()], out, vars, seed, html);
            break;
        }
    }
}

} // namespace

QString templateVariableKey(const QString &name)
{
    if (name.contains(u'.') || globalNames().contains(name))
        return name;
    return QStringLiteral("lead.") + name;
}

const QSet<QString> &knownTemplateVariables()
{
    static const QSet<QString> names = [] {
        QSet<QString> s = globalNames();
        // The lead's fields a message can speak of (not its bookkeeping: scores, stages, dates).
        for (const char *f : {"name", "first_name", "last_name", "company", "title", "email", "phone", "website", "website_domain", "address", "city",
                              "region", "postal_code", "country", "category", "description", "source"}) {
            s.insert(QLatin1String(f));
            s.insert(QStringLiteral("lead.") + QLatin1String(f));
        }
        for (const char *n : {"sender.name", "sender.email", "sender.company", "sender.signature", "sender.phone", "sender.website", "campaign.name"})
            s.insert(QLatin1String(n));
        return s;
    }();
    return names;
}

core::Result<MessageTemplate> MessageTemplate::parse(const QString &source, Mode mode, const QSet<QString> *known)
{
    Parser p(source, known);
    auto nodes = std::make_shared<std::vector<Node>>();
    Parser::End end = Parser::End::Input;
    if (!p.sequence(*nodes, Parser::Context::Top, &end))
        return *p.error;
    MessageTemplate t;
    t.m_nodes = std::move(nodes);
    t.m_mode = mode;
    t.m_variables = p.variables;
    return t;
}

MessageTemplate::MessageTemplate() : m_nodes(std::make_shared<std::vector<Node>>()) {}
MessageTemplate::~MessageTemplate() = default;
MessageTemplate::MessageTemplate(const MessageTemplate &) = default;
MessageTemplate &MessageTemplate::operator=(const MessageTemplate &) = default;
MessageTemplate::MessageTemplate(MessageTemplate &&) noexcept = default;
MessageTemplate &MessageTemplate::operator=(MessageTemplate &&) noexcept = default;

QString MessageTemplate::render(const TemplateVariables &variables, quint64 seed) const
{
    QString out;
    renderInto(out, variables, seed);
    return out;
}

void MessageTemplate::renderInto(QString &out, const TemplateVariables &variables, quint64 seed) const
{
    renderNodes(*m_nodes, out, variables, seed, m_mode == Mode::Html);
}

QStringList MessageTemplate::variables() const
{
    return m_variables;
}

MessageTemplate::Mode MessageTemplate::mode() const
{
    return m_mode;
}

quint64 recipientSeed(qint64 campaignId, qint64 leadId, int step)
{
    return mix(mix(quint64(campaignId)) ^ mix(quint64(leadId) + 0x5bd1e995ULL) ^ quint64(quint32(step)));
}


} // namespace fliptech::campaigns
