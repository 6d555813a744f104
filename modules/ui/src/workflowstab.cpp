// The Automation page's Workflows tab (issue 15): the team's n8n through automation::N8nService,
// as the API does. Every call to n8n runs on a worker thread (n8n may be slow or away); the tab
// stays live and says what it is waiting for.
#include "fliptech/ui/automationpage.h"

#include "fliptech/automation/n8nservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "automationparts.h"

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {

enum WorkflowColumn { FlowName, FlowOn, FlowTrigger, FlowTags, FlowStart };
enum RunColumn { RunStarted, RunWorkflow, RunStatus, RunDuration, RunMode };

QString durationText(const QJsonValue &ms)
{
    if (!ms.isDouble())
        return QObject::tr("running");
    const qint64 v = ms.toInteger();
    return v < 1000 ? QObject::tr("%1 ms").arg(v) : v < 60000 ? QObject::tr("%1 s").arg(QLocale().toString(v / 1000.0, 'f', 1)) : QObject::tr("%1 min").arg(v / 60000);
}

QString statusText(const QString &status)
{
    if (status == u"success")
        return QObject::tr("succeeded");
    if (status == u"error" || status == u"crashed")
        return QObject::tr("failed");
    if (status == u"running" || status == u"new")
        return QObject::tr("running");
    if (status == u"waiting")
        return QObject::tr("waiting");
    if (status == u"canceled")
        return QObject::tr("cancelled");
    return status;
}

} // namespace

WorkflowsTab::WorkflowsTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    m_work = new QThreadPool(this);
    m_work->setMaxThreadCount(2);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Workflows of your team's n8n: turn them on and off, start them, and see how their runs went. A rule (action "
                                "\"Start an n8n workflow\") or a schedule starts a workflow through its Webhook trigger (HTTP method POST) with "
                                "the lead and the event; the workflow can call back into FlipTech with an API key."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *connection = new QGroupBox(tr("Where your n8n is"), this);
    auto *form = new QFormLayout(connection);
    m_baseUrl = new QLineEdit(connection);
    m_baseUrl->setObjectName(QStringLiteral("n8nBaseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:5678"));
    form->addRow(tr("n8n &address"), m_baseUrl);
    auto *keyRow = new QHBoxLayout;
    m_apiKey = new QLineEdit(connection);
    m_apiKey->setObjectName(QStringLiteral("n8nApiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setToolTip(tr("Made in n8n: Settings → n8n API → Create an API key (with the workflow and execution scopes). Kept in the "
                            "system keychain, never shown again."));
    keyRow->addWidget(m_apiKey, 1);
    m_keyState = new QLabel(connection);
    m_keyState->setObjectName(QStringLiteral("n8nKeyState"));
    keyRow->addWidget(m_keyState);
    auto *keyLabel = new QLabel(tr("API &key"), connection);
    keyLabel->setBuddy(m_apiKey);
    form->addRow(keyLabel, keyRow);
    m_saveSettings = new QPushButton(tr("Save and c&onnect"), connection);
    m_saveSettings->setObjectName(QStringLiteral("n8nSaveSettings"));
    form->addRow(QString(), m_saveSettings);
    const bool admin = !m_principal || m_principal->role == auth::Role::Admin; // no sign-in: this computer's own user
    connection->setEnabled(admin);
    if (!admin)
        connection->setToolTip(tr("Only an administrator may change where n8n is"));
    layout->addWidget(connection);

    auto *buttons = new QHBoxLayout;
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("n8nRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_toggle = new QPushButton(tr("Turn o&n"), this);
    m_toggle->setObjectName(QStringLiteral("n8nToggle"));
    m_run = new QPushButton(tr("&Run now"), this);
    m_run->setObjectName(QStringLiteral("n8nRun"));
    m_run->setToolTip(tr("Start the selected workflow now through its Webhook trigger (a \"manual\" event)"));
    for (QPushButton *b : {m_refresh, m_toggle, m_run})
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_onlySelected = new QCheckBox(tr("Runs of the selected workflow only"), this);
    m_onlySelected->setObjectName(QStringLiteral("n8nOnlySelected"));
    buttons->addWidget(m_onlySelected);
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);
    m_workflows = detail::listTable(split, QStringLiteral("n8nWorkflows"), {tr("Workflow"), tr("On"), tr("Trigger"), tr("Tags"), tr("Can start from here")});
    m_executions = detail::listTable(split, QStringLiteral("n8nExecutions"), {tr("Started"), tr("Workflow"), tr("Status"), tr("Took"), tr("How")});
    split->addWidget(m_workflows);
    split->addWidget(m_executions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("n8nStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, &WorkflowsTab::reload);
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        // What this tab's own reads announce would bring it back here: only others' changes count.
        if (e.channel == u"workflows" && e.type.startsWith(u"n8n_") && m_pending == 0)
            m_reloadTimer->start();
    });
    connect(m_saveSettings, &QPushButton::clicked, this, [this] { saveSettings(); });
    connect(m_apiKey, &QLineEdit::returnPressed, this, [this] { saveSettings(); });
    connect(m_refresh, &QPushButton::clicked, this, &WorkflowsTab::reload);
    connect(m_toggle, &QPushButton::clicked, this, &WorkflowsTab::toggleActive);
    connect(m_run, &QPushButton::clicked, this, &WorkflowsTab::runNow);
    connect(m_onlySelected, &QCheckBox::toggled, this, &WorkflowsTab::reload);
    connect(m_workflows, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        if (m_onlySelected->isChecked())
            reload();
    });
    connect(m_workflows, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == FlowOn)
            setActive(item->row(), item->checkState() == Qt::Checked);
    });
    showSettings();
    updateButtons();
    reload();
}

