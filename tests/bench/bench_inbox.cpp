// Inbox benchmarks (issue 12), on SQLite and PostgreSQL (FLIPTECH_TEST_PG_URL): a mailbox of
// FLIPTECH_BENCH_INBOX_MESSAGES (default 20,000) distinct messages in a real Dovecot (2,000
// senders writing about 10 messages each: plain replies quoting us, multipart/alternative with
// quoted-printable HTML, a tenth auto-replies), synced by ConversationService over IMAP: each
// message fetched, parsed, classified, threaded and stored. Messages/s (target >= 500), then a
// second sync with nothing new (target < 1 s), and the conversations it made.
// FLIPTECH_BENCH_INBOX_BACKENDS=sqlite|postgres limits the backends (default both).
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"
#include "fliptech/storage/database.h"
#include "imapserver.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <optional>
#include <thread>

using namespace fliptech;

namespace {

QByteArray message(int i)
{
    const int sender = i % 2000;
    const QByteArray from = "owner" + QByteArray::number(sender) + "@shop" + QByteArray::number(sender % 97) + ".example";
    const QByteArray subject = "Re: A few thoughts on shop" + QByteArray::number(sender) + ".example";
    QByteArray head = "From: Owner " + QByteArray::number(sender) + " <" + from + ">\r\nTo: sam@studio.example\r\nSubject: " +
                      (i % 10 == 9 ? "Automatic reply: A few thoughts" : subject) + "\r\nMessage-ID: <m" + QByteArray::number(i) +
                      "@shop.example>\r\nIn-Reply-To: <c" + QByteArray::number(sender) + "@studio.example>\r\nDate: Tue, 1 Dec 2026 09:" +
                      QByteArray::number(10 + i % 50) + ":00 -0600\r\nMIME-Version: 1.0\r\n";
    if (i % 10 == 9)
        return head + "Auto-Submitted: auto-replied\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nI am out of the office until Monday " +
               QByteArray::number(i) + ".\r\n";
    static const char *bodies[] = {"Yes, we'd be interested. What would a new site cost for %d pages?", "Not interested, thanks. We already have a web guy.",
                                   "Can we set up a call on Thursday? I'm free after %d pm.", "Who gave you this address?",
                                   "Sounds good, tell me more. Do you do online ordering for %d locations?"};
    QByteArray text = QByteArray(bodies[i % 5]).replace("%d", QByteArray::number(2 + i % 9)) + "\r\n\r\nThanks,\r\nOwner " + QByteArray::number(sender) +
                      " (" + QByteArray::number(i) + ")\r\n\r\nOn Mon, Nov 30, 2026 at 9:14 AM Sam <sam@studio.example> wrote:\r\n> Hi, I had a look at your website.\r\n"
                      "> Would you be open to a short call?\r\n";
    if (i % 2 == 0)
        return head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text;
    return head + "Content-Type: multipart/alternative; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b" + QByteArray::number(i) +
           "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + text.replace("'", "=27") + "\r\n--b" +
           QByteArray::number(i) + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<div dir=3D\"ltr\"><p>" + text.left(60) + "</p></div>\r\n--b" +
           QByteArray::number(i) + "--\r\n";
}

bool bench(storage::Backend backend, int n, test::ImapServer &imap)
{
    test::TempDatabase tmp(backend);
    test::MemorySecretStore secrets;
    QTemporaryDir dir;
    engine::Engine::Options o;
    o.database = tmp.url();
    o.workers = 0;
    o.secrets = &secrets;
    o.dataDir = dir.path();
    engine::Engine e(o);
    if (!e.connect() || !e.migrate() || !e.start()) {
        std::fprintf(stderr, "the engine does not start on %s\n", backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL");
        return false;
    }
    auto account = e.senders().create(leads::Actor{}, {{QStringLiteral("name"), QStringLiteral("Sam")}, {QStringLiteral("from_email"), QStringLiteral("sam@studio.example")},
                                                       {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("smtp_port"), 2525},
                                                       {QStringLiteral("smtp_security"), QStringLiteral("none")}, {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")},
                                                       {QStringLiteral("imap_port"), int(imap.port())}, {QStringLiteral("imap_security"), QStringLiteral("none")},
                                                       {QStringLiteral("imap_username"), QStringLiteral("sam")}, {QStringLiteral("password"), QStringLiteral("secret")}});
    if (!account) {
        std::fprintf(stderr, "sender account: %s\n", qPrintable(account.error().message));
        return false;
    }
    const qint64 id = account->value(QStringLiteral("id")).toInteger();
    // As in the product, the sync runs on a worker thread while the main thread's event loop
    // runs (it reads the events' notifications: on PostgreSQL a listener that never reads
    // holds the server's notification queue back, and every later NOTIFY slows down).
    auto offThread = [&e, id] {
        std::optional<core::Result<QJsonObject>> result;
        std::atomic_bool done = false;
        std::thread worker([&] {
            result = e.conversations().syncInbox(id);
            done = true;
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        worker.join();
        QCoreApplication::processEvents();
        return *result;
    };
    QElapsedTimer t;
    t.start();
    auto first = offThread();
    const double s = double(t.nsecsElapsed()) / 1e9;
    if (!first) {
        std::fprintf(stderr, "sync: %s\n", qPrintable(first.error().message));
        return false;
    }
    t.restart();
    auto again = offThread();
    const double s2 = double(t.nsecsElapsed()) / 1e9;
    auto conversations = e.database().selectOne(QStringLiteral("SELECT COUNT(*) FROM conversations"));
    std::printf("| %s | %d | %d stored, %d auto-replies | **%.0f** (%.1f s) | %d read, **%.3f s** | %lld |\n",
                backend == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL", n, first->value(QStringLiteral("stored")).toInt(),
                first->value(QStringLiteral("auto_replies")).toInt(), first->value(QStringLiteral("read")).toInt() / s, s,
                again ? again->value(QStringLiteral("read")).toInt() : -1, s2, conversations ? conversations->value(0).toLongLong() : -1LL);
    return first->value(QStringLiteral("read")).toInt() == n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = qEnvironmentVariableIsSet("FLIPTECH_BENCH_INBOX_MESSAGES") ? qEnvironmentVariableIntValue("FLIPTECH_BENCH_INBOX_MESSAGES") : 20000;
    test::ImapServer imap;
    if (!imap.start(QStringLiteral("sam"), QStringLiteral("secret"))) {
        std::fprintf(stderr, "Dovecot does not start: %s\n", qPrintable(imap.error()));
        return 1;
    }
    for (int i = 0; i < n; ++i)
        if (!imap.deliver(message(i))) {
            std::fprintf(stderr, "delivery %d failed\n", i);
            return 1;
        }
    const QString only = qEnvironmentVariable("FLIPTECH_BENCH_INBOX_BACKENDS");
    std::printf("| IMAP sync from Dovecot | messages | kept | first sync: messages/s | resync, nothing new | conversations |\n|---|---|---|---|---|---|\n");
    bool ok = true;
    for (auto b : {storage::Backend::Sqlite, storage::Backend::Postgres})
        if (only.isEmpty() || only.contains(b == storage::Backend::Sqlite ? QLatin1String("sqlite") : QLatin1String("postgres")))
            ok = bench(b, n, imap) && ok;
    std::printf("\n(target: >= 500 messages/s; a resync with nothing new < 1 s)\n");
    return ok ? 0 : 1;
}
