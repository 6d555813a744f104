#pragma once
// AutomationPage: the Automation area (issue 15). Its Schedules tab lists the cron schedules
// (task, when, zone, next run in the zone, last result), edits one with a builder (Every 15
// minutes, Hourly, Daily, Weekdays, Weekly, Monthly at a time, or any cron expression) that lists
// the next runs as you type and says what is wrong before Save, a task settings panel per task
// (a saved segment, a scrape to repeat, a mailbox, a report's format and days, backups to keep),
// and the selected schedule's runs, updated live. Run now, Pause/Resume and Delete act on the
// selection. Everything goes through automation::ScheduleService, as the API does.

#include "fliptech/auth/authservice.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QShowEvent;
class QSpinBox;
class QStackedWidget;
class QPlainTextEdit;
class QThreadPool;
class QTableWidget;
class QTabWidget;
class QTimeEdit;
class QTimer;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class SchedulesTab final : public QWidget
{
    Q_OBJECT
public:
    SchedulesTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);

    // Reads the schedules again (keeps the selection).
    void reload();
    // Starts a new schedule in the editor.
    void newSchedule();
    // Saves the editor: a new schedule or the selected one. False (the reason shown) when refused.
    bool save();
    void runNow();
    void toggleActive();
    // Deletes the selected schedule after asking (the asker is replaced in tests).
    void remove();
    std::function<bool(const QString &question)> confirm;
    // The cron expression the builder makes now.
    QString expression() const;

protected:
    // The task's choices (segments, scrapes, mailboxes, webhooks, workflows) as they are now.
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void loadLogs();
    void updatePreview();
    void fillTaskChoices();
    QJsonObject taskConfig() const;
    void setTaskConfig(const QString &task, const QJsonObject &config);
    void builderChanged();
    void say(const QString &text, bool error = false);
    qint64 selectedId() const;

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QTableWidget *m_list;
    QTableWidget *m_logs;
    QLineEdit *m_name;
    QComboBox *m_task;
    QLabel *m_taskHelp;
    QStackedWidget *m_settings;
    QComboBox *m_segment;       // lead tasks
    QComboBox *m_scrapeJob;     // scrape
    QComboBox *m_account;       // inbox sync, bounce check
    QComboBox *m_format;        // analytics report
    QSpinBox *m_days;
    QSpinBox *m_keep;           // backup
    QComboBox *m_webhook;       // webhook
    QComboBox *m_workflow;      // n8n
    QComboBox *m_repeat;
    QTimeEdit *m_time;
    QComboBox *m_weekday;
    QSpinBox *m_monthDay;
    QLineEdit *m_cron;
    QComboBox *m_zone;
    QCheckBox *m_active;
    QCheckBox *m_skipMissed;
    QListWidget *m_preview;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_runNow;
    QPushButton *m_toggle;
    QPushButton *m_delete;
    QTimer *m_previewTimer;
    QTimer *m_reloadTimer;
    qint64 m_editing = 0; // the schedule in the editor (0: a new one)
    bool m_filling = false;
};

// The Rules tab: the rules (trigger, what they do, on/off), a builder (trigger; conditions as rows
// of field, operator and value, joined by "all" or "any"; actions in order; priority; stop the
// rules after), a dry run on the newest leads, and what each rule did, live.
class RulesTab final : public QWidget
{
    Q_OBJECT
public:
    RulesTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    void reload();
    void newRule();
    bool save();
    void toggleActive();
    void remove();
    // Runs the editor's saved rule over the newest leads and shows which match.
    void dryRun();
    void addCondition(const QJsonObject &leaf = {});
    void addAction(const QJsonObject &action = {});
    std::function<bool(const QString &question)> confirm;
    // The rule as the editor would save it.
    QJsonObject ruleFromEditor(QString *problem = nullptr) const;

private:
    void showSelected();
    void loadExecutions();
    void say(const QString &text, bool error = false);
    qint64 selectedId() const;
    void fitOperators(int row);

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QTableWidget *m_list;
    QTableWidget *m_executions;
    QLineEdit *m_name;
    QComboBox *m_trigger;
    QComboBox *m_match;
    QTableWidget *m_conditions;
    QTableWidget *m_actions;
    QSpinBox *m_priority;
    QCheckBox *m_active;
    QCheckBox *m_stop;
    QLabel *m_nested;
    QLabel *m_status;
    QListWidget *m_tried;
    QPushButton *m_save;
    QPushButton *m_toggle;
    QPushButton *m_delete;
    QPushButton *m_try;
    QTimer *m_reloadTimer;
    qint64 m_editing = 0;
    QJsonValue m_keptConditions; // a nested tree the rows cannot show: saved as it was
};

