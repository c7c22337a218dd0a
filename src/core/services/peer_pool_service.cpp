#include "core/services/peer_pool_service.h"

#include "core/registry/registry.h"
#include "core/text.h"

#include <algorithm>

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Deze pool bestaat niet of is niet zichtbaar voor u.");
}

Error refused(std::string field, std::string message)
{
    return Error{ErrorCode::FailedPrecondition, std::move(message), std::move(field)};
}

Error denied(std::string field, std::string message)
{
    return Error{ErrorCode::PermissionDenied, std::move(message), std::move(field)};
}

bool in_pool(PeerPool const& pool, std::optional<Id> organisation)
{
    return organisation && std::find(pool.members.begin(), pool.members.end(), *organisation) != pool.members.end();
}

AuditEntry entry_for(Actor const& actor, UnixTime now, std::string action, PeerPool const& pool,
                     std::vector<Organisation> const& members)
{
    std::vector<std::string> names;
    for (auto const& m : members) {
        names.push_back(m.name);
    }
    auto entry = audit_entry(now, std::move(action), actor.email, actor.ip, actor.user_id,
                             pool.name + " (" + peer_pool_state_key(pool.state) + "): " + join(names));
    entry.subject = "peer-pool:" + std::to_string(pool.id);
    return entry;
}

}  // namespace

bool PeerPoolService::may_see(Principal const& caller, PeerPool const& pool)
{
    switch (caller.role) {
    case Role::Secretariat: return true;
    case Role::CiAdmin: return caller.organisation_id == pool.ci_id;
    // A member's users, and its peer auditors (auditors who belong to a member organisation).
    case Role::Member:
    case Role::Auditor: return in_pool(pool, caller.organisation_id);
    case Role::Committee: return false;
    }
    return false;
}

bool PeerPoolService::may_edit(Principal const& caller, PeerPool const& pool)
{
    return caller.role == Role::Secretariat || (caller.role == Role::CiAdmin && caller.organisation_id == pool.ci_id);
}

Result<PeerPoolView> PeerPoolService::view_of(PeerPool const& pool)
{
    PeerPoolView view;
    view.pool = pool;
    auto const ci = TRY(m_store.organisations().find(pool.ci_id));
    if (ci) {
        view.ci = *ci;
    }
    for (Id id : pool.members) {
        auto const member = TRY(m_store.organisations().find(id));
        Organisation o = member.value_or(Organisation{});
        o.id = id;
        view.members.push_back(std::move(o));
    }
    view.visits = propose_peer_visits(pool.members);
    return view;
}

Result<PeerPool> PeerPoolService::visible(Principal const& caller, Id id)
{
    auto const pool = TRY(m_store.peer_pools().find(id));
    if (!pool || !may_see(caller, *pool)) {
        return not_found();
    }
    return *pool;
}

Result<std::vector<PeerPoolView>> PeerPoolService::list(Principal const& caller)
{
    std::vector<PeerPoolView> out;
    for (auto const& pool : TRY(m_store.peer_pools().list())) {
        if (may_see(caller, pool)) {
            out.push_back(TRY(view_of(pool)));
        }
    }
    return out;
}

Result<PeerPoolView> PeerPoolService::get(Principal const& caller, Id id)
{
    return view_of(TRY(visible(caller, id)));
}

// check: the rules that need the store. Run inside the write's transaction.
Status PeerPoolService::check(PeerPool const& pool, Date today)
{
    auto const ci = TRY(m_store.organisations().find(pool.ci_id));
    if (!ci || ci->kind != OrganisationKind::CertificationBody) {
        return Error::invalid("ci_id", "Kies een CI uit het register.");
    }
    auto const ci_profile = TRY(m_store.registry().find_ci(pool.ci_id)).value_or(CiProfile{});
    if (auto const lapsed = ci_lapsed_conditions(ci_profile, today); !lapsed.empty()) {
        return refused("ci_id", ci->name + " kan nu geen toetsing leiden: " + join(lapsed) + ".");
    }
    for (Id id : pool.members) {
        auto const member = TRY(m_store.organisations().find(id));
        if (!member || member->kind != OrganisationKind::Member) {
            return Error::invalid("members", "Organisatie " + std::to_string(id) + " is geen lidorganisatie.");
        }
        if (pool.state != PeerPoolState::Open) {
            continue;
        }
        auto const profile = TRY(m_store.registry().find_member(id)).value_or(MemberProfile{});
        if (auto const active = membership_active(profile, today); !active) {
            return refused("members", member->name + " is nu geen actief lid: " + active.error().message);
        }
    }
    auto const others = TRY(m_store.peer_pools().list());
    if (auto const clash = members_in_other_open_pools(pool, others); !clash.empty()) {
        std::vector<std::string> lines;
        for (auto const& c : clash) {
            auto const member = TRY(m_store.organisations().find(c.member));
            lines.push_back((member ? member->name : std::to_string(c.member)) + " zit al in de open pool '" +
                            c.pool_name + "'");
        }
        return refused("members", join(lines, "; ") + ". Een lid zit in één open pool tegelijk.");
    }
    return ok_status();
}

