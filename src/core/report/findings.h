// File: findings.h
// The rules for the team's findings and Part A's typed fields (DOMAIN.md "Findings", "The report";
// B7): what a saved finding may hold, which findings are flagged, what the concept needs, and the
// Part A fields in B7's order.
//
// Example:
//   auto finding = TRY(check_finding(framework, input));        // 400 naming the field
//   finding_flags(finding)                                       // {"few_sources"}
//   TRY(ready_for_concept(framework, findings));                 // 409 naming the norms
#pragma once

#include "core/norms/framework.h"
#include "core/report/report_document.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// The report's stage follows the trajectory's milestones: fieldwork until concept_sent (the team
// edits), concept until findings_final (corrections), then final (frozen).
ReportStage report_stage(bool concept_sent, bool findings_final);

// check_finding: a finding as the team may save it. The norm must be the framework's; an
// interview names a function (never a person, B7 "functie- en afdelingsnamen"), a document its
// title. An n.v.t. without a reason or a verdict on too few sources is saved and flagged.
Result<Finding> check_finding(NormFramework const& framework, Finding finding);

// MIN_SOURCES: each norm is tested against at least two sources (handbook §2.6, B9).
constexpr std::size_t MIN_SOURCES = 2;

// finding_flags: "few_sources" (a verdict resting on fewer than MIN_SOURCES sources) and
// "reason_missing" (n.v.t. without a reason).
std::vector<std::string> finding_flags(Finding const& finding);

// check_documents: the documents inspected for one rubric of the framework.
Result<RubricDocuments> check_documents(NormFramework const& framework, RubricDocuments documents);

// all_findings: one finding per norm of the framework, in its order; a norm never saved is an
// empty finding with version 0.
std::vector<Finding> all_findings(NormFramework const& framework, std::vector<Finding> const& saved);

// missing_for_concept: the norms without a verdict, or n.v.t. without a reason.
std::vector<std::string> missing_for_concept(std::vector<Finding> const& findings);

// ready_for_concept: FailedPrecondition naming those norms (concept_sent freezes version 1).
Status ready_for_concept(std::vector<Finding> const& findings);

VerdictMap verdicts_of(std::vector<Finding> const& findings);

enum class PartAKind { Text, Line, List, Hours };
std::string part_a_kind_key(PartAKind kind);  // "text", "line", "list", "hours"

struct PartAFieldSpec {
    std::string key;
    std::string label;  // Dutch, as in B7
    PartAKind kind = PartAKind::Text;
};

// part_a_fields: Part A's typed fields in B7's order; "conclusion_<RUBRIC>" per rubric of the
// framework. Everything else in Part A (organisation, CI, team, scope, the counts, the advice) is
// filled from the registries and the trajectory, never typed.
std::vector<PartAFieldSpec> part_a_fields(NormFramework const& framework);

// PartAValue: one typed field as saved; a list field keeps its points in `items`.
struct PartAValue {
    std::string key;
    std::string text;
    std::vector<std::string> items;
    int version = 0;
};

// check_part_a_value: the key must be a field; hours a number of hours (0-500), lists at most 20
// points of one line each.
Result<PartAValue> check_part_a_value(NormFramework const& framework, PartAValue value);

// remark_target_label: "VM5 (norm)" / "Schets organisatie (deel A)" for a remark's target, a norm
// code or "part_a.KEY"; InvalidArgument (field "target") for anything else.
Result<std::string> remark_target_label(NormFramework const& framework, std::string const& target);

}  // namespace sterk
