#include "fliptech/net/robotstxt.h"

namespace fliptech::net {

RobotsTxt RobotsTxt::allowAll()
{
    return {};
}

RobotsTxt RobotsTxt::disallowAll(const QString &why)
{
    RobotsTxt r;
    r.m_disallowAll = true;
    r.m_unreadable = why;
    return r;
}

RobotsTxt RobotsTxt::parse(const QByteArray &text, const QByteArray &productToken)
{
    // Groups: consecutive user-agent lines, then their rules. Ours is every group naming our
    // token (merged), else every "*" group.
    struct Group {
        QList<QByteArray> agents;
        QList<Rule> rules;
        std::optional<int> delayMs;
    };
    QList<Group> groups;
    bool inAgents = false;
    const QByteArray token = productToken.toLower();
    for (QByteArray line : text.left(500 * 1024).split('\n')) { // RFC 9309: at least 500 KiB are read
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "user-agent") {
            if (!inAgents || groups.isEmpty())
                groups.append(Group{});
            groups.last().agents << value.toLower();
            inAgents = true;
            continue;
        }
        inAgents = false;
        if (groups.isEmpty())
            continue; // rules before any user-agent line belong to no group
        if (key == "allow" || key == "disallow") {
            if (!value.isEmpty())
                groups.last().rules.append(Rule{QUrl::toPercentEncoding(QString::fromUtf8(value), "/*$?=&%:;@+,!~'()"), key == "allow"});
        } else if (key == "crawl-delay") {
            bool ok = false;
            const double seconds = value.toDouble(&ok);
            if (ok && seconds >= 0 && seconds <= 3600)
                groups.last().delayMs = int(seconds * 1000);
        }
    }
    RobotsTxt r;
    for (bool specific : {true, false}) {
        for (const Group &g : std::as_const(groups)) {
            bool ours = false;
            for (const QByteArray &a : g.agents)
                ours |= specific ? (!token.isEmpty() && a == token) : a == "*";
            if (!ours)
                continue;
            r.m_rules += g.rules;
            if (g.delayMs)
                r.m_crawlDelayMs = qMax(r.m_crawlDelayMs.value_or(0), *g.delayMs);
        }
        if (!r.m_rules.isEmpty() || r.m_crawlDelayMs)
            break;
    }
    return r;
}

bool RobotsTxt::matches(const QByteArray &pattern, const QByteArray &path)
{
    // '*' any run of characters, a final '$' the end of the path; otherwise a prefix match.
    const bool anchored = pattern.endsWith('$');
    const QByteArray p = anchored ? pattern.chopped(1) : pattern;
    // Backtracking over the '*'s (patterns are short; robots.txt lines at most a few hundred bytes).
    qsizetype pi = 0, si = 0, starP = -1, starS = 0;
    while (si < path.size()) {
        if (pi < p.size() && p.at(pi) == '*') {
            starP = pi++;
            starS = si;
        } else if (pi < p.size() && p.at(pi) == path.at(si)) {
            ++pi;
            ++si;
        } else if (pi == p.size() && !anchored) {
            return true; // the pattern is a prefix of the path
        } else if (starP >= 0) {
            pi = starP + 1;
            si = ++starS;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p.at(pi) == '*')
        ++pi;
    return pi == p.size();
}

bool RobotsTxt::allows(const QUrl &url) const
{
    if (m_disallowAll)
        return false;
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    if (path == "/robots.txt")
        return true;
    qsizetype best = -1;
    bool allowed = true;
    for (const Rule &r : m_rules) {
        if (!matches(r.pattern, path))
            continue;
        if (r.pattern.size() > best || (r.pattern.size() == best && r.allow)) {
            best = r.pattern.size();
            allowed = r.allow;
        }
    }
    return allowed;
}

} // namespace fliptech::net
