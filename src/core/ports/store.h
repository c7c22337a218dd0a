// File: store.h
// The storage ports: one set of repository interfaces, implemented for SQLite and PostgreSQL
// (src/adapters/storage). Every method is one transaction unless run inside Store::transaction().
// A plain lookup returns std::optional; the service turns "missing" into NotFound.
#pragma once

#include "core/ports/records.h"
#include "core/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

class OrganisationRepository {
public:
    virtual ~OrganisationRepository() = default;
    virtual Result<Id> create(Organisation const& organisation) = 0;
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

// LoginThrottle: failed logins per key (e-mail address or IP) within a window.
class LoginAttemptRepository {
public:
    virtual ~LoginAttemptRepository() = default;
    virtual Status record_failure(std::string const& key, UnixTime at) = 0;
    virtual Result<int> failures_since(std::string const& key, UnixTime since) = 0;
    virtual Status clear(std::string const& key) = 0;
    // remove_older_than: deletes every failure recorded before `before` (any key).
    virtual Status remove_older_than(UnixTime before) = 0;
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

// AuditLog: append-only; there is no update or delete.
class AuditLogRepository {
public:
    virtual ~AuditLogRepository() = default;
    virtual Result<Id> append(AuditEntry const& entry) = 0;
    virtual Result<std::vector<AuditEntry>> recent(int limit) = 0;
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
    // transaction: runs `work` in one transaction; commits when it returns ok, rolls back otherwise.
    virtual Status transaction(std::function<Status()> const& work) = 0;
};

}  // namespace sterk
