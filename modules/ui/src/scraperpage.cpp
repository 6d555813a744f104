#include "fliptech/ui/scraperpage.h"

#include "fliptech/engine/engine.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/scraper/craigslistsearch.h"
#include "fliptech/scraper/scrapeservice.h"
#include "fliptech/ui/customurlpage.h"
#include "fliptech/ui/pageregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
enum Column { Id, Searches, Status, Progress, Pages, Leads, Errors, ColumnCount };
}

ScraperPage::ScraperPage(scraper::ScrapeService &scrapes, net::HttpClient &http, leads::Actor actor, QWidget *parent,
                         leads::LocationService *locations)
    : QWidget(parent), m_scrapes(scrapes), m_actor(std::move(actor))
{
    auto *form = new QFormLayout;
    m_sites = new QLineEdit(this);
    m_sites->setObjectName(QStringLiteral("scraperSites"));
    m_sites->setPlaceholderText(tr("austin, dallas, houston"));
    m_sites->setToolTip(tr("Craigslist sites, as in https://<site>.craigslist.org, separated by commas"));
    // A location group adds its locations' sites (a location's code is its Craigslist site).
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("scraperGroup"));
    m_group->addItem(tr("no location group"));
    m_group->setToolTip(tr("Scrape every location of a group too (groups are made on the Leads page's locations)"));
    if (locations)
        if (auto groups = locations->groups(); groups)
            for (const auto &g : *groups) {
                const QJsonObject group = g.toObject();
                QStringList codes;
                for (const auto &m : group.value(QStringLiteral("locations")).toArray())
                    if (const QString code = m.toObject().value(QStringLiteral("code")).toString(); !code.isEmpty())
                        codes << code;
                m_group->addItem(tr("%1 (%2)").arg(group.value(QStringLiteral("name")).toString(), codes.join(QStringLiteral(", "))),
                                 group.value(QStringLiteral("id")).toInteger());
            }
    m_group->setVisible(m_group->count() > 1);
    auto *sitesRow = new QHBoxLayout;
    sitesRow->addWidget(m_sites, 1);
    sitesRow->addWidget(m_group);
    auto *sitesLabel = new QLabel(tr("&Sites"), this);
    sitesLabel->setBuddy(m_sites); // a row of two: the label's shortcut goes to the first
    form->addRow(sitesLabel, sitesRow);
    // Categories: one or several (Ctrl+click), services first.
    m_categories = new QListWidget(this);
    m_categories->setObjectName(QStringLiteral("scraperCategories"));
    m_categories->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_categories->setToolTip(tr("Ctrl+click to scrape several categories at once (up to 10)"));
    for (const auto &c : scraper::craigslistCategories()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2 (%3)").arg(c.group, c.name, c.code), m_categories);
        item->setData(Qt::UserRole, c.code);
    }
    m_categories->setCurrentRow(0);
    m_categories->setMaximumHeight(m_categories->sizeHintForRow(0) * 5 + 2 * m_categories->frameWidth());
    form->addRow(tr("&Categories"), m_categories);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("scraperQuery"));
    m_query->setPlaceholderText(tr("keywords (optional), e.g. plumber"));
    form->addRow(tr("&Keywords"), m_query);
    auto *switches = new QHBoxLayout;
    m_postedToday = new QCheckBox(tr("Posted &today"), this);
    m_hasImage = new QCheckBox(tr("Has &image"), this);
    m_obeyRobots = new QCheckBox(tr("Obey &robots.txt"), this);
    m_obeyRobots->setObjectName(QStringLiteral("scraperObeyRobots"));
    m_obeyRobots->setChecked(true);
    m_postings = new QCheckBox(tr("Read each &posting (phone, e-mail, text)"), this);
    m_postings->setObjectName(QStringLiteral("scraperPostings"));
    m_postings->setToolTip(tr("Fetch every new listing's page too: slower, but the lead gets its contacts"));
    switches->addWidget(m_postedToday);
    switches->addWidget(m_hasImage);
    switches->addWidget(m_obeyRobots);
    switches->addWidget(m_postings);
    switches->addStretch();
    form->addRow(QString(), switches);
    m_pages = new QSpinBox(this);
    m_pages->setObjectName(QStringLiteral("scraperPages"));
    m_pages->setRange(1, 100);
    m_pages->setValue(3);
    m_pages->setMaximumWidth(120);
    m_pages->setToolTip(tr("Result pages to read for each site and category (120 listings a page)"));
    form->addRow(tr("&Pages per search"), m_pages);

    m_run = new QPushButton(tr("&Run now"), this);
    m_run->setObjectName(QStringLiteral("scraperRun"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Start the scrape (Ctrl+Return)"));
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &ScraperPage::run);
    connect(m_run, &QPushButton::clicked, this, &ScraperPage::run);
    connect(m_sites, &QLineEdit::returnPressed, this, &ScraperPage::run);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("scraperMessage"));
    m_message->setWordWrap(true);

    m_jobs = new QTableWidget(0, ColumnCount, this);
    m_jobs->setObjectName(QStringLiteral("scraperJobs"));
    m_jobs->setHorizontalHeaderLabels({tr("Job"), tr("Searches"), tr("Status"), tr("Progress"), tr("Pages"), tr("Leads found"), tr("Errors")});
    m_jobs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobs->verticalHeader()->hide();
    m_jobs->horizontalHeader()->setSectionResizeMode(Errors, QHeaderView::Stretch);
    // What a selected job can do next (each button enabled only when it applies).
    auto button = [this](const QString &text, const char *name, const QString &tip, Action action) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        b->setEnabled(false);
        connect(b, &QPushButton::clicked, this, [this, action] { actOnSelected(action); });
        return b;
    };
    m_pause = button(tr("&Pause"), "scraperPause", tr("Stop after the pages being fetched; Resume goes on from there"), Action::Pause);
    m_resume = button(tr("Res&ume"), "scraperResume", tr("Go on from where the scrape stopped (pages stored are not fetched again)"), Action::Resume);
    m_retry = button(tr("Retry &failed pages"), "scraperRetry", tr("Fetch the pages that failed again"), Action::RetryFailed);
    m_cancel = button(tr("&Cancel job"), "scraperCancel", tr("Stop the scrape for good (it can still be resumed)"), Action::Cancel);
    connect(m_jobs, &QTableWidget::itemSelectionChanged, this, &ScraperPage::updateActions);
    connect(m_jobs, &QTableWidget::itemSelectionChanged, this, &ScraperPage::refreshResults);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_message, 1);
    auto *jobsBar = new QHBoxLayout;
    jobsBar->addWidget(new QLabel(tr("<b>Scrape jobs</b>"), this));
    jobsBar->addStretch();
    jobsBar->addWidget(m_pause);
    jobsBar->addWidget(m_resume);
    jobsBar->addWidget(m_retry);
    jobsBar->addWidget(m_cancel);
    // What to scrape, one tab a source; the jobs of every source below.
    auto *craigslist = new QWidget(this);
    auto *craigslistLayout = new QVBoxLayout(craigslist);
    craigslistLayout->addWidget(new QLabel(tr("Businesses advertising services are the leads: each listing becomes a lead "
                                              "(source craigslist); a listing found again updates its lead."),
                                           craigslist));
    craigslistLayout->addLayout(form);
    craigslistLayout->addLayout(buttons);
    craigslistLayout->addStretch();
    m_customUrl = new CustomUrlPage(scrapes, http, m_actor, this);
    connect(m_customUrl, &CustomUrlPage::scrapeStarted, this, [this] { refresh(); });
    m_sources = new QTabWidget(this);
    m_sources->setObjectName(QStringLiteral("scraperSources"));
    m_sources->addTab(craigslist, tr("Craigslist"));
    m_sources->addTab(m_customUrl, tr("Custom URL"));
    m_sources->setTabToolTip(1, tr("Any page that lists businesses: a recipe says how to read it"));
    // The selected job's leads, as they come in.
    m_results = new QTableWidget(0, 4, this);
    m_results->setObjectName(QStringLiteral("scraperResults"));
    m_results->setHorizontalHeaderLabels({tr("Lead"), tr("E-mail"), tr("Phone"), tr("Found at")});
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_resultsTitle = new QLabel(tr("<b>Leads found</b> (select a job)"), this);
    auto *resultsArea = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsArea);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_resultsTitle);
    resultsLayout->addWidget(m_results, 1);
    auto *jobsList = new QWidget(this);
    auto *jobsListLayout = new QVBoxLayout(jobsList);
    jobsListLayout->setContentsMargins(0, 0, 0, 0);
    jobsListLayout->addLayout(jobsBar);
    jobsListLayout->addWidget(m_jobs, 1);
    auto *jobsArea = new QSplitter(Qt::Horizontal, this);
    jobsArea->addWidget(jobsList);
    jobsArea->addWidget(resultsArea);
    jobsArea->setStretchFactor(0, 3);
    jobsArea->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_sources);
    split->addWidget(jobsArea);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);

    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &ScraperPage::refresh);
    m_timer->start(500);
    refresh();
}

