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
