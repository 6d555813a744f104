#pragma once
// SecretStore: where secrets live (the JWT signing key, SMTP passwords, provider API keys):
// the OS keychain through QtKeychain, or — where no keychain answers (headless servers, CI) —
// a 0600 file in the data folder, with a warning in the log. Never the database, never the
// settings file in clear text.

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

namespace fliptech::storage {

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // NotFound when there is no such secret.
    virtual core::Result<QByteArray> read(const QString &key) = 0;
    virtual core::Status write(const QString &key, const QByteArray &value) = 0;
    virtual core::Status remove(const QString &key) = 0;
    // "keychain", "file <path>", "memory": shown in Settings and the log.
    virtual QString description() const = 0;

    // Reads the secret, or creates it with `generate` and stores it.
    core::Result<QByteArray> readOrCreate(const QString &key, const std::function<QByteArray()> &generate);
};

// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager).
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("FlipTech Pro"), int timeoutMs = 5000);
    core::Result<QByteArray> read(const QString &key) override;
    core::Status write(const QString &key, const QByteArray &value) override;
    core::Status remove(const QString &key) override;
    QString description() const override { return QStringLiteral("keychain"); }
    // True when a keychain answers a write-read-delete round trip within the timeout.
    bool isReachable();

private:
    QString m_service;
    int m_timeoutMs;
};

// A JSON file readable by its owner only (0600), written atomically.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path);
    core::Result<QByteArray> read(const QString &key) override;
    core::Status write(const QString &key, const QByteArray &value) override;
    core::Status remove(const QString &key) override;
    QString description() const override { return QStringLiteral("file ") + m_path; }

private:
    core::Result<QHash<QString, QByteArray>> load();
    core::Status save(const QHash<QString, QByteArray> &all);
    QString m_path;
    QMutex m_mutex;
};

// Where the shared database's password is kept (Settings → Application writes it; the program
// completes a database URL from the settings file that has none with it).
inline constexpr const char *kDatabasePasswordSecret = "database_password";

// The keychain when one answers, else the file in `dataDir` (logged as a warning).
std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir);

} // namespace fliptech::storage
