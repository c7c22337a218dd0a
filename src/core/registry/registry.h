// File: registry.h
// The secretariat's registries (DOMAIN.md "CIs and auditors", B5 A, B6 §2): a member's profile
// with its membership period, and a certification body's (CI) conditions. Only an active member
// can request an audit; a CI whose conditions have lapsed cannot be chosen, and the reasons say
// which. Pure: the date is passed in.
//
// Example:
//   if (auto reasons = ci_lapsed_conditions(ci, today); !reasons.empty()) { ... show them ... }
#pragma once

#include "core/calendar/date.h"
#include "core/ports/records.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// MemberProfile: what the registry keeps beside the organisation's name, lidnummer, town,
// e-mail and website.
struct MemberProfile {
    Id organisation_id = 0;
    std::string kvk;  // Chamber of Commerce number: 8 digits
    std::string address;  // street and number
    std::string postcode;
    std::string contact_person;
    std::string phone;
    std::optional<Date> member_from;
    std::optional<Date> member_until;  // none: open-ended
};

// CiProfile: the conditions under which a CI may audit on the label (B5 A, B6 §2).
struct CiProfile {
    Id organisation_id = 0;
    std::string kvk;
    std::string address;
    std::string postcode;
    std::string phone;
    std::optional<Date> iso17021_ea38_until;  // ISO 17021 accreditation for EA code 38
    std::optional<Date> hkz_welzijn_until;  // HKZ Welzijn scheme
    std::optional<Date> insured_until;
    bool complaints_procedure = false;
    bool framework_contract = false;  // with Sociaal Werk Nederland; without it every auditor signs B9
    std::string tariff_code;  // its rates in frameworks/tariffs.yaml, e.g. "CIIO"; empty: none on file
};

// membership_active: ok, or FailedPrecondition saying since or until when it is not.
Status membership_active(MemberProfile const& member, Date on);

// ci_lapsed_conditions: every condition the CI does not meet on `on`, in Dutch; empty: eligible.
std::vector<std::string> ci_lapsed_conditions(CiProfile const& ci, Date on);

// CI_EXPIRY_WARNING_DAYS: how far ahead a CI is warned that a dated condition ends. The handbook
// names no period; two months leave time to renew an accreditation or a policy.
constexpr int CI_EXPIRY_WARNING_DAYS = 60;

// ci_expiry_warnings: each dated condition (accreditation, HKZ scheme, insurance) that still holds
// on `on` but ends within `days`, in Dutch ("De accreditatie ISO 17021 (EA 38) verloopt over 30
// dagen, op 2026-05-01."); the condition holds through its "until" day.
std::vector<std::string> ci_expiry_warnings(CiProfile const& ci, Date on, int days);

// validate_member / validate_ci: every field error at once (field names as in the API).
Errors validate_member(Organisation const& organisation, MemberProfile const& profile);
Errors validate_ci(Organisation const& organisation, CiProfile const& profile);

}  // namespace sterk
