// `sterklabel backup --db URL --to FILE`: the whole database (every table, uploaded documents
// included) in one checked file, read in one snapshot so the server may keep running (issue 12,
// item 5; adapters/backup/backup.h). Prints each table's rows and a summary; exit code 2 for bad
// input, and then no file is left behind.
#include "adapters/backup/backup.h"
#include "adapters/http/api_json.h"
#include "adapters/storage/database_url.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/table_progress.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct BackupOptions {
    std::string db;
    std::string to;
};

int run_backup(BackupOptions const& options)
{
    std::map<std::string, std::string> const flags{{"db", "--db"}, {"to", "--to"}};
    auto const url = parse_database_url(options.db);
    if (!url) {
        return report_error(url.error(), flags);
    }
    auto const started = std::chrono::steady_clock::now();
    std::cout << "Backup van " << url->masked << " naar " << options.to << "\n";
    TableProgressPrinter printer{isatty(STDOUT_FILENO) != 0};
    auto const made = make_backup(options.db, options.to, http::iso8601_utc(static_cast<UnixTime>(std::time(nullptr))),
                                  std::ref(printer));
    if (!made) {
        std::cout << std::flush;
        return report_error(made.error(), flags);
    }
    std::chrono::duration<double> const took = std::chrono::steady_clock::now() - started;
    print_table_summary(made->tables, made->rows, made->bytes, took.count());
    std::cout << "Backup geschreven: " << options.to << "\n";
    return 0;
}

}  // namespace

void add_backup_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<BackupOptions>();
    auto* cmd = app.add_subcommand("backup", "Bewaar de hele database (met documenten) in één bestand; mag terwijl de server draait");
    cmd->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    cmd->add_option("--to", options->to, "Het backupbestand dat wordt geschreven")->required();
    cmd->callback([options, &context] { context.exit_code = run_backup(*options); });
}

}  // namespace sterk::cli
