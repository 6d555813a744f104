#include "fliptech/ui/aiwriterdialog.h"

#include "fliptech/ai/aiservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

AiWriterDialog::AiWriterDialog(ai::AiService &ai, leads::Actor actor, qint64 leadId, const QString &leadName, QWidget *parent)
    : QDialog(parent), m_ai(ai), m_actor(std::move(actor)), m_leadId(leadId)
{
    setWindowTitle(tr("Write to %1").arg(leadName));
    setObjectName(QStringLiteral("aiWriter"));
    resize(640, 560);
    m_goal = new QComboBox(this);
    m_goal->setObjectName(QStringLiteral("aiWriterGoal"));
    m_goal->addItem(tr("Introduce us"), QStringLiteral("introduce"));
    m_goal->addItem(tr("Follow up"), QStringLiteral("follow_up"));
    m_goal->addItem(tr("Ask for a meeting"), QStringLiteral("meeting"));
    m_goal->addItem(tr("Send a proposal"), QStringLiteral("proposal"));
    m_tone = new QComboBox(this);
    m_tone->setObjectName(QStringLiteral("aiWriterTone"));
    m_tone->addItem(tr("Friendly"), QStringLiteral("friendly"));
    m_tone->addItem(tr("Professional"), QStringLiteral("professional"));
    m_tone->addItem(tr("Direct"), QStringLiteral("direct"));
    m_sender = new QLineEdit(this);
    m_sender->setObjectName(QStringLiteral("aiWriterSender"));
    m_sender->setPlaceholderText(tr("Your name, to sign with"));
    m_offline = new QCheckBox(tr("Use the &offline writer (no AI call, no cost)"), this);
    m_offline->setObjectName(QStringLiteral("aiWriterOffline"));
    if (!m_ai.online()) {
        m_offline->setChecked(true);
        m_offline->setEnabled(false);
        m_offline->setToolTip(tr("No AI key is set (Settings → AI): the offline writer drafts from the website findings."));
    }
    m_write = new QPushButton(tr("&Write"), this);
    m_write->setObjectName(QStringLiteral("aiWriterWrite"));
    m_write->setToolTip(tr("Write the email (Ctrl+Return)"));
    m_write->setDefault(true);
    connect(m_write, &QPushButton::clicked, this, &AiWriterDialog::write);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &AiWriterDialog::write);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("aiWriterBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->hide();
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("aiWriterSubject"));
    m_subject->setPlaceholderText(tr("Subject"));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("aiWriterBody"));
    m_body->setPlaceholderText(tr("The email appears here as it is written; edit it as you like."));
    m_about = new QLabel(this);
    m_about->setObjectName(QStringLiteral("aiWriterAbout"));
    m_about->setWordWrap(true);
    m_save = new QPushButton(tr("&Save draft"), this);
    m_save->setObjectName(QStringLiteral("aiWriterSave"));
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &AiWriterDialog::saveDraft);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("aiWriterCopy"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(tr("Subject: %1").arg(m_subject->text()) + QStringLiteral("\n\n") + m_body->toPlainText());
        m_about->setText(tr("Copied."));
    });
    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("aiWriterAccount"));
    m_account->setToolTip(tr("The mailbox to send from"));
    m_account->hide();
    m_send = new QPushButton(tr("Se&nd"), this);
    m_send->setObjectName(QStringLiteral("aiWriterSend"));
    m_send->setToolTip(tr("Send the e-mail as it stands from the chosen mailbox; the reply will appear in Conversations"));
    m_send->setEnabled(false);
    m_send->hide();
    connect(m_send, &QPushButton::clicked, this, &AiWriterDialog::send);
    connect(&m_sendWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
        m_busy->hide();
        const QJsonObject r = m_sendWatcher.result();
        if (r.contains(QStringLiteral("error"))) {
            m_send->setEnabled(true);
            m_about->setText(r.value(QStringLiteral("error")).toString());
            m_about->setStyleSheet(QStringLiteral("color: #b00020"));
            return;
        }
        m_about->setStyleSheet(QString());
        m_about->setText(tr("Sent to %1. The reply will appear in Conversations.").arg(r.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("contact_email")).toString()));
        m_save->setEnabled(false);
    });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Goal"), m_goal);
    form->addRow(tr("&Tone"), m_tone);
    form->addRow(tr("Sign &as"), m_sender);
    auto *writeRow = new QHBoxLayout;
    writeRow->addWidget(m_offline, 1);
    writeRow->addWidget(m_write);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_save);
    bottom->addWidget(m_copy);
    bottom->addStretch();
    bottom->addWidget(m_account);
    bottom->addWidget(m_send);
    bottom->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(writeRow);
    layout->addWidget(m_busy);
    layout->addWidget(m_subject);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_about);
    layout->addLayout(bottom);
    connect(&m_watcher, &QFutureWatcher<QJsonObject>::finished, this, &AiWriterDialog::finished);
}

AiWriterDialog::~AiWriterDialog()
{
    // The call finishes on its own (the provider's timeout bounds it); its text goes nowhere.
    m_watcher.disconnect();
    m_watcher.waitForFinished();
    m_sendWatcher.disconnect();
    m_sendWatcher.waitForFinished();
}

