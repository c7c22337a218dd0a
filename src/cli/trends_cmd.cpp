// `sterklabel trends check --db URL`: the stored trend facts and counters against a recount from
// every trajectory's log (exit 1 and the differences when they disagree). `sterklabel trends
// rebuild --db URL`: recount and store them (after a restore from elsewhere or a bulk load).
// `sterklabel trends time --db URL [--runs N]`: how long the trends page's data takes from the
// kept counters, against a plain GROUP BY over the stored verdicts in the same run (`make bench`).
#include "adapters/config/data_files.h"
#include "adapters/json/report_json.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "cli/trend_rebuild.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
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

// Milliseconds at the given fraction of sorted timings (0.5: median, 0.99: the 99th percentile).
double percentile(std::vector<double> sorted, double fraction)
{
    std::sort(sorted.begin(), sorted.end());
    auto const at = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted.at(std::min(at, sorted.size() - 1));
}

template <typename Work>
Result<std::vector<double>> timed(int runs, Work const& work)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto const start = std::chrono::steady_clock::now();
        TRY(work());
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return ms;
}

int run_trends_time(std::string const& db, int runs)
{
    auto store = open_store(db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), {{"db", "--db"}});
    }
    auto const done = with_trends(**store, [&](TrendService& trends) -> Status {
        Principal const committee{0, Role::Committee, std::nullopt};
        auto const reports = TRY(trends.view(committee, {})).columns;
        long facts = 0;
        for (auto const& column : reports) {
            facts = column.year == 0 ? column.reports : facts;
        }
        auto const view = TRY(timed(runs, [&]() -> Status {
            TRY(trends.view(committee, {}));
            return ok_status();
        }));
        auto const grouped = TRY(timed(runs, [&]() -> Status {
            TRY((*store)->trends().verdicts_grouped("*", "*"));
            return ok_status();
        }));
        auto const p50 = percentile(view, 0.5);
        auto const anchor = percentile(grouped, 0.5);
        std::cout << std::fixed << std::setprecision(2) << facts << " definitieve rapporten, " << runs << " keer\n"
                  << "  trendweergave uit de bijgehouden tellers: p50 " << p50 << " ms, p99 " << percentile(view, 0.99)
                  << " ms\n"
                  << "  GROUP BY over de opgeslagen oordelen:      p50 " << anchor << " ms, p99 "
                  << percentile(grouped, 0.99) << " ms\n"
                  << "  verhouding: " << std::setprecision(1) << anchor / std::max(p50, 1e-6)
                  << "x zo snel als de GROUP BY\n"
                  << "TRENDS_P50_MS=" << std::setprecision(3) << p50 << " TRENDS_P99_MS=" << percentile(view, 0.99)
                  << " GROUPBY_P50_MS=" << anchor << "\n";
        return ok_status();
    });
    if (!done) {
        return report_error(done.error());
    }
    return 0;
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
    auto runs = std::make_shared<int>(50);
    auto* time = cmd->add_subcommand("time", "Meet de trendweergave tegen een GROUP BY over de oordelen");
    time->add_option("--db", *db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")->envname("STERK_DB")->required();
    time->add_option("--runs", *runs, "Aantal metingen (standaard 50)")->check(CLI::Range(3, 100000));
    time->callback([db, runs, &context] { context.exit_code = run_trends_time(*db, *runs); });
}

}  // namespace sterk::cli
