#include "adapters/json/trajectory_json.h"

#include "adapters/json/json_depth.h"

namespace sterk {

namespace {

using nlohmann::json;

Error shape_error(std::string field, std::string message)
{
    return Error::invalid(std::move(field), std::move(message));
}

Result<RawEvent> parse_raw_event(json const& item, size_t index)
{
    std::string const field = "events[" + std::to_string(index) + "]";
    std::string const where = "gebeurtenis " + std::to_string(index + 1);
    if (!item.is_object()) {
        return shape_error(field, where + ": verwacht een object {\"on\":\"JJJJ-MM-DD\",\"event\":\"...\"}");
    }
    RawEvent raw;
    if (item.contains("event") && item["event"].is_string()) {
        raw.key = item["event"].get<std::string>();
    }
    std::string const named = where + " (" + (raw.key.empty() ? "?" : raw.key) + ")";
    for (auto const& [key, value] : item.items()) {
        if (key == "verdicts") {
            if (!value.is_object()) {
                return shape_error(field + ".verdicts", named + ": 'verdicts' moet een object zijn {\"VM1\":\"+\",...}");
            }
            std::map<std::string, std::string> verdicts;
            for (auto const& [code, verdict] : value.items()) {
                // A non-text verdict is reported like an unknown one, by its JSON text.
                verdicts[code] = verdict.is_string() ? verdict.get<std::string>() : verdict.dump();
            }
            raw.verdicts = std::move(verdicts);
            continue;
        }
        if (key == "team") {
            if (!value.is_array()) {
                return shape_error(field + ".team", named + ": 'team' moet een lijst zijn [{\"auditor_id\":1,\"role\":\"team_leader\"}]");
            }
            std::vector<RawTeamMember> team;
            for (auto const& member : value) {
                if (!member.is_object()) {
                    return shape_error(field + ".team", named + ": elk teamlid is {\"auditor_id\":1,\"role\":\"team_leader\"}");
                }
                RawTeamMember raw_member;
                if (member.contains("auditor_id")) {
                    auto const& id = member["auditor_id"];
                    raw_member.auditor_id = id.is_string() ? id.get<std::string>() : id.dump();
                }
                if (member.contains("role") && member["role"].is_string()) {
                    raw_member.role = member["role"].get<std::string>();
                }
                team.push_back(std::move(raw_member));
            }
            raw.team = std::move(team);
            continue;
        }
        if (key == "locations") {
            if (!value.is_array()) {
                return shape_error(field + ".locations", named + ": 'locations' moet een lijst van teksten zijn");
            }
            std::vector<std::string> locations;
            for (auto const& location : value) {
                if (!location.is_string()) {
                    return shape_error(field + ".locations", named + ": elke locatie is tekst");
                }
                locations.push_back(location.get<std::string>());
            }
            raw.locations = std::move(locations);
            continue;
        }
        if (key == "days" && value.is_number()) {
            raw.fields[key] = value.dump();
            continue;
        }
        if (!value.is_string()) {
            return shape_error(field + "." + key, named + ": '" + key + "' moet tekst zijn");
        }
        if (key == "on") {
            raw.on = value.get<std::string>();
        } else if (key != "event") {
            raw.fields[key] = value.get<std::string>();
        }
    }
    return raw;
}

}  // namespace

Result<TrajectoryDocument> parse_trajectory_document(std::string_view text)
{
    auto const doc = too_deep(text) ? json(json::value_t::discarded) : json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return shape_error("file", "geen geldige JSON; verwacht {\"framework\":\"2019\",\"kind\":\"initial\",\"events\":[...]}");
    }
    for (auto const& [key, value] : doc.items()) {
        if (key != "framework" && key != "kind" && key != "previous_certificate" && key != "events") {
            return shape_error(key, "onbekend veld '" + key + "'");
        }
    }
    TrajectoryDocument out;
    if (!doc.contains("framework") || !doc["framework"].is_string()) {
        return shape_error("framework", "veld 'framework' ontbreekt of is geen tekst (bijv. \"2019\")");
    }
    out.framework = doc["framework"].get<std::string>();
    std::string const kind = doc.contains("kind") && doc["kind"].is_string() ? doc["kind"].get<std::string>() : "";
    auto const parsed_kind = parse_trajectory_kind(kind);
    if (!parsed_kind) {
        return shape_error("kind", "veld 'kind' moet \"initial\" of \"recertification\" zijn");
    }
    out.kind = *parsed_kind;
    if (doc.contains("previous_certificate") && !doc["previous_certificate"].is_null()) {
        auto const& prev = doc["previous_certificate"];
        if (!prev.is_object() || !prev.contains("expires") || !prev["expires"].is_string()) {
            return shape_error("previous_certificate",
                               "'previous_certificate' moet {\"number\":\"SSW-...\",\"expires\":\"JJJJ-MM-DD\"} zijn");
        }
        auto const expires = Date::parse(prev["expires"].get<std::string>(), "previous_certificate.expires");
        if (!expires) {
            return shape_error("previous_certificate.expires",
                               "previous_certificate.expires is geen datum (JJJJ-MM-DD): '" +
                                   prev["expires"].get<std::string>() + "'");
        }
        std::string number = prev.contains("number") && prev["number"].is_string() ? prev["number"].get<std::string>() : "";
        out.previous_certificate = PreviousCertificate{number, *expires};
    }
    if (!doc.contains("events") || !doc["events"].is_array()) {
        return shape_error("events", "veld 'events' ontbreekt of is geen lijst");
    }
    for (size_t i = 0; i < doc["events"].size(); ++i) {
        out.events.push_back(TRY(parse_raw_event(doc["events"][i], i)));
    }
    return out;
}

