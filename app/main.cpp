// fliptech: parses the command line and starts the desktop or the headless server.
#include "fliptech/api/apiserver.h"
#include "fliptech/api/listenaddress.h"
#include "fliptech/core/config.h"
#include "fliptech/core/logging.h"
#include "fliptech/core/shutdownsignals.h"
#include "fliptech/engine/engine.h"
#include "fliptech/net/connectionsettings.h"
#include "fliptech/storage/secretstore.h"

#ifdef FLIPTECH_WITH_GUI
#include "fliptech/storage/database.h"
#include "fliptech/ui/appsettings.h"
#include "fliptech/ui/icons.h"
#include "fliptech/ui/firstrunwizard.h"
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/signindialogs.h"
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QProcess>
#include <QTimer>
#include <QUrl>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

using namespace fliptech;

namespace {

enum Exit { ExitOk = 0, ExitUsage = 2, ExitDatabase = 3, ExitListen = 4, ExitSchema = 5 };

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "fliptech: %s\n", qPrintable(message));
    return code;
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--headless", "--migrate", "--version", "-v", "--help", "-h", "--help-all", "--create-admin"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    }
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QByteArray qpa = qgetenv("QT_QPA_PLATFORM");
    if (qpa.isEmpty() && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return true;
#endif
    return false;
}

// The command line's options, declared once.
struct CommandLine {
    QCommandLineParser parser;
    const QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Print the version and exit.")};
    const QCommandLineOption headless{QStringLiteral("headless"), QStringLiteral("Run without a window: the engine and the HTTP API only.")};
    const QCommandLineOption database{QStringLiteral("database"),
                                      QStringLiteral("Database URL: sqlite:///abs/path.db, sqlite::memory: or "
                                                     "postgresql://user:pass@host:port/db (also FLIPTECH_DATABASE_URL "
                                                     "or DATABASE_URL)."),
                                      QStringLiteral("url")};
    const QCommandLineOption listen{QStringLiteral("listen"), QStringLiteral("Address of the HTTP API (default 127.0.0.1:8484)."),
                                    QStringLiteral("host:port")};
    const QCommandLineOption insecureLan{QStringLiteral("allow-insecure-lan"), QStringLiteral("Allow the API on a non-loopback address without TLS.")};
    const QCommandLineOption tlsCert{QStringLiteral("tls-cert"), QStringLiteral("Serve the API over TLS with this PEM certificate."), QStringLiteral("file")};
    const QCommandLineOption tlsKey{QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("file")};
    const QCommandLineOption migrate{QStringLiteral("migrate"), QStringLiteral("Apply database migrations and exit.")};
    const QCommandLineOption createAdmin{QStringLiteral("create-admin"),
                                         QStringLiteral("Create the first administrator and exit; the password is read from "
                                                        "stdin (or FLIPTECH_ADMIN_PASSWORD)."),
                                         QStringLiteral("email")};
    const QCommandLineOption workers{QStringLiteral("workers"), QStringLiteral("Job worker threads (default 2; 0 runs no jobs here)."),
                                     QStringLiteral("n")};

    CommandLine()
    {
        parser.setApplicationDescription(QStringLiteral("FlipTech Pro: find local businesses that need a website, "
                                                        "reach out, follow up and count the revenue."));
        parser.addHelpOption();
        parser.addOptions({version, headless, database, listen, insecureLan, tlsCert, tlsKey, migrate, createAdmin, workers});
    }
    bool oneShot() const { return parser.isSet(migrate) || parser.isSet(createAdmin); }
};

// An exit code and what to print, or nothing (go on).
using Outcome = std::optional<int>;

// --help, --version and stray arguments end here.
Outcome parseCommandLine(CommandLine &cl)
{
    if (!cl.parser.parse(QCoreApplication::arguments()))
        return fail(ExitUsage, cl.parser.errorText() + QStringLiteral(" (see --help)"));
    if (cl.parser.isSet(QStringLiteral("help")))
        cl.parser.showHelp(0);
    if (cl.parser.isSet(cl.version)) {
        std::printf("FlipTech Pro %s\n", FLIPTECH_VERSION);
        return ExitOk;
    }
    if (!cl.parser.positionalArguments().isEmpty())
        return fail(ExitUsage, QStringLiteral("unexpected argument '%1' (see --help)").arg(cl.parser.positionalArguments().first()));
    return std::nullopt;
}

