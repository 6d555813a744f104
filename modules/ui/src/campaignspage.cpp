#include "fliptech/ui/campaignspage.h"

#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/pageregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtCharts/QChartView>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

namespace {

const QStringList kLeadStatuses = {QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"), QStringLiteral("proposal")};

QString percent(const QJsonObject &rates, const char *key)
{
    return QStringLiteral("%1%").arg(rates.value(QLatin1String(key)).toDouble(), 0, 'f', 1);
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("draft"))
        return QObject::tr("Draft: not launched");
    if (status == QLatin1String("scheduled"))
        return QObject::tr("Scheduled");
    if (status == QLatin1String("running"))
        return QObject::tr("Sending");
    if (status == QLatin1String("paused"))
        return QObject::tr("Paused");
    if (status == QLatin1String("completed"))
        return QObject::tr("Completed");
    return status;
}

} // namespace

// ---- the wizard ------------------------------------------------------------------------------

CampaignWizard::CampaignWizard(engine::Engine &engine, leads::Actor actor, QWidget *parent)
    : QWizard(parent), m_engine(engine), m_actor(std::move(actor))
{
    setWindowTitle(tr("New campaign"));
    setObjectName(QStringLiteral("campaignWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);

    // 1. Audience.
    auto *audience = new QWizardPage(this);
    audience->setTitle(tr("Who receives it"));
    audience->setSubTitle(tr("Leads without an e-mail address, on the suppression list or excluded below are left out; an address shared by several leads gets one message."));
    m_name = new QLineEdit(audience);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(tr("e.g. Austin plumbers — outdated websites"));
    m_audienceKind = new QComboBox(audience);
    m_audienceKind->setObjectName(QStringLiteral("audienceKind"));
    m_audienceKind->addItem(tr("Every lead with an e-mail address"), QStringLiteral("all"));
    m_audienceKind->addItem(tr("Leads with the status…"), QStringLiteral("status"));
    m_audienceKind->addItem(tr("A saved segment…"), QStringLiteral("segment"));
    m_status = new QComboBox(audience);
    m_status->setObjectName(QStringLiteral("audienceStatus"));
    m_status->addItems(kLeadStatuses);
    m_segment = new QComboBox(audience);
    m_segment->setObjectName(QStringLiteral("audienceSegment"));
    if (auto segments = engine.segments().list(m_actor))
        for (const auto &s : *segments)
            m_segment->addItem(s.toObject().value(QStringLiteral("name")).toString(), s.toObject().value(QStringLiteral("id")).toInteger());
    m_contactedDays = new QSpinBox(audience);
    m_contactedDays->setObjectName(QStringLiteral("excludeContactedDays"));
    m_contactedDays->setRange(0, 365);
    m_contactedDays->setSpecialValueText(tr("no"));
    m_contactedDays->setSuffix(tr(" days"));
    m_otherCampaigns = new QCheckBox(tr("Leave out leads another running campaign is still writing to"), audience);
    m_otherCampaigns->setObjectName(QStringLiteral("excludeOtherCampaigns"));
    m_otherCampaigns->setChecked(true);
    m_count = new QLabel(audience);
    m_count->setObjectName(QStringLiteral("audienceCount"));
    m_count->setWordWrap(true);
    auto *af = new QFormLayout(audience);
    af->addRow(tr("&Name"), m_name);
    af->addRow(tr("&Send to"), m_audienceKind);
    af->addRow(tr("Status"), m_status);
    af->addRow(tr("Segment"), m_segment);
    af->addRow(tr("Leave out leads contacted in the last"), m_contactedDays);
    af->addRow(QString(), m_otherCampaigns);
    af->addRow(QString(), m_count);
    auto syncKind = [this, af] {
        const QString kind = m_audienceKind->currentData().toString();
        af->setRowVisible(m_status, kind == QLatin1String("status"));
        af->setRowVisible(m_segment, kind == QLatin1String("segment"));
    };
    syncKind();
    m_countDebounce = new QTimer(this);
    m_countDebounce->setSingleShot(true);
    m_countDebounce->setInterval(250);
    connect(m_countDebounce, &QTimer::timeout, this, &CampaignWizard::refreshCount);
    for (QComboBox *c : {m_audienceKind, m_status, m_segment})
        connect(c, &QComboBox::currentIndexChanged, this, [this, syncKind] {
            syncKind();
            m_countDebounce->start();
        });
    connect(m_contactedDays, &QSpinBox::valueChanged, m_countDebounce, qOverload<>(&QTimer::start));
    connect(m_otherCampaigns, &QCheckBox::toggled, m_countDebounce, qOverload<>(&QTimer::start));
    connect(&m_countWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
        const QJsonObject r = m_countWatcher.result();
        if (r.contains(QStringLiteral("error")))
            m_count->setText(r.value(QStringLiteral("error")).toString());
        else
            m_count->setText(tr("%n recipient(s)", nullptr, r.value(QStringLiteral("recipients")).toInt()) +
                             tr(" — left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address")
                                 .arg(r.value(QStringLiteral("without_email")).toInt())
                                 .arg(r.value(QStringLiteral("suppressed")).toInt())
                                 .arg(r.value(QStringLiteral("excluded")).toInt())
                                 .arg(r.value(QStringLiteral("duplicates")).toInt()));
    });
    addPage(audience);

    // 2. Steps.
    auto *stepsPage = new QWizardPage(this);
    stepsPage->setTitle(tr("What it sends"));
    stepsPage->setSubTitle(tr("The first message, then follow-ups that wait the days you set (sending days only) and go only to those who have not replied, "
                              "unsubscribed or bounced. A step with a B template is an A/B test."));
    m_steps = new QTableWidget(0, 3, stepsPage);
    m_steps->setObjectName(QStringLiteral("campaignSteps"));
    m_steps->setHorizontalHeaderLabels({tr("Template"), tr("Wait (sending days)"), tr("B template (A/B)")});
    m_steps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("&Add follow-up"), stepsPage);
    add->setObjectName(QStringLiteral("addStep"));
    auto *remove = new QPushButton(tr("&Remove step"), stepsPage);
    remove->setObjectName(QStringLiteral("removeStep"));
    connect(add, &QPushButton::clicked, this, &CampaignWizard::addStep);
    connect(remove, &QPushButton::clicked, this, &CampaignWizard::removeStep);
    m_abMetric = new QComboBox(stepsPage);
    m_abMetric->setObjectName(QStringLiteral("abMetric"));
    m_abMetric->addItem(tr("the better open rate"), QStringLiteral("open_rate"));
    m_abMetric->addItem(tr("the better reply rate"), QStringLiteral("reply_rate"));
    m_abSample = new QSpinBox(stepsPage);
    m_abSample->setObjectName(QStringLiteral("abSample"));
    m_abSample->setRange(1, 100000);
    m_abSample->setValue(50);
    m_abSample->setSuffix(tr(" recipients each"));
    auto *sl = new QVBoxLayout(stepsPage);
    sl->addWidget(m_steps, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    sl->addLayout(buttons);
    auto *ab = new QHBoxLayout;
    ab->addWidget(new QLabel(tr("A/B: try each template on"), stepsPage));
    ab->addWidget(m_abSample);
    ab->addWidget(new QLabel(tr("then send the rest"), stepsPage));
    ab->addWidget(m_abMetric);
    ab->addStretch(1);
    sl->addLayout(ab);
    addPage(stepsPage);
    addStep();

    // 3. Senders and hours.
    auto *sending = new QWizardPage(this);
    sending->setTitle(tr("From whom, and when"));
    sending->setSubTitle(tr("Several mailboxes take turns, each within its own daily and hourly caps. Hours are read in each recipient's time zone "
                            "(from the lead's location), or the mailbox's."));
    m_senders = new QListWidget(sending);
    m_senders->setObjectName(QStringLiteral("campaignSenders"));
    if (auto accounts = engine.senders().list())
        for (const auto &a : *accounts) {
            const QJsonObject o = a.toObject();
            auto *item = new QListWidgetItem(QStringLiteral("%1 <%2> — %3 a day").arg(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("from_email")).toString())
                                                 .arg(o.value(QStringLiteral("today_cap")).toInt()),
                                             m_senders);
            item->setData(Qt::UserRole, o.value(QStringLiteral("id")).toInteger());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(m_senders->count() == 1 ? Qt::Checked : Qt::Unchecked);
            if (!o.value(QStringLiteral("is_active")).toBool())
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
    auto *days = new QHBoxLayout;
    const QStringList dayNames{tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int d = 0; d < 7; ++d) {
        auto *box = new QCheckBox(dayNames.at(d), sending);
        box->setObjectName(QStringLiteral("day%1").arg(d + 1));
        box->setChecked(d < 5);
        m_days << box;
        days->addWidget(box);
    }
    days->addStretch(1);
    m_start = new QTimeEdit(QTime(9, 0), sending);
    m_start->setObjectName(QStringLiteral("windowStart"));
    m_end = new QTimeEdit(QTime(17, 0), sending);
    m_end->setObjectName(QStringLiteral("windowEnd"));
    m_zone = new QComboBox(sending);
    m_zone->setObjectName(QStringLiteral("windowZone"));
    m_zone->addItem(tr("each recipient's time zone"), QStringLiteral("recipient"));
    m_zone->addItem(tr("the mailbox's time zone"), QStringLiteral("account"));
    m_trackOpens = new QCheckBox(tr("Count opens (a tiny image)"), sending);
    m_trackOpens->setChecked(true);
    m_trackClicks = new QCheckBox(tr("Count clicks (links go through our address)"), sending);
    m_trackClicks->setChecked(true);
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_start);
    hours->addWidget(new QLabel(tr("to"), sending));
    hours->addWidget(m_end);
    hours->addWidget(new QLabel(tr("in"), sending));
    hours->addWidget(m_zone);
    hours->addStretch(1);
    auto *sf = new QFormLayout(sending);
    sf->addRow(tr("Send from"), m_senders);
    sf->addRow(tr("On"), days);
    sf->addRow(tr("Between"), hours);
    sf->addRow(QString(), m_trackOpens);
    sf->addRow(QString(), m_trackClicks);
    addPage(sending);

    // 4. Review.
    auto *review = new QWizardPage(this);
    review->setTitle(tr("Review"));
    review->setFinalPage(true);
    m_review = new QLabel(review);
    m_review->setObjectName(QStringLiteral("campaignReview"));
    m_review->setWordWrap(true);
    m_firstSends = new QListWidget(review);
    m_firstSends->setObjectName(QStringLiteral("campaignFirstSends"));
    m_launchNow = new QCheckBox(tr("&Launch when I click Finish (otherwise it is saved as a draft)"), review);
    m_launchNow->setObjectName(QStringLiteral("launchNow"));
    m_launchNow->setChecked(true);
    m_error = new QLabel(review);
    m_error->setObjectName(QStringLiteral("campaignError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));
    auto *rl = new QVBoxLayout(review);
    rl->addWidget(m_review);
    rl->addWidget(new QLabel(tr("First sends:"), review));
    rl->addWidget(m_firstSends, 1);
    rl->addWidget(m_launchNow);
    rl->addWidget(m_error);
    addPage(review);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (page(id) && page(id)->isFinalPage())
            fillReview();
    });
    m_countDebounce->start();
}