void ScraperPage::run()
{
    QJsonArray sites;
    for (const QString &s : m_sites->text().split(u',', Qt::SkipEmptyParts))
        if (!s.trimmed().isEmpty())
            sites.append(s.trimmed().toLower());
    const QVariant group = m_group->currentData();
    if (sites.isEmpty() && !group.isValid()) {
        m_message->setText(tr("Name at least one Craigslist site, e.g. austin, or choose a location group."));
        m_sites->setFocus();
        return;
    }
    QJsonArray categories;
    for (const QListWidgetItem *item : m_categories->selectedItems())
        categories.append(item->data(Qt::UserRole).toString());
    if (categories.isEmpty()) {
        m_message->setText(tr("Choose at least one category."));
        m_categories->setFocus();
        return;
    }
    QJsonObject config{{QStringLiteral("sites"), sites},
                       {QStringLiteral("categories"), categories},
                       {QStringLiteral("posted_today"), m_postedToday->isChecked()},
                       {QStringLiteral("has_image"), m_hasImage->isChecked()},
                       {QStringLiteral("max_pages"), m_pages->value()},
                       {QStringLiteral("obey_robots"), m_obeyRobots->isChecked()},
                       {QStringLiteral("fetch_postings"), m_postings->isChecked()}};
    if (!m_query->text().trimmed().isEmpty())
        config.insert(QStringLiteral("query"), m_query->text().trimmed());
    if (group.isValid())
        config.insert(QStringLiteral("location_group_ids"), QJsonArray{group.toLongLong()});
    auto job = m_scrapes.createCraigslist(m_actor, config);
    if (!job) {
        m_message->setText(job.error().userMessage());
        return;
    }
    m_message->setText(tr("Scrape %1 started.").arg(job->value(QStringLiteral("id")).toInteger()));
    refresh();
}

