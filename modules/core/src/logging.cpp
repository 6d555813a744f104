#include "fliptech/core/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcCore, "fliptech.core")

namespace fliptech::core {

void installLogFormat()
{
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
        "%{category}: %{message}"));
}

namespace {

struct LogFile {
    QMutex mutex;
    QString dir;
    QFile file;
    qint64 maxBytes = 0;
    int keep = 0;
    QtMessageHandler previous = nullptr;

    QString path(int n) const
    {
        const QString base = QDir(dir).filePath(QStringLiteral("fliptech.log"));
        return n == 0 ? base : base + u'.' + QString::number(n);
    }

    void rotate()
    {
        file.close();
        QFile::remove(path(keep));
        for (int n = keep - 1; n >= 0; --n)
            if (QFile::exists(path(n)))
                QFile::rename(path(n), path(n + 1));
        file.setFileName(path(0));
        (void)file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
    }
};

LogFile &logFile()
{
    static LogFile instance;
    return instance;
}

void writeToFile(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogFile &log = logFile();
    {
        const QByteArray line = qFormatLogMessage(type, context, message).toUtf8() + '\n';
        QMutexLocker lock(&log.mutex);
        if (log.file.isOpen()) {
            log.file.write(line);
            log.file.flush(); // a crash loses nothing that was logged
            if (log.file.size() > log.maxBytes)
                log.rotate();
        }
    }
    if (log.previous)
        log.previous(type, context, message);
}

} // namespace

bool installLogFile(const QString &dir, qint64 maxBytes, int keep)
{
    LogFile &log = logFile();
    QMutexLocker lock(&log.mutex);
    if (!QDir().mkpath(dir))
        return false;
    log.dir = dir;
    log.maxBytes = std::max<qint64>(maxBytes, 1024);
    log.keep = std::max(keep, 1);
    log.file.close();
    log.file.setFileName(log.path(0));
    if (!log.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    if (!log.previous) {
        QtMessageHandler previous = qInstallMessageHandler(writeToFile);
        log.previous = previous;
    }
    return true;
}

QString logDirectory()
{
    LogFile &log = logFile();
    QMutexLocker lock(&log.mutex);
    return log.dir;
}

// The marker holds the process id and the start time; a marker whose process still runs belongs
// to another instance (left alone), one whose process is gone was left by an unexpected exit.
namespace {
bool processRuns(qint64 pid)
{
#if defined(Q_OS_LINUX)
    return pid > 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
#else
    Q_UNUSED(pid)
    return false; // elsewhere: a marker left over is taken as an unexpected exit
#endif
}
} // namespace

SessionMarker::SessionMarker(const QString &dir) : m_path(QDir(dir).filePath(QStringLiteral("session.lock")))
{
    QDir().mkpath(dir);
    QFile old(m_path);
    if (old.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = old.readAll().split('\n');
        old.close();
        const qint64 pid = lines.value(0).trimmed().toLongLong();
        m_previousStart = QDateTime::fromString(QString::fromLatin1(lines.value(1).trimmed()), Qt::ISODateWithMs);
        if (pid == QCoreApplication::applicationPid() || processRuns(pid))
            return; // another instance on this folder is running: not ours to judge
        m_unexpected = true;
    }
    QSaveFile marker(m_path);
    if (marker.open(QIODevice::WriteOnly)) {
        marker.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + '\n');
        m_held = marker.commit();
    }
}

SessionMarker::~SessionMarker()
{
    release();
}

void SessionMarker::release()
{
    if (m_held)
        QFile::remove(m_path);
    m_held = false;
}

} // namespace fliptech::core
