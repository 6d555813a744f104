#include "fliptech/storage/transaction.h"

#include "fliptech/storage/database.h"
#include "fliptech/storage/logging.h"

namespace fliptech::storage {

Transaction::Transaction(Database &db, Mode mode, Nesting nesting) : m_db(db)
{
    int &depth = m_db.transactionDepth();
    if (depth > 0 && nesting == Nesting::Join) {
        m_joined = true;
        m_active = true;
        return;
    }
    QString sql;
    if (depth == 0)
        sql = (mode == Mode::Immediate && !m_db.isPostgres()) ? QStringLiteral("BEGIN IMMEDIATE")
                                                               : QStringLiteral("BEGIN");
    else
        sql = QStringLiteral("SAVEPOINT fliptech_sp%1").arg(depth + 1);
    auto st = m_db.executeRaw(sql);
    if (!st) {
        m_error = st.error();
        return;
    }
    m_level = ++depth;
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

core::Status Transaction::commit()
{
    if (!m_active)
        return m_error.message.isEmpty() ? core::makeError(core::ErrorCode::Internal, QStringLiteral("transaction not active"))
                                         : m_error;
    m_active = false;
    if (m_joined)
        return {};
    int &depth = m_db.transactionDepth();
    depth = m_level - 1;
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE SAVEPOINT fliptech_sp%1").arg(m_level);
    auto st = m_db.executeRaw(sql);
    if (!st && m_level == 1)
        core::logDiscarded(m_db.executeRaw(QStringLiteral("ROLLBACK")),
                           "the ROLLBACK after a failed COMMIT; when it fails the server has ended the transaction already");
    return st;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_joined)
        return;
    int &depth = m_db.transactionDepth();
    depth = m_level - 1;
    const QString sql = m_level == 1 ? QStringLiteral("ROLLBACK")
                                     : QStringLiteral("ROLLBACK TO SAVEPOINT fliptech_sp%1; RELEASE SAVEPOINT fliptech_sp%1").arg(m_level);
    if (auto st = m_db.executeRaw(sql); !st)
        qCWarning(lcStorage).noquote() << "rollback failed:" << st.error().message;
}

} // namespace fliptech::storage