void CampaignWizard::addStep()
{
    const int row = m_steps->rowCount();
    m_steps->insertRow(row);
    auto *templ = new QComboBox(m_steps);
    auto *variantB = new QComboBox(m_steps);
    variantB->addItem(tr("(none)"), 0);
    if (auto list = m_engine.templates().list({{QStringLiteral("active"), true}}))
        for (const auto &t : *list) {
            templ->addItem(t.toObject().value(QStringLiteral("name")).toString(), t.toObject().value(QStringLiteral("id")).toInteger());
            variantB->addItem(t.toObject().value(QStringLiteral("name")).toString(), t.toObject().value(QStringLiteral("id")).toInteger());
        }
    if (templ->count() > row)
        templ->setCurrentIndex(row); // follow-ups default to the next template
    auto *wait = new QSpinBox(m_steps);
    wait->setRange(0, 365);
    wait->setValue(row == 0 ? 0 : 3);
    wait->setEnabled(row > 0);
    m_steps->setCellWidget(row, 0, templ);
    m_steps->setCellWidget(row, 1, wait);
    m_steps->setCellWidget(row, 2, variantB);
}

void CampaignWizard::removeStep()
{
    if (m_steps->rowCount() > 1)
        m_steps->removeRow(m_steps->currentRow() >= 0 ? m_steps->currentRow() : m_steps->rowCount() - 1);
}

