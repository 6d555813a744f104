#include "fliptech/ui/customurlpage.h"

#include "fliptech/net/httpclient.h"
#include "fliptech/scraper/recipe.h"
#include "fliptech/scraper/scrapeservice.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {

constexpr int kPreviewRows = 200;

QString cellText(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const auto &x : v.toArray())
            parts << cellText(x);
        return parts.join(QStringLiteral(", "));
    }
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString();
}

} // namespace

CustomUrlPage::CustomUrlPage(scraper::ScrapeService &scrapes, net::HttpClient &http, leads::Actor actor, QWidget *parent)
    : QWidget(parent), m_scrapes(scrapes), m_http(http), m_actor(std::move(actor))
{
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("customUrl"));
    m_url->setPlaceholderText(tr("https://example.com/directory/plumbers"));
    m_url->setToolTip(tr("A page that lists businesses: a directory, a members list, search results"));
    m_analyze = new QPushButton(tr("&Analyse page"), this);
    m_analyze->setObjectName(QStringLiteral("customUrlAnalyze"));
    m_analyze->setToolTip(tr("Read the page and propose a recipe: the repeated items and their fields"));
    connect(m_analyze, &QPushButton::clicked, this, [this] { analyze(m_url->text()); });
    connect(m_url, &QLineEdit::returnPressed, this, [this] { analyze(m_url->text()); });
    m_recipes = new QComboBox(this);
    m_recipes->setObjectName(QStringLiteral("customUrlRecipes"));
    m_recipes->setMinimumContentsLength(18);
    m_recipes->setToolTip(tr("Saved recipes: choose one to load it"));
    connect(m_recipes, &QComboBox::activated, this, [this] { loadSelected(); });
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("customUrlDelete"));
    m_delete->setToolTip(tr("Delete the loaded recipe"));
    m_delete->setEnabled(false);
    connect(m_delete, &QPushButton::clicked, this, &CustomUrlPage::deleteRecipe);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy, no known end
    m_busy->setMaximumWidth(120);
    m_busy->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Page:"), this));
    top->addWidget(m_url, 1);
    top->addWidget(m_analyze);
    top->addWidget(m_busy);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Recipe:"), this));
    top->addWidget(m_recipes);
    top->addWidget(m_delete);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("customUrlEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("Analyse a page to get a recipe here, or write one:\n"
                                    "{\"item\": \"li.result\",\n \"fields\": [{\"name\": \"name\", \"css\": \"h2 a\"},\n"
                                    "            {\"name\": \"url\", \"css\": \"h2 a\", \"attr\": \"href\", \"type\": \"url\"}],\n"
                                    " \"next_page\": \"a[rel=next]\", \"max_pages\": 5}"));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("customUrlCheck"));
    m_check->setWordWrap(true);
    m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &CustomUrlPage::updatePreview);
    connect(m_editor, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));

    m_preview = new QTableWidget(0, 0, this);
    m_preview->setObjectName(QStringLiteral("customUrlPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_previewInfo = new QLabel(tr("The preview shows the rows the recipe reads on the page."), this);
    m_previewInfo->setObjectName(QStringLiteral("customUrlPreviewInfo"));
    m_previewInfo->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Recipe</b> (JSON; checked as you type)"), left));
    leftLayout->addWidget(m_editor, 1);
    leftLayout->addWidget(m_check);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Preview</b>"), right));
    rightLayout->addWidget(m_preview, 1);
    rightLayout->addWidget(m_previewInfo);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("customUrlName"));
    m_name->setPlaceholderText(tr("Recipe name, e.g. Austin plumbers directory"));
    m_save = new QPushButton(tr("&Save recipe"), this);
    m_save->setObjectName(QStringLiteral("customUrlSave"));
    m_save->setToolTip(tr("Save the recipe under its name to run it again later (Ctrl+S)"));
    connect(m_save, &QPushButton::clicked, this, &CustomUrlPage::saveRecipe);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &CustomUrlPage::saveRecipe);
    m_run = new QPushButton(tr("&Run scrape"), this);
    m_run->setObjectName(QStringLiteral("customUrlRun"));
    m_run->setToolTip(tr("Read every start page and the pages after it; the rows become leads (source custom_url)"));
    connect(m_run, &QPushButton::clicked, this, &CustomUrlPage::run);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("customUrlMessage"));
    m_message->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Name:"), this));
    bottom->addWidget(m_name, 1);
    bottom->addWidget(m_save);
    bottom->addWidget(m_run);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_message);
    reloadRecipes();
    updatePreview();
}

void CustomUrlPage::setBusy(const QString &what)
{
    m_busy->setVisible(!what.isEmpty());
    m_analyze->setEnabled(what.isEmpty());
    if (!what.isEmpty())
        m_message->setText(what);
}