std::string JsonEventPayloadCodec::encode(RawEvent const& raw) const
{
    json payload = json::object();
    for (auto const& [key, value] : raw.fields) {
        payload[key] = value;
    }
    // The number of audit days is kept as a number when it reads as one.
    if (auto const days = raw.fields.find("days"); days != raw.fields.end()) {
        auto const number = json::parse(days->second, nullptr, false);
        if (number.is_number()) {
            payload["days"] = number;
        }
    }
    if (raw.verdicts) {
        payload["verdicts"] = *raw.verdicts;
    }
    if (raw.team) {
        json team = json::array();
        for (auto const& member : *raw.team) {
            auto const id = json::parse(member.auditor_id, nullptr, false);
            team.push_back({{"auditor_id", id.is_number_integer() ? id : json(member.auditor_id)}, {"role", member.role}});
        }
        payload["team"] = std::move(team);
    }
    if (raw.locations) {
        payload["locations"] = *raw.locations;
    }
    return payload.dump();
}

Result<RawEvent> JsonEventPayloadCodec::decode(StoredEvent const& stored) const
{
    json item = json::parse(stored.payload, nullptr, false);
    if (item.is_discarded() || !item.is_object()) {
        return Error::internal("ongeldige gegevens bij gebeurtenis " + std::to_string(stored.seq) + " van traject " +
                               std::to_string(stored.trajectory_id));
    }
    item["on"] = stored.on;
    item["event"] = stored.key;
    return parse_raw_event(item, static_cast<size_t>(stored.seq - 1));
}

Result<RawEvent> raw_event_from_body(std::string_view text)
{
    auto const body = too_deep(text) ? json(json::value_t::discarded) : json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return Error::invalid("", "De gegevens zijn geen geldige JSON: verwacht {\"event\":\"...\",\"on\":\"JJJJ-MM-DD\"}.");
    }
    return parse_raw_event(body, 0);
}

Result<TrajectoryLog> to_trajectory_log(NormFramework const& framework, TrajectoryDocument const& document)
{
    TrajectoryLog log;
    log.kind = document.kind;
    log.previous_certificate = document.previous_certificate;
    for (size_t i = 0; i < document.events.size(); ++i) {
        log.events.push_back(TRY(parse_event(framework, document.events[i], i)));
    }
    return log;
}

nlohmann::ordered_json trajectory_view_to_json(TrajectoryView const& view)
{
    using ojson = nlohmann::ordered_json;
    ojson deadlines = ojson::array();
    for (auto const& d : view.deadlines) {
        ojson item{{"key", d.rule.key},     {"actor", d.rule.actor},
                   {"after", d.after},       {"from", d.from.iso()},
                   {"due", d.due.iso()},     {"status", deadline_state_key(d.state)}};
        if (d.met_on) {
            item["met_on"] = d.met_on->iso();
        }
        item["label"] = d.rule.label;
        item["source"] = d.rule.source;
        deadlines.push_back(std::move(item));
    }
    ojson actions = ojson::array();
    for (auto const& a : view.actions) {
        ojson item{{"actor", a.actor}, {"key", a.key}, {"todo", a.todo}};
        item["due"] = a.due ? ojson(a.due->iso()) : ojson(nullptr);
        item["status"] = deadline_status_key(a.status);
        actions.push_back(std::move(item));
    }
    ojson out{{"kind", trajectory_kind_key(view.kind)},
              {"state", state_key(view.state)},
              {"scenario", view.scenario ? ojson(scenario_key(*view.scenario)) : ojson(nullptr)},
              {"advice", view.advice ? ojson(*view.advice == AdviceOutcome::Positive ? "positive" : "negative") : ojson(nullptr)},
              {"deadlines", deadlines}};
    if (view.certificate) {
        auto const& c = *view.certificate;
        out["certificate"] = {{"valid_from", c.valid_from.iso()},
                              {"valid_through", c.valid_through.iso()},
                              {"expires", c.expires.iso()},
                              {"issued", c.issued.iso()}};
        if (!c.number.empty()) {
            out["certificate"]["number"] = c.number;
        }
    } else {
        out["certificate"] = nullptr;
    }
    if (view.previous_certificate) {
        auto const& p = *view.previous_certificate;
        ojson prev{{"status", previous_status_key(p.status)}, {"expires", p.expires.iso()}, {"number", p.number}};
        if (p.suspended_through) {
            prev["suspended_through"] = p.suspended_through->iso();
        }
        if (p.lapsed_on) {
            prev["lapsed_on"] = p.lapsed_on->iso();
        }
        out["previous_certificate"] = std::move(prev);
    } else {
        out["previous_certificate"] = nullptr;
    }
    if (view.previous_check) {
        auto const& c = *view.previous_check;
        out["previous_check"] = {{"number", c.number},
                                 {"expires", c.expires.iso()},
                                 {"checked_on", c.checked_on.iso()},
                                 {"differs_from_request", c.differs}};
    } else {
        out["previous_check"] = nullptr;
    }
    out["actions"] = actions;
    out["notes"] = view.notes;
    if (view.planning) {
        auto const& p = *view.planning;
        ojson team = ojson::array();
        for (auto const& member : p.team) {
            team.push_back({{"auditor_id", member.auditor_id}, {"role", member.role}});
        }
        out["planning"] = {{"first_day", p.first_day.iso()},
                           {"last_day", p.last_day.iso()},
                           {"days", p.days ? ojson(*p.days) : ojson(nullptr)},
                           {"locations", p.locations},
                           {"team", std::move(team)}};
    } else {
        out["planning"] = nullptr;
    }
    return out;
}

}  // namespace sterk