QJsonObject CampaignWizard::fields() const
{
    QJsonObject filter;
    const QString kind = m_audienceKind->currentData().toString();
    QJsonObject audience;
    if (kind == QLatin1String("segment") && m_segment->currentIndex() >= 0)
        audience.insert(QStringLiteral("segment_id"), m_segment->currentData().toLongLong());
    else {
        if (kind == QLatin1String("status"))
            filter.insert(QStringLiteral("status"), m_status->currentText());
        filter.insert(QStringLiteral("has_email"), true);
        audience.insert(QStringLiteral("filter"), filter);
    }
    QJsonObject exclude;
    if (m_contactedDays->value() > 0)
        exclude.insert(QStringLiteral("contacted_within_days"), m_contactedDays->value());
    if (m_otherCampaigns->isChecked())
        exclude.insert(QStringLiteral("in_other_campaigns"), true);
    if (!exclude.isEmpty())
        audience.insert(QStringLiteral("exclude"), exclude);

    QJsonArray steps;
    for (int r = 0; r < m_steps->rowCount(); ++r) {
        auto *templ = qobject_cast<QComboBox *>(m_steps->cellWidget(r, 0));
        auto *wait = qobject_cast<QSpinBox *>(m_steps->cellWidget(r, 1));
        auto *b = qobject_cast<QComboBox *>(m_steps->cellWidget(r, 2));
        QJsonObject step{{QStringLiteral("delay_days"), r == 0 ? 0 : wait->value()}};
        const qint64 a = templ->currentData().toLongLong();
        const qint64 bId = b->currentData().toLongLong();
        if (bId > 0) {
            step.insert(QStringLiteral("variants"), QJsonArray{QJsonObject{{QStringLiteral("template_id"), a}}, QJsonObject{{QStringLiteral("template_id"), bId}}});
            step.insert(QStringLiteral("ab"), QJsonObject{{QStringLiteral("metric"), m_abMetric->currentData().toString()},
                                                          {QStringLiteral("sample_size"), m_abSample->value()}});
        } else {
            step.insert(QStringLiteral("template_id"), a > 0 ? QJsonValue(a) : QJsonValue());
        }
        steps.append(step);
    }
    QJsonArray senders;
    for (int i = 0; i < m_senders->count(); ++i)
        if (m_senders->item(i)->checkState() == Qt::Checked)
            senders.append(m_senders->item(i)->data(Qt::UserRole).toLongLong());
    QJsonArray days;
    static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int d = 0; d < 7; ++d)
        if (m_days.at(d)->isChecked())
            days.append(QLatin1String(names[d]));
    return {{QStringLiteral("name"), m_name->text().trimmed()},
            {QStringLiteral("audience"), audience},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("sender_account_ids"), senders},
            {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("days"), days},
                                                     {QStringLiteral("start"), m_start->time().toString(QStringLiteral("HH:mm"))},
                                                     {QStringLiteral("end"), m_end->time().toString(QStringLiteral("HH:mm"))},
                                                     {QStringLiteral("timezone"), m_zone->currentData().toString()}}},
            {QStringLiteral("track_opens"), m_trackOpens->isChecked()},
            {QStringLiteral("track_clicks"), m_trackClicks->isChecked()}};
}

