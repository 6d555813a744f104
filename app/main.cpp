// fliptech: parses the command line and starts the desktop or the headless server.
#include "fliptech/api/apiserver.h"
#include "fliptech/api/listenaddress.h"
#include "fliptech/core/config.h"
#include "fliptech/core/logging.h"
#include "fliptech/core/shutdownsignals.h"
#include "fliptech/engine/engine.h"

#ifdef FLIPTECH_WITH_GUI
#include "fliptech/ui/mainwindow.h"
#include "fliptech/ui/pageregistry.h"
#include "fliptech/ui/signindialogs.h"
#include <QApplication>
#include <QLibraryInfo>
#include <QTranslator>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

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

} // namespace

int main(int argc, char **argv)
{
    const bool headless = wantsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app;
#ifdef FLIPTECH_WITH_GUI
#ifdef Q_OS_WIN
    // Qt 6.4 follows Windows' dark mode only when asked to.
    if (!headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "windows:darkmode=2");
#endif
    QTranslator appTranslator, qtTranslator;
    if (!headless) {
        app = std::make_unique<QApplication>(argc, argv);
        if (appTranslator.load(QLocale(), QStringLiteral("fliptech"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&appTranslator);
        if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
    } else
#endif
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FlipTech"));
    QCoreApplication::setApplicationName(QStringLiteral("fliptech"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIPTECH_VERSION));
    core::installLogFormat();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FlipTech Pro: find local businesses that need a website, "
                                                    "reach out, follow up and count the revenue."));
    parser.addHelpOption();
    const QCommandLineOption versionOpt({QStringLiteral("v"), QStringLiteral("version")},
                                        QStringLiteral("Print the version and exit."));
    const QCommandLineOption headlessOpt(QStringLiteral("headless"),
                                         QStringLiteral("Run without a window: the engine and the HTTP API only."));
    const QCommandLineOption databaseOpt(QStringLiteral("database"),
                                         QStringLiteral("Database URL: sqlite:///abs/path.db, sqlite::memory: or "
                                                        "postgresql://user:pass@host:port/db (also FLIPTECH_DATABASE_URL "
                                                        "or DATABASE_URL)."),
                                         QStringLiteral("url"));
    const QCommandLineOption listenOpt(QStringLiteral("listen"),
                                       QStringLiteral("Address of the HTTP API (default 127.0.0.1:8484)."),
                                       QStringLiteral("host:port"));
    const QCommandLineOption insecureLanOpt(QStringLiteral("allow-insecure-lan"),
                                            QStringLiteral("Allow the API on a non-loopback address without TLS."));
    const QCommandLineOption tlsCertOpt(QStringLiteral("tls-cert"), QStringLiteral("Serve the API over TLS with this PEM certificate."),
                                        QStringLiteral("file"));
    const QCommandLineOption tlsKeyOpt(QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("file"));
    const QCommandLineOption migrateOpt(QStringLiteral("migrate"),
                                        QStringLiteral("Apply database migrations and exit."));
    const QCommandLineOption createAdminOpt(QStringLiteral("create-admin"),
                                            QStringLiteral("Create the first administrator and exit; the password is read from "
                                                           "stdin (or FLIPTECH_ADMIN_PASSWORD)."),
                                            QStringLiteral("email"));
    const QCommandLineOption workersOpt(QStringLiteral("workers"),
                                        QStringLiteral("Job worker threads (default 2; 0 runs no jobs here)."),
                                        QStringLiteral("n"));
    parser.addOptions({versionOpt, headlessOpt, databaseOpt, listenOpt, insecureLanOpt, tlsCertOpt, tlsKeyOpt, migrateOpt,
                       createAdminOpt, workersOpt});
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(ExitUsage, parser.errorText() + QStringLiteral(" (see --help)"));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(versionOpt)) {
        std::printf("FlipTech Pro %s\n", FLIPTECH_VERSION);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().first()));

    // Settings: command line > environment > settings file > defaults.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    core::Config config;
    config.setDefault(QStringLiteral("database_url"), QStringLiteral("sqlite://") + QDir(dataDir).filePath(QStringLiteral("fliptech.db")));
    config.setDefault(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8484"));
    config.setDefault(QStringLiteral("workers"), QStringLiteral("2"));
    config.loadSettingsFile(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                .filePath(QStringLiteral("fliptech.ini")));
    config.loadEnvironment(QProcessEnvironment::systemEnvironment(),
                           {{QStringLiteral("database_url"), {QStringLiteral("FLIPTECH_DATABASE_URL"), QStringLiteral("DATABASE_URL")}},
                            {QStringLiteral("listen"), {QStringLiteral("FLIPTECH_LISTEN")}},
                            {QStringLiteral("workers"), {QStringLiteral("FLIPTECH_WORKERS")}},
                            {QStringLiteral("access_minutes"), {QStringLiteral("JWT_ACCESS_TOKEN_EXPIRE_MINUTES")}},
                            {QStringLiteral("refresh_days"), {QStringLiteral("JWT_REFRESH_TOKEN_EXPIRE_DAYS")}},
                            {QStringLiteral("cors_origins"), {QStringLiteral("CORS_ORIGINS")}},
                            {QStringLiteral("rate_limit_per_minute"), {QStringLiteral("RATE_LIMIT_PER_MINUTE")}},
                            {QStringLiteral("allowed_hosts"), {QStringLiteral("FLIPTECH_ALLOWED_HOSTS")}},
                            {QStringLiteral("http_threads"), {QStringLiteral("FLIPTECH_HTTP_THREADS")}}});
    if (parser.isSet(databaseOpt))
        config.setCommandLine(QStringLiteral("database_url"), parser.value(databaseOpt));
    if (parser.isSet(listenOpt))
        config.setCommandLine(QStringLiteral("listen"), parser.value(listenOpt));
    if (parser.isSet(workersOpt))
        config.setCommandLine(QStringLiteral("workers"), parser.value(workersOpt));

    auto url = storage::DatabaseUrl::parse(config.value(QStringLiteral("database_url")));
    if (!url)
        return fail(ExitUsage, url.error().message);
    bool workersOk = false;
    const int workers = config.value(QStringLiteral("workers")).toInt(&workersOk);
    if (!workersOk || workers < 0 || workers > 64)
        return fail(ExitUsage, QStringLiteral("--workers must be a number from 0 to 64"));

    const bool runApi = headless || parser.isSet(listenOpt) ||
                        config.source(QStringLiteral("listen")) != core::Config::Source::Default;
    api::ListenAddress listen;
    if (runApi && !parser.isSet(migrateOpt)) {
        auto la = api::ListenAddress::parse(config.value(QStringLiteral("listen")));
        if (!la)
            return fail(ExitUsage, la.error().message);
        if (!la->isLoopback() && !parser.isSet(insecureLanOpt) && !parser.isSet(tlsCertOpt))
            return fail(ExitUsage, QStringLiteral("refusing to serve the API on %1 without TLS: anyone on the network "
                                                  "could read it. Use 127.0.0.1, or pass --allow-insecure-lan on a "
                                                  "trusted network (or put nginx with TLS in front, see README).")
                                       .arg(la->host));
        listen = *la;
    }

    engine::Engine::Options options;
    options.database = *url;
    options.workers = workers;
    options.dataDir = dataDir;
    options.auth.accessTokenMinutes = std::clamp(config.intValue(QStringLiteral("access_minutes"), 30), 1, 24 * 60);
    options.auth.refreshTokenDays = std::clamp(config.intValue(QStringLiteral("refresh_days"), 7), 1, 365);
    engine::Engine engine(options);

    api::ApiOptions apiOptions;
    apiOptions.corsOrigins = config.value(QStringLiteral("cors_origins")).split(u',', Qt::SkipEmptyParts);
    for (QString &o : apiOptions.corsOrigins)
        o = o.trimmed();
    apiOptions.rateLimitPerMinute = config.intValue(QStringLiteral("rate_limit_per_minute"), apiOptions.rateLimitPerMinute);
    apiOptions.metricsFromLoopback = qEnvironmentVariable("FLIPTECH_METRICS_LOOPBACK", QStringLiteral("1")) != QLatin1String("0");
    apiOptions.allowWebSocketQueryToken = qEnvironmentVariable("FLIPTECH_WS_QUERY_TOKEN") == QLatin1String("1");
    apiOptions.allowedHosts = config.value(QStringLiteral("allowed_hosts")).split(u',', Qt::SkipEmptyParts);
    bool threadsOk = true;
    const QString threadsText = config.value(QStringLiteral("http_threads"));
    apiOptions.threads = threadsText.isEmpty() ? 0 : threadsText.toInt(&threadsOk);
    if (!threadsOk || apiOptions.threads < 0 || apiOptions.threads > 64)
        return fail(ExitUsage, QStringLiteral("FLIPTECH_HTTP_THREADS must be a number from 0 (one per core) to 64"));
    if (parser.isSet(tlsCertOpt) != parser.isSet(tlsKeyOpt))
        return fail(ExitUsage, QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCertOpt)) {
        auto tls = api::loadTls(parser.value(tlsCertOpt), parser.value(tlsKeyOpt));
        if (!tls)
            return fail(ExitUsage, tls.error().message);
        apiOptions.tls = *tls;
    }

    // Every check before anything is written: the port first (so a second instance changes
    // nothing), then the database (reachable, schema not newer than this binary).
    const bool oneShot = parser.isSet(migrateOpt) || parser.isSet(createAdminOpt);
    std::unique_ptr<api::GuardedTcpServer> socket;
    if (runApi && !oneShot) {
        auto bound = api::GuardedTcpServer::bind(listen, apiOptions.limits);
        if (!bound)
            return fail(ExitListen, bound.error().message);
        socket = std::move(bound).value();
        socket->setTls(apiOptions.tls);
    }
    if (auto st = engine.connect(); !st)
        return fail(st.error().code == core::ErrorCode::SchemaTooNew ? ExitSchema : ExitDatabase, st.error().message);
    api::ApiServer server(engine, apiOptions);

    if (parser.isSet(createAdminOpt)) {
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
        auto admin = engine.auth().createFirstAdmin(parser.value(createAdminOpt), QString::fromUtf8(password), {});
        if (!admin)
            return fail(admin.error().code == core::ErrorCode::Forbidden ? ExitUsage : ExitDatabase, admin.error().message);
        std::printf("created administrator %s\n", qPrintable(admin->email));
        return ExitOk;
    }

    if (parser.isSet(migrateOpt)) {
        auto applied = engine.migrate();
        if (!applied)
            return fail(ExitDatabase, applied.error().message);
        std::printf("%s: schema version %d (%d migration%s applied)\n", qPrintable(url->redacted()),
                    engine.binarySchemaVersion(), *applied, *applied == 1 ? "" : "s");
        return ExitOk;
    }

    if (auto applied = engine.migrate(); !applied)
        return fail(ExitDatabase, applied.error().message);
    if (auto st = engine.start(); !st)
        return fail(ExitDatabase, st.error().message);
    if (socket)
        server.serve(std::move(socket), listen);

    core::ShutdownSignals shutdown;
    QObject::connect(&shutdown, &core::ShutdownSignals::shutdownRequested, app.get(), [](int) {
        QCoreApplication::quit();
    });
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &engine, [&] {
        server.close();
        engine.stop();
    });

