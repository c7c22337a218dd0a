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

}  // namespace sterk
