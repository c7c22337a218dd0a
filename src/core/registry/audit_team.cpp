#include "core/registry/audit_team.h"

#include "core/text.h"

#include <set>

namespace sterk {

namespace {

constexpr char const* PEER_VARIANT = "peer";

Auditor const* find_auditor(std::vector<Auditor> const& auditors, Id id)
{
    for (auto const& a : auditors) {
        if (a.id == id) {
            return &a;
        }
    }
    return nullptr;
}

// role_refusal: whether the registered auditor can take this role in the team.
std::optional<std::string> role_refusal(Auditor const& auditor, AuditorRole team_role)
{
    std::string const is = auditor.name + " is " + auditor_role_dutch(auditor.role);
    switch (team_role) {
    case AuditorRole::TeamLeader:
        if (auditor.role != AuditorRole::TeamLeader) {
            return is + " en kan geen teamleider zijn.";
        }
        return std::nullopt;
    case AuditorRole::Assessor:
        if (auditor.role == AuditorRole::Peer) {
            return is + ": zet deze auditor als branchetoetser in het team, niet als beoordelaar.";
        }
        return std::nullopt;
    case AuditorRole::Peer:
        if (auditor.role != AuditorRole::Peer) {
            return is + " en geen branchetoetser.";
        }
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> auditor_refusals(Auditor const& auditor, AuditTarget const& target,
                                          OrganisationNameOf const& name_of)
{
    std::vector<std::string> out;
    if (!auditor.active) {
        out.push_back(auditor.name + " is niet (meer) actief als auditor.");
    }
    if (auditor.role == AuditorRole::Peer) {
        if (target.variant != PEER_VARIANT) {
            out.push_back(auditor.name +
                          " is branchetoetser; branchetoetsers toetsen alleen mee bij intercollegiale toetsing (variant peer).");
        }
    } else if (auditor.organisation_id != target.ci_id) {
        out.push_back(auditor.name + " is auditor van " + name_of(auditor.organisation_id) + ", niet van " +
                      name_of(target.ci_id) + " die deze toetsing uitvoert.");
    }
    if (!auditor.declaration_received_on || !(*auditor.declaration_received_on < target.first_day)) {
        out.push_back("Voor " + auditor.name +
                      " is geen ondertekende gedragscode en geheimhoudingsverklaring (B9) ontvangen vóór de eerste toetsdag.");
    }
    if (auto const tie = tie_with(auditor, target.member_id, target.first_day, target.last_day)) {
        out.push_back(auditor.name + " " + tie_kind_dutch(tie->kind) + " " + name_of(target.member_id) +
                      " en mag deze organisatie niet toetsen.");
    }
    return out;
}

std::vector<std::string> check_audit_team(std::vector<TeamMember> const& team, std::vector<Auditor> const& auditors,
                                          AuditTarget const& target, OrganisationNameOf const& name_of)
{
    std::vector<std::string> out;
    auto const name = [&](TeamMember const& m) {
        auto const* a = find_auditor(auditors, m.auditor_id);
        return a ? a->name : "auditor " + std::to_string(m.auditor_id);
    };

    std::vector<std::string> leaders;
    bool has_peer = false;
    for (auto const& m : team) {
        if (m.role == auditor_role_key(AuditorRole::TeamLeader)) {
            leaders.push_back(name(m));
        }
        has_peer = has_peer || m.role == auditor_role_key(AuditorRole::Peer);
    }
    if (leaders.empty()) {
        out.push_back("Het toetsteam heeft een teamleider van " + name_of(target.ci_id) + " nodig.");
    } else if (leaders.size() > 1) {
        out.push_back("Het toetsteam heeft precies één teamleider; nu zijn dat er " + std::to_string(leaders.size()) +
                      ": " + join(leaders) + ".");
    }
    if (target.variant == PEER_VARIANT && !has_peer) {
        out.push_back("Bij intercollegiale toetsing (variant peer) toetst minstens één branchetoetser van een ander lid "
                      "mee: zet er een in het team.");
    }

    std::set<Id> seen;
    for (auto const& m : team) {
        auto const* auditor = find_auditor(auditors, m.auditor_id);
        if (auditor == nullptr) {
            out.push_back("Auditor " + std::to_string(m.auditor_id) + " staat niet in het auditorenregister.");
            continue;
        }
        if (!seen.insert(m.auditor_id).second) {
            out.push_back(auditor->name + " staat meer dan eens in het team.");
            continue;
        }
        if (auto const role = parse_auditor_role(m.role)) {
            if (auto const refused = role_refusal(*auditor, *role)) {
                out.push_back(*refused);
            }
        }
        for (auto& reason : auditor_refusals(*auditor, target, name_of)) {
            out.push_back(std::move(reason));
        }
    }
    return out;
}

}  // namespace sterk