// The Webhooks tab: the outbound webhooks (name, address, events, on/off and why, how the last
// delivery went), an editor (events ticked from the catalogue, failures allowed before it turns
// itself off), the secret shown once with a Copy button, a test ping with the receiver's answer,
// every delivery attempt of the selected hook (status, time, error) with Redeliver, and, for
// administrators, what webhooks may reach (private networks, named addresses). Live.
class WebhooksTab final : public QWidget
{
    Q_OBJECT
public:
    WebhooksTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    // Waits for a test send under way (it uses the engine, which may go next).
    ~WebhooksTab() override;
    void reload();
    void newWebhook();
    bool save();
    // Sends a ping to the selected webhook now and shows what its receiver answered.
    void sendTest();
    void toggleActive();
    void remove();
    // Sends the selected delivery (in the attempts list) again.
    void redeliver();
    // A new secret for the selected webhook, shown once.
    void rotateSecret();
    bool saveSettings();
    std::function<bool(const QString &question)> confirm;
    // The secret last shown (after Save of a new hook or a rotation), for tests.
    QString shownSecret() const;

private:
    void showSelected();
    void loadLogs();
    void say(const QString &text, bool error = false);
    void showSecret(const QString &secret);
    // The selected webhook is an n8n workflow's: its address and events are not the user's.
    void setManaged(bool managed);
    qint64 selectedId() const;
    leads::Actor actor() const;

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QTableWidget *m_list;
    QTableWidget *m_logs;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QListWidget *m_events;
    QSpinBox *m_maxFailures;
    QCheckBox *m_active;
    QLineEdit *m_secret;
    QWidget *m_secretRow;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_test;
    QPushButton *m_toggle;
    QPushButton *m_delete;
    QPushButton *m_rotate;
    QPushButton *m_redeliver;
    QCheckBox *m_allowPrivate;
    QLineEdit *m_allowed;
    QPushButton *m_saveSettings;
    QTimer *m_reloadTimer;
    qint64 m_editing = 0;
    bool m_managed = false;
    QThreadPool *m_work; // this tab's own, so it can wait for what it started
};

// The Approvals tab: what waits for a decision (title, the lead, who may decide, the deadline and
// what it does then) and what approving does, editable first: a rule's waiting actions (each as
// on the Rules tab), an AI reply's text, the values an n8n workflow step sent; a campaign launch.
// Approve (with the edits) or Reject with a note; decided ones on request. Live; the tab's title
// counts what waits.
class ApprovalsTab final : public QWidget
{
    Q_OBJECT
public:
    ApprovalsTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    void reload();
    bool approve();
    bool reject();
    int waiting() const { return m_waiting; }

Q_SIGNALS:
    void waitingChanged(int count);

private:
    void showSelected();
    bool decide(const QString &decision);
    void say(const QString &text, bool error = false);
    qint64 selectedId() const;

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QTableWidget *m_list;
    QCheckBox *m_history;
    QLabel *m_details;
    QTableWidget *m_actions;
    QPlainTextEdit *m_reply;
    QLineEdit *m_note;
    QLabel *m_status;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QTimer *m_reloadTimer;
    QJsonObject m_selected;
    int m_waiting = 0;
};

// The Workflows tab: where the team's n8n is (administrators: address and API key, the key kept in
// the keychain), its workflows (on/off ticks, the Webhook trigger that starts each from here or
// why none does, Run now) and their newest runs (status, how long they took). Every call to n8n
// runs off the window's thread; live on /ws/workflows' n8n events.
class WorkflowsTab final : public QWidget
{
    Q_OBJECT
public:
    WorkflowsTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    // Waits for the calls to n8n under way (they use the engine, which may go next).
    ~WorkflowsTab() override;
    // Reads the workflows and runs from n8n (off this thread; idle() when done).
    void reload();
    bool saveSettings();
    // Turns the selected workflow on or off in n8n.
    void toggleActive();
    // Starts the selected workflow now (a "manual" event).
    void runNow();
    // A call to n8n is under way.
    bool busy() const;

Q_SIGNALS:
    // The calls to n8n under way have all finished.
    void idle();

private:
    template <typename Result>
    void off(std::function<Result()> work, std::function<void(const Result &)> done);
    void showSettings();
    void showWorkflows(const QJsonArray &workflows);
    void showExecutions(const QJsonArray &runs);
    void setActive(int row, bool on);
    void updateButtons();
    void say(const QString &text, bool error = false);
    QString selectedId() const;
    bool readOnly() const;
    leads::Actor actor() const;

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QLineEdit *m_baseUrl;
    QLineEdit *m_apiKey;
    QLabel *m_keyState;
    QPushButton *m_saveSettings;
    QPushButton *m_refresh;
    QPushButton *m_toggle;
    QPushButton *m_run;
    QCheckBox *m_onlySelected;
    QTableWidget *m_workflows;
    QTableWidget *m_executions;
    QLabel *m_status;
    QTimer *m_reloadTimer;
    bool m_configured = false;
    int m_pending = 0;
    QThreadPool *m_work; // this tab's own, so it can wait for what it started
};

class AutomationPage final : public QWidget
{
    Q_OBJECT
public:
    AutomationPage(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    SchedulesTab *schedules() const { return m_schedules; }
    RulesTab *rules() const { return m_rules; }
    WebhooksTab *webhooks() const { return m_webhooks; }
    ApprovalsTab *approvals() const { return m_approvals; }
    WorkflowsTab *workflows() const { return m_workflows; }

private:
    QTabWidget *m_tabs;
    RulesTab *m_rules;
    WebhooksTab *m_webhooks;
    ApprovalsTab *m_approvals;
    SchedulesTab *m_schedules;
    WorkflowsTab *m_workflows;
};

} // namespace fliptech::ui
