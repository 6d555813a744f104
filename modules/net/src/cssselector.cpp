#include "fliptech/net/cssselector.h"

#include <QStringList>

namespace fliptech::net {

using core::ErrorCode;

namespace {

// An XPath string literal for any text ('...' or, with both quotes in it, concat()).
QString literal(const QString &s)
{
    if (!s.contains(u'\''))
        return u'\'' + s + u'\'';
    if (!s.contains(u'"'))
        return u'"' + s + u'"';
    QStringList parts;
    for (const QString &p : s.split(u'\''))
        parts << u'\'' + p + u'\'';
    return QStringLiteral("concat(") + parts.join(QStringLiteral(", \"'\", ")) + u')';
}

class Parser
{
public:
    explicit Parser(const QString &css) : m_s(css) {}

    core::Result<QString> run()
    {
        QStringList alternatives;
        for (;;) {
            skipSpace();
            auto one = selector();
            if (!one)
                return one.error();
            alternatives << *one;
            skipSpace();
            if (atEnd())
                break;
            if (peek() != u',')
                return fail(QStringLiteral("expected ',' or the end"));
            ++m_pos;
        }
        return alternatives.join(QStringLiteral(" | "));
    }

private:
    const QString m_s;
    qsizetype m_pos = 0;

    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_s.size() ? m_s.at(m_pos + ahead) : QChar(); }
    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    core::Error fail(const QString &what) const
    {
        return core::makeError(ErrorCode::ValidationFailed,
                               QStringLiteral("CSS selector \"%1\": %2 at position %3").arg(m_s.left(200), what).arg(m_pos + 1),
                               {{QStringLiteral("selector"), what}});
    }
    static bool identChar(QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u'_' || c.unicode() > 127; }

