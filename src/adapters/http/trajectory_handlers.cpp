// Trajectories: the list a caller may see, one trajectory with its view on a date (the same facts
// as `sterklabel trajectory --json`), and recording a milestone event. Which trajectory and which
// event a caller may touch is TrajectoryService's rule; these only decode and encode.
#include "adapters/http/handlers.h"
#include "adapters/json/trajectory_json.h"

#include <charconv>
#include <ctime>

namespace sterk::http {

namespace {

// local_date: the server's civil date for `now` (the clock lives at the edge).
Date local_date(UnixTime now)
{
    std::time_t const t = static_cast<std::time_t>(now);
    std::tm local{};
    localtime_r(&t, &local);
    return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

Result<Id> trajectory_id(Call const& call)
{
    auto const found = call.params.find("id");
    std::string const text = found == call.params.end() ? "" : found->second;
    Id id = 0;
    auto const* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (text.empty() || ec != std::errc{} || ptr != end || id <= 0) {
        return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
    }
    return id;
}

Result<Date> today_of(Call const& call)
{
    auto const found = call.request.query.find("today");
    if (found == call.request.query.end()) {
        return local_date(call.now);
    }
    return Date::parse(found->second, "today");
}

nlohmann::ordered_json organisation_ref(AppServices& app, Id id)
{
    auto const organisation = app.users.organisation(id);
    return {{"id", id}, {"name", organisation ? organisation->name : std::string{}}};
}

// Response::json takes a plain nlohmann::json, whose keys are sorted; a trajectory keeps its keys in
// the contract's order (id, member, ci, variant, framework, kind, state, ...).
Response ordered_json_response(int status, nlohmann::ordered_json const& body)
{
    Response response = Response::json(status, nlohmann::json::object());
    response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return response;
}

nlohmann::ordered_json trajectory_json(AppServices& app, StoredTrajectory const& stored)
{
    auto const& r = stored.record;
    nlohmann::ordered_json out{{"id", r.id},
                               {"member", organisation_ref(app, r.member_id)},
                               {"ci", organisation_ref(app, r.ci_id)},
                               {"variant", r.variant},
                               {"framework", r.framework_version}};
    auto const view = trajectory_view_to_json(stored.view);  // named: items() refers into it
    for (auto const& [key, value] : view.items()) {
        out[key] = value;
    }
    nlohmann::ordered_json events = nlohmann::ordered_json::array();
    for (auto const& e : stored.events) {
        nlohmann::ordered_json item{{"seq", e.seq}, {"on", e.on}, {"event", e.key}};
        auto const payload = nlohmann::json::parse(e.payload, nullptr, false);
        if (payload.is_object()) {
            for (auto const& [key, value] : payload.items()) {
                item[key] = value;
            }
        }
        item["recorded_by"] = e.recorded_by ? nlohmann::ordered_json(*e.recorded_by) : nlohmann::ordered_json(nullptr);
        events.push_back(std::move(item));
    }
    out["events"] = std::move(events);
    return out;
}

}  // namespace

Result<Response> get_trajectories(AppServices& app, Call const& call)
{
    auto const principal = call.session->principal();
    Date const today = TRY(today_of(call));
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (auto const& record : TRY(app.trajectories.list(principal))) {
        auto const stored = TRY(app.trajectories.get(principal, record.id, today));
        auto item = trajectory_json(app, stored);
        item.erase("events");
        list.push_back(std::move(item));
    }
    return ordered_json_response(200, nlohmann::ordered_json{{"trajectories", std::move(list)}});
}

Result<Response> get_trajectory(AppServices& app, Call const& call)
{
    Id const id = TRY(trajectory_id(call));
    auto const stored = TRY(app.trajectories.get(call.session->principal(), id, TRY(today_of(call))));
    return ordered_json_response(200, trajectory_json(app, stored));
}

Result<Response> post_trajectory_event(AppServices& app, Call const& call)
{
    Id const id = TRY(trajectory_id(call));
    auto const body = nlohmann::json::parse(call.request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return Error::invalid("", "De gegevens zijn geen geldige JSON: verwacht {\"event\":\"...\",\"on\":\"JJJJ-MM-DD\"}.");
    }
    auto const raw = TRY(raw_event_from_json(body, 0));
    auto const& user = call.session->user;
    auto const stored = TRY(app.trajectories.record_event(call.session->principal(), Actor{user.id, user.email, call.client_ip},
                                                          id, raw, local_date(call.now), call.now));
    return ordered_json_response(201, trajectory_json(app, stored));
}

}  // namespace sterk::http
