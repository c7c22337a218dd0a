// The auditors registry: list, one, create, update (with the declared ties and the B9
// declaration), the organisations a tie can name, and a trajectory's team candidates. Who sees
// and changes which auditor is AuditorService's rule; the team check is the core's.
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

using nlohmann::json;

json date_json(std::optional<Date> const& d)
{
    return d ? json(d->iso()) : json(nullptr);
}

json id_json(std::optional<Id> const& id)
{
    return id ? json(*id) : json(nullptr);
}

std::string organisation_name(AppServices& app, Id id)
{
    auto const organisation = app.users.organisation(id);
    return organisation ? organisation->name : std::string{};
}

json auditor_json(AppServices& app, Auditor const& a)
{
    json ties = json::array();
    for (auto const& tie : a.ties) {
        ties.push_back({{"organisation_id", tie.organisation_id},
                        {"organisation_name", organisation_name(app, tie.organisation_id)},
                        {"kind", tie_kind_key(tie.kind)},
                        {"from", tie.from.iso()},
                        {"until", date_json(tie.until)}});
    }
    return {{"id", a.id},
            {"name", a.name},
            {"email", a.email},
            {"role", auditor_role_key(a.role)},
            {"organisation_id", a.organisation_id},
            {"organisation_name", organisation_name(app, a.organisation_id)},
            {"user_id", id_json(a.user_id)},
            {"active", a.active},
            {"declaration_received_on", date_json(a.declaration_received_on)},
            {"declaration_document_id", id_json(a.declaration_document_id)},
            {"ties", ties}};
}

Result<std::optional<Date>> optional_date(JsonBody const& body, std::string const& name, std::string const& message)
{
    auto const text = TRY(body.optional_string(name));
    if (!text || text->empty()) {
        return std::optional<Date>{};
    }
    auto const parsed = Date::parse(*text, name);
    if (!parsed) {
        return Error::invalid(name, message);
    }
    return std::optional<Date>{*parsed};
}

Result<std::vector<AuditorTie>> ties_from(std::string const& text)
{
    auto const body = json::parse(text, nullptr, false);  // well-formed: JsonBody parsed it first
    std::vector<AuditorTie> ties;
    if (!body.contains("ties") || body["ties"].is_null()) {
        return ties;
    }
    if (!body["ties"].is_array()) {
        return Error::invalid("ties", "Geef de banden als lijst [{\"organisation_id\",\"kind\",\"from\",\"until\"}].");
    }
    for (size_t i = 0; i < body["ties"].size(); ++i) {
        auto const& item = body["ties"][i];
        std::string const field = "ties[" + std::to_string(i) + "]";
        std::string const which = "Band " + std::to_string(i + 1) + ": ";
        if (!item.is_object()) {
            return Error::invalid(field, which + "verwacht {\"organisation_id\",\"kind\",\"from\",\"until\"}.");
        }
        AuditorTie tie;
        if (!item.contains("organisation_id") || !item["organisation_id"].is_number_integer()) {
            return Error::invalid(field + ".organisation_id", which + "kies een lidorganisatie uit de lijst.");
        }
        tie.organisation_id = item["organisation_id"].get<Id>();
        auto const kind = parse_tie_kind(item.value("kind", std::string{}));
        if (!kind) {
            return Error::invalid(field + ".kind", which + "kies werkt voor, adviseert of is lid van.");
        }
        tie.kind = *kind;
        auto const from = item.contains("from") && item["from"].is_string()
                              ? Date::parse(item["from"].get<std::string>(), "from")
                              : Result<Date>(Error::invalid("from", ""));
        if (!from) {
            return Error::invalid(field + ".from", which + "vul de begindatum in (JJJJ-MM-DD).");
        }
        tie.from = *from;
        if (item.contains("until") && !item["until"].is_null() &&
            !(item["until"].is_string() && item["until"].get<std::string>().empty())) {
            auto const until = item["until"].is_string() ? Date::parse(item["until"].get<std::string>(), "until")
                                                          : Result<Date>(Error::invalid("until", ""));
            if (!until) {
                return Error::invalid(field + ".until", which + "geef de einddatum als JJJJ-MM-DD, of laat hem leeg.");
            }
            tie.until = *until;
        }
        ties.push_back(tie);
    }
    return ties;
}

