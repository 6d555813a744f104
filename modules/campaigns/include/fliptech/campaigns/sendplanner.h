#pragma once
// When a campaign may send (issue 11): pure rules, no database, so the throttling is tested with
// a fake clock.
//  - SendWindow: the sending days and hours of a campaign, read in a time zone (the recipient's,
//    else the account's): whether an instant is inside, when the window next opens, and "N sending
//    days later" for a sequence's delays (days outside the window do not count).
//  - SendPlanner: the sender accounts of a campaign with their limits (daily cap with its ramp,
//    hourly cap, minimum gap) and the sends they already made; reserve() picks the account that
//    may send now (round robin among those that may) and records the send, or says when the
//    first one may.
//  - recipientTimeZone(): a lead's time zone from its location, its US state or Canadian
//    province, or its country (where the country has one zone).

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTime>
#include <QTimeZone>

#include <deque>
#include <optional>
#include <variant>

namespace fliptech::campaigns {

struct SendWindow {
    QList<int> days{1, 2, 3, 4, 5}; // Qt's day numbers: 1 = Monday ... 7 = Sunday
    QTime start{9, 0};
    QTime end{17, 0};               // exclusive; start == end: all day

    // {days: ["mon", ...], start: "09:00", end: "17:00"}; a missing key keeps its default.
    // The error names the key (empty on success).
    static SendWindow fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;

    bool contains(const QDateTime &utc, const QTimeZone &zone) const;
    // `utc` itself when inside; else the next opening (UTC).
    QDateTime nextOpen(const QDateTime &utc, const QTimeZone &zone) const;
    // `days` sending days after `utc` at the same local time (then moved into the window).
    QDateTime afterSendingDays(const QDateTime &utc, int days, const QTimeZone &zone) const;
};

struct AccountLimits {
    qint64 id = 0;
    int dailyLimit = 200;
    int hourlyLimit = 30;
    int minGapSeconds = 60;
    int rampStart = 0;      // 0: no ramp
    int rampPerDay = 0;
    QDate firstDay;         // the ramp's day 1, in the account's zone (invalid: no ramp)
    QTimeZone zone = QTimeZone(QByteArrayLiteral("UTC"));
};

class SendPlanner final
{
public:
    // `sent`: the account's sends of the last day (any campaign), oldest first or not.
    void addAccount(const AccountLimits &limits, const QList<QDateTime> &sent = {});
    bool hasAccount(qint64 id) const { return m_accounts.contains(id); }

    // The account (of `candidates`, tried in turn after the last one picked) that may send at
    // `now`, the send recorded; or the earliest instant one of them may.
    std::variant<qint64, QDateTime> reserve(const QList<qint64> &candidates, const QDateTime &now);
    // Only this account (a sequence's follow-up goes from the mailbox of its first message).
    std::variant<qint64, QDateTime> reserveAccount(qint64 id, const QDateTime &now) { return reserve({id}, now); }
    // When the account may next send (now when it may).
    QDateTime earliest(qint64 id, const QDateTime &now) const;
    // The account's cap today (the ramp's, within the daily limit).
    int capToday(qint64 id, const QDateTime &now) const;
    int sentToday(qint64 id, const QDateTime &now) const;

private:
    struct State {
        AccountLimits limits;
        std::deque<QDateTime> sent; // the last day's sends, in order
    };
    std::optional<QDateTime> blockedUntil(const State &s, const QDateTime &now) const;
    QHash<qint64, State> m_accounts;
    int m_next = 0;
};

// The zone a recipient's window is read in: the location's zone when set (not UTC), else the
// US state / Canadian province (two-letter code or name) when the country is the US or Canada
// (or unset), else the country's only zone; invalid when none is known (use the account's).
QTimeZone recipientTimeZone(const QString &locationZone, const QString &region, const QString &country);

} // namespace fliptech::campaigns
