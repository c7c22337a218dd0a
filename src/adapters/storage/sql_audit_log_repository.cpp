#include "adapters/storage/sql_audit_log_repository.h"

namespace sterk {

Result<Id> SqlAuditLogRepository::append(AuditEntry const& entry)
{
    return m_db.run("auditlog schrijven", [&](soci::session& sql) -> Result<Id> {
        Id const user_id = entry.user_id.value_or(0);
        soci::indicator user_indicator = entry.user_id ? soci::i_ok : soci::i_null;
        Id id = 0;
        sql << "INSERT INTO audit_log (at, user_id, actor_email, action, subject, detail, ip)"
               " VALUES (:at, :user_id, :actor_email, :action, :subject, :detail, :ip) RETURNING id",
            soci::use(entry.at), soci::use(user_id, user_indicator), soci::use(entry.actor_email),
            soci::use(entry.action), soci::use(entry.subject), soci::use(entry.detail), soci::use(entry.ip),
            soci::into(id);
        return id;
    });
}

Result<std::vector<AuditEntry>> SqlAuditLogRepository::recent(int limit)
{
    if (limit < 1) {
        return Error::invalid("limit", "het aantal regels moet minstens 1 zijn");
    }
    return m_db.run("auditlog lezen", [&](soci::session& sql) -> Result<std::vector<AuditEntry>> {
        AuditEntry entry;
        Id user_id = 0;
        soci::indicator user_indicator = soci::i_null;
        soci::statement statement
            = (sql.prepare << "SELECT id, at, user_id, actor_email, action, subject, detail, ip FROM audit_log"
                              " ORDER BY at DESC, id DESC LIMIT :limit",
               soci::use(limit), soci::into(entry.id), soci::into(entry.at), soci::into(user_id, user_indicator),
               soci::into(entry.actor_email), soci::into(entry.action), soci::into(entry.subject),
               soci::into(entry.detail), soci::into(entry.ip));
        std::vector<AuditEntry> entries;
        statement.execute();
        while (statement.fetch()) {
            entry.user_id = user_indicator == soci::i_ok ? std::optional<Id>(user_id) : std::nullopt;
            entries.push_back(entry);
        }
        return entries;
    });
}

}  // namespace sterk
