#include "fliptech/ui/leadspage.h"

#include "fliptech/leads/normalize.h"
#include "fliptech/ui/icons.h"
#include "fliptech/ui/overflowbar.h"
#include "leadreport.h"
#include "fliptech/ui/aiwriterdialog.h"
#include "fliptech/ai/aiservice.h"
#include "fliptech/analytics/revenueservice.h"

#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadexporter.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/scraper/enrichment.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/ui/leaddialogs.h"
#include "fliptech/ui/leadtablemodel.h"
#include "fliptech/ui/settingspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

namespace {
const QStringList kStatuses = {QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                               QStringLiteral("proposal"), QStringLiteral("won"), QStringLiteral("lost")};
const QStringList kEditable = {QStringLiteral("name"), QStringLiteral("company"), QStringLiteral("title"), QStringLiteral("email"),
                               QStringLiteral("phone"), QStringLiteral("website"), QStringLiteral("address"), QStringLiteral("city"),
                               QStringLiteral("region"), QStringLiteral("country"), QStringLiteral("category"), QStringLiteral("deal_stage"),
                               QStringLiteral("score")};
} // namespace

LeadsPage::LeadsPage(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_principal(std::move(principal))
{
    m_model = new LeadTableModel(engine.leads(), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // No sort indicator until the user clicks a header: the default order is newest first.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: nothing measures a million of them
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        // Column chooser.
        QMenu menu(this);
        for (const auto &c : LeadTableModel::allColumns()) {
            QAction *a = menu.addAction(c.title);
            a->setCheckable(true);
            a->setChecked(m_model->visibleColumns().contains(c.field));
            a->setData(c.field);
        }
        QAction *chosen = menu.exec(m_table->horizontalHeader()->mapToGlobal(pos));
        if (!chosen)
            return;
        QStringList cols = m_model->visibleColumns();
        if (chosen->isChecked())
            cols << chosen->data().toString();
        else if (cols.size() > 1)
            cols.removeAll(chosen->data().toString());
        m_model->setVisibleColumns(cols);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LeadsPage::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LeadsPage::updateSelection, Qt::UniqueConnection);
        updateSelection();
    });

    auto *split = new QSplitter(this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    // The table, or, when there is nothing to list, what to do next.
    m_listStack = new QStackedWidget(left);
    m_listStack->addWidget(m_table);
    m_empty = new QWidget(m_listStack);
    m_empty->setObjectName(QStringLiteral("leadsEmpty"));
    {
        auto *v = new QVBoxLayout(m_empty);
        v->addStretch(1);
        auto *icon = new QLabel(m_empty);
        icon->setPixmap(appIcon(QStringLiteral("leads")).pixmap(48, 48));
        icon->setAlignment(Qt::AlignCenter);
        m_emptyTitle = new QLabel(m_empty);
        m_emptyTitle->setAlignment(Qt::AlignCenter);
        QFont f = m_emptyTitle->font();
        f.setPointSizeF(f.pointSizeF() * 1.4);
        f.setBold(true);
        m_emptyTitle->setFont(f);
        m_emptyText = new QLabel(m_empty);
        m_emptyText->setObjectName(QStringLiteral("leadsEmptyText"));
        m_emptyText->setAlignment(Qt::AlignCenter);
        m_emptyText->setWordWrap(true);
        m_emptyStart = new QWidget(m_empty);
        auto *buttons = new QHBoxLayout(m_emptyStart);
        auto *import = new QPushButton(appIcon(QStringLiteral("import")), tr("Import CSV…"), m_emptyStart);
        import->setObjectName(QStringLiteral("emptyImport"));
        auto *scrape = new QPushButton(appIcon(QStringLiteral("scraper")), tr("Run a scrape"), m_emptyStart);
        scrape->setObjectName(QStringLiteral("emptyScrape"));
        auto *add = new QPushButton(appIcon(QStringLiteral("add")), tr("Add a lead"), m_emptyStart);
        add->setObjectName(QStringLiteral("emptyAdd"));
        buttons->addStretch(1);
        for (QPushButton *b : {import, scrape, add})
            buttons->addWidget(b);
        buttons->addStretch(1);
        connect(import, &QPushButton::clicked, this, &LeadsPage::importCsv);
        connect(add, &QPushButton::clicked, this, &LeadsPage::addLead);
        connect(scrape, &QPushButton::clicked, this, [this] {
            if (m_openPage)
                m_openPage(QStringLiteral("scraper"));
        });
        m_emptyClear = new QPushButton(tr("Clear the filters"), m_empty);
        m_emptyClear->setObjectName(QStringLiteral("emptyClear"));
        connect(m_emptyClear, &QPushButton::clicked, this, &LeadsPage::clearFilters);
        auto *clearRow = new QHBoxLayout;
        clearRow->addStretch(1);
        clearRow->addWidget(m_emptyClear);
        clearRow->addStretch(1);
        v->addWidget(icon);
        v->addWidget(m_emptyTitle);
        v->addWidget(m_emptyText);
        v->addWidget(m_emptyStart);
        v->addLayout(clearRow);
        v->addStretch(2);
    }
    m_listStack->addWidget(m_empty);
    leftLayout->addWidget(m_listStack, 1);
    leftLayout->addWidget(buildBulkBar());
    split->addWidget(left);
    split->addWidget(buildDetail());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_model, &LeadTableModel::loaded, this, &LeadsPage::updateEmptyState);
    connect(m_model, &LeadTableModel::totalChanged, this, [this] {
        showCount();
        updateEmptyState();
        // A reading error is said; a reload that works clears it, and only it (what an action
        // just said stays).
        static const char *kShown = "modelError";
        const QString error = m_model->lastError();
        if (!error.isEmpty())
            m_message->setText(error);
        else if (!m_message->text().isEmpty() && m_message->text() == m_message->property(kShown).toString())
            m_message->clear();
        m_message->setProperty(kShown, error);
    });
    connect(m_model, &LeadTableModel::loadingChanged, this, &LeadsPage::showCount);
    showCount();
    // Changes from anywhere (API, jobs, this page) refresh the table, at most twice a second.
    auto *refresh = new QTimer(this);
    refresh->setSingleShot(true);
    refresh->setInterval(500);
    connect(refresh, &QTimer::timeout, this, &LeadsPage::reloadKeepingView);
    connect(&engine.leads(), &leads::LeadService::leadsChanged, this, [refresh] {
        if (!refresh->isActive())
            refresh->start();
    }, Qt::QueuedConnection);
    connect(&m_bulkWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        const auto result = m_bulkWatcher.result();
        QString summary;
        if (!result)
            summary = result.error().userMessage();
        else
            summary = result->cancelled ? tr("Stopped: %1 of %2 leads changed.").arg(result->changed).arg(result->matched)
                                        : tr("%1 of %2 leads changed.").arg(result->changed).arg(result->matched);
        m_message->setText(summary);
        m_model->refresh();
        Q_EMIT bulkFinished(summary);
    });
    reloadSegments();
    updateEmptyState(); // the model counted its leads when it was made
}

