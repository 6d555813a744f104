#include "fliptech/ui/appsettings.h"

#include "fliptech/core/config.h"
#include "fliptech/net/connectionsettings.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPalette>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTranslator>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

// ---- language and theme ----------------------------------------------------------------------

QString preferredLanguage()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

QString installTranslations(const QString &language)
{
    static QPointer<QTranslator> app, qt;
    for (QTranslator *t : {app.data(), qt.data()})
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    app = new QTranslator(qApp);
    qt = new QTranslator(qApp);
    QString used = QStringLiteral("en");
    if (app->load(locale, QStringLiteral("fliptech"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        used = QFileInfo(app->filePath()).completeBaseName().section(u'_', 1);
    }
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return used;
}

QString preferredTheme()
{
    return QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
}

bool desktopPrefersDark()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const auto darkName = [](const QString &name) { return name.contains(QLatin1String("dark"), Qt::CaseInsensitive); };
    // GTK_THEME=Adwaita:dark (a session's or a user's override) wins.
    if (const QString gtk = qEnvironmentVariable("GTK_THEME"); !gtk.isEmpty())
        return darkName(gtk);
    // KDE: the colour scheme's name (BreezeDark, ...).
    if (qEnvironmentVariable("XDG_CURRENT_DESKTOP").contains(QLatin1String("KDE"), Qt::CaseInsensitive)) {
        const QSettings kde(QStandardPaths::locate(QStandardPaths::GenericConfigLocation, QStringLiteral("kdeglobals")), QSettings::IniFormat);
        return darkName(kde.value(QStringLiteral("General/ColorScheme")).toString());
    }
    // GNOME and the desktops that follow its settings: color-scheme (GNOME 42+), else the theme's name.
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty())
        return false;
    const auto read = [&gsettings](const QString &key) {
        QProcess p;
        p.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"), key});
        if (!p.waitForFinished(1000) || p.exitCode() != 0) {
            p.kill();
            return QString();
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    };
    const QString scheme = read(QStringLiteral("color-scheme"));
    if (scheme.contains(QLatin1String("prefer-dark")))
        return true;
    if (scheme.contains(QLatin1String("prefer-light")))
        return false;
    return darkName(read(QStringLiteral("gtk-theme")));
#else
    return false; // Windows and macOS: Qt's own palette follows the system
#endif
}

void applyTheme(const QString &theme)
{
    static const QString platformStyle = QApplication::style()->name();
    static const QPalette platformPalette = QApplication::palette();
    // "system" on a desktop that prefers dark while Qt's palette is light (Qt 6.4 on Linux): dark.
    const bool systemDark = theme != QLatin1String("dark") && theme != QLatin1String("light") && platformPalette.color(QPalette::Window).lightness() >= 128 &&
                            desktopPrefersDark();
    if (theme == QLatin1String("dark") || theme == QLatin1String("light") || systemDark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p = QApplication::style()->standardPalette();
        if (theme == QLatin1String("dark") || systemDark) {
            const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xe8, 0xea), accent(0x3d, 0x8b, 0xfd);
            p.setColor(QPalette::Window, window);
            p.setColor(QPalette::WindowText, text);
            p.setColor(QPalette::Base, base);
            p.setColor(QPalette::AlternateBase, window);
            p.setColor(QPalette::Text, text);
            p.setColor(QPalette::Button, window);
            p.setColor(QPalette::ButtonText, text);
            p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x42));
            p.setColor(QPalette::ToolTipText, text);
            p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8c, 0x92));
            p.setColor(QPalette::Highlight, accent);
            p.setColor(QPalette::HighlightedText, Qt::white);
            p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
            p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x77, 0x79, 0x7e));
            p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x77, 0x79, 0x7e));
            p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x77, 0x79, 0x7e));
        }
        QApplication::setPalette(p);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(platformStyle));
    QApplication::setPalette(platformPalette);
}

// ---- the database of the next start ----------------------------------------------------------

core::Result<storage::DatabaseUrl> sharedDatabaseUrl(const QString &text, const QString &password)
{
    auto url = storage::DatabaseUrl::parse(text.trimmed());
    if (!url || url->backend != storage::Backend::Postgres) {
        const char *context = "fliptech::ui::ApplicationSettings";
        return core::makeError(core::ErrorCode::InvalidArgument,
                               QCoreApplication::translate(context, "The server is a postgresql://user@host:port/database address: %1")
                                   .arg(url ? QCoreApplication::translate(context, "this is not PostgreSQL") : url.error().message));
    }
    if (url->password.isEmpty())
        url->password = password;
    return url;
}

