#include "fliptech/ui/leaddialogs.h"

#include "fliptech/engine/engine.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

// ---- import wizard ------------------------------------------------------------------------

ImportWizard::ImportWizard(engine::Engine &engine, leads::Actor actor, QWidget *parent)
    : QWizard(parent), m_engine(engine), m_actor(std::move(actor))
{
    setWindowTitle(tr("Import leads from CSV"));
    setOption(QWizard::NoBackButtonOnLastPage);
    resize(820, 560);

    auto *file = new QWizardPage(this);
    file->setTitle(tr("Choose a CSV file"));
    file->setSubTitle(tr("Exported from a spreadsheet, a CRM or another tool. Encoding and separator are detected."));
    auto *fl = new QVBoxLayout(file);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(file);
    auto *browse = new QPushButton(tr("Browse…"), file);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    fl->addLayout(row);
    m_fileInfo = new QLabel(file);
    m_fileInfo->setWordWrap(true);
    fl->addWidget(m_fileInfo);
    fl->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CSV file"), {}, tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
        if (!path.isEmpty())
            setFile(path);
    });
    setPage(FilePage, file);

    auto *mapping = new QWizardPage(this);
    mapping->setTitle(tr("Match the columns"));
    mapping->setSubTitle(tr("Choose which lead field each column fills. The first rows are shown so you can check."));
    auto *ml = new QVBoxLayout(mapping);
    m_mapping = new QTableWidget(mapping);
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    ml->addWidget(m_mapping);
    setPage(MappingPage, mapping);

    auto *dupes = new QWizardPage(this);
    dupes->setTitle(tr("Duplicates"));
    dupes->setSubTitle(tr("Leads with the same e-mail, phone or website as an existing lead (or an earlier row) are duplicates."));
    auto *dl = new QVBoxLayout(dupes);
    m_onDuplicate = new QButtonGroup(dupes);
    const QList<std::pair<QString, int>> choices = {{tr("Skip them (keep the existing lead as it is)"), 0},
                                                    {tr("Update the existing lead with the file's values"), 1},
                                                    {tr("Create them anyway"), 2}};
    for (const auto &[text, id] : choices) {
        auto *b = new QRadioButton(text, dupes);
        m_onDuplicate->addButton(b, id);
        dl->addWidget(b);
    }
    m_onDuplicate->button(0)->setChecked(true);
    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Phone numbers without a country code are from:"), dupes));
    m_country = new QComboBox(dupes);
    for (const char *c : {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "ES", "IT", "NL", "BE", "PT", "SE", "NO", "DK", "FI", "PL", "MX", "BR", "IN", "ZA"})
        m_country->addItem(QString::fromLatin1(c));
    form->addWidget(m_country);
    form->addStretch(1);
    dl->addLayout(form);
    m_tags = new QLineEdit(dupes);
    m_tags->setPlaceholderText(tr("Tags for every imported lead, separated by commas (optional)"));
    dl->addWidget(m_tags);
    dl->addStretch(1);
    setPage(DuplicatesPage, dupes);

    auto *progress = new QWizardPage(this);
    progress->setTitle(tr("Importing"));
    auto *pl = new QVBoxLayout(progress);
    m_progress = new QProgressBar(progress);
    m_result = new QLabel(progress);
    m_result->setWordWrap(true);
    m_saveRejected = new QPushButton(tr("Save rejected rows…"), progress);
    m_saveRejected->setVisible(false);
    pl->addWidget(m_progress);
    pl->addWidget(m_result);
    pl->addWidget(m_saveRejected);
    pl->addStretch(1);
    setPage(ProgressPage, progress);
    connect(m_saveRejected, &QPushButton::clicked, this, [this] {
        if (!m_report || !m_report->rejectedFileId)
            return;
        auto file = m_engine.files().get(m_report->rejectedFileId);
        const QString to = QFileDialog::getSaveFileName(this, tr("Save rejected rows"), file ? file->originalName : QString(), tr("CSV (*.csv)"));
        if (file && !to.isEmpty()) {
            QFile::remove(to);
            QFile::copy(file->path, to);
        }
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportWizard::finish);
    connect(this, &QDialog::rejected, this, [this] { m_cancel = true; });
}

void ImportWizard::setFile(const QString &path)
{
    m_path->setText(path);
}

