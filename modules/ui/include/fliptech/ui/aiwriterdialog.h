#pragma once
// AiWriterDialog: the AI email writer, opened from a lead ("Write email…" on the lead pane). The
// user picks the goal (introduce, follow up, ask for a meeting, send a proposal), the tone and the
// name to sign with, and presses Write: the text streams in as the model writes it (a busy bar
// meanwhile; the dialog stays responsive), then subject and body are editable and saved back to
// the stored draft. It says who wrote it (a model and what the call cost, or the offline writer
// and why), and a refused call (a budget, a refused key) is said in words with what to do.
// The work is ai::AiService::generateEmail, the same as POST /api/v1/ai-mvp/generate-email.
// With mailboxes given (setSending), "Send" mails the draft as edited from the chosen one (as
// POST /ai-mvp/send-email does) and the lead's reply will thread into the inbox.

#include "fliptech/leads/actor.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace fliptech::ai {
class AiService;
}

namespace fliptech::ui {

class AiWriterDialog final : public QDialog
{
    Q_OBJECT
public:
    AiWriterDialog(ai::AiService &ai, leads::Actor actor, qint64 leadId, const QString &leadName, QWidget *parent = nullptr);
    ~AiWriterDialog() override;
    qint64 draftId() const { return m_draftId; }
    bool isWriting() const { return m_watcher.isRunning(); }
    void setSenderName(const QString &name);
    // The mailboxes to send from ({label, account id}) and what sends ({draft_id,
    // sender_account_id, subject, body} → the result, or {error}); without them there is no Send.
    void setSending(const QList<QPair<QString, qint64>> &accounts, std::function<QJsonObject(const QJsonObject &)> send);
    bool isSending() const { return m_sendWatcher.isRunning(); }

public Q_SLOTS:
    void write();
    bool saveDraft();
    void send();

private:
    void finished();

    ai::AiService &m_ai;
    leads::Actor m_actor;
    qint64 m_leadId;
    qint64 m_draftId = 0;
    QComboBox *m_goal;
    QComboBox *m_tone;
    QLineEdit *m_sender;
    QCheckBox *m_offline;
    QPushButton *m_write;
    QProgressBar *m_busy;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_about;
    QPushButton *m_save;
    QPushButton *m_copy;
    QComboBox *m_account;
    QPushButton *m_send;
    std::function<QJsonObject(const QJsonObject &)> m_sendFunction;
    QFutureWatcher<QJsonObject> m_watcher;
    QFutureWatcher<QJsonObject> m_sendWatcher;
};

} // namespace fliptech::ui
