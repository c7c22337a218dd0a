// The improvement plan's rules (core/plan): what an item may hold, when it is complete, and what
// submitting, approving and rejecting need.
#include "core/plan/improvement_plan.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

std::vector<std::string> const NORMS{"VM5", "DV6", "OB10"};

PlanItem complete_item(std::string norm)
{
    return PlanItem{std::move(norm), "Geen vast overleg", "Maandelijks teamoverleg invoeren", "teamleider",
                    Date::parse("2026-09-01", "by_when").value()};
}

TEST(ImprovementPlan, AnItemIsForANormThePlanCovers)
{
    auto const refused = check_plan_item(NORMS, complete_item("VM1"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused.error().field, "norm");
    EXPECT_NE(refused.error().message.find("VM5, DV6, OB10"), std::string::npos);
    EXPECT_TRUE(check_plan_item(NORMS, complete_item("DV6")).ok());
}

TEST(ImprovementPlan, OverlongFieldsAreRefusedNamingTheField)
{
    auto item = complete_item("VM5");
    item.who = std::string(MAX_PLAN_WHO + 1, 'x');
    auto refused = check_plan_item(NORMS, item);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "who");
    item = complete_item("VM5");
    item.actions = std::string(MAX_PLAN_TEXT + 1, 'x');
    refused = check_plan_item(NORMS, item);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "actions");
}

TEST(ImprovementPlan, AnIncompleteItemIsSavedButBlocksSubmission)
{
    auto partial = complete_item("VM5");
    partial.by_when.reset();
    EXPECT_TRUE(check_plan_item(NORMS, partial).ok());
    EXPECT_FALSE(plan_item_complete(partial));
    auto blank_cause = complete_item("DV6");
    blank_cause.cause = "  \n";
    EXPECT_FALSE(plan_item_complete(blank_cause));

    // OB10 never saved, VM5 without a date, DV6 with a blank cause.
    std::vector<PlanItem> const saved{partial, blank_cause};
    EXPECT_EQ(missing_for_submission(NORMS, saved), (std::vector<std::string>{"VM5", "DV6", "OB10"}));
    auto const refused = ready_to_submit(NORMS, saved);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(refused.error().message.find("VM5, DV6, OB10"), std::string::npos);

    std::vector<PlanItem> const whole{complete_item("OB10"), complete_item("VM5"), complete_item("DV6")};
    EXPECT_TRUE(ready_to_submit(NORMS, whole).ok());
    auto const ordered = all_plan_items(NORMS, whole);
    ASSERT_EQ(ordered.size(), 3u);
    EXPECT_EQ(ordered[0].norm, "VM5");  // the plan's order, not the saving order
}

TEST(ImprovementPlan, ARejectionNeedsARemark)
{
    auto const refused = check_plan_assessment(NORMS, PlanAssessment{"VM5", false, " "});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "remark");
    EXPECT_TRUE(check_plan_assessment(NORMS, PlanAssessment{"VM5", false, "Maak de actie meetbaar."}).ok());
    EXPECT_TRUE(check_plan_assessment(NORMS, PlanAssessment{"VM5", true, ""}).ok());
}

TEST(ImprovementPlan, ApprovalNeedsEveryNormApproved)
{
    std::vector<PlanAssessment> assessments{{"VM5", true, ""}, {"DV6", true, ""}};
    auto refused = ready_to_approve(NORMS, assessments);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("OB10"), std::string::npos);
    assessments.push_back({"OB10", false, "Wie is verantwoordelijk?"});
    refused = ready_to_approve(NORMS, assessments);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("afgekeurd bij OB10"), std::string::npos);
    assessments.back().approved = true;
    EXPECT_TRUE(ready_to_approve(NORMS, assessments).ok());
}

TEST(ImprovementPlan, RejectionNeedsEveryNormAssessedAndOneRejected)
{
    std::vector<PlanAssessment> assessments{{"VM5", false, "Te vaag"}, {"DV6", true, ""}};
    auto refused = ready_to_reject(NORMS, assessments);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("OB10"), std::string::npos);
    assessments.push_back({"OB10", true, ""});
    EXPECT_TRUE(ready_to_reject(NORMS, assessments).ok());
    assessments.front().approved = true;
    EXPECT_FALSE(ready_to_reject(NORMS, assessments).ok());
}

}  // namespace
}  // namespace sterk
