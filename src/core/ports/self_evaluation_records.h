// File: self_evaluation_records.h
// The stored form of a member's self-evaluation (DOMAIN.md "Self-evaluation", LIFECYCLE.md §1):
// one row per self-evaluation, pinned to a framework version, and one versioned row per answered
// norm. An answer is saved only over the version it was edited from, so two writers never
// overwrite each other silently.
#pragma once

#include "core/ports/records.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// SelfEvaluationRecord: `state` is "open" or "completed"; `completed_on` is empty while open.
struct SelfEvaluationRecord {
    Id id = 0;
    Id member_id = 0;
    std::string framework_version;  // pinned: "2019"
    std::string state = "open";
    std::string started_on;  // YYYY-MM-DD
    std::string completed_on;  // YYYY-MM-DD, or empty
    std::optional<Id> started_by;
    UnixTime created_at = 0;
    std::optional<Id> carried_from;  // the completed self-evaluation whose answers were carried over
};

// SelfEvaluationAnswer: the member's own verdict ("+", "+/-", "-", "n.v.t." or empty) and
// explanation for one norm. `version` counts the saves: 0 means never saved.
struct SelfEvaluationAnswer {
    Id self_evaluation_id = 0;
    std::string norm;  // "VM1"
    std::string verdict;
    std::string explanation;
    int version = 0;
    std::optional<Id> updated_by;
    UnixTime updated_at = 0;
    // evidence: the documents cited for this norm, in the member's order; saved with the answer.
    std::vector<Id> evidence;
    // to_confirm: carried over from an earlier self-evaluation and not yet saved since ("te
    // bevestigen"); the next save clears it.
    bool to_confirm = false;
};

// FeedbackRequest: the member handed its completed self-evaluation to a CI for (paid) feedback.
struct FeedbackRequest {
    Id self_evaluation_id = 0;
    Id ci_id = 0;
    std::string requested_on;  // YYYY-MM-DD
    std::optional<Id> requested_by;
    UnixTime created_at = 0;
};

// NormFeedback: the CI's feedback on one norm, versioned like an answer (0 = never saved).
struct NormFeedback {
    Id self_evaluation_id = 0;
    std::string norm;
    std::string text;
    int version = 0;
    std::optional<Id> updated_by;
    UnixTime updated_at = 0;
};

}  // namespace sterk
