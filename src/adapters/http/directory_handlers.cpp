#include "adapters/http/api_json.h"
#include "adapters/http/export_response.h"
#include "adapters/http/handlers.h"

#include <charconv>

namespace sterk::http {

Result<Response> get_users(AppServices& app, Call const&)
{
    auto const users = TRY(app.users.list_users());
    nlohmann::json list = nlohmann::json::array();
    for (auto const& user : users) {
        list.push_back(user_json(user));
    }
    return Response::json(200, {{"users", list}});
}

Result<Response> get_organisations(AppServices& app, Call const&)
{
    auto const organisations = TRY(app.users.list_organisations());
    nlohmann::json list = nlohmann::json::array();
    for (auto const& organisation : organisations) {
        list.push_back(organisation_json(organisation));
    }
    return Response::json(200, {{"organisations", list}});
}

Result<Response> get_organisation(AppServices& app, Call const& call)
{
    // App has parsed and authorised {id} for this PathId route.
    auto const organisation = TRY(app.users.organisation(*call.organisation_id));
    return Response::json(200, organisation_json(organisation));
}

namespace {

// audit_filter: the audit log's query: limit, cursor, action, actor (any case), from, to.
Result<AuditLogFilter> audit_filter(Call const& call)
{
    auto const& query = call.request.query;
    auto text = [&](char const* name) -> std::optional<std::string> {
        auto const found = query.find(name);
        return found == query.end() ? std::nullopt : std::optional<std::string>{found->second};
    };
    AuditLogFilter filter;
    if (auto const limit = text("limit")) {
        auto const* end = limit->data() + limit->size();
        auto [ptr, ec] = std::from_chars(limit->data(), end, filter.limit);
        if (limit->empty() || ec != std::errc{} || ptr != end) {
            return Error::invalid("limit", "De limiet moet een geheel getal tussen 1 en "
                                               + std::to_string(AUDIT_LOG_MAX_LIMIT) + " zijn.");
        }
    }
    filter.cursor = text("cursor");
    filter.action = text("action");
    filter.actor = text("actor");
    filter.from = text("from");
    filter.to = text("to");
    return filter;
}

// At most this many entries in one download; a narrower period or action gives the rest.
constexpr std::size_t AUDIT_LOG_EXPORT_MAX = 100000;

}  // namespace

Result<Response> get_audit_log(AppServices& app, Call const& call)
{
    auto const page = TRY(app.users.audit_log_page(TRY(audit_filter(call))));
    nlohmann::json list = nlohmann::json::array();
    for (auto const& entry : page.entries) {
        list.push_back(audit_entry_json(entry));
    }
    return Response::json(200, {{"entries", list},
                                {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nullptr}});
}

// get_audit_log_export: the filtered log, newest first, every page of it, as CSV or XLSX; refused
// (naming the period) when it holds more than AUDIT_LOG_EXPORT_MAX entries.
Result<Response> get_audit_log_export(AppServices& app, Call const& call)
{
    auto filter = TRY(audit_filter(call));
    filter.limit = AUDIT_LOG_MAX_LIMIT;
    filter.cursor.reset();
    ExportTable table{"auditlog", {"Tijdstip (UTC)", "Gebruiker", "Handeling", "Betreft", "Toelichting", "IP-adres"}, {}};
    while (true) {
        auto const page = TRY(app.users.audit_log_page(filter));
        for (auto const& e : page.entries) {
            table.rows.push_back({iso8601_utc(e.at), e.actor_email, e.action, e.subject, e.detail, e.ip});
        }
        if (!page.next_cursor) {
            break;
        }
        // Said, not cut off silently: a download is either the whole filtered log or refused.
        if (table.rows.size() >= AUDIT_LOG_EXPORT_MAX) {
            return Error::invalid("from", "Meer dan " + std::to_string(AUDIT_LOG_EXPORT_MAX) +
                                              " regels: kies een kortere periode of een handeling.");
        }
        filter.cursor = page.next_cursor;
    }
    return table_download(table, call.request.path);
}

}  // namespace sterk::http
