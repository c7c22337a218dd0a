// `sterklabel demo-data --db URL --audits N [--seed S]`: fills a database with N clearly fictitious
// audits over the last four years (members "Fictieve welzijnsorganisatie 0001", ...), for demos and
// benchmarks. Shows progress on a terminal and a summary at the end.
#include "adapters/config/data_files.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "cli/trend_rebuild.h"
#include "core/services/demo_data.h"

#include <chrono>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace sterk::cli {

namespace {

struct DemoDataOptions {
    std::string db;
    int audits = 0;
    std::uint64_t seed = 2019;
};

int run_demo_data(DemoDataOptions const& options)
{
    std::map<std::string, std::string> const flags{{"db", "--db"}};
    if (options.audits < 1 || options.audits > 1'000'000) {
        return report_error(Error::invalid("audits", "Kies een aantal toetsingen van 1 tot 1.000.000."), {{"audits", "--audits"}});
    }
    auto store = open_store(options.db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), flags);
    }
    auto framework = load_builtin_framework("2019");
    if (!framework) {
        return report_error(framework.error());
    }
    JsonEventPayloadCodec const codec;
    bool const terminal = isatty(STDERR_FILENO) != 0;
    auto const started = std::chrono::steady_clock::now();
    auto const now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto const summary = generate_demo_audits(**store, codec, *framework, options.audits, options.seed, now,
                                              [&](int done, int total) {
                                                  if (terminal) {
                                                      std::cerr << "\r" << done << " van " << total << " toetsingen"
                                                                << (done == total ? "\n" : "") << std::flush;
                                                  }
                                              });
    if (!summary) {
        return report_error(summary.error(), flags);
    }
    // The trend analysis counts the new final reports (a bulk load bypasses the event effects).
    int counted = 0;
    auto const trends = with_trends(**store, [&](TrendService& service) -> Status {
        counted = TRY(service.rebuild(today(), [&](int done, int total) {
            if (terminal) {
                std::cerr << "\r" << done << " van " << total << " trajecten geteld voor de trendanalyse"
                          << (done == total ? "\n" : "") << std::flush;
            }
        }));
        return ok_status();
    });
    if (!trends) {
        return report_error(trends.error(), flags);
    }
    auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << summary->audits << " fictieve toetsingen aangemaakt (" << summary->events << " gebeurtenissen) in "
              << static_cast<int>(seconds * 10) / 10.0 << " s: " << summary->certified << " gecertificeerd, "
              << summary->negative << " negatief, " << summary->running << " lopend; " << counted
              << " definitieve rapporten in de trendanalyse\n";
    return 0;
}

}  // namespace

void add_demo_data_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<DemoDataOptions>();
    auto* cmd = app.add_subcommand("demo-data", "Vul een database met fictieve toetsingen (demo's, benchmarks)");
    cmd->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    cmd->add_option("--audits", options->audits, "Aantal toetsingen")->required();
    cmd->add_option("--seed", options->seed, "Startwaarde van de toevalsgenerator (zelfde waarde, zelfde gegevens)");
    cmd->callback([options, &context] { context.exit_code = run_demo_data(*options); });
}

}  // namespace sterk::cli
