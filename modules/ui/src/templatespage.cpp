#include "fliptech/ui/templatespage.h"

#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/ui/pageregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

TemplatesPage::TemplatesPage(campaigns::TemplateService &templates, leads::LeadService &leads, leads::Actor actor, QWidget *parent,
                             campaigns::SenderAccountService *senders)
    : QWidget(parent), m_templates(templates), m_leads(leads), m_actor(std::move(actor)), m_senders(senders)
{
    // The list.
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("templatesSearch"));
    m_search->setPlaceholderText(tr("Search templates"));
    m_search->setClearButtonEnabled(true);
    m_activeOnly = new QCheckBox(tr("Active only"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templatesList"));
    auto *newButton = new QPushButton(tr("&New template"), this);
    newButton->setObjectName(QStringLiteral("templatesNew"));
    connect(newButton, &QPushButton::clicked, this, [this] { open(0); });
    connect(m_search, &QLineEdit::textChanged, this, &TemplatesPage::reload);
    connect(m_activeOnly, &QCheckBox::toggled, this, &TemplatesPage::reload);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && (!m_id || *m_id != item->data(Qt::UserRole).toLongLong()))
            open(item->data(Qt::UserRole).toLongLong());
    });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_activeOnly);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(newButton);

    // The editor.
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("templateName"));
    m_name->setPlaceholderText(tr("e.g. Outdated website — first touch"));
    m_category = new QLineEdit(this);
    m_category->setObjectName(QStringLiteral("templateCategory"));
    m_category->setPlaceholderText(tr("e.g. cold, follow-up"));
    m_active = new QCheckBox(tr("Active (campaigns can use it)"), this);
    m_active->setObjectName(QStringLiteral("templateActive"));
    m_active->setChecked(true);
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("templateSubject"));
    m_subject->setPlaceholderText(tr("{Quick question|Idea} for {{company|your business}}"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_html = new QPlainTextEdit(this);
    m_html->setObjectName(QStringLiteral("templateHtml"));
    m_html->setFont(mono);
    m_html->setPlaceholderText(tr("<p>{Hi|Hello} {{first_name|there}},</p>\n<p>I looked at {{company}}'s website{{#if city}} in {{city}}{{/if}} …</p>"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("templateText"));
    m_text->setFont(mono);
    m_text->setPlaceholderText(tr("Left empty, the plain-text version is made from the HTML body."));
    m_bodies = new QTabWidget(this);
    m_bodies->addTab(m_html, tr("HTML body"));
    m_bodies->addTab(m_text, tr("Plain text"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    auto *categoryRow = new QHBoxLayout;
    categoryRow->addWidget(m_category, 1);
    categoryRow->addWidget(m_active);
    form->addRow(tr("Category"), categoryRow);
    form->addRow(tr("&Subject"), m_subject);
    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("templateCheck"));
    m_check->setWordWrap(true);
    m_goTo = new QPushButton(tr("&Go to mistake"), this);
    m_goTo->setObjectName(QStringLiteral("templateGoTo"));
    m_goTo->setVisible(false);
    connect(m_goTo, &QPushButton::clicked, this, &TemplatesPage::goToMistake);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check, 1);
    checkRow->addWidget(m_goTo);

    // Variables: into whichever field was edited last.
    m_variables = new QListWidget(this);
    m_variables->setObjectName(QStringLiteral("templateVariables"));
    m_variables->setToolTip(tr("Double-click to insert into the field you are editing"));
    QStringList names;
    for (const QString &v : campaigns::knownTemplateVariables())
        if (!v.startsWith(QLatin1String("lead.")))
            names << v;
    names.sort();
    static const QStringList first{QStringLiteral("first_name"), QStringLiteral("company"), QStringLiteral("city"), QStringLiteral("name"),
                                   QStringLiteral("website"), QStringLiteral("sender.name"), QStringLiteral("sender.company"),
                                   QStringLiteral("unsubscribe_url")};
    for (const QString &v : first)
        names.removeAll(v);
    m_variables->addItems(first + names);
    connect(m_variables, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { insertVariable(item->text()); });
    auto *insert = new QPushButton(tr("&Insert"), this);
    connect(insert, &QPushButton::clicked, this, [this] {
        if (m_variables->currentItem())
            insertVariable(m_variables->currentItem()->text());
    });
    for (QWidget *w : std::initializer_list<QWidget *>{m_subject, m_html, m_text})
        w->installEventFilter(this); // the field last focused takes the variables
    connect(m_subject, &QLineEdit::cursorPositionChanged, this, [this] { m_lastEditor = m_subject; });
    connect(m_html, &QPlainTextEdit::cursorPositionChanged, this, [this] { m_lastEditor = m_html; });
    connect(m_text, &QPlainTextEdit::cursorPositionChanged, this, [this] { m_lastEditor = m_text; });

    // The preview.
    m_lead = new QComboBox(this);
    m_lead->setObjectName(QStringLiteral("templatePreviewLead"));
    m_lead->setToolTip(tr("Preview for this lead (the newest 50)"));
    m_previewSubject = new QLabel(this);
    m_previewSubject->setObjectName(QStringLiteral("templatePreviewSubject"));
    m_previewSubject->setWordWrap(true);
    m_previewSubject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewHtml = new QTextBrowser(this);
    m_previewHtml->setObjectName(QStringLiteral("templatePreviewHtml"));
    m_previewHtml->setOpenLinks(false);
    m_previewText = new QPlainTextEdit(this);
    m_previewText->setObjectName(QStringLiteral("templatePreviewText"));
    m_previewText->setReadOnly(true);
    m_previewTabs = new QTabWidget(this);
    m_previewTabs->addTab(m_previewHtml, tr("As HTML"));
    m_previewTabs->addTab(m_previewText, tr("As plain text"));
    connect(m_lead, &QComboBox::currentIndexChanged, this, &TemplatesPage::check);

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("templateSave"));
    m_save->setToolTip(tr("Save the template (Ctrl+S)"));
    m_duplicate = new QPushButton(tr("D&uplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("templateDuplicate"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("templateDelete"));
    connect(m_save, &QPushButton::clicked, this, &TemplatesPage::save);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &TemplatesPage::save);
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        if (!m_id)
            return;
        auto copy = m_templates.duplicate(m_actor, *m_id);
        if (!copy) {
            m_message->setText(copy.error().userMessage());
            return;
        }
        const qint64 id = copy->value(QStringLiteral("id")).toInteger();
        reload();
        open(id);
        m_message->setText(tr("Copied as \"%1\" (inactive until you switch it on).").arg(copy->value(QStringLiteral("name")).toString()));
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!m_id || QMessageBox::question(this, tr("Delete template"), tr("Delete \"%1\"?").arg(m_name->text())) != QMessageBox::Yes)
            return;
        if (auto done = m_templates.remove(*m_id); !done) {
            m_message->setText(done.error().userMessage());
            return;
        }
        open(0);
        reload();
        m_message->setText(tr("Template deleted."));
    });
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_message->setWordWrap(true);

    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(form);
    editorLayout->addWidget(m_bodies, 1);
    editorLayout->addLayout(checkRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    editorLayout->addLayout(buttons);
    editorLayout->addWidget(m_message);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("<b>Variables</b>"), side));
    sideLayout->addWidget(m_variables, 1);
    sideLayout->addWidget(insert);
    sideLayout->addWidget(new QLabel(tr("<b>Preview for</b>"), side));
    sideLayout->addWidget(m_lead);
    sideLayout->addWidget(m_previewSubject);
    sideLayout->addWidget(m_previewTabs, 2);
    if (m_senders) {
        // A test of the saved template, as the chosen lead would get it.
        m_testTo = new QLineEdit(side);
        m_testTo->setObjectName(QStringLiteral("templateTestTo"));
        m_testTo->setPlaceholderText(tr("your address"));
        m_testFrom = new QComboBox(side);
        m_testFrom->setObjectName(QStringLiteral("templateTestFrom"));
        if (auto accounts = m_senders->list(); accounts)
            for (const auto &a : *accounts)
                m_testFrom->addItem(a.toObject().value(QStringLiteral("name")).toString(), a.toObject().value(QStringLiteral("id")).toInteger());
        m_testSend = new QPushButton(tr("Send &test"), side);
        m_testSend->setObjectName(QStringLiteral("templateTestSend"));
        m_testSend->setToolTip(tr("Send the saved template, as the lead above would get it, to your address"));
        connect(m_testSend, &QPushButton::clicked, this, &TemplatesPage::sendTest);
        connect(m_testTo, &QLineEdit::returnPressed, this, &TemplatesPage::sendTest);
        connect(&m_testWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
            m_testSend->setEnabled(true);
            m_message->setText(m_testWatcher.result().value(QStringLiteral("said")).toString());
        });
        auto *testRow = new QHBoxLayout;
        testRow->addWidget(m_testTo, 1);
        testRow->addWidget(m_testFrom);
        testRow->addWidget(m_testSend);
        sideLayout->addWidget(new QLabel(tr("<b>Test</b>"), side));
        sideLayout->addLayout(testRow);
    }

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(editor);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &TemplatesPage::check);
    auto later = [this] { m_debounce->start(); };
    connect(m_subject, &QLineEdit::textChanged, this, later);
    connect(m_html, &QPlainTextEdit::textChanged, this, later);
    connect(m_text, &QPlainTextEdit::textChanged, this, later);
    reloadLeads();
    reload();
    open(m_list->count() > 0 ? m_list->item(0)->data(Qt::UserRole).toLongLong() : 0);
}

