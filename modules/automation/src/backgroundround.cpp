#include "fliptech/automation/backgroundround.h"

#include "fliptech/storage/database.h"

#include <QTimer>

namespace fliptech::automation {

BackgroundRound::BackgroundRound(std::shared_ptr<storage::Database> db, std::function<std::chrono::milliseconds()> round, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_round(std::move(round))
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
}

BackgroundRound::~BackgroundRound()
{
    stop();
}

void BackgroundRound::start()
{
    if (m_timer)
        return;
    m_stopping = false;
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &BackgroundRound::kick);
    kick();
}

void BackgroundRound::stop()
{
    m_stopping = true;
    delete m_timer;
    m_timer = nullptr;
    m_thread.waitForDone();
}

void BackgroundRound::kick()
{
    if (m_stopping || !m_timer)
        return;
    m_again = true;
    if (m_busy.exchange(true))
        return; // the round on its way goes round once more
    m_thread.start([this] {
        std::chrono::milliseconds delay{60000};
        for (;;) {
            m_again = false;
            delay = m_round();
            m_busy = false;
            if (!m_again || m_stopping || m_busy.exchange(true))
                break;
        }
        m_db->closeThreadConnection();
        if (!m_stopping)
            QMetaObject::invokeMethod(this, [this, delay] {
                if (m_timer && !m_stopping)
                    m_timer->start(int(std::clamp<qint64>(delay.count(), 0, 3600000)));
            }, Qt::QueuedConnection);
    });
}

} // namespace fliptech::automation
