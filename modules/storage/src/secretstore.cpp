#include "fliptech/storage/secretstore.h"

#include "fliptech/storage/logging.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace fliptech::storage {

using core::ErrorCode;
using core::makeError;

core::Result<QByteArray> SecretStore::readOrCreate(const QString &key, const std::function<QByteArray()> &generate)
{
    auto existing = read(key);
    if (existing || existing.error().code != ErrorCode::NotFound)
        return existing;
    const QByteArray fresh = generate();
    if (auto st = write(key, fresh); !st)
        return st.error();
    return fresh;
}

namespace {
// Runs a QtKeychain job to completion (they are asynchronous) with a timeout, because a
// Secret Service without a running keyring can leave a job hanging.
bool runJob(QKeychain::Job *job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    return finished;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs) : m_service(std::move(service)), m_timeoutMs(timeoutMs) {}

core::Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!runJob(&job, m_timeoutMs))
        return makeError(ErrorCode::Unavailable, QStringLiteral("the keychain did not answer"));
    if (job.error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound, QStringLiteral("no secret '%1' in the keychain").arg(key));
    if (job.error() != QKeychain::NoError)
        return makeError(ErrorCode::Unavailable, QStringLiteral("keychain: ") + job.errorString());
    return job.binaryData();
}

core::Status KeychainSecretStore::write(const QString &key, const QByteArray &value)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(value);
    if (!runJob(&job, m_timeoutMs))
        return makeError(ErrorCode::Unavailable, QStringLiteral("the keychain did not answer"));
    if (job.error() != QKeychain::NoError)
        return makeError(ErrorCode::Unavailable, QStringLiteral("keychain: ") + job.errorString());
    return {};
}

core::Status KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!runJob(&job, m_timeoutMs))
        return makeError(ErrorCode::Unavailable, QStringLiteral("the keychain did not answer"));
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return makeError(ErrorCode::Unavailable, QStringLiteral("keychain: ") + job.errorString());
    return {};
}

bool KeychainSecretStore::isReachable()
{
    const QString probe = QStringLiteral("fliptech-probe");
    if (!write(probe, QByteArrayLiteral("ok")))
        return false;
    auto back = read(probe);
    core::logDiscarded(remove(probe), "the keychain probe entry; the next probe overwrites it");
    return back && *back == "ok";
}

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path)) {}

core::Result<QHash<QString, QByteArray>> FileSecretStore::load()
{
    QHash<QString, QByteArray> all;
    QFile f(m_path);
    if (!f.exists())
        return all;
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot read %1: %2").arg(m_path, f.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 is damaged (not a JSON object)").arg(m_path));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        all.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    return all;
}

core::Status FileSecretStore::save(const QHash<QString, QByteArray> &all)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonObject o;
    for (auto it = all.begin(); it != all.end(); ++it)
        o.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot write %1: %2").arg(m_path, f.errorString()));
    // Owner-only before any secret is written into it.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!f.commit())
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot write %1: %2").arg(m_path, f.errorString()));
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

core::Result<QByteArray> FileSecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto all = load();
    if (!all)
        return all.error();
    if (!all->contains(key))
        return makeError(ErrorCode::NotFound, QStringLiteral("no secret '%1'").arg(key));
    return all->value(key);
}

core::Status FileSecretStore::write(const QString &key, const QByteArray &value)
{
    QMutexLocker lock(&m_mutex);
    auto all = load();
    if (!all)
        return all.error();
    all->insert(key, value);
    return save(*all);
}

core::Status FileSecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto all = load();
    if (!all)
        return all.error();
    if (all->remove(key) == 0)
        return {};
    return save(*all);
}

std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir)
{
    bool tryKeychain = qEnvironmentVariableIsEmpty("FLIPTECH_SECRETS_FILE_ONLY");
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // No session bus, no Secret Service: do not wait for a keychain that cannot answer.
    tryKeychain = tryKeychain && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
#endif
    if (tryKeychain) {
        auto keychain = std::make_unique<KeychainSecretStore>(QStringLiteral("FlipTech Pro"), 3000);
        if (keychain->isReachable())
            return keychain;
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("secrets.json"));
    qCWarning(lcStorage).noquote() << "no OS keychain answers; keeping secrets in" << path
                                   << "(readable by this user only). Install and unlock a keyring to use it instead.";
    return std::make_unique<FileSecretStore>(path);
}

} // namespace fliptech::storage
