#include "fliptech/ui/automationpage.h"

#include "fliptech/automation/n8nservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/scheduleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/actor.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/pageregistry.h"
#include "automationparts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace fliptech::ui {

using detail::actionFromText;
using detail::actionToText;
using detail::cell;
using detail::listTable;
using detail::settingsHint;
using detail::valueText;

namespace {

enum Repeat { Quarterly, Hourly, Daily, Weekdays, Weekly, Monthly, Custom };
enum SettingsPage { LeadsPage, ScrapePage, AccountPage, ReportPage, BackupPage, WebhookPage, WorkflowPage, NonePage };
enum ListColumn { NameCol, TaskCol, WhenCol, ZoneCol, NextCol, LastCol, ActiveCol };

SettingsPage pageOf(const QString &task)
{
    if (task == u"enrich" || task == u"verify_emails" || task == u"analyze_websites")
        return LeadsPage;
    if (task == u"scrape")
        return ScrapePage;
    if (task == u"inbox_sync" || task == u"bounce_check")
        return AccountPage;
    if (task == u"analytics_export")
        return ReportPage;
    if (task == u"database_backup")
        return BackupPage;
    if (task == u"webhook")
        return WebhookPage;
    if (task == u"n8n")
        return WorkflowPage;
    return NonePage;
}

// A run time in the schedule's zone, as people read it: "Sun 8 Mar 2026 03:00 EDT".
QString whenLocal(const QString &utcIso, const QString &zoneId)
{
    QDateTime t = QDateTime::fromString(utcIso, Qt::ISODateWithMs);
    if (!t.isValid())
        return QString();
    const QTimeZone zone(zoneId.toUtf8());
    if (zone.isValid())
        t = t.toTimeZone(zone);
    return QLocale().toString(t, QStringLiteral("ddd d MMM yyyy HH:mm ")) + (zone.isValid() ? zone.abbreviation(t) : QStringLiteral("UTC"));
}

// A refusal as the schedule editor shows it.
QString refusal(const core::Error &e)
{
    return detail::refusal(e, {{QStringLiteral("cron_expression"), QObject::tr("Repeats")},
                               {QStringLiteral("name"), QObject::tr("Name")},
                               {QStringLiteral("timezone"), QObject::tr("Time zone")},
                               {QStringLiteral("task_"), QObject::tr("Task")}});
}

QString statusText(const QString &status)
{
    if (status == u"success")
        return QObject::tr("Done");
    if (status == u"failed")
        return QObject::tr("Failed");
    if (status == u"skipped")
        return QObject::tr("Skipped (missed)");
    if (status == u"queued")
        return QObject::tr("Queued");
    if (status == u"running")
        return QObject::tr("Running");
    return status;
}

} // namespace

