// File: store.h
// The storage ports: one set of repository interfaces, implemented for SQLite and PostgreSQL
// (src/adapters/storage). Every method is one transaction unless run inside Store::transaction().
// A plain lookup returns std::optional; the service turns "missing" into NotFound.
#pragma once

#include "core/ports/certificate_records.h"
#include "core/ports/document_records.h"
#include "core/ports/outbox_records.h"
#include "core/ports/records.h"
#include "core/ports/plan_records.h"
#include "core/ports/report_records.h"
#include "core/ports/self_evaluation_records.h"
#include "core/ports/trajectory_records.h"
#include "core/ports/trend_records.h"
#include "core/registry/auditor.h"
#include "core/registry/peer_pool.h"
#include "core/registry/registry.h"
#include "core/result.h"

#include <functional>
#include <memory>
#include <set>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sterk {

class OrganisationRepository {
public:
    virtual ~OrganisationRepository() = default;
    virtual Result<Id> create(Organisation const& organisation) = 0;
    // update: name, lidnummer, city, email and website of an existing organisation (not its kind).
    virtual Status update(Organisation const& organisation) = 0;
    virtual Result<std::optional<Organisation>> find(Id id) = 0;
    virtual Result<std::vector<Organisation>> list() = 0;
};

class UserRepository {
public:
    virtual ~UserRepository() = default;
    // create: AlreadyExists (field "email") when the e-mail address is taken.
    virtual Result<Id> create(User const& user) = 0;
    virtual Result<std::optional<User>> find(Id id) = 0;
    virtual Result<std::optional<User>> find_by_email(std::string const& email) = 0;
    virtual Result<std::vector<User>> list() = 0;
    virtual Status set_password_hash(Id id, std::string const& password_hash) = 0;
    // set_role: the role and the organisation together (they must fit; the service checks that).
    // NotFound when there is no such user.
    virtual Status set_role(Id id, Role role, std::optional<Id> organisation_id) = 0;
    // set_active: NotFound when there is no such user.
    virtual Status set_active(Id id, bool active) = 0;
    // set_language: "nl" or "en" (the service checks which); NotFound when there is no such user.
    virtual Status set_language(Id id, std::string const& language) = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    virtual Status create(Session const& session) = 0;
    virtual Result<std::optional<Session>> find(std::string const& token_hash) = 0;
    virtual Status remove(std::string const& token_hash) = 0;
    virtual Status remove_for_user(Id user_id) = 0;
    virtual Status remove_expired(UnixTime now) = 0;
};

// LoginAttemptRepository: failed logins (and other counted requests) per key within a window.
class LoginAttemptRepository {
public:
    virtual ~LoginAttemptRepository() = default;
    // record_failure: one row for `key` at `at`; its id (for remove()).
    virtual Result<Id> record_failure(std::string const& key, UnixTime at) = 0;
    virtual Result<int> failures_since(std::string const& key, UnixTime since) = 0;
    virtual Status clear(std::string const& key) = 0;
    // clear_prefix: removes every row whose key starts with `prefix`.
    virtual Status clear_prefix(std::string const& prefix) = 0;
    // remove: one row recorded by record_failure.
    virtual Status remove(Id id) = 0;
    // remove_older_than: deletes every failure recorded before `before` (any key).
    virtual Status remove_older_than(UnixTime before) = 0;
    // lock: inside Store::transaction, makes every other transaction that locks the same key wait
    // until this one ends, also in another process (PostgreSQL: an advisory lock; SQLite: its
    // write transaction already excludes every other writer). So a count and the record that
    // depends on it cannot interleave with another request's.
    virtual Status lock(std::string const& key) = 0;
};