void TemplatesPage::reload()
{
    QJsonObject filter{{QStringLiteral("limit"), 500}};
    if (!m_search->text().trimmed().isEmpty())
        filter.insert(QStringLiteral("q"), m_search->text().trimmed());
    if (m_activeOnly->isChecked())
        filter.insert(QStringLiteral("active"), true);
    auto list = m_templates.list(filter);
    if (!list) {
        m_message->setText(list.error().userMessage());
        return;
    }
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const auto &v : *list) {
        const QJsonObject t = v.toObject();
        QString label = t.value(QStringLiteral("name")).toString();
        if (!t.value(QStringLiteral("category")).toString().isEmpty())
            label += QStringLiteral("  · ") + t.value(QStringLiteral("category")).toString();
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, t.value(QStringLiteral("id")).toInteger());
        if (!t.value(QStringLiteral("is_active")).toBool()) {
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
            item->setToolTip(tr("inactive"));
        }
        if (m_id && *m_id == t.value(QStringLiteral("id")).toInteger())
            m_list->setCurrentItem(item);
    }
    if (m_list->count() == 0)
        new QListWidgetItem(m_search->text().isEmpty() ? tr("No templates yet: write the first with New template.") : tr("No template matches."), m_list);
}

void TemplatesPage::reloadLeads()
{
    leads::ListOptions o;
    o.limit = 50;
    o.withTotal = false;
    auto page = m_leads.list(o);
    const QSignalBlocker quiet(m_lead);
    m_lead->clear();
    m_lead->addItem(tr("a sample lead (Ann, Ann's Bakery, Austin)"), 0);
    if (page)
        for (const auto &v : page->items) {
            const QJsonObject l = v.toObject();
            QString label = l.value(QStringLiteral("name")).toString();
            if (!l.value(QStringLiteral("company")).toString().isEmpty() && l.value(QStringLiteral("company")).toString() != label)
                label += QStringLiteral(" — ") + l.value(QStringLiteral("company")).toString();
            m_lead->addItem(label, l.value(QStringLiteral("id")).toInteger());
        }
}

