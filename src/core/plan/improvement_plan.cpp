// The improvement plan's rules: see improvement_plan.h.
#include "core/plan/improvement_plan.h"

#include "core/text.h"

#include <algorithm>

namespace sterk {

namespace {

bool blank(std::string const& s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool covers(std::vector<std::string> const& plan_norms, std::string const& norm)
{
    return std::find(plan_norms.begin(), plan_norms.end(), norm) != plan_norms.end();
}

Status check_norm(std::vector<std::string> const& plan_norms, std::string const& norm)
{
    if (!covers(plan_norms, norm)) {
        return Error::invalid("norm", "Norm " + norm + " vraagt geen verbeterplan: alleen de normen met - of +/- in het "
                                      "definitieve rapport (" + join(plan_norms) + ").");
    }
    return ok_status();
}

std::optional<PlanAssessment> assessment_of(std::vector<PlanAssessment> const& assessments, std::string const& norm)
{
    for (auto const& a : assessments) {
        if (a.norm == norm) {
            return a;
        }
    }
    return std::nullopt;
}

}  // namespace

Result<PlanItem> check_plan_item(std::vector<std::string> const& plan_norms, PlanItem item)
{
    TRY(check_norm(plan_norms, item.norm));
    if (item.cause.size() > MAX_PLAN_TEXT) {
        return Error::invalid("cause", "De oorzaak is hoogstens 20.000 tekens.");
    }
    if (item.actions.size() > MAX_PLAN_TEXT) {
        return Error::invalid("actions", "De verbeteracties zijn hoogstens 20.000 tekens.");
    }
    if (item.who.size() > MAX_PLAN_WHO) {
        return Error::invalid("who", "'Wie' is hoogstens 300 tekens: noem de functie, geen naam.");
    }
    return item;
}

bool plan_item_complete(PlanItem const& item)
{
    return !blank(item.cause) && !blank(item.actions) && !blank(item.who) && item.by_when.has_value();
}

std::vector<PlanItem> all_plan_items(std::vector<std::string> const& plan_norms, std::vector<PlanItem> const& saved)
{
    std::vector<PlanItem> items;
    for (auto const& norm : plan_norms) {
        auto found = std::find_if(saved.begin(), saved.end(), [&](PlanItem const& i) { return i.norm == norm; });
        items.push_back(found != saved.end() ? *found : PlanItem{norm, {}, {}, {}, std::nullopt});
    }
    return items;
}

std::vector<std::string> missing_for_submission(std::vector<std::string> const& plan_norms,
                                                std::vector<PlanItem> const& items)
{
    std::vector<std::string> missing;
    for (auto const& item : all_plan_items(plan_norms, items)) {
        if (!plan_item_complete(item)) {
            missing.push_back(item.norm);
        }
    }
    return missing;
}

Status ready_to_submit(std::vector<std::string> const& plan_norms, std::vector<PlanItem> const& items)
{
    auto const missing = missing_for_submission(plan_norms, items);
    if (missing.empty()) {
        return ok_status();
    }
    return Error::precondition("Het verbeterplan is nog niet compleet: oorzaak, acties, wie of uiterlijk ontbreekt bij " +
                               join(missing) + ".");
}

Result<PlanAssessment> check_plan_assessment(std::vector<std::string> const& plan_norms, PlanAssessment assessment)
{
    TRY(check_norm(plan_norms, assessment.norm));
    if (assessment.approved == false && blank(assessment.remark)) {
        return Error::invalid("remark", "Zeg bij een afkeuring wat er moet veranderen.");
    }
    if (assessment.remark.size() > MAX_PLAN_TEXT) {
        return Error::invalid("remark", "Een opmerking is hoogstens 20.000 tekens.");
    }
    return assessment;
}

Status ready_to_approve(std::vector<std::string> const& plan_norms, std::vector<PlanAssessment> const& assessments)
{
    std::vector<std::string> rejected;
    std::vector<std::string> open;
    for (auto const& norm : plan_norms) {
        auto const a = assessment_of(assessments, norm);
        if (!a || !a->approved) {
            open.push_back(norm);
        } else if (!*a->approved) {
            rejected.push_back(norm);
        }
    }
    if (!rejected.empty()) {
        return Error::precondition("Het plan is afgekeurd bij " + join(rejected) +
                                   "; goedkeuren kan pas als elke norm is goedgekeurd.");
    }
    if (!open.empty()) {
        return Error::precondition("Nog niet beoordeeld: " + join(open) + ".");
    }
    return ok_status();
}

Status ready_to_reject(std::vector<std::string> const& plan_norms, std::vector<PlanAssessment> const& assessments)
{
    std::vector<std::string> open;
    bool any_rejected = false;
    for (auto const& norm : plan_norms) {
        auto const a = assessment_of(assessments, norm);
        if (!a || !a->approved) {
            open.push_back(norm);
        } else if (!*a->approved) {
            any_rejected = true;
        }
    }
    if (!open.empty()) {
        return Error::precondition("Beoordeel eerst elke norm; nog niet beoordeeld: " + join(open) + ".");
    }
    if (!any_rejected) {
        return Error::precondition("Elke norm is goedgekeurd: keur het plan goed, of wijs een norm af met een opmerking.");
    }
    return ok_status();
}

}  // namespace sterk