void CampaignWizard::refreshCount()
{
    if (m_countWatcher.isRunning()) {
        m_countDebounce->start();
        return;
    }
    m_count->setText(tr("Counting…"));
    const QJsonObject f = fields();
    auto &service = m_engine.campaigns();
    m_countWatcher.setFuture(QtConcurrent::run([&service, f] {
        auto r = service.audiencePreview(f);
        return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().message}};
    }));
}

void CampaignWizard::fillReview()
{
    m_error->clear();
    m_firstSends->clear();
    const QJsonObject f = fields();
    auto preview = m_engine.campaigns().audiencePreview(f);
    if (!preview) {
        m_review->setText(preview.error().message);
        return;
    }
    QStringList senders;
    for (int i = 0; i < m_senders->count(); ++i)
        if (m_senders->item(i)->checkState() == Qt::Checked)
            senders << m_senders->item(i)->text();
    m_review->setText(tr("<b>%1</b> goes to <b>%n recipient(s)</b> in %2 step(s), from %3.", nullptr, preview->value(QStringLiteral("recipients")).toInt())
                          .arg(f.value(QStringLiteral("name")).toString().toHtmlEscaped())
                          .arg(f.value(QStringLiteral("steps")).toArray().size())
                          .arg(senders.isEmpty() ? tr("<i>no mailbox yet</i>") : senders.join(QStringLiteral(", ")).toHtmlEscaped()) +
                      QStringLiteral("<br>") +
                      tr("Left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address.")
                          .arg(preview->value(QStringLiteral("without_email")).toInt())
                          .arg(preview->value(QStringLiteral("suppressed")).toInt())
                          .arg(preview->value(QStringLiteral("excluded")).toInt())
                          .arg(preview->value(QStringLiteral("duplicates")).toInt()));
    for (const auto &s : preview->value(QStringLiteral("first_sends")).toArray()) {
        const QJsonObject o = s.toObject();
        const QDateTime at = QDateTime::fromString(o.value(QStringLiteral("first_send_at")).toString(), Qt::ISODateWithMs);
        const QTimeZone zone(o.value(QStringLiteral("timezone")).toString().toUtf8());
        m_firstSends->addItem(tr("%1 — %2 their time (%3)")
                                  .arg(o.value(QStringLiteral("email")).toString(), QLocale().toString(at.toTimeZone(zone), QLocale::ShortFormat),
                                       o.value(QStringLiteral("timezone")).toString()));
    }
}

