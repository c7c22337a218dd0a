// File: router.h
// The route table: method + path pattern ("/api/v1/organisations/{id}") → permission from the
// role policy, whether the route is scoped to an organisation, where it runs, and its handler.
// The table itself is in routes.cpp; nothing else registers routes.
#pragma once

#include "adapters/http/http_types.h"
#include "core/auth/policy.h"
#include "core/result.h"
#include "core/services/auth_service.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sterk::http {

struct AppServices;

// Work: where a handler runs. Worker handlers hash passwords (argon2id, ~135 ms, 64 MiB) and run
// on the small bounded worker pool, never on the I/O threads.
enum class Work { Inline, Worker };

// OrganisationScope: which organisation a request concerns, for the policy's "own organisation"
// rule. PathId: the {id} in the path is the organisation.
enum class OrganisationScope { None, PathId };

// Call: one request as a handler sees it, after authentication and the policy check.
struct Call {
    Request const& request;
    std::map<std::string, std::string> params;  // from {name} in the pattern
    std::optional<Id> organisation_id;  // OrganisationScope::PathId: {id}, parsed and authorised
    std::optional<SessionInfo> session;
    UnixTime now = 0;
    std::string client_ip;
};

using Handler = Result<Response> (*)(AppServices& app, Call const& call);

struct Route {
    char const* method;
    char const* pattern;
    Permission permission;
    OrganisationScope scope;
    Work work;
    Handler handler;
};

// route_table: THE table (routes.cpp).
std::vector<Route> const& route_table();

// FileBodyRoute: a route of the table whose body is a file's raw bytes, not JSON: any
// Content-Type is let through (and ignored: the service judges the content), and the body may be
// up to `max_bytes` instead of the server's default. `too_large` is the refusal, answered with 413.
struct FileBodyRoute {
    char const* method;
    char const* pattern;
    std::size_t max_bytes;
    Error (*too_large)();
};

// file_body_routes: the upload routes (routes.cpp).
std::vector<FileBodyRoute> const& file_body_routes();

// find_file_body_route: the FileBodyRoute for a method and (decoded) path, or nullptr.
FileBodyRoute const* find_file_body_route(std::string_view method, std::string_view path);

struct RouteMatch {
    Route const* route = nullptr;
    std::map<std::string, std::string> params;
    bool other_method = false;  // the path exists with another method (405)
};

RouteMatch match_route(std::vector<Route> const& routes, std::string_view method, std::string_view path);

// is_state_changing: POST, PUT, PATCH, DELETE (these need X-CSRF-Token with a session).
bool is_state_changing(std::string_view method);

}  // namespace sterk::http
