// THE route table. Every route names its permission in the role policy (core/auth/policy.cpp);
// App checks it before the handler runs.
#include "adapters/http/handlers.h"
#include "adapters/http/router.h"
#include "core/documents/document_rules.h"

namespace sterk::http {

std::vector<Route> const& route_table()
{
    using P = Permission;
    using S = OrganisationScope;
    static std::vector<Route> const routes{
        {"GET", "/healthz", P::HealthRead, S::None, Work::Inline, get_health},
        {"GET", "/readyz", P::HealthRead, S::None, Work::Inline, get_ready},
        {"GET", "/api/openapi.json", P::ApiDocumentRead, S::None, Work::Inline, get_openapi},
        {"POST", "/api/v1/session", P::SessionCreate, S::None, Work::Worker, post_session},
        {"DELETE", "/api/v1/session", P::SessionDelete, S::None, Work::Inline, delete_session},
        {"GET", "/api/v1/session", P::SessionRead, S::None, Work::Inline, get_session},
        {"GET", "/api/v1/me", P::MeRead, S::None, Work::Inline, get_me},
        {"GET", "/api/v1/users", P::UsersList, S::None, Work::Inline, get_users},
        {"POST", "/api/v1/users", P::UsersCreate, S::None, Work::Inline, post_user},
        {"PUT", "/api/v1/users/{id}/role", P::UsersUpdate, S::None, Work::Inline, put_user_role},
        {"POST", "/api/v1/users/{id}/deactivate", P::UsersUpdate, S::None, Work::Inline, post_user_deactivate},
        {"POST", "/api/v1/users/{id}/activate", P::UsersUpdate, S::None, Work::Inline, post_user_activate},
        {"POST", "/api/v1/users/{id}/link", P::UsersSendLink, S::None, Work::Inline, post_user_link},
        {"GET", "/api/v1/organisations", P::OrganisationsList, S::None, Work::Inline, get_organisations},
        {"GET", "/api/v1/organisations/{id}", P::OrganisationRead, S::PathId, Work::Inline, get_organisation},
        {"GET", "/api/v1/audit-log", P::AuditLogRead, S::None, Work::Inline, get_audit_log},
        // Downloads of the lists (issue 12): every page of the filtered log, the member list.
        {"GET", "/api/v1/audit-log.csv", P::AuditLogRead, S::None, Work::Worker, get_audit_log_export},
        {"GET", "/api/v1/audit-log.xlsx", P::AuditLogRead, S::None, Work::Worker, get_audit_log_export},
        {"GET", "/api/v1/estimate", P::EstimateRead, S::None, Work::Inline, get_estimate},
        {"GET", "/api/v1/members", P::MembersList, S::None, Work::Inline, get_members},
        {"GET", "/api/v1/members.csv", P::MembersList, S::None, Work::Worker, get_members_export},
        {"GET", "/api/v1/members.xlsx", P::MembersList, S::None, Work::Worker, get_members_export},
        {"POST", "/api/v1/members", P::MembersWrite, S::None, Work::Inline, post_member},
        {"GET", "/api/v1/members/{id}", P::MemberRead, S::PathId, Work::Inline, get_member},
        {"PUT", "/api/v1/members/{id}", P::MembersWrite, S::PathId, Work::Inline, put_member},
        {"GET", "/api/v1/cis", P::CisList, S::None, Work::Inline, get_cis},
        {"POST", "/api/v1/cis", P::CisWrite, S::None, Work::Inline, post_ci},
        {"GET", "/api/v1/cis/{id}", P::CiRead, S::PathId, Work::Inline, get_ci},
        {"PUT", "/api/v1/cis/{id}", P::CisWrite, S::PathId, Work::Inline, put_ci},
        {"GET", "/api/v1/trajectories", P::TrajectoriesRead, S::None, Work::Inline, get_trajectories},
        // The lists as files: a workbook is written to a temporary file, so off the network thread.
        {"GET", "/api/v1/trajectories.csv", P::TrajectoriesRead, S::None, Work::Worker, get_trajectories_export},
        {"GET", "/api/v1/trajectories.xlsx", P::TrajectoriesRead, S::None, Work::Worker, get_trajectories_export},
        {"POST", "/api/v1/trajectories", P::TrajectoryCreate, S::None, Work::Inline, post_trajectory},
        {"GET", "/api/v1/trajectories/{id}", P::TrajectoriesRead, S::None, Work::Inline, get_trajectory},
        {"POST", "/api/v1/trajectories/{id}/events", P::TrajectoryEventCreate, S::None, Work::Inline,
         post_trajectory_event},
        {"GET", "/api/v1/self-evaluations", P::SelfEvaluationsRead, S::None, Work::Inline, get_self_evaluations},
        {"POST", "/api/v1/self-evaluations", P::SelfEvaluationsWrite, S::None, Work::Inline, post_self_evaluation},
        {"GET", "/api/v1/self-evaluations/{id}", P::SelfEvaluationsRead, S::None, Work::Inline, get_self_evaluation},
        {"PUT", "/api/v1/self-evaluations/{id}/answers/{norm}", P::SelfEvaluationsWrite, S::None, Work::Inline,
         put_self_evaluation_answer},
        {"POST", "/api/v1/self-evaluations/{id}/complete", P::SelfEvaluationsWrite, S::None, Work::Inline,
         post_self_evaluation_complete},
        {"GET", "/api/v1/peer-pools", P::PeerPoolsRead, S::None, Work::Inline, get_peer_pools},
        {"POST", "/api/v1/peer-pools", P::PeerPoolsWrite, S::None, Work::Inline, post_peer_pool},
        {"GET", "/api/v1/peer-pools/{id}", P::PeerPoolsRead, S::None, Work::Inline, get_peer_pool},
        {"PUT", "/api/v1/peer-pools/{id}", P::PeerPoolsWrite, S::None, Work::Inline, put_peer_pool},
        {"GET", "/api/v1/peer-pool-candidates", P::PeerPoolsWrite, S::None, Work::Inline, get_peer_pool_candidates},
        {"GET", "/api/v1/frameworks", P::FrameworksRead, S::None, Work::Inline, get_frameworks},
        {"GET", "/api/v1/frameworks/{version}", P::FrameworksRead, S::None, Work::Inline, get_framework},
        {"GET", "/api/v1/password-reset/check", P::PasswordResetCheck, S::None, Work::Inline,
         get_password_reset_check},
        {"POST", "/api/v1/password-reset", P::PasswordResetRequest, S::None, Work::Inline, post_password_reset},
        {"POST", "/api/v1/password-reset/confirm", P::PasswordResetConfirm, S::None, Work::Worker,
         post_password_reset_confirm},
        {"POST", "/api/v1/documents", P::DocumentsWrite, S::None, Work::Inline, post_document},
        {"GET", "/api/v1/documents/{id}", P::DocumentsRead, S::None, Work::Inline, get_document},
        {"GET", "/api/v1/documents/{id}/meta", P::DocumentsRead, S::None, Work::Inline, get_document_meta},
        {"GET", "/api/v1/auditors", P::AuditorsRead, S::None, Work::Inline, get_auditors},
        {"POST", "/api/v1/auditors", P::AuditorsWrite, S::None, Work::Inline, post_auditor},
        // Before /auditors/{id}: the member organisations a tie can name, for whoever manages auditors.
        {"GET", "/api/v1/auditors/organisations", P::AuditorsWrite, S::None, Work::Inline, get_auditor_organisations},
        {"GET", "/api/v1/auditors/{id}", P::AuditorsRead, S::None, Work::Inline, get_auditor},
        {"PUT", "/api/v1/auditors/{id}", P::AuditorsWrite, S::None, Work::Inline, put_auditor},
        {"GET", "/api/v1/trajectories/{id}/team-candidates", P::TeamCandidatesRead, S::None, Work::Inline,
         get_team_candidates},
        {"GET", "/api/v1/audit-request", P::AuditRequestRead, S::None, Work::Inline, get_audit_request},
        {"GET", "/api/v1/organisations/{id}/users", P::OrganisationUsersRead, S::PathId, Work::Inline,
         get_organisation_users},
        {"GET", "/api/v1/self-evaluations/{id}/feedback-offers", P::SelfEvaluationsRead, S::None, Work::Inline,
         get_self_evaluation_feedback_offers},
        {"POST", "/api/v1/self-evaluations/{id}/feedback-request", P::SelfEvaluationsWrite, S::None, Work::Inline,
         post_self_evaluation_feedback_request},
        {"PUT", "/api/v1/self-evaluations/{id}/feedback/{norm}", P::SelfEvaluationFeedbackWrite, S::None, Work::Inline,
         put_self_evaluation_feedback},
        // The report: which trajectory and which part the caller may read or change is
        // ReportService's rule (record level, LIFECYCLE.md §5).
        {"GET", "/api/v1/trajectories/{id}/findings", P::ReportRead, S::None, Work::Inline, get_findings},
        {"PUT", "/api/v1/trajectories/{id}/findings/{norm}", P::ReportWrite, S::None, Work::Inline, put_finding},
        {"PUT", "/api/v1/trajectories/{id}/rubric-documents/{rubric}", P::ReportWrite, S::None, Work::Inline,
         put_rubric_documents},
        {"GET", "/api/v1/trajectories/{id}/part-a", P::ReportRead, S::None, Work::Inline, get_part_a},
        {"PUT", "/api/v1/trajectories/{id}/part-a/{field}", P::ReportWrite, S::None, Work::Inline, put_part_a_field},
        {"GET", "/api/v1/trajectories/{id}/report", P::ReportRead, S::None, Work::Inline, get_report},
        {"GET", "/api/v1/trajectories/{id}/report/versions", P::ReportRead, S::None, Work::Inline, get_report_versions},
        {"GET", "/api/v1/trajectories/{id}/report.pdf", P::ReportRead, S::None, Work::Worker, get_report_pdf},
        {"GET", "/api/v1/trajectories/{id}/remarks", P::ReportRead, S::None, Work::Inline, get_remarks},
        {"POST", "/api/v1/trajectories/{id}/remarks", P::RemarksWrite, S::None, Work::Inline, post_remark},
        {"DELETE", "/api/v1/trajectories/{id}/remarks/{remark}", P::RemarksWrite, S::None, Work::Inline, delete_remark},
        {"POST", "/api/v1/trajectories/{id}/remarks/{remark}/decision", P::RemarkDecide, S::None, Work::Inline,
         post_remark_decision},
        {"GET", "/api/v1/trajectories/{id}/part-b-requests", P::ReportRead, S::None, Work::Inline, get_part_b_requests},
        // The additional audit's addendum (scenario c): AddendumService's rule, as the report's.
        {"GET", "/api/v1/trajectories/{id}/addendum", P::ReportRead, S::None, Work::Inline, get_addendum},
        {"PUT", "/api/v1/trajectories/{id}/addendum/findings/{norm}", P::ReportWrite, S::None, Work::Inline,
         put_addendum_finding},
        {"PUT", "/api/v1/trajectories/{id}/addendum/passage", P::ReportWrite, S::None, Work::Inline,
         put_addendum_passage},
        // The improvement plan: which trajectory, and when, is PlanService's rule.
        {"GET", "/api/v1/trajectories/{id}/plan", P::PlanRead, S::None, Work::Inline, get_plan},
        {"PUT", "/api/v1/trajectories/{id}/plan/items/{norm}", P::PlanItemsWrite, S::None, Work::Inline, put_plan_item},
        {"PUT", "/api/v1/trajectories/{id}/plan/assessments/{norm}", P::PlanAssess, S::None, Work::Inline,
         put_plan_assessment},
        // The caller's own deadlines: open actions and the private calendar feed (its token is the key).
        {"GET", "/api/v1/me/actions", P::ActionsRead, S::None, Work::Inline, get_my_actions},
        {"GET", "/api/v1/me/calendar", P::CalendarManage, S::None, Work::Inline, get_my_calendar},
        {"POST", "/api/v1/me/calendar", P::CalendarManage, S::None, Work::Inline, post_my_calendar},
        {"DELETE", "/api/v1/me/calendar", P::CalendarManage, S::None, Work::Inline, delete_my_calendar},
        {"GET", "/api/v1/calendar/{token}.ics", P::CalendarFeedRead, S::None, Work::Inline, get_calendar_feed},
        {"POST", "/api/v1/trajectories/{id}/part-b-requests", P::PartBRequestsWrite, S::None, Work::Inline,
         post_part_b_request},
        // Notifications (issue 10 §5): the caller's own; the outbox is the secretariat's.
        {"GET", "/api/v1/me/language", P::MeRead, S::None, Work::Inline, get_my_language},
        {"PUT", "/api/v1/me/language", P::MyLanguageWrite, S::None, Work::Inline, put_my_language},
        {"GET", "/api/v1/me/notifications", P::MyNotificationsRead, S::None, Work::Inline, get_my_notifications},
        {"GET", "/api/v1/outbox", P::OutboxRead, S::None, Work::Inline, get_outbox},
        {"POST", "/api/v1/outbox/{id}/retry", P::OutboxRetry, S::None, Work::Inline, post_outbox_retry},
        // Certificates and the public register (issue 11): which certificate and trajectory is
        // CertificateService's rule; the register and the verification need no login.
        {"GET", "/api/v1/trajectories/{id}/part-a-check", P::PartACheckRead, S::None, Work::Inline, get_part_a_check},
        {"GET", "/api/v1/certificates/{number}.pdf", P::CertificatePdfRead, S::None, Work::Worker,
         get_certificate_pdf},
        {"GET", "/api/v1/certificates/{number}/logo.svg", P::CertificateLogoRead, S::None, Work::Worker,
         get_certificate_logo},
        {"GET", "/api/v1/certificates/{number}/logo.png", P::CertificateLogoRead, S::None, Work::Worker,
         get_certificate_logo},
        {"POST", "/api/v1/certificates/{number}/reissue", P::CertificatesWrite, S::None, Work::Inline,
         post_certificate_reissue},
        {"POST", "/api/v1/certificates/{number}/withdraw", P::CertificatesWrite, S::None, Work::Inline,
         post_certificate_withdraw},
        {"GET", "/api/v1/register", P::RegisterRead, S::None, Work::Inline, get_register},
        {"GET", "/api/v1/register.csv", P::RegisterRead, S::None, Work::Inline, get_register_export},
        {"GET", "/api/v1/register.xlsx", P::RegisterRead, S::None, Work::Worker, get_register_export},
        {"GET", "/api/v1/register/public-key", P::RegisterRead, S::None, Work::Inline, get_register_public_key},
        {"GET", "/api/v1/register/certificates/{number}", P::RegisterRead, S::None, Work::Inline,
         get_register_certificate},
        // A worker: a register file of some hundreds of rows is checked against the database.
        {"POST", "/api/v1/register/import", P::RegisterImport, S::None, Work::Worker, post_register_import},
        // Trend analysis (issue 12): TrendService checks the role again and suppresses small groups.
        {"GET", "/api/v1/trends", P::TrendsRead, S::None, Work::Inline, get_trends},
        {"GET", "/api/v1/trends.csv", P::TrendsRead, S::None, Work::Inline, get_trends_export},
        {"GET", "/api/v1/trends.xlsx", P::TrendsRead, S::None, Work::Worker, get_trends_export},
        {"GET", "/api/v1/members/{id}/calibration", P::CalibrationRead, S::PathId, Work::Inline, get_member_calibration},
    };
    return routes;
}

std::vector<FileBodyRoute> const& file_body_routes()
{
    // The body is the file itself (no multipart wrapping), so the route's limit is the document
    // limit exactly: one byte more is refused before it is read.
    static std::vector<FileBodyRoute> const routes{
        {"POST", "/api/v1/documents", DOCUMENT_MAX_BYTES, document_too_large},
    };
    return routes;
}

}  // namespace sterk::http
