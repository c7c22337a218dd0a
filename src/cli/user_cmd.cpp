// `sterklabel user add --db URL --email E --role R [--org ID] [--name N] --password-stdin`:
// adds an account; the password is read from the first line of standard input.
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "core/services/user_service.h"

#include <ctime>
#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct UserAddOptions {
    std::string db;
    std::string email;
    std::string role;
    Id organisation = 0;
    std::string name;
    bool password_stdin = false;
    CLI::Option* organisation_option = nullptr;
};

int run_user_add(UserAddOptions const& options)
{
    std::map<std::string, std::string> const flags{{"db", "--db"},
                                                   {"email", "--email"},
                                                   {"role", "--role"},
                                                   {"organisation_id", "--org"},
                                                   {"name", "--name"},
                                                   {"password", "--password-stdin"}};
    auto const role = parse_role(options.role);
    if (!role) {
        std::cerr << "fout: --role: onbekende rol " << options.role
                  << " (kies member, ci-admin, auditor, secretariat of committee)\n";
        return 2;
    }
    if (!options.password_stdin) {
        std::cerr << "fout: --password-stdin ontbreekt: geef het wachtwoord via standaardinvoer\n";
        return 2;
    }
    std::string password;
    std::getline(std::cin, password);
    while (!password.empty() && (password.back() == '\r' || password.back() == '\n')) {
        password.pop_back();
    }
    if (auto sodium = init_sodium(); !sodium) {
        return report_error(sodium.error());
    }
    auto store = open_store(options.db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), flags);
    }
    SodiumPasswordHasher hasher;
    UserService users{**store, hasher};
    NewUser input;
    input.email = options.email;
    input.name = options.name;
    input.role = *role;
    if (options.organisation_option->count() > 0) {
        input.organisation_id = options.organisation;
    }
    input.password = password;
    auto added = users.add_user(input, Actor{std::nullopt, "cli", ""}, static_cast<UnixTime>(std::time(nullptr)));
    if (!added) {
        return report_error(added.error(), flags);
    }
    std::cout << "gebruiker toegevoegd: " << added->email << " (" << role_key(added->role) << "), id " << added->id
              << "\n";
    return 0;
}

}  // namespace

void add_user_command(CLI::App& app, CommandContext& context)
{
    auto* user = app.add_subcommand("user", "Beheer gebruikers");
    user->require_subcommand(1);
    auto options = std::make_shared<UserAddOptions>();
    auto* add = user->add_subcommand("add", "Voeg een gebruiker toe");
    add->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    add->add_option("--email", options->email, "E-mailadres (inlognaam)")->required();
    add->add_option("--role", options->role, "member, ci-admin, auditor, secretariat of committee")->required();
    options->organisation_option = add->add_option("--org", options->organisation, "Nummer van de organisatie");
    add->add_option("--name", options->name, "Naam");
    add->add_flag("--password-stdin", options->password_stdin, "Lees het wachtwoord van standaardinvoer");
    add->callback([options, &context] { context.exit_code = run_user_add(*options); });
}

}  // namespace sterk::cli
