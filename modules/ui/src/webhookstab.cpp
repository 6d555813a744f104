// The Automation page's Webhooks tab (issue 15): everything through automation::WebhookService,
// as the API does.
#include "fliptech/ui/automationpage.h"

#include "fliptech/automation/webhookservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "automationparts.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {

enum HookColumn { HookName, HookUrl, HookEvents, HookState, HookLast };

// A refusal as the webhook editor shows it.
QString refusalText(const core::Error &e)
{
    return detail::refusal(e, {{QStringLiteral("url"), QObject::tr("Address")},
                               {QStringLiteral("name"), QObject::tr("Name")},
                               {QStringLiteral("events"), QObject::tr("Events")},
                               {QStringLiteral("allowed_addresses"), QObject::tr("Allowed addresses")}});
}

} // namespace

WebhooksTab::WebhooksTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    m_work = new QThreadPool(this);
    m_work->setMaxThreadCount(2);
    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete webhook"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A webhook sends what happens here (a new lead, a reply, a finished scrape...) to another system as a signed POST: "
                                "a CRM, Zapier, n8n, your own server. Failed deliveries are retried for a while; a webhook that keeps failing "
                                "turns itself off and tells you."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New webhook"), this);
    add->setObjectName(QStringLiteral("webhookNew"));
    m_test = new QPushButton(tr("Send a &test"), this);
    m_test->setObjectName(QStringLiteral("webhookTest"));
    m_test->setToolTip(tr("Send a signed \"ping\" to the selected webhook now and show what it answered"));
    m_toggle = new QPushButton(tr("Turn o&ff"), this);
    m_toggle->setObjectName(QStringLiteral("webhookToggle"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("webhookDelete"));
    for (QPushButton *b : {add, m_test, m_toggle, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = detail::listTable(left, QStringLiteral("webhookList"), {tr("Name"), tr("Address"), tr("Events"), tr("State"), tr("Last delivery")});
    leftLayout->addWidget(m_list, 2);
    auto *logsHeader = new QHBoxLayout;
    logsHeader->addWidget(new QLabel(tr("Deliveries of the selected webhook (every attempt)"), left), 1);
    m_redeliver = new QPushButton(tr("&Redeliver"), left);
    m_redeliver->setObjectName(QStringLiteral("webhookRedeliver"));
    m_redeliver->setToolTip(tr("Send the selected delivery again, with a new timestamp and signature"));
    logsHeader->addWidget(m_redeliver);
    leftLayout->addLayout(logsHeader);
    m_logs = detail::listTable(left, QStringLiteral("webhookLogs"), {tr("When"), tr("Event"), tr("Attempt"), tr("Answer"), tr("Time"), tr("Delivery")});
    leftLayout->addWidget(m_logs, 2);

    auto *right = new QWidget(split);
    auto *form = new QFormLayout(right);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("webhookName"));
    m_name->setPlaceholderText(tr("e.g. CRM sync"));
    form->addRow(tr("&Name"), m_name);
    m_url = new QLineEdit(right);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hooks.example.com/fliptech"));
    form->addRow(tr("&Address"), m_url);
    m_events = new QListWidget(right);
    m_events->setObjectName(QStringLiteral("webhookEvents"));
    for (const QJsonValue &v : automation::WebhookService::eventTypes()) {
        const QJsonObject e = v.toObject();
        auto *item = new QListWidgetItem(e.value(QStringLiteral("name")).toString() == u"*" ? tr("Every event (also kinds added later)") : e.value(QStringLiteral("description")).toString(), m_events);
        item->setData(Qt::UserRole, e.value(QStringLiteral("name")).toString());
        item->setToolTip(e.value(QStringLiteral("name")).toString());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_events->setMinimumHeight(140);
    form->addRow(tr("&Events"), m_events);
    m_maxFailures = new QSpinBox(right);
    m_maxFailures->setObjectName(QStringLiteral("webhookMaxFailures"));
    m_maxFailures->setRange(1, 1000);
    m_maxFailures->setValue(automation::WebhookService::defaultMaxFailures);
    m_maxFailures->setSuffix(tr(" failed attempts in a row"));
    form->addRow(tr("Turn off after"), m_maxFailures);
    m_active = new QCheckBox(tr("On"), right);
    m_active->setObjectName(QStringLiteral("webhookActive"));
    m_active->setChecked(true);
    form->addRow(QString(), m_active);
    m_secretRow = new QWidget(right);
    auto *secretLayout = new QHBoxLayout(m_secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(new QLabel(tr("Secret"), m_secretRow));
    m_secret = new QLineEdit(m_secretRow);
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setReadOnly(true);
    auto *copy = new QPushButton(tr("&Copy"), m_secretRow);
    copy->setObjectName(QStringLiteral("webhookCopySecret"));
    secretLayout->addWidget(m_secret, 1);
    secretLayout->addWidget(copy);
    m_secretRow->hide();
    form->addRow(m_secretRow); // the whole row shows only while there is a secret to copy
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("webhookStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);
    auto *saveRow = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save webhook"), right);
    m_save->setObjectName(QStringLiteral("webhookSave"));
    m_rotate = new QPushButton(tr("New s&ecret"), right);
    m_rotate->setObjectName(QStringLiteral("webhookRotate"));
    m_rotate->setToolTip(tr("Make a new signing secret; the receiver must be given it"));
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_rotate);
    saveRow->addStretch(1);
    form->addRow(saveRow);

    auto *reach = new QGroupBox(tr("What webhooks may reach (administrators)"), right);
    auto *reachForm = new QFormLayout(reach);
    m_allowPrivate = new QCheckBox(tr("Private networks and this computer (not only the Internet)"), reach);
    m_allowPrivate->setObjectName(QStringLiteral("webhookAllowPrivate"));
    reachForm->addRow(m_allowPrivate);
    m_allowed = new QLineEdit(reach);
    m_allowed->setObjectName(QStringLiteral("webhookAllowed"));
    m_allowed->setPlaceholderText(tr("e.g. 127.0.0.1:5678, 10.0.0.5"));
    m_allowed->setToolTip(tr("These addresses are allowed even when private networks are not (a local n8n, say)"));
    reachForm->addRow(tr("Allowed anyway"), m_allowed);
    m_saveSettings = new QPushButton(tr("Save these"), reach);
    m_saveSettings->setObjectName(QStringLiteral("webhookSaveSettings"));
    reachForm->addRow(QString(), m_saveSettings);
    reach->setEnabled(!m_principal || m_principal->role == auth::Role::Admin); // no sign-in: this computer's own user
    form->addRow(reach);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 520});

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        reload();
        loadLogs();
    });
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == u"workflows" && e.type.startsWith(u"webhook_"))
            m_reloadTimer->start();
    });
    connect(add, &QPushButton::clicked, this, &WebhooksTab::newWebhook);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_test, &QPushButton::clicked, this, &WebhooksTab::sendTest);
    connect(m_toggle, &QPushButton::clicked, this, &WebhooksTab::toggleActive);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksTab::remove);
    connect(m_redeliver, &QPushButton::clicked, this, &WebhooksTab::redeliver);
    connect(m_rotate, &QPushButton::clicked, this, &WebhooksTab::rotateSecret);
    connect(m_saveSettings, &QPushButton::clicked, this, [this] { saveSettings(); });
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        say(tr("The secret is on the clipboard."));
    });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &WebhooksTab::showSelected);
    connect(m_logs, &QTableWidget::itemSelectionChanged, this, [this] { m_redeliver->setEnabled(!m_logs->selectedItems().isEmpty()); });
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });
    auto *newKey = new QShortcut(QKeySequence::New, this);
    newKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newKey, &QShortcut::activated, this, &WebhooksTab::newWebhook);
    if (auto s = m_engine.webhooks().settings()) {
        m_allowPrivate->setChecked(s->value(QStringLiteral("allow_private_networks")).toBool());
        QStringList allowed;
        for (const QJsonValue &a : s->value(QStringLiteral("allowed_addresses")).toArray())
            allowed << a.toString();
        m_allowed->setText(allowed.join(QStringLiteral(", ")));
    }
    reload();
    newWebhook();
}