leads::Actor WorkflowsTab::actor() const
{
    return m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
}

void WorkflowsTab::say(const QString &text, bool error)
{
    detail::showStatus(m_status, text, error);
}

QString WorkflowsTab::selectedId() const
{
    const auto rows = m_workflows->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_workflows->item(rows.first().row(), FlowName)->data(Qt::UserRole).toString();
}

void WorkflowsTab::updateButtons()
{
    const int row = m_workflows->currentRow();
    const bool any = !selectedId().isEmpty() && !readOnly();
    m_toggle->setEnabled(any);
    m_run->setEnabled(any);
    if (any && row >= 0) {
        const bool on = m_workflows->item(row, FlowOn)->checkState() == Qt::Checked;
        m_toggle->setText(on ? tr("Turn o&ff") : tr("Turn o&n"));
        const QString why = m_workflows->item(row, FlowStart)->data(Qt::UserRole).toString();
        m_run->setEnabled(why.isEmpty());
        m_run->setToolTip(why.isEmpty() ? tr("Start the selected workflow now through its Webhook trigger (a \"manual\" event)") : why);
    }
}

bool WorkflowsTab::readOnly() const
{
    return m_principal && m_principal->role == auth::Role::Viewer;
}

void WorkflowsTab::showSettings()
{
    auto s = m_engine.n8n().settings();
    if (!s)
        return;
    m_configured = s->value(QStringLiteral("configured")).toBool();
    if (!m_baseUrl->hasFocus())
        m_baseUrl->setText(s->value(QStringLiteral("base_url")).toString());
    const QString source = s->value(QStringLiteral("key_source")).toString();
    m_keyState->setText(source == u"keychain"      ? tr("kept in the keychain")
                        : source == u"environment" ? tr("from N8N_API_KEY")
                                                   : tr("none yet"));
    m_apiKey->setPlaceholderText(source == u"none" ? tr("paste the key n8n made") : tr("leave empty to keep the key"));
}

// Runs `work` on a worker thread and `done` back on this tab (if it still exists).
template <typename Result>
void WorkflowsTab::off(std::function<Result()> work, std::function<void(const Result &)> done)
{
    ++m_pending;
    QPointer<WorkflowsTab> self(this);
    storage::Database *db = &m_engine.database();
    m_work->start([self, db, work = std::move(work), done = std::move(done)] {
        Result r = work();
        db->closeThreadConnection();
        QMetaObject::invokeMethod(qApp, [self, r = std::move(r), done] {
            if (!self)
                return;
            --self->m_pending;
            done(r);
            if (self->m_pending == 0)
                Q_EMIT self->idle();
        });
    });
}