LeadsPage::~LeadsPage()
{
    m_cancelRequested = true;
    m_bulkWatcher.waitForFinished();
}

leads::Actor LeadsPage::actor() const
{
    return m_principal ? leads::Actor::of(*m_principal, {QStringLiteral("desktop"), QStringLiteral("FlipTech Pro desktop")}) : leads::Actor::system();
}

QWidget *LeadsPage::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *v = new QVBoxLayout(bar);
    v->setContentsMargins(0, 0, 0, 0);
    // The search keeps room to type; the buttons go into a ⋯ menu when the window is narrow.
    auto *row = new OverflowBar(bar);
    row->setObjectName(QStringLiteral("leadToolbar"));
    m_search = new QLineEdit(bar);
    m_search->setMinimumWidth(200);
    m_search->setPlaceholderText(tr("Search name, company, email, phone, city…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("leadSearch"));
    m_status = new QComboBox(bar);
    m_status->setObjectName(QStringLiteral("leadStatus"));
    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : kStatuses)
        m_status->addItem(s, s);
    m_city = new QLineEdit(bar);
    m_city->setPlaceholderText(tr("City"));
    m_city->setClearButtonEnabled(true);
    m_city->setObjectName(QStringLiteral("leadCity"));
    m_tag = new QLineEdit(bar);
    m_tag->setPlaceholderText(tr("Tag"));
    m_tag->setClearButtonEnabled(true);
    m_hasEmail = new QCheckBox(tr("Has email"), bar);
    m_segments = new QComboBox(bar);
    m_segments->setToolTip(tr("Saved segments"));
    m_segments->setObjectName(QStringLiteral("leadSegments"));
    auto *save = new QPushButton(tr("Save segment…"), bar);
    save->setObjectName(QStringLiteral("saveSegment"));
    save->setToolTip(tr("Keep this filter under a name, to pick it again from Segments"));
    auto *add = new QPushButton(tr("New lead"), bar);
    auto *import = new QPushButton(tr("Import CSV…"), bar);
    auto *exportButton = new QPushButton(tr("Export…"), bar);
    auto *dupes = new QPushButton(tr("Duplicates…"), bar);
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_status, m_city, m_tag, m_hasEmail, m_segments})
        row->addWidget(w, w == m_search ? 3 : 0);
    m_city->setMinimumWidth(90);
    m_tag->setMinimumWidth(80);
    for (QPushButton *b : {add, import, exportButton, dupes, save})
        row->addOverflowable(b);
    v->addWidget(row);
    auto *chipsRow = new QHBoxLayout;
    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("leadCount"));
    chipsRow->addWidget(m_count);
    m_chips = new QHBoxLayout;
    chipsRow->addLayout(m_chips);
    chipsRow->addStretch(1);
    m_message = new QLabel(bar);
    m_message->setObjectName(QStringLiteral("leadMessage"));
    chipsRow->addWidget(m_message);
    v->addLayout(chipsRow);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &LeadsPage::applyFilter);
    auto later = [this] { m_debounce->start(); };
    connect(m_search, &QLineEdit::textChanged, this, later);
    connect(m_city, &QLineEdit::textChanged, this, later);
    connect(m_tag, &QLineEdit::textChanged, this, later);
    connect(m_status, &QComboBox::currentIndexChanged, this, &LeadsPage::applyFilter);
    connect(m_hasEmail, &QCheckBox::toggled, this, &LeadsPage::applyFilter);
    connect(m_segments, &QComboBox::activated, this, &LeadsPage::applySegment);
    connect(save, &QPushButton::clicked, this, &LeadsPage::saveSegment);
    connect(import, &QPushButton::clicked, this, &LeadsPage::importCsv);
    connect(exportButton, &QPushButton::clicked, this, [this] { exportLeads(); });
    connect(dupes, &QPushButton::clicked, this, &LeadsPage::showDuplicates);
    connect(add, &QPushButton::clicked, this, &LeadsPage::addLead);
    // F5: read the list again now (counts included), keeping the view.
    auto *reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, this, [this] {
        m_engine.leads().touch(); // the count is read again, not taken from the few seconds' cache
        reloadKeepingView();
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_search, [this] { m_search->setFocus(); m_search->selectAll(); });
    return bar;
}

leads::LeadFilter LeadsPage::currentFilter() const
{
    QJsonObject f;
    if (!m_search->text().trimmed().isEmpty())
        f.insert(QStringLiteral("q"), m_search->text().trimmed());
    if (!m_status->currentData().toString().isEmpty())
        f.insert(QStringLiteral("status"), m_status->currentData().toString());
    if (!m_city->text().trimmed().isEmpty())
        f.insert(QStringLiteral("city"), m_city->text().trimmed());
    if (!m_tag->text().trimmed().isEmpty())
        f.insert(QStringLiteral("tags"), QJsonObject{{QStringLiteral("any"), QJsonArray{m_tag->text().trimmed()}}});
    if (m_hasEmail->isChecked())
        f.insert(QStringLiteral("has_email"), true);
    for (auto it = m_pinned.begin(); it != m_pinned.end(); ++it)
        f.insert(it.key(), it.value());
    auto filter = leads::LeadFilter::fromJson(f);
    return filter ? *filter : leads::LeadFilter();
}

void LeadsPage::showCount()
{
    // An estimate says so ("about"), until the exact count arrives a moment later.
    const QString n = QLocale().toString(m_model->total());
    QString text = m_model->totalIsExact() ? tr("%1 leads").arg(n) : tr("about %1 leads").arg(n);
    if (m_model->isLoading())
        text = tr("%1 — filtering…").arg(text);
    m_count->setText(text);
}

void LeadsPage::addLead()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New lead"), tr("Name or company:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    auto lead = m_engine.leads().create(actor(), {{QStringLiteral("name"), name.trimmed()}});
    m_message->setText(lead ? tr("Lead added.") : lead.error().userMessage());
    if (lead)
        showDetail(*lead);
}

