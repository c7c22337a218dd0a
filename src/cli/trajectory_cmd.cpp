// `sterklabel trajectory FILE|- [--today YYYY-MM-DD] [--json]`: where a trajectory stands, read
// from its event log: state, scenario and advice, every deadline with its status, open actions
// per party, and the certificates' dates and statuses (LIFECYCLE.md).
#include "adapters/config/data_files.h"
#include "adapters/json/trajectory_json.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "cli/today.h"
#include "core/text.h"

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct TrajectoryOptions {
    std::string file;
    std::string today;
    bool json = false;
};

std::string party_dutch(std::string const& actor)
{
    if (actor == "member") {
        return "organisatie";
    }
    if (actor == "ci") {
        return "CI";
    }
    if (actor == "secretariat") {
        return "secretariaat";
    }
    return actor;
}

std::string with_weekday(Date d)
{
    return dutch_weekday(d.weekday()) + " " + d.iso();
}

void print_text(TrajectoryView const& view, Date today)
{
    std::cout << "Traject (" << (view.kind == TrajectoryKind::Initial ? "eerste certificering" : "hercertificering")
              << "), peildatum " << today.dutch_long() << "\n";
    std::cout << "Stand: " << state_dutch(view.state) << " (" << state_key(view.state) << ")\n";
    if (view.scenario) {
        std::cout << "Uitkomst bevindingen: " << scenario_dutch(*view.scenario) << " (" << scenario_key(*view.scenario)
                  << ")\n";
    }
    std::cout << "Advies: "
              << (view.advice ? (*view.advice == AdviceOutcome::Positive ? "positief" : "negatief") : "nog niet gegeven")
              << "\n";
    for (auto const& note : view.notes) {
        std::cout << "Let op: " << note << "\n";
    }
    if (!view.deadlines.empty()) {
        std::cout << "\nTermijnen\n";
    }
    for (auto const& d : view.deadlines) {
        std::cout << "  " << d.rule.label << " [" << d.rule.key << ", " << party_dutch(d.rule.actor) << "]\n"
                  << "    uiterlijk " << with_weekday(d.due) << " (" << d.rule.source << ") — "
                  << deadline_state_dutch(d.state);
        if (d.met_on) {
            std::cout << " op " << d.met_on->iso();
        }
        std::cout << "\n";
    }
    if (!view.actions.empty()) {
        std::cout << "\nWat vraagt nu actie?\n";
    }
    for (auto const& a : view.actions) {
        std::cout << "  " << party_dutch(a.actor) << ": " << a.todo;
        if (a.due) {
            std::cout << ", uiterlijk " << with_weekday(*a.due) << (*a.due < today ? " (te laat)" : "");
        }
        std::cout << "\n";
    }
    if (view.certificate) {
        auto const& c = *view.certificate;
        std::cout << "\nCertificaat" << (c.number.empty() ? "" : " " + c.number) << ": uitgereikt " << c.issued.iso()
                  << ", geldig van " << c.valid_from.iso() << " tot en met " << c.valid_through.iso() << ", vervalt "
                  << c.expires.iso() << "\n";
    }
    if (view.previous_certificate) {
        auto const& p = *view.previous_certificate;
        std::cout << "\nVorig certificaat" << (p.number.empty() ? "" : " " + p.number) << " (vervaldatum "
                  << p.expires.iso() << "): " << previous_status_dutch(p.status);
        if (p.suspended_through) {
            std::cout << " tot en met " << p.suspended_through->iso();
        }
        if (p.lapsed_on) {
            std::cout << " sinds " << p.lapsed_on->iso();
        }
        std::cout << "\n";
    }
}

}  // namespace

void add_trajectory_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<TrajectoryOptions>();
    auto* cmd = app.add_subcommand("trajectory", "Stand, termijnen en advies van een toetstraject uit zijn gebeurtenissen");
    cmd->add_option("file", options->file, "JSON-bestand met het traject, of - voor standaardinvoer")->required();
    cmd->add_option("--today", options->today, "Peildatum (JJJJ-MM-DD, standaard vandaag)");
    cmd->add_flag("--json", options->json, "Uitvoer als JSON");
    cmd->callback([options, &context] {
        auto const run = [&]() -> Status {
            Date const today = options->today.empty() ? cli::today() : TRY(Date::parse(options->today, "today"));
            auto const document = TRY(parse_trajectory_document(TRY(read_input(options->file))));
            auto const fw = TRY(load_builtin_framework(document.framework));
            auto const log = TRY(to_trajectory_log(fw, document));
            auto const view = TRY(evaluate_trajectory(fw, log, today));
            if (options->json) {
                std::cout << trajectory_view_to_json(view).dump(2) << "\n";
            } else {
                print_text(view, today);
            }
            return ok_status();
        };
        auto const status = run();
        if (!status) {
            // An impossible log is bad input to this command, whatever the rule that refused it.
            Error error = status.error();
            if (error.code == ErrorCode::FailedPrecondition) {
                error.code = ErrorCode::InvalidArgument;
            }
            context.exit_code = report_error(error, {{"today", "--today"}});
        }
    });
}

}  // namespace sterk::cli
