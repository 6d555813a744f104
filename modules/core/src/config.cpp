#include "fliptech/core/config.h"

#include <QFileInfo>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace fliptech::core {

void Config::set(const QString &key, const QString &value, Source source)
{
    auto it = m_values.find(key);
    if (it != m_values.end() && it->source > source)
        return; // a stronger layer already decided
    m_values.insert(key, Entry{value, source});
}

void Config::setDefault(const QString &key, const QString &value)
{
    set(key, value, Source::Default);
}

QString settingsFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("fliptech.ini"));
}

void Config::loadSettingsFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return;
    QSettings settings(path, QSettings::IniFormat);
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys)
        set(key, settings.value(key).toString(), Source::SettingsFile);
}

void Config::loadEnvironment(const QProcessEnvironment &env, const QHash<QString, QStringList> &namesByKey)
{
    for (auto it = namesByKey.begin(); it != namesByKey.end(); ++it) {
        for (const QString &name : it.value()) {
            const QString v = env.value(name);
            if (!v.isEmpty()) {
                set(it.key(), v, Source::Environment);
                break;
            }
        }
    }
}

void Config::setCommandLine(const QString &key, const QString &value)
{
    set(key, value, Source::CommandLine);
}

QString Config::value(const QString &key) const
{
    return m_values.value(key).value;
}

int Config::intValue(const QString &key, int fallback) const
{
    bool ok = false;
    const int v = value(key).toInt(&ok);
    return ok ? v : fallback;
}

Config::Source Config::source(const QString &key) const
{
    return m_values.value(key).source;
}

} // namespace fliptech::core