void TemplatesPage::open(qint64 id)
{
    QJsonObject t;
    if (id > 0) {
        auto got = m_templates.get(id);
        if (!got) {
            m_message->setText(got.error().userMessage());
            return;
        }
        t = *got;
        m_id = id;
    } else {
        m_id.reset();
        const QSignalBlocker quiet(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_name->setText(t.value(QStringLiteral("name")).toString());
    m_category->setText(t.value(QStringLiteral("category")).toString());
    m_active->setChecked(t.isEmpty() || t.value(QStringLiteral("is_active")).toBool());
    m_subject->setText(t.value(QStringLiteral("subject")).toString());
    m_html->setPlainText(t.value(QStringLiteral("body_html")).toString());
    m_text->setPlainText(t.value(QStringLiteral("body_text")).toString());
    m_duplicate->setEnabled(m_id.has_value());
    m_delete->setEnabled(m_id.has_value());
    if (m_id) {
        const QSignalBlocker quiet(m_list);
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->data(Qt::UserRole).toLongLong() == *m_id)
                m_list->setCurrentRow(i);
    }
    m_message->clear();
    m_debounce->stop();
    check();
    if (!m_id)
        m_name->setFocus();
}

QJsonObject TemplatesPage::fields() const
{
    QJsonObject f{{QStringLiteral("name"), m_name->text().trimmed()},
                  {QStringLiteral("subject"), m_subject->text()},
                  {QStringLiteral("body_html"), m_html->toPlainText()},
                  {QStringLiteral("body_text"), m_text->toPlainText()},
                  {QStringLiteral("is_active"), m_active->isChecked()}};
    if (!m_category->text().trimmed().isEmpty())
        f.insert(QStringLiteral("category"), m_category->text().trimmed());
    return f;
}

void TemplatesPage::check()
{
    const QJsonObject f = fields();
    m_goTo->setVisible(false);
    if (f.value(QStringLiteral("body_html")).toString().trimmed().isEmpty() && f.value(QStringLiteral("body_text")).toString().trimmed().isEmpty()) {
        m_check->setStyleSheet({});
        m_check->setText(tr("Write the message in the HTML body, the plain text, or both."));
        m_previewSubject->clear();
        m_previewHtml->clear();
        m_previewText->clear();
        return;
    }
    QJsonObject request{{QStringLiteral("template"), f}};
    const qint64 lead = m_lead->currentData().toLongLong();
    if (lead > 0)
        request.insert(QStringLiteral("lead_id"), lead);
    else
        request.insert(QStringLiteral("variables"), campaigns::TemplateService::sampleRecipient());
    request.insert(QStringLiteral("sender"), QJsonObject{{QStringLiteral("name"), m_actor.userId ? tr("you") : tr("the sender")}});
    // Checked strictly (as Save will), previewed either way.
    auto strict = campaigns::TemplateService::parseParts(f);
    if (!strict) {
        m_check->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
        m_check->setText(QStringLiteral("✗ ") + strict.error().message);
        m_mistakePart = strict.error().details.value(QStringLiteral("part")).toString();
        m_mistakeLine = strict.error().details.value(QStringLiteral("line")).toInt();
        m_mistakeColumn = strict.error().details.value(QStringLiteral("column")).toInt();
        m_goTo->setVisible(m_mistakeLine > 0);
    } else {
        m_check->setStyleSheet({});
        QStringList used = strict->subject.variables() + strict->html.variables() + strict->text.variables();
        used.removeDuplicates();
        m_check->setText(tr("✓ Ready to save. Variables: %1").arg(used.isEmpty() ? tr("none") : used.join(QStringLiteral(", "))));
    }
    auto preview = m_templates.preview(request);
    if (!preview) {
        m_previewSubject->clear();
        m_previewHtml->setPlainText(preview.error().userMessage());
        m_previewText->clear();
        return;
    }
    QString subject = tr("<b>Subject:</b> %1").arg(preview->value(QStringLiteral("subject")).toString().toHtmlEscaped());
    const QJsonArray empty = preview->value(QStringLiteral("empty")).toArray();
    if (!empty.isEmpty()) {
        QStringList names;
        for (const auto &e : empty)
            names << e.toString();
        subject += QStringLiteral("<br><span style=\"color:#a66\">") + tr("Empty for this lead: %1 (add a fallback: {{name|…}})").arg(names.join(QStringLiteral(", "))) +
                   QStringLiteral("</span>");
    }
    m_previewSubject->setText(subject);
    if (preview->value(QStringLiteral("html")).isString())
        m_previewHtml->setHtml(preview->value(QStringLiteral("html")).toString());
    else
        m_previewHtml->setPlainText(preview->value(QStringLiteral("text")).toString());
    m_previewText->setPlainText(preview->value(QStringLiteral("text")).toString());
}

bool TemplatesPage::save()
{
    auto saved = m_id ? m_templates.update(m_actor, *m_id, fields()) : m_templates.create(m_actor, fields());
    if (!saved) {
        m_message->setText(saved.error().message);
        return false;
    }
    m_id = saved->value(QStringLiteral("id")).toInteger();
    m_duplicate->setEnabled(true);
    m_delete->setEnabled(true);
    reload();
    m_message->setText(tr("Saved."));
    return true;
}

void TemplatesPage::sendTest()
{
    if (!m_senders || m_testWatcher.isRunning())
        return;
    if (!m_id) {
        m_message->setText(tr("Save the template first: the test sends what is saved."));
        return;
    }
    if (m_testFrom->count() == 0) {
        m_message->setText(tr("Add a sender account in Settings → Sender accounts first."));
        return;
    }
    QJsonObject request{{QStringLiteral("sender_account_id"), m_testFrom->currentData().toLongLong()},
                        {QStringLiteral("to"), QJsonArray{m_testTo->text().trimmed()}}};
    if (const qint64 lead = m_lead->currentData().toLongLong(); lead > 0)
        request.insert(QStringLiteral("lead_id"), lead);
    m_testSend->setEnabled(false);
    m_message->setText(tr("Sending the test…"));
    auto *templates = &m_templates;
    auto *senders = m_senders;
    const qint64 id = *m_id;
    m_testWatcher.setFuture(QtConcurrent::run([templates, senders, id, request] {
        auto sent = templates->sendTest(id, request, *senders);
        return QJsonObject{{QStringLiteral("said"), sent ? QObject::tr("Test sent: \"%1\".").arg(sent->value(QStringLiteral("subject")).toString())
                                                          : sent.error().userMessage()}};
    }));
}

bool TemplatesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn && (watched == m_subject || watched == m_html || watched == m_text))
        m_lastEditor = static_cast<QWidget *>(watched);
    return QWidget::eventFilter(watched, event);
}

