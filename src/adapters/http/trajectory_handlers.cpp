// Trajectories: the list a caller may see, one trajectory with its view on a date (the same facts
// as `sterklabel trajectory --json`), and recording a milestone event. Which trajectory and which
// event a caller may touch is TrajectoryService's rule; these only decode and encode.
#include "adapters/http/export_response.h"
#include "adapters/http/handlers.h"
#include "adapters/http/call_support.h"
#include "adapters/json/json_depth.h"
#include "adapters/json/trajectory_json.h"

#include <set>

namespace sterk::http {

namespace {

nlohmann::ordered_json organisation_ref(AppServices& app, Id id)
{
    auto const organisation = app.users.organisation(id);
    return {{"id", id}, {"name", organisation ? organisation->name : std::string{}}};
}

// scope_json: the scope and FTE per group frozen at the request, with the scope FTE total as the
// core computes it on the trajectory's framework (null for a trajectory stored without FTE).
nlohmann::ordered_json scope_json(AppServices& app, TrajectoryRecord const& r)
{
    auto const stored = nlohmann::json::parse(r.scope, nullptr, false);
    nlohmann::ordered_json out{{"whole", nullptr}, {"werksoorten", nlohmann::ordered_json::array()},
                               {"fte", nlohmann::ordered_json::object()}, {"total", nullptr}};
    if (!stored.is_object()) {
        return out;
    }
    if (stored.contains("whole") && stored["whole"].is_boolean()) {
        out["whole"] = stored["whole"].get<bool>();
    }
    if (stored.contains("werksoorten") && stored["werksoorten"].is_array()) {
        out["werksoorten"] = stored["werksoorten"];
    }
    if (stored.contains("fte") && stored["fte"].is_object() && !stored["fte"].empty()) {
        std::map<std::string, double> groups;
        for (auto const& [key, value] : stored["fte"].items()) {
            if (value.is_number()) {
                groups[key] = value.get<double>();
                out["fte"][key] = value;
            }
        }
        if (auto const total = app.trajectories.scope_fte(r.framework_version, groups)) {
            out["total"] = total->total;
        }
    }
    return out;
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
    // The planned team with the names the registry gives them.
    if (out.contains("planning") && out["planning"].is_object()) {
        for (auto& member : out["planning"]["team"]) {
            for (auto const& auditor : stored.team) {
                if (member["auditor_id"] == auditor.id) {
                    member["name"] = auditor.name;
                    member["organisation"] = organisation_ref(app, auditor.organisation_id);
                }
            }
        }
    }
    out["scope"] = scope_json(app, r);
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

// filter_of: the list's query (ci, party, state, overdue); 400 naming the parameter.
Result<TrajectoryFilter> filter_of(Call const& call)
{
    TrajectoryFilter filter;
    auto const& q = call.request.query;
    if (auto found = q.find("ci"); found != q.end()) {
        filter.ci = parse_id(found->second);
        if (!filter.ci) {
            return Error::invalid("ci", "'ci' is het nummer van een CI.");
        }
    }
    if (auto found = q.find("party"); found != q.end()) {
        if (found->second != "member" && found->second != "ci" && found->second != "secretariat") {
            return Error::invalid("party", "Kies de partij: member, ci of secretariat.");
        }
        filter.party = found->second;
    }
    if (auto found = q.find("state"); found != q.end()) {
        filter.state = parse_state(found->second);
        if (!filter.state) {
            return Error::invalid("state", "Onbekende fase '" + found->second + "'.");
        }
    }
    if (auto found = q.find("overdue"); found != q.end()) {
        if (found->second != "true" && found->second != "false") {
            return Error::invalid("overdue", "'overdue' is true of false.");
        }
        filter.overdue = found->second == "true";
    }
    return filter;
}

}  // namespace

Result<Response> get_trajectories(AppServices& app, Call const& call)
{
    auto const principal = call.session->principal();
    Date const today = TRY(today_query(call));
    auto const filter = TRY(filter_of(call));
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (auto const& record : TRY(app.trajectories.list(principal))) {
        auto const stored = TRY(app.trajectories.get(principal, record.id, today));
        if (!matches(filter, stored.record, stored.view)) {
            continue;
        }
        auto item = trajectory_json(app, stored);
        item.erase("events");
        list.push_back(std::move(item));
    }
    return Response::json_in_order(200, nlohmann::ordered_json{{"trajectories", list}});
}

// get_trajectories_export: the same list (and filter) as a table: per trajectory the member, the
// CI, where it stands and the first open step with its due date.
Result<Response> get_trajectories_export(AppServices& app, Call const& call)
{
    auto const principal = call.session->principal();
    Date const today = TRY(today_query(call));
    auto const filter = TRY(filter_of(call));
    ExportTable table{"trajectenlijst",
                      {"Traject", "Lid", "CI", "Toetsvorm", "Fase", "Volgende stap", "Wie", "Uiterlijk", "Stand"},
                      {}};
    auto const name_of = [&app](Id id) {
        auto const organisation = app.users.organisation(id);
        return organisation ? organisation->name : std::string{};
    };
    auto const party_dutch = [](std::string const& actor) {
        return actor == "member" ? std::string{"lid"} : actor == "ci" ? std::string{"CI"} : std::string{"secretariaat"};
    };
    for (auto const& record : TRY(app.trajectories.list(principal))) {
        auto const stored = TRY(app.trajectories.get(principal, record.id, today));
        if (!matches(filter, stored.record, stored.view)) {
            continue;
        }
        std::vector<ExportCell> row{static_cast<double>(record.id), name_of(record.member_id), name_of(record.ci_id),
                                    record.variant, state_dutch(stored.view.state)};
        if (!stored.view.actions.empty()) {
            auto const& next = stored.view.actions.front();
            row.insert(row.end(), {next.todo, party_dutch(next.actor),
                                   next.due ? ExportCell{*next.due} : ExportCell{},
                                   next.status == DeadlineStatus::Overdue    ? std::string{"te laat"}
                                   : next.status == DeadlineStatus::DueToday ? std::string{"vandaag"}
                                                                             : std::string{"open"}});
        }
        table.rows.push_back(std::move(row));
    }
    return table_download(table, call.request.path);
}

Result<Response> post_trajectory(AppServices& app, Call const& call)
{
    auto const body = too_deep(call.request.body) ? nlohmann::json(nlohmann::json::value_t::discarded)
                                                  : nlohmann::json::parse(call.request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return Error::invalid("", "De gegevens zijn geen geldige JSON.");
    }
    static std::set<std::string> const allowed{"ci_id", "variant", "kind", "self_evaluation_completed_on",
                                               "previous_certificate", "fte", "scope", "preferred_period"};
    for (auto const& [key, value] : body.items()) {
        if (allowed.count(key) == 0) {
            return Error::invalid(key, "Onbekend veld: " + key + ".");
        }
    }
    AuditRequest input;
    if (!body.contains("ci_id") || !body["ci_id"].is_number_integer()) {
        return Error::invalid("ci_id", "Kies een certificerende instelling uit de lijst.");
    }
    input.ci_id = body["ci_id"].get<Id>();
    if (!body.contains("variant") || !body["variant"].is_string()) {
        return Error::invalid("variant", "Kies een toetsingsvariant.");
    }
    input.variant = body["variant"].get<std::string>();
    std::string const kind = body.value("kind", std::string("initial"));
    auto const parsed_kind = parse_trajectory_kind(kind);
    if (!parsed_kind) {
        return Error::invalid("kind", "Kies \"initial\" (eerste certificering) of \"recertification\".");
    }
    input.kind = *parsed_kind;
    if (body.contains("self_evaluation_completed_on")) {
        auto const on = body["self_evaluation_completed_on"].is_string()
                            ? Date::parse(body["self_evaluation_completed_on"].get<std::string>(), "x")
                            : Result<Date>(Error::invalid("x", ""));
        if (!on) {
            return Error::invalid("self_evaluation_completed_on", "Geef de datum van de zelfevaluatie als JJJJ-MM-DD.");
        }
        input.self_evaluation_completed = *on;
    }
    if (body.contains("previous_certificate")) {
        auto const& prev = body["previous_certificate"];
        auto const expires = prev.is_object() && prev.contains("expires") && prev["expires"].is_string()
                                 ? Date::parse(prev["expires"].get<std::string>(), "x")
                                 : Result<Date>(Error::invalid("x", ""));
        if (!expires) {
            return Error::invalid("previous_certificate",
                                  "Geef het vorige certificaat als {\"number\":\"SSW-...\",\"expires\":\"JJJJ-MM-DD\"}.");
        }
        input.previous_certificate = PreviousCertificate{prev.value("number", std::string{}), *expires};
    }
    if (!body.contains("fte") || !body["fte"].is_object()) {
        return Error::invalid("fte", "Geef de fte per groep, bijv. {\"professionals_employed\": 12.5}.");
    }
    for (auto const& [group, value] : body["fte"].items()) {
        if (!value.is_number()) {
            return Error::invalid("fte", "De fte bij " + group + " moet een getal zijn.");
        }
        input.fte_per_group[group] = value.get<double>();
    }
    // The scope: the whole organisation, or the named werksoorten (LIFECYCLE.md §1); frozen with
    // the FTE per group into the trajectory.
    nlohmann::json frozen{{"whole", true}, {"werksoorten", nlohmann::json::array()}, {"fte", body["fte"]}};
    if (body.contains("scope") && !body["scope"].is_null()) {
        auto const& scope = body["scope"];
        bool const whole = scope.is_object() && scope.value("whole", false) == true;
        nlohmann::json werksoorten = nlohmann::json::array();
        bool valid = scope.is_object() && (!scope.contains("whole") || scope["whole"].is_boolean());
        if (valid && scope.contains("werksoorten")) {
            valid = scope["werksoorten"].is_array();
            for (auto const& item : valid ? scope["werksoorten"] : nlohmann::json::array()) {
                if (!item.is_string()) {
                    valid = false;
                    break;
                }
                werksoorten.push_back(item);
            }
        }
        if (!valid) {
            return Error::invalid("scope", "Kies als scope de hele organisatie, of noem de werksoorten die eronder vallen.");
        }
        auto const scoped = TRY(audit_scope(whole, werksoorten.get<std::vector<std::string>>()));
        frozen["whole"] = scoped.whole;
        frozen["werksoorten"] = scoped.werksoorten;
    }
    input.scope = frozen.dump();
    if (body.contains("preferred_period") && !body["preferred_period"].is_null()) {
        auto const& period = body["preferred_period"];
        auto const date_of = [&](char const* key) -> Result<std::optional<Date>> {
            if (!period.contains(key) || period[key].is_null() ||
                (period[key].is_string() && period[key].get<std::string>().empty())) {
                return std::optional<Date>{};
            }
            auto const parsed = period[key].is_string() ? Date::parse(period[key].get<std::string>(), "preferred_period")
                                                         : Result<Date>(Error::invalid("preferred_period", ""));
            if (!parsed) {
                return Error::invalid("preferred_period", "Geef de gewenste periode als datums JJJJ-MM-DD (van en tot en met).");
            }
            return std::optional<Date>{*parsed};
        };
        if (!period.is_object()) {
            return Error::invalid("preferred_period", "Geef de gewenste periode als {\"from\":\"JJJJ-MM-DD\",\"until\":\"JJJJ-MM-DD\"}.");
        }
        input.preferred_from = TRY(date_of("from"));
        input.preferred_until = TRY(date_of("until"));
    }
    auto const stored = TRY(app.trajectories.request(call.session->principal(), actor_of(call),
                                                     input, app.frameworks.versions().back(), local_date(call.now),
                                                     call.now));
    return Response::json_in_order(201, trajectory_json(app, stored));
}

Result<Response> get_trajectory(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.")));
    auto const stored = TRY(app.trajectories.get(call.session->principal(), id, TRY(today_query(call))));
    return Response::json_in_order(200, trajectory_json(app, stored));
}

Result<Response> post_trajectory_event(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.")));
    auto const raw = TRY(raw_event_from_body(call.request.body));
    auto const stored = TRY(app.trajectories.record_event(call.session->principal(), actor_of(call),
                                                          id, raw, local_date(call.now), call.now));
    return Response::json_in_order(201, trajectory_json(app, stored));
}

}  // namespace sterk::http

namespace sterk::http {

// GET /api/v1/audit-request[?self_evaluation_completed_on=D]: what a request by the member would
// start from today (its self-evaluation, the last day to request, what stands in the way).
Result<Response> get_audit_request(AppServices& app, Call const& call)
{
    std::optional<Date> outside;
    if (auto const found = call.request.query.find("self_evaluation_completed_on");
        found != call.request.query.end() && !found->second.empty()) {
        auto const parsed = Date::parse(found->second, "self_evaluation_completed_on");
        if (!parsed) {
            return Error::invalid("self_evaluation_completed_on", "Geef de datum van de zelfevaluatie als JJJJ-MM-DD.");
        }
        outside = *parsed;
    }
    Date const today = local_date(call.now);
    auto const outlook = TRY(app.trajectories.request_outlook(call.session->principal(), app.frameworks.versions().back(),
                                                              outside, today));
    auto const date_or_null = [](std::optional<Date> const& d) {
        return d ? nlohmann::ordered_json(d->iso()) : nlohmann::ordered_json(nullptr);
    };
    nlohmann::ordered_json out{
        {"today", today.iso()},
        {"self_evaluation_completed_on", date_or_null(outlook.self_evaluation_completed)},
        {"self_evaluation_in_sterklabel", outlook.self_evaluation_in_sterklabel},
        {"request_until", date_or_null(outlook.request_until)},
        {"membership_active", outlook.membership.ok()},
        {"membership_reason", outlook.membership ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(outlook.membership.error().message)}};
    out["running"] = outlook.running ? nlohmann::ordered_json{{"id", outlook.running->id},
                                                              {"state", state_key(outlook.running_state)}}
                                     : nlohmann::ordered_json(nullptr);
    out["blockers"] = outlook.blockers;
    return Response::json_in_order(200, out);
}

}  // namespace sterk::http
