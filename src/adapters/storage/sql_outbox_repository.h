// File: sql_outbox_repository.h
// SqlOutboxRepository: OutboxRepository on the `outbox` table; SqlLifecycleRepository:
// LifecycleRepository on `lifecycle_applied` (its primary key makes each effect key apply once).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlOutboxRepository final : public OutboxRepository {
public:
    explicit SqlOutboxRepository(Database& db) : m_db(db) {}

    Result<Id> add(OutboxMessage const& message) override;
    Result<std::optional<OutboxMessage>> find(Id id) override;
    // claim_due: one conditional UPDATE per row, whose WHERE repeats "pending, due and not held":
    // PostgreSQL re-checks it on the row another sender has just leased, so of two senders
    // racing for a row exactly one gets it.
    Result<std::vector<OutboxMessage>> claim_due(UnixTime now, std::string const& owner, UnixTime lease_until,
                                                 int limit) override;
    Status mark_sent(Id id, std::string const& owner, UnixTime at, std::string const& note) override;
    Status mark_attempt_failed(Id id, std::string const& owner, UnixTime at, std::string const& error,
                               std::optional<UnixTime> next_attempt_at) override;
    Status retry(Id id, UnixTime now) override;
    Result<std::vector<OutboxMessage>> list(std::optional<OutboxStatus> status, int limit) override;
    Result<OutboxCounts> counts() override;
    Result<std::vector<OutboxMessage>> for_user(Id user_id, int limit) override;

private:
    Database& m_db;
};

class SqlLifecycleRepository final : public LifecycleRepository {
public:
    explicit SqlLifecycleRepository(Database& db) : m_db(db) {}

    Result<std::set<std::string>> applied_keys() override;
    Result<bool> mark_applied(std::string const& key, UnixTime at) override;

private:
    Database& m_db;
};

}  // namespace sterk