void ScraperPage::actOnSelected(Action action)
{
    const int row = m_jobs->currentRow();
    if (row < 0 || !m_jobs->item(row, Id))
        return;
    const qint64 id = m_jobs->item(row, Id)->data(Qt::UserRole).toLongLong();
    core::Result<QJsonObject> done = core::makeError(core::ErrorCode::Internal, QString());
    QString said;
    switch (action) {
    case Action::Pause:
        done = m_scrapes.pause(id);
        said = tr("Scrape %1 pauses after the pages it is fetching.").arg(id);
        break;
    case Action::Resume:
        done = m_scrapes.resume(id);
        said = tr("Scrape %1 goes on.").arg(id);
        break;
    case Action::RetryFailed:
        done = m_scrapes.retryFailed(id);
        said = tr("Scrape %1 fetches its failed pages again.").arg(id);
        break;
    case Action::Cancel:
        done = m_scrapes.cancel(id);
        said = tr("Scrape %1: cancel asked.").arg(id);
        break;
    }
    m_message->setText(done ? said : done.error().userMessage());
    refresh();
}

void ScraperPage::updateActions()
{
    const int row = m_jobs->currentRow();
    const QString status = row >= 0 && m_jobs->item(row, Status) ? m_jobs->item(row, Status)->data(Qt::UserRole).toString() : QString();
    const bool errors = row >= 0 && m_jobs->item(row, Errors) && !m_jobs->item(row, Errors)->text().isEmpty();
    const bool live = status == QLatin1String("pending") || status == QLatin1String("running");
    m_pause->setEnabled(live);
    m_cancel->setEnabled(live || status == QLatin1String("paused"));
    m_resume->setEnabled(status == QLatin1String("paused") || status == QLatin1String("cancelled") || status == QLatin1String("failed"));
    m_retry->setEnabled(!live && !status.isEmpty() && errors);
}