bool LeadsPage::hasFilter() const
{
    return !m_search->text().trimmed().isEmpty() || m_status->currentIndex() > 0 || !m_city->text().trimmed().isEmpty() ||
           !m_tag->text().trimmed().isEmpty() || m_hasEmail->isChecked() || !m_pinned.isEmpty();
}

void LeadsPage::resetFields()
{
    const QSignalBlocker b1(m_search), b2(m_city), b3(m_tag), b4(m_status), b5(m_hasEmail);
    m_search->clear();
    m_city->clear();
    m_tag->clear();
    m_status->setCurrentIndex(0);
    m_hasEmail->setChecked(false);
}

void LeadsPage::clearFilters()
{
    resetFields();
    m_pinned = {};
    applyFilter();
}

void LeadsPage::updateEmptyState()
{
    // Nothing to list: an empty workspace says how to begin; a filter that matches nothing says so.
    const bool empty = m_model->total() == 0 && !m_model->isLoading();
    if (empty) {
        const bool filtered = hasFilter();
        m_emptyTitle->setText(filtered ? tr("No lead matches these filters") : tr("No leads yet"));
        m_emptyText->setText(filtered ? tr("Change or clear the filters to see more.")
                                      : tr("Bring in the businesses you want to reach: import a spreadsheet or a CRM export, let the "
                                           "scraper find them on Craigslist or a directory, or add one by hand."));
        m_emptyStart->setVisible(!filtered);
        m_emptyClear->setVisible(filtered);
    }
    m_listStack->setCurrentWidget(empty ? m_empty : static_cast<QWidget *>(m_table));
}

void LeadsPage::applyFilter()
{
    // Other leads: the selection and the scroll position belong to the old ones.
    m_table->clearSelection();
    m_table->scrollToTop();
    m_model->setFilter(currentFilter());
    rebuildChips();
}

void LeadsPage::showLeads(const QString &caption, const QJsonObject &filter)
{
    resetFields();
    m_pinned = filter;
    m_pinnedCaption = caption;
    applyFilter();
}

void LeadsPage::rebuildChips()
{
    while (QLayoutItem *item = m_chips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto chip = [this](const QString &text, const std::function<void()> &clear) {
        auto *b = new QToolButton(this);
        b->setText(text + QStringLiteral("  ✕"));
        b->setToolTip(tr("Remove this filter"));
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, clear);
        m_chips->addWidget(b);
    };
    if (!m_search->text().trimmed().isEmpty())
        chip(tr("“%1”").arg(m_search->text().trimmed()), [this] { m_search->clear(); });
    if (m_status->currentIndex() > 0)
        chip(tr("status: %1").arg(m_status->currentText()), [this] { m_status->setCurrentIndex(0); });
    if (!m_city->text().trimmed().isEmpty())
        chip(tr("city: %1").arg(m_city->text().trimmed()), [this] { m_city->clear(); });
    if (!m_tag->text().trimmed().isEmpty())
        chip(tr("tag: %1").arg(m_tag->text().trimmed()), [this] { m_tag->clear(); });
    if (m_hasEmail->isChecked())
        chip(tr("has email"), [this] { m_hasEmail->setChecked(false); });
    if (!m_pinned.isEmpty())
        chip(m_pinnedCaption, [this] {
            m_pinned = {};
            m_pinnedCaption.clear();
            applyFilter();
        });
}

QWidget *LeadsPage::buildBulkBar()
{
    m_bulkBar = new QWidget(this);
    auto *row = new QHBoxLayout(m_bulkBar);
    row->setContentsMargins(0, 0, 0, 0);
    m_selected = new QLabel(m_bulkBar);
    m_allMatching = new QCheckBox(m_bulkBar);
    m_bulkStatus = new QComboBox(m_bulkBar);
    m_bulkStatus->addItems(kStatuses);
    auto *setStatus = new QPushButton(tr("Set status"), m_bulkBar);
    m_bulkTag = new QLineEdit(m_bulkBar);
    m_bulkTag->setPlaceholderText(tr("tag"));
    m_bulkTag->setObjectName(QStringLiteral("bulkTag"));
    auto *addTag = new QPushButton(tr("Add tag"), m_bulkBar);
    addTag->setObjectName(QStringLiteral("bulkAddTag"));
    auto *del = new QPushButton(tr("Move to trash"), m_bulkBar);
    auto *exportSelected = new QPushButton(tr("Export…"), m_bulkBar);
    exportSelected->setObjectName(QStringLiteral("bulkExport"));
    // Jobs over the selection: what the detail pane does for one lead, for many.
    auto *runOn = new QToolButton(m_bulkBar);
    runOn->setObjectName(QStringLiteral("bulkRun"));
    runOn->setText(tr("Run"));
    runOn->setToolTip(tr("Analyse the websites, verify the e-mail addresses or find the contacts of the selected leads"));
    runOn->setPopupMode(QToolButton::InstantPopup);
    auto *runMenu = new QMenu(runOn);
    runMenu->addAction(tr("Analyse websites"), this, &LeadsPage::analyseSelection)->setObjectName(QStringLiteral("bulkAnalyse"));
    runMenu->addAction(tr("Verify e-mail addresses"), this, &LeadsPage::verifySelection)->setObjectName(QStringLiteral("bulkVerify"));
    runMenu->addAction(tr("Find contacts (enrichment providers)"), this, &LeadsPage::enrichSelection)->setObjectName(QStringLiteral("bulkEnrich"));
    runOn->setMenu(runMenu);
    m_progress = new QProgressBar(m_bulkBar);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), m_bulkBar);
    m_cancel->setVisible(false);
    for (QWidget *w : std::initializer_list<QWidget *>{m_selected, m_allMatching, m_bulkStatus, setStatus, m_bulkTag, addTag, del, exportSelected,
                                                      runOn, m_progress, m_cancel})
        row->addWidget(w);
    row->addStretch(1);
    connect(setStatus, &QPushButton::clicked, this, [this] { bulkSetStatus(m_bulkStatus->currentText()); });
    connect(addTag, &QPushButton::clicked, this, [this] { bulkAddTag(m_bulkTag->text()); });
    connect(m_bulkTag, &QLineEdit::returnPressed, this, [this] { bulkAddTag(m_bulkTag->text()); });
    connect(del, &QPushButton::clicked, this, &LeadsPage::bulkDelete);
    connect(exportSelected, &QPushButton::clicked, this, [this] { exportSelection(); });
    connect(m_cancel, &QPushButton::clicked, this, &LeadsPage::cancelBulk);
    m_bulkBar->setVisible(false);
    return m_bulkBar;
}