SchedulesTab::SchedulesTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete schedule"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Schedules run a task at the times you choose, in the time zone you choose — also while this window is closed, "
                                "as long as FlipTech Pro or its server runs somewhere on this database. A run missed while nothing ran happens once at "
                                "the next start, or is skipped, as you choose."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New schedule"), this);
    add->setObjectName(QStringLiteral("scheduleNew"));
    add->setToolTip(tr("Start a new schedule (Ctrl+N)"));
    m_runNow = new QPushButton(tr("&Run now"), this);
    m_runNow->setObjectName(QStringLiteral("scheduleRunNow"));
    m_runNow->setToolTip(tr("Run the selected schedule's task now, whatever its times say (Ctrl+R)"));
    m_toggle = new QPushButton(tr("&Pause"), this);
    m_toggle->setObjectName(QStringLiteral("scheduleToggle"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("scheduleDelete"));
    m_delete->setToolTip(tr("Delete the selected schedule and its runs (Del)"));
    for (QPushButton *b : {add, m_runNow, m_toggle, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);

    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = listTable(left, QStringLiteral("scheduleList"), {tr("Name"), tr("Task"), tr("When"), tr("Time zone"), tr("Next run"), tr("Last run"), tr("Active")});
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_list, 2);
    leftLayout->addWidget(new QLabel(tr("Runs of the selected schedule"), left));
    m_logs = listTable(left, QStringLiteral("scheduleLogs"), {tr("Result"), tr("Why"), tr("Due"), tr("Finished"), tr("Details")}, false);
    leftLayout->addWidget(m_logs, 1);

    auto *right = new QWidget(split);
    auto *form = new QFormLayout(right);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("scheduleName"));
    m_name->setPlaceholderText(tr("e.g. Verify new leads every night"));
    m_name->setMaxLength(200);
    form->addRow(tr("&Name"), m_name);

    m_task = new QComboBox(right);
    m_task->setObjectName(QStringLiteral("scheduleTask"));
    for (const QJsonValue &v : m_engine.schedules().taskTypes()) {
        const QJsonObject t = v.toObject();
        m_task->addItem(t.value(QStringLiteral("label")).toString(), t.value(QStringLiteral("name")).toString());
        m_task->setItemData(m_task->count() - 1, t.value(QStringLiteral("description")).toString(), Qt::ToolTipRole);
    }
    form->addRow(tr("&Task"), m_task);
    m_taskHelp = new QLabel(right);
    m_taskHelp->setWordWrap(true);
    m_taskHelp->setStyleSheet(QStringLiteral("color: palette(placeholder-text)"));
    form->addRow(QString(), m_taskHelp);

    m_settings = new QStackedWidget(right);
    // One page of settings per kind of task (SettingsPage order): labelled boxes in a form.
    auto addPage = [this](std::initializer_list<std::pair<QString, QWidget *>> rows) {
        auto *page = new QWidget(m_settings);
        auto *f = new QFormLayout(page);
        f->setContentsMargins(0, 0, 0, 0);
        for (const auto &[label, box] : rows)
            f->addRow(label, box);
        m_settings->addWidget(page);
    };
    m_segment = new QComboBox(m_settings);
    m_segment->setObjectName(QStringLiteral("scheduleSegment"));
    m_segment->setToolTip(tr("The leads the task acts on: a saved segment of the Leads page (up to 10,000 leads a run)"));
    addPage({{tr("Leads"), m_segment}});
    m_scrapeJob = new QComboBox(m_settings);
    m_scrapeJob->setObjectName(QStringLiteral("scheduleScrape"));
    m_scrapeJob->setToolTip(tr("Each run repeats this scrape with the same sites, categories and keywords; leads already stored are updated"));
    addPage({{tr("Repeat the scrape"), m_scrapeJob}});
    m_account = new QComboBox(m_settings);
    m_account->setObjectName(QStringLiteral("scheduleAccount"));
    addPage({{tr("Mailbox"), m_account}});
    m_format = new QComboBox(m_settings);
    m_format->setObjectName(QStringLiteral("scheduleFormat"));
    m_format->addItem(tr("PDF report"), QStringLiteral("pdf"));
    m_format->addItem(tr("CSV (spreadsheet)"), QStringLiteral("csv"));
    m_format->addItem(tr("JSON"), QStringLiteral("json"));
    m_days = new QSpinBox(m_settings);
    m_days->setObjectName(QStringLiteral("scheduleDays"));
    m_days->setRange(1, 400);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days before each run"));
    addPage({{tr("Format"), m_format}, {tr("Period"), m_days}});
    m_keep = new QSpinBox(m_settings);
    m_keep->setObjectName(QStringLiteral("scheduleKeep"));
    m_keep->setRange(1, 365);
    m_keep->setValue(7);
    m_keep->setSuffix(tr(" newest backups"));
    addPage({{tr("Keep"), m_keep}});
    m_webhook = new QComboBox(m_settings);
    m_webhook->setObjectName(QStringLiteral("scheduleWebhook"));
    addPage({{tr("Webhook"), m_webhook}});
    m_workflow = new QComboBox(m_settings);
    m_workflow->setObjectName(QStringLiteral("scheduleWorkflow"));
    addPage({{tr("n8n workflow"), m_workflow}});
    m_settings->addWidget(new QLabel(tr("This task takes no settings."), m_settings));
    m_settings->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // the lists below take the room
    form->addRow(m_settings);

    auto *when = new QHBoxLayout;
    m_repeat = new QComboBox(right);
    m_repeat->setObjectName(QStringLiteral("scheduleRepeat"));
    m_repeat->addItems({tr("Every 15 minutes"), tr("Every hour, at minute"), tr("Every day at"), tr("Weekdays (Mon–Fri) at"), tr("Every week on"),
                        tr("Every month on day"), tr("Custom (cron expression)")});
    when->addWidget(m_repeat);
    m_weekday = new QComboBox(right);
    m_weekday->setObjectName(QStringLiteral("scheduleWeekday"));
    for (int d = 1; d <= 7; ++d)
        m_weekday->addItem(QLocale().dayName(d), d % 7);
    when->addWidget(m_weekday);
    m_monthDay = new QSpinBox(right);
    m_monthDay->setObjectName(QStringLiteral("scheduleMonthDay"));
    m_monthDay->setRange(1, 28);
    m_monthDay->setToolTip(tr("Days 29 to 31 do not come every month: use a custom expression for them"));
    when->addWidget(m_monthDay);
    m_time = new QTimeEdit(QTime(8, 0), right);
    m_time->setObjectName(QStringLiteral("scheduleTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    when->addWidget(m_time);
    when->addStretch(1);
    auto *repeatsLabel = new QLabel(tr("&Repeats"), right);
    repeatsLabel->setBuddy(m_repeat);
    form->addRow(repeatsLabel, when);
    m_cron = new QLineEdit(right);
    m_cron->setObjectName(QStringLiteral("scheduleCron"));
    m_cron->setToolTip(tr("minute hour day-of-month month day-of-week, e.g. \"30 2 * * 1-5\"; names (MON, JAN), */15, lists and ranges; or @hourly, @daily, @weekly, @monthly"));
    form->addRow(tr("Cron"), m_cron);
    m_zone = new QComboBox(right);
    m_zone->setObjectName(QStringLiteral("scheduleZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    // The system's zone when it is a tz-database name the list holds; else UTC.
    const QString systemZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    m_zone->setCurrentText(m_zone->findText(systemZone) >= 0 ? systemZone : QStringLiteral("UTC"));
    form->addRow(tr("Time &zone"), m_zone);
    m_active = new QCheckBox(tr("Active"), right);
    m_active->setObjectName(QStringLiteral("scheduleActive"));
    m_active->setChecked(true);
    form->addRow(QString(), m_active);
    m_skipMissed = new QCheckBox(tr("Skip runs missed while FlipTech Pro was not running (otherwise: run once at the next start)"), right);
    m_skipMissed->setObjectName(QStringLiteral("scheduleSkipMissed"));
    form->addRow(QString(), m_skipMissed);
    m_preview = new QListWidget(right);
    m_preview->setObjectName(QStringLiteral("schedulePreview"));
    m_preview->setMaximumHeight(110);
    form->addRow(tr("Next runs"), m_preview);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("scheduleStatus"));
    m_status->setWordWrap(true);
    form->addRow(m_status);
    m_save = new QPushButton(tr("&Save schedule"), right);
    m_save->setObjectName(QStringLiteral("scheduleSave"));
    m_save->setToolTip(tr("Save (Ctrl+S)"));
    form->addRow(QString(), m_save);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({520, 560});

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);

    connect(add, &QPushButton::clicked, this, &SchedulesTab::newSchedule);
    connect(m_save, &QPushButton::clicked, this, &SchedulesTab::save);
    connect(m_runNow, &QPushButton::clicked, this, &SchedulesTab::runNow);
    connect(m_toggle, &QPushButton::clicked, this, &SchedulesTab::toggleActive);
    connect(m_delete, &QPushButton::clicked, this, &SchedulesTab::remove);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &SchedulesTab::showSelected);
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        m_settings->setCurrentIndex(pageOf(m_task->currentData().toString()));
        m_taskHelp->setText(m_task->currentData(Qt::ToolTipRole).toString());
        const bool inbox = m_task->currentData().toString() == u"inbox_sync";
        if (m_account->count() > 0 && (m_account->itemData(0).toLongLong() == 0) != inbox)
            fillTaskChoices();
    });
    for (QComboBox *c : {m_repeat, m_weekday})
        connect(c, &QComboBox::currentIndexChanged, this, &SchedulesTab::builderChanged);
    connect(m_monthDay, &QSpinBox::valueChanged, this, &SchedulesTab::builderChanged);
    connect(m_time, &QTimeEdit::timeChanged, this, &SchedulesTab::builderChanged);
    connect(m_cron, &QLineEdit::textEdited, this, [this] {
        if (m_repeat->currentIndex() != Custom) {
            const QString text = m_cron->text();
            m_repeat->setCurrentIndex(Custom);
            m_cron->setText(text);
        }
        m_previewTimer->start();
    });
    connect(m_zone, &QComboBox::currentTextChanged, m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_previewTimer, &QTimer::timeout, this, &SchedulesTab::updatePreview);
    connect(m_reloadTimer, &QTimer::timeout, this, &SchedulesTab::reload);
    // Runs and changes from any process (a server, a teammate) show up as they happen.
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == u"workflows" && e.type.startsWith(u"schedule_"))
            m_reloadTimer->start();
    });
    auto shortcut = [this](const QKeySequence &keys, void (SchedulesTab::*slot)()) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::New, &SchedulesTab::newSchedule);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &SchedulesTab::runNow);
    shortcut(QKeySequence(Qt::Key_Delete), &SchedulesTab::remove);
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });

    fillTaskChoices();
    m_task->setCurrentIndex(qMax(0, m_task->findData(QStringLiteral("verify_emails"))));
    m_repeat->setCurrentIndex(Daily);
    builderChanged();
    reload();
}

void SchedulesTab::say(const QString &text, bool error)
{
    detail::showStatus(m_status, text, error);
}

qint64 SchedulesTab::selectedId() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return m_list->item(rows.first().row(), NameCol)->data(Qt::UserRole).toLongLong();
}

void SchedulesTab::showEvent(QShowEvent *event)
{
    fillTaskChoices();
    QWidget::showEvent(event);
}