void AiWriterDialog::setSending(const QList<QPair<QString, qint64>> &accounts, std::function<QJsonObject(const QJsonObject &)> send)
{
    m_account->clear();
    for (const auto &[label, id] : accounts)
        m_account->addItem(label, id);
    m_sendFunction = std::move(send);
    const bool can = !accounts.isEmpty() && m_sendFunction;
    m_account->setVisible(can);
    m_send->setVisible(can);
    m_send->setEnabled(can && m_draftId > 0);
}

void AiWriterDialog::send()
{
    if (!m_sendFunction || m_draftId <= 0 || m_sendWatcher.isRunning() || m_watcher.isRunning())
        return;
    if (m_subject->text().trimmed().isEmpty() || m_body->toPlainText().trimmed().isEmpty()) {
        m_about->setText(tr("Write the subject and the text first."));
        return;
    }
    if (!saveDraft())
        return;
    const QJsonObject request{{QStringLiteral("draft_id"), m_draftId}, {QStringLiteral("sender_account_id"), m_account->currentData().toLongLong()}};
    m_send->setEnabled(false);
    m_busy->show();
    m_about->setText(tr("Sending…"));
    m_sendWatcher.setFuture(QtConcurrent::run([fn = m_sendFunction, request] { return fn(request); }));
}

void AiWriterDialog::setSenderName(const QString &name) { m_sender->setText(name); }

void AiWriterDialog::write()
{
    if (m_watcher.isRunning())
        return;
    if (m_draftId && m_save->isEnabled() && !m_body->toPlainText().isEmpty())
        (void)saveDraft(); // the earlier draft keeps its edits
    QJsonObject request{{QStringLiteral("lead_id"), m_leadId},
                        {QStringLiteral("goal"), m_goal->currentData().toString()},
                        {QStringLiteral("tone"), m_tone->currentData().toString()},
                        {QStringLiteral("sender_name"), m_sender->text().trimmed()}};
    if (m_offline->isChecked())
        request.insert(QStringLiteral("writer"), QStringLiteral("offline"));
    m_subject->clear();
    m_body->clear();
    m_body->setReadOnly(true);
    m_about->setText(m_offline->isChecked() ? tr("Writing…") : tr("Asking the AI… the text appears as it is written."));
    m_write->setEnabled(false);
    m_save->setEnabled(false);
    m_copy->setEnabled(false);
    m_busy->show();
    QPointer<QPlainTextEdit> body = m_body;
    auto &service = m_ai;
    const leads::Actor who = m_actor;
    m_watcher.setFuture(QtConcurrent::run([&service, who, request, body]() -> QJsonObject {
        auto onDelta = [body](const QString &piece) {
            QMetaObject::invokeMethod(
                qApp,
                [body, piece] {
                    if (body) {
                        body->moveCursor(QTextCursor::End);
                        body->insertPlainText(piece);
                    }
                },
                Qt::QueuedConnection);
        };
        auto r = service.generateEmail(who, request, onDelta);
        if (!r)
            return QJsonObject{{QStringLiteral("error"), r.error().userMessage()}, {QStringLiteral("reason"), r.error().details.value(QStringLiteral("reason"))}};
        return *r;
    }));
}

void AiWriterDialog::finished()
{
    m_busy->hide();
    m_write->setEnabled(true);
    m_body->setReadOnly(false);
    const QJsonObject r = m_watcher.result();
    if (r.contains(QStringLiteral("error"))) {
        const QString reason = r.value(QStringLiteral("reason")).toString();
        m_about->setText(r.value(QStringLiteral("error")).toString()
                         + (reason == QLatin1String("ai_budget") && m_offline->isEnabled() ? tr("\nTick “Use the offline writer” to draft without the AI.") : QString()));
        m_about->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    m_about->setStyleSheet(QString());
    m_draftId = r.value(QStringLiteral("id")).toInteger();
    m_subject->setText(r.value(QStringLiteral("subject")).toString());
    // The stored text is the final word (a streamed answer may have been JSON).
    m_body->setPlainText(r.value(QStringLiteral("body")).toString());
    const bool byAi = r.value(QStringLiteral("writer")).toString() == QLatin1String("ai");
    QString about = byAi ? tr("Written by %1 for $%2.").arg(r.value(QStringLiteral("model")).toString(), r.value(QStringLiteral("cost_usd")).toString())
                         : QString();
    if (const QString notice = r.value(QStringLiteral("notice")).toString(); !notice.isEmpty())
        about += (about.isEmpty() ? QString() : QStringLiteral(" ")) + notice;
    m_about->setText(about + tr(" Saved as a draft."));
    m_save->setEnabled(true);
    m_copy->setEnabled(true);
    m_send->setEnabled(m_sendFunction && m_account->count() > 0);
}

bool AiWriterDialog::saveDraft()
{
    if (!m_draftId)
        return false;
    auto r = m_ai.updateDraft(m_draftId, {{QStringLiteral("subject"), m_subject->text()}, {QStringLiteral("body"), m_body->toPlainText()}});
    if (!r) {
        m_about->setText(r.error().userMessage());
        m_about->setStyleSheet(QStringLiteral("color: #b00020"));
        return false;
    }
    m_about->setStyleSheet(QString());
    m_about->setText(tr("Draft saved."));
    return true;
}

} // namespace fliptech::ui
