#include "core/registry/peer_pool.h"

#include <algorithm>
#include <set>

namespace sterk {

std::string peer_pool_state_key(PeerPoolState state)
{
    return state == PeerPoolState::Open ? "open" : "closed";
}

std::optional<PeerPoolState> parse_peer_pool_state(std::string const& key)
{
    if (key == "open") {
        return PeerPoolState::Open;
    }
    if (key == "closed") {
        return PeerPoolState::Closed;
    }
    return std::nullopt;
}

Errors validate_peer_pool(PeerPool const& pool)
{
    Errors errors;
    if (pool.name.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back(Error::invalid("name", "Vul de naam van de pool in."));
    }
    if (pool.ci_id <= 0) {
        errors.push_back(Error::invalid("ci_id", "Kies de CI die de pool leidt."));
    }
    std::set<Id> const distinct(pool.members.begin(), pool.members.end());
    if (distinct.size() != pool.members.size()) {
        errors.push_back(Error::invalid("members", "Een lid staat meer dan één keer in de pool."));
    }
    if (distinct.size() < PEER_POOL_MIN_MEMBERS) {
        errors.push_back(Error::invalid(
            "members", "Een pool heeft minstens drie leden, zodat elk lid door twee andere leden wordt getoetst (" +
                           std::to_string(distinct.size()) + " gekozen)."));
    }
    return errors;
}

std::vector<PeerVisit> propose_peer_visits(std::vector<Id> const& members)
{
    std::set<Id> const distinct(members.begin(), members.end());
    if (distinct.size() != members.size() || members.size() < PEER_POOL_MIN_MEMBERS) {
        return {};
    }
    std::size_t const n = members.size();
    std::vector<PeerVisit> visits;
    visits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> positions;
        for (std::size_t step = 1; step <= PEER_VISIT_AUDITORS; ++step) {
            positions.push_back((i + step) % n);
        }
        // Shown in the pool's order ("A en B bij C"), not in ring order ("A en B", not "B en A" ...).
        std::sort(positions.begin(), positions.end());
        PeerVisit visit{members[i], {}};
        for (auto p : positions) {
            visit.auditors.push_back(members[p]);
        }
        visits.push_back(std::move(visit));
    }
    return visits;
}

std::vector<PoolMembership> members_in_other_open_pools(PeerPool const& pool, std::vector<PeerPool> const& pools)
{
    std::vector<PoolMembership> out;
    if (pool.state != PeerPoolState::Open) {
        return out;
    }
    for (Id member : pool.members) {
        for (auto const& other : pools) {
            if (other.id == pool.id || other.state != PeerPoolState::Open) {
                continue;
            }
            if (std::find(other.members.begin(), other.members.end(), member) != other.members.end()) {
                out.push_back(PoolMembership{member, other.id, other.name});
            }
        }
    }
    return out;
}

}  // namespace sterk
