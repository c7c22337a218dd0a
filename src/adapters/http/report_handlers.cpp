// The audit report over HTTP (api/openapi.json, tag "reports"): findings per norm, documents per
// rubric, Part A fields, the report of a version (JSON and PDF), its versions with the changes,
// remarks and the CI's decisions, and the secretariat's requests for Part B. Who may read or
// change what is ReportService's rule; these only decode and encode.
#include "adapters/http/api_json.h"
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"
#include "adapters/http/versioned_save.h"
#include "adapters/json/report_json.h"

namespace sterk::http {

namespace {

Error not_found()
{
    return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
}

std::string param(Call const& call, char const* name)
{
    auto const found = call.params.find(name);
    return found == call.params.end() ? std::string{} : found->second;
}

nlohmann::ordered_json finding_json(FindingView const& view)
{
    return finding_to_json(view, view.updated_at == 0 ? std::string{} : iso8601_utc(view.updated_at));
}

Result<PartAValue> part_a_value_from(nlohmann::json const& value, std::string const& key)
{
    PartAValue out{key, "", {}, 0};
    if (value.is_string()) {
        out.text = value.get<std::string>();
    } else if (value.is_array()) {
        for (auto const& item : value) {
            if (!item.is_string()) {
                return Error::invalid("value", "Elk punt is tekst.");
            }
            out.items.push_back(item.get<std::string>());
        }
    } else {
        return Error::invalid("value", "'value' is tekst, of een lijst van punten.");
    }
    return out;
}

Result<Finding> current_finding(AppServices& app, Call const& call, Id id, std::string const& norm)
{
    auto const view = TRY(app.reports.findings(call.session->principal(), actor_of(call), id, local_date(call.now), call.now, false));
    for (auto const& f : view.findings) {
        if (f.finding.norm_code == norm) {
            return f.finding;
        }
    }
    return Error::invalid("norm", "Onbekende norm '" + norm + "'.");
}

Result<std::optional<int>> version_query(Call const& call)
{
    auto const found = call.request.query.find("version");
    if (found == call.request.query.end()) {
        return std::optional<int>{};
    }
    auto const id = parse_id(found->second);
    if (found->second == "0") {
        return std::optional<int>{0};
    }
    if (!id || *id > 1'000'000) {
        return Error::invalid("version", "'version' is het nummer van een rapportversie (1 = het concept).");
    }
    return std::optional<int>{static_cast<int>(*id)};
}

// with_additions: the final report carries the approved improvement plans (B6 §9b-i) as a section
// after Part A's fields, and once the additional audit was held (scenario c) its passage in Part
// A and its addendum after Part B's rubrics, in the JSON and the PDF alike.
Status with_additions(AppServices& app, Call const& call, Id id, ReportRead& read)
{
    if (read.report.stage != ReportStage::Final) {
        return ok_status();
    }
    auto const principal = call.session->principal();
    if (auto section = TRY(app.plans.approved_plan(principal, id, local_date(call.now)))) {
        read.report.part_a.push_back(std::move(*section));
    }
    if (auto addendum = TRY(app.addenda.for_report(principal, id, local_date(call.now)))) {
        read.report.part_a.push_back(std::move(addendum->part_a));
        if (read.part_b) {
            read.report.part_b.push_back(std::move(addendum->part_b));
        }
    }
    return ok_status();
}

}  // namespace

Result<Response> get_findings(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const view = TRY(app.reports.findings(call.session->principal(), actor_of(call), id, local_date(call.now), call.now));
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (auto const& f : view.findings) {
        findings.push_back(finding_json(f));
    }
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    for (auto const& d : view.documents) {
        documents.push_back(rubric_documents_to_json(d));
    }
    return Response::json_in_order(200, {{"stage", report_stage_key(view.stage)},
                                         {"editable", view.editable},
                                         {"findings", findings},
                                         {"rubric_documents", documents},
                                         {"overall", overall_to_json(view.overall)},
                                         {"missing_for_concept", view.missing_for_concept}});
}

Result<Response> put_finding(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const norm = param(call, "norm");
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "verdict", "reason", "text", "sources"}));
    auto const version = TRY(version_of(body));
    auto const principal = call.session->principal();
    // Fields left out keep what is stored.
    auto current = TRY(current_finding(app, call, id, norm));
    auto const input = TRY(finding_from_json(body.raw(), norm, current));
    auto const saved = app.reports.save_finding(principal, actor_of(call), id, input, version, local_date(call.now), call.now);
    if (!saved && is_stale(saved.error())) {
        auto const now_stored = TRY(app.reports.findings(principal, actor_of(call), id, local_date(call.now), call.now, false));
        for (auto const& f : now_stored.findings) {
            if (f.finding.norm_code == norm) {
                return stale_response("deze bevinding", finding_json(f));
            }
        }
    }
    auto const view = TRY(saved);
    auto const all = TRY(app.reports.findings(principal, actor_of(call), id, local_date(call.now), call.now, false));
    auto out = finding_json(view);
    out["overall"] = overall_to_json(all.overall);
    out["missing_for_concept"] = all.missing_for_concept;
    return Response::json_in_order(200, out);
}

