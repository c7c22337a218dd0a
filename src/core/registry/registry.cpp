#include "core/registry/registry.h"

#include "core/services/account_rules.h"

#include <cctype>

namespace sterk {

namespace {

bool is_kvk(std::string const& text)
{
    if (text.size() != 8) {
        return false;
    }
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

void check_common(Errors& errors, Organisation const& organisation, std::string const& kvk)
{
    if (organisation.name.empty()) {
        errors.push_back(Error::invalid("name", "Vul de naam in."));
    }
    if (!is_kvk(kvk)) {
        errors.push_back(Error::invalid("kvk", "Een KvK-nummer heeft 8 cijfers."));
    }
    if (organisation.city.empty()) {
        errors.push_back(Error::invalid("town", "Vul de plaats in."));
    }
    if (!organisation.email.empty()) {
        if (auto const checked = validate_email(organisation.email, "email"); !checked) {
            errors.push_back(checked.error());
        }
    }
}

}  // namespace

Status membership_active(MemberProfile const& member, Date on)
{
    if (!member.member_from || on < *member.member_from) {
        return Error::precondition(member.member_from ? "Het lidmaatschap begint pas op " + member.member_from->iso() + "."
                                                      : "Er is geen lidmaatschap geregistreerd.");
    }
    if (member.member_until && on > *member.member_until) {
        return Error::precondition("Het lidmaatschap is geëindigd op " + member.member_until->iso() + ".");
    }
    return ok_status();
}

std::vector<std::string> ci_lapsed_conditions(CiProfile const& ci, Date on)
{
    std::vector<std::string> reasons;
    if (!is_kvk(ci.kvk)) {
        reasons.push_back("geen inschrijving bij de KvK geregistreerd");
    }
    bool const iso = ci.iso17021_ea38_until && on <= *ci.iso17021_ea38_until;
    bool const hkz = ci.hkz_welzijn_until && on <= *ci.hkz_welzijn_until;
    if (!iso && !hkz) {
        reasons.push_back("geen geldige accreditatie (ISO 17021 voor EA-code 38 of het HKZ-schema Welzijn)");
    }
    if (!ci.insured_until || on > *ci.insured_until) {
        reasons.push_back("geen geldige verzekering");
    }
    if (!ci.complaints_procedure) {
        reasons.push_back("geen klachtenprocedure");
    }
    return reasons;
}

std::vector<std::string> ci_expiry_warnings(CiProfile const& ci, Date on, int days)
{
    std::vector<std::string> warnings;
    auto const check = [&](std::optional<Date> const& until, std::string const& what) {
        if (!until || *until < on || until->days_since_epoch() - on.days_since_epoch() >= days) {
            return;
        }
        // The condition holds through `until`: it lapses the day after.
        int const left = until->days_since_epoch() - on.days_since_epoch() + 1;
        warnings.push_back(what + " verloopt over " + std::to_string(left) + (left == 1 ? " dag" : " dagen") +
                           ": geldig tot en met " + until->iso() + ".");
    };
    check(ci.iso17021_ea38_until, "De accreditatie ISO 17021 (EA-code 38)");
    check(ci.hkz_welzijn_until, "Het HKZ-schema Welzijn");
    check(ci.insured_until, "De verzekering");
    return warnings;
}

Errors validate_member(Organisation const& organisation, MemberProfile const& profile)
{
    Errors errors;
    check_common(errors, organisation, profile.kvk);
    if (organisation.lidnummer.empty()) {
        errors.push_back(Error::invalid("lidnummer", "Vul het lidnummer in."));
    }
    if (!profile.member_from) {
        errors.push_back(Error::invalid("member_from", "Vul de datum in waarop het lidmaatschap begon."));
    }
    if (profile.member_from && profile.member_until && *profile.member_until < *profile.member_from) {
        errors.push_back(Error::invalid("member_until", "Het lidmaatschap kan niet eindigen vóór het begint."));
    }
    return errors;
}

Errors validate_ci(Organisation const& organisation, CiProfile const& profile)
{
    Errors errors;
    check_common(errors, organisation, profile.kvk);
    if (!profile.iso17021_ea38_until && !profile.hkz_welzijn_until) {
        errors.push_back(Error::invalid("iso17021_ea38_until",
                                        "Vul de einddatum in van de ISO 17021-accreditatie (EA 38) of van het HKZ-schema Welzijn."));
    }
    return errors;
}

}  // namespace sterk
