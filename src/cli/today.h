// File: today.h
// The clock lives at the edge: the CLI reads today's date (Europe/Amsterdam civil date via the
// local time zone) and passes it into the core.
#pragma once

#include "core/calendar/date.h"

namespace sterk::cli {

Date today();

}  // namespace sterk::cli
