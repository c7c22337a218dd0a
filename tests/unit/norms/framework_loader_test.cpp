#include "adapters/config/data_files.h"
#include "core/trajectory/event_kind.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace sterk {

namespace {

std::string source_file(std::string const& relative)
{
    std::ifstream in(std::string(STERK_SOURCE_DIR) + "/" + relative);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Replaces the first occurrence of `from` in the framework text; fails the test when absent.
std::string mutate(std::string text, std::string const& from, std::string const& to)
{
    auto const at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return text;
}

int line_of(std::string const& text, std::string const& needle)
{
    auto const at = text.find(needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST(FrameworkFile, The2019FrameworkHas49NormsInThreeRubrics)
{
    auto const fw = load_builtin_framework("2019");
    ASSERT_TRUE(fw.ok()) << fw.error().message;
    ASSERT_EQ(fw->norms.size(), 49u);
    ASSERT_EQ(fw->rubrics.size(), 3u);
    EXPECT_EQ(fw->rubrics[0].name, "Vakmanschap");
    EXPECT_EQ(fw->rubrics[0].norm_count, 15);
    EXPECT_EQ(fw->rubrics[1].norm_count, 11);
    EXPECT_EQ(fw->rubrics[2].norm_count, 23);
    EXPECT_EQ(fw->norms.front().code, "VM1");
    EXPECT_EQ(fw->norms.back().code, "OB23");
    for (auto const& norm : fw->norms) {
        EXPECT_FALSE(norm.text.empty()) << norm.code;
        EXPECT_FALSE(norm.guidance.empty()) << norm.code;
        EXPECT_EQ(norm.text.find("©"), std::string::npos) << norm.code << " carries a stray copyright line";
        bool const without_b4 = norm.code == "VM12" || norm.code == "VM13" || norm.code == "VM14" || norm.code == "VM15";
        EXPECT_EQ(norm.questions.empty(), without_b4) << norm.code;
    }
    EXPECT_EQ(fw->procedure.max_not_met, 4);
    EXPECT_EQ(fw->procedure.max_partly, 9);
}

TEST(FrameworkFile, B2ExtractionFaultsAreNotCarriedOver)
{
    auto const fw = load_builtin_framework("2019");
    ASSERT_TRUE(fw.ok());
    // B2 runs VM12 and VM13 together and gives OB18 the text of OB19.
    EXPECT_NE(fw->find_norm("VM12")->text, fw->find_norm("VM13")->text);
    EXPECT_EQ(fw->find_norm("VM12")->text.find(fw->find_norm("VM13")->text), std::string::npos);
    EXPECT_NE(fw->find_norm("OB18")->text, fw->find_norm("OB19")->text);
    for (auto const* code : {"OB13", "OB20", "DV10", "DV11"}) {
        EXPECT_EQ(fw->find_norm(code)->applicability, Applicability::WhereRelevant) << code;
    }
}

TEST(FrameworkFile, UnknownVersionIsNotFound)
{
    auto const fw = load_builtin_framework("2031");
    ASSERT_FALSE(fw.ok());
    EXPECT_EQ(fw.error().code, ErrorCode::NotFound);
}

TEST(FrameworkFile, MissingFieldIsNamedWithFileAndLine)
{
    auto const text = source_file("frameworks/ssw-2019.yaml");
    auto const guidance_line = line_of(text, "    guidance:");
    auto const broken = mutate(text, "    guidance:", "    guidanc:");
    auto const fw = parse_framework_yaml(broken, "kapot.yaml");
    ASSERT_FALSE(fw.ok());
    EXPECT_NE(fw.error().message.find("kapot.yaml:"), std::string::npos) << fw.error().message;
    EXPECT_NE(fw.error().message.find("norms[0] (VM1).guidance: ontbreekt"), std::string::npos) << fw.error().message;
    // The line points at the norm's entry, which starts a few lines above its guidance.
    auto const line = std::stoi(fw.error().message.substr(std::string("kapot.yaml:").size()));
    EXPECT_GT(line, 0);
    EXPECT_LT(line, guidance_line);
}

TEST(FrameworkFile, DuplicateCodeWrongRubricAndWrongCountAreRefused)
{
    auto const text = source_file("frameworks/ssw-2019.yaml");

    auto const duplicate = parse_framework_yaml(mutate(text, "code: \"VM2\"", "code: \"VM1\""), "dup.yaml");
    ASSERT_FALSE(duplicate.ok());
    EXPECT_NE(duplicate.error().message.find("'VM1' komt dubbel voor"), std::string::npos) << duplicate.error().message;

    auto const rubric = parse_framework_yaml(mutate(text, "rubric: \"DV\"", "rubric: \"XX\""), "rubric.yaml");
    ASSERT_FALSE(rubric.ok());
    EXPECT_NE(rubric.error().message.find("onbekende rubriek 'XX'"), std::string::npos) << rubric.error().message;

    auto const count = parse_framework_yaml(mutate(text, "norm_count: 15", "norm_count: 16"), "count.yaml");
    ASSERT_FALSE(count.ok());
    EXPECT_NE(count.error().message.find("norm VM16 ontbreekt"), std::string::npos) << count.error().message;
    EXPECT_NE(count.error().message.find("verwacht 50 normen, gevonden 49"), std::string::npos);

    auto const yaml = parse_framework_yaml("version: [unclosed", "syntax.yaml");
    ASSERT_FALSE(yaml.ok());
    EXPECT_NE(yaml.error().message.find("syntax.yaml:1"), std::string::npos) << yaml.error().message;
}

TEST(FrameworkFile, TextThatIsNotUtf8IsRefusedWithItsLine)
{
    // Found by tests/fuzz/framework_fuzz.cpp: yaml-cpp took the byte, and `sterklabel framework
    // --file F --json` then ended in an uncaught exception from the JSON writer.
    auto const text = source_file("frameworks/ssw-2019.yaml");
    auto const guidance_line = line_of(text, "    guidance:");
    auto const fw = parse_framework_yaml(mutate(text, "    guidance:", "    guidance: \"caf\xE9\"\n    guidanc:"), "latin1.yaml");
    ASSERT_FALSE(fw.ok());
    EXPECT_EQ(fw.error().message, "latin1.yaml:" + std::to_string(guidance_line) + ": geen geldige UTF-8");
}

TEST(FrameworkFile, EveryDeadlineHasAPeriodAndAHandbookSource)
{
    auto const fw = load_builtin_framework("2019");
    ASSERT_TRUE(fw.ok());
    EXPECT_EQ(fw->procedure.deadlines.size(), deadline_specs().size());
    for (auto const& spec : deadline_specs()) {
        auto const& rule = fw->procedure.deadline(spec.kind);
        EXPECT_EQ(rule.key, spec.key);
        EXPECT_EQ(rule.after, spec.after) << spec.key;
        EXPECT_FALSE(rule.source.empty()) << spec.key;
        // Only the next step after a twice-rejected plan has a due date the parties agree (B6 §9b-iii).
        EXPECT_EQ(rule.agreed, spec.kind == DeadlineKind::NextSteps) << spec.key;
        if (!rule.agreed) {
            EXPECT_GT(rule.period.amount, 0) << spec.key;
        }
    }
    auto const text = source_file("frameworks/ssw-2019.yaml");
    auto const unknown = parse_framework_yaml(mutate(text, "key: \"concept_report\"", "key: \"concept_rapport\""), "d.yaml");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("onbekende termijn 'concept_rapport'"), std::string::npos);

    // A deadline counting from the wrong event would shift every date computed from it.
    auto const wrong_event =
        parse_framework_yaml(mutate(text, "after: \"last_audit_day\"", "after: \"concept_sent\""), "e.yaml");
    ASSERT_FALSE(wrong_event.ok());
    EXPECT_NE(wrong_event.error().message.find("termijn concept_report telt vanaf 'last_audit_day', niet 'concept_sent'"),
              std::string::npos)
        << wrong_event.error().message;
}

TEST(FrameworkFile, EveryTrajectoryEventHasAnActorAndDutchWording)
{
    auto const fw = load_builtin_framework("2019");
    ASSERT_TRUE(fw.ok());
    EXPECT_EQ(fw->procedure.events.size(), event_kind_specs().size());
    for (auto const& spec : event_kind_specs()) {
        auto const* rule = fw->procedure.event(spec.key);
        ASSERT_NE(rule, nullptr) << spec.key;
        EXPECT_FALSE(rule->label.empty()) << spec.key;
        EXPECT_FALSE(rule->todo.empty()) << spec.key;
    }
    EXPECT_EQ(fw->procedure.event("concept_sent")->actor, "ci");
    EXPECT_EQ(fw->procedure.event("plan_submitted")->actor, "member");
    EXPECT_EQ(fw->procedure.event("receipt_confirmed")->actor, "secretariat");

    auto const text = source_file("frameworks/ssw-2019.yaml");
    auto const missing = parse_framework_yaml(
        mutate(text, "{key: \"plan_rejected\", actor: \"ci\"", "{key: \"plan_refused\", actor: \"ci\""), "f.yaml");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("procedure.events.plan_rejected: gebeurtenis ontbreekt"), std::string::npos)
        << missing.error().message;
    auto const actor = parse_framework_yaml(
        mutate(text, "{key: \"concept_sent\", actor: \"ci\"", "{key: \"concept_sent\", actor: \"auditor\""), "g.yaml");
    ASSERT_FALSE(actor.ok());
    EXPECT_NE(actor.error().message.find("onbekende partij 'auditor'"), std::string::npos) << actor.error().message;
}

TEST(TariffsFile, BandsVariantsAndRatesLoad)
{
    auto const tariffs = load_builtin_tariffs();
    ASSERT_TRUE(tariffs.ok()) << tariffs.error().message;
    EXPECT_EQ(tariffs->bands.size(), 11u);
    ASSERT_NE(tariffs->find_body("CIIO"), nullptr);
    EXPECT_EQ(tariffs->find_body("CIIO")->rate_on(Date::from_ymd(2022, 6, 30))->cents, 117500);
    EXPECT_EQ(tariffs->find_body("CIIO")->rate_on(Date::from_ymd(2022, 7, 1))->cents, 120000);
    auto const broken = parse_tariffs_yaml(mutate(source_file("frameworks/tariffs.yaml"), "[2.5, 3.0, ", "[3.0, "),
                                           "t.yaml");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("10 dagwaarden voor 11 klassen"), std::string::npos) << broken.error().message;

    auto const feedback = parse_tariffs_yaml(
        mutate(source_file("frameworks/tariffs.yaml"), "{min: 500, max: 750,", "{max: 750,"), "f.yaml");
    ASSERT_FALSE(feedback.ok());
    EXPECT_NE(feedback.error().message.find("certification_bodies[0].self_evaluation_feedback_eur.min: ontbreekt"),
              std::string::npos)
        << feedback.error().message;
}

}  // namespace sterk