void SchedulesTab::fillTaskChoices()
{
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    const qint64 segment = m_segment->currentData().toLongLong();
    m_segment->clear();
    m_segment->addItem(tr("All leads"), qint64(0));
    if (auto segments = m_engine.segments().list(actor))
        for (const QJsonValue &v : *segments)
            m_segment->addItem(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("id")).toInteger());
    m_segment->setCurrentIndex(qMax(0, m_segment->findData(segment)));

    const qint64 scrape = m_scrapeJob->currentData().toLongLong();
    m_scrapeJob->clear();
    if (auto jobs = m_engine.scrapes().list(50))
        for (const QJsonValue &v : *jobs) {
            const QJsonObject j = v.toObject();
            const QJsonObject c = j.value(QStringLiteral("config")).toObject();
            QStringList what;
            for (const char *key : {"sites", "categories"})
                for (const QJsonValue &x : c.value(QLatin1String(key)).toArray())
                    what << x.toString();
            if (c.contains(QStringLiteral("query")))
                what << u'"' + c.value(QStringLiteral("query")).toString() + u'"';
            if (c.contains(QStringLiteral("recipe")))
                what << c.value(QStringLiteral("recipe")).toObject().value(QStringLiteral("start_urls")).toArray().first().toString();
            m_scrapeJob->addItem(QStringLiteral("#%1 %2 — %3").arg(j.value(QStringLiteral("id")).toInteger()).arg(j.value(QStringLiteral("source")).toString(), what.join(u' ')),
                                 j.value(QStringLiteral("id")).toInteger());
        }
    if (m_scrapeJob->count() == 0)
        m_scrapeJob->addItem(tr("No scrape yet: run one on the Scraper page first"), qint64(0));
    m_scrapeJob->setCurrentIndex(qMax(0, m_scrapeJob->findData(scrape)));

    const qint64 account = m_account->currentData().toLongLong();
    m_account->clear();
    if (m_task->currentData().toString() == u"inbox_sync")
        m_account->addItem(tr("Every mailbox"), qint64(0));
    if (auto accounts = m_engine.senders().list())
        for (const QJsonValue &v : *accounts)
            m_account->addItem(v.toObject().value(QStringLiteral("name")).toString() + QStringLiteral(" <") + v.toObject().value(QStringLiteral("from_email")).toString() + u'>',
                               v.toObject().value(QStringLiteral("id")).toInteger());
    m_account->setCurrentIndex(qMax(0, m_account->findData(account)));

    const qint64 hook = m_webhook->currentData().toLongLong();
    m_webhook->clear();
    if (auto hooks = m_engine.webhooks().list())
        for (const QJsonValue &v : *hooks)
            m_webhook->addItem(QStringLiteral("#%1 %2 — %3").arg(v.toObject().value(QStringLiteral("id")).toInteger())
                                   .arg(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("url")).toString()),
                               v.toObject().value(QStringLiteral("id")).toInteger());
    if (m_webhook->count() == 0)
        m_webhook->addItem(tr("No webhook yet: add one on the Webhooks tab first"), qint64(0));
    m_webhook->setCurrentIndex(qMax(0, m_webhook->findData(hook)));

    // The workflows as n8n was last read (the Workflows tab reads it; nothing waits on n8n here).
    const QString workflow = m_workflow->currentData().toString();
    m_workflow->clear();
    if (auto known = m_engine.n8n().known())
        for (const QJsonValue &v : *known) {
            const QJsonObject w = v.toObject();
            const QString why = w.value(QStringLiteral("not_startable_reason")).toString();
            m_workflow->addItem(why.isEmpty() ? w.value(QStringLiteral("name")).toString() : tr("%1 (%2)").arg(w.value(QStringLiteral("name")).toString(), why),
                                w.value(QStringLiteral("id")).toString());
        }
    if (m_workflow->count() == 0)
        m_workflow->addItem(tr("No n8n workflow known yet: connect n8n on the Workflows tab first"), QString());
    m_workflow->setCurrentIndex(qMax(0, m_workflow->findData(workflow)));
}

QJsonObject SchedulesTab::taskConfig() const
{
    switch (pageOf(m_task->currentData().toString())) {
    case LeadsPage: {
        const qint64 segment = m_segment->currentData().toLongLong();
        return segment > 0 ? QJsonObject{{QStringLiteral("segment_id"), segment}} : QJsonObject{{QStringLiteral("filter"), QJsonObject{}}};
    }
    case ScrapePage:
        return {{QStringLiteral("scrape_job_id"), m_scrapeJob->currentData().toLongLong()}};
    case AccountPage: {
        const qint64 account = m_account->currentData().toLongLong();
        return account > 0 ? QJsonObject{{QStringLiteral("account_id"), account}} : QJsonObject{};
    }
    case ReportPage:
        return {{QStringLiteral("format"), m_format->currentData().toString()}, {QStringLiteral("days"), m_days->value()}};
    case BackupPage:
        return {{QStringLiteral("keep"), m_keep->value()}};
    case WebhookPage:
        return {{QStringLiteral("webhook_id"), m_webhook->currentData().toLongLong()}};
    case WorkflowPage:
        return {{QStringLiteral("workflow_id"), m_workflow->currentData().toString()}};
    case NonePage:
        break;
    }
    return {};
}

void SchedulesTab::setTaskConfig(const QString &task, const QJsonObject &c)
{
    m_task->setCurrentIndex(qMax(0, m_task->findData(task)));
    fillTaskChoices();
    m_segment->setCurrentIndex(qMax(0, m_segment->findData(c.value(QStringLiteral("segment_id")).toInteger())));
    m_scrapeJob->setCurrentIndex(qMax(0, m_scrapeJob->findData(c.value(QStringLiteral("scrape_job_id")).toInteger())));
    m_account->setCurrentIndex(qMax(0, m_account->findData(c.value(QStringLiteral("account_id")).toInteger())));
    m_format->setCurrentIndex(qMax(0, m_format->findData(c.value(QStringLiteral("format")).toString(QStringLiteral("pdf")))));
    m_days->setValue(c.value(QStringLiteral("days")).toInt(7));
    m_keep->setValue(c.value(QStringLiteral("keep")).toInt(7));
    m_webhook->setCurrentIndex(qMax(0, m_webhook->findData(c.value(QStringLiteral("webhook_id")).toInteger())));
    m_workflow->setCurrentIndex(qMax(0, m_workflow->findData(c.value(QStringLiteral("workflow_id")).toString())));
}

QString SchedulesTab::expression() const
{
    const QTime t = m_time->time();
    switch (m_repeat->currentIndex()) {
    case Quarterly:
        return QStringLiteral("*/15 * * * *");
    case Hourly:
        return QStringLiteral("%1 * * * *").arg(t.minute());
    case Daily:
        return QStringLiteral("%1 %2 * * *").arg(t.minute()).arg(t.hour());
    case Weekdays:
        return QStringLiteral("%1 %2 * * 1-5").arg(t.minute()).arg(t.hour());
    case Weekly:
        return QStringLiteral("%1 %2 * * %3").arg(t.minute()).arg(t.hour()).arg(m_weekday->currentData().toInt());
    case Monthly:
        return QStringLiteral("%1 %2 %3 * *").arg(t.minute()).arg(t.hour()).arg(m_monthDay->value());
    default:
        return m_cron->text().trimmed();
    }
}

