// File: trend_fact.h
// TrendFact: what one audit adds to the branch's trend analysis (issue 12; DOMAIN.md "Trend
// analysis", B7 "input voor trendanalyse"): the final report's verdicts per norm, the norms its
// strong points and main improvement points name, the member's own self-evaluation verdicts beside
// them (calibration), and how long each step of the route took against its deadline. A trajectory
// has a fact once its findings are final; later events only change its steps. The fact is a pure
// function of the trajectory, so the stored aggregates can always be checked against a recount.
//
// Example:
//   auto fact = trend_fact(framework, inputs);   // none before findings_final
//   if (fact) { auto text = encode_trend_fact(*fact); }
#pragma once

#include "core/norms/framework.h"
#include "core/ports/records.h"
#include "core/ports/trajectory_records.h"
#include "core/report/report_document.h"
#include "core/rules/verdict.h"
#include "core/trajectory/trajectory.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sterk {

// size_band: the trend analysis's size bands of scope FTE. Coarser than the tariff bands on
// purpose (our choice, not the handbook's): fine bands would leave too few members per group.
std::string size_band(double scope_fte);  // "tot 20 fte", "20-50 fte", "50-100 fte", "100+ fte"
std::vector<std::string> size_bands();  // in that order

// TrendStep: one deadline of the route that was met: which, whose, and the days it took
// against the days it had (taken > allowed: late).
struct TrendStep {
    std::string deadline;  // "concept_report"
    std::string party;  // "member", "ci", "secretariat"
    int days_taken = 0;
    int days_allowed = 0;
    bool operator==(TrendStep const&) const = default;
};

struct TrendFact {
    Id trajectory_id = 0;
    Id member_id = 0;
    Id ci_id = 0;
    int year = 0;  // of the final report (findings_final)
    std::string variant;
    std::string band;  // size_band of the scope
    VerdictMap verdicts;  // the final report's
    VerdictMap self_verdicts;  // the member's self-evaluation before the audit, where it gave one
    std::set<std::string> strong_norms;  // norm codes named in the report's strong points
    std::set<std::string> improvement_norms;  // ... and in its main improvement points
    std::vector<TrendStep> steps;
    bool operator==(TrendFact const&) const = default;
};

// TrendInputs: a trajectory as the trend analysis reads it.
struct TrendInputs {
    TrajectoryRecord record;
    TrajectoryView view;  // on any day after the last event
    std::optional<Date> final_on;  // the day of findings_final
    double scope_fte = 0;
    std::vector<std::string> strong_points;  // Part A of the final report
    std::vector<std::string> improvement_points;
    VerdictMap self_verdicts;
};

// trend_fact: none until the findings are final.
std::optional<TrendFact> trend_fact(NormFramework const& framework, TrendInputs const& inputs);

// named_norms: the framework's norm codes a text names ("VM5", "vm 5" and "VM-5" alike), each once.
std::set<std::string> named_norms(NormFramework const& framework, std::string const& text);

// encode_trend_fact / decode_trend_fact: the fact as one line-based text for storage (so the
// aggregates it added can be taken away again exactly when it changes). decode: InvalidArgument
// for a text it cannot read.
std::string encode_trend_fact(TrendFact const& fact);
Result<TrendFact> decode_trend_fact(std::string const& text);

}  // namespace sterk
