#include "adapters/storage/sql_audit_log_repository.h"

#include <limits>

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

Result<std::vector<AuditEntry>> SqlAuditLogRepository::query(AuditQuery const& query)
{
    if (query.limit < 1) {
        return Error::invalid("limit", "het aantal regels moet minstens 1 zijn");
    }
    return m_db.run("auditlog lezen", [&](soci::session& sql) -> Result<std::vector<AuditEntry>> {
        // One statement for every combination of filters: an absent filter is switched off by its
        // flag (or an open bound), so the SQL and its parameters never vary.
        int const has_action = query.action ? 1 : 0;
        std::string const action = query.action.value_or("");
        int const has_actor = query.actor_email ? 1 : 0;
        std::string const actor = query.actor_email.value_or("");
        long long const from = query.from.value_or(std::numeric_limits<long long>::min());
        long long const to = query.to.value_or(std::numeric_limits<long long>::max());
        long long const before_at = query.before ? query.before->first : std::numeric_limits<long long>::max();
        long long const before_at_again = before_at;
        long long const before_id = query.before ? query.before->second : std::numeric_limits<long long>::max();
        int const limit = query.limit;
        AuditEntry entry;
        Id user_id = 0;
        soci::indicator user_indicator = soci::i_null;
        soci::statement statement
            = (sql.prepare << "SELECT id, at, user_id, actor_email, action, subject, detail, ip FROM audit_log"
                              " WHERE (:has_action = 0 OR action = :action)"
                              " AND (:has_actor = 0 OR actor_email = :actor)"
                              " AND at >= :from AND at < :to"
                              " AND (at < :before_at OR (at = :before_at_again AND id < :before_id))"
                              " ORDER BY at DESC, id DESC LIMIT :limit",
               soci::use(has_action), soci::use(action), soci::use(has_actor), soci::use(actor), soci::use(from),
               soci::use(to), soci::use(before_at), soci::use(before_at_again), soci::use(before_id),
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

Result<int> SqlAuditTallyRepository::bump(std::string const& action, std::string const& ip, UnixTime window_start,
                                          UnixTime at)
{
    return m_db.run("auditteller bijwerken", [&](soci::session& sql) -> Result<int> {
        int count = 0;
        sql << "INSERT INTO audit_tallies (action, ip, window_start, count, first_at, last_at)"
               " VALUES (:action, :ip, :window_start, 1, :first_at, :last_at)"
               " ON CONFLICT (action, ip, window_start)"
               " DO UPDATE SET count = audit_tallies.count + 1, last_at = excluded.last_at"
               " RETURNING count",
            soci::use(action), soci::use(ip), soci::use(window_start), soci::use(at), soci::use(at), soci::into(count);
        return count;
    });
}

Result<std::vector<AuditTally>> SqlAuditTallyRepository::started_before(UnixTime before)
{
    return m_db.run("audittellers lezen", [&](soci::session& sql) -> Result<std::vector<AuditTally>> {
        AuditTally tally;
        soci::statement statement
            = (sql.prepare << "SELECT action, ip, window_start, count, first_at, last_at FROM audit_tallies"
                              " WHERE window_start < :before ORDER BY window_start, action, ip",
               soci::use(before), soci::into(tally.action), soci::into(tally.ip), soci::into(tally.window_start),
               soci::into(tally.count), soci::into(tally.first_at), soci::into(tally.last_at));
        std::vector<AuditTally> tallies;
        statement.execute();
        while (statement.fetch()) {
            tallies.push_back(tally);
        }
        return tallies;
    });
}

Status SqlAuditTallyRepository::remove(AuditTally const& tally)
{
    return m_db.run("auditteller wissen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM audit_tallies WHERE action = :action AND ip = :ip AND window_start = :window_start",
            soci::use(tally.action), soci::use(tally.ip), soci::use(tally.window_start);
        return ok_status();
    });
}

}  // namespace sterk