void SchedulesTab::builderChanged()
{
    const int r = m_repeat->currentIndex();
    m_time->setVisible(r != Quarterly && r != Custom);
    m_time->setDisplayFormat(r == Hourly ? QStringLiteral("mm") : QStringLiteral("HH:mm"));
    m_weekday->setVisible(r == Weekly);
    m_monthDay->setVisible(r == Monthly);
    if (r != Custom && !m_filling)
        m_cron->setText(expression());
    m_previewTimer->start();
}

void SchedulesTab::updatePreview()
{
    m_preview->clear();
    auto preview = m_engine.schedules().preview({{QStringLiteral("cron_expression"), expression()},
                                                  {QStringLiteral("timezone"), m_zone->currentText().trimmed()},
                                                  {QStringLiteral("count"), 5}});
    if (!preview) {
        say(refusal(preview.error()), true);
        m_save->setEnabled(false);
        return;
    }
    m_save->setEnabled(true);
    if (m_status->styleSheet().contains(QStringLiteral("b00020")))
        say(QString());
    const QString zone = preview->value(QStringLiteral("timezone")).toString();
    const QTimeZone here = QTimeZone::systemTimeZone();
    for (const QJsonValue &v : preview->value(QStringLiteral("runs")).toArray()) {
        const QString at = v.toObject().value(QStringLiteral("at")).toString();
        QString text = whenLocal(at, zone);
        // Scheduled in another zone: when that is on this computer's clock too.
        const QDateTime t = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (here.isValid() && t.isValid() && here.offsetFromUtc(t) != QTimeZone(zone.toUtf8()).offsetFromUtc(t))
            text += tr(" — %1 here").arg(QLocale().toString(t.toTimeZone(here), QStringLiteral("ddd HH:mm")));
        m_preview->addItem(text);
    }
}

void SchedulesTab::reload()
{
    const qint64 keep = selectedId();
    auto list = m_engine.schedules().list();
    if (!list) {
        say(list.error().userMessage(), true);
        return;
    }
    const QSignalBlocker block(m_list);
    m_list->setRowCount(int(list->size()));
    int selectRow = -1;
    QHash<QString, QString> labels;
    for (int i = 0; i < m_task->count(); ++i)
        labels.insert(m_task->itemData(i).toString(), m_task->itemText(i));
    for (int r = 0; r < list->size(); ++r) {
        const QJsonObject s = list->at(r).toObject();
        const qint64 id = s.value(QStringLiteral("id")).toInteger();
        auto *name = cell(s.value(QStringLiteral("name")).toString());
        name->setData(Qt::UserRole, id);
        m_list->setItem(r, NameCol, name);
        const QString task = s.value(QStringLiteral("task_type")).toString();
        m_list->setItem(r, TaskCol, cell(labels.value(task, task)));
        m_list->setItem(r, WhenCol, cell(s.value(QStringLiteral("cron_expression")).toString()));
        const QString zone = s.value(QStringLiteral("timezone")).toString();
        m_list->setItem(r, ZoneCol, cell(zone));
        const bool active = s.value(QStringLiteral("is_active")).toBool();
        m_list->setItem(r, NextCol, cell(active ? whenLocal(s.value(QStringLiteral("next_run_at")).toString(), zone) : tr("Paused")));
        const QJsonValue last = s.value(QStringLiteral("last_status"));
        m_list->setItem(r, LastCol, cell(last.isNull() ? tr("Never run") : statusText(last.toString())));
        if (last.toString() == u"failed")
            m_list->item(r, LastCol)->setForeground(QColor(0xb0, 0x00, 0x20));
        m_list->setItem(r, ActiveCol, cell(active ? tr("Yes") : tr("No")));
        if (id == keep)
            selectRow = r;
    }
    if (list->isEmpty()) {
        say(tr("No schedule yet: choose a task and when it repeats on the right, then Save."));
    }
    if (selectRow >= 0)
        m_list->selectRow(selectRow);
    m_runNow->setEnabled(selectRow >= 0);
    m_toggle->setEnabled(selectRow >= 0);
    m_delete->setEnabled(selectRow >= 0);
    loadLogs();
}

void SchedulesTab::showSelected()
{
    const qint64 id = selectedId();
    m_runNow->setEnabled(id > 0);
    m_toggle->setEnabled(id > 0);
    m_delete->setEnabled(id > 0);
    loadLogs();
    if (id <= 0)
        return;
    auto s = m_engine.schedules().get(id);
    if (!s) {
        say(s.error().userMessage(), true);
        return;
    }
    m_filling = true;
    m_editing = id;
    m_name->setText(s->value(QStringLiteral("name")).toString());
    setTaskConfig(s->value(QStringLiteral("task_type")).toString(), s->value(QStringLiteral("task_config")).toObject());
    m_zone->setCurrentText(s->value(QStringLiteral("timezone")).toString());
    const bool active = s->value(QStringLiteral("is_active")).toBool();
    m_active->setChecked(active);
    m_toggle->setText(active ? tr("&Pause") : tr("Res&ume"));
    m_skipMissed->setChecked(s->value(QStringLiteral("misfire_policy")).toString() == u"skip");
    // The builder shows the expression when it is one of its own, else the expression as it is.
    const QString cron = s->value(QStringLiteral("cron_expression")).toString();
    static const QRegularExpression fixed(QStringLiteral("^(\\d{1,2}) (\\d{1,2}) (\\*|\\d{1,2}) \\* (\\*|1-5|[0-6])$"));
    static const QRegularExpression hourly(QStringLiteral("^(\\d{1,2}) \\* \\* \\* \\*$"));
    int repeat = Custom;
    if (cron == u"*/15 * * * *") {
        repeat = Quarterly;
    } else if (const auto h = hourly.match(cron); h.hasMatch()) {
        repeat = Hourly;
        m_time->setTime(QTime(0, h.captured(1).toInt()));
    } else if (const auto m = fixed.match(cron); m.hasMatch()) {
        const QString day = m.captured(3), weekday = m.captured(4);
        if (day == u"*" && weekday == u"*")
            repeat = Daily;
        else if (day == u"*" && weekday == u"1-5")
            repeat = Weekdays;
        else if (day == u"*")
            repeat = Weekly;
        else if (weekday == u"*" && day.toInt() >= 1 && day.toInt() <= 28)
            repeat = Monthly;
        if (repeat != Custom) {
            m_time->setTime(QTime(m.captured(2).toInt(), m.captured(1).toInt()));
            if (repeat == Weekly)
                m_weekday->setCurrentIndex(qMax(0, m_weekday->findData(weekday.toInt())));
            if (repeat == Monthly)
                m_monthDay->setValue(day.toInt());
        }
    }
    m_repeat->setCurrentIndex(repeat);
    m_cron->setText(cron);
    m_filling = false;
    builderChanged();
    say(QString());
}

