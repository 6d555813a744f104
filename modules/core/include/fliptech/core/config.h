#pragma once
// Config: settings resolved in layers, command line > environment > settings file > defaults.

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fliptech::core {

// The program's settings file: <AppConfigLocation>/fliptech.ini (database_url, listen,
// cors_origins, log_level, ...), read at start below the environment and the command line, and
// written by the desktop's Settings → Application.
QString settingsFilePath();

class Config final
{
public:
    enum class Source { Default, SettingsFile, Environment, CommandLine };

    void setDefault(const QString &key, const QString &value);
    // Reads an INI settings file ([General] keys); a missing file is not an error.
    void loadSettingsFile(const QString &path);
    // Looks each key up under the given environment names, first hit wins.
    void loadEnvironment(const QProcessEnvironment &env, const QHash<QString, QStringList> &namesByKey);
    void setCommandLine(const QString &key, const QString &value);

    QString value(const QString &key) const;
    int intValue(const QString &key, int fallback) const;
    Source source(const QString &key) const;
    bool contains(const QString &key) const { return m_values.contains(key); }

private:
    void set(const QString &key, const QString &value, Source source);
    struct Entry {
        QString value;
        Source source = Source::Default;
    };
    QHash<QString, Entry> m_values;
};

} // namespace fliptech::core
