#pragma once
// Parts of the main window's shell: the notification bell with its list, the keyboard-shortcut
// help and the About box.

#include <QDialog>
#include <QFrame>
#include <QToolButton>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace fliptech::engine {
class Engine;
}
namespace fliptech::storage {
struct Event;
}

namespace fliptech::ui {

class NotificationList;

// The bell in the status bar: the unread count, and on click the newest notifications. It
// follows the "notifications" channel, so a notice made anywhere (another process, the API)
// shows at once; noticeArrived() lets the window tell the desktop (tray message).
class NotificationBell final : public QToolButton
{
    Q_OBJECT
public:
    NotificationBell(engine::Engine &engine, qint64 userId, QWidget *parent = nullptr);
    int unreadCount() const { return m_unread; }
    // The list (opened by a click; returned for tests).
    NotificationList *openList();

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void noticeArrived(const QString &title, const QString &message, const QString &severity);
    // A notification was opened: where it points ("/conversations/12").
    void openRequested(const QString &actionUrl);

private:
    void onEvent(const fliptech::storage::Event &event);

    engine::Engine &m_engine;
    qint64 m_userId;
    int m_unread = 0;
};

// The popup list of the bell: newest first, unread in bold; a click reads and opens one.
class NotificationList final : public QFrame
{
    Q_OBJECT
public:
    NotificationList(engine::Engine &engine, qint64 userId, QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }
    void reload();
    void markAllRead();

Q_SIGNALS:
    void changed();
    void openRequested(const QString &actionUrl);

private:
    engine::Engine &m_engine;
    qint64 m_userId;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

// Help → Keyboard shortcuts: every shortcut of the window's menus and of the pages.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window);
    QTreeWidget *tree() const { return m_tree; }
    // Every key sequence listed (portable text), for tests.
    QStringList listedKeys() const;

private:
    QTreeWidget *m_tree = nullptr;
};

// Help → About: the version, the Qt it runs on, and the parts it is built from with their licences.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace fliptech::ui