// Settings: command line > environment > settings file > defaults.
core::Config loadConfig(const CommandLine &cl, const QString &dataDir)
{
    core::Config config;
    config.setDefault(QStringLiteral("database_url"), QStringLiteral("sqlite://") + QDir(dataDir).filePath(QStringLiteral("fliptech.db")));
    config.setDefault(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8484"));
    config.setDefault(QStringLiteral("workers"), QStringLiteral("2"));
    config.loadSettingsFile(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("fliptech.ini")));
    config.loadEnvironment(QProcessEnvironment::systemEnvironment(),
                           {{QStringLiteral("database_url"), {QStringLiteral("FLIPTECH_DATABASE_URL"), QStringLiteral("DATABASE_URL")}},
                            {QStringLiteral("listen"), {QStringLiteral("FLIPTECH_LISTEN")}},
                            {QStringLiteral("workers"), {QStringLiteral("FLIPTECH_WORKERS")}},
                            {QStringLiteral("access_minutes"), {QStringLiteral("JWT_ACCESS_TOKEN_EXPIRE_MINUTES")}},
                            {QStringLiteral("refresh_days"), {QStringLiteral("JWT_REFRESH_TOKEN_EXPIRE_DAYS")}},
                            {QStringLiteral("cors_origins"), {QStringLiteral("CORS_ORIGINS")}},
                            {QStringLiteral("rate_limit_per_minute"), {QStringLiteral("RATE_LIMIT_PER_MINUTE")}},
                            {QStringLiteral("allowed_hosts"), {QStringLiteral("FLIPTECH_ALLOWED_HOSTS")}},
                            {QStringLiteral("http_threads"), {QStringLiteral("FLIPTECH_HTTP_THREADS")}},
                            {QStringLiteral("job_lease_seconds"), {QStringLiteral("FLIPTECH_JOB_LEASE_SECONDS")}},
                            {QStringLiteral("tls_cert"), {QStringLiteral("FLIPTECH_TLS_CERT")}},
                            {QStringLiteral("tls_key"), {QStringLiteral("FLIPTECH_TLS_KEY")}},
                            {QStringLiteral("proxy"), {QStringLiteral("FLIPTECH_PROXY")}}});
    if (cl.parser.isSet(cl.database))
        config.setCommandLine(QStringLiteral("database_url"), cl.parser.value(cl.database));
    if (cl.parser.isSet(cl.listen))
        config.setCommandLine(QStringLiteral("listen"), cl.parser.value(cl.listen));
    if (cl.parser.isSet(cl.workers))
        config.setCommandLine(QStringLiteral("workers"), cl.parser.value(cl.workers));
    if (cl.parser.isSet(cl.tlsCert) || cl.parser.isSet(cl.tlsKey)) { // the pair, never one from here and one from the file
        config.setCommandLine(QStringLiteral("tls_cert"), cl.parser.value(cl.tlsCert));
        config.setCommandLine(QStringLiteral("tls_key"), cl.parser.value(cl.tlsKey));
    }
    return config;
}

// The API's address: loopback, or TLS, or the user said the network is trusted. Empty, or what
// is wrong.
QString checkListenAddress(const CommandLine &cl, const core::Config &config, api::ListenAddress *listen)
{
    auto la = api::ListenAddress::parse(config.value(QStringLiteral("listen")));
    if (!la)
        return la.error().message;
    if (!la->isLoopback() && !cl.parser.isSet(cl.insecureLan) && config.value(QStringLiteral("tls_cert")).isEmpty())
        return QStringLiteral("refusing to serve the API on %1 without TLS: anyone on the network "
                              "could read it. Use 127.0.0.1, give a TLS certificate (--tls-cert and --tls-key, or Settings → "
                              "Application), or pass --allow-insecure-lan on a trusted network (or put nginx with TLS in front, see README).")
            .arg(la->host);
    *listen = *la;
    return {};
}