bool CampaignWizard::validateCurrentPage()
{
    if (currentId() == 0 && m_name->text().trimmed().isEmpty()) {
        m_count->setText(tr("Give the campaign a name."));
        m_name->setFocus();
        return false;
    }
    if (!currentPage()->isFinalPage())
        return QWizard::validateCurrentPage();
    auto made = m_created ? m_engine.campaigns().update(m_actor, *m_created, fields()) : m_engine.campaigns().create(m_actor, fields());
    if (!made) {
        m_error->setText(made.error().message);
        return false;
    }
    m_created = made->value(QStringLiteral("id")).toInteger();
    if (m_launchNow->isChecked()) {
        auto launched = m_engine.campaigns().launch(m_actor, *m_created);
        if (!launched) {
            m_error->setText(tr("Saved as a draft, not launched: %1").arg(launched.error().message));
            return false;
        }
        m_waitsForApproval = launched->contains(QStringLiteral("approval"));
    }
    return true;
}

// ---- the page --------------------------------------------------------------------------------

CampaignsPage::CampaignsPage(engine::Engine &engine, leads::Actor actor, QWidget *parent) : QWidget(parent), m_engine(engine), m_actor(std::move(actor))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("campaignsSearch"));
    m_search->setPlaceholderText(tr("Search campaigns"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("campaignsList"));
    auto *newButton = new QPushButton(tr("&New campaign…"), this);
    newButton->setObjectName(QStringLiteral("campaignsNew"));
    newButton->setToolTip(tr("Ctrl+N"));
    connect(newButton, &QPushButton::clicked, this, [this] { newCampaign(); });
    auto *shortcut = new QShortcut(QKeySequence::New, this);
    connect(shortcut, &QShortcut::activated, this, [this] { newCampaign(); });
    connect(m_search, &QLineEdit::textChanged, this, &CampaignsPage::reload);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && (!m_id || *m_id != item->data(Qt::UserRole).toLongLong()))
            open(item->data(Qt::UserRole).toLongLong());
    });
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_search);
    ll->addWidget(m_list, 1);
    ll->addWidget(newButton);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("campaignTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("campaignStatus"));
    m_status->setWordWrap(true);
    auto button = [this](const QString &text, const char *name, const QString &action) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, [this, action] { act(action); });
        return b;
    };
    m_launch = button(tr("&Launch"), "campaignLaunch", QStringLiteral("launch"));
    m_pause = button(tr("&Pause"), "campaignPause", QStringLiteral("pause"));
    m_resume = button(tr("&Resume"), "campaignResume", QStringLiteral("resume"));
    m_delete = button(tr("&Delete"), "campaignDelete", QStringLiteral("delete"));
    m_test = new QPushButton(tr("Send &test…"), this);
    m_test->setObjectName(QStringLiteral("campaignTest"));
    connect(m_test, &QPushButton::clicked, this, &CampaignsPage::sendTest);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_launch, m_pause, m_resume, m_test, m_delete})
        actions->addWidget(b);
    actions->addStretch(1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("campaignProgress"));
    m_progress->setFormat(tr("%v of %m sent"));
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("campaignStats"));
    m_stats->setTextFormat(Qt::RichText);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("campaignChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    m_stepsTable = new QTableWidget(0, 6, this);
    m_stepsTable->setObjectName(QStringLiteral("campaignStepsTable"));
    m_stepsTable->setHorizontalHeaderLabels({tr("Step"), tr("Variant"), tr("Delivered"), tr("Open rate"), tr("Reply rate"), tr("Bounced")});
    m_stepsTable->horizontalHeader()->setStretchLastSection(true);
    m_stepsTable->verticalHeader()->setVisible(false);
    m_stepsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stepsTable->setMaximumHeight(140);
    m_heldBox = new QWidget(this);
    m_held = new QLabel(m_heldBox);
    m_held->setObjectName(QStringLiteral("campaignHeld"));
    m_held->setWordWrap(true);
    auto *hl = new QHBoxLayout(m_heldBox);
    hl->setContentsMargins(0, 0, 0, 0);
    hl->addWidget(m_held, 1);
    for (const auto &[text, name, action] : {std::tuple{tr("Mark sent"), "heldMarkSent", "mark_sent"}, std::tuple{tr("Resend"), "heldResend", "resend"},
                                             std::tuple{tr("Skip"), "heldSkip", "skip"}}) {
        auto *b = new QPushButton(text, m_heldBox);
        b->setObjectName(QLatin1String(name));
        const QString a = QLatin1String(action);
        connect(b, &QPushButton::clicked, this, [this, a] { resolveHeld(a); });
        hl->addWidget(b);
    }
    m_recipients = new QTableWidget(0, 5, this);
    m_recipients->setObjectName(QStringLiteral("campaignRecipients"));
    m_recipients->setHorizontalHeaderLabels({tr("Recipient"), tr("Status"), tr("Step"), tr("Sent"), tr("Note")});
    m_recipients->horizontalHeader()->setStretchLastSection(true);
    m_recipients->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_recipients->verticalHeader()->setVisible(false);
    m_recipients->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("campaignMessage"));
    m_message->setWordWrap(true);

    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_title);
    rl->addWidget(m_status);
    rl->addLayout(actions);
    rl->addWidget(m_progress);
    rl->addWidget(m_stats);
    rl->addWidget(m_heldBox);
    rl->addWidget(m_chart, 2);
    rl->addWidget(m_stepsTable);
    rl->addWidget(m_recipients, 1);
    rl->addWidget(m_message);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // Live: once a second while the open campaign sends, and on its events.
    m_live = new QTimer(this);
    m_live->setInterval(1000);
    connect(m_live, &QTimer::timeout, this, &CampaignsPage::refresh);
    connect(&engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == QLatin1String("campaigns") && m_id && e.payload.value(QStringLiteral("campaign_id")).toInteger() == *m_id)
            refresh();
    });
    reload();
}

