// The additional audit's addendum (core/report/addendum.h): which norms are reassessed, what the
// team may save, what additional_audit_held needs, the verdicts it takes, and the passage and
// addendum the final report prints.
#include "adapters/config/data_files.h"
#include "core/report/addendum.h"

#include <gtest/gtest.h>

namespace sterk {

namespace {

NormFramework const& framework()
{
    static NormFramework const fw = *load_builtin_framework("2019");
    return fw;
}

// Scenario c: VM1..VM5 "-", DV2 "+/-", the rest "+".
VerdictMap over_threshold()
{
    VerdictMap verdicts;
    for (auto const& norm : framework().norms) {
        bool const not_met = norm.code == "VM1" || norm.code == "VM2" || norm.code == "VM3" || norm.code == "VM4" ||
                             norm.code == "VM5";
        verdicts[norm.code] = not_met ? Verdict::NotMet : norm.code == "DV2" ? Verdict::Partly : Verdict::Met;
    }
    return verdicts;
}

Finding reassessed(std::string code, std::optional<Verdict> verdict)
{
    return {std::move(code), verdict, "", "Herbeoordeling",
            {{SourceKind::Interview, "teamleider", "", "", std::nullopt},
             {SourceKind::Document, "", "", "Voortgangsrapportage", std::nullopt}},
            1};
}

}  // namespace

TEST(Addendum, ReassessesTheFinalReportsNotMetAndPartlyNormsInFrameworkOrder)
{
    EXPECT_EQ(reassessed_norms(framework(), over_threshold()),
              (std::vector<std::string>{"VM1", "VM2", "VM3", "VM4", "VM5", "DV2"}));
}

TEST(Addendum, RefusesAFindingOnANormThatWasMet)
{
    auto const norms = reassessed_norms(framework(), over_threshold());
    auto const refused = check_addendum_finding(framework(), norms, reassessed("OB1", Verdict::Met));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "norm");
    EXPECT_TRUE(check_addendum_finding(framework(), norms, reassessed("DV2", Verdict::Met)).ok());
}

TEST(Addendum, HeldNeedsEveryReassessedNormAndThePassage)
{
    auto const norms = reassessed_norms(framework(), over_threshold());
    std::vector<Finding> findings{reassessed("VM1", Verdict::Met), reassessed("VM2", std::nullopt),
                                  reassessed("VM3", Verdict::NotApplicable)};  // n.v.t. without a reason
    EXPECT_EQ(missing_for_addendum(norms, findings, " "),
              (std::vector<std::string>{"VM2", "VM3", "VM4", "VM5", "DV2", "passage"}));
    auto const refused = ready_for_addendum(norms, findings, "");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(refused.error().message.find("VM2, VM3, VM4, VM5, DV2"), std::string::npos);
    EXPECT_NE(refused.error().message.find("passage"), std::string::npos);
    std::vector<Finding> complete;
    for (auto const& code : norms) {
        complete.push_back(reassessed(code, Verdict::Met));
    }
    EXPECT_TRUE(ready_for_addendum(norms, complete, "Verslag").ok());
    EXPECT_FALSE(ready_for_addendum(norms, complete, "").ok());
}

TEST(Addendum, TheOutcomeIsTheFinalVerdictsWithTheReassessedOnesReplaced)
{
    std::vector<Finding> findings{reassessed("VM1", Verdict::NotMet), reassessed("VM2", Verdict::Met),
                                  reassessed("DV2", Verdict::Partly)};
    auto const after = verdicts_after_addendum(over_threshold(), findings);
    EXPECT_EQ(after.size(), framework().norms.size());
    EXPECT_EQ(after.at("VM1"), Verdict::NotMet);
    EXPECT_EQ(after.at("VM2"), Verdict::Met);
    EXPECT_EQ(after.at("VM3"), Verdict::NotMet);  // not yet reassessed: as it was
    EXPECT_EQ(after.at("DV2"), Verdict::Partly);
    EXPECT_EQ(after.at("OB1"), Verdict::Met);
}

TEST(Addendum, ThePassageInPartAAndTheAddendumOnPartB)
{
    AddendumContent content;
    content.held_on = "2026-12-01";
    content.passage = "De voortgang is besproken met twee teams.";
    content.final_verdicts = over_threshold();
    for (auto const& code : {"VM1", "VM2", "VM3", "VM4", "VM5", "DV2"}) {
        content.findings.push_back(reassessed(code, std::string(code) == "VM1" ? Verdict::Partly : Verdict::Met));
    }
    auto const addendum = build_addendum(framework(), content);
    EXPECT_EQ(addendum.part_a.title, "Aanvullende passage: aanvullende toetsing op 2026-12-01");
    ASSERT_EQ(addendum.part_a.lines.size(), 3u);
    EXPECT_EQ(addendum.part_a.lines[0].value, content.passage);
    EXPECT_EQ(addendum.part_a.lines[1].value,
              "VM1 (- → +/-), VM2 (- → +), VM3 (- → +), VM4 (- → +), VM5 (- → +), DV2 (+/- → +)");
    EXPECT_EQ(addendum.overall.totals.met, static_cast<int>(framework().norms.size()) - 1);
    EXPECT_EQ(addendum.overall.totals.partly, 1);
    EXPECT_NE(addendum.part_a.lines[2].value.find("0 voldoet niet"), std::string::npos);
    ASSERT_EQ(addendum.part_b.norms.size(), 6u);
    EXPECT_EQ(addendum.part_b.norms.front().code, "VM1");
    EXPECT_EQ(addendum.part_b.norms.front().verdict, Verdict::Partly);
    EXPECT_EQ(addendum.part_b.documents, std::vector<std::string>{"Voortgangsrapportage"});
}

}  // namespace sterk
