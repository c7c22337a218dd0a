// File: commands.h
// Each `sterklabel` subcommand lives in its own file and registers itself on the CLI11 app.
// A command's callback sets `exit_code` (0 ok, 2 bad input, 1 other failure).
#pragma once

#include <CLI/CLI.hpp>

namespace sterk::cli {

struct CommandContext {
    int exit_code = 0;
};

void add_framework_command(CLI::App& app, CommandContext& context);
void add_estimate_command(CLI::App& app, CommandContext& context);
void add_advise_command(CLI::App& app, CommandContext& context);
void add_deadlines_command(CLI::App& app, CommandContext& context);
void add_trajectory_command(CLI::App& app, CommandContext& context);
void add_serve_command(CLI::App& app, CommandContext& context);
void add_migrate_command(CLI::App& app, CommandContext& context);
void add_user_command(CLI::App& app, CommandContext& context);
void add_demo_data_command(CLI::App& app, CommandContext& context);
void add_lifecycle_command(CLI::App& app, CommandContext& context);
void add_verify_certificate_command(CLI::App& app, CommandContext& context);
void add_import_command(CLI::App& app, CommandContext& context);
void add_trends_command(CLI::App& app, CommandContext& context);
void add_backup_command(CLI::App& app, CommandContext& context);
void add_restore_command(CLI::App& app, CommandContext& context);

}  // namespace sterk::cli