void LeadsPage::updateSelection()
{
    const int n = int(m_table->selectionModel()->selectedRows().size());
    m_bulkBar->setVisible(n > 0 || m_bulkWatcher.isRunning());
    m_selected->setText(tr("%n selected", nullptr, n));
    m_allMatching->setText(m_model->totalIsExact() ? tr("all %1 matching").arg(QLocale().toString(m_model->total()))
                                                   : tr("all (about %1) matching").arg(QLocale().toString(m_model->total())));
    m_allMatching->setVisible(n > 0 && n < m_model->total());
    if (n == 1)
        showDetail(m_model->lead(m_table->selectionModel()->selectedRows().first().row()));
}

void LeadsPage::runBulk(leads::BulkRequest request, const QString &what)
{
    if (m_bulkWatcher.isRunning())
        return;
    if (m_allMatching->isVisible() && m_allMatching->isChecked()) {
        request.filter = m_model->filter();
    } else {
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            request.ids << m_model->idAt(i.row());
        if (request.ids.isEmpty()) {
            m_message->setText(tr("Select the leads first (click, Shift+click, Ctrl+A)."));
            return;
        }
    }
    m_cancelRequested = false;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_message->setText(what);
    auto &svc = m_engine.leads();
    const leads::Actor who = actor();
    QPointer<QProgressBar> bar = m_progress;
    m_bulkWatcher.setFuture(QtConcurrent::run([&svc, who, request, bar, this]() {
        return svc.bulk(
            who, request,
            [bar](qint64 done, qint64 total) {
                const int percent = total ? int(done * 100 / total) : 100;
                QMetaObject::invokeMethod(bar, [bar, percent] { if (bar) bar->setValue(percent); }, Qt::QueuedConnection);
            },
            [this] { return m_cancelRequested.load(); });
    }));
}

void LeadsPage::bulkSetStatus(const QString &status)
{
    leads::BulkRequest r;
    r.action = leads::BulkRequest::Action::SetStatus;
    r.value = status;
    runBulk(r, tr("Setting status to %1…").arg(status));
}

void LeadsPage::bulkAddTag(const QString &tag)
{
    if (tag.trimmed().isEmpty()) {
        m_message->setText(tr("Type the tag to add."));
        return;
    }
    leads::BulkRequest r;
    r.action = leads::BulkRequest::Action::AddTags;
    r.tags = {tag.trimmed()};
    runBulk(r, tr("Tagging with %1…").arg(tag.trimmed()));
}

void LeadsPage::bulkDelete()
{
    const int n = int(m_table->selectionModel()->selectedRows().size());
    if (!Confirm::ask(this, tr("Move to trash"), tr("Move %n lead(s) to the trash? You can restore them later.", nullptr, n)))
        return;
    leads::BulkRequest r;
    r.action = leads::BulkRequest::Action::Delete;
    runBulk(r, tr("Moving to trash…"));
}

void LeadsPage::cancelBulk()
{
    m_cancelRequested = true;
    if (m_bulkJob > 0)
        if (auto c = m_engine.jobs().cancel(m_bulkJob); !c)
            m_message->setText(c.error().userMessage());
}

void LeadsPage::bulkJob(LeadJobKind kind)
{
    if (m_bulkWatcher.isRunning() || m_bulkJob > 0) {
        m_message->setText(tr("Wait for the running action to end (or cancel it)."));
        return;
    }
    QList<qint64> ids;
    if (m_allMatching->isVisible() && m_allMatching->isChecked()) {
        leads::BulkRequest all;
        all.filter = m_model->filter();
        auto resolved = m_engine.leads().resolve(all);
        if (!resolved) {
            m_message->setText(resolved.error().userMessage());
            return;
        }
        ids = *resolved;
    } else {
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            ids << m_model->idAt(i.row());
    }
    if (ids.isEmpty()) {
        m_message->setText(tr("Select the leads first (click, Shift+click, Ctrl+A)."));
        return;
    }
    if (ids.size() > 10000) {
        m_message->setText(tr("%1 leads are selected: these run on up to 10,000 at a time. Narrow the filter.").arg(QLocale().toString(ids.size())));
        return;
    }
    core::Result<qint64> job = kind == LeadJobKind::Analyse ? m_engine.scrapes().enqueueAnalysis(actor(), ids)
                               : kind == LeadJobKind::Verify ? m_engine.scrapes().enqueueVerification(actor(), ids)
                                                             : m_engine.enrichment().enqueue(actor(), ids);
    if (!job) {
        m_message->setText(job.error().userMessage());
        return;
    }
    m_bulkJob = *job;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_message->setText(kind == LeadJobKind::Analyse ? tr("Analysing %n website(s)…", nullptr, int(ids.size()))
                       : kind == LeadJobKind::Verify ? tr("Verifying %n address(es)…", nullptr, int(ids.size()))
                                                     : tr("Finding the contacts of %n lead(s)…", nullptr, int(ids.size())));
    if (!m_bulkJobPoll) {
        m_bulkJobPoll = new QTimer(this);
        m_bulkJobPoll->setInterval(300);
        connect(m_bulkJobPoll, &QTimer::timeout, this, [this] {
            auto job = m_engine.jobs().get(m_bulkJob);
            if (job && (job->state == storage::JobState::Queued || job->state == storage::JobState::Running)) {
                m_progress->setValue(job->progress);
                return;
            }
            m_bulkJobPoll->stop();
            m_bulkJob = 0;
            m_progress->setVisible(false);
            m_cancel->setVisible(false);
            if (!job) {
                m_message->setText(job.error().userMessage());
            } else if (job->state == storage::JobState::Cancelled) {
                m_message->setText(tr("Cancelled: what was done is kept."));
            } else if (job->state != storage::JobState::Done) {
                m_message->setText(tr("That did not finish: %1").arg(job->lastError));
            } else {
                // The job's counts, as words ("analyzed 12, unreachable 1, skipped 3").
                QStringList parts;
                for (auto it = job->result.begin(); it != job->result.end(); ++it)
                    if (it.value().isDouble() && it.value().toInteger() > 0)
                        parts << QStringLiteral("%1 %2").arg(it.key().replace(u'_', u' ')).arg(it.value().toInteger());
                const QJsonArray errors = job->result.value(QStringLiteral("errors")).toArray();
                m_message->setText(tr("Done: %1.").arg(parts.isEmpty() ? tr("nothing to do") : parts.join(QStringLiteral(", "))) +
                                   (errors.isEmpty() ? QString() : u' ' + errors.first().toString()));
            }
            reloadKeepingView();
        });
    }
    m_bulkJobPoll->start();
}

