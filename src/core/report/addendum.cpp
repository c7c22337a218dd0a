// The additional audit's addendum: see addendum.h.
#include "core/report/addendum.h"

#include "core/report/findings.h"
#include "core/report/report_builder.h"
#include "core/text.h"

#include <algorithm>
#include <map>

namespace sterk {

namespace {

bool blank(std::string const& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// "VM5 (+/- → +)": one reassessed norm's verdict before and after, for Part A's passage.
std::string change_line(std::string const& code, VerdictMap const& before, Finding const* after)
{
    auto const old = before.find(code);
    std::string line = code + " (" + (old != before.end() ? verdict_symbol(old->second) : std::string{"?"}) + " → ";
    return line + (after && after->verdict ? verdict_symbol(*after->verdict) : std::string{"niet beoordeeld"}) + ")";
}

}  // namespace

std::vector<std::string> reassessed_norms(NormFramework const& framework, VerdictMap const& final_verdicts)
{
    std::vector<std::string> norms;
    for (auto const& norm : framework.norms) {
        auto const found = final_verdicts.find(norm.code);
        if (found != final_verdicts.end() && (found->second == Verdict::NotMet || found->second == Verdict::Partly)) {
            norms.push_back(norm.code);
        }
    }
    return norms;
}

Result<Finding> check_addendum_finding(NormFramework const& framework, std::vector<std::string> const& reassessed,
                                       Finding finding)
{
    if (std::find(reassessed.begin(), reassessed.end(), finding.norm_code) == reassessed.end()) {
        return Error::invalid("norm", "Bij de aanvullende toetsing worden alleen de normen opnieuw beoordeeld die niet "
                                      "of deels voldeden (" + join(reassessed) + "), niet " + finding.norm_code + ".");
    }
    return check_finding(framework, std::move(finding));
}

Result<std::string> check_addendum_passage(std::string text)
{
    if (text.size() > 10'000) {
        return Error::invalid("text", "De aanvullende passage is hoogstens 10.000 tekens.");
    }
    return text;
}

std::vector<std::string> missing_for_addendum(std::vector<std::string> const& reassessed,
                                              std::vector<Finding> const& findings, std::string const& passage)
{
    std::vector<std::string> missing;
    for (auto const& code : reassessed) {
        auto const found = std::find_if(findings.begin(), findings.end(),
                                        [&](Finding const& f) { return f.norm_code == code; });
        if (found == findings.end() || !found->verdict ||
            (*found->verdict == Verdict::NotApplicable && blank(found->reason))) {
            missing.push_back(code);
        }
    }
    if (blank(passage)) {
        missing.push_back("passage");
    }
    return missing;
}

Status ready_for_addendum(std::vector<std::string> const& reassessed, std::vector<Finding> const& findings,
                          std::string const& passage)
{
    auto missing = missing_for_addendum(reassessed, findings, passage);
    if (missing.empty()) {
        return ok_status();
    }
    bool const no_passage = missing.back() == "passage";
    if (no_passage) {
        missing.pop_back();
    }
    std::string message = "De aanvullende toetsing kan nog niet worden afgesloten:";
    if (!missing.empty()) {
        message += " een nieuw oordeel ontbreekt bij " + join(missing) + (no_passage ? ";" : ".");
    }
    if (no_passage) {
        message += " de aanvullende passage voor deel A is nog leeg.";
    }
    return Error::precondition(message);
}

VerdictMap verdicts_after_addendum(VerdictMap const& final_verdicts, std::vector<Finding> const& findings)
{
    VerdictMap verdicts = final_verdicts;
    for (auto const& f : findings) {
        if (f.verdict && verdicts.count(f.norm_code)) {
            verdicts[f.norm_code] = *f.verdict;
        }
    }
    return verdicts;
}

ReportAddendum build_addendum(NormFramework const& framework, AddendumContent const& content)
{
    auto const reassessed = reassessed_norms(framework, content.final_verdicts);
    std::map<std::string, Finding const*> by_norm;
    for (auto const& f : content.findings) {
        by_norm[f.norm_code] = &f;
    }
    auto const find = [&](std::string const& code) {
        auto const found = by_norm.find(code);
        return found == by_norm.end() ? nullptr : found->second;
    };
    ReportAddendum out;
    out.overall = overall_table(framework, verdicts_after_addendum(content.final_verdicts, content.findings));
    std::vector<std::string> changes;
    for (auto const& code : reassessed) {
        changes.push_back(change_line(code, content.final_verdicts, find(code)));
    }
    std::string const dated = content.held_on.empty() ? std::string{} : " op " + content.held_on;
    out.part_a = ReportSection{"Aanvullende passage: aanvullende toetsing" + dated,
                               {{"addendum_passage", "Verslag van de aanvullende toetsing", content.passage},
                                {"addendum_norms", "Opnieuw beoordeelde normen", join(changes)},
                                {"addendum_counts", "Conclusies na de aanvullende toetsing", counts_line(out.overall)}}};
    out.part_b = ReportRubric{"ADDENDUM", "Addendum op deel B: aanvullende toetsing" + dated, {}, {}};
    for (auto const& norm : framework.norms) {
        if (std::find(reassessed.begin(), reassessed.end(), norm.code) == reassessed.end()) {
            continue;
        }
        auto const* f = find(norm.code);
        out.part_b.norms.push_back({norm.code, norm.number, norm.text, f ? f->verdict : std::nullopt,
                                    f ? f->reason : std::string{}, f ? f->text : std::string{}});
        if (f) {
            for (auto const& source : f->sources) {
                if (source.kind == SourceKind::Document && !source.title.empty() &&
                    std::find(out.part_b.documents.begin(), out.part_b.documents.end(), source.title) ==
                        out.part_b.documents.end()) {
                    out.part_b.documents.push_back(source.title);
                }
            }
        }
    }
    return out;
}

}  // namespace sterk
