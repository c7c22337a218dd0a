// File: overview.h
// Across trajectories (LIFECYCLE.md §1: "Wat vraagt nu mijn actie?"): which party a role acts
// for, a user's open actions in the order people work them (overdue first, then by due date),
// and the secretariat's filter of the trajectory list (by CI, party, state, overdue).
//
// Example:
//   auto actions = party_actions(Party{"member"}, trajectories);   // sorted, overdue first
//   if (matches(filter, record, view)) { ... }
#pragma once

#include "core/auth/role.h"
#include "core/ports/trajectory_records.h"
#include "core/trajectory/trajectory.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// acting_party: the party whose actions a role takes ("member", "ci", "secretariat"); none for
// the committee. An auditor acts for its CI on the trajectories whose team it is on.
std::optional<std::string> acting_party(Role role);

struct ViewedTrajectory {
    TrajectoryRecord record;
    TrajectoryView view;
};

struct PartyAction {
    TrajectoryRecord record;
    TrajectoryState state = TrajectoryState::SelfEvaluation;
    OpenAction action;
};

// party_actions: every open action of `party` in these trajectories: overdue first, then due
// today, then by due date (those without one last), then by trajectory id.
std::vector<PartyAction> party_actions(std::string const& party, std::vector<ViewedTrajectory> const& trajectories);

struct TrajectoryFilter {
    std::optional<Id> ci;
    std::optional<std::string> party;  // has an open action for this party
    std::optional<TrajectoryState> state;
    bool overdue = false;  // has an overdue action (for `party` when given)
};

bool matches(TrajectoryFilter const& filter, TrajectoryRecord const& record, TrajectoryView const& view);

}  // namespace sterk