Outcome engineOptionsFrom(const core::Config &config, const storage::DatabaseUrl &url, const QString &dataDir, engine::Engine::Options *options)
{
    bool workersOk = false;
    options->workers = config.value(QStringLiteral("workers")).toInt(&workersOk);
    if (!workersOk || options->workers < 0 || options->workers > 64)
        return fail(ExitUsage, QStringLiteral("--workers must be a number from 0 to 64"));
    options->database = url;
    options->dataDir = dataDir;
    // How long a silent process's jobs stay its own: after a crash they run again this much later.
    options->jobLease = std::chrono::seconds(std::clamp(config.intValue(QStringLiteral("job_lease_seconds"), 30), 2, 3600));
    options->auth.accessTokenMinutes = std::clamp(config.intValue(QStringLiteral("access_minutes"), 30), 1, 24 * 60);
    options->auth.refreshTokenDays = std::clamp(config.intValue(QStringLiteral("refresh_days"), 7), 1, 365);
    // Every outbound request (scraping, AI, providers) through these; none set: libcurl's own
    // environment (http_proxy, https_proxy, no_proxy).
    auto proxies = net::parseProxyList(config.value(QStringLiteral("proxy")));
    if (!proxies)
        return fail(ExitUsage, proxies.error().message + QStringLiteral(" (FLIPTECH_PROXY or proxy in ") + core::settingsFilePath() + u')');
    options->http.proxies = *proxies;
    return std::nullopt;
}

// The API server's options; empty, or what is wrong.
QString apiOptionsFrom(const core::Config &config, api::ApiOptions *options)
{
    options->corsOrigins = config.value(QStringLiteral("cors_origins")).split(u',', Qt::SkipEmptyParts);
    for (QString &o : options->corsOrigins)
        o = o.trimmed();
    options->rateLimitPerMinute = config.intValue(QStringLiteral("rate_limit_per_minute"), options->rateLimitPerMinute);
    options->metricsFromLoopback = qEnvironmentVariable("FLIPTECH_METRICS_LOOPBACK", QStringLiteral("1")) != QLatin1String("0");
    options->allowWebSocketQueryToken = qEnvironmentVariable("FLIPTECH_WS_QUERY_TOKEN") == QLatin1String("1");
    options->allowedHosts = config.value(QStringLiteral("allowed_hosts")).split(u',', Qt::SkipEmptyParts);
    bool threadsOk = true;
    const QString threadsText = config.value(QStringLiteral("http_threads"));
    options->threads = threadsText.isEmpty() ? 0 : threadsText.toInt(&threadsOk);
    if (!threadsOk || options->threads < 0 || options->threads > 64)
        return QStringLiteral("FLIPTECH_HTTP_THREADS must be a number from 0 (one per core) to 64");
    const QString cert = config.value(QStringLiteral("tls_cert")), key = config.value(QStringLiteral("tls_key"));
    if (cert.isEmpty() != key.isEmpty())
        return QStringLiteral("--tls-cert and --tls-key go together (the certificate and its private key)");
    if (!cert.isEmpty()) {
        auto tls = net::loadServerTls(cert, key);
        if (!tls)
            return tls.error().message;
        options->tls = *tls;
    }
    return {};
}

// --create-admin: the password from FLIPTECH_ADMIN_PASSWORD or the first line of stdin.
int createAdmin(engine::Engine &engine, const QString &email)
{
    QByteArray password = qgetenv("FLIPTECH_ADMIN_PASSWORD");
    if (password.isEmpty()) {
        char buffer[1024] = {};
        if (std::fgets(buffer, sizeof buffer, stdin))
            password = QByteArray(buffer).trimmed();
    }
    if (password.isEmpty())
        return fail(ExitUsage, QStringLiteral("give the password on stdin or in FLIPTECH_ADMIN_PASSWORD"));
    if (auto applied = engine.migrate(); !applied)
        return fail(ExitDatabase, applied.error().message);
    if (auto st = engine.auth().init(); !st)
        return fail(ExitDatabase, st.error().message);
    auto admin = engine.auth().createFirstAdmin(email, QString::fromUtf8(password), {});
    if (!admin)
        return fail(admin.error().code == core::ErrorCode::Forbidden ? ExitUsage : ExitDatabase, admin.error().message);
    std::printf("created administrator %s\n", qPrintable(admin->email));
    return ExitOk;
}