leads::Actor WebhooksTab::actor() const
{
    return m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
}

void WebhooksTab::say(const QString &text, bool error)
{
    detail::showStatus(m_status, text, error);
}

qint64 WebhooksTab::selectedId() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_list->item(rows.first().row(), HookName)->data(Qt::UserRole).toLongLong();
}

QString WebhooksTab::shownSecret() const
{
    return m_secretRow->isVisible() || !m_secret->text().isEmpty() ? m_secret->text() : QString();
}

void WebhooksTab::showSecret(const QString &secret)
{
    m_secret->setText(secret);
    m_secretRow->setVisible(!secret.isEmpty());
}

void WebhooksTab::reload()
{
    const qint64 keep = selectedId();
    auto hooks = m_engine.webhooks().list();
    if (!hooks) {
        say(hooks.error().userMessage(), true);
        return;
    }
    const QSignalBlocker block(m_list);
    m_list->setRowCount(0);
    int selectRow = -1;
    for (const QJsonValue &v : *hooks) {
        const QJsonObject h = v.toObject();
        const int row = m_list->rowCount();
        m_list->insertRow(row);
        auto *name = detail::cell(h.value(QStringLiteral("name")).toString());
        name->setData(Qt::UserRole, h.value(QStringLiteral("id")).toInteger());
        m_list->setItem(row, HookName, name);
        m_list->setItem(row, HookUrl, detail::cell(h.value(QStringLiteral("url")).toString()));
        QStringList events;
        for (const QJsonValue &e : h.value(QStringLiteral("events")).toArray())
            events << (e.toString() == u"*" ? tr("everything") : e.toString());
        m_list->setItem(row, HookEvents, detail::cell(events.join(QStringLiteral(", "))));
        QString state;
        if (h.value(QStringLiteral("is_active")).toBool())
            state = h.value(QStringLiteral("failure_count")).toInt() > 0
                        ? tr("On — %n failure(s) in a row", nullptr, h.value(QStringLiteral("failure_count")).toInt())
                        : tr("On");
        else
            state = h.value(QStringLiteral("disabled_reason")).isString() ? tr("Off: %1").arg(h.value(QStringLiteral("disabled_reason")).toString()) : tr("Off");
        m_list->setItem(row, HookState, detail::cell(state));
        const QString last = h.value(QStringLiteral("last_status")).toString();
        m_list->setItem(row, HookLast, detail::cell(last.isEmpty() ? tr("none yet")
                                                               : QStringLiteral("%1 — %2").arg(detail::localTime(h.value(QStringLiteral("last_delivery_at"))),
                                                                                              last == u"delivered" ? tr("delivered") : tr("failed"))));
        if (h.value(QStringLiteral("id")).toInteger() == keep)
            selectRow = row;
    }
    m_list->resizeColumnsToContents();
    if (selectRow >= 0)
        m_list->selectRow(selectRow);
    const bool any = selectedId() > 0;
    m_test->setEnabled(any);
    m_toggle->setEnabled(any);
    m_delete->setEnabled(any);
    m_rotate->setEnabled(any);
    if (m_list->rowCount() == 0)
        say(tr("No webhook yet. Give it a name, the address of the receiver and the events it wants, then Save."));
}

