#include "core/estimate/estimate.h"

#include "core/text.h"

#include <cmath>
#include <cstdlib>

namespace sterk {

namespace {

std::optional<double> parse_decimal(std::string_view text)
{
    std::string normalised(text);
    for (auto& c : normalised) {
        c = c == ',' ? '.' : c;
    }
    if (normalised.empty() || normalised.size() > 32) {
        return std::nullopt;
    }
    for (size_t i = 0; i < normalised.size(); ++i) {
        char const c = normalised[i];
        bool const sign = i == 0 && c == '-';
        if ((c < '0' || c > '9') && c != '.' && !sign) {
            return std::nullopt;
        }
    }
    char* end = nullptr;
    double const value = std::strtod(normalised.c_str(), &end);
    if (end != normalised.c_str() + normalised.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

Result<double> parse_fte(std::string_view text, std::string const& field)
{
    auto const value = parse_decimal(text);
    if (!value) {
        return Error::invalid(field, "'" + std::string(text) + "' is geen getal; geef het aantal fte, bijv. 12,5");
    }
    if (*value <= 0) {
        return Error::invalid(field, "het aantal fte moet groter dan 0 zijn");
    }
    return *value;
}

Result<double> parse_group_fte(std::string_view text, std::string const& field)
{
    auto const value = parse_decimal(text);
    if (!value) {
        return Error::invalid(field, "'" + std::string(text) + "' is geen getal; geef het aantal fte, bijv. 12,5");
    }
    if (*value < 0) {
        return Error::invalid(field, "het aantal fte mag niet negatief zijn");
    }
    return *value;
}

Result<double> parse_distance(std::string_view text, std::string const& field)
{
    auto const value = parse_decimal(text);
    if (!value) {
        return Error::invalid(field, "'" + std::string(text) + "' is geen getal; geef het aantal kilometers");
    }
    if (*value < 0) {
        return Error::invalid(field, "het aantal kilometers mag niet negatief zijn");
    }
    return *value;
}

Result<Estimate> estimate(Tariffs const& tariffs, EstimateRequest const& request)
{
    if (!(request.fte > 0) || !std::isfinite(request.fte)) {
        return Error::invalid("fte", "het aantal fte moet groter dan 0 zijn");
    }
    auto const* variant = tariffs.find_variant(request.variant);
    if (variant == nullptr) {
        std::vector<std::string> known;
        for (auto const& v : tariffs.variants) {
            known.push_back(v.key);
        }
        return Error::invalid("variant",
                              "onbekende toetsingsvariant '" + request.variant + "'; kies uit " + join(known));
    }
    CertificationBody const* body = nullptr;
    if (request.ci) {
        body = tariffs.find_body(*request.ci);
        if (body == nullptr) {
            std::vector<std::string> known;
            for (auto const& b : tariffs.bodies) {
                known.push_back(b.code);
            }
            return Error::invalid("ci",
                                  "onbekende certificerende instelling '" + *request.ci + "'; kies uit " + join(known));
        }
    }
    if (request.km && (*request.km < 0 || !std::isfinite(*request.km))) {
        return Error::invalid("km", "het aantal kilometers mag niet negatief zijn");
    }

    Estimate result;
    result.fte = request.fte;
    result.variant = variant->key;
    result.on_top_of = variant->on_top_of;
    if (body != nullptr) {
        result.ci = body->code;
        result.feedback_min_cents = body->feedback_min_cents;
        result.feedback_max_cents = body->feedback_max_cents;
        result.feedback_terms = body->feedback_terms;
    }
    size_t band_index = tariffs.bands.size();
    for (size_t i = 0; i < tariffs.bands.size(); ++i) {
        if (request.fte <= tariffs.bands[i].upper) {
            band_index = i;
            break;
        }
    }
    if (band_index == tariffs.bands.size()) {
        result.note = tariffs.above_bands_note;
        return result;
    }
    result.band = tariffs.bands[band_index].label;
    if (variant->day_tenths.empty()) {
        result.note = variant->no_figure_note;
        return result;
    }
    result.day_tenths = variant->day_tenths[band_index];
    if (body == nullptr) {
        return result;
    }
    auto const rate = body->rate_on(request.on);
    if (!rate) {
        return Error::invalid("on", "CI " + body->code + " heeft geen dagtarief geldig op " + request.on.iso());
    }
    result.day_rate_cents = rate->cents;
    long cost = *result.day_tenths * rate->cents / 10;
    result.travel_note = body->travel_note;
    if (body->travel_cents_per_km && request.km) {
        long const travel = std::lround(*request.km * static_cast<double>(*body->travel_cents_per_km));
        result.travel_cents = travel;
        cost += travel;
    } else if (body->travel_cents_per_km) {
        // Without the distance the travel cost is unknown, not zero: say how it is charged.
        result.travel_note = "plus reiskosten " + format_euro(*body->travel_cents_per_km) + " per km";
    }
    result.cost_cents = cost;
    return result;
}

std::string format_tenths(int tenths)
{
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string format_euro(long cents)
{
    std::string whole = std::to_string(cents / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
        whole.insert(static_cast<size_t>(i), ".");
    }
    long const rest = cents % 100;
    return "€ " + whole + "," + (rest < 10 ? "0" : "") + std::to_string(rest);
}

}  // namespace sterk
