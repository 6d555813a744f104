// The Automation page's Approvals tab (issue 15): everything through automation::ApprovalService,
// as the API does.
#include "fliptech/ui/automationpage.h"

#include "fliptech/automation/approvalservice.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/eventstore.h"
#include "automationparts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QJsonDocument>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {

enum Column { TitleCol, LeadCol, WhoCol, DeadlineCol, StateCol };

// A value an n8n workflow sent, as a person edits it: text as is, anything else as JSON.
QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject() || v.isArray())
        return QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact) : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Back from the text: of the original value's type when it reads as one (a number stays a number).
QJsonValue valueFrom(const QString &text, const QJsonValue &original)
{
    if (original.isString())
        return text;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]");
    if (doc.isArray() && doc.array().size() == 1)
        return doc.array().first();
    return text;
}

QString stateText(const QJsonObject &a)
{
    const QString status = a.value(QStringLiteral("status")).toString();
    if (status == u"pending")
        return QObject::tr("Waiting");
    const QString outcome = a.value(QStringLiteral("outcome")).toString() == u"approved" ? QObject::tr("approved") : QObject::tr("rejected");
    if (status == u"expired")
        return QObject::tr("No decision in time: %1").arg(outcome);
    if (a.value(QStringLiteral("auto_decided")).toBool())
        return QObject::tr("%1 by an auto-approval rule").arg(outcome);
    return outcome;
}

} // namespace

ApprovalsTab::ApprovalsTab(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Work that waits for a person stops here: a rule's next actions after \"Ask for approval\", reply suggestions "
                                "the AI wrote, large campaign launches, steps of n8n workflows. Review it, change it if you like, and approve or "
                                "reject. Without a decision by the deadline, the request's default applies."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_history = new QCheckBox(tr("Show decided ones too"), this);
    m_history->setObjectName(QStringLiteral("approvalHistory"));
    layout->addWidget(m_history);

    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);
    m_list = detail::listTable(split, QStringLiteral("approvalList"), {tr("What"), tr("Lead"), tr("Who decides"), tr("Deadline"), tr("State")});

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    m_details = new QLabel(tr("Select a request to review it."), right);
    m_details->setObjectName(QStringLiteral("approvalDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_details);
    m_actions = new QTableWidget(0, 2, right);
    m_actions->setObjectName(QStringLiteral("approvalActions"));
    m_actions->setHorizontalHeaderLabels({tr("Then, once approved"), tr("Settings (editable)")});
    m_actions->horizontalHeader()->setStretchLastSection(true);
    m_actions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_actions->verticalHeader()->hide();
    rightLayout->addWidget(m_actions, 1);
    m_reply = new QPlainTextEdit(right);
    m_reply->setObjectName(QStringLiteral("approvalReply"));
    m_reply->setPlaceholderText(tr("The reply that goes out once approved"));
    m_reply->hide();
    rightLayout->addWidget(m_reply, 1);
    m_note = new QLineEdit(right);
    m_note->setObjectName(QStringLiteral("approvalNote"));
    m_note->setPlaceholderText(tr("A note with your decision (optional)"));
    rightLayout->addWidget(m_note);
    auto *buttons = new QHBoxLayout;
    m_approve = new QPushButton(tr("&Approve"), right);
    m_approve->setObjectName(QStringLiteral("approvalApprove"));
    m_approve->setToolTip(tr("Run the actions above, as edited (Ctrl+Return)"));
    m_reject = new QPushButton(tr("Re&ject"), right);
    m_reject->setObjectName(QStringLiteral("approvalReject"));
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);
    rightLayout->addLayout(buttons);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("approvalStatus"));
    m_status->setWordWrap(true);
    rightLayout->addWidget(m_status);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setSizes({600, 480});

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(250);
    connect(m_reloadTimer, &QTimer::timeout, this, &ApprovalsTab::reload);
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == u"workflows" && e.type.startsWith(u"approval_"))
            m_reloadTimer->start();
    });
    connect(m_history, &QCheckBox::toggled, this, &ApprovalsTab::reload);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &ApprovalsTab::showSelected);
    connect(m_approve, &QPushButton::clicked, this, [this] { approve(); });
    connect(m_reject, &QPushButton::clicked, this, [this] { reject(); });
    auto *approveKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    approveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(approveKey, &QShortcut::activated, this, [this] { approve(); });
    reload();
}

