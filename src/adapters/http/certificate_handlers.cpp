// Certificates and the public register (issue 11): the secretariat's Part A check, the certificate
// PDF, reissue and withdrawal, and the register's search, CSV, verification and public key.
#include "adapters/http/call_support.h"
#include "adapters/http/export_response.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

nlohmann::json nullable_date(std::optional<Date> const& d)
{
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

// certificate_json: what anyone may know of a certificate (the register's verification page).
nlohmann::json certificate_json(CertificateView const& v)
{
    auto const& c = v.certificate;
    nlohmann::json out{
        {"number", c.number},
        {"status", certificate_status_key(v.live.status)},
        {"status_dutch", certificate_status_dutch(v.live.status)},
        {"status_since", v.live.since.iso()},
        {"suspended_through", nullable_date(v.live.suspended_through)},
        {"member", c.member_name},
        {"town", c.town},
        {"kvk", c.kvk},
        {"lidnummer", c.lidnummer},
        {"scope", c.scope},
        {"issued", c.issued.iso()},
        {"valid_from", c.valid_from.iso()},
        {"valid_through", c.valid_through.iso()},
        {"expires", c.expires.iso()},
        {"reason", c.reason},
        {"supersedes", c.supersedes},
        {"superseded_by", c.superseded_by},
    };
    if (!v.verification_url.empty()) {
        out["verification_url"] = v.verification_url;
    }
    return out;
}

CertificateService& service(AppServices& app)
{
    return *app.certificates;
}

std::string query_value(Call const& call, char const* name)
{
    auto const found = call.request.query.find(name);
    return found == call.request.query.end() ? std::string{} : found->second;
}

Result<RegisterQuery> register_query(Call const& call)
{
    RegisterQuery q{query_value(call, "q"), query_value(call, "town"), query_value(call, "scope")};
    std::pair<char const*, std::string const*> const fields[] = {{"q", &q.q}, {"town", &q.town}, {"scope", &q.scope}};
    for (auto const& [name, value] : fields) {
        if (value->size() > 200) {
            return Error::invalid(name, "Zoek met hoogstens 200 tekens.");
        }
    }
    return q;
}

Result<std::optional<Date>> optional_date_field(JsonBody const& body, char const* name)
{
    auto const text = TRY(body.optional_string(name));
    if (!text || text->empty()) {
        return std::optional<Date>{};
    }
    return std::optional<Date>{TRY(Date::parse(*text, name))};
}

}  // namespace

Result<Response> get_part_a_check(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.")));
    auto const check = TRY(service(app).part_a_check(call.session->principal(), id, local_date(call.now)));
    nlohmann::json items = nlohmann::json::array();
    for (auto const& item : check.items) {
        items.push_back({{"key", item.key}, {"label", item.label}, {"ok", item.ok()}, {"problems", item.problems}});
    }
    return Response::json(200, {{"complete", check.complete}, {"items", items}, {"remarks", check.remarks()}});
}

Result<Response> get_certificate_pdf(AppServices& app, Call const& call)
{
    auto const number = call.params.at("number");
    auto const view = TRY(service(app).certificate(call.session->principal(), number, local_date(call.now), call.now));
    if (!app.certificate_pdf) {
        return Error::internal("PDF is niet beschikbaar in deze build.");
    }
    Response response;
    response.status = 200;
    response.content_type = "application/pdf";
    response.body = TRY(app.certificate_pdf(view.certificate, view.verification_url));
    response.set_header("Content-Disposition", "attachment; filename=\"certificaat-" + number + ".pdf\"");
    return response;
}

Result<Response> post_certificate_reissue(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body,
                                          {"member_name", "scope", "valid_from", "valid_through", "expires", "reason"}));
    Correction correction;
    correction.member_name = TRY(body.optional_string("member_name"));
    correction.scope = TRY(body.optional_string("scope"));
    correction.valid_from = TRY(optional_date_field(body, "valid_from"));
    correction.valid_through = TRY(optional_date_field(body, "valid_through"));
    correction.expires = TRY(optional_date_field(body, "expires"));
    correction.reason = TRY(body.optional_string("reason")).value_or("");
    auto const view = TRY(service(app).reissue(call.session->principal(), actor_of(call), call.params.at("number"),
                                               correction, local_date(call.now), call.now));
    return Response::json(201, certificate_json(view));
}

Result<Response> post_certificate_withdraw(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"reason"}));
    auto const reason = TRY(body.optional_string("reason")).value_or("");
    auto const view = TRY(service(app).withdraw(call.session->principal(), actor_of(call), call.params.at("number"),
                                                reason, local_date(call.now), call.now));
    return Response::json(200, certificate_json(view));
}

Result<Response> get_register(AppServices& app, Call const& call)
{
    auto const query = TRY(register_query(call));
    nlohmann::json entries = nlohmann::json::array();
    for (auto const& v : TRY(service(app).register_entries(query, local_date(call.now), call.now))) {
        auto const& c = v.certificate;
        entries.push_back({{"member", c.member_name},
                           {"town", c.town},
                           {"kvk", c.kvk},
                           {"scope", c.scope},
                           {"certificate",
                            {{"number", c.number},
                             {"status", certificate_status_key(v.live.status)},
                             {"valid_through", c.valid_through.iso()}}}});
    }
    return Response::json(200, {{"entries", entries}});
}

// get_register_export: the register as CSV or XLSX (open data), the same entries as the JSON.
Result<Response> get_register_export(AppServices& app, Call const& call)
{
    auto const query = TRY(register_query(call));
    ExportTable table{"kwaliteitsregister",
                      {"Naam", "Plaats", "KvK-nummer", "Lidnummer", "Scope", "Certificaatnummer", "Status",
                       "Geldig vanaf", "Geldig tot en met"},
                      {}};
    for (auto const& v : TRY(service(app).register_entries(query, local_date(call.now), call.now))) {
        auto const& c = v.certificate;
        table.rows.push_back({c.member_name, c.town, c.kvk, c.lidnummer, c.scope, c.number,
                              certificate_status_dutch(v.live.status), c.valid_from, c.valid_through});
    }
    return table_download(table, call.request.path);
}

Result<Response> get_register_certificate(AppServices& app, Call const& call)
{
    auto const found =
        TRY(service(app).public_certificate(call.params.at("number"), local_date(call.now), call.now));
    nlohmann::json history = nlohmann::json::array();
    for (auto const& v : found.history) {
        history.push_back(certificate_json(v));
    }
    auto out = certificate_json(found.certificate);
    out["history"] = history;
    return Response::json(200, out);
}

Result<Response> get_register_public_key(AppServices& app, Call const& call)
{
    auto const key = TRY(service(app).public_key(call.now));
    return Response::json(200, {{"algorithm", "ed25519"}, {"encoding", "base64"}, {"public_key", key}});
}

}  // namespace sterk::http