int migrateOnly(engine::Engine &engine, const storage::DatabaseUrl &url)
{
    auto applied = engine.migrate();
    if (!applied)
        return fail(ExitDatabase, applied.error().message);
    std::printf("%s: schema version %d (%d migration%s applied)\n", qPrintable(url.redacted()), engine.binarySchemaVersion(), *applied,
                *applied == 1 ? "" : "s");
    return ExitOk;
}

#ifdef FLIPTECH_WITH_GUI
// What the window says after a run that ended without closing: when, that the database was checked
// (and what the check found), that unfinished jobs go on, and where the log is.
QString crashNotice(engine::Engine &engine, const core::SessionMarker &marker)
{
    const QString when = marker.previousStart().isValid()
                             ? QLocale().toString(marker.previousStart().toLocalTime(), QLocale::ShortFormat)
                             : QCoreApplication::translate("main", "the last time");
    auto problems = engine.database().checkConsistency();
    QString state;
    if (!problems)
        state = QCoreApplication::translate("main", "The database could not be checked: %1.").arg(problems.error().message.toHtmlEscaped());
    else if (problems->isEmpty())
        state = QCoreApplication::translate("main", "The database was checked and is consistent: everything saved before the exit is there, "
                                                    "and unfinished jobs (scrapes, sends, imports) carry on from where they stopped.");
    else
        state = QCoreApplication::translate("main", "The database check found problems: %1. Make a copy of the database file before going on.")
                    .arg(problems->join(QStringLiteral("; ")).toHtmlEscaped());
    const QString logs = core::logDirectory();
    return QCoreApplication::translate("main", "<b>FlipTech Pro did not close properly</b> (session started %1). %2 %3")
        .arg(when.toHtmlEscaped(), state,
             logs.isEmpty() ? QString()
                            : QCoreApplication::translate("main", "The <a href=\"%1\">log</a> may say why.")
                                  .arg(QUrl::fromLocalFile(logs).toString(QUrl::FullyEncoded)));
}

// A fresh install asks for its administrator; then a remembered sign-in resumes, or the user
// signs in. Nothing: the user cancelled (the application closes).
std::unique_ptr<ui::MainWindow> openDesktop(engine::Engine &engine, api::ApiServer &server, const core::SessionMarker &marker, const QString &apiProblem)
{
    auth::AuthService &accounts = engine.auth();
    auto anyUser = accounts.hasUsers();
    std::optional<auth::TokenPair> session;
    if (anyUser && !*anyUser) {
        ui::FirstRunWizard firstRun(engine);
        if (firstRun.exec() != QDialog::Accepted)
            return nullptr;
        if (firstRun.restartRequired()) {
            // The team's database was chosen: this program again, on it.
            QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
            return nullptr;
        }
        session = firstRun.session(); // signed in as the administrator just created
    }
    if (!session)
        session = ui::SignInDialog::resume(accounts, engine.secrets());
    if (!session) {
        ui::SignInDialog signIn(accounts, engine.secrets());
        if (signIn.exec() != QDialog::Accepted)
            return nullptr;
        session = signIn.session();
    }
    ui::PageRegistry pages;
    ui::registerDefaultPages(pages);
    auto principal = engine.auth().authenticate(session->accessToken);
    auto window = std::make_unique<ui::MainWindow>(engine, std::move(pages), principal ? std::optional<auth::Principal>(*principal) : std::nullopt);
    window->setApiUrl(server.url().toString());
    window->setSignedInUser(session->user.name.isEmpty() ? session->user.email : session->user.name);
    QObject::connect(&server, &api::ApiServer::listeningChanged, window.get(), [&server, w = window.get()](bool) { w->setApiUrl(server.url().toString()); });
    window->show();
    QStringList notices;
    if (marker.previousRunEndedUnexpectedly())
        notices << crashNotice(engine, marker);
    if (!apiProblem.isEmpty())
        notices << QCoreApplication::translate("main", "<b>The API server did not start</b>: %1. The desktop works without it; change its address or TLS files "
                                                       "in <a href=\"fliptech://settings\">Settings → Application</a>.")
                       .arg(apiProblem.toHtmlEscaped());
    if (!notices.isEmpty())
        window->showNotice(notices.join(QStringLiteral("<br>")));
    return window;
}
#endif

