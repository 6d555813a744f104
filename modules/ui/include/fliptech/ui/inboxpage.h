#pragma once
// The Conversations page (issue 12): the inbox. Left, the threads (filter: needs a reply, unread,
// positive, negative, archived, everything) with the contact, the subject, a sentiment badge and
// the unread count in bold, and "Check mail" (F5), which reads every mailbox now with a progress
// bar and a Cancel button. Middle, the open thread (its messages, ours and theirs, with intent,
// auto-replies and attachments marked), the suggestion panel (Suggest a reply Ctrl+G; the
// suggestion can be edited, then Approve & send, Reject, or Write again) and the reply editor
// (a template to start from, the mailbox to send from, Send Ctrl+Return). Right, the lead
// beside it: status and deal, the website analysis, the latest notes. Live: a reply that
// arrives (the sweep, a teammate) shows at once. Everything goes through ConversationService,
// as the HTTP API does.

#include "fliptech/leads/actor.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTimer;
class QTreeWidget;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class InboxPage final : public QWidget
{
    Q_OBJECT
public:
    InboxPage(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);
    ~InboxPage() override;

    void reload();
    void open(qint64 conversationId);
    std::optional<qint64> currentId() const { return m_id; }
    // Reads every mailbox now (in the background); false when a check is running already.
    bool checkMail();
    // Background work running, or its result not yet shown.
    bool busy() const { return m_running; }

private:
    void refreshThread();
    void showSuggestion(const QJsonObject &suggestion);
    void suggest(const QJsonObject &request);
    void decide(bool approve);
    void sendReply();
    void archive();
    void insertTemplate(int index);
    void finished();
    void say(const QString &text, bool error = false);
    // Runs `work` off the UI thread; `done` gets its result on it.
    void runInBackground(const QString &what, std::function<QJsonObject(const std::atomic_bool &cancelled)> work,
                         std::function<void(const QJsonObject &)> done);

    engine::Engine &m_engine;
    leads::Actor m_actor;
    std::optional<qint64> m_id;
    std::optional<qint64> m_suggestionId;
    QComboBox *m_filter;
    QTreeWidget *m_threads;
    QPushButton *m_check;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_title;
    QTextBrowser *m_thread;
    QPushButton *m_archive;
    QPushButton *m_suggest;
    QPlainTextEdit *m_suggestion;
    QLabel *m_suggestionAbout;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_regenerate;
    QComboBox *m_template;
    QComboBox *m_account;
    QPlainTextEdit *m_reply;
    QPushButton *m_send;
    QTextBrowser *m_lead;
    QLabel *m_message;
    QTimer *m_debounce;
    QFutureWatcher<QJsonObject> m_watcher;
    std::function<void(const QJsonObject &)> m_done;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_running = false;
};

} // namespace fliptech::ui
