// File: trend_view.h
// TrendView: the branch's trend analysis as the committee and the secretariat see it (issue 12
// §1-2), built from the counters of the groups it shows: per year and over all years, the share
// of each verdict per norm and rubric, the norms most often not met, the norms the strong points
// and main improvement points name most, how long each step took against its deadline per party
// (per CI for the secretariat only: the committee never sees a CI named), and how often members'
// self-evaluations agree with the audit. A group of fewer than TREND_MIN_ORGANISATIONS members is
// shown as "te weinig gegevens": its figures are left out here, so the page, the API and the
// exports (which all read this value) cannot show them.
//
// Example:
//   auto view = build_trend_view(framework, {"*", "*"}, counters, {2024, 2025}, {});
//   for (auto const& column : view.columns) { if (column.suppressed) { ... } }
#pragma once

#include "core/norms/framework.h"
#include "core/trends/trend_counts.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// The smallest group whose figures are shown (issue 12: "fewer than 5 organisations" are not).
inline constexpr long TREND_MIN_ORGANISATIONS = 5;
inline constexpr char const* TOO_FEW = "te weinig gegevens";
inline constexpr size_t TREND_TOP = 10;

struct TrendSelection {
    std::string variant = "*";  // a variant key, or "*" for all
    std::string band = "*";  // a size band, or "*"
};

struct VerdictTally {
    long met = 0;
    long partly = 0;
    long not_met = 0;
    long not_applicable = 0;
    long total() const { return met + partly + not_met + not_applicable; }
};

// TrendColumn: one year, or all years (year 0), of the selection.
struct TrendColumn {
    int year = 0;
    long organisations = 0;
    long reports = 0;
    bool suppressed = false;
};

struct NormTrend {
    std::string code;
    std::string rubric;
    std::vector<std::optional<VerdictTally>> columns;  // as TrendView::columns; none: suppressed
};

struct RubricTrend {
    std::string code;
    std::string name;
    std::vector<std::optional<VerdictTally>> columns;
};

// RankedNorm: a norm with how many reports (of `out_of`) count it.
struct RankedNorm {
    std::string code;
    std::string text;
    long count = 0;
    long partly = 0;  // most_not_met: beside the "-", the "+/-" (the tie-break)
    long out_of = 0;
};

struct StepTrend {
    std::string deadline;
    std::string label;  // Dutch, from the framework
    std::string party;
    long met = 0;  // times the step was taken
    double mean_days = 0;
    double mean_allowed = 0;
    long late = 0;
};

struct CiSteps {
    Id ci_id = 0;
    std::string name;
    long organisations = 0;
    bool suppressed = false;
    std::vector<StepTrend> steps;
};

struct CalibrationTrend {
    std::string code;
    long agree = 0;
    long compared = 0;  // reports with both a self-evaluation verdict and an audit verdict
};

struct TrendView {
    TrendSelection selection;
    long min_organisations = TREND_MIN_ORGANISATIONS;
    std::vector<TrendColumn> columns;  // each year ascending, then all years (year 0)
    std::vector<NormTrend> norms;  // framework order
    std::vector<RubricTrend> rubrics;
    // Over all years of the selection; empty when that group is suppressed.
    std::vector<RankedNorm> most_not_met;  // by reports with "-", then "+/-"
    std::vector<RankedNorm> strong_points;
    std::vector<RankedNorm> improvement_points;
    std::vector<StepTrend> steps;
    std::vector<CalibrationTrend> calibration;
    std::vector<CiSteps> per_ci;  // the secretariat's only
    bool all_suppressed() const { return columns.empty() || columns.back().suppressed; }
};

// trend_groups_shown: the groups build_trend_view reads for a selection and these years.
std::vector<std::string> trend_groups_shown(TrendSelection const& selection, std::vector<int> const& years,
                                            std::vector<Id> const& ci_ids);

// build_trend_view: `cis` names the CIs for the secretariat's per-CI steps (empty for the committee).
TrendView build_trend_view(NormFramework const& framework, TrendSelection const& selection,
                           TrendCounters const& counters, std::vector<int> const& years,
                           std::map<Id, std::string> const& cis);

}  // namespace sterk
