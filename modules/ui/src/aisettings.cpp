#include "fliptech/ui/aisettings.h"

#include "fliptech/ai/aiservice.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
const QStringList taskLabels{QObject::tr("Website analysis"), QObject::tr("Email writing"), QObject::tr("Reply suggestions"), QObject::tr("Sentiment")};

QDoubleSpinBox *dollars(QWidget *parent, const QString &name)
{
    auto *b = new QDoubleSpinBox(parent);
    b->setObjectName(name);
    b->setRange(0, 100000);
    b->setDecimals(2);
    b->setPrefix(QStringLiteral("$"));
    b->setSpecialValueText(QObject::tr("No limit"));
    return b;
}
} // namespace

AiSettings::AiSettings(ai::AiService &ai, bool canChange, std::function<leads::Actor()> actor, QWidget *parent)
    : QWidget(parent), m_ai(ai), m_canChange(canChange), m_actor(std::move(actor))
{
    auto *inner = new QWidget;
    auto *layout = new QVBoxLayout(inner);

    // The provider.
    auto *provider = new QGroupBox(tr("Provider"), inner);
    auto *pf = new QFormLayout(provider);
    m_baseUrl = new QLineEdit(provider);
    m_baseUrl->setObjectName(QStringLiteral("aiBaseUrl"));
    m_baseUrl->setToolTip(tr("Any OpenAI-compatible address: https://openrouter.ai/api/v1, https://api.openai.com/v1, or a local server such as "
                             "http://127.0.0.1:11434/v1 (Ollama)"));
    pf->addRow(tr("Base &URL"), m_baseUrl);
    m_key = new QLineEdit(provider);
    m_key->setObjectName(QStringLiteral("aiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("API key (kept in the system keychain)"));
    auto *saveKeyButton = new QPushButton(tr("Save &key"), provider);
    saveKeyButton->setObjectName(QStringLiteral("aiSaveKey"));
    auto *removeKey = new QPushButton(tr("Remove key"), provider);
    removeKey->setObjectName(QStringLiteral("aiRemoveKey"));
    connect(saveKeyButton, &QPushButton::clicked, this, [this] { saveKey(false); });
    connect(m_key, &QLineEdit::returnPressed, this, [this] { saveKey(false); });
    connect(removeKey, &QPushButton::clicked, this, [this] { saveKey(true); });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(saveKeyButton);
    keyRow->addWidget(removeKey);
    pf->addRow(tr("API key"), keyRow);
    m_keyState = new QLabel(provider);
    m_keyState->setObjectName(QStringLiteral("aiKeyState"));
    m_keyState->setWordWrap(true);
    pf->addRow(QString(), m_keyState);
    for (int i = 0; i < ai::AiService::tasks().size(); ++i) {
        auto *model = new QComboBox(provider);
        model->setEditable(true);
        model->setObjectName(QStringLiteral("aiModel_") + ai::AiService::tasks().at(i));
        model->setToolTip(tr("The model's id at the provider, e.g. openai/gpt-4o-mini"));
        m_models << model;
        pf->addRow(taskLabels.value(i), model);
    }
    m_temperature = new QDoubleSpinBox(provider);
    m_temperature->setObjectName(QStringLiteral("aiTemperature"));
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setToolTip(tr("Lower is more predictable, higher more varied"));
    pf->addRow(tr("&Temperature"), m_temperature);
    m_maxTokens = new QSpinBox(provider);
    m_maxTokens->setObjectName(QStringLiteral("aiMaxTokens"));
    m_maxTokens->setRange(16, 32000);
    m_maxTokens->setSuffix(tr(" tokens"));
    pf->addRow(tr("Longest &answer"), m_maxTokens);
    m_timeout = new QSpinBox(provider);
    m_timeout->setObjectName(QStringLiteral("aiTimeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    pf->addRow(tr("Time&out"), m_timeout);
    layout->addWidget(provider);

    // Budgets.
    auto *budgets = new QGroupBox(tr("Budgets"), inner);
    auto *bf = new QFormLayout(budgets);
    m_daily = dollars(budgets, QStringLiteral("aiDailyBudget"));
    m_monthly = dollars(budgets, QStringLiteral("aiMonthlyBudget"));
    bf->addRow(tr("&Daily budget"), m_daily);
    bf->addRow(tr("&Monthly budget"), m_monthly);
    m_zone = new QComboBox(budgets);
    m_zone->setObjectName(QStringLiteral("aiBudgetZone"));
    m_zone->setEditable(true);
    for (const QByteArray &z : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(z));
    bf->addRow(tr("Days begin in"), m_zone);
    m_spend = new QLabel(budgets);
    m_spend->setObjectName(QStringLiteral("aiSpend"));
    m_spend->setWordWrap(true);
    bf->addRow(tr("Spent"), m_spend);
    auto *budgetNote = new QLabel(tr("A call that could pass a budget is not made: you get a notification, and the offline writer still drafts."), budgets);
    budgetNote->setWordWrap(true);
    bf->addRow(QString(), budgetNote);
    layout->addWidget(budgets);
    auto *save = new QPushButton(tr("&Save provider and budgets"), inner);
    save->setObjectName(QStringLiteral("aiSave"));
    connect(save, &QPushButton::clicked, this, &AiSettings::save);
    layout->addWidget(save, 0, Qt::AlignRight);

    // Prices.
    auto *prices = new QGroupBox(tr("Prices (USD per million tokens)"), inner);
    auto *pv = new QVBoxLayout(prices);
    m_prices = new QTableWidget(0, 3, prices);
    m_prices->setObjectName(QStringLiteral("aiPrices"));
    m_prices->setHorizontalHeaderLabels({tr("Model"), tr("Prompt"), tr("Completion")});
    m_prices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_prices->verticalHeader()->hide();
    m_prices->setMinimumHeight(160);
    auto *addPrice = new QPushButton(tr("Add &model"), prices);
    addPrice->setObjectName(QStringLiteral("aiAddPrice"));
    connect(addPrice, &QPushButton::clicked, this, [this] {
        const int row = m_prices->rowCount();
        m_prices->insertRow(row);
        for (int c = 0; c < 3; ++c)
            m_prices->setItem(row, c, new QTableWidgetItem(c == 0 ? QString() : QStringLiteral("0")));
        m_prices->setCurrentCell(row, 0);
        m_prices->editItem(m_prices->item(row, 0));
    });
    auto *removePrice = new QPushButton(tr("Remove model"), prices);
    removePrice->setObjectName(QStringLiteral("aiRemovePrice"));
    connect(removePrice, &QPushButton::clicked, this, [this] {
        if (m_prices->currentRow() >= 0)
            m_prices->removeRow(m_prices->currentRow());
    });
    auto *savePricesButton = new QPushButton(tr("Save &prices"), prices);
    savePricesButton->setObjectName(QStringLiteral("aiSavePrices"));
    connect(savePricesButton, &QPushButton::clicked, this, &AiSettings::savePrices);
    auto *priceButtons = new QHBoxLayout;
    priceButtons->addWidget(addPrice);
    priceButtons->addWidget(removePrice);
    priceButtons->addStretch();
    priceButtons->addWidget(savePricesButton);
    pv->addWidget(m_prices);
    pv->addLayout(priceButtons);
    layout->addWidget(prices);

    // Prompts.
    auto *prompts = new QGroupBox(tr("Prompts"), inner);
    auto *rv = new QVBoxLayout(prompts);
    m_promptKey = new QComboBox(prompts);
    m_promptKey->setObjectName(QStringLiteral("aiPromptKey"));
    for (const QString &k : ai::AiService::promptKeys())
        m_promptKey->addItem(k, k);
    m_promptVersion = new QComboBox(prompts);
    m_promptVersion->setObjectName(QStringLiteral("aiPromptVersion"));
    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Prompt"), prompts));
    pick->addWidget(m_promptKey, 1);
    pick->addWidget(new QLabel(tr("Version"), prompts));
    pick->addWidget(m_promptVersion, 1);
    m_system = new QPlainTextEdit(prompts);
    m_system->setObjectName(QStringLiteral("aiSystemPrompt"));
    m_system->setPlaceholderText(tr("System prompt: who the model is and the rules it keeps"));
    m_user = new QPlainTextEdit(prompts);
    m_user->setObjectName(QStringLiteral("aiUserPrompt"));
    m_user->setPlaceholderText(tr("User prompt, with {{variables}}"));
    m_note = new QLineEdit(prompts);
    m_note->setObjectName(QStringLiteral("aiPromptNote"));
    m_note->setPlaceholderText(tr("What changed (optional)"));
    auto *savePromptButton = new QPushButton(tr("Save as &new version"), prompts);
    savePromptButton->setObjectName(QStringLiteral("aiSavePrompt"));
    connect(savePromptButton, &QPushButton::clicked, this, &AiSettings::savePrompt);
    connect(m_promptKey, &QComboBox::currentIndexChanged, this, [this] { showPrompt(); });
    connect(m_promptVersion, &QComboBox::currentIndexChanged, this, [this] {
        const QJsonObject v = m_promptVersion->currentData().toJsonObject();
        m_system->setPlainText(v.value(QStringLiteral("system_prompt")).toString());
        m_user->setPlainText(v.value(QStringLiteral("user_prompt")).toString());
    });
    auto *promptButtons = new QHBoxLayout;
    promptButtons->addWidget(m_note, 1);
    promptButtons->addWidget(savePromptButton);
    rv->addLayout(pick);
    rv->addWidget(m_system);
    rv->addWidget(m_user, 1);
    rv->addLayout(promptButtons);
    layout->addWidget(prompts);

    for (QWidget *w : std::initializer_list<QWidget *>{m_baseUrl, m_key, saveKeyButton, removeKey, m_temperature, m_maxTokens, m_timeout, m_daily, m_monthly,
                                                       m_zone, save, addPrice, removePrice, savePricesButton, m_note, savePromptButton})
        w->setEnabled(canChange);
    for (QComboBox *m : m_models)
        m->setEnabled(canChange);
    m_prices->setEditTriggers(canChange ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    m_system->setReadOnly(!canChange);
    m_user->setReadOnly(!canChange);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("aiStatus"));
    m_status->setWordWrap(true);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_status);
    if (!canChange)
        say(tr("Only an admin can change the AI settings."));
    reload();
}

void AiSettings::say(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_status->setText(text);
}

void AiSettings::reload()
{
    auto s = m_ai.settings();
    if (!s) {
        say(s.error().userMessage(), true);
        return;
    }
    m_baseUrl->setText(s->value(QStringLiteral("base_url")).toString());
    const QString source = s->value(QStringLiteral("key_source")).toString();
    m_keyState->setText(source == QLatin1String("keychain")      ? tr("A key is set (in the keychain). The AI writes; without a key the offline writer does.")
                        : source == QLatin1String("environment") ? tr("A key is set by the environment (OPENROUTER_API_KEY).")
                                                                 : tr("No key: the offline writer drafts emails and replies from the website findings."));
    auto prices = m_ai.prices();
    QStringList known;
    if (prices)
        for (const QJsonValue &p : *prices)
            known << p.toObject().value(QStringLiteral("model")).toString();
    const QJsonObject models = s->value(QStringLiteral("models")).toObject();
    for (int i = 0; i < m_models.size(); ++i) {
        m_models[i]->clear();
        m_models[i]->addItems(known);
        m_models[i]->setCurrentText(models.value(ai::AiService::tasks().at(i)).toString());
    }
    m_temperature->setValue(s->value(QStringLiteral("temperature")).toDouble());
    m_maxTokens->setValue(s->value(QStringLiteral("max_tokens")).toInt());
    m_timeout->setValue(s->value(QStringLiteral("timeout_ms")).toInt() / 1000);
    m_daily->setValue(s->value(QStringLiteral("daily_budget_cents")).toDouble() / 100.0);
    m_monthly->setValue(s->value(QStringLiteral("monthly_budget_cents")).toDouble() / 100.0);
    m_zone->setCurrentText(s->value(QStringLiteral("budget_time_zone")).toString());
    const QJsonObject spend = s->value(QStringLiteral("spend")).toObject();
    m_spend->setText(tr("$%1 today, $%2 this month ($%3 in all)")
                         .arg(spend.value(QStringLiteral("today_usd")).toString(), spend.value(QStringLiteral("month_usd")).toString(),
                              spend.value(QStringLiteral("total_usd")).toString()));
    m_prices->setRowCount(0);
    if (prices)
        for (const QJsonValue &v : *prices) {
            const QJsonObject p = v.toObject();
            const int row = m_prices->rowCount();
            m_prices->insertRow(row);
            m_prices->setItem(row, 0, new QTableWidgetItem(p.value(QStringLiteral("model")).toString()));
            m_prices->setItem(row, 1, new QTableWidgetItem(p.value(QStringLiteral("prompt_per_million")).toString()));
            m_prices->setItem(row, 2, new QTableWidgetItem(p.value(QStringLiteral("completion_per_million")).toString()));
        }
    showPrompt();
}

void AiSettings::save()
{
    QJsonObject models;
    for (int i = 0; i < m_models.size(); ++i)
        models.insert(ai::AiService::tasks().at(i), m_models[i]->currentText().trimmed());
    auto cents = [](const QDoubleSpinBox *b) { return b->value() <= 0 ? QJsonValue() : QJsonValue(qint64(qRound64(b->value() * 100))); };
    auto r = m_ai.setSettings({{QStringLiteral("base_url"), m_baseUrl->text().trimmed()},
                               {QStringLiteral("models"), models},
                               {QStringLiteral("temperature"), m_temperature->value()},
                               {QStringLiteral("max_tokens"), m_maxTokens->value()},
                               {QStringLiteral("timeout_ms"), m_timeout->value() * 1000},
                               {QStringLiteral("daily_budget_cents"), cents(m_daily)},
                               {QStringLiteral("monthly_budget_cents"), cents(m_monthly)},
                               {QStringLiteral("budget_time_zone"), m_zone->currentText().trimmed()}});
    if (!r) {
        say(r.error().userMessage(), true);
        return;
    }
    reload();
    say(tr("Saved."));
}

void AiSettings::saveKey(bool remove)
{
    if (!remove && m_key->text().trimmed().isEmpty()) {
        say(tr("Type the key first."), true);
        return;
    }
    auto r = m_ai.setSettings({{QStringLiteral("api_key"), remove ? QString() : m_key->text().trimmed()}});
    m_key->clear();
    if (!r) {
        say(r.error().userMessage(), true);
        return;
    }
    reload();
    say(remove ? tr("Key removed.") : tr("Key saved in the keychain."));
}

void AiSettings::savePrices()
{
    QJsonArray set;
    QSet<QString> kept;
    for (int row = 0; row < m_prices->rowCount(); ++row) {
        auto text = [&](int c) { return m_prices->item(row, c) ? m_prices->item(row, c)->text().trimmed() : QString(); };
        if (text(0).isEmpty())
            continue;
        kept.insert(text(0));
        set.append(QJsonObject{{QStringLiteral("model"), text(0)}, {QStringLiteral("prompt_per_million"), text(1)}, {QStringLiteral("completion_per_million"), text(2)}});
    }
    QJsonArray remove;
    if (auto current = m_ai.prices())
        for (const QJsonValue &p : *current)
            if (!kept.contains(p.toObject().value(QStringLiteral("model")).toString()))
                remove.append(p.toObject().value(QStringLiteral("model")));
    auto r = m_ai.setPrices({{QStringLiteral("prices"), set}, {QStringLiteral("remove"), remove}});
    if (!r) {
        say(r.error().userMessage(), true);
        return;
    }
    reload();
    say(tr("Prices saved."));
}

void AiSettings::showPrompt()
{
    const QString key = m_promptKey->currentData().toString();
    auto versions = m_ai.promptVersions(key);
    m_promptVersion->blockSignals(true);
    m_promptVersion->clear();
    if (versions)
        for (const QJsonValue &v : *versions) {
            const QJsonObject o = v.toObject();
            const int n = o.value(QStringLiteral("version")).toInt();
            const QString note = o.value(QStringLiteral("note")).toString();
            m_promptVersion->addItem(n == 0 ? tr("As shipped") : note.isEmpty() ? tr("Version %1").arg(n) : tr("Version %1 — %2").arg(n).arg(note), o);
        }
    m_promptVersion->blockSignals(false);
    m_promptVersion->setCurrentIndex(0);
    const QJsonObject v = m_promptVersion->currentData().toJsonObject();
    m_system->setPlainText(v.value(QStringLiteral("system_prompt")).toString());
    m_user->setPlainText(v.value(QStringLiteral("user_prompt")).toString());
}

void AiSettings::savePrompt()
{
    auto r = m_ai.savePrompt(m_actor(), m_promptKey->currentData().toString(),
                             {{QStringLiteral("system_prompt"), m_system->toPlainText()}, {QStringLiteral("user_prompt"), m_user->toPlainText()},
                              {QStringLiteral("note"), m_note->text()}});
    if (!r) {
        say(r.error().userMessage(), true);
        return;
    }
    m_note->clear();
    showPrompt();
    say(tr("Saved as version %1: the next call uses it.").arg(r->value(QStringLiteral("version")).toInt()));
}

} // namespace fliptech::ui
