// Certificates and the public register (issue 11): the secretariat's Part A check, the certificate
// PDF, reissue and withdrawal, and the register's search, CSV, verification and public key.
#include "adapters/http/call_support.h"
#include "adapters/http/export_response.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

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

// get_certificate_logo: logo.svg or logo.png, only while the certificate is valid (409 naming the
// status and its date otherwise); the member's own and the secretariat's (the service checks whose).
Result<Response> get_certificate_logo(AppServices& app, Call const& call)
{
    auto const number = call.params.at("number");
    auto const view = TRY(service(app).certificate(call.session->principal(), number, local_date(call.now), call.now));
    auto const logo = TRY(logo_for(view.certificate, view.live));
    if (!app.label_logo) {
        return Error::internal("Het logo is niet beschikbaar in deze build.");
    }
    bool const svg = call.request.path.ends_with(".svg");
    Response response;
    response.status = 200;
    response.content_type = svg ? "image/svg+xml" : "image/png";
    response.body = TRY(app.label_logo(logo, svg));
    response.set_header("Content-Disposition", "attachment; filename=\"logo-sterk-sociaal-werk-" +
                                                   std::to_string(logo.year) + (svg ? ".svg" : ".png") + "\"");
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

namespace {

// RegisterAnswers: the register's JSON per query, kept while the listed rows it came from are the
// ones a search reads (CertificateService::register_rows_token), so a burst of the same public
// search is answered from memory. At most MAX_QUERIES different searches are kept.
class RegisterAnswers {
public:
    static constexpr std::size_t MAX_QUERIES = 256;

    std::optional<std::string> find(std::shared_ptr<void const> const& rows, std::string const& key)
    {
        std::lock_guard lock(m_mutex);
        if (m_rows.lock() != rows) {
            return std::nullopt;
        }
        auto const found = m_bodies.find(key);
        return found == m_bodies.end() ? std::nullopt : std::optional<std::string>{found->second};
    }

    void keep(std::shared_ptr<void const> const& rows, std::string const& key, std::string body)
    {
        std::lock_guard lock(m_mutex);
        if (m_rows.lock() != rows || m_bodies.size() >= MAX_QUERIES) {
            m_bodies.clear();
            m_rows = rows;
        }
        m_bodies[key] = std::move(body);
    }

private:
    std::mutex m_mutex;
    std::weak_ptr<void const> m_rows;
    std::unordered_map<std::string, std::string> m_bodies;
};

// register_answer: the register's JSON for one search.
Result<Response> register_answer(AppServices& app, RegisterQuery const& query, Date today, UnixTime now)
{
    nlohmann::json entries = nlohmann::json::array();
    for (auto const& v : TRY(service(app).register_entries(query, today, now))) {
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

}  // namespace

Result<Response> get_register(AppServices& app, Call const& call)
{
    static RegisterAnswers answers;
    auto const query = TRY(register_query(call));
    auto const today = local_date(call.now);
    auto const rows = TRY(service(app).register_rows_token(call.now));
    auto const key = today.iso() + '\x1f' + query.q + '\x1f' + query.town + '\x1f' + query.scope;
    if (auto body = answers.find(rows, key)) {
        return Response::json_text(200, std::move(*body));
    }
    auto response = TRY(register_answer(app, query, today, call.now));
    answers.keep(rows, key, response.body);
    return response;
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