QWidget *LeadsPage::buildDetail()
{
    m_detail = new QWidget(this);
    auto *v = new QVBoxLayout(m_detail);
    m_detailTitle = new QLabel(tr("Select a lead to see it here."), m_detail);
    m_detailTitle->setWordWrap(true);
    QFont f = m_detailTitle->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_detailTitle->setFont(f);
    v->addWidget(m_detailTitle);
    auto *tabs = new QTabWidget(m_detail);
    v->addWidget(tabs, 1);

    auto *fieldsPage = new QWidget(tabs);
    auto *form = new QFormLayout(fieldsPage);
    m_detailStatus = new QComboBox(fieldsPage);
    m_detailStatus->addItems(kStatuses);
    m_detailStatus->setEditable(true);
    form->addRow(tr("Status"), m_detailStatus);
    for (const QString &field : kEditable) {
        auto *edit = new QLineEdit(fieldsPage);
        edit->setObjectName(QStringLiteral("detail_") + field);
        m_fields.insert(field, edit);
        QString label = field == QLatin1String("title")     ? tr("Job title")
                        : field == QLatin1String("website") ? tr("Website")
                        : field == QLatin1String("address") ? tr("Address")
                                                            : QString();
        for (const auto &c : LeadTableModel::allColumns())
            if (label.isEmpty() && c.field == field)
                label = c.title;
        connect(edit, &QLineEdit::returnPressed, this, &LeadsPage::saveDetail);
        if (field != QLatin1String("email")) {
            form->addRow(label.isEmpty() ? field : label, edit);
            continue;
        }
        // The address with its verdict (valid / risky / invalid, the reason as a tooltip) and
        // a button that checks it (as a job: DNS answers take their time).
        // (Below the address: the pane is narrow and the address needs its width.)
        auto *column = new QVBoxLayout;
        auto *row = new QHBoxLayout;
        m_emailStatus = new QLabel(fieldsPage);
        m_emailStatus->setObjectName(QStringLiteral("detailEmailStatus"));
        m_verify = new QPushButton(tr("Verify address"), fieldsPage);
        m_verify->setObjectName(QStringLiteral("detailVerify"));
        m_verify->setToolTip(tr("Check the address: its syntax, its domain's mail server, disposable and role addresses"));
        column->addWidget(edit);
        row->addWidget(m_emailStatus, 1);
        row->addWidget(m_verify);
        column->addLayout(row);
        form->addRow(label.isEmpty() ? field : label, column);
        connect(m_verify, &QPushButton::clicked, this, [this] {
            if (m_detailId)
                runLeadJob(m_engine.scrapes().enqueueVerification(actor(), {m_detailId}), m_verify, tr("Checking…"));
        });
    }
    auto *save = new QPushButton(tr("Save (Ctrl+S)"), fieldsPage);
    form->addRow(save);
    // The deal's outcome: won (with the amount: a conversion, counted in revenue) or lost (why).
    auto *won = new QPushButton(tr("Mark &won…"), fieldsPage);
    won->setObjectName(QStringLiteral("detailMarkWon"));
    won->setToolTip(tr("Record the deal as won with its amount; it counts in revenue and ROI"));
    auto *lost = new QPushButton(tr("Mark &lost…"), fieldsPage);
    lost->setObjectName(QStringLiteral("detailMarkLost"));
    lost->setToolTip(tr("Record the deal as lost, with the reason"));
    auto *outcome = new QHBoxLayout;
    outcome->addWidget(won);
    outcome->addWidget(lost);
    outcome->addStretch();
    form->addRow(outcome);
    connect(won, &QPushButton::clicked, this, [this] {
        if (!m_detailId)
            return;
        bool ok = false;
        const QString amount = QInputDialog::getText(this, tr("Deal won"), tr("Amount in USD (e.g. 2400 or 2400.50):"), QLineEdit::Normal, QString(), &ok);
        if (!ok || amount.trimmed().isEmpty())
            return;
        auto r = m_engine.revenue().markConverted(actor(), m_detailId, {{QStringLiteral("amount"), amount.trimmed()}});
        m_message->setText(r ? tr("Won: %1 USD recorded.").arg(r->value(QStringLiteral("conversion")).toObject().value(QStringLiteral("amount")).toString())
                             : r.error().userMessage());
        openLead(m_detailId);
    });
    connect(lost, &QPushButton::clicked, this, [this] {
        if (!m_detailId)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Deal lost"), tr("Why was it lost?"), QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        auto r = m_engine.revenue().markLost(actor(), m_detailId, {{QStringLiteral("reason"), reason}});
        m_message->setText(r ? tr("Marked lost.") : r.error().userMessage());
        openLead(m_detailId);
    });
    connect(save, &QPushButton::clicked, this, &LeadsPage::saveDetail);
    auto *sc = new QShortcut(QKeySequence::Save, m_detail);
    connect(sc, &QShortcut::activated, this, &LeadsPage::saveDetail);
    tabs->addTab(fieldsPage, tr("Details"));

    auto *tagsPage = new QWidget(tabs);
    auto *tv = new QVBoxLayout(tagsPage);
    m_tags = new QListWidget(tagsPage);
    m_newTag = new QLineEdit(tagsPage);
    m_newTag->setPlaceholderText(tr("Add a tag and press Enter"));
    auto *removeTag = new QPushButton(tr("Remove selected tag"), tagsPage);
    tv->addWidget(m_tags);
    tv->addWidget(m_newTag);
    tv->addWidget(removeTag);
    connect(m_newTag, &QLineEdit::returnPressed, this, [this] {
        if (!m_detailId || m_newTag->text().trimmed().isEmpty())
            return;
        auto r = m_engine.leads().addTags(actor(), m_detailId, QJsonArray{m_newTag->text().trimmed()});
        m_message->setText(r ? QString() : r.error().userMessage());
        m_newTag->clear();
        openLead(m_detailId);
    });
    connect(removeTag, &QPushButton::clicked, this, [this] {
        if (!m_detailId || !m_tags->currentItem())
            return;
        auto r = m_engine.leads().removeTag(actor(), m_detailId, m_tags->currentItem()->data(Qt::UserRole).toLongLong());
        m_message->setText(r ? QString() : r.error().userMessage());
        openLead(m_detailId);
    });
    tabs->addTab(tagsPage, tr("Tags"));

    auto *notesPage = new QWidget(tabs);
    auto *nv = new QVBoxLayout(notesPage);
    m_notes = new QListWidget(notesPage);
    m_notes->setWordWrap(true);
    m_newNote = new QPlainTextEdit(notesPage);
    m_newNote->setPlaceholderText(tr("Write a note…"));
    m_newNote->setMaximumHeight(80);
    auto *addNote = new QPushButton(tr("Add note"), notesPage);
    nv->addWidget(m_notes);
    nv->addWidget(m_newNote);
    nv->addWidget(addNote);
    connect(addNote, &QPushButton::clicked, this, [this] {
        if (!m_detailId)
            return;
        auto r = m_engine.notes().add(actor(), m_detailId, m_newNote->toPlainText());
        m_message->setText(r ? QString() : r.error().userMessage());
        if (r)
            m_newNote->clear();
        openLead(m_detailId);
    });
    tabs->addTab(notesPage, tr("Notes"));

    m_activity = new QListWidget(tabs);
    m_activity->setWordWrap(true);
    tabs->addTab(m_activity, tr("Activity"));

    // The website analysis: the report, and a button that runs it as a job (the pane shows the
    // findings when it ends).
    auto *sitePage = new QWidget(tabs);
    auto *sv = new QVBoxLayout(sitePage);
    m_analysis = new QTextBrowser(sitePage);
    m_analysis->setObjectName(QStringLiteral("detailAnalysis"));
    m_analysis->setOpenExternalLinks(true);
    m_analyze = new QPushButton(tr("&Analyse website"), sitePage);
    m_analyze->setObjectName(QStringLiteral("detailAnalyze"));
    m_analyze->setToolTip(tr("Read the lead's site and score it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links"));
    m_enrich = new QPushButton(tr("Find &contacts"), sitePage);
    m_enrich->setObjectName(QStringLiteral("detailEnrich"));
    m_enrich->setToolTip(tr("Ask the enrichment providers (Settings → Integrations) for this business's e-mail, phone and details"));
    m_writeEmail = new QPushButton(tr("&Write email…"), sitePage);
    m_writeEmail->setObjectName(QStringLiteral("detailWriteEmail"));
    m_writeEmail->setToolTip(tr("Draft a personal email to this lead from its website's findings, with the AI (Settings → AI) or the offline writer"));
    connect(m_writeEmail, &QPushButton::clicked, this, [this] {
        if (!m_detailId)
            return;
        auto *dialog = new AiWriterDialog(m_engine.ai(), actor(), m_detailId, m_detailTitle->text(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_principal)
            dialog->setSenderName(m_principal->user.name);
        QList<QPair<QString, qint64>> accounts;
        if (auto list = m_engine.senders().list())
            for (const QJsonValue &a : *list)
                if (a.toObject().value(QStringLiteral("is_active")).toBool())
                    accounts.append({QStringLiteral("%1 <%2>").arg(a.toObject().value(QStringLiteral("name")).toString(), a.toObject().value(QStringLiteral("from_email")).toString()),
                                     a.toObject().value(QStringLiteral("id")).toInteger()});
        auto &conversations = m_engine.conversations();
        const leads::Actor who = actor();
        dialog->setSending(accounts, [&conversations, who](const QJsonObject &request) -> QJsonObject {
            auto r = conversations.sendEmail(who, request);
            return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().userMessage()}};
        });
        dialog->show();
    });
    // The AI's reading of the findings: a summary and the angles to pitch (the offline writer's
    // when no provider is set), under the report.
    m_pitch = new QPushButton(tr("&Pitch ideas"), sitePage);
    m_pitch->setObjectName(QStringLiteral("detailPitch"));
    m_pitch->setToolTip(tr("Summarise the website analysis and suggest what to pitch (Settings → AI)"));
    connect(m_pitch, &QPushButton::clicked, this, [this] {
        auto lead = m_engine.leads().get(m_detailId);
        if (!lead)
            return;
        const QJsonObject analysis = lead->value(QStringLiteral("website_analysis")).toObject();
        if (analysis.isEmpty()) {
            m_message->setText(tr("Analyse the website first: the pitch ideas come from its findings."));
            return;
        }
        m_pitch->setEnabled(false);
        m_pitch->setText(tr("Thinking…"));
        const qint64 id = m_detailId;
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, id] {
            watcher->deleteLater();
            m_pitch->setEnabled(true);
            m_pitch->setText(tr("&Pitch ideas"));
            if (m_detailId == id)
                m_analysis->setHtml(m_analysis->toHtml() + watcher->result());
        });
        auto &ai = m_engine.ai();
        const leads::Actor who = actor();
        const QJsonObject l = *lead;
        watcher->setFuture(QtConcurrent::run([&ai, who, l, analysis]() -> QString {
            auto p = ai.pitch(who, l, analysis);
            if (!p)
                return QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Pitch ideas:"), p.error().userMessage().toHtmlEscaped());
            QString html = QStringLiteral("<h3>%1</h3><p>%2</p><ul>").arg(tr("Pitch ideas"), p->value(QStringLiteral("summary")).toString().toHtmlEscaped());
            for (const QJsonValue &a : p->value(QStringLiteral("pitch_angles")).toArray())
                html += QStringLiteral("<li><b>%1</b>: %2</li>")
                            .arg(a.toObject().value(QStringLiteral("title")).toString().toHtmlEscaped(), a.toObject().value(QStringLiteral("pitch")).toString().toHtmlEscaped());
            html += QStringLiteral("</ul>");
            if (const QString notice = p->value(QStringLiteral("notice")).toString(); !notice.isEmpty())
                html += QStringLiteral("<p><i>%1</i></p>").arg(notice.toHtmlEscaped());
            return html;
        }));
    });
    sv->addWidget(m_analysis, 1);
    auto *siteButtons = new QHBoxLayout;
    siteButtons->addWidget(m_analyze);
    siteButtons->addWidget(m_enrich);
    siteButtons->addWidget(m_pitch);
    siteButtons->addWidget(m_writeEmail);
    sv->addLayout(siteButtons);
    connect(m_analyze, &QPushButton::clicked, this, [this] {
        if (m_detailId)
            runLeadJob(m_engine.scrapes().enqueueAnalysis(actor(), {m_detailId}), m_analyze, tr("Analysing…"));
    });
    connect(m_enrich, &QPushButton::clicked, this, [this] {
        if (m_detailId)
            runLeadJob(m_engine.enrichment().enqueue(actor(), {m_detailId}), m_enrich, tr("Asking…"));
    });
    m_leadJobPoll = new QTimer(this);
    m_leadJobPoll->setInterval(300);
    connect(m_leadJobPoll, &QTimer::timeout, this, [this] {
        auto job = m_engine.jobs().get(m_leadJob);
        if (job && (job->state == storage::JobState::Queued || job->state == storage::JobState::Running))
            return;
        m_leadJobPoll->stop();
        m_leadJobButton->setText(m_leadJobButtonText);
        m_analyze->setEnabled(m_detailId > 0);
        m_verify->setEnabled(m_detailId > 0);
        m_enrich->setEnabled(m_detailId > 0);
        if (!job || job->state != storage::JobState::Done)
            m_message->setText(tr("That did not finish: %1").arg(job ? job->lastError : job.error().userMessage()));
        else if (job->result.value(QStringLiteral("skipped")).toInt() > 0)
            m_message->setText(tr("Nothing to check on this lead: add it in Details first."));
        else if (job->type == scraper::EnrichmentService::enrichType)
            m_message->setText(job->result.value(QStringLiteral("enriched")).toInt() > 0 ? tr("Contacts found: see Details.")
                               : !job->result.value(QStringLiteral("errors")).toArray().isEmpty()
                                   ? tr("No contacts found: %1").arg(job->result.value(QStringLiteral("errors")).toArray().first().toString())
                                   : tr("No provider knew more about this business."));
        if (m_detailId == m_leadJobLead)
            openLead(m_detailId);
    });
    tabs->addTab(sitePage, tr("Website"));
    m_detail->setEnabled(false);
    return m_detail;
}

