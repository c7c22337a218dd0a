// File: sql_peer_pool_repository.h
// SqlPeerPoolRepository: PeerPoolRepository on `peer_pools` and `peer_pool_members`. The members
// keep the pool's order (`position`) and a copy of whether the pool is open (`pool_open`), so a
// partial unique index keeps each member in at most one open pool, also when two writes race.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlPeerPoolRepository final : public PeerPoolRepository {
public:
    explicit SqlPeerPoolRepository(Database& db) : m_db(db) {}

    Result<Id> create(PeerPool const& pool) override;
    Status update(PeerPool const& pool) override;
    Result<std::optional<PeerPool>> find(Id id) override;
    Result<std::vector<PeerPool>> list() override;

private:
    Status write_members(PeerPool const& pool);
    Result<std::vector<PeerPool>> select(std::optional<Id> id);

    Database& m_db;
};

}  // namespace sterk
