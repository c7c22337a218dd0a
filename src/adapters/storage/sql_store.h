// File: sql_store.h
// SqlStore: the Store on one Database (SQLite or PostgreSQL). Built by open_store(), which checks
// the schema version first.
#pragma once

#include "adapters/storage/database.h"
#include "adapters/storage/sql_audit_log_repository.h"
#include "adapters/storage/sql_certificate_repository.h"
#include "adapters/storage/sql_trend_repository.h"
#include "adapters/storage/sql_document_repository.h"
#include "adapters/storage/sql_auditor_repository.h"
#include "adapters/storage/sql_login_attempt_repository.h"
#include "adapters/storage/sql_organisation_repository.h"
#include "adapters/storage/sql_outbox_repository.h"
#include "adapters/storage/sql_password_reset_repository.h"
#include "adapters/storage/sql_peer_pool_repository.h"
#include "adapters/storage/sql_calendar_feed_repository.h"
#include "adapters/storage/sql_plan_repository.h"
#include "adapters/storage/sql_report_repository.h"
#include "adapters/storage/sql_self_evaluation_repository.h"
#include "adapters/storage/sql_session_repository.h"
#include "adapters/storage/sql_registry_repository.h"
#include "adapters/storage/sql_trajectory_repository.h"
#include "adapters/storage/sql_user_repository.h"
#include "core/ports/store.h"

#include <memory>

namespace sterk {

class SqlStore final : public Store {
public:
    explicit SqlStore(std::unique_ptr<Database> db);

    OrganisationRepository& organisations() override { return m_organisations; }
    UserRepository& users() override { return m_users; }
    SessionRepository& sessions() override { return m_sessions; }
    LoginAttemptRepository& login_attempts() override { return m_login_attempts; }
    PasswordResetRepository& password_resets() override { return m_password_resets; }
    AuditLogRepository& audit_log() override { return m_audit_log; }
    TrajectoryRepository& trajectories() override { return m_trajectories; }
    RegistryRepository& registry() override { return m_registry; }
    AuditTallyRepository& audit_tallies() override { return m_audit_tallies; }
    SelfEvaluationRepository& self_evaluations() override { return m_self_evaluations; }
    DocumentRepository& documents() override { return m_documents; }
    AuditorRepository& auditors() override { return m_auditors; }
    PeerPoolRepository& peer_pools() override { return m_peer_pools; }
    ReportRepository& reports() override { return m_reports; }
    PlanRepository& plans() override { return m_plans; }
    CalendarFeedRepository& calendar_feeds() override { return m_calendar_feeds; }
    OutboxRepository& outbox() override { return m_outbox; }
    LifecycleRepository& lifecycle() override { return m_lifecycle; }
    CertificateRepository& certificates() override { return m_certificates; }
    TrendRepository& trends() override { return m_trends; }
    // transaction: repository calls made by `work` join it; other threads wait until it ends.
    Status transaction(std::function<Status()> const& work) override { return m_db->transaction(work); }
    Status check_ready() override;

private:
    std::unique_ptr<Database> m_db;
    SqlOrganisationRepository m_organisations;
    SqlUserRepository m_users;
    SqlSessionRepository m_sessions;
    SqlLoginAttemptRepository m_login_attempts;
    SqlPasswordResetRepository m_password_resets;
    SqlAuditLogRepository m_audit_log;
    SqlTrajectoryRepository m_trajectories;
    SqlRegistryRepository m_registry;
    SqlAuditTallyRepository m_audit_tallies;
    SqlSelfEvaluationRepository m_self_evaluations;
    SqlDocumentRepository m_documents;
    SqlAuditorRepository m_auditors;
    SqlPeerPoolRepository m_peer_pools;
    SqlReportRepository m_reports;
    SqlPlanRepository m_plans;
    SqlCalendarFeedRepository m_calendar_feeds;
    SqlOutboxRepository m_outbox;
    SqlLifecycleRepository m_lifecycle;
    SqlCertificateRepository m_certificates;
    SqlTrendRepository m_trends;
};

}  // namespace sterk
