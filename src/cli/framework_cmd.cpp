// `sterklabel framework [--version V] [--file F] [--json]`: the normenkader, in Dutch.
#include "adapters/config/data_files.h"
#include "adapters/json/framework_json.h"
#include "cli/cli_output.h"
#include "cli/commands.h"

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct FrameworkOptions {
    std::string version = "2019";
    std::string file;
    bool json = false;
};

void print_text(NormFramework const& fw)
{
    std::cout << fw.title << " (versie " << fw.version << ", " << fw.published << ")\n";
    std::cout << fw.norms.size() << " normen in " << fw.rubrics.size() << " rubrieken\n";
    for (auto const& rubric : fw.rubrics) {
        std::cout << "\nRubriek " << rubric.number << ". " << rubric.name << " (" << rubric.code << "1-" << rubric.code
                  << rubric.norm_count << ")\n";
        for (auto const& norm : fw.norms) {
            if (norm.rubric != rubric.code) {
                continue;
            }
            std::cout << "  " << norm.code << "\t" << norm.text;
            if (norm.applicability == Applicability::WhereRelevant) {
                std::cout << " [waar van toepassing]";
            }
            std::cout << "\n";
        }
    }
    std::cout << "\n" << fw.copyright << "\n";
}

}  // namespace

void add_framework_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<FrameworkOptions>();
    auto* cmd = app.add_subcommand("framework", "Toon het normenkader (rubrieken en normen)");
    cmd->add_option("--version", options->version, "Versie van het normenkader")->capture_default_str();
    cmd->add_option("--file", options->file, "Lees een normenkader uit dit YAML-bestand");
    cmd->add_flag("--json", options->json, "Uitvoer als JSON");
    cmd->callback([options, &context] {
        auto fw = options->file.empty() ? load_builtin_framework(options->version)
                                        : load_framework_file(options->file);
        if (!fw) {
            context.exit_code =
                report_error(fw.error(), {{"framework", options->file.empty() ? "--version" : "--file"}});
            return;
        }
        if (options->json) {
            std::cout << framework_to_json(*fw).dump(2) << "\n";
        } else {
            print_text(*fw);
        }
    });
}

}  // namespace sterk::cli
