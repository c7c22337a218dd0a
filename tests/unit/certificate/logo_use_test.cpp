// The logo's use (core/certificate/logo_use): only while the certificate is valid, with the year
// of certification; from the expiry or the withdrawal a refusal that names the day.
#include "core/certificate/logo_use.h"
#include "adapters/config/data_files.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

// The procedure's periods (suspension window, reminders) as the framework file sets them.
ProcedureSettings const& procedure()
{
    static NormFramework const fw = *load_builtin_framework("2019");
    return fw.procedure;
}

Certificate issued_on(Date day)
{
    CertificateTerm const term{day, day, day.add_months(24).add_days(-1), day.add_months(24)};
    return issue_certificate({7, "Stichting WijkKracht", "Utrecht", "12345678", "SWN-1001", "Jongerenwerk", 3}, day,
                             term, 1)
        .value();
}

TEST(LogoUse, AValidCertificateGivesTheLogoWithTheYearOfCertification)
{
    auto const c = issued_on(Date::from_ymd(2025, 11, 20));
    auto const logo = logo_for(c, live_status(procedure(), c, Date::from_ymd(2026, 6, 1)));
    ASSERT_TRUE(logo.ok());
    EXPECT_EQ(logo->year, 2025);
    EXPECT_EQ(logo->number, c.number);
    EXPECT_EQ(logo->caption, "Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd 2025");
}

TEST(LogoUse, FromTheExpiryWithoutRenewalTheLogoMayNoLongerBeUsed)
{
    auto const c = issued_on(Date::from_ymd(2025, 11, 20));
    auto const logo = logo_for(c, live_status(procedure(), c, Date::from_ymd(2027, 11, 21)));
    ASSERT_FALSE(logo.ok());
    EXPECT_EQ(logo.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(logo.error().message.find("vervallen sinds zaterdag 20 november 2027"), std::string::npos)
        << logo.error().message;
}

TEST(LogoUse, ASuspendedCertificateRefusesFromItsExpiry)
{
    auto c = issued_on(Date::from_ymd(2025, 11, 20));
    c.renewal.accepted_on = Date::from_ymd(2027, 9, 1);
    auto const live = live_status(procedure(), c, Date::from_ymd(2027, 12, 1));
    ASSERT_EQ(live.status, CertificateStatus::Suspended);
    auto const logo = logo_for(c, live);
    ASSERT_FALSE(logo.ok());
    EXPECT_NE(logo.error().message.find("geschorst sinds zaterdag 20 november 2027"), std::string::npos)
        << logo.error().message;
}

TEST(LogoUse, AWithdrawnOrSupersededCertificateRefusesAndNamesWhatToDo)
{
    auto const c = issued_on(Date::from_ymd(2025, 11, 20));
    auto const withdrawn = withdraw_certificate(c, Date::from_ymd(2026, 2, 3), "Misbruik van het logo").value();
    auto const refused = logo_for(withdrawn, live_status(procedure(), withdrawn, Date::from_ymd(2026, 2, 4)));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("ingetrokken sinds dinsdag 3 februari 2026"), std::string::npos)
        << refused.error().message;

    auto const reissue =
        reissue_certificate(c, Correction{std::nullopt, std::string{"Jongerenwerk en buurtwerk"}, {}, {}, {}, "Scope"},
                            Date::from_ymd(2026, 1, 5), 2)
            .value();
    auto const old = logo_for(reissue.superseded,
                              live_status(procedure(), reissue.superseded, Date::from_ymd(2026, 1, 6)));
    ASSERT_FALSE(old.ok());
    EXPECT_NE(old.error().message.find("vervangen door " + reissue.replacement.number), std::string::npos);
    auto const replacement = logo_for(
        reissue.replacement, live_status(procedure(), reissue.replacement, Date::from_ymd(2026, 1, 6)));
    ASSERT_TRUE(replacement.ok());
    EXPECT_EQ(replacement->year, 2025) << "the reissue keeps the dates, so the year of certification";
}

}  // namespace
}  // namespace sterk
