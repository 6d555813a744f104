#pragma once
// Reading a mailbox over IMAP (issue 11 bounces; issue 12's inbox builds on it): libcurl's IMAP,
// blocking, one connection kept across calls. A mailbox is read incrementally by UID: examine()
// says its UIDVALIDITY (when it changes, every UID the reader kept means nothing) and UIDNEXT,
// uidsFrom() lists the UIDs from one on, fetch() brings a message as it is stored. Read-only:
// nothing is marked seen, moved or deleted (the user's mail client stays the judge of that).
// TLS is implicit (imaps, 993), STARTTLS (required, never silently plain) or none (a local server).

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fliptech::mail {

struct ImapSettings {
    enum class Tls { None, StartTls, Implicit };
    QString host;
    int port = 993;
    Tls tls = Tls::Implicit;
    QString username;
    QByteArray password; // from the SecretStore
    int connectTimeoutMs = 15000;
    int timeoutMs = 60000;
    bool verifyTls = true;
};

struct MailboxState {
    qint64 uidValidity = 0;
    qint64 uidNext = 0;
    qint64 exists = 0;
};

// Where a reader of a mailbox stopped: the mailbox's UIDVALIDITY then, and the last UID read.
struct MailboxCursor {
    std::optional<qint64> uidValidity;
    qint64 lastUid = 0;
};

struct ReadSummary {
    int read = 0;
    bool restarted = false; // the UIDVALIDITY changed: read again from the start
    MailboxCursor cursor;   // where it stands now
};

class ImapClient;

// Reads the messages of `mailbox` after `cursor` (every one when its UIDVALIDITY is not the
// cursor's), oldest first, handing each to `each`; `save` is told where it stands every
// `saveEvery` messages and at the end, so a reader stopped half-way (an error, `cancelled`)
// goes on from there next time. An error from `each` or `save` ends it (what was saved stays).
core::Result<ReadSummary> readNewMessages(ImapClient &imap, const QString &mailbox, MailboxCursor cursor,
                                          const std::function<core::Status(qint64 uid, const QByteArray &raw)> &each,
                                          const std::function<core::Status(const MailboxCursor &)> &save,
                                          const std::function<bool()> &cancelled = {}, int saveEvery = 50);

class ImapClient final
{
public:
    explicit ImapClient(ImapSettings settings);
    ~ImapClient();
    ImapClient(const ImapClient &) = delete;
    ImapClient &operator=(const ImapClient &) = delete;

    core::Result<MailboxState> examine(const QString &mailbox = QStringLiteral("INBOX"));
    // UIDs of `mailbox` from `first` on, ascending (at most `limit`).
    core::Result<QList<qint64>> uidsFrom(const QString &mailbox, qint64 first, int limit = 5000);
    // UIDs of `mailbox` in [first, last] (last 0: to the end), ascending. Keep spans small (a few
    // hundred): libcurl drops the middle of very long answer lines.
    core::Result<QList<qint64>> uidsBetween(const QString &mailbox, qint64 first, qint64 last);
    core::Result<QByteArray> fetch(const QString &mailbox, qint64 uid);

    // The pieces, for tests: an EXAMINE's untagged answers read; a SEARCH's.
    static MailboxState parseExamine(const QByteArray &untagged);
    static QList<qint64> parseSearch(const QByteArray &untagged);

private:
    core::Result<QByteArray> run(const QString &mailbox, const QByteArray &path, const QByteArray &command);
    struct Handle;
    ImapSettings m_settings;
    std::unique_ptr<Handle> m_handle;
};

} // namespace fliptech::mail
