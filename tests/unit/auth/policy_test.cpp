// The role policy table (core/auth/policy): anonymous callers and each of the five roles.
#include "core/auth/policy.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

constexpr Id OWN = 10;
constexpr Id OTHER = 11;

Principal as(Role role, std::optional<Id> organisation = OWN)
{
    return Principal{1, role, organisation};
}

TEST(Policy, EveryPermissionHasARow)
{
    // all_permissions() counts the enum values, so a new permission without a policy row fails here.
    ASSERT_EQ(all_permissions().size(), static_cast<std::size_t>(PERMISSION_COUNT));
    for (Permission permission : all_permissions()) {
        EXPECT_FALSE(permission_key(permission).empty()) << static_cast<int>(permission);
    }
    // The last enumerator is the count's anchor: nothing may come after it unnoticed.
    EXPECT_EQ(all_permissions().back(), Permission::CalibrationRead);
}

TEST(Policy, AnonymousMayUseOnlyPublicEndpoints)
{
    for (Permission permission : {Permission::HealthRead, Permission::ApiDocumentRead, Permission::SessionCreate,
                                  Permission::FrameworksRead, Permission::PasswordResetRequest,
                                  Permission::PasswordResetConfirm, Permission::SessionRead,
                                  Permission::PasswordResetCheck, Permission::CalendarFeedRead}) {
        EXPECT_TRUE(authorize(permission, std::nullopt).ok()) << permission_key(permission);
    }
    for (Permission permission : {Permission::SessionDelete, Permission::MeRead, Permission::UsersList,
                                  Permission::OrganisationsList, Permission::OrganisationRead,
                                  Permission::AuditLogRead, Permission::UsersCreate, Permission::UsersUpdate,
                                  Permission::UsersSendLink, Permission::TrajectoriesRead,
                                  Permission::TrajectoryEventCreate, Permission::MembersList,
                                  Permission::MemberRead, Permission::MembersWrite, Permission::CisList,
                                  Permission::CiRead, Permission::CisWrite, Permission::TrajectoryCreate,
                                  Permission::EstimateRead, Permission::SelfEvaluationsRead,
                                  Permission::SelfEvaluationsWrite, Permission::DocumentsWrite,
                                  Permission::DocumentsRead, Permission::AuditorsRead,
                                  Permission::AuditorsWrite, Permission::TeamCandidatesRead,
                                  Permission::PeerPoolsRead, Permission::PeerPoolsWrite,
                                  Permission::AuditRequestRead, Permission::OrganisationUsersRead,
                                  Permission::SelfEvaluationFeedbackWrite, Permission::ReportRead,
                                  Permission::ReportWrite, Permission::RemarksWrite, Permission::RemarkDecide,
                                  Permission::PartBRequestsWrite, Permission::PlanRead, Permission::PlanItemsWrite,
                                  Permission::PlanAssess, Permission::ActionsRead, Permission::CalendarManage,
                                  Permission::MyLanguageWrite, Permission::MyNotificationsRead, Permission::OutboxRead,
                                  Permission::OutboxRetry, Permission::PartACheckRead,
                                  Permission::CertificatePdfRead, Permission::CertificateLogoRead,
                                  Permission::CertificatesWrite}) {
        auto const result = authorize(permission, std::nullopt, OWN);
        ASSERT_FALSE(result.ok()) << permission_key(permission);
        EXPECT_EQ(result.error().code, ErrorCode::Unauthenticated);
    }
}

TEST(Policy, OnlyTheSecretariatListsAndManagesUsersOrganisationsAndTheAuditLog)
{
    for (Permission permission : {Permission::UsersList, Permission::OrganisationsList, Permission::AuditLogRead,
                                  Permission::UsersCreate, Permission::UsersUpdate, Permission::UsersSendLink,
                                  Permission::OutboxRead, Permission::OutboxRetry, Permission::CertificatesWrite}) {
        EXPECT_TRUE(authorize(permission, as(Role::Secretariat)).ok());
        for (Role role : {Role::Member, Role::CiAdmin, Role::Auditor, Role::Committee}) {
            auto const result = authorize(permission, as(role));
            ASSERT_FALSE(result.ok()) << permission_key(permission) << " " << role_key(role);
            EXPECT_EQ(result.error().code, ErrorCode::PermissionDenied);
        }
    }
}

TEST(Policy, OrganisationReadIsOwnOrganisationOnlyExceptForTheSecretariat)
{
    for (Role role : {Role::Member, Role::CiAdmin, Role::Auditor}) {
        EXPECT_EQ(access_for(Permission::OrganisationRead, role), Access::OwnOrganisation);
        EXPECT_TRUE(authorize(Permission::OrganisationRead, as(role), OWN).ok()) << role_key(role);
        auto const other = authorize(Permission::OrganisationRead, as(role), OTHER);
        ASSERT_FALSE(other.ok());
        EXPECT_EQ(other.error().code, ErrorCode::PermissionDenied);
        // Without a known organisation on either side, "own" can never hold.
        EXPECT_FALSE(authorize(Permission::OrganisationRead, as(role, std::nullopt), OWN).ok());
        EXPECT_FALSE(authorize(Permission::OrganisationRead, as(role), std::nullopt).ok());
    }
    EXPECT_TRUE(authorize(Permission::OrganisationRead, as(Role::Secretariat), OTHER).ok());
    EXPECT_FALSE(authorize(Permission::OrganisationRead, as(Role::Committee, std::nullopt), OWN).ok());
}

TEST(Policy, AMemberOrCiSeesItsOwnUsersAndOnlyAMemberPreparesARequest)
{
    for (Role role : {Role::Member, Role::CiAdmin}) {
        EXPECT_TRUE(authorize(Permission::OrganisationUsersRead, as(role), OWN).ok()) << role_key(role);
        EXPECT_FALSE(authorize(Permission::OrganisationUsersRead, as(role), OTHER).ok()) << role_key(role);
    }
    EXPECT_TRUE(authorize(Permission::OrganisationUsersRead, as(Role::Secretariat), OTHER).ok());
    EXPECT_FALSE(authorize(Permission::OrganisationUsersRead, as(Role::Auditor), OWN).ok());
    EXPECT_FALSE(authorize(Permission::OrganisationUsersRead, as(Role::Committee), OWN).ok());
    EXPECT_TRUE(authorize(Permission::AuditRequestRead, as(Role::Member)).ok());
    for (Role role : {Role::CiAdmin, Role::Auditor, Role::Secretariat, Role::Committee}) {
        EXPECT_FALSE(authorize(Permission::AuditRequestRead, as(role)).ok()) << role_key(role);
    }
}

TEST(Policy, EverySignedInRoleMayReadMeAndLogOut)
{
    for (Role role : {Role::Member, Role::CiAdmin, Role::Auditor, Role::Secretariat, Role::Committee}) {
        EXPECT_TRUE(authorize(Permission::MeRead, as(role)).ok());
        EXPECT_TRUE(authorize(Permission::SessionDelete, as(role)).ok());
        EXPECT_TRUE(authorize(Permission::FrameworksRead, as(role)).ok());
    }
}

}  // namespace
}  // namespace sterk
