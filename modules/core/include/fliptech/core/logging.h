#pragma once
// Logging categories of the project, one per module (fliptech.<module>), the message format and
// the log file of the desktop application.

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace fliptech::core {
// Installs the message format used by the application ("time level category: message").
void installLogFormat();

// Also writes every message, formatted, to <dir>/fliptech.log (created as needed); when the file
// passes maxBytes it becomes fliptech.log.1 (the older ones shift up to .keep) and a new one
// starts. Messages still go to stderr as before. Thread-safe. False if the file cannot be opened.
bool installLogFile(const QString &dir, qint64 maxBytes = 5 * 1024 * 1024, int keep = 4);
// The folder given to installLogFile (empty before).
QString logDirectory();

// Whether the previous run ended without closing: a marker file (<dir>/session.lock) held while
// the application runs, removed on a clean exit. Another instance still running on the same
// folder is not an unexpected exit.
class SessionMarker final
{
public:
    explicit SessionMarker(const QString &dir);
    ~SessionMarker();
    SessionMarker(const SessionMarker &) = delete;
    SessionMarker &operator=(const SessionMarker &) = delete;

    // True when the last run in this folder ended without removing its marker (a crash, a kill,
    // a power cut). Known once the constructor returns.
    bool previousRunEndedUnexpectedly() const { return m_unexpected; }
    // When that run started (invalid if unknown).
    QDateTime previousStart() const { return m_previousStart; }
    // Removes the marker (a clean exit); the destructor calls it too.
    void release();

private:
    QString m_path;
    bool m_held = false;
    bool m_unexpected = false;
    QDateTime m_previousStart;
};
} // namespace fliptech::core
