#pragma once
// AiSettings: the Settings page's AI tab. The provider (base URL: OpenRouter by default, or any
// OpenAI-compatible server such as a local llama.cpp or Ollama) and its key (typed into a
// password field, kept in the keychain, shown only as set and where from), the model for each
// task, temperature, longest answer and timeout; the daily and monthly budgets with what is spent
// so far; the price table (USD per million tokens, editable); and the prompts, each with its
// versions: edit, save as a new version, or go back to the one shipped. Admins change them;
// others see them. Everything goes through ai::AiService, the service the API uses.

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fliptech::ai {
class AiService;
}
namespace fliptech::leads {
struct Actor;
}

namespace fliptech::ui {

class AiSettings final : public QWidget
{
    Q_OBJECT
public:
    AiSettings(ai::AiService &ai, bool canChange, std::function<leads::Actor()> actor, QWidget *parent = nullptr);
    void reload();

private:
    void save();
    void saveKey(bool remove);
    void savePrices();
    void showPrompt();
    void savePrompt();
    void say(const QString &text, bool error = false);

    ai::AiService &m_ai;
    bool m_canChange;
    std::function<leads::Actor()> m_actor;
    QLineEdit *m_baseUrl;
    QLineEdit *m_key;
    QLabel *m_keyState;
    QList<QComboBox *> m_models; // in AiService::tasks() order
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QSpinBox *m_timeout;
    QDoubleSpinBox *m_daily;
    QDoubleSpinBox *m_monthly;
    QComboBox *m_zone;
    QLabel *m_spend;
    QTableWidget *m_prices;
    QComboBox *m_promptKey;
    QComboBox *m_promptVersion;
    QPlainTextEdit *m_system;
    QPlainTextEdit *m_user;
    QLineEdit *m_note;
    QLabel *m_status;
};

} // namespace fliptech::ui
