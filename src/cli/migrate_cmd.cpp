// `sterklabel migrate --db URL`: brings the database schema up to date; prints old → new version.
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

int run_migrate(std::string const& db)
{
    std::map<std::string, std::string> const flags{{"db", "--db"}};
    auto const before = database_schema_version(db);
    if (!before) {
        return report_error(before.error(), flags);
    }
    if (*before > binary_schema_version()) {
        std::cerr << "fout: de database heeft schemaversie " << *before << ", nieuwer dan deze sterklabel (kent t/m "
                  << binary_schema_version() << "); gebruik een nieuwere versie van het programma\n";
        return 1;
    }
    if (auto migrated = migrate_database(db); !migrated) {
        return report_error(migrated.error(), flags);
    }
    auto const after = database_schema_version(db);
    if (!after) {
        return report_error(after.error(), flags);
    }
    std::cout << "schemaversie " << *before << " → " << *after;
    if (*before == *after) {
        std::cout << " (was al actueel)";
    }
    std::cout << "\n";
    return 0;
}

}  // namespace

void add_migrate_command(CLI::App& app, CommandContext& context)
{
    auto db = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("migrate", "Breng het databaseschema bij naar de nieuwste versie");
    cmd->add_option("--db", *db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    cmd->callback([db, &context] { context.exit_code = run_migrate(*db); });
}

}  // namespace sterk::cli
