// File: addendum.h
// The additional audit's report (scenario c, B6 §9c-i, handbook §3 "aanvullend onderzoek"): "De CI
// stelt een beknopt verslag op van dit onderzoek in de vorm van een aanvullende passage in Deel A
// en een addendum op deel B". The team reassesses every norm the final report found `-` or `+/-`,
// with the member's improvement plan in hand; the other norms keep their final verdict. The
// outcome (additional_audit_held) is the thresholds applied to the final verdicts with the
// reassessed ones replaced.
//
// Example:
//   auto norms = reassessed_norms(framework, final_verdicts);     // {"VM5", "DV6", ...}
//   TRY(ready_for_addendum(norms, findings, passage));            // 409 naming what is missing
//   auto verdicts = verdicts_after_addendum(final_verdicts, findings);
#pragma once

#include "core/norms/framework.h"
#include "core/report/report_document.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// reassessed_norms: the final report's `-` and `+/-` norms, in framework order.
std::vector<std::string> reassessed_norms(NormFramework const& framework, VerdictMap const& final_verdicts);

// check_addendum_finding: a finding the team may save on the addendum: as any finding
// (check_finding), and only for a reassessed norm (InvalidArgument, field "norm").
Result<Finding> check_addendum_finding(NormFramework const& framework, std::vector<std::string> const& reassessed,
                                       Finding finding);

// check_addendum_passage: Part A's additional passage, at most 10,000 characters (field "text").
Result<std::string> check_addendum_passage(std::string text);

// missing_for_addendum: the reassessed norms without a verdict (or n.v.t. without a reason), and
// "passage" when Part A's passage is empty, in that order.
std::vector<std::string> missing_for_addendum(std::vector<std::string> const& reassessed,
                                              std::vector<Finding> const& findings, std::string const& passage);

// ready_for_addendum: FailedPrecondition naming what missing_for_addendum lists.
Status ready_for_addendum(std::vector<std::string> const& reassessed, std::vector<Finding> const& findings,
                          std::string const& passage);

// verdicts_after_addendum: the final verdicts with each reassessed norm's new verdict.
VerdictMap verdicts_after_addendum(VerdictMap const& final_verdicts, std::vector<Finding> const& findings);

// AddendumContent: what the team recorded, as the report prints it once the audit was held.
struct AddendumContent {
    std::string held_on;  // YYYY-MM-DD (additional_audit_held)
    std::string passage;
    VerdictMap final_verdicts;
    std::vector<Finding> findings;  // the reassessed norms' (any order)
};

// ReportAddendum: the additional passage in Part A (a titled section with the passage, each
// reassessed norm's verdict before and after, and the counts after) and the addendum on Part B
// (the reassessed norms with their new findings, as one block after the rubrics).
struct ReportAddendum {
    ReportSection part_a;
    ReportRubric part_b;
    OverallTable overall;  // after the additional audit
};

ReportAddendum build_addendum(NormFramework const& framework, AddendumContent const& content);

}  // namespace sterk