class PasswordResetRepository {
public:
    virtual ~PasswordResetRepository() = default;
    virtual Status create(PasswordReset const& reset) = 0;
    virtual Result<std::optional<PasswordReset>> find(std::string const& token_hash) = 0;
    virtual Status mark_used(std::string const& token_hash, UnixTime at) = 0;
    // invalidate_for_user: marks every still unused reset of the user as used at `at`, so older
    // links stop working once the password has been changed.
    virtual Status invalidate_for_user(Id user_id, UnixTime at) = 0;
};

// AuditQuery: one page of the audit log, newest first (by time, then by insertion). Every filter
// is optional; `before` is the (at, id) of the last entry of the previous page.
struct AuditQuery {
    std::optional<std::string> action;  // exact
    std::optional<std::string> actor_email;  // exact (addresses are stored lower-case)
    std::optional<UnixTime> from;  // at >= from
    std::optional<UnixTime> to;  // at < to
    std::optional<std::pair<UnixTime, Id>> before;
    int limit = 100;
};

// AuditLog: append-only; there is no update or delete.
class AuditLogRepository {
public:
    virtual ~AuditLogRepository() = default;
    virtual Result<Id> append(AuditEntry const& entry) = 0;
    virtual Result<std::vector<AuditEntry>> recent(int limit) = 0;
    // query: at most query.limit entries matching the filters, newest first.
    virtual Result<std::vector<AuditEntry>> query(AuditQuery const& query) = 0;
};

// AuditTally: how often one kind of event (action) came from one address in one fixed window; the
// audit log gets a row for the first event and one summary row for the rest, so a flood of them
// cannot push everything else out of sight.
struct AuditTally {
    std::string action;
    std::string ip;
    UnixTime window_start = 0;
    int count = 0;
    UnixTime first_at = 0;
    UnixTime last_at = 0;
};

class AuditTallyRepository {
public:
    virtual ~AuditTallyRepository() = default;
    // bump: adds one event to (action, ip, window_start); the count including this one.
    virtual Result<int> bump(std::string const& action, std::string const& ip, UnixTime window_start, UnixTime at) = 0;
    // started_before: every tally whose window started before `before`.
    virtual Result<std::vector<AuditTally>> started_before(UnixTime before) = 0;
    virtual Status remove(AuditTally const& tally) = 0;
};

// TrajectoryRepository: trajectories and their append-only event logs.
class TrajectoryRepository {
public:
    virtual ~TrajectoryRepository() = default;
    virtual Result<Id> create(TrajectoryRecord const& trajectory) = 0;
    virtual Result<std::optional<TrajectoryRecord>> find(Id id) = 0;
    // list: every trajectory, newest first; the caller's service keeps those it may see.
    virtual Result<std::vector<TrajectoryRecord>> list() = 0;
    virtual Result<std::vector<StoredEvent>> events(Id trajectory_id) = 0;
    // last_seqs: each trajectory's highest event seq (absent: no events yet). Events are never
    // edited or deleted, so this says whether a log has changed since it was last read.
    virtual Result<std::map<Id, int>> last_seqs() = 0;
    // append: the event must carry the next seq; FailedPrecondition when another event took that
    // seq first (someone recorded an event since the caller read the log).
    virtual Status append(StoredEvent const& event) = 0;
};

// RegistryRepository: the profiles of members and CIs, one per organisation of that kind.
class RegistryRepository {
public:
    virtual ~RegistryRepository() = default;
    // save_member / save_ci: insert or replace the profile of its organisation.
    virtual Status save_member(MemberProfile const& profile) = 0;
    virtual Result<std::optional<MemberProfile>> find_member(Id organisation_id) = 0;
    virtual Status save_ci(CiProfile const& profile) = 0;
    virtual Result<std::optional<CiProfile>> find_ci(Id organisation_id) = 0;
};

