#pragma once
// AutomationPage: the Automation area (issue 15). Its Schedules tab lists the cron schedules
// (task, when, zone, next run in the zone, last result), edits one with a builder (Every 15
// minutes, Hourly, Daily, Weekdays, Weekly, Monthly at a time, or any cron expression) that lists
// the next runs as you type and says what is wrong before Save, a task settings panel per task
// (a saved segment, a scrape to repeat, a mailbox, a report's format and days, backups to keep),
// and the selected schedule's runs, updated live. Run now, Pause/Resume and Delete act on the
// selection. Everything goes through automation::ScheduleService, as the API does.

#include "fliptech/auth/authservice.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
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

class AutomationPage final : public QWidget
{
    Q_OBJECT
public:
    AutomationPage(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    SchedulesTab *schedules() const { return m_schedules; }

private:
    QTabWidget *m_tabs;
    SchedulesTab *m_schedules;
};

} // namespace fliptech::ui