// The application object: a QApplication with its translations for the desktop.
std::unique_ptr<QCoreApplication> createApplication(bool headless, int &argc, char **argv)
{
#ifdef FLIPTECH_WITH_GUI
#ifdef Q_OS_WIN
    // Qt 6.4 follows Windows' dark mode only when asked to.
    if (!headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "windows:darkmode=2");
#endif
    if (!headless) {
        auto app = std::make_unique<QApplication>(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("FlipTech"));
        QCoreApplication::setApplicationName(QStringLiteral("fliptech"));
        QApplication::setWindowIcon(ui::logoIcon());
        QGuiApplication::setDesktopFileName(QStringLiteral("fliptech"));
        // The language and theme this user chose in Settings → Application (else the system's).
        ui::installTranslations(ui::preferredLanguage());
        ui::applyTheme(ui::preferredTheme());
        return app;
    }
#endif
    Q_UNUSED(headless)
    // Headless: a QGuiApplication on the offscreen platform (no display needed), for what draws
    // with fonts — the PDF reports. QT_QPA_PLATFORM still chooses when set.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    const bool headless = wantsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app = createApplication(headless, argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FlipTech"));
    QCoreApplication::setApplicationName(QStringLiteral("fliptech"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIPTECH_VERSION));
    core::installLogFormat();

    CommandLine cl;
    if (Outcome done = parseCommandLine(cl))
        return *done;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const core::Config config = loadConfig(cl, dataDir);
    auto url = storage::DatabaseUrl::parse(config.value(QStringLiteral("database_url")));
    if (!url)
        return fail(ExitUsage, url.error().message);
    engine::Engine::Options options;
    if (Outcome bad = engineOptionsFrom(config, *url, dataDir, &options))
        return *bad;
    bool runApi = headless || cl.parser.isSet(cl.listen) || config.source(QStringLiteral("listen")) != core::Config::Source::Default;
    // What keeps the API server from starting. The headless server (or a --listen given here)
    // refuses to start; the desktop starts without it and says why (a setting saved in
    // Settings → Application must never keep the window from opening).
    const bool apiRequired = headless || cl.parser.isSet(cl.listen);
    api::ListenAddress listen;
    QString apiProblem;
    if (runApi && !cl.oneShot())
        apiProblem = checkListenAddress(cl, config, &listen);

    // The desktop keeps a log file (Help → Open logs folder) and notices a run that ended without
    // closing (the marker is removed on a clean exit, the returns below included).
    std::optional<core::SessionMarker> marker;
    if (!headless) {
        core::installLogFile(QDir(dataDir).filePath(QStringLiteral("logs")));
        marker.emplace(dataDir);
        if (marker->previousRunEndedUnexpectedly())
            qCWarning(lcCore) << "the previous run (started" << marker->previousStart().toString(Qt::ISODate) << ") ended without closing";
    }

    // The secret store, opened here so the shared database's password (Settings → Application
    // keeps it there, not in the settings file) can complete a URL that has none.
    std::unique_ptr<storage::SecretStore> secrets = storage::openSecretStore(dataDir);
    options.secrets = secrets.get();
    if (options.database.backend == storage::Backend::Postgres && options.database.password.isEmpty() &&
        config.source(QStringLiteral("database_url")) == core::Config::Source::SettingsFile)
        if (auto stored = secrets->read(QString::fromLatin1(storage::kDatabasePasswordSecret)); stored && !stored->isEmpty())
            options.database.password = QString::fromUtf8(*stored);
    if (config.value(QStringLiteral("log_level")) == QLatin1String("debug"))
        QLoggingCategory::setFilterRules(QStringLiteral("fliptech.*.debug=true"));

    engine::Engine engine(options);
    api::ApiOptions apiOptions;
    if (const QString problem = apiOptionsFrom(config, &apiOptions); !problem.isEmpty() && apiProblem.isEmpty() && (runApi || apiRequired))
        apiProblem = problem;
    if (!apiProblem.isEmpty()) {
        if (apiRequired || cl.oneShot())
            return fail(ExitUsage, apiProblem);
        qCWarning(lcCore).noquote() << "the API server is not started:" << apiProblem;
        runApi = false;
    }

    // Every check before anything is written: the port first (so a second instance changes
    // nothing), then the database (reachable, schema not newer than this binary).
    std::unique_ptr<api::GuardedTcpServer> socket;
    if (runApi && !cl.oneShot()) {
        auto bound = api::GuardedTcpServer::bind(listen, apiOptions.limits);
        if (bound) {
            socket = std::move(bound).value();
            socket->setTls(apiOptions.tls);
        } else if (apiRequired) {
            return fail(ExitListen, bound.error().message);
        } else {
            apiProblem = bound.error().message;
            qCWarning(lcCore).noquote() << "the API server is not started:" << apiProblem;
        }
    }
    if (auto st = engine.connect(); !st)
        return fail(st.error().code == core::ErrorCode::SchemaTooNew ? ExitSchema : ExitDatabase, st.error().message);
    api::ApiServer server(engine, apiOptions);
    if (cl.parser.isSet(cl.createAdmin))
        return createAdmin(engine, cl.parser.value(cl.createAdmin));
    if (cl.parser.isSet(cl.migrate))
        return migrateOnly(engine, *url);

    if (auto applied = engine.migrate(); !applied)
        return fail(ExitDatabase, applied.error().message);
    if (auto st = engine.start(); !st)
        return fail(ExitDatabase, st.error().message);
    if (socket)
        server.serve(std::move(socket), listen);
    core::ShutdownSignals shutdown;
    QObject::connect(&shutdown, &core::ShutdownSignals::shutdownRequested, app.get(), [](int) {
#ifdef FLIPTECH_WITH_GUI
        // A dialog shown before the main loop (the first-run wizard, signing in) runs a loop of
        // its own, which quit() does not end (Qt ends only a running exec()): it is rejected.
        if (qobject_cast<QApplication *>(QCoreApplication::instance()))
            for (int i = 0; i < 8; ++i) {
                auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    break;
                dialog->reject();
            }
#endif
        QCoreApplication::quit();
    });
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &engine, [&] {
        server.close();
        engine.stop();
    });