void CampaignsPage::reload()
{
    const std::optional<qint64> keep = m_id;
    QJsonObject filter;
    if (!m_search->text().trimmed().isEmpty())
        filter.insert(QStringLiteral("q"), m_search->text().trimmed());
    auto list = m_engine.campaigns().list(filter);
    QSignalBlocker block(m_list);
    m_list->clear();
    if (!list) {
        m_message->setText(list.error().message);
        return;
    }
    for (const auto &c : *list) {
        const QJsonObject o = c.toObject();
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2 · %3 / %4").arg(o.value(QStringLiteral("name")).toString(), statusText(o.value(QStringLiteral("status")).toString()))
                                             .arg(o.value(QStringLiteral("emails_sent")).toInteger())
                                             .arg(o.value(QStringLiteral("total_recipients")).toInteger()),
                                         m_list);
        item->setData(Qt::UserRole, o.value(QStringLiteral("id")).toInteger());
        if (keep && *keep == o.value(QStringLiteral("id")).toInteger())
            m_list->setCurrentItem(item);
    }
    if (m_list->count() == 0) {
        m_id.reset();
        m_title->setText(tr("No campaigns yet"));
        m_status->setText(tr("Click “New campaign…” (Ctrl+N): choose who receives it, write the steps with your templates, pick the mailboxes and the hours, then launch."));
    } else if (!keep && m_list->count() > 0) {
        m_list->setCurrentRow(0);
        open(m_list->item(0)->data(Qt::UserRole).toLongLong());
        return;
    }
    refresh();
}

void CampaignsPage::open(qint64 id)
{
    m_id = id;
    m_message->clear();
    refresh();
}

std::optional<qint64> CampaignsPage::newCampaign()
{
    CampaignWizard wizard(m_engine, m_actor, this);
    if (wizard.exec() != QDialog::Accepted || !wizard.createdId())
        return std::nullopt;
    m_id = wizard.createdId();
    reload();
    if (wizard.waitsForApproval())
        m_message->setText(tr("Saved. Its launch waits for an administrator's approval (Automation → Approvals)."));
    return m_id;
}