void WebhooksTab::newWebhook()
{
    const QSignalBlocker block(m_list);
    m_list->clearSelection();
    m_editing = 0;
    m_name->clear();
    m_url->clear();
    for (int i = 0; i < m_events->count(); ++i)
        m_events->item(i)->setCheckState(m_events->item(i)->data(Qt::UserRole).toString() == u"lead_created" ? Qt::Checked : Qt::Unchecked);
    m_maxFailures->setValue(automation::WebhookService::defaultMaxFailures);
    m_active->setChecked(true);
    setManaged(false);
    showSecret({});
    m_logs->setRowCount(0);
    m_redeliver->setEnabled(false);
    for (QPushButton *b : {m_test, m_toggle, m_delete, m_rotate})
        b->setEnabled(false);
    m_name->setFocus();
}

void WebhooksTab::setManaged(bool managed)
{
    m_managed = managed;
    m_url->setReadOnly(managed);
    m_events->setEnabled(!managed);
    const QString why = managed ? tr("This webhook starts an n8n workflow (Workflows tab): its address is the workflow's Webhook trigger, and rules "
                                     "and schedules send to it, not events.")
                                : QString();
    m_url->setToolTip(why);
    m_events->setToolTip(why);
}

void WebhooksTab::showSelected()
{
    const qint64 id = selectedId();
    for (QPushButton *b : {m_test, m_toggle, m_delete, m_rotate})
        b->setEnabled(id > 0);
    if (id <= 0)
        return;
    auto hook = m_engine.webhooks().get(id);
    if (!hook) {
        say(hook.error().userMessage(), true);
        return;
    }
    m_editing = id;
    m_name->setText(hook->value(QStringLiteral("name")).toString());
    m_url->setText(hook->value(QStringLiteral("url")).toString());
    const QJsonArray events = hook->value(QStringLiteral("events")).toArray();
    for (int i = 0; i < m_events->count(); ++i)
        m_events->item(i)->setCheckState(events.contains(m_events->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    m_maxFailures->setValue(hook->value(QStringLiteral("max_failures")).toInt());
    m_active->setChecked(hook->value(QStringLiteral("is_active")).toBool());
    setManaged(hook->value(QStringLiteral("n8n_workflow_id")).isString());
    m_toggle->setText(hook->value(QStringLiteral("is_active")).toBool() ? tr("Turn o&ff") : tr("Turn o&n"));
    showSecret({});
    say(hook->value(QStringLiteral("disabled_reason")).isString() ? hook->value(QStringLiteral("disabled_reason")).toString()
                                                                   : tr("Signed with the secret ending %1.").arg(hook->value(QStringLiteral("secret_hint")).toString()),
        hook->value(QStringLiteral("disabled_reason")).isString());
    loadLogs();
}

void WebhooksTab::loadLogs()
{
    const qint64 id = selectedId();
    m_logs->setRowCount(0);
    m_redeliver->setEnabled(false);
    if (id <= 0)
        return;
    auto logs = m_engine.webhooks().logs(id, 200);
    if (!logs)
        return;
    for (const QJsonValue &v : *logs) {
        const QJsonObject l = v.toObject();
        const int row = m_logs->rowCount();
        m_logs->insertRow(row);
        auto *when = detail::cell(detail::localTime(l.value(QStringLiteral("delivered_at"))));
        when->setData(Qt::UserRole, l.value(QStringLiteral("id")).toInteger());
        m_logs->setItem(row, 0, when);
        m_logs->setItem(row, 1, detail::cell(l.value(QStringLiteral("event_type")).toString()));
        m_logs->setItem(row, 2, detail::cell(QString::number(l.value(QStringLiteral("attempt")).toInt())));
        const QString answer = l.value(QStringLiteral("error_message")).isString() && !l.value(QStringLiteral("response_status")).isDouble()
                                   ? l.value(QStringLiteral("error_message")).toString()
                                   : QStringLiteral("%1 %2").arg(l.value(QStringLiteral("response_status")).toInt()).arg(l.value(QStringLiteral("response_body")).toString().left(200));
        m_logs->setItem(row, 3, detail::cell(answer));
        m_logs->setItem(row, 4, detail::cell(tr("%1 ms").arg(l.value(QStringLiteral("duration_ms")).toInteger())));
        const QString state = l.value(QStringLiteral("delivery_status")).toString();
        m_logs->setItem(row, 5, detail::cell(state == u"delivered" ? tr("delivered")
                                         : state == u"failed"  ? tr("gave up")
                                         : state == u"test"    ? tr("test")
                                                               : tr("will retry")));
    }
    m_logs->resizeColumnsToContents();
}

bool WebhooksTab::save()
{
    QJsonArray events;
    for (int i = 0; i < m_events->count(); ++i)
        if (m_events->item(i)->checkState() == Qt::Checked)
            events.append(m_events->item(i)->data(Qt::UserRole).toString());
    if (events.isEmpty() && !m_managed) {
        say(tr("Events: tick at least one event the receiver wants."), true);
        return false;
    }
    QJsonObject fields{{QStringLiteral("name"), m_name->text().trimmed()},
                       {QStringLiteral("max_failures"), m_maxFailures->value()},
                       {QStringLiteral("is_active"), m_active->isChecked()}};
    if (!m_managed) { // an n8n workflow's webhook: its address and events are the integration's
        fields.insert(QStringLiteral("url"), m_url->text().trimmed());
        fields.insert(QStringLiteral("events"), events);
    }
    const bool creating = m_editing <= 0;
    auto saved = creating ? m_engine.webhooks().create(actor(), fields) : m_engine.webhooks().update(actor(), m_editing, fields);
    if (!saved) {
        say(refusalText(saved.error()), true);
        return false;
    }
    m_editing = saved->value(QStringLiteral("id")).toInteger();
    reload();
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (m_list->item(r, HookName)->data(Qt::UserRole).toLongLong() == m_editing)
            m_list->selectRow(r);
    if (creating) {
        showSecret(saved->value(QStringLiteral("secret")).toString());
        say(tr("Saved. Give the receiver this secret to check the X-FlipTech-Signature of each delivery: it is shown only now."));
    } else {
        say(tr("Saved."));
    }
    return true;
}

void WebhooksTab::sendTest()
{
    const qint64 id = selectedId();
    if (id <= 0 || !m_test->isEnabled())
        return;
    // The receiver may take up to the timeout: the ping goes from a worker thread, the window stays live.
    say(tr("Sending a test…"));
    m_test->setEnabled(false);
    QPointer<WebhooksTab> self(this);
    automation::WebhookService *hooks = &m_engine.webhooks();
    storage::Database *db = &m_engine.database();
    const leads::Actor who = actor();
    m_work->start([self, hooks, db, who, id] {
        auto sent = hooks->test(who, id);
        db->closeThreadConnection();
        QMetaObject::invokeMethod(qApp, [self, sent] {
            if (!self)
                return;
            self->m_test->setEnabled(self->selectedId() > 0);
            if (!sent) {
                self->say(sent.error().userMessage(), true);
                return;
            }
            if (sent->value(QStringLiteral("ok")).toBool())
                self->say(tr("The receiver answered %1 in %2 ms.").arg(sent->value(QStringLiteral("response_status")).toInt()).arg(sent->value(QStringLiteral("duration_ms")).toInteger()));
            else if (sent->value(QStringLiteral("response_status")).isDouble())
                self->say(tr("The receiver answered %1: %2").arg(sent->value(QStringLiteral("response_status")).toInt()).arg(sent->value(QStringLiteral("response_body")).toString().left(300)),
                          true);
            else
                self->say(tr("Not delivered: %1").arg(sent->value(QStringLiteral("error_message")).toString()), true);
            self->loadLogs();
        });
    });
}

void WebhooksTab::toggleActive()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto hook = m_engine.webhooks().get(id);
    if (!hook)
        return;
    auto changed = m_engine.webhooks().update(actor(), id, {{QStringLiteral("is_active"), !hook->value(QStringLiteral("is_active")).toBool()}});
    if (!changed) {
        say(changed.error().userMessage(), true);
        return;
    }
    reload();
    showSelected();
}

void WebhooksTab::remove()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    if (!confirm(tr("Delete the webhook \"%1\" and its delivery log? Deliveries still waiting are dropped.").arg(m_name->text())))
        return;
    if (auto st = m_engine.webhooks().remove(actor(), id); !st) {
        say(st.error().userMessage(), true);
        return;
    }
    reload();
    newWebhook();
    say(tr("Deleted."));
}

