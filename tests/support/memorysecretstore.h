#pragma once
// MemorySecretStore: the fake SecretStore of unit tests (the real keychain is exercised
// separately; a file store is a real part too, tested on its own).

#include "fliptech/storage/secretstore.h"

namespace fliptech::test {

class MemorySecretStore final : public storage::SecretStore
{
public:
    core::Result<QByteArray> read(const QString &key) override
    {
        QMutexLocker lock(&m_mutex);
        if (!m_values.contains(key))
            return core::makeError(core::ErrorCode::NotFound, QStringLiteral("no secret"));
        return m_values.value(key);
    }
    core::Status write(const QString &key, const QByteArray &value) override
    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key, value);
        return {};
    }
    core::Status remove(const QString &key) override
    {
        QMutexLocker lock(&m_mutex);
        m_values.remove(key);
        return {};
    }
    QString description() const override { return QStringLiteral("memory"); }

private:
    QMutex m_mutex;
    QHash<QString, QByteArray> m_values;
};

} // namespace fliptech::test