void ScraperPage::refreshResults()
{
    const int row = m_jobs->currentRow();
    if (row < 0 || !m_jobs->item(row, Id)) {
        m_results->setRowCount(0);
        m_resultsTitle->setText(tr("<b>Leads found</b> (select a job)"));
        return;
    }
    const qint64 id = m_jobs->item(row, Id)->data(Qt::UserRole).toLongLong();
    auto leads = m_scrapes.jobLeads(id, 200);
    if (!leads)
        return;
    m_resultsTitle->setText(tr("<b>Leads found by scrape %1</b> (newest first)").arg(id));
    m_results->setRowCount(int(leads->size()));
    const QLocale locale;
    for (int r = 0; r < leads->size(); ++r) {
        const QJsonObject l = leads->at(r).toObject();
        const QStringList cells{l.value(QStringLiteral("name")).toString(), l.value(QStringLiteral("email")).toString(),
                                l.value(QStringLiteral("phone")).toString(),
                                locale.toString(QDateTime::fromString(l.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toLocalTime(),
                                                QLocale::ShortFormat)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = m_results->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_results->setItem(r, c, item);
            }
            item->setText(cells.at(c));
            if (c == 0)
                item->setToolTip(l.value(QStringLiteral("source_url")).toString());
        }
    }
}

void ScraperPage::refresh()
{
    auto jobs = m_scrapes.list(100);
    if (!jobs) {
        m_message->setText(jobs.error().userMessage());
        return;
    }
    const int selected = m_jobs->currentRow() >= 0 && m_jobs->item(m_jobs->currentRow(), Id)
        ? m_jobs->item(m_jobs->currentRow(), Id)->data(Qt::UserRole).toInt()
        : -1;
    m_jobs->setRowCount(int(jobs->size()));
    bool active = false;
    const QLocale locale;
    for (int r = 0; r < jobs->size(); ++r) {
        const QJsonObject j = jobs->at(r).toObject();
        const QJsonObject config = j.value(QStringLiteral("config")).toObject();
        QStringList searches;
        if (const QJsonObject recipe = config.value(QStringLiteral("recipe")).toObject(); !recipe.isEmpty()) {
            QStringList hosts;
            for (const auto &u : recipe.value(QStringLiteral("start_urls")).toArray())
                hosts << QUrl(u.toString()).host();
            hosts.removeDuplicates();
            const QString name = recipe.value(QStringLiteral("name")).toString();
            searches << (name.isEmpty() ? hosts.join(QStringLiteral(", ")) : QStringLiteral("%1 (%2)").arg(name, hosts.join(QStringLiteral(", "))));
        }
        for (const auto &s : config.value(QStringLiteral("sites")).toArray())
            for (const auto &c : config.value(QStringLiteral("categories")).toArray())
                searches << s.toString() + u'/' + c.toString();
        const QString status = j.value(QStringLiteral("status")).toString();
        active |= status == QLatin1String("pending") || status == QLatin1String("running");
        auto set = [&](int column, const QString &text, const QVariant &data = {}) {
            auto *item = m_jobs->item(r, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_jobs->setItem(r, column, item);
            }
            item->setText(text);
            item->setData(Qt::UserRole, data);
        };
        const qint64 id = j.value(QStringLiteral("id")).toInteger();
        set(Id, QString::number(id), id);
        set(Searches, searches.join(QStringLiteral(", ")));
        set(Status, status, status);
        auto *bar = qobject_cast<QProgressBar *>(m_jobs->cellWidget(r, Progress));
        if (!bar) {
            bar = new QProgressBar;
            bar->setRange(0, 100);
            m_jobs->setCellWidget(r, Progress, bar);
        }
        bar->setValue(j.value(QStringLiteral("progress")).toInt());
        set(Pages, locale.toString(j.value(QStringLiteral("pages_fetched")).toInt()));
        set(Leads, locale.toString(j.value(QStringLiteral("leads_found")).toInt()));
        set(Errors, j.value(QStringLiteral("error_message")).toString());
        if (id == selected)
            m_jobs->selectRow(r);
    }
    m_timer->setInterval(active ? 500 : 5000);
    updateActions();
    refreshResults();
}

void registerScraperPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("scraper"));
    registry.add(PageInfo{QStringLiteral("scraper"), placeholder ? placeholder->title : QObject::tr("Scraper"), QStringLiteral("scraper"),
                          placeholder ? placeholder->order : 30, [](PageContext &context, QWidget *parent) -> QWidget * {
                              const leads::Actor actor =
                                  context.principal ? leads::Actor::of(*context.principal) : leads::Actor::system();
                              return new ScraperPage(context.engine.scrapes(), context.engine.http(), actor, parent, &context.engine.locations());
                          }});
}

} // namespace fliptech::ui
