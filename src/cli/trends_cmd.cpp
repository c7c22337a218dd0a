// `sterklabel trends check --db URL`: the stored trend facts and counters against a recount from
// every trajectory's log (exit 1 and the differences when they disagree). `sterklabel trends
// rebuild --db URL`: recount and store them (after a restore from elsewhere or a bulk load).
#include "adapters/config/data_files.h"
#include "adapters/json/report_json.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "cli/trend_rebuild.h"

#include <iostream>
#include <map>
#include <memory>
#include <unistd.h>

namespace sterk::cli {

Status with_trends(Store& store, std::function<Status(TrendService&)> const& work)
{
    std::map<std::string, NormFramework> frameworks;
    for (auto const& version : builtin_framework_versions()) {
        frameworks.emplace(version, TRY(load_builtin_framework(version)));
    }
    auto const tariffs = TRY(load_builtin_tariffs());
    JsonEventPayloadCodec const payload_codec;
    JsonReportCodec const report_codec;
    auto const lookup = [&frameworks](std::string const& version) -> NormFramework const* {
        auto const found = frameworks.find(version);
        return found == frameworks.end() ? nullptr : &found->second;
    };
    TrajectoryService trajectories{store, payload_codec, lookup, tariffs};
    std::vector<std::string> variants;
    for (auto const& variant : tariffs.variants) {
        variants.push_back(variant.key);
    }
    TrendService trends{store, trajectories, report_codec, lookup, frameworks.rbegin()->first, variants};
    return work(trends);
}

namespace {

void show_progress(int done, int total)
{
    if (isatty(STDERR_FILENO) != 0) {
        std::cerr << "\r" << done << " van " << total << " trajecten" << (done == total ? "\n" : "") << std::flush;
    }
}

int run_trends(std::string const& db, bool rebuild)
{
    auto store = open_store(db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), {{"db", "--db"}});
    }
    int exit_code = 0;
    auto const done = with_trends(**store, [&](TrendService& trends) -> Status {
        if (rebuild) {
            int const facts = TRY(trends.rebuild(today(), show_progress));
            std::cout << "Trendanalyse opnieuw opgebouwd: " << facts << " definitieve rapporten geteld\n";
            return ok_status();
        }
        auto const check = TRY(trends.check(today()));
        for (auto const& difference : check.differences) {
            std::cout << "  verschil: " << difference << "\n";
        }
        std::cout << check.trajectories << " trajecten, " << check.facts << " definitieve rapporten: "
                  << (check.differences.empty() ? "de trendcijfers kloppen"
                                                : std::to_string(check.differences.size()) + " verschillen")
                  << "\n";
        exit_code = check.differences.empty() ? 0 : 1;
        return ok_status();
    });
    if (!done) {
        return report_error(done.error());
    }
    return exit_code;
}

}  // namespace

void add_trends_command(CLI::App& app, CommandContext& context)
{
    auto db = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("trends", "Trendanalyse: controleren of opnieuw opbouwen");
    cmd->require_subcommand(1);
    for (auto const& [name, help, rebuild] :
         {std::tuple{"check", "Vergelijk de opgeslagen trendcijfers met een hertelling", false},
          std::tuple{"rebuild", "Tel de trendcijfers opnieuw uit alle trajecten", true}}) {
        auto* sub = cmd->add_subcommand(name, help);
        sub->add_option("--db", *db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
            ->envname("STERK_DB")
            ->required();
        sub->callback([db, rebuild = rebuild, &context] { context.exit_code = run_trends(*db, rebuild); });
    }
}

}  // namespace sterk::cli
