#include "adapters/http/web_root.h"

#include <system_error>

namespace sterk::http {

std::vector<std::filesystem::path> web_root_candidates(std::filesystem::path const& executable)
{
    std::filesystem::path const dir = executable.parent_path();
    return {
        dir / "web",
        (dir / ".." / "share" / "sterklabel" / "web").lexically_normal(),
        (dir / ".." / "web" / "dist").lexically_normal(),
    };
}

std::optional<std::filesystem::path> find_web_root(std::vector<std::filesystem::path> const& candidates)
{
    for (auto const& candidate : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate / "index.html", ec)) {
            return candidate;
        }
    }
    return std::nullopt;
}

}  // namespace sterk::http
