// File: date.h
// Date: a civil calendar day (proleptic Gregorian), and Period: "N dagen/weken/maanden/jaren".
// Pure arithmetic, no clock: "today" is always passed in from the edge.
//
// DOMAIN.md "Dates": N weeks is N*7 calendar days; months and years keep the day number, or take
// the month's last day when it has no such day. No shifting for weekends or holidays.
#pragma once

#include "core/result.h"

#include <compare>
#include <string>
#include <string_view>

namespace sterk {

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

class Date {
public:
    // Date::from_ymd: REQUIRES a valid calendar day; use parse() for user input.
    static Date from_ymd(int year, int month, int day);
    // Date::parse: "YYYY-MM-DD"; the error names `field`.
    static Result<Date> parse(std::string_view text, std::string const& field);
    static bool is_valid(int year, int month, int day);
    // Date::from_days_since_epoch: the day `days` after 1970-01-01 (negative: before it).
    static Date from_days_since_epoch(long days) { return Date(static_cast<int>(days)); }
    // Date::from_unix_seconds: the UTC day that contains Unix time `seconds` (also before 1970).
    static Date from_unix_seconds(long long seconds);

    int year() const;
    int month() const;
    int day() const;
    Weekday weekday() const;
    std::string iso() const;  // 2026-11-29
    int days_since_epoch() const { return m_days; }  // 1970-01-01 is 0
    std::string dutch_long() const;  // "zondag 29 november 2026"

    Date add_days(int days) const { return Date(m_days + days); }
    Date add_months(int months) const;

    auto operator<=>(Date const&) const = default;

private:
    explicit Date(int days_since_epoch) : m_days(days_since_epoch) {}
    int m_days = 0;  // days since 1970-01-01
};

enum class PeriodUnit { Days, Weeks, Months, Years };

// Period: an amount of calendar time as the handbook states it ("binnen 2 weken").
struct Period {
    int amount = 0;
    PeriodUnit unit = PeriodUnit::Days;

    Date after(Date d) const;
    Date before(Date d) const;
    std::string dutch() const;  // "2 weken", "6 maanden", "1 jaar"
    bool operator==(Period const&) const = default;
};

std::string dutch_weekday(Weekday w);

}  // namespace sterk
