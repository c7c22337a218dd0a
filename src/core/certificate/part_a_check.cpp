// The secretariat's Part A checklist (part_a_check.h).
#include "core/certificate/part_a_check.h"

#include "core/rules/advice.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace sterk {

std::vector<std::string> PartACheck::remarks() const
{
    std::vector<std::string> out;
    for (auto const& item : items) {
        for (auto const& p : item.problems) {
            out.push_back(item.label + ": " + p);
        }
    }
    return out;
}

namespace {

// Fields B7 has but an audit may rightly leave empty.
constexpr std::array<std::string_view, 7> MAY_BE_EMPTY{
    "member_website", "ci_website", "fte_interns", "fte_volunteers", "assessors", "follow_up", "report_read_by"};

CheckItem check_fields(PartACheckInput const& in)
{
    CheckItem item{"fields", "Velden van deel A", {}};
    if (!in.final_report) {
        item.problems.push_back("er is nog geen definitief rapport (findings_final)");
        return item;
    }
    bool const plan_asked = in.view->scenario && *in.view->scenario != Scenario::AllMet;
    for (auto const& section : in.final_report->part_a) {
        for (auto const& line : section.lines) {
            if (!line.value.empty() && line.value.find_first_not_of(" \t\n") != std::string::npos) {
                continue;
            }
            if (std::find(MAY_BE_EMPTY.begin(), MAY_BE_EMPTY.end(), line.key) != MAY_BE_EMPTY.end()) {
                continue;
            }
            if (line.key == "previous_expiry" && in.view->kind == TrajectoryKind::Initial) {
                continue;
            }
            if ((line.key == "plans" || line.key == "plans_closed_on") && !plan_asked) {
                continue;
            }
            item.problems.push_back("'" + line.label + "' is niet ingevuld");
        }
    }
    return item;
}

CheckItem check_verdicts(PartACheckInput const& in)
{
    CheckItem item{"verdicts", "Oordelen en advies", {}};
    auto const& view = *in.view;
    if (!view.findings) {
        item.problems.push_back("er zijn nog geen definitieve oordelen");
        return item;
    }
    if (view.findings->counts.not_assessed > 0) {
        item.problems.push_back(std::to_string(view.findings->counts.not_assessed) + " normen zijn niet beoordeeld");
    }
    if (view.advice != AdviceOutcome::Positive) {
        item.problems.push_back("er is geen positief advies vastgelegd");
    }
    if (auto const blocked = positive_advice_blocked(*view.findings); !blocked) {
        item.problems.push_back(blocked.error().message);
    }
    switch (view.findings->scenario) {
    case Scenario::AllMet: break;
    case Scenario::PlanRequired:
        if (view.plan != PlanStage::Approved) {
            item.problems.push_back("scenario b vraagt een goedgekeurd verbeterplan vóór het positieve advies");
        }
        break;
    case Scenario::OverThreshold:
        if (!view.additional_audit) {
            item.problems.push_back("scenario c vraagt een aanvullende toetsing vóór het positieve advies");
        } else if (!view.additional_audit->within_thresholds()) {
            item.problems.push_back("na de aanvullende toetsing liggen de oordelen nog boven de drempels (" +
                                    std::to_string(view.additional_audit->counts.not_met) + " maal -, " +
                                    std::to_string(view.additional_audit->counts.partly) + " maal +/-)");
        } else if (auto const again = positive_advice_blocked(*view.additional_audit); !again) {
            item.problems.push_back(again.error().message);
        }
        break;
    }
    return item;
}

CheckItem check_plans(PartACheckInput const& in)
{
    CheckItem item{"plans", "Verbeterplannen", {}};
    bool const plan_asked = in.view->scenario && *in.view->scenario != Scenario::AllMet;
    if (!plan_asked) {
        return item;
    }
    if (in.plan_rounds.empty()) {
        item.problems.push_back("er is geen verbeterplan ingediend");
        return item;
    }
    for (auto const& round : in.plan_rounds) {
        std::string const which = "ronde " + std::to_string(round.round);
        if (round.submitted_on.empty()) {
            item.problems.push_back(which + " heeft geen datum van indienen");
        }
        if (round.outcome.empty() || round.assessed_on.empty()) {
            item.problems.push_back(which + " is niet (gedateerd) beoordeeld");
        }
    }
    if (in.plan_rounds.back().outcome != "approved") {
        item.problems.push_back("het laatste verbeterplan is niet goedgekeurd");
    }
    return item;
}

CheckItem check_ci_and_team(PartACheckInput const& in)
{
    CheckItem item{"ci_and_team", "CI en toetsteam", {}};
    for (auto const& p : in.ci_problems) {
        item.problems.push_back("CI: " + p);
    }
    if (!in.view->planning) {
        item.problems.push_back("de toetsing is niet gepland (geen toetsteam bekend)");
    } else if (in.view->planning->team.empty()) {
        item.problems.push_back("er staat geen toetsteam bij de planning");
    }
    for (auto const& p : in.team_problems) {
        item.problems.push_back(p);
    }
    return item;
}

}  // namespace

PartACheck check_part_a(PartACheckInput const& input)
{
    PartACheck check;
    check.items = {check_fields(input), check_verdicts(input), check_plans(input), check_ci_and_team(input)};
    check.complete = std::all_of(check.items.begin(), check.items.end(), [](auto const& i) { return i.ok(); });
    return check;
}

}  // namespace sterk
