#pragma once
// TemplatesPage: the message templates (issue 11). A list on the left (search, active only),
// the editor on the right: name, category, active, subject, the HTML body and the plain-text
// body (left empty: made from the HTML), a variable list whose entries go into the field being
// edited (double-click or Insert), and a live preview for a lead chosen from the newest ones,
// exactly as that lead would receive it. Every edit is checked as it is typed: a mistake is
// named by part, line and column, and "Go to" puts the cursor on it. New, Save (Ctrl+S),
// Duplicate and Delete. Everything goes through TemplateService, as the HTTP API does.

#include "fliptech/leads/actor.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace fliptech::campaigns {
class TemplateService;
class SenderAccountService;
} // namespace fliptech::campaigns
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::ui {

class TemplatesPage final : public QWidget
{
    Q_OBJECT
public:
    // With `senders`, a test of the saved template can be sent from one of them.
    TemplatesPage(campaigns::TemplateService &templates, leads::LeadService &leads, leads::Actor actor, QWidget *parent = nullptr,
                  campaigns::SenderAccountService *senders = nullptr);

    void reload();
    // Opens a template in the editor (0: a new one).
    void open(qint64 id);
    bool save();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QJsonObject fields() const;
    void check();
    void insertVariable(const QString &name);
    void goToMistake();
    void reloadLeads();
    void sendTest();

    campaigns::TemplateService &m_templates;
    leads::LeadService &m_leads;
    leads::Actor m_actor;
    std::optional<qint64> m_id;
    QLineEdit *m_search;
    QCheckBox *m_activeOnly;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_category;
    QCheckBox *m_active;
    QLineEdit *m_subject;
    QTabWidget *m_bodies;
    QPlainTextEdit *m_html;
    QPlainTextEdit *m_text;
    QListWidget *m_variables;
    QComboBox *m_lead;
    QTabWidget *m_previewTabs;
    QTextBrowser *m_previewHtml;
    QPlainTextEdit *m_previewText;
    QLabel *m_previewSubject;
    QLabel *m_check;
    QPushButton *m_goTo;
    QPushButton *m_save;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QLabel *m_message;
    QTimer *m_debounce;
    campaigns::SenderAccountService *m_senders = nullptr;
    QLineEdit *m_testTo = nullptr;
    QComboBox *m_testFrom = nullptr;
    QPushButton *m_testSend = nullptr;
    QFutureWatcher<QJsonObject> m_testWatcher;
    QWidget *m_lastEditor = nullptr;
    QString m_mistakePart;
    int m_mistakeLine = 0, m_mistakeColumn = 0;
};

} // namespace fliptech::ui
