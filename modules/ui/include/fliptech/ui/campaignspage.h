#pragma once
// The Campaigns page (issue 11): the campaigns on the left (search, New campaign… Ctrl+N), the
// chosen one on the right: status and actions (Launch, Pause, Resume, Send test…, Delete), live
// sending progress, the numbers (sent, delivered, opened, clicked, replied, bounced,
// unsubscribed) with rates, a Qt Charts line chart of sends, opens, clicks and replies over time,
// each step with its variants and A/B winner, sends a crash cut off (Mark sent / Resend / Skip),
// and the recipients. The campaign wizard: audience (everyone with an address, a status or a
// saved segment; exclusions) with a live count -> steps (a template each, a wait in sending
// days, an optional B variant with its A/B rule) -> senders and sending hours (in each
// recipient's time zone) -> review (recipients, who is left out and why, the first send times)
// and launch. Everything goes through CampaignService, as the HTTP API does.

#include "fliptech/leads/actor.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>
#include <QWizard>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimeEdit;
class QTimer;
class QChartView;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class CampaignWizard final : public QWizard
{
    Q_OBJECT
public:
    CampaignWizard(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);
    // The campaign as the wizard would create it.
    QJsonObject fields() const;
    // The campaign made on Finish (nullopt until then).
    std::optional<qint64> createdId() const { return m_created; }
    // "Launch now" asked, and the launch waits for an administrator's approval.
    bool waitsForApproval() const { return m_waitsForApproval; }
    bool validateCurrentPage() override;

private:
    void refreshCount();
    void addStep();
    void removeStep();
    void fillReview();

    engine::Engine &m_engine;
    leads::Actor m_actor;
    std::optional<qint64> m_created;
    bool m_waitsForApproval = false;
    QLineEdit *m_name;
    QComboBox *m_audienceKind;
    QComboBox *m_status;
    QComboBox *m_segment;
    QSpinBox *m_contactedDays;
    QCheckBox *m_otherCampaigns;
    QLabel *m_count;
    QTimer *m_countDebounce;
    QFutureWatcher<QJsonObject> m_countWatcher;
    QTableWidget *m_steps;
    QComboBox *m_abMetric;
    QSpinBox *m_abSample;
    QListWidget *m_senders;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    QComboBox *m_zone;
    QCheckBox *m_trackOpens;
    QCheckBox *m_trackClicks;
    QLabel *m_review;
    QListWidget *m_firstSends;
    QCheckBox *m_launchNow;
    QLabel *m_error;
};

class CampaignsPage final : public QWidget
{
    Q_OBJECT
public:
    CampaignsPage(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);

    void reload();
    void open(qint64 id);
    // The wizard; returns the campaign it made.
    std::optional<qint64> newCampaign();
    std::optional<qint64> currentId() const { return m_id; }

private:
    void refresh();
    void act(const QString &action);
    void resolveHeld(const QString &action);
    void sendTest();
    void showChart(const QJsonArray &timeline);

    engine::Engine &m_engine;
    leads::Actor m_actor;
    std::optional<qint64> m_id;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_launch;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_test;
    QPushButton *m_delete;
    QProgressBar *m_progress;
    QLabel *m_stats;
    QChartView *m_chart;
    QTableWidget *m_stepsTable;
    QWidget *m_heldBox;
    QLabel *m_held;
    QTableWidget *m_recipients;
    QLabel *m_message;
    QTimer *m_live;
};

} // namespace fliptech::ui
