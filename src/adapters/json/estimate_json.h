// File: estimate_json.h
// The JSON shape of an estimate, shared by `sterklabel estimate --json` and GET /api/v1/estimate:
// {"fte","band","variant","days","on_top_of","note","ci","day_rate_eur","travel_eur","travel_note",
//  "cost_eur","self_evaluation_feedback_eur"}.
#pragma once

#include "core/estimate/estimate.h"

#include <nlohmann/json.hpp>

namespace sterk {

nlohmann::json estimate_to_json(Estimate const& e);

}  // namespace sterk
