#pragma once
// A real IMAP server for tests: Dovecot (dovecot-imapd, installed by scripts/test.sh) started in
// the foreground with its own configuration, state and Maildir folders in a temporary directory,
// listening on a free port of 127.0.0.1 without TLS, with one user. Run as root it drops to
// Dovecot's own users (dovecot, dovenull); run as anyone else, it stays that user. Messages are
// delivered by writing them into the user's Maildir, as a local delivery agent does.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace fliptech::test {

class ImapServer final
{
public:
    ImapServer() = default;
    ~ImapServer();
    // Starts it with the user `user` / `password`; false (and why, in error()) when it cannot.
    bool start(const QString &user = QStringLiteral("bounces"), const QString &password = QStringLiteral("secret"));
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }
    // Puts a message in the user's INBOX (new/), as delivered.
    bool deliver(const QByteArray &message);

private:
    bool tryStart(const QString &user, const QString &password);

    QProcess m_process;
    QTemporaryDir m_dir;
    QString m_user;
    quint16 m_port = 0;
    QString m_error;
    int m_delivered = 0;
};

} // namespace fliptech::test
