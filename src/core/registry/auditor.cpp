#include "core/registry/auditor.h"

#include "core/services/account_rules.h"

namespace sterk {

std::string auditor_role_key(AuditorRole role)
{
    switch (role) {
    case AuditorRole::TeamLeader: return "team_leader";
    case AuditorRole::Assessor: return "assessor";
    case AuditorRole::Peer: return "peer";
    }
    return "assessor";
}

std::string auditor_role_dutch(AuditorRole role)
{
    switch (role) {
    case AuditorRole::TeamLeader: return "teamleider";
    case AuditorRole::Assessor: return "beoordelaar";
    case AuditorRole::Peer: return "branchetoetser";
    }
    return "beoordelaar";
}

std::optional<AuditorRole> parse_auditor_role(std::string const& key)
{
    for (auto role : {AuditorRole::TeamLeader, AuditorRole::Assessor, AuditorRole::Peer}) {
        if (auditor_role_key(role) == key) {
            return role;
        }
    }
    return std::nullopt;
}

std::string tie_kind_key(TieKind kind)
{
    switch (kind) {
    case TieKind::WorksFor: return "works_for";
    case TieKind::Advises: return "advises";
    case TieKind::MemberOf: return "member_of";
    }
    return "works_for";
}

std::string tie_kind_dutch(TieKind kind)
{
    switch (kind) {
    case TieKind::WorksFor: return "werkt voor";
    case TieKind::Advises: return "adviseert";
    case TieKind::MemberOf: return "is lid van";
    }
    return "werkt voor";
}

std::optional<TieKind> parse_tie_kind(std::string const& key)
{
    for (auto kind : {TieKind::WorksFor, TieKind::Advises, TieKind::MemberOf}) {
        if (tie_kind_key(kind) == key) {
            return kind;
        }
    }
    return std::nullopt;
}

Errors validate_auditor(Auditor const& auditor, OrganisationKindOf const& kind_of, Date today)
{
    Errors errors;
    if (auditor.name.empty()) {
        errors.push_back(Error::invalid("name", "Vul de naam van de auditor in."));
    }
    if (auto const checked = validate_email(auditor.email, "email"); !checked) {
        errors.push_back(checked.error());
    }
    auto const kind = kind_of(auditor.organisation_id);
    if (auditor.role == AuditorRole::Peer) {
        if (kind != OrganisationKind::Member) {
            errors.push_back(Error::invalid("organisation_id",
                                            "Een branchetoetser hoort bij een lidorganisatie: kies het lid dat de branchetoetser voordraagt."));
        }
    } else if (kind != OrganisationKind::CertificationBody) {
        errors.push_back(Error::invalid("organisation_id",
                                        "Een teamleider of beoordelaar hoort bij een certificerende instelling: kies de CI."));
    }
    if (auditor.declaration_received_on && *auditor.declaration_received_on > today) {
        errors.push_back(Error::invalid("declaration_received_on",
                                        "De verklaring kan niet later dan vandaag ontvangen zijn."));
    }
    for (size_t i = 0; i < auditor.ties.size(); ++i) {
        auto const& tie = auditor.ties[i];
        std::string const field = "ties[" + std::to_string(i) + "]";
        if (kind_of(tie.organisation_id) != OrganisationKind::Member) {
            errors.push_back(Error::invalid(field + ".organisation_id",
                                            "Band " + std::to_string(i + 1) + ": kies een lidorganisatie uit de lijst."));
        }
        if (tie.until && *tie.until < tie.from) {
            errors.push_back(Error::invalid(field + ".until",
                                            "Band " + std::to_string(i + 1) + ": de einddatum ligt vóór de begindatum."));
        }
    }
    return errors;
}

std::optional<TieOnDays> tie_with(Auditor const& auditor, Id organisation_id, Date first_day, Date last_day)
{
    if (auditor.role == AuditorRole::Peer && auditor.organisation_id == organisation_id) {
        return TieOnDays{TieKind::MemberOf, true};
    }
    for (auto const& tie : auditor.ties) {
        if (tie.organisation_id != organisation_id) {
            continue;
        }
        bool const started = tie.from <= last_day;
        bool const not_ended = !tie.until || *tie.until >= first_day;
        if (started && not_ended) {
            return TieOnDays{tie.kind, false};
        }
    }
    return std::nullopt;
}

}  // namespace sterk
