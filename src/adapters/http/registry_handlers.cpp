// The registries of members and CIs (secretariat): list, one, create, update. The rules (what a
// valid entry is, when a membership is active, which CI conditions lapsed) are RegistryService's.
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"
#include "adapters/http/call_support.h"
#include "adapters/http/export_response.h"
#include "adapters/json/estimate_json.h"
#include "adapters/http/api_json.h"


namespace sterk::http {

namespace {

nlohmann::json date_json(std::optional<Date> const& d)
{
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

nlohmann::json member_json(MemberEntry const& e)
{
    auto const& o = e.organisation;
    auto const& p = e.profile;
    nlohmann::json out{{"id", o.id},
                       {"name", o.name},
                       {"lidnummer", o.lidnummer},
                       {"kvk", p.kvk},
                       {"address", p.address},
                       {"postcode", p.postcode},
                       {"town", o.city},
                       {"contact_person", p.contact_person},
                       {"phone", p.phone},
                       {"email", o.email},
                       {"website", o.website},
                       {"member_from", date_json(p.member_from)},
                       {"member_until", date_json(p.member_until)},
                       {"active", e.active.ok()}};
    out["inactive_reason"] = e.active ? nlohmann::json(nullptr) : nlohmann::json(e.active.error().message);
    return out;
}

// tariff_json: the CI's rates from the tariffs file (B10), with their validity, or null when it has
// none on file.
nlohmann::json tariff_json(Tariffs const& tariffs, std::string const& code)
{
    auto const* body = code.empty() ? nullptr : tariffs.find_body(code);
    if (body == nullptr) {
        return nullptr;
    }
    nlohmann::json rates = nlohmann::json::array();
    for (auto const& rate : body->day_rates) {
        rates.push_back({{"valid_from", date_json(rate.valid_from)}, {"eur", static_cast<double>(rate.cents) / 100.0}});
    }
    return {{"code", body->code},
            {"name", body->name},
            {"day_rates", rates},
            {"travel_per_km_eur", body->travel_cents_per_km
                                      ? nlohmann::json(static_cast<double>(*body->travel_cents_per_km) / 100.0)
                                      : nlohmann::json(nullptr)},
            {"travel_note", body->travel_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(body->travel_note)}};
}

nlohmann::json ci_json(CiEntry const& e, Tariffs const& tariffs, Date today)
{
    auto const& o = e.organisation;
    auto const& p = e.profile;
    return {{"id", o.id},
            {"name", o.name},
            {"kvk", p.kvk},
            {"address", p.address},
            {"postcode", p.postcode},
            {"town", o.city},
            {"phone", p.phone},
            {"email", o.email},
            {"website", o.website},
            {"iso17021_ea38_until", date_json(p.iso17021_ea38_until)},
            {"hkz_welzijn_until", date_json(p.hkz_welzijn_until)},
            {"insured_until", date_json(p.insured_until)},
            {"complaints_procedure", p.complaints_procedure},
            {"framework_contract", p.framework_contract},
            {"tariff_code", p.tariff_code},
            {"eligible", e.lapsed.empty()},
            {"lapsed", e.lapsed},
            {"warnings", ci_expiry_warnings(p, today, CI_EXPIRY_WARNING_DAYS)},
            {"tariff", tariff_json(tariffs, p.tariff_code)}};
}

Result<std::optional<Date>> date_field(JsonBody const& body, std::string const& name)
{
    auto const text = TRY(body.optional_string(name));
    if (!text || text->empty()) {
        return std::optional<Date>{};
    }
    auto const parsed = Date::parse(*text, name);
    if (!parsed) {
        return Error::invalid(name, "Geef een datum als JJJJ-MM-DD.");
    }
    return std::optional<Date>{*parsed};
}

std::string text_field(JsonBody const& body, std::string const& name, Status& status)
{
    auto const value = body.optional_string(name);
    if (!value) {
        status = value.error();
        return {};
    }
    return value->value_or("");
}

Result<Response> save_member(AppServices& app, Call const& call, int status_code)
{
    auto const body = TRY(JsonBody::parse(call.request.body,
                                          {"name", "lidnummer", "kvk", "address", "postcode", "town", "contact_person",
                                           "phone", "email", "website", "member_from", "member_until"}));
    Status status = ok_status();
    Organisation organisation;
    organisation.name = text_field(body, "name", status);
    organisation.lidnummer = text_field(body, "lidnummer", status);
    organisation.city = text_field(body, "town", status);
    organisation.email = text_field(body, "email", status);
    organisation.website = text_field(body, "website", status);
    MemberProfile profile;
    profile.kvk = text_field(body, "kvk", status);
    profile.address = text_field(body, "address", status);
    profile.postcode = text_field(body, "postcode", status);
    profile.contact_person = text_field(body, "contact_person", status);
    profile.phone = text_field(body, "phone", status);
    TRY(status);
    profile.member_from = TRY(date_field(body, "member_from"));
    profile.member_until = TRY(date_field(body, "member_until"));
    auto const entry = TRY(app.registry.save_member(call.organisation_id, organisation, profile, actor_of(call),
                                                    local_date(call.now), call.now));
    return Response::json(status_code, member_json(entry));
}

Result<Response> save_ci(AppServices& app, Call const& call, int status_code)
{
    auto const body = TRY(JsonBody::parse(
        call.request.body, {"name", "kvk", "address", "postcode", "town", "phone", "email", "website",
                            "iso17021_ea38_until", "hkz_welzijn_until", "insured_until", "complaints_procedure",
                            "framework_contract", "tariff_code"}));
    Status status = ok_status();
    Organisation organisation;
    organisation.name = text_field(body, "name", status);
    organisation.city = text_field(body, "town", status);
    organisation.email = text_field(body, "email", status);
    organisation.website = text_field(body, "website", status);
    CiProfile profile;
    profile.kvk = text_field(body, "kvk", status);
    profile.address = text_field(body, "address", status);
    profile.postcode = text_field(body, "postcode", status);
    profile.phone = text_field(body, "phone", status);
    profile.tariff_code = text_field(body, "tariff_code", status);
    TRY(status);
    profile.iso17021_ea38_until = TRY(date_field(body, "iso17021_ea38_until"));
    profile.hkz_welzijn_until = TRY(date_field(body, "hkz_welzijn_until"));
    profile.insured_until = TRY(date_field(body, "insured_until"));
    profile.complaints_procedure = TRY(body.optional_bool("complaints_procedure")).value_or(false);
    profile.framework_contract = TRY(body.optional_bool("framework_contract")).value_or(false);
    auto const entry = TRY(app.registry.save_ci(call.organisation_id, organisation, profile, actor_of(call),
                                                local_date(call.now), call.now));
    return Response::json(status_code, ci_json(entry, app.tariffs, local_date(call.now)));
}

}  // namespace

// GET /api/v1/estimate?fte=N&variant=V[&km=N]: days for the scope, and the cost at each CI that can
// be chosen today and has rates on file (core estimate; the same JSON as `sterklabel estimate`).
Result<Response> get_estimate(AppServices& app, Call const& call)
{
    auto const query = [&](char const* name) {
        auto const found = call.request.query.find(name);
        return found == call.request.query.end() ? std::string{} : found->second;
    };
    Date const today = local_date(call.now);
    EstimateRequest request;
    // group[KEY]=N for each scope group: the scope FTE is computed from the groups (the core's
    // scope rules), instead of a total given as fte=N. Errors name "group.KEY" (or "group").
    std::map<std::string, double> groups;
    for (auto const& [name, value] : call.request.query) {
        if (name.rfind("group[", 0) == 0 && name.size() > 7 && name.back() == ']') {
            std::string const key = name.substr(6, name.size() - 7);
            groups[key] = value.empty() ? 0.0 : TRY(parse_group_fte(value, "group." + key));
        }
    }
    std::optional<ScopeFte> scope;
    if (!groups.empty()) {
        auto computed = app.trajectories.scope_fte(app.frameworks.versions().back(), groups);
        if (!computed) {
            auto error = computed.error();
            if (error.field.rfind("groups", 0) == 0) {
                error.field = "group" + error.field.substr(6);  // "groups.x" -> "group.x"
            }
            return error;
        }
        scope = *computed;
        request.fte = scope->total;
    } else {
        request.fte = TRY(parse_fte(query("fte"), "fte"));
    }
    request.variant = query("variant");
    request.on = today;
    if (!query("km").empty()) {
        request.km = TRY(parse_distance(query("km"), "km"));
    }
    auto out = estimate_to_json(TRY(estimate(app.tariffs, request)));
    if (scope) {
        nlohmann::json lines = nlohmann::json::array();
        for (auto const& line : scope->lines) {
            lines.push_back({{"key", line.key},
                             {"label", line.label},
                             {"fte", line.fte},
                             {"counts", line.counts},
                             {"explanation", line.explanation}});
        }
        out["scope"] = {{"total", scope->total}, {"lines", lines}};
    }
    // The days of every variant for the same band, so a member compares them at once.
    nlohmann::json per_variant = nlohmann::json::array();
    for (auto const& variant : app.tariffs.variants) {
        EstimateRequest other = request;
        other.variant = variant.key;
        other.km.reset();
        auto const days = TRY(estimate(app.tariffs, other));
        per_variant.push_back({{"variant", variant.key},
                               {"label", variant.label},
                               {"days", days.day_tenths ? nlohmann::json(*days.day_tenths / 10.0) : nlohmann::json(nullptr)},
                               {"on_top_of", days.on_top_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(days.on_top_of)},
                               {"note", days.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(days.note)}});
    }
    out["per_variant"] = per_variant;
    nlohmann::json per_ci = nlohmann::json::array();
    for (auto const& entry : TRY(app.registry.cis(today))) {
        if (!entry.lapsed.empty() || entry.profile.tariff_code.empty()) {
            continue;
        }
        EstimateRequest at_ci = request;
        at_ci.ci = entry.profile.tariff_code;
        auto const priced = estimate(app.tariffs, at_ci);
        nlohmann::json item{{"id", entry.organisation.id}, {"name", entry.organisation.name}};
        item["estimate"] = priced ? estimate_to_json(*priced) : nlohmann::json(nullptr);
        item["note"] = priced ? nlohmann::json(nullptr) : nlohmann::json(priced.error().message);
        per_ci.push_back(std::move(item));
    }
    out["per_ci"] = per_ci;
    return Response::json(200, out);
}

Result<Response> get_members(AppServices& app, Call const& call)
{
    nlohmann::json list = nlohmann::json::array();
    for (auto const& entry : TRY(app.registry.members(local_date(call.now)))) {
        list.push_back(member_json(entry));
    }
    return Response::json(200, {{"members", list}});
}

// get_members_export: the member list with its contact details and membership dates, as CSV or XLSX.
Result<Response> get_members_export(AppServices& app, Call const& call)
{
    ExportTable table{"leden",
                      {"Naam", "Lidnummer", "KvK-nummer", "Adres", "Postcode", "Plaats", "Contactpersoon", "Telefoon",
                       "E-mail", "Website", "Lid vanaf", "Lid tot", "Actief"},
                      {}};
    auto const date_cell = [](std::optional<Date> const& d) { return d ? ExportCell{*d} : ExportCell{}; };
    for (auto const& e : TRY(app.registry.members(local_date(call.now)))) {
        auto const& o = e.organisation;
        auto const& p = e.profile;
        table.rows.push_back({o.name, o.lidnummer, p.kvk, p.address, p.postcode, o.city, p.contact_person, p.phone,
                              o.email, o.website, date_cell(p.member_from), date_cell(p.member_until),
                              std::string{e.active ? "ja" : "nee"}});
    }
    return table_download(table, call.request.path);
}

Result<Response> get_member(AppServices& app, Call const& call)
{
    return Response::json(200, member_json(TRY(app.registry.member(*call.organisation_id, local_date(call.now)))));
}

Result<Response> post_member(AppServices& app, Call const& call)
{
    return save_member(app, call, 201);
}

Result<Response> put_member(AppServices& app, Call const& call)
{
    return save_member(app, call, 200);
}

Result<Response> get_cis(AppServices& app, Call const& call)
{
    nlohmann::json list = nlohmann::json::array();
    Date const today = local_date(call.now);
    for (auto const& entry : TRY(app.registry.cis(today))) {
        list.push_back(ci_json(entry, app.tariffs, today));
    }
    return Response::json(200, {{"cis", list}});
}

Result<Response> get_ci(AppServices& app, Call const& call)
{
    Date const today = local_date(call.now);
    return Response::json(200, ci_json(TRY(app.registry.ci(*call.organisation_id, today)), app.tariffs, today));
}

Result<Response> post_ci(AppServices& app, Call const& call)
{
    return save_ci(app, call, 201);
}

Result<Response> put_ci(AppServices& app, Call const& call)
{
    return save_ci(app, call, 200);
}

}  // namespace sterk::http

namespace sterk::http {

// GET /api/v1/organisations/{id}/users: the users of one organisation (its profile page).
Result<Response> get_organisation_users(AppServices& app, Call const& call)
{
    Id const id = *call.organisation_id;  // parsed and authorised by App for this PathId route
    TRY(app.users.organisation(id));  // 404 for an unknown organisation
    nlohmann::json list = nlohmann::json::array();
    for (auto const& user : TRY(app.users.list_users())) {
        if (user.organisation_id && *user.organisation_id == id) {
            list.push_back(user_json(user));
        }
    }
    return Response::json(200, {{"users", list}});
}

}  // namespace sterk::http
