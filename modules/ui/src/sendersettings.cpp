#include "fliptech/ui/sendersettings.h"

#include "fliptech/campaigns/campaignservice.h"
#include "fliptech/campaigns/senderaccounts.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

SenderSettings::SenderSettings(campaigns::SenderAccountService &senders, bool canChange, QWidget *parent, campaigns::CampaignService *campaigns)
    : QWidget(parent), m_senders(senders), m_canChange(canChange)
{
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("sendersTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Sends from"), tr("Provider"), tr("Today's cap"), tr("Password / key")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && m_table->item(row, 0))
            open(m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    auto line = [this](const char *name, const QString &placeholder = {}) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        return e;
    };
    auto spin = [this](const char *name, int min, int max, int value, const QString &suffix = {}) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(min, max);
        s->setValue(value);
        s->setSuffix(suffix);
        return s;
    };
    m_name = line("senderName", tr("e.g. Sam's Gmail"));
    m_from = line("senderFrom", tr("sam@yourstudio.com"));
    m_fromName = line("senderFromName", tr("Sam from Your Studio"));
    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("senderProvider"));
    m_provider->addItem(tr("SMTP mailbox"), QStringLiteral("smtp"));
    m_provider->addItem(tr("SendGrid"), QStringLiteral("sendgrid"));
    m_provider->addItem(tr("Mailgun"), QStringLiteral("mailgun"));
    m_host = line("senderHost", tr("smtp.gmail.com"));
    m_port = spin("senderPort", 1, 65535, 587);
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("senderSecurity"));
    m_security->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (port 465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None (a local relay only)"), QStringLiteral("none"));
    connect(m_security, &QComboBox::activated, this, [this] {
        const QString s = m_security->currentData().toString();
        if (s == QLatin1String("tls") && m_port->value() == 587)
            m_port->setValue(465);
        if (s == QLatin1String("starttls") && m_port->value() == 465)
            m_port->setValue(587);
    });
    m_user = line("senderUser", tr("usually the address itself"));
    m_password = line("senderPassword");
    m_password->setEchoMode(QLineEdit::Password);
    m_apiKey = line("senderApiKey");
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_baseUrl = line("senderBaseUrl", tr("the provider's own (leave empty)"));
    m_domain = line("senderDomain", tr("mg.yourstudio.com"));
    m_daily = spin("senderDaily", 1, 100000, 200, tr(" a day"));
    m_hourly = spin("senderHourly", 1, 10000, 30, tr(" an hour"));
    m_gap = spin("senderGap", 0, 86400, 60, tr(" s between sends"));
    m_rampStart = spin("senderRampStart", 0, 100000, 0, tr(" on day one"));
    m_rampStart->setSpecialValueText(tr("no ramp"));
    m_rampPerDay = spin("senderRampPerDay", 0, 100000, 0, tr(" more each day"));
    m_timezone = line("senderTimezone", QStringLiteral("America/Chicago"));
    m_timezone->setText(QStringLiteral("UTC"));
    connect(m_provider, &QComboBox::currentIndexChanged, this, &SenderSettings::updateProviderFields);
    m_imapHost = line("senderImapHost", tr("imap.gmail.com (where bounces come back)"));
    m_imapPort = spin("senderImapPort", 1, 65535, 993);
    m_imapSecurity = new QComboBox(this);
    m_imapSecurity->setObjectName(QStringLiteral("senderImapSecurity"));
    m_imapSecurity->addItem(tr("TLS (port 993)"), QStringLiteral("tls"));
    m_imapSecurity->addItem(tr("STARTTLS (port 143)"), QStringLiteral("starttls"));
    m_imapSecurity->addItem(tr("None (a local server only)"), QStringLiteral("none"));
    m_imapUser = line("senderImapUser", tr("the SMTP user when empty"));
    m_inboxMinutes = spin("senderInboxMinutes", -1, 1440, -1, tr(" min"));
    m_inboxMinutes->setSpecialValueText(tr("the default"));
    m_inboxMinutes->setToolTip(tr("How often the inbox is read for replies: the default (every few minutes), a number of minutes, or 0 for only when you press Check mail"));
    m_campaigns = campaigns;

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Sends from"), m_from);
    form->addRow(tr("Sender name"), m_fromName);
    form->addRow(tr("Provider"), m_provider);
    auto *server = new QHBoxLayout;
    server->addWidget(m_host, 1);
    server->addWidget(m_port);
    server->addWidget(m_security);
    form->addRow(tr("SMTP server"), server);
    auto *login = new QHBoxLayout;
    login->addWidget(m_user, 1);
    login->addWidget(m_password, 1);
    form->addRow(tr("User, password"), login);
    form->addRow(tr("API key"), m_apiKey);
    form->addRow(tr("API address"), m_baseUrl);
    form->addRow(tr("Mailgun domain"), m_domain);
    auto *limits = new QHBoxLayout;
    limits->addWidget(m_daily);
    limits->addWidget(m_hourly);
    limits->addWidget(m_gap);
    form->addRow(tr("Limits"), limits);
    auto *ramp = new QHBoxLayout;
    ramp->addWidget(m_rampStart);
    ramp->addWidget(m_rampPerDay);
    ramp->addStretch();
    form->addRow(tr("Warm-up"), ramp);
    form->addRow(tr("Time zone"), m_timezone);
    auto *imap = new QHBoxLayout;
    imap->addWidget(m_imapHost, 2);
    imap->addWidget(m_imapPort);
    imap->addWidget(m_imapSecurity);
    imap->addWidget(m_imapUser, 1);
    form->addRow(tr("Mailbox (IMAP): replies and bounces"), imap);
    form->addRow(tr("Read the inbox every"), m_inboxMinutes);

    auto *add = new QPushButton(tr("&New account"), this);
    add->setObjectName(QStringLiteral("senderNew"));
    connect(add, &QPushButton::clicked, this, [this] { open(std::nullopt); });
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("senderSave"));
    connect(m_save, &QPushButton::clicked, this, &SenderSettings::save);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("senderDelete"));
    connect(m_delete, &QPushButton::clicked, this, &SenderSettings::remove);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("senderTest"));
    m_test->setToolTip(tr("Connect and sign in as a send would; nothing is sent"));
    connect(m_test, &QPushButton::clicked, this, &SenderSettings::testConnection);
    connect(&m_testWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
        const QJsonObject r = m_testWatcher.result();
        m_test->setEnabled(m_id.has_value());
        m_test->setText(tr("&Test connection"));
        m_status->setText((r.value(QStringLiteral("ok")).toBool() ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + r.value(QStringLiteral("message")).toString());
    });
    m_domainCheck = new QPushButton(tr("Check &domain"), this);
    m_domainCheck->setObjectName(QStringLiteral("senderDomainCheck"));
    m_domainCheck->setToolTip(tr("Look up the sending domain's SPF, DKIM and DMARC records and say what is missing"));
    connect(m_domainCheck, &QPushButton::clicked, this, &SenderSettings::checkDomain);
    connect(&m_domainWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
        const QJsonObject r = m_domainWatcher.result();
        m_domainCheck->setEnabled(m_id.has_value());
        QStringList lines{QStringLiteral("<b>%1</b>").arg(r.value(QStringLiteral("summary")).toString().toHtmlEscaped())};
        for (const char *part : {"spf", "dkim", "dmarc"}) {
            const QJsonObject p = r.value(QLatin1String(part)).toObject();
            const bool ok = p.value(QStringLiteral("status")).toString() == QLatin1String("ok");
            lines << QStringLiteral("%1 %2: %3").arg(ok ? QStringLiteral("✓") : QStringLiteral("✗"), QString::fromLatin1(part).toUpper(),
                                                    p.value(QStringLiteral("advice")).toString().toHtmlEscaped());
        }
        m_status->setText(lines.join(QStringLiteral("<br>")));
    });
    m_bounces = new QPushButton(tr("Check &bounces"), this);
    m_bounces->setObjectName(QStringLiteral("senderCheckBounces"));
    m_bounces->setToolTip(tr("Read the bounce mailbox now: bounced addresses are suppressed and their campaign recipients marked"));
    m_bounces->setVisible(campaigns != nullptr);
    connect(m_bounces, &QPushButton::clicked, this, &SenderSettings::checkBounces);
    connect(&m_bounceWatcher, &QFutureWatcher<QJsonObject>::finished, this, [this] {
        const QJsonObject r = m_bounceWatcher.result();
        m_bounces->setEnabled(m_id.has_value());
        if (r.contains(QStringLiteral("error")))
            m_status->setText(QStringLiteral("✗ ") + r.value(QStringLiteral("error")).toString());
        else
            m_status->setText(tr("✓ Read %1 new message(s): %2 bounce(s), %3 matched to campaign messages.")
                                  .arg(r.value(QStringLiteral("checked")).toInt())
                                  .arg(r.value(QStringLiteral("bounces")).toInt())
                                  .arg(r.value(QStringLiteral("matched")).toInt()));
    });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("senderStatus"));
    m_status->setTextFormat(Qt::AutoText);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(m_bounces);
    buttons->addWidget(m_domainCheck);
    buttons->addWidget(m_test);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    for (QWidget *w : std::initializer_list<QWidget *>{add, m_save, m_delete})
        w->setEnabled(canChange);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Sender accounts</b>: the mailboxes campaigns send from. A new mailbox should warm up: a few "
                                    "messages on day one, a few more each day."),
                                 this));
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    if (!canChange)
        m_status->setText(tr("Only an admin can add or change sender accounts."));
    reload();
    open(std::nullopt);
}