// SelfEvaluationRepository: self-evaluations and their versioned answers per norm.
class SelfEvaluationRepository {
public:
    virtual ~SelfEvaluationRepository() = default;
    // create: FailedPrecondition when the member already has an open self-evaluation.
    virtual Result<Id> create(SelfEvaluationRecord const& record) = 0;
    virtual Result<std::optional<SelfEvaluationRecord>> find(Id id) = 0;
    // list: newest first; every member's when `member_id` is empty.
    virtual Result<std::vector<SelfEvaluationRecord>> list(std::optional<Id> member_id) = 0;
    // answers: the saved answers (any order); a norm never saved has no row.
    virtual Result<std::vector<SelfEvaluationAnswer>> answers(Id self_evaluation_id) = 0;
    // lock_if_open: inside Store::transaction, locks the self-evaluation's row until the
    // transaction ends and says whether it is still open. Saves and completion both take it, so a
    // save cannot slip in after the completion was checked.
    virtual Result<bool> lock_if_open(Id id) = 0;
    // save_answer: stores `answer` with version expected_version + 1, only when the stored version
    // is `expected_version` (0: no row yet). FailedPrecondition when another save came first.
    virtual Status save_answer(SelfEvaluationAnswer const& answer, int expected_version) = 0;
    // complete: marks an open self-evaluation completed on `on`; FailedPrecondition otherwise.
    virtual Status complete(Id id, std::string const& on) = 0;
    // save_answer (above) also replaces the answer's evidence and stores its to_confirm flag.
    // evidence_documents: the metadata of every document cited in the self-evaluation's answers.
    virtual Result<std::vector<DocumentRecord>> evidence_documents(Id self_evaluation_id) = 0;
    // request_feedback: FailedPrecondition when feedback was already requested for it.
    virtual Status request_feedback(FeedbackRequest const& request) = 0;
    virtual Result<std::optional<FeedbackRequest>> feedback_request(Id self_evaluation_id) = 0;
    // handed_to: the self-evaluations handed to the CI `ci_id` for feedback, newest first.
    virtual Result<std::vector<SelfEvaluationRecord>> handed_to(Id ci_id) = 0;
    virtual Result<std::vector<NormFeedback>> feedback(Id self_evaluation_id) = 0;
    // save_feedback: as save_answer, over `expected_version`; FailedPrecondition when stale.
    virtual Status save_feedback(NormFeedback const& feedback, int expected_version) = 0;
    // document_shared_with: whether `document_id` is cited in a self-evaluation handed to `ci_id`.
    virtual Result<bool> document_shared_with(Id document_id, Id ci_id) = 0;
};

// DocumentRepository: uploaded documents, their bytes kept in the database beside the metadata.
class DocumentRepository {
public:
    virtual ~DocumentRepository() = default;
    // create: stores the record (its id is ignored) with `content`, byte for byte; the new id.
    virtual Result<Id> create(DocumentRecord const& record, std::string_view content) = 0;
    // find: the metadata only (the bytes are read by content()).
    virtual Result<std::optional<DocumentRecord>> find(Id id) = 0;
    virtual Result<std::optional<std::string>> content(Id id) = 0;
};

// AuditorRepository: the auditors registry, each auditor with its declared ties.
class AuditorRepository {
public:
    virtual ~AuditorRepository() = default;
    // create / update: the auditor and its ties (update replaces every tie). update: NotFound
    // when there is no such auditor.
    virtual Result<Id> create(Auditor const& auditor) = 0;
    virtual Status update(Auditor const& auditor) = 0;
    virtual Result<std::optional<Auditor>> find(Id id) = 0;
    // list: every auditor with its ties, by name.
    virtual Result<std::vector<Auditor>> list() = 0;
};

// PeerPoolRepository: peer pools and their members, in the pool's order. A member is in at most
// one open pool: create and update refuse (FailedPrecondition, field "members") a member that is
// already in another open pool, also when two writes race.
class PeerPoolRepository {
public:
    virtual ~PeerPoolRepository() = default;
    virtual Result<Id> create(PeerPool const& pool) = 0;
    // update: name, CI, state and members of an existing pool; NotFound when there is none.
    virtual Status update(PeerPool const& pool) = 0;
    virtual Result<std::optional<PeerPool>> find(Id id) = 0;
    // list: every pool, newest first.
    virtual Result<std::vector<PeerPool>> list() = 0;
};