    core::Result<QString> ident()
    {
        QString out;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'\\' && m_pos + 1 < m_s.size()) {
                out += m_s.at(m_pos + 1);
                m_pos += 2;
            } else if (identChar(c)) {
                out += c;
                ++m_pos;
            } else {
                break;
            }
        }
        if (out.isEmpty())
            return fail(QStringLiteral("expected a name"));
        return out;
    }

    core::Result<QString> stringOrIdent()
    {
        const QChar q = peek();
        if (q != u'"' && q != u'\'')
            return ident();
        ++m_pos;
        QString out;
        while (!atEnd() && peek() != q) {
            if (peek() == u'\\' && m_pos + 1 < m_s.size())
                ++m_pos;
            out += peek();
            ++m_pos;
        }
        if (atEnd())
            return fail(QStringLiteral("unterminated string"));
        ++m_pos;
        return out;
    }

    // A sequence of compound selectors joined by combinators, as a location path.
    core::Result<QString> selector()
    {
        auto first = compound();
        if (!first)
            return first.error();
        QString path = QStringLiteral("descendant-or-self::") + first->step();
        for (;;) {
            const qsizetype before = m_pos;
            skipSpace();
            if (atEnd() || peek() == u',') {
                m_pos = before;
                return path;
            }
            QChar comb = u' ';
            if (peek() == u'>' || peek() == u'+' || peek() == u'~') {
                comb = peek();
                ++m_pos;
                skipSpace();
            } else if (m_pos == before) {
                return fail(QStringLiteral("unexpected '%1'").arg(peek()));
            }
            auto next = compound();
            if (!next)
                return next.error();
            switch (comb.unicode()) {
            case '>':
                path += u'/' + next->step();
                break;
            case '+':
                path += QStringLiteral("/following-sibling::*[1]/self::") + next->step();
                break;
            case '~':
                path += QStringLiteral("/following-sibling::") + next->step();
                break;
            default:
                path += QStringLiteral("/descendant::") + next->step();
            }
        }
    }

    struct Compound {
        QString element = QStringLiteral("*");
        QStringList predicates;
        QString step() const
        {
            QString s = element;
            for (const QString &p : predicates)
                s += u'[' + p + u']';
            return s;
        }
    };

    core::Result<Compound> compound()
    {
        Compound c;
        bool any = false;
        if (peek() == u'*') {
            ++m_pos;
            any = true;
        } else if (identChar(peek()) || peek() == u'\\') {
            auto name = ident();
            if (!name)
                return name.error();
            c.element = name->toLower();
            any = true;
        }
        for (;;) {
            const QChar ch = peek();
            if (ch != u'#' && ch != u'.' && ch != u'[' && ch != u':')
                break;
            auto p = simple(c.element);
            if (!p)
                return p.error();
            c.predicates << *p;
            any = true;
        }
        if (!any)
            return fail(atEnd() ? QStringLiteral("expected a selector") : QStringLiteral("unexpected '%1'").arg(peek()));
        return c;
    }

    // One #id, .class, [attribute] or :pseudo, as an XPath predicate on the element `element`.
    core::Result<QString> simple(const QString &element)
    {
        const QChar ch = peek();
        ++m_pos;
        if (ch == u'#') {
            auto id = ident();
            if (!id)
                return id.error();
            return QString(QStringLiteral("@id = ") + literal(*id));
        }
        if (ch == u'.') {
            auto cls = ident();
            if (!cls)
                return cls.error();
            return QString(QStringLiteral("fliptech-has-class(") + literal(*cls) + u')');
        }
        if (ch == u'[')
            return attribute();
        return pseudo(element);
    }

    core::Result<QString> attribute()
    {
        skipSpace();
        auto name = ident();
        if (!name)
            return name.error();
        const QString a = u'@' + name->toLower();
        skipSpace();
        if (peek() == u']') {
            ++m_pos;
            return a;
        }
        QString op;
        if (peek() == u'=') {
            op = QStringLiteral("=");
            ++m_pos;
        } else if (QStringLiteral("~|^$*").contains(peek()) && peek(1) == u'=') {
            op = QString(peek()) + u'=';
            m_pos += 2;
        } else {
            return fail(QStringLiteral("expected ']' or an operator (=, ~=, |=, ^=, $=, *=)"));
        }
        skipSpace();
        auto value = stringOrIdent();
        if (!value)
            return value.error();
        skipSpace();
        if (peek() != u']')
            return fail(QStringLiteral("expected ']'"));
        ++m_pos;
        const QString v = literal(*value);
        if (op == QLatin1String("="))
            return QString(a + QStringLiteral(" = ") + v);
        if (op == QLatin1String("~="))
            return value->isEmpty() || value->contains(u' ') ? QStringLiteral("false()")
                                                            : QStringLiteral("contains(concat(' ', normalize-space(%1), ' '), %2)").arg(a, literal(u' ' + *value + u' '));
        if (op == QLatin1String("|="))
            return QStringLiteral("(%1 = %2 or starts-with(%1, %3))").arg(a, v, literal(*value + u'-'));
        if (value->isEmpty())
            return QStringLiteral("false()"); // ^= $= *= with "" match nothing (CSS)
        if (op == QLatin1String("^="))
            return QStringLiteral("starts-with(%1, %2)").arg(a, v);
        if (op == QLatin1String("$="))
            return QStringLiteral("substring(%1, string-length(%1) - %2) = %3").arg(a).arg(value->size() - 1).arg(v);
        return QStringLiteral("contains(%1, %2)").arg(a, v);
    }

    core::Result<int> number()
    {
        skipSpace();
        QString digits;
        while (!atEnd() && peek().isDigit())
            digits += m_s.at(m_pos++);
        skipSpace();
        bool ok = false;
        const int n = digits.toInt(&ok);
        if (!ok || n < 1)
            return fail(QStringLiteral("expected a position (1, 2, ...), odd or even"));
        return n;
    }

    core::Result<QString> pseudo(const QString &element)
    {
        auto name = ident();
        if (!name)
            return name.error();
        const QString p = name->toLower();
        const QString ofType = element == QLatin1String("*") ? QString() : element;
        if (p == QLatin1String("first-child"))
            return QStringLiteral("count(preceding-sibling::*) = 0");
        if (p == QLatin1String("last-child"))
            return QStringLiteral("count(following-sibling::*) = 0");
        if (p == QLatin1String("only-child"))
            return QStringLiteral("count(preceding-sibling::*) = 0 and count(following-sibling::*) = 0");
        if (p == QLatin1String("empty"))
            return QStringLiteral("not(*) and not(string-length(text()))");
        if ((p == QLatin1String("first-of-type") || p == QLatin1String("last-of-type")) && ofType.isEmpty())
            return fail(QStringLiteral(":%1 needs an element name (e.g. li:%1)").arg(p));
        if (p == QLatin1String("first-of-type"))
            return QStringLiteral("count(preceding-sibling::%1) = 0").arg(ofType);
        if (p == QLatin1String("last-of-type"))
            return QStringLiteral("count(following-sibling::%1) = 0").arg(ofType);
        if (peek() != u'(')
            return fail(QStringLiteral("unsupported pseudo-class :%1").arg(p));
        ++m_pos;
        QString predicate;
        if (p == QLatin1String("nth-child") || p == QLatin1String("nth-of-type")) {
            const QString axis = p == QLatin1String("nth-child") ? QStringLiteral("*") : ofType;
            if (axis.isEmpty())
                return fail(QStringLiteral(":nth-of-type needs an element name"));
            skipSpace();
            const QString rest = m_s.mid(m_pos, 4).toLower();
            if (rest.startsWith(QLatin1String("odd")) || rest.startsWith(QLatin1String("even"))) {
                const bool odd = rest.startsWith(QLatin1String("odd"));
                m_pos += odd ? 3 : 4;
                skipSpace();
                predicate = QStringLiteral("count(preceding-sibling::%1) mod 2 = %2").arg(axis).arg(odd ? 0 : 1);
            } else {
                auto n = number();
                if (!n)
                    return n.error();
                predicate = QStringLiteral("count(preceding-sibling::%1) = %2").arg(axis).arg(*n - 1);
            }
        } else if (p == QLatin1String("contains")) {
            skipSpace();
            auto text = stringOrIdent();
            if (!text)
                return text.error();
            skipSpace();
            predicate = QStringLiteral("contains(string(.), %1)").arg(literal(*text));
        } else if (p == QLatin1String("not")) {
            skipSpace();
            QStringList inner;
            if (identChar(peek()) || peek() == u'*') {
                auto name2 = peek() == u'*' ? core::Result<QString>(QStringLiteral("*")) : ident();
                if (!name2)
                    return name2.error();
                if (peek() == u'*')
                    ++m_pos;
                if (*name2 != QLatin1String("*"))
                    inner << QStringLiteral("self::") + name2->toLower();
            }
            while (peek() == u'#' || peek() == u'.' || peek() == u'[' || peek() == u':') {
                auto s = simple(element);
                if (!s)
                    return s.error();
                inner << *s;
            }
            skipSpace();
            if (inner.isEmpty())
                return fail(QStringLiteral(":not() needs a simple selector"));
            predicate = QString(QStringLiteral("not(") + inner.join(QStringLiteral(" and ")) + u')');
        } else {
            return fail(QStringLiteral("unsupported pseudo-class :%1()").arg(p));
        }
        if (peek() != u')')
            return fail(QStringLiteral("expected ')'"));
        ++m_pos;
        return predicate;
    }
};

} // namespace

core::Result<QString> cssToXPath(const QString &css)
{
    if (css.trimmed().isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("CSS selector is empty"), {{QStringLiteral("selector"), QStringLiteral("empty")}});
    if (css.size() > 2000)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("CSS selector is longer than 2,000 characters"),
                               {{QStringLiteral("selector"), QStringLiteral("too long")}});
    return Parser(css).run();
}

} // namespace fliptech::net
