// `sterklabel import register FILE.csv --db URL [--dry-run] [--today YYYY-MM-DD]`: loads the
// register kept before this system (issue 11, item 5; CertificateService::import_register). Every
// row is checked first; with any problem each is printed on a line of its own, nothing is written
// and the exit code is 2. On a terminal the rows checked count up; a table sums up at the end.
// Whoever can reach the database acts as the secretariat here; the audit log says "cli".
#include "adapters/config/data_files.h"
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/crypto/sodium_signer.h"
#include "adapters/json/report_json.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "cli/today.h"
#include "core/services/certificate_service.h"

#include <fmt/core.h>
#include <unistd.h>

#include <ctime>
#include <iostream>
#include <map>
#include <memory>

namespace sterk::cli {

namespace {

struct ImportOptions {
    std::string file;
    std::string db;
    std::string today;
    bool dry_run = false;
};

void print_summary(RegisterImportSummary const& s)
{
    std::pair<char const*, int> const lines[] = {
        {"leden aangemaakt", s.members_created},
        {"leden gevonden (lidnummer)", s.members_matched},
        {"nieuwe certificaten", s.certificates_imported},
        {"al aanwezig (overgeslagen)", s.certificates_present},
        {"waarvan al verlopen", s.certificates_lapsed},
    };
    fmt::print("\n  {:<30}{:>7}\n", "", "aantal");
    for (auto const& [label, count] : lines) {
        fmt::print("  {:<30}{:>7}\n", label, count);
    }
}

int run_import(ImportOptions const& options)
{
    std::map<std::string, std::string> const flags{{"db", "--db"}, {"today", "--today"}, {"file", "FILE"}};
    Date date = today();
    if (!options.today.empty()) {
        auto parsed = Date::parse(options.today, "today");
        if (!parsed) {
            return report_error(parsed.error(), flags);
        }
        date = *parsed;
    }
    auto const text = read_input(options.file);
    if (!text) {
        return report_error(text.error(), flags);
    }
    if (auto sodium = init_sodium(); !sodium) {
        return report_error(sodium.error());
    }
    auto store = open_store(options.db, MigrationMode::Migrate);
    if (!store) {
        return report_error(store.error(), flags);
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
    JsonReportCodec report_codec;
    SodiumCertificateSigner signer;
    CertificateService certificates{**store, trajectories, report_codec, signer,
                                    frameworks.rbegin()->second.procedure, {}};

    bool const terminal = isatty(STDOUT_FILENO) != 0;
    std::cout << "Register importeren uit " << options.file
              << (options.dry_run ? " (alleen controleren: er wordt niets geschreven)" : "") << "\n";
    RegisterImportOptions import_options;
    import_options.mode = options.dry_run ? ImportMode::CheckOnly : ImportMode::Write;
    bool counted = false;  // the count line is open and needs its line break
    if (terminal) {
        import_options.on_row_checked = [&counted](int done, int total) {
            std::cout << "\r  " << done << " van " << total << " regels gecontroleerd" << std::flush;
            counted = true;
        };
    }
    auto const outcome =
        certificates.import_register(Principal{0, Role::Secretariat, std::nullopt}, Actor{std::nullopt, "cli", ""},
                                     *text, date, static_cast<UnixTime>(std::time(nullptr)), import_options);
    if (counted) {
        std::cout << "\n";
    }
    if (!outcome) {
        return report_error(outcome.error(), flags);
    }
    if (!outcome->problems.empty()) {
        for (auto const& problem : outcome->problems) {
            std::cerr << options.file << ": " << describe(problem) << "\n";
        }
        auto const count = outcome->problems.size();
        std::cerr << (count == 1 ? std::string{"1 fout"} : std::to_string(count) + " fouten")
                  << "; er is niets geïmporteerd.\n";
        return 2;
    }
    if (!terminal) {
        std::cout << "  " << outcome->summary.rows << " regels gecontroleerd\n";
    }
    print_summary(outcome->summary);
    std::cout << (outcome->written ? "\nGeïmporteerd.\n" : "\nGecontroleerd; er is niets geschreven.\n");
    return 0;
}

}  // namespace

void add_import_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("import", "Gegevens van buiten inlezen");
    cmd->require_subcommand(1);
    auto* reg = cmd->add_subcommand(
        "register", "Het huidige register (CSV: lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt)");
    reg->add_option("FILE", options->file, "Het CSV-bestand (UTF-8; - voor standaardinvoer)")->required();
    reg->add_option("--db", options->db, "Database: sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB")
        ->envname("STERK_DB")
        ->required();
    reg->add_flag("--dry-run", options->dry_run, "Alleen controleren; niets schrijven");
    reg->add_option("--today", options->today, "Peildatum JJJJ-MM-DD (standaard vandaag)");
    reg->callback([options, &context] { context.exit_code = run_import(*options); });
}

}  // namespace sterk::cli
