#include "core/auth/policy.h"

#include <array>

namespace sterk {

namespace {

constexpr Access D = Access::Deny;
constexpr Access A = Access::Allow;
constexpr Access O = Access::OwnOrganisation;

struct PolicyRow {
    Permission permission;
    char const* key;
    Access anonymous;
    Access member;
    Access ci_admin;
    Access auditor;
    Access secretariat;
    Access committee;
};

// THE role policy. One row per permission; columns: anonymous, then the five roles.
// DOMAIN.md "Actors and roles": members see their own organisation, CIs theirs, auditors
// only what they are assigned to, the secretariat manages members and CIs, the committee
// reads anonymised trends only.
constexpr PolicyRow POLICY[] = {
    //                                                      anon member ci-adm auditor secr committee
    {Permission::HealthRead, "health.read",                      A, A, A, A, A, A},
    {Permission::ApiDocumentRead, "api-document.read",           A, A, A, A, A, A},
    {Permission::SessionCreate, "session.create",                A, A, A, A, A, A},
    {Permission::SessionDelete, "session.delete",                D, A, A, A, A, A},
    {Permission::MeRead, "me.read",                              D, A, A, A, A, A},
    {Permission::UsersList, "users.list",                        D, D, D, D, A, D},
    {Permission::OrganisationsList, "organisations.list",        D, D, D, D, A, D},
    {Permission::OrganisationRead, "organisation.read",          D, O, O, O, A, D},
    {Permission::AuditLogRead, "audit-log.read",                 D, D, D, D, A, D},
    {Permission::FrameworksRead, "frameworks.read",              A, A, A, A, A, A},
    {Permission::PasswordResetRequest, "password-reset.request", A, A, A, A, A, A},
    {Permission::PasswordResetConfirm, "password-reset.confirm", A, A, A, A, A, A},
    {Permission::SessionRead, "session.read",                    A, A, A, A, A, A},
    {Permission::UsersCreate, "users.create",                    D, D, D, D, A, D},
    {Permission::UsersUpdate, "users.update",                    D, D, D, D, A, D},
    {Permission::UsersSendLink, "users.send-link",               D, D, D, D, A, D},
    {Permission::PasswordResetCheck, "password-reset.check",     A, A, A, A, A, A},
    // Which trajectory: the member's own, its CI's, all for the secretariat (TrajectoryService).
    {Permission::TrajectoriesRead, "trajectories.read",          D, A, A, A, A, D},
    {Permission::TrajectoryEventCreate, "trajectory-event.create", D, A, A, A, A, D},
    // The registries are the secretariat's; a member reads its own entry; everyone signed in
    // (except the committee) reads the CIs, since a member chooses one.
    {Permission::MembersList, "members.list",                    D, D, D, D, A, D},
    {Permission::MemberRead, "member.read",                      D, O, D, D, A, D},
    {Permission::MembersWrite, "members.write",                  D, D, D, D, A, D},
    {Permission::CisList, "cis.list",                            D, A, A, A, A, D},
    {Permission::CiRead, "ci.read",                              D, A, A, A, A, D},
    {Permission::CisWrite, "cis.write",                          D, D, D, D, A, D},
    {Permission::TrajectoryCreate, "trajectory.create",          D, A, D, D, D, D},
    {Permission::EstimateRead, "estimate.read",                  D, A, A, A, A, D},
    // Which self-evaluation: the member's own, any for the secretariat, a CI's staff those handed
    // to it for feedback (SelfEvaluationService).
    {Permission::SelfEvaluationsRead, "self-evaluations.read",  D, A, A, A, A, D},
    {Permission::SelfEvaluationsWrite, "self-evaluations.write", D, A, D, D, D, D},
    // Documents belong to the uploader's organisation; which one a caller may read is
    // DocumentService's rule (its own organisation's, the secretariat any, a CI giving feedback).
    {Permission::DocumentsWrite, "documents.write",              D, A, A, A, A, D},
    {Permission::DocumentsRead, "documents.read",                D, A, A, A, A, D},
    // Which auditor (AuditorService): a ci-admin its CI's (and the peer auditors on its teams), a
    // member the peer auditors it puts forward, an auditor its own record, the secretariat all.
    {Permission::AuditorsRead, "auditors.read",                  D, A, A, A, A, D},
    {Permission::AuditorsWrite, "auditors.write",                D, A, A, D, A, D},
    // The auditors a CI can put on a trajectory's team, with the reasons others cannot.
    {Permission::TeamCandidatesRead, "team-candidates.read",     D, D, A, D, A, D},
    // Which peer pool: any for the secretariat, those its CI leads for a ci-admin, those its
    // organisation is in for a member and a peer auditor (PeerPoolService). The secretariat and a
    // ci-admin form and edit them.
    {Permission::PeerPoolsRead, "peer-pools.read",               D, A, A, A, A, D},
    {Permission::PeerPoolsWrite, "peer-pools.write",             D, D, A, D, A, D},
    // What an audit request would start from today (the member's own request page).
    {Permission::AuditRequestRead, "audit-request.read",         D, A, D, D, D, D},
    // The users of one organisation: a member's and a CI's own (its profile page), any for the secretariat.
    {Permission::OrganisationUsersRead, "organisation-users.read", D, O, O, D, A, D},
    // The CI's feedback on a self-evaluation handed to it (SelfEvaluationService checks which).
    {Permission::SelfEvaluationFeedbackWrite, "self-evaluation-feedback.write", D, D, A, A, D, D},
    // The report: which trajectory and which part is decided per record (ReportService, LIFECYCLE.md §5).
    {Permission::ReportRead, "report.read",                      D, A, A, A, A, D},
    {Permission::ReportWrite, "report.write",                    D, D, A, A, D, D},
    {Permission::RemarksWrite, "report.remarks.write",           D, A, D, D, D, D},
    {Permission::RemarkDecide, "report.remarks.decide",          D, D, A, A, D, D},
    {Permission::PartBRequestsWrite, "report.part-b-requests.write", D, D, D, D, A, D},
    // The improvement plan: which trajectory is PlanService's rule (the member writes, the CI assesses).
    {Permission::PlanRead, "plan.read",                          D, A, A, A, A, D},
    {Permission::PlanItemsWrite, "plan.items.write",             D, A, D, D, D, D},
    {Permission::PlanAssess, "plan.assess",                      D, D, A, A, D, D},
    // Each user's own open actions and calendar feed (the committee's list is empty); the feed
    // itself is read without a session: its secret token is the key.
    {Permission::ActionsRead, "me.actions.read",                 D, A, A, A, A, A},
    {Permission::CalendarManage, "me.calendar.manage",           D, A, A, A, A, A},
    {Permission::CalendarFeedRead, "calendar.feed.read",         A, A, A, A, A, A},
    // Notifications (issue 10 §5): every signed-in user its own language and messages; the
    // secretariat the outbox and its retries.
    {Permission::MyLanguageWrite, "me.language.write",           D, A, A, A, A, A},
    {Permission::MyNotificationsRead, "me.notifications.read",   D, A, A, A, A, A},
    {Permission::OutboxRead, "outbox.read",                      D, D, D, D, A, D},
    {Permission::OutboxRetry, "outbox.retry",                    D, D, D, D, A, D},
    // Certificates (issue 11): the Part A check is the secretariat's (the trajectory's CI reads it
    // too); a certificate's PDF its member's, its CI's, the secretariat's and the committee's
    // (CertificateService checks which); reissue and withdrawal the secretariat's; the register
    // and the verification anyone's, without login.
    {Permission::PartACheckRead, "part-a-check.read",            D, D, A, D, A, D},
    {Permission::CertificatePdfRead, "certificate.pdf.read",     D, A, A, D, A, A},
    // The logo is for the certified member (and the secretariat, which sends it with the PDF).
    {Permission::CertificateLogoRead, "certificate.logo.read",   D, A, D, D, A, D},
    {Permission::CertificatesWrite, "certificates.write",        D, D, D, D, A, D},
    {Permission::RegisterRead, "register.read",                  A, A, A, A, A, A},
    // The register kept before this system, loaded once (issue 11, item 5): the secretariat's.
    {Permission::RegisterImport, "register.import",              D, D, D, D, A, D},
    // Trends (issue 12): anonymised, the committee's and the secretariat's; a member's
    // calibration of its self-evaluation against its audits its own (and the secretariat's).
    {Permission::TrendsRead, "trends.read",                      D, D, D, D, A, A},
    {Permission::CalibrationRead, "calibration.read",            D, O, D, D, A, D},
};

PolicyRow const* row_for(Permission permission)
{
    for (auto const& row : POLICY) {
        if (row.permission == permission) {
            return &row;
        }
    }
    return nullptr;
}

Access column(PolicyRow const& row, Role role)
{
    switch (role) {
    case Role::Member: return row.member;
    case Role::CiAdmin: return row.ci_admin;
    case Role::Auditor: return row.auditor;
    case Role::Secretariat: return row.secretariat;
    case Role::Committee: return row.committee;
    }
    return Access::Deny;
}

Error denied()
{
    return Error{ErrorCode::PermissionDenied, "U heeft geen toegang tot deze gegevens.", {}};
}

}  // namespace

Access access_for(Permission permission, std::optional<Role> role)
{
    PolicyRow const* row = row_for(permission);
    if (row == nullptr) {
        return Access::Deny;  // a permission without a row is never allowed
    }
    if (!role) {
        return row->anonymous;
    }
    return column(*row, *role);
}

Status authorize(Permission permission, std::optional<Principal> const& principal, std::optional<Id> organisation_id)
{
    if (!principal) {
        if (access_for(permission, std::nullopt) == Access::Allow) {
            return ok_status();
        }
        return Error{ErrorCode::Unauthenticated, "U bent niet ingelogd.", {}};
    }
    switch (access_for(permission, principal->role)) {
    case Access::Allow: return ok_status();
    case Access::Deny: return denied();
    case Access::OwnOrganisation:
        if (organisation_id && principal->organisation_id && *organisation_id == *principal->organisation_id) {
            return ok_status();
        }
        return denied();
    }
    return denied();
}

std::string permission_key(Permission permission)
{
    PolicyRow const* row = row_for(permission);
    return row == nullptr ? std::string{} : std::string{row->key};
}

std::vector<Permission> all_permissions()
{
    // From the enum, not from the table, so a permission without a row shows up in the tests.
    std::vector<Permission> result;
    result.reserve(PERMISSION_COUNT);
    for (int i = 0; i < PERMISSION_COUNT; ++i) {
        result.push_back(static_cast<Permission>(i));
    }
    return result;
}

}  // namespace sterk
