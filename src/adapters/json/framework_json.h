// File: framework_json.h
// The JSON shape of a framework, shared by `sterklabel framework --json` and
// GET /api/v1/frameworks/{version}: {"version","title","rubrics":[...],"norms":[...], ...}.
#pragma once

#include "core/norms/framework.h"

#include <nlohmann/json.hpp>

namespace sterk {

nlohmann::json framework_to_json(NormFramework const& framework);

}  // namespace sterk