SenderSettings::~SenderSettings() = default;

void SenderSettings::updateProviderFields()
{
    const QString p = m_provider->currentData().toString();
    const bool smtp = p == QLatin1String("smtp");
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_security, m_user, m_password})
        w->setEnabled(smtp);
    m_apiKey->setEnabled(!smtp);
    m_baseUrl->setEnabled(!smtp);
    m_domain->setEnabled(p == QLatin1String("mailgun"));
}

void SenderSettings::reload()
{
    auto list = m_senders.list();
    if (!list) {
        m_status->setText(list.error().userMessage());
        return;
    }
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(list->size()));
    for (int r = 0; r < list->size(); ++r) {
        const QJsonObject a = list->at(r).toObject();
        const bool smtp = a.value(QStringLiteral("provider")).toString() == QLatin1String("smtp");
        const bool secretSet = a.value(smtp ? QStringLiteral("password_set") : QStringLiteral("api_key_set")).toBool();
        const QStringList cells{a.value(QStringLiteral("name")).toString(), a.value(QStringLiteral("from_email")).toString(),
                                a.value(QStringLiteral("provider")).toString(), QString::number(a.value(QStringLiteral("today_cap")).toInt()),
                                secretSet ? tr("set") : tr("missing")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, a.value(QStringLiteral("id")).toInteger());
            m_table->setItem(r, c, item);
        }
        if (m_id && *m_id == a.value(QStringLiteral("id")).toInteger())
            m_table->selectRow(r);
    }
}

