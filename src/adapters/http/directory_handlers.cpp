#include "adapters/http/api_json.h"
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

Result<Response> get_audit_log(AppServices& app, Call const& call)
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
    auto const page = TRY(app.users.audit_log_page(filter));
    nlohmann::json list = nlohmann::json::array();
    for (auto const& entry : page.entries) {
        list.push_back(audit_entry_json(entry));
    }
    return Response::json(200, {{"entries", list},
                                {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nullptr}});
}

}  // namespace sterk::http
