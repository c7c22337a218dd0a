// File: plan_records.h
// The stored form of an improvement plan (LIFECYCLE.md §1): the member's items and the CI's
// assessments are versioned entries of the trajectory (ReportEntry kinds "plan_item", key the
// norm, and "plan_assessment", key "ROUND:NORM"); each submission is frozen as a round, and the
// CI's decision on it is recorded with the round.
#pragma once

#include "core/ports/records.h"

#include <string>

namespace sterk {

// PlanRoundRecord: round 1 is the plan, round 2 the revision (and so on after agreed next steps).
// `content` holds the items as submitted and, once assessed, the CI's assessment per norm, in a
// form the plan codec (an adapter) writes and reads.
struct PlanRoundRecord {
    Id trajectory_id = 0;
    int round = 0;
    std::string submitted_on;  // YYYY-MM-DD
    std::string assessed_on;  // YYYY-MM-DD or empty
    std::string outcome;  // "approved", "rejected" or empty
    std::string content;
    UnixTime created_at = 0;
};

}  // namespace sterk