bool ImportWizard::validateCurrentPage()
{
    if (currentId() == FilePage) {
        auto preview = m_engine.importer().preview(m_path->text());
        if (!preview) {
            m_fileInfo->setText(preview.error().userMessage());
            return false;
        }
        m_preview = *preview;
        m_fileInfo->setText(tr("%1, separated by “%2”").arg(preview->encoding, QString(QChar::fromLatin1(preview->delimiter))));
    }
    if (currentId() == ProgressPage)
        return !m_running;
    return QWizard::validateCurrentPage();
}

void ImportWizard::initializePage(int id)
{
    if (id == MappingPage && m_preview) {
        const QStringList targets = leads::LeadImporter::targets();
        const int samples = int(qMin<qsizetype>(3, m_preview->rows.size()));
        m_mapping->clear();
        m_mapping->setRowCount(int(m_preview->headers.size()));
        m_mapping->setColumnCount(2 + samples);
        QStringList heads{tr("Column"), tr("Lead field")};
        for (int i = 0; i < samples; ++i)
            heads << tr("Row %1").arg(i + 1);
        m_mapping->setHorizontalHeaderLabels(heads);
        for (int r = 0; r < m_preview->headers.size(); ++r) {
            const QString header = m_preview->headers[r];
            m_mapping->setItem(r, 0, new QTableWidgetItem(header));
            auto *combo = new QComboBox(m_mapping);
            combo->addItems(targets);
            combo->setCurrentText(m_preview->suggestedMapping.value(header).toString(QStringLiteral("ignore")));
            m_mapping->setCellWidget(r, 1, combo);
            for (int s = 0; s < samples; ++s)
                m_mapping->setItem(r, 2 + s, new QTableWidgetItem(m_preview->rows[s].value(r)));
        }
        m_mapping->resizeColumnsToContents();
    }
    if (id == ProgressPage)
        start();
}

