#include "core/trajectory/event_kind.h"

namespace sterk {

std::vector<EventKindSpec> const& event_kind_specs()
{
    static std::vector<EventKindSpec> const specs{
        {EventKind::SelfEvaluationCompleted, "self_evaluation_completed"},
        {EventKind::SelfEvaluationFeedbackRequested, "self_evaluation_feedback_requested"},
        {EventKind::SelfEvaluationFeedbackGiven, "self_evaluation_feedback_given"},
        {EventKind::AuditRequested, "audit_requested"},
        {EventKind::AuditDeclined, "audit_declined"},
        {EventKind::AuditAccepted, "audit_accepted"},
        {EventKind::MembershipConfirmed, "membership_confirmed"},
        {EventKind::AuditPlanned, "audit_planned"},
        {EventKind::LastAuditDay, "last_audit_day"},
        {EventKind::ConceptSent, "concept_sent"},
        {EventKind::CorrectionsReceived, "corrections_received"},
        {EventKind::FindingsFinal, "findings_final"},
        {EventKind::PlanSubmitted, "plan_submitted"},
        {EventKind::PlanRejected, "plan_rejected"},
        {EventKind::RevisionSubmitted, "revision_submitted"},
        {EventKind::PlanApproved, "plan_approved"},
        {EventKind::NextStepsAgreed, "next_steps_agreed"},
        {EventKind::FinalReportWithPlansSent, "final_report_with_plans_sent"},
        {EventKind::AdditionalAuditPlanned, "additional_audit_planned"},
        {EventKind::AdditionalAuditHeld, "additional_audit_held"},
        {EventKind::AdditionalAuditDeclined, "additional_audit_declined"},
        {EventKind::PositiveAdvice, "positive_advice"},
        {EventKind::NegativeAdvice, "negative_advice"},
        {EventKind::PartAReceived, "part_a_received"},
        {EventKind::PartAFoundIncomplete, "part_a_found_incomplete"},
        {EventKind::PartAReturned, "part_a_returned"},
        {EventKind::PartAResubmitted, "part_a_resubmitted"},
        {EventKind::ReceiptConfirmed, "receipt_confirmed"},
        {EventKind::CertificateIssued, "certificate_issued"},
        {EventKind::TrajectoryWithdrawn, "trajectory_withdrawn"},
    };
    return specs;
}

std::optional<EventKind> parse_event_kind(std::string_view key)
{
    for (auto const& spec : event_kind_specs()) {
        if (key == spec.key) {
            return spec.kind;
        }
    }
    return std::nullopt;
}

char const* event_key(EventKind kind)
{
    for (auto const& spec : event_kind_specs()) {
        if (spec.kind == kind) {
            return spec.key;
        }
    }
    return "";
}

}  // namespace sterk
