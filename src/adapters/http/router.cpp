#include "adapters/http/router.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace sterk::http {

namespace {

// Params: a pattern's "{name}" segments as found in the path (views into both; copied on a match).
using Params = std::vector<std::pair<std::string_view, std::string_view>>;

// match_pattern: segment by segment without splitting or allocating (every request tries the
// table's routes in order, so this is the router's hot loop).
bool match_pattern(std::string_view pattern, std::string_view path, Params& found)
{
    found.clear();
    while (true) {
        auto const pattern_end = pattern.find('/');
        auto const path_end = path.find('/');
        std::string_view const part = pattern.substr(0, pattern_end);
        std::string_view const segment = path.substr(0, path_end);
        // "{name}" takes the whole segment; "{name}.ics" the segment without its fixed suffix.
        if (auto const close = part.find('}'); part.size() > 2 && part.front() == '{' && close != std::string_view::npos) {
            std::string_view const suffix = part.substr(close + 1);
            if (segment.size() <= suffix.size() || segment.substr(segment.size() - suffix.size()) != suffix) {
                return false;
            }
            found.emplace_back(part.substr(1, close - 1), segment.substr(0, segment.size() - suffix.size()));
        } else if (part != segment) {
            return false;
        }
        if (pattern_end == std::string_view::npos || path_end == std::string_view::npos) {
            return pattern_end == path_end;
        }
        pattern.remove_prefix(pattern_end + 1);
        path.remove_prefix(path_end + 1);
    }
}

std::map<std::string, std::string> to_map(Params const& found)
{
    std::map<std::string, std::string> params;
    for (auto const& [name, value] : found) {
        params[std::string{name}] = std::string{value};
    }
    return params;
}

// Shape: a pattern as a view and its number of segments, counted once per table (per thread, so
// without a lock): a path is only compared with the patterns of its own length.
struct Shape {
    std::string_view pattern;
    std::size_t segments = 0;
};

std::size_t segment_count(std::string_view path)
{
    return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) + 1;
}

std::vector<Shape> const& shapes_of(std::vector<Route> const& routes)
{
    thread_local std::vector<Route> const* table = nullptr;
    thread_local std::vector<Shape> shapes;
    if (table != &routes || shapes.size() != routes.size()) {
        shapes.clear();
        for (auto const& route : routes) {
            shapes.push_back({route.pattern, segment_count(route.pattern)});
        }
        table = &routes;
    }
    return shapes;
}

}  // namespace

RouteMatch match_route(std::vector<Route> const& routes, std::string_view method, std::string_view path)
{
    RouteMatch result;
    Params found;
    auto const& shapes = shapes_of(routes);
    std::size_t const segments = segment_count(path);
    for (std::size_t i = 0; i < routes.size(); ++i) {
        auto const& route = routes[i];
        if (shapes[i].segments != segments || !match_pattern(shapes[i].pattern, path, found)) {
            continue;
        }
        if (method != route.method) {
            result.other_method = true;
            continue;
        }
        result.route = &route;
        result.params = to_map(found);
        return result;
    }
    return result;
}

FileBodyRoute const* find_file_body_route(std::string_view method, std::string_view path)
{
    Params found;
    for (auto const& route : file_body_routes()) {
        if (method == route.method && match_pattern(route.pattern, path, found)) {
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
