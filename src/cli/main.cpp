// sterklabel: the command line. Each subcommand is in its own file (see commands.h).
#include "cli/commands.h"

int main(int argc, char** argv)
{
    CLI::App app{"Sterklabel: Kwaliteitslabel Sterk Sociaal Werk", "sterklabel"};
    app.require_subcommand(1);
    sterk::cli::CommandContext context;
    sterk::cli::add_framework_command(app, context);
    sterk::cli::add_estimate_command(app, context);
    sterk::cli::add_advise_command(app, context);
    sterk::cli::add_deadlines_command(app, context);
    sterk::cli::add_trajectory_command(app, context);
    sterk::cli::add_serve_command(app, context);
    sterk::cli::add_migrate_command(app, context);
    sterk::cli::add_user_command(app, context);
    sterk::cli::add_demo_data_command(app, context);
    sterk::cli::add_lifecycle_command(app, context);
    sterk::cli::add_verify_certificate_command(app, context);
    sterk::cli::add_import_command(app, context);
    sterk::cli::add_trends_command(app, context);
    sterk::cli::add_backup_command(app, context);
    sterk::cli::add_restore_command(app, context);
    try {
        app.parse(argc, argv);
    } catch (CLI::ParseError const& e) {
        int const rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    return context.exit_code;
}