void SchedulesTab::loadLogs()
{
    const qint64 id = selectedId();
    m_logs->setRowCount(0);
    if (id <= 0)
        return;
    auto logs = m_engine.schedules().logs(id, 50);
    if (!logs)
        return;
    m_logs->setRowCount(int(logs->size()));
    const auto selected = m_list->selectionModel()->selectedRows();
    const QTableWidgetItem *zoneItem = selected.isEmpty() ? nullptr : m_list->item(selected.first().row(), ZoneCol);
    const QString zone = zoneItem ? zoneItem->text() : QStringLiteral("UTC");
    for (int r = 0; r < logs->size(); ++r) {
        const QJsonObject l = logs->at(r).toObject();
        const QString status = l.value(QStringLiteral("status")).toString();
        m_logs->setItem(r, 0, cell(statusText(status)));
        if (status == u"failed")
            m_logs->item(r, 0)->setForeground(QColor(0xb0, 0x00, 0x20));
        const QString firedBy = l.value(QStringLiteral("fired_by")).toString();
        m_logs->setItem(r, 1, cell(firedBy == u"manual" ? tr("Run now") : firedBy == u"misfire" ? tr("Missed, caught up") : tr("On time")));
        const QJsonValue due = l.value(QStringLiteral("due_at"));
        m_logs->setItem(r, 2, cell(due.isNull() ? whenLocal(l.value(QStringLiteral("started_at")).toString(), zone) : whenLocal(due.toString(), zone)));
        m_logs->setItem(r, 3, cell(whenLocal(l.value(QStringLiteral("completed_at")).toString(), zone)));
        QString details = l.value(QStringLiteral("error_message")).toString();
        if (details.isEmpty()) {
            const QJsonObject results = l.value(QStringLiteral("results")).toObject();
            QStringList parts;
            for (auto it = results.begin(); it != results.end(); ++it)
                parts << it.key() + QStringLiteral(": ") + valueText(it.value());
            details = parts.join(QStringLiteral(", "));
        }
        m_logs->setItem(r, 4, cell(details));
    }
}

void SchedulesTab::newSchedule()
{
    const QSignalBlocker block(m_list);
    m_list->clearSelection();
    m_editing = 0;
    m_name->clear();
    m_active->setChecked(true);
    m_skipMissed->setChecked(false);
    m_runNow->setEnabled(false);
    m_toggle->setEnabled(false);
    m_delete->setEnabled(false);
    m_logs->setRowCount(0);
    fillTaskChoices();
    m_name->setFocus();
    say(tr("A new schedule: name it, choose the task and when it repeats, then Save."));
}

bool SchedulesTab::save()
{
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    const QJsonObject fields{{QStringLiteral("name"), m_name->text().trimmed()},
                             {QStringLiteral("cron_expression"), expression()},
                             {QStringLiteral("timezone"), m_zone->currentText().trimmed()},
                             {QStringLiteral("task_type"), m_task->currentData().toString()},
                             {QStringLiteral("task_config"), taskConfig()},
                             {QStringLiteral("is_active"), m_active->isChecked()},
                             {QStringLiteral("misfire_policy"), m_skipMissed->isChecked() ? QStringLiteral("skip") : QStringLiteral("run_once")}};
    auto saved = m_editing ? m_engine.schedules().update(actor, m_editing, fields) : m_engine.schedules().create(actor, fields);
    if (!saved) {
        say(refusal(saved.error()), true);
        if (saved.error().details.contains(QStringLiteral("name")))
            m_name->setFocus();
        return false;
    }
    m_editing = saved->value(QStringLiteral("id")).toInteger();
    reload();
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (m_list->item(r, NameCol)->data(Qt::UserRole).toLongLong() == m_editing)
            m_list->selectRow(r);
    const QJsonArray next = saved->value(QStringLiteral("next_runs")).toArray();
    say(next.isEmpty() ? tr("Saved (paused).")
                       : tr("Saved. Next run: %1.").arg(whenLocal(next.first().toString(), saved->value(QStringLiteral("timezone")).toString())));
    return true;
}

void SchedulesTab::runNow()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    auto run = m_engine.schedules().runNow(actor, id);
    if (!run) {
        say(run.error().userMessage(), true);
        return;
    }
    say(tr("Queued: the run shows below as it goes."));
    loadLogs();
}

void SchedulesTab::toggleActive()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto s = m_engine.schedules().get(id);
    if (!s)
        return;
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    const bool active = !s->value(QStringLiteral("is_active")).toBool();
    auto saved = m_engine.schedules().update(actor, id, {{QStringLiteral("is_active"), active}});
    if (!saved) {
        say(saved.error().userMessage(), true);
        return;
    }
    reload();
    showSelected();
    say(active ? tr("Resumed: the next run counts from now.") : tr("Paused: it runs again once resumed (or with Run now)."));
}

void SchedulesTab::remove()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    const QString name = m_list->item(m_list->selectionModel()->selectedRows().first().row(), NameCol)->text();
    if (confirm && !confirm(tr("Delete the schedule \"%1\" and the record of its runs?").arg(name)))
        return;
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    if (auto st = m_engine.schedules().remove(actor, id); !st) {
        say(st.error().userMessage(), true);
        return;
    }
    m_editing = 0;
    reload();
    newSchedule();
    say(tr("Deleted \"%1\".").arg(name));
}

// ---------------------------------------------------------------------------------------------
// Rules

namespace {

enum RuleColumn { RuleName, RuleTrigger, RuleDoes, RulePriority, RuleActive };

bool takesNoValue(const QString &op)
{
    return op == u"is_empty" || op == u"is_not_empty" || op == u"changed";
}

// A condition's value box read for its field kind and operator: lists split at commas.
QJsonValue conditionValue(const QString &kind, const QString &op, const QString &text)
{
    const QString t = text.trimmed();
    auto item = [&kind](const QString &x) -> QJsonValue {
        bool ok = false;
        const double n = x.trimmed().toDouble(&ok);
        return kind == u"number" && ok ? QJsonValue(n) : QJsonValue(x.trimmed());
    };
    if (op == u"in" || op == u"not_in" || op == u"between" || (kind == u"tags" && t.contains(u','))) {
        QJsonArray list;
        for (const QString &x : t.split(u',', Qt::SkipEmptyParts))
            list.append(item(x));
        return list;
    }
    if (op == u"older_than_days" || op == u"newer_than_days") {
        bool ok = false;
        const double n = t.toDouble(&ok);
        return ok ? QJsonValue(n) : QJsonValue(t);
    }
    return item(t);
}

} // namespace

