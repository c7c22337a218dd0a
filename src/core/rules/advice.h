// File: advice.h
// The decision rules of §2.6 / B5 B10 / B6 (DOMAIN.md "Decision rules"): from the verdicts of
// every norm to one of three scenarios, and the overall table of Part A (B8), computed from the
// verdicts and never from typed numbers.
//
// Example:
//   auto verdicts = TRY(parse_verdicts(fw, raw, Completeness::RequireEveryNorm));
//   Advice a = advise(fw, verdicts);   // a.scenario == Scenario::PlanRequired
#pragma once

#include "core/norms/framework.h"
#include "core/rules/verdict.h"

#include <string>
#include <vector>

namespace sterk {

enum class Scenario {
    AllMet,  // a: every assessed norm + or n.v.t. -> positive advice
    PlanRequired,  // b: some - or +/-, within the thresholds -> one improvement plan
    OverThreshold,  // c: - above max_not_met or +/- above max_partly -> no positive advice now
};

std::string scenario_key(Scenario s);  // "all-met", "plan-required", "over-threshold"
std::string scenario_dutch(Scenario s);

struct VerdictCounts {
    int met = 0;
    int partly = 0;
    int not_met = 0;
    int not_applicable = 0;
    int not_assessed = 0;
};

// One row of B8's overall table: per rubric, the norm numbers per verdict.
struct OverallRow {
    std::string rubric_code;
    std::string rubric_name;
    std::vector<int> met;
    std::vector<int> partly;
    std::vector<int> not_met;
    std::vector<int> not_applicable;
    std::vector<int> not_assessed;
};

struct OverallTable {
    std::vector<OverallRow> rows;
    VerdictCounts totals;
    int norm_count = 0;
};

struct Advice {
    VerdictCounts counts;
    Scenario scenario = Scenario::AllMet;
    std::vector<std::string> plan_norms;  // every - and +/- norm, in framework order
    int max_not_met = 0;
    int max_partly = 0;
    // Rubrics whose every norm is n.v.t.: that rubric was not assessed, so no positive advice.
    std::vector<std::string> unassessed_rubrics;
    // n.v.t. on a norm the framework marks as always applicable: shown in Part A and in the
    // secretariat's check, not refused.
    std::vector<std::string> always_applicable_not_applicable;

    bool within_thresholds() const { return scenario != Scenario::OverThreshold; }
};

// positive_advice_blocked: why these verdicts cannot lead to positive advice at all (a rubric
// not assessed), or ok. The scenario's own conditions (an approved plan, an additional audit)
// are the trajectory's rule.
Status positive_advice_blocked(Advice const& advice);

OverallTable overall_table(NormFramework const& framework, VerdictMap const& verdicts);

// advise: REQUIRES every norm of the framework to have a verdict (parse_verdicts with
// RequireEveryNorm); with unassessed norms advice is not possible, see can_advise().
Advice advise(NormFramework const& framework, VerdictMap const& verdicts);

// Advice needs every norm assessed or n.v.t.
Status can_advise(NormFramework const& framework, VerdictMap const& verdicts);

}  // namespace sterk
