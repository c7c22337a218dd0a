// File: auditor.h
// The auditors registry (DOMAIN.md "CIs and auditors", B5 A5–A7, B6 §2, B9): who may be put on an
// audit team. A team leader or assessor works for (or is contracted to) a CI; a peer auditor
// (branchetoetser) belongs to a member organisation, which puts it forward, and audits under the
// lead of a CI (§2.2 ad 3). Each auditor has the date its signed code of conduct and
// confidentiality declaration (B9) was received, and declares its ties: the organisations it
// works for, advises, or belongs to (B5 A7: it may not audit those). Pure: dates are passed in.
//
// Example:
//   Errors errors = validate_auditor(auditor, organisation_kind_of, today);
//   if (auto tie = tie_with(auditor, member_id, first_day, last_day)) { ... refuse ... }
#pragma once

#include "core/calendar/date.h"
#include "core/ports/records.h"
#include "core/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// AuditorRole: team_leader and assessor belong to a CI; peer (branchetoetser) to a member.
enum class AuditorRole { TeamLeader, Assessor, Peer };
std::string auditor_role_key(AuditorRole role);  // "team_leader", "assessor", "peer"
std::string auditor_role_dutch(AuditorRole role);  // "teamleider", "beoordelaar", "branchetoetser"
std::optional<AuditorRole> parse_auditor_role(std::string const& key);

// TieKind: how an auditor is bound to an organisation (B5 A7).
enum class TieKind { WorksFor, Advises, MemberOf };
std::string tie_kind_key(TieKind kind);  // "works_for", "advises", "member_of"
std::string tie_kind_dutch(TieKind kind);  // "werkt voor", "adviseert", "is lid van"
std::optional<TieKind> parse_tie_kind(std::string const& key);

// AuditorTie: one declared tie, from `from` through `until` (none: still running).
struct AuditorTie {
    Id organisation_id = 0;
    TieKind kind = TieKind::WorksFor;
    Date from = Date::from_ymd(1970, 1, 1);
    std::optional<Date> until;
};

// Auditor: one person who may be put on an audit team.
struct Auditor {
    Id id = 0;
    std::string name;
    std::string email;  // stored lower-case
    AuditorRole role = AuditorRole::Assessor;
    Id organisation_id = 0;  // its CI (team leader, assessor) or its member (peer)
    std::optional<Id> user_id;  // its login (role auditor), when it has one
    bool active = true;
    std::optional<Date> declaration_received_on;  // B9, signed and received
    std::optional<Id> declaration_document_id;  // the uploaded declaration (documents store)
    std::vector<AuditorTie> ties;  // as declared; a peer's tie to its own member is implicit
};

// OrganisationKindOf: the kind of a registered organisation, or none when it does not exist.
using OrganisationKindOf = std::function<std::optional<OrganisationKind>(Id)>;

// validate_auditor: every field error at once (field names as in the API: "name", "email", "role",
// "organisation_id", "declaration_received_on", "ties[0].organisation_id", ...). The
// organisation must fit the role (a CI for a team leader or assessor, a member for a peer); a
// declaration cannot be received after `today`; a tie names a member organisation and does not
// end before it starts.
Errors validate_auditor(Auditor const& auditor, OrganisationKindOf const& kind_of, Date today);

// TieOnDays: a tie that binds the auditor to an organisation during some audit day.
struct TieOnDays {
    TieKind kind = TieKind::WorksFor;
    bool implicit = false;  // a peer auditor's own member
};

// tie_with: how `auditor` is tied to `organisation_id` on any day from `first_day` through
// `last_day` (a peer auditor always to its own member), or none.
std::optional<TieOnDays> tie_with(Auditor const& auditor, Id organisation_id, Date first_day, Date last_day);

}  // namespace sterk