RulesTab::RulesTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete rule"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A rule waits for something to happen to a lead, checks its conditions, and does its actions in order — for example: "
                                "when a lead from Austin arrives without a website, tag it, add a note and tell me. Rules act on what happens after "
                                "they are saved; a rule's own changes set off rules at most 3 times in a row."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New rule"), this);
    add->setObjectName(QStringLiteral("ruleNew"));
    m_toggle = new QPushButton(tr("Turn o&ff"), this);
    m_toggle->setObjectName(QStringLiteral("ruleToggle"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("ruleDelete"));
    for (QPushButton *b : {add, m_toggle, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = listTable(left, QStringLiteral("ruleList"), {tr("Name"), tr("When"), tr("Does"), tr("Priority"), tr("On")});
    leftLayout->addWidget(m_list, 2);
    leftLayout->addWidget(new QLabel(tr("What the selected rule did"), left));
    m_executions = listTable(left, QStringLiteral("ruleExecutions"), {tr("When"), tr("Lead"), tr("Result"), tr("Details")}, false);
    leftLayout->addWidget(m_executions, 1);

    auto *right = new QWidget(split);
    auto *form = new QFormLayout(right);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_name->setPlaceholderText(tr("e.g. Austin leads without a website"));
    form->addRow(tr("&Name"), m_name);
    m_trigger = new QComboBox(right);
    m_trigger->setObjectName(QStringLiteral("ruleTrigger"));
    for (const QJsonValue &v : automation::RuleService::triggers()) {
        const QJsonObject t = v.toObject();
        m_trigger->addItem(t.value(QStringLiteral("description")).toString(), t.value(QStringLiteral("name")).toString());
    }
    form->addRow(tr("&When"), m_trigger);
    m_match = new QComboBox(right);
    m_match->setObjectName(QStringLiteral("ruleMatch"));
    m_match->addItem(tr("all of these are true"), QStringLiteral("AND"));
    m_match->addItem(tr("any of these is true"), QStringLiteral("OR"));
    form->addRow(tr("And"), m_match);
    m_conditions = new QTableWidget(0, 3, right);
    m_conditions->setObjectName(QStringLiteral("ruleConditions"));
    m_conditions->setHorizontalHeaderLabels({tr("Field"), tr("Test"), tr("Value")});
    m_conditions->horizontalHeader()->setStretchLastSection(true);
    m_conditions->verticalHeader()->hide();
    m_conditions->setMinimumHeight(120);
    form->addRow(m_conditions);
    m_nested = new QLabel(tr("This rule's conditions are nested groups (made through the API): they are kept as they are; the rows cannot show them."), right);
    m_nested->setWordWrap(true);
    m_nested->hide();
    form->addRow(m_nested);
    auto *conditionButtons = new QHBoxLayout;
    auto *addCondition = new QPushButton(tr("Add a &condition"), right);
    addCondition->setObjectName(QStringLiteral("ruleAddCondition"));
    auto *removeCondition = new QPushButton(tr("Remove it"), right);
    conditionButtons->addWidget(addCondition);
    conditionButtons->addWidget(removeCondition);
    conditionButtons->addStretch(1);
    form->addRow(conditionButtons);
    m_actions = new QTableWidget(0, 2, right);
    m_actions->setObjectName(QStringLiteral("ruleActions"));
    m_actions->setHorizontalHeaderLabels({tr("Then, in order"), tr("Settings")});
    m_actions->horizontalHeader()->setStretchLastSection(true);
    m_actions->verticalHeader()->hide();
    m_actions->setMinimumHeight(100);
    form->addRow(m_actions);
    auto *actionButtons = new QHBoxLayout;
    auto *addAction = new QPushButton(tr("Add an &action"), right);
    addAction->setObjectName(QStringLiteral("ruleAddAction"));
    auto *removeAction = new QPushButton(tr("Remove it"), right);
    actionButtons->addWidget(addAction);
    actionButtons->addWidget(removeAction);
    actionButtons->addStretch(1);
    form->addRow(actionButtons);
    m_priority = new QSpinBox(right);
    m_priority->setObjectName(QStringLiteral("rulePriority"));
    m_priority->setRange(-1000, 1000);
    m_priority->setToolTip(tr("Rules with a higher priority run first"));
    form->addRow(tr("&Priority"), m_priority);
    m_stop = new QCheckBox(tr("When this rule acts, the rules after it do not"), right);
    m_stop->setObjectName(QStringLiteral("ruleStop"));
    form->addRow(QString(), m_stop);
    m_active = new QCheckBox(tr("On"), right);
    m_active->setObjectName(QStringLiteral("ruleActive"));
    m_active->setChecked(true);
    form->addRow(QString(), m_active);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("ruleStatus"));
    m_status->setWordWrap(true);
    form->addRow(m_status);
    auto *saveRow = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save rule"), right);
    m_save->setObjectName(QStringLiteral("ruleSave"));
    m_try = new QPushButton(tr("&Try on the newest leads"), right);
    m_try->setObjectName(QStringLiteral("ruleTry"));
    m_try->setToolTip(tr("A dry run of the saved rule on the 20 newest leads: which match, nothing changed"));
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_try);
    saveRow->addStretch(1);
    form->addRow(saveRow);
    m_tried = new QListWidget(right);
    m_tried->setObjectName(QStringLiteral("ruleTried"));
    m_tried->setMaximumHeight(100);
    form->addRow(m_tried);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({480, 600});

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        const qint64 keep = selectedId();
        reload();
        if (keep)
            loadExecutions();
    });
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == u"workflows" && e.type.startsWith(u"rule_"))
            m_reloadTimer->start();
    });
    connect(add, &QPushButton::clicked, this, &RulesTab::newRule);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_toggle, &QPushButton::clicked, this, &RulesTab::toggleActive);
    connect(m_delete, &QPushButton::clicked, this, &RulesTab::remove);
    connect(m_try, &QPushButton::clicked, this, &RulesTab::dryRun);
    connect(addCondition, &QPushButton::clicked, this, [this] { this->addCondition(); });
    connect(removeCondition, &QPushButton::clicked, this, [this] { m_conditions->removeRow(m_conditions->currentRow()); });
    connect(addAction, &QPushButton::clicked, this, [this] { this->addAction(); });
    connect(removeAction, &QPushButton::clicked, this, [this] { m_actions->removeRow(m_actions->currentRow()); });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &RulesTab::showSelected);
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });
    auto *newKey = new QShortcut(QKeySequence::New, this);
    newKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newKey, &QShortcut::activated, this, &RulesTab::newRule);
    reload();
    newRule();
}

void RulesTab::say(const QString &text, bool error)
{
    detail::showStatus(m_status, text, error);
}

qint64 RulesTab::selectedId() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_list->item(rows.first().row(), RuleName)->data(Qt::UserRole).toLongLong();
}

void RulesTab::fitOperators(int row)
{
    auto *field = qobject_cast<QComboBox *>(m_conditions->cellWidget(row, 0));
    auto *op = qobject_cast<QComboBox *>(m_conditions->cellWidget(row, 1));
    if (!field || !op)
        return;
    const QString keep = op->currentText();
    op->clear();
    for (const QJsonValue &v : automation::RuleService::fields())
        if (v.toObject().value(QStringLiteral("name")).toString() == field->currentText())
            for (const QJsonValue &o : v.toObject().value(QStringLiteral("operators")).toArray())
                op->addItem(o.toString());
    op->setCurrentIndex(qMax(0, op->findText(keep)));
}