QString saveDatabaseChoice(storage::SecretStore &secrets, const storage::DatabaseUrl &url, const QString &password)
{
    if (!password.isEmpty())
        if (auto st = secrets.write(QString::fromLatin1(kDatabasePasswordSecret), password.toUtf8()); !st)
            return QCoreApplication::translate("fliptech::ui::ApplicationSettings", "The password could not be kept: %1").arg(st.error().message);
    storage::DatabaseUrl stored = url;
    stored.password.clear(); // the keychain has it
    QSettings program(core::settingsFilePath(), QSettings::IniFormat);
    program.setValue(QStringLiteral("database_url"), stored.toString());
    program.sync();
    return program.status() == QSettings::NoError ? QString()
                                                  : QCoreApplication::translate("fliptech::ui::ApplicationSettings", "Could not write %1.").arg(core::settingsFilePath());
}

void testDatabase(const storage::DatabaseUrl &url, QObject *context, std::function<void(bool, const QString &)> done)
{
    auto future = QtConcurrent::run([url]() -> QPair<bool, QString> {
        auto db = storage::Database::open(url);
        if (!db)
            return {false, db.error().message};
        auto version = (*db)->selectOne(QStringLiteral("SELECT version()"));
        return version ? QPair<bool, QString>{true, version->value(0).toString().section(u',', 0, 0)} : QPair<bool, QString>{false, version.error().message};
    });
    auto *watcher = new QFutureWatcher<QPair<bool, QString>>(context);
    QObject::connect(watcher, &QFutureWatcher<QPair<bool, QString>>::finished, context, [watcher, done = std::move(done)] {
        const auto [ok, message] = watcher->result();
        watcher->deleteLater();
        done(ok, message);
    });
    watcher->setFuture(future);
}

// ---- the tab -------------------------------------------------------------------------------

namespace {
// The stored shared-database password (empty when none or unreadable).
QByteArray storedPassword(storage::SecretStore &secrets)
{
    auto r = secrets.read(QString::fromLatin1(kDatabasePasswordSecret));
    return r ? *r : QByteArray();
}
} // namespace