Result<Response> put_rubric_documents(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "documents"}));
    auto const version = TRY(version_of(body));
    RubricDocuments input{param(call, "rubric"), {}, 0};
    if (!body.raw().contains("documents")) {
        return Error::invalid("documents", "Geef de lijst van documenten ('documents').");
    }
    input.documents = TRY(sources_from_json(body.raw()["documents"], "documents"));
    auto const principal = call.session->principal();
    auto const saved = app.reports.save_documents(principal, actor_of(call), id, input, version, local_date(call.now), call.now);
    if (!saved && is_stale(saved.error())) {
        auto const now_stored = TRY(app.reports.findings(principal, actor_of(call), id, local_date(call.now), call.now, false));
        for (auto const& d : now_stored.documents) {
            if (d.rubric_code == input.rubric_code) {
                return stale_response("de documenten van deze rubriek", rubric_documents_to_json(d));
            }
        }
    }
    return Response::json_in_order(200, rubric_documents_to_json(TRY(saved)));
}

Result<Response> get_part_a(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const view = TRY(app.reports.part_a(call.session->principal(), id, local_date(call.now)));
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (auto const& [spec, value] : view.fields) {
        fields.push_back(part_a_field_to_json(spec, value));
    }
    return Response::json_in_order(200, {{"stage", report_stage_key(view.stage)}, {"editable", view.editable}, {"fields", fields}});
}

Result<Response> put_part_a_field(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const key = param(call, "field");
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "value"}));
    auto const version = TRY(version_of(body));
    if (!body.raw().contains("value")) {
        return Error::invalid("value", "Geef de waarde ('value').");
    }
    auto const input = TRY(part_a_value_from(body.raw()["value"], key));
    auto const principal = call.session->principal();
    auto const saved = app.reports.save_part_a(principal, actor_of(call), id, input, version, local_date(call.now), call.now);
    auto const spec_of = [&](PartAView const& view) -> std::optional<std::pair<PartAFieldSpec, PartAValue>> {
        for (auto const& field : view.fields) {
            if (field.first.key == key) {
                return field;
            }
        }
        return std::nullopt;
    };
    if (!saved && is_stale(saved.error())) {
        if (auto const field = spec_of(TRY(app.reports.part_a(principal, id, local_date(call.now))))) {
            return stale_response("dit veld", part_a_field_to_json(field->first, field->second));
        }
    }
    auto const value = TRY(saved);
    auto const field = spec_of(TRY(app.reports.part_a(principal, id, local_date(call.now))));
    return Response::json_in_order(200, part_a_field_to_json(field->first, value));
}

Result<Response> get_report(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const version = TRY(version_query(call));
    auto read = TRY(app.reports.report(call.session->principal(), actor_of(call), id, version, true,
                                       local_date(call.now), call.now));
    TRY(with_additions(app, call, id, read));
    return Response::json_in_order(200, report_to_json(read.report, read.part_b));
}

Result<Response> get_report_versions(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const view = TRY(app.reports.versions(call.session->principal(), id, local_date(call.now)));
    nlohmann::ordered_json versions = nlohmann::ordered_json::array();
    for (auto const& v : view.versions) {
        versions.push_back({{"version", v.version}, {"stage", v.stage}, {"dated", v.dated}});
    }
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    auto const verdict = [](std::optional<Verdict> const& v) {
        return v ? nlohmann::ordered_json(verdict_symbol(*v)) : nlohmann::ordered_json(nullptr);
    };
    for (auto const& c : view.changes) {
        changes.push_back({{"norm", c.norm},
                           {"before", {{"verdict", verdict(c.verdict_before)}, {"findings", c.findings_before}}},
                           {"after", {{"verdict", verdict(c.verdict_after)}, {"findings", c.findings_after}}}});
    }
    return Response::json_in_order(200, {{"versions", versions}, {"changes", changes}});
}

