// File: sql_audit_log_repository.h
// SqlAuditLogRepository: AuditLogRepository on the `audit_log` table, whose triggers refuse
// UPDATE and DELETE (and TRUNCATE on PostgreSQL).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlAuditLogRepository final : public AuditLogRepository {
public:
    explicit SqlAuditLogRepository(Database& db) : m_db(db) {}

    Result<Id> append(AuditEntry const& entry) override;
    // recent: at most `limit` entries, newest first (by time, then by insertion); limit >= 1.
    Result<std::vector<AuditEntry>> recent(int limit) override;
    Result<std::vector<AuditEntry>> query(AuditQuery const& query) override;

private:
    Database& m_db;
};

// SqlAuditTallyRepository: AuditTallyRepository on `audit_tallies` (one row per action, address
// and window; a counter, unlike the log itself).
class SqlAuditTallyRepository final : public AuditTallyRepository {
public:
    explicit SqlAuditTallyRepository(Database& db) : m_db(db) {}

    Result<int> bump(std::string const& action, std::string const& ip, UnixTime window_start, UnixTime at) override;
    Result<std::vector<AuditTally>> started_before(UnixTime before) override;
    Status remove(AuditTally const& tally) override;

private:
    Database& m_db;
};

}  // namespace sterk