ApplicationSettings::ApplicationSettings(storage::SecretStore &secrets, const storage::DatabaseUrl &current, QWidget *parent)
    : QWidget(parent), m_secrets(secrets), m_current(current), m_currentDatabase(current.redacted())
{
    setObjectName(QStringLiteral("applicationSettings"));
    auto *layout = new QVBoxLayout(this);

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    m_language = new QComboBox(look);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_theme = new QComboBox(look);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("The system's"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_tray = new QCheckBox(tr("Tell me on the desktop (tray messages) when a reply arrives, a scrape ends or something fails"), look);
    lookForm->addRow(tr("&Language (after a restart)"), m_language);
    lookForm->addRow(tr("&Theme"), m_theme);
    lookForm->addRow(m_tray);
    layout->addWidget(look);

    auto *db = new QGroupBox(tr("Database (from the next start)"), this);
    auto *dbForm = new QFormLayout(db);
    m_local = new QRadioButton(tr("This computer: a file, nothing to set up"), db);
    m_shared = new QRadioButton(tr("Shared with the team: PostgreSQL"), db);
    auto *which = new QButtonGroup(this);
    which->addButton(m_local);
    which->addButton(m_shared);
    m_file = new QLineEdit(db);
    m_file->setObjectName(QStringLiteral("databaseFile"));
    auto *browse = new QPushButton(tr("Browse…"), db);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_pgUrl = new QLineEdit(db);
    m_pgUrl->setObjectName(QStringLiteral("postgresUrl"));
    m_pgUrl->setPlaceholderText(QStringLiteral("postgresql://sam@db.studio.example:5432/fliptech"));
    m_pgPassword = new QLineEdit(db);
    m_pgPassword->setObjectName(QStringLiteral("postgresPassword"));
    m_pgPassword->setEchoMode(QLineEdit::Password);
    m_test = new QPushButton(tr("&Test connection"), db);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_testResult = new QLabel(db);
    m_testResult->setObjectName(QStringLiteral("connectionResult"));
    m_testResult->setWordWrap(true);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    dbForm->addRow(tr("In use now"), new QLabel(m_currentDatabase.toHtmlEscaped(), db));
    dbForm->addRow(m_local);
    dbForm->addRow(tr("File"), fileRow);
    dbForm->addRow(m_shared);
    dbForm->addRow(tr("Server"), m_pgUrl);
    dbForm->addRow(tr("Password (kept in the keychain)"), m_pgPassword);
    dbForm->addRow(testRow);
    layout->addWidget(db);
    auto enable = [this] {
        m_file->setEnabled(m_local->isChecked());
        m_pgUrl->setEnabled(m_shared->isChecked());
        m_pgPassword->setEnabled(m_shared->isChecked());
        m_test->setEnabled(m_shared->isChecked());
    };
    connect(m_local, &QRadioButton::toggled, this, enable);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Database file"), m_file->text(), tr("FlipTech databases (*.db);;All files (*)"), nullptr,
                                                       QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty())
            m_file->setText(f);
    });
    connect(m_test, &QPushButton::clicked, this, &ApplicationSettings::testConnection);
    connect(this, &ApplicationSettings::connectionTested, this, [this](bool ok, const QString &message) {
        m_testResult->setText((ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + message);
        m_test->setEnabled(true);
    });

    auto *server = new QGroupBox(tr("API server (from the next start)"), this);
    auto *serverForm = new QFormLayout(server);
    m_apiOn = new QCheckBox(tr("Serve the HTTP API, so the web app and teammates can connect"), server);
    m_apiOn->setObjectName(QStringLiteral("apiOn"));
    m_apiAddress = new QLineEdit(server);
    m_apiAddress->setObjectName(QStringLiteral("apiAddress"));
    m_apiAddress->setPlaceholderText(QStringLiteral("127.0.0.1:8484"));
    m_apiAddress->setToolTip(tr("Another address than this computer's (127.0.0.1) needs a TLS certificate and key"));
    m_cors = new QLineEdit(server);
    m_cors->setPlaceholderText(QStringLiteral("https://app.studio.example"));
    // A file field with its Browse… button.
    auto fileField = [this, server](QLineEdit **field, const QString &name, const QString &title) {
        *field = new QLineEdit(server);
        (*field)->setObjectName(name);
        (*field)->setPlaceholderText(tr("none: plain HTTP, for this computer only"));
        auto *pick = new QPushButton(tr("Browse…"), server);
        QLineEdit *target = *field;
        connect(pick, &QPushButton::clicked, this, [this, target, title] {
            const QString f = QFileDialog::getOpenFileName(this, title, target->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!f.isEmpty())
                target->setText(QDir::toNativeSeparators(f));
        });
        auto *row = new QHBoxLayout;
        row->addWidget(target, 1);
        row->addWidget(pick);
        return row;
    };
    serverForm->addRow(m_apiOn);
    serverForm->addRow(tr("&Address"), m_apiAddress);
    serverForm->addRow(tr("TLS certificate (PEM)"), fileField(&m_tlsCert, QStringLiteral("tlsCert"), tr("TLS certificate")));
    serverForm->addRow(tr("TLS private key (PEM)"), fileField(&m_tlsKey, QStringLiteral("tlsKey"), tr("TLS private key")));
    serverForm->addRow(tr("Web origins allowed (CORS)"), m_cors);
    layout->addWidget(server);

    auto *network = new QGroupBox(tr("Network"), this);
    auto *networkForm = new QFormLayout(network);
    m_proxy = new QLineEdit(network);
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("none (the system's http_proxy, if any)"));
    m_proxy->setToolTip(tr("Scraping, website analysis, AI and the providers go out through it: http://host:port or socks5://host:port; "
                           "several, separated by commas, are used in turn"));
    networkForm->addRow(tr("&Proxy (from the next start)"), m_proxy);
    layout->addWidget(network);

    auto *files = new QGroupBox(tr("Files and logs"), this);
    auto *filesForm = new QFormLayout(files);
    m_logLevel = new QComboBox(files);
    m_logLevel->addItem(tr("Normal"), QStringLiteral("info"));
    m_logLevel->addItem(tr("Detailed (for a bug report)"), QStringLiteral("debug"));
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    auto *openData = new QPushButton(tr("Open data folder"), files);
    connect(openData, &QPushButton::clicked, this, [data] { QDesktopServices::openUrl(QUrl::fromLocalFile(data)); });
    auto *dataRow = new QHBoxLayout;
    dataRow->addWidget(new QLabel(QDir::toNativeSeparators(data), files), 1);
    dataRow->addWidget(openData);
    filesForm->addRow(tr("Data folder"), dataRow);
    filesForm->addRow(tr("Settings file"), new QLabel(QDir::toNativeSeparators(core::settingsFilePath()), files));
    filesForm->addRow(tr("Log detail (from the next start)"), m_logLevel);
    layout->addWidget(files);

    auto *saveRow = new QHBoxLayout;
    auto *saveButton = new QPushButton(tr("&Save"), this);
    saveButton->setObjectName(QStringLiteral("saveApplication"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    saveRow->addWidget(saveButton);
    saveRow->addWidget(m_message, 1);
    layout->addLayout(saveRow);
    layout->addStretch(1);
    connect(saveButton, &QPushButton::clicked, this, &ApplicationSettings::save);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { applyTheme(m_theme->currentData().toString()); }); // seen at once

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Change the database"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    load();
    enable();
}

