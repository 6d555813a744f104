#pragma once
// Reading a received message (issue 12's inbox): RFC 5322 headers (unfolded, RFC 2047 encoded
// words decoded, in any charset), MIME parts to any depth (multipart/*, base64 and
// quoted-printable, each text part's charset converted to UTF-8), the text as the sender wrote
// it (text/plain, else the HTML as text), the HTML, and attachments with their file names
// (RFC 2231 too). Threading headers (Message-ID, In-Reply-To, References) are kept as bare ids.
// Auto-replies are recognised (RFC 3834 Auto-Submitted, X-Autoreply and kin, Precedence, the
// subjects and phrasings of out-of-office answers) so they do not count as replies.
// Bad input is never a crash: a message that is not one is an error saying so; anything
// readable in a damaged one is kept.

#include "fliptech/core/error.h"
#include "fliptech/mail/mime.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace fliptech::mail {

struct Attachment {
    QString filename;
    QString contentType; // "application/pdf"
    QByteArray data;
};

struct ParsedMessage {
    QString messageId; // without the angle brackets
    QString inReplyTo;
    QStringList references; // oldest first
    Address from;
    QList<Address> to, cc;
    Address replyTo;
    QString subject;
    QDateTime date; // UTC; invalid when missing or unreadable
    QString text;   // the text/plain part, else the HTML as text
    QString html;
    QList<Attachment> attachments;
    QHash<QByteArray, QByteArray> headers; // lower-case name -> first value, unfolded, as sent
    bool autoReply = false;
    QString autoReplyReason; // "Auto-Submitted: auto-replied", "subject: Automatic reply", ...
};

// At most 50 MB; a message without a header block is a ValidationFailed.
core::Result<ParsedMessage> parseMessage(const QByteArray &raw);

// Pieces, for tests and the other readers.
QString decodeEncodedWords(const QByteArray &value);       // RFC 2047 "=?utf-8?Q?...?=" runs
QList<Address> parseAddressList(const QByteArray &value); // "A <a@x>, b@y, \"C, D\" <c@z>"
QStringList parseMessageIds(const QByteArray &value);      // "<a@x> <b@y>" -> [a@x, b@y]
QString bracketedMessageId(const QString &id);             // "a@x" -> "<a@x>" (as stored and sent); "" stays ""
QByteArray decodeQuotedPrintable(const QByteArray &data);
// The subject a thread shares: "Re: Fwd: AW: [ext] Hello  world" -> "hello world".
QString normalizeSubject(const QString &subject);

} // namespace fliptech::mail
