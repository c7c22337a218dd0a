// The report's rules (core/report): what a finding may hold and how it is flagged, what the
// concept needs, Part A's fields and values, remark targets, and the report built from findings
// (the overall table and the counts computed from the verdicts, never typed) with its changes.
#include "adapters/config/data_files.h"
#include "core/report/findings.h"
#include "core/report/report_builder.h"

#include <gtest/gtest.h>

namespace sterk {

namespace {

NormFramework const& framework()
{
    static NormFramework const fw = *load_builtin_framework("2019");
    return fw;
}

FindingSource interview(std::string function)
{
    return {SourceKind::Interview, std::move(function), "", "", std::nullopt};
}

FindingSource document(std::string title)
{
    return {SourceKind::Document, "", "", std::move(title), std::nullopt};
}

// B8's verdicts: VM5, VM7, DV5, DV6, DV8, OB10 and OB16 "+/-", the rest "+", two sources each.
std::vector<Finding> b8_findings()
{
    std::vector<Finding> out;
    for (auto const& norm : framework().norms) {
        bool const partly = norm.code == "VM5" || norm.code == "VM7" || norm.code == "DV5" || norm.code == "DV6" ||
                            norm.code == "DV8" || norm.code == "OB10" || norm.code == "OB16";
        out.push_back({norm.code, partly ? Verdict::Partly : Verdict::Met, "", "Bevinding " + norm.code,
                       {interview("sociaal werker"), document("Werkplan")}, 1});
    }
    return out;
}

}  // namespace

TEST(ReportRules, AVerdictOnFewerThanTwoSourcesIsFlaggedNotRefused)
{
    Finding f{"VM1", Verdict::Met, "", "tekst", {interview("jongerenwerker")}, 0};
    auto const checked = check_finding(framework(), f);
    ASSERT_TRUE(checked.ok());
    EXPECT_EQ(finding_flags(*checked), std::vector<std::string>{"few_sources"});
    f.sources.push_back(document("Jaarverslag"));
    EXPECT_TRUE(finding_flags(f).empty());
    Finding unassessed{"VM1", std::nullopt, "", "", {}, 0};
    EXPECT_TRUE(finding_flags(unassessed).empty()) << "no verdict, nothing to rest on yet";
}

TEST(ReportRules, NotApplicableNeedsAReasonForTheConceptAndIsFlaggedUntilThen)
{
    Finding f{"OB20", Verdict::NotApplicable, "", "", {}, 0};
    EXPECT_EQ(finding_flags(f), std::vector<std::string>{"reason_missing"});
    auto findings = b8_findings();
    findings.back().verdict = Verdict::NotApplicable;
    auto const refused = ready_for_concept(findings);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(refused.error().message, "Het concept kan nog niet: een oordeel (of n.v.t. met reden) ontbreekt bij " +
                                           framework().norms.back().code + ".");
    findings.back().reason = "Geen bestuur met toezichthouders in deze organisatievorm";
    EXPECT_TRUE(ready_for_concept(findings).ok());
}

TEST(ReportRules, TheConceptNamesEveryNormWithoutAVerdict)
{
    auto findings = all_findings(framework(), {b8_findings()[0], b8_findings()[2]});
    ASSERT_EQ(findings.size(), 49u);
    auto const missing = missing_for_concept(findings);
    EXPECT_EQ(missing.size(), 47u);
    EXPECT_EQ(missing.front(), "VM2");
    EXPECT_TRUE(ready_for_concept(b8_findings()).ok());
}

TEST(ReportRules, AFindingNamesFunctionsNeverEmptySourcesAndDropsAReasonWithoutNvt)
{
    Finding f{"VM1", Verdict::Met, "stale reden", "", {interview("  ")}, 0};
    auto const refused = check_finding(framework(), f);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "sources");
    f.sources = {interview("teamleider")};
    auto const ok = check_finding(framework(), f);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->reason, "") << "a reason belongs to n.v.t. only";
    Finding unknown{"XX9", Verdict::Met, "", "", {}, 0};
    EXPECT_EQ(check_finding(framework(), unknown).error().field, "norm");
}

