// File: policy.h
// The role policy: ONE table saying which role may use which permission, and whether only for
// its own organisation. The HTTP route table names a Permission for every route, and the server
// checks it here before the handler runs; services use the same table for their own checks.
//
// Example:
//   Status s = authorize(Permission::OrganisationRead, principal, organisation_id);
//   if (!s) return s.error();  // Unauthenticated (anonymous) or PermissionDenied
#pragma once

#include "core/auth/role.h"
#include "core/ports/records.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// Permission: one per thing a caller can ask for. Add a row to the table in policy.cpp with it.
enum class Permission {
    HealthRead,
    ApiDocumentRead,
    SessionCreate,
    SessionDelete,
    MeRead,
    UsersList,
    OrganisationsList,
    OrganisationRead,
    AuditLogRead,
    FrameworksRead,
    PasswordResetRequest,
    PasswordResetConfirm,
    SessionRead,
    UsersCreate,
    UsersUpdate,
    UsersSendLink,
    PasswordResetCheck,
    TrajectoriesRead,
    TrajectoryEventCreate,
    MembersList,
    MemberRead,
    MembersWrite,
    CisList,
    CiRead,
    CisWrite,
    TrajectoryCreate,
    EstimateRead,
    SelfEvaluationsRead,
    SelfEvaluationsWrite,
    DocumentsWrite,
    DocumentsRead,
    AuditorsRead,
    AuditorsWrite,
    TeamCandidatesRead,
    PeerPoolsRead,
    PeerPoolsWrite,
    AuditRequestRead,
    OrganisationUsersRead,
    SelfEvaluationFeedbackWrite,
    ReportRead,
    ReportWrite,
    RemarksWrite,
    RemarkDecide,
    PartBRequestsWrite,
    PlanRead,
    PlanItemsWrite,
    PlanAssess,
    ActionsRead,
    CalendarManage,
    CalendarFeedRead,
    MyLanguageWrite,
    MyNotificationsRead,
    OutboxRead,
    OutboxRetry,
    PartACheckRead,
    CertificatePdfRead,
    CertificateLogoRead,
    CertificatesWrite,
    RegisterRead,
    RegisterImport,
    TrendsRead,
    CalibrationRead,
    // Add new permissions above this line: PERMISSION_COUNT and all_permissions() follow it.
};

// PERMISSION_COUNT: how many Permission values there are (the last one plus one).
constexpr int PERMISSION_COUNT = static_cast<int>(Permission::CalibrationRead) + 1;

// Access: what the table says for one role (or for an anonymous caller).
enum class Access {
    Deny,
    Allow,
    OwnOrganisation,  // allowed only when the record belongs to the caller's organisation
};

// Principal: who is asking, as far as the policy cares.
struct Principal {
    Id user_id = 0;
    Role role = Role::Member;
    std::optional<Id> organisation_id;
};

// access_for: the table lookup. `role` empty means an anonymous caller.
Access access_for(Permission permission, std::optional<Role> role);

// authorize: Unauthenticated when an anonymous caller asks for something that needs a session,
// PermissionDenied when the role may not, or may only for its own organisation and
// `organisation_id` is another one (or unknown). Ok otherwise.
Status authorize(Permission permission, std::optional<Principal> const& principal,
                 std::optional<Id> organisation_id = std::nullopt);

// The names used in logs and tests ("organisation.read").
std::string permission_key(Permission permission);
std::vector<Permission> all_permissions();

}  // namespace sterk
