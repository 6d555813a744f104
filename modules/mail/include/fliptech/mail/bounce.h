#pragma once
// Bounces (issue 11): a delivery status notification (RFC 3464: a multipart/report whose
// message/delivery-status part has a block per recipient) read into who bounced, the status code
// and the remote server's words, and whether it is hard (5.x.x: the address does not work; on
// the suppression list) or soft (4.x.x, and 5.2.2 "mailbox full": try later). Reports without
// delivery-status fields are read when they name the address in X-Failed-Recipients (Exim,
// Gmail), or, when the message is plainly a bounce (from a mailer daemon or postmaster, or a
// bounce's subject), from the words vendors write (qmail, Domino, Exchange 2003, Office 365, GMX,
// OpenSMTPD, ...): the address after "could not be delivered to" and its kin, the status code
// the text gives, else one read from the reason ("unknown user": 5.1.1, "mailbox full": 5.2.2).
// Anything else, a reply or an auto-reply, is no bounce: nullopt.

#include <QByteArray>
#include <QString>

#include <optional>

namespace fliptech::mail {

struct Bounce {
    QString recipient;  // the address that failed (Final-Recipient, else Original-Recipient)
    QString status;     // "5.1.1"
    QString action;     // failed, delayed, ...
    QString diagnostic; // the remote server's words (Diagnostic-Code), unfolded
    bool hard = false;
    QString originalMessageId; // the bounced message's Message-ID, when the report quotes its headers
};

std::optional<Bounce> parseBounce(const QByteArray &message);

} // namespace fliptech::mail