void WebhooksTab::redeliver()
{
    const auto rows = m_logs->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 logId = m_logs->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
    auto queued = m_engine.webhooks().redeliver(actor(), logId);
    if (!queued) {
        say(queued.error().userMessage(), true);
        return;
    }
    say(queued->value(QStringLiteral("note")).toString());
}

void WebhooksTab::rotateSecret()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    if (!confirm(tr("Make a new secret for \"%1\"? Deliveries are signed with it from now on: the receiver must be given it.").arg(m_name->text())))
        return;
    auto changed = m_engine.webhooks().update(actor(), id, {{QStringLiteral("rotate_secret"), true}});
    if (!changed) {
        say(changed.error().userMessage(), true);
        return;
    }
    showSecret(changed->value(QStringLiteral("secret")).toString());
    say(tr("A new secret: give it to the receiver. It is shown only now."));
}

bool WebhooksTab::saveSettings()
{
    QJsonArray allowed;
    for (const QString &a : m_allowed->text().split(u',', Qt::SkipEmptyParts))
        if (!a.trimmed().isEmpty())
            allowed.append(a.trimmed());
    auto saved = m_engine.webhooks().updateSettings(actor(), {{QStringLiteral("allow_private_networks"), m_allowPrivate->isChecked()},
                                                               {QStringLiteral("allowed_addresses"), allowed}});
    if (!saved) {
        say(refusalText(saved.error()), true);
        return false;
    }
    say(tr("Saved: webhooks may reach %1.").arg(m_allowPrivate->isChecked() ? tr("private networks too") : allowed.isEmpty() ? tr("only the Internet")
                                                                                                                       : tr("the Internet and %1").arg(m_allowed->text())));
    return true;
}

WebhooksTab::~WebhooksTab()
{
    m_work->waitForDone();
}

} // namespace fliptech::ui
