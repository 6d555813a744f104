#include "imapserver.h"

#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QCoreApplication>
#include <QDateTime>

#include <unistd.h>

namespace fliptech::test {

ImapServer::~ImapServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

bool ImapServer::start(const QString &user, const QString &password)
{
    // A free port may be taken by another process before Dovecot binds it (see SmtpSink::start):
    // such a race is retried on a new port.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (tryStart(user, password))
            return true;
        if (!m_error.contains(QLatin1String("already in use"), Qt::CaseInsensitive))
            return false;
        m_process.waitForFinished(2000);
    }
    return false;
}

bool ImapServer::tryStart(const QString &user, const QString &password)
{
    QString dovecot = QStringLiteral("/usr/sbin/dovecot");
    if (!QFile::exists(dovecot))
        dovecot = QStandardPaths::findExecutable(QStringLiteral("dovecot"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    if (dovecot.isEmpty()) {
        m_error = QStringLiteral("no dovecot (scripts/test.sh installs dovecot-imapd)");
        return false;
    }
    m_user = user;
    m_port = freePort();
    const QString base = m_dir.path();
    for (const char *d : {"run", "state", "mail", "home"})
        QDir().mkpath(base + u'/' + QLatin1String(d));
    for (const char *d : {"new", "cur", "tmp"})
        QDir().mkpath(QStringLiteral("%1/mail/%2/%3").arg(base, user, QLatin1String(d)));
    // The mail folders belong to whoever Dovecot reads them as.
    const QString box = QStringLiteral("/mail/") + user;
    const QStringList open{QStringLiteral("/mail"), box, box + QStringLiteral("/new"), box + QStringLiteral("/cur"), box + QStringLiteral("/tmp"),
                           QStringLiteral("/home")};
    for (const QString &d : open)
        QFile::setPermissions(base + d, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                            QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther |
                                            QFileDevice::ExeOther);
    QFile::setPermissions(base, QFile::permissions(base) | QFileDevice::ExeOther | QFileDevice::ReadOther);
    QFile passwd(base + QStringLiteral("/passwd"));
    if (!passwd.open(QIODevice::WriteOnly) || passwd.write(QStringLiteral("%1:{PLAIN}%2\n").arg(user, password).toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write the password file");
        return false;
    }
    passwd.close();
    QFile::setPermissions(passwd.fileName(), QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const bool root = ::geteuid() == 0;
    const QString me = qEnvironmentVariable("USER", QStringLiteral("nobody"));
    const QString internal = root ? QStringLiteral("dovecot") : me;
    const QString login = root ? QStringLiteral("dovenull") : me;
    const QString uid = root ? QStringLiteral("dovecot") : QString::number(::geteuid());
    const QString gid = root ? QStringLiteral("dovecot") : QString::number(::getegid());
    const QString config = QStringLiteral(
                               "base_dir = %1/run\nstate_dir = %1/state\nlog_path = %1/log\ninfo_log_path = %1/log\nlisten = 127.0.0.1\n"
                               "protocols = imap\nssl = no\ndisable_plaintext_auth = no\nauth_mechanisms = plain login\nfirst_valid_uid = 1\n"
                               "first_valid_gid = 1\nmail_location = maildir:%1/mail/%u\ndefault_internal_user = %2\ndefault_internal_group = %5\n"
                               "default_login_user = %3\n"
                               "service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = %4\n  }\n"
                               "  inet_listener imaps {\n    port = 0\n  }\n}\n"
                               "service anvil {\n  chroot =\n}\n"
                               "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u %1/passwd\n}\n"
                               "userdb {\n  driver = static\n  args = uid=%6 gid=%5 home=%1/home/%u\n}\n")
                               .arg(base, internal, login)
                               .arg(m_port)
                               .arg(gid, uid);
    QFile conf(base + QStringLiteral("/dovecot.conf"));
    if (!conf.open(QIODevice::WriteOnly) || conf.write(config.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write the Dovecot configuration");
        return false;
    }
    conf.close();
    QFile::remove(base + QStringLiteral("/log")); // a failed attempt's words are not this one's
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(dovecot, {QStringLiteral("-F"), QStringLiteral("-c"), conf.fileName()});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("dovecot did not start: %1").arg(m_process.errorString());
        return false;
    }
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (probe.waitForConnected(200) && probe.waitForReadyRead(2000) && probe.readAll().startsWith("* OK"))
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    QFile log(base + QStringLiteral("/log"));
    m_error = QStringLiteral("dovecot did not answer on port %1: %2 %3")
                  .arg(m_port)
                  .arg(QString::fromUtf8(m_process.readAll().right(500)), log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(800)) : QString());
    return false;
}

bool ImapServer::deliver(const QByteArray &message)
{
    const QString name = QStringLiteral("%1.M%2P%3.fliptech").arg(QDateTime::currentSecsSinceEpoch()).arg(++m_delivered).arg(QCoreApplication::applicationPid());
    const QString tmp = QStringLiteral("%1/mail/%2/tmp/%3").arg(m_dir.path(), m_user, name);
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly) || f.write(message) != message.size())
        return false;
    f.close();
    QFile::setPermissions(tmp, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                                   QFileDevice::WriteOther);
    return QFile::rename(tmp, QStringLiteral("%1/mail/%2/new/%3").arg(m_dir.path(), m_user, name));
}

} // namespace fliptech::test