void LeadsPage::runLeadJob(core::Result<qint64> job, QPushButton *button, const QString &busyText)
{
    if (!job) {
        m_message->setText(job.error().userMessage());
        return;
    }
    if (m_leadJobPoll->isActive())
        return; // one at a time (the buttons are disabled meanwhile)
    m_leadJob = *job;
    m_leadJobLead = m_detailId;
    m_leadJobButton = button;
    m_leadJobButtonText = button->text();
    m_analyze->setEnabled(false);
    m_verify->setEnabled(false);
    m_enrich->setEnabled(false);
    button->setText(busyText);
    m_leadJobPoll->start();
}

void LeadsPage::showDetail(const QJsonObject &lead)
{
    m_detailId = lead.value(QStringLiteral("id")).toInteger();
    m_detail->setEnabled(m_detailId > 0);
    if (!m_detailId)
        return;
    m_detailTitle->setText(lead.value(QStringLiteral("name")).toString(lead.value(QStringLiteral("company")).toString()));
    m_detailStatus->setCurrentText(lead.value(QStringLiteral("status")).toString());
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QJsonValue v = lead.value(it.key());
        it.value()->setText(v.isDouble() ? QString::number(v.toInteger()) : v.toString());
    }
    // Written the national way; saved back, the lead service makes it E.164 again.
    m_fields.value(QStringLiteral("phone"))->setText(leads::formatPhone(lead.value(QStringLiteral("phone")).toString(), leadCountry(lead)));
    m_fields.value(QStringLiteral("phone"))->setToolTip(lead.value(QStringLiteral("phone")).toString());
    m_tags->clear();
    for (const auto &t : lead.value(QStringLiteral("tags")).toArray()) {
        auto *item = new QListWidgetItem(t.toObject().value(QStringLiteral("name")).toString(), m_tags);
        item->setData(Qt::UserRole, t.toObject().value(QStringLiteral("id")).toInteger());
    }
    m_analysis->setHtml(analysisReport(lead.value(QStringLiteral("website_analysis")).toObject(), lead.value(QStringLiteral("website")).toString()));
    const QString emailStatus = lead.value(QStringLiteral("email_status")).toString();
    m_emailStatus->setText(emailStatus.isEmpty() ? QString() : emailStatus == QLatin1String("valid") ? tr("✓ valid")
                                                                 : emailStatus == QLatin1String("risky")  ? tr("⚠ risky")
                                                                                                        : tr("✗ invalid"));
    m_emailStatus->setToolTip(lead.value(QStringLiteral("email_verification")).toObject().value(QStringLiteral("reason")).toString());
    m_analyze->setEnabled(!m_leadJobPoll->isActive());
    m_verify->setEnabled(!m_leadJobPoll->isActive());
    m_notes->clear();
    if (auto notes = m_engine.notes().forLead(m_detailId)) {
        for (const auto &n : *notes) {
            const QJsonObject o = n.toObject();
            m_notes->addItem(QStringLiteral("%1 — %2\n%3").arg(o.value(QStringLiteral("author")).toObject().value(QStringLiteral("name")).toString(tr("system")),
                                                                 QLocale().toString(QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toLocalTime(), QLocale::ShortFormat),
                                                                 o.value(QStringLiteral("content")).toString()));
        }
    }
    m_activity->clear();
    if (auto feed = m_engine.activity().byLead(m_detailId, 100)) {
        for (const auto &e : *feed) {
            const QJsonObject o = e.toObject();
            QStringList changes;
            const QJsonObject diff = o.value(QStringLiteral("details")).toObject().value(QStringLiteral("changes")).toObject();
            for (auto it = diff.begin(); it != diff.end(); ++it) {
                const QJsonObject c = it.value().toObject();
                auto text = [](const QJsonValue &v) { return v.isNull() ? QStringLiteral("—") : v.isDouble() ? QString::number(v.toDouble()) : v.toString(); };
                changes << QStringLiteral("%1: %2 → %3").arg(it.key(), text(c.value(QStringLiteral("from"))), text(c.value(QStringLiteral("to"))));
            }
            m_activity->addItem(QStringLiteral("%1 · %2 · %3%4").arg(
                QLocale().toString(QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toLocalTime(), QLocale::ShortFormat),
                o.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(tr("system")), o.value(QStringLiteral("action")).toString(),
                changes.isEmpty() ? QString() : QStringLiteral("\n") + changes.join(u'\n')));
        }
    }
}

