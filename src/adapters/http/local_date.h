// File: local_date.h
// local_date: the server's civil date for a Unix time (the clock lives at the edge; the core
// gets a Date). Uses the process's time zone, as `sterklabel` on the command line does.
#pragma once

#include "core/calendar/date.h"
#include "core/ports/records.h"

#include <ctime>

namespace sterk::http {

inline Date local_date(UnixTime now)
{
    std::time_t const t = static_cast<std::time_t>(now);
    std::tm local{};
    localtime_r(&t, &local);
    return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace sterk::http
