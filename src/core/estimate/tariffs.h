// File: tariffs.h
// Tariffs: the audit days per scope-FTE band and audit variant (§2.5, B10) and the certification
// bodies' day rates with their validity dates (B10). Data from the rates file; facts never in code.
#pragma once

#include "core/calendar/date.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// FteBand: fte in (previous band's upper, upper]; "a fractional FTE falls in the first band
// whose upper bound is at or above it" (DOMAIN.md).
struct FteBand {
    std::string label;  // "11-20"
    double upper = 0;
};

// AuditVariant: days per band in tenths of a day (2.5 -> 25), or no figure with the reason.
struct AuditVariant {
    std::string key;  // "ci", "peer", "combi-iso-hkz", "combi-nvvk"
    std::string label;  // Dutch
    std::vector<int> day_tenths;  // one per band; empty when the handbook gives no figure
    std::string on_top_of;  // "iso-hkz" when the days come on top of another audit
    std::string no_figure_note;  // why there is no figure (when day_tenths is empty)
};

struct DayRate {
    std::optional<Date> valid_from;  // none: valid from the start
    long cents = 0;  // excl. BTW
};

struct CertificationBody {
    std::string code;  // "CIIO"
    std::string name;
    std::vector<DayRate> day_rates;  // sorted by valid_from
    std::optional<long> travel_cents_per_km;  // none when travel is included or not charged
    std::string travel_note;  // e.g. "inclusief reistijd en reiskosten"
    long feedback_min_cents = 0;  // self-evaluation feedback
    long feedback_max_cents = 0;
    std::string feedback_terms;  // what the feedback price excludes, as the CI states it (B10)

    // The day rate valid on `on`, or none when no rate had started yet.
    std::optional<DayRate> rate_on(Date on) const;
};

struct Tariffs {
    std::vector<FteBand> bands;
    std::string above_bands_note;  // why there is no figure above the last band
    std::vector<AuditVariant> variants;
    std::vector<CertificationBody> bodies;

    AuditVariant const* find_variant(std::string const& key) const;
    CertificationBody const* find_body(std::string const& code) const;
};

// validate_tariffs: every variant with figures has one per band; bands ascend; rates sorted.
Errors validate_tariffs(Tariffs const& tariffs);

}  // namespace sterk
