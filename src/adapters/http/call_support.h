// File: call_support.h
// What every handler needs from a Call: the server's civil date (the clock lives at the edge; the
// core gets a Date), the {id} of the path, and the Actor for the audit log.
#pragma once

#include "adapters/http/router.h"
#include "core/calendar/date.h"
#include "core/services/user_service.h"

#include <optional>
#include <string>

namespace sterk::http {

// local_date: the server's civil date for a Unix time, in the process's time zone, as
// `sterklabel` on the command line does.
Date local_date(UnixTime now);

// today_query: the `today` query parameter (YYYY-MM-DD) a reader may look at deadlines on, else
// the server's date.
Result<Date> today_query(Call const& call);

// parse_id: a positive decimal number, or none.
std::optional<Id> parse_id(std::string const& text);

// path_id: the {id} of the path; `not_found` when it is not a positive number (an address that
// names nothing is a 404, like an unknown id).
Result<Id> path_id(Call const& call, Error const& not_found);

// actor_of: the signed-in user who makes the request, for the audit log. REQUIRES a session.
Actor actor_of(Call const& call);

}  // namespace sterk::http
