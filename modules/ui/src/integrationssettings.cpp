#include "fliptech/ui/integrationssettings.h"

#include "fliptech/campaigns/providerevents.h"

#include "fliptech/scraper/enrichment.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
enum Column { Provider, Enabled, Key, BaseUrl, Cost, ColumnCount };
}

IntegrationsSettings::IntegrationsSettings(scraper::EnrichmentService &enrichment, bool canChange, QWidget *parent, campaigns::ProviderEvents *events)
    : QWidget(parent), m_enrichment(enrichment), m_canChange(canChange), m_events(events)
{
    auto *intro = new QLabel(tr("<b>Lead enrichment</b> finds the e-mail address, phone and company details of a lead from its website's "
                                "domain. The providers are asked in this order until the lead has an address and a phone; what a provider "
                                "answered is remembered for 30 days, so asking again costs nothing."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("integrationsProviders"));
    m_table->setHorizontalHeaderLabels({tr("Provider"), tr("On"), tr("API key"), tr("Base URL"), tr("Cost per call (¢)")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(BaseUrl, QHeaderView::Stretch);
    m_table->setEditTriggers(canChange ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked
                                       : QAbstractItemView::NoEditTriggers);
    auto *up = new QPushButton(tr("Move &up"), this);
    up->setObjectName(QStringLiteral("integrationsUp"));
    auto *down = new QPushButton(tr("Move &down"), this);
    down->setObjectName(QStringLiteral("integrationsDown"));
    auto *save = new QPushButton(tr("&Save"), this);
    save->setObjectName(QStringLiteral("integrationsSave"));
    save->setToolTip(tr("Save the order, which providers are on, their addresses and costs"));
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    connect(save, &QPushButton::clicked, this, &IntegrationsSettings::save);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("integrationsKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("API key of the selected provider"));
    m_saveKey = new QPushButton(tr("Save &key"), this);
    m_saveKey->setObjectName(QStringLiteral("integrationsSaveKey"));
    m_saveKey->setToolTip(tr("Kept in the system keychain, never shown again"));
    m_removeKey = new QPushButton(tr("&Remove key"), this);
    m_removeKey->setObjectName(QStringLiteral("integrationsRemoveKey"));
    connect(m_saveKey, &QPushButton::clicked, this, [this] { saveKey(false); });
    connect(m_key, &QLineEdit::returnPressed, this, [this] { saveKey(false); });
    connect(m_removeKey, &QPushButton::clicked, this, [this] { saveKey(true); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("integrationsStatus"));
    m_status->setWordWrap(true);
    for (QWidget *w : std::initializer_list<QWidget *>{up, down, save, m_key, m_saveKey, m_removeKey})
        w->setEnabled(canChange);
    if (!canChange)
        m_status->setText(tr("Only an admin can change the integrations."));

    auto *order = new QHBoxLayout;
    order->addWidget(up);
    order->addWidget(down);
    order->addStretch();
    order->addWidget(save);
    auto *keys = new QHBoxLayout;
    keys->addWidget(m_key, 1);
    keys->addWidget(m_saveKey);
    keys->addWidget(m_removeKey);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(order);
    layout->addLayout(keys);
    if (m_events) {
        auto *hooks = new QLabel(tr("<b>Delivery events</b> from SendGrid and Mailgun (bounces, spam reports, unsubscribes, opens) reach "
                                    "<code>/api/v1/webhooks/sendgrid</code> and <code>/api/v1/webhooks/mailgun</code> on your team server, "
                                    "and are believed only when signed: paste SendGrid's verification key and Mailgun's webhook signing key."),
                                 this);
        hooks->setWordWrap(true);
        m_sendgridKey = new QLineEdit(this);
        m_sendgridKey->setObjectName(QStringLiteral("integrationsSendGridKey"));
        m_sendgridKey->setEchoMode(QLineEdit::Password);
        m_mailgunKey = new QLineEdit(this);
        m_mailgunKey->setObjectName(QStringLiteral("integrationsMailgunKey"));
        m_mailgunKey->setEchoMode(QLineEdit::Password);
        auto *saveHooks = new QPushButton(tr("Save &webhook keys"), this);
        saveHooks->setObjectName(QStringLiteral("integrationsSaveWebhookKeys"));
        connect(saveHooks, &QPushButton::clicked, this, &IntegrationsSettings::saveWebhookKeys);
        m_webhookState = new QLabel(this);
        m_webhookState->setObjectName(QStringLiteral("integrationsWebhookState"));
        for (QWidget *w : std::initializer_list<QWidget *>{m_sendgridKey, m_mailgunKey, saveHooks})
            w->setEnabled(canChange);
        auto *row = new QHBoxLayout;
        row->addWidget(m_sendgridKey, 1);
        row->addWidget(m_mailgunKey, 1);
        row->addWidget(saveHooks);
        layout->addWidget(hooks);
        layout->addLayout(row);
        layout->addWidget(m_webhookState);
        showWebhookKeys();
    }
    layout->addWidget(m_status);
    reload();
}

void IntegrationsSettings::showWebhookKeys()
{
    auto s = m_events->settings();
    if (!s)
        return;
    const bool sendgrid = s->value(QStringLiteral("sendgrid_verification_key_set")).toBool();
    const bool mailgun = s->value(QStringLiteral("mailgun_signing_key_set")).toBool();
    m_sendgridKey->setPlaceholderText(sendgrid ? tr("SendGrid verification key: set (type to replace)") : tr("SendGrid verification key"));
    m_mailgunKey->setPlaceholderText(mailgun ? tr("Mailgun signing key: set (type to replace)") : tr("Mailgun webhook signing key"));
    m_webhookState->setText(tr("SendGrid events: %1 · Mailgun events: %2")
                                .arg(sendgrid ? tr("verified with your key") : tr("refused until a key is set"),
                                     mailgun ? tr("verified with your key") : tr("refused until a key is set")));
}

void IntegrationsSettings::saveWebhookKeys()
{
    QJsonObject f;
    if (!m_sendgridKey->text().trimmed().isEmpty())
        f.insert(QStringLiteral("sendgrid_verification_key"), m_sendgridKey->text().trimmed());
    if (!m_mailgunKey->text().trimmed().isEmpty())
        f.insert(QStringLiteral("mailgun_signing_key"), m_mailgunKey->text().trimmed());
    if (f.isEmpty()) {
        m_status->setText(tr("Type a key first."));
        return;
    }
    auto saved = m_events->setSettings(f);
    if (!saved) {
        m_status->setText(saved.error().userMessage());
        return;
    }
    m_sendgridKey->clear();
    m_mailgunKey->clear();
    showWebhookKeys();
    m_status->setText(tr("Webhook keys saved in the keychain."));
}

void IntegrationsSettings::reload()
{
    const QString selected = selectedProvider();
    auto providers = m_enrichment.providers();
    if (!providers) {
        m_status->setText(providers.error().userMessage());
        return;
    }
    m_table->setRowCount(int(providers->size()));
    for (int r = 0; r < providers->size(); ++r) {
        const QJsonObject p = providers->at(r).toObject();
        auto *name = new QTableWidgetItem(p.value(QStringLiteral("label")).toString());
        name->setData(Qt::UserRole, p.value(QStringLiteral("provider")).toString());
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setToolTip(p.value(QStringLiteral("docs")).toString());
        m_table->setItem(r, Provider, name);
        auto *on = new QTableWidgetItem;
        on->setFlags((on->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
        if (!m_canChange)
            on->setFlags(on->flags() & ~Qt::ItemIsUserCheckable);
        on->setCheckState(p.value(QStringLiteral("enabled")).toBool() ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(r, Enabled, on);
        const QString source = p.value(QStringLiteral("key_source")).toString();
        auto *key = new QTableWidgetItem(source == QLatin1String("keychain")      ? tr("set (keychain)")
                                         : source == QLatin1String("environment") ? tr("set (%1)").arg(p.value(QStringLiteral("key_variable")).toString())
                                                                                  : tr("not set"));
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(r, Key, key);
        auto *base = new QTableWidgetItem(p.value(QStringLiteral("base_url")).toString());
        base->setData(Qt::UserRole, p.value(QStringLiteral("default_base_url")).toString());
        m_table->setItem(r, BaseUrl, base);
        m_table->setItem(r, Cost, new QTableWidgetItem(QString::number(p.value(QStringLiteral("cost_cents_per_call")).toInt())));
        if (p.value(QStringLiteral("provider")).toString() == selected)
            m_table->selectRow(r);
    }
    m_table->resizeColumnToContents(Provider);
    m_table->resizeColumnToContents(Key);
}

QString IntegrationsSettings::selectedProvider() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, Provider) ? m_table->item(row, Provider)->data(Qt::UserRole).toString() : QString();
}

void IntegrationsSettings::move(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_table->rowCount())
        return;
    for (int c = 0; c < ColumnCount; ++c) {
        QTableWidgetItem *a = m_table->takeItem(row, c);
        QTableWidgetItem *b = m_table->takeItem(to, c);
        m_table->setItem(row, c, b);
        m_table->setItem(to, c, a);
    }
    m_table->selectRow(to);
    m_status->setText(tr("Order changed: Save to keep it."));
}

void IntegrationsSettings::save()
{
    QJsonArray order;
    QJsonObject providers;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString name = m_table->item(r, Provider)->data(Qt::UserRole).toString();
        order.append(name);
        const QString base = m_table->item(r, BaseUrl)->text().trimmed();
        const QString byDefault = m_table->item(r, BaseUrl)->data(Qt::UserRole).toString();
        bool whole = false;
        const int cost = m_table->item(r, Cost)->text().trimmed().toInt(&whole);
        if (!whole) {
            m_status->setText(tr("%1: the cost per call is whole cents, e.g. 2.").arg(m_table->item(r, Provider)->text()));
            return;
        }
        providers.insert(name, QJsonObject{{QStringLiteral("enabled"), m_table->item(r, Enabled)->checkState() == Qt::Checked},
                                           {QStringLiteral("base_url"), base.isEmpty() || base == byDefault ? QJsonValue() : QJsonValue(base)},
                                           {QStringLiteral("cost_cents_per_call"), cost}});
    }
    auto done = m_enrichment.configure({{QStringLiteral("order"), order}, {QStringLiteral("providers"), providers}});
    m_status->setText(done ? tr("Saved.") : done.error().userMessage());
    if (done)
        reload();
}

void IntegrationsSettings::saveKey(bool remove)
{
    const QString provider = selectedProvider();
    if (provider.isEmpty()) {
        m_status->setText(tr("Select a provider first."));
        return;
    }
    if (!remove && m_key->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type the key first."));
        m_key->setFocus();
        return;
    }
    auto done = m_enrichment.configure(
        {{QStringLiteral("providers"), QJsonObject{{provider, QJsonObject{{QStringLiteral("api_key"), remove ? QString() : m_key->text().trimmed()}}}}}});
    m_key->clear();
    m_status->setText(done ? (remove ? tr("Key removed.") : tr("Key saved in the keychain.")) : done.error().userMessage());
    if (done)
        reload();
}

} // namespace fliptech::ui