void RulesTab::addCondition(const QJsonObject &leaf)
{
    const int row = m_conditions->rowCount();
    m_conditions->insertRow(row);
    auto *field = new QComboBox(m_conditions);
    for (const QJsonValue &v : automation::RuleService::fields())
        field->addItem(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("kind")).toString());
    field->setCurrentIndex(qMax(0, field->findText(leaf.value(QStringLiteral("field")).toString(QStringLiteral("city")))));
    auto *op = new QComboBox(m_conditions);
    auto *value = new QLineEdit(m_conditions);
    m_conditions->setCellWidget(row, 0, field);
    m_conditions->setCellWidget(row, 1, op);
    m_conditions->setCellWidget(row, 2, value);
    fitOperators(row);
    op->setCurrentIndex(qMax(0, op->findText(leaf.value(QStringLiteral("op")).toString(QStringLiteral("equals")))));
    value->setText(valueText(leaf.value(QStringLiteral("value"))));
    value->setEnabled(!takesNoValue(op->currentText()));
    connect(field, &QComboBox::currentIndexChanged, this, [this, field] {
        for (int r = 0; r < m_conditions->rowCount(); ++r)
            if (m_conditions->cellWidget(r, 0) == field)
                fitOperators(r);
    });
    connect(op, &QComboBox::currentTextChanged, value, [value](const QString &o) { value->setEnabled(!takesNoValue(o)); });
}

void RulesTab::addAction(const QJsonObject &action)
{
    const int row = m_actions->rowCount();
    m_actions->insertRow(row);
    auto *type = new QComboBox(m_actions);
    for (const QJsonValue &v : m_engine.rules().actionTypes())
        type->addItem(v.toObject().value(QStringLiteral("label")).toString(), v.toObject().value(QStringLiteral("name")).toString());
    type->setCurrentIndex(qMax(0, type->findData(action.value(QStringLiteral("type")).toString(QStringLiteral("add_tags")))));
    auto *settings = new QLineEdit(m_actions);
    settings->setText(actionToText(action));
    auto hint = [type, settings] {
        settings->setPlaceholderText(settingsHint(type->currentData().toString()));
        settings->setEnabled(settingsHint(type->currentData().toString()) != QObject::tr("no settings"));
    };
    hint();
    connect(type, &QComboBox::currentIndexChanged, settings, hint);
    m_actions->setCellWidget(row, 0, type);
    m_actions->setCellWidget(row, 1, settings);
}

QJsonObject RulesTab::ruleFromEditor(QString *problem) const
{
    QJsonArray conditions;
    for (int r = 0; r < m_conditions->rowCount(); ++r) {
        auto *field = qobject_cast<QComboBox *>(m_conditions->cellWidget(r, 0));
        auto *op = qobject_cast<QComboBox *>(m_conditions->cellWidget(r, 1));
        auto *value = qobject_cast<QLineEdit *>(m_conditions->cellWidget(r, 2));
        QJsonObject leaf{{QStringLiteral("field"), field->currentText()}, {QStringLiteral("op"), op->currentText()}};
        if (!takesNoValue(op->currentText()))
            leaf.insert(QStringLiteral("value"), conditionValue(field->currentData().toString(), op->currentText(), value->text()));
        conditions.append(leaf);
    }
    QJsonArray actions;
    for (int r = 0; r < m_actions->rowCount(); ++r) {
        auto *type = qobject_cast<QComboBox *>(m_actions->cellWidget(r, 0));
        auto *settings = qobject_cast<QLineEdit *>(m_actions->cellWidget(r, 1));
        actions.append(actionFromText(type->currentData().toString(), settings->text()));
    }
    if (problem && actions.isEmpty())
        *problem = tr("Add at least one action: what the rule does.");
    return {{QStringLiteral("name"), m_name->text().trimmed()},
            {QStringLiteral("trigger"), m_trigger->currentData().toString()},
            {QStringLiteral("logic_operator"), m_match->currentData().toString()},
            {QStringLiteral("conditions"), m_keptConditions.isUndefined() ? QJsonValue(conditions) : m_keptConditions},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("priority"), m_priority->value()},
            {QStringLiteral("stop_processing"), m_stop->isChecked()},
            {QStringLiteral("is_active"), m_active->isChecked()}};
}

void RulesTab::reload()
{
    const qint64 keep = selectedId();
    auto list = m_engine.rules().list();
    if (!list) {
        say(list.error().userMessage(), true);
        return;
    }
    QHash<QString, QString> labels;
    for (const QJsonValue &v : m_engine.rules().actionTypes())
        labels.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("label")).toString());
    const QSignalBlocker block(m_list);
    m_list->setRowCount(int(list->size()));
    int selectRow = -1;
    for (int r = 0; r < list->size(); ++r) {
        const QJsonObject rule = list->at(r).toObject();
        auto *name = cell(rule.value(QStringLiteral("name")).toString());
        name->setData(Qt::UserRole, rule.value(QStringLiteral("id")).toInteger());
        m_list->setItem(r, RuleName, name);
        m_list->setItem(r, RuleTrigger, cell(rule.value(QStringLiteral("trigger")).toString()));
        QStringList does;
        for (const QJsonValue &a : rule.value(QStringLiteral("actions")).toArray())
            does << labels.value(a.toObject().value(QStringLiteral("type")).toString(), a.toObject().value(QStringLiteral("type")).toString());
        m_list->setItem(r, RuleDoes, cell(does.join(QStringLiteral(", "))));
        m_list->setItem(r, RulePriority, cell(QString::number(rule.value(QStringLiteral("priority")).toInt())));
        m_list->setItem(r, RuleActive, cell(rule.value(QStringLiteral("is_active")).toBool() ? tr("Yes") : tr("No")));
        if (rule.value(QStringLiteral("id")).toInteger() == keep)
            selectRow = r;
    }
    if (selectRow >= 0)
        m_list->selectRow(selectRow);
    m_toggle->setEnabled(selectRow >= 0);
    m_delete->setEnabled(selectRow >= 0);
}

void RulesTab::newRule()
{
    const QSignalBlocker block(m_list);
    m_list->clearSelection();
    m_editing = 0;
    m_keptConditions = QJsonValue(QJsonValue::Undefined);
    m_nested->hide();
    m_conditions->setEnabled(true);
    m_name->clear();
    m_conditions->setRowCount(0);
    m_actions->setRowCount(0);
    addAction();
    m_priority->setValue(0);
    m_stop->setChecked(false);
    m_active->setChecked(true);
    m_tried->clear();
    m_executions->setRowCount(0);
    m_toggle->setEnabled(false);
    m_delete->setEnabled(false);
    m_try->setEnabled(false);
    say(tr("A new rule: when it runs, what must be true of the lead, and what it does."));
}

void RulesTab::showSelected()
{
    const qint64 id = selectedId();
    m_toggle->setEnabled(id > 0);
    m_delete->setEnabled(id > 0);
    m_try->setEnabled(id > 0);
    if (id <= 0)
        return;
    auto rule = m_engine.rules().get(id);
    if (!rule) {
        say(rule.error().userMessage(), true);
        return;
    }
    m_editing = id;
    m_name->setText(rule->value(QStringLiteral("name")).toString());
    m_trigger->setCurrentIndex(qMax(0, m_trigger->findData(rule->value(QStringLiteral("trigger")).toString())));
    m_match->setCurrentIndex(qMax(0, m_match->findData(rule->value(QStringLiteral("logic_operator")).toString())));
    m_conditions->setRowCount(0);
    const QJsonValue conditions = rule->value(QStringLiteral("conditions"));
    bool flat = conditions.isArray();
    for (const QJsonValue &c : conditions.toArray())
        flat = flat && c.toObject().contains(QStringLiteral("field"));
    m_keptConditions = flat ? QJsonValue(QJsonValue::Undefined) : conditions;
    m_nested->setVisible(!flat);
    m_conditions->setEnabled(flat);
    if (flat)
        for (const QJsonValue &c : conditions.toArray())
            addCondition(c.toObject());
    m_actions->setRowCount(0);
    for (const QJsonValue &a : rule->value(QStringLiteral("actions")).toArray())
        addAction(a.toObject());
    m_priority->setValue(rule->value(QStringLiteral("priority")).toInt());
    m_stop->setChecked(rule->value(QStringLiteral("stop_processing")).toBool());
    const bool active = rule->value(QStringLiteral("is_active")).toBool();
    m_active->setChecked(active);
    m_toggle->setText(active ? tr("Turn o&ff") : tr("Turn o&n"));
    m_tried->clear();
    say(QString());
    loadExecutions();
}

