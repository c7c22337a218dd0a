#include "core/calendar/date.h"

#include <algorithm>
#include <array>

namespace sterk {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for every proleptic Gregorian day.
int days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    int const era = (y >= 0 ? y : y - 399) / 400;
    unsigned const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
    int year;
    int month;
    int day;
};

Civil civil_from_days(int z)
{
    z += 719468;
    int const era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned const doe = static_cast<unsigned>(z - era * 146097);
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int const y = static_cast<int>(yoe) + era * 400;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned const mp = (5 * doy + 2) / 153;
    unsigned const d = doy - (153 * mp + 2) / 5 + 1;
    unsigned const m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m)
{
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

constexpr std::array<char const*, 12> MONTH_NAMES{"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                  "juli",    "augustus", "september", "oktober", "november", "december"};

}  // namespace

Date Date::from_unix_seconds(long long seconds)
{
    constexpr long long SECONDS_PER_DAY = 86400;
    long long days = seconds / SECONDS_PER_DAY;
    if (seconds % SECONDS_PER_DAY < 0) {
        --days;  // round towards the earlier day, not towards zero
    }
    return from_days_since_epoch(static_cast<long>(days));
}

bool Date::is_valid(int year, int month, int day)
{
    return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, int month, int day)
{
    return Date(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::parse(std::string_view text, std::string const& field)
{
    auto const bad = [&] {
        return Error::invalid(field, "'" + std::string(text) + "' is geen geldige datum; gebruik JJJJ-MM-DD");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return bad();
    }
    auto digits = [&](size_t from, size_t len, int& out) {
        out = 0;
        for (size_t i = from; i < from + len; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || !is_valid(y, m, d)) {
        return bad();
    }
    return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(m_days).year; }
int Date::month() const { return civil_from_days(m_days).month; }
int Date::day() const { return civil_from_days(m_days).day; }

Weekday Date::weekday() const
{
    // 1970-01-01 was a Thursday.
    int const index = ((m_days % 7) + 7 + 3) % 7;
    return static_cast<Weekday>(index);
}

std::string Date::iso() const
{
    auto const c = civil_from_days(m_days);
    auto const padded = [](int value, size_t width) {
        std::string s = std::to_string(value);
        return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
    };
    return padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2);
}

std::string Date::dutch_long() const
{
    auto const c = civil_from_days(m_days);
    return dutch_weekday(weekday()) + " " + std::to_string(c.day) + " " + MONTH_NAMES[static_cast<size_t>(c.month - 1)] +
           " " + std::to_string(c.year);
}

Date Date::add_months(int months) const
{
    auto const c = civil_from_days(m_days);
    int const index = c.year * 12 + (c.month - 1) + months;
    int const y = index >= 0 ? index / 12 : (index - 11) / 12;
    int const m = index - y * 12 + 1;
    int const d = std::min(c.day, days_in_month(y, m));
    return from_ymd(y, m, d);
}

Date Period::after(Date d) const
{
    switch (unit) {
    case PeriodUnit::Days: return d.add_days(amount);
    case PeriodUnit::Weeks: return d.add_days(amount * 7);
    case PeriodUnit::Months: return d.add_months(amount);
    case PeriodUnit::Years: return d.add_months(amount * 12);
    }
    return d;
}

Date Period::before(Date d) const { return Period{-amount, unit}.after(d); }

std::string Period::dutch() const
{
    bool const one = amount == 1;
    switch (unit) {
    case PeriodUnit::Days: return std::to_string(amount) + (one ? " dag" : " dagen");
    case PeriodUnit::Weeks: return std::to_string(amount) + (one ? " week" : " weken");
    case PeriodUnit::Months: return std::to_string(amount) + (one ? " maand" : " maanden");
    case PeriodUnit::Years: return std::to_string(amount) + " jaar";
    }
    return {};
}

std::string dutch_weekday(Weekday w)
{
    constexpr std::array<char const*, 7> names{"maandag", "dinsdag", "woensdag", "donderdag",
                                               "vrijdag", "zaterdag", "zondag"};
    return names[static_cast<size_t>(w)];
}

}  // namespace sterk