bool WorkflowsTab::saveSettings()
{
    QJsonObject fields{{QStringLiteral("base_url"), m_baseUrl->text().trimmed()}};
    if (!m_apiKey->text().trimmed().isEmpty())
        fields.insert(QStringLiteral("api_key"), m_apiKey->text().trimmed());
    auto saved = m_engine.n8n().updateSettings(actor(), fields);
    if (!saved) {
        say(detail::refusal(saved.error(), {{QStringLiteral("base_url"), tr("n8n address")}, {QStringLiteral("api_key"), tr("API key")}}), true);
        return false;
    }
    m_apiKey->clear();
    showSettings();
    say(m_configured ? tr("Saved. Reading the workflows from n8n…") : tr("Saved. Give both the address and an API key to connect."));
    if (m_configured)
        reload();
    return true;
}

void WorkflowsTab::reload()
{
    showSettings();
    if (!m_configured) {
        m_workflows->setRowCount(0);
        m_executions->setRowCount(0);
        say(tr("n8n is not set up yet: an administrator gives its address and an API key above (in n8n: Settings → n8n API)."));
        updateButtons();
        return;
    }
    if (m_pending > 0) { // a read is under way: one more after it
        m_reloadTimer->start();
        return;
    }
    m_refresh->setEnabled(false);
    say(tr("Reading from n8n…"));
    automation::N8nService *n8n = &m_engine.n8n();
    const QString only = m_onlySelected->isChecked() ? selectedId() : QString();
    struct Read {
        core::Result<QJsonArray> workflows = QJsonArray();
        core::Result<QJsonObject> executions = QJsonObject();
    };
    off<Read>(
        [n8n, only] {
            Read r;
            r.workflows = n8n->workflows();
            if (r.workflows)
                r.executions = n8n->executions(only, QString(), 100, QString());
            return r;
        },
        [this](const Read &r) {
            m_refresh->setEnabled(true);
            if (!r.workflows) {
                say(r.workflows.error().userMessage(), true);
                return;
            }
            showWorkflows(*r.workflows);
            if (!r.executions) {
                say(r.executions.error().userMessage(), true);
                return;
            }
            showExecutions(r.executions->value(QStringLiteral("data")).toArray());
            const int n = int(r.workflows->size());
            say(n == 0 ? tr("n8n has no workflow yet: make one in n8n with a Webhook trigger (POST).")
                       : tr("%n workflow(s) in n8n; the newest runs below.", nullptr, n));
        });
}

void WorkflowsTab::showWorkflows(const QJsonArray &workflows)
{
    const QString keep = selectedId();
    const QSignalBlocker block(m_workflows);
    m_workflows->setRowCount(0);
    for (const QJsonValue &v : workflows) {
        const QJsonObject w = v.toObject();
        const int row = m_workflows->rowCount();
        m_workflows->insertRow(row);
        auto *name = detail::cell(w.value(QStringLiteral("name")).toString());
        name->setData(Qt::UserRole, w.value(QStringLiteral("id")).toString());
        name->setToolTip(tr("%1 — id %2 (what a rule's \"Start an n8n workflow\" action takes)").arg(w.value(QStringLiteral("name")).toString(), w.value(QStringLiteral("id")).toString()));
        m_workflows->setItem(row, FlowName, name);
        auto *on = detail::cell(w.value(QStringLiteral("active")).toBool() ? tr("on") : tr("off"));
        on->setFlags(on->flags() | Qt::ItemIsUserCheckable);
        if (readOnly())
            on->setFlags(on->flags() & ~Qt::ItemIsUserCheckable);
        on->setCheckState(w.value(QStringLiteral("active")).toBool() ? Qt::Checked : Qt::Unchecked);
        on->setToolTip(tr("Tick to turn the workflow on in n8n (its triggers listen), untick to turn it off"));
        m_workflows->setItem(row, FlowOn, on);
        const QJsonObject t = w.value(QStringLiteral("trigger")).toObject();
        m_workflows->setItem(row, FlowTrigger, detail::cell(t.isEmpty() ? tr("no Webhook trigger") : QStringLiteral("%1 %2").arg(t.value(QStringLiteral("method")).toString(), t.value(QStringLiteral("url")).toString())));
        m_workflows->setItem(row, FlowTags, detail::cell(detail::valueText(w.value(QStringLiteral("tags")))));
        const QString why = w.value(QStringLiteral("not_startable_reason")).toString();
        auto *start = detail::cell(why.isEmpty() ? tr("yes") : tr("no: %1").arg(why));
        start->setData(Qt::UserRole, why);
        m_workflows->setItem(row, FlowStart, start);
        if (w.value(QStringLiteral("id")).toString() == keep)
            m_workflows->selectRow(row);
    }
    m_workflows->resizeColumnsToContents();
    updateButtons();
}

