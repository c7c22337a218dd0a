// File: plan_json.h
// The JSON of the improvement plan: the stored text forms (JsonPlanCodec) and the API's shapes
// of the plan, its items, assessments and rounds (api/openapi.json, tag "plans").
#pragma once

#include "core/services/plan_service.h"

#include <nlohmann/json.hpp>

namespace sterk {

class JsonPlanCodec final : public PlanCodec {
public:
    std::string encode_item(PlanItem const& item) const override;
    Result<PlanItem> decode_item(std::string const& norm, std::string const& text) const override;
    std::string encode_round(std::vector<PlanRoundItem> const& items) const override;
    Result<std::vector<PlanRoundItem>> decode_round(std::string const& text) const override;
};

// The `updated_at` of items and assessments as ISO 8601 is left to the API's convention: seconds.
nlohmann::ordered_json plan_item_to_json(PlanItemView const& item);
nlohmann::ordered_json plan_assessment_to_json(PlanAssessmentView const& assessment);
nlohmann::ordered_json plan_to_json(PlanView const& plan);

}  // namespace sterk
