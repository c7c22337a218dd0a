// File: event_kind.h
// EventKind: every kind of event a trajectory's log can hold (LIFECYCLE.md §2), with the key it
// has in the framework file's `procedure.events` and in the API. Who records it and its Dutch
// wording are data; which events may follow which is the trajectory's rule (trajectory.h).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sterk {

enum class EventKind {
    SelfEvaluationCompleted,
    SelfEvaluationFeedbackRequested,
    SelfEvaluationFeedbackGiven,
    AuditRequested,
    AuditDeclined,
    AuditAccepted,
    MembershipConfirmed,
    AuditPlanned,
    LastAuditDay,
    ConceptSent,
    CorrectionsReceived,
    FindingsFinal,
    PlanSubmitted,
    PlanRejected,
    RevisionSubmitted,
    PlanApproved,
    NextStepsAgreed,
    FinalReportWithPlansSent,
    AdditionalAuditPlanned,
    AdditionalAuditHeld,
    AdditionalAuditDeclined,
    PositiveAdvice,
    NegativeAdvice,
    PartAReceived,
    PartAFoundIncomplete,
    PartAReturned,
    PartAResubmitted,
    ReceiptConfirmed,
    CertificateIssued,
    TrajectoryWithdrawn,
};

struct EventKindSpec {
    EventKind kind;
    char const* key;
};

// In route order, as the framework file lists them.
std::vector<EventKindSpec> const& event_kind_specs();
std::optional<EventKind> parse_event_kind(std::string_view key);
char const* event_key(EventKind kind);

}  // namespace sterk
