#include "adapters/http/framework_catalog.h"

#include "adapters/config/data_files.h"
#include "adapters/json/framework_json.h"

namespace sterk::http {

Result<FrameworkCatalog> FrameworkCatalog::load_builtin()
{
    FrameworkCatalog catalog;
    catalog.m_versions = builtin_framework_versions();
    for (auto const& version : catalog.m_versions) {
        auto framework = TRY(load_builtin_framework(version));
        catalog.m_json[version] =
            framework_to_json(framework).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return catalog;
}

std::optional<std::string> FrameworkCatalog::json(std::string const& version) const
{
    auto const found = m_json.find(version);
    if (found == m_json.end()) {
        return std::nullopt;
    }
    return found->second;
}

}  // namespace sterk::http
