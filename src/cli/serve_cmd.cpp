// `sterklabel serve`: the web server (platform contract, docs/platform-contract.md).
// Flags and STERK_* environment variables (flags win); --config-dump prints the effective
// configuration with secrets masked; --demo seeds the demo logins into an empty database.
#include "adapters/content/libmagic_sniffer.h"
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/crypto/sodium_signer.h"
#include "adapters/config/data_files.h"
#include "adapters/http/app.h"
#include "adapters/http/framework_catalog.h"
#include "adapters/http/serve_config.h"
#include "adapters/http/server.h"
#include "adapters/http/static_files.h"
#include "adapters/http/web_root.h"
#include "adapters/json/plan_json.h"
#include "adapters/logging/json_log_formatter.h"
#include "adapters/json/report_json.h"
#include "adapters/pdf/certificate_pdf.h"
#include "adapters/pdf/label_logo.h"
#include "adapters/pdf/report_pdf.h"
#include "demo_report.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/mail/outbox_worker.h"
#include "adapters/mail/smtp_mailer.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "core/services/demo_certificates.h"
#include "core/services/trend_service.h"
#include "core/services/demo_seed.h"
#include "core/services/demo_trajectories.h"
#include "core/services/notification_service.h"

#include <curl/curl.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace sterk::cli {

