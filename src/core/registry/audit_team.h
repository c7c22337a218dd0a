// File: audit_team.h
// Who may audit whom (LIFECYCLE.md §2 "planned", B5 A7, B6 §2, B9, §2.2 ad 3): the check the CI's
// planning must pass before `audit_planned` is recorded. A team has exactly one team leader of
// the trajectory's CI; assessors of that CI may join; in the variant `peer` at least one peer
// auditor (branchetoetser) of another member audits along, led by the CI, and peer auditors join
// no other variant. Every auditor is active, has its signed code of conduct and confidentiality
// declaration (B9) received before the first audit day, and has no tie (works for, advises, is a
// member of) with the audited member on any audit day. Every problem names the auditor, in Dutch.
//
// Example:
//   auto problems = check_audit_team(event.team, auditors, target, name_of);
//   if (!problems.empty()) return Error{ErrorCode::FailedPrecondition, join(problems, " "), "team"};
#pragma once

#include "core/registry/auditor.h"
#include "core/trajectory/trajectory.h"

#include <functional>
#include <string>
#include <vector>

namespace sterk {

// AuditTarget: the audit being planned.
struct AuditTarget {
    Id ci_id = 0;
    Id member_id = 0;
    std::string variant;  // "ci", "peer", "combi-iso-hkz", "combi-nvvk"
    Date first_day = Date::from_ymd(1970, 1, 1);
    Date last_day = Date::from_ymd(1970, 1, 1);
};

// OrganisationNameOf: an organisation's name for the messages.
using OrganisationNameOf = std::function<std::string(Id)>;

// auditor_refusals: why `auditor` cannot be on this audit's team in any role (inactive, of
// another CI, no B9 declaration before day 1, tied to the member, a peer auditor outside the
// variant `peer`); empty when it can. The team picker shows these beside a disabled auditor.
std::vector<std::string> auditor_refusals(Auditor const& auditor, AuditTarget const& target,
                                          OrganisationNameOf const& name_of);

// check_audit_team: every problem of the planned team, the team's make-up first, then per
// auditor in the team's order; empty when the team may audit. `auditors` holds the registry's
// records of (at least) the team's auditors; an id without a record is reported.
std::vector<std::string> check_audit_team(std::vector<TeamMember> const& team, std::vector<Auditor> const& auditors,
                                          AuditTarget const& target, OrganisationNameOf const& name_of);

}  // namespace sterk
