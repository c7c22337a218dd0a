#include "core/ports/records.h"

namespace sterk {

std::string organisation_kind_key(OrganisationKind kind)
{
    switch (kind) {
    case OrganisationKind::Member: return "member";
    case OrganisationKind::CertificationBody: return "ci";
    case OrganisationKind::Secretariat: return "secretariat";
    }
    return {};
}

std::optional<OrganisationKind> parse_organisation_kind(std::string const& key)
{
    for (auto kind : {OrganisationKind::Member, OrganisationKind::CertificationBody, OrganisationKind::Secretariat}) {
        if (organisation_kind_key(kind) == key) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string reset_purpose_key(ResetPurpose purpose)
{
    switch (purpose) {
    case ResetPurpose::Reset: return "reset";
    case ResetPurpose::Invitation: return "invitation";
    }
    return {};
}

std::optional<ResetPurpose> parse_reset_purpose(std::string const& key)
{
    for (auto purpose : {ResetPurpose::Reset, ResetPurpose::Invitation}) {
        if (reset_purpose_key(purpose) == key) {
            return purpose;
        }
    }
    return std::nullopt;
}

UserStatus user_status(User const& user)
{
    if (!user.active) {
        return UserStatus::Deactivated;
    }
    return user.password_hash.empty() ? UserStatus::Invited : UserStatus::Active;
}

std::string user_status_key(UserStatus status)
{
    switch (status) {
    case UserStatus::Active: return "active";
    case UserStatus::Invited: return "invited";
    case UserStatus::Deactivated: return "deactivated";
    }
    return {};
}

AuditEntry audit_entry(UnixTime at, std::string action, std::string actor_email, std::string ip,
                       std::optional<Id> user_id, std::string detail)
{
    AuditEntry entry;
    entry.at = at;
    entry.user_id = user_id;
    entry.actor_email = std::move(actor_email);
    entry.action = std::move(action);
    if (user_id) {
        entry.subject = "user:" + std::to_string(*user_id);
    }
    entry.detail = std::move(detail);
    entry.ip = std::move(ip);
    return entry;
}

}  // namespace sterk