Result<Response> save_auditor(AppServices& app, Call const& call, std::optional<Id> id, int status_code)
{
    auto const body = TRY(JsonBody::parse(call.request.body,
                                          {"name", "email", "role", "organisation_id", "user_id", "active",
                                           "declaration_received_on", "declaration_document_id", "ties"}));
    auto const principal = call.session->principal();
    Auditor auditor;
    auditor.name = TRY(body.optional_string("name")).value_or("");
    auditor.email = TRY(body.optional_string("email")).value_or("");
    auto const role = parse_auditor_role(TRY(body.optional_string("role")).value_or(""));
    if (!role) {
        return Error::invalid("role", "Kies de rol: teamleider, beoordelaar of branchetoetser.");
    }
    auditor.role = *role;
    // Without an organisation: the caller's own (a ci-admin's CI, a member's organisation).
    auto const organisation = TRY(body.nullable_id("organisation_id"));
    if (!organisation && !principal.organisation_id) {
        return Error::invalid("organisation_id", "Kies de organisatie waar de auditor bij hoort.");
    }
    auditor.organisation_id = organisation ? *organisation : *principal.organisation_id;
    auditor.user_id = TRY(body.nullable_id("user_id"));
    auditor.active = TRY(body.optional_bool("active")).value_or(true);
    auditor.declaration_received_on =
        TRY(optional_date(body, "declaration_received_on", "Geef de datum van ontvangst als JJJJ-MM-DD."));
    auditor.declaration_document_id = TRY(body.nullable_id("declaration_document_id"));
    auditor.ties = TRY(ties_from(call.request.body));
    auto const saved = TRY(app.auditors.save(principal, actor_of(call), id, auditor, local_date(call.now), call.now));
    return Response::json(status_code, auditor_json(app, saved));
}

Error auditor_not_found()
{
    return Error::not_found("Deze auditor bestaat niet of is niet zichtbaar voor u.");
}

}  // namespace

Result<Response> get_auditors(AppServices& app, Call const& call)
{
    json list = json::array();
    for (auto const& auditor : TRY(app.auditors.list(call.session->principal()))) {
        list.push_back(auditor_json(app, auditor));
    }
    return Response::json(200, {{"auditors", list}});
}

Result<Response> get_auditor(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, auditor_not_found()));
    return Response::json(200, auditor_json(app, TRY(app.auditors.get(call.session->principal(), id))));
}

Result<Response> post_auditor(AppServices& app, Call const& call)
{
    return save_auditor(app, call, std::nullopt, 201);
}

Result<Response> put_auditor(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, auditor_not_found()));
    return save_auditor(app, call, id, 200);
}

Result<Response> get_auditor_organisations(AppServices& app, Call const& /*call*/)
{
    json list = json::array();
    for (auto const& o : TRY(app.auditors.tie_organisations())) {
        list.push_back({{"id", o.id}, {"name", o.name}, {"town", o.city}});
    }
    return Response::json(200, {{"organisations", list}});
}

// GET /api/v1/trajectories/{id}/team-candidates?first_day=D&last_day=D
Result<Response> get_team_candidates(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.")));
    auto const day = [&](char const* name) -> Result<Date> {
        auto const found = call.request.query.find(name);
        if (found == call.request.query.end() || found->second.empty()) {
            return local_date(call.now);
        }
        auto const parsed = Date::parse(found->second, name);
        if (!parsed) {
            return Error::invalid(name, "Geef de toetsdag als JJJJ-MM-DD.");
        }
        return *parsed;
    };
    Date const first_day = TRY(day("first_day"));
    Date const last_day = call.request.query.count("last_day") != 0 ? TRY(day("last_day")) : first_day;
    json list = json::array();
    for (auto const& candidate :
         TRY(app.trajectories.team_candidates(call.session->principal(), id, first_day, last_day))) {
        auto const& a = candidate.auditor;
        list.push_back({{"id", a.id},
                        {"name", a.name},
                        {"role", auditor_role_key(a.role)},
                        {"organisation_id", a.organisation_id},
                        {"organisation_name", organisation_name(app, a.organisation_id)},
                        {"eligible", candidate.reasons.empty()},
                        {"reasons", candidate.reasons}});
    }
    return Response::json(200, {{"candidates", list}});
}

}  // namespace sterk::http
