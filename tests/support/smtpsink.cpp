#include "smtpsink.h"

#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace fliptech::test {

SmtpSink::~SmtpSink()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // the server stops when its stdin closes
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

bool SmtpSink::start()
{
    // The port is chosen free, then bound by another process: between the two, anything on the
    // machine (a parallel test's client socket) may take it. Such a race is retried on a new port.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (tryStart())
            return true;
        if (!m_error.contains(QLatin1String("address already in use")))
            return false;
    }
    return false;
}

bool SmtpSink::tryStart()
{
    const QString python = python3();
    if (python.isEmpty()) {
        m_error = QStringLiteral("no python3 (scripts/test.sh installs python3 and python3-aiosmtpd)");
        return false;
    }
    m_port = freePort();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(python, {sourceDir() + QStringLiteral("/tests/support/smtpsink.py"), QString::number(m_port), m_dir.path()});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("python3 did not start: %1").arg(m_process.errorString());
        return false;
    }
    QByteArray said;
    while (!said.contains("ready") && m_process.state() == QProcess::Running && m_process.waitForReadyRead(15000))
        said += m_process.readAllStandardOutput();
    if (!said.contains("ready")) {
        m_process.waitForFinished(1000);
        m_error = QStringLiteral("the SMTP sink did not start (install python3-aiosmtpd; scripts/test.sh does): %1")
                      .arg(QString::fromUtf8(m_process.readAllStandardError().right(500)));
        return false;
    }
    return true;
}

int SmtpSink::count() const
{
    return int(QDir(m_dir.path()).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
}

QList<QByteArray> SmtpSink::messages() const
{
    QList<QByteArray> out;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray bytes = f.readAll();
        // Past the two envelope lines.
        for (int i = 0; i < 2; ++i)
            bytes = bytes.mid(bytes.indexOf("\r\n") + 2);
        out << bytes;
    }
    return out;
}

int SmtpSink::greetings() const
{
    QFile f(m_dir.path() + QStringLiteral("/greetings"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : 0;
}

QList<QByteArray> SmtpSink::recipients() const
{
    QList<QByteArray> out;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray head = f.read(4096);
        const qsizetype at = head.indexOf("X-RcptTo: ");
        out << (at < 0 ? QByteArray() : head.mid(at + 10, head.indexOf("\r\n", at) - at - 10));
    }
    return out;
}

} // namespace fliptech::test