void ApplicationSettings::load()
{
    QSettings user;
    m_language->setCurrentIndex(qMax(0, m_language->findData(user.value(QStringLiteral("ui/language")).toString())));
    {
        const QSignalBlocker quiet(m_theme);
        m_theme->setCurrentIndex(qMax(0, m_theme->findData(preferredTheme())));
    }
    m_tray->setChecked(user.value(QStringLiteral("notifications/desktop"), true).toBool());
    QSettings program(core::settingsFilePath(), QSettings::IniFormat);
    // What the settings file says; without it, the database in use (so that saving the other
    // settings does not move the user to another one).
    QString url = program.value(QStringLiteral("database_url")).toString();
    if (url.isEmpty() && !m_current.inMemory) {
        storage::DatabaseUrl shown = m_current;
        shown.password.clear();
        url = shown.toString();
    }
    auto parsed = storage::DatabaseUrl::parse(url);
    const QString defaultFile = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("fliptech.db"));
    if (!url.isEmpty() && parsed && parsed->backend == storage::Backend::Postgres) {
        m_shared->setChecked(true);
        storage::DatabaseUrl shown = *parsed;
        shown.password.clear();
        m_pgUrl->setText(shown.toString());
        m_file->setText(defaultFile);
    } else {
        m_local->setChecked(true);
        m_file->setText(!url.isEmpty() && parsed && !parsed->path.isEmpty() ? parsed->path : defaultFile);
    }
    m_pgPassword->setPlaceholderText(storedPassword(m_secrets).isEmpty() ? tr("not set")
                                                                                                                             : tr("set (type to replace)"));
    const QString listen = program.value(QStringLiteral("listen")).toString();
    m_apiOn->setChecked(!listen.isEmpty());
    m_apiAddress->setText(listen);
    m_cors->setText(program.value(QStringLiteral("cors_origins")).toString());
    m_tlsCert->setText(program.value(QStringLiteral("tls_cert")).toString());
    m_tlsKey->setText(program.value(QStringLiteral("tls_key")).toString());
    m_proxy->setText(program.value(QStringLiteral("proxy")).toString());
    m_logLevel->setCurrentIndex(qMax(0, m_logLevel->findData(program.value(QStringLiteral("log_level"), QStringLiteral("info")).toString())));
}

QString ApplicationSettings::databaseUrlFromFields(QString *password, QString *error) const
{
    if (m_local->isChecked()) {
        const QString file = m_file->text().trimmed();
        if (file.isEmpty() || !QDir::isAbsolutePath(file)) {
            *error = tr("Give the database file's full path.");
            return {};
        }
        return storage::DatabaseUrl::sqliteFile(QDir::cleanPath(file)).toString();
    }
    auto url = sharedDatabaseUrl(m_pgUrl->text(), m_pgPassword->text());
    if (!url) {
        *error = url.error().message;
        return {};
    }
    // The password goes to the keychain, never into the settings file.
    *password = url->password;
    url->password.clear();
    return url->toString();
}

