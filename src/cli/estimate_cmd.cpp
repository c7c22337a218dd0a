// `sterklabel estimate --fte N --variant V [--ci CODE] [--on DATE] [--km N] [--json]`:
// audit days and cost for a scope (DOMAIN.md "Audit variants, days and cost").
#include "adapters/config/data_files.h"
#include "adapters/json/estimate_json.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "core/estimate/estimate.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct EstimateOptions {
    std::string fte;
    std::string variant;
    std::string ci;
    std::string on;
    std::string km;
    bool json = false;
};

std::map<std::string, std::string> const FLAGS{
    {"fte", "--fte"}, {"variant", "--variant"}, {"ci", "--ci"}, {"on", "--on"}, {"km", "--km"}};

void print_text(Estimate const& e, Tariffs const& tariffs)
{
    auto const* variant = tariffs.find_variant(e.variant);
    std::cout << "Toetsingsvariant: " << (variant ? variant->label : e.variant) << "\n";
    std::cout << "Scope: " << e.fte << " fte" << (e.band ? " (klasse " + *e.band + ")" : "") << "\n";
    if (!e.day_tenths) {
        std::cout << "Toetsdagen: geen aantal. " << e.note << "\n";
    } else {
        std::cout << "Toetsdagen: " << format_tenths(*e.day_tenths) << "\n";
    }
    if (e.cost_cents) {
        std::cout << "Dagtarief " << e.ci << ": " << format_euro(*e.day_rate_cents) << "\n";
        if (e.travel_cents) {
            std::cout << "Reiskosten: " << format_euro(*e.travel_cents) << "\n";
        }
        if (!e.travel_note.empty()) {
            std::cout << "Reiskosten: " << e.travel_note << "\n";
        }
        bool const travel_on_top = !e.travel_cents && e.travel_note.rfind("plus ", 0) == 0;
        std::cout << "Kosten: " << format_euro(*e.cost_cents) << " (excl. btw" << (travel_on_top ? ", " + e.travel_note : "")
                  << ")\n";
    }
    if (e.feedback_min_cents) {
        std::cout << "Feedback op de zelfevaluatie door " << e.ci << ": " << format_euro(*e.feedback_min_cents)
                  << (*e.feedback_max_cents != *e.feedback_min_cents ? " tot " + format_euro(*e.feedback_max_cents) : "")
                  << " (" << e.feedback_terms << ")\n";
    }
}

}  // namespace

void add_estimate_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<EstimateOptions>();
    auto* cmd = app.add_subcommand("estimate", "Raming van toetsdagen en kosten");
    cmd->add_option("--fte", options->fte, "Scope in fte (> 0)")->required();
    cmd->add_option("--variant", options->variant, "ci, peer, combi-iso-hkz of combi-nvvk")->required();
    cmd->add_option("--ci", options->ci, "Certificerende instelling (CIIO, LRQA)");
    cmd->add_option("--on", options->on, "Datum waarop de tarieven gelden (JJJJ-MM-DD, standaard vandaag)");
    cmd->add_option("--km", options->km, "Reisafstand in km (voor een CI die reiskosten rekent)");
    cmd->add_flag("--json", options->json, "Uitvoer als JSON");
    cmd->callback([options, &context] {
        auto const run = [&]() -> Result<Estimate> {
            auto tariffs = TRY(load_builtin_tariffs());
            EstimateRequest request;
            request.fte = TRY(parse_fte(options->fte, "fte"));
            request.variant = options->variant;
            if (!options->ci.empty()) {
                request.ci = options->ci;
            }
            request.on = options->on.empty() ? today() : TRY(Date::parse(options->on, "on"));
            if (!options->km.empty()) {
                request.km = TRY(parse_distance(options->km, "km"));
            }
            auto result = TRY(estimate(tariffs, request));
            if (options->json) {
                std::cout << estimate_to_json(result).dump(2) << "\n";
            } else {
                print_text(result, tariffs);
            }
            return result;
        };
        auto result = run();
        if (!result) {
            context.exit_code = report_error(result.error(), FLAGS);
        }
    });
}

}  // namespace sterk::cli
