#include "adapters/http/router.h"

namespace sterk::http {

namespace {

bool match_pattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params)
{
    auto const want = split_path(pattern);
    auto const have = split_path(path);
    if (want.size() != have.size()) {
        return false;
    }
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        std::string_view const part = want[i];
        // "{name}" takes the whole segment; "{name}.ics" the segment without its fixed suffix.
        if (auto const close = part.find('}'); part.size() > 2 && part.front() == '{' && close != std::string_view::npos) {
            std::string_view const suffix = part.substr(close + 1);
            std::string_view const segment = have[i];
            if (segment.size() <= suffix.size() || segment.substr(segment.size() - suffix.size()) != suffix) {
                return false;
            }
            found[std::string{part.substr(1, close - 1)}] = std::string{segment.substr(0, segment.size() - suffix.size())};
            continue;
        }
        if (part != have[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

RouteMatch match_route(std::vector<Route> const& routes, std::string_view method, std::string_view path)
{
    RouteMatch result;
    for (auto const& route : routes) {
        std::map<std::string, std::string> params;
        if (!match_pattern(route.pattern, path, params)) {
            continue;
        }
        if (method != route.method) {
            result.other_method = true;
            continue;
        }
        result.route = &route;
        result.params = std::move(params);
        return result;
    }
    return result;
}

FileBodyRoute const* find_file_body_route(std::string_view method, std::string_view path)
{
    for (auto const& route : file_body_routes()) {
        std::map<std::string, std::string> params;
        if (method == route.method && match_pattern(route.pattern, path, params)) {
            return &route;
        }
    }
    return nullptr;
}

bool is_state_changing(std::string_view method)
{
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace sterk::http