void ApplicationSettings::testConnection()
{
    QString password, error;
    const QString text = databaseUrlFromFields(&password, &error);
    if (text.isEmpty()) {
        Q_EMIT connectionTested(false, error);
        return;
    }
    auto url = storage::DatabaseUrl::parse(text);
    if (password.isEmpty())
        password = QString::fromUtf8(storedPassword(m_secrets));
    url->password = password;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    testDatabase(*url, this, [this](bool ok, const QString &message) { Q_EMIT connectionTested(ok, ok ? tr("Connected: %1").arg(message) : message); });
}

bool ApplicationSettings::save()
{
    QString password, error;
    const QString url = databaseUrlFromFields(&password, &error);
    if (url.isEmpty()) {
        m_message->setText(error);
        return false;
    }
    const QString listen = m_apiAddress->text().trimmed();
    if (m_apiOn->isChecked()) {
        const int colon = listen.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535) {
            m_message->setText(tr("The API address is host:port, e.g. 127.0.0.1:8484."));
            return false;
        }
    }
    const QString cert = QDir::fromNativeSeparators(m_tlsCert->text().trimmed()), key = QDir::fromNativeSeparators(m_tlsKey->text().trimmed());
    if (cert.isEmpty() != key.isEmpty()) {
        m_message->setText(tr("TLS needs both files: the certificate and its private key."));
        return false;
    }
    if (!cert.isEmpty())
        if (auto tls = net::loadServerTls(cert, key); !tls) {
            m_message->setText(tr("The TLS files cannot be used: %1").arg(tls.error().message));
            return false;
        }
    if (m_apiOn->isChecked() && cert.isEmpty()) {
        const QString host = listen.left(listen.lastIndexOf(u':')).remove(u'[').remove(u']');
        if (host != QLatin1String("localhost") && host != QLatin1String("::1") && !host.startsWith(QLatin1String("127."))) {
            m_message->setText(tr("Serving the API to other computers (%1) needs a TLS certificate and key: anyone on the network could read it otherwise.")
                                   .arg(host));
            return false;
        }
    }
    auto proxies = net::parseProxyList(m_proxy->text());
    if (!proxies) {
        m_message->setText(tr("The proxy: %1").arg(proxies.error().message));
        return false;
    }
    QSettings program(core::settingsFilePath(), QSettings::IniFormat);
    const QString before = program.value(QStringLiteral("database_url")).toString();
    auto now = storage::DatabaseUrl::parse(url);
    if (!now) {
        m_message->setText(now.error().message);
        return false;
    }
    if (now->redacted() != m_currentDatabase && url != before &&
        !m_confirm(tr("From the next start FlipTech Pro will use %1.\n\nNothing is copied: the leads, campaigns and settings in %2 stay there, "
                      "and you see them again by switching back.")
                       .arg(now->redacted(), m_currentDatabase))) {
        m_message->setText(tr("Not saved: the database stays %1.").arg(m_currentDatabase));
        return false;
    }
    if (const QString problem = saveDatabaseChoice(m_secrets, *now, password); !problem.isEmpty()) {
        m_message->setText(problem);
        return false;
    }
    if (m_apiOn->isChecked())
        program.setValue(QStringLiteral("listen"), listen);
    else
        program.remove(QStringLiteral("listen"));
    const QString cors = m_cors->text().trimmed();
    if (cors.isEmpty())
        program.remove(QStringLiteral("cors_origins"));
    else
        program.setValue(QStringLiteral("cors_origins"), cors);
    for (const auto &[name, value] : {std::pair{"tls_cert", cert}, std::pair{"tls_key", key}, std::pair{"proxy", proxies->join(QStringLiteral(", "))}}) {
        if (value.isEmpty())
            program.remove(QLatin1String(name));
        else
            program.setValue(QLatin1String(name), value);
    }
    program.setValue(QStringLiteral("log_level"), m_logLevel->currentData().toString());
    program.sync();
    QSettings user;
    user.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    user.setValue(QStringLiteral("ui/theme"), m_theme->currentData().toString());
    user.setValue(QStringLiteral("notifications/desktop"), m_tray->isChecked());
    m_pgPassword->clear();
    m_message->setText(program.status() == QSettings::NoError ? tr("Saved. The language, database, API server, proxy and log detail apply from the next start.")
                                                              : tr("Could not write %1.").arg(core::settingsFilePath()));
    return program.status() == QSettings::NoError;
}

QString ApplicationSettings::message() const
{
    return m_message->text();
}

} // namespace fliptech::ui
