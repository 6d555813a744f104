#pragma once
// A real SMTP server for tests: aiosmtpd (python3-aiosmtpd, installed by scripts/test.sh) run by
// tests/support/smtpsink.py on a free port of 127.0.0.1, keeping every message it accepts as a
// file. Recipients starting with "bounce" are refused with 550, with "later" with 451; senders
// starting with "blocked" with 550.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace fliptech::test {

class SmtpSink final
{
public:
    SmtpSink() = default;
    ~SmtpSink();
    // Starts the server; false (and why, in error()) when it cannot (no python3 with aiosmtpd).
    bool start();
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }
    // The messages accepted so far, in order, as received (after the envelope lines).
    QList<QByteArray> messages() const;
    // The envelope recipients of each message ("X-RcptTo").
    QList<QByteArray> recipients() const;
    // How many messages it holds (cheap: the folder's entries, not their contents).
    int count() const;
    // EHLO greetings so far: one a connection.
    int greetings() const;

private:
    bool tryStart();

    QProcess m_process;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace fliptech::test