TEST(ReportRules, PartAHasB7sTypedFieldsInOrderWithAConclusionPerRubric)
{
    auto const fields = part_a_fields(framework());
    ASSERT_GE(fields.size(), 18u);
    EXPECT_EQ(fields.front().key, "spoken_with");
    EXPECT_EQ(fields.back().key, "signature");
    std::vector<std::string> keys;
    for (auto const& f : fields) {
        keys.push_back(f.key);
    }
    for (auto const* key : {"conclusion_VM", "conclusion_DV", "conclusion_OB", "strong_points", "hours_on_site"}) {
        EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
    }
    EXPECT_FALSE(check_part_a_value(framework(), {"hours_on_site", "veel", {}, 0}).ok());
    EXPECT_TRUE(check_part_a_value(framework(), {"hours_on_site", "24,5", {}, 0}).ok());
    EXPECT_EQ(check_part_a_value(framework(), {"strong_points", "tekst", {}, 0}).error().field, "value");
    EXPECT_EQ(check_part_a_value(framework(), {"unknown", "x", {}, 0}).error().field, "field");
    EXPECT_EQ(*remark_target_label(framework(), "part_a.sketch"), "Schets organisatie (deel A)");
    EXPECT_EQ(*remark_target_label(framework(), "VM5"), "VM5 (norm)");
    EXPECT_EQ(remark_target_label(framework(), "part_a.member_name").error().field, "target")
        << "a line filled from the registry is corrected there, not by a remark";
}

TEST(ReportRules, TheReportComputesB8sTableAndCountsFromTheVerdictsNeverFromTypedNumbers)
{
    ReportContent content;
    content.facts.member_name = "Buurtwerk Noord";
    content.findings = b8_findings();
    content.part_a = {{"conclusion_VM", "Alles voldoet behalve VM5 en VM7.", {}, 3}, {"strong_points", "", {"Betrokken"}, 1}};
    content.documents = {{"VM", {document("Scholingsplan")}, 1}};
    auto const report = build_report(framework(), content, ReportStage::Concept, 1, "2026-09-01");
    EXPECT_EQ(report.overall.totals.met, 42);
    EXPECT_EQ(report.overall.totals.partly, 7);
    EXPECT_EQ(report.overall.rows[0].partly, (std::vector<int>{5, 7}));
    std::string counts;
    std::string vm;
    for (auto const& section : report.part_a) {
        for (auto const& line : section.lines) {
            counts = line.key == "counts" ? line.value : counts;
            vm = line.key == "conclusion_VM" ? line.value : vm;
        }
    }
    EXPECT_EQ(counts, "42 voldoet, 7 deels (verbeterpunt), 0 voldoet niet, 0 niet van toepassing (van de 49 normen)");
    EXPECT_EQ(vm, "Alles voldoet behalve VM5 en VM7.");
    EXPECT_EQ(report.strong_points, std::vector<std::string>{"Betrokken"});
    ASSERT_EQ(report.part_b.size(), 3u);
    EXPECT_EQ(report.part_b[0].documents, std::vector<std::string>{"Scholingsplan"});
    EXPECT_EQ(report.part_b[0].norms[4].code, "VM5");
    EXPECT_EQ(report.part_b[0].norms[4].verdict, Verdict::Partly);
}

TEST(ReportRules, ChangesBetweenConceptAndFinalAreThoseNormsWhoseVerdictOrTextDiffer)
{
    ReportContent content;
    content.findings = b8_findings();
    auto const sent = build_report(framework(), content, ReportStage::Concept, 1, "2026-09-01");
    content.findings[4].verdict = Verdict::Met;  // VM5 after an accepted remark
    content.findings[10].text += " (aangevuld)";
    auto const last = build_report(framework(), content, ReportStage::Final, 2, "2026-09-12");
    auto const changes = report_changes(sent, last);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].norm, "VM5");
    EXPECT_EQ(changes[0].verdict_before, Verdict::Partly);
    EXPECT_EQ(changes[0].verdict_after, Verdict::Met);
    EXPECT_EQ(changes[1].norm, content.findings[10].norm_code);
    EXPECT_TRUE(report_changes(sent, sent).empty());
    EXPECT_EQ(report_stage(false, false), ReportStage::Draft);
    EXPECT_EQ(report_stage(true, false), ReportStage::Concept);
    EXPECT_EQ(report_stage(true, true), ReportStage::Final);
}

}  // namespace sterk