// ReportRepository: the audit report's entries, frozen versions, remarks and Part B requests.
class ReportRepository {
public:
    virtual ~ReportRepository() = default;
    // lock: inside Store::transaction, makes every other writer of this trajectory's report wait
    // until the transaction ends (PostgreSQL: the trajectory's row; SQLite: its write lock), so a
    // save cannot slip in after concept_sent checked the stage.
    virtual Status lock(Id trajectory_id) = 0;
    virtual Result<std::vector<ReportEntry>> entries(Id trajectory_id) = 0;
    // save_entry: stores `entry` with version expected_version + 1, only when the stored version
    // is `expected_version` (0: no row yet). FailedPrecondition when another save came first.
    virtual Status save_entry(ReportEntry const& entry, int expected_version) = 0;
    // add_version: FailedPrecondition when that version number is taken.
    virtual Status add_version(ReportVersionRecord const& version) = 0;
    virtual Result<std::vector<ReportVersionRecord>> versions(Id trajectory_id) = 0;  // oldest first
    virtual Result<Id> add_remark(RemarkRecord const& remark) = 0;
    virtual Result<std::vector<RemarkRecord>> remarks(Id trajectory_id) = 0;  // oldest first
    // update_remark: status, response and decision of a remark, only while its stored status is
    // `expected_status`; FailedPrecondition otherwise.
    virtual Status update_remark(RemarkRecord const& remark, std::string const& expected_status) = 0;
    // delete_draft: removes a draft remark; FailedPrecondition when it is not (or no longer) a draft.
    virtual Status delete_draft(Id trajectory_id, Id remark_id) = 0;
    virtual Result<Id> add_part_b_request(PartBRequestRecord const& request) = 0;
    virtual Result<std::vector<PartBRequestRecord>> part_b_requests(Id trajectory_id) = 0;  // oldest first
};

// PlanRepository: the frozen rounds (the items and assessments themselves are report entries).
class PlanRepository {
public:
    virtual ~PlanRepository() = default;
    // add_round: FailedPrecondition when that round number is taken.
    virtual Status add_round(PlanRoundRecord const& round) = 0;
    virtual Result<std::vector<PlanRoundRecord>> rounds(Id trajectory_id) = 0;  // oldest first
    // assess_round: records the CI's decision and the content with its assessments; only once
    // (FailedPrecondition when the round was assessed already).
    virtual Status assess_round(PlanRoundRecord const& round) = 0;
};

// CalendarFeedRecord: a user's private calendar feed; only the token's hash is kept.
struct CalendarFeedRecord {
    Id user_id = 0;
    std::string token_hash;
    UnixTime created_at = 0;
};

// CalendarFeedRepository: at most one feed per user.
class CalendarFeedRepository {
public:
    virtual ~CalendarFeedRepository() = default;
    virtual Result<std::optional<CalendarFeedRecord>> of_user(Id user_id) = 0;
    virtual Result<std::optional<CalendarFeedRecord>> by_token_hash(std::string const& token_hash) = 0;
    // replace: the user's feed becomes this one (an earlier token stops working).
    virtual Status replace(CalendarFeedRecord const& feed) = 0;
    virtual Status remove(Id user_id) = 0;
};

