// The improvement plan over HTTP (api/openapi.json, tag "plans"): the plan with its items and
// rounds, one norm's item, one norm's assessment. Who may read or change what, and when, is
// PlanService's rule; these only decode and encode.
#include "adapters/http/api_json.h"
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"
#include "adapters/http/versioned_save.h"
#include "adapters/json/plan_json.h"

namespace sterk::http {

namespace {

Error not_found()
{
    return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
}

std::string norm_param(Call const& call)
{
    auto const found = call.params.find("norm");
    return found == call.params.end() ? std::string{} : found->second;
}

Result<std::string> text_field(JsonBody const& body, char const* name)
{
    auto const& raw = body.raw();
    if (!raw.contains(name) || !raw[name].is_string()) {
        return Error::invalid(name, std::string("'") + name + "' moet tekst zijn.");
    }
    return raw[name].get<std::string>();
}

// stored_item: the norm's item as stored now, for a stale save's answer.
Result<PlanItemView> stored_item(AppServices& app, Call const& call, Id id, std::string const& norm)
{
    auto const plan = TRY(app.plans.plan(call.session->principal(), id, local_date(call.now)));
    for (auto const& item : plan.items) {
        if (item.item.norm == norm) {
            return item;
        }
    }
    return Error::invalid("norm", "Norm " + norm + " vraagt geen verbeterplan.");
}

}  // namespace

Result<Response> get_plan(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const today = TRY(today_query(call));
    auto const plan = TRY(app.plans.plan(call.session->principal(), id, today));
    return Response::json_in_order(200, plan_to_json(plan));
}

Result<Response> put_plan_item(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "cause", "actions", "who", "by_when"}));
    PlanItem input;
    input.norm = norm_param(call);
    auto const version = TRY(version_of(body));
    input.cause = TRY(text_field(body, "cause"));
    input.actions = TRY(text_field(body, "actions"));
    input.who = TRY(text_field(body, "who"));
    auto const& by_when = body.raw().contains("by_when") ? body.raw()["by_when"] : nlohmann::json();
    if (by_when.is_string()) {
        input.by_when = TRY(Date::parse(by_when.get<std::string>(), "by_when"));
    } else if (!by_when.is_null()) {
        return Error::invalid("by_when", "'Uiterlijk' is een datum (JJJJ-MM-DD) of leeg.");
    }
    auto const saved = app.plans.save_item(call.session->principal(), actor_of(call), id, input, version,
                                           local_date(call.now), call.now);
    if (!saved && is_stale(saved.error())) {
        return stale_response("het plan voor deze norm", plan_item_to_json(TRY(stored_item(app, call, id, input.norm))));
    }
    return Response::json_in_order(200, nlohmann::ordered_json{{"item", plan_item_to_json(TRY(saved))}});
}

Result<Response> put_plan_assessment(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"version", "approved", "remark"}));
    PlanAssessment input;
    input.norm = norm_param(call);
    auto const version = TRY(version_of(body));
    auto const approved = TRY(body.optional_bool("approved"));
    if (!approved) {
        return Error::invalid("approved", "Kies goedkeuren (true) of afkeuren (false).");
    }
    input.approved = *approved;
    input.remark = TRY(text_field(body, "remark"));
    auto const saved = app.plans.save_assessment(call.session->principal(), actor_of(call), id, input, version,
                                                 local_date(call.now), call.now);
    if (!saved && is_stale(saved.error())) {
        auto const item = TRY(stored_item(app, call, id, input.norm));
        return stale_response("de beoordeling van deze norm", plan_assessment_to_json(item.assessment));
    }
    auto const view = TRY(saved);
    return Response::json_in_order(200, nlohmann::ordered_json{{"norm", view.assessment.norm},
                                                               {"assessment", plan_assessment_to_json(view)}});
}

}  // namespace sterk::http