qint64 ApprovalsTab::selectedId() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_list->item(rows.first().row(), TitleCol)->data(Qt::UserRole).toLongLong();
}

void ApprovalsTab::say(const QString &text, bool error)
{
    detail::showStatus(m_status, text, error);
}

void ApprovalsTab::reload()
{
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    const qint64 keep = selectedId();
    auto items = m_history->isChecked() ? m_engine.approvals().list(actor) : m_engine.approvals().pending(actor);
    if (!items) {
        say(items.error().userMessage(), true);
        return;
    }
    {
        const QSignalBlocker block(m_list);
        m_list->setRowCount(0);
        int selectRow = -1;
        for (const QJsonValue &v : *items) {
            const QJsonObject a = v.toObject();
            const int row = m_list->rowCount();
            m_list->insertRow(row);
            auto *title = detail::cell(a.value(QStringLiteral("title")).toString());
            title->setData(Qt::UserRole, a.value(QStringLiteral("id")).toInteger());
            m_list->setItem(row, TitleCol, title);
            m_list->setItem(row, LeadCol, detail::cell(a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("lead_name")).toString()));
            m_list->setItem(row, WhoCol, detail::cell(a.value(QStringLiteral("decide_user_id")).isDouble()
                                                  ? tr("user #%1").arg(a.value(QStringLiteral("decide_user_id")).toInteger())
                                                  : a.value(QStringLiteral("decide_role")).toString() == u"admin" ? tr("an administrator")
                                                                                                                 : tr("anyone on the team")));
            m_list->setItem(row, DeadlineCol, detail::cell(tr("%1, then %2").arg(detail::localTime(a.value(QStringLiteral("expires_at"))),
                                                                         a.value(QStringLiteral("default_decision")).toString() == u"approved" ? tr("approved")
                                                                                                                                               : tr("rejected"))));
            m_list->setItem(row, StateCol, detail::cell(stateText(a)));
            if (a.value(QStringLiteral("id")).toInteger() == keep)
                selectRow = row;
        }
        m_list->resizeColumnsToContents();
        if (selectRow >= 0)
            m_list->selectRow(selectRow);
    }
    showSelected();
    auto count = m_engine.approvals().pendingCount();
    const int waiting = count ? *count : 0;
    if (waiting != m_waiting) {
        m_waiting = waiting;
        Q_EMIT waitingChanged(waiting);
    }
    if (m_list->rowCount() == 0)
        say(m_history->isChecked() ? tr("No approvals yet.") : tr("Nothing waits for a decision."));
}

