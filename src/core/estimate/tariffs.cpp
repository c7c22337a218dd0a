#include "core/estimate/tariffs.h"

#include "core/ascii.h"

namespace sterk {

std::optional<DayRate> CertificationBody::rate_on(Date on) const
{
    std::optional<DayRate> current;
    for (auto const& rate : day_rates) {
        if (!rate.valid_from || *rate.valid_from <= on) {
            current = rate;
        }
    }
    return current;
}

AuditVariant const* Tariffs::find_variant(std::string const& key) const
{
    for (auto const& variant : variants) {
        if (variant.key == key) {
            return &variant;
        }
    }
    return nullptr;
}

CertificationBody const* Tariffs::find_body(std::string const& code) const
{
    // Codes are matched without regard to case: "ciio" on the command line is CIIO.
    std::string const wanted = ascii_lower(code);
    for (auto const& body : bodies) {
        if (ascii_lower(body.code) == wanted) {
            return &body;
        }
    }
    return nullptr;
}

Errors validate_tariffs(Tariffs const& tariffs)
{
    Errors errors;
    if (tariffs.bands.empty()) {
        errors.push_back(Error::invalid("bands", "bands: geen fte-klassen"));
    }
    for (size_t i = 1; i < tariffs.bands.size(); ++i) {
        if (tariffs.bands[i].upper <= tariffs.bands[i - 1].upper) {
            errors.push_back(Error::invalid("bands", "bands: klasse " + tariffs.bands[i].label + " moet boven " +
                                                         tariffs.bands[i - 1].label + " liggen"));
        }
    }
    for (auto const& variant : tariffs.variants) {
        if (variant.day_tenths.empty() && variant.no_figure_note.empty()) {
            errors.push_back(Error::invalid("variants." + variant.key,
                                            "variant " + variant.key + ": geen dagen en geen toelichting waarom"));
        }
        if (!variant.day_tenths.empty() && variant.day_tenths.size() != tariffs.bands.size()) {
            errors.push_back(Error::invalid("variants." + variant.key,
                                            "variant " + variant.key + ": " + std::to_string(variant.day_tenths.size()) +
                                                " dagwaarden voor " + std::to_string(tariffs.bands.size()) + " klassen"));
        }
    }
    for (auto const& body : tariffs.bodies) {
        if (body.day_rates.empty()) {
            errors.push_back(Error::invalid("bodies." + body.code, "CI " + body.code + ": geen dagtarief"));
        }
        for (size_t i = 1; i < body.day_rates.size(); ++i) {
            auto const& prev = body.day_rates[i - 1].valid_from;
            auto const& next = body.day_rates[i].valid_from;
            if (!next || (prev && *next <= *prev)) {
                errors.push_back(Error::invalid("bodies." + body.code,
                                                "CI " + body.code + ": dagtarieven niet op volgorde van ingangsdatum"));
            }
        }
    }
    return errors;
}

}  // namespace sterk
