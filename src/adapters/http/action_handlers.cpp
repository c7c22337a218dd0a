// The caller's own deadlines over HTTP (api/openapi.json, tag "notifications"): its open actions
// across the trajectories it may see, and its private calendar feed (made, renewed, stopped, and
// read without a session by its secret token). The rules are the core's (core/trajectory/overview.h,
// CalendarService); these only decode and encode.
#include "adapters/calendar/ical_feed.h"
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"

#include <nlohmann/json.hpp>

namespace sterk::http {

namespace {

nlohmann::ordered_json organisation_ref(AppServices& app, Id id)
{
    auto const organisation = app.users.organisation(id);
    return {{"id", id}, {"name", organisation ? organisation->name : std::string{}}};
}

nlohmann::ordered_json action_json(AppServices& app, PartyAction const& a)
{
    return nlohmann::ordered_json{{"trajectory_id", a.record.id},
                                  {"member", organisation_ref(app, a.record.member_id)},
                                  {"ci", organisation_ref(app, a.record.ci_id)},
                                  {"state", state_key(a.state)},
                                  {"actor", a.action.actor},
                                  {"key", a.action.key},
                                  {"todo", a.action.todo},
                                  {"due", a.action.due ? nlohmann::ordered_json(a.action.due->iso()) : nullptr},
                                  {"status", deadline_status_key(a.action.status)},
                                  {"source", a.action.source}};
}

nlohmann::ordered_json feed_json(AppSettings const& settings, CalendarFeedState const& state)
{
    return nlohmann::ordered_json{
        {"active", state.active},
        {"url", state.token ? nlohmann::ordered_json(settings.base_url + "/api/v1/calendar/" + *state.token + ".ics")
                            : nullptr},
        {"created_at", state.created_at ? nlohmann::ordered_json(*state.created_at) : nullptr}};
}

}  // namespace

Result<Response> get_my_actions(AppServices& app, Call const& call)
{
    auto const principal = call.session->principal();
    auto const today = TRY(today_query(call));
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    if (auto const party = acting_party(principal.role)) {
        for (auto const& a : party_actions(*party, TRY(app.trajectories.views(principal, today)))) {
            list.push_back(action_json(app, a));
        }
    }
    return Response::json_in_order(200, nlohmann::ordered_json{{"actions", std::move(list)}});
}

Result<Response> get_my_calendar(AppServices& app, Call const& call)
{
    return Response::json_in_order(200, feed_json(app.settings, TRY(app.calendars.feed(call.session->principal()))));
}

Result<Response> post_my_calendar(AppServices& app, Call const& call)
{
    auto const state = TRY(app.calendars.renew(call.session->principal(), actor_of(call), call.now));
    auto response = Response::json_in_order(200, feed_json(app.settings, state));
    response.set_header("Cache-Control", "no-store");  // the secret URL
    return response;
}

Result<Response> delete_my_calendar(AppServices& app, Call const& call)
{
    TRY(app.calendars.remove(call.session->principal(), actor_of(call), call.now));
    return Response::no_content();
}

Result<Response> get_calendar_feed(AppServices& app, Call const& call)
{
    auto const found = call.params.find("token");
    auto const token = found == call.params.end() ? std::string{} : found->second;
    if (token.empty() || token.size() > 200) {
        return Error::not_found("Deze agenda bestaat niet (meer): maak in Sterklabel een nieuwe link.");
    }
    auto const [actions, names] = TRY(app.calendars.actions_for_token(token, local_date(call.now)));
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = ical_feed(calendar_entries(actions, names, app.settings.base_url), "Sterklabel: mijn termijnen", call.now);
    response.set_header("Cache-Control", "private, max-age=900");
    return response;
}

}  // namespace sterk::http
