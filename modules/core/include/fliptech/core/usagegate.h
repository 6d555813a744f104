#pragma once
// UsageGate: the limits an administrator sets on what the workspace uses (leads scraped,
// enrichments, AI tokens, e-mails sent; per day and per month in the workspace's time zone),
// asked by the services that use it before they do. The analytics module keeps the limits and
// counts the use (analytics::UsageService); the engine hands that to the scraper, the
// enrichment, the AI and the campaign sender, which know only this interface.
//
// Limits are soft across processes: two jobs asking at once may both be let through, so a limit
// can be passed by at most one batch. Each service asks before each batch it starts.

#include "fliptech/core/error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fliptech::core {

namespace usage {
inline const QString leadsScraped = QStringLiteral("leads_scraped");
inline const QString enrichments = QStringLiteral("enrichments");
inline const QString aiTokens = QStringLiteral("ai_tokens");
inline const QString emailsSent = QStringLiteral("emails_sent");
} // namespace usage

struct UsageAllowance {
    std::optional<qint64> remaining; // none: no limit applies
    QString period;                  // the limit that binds: "day" or "month"
    qint64 limit = 0;
    qint64 used = 0;
    QDateTime resetsAt;              // UTC: when that period ends
};

class UsageGate
{
public:
    virtual ~UsageGate() = default;
    // What is left of `metric` now under the tightest limit that applies.
    virtual Result<UsageAllowance> allowance(const QString &metric) = 0;

    // Ok when `quantity` more fits; else RateLimited with a message that says which limit, how
    // much was used, when it resets and where to raise it, and details {reason: "usage_limit",
    // metric, period, limit, used, resets_at, retry_after (seconds)}. `what` names the use in
    // the message ("scraped leads"). A gate that cannot count says so (its error).
    Status admit(const QString &metric, qint64 quantity, const QString &what, const QDateTime &now);
    // Whether an error is such a refusal (not the gate failing to count).
    static bool isLimit(const Error &error);
    // The same error for an allowance already read.
    static Error refusal(const QString &metric, const UsageAllowance &a, const QString &what, const QDateTime &now);
};

} // namespace fliptech::core