void CustomUrlPage::analyze(const QString &text)
{
    QString address = text.trimmed();
    if (!address.isEmpty() && !address.contains(QLatin1String("://")))
        address.prepend(QStringLiteral("https://"));
    const QUrl url(address, QUrl::StrictMode);
    if (address.isEmpty() || !url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(QLatin1String("http"))) {
        m_message->setText(tr("Give the address of a page that lists businesses, e.g. https://example.com/directory."));
        m_url->setFocus();
        return;
    }
    m_url->setText(url.toString());
    fetchAndThen(url, true);
}

void CustomUrlPage::fetchAndThen(const QUrl &url, bool propose)
{
    const int fetch = ++m_fetch;
    setBusy(tr("Reading %1 …").arg(url.toDisplayString()));
    net::HttpRequest request;
    request.url = url;
    request.timeoutMs = 20000;
    m_http.fetch(request, this, [this, fetch, url, propose](const net::HttpResponse &response) {
        if (fetch != m_fetch)
            return; // a newer page was asked for
        setBusy({});
        if (!response.ok()) {
            m_message->setText(tr("Could not read %1: %2")
                                   .arg(url.toDisplayString(), response.error ? response.error->message : tr("the server answered %1").arg(response.status)));
            return;
        }
        m_page = net::HtmlDocument::parse(response.body, response.contentType, response.url);
        if (propose)
            showProposal(scraper::proposeRecipe(m_page));
        else
            updatePreview();
    });
}

void CustomUrlPage::setPage(const QByteArray &html, const QUrl &url, bool propose)
{
    ++m_fetch;
    m_page = net::HtmlDocument::parse(html, "text/html; charset=utf-8", url);
    m_url->setText(url.toString());
    if (propose)
        showProposal(scraper::proposeRecipe(m_page));
    else
        updatePreview();
}

void CustomUrlPage::showProposal(const QJsonObject &proposal)
{
    QStringList notes;
    for (const auto &w : proposal.value(QStringLiteral("warnings")).toArray())
        notes << w.toString();
    const QJsonArray candidates = proposal.value(QStringLiteral("candidates")).toArray();
    if (!proposal.value(QStringLiteral("recipe")).isObject()) {
        m_message->setText(notes.join(u' '));
        return;
    }
    QJsonObject recipe = proposal.value(QStringLiteral("recipe")).toObject();
    if (m_name->text().trimmed().isEmpty())
        m_name->setText(recipe.value(QStringLiteral("name")).toString().left(80));
    recipe.remove(QStringLiteral("name")); // the name field below names it
    m_recipeId.reset();
    m_delete->setEnabled(false);
    setRecipeText(scraper::formatRecipe(recipe));
    QStringList others;
    for (qsizetype i = 1; i < candidates.size(); ++i)
        others << tr("%1 (%2 items)").arg(candidates.at(i).toObject().value(QStringLiteral("item")).toString())
                      .arg(candidates.at(i).toObject().value(QStringLiteral("count")).toInt());
    QString said = tr("Found %1 similar items. Check the preview, edit the recipe if needed, then Run.")
                       .arg(candidates.isEmpty() ? 0 : candidates.first().toObject().value(QStringLiteral("count")).toInt());
    if (!others.isEmpty())
        said += u' ' + tr("Other lists on the page: %1.").arg(others.join(QStringLiteral(", ")));
    if (!notes.isEmpty())
        said += u' ' + notes.join(u' ');
    m_message->setText(said);
}

QString CustomUrlPage::recipeText() const
{
    return m_editor->toPlainText();
}

void CustomUrlPage::setRecipeText(const QString &json)
{
    m_editor->setPlainText(json);
    m_debounce->stop();
    updatePreview();
}

void CustomUrlPage::updatePreview()
{
    const QByteArray text = m_editor->toPlainText().toUtf8();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    if (text.trimmed().isEmpty()) {
        m_check->clear();
        m_run->setEnabled(false);
        m_save->setEnabled(false);
        return;
    }
    auto recipe = scraper::Recipe::fromJson(text, false);
    m_run->setEnabled(recipe.ok());
    m_save->setEnabled(recipe.ok());
    if (!recipe) {
        m_check->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
        m_check->setText(tr("✗ %1").arg(recipe.error().message));
        m_previewInfo->setText(tr("Fix the recipe to see its rows."));
        return;
    }
    m_check->setStyleSheet({});
    m_check->setText(tr("✓ The recipe is valid: %n field(s)", nullptr, int(recipe->fields.size())));
    if (m_page.isNull()) {
        m_previewInfo->setText(tr("Analyse a page (or load a recipe with a start page) to see the rows it reads."));
        return;
    }
    const scraper::ExtractedPage got = scraper::extractPage(m_page, *recipe);
    QStringList columns;
    for (const auto &f : recipe->fields)
        columns << f.name;
    m_preview->setColumnCount(int(columns.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    const int rows = int(qMin<qsizetype>(got.rows.size(), kPreviewRows));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns.size(); ++c) {
            const QString value = cellText(got.rows.at(r).value(columns.at(c)));
            auto *item = new QTableWidgetItem(value);
            item->setToolTip(value);
            m_preview->setItem(r, c, item);
        }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, qMin(m_preview->columnWidth(c), 320));
    QString info = tr("%n row(s) on this page", nullptr, int(got.rows.size()));
    if (got.skipped > 0)
        info += tr(", %n left out (a required field missing)", nullptr, got.skipped);
    info += got.nextUrl.isEmpty() ? tr("; no next page found.") : tr("; next page: %1").arg(got.nextUrl.toDisplayString());
    if (!recipe->detailUrlField.isEmpty())
        info += u' ' + tr("(Fields from each item's own page are read when the scrape runs.)");
    m_previewInfo->setText(info);
}