Result<PeerPoolView> PeerPoolService::create(Principal const& caller, Actor const& actor, PeerPoolInput const& input,
                                             Date today, UnixTime now)
{
    if (caller.role != Role::Secretariat && caller.role != Role::CiAdmin) {
        return denied("", "Alleen het secretariaat of een CI vormt een pool.");
    }
    PeerPool pool;
    pool.name = input.name;
    pool.ci_id = input.ci_id;
    pool.members = input.members;
    pool.state = input.state.value_or(PeerPoolState::Open);
    pool.created_at = now;
    pool.updated_at = now;
    if (auto const errors = validate_peer_pool(pool); !errors.empty()) {
        return errors.front();
    }
    if (!may_edit(caller, pool)) {
        return denied("ci_id", "Een CI vormt alleen pools die zij zelf leidt.");
    }
    std::vector<Organisation> members;
    TRY(m_store.transaction([&]() -> Status {
        TRY(check(pool, today));
        pool.id = TRY(m_store.peer_pools().create(pool));
        members = TRY(view_of(pool)).members;
        TRY(m_store.audit_log().append(entry_for(actor, now, "peer-pool.create", pool, members)));
        return ok_status();
    }));
    return view_of(pool);
}

Result<PeerPoolView> PeerPoolService::update(Principal const& caller, Actor const& actor, Id id,
                                             PeerPoolInput const& input, Date today, UnixTime now)
{
    auto const stored = TRY(visible(caller, id));
    if (!may_edit(caller, stored)) {
        return denied("", "Alleen het secretariaat of de CI die de pool leidt, wijzigt haar.");
    }
    PeerPool pool = stored;
    pool.name = input.name;
    pool.ci_id = input.ci_id;
    pool.members = input.members;
    pool.state = input.state.value_or(stored.state);
    pool.updated_at = now;
    if (auto const errors = validate_peer_pool(pool); !errors.empty()) {
        return errors.front();
    }
    if (!may_edit(caller, pool)) {
        return denied("ci_id", "Een CI kan een pool niet aan een andere CI overdragen.");
    }
    TRY(m_store.transaction([&]() -> Status {
        TRY(check(pool, today));
        TRY(m_store.peer_pools().update(pool));
        auto const members = TRY(view_of(pool)).members;
        TRY(m_store.audit_log().append(entry_for(actor, now, "peer-pool.update", pool, members)));
        return ok_status();
    }));
    return view_of(pool);
}

Result<std::vector<PoolCandidate>> PeerPoolService::candidates(Principal const& caller, Date today)
{
    if (caller.role != Role::Secretariat && caller.role != Role::CiAdmin) {
        return denied("", "Alleen het secretariaat of een CI vormt een pool.");
    }
    auto const pools = TRY(m_store.peer_pools().list());
    std::vector<PoolCandidate> out;
    for (auto const& o : TRY(m_store.organisations().list())) {
        if (o.kind != OrganisationKind::Member) {
            continue;
        }
        PoolCandidate c;
        c.member = o;
        auto const profile = TRY(m_store.registry().find_member(o.id)).value_or(MemberProfile{});
        auto const active = membership_active(profile, today);
        c.active = active.ok();
        c.inactive_reason = active ? std::string{} : active.error().message;
        PeerPool alone;
        alone.members = {o.id};
        if (auto const clash = members_in_other_open_pools(alone, pools); !clash.empty()) {
            c.open_pool = clash.front();
            // Another CI's pool is not this CI's business: only that the member is taken.
            auto const theirs = std::find_if(pools.begin(), pools.end(),
                                             [&](PeerPool const& p) { return p.id == clash.front().pool_id; });
            if (theirs != pools.end() && !may_see(caller, *theirs)) {
                c.open_pool->pool_id = 0;
                c.open_pool->pool_name.clear();
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace sterk