void RulesTab::loadExecutions()
{
    m_executions->setRowCount(0);
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto list = m_engine.rules().executions(id, 50);
    if (!list)
        return;
    m_executions->setRowCount(int(list->size()));
    for (int r = 0; r < list->size(); ++r) {
        const QJsonObject e = list->at(r).toObject();
        m_executions->setItem(r, 0, cell(whenLocal(e.value(QStringLiteral("executed_at")).toString(), QString::fromUtf8(QTimeZone::systemTimeZoneId()))));
        m_executions->setItem(r, 1, cell(QStringLiteral("#%1").arg(e.value(QStringLiteral("entity_id")).toInteger())));
        const QJsonValue error = e.value(QStringLiteral("error_message"));
        m_executions->setItem(r, 2, cell(error.isNull() ? tr("Done") : error.toString().startsWith(QStringLiteral("Not run")) ? tr("Loop cut") : tr("Failed")));
        if (!error.isNull())
            m_executions->item(r, 2)->setForeground(QColor(0xb0, 0x00, 0x20));
        QStringList parts;
        for (const QJsonValue &a : e.value(QStringLiteral("actions_taken")).toArray())
            parts << a.toObject().value(QStringLiteral("type")).toString();
        m_executions->setItem(r, 3, cell(error.isNull() ? parts.join(QStringLiteral(", ")) : error.toString()));
    }
}

bool RulesTab::save()
{
    QString problem;
    const QJsonObject fields = ruleFromEditor(&problem);
    if (!problem.isEmpty()) {
        say(problem, true);
        return false;
    }
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    auto saved = m_editing ? m_engine.rules().update(actor, m_editing, fields) : m_engine.rules().create(actor, fields);
    if (!saved) {
        const core::Error &e = saved.error();
        // Name the row the mistake is in: "conditions[1].value ..." reads as "Condition 2: ...".
        QString text = e.userMessage();
        if (!e.details.isEmpty()) {
            static const QRegularExpression path(QStringLiteral("^(conditions|actions)\\[(\\d+)\\]"));
            const auto m = path.match(e.details.begin().key());
            if (m.hasMatch())
                text = (m.captured(1) == u"conditions" ? tr("Condition %1: %2") : tr("Action %1: %2")).arg(m.captured(2).toInt() + 1).arg(e.details.begin().value().toString());
            else if (e.details.begin().key() == u"name")
                text = tr("Name: %1").arg(e.details.begin().value().toString());
        }
        say(text, true);
        return false;
    }
    m_editing = saved->value(QStringLiteral("id")).toInteger();
    reload();
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (m_list->item(r, RuleName)->data(Qt::UserRole).toLongLong() == m_editing)
            m_list->selectRow(r);
    say(tr("Saved. It acts on what happens from now on; Try shows which of the newest leads it would match."));
    return true;
}

void RulesTab::toggleActive()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto rule = m_engine.rules().get(id);
    if (!rule)
        return;
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    const bool active = !rule->value(QStringLiteral("is_active")).toBool();
    if (auto saved = m_engine.rules().update(actor, id, {{QStringLiteral("is_active"), active}}); !saved) {
        say(saved.error().userMessage(), true);
        return;
    }
    reload();
    showSelected();
    say(active ? tr("On: it acts on what happens from now on.") : tr("Off: it does nothing until turned on."));
}

void RulesTab::remove()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    const QString name = m_list->item(m_list->selectionModel()->selectedRows().first().row(), RuleName)->text();
    if (confirm && !confirm(tr("Delete the rule \"%1\" and the record of what it did?").arg(name)))
        return;
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    if (auto st = m_engine.rules().remove(actor, id); !st) {
        say(st.error().userMessage(), true);
        return;
    }
    reload();
    newRule();
    say(tr("Deleted \"%1\".").arg(name));
}

void RulesTab::dryRun()
{
    m_tried->clear();
    const qint64 id = m_editing;
    if (id <= 0) {
        say(tr("Save the rule first: the dry run tries the saved rule."), true);
        return;
    }
    auto tried = m_engine.rules().test(id, {{QStringLiteral("limit"), 20}});
    if (!tried) {
        say(tried.error().userMessage(), true);
        return;
    }
    for (const QJsonValue &v : tried->value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("matched")).toBool())
            m_tried->addItem(QStringLiteral("#%1 %2").arg(item.value(QStringLiteral("lead_id")).toInteger()).arg(item.value(QStringLiteral("name")).toString()));
    }
    say(tr("%1 of the %2 newest leads match; nothing was changed.").arg(tried->value(QStringLiteral("matched")).toInt()).arg(tried->value(QStringLiteral("evaluated")).toInt()));
}

AutomationPage::AutomationPage(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("automationTabs"));
    m_rules = new RulesTab(engine, principal, m_tabs);
    m_tabs->addTab(m_rules, tr("&Rules"));
    m_schedules = new SchedulesTab(engine, principal, m_tabs);
    m_tabs->addTab(m_schedules, tr("&Schedules"));
    m_approvals = new ApprovalsTab(engine, principal, m_tabs);
    const int approvalsAt = m_tabs->addTab(m_approvals, QString());
    auto approvalsTitle = [this, approvalsAt](int waiting) {
        m_tabs->setTabText(approvalsAt, waiting > 0 ? tr("A&pprovals (%1)").arg(waiting) : tr("A&pprovals"));
    };
    approvalsTitle(m_approvals->waiting());
    connect(m_approvals, &ApprovalsTab::waitingChanged, this, approvalsTitle);
    m_webhooks = new WebhooksTab(engine, principal, m_tabs);
    m_tabs->addTab(m_webhooks, tr("&Webhooks"));
    m_workflows = new WorkflowsTab(engine, principal, m_tabs);
    m_tabs->addTab(m_workflows, tr("W&orkflows"));
    layout->addWidget(m_tabs);
}

void registerAutomationPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("automation"));
    registry.add(PageInfo{QStringLiteral("automation"), placeholder ? placeholder->title : QObject::tr("Automation"), QStringLiteral("automation"),
                          placeholder ? placeholder->order : 70,
                          [](PageContext &context, QWidget *parent) -> QWidget * { return new AutomationPage(context.engine, context.principal, parent); }});
}

} // namespace fliptech::ui
