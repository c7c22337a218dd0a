// File: part_a_check.h
// The secretariat's check of Part A (LIFECYCLE.md §2 "check"; B6 §13–§14): a checklist of the
// final report's Part A against its format, computed from the frozen final report and the
// trajectory's view, so the secretariat sees in one place what is missing before it confirms
// receipt or returns Part A to the CI with remarks.
//
// Example:
//   PartACheck check = check_part_a(input);
//   if (!check.complete) { /* part_a_found_incomplete with join(check.remarks()) */ }
#pragma once

#include "core/ports/plan_records.h"
#include "core/report/report_document.h"
#include "core/trajectory/trajectory.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// CheckItem: one line of the checklist; `problems` empty means it passes.
struct CheckItem {
    std::string key;  // "fields", "verdicts", "plans", "ci_and_team"
    std::string label;  // Dutch
    std::vector<std::string> problems;  // Dutch, one per finding
    bool ok() const { return problems.empty(); }
};

struct PartACheck {
    bool complete = false;
    std::vector<CheckItem> items;
    // remarks: every problem, labelled, for part_a_found_incomplete's reason.
    std::vector<std::string> remarks() const;
};

struct PartACheckInput {
    TrajectoryView const* view = nullptr;  // REQUIRED
    std::optional<ReportDocument> final_report;  // the frozen final version, if any
    std::vector<PlanRoundRecord> plan_rounds;  // oldest first
    std::vector<std::string> ci_problems;  // why the CI could not audit on the audit's days (empty: it could)
    std::vector<std::string> team_problems;  // check_audit_team on the planned team
};

// check_part_a: (1) every Part A field of the final report filled (the previous certificate's
// expiry only for a re-certification, the plans only when a plan was asked for; websites, interns,
// volunteers, assessors and the previous audit's follow-up may be empty); (2) every norm with a
// final verdict, the advice positive and consistent with the scenario and the thresholds (a: no
// plan needed; b: the plan approved; c: the additional audit within the thresholds) and nothing
// that blocks positive advice; (3) every plan round submitted and assessed with a date, the last
// approved; (4) the CI and the team eligible.
PartACheck check_part_a(PartACheckInput const& input);

}  // namespace sterk