void LeadsPage::saveDetail()
{
    if (!m_detailId)
        return;
    QJsonObject changes{{QStringLiteral("status"), m_detailStatus->currentText()}};
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (it.key() == QLatin1String("score"))
            changes.insert(it.key(), text.isEmpty() ? QJsonValue() : QJsonValue(text.toLongLong()));
        else
            changes.insert(it.key(), text.isEmpty() ? QJsonValue() : QJsonValue(text));
    }
    auto r = m_engine.leads().update(actor(), m_detailId, changes);
    m_message->setText(r ? tr("Saved.") : r.error().userMessage());
    if (r)
        showDetail(*r);
}

void LeadsPage::openLead(qint64 id)
{
    auto lead = m_engine.leads().get(id);
    if (!lead) {
        m_message->setText(lead.error().userMessage());
        return;
    }
    showDetail(*lead);
}

void LeadsPage::reloadKeepingView()
{
    QItemSelectionModel *selection = m_table->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    // Selections of a few hundred rows follow their leads; larger ones keep their rows.
    constexpr int followed = 500;
    QList<QPair<qint64, int>> picked;
    if (rows.size() <= followed)
        for (const QModelIndex &i : rows)
            picked.append({m_model->idAt(i.row()), i.row()});
    const QModelIndex current = m_table->currentIndex();
    const qint64 currentId = current.isValid() ? m_model->idAt(current.row()) : 0;
    const int scroll = m_table->verticalScrollBar()->value();

    m_model->reload();

    if (!picked.isEmpty()) {
        QItemSelection moved;
        for (const auto &[id, row] : std::as_const(picked))
            if (const int now = m_model->rowOfId(id, row, 200); now >= 0)
                moved.select(m_model->index(now, 0), m_model->index(now, m_model->columnCount() - 1));
        selection->select(moved, QItemSelectionModel::ClearAndSelect);
    }
    if (currentId) {
        if (const int now = m_model->rowOfId(currentId, current.row(), 200); now >= 0)
            selection->setCurrentIndex(m_model->index(now, current.column()), QItemSelectionModel::NoUpdate);
    }
    m_table->verticalScrollBar()->setValue(scroll);
}