void SenderSettings::open(std::optional<qint64> id)
{
    QJsonObject a;
    if (id) {
        auto got = m_senders.get(*id);
        if (!got) {
            m_status->setText(got.error().userMessage());
            return;
        }
        a = *got;
    } else {
        const QSignalBlocker quiet(m_table);
        m_table->clearSelection();
    }
    m_id = id;
    m_name->setText(a.value(QStringLiteral("name")).toString());
    m_from->setText(a.value(QStringLiteral("from_email")).toString());
    m_fromName->setText(a.value(QStringLiteral("from_name")).toString());
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(a.value(QStringLiteral("provider")).toString(QStringLiteral("smtp")))));
    m_host->setText(a.value(QStringLiteral("smtp_host")).toString());
    m_port->setValue(a.value(QStringLiteral("smtp_port")).toInt(587));
    m_security->setCurrentIndex(qMax(0, m_security->findData(a.value(QStringLiteral("smtp_security")).toString(QStringLiteral("starttls")))));
    m_user->setText(a.value(QStringLiteral("smtp_username")).toString());
    m_password->clear();
    m_password->setPlaceholderText(a.value(QStringLiteral("password_set")).toBool() ? tr("unchanged (type to replace)") : tr("password"));
    m_apiKey->clear();
    m_apiKey->setPlaceholderText(a.value(QStringLiteral("api_key_set")).toBool() ? tr("unchanged (type to replace)") : tr("API key"));
    m_baseUrl->setText(a.value(QStringLiteral("api_base_url")).toString());
    m_domain->setText(a.value(QStringLiteral("provider_domain")).toString());
    m_daily->setValue(a.value(QStringLiteral("daily_limit")).toInt(200));
    m_hourly->setValue(a.value(QStringLiteral("hourly_limit")).toInt(30));
    m_gap->setValue(a.value(QStringLiteral("min_gap_seconds")).toInt(60));
    m_rampStart->setValue(a.value(QStringLiteral("ramp_start")).toInt(0));
    m_rampPerDay->setValue(a.value(QStringLiteral("ramp_per_day")).toInt(0));
    m_timezone->setText(a.value(QStringLiteral("timezone")).toString(QStringLiteral("UTC")));
    m_delete->setEnabled(m_canChange && id.has_value());
    m_test->setEnabled(id.has_value());
    m_domainCheck->setEnabled(id.has_value());
    m_imapHost->setText(a.value(QStringLiteral("imap_host")).toString());
    m_imapPort->setValue(a.value(QStringLiteral("imap_port")).toInt(993));
    m_imapSecurity->setCurrentIndex(qMax(0, m_imapSecurity->findData(a.value(QStringLiteral("imap_security")).toString(QStringLiteral("tls")))));
    m_imapUser->setText(a.value(QStringLiteral("imap_username")).toString());
    m_inboxMinutes->setValue(a.value(QStringLiteral("inbox_sync_minutes")).isDouble() ? a.value(QStringLiteral("inbox_sync_minutes")).toInt() : -1);
    m_bounces->setEnabled(id.has_value() && !m_imapHost->text().isEmpty());
    updateProviderFields();
}

