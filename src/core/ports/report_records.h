// File: report_records.h
// The stored form of an audit report (LIFECYCLE.md §1): the team's versioned entries (a finding
// per norm, the documents per rubric, Part A's typed fields), the frozen versions (concept,
// final), the member's remarks on the concept with the CI's decisions, and the secretariat's
// requests to read Part B. Structured payloads (sources, lists, a frozen report) are text in a
// form the report codec (an adapter) writes and reads.
#pragma once

#include "core/ports/records.h"

#include <optional>
#include <string>

namespace sterk {

// ReportEntry: one versioned record of the team. kind "finding" (key: norm code; verdict, reason,
// text, extra = sources), "documents" (key: rubric code; extra = documents) or "part_a" (key:
// field; text, extra = list items). `version` counts the saves: 0 means never saved.
struct ReportEntry {
    Id trajectory_id = 0;
    std::string kind;
    std::string key;
    int version = 0;
    std::string verdict;  // "+", "+/-", "-", "n.v.t." or empty
    std::string reason;
    std::string text;
    std::string extra;
    std::optional<Id> updated_by;
    UnixTime updated_at = 0;
};

// ReportVersionRecord: a frozen version; version 1 is the concept, the final one is the last.
struct ReportVersionRecord {
    Id trajectory_id = 0;
    int version = 0;
    std::string stage;  // "concept", "final"
    std::string dated;  // YYYY-MM-DD
    std::string content;  // the ReportDocument, by the report codec
    UnixTime created_at = 0;
};

// RemarkRecord: the member's factual correction on the concept; status "draft" (the member's
// own), "submitted" (with corrections_received), then "accepted" or "rejected" by the CI.
struct RemarkRecord {
    Id id = 0;
    Id trajectory_id = 0;
    std::string target;  // a norm code, or "part_a.KEY"
    std::string text;
    std::string status = "draft";
    std::string response;
    std::string created_on;  // YYYY-MM-DD
    std::optional<Id> created_by;
    std::string decided_on;  // YYYY-MM-DD or empty
    std::optional<Id> decided_by;
};

// PartBRequestRecord: the secretariat asked to read Part B, with its reason (B5 B11).
struct PartBRequestRecord {
    Id id = 0;
    Id trajectory_id = 0;
    std::string reason;
    std::optional<Id> requested_by;
    std::string requested_on;  // YYYY-MM-DD
    UnixTime created_at = 0;
};

}  // namespace sterk
