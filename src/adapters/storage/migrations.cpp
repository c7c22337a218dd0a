// Order matters: every database records how many of these steps it has applied. Never edit or
// reorder a step that has been released; add new steps at the end, with SQL for both backends.
// One statement per string: SOCI's SQLite backend runs only the first statement of a string.
#include "adapters/storage/migrations.h"

#include <string>
#include <vector>

namespace sterk {

namespace {

struct Migration {
    char const* description;
    std::vector<char const*> sqlite;
    std::vector<char const*> postgresql;
};

std::vector<Migration> const& migrations()
{
    static std::vector<Migration> const list{
        {
            "accounts: organisations, users, sessions, login attempts, password resets",
            {
                "CREATE TABLE organisations ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " kind TEXT NOT NULL,"
                " name TEXT NOT NULL,"
                " lidnummer TEXT NOT NULL DEFAULT '',"
                " city TEXT NOT NULL DEFAULT '',"
                " email TEXT NOT NULL DEFAULT '',"
                " website TEXT NOT NULL DEFAULT '')",
                // The e-mail address is stored lower-case, so UNIQUE is case-insensitive.
                "CREATE TABLE users ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " email TEXT NOT NULL UNIQUE,"
                " name TEXT NOT NULL,"
                " role TEXT NOT NULL,"
                " organisation_id INTEGER REFERENCES organisations (id),"
                " password_hash TEXT NOT NULL,"
                " active INTEGER NOT NULL DEFAULT 1,"
                " created_at INTEGER NOT NULL)",
                "CREATE TABLE sessions ("
                " token_hash TEXT PRIMARY KEY,"
                " user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                " csrf_token TEXT NOT NULL,"
                " created_at INTEGER NOT NULL,"
                " expires_at INTEGER NOT NULL)",
                "CREATE INDEX sessions_user ON sessions (user_id)",
                "CREATE INDEX sessions_expires ON sessions (expires_at)",
                "CREATE TABLE login_attempts ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " attempt_key TEXT NOT NULL,"
                " at INTEGER NOT NULL)",
                "CREATE INDEX login_attempts_key_at ON login_attempts (attempt_key, at)",
                "CREATE TABLE password_resets ("
                " token_hash TEXT PRIMARY KEY,"
                " user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                " expires_at INTEGER NOT NULL,"
                " used_at INTEGER)",
                "CREATE INDEX password_resets_user ON password_resets (user_id)",
            },
            {
                "CREATE TABLE organisations ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " kind TEXT NOT NULL,"
                " name TEXT NOT NULL,"
                " lidnummer TEXT NOT NULL DEFAULT '',"
                " city TEXT NOT NULL DEFAULT '',"
                " email TEXT NOT NULL DEFAULT '',"
                " website TEXT NOT NULL DEFAULT '')",
                "CREATE TABLE users ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " email TEXT NOT NULL UNIQUE,"
                " name TEXT NOT NULL,"
                " role TEXT NOT NULL,"
                " organisation_id BIGINT REFERENCES organisations (id),"
                " password_hash TEXT NOT NULL,"
                " active INTEGER NOT NULL DEFAULT 1,"
                " created_at BIGINT NOT NULL)",
                "CREATE TABLE sessions ("
                " token_hash TEXT PRIMARY KEY,"
                " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                " csrf_token TEXT NOT NULL,"
                " created_at BIGINT NOT NULL,"
                " expires_at BIGINT NOT NULL)",
                "CREATE INDEX sessions_user ON sessions (user_id)",
                "CREATE INDEX sessions_expires ON sessions (expires_at)",
                "CREATE TABLE login_attempts ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " attempt_key TEXT NOT NULL,"
                " at BIGINT NOT NULL)",
                "CREATE INDEX login_attempts_key_at ON login_attempts (attempt_key, at)",
                "CREATE TABLE password_resets ("
                " token_hash TEXT PRIMARY KEY,"
                " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                " expires_at BIGINT NOT NULL,"
                " used_at BIGINT)",
                "CREATE INDEX password_resets_user ON password_resets (user_id)",
            },
        },
        {
            "audit log, append-only in the database itself",
            {
                // No foreign key on user_id: the entry must outlive whatever it mentions.
                "CREATE TABLE audit_log ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " at INTEGER NOT NULL,"
                " user_id INTEGER,"
                " actor_email TEXT NOT NULL DEFAULT '',"
                " action TEXT NOT NULL,"
                " subject TEXT NOT NULL DEFAULT '',"
                " detail TEXT NOT NULL DEFAULT '',"
                " ip TEXT NOT NULL DEFAULT '')",
                "CREATE INDEX audit_log_at ON audit_log (at, id)",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            },
            {
                "CREATE TABLE audit_log ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " at BIGINT NOT NULL,"
                " user_id BIGINT,"
                " actor_email TEXT NOT NULL DEFAULT '',"
                " action TEXT NOT NULL,"
                " subject TEXT NOT NULL DEFAULT '',"
                " detail TEXT NOT NULL DEFAULT '',"
                " ip TEXT NOT NULL DEFAULT '')",
                "CREATE INDEX audit_log_at ON audit_log (at, id)",
                "CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                " BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
                "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log"
                " FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()",
            },
        },
        {
            "audit tallies (floods counted, not logged row by row); audit log filtered by action and actor",
            {
                "CREATE TABLE audit_tallies ("
                " action TEXT NOT NULL,"
                " ip TEXT NOT NULL,"
                " window_start INTEGER NOT NULL,"
                " count INTEGER NOT NULL,"
                " first_at INTEGER NOT NULL,"
                " last_at INTEGER NOT NULL,"
                " PRIMARY KEY (action, ip, window_start))",
                "CREATE INDEX audit_log_action_at ON audit_log (action, at, id)",
                "CREATE INDEX audit_log_actor_at ON audit_log (actor_email, at, id)",
            },
            {
                "CREATE TABLE audit_tallies ("
                " action TEXT NOT NULL,"
                " ip TEXT NOT NULL,"
                " window_start BIGINT NOT NULL,"
                " count INTEGER NOT NULL,"
                " first_at BIGINT NOT NULL,"
                " last_at BIGINT NOT NULL,"
                " PRIMARY KEY (action, ip, window_start))",
                "CREATE INDEX audit_log_action_at ON audit_log (action, at, id)",
                "CREATE INDEX audit_log_actor_at ON audit_log (actor_email, at, id)",
            },
        },
        {
            "trajectories and their append-only event logs",
            {
                "CREATE TABLE trajectories ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " member_id INTEGER NOT NULL REFERENCES organisations (id),"
                " ci_id INTEGER NOT NULL REFERENCES organisations (id),"
                " kind TEXT NOT NULL,"
                " variant TEXT NOT NULL,"
                " framework_version TEXT NOT NULL,"
                " previous_certificate_number TEXT NOT NULL DEFAULT '',"
                " previous_certificate_expires TEXT NOT NULL DEFAULT '',"
                " scope TEXT NOT NULL DEFAULT '{}',"
                " created_at INTEGER NOT NULL)",
                "CREATE INDEX trajectories_member ON trajectories (member_id)",
                "CREATE INDEX trajectories_ci ON trajectories (ci_id)",
                "CREATE TABLE trajectory_events ("
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " seq INTEGER NOT NULL,"
                " occurred_on TEXT NOT NULL,"
                " event_key TEXT NOT NULL,"
                " payload TEXT NOT NULL DEFAULT '{}',"
                " recorded_by INTEGER,"
                " recorded_at INTEGER NOT NULL,"
                " PRIMARY KEY (trajectory_id, seq))",
                "CREATE TRIGGER trajectory_events_no_update BEFORE UPDATE ON trajectory_events"
                " BEGIN SELECT RAISE(ABORT, 'trajectory_events is append-only'); END",
                "CREATE TRIGGER trajectory_events_no_delete BEFORE DELETE ON trajectory_events"
                " BEGIN SELECT RAISE(ABORT, 'trajectory_events is append-only'); END",
            },
            {
                "CREATE TABLE trajectories ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " member_id BIGINT NOT NULL REFERENCES organisations (id),"
                " ci_id BIGINT NOT NULL REFERENCES organisations (id),"
                " kind TEXT NOT NULL,"
                " variant TEXT NOT NULL,"
                " framework_version TEXT NOT NULL,"
                " previous_certificate_number TEXT NOT NULL DEFAULT '',"
                " previous_certificate_expires TEXT NOT NULL DEFAULT '',"
                " scope TEXT NOT NULL DEFAULT '{}',"
                " created_at BIGINT NOT NULL)",
                "CREATE INDEX trajectories_member ON trajectories (member_id)",
                "CREATE INDEX trajectories_ci ON trajectories (ci_id)",
                "CREATE TABLE trajectory_events ("
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " seq INTEGER NOT NULL,"
                " occurred_on TEXT NOT NULL,"
                " event_key TEXT NOT NULL,"
                " payload TEXT NOT NULL DEFAULT '{}',"
                " recorded_by BIGINT,"
                " recorded_at BIGINT NOT NULL,"
                " PRIMARY KEY (trajectory_id, seq))",
                "CREATE FUNCTION trajectory_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                " BEGIN RAISE EXCEPTION 'trajectory_events is append-only'; END $$",
                "CREATE TRIGGER trajectory_events_no_update_delete BEFORE UPDATE OR DELETE ON trajectory_events"
                " FOR EACH ROW EXECUTE FUNCTION trajectory_events_refuse_change()",
                "CREATE TRIGGER trajectory_events_no_truncate BEFORE TRUNCATE ON trajectory_events"
                " FOR EACH STATEMENT EXECUTE FUNCTION trajectory_events_refuse_change()",
            },
        },
        {
            "one-time links also invite new accounts: password_resets.purpose",
            {
                "ALTER TABLE password_resets ADD COLUMN purpose TEXT NOT NULL DEFAULT 'reset'",
            },
            {
                "ALTER TABLE password_resets ADD COLUMN purpose TEXT NOT NULL DEFAULT 'reset'",
            },
        },
        {
            "registries: member and CI profiles",
            {
                "CREATE TABLE member_profiles ("
                " organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id),"
                " kvk TEXT NOT NULL DEFAULT '',"
                " address TEXT NOT NULL DEFAULT '',"
                " postcode TEXT NOT NULL DEFAULT '',"
                " contact_person TEXT NOT NULL DEFAULT '',"
                " phone TEXT NOT NULL DEFAULT '',"
                " member_from TEXT NOT NULL DEFAULT '',"
                " member_until TEXT NOT NULL DEFAULT '')",
                "CREATE TABLE ci_profiles ("
                " organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id),"
                " kvk TEXT NOT NULL DEFAULT '',"
                " address TEXT NOT NULL DEFAULT '',"
                " postcode TEXT NOT NULL DEFAULT '',"
                " phone TEXT NOT NULL DEFAULT '',"
                " iso17021_ea38_until TEXT NOT NULL DEFAULT '',"
                " hkz_welzijn_until TEXT NOT NULL DEFAULT '',"
                " insured_until TEXT NOT NULL DEFAULT '',"
                " complaints_procedure INTEGER NOT NULL DEFAULT 0,"
                " framework_contract INTEGER NOT NULL DEFAULT 0,"
                " tariff_code TEXT NOT NULL DEFAULT '')",
            },
            {
                "CREATE TABLE member_profiles ("
                " organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),"
                " kvk TEXT NOT NULL DEFAULT '',"
                " address TEXT NOT NULL DEFAULT '',"
                " postcode TEXT NOT NULL DEFAULT '',"
                " contact_person TEXT NOT NULL DEFAULT '',"
                " phone TEXT NOT NULL DEFAULT '',"
                " member_from TEXT NOT NULL DEFAULT '',"
                " member_until TEXT NOT NULL DEFAULT '')",
                "CREATE TABLE ci_profiles ("
                " organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),"
                " kvk TEXT NOT NULL DEFAULT '',"
                " address TEXT NOT NULL DEFAULT '',"
                " postcode TEXT NOT NULL DEFAULT '',"
                " phone TEXT NOT NULL DEFAULT '',"
                " iso17021_ea38_until TEXT NOT NULL DEFAULT '',"
                " hkz_welzijn_until TEXT NOT NULL DEFAULT '',"
                " insured_until TEXT NOT NULL DEFAULT '',"
                " complaints_procedure INTEGER NOT NULL DEFAULT 0,"
                " framework_contract INTEGER NOT NULL DEFAULT 0,"
                " tariff_code TEXT NOT NULL DEFAULT '')",
            },
        },
        {
            "self-evaluations and their versioned answers per norm",
            {
                "CREATE TABLE self_evaluations ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " member_id INTEGER NOT NULL REFERENCES organisations (id),"
                " framework_version TEXT NOT NULL,"
                " state TEXT NOT NULL DEFAULT 'open',"
                " started_on TEXT NOT NULL,"
                " completed_on TEXT NOT NULL DEFAULT '',"
                " started_by INTEGER REFERENCES users (id),"
                " created_at INTEGER NOT NULL)",
                // At most one open self-evaluation per member, also when two starts race.
                "CREATE UNIQUE INDEX self_evaluations_one_open ON self_evaluations (member_id) WHERE state = 'open'",
                "CREATE TABLE self_evaluation_answers ("
                " self_evaluation_id INTEGER NOT NULL REFERENCES self_evaluations (id),"
                " norm TEXT NOT NULL,"
                " verdict TEXT NOT NULL DEFAULT '',"
                " explanation TEXT NOT NULL DEFAULT '',"
                " version INTEGER NOT NULL,"
                " updated_by INTEGER REFERENCES users (id),"
                " updated_at INTEGER NOT NULL,"
                " PRIMARY KEY (self_evaluation_id, norm))",
            },
            {
                "CREATE TABLE self_evaluations ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " member_id BIGINT NOT NULL REFERENCES organisations (id),"
                " framework_version TEXT NOT NULL,"
                " state TEXT NOT NULL DEFAULT 'open',"
                " started_on TEXT NOT NULL,"
                " completed_on TEXT NOT NULL DEFAULT '',"
                " started_by BIGINT REFERENCES users (id),"
                " created_at BIGINT NOT NULL)",
                "CREATE UNIQUE INDEX self_evaluations_one_open ON self_evaluations (member_id) WHERE state = 'open'",
                "CREATE TABLE self_evaluation_answers ("
                " self_evaluation_id BIGINT NOT NULL REFERENCES self_evaluations (id),"
                " norm TEXT NOT NULL,"
                " verdict TEXT NOT NULL DEFAULT '',"
                " explanation TEXT NOT NULL DEFAULT '',"
                " version INTEGER NOT NULL,"
                " updated_by BIGINT REFERENCES users (id),"
                " updated_at BIGINT NOT NULL,"
                " PRIMARY KEY (self_evaluation_id, norm))",
            },
        },
        {
            "documents: uploaded files, their bytes kept in the database so a backup holds them",
            {
                "CREATE TABLE documents ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " owner_id INTEGER NOT NULL REFERENCES organisations (id),"
                " filename TEXT NOT NULL,"
                " media_type TEXT NOT NULL,"
                " size INTEGER NOT NULL,"
                " sha256 TEXT NOT NULL,"
                " content BLOB NOT NULL,"
                " uploaded_by INTEGER REFERENCES users (id),"
                " uploaded_at INTEGER NOT NULL)",
                "CREATE INDEX documents_owner ON documents (owner_id)",
            },
            {
                "CREATE TABLE documents ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " owner_id BIGINT NOT NULL REFERENCES organisations (id),"
                " filename TEXT NOT NULL,"
                " media_type TEXT NOT NULL,"
                " size BIGINT NOT NULL,"
                " sha256 TEXT NOT NULL,"
                " content BYTEA NOT NULL,"
                " uploaded_by BIGINT REFERENCES users (id),"
                " uploaded_at BIGINT NOT NULL)",
                "CREATE INDEX documents_owner ON documents (owner_id)",
            },
        },
        {
            // declaration_document_id names a row of the documents store.
            "auditors and their declared ties",
            {
                "CREATE TABLE auditors ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " name TEXT NOT NULL,"
                " email TEXT NOT NULL,"
                " role TEXT NOT NULL,"
                " organisation_id INTEGER NOT NULL REFERENCES organisations (id),"
                " user_id INTEGER REFERENCES users (id),"
                " active INTEGER NOT NULL DEFAULT 1,"
                " declaration_received_on TEXT NOT NULL DEFAULT '',"
                " declaration_document_id INTEGER)",
                "CREATE TABLE auditor_ties ("
                " auditor_id INTEGER NOT NULL REFERENCES auditors (id),"
                " position INTEGER NOT NULL,"
                " organisation_id INTEGER NOT NULL REFERENCES organisations (id),"
                " kind TEXT NOT NULL,"
                " from_date TEXT NOT NULL,"
                " until_date TEXT NOT NULL DEFAULT '',"
                " PRIMARY KEY (auditor_id, position))",
            },
            {
                "CREATE TABLE auditors ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " email TEXT NOT NULL,"
                " role TEXT NOT NULL,"
                " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
                " user_id BIGINT REFERENCES users (id),"
                " active INTEGER NOT NULL DEFAULT 1,"
                " declaration_received_on TEXT NOT NULL DEFAULT '',"
                " declaration_document_id BIGINT)",
                "CREATE TABLE auditor_ties ("
                " auditor_id BIGINT NOT NULL REFERENCES auditors (id),"
                " position INTEGER NOT NULL,"
                " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
                " kind TEXT NOT NULL,"
                " from_date TEXT NOT NULL,"
                " until_date TEXT NOT NULL DEFAULT '',"
                " PRIMARY KEY (auditor_id, position))",
            },
        },
        {
            "peer pools: a CI-led pool of at least three members; a member in one open pool at a time",
            {
                "CREATE TABLE peer_pools ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " name TEXT NOT NULL,"
                " ci_id INTEGER NOT NULL REFERENCES organisations (id),"
                " state TEXT NOT NULL DEFAULT 'open',"
                " created_at INTEGER NOT NULL,"
                " updated_at INTEGER NOT NULL)",
                // pool_open copies the pool's state, so the partial unique index keeps a member in
                // one open pool, also when two writes race.
                "CREATE TABLE peer_pool_members ("
                " pool_id INTEGER NOT NULL REFERENCES peer_pools (id),"
                " member_id INTEGER NOT NULL REFERENCES organisations (id),"
                " position INTEGER NOT NULL,"
                " pool_open INTEGER NOT NULL DEFAULT 1,"
                " PRIMARY KEY (pool_id, member_id))",
                "CREATE UNIQUE INDEX peer_pool_members_one_open ON peer_pool_members (member_id) WHERE pool_open = 1",
            },
            {
                "CREATE TABLE peer_pools ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " ci_id BIGINT NOT NULL REFERENCES organisations (id),"
                " state TEXT NOT NULL DEFAULT 'open',"
                " created_at BIGINT NOT NULL,"
                " updated_at BIGINT NOT NULL)",
                "CREATE TABLE peer_pool_members ("
                " pool_id BIGINT NOT NULL REFERENCES peer_pools (id),"
                " member_id BIGINT NOT NULL REFERENCES organisations (id),"
                " position INTEGER NOT NULL,"
                " pool_open INTEGER NOT NULL DEFAULT 1,"
                " PRIMARY KEY (pool_id, member_id))",
                "CREATE UNIQUE INDEX peer_pool_members_one_open ON peer_pool_members (member_id) WHERE pool_open = 1",
            },
        },
        {
            "self-evaluations: evidence per answer, answers carried over (te bevestigen), feedback by a CI",
            {
                "ALTER TABLE self_evaluations ADD COLUMN carried_from INTEGER REFERENCES self_evaluations (id)",
                "ALTER TABLE self_evaluation_answers ADD COLUMN to_confirm INTEGER NOT NULL DEFAULT 0",
                "CREATE TABLE self_evaluation_evidence ("
                " self_evaluation_id INTEGER NOT NULL,"
                " norm TEXT NOT NULL,"
                " position INTEGER NOT NULL,"
                " document_id INTEGER NOT NULL REFERENCES documents (id),"
                " PRIMARY KEY (self_evaluation_id, norm, document_id),"
                " FOREIGN KEY (self_evaluation_id, norm) REFERENCES self_evaluation_answers (self_evaluation_id, norm))",
                "CREATE INDEX self_evaluation_evidence_document ON self_evaluation_evidence (document_id)",
                "CREATE TABLE self_evaluation_feedback_requests ("
                " self_evaluation_id INTEGER PRIMARY KEY REFERENCES self_evaluations (id),"
                " ci_id INTEGER NOT NULL REFERENCES organisations (id),"
                " requested_on TEXT NOT NULL,"
                " requested_by INTEGER REFERENCES users (id),"
                " created_at INTEGER NOT NULL)",
                "CREATE INDEX self_evaluation_feedback_requests_ci ON self_evaluation_feedback_requests (ci_id)",
                "CREATE TABLE self_evaluation_feedback ("
                " self_evaluation_id INTEGER NOT NULL REFERENCES self_evaluation_feedback_requests (self_evaluation_id),"
                " norm TEXT NOT NULL,"
                " text TEXT NOT NULL DEFAULT '',"
                " version INTEGER NOT NULL,"
                " updated_by INTEGER REFERENCES users (id),"
                " updated_at INTEGER NOT NULL,"
                " PRIMARY KEY (self_evaluation_id, norm))",
            },
            {
                "ALTER TABLE self_evaluations ADD COLUMN carried_from BIGINT REFERENCES self_evaluations (id)",
                "ALTER TABLE self_evaluation_answers ADD COLUMN to_confirm INTEGER NOT NULL DEFAULT 0",
                "CREATE TABLE self_evaluation_evidence ("
                " self_evaluation_id BIGINT NOT NULL,"
                " norm TEXT NOT NULL,"
                " position INTEGER NOT NULL,"
                " document_id BIGINT NOT NULL REFERENCES documents (id),"
                " PRIMARY KEY (self_evaluation_id, norm, document_id),"
                " FOREIGN KEY (self_evaluation_id, norm) REFERENCES self_evaluation_answers (self_evaluation_id, norm))",
                "CREATE INDEX self_evaluation_evidence_document ON self_evaluation_evidence (document_id)",
                "CREATE TABLE self_evaluation_feedback_requests ("
                " self_evaluation_id BIGINT PRIMARY KEY REFERENCES self_evaluations (id),"
                " ci_id BIGINT NOT NULL REFERENCES organisations (id),"
                " requested_on TEXT NOT NULL,"
                " requested_by BIGINT REFERENCES users (id),"
                " created_at BIGINT NOT NULL)",
                "CREATE INDEX self_evaluation_feedback_requests_ci ON self_evaluation_feedback_requests (ci_id)",
                "CREATE TABLE self_evaluation_feedback ("
                " self_evaluation_id BIGINT NOT NULL REFERENCES self_evaluation_feedback_requests (self_evaluation_id),"
                " norm TEXT NOT NULL,"
                " text TEXT NOT NULL DEFAULT '',"
                " version INTEGER NOT NULL,"
                " updated_by BIGINT REFERENCES users (id),"
                " updated_at BIGINT NOT NULL,"
                " PRIMARY KEY (self_evaluation_id, norm))",
            },
        },
        {
            "the audit report: versioned findings, documents per rubric and Part A fields; frozen versions; remarks; requests for Part B",
            {
                "CREATE TABLE report_entries ("
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " kind TEXT NOT NULL,"
                " entry_key TEXT NOT NULL,"
                " version INTEGER NOT NULL,"
                " verdict TEXT NOT NULL DEFAULT '',"
                " reason TEXT NOT NULL DEFAULT '',"
                " body TEXT NOT NULL DEFAULT '',"
                " extra TEXT NOT NULL DEFAULT '',"
                " updated_by INTEGER REFERENCES users (id),"
                " updated_at INTEGER NOT NULL,"
                " PRIMARY KEY (trajectory_id, kind, entry_key))",
                "CREATE TABLE report_versions ("
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " version INTEGER NOT NULL,"
                " stage TEXT NOT NULL,"
                " dated TEXT NOT NULL,"
                " content TEXT NOT NULL,"
                " created_at INTEGER NOT NULL,"
                " PRIMARY KEY (trajectory_id, version))",
                "CREATE TABLE report_remarks ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " target TEXT NOT NULL,"
                " text TEXT NOT NULL,"
                " status TEXT NOT NULL,"
                " response TEXT NOT NULL DEFAULT '',"
                " created_on TEXT NOT NULL,"
                " created_by INTEGER REFERENCES users (id),"
                " decided_on TEXT NOT NULL DEFAULT '',"
                " decided_by INTEGER REFERENCES users (id))",
                "CREATE INDEX report_remarks_trajectory ON report_remarks (trajectory_id)",
                "CREATE TABLE part_b_requests ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " reason TEXT NOT NULL,"
                " requested_by INTEGER REFERENCES users (id),"
                " requested_on TEXT NOT NULL,"
                " created_at INTEGER NOT NULL)",
                "CREATE INDEX part_b_requests_trajectory ON part_b_requests (trajectory_id)",
            },
            {
                "CREATE TABLE report_entries ("
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " kind TEXT NOT NULL,"
                " entry_key TEXT NOT NULL,"
                " version INTEGER NOT NULL,"
                " verdict TEXT NOT NULL DEFAULT '',"
                " reason TEXT NOT NULL DEFAULT '',"
                " body TEXT NOT NULL DEFAULT '',"
                " extra TEXT NOT NULL DEFAULT '',"
                " updated_by BIGINT REFERENCES users (id),"
                " updated_at BIGINT NOT NULL,"
                " PRIMARY KEY (trajectory_id, kind, entry_key))",
                "CREATE TABLE report_versions ("
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " version INTEGER NOT NULL,"
                " stage TEXT NOT NULL,"
                " dated TEXT NOT NULL,"
                " content TEXT NOT NULL,"
                " created_at BIGINT NOT NULL,"
                " PRIMARY KEY (trajectory_id, version))",
                "CREATE TABLE report_remarks ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " target TEXT NOT NULL,"
                " text TEXT NOT NULL,"
                " status TEXT NOT NULL,"
                " response TEXT NOT NULL DEFAULT '',"
                " created_on TEXT NOT NULL,"
                " created_by BIGINT REFERENCES users (id),"
                " decided_on TEXT NOT NULL DEFAULT '',"
                " decided_by BIGINT REFERENCES users (id))",
                "CREATE INDEX report_remarks_trajectory ON report_remarks (trajectory_id)",
                "CREATE TABLE part_b_requests ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " reason TEXT NOT NULL,"
                " requested_by BIGINT REFERENCES users (id),"
                " requested_on TEXT NOT NULL,"
                " created_at BIGINT NOT NULL)",
                "CREATE INDEX part_b_requests_trajectory ON part_b_requests (trajectory_id)",
            },
        },
        {
            "improvement plans: each submitted round frozen, with the CI's decision on it (the items and assessments themselves are report entries)",
            {
                "CREATE TABLE plan_rounds ("
                " trajectory_id INTEGER NOT NULL REFERENCES trajectories (id),"
                " round INTEGER NOT NULL,"
                " submitted_on TEXT NOT NULL,"
                " assessed_on TEXT NOT NULL DEFAULT '',"
                " outcome TEXT NOT NULL DEFAULT '',"
                " content TEXT NOT NULL,"
                " created_at INTEGER NOT NULL,"
                " PRIMARY KEY (trajectory_id, round))",
            },
            {
                "CREATE TABLE plan_rounds ("
                " trajectory_id BIGINT NOT NULL REFERENCES trajectories (id),"
                " round INTEGER NOT NULL,"
                " submitted_on TEXT NOT NULL,"
                " assessed_on TEXT NOT NULL DEFAULT '',"
                " outcome TEXT NOT NULL DEFAULT '',"
                " content TEXT NOT NULL,"
                " created_at BIGINT NOT NULL,"
                " PRIMARY KEY (trajectory_id, round))",
            },
        },
        {
            "private calendar feeds: one per user, the token kept as a hash",
            {
                "CREATE TABLE calendar_feeds ("
                " user_id INTEGER PRIMARY KEY REFERENCES users (id),"
                " token_hash TEXT NOT NULL UNIQUE,"
                " created_at INTEGER NOT NULL)",
            },
            {
                "CREATE TABLE calendar_feeds ("
                " user_id BIGINT PRIMARY KEY REFERENCES users (id),"
                " token_hash TEXT NOT NULL UNIQUE,"
                " created_at BIGINT NOT NULL)",
            },
        },
        {
            // Issue 10 §5: each user's language, the e-mail outbox (one row per recipient message,
            // leased by one sender at a time) and the daily job's applied effect keys.
            "notifications: users.language, outbox, lifecycle_applied",
            {
                "ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl'",
                "CREATE TABLE outbox ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " user_id INTEGER REFERENCES users (id),"
                " recipient TEXT NOT NULL,"
                " language TEXT NOT NULL,"
                " kind TEXT NOT NULL,"
                " trajectory_id INTEGER REFERENCES trajectories (id),"
                " subject TEXT NOT NULL,"
                " body TEXT NOT NULL,"
                " link TEXT NOT NULL,"
                " status TEXT NOT NULL,"
                " attempts INTEGER NOT NULL DEFAULT 0,"
                " next_attempt_at INTEGER,"
                " first_failed_at INTEGER,"
                " last_error TEXT NOT NULL DEFAULT '',"
                " lease_owner TEXT,"
                " lease_until INTEGER,"
                " created_at INTEGER NOT NULL,"
                " sent_at INTEGER)",
                "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
                "CREATE INDEX outbox_user ON outbox (user_id, id)",
                "CREATE TABLE lifecycle_applied ("
                " effect_key TEXT PRIMARY KEY,"
                " applied_at INTEGER NOT NULL)",
            },
            {
                "ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl'",
                "CREATE TABLE outbox ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " user_id BIGINT REFERENCES users (id),"
                " recipient TEXT NOT NULL,"
                " language TEXT NOT NULL,"
                " kind TEXT NOT NULL,"
                " trajectory_id BIGINT REFERENCES trajectories (id),"
                " subject TEXT NOT NULL,"
                " body TEXT NOT NULL,"
                " link TEXT NOT NULL,"
                " status TEXT NOT NULL,"
                " attempts INTEGER NOT NULL DEFAULT 0,"
                " next_attempt_at BIGINT,"
                " first_failed_at BIGINT,"
                " last_error TEXT NOT NULL DEFAULT '',"
                " lease_owner TEXT,"
                " lease_until BIGINT,"
                " created_at BIGINT NOT NULL,"
                " sent_at BIGINT)",
                "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
                "CREATE INDEX outbox_user ON outbox (user_id, id)",
                "CREATE TABLE lifecycle_applied ("
                " effect_key TEXT PRIMARY KEY,"
                " applied_at BIGINT NOT NULL)",
            },
        },
        {
            // Issue 11: the certificates as issued (number SSW-YYYY-NNNN unique, a sequence per year
            // never reused), with their status and the renewal's dates the live status needs, a
            // folded search column for the public register; the register's ed25519 key pair.
            "certificates, signing_keys",
            {
                "CREATE TABLE certificates ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " number TEXT NOT NULL UNIQUE,"
                " year INTEGER NOT NULL,"
                " sequence INTEGER NOT NULL,"
                " member_id INTEGER NOT NULL REFERENCES organisations (id),"
                " member_name TEXT NOT NULL,"
                " town TEXT NOT NULL,"
                " kvk TEXT NOT NULL,"
                " lidnummer TEXT NOT NULL,"
                " scope TEXT NOT NULL,"
                " issued_on TEXT NOT NULL,"
                " valid_from TEXT NOT NULL,"
                " valid_through TEXT NOT NULL,"
                " expires TEXT NOT NULL,"
                " trajectory_id INTEGER REFERENCES trajectories (id),"
                " status TEXT NOT NULL,"
                " status_on TEXT NOT NULL DEFAULT '',"
                " reason TEXT NOT NULL DEFAULT '',"
                " supersedes TEXT NOT NULL DEFAULT '',"
                " superseded_by TEXT NOT NULL DEFAULT '',"
                " renewal_accepted_on TEXT NOT NULL DEFAULT '',"
                " renewal_positive_on TEXT NOT NULL DEFAULT '',"
                " renewal_ended_on TEXT NOT NULL DEFAULT '',"
                " search TEXT NOT NULL,"
                " created_at INTEGER NOT NULL,"
                " UNIQUE (year, sequence))",
                "CREATE INDEX certificates_member ON certificates (member_id)",
                "CREATE INDEX certificates_status ON certificates (status)",
                "CREATE TABLE signing_keys ("
                " id INTEGER PRIMARY KEY,"
                " public_key TEXT NOT NULL,"
                " secret_key TEXT NOT NULL,"
                " created_at INTEGER NOT NULL)",
            },
            {
                "CREATE TABLE certificates ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " number TEXT NOT NULL UNIQUE,"
                " year INTEGER NOT NULL,"
                " sequence INTEGER NOT NULL,"
                " member_id BIGINT NOT NULL REFERENCES organisations (id),"
                " member_name TEXT NOT NULL,"
                " town TEXT NOT NULL,"
                " kvk TEXT NOT NULL,"
                " lidnummer TEXT NOT NULL,"
                " scope TEXT NOT NULL,"
                " issued_on TEXT NOT NULL,"
                " valid_from TEXT NOT NULL,"
                " valid_through TEXT NOT NULL,"
                " expires TEXT NOT NULL,"
                " trajectory_id BIGINT REFERENCES trajectories (id),"
                " status TEXT NOT NULL,"
                " status_on TEXT NOT NULL DEFAULT '',"
                " reason TEXT NOT NULL DEFAULT '',"
                " supersedes TEXT NOT NULL DEFAULT '',"
                " superseded_by TEXT NOT NULL DEFAULT '',"
                " renewal_accepted_on TEXT NOT NULL DEFAULT '',"
                " renewal_positive_on TEXT NOT NULL DEFAULT '',"
                " renewal_ended_on TEXT NOT NULL DEFAULT '',"
                " search TEXT NOT NULL,"
                " created_at BIGINT NOT NULL,"
                " UNIQUE (year, sequence))",
                "CREATE INDEX certificates_member ON certificates (member_id)",
                "CREATE INDEX certificates_status ON certificates (status)",
                "CREATE TABLE signing_keys ("
                " id INTEGER PRIMARY KEY,"
                " public_key TEXT NOT NULL,"
                " secret_key TEXT NOT NULL,"
                " created_at BIGINT NOT NULL)",
            },
        },
        {
            // Issue 12: the trend analysis: one fact per trajectory with final findings (its
            // verdicts also as rows, for plain SQL and the benchmark's anchor) and the counters
            // kept from the facts per group, so a trends page reads a bounded number of rows.
            "trend_facts, trend_verdicts, trend_counts, trend_members",
            {
                "CREATE TABLE trend_facts ("
                " trajectory_id INTEGER PRIMARY KEY REFERENCES trajectories (id),"
                " member_id INTEGER NOT NULL,"
                " year INTEGER NOT NULL,"
                " variant TEXT NOT NULL,"
                " band TEXT NOT NULL,"
                " content TEXT NOT NULL)",
                "CREATE INDEX trend_facts_year ON trend_facts (year)",
                "CREATE INDEX trend_facts_member ON trend_facts (member_id)",
                "CREATE TABLE trend_verdicts ("
                " trajectory_id INTEGER NOT NULL REFERENCES trend_facts (trajectory_id),"
                " norm TEXT NOT NULL,"
                " verdict TEXT NOT NULL,"
                " PRIMARY KEY (trajectory_id, norm))",
                "CREATE TABLE trend_counts ("
                " grp TEXT NOT NULL,"
                " metric TEXT NOT NULL,"
                " subject TEXT NOT NULL,"
                " value TEXT NOT NULL,"
                " n BIGINT NOT NULL,"
                " PRIMARY KEY (grp, metric, subject, value))",
                "CREATE TABLE trend_members ("
                " grp TEXT NOT NULL,"
                " member_id INTEGER NOT NULL,"
                " n BIGINT NOT NULL,"
                " PRIMARY KEY (grp, member_id))",
            },
            {
                "CREATE TABLE trend_facts ("
                " trajectory_id BIGINT PRIMARY KEY REFERENCES trajectories (id),"
                " member_id BIGINT NOT NULL,"
                " year INTEGER NOT NULL,"
                " variant TEXT NOT NULL,"
                " band TEXT NOT NULL,"
                " content TEXT NOT NULL)",
                "CREATE INDEX trend_facts_year ON trend_facts (year)",
                "CREATE INDEX trend_facts_member ON trend_facts (member_id)",
                "CREATE TABLE trend_verdicts ("
                " trajectory_id BIGINT NOT NULL REFERENCES trend_facts (trajectory_id),"
                " norm TEXT NOT NULL,"
                " verdict TEXT NOT NULL,"
                " PRIMARY KEY (trajectory_id, norm))",
                "CREATE TABLE trend_counts ("
                " grp TEXT NOT NULL,"
                " metric TEXT NOT NULL,"
                " subject TEXT NOT NULL,"
                " value TEXT NOT NULL,"
                " n BIGINT NOT NULL,"
                " PRIMARY KEY (grp, metric, subject, value))",
                "CREATE TABLE trend_members ("
                " grp TEXT NOT NULL,"
                " member_id BIGINT NOT NULL,"
                " n BIGINT NOT NULL,"
                " PRIMARY KEY (grp, member_id))",
            },
        },
    };
    return list;
}

Result<bool> has_schema_version_table(Database& db)
{
    return db.run("schemaversie lezen", [&](soci::session& sql) -> Result<bool> {
        int count = 0;
        if (db.backend() == Backend::Sqlite) {
            sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                soci::into(count);
        } else {
            sql << "SELECT COUNT(*) FROM information_schema.tables"
                   " WHERE table_schema = current_schema() AND table_name = 'schema_version'",
                soci::into(count);
        }
        return count > 0;
    });
}

Status ensure_schema_version_table(Database& db)
{
    if (TRY(has_schema_version_table(db))) {
        return ok_status();
    }
    return db.transaction([&]() -> Status {
        return db.run("schemaversie aanmaken", [&](soci::session& sql) -> Status {
            sql << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            int rows = 0;
            sql << "SELECT COUNT(*) FROM schema_version", soci::into(rows);
            if (rows == 0) {
                sql << "INSERT INTO schema_version (version) VALUES (0)";
            }
            return ok_status();
        });
    });
}

// apply: one step in its own transaction. The version is read again inside it (locked on
// PostgreSQL), so two programs migrating at once apply each step once.
Status apply(Database& db, int step)
{
    Migration const& migration = migrations()[static_cast<std::size_t>(step)];
    return db.transaction([&]() -> Status {
        return db.run(std::string("migratie ") + std::to_string(step + 1), [&](soci::session& sql) -> Status {
            int current = 0;
            if (db.backend() == Backend::Postgresql) {
                sql << "SELECT version FROM schema_version FOR UPDATE", soci::into(current);
            } else {
                sql << "SELECT version FROM schema_version", soci::into(current);
            }
            if (current != step) {
                return ok_status();
            }
            auto const& statements = db.backend() == Backend::Sqlite ? migration.sqlite : migration.postgresql;
            for (char const* statement : statements) {
                sql << statement;
            }
            int const next = step + 1;
            sql << "UPDATE schema_version SET version = :version", soci::use(next);
            return ok_status();
        });
    });
}

}  // namespace

int binary_schema_version()
{
    return static_cast<int>(migrations().size());
}

Error newer_database_error(int database_version)
{
    return Error::precondition("database heeft schemaversie " + std::to_string(database_version)
                               + ", dit programma kent t/m " + std::to_string(binary_schema_version()));
}

Result<int> read_schema_version(Database& db)
{
    if (!TRY(has_schema_version_table(db))) {
        return 0;
    }
    return db.run("schemaversie lezen", [&](soci::session& sql) -> Result<int> {
        int version = 0;
        sql << "SELECT version FROM schema_version", soci::into(version);
        if (!sql.got_data()) {
            return 0;
        }
        return version;
    });
}

Status migrate(Database& db)
{
    TRY(ensure_schema_version_table(db));
    int const version = TRY(read_schema_version(db));
    if (version > binary_schema_version()) {
        return newer_database_error(version);
    }
    for (int step = version; step < binary_schema_version(); ++step) {
        TRY(apply(db, step));
    }
    return ok_status();
}

}  // namespace sterk
