#include "adapters/storage/sql_store.h"

#include "adapters/storage/migrations.h"

namespace sterk {

SqlStore::SqlStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_organisations(*m_db)
    , m_users(*m_db)
    , m_sessions(*m_db)
    , m_login_attempts(*m_db)
    , m_password_resets(*m_db)
    , m_audit_log(*m_db)
    , m_trajectories(*m_db)
    , m_registry(*m_db)
    , m_audit_tallies(*m_db)
    , m_self_evaluations(*m_db)
    , m_documents(*m_db)
    , m_auditors(*m_db)
    , m_peer_pools(*m_db)
    , m_reports(*m_db)
    , m_plans(*m_db)
    , m_calendar_feeds(*m_db)
    , m_outbox(*m_db)
    , m_lifecycle(*m_db)
    , m_certificates(*m_db)
    , m_trends(*m_db)
{
}

Status SqlStore::check_ready()
{
    // Reading the schema version is a real round trip: a dropped PostgreSQL connection or a
    // locked-out SQLite file fails here, as does a database another release migrated further.
    auto const version = read_schema_version(*m_db);
    if (!version) {
        return version.error();
    }
    if (*version != binary_schema_version()) {
        return Error::precondition("database heeft schemaversie " + std::to_string(*version) +
                                          ", dit programma verwacht " + std::to_string(binary_schema_version()));
    }
    return ok_status();
}

}  // namespace sterk
