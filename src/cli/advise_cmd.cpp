// `sterklabel advise FILE|- [--json]`: the decision rules applied to a set of verdicts
// {"framework":"2019","verdicts":{"VM1":"+",...}}, with B8's overall table.
#include "adapters/config/data_files.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "core/rules/advice.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct AdviseOptions {
    std::string file;
    bool json = false;
};

struct AdviseInput {
    std::string framework;
    std::map<std::string, std::string> verdicts;
};

Result<AdviseInput> parse_input(std::string const& text)
{
    auto const doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return Error::invalid("file", "geen geldige JSON; verwacht {\"framework\":\"2019\",\"verdicts\":{...}}");
    }
    for (auto const& [key, value] : doc.items()) {
        if (key != "framework" && key != "verdicts") {
            return Error::invalid(key, "onbekend veld '" + key + "'");
        }
    }
    if (!doc.contains("framework") || !doc["framework"].is_string()) {
        return Error::invalid("framework", "veld 'framework' ontbreekt of is geen tekst (bijv. \"2019\")");
    }
    if (!doc.contains("verdicts") || !doc["verdicts"].is_object()) {
        return Error::invalid("verdicts", "veld 'verdicts' ontbreekt of is geen object");
    }
    AdviseInput input;
    input.framework = doc["framework"].get<std::string>();
    for (auto const& [code, verdict] : doc["verdicts"].items()) {
        // A non-string verdict is reported like an unknown one, by its JSON text.
        input.verdicts[code] = verdict.is_string() ? verdict.get<std::string>() : verdict.dump();
    }
    return input;
}

std::string numbers(std::vector<int> const& list)
{
    std::vector<std::string> texts;
    for (int n : list) {
        texts.push_back(std::to_string(n));
    }
    return texts.empty() ? "-" : join(texts);
}

void print_text(NormFramework const& fw, VerdictMap const& verdicts, Advice const& advice)
{
    auto const table = overall_table(fw, verdicts);
    std::cout << "Totaaloverzicht (normenkader " << fw.version << ")\n\n";
    for (auto const& row : table.rows) {
        std::cout << row.rubric_name << "\n";
        std::cout << "  Voldoet:              " << numbers(row.met) << "\n";
        std::cout << "  Verbeterpunt (+/-):   " << numbers(row.partly) << "\n";
        std::cout << "  Voldoet niet (-):     " << numbers(row.not_met) << "\n";
        std::cout << "  Niet van toepassing:  " << numbers(row.not_applicable) << "\n";
    }
    auto const of = [&](int n) { return std::to_string(n) + " van de " + std::to_string(table.norm_count); };
    std::cout << "\nTotaal\n";
    std::cout << "  Voldoet:              " << of(advice.counts.met) << "\n";
    std::cout << "  Verbeterpunt (+/-):   " << of(advice.counts.partly) << "\n";
    std::cout << "  Voldoet niet (-):     " << of(advice.counts.not_met) << "\n";
    std::cout << "  Niet van toepassing:  " << of(advice.counts.not_applicable) << "\n";
    std::cout << "\nUitkomst (" << scenario_key(advice.scenario) << "): " << scenario_dutch(advice.scenario) << "\n";
    std::cout << "Grenzen: ten hoogste " << advice.max_not_met << " keer - en " << advice.max_partly
              << " keer +/-.\n";
    if (auto const possible = positive_advice_blocked(advice); !possible) {
        std::cout << "Let op: " << possible.error().message << ".\n";
    }
    if (!advice.always_applicable_not_applicable.empty()) {
        std::cout << "Let op: n.v.t. bij een norm die altijd van toepassing is: "
                  << join(advice.always_applicable_not_applicable) << " (wordt getoond in deel A).\n";
    }
    if (advice.scenario != Scenario::AllMet) {
        auto const kind =
            advice.scenario == Scenario::PlanRequired ? DeadlineKind::ImprovementPlan : DeadlineKind::OverThresholdPlans;
        auto const& rule = fw.procedure.deadline(kind);
        std::cout << "Plan van aanpak voor: " << join(advice.plan_norms) << "\n";
        std::cout << "Termijn: binnen " << rule.period.dutch() << " nadat de bevindingen definitief zijn ("
                  << rule.source << ").\n";
    }
}

nlohmann::json to_json(Advice const& advice)
{
    return {{"counts",
             {{"met", advice.counts.met},
              {"partly", advice.counts.partly},
              {"not_met", advice.counts.not_met},
              {"not_applicable", advice.counts.not_applicable}}},
            {"scenario", scenario_key(advice.scenario)},
            {"plan_norms", advice.plan_norms},
            {"unassessed_rubrics", advice.unassessed_rubrics},
            {"always_applicable_not_applicable", advice.always_applicable_not_applicable},
            {"thresholds", {{"max_not_met", advice.max_not_met}, {"max_partly", advice.max_partly}}}};
}

}  // namespace

void add_advise_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<AdviseOptions>();
    auto* cmd = app.add_subcommand("advise", "Pas de beslisregels toe op de oordelen per norm");
    cmd->add_option("file", options->file, "JSON-bestand met oordelen, of - voor standaardinvoer")->required();
    cmd->add_flag("--json", options->json, "Uitvoer als JSON");
    cmd->callback([options, &context] {
        auto const run = [&]() -> Status {
            auto const text = TRY(read_input(options->file));
            auto const input = TRY(parse_input(text));
            auto const fw = TRY(load_builtin_framework(input.framework));
            auto const verdicts = TRY(parse_verdicts(fw, input.verdicts, Completeness::RequireEveryNorm));
            auto const advice = advise(fw, verdicts);
            if (options->json) {
                std::cout << to_json(advice).dump(2) << "\n";
            } else {
                print_text(fw, verdicts, advice);
            }
            return ok_status();
        };
        auto const status = run();
        if (!status) {
            context.exit_code = report_error(status.error());
        }
    });
}

}  // namespace sterk::cli
