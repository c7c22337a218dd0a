// `sterklabel restore --from FILE --db URL [--force]`: puts a backup into a database of either kind
// (adapters/backup/backup.h). The whole file is checked before anything is written; an empty
// target gets its schema first; a target with data is refused unless --force replaces it; all rows
// go in in one transaction. Exit code 2 for a bad file or a filled target: nothing is written then.
#include "adapters/backup/backup.h"
#include "adapters/storage/database_url.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/table_progress.h"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct RestoreOptions {
    std::string from;
    std::string db;
    bool force = false;
};

int run_restore(RestoreOptions const& options)
{
    std::map<std::string, std::string> const flags{{"db", "--db"}, {"from", "--from"}};
    auto const url = parse_database_url(options.db);
    if (!url) {
        return report_error(url.error(), flags);
    }
    auto const started = std::chrono::steady_clock::now();
    std::cout << "Herstellen uit " << options.from << " in " << url->masked
              << (options.force ? " (--force: wat er staat wordt vervangen)" : "") << "\n";
    TableProgressPrinter printer{isatty(STDOUT_FILENO) != 0};
    auto const restored = restore_backup(options.from, options.db,
                                         options.force ? RestoreMode::ReplaceExisting : RestoreMode::EmptyTargetOnly,
                                         std::ref(printer));
    if (!restored) {
        std::cout << std::flush;
        return report_error(restored.error(), flags);
    }
    std::chrono::duration<double> const took = std::chrono::steady_clock::now() - started;
    print_table_summary(restored->tables, restored->rows, restored->bytes, took.count());
    std::cout << "Hersteld: de backup van " << restored->created_at << " (uit " << restored->source << ")"
              << (restored->replaced ? "; de gegevens die er stonden zijn vervangen" : "") << "\n";
    return 0;
}

}  // namespace

void add_restore_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<RestoreOptions>();
    auto* cmd = app.add_subcommand("restore", "Zet een backup terug in een lege database (SQLite of PostgreSQL)");
    cmd->add_option("--from", options->from, "Het backupbestand")->required();
    cmd->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    cmd->add_flag("--force", options->force, "Ook in een database met gegevens: alles wordt vervangen");
    cmd->callback([options, &context] { context.exit_code = run_restore(*options); });
}

}  // namespace sterk::cli
