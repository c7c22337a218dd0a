#include "adapters/json/report_json.h"

#include <cmath>
#include <sstream>

namespace sterk {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

json verdict_json(std::optional<Verdict> const& verdict)
{
    return verdict ? json(verdict_symbol(*verdict)) : json(nullptr);
}

std::optional<Verdict> verdict_from(json const& value)
{
    return value.is_string() ? parse_verdict(value.get<std::string>()) : std::nullopt;
}

ordered_json source_json(FindingSource const& s)
{
    if (s.kind == SourceKind::Interview) {
        return {{"kind", "interview"}, {"function", s.function}, {"department", s.department}};
    }
    ordered_json out{{"kind", "document"}, {"title", s.title}};
    if (s.document_id) {
        out["document_id"] = *s.document_id;
    }
    return out;
}

std::string text_of(json const& object, char const* key)
{
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string{};
}

// "12,5": FTE as the Dutch form shows it.
std::string fte_text(double value)
{
    std::ostringstream out;
    out << (std::round(value * 100) / 100);
    auto text = out.str();
    for (auto& c : text) {
        if (c == '.') {
            c = ',';
        }
    }
    return text;
}

}  // namespace

Result<std::vector<FindingSource>> sources_from_json(json const& list, std::string const& field)
{
    if (!list.is_array()) {
        return Error::invalid(field, "'" + field + "' moet een lijst zijn.");
    }
    std::vector<FindingSource> out;
    for (auto const& item : list) {
        if (!item.is_object()) {
            return Error::invalid(field, "Elke bron is {\"kind\":\"interview\",\"function\":…} of {\"kind\":\"document\",\"title\":…}.");
        }
        FindingSource s;
        auto const kind = text_of(item, "kind");
        if (kind == "interview") {
            s.kind = SourceKind::Interview;
        } else if (kind == "document") {
            s.kind = SourceKind::Document;
        } else {
            return Error::invalid(field, "Een bron is een gesprek (interview) of een document.");
        }
        for (auto const& [key, value] : item.items()) {
            if (key != "kind" && key != "function" && key != "department" && key != "title" && key != "document_id") {
                return Error::invalid(field, "Onbekend veld '" + key + "' bij een bron (een gesprek noteert functie en "
                                             "afdeling, nooit een naam).");
            }
        }
        s.function = text_of(item, "function");
        s.department = text_of(item, "department");
        s.title = text_of(item, "title");
        if (item.contains("document_id") && !item["document_id"].is_null()) {
            if (!item["document_id"].is_number_integer() || item["document_id"].get<long long>() <= 0) {
                return Error::invalid(field, "'document_id' is het nummer van een geüpload document.");
            }
            s.document_id = item["document_id"].get<long long>();
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::string JsonReportCodec::encode_sources(std::vector<FindingSource> const& sources) const
{
    ordered_json list = ordered_json::array();
    for (auto const& s : sources) {
        list.push_back(source_json(s));
    }
    return list.dump();
}

Result<std::vector<FindingSource>> JsonReportCodec::decode_sources(std::string const& text) const
{
    if (text.empty()) {
        return std::vector<FindingSource>{};
    }
    auto const list = json::parse(text, nullptr, false);
    if (list.is_discarded()) {
        return Error::internal("opgeslagen bronnen zijn geen JSON");
    }
    return sources_from_json(list, "sources");
}

std::string JsonReportCodec::encode_items(std::vector<std::string> const& items) const
{
    return items.empty() ? std::string{} : json(items).dump();
}

Result<std::vector<std::string>> JsonReportCodec::decode_items(std::string const& text) const
{
    if (text.empty()) {
        return std::vector<std::string>{};
    }
    auto const list = json::parse(text, nullptr, false);
    if (!list.is_array()) {
        return Error::internal("opgeslagen lijst is geen JSON-lijst");
    }
    return list.get<std::vector<std::string>>();
}

std::string JsonReportCodec::encode_report(ReportDocument const& report) const
{
    return report_to_json(report, true).dump();
}

Result<ReportDocument> JsonReportCodec::decode_report(std::string const& text) const
{
    auto const doc = json::parse(text, nullptr, false);
    if (!doc.is_object()) {
        return Error::internal("opgeslagen rapportversie is geen JSON");
    }
    ReportDocument r;
    r.member_name = text_of(doc, "member");
    r.ci_name = text_of(doc, "ci");
    auto const stage = text_of(doc, "stage");
    r.stage = stage == "final" ? ReportStage::Final : stage == "concept" ? ReportStage::Concept : ReportStage::Draft;
    r.version = doc.value("version", 0);
    r.dated = text_of(doc, "dated");
    for (auto const& section : doc["part_a"]) {
        ReportSection s{text_of(section, "title"), {}};
        for (auto const& line : section["lines"]) {
            s.lines.push_back({text_of(line, "key"), text_of(line, "label"), text_of(line, "value")});
        }
        r.part_a.push_back(std::move(s));
    }
    r.strong_points = doc["strong_points"].get<std::vector<std::string>>();
    r.improvement_points = doc["improvement_points"].get<std::vector<std::string>>();
    auto const& overall = doc["overall"];
    for (auto const& row : overall["rows"]) {
        r.overall.rows.push_back({text_of(row, "rubric"), text_of(row, "name"), row["met"].get<std::vector<int>>(),
                                  row["partly"].get<std::vector<int>>(), row["not_met"].get<std::vector<int>>(),
                                  row["not_applicable"].get<std::vector<int>>(),
                                  row["not_assessed"].get<std::vector<int>>()});
    }
    auto const& t = overall["totals"];
    r.overall.totals = {t["met"].get<int>(), t["partly"].get<int>(), t["not_met"].get<int>(),
                        t["not_applicable"].get<int>(), t["not_assessed"].get<int>()};
    r.overall.norm_count = overall["norm_count"].get<int>();
    if (doc["part_b"].is_array()) {
        for (auto const& rubric : doc["part_b"]) {
            ReportRubric out{text_of(rubric, "code"), text_of(rubric, "name"), {},
                             rubric["documents"].get<std::vector<std::string>>()};
            for (auto const& norm : rubric["norms"]) {
                out.norms.push_back({text_of(norm, "code"), norm.value("number", 0), text_of(norm, "text"),
                                     verdict_from(norm["verdict"]), text_of(norm, "reason"), text_of(norm, "findings")});
            }
            r.part_b.push_back(std::move(out));
        }
    }
    return r;
}

std::map<std::string, double> JsonReportCodec::scope_fte_groups(std::string const& scope_json) const
{
    std::map<std::string, double> out;
    auto const scope = json::parse(scope_json, nullptr, false);
    if (!scope.is_object() || !scope.contains("fte") || !scope["fte"].is_object()) {
        return out;
    }
    for (auto const& [group, value] : scope["fte"].items()) {
        if (value.is_number()) {
            out[group] = value.get<double>();
        }
    }
    return out;
}

void JsonReportCodec::scope_facts(std::string const& scope_json, ReportFacts& facts) const
{
    auto const scope = json::parse(scope_json, nullptr, false);
    if (!scope.is_object()) {
        return;
    }
    if (scope.value("whole", false)) {
        facts.scope = "De hele organisatie";
    } else if (scope.contains("werksoorten") && scope["werksoorten"].is_array()) {
        std::vector<std::string> names;
        for (auto const& w : scope["werksoorten"]) {
            if (w.is_string()) {
                names.push_back(w.get<std::string>());
            }
        }
        std::string joined;
        for (auto const& n : names) {
            joined += (joined.empty() ? "" : ", ") + n;
        }
        facts.scope = joined.empty() ? "" : "Werksoorten: " + joined;
    }
    if (!scope.contains("fte") || !scope["fte"].is_object()) {
        return;
    }
    auto const fte = [&](std::initializer_list<char const*> groups) {
        double sum = 0;
        bool any = false;
        for (auto const* g : groups) {
            if (scope["fte"].contains(g) && scope["fte"][g].is_number()) {
                sum += scope["fte"][g].get<double>();
                any = true;
            }
        }
        return any ? fte_text(sum) : std::string{};
    };
    facts.fte_staff = fte({"professionals_employed", "professionals_hired", "management_support"});
    facts.fte_interns = fte({"critical_interns"});
    facts.fte_volunteers = fte({"critical_volunteers"});
}

ordered_json finding_to_json(FindingView const& view, std::string const& updated_at)
{
    auto const& f = view.finding;
    ordered_json sources = ordered_json::array();
    for (auto const& s : f.sources) {
        sources.push_back(source_json(s));
    }
    return {{"norm", f.norm_code},
            {"version", f.version},
            {"verdict", verdict_json(f.verdict)},
            {"reason", f.reason},
            {"text", f.text},
            {"sources", sources},
            {"flags", view.flags},
            {"updated_by", view.updated_by.empty() ? ordered_json(nullptr) : ordered_json(view.updated_by)},
            {"updated_at", updated_at.empty() ? ordered_json(nullptr) : ordered_json(updated_at)}};
}

ordered_json rubric_documents_to_json(RubricDocuments const& documents)
{
    ordered_json list = ordered_json::array();
    for (auto const& d : documents.documents) {
        list.push_back(source_json(d));
    }
    return {{"rubric", documents.rubric_code}, {"version", documents.version}, {"documents", list}};
}

ordered_json overall_to_json(OverallTable const& table)
{
    ordered_json rows = ordered_json::array();
    for (auto const& row : table.rows) {
        rows.push_back({{"rubric", row.rubric_code},
                        {"name", row.rubric_name},
                        {"met", row.met},
                        {"partly", row.partly},
                        {"not_met", row.not_met},
                        {"not_applicable", row.not_applicable},
                        {"not_assessed", row.not_assessed}});
    }
    auto const& t = table.totals;
    return {{"rows", rows},
            {"totals",
             {{"met", t.met}, {"partly", t.partly}, {"not_met", t.not_met}, {"not_applicable", t.not_applicable},
              {"not_assessed", t.not_assessed}}},
            {"norm_count", table.norm_count}};
}

ordered_json part_a_field_to_json(PartAFieldSpec const& spec, PartAValue const& value)
{
    return {{"key", spec.key},
            {"label", spec.label},
            {"kind", part_a_kind_key(spec.kind)},
            {"value", spec.kind == PartAKind::List ? ordered_json(value.items) : ordered_json(value.text)},
            {"version", value.version}};
}

ordered_json report_to_json(ReportDocument const& r, bool with_part_b)
{
    ordered_json part_a = ordered_json::array();
    for (auto const& section : r.part_a) {
        ordered_json lines = ordered_json::array();
        for (auto const& line : section.lines) {
            lines.push_back({{"key", line.key}, {"label", line.label}, {"value", line.value}});
        }
        part_a.push_back({{"title", section.title}, {"lines", lines}});
    }
    ordered_json part_b = nullptr;
    if (with_part_b) {
        part_b = ordered_json::array();
        for (auto const& rubric : r.part_b) {
            ordered_json norms = ordered_json::array();
            for (auto const& n : rubric.norms) {
                norms.push_back({{"code", n.code},
                                 {"number", n.number},
                                 {"text", n.text},
                                 {"verdict", verdict_json(n.verdict)},
                                 {"reason", n.reason},
                                 {"findings", n.findings}});
            }
            part_b.push_back({{"code", rubric.code}, {"name", rubric.name}, {"norms", norms}, {"documents", rubric.documents}});
        }
    }
    return {{"member", r.member_name},
            {"ci", r.ci_name},
            {"stage", report_stage_key(r.stage)},
            {"version", r.version},
            {"dated", r.dated},
            {"part_a", part_a},
            {"strong_points", r.strong_points},
            {"improvement_points", r.improvement_points},
            {"overall", overall_to_json(r.overall)},
            {"part_b", part_b}};
}

ordered_json remark_to_json(RemarkView const& view)
{
    auto const& r = view.remark;
    return {{"id", r.id},
            {"target", r.target},
            {"target_label", view.target_label},
            {"text", r.text},
            {"status", r.status},
            {"response", r.response},
            {"created_on", r.created_on},
            {"decided_on", r.decided_on.empty() ? ordered_json(nullptr) : ordered_json(r.decided_on)}};
}

Result<Finding> finding_from_json(nlohmann::json const& body, std::string const& norm, Finding current)
{
    current.norm_code = norm;
    if (body.contains("verdict")) {
        auto const& v = body["verdict"];
        if (v.is_null()) {
            current.verdict.reset();
        } else if (!v.is_string() || !parse_verdict(v.get<std::string>())) {
            return Error::invalid("verdict", "Kies +, +/-, - of n.v.t. (of laat leeg: niet beoordeeld).");
        } else {
            current.verdict = parse_verdict(v.get<std::string>());
        }
    }
    for (auto const* key : {"reason", "text"}) {
        if (body.contains(key)) {
            if (!body[key].is_string()) {
                return Error::invalid(key, std::string("'") + key + "' moet tekst zijn.");
            }
            (std::string(key) == "reason" ? current.reason : current.text) = body[key].get<std::string>();
        }
    }
    if (body.contains("sources")) {
        current.sources = TRY(sources_from_json(body["sources"], "sources"));
    }
    return current;
}

}  // namespace sterk