#ifdef FLIPTECH_WITH_GUI
    std::unique_ptr<ui::MainWindow> window;
    if (!headless) {
        // A fresh install asks for its administrator; then a remembered sign-in resumes, or the
        // user signs in. Cancelling either closes the application.
        auth::AuthService &accounts = engine.auth();
        auto anyUser = accounts.hasUsers();
        std::optional<auth::TokenPair> session;
        if (anyUser && !*anyUser) {
            ui::FirstRunDialog firstRun(accounts, engine.secrets());
            if (firstRun.exec() != QDialog::Accepted)
                return ExitOk;
            session = firstRun.session(); // signed in as the administrator just created
        }
        if (!session)
            session = ui::SignInDialog::resume(accounts, engine.secrets());
        if (!session) {
            ui::SignInDialog signIn(accounts, engine.secrets());
            if (signIn.exec() != QDialog::Accepted)
                return ExitOk;
            session = signIn.session();
        }
        ui::PageRegistry pages;
        ui::registerDefaultPages(pages);
        auto principal = engine.auth().authenticate(session->accessToken);
        window = std::make_unique<ui::MainWindow>(engine, std::move(pages),
                                                  principal ? std::optional<auth::Principal>(*principal) : std::nullopt);
        window->setApiUrl(server.url().toString());
        window->setSignedInUser(session->user.name.isEmpty() ? session->user.email : session->user.name);
        QObject::connect(&server, &api::ApiServer::listeningChanged, window.get(),
                         [&server, w = window.get()](bool) { w->setApiUrl(server.url().toString()); });
        window->show();
    }
#endif
    if (headless) {
        std::printf("FlipTech Pro %s listening on %s (database: %s)\n", FLIPTECH_VERSION,
                    qPrintable(server.url().toString()), qPrintable(url->redacted()));
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