// OutboxRepository: the e-mail outbox (LIFECYCLE.md §6). A row is claimed by one sender at a
// time through a lease: claim_due() sets lease_owner and lease_until on rows nobody holds, and
// only the holder can record the outcome, so several servers on one PostgreSQL database never
// send a row twice; a lease that ran out (a sender that died) makes the row due again.
class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;
    // add: the new row's id (its id, status and attempts are taken as given: pending, 0).
    virtual Result<Id> add(OutboxMessage const& message) = 0;
    virtual Result<std::optional<OutboxMessage>> find(Id id) = 0;
    // claim_due: at most `limit` pending rows due at `now` (next_attempt_at <= now) that nobody
    // holds (no lease, or one that ended before `now`), oldest first, now held by `owner` until
    // `lease_until`.
    virtual Result<std::vector<OutboxMessage>> claim_due(UnixTime now, std::string const& owner, UnixTime lease_until,
                                                         int limit) = 0;
    // mark_sent: status sent at `at`, lease released; `note` kept as last_error (empty: cleared).
    // FailedPrecondition when `owner` does not hold the row (any more).
    virtual Status mark_sent(Id id, std::string const& owner, UnixTime at, std::string const& note) = 0;
    // mark_attempt_failed: attempts + 1, last_error, first_failed_at when not yet set, lease
    // released; pending again from `next_attempt_at`, or failed when that is empty.
    // FailedPrecondition when `owner` does not hold the row.
    virtual Status mark_attempt_failed(Id id, std::string const& owner, UnixTime at, std::string const& error,
                                       std::optional<UnixTime> next_attempt_at) = 0;
    // retry: a failed row pending again from `now` (attempts and first failure reset);
    // FailedPrecondition when it is not failed, NotFound when there is none.
    virtual Status retry(Id id, UnixTime now) = 0;
    // list: newest first, at most `limit`; only `status` when given.
    virtual Result<std::vector<OutboxMessage>> list(std::optional<OutboxStatus> status, int limit) = 0;
    virtual Result<OutboxCounts> counts() = 0;
    // for_user: the rows addressed to one user, newest first, at most `limit`.
    virtual Result<std::vector<OutboxMessage>> for_user(Id user_id, int limit) = 0;
};

// LifecycleRepository: the keys of the daily job's effects already applied (LIFECYCLE.md §4).
class LifecycleRepository {
public:
    virtual ~LifecycleRepository() = default;
    // applied_keys: every key applied so far.
    virtual Result<std::set<std::string>> applied_keys() = 0;
    // mark_applied: true when `key` is new (recorded now), false when it was applied before (also
    // by another process in a race: the key is unique). Use inside the effect's transaction.
    virtual Result<bool> mark_applied(std::string const& key, UnixTime at) = 0;
};

// Store: the database. schema_version() / migrate() follow the append-only migration list.
class Store {
public:
    virtual ~Store() = default;
    virtual OrganisationRepository& organisations() = 0;
    virtual UserRepository& users() = 0;
    virtual SessionRepository& sessions() = 0;
    virtual LoginAttemptRepository& login_attempts() = 0;
    virtual PasswordResetRepository& password_resets() = 0;
    virtual AuditLogRepository& audit_log() = 0;
    virtual TrajectoryRepository& trajectories() = 0;
    virtual RegistryRepository& registry() = 0;
    virtual AuditTallyRepository& audit_tallies() = 0;
    virtual SelfEvaluationRepository& self_evaluations() = 0;
    virtual DocumentRepository& documents() = 0;
    virtual ReportRepository& reports() = 0;
    virtual PlanRepository& plans() = 0;
    virtual CalendarFeedRepository& calendar_feeds() = 0;
    virtual AuditorRepository& auditors() = 0;
    virtual PeerPoolRepository& peer_pools() = 0;
    virtual OutboxRepository& outbox() = 0;
    virtual LifecycleRepository& lifecycle() = 0;
    virtual CertificateRepository& certificates() = 0;
    virtual TrendRepository& trends() = 0;
    // transaction: runs `work` in one transaction; commits when it returns ok, rolls back otherwise.
    virtual Status transaction(std::function<Status()> const& work) = 0;
    // check_ready: ok when the database answers and holds the schema this program expects (the
    // readiness check a proxy or orchestrator asks before sending traffic).
    virtual Status check_ready() = 0;
};

}  // namespace sterk
