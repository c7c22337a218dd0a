// File: trajectory_records.h
// The stored form of a trajectory (LIFECYCLE.md §1): what it pins at request time, and its
// append-only event log. The payload is kept as the JSON text it came in as; the core reads it
// through parse_event() whenever the log is replayed.
#pragma once

#include "core/ports/records.h"

#include <optional>
#include <string>

namespace sterk {

struct TrajectoryRecord {
    Id id = 0;
    Id member_id = 0;
    Id ci_id = 0;
    std::string kind;  // "initial", "recertification"
    std::string variant;  // "ci", "peer", "combi-iso-hkz", "combi-nvvk"
    std::string framework_version;  // pinned: "2019"
    std::string previous_certificate_number;  // recertification only
    std::string previous_certificate_expires;  // YYYY-MM-DD, recertification only
    std::string scope;  // JSON text: the scope and FTE per scope group, frozen at request
    UnixTime created_at = 0;
};

// StoredEvent: one event, never edited or deleted; `seq` numbers them 1, 2, ... per trajectory.
struct StoredEvent {
    Id trajectory_id = 0;
    int seq = 0;
    std::string on;  // YYYY-MM-DD, the day it happened
    std::string key;  // "audit_accepted"
    std::string payload;  // JSON object text, "{}" when empty
    std::optional<Id> recorded_by;
    UnixTime recorded_at = 0;
};

}  // namespace sterk