void CustomUrlPage::reloadRecipes(const QString &select)
{
    m_recipes->clear();
    m_recipes->addItem(tr("— choose a saved recipe —"));
    auto list = m_scrapes.listRecipes();
    if (!list) {
        m_message->setText(list.error().userMessage());
        return;
    }
    for (const auto &v : *list) {
        const QJsonObject r = v.toObject();
        m_recipes->addItem(r.value(QStringLiteral("name")).toString(), r.value(QStringLiteral("id")).toInteger());
        if (r.value(QStringLiteral("name")).toString() == select)
            m_recipes->setCurrentIndex(m_recipes->count() - 1);
    }
}

void CustomUrlPage::loadSelected()
{
    const QVariant id = m_recipes->currentData();
    if (!id.isValid())
        return;
    auto saved = m_scrapes.getRecipe(id.toLongLong());
    if (!saved) {
        m_message->setText(saved.error().userMessage());
        return;
    }
    m_recipeId = id.toLongLong();
    m_delete->setEnabled(true);
    m_name->setText(saved->value(QStringLiteral("name")).toString());
    QJsonObject recipe = saved->value(QStringLiteral("recipe")).toObject();
    recipe.remove(QStringLiteral("name"));
    setRecipeText(scraper::formatRecipe(recipe));
    const QString start = recipe.value(QStringLiteral("start_urls")).toArray().first().toString();
    m_message->setText(tr("Recipe \"%1\" loaded.").arg(m_name->text()));
    if (!start.isEmpty()) {
        m_url->setText(start);
        fetchAndThen(QUrl(start), false); // the preview on its first page
    }
}

void CustomUrlPage::saveRecipe()
{
    auto parsed = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8());
    if (!parsed.isObject()) {
        m_message->setText(tr("The recipe is not valid JSON yet: see the message under the editor."));
        return;
    }
    QJsonObject recipe = parsed.object();
    if (!recipe.contains(QStringLiteral("start_urls")) && !m_url->text().trimmed().isEmpty())
        recipe.insert(QStringLiteral("start_urls"), QJsonArray{m_url->text().trimmed()});
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("Give the recipe a name first."));
        m_name->setFocus();
        return;
    }
    // Saving under the loaded recipe's name replaces it; another name makes a new one.
    std::optional<qint64> replace;
    if (m_recipeId && m_recipes->currentText().compare(name, Qt::CaseInsensitive) == 0)
        replace = m_recipeId;
    auto saved = m_scrapes.saveRecipe(m_actor, {{QStringLiteral("name"), name}, {QStringLiteral("recipe"), recipe}}, replace);
    if (!saved) {
        m_message->setText(saved.error().userMessage());
        return;
    }
    m_recipeId = saved->value(QStringLiteral("id")).toInteger();
    m_delete->setEnabled(true);
    reloadRecipes(name);
    m_message->setText(tr("Recipe \"%1\" saved.").arg(name));
}

void CustomUrlPage::deleteRecipe()
{
    if (!m_recipeId)
        return;
    if (QMessageBox::question(this, tr("Delete recipe"), tr("Delete the recipe \"%1\"? Scrapes it ran keep their leads.").arg(m_recipes->currentText())) !=
        QMessageBox::Yes)
        return;
    if (auto done = m_scrapes.deleteRecipe(*m_recipeId); !done) {
        m_message->setText(done.error().userMessage());
        return;
    }
    m_recipeId.reset();
    m_delete->setEnabled(false);
    reloadRecipes();
    m_message->setText(tr("Recipe deleted."));
}

void CustomUrlPage::run()
{
    auto parsed = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8());
    if (!parsed.isObject())
        return;
    QJsonObject recipe = parsed.object();
    if (!m_name->text().trimmed().isEmpty())
        recipe.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (!recipe.contains(QStringLiteral("start_urls")) && !m_url->text().trimmed().isEmpty())
        recipe.insert(QStringLiteral("start_urls"), QJsonArray{m_url->text().trimmed()});
    auto job = m_scrapes.customUrlScrape(m_actor, {{QStringLiteral("recipe"), recipe}});
    if (!job) {
        m_message->setText(job.error().userMessage());
        return;
    }
    const qint64 id = job->value(QStringLiteral("id")).toInteger();
    m_message->setText(tr("Scrape %1 started: follow it in the jobs below.").arg(id));
    Q_EMIT scrapeStarted(id);
}

} // namespace fliptech::ui