#ifdef FLIPTECH_WITH_GUI
    std::unique_ptr<ui::MainWindow> window;
    if (!headless && !(window = openDesktop(engine, server, *marker, apiProblem)))
        return ExitOk;
    // bench_desktopstart: once the window is up and the event loop idle (its first page built and
    // painted), say so with the memory in use; then, when the page reads its figures off the
    // window's thread (the dashboard's refreshed()), once they are drawn; then close.
    if (window && qEnvironmentVariableIsSet("FLIPTECH_STARTUP_PROBE"))
        QTimer::singleShot(0, window.get(), [w = window.get()] {
            auto say = [](const char *what) {
                QFile status(QStringLiteral("/proc/self/status"));
                QByteArray rss = "unknown";
                if (status.open(QIODevice::ReadOnly))
                    for (const QByteArray &line : status.readAll().split('\n'))
                        if (line.startsWith("VmRSS:"))
                            rss = line.mid(6).simplified();
                std::printf("startup-probe %s rss=%s\n", what, rss.constData());
                std::fflush(stdout);
            };
            say("ready");
            QWidget *page = w->pageWidget(w->currentPageId());
            if (!page || page->metaObject()->indexOfSignal("refreshed()") < 0) {
                QCoreApplication::quit();
                return;
            }
            auto *drawn = new QTimer(w); // refreshed() starts it; it fires once they are drawn
            drawn->setSingleShot(true);
            drawn->setInterval(0);
            QObject::connect(drawn, &QTimer::timeout, w, [say] {
                say("figures");
                QCoreApplication::quit();
            });
            QObject::connect(page, SIGNAL(refreshed()), drawn, SLOT(start()));
        });
#endif
    if (headless) {
        std::printf("FlipTech Pro %s listening on %s (database: %s)\n", FLIPTECH_VERSION, qPrintable(server.url().toString()), qPrintable(url->redacted()));
        std::fflush(stdout);
    }
    const int rc = app->exec();
#ifdef FLIPTECH_WITH_GUI
    window.reset();
#endif
    server.close();
    engine.stop();
    return rc;
}