leads::ImportOptions ImportWizard::options() const
{
    leads::ImportOptions o;
    for (int r = 0; r < m_mapping->rowCount(); ++r)
        if (auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(r, 1)))
            o.mapping.insert(m_mapping->item(r, 0)->text(), combo->currentText());
    o.onDuplicate = static_cast<leads::ImportOptions::OnDuplicate>(qMax(0, m_onDuplicate->checkedId()));
    o.defaultCountry = m_country->currentText();
    for (const QString &t : m_tags->text().split(u',', Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            o.tags << t.trimmed();
    if (m_preview)
        o.delimiter = m_preview->delimiter;
    return o;
}

void ImportWizard::start()
{
    m_running = true;
    m_cancel = false;
    m_report.reset();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_result->setText(tr("Reading and checking every row… (Cancel stops it and imports nothing)"));
    auto &importer = m_engine.importer();
    const QString path = m_path->text();
    const leads::ImportOptions o = options();
    const leads::Actor who = m_actor;
    QPointer<QProgressBar> bar = m_progress;
    m_watcher.setFuture(QtConcurrent::run([&importer, path, o, who, bar, this]() {
        return importer.run(
            who, path, o,
            [bar](qint64 done, qint64 total) {
                const int percent = total ? int(done * 100 / total) : 0;
                QMetaObject::invokeMethod(bar, [bar, percent] { if (bar) bar->setValue(percent); }, Qt::QueuedConnection);
            },
            [this] { return m_cancel.load(); }, QFileInfo(path).fileName());
    }));
}

void ImportWizard::finish()
{
    m_running = false;
    const auto result = m_watcher.result();
    if (!result) {
        m_result->setText(result.error().userMessage());
        m_progress->setValue(0);
    } else {
        m_report = *result;
        m_progress->setValue(100);
        QString text = tr("%1 leads imported, %2 updated, %3 duplicates skipped, %4 rows rejected (%5 rows read in %6 s).")
                           .arg(result->imported).arg(result->updated).arg(result->duplicatesInFile + result->duplicatesExisting)
                           .arg(result->rejected).arg(result->rows).arg(result->elapsedMs / 1000.0, 0, 'f', 1);
        if (result->indexingDeferred)
            text += tr("\nThe leads are in the list now. Their search entries and filter indexes are being built in the background "
                       "(see the status bar): until then search does not find them and filters are slower.");
        for (const auto &r : result->rejectedSample) {
            if (text.count(u'\n') > 6)
                break;
            text += tr("\nRow %1: %2").arg(r.toObject().value(QStringLiteral("row")).toInteger()).arg(r.toObject().value(QStringLiteral("reason")).toString());
        }
        m_result->setText(text);
        m_saveRejected->setVisible(result->rejectedFileId > 0);
    }
    Q_EMIT importFinished();
}

// ---- duplicates ---------------------------------------------------------------------------

DuplicatesDialog::DuplicatesDialog(engine::Engine &engine, leads::Actor actor, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_actor(std::move(actor))
{
    setWindowTitle(tr("Duplicate leads"));
    resize(960, 560);
    auto *v = new QVBoxLayout(this);
    auto *h = new QHBoxLayout;
    m_groups = new QListWidget(this);
    m_groups->setMaximumWidth(300);
    m_compare = new QTableWidget(this);
    h->addWidget(m_groups);
    h->addWidget(m_compare, 1);
    v->addLayout(h, 1);
    m_message = new QLabel(tr("Click a value to keep it. The first lead survives; the others' tags, notes and history move to it."), this);
    m_message->setWordWrap(true);
    v->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    auto *merge = new QPushButton(tr("Merge"), this);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addStretch(1);
    buttons->addWidget(merge);
    buttons->addWidget(close);
    v->addLayout(buttons);
    connect(m_groups, &QListWidget::currentRowChanged, this, &DuplicatesDialog::showGroup);
    connect(merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeCurrent);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    reload();
}

int DuplicatesDialog::groupCount() const
{
    return int(m_data.size());
}

void DuplicatesDialog::selectGroup(int row)
{
    m_groups->setCurrentRow(row);
}

void DuplicatesDialog::reload()
{
    m_groups->clear();
    auto groups = m_engine.leads().duplicates(200);
    if (!groups) {
        m_message->setText(groups.error().userMessage());
        return;
    }
    m_data = *groups;
    for (const auto &g : std::as_const(m_data)) {
        const QJsonObject o = g.toObject();
        m_groups->addItem(tr("%1 leads · same %2: %3").arg(o.value(QStringLiteral("lead_ids")).toArray().size())
                              .arg(o.value(QStringLiteral("match")).toString(), o.value(QStringLiteral("value")).toString()));
    }
    if (m_data.isEmpty())
        m_message->setText(tr("No duplicates found."));
    else
        m_groups->setCurrentRow(0);
}

void DuplicatesDialog::showGroup(int row)
{
    m_leads.clear();
    m_compare->clear();
    if (row < 0 || row >= m_data.size())
        return;
    for (const auto &id : m_data.at(row).toObject().value(QStringLiteral("lead_ids")).toArray())
        if (auto lead = m_engine.leads().get(id.toInteger()))
            m_leads << *lead;
    QStringList fields;
    for (const auto &f : leads::leadFields())
        if (f.writable && f.type != leads::FieldType::Json)
            fields << f.name;
    m_compare->setRowCount(int(fields.size()));
    m_compare->setColumnCount(int(m_leads.size()));
    m_compare->setVerticalHeaderLabels(fields);
    QStringList heads;
    for (int c = 0; c < m_leads.size(); ++c)
        heads << (c == 0 ? tr("#%1 (keeps)") : tr("#%1")).arg(m_leads[c].value(QStringLiteral("id")).toInteger());
    m_compare->setHorizontalHeaderLabels(heads);
    for (int r = 0; r < fields.size(); ++r) {
        for (int c = 0; c < m_leads.size(); ++c) {
            const QJsonValue v = m_leads[c].value(fields[r]);
            auto *item = new QTableWidgetItem(v.isDouble() ? QString::number(v.toInteger()) : v.toString());
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_compare->setItem(r, c, item);
        }
        // Preselect the survivor's value, or the first one present.
        int pick = 0;
        while (pick < m_leads.size() && m_compare->item(r, pick)->text().isEmpty())
            ++pick;
        if (pick < m_leads.size())
            m_compare->item(r, pick)->setSelected(true);
    }
    m_compare->setSelectionMode(QAbstractItemView::MultiSelection);
    connect(m_compare, &QTableWidget::cellClicked, this, [this](int r, int c) {
        // One choice per field.
        for (int other = 0; other < m_compare->columnCount(); ++other)
            if (other != c && m_compare->item(r, other))
                m_compare->item(r, other)->setSelected(false);
        m_compare->item(r, c)->setSelected(true);
    }, Qt::UniqueConnection);
    m_compare->resizeColumnsToContents();
}

bool DuplicatesDialog::mergeCurrent()
{
    if (m_leads.size() < 2)
        return false;
    const qint64 survivor = m_leads.first().value(QStringLiteral("id")).toInteger();
    QList<qint64> others;
    for (int c = 1; c < m_leads.size(); ++c)
        others << m_leads[c].value(QStringLiteral("id")).toInteger();
    QJsonObject choices;
    for (int r = 0; r < m_compare->rowCount(); ++r)
        for (int c = 0; c < m_compare->columnCount(); ++c)
            if (m_compare->item(r, c) && m_compare->item(r, c)->isSelected() && !m_compare->item(r, c)->text().isEmpty())
                choices.insert(m_compare->verticalHeaderItem(r)->text(), m_leads[c].value(QStringLiteral("id")));
    auto result = m_engine.leads().merge(m_actor, survivor, others, choices);
    if (!result) {
        m_message->setText(result.error().userMessage());
        return false;
    }
    m_message->setText(tr("Merged into #%1.").arg(survivor));
    Q_EMIT merged(survivor);
    reload();
    return true;
}

// ---- search palette -----------------------------------------------------------------------

SearchPalette::SearchPalette(engine::Engine &engine, QWidget *parent) : QDialog(parent), m_engine(engine)
{
    setWindowTitle(tr("Go to…"));
    resize(620, 420);
    auto *v = new QVBoxLayout(this);
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Search leads, campaigns and conversations"));
    m_query->setClearButtonEnabled(true);
    m_results = new QListWidget(this);
    v->addWidget(m_query);
    v->addWidget(m_results, 1);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { search(m_query->text()); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] { activate(qMax(0, m_results->currentRow())); });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activate(m_results->row(item)); });
    // Up/Down in the query move through the results.
    auto move = [this](int delta) {
        if (m_results->count())
            m_results->setCurrentRow(qBound(0, m_results->currentRow() + delta, m_results->count() - 1));
    };
    auto *down = new QShortcut(QKeySequence(Qt::Key_Down), m_query, [move] { move(1); });
    auto *up = new QShortcut(QKeySequence(Qt::Key_Up), m_query, [move] { move(-1); });
    down->setContext(Qt::WidgetShortcut);
    up->setContext(Qt::WidgetShortcut);
}

