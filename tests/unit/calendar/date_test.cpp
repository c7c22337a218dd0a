#include "core/calendar/date.h"

#include <gtest/gtest.h>

namespace sterk {

TEST(Date, ParsesIsoAndRefusesImpossibleDaysNamingTheField)
{
    EXPECT_EQ(Date::parse("2024-02-29", "on")->iso(), "2024-02-29");
    auto const bad = Date::parse("2023-02-29", "on");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, "on");
    EXPECT_NE(bad.error().message.find("geen geldige datum"), std::string::npos);
    EXPECT_FALSE(Date::parse("2023-2-1", "on").ok());
    EXPECT_FALSE(Date::parse("2023-13-01", "on").ok());
    EXPECT_FALSE(Date::parse("abcd-ef-gh", "on").ok());
}

TEST(Date, MonthsKeepTheDayOrTakeTheLastDayOfTheMonth)
{
    auto const d = Date::from_ymd(2026, 1, 31);
    EXPECT_EQ(d.add_months(1).iso(), "2026-02-28");
    EXPECT_EQ(Date::from_ymd(2024, 1, 31).add_months(1).iso(), "2024-02-29");
    EXPECT_EQ(d.add_months(-2).iso(), "2025-11-30");
    EXPECT_EQ(Date::from_ymd(2024, 2, 29).add_months(24).iso(), "2026-02-28");
    EXPECT_EQ(Date::from_ymd(2026, 8, 31).add_months(6).iso(), "2027-02-28");
}

TEST(Date, WeeksAreSevenCalendarDaysAndWeekdaysAreDutch)
{
    auto const d = Date::from_ymd(2026, 11, 29);
    EXPECT_EQ(d.weekday(), Weekday::Sunday);
    EXPECT_EQ(d.dutch_long(), "zondag 29 november 2026");
    EXPECT_EQ((Period{2, PeriodUnit::Weeks}.after(d)).iso(), "2026-12-13");
    EXPECT_EQ((Period{14, PeriodUnit::Days}.before(d)).iso(), "2026-11-15");
    EXPECT_EQ(Date::from_ymd(1970, 1, 1).weekday(), Weekday::Thursday);
    EXPECT_EQ(Date::from_ymd(2000, 3, 1).add_days(-1).iso(), "2000-02-29");
}

TEST(Date, FromDaysSinceEpochAndFromUnixSecondsCountFrom1970)
{
    EXPECT_EQ(Date::from_days_since_epoch(0).iso(), "1970-01-01");
    EXPECT_EQ(Date::from_days_since_epoch(20'000).iso(), "2024-10-04");
    EXPECT_EQ(Date::from_days_since_epoch(-1).iso(), "1969-12-31");
    EXPECT_EQ(Date::from_days_since_epoch(20'000).days_since_epoch(), 20'000);
    // 2026-03-20T23:59:59Z and the second after it.
    EXPECT_EQ(Date::from_unix_seconds(1'774'051'199).iso(), "2026-03-20");
    EXPECT_EQ(Date::from_unix_seconds(1'774'051'200).iso(), "2026-03-21");
    EXPECT_EQ(Date::from_unix_seconds(0).iso(), "1970-01-01");
    EXPECT_EQ(Date::from_unix_seconds(-1).iso(), "1969-12-31") << "rounds to the earlier day, not towards zero";
}

}  // namespace sterk