void CampaignsPage::refresh()
{
    const bool has = m_id.has_value();
    for (QWidget *w : {static_cast<QWidget *>(m_test), static_cast<QWidget *>(m_progress), static_cast<QWidget *>(m_chart),
                       static_cast<QWidget *>(m_stepsTable), static_cast<QWidget *>(m_recipients), static_cast<QWidget *>(m_stats)})
        w->setVisible(has);
    if (!has) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_launch, m_pause, m_resume, m_delete, m_heldBox})
            w->setVisible(false);
        m_live->stop();
        return;
    }
    auto c = m_engine.campaigns().get(*m_id);
    if (!c) {
        m_message->setText(c.error().message);
        m_id.reset();
        return;
    }
    auto s = m_engine.campaigns().stats(*m_id);
    const QString status = c->value(QStringLiteral("status")).toString();
    m_title->setText(c->value(QStringLiteral("name")).toString());
    QString line = statusText(status);
    if (const QString error = c->value(QStringLiteral("last_error")).toString(); !error.isEmpty())
        line += QStringLiteral(" — ") + error;
    else if (status == QLatin1String("scheduled"))
        line += QStringLiteral(" — ") + tr("starts %1").arg(QLocale().toString(QDateTime::fromString(c->value(QStringLiteral("scheduled_at")).toString(), Qt::ISODateWithMs).toLocalTime(), QLocale::ShortFormat));
    m_status->setText(line);
    m_launch->setVisible(status == QLatin1String("draft"));
    m_pause->setVisible(status == QLatin1String("running") || status == QLatin1String("scheduled"));
    m_resume->setVisible(status == QLatin1String("paused"));
    m_delete->setVisible(status != QLatin1String("running") && status != QLatin1String("scheduled"));
    if (QListWidgetItem *item = m_list->currentItem(); item && item->data(Qt::UserRole).toLongLong() == *m_id)
        item->setText(QStringLiteral("%1\n%2 · %3 / %4").arg(c->value(QStringLiteral("name")).toString(), statusText(status))
                          .arg(c->value(QStringLiteral("emails_sent")).toInteger())
                          .arg(c->value(QStringLiteral("total_recipients")).toInteger()));
    const qint64 total = c->value(QStringLiteral("total_recipients")).toInteger() * qMax<qsizetype>(1, c->value(QStringLiteral("steps")).toArray().size());
    if (s) {
        const QJsonObject rates = s->value(QStringLiteral("rates")).toObject();
        const qint64 done = s->value(QStringLiteral("sent")).toInteger() + s->value(QStringLiteral("failed")).toInteger();
        m_progress->setRange(0, int(qMax<qint64>(1, total)));
        m_progress->setValue(int(qMin(done, total)));
        m_stats->setText(tr("Delivered <b>%1</b> · Opened <b>%2</b> (%3) · Clicked <b>%4</b> (%5) · Replied <b>%6</b> (%7) · Bounced <b>%8</b> (%9) · Unsubscribed <b>%10</b>")
                             .arg(s->value(QStringLiteral("delivered")).toInteger())
                             .arg(s->value(QStringLiteral("opened")).toInteger())
                             .arg(percent(rates, "open_rate"))
                             .arg(s->value(QStringLiteral("clicked")).toInteger())
                             .arg(percent(rates, "click_rate"))
                             .arg(s->value(QStringLiteral("replied")).toInteger())
                             .arg(percent(rates, "reply_rate"))
                             .arg(s->value(QStringLiteral("bounced")).toInteger())
                             .arg(percent(rates, "bounce_rate"))
                             .arg(s->value(QStringLiteral("unsubscribed")).toInteger()));
        const int held = s->value(QStringLiteral("recipients")).toObject().value(QStringLiteral("held")).toInt();
        m_heldBox->setVisible(held > 0);
        m_held->setText(tr("%n message(s) were cut off mid-send (the application stopped): they may have gone out. Check the mailbox's Sent folder, then:", nullptr, held));
        // Steps and variants.
        const QJsonArray stepsSpec = c->value(QStringLiteral("steps")).toArray();
        m_stepsTable->setRowCount(0);
        for (const auto &step : s->value(QStringLiteral("steps")).toArray()) {
            const QJsonObject st = step.toObject();
            const int n = st.value(QStringLiteral("step")).toInt();
            const QString winner = stepsSpec.at(n).toObject().value(QStringLiteral("ab")).toObject().value(QStringLiteral("winner")).toString();
            for (const auto &v : st.value(QStringLiteral("variants")).toArray()) {
                const QJsonObject vo = v.toObject();
                const int row = m_stepsTable->rowCount();
                m_stepsTable->insertRow(row);
                const QJsonObject r = vo.value(QStringLiteral("rates")).toObject();
                const QString label = vo.value(QStringLiteral("label")).toString();
                const QStringList cells{QString::number(n + 1), label + (label == winner ? tr(" (winner)") : QString()),
                                        QString::number(vo.value(QStringLiteral("delivered")).toInteger()), percent(r, "open_rate"), percent(r, "reply_rate"),
                                        QString::number(vo.value(QStringLiteral("bounced")).toInteger())};
                for (int col = 0; col < cells.size(); ++col)
                    m_stepsTable->setItem(row, col, new QTableWidgetItem(cells.at(col)));
            }
        }
    }
    if (auto timeline = m_engine.campaigns().timeline(*m_id))
        showChart(*timeline);
    if (auto rows = m_engine.campaigns().recipients(*m_id, {{QStringLiteral("limit"), 200}})) {
        m_recipients->setRowCount(int(rows->size()));
        for (int i = 0; i < rows->size(); ++i) {
            const QJsonObject r = rows->at(i).toObject();
            const QString sent = r.value(QStringLiteral("sent_at")).toString();
            auto local = [](const QString &iso) { return QLocale().toString(QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime(), QLocale::ShortFormat); };
            QString note = r.value(QStringLiteral("error")).toString();
            if (note.isEmpty() && r.value(QStringLiteral("status")).toString() == QLatin1String("pending") && !r.value(QStringLiteral("next_send_at")).toString().isEmpty())
                note = tr("next message %1").arg(local(r.value(QStringLiteral("next_send_at")).toString()));
            const QStringList cells{r.value(QStringLiteral("email")).toString(), r.value(QStringLiteral("status")).toString(),
                                    QString::number(r.value(QStringLiteral("step")).toInt() + 1), sent.isEmpty() ? QString() : local(sent), note};
            for (int col = 0; col < cells.size(); ++col)
                m_recipients->setItem(i, col, new QTableWidgetItem(cells.at(col)));
        }
    }
    if (status == QLatin1String("running") || status == QLatin1String("scheduled"))
        m_live->start();
    else
        m_live->stop();
}