void SearchPalette::search(const QString &text)
{
    m_results->clear();
    m_hits = {};
    if (text.trimmed().isEmpty())
        return;
    auto hits = m_engine.search().search(text, {}, 20);
    if (!hits) {
        m_results->addItem(hits.error().userMessage());
        return;
    }
    m_hits = *hits;
    static const QRegularExpression marks(QStringLiteral("</?mark>"));
    for (const auto &h : std::as_const(m_hits)) {
        const QJsonObject o = h.toObject();
        QString snippet = o.value(QStringLiteral("snippet")).toString();
        snippet.remove(marks);
        auto *item = new QListWidgetItem(QStringLiteral("%1 · %2\n%3").arg(o.value(QStringLiteral("type")).toString(), o.value(QStringLiteral("title")).toString(),
                                                                          snippet),
                                         m_results);
        item->setToolTip(o.value(QStringLiteral("subtitle")).toString());
    }
    if (auto indexing = m_engine.indexing().state(); indexing && indexing->searchBacklog > 0) {
        // After the hits, so rows keep matching m_hits.
        auto *note = new QListWidgetItem(tr("%n imported leads are still being indexed and are not found yet.", nullptr,
                                            int(qMin<qint64>(indexing->searchBacklog, INT_MAX))),
                                         m_results);
        note->setFlags(Qt::NoItemFlags);
        note->setData(Qt::UserRole, QStringLiteral("indexing"));
    }
    if (!m_hits.isEmpty())
        m_results->setCurrentRow(0);
}

int SearchPalette::resultCount() const
{
    return int(m_hits.size());
}

void SearchPalette::activate(int row)
{
    if (row < 0 || row >= m_hits.size())
        return;
    m_chosen = m_hits.at(row).toObject();
    Q_EMIT hitActivated(m_chosen.value(QStringLiteral("type")).toString(), m_chosen.value(QStringLiteral("id")).toInteger());
    accept();
}

} // namespace fliptech::ui
