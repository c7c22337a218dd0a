// `sterklabel lifecycle run --db URL [--today YYYY-MM-DD] [--base-url URL]`: the daily job by hand
// (LIFECYCLE.md §4): every trajectory on that date, the effects due (overdue reminders, the
// secretariat's digest), each applied once however often it runs; the messages go to the outbox,
// which a running server sends. Prints what it did.
#include "adapters/config/data_files.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "core/services/notification_service.h"

#include <ctime>
#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct LifecycleOptions {
    std::string db;
    std::string today;
    std::string base_url;
};

int run_lifecycle(LifecycleOptions const& options)
{
    Date date = today();
    if (!options.today.empty()) {
        auto parsed = Date::parse(options.today, "today");
        if (!parsed) {
            return report_error(parsed.error(), {{"today", "--today"}});
        }
        date = *parsed;
    }
    auto store = open_store(options.db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), {{"db", "--db"}});
    }
    std::map<std::string, NormFramework> frameworks;
    for (auto const& version : builtin_framework_versions()) {
        auto loaded = load_builtin_framework(version);
        if (!loaded) {
            return report_error(loaded.error());
        }
        frameworks.emplace(version, std::move(*loaded));
    }
    auto tariffs = load_builtin_tariffs();
    if (!tariffs) {
        return report_error(tariffs.error());
    }
    JsonEventPayloadCodec const codec;
    TrajectoryService trajectories{**store, codec,
                                   [&frameworks](std::string const& version) {
                                       auto const found = frameworks.find(version);
                                       return found == frameworks.end() ? nullptr : &found->second;
                                   },
                                   *tariffs};
    NotificationService notifications{**store, trajectories,
                                      NotificationSettings{options.base_url, frameworks.rbegin()->second.procedure}};
    std::cout << "Termijnbewaking op " << date.dutch_long() << "\n";
    auto const summary = notifications.run_lifecycle(date, static_cast<UnixTime>(std::time(nullptr)));
    if (!summary) {
        return report_error(summary.error());
    }
    for (auto const& key : summary->applied) {
        std::cout << "  toegepast: " << key << "\n";
    }
    for (auto const& problem : summary->problems) {
        std::cout << "  overgeslagen: " << problem << "\n";
    }
    std::cout << summary->trajectories << " trajecten en " << summary->certificates << " certificaten bekeken, "
              << summary->applied.size() << " nieuwe effecten, " << summary->messages << " berichten in de outbox";
    if (summary->skipped > 0) {
        std::cout << ", " << summary->skipped << " al door een andere run toegepast";
    }
    std::cout << "\n";
    return summary->problems.empty() ? 0 : 1;
}

}  // namespace

void add_lifecycle_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<LifecycleOptions>();
    auto* cmd = app.add_subcommand("lifecycle", "Termijnbewaking: herinneringen en overzichten die vandaag aan de beurt zijn");
    cmd->require_subcommand(1);
    auto* run = cmd->add_subcommand("run", "Pas de effecten van vandaag (of --today) toe; elk effect maar één keer");
    run->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    run->add_option("--today", options->today, "Peildatum JJJJ-MM-DD (standaard vandaag)");
    run->add_option("--base-url", options->base_url, "Publieke URL, voor links in e-mails")
        ->envname("STERK_BASE_URL")
        ->default_val("http://localhost:8080");
    run->callback([options, &context] { context.exit_code = run_lifecycle(*options); });
}

}  // namespace sterk::cli
