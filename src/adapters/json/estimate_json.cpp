#include "adapters/json/estimate_json.h"

namespace sterk {

nlohmann::json estimate_to_json(Estimate const& e)
{
    auto const optional_string = [](std::optional<std::string> const& s) {
        return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
    };
    auto const euros = [](std::optional<long> cents) {
        return cents ? nlohmann::json(static_cast<double>(*cents) / 100.0) : nlohmann::json(nullptr);
    };
    return {{"fte", e.fte},
            {"band", optional_string(e.band)},
            {"variant", e.variant},
            {"days", e.day_tenths ? nlohmann::json(*e.day_tenths / 10.0) : nlohmann::json(nullptr)},
            {"on_top_of", e.on_top_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.on_top_of)},
            {"note", e.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.note)},
            {"ci", e.ci.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.ci)},
            {"day_rate_eur", euros(e.day_rate_cents)},
            {"travel_eur", euros(e.travel_cents)},
            {"travel_note", e.travel_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.travel_note)},
            {"cost_eur", euros(e.cost_cents)},
            {"self_evaluation_feedback_eur",
             e.feedback_min_cents ? nlohmann::json{{"min", euros(e.feedback_min_cents)}, {"max", euros(e.feedback_max_cents)},
                                                   {"terms", e.feedback_terms}}
                                  : nlohmann::json(nullptr)}};
}

}  // namespace sterk
