#include "core/rules/advice.h"

#include "core/text.h"

namespace sterk {

std::string scenario_key(Scenario s)
{
    switch (s) {
    case Scenario::AllMet: return "all-met";
    case Scenario::PlanRequired: return "plan-required";
    case Scenario::OverThreshold: return "over-threshold";
    }
    return {};
}

std::string scenario_dutch(Scenario s)
{
    switch (s) {
    case Scenario::AllMet: return "Alle beoordeelde normen voldoen: positief advies.";
    case Scenario::PlanRequired:
        return "Eén verbeterplan voor alle normen met - of +/-; na goedkeuring positief advies.";
    case Scenario::OverThreshold:
        return "Nu geen positief advies: plannen van aanpak en een aanvullende toetsing op locatie.";
    }
    return {};
}

OverallTable overall_table(NormFramework const& framework, VerdictMap const& verdicts)
{
    OverallTable table;
    table.norm_count = static_cast<int>(framework.norms.size());
    for (auto const& rubric : framework.rubrics) {
        OverallRow row{rubric.code, rubric.name, {}, {}, {}, {}, {}};
        for (auto const& norm : framework.norms) {
            if (norm.rubric != rubric.code) {
                continue;
            }
            auto const found = verdicts.find(norm.code);
            if (found == verdicts.end()) {
                row.not_assessed.push_back(norm.number);
                ++table.totals.not_assessed;
                continue;
            }
            switch (found->second) {
            case Verdict::Met:
                row.met.push_back(norm.number);
                ++table.totals.met;
                break;
            case Verdict::Partly:
                row.partly.push_back(norm.number);
                ++table.totals.partly;
                break;
            case Verdict::NotMet:
                row.not_met.push_back(norm.number);
                ++table.totals.not_met;
                break;
            case Verdict::NotApplicable:
                row.not_applicable.push_back(norm.number);
                ++table.totals.not_applicable;
                break;
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

Status can_advise(NormFramework const& framework, VerdictMap const& verdicts)
{
    std::vector<std::string> missing;
    for (auto const& norm : framework.norms) {
        if (verdicts.count(norm.code) == 0) {
            missing.push_back(norm.code);
        }
    }
    if (missing.empty()) {
        return ok_status();
    }
    return Error::precondition("advies kan pas als elke norm beoordeeld is of n.v.t.; nog niet beoordeeld: " +
                               join(missing));
}

Status positive_advice_blocked(Advice const& advice)
{
    if (advice.unassessed_rubrics.empty()) {
        return ok_status();
    }
    return Error::precondition("geen positief advies mogelijk: in rubriek " + join(advice.unassessed_rubrics) +
                               " is elke norm n.v.t., dus die rubriek is niet getoetst");
}

Advice advise(NormFramework const& framework, VerdictMap const& verdicts)
{
    Advice advice;
    advice.max_not_met = framework.procedure.max_not_met;
    advice.max_partly = framework.procedure.max_partly;
    advice.counts = overall_table(framework, verdicts).totals;
    for (auto const& norm : framework.norms) {
        auto const found = verdicts.find(norm.code);
        if (found != verdicts.end() && (found->second == Verdict::NotMet || found->second == Verdict::Partly)) {
            advice.plan_norms.push_back(norm.code);
        }
    }
    for (auto const& rubric : framework.rubrics) {
        bool every_norm_not_applicable = rubric.norm_count > 0;
        for (auto const& norm : framework.norms) {
            auto const found = verdicts.find(norm.code);
            if (norm.rubric == rubric.code && (found == verdicts.end() || found->second != Verdict::NotApplicable)) {
                every_norm_not_applicable = false;
            }
        }
        if (every_norm_not_applicable) {
            advice.unassessed_rubrics.push_back(rubric.code);
        }
    }
    for (auto const& norm : framework.norms) {
        auto const found = verdicts.find(norm.code);
        if (norm.applicability == Applicability::Always && found != verdicts.end() &&
            found->second == Verdict::NotApplicable) {
            advice.always_applicable_not_applicable.push_back(norm.code);
        }
    }
    if (advice.counts.not_met == 0 && advice.counts.partly == 0) {
        advice.scenario = Scenario::AllMet;
    } else if (advice.counts.not_met <= advice.max_not_met && advice.counts.partly <= advice.max_partly) {
        advice.scenario = Scenario::PlanRequired;
    } else {
        advice.scenario = Scenario::OverThreshold;
    }
    return advice;
}

}  // namespace sterk