void WorkflowsTab::showExecutions(const QJsonArray &runs)
{
    m_executions->setRowCount(0);
    for (const QJsonValue &v : runs) {
        const QJsonObject e = v.toObject();
        const int row = m_executions->rowCount();
        m_executions->insertRow(row);
        auto *started = detail::cell(detail::localTime(e.value(QStringLiteral("started_at"))));
        started->setData(Qt::UserRole, e.value(QStringLiteral("id")).toString());
        m_executions->setItem(row, RunStarted, started);
        m_executions->setItem(row, RunWorkflow, detail::cell(e.value(QStringLiteral("workflow_name")).isString() ? e.value(QStringLiteral("workflow_name")).toString()
                                                                                                               : e.value(QStringLiteral("workflow_id")).toString()));
        auto *status = detail::cell(statusText(e.value(QStringLiteral("status")).toString()));
        if (e.value(QStringLiteral("status")).toString() == u"error")
            status->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_executions->setItem(row, RunStatus, status);
        m_executions->setItem(row, RunDuration, detail::cell(durationText(e.value(QStringLiteral("duration_ms")))));
        m_executions->setItem(row, RunMode, detail::cell(e.value(QStringLiteral("mode")).toString()));
    }
    m_executions->resizeColumnsToContents();
}

void WorkflowsTab::setActive(int row, bool on)
{
    if (row < 0 || row >= m_workflows->rowCount())
        return;
    const QString id = m_workflows->item(row, FlowName)->data(Qt::UserRole).toString();
    const QString name = m_workflows->item(row, FlowName)->text();
    say(on ? tr("Turning \"%1\" on…").arg(name) : tr("Turning \"%1\" off…").arg(name));
    automation::N8nService *n8n = &m_engine.n8n();
    const leads::Actor who = actor();
    off<core::Result<QJsonObject>>([n8n, who, id, on] { return n8n->setActive(who, id, on); },
                                   [this, name, on](const core::Result<QJsonObject> &done) {
                                       if (!done) {
                                           say(done.error().userMessage(), true);
                                           reload(); // the tick back as n8n has it
                                           return;
                                       }
                                       say(on ? tr("\"%1\" is on.").arg(name) : tr("\"%1\" is off.").arg(name));
                                       reload();
                                   });
}

void WorkflowsTab::toggleActive()
{
    const int row = m_workflows->currentRow();
    if (row < 0 || selectedId().isEmpty())
        return;
    setActive(row, m_workflows->item(row, FlowOn)->checkState() != Qt::Checked);
}

void WorkflowsTab::runNow()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const QString name = m_workflows->item(m_workflows->currentRow(), FlowName)->text();
    auto started = m_engine.n8n().startByHand(actor(), id, {});
    if (!started) {
        say(started.error().userMessage(), true);
        return;
    }
    // The start is a delivery of the workflow's webhook, sent at once by the deliverer.
    say(tr("\"%1\" is being started; its run appears below when n8n has it.").arg(name));
    QTimer::singleShot(3000, this, &WorkflowsTab::reload);
}

bool WorkflowsTab::busy() const
{
    return m_pending > 0;
}

WorkflowsTab::~WorkflowsTab()
{
    m_work->waitForDone();
}

} // namespace fliptech::ui