Result<Response> get_report_pdf(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const part = call.request.query.find("part");
    if (part == call.request.query.end() || (part->second != "A" && part->second != "B")) {
        return Error::invalid("part", "Kies deel A of deel B (part=A of part=B).");
    }
    bool const part_b = part->second == "B";
    auto const version = TRY(version_query(call));
    auto read = TRY(app.reports.report(call.session->principal(), actor_of(call), id, version, part_b,
                                       local_date(call.now), call.now));
    TRY(with_additions(app, call, id, read));
    if (part_b && !read.part_b) {
        return Error{ErrorCode::PermissionDenied, "Deel B leest het secretariaat pas na een verzoek met reden.", "part"};
    }
    if (!app.report_pdf) {
        return Error::internal("PDF is niet beschikbaar in deze build.");
    }
    Response response;
    response.status = 200;
    response.content_type = "application/pdf";
    response.body = TRY(app.report_pdf(read.report, part_b));
    std::string const name = "rapport-" + std::to_string(id) + "-deel-" + part->second + "-v" +
                             std::to_string(read.report.version) + ".pdf";
    response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

Result<Response> get_remarks(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const view = TRY(app.reports.remarks(call.session->principal(), id, local_date(call.now)));
    nlohmann::ordered_json remarks = nlohmann::ordered_json::array();
    for (auto const& r : view.remarks) {
        remarks.push_back(remark_to_json(r));
    }
    return Response::json_in_order(
        200, {{"remarks", remarks},
              {"window_until", view.window_until ? nlohmann::ordered_json(view.window_until->iso()) : nlohmann::ordered_json(nullptr)}});
}

Result<Response> post_remark(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"target", "text"}));
    auto const target = TRY(body.optional_string("target")).value_or("");
    auto const text = TRY(body.optional_string("text")).value_or("");
    auto const remark = TRY(app.reports.add_remark(call.session->principal(), actor_of(call), id, target, text,
                                                   local_date(call.now), call.now));
    return Response::json_in_order(201, remark_to_json(remark));
}

Result<Response> delete_remark(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const remark = parse_id(param(call, "remark"));
    if (!remark) {
        return Error::not_found("Deze opmerking bestaat niet.");
    }
    TRY(app.reports.delete_remark(call.session->principal(), actor_of(call), id, *remark, local_date(call.now), call.now));
    return Response::no_content();
}

Result<Response> post_remark_decision(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const remark = parse_id(param(call, "remark"));
    if (!remark) {
        return Error::not_found("Deze opmerking bestaat niet.");
    }
    auto const body = TRY(JsonBody::parse(call.request.body, {"decision", "reason", "finding", "value"}));
    auto const decision = TRY(body.optional_string("decision")).value_or("");
    if (decision != "accepted" && decision != "rejected") {
        return Error::invalid("decision", "Kies accepteren (accepted) of afwijzen (rejected).");
    }
    RemarkDecisionInput input;
    input.accepted = decision == "accepted";
    input.reason = TRY(body.optional_string("reason")).value_or("");
    auto const principal = call.session->principal();
    auto const remarks = TRY(app.reports.remarks(principal, id, local_date(call.now)));
    std::string target;
    for (auto const& r : remarks.remarks) {
        if (r.remark.id == *remark) {
            target = r.remark.target;
        }
    }
    if (input.accepted && body.raw().contains("finding")) {
        auto const& f = body.raw()["finding"];
        if (!f.is_object() || !f.contains("version") || !f["version"].is_number_integer()) {
            return Error::invalid("finding", "Geef de gewijzigde bevinding met de versie waarvan u uitging.");
        }
        input.finding_version = f["version"].get<int>();
        input.finding = TRY(finding_from_json(f, target, TRY(current_finding(app, call, id, target))));
    }
    if (input.accepted && body.raw().contains("value")) {
        std::string const prefix = "part_a.";
        auto const key = target.rfind(prefix, 0) == 0 ? target.substr(prefix.size()) : target;
        input.value = TRY(part_a_value_from(body.raw()["value"], key));
        if (auto const view = app.reports.part_a(principal, id, local_date(call.now))) {
            for (auto const& [spec, value] : view->fields) {
                if (spec.key == key) {
                    input.finding_version = value.version;
                }
            }
        }
    }
    auto const decided = app.reports.decide_remark(principal, actor_of(call), id, *remark, input, local_date(call.now), call.now);
    if (!decided && is_stale(decided.error()) && input.finding) {
        auto const now_stored = TRY(app.reports.findings(principal, actor_of(call), id, local_date(call.now), call.now, false));
        for (auto const& f : now_stored.findings) {
            if (f.finding.norm_code == target) {
                return stale_response("deze bevinding", finding_json(f));
            }
        }
    }
    return Response::json_in_order(200, remark_to_json(TRY(decided)));
}

Result<Response> get_part_b_requests(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (auto const& r : TRY(app.reports.part_b_requests(call.session->principal(), id, local_date(call.now)))) {
        list.push_back({{"id", r.id},
                        {"reason", r.reason},
                        {"requested_by", app.reports.user_name(r.requested_by)},
                        {"requested_on", r.requested_on}});
    }
    return Response::json_in_order(200, {{"requests", list}});
}

Result<Response> post_part_b_request(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"reason"}));
    auto const reason = TRY(body.optional_string("reason")).value_or("");
    auto const r = TRY(app.reports.request_part_b(call.session->principal(), actor_of(call), id, reason,
                                                  local_date(call.now), call.now));
    return Response::json_in_order(201, {{"id", r.id},
                                         {"reason", r.reason},
                                         {"requested_by", app.reports.user_name(r.requested_by)},
                                         {"requested_on", r.requested_on}});
}

}  // namespace sterk::http