void SenderSettings::save()
{
    QJsonObject f{{QStringLiteral("name"), m_name->text()},
                  {QStringLiteral("from_email"), m_from->text()},
                  {QStringLiteral("from_name"), m_fromName->text()},
                  {QStringLiteral("provider"), m_provider->currentData().toString()},
                  {QStringLiteral("daily_limit"), m_daily->value()},
                  {QStringLiteral("hourly_limit"), m_hourly->value()},
                  {QStringLiteral("min_gap_seconds"), m_gap->value()},
                  {QStringLiteral("ramp_per_day"), m_rampPerDay->value()},
                  {QStringLiteral("timezone"), m_timezone->text()}};
    if (m_rampStart->value() > 0)
        f.insert(QStringLiteral("ramp_start"), m_rampStart->value());
    if (!m_imapHost->text().trimmed().isEmpty()) {
        f.insert(QStringLiteral("imap_host"), m_imapHost->text().trimmed());
        f.insert(QStringLiteral("imap_port"), m_imapPort->value());
        f.insert(QStringLiteral("imap_security"), m_imapSecurity->currentData().toString());
        f.insert(QStringLiteral("imap_username"), m_imapUser->text().trimmed());
        if (m_inboxMinutes->value() >= 0)
            f.insert(QStringLiteral("inbox_sync_minutes"), m_inboxMinutes->value());
    }
    if (m_provider->currentData().toString() == QLatin1String("smtp")) {
        f.insert(QStringLiteral("smtp_host"), m_host->text());
        f.insert(QStringLiteral("smtp_port"), m_port->value());
        f.insert(QStringLiteral("smtp_security"), m_security->currentData().toString());
        f.insert(QStringLiteral("smtp_username"), m_user->text());
        if (!m_password->text().isEmpty())
            f.insert(QStringLiteral("password"), m_password->text());
    } else {
        f.insert(QStringLiteral("api_base_url"), m_baseUrl->text());
        f.insert(QStringLiteral("provider_domain"), m_domain->text());
        if (!m_apiKey->text().isEmpty())
            f.insert(QStringLiteral("api_key"), m_apiKey->text());
    }
    auto saved = m_id ? m_senders.update({}, *m_id, f) : m_senders.create({}, f);
    if (!saved) {
        m_status->setText(saved.error().userMessage());
        return;
    }
    m_id = saved->value(QStringLiteral("id")).toInteger();
    reload();
    open(m_id);
    m_status->setText(tr("Saved. Today it may send %n message(s).", nullptr, saved->value(QStringLiteral("today_cap")).toInt()));
}

void SenderSettings::remove()
{
    if (!m_id || QMessageBox::question(this, tr("Delete sender account"), tr("Delete \"%1\" and its password?").arg(m_name->text())) != QMessageBox::Yes)
        return;
    if (auto done = m_senders.remove(*m_id); !done) {
        m_status->setText(done.error().userMessage());
        return;
    }
    open(std::nullopt);
    reload();
    m_status->setText(tr("Deleted."));
}

void SenderSettings::checkDomain()
{
    if (!m_id || m_domainWatcher.isRunning())
        return;
    m_domainCheck->setEnabled(false);
    m_status->setText(tr("Looking the domain up…"));
    auto *senders = &m_senders;
    const qint64 id = *m_id;
    m_domainWatcher.setFuture(QtConcurrent::run([senders, id] {
        auto r = senders->deliverability(id);
        return r ? *r : QJsonObject{{QStringLiteral("summary"), r.error().userMessage()}};
    }));
}

void SenderSettings::checkBounces()
{
    if (!m_id || !m_campaigns || m_bounceWatcher.isRunning())
        return;
    m_bounces->setEnabled(false);
    m_status->setText(tr("Reading the bounce mailbox…"));
    auto *campaigns = m_campaigns;
    const qint64 id = *m_id;
    m_bounceWatcher.setFuture(QtConcurrent::run([campaigns, id] {
        auto r = campaigns->checkBounces(id);
        return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().userMessage()}};
    }));
}

void SenderSettings::testConnection()
{
    if (!m_id || m_testWatcher.isRunning())
        return;
    m_test->setEnabled(false);
    m_test->setText(tr("Testing…"));
    m_status->setText(tr("Connecting…"));
    auto *senders = &m_senders;
    const qint64 id = *m_id;
    m_testWatcher.setFuture(QtConcurrent::run([senders, id] {
        auto r = senders->test(id);
        return r ? *r : QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("message"), r.error().userMessage()}};
    }));
}

} // namespace fliptech::ui
