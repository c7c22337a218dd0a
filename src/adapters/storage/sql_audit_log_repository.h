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

private:
    Database& m_db;
};

}  // namespace sterk
