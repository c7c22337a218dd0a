#include "core/services/audit_tally.h"

#include <string>

namespace sterk {

namespace {

// clock_time: "14:15" (UTC) of a Unix time, for a summary's wording.
std::string clock_time(UnixTime at)
{
    UnixTime const seconds_of_day = ((at % 86400) + 86400) % 86400;
    auto two_digits = [](UnixTime n) { return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; };
    return two_digits(seconds_of_day / 3600) + ":" + two_digits(seconds_of_day % 3600 / 60);
}

}  // namespace

Status record_tallied(Store& store, AuditEntry const& entry)
{
    return store.transaction([&]() -> Status {
        int const count = TRY(store.audit_tallies().bump(entry.action, entry.ip, tally_window_start(entry.at), entry.at));
        if (count == 1) {
            AuditEntry first = entry;
            first.detail += (first.detail.empty() ? "" : "; ")
                            + std::string{"herhalingen vanaf dit adres worden per kwartier geteld"};
            TRY(store.audit_log().append(first));
        }
        return ok_status();
    });
}

AuditEntry tally_summary(AuditTally const& tally)
{
    AuditEntry entry = audit_entry(tally.last_at, tally.action + ".tally", {}, tally.ip);
    entry.detail = std::to_string(tally.count) + " keer in het kwartier vanaf " + clock_time(tally.window_start)
                   + " UTC (alleen de eerste staat afzonderlijk in het log)";
    return entry;
}

Status flush_audit_tallies(Store& store, UnixTime now)
{
    return store.transaction([&]() -> Status {
        auto const closed = TRY(store.audit_tallies().started_before(tally_window_start(now)));
        for (auto const& tally : closed) {
            if (tally.count > 1) {
                TRY(store.audit_log().append(tally_summary(tally)));
            }
            TRY(store.audit_tallies().remove(tally));
        }
        return ok_status();
    });
}

}  // namespace sterk
