// The findings' and Part A's rules: see findings.h.
#include "core/report/findings.h"

#include "core/text.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace sterk {

namespace {

constexpr std::size_t MAX_FINDING_TEXT = 20000;
constexpr std::size_t MAX_LINE = 300;

bool blank(std::string const& s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Status check_source(FindingSource const& source, std::string const& field)
{
    if (source.kind == SourceKind::Interview) {
        if (blank(source.function)) {
            return Error::invalid(field, "Noem bij een gesprek de functie (geen naam), bijv. 'jongerenwerker'.");
        }
        if (source.function.size() > MAX_LINE || source.department.size() > MAX_LINE) {
            return Error::invalid(field, "Functie en afdeling zijn elk hoogstens 300 tekens.");
        }
    } else {
        if (blank(source.title)) {
            return Error::invalid(field, "Noem bij een document de titel.");
        }
        if (source.title.size() > MAX_LINE) {
            return Error::invalid(field, "De titel van een document is hoogstens 300 tekens.");
        }
    }
    return ok_status();
}

}  // namespace

ReportStage report_stage(bool concept_sent, bool findings_final)
{
    if (findings_final) {
        return ReportStage::Final;
    }
    return concept_sent ? ReportStage::Concept : ReportStage::Draft;
}

Result<Finding> check_finding(NormFramework const& framework, Finding finding)
{
    if (framework.find_norm(finding.norm_code) == nullptr) {
        return Error::invalid("norm", "Onbekende norm '" + finding.norm_code + "'.");
    }
    if (finding.text.size() > MAX_FINDING_TEXT) {
        return Error::invalid("text", "De bevindingen zijn hoogstens 20.000 tekens.");
    }
    if (finding.reason.size() > 2000) {
        return Error::invalid("reason", "De reden is hoogstens 2.000 tekens.");
    }
    if (finding.verdict != Verdict::NotApplicable) {
        finding.reason.clear();  // a reason belongs to n.v.t. only
    }
    if (finding.sources.size() > 50) {
        return Error::invalid("sources", "Hoogstens 50 bronnen per norm.");
    }
    for (std::size_t i = 0; i < finding.sources.size(); ++i) {
        TRY(check_source(finding.sources[i], "sources"));
    }
    return finding;
}

std::vector<std::string> finding_flags(Finding const& finding)
{
    std::vector<std::string> flags;
    if (finding.verdict && *finding.verdict != Verdict::NotApplicable && finding.sources.size() < MIN_SOURCES) {
        flags.push_back("few_sources");
    }
    if (finding.verdict == Verdict::NotApplicable && blank(finding.reason)) {
        flags.push_back("reason_missing");
    }
    return flags;
}

Result<RubricDocuments> check_documents(NormFramework const& framework, RubricDocuments documents)
{
    bool const known = std::any_of(framework.rubrics.begin(), framework.rubrics.end(),
                                   [&](Rubric const& r) { return r.code == documents.rubric_code; });
    if (!known) {
        return Error::invalid("rubric", "Onbekende rubriek '" + documents.rubric_code + "'.");
    }
    if (documents.documents.size() > 100) {
        return Error::invalid("documents", "Hoogstens 100 documenten per rubriek.");
    }
    for (auto& document : documents.documents) {
        document.kind = SourceKind::Document;
        TRY(check_source(document, "documents"));
    }
    return documents;
}

std::vector<Finding> all_findings(NormFramework const& framework, std::vector<Finding> const& saved)
{
    std::map<std::string, Finding const*> by_norm;
    for (auto const& f : saved) {
        by_norm[f.norm_code] = &f;
    }
    std::vector<Finding> out;
    out.reserve(framework.norms.size());
    for (auto const& norm : framework.norms) {
        auto const found = by_norm.find(norm.code);
        if (found != by_norm.end()) {
            out.push_back(*found->second);
        } else {
            Finding empty;
            empty.norm_code = norm.code;
            out.push_back(std::move(empty));
        }
    }
    return out;
}

std::vector<std::string> missing_for_concept(std::vector<Finding> const& findings)
{
    std::vector<std::string> missing;
    for (auto const& f : findings) {
        if (!f.verdict || (*f.verdict == Verdict::NotApplicable && blank(f.reason))) {
            missing.push_back(f.norm_code);
        }
    }
    return missing;
}

Status ready_for_concept(std::vector<Finding> const& findings)
{
    auto const missing = missing_for_concept(findings);
    if (missing.empty()) {
        return ok_status();
    }
    return Error::precondition("Het concept kan nog niet: een oordeel (of n.v.t. met reden) ontbreekt bij " +
                               join(missing) + ".");
}

VerdictMap verdicts_of(std::vector<Finding> const& findings)
{
    VerdictMap verdicts;
    for (auto const& f : findings) {
        if (f.verdict) {
            verdicts[f.norm_code] = *f.verdict;
        }
    }
    return verdicts;
}

std::string part_a_kind_key(PartAKind kind)
{
    switch (kind) {
    case PartAKind::Text: return "text";
    case PartAKind::Line: return "line";
    case PartAKind::List: return "list";
    case PartAKind::Hours: return "hours";
    }
    return "text";
}

std::vector<PartAFieldSpec> part_a_fields(NormFramework const& framework)
{
    std::vector<PartAFieldSpec> fields{
        {"spoken_with", "Gesproken met (functie- en afdelingsnamen)", PartAKind::Text},
        {"execution", "Uitvoering", PartAKind::Text},
        {"report", "Verslag", PartAKind::Line},
        {"report_read_by", "Verslag tegen gelezen door", PartAKind::Line},
        {"hours_on_site", "Tijdsbesteding (in uren onsite, totaal)", PartAKind::Hours},
        {"sketch", "Schets organisatie", PartAKind::Text},
        {"developments", "Relevante ontwikkelingen (fusies, nieuwe taken, wisselingen, ander werkgebied)", PartAKind::Text},
        {"course", "Verloop onderzoek (locaties, live/online, afspraken documenten en dossiers)", PartAKind::Text},
        {"follow_up", "Opvolging verbeterpunten vorig onderzoek", PartAKind::Text},
    };
    for (auto const& rubric : framework.rubrics) {
        fields.push_back({"conclusion_" + rubric.code, "Rubriek " + rubric.name, PartAKind::Text});
    }
    fields.push_back({"plans", "Ingediende plannen van aanpak (korte toelichting)", PartAKind::Text});
    fields.push_back({"strong_points", "Sterke punten", PartAKind::List});
    fields.push_back({"improvement_points", "Belangrijkste verbeterpunten", PartAKind::List});
    fields.push_back({"advice", "Advies (positief/negatief advies met weging verbeterplannen)", PartAKind::Text});
    fields.push_back({"next_audit", "Tijdsindicatie volgend onderzoek", PartAKind::Line});
    fields.push_back({"signature", "Ondertekening (plaats en naam teamleider)", PartAKind::Line});
    return fields;
}

Result<PartAValue> check_part_a_value(NormFramework const& framework, PartAValue value)
{
    auto const fields = part_a_fields(framework);
    auto const spec = std::find_if(fields.begin(), fields.end(), [&](PartAFieldSpec const& f) { return f.key == value.key; });
    if (spec == fields.end()) {
        return Error::invalid("field", "Onbekend veld van deel A: '" + value.key + "'.");
    }
    switch (spec->kind) {
    case PartAKind::List:
        if (!value.text.empty()) {
            return Error::invalid("value", spec->label + ": geef een lijst van punten.");
        }
        if (value.items.size() > 20) {
            return Error::invalid("value", spec->label + ": hoogstens 20 punten.");
        }
        value.items.erase(std::remove_if(value.items.begin(), value.items.end(), blank), value.items.end());
        for (auto const& item : value.items) {
            if (item.size() > 2000) {
                return Error::invalid("value", spec->label + ": een punt is hoogstens 2.000 tekens.");
            }
        }
        break;
    case PartAKind::Hours: {
        if (!value.items.empty()) {
            return Error::invalid("value", spec->label + ": geef een aantal uren.");
        }
        if (!blank(value.text)) {
            std::string number = value.text;
            std::replace(number.begin(), number.end(), ',', '.');
            double hours = 0;
            auto const [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), hours);
            if (ec != std::errc{} || ptr != number.data() + number.size() || hours < 0 || hours > 500) {
                return Error::invalid("value", spec->label + ": '" + value.text + "' is geen aantal uren (0 tot 500).");
            }
        }
        break;
    }
    case PartAKind::Line:
    case PartAKind::Text:
        if (!value.items.empty()) {
            return Error::invalid("value", spec->label + ": geef tekst, geen lijst.");
        }
        if (value.text.size() > (spec->kind == PartAKind::Line ? 1000u : 20000u)) {
            return Error::invalid("value", spec->label + ": de tekst is te lang.");
        }
        break;
    }
    return value;
}

Result<std::string> remark_target_label(NormFramework const& framework, std::string const& target)
{
    if (auto const* norm = framework.find_norm(target)) {
        return norm->code + " (norm)";
    }
    std::string const prefix = "part_a.";
    if (target.rfind(prefix, 0) == 0) {
        auto const key = target.substr(prefix.size());
        for (auto const& field : part_a_fields(framework)) {
            if (field.key == key) {
                return field.label + " (deel A)";
            }
        }
    }
    return Error::invalid("target", "Kies een norm (bijv. VM5) of een veld van deel A (part_a.sketch).");
}

}  // namespace sterk
