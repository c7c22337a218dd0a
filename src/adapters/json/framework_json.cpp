#include "adapters/json/framework_json.h"

namespace sterk {

namespace {

nlohmann::json period_json(Period const& period)
{
    char const* unit = "days";
    switch (period.unit) {
    case PeriodUnit::Days: unit = "days"; break;
    case PeriodUnit::Weeks: unit = "weeks"; break;
    case PeriodUnit::Months: unit = "months"; break;
    case PeriodUnit::Years: unit = "years"; break;
    }
    return {{unit, period.amount}, {"text", period.dutch()}};
}

}  // namespace

nlohmann::json framework_to_json(NormFramework const& framework)
{
    nlohmann::json rubrics = nlohmann::json::array();
    for (auto const& rubric : framework.rubrics) {
        rubrics.push_back({{"code", rubric.code},
                           {"number", rubric.number},
                           {"name", rubric.name},
                           {"description", rubric.description},
                           {"norm_count", rubric.norm_count}});
    }
    nlohmann::json norms = nlohmann::json::array();
    for (auto const& norm : framework.norms) {
        norms.push_back({{"code", norm.code},
                         {"rubric", norm.rubric},
                         {"number", norm.number},
                         {"text", norm.text},
                         {"applicability", norm.applicability == Applicability::Always ? "always" : "where-relevant"},
                         {"guidance", norm.guidance},
                         {"questions", norm.questions},
                         {"evidence", norm.evidence}});
    }
    nlohmann::json groups = nlohmann::json::array();
    for (auto const& group : framework.branchecode) {
        groups.push_back({{"name", group.name}, {"values", group.values}});
    }
    nlohmann::json terminology = nlohmann::json::array();
    for (auto const& term : framework.terminology) {
        terminology.push_back({{"term", term.term}, {"definition", term.definition}});
    }
    nlohmann::json scope_groups = nlohmann::json::array();
    for (auto const& group : framework.scope_groups) {
        scope_groups.push_back({{"key", group.key},
                                {"label", group.label},
                                {"counts", group.counts},
                                {"explanation", group.explanation}});
    }
    auto const& procedure = framework.procedure;
    nlohmann::json deadlines = nlohmann::json::array();
    for (auto const& rule : procedure.deadlines) {
        deadlines.push_back({{"key", rule.key},
                             {"after", rule.after},
                             {"period", period_json(rule.period)},
                             {"actor", rule.actor},
                             {"label", rule.label},
                             {"source", rule.source}});
    }
    nlohmann::json reminders = nlohmann::json::array();
    for (auto const& period : procedure.reminders_before_expiry) {
        reminders.push_back(period_json(period));
    }
    return {{"version", framework.version},
            {"title", framework.title},
            {"published", framework.published},
            {"copyright", framework.copyright},
            {"rubrics", rubrics},
            {"norms", norms},
            {"branchecode", {{"adopted", framework.branchecode_adopted}, {"groups", groups}}},
            {"terminology", terminology},
            {"scope_groups", scope_groups},
            {"procedure",
             {{"max_not_met", procedure.max_not_met},
              {"max_partly", procedure.max_partly},
              {"certificate_validity", period_json(procedure.certificate_validity)},
              {"suspension_max", period_json(procedure.suspension_max)},
              {"expiry_notice", period_json(procedure.expiry_notice)},
              {"reminders_before_expiry", reminders},
              {"postponement_after_self_evaluation", period_json(procedure.postponement_after_self_evaluation)},
              {"deadlines", deadlines}}}};
}

}  // namespace sterk
