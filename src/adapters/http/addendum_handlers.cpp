// The additional audit's addendum over HTTP (api/openapi.json, tag "reports"): the addendum with
// its reassessed norms and passage, one norm's reassessment, the passage. Who may read or change
// what, and when, is AddendumService's rule; these only decode and encode.
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

nlohmann::ordered_json norm_json(AddendumNormView const& norm)
{
    auto out = finding_to_json(norm.finding,
                               norm.finding.updated_at == 0 ? std::string{} : iso8601_utc(norm.finding.updated_at));
    out["verdict_before"] = verdict_symbol(norm.verdict_before);
    return out;
}

nlohmann::ordered_json passage_json(AddendumPassageView const& passage)
{
    return {{"text", passage.text},
            {"version", passage.version},
            {"updated_by", passage.updated_by.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(passage.updated_by)},
            {"updated_at", passage.updated_at == 0 ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(iso8601_utc(passage.updated_at))}};
}

nlohmann::ordered_json addendum_json(AddendumView const& view)
{
    nlohmann::ordered_json norms = nlohmann::ordered_json::array();
    for (auto const& norm : view.norms) {
        norms.push_back(norm_json(norm));
    }
    return {{"planned_for", view.planned_for},
            {"held_on", view.held_on.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(view.held_on)},
            {"editable", view.editable},
            {"norms", norms},
            {"passage", passage_json(view.passage)},
            {"overall", overall_to_json(view.overall)},
            {"missing", view.missing}};
}

Result<AddendumView> unaudited_view(AppServices& app, Call const& call, Id id)
{
    return app.addenda.view(call.session->principal(), actor_of(call), id, local_date(call.now), call.now, false);
}

}  // namespace

Result<Response> get_addendum(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const view = TRY(app.addenda.view(call.session->principal(), actor_of(call), id, local_date(call.now), call.now));
    return Response::json_in_order(200, addendum_json(view));
}

Result<Response> put_addendum_finding(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const found_norm = call.params.find("norm");
    std::string const norm = found_norm == call.params.end() ? std::string{} : found_norm->second;
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "verdict", "reason", "text", "sources"}));
    auto const version = TRY(version_of(body));
    // Fields left out keep what is stored.
    auto const before = TRY(unaudited_view(app, call, id));
    Finding current;
    current.norm_code = norm;
    for (auto const& n : before.norms) {
        if (n.norm_code == norm) {
            current = n.finding.finding;
        }
    }
    auto const input = TRY(finding_from_json(body.raw(), norm, current));
    auto const saved = app.addenda.save_finding(call.session->principal(), actor_of(call), id, input, version,
                                                local_date(call.now), call.now);
    if (!saved && is_stale(saved.error())) {
        for (auto const& n : TRY(unaudited_view(app, call, id)).norms) {
            if (n.norm_code == norm) {
                return stale_response("deze herbeoordeling", norm_json(n));
            }
        }
    }
    auto const view = TRY(saved);
    auto const after = TRY(unaudited_view(app, call, id));
    AddendumNormView norm_view{norm, Verdict::Partly, view};
    for (auto const& n : after.norms) {
        if (n.norm_code == norm) {
            norm_view.verdict_before = n.verdict_before;
        }
    }
    auto out = norm_json(norm_view);
    out["overall"] = overall_to_json(after.overall);
    out["missing"] = after.missing;
    return Response::json_in_order(200, out);
}

Result<Response> put_addendum_passage(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "text"}));
    auto const version = TRY(version_of(body));
    if (!body.raw().contains("text") || !body.raw()["text"].is_string()) {
        return Error::invalid("text", "'text' moet tekst zijn.");
    }
    auto const saved = app.addenda.save_passage(call.session->principal(), actor_of(call), id,
                                                body.raw()["text"].get<std::string>(), version, local_date(call.now),
                                                call.now);
    if (!saved && is_stale(saved.error())) {
        return stale_response("de aanvullende passage", passage_json(TRY(unaudited_view(app, call, id)).passage));
    }
    auto const after = TRY(unaudited_view(app, call, id));
    auto out = passage_json(TRY(saved));
    out["missing"] = after.missing;
    return Response::json_in_order(200, out);
}

}  // namespace sterk::http
