#include "adapters/storage/table_catalogue.h"

#include <array>

namespace sterk {

namespace {

constexpr std::array<CatalogueTable, 35> kTables{{
    {"organisations", "id"},
    {"users", "id"},
    {"sessions", ""},
    {"login_attempts", "id"},
    {"password_resets", ""},
    {"audit_log", "id"},
    {"audit_tallies", ""},
    {"trajectories", "id"},
    {"trajectory_events", ""},
    {"member_profiles", ""},
    {"ci_profiles", ""},
    {"self_evaluations", "id"},  // carried_from: an earlier row of the same table
    {"self_evaluation_answers", ""},
    {"documents", "id"},
    {"auditors", "id"},
    {"auditor_ties", ""},
    {"peer_pools", "id"},
    {"peer_pool_members", ""},
    {"self_evaluation_evidence", ""},
    {"self_evaluation_feedback_requests", ""},
    {"self_evaluation_feedback", ""},
    {"report_entries", ""},
    {"report_versions", ""},
    {"report_remarks", "id"},
    {"part_b_requests", "id"},
    {"plan_rounds", ""},
    {"calendar_feeds", ""},
    {"outbox", "id"},
    {"lifecycle_applied", ""},
    {"certificates", "id"},
    {"signing_keys", ""},
    {"trend_facts", ""},
    {"trend_verdicts", ""},
    {"trend_counts", ""},
    {"trend_members", ""},
}};

}  // namespace

std::span<CatalogueTable const> table_catalogue()
{
    return kTables;
}

}  // namespace sterk
