// `sterklabel deadlines --event EVENT=DATE ... [--today DATE] [--version V] [--json]`: every
// deadline that counts from the given recorded events, with weekday, source and whether it is
// overdue (DOMAIN.md "Dates").
#include "adapters/config/data_files.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/today.h"
#include "core/rules/deadlines.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <set>

namespace sterk::cli {

namespace {

struct DeadlinesOptions {
    std::vector<std::string> events;
    std::string today;
    std::string version = "2019";
    bool json = false;
};

std::string status_dutch(DeadlineStatus status)
{
    switch (status) {
    case DeadlineStatus::Open: return "open";
    case DeadlineStatus::DueToday: return "vandaag";
    case DeadlineStatus::Overdue: return "te laat";
    }
    return {};
}

// parse_events: "last_audit_day=2026-01-05" pairs; the event must be one a deadline counts from.
Result<std::map<std::string, Date>> parse_events(std::vector<std::string> const& raw)
{
    std::set<std::string> known;
    for (auto const& spec : deadline_specs()) {
        known.insert(spec.after);
    }
    std::map<std::string, Date> events;
    for (auto const& item : raw) {
        auto const eq = item.find('=');
        std::string const name = item.substr(0, eq);
        if (eq == std::string::npos || known.count(name) == 0) {
            return Error::invalid("event", "onbekende gebeurtenis '" + name + "'; geef GEBEURTENIS=JJJJ-MM-DD met een van: " +
                                               join(std::vector<std::string>(known.begin(), known.end())));
        }
        events.insert_or_assign(name, TRY(Date::parse(item.substr(eq + 1), "event")));
    }
    if (events.empty()) {
        return Error::invalid("event", "geef minstens één gebeurtenis, bijv. --event last_audit_day=2026-01-05");
    }
    return events;
}

}  // namespace

void add_deadlines_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<DeadlinesOptions>();
    auto* cmd = app.add_subcommand("deadlines", "Termijnen vanaf vastgelegde gebeurtenissen, met bron en status");
    cmd->add_option("--event", options->events, "GEBEURTENIS=JJJJ-MM-DD, bijv. last_audit_day=2026-01-05 (herhaalbaar)")
        ->required();
    cmd->add_option("--today", options->today, "Peildatum voor de status (JJJJ-MM-DD, standaard vandaag)");
    cmd->add_option("--version", options->version, "Versie van het normenkader")->capture_default_str();
    cmd->add_flag("--json", options->json, "Uitvoer als JSON");
    cmd->callback([options, &context] {
        auto const run = [&]() -> Status {
            auto const fw = TRY(load_builtin_framework(options->version));
            auto const events = TRY(parse_events(options->events));
            Date const today = options->today.empty() ? cli::today() : TRY(Date::parse(options->today, "today"));
            nlohmann::json list = nlohmann::json::array();
            if (!options->json) {
                std::cout << "Termijnen (normenkader " << fw.version << "), peildatum " << today.dutch_long() << "\n"
                          << "De status geldt voor wat op de peildatum nog niet gedaan is.\n";
            }
            for (auto const& spec : deadline_specs()) {
                auto const event = events.find(spec.after);
                // A due date the parties agree comes with its event: see `sterklabel trajectory`.
                if (event == events.end() || fw.procedure.deadline(spec.kind).agreed) {
                    continue;
                }
                auto const deadline = deadline_for(fw.procedure, spec.kind, event->second);
                auto const status = deadline_status(deadline, today);
                auto const& rule = deadline.rule;
                if (options->json) {
                    list.push_back({{"key", rule.key},
                                    {"label", rule.label},
                                    {"actor", rule.actor},
                                    {"after", rule.after},
                                    {"event_date", deadline.event.iso()},
                                    {"period", rule.period.dutch()},
                                    {"due", deadline.due.iso()},
                                    {"weekday", dutch_weekday(deadline.due.weekday())},
                                    {"source", rule.source},
                                    {"status", deadline_status_key(status)}});
                    continue;
                }
                std::cout << "\n" << rule.label << " [" << rule.key << ", " << rule.actor << "]\n"
                          << "  " << rule.after << " " << deadline.event.iso() << " + " << rule.period.dutch()
                          << ": uiterlijk " << deadline.due.dutch_long() << " (" << rule.source << ") — "
                          << status_dutch(status) << "\n";
            }
            if (options->json) {
                std::cout << nlohmann::json{{"framework", fw.version}, {"today", today.iso()}, {"deadlines", list}}.dump(2)
                          << "\n";
            }
            return ok_status();
        };
        auto const status = run();
        if (!status) {
            context.exit_code = report_error(
                status.error(), {{"event", "--event"}, {"today", "--today"}, {"framework", "--version"}});
        }
    });
}

}  // namespace sterk::cli
