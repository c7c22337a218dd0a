#include "core/norms/framework.h"

#include "core/trajectory/event_kind.h"

#include <set>

namespace sterk {

DeadlineRule const& ProcedureSettings::deadline(DeadlineKind kind) const
{
    for (auto const& rule : deadlines) {
        if (rule.kind == kind) {
            return rule;
        }
    }
    // validate_framework() guarantees every kind is present in a loaded framework.
    static DeadlineRule const missing{};
    return missing;
}

EventRule const* ProcedureSettings::event(std::string const& key) const
{
    for (auto const& rule : events) {
        if (rule.key == key) {
            return &rule;
        }
    }
    return nullptr;
}

Norm const* NormFramework::find_norm(std::string const& code) const
{
    for (auto const& norm : norms) {
        if (norm.code == code) {
            return &norm;
        }
    }
    return nullptr;
}

ScopeGroup const* NormFramework::find_scope_group(std::string const& key) const
{
    for (auto const& group : scope_groups) {
        if (group.key == key) {
            return &group;
        }
    }
    return nullptr;
}

std::vector<DeadlineSpec> const& deadline_specs()
{
    static std::vector<DeadlineSpec> const specs{
        {DeadlineKind::ConceptReport, "concept_report", "last_audit_day"},
        {DeadlineKind::FactualCorrections, "factual_corrections", "concept_sent"},
        {DeadlineKind::FinalReport, "final_report", "corrections_received"},
        {DeadlineKind::ImprovementPlan, "improvement_plan", "findings_final"},
        {DeadlineKind::PlanAssessment, "plan_assessment", "plan_submitted"},
        {DeadlineKind::PlanRevision, "plan_revision", "plan_rejected"},
        {DeadlineKind::RevisionAssessment, "revision_assessment", "revision_submitted"},
        {DeadlineKind::FinalReportWithPlans, "final_report_with_plans", "plan_approved"},
        {DeadlineKind::PartAToSecretariat, "part_a_to_secretariat", "positive_advice"},
        {DeadlineKind::SecretariatCheck, "secretariat_check", "part_a_received"},
        {DeadlineKind::PartAReturn, "part_a_return", "part_a_received"},
        {DeadlineKind::PartACompletion, "part_a_completion", "part_a_returned"},
        {DeadlineKind::CertificateIssue, "certificate_issue", "receipt_confirmed"},
        {DeadlineKind::OverThresholdPlans, "over_threshold_plans", "findings_final"},
        {DeadlineKind::AdditionalAudit, "additional_audit", "certificate_expiry"},
        {DeadlineKind::NextSteps, "next_steps", "next_steps_agreed"},
    };
    return specs;
}

namespace {

std::string where(SourcePos const& pos, std::string const& field)
{
    return pos.file + ":" + std::to_string(pos.line) + ": " + field;
}

Error framework_error(SourcePos const& pos, std::string const& field, std::string const& message)
{
    return Error::invalid(where(pos, field), where(pos, field) + ": " + message);
}

}  // namespace

Errors validate_framework(NormFramework const& framework)
{
    Errors errors;
    SourcePos const file_pos{framework.rubrics.empty() ? std::string{} : framework.rubrics.front().pos.file, 1};
    if (framework.version.empty()) {
        errors.push_back(framework_error(file_pos, "version", "ontbreekt"));
    }
    if (framework.rubrics.empty()) {
        errors.push_back(framework_error(file_pos, "rubrics", "geen rubrieken"));
    }

    std::set<std::string> rubric_codes;
    int expected_total = 0;
    for (auto const& rubric : framework.rubrics) {
        if (!rubric_codes.insert(rubric.code).second) {
            errors.push_back(framework_error(rubric.pos, "rubrics.code", "rubriek '" + rubric.code + "' komt dubbel voor"));
        }
        if (rubric.norm_count <= 0) {
            errors.push_back(framework_error(rubric.pos, "rubrics.norm_count", "moet groter dan 0 zijn"));
        }
        expected_total += rubric.norm_count;
    }

    std::set<std::string> codes;
    std::map<std::string, std::set<int>> numbers_per_rubric;
    for (size_t i = 0; i < framework.norms.size(); ++i) {
        auto const& norm = framework.norms[i];
        std::string const field = "norms[" + std::to_string(i) + "]";
        if (!codes.insert(norm.code).second) {
            errors.push_back(framework_error(norm.pos, field + ".code", "normcode '" + norm.code + "' komt dubbel voor"));
        }
        if (rubric_codes.count(norm.rubric) == 0) {
            errors.push_back(framework_error(norm.pos, field + ".rubric",
                                             "onbekende rubriek '" + norm.rubric + "' bij norm " + norm.code));
            continue;
        }
        if (norm.code != norm.rubric + std::to_string(norm.number)) {
            errors.push_back(framework_error(norm.pos, field + ".code",
                                             "normcode '" + norm.code + "' past niet bij rubriek " + norm.rubric +
                                                 " en nummer " + std::to_string(norm.number)));
        }
        if (norm.text.empty()) {
            errors.push_back(framework_error(norm.pos, field + ".text", "normtekst ontbreekt bij " + norm.code));
        }
        numbers_per_rubric[norm.rubric].insert(norm.number);
    }
    for (auto const& rubric : framework.rubrics) {
        auto const& numbers = numbers_per_rubric[rubric.code];
        for (int n = 1; n <= rubric.norm_count; ++n) {
            if (numbers.count(n) == 0) {
                errors.push_back(framework_error(rubric.pos, "norms",
                                                 "norm " + rubric.code + std::to_string(n) + " ontbreekt (rubriek " +
                                                     rubric.code + " heeft " + std::to_string(rubric.norm_count) +
                                                     " normen)"));
            }
        }
        for (int n : numbers) {
            if (n < 1 || n > rubric.norm_count) {
                errors.push_back(framework_error(rubric.pos, "norms",
                                                 "norm " + rubric.code + std::to_string(n) + " valt buiten rubriek " +
                                                     rubric.code + " (1-" + std::to_string(rubric.norm_count) + ")"));
            }
        }
    }
    if (static_cast<int>(framework.norms.size()) != expected_total) {
        errors.push_back(framework_error(file_pos, "norms",
                                         "verwacht " + std::to_string(expected_total) + " normen, gevonden " +
                                             std::to_string(framework.norms.size())));
    }

    auto const& procedure = framework.procedure;
    if (procedure.max_not_met < 0) {
        errors.push_back(framework_error(file_pos, "procedure.max_not_met", "mag niet negatief zijn"));
    }
    if (procedure.max_partly < 0) {
        errors.push_back(framework_error(file_pos, "procedure.max_partly", "mag niet negatief zijn"));
    }
    for (auto const& spec : deadline_specs()) {
        int found = 0;
        for (auto const& rule : procedure.deadlines) {
            found += rule.key == spec.key ? 1 : 0;
            if (rule.key == spec.key && rule.after != spec.after) {
                errors.push_back(framework_error(file_pos, std::string("procedure.deadlines.") + spec.key + ".after",
                                                 "termijn " + rule.key + " telt vanaf '" + spec.after + "', niet '" +
                                                     rule.after + "'"));
            }
        }
        if (found != 1) {
            errors.push_back(framework_error(file_pos, std::string("procedure.deadlines.") + spec.key,
                                             found == 0 ? "termijn ontbreekt" : "termijn komt dubbel voor"));
        }
    }
    std::set<std::string> const actors{"member", "ci", "secretariat"};
    for (auto const& spec : event_kind_specs()) {
        int found = 0;
        for (auto const& rule : procedure.events) {
            if (rule.key != spec.key) {
                continue;
            }
            ++found;
            if (actors.count(rule.actor) == 0) {
                errors.push_back(framework_error(file_pos, std::string("procedure.events.") + spec.key + ".actor",
                                                 "onbekende partij '" + rule.actor + "'; kies member, ci of secretariat"));
            }
        }
        if (found != 1) {
            errors.push_back(framework_error(file_pos, std::string("procedure.events.") + spec.key,
                                             found == 0 ? "gebeurtenis ontbreekt" : "gebeurtenis komt dubbel voor"));
        }
    }
    for (auto const& rule : procedure.events) {
        if (!parse_event_kind(rule.key)) {
            errors.push_back(framework_error(file_pos, "procedure.events." + rule.key, "onbekende gebeurtenis"));
        }
    }
    if (framework.scope_groups.empty()) {
        errors.push_back(framework_error(file_pos, "scope_groups", "geen groepen voor de scope"));
    }
    return errors;
}

}  // namespace sterk
