// Across trajectories: see overview.h.
#include "core/trajectory/overview.h"

#include <algorithm>

namespace sterk {

std::optional<std::string> acting_party(Role role)
{
    switch (role) {
    case Role::Member: return "member";
    case Role::CiAdmin:
    case Role::Auditor: return "ci";
    case Role::Secretariat: return "secretariat";
    case Role::Committee: return std::nullopt;
    }
    return std::nullopt;
}

namespace {

int urgency(DeadlineStatus status)
{
    switch (status) {
    case DeadlineStatus::Overdue: return 0;
    case DeadlineStatus::DueToday: return 1;
    case DeadlineStatus::Open: return 2;
    }
    return 2;
}

}  // namespace

std::vector<PartyAction> party_actions(std::string const& party, std::vector<ViewedTrajectory> const& trajectories)
{
    std::vector<PartyAction> out;
    for (auto const& t : trajectories) {
        for (auto const& action : t.view.actions) {
            if (action.actor == party) {
                out.push_back(PartyAction{t.record, t.view.state, action});
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](PartyAction const& a, PartyAction const& b) {
        auto const ua = urgency(a.action.status);
        auto const ub = urgency(b.action.status);
        if (ua != ub) {
            return ua < ub;
        }
        if (a.action.due.has_value() != b.action.due.has_value()) {
            return a.action.due.has_value();
        }
        if (a.action.due && *a.action.due != *b.action.due) {
            return *a.action.due < *b.action.due;
        }
        return a.record.id < b.record.id;
    });
    return out;
}

bool matches(TrajectoryFilter const& filter, TrajectoryRecord const& record, TrajectoryView const& view)
{
    if (filter.ci && record.ci_id != *filter.ci) {
        return false;
    }
    if (filter.state && view.state != *filter.state) {
        return false;
    }
    auto const counts = [&](OpenAction const& a) {
        return (!filter.party || a.actor == *filter.party) && (!filter.overdue || a.status == DeadlineStatus::Overdue);
    };
    if (filter.party || filter.overdue) {
        return std::any_of(view.actions.begin(), view.actions.end(), counts);
    }
    return true;
}

}  // namespace sterk
