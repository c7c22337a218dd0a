// File: audit_tally.h
// Events that anyone can repeat at will (refused logins, reset requests for unknown addresses,
// refused reset requests) are counted per address in fixed windows instead of logged one row
// each: the first of a window is logged at once, the rest become one summary row when the window
// has closed. So a flood cannot push the real entries out of sight in the audit log.
#pragma once

#include "core/ports/store.h"

namespace sterk {

constexpr UnixTime AUDIT_TALLY_WINDOW = 15 * 60;

// tally_window_start: the start of the fixed window that holds `at`.
constexpr UnixTime tally_window_start(UnixTime at)
{
    return at - ((at % AUDIT_TALLY_WINDOW) + AUDIT_TALLY_WINDOW) % AUDIT_TALLY_WINDOW;
}

// record_tallied: counts `entry` (its action and ip) in its window; appends it to the audit log
// only when it is the first of that window. One transaction.
Status record_tallied(Store& store, AuditEntry const& entry);

// flush_audit_tallies: for every window that has closed by `now`, appends one summary entry
// (action "<action>.tally", detail with the count) when more than one event was counted, and
// removes the tally. One transaction.
Status flush_audit_tallies(Store& store, UnixTime now);

// tally_summary: the summary entry for a closed window.
AuditEntry tally_summary(AuditTally const& tally);

}  // namespace sterk
