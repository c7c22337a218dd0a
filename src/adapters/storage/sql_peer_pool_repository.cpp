#include "adapters/storage/sql_peer_pool_repository.h"

#include <map>

namespace sterk {

namespace {

Error member_in_another_open_pool()
{
    return Error{ErrorCode::FailedPrecondition,
                 "Een van deze leden zit al in een andere open pool; een lid zit in één open pool tegelijk.", "members"};
}

}  // namespace

Status SqlPeerPoolRepository::write_members(PeerPool const& pool)
{
    return m_db.run(
        "leden van de pool opslaan",
        [&](soci::session& sql) -> Status {
            sql << "DELETE FROM peer_pool_members WHERE pool_id = :id", soci::use(pool.id);
            int const open = pool.state == PeerPoolState::Open ? 1 : 0;
            for (std::size_t i = 0; i < pool.members.size(); ++i) {
                int const position = static_cast<int>(i);
                sql << "INSERT INTO peer_pool_members (pool_id, member_id, position, pool_open)"
                       " VALUES (:pool, :member, :position, :open)",
                    soci::use(pool.id), soci::use(pool.members[i]), soci::use(position), soci::use(open);
            }
            return ok_status();
        },
        member_in_another_open_pool());
}

Result<Id> SqlPeerPoolRepository::create(PeerPool const& pool)
{
    Id id = 0;
    TRY(m_db.transaction([&]() -> Status {
        id = TRY(m_db.run("pool opslaan", [&](soci::session& sql) -> Result<Id> {
            Id created = 0;
            std::string const state = peer_pool_state_key(pool.state);
            sql << "INSERT INTO peer_pools (name, ci_id, state, created_at, updated_at)"
                   " VALUES (:name, :ci, :state, :created, :updated) RETURNING id",
                soci::use(pool.name), soci::use(pool.ci_id), soci::use(state), soci::use(pool.created_at),
                soci::use(pool.updated_at), soci::into(created);
            return created;
        }));
        PeerPool stored = pool;
        stored.id = id;
        return write_members(stored);
    }));
    return id;
}

Status SqlPeerPoolRepository::update(PeerPool const& pool)
{
    return m_db.transaction([&]() -> Status {
        TRY(m_db.run("pool bijwerken", [&](soci::session& sql) -> Status {
            std::string const state = peer_pool_state_key(pool.state);
            soci::statement statement =
                (sql.prepare << "UPDATE peer_pools SET name = :name, ci_id = :ci, state = :state, updated_at = :at"
                                " WHERE id = :id",
                 soci::use(pool.name), soci::use(pool.ci_id), soci::use(state), soci::use(pool.updated_at),
                 soci::use(pool.id));
            statement.execute(true);
            if (statement.get_affected_rows() != 1) {
                return Error::not_found("Pool " + std::to_string(pool.id) + " bestaat niet.");
            }
            return ok_status();
        }));
        return write_members(pool);
    });
}

Result<std::vector<PeerPool>> SqlPeerPoolRepository::select(std::optional<Id> id)
{
    return m_db.run("pools opvragen", [&](soci::session& sql) -> Result<std::vector<PeerPool>> {
        Id const wanted = id.value_or(0);
        int const all = id ? 0 : 1;
        std::vector<PeerPool> pools;
        std::map<Id, std::size_t> index;
        {
            PeerPool row;
            std::string state;
            soci::statement statement =
                (sql.prepare << "SELECT id, name, ci_id, state, created_at, updated_at FROM peer_pools"
                                " WHERE (:all = 1 OR id = :id) ORDER BY id DESC",
                 soci::use(all), soci::use(wanted), soci::into(row.id), soci::into(row.name), soci::into(row.ci_id),
                 soci::into(state), soci::into(row.created_at), soci::into(row.updated_at));
            statement.execute();
            while (statement.fetch()) {
                row.state = parse_peer_pool_state(state).value_or(PeerPoolState::Closed);
                index[row.id] = pools.size();
                pools.push_back(row);
            }
        }
        Id pool_id = 0;
        Id member_id = 0;
        soci::statement members =
            (sql.prepare << "SELECT pool_id, member_id FROM peer_pool_members WHERE (:all = 1 OR pool_id = :id)"
                            " ORDER BY pool_id, position",
             soci::use(all), soci::use(wanted), soci::into(pool_id), soci::into(member_id));
        members.execute();
        while (members.fetch()) {
            auto const found = index.find(pool_id);
            if (found != index.end()) {
                pools[found->second].members.push_back(member_id);
            }
        }
        return pools;
    });
}

Result<std::optional<PeerPool>> SqlPeerPoolRepository::find(Id id)
{
    auto pools = TRY(select(id));
    if (pools.empty()) {
        return std::optional<PeerPool>{};
    }
    return std::optional<PeerPool>{std::move(pools.front())};
}

Result<std::vector<PeerPool>> SqlPeerPoolRepository::list()
{
    return select(std::nullopt);
}

}  // namespace sterk