void TemplatesPage::insertVariable(const QString &name)
{
    const QString tag = QStringLiteral("{{%1}}").arg(name);
    if (m_lastEditor == m_subject) {
        m_subject->insert(tag);
        m_subject->setFocus();
    } else if (m_lastEditor == m_text) {
        m_text->insertPlainText(tag);
        m_text->setFocus();
    } else {
        m_bodies->setCurrentWidget(m_html);
        m_html->insertPlainText(tag);
        m_html->setFocus();
    }
}

void TemplatesPage::goToMistake()
{
    if (m_mistakePart == QLatin1String("subject")) {
        m_subject->setFocus();
        m_subject->setCursorPosition(qMax(0, m_mistakeColumn - 1));
        return;
    }
    QPlainTextEdit *editor = m_mistakePart == QLatin1String("body_text") ? m_text : m_html;
    m_bodies->setCurrentWidget(editor);
    const QTextBlock block = editor->document()->findBlockByNumber(qMax(0, m_mistakeLine - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMin(qMax(0, m_mistakeColumn - 1), block.length() - 1));
    editor->setTextCursor(cursor);
    editor->setFocus();
}

void registerTemplatesPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("templates"));
    registry.add(PageInfo{QStringLiteral("templates"), placeholder ? placeholder->title : QObject::tr("Templates"), QStringLiteral("templates"),
                          placeholder ? placeholder->order : 50, [](PageContext &context, QWidget *parent) -> QWidget * {
                              const leads::Actor actor = context.principal ? leads::Actor::of(*context.principal) : leads::Actor::system();
                              return new TemplatesPage(context.engine.templates(), context.engine.leads(), actor, parent, &context.engine.senders());
                          }});
}

} // namespace fliptech::ui
