#pragma once
// robots.txt as RFC 9309 reads it: the group for our product token (case-insensitive), else the
// "*" group; rules matched against the path and query with "*" and "$", the longest pattern
// wins, Allow winning a tie; an empty Disallow allows everything. Crawl-delay (not in the RFC,
// but common) is kept. What a fetch of robots.txt means: 2xx its rules, 4xx no rules at all,
// 5xx or no answer everything disallowed (until it can be read).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace fliptech::net {

class RobotsTxt final
{
public:
    static RobotsTxt parse(const QByteArray &text, const QByteArray &productToken);
    static RobotsTxt allowAll();
    static RobotsTxt disallowAll(const QString &why);

    bool allows(const QUrl &url) const;
    std::optional<int> crawlDelayMs() const { return m_crawlDelayMs; }
    // Why everything is disallowed, when it is (robots.txt could not be read).
    QString unreadable() const { return m_unreadable; }

private:
    struct Rule {
        QByteArray pattern; // percent-encoded path pattern, '*' and a final '$' special
        bool allow = false;
    };
    static bool matches(const QByteArray &pattern, const QByteArray &path);
    QList<Rule> m_rules;
    std::optional<int> m_crawlDelayMs;
    bool m_disallowAll = false;
    QString m_unreadable;
};

} // namespace fliptech::net