namespace {

struct ServeOptions {
    std::string db;
    std::string listen;
    std::string web_root;
    std::string base_url;
    std::string smtp_url;
    std::string smtp_from;
    std::vector<std::string> trusted_proxies;
    std::string log_format;
    bool demo = false;
    bool config_dump = false;
    int outbox_poll_ms = 2000;
    int outbox_backoff_ms = 30'000;
    int lifecycle_every_min = 60;
    std::map<std::string, CLI::Option*> given;
};

std::optional<std::string> flag(ServeOptions const& options, std::string const& name, std::string const& value)
{
    auto const found = options.given.find(name);
    if (found == options.given.end() || found->second->count() == 0) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> environment(std::string const& name)
{
    char const* value = std::getenv(name.c_str());
    if (value == nullptr) {
        return std::nullopt;
    }
    return std::string{value};
}

std::optional<std::string> read_whole_file(std::string const& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void setup_logging(bool json)
{
    // stdout carries the start line and the demo logins (tests read it); logs go to stderr.
    auto logger = json ? spdlog::stderr_logger_mt("sterklabel") : spdlog::stderr_color_mt("sterklabel");
    spdlog::set_default_logger(logger);
    if (json) {
        spdlog::set_formatter(std::make_unique<JsonLogFormatter>());
    } else {
        spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
    }
    spdlog::flush_on(spdlog::level::info);
}

UnixTime now_seconds()
{
    return static_cast<UnixTime>(std::time(nullptr));
}

int run_serve(ServeOptions const& options)
{
    http::ServeFlags flags;
    flags.db = flag(options, "--db", options.db);
    flags.listen = flag(options, "--listen", options.listen);
    flags.web_root = flag(options, "--web-root", options.web_root);
    flags.base_url = flag(options, "--base-url", options.base_url);
    flags.smtp_url = flag(options, "--smtp-url", options.smtp_url);
    flags.smtp_from = flag(options, "--smtp-from", options.smtp_from);
    flags.trusted_proxies = options.trusted_proxies;
    flags.log_format = flag(options, "--log-format", options.log_format);
    flags.demo = options.demo;
    auto resolved = http::resolve_serve_config(flags, environment, read_whole_file);
    if (!resolved) {
        std::cerr << "fout: " << resolved.error().message << "\n";
        return 2;
    }
    http::ServeConfig const& config = *resolved;
    if (options.config_dump) {
        std::cout << http::config_dump(config).dump(2) << "\n";
        return 0;
    }

    setup_logging(config.json_logs);
    if (auto sodium = init_sodium(); !sodium) {
        return report_error(sodium.error());
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);

    auto store = open_store(config.db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), {{"db", "--db"}});
    }
    auto catalog = http::FrameworkCatalog::load_builtin();
    if (!catalog) {
        return report_error(catalog.error());
    }
    // Every framework version a stored trajectory may have pinned, loaded once.
    std::map<std::string, NormFramework> frameworks;
    for (auto const& version : builtin_framework_versions()) {
        auto loaded = load_builtin_framework(version);
        if (!loaded) {
            return report_error(loaded.error());
        }
        frameworks.emplace(version, std::move(*loaded));
    }
    JsonEventPayloadCodec const payload_codec;
    std::string web_root = config.web_root;
    if (!web_root.empty()) {
        if (!std::filesystem::is_directory(web_root)) {
            spdlog::warn("--web-root {} bestaat niet (nog): alleen de API wordt geserveerd", web_root);
        } else {
            spdlog::info("web-app uit {} (--web-root/STERK_WEB_ROOT)", web_root);
        }
    } else {
        std::error_code ec;
        auto const executable = std::filesystem::read_symlink("/proc/self/exe", ec);
        auto const candidates = http::web_root_candidates(ec ? std::filesystem::path{} : executable);
        if (auto found = http::find_web_root(candidates)) {
            web_root = found->string();
            spdlog::info("web-app uit {} (naast het programma gevonden)", web_root);
        } else {
            std::string searched;
            for (auto const& candidate : candidates) {
                searched += (searched.empty() ? "" : ", ") + candidate.string();
            }
            spdlog::warn("geen web-app gevonden (gezocht in {}): alleen de API wordt geserveerd. Bouw de web-app "
                         "(make web) of geef de map met --web-root of STERK_WEB_ROOT",
                         searched);
        }
    }

    SodiumPasswordHasher hasher;
    SodiumTokenGenerator tokens;
    bool seed_report = false;  // once the services exist (below)
    if (config.demo) {
        auto logins = seed_demo(**store, hasher, tokens, config.demo_password, now_seconds());
        if (!logins) {
            return report_error(logins.error(), {{"STERK_DEMO_PASSWORD", "STERK_DEMO_PASSWORD"}});
        }
        if (!logins->empty()) {
            // The register first: the members that hold a certificate request its re-certification.
            if (auto registered = seed_demo_certificates(**store, frameworks.rbegin()->second.procedure, now_seconds());
                !registered) {
                return report_error(registered.error());
            }
            if (auto seeded = seed_demo_trajectories(**store, payload_codec, frameworks.at("2019"), now_seconds());
                !seeded) {
                return report_error(seeded.error());
            }
            if (auto pooled = seed_demo_peer_pool(**store, frameworks.at("2019"), now_seconds()); !pooled) {
                return report_error(pooled.error());
            }
            seed_report = true;
            std::cout << "Demogegevens aangemaakt. Inloggen kan met (wachtwoorden worden maar één keer getoond):\n";
            for (auto const& login : *logins) {
                std::cout << "  " << login.email << "  rol " << role_dutch(login.role) << "  wachtwoord "
                          << login.password << "\n";
            }
        }
    }

    http::ServerOptions server_options;
    server_options.host = config.listen_host;
    server_options.port = config.listen_port;
    auto server = http::HttpServer::bind(server_options);
    if (!server) {
        std::cerr << "fout: " << server.error().message << "\n";
        return server.error().code == ErrorCode::InvalidArgument ? 2 : 1;
    }
    std::uint16_t const port = (*server)->port();
    std::string const base_url = http::effective_base_url(config, port);

    std::unique_ptr<Mailer> transport;
    bool const demo_outbox = config.smtp_url.empty() && config.demo;
    if (demo_outbox) {
        transport = std::make_unique<DemoLogMailer>();
    } else if (config.smtp_url.empty()) {
        transport = std::make_unique<LogMailer>();
    } else {
        transport = std::make_unique<SmtpMailer>(
            SmtpSettings{config.smtp_url, config.smtp_from, config.smtp_user, config.smtp_password});
    }
    QueuedMailer mailer{std::move(transport)};
    if (demo_outbox) {
        mailer.set_delivered_text("niet verstuurd maar hierboven in het serverlog gezet (demo zonder SMTP)");
        spdlog::info("demo zonder SMTP-server: e-mails worden niet verstuurd maar met hun link in dit log gezet");
    }
    AuthService auth{**store, hasher, tokens};
    PasswordResetService resets{**store, hasher, tokens, mailer, PasswordResetSettings{base_url}};
    UserService users{**store, hasher, resets};
    mailer.set_failure_handler([&resets](MailMessage const& message, Error const& error) {
        if (auto recorded = resets.record_mail_failure(message.to, error.message, now_seconds()); !recorded) {
            spdlog::error("mislukte e-mail niet in het auditlog gezet: {}", recorded.error().message);
        }
    });
    http::StaticFiles static_files{web_root};
    http::AppSettings settings;
    settings.secure_cookies = base_url.starts_with("https://");
    settings.strict_transport_security = base_url.starts_with("https://");
    settings.trusted_proxies = config.trusted_proxies;
    settings.base_url = base_url;
    auto tariffs = load_builtin_tariffs();
    if (!tariffs) {
        return report_error(tariffs.error());
    }
    TrajectoryService trajectories{**store, payload_codec,
                                   [&frameworks](std::string const& version) {
                                       auto const found = frameworks.find(version);
                                       return found == frameworks.end() ? nullptr : &found->second;
                                   },
                                   *tariffs};
    RegistryService registry{**store};
    AuditorService auditors{**store, payload_codec};
    SelfEvaluationService self_evaluations{**store,
                                           [&frameworks](std::string const& version) {
                                               auto const found = frameworks.find(version);
                                               return found == frameworks.end() ? nullptr : &found->second;
                                           },
                                           frameworks.empty() ? std::string{} : frameworks.rbegin()->first};
    PeerPoolService peer_pools{**store};
    auto sniffer = LibmagicSniffer::open();
    if (!sniffer) {
        return report_error(sniffer.error());
    }
    SodiumContentDigest digest;
    DocumentService documents{**store, **sniffer, digest};
    JsonReportCodec report_codec;
    ReportService reports{**store, trajectories, report_codec};
    trajectories.add_effects(&reports);
    JsonPlanCodec plan_codec;
    PlanService plans{**store, trajectories, plan_codec};
    trajectories.add_effects(&plans);
    AddendumService addenda{**store, trajectories, report_codec};
    trajectories.add_effects(&addenda);
    // Certificates (issue 11): the Part A check before receipt_confirmed, the certificate of
    // certificate_issued, the renewal's dates on the certificate a re-certification renews.
    SodiumCertificateSigner certificate_signer;
    CertificateService certificates{**store, trajectories, report_codec, certificate_signer,
                                    frameworks.rbegin()->second.procedure, base_url};
    trajectories.add_effects(&certificates);
    // The trend analysis (issue 12): each trajectory's fact and the counters follow its events.
    std::vector<std::string> variant_keys;
    for (auto const& variant : tariffs->variants) {
        variant_keys.push_back(variant.key);
    }
    TrendService trends{**store, trajectories, report_codec,
                        [&frameworks](std::string const& version) {
                            auto const found = frameworks.find(version);
                            return found == frameworks.end() ? nullptr : &found->second;
                        },
                        frameworks.rbegin()->first, variant_keys};
    trajectories.add_effects(&trends);
    if (auto const years = (*store)->trends().years(); years && years->empty()) {
        // A database from before the trend analysis (or a new one): count what is there once.
        if (auto rebuilt = trends.rebuild(Date::from_unix_seconds(now_seconds())); !rebuilt) {
            return report_error(rebuilt.error());
        }
    }
    CalendarService calendars{**store, trajectories, tokens};
    if (seed_report) {
        if (auto written = seed_demo_report(**store, trajectories, reports, plans, now_seconds()); !written) {
            return report_error(written.error());
        }
        if (auto written = seed_demo_additional_audit(**store, trajectories, reports, plans, now_seconds()); !written) {
            return report_error(written.error());
        }
    }
    // Notifications (issue 10 §5): after the report's effects, and after the demo's seeded history
    // (which is not news to anyone). The worker sends the outbox with its own synchronous
    // transport; password reset keeps its queue.
    NotificationService notifications{**store, trajectories, NotificationSettings{base_url, frameworks.rbegin()->second.procedure}};
    trajectories.add_effects(&notifications);
    certificates.set_announcer(&notifications);
    std::unique_ptr<Mailer> outbox_transport;
    OutboxWorkerSettings outbox_settings;
    outbox_settings.poll = std::chrono::milliseconds(std::max(10, options.outbox_poll_ms));
    outbox_settings.backoff_base = std::chrono::milliseconds(std::max(1, options.outbox_backoff_ms));
    if (auto const at = mail_address(config.smtp_from).find('@'); at != std::string::npos) {
        outbox_settings.message_id_domain = mail_address(config.smtp_from).substr(at + 1);
    }
    if (demo_outbox) {
        outbox_transport = std::make_unique<DemoLogMailer>();
        outbox_settings.delivered_note = "demo zonder SMTP-server: niet verstuurd maar in het serverlog gezet";
    } else if (config.smtp_url.empty()) {
        outbox_transport = std::make_unique<LogMailer>();
    } else {
        outbox_transport = std::make_unique<SmtpMailer>(
            SmtpSettings{config.smtp_url, config.smtp_from, config.smtp_user, config.smtp_password});
    }
    OutboxWorker outbox_worker{**store, *outbox_transport, outbox_settings, now_seconds};
    notifications.set_wake([&outbox_worker] { outbox_worker.wake(); });
    // The daily job (LIFECYCLE.md §4) at start and then every --lifecycle-every-min minutes, on the
    // housekeeping task; each effect is applied once whoever runs it.
    std::optional<UnixTime> lifecycle_ran;
    UnixTime const lifecycle_every = static_cast<UnixTime>(options.lifecycle_every_min) * 60;
    (*server)->set_housekeeping([&auth, &notifications, &lifecycle_ran, lifecycle_every] {
        if (auto pruned = auth.prune(now_seconds()); !pruned) {
            spdlog::warn("opruimen van verlopen sessies en oude inlogpogingen mislukt: {}", pruned.error().message);
        }
        UnixTime const now = now_seconds();
        if (lifecycle_every <= 0 || (lifecycle_ran && now - *lifecycle_ran < lifecycle_every)) {
            return;
        }
        lifecycle_ran = now;
        auto const summary = notifications.run_lifecycle(today(), now);
        if (!summary) {
            spdlog::error("termijnbewaking mislukt: {}", summary.error().message);
            return;
        }
        spdlog::info("termijnbewaking: {} trajecten, {} nieuwe effecten, {} berichten", summary->trajectories,
                     summary->applied.size(), summary->messages);
        for (auto const& problem : summary->problems) {
            spdlog::warn("termijnbewaking: {}", problem);
        }
    });
    outbox_worker.start();
    http::AppServices app_services{auth, resets, users, trajectories, registry, *tariffs, self_evaluations, *catalog,
                                   static_files, auditors, settings, documents, peer_pools, reports, plans, calendars,
                                   [](ReportDocument const& report, bool part_b) {
                                       return render_report_pdf(report, part_b ? ReportPart::B : ReportPart::A);
                                   },
                                   notifications, addenda};
    app_services.certificates = &certificates;
    app_services.certificate_pdf = render_certificate_pdf;
    app_services.label_logo = [](LabelLogo const& logo, bool svg) {
        return render_label_logo(logo, svg ? LogoFormat::Svg : LogoFormat::Png);
    };
    app_services.trends = &trends;
    app_services.readiness = [&store] { return (*store)->check_ready(); };
    http::App app{app_services, now_seconds};

    std::cout << "Sterklabel luistert op " << http::listen_url(config.listen_host, port) << std::endl;
    spdlog::info("luistert op {}:{}; basis-URL {}; database {}", config.listen_host, port, base_url,
                 http::mask_database_url(config.db));
    (*server)->run(app);
    // Before the services go: the mail threads call into them. The outbox worker finishes and
    // records the message in flight; the reset queue is bounded by its deadline.
    outbox_worker.stop();
    mailer.shutdown();
    return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<ServeOptions>();
    auto* cmd = app.add_subcommand("serve", "Start de webserver (API en web-app)");
    options->given["--db"] =
        cmd->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB (STERK_DB)");
    options->given["--listen"] =
        cmd->add_option("--listen", options->listen, "HOST:POORT, poort 0 kiest een vrije poort (STERK_LISTEN)");
    options->given["--web-root"] =
        cmd->add_option("--web-root", options->web_root, "Map met de gebouwde web-app (STERK_WEB_ROOT)");
    options->given["--base-url"] =
        cmd->add_option("--base-url", options->base_url, "Publieke URL, voor links in e-mails (STERK_BASE_URL)");
    options->given["--smtp-url"] =
        cmd->add_option("--smtp-url", options->smtp_url, "SMTP-server, smtp://HOST:POORT (STERK_SMTP_URL)");
    options->given["--smtp-from"] =
        cmd->add_option("--smtp-from", options->smtp_from, "Afzender van e-mails (STERK_SMTP_FROM)");
    cmd->add_option("--trusted-proxy", options->trusted_proxies,
                    "Reverse proxy (IP of CIDR, herhaalbaar) waarvan X-Forwarded-For het clientadres geeft "
                    "(STERK_TRUSTED_PROXY, kommagescheiden)");
    options->given["--log-format"] = cmd->add_option(
        "--log-format", options->log_format, "Logregels als text (leesbaar) of json (één object per regel) (STERK_LOG_FORMAT)");
    cmd->add_flag("--demo", options->demo, "Vul een lege database met demogegevens");
    cmd->add_option("--outbox-poll-ms", options->outbox_poll_ms,
                    "Hoe vaak de e-mailverzender de outbox bekijkt, in ms (standaard 2000; een nieuw bericht wekt hem ook)");
    cmd->add_option("--outbox-backoff-ms", options->outbox_backoff_ms,
                    "Wachttijd na de eerste mislukte verzending, in ms; verdubbelt per poging tot 30 keer (standaard 30000)");
    cmd->add_option("--lifecycle-every-min", options->lifecycle_every_min,
                    "Termijnbewaking (herinneringen) bij de start en dan elke N minuten; 0: niet (standaard 60)");
    cmd->add_flag("--config-dump", options->config_dump, "Toon de instellingen als JSON (geheimen als ***) en stop");
    cmd->callback([options, &context] { context.exit_code = run_serve(*options); });
}

}  // namespace sterk::cli