void CampaignsPage::showChart(const QJsonArray &timeline)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Sent, opened, clicked and replied per hour"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM d HH:mm"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 top = 1;
    for (const auto &[key, label] : {std::pair{"sent", tr("Sent")}, std::pair{"opened", tr("Opened")}, std::pair{"clicked", tr("Clicked")},
                                     std::pair{"replied", tr("Replied")}}) {
        auto *series = new QLineSeries;
        series->setName(label);
        series->setPointsVisible(true); // one hour of sending is one point
        for (const auto &b : timeline) {
            const QJsonObject o = b.toObject();
            const qint64 v = o.value(QLatin1String(key)).toInteger();
            top = qMax(top, v);
            series->append(double(QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate).toMSecsSinceEpoch()), double(v));
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    y->setRange(0, double(top));
    y->setTickCount(int(qMin<qint64>(top, 5)) + 1); // whole numbers only
    if (!timeline.isEmpty()) {
        const QDateTime first = QDateTime::fromString(timeline.first().toObject().value(QStringLiteral("at")).toString(), Qt::ISODate);
        const QDateTime last = QDateTime::fromString(timeline.last().toObject().value(QStringLiteral("at")).toString(), Qt::ISODate);
        x->setRange(first.addSecs(-1800), last.addSecs(1800));
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void CampaignsPage::act(const QString &action)
{
    if (!m_id)
        return;
    core::Result<QJsonObject> r = core::makeError(core::ErrorCode::Internal, QString());
    auto &service = m_engine.campaigns();
    if (action == QLatin1String("launch")) {
        auto audience = service.audiencePreview({}, *m_id);
        const int n = audience ? audience->value(QStringLiteral("recipients")).toInt() : 0;
        if (QMessageBox::question(this, tr("Launch campaign"), tr("Start sending to %n recipient(s)?", nullptr, n)) != QMessageBox::Yes)
            return;
        r = service.launch(m_actor, *m_id);
        if (r && r->contains(QStringLiteral("approval"))) {
            m_message->setText(tr("Waiting for an administrator's approval (Automation → Approvals): a launch to %n recipient(s) needs one.", nullptr, n));
            reload();
            return;
        }
    } else if (action == QLatin1String("pause")) {
        r = service.pause(*m_id);
    } else if (action == QLatin1String("resume")) {
        r = service.resume(*m_id);
    } else if (action == QLatin1String("delete")) {
        if (QMessageBox::question(this, tr("Delete campaign"), tr("Delete “%1” and its numbers? This cannot be undone.").arg(m_title->text())) != QMessageBox::Yes)
            return;
        if (auto done = service.remove(*m_id); !done) {
            m_message->setText(done.error().message);
            return;
        }
        m_id.reset();
        reload();
        return;
    }
    m_message->setText(r ? QString() : r.error().message);
    reload();
}

void CampaignsPage::resolveHeld(const QString &action)
{
    if (!m_id)
        return;
    auto r = m_engine.campaigns().resolveHeld(*m_id, {{QStringLiteral("all"), true}, {QStringLiteral("action"), action}});
    m_message->setText(r ? tr("%n message(s) resolved.", nullptr, r->value(QStringLiteral("affected")).toInt()) : r.error().message);
    refresh();
}

void CampaignsPage::sendTest()
{
    if (!m_id)
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Send a test"), tr("Send the first step, as a sample lead gets it, to:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || to.trimmed().isEmpty())
        return;
    auto r = m_engine.campaigns().sendTest(*m_id, {{QStringLiteral("to"), QJsonArray{to.trimmed()}}});
    m_message->setText(r ? tr("Test sent to %1 (“%2”).").arg(to.trimmed(), r->value(QStringLiteral("subject")).toString()) : r.error().message);
}

void registerCampaignsPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("campaigns"));
    registry.add(PageInfo{QStringLiteral("campaigns"), placeholder ? placeholder->title : QObject::tr("Campaigns"), QStringLiteral("campaigns"),
                          placeholder ? placeholder->order : 40, [](PageContext &context, QWidget *parent) -> QWidget * {
                              const leads::Actor actor = context.principal ? leads::Actor::of(*context.principal) : leads::Actor::system();
                              return new CampaignsPage(context.engine, actor, parent);
                          }});
}

} // namespace fliptech::ui
