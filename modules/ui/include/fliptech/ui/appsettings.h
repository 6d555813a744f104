#pragma once
// Settings → Application: how this desktop runs. Language and theme (QSettings of this user),
// tray messages, and what the program's settings file (core::settingsFilePath(), fliptech.ini)
// says for the next start: the database (this computer's file, or a shared PostgreSQL whose
// password is kept in the keychain; switching copies nothing and says so first), the embedded
// API server (off, or its address, TLS files and the web origins it answers), the proxy of
// outbound requests, and the log detail.

#include "fliptech/storage/databaseurl.h"
#include "fliptech/storage/secretstore.h"

#include <QWidget>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace fliptech::storage {
class SecretStore;
}

namespace fliptech::ui {

// Loads the application's translation (":/i18n/fliptech_<language>.qm") and Qt's own for
// `language` ("en", "es", "de"; empty: the system's). The language in use ("en" when none fits).
QString installTranslations(const QString &language);
// The language this user chose (empty: the system's).
QString preferredLanguage();
// "system", "light" or "dark": Fusion with a dark or light palette, or the platform's look. On
// Linux, where Qt 6.4 does not tell a dark desktop from a light one, "system" is dark when the
// desktop says it prefers dark (desktopPrefersDark) and the platform's palette is light.
void applyTheme(const QString &theme);
// Whether the Linux desktop asks for dark: GTK_THEME names a dark variant ("Adwaita:dark"), GNOME's
// color-scheme is prefer-dark or its gtk-theme a -dark one (gsettings), or KDE's colour scheme
// (kdeglobals) is a dark one. False elsewhere and when nothing says so.
bool desktopPrefersDark();
QString preferredTheme();
using storage::kDatabasePasswordSecret;
// The team's database from what the user typed: a postgresql:// address (its password, if any,
// replaced by `password` when that is given). The error says what to type.
core::Result<storage::DatabaseUrl> sharedDatabaseUrl(const QString &text, const QString &password);

// Writes the database of the next start into the settings file: `url` without its password, the
// password (when given) into the secret store. An error message, or empty when saved.
QString saveDatabaseChoice(storage::SecretStore &secrets, const storage::DatabaseUrl &url, const QString &password);
// Tries a database (connect, SELECT version()) on a worker thread; `done` runs on `context`'s
// thread with whether it answered and what it said.
void testDatabase(const storage::DatabaseUrl &url, QObject *context, std::function<void(bool ok, const QString &message)> done);

class ApplicationSettings final : public QWidget
{
    Q_OBJECT
public:
    ApplicationSettings(storage::SecretStore &secrets, const storage::DatabaseUrl &current, QWidget *parent = nullptr);

    // Saves everything; false (and a message) when a field is wrong or the user declined the
    // switch of database. `confirm` asks the user (tests answer for them).
    bool save();
    void setConfirm(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }
    QString message() const;

    QComboBox *language() const { return m_language; }
    QComboBox *theme() const { return m_theme; }
    QLineEdit *databaseFile() const { return m_file; }
    QLineEdit *postgresUrl() const { return m_pgUrl; }
    QLineEdit *postgresPassword() const { return m_pgPassword; }
    QRadioButton *useShared() const { return m_shared; }
    QCheckBox *apiOn() const { return m_apiOn; }
    QLineEdit *apiAddress() const { return m_apiAddress; }
    QLineEdit *tlsCertificate() const { return m_tlsCert; }
    QLineEdit *tlsKey() const { return m_tlsKey; }
    QLineEdit *proxy() const { return m_proxy; }
    // Tries the shared database now (a connection and a query), in the background.
    void testConnection();

Q_SIGNALS:
    void connectionTested(bool ok, const QString &message);

private:
    void load();
    QString databaseUrlFromFields(QString *password, QString *error) const;

    storage::SecretStore &m_secrets;
    storage::DatabaseUrl m_current; // in use now (the command line or environment may have chosen it)
    QString m_currentDatabase;      // the same, password masked
    std::function<bool(const QString &)> m_confirm;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_tray = nullptr;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_shared = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_pgUrl = nullptr;
    QLineEdit *m_pgPassword = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QCheckBox *m_apiOn = nullptr;
    QLineEdit *m_apiAddress = nullptr;
    QLineEdit *m_cors = nullptr;
    QLineEdit *m_tlsCert = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QLineEdit *m_proxy = nullptr;
    QComboBox *m_logLevel = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fliptech::ui