void ApprovalsTab::showSelected()
{
    const qint64 id = selectedId();
    m_actions->setRowCount(0);
    m_selected = {};
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    if (id <= 0) {
        m_details->setText(tr("Select a request to review it."));
        return;
    }
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    auto a = m_engine.approvals().get(actor, id);
    if (!a) {
        say(a.error().userMessage(), true);
        return;
    }
    m_selected = *a;
    const QJsonObject payload = a->value(QStringLiteral("payload")).toObject();
    const QString kind = a->value(QStringLiteral("kind")).toString();
    const QString title = a->value(QStringLiteral("title")).toString().toHtmlEscaped();
    QString text;
    if (kind == u"campaign_launch")
        text = tr("<b>%1</b><br>Approving launches the campaign \"%2\" to its %n recipient(s) at once (or at its start time).", nullptr,
                  payload.value(QStringLiteral("recipients")).toInt())
                   .arg(title, payload.value(QStringLiteral("name")).toString().toHtmlEscaped());
    else if (kind == u"ai_suggestion")
        text = tr("<b>%1</b><br>They wrote: <i>%2</i><br>Approving sends the reply below (edit it first if you like); rejecting keeps it unsent.")
                   .arg(title, payload.value(QStringLiteral("their_message")).toString().left(600).toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    else if (kind == u"n8n_step")
        text = tr("<b>%1</b><br>An n8n workflow (%2) waits for this decision%3. It receives the values below as you leave them.")
                   .arg(title, payload.value(QStringLiteral("workflow_id")).toString().toHtmlEscaped(),
                        payload.value(QStringLiteral("lead_name")).isString()
                            ? tr(" about the lead %1").arg(payload.value(QStringLiteral("lead_name")).toString().toHtmlEscaped())
                            : QString());
    else
        text = tr("<b>%1</b><br>Rule \"%2\" on the lead %3.").arg(title, payload.value(QStringLiteral("rule_name")).toString().toHtmlEscaped(),
                                                                   payload.value(QStringLiteral("lead_name")).toString().toHtmlEscaped());
    if (a->value(QStringLiteral("status")).toString() != u"pending") {
        text += u"<br>" + stateText(*a).toHtmlEscaped();
        if (a->value(QStringLiteral("decision_note")).isString())
            text += QStringLiteral(" — ") + a->value(QStringLiteral("decision_note")).toString().toHtmlEscaped();
        if (a->value(QStringLiteral("result")).toObject().contains(QStringLiteral("error")))
            text += u"<br>" + tr("It could not run: %1").arg(a->value(QStringLiteral("result")).toObject().value(QStringLiteral("error")).toString().toHtmlEscaped());
    }
    m_details->setText(text);
    const bool open = a->value(QStringLiteral("status")).toString() == u"pending" && a->value(QStringLiteral("can_decide")).toBool();
    m_reply->setVisible(kind == u"ai_suggestion");
    m_actions->setVisible(kind == u"rule_action" || kind == u"n8n_step");
    if (kind == u"ai_suggestion") {
        m_reply->setPlainText(payload.value(QStringLiteral("response")).toString());
        m_reply->setReadOnly(!open);
    }
    if (kind == u"n8n_step") {
        m_actions->setHorizontalHeaderLabels({tr("Value"), tr("As the workflow gets it (editable)")});
        const QJsonObject values = payload.value(QStringLiteral("payload")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            const int row = m_actions->rowCount();
            m_actions->insertRow(row);
            auto *name = detail::cell(it.key());
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
            m_actions->setItem(row, 0, name);
            auto *value = new QLineEdit(m_actions);
            value->setText(valueText(it.value()));
            value->setEnabled(open);
            m_actions->setCellWidget(row, 1, value);
        }
    } else {
        m_actions->setHorizontalHeaderLabels({tr("Then, once approved"), tr("Settings (editable)")});
    }
    QHash<QString, QString> labels;
    for (const QJsonValue &t : m_engine.rules().actionTypes())
        labels.insert(t.toObject().value(QStringLiteral("name")).toString(), t.toObject().value(QStringLiteral("label")).toString());
    for (const QJsonValue &v : payload.value(QStringLiteral("actions")).toArray()) {
        const QJsonObject action = v.toObject();
        const QString type = action.value(QStringLiteral("type")).toString();
        const int row = m_actions->rowCount();
        m_actions->insertRow(row);
        auto *label = detail::cell(labels.value(type, type));
        label->setData(Qt::UserRole, type);
        label->setFlags(label->flags() & ~Qt::ItemIsEditable);
        m_actions->setItem(row, 0, label);
        auto *settings = new QLineEdit(m_actions);
        settings->setText(detail::actionToText(action));
        settings->setPlaceholderText(detail::settingsHint(type));
        settings->setEnabled(open && detail::settingsHint(type) != QObject::tr("no settings"));
        m_actions->setCellWidget(row, 1, settings);
    }
    m_approve->setEnabled(open);
    m_reject->setEnabled(open);
    if (a->value(QStringLiteral("status")).toString() == u"pending" && !open)
        say(tr("This one waits for %1.").arg(a->value(QStringLiteral("decide_role")).toString() == u"admin" ? tr("an administrator") : tr("another user")));
}

bool ApprovalsTab::decide(const QString &decision)
{
    const qint64 id = selectedId();
    if (id <= 0 || m_selected.isEmpty())
        return false;
    QJsonObject body{{QStringLiteral("decision"), decision}};
    if (!m_note->text().trimmed().isEmpty())
        body.insert(QStringLiteral("note"), m_note->text().trimmed());
    const QString kind = m_selected.value(QStringLiteral("kind")).toString();
    const QJsonObject asked = m_selected.value(QStringLiteral("payload")).toObject();
    if (decision == u"approved" && kind == u"ai_suggestion") {
        if (m_reply->toPlainText() != asked.value(QStringLiteral("response")).toString())
            body.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("response"), m_reply->toPlainText()}});
    } else if (decision == u"approved" && kind == u"n8n_step") {
        const QJsonObject values = asked.value(QStringLiteral("payload")).toObject();
        QJsonObject changed;
        for (int r = 0; r < m_actions->rowCount(); ++r) {
            const QString key = m_actions->item(r, 0)->text();
            const QString text = qobject_cast<QLineEdit *>(m_actions->cellWidget(r, 1))->text();
            if (text != valueText(values.value(key)))
                changed.insert(key, valueFrom(text, values.value(key)));
        }
        if (!changed.isEmpty())
            body.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("payload"), changed}});
    } else if (decision == u"approved" && kind == u"rule_action") {
        // The actions as the rows show them now; sent only when something was changed.
        const QJsonArray before = m_selected.value(QStringLiteral("payload")).toObject().value(QStringLiteral("actions")).toArray();
        QJsonArray now;
        bool edited = false;
        for (int r = 0; r < m_actions->rowCount(); ++r) {
            const QString type = m_actions->item(r, 0)->data(Qt::UserRole).toString();
            const QString text = qobject_cast<QLineEdit *>(m_actions->cellWidget(r, 1))->text();
            const QJsonObject original = before.at(r).toObject();
            if (text == detail::actionToText(original)) {
                now.append(original);
            } else {
                now.append(detail::actionFromText(type, text));
                edited = true;
            }
        }
        if (edited)
            body.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("actions"), now}});
    }
    const leads::Actor actor = m_principal ? leads::Actor::of(*m_principal) : leads::Actor::system();
    auto decided = m_engine.approvals().decide(actor, id, body);
    if (!decided) {
        say(decided.error().userMessage(), true);
        return false;
    }
    m_note->clear();
    reload();
    const QJsonObject result = decided->value(QStringLiteral("result")).toObject();
    if (result.contains(QStringLiteral("error")))
        say(tr("Approved, but it could not run: %1").arg(result.value(QStringLiteral("error")).toString()), true);
    else if (decision == u"approved" && kind == u"ai_suggestion")
        say(tr("Approved: the reply is on its way."));
    else if (decision == u"approved" && kind == u"n8n_step")
        say(tr("Approved: the workflow is told and goes on."));
    else if (decision == u"approved" && kind == u"campaign_launch")
        say(tr("Approved: the campaign is launched."));
    else if (decision == u"approved")
        say(tr("Approved: %n action(s) done.", nullptr, int(result.value(QStringLiteral("actions_taken")).toArray().size())));
    else if (kind == u"n8n_step")
        say(tr("Rejected: the workflow is told."));
    else
        say(tr("Rejected: nothing more was done."));
    return true;
}

bool ApprovalsTab::approve()
{
    return decide(QStringLiteral("approved"));
}

bool ApprovalsTab::reject()
{
    return decide(QStringLiteral("rejected"));
}

} // namespace fliptech::ui
