// File: framework_catalog.h
// FrameworkCatalog: the built-in frameworks, serialised to JSON once at start-up (the same JSON
// as `sterklabel framework --json`), so a request only copies a string.
#pragma once

#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk::http {

class FrameworkCatalog {
public:
    static Result<FrameworkCatalog> load_builtin();

    std::vector<std::string> const& versions() const { return m_versions; }
    // json: the serialised framework, or none for an unknown version.
    std::optional<std::string> json(std::string const& version) const;

private:
    std::vector<std::string> m_versions;
    std::map<std::string, std::string> m_json;
};

}  // namespace sterk::http
