// File: estimate.h
// The estimate of an audit: scope FTE -> band -> days for the variant -> cost at the CI's day
// rate valid on a date (DOMAIN.md "Audit variants, days and cost"). Costs exclude BTW.
#pragma once

#include "core/estimate/tariffs.h"

#include <optional>
#include <string>
#include <string_view>

namespace sterk {

struct EstimateRequest {
    double fte = 0;
    std::string variant;
    std::optional<std::string> ci;  // certification body code
    Date on = Date::from_ymd(2000, 1, 1);  // the date whose rates apply
    std::optional<double> km;  // travel distance, for a CI that charges travel; unknown when absent
};

struct Estimate {
    double fte = 0;
    std::optional<std::string> band;
    std::string variant;
    std::optional<int> day_tenths;
    std::string on_top_of;  // empty unless the days come on top of another audit
    std::string note;  // non-empty when there is no figure
    std::optional<long> cost_cents;
    std::optional<long> day_rate_cents;
    std::optional<long> travel_cents;
    std::string ci;
    // How travel is charged when it is not in the cost: included in the day rate, or per km on top
    // ("plus reiskosten € 0,45 per km") when the distance is not known.
    std::string travel_note;
    // The CI's price for feedback on a self-evaluation (B10), shown alongside the audit cost.
    std::optional<long> feedback_min_cents;
    std::optional<long> feedback_max_cents;
    std::string feedback_terms;  // "excl. btw en reiskosten"
};

// parse_positive_number: "10", "10.5" or "10,5" (Dutch decimal comma) > 0; the error names `field`.
Result<double> parse_fte(std::string_view text, std::string const& field);
// parse_group_fte: the FTE of one scope group, a number >= 0 ("0" for a group without anyone).
Result<double> parse_group_fte(std::string_view text, std::string const& field);
// parse_distance: a number >= 0.
Result<double> parse_distance(std::string_view text, std::string const& field);

// estimate: errors name the request field ("variant", "ci") when it is unknown.
Result<Estimate> estimate(Tariffs const& tariffs, EstimateRequest const& request);

std::string format_tenths(int tenths);  // 25 -> "2.5", 30 -> "3.0"
std::string format_euro(long cents);  // 293750 -> "€ 2.937,50"

}  // namespace sterk
