// File: improvement_plan.h
// The rules for a member's improvement plan (verbeterplan; DOMAIN.md "Decision rules", B6 §9b–c):
// one plan covering every `-` and `+/-` norm of the final report, per norm the cause, the
// actions, who (a function) and by when. The member submits it whole; the CI assesses each norm
// and approves the plan only when every norm is approved, or rejects it naming what must change.
//
// Example:
//   auto item = TRY(check_plan_item(norms, input));            // 400 naming the field
//   TRY(ready_to_submit(norms, items));                         // 409 naming incomplete norms
//   TRY(ready_to_approve(norms, assessments));                  // 409 naming rejected norms
#pragma once

#include "core/calendar/date.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// PlanItem: the member's plan for one norm.
struct PlanItem {
    std::string norm;
    std::string cause;  // oorzaak
    std::string actions;  // verbeteracties
    std::string who;  // a function, not a name
    std::optional<Date> by_when;  // uiterlijk
};

// PlanAssessment: the CI's view of one norm's item in the round it assesses.
struct PlanAssessment {
    std::string norm;
    std::optional<bool> approved;  // nullopt: not yet assessed
    std::string remark;  // required when not approved
};

constexpr std::size_t MAX_PLAN_TEXT = 20000;
constexpr std::size_t MAX_PLAN_WHO = 300;

// check_plan_item: the norm must be one the plan covers; texts within their limits.
Result<PlanItem> check_plan_item(std::vector<std::string> const& plan_norms, PlanItem item);

// plan_item_complete: cause, actions, who and by when are all given.
bool plan_item_complete(PlanItem const& item);

// all_plan_items: one item per plan norm in the plan's order; a norm never saved is empty.
std::vector<PlanItem> all_plan_items(std::vector<std::string> const& plan_norms, std::vector<PlanItem> const& saved);

// missing_for_submission: the plan norms whose item is incomplete.
std::vector<std::string> missing_for_submission(std::vector<std::string> const& plan_norms,
                                                std::vector<PlanItem> const& items);
// ready_to_submit: FailedPrecondition naming those norms (plan_submitted, revision_submitted).
Status ready_to_submit(std::vector<std::string> const& plan_norms, std::vector<PlanItem> const& items);

// check_plan_assessment: the norm must be a plan norm; a rejection needs a remark.
Result<PlanAssessment> check_plan_assessment(std::vector<std::string> const& plan_norms, PlanAssessment assessment);

// ready_to_approve: every plan norm approved (plan_approved); FailedPrecondition naming the norms
// rejected or not yet assessed.
Status ready_to_approve(std::vector<std::string> const& plan_norms, std::vector<PlanAssessment> const& assessments);
// ready_to_reject: at least one norm rejected with its remark (plan_rejected), and none left
// unassessed, so the member knows everything that must change.
Status ready_to_reject(std::vector<std::string> const& plan_norms, std::vector<PlanAssessment> const& assessments);

}  // namespace sterk
