// The registry's rules: an active membership, a CI's conditions, and field validation.
#include "core/registry/registry.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

Date d(int y, int m, int day)
{
    return Date::from_ymd(y, m, day);
}

CiProfile eligible_ci()
{
    CiProfile ci;
    ci.kvk = "32145678";
    ci.iso17021_ea38_until = d(2027, 6, 30);
    ci.insured_until = d(2027, 1, 1);
    ci.complaints_procedure = true;
    return ci;
}

TEST(Registry, MembershipIsActiveFromItsStartThroughItsEnd)
{
    MemberProfile m;
    EXPECT_EQ(membership_active(m, d(2026, 1, 1)).error().message, "Er is geen lidmaatschap geregistreerd.");
    m.member_from = d(2026, 2, 1);
    EXPECT_EQ(membership_active(m, d(2026, 1, 31)).error().message, "Het lidmaatschap begint pas op 2026-02-01.");
    EXPECT_TRUE(membership_active(m, d(2026, 2, 1)).ok());
    m.member_until = d(2026, 12, 31);
    EXPECT_TRUE(membership_active(m, d(2026, 12, 31)).ok());
    EXPECT_EQ(membership_active(m, d(2027, 1, 1)).error().message, "Het lidmaatschap is geëindigd op 2026-12-31.");
}

TEST(Registry, ACiWhoseConditionsLapseCannotBeChosenAndSaysWhy)
{
    EXPECT_TRUE(ci_lapsed_conditions(eligible_ci(), d(2026, 12, 31)).empty());
    // Insurance ends first: from the day after, that is the one reason.
    EXPECT_EQ(ci_lapsed_conditions(eligible_ci(), d(2027, 1, 2)), std::vector<std::string>{"geen geldige verzekering"});
    // Either accreditation will do: HKZ Welzijn keeps it eligible after ISO 17021 ends.
    auto ci = eligible_ci();
    ci.insured_until = d(2030, 1, 1);
    ci.hkz_welzijn_until = d(2028, 1, 1);
    EXPECT_TRUE(ci_lapsed_conditions(ci, d(2027, 9, 1)).empty());
    EXPECT_EQ(ci_lapsed_conditions(ci, d(2028, 1, 2)),
              std::vector<std::string>{"geen geldige accreditatie (ISO 17021 voor EA-code 38 of het HKZ-schema Welzijn)"});
    CiProfile empty;
    EXPECT_EQ(ci_lapsed_conditions(empty, d(2026, 1, 1)).size(), 4u);
}

TEST(Registry, ACiIsWarnedBeforeADatedConditionEnds)
{
    // Insured through 2027-01-01: on 2026-12-03 it ends in 30 days (it lapses on 2027-01-02).
    EXPECT_EQ(ci_expiry_warnings(eligible_ci(), d(2026, 12, 3), 60),
              std::vector<std::string>{"De verzekering verloopt over 30 dagen: geldig tot en met 2027-01-01."});
    EXPECT_EQ(ci_expiry_warnings(eligible_ci(), d(2027, 1, 1), 60),
              std::vector<std::string>{"De verzekering verloopt over 1 dag: geldig tot en met 2027-01-01."});
    // Further away than the warning period, or already ended (that is a lapse, not a warning): none.
    EXPECT_TRUE(ci_expiry_warnings(eligible_ci(), d(2026, 11, 2), 60).empty());
    EXPECT_TRUE(ci_expiry_warnings(eligible_ci(), d(2027, 1, 2), 60).size() == 0u);
    EXPECT_EQ(ci_expiry_warnings(eligible_ci(), d(2026, 11, 3), 60).size(), 1u);
    auto ci = eligible_ci();
    ci.insured_until = d(2030, 1, 1);
    EXPECT_EQ(ci_expiry_warnings(ci, d(2027, 6, 1), 60),
              std::vector<std::string>{"De accreditatie ISO 17021 (EA-code 38) verloopt over 30 dagen: geldig tot en met 2027-06-30."});
}

TEST(Registry, EveryFieldErrorIsReportedAtOnce)
{
    Organisation o;
    o.kind = OrganisationKind::Member;
    o.email = "geen-email";
    MemberProfile p;
    p.kvk = "1234";
    p.member_from = d(2026, 5, 1);
    p.member_until = d(2026, 4, 1);
    auto const errors = validate_member(o, p);
    std::vector<std::string> fields;
    for (auto const& e : errors) {
        fields.push_back(e.field);
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "kvk", "town", "email", "lidnummer", "member_until"}));
    o.name = "Stichting WijkKracht";
    o.city = "Utrecht";
    o.email = "info@wijkkracht.example";
    o.lidnummer = "SWN-1001";
    p.kvk = "41178322";
    p.member_until.reset();
    EXPECT_TRUE(validate_member(o, p).empty());
    EXPECT_EQ(validate_ci(o, CiProfile{}).back().field, "iso17021_ea38_until");
}

}  // namespace
}  // namespace sterk
