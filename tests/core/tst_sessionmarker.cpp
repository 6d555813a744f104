// The desktop's session marker and log file: a run that ends without closing (its process gone,
// the marker left) is noticed by the next start, once; a clean exit, or another instance still
// running on the same folder, is not. The log file takes every message, formatted, and rotates.
#include "fliptech/core/logging.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace fliptech;

class TestSessionMarker final : public QObject
{
    Q_OBJECT

    static void writeMarker(const QString &dir, qint64 pid, const QString &started)
    {
        QFile f(QDir(dir).filePath(QStringLiteral("session.lock")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::number(pid) + '\n' + started.toLatin1() + '\n');
    }
    // The id of a process that has ended.
    static qint64 deadPid()
    {
        QProcess p;
        p.start(QStringLiteral("/bin/true"), {});
        p.waitForFinished();
        return p.processId() > 0 ? p.processId() : 999999;
    }

private Q_SLOTS:
    void cleanExitIsNotACrash()
    {
        QTemporaryDir dir;
        {
            core::SessionMarker first(dir.path());
            QVERIFY(!first.previousRunEndedUnexpectedly());
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("session.lock"))));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("session.lock"))));
        core::SessionMarker second(dir.path());
        QVERIFY(!second.previousRunEndedUnexpectedly());
    }

    void aMarkerLeftByAGoneProcessIsACrashOnce()
    {
#ifndef Q_OS_LINUX
        QSKIP("process liveness is read from /proc");
#endif
        QTemporaryDir dir;
        const qint64 pid = deadPid();
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)));
        writeMarker(dir.path(), pid, QStringLiteral("2026-12-01T09:30:00.000Z"));
        {
            core::SessionMarker next(dir.path());
            QVERIFY(next.previousRunEndedUnexpectedly());
            QCOMPARE(next.previousStart(), QDateTime(QDate(2026, 12, 1), QTime(9, 30), QTimeZone::utc()));
        }
        core::SessionMarker after(dir.path());
        QVERIFY(!after.previousRunEndedUnexpectedly());
    }

    void anotherRunningInstanceIsLeftAlone()
    {
#ifndef Q_OS_LINUX
        QSKIP("process liveness is read from /proc");
#endif
        QTemporaryDir dir;
        QProcess sleeper;
        sleeper.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted());
        writeMarker(dir.path(), sleeper.processId(), QStringLiteral("2026-12-01T09:30:00.000Z"));
        {
            core::SessionMarker second(dir.path());
            QVERIFY(!second.previousRunEndedUnexpectedly());
        }
        // Its marker is still there (it was not ours to remove).
        QFile f(dir.filePath(QStringLiteral("session.lock")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine().trimmed().toLongLong(), qint64(sleeper.processId()));
        sleeper.kill();
        sleeper.waitForFinished();
    }

    void logFileTakesMessagesAndRotates()
    {
        QTemporaryDir dir;
        core::installLogFormat();
        QVERIFY(core::installLogFile(dir.path(), 2048, 2));
        QCOMPARE(core::logDirectory(), dir.path());
        qWarning("first message %d", 1);
        QFile log(QDir(dir.path()).filePath(QStringLiteral("fliptech.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("warning default: first message 1"), text.constData());
        log.close();
        for (int i = 0; i < 200; ++i)
            qInfo("filler line %d that makes the file grow past its limit", i);
        QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("fliptech.log.1"))));
        QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("fliptech.log.2"))));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("fliptech.log.3")))); // keep=2
        QVERIFY(QFileInfo(QDir(dir.path()).filePath(QStringLiteral("fliptech.log"))).size() <= 2048 + 200);
    }
};

QTEST_GUILESS_MAIN(TestSessionMarker)
#include "tst_sessionmarker.moc"
