#pragma once
// Outgoing messages as bytes on the wire (issue 11, module mail): RFC 5322 headers (folded at
// 78 columns, non-ASCII words as RFC 2047 encoded words, UTF-8), a multipart/alternative body
// (text/plain then text/html, each UTF-8 quoted-printable, RFC 2045) or a single part, a
// Message-ID we make and keep (so a reply can be threaded and a crash reconciled), and the
// unsubscribe headers mailbox providers ask bulk senders for: List-Unsubscribe with an https
// link (and a mailto), List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).
// Lines end in CRLF; no line is longer than 998 octets.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace fliptech::mail {

struct Address {
    QString name;  // may be empty
    QString email; // ASCII local part and domain (an IDN domain in its A-label form)
};

struct OutgoingMessage {
    Address from;
    QList<Address> to;
    QList<Address> cc;
    Address replyTo;             // empty email: none
    QString subject;
    QString text;                // the plain-text part (empty: none)
    QString html;                // the HTML part (empty: none)
    QString messageId;           // "<id@domain>"; made from the From domain when empty
    QDateTime date;              // invalid: now
    QString unsubscribeUrl;      // https link (with One-Click) for List-Unsubscribe
    QString unsubscribeMailto;   // "mailto:unsubscribe@…" for List-Unsubscribe too
    QList<QPair<QByteArray, QByteArray>> headers; // more headers, as given (e.g. X-FlipTech-Recipient)
};

// A fresh Message-ID for a sender's domain: "<random.time@domain>".
QString newMessageId(const QString &domain);

// The message, ready for SMTP's DATA (no dot-stuffing: that is the transport's); the
// Message-ID used in `messageId` when given.
QByteArray buildMessage(const OutgoingMessage &message, QString *messageId = nullptr);

// The pieces, for tests and other writers.
QByteArray quotedPrintable(const QByteArray &utf8);
// A header value's text as it may appear in a header: ASCII words as they are, other runs as
// =?UTF-8?B?...?= words of at most 60 characters (each fits a header's first line), split
// between characters.
QByteArray encodeHeaderText(const QString &text);
QByteArray formatAddress(const Address &address);
// RFC 5322 date: "Tue, 01 Dec 2026 06:30:00 +0000".
QByteArray formatDate(const QDateTime &when);

} // namespace fliptech::mail
