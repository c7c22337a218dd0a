// The certificate's part of the daily job (core/certificate/certificate_lifecycle.h): reminders
// before expiry (one, the latest due; none once a re-certification was accepted), the two-week
// notice with what will happen, suspension and lapse, each under a key applied once.
#include "adapters/config/data_files.h"
#include "core/certificate/certificate_lifecycle.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

ProcedureSettings const& procedure()
{
    static NormFramework const fw = *load_builtin_framework("2019");
    return fw.procedure;
}

Date const EXPIRES = Date::from_ymd(2027, 6, 1);

Certificate certificate()
{
    CertificateTerm const term{Date::from_ymd(2025, 6, 1), Date::from_ymd(2025, 6, 1), Date::from_ymd(2027, 5, 31),
                               EXPIRES};
    return issue_certificate({7, "Welzijn Samen", "Zwolle", "05067342", "SWN-1002", "Het hele lid", 3},
                             Date::from_ymd(2025, 6, 1), term, 12)
        .value();
}

std::vector<std::string> keys(std::vector<CertificateEffect> const& effects)
{
    std::vector<std::string> out;
    for (auto const& e : effects) {
        out.push_back(e.key);
    }
    return out;
}

}  // namespace

TEST(CertificateLifecycle, NothingIsDueLongBeforeExpiry)
{
    EXPECT_TRUE(certificate_effects(procedure(), {certificate()}, Date::from_ymd(2026, 6, 1), {}).empty());
}

TEST(CertificateLifecycle, RemindsOnceAtEachReminderDayAndOnlyTheLatestWhenRunLate)
{
    auto const reminders = reminder_dates(procedure(), EXPIRES);
    ASSERT_EQ(reminders.size(), 3u);  // 6 months, 3 months, 6 weeks
    auto const first = certificate_effects(procedure(), {certificate()}, reminders[0], {});
    EXPECT_EQ(keys(first), std::vector<std::string>{"certificate-reminder:SSW-2025-0012:" + reminders[0].iso()});
    EXPECT_EQ(first.front().kind, CertificateEffectKind::Reminder);
    // Applied: the next day brings nothing new.
    std::set<std::string> applied{first.front().key};
    EXPECT_TRUE(certificate_effects(procedure(), {certificate()}, reminders[0].add_days(1), applied).empty());
    // A job that did not run for months sends the latest reminder only.
    auto const late = certificate_effects(procedure(), {certificate()}, reminders[2].add_days(1), {});
    EXPECT_EQ(keys(late), std::vector<std::string>{"certificate-reminder:SSW-2025-0012:" + reminders[2].iso()});
}

TEST(CertificateLifecycle, NoRemindersOnceARecertificationWasAccepted)
{
    auto renewing = certificate();
    renewing.renewal.accepted_on = reminder_dates(procedure(), EXPIRES)[0].add_days(-1);
    EXPECT_TRUE(certificate_effects(procedure(), {renewing}, reminder_dates(procedure(), EXPIRES)[1], {}).empty());
}

TEST(CertificateLifecycle, TheNoticeTwoWeeksBeforeSaysWhatWillHappen)
{
    Date const notice = expiry_notice_date(procedure(), EXPIRES);
    std::set<std::string> reminded;
    for (auto const day : reminder_dates(procedure(), EXPIRES)) {
        reminded.insert("certificate-reminder:SSW-2025-0012:" + day.iso());
    }
    auto const lapsing = certificate_effects(procedure(), {certificate()}, notice, reminded);
    ASSERT_EQ(keys(lapsing), std::vector<std::string>{"certificate-notice:SSW-2025-0012:2027-06-01"});
    EXPECT_EQ(lapsing.front().outcome.status, CertificateStatus::Lapsed);
    auto renewing = certificate();
    renewing.renewal.accepted_on = notice.add_days(-30);
    auto const suspending = certificate_effects(procedure(), {renewing}, notice, reminded);
    ASSERT_EQ(suspending.size(), 1u);
    EXPECT_EQ(suspending.front().outcome.status, CertificateStatus::Suspended);
    EXPECT_EQ(suspending.front().outcome.suspended_through, suspension_window(procedure(), EXPIRES).through);
    EXPECT_TRUE(certificate_effects(procedure(), {certificate()}, notice.add_days(-1), reminded).empty());
}

TEST(CertificateLifecycle, SuspendedAtExpiryWhileRenewingThenLapsedAfterTheWindow)
{
    auto renewing = certificate();
    renewing.renewal.accepted_on = EXPIRES.add_days(-40);
    auto const suspended = certificate_effects(procedure(), {renewing}, EXPIRES, {});
    ASSERT_EQ(keys(suspended), std::vector<std::string>{"certificate-suspended:SSW-2025-0012"});
    EXPECT_EQ(suspended.front().due, EXPIRES);
    std::set<std::string> applied{"certificate-suspended:SSW-2025-0012"};
    EXPECT_TRUE(certificate_effects(procedure(), {renewing}, EXPIRES.add_days(30), applied).empty());
    auto const window = suspension_window(procedure(), EXPIRES);
    auto const lapsed = certificate_effects(procedure(), {renewing}, window.through.add_days(1), applied);
    ASSERT_EQ(keys(lapsed), std::vector<std::string>{"certificate-lapsed:SSW-2025-0012"});
    EXPECT_EQ(lapsed.front().due, window.through.add_days(1));
}

TEST(CertificateLifecycle, LapsesAtExpiryWithoutARecertificationAndNeverForWithdrawnOnes)
{
    auto const lapsed = certificate_effects(procedure(), {certificate()}, EXPIRES.add_days(3), {});
    ASSERT_EQ(keys(lapsed), std::vector<std::string>{"certificate-lapsed:SSW-2025-0012"});
    EXPECT_EQ(lapsed.front().due, EXPIRES);
    auto withdrawn = certificate();
    withdrawn.status = CertificateStatus::Withdrawn;
    EXPECT_TRUE(certificate_effects(procedure(), {withdrawn}, EXPIRES.add_days(3), {}).empty());
}

}  // namespace sterk
