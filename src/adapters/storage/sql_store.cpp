#include "adapters/storage/sql_store.h"

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

}  // namespace sterk