void LeadsPage::reloadSegments()
{
    m_segments->clear();
    m_segments->addItem(tr("Segments…"));
    if (auto list = m_engine.segments().list(actor()))
        for (const auto &s : *list)
            m_segments->addItem(s.toObject().value(QStringLiteral("name")).toString(), s.toObject());
}

void LeadsPage::saveSegment()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save segment"), tr("Name of this filter:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    auto r = m_engine.segments().save(actor(), name, currentFilter().json(), m_model->sortOrder().toString(), false);
    m_message->setText(r ? tr("Segment saved.") : r.error().userMessage());
    reloadSegments();
}

void LeadsPage::applySegment(int index)
{
    const QJsonObject seg = m_segments->itemData(index).toJsonObject();
    if (seg.isEmpty())
        return;
    const QJsonObject f = seg.value(QStringLiteral("filter")).toObject();
    m_pinned = {}; // a segment is a whole filter of its own
    m_pinnedCaption.clear();
    const QSignalBlocker b1(m_search), b2(m_city), b3(m_tag), b4(m_status), b5(m_hasEmail);
    m_search->setText(f.value(QStringLiteral("q")).toString());
    m_city->setText(f.value(QStringLiteral("city")).toString());
    m_tag->setText(f.value(QStringLiteral("tags")).toObject().value(QStringLiteral("any")).toArray().first().toString());
    m_status->setCurrentIndex(qMax(0, m_status->findData(f.value(QStringLiteral("status")).toString())));
    m_hasEmail->setChecked(f.value(QStringLiteral("has_email")).toBool());
    // A segment may hold fields the bar does not show: the model takes the whole filter.
    auto filter = leads::LeadFilter::fromJson(f);
    m_table->clearSelection();
    m_table->scrollToTop();
    m_model->setFilter(filter ? *filter : currentFilter());
    rebuildChips();
}

void LeadsPage::importCsv()
{
    auto *wizard = new ImportWizard(m_engine, actor(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::importFinished, m_model, &LeadTableModel::refresh);
    wizard->open();
}

void LeadsPage::exportSelection(const QString &path)
{
    if (m_allMatching->isVisible() && m_allMatching->isChecked()) {
        exportLeads(path);
        return;
    }
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << m_model->idAt(i.row());
    auto filter = leads::LeadFilter::ofIds(ids);
    if (!filter) {
        m_message->setText(filter.error().userMessage()); // more than 10,000 picked one by one
        return;
    }
    exportFiltered(*filter, path);
}

void LeadsPage::exportLeads(const QString &path)
{
    exportFiltered(m_model->filter(), path);
}

void LeadsPage::exportFiltered(const leads::LeadFilter &filter, QString path)
{
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export leads"), QStringLiteral("leads.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        m_message->setText(tr("Cannot write %1: %2").arg(path, out.errorString()));
        return;
    }
    const auto format = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? leads::LeadExporter::Format::Json : leads::LeadExporter::Format::Csv;
    // Written on a worker thread (a million leads take a while) behind a progress dialog with
    // Cancel, which shows only when the export is not over within half a second.
    auto counted = m_engine.leads().count(filter);
    const qint64 total = counted ? *counted : 0;
    QProgressDialog progress(tr("Exporting %1 leads…").arg(QLocale().toString(total)), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setValue(0);
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> written{0};
    connect(&progress, &QProgressDialog::canceled, this, [&cancelled] { cancelled = true; });
    auto &exporter = m_engine.exporter();
    const leads::LeadSort sort = m_model->sortOrder();
    QFutureWatcher<core::Result<qint64>> watcher;
    QEventLoop wait;
    connect(&watcher, &QFutureWatcherBase::finished, &wait, &QEventLoop::quit);
    QTimer tick;
    connect(&tick, &QTimer::timeout, &progress, [&] { progress.setValue(total > 0 ? int(qMin<qint64>(99, written * 100 / total)) : 0); });
    tick.start(100);
    watcher.setFuture(QtConcurrent::run([&] {
        return exporter.write(&out, filter, sort, format, {}, [&cancelled] { return cancelled.load(); },
                              [&written](qint64 n) { written = n; });
    }));
    if (!watcher.isFinished())
        wait.exec();
    tick.stop();
    progress.reset();
    const auto n = watcher.result();
    if (!n || !out.commit()) {
        m_message->setText(n ? out.errorString()
                             : n.error().code == core::ErrorCode::Cancelled ? tr("Export cancelled; nothing was written.") : n.error().userMessage());
        return;
    }
    m_message->setText(tr("Exported %1 leads to %2.").arg(*n).arg(path));
}

void LeadsPage::showDuplicates()
{
    auto *dialog = new DuplicatesDialog(m_engine, actor(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicatesDialog::merged, this, [this](qint64 id) {
        m_model->refresh();
        openLead(id);
    });
    dialog->open();
}

void registerLeadsPage(PageRegistry &registry)
{
    registry.add(PageInfo{QStringLiteral("leads"), QCoreApplication::translate("fliptech::ui::Pages", "Leads"), QStringLiteral("leads"), 20,
                          [](PageContext &ctx, QWidget *parent) -> QWidget * {
                              auto *page = new LeadsPage(ctx.engine, ctx.principal, parent);
                              page->setOpenPage([open = ctx.open](const QString &id) {
                                  if (open)
                                      open(id);
                              });
                              return page;
                          }});
}

} // namespace fliptech::ui
